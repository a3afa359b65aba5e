"""Fairness of the churn model on the generator's sensitive attribute (``gender``), with fairlearn.

The dataset comes from :func:`mlops_course.lessons.common.churn.make_churn` with
``sensitive_bias`` > 0, so that churn depends on ``gender`` directly. Two models are compared:
the project's choice (``gender`` left out, "unaware") and a tempting one that adds ``gender``
because it raises the value of the campaign ("aware"). fairlearn measures both per group
(:class:`~fairlearn.metrics.MetricFrame`) and mitigates with a post-processing
:class:`~fairlearn.postprocessing.ThresholdOptimizer`; each option is priced with module 00's
business numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd
from fairlearn.metrics import (  # type: ignore[import-untyped]
    MetricFrame,
    demographic_parity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from fairlearn.postprocessing import ThresholdOptimizer  # type: ignore[import-untyped]
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from mlops_course.lessons.common.churn import SENSITIVE_ATTRIBUTE, TARGET, make_churn
from mlops_course.lessons.m06_pipelines.churn_columns import (
    CATEGORICAL_FEATURES,
    FLAG_FEATURES,
    NUMERIC_FEATURES,
)

CUSTOMER_VALUE_EUR: Final = 180.0  # module 00: margin of a retained customer over 12 months
CONTACT_COST_EUR: Final = 6.0  # module 00: cost of contacting one customer
CAMPAIGN_SUCCESS: Final = 0.20  # module 00: share of contacted leavers who stay
DECISION_THRESHOLD: Final = 0.2  # score above which a customer gets the retention offer
RATE_COLUMNS: Final = ("selection_rate", "tpr", "fpr", "count")


def _as_array(values: Any, name: str) -> np.ndarray:
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValueError(f"{name} debe ser una secuencia de una dimensión.")
    return array


def check_inputs(y_true: Any, y_pred: Any, sensitive: Any) -> tuple[np.ndarray, ...]:
    """The three inputs as arrays, after the checks every fairness function needs.

    Raises:
        ValueError: lengths differ, the inputs are empty, or a label is not 0/1.
    """
    arrays = (
        _as_array(y_true, "y_true"),
        _as_array(y_pred, "y_pred"),
        _as_array(sensitive, "sensitive"),
    )
    lengths = {len(array) for array in arrays}
    if len(lengths) != 1:
        raise ValueError(
            f"y_true, y_pred y sensitive deben tener el mismo largo; tienen {lengths}."
        )
    if not arrays[0].size:
        raise ValueError("No hay ninguna predicción que medir.")
    for name, array in zip(("y_true", "y_pred"), arrays[:2], strict=True):
        if not set(pd.unique(array).tolist()) <= {0, 1}:
            raise ValueError(f"{name} solo puede tener etiquetas 0 y 1.")
    return arrays


def metric_frame(y_true: Any, y_pred: Any, sensitive: Any) -> MetricFrame:
    """fairlearn's MetricFrame with selection rate, TPR, FPR and count per group."""
    truth, predicted, groups = check_inputs(y_true, y_pred, sensitive)
    return MetricFrame(
        metrics={
            "selection_rate": selection_rate,
            "tpr": true_positive_rate,
            "fpr": false_positive_rate,
            "count": lambda y_t, y_p: len(y_t),
        },
        y_true=truth,
        y_pred=predicted,
        sensitive_features=pd.Series(groups, name=SENSITIVE_ATTRIBUTE),
    )


def group_rates(y_true: Any, y_pred: Any, sensitive: Any) -> pd.DataFrame:
    """Selection rate, TPR, FPR and count per group (fairlearn's ``by_group``)."""
    frame = metric_frame(y_true, y_pred, sensitive).by_group
    result = pd.DataFrame(frame)[list(RATE_COLUMNS)].astype(float)
    result["count"] = result["count"].astype(int)
    return result


def fairness_gaps(y_true: Any, y_pred: Any, sensitive: Any) -> dict[str, float]:
    """fairlearn's demographic parity and equalized odds differences (0 is perfectly even)."""
    truth, predicted, groups = check_inputs(y_true, y_pred, sensitive)
    return {
        "demographic_parity_difference": float(
            demographic_parity_difference(truth, predicted, sensitive_features=groups)
        ),
        "equalized_odds_difference": float(
            equalized_odds_difference(truth, predicted, sensitive_features=groups)
        ),
    }


def campaign_value_eur(
    y_true: Any,
    y_pred: Any,
    *,
    customer_value: float = CUSTOMER_VALUE_EUR,
    contact_cost: float = CONTACT_COST_EUR,
    success: float = CAMPAIGN_SUCCESS,
) -> float:
    """Net value of contacting every predicted leaver (module 00's assumptions), in euros."""
    truth = np.asarray(y_true).astype(int)
    predicted = np.asarray(y_pred).astype(int)
    true_positives = int(((predicted == 1) & (truth == 1)).sum())
    contacted = int(predicted.sum())
    return float(true_positives * success * customer_value - contacted * contact_cost)


@dataclass(frozen=True)
class FairnessData:
    """A biased churn dataset split in train and test, with the model inputs ready."""

    x_train: pd.DataFrame
    x_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series
    bias: float

    @property
    def groups_train(self) -> pd.Series:
        return self.x_train[SENSITIVE_ATTRIBUTE]

    @property
    def groups_test(self) -> pd.Series:
        return self.x_test[SENSITIVE_ATTRIBUTE]


