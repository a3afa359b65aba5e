"""Middleware ASGI: id de petición, tiempo de proceso, versión del modelo y límite de tamaño.

Es ASGI puro (no ``BaseHTTPMiddleware``): no copia el cuerpo en memoria ni rompe las respuestas
en streaming. Cada respuesta lleva ``X-Request-ID`` (el del cliente si es razonable, si no uno
nuevo), ``X-Process-Time-Ms`` y, con el modelo cargado, ``X-Model-Version``. Un cuerpo mayor que
``max_body_bytes`` se corta con 413 antes de leerlo entero: por ``Content-Length`` si lo declara
y, si no (``chunked``), contando lo que llega.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Final

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from churn_project.api.errors import ProblemError

REQUEST_ID: Final = "x-request-id"
SAFE_ID: Final = re.compile(r"[A-Za-z0-9._-]{1,64}")


def too_large(limit: int) -> ProblemError:
    return ProblemError(
        413,
        "cuerpo-demasiado-grande",
        f"El cuerpo de la petición supera el máximo de {limit} bytes.",
        max_body_bytes=limit,
    )


class RequestContextMiddleware:
    """Pone id, tiempo y versión del modelo en cada respuesta y limita el tamaño del cuerpo."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = Headers(scope=scope)
        incoming = headers.get(REQUEST_ID, "")
        request_id = incoming if SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        limit = self.max_body_bytes
        declared = headers.get("content-length", "")
        received = 0
        rejected = False

        async def limited_receive() -> Message:
            nonlocal received, rejected
            message = await receive()
            if message["type"] == "http.request" and not rejected:
                received += len(message.get("body", b""))
                if received > limit:
                    # Responde 413 aquí mismo y la app ve al cliente desconectado: lo que
                    # intente responder después se descarta (no llega un 400 confuso).
                    await self._reject(scope, receive, send_with_headers, limit)
                    rejected = True
                    return {"type": "http.disconnect"}
            return message

        async def send_with_headers(message: Message) -> None:
            if rejected:
                return
            if message["type"] == "http.response.start":
                extra = MutableHeaders(scope=message)
                extra[REQUEST_ID] = request_id
                extra["x-process-time-ms"] = f"{(time.perf_counter() - started) * 1000:.2f}"
                model = getattr(scope["app"].state, "model", None) if "app" in scope else None
                if model is not None:
                    extra["x-model-version"] = str(model.version)
            await send(message)

        if declared.isdigit() and int(declared) > limit:
            await self._reject(scope, receive, send_with_headers, limit)
            return
        await self.app(scope, limited_receive, send_with_headers)

    @staticmethod
    async def _reject(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        from starlette.requests import Request

        from churn_project.api.errors import problem

        error = too_large(limit)
        response = problem(
            Request(scope, receive), error.status, error.detail, slug=error.slug, **error.extra
        )
        await response(scope, receive, send)
