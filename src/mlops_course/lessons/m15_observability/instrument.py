"""The three layers wired into the churn project's API (module 11), without editing it.

:func:`instrument` adds to an app built by ``churn_project.api.app.create_app``:

* an ASGI middleware that gives every request an id (the client's ``X-Request-ID`` if it is
  safe, else a new one, passed on so module 11's middleware echoes the same one), binds it to
  structlog's context, logs one JSON line per request and records the request metrics;
* ``GET /metrics`` with the app's own registry in Prometheus' text format.

:func:`create_observed_app` is the factory uvicorn runs (``--factory``) from the project folder:
the project's app, its model loaded by alias, counted by class, and the model version exported.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any, Final

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mlops_course.lessons.m15_observability.logs import configure_logging
from mlops_course.lessons.m15_observability.metrics import CONTENT_TYPE, ApiMetrics

SAFE_ID: Final = re.compile(r"[A-Za-z0-9._-]{1,64}")
OTHER_ROUTE: Final = "otra"
LOG = structlog.get_logger("churn_project.api")


def route_of(scope: Scope) -> str:
    """The route template that served ``scope`` (``/predict``), or ``"otra"`` for unknown paths."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else OTHER_ROUTE


class ObservabilityMiddleware:
    """Request id + one JSON log line + latency and count metrics for every HTTP request."""

    def __init__(self, app: ASGIApp, metrics: ApiMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        if request_id != incoming:  # module 11's middleware echoes this same id
            raw = [(k, v) for k, v in scope.get("headers") or [] if k != b"x-request-id"]
            scope = {**scope, "headers": [*raw, (b"x-request-id", request_id.encode())]}
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            await self.app(scope, receive, capture)
        finally:
            seconds = time.perf_counter() - started
            route = route_of(scope)
            self.metrics.observe_request(scope.get("method", "GET"), route, status, seconds)
            if route != "/metrics":  # the scraper calls every few seconds: not an event
                LOG.info(
                    "peticion",
                    method=scope.get("method"),
                    route=route,
                    status=status,
                    duration_ms=round(seconds * 1000, 2),
                )
            structlog.contextvars.clear_contextvars()


def instrument(app: Any, metrics: ApiMetrics) -> Any:
    """Add the middleware and ``GET /metrics`` to a FastAPI ``app``; returns the same app."""
    from fastapi import Response

    app.add_middleware(ObservabilityMiddleware, metrics=metrics)

    def metrics_endpoint() -> Response:
        return Response(metrics.exposition(), media_type=CONTENT_TYPE)

    app.add_api_route("/metrics", metrics_endpoint, methods=["GET"], include_in_schema=False)

    app.state.metrics = metrics
    return app


class CountingModel:
    """A served model that counts its predictions by class (same interface as ``ServedModel``)."""

    def __init__(self, model: Any, metrics: ApiMetrics) -> None:
        self._model = model
        self._metrics = metrics

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def predict(self, customers: Sequence[Any]) -> list[Any]:
        predictions: list[Any] = self._model.predict(customers)
        self._metrics.observe_predictions(
            [p.churn_probability for p in predictions], self._model.threshold
        )
        LOG.info("prediccion", count=len(predictions), model_version=self._model.version)
        return predictions


def observed_loader(load: Callable[[Any], Any], metrics: ApiMetrics) -> Callable[[Any], Any]:
    """Wrap a model loader: the loaded model is counted and its version exported."""

    def loader(settings: Any) -> CountingModel:
        model = load(settings)
        metrics.set_model(model.name, model.alias, str(model.version))
        LOG.info("modelo_cargado", model=model.name, alias=model.alias, version=model.version)
        return CountingModel(model, metrics)

    return loader


def create_observed_app() -> (
    Any
):  # pragma: no cover - runs inside uvicorn (covered by the notebook)
    """uvicorn ``--factory`` entry: the project's API with logs, metrics and ``/metrics``."""
    from churn_project.api.app import create_app  # type: ignore[import-not-found]
    from churn_project.api.model import load_by_alias  # type: ignore[import-not-found]

    configure_logging()
    metrics = ApiMetrics()
    return instrument(create_app(loader=observed_loader(load_by_alias, metrics)), metrics)
