"""Make module 07's served MLflow store readable without its server (modules 11–17 need that).

In module 07 the team's MLflow server writes the store beside the project with *proxied
artifacts*: every artifact location in its database is an ``mlflow-artifacts:/…`` URI that only a
running server can resolve (``mlflow server --serve-artifacts --artifacts-destination
<store>/artifacts``). From module 11 on, the API and the notebooks open the registry directly
with ``sqlite:///…/mlflow.db``; MLflow then refuses those URIs ("the tracking URI must be a valid
http or https URI"). The artifacts are already on disk where the server put them, so the fix is
a rewrite of the database's text values: ``mlflow-artifacts:/X`` becomes
``file://<store>/artifacts/X``, the file the server stored it at. A reference project, whose
store was written without a server, needs nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Final

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR, relocate_text
from mlops_course.lessons.churn_project.compare import served_store

SERVED: Final = "mlflow-artifacts:/"
WITH_HOST: Final = "mlflow-artifacts://"


def localize_served_store(root: Path) -> int:
    """Rewrite the proxied artifact URIs of the store in ``root`` as local file URIs; return how
    many values changed (0 when the store was not written through a server).

    Raises:
        ValueError: (in Spanish) a URI names a server host (``mlflow-artifacts://host/…``):
            its files may live on another machine, so nothing is rewritten.
    """
    if not served_store(root):
        return 0
    store = (root / MLFLOW_DIR).resolve()
    db = store / "mlflow.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        remote = connection.execute(
            "SELECT artifact_location FROM experiments WHERE artifact_location LIKE ?",
            (f"{WITH_HOST}%",),
        ).fetchone()
    if remote is not None:
        raise ValueError(
            f"El registro en {store} apunta a artefactos de otro servidor ({remote[0]}): no lo "
            "cambio. Ábrelo con ese servidor (MLFLOW_TRACKING_URI=http://…)."
        )
    return relocate_text(db, SERVED, f"file://{store / 'artifacts'}/")
