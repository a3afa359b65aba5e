"""Instructor tools, fast parts: limits, file-name pattern, state file, reports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mlops_course.machinery.instructor.collect import DEFAULT_PATTERN, collect_zip, validate_pattern
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.report import format_run, write_run_report
from mlops_course.machinery.instructor.run import CohortRun, _classify
from mlops_course.machinery.instructor.shadow import ShadowResult
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
    outcome = StudentOutcome("99_demo", "ana", "calificada", "", 3.0, 3.0, "abc")
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
        StudentOutcome("99_demo", "ana", "calificada", "", 3.0, 3.0, "x"),
        StudentOutcome("99_demo", "luis", "malformada", "no es JSON | roto", 0.0, 3.0, "y"),
    ]
    run.graded_now = ["ana", "luis"]
    run.unmatched = ["luis_notas.txt"]
    text = format_run(run)
    assert "ana" in text and "malformada" in text and "SIN ASIGNAR" in text
    md, csv_path = write_run_report(run, tmp_path)
    body = md.read_text(encoding="utf-8")
    assert "luis_notas.txt" in body and "no es JSON / roto" in body
    assert csv_path.read_text(encoding="utf-8").count("\n") == 3
