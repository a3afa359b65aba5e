"""Etapa «featurize»: convierte cada cliente en un segmento (edad, productos, actividad, saldo).

Lee:        data/prepared/ (train.csv y test.csv) y reports/validation.json: así solo se
            ejecuta después de una validación correcta
Parámetros: featurize.age_bins
Escribe:    data/features/train.csv, data/features/test.csv
"""

from __future__ import annotations

import bisect
from pathlib import Path

from mlops_course.lessons.m05_dataops.runlog import record_run
from mlops_course.lessons.m05_dataops.stage_scripts._io import (
    Row,
    load_params,
    read_rows,
    write_rows,
)

PREPARED = Path("data/prepared")
OUT = Path("data/features")
UNKNOWN = "?"


def age_band(value: str, edges: list[float]) -> str:
    """``"[30,40)"`` for age 35 with edges ``[18, 30, 40, …]``; ``?`` if empty or outside."""
    if not value:
        return UNKNOWN
    age = float(value)
    position = bisect.bisect_right(edges, age)
    if position == 0 or position == len(edges):
        return UNKNOWN
    return f"[{edges[position - 1]:g},{edges[position]:g})"


def segment(row: Row, edges: list[float]) -> str:
    """One text key per customer: ``"<edad>|<productos>|<activo>|<saldo>"``."""
    products = row["num_products"].removesuffix(".0") or UNKNOWN
    active = row["is_active_member"] or UNKNOWN
    balance = row["balance_eur"]
    has_balance = UNKNOWN if not balance else ("saldo" if float(balance) > 0 else "sin_saldo")
    return "|".join((age_band(row["age"], edges), products, active, has_balance))


def main() -> None:
    """Write the segment of every customer of both splits, with the target."""
    edges = sorted(float(edge) for edge in load_params("featurize")["age_bins"])
    segments: set[str] = set()
    for split in ("train", "test"):
        _, rows = read_rows(PREPARED / f"{split}.csv")
        features = [{"segment": segment(r, edges), "churned": r["churned"]} for r in rows]
        segments.update(f["segment"] for f in features)
        write_rows(OUT / f"{split}.csv", ["segment", "churned"], features)
    record_run("featurize", segments=len(segments))


if __name__ == "__main__":
    main()
