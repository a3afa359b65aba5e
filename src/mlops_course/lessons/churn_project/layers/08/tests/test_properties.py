"""Propiedades del modelo entrenado del proyecto, con hypothesis (módulo 08).

Para CUALQUIER lote que el contrato de datos acepta (valores dentro de cada rango, categorías
permitidas, vacíos donde el contrato los admite), el modelo que dejó la etapa ``train`` devuelve
una probabilidad en [0, 1] por cliente, y la de cada cliente no depende del orden de las filas.
Pocos ejemplos y sin plazo por ejemplo: la suite sigue tardando segundos.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from churn_project.contract import CATEGORIES, FLAGS, RANGES
from churn_project.pipeline import load_model, model_inputs

MODEL = Path("models/model.skops")


@pytest.fixture(scope="module")
def model() -> Any:
    return load_model(MODEL)


def customers() -> st.SearchStrategy[dict[str, Any]]:
    """Un cliente que cumple el contrato; cada campo puede faltar (el pipeline imputa)."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name, (low, high) in RANGES.items():
        value = st.floats(low, high) if name.endswith("_eur") else st.integers(low, high)
        fields[name] = st.one_of(st.none(), value)
    for name in FLAGS:
        fields[name] = st.one_of(st.none(), st.booleans())
    for name, allowed in CATEGORIES.items():
        fields[name] = st.one_of(st.none(), st.sampled_from(allowed))
    return st.fixed_dictionaries(fields)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(rows=st.lists(customers(), min_size=1, max_size=8))
def test_any_valid_batch_gets_one_probability_per_customer_in_any_order(
    model: Any, rows: list[dict[str, Any]]
) -> None:
    batch = pd.DataFrame(rows)
    proba = model.predict_proba(model_inputs(batch))[:, 1]
    assert proba.shape == (len(rows),)
    assert np.all((proba >= 0) & (proba <= 1)), proba
    backwards = model.predict_proba(model_inputs(batch.iloc[::-1]))[:, 1]
    np.testing.assert_allclose(backwards[::-1], proba)
