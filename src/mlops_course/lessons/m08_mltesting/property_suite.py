"""Property tests of the churn project: the student's hypothesis tests of the trained model.

Module 08 (Exercise 4) asks for one or two pytest tests with ``@given`` whose strategies come from
the project's contract (``RANGES``, ``FLAGS``, ``CATEGORIES``) and that check, for ANY batch the
contract accepts, what the project's ``model_inputs`` + the trained model (``models/model.skops``
loaded with the project's ``load_model``) return. :func:`run_property_suite` writes those tests
into the project's ``tests/`` and runs them (in this process, fresh imports each time) against
the reference code of the project and against broken copies of its ``pipeline.py``
(:data:`PIPELINE_BUGS`): a good property test passes with the first and goes red with each copy.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.churn_project.contract import CONTRACT_FILE, reference_contract
from mlops_course.lessons.churn_project.layers import layer_files
from mlops_course.lessons.m08_mltesting.contract_suite import (
    PACKAGE,
    VARIANT_PYTEST_INI,
    run_copies,
)
from mlops_course.lessons.m08_mltesting.suite import (
    REFERENCE,
    VARIANTS_DIR,
    SuiteReport,
    write_test_file,
)

PROPERTY_TEST_FILE: Final = "test_properties.py"
PIPELINE_FILE: Final = Path("src/churn_project/pipeline.py")
MODEL_FILE: Final = Path("models/model.skops")

PROPERTY_TEST_HEADER: Final = '''\
"""Propiedades del modelo entrenado del proyecto, con hypothesis (escritas en el cuaderno
08_testing_ml): para cualquier lote que el contrato acepta, una probabilidad en [0, 1] por
cliente, sin importar el orden de las filas."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest  # noqa: F401 - a mano de los tests (fixtures)
from hypothesis import given, settings
from hypothesis import strategies as st

from churn_project.contract import CATEGORIES, FLAGS, RANGES
from churn_project.pipeline import load_model, model_inputs

