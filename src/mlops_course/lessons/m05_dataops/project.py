"""A git + DVC project built from scratch inside the module workspace, re-creatable on re-run."""

from __future__ import annotations

import inspect
import shutil
import textwrap
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mlops_course.lessons.common import git
from mlops_course.lessons.m05_dataops.dvctool import ToolRun, dvc
from mlops_course.lessons.m05_dataops.stage_scripts import STAGES

CHECKS_MODULE = "churn_checks.py"
ENTRY_POINT = "validate_churn"  # the name the validate stage imports
CHECKS_HEADER = '''"""Validador de datos generado desde el cuaderno del módulo 05 (no editar)."""

import math

import numpy as np
import pandas as pd

from mlops_course.lessons.m05_dataops.validation import DataValidationError

'''
GITIGNORE = "# Run log of the stages: a witness of what ran, never versioned.\n/logs/\n"


def reset_dir(path: Path) -> Path:
    """Delete ``path`` (if it exists) and create it empty; return it."""
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def init_project(project: Path, env: dict[str, str]) -> ToolRun:
    """Create an empty git repository with DVC initialised in ``project`` (wiped first).

    Returns the ``dvc init`` run. Raises ``RuntimeError`` if git or DVC fail.
    """
    reset_dir(project)
    git("init", "--quiet", "--initial-branch=main", cwd=project, env=env)
    (project / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    return dvc("init", cwd=project, env=env, check=True)


def commit_all(project: Path, env: dict[str, str], message: str) -> str:
    """``git add -A`` and commit with ``message`` if anything changed; return the short hash."""
    git("add", "-A", cwd=project, env=env)
    if git("status", "--porcelain", cwd=project, env=env).stdout.strip():
        git("commit", "--quiet", "-m", message, cwd=project, env=env)
    return git("rev-parse", "--short", "HEAD", cwd=project, env=env).stdout.strip()


def install_stage_scripts(project: Path) -> list[Path]:
    """Copy the course's stage scripts to ``project/stages/`` (overwriting) and return them."""
    target = Path(project) / "stages"
    target.mkdir(parents=True, exist_ok=True)
    package = resources.files("mlops_course.lessons.m05_dataops.stage_scripts")
    written = []
    for stage in STAGES:
        path = target / f"{stage}.py"
        path.write_text(package.joinpath(f"{stage}.py").read_text(encoding="utf-8"), "utf-8")
        written.append(path)
    return written


def write_checks_module(project: Path, function: Callable[..., Any]) -> Path:
    """Write ``function``'s source code as ``stages/churn_checks.py`` for the validate stage.

    The validate stage imports ``validate_churn`` from that module; a function with another
    name gets an alias.

    The module starts with the imports a validator may use (``math``, ``np``, ``pd`` and
    ``DataValidationError``); the function must not rely on other names of the notebook.

    Raises:
        TypeError: if ``function`` is not a function defined in Python source code.
    """
    if not inspect.isfunction(function):
        raise TypeError(f"Se esperaba una función, no {type(function).__name__}.")
    try:
        source = textwrap.dedent(inspect.getsource(function))
    except (OSError, TypeError) as err:
        raise TypeError(f"No se puede leer el código de {function.__name__}: {err}") from err
    alias = "" if function.__name__ == ENTRY_POINT else f"\n\n{ENTRY_POINT} = {function.__name__}"
    path = Path(project) / "stages" / CHECKS_MODULE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CHECKS_HEADER + source.rstrip() + alias + "\n", encoding="utf-8")
    return path


def write_yaml(path: Path, data: Mapping[str, Any]) -> Path:
    """Write ``data`` as block-style YAML, keys in insertion order (as a person would)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def read_yaml(path: Path) -> Any:
    """Read a YAML file (``None`` for an empty one)."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def check_dvc_yaml(spec: Mapping[str, Any]) -> None:
    """Validate ``spec`` (the contents of a ``dvc.yaml``) with DVC's own schema.

    Raises:
        ValueError: in Spanish, quoting DVC's message and where in the file the problem is.
    """
    import voluptuous
    from dvc.schema import COMPILED_MULTI_STAGE_SCHEMA  # type: ignore[import-untyped]

    try:
        COMPILED_MULTI_STAGE_SCHEMA(spec)
    except voluptuous.Invalid as err:
        raise ValueError(f"DVC rechazaría este dvc.yaml: {err}") from err
