"""Module 07's served MLflow store, read without its server from module 11 on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import mlflow
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR
from mlops_course.lessons.churn_project.compare import served_store
from mlops_course.lessons.churn_project.local_store import localize_served_store
from mlops_course.lessons.m07_tracking.server import mlflow_server


@pytest.mark.slow
def test_a_served_store_opens_with_sqlite_after_localizing(tmp_path: Path) -> None:
    store = tmp_path / MLFLOW_DIR
    x, y = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 1, 1])
    with mlflow_server(store) as server:
        mlflow.set_tracking_uri(server.uri)
        try:
            mlflow.set_experiment("churn")
            with mlflow.start_run():
                info = mlflow.sklearn.log_model(
                    LogisticRegression().fit(x, y), name="model", registered_model_name="churn"
                )
            client = mlflow.MlflowClient(server.uri)
            client.set_registered_model_alias("churn", "champion", info.registered_model_version)
        finally:
            mlflow.set_tracking_uri("")
    assert served_store(tmp_path)
    sqlite = f"sqlite:///{store / 'mlflow.db'}"
    mlflow.set_tracking_uri(sqlite)
    try:
        with pytest.raises(mlflow.exceptions.MlflowException, match="http or https"):
            mlflow.pyfunc.load_model("models:/churn@champion")
        changed = localize_served_store(tmp_path)
        assert changed > 0 and not served_store(tmp_path)
        model = mlflow.pyfunc.load_model("models:/churn@champion")
        assert list(model.predict(x)) == [0, 0, 1, 1]
    finally:
        mlflow.set_tracking_uri("")
    assert localize_served_store(tmp_path) == 0  # idempotent: nothing left to rewrite


def test_a_store_without_server_or_with_a_remote_host_is_left_alone(tmp_path: Path) -> None:
    assert localize_served_store(tmp_path) == 0  # no store at all
    store = tmp_path / MLFLOW_DIR
    store.mkdir()
    with sqlite3.connect(store / "mlflow.db") as connection:
        connection.execute("CREATE TABLE experiments (artifact_location TEXT)")
        connection.execute("INSERT INTO experiments VALUES ('mlflow-artifacts://10.0.0.5:5000/1')")
    with pytest.raises(ValueError, match="apunta a artefactos de otro servidor"):
        localize_served_store(tmp_path)
    with sqlite3.connect(store / "mlflow.db") as connection:
        connection.execute("UPDATE experiments SET artifact_location = 'file:///x/artifacts'")
    assert localize_served_store(tmp_path) == 0
