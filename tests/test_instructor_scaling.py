"""The grading scaling figures run end to end and print a table (times shown, never asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.machinery.cli import main
from mlops_course.machinery.instructor.scaling import ScalingRow, format_scaling


def test_table_and_ratios() -> None:
    row = ScalingRow("00_indice", 30, 2, 100.0, 55.0, 44.0, True, 50.0)
    assert row.speedup == pytest.approx(100 / 55)
    assert row.overhead == pytest.approx(55 / 44)
    assert row.sandbox_overhead == pytest.approx(0.10)
    table = format_scaling([row])
    assert "1.82×" in table and "1.25×" in table and "calif/pm ≤ 1.5×" in table
    assert "+10.0%" in table and "sandbox ≤ +10 %" in table
    assert ScalingRow("x", 1, 1, 1.0, 0.0, 0.0, False).speedup == 0.0
    assert ScalingRow("x", 1, 1, 1.0, 0.0, 0.0, False).sandbox_overhead == 0.0
    assert format_scaling([]).count("\n") == 1


@pytest.mark.slow
def test_scaling_grades_a_small_cohort(
    built_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--root", str(built_demo), "grade-scaling", "--module", "99_demo",
                 "--students", "2", "--workers", "2"])  # fmt: skip
    out = capsys.readouterr().out
    print(out)
    assert code == 0, out
    assert "99_demo" in out and "TOTAL" in out and " sí" in out
