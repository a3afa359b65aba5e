"""Tiny CSV/YAML helpers shared by the stage scripts (standard library only: fast start-up)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

Row = dict[str, str]


def load_params(section: str, path: Path = Path("params.yaml")) -> Any:
    """Return one section of ``params.yaml``."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))[section]


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Read a CSV file: its header and its rows as dictionaries of strings."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[Row]) -> None:
    """Write ``rows`` (dictionaries of strings) as CSV with ``header``, creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