def model_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The model's inputs plus ``gender``, with plain dtypes (floats and strings)."""
    columns = [*NUMERIC_FEATURES, *FLAG_FEATURES, *CATEGORICAL_FEATURES, SENSITIVE_ATTRIBUTE]
    inputs = frame[columns].copy()
    for column in (*NUMERIC_FEATURES, *FLAG_FEATURES):
        inputs[column] = inputs[column].astype("float64")
    for column in (*CATEGORICAL_FEATURES, SENSITIVE_ATTRIBUTE):
        inputs[column] = inputs[column].astype(str)
    return inputs


def biased_data(n_rows: int = 2000, seed: int = 42, bias: float = 1.0) -> FairnessData:
    """``make_churn`` with ``sensitive_bias=bias``, split 50/50 (stratified)."""
    frame = make_churn(n_rows, seed, sensitive_bias=bias)
    x_train, x_test, y_train, y_test = train_test_split(
        model_frame(frame),
        frame[TARGET],
        test_size=0.5,
        random_state=seed,
        stratify=frame[TARGET],
    )
    return FairnessData(x_train, x_test, y_train, y_test, bias)


def build_model(use_gender: bool) -> Pipeline:
    """A logistic regression on the churn features; ``use_gender`` adds the sensitive attribute."""
    categorical = [*CATEGORICAL_FEATURES, *([SENSITIVE_ATTRIBUTE] if use_gender else [])]
    numeric = [*NUMERIC_FEATURES, *FLAG_FEATURES]
    columns = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(), StandardScaler()), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ]
    )
    return make_pipeline(columns, LogisticRegression(max_iter=1000))


def predict_offer(model: Pipeline, x: pd.DataFrame, threshold: float = DECISION_THRESHOLD) -> Any:
    """1 for the customers who get the retention offer (score at or above ``threshold``)."""
    return (model.predict_proba(x)[:, 1] >= threshold).astype(int)


def candidate_row(name: str, data: FairnessData, y_pred: Any) -> dict[str, Any]:
    """One option of the mitigation table: accuracy, fairness gaps and value."""
    gaps = fairness_gaps(data.y_test, y_pred, data.groups_test)
    return {
        "name": name,
        "accuracy": round(float((np.asarray(y_pred) == data.y_test.to_numpy()).mean()), 4),
        "dp_difference": round(gaps["demographic_parity_difference"], 4),
        "eo_difference": round(gaps["equalized_odds_difference"], 4),
        "value_eur": round(campaign_value_eur(data.y_test, y_pred), 2),
    }


def mitigation_candidates(data: FairnessData, seed: int = 0) -> pd.DataFrame:
    """The options the team weighs: unaware, aware, and aware + ThresholdOptimizer (2 constraints).

    ThresholdOptimizer (post-processing) picks one threshold per group on the training split so
    that the constraint holds there; its predictions are randomised at the boundary, hence
    ``random_state``.
    """
    rows = []
    models = {"sin gender": build_model(False), "con gender": build_model(True)}
    for name, model in models.items():
        model.fit(data.x_train, data.y_train)
        rows.append(candidate_row(name, data, predict_offer(model, data.x_test)))
    aware = models["con gender"]
    for constraint in ("demographic_parity", "equalized_odds"):
        optimizer = ThresholdOptimizer(
            estimator=aware,
            constraints=constraint,
            objective="balanced_accuracy_score",
            prefit=True,
            predict_method="predict_proba",
        )
        optimizer.fit(data.x_train, data.y_train, sensitive_features=data.groups_train)
        predicted = optimizer.predict(
            data.x_test, sensitive_features=data.groups_test, random_state=seed
        )
        rows.append(
            candidate_row(f"con gender + ThresholdOptimizer({constraint})", data, predicted)
        )
    return pd.DataFrame(rows)


def _check_limit(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
    if not 0 <= value <= 1:
        raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")
    return float(value)


def choose_mitigation(
    candidates: Sequence[dict[str, Any]] | pd.DataFrame,
    max_dp_difference: float,
    max_eo_difference: float | None = None,
) -> str:
    """The name of the most valuable option that meets the fairness limits (reference answer).

    Ties in value go to the smaller equalized odds difference.

    Raises:
        ValueError: a limit outside [0, 1], or no option meets them (naming the best achievable).
    """
    dp_limit = _check_limit("max_dp_difference", max_dp_difference)
    eo_limit = (
        None if max_eo_difference is None else _check_limit("max_eo_difference", max_eo_difference)
    )
    rows: list[dict[str, Any]] = (
        [{str(key): value for key, value in row.items()} for row in candidates.to_dict("records")]
        if isinstance(candidates, pd.DataFrame)
        else [dict(row) for row in candidates]
    )
    allowed = [
        row
        for row in rows
        if row["dp_difference"] <= dp_limit
        and (eo_limit is None or row["eo_difference"] <= eo_limit)
    ]
    if not allowed:
        best = min(rows, key=lambda row: row["dp_difference"])
        raise ValueError(
            f"Ninguna opción cumple los límites; la más equitativa, {best['name']!r}, tiene "
            f"dp_difference={best['dp_difference']}. No despliegues ninguna: revisa el límite o "
            "las opciones con el equipo."
        )
    chosen = max(allowed, key=lambda row: (row["value_eur"], -row["eo_difference"]))
    return str(chosen["name"])
