"""Autograde a cohort one student at a time with the real ``nbgrader`` CLI.

Each student is a separate ``nbgrader autograde --student`` process with a wall-clock limit and
their own workspace, after ``check_submission`` has caught what would abort nbgrader. A broken
submission is reported and the next student is graded; grades already stored are never touched.
"""

from __future__ import annotations

import csv
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlops_course.machinery.build.nbgrader_cli import run_nbgrader
from mlops_course.machinery.grading.cohort import read_notebook, timed_out_cells
from mlops_course.machinery.grading.submissions import Status, check_submission
from mlops_course.machinery.procenv import tool_env


@dataclass(frozen=True)
class StudentResult:
    """How one student's notebook was graded."""

    student: str
    status: str
    reason: str
    auto_score: float
    auto_max: float
    timed_out: tuple[str, ...] = ()


def autograded_max(source_nb: Any) -> float:
    """Points of the autograded test cells of an nbgrader source notebook."""
    total = 0.0
    for cell in source_nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            total += float(meta.get("points", 0))
    return total


def _auto_score(course: Path, slug: str, notebook: str, student: str, tests: set[str]) -> float:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            sub = gb.find_submission_notebook(Path(notebook).stem, slug, student)
        except MissingEntry:
            return 0.0
        return float(sum(g.score or 0 for g in sub.grades if g.name in tests))


def grade_student(
    course: Path,
    slug: str,
    student: str,
    source_nb: Any,
    wall_timeout: float = 900,
) -> StudentResult:
    """Check and autograde one student's submission for module ``slug``."""
    notebook = f"{slug}.ipynb"
    auto_max = autograded_max(source_nb)
    tests = {
        c.metadata["nbgrader"]["grade_id"]
        for c in source_nb.cells
        if c.metadata.get("nbgrader", {}).get("grade")
        and not c.metadata["nbgrader"].get("solution")
    }
    check = check_submission(course / "submitted" / student / slug, notebook)
    note = f"renombrado desde {check.renamed_from}" if check.renamed_from else ""
    if not check.gradable:
        assert check.status is not None
        return StudentResult(student, check.status.value, check.reason, 0.0, auto_max)
    with tempfile.TemporaryDirectory(prefix=f"ws-{student}-") as workspace:
        env = tool_env(MLOPS_WORKSPACE=workspace)
        result = run_nbgrader(
            course, ["autograde", slug, "--student", student, "--force"],
            timeout=wall_timeout, env=env,
        )  # fmt: skip
    if result.timed_out:
        return StudentResult(
            student, Status.FAILED.value, f"superó {wall_timeout:.0f} s en total", 0.0, auto_max
        )
    autograded = course / "autograded" / student / slug / notebook
    if result.returncode != 0 or not autograded.is_file():
        tail = " | ".join(result.output.strip().splitlines()[-3:])
        return StudentResult(student, Status.FAILED.value, tail[:300], 0.0, auto_max)
    timeouts = tuple(timed_out_cells(autograded))
    if timeouts:
        note = "; ".join(filter(None, [note, f"tiempo agotado en {', '.join(timeouts)}"]))
    score = _auto_score(course, slug, notebook, student, tests)
    return StudentResult(student, Status.GRADED.value, note, score, auto_max, timeouts)


def feedback_and_export(course: Path, slug: str) -> tuple[Path, list[dict[str, str]]]:
    """Generate feedback HTML for every graded student and export all grades to CSV.

    Raises:
        RuntimeError: if nbgrader cannot generate the feedback or export the grades.
    """
    fb = run_nbgrader(course, ["generate_feedback", slug, "--force"], timeout=900)
    if fb.returncode != 0:
        raise RuntimeError(f"nbgrader generate_feedback falló:\n{fb.output}")
    csv_path = course / "grades.csv"
    ex = run_nbgrader(course, ["export", "--to", str(csv_path)], timeout=300)
    if ex.returncode != 0 or not csv_path.is_file():
        raise RuntimeError(f"nbgrader export falló:\n{ex.output}")
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return csv_path, rows


__all__ = [
    "StudentResult",
    "autograded_max",
    "feedback_and_export",
    "grade_student",
    "read_notebook",
]
