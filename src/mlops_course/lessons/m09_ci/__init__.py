"""Module 09 (GitHub Actions): lint workflows with real tools, expand matrices, run steps locally.

- :mod:`.linters` runs actionlint (with shellcheck), check-jsonschema's vendored GitHub-workflow
  schema and zizmor ``--offline`` on a workflow and returns typed findings;
- :mod:`.matrix` expands a ``strategy.matrix`` with GitHub's include/exclude semantics;
- :mod:`.cachekey` builds a dependency-cache key from a lock file's bytes;
- :mod:`.runner` executes the ``run:`` steps of one job locally, in the project, step by step;
- :mod:`.cost` bills CI minutes with GitHub's published per-minute prices (``assets/``).
"""

from mlops_course.lessons.m09_ci.cachekey import cache_key, restore_keys
from mlops_course.lessons.m09_ci.cost import RunnerPrices, billed_minutes, load_prices, monthly_cost
from mlops_course.lessons.m09_ci.linters import Finding, lint_workflow
from mlops_course.lessons.m09_ci.matrix import expand_matrix
from mlops_course.lessons.m09_ci.runner import StepRun, load_workflow, run_job

__all__ = [
    "Finding",
    "RunnerPrices",
    "StepRun",
    "billed_minutes",
    "cache_key",
    "expand_matrix",
    "lint_workflow",
    "load_prices",
    "load_workflow",
    "monthly_cost",
    "restore_keys",
    "run_job",
]
