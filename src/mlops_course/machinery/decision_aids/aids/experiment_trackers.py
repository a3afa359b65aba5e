"""Aid ``experiment_trackers``: MLflow, Weights & Biases or Neptune (module 07).

Qualitative rules only: no prices are encoded (vendors change them); statements about plans cite
"según su web, consultado 2025". Thresholds in ``experiment_trackers.yaml``:

* self-hosted / offline required → MLflow (open source, runs with a local SQLite backend);
* no budget → MLflow; an enterprise contract → the SaaS products gain (support, hosting);
* a model registry → MLflow (built in), W&B (Registry); Neptune focuses on tracking;
* advanced collaboration with ``team_size >= collaboration_team_min`` → W&B, then Neptune;
* very large training runs → Neptune (built for thousands of runs and metrics).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt, StrictBool

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.schema import AidThresholds

MLFLOW, WANDB, NEPTUNE = "mlflow", "wandb", "neptune"
STRONG, FIT, WEAK = 3, 2, 1
SELF_HOSTED = 4

Budget = Literal["ninguno", "moderado", "empresa"]


class Inputs(AidInputs):
    """What the student tells the experiment-tracker aid."""

    self_hosted_required: StrictBool = Field(description="¿Debe funcionar autoalojado o sin red?")
    budget: Budget = Field(description="Presupuesto para la herramienta.")
    team_size: int = Field(ge=1, description="Personas que consultan los experimentos.")
    needs_model_registry: StrictBool = Field(description="¿Hace falta un registro de modelos?")
    advanced_collaboration: StrictBool = Field(description="¿Dashboards e informes compartidos?")
    large_scale_training: StrictBool = Field(description="¿Miles de runs o métricas por run?")


class Thresholds(AidThresholds):
    """Team size from which a hosted collaborative UI pays off."""

    collaboration_team_min: PositiveInt


def _hosting(inputs: Inputs, board: Board) -> None:
    if inputs.self_hosted_required:
        board.add(
            MLFLOW,
            SELF_HOSTED,
            "MLflow es open source (Apache-2.0) y funciona sin red con SQLite, como en este curso.",
        )
        board.add(
            WANDB,
            -FIT,
            "W&B autoalojado (Self-Managed) pide Kubernetes, MySQL, almacenamiento S3 y Redis, "
            "con licencia (según su web, consultado 2025).",
        )
        board.add(
            NEPTUNE,
            -FIT,
            "El despliegue autoalojado de Neptune es una oferta empresarial (según su web, "
            "consultado 2025).",
        )
    if inputs.budget == "ninguno":
        board.add(
            MLFLOW, FIT, "Sin presupuesto: MLflow es gratuito; solo pagas la infraestructura."
        )
        for tool, name in ((WANDB, "W&B"), (NEPTUNE, "Neptune")):
            board.add(
                tool,
                -WEAK,
                f"Sin presupuesto: el plan gratuito de {name} tiene límites (según su web, "
                "consultado 2025).",
            )
    elif inputs.budget == "empresa":
        for tool, name in ((WANDB, "W&B"), (NEPTUNE, "Neptune")):
            board.add(
                tool, WEAK, f"Con contrato de empresa, {name} aloja y mantiene el servicio por ti."
            )
        board.add(
            MLFLOW,
            0,
            "Con presupuesto también hay MLflow gestionado (p. ej. en Databricks o SageMaker).",
        )


def _features(inputs: Inputs, th: Thresholds, board: Board) -> None:
    if inputs.needs_model_registry:
        board.add(
            MLFLOW, FIT, "Model Registry integrado (versiones y alias), el que usa el módulo 07."
        )
        board.add(WANDB, WEAK, "W&B Registry versiona modelos y artefactos.")
        board.add(
            NEPTUNE,
            -WEAK,
            "Neptune se centra en el seguimiento de experimentos, no en el registro de modelos "
            "(según su web, consultado 2025).",
        )
    if inputs.advanced_collaboration:
        if inputs.team_size >= th.collaboration_team_min:
            board.add(
                WANDB,
                STRONG,
                f"{inputs.team_size} personas (≥ {th.collaboration_team_min}) colaborando: "
                "informes y dashboards compartidos de W&B.",
            )
            board.add(
                NEPTUNE,
                FIT,
                f"{inputs.team_size} personas colaborando: la UI de Neptune compara muchos runs.",
            )
            board.add(
                MLFLOW,
                -WEAK,
                "La UI de MLflow es más básica para colaborar (sin informes compartidos).",
            )
        else:
            board.add(
                WANDB, WEAK, "Informes compartidos de W&B, útiles aunque el equipo sea pequeño."
            )
            board.add(NEPTUNE, WEAK, "La UI de Neptune facilita comparar runs.")
    if inputs.large_scale_training:
        board.add(
            NEPTUNE,
            STRONG,
            "Neptune está pensado para seguir entrenamientos a gran escala (según su web, "
            "consultado 2025).",
        )
        board.add(WANDB, WEAK, "W&B también soporta proyectos con muchos runs.")
        board.add(
            MLFLOW,
            -WEAK,
            "Con miles de runs, la UI y el backend de MLflow exigen ajuste (base de datos, "
            "almacenamiento).",
        )


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the three experiment trackers for ``inputs`` (see the module docstring)."""
    _hosting(inputs, board)
    _features(inputs, thresholds, board)


LOGIC = AidLogic("experiment_trackers", Inputs, Thresholds, score)
