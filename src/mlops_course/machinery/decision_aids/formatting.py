"""Spanish formatting of numbers and input values, shared by reasons, tables and ADRs."""

from __future__ import annotations

import math

from mlops_course.machinery.decision_aids.schema import InputSpec


def fmt_number(value: float) -> str:
    """``1000000`` → ``"1 000 000"``; ``0.5`` → ``"0,5"`` (space as thousands separator, SI/RAE)."""
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")


def fmt_value(spec: InputSpec, value: object) -> str:
    """The value of an input as a student reads it: its label, "sí"/"no", or number + unit."""
    label = spec.value_label(value)
    if label is not None:
        return label
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, int | float):
        number = fmt_number(value)
        return f"{number} {spec.unit}".strip()
    return str(value)
