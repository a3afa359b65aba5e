"""Text source → normalized notebooks (nbgrader source and runnable solution)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import jupytext

from mlops_course.machinery import nbio

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# Cell metadata that jupytext uses only to reproduce the text layout.
JUPYTEXT_CELL_KEYS = ("lines_to_next_cell", "lines_to_end_of_cell_marker", "cell_marker")
MARKER_RE = re.compile(r"^\s*#*\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")
REQUIRED_NBGRADER_KEYS = ("grade", "grade_id", "locked", "schema_version", "solution", "task")
_ID_RE = re.compile(r"^[a-zA-Z0-9-_]{1,64}$")


class SourceError(ValueError):
    """A text source that cannot become a valid course notebook."""


def read_text_source(path: Path) -> Any:
    """Read a jupytext percent source and check the invariants the build relies on.

    Raises:
        SourceError: on a metadata filter that would drop nbgrader/tags metadata, a missing
            kernelspec, malformed nbgrader metadata, or duplicated ids.
    """
    nb = jupytext.read(path, fmt="py:percent")
    where = str(path)
    filt = nb.metadata.get("jupytext", {}).get("cell_metadata_filter")
    if filt != "all":
        raise SourceError(
            f"{where}: la cabecera debe declarar 'cell_metadata_filter: all' (ahora: {filt!r}); "
            "otro filtro puede descartar en silencio los metadatos nbgrader y tags."
        )
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        raise SourceError(
            f"{where}: falta el kernelspec python3 en la cabecera (papermill lo necesita)."
        )
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            continue
        missing = [k for k in REQUIRED_NBGRADER_KEYS if k not in meta]
        if missing:
            raise SourceError(f"{where}, celda {index}: faltan claves nbgrader {missing}.")
        grade_id = meta["grade_id"]
        if not isinstance(grade_id, str) or not _ID_RE.match(grade_id):
            raise SourceError(f"{where}, celda {index}: grade_id no válido {grade_id!r}.")
        if grade_id in seen:
            raise SourceError(f"{where}: grade_id duplicado {grade_id!r}.")
        seen.add(grade_id)
        if meta["grade"] and not isinstance(meta.get("points"), int | float):
            raise SourceError(
                f"{where}, celda {grade_id!r}: una celda calificada necesita 'points'."
            )
    if not any("parameters" in c.metadata.get("tags", []) for c in nb.cells):
        raise SourceError(f"{where}: falta una celda con la etiqueta 'parameters' para papermill.")
    return nb


def _normalize(nb: Any) -> Any:
    """Drop jupytext pairing/layout metadata and give every cell a deterministic id."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.setdefault("language_info", {"name": "python"})
    for index, cell in enumerate(nb.cells):
        for key in JUPYTEXT_CELL_KEYS:
            cell.metadata.pop(key, None)
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        cell["id"] = grade_id if grade_id else f"cell-{index:03d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbio.validate(nb)
    return nb


def source_notebook(nb: Any) -> Any:
    """The nbgrader source notebook: solutions and hidden tests kept, markers included."""
    return _normalize(nb)


def strip_markers(text: str) -> str:
    """Remove the solution/hidden-test marker lines, keeping what is between them."""
    return "\n".join(line for line in text.split("\n") if not MARKER_RE.match(line))


def solution_notebook(nb: Any) -> Any:
    """A notebook that runs top to bottom: the reference answers, no nbgrader metadata."""
    out = _normalize(nb)
    for cell in out.cells:
        cell.metadata.pop("nbgrader", None)
        cell.source = strip_markers(cell.source)
    return out


def companion_notebook(path: Path) -> Any:
    """A plain course notebook (no exercises) from its jupytext text, e.g. the progress page."""
    nb = jupytext.read(path, fmt="py:percent")
    if any(c.metadata.get("nbgrader") for c in nb.cells):
        raise ValueError(f"{path}: un cuaderno complementario no puede tener celdas de nbgrader")
    return _normalize(nb)


def dumps(nb: Any) -> str:
    """Serialize a notebook the same way every time (stable key order, final newline)."""
    return nbio.writes(nb)
