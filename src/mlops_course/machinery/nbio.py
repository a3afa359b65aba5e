"""Typed wrappers around nbformat (its reading and writing functions carry no annotations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat


def reads(text: str) -> Any:
    """Parse notebook JSON text as nbformat v4."""
    return nbformat.reads(text, as_version=4)  # type: ignore[no-untyped-call]


def read(path: Path) -> Any:
    """Read a notebook file as nbformat v4."""
    return reads(path.read_text(encoding="utf-8"))


def writes(nb: Any) -> str:
    """Serialize a notebook the same way every time (stable key order, final newline)."""
    text: str = nbformat.writes(nb)  # type: ignore[no-untyped-call]
    return text if text.endswith("\n") else text + "\n"


def from_dict(data: dict[str, Any]) -> Any:
    """Turn plain JSON data into a notebook node (attribute access)."""
    return nbformat.from_dict(data)  # type: ignore[no-untyped-call]


def validate(nb: Any) -> None:
    """Validate against the notebook JSON schema (raises ``nbformat.ValidationError``)."""
    nbformat.validate(nb)
