"""The model card's fields from the MLflow registry, validated, and rendered with jinja2.

A model card (Mitchell et al., 2019) is only trustworthy if it comes from the same place as the
model: the champion's registered version, its run's metrics and the data version (DVC's md5)
that the training logged as a tag. :func:`champion_metadata` reads them; :func:`card_fields`
validates them (the reference answer of the module's first exercise); :func:`render_model_card`
fills the template, failing on any missing field instead of printing an empty cell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final

from jinja2 import Environment, StrictUndefined
from mlflow.tracking import MlflowClient

from mlops_course.lessons.m16_docs.templates import DATASHEET, MODEL_CARD

CARD_FIELDS: Final = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
TEXT_FIELDS: Final = ("name", "data_version", "intended_use")


def card_fields(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The validated fields of a model card (reference answer of Exercise 1).

    Raises:
        ValueError: a missing or empty field, a version that is not a positive integer, or a
            metric that is not a finite number; the message names the field.
    """
    for field in CARD_FIELDS:
        value = meta.get(field)
        if value is None or (isinstance(value, str | list | dict | tuple) and not value):
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    for field in TEXT_FIELDS:
        if not isinstance(meta[field], str) or not meta[field].strip():
            raise ValueError(f"El campo {field!r} debe ser un texto no vacío.")
    raw_version = meta["version"]
    text = str(raw_version).strip()
    if isinstance(raw_version, bool) or not text.isdigit() or int(text) < 1:
        raise ValueError(f"version debe ser un entero positivo; es {raw_version!r}.")
    metrics: dict[str, float] = {}
    for metric, value in dict(meta["metrics"]).items():
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"La métrica {metric!r} debe ser un número finito; es {value!r}.")
        metrics[str(metric)] = round(float(value), 4)
    limitations = meta["limitations"]
    if isinstance(limitations, str) or not all(
        isinstance(item, str) and item.strip() for item in limitations
    ):
        raise ValueError("limitations debe ser una lista de textos no vacíos.")
    return {
        "name": meta["name"].strip(),
        "version": int(text),
        "data_version": meta["data_version"].strip(),
        "metrics": metrics,
        "intended_use": meta["intended_use"].strip(),
        "limitations": [item.strip() for item in limitations],
    }


def champion_metadata(
    client: MlflowClient, model_name: str, alias: str = "champion"
) -> dict[str, Any]:
    """What the registry knows about ``model_name@alias``: version, run, metrics, data version."""
    version = client.get_model_version_by_alias(model_name, alias)
    run = client.get_run(str(version.run_id))
    return {
        "name": model_name,
        "alias": alias,
        "version": str(version.version),
        "run_id": str(version.run_id),
        "data_version": str(run.data.tags.get("data_version", "")),
        "metrics": dict(run.data.metrics),
    }


def _environment() -> Environment:
    return Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)


def render_template(template: str, values: Mapping[str, Any]) -> str:
    """``template`` filled with ``values``; a missing value is an error, never an empty cell.

    Raises:
        jinja2.exceptions.UndefinedError: the template names a value that ``values`` lacks.
    """
    return _environment().from_string(template).render(**values)


def render_model_card(fields: Mapping[str, Any], context: Mapping[str, Any]) -> str:
    """The model card page: the validated ``fields`` plus the descriptive ``context``."""
    return render_template(MODEL_CARD, {**context, **card_fields(fields)})


def render_datasheet(values: Mapping[str, Any]) -> str:
    """The datasheet page for the churn dataset."""
    return render_template(DATASHEET, values)
