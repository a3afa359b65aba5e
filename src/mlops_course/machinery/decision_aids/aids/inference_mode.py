"""Aid ``inference_mode``: batch, online (request/response) or streaming inference.

Rules (thresholds in ``inference_mode.yaml``; boundaries inclusive as written):

* latency budget ``<= online_max_latency_s`` (exactly 1 s counts) → an answer per request:
  online; batch cannot answer;
* latency budget ``>= batch_min_latency_s`` (exactly 1 h counts) → predictions can be
  precomputed: batch;
* in between → online, then streaming (micro-batches);
* features fresher than ``streaming_max_freshness_s`` (``<=``, exactly 60 s counts) → streaming;
* ``predictions_per_day >= high_volume_per_day`` with a batch-compatible latency → batch
  throughput; online must scale the API;
* cost sensitivity → batch (off-peak compute); streaming keeps a cluster always on.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, PositiveFloat, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.formatting import fmt_number
from mlops_course.machinery.decision_aids.schema import AidThresholds

BATCH, ONLINE, STREAMING = "batch", "online", "streaming"
STRONG, FIT, WEAK = 3, 2, 1
CANNOT_ANSWER = -4
FRESH_FEATURES = 4


class Inputs(AidInputs):
    """What the student tells the inference-mode aid."""

    latency_budget_s: float = Field(gt=0, description="Tiempo máximo hasta tener la predicción, s.")
    feature_freshness_s: float = Field(gt=0, description="Antigüedad máxima de las features, s.")
    predictions_per_day: int = Field(ge=0, description="Predicciones al día.")
    cost_sensitive: StrictBool = Field(description="¿El costo manda sobre todo lo demás?")


class Thresholds(AidThresholds):
    """Latency, freshness and volume limits between the three modes."""

    online_max_latency_s: PositiveFloat
    batch_min_latency_s: PositiveFloat
    streaming_max_freshness_s: PositiveFloat
    high_volume_per_day: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.online_max_latency_s >= self.batch_min_latency_s:
            raise ValueError("online_max_latency_s debe ser menor que batch_min_latency_s")
        return self


def _duration(seconds: float) -> str:
    for size, unit in ((86_400, "día(s)"), (3_600, "h"), (60, "min"), (1, "s")):
        if seconds >= size:
            return f"{fmt_number(round(seconds / size, 2))} {unit}"
    return f"{fmt_number(round(seconds * 1000, 1))} ms"


def _latency(inputs: Inputs, th: Thresholds, board: Board) -> None:
    budget = _duration(inputs.latency_budget_s)
    if inputs.latency_budget_s <= th.online_max_latency_s:
        board.add(
            ONLINE,
            STRONG,
            f"Necesitas la predicción en {budget} (≤ {_duration(th.online_max_latency_s)}): una "
            "API que responde a cada petición.",
        )
        board.add(STREAMING, WEAK, f"Un consumidor de eventos también responde en {budget}.")
        board.add(BATCH, CANNOT_ANSWER, f"Un proceso por lotes no puede responder en {budget}.")
    elif inputs.latency_budget_s >= th.batch_min_latency_s:
        board.add(
            BATCH,
            STRONG,
            f"Puedes esperar {budget} (≥ {_duration(th.batch_min_latency_s)}): precalcula las "
            "predicciones por lotes.",
        )
    else:
        board.add(ONLINE, FIT, f"Un plazo de {budget} lo cumple una API sin apuros.")
        board.add(STREAMING, WEAK, f"Un plazo de {budget} encaja con micro-lotes de eventos.")
        board.add(
            BATCH,
            -FIT,
            f"Un plazo de {budget} es demasiado corto para un proceso por lotes programado.",
        )


def _freshness(inputs: Inputs, th: Thresholds, board: Board) -> None:
    freshness = _duration(inputs.feature_freshness_s)
    if inputs.feature_freshness_s <= th.streaming_max_freshness_s:
        board.add(
            STREAMING,
            FRESH_FEATURES,
            f"Features con {freshness} de antigüedad como máximo: hay que calcularlas sobre el "
            "flujo de eventos.",
        )
        board.add(
            ONLINE, WEAK, f"Una API puede leer features de {freshness} de un feature store online."
        )
        board.add(BATCH, -STRONG, f"Un lote no mantiene features de {freshness}.")
    else:
        board.add(
            BATCH,
            WEAK,
            f"Features de hasta {freshness} de antigüedad: sirven las de un proceso por lotes.",
        )


def _economy(inputs: Inputs, th: Thresholds, board: Board) -> None:
    if inputs.predictions_per_day >= th.high_volume_per_day:
        volume = fmt_number(inputs.predictions_per_day)
        if inputs.latency_budget_s >= th.batch_min_latency_s:
            board.add(
                BATCH,
                WEAK,
                f"{volume} predicciones al día: los lotes dan el mayor throughput por euro.",
            )
        board.add(
            ONLINE, -WEAK, f"Servir {volume} predicciones al día online exige escalar la API."
        )
        board.warn(ONLINE, "Con este volumen, prueba la carga (p. ej. con locust) antes de elegir.")
    if inputs.cost_sensitive:
        board.add(
            BATCH, FIT, "El costo manda: lotes en horas valle o instancias spot son lo más barato."
        )
        board.add(
            STREAMING,
            -FIT,
            "El costo manda: un clúster de streaming (Kafka, Flink) está siempre encendido.",
        )


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score batch, online and streaming inference for ``inputs`` (see the module docstring)."""
    _latency(inputs, thresholds, board)
    _freshness(inputs, thresholds, board)
    _economy(inputs, thresholds, board)


LOGIC = AidLogic("inference_mode", Inputs, Thresholds, score)
