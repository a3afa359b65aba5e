"""The module's small churn model: a typed run config, a leak-free split and one sklearn pipeline.

Module 07 is about *tracking* a model, so the model stays small and fixed: a standardized
numeric block, boolean flags passed through and a one-hot block, feeding a logistic regression.
Everything that decides a result lives in one flat config (the run's params), so a run can be
rebuilt from what MLflow logged:

========================  =========  ===============================================
key                       type       meaning
========================  =========  ===============================================
``n_rows``                ``int``    rows drawn with ``make_churn`` (200-200 000)
``data_seed``             ``int``    seed of the data and of the split (>= 0)
``test_size``             ``float``  held-out fraction, in (0, 1)
``C``                     ``float``  inverse regularization strength (> 0)
``class_weight``          ``str``    ``None`` or ``"balanced"``
========================  =========  ===============================================
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib.metadata import version
from typing import Any, Final

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from mlops_course.lessons.common import TARGET, make_churn

NUMERIC_FEATURES: Final = (
    "age",
    "tenure_months",
    "balance_eur",
    "estimated_salary_eur",
    "credit_score",
)
BOOLEAN_FEATURES: Final = ("has_credit_card", "is_active_member")
CATEGORICAL_FEATURES: Final = ("region", "num_products")
FEATURES: Final = NUMERIC_FEATURES + BOOLEAN_FEATURES + CATEGORICAL_FEATURES
"""Model inputs, in order. ``gender`` (sensitive), ids and dates are left out on purpose."""

CONFIG_KEYS: Final = ("n_rows", "data_seed", "test_size", "C", "class_weight")
METRICS: Final = ("roc_auc", "log_loss", "recall")
"""Held-out metrics of :func:`evaluate`: ROC AUC and recall (higher is better), log loss (lower)."""

MIN_ROWS, MAX_ROWS = 200, 200_000
CLASS_WEIGHTS: Final = (None, "balanced")
PINNED_PACKAGES: Final = ("scikit-learn", "skops", "pandas", "numpy")

_PARAMS_HINT = " (los params que devuelve MLflow son texto: conviértelos antes de usarlos)"


@dataclass(frozen=True)
class RunConfig:
    """A validated run config; build it with :func:`check_config`."""

    n_rows: int
    data_seed: int
    test_size: float
    C: float
    class_weight: str | None

    def as_dict(self) -> dict[str, Any]:
        """The config as a plain dict, in ``CONFIG_KEYS`` order (what a run logs as params)."""
        return asdict(self)


@dataclass(frozen=True)
class ChurnSplit:
    """A stratified train/test split of the churn features and target."""

    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


@dataclass(frozen=True)
class TrainedChurnModel:
    """What :func:`train_churn_model` returns: config, fitted pipeline, metrics and data."""

    config: RunConfig
    model: Pipeline
    metrics: dict[str, float]
    split: ChurnSplit


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_config(config: Mapping[str, object] | RunConfig) -> RunConfig:
    """Validate a run config (exactly the keys of ``CONFIG_KEYS``) and return it typed.

    Raises:
        TypeError: if ``config`` is not a mapping or a value has the wrong type (a string such
            as ``"1000"`` included: MLflow returns params as text).
        ValueError: if keys are missing or unknown, or a value is out of range.
    """
    if isinstance(config, RunConfig):
        return config
    if not isinstance(config, Mapping):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = sorted(str(key) for key in config if key not in CONFIG_KEYS)
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"faltan las claves {missing}")
        if unknown:
            parts.append(f"sobran las claves {unknown}")
        raise ValueError(f"config no es válida: {'; '.join(parts)}. Claves: {list(CONFIG_KEYS)}.")
    n_rows, data_seed = config["n_rows"], config["data_seed"]
    test_size, c_value = config["test_size"], config["C"]
    class_weight = config["class_weight"]
    for name, value in (("n_rows", n_rows), ("data_seed", data_seed)):
        if not _is_int(value):
            raise TypeError(
                f"{name} debe ser un int, no {type(value).__name__} {value!r}" + _PARAMS_HINT
            )
    for name, value in (("test_size", test_size), ("C", c_value)):
        if not _is_number(value):
            raise TypeError(
                f"{name} debe ser un número, no {type(value).__name__} {value!r}" + _PARAMS_HINT
            )
    assert isinstance(n_rows, int) and isinstance(data_seed, int)
    assert isinstance(test_size, int | float) and isinstance(c_value, int | float)
    if not MIN_ROWS <= n_rows <= MAX_ROWS:
        raise ValueError(f"n_rows debe estar entre {MIN_ROWS} y {MAX_ROWS}; recibido {n_rows}.")
    if data_seed < 0:
        raise ValueError(f"data_seed no puede ser negativo; recibido {data_seed}.")
    if not (math.isfinite(test_size) and 0 < test_size < 1):
        raise ValueError(f"test_size debe estar entre 0 y 1 (excluidos); recibido {test_size}.")
    if not (math.isfinite(c_value) and c_value > 0):
        raise ValueError(f"C debe ser un número finito mayor que 0; recibido {c_value}.")
    if class_weight not in CLASS_WEIGHTS:
        raise ValueError(
            f"class_weight debe ser None o 'balanced', no {class_weight!r}"
            + (_PARAMS_HINT if class_weight == "None" else ".")
        )
    weight = None if class_weight is None else str(class_weight)
    return RunConfig(n_rows, data_seed, float(test_size), float(c_value), weight)


def churn_features(frame: pd.DataFrame) -> pd.DataFrame:
    """The model's input columns with plain dtypes (int64, float64, bool, str), no nullables."""
    out = pd.DataFrame(index=frame.index)
    for column in FEATURES:
        series = frame[column]
        if column in BOOLEAN_FEATURES:
            out[column] = series.astype(bool)
        elif column == "region":
            out[column] = series.astype(str)
        elif str(series.dtype) == "Int64":
            out[column] = series.astype("int64")
        else:
            out[column] = series.astype("float64")
    return out


