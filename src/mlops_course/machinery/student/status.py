"""Read a student's own notebook and tell, per exercise, whether its visible tests pass.

Nothing is executed and nothing leaves the machine: the answer comes from the outputs saved in
the notebook file. A test cell whose saved output is an error fails; one that ran without error
passes; one never run is "sin ejecutar".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from mlops_course.machinery import nbio
from mlops_course.machinery.instructor.analysis import items_of

STUB_MARKER = "raise NotImplementedError"


class ExerciseState(StrEnum):
    """Where one exercise stands in the student's notebook."""

    PASSING = "supera sus tests visibles"
    FAILING = "falla"
    NOT_RUN = "sin ejecutar"
    NOT_STARTED = "sin empezar"
    MANUAL = "respuesta escrita (la corrige el instructor)"


@dataclass(frozen=True)
class ExerciseStatus:
    """One exercise of one notebook."""

    name: str
    state: ExerciseState
    points: float
    message: str = ""
    manual: bool = False


def _error(cell: Any) -> str | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            first = (str(out.get("evalue", "")).strip().splitlines() or [""])[0]
            return f"{out.get('ename', 'Error')}: {first}"[:300]
    return None


def exercise_statuses(nb: Any) -> list[ExerciseStatus]:
    """Per-exercise state of a student notebook (release or executed copy)."""
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    result: list[ExerciseStatus] = []
    for item in items_of(nb):
        if item.manual:
            answer = cells[item.name]
            written = "ESCRIBE TU RESPUESTA AQUÍ" not in "".join(answer.source)
            state = ExerciseState.MANUAL if written else ExerciseState.NOT_STARTED
            result.append(ExerciseStatus(item.name, state, item.max_points, manual=True))
            continue
        answer = cells.get(item.name)
        if answer is not None and STUB_MARKER in "".join(answer.source):
            result.append(ExerciseStatus(item.name, ExerciseState.NOT_STARTED, item.max_points))
            continue
        tests = [cells[t] for t in item.tests if t in cells]
        errors = [e for e in (_error(c) for c in tests) if e]
        if errors:
            result.append(
                ExerciseStatus(item.name, ExerciseState.FAILING, item.max_points, errors[0])
            )
        elif tests and all(c.get("execution_count") for c in tests):
            result.append(ExerciseStatus(item.name, ExerciseState.PASSING, item.max_points))
        else:
            result.append(ExerciseStatus(item.name, ExerciseState.NOT_RUN, item.max_points))
    return result


def notebook_statuses(path: Path) -> list[ExerciseStatus]:
    """Statuses of the notebook saved at ``path``.

    Raises:
        ValueError: in Spanish, if the file is missing or not a readable notebook.
    """
    if not path.is_file():
        raise ValueError(f"no encuentro el notebook {path}")
    try:
        nb = nbio.read(path)
    except Exception as exc:  # nbformat raises several unrelated types on bad files
        raise ValueError(
            f"{path} no se puede leer como notebook ({type(exc).__name__}); ¿se guardó bien?"
        ) from exc
    return exercise_statuses(nb)
