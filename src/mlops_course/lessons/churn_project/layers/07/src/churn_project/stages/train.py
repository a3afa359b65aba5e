"""Etapa «train»: el pipeline de scikit-learn con el umbral elegido por costo, registrado en MLflow.

Lee:        data/prepared/ (train.csv y test.csv) y reports/validation.json: así solo se ejecuta
            después de una validación correcta
Parámetros: train (C, cv_folds, seed y el costo de cada tipo de error) y tracking
Escribe:    models/model.skops (el modelo con su umbral, en formato skops: cargarlo no ejecuta
            código), metrics.json (ROC AUC, Brier, umbral y costo por cliente con el umbral
            elegido y con 0,5) y reports/mlflow_run.json (run, versión registrada y versión
            de los datos en MLflow)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import skops.io as sio
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import FixedThresholdClassifier

from churn_project.contract import TARGET, validate
from churn_project.params import load_params
from churn_project.pipeline import (
    TRUSTED_TYPES,
    build_pipeline,
    business_cost,
    model_inputs,
    tune_threshold,
)
from churn_project.runlog import record_run
from churn_project.tracking import log_training

PREPARED = Path("data/prepared")
MODEL = Path("models/model.skops")
METRICS = Path("metrics.json")
RUN_REPORT = Path("reports/mlflow_run.json")


def main() -> None:
    """Entrena, elige el umbral, evalúa en test y escribe el modelo y las métricas."""
    params = load_params("train")
    costs = {
        "cost_false_positive_eur": float(params["cost_false_positive_eur"]),
        "cost_false_negative_eur": float(params["cost_false_negative_eur"]),
    }
    train = validate(pd.read_csv(PREPARED / "train.csv"))
    test = validate(pd.read_csv(PREPARED / "test.csv"))
    tuned = tune_threshold(
        build_pipeline(C=float(params["C"])),
        cv_folds=int(params["cv_folds"]),
        seed=int(params["seed"]),
        **costs,
    ).fit(model_inputs(train), train[TARGET])
    threshold = float(tuned.best_threshold_)
    model = FixedThresholdClassifier(tuned.estimator_, threshold=threshold)
    model.fit(model_inputs(train), train[TARGET])  # sets classes_; the estimator is refitted
    x_test, y_test = model_inputs(test), test[TARGET]
    proba = model.predict_proba(x_test)[:, 1]
    at_half = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": round(float(roc_auc_score(y_test, proba)), 4),
        "brier": round(float(brier_score_loss(y_test, proba)), 4),
        "threshold": round(threshold, 4),
        "cost_per_customer_eur": round(business_cost(y_test, model.predict(x_test), **costs), 4),
        "cost_per_customer_eur_at_0_5": round(business_cost(y_test, at_half, **costs), 4),
    }
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, MODEL)
    METRICS.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    logged = log_training(
        model,
        train,
        x_test.head(20),
        params,
        metrics,
        load_params("tracking"),
        list(TRUSTED_TYPES),
    )
    RUN_REPORT.parent.mkdir(parents=True, exist_ok=True)
    report = {"run_id": logged.run_id, "model_version": logged.model_version}
    RUN_REPORT.write_text(
        json.dumps({**report, "data_version": logged.data_version}, indent=2) + "\n",
        encoding="utf-8",
    )
    record_run("train", **metrics, **report)


if __name__ == "__main__":
    main()
