"""Shared fixtures: the repository root and a throwaway course built from a tiny demo module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlops_course.machinery.build.pipeline import build

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The course repository."""
    return REPO


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course root holding only the demo module, built once per session (read it, don't edit)."""
    root = tmp_path_factory.mktemp("demo-course")
    shutil.copytree(FIXTURES / "content", root / "content")
    report = build(root)
    assert report.ok, report
    return root


@pytest.fixture()
def demo_copy(built_demo: Path, tmp_path: Path) -> Path:
    """A private, editable copy of the built demo course."""
    root = tmp_path / "course"
    shutil.copytree(built_demo, root)
    return root
