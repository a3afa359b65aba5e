"""Binder's environment.yml and pyproject.toml must pin the same course runtime."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml


def test_environment_yml_matches_pyproject(repo_root: Path) -> None:
    project = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((repo_root / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert sorted(conda) == ["pip", "python=3.11"], "la parte conda debe ser mínima: python y pip"
    assert sorted(pip) == sorted(project["dependencies"]), (
        "environment.yml y pyproject.toml deben fijar exactamente las mismas dependencias"
    )
    assert all("==" in dep for dep in project["dependencies"]), "fija cada dependencia con =="
    assert project["requires-python"].startswith(">=3.11")


def test_binder_files_install_the_package_and_hide_instructor_tools(repo_root: Path) -> None:
    post = (repo_root / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps -e ." in post
    assert not (repo_root / "binder").exists(), "binder/ haría que Binder ignore environment.yml"
    server = json.loads(
        (repo_root / "jupyter/student/jupyter_server_config.json").read_text(encoding="utf-8")
    )
    exts = server["ServerApp"]["jpserver_extensions"]
    assert exts["nbgrader.server_extensions.formgrader"] is False
    page = json.loads(
        (repo_root / "jupyter/student/labconfig/page_config.json").read_text(encoding="utf-8")
    )
    assert page["disabledExtensions"]["@jupyter/nbgrader"] is True
    assert "MLFLOW_DISABLE_TELEMETRY=true" in (repo_root / "start").read_text(encoding="utf-8")


def test_readme_gives_exactly_two_commands_and_ci_calls_the_test_one(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Dos comandos", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [ln.split("#")[0].strip() for ln in block.strip().splitlines()]
    assert commands == ["make lab", "make test"]
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nmake test\n" in ci
    assert "English summary" in readme and "mybinder.org" in readme


def test_slow_optional_iri_checker_is_not_installed(repo_root: Path) -> None:
    """ADR-0009: every Jupyter process would spend about 2 s building IRI parsers on import."""
    for name in ("Makefile", "postBuild"):
        text = (repo_root / name).read_text(encoding="utf-8")
        assert "pip uninstall" in text and "rfc3987-syntax" in text, (
            f"{name} debe desinstalar rfc3987-syntax después de instalar (ADR-0009)"
        )
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, jsonschema; print('rfc3987_syntax' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "False", (
        "jsonschema cargó rfc3987_syntax: el entorno no se instaló con `make setup` (ADR-0009)"
    )
