"""The churn model's input contract: which columns it reads and the kind of values each holds.

Three kinds, deliberately coarse (they describe what the model needs, not the storage dtype):

* ``"number"`` — any numeric dtype except booleans (``int64``, ``Int64``, ``float64``...);
* ``"bool"`` — ``bool`` or the nullable ``boolean`` dtype;
* ``"category"`` — ``category``, ``str``/``string`` or ``object`` (text labels).

``customer_id`` (an identifier), ``gender`` (the sensitive attribute, module 16) and
``signup_date`` (a date, already summarized by ``tenure_months``) are left out on purpose.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal

import pandas as pd

ColumnKind = Literal["number", "bool", "category"]

COLUMN_KINDS: Final[tuple[ColumnKind, ...]] = ("number", "bool", "category")

NUMERIC_FEATURES: Final = (
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "estimated_salary_eur",
    "credit_score",
)
FLAG_FEATURES: Final = ("has_credit_card", "is_active_member")
CATEGORICAL_FEATURES: Final = ("region",)
MODEL_FEATURES: Final = NUMERIC_FEATURES + FLAG_FEATURES + CATEGORICAL_FEATURES
"""Model inputs in order: numeric, then boolean flags, then categorical."""

CHURN_INPUT_SCHEMA: Final = MappingProxyType(
    {
        **dict.fromkeys(NUMERIC_FEATURES, "number"),
        **dict.fromkeys(FLAG_FEATURES, "bool"),
        **dict.fromkeys(CATEGORICAL_FEATURES, "category"),
    }
)
"""Read-only column -> kind mapping of the model input (copy it with ``dict(...)`` to edit)."""


def column_kind(series: pd.Series) -> ColumnKind | None:
    """Return the kind of ``series`` (see the module docstring), or ``None`` for other dtypes.

    Dates, timedeltas and complex numbers have no kind: the model accepts none of them.

    Raises:
        TypeError: if ``series`` is not a ``pandas.Series``.
    """
    if not isinstance(series, pd.Series):
        raise TypeError(f"column_kind espera una pandas.Series, no {type(series).__name__}.")
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_complex_dtype(dtype):
        return "number"
    if pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
        return "category"
    return None
