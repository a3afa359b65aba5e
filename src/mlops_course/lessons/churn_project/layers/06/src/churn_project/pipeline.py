"""El modelo de churn: un pipeline de scikit-learn y el umbral que minimiza el costo de negocio.

El pipeline hace TODO el preprocesado dentro (imputar, escalar, codificar), así que entrena y
predice con la tabla tal como la deja el contrato de datos. ``gender`` queda fuera a propósito:
es el atributo sensible (módulo 16); ``customer_id`` y ``signup_date`` no son features.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, confusion_matrix, make_scorer, roc_auc_score
from sklearn.model_selection import (
    FixedThresholdClassifier,
    StratifiedKFold,
    TunedThresholdClassifierCV,
)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from churn_project.contract import FLAGS, RANGES, TARGET

NUMERIC_FEATURES: Final = tuple(RANGES)
FLAG_FEATURES: Final = FLAGS
CATEGORICAL_FEATURES: Final = ("region",)
MODEL_FEATURES: Final = NUMERIC_FEATURES + FLAG_FEATURES + CATEGORICAL_FEATURES
TRUSTED_TYPES: Final = ("numpy.dtype",)
"""Tipos que skops no conoce y que revisamos: ``numpy.dtype`` describe el tipo de un array, no
ejecuta nada. Un tipo nuevo en el modelo exige revisarlo y añadirlo aquí (módulo 06)."""


def build_pipeline(C: float = 1.0) -> Pipeline:
    """Pipeline sin entrenar: preprocesado por tipo de columna + regresión logística."""
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    flags = SimpleImputer(strategy="most_frequent")
    categorical = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    preprocess = ColumnTransformer(
        [
            ("num", numeric, list(NUMERIC_FEATURES)),
            ("flags", flags, list(FLAG_FEATURES)),
            ("cat", categorical, list(CATEGORICAL_FEATURES)),
        ]
    )
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])


def model_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """Las columnas que lee el modelo, con tipos que scikit-learn entiende (nulos como NaN)."""
    inputs = frame[list(MODEL_FEATURES)].copy()
    for column in NUMERIC_FEATURES:
        inputs[column] = inputs[column].astype("float64")
    for column in FLAG_FEATURES:
        inputs[column] = inputs[column].astype("float64")
    for column in CATEGORICAL_FEATURES:
        inputs[column] = inputs[column].astype(object).where(inputs[column].notna(), np.nan)
    return inputs


def business_cost(
    y_true: pd.Series | np.ndarray,
    y_pred: pd.Series | np.ndarray,
    *,
    cost_false_positive_eur: float,
    cost_false_negative_eur: float,
) -> float:
    """Costo medio por cliente, en euros, de los errores de ``y_pred``."""
    _, fp, fn, _ = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    total = fp * cost_false_positive_eur + fn * cost_false_negative_eur
    return float(total / len(y_true))


def tune_threshold(
    pipeline: Pipeline,
    *,
    cost_false_positive_eur: float,
    cost_false_negative_eur: float,
    cv_folds: int,
    seed: int,
) -> TunedThresholdClassifierCV:
    """El pipeline con el umbral que minimiza el costo, elegido por validación cruzada."""
    scorer = make_scorer(
        business_cost,
        greater_is_better=False,
        cost_false_positive_eur=cost_false_positive_eur,
        cost_false_negative_eur=cost_false_negative_eur,
    )
    return TunedThresholdClassifierCV(
        pipeline,
        scoring=scorer,
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )


def fit_and_evaluate(
    params: dict[str, Any], train: pd.DataFrame, test: pd.DataFrame
) -> tuple[FixedThresholdClassifier, dict[str, float]]:
    """Entrena con ``train`` (sección ``train`` de params.yaml), fija el umbral de menor costo y
    evalúa en ``test``: el modelo con su umbral y sus métricas (ROC AUC, Brier, umbral y costo
    por cliente con ese umbral y con 0,5)."""
    costs = {
        "cost_false_positive_eur": float(params["cost_false_positive_eur"]),
        "cost_false_negative_eur": float(params["cost_false_negative_eur"]),
    }
    tuned = tune_threshold(
        build_pipeline(C=float(params["C"])),
        cv_folds=int(params["cv_folds"]),
        seed=int(params["seed"]),
        **costs,
    ).fit(model_inputs(train), train[TARGET])
    threshold = float(tuned.best_threshold_)
    model = FixedThresholdClassifier(tuned.estimator_, threshold=threshold)
    model.fit(model_inputs(train), train[TARGET])  # sets classes_; the estimator is refitted
    x_test, y_test = model_inputs(test), test[TARGET]
    proba = model.predict_proba(x_test)[:, 1]
    at_half = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": round(float(roc_auc_score(y_test, proba)), 4),
        "brier": round(float(brier_score_loss(y_test, proba)), 4),
        "threshold": round(threshold, 4),
        "cost_per_customer_eur": round(business_cost(y_test, model.predict(x_test), **costs), 4),
        "cost_per_customer_eur_at_0_5": round(business_cost(y_test, at_half, **costs), 4),
    }
    return model, metrics


def load_model(path: Path) -> FixedThresholdClassifier:
    """Carga el modelo guardado con skops aceptando solo los tipos revisados.

    Raises:
        ValueError: si el archivo trae un tipo que nadie revisó (no se carga nada).
    """
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except zipfile.BadZipFile as err:
        raise ValueError(f"{path} no es un archivo skops (¿un pickle?): no se carga.") from err
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise ValueError(
            f"{path} trae tipos sin revisar: {unexpected}. Revísalos antes de añadirlos a "
            "TRUSTED_TYPES; hasta entonces, no se carga."
        )
    model = sio.load(path, trusted=untrusted)
    if not isinstance(model, FixedThresholdClassifier):
        raise ValueError(f"{path} no contiene el modelo con umbral que guarda la etapa train.")
    return model
