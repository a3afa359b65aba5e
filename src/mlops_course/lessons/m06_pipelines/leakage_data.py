"""Small deterministic datasets on which each kind of data leakage changes the score visibly.

* :func:`noise_dataset` — features and labels drawn independently: any score above chance is
  leakage (the feature-selection example of Hastie, Tibshirani and Friedman, *The Elements of
  Statistical Learning*, 2nd ed., section 7.10.2).
* :func:`add_noise_code` — a high-cardinality code unrelated to the target (target-encoding
  leakage when its per-level churn rate is computed on all rows).
* :func:`monthly_snapshots` — the same customers observed several months (group leakage when
  one customer lands in both the training and the validation folds).
"""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np
import pandas as pd


def _check_int(name: str, value: object, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    if int(value) < low:
        raise ValueError(f"{name} debe ser al menos {low}; se recibió {value}.")
    return int(value)


def _check_frame(frame: object) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame debe ser un pandas.DataFrame, no {type(frame).__name__}.")
    return frame


def noise_dataset(n_rows: int, n_features: int, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """Return ``(X, y)``: standard-normal features ``f0000``... and balanced 0/1 labels, unrelated.

    Raises:
        TypeError: if an argument is not an integer (``bool`` included).
        ValueError: if ``n_rows`` < 4, ``n_features`` < 1 or ``seed`` < 0.
    """
    rows = _check_int("n_rows", n_rows, 4)
    features = _check_int("n_features", n_features, 1)
    rng = np.random.default_rng(_check_int("seed", seed, 0))
    width = max(4, len(str(features - 1)))
    columns = [f"f{i:0{width}d}" for i in range(features)]
    X = pd.DataFrame(rng.standard_normal((rows, features)), columns=columns)
    labels = np.arange(rows) % 2
    y = pd.Series(rng.permutation(labels).astype(np.int64), name="y")
    return X, y


def add_noise_code(
    frame: pd.DataFrame, n_levels: int, seed: int = 0, column: str = "branch_code"
) -> pd.DataFrame:
    """Return a copy of ``frame`` with ``column``: a random code ``"B0001"``... of ``n_levels``.

    The code is drawn independently of every other column, so it carries no signal at all.

    Raises:
        TypeError: if ``frame`` is not a DataFrame or an integer argument is not an integer.
        ValueError: if ``n_levels`` < 2, ``seed`` < 0 or ``column`` already exists.
    """
    data = _check_frame(frame)
    levels = _check_int("n_levels", n_levels, 2)
    rng = np.random.default_rng(_check_int("seed", seed, 0))
    if column in data.columns:
        raise ValueError(f"La columna {column!r} ya existe en frame: elige otro nombre.")
    out = data.copy()
    width = max(4, len(str(levels)))
    codes = rng.integers(1, levels + 1, len(out))
    out[column] = [f"B{code:0{width}d}" for code in codes]
    return out


def monthly_snapshots(
    frame: pd.DataFrame, n_snapshots: int = 3, jitter: float = 0.01, seed: int = 0
) -> pd.DataFrame:
    """Stack ``n_snapshots`` monthly copies of ``frame``, as a bank's monthly extracts would.

    Every customer keeps its ``churned`` label and all its columns; ``balance_eur`` moves by a
    relative Gaussian ``jitter`` per month so rows are not exact duplicates. A ``snapshot`` column
    (0, 1, ...) is added. Rows of one customer share its ``customer_id``: the group to keep
    together when splitting.

    Raises:
        TypeError: if ``frame`` is not a DataFrame or an argument has the wrong type.
        ValueError: if a needed column is missing, ``n_snapshots`` < 1 or ``jitter`` is not in
            [0, 0.5].
    """
    data = _check_frame(frame)
    count = _check_int("n_snapshots", n_snapshots, 1)
    if isinstance(jitter, bool) or not isinstance(jitter, Real):
        raise TypeError(f"jitter debe ser un número, no {type(jitter).__name__}.")
    if not 0.0 <= float(jitter) <= 0.5:
        raise ValueError(f"jitter debe estar entre 0 y 0.5; se recibió {jitter}.")
    missing = [c for c in ("customer_id", "balance_eur") if c not in data.columns]
    if missing:
        raise ValueError(f"A frame le faltan las columnas {missing}.")
    rng = np.random.default_rng(_check_int("seed", seed, 0))
    months = []
    for month in range(count):
        copy = data.copy()
        factor = 1.0 + float(jitter) * rng.standard_normal(len(copy))
        copy["balance_eur"] = (copy["balance_eur"] * factor).round(2)
        copy["snapshot"] = month
        months.append(copy)
    return pd.concat(months, ignore_index=True)
