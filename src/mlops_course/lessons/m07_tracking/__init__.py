"""Experiment tracking with MLflow for module 07 (a practice store and the project's server).

Importing the package is light (scikit-learn and skops, no MLflow); the MLflow parts are
submodules, imported on purpose once the notebook has switched telemetry off:

* :mod:`.churn_model` (re-exported here) — the module's small churn pipeline and its typed,
  validated run config;
* :mod:`.quiet` (re-exported here) — silence MLflow's INFO logging and warnings;
* :mod:`.store` — one SQLite tracking/registry store per workspace, experiments whose artifacts
  stay in the workspace, the exact ``mlflow ui`` command;
* :mod:`.report` — tidy tables of runs, registered versions and storage used;
* :mod:`.scratch` — throwaway experiments, model names and hand-made runs for tests;
* :mod:`.server` — a real ``mlflow server`` on 127.0.0.1 (SQLite, proxied artifacts) that the
  churn project's ``dvc repro`` logs to, started and stopped cleanly;
* :mod:`.champion` — the project's champion loaded by alias in a fresh process.
"""

from mlops_course.lessons.m07_tracking import _preload  # noqa: F401  (must run before MLflow loads)
from mlops_course.lessons.m07_tracking.churn_model import (
    CONFIG_KEYS,
    FEATURES,
    METRICS,
    ChurnSplit,
    RunConfig,
    TrainedChurnModel,
    check_config,
    churn_pipeline,
    churn_split,
    evaluate,
    model_pip_requirements,
    train_churn_model,
)
from mlops_course.lessons.m07_tracking.quiet import silence_mlflow

__all__ = [
    "CONFIG_KEYS",
    "FEATURES",
    "METRICS",
    "ChurnSplit",
    "RunConfig",
    "TrainedChurnModel",
    "check_config",
    "churn_pipeline",
    "churn_split",
    "evaluate",
    "model_pip_requirements",
    "silence_mlflow",
    "train_churn_model",
]
