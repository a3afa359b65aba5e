"""Every real module, end to end: lossless text source, nbgrader validate, papermill, grading.

These tests run the real tools (jupytext, nbgrader, papermill) on the committed notebooks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.notebook import JUPYTEXT_CELL_KEYS
from mlops_course.machinery.execute import execute_all, format_table
from mlops_course.machinery.grading.harness import format_report, run_harness
from mlops_course.machinery.procenv import tool_env

REPO = Path(__file__).resolve().parents[1]
MODULES = [m.slug for m in discover_modules(REPO / "content")]


def test_there_are_modules() -> None:
    assert "00_indice" in MODULES


@pytest.mark.parametrize("slug", MODULES)
def test_text_source_round_trip_is_lossless(slug: str) -> None:
    """text → ipynb → text gives back the same text, and the built source keeps every cell."""
    path = REPO / "content" / slug / f"{slug}.py"
    text = path.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent")
    assert jupytext.writes(nb, fmt="py:percent") == text, (
        f"{path}: jupytext no reproduce el texto; ajusta las líneas en blanco entre celdas"
    )
    built = nbformat.read(REPO / "source" / slug / f"{slug}.ipynb", as_version=4)
    assert len(built.cells) == len(nb.cells)
    for ours, theirs in zip(built.cells, nb.cells, strict=True):
        assert ours.source == theirs.source
        expected = {k: v for k, v in theirs.metadata.items() if k not in JUPYTEXT_CELL_KEYS}
        assert dict(ours.metadata) == expected


def _validate(path: Path, invert: bool, tmp_path: Path) -> str:
    args = [sys.executable, "-m", "nbgrader", "validate", str(path)]
    if invert:
        args.insert(4, "--invert")
    env = tool_env(MLOPS_WORKSPACE=str(tmp_path / "ws"))
    proc = subprocess.run(
        args, cwd=path.parent, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    return proc.stdout


@pytest.mark.slow
@pytest.mark.parametrize("slug", MODULES)
def test_nbgrader_validate_source_passes(slug: str, tmp_path: Path) -> None:
    out = _validate(REPO / "source" / slug / f"{slug}.ipynb", invert=False, tmp_path=tmp_path)
    assert "Success! Your notebook passes all the tests." in out, out[-3000:]


@pytest.mark.slow
@pytest.mark.parametrize("slug", MODULES)
def test_nbgrader_validate_invert_release_passes(slug: str, tmp_path: Path) -> None:
    out = _validate(REPO / "notebooks" / slug / f"{slug}.ipynb", invert=True, tmp_path=tmp_path)
    assert "Success! The notebook does not pass any tests." in out, out[-3000:]


@pytest.mark.slow
def test_solutions_execute_with_papermill(tmp_path: Path) -> None:
    results = execute_all(REPO, out_dir=tmp_path / "executed", workers=2, timeout=120)
    print("\n" + format_table(results))
    assert [r.module for r in results] == MODULES
    bad = [r for r in results if r.status != "ok"]
    assert not bad, format_table(bad)
    assert (tmp_path / "executed" / "benchmark.json").is_file()


@pytest.mark.slow
def test_grading_harness_cohort(tmp_path: Path) -> None:
    outcome = run_harness(REPO, workdir=tmp_path, cell_timeout=20)
    report = format_report(outcome)
    print("\n" + report)
    cases = {(row.module, row.case) for row in outcome.rows}
    for slug in MODULES:
        for case in "abcdefgh":
            assert (slug, case) in cases, f"{slug}: falta el caso ({case}) del arnés"
    assert outcome.ok, report


@pytest.mark.parametrize("slug", MODULES)
def test_every_exercise_has_at_least_two_mutants(slug: str) -> None:
    """Mutants prove that an exercise's tests discriminate: two per autograded answer cell."""
    from mlops_course.machinery.build.mutants import parse_mutants
    from mlops_course.machinery.grading.cohort import answer_cell_ids

    source = nbformat.read(REPO / "source" / slug / f"{slug}.ipynb", as_version=4)
    mutants = parse_mutants(REPO / "content" / slug / "mutants.py")
    for cell in answer_cell_ids(source):
        count = sum(m.cell == cell for m in mutants)
        assert count >= 2, f"{slug}: el ejercicio '{cell}' tiene {count} mutantes; necesita 2"
