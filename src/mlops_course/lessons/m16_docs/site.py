"""Build an MkDocs site for real (``mkdocs build --strict``) and a small sandbox site to try pages.

The build runs MkDocs in a subprocess (``python -m mkdocs``, the same command the project's CI
runs), offline: the Material theme with ``font: false`` loads no web fonts, and no plugin that
downloads (privacy, social) is enabled.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

BUILD_TIMEOUT: Final = 120  # seconds
_WARNING: Final = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")

# The sandbox site of the module's exercise: the project's configuration without the API page.
SANDBOX_CONFIG: Final = """\
site_name: Churn project (sandbox)
docs_dir: docs
theme:
  name: material
  font: false
  language: es
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Inicio: index.md
  - Cómo ejecutar: como-ejecutar.md
  - Model card: model-card.md
  - Datasheet: datasheet.md
  - Referencia de la API: api.md
  - Decisiones:
      - adr/0001-despliegue.md
"""

SANDBOX_PAGES: Final = {
    "index.md": ("# Proyecto churn\n\nEmpieza por [cómo ejecutar](como-ejecutar.md).\n"),
    "model-card.md": "# Model card\n\n## Métricas\n\nROC AUC del champion.\n",
    "datasheet.md": (
        "# Datasheet\n\n## Motivación\n\nPor qué existe el conjunto.\n\n"
        "## Composición\n\nFilas, columnas y grupos.\n"
    ),
    "api.md": "# Referencia de la API\n\nLas funciones del paquete `churn_project`.\n",
    "adr/0001-despliegue.md": (
        "# ADR-0001: Dónde desplegar la API de churn\n\n## Decisión\n\nECS/Fargate.\n"
    ),
    "assets/pipeline.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20">'
        '<text x="0" y="15">prepare → train</text></svg>\n'
    ),
}

BROKEN_HOW_TO_RUN: Final = """\
# Cómo ejecutar el proyecto

Tres órdenes, desde la raíz del repositorio:

```bash
dvc repro            # datos → modelo, solo lo que cambió
pytest               # los tests del proyecto (cobertura ≥ 80 %)
mkdocs build --strict  # este sitio, sin enlaces rotos
```

<img src="assets/flujo.svg" alt="El pipeline de DVC">

Antes de usar el modelo, lee su [model card](model_card.md) y la
[composición de los datos](datasheet.md#composicion-de-los-datos). La decisión de despliegue
está en el [ADR 0001](/adr/0001-despliegue.md) y las funciones, en la
[referencia de la API](referencia.md).
"""


@dataclass(frozen=True)
class BuildResult:
    """What ``mkdocs build`` said."""

    ok: bool
    warnings: tuple[str, ...]  # WARNING/ERROR lines, without the level prefix
    seconds: float
    output: str  # everything it printed

    def __str__(self) -> str:
        state = "ok" if self.ok else "falló"
        return f"mkdocs build: {state} en {self.seconds:.1f} s, {len(self.warnings)} avisos"


def build_site(
    config_file: Path, site_dir: Path, *, strict: bool = True, timeout: int = BUILD_TIMEOUT
) -> BuildResult:
    """Run ``mkdocs build [--strict]`` on ``config_file`` into ``site_dir``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_file)]
    command += ["-d", str(Path(site_dir).resolve())]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=Path(config_file).resolve().parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    output = done.stdout + done.stderr
    warnings = tuple(
        match.group(2).strip()
        for line in output.splitlines()
        if (match := _WARNING.match(line.strip()))
    )
    return BuildResult(done.returncode == 0, warnings, time.perf_counter() - start, output)


def write_sandbox(folder: Path, how_to_run: str) -> Path:
    """A small site in ``folder`` whose «cómo ejecutar» page is ``how_to_run``; its mkdocs.yml.

    Raises:
        TypeError: ``how_to_run`` is not text.
    """
    if not isinstance(how_to_run, str):
        raise TypeError(f"La página debe ser un texto (str), no {type(how_to_run).__name__}.")
    folder = Path(folder)
    docs = folder / "docs"
    for name, text in {**SANDBOX_PAGES, "como-ejecutar.md": how_to_run}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(SANDBOX_CONFIG, encoding="utf-8")
    return config
