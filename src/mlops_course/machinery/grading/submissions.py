"""Checks a student's submission folder before nbgrader sees it.

nbgrader aborts or silently mis-grades on some broken submissions (a malformed file, duplicated
graded cells, a renamed notebook). Each is detected here, per student, with a Spanish reason, so
one student's problem never stops the cohort.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from mlops_course.machinery import nbio
from mlops_course.machinery.grading.status import Status


@dataclass(frozen=True)
class SubmissionCheck:
    """Result of checking one student's folder for one notebook."""

    status: Status | None
    reason: str = ""
    renamed_from: str | None = None

    @property
    def gradable(self) -> bool:
        """True when nbgrader may grade this submission."""
        return self.status is None


def check_submission(folder: Path, notebook_name: str) -> SubmissionCheck:
    """Inspect ``folder`` (``submitted/<student>/<assignment>``) for ``notebook_name``.

    A single notebook with another name is renamed in place to ``notebook_name`` and reported.
    """
    expected = folder / notebook_name
    renamed_from: str | None = None
    if not expected.is_file():
        candidates = (
            sorted(p for p in folder.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
            if folder.is_dir()
            else []
        )
        if len(candidates) != 1:
            found = ", ".join(p.name for p in candidates) or "ninguno"
            return SubmissionCheck(
                Status.MISSING, f"no se entregó {notebook_name} (notebooks encontrados: {found})"
            )
        renamed_from = candidates[0].name
        candidates[0].rename(expected)
    notes: list[str] = [f"renombrado desde {renamed_from}"] if renamed_from else []
    try:
        raw = json.loads(expected.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise TypeError(f"se esperaba un objeto JSON, no {type(raw).__name__}")
        nb = nbio.from_dict(raw)
        nbio.validate(nb)
        if raw.get("nbformat") != 4:
            # An old notebook (nbformat 3) is upgraded with nbformat itself, and graded.
            nb = nbio.reads(json.dumps(raw))
            nbio.validate(nb)
            notes.append(f"convertido de nbformat {raw.get('nbformat')} a 4")
        repaired = _repair_metadata(nb)
        if repaired:
            notes.append(f"metadatos de nbgrader vacíos reparados en {repaired} celdas")
        if raw.get("nbformat") != 4 or repaired:
            expected.write_text(nbio.writes(nb), encoding="utf-8")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return SubmissionCheck(
            Status.MALFORMED, f"el archivo no es JSON válido ({exc})", renamed_from
        )
    except (nbformat.ValidationError, AttributeError, KeyError, TypeError) as exc:
        detail = str(exc).splitlines()[0]
        return SubmissionCheck(
            Status.MALFORMED, f"no es un notebook válido ({detail})", renamed_from
        )
    ids = [
        c.metadata.nbgrader.grade_id
        for c in nb.cells
        if "nbgrader" in c.metadata and c.metadata.nbgrader.get("grade_id")
    ]
    dups = sorted(name for name, count in Counter(ids).items() if count > 1)
    if dups:
        return SubmissionCheck(
            Status.DUPLICATED,
            f"celdas calificadas duplicadas ({', '.join(dups)}): no se puede saber cuál es la "
            "respuesta; revísala a mano",
            renamed_from,
        )
    return SubmissionCheck(None, "; ".join(notes), renamed_from)


def _repair_metadata(nb: Any) -> int:
    """Drop ``"nbgrader": null`` (or any non-dict) cell metadata, which makes nbgrader crash;
    nbgrader then restores the cell from the source if it was a graded one. Returns how many."""
    count = 0
    for cell in nb.cells:
        meta = cell.get("metadata")
        if "nbgrader" in meta and not isinstance(meta["nbgrader"], dict):
            del meta["nbgrader"]
            count += 1
    return count
