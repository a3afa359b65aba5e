"""Read-only questions to the project's MLflow store (the SQLite file beside the project)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR
from mlops_course.lessons.churn_project.compare import registered_aliases as store_aliases


def store_db(root: Path) -> Path:
    """``root/churn-project-mlflow/mlflow.db``: where the project's training logs."""
    return Path(root) / MLFLOW_DIR / "mlflow.db"


def registered_aliases(root: Path, model: str) -> set[str]:
    """The aliases of ``model`` in the store under ``root`` (empty without a store)."""
    return {alias for name, alias in store_aliases(root) if name == model and alias}


def run_metric_count(root: Path, run_id: str) -> int:
    """How many metric values the run ``run_id`` logged (0 without a store or a run)."""
    db = store_db(root)
    if not db.is_file():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        row = connection.execute(
            "SELECT COUNT(*) FROM metrics WHERE run_uuid = ?", (run_id,)
        ).fetchone()
    return int(row[0])


def run_params(root: Path, run_id: str) -> set[str]:
    """The parameter names the run ``run_id`` logged (empty without a store or a run)."""
    db = store_db(root)
    if not db.is_file():
        return set()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT key FROM params WHERE run_uuid = ?", (run_id,)).fetchall()
    return {str(row[0]) for row in rows}
