"""La API como función AWS Lambda (módulo 12): la MISMA app del módulo 11, adaptada con mangum.

En Lambda se configura como ``churn_project.api.lambda_handler.handler``, detrás de un API Gateway
HTTP API (eventos con formato de carga 2.0). El modelo se carga al **importar** este módulo, una
vez por entorno de ejecución (ADR-12-02): mangum va con ``lifespan="off"`` porque con ``"auto"``
ejecutaría el arranque de la app, y con él la carga del modelo, en cada invocación. Importar este
módulo es, por tanto, el cold start: lo que mide el módulo 12.

Si la carga falla, el handler se crea igual: ``/health`` responde 200 y las predicciones 503 con
el motivo, como la API en un contenedor.
"""

from __future__ import annotations

from fastapi import FastAPI
from mangum import Mangum

from churn_project.api.app import Loader, create_app
from churn_project.api.model import load_by_alias
from churn_project.api.settings import Settings, load_settings


def build_handler(
    settings: Settings | None = None, loader: Loader | None = None
) -> tuple[FastAPI, Mangum]:
    """La app con el modelo ya cargado y su handler de Lambda (``settings`` por defecto, del
    entorno; ``loader`` por defecto, el modelo por alias desde MLflow)."""
    config = settings if settings is not None else load_settings()
    load = loader if loader is not None else load_by_alias
    app = create_app(config, loader=load)
    try:
        app.state.model = load(config)
    except Exception as error:  # el handler existe igual: las predicciones dicen por qué no
        app.state.load_error = f"{config.model_uri} no se pudo cargar ({error})"
    return app, Mangum(app, lifespan="off")


app, handler = build_handler()
