"""``reports/notas.csv``: nbgrader's own export, completed so that no enrolled student is missing.

``nbgrader export`` writes one row per gradebook student and assignment. It leaves out students
nbgrader never saw (a malformed notebook, duplicated graded cells, a submission with no notebook
from someone not on the roster), and it writes 0 points for a student with no submission in the
gradebook, exactly like a real 0. :func:`complete_export` keeps nbgrader's columns and scores and
adds, from the grading state, every missing student and, on every row, the status, the autograded
points, both maxima and the reason. When there is no grade (absent, malformed, withheld…) the score
columns are left empty: the status says why, never a silent 0.
"""

from __future__ import annotations

import csv
from pathlib import Path

from mlops_course.machinery.instructor.state import StudentOutcome

STATUS = "estado"
AUTO_POINTS = "puntos automáticos"
AUTO_MAX = "máximo automático"
TOTAL_MAX = "máximo total (automático + manual)"
REASON = "motivo"
ADDED_COLUMNS = (STATUS, AUTO_POINTS, AUTO_MAX, TOTAL_MAX, REASON)
"""Columns added after nbgrader's own (shared with the run report)."""

SCORE_COLUMNS = ("raw_score", "late_submission_penalty", "score")
"""nbgrader's columns that hold a grade (emptied when there is none)."""
NBGRADER_MAX = "max_score"
"""nbgrader's maximum: autograded and manual points (the same as ``TOTAL_MAX``)."""

NO_RECORD = "sin registro"
"""Status of a gradebook student that ``mlops-course grade`` never saw for that module."""


def points(value: float | None) -> str:
    """A number of points as the reports write it ("" when there is none)."""
    return "" if value is None else f"{value:g}"


def complete_export(
    header: list[str],
    rows: list[dict[str, str]],
    outcomes: list[StudentOutcome],
    enrolled: dict[str, set[str]],
    maxima: dict[str, tuple[float, float]],
) -> tuple[list[str], list[dict[str, str]]]:
    """nbgrader's exported ``rows`` completed and annotated; returns (header, rows).

    Args:
        header: nbgrader's columns, in its order.
        rows: nbgrader's rows (``assignment`` and ``student_id`` identify each).
        outcomes: every outcome remembered by the grading state (all modules).
        enrolled: per module, the students who must appear besides those in ``rows`` and
            ``outcomes`` (the gradebook roster and everyone with a submission folder).
        maxima: per module, (autograded maximum, total maximum) from its source notebook.
    """
    by_key = {(o.module, o.student): o for o in outcomes}
    table = {(r["assignment"], r["student_id"]): dict(r) for r in rows}
    students: dict[str, set[str]] = {m: set(s) for m, s in enrolled.items()}
    for module, student in [*table, *by_key]:
        students.setdefault(module, set()).add(student)
    for module, names in students.items():
        for student in names:
            row = table.get((module, student))
            if row is None:
                row = {column: "" for column in header}
                row.update(assignment=module, student_id=student)
                table[(module, student)] = row
            _annotate(row, by_key.get((module, student)), maxima.get(module))
    ordered = sorted(table.values(), key=lambda r: (r["assignment"], r["student_id"]))
    return [*header, *ADDED_COLUMNS], ordered


def _annotate(
    row: dict[str, str], outcome: StudentOutcome | None, maxima: tuple[float, float] | None
) -> None:
    auto_max: float | None = maxima[0] if maxima else None
    full_max: float | None = maxima[1] if maxima else None
    if auto_max is None and outcome is not None:
        auto_max = outcome.max_score
    if full_max is None and row.get(NBGRADER_MAX):
        full_max = float(row[NBGRADER_MAX])
    if not row.get(NBGRADER_MAX) and full_max is not None:
        row[NBGRADER_MAX] = str(full_max)  # as nbgrader writes it
    row[AUTO_MAX] = points(auto_max)
    row[TOTAL_MAX] = points(full_max)
    module = row["assignment"]
    if outcome is None:
        row[STATUS] = NO_RECORD
        row[AUTO_POINTS] = ""
        row[REASON] = (
            f"mlops-course grade no calificó a este estudiante en {module} (¿se agregó después?); "
            f"falta ejecutar `mlops-course grade --module {module}`"
        )
        if not row.get("timestamp"):  # no submission in the gradebook either: no grade at all
            row.update(dict.fromkeys(SCORE_COLUMNS, ""))
        return
    row[STATUS] = outcome.status
    row[REASON] = outcome.reason
    if outcome.scored:
        row[AUTO_POINTS] = points(outcome.score)
    else:
        row[AUTO_POINTS] = ""
        row.update(dict.fromkeys(SCORE_COLUMNS, ""))


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(header, rows) of a CSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` (dicts over ``header``) to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
