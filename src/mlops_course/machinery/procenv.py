"""The environment of the course's child processes (nbgrader, papermill, kernels, git, DVC …)
and the one helper that runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
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


CGROUP_LIMITS = (
    Path("/sys/fs/cgroup/memory.max"),  # cgroup v2 (Binder, Docker, systemd)
    Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),  # cgroup v1
)


def memory_limit_mb() -> int:
    """The memory this process's container may use, in MB: its cgroup limit when it has one
    (Binder gives about 2 GB on a much bigger host), otherwise the machine's physical memory."""
    physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    limit = physical
    for path in CGROUP_LIMITS:
        try:
            text = path.read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text.isdigit():  # "max" (v2) means no limit; v1 says "no limit" with a huge number
            limit = min(limit, int(text))
    return limit // 2**20


def run_tool(
    command: Sequence[str],
    *,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a child tool and capture its text output; a non-zero exit is returned, not raised.

    ``env`` defaults to :func:`tool_env`. ``subprocess.TimeoutExpired`` propagates: each caller
    says in its own words what a timeout means.
    """
    return subprocess.run(
        list(command),
        cwd=cwd,
        env=dict(env) if env is not None else tool_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
