"""A throwaway git repository inside the module workspace, deleted when the block ends."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mlops_course.lessons.common import isolated_env
from mlops_course.lessons.m04_vcs.repo import init_repo
from mlops_course.machinery.workspace import module_workspace

SCRATCH_DIR = ".scratch"


@contextmanager
def scratch_repo(module: str, **extra_env: str) -> Iterator[tuple[Path, dict[str, str]]]:
    """Yield ``(repo, env)``: a fresh repository and its isolated environment, then clean up.

    Both live in a temporary folder under ``module_workspace(module)/.scratch``; ``extra_env``
    overrides variables of the environment (e.g. a minimal ``PATH``).
    """
    base = module_workspace(module) / SCRATCH_DIR
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=base, prefix="repo-") as tmp:
        env = isolated_env(Path(tmp) / "home", **extra_env)
        repo = init_repo(Path(tmp) / "repo", env)
        yield repo, env
