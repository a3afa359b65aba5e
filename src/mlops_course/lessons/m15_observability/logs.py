"""Structured JSON logs with structlog: one JSON object per line, the request id in every line."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

import structlog


def configure_logging(stream: TextIO | None = None) -> None:
    """structlog -> one JSON line per event on ``stream`` (default stdout), with context vars.

    ``merge_contextvars`` adds whatever ``bind_contextvars`` bound for the current request
    (``request_id``…) to every line logged while serving it, from any function.
    """
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.dict_tracebacks,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        logger_factory=structlog.PrintLoggerFactory(stream or sys.stdout),
        cache_logger_on_first_use=False,
    )


def json_lines(text: str) -> list[dict[str, Any]]:
    """The JSON objects among the lines of ``text`` (other lines, e.g. uvicorn's, skipped)."""
    events = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return events
