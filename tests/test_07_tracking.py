"""Module 07 helpers: churn run config and model, the local MLflow store, reports, scratch objects.

Tests that touch an MLflow database are marked ``slow``: the first one in the session creates a
SQLite store (MLflow's schema migrations take seconds); the rest reuse it.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import sqlite3
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import mlflow
import pandas as pd
import psutil
import pytest
from mlflow.exceptions import MlflowException

from mlops_course.lessons.m07_tracking import (
    CONFIG_KEYS,
    FEATURES,
    METRICS,
    RunConfig,
    check_config,
    churn_pipeline,
    churn_split,
    evaluate,
    model_pip_requirements,
    silence_mlflow,
    train_churn_model,
)
from mlops_course.lessons.m07_tracking import server as server_module
from mlops_course.lessons.m07_tracking.champion import (
    holdout_sample,
    predict_champion,
    predict_in_fresh_process,
    tracking_at,
)
from mlops_course.lessons.m07_tracking.churn_model import churn_features
from mlops_course.lessons.m07_tracking.report import runs_table, storage_report, versions_table
from mlops_course.lessons.m07_tracking.scratch import (
    record_run,
    register_versions,
    scratch_experiment,
    scratch_model_name,
)
from mlops_course.lessons.m07_tracking.server import (
    free_port,
    is_healthy,
    mlflow_server,
    server_command,
    start_server,
)
from mlops_course.lessons.m07_tracking.store import (
    TrackingStore,
    checkpoint,
    get_or_create_experiment,
    open_store,
    tracking_uri_for,
    ui_command,
)

VALID: dict[str, object] = {
    "n_rows": 300,
    "data_seed": 3,
    "test_size": 0.3,
    "C": 1.0,
    "class_weight": None,
}


# --- churn_model -------------------------------------------------------------------------------


def test_check_config_returns_typed_config() -> None:
    config = check_config({**VALID, "C": 2, "class_weight": "balanced"})
    assert config == RunConfig(300, 3, 0.3, 2.0, "balanced")
    assert isinstance(config.C, float)
    assert list(config.as_dict()) == list(CONFIG_KEYS)
    assert check_config(config) is config


@pytest.mark.parametrize(
    ("change", "error", "fragment"),
    [
        ({"n_rows": "300"}, TypeError, "conviértelos"),
        ({"n_rows": True}, TypeError, "n_rows"),
        ({"data_seed": 1.0}, TypeError, "data_seed"),
        ({"C": "1.0"}, TypeError, "C debe ser un número"),
        ({"test_size": None}, TypeError, "test_size"),
        ({"n_rows": 199}, ValueError, "n_rows"),
        ({"n_rows": 200_001}, ValueError, "n_rows"),
        ({"data_seed": -1}, ValueError, "data_seed"),
        ({"test_size": 1.0}, ValueError, "test_size"),
        ({"test_size": math.nan}, ValueError, "test_size"),
        ({"C": 0}, ValueError, "C debe ser"),
        ({"C": math.inf}, ValueError, "C debe ser"),
        ({"class_weight": "None"}, ValueError, "texto"),
        ({"class_weight": "auto"}, ValueError, "class_weight"),
    ],
)
def test_check_config_rejects_bad_values(
    change: dict[str, object], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        check_config({**VALID, **change})


def test_check_config_names_missing_and_unknown_keys() -> None:
    with pytest.raises(ValueError, match=r"faltan las claves \['C', 'class_weight'\]"):
        check_config({"n_rows": 300, "data_seed": 1, "test_size": 0.3})
    with pytest.raises(ValueError, match=r"sobran las claves \['alpha'\]"):
        check_config({**VALID, "alpha": 1})
    with pytest.raises(TypeError, match="dict"):
        check_config([("n_rows", 300)])  # type: ignore[arg-type]


def test_churn_features_have_plain_dtypes() -> None:
    split = churn_split(300, 0, 0.25)
    X = split.X_train
    assert list(X.columns) == list(FEATURES)
    assert "gender" not in X.columns
    dtypes = {c: str(t) for c, t in X.dtypes.items()}
    assert dtypes["age"] == "int64" and dtypes["balance_eur"] == "float64"
    assert dtypes["is_active_member"] == "bool"
    assert all(isinstance(v, str) for v in X["region"])


def test_churn_features_casts_float_columns() -> None:
    frame = churn_split(300, 0, 0.25).X_test.astype({"age": "float64", "region": "category"})
    out = churn_features(frame)
    assert str(out["age"].dtype) == "float64"
    assert str(out["region"].dtype) in {"object", "str"}


def test_churn_split_is_stratified_and_sized() -> None:
    split = churn_split(400, 5, 0.25)
    assert len(split.X_test) == 100 and len(split.X_train) == 300
    assert abs(split.y_train.mean() - split.y_test.mean()) < 0.03
    with pytest.raises(ValueError, match="test_size"):
        churn_split(400, 5, 1.5)


def test_train_churn_model_is_deterministic_and_sane() -> None:
    first = train_churn_model(VALID)
    second = train_churn_model(dict(VALID))
    assert first.metrics == second.metrics
    assert set(first.metrics) == set(METRICS)
    assert 0.6 < first.metrics["roc_auc"] < 0.95
    other = train_churn_model({**VALID, "data_seed": 4})
    assert other.metrics != first.metrics


def test_class_weight_balanced_raises_recall() -> None:
    plain = train_churn_model({**VALID, "n_rows": 1000})
    balanced = train_churn_model({**VALID, "n_rows": 1000, "class_weight": "balanced"})
    assert balanced.metrics["recall"] > plain.metrics["recall"]


def test_evaluate_and_pipeline_steps() -> None:
    split = churn_split(300, 1, 0.3)
    model = churn_pipeline(0.5, None).fit(split.X_train, split.y_train)
    assert [name for name, _ in model.steps] == ["preprocess", "classifier"]
    metrics = evaluate(model, split.X_test, split.y_test)
    assert set(metrics) == set(METRICS)
    assert all(isinstance(v, float) for v in metrics.values())


def test_model_pip_requirements_are_pinned() -> None:
    pins = model_pip_requirements()
    names = [p.split("==")[0] for p in pins]
    assert names == ["scikit-learn", "skops", "pandas", "numpy"]
    assert all("==" in p and p.split("==")[1] for p in pins)


def test_silence_mlflow_is_idempotent() -> None:
    silence_mlflow()
    silence_mlflow(logging.ERROR)
    assert logging.getLogger("mlflow").level == logging.ERROR
    assert logging.getLogger("alembic").level == logging.ERROR
    silence_mlflow()


# --- store ---------------------------------------------------------------------------------------


def test_tracking_uri_for_is_absolute_sqlite(tmp_path: Path) -> None:
    uri = tracking_uri_for(tmp_path / "mlflow.db")
    assert uri == f"sqlite:///{(tmp_path / 'mlflow.db').resolve().as_posix()}"
    assert uri.startswith("sqlite:////")
    with pytest.raises(TypeError, match="pathlib"):
        tracking_uri_for("mlflow.db")  # type: ignore[arg-type]


def test_open_store_rejects_bad_workspace(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="pathlib"):
        open_store(str(tmp_path))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no existe"):
        open_store(tmp_path / "missing")


def test_ui_command_is_exact_and_validates_port(tmp_path: Path) -> None:
    store = TrackingStore(
        tmp_path, tmp_path / "mlflow.db", tmp_path / "artifacts", "sqlite:////x/mlflow.db", False, 0
    )
    command = ui_command(store, port=5001)
    assert command.startswith("mlflow ui --backend-store-uri sqlite:////x/mlflow.db ")
    assert "--default-artifact-root file://" in command
    assert command.endswith("--host 127.0.0.1 --port 5001")
    for bad in (80, 70_000, True, "5000"):
        with pytest.raises(ValueError, match="port"):
            ui_command(store, port=bad)  # type: ignore[arg-type]


@pytest.fixture(scope="module", autouse=True)
def no_leaked_mlflow_uris() -> Iterator[None]:
    """``open_store`` sets MLflow's URIs AND their environment variables; child processes of later
    test files (the churn project's own tests) would inherit this module's store: put them back."""
    names = ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI")
    saved = {name: os.environ.get(name) for name in names}
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    mlflow.set_tracking_uri(saved["MLFLOW_TRACKING_URI"])
    mlflow.set_registry_uri(saved["MLFLOW_REGISTRY_URI"])  # type: ignore[arg-type]
    for name, value in saved.items():  # set_*_uri wrote the variables again
        if value is None:
            os.environ.pop(name, None)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace whose store is created once for this module's slow tests."""
    workspace = tmp_path_factory.mktemp("ws07")
    first = open_store(workspace)
    assert first.created and first.db_path.is_file()
    return workspace


@pytest.fixture()
def store(store_dir: Path) -> TrackingStore:
    """Reopen the store (fast) so the process-wide tracking URI points at it."""
    return open_store(store_dir)


@pytest.mark.slow
def test_open_store_is_idempotent_and_uses_wal(store: TrackingStore) -> None:
    assert not store.created
    assert mlflow.get_tracking_uri() == store.tracking_uri
    assert mlflow.get_registry_uri() == store.tracking_uri
    assert store.artifact_root == store.workspace / "artifacts" and store.artifact_root.is_dir()
    with sqlite3.connect(store.db_path) as connection:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    connection.close()
    assert mode == "wal"


@pytest.mark.slow
def test_experiments_keep_artifacts_in_workspace(store: TrackingStore) -> None:
    experiment_id = get_or_create_experiment(store, "Churn Grid / v1")
    assert get_or_create_experiment(store, "Churn Grid / v1") == experiment_id
    location = store.client.get_experiment(experiment_id).artifact_location
    assert location == (store.artifact_root / "churn-grid-v1").as_uri()
    store.client.delete_experiment(experiment_id)
    assert get_or_create_experiment(store, "Churn Grid / v1") == experiment_id
    assert store.client.get_experiment(experiment_id).lifecycle_stage == "active"
    for bad in ("", "   ", None):
        with pytest.raises(ValueError, match="experimento"):
            get_or_create_experiment(store, bad)  # type: ignore[arg-type]


@pytest.mark.slow
def test_checkpoint_folds_the_wal(store: TrackingStore) -> None:
    with scratch_experiment(store, "wal") as experiment_id:
        record_run(experiment_id, {"C": 1}, {"roc_auc": 0.5})
    checkpoint(store)
    wal = store.db_path.with_name("mlflow.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0


# --- scratch and report --------------------------------------------------------------------------


@pytest.mark.slow
def test_record_run_and_runs_table(store: TrackingStore) -> None:
    with scratch_experiment(store, "tabla") as experiment_id:
        assert runs_table(experiment_id).empty
        first = record_run(experiment_id, VALID, {"roc_auc": 0.7}, start_time=1_000)
        failed = record_run(experiment_id, VALID, {"roc_auc": 0.9}, "FAILED", start_time=2_000)
        table = runs_table(experiment_id)
        assert list(table["run_id"]) == [first, failed]
        assert list(table["status"]) == ["FINISHED", "FAILED"]
        assert list(table.columns) == ["run_id", "status", *CONFIG_KEYS, "roc_auc"]
        assert table.loc[0, "class_weight"] == "None"


@pytest.mark.slow
def test_scratch_experiment_cleans_up(store: TrackingStore) -> None:
    with scratch_experiment(store, "limpieza") as experiment_id:
        folder = store.artifact_root / store.client.get_experiment(experiment_id).name
        folder.mkdir(parents=True)
        (folder / "x.txt").write_text("x")
    assert store.client.get_experiment(experiment_id).lifecycle_stage == "deleted"
    assert not folder.exists()
    with scratch_experiment(store, "huerfano") as experiment_id:
        orphan = mlflow.start_run(experiment_id=experiment_id)
    assert mlflow.active_run() is None
    assert store.client.get_run(orphan.info.run_id).info.status == "KILLED"
    with pytest.raises(ValueError, match="prefix"), scratch_experiment(store, ""):
        pass


@pytest.mark.slow
def test_register_versions_and_versions_table(store: TrackingStore) -> None:
    with (
        scratch_experiment(store, "versiones") as experiment_id,
        scratch_model_name(store) as name,
    ):
        numbers = register_versions(
            store, name, experiment_id, [{"roc_auc": 0.7}, {"roc_auc": 0.8, "recall": 0.4}]
        )
        assert numbers == [1, 2]
        source = store.client.get_model_version(name, "1").source
        assert register_versions(store, name, experiment_id, [{}], source=source) == [3]
        store.client.set_registered_model_alias(name, "champion", "2")
        table = versions_table(store, name)
        assert list(table["version"]) == [3, 2, 1]
        assert list(table["aliases"]) == ["", "champion", ""]
        assert table.loc[1, "roc_auc"] == 0.8 and table.loc[1, "recall"] == 0.4
        assert pd.isna(table.loc[0, "roc_auc"])
        loaded = mlflow.pyfunc.load_model(f"models:/{name}@champion")
        sample = train_churn_model(VALID).split.X_test.head(3)
        assert loaded.predict(sample).shape == (3, 2)
        with pytest.raises(ValueError, match="run_metrics"):
            register_versions(store, name, experiment_id, [])
    with pytest.raises(MlflowException):
        store.client.get_registered_model(name)


@pytest.mark.slow
def test_scratch_model_name_tolerates_unused_name(store: TrackingStore) -> None:
    with scratch_model_name(store, "sin-usar") as name:
        assert name.startswith("sin-usar-")


@pytest.mark.slow
def test_storage_report_counts(store: TrackingStore) -> None:
    experiment_id = get_or_create_experiment(store, "informe")
    record_run(experiment_id, VALID, {"roc_auc": 0.6})
    report = storage_report(store)
    assert report["runs"] >= 1
    assert report["db_kib"] > 0 and report["artifacts_kib"] >= 0
    assert set(report) == {"db_kib", "artifacts_kib", "runs", "model_versions"}


@pytest.mark.slow
def test_silenced_registration_prints_nothing(
    store: TrackingStore, capsys: pytest.CaptureFixture[str]
) -> None:
    silence_mlflow()
    with (
        warnings.catch_warnings(),
        scratch_experiment(store, "silencio") as experiment_id,
        scratch_model_name(store) as name,
    ):
        register_versions(store, name, experiment_id, [{"roc_auc": 0.5}])
    captured = capsys.readouterr()
    assert "Created version" not in captured.err + captured.out


# --- the project's MLflow server ---------------------------------------------------------------


def test_server_command_is_sqlite_with_proxied_artifacts(tmp_path: Path) -> None:
    command = server_command(tmp_path / "store", 5055, tmp_path / "art")
    assert command[:3] == [
        sys.executable,
        "-m",
        "mlops_course.lessons.m07_tracking.one_process_server",
    ]
    joined = " ".join(command)
    assert f"--backend-store-uri sqlite:///{(tmp_path / 'store').resolve() / 'mlflow.db'}" in joined
    assert "--serve-artifacts" in command
    assert f"--artifacts-destination {(tmp_path / 'art').resolve()}" in joined
    assert "--host 127.0.0.1 --port 5055" in joined


def test_free_port_is_bindable() -> None:
    port = free_port()
    assert 0 < port < 65536
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))
    assert not is_healthy(f"http://127.0.0.1:{port}", timeout=0.2)


