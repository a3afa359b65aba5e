"""Etapa «train»: un modelo base por segmentos (tasa de abandono suavizada) y sus métricas.

Lee:        data/features/ (train.csv y test.csv)
Parámetros: train.smoothing
Escribe:    models/segment_rates.json (salida, en la caché de DVC) y metrics.json (métricas,
            pequeñas, en git)

El modelo es deliberadamente simple; el módulo 06 lo sustituye por un pipeline de scikit-learn.
La probabilidad de abandono de un segmento es su tasa en train, suavizada hacia la tasa global
con el peso de ``smoothing`` clientes ficticios.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score

from churn_project.params import load_params
from churn_project.runlog import record_run

FEATURES = Path("data/features")
MODEL = Path("models/segment_rates.json")
METRICS = Path("metrics.json")


def fit_rates(train: pd.DataFrame, smoothing: float) -> tuple[float, dict[str, float]]:
    """Tasa global y tasa suavizada de cada segmento de ``train``."""
    base_rate = float(train["churned"].mean())
    grouped = train.groupby("segment")["churned"].agg(["sum", "count"]).sort_index()
    rates = (grouped["sum"] + smoothing * base_rate) / (grouped["count"] + smoothing)
    return base_rate, {str(k): float(v) for k, v in rates.items()}


def main() -> None:
    """Ajusta las tasas en train, puntúa test y escribe el modelo y las métricas."""
    smoothing = float(load_params("train")["smoothing"])
    train = pd.read_csv(FEATURES / "train.csv")
    test = pd.read_csv(FEATURES / "test.csv")
    base_rate, rates = fit_rates(train, smoothing)
    scores = test["segment"].map(rates).fillna(base_rate)
    metrics = {
        "roc_auc": round(float(roc_auc_score(test["churned"], scores)), 4),
        "brier": round(float(brier_score_loss(test["churned"], scores)), 4),
    }
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    model = {"base_rate": base_rate, "smoothing": smoothing, "rates": rates}
    MODEL.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    METRICS.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    record_run("train", **metrics)


if __name__ == "__main__":
    main()
