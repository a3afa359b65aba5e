"""Module 15's lesson package: PSI, drift tests, alerts, dashboard, metrics, logs and traces."""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from prometheus_client import CollectorRegistry, Counter, Info, generate_latest

from mlops_course.lessons.m15_observability import (
    ALERT_NAME,
    EXPORTED,
    REFERENCE_RULES,
    alarm_rate,
    alert_test,
    bin_counts,
    build_dashboard,
    campaign_value,
    check_rules,
    dashboard_json,
    drift_report,
    family_names,
    family_wise_error,
    find_alert,
    holm,
    in_memory_tracer,
    json_lines,
    label_problems,
    metric_names,
    panel_queries,
    parse_samples,
    production_batch,
    promtool,
    psi,
    psi_from_counts,
    psi_level,
    quantile_edges,
    retrain_decision,
    run_rule_tests,
    series_count,
    span_tree,
    traced_predict,
    unknown_metrics,
)
from mlops_course.lessons.m15_observability.alerts import project_alert_test
from mlops_course.machinery.decision_aids import InputError, recommend

LAYER = Path(str(resources.files("mlops_course.lessons.churn_project").joinpath("layers", "15")))
MONITORING = LAYER / "monitoring"
needs_promtool = pytest.mark.skipif(promtool() is None, reason="promtool no está instalado")


def test_psi_identical_is_zero_and_shift_grows() -> None:
    rng = np.random.default_rng(0)
    ref = rng.normal(size=5000)
    assert psi(ref, ref) == pytest.approx(0.0, abs=1e-12)
    small, large = psi(ref, ref + 0.1), psi(ref, ref + 1.0)
    assert 0 < small < large
    assert psi_level(small) == "estable" and psi_level(large) == "mayor"
    assert psi_level(0.15) == "moderado"


def test_psi_empty_bin_is_finite_and_matches_formula() -> None:
    value = psi_from_counts([50, 50], [100, 0], epsilon=1e-4)
    expected = (1 - 0.5) * math.log(1 / 0.5) + (1e-4 - 0.5) * math.log(1e-4 / 0.5)
    assert value == pytest.approx(expected)
    with pytest.raises(ValueError):
        psi_from_counts([1, 2], [1, 2, 3])
    with pytest.raises(ValueError):
        psi_from_counts([0, 0], [1, 1])


def test_bins_are_open_at_both_ends() -> None:
    edges = quantile_edges([1.0, 2.0, 3.0, 4.0], bins=2)
    assert list(bin_counts([-100.0, 2.5, 100.0], edges)) == [2, 1]
    with pytest.raises(ValueError):
        quantile_edges([1.0], bins=1)
    with pytest.raises(ValueError):
        quantile_edges([], bins=4)


def test_holm_is_step_down_and_stops() -> None:
    p = {"a": 0.001, "b": 0.02, "c": 0.04, "d": 0.5}
    # Bonferroni (0.0125) rejects only a; Holm: 0.001<0.0125, 0.02>0.0167 -> stop.
    assert holm(p) == {"a"}
    assert holm({"a": 0.01, "b": 0.02, "c": 0.03}) == {"a", "b", "c"}
    assert holm({}) == set()
    with pytest.raises(ValueError):
        holm(p, alpha=0)


def test_drift_report_detects_covariate_drift_only_on_moved_features() -> None:
    ref = production_batch(2000, 42)
    report = drift_report(ref, production_batch(1000, 7, covariate_drift=0.6))
    assert set(report.index[report["drift"]]) >= {"age", "tenure_months", "balance_eur"}
    assert not report.loc[["estimated_salary_eur", "gender"], "drift"].any()
    assert report.loc["region", "test"] == "chi2" and report.loc["age", "test"] == "ks"


def test_family_wise_error() -> None:
    assert family_wise_error(1) == pytest.approx(0.05)
    assert family_wise_error(10) == pytest.approx(0.4013, abs=1e-4)


def test_cardinality() -> None:
    assert series_count({"route": ["/a", "/b", "/a"], "status": ["200", "500"]}) == 4
    assert series_count({}) == 1
    assert label_problems({"route": ["/a"]}, max_series=10) == []
    ids = label_problems({"customer_id": ["C1"]}, max_series=10)
    assert ids and "identificador" in ids[0]
    many = label_problems({"path": [f"/c/{i}" for i in range(100)]}, max_series=10_000)
    assert many and "valores distintos" in many[0]
    budget = label_problems({"a": list("abcde"), "b": list("abcde")}, max_series=20)
    assert budget == ["25 series superan el presupuesto de 20"]


