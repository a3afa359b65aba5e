"""Throwaway MLflow objects for tests: unique experiments and model names, hand-made runs.

Tests must not depend on runs left by an earlier execution, so every test works in its own
uniquely named experiment (deleted afterwards, with its artifacts) and builds the runs and model
versions it needs with the client API, independently of the student's own functions.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import unquote, urlparse

import mlflow
from mlflow.entities import Metric, Param, RunTag
from mlflow.exceptions import MlflowException
from mlflow.models import infer_signature

from mlops_course.lessons.m07_tracking.churn_model import model_pip_requirements, train_churn_model
from mlops_course.lessons.m07_tracking.store import TrackingStore, get_or_create_experiment

SCRATCH_CONFIG: dict[str, object] = {
    "n_rows": 300,
    "data_seed": 0,
    "test_size": 0.3,
    "C": 1.0,
    "class_weight": None,
}


def _unique(prefix: str) -> str:
    if not isinstance(prefix, str) or not prefix.strip():
        raise ValueError("prefix debe ser un texto no vacío.")
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@contextmanager
def scratch_experiment(store: TrackingStore, prefix: str = "prueba") -> Iterator[str]:
    """Yield the id of a new, uniquely named experiment; delete it and its artifacts on exit.

    A run of that experiment still active on exit is ended as ``KILLED`` first.
    """
    experiment_id = get_or_create_experiment(store, _unique(prefix))
    client = store.client
    try:
        yield experiment_id
    finally:
        # A run left open inside this experiment (a buggy function under test) would make every
        # later ``start_run`` fail: close it before the experiment goes away.
        active = mlflow.active_run()
        if active is not None and active.info.experiment_id == experiment_id:
            mlflow.end_run(status="KILLED")
        location = client.get_experiment(experiment_id).artifact_location
        client.delete_experiment(experiment_id)
        parsed = urlparse(location)
        folder = Path(unquote(parsed.path)) if parsed.scheme in ("", "file") else None
        if folder is not None and store.artifact_root in folder.parents:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def scratch_model_name(store: TrackingStore, prefix: str = "modelo-prueba") -> Iterator[str]:
    """Yield a unique registered-model name; delete that model (if it was created) on exit."""
    name = _unique(prefix)
    try:
        yield name
    finally:
        with suppress(MlflowException):
            store.client.delete_registered_model(name)


def record_run(
    experiment_id: str,
    params: Mapping[str, object],
    metrics: Mapping[str, float],
    status: str = "FINISHED",
    start_time: int | None = None,
    tags: Mapping[str, str] | None = None,
) -> str:
    """Create a finished (or ``status``) run with these params, metrics and tags; return its id.

    Uses the client API (no training), so tests can build exactly the runs they need.
    """
    client = mlflow.MlflowClient()
    run = client.create_run(str(experiment_id), start_time=start_time)
    run_id = str(run.info.run_id)
    client.log_batch(
        run_id,
        metrics=[Metric(key, float(value), 0, 0) for key, value in metrics.items()],
        params=[Param(key, str(value)) for key, value in params.items()],
        tags=[RunTag(key, str(value)) for key, value in (tags or {}).items()],
    )
    client.set_terminated(run_id, status=status)
    return run_id


def register_versions(
    store: TrackingStore,
    model_name: str,
    experiment_id: str,
    run_metrics: Sequence[Mapping[str, float]],
    source: str | None = None,
    run_tags: Sequence[Mapping[str, str]] | None = None,
    log_model: bool = True,
) -> list[int]:
    """Register one version of ``model_name`` per entry of ``run_metrics``; return the numbers.

    Each version points to its own run carrying those metrics (and the tags of the same entry
    of ``run_tags``, e.g. ``{"data_version": "…"}``). With ``log_model=False`` no model is
    logged: each version's source is ``runs:/<its run>/model``, enough for aliases and metrics
    (milliseconds instead of a second), not for loading. Unless ``source`` (the URI of an
    already logged model, e.g. another version's ``source``) is given, a small real churn model
    is logged once and shared by all versions, so every version can be loaded and used.
    """
    if not run_metrics:
        raise ValueError("run_metrics debe tener al menos una entrada.")
    if run_tags is not None and len(run_tags) != len(run_metrics):
        raise ValueError("run_tags debe tener una entrada por cada una de run_metrics.")
    client = store.client
    tags = run_tags if run_tags is not None else [{}] * len(run_metrics)
    run_ids = [
        record_run(experiment_id, SCRATCH_CONFIG, metrics, tags=run_tag)
        for metrics, run_tag in zip(run_metrics, tags, strict=True)
    ]
    if source is None and log_model:
        source = _log_small_model(run_ids[0])
    try:
        client.create_registered_model(model_name)
    except MlflowException as exc:
        if exc.error_code != "RESOURCE_ALREADY_EXISTS":
            raise
    numbers = []
    for run_id in run_ids:
        where = source if source is not None else f"runs:/{run_id}/model"
        mv = client.create_model_version(model_name, source=where, run_id=run_id)
        numbers.append(int(mv.version))
    return numbers


def _log_small_model(run_id: str) -> str:
    """Log a small, real churn model (signature, predict_proba) into ``run_id``; return its URI."""
    trained = train_churn_model(SCRATCH_CONFIG)
    sample = trained.split.X_test.head(5)
    signature = infer_signature(sample, trained.model.predict_proba(sample))
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            trained.model,
            name="model",
            signature=signature,
            pip_requirements=model_pip_requirements(),
            pyfunc_predict_fn="predict_proba",
        )
    return str(info.model_uri)
