"""Helpers of module 00 (Índice, visión de negocio y ROI de MLOps).

* :mod:`.customers` — the churn table as a bank's customer file with each customer's monthly
  revenue (:func:`with_monthly_revenue`, :func:`write_customers_csv`), and a synthetic customer
  stream of any size generated chunk by chunk (:func:`synthetic_customer_chunks`);
* :mod:`.chunks` — :class:`OneChunkAtATime`, an iterator of DataFrame chunks that fails if the
  code consuming it keeps earlier chunks alive (bounded memory checked by behaviour, not by time).
"""

from mlops_course.lessons.m00_index.chunks import ChunksKeptError, OneChunkAtATime
from mlops_course.lessons.m00_index.customers import (
    BALANCE_MARGIN_PER_YEAR,
    FEE_PER_PRODUCT_EUR,
    REVENUE_COLUMN,
    synthetic_customer_chunks,
    with_monthly_revenue,
    write_customers_csv,
)

__all__ = [
    "BALANCE_MARGIN_PER_YEAR",
    "FEE_PER_PRODUCT_EUR",
    "REVENUE_COLUMN",
    "ChunksKeptError",
    "OneChunkAtATime",
    "synthetic_customer_chunks",
    "with_monthly_revenue",
    "write_customers_csv",
]
