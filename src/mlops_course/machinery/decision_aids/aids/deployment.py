"""Aid ``deployment``: "Matriz de decisión: ¿dónde desplegar?" (AWS Lambda / ECS-Fargate / K8s).

Seed columns and how the thresholds of ``deployment.yaml`` reproduce them:

* traffic bands: ``monthly_requests < lambda_max_monthly_requests`` (1M) → Lambda;
  ``1M <= monthly_requests <= 100M`` → ECS/Fargate; ``> kubernetes_min_monthly_requests``
  (100M) → Kubernetes. **Exactly 1M and exactly 100M are ECS/Fargate** (the seed writes
  "< 1M" for Lambda, "1M-100M" for ECS and "> 100M" for Kubernetes).
* "o picos": traffic peaks favour Kubernetes (autoscaling of pods and nodes).
* ECS/Fargate is the middle ground ("Medio" cost everywhere): only Lambda and Kubernetes lose a
  point outside their traffic band.
* latency: a required p99 below the cold start cannot be promised with Lambda; ECS and
  Kubernetes are "consistente". The cold start is the student's MEASURED one
  (``measured_cold_start_ms``, module 12); its default, ``cold_start_max_ms`` (3 s), is the seed's
  worst case, so without a measurement the rule is the seed's. A p99 equal to it tolerates it.
* measured cost: ``cheapest_by_cost_model`` is the option the student's cost model (module 12,
  Exercise 1, list prices at the student's traffic and measured throughput) finds cheapest; it
  earns ``MEASURED_COST`` points on top of the seed's cost cells. ``sin_medir`` adds nothing.
* cost at low/high traffic: the traffic band decides which cost cell applies.
* team: 1 person → Lambda; ``ecs_min_team`` (2) or more → ECS/Fargate is operable;
  ``kubernetes_min_team`` (5) or more → Kubernetes is operable; fewer is a strong penalty.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.formatting import fmt_number
from mlops_course.machinery.decision_aids.schema import AidThresholds

LAMBDA, ECS, K8S = "lambda", "ecs_fargate", "kubernetes"
BAND = 3
COST = 1
LAMBDA_HIGH_TRAFFIC_COST = -3
PEAKS = 4
OUT_OF_BAND = -1
COLD_START_PENALTY = -6
CONSISTENT_LATENCY = 1
TEAM_FIT = 1
ECS_SHORT_TEAM = -1
K8S_SHORT_TEAM = -6
MEASURED_COST = 2

Cheapest = Literal["sin_medir", "lambda", "ecs_fargate", "kubernetes"]


class Inputs(AidInputs):
    """What the student tells the deployment aid."""

    monthly_requests: int = Field(ge=0, description="Peticiones de inferencia al mes.")
    has_traffic_peaks: StrictBool = Field(description="¿Hay picos de tráfico fuertes?")
    p99_latency_ms: PositiveInt = Field(description="Latencia p99 exigida, en ms.")
    ops_team_size: int = Field(ge=1, description="Personas que operan la plataforma.")
    measured_cold_start_ms: PositiveInt = Field(
        default=3000, description="Cold start medido (ms): proceso nuevo + import + modelo."
    )
    cheapest_by_cost_model: Cheapest = Field(
        default="sin_medir", description="La opción más barata según tu modelo de costos."
    )


class Thresholds(AidThresholds):
    """Traffic bands, cold-start range and team sizes of the seed's matrix."""

    lambda_max_monthly_requests: PositiveInt
    kubernetes_min_monthly_requests: PositiveInt
    cold_start_min_ms: PositiveInt
    cold_start_max_ms: PositiveInt
    ecs_min_team: PositiveInt
    kubernetes_min_team: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.lambda_max_monthly_requests >= self.kubernetes_min_monthly_requests:
            raise ValueError(
                "lambda_max_monthly_requests debe ser menor que kubernetes_min_monthly_requests"
            )
        if self.cold_start_min_ms >= self.cold_start_max_ms:
            raise ValueError("cold_start_min_ms debe ser menor que cold_start_max_ms")
        if self.ecs_min_team >= self.kubernetes_min_team:
            raise ValueError("ecs_min_team debe ser menor que kubernetes_min_team")
        return self


