"""Resource 20's lesson package: the week-by-week syllabus agrees with the seed's phase weeks and
with every written module's header, exports Markdown, and checks iCalendar files."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import icalendar
import pytest

from mlops_course.lessons.r20_plan import (
    SyllabusPlanner,
    course_syllabus,
    ics_problems,
    module_minutes,
    phase_weeks,
    syllabus_html,
    syllabus_markdown,
)
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.timing import HEADER, parse_duration
from mlops_course.machinery.roadmap import Roadmap, load_roadmap


@pytest.fixture(scope="module")
def roadmap() -> Roadmap:
    return load_roadmap()


def test_at_the_course_pace_each_phase_takes_its_seed_weeks(roadmap: Roadmap) -> None:
    weeks = course_syllabus(roadmap)
    assert phase_weeks(weeks) == {p.number: (p.week_start, p.week_end) for p in roadmap.phases}
    budget = roadmap.reference_hours_per_week * 60
    assert all(week.minutes <= budget for week in weeks)
    assert [w.number for w in weeks] == list(range(1, len(weeks) + 1))


def test_the_plan_agrees_with_every_written_module_header(
    repo_root: Path, roadmap: Roadmap
) -> None:
    """The check that fails when a module's header and the plan disagree: the plan gives each
    written module exactly the minutes its «Tiempo estimado» row announces."""
    minutes = module_minutes(course_syllabus(roadmap))
    calendar_slugs = {m.slug for m in roadmap.modules}
    checked = 0
    for module in discover_modules(repo_root / "content"):
        if module.slug not in calendar_slugs:
            continue  # resources are outside the calendar
        header = HEADER.search(module.text_source.read_text(encoding="utf-8"))
        assert header, f"{module.slug}: falta la fila «Tiempo estimado» de la cabecera"
        total = parse_duration(header["text"].removeprefix("≈ ").split(":")[0])
        assert minutes[module.slug] == total, (
            f"{module.slug}: la cabecera dice {total} min y el plan de estudios le da "
            f"{minutes[module.slug]} min"
        )
        checked += 1
    assert checked >= 15


def test_planned_modules_are_marked_and_resources_are_outside(roadmap: Roadmap) -> None:
    weeks = course_syllabus(roadmap)
    slots = [slot for week in weeks for slot in week.slots]
    planned = {m.slug for m in roadmap.modules if m.estimate.status == "planned"}
    assert {s.slug for s in slots if s.planned} == planned
    assert not {s.slug for s in slots} & {r.slug for r in roadmap.resources}


def weeks_at(roadmap: Roadmap, hours: float) -> int:
    """Each phase starts a new week and fills whole weeks: the expected length at ``hours``."""
    return sum(
        math.ceil(sum(m.estimate.minutes for m in phase.modules) / (hours * 60))
        for phase in roadmap.phases
    )


def test_other_paces_and_bad_input(roadmap: Roadmap) -> None:
    assert len(course_syllabus(roadmap, 5)) == weeks_at(roadmap, 5) > weeks_at(roadmap, 6)
    assert len(course_syllabus(roadmap, 12)) < len(course_syllabus(roadmap, 6))
    with pytest.raises(TypeError):
        course_syllabus(roadmap, True)
    with pytest.raises(ValueError, match="entre 0"):
        course_syllabus(roadmap, 0)
    with pytest.raises(ValueError, match="entre 0"):
        course_syllabus(roadmap, 81)


def test_markdown_and_html(roadmap: Roadmap) -> None:
    weeks = course_syllabus(roadmap)
    text = syllabus_markdown(weeks, dt.date(2027, 1, 4))
    assert "| 1 | 04/01 – 10/01/2027 |" in text and text.count("\n| ") == len(weeks) + 1
    planned = any(m.estimate.status == "planned" for m in roadmap.modules)
    assert ("presupuesto" in text) == planned, "los módulos sin escribir se marcan como presupuesto"
    page = syllabus_html(course_syllabus(roadmap, 4), roadmap, None)
    assert "fuera de las 16–20 semanas" in page and "sube" in page
    assert "fuera de" not in syllabus_html(weeks, roadmap, dt.date(2027, 1, 4))
    planner = SyllabusPlanner(roadmap, dt.date(2027, 1, 4))
    planner.hours.value = 4.0
    assert f"{weeks_at(roadmap, 4)} semanas" in planner.output.value
    assert "18 semanas" in planner._repr_mimebundle_()["text/html"]


def _calendar(*events: icalendar.Event) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//prueba//ES")
    calendar.add("version", "2.0")
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _event(uid: str, start: dt.date, stamp: bool = True) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstart", start)
    event.add("summary", f"Semana {uid}")
    if stamp:
        event.add("dtstamp", dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    return event


def test_ics_problems_reads_with_the_real_parser() -> None:
    good = _calendar(_event("1", dt.date(2027, 1, 4)), _event("2", dt.date(2027, 1, 11)))
    assert ics_problems(good, 2) == []
    assert "Hay 2 eventos" in ics_problems(good, 3)[0]
    twin = _calendar(_event("1", dt.date(2027, 1, 4)), _event("1", dt.date(2027, 1, 11)))
    assert any("UID propio" in p for p in ics_problems(twin, 2))
    timed = _calendar(_event("1", dt.datetime(2027, 1, 4, 0, 0), stamp=False))
    problems = ics_problems(timed, 1)
    assert any("DTSTAMP" in p for p in problems) and any("día completo" in p for p in problems)
    assert ics_problems(b"esto no es un calendario", 1)[0].startswith("El archivo no es")
