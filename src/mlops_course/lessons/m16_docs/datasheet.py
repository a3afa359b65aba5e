"""The figures of the churn dataset's datasheet, computed from the data (never typed by hand)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from mlops_course.lessons.common.churn import SENSITIVE_ATTRIBUTE, TARGET


def dataset_profile(frame: pd.DataFrame) -> dict[str, Any]:
    """Rows, columns, churn rate, share of empty cells and customers per sensitive group.

    Raises:
        ValueError: the frame is empty or lacks the target or the sensitive attribute.
    """
    missing = [column for column in (TARGET, SENSITIVE_ATTRIBUTE) if column not in frame]
    if missing:
        raise ValueError(f"Al conjunto le faltan las columnas {missing}.")
    if frame.empty:
        raise ValueError("El conjunto está vacío: no hay datasheet que escribir.")
    counts = frame[SENSITIVE_ATTRIBUTE].astype(str).value_counts().sort_index()
    return {
        "rows": len(frame),
        "columns": frame.shape[1],
        "churn_rate": f"{frame[TARGET].mean():.1%}",
        "missing_share": f"{frame.isna().to_numpy().mean():.2%}",
        "sensitive_attribute": SENSITIVE_ATTRIBUTE,
        "groups": {str(group): int(count) for group, count in counts.items()},
    }
