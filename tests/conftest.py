"""Shared fixtures: the repository root and a throwaway course built from a tiny demo module."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mlops_course.machinery.build.pipeline import build
from mlops_course.machinery.selection import broken_case_module, deep_modules

REPO = Path(__file__).resolve().parents[1]
# The grader's reference project at the CI size of the notebooks' PROJECT_ROWS: walks and real
# grading then share one cached checkpoint per layer instead of building two.
os.environ.setdefault("MLOPS_REFERENCE_ROWS", "1000")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _render_cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build throwaway courses again and again: reuse a render whose inputs did not change
    (each course root has its own cache; ``make check`` in CI still renders everything)."""
    monkeypatch.setenv("MLOPS_BUILD_CACHE", "1")


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


# Heaviest first, so that the parallel workers (pytest-xdist, `--dist loadgroup`) finish together:
# a rough weight in seconds of work per test kind (measured on 2 cores); everything else weighs 0
# and runs afterwards. The module that gets the broken submissions this run weighs the most, then
# the walks with every mutant of the modules checked in depth (ADR-0015).
DEEP = deep_modules(REPO)
BROKEN_GRADING = f"test_modules.py::test_real_grading[{broken_case_module(REPO)}]"
WEIGHTS = (
    (BROKEN_GRADING, 200),
    ("test_instructor_cohort.py", 300),
    *((f"test_modules.py::test_walk[{slug}]", 150) for slug in DEEP.modules),
    ("test_sandbox.py", 60),
    ("test_modules.py::test_walk[", 40),
    ("test_modules.py::test_real_grading[", 50),
    ("test_instructor_scaling.py::test_scaling", 45),
    ("test_instructor_cluster.py::test_a_cluster", 40),
    ("test_verify.py", 40),
    ("test_formgrader_browser.py", 40),
    ("test_browser.py", 30),
    ("test_student_tools.py", 30),
    ("test_07_tracking.py", 20),
    ("test_churn_project.py", 15),
)
# Module-scoped fixtures that are expensive to build run on one worker only.
GROUPS = {
    "test_instructor_cohort.py": "cohorte",
    "test_verify.py": "recorrido",
    "test_sandbox.py": "sandbox",
    "test_07_tracking.py": "mlflow",
    "test_student_tools.py": "estudiante",
    "test_formgrader_browser.py": "formgrader",
    "test_churn_project.py": "proyecto",
}


def _weight(item: pytest.Item) -> int:
    return next(
        (w for key, w in WEIGHTS if key in item.nodeid), 10 if "slow" in item.keywords else 0
    )


def pytest_report_header(config: pytest.Config) -> str:
    """Say which modules get every mutant and real nbgrader this run, and why."""
    return DEEP.describe()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Order the run heaviest first and keep module-fixture groups on one worker."""
    loadgroup = bool(getattr(config.option, "loadgroup", False))
    for item in items:
        group = GROUPS.get(Path(str(item.fspath)).name)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
            if loadgroup:
                _suffix_group(item, group)
    items.sort(key=lambda item: -_weight(item))


def _suffix_group(item: pytest.Item, group: str) -> None:
    """Put the ``@group`` suffix in the test's node id, which is how ``--dist loadgroup`` sees it.

    pytest-xdist 3.8 writes the suffix to ``item._nodeid``, which pytest 9.2 no longer reads
    (node ids became structured): without this the scheduler never sees the groups and two
    workers each build the expensive module fixtures (a graded cohort, the crafted walk).
    """
    from _pytest.nodeid import NodeId

    if "@" not in item.nodeid:
        item._id = NodeId.parse(f"{item.nodeid}@{group}")
