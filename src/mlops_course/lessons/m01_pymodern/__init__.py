"""Helpers of module 01 (Python moderno para MLOps).

* :mod:`.mypy_runner` — run mypy through its API (``mypy.api.run``) with the cache inside the
  student's workspace, and read its errors as data (:func:`run_mypy`);
* :mod:`.validation` — a Pydantic ``ValidationError`` explained in Spanish
  (:func:`explain_validation_error`);
* :mod:`.packaging_checks` — check a ``pyproject.toml`` (:func:`pyproject_problems`) and import a
  src-layout package in a fresh child process (:func:`import_in_fresh_process`);
* :mod:`.ruff_runner` — run the environment's ruff binary (``ruff check`` with an explicit rule
  selection, ``ruff format --check --diff``) and read its findings as data
  (:func:`run_ruff_check`, :func:`run_ruff_format`);
* :mod:`.fakes` — a flaky feature store and a recording ``sleep`` to test retries without waiting.
"""

from mlops_course.lessons.m01_pymodern.fakes import FlakyFeatureStore, RecordingSleep
from mlops_course.lessons.m01_pymodern.mypy_runner import (
    MypyIssue,
    MypyReport,
    parse_mypy_output,
    run_mypy,
)
from mlops_course.lessons.m01_pymodern.packaging_checks import (
    FreshImport,
    import_in_fresh_process,
    pyproject_problems,
)
from mlops_course.lessons.m01_pymodern.ruff_runner import (
    ML_RULES,
    RuffFinding,
    RuffFormatReport,
    RuffReport,
    find_ruff,
    parse_ruff_json,
    run_ruff_check,
    run_ruff_format,
)
from mlops_course.lessons.m01_pymodern.validation import explain_validation_error

__all__ = [
    "ML_RULES",
    "FlakyFeatureStore",
    "FreshImport",
    "MypyIssue",
    "MypyReport",
    "RecordingSleep",
    "RuffFinding",
    "RuffFormatReport",
    "RuffReport",
    "explain_validation_error",
    "find_ruff",
    "import_in_fresh_process",
    "parse_mypy_output",
    "parse_ruff_json",
    "pyproject_problems",
    "run_mypy",
    "run_ruff_check",
    "run_ruff_format",
]
