"""Los modelos de petición y respuesta, construidos desde el contrato de datos del proyecto.

Los límites de cada campo (rangos, regiones) se leen de ``churn_project.contract``: si el
contrato cambia, la API cambia con él, y el esquema OpenAPI (``/openapi.json``) lo publica.
Un campo de más es un error (``extra="forbid"``): una errata en un nombre no pasa en silencio.
Y sin conversiones que el esquema no admite: ``"1500"`` (texto) para un número o ``0`` por
``false`` se rechazan; ``42.0`` para un entero se acepta, como en JSON Schema (lo encontró
schemathesis, ADR-11-02).
"""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, field_validator

from churn_project.contract import CATEGORIES, RANGES


def _not_text(value: object) -> object:
    """Un número llega como número: ni texto (``"1500"``) ni ``true``/``false``."""
    if isinstance(value, (str, bool)):
        raise ValueError("debe ser un número, no texto ni true/false")
    return value


NUMBER: Final = BeforeValidator(_not_text)


def _bounded(column: str, description: str) -> object:
    low, high = RANGES[column]
    return Field(ge=low, le=high, description=f"{description} (contrato: {low}–{high})")


class Customer(BaseModel):
    """Un cliente a puntuar: las columnas que lee el modelo, con los rangos del contrato."""

    model_config = ConfigDict(extra="forbid")

    customer_id: Annotated[str | None, Field(max_length=64)] = None
    age: Annotated[int, _bounded("age", "Edad en años"), NUMBER]
    tenure_months: Annotated[int, _bounded("tenure_months", "Meses como cliente"), NUMBER]
    balance_eur: Annotated[float, _bounded("balance_eur", "Saldo en euros"), NUMBER]
    estimated_salary_eur: Annotated[
        float, _bounded("estimated_salary_eur", "Salario estimado en euros"), NUMBER
    ]
    credit_score: Annotated[int, _bounded("credit_score", "Puntuación de crédito"), NUMBER]
    num_products: Annotated[int, _bounded("num_products", "Productos contratados"), NUMBER]
    has_credit_card: StrictBool  # 0/1 o "yes" no se convierten en silencio
    is_active_member: StrictBool
    # El enum va al esquema OpenAPI (lo que lee un cliente o schemathesis); el validador da el
    # mensaje en español.
    region: str = Field(
        description="Una de las regiones del contrato",
        json_schema_extra={"enum": list(CATEGORIES["region"])},
    )

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str) -> str:
        allowed = CATEGORIES["region"]
        if value not in allowed:
            raise ValueError(f"región desconocida {value!r}; las válidas son {', '.join(allowed)}")
        return value


FEATURES: Final = tuple(name for name in Customer.model_fields if name != "customer_id")


class BatchRequest(BaseModel):
    """Varios clientes en una petición (el máximo lo fija ``CHURN_MAX_BATCH``)."""

    model_config = ConfigDict(extra="forbid")

    customers: list[Customer] = Field(min_length=1)


class Prediction(BaseModel):
    """La probabilidad de abandono, la decisión con el umbral del modelo y qué modelo la dio."""

    customer_id: str | None
    churn_probability: float
    churn: bool
    threshold: float
    model_version: str


class BatchResponse(BaseModel):
    """Una predicción por cliente, en el mismo orden, y la versión del modelo."""

    predictions: list[Prediction]
    count: int
    model_version: str
