"""La configuración de la API: variables de entorno, nunca secretos escritos en el código.

=========================  =====================================================  ==============
variable                   qué es                                                 por defecto
=========================  =====================================================  ==============
``CHURN_MODEL_NAME``       modelo registrado en MLflow                            params.yaml
``CHURN_MODEL_ALIAS``      alias que sirve la API                                 ``champion``
``CHURN_API_KEYS``         claves aceptadas en ``X-API-Key``, separadas por comas  (ninguna)
``CHURN_MAX_BATCH``        clientes como máximo en ``/predict/batch``              ``100``
``CHURN_MAX_BODY_BYTES``   tamaño máximo del cuerpo de una petición               ``262144``
``MLFLOW_TRACKING_URI``    servidor o base de MLflow                              base local
=========================  =====================================================  ==============

Sin claves configuradas, las rutas de predicción responden 401 a todo el mundo: una API que se
olvida de configurar su clave queda cerrada, no abierta.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

DEFAULT_ALIAS: Final = "champion"
DEFAULT_MAX_BATCH: Final = 100
DEFAULT_MAX_BODY_BYTES: Final = 256 * 1024


@dataclass(frozen=True)
class Settings:
    """Lo que la API lee del entorno al arrancar."""

    model_name: str = "churn-classifier"
    model_alias: str = DEFAULT_ALIAS
    api_keys: frozenset[str] = field(default_factory=frozenset, repr=False)  # no salen en logs
    max_batch: int = DEFAULT_MAX_BATCH
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    tracking_uri: str | None = None

    def __post_init__(self) -> None:
        if not self.model_name.strip() or not self.model_alias.strip():
            raise ValueError("El nombre del modelo y su alias no pueden estar vacíos.")
        for name in ("max_batch", "max_body_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} debe ser un entero mayor que 0, no {value!r}.")

    @property
    def model_uri(self) -> str:
        """``models:/<nombre>@<alias>``: lo que se carga, por alias, nunca por número."""
        return f"models:/{self.model_name}@{self.model_alias}"


def _positive(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{name}={raw!r}: usa un número entero mayor que 0.")
    return int(raw)


def registered_model(params_file: Path = Path("params.yaml")) -> str:
    """El nombre registrado de ``params.yaml`` (sección ``tracking``) o el del curso."""
    if not params_file.is_file():
        return "churn-classifier"
    from churn_project.params import load_params

    return str(load_params("tracking", params_file)["registered_model"])


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """La configuración a partir de ``environ`` (por defecto, el entorno del proceso).

    Raises:
        ValueError: un límite que no es un entero positivo, o un nombre vacío.
    """
    env = os.environ if environ is None else environ
    keys = frozenset(k.strip() for k in env.get("CHURN_API_KEYS", "").split(",") if k.strip())
    return Settings(
        model_name=env.get("CHURN_MODEL_NAME", "").strip() or registered_model(),
        model_alias=env.get("CHURN_MODEL_ALIAS", "").strip() or DEFAULT_ALIAS,
        api_keys=keys,
        max_batch=_positive(env, "CHURN_MAX_BATCH", DEFAULT_MAX_BATCH),
        max_body_bytes=_positive(env, "CHURN_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
        tracking_uri=env.get("MLFLOW_TRACKING_URI", "").strip() or None,
    )
