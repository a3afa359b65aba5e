"""El contrato de datos acepta la extracción limpia y rechaza, con su motivo, lo que no cumple."""

from __future__ import annotations

import pandas as pd
import pytest

from churn_project.contract import ContractViolation, validate


@pytest.fixture
def batch() -> pd.DataFrame:
    return pd.read_csv("data/prepared/train.csv")


def test_the_prepared_data_meets_the_contract(batch: pd.DataFrame) -> None:
    validated = validate(batch)
    assert len(validated) == len(batch)


def test_an_impossible_age_is_rejected_with_its_column(batch: pd.DataFrame) -> None:
    broken = batch.copy()
    broken.loc[broken.index[0], "age"] = 130
    with pytest.raises(ContractViolation, match="'age'"):
        validate(broken)


def test_a_missing_column_is_named(batch: pd.DataFrame) -> None:
    with pytest.raises(ContractViolation, match="credit_score"):
        validate(batch.drop(columns=["credit_score"]))