@pytest.mark.parametrize(
    "kwargs", [{"timeout": 0}, {"timeout": -1.0}, {"port": 0}, {"port": 70_000}]
)
def test_start_server_rejects_bad_arguments(tmp_path: Path, kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"timeout|port"):
        start_server(tmp_path, **kwargs)  # type: ignore[arg-type]


def test_start_server_times_out_in_spanish_and_stops_the_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    monkeypatch.setattr(server_module, "server_command", lambda *args, **kwargs: sleeper)
    started = time.perf_counter()
    with pytest.raises(TimeoutError, match="no respondió"):
        start_server(tmp_path, timeout=0.5)
    assert time.perf_counter() - started < 20


def test_start_server_reports_a_crash_with_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crasher = [sys.executable, "-c", "print('puerto ocupado'); raise SystemExit(3)"]
    monkeypatch.setattr(server_module, "server_command", lambda *args, **kwargs: crasher)
    with pytest.raises(RuntimeError, match=r"(?s)código 3.*puerto ocupado"):
        start_server(tmp_path, timeout=30)


@pytest.mark.slow
def test_mlflow_server_serves_tracking_and_proxied_artifacts(tmp_path: Path) -> None:
    with mlflow_server(tmp_path / "store") as server:
        assert server.running and is_healthy(server.uri)
        assert server.startup_seconds > 0
        # One process: MLflow's CLI became the uvicorn it started (≈ 200 MB less on Binder).
        serving = psutil.Process(server.process.pid)
        assert "uvicorn" in " ".join(serving.cmdline()) and serving.children() == []
        client = mlflow.MlflowClient(tracking_uri=server.uri)
        experiment = client.create_experiment("proxied")
        assert client.get_experiment(experiment).artifact_location.startswith("mlflow-artifacts:")
        run = client.create_run(experiment)
        note = tmp_path / "note.txt"
        note.write_text("hola", encoding="utf-8")
        client.log_artifact(run.info.run_id, str(note))
        client.set_terminated(run.info.run_id)
        written = list(server.artifacts.rglob("note.txt"))
        assert [path.read_text(encoding="utf-8") for path in written] == ["hola"]
    assert not server.running
    assert not is_healthy(server.uri)
    assert (tmp_path / "store" / "mlflow.db").is_file()


