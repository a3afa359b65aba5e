"""What several modules share: the running example data set and isolated real tools.

``make_churn`` builds the bank-customer churn table (no downloads, NumPy + pandas only); the
knobs of ``ChurnConfig`` inject missing values, outliers, covariate drift, concept drift and a
dependence on the sensitive attribute, each one measurable.

``git`` and ``isolated_env`` run git (and DVC, pre-commit …) offline, isolated from the user's
global configuration.
"""

from mlops_course.lessons.common.churn import (
    CHURN_DTYPES,
    SENSITIVE_ATTRIBUTE,
    TARGET,
    ChurnConfig,
    make_churn,
    make_churn_from_config,
)
from mlops_course.lessons.common.gitenv import git, isolated_env

__all__ = [
    "CHURN_DTYPES",
    "SENSITIVE_ATTRIBUTE",
    "TARGET",
    "ChurnConfig",
    "git",
    "isolated_env",
    "make_churn",
    "make_churn_from_config",
]
