"""Turn test functions written in a notebook into a real test file and run it in a child process.

The notebook is where students write tests; pytest and coverage.py work on files. This module
bridges the two:

- :func:`write_test_file` copies the source of each function (``inspect.getsource``) below a fixed
  header of imports into ``tests/<file>``;
- :func:`write_project` lays out a minimal project: the module under test, ``pytest.ini`` and
  the test file;
- :func:`run_suite` runs that file against the reference module and against buggy variants of
  it (mutation testing by hand), all in ONE child process, optionally measuring line coverage.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from mlops_course.lessons.m08_mltesting import churn_features, runner
from mlops_course.machinery.procenv import run_tool, tool_env

MODULE_NAME = "churn_features"
REFERENCE = "correcta"
DEFAULT_TEST_FILE = "test_churn_features.py"
VARIANTS_DIR = "_variantes"
_AUTOLOAD = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"

PYTEST_INI = """\
# Configuración de pytest del proyecto del módulo 08 (generado por el cuaderno).
[pytest]
pythonpath = .
testpaths = tests
addopts = -q -p no:cacheprovider
"""

TEST_FILE_HEADER = f'''\
"""Tests escritos en el cuaderno 08_testing_ml y exportados con write_test_file."""

import contextlib
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from {MODULE_NAME} import (
{"".join(f"    {name},{chr(10)}" for name in sorted(churn_features.__all__))})
'''


def module_under_test_source() -> str:
    """The source text of the module under test (``churn_features.py``)."""
    return Path(churn_features.__file__).read_text(encoding="utf-8")


def variant_source(replacement: str, base: str | None = None) -> str:
    """A buggy copy of the module: ``base`` plus ``replacement`` appended (later ``def`` wins).

    Raises:
        ValueError: if ``replacement`` is not valid Python or defines nothing.
    """
    try:
        tree = ast.parse(textwrap.dedent(replacement))
    except SyntaxError as err:
        raise ValueError(f"La variante no es Python válido: {err}") from err
    if not any(isinstance(node, ast.FunctionDef | ast.Assign) for node in tree.body):
        raise ValueError("La variante debe redefinir al menos una función o constante.")
    text = module_under_test_source() if base is None else base
    return f"{text.rstrip()}\n\n\n# --- variante con un fallo a propósito ---\n" + (
        textwrap.dedent(replacement).strip() + "\n"
    )


def load_variant(replacement: str, name: str = "churn_features_variante") -> ModuleType:
    """Import a buggy copy of the module under test in memory (for demos in the notebook)."""
    module = ModuleType(name)
    exec(compile(variant_source(replacement), f"<{name}>", "exec"), module.__dict__)
    return module


def function_source(function: Callable[..., object]) -> str:
    """The dedented source of a function defined in a file or a notebook cell.

    Raises:
        TypeError: if ``function`` is not a Python function (a lambda is rejected too).
        ValueError: if its source code is not available.
    """
    if not inspect.isfunction(function) or function.__name__ == "<lambda>":
        raise TypeError(
            f"Se esperaba una función definida con def, no {type(function).__name__} "
            f"({function!r})."
        )
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError) as err:
        raise ValueError(
            f"No se encuentra el código de {function.__name__}: vuelve a ejecutar la celda "
            "donde la defines."
        ) from err
    return textwrap.dedent(source)


def write_test_file(
    functions: Sequence[Callable[..., object]], path: Path, header: str = TEST_FILE_HEADER
) -> Path:
    """Write ``header`` plus the source of ``functions`` (tests, helpers, fixtures) to ``path``.

    Raises:
        TypeError: if ``functions`` is not a list/tuple of functions.
        ValueError: if it is empty, has no ``test_*`` function or repeats a name.
    """
    if isinstance(functions, str | bytes) or not isinstance(functions, Sequence):
        raise TypeError(
            "Pasa una lista de funciones de test, p. ej. [test_a, test_b]; "
            f"se recibió {type(functions).__name__}."
        )
    sources = [function_source(f) for f in functions]
    names = [f.__name__ for f in functions]
    if not any(name.startswith("test") for name in names):
        raise ValueError("La lista no contiene ninguna función cuyo nombre empiece por 'test'.")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"Funciones repetidas en la lista: {', '.join(repeated)}.")
    body = "\n\n".join(source.rstrip() + "\n" for source in sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{header.rstrip()}\n\n\n{body}", encoding="utf-8")
    return path


def write_project(
    folder: Path,
    functions: Sequence[Callable[..., object]],
    *,
    test_file: str = DEFAULT_TEST_FILE,
    module_source: str | None = None,
) -> Path:
    """Lay out ``folder``: ``churn_features.py``, ``pytest.ini`` and ``tests/<test_file>``.

    Returns the path of the test file. Existing files are overwritten (re-running is safe).
    """
    folder.mkdir(parents=True, exist_ok=True)
    source = module_under_test_source() if module_source is None else module_source
    (folder / f"{MODULE_NAME}.py").write_text(source, encoding="utf-8")
    (folder / "pytest.ini").write_text(PYTEST_INI, encoding="utf-8")
    return write_test_file(functions, folder / "tests" / test_file)


@dataclass(frozen=True)
class VariantResult:
    """What one run of the suite against one copy of the module observed."""

    name: str
    outcomes: dict[str, str]
    """test name → ``"passed"``, ``"failed"``, ``"errors"`` or ``"skipped"``."""
    messages: dict[str, str] = field(default_factory=dict)
    coverage_percent: float | None = None

    def count(self, outcome: str) -> int:
        """How many tests had ``outcome``."""
        return sum(1 for value in self.outcomes.values() if value == outcome)

    @property
    def green(self) -> bool:
        """At least one test ran and none failed or errored."""
        return self.count("passed") > 0 and not (self.count("failed") or self.count("errors"))

    @property
    def caught(self) -> bool:
        """The suite went red: some test failed or errored (the opposite of :attr:`green`)."""
        return not self.green


@dataclass(frozen=True)
class SuiteReport:
    """The outcome of one :func:`run_suite` call."""

    test_file: Path
    results: dict[str, VariantResult]
    log: str = ""

    @property
    def reference(self) -> VariantResult:
        """The run against the correct module."""
        return self.results[REFERENCE]

    @property
    def coverage_percent(self) -> float | None:
        """Line coverage of the module under test measured on the reference run (or None)."""
        return self.reference.coverage_percent

    def survivors(self) -> list[str]:
        """Buggy variants that no test caught (the suite stayed green)."""
        return [n for n, r in self.results.items() if n != REFERENCE and r.green]

    def failures(self, name: str = REFERENCE) -> dict[str, str]:
        """Failed or errored tests of one run, with their one-line reason."""
        result = self.results[name]
        return {t: result.messages.get(t, o) for t, o in result.outcomes.items() if o != "passed"}

    def table(self) -> pd.DataFrame:
        """One row per module copy: tests passed / failed and whether the suite caught it."""
        rows = []
        for name, result in self.results.items():
            rows.append(
                {
                    "versión": name,
                    "pasan": result.count("passed"),
                    "fallan": result.count("failed") + result.count("errors"),
                    "veredicto": (
                        ("correcta: todo en verde" if result.green else "¡falla con la correcta!")
                        if name == REFERENCE
                        else ("detectada" if result.caught else "SOBREVIVE")
                    ),
                }
            )
        return pd.DataFrame(rows).set_index("versión")


def run_suite(
    functions: Sequence[Callable[..., object]],
    workdir: Path,
    *,
    variants: Mapping[str, str] | None = None,
    test_file: str = DEFAULT_TEST_FILE,
    coverage: bool = False,
    in_process: bool = True,
    timeout: float = 120.0,
) -> SuiteReport:
    """Write the suite and run it against the reference module and each variant.

    ``workdir`` becomes the reference project (module + ``pytest.ini`` + ``tests/``); each
    variant (name → replacement source, see :func:`variant_source`) gets its own project under
    ``workdir/_variantes/<name>``. With ``coverage=True`` the reference run is measured with
    coverage.py and ``coverage.json`` and ``coverage.txt`` are written to ``workdir``.

    ``in_process=True`` (the default) runs pytest inside this interpreter, which is fast in a
    notebook because pandas and pytest are already imported; ``in_process=False`` runs the same
    code in one child process (full isolation, ``timeout`` seconds at most).

    Raises:
        TypeError / ValueError: bad ``functions`` or ``variants`` (see :func:`write_test_file`).
        RuntimeError: the child process crashed or took longer than ``timeout`` seconds.
    """
    variants = dict(variants or {})
    if REFERENCE in variants:
        raise ValueError(f"'{REFERENCE}' es el nombre reservado de la versión de referencia.")
    workdir = workdir.resolve()
    test_path = write_project(workdir, functions, test_file=test_file)
    projects = {REFERENCE: str(workdir)}
    variants_root = workdir / VARIANTS_DIR
    if variants_root.exists():
        shutil.rmtree(variants_root)
    for name, replacement in variants.items():
        folder = variants_root / name
        write_project(
            folder, functions, test_file=test_file, module_source=variant_source(replacement)
        )
        projects[name] = str(folder)
    result_file = workdir / ".resultado_tests.json"
    spec: dict[str, Any] = {
        "module_name": MODULE_NAME,
        "test_file": test_file,
        "projects": projects,
        "result": str(result_file),
        "coverage_of": REFERENCE if coverage else None,
        "coverage": {
            "json": str(workdir / "coverage.json"),
            "text": str(workdir / "coverage.txt"),
        },
    }
    if in_process:
        raw, log = _run_in_process(spec)
    else:
        raw, log = _run_in_child(spec, workdir, timeout)
    results = {
        name: VariantResult(
            name=name,
            outcomes=dict(data["outcomes"]),
            messages=dict(data["messages"]),
            coverage_percent=data.get("coverage_percent"),
        )
        for name, data in raw.items()
    }
    return SuiteReport(test_file=test_path, results=results, log=log)


def _run_in_process(spec: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Run the spec here, with pytest's output captured and plugin autoloading disabled."""
    buffer = io.StringIO()
    previous = os.environ.get(_AUTOLOAD)
    os.environ[_AUTOLOAD] = "1"
    saved_path = list(sys.path)
    saved_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # no __pycache__ folders in the student's workspace
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            raw = runner.run_spec(spec)
    finally:
        sys.path[:] = saved_path
        sys.dont_write_bytecode = saved_bytecode
        if previous is None:
            os.environ.pop(_AUTOLOAD, None)
        else:
            os.environ[_AUTOLOAD] = previous
    return raw, buffer.getvalue()


def _run_in_child(
    spec: dict[str, Any], workdir: Path, timeout: float
) -> tuple[dict[str, Any], str]:
    """Run the spec in a fresh interpreter and read back its result file."""
    result_file = Path(spec["result"])
    spec_file = workdir / ".spec_tests.json"
    spec_file.write_text(json.dumps(spec, indent=2), encoding="utf-8")
    result_file.unlink(missing_ok=True)
    env = tool_env(None, PYTHONDONTWRITEBYTECODE="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    command = [sys.executable, "-m", "mlops_course.lessons.m08_mltesting.runner", str(spec_file)]
    try:
        proc = run_tool(command, cwd=workdir, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as err:
        raise RuntimeError(
            f"Los tests tardaron más de {timeout:.0f} s: ¿hay un bucle infinito en algún test?"
        ) from err
    log = proc.stdout + proc.stderr
    if proc.returncode != 0 or not result_file.is_file():
        raise RuntimeError(
            f"El proceso de tests terminó con código {proc.returncode}:\n{log[-2000:]}"
        )
    raw: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    return raw, log
