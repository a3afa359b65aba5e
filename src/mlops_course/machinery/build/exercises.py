"""The exercises of a module notebook: answer cell, statement requirements, test cells.

An exercise is an autograded answer cell (``solution`` and not ``grade``) and the autograded test
cells that follow it up to the next answer cell. Its *segment* runs from the answer cell to its
last test cell (narrative code cells in between included), which is what a grader executes after
the answer.

Requirements make the contract explicit:

* the statement (the Markdown cells from the ``### Ejercicio …`` heading down to the answer cell)
  numbers its requirements as a top-level ordered list (``1. …``, ``2. …``);
* each test cell names the requirements it checks in a comment, e.g.
  ``# Comprueba [R1, R3]: …`` (visible and hidden lines of that cell count);
* each mutant names the requirements it breaks (``| breaks: R2``, see
  :mod:`mlops_course.machinery.build.mutants`).

:func:`requirement_problems` is the build check of that mapping; the kernel walk then proves that
a mutant breaking ``R2`` really fails a test cell that declares ``R2``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mlops_course.machinery.build.mutants import Mutant

EXERCISE_HEADING = re.compile(r"^#{2,4}\s+Ejercicio\b", re.MULTILINE)
REQUIREMENT_ITEM = re.compile(r"^(\d+)\.\s+\S")
DECLARATION = re.compile(r"\[\s*(R\d+(?:\s*,\s*R\d+)*)\s*\]")
WALK_KEY = "walk"
FRESH_KERNEL = "fresh-kernel"


@dataclass(frozen=True)
class TestCell:
    """One autograded test cell of an exercise."""

    cell_id: str
    points: float
    requirements: tuple[int, ...]


@dataclass(frozen=True)
class Exercise:
    """One autograded exercise of a module notebook."""

    answer_id: str
    statement_found: bool
    requirements: tuple[int, ...]
    tests: tuple[TestCell, ...]
    segment: tuple[str, ...]
    fresh_kernel: bool

    @property
    def max_points(self) -> float:
        """Points of the exercise's test cells."""
        return sum(t.points for t in self.tests)

    def tests_declaring(self, requirement: int) -> tuple[str, ...]:
        """Ids of the test cells that declare ``requirement``."""
        return tuple(t.cell_id for t in self.tests if requirement in t.requirements)


def _meta(cell: Any) -> dict[str, Any]:
    meta: dict[str, Any] = cell.get("metadata", {}).get("nbgrader", {}) or {}
    return meta


def _text(cell: Any) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def is_answer(cell: Any) -> bool:
    """An autograded answer cell: code, ``solution`` and not ``grade``."""
    meta = _meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("solution")) and not meta.get("grade")


def is_test(cell: Any) -> bool:
    """An autograded test cell: ``grade`` and not ``solution``."""
    meta = _meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution")


def declared_requirements(source: str) -> tuple[int, ...]:
    """Requirement numbers named as ``[R1, R3]`` in the comment lines of a test cell."""
    found: set[int] = set()
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            continue
        for match in DECLARATION.finditer(stripped):
            found.update(int(token.strip()[1:]) for token in match.group(1).split(","))
    return tuple(sorted(found))


def statement_requirements(markdown: str) -> tuple[int, ...]:
    """Numbers of the top-level ordered-list items of a statement, in order."""
    return tuple(
        int(m.group(1)) for line in markdown.splitlines() if (m := REQUIREMENT_ITEM.match(line))
    )


def _statement(cells: list[Any], answer_index: int, floor: int) -> str | None:
    """Markdown of the statement above ``answer_index`` (never above ``floor``), if any."""
    parts: list[str] = []
    for index in range(answer_index - 1, floor - 1, -1):
        cell = cells[index]
        if cell.get("cell_type") != "markdown":
            continue
        parts.append(_text(cell))
        if EXERCISE_HEADING.search(_text(cell)):
            return "\n".join(reversed(parts))
    return None


def _fresh_kernel(cell: Any) -> bool:
    value = cell.get("metadata", {}).get(WALK_KEY)
    if value is None:
        return False
    if value != FRESH_KERNEL:
        raise ValueError(
            f"celda {cell.get('id')!r}: metadato {WALK_KEY}={value!r} desconocido; "
            f"el único valor es {FRESH_KERNEL!r}."
        )
    return True


