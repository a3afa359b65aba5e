"""Is a change to a module's text source only narrative? Then it cannot change how it grades.

The deep check of ``make test`` (every mutant, real nbgrader on the solution and the untouched
release) judges code: the exercises, their tests, the cells that run, and the nbgrader metadata
of every cell. The prose of a Markdown cell is none of those; a glossary link or a typo fixed in
the narrative of every module would otherwise send every module through the deep check at once.
So a module whose source differs from the last green commit only in the text of Markdown cells
that nbgrader does not grade is not "changed" for :mod:`.selection`. It is still built, and its
generated notebooks are still compared with the source (``make check``) and walked when the
affected rules select it.
"""

from __future__ import annotations

import json
from typing import Any

import jupytext

LAYOUT_KEYS = frozenset({"lines_to_next_cell", "lines_to_end_of_cell_marker"})
"""Cell metadata jupytext derives from blank lines: layout of the source, not of the notebook."""


def grading_fingerprint(text: str) -> list[tuple[str, str, str]]:
    """The parts of a jupytext (percent) source that can change how the module runs or grades:
    per cell its type, its metadata (nbgrader's included) and, except for an ungraded Markdown
    cell, its text.

    Raises:
        ValueError: (in Spanish) when ``text`` is not a notebook source jupytext can read.
    """
    try:
        notebook = jupytext.reads(text, fmt="py:percent")
    except Exception as error:  # jupytext raises several types for unreadable text
        raise ValueError(f"jupytext no pudo leer la fuente del módulo: {error}") from error
    cells: list[tuple[str, str, str]] = []
    for cell in notebook.cells:
        metadata: dict[str, Any] = {
            key: value for key, value in cell.metadata.items() if key not in LAYOUT_KEYS
        }
        graded = bool(metadata.get("nbgrader"))
        prose = cell.cell_type == "markdown" and not graded
        cells.append(
            (
                str(cell.cell_type),
                json.dumps(metadata, sort_keys=True, ensure_ascii=False),
                "" if prose else str(cell.source),
            )
        )
    return cells


def only_narrative_changed(old: str, new: str) -> bool:
    """True when ``old`` and ``new`` differ at most in the text of ungraded Markdown cells (an
    unreadable version counts as a real change)."""
    try:
        return grading_fingerprint(old) == grading_fingerprint(new)
    except ValueError:
        return False
