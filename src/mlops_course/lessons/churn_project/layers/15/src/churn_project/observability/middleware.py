"""Middleware ASGI: id de petición, una línea de log JSON y las métricas de cada petición.

Va por fuera del middleware del módulo 11: si el cliente no manda un ``X-Request-ID`` seguro,
crea uno y lo pone en la petición, así el del módulo 11 devuelve el mismo id en la cabecera y
el log, la traza y la respuesta comparten id (correlación).
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Final

import structlog
from opentelemetry.trace import NoOpTracer, Tracer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from churn_project.observability.metrics import ApiMetrics

SAFE_ID: Final = re.compile(r"[A-Za-z0-9._-]{1,64}")
OTHER_ROUTE: Final = "otra"  # una URL desconocida no crea una serie nueva
LOG = structlog.get_logger("churn_project.api")


def route_of(scope: Scope) -> str:
    """La plantilla de la ruta que atendió la petición, u ``"otra"``."""
    path = getattr(scope.get("route"), "path", None)
    return str(path) if path else OTHER_ROUTE


class ObservabilityMiddleware:
    """Id de petición, un span ``request``, una línea de log y las métricas HTTP."""

    def __init__(self, app: ASGIApp, metrics: ApiMetrics, tracer: Tracer | None = None) -> None:
        self.app = app
        self.metrics = metrics
        self.tracer = tracer or NoOpTracer()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        raw = list(scope.get("headers") or [])
        incoming = dict(raw).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        if request_id != incoming:
            kept = [(k, v) for k, v in raw if k != b"x-request-id"]
            scope = {**scope, "headers": [*kept, (b"x-request-id", request_id.encode())]}
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        with self.tracer.start_as_current_span("request") as span:
            span.set_attribute("request_id", request_id)
            try:
                await self.app(scope, receive, capture)
            finally:
                seconds = time.perf_counter() - started
                route = route_of(scope)
                method = str(scope.get("method", "GET"))
                span.set_attribute("http.route", route)
                span.set_attribute("http.status_code", status)
                self.metrics.observe_request(method, route, status, seconds)
                if route != "/metrics":  # el scraper llama cada 15 s: no es un evento
                    LOG.info(
                        "peticion",
                        method=method,
                        route=route,
                        status=status,
                        duration_ms=round(seconds * 1000, 2),
                    )
                structlog.contextvars.clear_contextvars()
