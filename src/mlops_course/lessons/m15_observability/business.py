"""The cost of a stale model, with the business numbers of modules 00 and 02.

A retention campaign contacts the customers the model flags: each true positive is saved with
probability ``CAMPAIGN_SUCCESS`` and is worth ``CUSTOMER_VALUE_EUR`` over 12 months; each
contact (true or false positive) costs ``CONTACT_COST_EUR``. The net value of a month is
``tp * (value * success - cost) - fp * cost``, as in module 02. Drift that lowers precision and
recall lowers that value; retraining pays when the monthly loss over the horizon exceeds its cost.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

CUSTOMER_VALUE_EUR: Final = 180
CONTACT_COST_EUR: Final = 6
CAMPAIGN_SUCCESS: Final = 0.20


def campaign_value(tp: float, fp: float) -> float:
    """Net value in EUR of contacting ``tp`` churners and ``fp`` non-churners."""
    saved = CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS
    return tp * (saved - CONTACT_COST_EUR) - fp * CONTACT_COST_EUR


def retrain_decision(
    stale: Mapping[str, float],
    fresh: Mapping[str, float],
    retrain_cost_eur: float,
    horizon_months: float,
) -> dict[str, float | bool]:
    """Monthly loss of the stale model, months to pay back a retrain, and whether to retrain."""
    for name, counts in (("stale", stale), ("fresh", fresh)):
        if any(counts.get(k, -1) < 0 for k in ("tp", "fp")):
            raise ValueError(f"{name} necesita tp y fp >= 0.")
    if retrain_cost_eur < 0 or horizon_months <= 0:
        raise ValueError("El costo no puede ser negativo y el horizonte debe ser > 0.")
    loss = campaign_value(fresh["tp"], fresh["fp"]) - campaign_value(stale["tp"], stale["fp"])
    payback = retrain_cost_eur / loss if loss > 0 else math.inf
    return {
        "monthly_loss_eur": loss,
        "payback_months": payback,
        "retrain": loss > 0 and payback <= horizon_months,
    }
