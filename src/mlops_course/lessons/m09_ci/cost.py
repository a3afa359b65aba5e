"""CI minutes as GitHub bills them, with its published per-minute prices (a data file).

GitHub rounds each JOB's minutes up to the next whole minute (its billing reference page); the
prices live in ``assets/ci_runner_prices.yaml``, with the page and the date they were read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mlops_course.machinery.roadmap import assets_dir

PRICES_FILE = "ci_runner_prices.yaml"


@dataclass(frozen=True)
class RunnerPrices:
    """Per-minute prices (USD) by runner label, and where and when they were read."""

    usd_per_minute: dict[str, float]
    source: str
    read_on: str
    free_minutes: dict[str, int]


def load_prices(path: Path | None = None) -> RunnerPrices:
    """Read and validate the price file (default: ``assets/ci_runner_prices.yaml``).

    Raises:
        ValueError: in Spanish, a missing field or a price that is not a positive number.
    """
    path = Path(path) if path is not None else assets_dir() / PRICES_FILE
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for field in ("source", "read_on", "usd_per_minute", "free_minutes_per_month"):
        if field not in data:
            raise ValueError(f"{path.name}: falta el campo '{field}'.")
    prices: dict[str, float] = {}
    for label, price in data["usd_per_minute"].items():
        if isinstance(price, bool) or not isinstance(price, int | float) or price <= 0:
            raise ValueError(f"{path.name}: el precio de {label} debe ser un número positivo.")
        prices[str(label)] = float(price)
    free = {str(plan): int(minutes) for plan, minutes in data["free_minutes_per_month"].items()}
    return RunnerPrices(prices, str(data["source"]), str(data["read_on"]), free)


def billed_minutes(job_seconds: float) -> int:
    """Minutes GitHub bills for one job that ran ``job_seconds`` (rounded up, at least 1).

    Raises:
        ValueError: negative or non-numeric seconds.
    """
    if isinstance(job_seconds, bool) or not isinstance(job_seconds, int | float):
        raise ValueError(f"job_seconds debe ser un número, no {job_seconds!r}.")
    if job_seconds < 0 or math.isnan(job_seconds):
        raise ValueError(f"job_seconds no puede ser negativo: {job_seconds}.")
    return max(1, math.ceil(job_seconds / 60))


def monthly_cost(
    step_seconds: Mapping[str, float],
    jobs_per_run: Mapping[str, int],
    usd_per_minute: Mapping[str, float],
    runs_per_month: int,
    cancelled_share: float = 0.0,
) -> float:
    """USD per month of a workflow whose every job runs the steps ``step_seconds`` (the course's
    reference of module 09's Exercise 4): each job billed in whole minutes, on its runner's price,
    for the runs that are not cancelled by a newer push.

    Raises:
        ValueError: in Spanish, a runner without price, negative times or runs, or a cancelled
            share outside [0, 1).
    """
    if any(seconds < 0 for seconds in step_seconds.values()):
        raise ValueError("Los segundos de cada paso no pueden ser negativos.")
    if runs_per_month < 0:
        raise ValueError("runs_per_month no puede ser negativo.")
    if not 0 <= cancelled_share < 1:
        raise ValueError("cancelled_share debe estar en [0, 1).")
    unknown = sorted(set(jobs_per_run) - set(usd_per_minute))
    if unknown:
        raise ValueError(f"No hay precio para el runner {', '.join(unknown)}.")
    minutes = billed_minutes(sum(step_seconds.values()))
    per_run = sum(jobs * minutes * usd_per_minute[label] for label, jobs in jobs_per_run.items())
    return per_run * runs_per_month * (1 - cancelled_share)
