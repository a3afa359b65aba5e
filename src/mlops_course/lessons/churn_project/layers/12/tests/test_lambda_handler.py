"""El handler de Lambda (módulo 12): eventos de API Gateway HTTP API (formato 2.0) de verdad.

Los tests invocan ``handler(event, context)`` como lo hace Lambda, con un modelo de
``models/model.skops`` y un cargador falso: sin MLflow, milisegundos por evento.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from mangum import Mangum

from churn_project.api import Settings
from churn_project.api.lambda_handler import build_handler
from churn_project.api.model import ServedModel
from churn_project.pipeline import load_model

KEY = "clave-de-prueba"
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


def event(method: str, path: str, body: str | None = None, **headers: str) -> dict[str, Any]:
    """Un evento de API Gateway HTTP API (payload 2.0), con la forma que documenta AWS."""
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {"content-type": "application/json", **headers},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.10",
                "userAgent": "pytest",
            },
            "requestId": "req-1",
            "routeKey": "$default",
            "stage": "$default",
            "timeEpoch": 1795919400000,
        },
        "isBase64Encoded": False,
        **({"body": body} if body is not None else {}),
    }


@pytest.fixture(scope="module")
def handler() -> Mangum:
    estimator = load_model(Path("models/model.skops"))
    served = ServedModel(estimator, float(estimator.threshold), "churn-classifier", "test", "7")
    return build_handler(Settings(api_keys=frozenset({KEY})), loader=lambda _: served)[1]


def test_a_v2_event_gets_a_prediction(handler: Mangum) -> None:
    response = handler(event("POST", "/predict", json.dumps(CUSTOMER), **{"x-api-key": KEY}), None)
    assert response["statusCode"] == 200, response["body"]
    body = json.loads(response["body"])
    assert body["customer_id"] == "C-1" and body["model_version"] == "7"
    assert 0 <= body["churn_probability"] <= 1


def test_a_base64_body_gives_the_same_prediction(handler: Mangum) -> None:
    plain = handler(event("POST", "/predict", json.dumps(CUSTOMER), **{"x-api-key": KEY}), None)
    body = base64.b64encode(json.dumps(CUSTOMER).encode()).decode()
    encoded = event("POST", "/predict", body, **{"x-api-key": KEY})
    encoded["isBase64Encoded"] = True
    assert json.loads(handler(encoded, None)["body"]) == json.loads(plain["body"])


def test_security_and_validation_travel_with_the_app(handler: Mangum) -> None:
    assert handler(event("GET", "/health"), None)["statusCode"] == 200
    assert handler(event("POST", "/predict", json.dumps(CUSTOMER)), None)["statusCode"] == 401
    broken = handler(event("POST", "/predict", '{"age": ', **{"x-api-key": KEY}), None)
    assert broken["statusCode"] == 422


def test_a_model_that_does_not_load_gives_503_not_a_crash() -> None:
    def fail(_: Settings) -> ServedModel:
        raise RuntimeError("sin registro")

    app, handler = build_handler(Settings(api_keys=frozenset({KEY})), loader=fail)
    assert "sin registro" in app.state.load_error
    response = handler(event("POST", "/predict", json.dumps(CUSTOMER), **{"x-api-key": KEY}), None)
    assert response["statusCode"] == 503
