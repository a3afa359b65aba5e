"""A cache of reference checkpoints: each one is built once per course version, then copied.

Building the checkpoint after module N runs git, DVC and the project's pipeline (13-21 s); every
module from 06 on needs one when the student's own project is missing, and the grader needs one
per submission. The cache keeps the built workspace folders (project, DVC remote, MLflow store)
under a key that changes whenever anything that shapes them changes: the reference files of the
layers, the generator's code, the rows and seed, and the versions of the tools. Restoring is a
copy plus one fix: the MLflow store records absolute artifact paths, which are moved to the new
workspace root (:func:`relocate_text`).

Where: ``$MLOPS_CHECKPOINT_CACHE`` if set, else ``$XDG_CACHE_HOME/mlops-course/checkpoints``
(``~/.cache/…``). A cache that cannot be written (read-only, full) is not an error: the checkpoint
is then built in place, as without a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from importlib import metadata
from importlib.abc import Traversable
from pathlib import Path
from typing import Final

from mlops_course.lessons.churn_project import checkpoint as checkpoint_module
from mlops_course.lessons.churn_project import layers as layers_module
from mlops_course.lessons.churn_project.checkpoint import (
    REMOTE_DIR,
    SKIPPED,
    Checkpoint,
    materialise_checkpoint,
    set_aside,
)
from mlops_course.lessons.churn_project.layers import PROJECT_DIR, layer_files, layers_up_to
from mlops_course.lessons.common import churn as generator

CACHE_ENV: Final = "MLOPS_CHECKPOINT_CACHE"
MLFLOW_DIR: Final = "churn-project-mlflow"  # layer 07's local store, next to the project
STORED: Final = (PROJECT_DIR, REMOTE_DIR, MLFLOW_DIR)
META: Final = "checkpoint.json"
TOOLS: Final = ("dvc", "mlflow", "scikit-learn", "pandas", "pandera", "skops")
TEXT_LIMIT: Final = 1_000_000  # artifact files larger than this are never path-rewritten


def cache_root() -> Path:
    """The cache folder (not created)."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "mlops-course" / "checkpoints"


def _hash_tree(digest: hashlib._Hash, folder: Traversable, prefix: str) -> None:
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name in SKIPPED:
            continue
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            _hash_tree(digest, entry, name)
        else:
            digest.update(name.encode())
            digest.update(hashlib.sha256(entry.read_bytes()).digest())


def checkpoint_key(module: str, n_rows: int, seed: int) -> str:
    """A key that changes whenever the checkpoint after ``module`` would come out different."""
    digest = hashlib.sha256(f"{module}|{n_rows}|{seed}".encode())
    for item in layers_up_to(module):
        files = layer_files(item.module)
        if files is not None:
            _hash_tree(digest, files, item.module)
    for source in (generator, checkpoint_module, layers_module):
        digest.update(inspect.getsource(source).encode())
    for tool in TOOLS:
        try:
            digest.update(f"{tool}={metadata.version(tool)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{tool}=-".encode())
    return digest.hexdigest()[:20]


def relocate_text(db: Path, old: str, new: str) -> int:
    """Replace every occurrence of ``old`` by ``new`` in the text values of the SQLite ``db``.

    MLflow stores absolute artifact locations (experiments, runs, model versions, logged models);
    after a copy they must point at the copy. Returns the number of values changed.
    """
    changed = 0
    with sqlite3.connect(db) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            for column in connection.execute(f'PRAGMA table_info("{table}")'):
                name, kind = str(column[1]), str(column[2]).upper()
                if kind and not any(word in kind for word in ("CHAR", "TEXT", "CLOB", "VARCHAR")):
                    continue
                cursor = connection.execute(
                    f'UPDATE "{table}" SET "{name}" = replace("{name}", ?, ?) '
                    f'WHERE instr("{name}", ?) > 0',
                    (old, new, old),
                )
                changed += cursor.rowcount
    return changed


def _relocate_files(folder: Path, old: str, new: str) -> None:
    for path in folder.rglob("*"):
        if not path.is_file() or path.stat().st_size > TEXT_LIMIT:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")


def _relocate_store(store: Path, old: Path, new: Path) -> None:
    """Move the absolute paths an MLflow store records from ``old`` to ``new``."""
    relocate_store(store, str(old.resolve()), str(new.resolve()))


def relocate_store(store: Path, old: str, new: str) -> None:
    """Move the absolute paths an MLflow store records from the folder ``old`` to ``new`` (both
    absolute, as written: ``old`` may name a folder of another machine)."""
    for db in store.glob("*.db"):
        relocate_text(db, old, new)
    _relocate_files(store, old, new)


