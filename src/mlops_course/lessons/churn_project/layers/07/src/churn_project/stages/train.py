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

from churn_project.contract import validate
from churn_project.params import load_params
from churn_project.pipeline import TRUSTED_TYPES, fit_and_evaluate, model_inputs
from churn_project.runlog import record_run
from churn_project.tracking import log_training

PREPARED = Path("data/prepared")
MODEL = Path("models/model.skops")
METRICS = Path("metrics.json")
RUN_REPORT = Path("reports/mlflow_run.json")


def main() -> None:
    """Entrena y evalúa (como en el módulo 06), escribe el modelo y las métricas y lo registra."""
    params = load_params("train")
    train = validate(pd.read_csv(PREPARED / "train.csv"))
    test = validate(pd.read_csv(PREPARED / "test.csv"))
    model, metrics = fit_and_evaluate(params, train, test)
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, MODEL)
    METRICS.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    logged = log_training(
        model,
        train,
        model_inputs(test).head(20),
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
