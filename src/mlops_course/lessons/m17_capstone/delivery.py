"""The capstone's delivery: the student's project packed beside the notebook, to be graded.

The instructor grades the project the student *submits*, not the one their notebook finds when it
runs again in the grading sandbox (that one is the reference checkpoint). :func:`pack_project`
writes ``churn-project.tar.gz`` with the three folders the project lives in (the project, its DVC
remote and its MLflow store) and a manifest with the workspace's absolute path: the MLflow store
records absolute artifact paths, which the grader moves to where it unpacks the archive.
Build outputs and caches that the checker rebuilds are left out; symbolic links too (the grader
would not follow them).
"""

from __future__ import annotations

import io
import json
import os
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR, STORED
from mlops_course.lessons.churn_project.checkpoint import is_churn_project
from mlops_course.lessons.churn_project.layers import PROJECT_DIR
from mlops_course.lessons.m17_capstone.checker import head_commit

ARCHIVE_NAME: Final = "churn-project.tar.gz"
MANIFEST: Final = "manifiesto.json"
MAX_ARCHIVE_MB: Final = 90
"""Below nbgrader's exchange limit (``ExchangeSubmit.max_file_size``: 100 MB), which leaves a
bigger file out of the submission without failing."""
SKIPPED_DIRS: Final = frozenset(
    {
        "__pycache__",
        ".venv",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".ipynb_checkpoints",
        "site",  # mkdocs build: the checker builds it again
        "informe-proyecto",  # the checker's own report
        "htmlcov",
    }
)
SKIPPED_PATHS: Final = frozenset({f"{PROJECT_DIR}/.dvc/tmp"})  # DVC's per-machine state


@dataclass(frozen=True)
class Delivery:
    """What :func:`pack_project` wrote."""

    archive: Path
    commit: str
    files: int
    size_bytes: int
    skipped_links: tuple[str, ...]


def _members(root: Path) -> tuple[list[Path], list[str]]:
    """Files and folders of the stored folders under ``root`` (relative), and the links left out."""
    kept: list[Path] = []
    links: list[str] = []
    for name in STORED:
        top = root / name
        if not top.is_dir() or top.is_symlink():
            continue
        for folder, dirs, files in os.walk(top):
            here = Path(folder)
            rel = here.relative_to(root)
            kept.append(rel)
            for child in list(dirs):
                path = here / child
                child_rel = (rel / child).as_posix()
                if child in SKIPPED_DIRS or child_rel in SKIPPED_PATHS:
                    dirs.remove(child)
                elif path.is_symlink():
                    dirs.remove(child)
                    links.append(child_rel)
            for file in sorted(files):
                path = here / file
                if path.is_symlink():
                    links.append((rel / file).as_posix())
                elif path.is_file():
                    kept.append(rel / file)
    return kept, links


def pack_project(project: Path, dest: Path, *, max_mb: float = MAX_ARCHIVE_MB) -> Delivery:
    """Write ``dest/churn-project.tar.gz`` with ``project``, its DVC remote and MLflow store.

    Raises:
        ValueError: ``project`` is not a churn project, or the archive passes ``max_mb`` (the
            partial archive is removed and nothing else changes).
    """
    project = Path(project).resolve()
    if not is_churn_project(project) or project.name != PROJECT_DIR:
        raise ValueError(
            f"{project} no es tu proyecto: la entrega empaqueta la carpeta {PROJECT_DIR}/ del "
            "workspace (la que devuelve ensure_project)."
        )
    root = project.parent
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    archive = dest / ARCHIVE_NAME
    partial = dest / f".{ARCHIVE_NAME}.parcial"
    members, links = _members(root)
    commit = head_commit(project)
    manifest = {
        "raiz": str(root),
        "commit": commit,
        "creado": datetime.now(UTC).isoformat(timespec="seconds"),
        "almacen_mlflow": (root / MLFLOW_DIR).is_dir(),
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.now(UTC).timestamp())
            with io.BytesIO(data) as stream:
                tar.addfile(info, stream)
            for rel in members:
                tar.add(root / rel, arcname=rel.as_posix(), recursive=False)
        size = partial.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise ValueError(
                f"El archivo pesa {size / 1024 / 1024:.1f} MB, más que el límite de {max_mb:g} MB "
                "de una entrega. Busca datos o modelos grandes fuera de DVC (git y el remoto los "
                "guardan dos veces) o artefactos viejos en el registro MLflow, y vuelve a "
                "empaquetar."
            )
        partial.replace(archive)
    finally:
        partial.unlink(missing_ok=True)
    files = sum(1 for rel in members if (root / rel).is_file())
    return Delivery(archive, commit, files, size, tuple(links))
