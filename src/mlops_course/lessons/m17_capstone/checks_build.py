"""Checks of the layers that build the model: DVC pipeline (05-06), MLflow registry (07), the
project's tests and coverage (08) and the code-quality job (09)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Final

import yaml

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR
from mlops_course.lessons.churn_project.compare import served_store
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context
from mlops_course.lessons.m17_capstone.store import (
    registered_aliases,
    run_metric_count,
    run_params,
    store_db,
)
from mlops_course.lessons.m17_capstone.tools import executable, pytest_summary, run, tail

STAGES: Final = ("prepare", "validate", "train")
METRICS: Final = ("roc_auc", "threshold", "cost_per_customer_eur")
MIN_ROC_AUC: Final = 0.6
COVERAGE: Final = 80.0


def _yaml(path: Path, what: str) -> dict[str, Any]:
    if not path.is_file():
        raise CheckFailed(f"Falta {what} ({path.name}).")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CheckFailed(f"{path.name} no es YAML válido: {error}.") from error
    if not isinstance(data, dict):
        raise CheckFailed(f"{path.name} debe ser un mapa YAML.")
    return data


def _metrics(project: Path) -> dict[str, Any]:
    path = project / "metrics.json"
    if not path.is_file():
        raise CheckFailed("Falta metrics.json: la etapa train de DVC debe escribirlo.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CheckFailed(f"metrics.json no es JSON válido: {error}.") from error
    if not isinstance(data, dict):
        raise CheckFailed("metrics.json debe ser un objeto JSON.")
    return data


def status_lines(status: dict[str, Any]) -> tuple[str, ...]:
    """``dvc status --json`` in words: one line per changed path of each stage."""
    lines = []
    for stage, changes in sorted(status.items()):
        for change in changes if isinstance(changes, list) else [changes]:
            if not isinstance(change, dict):
                lines.append(f"{stage}: {change}")
                continue
            for kind, paths in change.items():
                items = paths.items() if isinstance(paths, dict) else [(paths, "")]
                lines.extend(f"{stage}: {kind} → {path} {state}".rstrip() for path, state in items)
    return tuple(lines)


def pipeline(project: Path, context: Context) -> tuple[str, ...]:
    """dvc.yaml with the three stages, ``dvc status`` with nothing to reproduce, the model and
    its metrics written by the pipeline."""
    stages = _yaml(project / "dvc.yaml", "el pipeline de DVC").get("stages") or {}
    missing = [name for name in STAGES if name not in stages]
    if missing:
        raise CheckFailed(f"A dvc.yaml le faltan las etapas: {', '.join(missing)}.")
    code, output = run([sys.executable, "-m", "dvc", "status", "--json"], project, context.env)
    if code != 0:
        raise CheckFailed("`dvc status` falló.", tail(output))
    try:
        status = json.loads(output.strip().splitlines()[-1]) if output.strip() else {}
    except json.JSONDecodeError as error:
        raise CheckFailed("`dvc status --json` no devolvió JSON.", tail(output)) from error
    if status:
        changed = ", ".join(sorted(status))
        raise CheckFailed(
            f"El pipeline no está al día: `dvc status` ve cambios en {changed}. Ejecuta "
            "`dvc repro` y haz commit de dvc.lock (y `dvc push`).",
            status_lines(status),
        )
    if not (project / "models" / "model.skops").is_file():
        raise CheckFailed("Falta models/model.skops: ejecuta `dvc repro` (o `dvc pull`).")
    metrics = _metrics(project)
    absent = [name for name in METRICS if not isinstance(metrics.get(name), (int, float))]
    if absent:
        raise CheckFailed(f"A metrics.json le faltan métricas numéricas: {', '.join(absent)}.")
    if float(metrics["roc_auc"]) < MIN_ROC_AUC:
        raise CheckFailed(
            f"ROC AUC {metrics['roc_auc']} < {MIN_ROC_AUC}: el modelo no discrimina; revisa el "
            "pipeline de entrenamiento."
        )
    return (
        f"dvc.yaml con {len(stages)} etapas ({', '.join(stages)}); `dvc status`: al día",
        f"ROC AUC {metrics['roc_auc']}, costo por cliente {metrics['cost_per_customer_eur']} €",
    )


def registry(project: Path, context: Context) -> tuple[str, ...]:
    """The model registered under params.yaml's name with the alias every training sets
    (``tracking.candidate_alias``), and the run of the last training (reports/mlflow_run.json)
    in the store with its metrics. ``champion`` is a team's promotion decision (module 07): the
    API check serves it when it exists."""
    tracking = _yaml(project / "params.yaml", "params.yaml").get("tracking") or {}
    name = str(tracking.get("registered_model", "")).strip()
    candidate = str(tracking.get("candidate_alias", "challenger")).strip()
    if not name:
        raise CheckFailed("params.yaml no dice qué modelo registrar (tracking.registered_model).")
    db = store_db(project.parent)
    if not db.is_file():
        raise CheckFailed(f"No hay almacén de MLflow junto al proyecto ({db}).")
    run_file = project / "reports" / "mlflow_run.json"
    try:
        run_id = str(json.loads(run_file.read_text(encoding="utf-8"))["run_id"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CheckFailed(
            "reports/mlflow_run.json no dice qué run registró el último entrenamiento."
        ) from error
    aliases = registered_aliases(project.parent, name)
    found = run_metric_count(project.parent, run_id)
    if candidate not in aliases:
        raise CheckFailed(
            f"El modelo registrado «{name}» no tiene el alias «{candidate}» que pone cada "
            "entrenamiento (`dvc repro` registra la versión nueva con ese alias)."
        )
    if not found:
        raise CheckFailed(
            f"El run {run_id} de reports/mlflow_run.json no tiene métricas en MLflow."
        )
    train = _yaml(project / "params.yaml", "params.yaml").get("train") or {}
    logged = run_params(project.parent, run_id)
    absent = sorted(str(key) for key in train if str(key) not in logged)
    if absent:
        raise CheckFailed(
            f"El run {run_id[:8]} no registró los hiperparámetros de params.yaml: "
            f"{', '.join(absent)}. Sin ellos no se puede repetir ni comparar el entrenamiento."
        )
    return (
        f"«{name}» con alias {', '.join(sorted(aliases))}",
        f"run {run_id[:8]}: {found} métricas y {len(logged)} parámetros",
    )


def _coverage(report: Path, excluded: tuple[str, ...]) -> tuple[float, int]:
    data = json.loads(report.read_text(encoding="utf-8"))
    statements = covered = files = 0
    for path, entry in data.get("files", {}).items():
        parts = Path(path).parts
        if any(folder in parts for folder in excluded):
            continue
        files += 1
        statements += int(entry["summary"]["num_statements"])
        covered += int(entry["summary"]["covered_lines"])
    return (100.0 * covered / statements if statements else 0.0), files


def tests_coverage(project: Path, context: Context) -> tuple[str, ...]:
    """The project's own tests (those of other criteria apart) pass, and they cover at least
    80 % of the code no other criterion owns."""
    if not (project / "tests").is_dir():
        raise CheckFailed("El proyecto no tiene carpeta tests/.")
    report = context.scratch / "coverage.json"
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
        "--cov=churn_project", f"--cov-report=json:{report}", "-o", "cache_dir=/dev/null",
    ]  # fmt: skip
    command += [f"--ignore={path}" for path in context.other_tests]
    env = context.env
    if served_store(project.parent):
        from mlops_course.lessons.m07_tracking.server import mlflow_server

        with mlflow_server(project.parent / MLFLOW_DIR) as server:
            code, output = run(command, project, {**env, "MLFLOW_TRACKING_URI": server.uri})
    else:
        code, output = run(command, project, env)
    summary = pytest_summary(output)
    if code != 0:
        raise CheckFailed(f"Los tests del proyecto fallan: {summary}.", tail(output))
    if not report.is_file():
        raise CheckFailed("pytest no escribió el informe de cobertura (¿falta pytest-cov?).")
    percent, files = _coverage(report, context.other_sources)
    if percent < COVERAGE:
        raise CheckFailed(
            f"Cobertura {percent:.1f} % < {COVERAGE:.0f} % en {files} archivos de "
            "src/churn_project/: añade tests de lo que no se ejecuta."
        )
    return (summary, f"cobertura {percent:.1f} % en {files} archivos")


def code_quality(project: Path, context: Context) -> tuple[str, ...]:
    """``ruff check``, ``ruff format --check`` and ``mypy`` (strict, from pyproject.toml)."""
    steps = {
        "ruff check": [executable("ruff"), "check", "--no-cache", "."],
        "ruff format --check": [executable("ruff"), "format", "--check", "--no-cache", "."],
        "mypy": [executable("mypy"), "--cache-dir", str(context.scratch / "mypy")],
    }
    evidence = []
    for label, command in steps.items():
        code, output = run(command, project, context.env)
        if code != 0:
            raise CheckFailed(f"`{label}` encuentra problemas.", tail(output))
        evidence.append(f"{label}: {(tail(output, 1) or ('ok',))[0]}")
    return tuple(evidence)
