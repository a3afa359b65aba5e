"""El modelo de churn: un pipeline de scikit-learn y el umbral que minimiza el costo de negocio.

El pipeline hace TODO el preprocesado dentro (imputar, recortar extremos, escalar, codificar), así
que entrena y predice con la tabla tal como la deja el contrato de datos. ``gender`` queda fuera a
propósito: es el atributo sensible (módulo 16); ``customer_id`` y ``signup_date`` no son features.

El archivo tiene tres partes: esta cabecera fija (importaciones y constantes), ``QuantileClipper``
y ``build_churn_pipeline``, que escribes tú en los Ejercicios 1 y 2 del módulo 06, y el final fijo
(``build_pipeline``, el umbral por costo, la evaluación y la carga segura del modelo).
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Sequence
from numbers import Real
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, confusion_matrix, make_scorer, roc_auc_score
from sklearn.model_selection import (
    FixedThresholdClassifier,
    StratifiedKFold,
    TunedThresholdClassifierCV,
)
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler
from sklearn.utils.validation import check_is_fitted, validate_data

from churn_project.contract import FLAGS, RANGES, TARGET

NUMERIC_FEATURES: Final = tuple(RANGES)
FLAG_FEATURES: Final = FLAGS
CATEGORICAL_FEATURES: Final = ("region",)
MODEL_FEATURES: Final = NUMERIC_FEATURES + FLAG_FEATURES + CATEGORICAL_FEATURES
TRUSTED_TYPES: Final = (
    "churn_project.pipeline.QuantileClipper",
    "numpy.dtype",
    "scipy._lib.array_api_compat.numpy._aliases.asarray",
    "scipy.interpolate._bsplines.BSpline",
)
"""Tipos que skops no conoce y que revisamos (módulo 06): ``QuantileClipper`` es nuestro, de este
archivo; ``numpy.dtype`` describe el tipo de un array; ``BSpline`` (SciPy) guarda las bases de
``SplineTransformer`` y ``asarray`` (SciPy) convierte sus coeficientes en un array. Ninguno ejecuta
nada al cargarse. Un tipo nuevo en el modelo exige revisarlo y añadirlo aquí: es la única lista de
tipos de confianza del proyecto."""


class QuantileClipper(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Recorta cada columna al intervalo [cuantil inferior, cuantil superior] aprendido en fit."""

    def __init__(self, lower_quantile: float = 0.01, upper_quantile: float = 0.99) -> None:
        self.lower_quantile = lower_quantile
        self.upper_quantile = upper_quantile

    def fit(self, X: Any, y: Any = None) -> QuantileClipper:
        """Valida los parámetros y aprende los límites de cada columna."""
        for name in ("lower_quantile", "upper_quantile"):
            value: Any = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Real):
                raise TypeError(
                    f"{name} debe ser un número real entre 0 y 1, no {type(value).__name__}."
                )
            if not 0.0 <= float(value) <= 1.0:  # también descarta nan
                raise ValueError(f"{name} debe estar entre 0 y 1 (ambos incluidos); es {value}.")
        if self.lower_quantile >= self.upper_quantile:
            raise ValueError(
                f"lower_quantile ({self.lower_quantile}) debe ser menor que upper_quantile "
                f"({self.upper_quantile})."
            )
        X = validate_data(self, X)
        self.lower_bounds_ = np.quantile(X, self.lower_quantile, axis=0)
        self.upper_bounds_ = np.quantile(X, self.upper_quantile, axis=0)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Recorta X a los límites aprendidos en fit."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        clipped: np.ndarray = np.clip(X, self.lower_bounds_, self.upper_bounds_)
        return clipped

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Nombres de las columnas de salida: los mismos que los de entrada."""
        check_is_fitted(self)
        if input_features is None:
            if hasattr(self, "feature_names_in_"):
                return np.asarray(self.feature_names_in_, dtype=object)
            return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
        names = np.asarray(input_features, dtype=object)
        if len(names) != self.n_features_in_:
            raise ValueError(
                f"input_features tiene {len(names)} nombres y el transformer se entrenó con "
                f"{self.n_features_in_} columnas."
            )
        if hasattr(self, "feature_names_in_") and not np.array_equal(names, self.feature_names_in_):
            raise ValueError("input_features no coincide con las columnas vistas en fit.")
        return names


def build_churn_pipeline(
    numeric_features: Sequence[str],
    flag_features: Sequence[str],
    categorical_features: Sequence[str],
    C: float = 1.0,
) -> Pipeline:
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    groups = {
        "numeric_features": numeric_features,
        "flag_features": flag_features,
        "categorical_features": categorical_features,
    }
    seen: set[str] = set()
    for name, columns in groups.items():
        if not isinstance(columns, (list, tuple)):
            raise TypeError(
                f"{name} debe ser una lista o tupla de nombres de columna, no "
                f"{type(columns).__name__}."
            )
        for column in columns:
            if not isinstance(column, str):
                raise TypeError(f"{name} contiene {column!r}: los nombres de columna son str.")
            if column in seen:
                raise ValueError(f"La columna '{column}' aparece más de una vez.")
            seen.add(column)
    if not seen:
        raise ValueError("El pipeline necesita al menos una columna de entrada.")
    if not isinstance(C, Real):
        raise TypeError(f"C debe ser un número real mayor que 0, no {type(C).__name__}.")
    if not (math.isfinite(C) and C > 0):
        raise ValueError(f"C debe ser un número finito mayor que 0; es {C}.")
    numeric = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("clip", QuantileClipper()),
            (
                "features",
                FeatureUnion(
                    [
                        ("scaled", StandardScaler()),
                        ("splines", SplineTransformer(n_knots=5, degree=3)),
                    ]
                ),
            ),
        ]
    )
    categorical = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    preprocess = ColumnTransformer(
        [
            ("num", numeric, list(numeric_features)),
            ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
            ("cat", categorical, list(categorical_features)),
        ]
    )
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])


def build_pipeline(C: float = 1.0) -> Pipeline:
    """El pipeline del proyecto, sin entrenar: ``build_churn_pipeline`` con las columnas del
    contrato (lo usan la etapa ``train`` y la búsqueda de hiperparámetros)."""
    return build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES, C=C)


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
