"""Instructor tools, fast parts: limits, file-name pattern, state file, reports."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.instructor.collect import DEFAULT_PATTERN, collect_zip, validate_pattern
from mlops_course.machinery.instructor.export import complete_export
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.report import format_run, write_run_report
from mlops_course.machinery.instructor.run import (
    CohortRun,
    _classify,
    autograded_max,
    grade_cohort,
    total_max,
)
from mlops_course.machinery.instructor.shadow import ShadowResult, _output_flags
from mlops_course.machinery.instructor.state import GradingState, StudentOutcome, folder_digest


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cell_timeout": 0}, "cell_timeout"),
        ({"memory_mb": -1}, "memory_mb"),
        ({"output_lines": 1.5}, "output_lines"),
        ({"cell_timeout": 100, "notebook_timeout": 50}, "menor que el límite por celda"),
    ],
)
def test_limits_reject_nonsense(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Limits(**kwargs)  # type: ignore[arg-type]


def test_default_pattern_matches_lms_names() -> None:
    rx = validate_pattern(DEFAULT_PATTERN)
    m = rx.match("ana.garcia_00_indice.ipynb")
    assert m is not None
    assert (m["student_id"], m["file_id"]) == ("ana.garcia", "00_indice.ipynb")
    assert rx.match("notas.txt") is None


@pytest.mark.parametrize(
    ("pattern", "message"),
    [("(", "no es una expresión regular"), (r"(?P<student_id>\w+)", "file_id")],
)
def test_bad_pattern_is_explained(pattern: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_pattern(pattern)


def test_collect_rejects_missing_or_non_zip(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no existe"):
        collect_zip(tmp_path, "99_demo", tmp_path / "nada.zip")
    fake = tmp_path / "falso.zip"
    fake.write_text("no soy un zip", encoding="utf-8")
    with pytest.raises(ValueError, match="no es un archivo zip"):
        collect_zip(tmp_path, "99_demo", fake)
    good = tmp_path / "ok.zip"
    with zipfile.ZipFile(good, "w") as zf:
        zf.writestr("x.ipynb", "{}")
    with pytest.raises(ValueError, match="grupos"):
        collect_zip(tmp_path, "99_demo", good, pattern=r"(?P<file_id>.*)")


def test_state_is_atomic_resumable_and_reports_corruption(tmp_path: Path) -> None:
    path = tmp_path / ".grading" / "state.json"
    state = GradingState(path)
    outcome = StudentOutcome(
        "99_demo", "ana", Status.GRADED, "", 3.0, 3.0, "abc", Limits().fingerprint(True), True
    )
    state.record(outcome)
    assert GradingState(path).get("99_demo", "ana") == outcome
    assert GradingState(path).get("99_demo", "luis") is None
    path.write_text("{roto", encoding="utf-8")
    with pytest.raises(ValueError, match="corrupto"):
        GradingState(path)


def test_folder_digest_follows_content_not_timestamps(tmp_path: Path) -> None:
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "nb.ipynb").write_text("uno", encoding="utf-8")
    first = folder_digest(folder)
    (folder / "timestamp.txt").write_text("2026-01-01", encoding="utf-8")
    assert folder_digest(folder) == first
    (folder / "nb.ipynb").write_text("dos", encoding="utf-8")
    assert folder_digest(folder) != first
    assert folder_digest(folder, b"otra fuente") != folder_digest(folder)
    assert folder_digest(tmp_path / "no-existe") == folder_digest(tmp_path / "tampoco")


def _res(**kw: object) -> ShadowResult:
    base: dict[str, object] = {
        "student": "ana",
        "shadow": Path("/nonexistent"),
        "returncode": 0,
        "output": "",
        "wall_timeout": False,
        "timed_out_cells": (),
        "memory_error": False,
        "output_truncated": False,
    }
    base.update(kw)
    return ShadowResult(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "status", "fragment"),
    [
        ({}, "calificada", ""),
        ({"wall_timeout": True, "returncode": -9}, "tiempo agotado", "en total"),
        ({"returncode": 1, "memory_error": True}, "memoria excedida", "murió"),
        ({"returncode": 1, "output": "a\nb\nboom"}, "fallo de nbgrader", "boom"),
        ({"memory_error": True}, "memoria excedida", "MemoryError"),
        ({"timed_out_cells": ("roi",)}, "tiempo agotado", "roi"),
        ({"output_truncated": True}, "calificada", "recortada"),
    ],
)
def test_classification_names_the_reason(kw: dict[str, object], status: str, fragment: str) -> None:
    got_status, reason = _classify(_res(**kw), Limits(), "")
    assert got_status == status
    assert fragment in reason


def test_reports_list_every_student_and_unmatched_file(tmp_path: Path) -> None:
    run = CohortRun("99_demo")
    run.outcomes = [
        StudentOutcome("99_demo", "ana", Status.GRADED, "", 3.0, 3.0, "x", scored=True),
        StudentOutcome("99_demo", "luis", Status.MALFORMED, "no es JSON | roto", 0.0, 3.0, "y"),
    ]
    run.autograded = ["ana"]
    run.reported = ["luis"]
    run.unmatched = ["luis_notas.txt"]
    text = format_run(run)
    assert "ana" in text and "malformada" in text and "SIN ASIGNAR" in text
    md, csv_path = write_run_report(run, tmp_path)
    body = md.read_text(encoding="utf-8")
    assert "luis_notas.txt" in body and "no es JSON / roto" in body
    assert csv_path.read_text(encoding="utf-8").count("\n") == 3


def _counts(text: str) -> dict[str, str]:
    """The count lines of a run summary, by label."""
    found = {}
    for line in text.splitlines():
        label, sep, rest = line.strip().lstrip("- ").partition(": ")
        if sep and label.split(" ")[0] in ("autocalificados", "sin", "informados", "estado"):
            found[label.split(" ")[0]] = rest
    return found


def test_counts_say_what_this_run_did_and_both_maxima(tmp_path: Path) -> None:
    run = CohortRun("99_demo", autograded_max=3.0, total_max=5.0)
    run.outcomes = [
        StudentOutcome("99_demo", "ana", Status.GRADED, "", 3.0, 3.0, "x", scored=True),
        StudentOutcome("99_demo", "eva", Status.TIMED_OUT, "superó 600 s en total", 0.0, 3.0, "z"),
        StudentOutcome("99_demo", "luis", Status.MALFORMED, "no es JSON", 0.0, 3.0, "y"),
        StudentOutcome("99_demo", "pia", Status.MISSING, "no se entregó", 0.0, 3.0, "w"),
        StudentOutcome("99_demo", "rui", Status.GRADED, "", 1.0, 3.0, "v", scored=True),
    ]
    run.autograded = ["ana", "eva"]
    run.reported = ["luis"]
    run.reused = ["pia", "rui"]
    for text in (format_run(run), write_run_report(run, tmp_path)[0].read_text("utf-8")):
        counts = _counts(text)
        assert counts["autocalificados"] == "2 (calificada: 1, tiempo agotado: 1)", text
        assert counts["sin"] == "2 (ausente: 1, calificada: 1)", text
        assert counts["informados"] == "1 (malformada: 1)", text
        assert counts["estado"].startswith("ausente: 1, calificada: 2,"), text
        assert "máximo automático 3, máximo total (automático + manual) 5" in text
    with (tmp_path / "informe.csv").open(encoding="utf-8") as fh:
        rows = {r["estudiante"]: r for r in csv.DictReader(fh)}
    assert rows["ana"]["en esta ejecución"] == "autocalificada ahora"
    assert rows["rui"]["en esta ejecución"] == "sin cambios (reutilizada)"
    assert rows["luis"]["en esta ejecución"] == "informada sin calificar"
    assert (rows["rui"]["puntos automáticos"], rows["rui"]["máximo automático"]) == ("1", "3")
    assert rows["rui"]["máximo total (automático + manual)"] == "5"
    # no grade is never shown as 0: the wall-clock timeout and the malformed notebook have none
    assert rows["eva"]["puntos automáticos"] == rows["luis"]["puntos automáticos"] == ""
    assert "—/3" in format_run(run).splitlines()[3]  # eva's line in the terminal table


def _source_nb(points: tuple[int, int, int] = (2, 1, 2)) -> Any:
    """A minimal nbgrader source: one answer, two autograded tests, one manual answer, a task."""
    v4 = nbformat.v4

    def meta(grade_id: str, **kw: object) -> dict[str, Any]:
        flags = {"grade": False, "solution": False, "task": False, "locked": False}
        return {"nbgrader": {"grade_id": grade_id, "schema_version": 3, **flags, **kw}}

    return v4.new_notebook(
        cells=[
            v4.new_code_cell("def f(x):\n    return x", metadata=meta("f", solution=True)),
            v4.new_code_cell("assert f(1) == 1", metadata=meta("t1", grade=True, points=points[0])),
            v4.new_code_cell("assert f(2) == 2", metadata=meta("t2", grade=True, points=points[1])),
            v4.new_markdown_cell(
                "¿Por qué?", metadata=meta("why", grade=True, solution=True, points=points[2])
            ),
            v4.new_markdown_cell("Tarea", metadata=meta("task", task=True, points=4)),
        ]
    )


def test_autograded_and_total_maxima() -> None:
    nb = _source_nb()
    assert autograded_max(nb) == 3.0
    assert total_max(nb) == 9.0  # 2 + 1 autograded, 2 manual answer, 4 task


def _course_without_gradable_submissions(tmp_path: Path) -> Path:
    """A course whose students the pre-check stops (no nbgrader run is needed to grade it)."""
    course = tmp_path / "course"
    (course / "source" / "m1").mkdir(parents=True)
    (course / "source" / "m1" / "m1.ipynb").write_text(nbio.writes(_source_nb()), encoding="utf-8")
    broken = course / "submitted" / "ana" / "m1"
    broken.mkdir(parents=True)
    (broken / "m1.ipynb").write_text("{ no es JSON", encoding="utf-8")
    absent = course / "submitted" / "luis" / "m1"
    absent.mkdir(parents=True)
    (absent / "notas.txt").write_text("sin notebook", encoding="utf-8")
    return course


def test_limits_and_sandbox_are_part_of_the_resume_key() -> None:
    base = Limits().fingerprint(True)
    assert Limits().fingerprint(False) != base
    for changed in (
        Limits(cell_timeout=61),
        Limits(notebook_timeout=601),
        Limits(memory_mb=4096),
        Limits(output_lines=301),
        Limits(processes=129),
    ):
        assert changed.fingerprint(True) != base, changed


def test_rerun_reuses_only_same_limits_and_force_redoes_everyone(tmp_path: Path) -> None:
    course = _course_without_gradable_submissions(tmp_path)
    first = grade_cohort(course, "m1", Limits(), sandbox=False)
    assert (first.reported, first.reused, first.autograded) == (["ana", "luis"], [], [])
    assert {o.student: o.status for o in first.outcomes} == {
        "ana": Status.MALFORMED,
        "luis": Status.MISSING,
    }
    assert (first.autograded_max, first.total_max) == (3.0, 9.0)
    same = grade_cohort(course, "m1", Limits(), sandbox=False)
    assert (same.reported, same.reused) == ([], ["ana", "luis"])
    assert same.outcomes == first.outcomes
    larger = grade_cohort(course, "m1", Limits(memory_mb=4096), sandbox=False)
    assert (larger.reported, larger.reused) == (["ana", "luis"], [])
    again = grade_cohort(course, "m1", Limits(memory_mb=4096), sandbox=False)
    assert again.reused == ["ana", "luis"]
    forced = grade_cohort(course, "m1", Limits(memory_mb=4096), sandbox=False, force=True)
    assert (forced.reported, forced.reused) == (["ana", "luis"], [])


def test_state_of_an_older_version_is_read_and_counts_as_changed(tmp_path: Path) -> None:
    course = _course_without_gradable_submissions(tmp_path)
    grade_cohort(course, "m1", Limits(), sandbox=False)
    path = course / ".grading" / "state.json"
    old = json.loads(path.read_text(encoding="utf-8"))
    for entry in old.values():  # what older versions wrote: no limits, no "scored"
        del entry["limits"], entry["scored"]
    old["m0/eva"] = {**old["m1/ana"], "module": "m0", "student": "eva", "status": "calificada"}
    path.write_text(json.dumps(old), encoding="utf-8")
    state = GradingState(path)
    assert state.get("m1", "ana") is not None and state.get("m1", "ana").limits == ""  # type: ignore[union-attr]
    eva = state.get("m0", "eva")
    assert eva is not None and eva.scored and eva.status is Status.GRADED
    rerun = grade_cohort(course, "m1", Limits(), sandbox=False)
    assert (rerun.reported, rerun.reused) == (["ana", "luis"], [])
    assert GradingState(path).get("m1", "ana").limits == Limits().fingerprint(False)  # type: ignore[union-attr]


def test_truncated_output_is_noticed_as_nbgrader_writes_it(tmp_path: Path) -> None:
    from nbgrader.preprocessors import LimitOutput

    v4 = nbformat.v4
    path = tmp_path / "calificado.ipynb"
    for printed, cut in ((150, True), (100, True), (99, False), (40, False)):
        cell = v4.new_code_cell("print(...)")
        text = "".join(f"línea {i}\n" for i in range(printed))
        cell.outputs = [v4.new_output("stream", name="stdout", text=text)]
        nb = v4.new_notebook(cells=[cell])
        nb.cells[0], _ = LimitOutput(max_lines=100).preprocess_cell(nb.cells[0], {}, 0)
        path.write_text(nbio.writes(nb), encoding="utf-8")
        assert _output_flags(path) == (False, cut), printed


NBGRADER_HEADER = [
    "assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
    "raw_score", "late_submission_penalty", "score", "max_score",
]  # fmt: skip


def _nbgrader_row(student: str, timestamp: str, raw: float) -> dict[str, str]:
    """A row as ``nbgrader export`` writes it for module m1 (total maximum 9)."""
    values = ["m1", "", timestamp, student, "", "", "", str(raw), "0.0", str(raw), "9.0"]
    return dict(zip(NBGRADER_HEADER, values, strict=True))


def test_grades_csv_has_every_enrolled_student_and_no_silent_zero() -> None:
    def outcome(student: str, status: Status, score: float, scored: bool) -> StudentOutcome:
        return StudentOutcome("m1", student, status, f"motivo de {student}", score, 3.0, "d",
                              scored=scored)  # fmt: skip

    rows = [
        _nbgrader_row("ana", "2026-03-01 10:00:00", 4.5),  # autograded 3 + manual 1.5
        _nbgrader_row("pia", "", 0.0),  # on the roster, never submitted
        _nbgrader_row("eva", "2026-02-01 10:00:00", 2.0),  # stale: this run's notebook timed out
        _nbgrader_row("teo", "", 0.0),  # added to the roster after grading
    ]
    outcomes = [
        outcome("ana", Status.GRADED, 3.0, True),
        outcome("pia", Status.MISSING, 0.0, False),
        outcome("eva", Status.TIMED_OUT, 0.0, False),
        outcome("luis", Status.MALFORMED, 0.0, False),  # nbgrader never saw him
        StudentOutcome("m2", "ana", Status.DUPLICATED, "celdas duplicadas", 0.0, 1.0, "e"),
    ]
    enrolled = {"m1": {"ana", "pia", "eva", "teo", "luis", "rosa"}, "m2": {"ana", "pia"}}
    header, done = complete_export(
        NBGRADER_HEADER, rows, outcomes, enrolled, {"m1": (3.0, 9.0), "m2": (1.0, 2.0)}
    )
    assert header[: len(NBGRADER_HEADER)] == NBGRADER_HEADER
    by = {(r["assignment"], r["student_id"]): r for r in done}
    assert set(by) == {("m1", s) for s in enrolled["m1"]} | {("m2", "ana"), ("m2", "pia")}
    ana = by[("m1", "ana")]
    assert (ana["raw_score"], ana["score"], ana["estado"]) == ("4.5", "4.5", "calificada")
    assert (ana["puntos automáticos"], ana["máximo automático"]) == ("3", "3")
    assert (ana["máximo total (automático + manual)"], ana["max_score"]) == ("9", "9.0")
    for key, status in (
        (("m1", "pia"), "ausente"),
        (("m1", "eva"), "tiempo agotado"),
        (("m1", "luis"), "malformada"),
        (("m2", "ana"), "celdas duplicadas"),
        (("m1", "teo"), "sin registro"),
        (("m1", "rosa"), "sin registro"),
        (("m2", "pia"), "sin registro"),
    ):
        row = by[key]
        assert row["estado"] == status, key
        assert row["raw_score"] == row["score"] == row["puntos automáticos"] == "", key
        assert row["motivo"], key
    assert by[("m1", "luis")]["max_score"] == "9.0"  # added rows: nbgrader's maximum too
    assert by[("m2", "pia")]["máximo total (automático + manual)"] == "2"
    assert "grade --module m1" in by[("m1", "teo")]["motivo"]
