"""Etapa «prepare»: quita filas duplicadas exactas de la extracción y la parte en train/test.

Lee:        data/raw/churn.csv
Parámetros: prepare.test_size, prepare.seed
Escribe:    data/prepared/train.csv, data/prepared/test.csv
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from churn_project.params import load_params
from churn_project.runlog import record_run

RAW = Path("data/raw/churn.csv")
OUT = Path("data/prepared")


def main() -> None:
    """Lee la extracción cruda, quita duplicados exactos y escribe una partición reproducible."""
    params = load_params("prepare")
    raw = pd.read_csv(RAW, dtype=str, keep_default_na=False)
    unique = raw.drop_duplicates()
    train, test = train_test_split(
        unique, test_size=float(params["test_size"]), random_state=int(params["seed"])
    )
    OUT.mkdir(parents=True, exist_ok=True)
    train.to_csv(OUT / "train.csv", index=False)
    test.to_csv(OUT / "test.csv", index=False)
    record_run("prepare", rows=len(unique), duplicates=len(raw) - len(unique))


if __name__ == "__main__":
    main()
