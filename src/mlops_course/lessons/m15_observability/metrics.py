"""The churn API's Prometheus metrics, in their own registry, and the text parser to read them.

Own ``CollectorRegistry`` (not the process-wide default): two apps in one process (tests, the
notebook) never share or double-register series. Labels are bounded: ``route`` is the route
template (``/predict``, never ``/customers/C000123``), unknown paths are ``"otra"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from prometheus_client import CollectorRegistry, Counter, Histogram, Info, generate_latest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

CONTENT_TYPE: Final = "text/plain; version=0.0.4; charset=utf-8"
# Buckets with the SLO (0.3 s) as an edge: the alert needs no interpolation.
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
    """The five metrics of the churn API, registered in ``self.registry``."""

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
            "Duración de cada petición HTTP, de punta a punta en el proceso.",
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
            "P(churn) servida: su distribución detecta la deriva de las predicciones.",
            buckets=PROBABILITY_BUCKETS,
            registry=self.registry,
        )
        self.model = Info(
            "churn_model", "Modelo servido: nombre, alias y versión.", registry=self.registry
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one request and its duration."""
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_predictions(self, probabilities: Iterable[float], threshold: float) -> None:
        """Count each prediction by decided class and record its probability."""
        for p in probabilities:
            self.predictions.labels("churn" if p >= threshold else "no_churn").inc()
            self.probability.observe(p)

    def set_model(self, name: str, alias: str, version: str) -> None:
        """Expose the served model as ``churn_model_info{name,alias,version} 1``."""
        self.model.info({"name": name, "alias": alias, "version": version})

    def exposition(self) -> bytes:
        """The registry in Prometheus' text format (what ``/metrics`` returns)."""
        return generate_latest(self.registry)


def parse_samples(text: str) -> list[Sample]:
    """Every sample of a ``/metrics`` text, parsed by prometheus_client's own parser."""
    return [s for family in text_string_to_metric_families(text) for s in family.samples]


def family_names(text: str) -> set[str]:
    """The metric names of a ``/metrics`` text as PromQL sees them (counters with ``_total``).

    The ``*_created`` gauges (when each counter or histogram was created) are left out.
    """
    names = set()
    for family in text_string_to_metric_families(text):
        if family.name.endswith("_created"):
            continue
        names.add(family.name + ("_total" if family.type == "counter" else ""))
    return names
