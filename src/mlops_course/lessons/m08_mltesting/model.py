"""A small scikit-learn pipeline on the churn data: the model that module 08 tests.

Module 06 builds the course's full pipeline; this one is deliberately small and self-contained
(impute, scale, one-hot, logistic regression) so that the behavioural tests of module 08 have a
fast, deterministic model to probe. ``include_sensitive=True`` adds ``gender`` as a feature: the
model an invariance test should reject.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from mlops_course.lessons.common import SENSITIVE_ATTRIBUTE, TARGET

NUMERIC_FEATURES = (
    "age",
    "tenure_months",
    "balance_eur",
    "estimated_salary_eur",
    "credit_score",
    "has_credit_card",
    "is_active_member",
)
CATEGORICAL_FEATURES = ("region", "num_products")  # two products is the sweet spot: not linear


def feature_columns(include_sensitive: bool = False) -> list[str]:
    """The columns the model reads, in order (``gender`` last when included)."""
    columns = [*NUMERIC_FEATURES, *CATEGORICAL_FEATURES]
    return [*columns, SENSITIVE_ATTRIBUTE] if include_sensitive else columns


def _as_float(frame: pd.DataFrame) -> npt.NDArray[np.float64]:
    """Nullable Int64/boolean columns → float64 with NaN for missing values."""
    return frame.astype("float64").to_numpy()


def _as_object(frame: pd.DataFrame) -> npt.NDArray[np.object_]:
    """Categorical or integer codes → strings, NaN for missing (one-hot treats it as a level)."""
    return frame.astype("object").where(frame.notna(), "desconocido").astype(str).to_numpy()


def build_churn_pipeline(include_sensitive: bool = False) -> Pipeline:
    """An unfitted pipeline: median-impute + scale numbers, one-hot categories, logistic model."""
    categorical = [*CATEGORICAL_FEATURES]
    if include_sensitive:
        categorical.append(SENSITIVE_ATTRIBUTE)
    numeric = make_pipeline(
        FunctionTransformer(_as_float, feature_names_out="one-to-one"),
        SimpleImputer(strategy="median"),
        StandardScaler(),
    )
    one_hot = make_pipeline(
        FunctionTransformer(_as_object, feature_names_out="one-to-one"),
        OneHotEncoder(handle_unknown="ignore"),
    )
    features = ColumnTransformer(
        [("numeric", numeric, list(NUMERIC_FEATURES)), ("categorical", one_hot, categorical)]
    )
    return Pipeline([("features", features), ("model", LogisticRegression(max_iter=1000))])


def train_churn_model(df: pd.DataFrame, include_sensitive: bool = False) -> Any:
    """Fit :func:`build_churn_pipeline` on ``df`` (features of :func:`feature_columns` + target).

    Raises:
        ValueError: if a needed column is missing (all of them are named).
    """
    needed = [*feature_columns(include_sensitive), TARGET]
    missing = [column for column in needed if column not in df.columns]
    if missing:
        raise ValueError(f"Faltan columnas para entrenar: {', '.join(missing)}.")
    pipeline = build_churn_pipeline(include_sensitive)
    return pipeline.fit(df[feature_columns(include_sensitive)], df[TARGET])


def minimum_functionality_cases() -> tuple[pd.DataFrame, npt.NDArray[np.int64]]:
    """Hand-written customers whose outcome any sensible churn model must get right.

    Returns the customers (every column of the churn table except ``customer_id``,
    ``signup_date`` and the target) and the expected labels (1 = leaves).
    """
    loyal = {
        "age": 32,
        "tenure_months": 110,
        "balance_eur": 0.0,
        "num_products": 2,
        "has_credit_card": True,
        "is_active_member": True,
        "estimated_salary_eur": 40_000.0,
        "credit_score": 800,
        "region": "Madrid",
        "gender": "F",
    }
    at_risk = {
        "age": 68,
        "tenure_months": 3,
        "balance_eur": 180_000.0,
        "num_products": 4,
        "has_credit_card": False,
        "is_active_member": False,
        "estimated_salary_eur": 40_000.0,
        "credit_score": 450,
        "region": "País Vasco",
        "gender": "M",
    }
    rows = [
        loyal,
        {**loyal, "gender": "M", "region": "Valencia"},
        {**loyal, "age": 25, "tenure_months": 80},
        at_risk,
        {**at_risk, "gender": "F", "num_products": 3},
        {**at_risk, "age": 75, "credit_score": 400},
    ]
    expected = np.array([0, 0, 0, 1, 1, 1], dtype=np.int64)
    return as_churn_dtypes(pd.DataFrame(rows)), expected


def as_churn_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast hand-written customer rows to the dtypes of ``make_churn`` (for the columns present)."""
    from mlops_course.lessons.common import CHURN_DTYPES
    from mlops_course.lessons.common.churn import GENDERS, REGIONS

    out = frame.copy()
    for column in out.columns:
        dtype = CHURN_DTYPES.get(column)
        if column == "region":
            out[column] = pd.Categorical(out[column], categories=list(REGIONS))
        elif column == SENSITIVE_ATTRIBUTE:
            out[column] = pd.Categorical(out[column], categories=list(GENDERS))
        elif dtype is not None:
            out[column] = out[column].astype(pd.api.types.pandas_dtype(dtype))
    return out
