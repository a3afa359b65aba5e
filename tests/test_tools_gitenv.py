"""The isolated tool environment keeps git away from the user's own configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlops_course.lessons.common import git, isolated_env


def test_commit_works_without_user_identity_and_leaves_real_home_alone(tmp_path: Path) -> None:
    real_gitconfig = Path(os.path.expanduser("~")) / ".gitconfig"
    before = real_gitconfig.read_bytes() if real_gitconfig.exists() else None
    env = isolated_env(tmp_path / "home")
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo, env=env)
    git("config", "--global", "alias.st", "status", cwd=repo, env=env)
    (repo / "a.txt").write_text("hola\n", encoding="utf-8")
    git("add", "a.txt", cwd=repo, env=env)
    git("commit", "-q", "-m", "feat: primer commit", cwd=repo, env=env)
    log = git("log", "--format=%an <%ae>|%s", cwd=repo, env=env).stdout.strip()
    assert log == "Estudiante MLOps <estudiante@example.invalid>|feat: primer commit"
    assert "alias.st" in (tmp_path / "home" / ".gitconfig").read_text(encoding="utf-8").replace(
        "[alias]\n\tst", "alias.st"
    )
    after = real_gitconfig.read_bytes() if real_gitconfig.exists() else None
    assert before == after
    assert env["DVC_NO_ANALYTICS"] == "1"
    assert env["HOME"] == str(tmp_path / "home")


def test_failure_raises_with_git_message(tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home", EXTRA="1")
    assert env["EXTRA"] == "1"
    with pytest.raises(RuntimeError, match="falló"):
        git("log", cwd=tmp_path, env=env)
    assert git("log", cwd=tmp_path, env=env, check=False).returncode != 0
