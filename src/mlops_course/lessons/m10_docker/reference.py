"""The churn project's Dockerfiles: the level-1 one that works (and fails every review), and the
course's level-3 reference (multi-stage, slim runtime pinned by digest, non-root, healthcheck).

The reference is the project's own layer 10 (``churn_project/layers/10/``: ``Dockerfile``,
``.dockerignore``, ``requirements.txt``): this module only READS those files, so the lesson and
the project cannot drift apart. The base digest in that Dockerfile was read from public
references on 2026-12-01; with an engine, ``docker buildx imagetools inspect python:3.11-slim``
gives the current one.
"""

from __future__ import annotations

import re
from typing import Final

from mlops_course.lessons.churn_project.layers import layer_files

BASE: Final = "python:3.11-slim"
UID: Final = 10001
DOCKERFILE_FILE: Final = "Dockerfile"
DOCKERIGNORE_FILE: Final = ".dockerignore"
REQUIREMENTS_FILE: Final = "requirements.txt"
CI_FILE: Final = ".github/workflows/ci.yml"
#: Files of layer 10 the student writes in the notebook (the rest comes with ``apply_layer``).
STUDENT_FILES: Final = (DOCKERFILE_FILE,)

LEVEL1_DOCKERFILE: Final = """\
FROM python:3.11
RUN apt-get update && apt-get install -y gcc build-essential
COPY . /app
WORKDIR /app
RUN pip install .
CMD python -m churn_project.stages.train
"""

_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def layer_text(name: str) -> str:
    """The text of ``name`` (a path inside the project) in the reference layer 10.

    Raises:
        FileNotFoundError: layer 10 has no such file.
    """
    folder = layer_files("10")
    target = folder.joinpath(*name.split("/")) if folder is not None else None
    if target is None or not target.is_file():
        raise FileNotFoundError(f"La capa 10 de referencia no tiene el archivo {name}.")
    return target.read_text(encoding="utf-8")


DOCKERIGNORE: Final = layer_text(DOCKERIGNORE_FILE)
#: The base digest the reference Dockerfile pins (read from public references on 2026-12-01).
BASE_DIGEST: Final = _DIGEST.findall(layer_text(DOCKERFILE_FILE))[0]


def reference_dockerfile(digest: str = BASE_DIGEST) -> str:
    """The level-3 Dockerfile of the churn project (layer 10), its bases pinned by ``digest``.

    Raises:
        ValueError: ``digest`` is not ``sha256:`` followed by 64 lowercase hexadecimal digits.
    """
    if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
        raise ValueError("El digest debe ser 'sha256:' seguido de 64 dígitos hexadecimales.")
    return layer_text(DOCKERFILE_FILE).replace(BASE_DIGEST, digest)


def reference_requirements() -> str:
    """The pinned runtime requirements the reference image installs (layer 10)."""
    return layer_text(REQUIREMENTS_FILE)
