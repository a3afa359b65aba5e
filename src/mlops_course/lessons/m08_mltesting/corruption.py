"""Corrupted copies of the churn table: the inputs a data contract (pandera schema) must reject.

Each function returns a NEW DataFrame and leaves its argument untouched, so one clean table can
produce every corruption. They model real upstream accidents: a column dropped by an export, a
type changed by a CSV round trip, a unit change, a null where the pipeline cannot impute, a new
category nobody announced.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _check(df: pd.DataFrame, column: str, row: int | None = None) -> None:
    """Raise a Spanish error for a non-DataFrame, an unknown column or a row out of range."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"Se esperaba un DataFrame, no {type(df).__name__}.")
    if column not in df.columns:
        raise ValueError(f"La columna {column!r} no existe en el DataFrame.")
    if row is not None and not 0 <= row < len(df):
        raise ValueError(f"La fila {row} no existe: el DataFrame tiene {len(df)} filas.")


def drop_column(df: pd.DataFrame, column: str) -> pd.DataFrame:
    """A copy without ``column`` (an export that forgot it)."""
    _check(df, column)
    return df.drop(columns=[column])


def add_column(df: pd.DataFrame, column: str, value: float = 0.0) -> pd.DataFrame:
    """A copy with an extra, unannounced ``column`` filled with ``value``."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"Se esperaba un DataFrame, no {type(df).__name__}.")
    if column in df.columns:
        raise ValueError(f"La columna {column!r} ya existe.")
    out = df.copy()
    out[column] = pd.Series(value, index=out.index, dtype="float64")
    return out


def cast_column(df: pd.DataFrame, column: str, dtype: str) -> pd.DataFrame:
    """A copy with ``column`` converted to ``dtype`` (e.g. ``"float64"`` or ``"object"``)."""
    _check(df, column)
    out = df.copy()
    out[column] = out[column].astype(pd.api.types.pandas_dtype(dtype))
    return out


def set_value(df: pd.DataFrame, column: str, value: object, row: int = 0) -> pd.DataFrame:
    """A copy with ``df[column]`` at position ``row`` set to ``value``.

    For a categorical column an unknown ``value`` is first added as a category, as happens when
    an upstream system starts sending a new label.
    """
    _check(df, column, row)
    out = df.copy()
    series = out[column]
    if isinstance(series.dtype, pd.CategoricalDtype) and value not in series.cat.categories:
        series = series.cat.add_categories([value])
    series = series.copy()
    series.iloc[row] = value
    out[column] = series
    return out


def set_missing(df: pd.DataFrame, column: str, row: int = 0) -> pd.DataFrame:
    """A copy with a missing value (``NA``/``NaN``/``NaT``) at position ``row`` of ``column``.

    Raises:
        ValueError: if the column's dtype cannot hold a missing value (e.g. ``int64``).
    """
    _check(df, column, row)
    dtype = df[column].dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":  # nullable Int64/boolean are fine
        raise ValueError(
            f"La columna {column!r} es {df[column].dtype} y no admite nulos sin cambiar de tipo."
        )
    out = df.copy()
    series = out[column].copy()
    series.iloc[row] = None
    out[column] = series
    return out


def duplicate_row(df: pd.DataFrame, row: int = 0) -> pd.DataFrame:
    """A copy with row ``row`` appended again at the end (a duplicated customer)."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"Se esperaba un DataFrame, no {type(df).__name__}.")
    if not 0 <= row < len(df):
        raise ValueError(f"La fila {row} no existe: el DataFrame tiene {len(df)} filas.")
    return pd.concat([df, df.iloc[[row]]], ignore_index=True)


def corrupted_examples(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """One corrupted copy of the churn table per kind of contract violation (Spanish names)."""
    return {
        "falta una columna (credit_score)": drop_column(df, "credit_score"),
        "columna inesperada (score_v2)": add_column(df, "score_v2", 0.5),
        "tipo incorrecto (age como float)": cast_column(df, "age", "float64"),
        "fuera de rango (age = 7)": set_value(df, "age", 7),
        "fuera de rango (balance en negativo)": set_value(df, "balance_eur", -250.0),
        "nulo no permitido (gender)": set_missing(df, "gender"),
        "categoría desconocida (region = 'MADRID')": set_value(df, "region", "MADRID"),
        "cliente duplicado": duplicate_row(df),
    }