def test_business_retrain_decision() -> None:
    assert campaign_value(10, 5) == pytest.approx(10 * 30 - 5 * 6)
    decision = retrain_decision({"tp": 50, "fp": 100}, {"tp": 80, "fp": 60}, 1000, 12)
    assert decision["monthly_loss_eur"] == pytest.approx(30 * 30 + 40 * 6)
    assert decision["retrain"] is True
    same = retrain_decision({"tp": 5, "fp": 5}, {"tp": 5, "fp": 5}, 10, 12)
    assert same["retrain"] is False and same["payback_months"] == math.inf
    with pytest.raises(ValueError):
        retrain_decision({"tp": -1, "fp": 0}, {"tp": 1, "fp": 0}, 1, 1)
    with pytest.raises(ValueError):
        retrain_decision({"tp": 1, "fp": 0}, {"tp": 1, "fp": 0}, 1, 0)


def test_dashboard_queries_only_exported_metrics() -> None:
    board = build_dashboard()
    assert len(panel_queries(board)) == 6
    assert unknown_metrics(board, EXPORTED) == []
    assert unknown_metrics(board, ["churn_model_info"])  # the rest is missing
    assert dashboard_json().endswith("}\n")
    expr = 'sum by (le) (rate(x_bucket{le="0.3", route="/p"}[5m])) / on() y_count'
    assert metric_names(expr) == {"x_bucket", "y_count"}


def test_metrics_text_is_read_back_with_the_clients_parser() -> None:
    registry = CollectorRegistry()
    Counter("churn_predictions", "x", ("outcome",), registry=registry).labels("churn").inc(3)
    Info("churn_model", "x", registry=registry).info({"version": "3"})
    text = generate_latest(registry).decode()
    assert family_names(text) == {"churn_predictions_total", "churn_model_info"}
    values = {(s.name, tuple(sorted(s.labels.items()))): s.value for s in parse_samples(text)}
    assert values[("churn_predictions_total", (("outcome", "churn"),))] == 3
    assert values[("churn_model_info", (("version", "3"),))] == 1


def test_json_lines_skips_what_is_not_json() -> None:
    text = 'INFO: Started server\n{"event": "peticion", "request_id": "a"}\n{roto\n'
    assert json_lines(text) == [{"event": "peticion", "request_id": "a"}]


def test_layer_15_monitoring_files_are_the_generated_ones() -> None:
    """The project's monitoring/ is what this package generates (regenerate if this fails)."""
    assert (MONITORING / "alerts.yml").read_text(encoding="utf-8") == REFERENCE_RULES
    tests = (MONITORING / "alerts_test.yml").read_text(encoding="utf-8")
    assert tests == project_alert_test(REFERENCE_RULES)
    assert (MONITORING / "dashboard.json").read_text(encoding="utf-8") == dashboard_json()
    metrics = (LAYER / "src" / "churn_project" / "observability" / "metrics.py").read_text(
        encoding="utf-8"
    )
    for name in EXPORTED:  # the project's registry declares every name the dashboard reads
        assert f'"{name.removesuffix("_total")}"' in metrics, name


def test_traced_predict_builds_the_span_tree() -> None:
    tracer, exporter = in_memory_tracer()
    prediction = SimpleNamespace(model_version="3", model_dump=lambda: {"churn": True})
    body = traced_predict(tracer, {"x": 1}, lambda p: p, lambda c: [prediction], "rid")
    assert body == {"churn": True}
    tree = span_tree(exporter.get_finished_spans())
    assert [(name, parent) for name, parent, _ in tree] == [
        ("request", None),
        ("validation", "request"),
        ("model", "request"),
        ("response", "request"),
    ]

    def reject(_payload: Any) -> Any:
        raise ValueError("mal")

    with pytest.raises(ValueError):
        traced_predict(tracer, {}, reject, lambda c: [prediction], "rid")


