"""Aid ``model_persistence``: joblib, cloudpickle, skops or ONNX for a trained pipeline (module 06).

Rules (threshold in ``model_persistence.yaml``):

* a file that may come from outside your control → never a pickle (joblib, cloudpickle); skops with
  reviewed types, or ONNX, which runs no Python on load;
* serving outside Python → only ONNX can;
* custom classes in the notebook (``__main__``) → only cloudpickle loads elsewhere (by value);
  in an importable package → joblib and skops load by reference; none → every format works;
* ``lifetime_months >= long_lived_min_months`` → versions will change under the file: ONNX (a
  versioned opset) gains, cloudpickle (tied to the Python minor version) loses most.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt, StrictBool

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.schema import AidThresholds

JOBLIB, CLOUDPICKLE, SKOPS, ONNX = "joblib", "cloudpickle", "skops", "onnx"
STRONG, FIT, WEAK = 3, 2, 1
CANNOT = -5

CustomCode = Literal["ninguno", "paquete", "cuaderno"]


class Inputs(AidInputs):
    """What the student tells the persistence aid."""

    custom_code: CustomCode = Field(description="Dónde viven las clases y funciones propias.")
    untrusted_source: StrictBool = Field(description="¿El archivo puede venir de fuera?")
    non_python_runtime: StrictBool = Field(description="¿Se sirve fuera de Python?")
    lifetime_months: int = Field(ge=1, description="Meses que el archivo debe seguir cargando.")


class Thresholds(AidThresholds):
    """From how many months a file counts as long-lived."""

    long_lived_min_months: PositiveInt


def _trust(inputs: Inputs, board: Board) -> None:
    if not inputs.untrusted_source:
        board.add(JOBLIB, WEAK, "El archivo solo lo produces tú: pickle es aceptable y rápido.")
        return
    for pickled in (JOBLIB, CLOUDPICKLE):
        board.add(
            pickled,
            CANNOT,
            "Puede venir de fuera de tu control y pickle ejecuta código al cargar: descartado.",
        )
    board.add(SKOPS, STRONG, "skops solo crea los tipos de tu lista revisada: no ejecuta código.")
    board.add(ONNX, FIT, "Un grafo ONNX no contiene código Python que se ejecute al cargar.")


def _runtime(inputs: Inputs, board: Board) -> None:
    if not inputs.non_python_runtime:
        return
    board.add(ONNX, STRONG + FIT, "Fuera de Python solo onnxruntime puede ejecutar el modelo.")
    for python_only in (JOBLIB, CLOUDPICKLE, SKOPS):
        board.add(python_only, CANNOT, "Solo se carga desde Python.")


def _custom_code(inputs: Inputs, board: Board) -> None:
    if inputs.custom_code == "cuaderno":
        board.add(
            CLOUDPICKLE,
            STRONG,
            "Tus clases viven en __main__: cloudpickle las guarda por valor y el archivo carga en "
            "un proceso nuevo (módulo 06, §8).",
        )
        board.add(JOBLIB, -STRONG, "Guarda __main__.TuClase: fuera de este kernel no carga.")
        board.add(SKOPS, -STRONG, "Referencias a __main__: fuera de este kernel no carga.")
        board.add(
            ONNX, -STRONG, "Cada transformer del cuaderno necesita escribir su convertidor a ONNX."
        )
        board.warn(CLOUDPICKLE, "Es un apaño: mueve tus clases a un paquete (src/, módulo 01).")
        if inputs.untrusted_source or inputs.non_python_runtime:
            for safe in (SKOPS, ONNX):
                board.warn(
                    safe,
                    "Con tus clases en el cuaderno ningún formato seguro o portable carga fuera: "
                    "muévelas antes a un paquete (src/, módulo 01).",
                )
    elif inputs.custom_code == "paquete":
        board.add(JOBLIB, FIT, "Tus clases se importan de tu paquete: basta guardar referencias.")
        board.add(SKOPS, FIT, "Añade los tipos de tu paquete a la lista revisada y carga seguro.")
        board.add(CLOUDPICKLE, -WEAK, "Por valor no aporta nada si tu paquete está instalado.")
        board.add(ONNX, -FIT, "Cada transformer propio necesita su convertidor a ONNX.")
    else:
        board.add(JOBLIB, WEAK, "Solo piezas de scikit-learn: cualquier formato las guarda.")
        board.add(SKOPS, WEAK, "Solo piezas de scikit-learn: skops conoce todos sus tipos.")
        board.add(ONNX, WEAK, "skl2onnx convierte las piezas estándar de scikit-learn.")


def _lifetime(inputs: Inputs, th: Thresholds, board: Board) -> None:
    months = inputs.lifetime_months
    if months < th.long_lived_min_months:
        return
    board.add(
        ONNX,
        FIT,
        f"{months} meses: el opset versionado de ONNX sobrevive a las actualizaciones.",
    )
    board.add(
        CLOUDPICKLE,
        -STRONG,
        f"{months} meses: el código guardado por valor exige la misma versión de Python.",
    )
    board.add(JOBLIB, -WEAK, f"{months} meses: tendrás que reentrenar al subir scikit-learn.")
    board.warn(CLOUDPICKLE, f"{months} meses por valor: fija la versión de Python del servicio.")
    board.add(SKOPS, -WEAK, f"{months} meses: skops también pide una scikit-learn compatible.")


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score joblib, cloudpickle, skops and ONNX for ``inputs`` (see the module docstring)."""
    _trust(inputs, board)
    _runtime(inputs, board)
    _custom_code(inputs, board)
    _lifetime(inputs, thresholds, board)


LOGIC = AidLogic("model_persistence", Inputs, Thresholds, score)
