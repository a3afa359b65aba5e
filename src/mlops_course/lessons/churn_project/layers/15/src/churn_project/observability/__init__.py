"""La observabilidad de la API (módulo 15): logs JSON, métricas de Prometheus y trazas.

- ``logs``: structlog con una línea JSON por evento y el ``request_id`` de cada petición.
- ``metrics``: las métricas de la API en un ``CollectorRegistry`` propio y su texto para
  ``GET /metrics``.
- ``middleware``: el id de petición, la línea de log y las métricas de cada petición HTTP.
- ``tracing``: un tracer de OpenTelemetry propio (sin tocar el global) y su exportador.
- ``model``: el modelo servido que cuenta sus predicciones por clase y abre un span por lote.
"""

from churn_project.observability.logs import configure_logging
from churn_project.observability.metrics import EXPORTED, ApiMetrics
from churn_project.observability.middleware import ObservabilityMiddleware
from churn_project.observability.model import ObservedModel, observe
from churn_project.observability.tracing import in_memory_tracer

__all__ = [
    "EXPORTED",
    "ApiMetrics",
    "ObservabilityMiddleware",
    "ObservedModel",
    "configure_logging",
    "in_memory_tracer",
    "observe",
]
