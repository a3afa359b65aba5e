"""Time estimates: assets/roadmap.yaml is the one source of module hours (issue 13).

Checks the data (every module has an entry, phases fit the seed's weeks at the course's pace), the
build's header check (passes on the repository, fails on a synthetic disagreeing module) and that
module 00 and the study planner read the same numbers.
"""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.timing import (
    format_duration,
    header_line,
    parse_duration,
    source_timing_problems,
    timing_problems,
)
from mlops_course.machinery.roadmap import Estimate, Roadmap, load_roadmap

REPO_ROOT = Path(__file__).resolve().parents[1]
CONTENT = REPO_ROOT / "content"
SEED_PHASE_WEEKS = {
    1: (1, 3),
    2: (4, 6),
    3: (7, 9),
    4: (10, 11),
    5: (12, 13),
    6: (14, 16),
    7: (17, 18),
}


@pytest.fixture(scope="module")
def roadmap() -> Roadmap:
    return load_roadmap()


def test_every_module_in_content_has_an_estimate(roadmap: Roadmap) -> None:
    entries = [*roadmap.modules, *roadmap.resources]
    slugs = {entry.slug for entry in entries}
    written = [module.slug for module in discover_modules(CONTENT)]
    assert written, "no modules found"
    assert set(written) <= slugs
    for entry in entries:
        expected = "measured" if entry.slug in written else "planned"
        assert entry.estimate.status == expected, entry.slug


def test_modules_and_resources_numbered_00_to_23(roadmap: Roadmap) -> None:
    numbers = [m.number for m in roadmap.modules] + [r.number for r in roadmap.resources]
    assert numbers == [f"{n:02d}" for n in range(24)]


def test_splits_sum_to_totals(roadmap: Roadmap) -> None:
    for module in roadmap.modules:
        e = module.estimate
        assert e.minutes == e.reading + e.exercises + e.written > 0
        assert math.isclose(e.hours * 60, e.minutes)
    for phase in roadmap.phases:
        assert math.isclose(phase.hours * 60, sum(m.estimate.minutes for m in phase.modules))


def test_phases_match_the_seed(roadmap: Roadmap) -> None:
    assert {p.number: (p.week_start, p.week_end) for p in roadmap.phases} == SEED_PHASE_WEEKS
    assert roadmap.seed_total_weeks == 18
    assert (roadmap.min_total_weeks, roadmap.max_total_weeks) == (16, 20)


def test_each_phase_fits_its_seed_weeks_at_the_course_pace(roadmap: Roadmap) -> None:
    """Sum of module hours per phase, at the pace, needs exactly the seed's weeks."""
    pace = roadmap.reference_hours_per_week
    for phase in roadmap.phases:
        assert math.ceil(phase.hours / pace) == phase.seed_weeks, (
            f"fase {phase.number}: {phase.hours:.1f} h a {pace} h/semana no ocupa "
            f"{phase.seed_weeks} semanas"
        )
    assert roadmap.estimated_hours / pace <= roadmap.seed_total_weeks


def test_module_00_figures_come_from_the_data(roadmap: Roadmap) -> None:
    text = (CONTENT / "00_indice" / "00_indice.py").read_text(encoding="utf-8")
    pace = roadmap.reference_hours_per_week
    effort = roadmap.seed_total_weeks * pace
    assert f"**{pace} horas de estudio por semana**" in text
    assert f"(`H` = {effort} h)" in text
    assert f"study_plan({pace}, roadmap)   →  semanas (inicio, fin): (1,3)" in text
    assert "ROADMAP.reference_hours_per_week" in text  # the planner starts at the data's pace
    assert "p.hours" in text  # the effort table shows the modules' estimated hours per phase


# --- durations and the header check ----------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"), [(45, "45 min"), (180, "3 h"), (185, "3 h 05 min"), (250, "4 h 10 min")]
)
def test_durations_round_trip(minutes: int, text: str) -> None:
    assert format_duration(minutes) == text
    assert parse_duration(text) == minutes


def test_parse_duration_rejects_other_text() -> None:
    assert parse_duration("un rato") is None
    assert parse_duration("") is None


def test_header_check_passes_on_the_repository() -> None:
    assert timing_problems(CONTENT) == []


ESTIMATE = Estimate(reading=60, exercises=90, written=30, status="measured")


def module_text(header: str, marks: list[str]) -> str:
    lines = ["# %% [markdown]", "# # Módulo", "#", header, "#"]
    for mark in marks:
        lines += ["# %% [markdown]", f"# ⏱ *Tiempo estimado hasta aquí: {mark}.*"]
    return "\n".join(lines) + "\n"


def test_synthetic_module_that_agrees_passes() -> None:
    text = module_text(header_line(ESTIMATE), ["30 min", "2 h 10 min", "3 h"])
    assert source_timing_problems("m.py", text, ESTIMATE) == []


def test_synthetic_module_with_a_different_header_fails() -> None:
    header = (
        "# | **Tiempo estimado** | ≈ 4 h: lectura y demos 100 min, ejercicios 120 min, "
        "respuesta escrita y entregable 20 min |"
    )
    problems = source_timing_problems("m.py", module_text(header, []), ESTIMATE)
    assert len(problems) == 1
    assert "≈ 3 h: lectura y demos 60 min" in problems[0]


def test_missing_header_fails() -> None:
    problems = source_timing_problems("m.py", module_text("# sin cabecera", []), ESTIMATE)
    assert problems and "tiene 0" in problems[0]


def test_last_mark_beyond_the_total_fails() -> None:
    text = module_text(header_line(ESTIMATE), ["1 h", "3 h 05 min"])
    problems = source_timing_problems("m.py", text, ESTIMATE)
    assert problems == [
        "m.py: la última marca «hasta aquí» (3 h 05 min) supera el total del módulo (3 h)."
    ]


def test_decreasing_mark_fails() -> None:
    text = module_text(header_line(ESTIMATE), ["2 h", "1 h"])
    assert any("menor que la anterior" in p for p in source_timing_problems("m.py", text, ESTIMATE))


def test_timing_problems_on_a_copied_module_that_disagrees(
    tmp_path: Path, roadmap: Roadmap
) -> None:
    slug = "00_indice"
    target = tmp_path / slug
    target.mkdir()
    source = (CONTENT / slug / f"{slug}.py").read_text(encoding="utf-8")
    old = header_line(roadmap.modules[0].estimate)
    (target / f"{slug}.py").write_text(
        source.replace(old, re.sub(r"≈ [^:]+:", "≈ 1 h:", old)), encoding="utf-8"
    )
    shutil.copy(CONTENT / slug / "ci_parameters.yaml", target / "ci_parameters.yaml")
    problems = timing_problems(tmp_path, roadmap=roadmap)
    assert len(problems) == 1 and "00_indice.py" in problems[0]
