"""Checks of the layers that deliver the model: the CI workflows (09), the Dockerfile (10), the
API served for real on 127.0.0.1 (11) and the documented deployment decision (12)."""

from __future__ import annotations

import json
import math
import re
import secrets
import sys
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Final

import yaml

from mlops_course.lessons.common.churn import make_churn
from mlops_course.lessons.m09_ci.linters import lint_workflow
from mlops_course.lessons.m10_docker.hadolint import blocking, run_hadolint
from mlops_course.lessons.m10_docker.structure import dockerfile_facts
from mlops_course.lessons.m11_api.server import serve
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context
from mlops_course.lessons.m17_capstone.store import registered_aliases
from mlops_course.lessons.m17_capstone.tools import run, tail

ADR_SECTIONS: Final = {
    "contexto": ("contexto",),
    "decisión": ("decision",),
    "consecuencias": ("consecuencias",),
    "alternativas u opciones": ("alternativas", "opciones"),
}
DEPLOY_TARGETS: Final = re.compile(r"lambda|fargate|ecs|kubernetes|eks|cloud run", re.IGNORECASE)
SHOWN: Final = 8
READY_TIMEOUT: Final = 60.0  # a cold start imports MLflow and loads the model: seconds


def workflows(project: Path, context: Context) -> tuple[str, ...]:
    """Every workflow under .github/workflows passes the schema, actionlint and zizmor."""
    folder = project / ".github" / "workflows"
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []
    if not files:
        raise CheckFailed("No hay workflows en .github/workflows/.")
    findings = [f"{path.name}: {item}" for path in files for item in lint_workflow(path)]
    if findings:
        raise CheckFailed(
            f"Los linters de workflows encuentran {len(findings)} problemas.",
            tuple(findings[:SHOWN]),
        )
    return (f"{len(files)} workflows sin hallazgos (esquema, actionlint, zizmor)",)


def dockerfile(project: Path, context: Context) -> tuple[str, ...]:
    """hadolint without warnings, at least two stages, a final stage that does not run as root."""
    path = project / "Dockerfile"
    if not path.is_file():
        raise CheckFailed("Falta el Dockerfile en la raíz del proyecto.")
    found = blocking(run_hadolint(path))
    if found:
        shown = tuple(f"línea {item.line} {item.code}: {item.message}" for item in found)
        raise CheckFailed(f"hadolint encuentra {len(found)} avisos o errores.", shown[:SHOWN])
    facts = dockerfile_facts(path.read_text(encoding="utf-8"))
    if len(facts.stages) < 2:
        raise CheckFailed("El Dockerfile tiene una sola etapa: separa build y runtime.")
    if facts.runs_as_root:
        raise CheckFailed("La imagen final corre como root: añade un USER sin privilegios.")
    return (f"hadolint sin avisos; {len(facts.stages)} etapas; USER {facts.final_user}",)


def call_api(url: str, body: Any = None, key: str = "") -> tuple[int, dict[str, Any], str]:
    """GET ``url`` (or POST ``body`` as JSON, with ``X-API-Key`` when ``key``): status, JSON
    answer (an error's body too) and content type."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST")
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("X-API-Key", key)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return (
                response.status,
                json.loads(response.read() or b"{}"),
                response.headers.get("Content-Type", ""),
            )
    except urllib.error.HTTPError as error:
        raw = error.read() or b"{}"
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = {"cuerpo": raw[:200].decode(errors="replace")}
        return error.code, payload, error.headers.get("Content-Type", "")


def _customer(schema: dict[str, Any]) -> dict[str, Any]:
    """One customer of the course generator, shaped by the API's own OpenAPI schema."""
    model = schema.get("components", {}).get("schemas", {}).get("Customer", {})
    fields = model.get("properties", {})
    if not fields:
        raise CheckFailed("El esquema OpenAPI de la API no describe el modelo «Customer».")
    row = make_churn(n_rows=1, seed=17).iloc[0].to_dict()
    customer: dict[str, Any] = {}
    for name, spec in fields.items():
        if name not in row:
            continue
        kinds = {spec.get("type")} | {item.get("type") for item in spec.get("anyOf", [])}
        value = row[name]
        if "boolean" in kinds:
            customer[name] = bool(value)
        elif "integer" in kinds:
            customer[name] = int(value)
        elif "number" in kinds:
            customer[name] = float(value)
        else:
            customer[name] = str(value)
    return customer


def served_alias(project: Path) -> str:
    """``champion`` when the registry has it, otherwise the alias every training sets."""
    try:
        params = yaml.safe_load((project / "params.yaml").read_text(encoding="utf-8")) or {}
        tracking = params.get("tracking") or {}
        name = str(tracking.get("registered_model", "churn-classifier"))
        candidate = str(tracking.get("candidate_alias", "challenger"))
    except (OSError, yaml.YAMLError, AttributeError):
        return "champion"
    return "champion" if ("champion" in registered_aliases(project.parent, name)) else candidate


