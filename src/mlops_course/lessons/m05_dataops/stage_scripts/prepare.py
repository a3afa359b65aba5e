"""Etapa «prepare»: quita filas duplicadas exactas de la extracción y la parte en train/test.

Lee:        data/raw/churn.csv
Parámetros: prepare.test_size, prepare.seed
Escribe:    data/prepared/train.csv, data/prepared/test.csv
"""

from __future__ import annotations

import random
from pathlib import Path

from mlops_course.lessons.m05_dataops.runlog import record_run
from mlops_course.lessons.m05_dataops.stage_scripts._io import load_params, read_rows, write_rows

RAW = Path("data/raw/churn.csv")
OUT = Path("data/prepared")


def main() -> None:
    """Read the raw extract, drop exact duplicate rows and write a reproducible split."""
    params = load_params("prepare")
    header, rows = read_rows(RAW)
    unique = list({tuple(row.values()): row for row in rows}.values())
    order = list(range(len(unique)))
    random.Random(int(params["seed"])).shuffle(order)
    n_test = round(len(unique) * float(params["test_size"]))
    test_ids = set(order[:n_test])
    write_rows(OUT / "train.csv", header, [r for i, r in enumerate(unique) if i not in test_ids])
    write_rows(OUT / "test.csv", header, [r for i, r in enumerate(unique) if i in test_ids])
    record_run("prepare", rows=len(unique), duplicates=len(rows) - len(unique))


if __name__ == "__main__":
    main()
