"""The course's churn table as a bank's customer file, with the revenue each customer brings.

The churn generator has no revenue column; module 00 adds one with two named business
assumptions, so that "how much do we lose to churn" is a sum over rows:

    monthly_revenue_eur = balance_eur * BALANCE_MARGIN_PER_YEAR / 12
                          + FEE_PER_PRODUCT_EUR * num_products

With the defaults a customer brings about 15 EUR a month, about 180 EUR a year: the customer
value that módulo 00 §6 assumes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from mlops_course.lessons.common.churn import REGIONS, make_churn

REVENUE_COLUMN: Final = "monthly_revenue_eur"
BALANCE_MARGIN_PER_YEAR: Final = 0.002
"""Net yearly margin the bank earns on a customer's balance (0.2 %): an assumption."""
FEE_PER_PRODUCT_EUR: Final = 3.0
"""Monthly fees and margin per product held (account, card, loan...): an assumption."""


def with_monthly_revenue(churn: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``churn`` with :data:`REVENUE_COLUMN` (EUR per month, 2 decimals).

    Raises:
        KeyError: if ``balance_eur`` or ``num_products`` is missing.
    """
    balance = churn["balance_eur"].astype("float64")
    products = churn["num_products"].astype("float64")
    revenue = balance * BALANCE_MARGIN_PER_YEAR / 12 + FEE_PER_PRODUCT_EUR * products
    return churn.assign(**{REVENUE_COLUMN: revenue.round(2)})


def write_customers_csv(path: Path, n_rows: int, seed: int) -> Path:
    """Write ``make_churn(n_rows, seed)`` plus the revenue column to ``path`` as CSV.

    Returns:
        ``path``, for chaining (the parent folder is created if needed).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with_monthly_revenue(make_churn(n_rows=n_rows, seed=seed)).to_csv(path, index=False)
    return path


def synthetic_customer_chunks(n_rows: int, chunk_rows: int, seed: int) -> Iterator[pd.DataFrame]:
    """Yield ``n_rows`` customers in chunks of ``chunk_rows`` (the last one may be shorter).

    A cheap stand-in for a customer file larger than memory: only the columns a churn-loss
    aggregation needs (``region``, ``churned``, :data:`REVENUE_COLUMN`), drawn with numpy one
    chunk at a time, so the whole table never exists. The same arguments give the same chunks.

    Raises:
        ValueError: if ``n_rows`` < 0 or ``chunk_rows`` < 1.
    """
    if n_rows < 0 or chunk_rows < 1:
        raise ValueError("n_rows debe ser ≥ 0 y chunk_rows ≥ 1.")
    rng = np.random.default_rng(seed)
    regions = np.array(REGIONS, dtype=object)
    for start in range(0, n_rows, chunk_rows):
        size = min(chunk_rows, n_rows - start)
        yield pd.DataFrame(
            {
                "region": regions[rng.integers(0, len(REGIONS), size)],
                "churned": (rng.random(size) < 0.2).astype("int64"),
                REVENUE_COLUMN: rng.gamma(2.0, 7.5, size).round(2),
            }
        )
