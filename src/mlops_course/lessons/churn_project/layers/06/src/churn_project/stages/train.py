"""Etapa «train»: el pipeline de scikit-learn con el umbral elegido por costo de negocio.

Lee:        data/prepared/ (train.csv y test.csv) y reports/validation.json: así solo se ejecuta
            después de una validación correcta
Parámetros: train (C, cv_folds, seed y el costo de cada tipo de error)
Escribe:    models/model.skops (el modelo con su umbral, en formato skops: cargarlo no ejecuta
            código) y metrics.json (ROC AUC, Brier, umbral y costo por cliente con el umbral
            elegido y con 0,5)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import skops.io as sio

from churn_project.contract import validate
from churn_project.params import load_params
from churn_project.pipeline import fit_and_evaluate
from churn_project.runlog import record_run

PREPARED = Path("data/prepared")
MODEL = Path("models/model.skops")
METRICS = Path("metrics.json")


def main() -> None:
    """Entrena, elige el umbral, evalúa en test y escribe el modelo y las métricas."""
    train = validate(pd.read_csv(PREPARED / "train.csv"))
    test = validate(pd.read_csv(PREPARED / "test.csv"))
    model, metrics = fit_and_evaluate(load_params("train"), train, test)
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, MODEL)
    METRICS.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    record_run("train", **metrics)


if __name__ == "__main__":
    main()
