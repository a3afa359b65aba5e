"""Does a project have everything a reference checkpoint has? (Not byte equality.)

The chain of the course: the checkpoint after module N, advanced by module N+1's solution, must
hold what the checkpoint after N+1 holds — the same tracked files, the same DVC pipeline graph
(as DVC itself draws it), the same registered models and aliases in MLflow, a reproduced
pipeline and a passing test suite of the project's own. Contents may differ (a student's code
is not the reference's, character by character).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.common.gitenv import git
from mlops_course.machinery.procenv import run_tool


def tracked_files(project: Path) -> set[str]:
    """The files git tracks in ``project``."""
    listed = git("ls-files", cwd=project, env=checkpoint_env(project.parent))
    return set(listed.stdout.split())


def dvc_edges(project: Path) -> set[tuple[str, str]]:
    """The pipeline graph as DVC draws it (``dvc dag --md``): (from, to) stage names.

    Raises:
        RuntimeError: DVC could not read the pipeline (its own message included).
    """
    dag = run_tool(
        [sys.executable, "-m", "dvc", "dag", "--md"],
        cwd=project,
        env=checkpoint_env(project.parent),
        timeout=120,
    )
    if dag.returncode != 0:
        raise RuntimeError(f"dvc dag falló en {project}: {dag.stderr.strip()[-800:]}")
    names = dict(re.findall(r'(node\d+)\["([^"]+)"\]', dag.stdout))
    return {(names[a], names[b]) for a, b in re.findall(r"(node\d+)-->(node\d+)", dag.stdout)}


def registered_aliases(root: Path) -> set[tuple[str, str]]:
    """(model, alias) pairs of the MLflow store next to the project (empty without a store)."""
    db = root / MLFLOW_DIR / "mlflow.db"
    if not db.is_file():
        return set()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        models = {
            (str(row[0]), "") for row in connection.execute("SELECT name FROM registered_models")
        }
        aliases = {
            (str(row[0]), str(row[1]))
            for row in connection.execute("SELECT name, alias FROM registered_model_aliases")
        }
    return models | aliases


def project_gaps(candidate: Path, reference: Path, *, run_tests: bool = True) -> list[str]:
    """What the project ``candidate`` lacks that the project ``reference`` has, in Spanish.

    Both are ``churn-project`` folders inside their workspaces (the MLflow store sits beside).
    An empty list means the candidate has everything the reference has.
    """
    candidate, reference = Path(candidate), Path(reference)
    gaps: list[str] = []
    missing = sorted(tracked_files(reference) - tracked_files(candidate))
    if missing:
        gaps.append(f"faltan archivos versionados: {', '.join(missing)}")
    try:
        ours, theirs = dvc_edges(candidate), dvc_edges(reference)
    except RuntimeError as error:
        gaps.append(str(error))
    else:
        if ours != theirs:
            gaps.append(
                f"el grafo de DVC difiere: sobran {sorted(ours - theirs)}, "
                f"faltan {sorted(theirs - ours)}"
            )
    lacking = sorted(registered_aliases(reference.parent) - registered_aliases(candidate.parent))
    if lacking:
        shown = ", ".join(f"{m}@{a}" if a else m for m, a in lacking)
        gaps.append(f"faltan en MLflow (modelo@alias): {shown}")
    env = checkpoint_env(candidate.parent)
    status = run_tool([sys.executable, "-m", "dvc", "status"], cwd=candidate, env=env, timeout=300)
    if status.returncode != 0 or "up to date" not in status.stdout:
        gaps.append(f"el pipeline no está reproducido (dvc status): {status.stdout.strip()[-600:]}")
    if run_tests:
        tests = _project_tests(candidate, env)
        if tests.returncode != 0:
            gaps.append(f"los tests del proyecto fallan: {tests.stdout.strip()[-1200:]}")
    return gaps


def served_store(root: Path) -> bool:
    """True if the MLflow store beside the project was written through a server (module 07's
    proxied artifacts, ``mlflow-artifacts:`` URIs): reading its models needs that server."""
    db = root / MLFLOW_DIR / "mlflow.db"
    if not db.is_file():
        return False
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM experiments WHERE artifact_location LIKE 'mlflow-artifacts:%' LIMIT 1"
        ).fetchone()
    return found is not None


def _project_tests(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The project's own pytest; with the team's MLflow server up when its store needs one (as
    the project's CI would have it)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    if not served_store(project.parent):
        return run_tool(command, cwd=project, env=env, timeout=600)
    from mlops_course.lessons.m07_tracking.server import mlflow_server

    with mlflow_server(project.parent / MLFLOW_DIR) as server:
        # The registry follows the tracking URI (MLflow's default): a test that points tracking
        # at its own scratch store takes the registry with it.
        served = {**env, "MLFLOW_TRACKING_URI": server.uri}
        served.pop("MLFLOW_REGISTRY_URI", None)
        return run_tool(command, cwd=project, env=served, timeout=600)
