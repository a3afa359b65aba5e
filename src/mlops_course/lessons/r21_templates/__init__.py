"""Resource 21 · Plantillas: the course's templates, derived from the churn project's layers.

* :mod:`.names` — one project name → its project, package and service forms, validated;
* :mod:`.registry` — which template, which module, which tool, which layer file is its source;
* :mod:`.checks` — one checker per tool, reusing the modules' own functions;
* :mod:`.view` — the widget: a project name and a template → rendered files and verdict.
"""

from mlops_course.lessons.r21_templates.checks import Verdict, check, check_files, run_checker
from mlops_course.lessons.r21_templates.names import REFERENCE, NameForms, name_forms
from mlops_course.lessons.r21_templates.registry import (
    KNOWN_KINDS,
    NOT_TEMPLATES,
    TEMPLATES,
    Template,
    by_key,
    project_files,
    render,
    source_layers,
    substitute,
    uncovered_files,
)
from mlops_course.lessons.r21_templates.view import TemplateBrowser, rendered_html, templates_html

__all__ = [
    "KNOWN_KINDS",
    "NOT_TEMPLATES",
    "REFERENCE",
    "TEMPLATES",
    "NameForms",
    "Template",
    "TemplateBrowser",
    "Verdict",
    "by_key",
    "check",
    "check_files",
    "name_forms",
    "project_files",
    "render",
    "rendered_html",
    "run_checker",
    "source_layers",
    "substitute",
    "templates_html",
    "uncovered_files",
]
