"""Etapa «train»: un modelo base por segmentos (tasa de abandono suavizada) y sus métricas.

Lee:        data/features/ (train.csv y test.csv)
Parámetros: train.smoothing
Escribe:    models/segment_rates.json (salida, en la caché de DVC) y metrics.json (métricas,
            pequeñas, en git)

El modelo es deliberadamente simple (el módulo 06 lo sustituye por un pipeline de
scikit-learn): la probabilidad de abandono de un segmento es su tasa en train, suavizada hacia
la tasa global con el peso de ``smoothing`` clientes ficticios. La etapa arranca en
milisegundos y el foco queda en el pipeline, no en el modelo.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from mlops_course.lessons.m05_dataops.runlog import record_run
from mlops_course.lessons.m05_dataops.stage_scripts._io import load_params, read_rows

FEATURES = Path("data/features")
MODEL = Path("models/segment_rates.json")
METRICS = Path("metrics.json")


def roc_auc(labels: list[int], scores: list[float]) -> float:
    """ROC AUC as the Mann-Whitney statistic with average ranks for ties (as scikit-learn)."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    order = sorted(range(len(scores)), key=scores.__getitem__)
    ranks = [0.0] * len(scores)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    rank_sum = sum(rank for rank, label in zip(ranks, labels, strict=True) if label == 1)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def main() -> None:
    """Fit the smoothed segment rates on train, score test and write model and metrics."""
    smoothing = float(load_params("train")["smoothing"])
    _, train = read_rows(FEATURES / "train.csv")
    _, test = read_rows(FEATURES / "test.csv")
    base_rate = sum(int(r["churned"]) for r in train) / len(train)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in train:
        counts[row["segment"]][0] += int(row["churned"])
        counts[row["segment"]][1] += 1
    rates = {
        key: (churned + smoothing * base_rate) / (total + smoothing)
        for key, (churned, total) in sorted(counts.items())
    }
    labels = [int(r["churned"]) for r in test]
    scores = [rates.get(r["segment"], base_rate) for r in test]
    brier = sum((s - y) ** 2 for s, y in zip(scores, labels, strict=True)) / len(labels)
    metrics = {"roc_auc": round(roc_auc(labels, scores), 4), "brier": round(brier, 4)}
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    model = {"base_rate": base_rate, "smoothing": smoothing, "rates": rates}
    MODEL.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    METRICS.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    record_run("train", roc_auc=metrics["roc_auc"], brier=metrics["brier"])


if __name__ == "__main__":
    main()
