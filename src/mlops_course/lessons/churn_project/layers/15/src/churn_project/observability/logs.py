"""Logs estructurados: una línea JSON por evento, con el contexto de la petición.

``merge_contextvars`` añade a cada línea lo que el middleware ató a la petición en curso
(``request_id``), desde cualquier función, sin pasarlo como argumento. Nunca se registran los
datos del cliente: solo ids, rutas, códigos, tiempos y versiones.
"""

from __future__ import annotations

import logging
from typing import TextIO

import structlog


def configure_logging(stream: TextIO | None = None, level: int = logging.INFO) -> None:
    """structlog → JSON por línea en ``stream`` (por defecto, la salida estándar del proceso)."""
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.dict_tracebacks,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(stream),
        cache_logger_on_first_use=False,
    )
