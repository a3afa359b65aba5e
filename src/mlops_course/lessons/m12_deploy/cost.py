"""Monthly cost (USD) of serving ``monthly_requests`` on Lambda, ECS/Fargate or EKS.

The reference implementations of module 12's Exercise 1. The model, stated:

* **Lambda + API Gateway HTTP API**: every request pays Lambda's request price, the GB-seconds of
  its duration (billed in whole milliseconds, ``memory_mb / 1024`` GB) and the HTTP API request
  price. Linear in the traffic, zero at zero traffic. No free tier (list prices).
* **ECS/Fargate**: ``tasks`` tasks run all month (``hours_per_month`` hours), each paying
  ``vcpu`` vCPU-hours and ``memory_gb`` GB-hours. ``tasks`` is what the traffic needs at the
  MEASURED throughput of one task: ``ceil(peak_rps / task_rps)``, never fewer than ``min_tasks``
  (two, for availability), where ``peak_rps`` is the mean rate times ``peak_factor``.
* **EKS**: the control plane (cluster-hour) plus nodes sized the same way with the node throughput.

The mean rate is ``monthly_requests / (hours_per_month * 3600)``. Load balancers, data transfer
and logs are left out (see ``left_out`` in the price file).
"""

from __future__ import annotations

import math
from typing import Final

from mlops_course.lessons.m12_deploy.prices import AwsPrices

MAX_LAMBDA_MEMORY_MB: Final = 10_240
MIN_LAMBDA_MEMORY_MB: Final = 128


def _number(name: str, value: object, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"{name} debe ser un número, no {value!r}.")
    if value < 0 or (positive and value == 0):
        rule = "mayor que 0" if positive else "mayor o igual que 0"
        raise ValueError(f"{name} debe ser {rule}: recibí {value}.")
    if math.isinf(value):
        raise ValueError(f"{name} debe ser finito: recibí {value}.")
    return float(value)


def mean_rps(monthly_requests: float, prices: AwsPrices) -> float:
    """Mean requests per second of ``monthly_requests`` spread over the billing month."""
    requests = _number("monthly_requests", monthly_requests)
    return requests / (prices.hours_per_month * 3600)


def lambda_monthly_cost(
    monthly_requests: float, duration_ms: float, memory_mb: int, prices: AwsPrices
) -> float:
    """USD per month on Lambda behind an HTTP API (requests + GB-seconds + API Gateway).

    Raises:
        ValueError: in Spanish, negative traffic, a duration that is not positive or a memory
            outside Lambda's 128–10 240 MB.
    """
    requests = _number("monthly_requests", monthly_requests)
    duration = _number("duration_ms", duration_ms, positive=True)
    if isinstance(memory_mb, bool) or not isinstance(memory_mb, int):
        raise ValueError(f"memory_mb debe ser un entero de MB, no {memory_mb!r}.")
    if not MIN_LAMBDA_MEMORY_MB <= memory_mb <= MAX_LAMBDA_MEMORY_MB:
        raise ValueError(
            f"memory_mb debe estar entre {MIN_LAMBDA_MEMORY_MB} y {MAX_LAMBDA_MEMORY_MB} MB "
            f"(los límites de Lambda): recibí {memory_mb}."
        )
    gb_seconds = requests * (math.ceil(duration) / 1000) * (memory_mb / 1024)
    per_request = (prices.lambda_per_million_requests + prices.apigw_per_million_requests) / 1e6
    return requests * per_request + gb_seconds * prices.lambda_per_gb_second


def units_needed(
    monthly_requests: float,
    unit_rps: float,
    prices: AwsPrices,
    *,
    minimum: int = 2,
    peak_factor: float = 1.0,
) -> int:
    """Tasks (or nodes) to serve the peak rate when one serves ``unit_rps``: at least ``minimum``.

    Raises:
        ValueError: in Spanish, a throughput that is not positive, a minimum below 1 or a peak
            factor below 1.
    """
    rps = _number("unit_rps", unit_rps, positive=True)
    factor = _number("peak_factor", peak_factor, positive=True)
    if factor < 1:
        raise ValueError(f"peak_factor debe ser ≥ 1 (el pico no es menor que la media): {factor}.")
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
        raise ValueError(f"minimum debe ser un entero ≥ 1, no {minimum!r}.")
    peak = mean_rps(monthly_requests, prices) * factor
    return max(minimum, math.ceil(peak / rps))


def fargate_monthly_cost(
    monthly_requests: float,
    task_rps: float,
    vcpu: float,
    memory_gb: float,
    prices: AwsPrices,
    *,
    min_tasks: int = 2,
    peak_factor: float = 1.0,
) -> float:
    """USD per month on ECS/Fargate: the tasks the traffic needs, all month, vCPU + GB.

    Raises:
        ValueError: in Spanish, as :func:`units_needed`, or a task size that is not positive.
    """
    cpu = _number("vcpu", vcpu, positive=True)
    memory = _number("memory_gb", memory_gb, positive=True)
    tasks = units_needed(
        monthly_requests, task_rps, prices, minimum=min_tasks, peak_factor=peak_factor
    )
    per_task_hour = cpu * prices.fargate_per_vcpu_hour + memory * prices.fargate_per_gb_hour
    return tasks * per_task_hour * prices.hours_per_month


def eks_monthly_cost(
    monthly_requests: float,
    node_rps: float,
    prices: AwsPrices,
    *,
    min_nodes: int = 2,
    peak_factor: float = 1.0,
) -> float:
    """USD per month on EKS: control plane + the nodes the traffic needs, all month.

    Raises:
        ValueError: in Spanish, as :func:`units_needed`.
    """
    nodes = units_needed(
        monthly_requests, node_rps, prices, minimum=min_nodes, peak_factor=peak_factor
    )
    hourly = prices.eks_per_cluster_hour + nodes * prices.node_per_hour
    return hourly * prices.hours_per_month
