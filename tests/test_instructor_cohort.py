"""Grade an LMS zip of the synthetic cohort with one command: parallel, limited, resumable."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.build.mutants import parse_mutants
from mlops_course.machinery.build.nbgrader_cli import (
    generate_assignment,
    run_nbgrader,
    write_course_config,
)
from mlops_course.machinery.cli import main
from mlops_course.machinery.grading.synthetic import (
    ALL_CASES,
    Expectation,
    Submission,
    read_notebook,
    solved,
    synthetic_cohort,
    write_lms_zip,
)
from mlops_course.machinery.procenv import tool_env

pytestmark = pytest.mark.slow
SLUG = "99_demo"


ROSTER = ("g-ausente", "zz-nunca-entrego")
RESUME_CASES = ("a-solucion", "b-sin-tocar", "d-tests-editados", "e-celda-borrada", "g-malformado")
OUTPUT_LINES = 100
FIXTURE_LIMITS = ("--memory-mb", "1024", "--output-lines", str(OUTPUT_LINES))
"""The limits of the module fixture's grading; a re-run with the same limits reuses grades."""
LONG_OUTPUT = "i-salida-larga"
THIS_RUN = "en esta ejecución"
AUTO_POINTS = "puntos automáticos"
TOTAL_MAX = "máximo total (automático + manual)"


def _long_output(release: Any, source: Any) -> Submission:
    """The full solution, whose first answer cell also prints more lines than the limit."""
    nb = solved(release, source)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "add-one")
    cell.source += f"\n\nfor i in range({3 * OUTPUT_LINES}):\n    print('línea', i)\n"
    return Submission(
        LONG_OUTPUT,
        {f"{SLUG}.ipynb": nbio.writes(nb)},
        Expectation("i", "imprime demasiado → salida recortada y anotada", lambda o, t: o.scored),
    )


def _course(
    built_demo: Path, where: Path, cases: tuple[str, ...] = ALL_CASES, long_output: bool = False
) -> tuple[Path, Path]:
    """A fresh instructor course with the demo module, a roster and the cohort's LMS zip."""
    course = where / "course"
    write_course_config(course, cell_timeout=10)
    shutil.copytree(built_demo / "source" / SLUG, course / "source" / SLUG)
    release = read_notebook(generate_assignment(course, SLUG) / f"{SLUG}.ipynb")
    source = read_notebook(course / "source" / SLUG / f"{SLUG}.ipynb")
    cohort = synthetic_cohort(
        release,
        source,
        f"{SLUG}.ipynb",
        cases,
        parse_mutants(built_demo / "content" / SLUG / "mutants.py"),
    )
    if long_output:
        cohort.append(_long_output(release, source))
    for student in ROSTER:
        run_nbgrader(course, ["db", "student", "add", student], timeout=120)
    return course, write_lms_zip(cohort, where / "descarga_lms.zip")


def _grade(course: Path, *extra: str) -> int:
    return main(
        ["--root", str(course), "grade", "--course", str(course), "--module", SLUG,
         "--cell-timeout", "10", "--workers", "2", *extra]
    )  # fmt: skip


