"""Student self-check and progress page, on a partly solved demo module."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from mlops_course.machinery.build.notebook import strip_markers
from mlops_course.machinery.cli import main
from mlops_course.machinery.procenv import tool_env
from mlops_course.machinery.student.progress import course_progress, progress_html, progress_text
from mlops_course.machinery.student.selfcheck import module_notebook, run_self_check, summary
from mlops_course.machinery.student.status import ExerciseState, notebook_statuses

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
SLUG = "99_demo"


def _answer(course: Path, grade_id: str, code: str) -> None:
    path = course / "notebooks" / SLUG / f"{SLUG}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = code
    nbformat.write(nb, path)


def _solution(course: Path, grade_id: str) -> str:
    nb = nbformat.read(course / "source" / SLUG / f"{SLUG}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return strip_markers(cell.source)


def _execute_in_place(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute(env=tool_env())
    nbformat.write(nb, path)


@pytest.fixture()
def partly_solved(demo_copy: Path) -> Path:
    """The demo course as a student left it: add-one solved and run, double untouched."""
    shutil.copy2(REPO / "nbgrader_config.py", demo_copy / "nbgrader_config.py")
    _answer(demo_copy, "add-one", _solution(demo_copy, "add-one"))
    _execute_in_place(demo_copy / "notebooks" / SLUG / f"{SLUG}.ipynb")
    return demo_copy


def test_progress_reads_saved_outputs(partly_solved: Path) -> None:
    [module] = course_progress(partly_solved)
    states = {e.name: e.state for e in module.exercises}
    assert states == {
        "add-one": ExerciseState.PASSING,
        "double": ExerciseState.NOT_STARTED,
        "por-que": ExerciseState.NOT_STARTED,
    }
    assert (module.passing, module.autograded) == (1, 2)
    assert "99_demo: 1/2" in progress_text([module])
    assert "✔ add-one" in progress_html([module])


def test_wrong_answer_fails_with_the_tests_message(partly_solved: Path) -> None:
    _answer(partly_solved, "double", "def double(x):\n    return x + 2\n")
    path = module_notebook(SLUG, partly_solved)
    statuses = {s.name: s for s in run_self_check(path)}
    assert statuses["add-one"].state is ExerciseState.PASSING
    assert statuses["double"].state is ExerciseState.FAILING
    assert "AssertionError" in statuses["double"].message
    text = summary(SLUG, list(statuses.values()))
    assert "✘ double" in text and "1 de 2" in text
    # The student's file was not executed in place: it still shows the old, stale outputs.
    assert "NotImplementedError" in notebook_statuses(path)[1].message


def test_self_check_cli_and_bad_input(
    partly_solved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(partly_solved), "self-check", SLUG]) == 1
    assert "✔ add-one" in capsys.readouterr().out
    assert main(["--root", str(partly_solved), "self-check"]) == 0
    assert "99_demo: 1/2" in capsys.readouterr().out
    assert main(["--root", str(partly_solved), "self-check", "77_nada"]) == 2
    assert "no existe el notebook del módulo" in capsys.readouterr().err
    broken = partly_solved / "notebooks" / SLUG / f"{SLUG}.ipynb"
    broken.write_text("{ roto", encoding="utf-8")
    [module] = course_progress(partly_solved)
    assert "no se puede leer como notebook" in module.problem


def test_progress_notebook_runs_in_the_course(partly_solved: Path) -> None:
    page = REPO / "notebooks" / "mi_progreso.ipynb"
    nb = nbformat.read(page, as_version=4)
    for cell in nb.cells:
        if cell.source.startswith("MODULE = "):
            cell.source = f'MODULE = "{SLUG}"'
    where = partly_solved / "notebooks"
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(where)}}
    ).execute(env=tool_env())
    html = "".join(
        str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", [])
    )
    text = "".join(str(o.get("text", "")) for c in nb.cells for o in c.get("outputs", []))
    assert "99_demo" in html and "✔ add-one" in html
    assert "Autocomprobación de 99_demo" in text and "✔ add-one" in text
