"""Module 08's regression gate: the project's ``gate.py`` as text, and a practice MLflow registry.

The project's ``src/churn_project/gate.py`` (reference file of layer 08) has three parts: a fixed
header (imports, the aliases, ``GateResult``), the function ``regression_gate`` that the student
writes in Exercise 4 and a fixed footer (``check_gate``). As with the data contract
(:mod:`mlops_course.lessons.churn_project.contract`), the reference file is the single source: the
student's function replaces the reference one between the header and the footer.

The graded tests build the champion/challenger situations they need in a practice registry (a
SQLite MLflow store in the module's workspace), with runs that carry only metrics and model
versions that point at them: milliseconds each, no model is trained or logged.
"""

from __future__ import annotations

import importlib.util
import uuid
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, Final, NamedTuple

from mlops_course.lessons.churn_project.layers import layer_files
from mlops_course.lessons.churn_project.splice import source_as, splice_function, split_function

GATE_FILE: Final = Path("src/churn_project/gate.py")
FUNCTION: Final = "regression_gate"
PARAMS_FILE: Final = Path("params.yaml")
CHAMPION: Final = "champion"
CHALLENGER: Final = "challenger"
PRACTICE_EXPERIMENT: Final = "puerta-de-regresion"


class GateResult(NamedTuple):
    """The gate's verdict and its reason, in Spanish (the same as the project's)."""

    passed: bool
    reason: str


def _reference(relative: Path) -> str:
    files = layer_files("08")
    if files is None:  # pragma: no cover - the package always ships layer 08
        raise FileNotFoundError("Falta la capa 08 del proyecto de churn en el paquete del curso.")
    return files.joinpath(*relative.parts).read_text(encoding="utf-8")


def reference_gate() -> str:
    """The text of layer 08's reference ``gate.py``."""
    return _reference(GATE_FILE)


def split_gate(text: str) -> tuple[str, str, str]:
    """``(header, regression_gate source, footer)`` of a ``gate.py`` text.

    Raises:
        ValueError: if the text has no top-level ``regression_gate`` function.
    """
    return split_function(text, FUNCTION)


def compose_gate(function_source: str) -> str:
    """``gate.py`` with ``function_source`` in place of the reference ``regression_gate``."""
    return splice_function(reference_gate(), FUNCTION, function_source)


def function_source(function: Callable[..., Any]) -> str:
    """The source of ``function``, renamed to ``regression_gate`` by an alias if needed.

    Raises:
        TypeError: if ``function`` is not a function defined in Python source code.
    """
    return source_as(function, FUNCTION)


def write_gate(project: Path, function: Callable[..., Any]) -> Path:
    """Write the project's ``gate.py`` with ``function`` as its ``regression_gate``."""
    path = Path(project) / GATE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(compose_gate(function_source(function)), encoding="utf-8")
    return path


def load_gate(project: Path) -> ModuleType:
    """Import ``project``'s ``gate.py`` from its file, fresh (a new module object each call).

    Its header imports only MLflow; ``check_gate`` imports the rest of the project when called.
    """
    path = Path(project) / GATE_FILE
    spec = importlib.util.spec_from_file_location("churn_project_gate", path)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py path always has a loader
        raise ImportError(f"No se puede cargar {path}.")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gate_params_block() -> str:
    """The ``gate:`` section of layer 08's reference ``params.yaml`` (with its comments)."""
    text = _reference(PARAMS_FILE)
    start = text.index("\ngate:") + 1
    return text[start:]


def add_gate_params(project: Path) -> bool:
    """Append the ``gate`` section to the project's ``params.yaml`` if it has none.

    The rest of the file (the student's own parameters, with their comments) is left as it is.
    Returns True if the file changed.
    """
    import yaml

    path = Path(project) / PARAMS_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if "gate" in (yaml.safe_load(text) or {}):
        return False
    separator = "" if not text or text.endswith("\n") else "\n"
    path.write_text(text + separator + gate_params_block(), encoding="utf-8")
    return True


def read_gate_params(project: Path) -> dict[str, Any]:
    """The ``gate`` and ``tracking`` settings of the project's ``params.yaml``, ready to call
    ``regression_gate``: ``model_name``, ``metric``, ``tolerance``, ``higher_is_better``."""
    import yaml

    data = yaml.safe_load((Path(project) / PARAMS_FILE).read_text(encoding="utf-8")) or {}
    gate, tracking = data["gate"], data["tracking"]
    return {
        "model_name": str(tracking["registered_model"]),
        "metric": str(gate["metric"]),
        "tolerance": float(gate["tolerance"]),
        "higher_is_better": bool(gate["higher_is_better"]),
    }


def practice_registry(folder: Path) -> Any:
    """An ``MlflowClient`` on a practice SQLite store in ``folder`` (created on first use).

    Tracking and registry URIs are the client's own: the process-wide MLflow settings (and the
    environment the project's tools inherit) are not touched.
    """
    from mlflow import MlflowClient

    from mlops_course.lessons.m07_tracking.quiet import silence_mlflow
    from mlops_course.lessons.m07_tracking.store import _install_sqlite_pragmas

    _install_sqlite_pragmas()  # WAL, no fsync per commit: each version in milliseconds
    silence_mlflow()  # nothing on stderr: nbgrader gives 0 points to a test cell that writes there
    warnings.filterwarnings("ignore", message=r".*``noload`` loader strategy")  # SQLAlchemy's
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    uri = f"sqlite:///{(folder / 'mlflow.db').as_posix()}"
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)
    if client.get_experiment_by_name(PRACTICE_EXPERIMENT) is None:
        client.create_experiment(
            PRACTICE_EXPERIMENT, artifact_location=(folder / "artifacts").as_uri()
        )
    return client


def register_models(
    client: Any,
    run_metrics: Sequence[Mapping[str, float]],
    aliases: Mapping[str, int],
    prefix: str = "churn-prueba",
) -> str:
    """Register a new model (unique name) with one version per entry of ``run_metrics``.

    Version N points at a finished run that carries the metrics of entry N-1; ``aliases`` maps an
    alias (``"champion"``) to a version number. Returns the model's name.

    Raises:
        ValueError: no versions, or an alias that points at a version that does not exist.
    """
    from mlflow.entities import Metric

    if not run_metrics:
        raise ValueError("run_metrics debe tener al menos una entrada.")
    for alias, number in aliases.items():
        if not 1 <= int(number) <= len(run_metrics):
            raise ValueError(f"El alias {alias!r} apunta a la versión {number}, que no existe.")
    experiment = client.get_experiment_by_name(PRACTICE_EXPERIMENT)
    if experiment is None:
        raise ValueError("Abre el registro de prácticas con practice_registry(...) primero.")
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    client.create_registered_model(name)
    for metrics in run_metrics:
        run = client.create_run(experiment.experiment_id)
        run_id = run.info.run_id
        client.log_batch(
            run_id, metrics=[Metric(key, float(value), 0, 0) for key, value in metrics.items()]
        )
        client.set_terminated(run_id)
        client.create_model_version(name, source=f"runs:/{run_id}/model", run_id=run_id)
    for alias, number in aliases.items():
        client.set_registered_model_alias(name, alias, str(number))
    return name
