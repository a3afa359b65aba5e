"""The churn API's Grafana dashboard as code (grafana-foundation-sdk) and a check of its queries.

The dashboard is built by the SDK's typed builders and saved as JSON; the check extracts the
metric names of every panel's PromQL and compares them with what ``/metrics`` really exports,
so a renamed metric breaks a test instead of leaving an empty panel.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, Final

from grafana_foundation_sdk.builders import dashboard, prometheus, stat, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder

UID: Final = "churn-api"
SUFFIXES: Final = ("_bucket", "_count", "_sum")
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_MATCHERS = re.compile(r"\{[^}]*\}")
_RANGES = re.compile(r"\[[^\]]*\]")
_GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_NAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_:]*")
_NUMBER_OR_KEYWORD = frozenset({"and", "or", "unless", "bool", "offset", "inf", "nan"})

PANELS: Final = (
    (
        "Latencia p99 (SLO: 300 ms)",
        "s",
        "histogram_quantile(0.99, sum by (le) "
        "(rate(churn_http_request_duration_seconds_bucket[5m])))",
    ),
    (
        "Peticiones lentas (> 300 ms), fracción",
        "percentunit",
        '1 - sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m])) '
        "/ sum(rate(churn_http_request_duration_seconds_count[5m]))",
    ),
    (
        "Peticiones por segundo y código",
        "reqps",
        "sum by (status) (rate(churn_http_requests_total[5m]))",
    ),
    (
        "Predicciones por clase",
        "short",
        "sum by (outcome) (rate(churn_predictions_total[5m]))",
    ),
    (
        "P(churn) media servida (deriva de predicciones)",
        "percentunit",
        "rate(churn_prediction_probability_sum[1h]) / rate(churn_prediction_probability_count[1h])",
    ),
)


def build_dashboard() -> dict[str, Any]:
    """The dashboard as a JSON-ready dict: the panels above plus the served model version."""
    board = (
        dashboard.Dashboard("API de churn · observabilidad")
        .uid(UID)
        .tags(["churn", "mlops", "modulo-15"])
        .refresh("30s")
        .time("now-6h", "now")
        .timezone("browser")
    )
    version = (
        stat.Panel()
        .title("Versión del modelo servido")
        .with_target(
            prometheus.Dataquery()
            .expr("max by (version) (churn_model_info)")
            .legend_format("{{version}}")
        )
    )
    board = board.with_panel(version)
    for title, unit, expr in PANELS:
        panel = (
            timeseries.Panel()
            .title(title)
            .unit(unit)
            .with_target(prometheus.Dataquery().expr(expr))
        )
        board = board.with_panel(panel)
    encoded = JSONEncoder(sort_keys=True, indent=2).encode(board.build())
    result: dict[str, Any] = json.loads(encoded)
    return result


def dashboard_json() -> str:
    """The dashboard file's text (stable: sorted keys, 2-space indent, final newline)."""
    return json.dumps(build_dashboard(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def panel_queries(board: dict[str, Any]) -> list[tuple[str, str]]:
    """``(panel title, PromQL)`` for every target of every panel (rows included)."""
    queries = []
    panels = list(board.get("panels") or [])
    while panels:
        panel = panels.pop(0)
        panels.extend(panel.get("panels") or [])
        for target in panel.get("targets") or []:
            if target.get("expr"):
                queries.append((str(panel.get("title", "")), str(target["expr"])))
    return queries


def metric_names(expr: str, functions: Iterable[str] = ()) -> set[str]:
    """Metric names a PromQL expression reads (label matchers, strings and ranges removed).

    A name followed by ``(`` is a function or aggregation, not a metric.
    """
    text = _STRINGS.sub(" ", expr)
    text = _MATCHERS.sub(" ", text)
    text = _RANGES.sub(" ", text)
    text = _GROUPING.sub(" ", text)
    names = set()
    known = set(functions)
    for match in _NAME.finditer(text):
        name = match.group(0)
        rest = text[match.end() :].lstrip()
        if rest.startswith("(") or name.lower() in _NUMBER_OR_KEYWORD or name in known:
            continue
        names.add(name)
    return names


def family_of(name: str) -> str:
    """The exported family of a sample name (``x_bucket`` -> ``x``)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def unknown_metrics(board: dict[str, Any], exported: Iterable[str]) -> list[str]:
    """Spanish lines for every panel query that reads a metric ``/metrics`` does not export."""
    families = set(exported)
    problems = []
    for title, expr in panel_queries(board):
        for name in sorted(metric_names(expr)):
            if name not in families and family_of(name) not in families:
                problems.append(f"el panel {title!r} lee {name!r}, que la API no exporta")
    return problems
