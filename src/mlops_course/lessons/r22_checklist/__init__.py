"""Resource 22 (Checklist): the final verification list, read from the course's own data.

The items come from ``assets/roadmap.yaml`` (each module's deliverable) and module 17's checker
(:data:`~mlops_course.lessons.m17_capstone.criteria.CRITERIA`); their status, from the checker's
JSON report when it is still fresh and from a fast inspection of the student's workspace
otherwise (layer files, exported ADRs, exercise progress).
"""

from mlops_course.lessons.r22_checklist.checker_report import (
    REPORT_DIR,
    CheckerReport,
    CriterionResult,
    Freshness,
    ProjectChanges,
    freshness,
    load_checker_report,
    parse_checked_at,
    project_changes,
    read_report,
    report_path,
    stale_reasons,
)
from mlops_course.lessons.r22_checklist.inspection import (
    STATES,
    ItemStatus,
    as_records,
    criteria_results,
    exercise_progress,
    exported_adrs,
    inspect,
    layer_paths,
    missing_layer_files,
)
from mlops_course.lessons.r22_checklist.items import ChecklistItem, checklist_items, item_by_id
from mlops_course.lessons.r22_checklist.view import (
    ALL,
    ChecklistBrowser,
    checklist_html,
    filter_statuses,
    summary,
)

__all__ = [
    "ALL",
    "REPORT_DIR",
    "STATES",
    "CheckerReport",
    "ChecklistBrowser",
    "ChecklistItem",
    "CriterionResult",
    "Freshness",
    "ItemStatus",
    "ProjectChanges",
    "as_records",
    "checklist_html",
    "checklist_items",
    "criteria_results",
    "exercise_progress",
    "exported_adrs",
    "filter_statuses",
    "freshness",
    "inspect",
    "item_by_id",
    "layer_paths",
    "load_checker_report",
    "missing_layer_files",
    "parse_checked_at",
    "project_changes",
    "read_report",
    "report_path",
    "stale_reasons",
    "summary",
]
