"""The project's data contract as text: the fixed parts of ``contract.py`` and the student's part.

The project's ``src/churn_project/contract.py`` (reference file of layer 05) has three parts: a
fixed header (imports, constants, ``ContractViolation``, the Spanish messages), the function
``build_schema`` that the student writes in module 05 (Exercise 3) and a fixed footer
(``TRAINING_SCHEMA``, ``INPUT_SCHEMA``, ``validate``). The reference file is the single source:
the header and footer are cut out of it, so the checkpoint's contract and the student's differ
only in ``build_schema``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

from mlops_course.lessons.churn_project.layers import layer_files
from mlops_course.lessons.churn_project.splice import source_as, splice_function, split_function

if TYPE_CHECKING:
    import pandas as pd

CONTRACT_FILE: Final = Path("src/churn_project/contract.py")
FUNCTION: Final = "build_schema"


def reference_contract() -> str:
    """The text of layer 05's reference ``contract.py``."""
    files = layer_files("05")
    if files is None:  # pragma: no cover - the package always ships layer 05
        raise FileNotFoundError("Falta la capa 05 del proyecto de churn en el paquete del curso.")
    return files.joinpath(*CONTRACT_FILE.parts).read_text(encoding="utf-8")


def split_contract(text: str) -> tuple[str, str, str]:
    """``(header, build_schema source, footer)`` of a ``contract.py`` text.

    Raises:
        ValueError: if the text has no top-level ``build_schema`` function.
    """
    return split_function(text, FUNCTION, "El contrato")


def contract_header() -> str:
    """The fixed header of ``contract.py``: what ``build_schema`` can use."""
    return split_contract(reference_contract())[0]


def reference_build_schema() -> str:
    """The source of the reference ``build_schema`` (the solution of module 05, Exercise 3)."""
    return split_contract(reference_contract())[1]


def compose_contract(function_source: str) -> str:
    """``contract.py`` with ``function_source`` in place of the reference ``build_schema``."""
    return splice_function(reference_contract(), FUNCTION, function_source)


def function_source(function: Callable[..., Any]) -> str:
    """The source code of ``function``, renamed to ``build_schema`` by an alias if needed.

    Raises:
        TypeError: if ``function`` is not a function defined in Python source code.
    """
    return source_as(function, FUNCTION)


def write_contract(project: Path, function: Callable[..., Any]) -> Path:
    """Write the project's ``contract.py`` with ``function`` as its ``build_schema``."""
    path = Path(project) / CONTRACT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(compose_contract(function_source(function)), encoding="utf-8")
    return path


def failing_columns(schema: Any, frame: pd.DataFrame) -> set[str]:
    """Columns of ``frame`` that break ``schema`` (validated lazily); empty if it passes.

    A required column that does not exist counts as failing.
    """
    from pandera.errors import SchemaErrors

    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        absent = cases.loc[cases["check"] == "column_in_dataframe", "failure_case"]
        present = cases.loc[cases["check"] != "column_in_dataframe", "column"].dropna()
        return {str(c) for c in absent} | {str(c) for c in present} - {"None"}
    return set()


def through_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as the pipeline's stages read it: written to CSV and read back with pandas."""
    import io

    import pandas as pd

    return pd.read_csv(io.StringIO(frame.to_csv(index=False)))


def load_contract(project: Path) -> ModuleType:
    """Import ``project``'s ``contract.py`` from its file, fresh (a new module object each call).

    It imports only libraries (pandas, pandera), so it loads without ``PYTHONPATH=src``.
    """
    import importlib.util

    path = Path(project) / CONTRACT_FILE
    spec = importlib.util.spec_from_file_location("churn_project_contract", path)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py path always has a loader
        raise ImportError(f"No se puede cargar {path}.")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
