"""Feature engineering for the churn running example: the module under test of module 08.

Module 08 copies this file, unchanged, into the student's workspace as ``churn_features.py``;
the student's test suite imports it from there and measures its line coverage. Error messages
are in Spanish because students read them.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import pandas as pd

__all__ = [
    "AGE_BANDS",
    "AGE_MAX",
    "AGE_MIN",
    "REQUIRED_COLUMNS",
    "add_features",
    "age_band",
    "balance_salary_ratio",
    "products_per_year",
]

AGE_MIN = 18
AGE_MAX = 120
AGE_BANDS = ("18-29", "30-44", "45-59", "60+")
REQUIRED_COLUMNS = ("age", "balance_eur", "estimated_salary_eur", "num_products", "tenure_months")


def age_band(age: int) -> str:
    """Return the age band of a customer: ``"18-29"``, ``"30-44"``, ``"45-59"`` or ``"60+"``.

    Raises:
        TypeError: if ``age`` is not an integer (``bool`` and ``float`` included).
        ValueError: if ``age`` is outside [AGE_MIN, AGE_MAX].
    """
    if isinstance(age, bool) or not isinstance(age, Integral):
        raise TypeError(f"age debe ser un entero, no {type(age).__name__}.")
    if age < AGE_MIN or age > AGE_MAX:
        raise ValueError(f"age debe estar entre {AGE_MIN} y {AGE_MAX}; se recibió {age}.")
    if age < 30:
        return "18-29"
    if age < 45:
        return "30-44"
    if age < 60:
        return "45-59"
    return "60+"


def balance_salary_ratio(balance_eur: float, salary_eur: float) -> float:
    """Return balance / yearly salary; NaN when either value is missing (None, NaN or NA).

    Raises:
        TypeError: if a value is neither a number nor missing (``bool`` included).
        ValueError: if the balance is negative or the salary is not positive.
    """
    if _is_missing(balance_eur) or _is_missing(salary_eur):
        return math.nan
    for name, value in (("balance_eur", balance_eur), ("salary_eur", salary_eur)):
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
    if balance_eur < 0:
        raise ValueError(f"balance_eur no puede ser negativo; se recibió {balance_eur}.")
    if salary_eur <= 0:
        raise ValueError(f"salary_eur debe ser positivo; se recibió {salary_eur}.")
    return float(balance_eur) / float(salary_eur)


def products_per_year(num_products: int, tenure_months: int) -> float:
    """Return products per year of tenure; the first year counts as a whole year.

    Raises:
        ValueError: if ``num_products`` < 1 or ``tenure_months`` < 0.
    """
    if num_products < 1:
        raise ValueError(f"num_products debe ser al menos 1; se recibió {num_products}.")
    if tenure_months < 0:
        raise ValueError(f"tenure_months no puede ser negativo; se recibió {tenure_months}.")
    years = max(tenure_months / 12, 1.0)
    return num_products / years


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with four derived columns.

    ``age_band`` (categorical), ``balance_salary_ratio``, ``products_per_year`` and
    ``zero_balance`` (boolean). Missing inputs give missing outputs (``<NA>``/NaN); ``df``
    itself is never modified.

    Raises:
        TypeError: if ``df`` is not a DataFrame.
        ValueError: if a column of ``REQUIRED_COLUMNS`` is absent (all of them are named).
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"add_features espera un DataFrame, no {type(df).__name__}.")
    missing = [column for column in REQUIRED_COLUMNS if column not in df.columns]
    if missing:
        raise ValueError(f"Faltan columnas obligatorias: {', '.join(missing)}.")
    out = df.copy()
    bands = [pd.NA if _is_missing(age) else age_band(int(age)) for age in out["age"]]
    out["age_band"] = pd.Categorical(bands, categories=list(AGE_BANDS))
    out["balance_salary_ratio"] = [
        balance_salary_ratio(b, s)
        for b, s in zip(out["balance_eur"], out["estimated_salary_eur"], strict=True)
    ]
    out["products_per_year"] = [
        math.nan if _is_missing(n) or _is_missing(t) else products_per_year(int(n), int(t))
        for n, t in zip(out["num_products"], out["tenure_months"], strict=True)
    ]
    zero = out["balance_eur"].eq(0).astype("boolean")
    out["zero_balance"] = zero.mask(out["balance_eur"].isna())
    return out


def _is_missing(value: object) -> bool:
    """True for None, NaN and pandas' NA (scalars only)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
