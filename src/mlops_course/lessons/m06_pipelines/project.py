"""The student's pipeline inside the churn project: ``src/churn_project/pipeline.py``.

The project's ``pipeline.py`` (reference file of layer 06) has three parts: a fixed header
(imports and constants), the code the student writes in module 06 (``QuantileClipper``, Exercise
1, and ``build_churn_pipeline``, Exercise 2) and a fixed footer (``build_pipeline``, the
cost-tuned threshold, the evaluation and the trusted loader). As with the data contract of module
05 (:mod:`..churn_project.contract`), the reference file is the single source: header and footer
are cut out of it, so the checkpoint's file and the student's differ only in the student's part.

:func:`compare_with_reference` runs the student's file and the reference in a fresh interpreter,
on the same data, as the project's ``train`` stage would: same predictions or a Spanish message.
:func:`reference_threshold` runs the project's reference ``tune_threshold`` and ``business_cost``
(the cost-tuned decision threshold of Exercise 3), compiled from the same reference file in this
process (cheap enough for a test cell), for the notebook's tests to compare the student's
functions with.
"""

from __future__ import annotations

import ast
import inspect
import json
import linecache
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sklearn.base import clone

from mlops_course.lessons.churn_project.contract import CONTRACT_FILE
from mlops_course.lessons.churn_project.layers import layer_files
from mlops_course.lessons.common import make_churn

PIPELINE_FILE: Final = Path("src/churn_project/pipeline.py")
STUDENT_PART: Final = ("QuantileClipper", "build_churn_pipeline")
"""The top-level names of ``pipeline.py`` that the student writes, in file order."""
TIMEOUT_S: Final = 120


def _layer_text(module: str, relative: Path) -> str:
    files = layer_files(module)
    if files is None:  # pragma: no cover - the package always ships layers 05 and 06
        raise FileNotFoundError(f"Falta la capa {module} del proyecto de churn en el paquete.")
    return files.joinpath(*relative.parts).read_text(encoding="utf-8")


def reference_pipeline() -> str:
    """The text of layer 06's reference ``pipeline.py``."""
    return _layer_text("06", PIPELINE_FILE)


def split_pipeline(text: str) -> tuple[str, str, str]:
    """``(header, student part, footer)`` of a ``pipeline.py`` text.

    Raises:
        ValueError: if the text lacks one of :data:`STUDENT_PART` at the top level.
    """
    nodes = {
        node.name: node
        for node in ast.parse(text).body
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in STUDENT_PART
    }
    absent = [name for name in STUDENT_PART if name not in nodes]
    if absent:
        raise ValueError(f"pipeline.py no define {', '.join(absent)}.")
    first, last = nodes[STUDENT_PART[0]], nodes[STUDENT_PART[-1]]
    start = min([first.lineno, *(d.lineno for d in first.decorator_list)]) - 1
    end = last.end_lineno or last.lineno
    lines = text.splitlines(keepends=True)
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def pipeline_header() -> str:
    """The fixed header of ``pipeline.py``: everything the student's code can use."""
    return split_pipeline(reference_pipeline())[0]


def object_source(obj: Any) -> str:
    """The source code of a function or class, also when it was defined in a notebook cell.

    ``inspect.getsource`` cannot find a class defined in ``__main__`` before Python 3.13; its
    methods know their cell, so the class is looked up in that cell's text.

    Raises:
        TypeError: if ``obj`` is not a function or class defined in Python source code.
    """
    if inspect.isfunction(obj):
        try:
            return textwrap.dedent(inspect.getsource(obj)).strip("\n")
        except (OSError, TypeError) as err:
            raise TypeError(f"No se puede leer el código de {obj.__name__}: {err}") from err
    if not inspect.isclass(obj):
        raise TypeError(f"Se esperaba una función o una clase, no {type(obj).__name__}.")
    methods = [
        value
        for value in vars(obj).values()
        if inspect.isfunction(value) and value.__qualname__.startswith(obj.__qualname__ + ".")
    ]
    for method in methods:
        code = method.__code__
        text = "".join(linecache.getlines(code.co_filename))
        if not text:
            continue
        for node in ast.walk(ast.parse(text)):
            if (
                isinstance(node, ast.ClassDef)
                and node.name == obj.__name__
                and node.lineno <= code.co_firstlineno <= (node.end_lineno or node.lineno)
            ):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
                lines = text.splitlines(keepends=True)[start : node.end_lineno]
                return textwrap.dedent("".join(lines)).strip("\n")
    raise TypeError(f"No se puede leer el código de la clase {obj.__name__}.")


def compose_pipeline(clipper: type, builder: Any) -> str:
    """``pipeline.py`` with the student's ``clipper`` class and ``builder`` function in place of
    the reference ones (an alias is added when a name differs)."""
    header, _, footer = split_pipeline(reference_pipeline())
    parts = []
    for obj, name in zip((clipper, builder), STUDENT_PART, strict=True):
        source = object_source(obj)
        if obj.__name__ != name:
            source += f"\n\n\n{name} = {obj.__name__}"
        parts.append(source)
    return header + "\n\n\n".join(parts) + "\n" + footer


def write_pipeline(project: Path, clipper: type, builder: Any) -> Path:
    """Write the project's ``pipeline.py`` with the student's class and function."""
    path = Path(project) / PIPELINE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(compose_pipeline(clipper, builder), encoding="utf-8")
    return path


