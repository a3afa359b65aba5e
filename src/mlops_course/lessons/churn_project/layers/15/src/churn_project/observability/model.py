"""El modelo servido, observado: cuenta sus predicciones por clase y abre un span ``model``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields

import structlog
from opentelemetry.trace import NoOpTracer, Tracer

from churn_project.api.model import ServedModel
from churn_project.api.schemas import Customer, Prediction
from churn_project.observability.metrics import ApiMetrics

LOG = structlog.get_logger("churn_project.api")


@dataclass(frozen=True)
class ObservedModel(ServedModel):
    """Un ``ServedModel`` que registra cada lote en las métricas, el log y la traza."""

    metrics: ApiMetrics = field(default_factory=ApiMetrics, repr=False, compare=False)
    tracer: Tracer = field(default_factory=NoOpTracer, repr=False, compare=False)

    def predict(self, customers: Sequence[Customer]) -> list[Prediction]:
        with self.tracer.start_as_current_span("model") as span:
            span.set_attribute("model.version", self.version)
            span.set_attribute("batch.size", len(customers))
            predictions = super().predict(customers)
        self.metrics.observe_predictions([p.churn_probability for p in predictions], self.threshold)
        LOG.info("prediccion", count=len(predictions), model_version=self.version)
        return predictions


def observe(model: ServedModel, metrics: ApiMetrics, tracer: Tracer | None = None) -> ObservedModel:
    """El mismo modelo, observado; exporta su versión en ``churn_model_info``."""
    base = {item.name: getattr(model, item.name) for item in fields(ServedModel)}
    metrics.set_model(model.name, model.alias, model.version)
    return ObservedModel(**base, metrics=metrics, tracer=tracer or NoOpTracer())
