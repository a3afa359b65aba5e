"""Ask commitizen, a maintained release tool, for the next version of a real repository.

Module 04's students write their own ``next_version``; the notebook then compares their answer with
``cz bump --get-next`` run on the same repository (offline, with the isolated git environment).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mlops_course.machinery.procenv import run_tool

# ``cz bump`` exit codes meaning "nothing to release" (commitizen.exceptions.ExitCode).
NO_COMMITS_FOUND = 3
NO_COMMITS_TO_BUMP = 21
CZ_CONFIG = ".cz.toml"


def write_commitizen_config(repo: Path, version: str, tag_format: str = "v$version") -> Path:
    """Write the minimal ``.cz.toml`` (Conventional Commits rules, current version, tag format).

    Raises:
        ValueError: if ``version`` is empty or starts with ``v`` (the tag format adds it).
    """
    if not version or version.startswith("v"):
        raise ValueError(
            f"Versión no válida para commitizen: {version!r}. Pásala sin 'v' ('1.4.2'); "
            "la 'v' la pone tag_format."
        )
    path = repo / CZ_CONFIG
    path.write_text(
        "[tool.commitizen]\n"
        'name = "cz_conventional_commits"\n'
        f'version = "{version}"\n'
        f'tag_format = "{tag_format}"\n',
        encoding="utf-8",
    )
    return path


def commitizen_next_version(repo: Path, env: dict[str, str], timeout: float = 60) -> str | None:
    """``cz bump --get-next`` in ``repo``: the next version, or ``None`` when nothing is releasable.

    ``env`` must come from :func:`mlops_course.lessons.common.isolated_env`. Nothing is tagged or
    committed: ``--get-next`` only computes.

    Raises:
        RuntimeError: if commitizen fails for another reason (no configuration, no tag …), with
            its own message.
    """
    proc = run_tool(
        [sys.executable, "-m", "commitizen", "bump", "--get-next", "--yes"],
        cwd=repo,
        env={**env, "NO_COLOR": "1"},
        timeout=timeout,
    )
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.strip().splitlines()[-1].strip()
    if proc.returncode in (NO_COMMITS_FOUND, NO_COMMITS_TO_BUMP):
        return None
    detail = (proc.stderr or proc.stdout).strip()
    raise RuntimeError(
        f"commitizen no pudo calcular la versión (código {proc.returncode}): {detail}"
    )
