"""Las métricas del modelo por grupo del atributo sensible, con fairlearn."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)


def group_report(y_true: Any, y_pred: Any, groups: Any) -> dict[str, Any]:
    """Tasa de selección, TPR, FPR y clientes por grupo, y las dos diferencias de fairlearn.

    Raises:
        ValueError: largos distintos o etiquetas que no son 0/1.
    """
    truth, predicted, sensitive = (np.asarray(v) for v in (y_true, y_pred, groups))
    if not len(truth) == len(predicted) == len(sensitive) or not len(truth):
        raise ValueError("y_true, y_pred y groups deben tener el mismo largo (y no estar vacíos).")
    for array in (truth, predicted):
        if not set(pd.unique(array).tolist()) <= {0, 1}:
            raise ValueError("Las etiquetas deben ser 0 y 1.")
    frame = MetricFrame(
        metrics={
            "selection_rate": selection_rate,
            "tpr": true_positive_rate,
            "fpr": false_positive_rate,
            "count": lambda t, p: len(t),
        },
        y_true=truth,
        y_pred=predicted,
        sensitive_features=pd.Series(sensitive.astype(str), name="gender"),
    )
    by_group = {
        str(group): {
            "selection_rate": round(float(row["selection_rate"]), 4),
            "tpr": round(float(row["tpr"]), 4),
            "fpr": round(float(row["fpr"]), 4),
            "count": int(row["count"]),
        }
        for group, row in pd.DataFrame(frame.by_group).iterrows()
    }
    gaps = {
        "demographic_parity_difference": float(
            demographic_parity_difference(truth, predicted, sensitive_features=sensitive)
        ),
        "equalized_odds_difference": float(
            equalized_odds_difference(truth, predicted, sensitive_features=sensitive)
        ),
    }
    return {"by_group": by_group, "gaps": gaps}
