"""The capstone's project criteria through the instructors' own grading (``grade_cohort``).

A course whose module has the ``proyecto-verificador`` task (the demo module with module 17's
task cell added, so that autograde takes seconds) and four students who all submit the solved
notebook: one with the reference project, one with that project's ADR broken, one without the
archive and one with an archive that is not a tar.gz. The checker runs on each archive in a
sandbox (three criteria, for speed; the full rubric in the sandbox is in
``test_project_check.py``); its points and reasons land in the gradebook as the task's score and
comment, in the cohort report and in the feedback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from mlops_course.lessons.churn_project.cache import cached_checkpoint
from mlops_course.lessons.m17_capstone.breakages import BREAKAGES
from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME, pack_project
from mlops_course.machinery import nbio
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from mlops_course.machinery.grading.synthetic import read_notebook, solved
from mlops_course.machinery.instructor.capstone_grade import TASK_ID
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import feedback_and_export, grade_cohort, total_max

pytestmark = pytest.mark.slow
SLUG = "99_demo"
CRITERIA = ["pipeline-dvc", "mlflow-registro", "adr-despliegue"]  # 2 + 1 + 1 points
LIMITS = Limits(cell_timeout=30, notebook_timeout=300, memory_mb=1024)


def _task_cell() -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell("**Proyecto: criterios del verificador (20 puntos).**")
    cell.metadata["nbgrader"] = {
        "grade": False, "grade_id": TASK_ID, "locked": True, "points": 20,
        "schema_version": 3, "solution": False, "task": True,
    }  # fmt: skip
    return cell


def _course(built_demo: Path, where: Path) -> tuple[Path, str]:
    course = where / "course"
    write_course_config(course, cell_timeout=30)
    shutil.copytree(built_demo / "source" / SLUG, course / "source" / SLUG)
    source_path = course / "source" / SLUG / f"{SLUG}.ipynb"
    source = nbio.read(source_path)
    source.cells.append(_task_cell())
    source_path.write_text(nbio.writes(source), encoding="utf-8")
    release = read_notebook(generate_assignment(course, SLUG) / f"{SLUG}.ipynb")
    return course, nbio.writes(solved(release, source))


def _submit(course: Path, student: str, notebook: str) -> Path:
    folder = course / "submitted" / student / SLUG
    folder.mkdir(parents=True)
    (folder / f"{SLUG}.ipynb").write_text(notebook, encoding="utf-8")
    return folder


def _project_score(course: Path, student: str) -> tuple[float | None, str]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        grade = gb.find_grade(TASK_ID, SLUG, SLUG, student)
        comment = gb.find_comment(TASK_ID, SLUG, SLUG, student)
        # Graded like a test cell: an automatic score and comment, nothing left for a grader.
        assert grade.manual_score is None and not grade.needs_manual_grade
        assert grade.score == grade.auto_score
        return grade.auto_score, comment.comment or ""


def test_the_submitted_project_is_checked_in_a_sandbox_and_graded_in_the_task(
    built_demo: Path, tmp_path: Path
) -> None:
    course, notebook = _course(built_demo, tmp_path)
    reference = cached_checkpoint("17", tmp_path / "ana-ws", n_rows=1000, seed=42).project
    pack_project(reference, _submit(course, "ana", notebook))
    broken = cached_checkpoint("17", tmp_path / "beto-ws", n_rows=1000, seed=42).project
    BREAKAGES["adr-despliegue"](broken)
    pack_project(broken, _submit(course, "beto", notebook))
    _submit(course, "caro", notebook)  # forgot the archive
    (_submit(course, "dani", notebook) / ARCHIVE_NAME).write_bytes(b"no es un tar.gz")

    run = grade_cohort(course, SLUG, LIMITS, workers=2, project_criteria=CRITERIA)

    reasons = {o.student: o.reason for o in run.outcomes}
    assert all(o.scored for o in run.outcomes), reasons
    demo_source = read_notebook(built_demo / "source" / SLUG / f"{SLUG}.ipynb")
    assert run.total_max == total_max(demo_source) + 20  # the task's points join the maximum
    ana, ana_comment = _project_score(course, "ana")
    assert ana == 20 and "4/4 puntos" in ana_comment, ana_comment
    assert "✓ mlflow-registro (1/1)" in ana_comment  # the store moved to where it was unpacked
    assert reasons["ana"].endswith("proyecto 20/20")
    assert (course / "reports" / SLUG / "proyecto" / "ana" / "informe.html").is_file()
    beto, beto_comment = _project_score(course, "beto")
    assert beto == 15 and "✗ adr-despliegue (0/1): " in beto_comment, beto_comment
    assert "Se enseña en módulo 12" in beto_comment
    assert reasons["beto"].endswith("proyecto 15/20 (falla: adr-despliegue)")
    caro, caro_comment = _project_score(course, "caro")
    assert caro == 0 and "No hay churn-project.tar.gz en la entrega." in caro_comment
    dani, dani_comment = _project_score(course, "dani")
    assert dani == 0 and "no es un .tar.gz legible" in dani_comment
    # The submitted folders are left as they were (the checker worked on private copies).
    assert sorted(p.name for p in (course / "submitted" / "ana" / SLUG).iterdir()) == [
        f"{SLUG}.ipynb", ARCHIVE_NAME,
    ]  # fmt: skip

    # The instructor overrides a grade in formgrader; grading the cohort again keeps it.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.find_grade(TASK_ID, SLUG, SLUG, "caro").manual_score = 10
        gb.db.commit()
    resubmitted = course / "submitted" / "caro" / SLUG / f"{SLUG}.ipynb"
    resubmitted.write_text(resubmitted.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = grade_cohort(course, SLUG, LIMITS, workers=2, project_criteria=CRITERIA)
    assert again.autograded == ["caro"] and len(again.reused) == 3
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        caro_grade = gb.find_grade(TASK_ID, SLUG, SLUG, "caro")
        assert (caro_grade.score, caro_grade.auto_score) == (10, 0)

    feedback_and_export(course, SLUG, course / "reports" / "notas.csv")
    page = next((course / "feedback" / "beto" / SLUG).glob("*.html")).read_text(encoding="utf-8")
    assert "adr-despliegue" in page and "Se enseña en módulo 12" in page
    grades = (course / "reports" / "notas.csv").read_text(encoding="utf-8")
    assert "beto" in grades
