"""Aid ``branching``: GitFlow, GitHub Flow or trunk-based development (module 04).

Rules (thresholds in ``branching.yaml``):

* several versions maintained in production → GitFlow (release and hotfix branches);
* release cadence: ``releases_per_month <= scheduled_max_releases_per_month`` (exactly 1/month
  counts as scheduled) → GitFlow; ``>= continuous_min_releases_per_month`` (exactly 20 counts as
  continuous) → trunk-based; in between → GitHub Flow;
* trunk-based needs a mature CI and feature flags; each missing one is a penalty;
* a team of ``large_team_min`` or more with a mature CI → trunk-based scales; a team of at most
  ``small_team_max`` → GitFlow is ceremony.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.schema import AidThresholds

GITFLOW, GITHUB_FLOW, TRUNK = "gitflow", "github_flow", "trunk_based"
STRONG, FIT, WEAK = 3, 2, 1
MULTI_VERSION = 4


class Inputs(AidInputs):
    """What the student tells the branching aid."""

    releases_per_month: int = Field(ge=0, description="Despliegues a producción al mes.")
    team_size: int = Field(ge=1, description="Desarrolladores que integran en el repositorio.")
    multiple_versions: StrictBool = Field(description="¿Mantienen varias versiones en producción?")
    mature_ci: StrictBool = Field(description="¿CI rápida y fiable en cada commit?")
    feature_flags: StrictBool = Field(description="¿Usan feature flags?")


class Thresholds(AidThresholds):
    """Release cadences and team sizes that separate the three strategies."""

    scheduled_max_releases_per_month: PositiveInt
    continuous_min_releases_per_month: PositiveInt
    small_team_max: PositiveInt
    large_team_min: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.scheduled_max_releases_per_month >= self.continuous_min_releases_per_month:
            raise ValueError(
                "scheduled_max_releases_per_month debe ser menor que "
                "continuous_min_releases_per_month"
            )
        if self.small_team_max >= self.large_team_min:
            raise ValueError("small_team_max debe ser menor que large_team_min")
        return self


def _versions(inputs: Inputs, board: Board) -> None:
    if inputs.multiple_versions:
        board.add(
            GITFLOW,
            MULTI_VERSION,
            "Varias versiones en producción: GitFlow mantiene ramas release/hotfix por versión.",
        )
        board.add(GITHUB_FLOW, -STRONG, "GitHub Flow asume una sola versión desplegada (main).")
        board.add(
            TRUNK,
            -WEAK,
            "Trunk-based necesitará ramas de release para parchear versiones antiguas.",
        )


def _cadence(inputs: Inputs, th: Thresholds, board: Board) -> None:
    cadence = inputs.releases_per_month
    if cadence <= th.scheduled_max_releases_per_month:
        board.add(
            GITFLOW,
            FIT,
            f"{cadence} release(s) al mes (≤ {th.scheduled_max_releases_per_month}): releases "
            "planificadas, como en GitFlow.",
        )
    elif cadence >= th.continuous_min_releases_per_month:
        board.add(
            TRUNK,
            FIT,
            f"{cadence} releases al mes (≥ {th.continuous_min_releases_per_month}): entrega "
            "continua desde trunk.",
        )
        board.add(
            GITHUB_FLOW, WEAK, f"{cadence} releases al mes: GitHub Flow también despliega a diario."
        )
        board.add(
            GITFLOW, -FIT, f"{cadence} releases al mes: las ramas de larga vida de GitFlow frenan."
        )
    else:
        board.add(
            GITHUB_FLOW,
            FIT,
            f"{cadence} releases al mes: ramas cortas y PR a main, el terreno de GitHub Flow.",
        )


def _practices(inputs: Inputs, th: Thresholds, board: Board) -> None:
    if inputs.mature_ci and inputs.feature_flags:
        board.add(
            TRUNK, FIT, "CI madura y feature flags: los requisitos de trunk-based están cubiertos."
        )
    if not inputs.mature_ci:
        board.add(
            TRUNK,
            -STRONG,
            "Sin una CI rápida y fiable, integrar en trunk varias veces al día rompe main.",
        )
        board.warn(TRUNK, "Invierte primero en CI (módulo 09) antes de pasar a trunk-based.")
    if not inputs.feature_flags:
        board.add(TRUNK, -WEAK, "Sin feature flags, el trabajo a medias llega a producción.")
    if inputs.team_size >= th.large_team_min and inputs.mature_ci:
        board.add(
            TRUNK,
            WEAK,
            f"{inputs.team_size} desarrolladores (≥ {th.large_team_min}) con CI madura: "
            "trunk-based evita merges gigantes.",
        )
    if inputs.team_size <= th.small_team_max:
        board.add(
            GITFLOW,
            -WEAK,
            f"Con {inputs.team_size} persona(s) (≤ {th.small_team_max}), las ramas "
            "develop/release de GitFlow son ceremonia.",
        )


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the three branching strategies for ``inputs`` (see the module docstring)."""
    _versions(inputs, board)
    _cadence(inputs, thresholds, board)
    _practices(inputs, thresholds, board)


LOGIC = AidLogic("branching", Inputs, Thresholds, score)
