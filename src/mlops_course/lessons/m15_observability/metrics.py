"""Reading the churn API's Prometheus metrics back, with prometheus_client's own parser.

The API's metrics live in the project (``churn_project.observability.metrics``, layer 15), in
their own ``CollectorRegistry``; this module only names what it exports and parses the text of
its ``/metrics`` endpoint the way a Prometheus server would.
"""

from __future__ import annotations

from typing import Final

from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

EXPORTED: Final = (
    "churn_http_requests_total",
    "churn_http_request_duration_seconds",
    "churn_predictions_total",
    "churn_prediction_probability",
    "churn_model_info",
)


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
