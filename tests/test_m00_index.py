"""Tests of module 00's helpers: the customer file with revenue and the one-chunk guard."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m00_index import (
    BALANCE_MARGIN_PER_YEAR,
    FEE_PER_PRODUCT_EUR,
    REVENUE_COLUMN,
    ChunksKeptError,
    OneChunkAtATime,
    synthetic_customer_chunks,
    with_monthly_revenue,
    write_customers_csv,
)


def test_revenue_follows_the_named_assumptions() -> None:
    churn = make_churn(n_rows=500, seed=1)
    customers = with_monthly_revenue(churn)
    expected = (
        churn["balance_eur"] * BALANCE_MARGIN_PER_YEAR / 12
        + FEE_PER_PRODUCT_EUR * churn["num_products"].astype("float64")
    ).round(2)
    assert customers[REVENUE_COLUMN].tolist() == expected.tolist()
    assert REVENUE_COLUMN not in churn.columns  # a copy, the input is untouched
    assert 10 < customers[REVENUE_COLUMN].mean() < 20  # about 180 EUR a year


def test_the_csv_round_trips(tmp_path: Path) -> None:
    path = write_customers_csv(tmp_path / "sub" / "clientes.csv", n_rows=300, seed=2)
    table = pd.read_csv(path)
    assert len(table) == 300
    assert {"region", "churned", REVENUE_COLUMN} <= set(table.columns)
    assert set(table["churned"]) <= {0, 1}
    assert (table[REVENUE_COLUMN] >= 0).all()


def test_synthetic_chunks_are_deterministic_and_sized() -> None:
    sizes = [len(c) for c in synthetic_customer_chunks(1_050, 200, seed=3)]
    assert sizes == [200, 200, 200, 200, 200, 50]
    first = pd.concat(synthetic_customer_chunks(1_050, 200, seed=3), ignore_index=True)
    again = pd.concat(synthetic_customer_chunks(1_050, 200, seed=3), ignore_index=True)
    pd.testing.assert_frame_equal(first, again)
    assert list(synthetic_customer_chunks(0, 10, seed=3)) == []
    with pytest.raises(ValueError):
        list(synthetic_customer_chunks(10, 0, seed=3))


def test_streaming_consumer_passes_the_guard() -> None:
    guard = OneChunkAtATime(synthetic_customer_chunks(10_000, 1_000, seed=4))
    total = 0
    for chunk in guard:
        total += int(chunk.groupby("region")["churned"].sum().sum())
    assert guard.exhausted and guard.chunks_read == 10
    assert total > 0


@pytest.mark.parametrize(
    "consume",
    [
        lambda chunks: pd.concat(chunks),
        lambda chunks: list(chunks),
    ],
)
def test_keeping_chunks_is_caught(consume: object) -> None:
    guard = OneChunkAtATime(synthetic_customer_chunks(5_000, 1_000, seed=5))
    with pytest.raises(ChunksKeptError, match="trozo 3"):
        consume(guard)  # type: ignore[operator]


def test_the_guard_copies_so_the_source_may_hold_its_chunks() -> None:
    source = list(synthetic_customer_chunks(3_000, 1_000, seed=6))
    assert sum(len(c) for c in OneChunkAtATime(source)) == 3_000
