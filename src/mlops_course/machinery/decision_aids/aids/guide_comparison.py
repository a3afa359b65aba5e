"""Aid ``guide_comparison``: "Guías tradicionales vs esta guía" (module 00).

The student ticks what they need; each need is one row of the seed's table, and the approach
that covers it gains points (the reason quotes both cells of that row). Wanting only a quick
example favours a traditional guide. The seed's duration (``guide_min_weeks``–``guide_max_weeks``
weeks) is compared with the weeks available (``weeks_available < guide_min_weeks`` is too short;
exactly 16 weeks is enough).
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.schema import AidThresholds

TRADITIONAL, THIS_GUIDE = "traditional", "this_guide"
COVERS = 2
QUICK_START = 3
TOO_LONG = -1
NOT_ENOUGH_WEEKS = -3
ENOUGH_WEEKS = 1

NEED_ROWS: dict[str, str] = {
    "need_tool_choice": "data_versioning",
    "need_production_code": "code_quality",
    "need_secure_deploy": "deployment",
    "need_diagrams": "diagrams",
    "need_decisions": "decisions",
}
"""Each need (an input) and the row of the seed's table (a criterion) that answers it."""


class Inputs(AidInputs):
    """What the student needs from an MLOps guide."""

    need_tool_choice: StrictBool = Field(
        description="Elegir con criterio DVC, Git LFS o Delta Lake."
    )
    need_production_code: StrictBool = Field(
        description="Código tipado, testeado, production-ready."
    )
    need_secure_deploy: StrictBool = Field(description="Despliegue con secrets, escalado y FinOps.")
    need_diagrams: StrictBool = Field(description="Diagramas Mermaid y metáforas.")
    need_decisions: StrictBool = Field(description="Trade-offs y ADRs en cada decisión.")
    need_quick_start: StrictBool = Field(description="Solo un ejemplo rápido que funcione hoy.")
    weeks_available: int = Field(ge=1, description="Semanas disponibles para formarse.")


class Thresholds(AidThresholds):
    """The seed's duration of the guide: 16-20 weeks."""

    guide_min_weeks: PositiveInt
    guide_max_weeks: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.guide_min_weeks > self.guide_max_weeks:
            raise ValueError("guide_min_weeks no puede ser mayor que guide_max_weeks")
        return self


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score both approaches, quoting the seed's cells of each row the student needs."""
    for need, row in NEED_ROWS.items():
        if getattr(inputs, need):
            board.add(THIS_GUIDE, COVERS, f"Cubre lo que pides: «{board.cell(THIS_GUIDE, row)}».")
            board.add(TRADITIONAL, 0, f"No lo cubre: se queda en «{board.cell(TRADITIONAL, row)}».")
    weeks = inputs.weeks_available
    span = f"{thresholds.guide_min_weeks}-{thresholds.guide_max_weeks} semanas"
    if inputs.need_quick_start:
        board.add(
            TRADITIONAL,
            QUICK_START,
            "Para un ejemplo rápido, unas instrucciones lineales te dan un resultado hoy.",
        )
        board.add(THIS_GUIDE, TOO_LONG, f"Esta guía es un programa de {span}, no un atajo.")
    if weeks < thresholds.guide_min_weeks:
        board.add(
            THIS_GUIDE, NOT_ENOUGH_WEEKS, f"Con {weeks} semanas no completas el programa ({span})."
        )
        board.warn(
            THIS_GUIDE,
            "Con poco tiempo, sigue solo la fase que necesites (cada fase tiene su entregable).",
        )
    else:
        board.add(THIS_GUIDE, ENOUGH_WEEKS, f"Tus {weeks} semanas cubren el programa ({span}).")


LOGIC = AidLogic("guide_comparison", Inputs, Thresholds, score)
