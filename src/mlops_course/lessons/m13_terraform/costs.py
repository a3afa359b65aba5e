"""Monthly cost of one environment from the ``cost_inputs`` output of the infrastructure.

The prices are public on-demand list prices of AWS ``us-east-1`` (USD, without taxes or
discounts), written here as a dated snapshot so the notebook runs offline. They change: check
them in the AWS Pricing Calculator before using the numbers for a decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

PRICES_DATE: Final = "2026-11"
HOURLY_USD: Final[Mapping[str, float]] = MappingProxyType(
    {"t3.small": 0.0208, "t3.medium": 0.0416, "m6i.large": 0.096, "m6i.xlarge": 0.192}
)
S3_GB_MONTH_USD: Final = 0.023
ECR_GB_MONTH_USD: Final = 0.10
NAT_HOURLY_USD: Final = 0.045
HOURS_PER_MONTH: Final = 730


@dataclass(frozen=True)
class MonthlyCost:
    """USD per month of one environment, by component."""

    compute: float
    storage: float
    registry: float
    network: float

    @property
    def total(self) -> float:
        """The sum of the components."""
        return self.compute + self.storage + self.registry + self.network


def monthly_cost(cost_inputs: Mapping[str, Any]) -> MonthlyCost:
    """The reference estimate of one environment (USD per month, rounded to cents).

    compute = replicas × hours_per_month × hourly price of the instance type; storage = GB of
    every bucket × S3 price; registry = registry GB × ECR price; network = NAT gateways × 730 h ×
    NAT hourly price (a NAT gateway bills every hour it exists, used or not).

    Raises:
        KeyError: a field of ``cost_inputs`` is missing, or the instance type has no price.
        ValueError: a quantity is negative.
    """
    instance = str(cost_inputs["instance_type"])
    if instance not in HOURLY_USD:
        raise KeyError(f"No hay precio para el tipo de instancia {instance!r}.")
    quantities = {
        "replicas": float(cost_inputs["replicas"]),
        "hours_per_month": float(cost_inputs["hours_per_month"]),
        "registry_gb": float(cost_inputs["registry_gb"]),
        "nat_gateways": float(cost_inputs["nat_gateways"]),
    }
    storage_gb = {name: float(gb) for name, gb in dict(cost_inputs["storage_gb"]).items()}
    negative = [name for name, value in {**quantities, **storage_gb}.items() if value < 0]
    if negative:
        raise ValueError(f"Cantidades negativas en cost_inputs: {', '.join(negative)}.")
    return MonthlyCost(
        compute=round(
            quantities["replicas"] * quantities["hours_per_month"] * HOURLY_USD[instance], 2
        ),
        storage=round(sum(storage_gb.values()) * S3_GB_MONTH_USD, 2),
        registry=round(quantities["registry_gb"] * ECR_GB_MONTH_USD, 2),
        network=round(quantities["nat_gateways"] * HOURS_PER_MONTH * NAT_HOURLY_USD, 2),
    )
