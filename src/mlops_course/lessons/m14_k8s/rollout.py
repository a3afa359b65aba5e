"""Rolling update arithmetic of a Deployment (maxSurge / maxUnavailable).

Reference: «Deployments — Rolling Update Deployment», https://kubernetes.io/docs/concepts/
workloads/controllers/deployment/#max-unavailable — a percentage of the desired replicas is
rounded UP for maxSurge and DOWN for maxUnavailable; both cannot be 0 (the API rejects it). During
the rollout at least ``replicas − maxUnavailable`` pods are available and at most
``replicas + maxSurge`` pods exist.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_PERCENT = re.compile(r"^([0-9]+)%$")


def resolve(value: int | str, replicas: int, *, round_up: bool) -> int:
    """An absolute number or a percentage of ``replicas`` (rounded up or down)."""
    if replicas < 0:
        raise ValueError("las réplicas no pueden ser negativas")
    if isinstance(value, bool):
        raise ValueError(f"valor no válido: {value!r} (use un entero o un porcentaje como '25%')")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"maxSurge/maxUnavailable no pueden ser negativos (recibí {value})")
        return value
    match = _PERCENT.match(str(value).strip())
    if match is None:
        raise ValueError(f"valor no válido: {value!r} (use un entero o un porcentaje como '25%')")
    exact = int(match.group(1)) * replicas / 100
    return math.ceil(exact) if round_up else math.floor(exact)


@dataclass(frozen=True)
class RolloutBounds:
    surge: int
    unavailable: int
    min_available: int
    max_pods: int


def rollout_bounds(
    replicas: int, max_surge: int | str, max_unavailable: int | str
) -> RolloutBounds:
    """The pods that stay available and the extra pods created while a rollout runs."""
    surge = resolve(max_surge, replicas, round_up=True)
    unavailable = resolve(max_unavailable, replicas, round_up=False)
    if surge == 0 and unavailable == 0:
        raise ValueError(
            "maxSurge y maxUnavailable no pueden ser 0 a la vez: el rollout no podría avanzar"
        )
    unavailable = min(unavailable, replicas)
    return RolloutBounds(surge, unavailable, replicas - unavailable, replicas + surge)


def meets_availability(
    replicas: int, max_surge: int | str, max_unavailable: int | str, minimum_available: int
) -> bool:
    """Whether the rollout never drops below ``minimum_available`` available pods."""
    return rollout_bounds(replicas, max_surge, max_unavailable).min_available >= minimum_available
