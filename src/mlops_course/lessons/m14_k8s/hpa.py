"""The HorizontalPodAutoscaler's replica calculation, as the Kubernetes docs describe it.

Reference: «Horizontal Pod Autoscaling — Algorithm details» and «Stabilization window»,
https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#algorithm-details

- ``desiredReplicas = ceil(currentReplicas × currentMetricValue / desiredMetricValue)``;
- if the ratio is within the tolerance (0.1 by default: ``|ratio − 1| ≤ 0.1``) nothing changes;
- the result is clamped to ``[minReplicas, maxReplicas]``;
- scale-down stabilisation: the controller keeps the recommendations of the last
  ``stabilizationWindowSeconds`` (300 s by default for scale-down, 0 for scale-up) and uses the
  HIGHEST of them, so a short dip does not remove pods that the next spike needs again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TOLERANCE = 0.1
SCALE_DOWN_WINDOW_SECONDS = 300


def _check(current: int, metric: float, target: float, minimum: int, maximum: int) -> None:
    if current < 1:
        raise ValueError(f"currentReplicas debe ser ≥ 1 (recibí {current})")
    if target <= 0:
        raise ValueError(f"el objetivo de la métrica debe ser positivo (recibí {target})")
    if metric < 0:
        raise ValueError(f"la métrica no puede ser negativa (recibí {metric})")
    if not 1 <= minimum <= maximum:
        raise ValueError(f"se necesita 1 ≤ minReplicas ≤ maxReplicas (recibí {minimum}, {maximum})")


def desired_replicas(
    current: int,
    metric: float,
    target: float,
    minimum: int = 1,
    maximum: int = 10,
    tolerance: float = TOLERANCE,
) -> int:
    """One recommendation: the documented formula, the tolerance, then min/max."""
    _check(current, metric, target, minimum, maximum)
    ratio = metric / target
    wanted = current if abs(ratio - 1.0) <= tolerance else math.ceil(current * ratio)
    return max(minimum, min(maximum, wanted))


@dataclass(frozen=True)
class Sample:
    """The average metric observed at ``second`` (e.g. CPU utilisation in percent)."""

    second: int
    metric: float


def simulate(
    samples: Sequence[Sample],
    start: int,
    target: float,
    minimum: int = 1,
    maximum: int = 10,
    window: int = SCALE_DOWN_WINDOW_SECONDS,
    tolerance: float = TOLERANCE,
) -> list[int]:
    """The replicas after each sample, with scale-down stabilisation over ``window`` seconds.

    Scale-up is immediate (window 0, the default); a scale-down applies the highest recommendation
    seen in the last ``window`` seconds, never more than the current replicas.
    """
    seconds = [sample.second for sample in samples]
    if seconds != sorted(seconds):
        raise ValueError("las muestras deben venir ordenadas por tiempo")
    current = start
    history: list[tuple[int, int]] = []
    result: list[int] = []
    for sample in samples:
        recommendation = desired_replicas(
            current, sample.metric, target, minimum, maximum, tolerance
        )
        # the current recommendation always counts; older ones only inside the window
        recent = [r for second, r in history if second > sample.second - window]
        history.append((sample.second, recommendation))
        stabilised = max([recommendation, *recent])
        current = recommendation if recommendation >= current else min(current, stabilised)
        result.append(current)
    return result
