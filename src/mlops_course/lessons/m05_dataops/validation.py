"""Data validation for the churn pipeline: the error a validation stage raises, and a reference.

``DataValidationError`` is what the pipeline's ``validate`` stage raises (and turns into a
non-zero exit) when a batch of data breaks the rules of ``params.yaml``. The rules are a mapping:

``required_columns``
    list of column names that must exist;
``max_missing_rate``
    the largest share of empty cells accepted in any required column (0.02 = 2 %);
``ranges``
    ``{column: [low, high]}``: non-empty values must lie in the closed interval;
``target``
    the label column: its non-empty values must be 0 or 1;
``id_column``
    a column whose values must be unique.

:func:`pandera_failing_columns` validates with pandera (a well-kept library) so that a
hand-written validator can be compared with it. pandas and pandera are imported lazily: stage
scripts import this module and must start fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

RULE_KEYS = ("required_columns", "max_missing_rate", "ranges", "target", "id_column")


class DataValidationError(ValueError):
    """A batch of data breaks the validation rules; the message lists every problem, in Spanish."""


def check_rules(rules: Mapping[str, Any]) -> None:
    """Raise ``TypeError``/``ValueError`` (Spanish) if ``rules`` lacks or malforms a key."""
    if not isinstance(rules, Mapping):
        raise TypeError(f"rules debe ser un diccionario, no {type(rules).__name__}.")
    missing = [key for key in RULE_KEYS if key not in rules]
    if missing:
        raise ValueError(f"A las reglas de validación les faltan las claves {missing}.")
    rate = rules["max_missing_rate"]
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1:
        raise ValueError(f"max_missing_rate debe ser un número entre 0 y 1, no {rate!r}.")
    for column, bounds in dict(rules["ranges"]).items():
        if not isinstance(bounds, list | tuple) or len(bounds) != 2 or bounds[0] > bounds[1]:
            raise ValueError(f"ranges['{column}'] debe ser [mínimo, máximo], no {bounds!r}.")


def pandera_failing_columns(df: pd.DataFrame, rules: Mapping[str, Any]) -> set[str]:
    """Validate ``df`` against ``rules`` with pandera; return the names of the failing columns.

    An empty set means that pandera accepts the batch. A required column that does not exist
    counts as failing.
    """
    import pandera.pandas as pa

    check_rules(rules)
    limit = float(rules["max_missing_rate"])

    def missing_rate_ok(series: pd.Series) -> bool:
        return bool(series.isna().mean() <= limit)

    columns: dict[str, pa.Column] = {}
    for name in rules["required_columns"]:
        checks = [pa.Check(missing_rate_ok, ignore_na=False, name="max_missing_rate")]
        if name in rules["ranges"]:
            low, high = rules["ranges"][name]
            checks.append(pa.Check.in_range(low, high))
        if name == rules["target"]:
            checks.append(pa.Check.isin([0, 1]))
        columns[name] = pa.Column(
            nullable=True, checks=checks, unique=name == rules["id_column"], coerce=False
        )
    schema = pa.DataFrameSchema(columns, strict=False)
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        failing = {str(c) for c in cases["column"].dropna()}
        absent = cases[cases["check"] == "column_in_dataframe"]["failure_case"]
        return (failing | {str(c) for c in absent}) - {"None"}
    return set()