def _report(course: Path) -> dict[str, dict[str, str]]:
    with (course / "reports" / SLUG / "informe.csv").open(encoding="utf-8") as fh:
        return {row["estudiante"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def graded(built_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    course, archive = _course(built_demo, tmp_path_factory.mktemp("cohorte"), long_output=True)
    assert _grade(course, "--zip", str(archive), *FIXTURE_LIMITS) == 0
    return course


def test_every_case_graded_or_reported_with_reason(graded: Path) -> None:
    rows = _report(graded)
    expected_full = {"a-solucion", "e-celda-borrada", "g-renombrado", LONG_OUTPUT}
    for student in expected_full:
        assert (rows[student]["estado"], rows[student][AUTO_POINTS]) == ("calificada", "3"), student
    assert rows["b-sin-tocar"][AUTO_POINTS] == "0"
    assert rows["d-tests-editados"][AUTO_POINTS] == "0"
    assert rows["c-bucle-infinito"]["estado"] == "tiempo agotado"
    assert rows["c-importacion-rota"]["estado"] == "calificada"
    assert "add-one" in rows["c-bucle-infinito"]["motivo"]
    assert rows["f-celda-duplicada"]["estado"] == "celdas duplicadas"
    assert rows["g-malformado"]["estado"] == "malformada"
    assert "renombrado desde" in rows["g-renombrado"]["motivo"]
    for student in ROSTER:
        assert rows[student]["estado"] == "ausente"
    mutants = [s for s in rows if s.startswith("h-")]
    assert mutants and all(float(rows[s][AUTO_POINTS]) < 3 for s in mutants)
    assert f"salida recortada a {OUTPUT_LINES} líneas por celda" in rows[LONG_OUTPUT]["motivo"]
    assert "recortada" not in rows["a-solucion"]["motivo"]
    md = (graded / "reports" / SLUG / "informe.md").read_text(encoding="utf-8")
    assert "g-ausente_notas.txt" in md  # listed, not dropped


def test_counts_of_the_first_run_say_what_happened(graded: Path) -> None:
    reported = {"f-celda-duplicada", "g-malformado", *ROSTER}
    for student, row in _report(graded).items():
        expected = "informada sin calificar" if student in reported else "autocalificada ahora"
        assert row[THIS_RUN] == expected, student
        assert row[TOTAL_MAX] == "5" and row["máximo automático"] == "3"  # 2 + 1 auto, 2 manual
        assert (row[AUTO_POINTS] == "") == (student in reported), student  # no grade, no 0
    md = (graded / "reports" / SLUG / "informe.md").read_text(encoding="utf-8")
    assert "sin cambios, reutilizados (misma entrega, fuente y límites): 0" in md
    assert (
        "informados sin calificar (la revisión previa los detuvo): 4 "
        "(ausente: 2, celdas duplicadas: 1, malformada: 1)"
    ) in md


def test_grades_csv_has_every_student_with_status_and_feedback_written(graded: Path) -> None:
    rows = _report(graded)
    with (graded / "reports" / "notas.csv").open(encoding="utf-8") as fh:
        exported = {r["student_id"]: r for r in csv.DictReader(fh) if r["assignment"] == SLUG}
    assert set(exported) == set(rows)  # malformed, duplicated and absent students included
    for student, row in rows.items():
        got = exported[student]
        assert (got["estado"], got["motivo"]) == (row["estado"], row["motivo"]), student
        # one definition of each maximum: nbgrader's own max_score is the total one
        assert float(got["max_score"]) == float(got[TOTAL_MAX]) == float(row[TOTAL_MAX])
        assert got["máximo automático"] == row["máximo automático"]
        assert got[AUTO_POINTS] == row[AUTO_POINTS], student
        if row[AUTO_POINTS]:
            assert float(got["raw_score"]) == float(row[AUTO_POINTS])  # no manual grades yet
            assert (graded / "feedback" / student / SLUG / f"{SLUG}.html").is_file()
        else:  # no grade: an explicit status, never a silent 0
            assert got["raw_score"] == got["score"] == "", student
    assert not (graded / "feedback" / "g-malformado").exists()


def test_rerun_grades_only_changed_keeps_manual_grades_and_caps_memory(graded: Path) -> None:
    from nbgrader.api import Gradebook

    db = f"sqlite:///{graded / 'gradebook.db'}"
    with Gradebook(db) as gb:
        grade = gb.find_grade("por-que", SLUG, SLUG, "a-solucion")
        grade.manual_score = 1.5
        gb.db.commit()
    nb_path = graded / "submitted" / "a-solucion" / SLUG / f"{SLUG}.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "add-one":
            cell["source"] = (
                "".join(cell["source"]) + "\nimport numpy as np\n_x = np.ones(4 * 10**8)\n"
            )
    nb_path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    before = _report(graded)
    assert _grade(graded, *FIXTURE_LIMITS, "--no-feedback") == 0
    rows = _report(graded)
    assert rows["a-solucion"]["estado"] == "memoria excedida"
    assert "1024 MB" in rows["a-solucion"]["motivo"]
    assert rows["a-solucion"][THIS_RUN] == "autocalificada ahora"
    for student, row in rows.items():  # nobody else is graded again, nor changes
        if student != "a-solucion":
            assert row[THIS_RUN] == "sin cambios (reutilizada)", student
            assert {**row, THIS_RUN: ""} == {**before[student], THIS_RUN: ""}, student
    with Gradebook(db) as gb:
        assert gb.find_grade("por-que", SLUG, SLUG, "a-solucion").manual_score == 1.5
    state = json.loads((graded / ".grading" / "state.json").read_text(encoding="utf-8"))
    assert len([k for k in state if k.startswith(SLUG)]) == len(rows)


def test_interrupted_run_resumes_without_losing_grades(built_demo: Path, tmp_path: Path) -> None:
    # A smaller cohort than the module fixture's (no infinite loop): resuming is about state.
    course, archive = _course(built_demo, tmp_path, RESUME_CASES)
    cmd = [sys.executable, "-m", "mlops_course.machinery.cli", "--root", str(course), "grade",
           "--course", str(course), "--module", SLUG, "--zip", str(archive),
           "--cell-timeout", "10", "--workers", "1", "--no-feedback"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=tool_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    state_file = course / ".grading" / "state.json"
    graded_before: dict[str, float] = {}
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if state_file.is_file():
            state = json.loads(state_file.read_text(encoding="utf-8"))
            graded_before = {
                v["student"]: v["score"] for v in state.values() if v["status"] == "calificada"
            }
            if len(graded_before) >= 2:
                break
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(graded_before) >= 2, "el primer intento no calificó a nadie en 300 s"
    assert _grade(course, "--no-feedback") == 0
    rows = _report(course)
    mutants = len(parse_mutants(built_demo / "content" / SLUG / "mutants.py"))
    # every synthetic student and every roster student who never submitted has a row
    assert len(rows) == len(RESUME_CASES) + mutants + len(ROSTER)
    for student, score in graded_before.items():
        assert float(rows[student][AUTO_POINTS]) == score
        assert rows[student][THIS_RUN] == "sin cambios (reutilizada)", student
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student, score in graded_before.items():
            assert gb.find_submission(SLUG, student).score == pytest.approx(score)
    # --force is proved by the fast tests in test_instructor_units.py (same grade_cohort).


def test_item_analysis_report_opens_with_plots(graded: Path) -> None:
    assert main(["--root", str(graded), "analyse", "--course", str(graded), "--module", SLUG]) == 0
    folder = graded / "reports" / SLUG
    for png in ("ejercicios.png", "notas.png"):
        assert (folder / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = (folder / "analisis.md").read_text(encoding="utf-8")
    assert "| add-one | 2 |" in md and "| double | 1 |" in md
    assert "por-que (manual)" in md
    assert "NotImplementedError" in md  # the untouched notebook's most frequent failure
    help_section = md.split("## Estudiantes que necesitan ayuda", 1)[1]
    assert "b-sin-tocar" in help_section and "a-solucion" not in help_section
    page = (folder / "analisis.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2 and "<table" in page


def test_rubrics_reach_the_instructor_never_the_student(graded: Path, built_demo: Path) -> None:
    rubric = "**Rúbrica (instructor)**: 2 puntos si justifica."
    text = (graded / "reports" / SLUG / "rubricas.md").read_text(encoding="utf-8")
    assert "## por-que (2 puntos)" in text and rubric in text
    release = (built_demo / "notebooks" / SLUG / f"{SLUG}.ipynb").read_text(encoding="utf-8")
    assert "Rúbrica" not in release
    # The synthetic "solution" students typed the model answer (rubric included) themselves;
    # for everyone else the rubric must not appear in what they get back.
    checked = 0
    for page in (graded / "feedback").rglob("*.html"):
        student = page.relative_to(graded / "feedback").parts[0]
        submitted = graded / "submitted" / student / SLUG / f"{SLUG}.ipynb"
        typed = json.loads(submitted.read_text(encoding="utf-8"))["cells"]
        if any("Rúbrica (instructor)" in "".join(c["source"]) for c in typed):
            continue
        checked += 1
        assert "Rúbrica (instructor)" not in page.read_text(encoding="utf-8"), page
    assert checked >= 2  # the untouched and the edited-tests students
