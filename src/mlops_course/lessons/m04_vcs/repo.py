"""Small, explicit git operations on a demo repository (always with an isolated environment)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from mlops_course.lessons.common import git

MESSAGE_SEPARATOR = "\x00"


def init_repo(path: Path, env: dict[str, str], *, branch: str = "main") -> Path:
    """Create an empty git repository at ``path`` on ``branch``, replacing a previous one.

    Re-running a notebook must work, so an existing repository at ``path`` is deleted first.
    Anything else already there is left alone.

    Raises:
        ValueError: if ``path`` exists and is a file, or a non-empty folder that is not a git
            repository (we refuse to delete it).
    """
    path = Path(path)
    if path.exists():
        if not path.is_dir():
            raise ValueError(f"{path} existe y no es una carpeta: no creo ahí un repositorio.")
        if (path / ".git").is_dir():
            shutil.rmtree(path)
        elif any(path.iterdir()):
            raise ValueError(
                f"{path} no está vacía y no es un repositorio git: no la borro. "
                "Elige otra carpeta o vacíala tú."
            )
    path.mkdir(parents=True, exist_ok=True)
    git("init", "-q", "-b", branch, cwd=path, env=env)
    return path


def commit_files(
    repo: Path,
    env: dict[str, str],
    files: Mapping[str, str],
    message: str,
    *,
    check: bool = True,
    extra_args: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """Write ``files`` (relative path → text), stage them and commit with ``message``.

    With ``check=False`` a rejected commit (a hook that says no) returns the completed process
    so the notebook can show git's answer; the files stay staged.

    Raises:
        ValueError: if ``files`` is empty or a path escapes the repository.
        RuntimeError: if ``check`` and git fails (from :func:`mlops_course.lessons.common.git`).
    """
    if not files:
        raise ValueError("files no puede estar vacío: un commit necesita al menos un archivo.")
    root = Path(repo).resolve()
    for rel, text in files.items():
        target = (root / rel).resolve()
        if root not in target.parents:
            raise ValueError(f"{rel!r} queda fuera del repositorio {root}.")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git("add", "--", *files, cwd=root, env=env)
    return git("commit", "-q", *extra_args, "-m", message, cwd=root, env=env, check=check)


def _has_commits(repo: Path, env: dict[str, str]) -> bool:
    probe = git("rev-parse", "--verify", "-q", "HEAD", cwd=repo, env=env, check=False)
    return probe.returncode == 0


def commit_messages(repo: Path, env: dict[str, str], since: str | None = None) -> list[str]:
    """Full commit messages (header, body and footers), oldest first.

    ``since`` (a tag or commit) limits the list to the commits after it, as ``since..HEAD``.
    A repository without commits gives ``[]``.
    """
    if not _has_commits(repo, env):
        return []
    rev = f"{since}..HEAD" if since else "HEAD"
    out = git("log", "--reverse", "--format=%B%x00", rev, cwd=repo, env=env).stdout
    return [m.strip() for m in out.split(MESSAGE_SEPARATOR) if m.strip()]


def latest_tag(repo: Path, env: dict[str, str]) -> str | None:
    """The most recent tag reachable from HEAD, or ``None`` when there is none."""
    proc = git("describe", "--tags", "--abbrev=0", cwd=repo, env=env, check=False)
    return proc.stdout.strip() if proc.returncode == 0 else None


def object_store_kib(repo: Path, env: dict[str, str]) -> int:
    """KiB that git's object store takes on disk (loose objects + packs): what a clone carries."""
    out = git("count-objects", "-v", cwd=repo, env=env).stdout
    sizes = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    return int(sizes.get("size", "0")) + int(sizes.get("size-pack", "0"))