def exercises(nb: Any) -> list[Exercise]:
    """The exercises of an nbgrader source (or release) notebook, in order.

    Raises:
        ValueError: if a test cell comes before any answer cell, or the ``walk`` metadata of an
            answer cell is unknown.
    """
    cells = list(nb.cells)
    answers = [i for i, c in enumerate(cells) if is_answer(c)]
    first_test = next(
        (i for i, c in enumerate(cells) if is_test(c) and c.cell_type == "code"), None
    )
    if first_test is not None and (not answers or first_test < answers[0]):
        raise ValueError(
            f"la celda de test {_meta(cells[first_test]).get('grade_id')!r} no sigue a ninguna "
            "celda de respuesta autocalificada."
        )
    found: list[Exercise] = []
    floor = 0
    for position, start in enumerate(answers):
        stop = answers[position + 1] if position + 1 < len(answers) else len(cells)
        tests = [
            i for i in range(start + 1, stop) if is_test(cells[i]) and cells[i].cell_type == "code"
        ]
        end = tests[-1] if tests else start
        statement = _statement(cells, start, floor)
        found.append(
            Exercise(
                answer_id=str(_meta(cells[start])["grade_id"]),
                statement_found=statement is not None,
                requirements=statement_requirements(statement or ""),
                tests=tuple(
                    TestCell(
                        str(_meta(cells[i])["grade_id"]),
                        float(_meta(cells[i]).get("points", 0)),
                        declared_requirements(_text(cells[i])),
                    )
                    for i in tests
                ),
                segment=tuple(str(cells[i].get("id")) for i in range(start, end + 1)),
                fresh_kernel=_fresh_kernel(cells[start]),
            )
        )
        floor = end + 1
    return found


def requirement_problems(module: str, nb: Any, mutants: list[Mutant]) -> list[str]:
    """Every gap between statements, test declarations and mutants (empty: the mapping holds).

    Checked per exercise: the statement exists and numbers its requirements 1..n; each test cell
    declares at least one requirement, and only ones the statement has; each requirement is
    declared by some test cell and broken by some mutant; each mutant names requirements of its
    exercise; and each exercise has at least one test cell.
    """
    problems: list[str] = []
    try:
        found = exercises(nb)
    except ValueError as exc:
        return [f"{module}: {exc}"]
    by_answer = {ex.answer_id: ex for ex in found}
    for ex in found:
        where = f"{module}, ejercicio '{ex.answer_id}'"
        if not ex.tests:
            problems.append(f"{where}: no tiene celdas de test autocalificadas después.")
        if not ex.statement_found:
            problems.append(
                f"{where}: no encuentro su enunciado (una celda Markdown con '### Ejercicio …' "
                "antes de la celda de respuesta)."
            )
            continue
        numbers = ex.requirements
        if not numbers:
            problems.append(
                f"{where}: el enunciado no numera sus requisitos (una lista '1. …', '2. …')."
            )
            continue
        if list(numbers) != list(range(1, len(numbers) + 1)):
            problems.append(
                f"{where}: los requisitos deben numerarse 1..{len(numbers)} en orden "
                f"(encontrados: {', '.join(map(str, numbers))})."
            )
        valid = set(numbers)
        for test in ex.tests:
            if not test.requirements:
                problems.append(
                    f"{where}: la celda '{test.cell_id}' no declara qué requisitos comprueba "
                    "(p. ej. '# Comprueba [R1, R2]: …')."
                )
            unknown = sorted(set(test.requirements) - valid)
            if unknown:
                problems.append(
                    f"{where}: la celda '{test.cell_id}' declara R{unknown[0]}, que el enunciado "
                    "no tiene."
                )
        own = [m for m in mutants if m.cell == ex.answer_id]
        for mutant in own:
            if not mutant.breaks:
                problems.append(
                    f"{where}: el mutante '{mutant.name}' no dice qué requisito rompe "
                    "('| breaks: R2' en su cabecera)."
                )
            unknown = sorted(set(mutant.breaks) - valid)
            if unknown:
                problems.append(
                    f"{where}: el mutante '{mutant.name}' rompe R{unknown[0]}, que el enunciado "
                    "no tiene."
                )
        for number in numbers:
            if not ex.tests_declaring(number):
                problems.append(f"{where}: ningún test comprueba el requisito R{number}.")
            if not any(number in m.breaks for m in own):
                problems.append(f"{where}: ningún mutante rompe el requisito R{number}.")
    for mutant in mutants:
        if mutant.cell not in by_answer:
            problems.append(
                f"{module}: el mutante '{mutant.name}' apunta a '{mutant.cell}', que no es una "
                "celda de respuesta autocalificada."
            )
    return problems
