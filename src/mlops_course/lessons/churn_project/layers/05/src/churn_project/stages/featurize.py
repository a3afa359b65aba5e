"""Etapa «featurize»: convierte cada cliente en un segmento (edad, productos, actividad, saldo).

Lee:        data/prepared/ (train.csv y test.csv) y reports/validation.json: así solo se ejecuta
            después de una validación correcta
Parámetros: featurize.age_bins
Escribe:    data/features/train.csv, data/features/test.csv
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from churn_project.params import load_params
from churn_project.runlog import record_run

PREPARED = Path("data/prepared")
OUT = Path("data/features")
UNKNOWN = "?"


def segments(frame: pd.DataFrame, age_bins: list[float]) -> pd.Series:
    """Clave de texto por cliente, ``"<edad>|<productos>|<activo>|<saldo>"``; ``?`` si falta."""
    edges = sorted(float(edge) for edge in age_bins)
    age = pd.cut(frame["age"], bins=edges, right=False).astype(str).replace("nan", UNKNOWN)
    products = frame["num_products"].astype("Int64").astype(str).replace("<NA>", UNKNOWN)
    active = frame["is_active_member"].astype("boolean").astype(str).replace("<NA>", UNKNOWN)
    balance = frame["balance_eur"]
    has_balance = (
        balance.gt(0).map({True: "saldo", False: "sin_saldo"}).where(balance.notna(), UNKNOWN)
    )
    return age + "|" + products + "|" + active + "|" + has_balance


def main() -> None:
    """Escribe el segmento de cada cliente de las dos particiones, con la etiqueta."""
    age_bins = list(load_params("featurize")["age_bins"])
    OUT.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    for split in ("train", "test"):
        frame = pd.read_csv(PREPARED / f"{split}.csv")
        features = pd.DataFrame({"segment": segments(frame, age_bins), "churned": frame["churned"]})
        seen.update(features["segment"])
        features.to_csv(OUT / f"{split}.csv", index=False)
    record_run("featurize", segments=len(seen))


if __name__ == "__main__":
    main()
