"""Environment for the course's child processes (nbgrader, papermill, kernels)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def tool_env(base: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    """A copy of ``base`` (default: ``os.environ``) ready to run the course's tools.

    The running interpreter's ``bin/`` goes first on ``PATH`` (nbgrader shells out to
    ``alembic``, papermill looks up kernels), MLflow telemetry is off, and ``extra`` is added.
    """
    env = dict(os.environ if base is None else base)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    env.setdefault("DVC_NO_ANALYTICS", "1")
    env.update(extra)
    return env


def available_cpus() -> int:
    """CPUs this process may really use (its affinity mask), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity (macOS)
        return max(1, os.cpu_count() or 1)
