"""Synthetic cohorts: one made-up student per case the autograder must survive.

A *synthetic* cohort is built here from the module itself; a real cohort is what an instructor
grades with ``mlops-course grade``. Both go through the same grading code.

Every submission is derived from the real student release (what a student downloads) and from the
nbgrader source (what a correct student would have typed into the answer cells).
"""

from __future__ import annotations

import copy
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlops_course.machinery import nbio
from mlops_course.machinery.build.mutants import Mutant
from mlops_course.machinery.build.notebook import strip_markers
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.instructor.state import StudentOutcome

INFINITE_LOOP = (
    "\n# Un bucle infinito olvidado al final: la celda nunca termina.\nwhile True:\n    pass\n"
)
EDITED_TEST = "# El estudiante «arregla» el test borrándolo.\npass\n"
BROKEN_IMPORT = "import paquete_que_no_existe  # el estudiante añadió una importación rota\n"


@dataclass(frozen=True)
class Expectation:
    """What grading must report for one synthetic student."""

    case: str
    description: str
    check: Callable[[StudentOutcome, list[str]], bool]
    """(the student's outcome, ids of the cells that timed out) → as promised?"""


@dataclass(frozen=True)
class Submission:
    """A synthetic student: the files to put in their submission folder and what to expect."""

    student: str
    files: dict[str, str]
    expectation: Expectation


CONTRACT_CASES = ("a-solucion", "b-sin-tocar")
"""Every module: the reference answers score full marks, the untouched release scores 0."""
BROKEN_CASES = (
    "c-bucle-infinito",
    "c-importacion-rota",
    "d-tests-editados",
    "e-celda-borrada",
    "f-celda-duplicada",
    "g-malformado",
    "g-ausente",
    "g-renombrado",
)
"""Broken submissions: each is graded or reported and never stops the cohort."""
ALL_CASES = CONTRACT_CASES + BROKEN_CASES
MODULE_BROKEN_CASES = ("c-bucle-infinito", "f-celda-duplicada", "g-malformado", "g-ausente")
"""The broken cases a real module meets in every ``make test`` run: the one whose handling
depends on the module's own cells (a cell interrupted by its time limit, then the rest of the
notebook graded) and those caught before any kernel starts (cheap). The others (a failing
import, edited or deleted test cells, a renamed notebook) exercise nbgrader's own handling, the
same for every notebook: the demo module meets all of them in every run and ``make test-audit``
gives every real module the full set (ADR-0013)."""
AUDIT_BROKEN_CASES = tuple(c for c in BROKEN_CASES if c not in MODULE_BROKEN_CASES)
"""The broken cases only the periodic audit runs on the real modules."""


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


def with_parameters(nb: Any, parameters: dict[str, Any]) -> Any:
    """A copy of ``nb`` whose ``parameters`` cell assigns these values instead of its own, as a
    student who shrinks the data would write it (the cell is not locked, so nbgrader keeps it).

    Raises:
        ValueError: if the notebook has no parameters cell or the cell does not assign one of
            the names.
    """
    out = copy.deepcopy(nb)
    cell = next((c for c in out.cells if "parameters" in c.metadata.get("tags", [])), None)
    if cell is None:
        raise ValueError("el notebook no tiene una celda con la etiqueta 'parameters'.")
    lines = cell.source.split("\n")
    for name, value in parameters.items():
        pattern = re.compile(rf"^{re.escape(name)}\s*=\s*[^#]*?(\s*#.*)?$")
        hits = [i for i, line in enumerate(lines) if pattern.match(line)]
        if not hits:
            raise ValueError(f"la celda de parámetros no asigna {name!r}.")
        for i in hits:
            match = pattern.match(lines[i])
            comment = match.group(1) if match and match.group(1) else ""
            lines[i] = f"{name} = {value!r}{comment}"
    cell.source = "\n".join(lines)
    return out


def _set(nb: Any, grade_id: str, source: str) -> Any:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if _meta(cell).get("grade_id") == grade_id:
            cell.source = source
            return nb
    raise KeyError(f"no hay ninguna celda con grade_id {grade_id!r}")


def _dump(nb: Any) -> str:
    return nbio.writes(nb)


def _full_marks(o: StudentOutcome, timed_out: list[str]) -> bool:
    return o.status is Status.GRADED and o.max_score > 0 and o.score == o.max_score


def _zero(o: StudentOutcome, timed_out: list[str]) -> bool:
    return o.status is Status.GRADED and o.score == 0


def _loses(o: StudentOutcome, timed_out: list[str]) -> bool:
    return o.status.scored and o.score < o.max_score


def _status(expected: Status) -> Callable[[StudentOutcome, list[str]], bool]:
    return lambda o, timed_out: o.status is expected


