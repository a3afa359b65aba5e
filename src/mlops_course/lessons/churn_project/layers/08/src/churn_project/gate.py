"""La puerta de regresión: el challenger no puede ser peor que el champion en el holdout.

Cada entrenamiento registra una versión del modelo con el alias ``challenger`` (módulo 07). Antes
de que nadie la promocione, esta puerta compara su métrica del holdout (la que la etapa ``train``
registró en MLflow) con la del ``champion``: si es peor por más de la tolerancia de
``params.yaml`` (sección ``gate``), la puerta no pasa y el test del proyecto se pone en rojo.

El archivo tiene tres partes: esta cabecera fija (importaciones, alias y ``GateResult``),
``regression_gate``, que escribes tú en el Ejercicio 5 del módulo 08, y el final fijo
(``check_gate``: la puerta con los parámetros y el almacén MLflow del proyecto).
"""

from __future__ import annotations

from numbers import Real
from pathlib import Path
from typing import Final, NamedTuple

from mlflow import MlflowClient

CHAMPION: Final = "champion"
CHALLENGER: Final = "challenger"


class GateResult(NamedTuple):
    """El veredicto de la puerta y su motivo, en español."""

    passed: bool
    reason: str


def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:  # también descarta nan
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(
            True, f"Aún no hay {CHAMPION}: la versión {aliases[CHALLENGER]} pasa sin comparar."
        )
    values: dict[str, float] = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(
                f"El run de la versión {version.version} ({alias}) no tiene la métrica {metric!r}."
            )
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= tolerance
    verdict = "pasa" if passed else "NO pasa"
    return GateResult(
        passed,
        f"{metric}: champion {champion:.4f}, challenger {challenger:.4f}; el challenger es peor "
        f"por {worse:.4f} (tolerancia {tolerance}): {verdict}.",
    )


def check_gate(params_file: Path = Path("params.yaml")) -> GateResult:
    """La puerta del proyecto: modelo y tolerancia de ``params.yaml``, el almacén MLflow del
    proyecto (el servidor de ``MLFLOW_TRACKING_URI`` o la base local)."""
    from churn_project.params import load_params
    from churn_project.tracking import tracking_uri

    gate = load_params("gate", params_file)
    tracking = load_params("tracking", params_file)
    uri = tracking_uri()
    return regression_gate(
        MlflowClient(tracking_uri=uri, registry_uri=uri),
        str(tracking["registered_model"]),
        str(gate["metric"]),
        float(gate["tolerance"]),
        higher_is_better=bool(gate["higher_is_better"]),
    )
