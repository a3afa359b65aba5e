"""Aid ``drift_tests``: which drift test for a feature (PSI, KS, chi², Wasserstein, classifier).

Rules (thresholds in ``drift_tests.yaml``; boundaries inclusive as written):

* data type: ``numerica`` → KS, Wasserstein and PSI (on quantile bins) fit, chi² only after
  binning; ``categorica`` → chi² and PSI (one bin per category) fit, KS and Wasserstein cannot
  answer (no order, no distance); ``multivariante`` (the joint distribution of many features)
  → a domain classifier (train a model to tell reference from production);
* ``sample_size <= small_sample`` → PSI's bins are noise and a classifier has little to learn;
  the tests (KS, chi²) account for the size;
* ``sample_size >= large_sample`` → tests flag tiny, harmless differences (p ≈ 0): a magnitude
  (PSI, Wasserstein) with a threshold is what matters;
* ``n_features >= many_features`` → per-feature tests need a multiple-testing correction (warn),
  and a domain classifier tests them all at once;
* interpretability → PSI (conventional 0.10 / 0.25 thresholds) and Wasserstein (in the
  feature's own units); a classifier's AUC says *that* something moved, not *what*.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.formatting import fmt_number
from mlops_course.machinery.decision_aids.schema import AidThresholds

PSI, KS, CHI2, WASSERSTEIN, CLASSIFIER = "psi", "ks", "chi2", "wasserstein", "domain_classifier"
STRONG, FIT, WEAK = 3, 2, 1
CANNOT_ANSWER = -4
DataType = Literal["numerica", "categorica", "multivariante"]


class Inputs(AidInputs):
    """What the student tells the drift-test aid."""

    data_type: DataType = Field(description="Tipo de dato de lo que se vigila.")
    sample_size: int = Field(ge=1, description="Filas de cada ventana de producción.")
    n_features: int = Field(ge=1, description="Variables que se vigilan a la vez.")
    needs_interpretability: StrictBool = Field(
        description="¿Hay que explicar a negocio qué cambió y cuánto?"
    )


class Thresholds(AidThresholds):
    """Sample sizes and feature counts where the recommendation changes."""

    small_sample: PositiveInt
    large_sample: PositiveInt
    many_features: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.small_sample >= self.large_sample:
            raise ValueError("small_sample debe ser menor que large_sample")
        return self


def _data_type(inputs: Inputs, board: Board) -> None:
    if inputs.data_type == "numerica":
        board.add(KS, STRONG, "Variable numérica: KS compara las dos distribuciones acumuladas.")
        board.add(WASSERSTEIN, FIT, "Variable numérica: Wasserstein mide el desplazamiento.")
        board.add(PSI, FIT, "Variable numérica: PSI sobre los deciles de la referencia.")
        board.add(CHI2, -FIT, "chi² pide categorías: en una numérica, solo después de agrupar.")
        board.add(CLASSIFIER, -WEAK, "Para una sola variable, un clasificador es demasiado.")
    elif inputs.data_type == "categorica":
        board.add(CHI2, STRONG, "Variable categórica: chi² de homogeneidad sobre los conteos.")
        board.add(PSI, FIT, "Variable categórica: PSI con un bin por categoría.")
        board.add(KS, CANNOT_ANSWER, "KS necesita un orden: las categorías no lo tienen.")
        board.add(WASSERSTEIN, CANNOT_ANSWER, "Wasserstein necesita una distancia entre valores.")
        board.add(CLASSIFIER, -WEAK, "Para una sola variable, un clasificador es demasiado.")
    else:
        board.add(
            CLASSIFIER,
            STRONG,
            "Distribución conjunta: un clasificador que distingue referencia de producción ve "
            "cambios en las relaciones entre variables que ningún test por variable ve.",
        )
        board.add(PSI, -WEAK, "PSI mira una variable por vez.")
        board.add(KS, -WEAK, "KS mira una variable por vez.")
        board.add(CHI2, -WEAK, "chi² mira una variable por vez.")
        board.add(WASSERSTEIN, -WEAK, "Wasserstein (1D) mira una variable por vez.")


def _sample_size(inputs: Inputs, th: Thresholds, board: Board) -> None:
    size = fmt_number(inputs.sample_size)
    if inputs.sample_size <= th.small_sample:
        board.add(PSI, -FIT, f"Con {size} filas, los bins de PSI son ruido (PSI > 0,1 sin drift).")
        board.add(KS, WEAK, f"Con {size} filas, el p-valor de KS cuenta el tamaño de la muestra.")
        board.add(CHI2, WEAK, f"Con {size} filas, chi² cuenta el tamaño (cuida conteos < 5).")
        board.add(CLASSIFIER, -FIT, f"Con {size} filas, un clasificador tiene poco que aprender.")
    elif inputs.sample_size >= th.large_sample:
        board.add(PSI, FIT, f"Con {size} filas importa cuánto cambió: PSI es una magnitud.")
        board.add(WASSERSTEIN, FIT, f"Con {size} filas, Wasserstein da la magnitud en unidades.")
        board.add(KS, -FIT, f"Con {size} filas, KS da p ≈ 0 por diferencias sin importancia.")
        board.add(CHI2, -FIT, f"Con {size} filas, chi² da p ≈ 0 por diferencias sin importancia.")
        board.add(CLASSIFIER, WEAK, f"Con {size} filas, un clasificador tiene de dónde aprender.")
        for option in (KS, CHI2):
            board.warn(option, "Con muestras enormes, fija un umbral de magnitud, no solo de p.")


def _features(inputs: Inputs, th: Thresholds, board: Board) -> None:
    if inputs.n_features >= th.many_features:
        count = fmt_number(inputs.n_features)
        board.add(CLASSIFIER, FIT, f"{count} variables: un clasificador las prueba todas juntas.")
        for option in (KS, CHI2):
            board.warn(
                option,
                f"{count} tests por lote: corrige las comparaciones múltiples (Holm), o casi "
                "cada lote sano tendrá una falsa alarma.",
            )


def _interpretability(inputs: Inputs, board: Board) -> None:
    if inputs.needs_interpretability:
        board.add(PSI, WEAK, "PSI tiene umbrales conocidos (0,10 y 0,25) que negocio ya usa.")
        board.add(WASSERSTEIN, WEAK, "Wasserstein se lee en las unidades de la variable.")
        board.add(CLASSIFIER, -FIT, "El AUC de un clasificador dice que algo cambió, no qué.")


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the five drift tests for ``inputs`` (see the module docstring)."""
    _data_type(inputs, board)
    _sample_size(inputs, thresholds, board)
    _features(inputs, thresholds, board)
    _interpretability(inputs, board)


LOGIC = AidLogic("drift_tests", Inputs, Thresholds, score)