@needs_promtool
def test_reference_rules_fire_exactly_on_breach() -> None:
    assert check_rules(REFERENCE_RULES).ok
    assert find_alert(REFERENCE_RULES)["for"] == "5m"
    breach = alert_test(REFERENCE_RULES, [98] * 20, [2] * 20, [("4m", False), ("12m", True)])
    assert run_rule_tests(REFERENCE_RULES, breach).ok
    fine = alert_test(REFERENCE_RULES, [199] * 20, [1] * 20, [("12m", False)])
    assert run_rule_tests(REFERENCE_RULES, fine).ok
    wrong = alert_test(REFERENCE_RULES, [199] * 20, [1] * 20, [("12m", True)])
    assert not run_rule_tests(REFERENCE_RULES, wrong).ok
    with pytest.raises(ValueError):
        find_alert(REFERENCE_RULES, "Otra")
    with pytest.raises(ValueError):
        find_alert("groups: [")
    assert ALERT_NAME in REFERENCE_RULES


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param({"data_type": "numerica"}, "ks", id="numeric"),
        pytest.param({"data_type": "categorica"}, "chi2", id="categorical"),
        pytest.param({"data_type": "multivariante", "n_features": 200}, "domain_classifier"),
        pytest.param({"data_type": "numerica", "sample_size": 1_000_000}, "psi", id="huge"),
        pytest.param({"data_type": "numerica", "sample_size": 200}, "ks", id="small"),
        pytest.param(
            {"data_type": "categorica", "sample_size": 100_000}, "psi", id="exactly-large"
        ),
        pytest.param({"data_type": "categorica", "sample_size": 500}, "chi2", id="exactly-small"),
    ],
)
def test_drift_tests_aid(values: dict[str, object], expected: str) -> None:
    assert recommend("drift_tests", values).best.option_id == expected


def test_drift_tests_aid_warns_and_refuses() -> None:
    many = recommend("drift_tests", {"data_type": "numerica", "n_features": 50})
    ks = next(o for o in many.ranking if o.option_id == "ks")
    assert any("Holm" in w for w in ks.warnings)
    categorical = recommend("drift_tests", {"data_type": "categorica"})
    assert categorical.ranking[-1].option_id in {"ks", "wasserstein"}
    with pytest.raises(InputError):
        recommend("drift_tests", {"data_type": "texto"})
    with pytest.raises(InputError):
        recommend("drift_tests", {"sample_size": 0})


def test_alarm_rate_fresh_and_fixed_reference() -> None:
    seeds = range(3)
    assert alarm_rate(seeds, 300, 600, covariate_drift=1.0) == 1.0
    control = alarm_rate(seeds, 300, 600)
    assert 0.0 <= control <= 1.0
    assert alarm_rate(seeds, 300, 600, correct=False) >= control
    fixed = alarm_rate(seeds, 300, 600, reference=production_batch(600, 1))
    assert 0.0 <= fixed <= 1.0
    with pytest.raises(ValueError):
        alarm_rate([], 300, 600)


def test_a_missing_promtool_fails_the_alert_tests_in_spanish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where promtool is missing the graded tests fail naming it: never a silent pass."""
    from mlops_course.lessons.m15_observability import alerts

    monkeypatch.setattr(alerts, "promtool", lambda: None)
    with pytest.raises(AssertionError, match="promtool"):
        alerts.expect_alert(REFERENCE_RULES, [98] * 20, [2] * 20, [("12m", True)], "sin promtool")
    with pytest.raises(RuntimeError, match="promtool"):
        check_rules(REFERENCE_RULES)


@needs_promtool
def test_expect_alert_names_the_scenario_and_bad_rules() -> None:
    from mlops_course.lessons.m15_observability.alerts import expect_alert

    with pytest.raises(AssertionError, match="0,5 % lentas"):
        expect_alert(REFERENCE_RULES, [199] * 20, [1] * 20, [("12m", True)], "0,5 % lentas")
    with pytest.raises(AssertionError, match="promtool no acepta"):
        expect_alert("groups: [{name: x, rules: [{alert: A, expr: 'sum('}]}]", [1], [1], [], "x")
    with pytest.raises(AssertionError, match="ChurnApiSLOLatencia"):
        expect_alert("groups: []\n", [1], [1], [], "x")


def test_concept_drift_shows_in_the_labels_not_in_the_features() -> None:
    """The stale model loses AUC on a concept-drifted batch; a model fitted on that labelled
    batch recovers it; the campaign counts follow the budget and reject a nonsense one."""
    from mlops_course.lessons.m15_observability.drift import production_batch
    from mlops_course.lessons.m15_observability.performance import auc, campaign_counts, quick_model

    reference = production_batch(2000, 1)
    drifted = production_batch(1500, 2, concept_drift=1.0)
    stale, fresh = quick_model(reference), quick_model(production_batch(1500, 3, concept_drift=1.0))
    assert auc(stale, production_batch(1500, 4)) > 0.7
    assert auc(stale, drifted) < auc(stale, production_batch(1500, 4)) - 0.1
    assert auc(fresh, drifted) > auc(stale, drifted) + 0.1
    counts = campaign_counts(stale, drifted, budget=0.1)
    assert counts["tp"] + counts["fp"] == 150
    with pytest.raises(ValueError):
        campaign_counts(stale, drifted, budget=0)
