"""La puerta de regresión del proyecto (módulo 08): el challenger no puede ser peor que el
champion en el holdout por más de la tolerancia de ``params.yaml``.

El primer test pasa la puerta sobre el almacén MLflow del proyecto, con sus parámetros: se pone
en rojo si el último entrenamiento es peor que el champion. Los demás prueban la regla en un
registro de MLflow temporal, con versiones que solo llevan métricas.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mlflow import MlflowClient
from mlflow.entities import Metric

from churn_project.gate import check_gate, regression_gate

COST = "cost_per_customer_eur"


def test_the_challenger_is_not_worse_than_the_champion_on_the_holdout() -> None:
    result = check_gate()
    assert result.passed, result.reason


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> MlflowClient:
    folder = tmp_path_factory.mktemp("registro")
    uri = f"sqlite:///{folder / 'mlflow.db'}"
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)
    client.create_experiment("puerta", artifact_location=(folder / "artifacts").as_uri())
    return client


def register(client: MlflowClient, name: str, values: list[float], metric: str = COST) -> str:
    """Una versión por valor (v1 champion, v2 challenger), cada una con su run y su métrica."""
    experiment = client.get_experiment_by_name("puerta")
    assert experiment is not None
    client.create_registered_model(name)
    for value in values:
        run_id = client.create_run(experiment.experiment_id).info.run_id
        client.log_batch(run_id, metrics=[Metric(metric, value, 0, 0)])
        client.create_model_version(name, source=f"runs:/{run_id}/model", run_id=run_id)
    client.set_registered_model_alias(name, "champion", "1")
    client.set_registered_model_alias(name, "challenger", str(len(values)))
    return name


@pytest.mark.parametrize(
    ("name", "champion", "challenger", "passed"),
    [("dentro", 3.40, 3.45, True), ("fuera", 3.40, 3.60, False), ("mejor", 3.40, 3.00, True)],
)
def test_a_cost_may_rise_at_most_the_tolerance(
    registry: MlflowClient, name: str, champion: float, challenger: float, passed: bool
) -> None:
    model = register(registry, f"costo-{name}", [champion, challenger])
    result = regression_gate(registry, model, COST, 0.1, higher_is_better=False)
    assert result.passed is passed, result.reason


def test_an_auc_may_fall_at_most_the_tolerance(registry: MlflowClient) -> None:
    model = register(registry, "auc", [0.80, 0.78], metric="roc_auc")
    assert not regression_gate(registry, model, "roc_auc", 0.01).passed
    assert regression_gate(registry, model, "roc_auc", 0.05).passed


def test_a_missing_metric_is_an_error_that_names_it(registry: MlflowClient) -> None:
    model = register(registry, "sin-metrica", [0.80, 0.78], metric="roc_auc")
    with pytest.raises(ValueError, match=COST):
        regression_gate(registry, model, COST, 0.1, higher_is_better=False)


def test_check_gate_reads_the_project_params(tmp_path: Path) -> None:
    bad = tmp_path / "params.yaml"
    bad.write_text("train: {}\n", encoding="utf-8")
    with pytest.raises(KeyError, match="gate"):
        check_gate(bad)
