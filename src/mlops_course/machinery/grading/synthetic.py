"""Synthetic cohort: one submission per case the autograder must survive.

Every submission is derived from the real student release (what a student downloads) and from the
nbgrader source (what a correct student would have typed into the answer cells).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlops_course.machinery import nbio
from mlops_course.machinery.build.mutants import Mutant
from mlops_course.machinery.build.notebook import strip_markers

INFINITE_LOOP = (
    "\n# Un bucle infinito olvidado al final: la celda nunca termina.\nwhile True:\n    pass\n"
)
EDITED_TEST = "# El estudiante «arregla» el test borrándolo.\npass\n"


@dataclass(frozen=True)
class Expectation:
    """What the harness must observe for one synthetic student."""

    case: str
    description: str
    check: Callable[[float, float, str, list[str]], bool]
    """(auto score, auto max, status, timed-out cell ids) → passes?"""


@dataclass(frozen=True)
class Submission:
    """A synthetic student: the files to put in their submission folder and what to expect."""

    student: str
    files: dict[str, str]
    expectation: Expectation


def _meta(cell: Any) -> dict[str, Any]:
    meta: dict[str, Any] = cell.get("metadata", {}).get("nbgrader", {})
    return meta


def answer_cell_ids(nb: Any) -> list[str]:
    """grade_ids of the autograded answer cells (code, solution, not graded), in order."""
    return [
        _meta(c)["grade_id"]
        for c in nb.cells
        if c.cell_type == "code" and _meta(c).get("solution") and not _meta(c).get("grade")
    ]


def graded_test_ids(nb: Any) -> list[str]:
    """grade_ids of the autograded test cells, in order."""
    return [
        _meta(c)["grade_id"]
        for c in nb.cells
        if _meta(c).get("grade") and not _meta(c).get("solution")
    ]


def solved(release: Any, source: Any) -> Any:
    """The release with every answer cell filled with the reference answer (markers removed)."""
    answers = {_meta(c).get("grade_id"): c.source for c in source.cells if _meta(c).get("solution")}
    nb = copy.deepcopy(release)
    for cell in nb.cells:
        grade_id = _meta(cell).get("grade_id")
        if _meta(cell).get("solution") and grade_id in answers:
            cell.source = strip_markers(answers[grade_id])
    return nb


def _set(nb: Any, grade_id: str, source: str) -> Any:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if _meta(cell).get("grade_id") == grade_id:
            cell.source = source
            return nb
    raise KeyError(f"no hay ninguna celda con grade_id {grade_id!r}")


def _dump(nb: Any) -> str:
    return nbio.writes(nb)


def build_cohort(
    release: Any, source: Any, notebook_name: str, mutants: list[Mutant]
) -> list[Submission]:
    """All synthetic students for one module: cases (a)–(h) of the grading contract."""
    full = solved(release, source)
    answers = answer_cell_ids(release)
    tests = graded_test_ids(release)
    if not answers or not tests:
        raise ValueError(f"{notebook_name}: el módulo no tiene ejercicios autocalificados.")
    first = answers[0]
    answer_source = next(c.source for c in full.cells if _meta(c).get("grade_id") == first)

    def full_marks(s: float, m: float, st: str, to: list[str]) -> bool:
        return st == "calificada" and m > 0 and s == m

    def zero(s: float, m: float, st: str, to: list[str]) -> bool:
        return st == "calificada" and s == 0

    def loop(s: float, m: float, st: str, to: list[str]) -> bool:
        # The answer is defined before the loop: once the cell is interrupted, every later cell
        # (all the tests) must still run and pass.
        return st == "calificada" and first in to and s == m

    def status(expected: str) -> Callable[[float, float, str, list[str]], bool]:
        return lambda s, m, st, to: st == expected

    def loses(s: float, m: float, st: str, to: list[str]) -> bool:
        return st == "calificada" and s < m

    edited = copy.deepcopy(release)
    for cell in edited.cells:
        if _meta(cell).get("grade_id") in tests:
            cell.source = EDITED_TEST
    deleted = copy.deepcopy(full)
    deleted.cells = [c for c in deleted.cells if _meta(c).get("grade_id") != tests[0]]
    duplicated = copy.deepcopy(full)
    index = next(i for i, c in enumerate(duplicated.cells) if _meta(c).get("grade_id") == tests[0])
    duplicated.cells.insert(index, copy.deepcopy(duplicated.cells[index]))
    duplicated.cells[index]["id"] = "copia-duplicada"

    nb = notebook_name
    cohort = [
        Submission("a-solucion", {nb: _dump(full)},
                   Expectation("a", "solución completa → nota máxima", full_marks)),
        Submission("b-sin-tocar", {nb: _dump(release)},
                   Expectation("b", "release sin tocar → 0 puntos automáticos", zero)),
        Submission("c-bucle-infinito",
                   {nb: _dump(_set(full, first, answer_source + INFINITE_LOOP))},
                   Expectation("c", f"bucle infinito al final de '{first}' → esa celda agota "
                               "su tiempo y el resto se califica (nota máxima)", loop)),
        Submission("d-tests-editados", {nb: _dump(edited)},
                   Expectation("d", "tests visibles borrados → se restauran, 0 puntos", zero)),
        Submission("e-celda-borrada", {nb: _dump(deleted)},
                   Expectation("e", f"celda de test '{tests[0]}' borrada → se reinserta y "
                               "puntúa", full_marks)),
        Submission("f-celda-duplicada", {nb: _dump(duplicated)},
                   Expectation("f", "celda calificada duplicada → solo este estudiante falla",
                               status("celdas duplicadas"))),
        Submission("g-malformado", {nb: '{"cells": [ esto no es JSON'},
                   Expectation("g", "notebook malformado → se informa", status("malformada"))),
        Submission("g-ausente", {"notas.txt": "olvidé subir el notebook\n"},
                   Expectation("g", "notebook ausente → se informa", status("ausente"))),
        Submission("g-renombrado", {nb.replace(".ipynb", "-Copy1.ipynb"): _dump(full)},
                   Expectation("g", "notebook renombrado → se informa y se califica",
                               full_marks)),
    ]  # fmt: skip
    for mutant in mutants:
        if mutant.cell not in answers:
            raise ValueError(
                f"mutante {mutant.name!r}: {mutant.cell!r} no es una celda de respuesta."
            )
        cohort.append(
            Submission(
                f"h-mutante-{mutant.name}",
                {nb: _dump(_set(full, mutant.cell, mutant.code))},
                Expectation("h", f"mutante '{mutant.name}' → pierde puntos", loses),
            )
        )
    return cohort


def write_submission(submitted_dir: Path, assignment: str, submission: Submission) -> Path:
    """Write a submission as nbgrader expects it: ``submitted/<student>/<assignment>/``."""
    folder = submitted_dir / submission.student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in submission.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def read_notebook(path: Path) -> Any:
    """Read a notebook file (nbformat v4)."""
    return nbio.read(path)


def timed_out_cells(autograded_nb: Path) -> list[str]:
    """grade_ids (or ids) of the cells whose execution timed out in an autograded notebook."""
    if not autograded_nb.is_file():
        return []
    nb = json.loads(autograded_nb.read_text(encoding="utf-8"))
    found: list[str] = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            if output.get("ename") == "CellTimeoutError" or "TimeoutError" in str(
                output.get("ename", "")
            ):
                found.append(str(_meta(cell).get("grade_id") or cell.get("id")))
                break
    return found
