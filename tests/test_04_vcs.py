"""Helpers of module 04 (mlops_course.lessons.m04_vcs): real git and pre-commit, isolated and
offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlops_course.lessons.common import git, isolated_env
from mlops_course.lessons.m04_vcs import (
    COMMIT_TYPES,
    bisect_in_progress,
    brute_force_first_bad,
    commit_files,
    commit_messages,
    commitizen_next_version,
    failed_hook_ids,
    hook_statuses,
    init_repo,
    latest_tag,
    make_bisect_history,
    object_store_kib,
    parse_commit,
    run_pre_commit,
    scratch_repo,
    stage_project,
    write_commitizen_config,
)
from mlops_course.lessons.m04_vcs.bisect import METRIC_FILE

LOCAL_CONFIG = r"""repos:
  - repo: local
    hooks:
      - id: no-data-files
        name: Sin datos en git
        language: fail
        entry: "Los datos van en DVC:"
        files: '\.csv$'
      - id: no-breakpoint
        name: Sin breakpoint
        language: pygrep
        entry: 'breakpoint\(\)'
        types: [python]
"""


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path / "home")


def test_init_repo_creates_and_recreates(tmp_path: Path, env: dict[str, str]) -> None:
    repo = init_repo(tmp_path / "repo", env)
    assert (repo / ".git").is_dir()
    assert git("branch", "--show-current", cwd=repo, env=env).stdout.strip() == "main"
    commit_files(repo, env, {"a.txt": "1\n"}, "feat: uno")
    again = init_repo(repo, env)
    assert commit_messages(again, env) == [], "re-creating must start from an empty history"
    assert not (again / "a.txt").exists()


def test_init_repo_accepts_empty_dir_and_refuses_foreign_content(
    tmp_path: Path, env: dict[str, str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (init_repo(empty, env) / ".git").is_dir()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("no me borres", encoding="utf-8")
    with pytest.raises(ValueError, match="no es un repositorio"):
        init_repo(foreign, env)
    assert (foreign / "thesis.tex").read_text(encoding="utf-8") == "no me borres"
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="no es una carpeta"):
        init_repo(a_file, env)


def test_commit_messages_tags_and_ranges(tmp_path: Path, env: dict[str, str]) -> None:
    repo = init_repo(tmp_path / "repo", env)
    assert commit_messages(repo, env) == []
    assert latest_tag(repo, env) is None
    commit_files(repo, env, {"src/a.py": "a = 1\n"}, "feat: primera versión")
    git("tag", "v0.1.0", cwd=repo, env=env)
    body = "fix(data): corrige nulos\n\nBREAKING CHANGE: cambia el esquema"
    commit_files(repo, env, {"src/a.py": "a = 2\n"}, body)
    commit_files(repo, env, {"README.md": "hola\n"}, "docs: readme")
    assert commit_messages(repo, env) == ["feat: primera versión", body, "docs: readme"]
    assert commit_messages(repo, env, since="v0.1.0") == [body, "docs: readme"]
    assert latest_tag(repo, env) == "v0.1.0"
    assert object_store_kib(repo, env) > 0


def test_commit_files_validates_and_reports_rejections(tmp_path: Path, env: dict[str, str]) -> None:
    repo = init_repo(tmp_path / "repo", env)
    with pytest.raises(ValueError, match="vacío"):
        commit_files(repo, env, {}, "feat: nada")
    with pytest.raises(ValueError, match="fuera del repositorio"):
        commit_files(repo, env, {"../evil.txt": "x"}, "feat: fuera")
    hook = repo / ".git" / "hooks" / "commit-msg"
    hook.write_text("#!/bin/sh\necho 'no' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    proc = commit_files(repo, env, {"a.txt": "1"}, "feat: rechazado", check=False)
    assert proc.returncode != 0 and "no" in proc.stderr
    with pytest.raises(RuntimeError, match="falló"):
        commit_files(repo, env, {"a.txt": "2"}, "feat: rechazado")
    ok = commit_files(repo, env, {"a.txt": "3"}, "feat: sin hooks", extra_args=("--no-verify",))
    assert ok.returncode == 0
    assert commit_messages(repo, env) == ["feat: sin hooks"]


def test_scratch_repo_lives_in_workspace_and_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLOPS_WORKSPACE", str(tmp_path / "ws"))
    with scratch_repo("04_git_profesional", EXTRA_VAR="1") as (repo, env):
        assert (repo / ".git").is_dir()
        assert (tmp_path / "ws" / "04_git_profesional" / ".scratch") in repo.parents
        assert env["EXTRA_VAR"] == "1"
        assert env["PRE_COMMIT_HOME"].startswith(str(repo.parent))
        kept = repo
    assert not kept.exists()


def test_run_pre_commit_offline_with_local_hooks(tmp_path: Path, env: dict[str, str]) -> None:
    repo = init_repo(tmp_path / "repo", env)
    (repo / ".pre-commit-config.yaml").write_text(LOCAL_CONFIG, encoding="utf-8")
    assert (
        run_pre_commit("validate-config", ".pre-commit-config.yaml", cwd=repo, env=env).returncode
        == 0
    )
    (repo / "src").mkdir()
    (repo / "src" / "ok.py").write_text("x = 1\n", encoding="utf-8")
    (repo / "notes.md").write_text("breakpoint() en markdown no cuenta\n", encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    clean = run_pre_commit("run", "--all-files", cwd=repo, env=env)
    assert clean.returncode == 0, clean.stdout
    assert failed_hook_ids(clean.stdout) == []
    assert set(hook_statuses(clean.stdout).values()) == {"Passed", "Skipped"}
    (repo / "data.csv").write_text("a\n1\n", encoding="utf-8")
    (repo / "src" / "dbg.py").write_text("breakpoint()\n", encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    dirty = run_pre_commit("run", "--all-files", cwd=repo, env=env)
    assert dirty.returncode == 1
    assert failed_hook_ids(dirty.stdout) == ["no-data-files", "no-breakpoint"]
    assert hook_statuses(dirty.stdout) == {"Sin datos en git": "Failed", "Sin breakpoint": "Failed"}
    assert "\x1b[" not in dirty.stdout, "colours must be off"
    assert Path(env["PRE_COMMIT_HOME"]).is_dir(), "pre-commit's store lives in the isolated home"


def test_report_parsers_on_fixed_text() -> None:
    report = (
        "Sin datos.........................(no files to check)Skipped\n"
        "Sintaxis de Python......................................Failed\n"
        "- hook id: python-syntax\n"
        "- exit code: 1\n"
    )
    assert hook_statuses(report) == {"Sin datos": "Skipped", "Sintaxis de Python": "Failed"}
    assert failed_hook_ids(report) == ["python-syntax"]
    assert failed_hook_ids("") == [] and hook_statuses("") == {}


def _released_repo(tmp_path: Path, env: dict[str, str], messages: list[str]) -> Path:
    repo = init_repo(tmp_path / "release", env)
    write_commitizen_config(repo, "1.4.2")
    commit_files(repo, env, {"README.md": "# churn\n"}, "chore: inicia el proyecto")
    git("tag", "v1.4.2", cwd=repo, env=env)
    for number, message in enumerate(messages):
        commit_files(repo, env, {f"step_{number}.py": f"STEP = {number}\n"}, message)
    return repo


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        (["docs: a", "fix(features): b"], "1.4.3"),
        (["fix: a", "feat(model): b", "chore: c"], "1.5.0"),
        (["feat: a", "feat(api)!: predict devuelve prob"], "2.0.0"),
        (["refactor: mueve el código"], "1.4.3"),  # commitizen's default map: refactor → PATCH
        (["docs: solo documentación"], None),
        ([], None),
    ],
)
def test_commitizen_next_version_on_a_real_repo(
    tmp_path: Path, env: dict[str, str], messages: list[str], expected: str | None
) -> None:
    repo = _released_repo(tmp_path, env, messages)
    assert commitizen_next_version(repo, env) == expected
    assert git("tag", "--list", cwd=repo, env=env).stdout.split() == ["v1.4.2"]  # nothing tagged


def test_commitizen_errors_are_reported(tmp_path: Path, env: dict[str, str]) -> None:
    repo = init_repo(tmp_path / "sin-config", env)
    commit_files(repo, env, {"a.txt": "1\n"}, "feat: uno")
    with pytest.raises(RuntimeError, match="commitizen no pudo calcular la versión"):
        commitizen_next_version(repo, env)
    with pytest.raises(ValueError, match="sin 'v'"):
        write_commitizen_config(repo, "v1.4.2")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("feat(data): añade saldo", ("feat", "data", False, "añade saldo")),
        ("fix: x\n", ("fix", None, False, "x")),
        ("fix(api)!: prob", ("fix", "api", True, "prob")),
        ("refactor: a\n\nBREAKING CHANGE: b\nRefs: #1", ("refactor", None, True, "a")),
        ("feat: a\n\nBREAKING-CHANGE: b", ("feat", None, True, "a")),
        (
            "docs: explica BREAKING CHANGE: aquí",
            ("docs", None, False, "explica BREAKING CHANGE: aquí"),
        ),
        ("fix(ui): «¡Cuidado!»", ("fix", "ui", False, "«¡Cuidado!»")),
        ("docs(readme):   espacios   ", ("docs", "readme", False, "espacios")),
    ],
)
def test_parse_commit_fields(message: str, expected: tuple[object, ...]) -> None:
    got = parse_commit(message)
    assert (got["type"], got["scope"], got["breaking"], got["description"]) == expected
    assert len(COMMIT_TYPES) == 11


@pytest.mark.parametrize(
    "message",
    [
        "",
        "  \n",
        "arreglos varios",
        "Feat: x",
        "feature: x",
        "feat:x",
        "feat(): x",
        "feat: a\ncuerpo",
    ],
)
def test_parse_commit_rejects_with_the_header(message: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_commit(message)
    header = message.splitlines()[0] if message.strip() else ""
    assert header in str(err.value)


def test_parse_commit_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        parse_commit(None)  # type: ignore[arg-type]


def _check_script(tmp_path: Path, expected: float) -> list[str]:
    script = tmp_path / "check.py"
    script.write_text(
        "import runpy, sys\n"
        "try:\n"
        "    m = runpy.run_path('src/churn_metrics.py')\n"
        "except Exception:\n"
        "    sys.exit(125)\n"
        "value = m['high_balance_churn_rate']('data/reference.csv')\n"
        f"sys.exit(0 if abs(value - {expected!r}) < 1e-9 else 1)\n",
        encoding="utf-8",
    )
    return [sys.executable, str(script)]


def test_bisect_history_breaks_one_commit_and_skips_untestable(
    tmp_path: Path, env: dict[str, str]
) -> None:
    repo = init_repo(tmp_path / "repo", env)
    story = make_bisect_history(
        repo, env, commits=10, first_bad=6, untestable=(2, 3), n_customers=80
    )
    assert len(commit_messages(repo, env)) == 11 and story.good == "v1.0.0"
    command = _check_script(tmp_path, story.expected)
    assert brute_force_first_bad(repo, env, story.good, story.bad, command) == story.first_bad
    codes = []
    for sha in story.untestable:
        git("checkout", "-q", sha, cwd=repo, env=env)
        codes.append(subprocess.run(command, cwd=repo, check=False).returncode)
    assert codes == [125, 125]
    git("switch", "-q", "main", cwd=repo, env=env)
    git("bisect", "start", story.bad, story.good, cwd=repo, env=env)
    assert bisect_in_progress(repo)
    run = git("bisect", "run", *command, cwd=repo, env=env)
    assert f"{story.first_bad} is the first bad commit" in run.stdout
    git("bisect", "reset", cwd=repo, env=env)
    assert not bisect_in_progress(repo)
    assert "100_000" in git("show", f"{story.good}:{METRIC_FILE}", cwd=repo, env=env).stdout
    with pytest.raises(ValueError, match="first_bad"):
        make_bisect_history(init_repo(tmp_path / "r2", env), env, commits=3, first_bad=4)


def test_stage_project_writes_ruff_config_and_secrets_baseline(
    tmp_path: Path, env: dict[str, str]
) -> None:
    repo = init_repo(tmp_path / "repo", env)
    key = "AKIA" + "IOSFODNN7EXAMPLE"
    stage_project(repo, env, {"tests/t.py": f'KEY = "{key}"\n'})
    staged = git("diff", "--cached", "--name-only", cwd=repo, env=env).stdout.split()
    assert sorted(staged) == [".secrets.baseline", "ruff.toml", "tests/t.py"]
    assert "AWS Access Key" in (repo / ".secrets.baseline").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="fuera del repositorio"):
        stage_project(repo, env, {"../fuera.txt": "x"})
