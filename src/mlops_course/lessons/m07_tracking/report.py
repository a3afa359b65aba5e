"""Tidy tables of what a store holds: runs of an experiment, versions of a model, disk used."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import mlflow
import pandas as pd

from mlops_course.lessons.m07_tracking.churn_model import CONFIG_KEYS, METRICS
from mlops_course.lessons.m07_tracking.store import TrackingStore


def runs_table(
    experiment_id: str,
    params: Sequence[str] = CONFIG_KEYS,
    metrics: Sequence[str] = METRICS,
) -> pd.DataFrame:
    """One row per run of ``experiment_id`` (oldest first): id, status, params and metrics.

    Columns that no run has are left out; an experiment without runs gives an empty table.
    """
    found = mlflow.search_runs(
        experiment_ids=[str(experiment_id)], order_by=["attributes.start_time ASC"]
    )
    assert isinstance(found, pd.DataFrame)
    columns = {"run_id": "run_id", "status": "status"}
    columns |= {f"params.{p}": p for p in params}
    columns |= {f"metrics.{m}": m for m in metrics}
    present = {k: v for k, v in columns.items() if k in found.columns}
    table = found[list(present)].rename(columns=present).reset_index(drop=True)
    return table


def versions_table(
    store: TrackingStore, model_name: str, metrics: Sequence[str] = METRICS
) -> pd.DataFrame:
    """One row per version of ``model_name`` (newest first): aliases, source run and metrics."""
    client = store.client
    aliases: dict[int, list[str]] = {}
    for alias, number in client.get_registered_model(model_name).aliases.items():
        aliases.setdefault(int(number), []).append(alias)
    rows = []
    for mv in client.search_model_versions(f"name = '{model_name}'"):
        number = int(mv.version)
        row: dict[str, object] = {
            "version": number,
            "aliases": ", ".join(sorted(aliases.get(number, []))),
            "run_id": mv.run_id,
        }
        run_metrics = client.get_run(mv.run_id).data.metrics if mv.run_id else {}
        row |= {m: run_metrics.get(m) for m in metrics}
        rows.append(row)
    return pd.DataFrame(rows).sort_values("version", ascending=False).reset_index(drop=True)


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def storage_report(store: TrackingStore) -> dict[str, float]:
    """Disk used by the store: database (+ its WAL) and artifacts in KiB; runs and versions."""
    client = store.client
    experiments = client.search_experiments()
    runs = 0
    for experiment in experiments:
        runs += len(mlflow.search_runs([experiment.experiment_id], output_format="list"))
    versions = len(client.search_model_versions())
    wal = store.db_path.with_name(store.db_path.name + "-wal")
    database_bytes = _size(store.db_path) + (_size(wal) if wal.exists() else 0)
    return {
        "db_kib": database_bytes / 1024,
        "artifacts_kib": _size(store.artifact_root) / 1024 if store.artifact_root.exists() else 0.0,
        "runs": float(runs),
        "model_versions": float(versions),
    }
