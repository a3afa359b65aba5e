"""La observabilidad de la API (módulo 15): métricas, logs, trazas, alertas y dashboard.

Las métricas se leen de ``GET /metrics`` con el parser de ``prometheus_client`` (el mismo
formato que lee Prometheus); los logs, de la salida estándar (una línea JSON por evento); las
trazas, del exportador en memoria de OpenTelemetry. Las reglas de alerta se prueban con
``promtool`` si está instalado (paquete ``prometheus``; en la CI, apt).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from churn_project.api import Settings, create_app
from churn_project.api.model import ServedModel
from churn_project.observability import EXPORTED, ApiMetrics, in_memory_tracer
from churn_project.pipeline import load_model

KEY = "clave-de-prueba"
HEADERS = {"X-API-Key": KEY}
MONITORING = Path("monitoring")
CUSTOMER: dict[str, Any] = {
    "age": 42,
    "tenure_months": 24,
    "balance_eur": 1500.0,
    "estimated_salary_eur": 40000.0,
    "credit_score": 650,
    "num_products": 2,
    "has_credit_card": True,
    "is_active_member": False,
    "region": "Madrid",
}


@pytest.fixture(scope="module")
def served() -> ServedModel:
    estimator = load_model(Path("models/model.skops"))
    return ServedModel(estimator, float(estimator.threshold), "churn-classifier", "test", "7")


@pytest.fixture
def metrics() -> ApiMetrics:
    return ApiMetrics()


@pytest.fixture
def client(served: ServedModel, metrics: ApiMetrics) -> Iterator[TestClient]:
    app = create_app(Settings(api_keys=frozenset({KEY})), loader=lambda _: served, metrics=metrics)
    with TestClient(app, raise_server_exceptions=False) as started:
        yield started


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """(nombre, etiquetas) → valor de cada muestra de un texto de /metrics."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def exported_names(text: str) -> set[str]:
    """Los nombres que ve PromQL (los contadores con _total), sin las series _created."""
    names = set()
    for family in text_string_to_metric_families(text):
        if not family.name.endswith("_created"):
            names.add(family.name + ("_total" if family.type == "counter" else ""))
    return names


def test_metrics_count_requests_predictions_and_the_model_version(client: TestClient) -> None:
    for _ in range(3):
        assert client.post("/predict", json=CUSTOMER, headers=HEADERS).status_code == 200
    assert (
        client.post("/predict", json={**CUSTOMER, "age": "x"}, headers=HEADERS).status_code == 422
    )
    client.get("/clientes/C000123")
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    values = samples(response.text)
    ok = (
        "churn_http_requests_total",
        (("method", "POST"), ("route", "/predict"), ("status", "200")),
    )
    assert values[ok] == 3
    assert (
        values[
            ("churn_http_requests_total", (("method", "GET"), ("route", "otra"), ("status", "404")))
        ]
        == 1
    )
    by_class = sum(v for (name, _), v in values.items() if name == "churn_predictions_total")
    assert by_class == 3
    info = ("churn_model_info", (("alias", "test"), ("name", "churn-classifier"), ("version", "7")))
    assert values[info] == 1
    assert exported_names(response.text) == set(EXPORTED)


def test_no_label_carries_an_id(client: TestClient) -> None:
    client.post("/predict", json={**CUSTOMER, "customer_id": "C000123"}, headers=HEADERS)
    text = client.get("/metrics").text
    assert "C000123" not in text, "un id de cliente en una etiqueta: una serie por cliente"
    labels = {
        k
        for family in text_string_to_metric_families(text)
        for s in family.samples
        for k in s.labels
    }
    assert not {k for k in labels if re.search(r"(^|_)(id|customer|user)($|_)", k)}


def test_every_log_line_is_json_with_the_request_id(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    response = client.post("/predict", json=CUSTOMER, headers={**HEADERS, "X-Request-ID": "abc-1"})
    assert response.headers["x-request-id"] == "abc-1"
    other = client.get("/health")
    events = [
        json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")
    ]
    mine = [e for e in events if e.get("request_id") == "abc-1"]
    assert {e["event"] for e in mine} == {"prediccion", "peticion"}
    assert all("age" not in e and "balance_eur" not in e for e in events), "sin datos del cliente"
    generated = other.headers["x-request-id"]
    assert any(e.get("request_id") == generated for e in events), "el id generado también se loguea"


def test_a_prediction_is_a_trace_request_then_model(served: ServedModel) -> None:
    tracer, exporter = in_memory_tracer()
    app = create_app(Settings(api_keys=frozenset({KEY})), loader=lambda _: served, tracer=tracer)
    with TestClient(app) as client:
        client.post("/predict", json=CUSTOMER, headers=HEADERS)
    spans = {span.name: span for span in exporter.get_finished_spans()}
    assert set(spans) == {"request", "model"}
    model, request = spans["model"], spans["request"]
    assert model.parent is not None and request.context is not None
    assert model.parent.span_id == request.context.span_id
    assert request.attributes is not None and request.attributes["http.route"] == "/predict"


def test_every_dashboard_query_reads_an_exported_metric(client: TestClient) -> None:
    board = json.loads((MONITORING / "dashboard.json").read_text(encoding="utf-8"))
    exported = exported_names(client.get("/metrics").text)
    queries = [t["expr"] for p in board["panels"] for t in p.get("targets", []) if t.get("expr")]
    assert queries, "el dashboard no tiene consultas"
    for expr in queries:
        text = re.sub(r'"[^"]*"|\{[^}]*\}|\[[^\]]*\]|\b(by|without)\s*\([^)]*\)', " ", expr)
        names = {
            m.group(0)
            for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text)
            if not text[m.end() :].lstrip().startswith("(")
        }
        unknown = {n for n in names if re.sub(r"_(bucket|count|sum)$", "", n) not in exported}
        assert names and not unknown, f"el panel con {expr!r} lee {unknown}, que no se exporta"


def test_alert_rules_read_the_exported_latency_histogram() -> None:
    rules = yaml.safe_load((MONITORING / "alerts.yml").read_text(encoding="utf-8"))
    alerts = [r for g in rules["groups"] for r in g["rules"] if "alert" in r]
    assert [a["alert"] for a in alerts] == ["ChurnApiSLOLatencia"]
    text = (MONITORING / "alerts.yml").read_text(encoding="utf-8")
    assert 'churn_http_request_duration_seconds_bucket{le="0.3"}' in text


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool no está instalado")
def test_promtool_checks_and_tests_the_alert_rules() -> None:
    for args in (["check", "rules", "alerts.yml"], ["test", "rules", "alerts_test.yml"]):
        done = subprocess.run(
            ["promtool", *args], cwd=MONITORING, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stdout + done.stderr
