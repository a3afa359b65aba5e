"""Check a project's ``pyproject.toml`` and import its src-layout package in a fresh process.

The fresh process is the honest test of a src layout: the current notebook kernel has already
imported things and has its own ``sys.path``; a child interpreter started with ``-P`` (the
current directory is *not* prepended to ``sys.path``) and ``PYTHONPATH=<project>/src`` sees only
what an installed package would expose. Nothing is installed in the course environment.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from validate_pyproject import api as vp_api
from validate_pyproject.error_reporting import ValidationError as SchemaError

from mlops_course.machinery.procenv import run_tool, tool_env

_CHILD_CODE = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({"file": getattr(module, "__file__", None)}))
"""


@lru_cache(maxsize=1)
def _validator() -> vp_api.Validator:
    # Building the validator loads every schema plugin (~0.3 s): do it once per process.
    return vp_api.Validator()


def pyproject_problems(path: Path) -> list[str]:
    """Spanish list of problems of a ``pyproject.toml`` (empty: it is valid).

    Checks, in order: the file exists and is valid TOML, it has ``[build-system]`` and
    ``[project]``, and it passes the PEP 517/518/621 schemas of ``validate-pyproject``.
    """
    if not path.is_file():
        return [f"No existe {path}."]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [f"{path.name} no es TOML válido: {exc}."]
    problems: list[str] = []
    if "build-system" not in data:
        problems.append("Falta la tabla [build-system] (qué backend construye el paquete).")
    if "project" not in data:
        problems.append("Falta la tabla [project] (nombre, versión, requires-python...).")
    try:
        _validator()(data)
    except SchemaError as exc:
        problems.append(f"No cumple el esquema de pyproject.toml: {exc.message}")
    return problems


@dataclass(frozen=True)
class FreshImport:
    """Outcome of importing a module in a child interpreter."""

    ok: bool
    module_file: Path | None
    stderr: str

    def explain(self) -> str:
        """One Spanish sentence: where the module came from, or the last line of the error."""
        if self.ok:
            return f"Importado desde {self.module_file}."
        last = self.stderr.strip().splitlines()[-1:] or ["(sin mensaje)"]
        return f"La importación falló: {last[0]}"


def import_in_fresh_process(
    module: str, *, pythonpath: Path | None, cwd: Path, timeout: float = 60
) -> FreshImport:
    """Import ``module`` in a new interpreter whose ``PYTHONPATH`` is only ``pythonpath``.

    ``PYTHONPATH`` is set for the child alone (``None``: unset); the kernel's ``sys.path`` and
    the course environment are not touched. ``cwd`` is the child's working directory.

    Raises:
        ValueError: if ``module`` is not a dotted Python name or ``cwd`` is not a folder.
    """
    if not module or not all(part.isidentifier() for part in module.split(".")):
        raise ValueError(f"{module!r} no es un nombre de módulo de Python (p. ej. 'churn_lib').")
    if not cwd.is_dir():
        raise ValueError(f"cwd debe ser una carpeta existente: {cwd}.")
    env = tool_env()
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    proc = run_tool(
        [sys.executable, "-P", "-c", _CHILD_CODE, module], cwd=cwd, env=env, timeout=timeout
    )
    if proc.returncode != 0:
        return FreshImport(False, None, proc.stderr)
    try:
        found = json.loads(proc.stdout.strip().splitlines()[-1])["file"]
    except (IndexError, json.JSONDecodeError, KeyError):
        return FreshImport(False, None, proc.stderr + proc.stdout)
    return FreshImport(True, Path(found).resolve() if found else None, proc.stderr)
