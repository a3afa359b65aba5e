"""Un solo formato de error para toda la API: *problem details* (RFC 9457), en español.

Cada error responde ``application/problem+json`` con ``type``, ``title``, ``status``,
``detail`` e ``instance`` (la ruta), más el ``request_id`` para buscarlo en los logs. Los 422
traen ``errors``: una entrada por campo con su ubicación y un mensaje en español. Un error
inesperado responde 500 sin la traza: los detalles van al log, no al cliente.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON: Final = "application/problem+json"
TYPE_PREFIX: Final = "https://churn-project.example/problemas/"
LOG = logging.getLogger("churn_project.api")

TITLES: Final[dict[int, str]] = {
    400: "Petición incorrecta",
    401: "Falta una clave de API válida",
    404: "Recurso no encontrado",
    405: "Método no permitido",
    413: "Petición demasiado grande",
    422: "Datos de entrada no válidos",
    500: "Error interno",
    503: "Servicio no disponible",
}


class ProblemError(Exception):
    """Un error que la API responde como problem details."""

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def problem(
    request: Request,
    status: int,
    detail: str,
    *,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """La respuesta RFC 9457 de un error ``status`` en la ruta de ``request``."""
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + slug if slug else "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "request_id": getattr(request.state, "request_id", None),
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


PROBLEM_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "request_id": {"type": ["string", "null"]},
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Lo que una ruta declara en OpenAPI para sus errores: ``application/problem+json``."""
    return {
        status: {
            "description": TITLES.get(status, "Error"),
            "content": {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}},
        }
        for status in statuses
    }


MESSAGES: Final[dict[str, str]] = {
    "missing": "falta este campo",
    "extra_forbidden": "campo no permitido (¿una errata en el nombre?)",
    "int_type": "debe ser un número entero",
    "int_parsing": "debe ser un número entero",
    "int_from_float": "debe ser un número entero, sin decimales",
    "float_type": "debe ser un número",
    "float_parsing": "debe ser un número",
    "bool_type": "debe ser true o false",
    "bool_parsing": "debe ser true o false",
    "string_type": "debe ser un texto",
    "string_too_long": "es demasiado largo",
    "list_type": "debe ser una lista",
    "too_short": "no puede estar vacío",
    "model_attributes_type": "debe ser un objeto JSON",
    "dict_type": "debe ser un objeto JSON",
    "json_invalid": "el cuerpo no es JSON válido",
}


def spanish_message(error: dict[str, Any]) -> str:
    """El mensaje en español de un error de validación de pydantic."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in ("greater_than_equal", "greater_than"):
        return f"debe ser mayor o igual que {context.get('ge', context.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"debe ser menor o igual que {context.get('le', context.get('lt'))}"
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return MESSAGES.get(kind, str(error.get("msg", "valor no válido")))


def field_errors(errors: Sequence[Any]) -> list[dict[str, str]]:
    """Una entrada por error: el campo (``body.customers.0.age``) y su mensaje en español."""
    return [
        {
            "campo": ".".join(str(part) for part in error.get("loc", ())),
            "mensaje": spanish_message(error),
        }
        for error in errors
    ]


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem(request, exc.status, exc.detail, slug=exc.slug, headers=exc.headers, **exc.extra)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors(exc.errors())
    fields = ", ".join(sorted({e["campo"] for e in errors}))
    return problem(
        request,
        422,
        f"{len(errors)} error(es) de validación en: {fields}",
        slug="validacion",
        errors=errors,
    )


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "Error")
    if exc.status_code == 400:
        detail = "No se pudo leer el cuerpo de la petición: envíen JSON válido."
    elif exc.status_code == 404:
        detail = f"No existe la ruta {request.url.path}."
    elif exc.status_code == 405:
        detail = f"La ruta {request.url.path} no acepta {request.method}."
    return problem(request, exc.status_code, detail, headers=dict(exc.headers or {}))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    LOG.exception("Error no controlado en %s", request.url.path, exc_info=exc)
    return problem(request, 500, "Error interno: el equipo tiene el detalle en los logs.")


def install_error_handlers(app: FastAPI) -> None:
    """Registra los manejadores: problemas propios, 422, errores HTTP y cualquier otro."""
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
