"""Aid ``fairness_mitigation``: measure only, or mitigate before, during or after training.

Rules (thresholds in ``fairness_mitigation.yaml``; boundaries inclusive as written):

* ``measured_gap <= team_max_gap`` (exactly the limit counts as within) → measure and keep
  measuring; any mitigation costs value for nothing;
* above the limit, measuring alone is not enough; ``measured_gap >= large_gap`` → in-training
  constraints and post-processing close it, pre-processing rarely does; a moderate gap →
  pre-processing first;
* no sensitive attribute at prediction time → post-processing (ThresholdOptimizer) cannot run;
* no retraining → pre-processing and in-training cannot run, post-processing fits;
* explanations required → the randomised ensemble of reductions is hard to explain, per-group
  thresholds are explicit different treatment (a warning), a single model is simplest.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.formatting import fmt_number
from mlops_course.machinery.decision_aids.schema import AidThresholds

MEASURE, PRE, IN, POST = "measure_only", "preprocessing", "in_training", "postprocessing"
STRONG, FIT, WEAK = 3, 2, 1
CANNOT = -4


class Inputs(AidInputs):
    """What the student tells the fairness-mitigation aid."""

    measured_gap: float = Field(ge=0, le=1, description="Brecha medida entre grupos (0 a 1).")
    attribute_at_prediction: StrictBool = Field(
        description="¿Se puede usar el atributo al predecir?"
    )
    can_retrain: StrictBool = Field(description="¿Se puede reentrenar el modelo?")
    explainability_required: StrictBool = Field(description="¿Hay que explicar cada decisión?")


class Thresholds(AidThresholds):
    """The team's limit and the gap from which pre-processing rarely suffices."""

    team_max_gap: float = Field(gt=0, lt=1)
    large_gap: float = Field(gt=0, lt=1)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.team_max_gap >= self.large_gap:
            raise ValueError("team_max_gap debe ser menor que large_gap")
        return self


def _gap(inputs: Inputs, th: Thresholds, board: Board) -> None:
    gap = fmt_number(inputs.measured_gap)
    limit = fmt_number(th.team_max_gap)
    if inputs.measured_gap <= th.team_max_gap:
        board.add(
            MEASURE,
            STRONG + 1,
            f"Una brecha de {gap} está dentro del límite del equipo ({limit}): no mitigues, "
            "sigue midiendo en cada versión.",
        )
        for option in (PRE, IN, POST):
            board.add(option, -WEAK, f"Mitigar una brecha de {gap} cuesta valor sin necesidad.")
        return
    board.add(MEASURE, -STRONG, f"Una brecha de {gap} supera el límite ({limit}): medir no basta.")
    if inputs.measured_gap >= th.large_gap:
        board.add(IN, FIT, f"Una brecha de {gap} la cierra mejor una restricción al entrenar.")
        board.add(POST, FIT, f"Umbrales por grupo cierran una brecha de {gap} sin reentrenar.")
        board.add(PRE, -WEAK, f"Quitar correlaciones rara vez cierra una brecha de {gap}.")
    else:
        board.add(PRE, FIT, f"Una brecha moderada ({gap}) puede cerrarse quitando proxies.")
        board.add(IN, WEAK, f"Una restricción al entrenar también cierra una brecha de {gap}.")
        board.add(POST, WEAK, f"Umbrales por grupo también cierran una brecha de {gap}.")


def _constraints(inputs: Inputs, board: Board) -> None:
    if inputs.attribute_at_prediction:
        board.add(
            POST, WEAK, "El atributo está disponible al predecir: ThresholdOptimizer puede usarlo."
        )
    else:
        board.add(
            POST,
            CANNOT,
            "ThresholdOptimizer necesita el atributo de cada cliente al predecir, y aquí no se "
            "puede usar.",
        )
    if inputs.can_retrain:
        board.add(IN, WEAK, "Se puede reentrenar: la restricción entra en el entrenamiento.")
    else:
        board.add(IN, CANNOT, "Sin reentrenar, no hay restricción que poner al entrenamiento.")
        board.add(PRE, CANNOT, "Sin reentrenar, transformar los datos no cambia el modelo.")
        board.add(
            POST, FIT, "Sobre un modelo que no se puede reentrenar, solo queda post-procesar."
        )
    if inputs.explainability_required:
        board.add(IN, -WEAK, "Un ensamble aleatorizado de modelos es difícil de explicar.")
        board.add(PRE, WEAK, "Un solo modelo, entrenado con datos transformados, se explica mejor.")
        board.warn(
            POST, "Umbrales distintos por grupo son trato distinto explícito: revísalo con legal."
        )


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the four options for ``inputs`` (see the module docstring)."""
    _gap(inputs, thresholds, board)
    _constraints(inputs, board)


LOGIC = AidLogic("fairness_mitigation", Inputs, Thresholds, score)
