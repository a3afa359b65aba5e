"""El contrato de datos de la tabla de churn: UN esquema pandera para todo el proyecto.

Lo usan la etapa ``validate`` del pipeline (módulo 05), la entrada del pipeline de scikit-learn
(06), los tests de datos (08), la API (11) y el monitor de drift (15). Si cambia la realidad de
los datos, se cambia aquí y en ningún otro sitio.

El archivo tiene tres partes: esta cabecera fija (constantes, ``ContractViolation`` y los
mensajes en español), ``build_schema``, que escribes tú en el Ejercicio 3 del módulo 05, y el
final fijo (``TRAINING_SCHEMA``, ``INPUT_SCHEMA`` y ``validate``).

Qué rechaza, según los mandos del generador de datos del curso:

=====================  ==============================================================
mando                  efecto sobre el contrato
=====================  ==============================================================
``missing_rate``       hasta 2 % de nulos por columna pasa; más, falla ``max_missing``
``outlier_rate``       falla el rango de ``balance_eur``, ``estimated_salary_eur`` o ``age``
``covariate_drift``    pasa: el drift no es un dato inválido (lo detecta el módulo 15)
``concept_drift``      pasa: cambia P(y|X), no los valores
``sensitive_bias``     pasa: es un problema de equidad (módulo 16), no de formato
=====================  ==============================================================
"""

from __future__ import annotations

from typing import Final

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

ID_COLUMN: Final = "customer_id"
TARGET: Final = "churned"
MAX_MISSING_RATE: Final = 0.02
REGIONS: Final = ("Madrid", "Cataluña", "Andalucía", "Valencia", "País Vasco")
GENDERS: Final = ("F", "M")
RANGES: Final[dict[str, tuple[int, int]]] = {
    "age": (18, 85),
    "tenure_months": (0, 120),
    "balance_eur": (0, 300_000),
    "estimated_salary_eur": (10_000, 250_000),
    "credit_score": (350, 850),
    "num_products": (1, 4),
}
FLAGS: Final = ("has_credit_card", "is_active_member")
CATEGORIES: Final[dict[str, tuple[str, ...]]] = {"region": REGIONS, "gender": GENDERS}


MISSING_RULE: Final = "max_missing_rate"  # el nombre de la regla de vacíos en los mensajes


class ContractViolation(ValueError):
    """Un lote de datos rompe el contrato; el mensaje lista TODOS los problemas, en español."""


def _rule(check: str) -> str:
    """pandera's name of a check, in the words of the contract."""
    if check.startswith("in_range"):
        bounds = check.removeprefix("in_range(").removesuffix(")")
        return f"valores fuera del rango [{bounds}]"
    if check.startswith("isin"):
        return "valores no permitidos"
    if check.startswith("coerce_dtype"):
        return "no se puede convertir a " + check.removeprefix("coerce_dtype(")[:-1]
    return {
        "field_uniqueness": "valores repetidos",
        "not_nullable": "valores vacíos en una columna que no los admite",
    }.get(check, check)


def describe_failures(failures: pd.DataFrame, frame: pd.DataFrame) -> str:
    """Resumen en español de los fallos de pandera: una línea por columna y regla."""
    lines = ["El lote no cumple el contrato de datos de churn:"]
    absent = failures.loc[failures["check"] == "column_in_dataframe", "failure_case"]
    if len(absent):
        lines.append("- faltan columnas obligatorias: " + ", ".join(sorted(map(str, absent))))
    rest = failures[failures["check"] != "column_in_dataframe"]
    untyped = set(rest.loc[rest["check"].str.startswith("coerce_dtype"), "column"])
    for (column, check), cases in rest.groupby(["column", "check"], sort=True):
        if column in untyped and not str(check).startswith("coerce_dtype"):
            continue  # a column that cannot be converted: its other checks are noise
        if check == MISSING_RULE:
            rate = float(frame[column].isna().mean())
            lines.append(
                f"- '{column}': {rate:.1%} de valores vacíos (máximo {MAX_MISSING_RATE:.0%})"
            )
            continue
        examples = ", ".join(repr(v) for v in cases["failure_case"].head(3).tolist())
        rows = f"{len(cases)} fila" + ("s" if len(cases) != 1 else "")
        lines.append(f"- '{column}': {_rule(str(check))} ({rows}; p. ej. {examples})")
    return "\n".join(lines)


def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")


TRAINING_SCHEMA: Final = build_schema(with_target=True)
"""Tabla de entrenamiento: las features y la etiqueta ``churned``."""

INPUT_SCHEMA: Final = build_schema(with_target=False)
"""Lo que llega a predecir: las mismas columnas, sin la etiqueta."""


def validate(frame: pd.DataFrame, *, with_target: bool = True) -> pd.DataFrame:
    """Valida ``frame`` contra el contrato y devuelve la tabla con los tipos del contrato.

    Raises:
        TypeError: si ``frame`` no es un ``pandas.DataFrame``.
        ContractViolation: con todos los problemas (columna, regla, cuántas filas, ejemplos).
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se esperaba un pandas.DataFrame, no {type(frame).__name__}.")
    schema = TRAINING_SCHEMA if with_target else INPUT_SCHEMA
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        raise ContractViolation(describe_failures(err.failure_cases, frame)) from err
