"""Module 17 (Proyecto integrador): the automatic checker of a student's ``churn-project/``.

:func:`~.checker.check_project` runs every deliverable's real check of modules 05-16 (DVC,
MLflow, the project's tests and coverage, ruff and mypy, the workflow linters, hadolint, the API
on 127.0.0.1, the deployment ADR, Terraform, the Kubernetes manifests, …) and returns a rubric
with a score per criterion and, for each miss, the reason in Spanish and where it is taught;
:mod:`.report` writes it as JSON and HTML. ``python -m mlops_course.lessons.m17_capstone
<carpeta>`` is the same for the command line.
"""

from mlops_course.lessons.m17_capstone.checker import check_project
from mlops_course.lessons.m17_capstone.criteria import CRITERIA, Criterion, Outcome, Report

__all__ = ["CRITERIA", "Criterion", "Outcome", "Report", "check_project"]
