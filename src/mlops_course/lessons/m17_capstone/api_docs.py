"""The API's reference page from its OpenAPI contract, offline, and its screenshot.

FastAPI's ``/docs`` and ``/redoc`` load Swagger UI and ReDoc from a CDN: offline (and in the
grader) they are blank pages. The contract itself (``/openapi.json``, saved by the demo) holds
everything a reader needs: each operation with its summary, security and answers, and each
schema with its fields, types, limits and allowed values. :func:`reference_page` renders that as
one static HTML page (every value escaped, no script, no request); :func:`screenshot` takes a
picture of it with headless Chromium for the portfolio.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Final

from jinja2 import Environment, select_autoescape

METHODS: Final = ("get", "post", "put", "patch", "delete")
BROWSERS: Final = ("chromium", "chromium-browser", "google-chrome")
TEMPLATE: Final = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>{{ info.title }}</title>
<style>
body{font-family:sans-serif;margin:2rem;max-width:70rem;color:#1f2328}
h1{margin-bottom:.2rem} .version{color:#59636e}
.op{border:1px solid #d1d9e0;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
.method{display:inline-block;min-width:4rem;font-weight:bold;color:#fff;border-radius:4px;
text-align:center;margin-right:.6rem}
.get{background:#0969da}.post{background:#1a7f37}.put,.patch{background:#9a6700}
.delete{background:#cf222e} code{background:#f6f8fa;padding:0 .2rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}
td,th{border:1px solid #d1d9e0;padding:.25rem .5rem;text-align:left;font-size:.9rem}
</style></head><body>
<h1>{{ info.title }}</h1><p class="version">versión {{ info.version }}</p>
<p>{{ info.description }}</p>
<h2>Operaciones</h2>
{% for op in operations %}<div class="op">
<span class="method {{ op.method }}">{{ op.method | upper }}</span><code>{{ op.path }}</code>
— {{ op.summary }}{% if op.secured %} · requiere <code>{{ op.secured }}</code>{% endif %}
{% if op.description %}<p>{{ op.description }}</p>{% endif %}
{% if op.body %}<p>Cuerpo: <code>{{ op.body }}</code></p>{% endif %}
<p>Respuestas: {% for code, text in op.responses %}<code>{{ code }}</code> {{ text }}
{%- if not loop.last %} · {% endif %}{% endfor %}</p>
</div>{% endfor %}
<h2>Esquemas</h2>
{% for name, fields in schemas %}<h3>{{ name }}</h3>
<table><tr><th>campo</th><th>tipo</th><th>obligatorio</th><th>límites y valores</th>
<th>descripción</th></tr>
{% for f in fields %}<tr><td><code>{{ f.name }}</code></td><td>{{ f.type }}</td>
<td>{{ "sí" if f.required else "no" }}</td><td>{{ f.limits }}</td><td>{{ f.description }}</td></tr>
{% endfor %}</table>{% endfor %}
</body></html>
"""


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type(item) for item in schema["anyOf"])
    if schema.get("type") == "array":
        return f"lista de {_type(schema.get('items', {}))}"
    return str(schema.get("type", "objeto"))


def _limits(schema: dict[str, Any]) -> str:
    parts = []
    for key, label in (("minimum", "mín."), ("maximum", "máx."), ("maxLength", "long. máx.")):
        if key in schema:
            parts.append(f"{label} {schema[key]:g}" if isinstance(schema[key], float) else
                         f"{label} {schema[key]}")  # fmt: skip
    if "enum" in schema:
        parts.append("uno de: " + ", ".join(str(v) for v in schema["enum"]))
    for item in schema.get("anyOf", []):
        extra = _limits(item)
        if extra:
            parts.append(extra)
    return "; ".join(parts)


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            security = [name for entry in op.get("security", []) for name in entry]
            found.append({
                "method": method,
                "path": path,
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "body": _type(body.get("schema", {})) if body else "",
                "secured": ", ".join(security),
                "responses": [(code, r.get("description", "")) for code, r in
                              sorted(op.get("responses", {}).items())],
            })  # fmt: skip
    return found


def _schemas(spec: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    found = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        fields = [
            {
                "name": field,
                "type": _type(item),
                "required": field in required,
                "limits": _limits(item),
                "description": item.get("description", ""),
            }
            for field, item in schema.get("properties", {}).items()
        ]
        found.append((name, fields))
    return found


def reference_page(spec: dict[str, Any]) -> str:
    """The contract as one static HTML page in Spanish.

    Raises:
        ValueError: (in Spanish) ``spec`` is not an OpenAPI document with paths.
    """
    if not isinstance(spec, dict) or "openapi" not in spec or not spec.get("paths"):
        raise ValueError(
            "No es un contrato OpenAPI: faltan «openapi» o «paths» (¿es /openapi.json?)."
        )
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    info = {"title": "API", "version": "", "description": "", **spec.get("info", {})}
    return env.from_string(TEMPLATE).render(
        info=info, operations=_operations(spec), schemas=_schemas(spec)
    )


def browser() -> str | None:
    """Chromium (or Chrome) on this machine, if any."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def screenshot(page: Path, picture: Path, width: int = 1200, height: int = 1600) -> Path:
    """A PNG of the local HTML ``page`` taken with headless Chromium, with no network.

    Raises:
        FileNotFoundError: (in Spanish) there is no Chromium or no page.
        RuntimeError: Chromium did not write the picture (its last lines in the message).
    """
    found = browser()
    if found is None:
        raise FileNotFoundError(
            "No hay Chromium para la captura (Debian/Ubuntu: sudo apt-get install chromium); "
            f"la página está en {page}: ábrela en tu navegador y captúrala a mano."
        )
    if not page.is_file():
        raise FileNotFoundError(f"No existe la página {page}.")
    picture.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        command = [
            found, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9",
            f"--window-size={width},{height}", f"--screenshot={picture}",
            page.resolve().as_uri(),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    if not picture.is_file():
        lines = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise RuntimeError("Chromium no escribió la captura:\n" + "\n".join(lines))
    return picture
