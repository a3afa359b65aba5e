"""Tests of the study-planner view: pure HTML rendering, error paths and the live widget.

The reference ``study_plan`` below mirrors the rule of module 00, exercise 3. It lives here, not in
the package, because students can import the package.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from mlops_course.machinery.roadmap import Roadmap, load_roadmap
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


def reference_study_plan(weekly_hours: float, roadmap: Roadmap) -> list[dict[str, Any]]:
    """Module 00, exercise 3: fit the phases into ``weekly_hours`` (reference answer)."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, int | float):
        raise TypeError("weekly_hours debe ser un número.")
    if not math.isfinite(weekly_hours) or not 0 < weekly_hours <= 80:
        raise ValueError("weekly_hours debe estar en (0, 80].")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"Hacen falta al menos {needed} h/semana.")
    plan: list[dict[str, Any]] = []
    start, cumulative = 1, 0
    for phase, effort in zip(roadmap.phases, efforts, strict=True):
        cumulative += effort
        end = math.floor(weeks * cumulative / total + 0.5)
        plan.append(
            {"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end}
        )
        start = end + 1
    return plan


@pytest.fixture(scope="module")
def roadmap() -> Roadmap:
    return load_roadmap()


def bars(page: str) -> list[int]:
    """Number of filled week marks in each bar of a rendered plan."""
    return [len(m) for m in re.findall(r"<span[^>]*>(█+)</span>", page)]


# --- the reference rule itself (so the view is tested against realistic plans) ------------------


def test_reference_plan_reproduces_the_seed_calendar(roadmap: Roadmap) -> None:
    plan = reference_study_plan(roadmap.reference_hours_per_week, roadmap)
    assert [(e["start_week"], e["end_week"]) for e in plan] == [
        (p.week_start, p.week_end) for p in roadmap.phases
    ]


# --- pure rendering ------------------------------------------------------------------------------


def test_render_shows_every_phase_and_its_weeks(roadmap: Roadmap) -> None:
    pace = roadmap.reference_hours_per_week
    assert pace == 5
    page = render_plan_html(reference_study_plan(pace, roadmap), pace)
    for phase in roadmap.phases:
        assert phase.name in page
    assert "18 semanas" in page
    assert "≈ 90 h" in page
    assert bars(page) == [3, 3, 3, 2, 2, 3, 2]
    assert "1–3 (3)" in page
    assert "15 h" in page


def test_render_pads_bars_to_the_horizon(roadmap: Roadmap) -> None:
    page = render_plan_html(reference_study_plan(6, roadmap), 6, horizon_weeks=20)
    assert "Calendario (semanas 1–20)" in page
    for row in re.findall(r"<code>(.*?)</code>", page):
        visible = re.sub(r"<[^>]+>", "", row)
        assert len(visible) == 20


def test_render_with_start_date_adds_calendar_dates(roadmap: Roadmap) -> None:
    page = render_plan_html(reference_study_plan(5, roadmap), 5, start_date=dt.date(2026, 1, 5))
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
    page = plan_html(reference_study_plan, 4.5, roadmap)
    assert "20 semanas" in page
    assert "Calendario (semanas 1–20)" in page


def test_unsolved_exercise_asks_to_solve_it(roadmap: Roadmap) -> None:
    def unsolved(weekly_hours: float, roadmap: Roadmap) -> Sequence[Mapping[str, Any]]:
        raise NotImplementedError()

    assert UNSOLVED_MESSAGE == "Resuelve el ejercicio 3 para ver tu plan."
    assert UNSOLVED_MESSAGE in plan_html(unsolved, 10, roadmap)


def test_student_errors_are_shown_not_raised(roadmap: Roadmap) -> None:
    page = plan_html(reference_study_plan, 2.5, roadmap)
    assert "ValueError" in page
    assert "al menos 5 h/semana" in page


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
    planner = StudyPlanner(reference_study_plan, roadmap)
    planner.start.value = dt.date(2026, 2, 2)
    assert "02/02/2026" in planner.output.value


def test_widget_shows_student_errors(roadmap: Roadmap) -> None:
    planner = StudyPlanner(reference_study_plan, roadmap, weekly_hours=5)
    planner.hours.value = 2.0
    assert "al menos 5 h/semana" in planner.output.value
    planner.hours.value = 5.0
    assert "18 semanas" in planner.output.value


def test_widget_clamps_the_initial_hours(roadmap: Roadmap) -> None:
    planner = StudyPlanner(FakePlan(), roadmap, weekly_hours=500)
    assert planner.hours.value == 80


def test_mime_bundle_has_a_static_fallback(roadmap: Roadmap) -> None:
    planner = StudyPlanner(reference_study_plan, roadmap, weekly_hours=5)
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
    planner = study_planner(reference_study_plan)
    assert planner.roadmap == load_roadmap()
    # The default hours are the course's pace, read from the same data file as the estimates.
    assert planner.hours.value == load_roadmap().reference_hours_per_week
    assert "18 semanas" in planner.static_html
