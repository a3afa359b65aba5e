"""Run the pre-commit framework as ``python -m pre_commit`` and read its report."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mlops_course.machinery.procenv import run_tool

_STATUS_RE = re.compile(r"^(?P<name>.+?)\.{3,}(?:\(.*\))?(?P<status>Passed|Failed|Skipped)$")
_HOOK_ID_RE = re.compile(r"^- hook id: (?P<id>\S+)$")


def run_pre_commit(
    *args: str, cwd: Path, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``pre-commit <args>`` with this interpreter in ``cwd``, without colours.

    ``env`` must come from :func:`mlops_course.lessons.common.isolated_env` so that
    ``PRE_COMMIT_HOME``
    lives inside the isolated home. The exit code is returned, not raised: a failing hook is
    information, not an error.
    """
    run_env = {**env, "PRE_COMMIT_COLOR": "never"}
    return run_tool(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=run_env, timeout=timeout
    )


def failed_hook_ids(output: str) -> list[str]:
    """Ids of the hooks that failed in a ``pre-commit run`` report, in order of appearance."""
    return [m["id"] for line in output.splitlines() if (m := _HOOK_ID_RE.match(line.strip()))]


def hook_statuses(output: str) -> dict[str, str]:
    """Hook name → ``Passed`` / ``Failed`` / ``Skipped`` from a ``pre-commit run`` report."""
    statuses: dict[str, str] = {}
    for line in output.splitlines():
        match = _STATUS_RE.match(line.strip())
        if match:
            statuses[match["name"].strip()] = match["status"]
    return statuses
