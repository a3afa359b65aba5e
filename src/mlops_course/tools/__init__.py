"""Run the real tools a module teaches (git, dvc, pre-commit …) offline and isolated."""

from mlops_course.tools.gitenv import git, isolated_env

__all__ = ["git", "isolated_env"]
