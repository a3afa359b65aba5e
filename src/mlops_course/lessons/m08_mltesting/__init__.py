"""Module 08 (testing for ML): run notebook-written tests, corrupt data, train a model to probe.

- :mod:`~mlops_course.lessons.m08_mltesting.churn_features` is the small module under test;
- :mod:`~mlops_course.lessons.m08_mltesting.suite` exports test functions to a file and runs them,
in a
  child process, against the reference module and buggy variants, with optional coverage;
- :mod:`~mlops_course.lessons.m08_mltesting.corruption` builds corrupted copies of the churn table;
- :mod:`~mlops_course.lessons.m08_mltesting.model` trains the small pipeline the behavioural tests
probe.
"""

from mlops_course.lessons.m08_mltesting.corruption import (
    add_column,
    cast_column,
    corrupted_examples,
    drop_column,
    duplicate_row,
    set_missing,
    set_value,
)
from mlops_course.lessons.m08_mltesting.model import (
    as_churn_dtypes,
    build_churn_pipeline,
    feature_columns,
    minimum_functionality_cases,
    train_churn_model,
)
from mlops_course.lessons.m08_mltesting.suite import (
    REFERENCE,
    SuiteReport,
    VariantResult,
    run_suite,
    variant_source,
    write_project,
    write_test_file,
)
from mlops_course.lessons.m08_mltesting.variants import AGE_BAND_BUGS, SILENT_RATIO_BUG

__all__ = [
    "AGE_BAND_BUGS",
    "REFERENCE",
    "SILENT_RATIO_BUG",
    "SuiteReport",
    "VariantResult",
    "add_column",
    "as_churn_dtypes",
    "build_churn_pipeline",
    "cast_column",
    "corrupted_examples",
    "drop_column",
    "duplicate_row",
    "feature_columns",
    "minimum_functionality_cases",
    "run_suite",
    "set_missing",
    "set_value",
    "train_churn_model",
    "variant_source",
    "write_project",
    "write_test_file",
]
