"""The churn project's spine: its layers and map, the data contract, the reference checkpoint."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from mlops_course.lessons.churn_project import (
    LAYERS,
    is_churn_project,
    layer,
    materialise_checkpoint,
    project_map,
    project_map_markdown,
)
from mlops_course.lessons.churn_project.checkpoint import Checkpoint, checkpoint_env, set_aside
from mlops_course.lessons.common import isolated_env, make_churn
from mlops_course.lessons.common.gitenv import git

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[1]


def test_one_layer_per_module_05_to_17() -> None:
    assert [item.module for item in LAYERS] == [f"{n:02d}" for n in range(5, 18)]
    assert layer("06_pipelines_avanzados").module == "06"
    with pytest.raises(ValueError, match="no añade ninguna capa"):
        layer("03_entornos")


def test_the_map_highlights_the_current_layer_and_marks_the_earlier_ones_done() -> None:
    text = project_map("07_experiment_tracking")
    assert text.startswith("flowchart LR")
    for item in LAYERS:  # one node per layer, inside the column of its phase of the guide
        assert f'L{item.module}["' in text, item.module
    assert 'subgraph F3["Fase 3 · El pipeline de modelado"]' in text
    assert text.count("subgraph ") == 6 and "F2 --> F3 --> F4 --> F5 --> F6 --> F7" in text
    assert "class L07 actual" in text
    assert "class L05,L06 hecha" in text
    assert "class L08,L09,L10,L11,L12,L13,L14,L15,L16,L17 pendiente" in text
    assert "★ 07 · " in text and text.count("★") == 1
    first = project_map("05_ingenieria_datos")
    assert " hecha" not in first.split("classDef")[-1], "05 is the first layer: nothing done yet"
    markdown = project_map_markdown("05")
    assert "```mermaid\nflowchart LR" in markdown and "capa 05" in markdown


def test_a_folder_that_is_not_a_churn_project_is_never_touched(tmp_path: Path) -> None:
    folder = tmp_path / "churn-project"
    folder.mkdir()
    (folder / "tesis.md").write_text("mi trabajo", encoding="utf-8")
    with pytest.raises(FileExistsError, match="no es un proyecto de churn"):
        materialise_checkpoint("05", tmp_path)
    assert (folder / "tesis.md").read_text(encoding="utf-8") == "mi trabajo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["churn-project"]


def test_an_existing_project_is_set_aside_with_a_numbered_name(tmp_path: Path) -> None:
    for number in (1, 2):
        project = tmp_path / "churn-project"
        project.mkdir()
        (project / "pyproject.toml").write_text('name = "churn-project"\n', encoding="utf-8")
        assert is_churn_project(project)
        assert set_aside(project) == tmp_path / f"churn-project.respaldo-{number}"
        assert not project.exists()
    assert set_aside(tmp_path / "churn-project") is None


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checkpoint]:
    yield materialise_checkpoint("05", tmp_path_factory.mktemp("ws"), n_rows=2000)


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = checkpoint_env(cwd.parent)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_checkpoint_05_is_a_committed_reproduced_dvc_project(checkpoint: Checkpoint) -> None:
    project = checkpoint.project
    env = isolated_env(project.parent / ".tool-home")
    assert git("status", "--porcelain", cwd=project, env=env).stdout == ""
    assert git("tag", "--points-at", "HEAD", cwd=project, env=env).stdout.split() == [
        "checkpoint-05"
    ]
    status = run([sys.executable, "-m", "dvc", "status"], project)
    assert status.returncode == 0 and "up to date" in status.stdout, status.stdout + status.stderr
    assert 0.6 < checkpoint.metrics["roc_auc"] < 0.9, checkpoint.metrics
    tracked = git("ls-files", cwd=project, env=env).stdout.split()
    assert "data/raw/churn.csv.dvc" in tracked and "data/raw/churn.csv" not in tracked
    assert "dvc.lock" in tracked and "metrics.json" in tracked
    # The data lives in the remote: an empty cache and a missing file come back with dvc pull.
    run(["rm", "-rf", ".dvc/cache", "data/raw/churn.csv"], project)
    pulled = run([sys.executable, "-m", "dvc", "pull"], project)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert (project / "data/raw/churn.csv").is_file()


def dvc_edges(project: Path) -> set[tuple[str, str]]:
    """The pipeline graph as DVC itself draws it (``dvc dag --md``): (from, to) names."""
    dag = run([sys.executable, "-m", "dvc", "dag", "--md"], project)
    assert dag.returncode == 0, dag.stderr
    names = dict(re.findall(r'(node\d+)\["([^"]+)"\]', dag.stdout))
    return {(names[a], names[b]) for a, b in re.findall(r"(node\d+)-->(node\d+)", dag.stdout)}


def assert_quality_gates(project: Path) -> None:
    """The project's own tools, with the project's own configuration: ruff, mypy, pytest."""
    for command in (
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "ruff"), "format", "--check", "."],
        # The course's own mypy cache (stdlib, pandas-stubs) is warm: 1-5 s instead of 30.
        [str(BIN / "mypy"), "--cache-dir", str(REPO / ".mypy_cache")],
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
    ):
        done = run(command, project)
        assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"


@pytest.mark.slow
def test_checkpoint_05_passes_its_own_quality_gates(checkpoint: Checkpoint) -> None:
    assert_quality_gates(checkpoint.project)


@pytest.mark.slow
def test_checkpoint_07_trains_at_the_cheapest_threshold_and_registers_in_mlflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Layers 06 (sklearn pipeline, cost-tuned threshold) and 07 (MLflow) on top of 05."""
    elsewhere = tmp_path / "otro-mlflow.db"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{elsewhere}")  # as set_tracking_uri does
    built = materialise_checkpoint("07", tmp_path, n_rows=2000)
    assert not elsewhere.exists(), "the checkpoint logs to its own store, not the notebook's"
    project = built.project
    assert not (project / "src/churn_project/stages/featurize.py").exists(), "layer 06 drops it"
    assert dvc_edges(project) == {
        ("data/raw/churn.csv.dvc", "prepare"),
        ("prepare", "validate"),
        ("prepare", "train"),
        ("validate", "train"),
    }
    metrics = built.metrics
    assert 0.7 < metrics["roc_auc"] < 0.9, metrics
    assert metrics["cost_per_customer_eur"] < metrics["cost_per_customer_eur_at_0_5"], metrics
    report = json.loads((project / "reports/mlflow_run.json").read_text(encoding="utf-8"))
    assert report["model_version"] == 1
    assert (tmp_path / "churn-project-mlflow" / "mlflow.db").is_file(), "MLflow lives outside"
    assert_quality_gates(project)  # includes the project's own MLflow tests (alias, data version)


