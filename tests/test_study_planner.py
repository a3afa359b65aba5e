"""Tests of the study-planner view: pure HTML rendering, error paths and the live widget.

The plan rule is the package's :func:`mlops_course.machinery.roadmap.study_plan` (module 00 shows
it with the widget); its own behaviour is tested here too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from mlops_course.machinery.roadmap import Roadmap, load_roadmap, study_plan
from mlops_course.machinery.widgets import (
    UNSOLVED_MESSAGE,
    PlanFormatError,
    StudyPlanner,
    normalize_plan,
    plan_html,
    render_error_html,
    render_plan_html,
    study_planner,
)

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def roadmap() -> Roadmap:
    return load_roadmap()


def bars(page: str) -> list[int]:
    """Number of filled week marks in each bar of a rendered plan."""
    return [len(m) for m in re.findall(r"<span[^>]*>(█+)</span>", page)]


# --- the reference rule itself (so the view is tested against realistic plans) ------------------


def test_reference_plan_reproduces_the_seed_calendar(roadmap: Roadmap) -> None:
    plan = study_plan(roadmap.reference_hours_per_week, roadmap)
    assert [(e["start_week"], e["end_week"]) for e in plan] == [
        (p.week_start, p.week_end) for p in roadmap.phases
    ]


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (5.4, [(1, 3), (4, 7), (8, 10), (11, 12), (13, 14), (15, 18), (19, 20)]),
        (6.5, [(1, 3), (4, 6), (7, 9), (10, 10), (11, 12), (13, 15), (16, 17)]),
        (7, [(1, 3), (4, 5), (6, 8), (9, 10), (11, 12), (13, 14), (15, 16)]),
        (80, [(1, 3), (4, 5), (6, 8), (9, 10), (11, 12), (13, 14), (15, 16)]),
    ],
)
def test_plan_spreads_the_cumulative_effort(
    roadmap: Roadmap, hours: float, expected: list[tuple[int, int]]
) -> None:
    assert [(e["start_week"], e["end_week"]) for e in study_plan(hours, roadmap)] == expected


def test_plan_rounds_ties_up_and_reads_any_roadmap(roadmap: Roadmap) -> None:
    first, second = roadmap.phases[:2]
    mini = dataclasses.replace(
        roadmap,
        reference_hours_per_week=10,
        phases=(
            dataclasses.replace(first, week_start=1, week_end=1),
            dataclasses.replace(second, week_start=2, week_end=4),
        ),
        min_total_weeks=4,
        max_total_weeks=10,
    )
    # T = 10 and phase 1 ends at 10 * 10 / 40 = 2.5 -> 3 (round() would give 2).
    assert [(e["start_week"], e["end_week"]) for e in study_plan(4, mini)] == [(1, 3), (4, 10)]
    with pytest.raises(ValueError, match=r"al menos 4 h/semana"):
        study_plan(3.9, mini)


@pytest.mark.parametrize("hours", [0, -1, 80.5, math.nan, math.inf])
def test_plan_rejects_impossible_hours(roadmap: Roadmap, hours: float) -> None:
    with pytest.raises(ValueError, match="weekly_hours"):
        study_plan(hours, roadmap)


@pytest.mark.parametrize("hours", [True, "10", None])
def test_plan_rejects_non_numbers(roadmap: Roadmap, hours: Any) -> None:
    with pytest.raises(TypeError, match="weekly_hours"):
        study_plan(hours, roadmap)


def test_plan_says_how_many_hours_the_course_needs(roadmap: Roadmap) -> None:
    with pytest.raises(ValueError, match=r"al menos 6 h/semana"):
        study_plan(5.39, roadmap)
    assert study_plan(5.4, roadmap)[-1]["end_week"] == roadmap.max_total_weeks


# --- pure rendering ------------------------------------------------------------------------------


def test_render_shows_every_phase_and_its_weeks(roadmap: Roadmap) -> None:
    pace = roadmap.reference_hours_per_week
    assert pace == 6
    page = render_plan_html(study_plan(pace, roadmap), pace)
    for phase in roadmap.phases:
        assert phase.name in page
    assert "18 semanas" in page
    assert "≈ 108 h" in page
    assert bars(page) == [3, 3, 3, 2, 2, 3, 2]
    assert "1–3 (3)" in page
    assert "18 h" in page


def test_render_pads_bars_to_the_horizon(roadmap: Roadmap) -> None:
    page = render_plan_html(study_plan(7, roadmap), 7, horizon_weeks=20)
    assert "Calendario (semanas 1–20)" in page
    for row in re.findall(r"<code>(.*?)</code>", page):
        visible = re.sub(r"<[^>]+>", "", row)
        assert len(visible) == 20


def test_render_with_start_date_adds_calendar_dates(roadmap: Roadmap) -> None:
    page = render_plan_html(study_plan(6, roadmap), 6, start_date=dt.date(2026, 1, 5))
    assert "<th" in page and "Fechas" in page
    assert "05/01/2026 – 25/01/2026" in page  # phase 1: weeks 1-3
    assert "terminas hacia el 10/05/2026" in page  # 18 weeks after 5 January, minus one day


def test_render_escapes_names() -> None:
    plan = [{"phase": 1, "name": "<script>x</script>", "start_week": 1, "end_week": 2}]
    page = render_plan_html(plan, 10)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_render_fractional_hours() -> None:
    plan = [{"phase": 1, "name": "A", "start_week": 1, "end_week": 2}]
    page = render_plan_html(plan, 9.5)
    assert "9.5 h/semana" in page
    assert "19 h" in page


@pytest.mark.parametrize(
    ("plan", "fragment"),
    [
        ("no soy una lista", "lista de diccionarios"),
        (None, "ha devuelto NoneType"),
        ([], "lista vacía"),
        ([("fase", 1)], "debe ser un diccionario"),
        ([{"phase": 1, "name": "A", "start_week": 1}], "end_week"),
        ([{"phase": 1, "name": "A", "start_week": True, "end_week": 2}], "'start_week'"),
        ([{"phase": 1, "name": "A", "start_week": 1.0, "end_week": 2}], "debe ser un entero"),
        ([{"phase": 1, "name": 7, "start_week": 1, "end_week": 2}], "'name'"),
        ([{"phase": 1, "name": "A", "start_week": 3, "end_week": 2}], "intervalo válido"),
        ([{"phase": 1, "name": "A", "start_week": 0, "end_week": 2}], "intervalo válido"),
    ],
)
def test_malformed_plans_are_explained(plan: object, fragment: str) -> None:
    with pytest.raises(PlanFormatError, match=re.escape(fragment)):
        normalize_plan(plan)


def test_error_box_escapes_the_message() -> None:
    page = render_error_html("a < b")
    assert "a &lt; b" in page
    assert "No hay plan que mostrar" in page


# --- calling the plan function safely -------------------------------------------------------------


def test_plan_html_with_a_working_function(roadmap: Roadmap) -> None:
    page = plan_html(study_plan, 5.4, roadmap)
    assert "20 semanas" in page
    assert "Calendario (semanas 1–20)" in page


def test_a_plan_function_not_written_yet_is_explained(roadmap: Roadmap) -> None:
    def unsolved(weekly_hours: float, roadmap: Roadmap) -> Sequence[Mapping[str, Any]]:
        raise NotImplementedError()

    assert UNSOLVED_MESSAGE == "La función de plan todavía no está implementada."
    assert UNSOLVED_MESSAGE in plan_html(unsolved, 10, roadmap)


def test_student_errors_are_shown_not_raised(roadmap: Roadmap) -> None:
    page = plan_html(study_plan, 2.5, roadmap)
    assert "ValueError" in page
    assert "al menos 6 h/semana" in page


def test_unexpected_exceptions_are_shown(roadmap: Roadmap) -> None:
    def broken(weekly_hours: float, roadmap: Roadmap) -> Sequence[Mapping[str, Any]]:
        raise KeyError("x")

    assert "KeyError" in plan_html(broken, 10, roadmap)


def test_wrong_shape_is_explained(roadmap: Roadmap) -> None:
    def wrong(weekly_hours: float, roadmap: Roadmap) -> Any:
        return {"phase": 1}

    assert "lista de diccionarios" in plan_html(wrong, 10, roadmap)


# --- the widget -----------------------------------------------------------------------------------


class FakePlan:
    """A plan function that records its calls and returns one phase as long as the hours."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, weekly_hours: float, roadmap: Roadmap) -> list[dict[str, Any]]:
        self.calls.append(weekly_hours)
        weeks = int(weekly_hours)
        return [{"phase": 1, "name": "Fase falsa", "start_week": 1, "end_week": weeks}]


