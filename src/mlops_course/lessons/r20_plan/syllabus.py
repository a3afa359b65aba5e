"""The week-by-week syllabus, computed from ``assets/roadmap.yaml`` (the modules' time estimates,
the same numbers as each module's header, and the phases of the seed).

Each phase starts on a new week; its modules fill weeks of ``weekly_hours`` in course order, a
module that does not fit in what is left of a week continuing in the next one. At the course's
pace (``reference_effort.hours_per_week``) every phase takes exactly its seed weeks (the roadmap's
own tests check that the estimates fit them), so the syllabus is the seed's calendar, module by
module. Resources (18-23) are reference material outside the calendar.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from mlops_course.machinery.roadmap import MAX_WEEKLY_HOURS, Roadmap


@dataclass(frozen=True)
class Slot:
    """Part (or all) of one module's estimate studied in one week."""

    number: str
    slug: str
    title: str
    minutes: int
    planned: bool
    """True when the module is not written yet (its estimate is a budget, not a measure)."""


@dataclass(frozen=True)
class Week:
    """One week of the syllabus: its number (1-based), phase and slots."""

    number: int
    phase: int
    phase_name: str
    slots: tuple[Slot, ...]

    @property
    def minutes(self) -> int:
        """Minutes of study this week."""
        return sum(slot.minutes for slot in self.slots)

    def start(self, first_monday: dt.date) -> dt.date:
        """The week's first day when week 1 starts on ``first_monday``."""
        return first_monday + dt.timedelta(weeks=self.number - 1)


def course_syllabus(roadmap: Roadmap, weekly_hours: float | None = None) -> list[Week]:
    """The weeks of the course at ``weekly_hours`` (default: the course's pace).

    Raises:
        TypeError: if ``weekly_hours`` is not a number.
        ValueError: if it is not in (0, 80] or no module fits a week's minutes.
    """
    hours = roadmap.reference_hours_per_week if weekly_hours is None else weekly_hours
    if isinstance(hours, bool) or not isinstance(hours, int | float):
        raise TypeError(f"weekly_hours debe ser un número de horas, no {type(hours).__name__}.")
    if not math.isfinite(hours) or not 0 < hours <= MAX_WEEKLY_HOURS:
        raise ValueError(f"weekly_hours debe estar entre 0 (excluido) y {MAX_WEEKLY_HOURS}.")
    budget = round(hours * 60)
    if budget <= 0:
        raise ValueError("Con menos de un minuto por semana no hay plan posible.")
    weeks: list[Week] = []
    for phase in roadmap.phases:
        current: list[Slot] = []
        used = 0
        for module in phase.modules:
            left = module.estimate.minutes
            while left > 0:
                if used == budget:
                    weeks.append(Week(len(weeks) + 1, phase.number, phase.name, tuple(current)))
                    current, used = [], 0
                part = min(left, budget - used)
                current.append(
                    Slot(module.number, module.slug, module.title, part,
                         module.estimate.status == "planned")
                )  # fmt: skip
                used += part
                left -= part
        if current:
            weeks.append(Week(len(weeks) + 1, phase.number, phase.name, tuple(current)))
    return weeks


def phase_weeks(weeks: list[Week]) -> dict[int, tuple[int, int]]:
    """First and last week of each phase in ``weeks``."""
    spans: dict[int, tuple[int, int]] = {}
    for week in weeks:
        first = spans.get(week.phase, (week.number, week.number))[0]
        spans[week.phase] = (first, week.number)
    return spans


def module_minutes(weeks: list[Week]) -> dict[str, int]:
    """Minutes each module gets across the syllabus (its estimate, split or not)."""
    totals: dict[str, int] = {}
    for week in weeks:
        for slot in week.slots:
            totals[slot.slug] = totals.get(slot.slug, 0) + slot.minutes
    return totals
