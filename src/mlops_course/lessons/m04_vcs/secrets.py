"""detect-secrets and ruff in demo repositories: the baseline of reviewed findings, a ruff.toml."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from mlops_course.lessons.common import git
from mlops_course.machinery.procenv import run_tool

BASELINE = ".secrets.baseline"


def write_secrets_baseline(repo: Path, env: dict[str, str], timeout: float = 60) -> Path:
    """Run ``detect-secrets scan`` on the files git tracks in ``repo``; write ``.secrets.baseline``.

    What the scan finds now is *accepted* (the team reviewed it: e.g. a documented example key in a
    test); the ``detect-secrets-hook --baseline`` pre-commit hook then only blocks new secrets.

    Raises:
        RuntimeError: with detect-secrets' own message if the scan fails.
    """
    proc = run_tool(
        [sys.executable, "-m", "detect_secrets", "scan"], cwd=repo, env=env, timeout=timeout
    )
    if proc.returncode != 0:
        raise RuntimeError(f"detect-secrets scan falló (código {proc.returncode}): {proc.stderr}")
    path = Path(repo) / BASELINE
    path.write_text(proc.stdout, encoding="utf-8")
    return path


# Ruff's default rule set, written into each demo repository so that ruff never reads the
# configuration of a folder above it (the course's own pyproject.toml, a student's home…).
RUFF_TOML = (
    "# Configuración de ruff del proyecto (reglas por defecto).\n"
    '[lint]\nselect = ["E4", "E7", "E9", "F"]\n'
)


def stage_project(repo: Path, env: dict[str, str], files: Mapping[str, str]) -> None:
    """Write ``files`` (relative path → text) into ``repo``, stage them and their secrets baseline.

    A ``ruff.toml`` with ruff's default rules is added unless ``files`` brings one; then
    ``.secrets.baseline`` is written with what detect-secrets finds in the staged files (the
    findings the team has reviewed) and staged too. Nothing is committed.

    Raises:
        ValueError: if a path escapes the repository.
    """
    root = Path(repo).resolve()
    for rel, text in {"ruff.toml": RUFF_TOML, **files}.items():
        target = (root / rel).resolve()
        if root not in target.parents:
            raise ValueError(f"{rel!r} queda fuera del repositorio {root}.")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git("add", "-A", cwd=root, env=env)
    write_secrets_baseline(root, env)
    git("add", BASELINE, cwd=root, env=env)