def test_widget_renders_on_construction(roadmap: Roadmap) -> None:
    fake = FakePlan()
    planner = StudyPlanner(fake, roadmap, weekly_hours=10)
    assert fake.calls == [10.0]
    assert "Fase falsa" in planner.output.value
    assert planner.hours.value == 10
    assert planner.start.value is None


def test_widget_updates_when_the_slider_moves(roadmap: Roadmap) -> None:
    fake = FakePlan()
    planner = StudyPlanner(fake, roadmap, weekly_hours=10)
    before = planner.output.value
    planner.hours.value = 14.0
    assert fake.calls[-1] == 14.0
    assert planner.output.value != before
    assert bars(planner.output.value) == [14]
    assert "14 h/semana" in planner.output.value


def test_widget_updates_when_the_date_changes(roadmap: Roadmap) -> None:
    planner = StudyPlanner(study_plan, roadmap)
    planner.start.value = dt.date(2026, 2, 2)
    assert "02/02/2026" in planner.output.value


def test_widget_shows_student_errors(roadmap: Roadmap) -> None:
    planner = StudyPlanner(study_plan, roadmap, weekly_hours=6)
    planner.hours.value = 2.0
    assert "al menos 6 h/semana" in planner.output.value
    planner.hours.value = 6.0
    assert "18 semanas" in planner.output.value


def test_widget_clamps_the_initial_hours(roadmap: Roadmap) -> None:
    planner = StudyPlanner(FakePlan(), roadmap, weekly_hours=500)
    assert planner.hours.value == 80


def test_mime_bundle_has_a_static_fallback(roadmap: Roadmap) -> None:
    planner = StudyPlanner(study_plan, roadmap, weekly_hours=6)
    bundle = planner._repr_mimebundle_()
    assert WIDGET_MIME in bundle
    assert "18 semanas" in bundle["text/html"]
    assert "Planificador" in bundle["text/plain"]
    planner.hours.value = 12.0
    # The static fallback keeps the plan of the initial hours.
    assert planner._repr_mimebundle_()["text/html"] == bundle["text/html"]


def test_unsolved_widget_still_builds(roadmap: Roadmap) -> None:
    def unsolved(weekly_hours: float, roadmap: Roadmap) -> Sequence[Mapping[str, Any]]:
        raise NotImplementedError()

    planner = study_planner(unsolved, roadmap)
    assert UNSOLVED_MESSAGE in planner.static_html


def test_study_planner_loads_the_default_roadmap() -> None:
    planner = study_planner()
    assert planner.roadmap == load_roadmap()
    # The default hours are the course's pace, read from the same data file as the estimates.
    assert planner.hours.value == load_roadmap().reference_hours_per_week
    assert "18 semanas" in planner.static_html
