"""A Pydantic ``ValidationError`` explained in Spanish, one line per wrong field.

Pydantic's own messages are English and aimed at developers (``Input should be greater than
0``). Whoever edits a YAML configuration needs to know *which* field, *what* it received and
*what* would be valid, in their language. Custom validators that raise ``ValueError`` with a
Spanish message keep that message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_VALUE_ERROR_PREFIXES = ("Value error, ", "Assertion failed, ")


def _ctx(detail: ErrorDetails, key: str) -> Any:
    return (detail.get("ctx") or {}).get(key)


def _expected(detail: ErrorDetails) -> str:
    return str(_ctx(detail, "expected")).replace(" or ", " o ")


_TEMPLATES: Mapping[str, Callable[[ErrorDetails], str]] = {
    "missing": lambda d: "falta este campo obligatorio",
    "extra_forbidden": lambda d: "campo desconocido: no existe en la configuración (¿una errata?)",
    "greater_than": lambda d: f"debe ser mayor que {_ctx(d, 'gt')}",
    "greater_than_equal": lambda d: f"debe ser mayor o igual que {_ctx(d, 'ge')}",
    "less_than": lambda d: f"debe ser menor que {_ctx(d, 'lt')}",
    "less_than_equal": lambda d: f"debe ser menor o igual que {_ctx(d, 'le')}",
    "literal_error": lambda d: f"debe ser uno de: {_expected(d)}",
    "int_parsing": lambda d: "debe ser un número entero",
    "int_type": lambda d: "debe ser un número entero",
    "int_from_float": lambda d: "debe ser un número entero, sin decimales",
    "float_parsing": lambda d: "debe ser un número",
    "float_type": lambda d: "debe ser un número",
    "bool_parsing": lambda d: "debe ser verdadero o falso",
    "bool_type": lambda d: "debe ser verdadero o falso",
    "string_type": lambda d: "debe ser texto",
    "list_type": lambda d: "debe ser una lista",
    "dict_type": lambda d: "debe ser un diccionario",
    "too_short": lambda d: f"debe tener al menos {_ctx(d, 'min_length')} elemento(s)",
    "too_long": lambda d: f"debe tener como mucho {_ctx(d, 'max_length')} elemento(s)",
    "frozen_instance": lambda d: "la configuración es inmutable: crea una nueva con model_copy",
}


def _field(detail: ErrorDetails) -> str:
    loc = ".".join(str(part) for part in detail["loc"])
    return loc or "(configuración completa)"


def _message(detail: ErrorDetails) -> str:
    template = _TEMPLATES.get(detail["type"])
    if template is not None:
        return template(detail)
    msg = detail["msg"]
    for prefix in _VALUE_ERROR_PREFIXES:
        if msg.startswith(prefix):
            return msg.removeprefix(prefix)
    return msg


def explain_validation_error(err: ValidationError) -> str:
    """Spanish text with one ``- field = received value: what is wrong`` line per error.

    Raises:
        TypeError: if ``err`` is not a Pydantic ``ValidationError``.
    """
    if not isinstance(err, ValidationError):
        raise TypeError(
            f"explain_validation_error espera un pydantic.ValidationError, no {type(err).__name__}."
        )
    details = err.errors()
    lines = [f"{err.title}: {len(details)} error(es) de validación."]
    for detail in details:
        received = "" if detail["type"] == "missing" else f" = {detail['input']!r}"
        lines.append(f"- {_field(detail)}{received}: {_message(detail)}")
    return "\n".join(lines)
