"""El modelo entrenado: se carga sin ejecutar código y su umbral cuesta menos que el de 0,5."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from churn_project.contract import validate
from churn_project.pipeline import build_pipeline, business_cost, load_model, model_inputs

MODEL = Path("models/model.skops")


def test_the_business_cost_counts_each_error_at_its_price() -> None:
    y_true = [0, 0, 1, 1]
    y_pred = [1, 0, 0, 1]  # one false positive, one false negative
    cost = business_cost(y_true, y_pred, cost_false_positive_eur=6, cost_false_negative_eur=36)
    assert cost == pytest.approx((6 + 36) / 4)


def test_the_pipeline_is_built_untrained() -> None:
    pipeline = build_pipeline(C=0.5)
    assert pipeline.named_steps["model"].C == 0.5
    assert not hasattr(pipeline.named_steps["model"], "coef_")


def test_the_saved_model_loads_with_only_reviewed_types() -> None:
    model = load_model(MODEL)
    batch = model_inputs(validate(pd.read_csv("data/prepared/test.csv").head(50)))
    assert set(model.predict(batch)) <= {0, 1}


def test_the_tuned_threshold_costs_no_more_than_the_default() -> None:
    metrics = json.loads(Path("metrics.json").read_text(encoding="utf-8"))
    assert 0 < metrics["threshold"] < 1
    assert metrics["cost_per_customer_eur"] <= metrics["cost_per_customer_eur_at_0_5"]


def test_a_file_that_is_not_skops_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "modelo.skops"
    fake.write_bytes(b"no es un zip")
    with pytest.raises(ValueError, match="no es un archivo skops"):
        load_model(fake)
