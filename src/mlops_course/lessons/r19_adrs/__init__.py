"""Resource 19 (ADRs y decisiones): the course's ADRs collected from the notebooks' sources.

The catalog reads ``content/adrs.yaml`` and the ADR blocks of every module source (never a copy),
the student's exported ADRs from the workspace, and shows them in a filterable view.
"""

from mlops_course.lessons.r19_adrs.catalog import (
    TOOLS,
    CourseAdr,
    StudentAdr,
    content_dir,
    course_adrs,
    student_adrs,
    tools_in,
)
from mlops_course.lessons.r19_adrs.sections import SECTIONS, missing_sections, split_sections
from mlops_course.lessons.r19_adrs.view import (
    ALL,
    AdrBrowser,
    adrs_html,
    filter_adrs,
    student_adrs_html,
)

__all__ = [
    "ALL",
    "SECTIONS",
    "TOOLS",
    "AdrBrowser",
    "CourseAdr",
    "StudentAdr",
    "adrs_html",
    "content_dir",
    "course_adrs",
    "filter_adrs",
    "missing_sections",
    "split_sections",
    "student_adrs",
    "student_adrs_html",
    "tools_in",
]
