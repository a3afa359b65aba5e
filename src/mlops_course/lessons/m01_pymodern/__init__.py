"""Helpers of module 01 (Python moderno para MLOps).

* :mod:`.mypy_runner` — run mypy through its API (``mypy.api.run``) with the cache inside the
  student's workspace, and read its errors as data (:func:`run_mypy`);
* :mod:`.validation` — a Pydantic ``ValidationError`` explained in Spanish
  (:func:`explain_validation_error`);
* :mod:`.packaging_checks` — check a ``pyproject.toml`` (:func:`pyproject_problems`) and import a
  src-layout package in a fresh child process (:func:`import_in_fresh_process`);
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
from mlops_course.lessons.m01_pymodern.validation import explain_validation_error

__all__ = [
    "FlakyFeatureStore",
    "FreshImport",
    "MypyIssue",
    "MypyReport",
    "RecordingSleep",
    "explain_validation_error",
    "import_in_fresh_process",
    "parse_mypy_output",
    "pyproject_problems",
    "run_mypy",
]
