"""The capstone's project criteria, graded while a cohort is graded (ADR-0020).

Module 17's notebook has a task cell, ``proyecto-verificador``, worth the checker's points. Its
score cannot come from the notebook's own run: in the grading sandbox the notebook finds the
reference project, not the student's. So, for each student, :func:`grade_submitted_project`
unpacks the ``churn-project.tar.gz`` they submitted beside the notebook
(:mod:`.project_archive`), runs the checker on it in a sandbox (:func:`.project_check.check_one`)
and :func:`record_project_grade` writes the points as that cell's score in the gradebook, with
every criterion's verdict and reason as its comment: formgrader and the feedback show both.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME
from mlops_course.machinery.instructor.project_archive import (
    ArchiveError,
    skipped_note,
    unpack_project,
)
from mlops_course.machinery.instructor.project_check import DEFAULT_TIMEOUT, check_one

TASK_ID: Final = "proyecto-verificador"
REPORTS: Final = "proyecto"  # reports/<module>/proyecto/<student>/informe.{html,json}


@dataclass(frozen=True)
class ProjectGrade:
    """The points of one student's project criteria, and the comment that explains them."""

    points: float
    max_points: float
    comment: str
    summary: str  # one Spanish line for the cohort report
    report: Path | None = None


def project_task_points(source_nb: Any) -> float | None:
    """The points of the ``proyecto-verificador`` task cell (None when the module has none)."""
    for cell in source_nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade_id") == TASK_ID and meta.get("task"):
            return float(meta.get("points", 0))
    return None


def _comment(data: dict[str, Any], commit: str, notes: list[str]) -> str:
    lines = [
        f"Verificador del proyecto: {data['puntos']}/{data['maximo']} puntos"
        + (f" (commit {commit})." if commit else "."),
    ]
    for item in data["criterios"]:
        mark = "✓" if item["passed"] else "✗"
        line = f"{mark} {item['criterion']} ({item['points']}/{item['max_points']})"
        if not item["passed"]:
            line += f": {item['reason']} Se enseña en {item['taught']}."
        lines.append(line)
    lines += notes
    return "\n".join(lines)


def _scaled(points: float, maximum: float, task_points: float) -> float:
    return round(points * task_points / maximum, 2) if maximum else 0.0


def grade_submitted_project(
    submission: Path,
    reports: Path,
    task_points: float,
    *,
    sandbox: bool = True,
    timeout: int = DEFAULT_TIMEOUT,
    criteria: list[str] | None = None,
) -> ProjectGrade:
    """Check the project the student submitted in ``submission`` (their folder of the module).

    The report goes to ``reports/informe.{html,json}``. A missing or unusable archive, or a
    checker that could not finish, scores 0 with the reason; it never raises for the student's
    input. ``criteria`` limits the run to some criteria (the course's tests use it for speed).
    """
    archive = submission / ARCHIVE_NAME
    with tempfile.TemporaryDirectory(prefix="proyecto-entregado-") as tmp:
        try:
            unpacked = unpack_project(archive, Path(tmp) / "ws")
        except ArchiveError as error:
            reason = f"Proyecto: 0 puntos; {error}."
            return ProjectGrade(0.0, task_points, reason, reason)
        out = Path(tmp) / "informe"
        result = check_one(unpacked.project, out, criteria, sandbox=sandbox, timeout=timeout)
        if result.problem or result.report is None:
            reason = f"Proyecto: 0 puntos; {result.problem}"
            return ProjectGrade(0.0, task_points, reason, reason)
        data = json.loads((result.report.parent / "informe.json").read_text(encoding="utf-8"))
        if reports.exists():
            shutil.rmtree(reports)
        shutil.copytree(result.report.parent, reports)
    notes = [f"Nota: {n}." for n in (skipped_note(unpacked.skipped),) if n]
    comment = _comment(data, unpacked.commit, notes)
    points = _scaled(float(data["puntos"]), float(data["maximo"]), task_points)
    failed = [item["criterion"] for item in data["criterios"] if not item["passed"]]
    summary = f"proyecto {points:g}/{task_points:g}" + (
        f" (falla: {', '.join(failed)})" if failed else ""
    )
    return ProjectGrade(points, task_points, comment, summary, reports / "informe.html")


def record_project_grade(course: Path, slug: str, student: str, grade: ProjectGrade) -> None:
    """Write ``grade`` as the task cell's score and comment in the course's gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        cell = gb.find_grade(TASK_ID, slug, slug, student)
        cell.manual_score = grade.points
        comment = gb.find_comment(TASK_ID, slug, slug, student)
        comment.manual_comment = grade.comment
        gb.db.commit()