def _reference_package(folder: Path) -> None:
    """Write the project's reference ``churn_project`` (contract and pipeline) in ``folder/src``."""
    package = folder / "src/churn_project"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "contract.py").write_text(_layer_text("05", CONTRACT_FILE), encoding="utf-8")
    (package / "pipeline.py").write_text(reference_pipeline(), encoding="utf-8")


_SCRIPT = r"""
import importlib.util, json, sys, traceback
import numpy as np
import pandas as pd
from churn_project.contract import TARGET, validate
import churn_project.pipeline as reference

train = validate(pd.read_csv("train.csv"))
test = validate(pd.read_csv("test.csv"))
expected = reference.build_pipeline(C=float(sys.argv[1])).fit(
    reference.model_inputs(train), train[TARGET]
).predict_proba(reference.model_inputs(test))[:, 1]
result = {"error": None, "max_difference": None}
try:
    spec = importlib.util.spec_from_file_location("student_pipeline", "student_pipeline.py")
    student = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(student)
    got = student.build_pipeline(C=float(sys.argv[1])).fit(
        student.model_inputs(train), train[TARGET]
    ).predict_proba(student.model_inputs(test))[:, 1]
    result["max_difference"] = float(np.max(np.abs(got - expected)))
except Exception as err:
    result["error"] = f"{type(err).__name__}: {err}"
    result["where"] = traceback.format_exc(limit=-1).strip().splitlines()[-3:]
print(json.dumps(result))
"""


@dataclass(frozen=True)
class Comparison:
    """The student's ``pipeline.py`` against the reference, fitted on the same data."""

    error: str | None  # what failed inside the project, if anything (type: message)
    max_difference: float | None  # largest |P(churn) student - reference| on the holdout
    detail: str  # where it failed, for the student

    @property
    def same(self) -> bool:
        """True if it ran and predicts the same (to 1e-9) as the reference."""
        return self.error is None and self.max_difference is not None and self.max_difference < 1e-9


def compare_with_reference(
    pipeline_text: str, *, n_rows: int = 600, seed: int = 11, C: float = 1.0
) -> Comparison:
    """Fit the reference pipeline and ``pipeline_text``'s on the same churn rows, in a fresh
    interpreter with the project's contract, and compare their probabilities on a holdout."""
    frame = make_churn(n_rows=n_rows, seed=seed)  # as the project's raw data: it meets the contract
    cut = int(len(frame) * 0.75)
    with tempfile.TemporaryDirectory(prefix="m06-pipeline-") as tmp:
        folder = Path(tmp)
        _reference_package(folder)
        (folder / "student_pipeline.py").write_text(pipeline_text, encoding="utf-8")
        frame.iloc[:cut].to_csv(folder / "train.csv", index=False)
        frame.iloc[cut:].to_csv(folder / "test.csv", index=False)
        run = subprocess.run(
            [sys.executable, "-c", f"import sys; sys.path[:0] = ['src']\n{_SCRIPT}", str(C)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    if run.returncode != 0:
        return Comparison(f"el proceso de comparación falló: {run.stderr[-600:]}", None, "")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    return Comparison(result["error"], result["max_difference"], "\n".join(result.get("where", [])))


THRESHOLD_FUNCTIONS: Final = ("business_cost", "tune_threshold")
"""The functions of the reference ``pipeline.py`` behind the project's cost-tuned threshold."""


def reference_threshold_functions() -> dict[str, Any]:
    """``business_cost`` and ``tune_threshold`` of layer 06's reference ``pipeline.py``, compiled
    from that file (with its imports, without the project's contract) into a private namespace:
    the project's own code, usable in a notebook without importing ``churn_project``."""
    tree = ast.parse(reference_pipeline())
    kept: list[ast.stmt] = []
    for node in tree.body:
        if (
            isinstance(node, ast.Import)
            or (
                isinstance(node, ast.ImportFrom)
                and not (node.module or "").startswith("churn_project")
            )
            or (isinstance(node, ast.FunctionDef) and node.name in THRESHOLD_FUNCTIONS)
        ):
            kept.append(node)
    namespace: dict[str, Any] = {"__name__": "churn_project_reference"}
    code = compile(ast.Module(body=kept, type_ignores=[]), str(PIPELINE_FILE), "exec")
    exec(code, namespace)  # the package's own reference file, not user input
    return {name: namespace[name] for name in THRESHOLD_FUNCTIONS}


def reference_threshold(
    pipeline: Any,
    train: tuple[Any, Any],
    test: tuple[Any, Any],
    *,
    cost_false_positive_eur: float,
    cost_false_negative_eur: float,
    cv_folds: int,
    seed: int,
) -> dict[str, float]:
    """What the project's reference ``tune_threshold`` and ``business_cost`` (layer 06) give for
    ``pipeline`` (a clone is fitted, the argument is untouched) trained on ``train`` = (X, y) and
    evaluated on ``test``: the threshold, and the cost per customer on the holdout with it and
    with 0.5 — the figures of the project's ``metrics.json``."""
    functions = reference_threshold_functions()
    business_cost, tune_threshold = functions["business_cost"], functions["tune_threshold"]
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    tuned = tune_threshold(clone(pipeline), cv_folds=cv_folds, seed=seed, **costs)
    tuned.fit(*train)
    x_test, y_test = test
    at_half = (tuned.predict_proba(x_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(tuned.best_threshold_),
        "cost_per_customer_eur": float(business_cost(y_test, tuned.predict(x_test), **costs)),
        "cost_per_customer_eur_at_0_5": float(business_cost(y_test, at_half, **costs)),
    }
