"""Private hidden tests: an instructor's overlay applied to a module at build time.

An overlay file ``<dir>/<NN_slug>.py`` is a jupytext percent file whose cells carry
``hidden_tests="<grade_id of a test cell>"`` and optionally ``mode="replace"``. Each cell's code
becomes a hidden-test region of that test cell: appended to the public hidden tests (default) or
replacing them. The public repository never sees the overlay.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jupytext

_HIDDEN_RE = re.compile(r"\n?[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*", re.S)


class OverlayError(ValueError):
    """An overlay that does not match the module it targets."""


def apply_overlay(nb: Any, overlay_file: Path) -> Any:
    """Insert the overlay's hidden tests into the matching test cells of ``nb`` (in place).

    Raises:
        OverlayError: on a cell without ``hidden_tests``, an unknown or non-test grade_id, or an
            unknown mode.
    """
    overlay = jupytext.read(overlay_file, fmt="py:percent")
    cells = {
        c.metadata["nbgrader"]["grade_id"]: c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id")
    }
    for index, ocell in enumerate(overlay.cells):
        if ocell.cell_type != "code":
            continue
        target = ocell.metadata.get("hidden_tests")
        mode = ocell.metadata.get("mode", "append")
        where = f"{overlay_file}, celda {index}"
        if not target:
            raise OverlayError(f'{where}: falta hidden_tests="<grade_id de una celda de test>".')
        cell = cells.get(target)
        if cell is None or not cell.metadata["nbgrader"].get("grade"):
            raise OverlayError(f"{where}: {target!r} no es una celda de test de este módulo.")
        if mode not in ("append", "replace"):
            raise OverlayError(f"{where}: mode debe ser 'append' o 'replace', no {mode!r}.")
        body = ocell.source.strip("\n")
        region = f"### BEGIN HIDDEN TESTS\n{body}\n### END HIDDEN TESTS"
        base = cell.source
        if mode == "replace":
            base = _HIDDEN_RE.sub("", base).rstrip("\n")
        cell.source = f"{base.rstrip()}\n{region}"
    return nb
