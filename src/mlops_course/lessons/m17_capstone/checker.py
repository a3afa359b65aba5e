"""Run the rubric on a project: every criterion, each in its own scratch folder, none able to
stop the others; a criterion that owns project test files also needs those tests green."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from mlops_course.lessons.churn_project.checkpoint import is_churn_project
from mlops_course.lessons.common.gitenv import git, isolated_env
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context
from mlops_course.lessons.m17_capstone.criteria import CRITERIA, Criterion, Outcome, Report
from mlops_course.lessons.m17_capstone.tools import project_env, pytest_summary, run, tail
from mlops_course.machinery.procenv import available_cpus, memory_limit_mb

SIDE_BY_SIDE_MB = 3072
"""Memory below which the read-only criterion waits its turn: beside the others, the checker's
processes peak about 250 MB higher (mypy), too close to Binder's 2 GB with JupyterLab open."""


def side_by_side() -> bool:
    """Whether a read-only criterion may run beside the others: a second CPU and room for it."""
    return available_cpus() >= 2 and memory_limit_mb() >= SIDE_BY_SIDE_MB


def _owned_tests(project: Path, item: Criterion, context: Context) -> str:
    present = [path for path in item.owns_tests if (project / path).is_file()]
    if not present:
        return ""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts="]
    code, output = run([*command, *present], project, context.env)
    summary = pytest_summary(output)
    if code != 0:
        raise CheckFailed(f"Los tests de esta capa fallan ({', '.join(present)}): {summary}.",
                          tail(output))  # fmt: skip
    return f"tests de la capa: {summary}"


def evaluate(project: Path, item: Criterion, *, project_tests: bool = True) -> Outcome:
    """One criterion on ``project``; any failure, expected or not, becomes a scored miss.

    ``project_tests=False`` skips the project's own test files the criterion owns (a quicker,
    partial verdict, said in the evidence)."""
    others_tests = tuple(p for other in CRITERIA if other is not item for p in other.owns_tests)
    others_sources = tuple(p for other in CRITERIA if other is not item for p in other.owns_sources)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"verificador-{item.id}-") as folder:
        scratch = Path(folder)
        context = Context(scratch, project_env(project, scratch), others_tests, others_sources)
        try:
            evidence = item.check(project, context)
            if project_tests:
                extra = _owned_tests(project, item, context)
            else:
                extra = "tests de la capa: no ejecutados (project_tests=False)" * bool(
                    item.owns_tests
                )
            evidence = (*evidence, extra) if extra else evidence
            passed, reason = True, ""
        except CheckFailed as miss:
            passed, reason, evidence = False, miss.reason, miss.details
        except Exception as error:
            passed = False
            reason = (
                f"El verificador no pudo evaluar este criterio: {type(error).__name__}: {error}"
            )
            evidence = ()
    return Outcome(
        criterion=item.id,
        module=item.module,
        title=item.title,
        points=item.points if passed else 0,
        max_points=item.points,
        passed=passed,
        reason=reason,
        evidence=tuple(evidence),
        taught=item.taught,
        seconds=round(time.perf_counter() - started, 2),
    )


def check_project(
    project: str | Path, only: Iterable[str] | None = None, *, project_tests: bool = True
) -> Report:
    """The rubric of ``project`` (a student's ``churn-project/``), criterion by criterion.

    ``only`` restricts it to some criteria (ids); by default, all of them. ``project_tests=False``
    skips the project's test files each criterion owns (see :func:`evaluate`).

    Raises:
        TypeError: ``project`` is neither text nor a path.
        FileNotFoundError: the folder does not exist.
        ValueError: it is not a churn project, or ``only`` names an unknown criterion.
    """
    if not isinstance(project, (str, Path)):
        raise TypeError(
            f"La carpeta del proyecto debe ser str o Path, no {type(project).__name__}."
        )
    folder = Path(project).resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"No existe la carpeta {folder}.")
    if not is_churn_project(folder):
        raise ValueError(
            f"{folder} no es un proyecto de churn: su pyproject.toml debe llamarse «churn-project»."
        )
    wanted = None if only is None else list(only)
    known = {item.id for item in CRITERIA}
    unknown = sorted(set(wanted or ()) - known)
    if unknown:
        raise ValueError(
            f"Criterios desconocidos: {', '.join(unknown)} (existen: {', '.join(sorted(known))})."
        )
    started = time.perf_counter()
    items = [item for item in CRITERIA if wanted is None or item.id in wanted]
    # A read-only criterion (ruff and mypy: half a minute of one core) runs beside the others,
    # which start servers and touch the project one at a time; the report keeps the rubric's
    # order. ``evaluate`` turns every failure into a scored miss, so ``result()`` never raises.
    parallel = side_by_side()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="verificador") as pool:
        beside = {
            item.id: pool.submit(evaluate, folder, item, project_tests=project_tests)
            for item in items
            if item.read_only and parallel
        }
        done = {
            item.id: evaluate(folder, item, project_tests=project_tests)
            for item in items
            if item.id not in beside
        }
        done |= {key: future.result() for key, future in beside.items()}
    outcomes = tuple(done[item.id] for item in items)
    return Report(
        project=str(folder),
        checked_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        outcomes=outcomes,
        seconds=round(time.perf_counter() - started, 2),
        commit=head_commit(folder),
    )


def head_commit(project: Path) -> str:
    """The project's HEAD as a short hash ("" when it is not a git repository with commits)."""
    if not (project / ".git").exists():
        return ""
    with tempfile.TemporaryDirectory(prefix="verificador-git-") as home:
        proc = git("rev-parse", "--short", "HEAD", cwd=project, env=isolated_env(Path(home)),
                   check=False)  # fmt: skip
    return proc.stdout.strip() if proc.returncode == 0 else ""
