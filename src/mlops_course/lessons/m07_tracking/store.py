"""One local MLflow store per workspace: ``sqlite:///<workspace>/mlflow.db`` + ``artifacts/``.

MLflow keeps two things apart: the *backend store* (experiments, runs, params, metrics, tags and
the model registry: rows in a database) and the *artifact store* (files: models, plots). Here
both live inside the student's module workspace:

* the backend is a SQLite file (MLflow's file store, ``./mlruns``, is deprecated); creating it
  runs MLflow's schema migrations once, which takes seconds, and several processes creating the
  same file at once can fail, so :func:`open_store` creates it exactly once, up front;
* experiments created with :func:`get_or_create_experiment` get an explicit artifact location
  under ``<workspace>/artifacts/``; without one MLflow would write to ``./mlruns`` relative to
  whatever the current directory happens to be;
* every SQLite connection of the process uses ``journal_mode=WAL`` + ``synchronous=NORMAL``
  (SQLite's recommended pairing for WAL): each commit no longer waits for an ``fsync``, which
  roughly halves the first creation and makes each run's writes several times faster, and a
  reader (``mlflow ui``) can read while the notebook writes. The database cannot be corrupted by
  a crash; a power cut may lose the last commits. Recent commits live in ``mlflow.db-wal`` until
  :func:`checkpoint` folds them into ``mlflow.db``.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mlflow
from mlflow import MlflowClient
from sqlalchemy import event
from sqlalchemy.engine import Engine

DB_NAME = "mlflow.db"
ARTIFACTS_DIR = "artifacts"
_SLUG_RE = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True)
class TrackingStore:
    """Where a workspace's MLflow data lives, and how long opening it took."""

    workspace: Path
    db_path: Path
    artifact_root: Path
    tracking_uri: str
    created: bool
    open_seconds: float

    @property
    def client(self) -> MlflowClient:
        """A client bound to this store (independent of the process-wide tracking URI)."""
        return MlflowClient(tracking_uri=self.tracking_uri, registry_uri=self.tracking_uri)


def tracking_uri_for(db_path: Path) -> str:
    """The SQLAlchemy URI MLflow expects for a SQLite file: ``sqlite:///`` + absolute path."""
    if not isinstance(db_path, Path):
        raise TypeError(f"db_path debe ser un pathlib.Path, no {type(db_path).__name__}.")
    return f"sqlite:///{db_path.expanduser().resolve().as_posix()}"


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    """On every new SQLite connection: WAL journal and NORMAL sync (no fsync per commit)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _install_sqlite_pragmas() -> None:
    if not event.contains(Engine, "connect", _sqlite_pragmas):
        event.listen(Engine, "connect", _sqlite_pragmas)


def checkpoint(store: TrackingStore) -> None:
    """Fold ``mlflow.db-wal`` into ``mlflow.db`` so the database file alone holds everything."""
    with sqlite3.connect(store.db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def open_store(workspace: Path) -> TrackingStore:
    """Point MLflow (tracking and registry) at ``<workspace>/mlflow.db`` and create it if needed.

    Idempotent: a second call reuses the existing database (no migrations). Sets the
    process-wide tracking and registry URIs, so later ``mlflow.*`` calls use this store.

    Raises:
        TypeError: if ``workspace`` is not a ``pathlib.Path``.
        ValueError: if ``workspace`` is not an existing directory.
    """
    if not isinstance(workspace, Path):
        raise TypeError(f"workspace debe ser un pathlib.Path, no {type(workspace).__name__}.")
    if not workspace.is_dir():
        raise ValueError(
            f"La carpeta de trabajo {workspace} no existe: obtenla con module_workspace(...)."
        )
    workspace = workspace.resolve()
    db_path = workspace / DB_NAME
    artifact_root = workspace / ARTIFACTS_DIR
    artifact_root.mkdir(exist_ok=True)
    uri = tracking_uri_for(db_path)
    created = not db_path.exists()
    _install_sqlite_pragmas()
    start = time.perf_counter()
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    # The first query creates the tables (MLflow's migrations) when the file is new.
    MlflowClient(tracking_uri=uri, registry_uri=uri).search_experiments(max_results=1)
    seconds = time.perf_counter() - start
    return TrackingStore(workspace, db_path, artifact_root, uri, created, seconds)


def _slug(name: str) -> str:
    return _SLUG_RE.sub("-", name.lower()).strip("-") or "experiment"


def get_or_create_experiment(store: TrackingStore, name: str) -> str:
    """Return the id of experiment ``name``, creating it with artifacts under the workspace.

    A deleted experiment with that name is restored (MLflow keeps deleted names reserved).

    Raises:
        ValueError: if ``name`` is empty or not a string.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError("El nombre del experimento debe ser un texto no vacío.")
    client = store.client
    existing = client.get_experiment_by_name(name)
    if existing is not None:
        if existing.lifecycle_stage == "deleted":
            client.restore_experiment(existing.experiment_id)
        return str(existing.experiment_id)
    location = (store.artifact_root / _slug(name)).as_uri()
    return str(client.create_experiment(name, artifact_location=location))


def ui_command(store: TrackingStore, port: int = 5000) -> str:
    """The exact shell command that opens the MLflow UI on this store (127.0.0.1 only).

    Raises:
        ValueError: if ``port`` is not an integer in 1024-65535.
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 1024 <= port <= 65535:
        raise ValueError(f"port debe ser un entero entre 1024 y 65535, no {port!r}.")
    args = [
        "mlflow",
        "ui",
        "--backend-store-uri",
        store.tracking_uri,
        "--default-artifact-root",
        store.artifact_root.as_uri(),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return shlex.join(args)
