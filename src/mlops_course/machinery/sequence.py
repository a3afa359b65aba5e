"""The project as a student makes it: the solutions of modules 05 … N, in order, in ONE workspace.

Each module's chain test starts from the reference checkpoint; this run starts from nothing and
lets every module build on the project the previous one left (``ensure_project`` then finds the
student's own project, not the reference). At the end the project must have everything the
checkpoint after N has (:func:`~mlops_course.lessons.churn_project.compare.project_gaps`: tracked
files, DVC graph, MLflow aliases, ``dvc status``, the project's own tests), ``dvc repro`` must
find nothing to do and the champion must load by alias in a fresh process and predict.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR, cached_checkpoint
from mlops_course.lessons.churn_project.checkpoint import DEFAULT_SEED, checkpoint_env
from mlops_course.lessons.churn_project.compare import (
    project_gaps,
    registered_aliases,
    served_store,
)
from mlops_course.lessons.churn_project.layers import PROJECT_DIR, layer, layer_files
from mlops_course.lessons.m07_tracking.server import mlflow_server
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.execute import ExecutionResult, execute_module
from mlops_course.machinery.procenv import run_tool

CI_ROWS = 1000  # PROJECT_ROWS of every module's ci_parameters.yaml


@dataclass
class SequenceRun:
    """What the sequence did: one execution per module, then the project's gaps."""

    results: list[ExecutionResult] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    last: str = ""
    workspace: Path | None = None
    """The workspace left for inspection (``keep``), else None."""

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(r.status == "ok" for r in self.results) and not self.gaps


def project_modules(root: Path, upto: str) -> list[str]:
    """Slugs of the modules 05 … ``upto`` whose layer has reference files, in order."""
    last = layer(upto).module
    slugs = []
    for module in discover_modules(root / "content"):
        number = module.slug[:2]
        if number.isdigit() and "05" <= number <= last and layer_files(number) is not None:
            slugs.append(module.slug)
    return slugs


def run_sequence(
    root: Path, upto: str, out_dir: Path, timeout: int = 600, keep: bool = False
) -> SequenceRun:
    """Execute the solutions of 05 … ``upto`` in one workspace and check the project they leave.

    ``keep``: the workspace is a new folder under ``out_dir`` that stays for inspection
    (``run.workspace``); otherwise a temporary one, removed at the end."""
    run = SequenceRun()
    slugs = project_modules(root, upto)
    modules = {m.slug: m for m in discover_modules(root / "content", slugs)}
    with tempfile.TemporaryDirectory(prefix="secuencia-") as tmp:
        if keep:
            out_dir.mkdir(parents=True, exist_ok=True)
            workspace = Path(tempfile.mkdtemp(prefix="workspace-", dir=out_dir.resolve()))
        else:
            workspace = Path(tmp) / "workspace"
            workspace.mkdir()
        run.workspace = workspace if keep else None
        for slug in slugs:
            result = execute_module(modules[slug], root, out_dir, timeout, workspace=workspace)
            run.results.append(result)
            run.last = slug[:2]
            if result.status != "ok":
                return run
        if not slugs:
            return run
        reference = cached_checkpoint(
            run.last, Path(tmp) / "referencia", n_rows=CI_ROWS, seed=DEFAULT_SEED
        )
        run.gaps = project_gaps(workspace / PROJECT_DIR, reference.project)
        run.gaps += deliverable_gaps(workspace / PROJECT_DIR)
    return run


CHAMPION_SCRIPT = """
import json, sys
import mlflow
model = mlflow.pyfunc.load_model(sys.argv[1])
labels = sorted({int(v) for v in model.predict(model.input_example)})
print(json.dumps(labels))
"""


def deliverable_gaps(project: Path) -> list[str]:
    """What a student would try first on the finished project, in Spanish: ``dvc repro`` finds
    nothing to do, and the champion model (if module 07 named one) loads by alias in a fresh
    process, through the team's MLflow server when the store needs it, and predicts."""
    gaps: list[str] = []
    env = checkpoint_env(project.parent)
    repro = run_tool([sys.executable, "-m", "dvc", "repro"], cwd=project, env=env, timeout=600)
    if repro.returncode != 0 or "up to date" not in repro.stdout:
        gaps.append(f"dvc repro no deja el pipeline al día: {repro.stdout.strip()[-600:]}")
    params = yaml.safe_load((project / "params.yaml").read_text(encoding="utf-8")) or {}
    name = params.get("tracking", {}).get("registered_model")
    if not name or (name, "champion") not in registered_aliases(project.parent):
        return gaps
    command = [sys.executable, "-c", CHAMPION_SCRIPT, f"models:/{name}@champion"]
    env = {**env, "PYTHONPATH": str(project / "src")}
    store = project.parent / MLFLOW_DIR
    with contextlib.ExitStack() as stack:
        if served_store(project.parent):
            server = stack.enter_context(mlflow_server(store))
            env["MLFLOW_TRACKING_URI"] = server.uri
        else:
            env["MLFLOW_TRACKING_URI"] = f"sqlite:///{store / 'mlflow.db'}"
        loaded = run_tool(command, cwd=project, env=env, timeout=300)
    labels = loaded.stdout.strip().splitlines()[-1:] if loaded.returncode == 0 else []
    if labels not in (["[0]"], ["[1]"], ["[0, 1]"]):
        gaps.append(
            f"el champion {name} no carga por alias en un proceso nuevo y predice 0/1: "
            f"{(loaded.stdout + loaded.stderr).strip()[-600:]}"
        )
    return gaps


def format_sequence(run: SequenceRun) -> str:
    """A Markdown table of the executions and the verdict on the project."""
    lines = ["| módulo | estado | s | MB | detalle |", "|---|---|---:|---:|---|"]
    for r in run.results:
        lines.append(
            f"| {r.module} | {r.status} | {r.seconds:.1f} | {r.peak_kernel_mb:.0f} | {r.detail} |"
        )
    if run.ok:
        lines.append(f"\nEl proyecto tras 05…{run.last} tiene todo lo del checkpoint-{run.last}.")
    else:
        lines.append("\nProblemas:\n" + "\n".join(f"- {gap}" for gap in run.gaps))
    if run.workspace is not None:
        lines.append(f"\nEl workspace queda en {run.workspace}")
    return "\n".join(lines)
