"""Resource 23 (Recursos): the annotated bibliography and courses from ``assets/resources.yaml``."""

from mlops_course.lessons.r23_resources.catalog import (
    KINDS,
    LEVELS,
    Entry,
    ResourcesError,
    as_records,
    load_resources,
    parse_resources,
)
from mlops_course.lessons.r23_resources.view import (
    ALL,
    ResourceBrowser,
    entries_html,
    filter_entries,
)

__all__ = [
    "ALL",
    "KINDS",
    "LEVELS",
    "Entry",
    "ResourceBrowser",
    "ResourcesError",
    "as_records",
    "entries_html",
    "filter_entries",
    "load_resources",
    "parse_resources",
]
