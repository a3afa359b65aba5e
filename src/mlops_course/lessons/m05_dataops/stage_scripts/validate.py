"""Etapa «validate»: aplica las reglas de params.yaml a train y test; si fallan, para el pipeline.

Lee:        data/prepared/ (train.csv y test.csv) y stages/churn_checks.py (tu validate_churn)
Parámetros: validate (la sección entera: cualquier regla nueva también cuenta)
Escribe:    reports/validation.json (métrica pequeña, en git, fuera de la caché de DVC)

Si los datos no pasan, escribe el motivo en español en stderr y termina con código 1: DVC
detiene ``dvc repro`` y no ejecuta ninguna etapa que dependa de esta.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pandas as pd
import yaml

from mlops_course.lessons.m05_dataops.runlog import record_run
from mlops_course.lessons.m05_dataops.validation import DataValidationError

PREPARED = Path("data/prepared")
REPORT = Path("reports/validation.json")


def main() -> int:
    """Validate both splits with ``churn_checks.validate_churn``; return the process exit code."""
    rules = yaml.safe_load(Path("params.yaml").read_text(encoding="utf-8"))["validate"]
    validate_churn = importlib.import_module("churn_checks").validate_churn
    report: dict[str, dict[str, float]] = {}
    for split in ("train", "test"):
        frame = pd.read_csv(PREPARED / f"{split}.csv")
        try:
            validate_churn(frame, rules)
        except DataValidationError as err:
            record_run("validate", status="failed", split=split)
            print(
                f"[validate] data/prepared/{split}.csv NO pasa la validación.\n{err}",
                file=sys.stderr,
            )
            return 1
        present = [c for c in rules["required_columns"] if c in frame.columns]
        worst = float(frame[present].isna().mean().max()) if present else 0.0
        report[split] = {"rows": len(frame), "max_missing_rate": round(worst, 4)}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    record_run("validate", status="ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
