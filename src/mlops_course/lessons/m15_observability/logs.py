"""Reading structured logs back: the JSON objects among a process's output lines."""

from __future__ import annotations

import json
from typing import Any


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
