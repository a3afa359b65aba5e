"""Resource 20 (Plan de estudios): the week-by-week syllabus from ``assets/roadmap.yaml``.

The same data as the modules' headers and the study planner of module 00; exported as Markdown,
and (by the student) as an iCalendar file checked with the ``icalendar`` parser.
"""

from mlops_course.lessons.r20_plan.export import ics_problems, syllabus_markdown
from mlops_course.lessons.r20_plan.syllabus import (
    Slot,
    Week,
    course_syllabus,
    module_minutes,
    phase_weeks,
)
from mlops_course.lessons.r20_plan.view import SyllabusPlanner, syllabus_html

__all__ = [
    "Slot",
    "SyllabusPlanner",
    "Week",
    "course_syllabus",
    "ics_problems",
    "module_minutes",
    "phase_weeks",
    "syllabus_html",
    "syllabus_markdown",
]
