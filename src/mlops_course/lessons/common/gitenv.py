"""An environment for child tools that never reads nor writes the user's own configuration.

Notebooks that teach git, DVC or pre-commit run them inside the module's workspace. Without care
they would read ``~/.gitconfig`` (hooks, signing, aliases of the student's), write to it
(``git config --global``), phone home (DVC analytics) or fill ``~/.cache/pre-commit``. The
environment built here points every such path inside ``home`` and fixes an author identity, so
a commit works on a fresh machine with no git identity configured.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from mlops_course.machinery.procenv import run_tool, tool_env

AUTHOR_NAME = "Estudiante MLOps"
AUTHOR_EMAIL = "estudiante@example.invalid"


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """Return a child-process environment whose git/DVC/pre-commit state lives under ``home``.

    ``home`` is created if needed and receives an empty ``.gitconfig`` used as the global file;
    the system file is ignored. ``extra`` variables are added last.
    """
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    gitconfig = home / ".gitconfig"
    gitconfig.touch(exist_ok=True)
    env = tool_env(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME=AUTHOR_NAME,
        GIT_AUTHOR_EMAIL=AUTHOR_EMAIL,
        GIT_COMMITTER_NAME=AUTHOR_NAME,
        GIT_COMMITTER_EMAIL=AUTHOR_EMAIL,
        GIT_TERMINAL_PROMPT="0",
        DVC_NO_ANALYTICS="1",
        DVC_GLOBAL_CONFIG_DIR=str(home / ".config" / "dvc"),
        DVC_SITE_CACHE_DIR=str(home / ".cache" / "dvc"),
        PRE_COMMIT_HOME=str(home / ".cache" / "pre-commit"),
    )
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    env.update(extra)
    return env


def git(
    *args: str, cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``git <args>`` in ``cwd`` with ``env`` (from :func:`isolated_env`), capturing text.

    Raises:
        RuntimeError: with git's own message, in Spanish context, when ``check`` and git fails.
    """
    proc = run_tool(["git", *args], cwd=cwd, env=env, timeout=120)
    if check and proc.returncode != 0:
        raise RuntimeError(
            f"git {' '.join(args)} falló (código {proc.returncode}) en {cwd}:\n"
            f"{proc.stderr.strip() or proc.stdout.strip()}"
        )
    return proc
