"""La model card, el datasheet y la página de equidad, generados desde los datos reales.

- La **model card** (Mitchell et al., 2019) sale del registro de MLflow: la versión con el alias
  ``champion`` (o ``challenger`` si aún no hay champion), las métricas de su run y la versión de
  los datos (el md5 de DVC que el entrenamiento registró como tag).
- El **datasheet** (Gebru et al., «Datasheets for Datasets») cuenta filas, columnas, tasa de
  churn, celdas vacías y clientes por grupo del atributo sensible en los datos crudos versionados.
- La **página de equidad** mide el modelo por grupo de ``gender`` con fairlearn sobre el test.

Las plantillas jinja2 de ``templates/`` fallan si falta un valor (``StrictUndefined``): una celda
vacía en una model card es peor que un error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Protocol

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES: Final = Path(__file__).parent / "templates"
CARD_FIELDS: Final = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
SENSITIVE_ATTRIBUTE: Final = "gender"
TARGET: Final = "churned"
MAX_DP_DIFFERENCE: Final = 0.05  # límite del equipo (ADR 0002)
MAX_EO_DIFFERENCE: Final = 0.10

INTENDED_USE: Final = (
    "Ordenar a los clientes del banco por probabilidad de abandono para decidir a quién ofrecer "
    "la campaña de retención (un descuento o una llamada). Una persona del equipo comercial "
    "revisa la lista; el modelo no decide nada sobre el cliente sin esa revisión."
)
OUT_OF_SCOPE: Final = (
    "Decisiones de crédito, precios, seguros o empleo; cualquier uso que niegue un servicio. "
    "Esos usos son de alto riesgo en el Reglamento Europeo de IA (anexo III) y piden otro proceso."
)
LIMITATIONS: Final = (
    "Entrenado con datos sintéticos del curso: las cifras no describen a clientes reales.",
    "El umbral minimiza el costo con los supuestos de params.yaml (6 € por contacto, 36 € por "
    "cliente perdido); si cambian, el umbral deja de ser el óptimo.",
    "El desempeño se degrada con la deriva de los datos: vigílala antes de confiar en el score.",
)
ETHICS: Final = (
    "El modelo no usa `gender`, pero un modelo sin el atributo puede discriminar a través de "
    "variables correlacionadas. La [página de equidad](fairness.md) lo mide en cada versión."
)


class Registry(Protocol):
    """Lo que se usa del cliente de MLflow (``MlflowClient``)."""

    def get_registered_model(self, name: str) -> Any: ...

    def get_model_version_by_alias(self, name: str, alias: str) -> Any: ...

    def get_run(self, run_id: str) -> Any: ...


def card_fields(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Los campos validados de la model card.

    Raises:
        ValueError: falta un campo o está vacío, la versión no es un entero positivo o una
            métrica no es un número finito (el mensaje nombra el campo).
    """
    for field in CARD_FIELDS:
        value = meta.get(field)
        if value is None or (isinstance(value, str | list | dict | tuple) and not value):
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    raw_version = meta["version"]
    text = str(raw_version).strip()
    if isinstance(raw_version, bool) or not text.isdigit() or int(text) < 1:
        raise ValueError(f"version debe ser un entero positivo; es {raw_version!r}.")
    metrics: dict[str, float] = {}
    for metric, value in dict(meta["metrics"]).items():
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise ValueError(f"La métrica {metric!r} debe ser un número finito; es {value!r}.")
        metrics[str(metric)] = round(float(value), 4)
    return {
        "name": str(meta["name"]),
        "version": int(text),
        "data_version": str(meta["data_version"]),
        "metrics": metrics,
        "intended_use": str(meta["intended_use"]),
        "limitations": [str(item) for item in meta["limitations"]],
    }


def champion_metadata(client: Registry, model_name: str) -> dict[str, Any]:
    """Versión, run, métricas y versión de datos del champion (o del challenger si no hay)."""
    aliases = client.get_registered_model(model_name).aliases
    alias = "champion" if "champion" in aliases else "challenger"
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


