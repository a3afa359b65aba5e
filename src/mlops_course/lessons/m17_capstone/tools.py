"""Running the project's own tools from the checker: the course's interpreter, a private home,
the project's ``src`` on ``PYTHONPATH``, a time limit, and nothing written into the project."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Final

from mlops_course.lessons.common.gitenv import isolated_env
from mlops_course.lessons.m17_capstone.base import CheckFailed
from mlops_course.machinery.procenv import run_tool

TIMEOUT: Final = 300
TAIL: Final = 12
SUMMARY: Final = re.compile(r"\b\d+ (passed|failed|errors?)\b")


def project_env(project: Path, scratch: Path) -> dict[str, str]:
    """The environment of a tool run on ``project``: git/DVC/pre-commit state under ``scratch``,
    the project's ``src`` importable, MLflow pointed at nothing (the project finds its store)."""
    env = isolated_env(scratch / "home", PYTHONPATH=str((project / "src").resolve()))
    for name in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"):
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ left in the student's folders
    env["COVERAGE_FILE"] = str(scratch / ".coverage")  # nor coverage or hypothesis data
    env["HYPOTHESIS_STORAGE_DIRECTORY"] = str(scratch / ".hypothesis")
    return env


def executable(name: str) -> str:
    """A console script of the course's environment (ruff, mypy …)."""
    return str(Path(sys.executable).parent / name)


def tail(text: str, lines: int = TAIL) -> tuple[str, ...]:
    """The last non-empty lines of a tool's output."""
    kept = [line.rstrip() for line in text.splitlines() if line.strip()]
    return tuple(kept[-lines:])


def run(
    command: list[str], project: Path, env: dict[str, str], *, timeout: int = TIMEOUT
) -> tuple[int, str]:
    """Run ``command`` in ``project``; its return code and its whole output (stdout + stderr)."""
    try:
        done = run_tool(command, cwd=project, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise CheckFailed(f"«{' '.join(command[:3])} …» no terminó en {timeout} s.") from error
    return done.returncode, done.stdout + done.stderr


def pytest_summary(output: str) -> str:
    """pytest's last summary line (``3 failed, 40 passed in 9.1s``), or the last line."""
    lines = [line for line in output.splitlines() if SUMMARY.search(line)]
    if lines:
        return lines[-1].strip("= ").strip()
    return (tail(output, 1) or ("sin salida",))[0]
