"""Aid ``docker_levels``: "Niveles de complejidad Docker" (levels 1 Funcional, 2, 3 Production).

Each seed row is reproduced by some inputs:

* level 1 (``FROM python:3.11``, ~1.2 GB, seguridad básica): environment "aprendizaje", no
  regulated data, an image budget of at least ``level_1_image_mb``.
* level 2 (multi-stage, slim, ~400 MB): environment "staging" and a budget of at least
  ``level_2_image_mb``.
* level 3 (distroless, non-root, CVE scan, ~150 MB, hardened): "produccion", regulated data, or a
  budget below ``level_2_image_mb``.

An image "fits" the budget when its approximate size is ``<=`` the budget (exactly 1 200 MB fits
level 1). A level that does not fit loses :data:`OVER_BUDGET` points.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.formatting import fmt_number
from mlops_course.machinery.decision_aids.schema import AidThresholds

L1, L2, L3 = "level_1", "level_2", "level_3"
ENVIRONMENT_FIT = 3
NOT_IN_PRODUCTION = -3
REGULATED = 4
REGULATED_BASIC = -3
REGULATED_BETTER = -1
OVER_BUDGET = -5
EXPERIENCE = 1
NO_SHELL = -2

Environment = Literal["aprendizaje", "staging", "produccion"]
Experience = Literal["baja", "media", "alta"]


class Inputs(AidInputs):
    """What the student tells the Docker-levels aid."""

    environment: Environment = Field(description="Dónde correrá la imagen.")
    regulated_data: StrictBool = Field(description="¿La imagen toca datos regulados o personales?")
    image_budget_mb: PositiveInt = Field(description="Tamaño máximo aceptable de la imagen, en MB.")
    team_experience: Experience = Field(description="Experiencia del equipo con Docker.")


class Thresholds(AidThresholds):
    """Approximate image size of each level (seed: ~1.2GB, ~400MB, ~150MB)."""

    level_1_image_mb: PositiveInt
    level_2_image_mb: PositiveInt
    level_3_image_mb: PositiveInt

    @model_validator(mode="after")
    def _decreasing(self) -> Self:
        if not self.level_1_image_mb > self.level_2_image_mb > self.level_3_image_mb:
            raise ValueError("los tamaños deben decrecer: level_1 > level_2 > level_3")
        return self


_ENV_LEVEL = {"aprendizaje": L1, "staging": L2, "produccion": L3}
_ENV_TEXT = {
    "aprendizaje": "Para aprender, primero lo funcional (principio 2: complejidad progresiva).",
    "staging": "En staging ya importan el tamaño y el tiempo de despliegue: multi-stage y slim.",
    "produccion": "En producción: distroless, non-root y escaneo de CVE.",
}


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the three Docker levels for ``inputs`` (see the module docstring)."""
    board.add(_ENV_LEVEL[inputs.environment], ENVIRONMENT_FIT, _ENV_TEXT[inputs.environment])
    if inputs.environment == "produccion":
        board.add(
            L1,
            NOT_IN_PRODUCTION,
            "Una imagen de nivel 1 (seguridad básica) no debe llegar a producción.",
        )
    if inputs.regulated_data:
        board.add(
            L3,
            REGULATED,
            "Datos regulados: non-root, imagen mínima y escaneo de CVE son obligatorios.",
        )
        board.add(
            L1,
            REGULATED_BASIC,
            "Datos regulados con seguridad básica: superficie de ataque enorme.",
        )
        board.add(
            L2,
            REGULATED_BETTER,
            "Datos regulados: slim mejora, pero sin escaneo de CVE ni non-root no basta.",
        )
    sizes = {
        L1: thresholds.level_1_image_mb,
        L2: thresholds.level_2_image_mb,
        L3: thresholds.level_3_image_mb,
    }
    budget = fmt_number(inputs.image_budget_mb)
    for level, size in sizes.items():
        if size > inputs.image_budget_mb:
            board.add(
                level,
                OVER_BUDGET,
                f"~{fmt_number(size)} MB no cabe en tu presupuesto de {budget} MB.",
            )
        else:
            board.add(level, 0, f"~{fmt_number(size)} MB cabe en tu presupuesto de {budget} MB.")
    if inputs.team_experience == "baja":
        board.add(
            L1, EXPERIENCE, "Equipo con poca experiencia en Docker: empieza por lo funcional."
        )
        board.add(
            L3,
            NO_SHELL,
            "Distroless no trae shell: depurar es difícil para un equipo con poca experiencia.",
        )
        board.warn(L3, "Aprende antes a depurar sin shell (imágenes :debug, kubectl debug).")
    elif inputs.team_experience == "media":
        board.add(
            L2,
            EXPERIENCE,
            "Equipo con experiencia media: multi-stage y slim son el siguiente paso.",
        )
    else:
        board.add(
            L3, EXPERIENCE, "Equipo con experiencia alta: puede mantener una imagen endurecida."
        )


LOGIC = AidLogic("docker_levels", Inputs, Thresholds, score)
