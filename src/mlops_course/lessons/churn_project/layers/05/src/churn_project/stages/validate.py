"""Etapa «validate»: aplica el contrato de datos a train y test; si falla, para el pipeline.

Lee:        data/prepared/ (train.csv y test.csv) y src/churn_project/contract.py
Escribe:    reports/validation.json (métrica pequeña, en git, fuera de la caché de DVC)

Si los datos no pasan, escribe el motivo en español en stderr y termina con código 1: DVC detiene
``dvc repro`` y no ejecuta ninguna etapa que dependa de esta.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from churn_project.contract import ContractViolation, validate
from churn_project.runlog import record_run

PREPARED = Path("data/prepared")
REPORT = Path("reports/validation.json")


def main() -> int:
    """Valida las dos particiones; devuelve el código de salida del proceso."""
    report: dict[str, dict[str, float]] = {}
    for split in ("train", "test"):
        frame = pd.read_csv(PREPARED / f"{split}.csv")
        try:
            validate(frame)
        except ContractViolation as err:
            record_run("validate", status="failed", split=split)
            print(f"[validate] data/prepared/{split}.csv NO pasa.\n{err}", file=sys.stderr)
            return 1
        worst = float(frame.isna().mean().max())
        report[split] = {"rows": len(frame), "max_missing_rate": round(worst, 4)}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    record_run("validate", status="ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