def render(template: str, values: Mapping[str, Any]) -> str:
    """La plantilla ``templates/<template>`` con ``values``; un valor que falta es un error."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    return environment.get_template(template).render(**values)


def model_card(meta: Mapping[str, Any]) -> str:
    """La página de la model card con los metadatos del registro y el uso previsto del equipo."""
    fields = card_fields({**meta, "intended_use": INTENDED_USE, "limitations": list(LIMITATIONS)})
    context = {
        "alias": meta["alias"],
        "run_id": meta["run_id"],
        "model_type": "regresión logística (scikit-learn) con umbral elegido por costo",
        "owner": "equipo de churn",
        "out_of_scope": OUT_OF_SCOPE,
        "sensitive_attribute": SENSITIVE_ATTRIBUTE,
        "ethical_considerations": ETHICS,
    }
    return render("model-card.md.j2", {**context, **fields})


def datasheet(frame: pd.DataFrame) -> str:
    """La página del datasheet, con las cifras calculadas sobre ``frame``."""
    if frame.empty or TARGET not in frame or SENSITIVE_ATTRIBUTE not in frame:
        raise ValueError("El datasheet necesita filas y las columnas churned y gender.")
    counts = frame[SENSITIVE_ATTRIBUTE].astype(str).value_counts().sort_index()
    return render(
        "datasheet.md.j2",
        {
            "title": "clientes del banco (churn)",
            "rows": len(frame),
            "columns": frame.shape[1],
            "churn_rate": f"{frame[TARGET].mean():.1%}",
            "missing_share": f"{frame.isna().to_numpy().mean():.2%}",
            "sensitive_attribute": SENSITIVE_ATTRIBUTE,
            "groups": {str(group): int(count) for group, count in counts.items()},
            "motivation": (
                "Entrenar y evaluar el modelo de abandono de la campaña de retención. Lo crea el "
                "equipo de datos del curso; no tiene financiación externa."
            ),
            "collection": (
                "Conjunto sintético y determinista (semilla fija) que imita una extracción del "
                "CRM del banco: una fila por cliente activo a la fecha de corte. No contiene "
                "personas reales; `gender` se genera para poder medir la equidad."
            ),
            "preprocessing": (
                "La etapa `prepare` de DVC separa train y test (estratificado); el contrato de "
                "datos (pandera) valida tipos y rangos. Los vacíos se imputan dentro del pipeline."
            ),
            "uses": (
                "Apto para el modelo de retención y para enseñar MLOps. No apto para decisiones "
                "individuales de crédito, precio o empleo."
            ),
            "maintenance": (
                "Versionado con DVC (el md5 de `data/raw/churn.csv.dvc` es su versión). Lo "
                "mantiene el equipo de churn; los cambios pasan por un pull request."
            ),
        },
    )


def fairness_page(
    meta: Mapping[str, Any], y_true: Any, y_pred: Any, groups: Any
) -> tuple[str, dict[str, float]]:
    """La página de equidad y las dos diferencias (paridad demográfica, equalized odds)."""
    from churn_project.docs.fairness import group_report

    report = group_report(y_true, y_pred, groups)
    gaps = report["gaps"]
    within = (
        gaps["demographic_parity_difference"] <= MAX_DP_DIFFERENCE
        and gaps["equalized_odds_difference"] <= MAX_EO_DIFFERENCE
    )
    verdict = (
        "dentro de los límites del equipo."
        if within
        else "FUERA de los límites del equipo: no se promociona sin una mitigación (ADR 0002)."
    )
    page = render(
        "fairness.md.j2",
        {
            "name": meta["name"],
            "version": meta["version"],
            "rows": len(groups),
            "sensitive_attribute": SENSITIVE_ATTRIBUTE,
            "by_group": report["by_group"],
            "dp_difference": round(gaps["demographic_parity_difference"], 4),
            "eo_difference": round(gaps["equalized_odds_difference"], 4),
            "max_dp_difference": MAX_DP_DIFFERENCE,
            "max_eo_difference": MAX_EO_DIFFERENCE,
            "verdict": verdict,
        },
    )
    return page, gaps


def generate(
    project: Path,
    client: Registry,
    model_name: str = "churn-classifier",
    docs_dir: Path | None = None,
) -> list[Path]:
    """Escribe ``model-card.md``, ``datasheet.md`` y ``fairness.md`` en ``docs/`` (o en
    ``docs_dir``) con el champion del registro, los datos crudos versionados y el test preparado.
    """
    from churn_project.pipeline import load_model, model_inputs

    project = Path(project)
    docs = Path(docs_dir) if docs_dir is not None else project / "docs"
    meta = champion_metadata(client, model_name)
    raw = pd.read_csv(project / "data" / "raw" / "churn.csv")
    test = pd.read_csv(project / "data" / "prepared" / "test.csv")
    model = load_model(project / "models" / "model.skops")
    predicted = model.predict(model_inputs(test))
    fairness, _ = fairness_page(meta, test[TARGET], predicted, test[SENSITIVE_ATTRIBUTE])
    pages = {
        "model-card.md": model_card(meta),
        "datasheet.md": datasheet(raw),
        "fairness.md": fairness,
    }
    written = []
    for name, text in pages.items():
        path = docs / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
