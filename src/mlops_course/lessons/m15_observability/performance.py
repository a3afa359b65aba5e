"""Performance decay once labels arrive: a small churn model and its campaign confusion counts.

The same model shape as the course's baseline (standardized numbers, one-hot categories,
logistic regression): fitted on the reference window it plays the *stale* model; fitted on a
labelled production window, the *fresh* one. The campaign contacts the top ``budget`` share of
customers by predicted probability (module 02: 10 % of the portfolio).
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from mlops_course.lessons.common.churn import TARGET

NUMERIC: Final = (
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "estimated_salary_eur",
    "credit_score",
)
CATEGORICAL: Final = ("region", "has_credit_card", "is_active_member")
BUDGET: Final = 0.10


def _inputs(frame: pd.DataFrame) -> pd.DataFrame:
    data = frame[list(NUMERIC + CATEGORICAL)].copy()
    for column in NUMERIC:
        data[column] = data[column].astype(float)
    for column in CATEGORICAL:
        data[column] = data[column].astype(str)
    return data


def quick_model(train: pd.DataFrame) -> Any:
    """A fitted logistic-regression pipeline on ``train`` (features and ``churned``)."""
    model = Pipeline(
        [
            (
                "prep",
                ColumnTransformer(
                    [
                        ("num", StandardScaler(), list(NUMERIC)),
                        ("cat", OneHotEncoder(handle_unknown="ignore"), list(CATEGORICAL)),
                    ]
                ),
            ),
            ("clf", LogisticRegression(max_iter=1000)),
        ]
    )
    return model.fit(_inputs(train), train[TARGET].to_numpy())


def scores(model: Any, frame: pd.DataFrame) -> np.ndarray[Any, np.dtype[np.float64]]:
    """P(churn) for every row of ``frame``."""
    result: np.ndarray[Any, np.dtype[np.float64]] = model.predict_proba(_inputs(frame))[:, 1]
    return result


def auc(model: Any, frame: pd.DataFrame) -> float:
    """ROC AUC of ``model`` on the labelled ``frame``."""
    return float(roc_auc_score(frame[TARGET].to_numpy(), scores(model, frame)))


def campaign_counts(model: Any, frame: pd.DataFrame, budget: float = BUDGET) -> dict[str, int]:
    """True and false positives when the campaign calls the top ``budget`` share by score."""
    if not 0 < budget <= 1:
        raise ValueError(f"budget debe estar en (0, 1], no {budget!r}.")
    called = max(1, round(budget * len(frame)))
    order = np.argsort(-scores(model, frame), kind="stable")[:called]
    churned = frame[TARGET].to_numpy()[order]
    tp = int(churned.sum())
    return {"tp": tp, "fp": called - tp}
