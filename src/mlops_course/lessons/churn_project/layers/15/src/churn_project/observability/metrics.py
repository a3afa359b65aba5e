"""Las métricas de la API, en un registro propio (nunca el global del proceso).

Con un ``CollectorRegistry`` por aplicación, dos apps en un proceso (los tests) no comparten
series ni chocan al registrarlas. Las etiquetas están acotadas: ``route`` es la plantilla de la
ruta (``/predict``), nunca la URL; ``outcome`` es la clase decidida. Ningún id de cliente ni de
petición va en una etiqueta: eso es un log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from prometheus_client import CollectorRegistry, Counter, Histogram, Info, generate_latest

CONTENT_TYPE: Final = "text/plain; version=0.0.4; charset=utf-8"
# 0,3 s es un borde: el SLO (99 % en 300 ms) se mide exacto, sin interpolar.
LATENCY_BUCKETS: Final = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0)
PROBABILITY_BUCKETS: Final = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
EXPORTED: Final = (
    "churn_http_requests_total",
    "churn_http_request_duration_seconds",
    "churn_predictions_total",
    "churn_prediction_probability",
    "churn_model_info",
)


class ApiMetrics:
    """Las cinco métricas de la API, registradas en ``self.registry``."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "churn_http_requests",
            "Peticiones HTTP atendidas, por método, ruta y código.",
            ("method", "route", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "churn_http_request_duration_seconds",
            "Duración de cada petición HTTP dentro del proceso.",
            ("method", "route"),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.predictions = Counter(
            "churn_predictions",
            "Predicciones servidas, por clase decidida con el umbral.",
            ("outcome",),
            registry=self.registry,
        )
        self.probability = Histogram(
            "churn_prediction_probability",
            "P(churn) servida: su distribución muestra la deriva de las predicciones.",
            buckets=PROBABILITY_BUCKETS,
            registry=self.registry,
        )
        self.model = Info(
            "churn_model", "Modelo servido: nombre, alias y versión.", registry=self.registry
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Cuenta una petición y su duración."""
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_predictions(self, probabilities: Iterable[float], threshold: float) -> None:
        """Cuenta cada predicción por clase y guarda su probabilidad."""
        for p in probabilities:
            self.predictions.labels("churn" if p >= threshold else "no_churn").inc()
            self.probability.observe(p)

    def set_model(self, name: str, alias: str, version: str) -> None:
        """``churn_model_info{name, alias, version} 1``: el modelo que se sirve."""
        self.model.info({"name": name, "alias": alias, "version": version})

    def exposition(self) -> bytes:
        """El registro en el formato de texto de Prometheus (lo que devuelve ``/metrics``)."""
        return generate_latest(self.registry)
