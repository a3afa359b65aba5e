"""The champion of the churn project, loaded by alias in a FRESH process, as a service would.

A model that only loads inside the notebook that trained it is not deployable: the service of
module 11 starts from nothing but a tracking URI and ``models:/<name>@champion``.
:func:`predict_in_fresh_process` runs this module as a new Python process (``python -m``) with
only that; :func:`holdout_sample` builds the same input in both processes: the first ``rows``
of the project's holdout (``data/prepared/test.csv``), with the columns and types that the
model's signature declares.

Command line (what the fresh process runs)::

    python -m mlops_course.lessons.m07_tracking.champion <project> <model_uri> <rows>

prints the probabilities of churn as a JSON list.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import pandas as pd

HOLDOUT: Final = Path("data/prepared/test.csv")
QUIET: Final = {"MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false", "MLFLOW_DISABLE_TELEMETRY": "true"}


@contextmanager
def tracking_at(uri: str | None) -> Iterator[None]:
    """Point this process's MLflow (tracking and registry) at ``uri`` (if given), without
    progress bars; put everything back on exit."""
    import mlflow

    names = (*QUIET, "MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI")  # set_*_uri set these too
    saved_env = {name: os.environ.get(name) for name in names}
    os.environ.update(QUIET)  # no download progress bars in the notebook's output
    previous = mlflow.get_tracking_uri(), mlflow.get_registry_uri()
    if uri is not None:
        mlflow.set_tracking_uri(uri)
        mlflow.set_registry_uri(uri)
    try:
        yield
    finally:
        if uri is not None:
            mlflow.set_tracking_uri(previous[0])
            mlflow.set_registry_uri(previous[1])
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def holdout_sample(project: Path, model_uri: str, rows: int = 200) -> pd.DataFrame:
    """The first ``rows`` customers of the project's holdout, shaped by the model's signature.

    Raises:
        ValueError: ``rows`` is not a positive int, or the model has no input signature.
        FileNotFoundError: the project has no ``data/prepared/test.csv`` (run ``dvc repro``).
    """
    import mlflow

    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
        raise ValueError(f"rows debe ser un entero positivo, no {rows!r}.")
    path = Path(project) / HOLDOUT
    if not path.is_file():
        raise FileNotFoundError(f"No existe {path}: ejecuta `dvc repro` en el proyecto.")
    signature = mlflow.models.get_model_info(model_uri).signature
    if signature is None or signature.inputs is None:
        raise ValueError(f"{model_uri} no tiene firma de entrada: no se sabe qué columnas lee.")
    frame = pd.read_csv(path).head(rows)
    names = [str(name) for name in signature.inputs.input_names()]
    sample = pd.DataFrame(frame[names].copy())
    for name, kind in zip(names, signature.inputs.input_types(), strict=True):
        if str(kind).lower().endswith(("double", "float")):
            sample[name] = sample[name].astype("float64")
    return sample


def predict_champion(
    project: Path, model_uri: str, rows: int = 200, tracking_uri: str | None = None
) -> list[float]:
    """P(churn) of the holdout sample with the model at ``model_uri``, in THIS process.

    ``tracking_uri`` (e.g. the server's) is used for this call only.
    """
    import mlflow

    with tracking_at(tracking_uri):
        model = mlflow.sklearn.load_model(model_uri)
        sample = holdout_sample(project, model_uri, rows)
    return [float(value) for value in model.predict_proba(sample)[:, 1]]


def predict_in_fresh_process(
    project: Path, tracking_uri: str, model_uri: str, rows: int = 200, timeout: float = 300.0
) -> list[float]:
    """:func:`predict_champion` run by a new Python process that knows only the two URIs.

    Raises:
        RuntimeError: the process failed (its error output is in the message).
    """
    env = dict(
        os.environ, MLFLOW_TRACKING_URI=tracking_uri, MLFLOW_REGISTRY_URI=tracking_uri, **QUIET
    )
    done = subprocess.run(
        [sys.executable, "-m", __name__, str(Path(project).resolve()), model_uri, str(rows)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"El proceso nuevo no pudo cargar {model_uri} (código {done.returncode}):\n"
            + "\n".join(done.stderr.strip().splitlines()[-10:])
        )
    return [float(value) for value in json.loads(done.stdout.strip().splitlines()[-1])]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the fresh process: print the champion's probabilities as JSON."""
    import warnings

    warnings.simplefilter("ignore")
    project, model_uri, rows = argv if argv is not None else sys.argv[1:]
    print(json.dumps(predict_champion(Path(project), model_uri, int(rows))))


if __name__ == "__main__":
    main()