def churn_split(n_rows: int, data_seed: int, test_size: float) -> ChurnSplit:
    """Draw ``make_churn(n_rows, data_seed)`` and split it, stratified, with the same seed."""
    config = check_config(
        {"n_rows": n_rows, "data_seed": data_seed, "test_size": test_size, "C": 1.0,
         "class_weight": None}
    )  # fmt: skip
    frame = make_churn(n_rows=config.n_rows, seed=config.data_seed)
    features = churn_features(frame)
    target = frame[TARGET].astype("int64")
    X_train, X_test, y_train, y_test = train_test_split(
        features,
        target,
        test_size=config.test_size,
        random_state=config.data_seed,
        stratify=target,
    )
    return ChurnSplit(X_train, X_test, y_train, y_test)


def churn_pipeline(C: float = 1.0, class_weight: str | None = None) -> Pipeline:
    """The module's pipeline: scale numerics, pass booleans, one-hot categoricals, then LR."""
    preprocess = ColumnTransformer(
        [
            ("num", StandardScaler(), list(NUMERIC_FEATURES)),
            ("flags", "passthrough", list(BOOLEAN_FEATURES)),
            ("cat", OneHotEncoder(handle_unknown="ignore"), list(CATEGORICAL_FEATURES)),
        ]
    )
    classifier = LogisticRegression(C=C, class_weight=class_weight, max_iter=1000)
    return Pipeline([("preprocess", preprocess), ("classifier", classifier)])


def evaluate(model: Pipeline, X: pd.DataFrame, y: pd.Series) -> dict[str, float]:
    """Held-out metrics (``METRICS``): ROC AUC, log loss and recall at the 0.5 threshold."""
    proba = model.predict_proba(X)[:, 1]
    return {
        "roc_auc": float(roc_auc_score(y, proba)),
        "log_loss": float(log_loss(y, proba)),
        "recall": float(recall_score(y, (proba >= 0.5).astype("int64"))),
    }


def train_churn_model(config: Mapping[str, object] | RunConfig) -> TrainedChurnModel:
    """Validate ``config``, split the data, fit the pipeline and evaluate it on the test part.

    Deterministic: the same config gives the same metrics, bit for bit, on the same machine and
    library versions. Raises what :func:`check_config` raises for a bad config.
    """
    checked = check_config(config)
    split = churn_split(checked.n_rows, checked.data_seed, checked.test_size)
    model = churn_pipeline(checked.C, checked.class_weight).fit(split.X_train, split.y_train)
    return TrainedChurnModel(checked, model, evaluate(model, split.X_test, split.y_test), split)


def model_pip_requirements() -> list[str]:
    """Pinned requirements of a logged churn model (``scikit-learn==...``, ``skops==...``, ...).

    Passing them to ``log_model(pip_requirements=...)`` skips MLflow's dependency inference,
    which loads the model in a subprocess and is several times slower.
    """
    return [f"{name}=={version(name)}" for name in PINNED_PACKAGES]
