"""El modelo que sirve la API: cargado UNA vez, por alias, desde el registro de MLflow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from churn_project.api.schemas import Customer, Prediction
from churn_project.api.settings import Settings
from churn_project.pipeline import model_inputs


@dataclass(frozen=True)
class ServedModel:
    """Un estimador con ``predict_proba`` y el umbral de decisión, con su nombre y versión."""

    estimator: Any
    threshold: float
    name: str
    alias: str
    version: str

    def predict(self, customers: Sequence[Customer]) -> list[Prediction]:
        """Una predicción por cliente: P(churn), la decisión con el umbral y la versión."""
        frame = pd.DataFrame([c.model_dump(exclude={"customer_id"}) for c in customers])
        proba = self.estimator.predict_proba(model_inputs(frame))[:, 1]
        return [
            Prediction(
                customer_id=customer.customer_id,
                churn_probability=round(float(p), 6),
                churn=bool(p >= self.threshold),
                threshold=self.threshold,
                model_version=self.version,
            )
            for customer, p in zip(customers, proba, strict=True)
        ]


def load_by_alias(settings: Settings) -> ServedModel:
    """Carga ``models:/<nombre>@<alias>`` del MLflow de ``settings`` (o la base del proyecto).

    Raises:
        mlflow.exceptions.MlflowException: el modelo o el alias no existen en el registro.
    """
    import mlflow
    from mlflow.tracking import MlflowClient

    from churn_project.tracking import tracking_uri

    uri = settings.tracking_uri or tracking_uri()
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)
    version = client.get_model_version_by_alias(settings.model_name, settings.model_alias)
    # Sin mlflow.set_tracking_uri: cambiaría el estado global del proceso (y su entorno), y
    # un servidor o un test no deben heredarlo. Los artefactos se piden con la URI explícita.
    source = client.get_model_version_download_uri(settings.model_name, str(version.version))
    local = mlflow.artifacts.download_artifacts(artifact_uri=source, tracking_uri=uri)
    estimator = mlflow.sklearn.load_model(local)
    return ServedModel(
        estimator=estimator,
        threshold=float(getattr(estimator, "threshold", 0.5)),
        name=settings.model_name,
        alias=settings.model_alias,
        version=str(version.version),
    )
