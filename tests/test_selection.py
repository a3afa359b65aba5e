"""Which modules `make test` checks in depth: what changed since the last green CI, today's turn,
everything when that commit is unknown (ADR-0015). Real git repositories, no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.lessons.common.gitenv import git, isolated_env
from mlops_course.machinery.selection import (
    BASE_FILE,
    BROKEN_MODULE_ENV,
    DEEP_ENV,
    START_ENV,
    broken_case_module,
    changed_modules,
    deep_modules,
    read_base,
    rotation_module,
)

SLUGS = ("00_a", "01_b", "02_c", "03_d")


@pytest.fixture()
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """A course repository with four modules, a lesson package for 02 and one commit."""
    monkeypatch.delenv(DEEP_ENV, raising=False)
    monkeypatch.delenv(BROKEN_MODULE_ENV, raising=False)
    env = isolated_env(tmp_path / "home")
    repo = tmp_path / "curso"
    for slug in SLUGS:
        (repo / "content" / slug).mkdir(parents=True)
        (repo / "content" / slug / f"{slug}.py").write_text("# v1\n", encoding="utf-8")
    lesson = repo / "src/mlops_course/lessons/m02_c"
    lesson.mkdir(parents=True)
    (lesson / "tools.py").write_text("X = 1\n", encoding="utf-8")
    (repo / "src/mlops_course/machinery").mkdir(parents=True)
    (repo / "src/mlops_course/machinery/engine.py").write_text("Y = 1\n", encoding="utf-8")
    git("init", "--quiet", "--initial-branch=main", cwd=repo, env=env)
    git("add", "-A", cwd=repo, env=env)
    git("commit", "--quiet", "-m", "inicio", cwd=repo, env=env)
    return repo, env


def _head(repo: Path, env: dict[str, str]) -> str:
    return git("rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()


def _record(repo: Path, sha: str) -> None:
    (repo / BASE_FILE).parent.mkdir(exist_ok=True)
    (repo / BASE_FILE).write_text(f"# último commit con CI en verde\n{sha}\n", encoding="utf-8")


def test_without_a_valid_record_every_module_is_checked_in_depth(
    course: tuple[Path, dict[str, str]],
) -> None:
    repo, _ = course
    assert changed_modules(repo) is None
    assert deep_modules(repo).modules == SLUGS
    assert "todo" in deep_modules(repo).describe()
    _record(repo, "no-es-un-commit")
    assert read_base(repo) is None and deep_modules(repo).modules == SLUGS
    _record(repo, "0" * 40)  # well formed, but not in this history
    assert changed_modules(repo) is None and deep_modules(repo).modules == SLUGS


def test_changes_since_the_green_commit_and_todays_turn(
    course: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, env = course
    green = _head(repo, env)
    _record(repo, green)
    git("add", "-A", cwd=repo, env=env)
    git("commit", "--quiet", "-m", "registra el verde", cwd=repo, env=env)
    assert changed_modules(repo) == []
    # Nothing changed: today's turn and the next, at least two modules in depth every run.
    assert deep_modules(repo, day=3).reasons == {"03_d": "turno del día", "00_a": "turno del día"}
    assert rotation_module(list(SLUGS), day=5) == "01_b"
    monkeypatch.setenv(START_ENV, str(86_400 * 6 + 3))  # 1970-01-07: day 7 of the year
    assert rotation_module(list(SLUGS)) == "03_d"  # every worker of the run agrees

    # Two commits on a branch, merged: both count, not only the last one.
    git("checkout", "--quiet", "-b", "rama", cwd=repo, env=env)
    (repo / "content/01_b/01_b.py").write_text("# v2\n", encoding="utf-8")
    git("commit", "--quiet", "-am", "cambia 01", cwd=repo, env=env)
    (repo / "src/mlops_course/lessons/m02_c/tools.py").write_text("X = 2\n", encoding="utf-8")
    git("commit", "--quiet", "-am", "cambia la lección de 02", cwd=repo, env=env)
    git("checkout", "--quiet", "main", cwd=repo, env=env)
    git("merge", "--quiet", "--no-ff", "--no-edit", "rama", cwd=repo, env=env)
    assert changed_modules(repo) == ["01_b", "02_c"]
    assert deep_modules(repo, day=3).modules == ("01_b", "02_c")  # two changed: no turn needed

    # Machinery changes alone choose no module (its own tests and the light walks cover it).
    (repo / "src/mlops_course/machinery/engine.py").write_text("Y = 2\n", encoding="utf-8")
    # An uncommitted (even untracked) edit counts.
    (repo / "content/00_a/nuevo.md").write_text("borrador\n", encoding="utf-8")
    assert deep_modules(repo, day=3).modules == ("00_a", "01_b", "02_c")
    assert broken_case_module(repo, day=2) == "00_a"
    # One changed module: it, then today's turn.
    git("add", "-A", cwd=repo, env=env)
    git("commit", "--quiet", "-m", "más cambios", cwd=repo, env=env)
    _record(repo, _head(repo, env))
    git("add", "-A", cwd=repo, env=env)
    git("commit", "--quiet", "-m", "registra el verde", cwd=repo, env=env)
    (repo / "content/02_c/02_c.py").write_text("# v3\n", encoding="utf-8")
    selection = deep_modules(repo, day=3)
    assert selection.reasons == {"02_c": "cambió", "03_d": "turno del día"}
    assert list(selection.reasons) == ["02_c", "03_d"]  # the changed one first
    assert deep_modules(repo, day=2).reasons == {"02_c": "cambió", "03_d": "turno del día"}


def test_the_override_and_its_errors(
    course: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, _ = course
    monkeypatch.setenv(DEEP_ENV, "todos")
    assert deep_modules(repo).modules == SLUGS
    monkeypatch.setenv(DEEP_ENV, "02, 00_a")
    assert deep_modules(repo).modules == ("02_c", "00_a")
    assert broken_case_module(repo) == "02_c"
    monkeypatch.setenv(DEEP_ENV, "07")
    with pytest.raises(ValueError, match="'07' no es un módulo del curso; use 'todos'"):
        deep_modules(repo)
    monkeypatch.setenv(BROKEN_MODULE_ENV, "03_d")
    monkeypatch.setenv(DEEP_ENV, "00")
    assert broken_case_module(repo) == "03_d"
    monkeypatch.setenv(BROKEN_MODULE_ENV, "99_x")
    with pytest.raises(ValueError, match="no es un módulo del curso"):
        broken_case_module(repo)


def test_the_course_records_a_commit_of_its_own_history(repo_root: Path, tmp_path: Path) -> None:
    """The committed record names an ancestor of HEAD (else CI would check everything in depth,
    far past its 15 minutes); a shallow clone falls back to everything, which is only slower."""
    env = isolated_env(tmp_path / "home")
    shallow = git("rev-parse", "--is-shallow-repository", cwd=repo_root, env=env).stdout
    if shallow.strip() == "true":
        pytest.skip("clon superficial: la selección comprueba todo en profundidad")
    sha = read_base(repo_root)
    assert sha is not None, f"{BASE_FILE} falta o no tiene un commit"
    proc = git("merge-base", "--is-ancestor", sha, "HEAD", cwd=repo_root, env=env, check=False)
    assert proc.returncode == 0, f"{BASE_FILE}: {sha} no es un antecesor de HEAD en este repo"


SOURCE = """\
# %% [markdown]
# ## Ejercicio 1
#
# Términos: drift · PSI.