@pytest.mark.slow
def test_a_second_checkpoint_is_identical_and_keeps_the_first_as_backup(
    checkpoint: Checkpoint,
) -> None:
    root = checkpoint.project.parent
    again = materialise_checkpoint("05", root, n_rows=2000)
    assert again.commit == checkpoint.commit, "same inputs, fixed dates: the same commit"
    assert again.backup == root / "churn-project.respaldo-1"
    assert is_churn_project(again.backup)


def load_contract(project: Path) -> ModuleType:
    """The project's contract module, loaded from its file (it imports only libraries)."""
    path = project / "src" / "churn_project" / "contract.py"
    spec = importlib.util.spec_from_file_location("churn_contract_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize(
    ("knobs", "columns"),
    [
        ({}, None),
        ({"missing_rate": 0.005}, None),
        ({"covariate_drift": 1.0}, None),
        ({"concept_drift": 1.0}, None),
        ({"sensitive_bias": 1.0}, None),
        ({"outlier_rate": 0.02}, ["'age'", "'balance_eur'", "'estimated_salary_eur'"]),
        ({"missing_rate": 0.1}, ["de valores vacíos (máximo 2%)"]),
    ],
)
def test_the_contract_rejects_exactly_what_its_table_documents(
    checkpoint: Checkpoint, knobs: dict[str, float], columns: list[str] | None
) -> None:
    contract = load_contract(checkpoint.project)
    frame = make_churn(3000, 11, **knobs)
    if columns is None:
        contract.validate(frame)
        return
    with pytest.raises(contract.ContractViolation) as caught:
        contract.validate(frame)
    for text in columns:
        assert text in str(caught.value)
