"""The syllabus as Markdown, and the checks that an iCalendar export must pass.

The ``.ics`` file itself is written by the student (resource 20, Exercise 2); :func:`ics_problems`
reads it back with the ``icalendar`` parser and says, in Spanish, what a calendar application
would get wrong.
"""

from __future__ import annotations

import datetime as dt

import icalendar

from mlops_course.lessons.r20_plan.syllabus import Week
from mlops_course.machinery.build.timing import format_duration


def syllabus_markdown(weeks: list[Week], first_monday: dt.date | None = None) -> str:
    """One table row per week: dates (with ``first_monday``), phase, modules and minutes."""
    lines = [
        "# Plan de estudios · Guía MLOps v5.0 — Senior Edition",
        "",
        f"{len(weeks)} semanas, {format_duration(sum(w.minutes for w in weeks))} de estudio.",
        "",
        "| Semana | Fechas | Fase | Módulos (minutos) | Total |",
        "|---|---|---|---|---|",
    ]
    for week in weeks:
        if first_monday is None:
            dates = "—"
        else:
            start = week.start(first_monday)
            dates = f"{start:%d/%m} – {start + dt.timedelta(days=6):%d/%m/%Y}"
        modules = "; ".join(
            f"{s.number} {s.title} ({s.minutes} min{', presupuesto' if s.planned else ''})"
            for s in week.slots
        )
        lines.append(
            f"| {week.number} | {dates} | {week.phase} · {week.phase_name} | {modules} | "
            f"{format_duration(week.minutes)} |"
        )
    return "\n".join(lines) + "\n"


def ics_problems(data: bytes, expected_weeks: int) -> list[str]:
    """What is wrong with an iCalendar export of ``expected_weeks`` weeks (empty: nothing)."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        return [f"El archivo no es iCalendar válido: {exc}"]
    problems: list[str] = []
    if str(calendar.get("VERSION", "")) != "2.0" or "PRODID" not in calendar:
        problems.append("El VCALENDAR necesita VERSION:2.0 y PRODID (RFC 5545, sección 3.6).")
    events = list(calendar.walk("VEVENT"))
    if len(events) != expected_weeks:
        problems.append(f"Hay {len(events)} eventos y el plan tiene {expected_weeks} semanas.")
    uids = [str(event.get("UID", "")) for event in events]
    if "" in uids or len(set(uids)) != len(uids):
        problems.append("Cada VEVENT necesita un UID propio (sin él, reimportar duplica).")
    for event in events:
        label = str(event.get("SUMMARY", "(sin SUMMARY)"))
        if "DTSTAMP" not in event:
            problems.append(f"«{label}»: falta DTSTAMP (obligatorio en RFC 5545).")
        start = event.decoded("DTSTART") if "DTSTART" in event else None
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            problems.append(f"«{label}»: DTSTART debe ser una fecha de día completo.")
    return problems
