"""The churn project's Dockerfiles: the level-1 one that works (and fails every review), and the
course's level-3 reference (multi-stage, slim runtime pinned by digest, non-root, healthcheck).

Without network or engine nobody can resolve today's digest of ``python:3.11-slim``: the
reference takes it as a parameter, and :data:`PLACEHOLDER_DIGEST` (all zeros, marked as such in
the file) stands in until an engine resolves the real one (``docker buildx imagetools inspect``).
"""

from __future__ import annotations

from typing import Final

PLACEHOLDER_DIGEST: Final = "sha256:" + "0" * 64
BASE: Final = "python:3.11-slim"
UID: Final = 10001

LEVEL1_DOCKERFILE: Final = """\
FROM python:3.11
RUN apt-get update && apt-get install -y gcc build-essential
COPY . /app
WORKDIR /app
RUN pip install .
CMD python -m churn_project.stages.train
"""

DOCKERIGNORE: Final = """\
# Lo que nunca entra al contexto de construcción (ni a la imagen)
.git
.dvc/cache
.dvc/tmp
.venv
**/__pycache__
*.pyc
.pytest_cache
.mypy_cache
.ruff_cache
.coverage
htmlcov
mlruns
mlflow.db
data
models
*.respaldo-*
.env
"""


def reference_dockerfile(digest: str = PLACEHOLDER_DIGEST) -> str:
    """The level-3 Dockerfile of the churn project, its bases pinned by ``digest``.

    Raises:
        ValueError: ``digest`` is not ``sha256:`` followed by 64 hexadecimal digits.
    """
    hexa = digest.removeprefix("sha256:")
    if not digest.startswith("sha256:") or len(hexa) != 64 or hexa.strip("0123456789abcdef"):
        raise ValueError("El digest debe ser 'sha256:' seguido de 64 dígitos hexadecimales.")
    warning = (
        "# DIGEST DE EJEMPLO (ceros): reemplácenlo por el real, p. ej. con\n"
        "#   docker buildx imagetools inspect python:3.11-slim\n"
        if digest == PLACEHOLDER_DIGEST
        else ""
    )
    return f"""\
# syntax=docker/dockerfile:1
# Imagen del servicio de churn, nivel 3: multi-stage, base slim fijada por digest, sin
# herramientas de compilación en la imagen final, usuario sin privilegios y healthcheck.
{warning}FROM {BASE}@{digest} AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# Primero lo que cambia poco (dependencias), después el código: la caché sobrevive a cada commit.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY pyproject.toml README.md ./
COPY src/ src/
RUN pip install --no-cache-dir --no-deps .

FROM {BASE}@{digest} AS runtime
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN useradd --uid {UID} --no-create-home --shell /usr/sbin/nologin churn
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY --chown={UID}:{UID} params.yaml ./
USER {UID}:{UID}
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\
  CMD ["python", "-c", "import churn_project"]
CMD ["python", "-c", "import churn_project; print('churn_project listo')"]
"""