def _traffic(inputs: Inputs, th: Thresholds, board: Board) -> None:
    traffic = fmt_number(inputs.monthly_requests)
    low = fmt_number(th.lambda_max_monthly_requests)
    high = fmt_number(th.kubernetes_min_monthly_requests)
    if inputs.monthly_requests < th.lambda_max_monthly_requests:
        band = LAMBDA
        board.add(LAMBDA, BAND, f"{traffic} req/mes está por debajo de {low}: la franja de Lambda.")
        board.add(
            LAMBDA, COST, "A bajo tráfico Lambda es barato: pagas por invocación y escala a 0."
        )
        board.add(
            K8S,
            -COST,
            "A bajo tráfico Kubernetes es caro: el clúster cuesta aunque no haya peticiones.",
        )
    elif inputs.monthly_requests <= th.kubernetes_min_monthly_requests:
        band = ECS
        board.add(
            ECS,
            BAND,
            f"{traffic} req/mes está entre {low} y {high} (incluidos): la franja de ECS/Fargate.",
        )
    else:
        band = K8S
        board.add(K8S, BAND, f"{traffic} req/mes supera {high}: la franja de Kubernetes.")
        board.add(K8S, COST, "A alto tráfico Kubernetes sale barato: los nodos se amortizan.")
        board.add(
            LAMBDA,
            LAMBDA_HIGH_TRAFFIC_COST,
            f"A {traffic} req/mes Lambda es caro: se paga cada invocación.",
        )
    for option, name in ((LAMBDA, "Lambda"), (K8S, "Kubernetes")):
        if option != band:
            board.add(
                option,
                OUT_OF_BAND,
                f"{traffic} req/mes queda fuera de la franja de {name} "
                f"(seed: «{board.cell(option, 'traffic')}»).",
            )
    if inputs.monthly_requests in (
        th.lambda_max_monthly_requests,
        th.kubernetes_min_monthly_requests,
    ):
        board.note(f"Límite: {traffic} req/mes exactos cuentan como ECS/Fargate.")
    if inputs.has_traffic_peaks:
        board.add(K8S, PEAKS, "Hay picos de tráfico: el autoescalado de pods y nodos los absorbe.")


def _latency(inputs: Inputs, th: Thresholds, board: Board) -> None:
    p99 = fmt_number(inputs.p99_latency_ms)
    seed = f"{fmt_number(th.cold_start_min_ms)} ms–{fmt_number(th.cold_start_max_ms)} ms"
    measured = fmt_number(inputs.measured_cold_start_ms)
    cold = f"{measured} ms (el seed: {seed})"
    if inputs.p99_latency_ms < inputs.measured_cold_start_ms:
        board.add(
            LAMBDA,
            COLD_START_PENALTY,
            f"Exiges p99 ≤ {p99} ms y los cold starts de Lambda tardan {cold}: no lo puedes "
            "garantizar sin provisioned concurrency (costo extra).",
        )
        for option in (ECS, K8S):
            board.add(option, CONSISTENT_LATENCY, f"Latencia consistente para un p99 de {p99} ms.")
    else:
        board.add(LAMBDA, 0, f"Un p99 de {p99} ms tolera el cold start de Lambda: {cold}.")
    if inputs.measured_cold_start_ms > th.cold_start_max_ms:
        board.warn(
            LAMBDA,
            f"Tu cold start medido ({measured} ms) supera el peor caso del seed ({seed}): "
            "revisa qué importas y cargas al arrancar.",
        )


def _measured_cost(inputs: Inputs, board: Board) -> None:
    cheapest = inputs.cheapest_by_cost_model
    if cheapest != "sin_medir":
        traffic = fmt_number(inputs.monthly_requests)
        board.add(
            cheapest,
            MEASURED_COST,
            f"Tu modelo de costos (precios de lista y tu throughput medido) la da como la más "
            f"barata a {traffic} req/mes.",
        )


def _team(inputs: Inputs, th: Thresholds, board: Board) -> None:
    team = inputs.ops_team_size
    people = f"{team} persona" + ("" if team == 1 else "s")
    if team < th.ecs_min_team:
        board.add(
            LAMBDA, TEAM_FIT, f"Con {people} en operaciones, la complejidad baja de Lambda encaja."
        )
        board.add(
            ECS,
            ECS_SHORT_TEAM,
            f"ECS/Fargate pide {th.ecs_min_team}–{th.kubernetes_min_team - 1} personas y tienes "
            f"{team}.",
        )
        board.warn(ECS, f"Con {people} nadie cubre guardias ni vacaciones de la plataforma ECS.")
    elif team < th.kubernetes_min_team:
        board.add(
            ECS,
            TEAM_FIT,
            f"Con {people} en operaciones puedes llevar ECS/Fargate (complejidad media).",
        )
    else:
        board.add(
            K8S,
            TEAM_FIT,
            f"Con {people} puedes operar Kubernetes ({th.kubernetes_min_team}+ personas).",
        )
    if team < th.kubernetes_min_team:
        board.add(
            K8S,
            K8S_SHORT_TEAM,
            f"Kubernetes necesita {th.kubernetes_min_team}+ personas de operaciones y tienes "
            f"{team}.",
        )
        board.warn(
            K8S, f"Un clúster Kubernetes con {people} es un riesgo operativo (complejidad alta)."
        )


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score Lambda, ECS/Fargate and Kubernetes for ``inputs`` (see the module docstring)."""
    _traffic(inputs, thresholds, board)
    _latency(inputs, thresholds, board)
    _team(inputs, thresholds, board)
    _measured_cost(inputs, board)


LOGIC = AidLogic("deployment", Inputs, Thresholds, score)
