"""El registro de cada entrenamiento en MLflow: parámetros, datos, métricas y modelo versionado.

Dónde se registra: ``MLFLOW_TRACKING_URI`` si está definida (el servidor del equipo, módulo 07);
si no, una base SQLite junto al proyecto, en ``../churn-project-mlflow/`` (nunca dentro del
repositorio: los runs no se versionan con git).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import mlflow
import pandas as pd
import yaml
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient
from sklearn.base import BaseEstimator

LOCAL_STORE: Final = Path("..") / "churn-project-mlflow"
RAW_POINTER: Final = Path("data/raw/churn.csv.dvc")
PINNED: Final = ("scikit-learn", "skops", "pandas", "numpy")


@dataclass(frozen=True)
class LoggedModel:
    """Lo que queda registrado de un entrenamiento."""

    run_id: str
    model_version: int
    data_version: str


def tracking_uri() -> str:
    """El servidor de ``MLFLOW_TRACKING_URI`` o la base SQLite local del proyecto."""
    configured = os.environ.get("MLFLOW_TRACKING_URI", "").strip()
    if configured:
        return configured
    store = LOCAL_STORE.resolve()
    store.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{store / 'mlflow.db'}"


def data_version(pointer: Path = RAW_POINTER) -> str:
    """El md5 con que DVC identifica los datos crudos: la versión de datos del run."""
    outs = yaml.safe_load(pointer.read_text(encoding="utf-8"))["outs"]
    return str(outs[0]["md5"])


def experiment_id(client: MlflowClient, name: str) -> str:
    """El id del experimento ``name``; lo crea (artefactos junto a la base local) si no existe."""
    found = client.get_experiment_by_name(name)
    if found is not None:
        return str(found.experiment_id)
    location = None
    if tracking_uri().startswith("sqlite:"):
        location = (LOCAL_STORE.resolve() / "artifacts").as_uri()
    return str(client.create_experiment(name, artifact_location=location))


def pinned_requirements() -> list[str]:
    """Versiones exactas de lo que necesita el modelo para cargarse (sin inferencia lenta)."""
    from importlib.metadata import version

    return [f"{name}=={version(name)}" for name in PINNED]


def log_training(
    model: BaseEstimator,
    train: pd.DataFrame,
    x_sample: pd.DataFrame,
    params: dict[str, Any],
    metrics: dict[str, float],
    tracking: dict[str, Any],
    trusted_types: list[str],
) -> LoggedModel:
    """Registra el entrenamiento y el modelo, y apunta el alias candidato a la nueva versión."""
    mlflow.set_tracking_uri(tracking_uri())
    client = MlflowClient()
    experiment = experiment_id(client, str(tracking["experiment"]))
    version = data_version()
    dataset = mlflow.data.from_pandas(  # type: ignore[attr-defined]
        train, source=str(RAW_POINTER.with_suffix("")), name="churn-train", digest=version[:8]
    )
    with mlflow.start_run(experiment_id=experiment) as run:
        mlflow.log_params(params)
        mlflow.log_input(dataset, context="training")
        mlflow.set_tag("data_version", version)
        mlflow.log_metrics(metrics)
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            serialization_format="skops",
            skops_trusted_types=trusted_types,
            signature=infer_signature(x_sample, model.predict(x_sample)),
            input_example=x_sample.head(3),
            pip_requirements=pinned_requirements(),
            registered_model_name=str(tracking["registered_model"]),
        )
    model_version = int(info.registered_model_version)
    client.set_registered_model_alias(
        str(tracking["registered_model"]), str(tracking["candidate_alias"]), str(model_version)
    )
    return LoggedModel(run.info.run_id, model_version, version)