# %% nbgrader={"grade": false, "grade_id": "answer", "locked": false, "solution": true}
def psi(a, b):
    return 0.0

# %% [markdown] nbgrader={"grade": true, "grade_id": "written", "points": 2, "solution": true}
# Respuesta modelo: el drift de covariables.
"""


@pytest.mark.parametrize(
    ("old", "new", "narrative"),
    [
        ("drift · PSI.", "[drift](../18_glosario/18_glosario.ipynb#drift) · PSI.", True),
        ("## Ejercicio 1\n#\n", "## Ejercicio 1\n#\n# Una línea más de prosa.\n#\n", True),
        ("return 0.0", "return 1.0", False),  # code
        ("return 0.0\n", "return 0.0\n\n", True),  # blank lines between cells: layout only
        ('"points": 2', '"points": 3', False),  # nbgrader metadata of a graded Markdown cell
        ("Respuesta modelo: el drift", "Respuesta modelo: el concept drift", False),  # graded text
        ("# %% [markdown]\n# ## Ejercicio 1", "# %%\n# ## Ejercicio 1", False),  # a cell's type
    ],
)
def test_only_the_prose_of_ungraded_markdown_is_narrative(
    old: str, new: str, narrative: bool
) -> None:
    from mlops_course.machinery.narrative import only_narrative_changed

    changed = SOURCE.replace(old, new)
    assert changed != SOURCE
    assert only_narrative_changed(SOURCE, changed) is narrative


def test_a_prose_only_edit_selects_no_module_for_the_deep_check(
    course: tuple[Path, dict[str, str]],
) -> None:
    repo, env = course
    for slug in ("00_a", "01_b"):
        (repo / f"content/{slug}/{slug}.py").write_text(SOURCE, encoding="utf-8")
    git("commit", "--quiet", "-am", "fuentes reales", cwd=repo, env=env)
    _record(repo, _head(repo, env))
    git("add", "-A", cwd=repo, env=env)
    git("commit", "--quiet", "-m", "registra el verde", cwd=repo, env=env)
    # 00: a glossary link in its closing prose (committed); 01: a changed test (uncommitted).
    linked = SOURCE.replace("drift ·", "[drift](../18_glosario/18_glosario.ipynb#drift) ·")
    (repo / "content/00_a/00_a.py").write_text(linked, encoding="utf-8")
    git("commit", "--quiet", "-am", "enlaza el glosario", cwd=repo, env=env)
    (repo / "content/01_b/01_b.py").write_text(SOURCE.replace("0.0", "0.1"), encoding="utf-8")
    assert changed_modules(repo) == ["01_b"]
    # A source that jupytext cannot read, a new one and another file of the module are real.
    (repo / "content/00_a/00_a.py").write_text(linked + '# %% nbgrader={"roto"\n', encoding="utf-8")
    (repo / "content/03_d/mutants.py").write_text("MUTANTS = []\n", encoding="utf-8")
    assert changed_modules(repo) == ["00_a", "01_b", "03_d"]