def synthetic_cohort(
    release: Any,
    source: Any,
    notebook_name: str,
    cases: tuple[str, ...] = ALL_CASES,
    mutants: list[Mutant] | tuple[Mutant, ...] = (),
) -> list[Submission]:
    """Synthetic students for one module: the named ``cases`` and one student per mutant.

    Raises:
        ValueError: if the module has no autograded exercise, a case is unknown or a mutant
            names a cell that is not an answer cell.
    """
    unknown = sorted(set(cases) - set(ALL_CASES))
    if unknown:
        raise ValueError(f"casos desconocidos: {unknown}")
    full = solved(release, source)
    answers = answer_cell_ids(release)
    tests = graded_test_ids(release)
    if not answers or not tests:
        raise ValueError(f"{notebook_name}: el módulo no tiene ejercicios autocalificados.")
    first = answers[0]
    answer_source = next(c.source for c in full.cells if _meta(c).get("grade_id") == first)

    def loop(o: StudentOutcome, timed_out: list[str]) -> bool:
        # The answer is defined before the loop: once the cell is interrupted, every later cell
        # (all the tests) must still run and pass.
        return o.status is Status.TIMED_OUT and first in timed_out and o.score == o.max_score

    def graded(o: StudentOutcome, timed_out: list[str]) -> bool:
        return o.status is Status.GRADED

    nb = notebook_name
    builders: dict[str, Callable[[], Submission]] = {
        "a-solucion": lambda: Submission(
            "a-solucion", {nb: _dump(full)},
            Expectation("a", "solución completa → nota máxima", _full_marks)),
        "b-sin-tocar": lambda: Submission(
            "b-sin-tocar", {nb: _dump(release)},
            Expectation("b", "release sin tocar → 0 puntos automáticos", _zero)),
        "c-bucle-infinito": lambda: Submission(
            "c-bucle-infinito", {nb: _dump(_set(full, first, answer_source + INFINITE_LOOP))},
            Expectation("c", f"bucle infinito al final de '{first}' → esa celda agota su "
                        "tiempo y el resto se califica (nota máxima)", loop)),
        "c-importacion-rota": lambda: Submission(
            "c-importacion-rota", {nb: _dump(_broken_import(full))},
            Expectation("c", "excepción en la primera celda de código → se califica igual "
                        "(sin detener la cohorte)", graded)),
        "d-tests-editados": lambda: Submission(
            "d-tests-editados", {nb: _dump(_edited_tests(release, tests))},
            Expectation("d", "tests visibles borrados → se restauran, 0 puntos", _zero)),
        "e-celda-borrada": lambda: Submission(
            "e-celda-borrada", {nb: _dump(_deleted(full, tests[0]))},
            Expectation("e", f"celda de test '{tests[0]}' borrada → se reinserta y puntúa",
                        _full_marks)),
        "f-celda-duplicada": lambda: Submission(
            "f-celda-duplicada", {nb: _dump(_duplicated(full, tests[0]))},
            Expectation("f", "celda calificada duplicada → solo este estudiante se informa",
                        _status(Status.DUPLICATED))),
        "g-malformado": lambda: Submission(
            "g-malformado", {nb: '{"cells": [ esto no es JSON'},
            Expectation("g", "notebook malformado → se informa", _status(Status.MALFORMED))),
        "g-ausente": lambda: Submission(
            "g-ausente", {"notas.txt": "olvidé subir el notebook\n"},
            Expectation("g", "notebook ausente → se informa", _status(Status.MISSING))),
        "g-renombrado": lambda: Submission(
            "g-renombrado", {nb.replace(".ipynb", "-Copy1.ipynb"): _dump(full)},
            Expectation("g", "notebook renombrado → se informa y se califica", _full_marks)),
    }  # fmt: skip
    cohort = [builders[case]() for case in cases]
    for mutant in mutants:
        if mutant.cell not in answers:
            raise ValueError(
                f"mutante {mutant.name!r}: {mutant.cell!r} no es una celda de respuesta."
            )
        cohort.append(
            Submission(
                f"h-mutante-{mutant.name}",
                {nb: _dump(_set(full, mutant.cell, mutant.code))},
                Expectation("h", f"mutante '{mutant.name}' → pierde puntos", _loses),
            )
        )
    return cohort


def _edited_tests(release: Any, tests: list[str]) -> Any:
    edited = copy.deepcopy(release)
    for cell in edited.cells:
        if _meta(cell).get("grade_id") in tests:
            cell.source = EDITED_TEST
    return edited


def _deleted(full: Any, test_id: str) -> Any:
    deleted = copy.deepcopy(full)
    deleted.cells = [c for c in deleted.cells if _meta(c).get("grade_id") != test_id]
    return deleted


def _duplicated(full: Any, test_id: str) -> Any:
    duplicated = copy.deepcopy(full)
    index = next(i for i, c in enumerate(duplicated.cells) if _meta(c).get("grade_id") == test_id)
    duplicated.cells.insert(index, copy.deepcopy(duplicated.cells[index]))
    duplicated.cells[index]["id"] = "copia-duplicada"
    return duplicated


def _broken_import(full: Any) -> Any:
    """The solved notebook whose first code cell starts with an import that fails."""
    broken = copy.deepcopy(full)
    first = next(c for c in broken.cells if c.cell_type == "code")
    first.source = BROKEN_IMPORT + first.source
    return broken


def write_lms_zip(cohort: list[Submission], path: Path) -> Path:
    """Write ``<student>_<file>`` entries for every file of every submission into ``path``
    (a synthetic cohort delivered the way an LMS delivers it: one zip)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for sub in cohort:
            for name, text in sub.files.items():
                zf.writestr(f"{sub.student}_{name}", text)
    return path


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


def narrative_errors(autograded_nb: Path) -> list[str]:
    """Code cells of an autograded notebook that raised and are neither answer nor test cells.

    A student who skips an exercise must still be able to run the rest of the notebook: in the
    untouched release only answer cells (``solution``) and autograded test cells (``grade``) may
    fail. Each finding names the cell's index, its first line and the exception.
    """
    if not autograded_nb.is_file():
        return []
    nb = json.loads(autograded_nb.read_text(encoding="utf-8"))
    found: list[str] = []
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        meta = _meta(cell)
        if meta.get("solution") or meta.get("grade"):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors:
            continue
        src = cell.get("source", "")
        text = "".join(src) if isinstance(src, list) else str(src)
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        error = errors[0]
        found.append(
            f"celda {index} («{first[:70]}») lanza {error.get('ename', '?')}: "
            f"{str(error.get('evalue', ''))[:120]}"
        )
    return found