def api(project: Path, context: Context) -> tuple[str, ...]:
    """The project's API under uvicorn on 127.0.0.1: /health, /openapi.json, a valid POST
    /predict with a probability, and a 422 problem for an invalid customer."""
    if not (project / "src" / "churn_project" / "api").is_dir():
        raise CheckFailed("Falta la API: src/churn_project/api/ (módulo 11).")
    key = secrets.token_urlsafe(16)
    alias = served_alias(project)
    env = {k: v for k, v in context.env.items() if not k.startswith("CHURN_")}
    env.update(CHURN_API_KEYS=key, CHURN_MODEL_ALIAS=alias)
    try:
        with serve(project, env=env, timeout=READY_TIMEOUT) as server:
            status, _, _ = call_api(f"{server.url}/health")
            if status != 200:
                raise CheckFailed(f"GET /health responde {status}, no 200.")
            status, schema, _ = call_api(f"{server.url}/openapi.json")
            if status != 200:
                raise CheckFailed(f"GET /openapi.json responde {status}, no 200.")
            customer = _customer(schema)
            status, _, _ = call_api(f"{server.url}/predict", customer)
            if status != 401:
                raise CheckFailed(f"POST /predict sin X-API-Key responde {status}, no 401.")
            status, answer, _ = call_api(f"{server.url}/predict", customer, key)
            probability = answer.get("churn_probability")
            if status != 200 or not isinstance(probability, (int, float)):
                raise CheckFailed(
                    f"POST /predict con un cliente válido responde {status} sin probabilidad.",
                    (json.dumps(answer, ensure_ascii=False)[:300],),
                )
            if not (0.0 <= float(probability) <= 1.0) or math.isnan(float(probability)):
                raise CheckFailed(f"La probabilidad {probability} no está entre 0 y 1.")
            wrong = {**customer, "age": "cuarenta"}
            status, _, kind = call_api(f"{server.url}/predict", wrong, key)
            if status != 422 or "json" not in kind:
                raise CheckFailed(
                    f"Un cliente inválido (edad como texto) responde {status} ({kind}), no un 422 "
                    "con un problema JSON."
                )
    except RuntimeError as error:  # the server never became ready: its last log lines
        lines = tuple(str(error).splitlines()[-8:])
        raise CheckFailed("La API no arranca con uvicorn.", lines) from error
    return (
        f"sirve «{alias}»; sin clave → 401; POST /predict 200 con probabilidad "
        f"{float(probability):.3f}; cliente inválido → 422 ({kind})",
    )


def demo(project: Path, context: Context) -> tuple[str, ...]:
    """``python scripts/demo.py`` (the recorded demo) ends with 0, its contract written to the
    checker's scratch folder instead of the project."""
    script = project / "scripts" / "demo.py"
    if not script.is_file():
        raise CheckFailed("Falta scripts/demo.py, la demo grabable (módulo 17).")
    env = {k: v for k, v in context.env.items() if not k.startswith("CHURN_")}
    env.update(CHURN_MODEL_ALIAS=served_alias(project), CHURN_DEMO_DIR=str(context.scratch))
    code, output = run([sys.executable, str(script)], project, env, timeout=180)
    if code != 0:
        raise CheckFailed("La demo termina con error: no se puede grabar así.", tail(output))
    if not (context.scratch / "openapi.json").is_file():
        raise CheckFailed("La demo no guardó el contrato de la API (openapi.json).")
    return ("python scripts/demo.py: código de salida 0", *tail(output, 14))


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in folded if not unicodedata.combining(char))


def deployment_adr(project: Path, context: Context) -> tuple[str, ...]:
    """An ADR under docs/adr that decides where to deploy, with every section and a figure."""
    folder = project / "docs" / "adr"
    adrs = sorted(folder.glob("*.md")) if folder.is_dir() else []
    candidates = [path for path in adrs if DEPLOY_TARGETS.search(path.read_text(encoding="utf-8"))]
    if not candidates:
        raise CheckFailed("No hay en docs/adr/ un ADR que decida dónde desplegar (módulo 12).")
    problems = []
    for path in candidates:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        headings = [_plain(line.lstrip("#").strip()) for line in lines if line.startswith("#")]
        absent = [
            label
            for label, words in ADR_SECTIONS.items()
            if not any(h.startswith(word) for h in headings for word in words)
        ]
        if not absent and re.search(r"\d", text):
            return (f"{path.relative_to(project)}: contexto, decisión, consecuencias y opciones",)
        problems.append(f"{path.name}: faltan {', '.join(absent) or 'cifras'}")
    raise CheckFailed("El ADR de despliegue está incompleto.", tuple(problems))
