"""Synthetic, deterministic datasets used as running examples throughout the course.

``make_churn`` builds the bank-customer churn table (no downloads, NumPy + pandas only); the
knobs of ``ChurnConfig`` inject missing values, outliers, covariate drift, concept drift and a
dependence on the sensitive attribute, each one measurable.
"""

from mlops_course.datasets.churn import (
    CHURN_SCHEMA,
    SENSITIVE_ATTRIBUTE,
    TARGET,
    ChurnConfig,
    make_churn,
    make_churn_from_config,
)

__all__ = [
    "CHURN_SCHEMA",
    "SENSITIVE_ATTRIBUTE",
    "TARGET",
    "ChurnConfig",
    "make_churn",
    "make_churn_from_config",
]
