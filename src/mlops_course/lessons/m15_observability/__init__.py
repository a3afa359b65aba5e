"""Module 15 (Observabilidad y drift): logs, metrics, traces, alerts, dashboard and drift.

* :mod:`.logs`, :mod:`.metrics`, :mod:`.tracing` — reading the three layers of the churn
  project's API back (its JSON log lines, its ``/metrics`` text, spans kept in memory); the
  instrumentation itself is project code (``churn_project.observability``, layer 15).
* :mod:`.alerts` — the SLO rules of module 02, tested with ``promtool test rules``.
* :mod:`.dashboard` — the Grafana dashboard as code and the check of its queries.
* :mod:`.psi`, :mod:`.drift` — PSI, KS and chi-squared per feature with Holm's correction.
* :mod:`.cardinality`, :mod:`.business`, :mod:`.performance` — label budgets, the cost of a
  stale model and its campaign counts once labels arrive.
"""

from mlops_course.lessons.m15_observability.alerts import (
    ALERT_NAME,
    MISSING_PROMTOOL,
    REFERENCE_RULES,
    alert_test,
    check_rules,
    find_alert,
    promtool,
    run_rule_tests,
)
from mlops_course.lessons.m15_observability.business import (
    CAMPAIGN_SUCCESS,
    CONTACT_COST_EUR,
    CUSTOMER_VALUE_EUR,
    campaign_value,
    retrain_decision,
)
from mlops_course.lessons.m15_observability.cardinality import label_problems, series_count
from mlops_course.lessons.m15_observability.dashboard import (
    build_dashboard,
    dashboard_json,
    metric_names,
    panel_queries,
    unknown_metrics,
)
from mlops_course.lessons.m15_observability.drift import (
    MONITORED,
    alarm_rate,
    drift_report,
    family_wise_error,
    feature_test,
    holm,
    production_batch,
)
from mlops_course.lessons.m15_observability.logs import json_lines
from mlops_course.lessons.m15_observability.metrics import EXPORTED, family_names, parse_samples
from mlops_course.lessons.m15_observability.psi import (
    bin_counts,
    psi,
    psi_from_counts,
    psi_level,
    quantile_edges,
)
from mlops_course.lessons.m15_observability.tracing import (
    in_memory_tracer,
    span_tree,
    traced_predict,
)

__all__ = [
    "ALERT_NAME",
    "CAMPAIGN_SUCCESS",
    "CONTACT_COST_EUR",
    "CUSTOMER_VALUE_EUR",
    "EXPORTED",
    "MISSING_PROMTOOL",
    "MONITORED",
    "REFERENCE_RULES",
    "alarm_rate",
    "alert_test",
    "bin_counts",
    "build_dashboard",
    "campaign_value",
    "check_rules",
    "dashboard_json",
    "drift_report",
    "family_names",
    "family_wise_error",
    "feature_test",
    "find_alert",
    "holm",
    "in_memory_tracer",
    "json_lines",
    "label_problems",
    "metric_names",
    "panel_queries",
    "parse_samples",
    "production_batch",
    "promtool",
    "psi",
    "psi_from_counts",
    "psi_level",
    "quantile_edges",
    "retrain_decision",
    "run_rule_tests",
    "series_count",
    "span_tree",
    "traced_predict",
    "unknown_metrics",
]
