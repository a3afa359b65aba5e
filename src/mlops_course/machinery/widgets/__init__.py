"""Thin interactive views (ipywidgets) over pure, tested functions.

Each view takes its logic from outside (a function of the course package or the student's own
exercise solution), renders with a pure ``... -> str`` HTML function that is unit-tested without a
kernel, and carries a static HTML fallback for viewers without a live kernel.
"""

from mlops_course.machinery.widgets.study_planner import (
    PLAN_KEYS,
    UNSOLVED_MESSAGE,
    PlanFormatError,
    PlanFunction,
    PlanRow,
    StudyPlanner,
    normalize_plan,
    plan_html,
    render_error_html,
    render_plan_html,
    study_planner,
)

__all__ = [
    "PLAN_KEYS",
    "UNSOLVED_MESSAGE",
    "PlanFormatError",
    "PlanFunction",
    "PlanRow",
    "StudyPlanner",
    "normalize_plan",
    "plan_html",
    "render_error_html",
    "render_plan_html",
    "study_planner",
]
