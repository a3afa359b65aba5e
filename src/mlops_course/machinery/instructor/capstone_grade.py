"""The capstone's project criteria, graded while a cohort is graded (ADR-0020).

Module 17's notebook has a task cell, ``proyecto-verificador``, worth the checker's points. Its
score cannot come from the notebook's own run: in the grading sandbox the notebook finds the
reference project, not the student's. So, for each student, :func:`grade_submitted_project`
unpacks the ``churn-project.tar.gz`` they submitted beside the notebook and runs the checker on
it in a sandbox (:func:`.project_check.check_archive`)
and :func:`record_project_grade` writes the points as that cell's automatic score in the
gradebook, with every criterion's verdict and reason as its comment: formgrader and the feedback
show both, and the instructor can still override them by hand.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME
from mlops_course.machinery.instructor.project_check import DEFAULT_TIMEOUT, check_archive

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
    with tempfile.TemporaryDirectory(prefix="proyecto-entregado-") as tmp:
        result = check_archive(
            submission / ARCHIVE_NAME,
            Path(tmp),
            criteria,
            sandbox=sandbox,
            timeout=timeout,
            label="informe",
        )
        if result.problem or result.report is None:
            reason = f"Proyecto: 0 puntos. {result.problem}"
            return ProjectGrade(0.0, task_points, reason, reason)
        data = json.loads((result.report.parent / "informe.json").read_text(encoding="utf-8"))
        if reports.exists():
            shutil.rmtree(reports)
        shutil.copytree(result.report.parent, reports)
    comment = _comment(data, str(data.get("commit") or ""), [f"Nota: {n}." for n in result.notes])
    points = _scaled(float(data["puntos"]), float(data["maximo"]), task_points)
    failed = [item["criterion"] for item in data["criterios"] if not item["passed"]]
    summary = f"proyecto {points:g}/{task_points:g}" + (
        f" (falla: {', '.join(failed)})" if failed else ""
    )
    return ProjectGrade(points, task_points, comment, summary, reports / "informe.html")


def failed_check(task_points: float, error: Exception) -> ProjectGrade:
    """0 points, with the reason, when checking a project failed in an unforeseen way: one
    student's archive never stops the cohort's grading."""
    reason = f"Proyecto: 0 puntos; el verificador falló ({type(error).__name__}: {error})."
    return ProjectGrade(0.0, task_points, reason, reason)


def record_project_grade(course: Path, slug: str, student: str, grade: ProjectGrade) -> None:
    """Write ``grade`` as the task cell's automatic score and comment in the course's gradebook.

    As nbgrader does for a test cell: ``auto_score`` and ``auto_comment``, and the cell no longer
    waits for a grader. A score or comment the instructor sets in formgrader is a manual one,
    which nbgrader puts first and a later grading run never touches.
    """
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        cell = gb.find_grade(TASK_ID, slug, slug, student)
        cell.auto_score = grade.points
        cell.needs_manual_grade = False
        comment = gb.find_comment(TASK_ID, slug, slug, student)
        comment.auto_comment = grade.comment
        gb.db.commit()
