"""El entrenamiento quedó registrado en MLflow: run, datos, modelo versionado y alias candidato."""

from __future__ import annotations

import json
from pathlib import Path

import mlflow
from mlflow.tracking import MlflowClient

from churn_project.params import load_params
from churn_project.tracking import data_version, tracking_uri

REPORT = json.loads(Path("reports/mlflow_run.json").read_text(encoding="utf-8"))


def test_the_run_records_the_dvc_data_version_and_the_params() -> None:
    client = MlflowClient(tracking_uri=tracking_uri())
    run = client.get_run(REPORT["run_id"])
    assert run.data.tags["data_version"] == data_version() == REPORT["data_version"]
    assert run.data.params["C"] == str(load_params("train")["C"])
    inputs = run.inputs.dataset_inputs
    assert [item.dataset.name for item in inputs] == ["churn-train"]


def test_the_candidate_alias_points_at_the_registered_version() -> None:
    tracking = load_params("tracking")
    client = MlflowClient(tracking_uri=tracking_uri())
    version = client.get_model_version_by_alias(
        tracking["registered_model"], tracking["candidate_alias"]
    )
    assert int(version.version) == REPORT["model_version"]
    assert version.run_id == REPORT["run_id"]


def test_the_registered_model_loads_by_alias_and_predicts() -> None:
    tracking = load_params("tracking")
    mlflow.set_tracking_uri(tracking_uri())
    uri = f"models:/{tracking['registered_model']}@{tracking['candidate_alias']}"
    model = mlflow.pyfunc.load_model(uri)
    example = model.input_example
    assert example is not None
    assert set(model.predict(example)) <= {0, 1}