# --- the champion in a fresh process -----------------------------------------------------------


def test_holdout_sample_validates_rows_and_project(tmp_path: Path) -> None:
    for bad in (0, -1, True, "5"):
        with pytest.raises(ValueError, match="rows"):
            holdout_sample(tmp_path, "models:/x@champion", bad)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="dvc repro"):
        holdout_sample(tmp_path, "models:/x@champion", 5)


def test_tracking_at_restores_uris_and_environment(tmp_path: Path) -> None:
    bar = "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR"
    before = mlflow.get_tracking_uri(), os.environ.get(bar)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    with tracking_at(other):
        assert mlflow.get_tracking_uri() == other
        assert os.environ["MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR"] == "false"
    assert (
        mlflow.get_tracking_uri(),
        os.environ.get("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR"),
    ) == before


@pytest.mark.slow
def test_the_champion_predicts_the_same_in_a_fresh_process(
    store: TrackingStore, tmp_path: Path
) -> None:
    trained = train_churn_model(VALID)
    project = tmp_path / "project"
    (project / "data" / "prepared").mkdir(parents=True)
    trained.split.X_test.to_csv(project / "data" / "prepared" / "test.csv", index=False)
    with scratch_experiment(store, "fresh") as experiment, scratch_model_name(store) as name:
        register_versions(store, name, experiment, [{"roc_auc": 0.8}])
        store.client.set_registered_model_alias(name, "champion", "1")
        uri = f"models:/{name}@champion"
        here = predict_champion(project, uri, rows=7)
        fresh = predict_in_fresh_process(project, store.tracking_uri, uri, rows=7)
        assert len(here) == 7 and fresh == here
        with pytest.raises(RuntimeError, match="no pudo cargar"):
            predict_in_fresh_process(project, store.tracking_uri, f"models:/{name}@nadie", rows=3)


@pytest.mark.slow
def test_register_versions_tags_each_run(store: TrackingStore) -> None:
    with scratch_experiment(store, "tags") as experiment, scratch_model_name(store) as name:
        register_versions(
            store,
            name,
            experiment,
            [{"roc_auc": 0.7}, {"roc_auc": 0.8}],
            run_tags=[{"data_version": "a"}, {"data_version": "b"}],
        )
        tags = [
            store.client.get_run(store.client.get_model_version(name, str(v)).run_id).data.tags
            for v in (1, 2)
        ]
        assert [t["data_version"] for t in tags] == ["a", "b"]
        with pytest.raises(ValueError, match="run_tags"):
            register_versions(store, name, experiment, [{"roc_auc": 0.7}], run_tags=[])
