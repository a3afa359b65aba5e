"""The per-student workspace: where notebooks write, and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.machinery.workspace import (
    ENV_VAR,
    find_course_root,
    module_workspace,
    workspace_root,
)


def test_env_var_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "ws"))
    assert workspace_root() == (tmp_path / "ws").resolve()
    assert module_workspace("05_ingenieria_datos").is_dir()


def test_course_root_is_found_upwards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / "nbgrader_config.py").write_text("", encoding="utf-8")
    deep = tmp_path / "notebooks" / "00_indice"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_course_root() == tmp_path.resolve()
    assert module_workspace("00_indice") == (tmp_path / "workspace" / "00_indice").resolve()


def test_home_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    assert find_course_root(lonely) is None
    assert workspace_root(lonely) == (tmp_path / "home" / "mlops-workspace").resolve()


@pytest.mark.parametrize("bad", ["", "indice", "0_indice", "00-indice", "../00_x", "00_Indice"])
def test_bad_module_names_are_rejected_in_spanish(bad: str) -> None:
    with pytest.raises(ValueError, match="Nombre de módulo no válido"):
        module_workspace(bad)


def test_tool_env_puts_the_interpreter_first_and_disables_telemetry() -> None:
    import sys

    from mlops_course.machinery.procenv import tool_env

    env = tool_env({"PATH": "/usr/bin"}, MLOPS_WORKSPACE="/tmp/x")
    assert env["PATH"].split(":")[0] == str(Path(sys.executable).parent)
    assert env["MLFLOW_DISABLE_TELEMETRY"] == "true" and env["MLOPS_WORKSPACE"] == "/tmp/x"


def test_run_tool_captures_text_returns_failures_and_raises_timeouts(tmp_path: Path) -> None:
    import subprocess
    import sys

    from mlops_course.machinery.procenv import run_tool

    code = "import os, sys; print(os.getcwd()); print(os.environ.get('X', '-'), file=sys.stderr)"
    proc = run_tool([sys.executable, "-c", code + "; sys.exit(3)"], cwd=tmp_path, env={"X": "1"})
    assert proc.returncode == 3
    assert proc.stdout.strip() == str(tmp_path) and proc.stderr.strip() == "1"
    default = run_tool([sys.executable, "-c", "import os; print(os.environ['PATH'])"])
    assert default.stdout.split(":")[0] == str(Path(sys.executable).parent)
    with pytest.raises(subprocess.TimeoutExpired):
        run_tool([sys.executable, "-c", "import time; time.sleep(5)"], timeout=0.5)
