"""Unpack a submitted ``churn-project.tar.gz`` safely, ready for the checker.

The archive comes from a student: untrusted. It is read member by member before anything is
written: only the three folders of a project (the project, its DVC remote, its MLflow store) and
the manifest are taken; absolute paths, ``..``, links and device files are never extracted (they
are counted and named); the declared sizes are added up first, so that a compressed bomb is
refused before it fills the disk. What is extracted goes through :func:`tarfile.data_filter` too.
Then the MLflow store's absolute paths are moved from the student's workspace (the manifest) to
the folder it was unpacked in, as :mod:`~mlops_course.lessons.churn_project.cache` does for a
restored checkpoint.
"""

from __future__ import annotations

import json
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR, STORED, relocate_store
from mlops_course.lessons.churn_project.layers import PROJECT_DIR
from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME, MANIFEST

MAX_UNPACKED_MB: Final = 1024
MAX_MEMBERS: Final = 200_000
MAX_ROOT_CHARS: Final = 4096
SHOWN: Final = 3


class ArchiveError(ValueError):
    """The submitted archive cannot be graded; the message says why, in Spanish."""


@dataclass(frozen=True)
class Unpacked:
    """A project unpacked from a submission: where, and what was left out and why."""

    project: Path
    commit: str
    skipped: tuple[str, ...]  # members not extracted, each with the reason


def _safe_name(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts or ":" in path.parts[0]:
        return None
    return path


def _selected(tar: tarfile.TarFile, max_mb: float) -> tuple[list[tarfile.TarInfo], list[str]]:
    """The members to extract, and the ones skipped with their reason."""
    chosen: list[tarfile.TarInfo] = []
    skipped: list[str] = []
    total = 0
    cap = max_mb * 1024 * 1024
    for count, member in enumerate(tar, start=1):
        if count > MAX_MEMBERS:
            raise ArchiveError(f"el archivo tiene más de {MAX_MEMBERS} entradas")
        path = _safe_name(member.name)
        if path is None:
            skipped.append(f"{member.name} (ruta fuera del proyecto)")
            continue
        if path.parts[0] not in (*STORED, MANIFEST):
            skipped.append(f"{member.name} (no es parte del proyecto)")
            continue
        if member.isdir():
            chosen.append(member)
            continue
        if not member.isfile():
            skipped.append(f"{member.name} (enlace o archivo especial)")
            continue
        total += member.size
        if total > cap:
            raise ArchiveError(
                f"descomprimido pasaría de {max_mb:g} MB: no se extrae (¿datos fuera de DVC?)"
            )
        chosen.append(member)
    return chosen, skipped


def _readable(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo:
    """tarfile's ``data`` filter, and the owner can always read (and enter) what it extracts:
    a file archived with mode 000 would otherwise stop the copy the checker works on."""
    safe = tarfile.data_filter(member, dest)
    mode = (safe.mode or 0) | (0o700 if safe.isdir() else 0o600)
    return safe.replace(mode=mode, deep=False)


def _manifest_root(target: Path) -> str:
    manifest = target / MANIFEST
    if not manifest.is_file():
        raise ArchiveError(
            f"falta {MANIFEST}: crea el archivo con la celda de entrega del módulo 17"
        )
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArchiveError(f"{MANIFEST} no es JSON válido: {error}") from error
    root = data.get("raiz") if isinstance(data, dict) else None
    if (
        not isinstance(root, str)
        or not root.startswith("/")
        or root.rstrip("/") == ""
        or len(root) > MAX_ROOT_CHARS
    ):
        raise ArchiveError(f"{MANIFEST} no dice en qué carpeta estaba el proyecto («raiz»)")
    return root.rstrip("/")


def unpack_project(archive: Path, target: Path, *, max_mb: float = MAX_UNPACKED_MB) -> Unpacked:
    """Extract ``archive`` into the empty folder ``target``; return the project inside.

    Raises:
        ArchiveError: not a readable .tar.gz, no project in it, too big, or no usable manifest.
    """
    archive, target = Path(archive), Path(target)
    if archive.is_symlink() or not archive.is_file():
        raise ArchiveError(f"no hay {ARCHIVE_NAME} en la entrega")
    target.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members, skipped = _selected(tar, max_mb)
            tar.extractall(target, members=members, filter=_readable)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise ArchiveError(f"{ARCHIVE_NAME} no es un .tar.gz legible: {error}") from error
    project = target / PROJECT_DIR
    if not (project / "pyproject.toml").is_file():
        raise ArchiveError(f"el archivo no trae la carpeta {PROJECT_DIR}/ con su pyproject.toml")
    root = _manifest_root(target)
    if (target / MLFLOW_DIR).is_dir():
        relocate_store(target / MLFLOW_DIR, root, str(target.resolve()))
    data = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    commit = str(data.get("commit", ""))[:40]
    return Unpacked(project, commit, tuple(skipped))


def skipped_note(skipped: tuple[str, ...]) -> str:
    """One Spanish line naming what was not extracted ("" when nothing)."""
    if not skipped:
        return ""
    shown = ", ".join(skipped[:SHOWN])
    more = len(skipped) - SHOWN
    return f"no se extrajo: {shown}" + (f" y {more} más" if more > 0 else "")
