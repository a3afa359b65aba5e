"""Data tests of the churn project: the student's tests of the project's contract, and its mutants.

Module 08 (Exercise 2) does not write a schema: the project has ONE contract, built in module 05
(``src/churn_project/contract.py``). The student writes pytest tests showing that the contract
accepts legitimate batches of the course generator and rejects what its knobs break, naming the
column. :func:`run_contract_suite` writes those tests into the project's ``tests/`` and runs them
(in this process, fresh imports each time) against the reference contract and against weaker
copies of it (:data:`CONTRACT_BUGS`): a good suite goes red with every weaker contract.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.churn_project.contract import CONTRACT_FILE, reference_contract
from mlops_course.lessons.m08_mltesting.suite import (
    REFERENCE,
    VARIANTS_DIR,
    SuiteReport,
    VariantResult,
    _run_in_process,
    write_test_file,
)

CONTRACT_TEST_FILE: Final = "test_data_contract.py"
PACKAGE: Final = "churn_project"

CONTRACT_TEST_HEADER: Final = '''\
"""Tests de datos: el contrato acepta lo legítimo y rechaza, nombrando la columna, lo que rompen
los mandos del generador del curso (escritos en el cuaderno 08_testing_ml)."""

import pandas as pd  # noqa: F401 - a mano de los tests (p. ej. pd.NA)
import pytest
from mlops_course.lessons.common import make_churn

from churn_project.contract import ContractViolation, validate
'''

VARIANT_PYTEST_INI: Final = """\
# Copia del proyecto para probar la suite contra una versión del contrato (módulo 08).
[pytest]
pythonpath = src
testpaths = tests
addopts = -q -p no:cacheprovider
"""

CONTRACT_BUGS: Final[dict[str, tuple[str, str, str]]] = {
    # name: (text of the reference contract, its replacement, what the bug does, in Spanish)
    "vacios-sin-contar": (
        "ignore_na=False,",
        "ignore_na=True,",
        "la regla de vacíos no cuenta los vacíos (pandera los quita antes): acepta un 10 %",
    ),
    "limite-vacios-20": (
        "MAX_MISSING_RATE: Final = 0.02",
        "MAX_MISSING_RATE: Final = 0.20",
        "admite hasta un 20 % de vacíos por columna",
    ),
    "vacios-prohibidos": (
        "            nullable=True,",
        "            nullable=False,",
        "las columnas numéricas no admiten ni un vacío: rechaza lotes legítimos",
    ),
    "saldo-sin-techo": (
        '"balance_eur": (0, 300_000),',
        '"balance_eur": (0, 100_000_000),',
        "balance_eur sin límite superior realista: acepta saldos de millones",
    ),
    "salario-sin-techo": (
        '"estimated_salary_eur": (10_000, 250_000),',
        '"estimated_salary_eur": (10_000, 100_000_000),',
        "estimated_salary_eur sin límite superior realista",
    ),
    "edad-hasta-120": (
        '"age": (18, 85),',
        '"age": (18, 120),',
        "age admite hasta 120 años: deja pasar las edades imposibles del generador",
    ),
}


_RESULTS: dict[str, dict[str, Any]] = {}
"""Outcomes already measured, by the hash of (test file text, contract text): both decide the
result (the generator is deterministic), so the same suite against the same contract runs once
per process — the grading cells share the reference run, and re-running a cell is instant."""


def _result_key(test_text: str, contract_text: str) -> str:
    return hashlib.sha256(f"{test_text}\0{contract_text}".encode()).hexdigest()


def contract_variant(name: str, base: str | None = None) -> str:
    """The reference contract (or ``base``) with the bug ``name`` of :data:`CONTRACT_BUGS`.

    Raises:
        KeyError: unknown bug name.
        ValueError: the contract text does not contain what the bug changes.
    """
    old, new, _ = CONTRACT_BUGS[name]
    text = reference_contract() if base is None else base
    if old not in text:
        raise ValueError(f"El contrato no contiene {old!r}: no se puede crear la variante {name}.")
    return text.replace(old, new)


def _forget_project_modules() -> None:
    """Drop any ``churn_project`` module imported before: each run imports its own copy."""
    for name in list(sys.modules):
        if name == PACKAGE or name.startswith(PACKAGE + "."):
            del sys.modules[name]


def _write_copy(folder: Path, contract_text: str, test_source: Path) -> None:
    """A minimal project: the contract in ``src/churn_project/``, ``pytest.ini`` and the tests."""
    package = folder / CONTRACT_FILE.parent
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text('"""Copia para probar tests."""\n', encoding="utf-8")
    (folder / CONTRACT_FILE).write_text(contract_text, encoding="utf-8")
    (folder / "pytest.ini").write_text(VARIANT_PYTEST_INI, encoding="utf-8")
    tests = folder / "tests"
    tests.mkdir(exist_ok=True)
    shutil.copyfile(test_source, tests / test_source.name)


def run_copies(
    keys: dict[str, str],
    projects: dict[str, str],
    cache: dict[str, dict[str, Any]],
    module_name: str,
    test_file: str,
    workdir: Path,
) -> tuple[dict[str, VariantResult], str]:
    """Run ``test_file`` in the copies of ``projects`` (name → folder) in one interpreter, the
    project's modules forgotten before and after, and store each outcome in ``cache`` under the
    copy's key; return every copy of ``keys`` (name → key) with its result, and the run's log.
    Copies whose key is cached already are not in ``projects`` and are not run again."""
    log = ""
    if projects:
        spec: dict[str, Any] = {
            "module_name": module_name,
            "test_file": test_file,
            "projects": projects,
            "result": str(workdir / ".resultado_tests.json"),
            "coverage_of": None,
        }
        _forget_project_modules()
        try:
            raw, log = _run_in_process(spec)
        finally:
            _forget_project_modules()
        for name, data in raw.items():
            cache[keys[name]] = data
    results = {
        name: VariantResult(
            name=name,
            outcomes=dict(cache[key]["outcomes"]),
            messages=dict(cache[key]["messages"]),
        )
        for name, key in keys.items()
    }
    return results, log


def run_contract_suite(
    functions: Sequence[Callable[..., object]],
    workdir: Path,
    *,
    project: Path | None = None,
    variants: Iterable[str] = (),
) -> SuiteReport:
    """Run the student's data tests against the reference contract and each weaker variant.

    The test file goes to ``project/tests/test_data_contract.py`` when ``project`` is given (the
    deliverable) and to ``workdir/tests/`` otherwise. Each contract gets its own copy under
    ``workdir`` (the reference in ``workdir/correcta``), so a bug in the student's own
    module-05 contract never changes this grade.

    Raises:
        TypeError / ValueError: bad ``functions`` (see :func:`write_test_file`).
        KeyError: an unknown variant name.
    """
    names = list(variants)
    unknown = [name for name in names if name not in CONTRACT_BUGS]
    if unknown:
        known = ", ".join(CONTRACT_BUGS)
        raise KeyError(f"Variantes desconocidas: {', '.join(unknown)} (hay: {known}).")
    workdir = Path(workdir).resolve()
    target = (Path(project) if project is not None else workdir) / "tests" / CONTRACT_TEST_FILE
    test_path = write_test_file(functions, target, header=CONTRACT_TEST_HEADER)
    copies = workdir / VARIANTS_DIR
    if copies.exists():
        shutil.rmtree(copies)
    reference = reference_contract()
    test_text = test_path.read_text(encoding="utf-8")
    keys: dict[str, str] = {}
    projects: dict[str, str] = {}
    for name in [REFERENCE, *names]:
        folder = copies / name
        text = reference if name == REFERENCE else contract_variant(name, reference)
        _write_copy(folder, text, test_path)
        keys[name] = _result_key(test_text, text)
        if keys[name] not in _RESULTS:
            projects[name] = str(folder)
    results, log = run_copies(
        keys, projects, _RESULTS, f"{PACKAGE}.contract", CONTRACT_TEST_FILE, workdir
    )
    return SuiteReport(test_file=test_path, results=results, log=log)
