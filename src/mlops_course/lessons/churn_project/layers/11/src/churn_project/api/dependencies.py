"""Las dependencias de las rutas: configuración, modelo y clave de API.

Las rutas no leen variables globales: piden lo que necesitan con ``Depends``. En los tests se
cambian con ``app.dependency_overrides[get_model] = ...`` sin tocar MLflow ni el entorno.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, Request

from churn_project.api.errors import ProblemError
from churn_project.api.model import ServedModel
from churn_project.api.settings import Settings


def get_settings(request: Request) -> Settings:
    """La configuración con que arrancó la aplicación."""
    settings: Settings = request.app.state.settings
    return settings


def get_model(request: Request) -> ServedModel:
    """El modelo cargado en el arranque; 503 (problem details) si no se pudo cargar."""
    model: ServedModel | None = request.app.state.model
    if model is None:
        why = request.app.state.load_error or "el modelo todavía no se cargó"
        raise ProblemError(
            503, "modelo-no-disponible", f"No hay modelo para predecir: {why}", retry_after=30
        )
    return model


def require_api_key(
    settings: Annotated[Settings, Depends(get_settings)],
    x_api_key: Annotated[str | None, Header()] = None,
) -> None:
    """Exige una clave de ``CHURN_API_KEYS`` en ``X-API-Key`` (comparación en tiempo constante)."""
    challenge = {"WWW-Authenticate": 'ApiKey header="X-API-Key"'}
    if not x_api_key:
        raise ProblemError(
            401, "sin-clave", "Falta la cabecera X-API-Key con una clave válida.", challenge
        )
    # Se comparan todas las claves aunque una coincida: el tiempo no revela cuál.
    matches = [
        secrets.compare_digest(x_api_key.encode(), key.encode()) for key in settings.api_keys
    ]
    if not any(matches):
        raise ProblemError(401, "clave-invalida", "La clave de X-API-Key no es válida.", challenge)