def _set_aside_store(store: Path) -> Path | None:
    """Rename an existing MLflow store to ``<name>.respaldo-N`` (its runs are the student's)."""
    if not store.exists():
        return None
    number = 1
    while (backup := store.with_name(f"{store.name}.respaldo-{number}")).exists():
        number += 1
    store.rename(backup)
    return backup


def _entry(module: str, n_rows: int, seed: int) -> Path:
    return cache_root() / f"{module}-{checkpoint_key(module, n_rows, seed)}"


@contextlib.contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``lock`` (no-op where ``fcntl`` does not exist), so
    that processes needing the same checkpoint wait for one build instead of each running git,
    DVC and the pipeline at once on the same cores."""
    try:
        import fcntl
    except ImportError:  # Windows: at worst two processes build the same entry
        yield
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_entry(module: str, n_rows: int, seed: int) -> Path | None:
    """Build the checkpoint into the cache; None if the cache cannot be written."""
    entry = _entry(module, n_rows, seed)
    if (entry / META).is_file():
        return entry
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        lock = entry.with_name(f".lock-{entry.name}")
        lock.touch()
    except OSError:
        return None
    with _exclusive(lock):
        if (entry / META).is_file():  # built by the process we waited for
            return entry
        return _build_unlocked(entry, module, n_rows, seed)


def _build_unlocked(entry: Path, module: str, n_rows: int, seed: int) -> Path | None:
    building = entry.with_name(f".building-{entry.name}-{uuid.uuid4().hex[:8]}")
    try:
        building.mkdir(parents=True)
    except OSError:
        return None
    try:
        made = materialise_checkpoint(module, building / "root", n_rows=n_rows, seed=seed)
        # The store's absolute paths must name the folder it will have once renamed.
        _relocate_store(building / "root" / MLFLOW_DIR, building / "root", entry / "root")
        meta = {
            "module": made.module,
            "commit": made.commit,
            "metrics": made.metrics,
            "root": str((entry / "root").resolve()),
        }
        (building / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
        try:
            building.rename(entry)
        except OSError:  # another process stored the same checkpoint first: use theirs
            shutil.rmtree(building, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return entry


def build_entry(module: str, n_rows: int, seed: int) -> Path | None:
    """The cache folder of the checkpoint after ``module`` (built now if missing), or None when
    the cache cannot be written."""
    return _build_entry(module, n_rows, seed)


def copy_project(source: Path, root: Path) -> Path | None:
    """Copy the churn project of the workspace ``source`` (with its DVC remote and MLflow store)
    into the workspace ``root``; return the student's project it set aside, if any.

    The student's project and MLflow store in ``root`` are set aside (``.respaldo-N``), never
    deleted; the DVC remote is merged (it is content-addressed: same name, same bytes). Absolute
    paths to ``source`` in the MLflow store are moved to ``root``.
    """
    source, root = Path(source).resolve(), Path(root).resolve()
    root.mkdir(parents=True, exist_ok=True)
    backup = set_aside(root / PROJECT_DIR)
    for name in STORED:
        origin = source / name
        if not origin.is_dir():
            continue
        target = root / name
        if name == MLFLOW_DIR:
            _set_aside_store(target)
        shutil.copytree(origin, target, symlinks=True, dirs_exist_ok=(name == REMOTE_DIR))
    shutil.rmtree(root / PROJECT_DIR / ".dvc" / "tmp", ignore_errors=True)  # per-path state
    if (source / MLFLOW_DIR).is_dir():
        _relocate_store(root / MLFLOW_DIR, source, root)
    return backup


def restore(entry: Path, root: Path) -> Checkpoint:
    """Copy a cached checkpoint into the workspace ``root`` (see :func:`copy_project`)."""
    meta = json.loads((entry / META).read_text(encoding="utf-8"))
    backup = copy_project(Path(str(meta["root"])), root)
    metrics = {str(k): float(v) for k, v in meta["metrics"].items()}
    project = Path(root).resolve() / PROJECT_DIR
    return Checkpoint(project, str(meta["module"]), str(meta["commit"]), metrics, backup)


def cached_checkpoint(module: str, root: Path, *, n_rows: int, seed: int) -> Checkpoint:
    """The checkpoint after ``module`` in ``root``: restored from the cache (built there first if
    missing), or built in place when the cache cannot be written."""
    entry = _build_entry(module, n_rows, seed)
    if entry is None:
        return materialise_checkpoint(module, root, n_rows=n_rows, seed=seed)
    return restore(entry, root)