MODEL = Path(__file__).resolve().parents[1] / "models" / "model.skops"
'''

PIPELINE_BUGS: Final[dict[str, tuple[str, str, str]]] = {
    # name: (text of the reference pipeline.py, its replacement, what the bug does, in Spanish)
    "filas-repetidas-fuera": (
        "    inputs = frame[list(MODEL_FEATURES)].copy()\n",
        "    inputs = frame[list(MODEL_FEATURES)].drop_duplicates().copy()\n",
        "model_inputs quita las filas repetidas: dos clientes iguales reciben UNA probabilidad",
    ),
    "orden-filas": (
        "    inputs = frame[list(MODEL_FEATURES)].copy()\n",
        "    inputs = frame[list(MODEL_FEATURES)].sort_values(list(NUMERIC_FEATURES)).copy()\n",
        "model_inputs ordena las filas: la probabilidad de cada cliente depende del orden del lote",
    ),
    "vacios-a-entero": (
        '        inputs[column] = inputs[column].astype("float64")\n    for column in FLAG',
        '        inputs[column] = inputs[column].astype("int64").astype("float64")\n'
        "    for column in FLAG",
        "model_inputs convierte las columnas numéricas a enteros: un vacío, que el contrato admite "
        "y el pipeline imputa, rompe la puntuación del lote",
    ),
}

_RESULTS: dict[str, dict[str, Any]] = {}
"""Outcomes already measured, by the hash of (test file, pipeline, model): hypothesis runs
derandomized, so the same suite against the same code runs once per process (the grading cells
share one run)."""


def reference_pipeline() -> str:
    """The text of layer 06's reference ``pipeline.py``."""
    files = layer_files("06")
    if files is None:  # pragma: no cover - the package always ships layer 06
        raise FileNotFoundError("Falta la capa 06 del proyecto de churn en el paquete del curso.")
    return files.joinpath(*PIPELINE_FILE.parts).read_text(encoding="utf-8")


def pipeline_variant(name: str, base: str | None = None) -> str:
    """The reference ``pipeline.py`` (or ``base``) with the bug ``name`` of :data:`PIPELINE_BUGS`.

    Raises:
        KeyError: unknown bug name.
        ValueError: the text does not contain what the bug changes.
    """
    old, new, _ = PIPELINE_BUGS[name]
    text = reference_pipeline() if base is None else base
    if old not in text:
        raise ValueError(f"pipeline.py no contiene {old!r}: no se puede crear la variante {name}.")
    return text.replace(old, new, 1)


def _write_copy(folder: Path, pipeline_text: str, model: Path, test_source: Path) -> None:
    """A minimal project: contract + pipeline, the trained model, ``pytest.ini`` and the tests."""
    package = folder / PIPELINE_FILE.parent
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text('"""Copia para probar tests."""\n', encoding="utf-8")
    (folder / CONTRACT_FILE).write_text(reference_contract(), encoding="utf-8")
    (folder / PIPELINE_FILE).write_text(pipeline_text, encoding="utf-8")
    (folder / MODEL_FILE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model, folder / MODEL_FILE)
    (folder / "pytest.ini").write_text(VARIANT_PYTEST_INI, encoding="utf-8")
    tests = folder / "tests"
    tests.mkdir(exist_ok=True)
    shutil.copyfile(test_source, tests / PROPERTY_TEST_FILE)


def run_property_suite(
    functions: Sequence[Callable[..., object]],
    workdir: Path,
    model: Path,
    *,
    project: Path | None = None,
    variants: Iterable[str] = (),
) -> SuiteReport:
    """Run the student's property tests against the reference pipeline and each broken copy.

    ``model`` is the trained model (``models/model.skops`` of the project). The test file goes to
    ``project/tests/test_properties.py`` when ``project`` is given (the deliverable) and to
    ``workdir/tests/`` otherwise. Each copy lives under ``workdir`` with the REFERENCE contract
    and pipeline (or a broken pipeline), so the student's own module-05/06 code never changes
    this grade.

    Raises:
        TypeError / ValueError: bad ``functions`` (see :func:`write_test_file`).
        KeyError: an unknown variant name.
        FileNotFoundError: ``model`` does not exist.
    """
    names = list(variants)
    unknown = [name for name in names if name not in PIPELINE_BUGS]
    if unknown:
        known = ", ".join(PIPELINE_BUGS)
        raise KeyError(f"Variantes desconocidas: {', '.join(unknown)} (hay: {known}).")
    model = Path(model)
    if not model.is_file():
        raise FileNotFoundError(
            f"No existe el modelo {model}: ejecuta la celda de preparación del proyecto (arriba)."
        )
    workdir = Path(workdir).resolve()
    target = (Path(project) if project is not None else workdir) / "tests" / PROPERTY_TEST_FILE
    test_path = write_test_file(functions, target, header=PROPERTY_TEST_HEADER)
    copies = workdir / VARIANTS_DIR
    if copies.exists():
        shutil.rmtree(copies)
    reference = reference_pipeline()
    test_text = test_path.read_text(encoding="utf-8")
    model_hash = hashlib.sha256(model.read_bytes()).hexdigest()
    keys: dict[str, str] = {}
    projects: dict[str, str] = {}
    for name in [REFERENCE, *names]:
        folder = copies / name
        text = reference if name == REFERENCE else pipeline_variant(name, reference)
        _write_copy(folder, text, model, test_path)
        keys[name] = hashlib.sha256(f"{test_text}\0{text}\0{model_hash}".encode()).hexdigest()
        if keys[name] not in _RESULTS:
            projects[name] = str(folder)
    results, log = run_copies(
        keys, projects, _RESULTS, f"{PACKAGE}.pipeline", PROPERTY_TEST_FILE, workdir
    )
    return SuiteReport(test_file=test_path, results=results, log=log)
