"""The scale benchmark runs end to end and prints its table (times are shown, never asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.machinery.cli import main
from mlops_course.machinery.instructor.benchmark import BenchRow, format_bench


def test_table_and_ratios() -> None:
    row = BenchRow("00_indice", 30, 2, 100.0, 55.0, 44.0, True)
    assert row.speedup == pytest.approx(100 / 55)
    assert row.overhead == pytest.approx(55 / 44)
    table = format_bench([row])
    assert "1.82×" in table and "1.25×" in table and "objetivo ≤ 1.5×" in table
    assert BenchRow("x", 1, 1, 1.0, 0.0, 0.0, False).speedup == 0.0
    assert format_bench([]).count("\n") == 1


@pytest.mark.slow
def test_benchmark_grades_a_small_cohort(
    built_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--root", str(built_demo), "grade-benchmark", "--module", "99_demo",
                 "--students", "2", "--workers", "2"])  # fmt: skip
    out = capsys.readouterr().out
    print(out)
    assert code == 0, out
    assert "99_demo" in out and "TOTAL" in out and " sí" in out
