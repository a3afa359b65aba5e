"""``mlflow server`` as ONE process: MLflow's own CLI, which then becomes the uvicorn it starts.

``mlflow server`` validates its options, builds the uvicorn command and its environment, starts
uvicorn as a child and stays alive only to forward signals to it: a second Python process with
MLflow imported (≈ 200 MB of PSS, measured) that serves nothing. On Binder (≈ 2 GB) that is the
difference between module 07 fitting in 1 GB or not. Here the CLI runs unchanged and, at the
point where it would start the child, this process is replaced by it (``os.execvpe``) with the
very command and environment MLflow built; signals then reach uvicorn directly.

It relies on one private name of MLflow, ``mlflow.server._exec_cmd``; the newest-dependencies
drift check (``make test-audit``) and the server's unit test catch a release that renames it.

Usage: ``python -m mlops_course.lessons.m07_tracking.one_process_server <mlflow server options>``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any


def replace_process(
    cmd: Sequence[str], *, extra_env: dict[str, str] | None = None, **_: Any
) -> None:
    """Stand-in for MLflow's ``_exec_cmd``: become ``cmd`` instead of starting it as a child."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvpe(cmd[0], list(cmd), {**os.environ, **(extra_env or {})})


def main(argv: Sequence[str]) -> int:
    """Run ``mlflow server`` with ``argv``; on success this process becomes the server."""
    import mlflow.server
    from mlflow.cli import cli

    if not callable(getattr(mlflow.server, "_exec_cmd", None)):
        print(
            "Esta versión de MLflow ya no tiene mlflow.server._exec_cmd: usa "
            "`python -m mlflow server` (dos procesos) y avisa a quien mantiene el curso.",
            file=sys.stderr,
        )
        return 2
    mlflow.server._exec_cmd = replace_process  # type: ignore[attr-defined]
    cli.main(args=["server", *argv], prog_name="mlflow", standalone_mode=True)
    return 0  # pragma: no cover - standalone_mode exits, and a good start never returns


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
