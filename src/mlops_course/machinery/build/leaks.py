"""Leak scan of a student release: nothing from the solutions may reach students."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = {".py", ".md", ".Rmd", ".qmd", ".txt"}
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
MIN_LINE = 25


def _cell_text(cell: Any) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def secret_lines(source_nb: dict[str, Any]) -> set[str]:
    """Non-trivial lines inside solution or hidden-test regions of an nbgrader source notebook."""
    lines: set[str] = set()
    for cell in source_nb.get("cells", []):
        inside = False
        for raw in _cell_text(cell).splitlines():
            line = raw.strip()
            if line.endswith(("BEGIN SOLUTION", "BEGIN HIDDEN TESTS")):
                inside = True
                continue
            if line.endswith(("END SOLUTION", "END HIDDEN TESTS")):
                inside = False
                continue
            if inside and len(line) >= MIN_LINE and not line.startswith("#"):
                lines.add(line)
    return lines


def scan_release(release_dir: Path, secrets: set[str]) -> list[str]:
    """Return a Spanish description of every leak found under ``release_dir`` (empty: clean)."""
    findings: list[str] = []
    for path in sorted(p for p in release_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(release_dir)
        if ".ipynb_checkpoints" in path.parts:
            continue
        if path.suffix in TEXT_SUFFIXES:
            findings.append(
                f"{rel}: archivo de texto en la release (posible gemelo con soluciones)"
            )
            continue
        if path.suffix != ".ipynb":
            continue
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            findings.append(f"{rel}: notebook ilegible")
            continue
        if "jupytext" in nb.get("metadata", {}):
            findings.append(f"{rel}: metadatos de emparejamiento jupytext")
        for cell in nb.get("cells", []):
            text = _cell_text(cell)
            for marker in MARKERS:
                if marker in text:
                    findings.append(f"{rel}: marcador '{marker}' en la celda {cell.get('id')}")
            leaked = [ln.strip() for ln in text.splitlines() if ln.strip() in secrets]
            if leaked:
                findings.append(f"{rel}: línea de solución filtrada: {leaked[0][:60]}")
    return findings
