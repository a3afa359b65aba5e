"""AWS list prices for the cost model, read from ``assets/aws_deploy_prices.yaml`` and validated.

Each price carries its value, unit, region, the pricing page it comes from and the date it is known
to be the list price: a number without a source or a date is refused, in Spanish.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from mlops_course.machinery.roadmap import assets_dir

PRICES_FILE: Final = "aws_deploy_prices.yaml"
REQUIRED: Final = (
    "lambda_requests",
    "lambda_gb_second",
    "apigw_http_requests",
    "fargate_vcpu_hour",
    "fargate_gb_hour",
    "eks_cluster_hour",
    "ec2_m5_large_hour",
)
FIELDS: Final = ("value", "unit", "region", "source", "known_on")


@dataclass(frozen=True)
class Price:
    """A list price: ``value`` USD per ``unit`` in ``region``, from ``source`` on ``known_on``."""

    value: float
    unit: str
    region: str
    source: str
    known_on: dt.date


@dataclass(frozen=True)
class AwsPrices:
    """The prices the cost model needs (USD) and the hours in a billing month."""

    lambda_per_million_requests: float
    lambda_per_gb_second: float
    apigw_per_million_requests: float
    fargate_per_vcpu_hour: float
    fargate_per_gb_hour: float
    eks_per_cluster_hour: float
    node_per_hour: float
    hours_per_month: float
    entries: dict[str, Price]
    left_out: tuple[str, ...]


def _price(name: str, raw: Any, region: str, file: str) -> Price:
    if not isinstance(raw, dict):
        raise ValueError(f"{file}: el precio '{name}' debe ser un mapa con {', '.join(FIELDS)}.")
    for field in FIELDS:
        if field not in raw or raw[field] in (None, ""):
            raise ValueError(f"{file}: al precio '{name}' le falta el campo '{field}'.")
    value = raw["value"]
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"{file}: el precio '{name}' debe ser un número positivo, no {value!r}.")
    if not str(raw["source"]).startswith("https://aws.amazon.com/"):
        raise ValueError(
            f"{file}: la fuente de '{name}' debe ser una página de precios de AWS (https://aws.amazon.com/…)."
        )
    if str(raw["region"]) != region:
        raise ValueError(f"{file}: el precio '{name}' es de {raw['region']}, no de {region}.")
    known = raw["known_on"]
    try:
        known_on = known if isinstance(known, dt.date) else dt.date.fromisoformat(str(known))
    except ValueError as exc:
        raise ValueError(
            f"{file}: la fecha de '{name}' debe ser AAAA-MM-DD, no {known!r}."
        ) from exc
    return Price(float(value), str(raw["unit"]), str(raw["region"]), str(raw["source"]), known_on)


def load_prices(path: Path | None = None) -> AwsPrices:
    """Read and validate the price file (default: ``assets/aws_deploy_prices.yaml``).

    Raises:
        ValueError: in Spanish, a missing price or field, a value that is not a positive number, a
            source that is not an AWS pricing page, another region or a date that is not ISO.
    """
    path = Path(path) if path is not None else assets_dir() / PRICES_FILE
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    region = str(data.get("region", ""))
    hours = data.get("hours_per_month")
    if not isinstance(hours, int | float) or isinstance(hours, bool) or not 0 < hours <= 744:
        raise ValueError(f"{path.name}: hours_per_month debe estar entre 1 y 744, no {hours!r}.")
    raw_prices = data.get("prices") or {}
    missing = [name for name in REQUIRED if name not in raw_prices]
    if missing:
        raise ValueError(f"{path.name}: faltan los precios {', '.join(missing)}.")
    entries = {str(n): _price(str(n), raw, region, path.name) for n, raw in raw_prices.items()}
    value = {name: entry.value for name, entry in entries.items()}
    if not all(math.isfinite(v) for v in value.values()):  # pragma: no cover - yaml gives finite
        raise ValueError(f"{path.name}: hay precios no finitos.")
    return AwsPrices(
        lambda_per_million_requests=value["lambda_requests"],
        lambda_per_gb_second=value["lambda_gb_second"],
        apigw_per_million_requests=value["apigw_http_requests"],
        fargate_per_vcpu_hour=value["fargate_vcpu_hour"],
        fargate_per_gb_hour=value["fargate_gb_hour"],
        eks_per_cluster_hour=value["eks_cluster_hour"],
        node_per_hour=value["ec2_m5_large_hour"],
        hours_per_month=float(hours),
        entries=entries,
        left_out=tuple(str(item) for item in data.get("left_out") or ()),
    )
