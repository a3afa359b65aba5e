"""La API (módulo 11): rutas, dependencias sustituidas, errores RFC 9457, límites y carga.

Casi todos los tests usan el modelo que deja ``dvc repro`` en ``models/model.skops`` a través de
``app.dependency_overrides`` y un cargador falso: no tocan MLflow y tardan milisegundos. El
último carga el modelo por alias desde el registro del proyecto, como en producción.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from churn_project.api import Settings, create_app
from churn_project.api.dependencies import get_model
from churn_project.api.model import ServedModel, load_by_alias
from churn_project.api.settings import load_settings
from churn_project.params import load_params
from churn_project.pipeline import load_model

KEY = "clave-de-prueba"
HEADERS = {"X-API-Key": KEY}
CUSTOMER: dict[str, Any] = {
    "customer_id": "C-1",
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


def make_client(served: ServedModel, **settings: Any) -> TestClient:
    config = Settings(api_keys=frozenset({KEY}), **settings)
    return TestClient(create_app(config, loader=lambda _: served), raise_server_exceptions=False)


@pytest.fixture
def client(served: ServedModel) -> Iterator[TestClient]:
    with make_client(served, max_batch=3, max_body_bytes=4096) as started:  # runs the lifespan
        yield started


def test_health_and_ready_report_the_loaded_model(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200 and ready.json()["version"] == "7"


def test_predict_returns_probability_decision_and_model_version(client: TestClient) -> None:
    response = client.post("/predict", json=CUSTOMER, headers=HEADERS)
    assert response.status_code == 200, response.text
    body = response.json()
    assert 0.0 <= body["churn_probability"] <= 1.0
    assert body["churn"] == (body["churn_probability"] >= body["threshold"])
    assert body["model_version"] == "7" and body["customer_id"] == "C-1"
    assert response.headers["x-model-version"] == "7"
    assert float(response.headers["x-process-time-ms"]) >= 0


def test_every_response_carries_a_request_id_and_echoes_a_safe_one(client: TestClient) -> None:
    assert len(client.get("/health").headers["x-request-id"]) == 32
    echoed = client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    unsafe = client.get("/health", headers={"X-Request-ID": "a b\tc" * 30})
    assert unsafe.headers["x-request-id"] != "a b\tc" * 30


@pytest.mark.parametrize(
    ("headers", "slug"), [({}, "sin-clave"), ({"X-API-Key": "otra"}, "clave-invalida")]
)
def test_predict_needs_a_valid_api_key(
    client: TestClient, headers: dict[str, str], slug: str
) -> None:
    response = client.post("/predict", json=CUSTOMER, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith(slug)
    assert "ApiKey" in response.headers["www-authenticate"]


def test_invalid_input_is_a_422_problem_with_spanish_messages(client: TestClient) -> None:
    wrong = {**CUSTOMER, "age": 150, "region": "Marte", "edad": 3}
    del wrong["credit_score"]
    response = client.post("/predict", json=wrong, headers=HEADERS)
    assert response.status_code == 422
    problem = response.json()
    assert problem["status"] == 422 and problem["instance"] == "/predict"
    assert problem["request_id"] == response.headers["x-request-id"]
    messages = {e["campo"]: e["mensaje"] for e in problem["errors"]}
    assert messages["body.age"] == "debe ser menor o igual que 85"
    assert messages["body.credit_score"] == "falta este campo"
    assert "región desconocida 'Marte'" in messages["body.region"]
    assert "campo no permitido" in messages["body.edad"]
    as_number = client.post("/predict", json={**CUSTOMER, "is_active_member": 0}, headers=HEADERS)
    assert as_number.status_code == 422, "0 no es false: el esquema dice boolean"
    as_text = client.post("/predict", json={**CUSTOMER, "balance_eur": "1500"}, headers=HEADERS)
    assert as_text.status_code == 422, "un número en texto no cumple el esquema (number)"
    whole = client.post("/predict", json={**CUSTOMER, "age": 42.0}, headers=HEADERS)
    assert whole.status_code == 200, "42.0 es un integer válido en JSON Schema"
    garbage = client.post("/predict", content=b"\x0f{", headers=HEADERS)
    assert garbage.status_code in (400, 422) and "JSON" in garbage.json()["detail"] + str(
        garbage.json().get("errors", "")
    )


def test_batch_predicts_in_order_and_rejects_too_many(client: TestClient) -> None:
    batch = [{**CUSTOMER, "customer_id": f"C-{i}"} for i in range(3)]
    response = client.post("/predict/batch", json={"customers": batch}, headers=HEADERS)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == 3 and [p["customer_id"] for p in body["predictions"]] == [
        "C-0",
        "C-1",
        "C-2",
    ]
    too_many = client.post("/predict/batch", json={"customers": batch * 2}, headers=HEADERS)
    assert too_many.status_code == 413 and too_many.json()["max_batch"] == 3
    empty = client.post("/predict/batch", json={"customers": []}, headers=HEADERS)
    assert empty.status_code == 422


def test_a_body_over_the_limit_is_cut_with_413(client: TestClient) -> None:
    big = {"customers": [CUSTOMER] * 40}
    declared = client.post("/predict/batch", json=big, headers=HEADERS)
    assert declared.status_code == 413 and declared.json()["type"].endswith("grande")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"customers": ['
        for _ in range(200):
            yield b'{"age": 40, "region": "Madrid"},'
        yield b"]}"

    streamed = client.post("/predict/batch", content=chunks(), headers=HEADERS)
    assert streamed.status_code == 413


def test_unknown_routes_and_crashes_are_problems_without_internals(served: ServedModel) -> None:
    with make_client(served) as client:
        missing = client.get("/nada")
        assert missing.status_code == 404 and "/nada" in missing.json()["detail"]

        def broken() -> ServedModel:
            raise RuntimeError("secreto interno")

        client.app.dependency_overrides[get_model] = broken  # type: ignore[attr-defined]
        crash = client.post("/predict", json=CUSTOMER, headers=HEADERS)
        assert crash.status_code == 500 and "secreto" not in crash.text


def test_a_model_that_does_not_load_leaves_the_api_alive_but_not_ready() -> None:
    def failing(_: Settings) -> ServedModel:
        raise LookupError("no hay alias champion")

    app = create_app(Settings(api_keys=frozenset({KEY})), loader=failing)
    with TestClient(app) as client:
        assert client.get("/health").status_code == 200
        ready = client.get("/ready")
        assert ready.status_code == 503 and "no hay alias champion" in ready.json()["detail"]
        assert client.post("/predict", json=CUSTOMER, headers=HEADERS).status_code == 503


def test_settings_come_from_the_environment_and_reject_bad_limits() -> None:
    settings = load_settings({"CHURN_API_KEYS": "a, b,", "CHURN_MAX_BATCH": "10"})
    assert settings.api_keys == {"a", "b"} and settings.max_batch == 10
    assert settings.model_uri == "models:/churn-classifier@champion"
    assert "api_keys" not in repr(settings), "las claves nunca salen en un log"
    with pytest.raises(ValueError, match="CHURN_MAX_BATCH"):
        load_settings({"CHURN_MAX_BATCH": "-1"})
    with pytest.raises(ValueError, match="max_body_bytes"):
        Settings(max_body_bytes=0)


def test_the_registered_model_loads_by_alias_from_the_project_store() -> None:
    """Como en producción: ``models:/<nombre>@<alias>`` del registro MLflow del proyecto."""
    tracking = load_params("tracking")
    settings = Settings(model_name=tracking["registered_model"], model_alias="challenger")
    model = load_by_alias(settings)
    assert model.version.isdigit() and 0 < model.threshold < 1
    with TestClient(create_app(Settings(api_keys=frozenset({KEY})), loader=lambda _: model)) as c:
        assert c.post("/predict", json=CUSTOMER, headers=HEADERS).json()["model_version"] == (
            model.version
        )


def test_the_openapi_schema_documents_the_contract_and_the_problem_responses(
    client: TestClient,
) -> None:
    """Lo que ve un cliente (o schemathesis) en /openapi.json: las regiones del contrato y los
    errores como application/problem+json."""
    from churn_project.contract import REGIONS

    schema = client.get("/openapi.json").json()
    customer = schema["components"]["schemas"]["Customer"]["properties"]
    assert customer["region"]["enum"] == list(REGIONS)
    assert customer["age"]["minimum"] == 18 and customer["age"]["maximum"] == 85
    errors = schema["paths"]["/predict"]["post"]["responses"]
    for status in ("400", "401", "413", "422", "503"):
        assert "application/problem+json" in errors[status]["content"], status
