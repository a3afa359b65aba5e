"""Tests de sistema: las etapas del pipeline, de punta a punta, en una copia pequeña del proyecto.

DVC ejecuta cada etapa en su propio proceso; aquí se llaman sus ``main`` en una carpeta temporal
con 400 clientes y 2 particiones de validación cruzada, para que la suite mida también el código
de las etapas y tarde segundos. El registro de MLflow va a la base local de esa carpeta temporal,
nunca al servidor del equipo.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from churn_project.stages import prepare, train
from churn_project.stages import validate as validate_stage

ROOT = Path.cwd()
ROWS = 400


@pytest.fixture
def small_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Una copia del proyecto con los primeros 400 clientes, como directorio actual."""
    project = tmp_path / "churn-project"
    (project / "data" / "raw").mkdir(parents=True)
    raw = pd.read_csv(ROOT / "data/raw/churn.csv", dtype=str, keep_default_na=False)
    raw.head(ROWS).to_csv(project / "data/raw/churn.csv", index=False)
    shutil.copyfile(ROOT / "data/raw/churn.csv.dvc", project / "data/raw/churn.csv.dvc")
    params = yaml.safe_load((ROOT / "params.yaml").read_text(encoding="utf-8"))
    params["train"]["cv_folds"] = 2
    (project / "params.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    # La base local de la carpeta temporal, nunca el servidor del equipo; monkeypatch deshace
    # al terminar lo que mlflow.set_tracking_uri deja en el entorno.
    store = tmp_path / "churn-project-mlflow"
    store.mkdir()
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{store / 'mlflow.db'}")
    monkeypatch.chdir(project)
    return project


def stages_that_ran() -> list[str]:
    lines = Path("logs/runs.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["stage"] for line in lines]


def test_the_pipeline_runs_end_to_end_and_registers_the_model(small_project: Path) -> None:
    prepare.main()
    assert validate_stage.main() == 0
    train.main()
    metrics = json.loads(Path("metrics.json").read_text(encoding="utf-8"))
    assert 0.5 < metrics["roc_auc"] <= 1
    assert 0 < metrics["threshold"] < 1
    report = json.loads(Path("reports/mlflow_run.json").read_text(encoding="utf-8"))
    assert report["model_version"] == 1
    assert (small_project.parent / "churn-project-mlflow" / "mlflow.db").is_file()
    assert stages_that_ran() == ["prepare", "validate", "train"]


def test_validate_stops_a_batch_that_breaks_the_contract(
    small_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prepare.main()
    prepared = Path("data/prepared/train.csv")
    frame = pd.read_csv(prepared)
    frame.loc[0, "age"] = 130
    frame.to_csv(prepared, index=False)
    assert validate_stage.main() == 1
    assert "'age'" in capsys.readouterr().err
    assert not Path("reports/validation.json").exists()
    assert stages_that_ran() == ["prepare", "validate"]
