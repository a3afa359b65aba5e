"""La fábrica de la aplicación: rutas, dependencias, middleware, errores y el lifespan.

``create_app`` no lee el modelo al importarse ni al crearse: lo carga el lifespan, UNA vez,
al arrancar el servidor (en un hilo, para no bloquear el bucle de eventos). Si la carga falla,
la API arranca igual: ``/health`` responde 200 (el proceso vive) y ``/ready`` y las
predicciones responden 503 con el motivo, hasta que se corrija y se reinicie.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from starlette.concurrency import run_in_threadpool

from churn_project.api.dependencies import get_model, get_settings, require_api_key
from churn_project.api.errors import ProblemError, install_error_handlers, problem_responses
from churn_project.api.middleware import RequestContextMiddleware
from churn_project.api.model import ServedModel, load_by_alias
from churn_project.api.schemas import BatchRequest, BatchResponse, Customer, Prediction
from churn_project.api.settings import Settings, load_settings

Loader = Callable[[Settings], ServedModel]
LOG = logging.getLogger("churn_project.api")
ModelDep = Annotated[ServedModel, Depends(get_model)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def create_app(settings: Settings | None = None, loader: Loader | None = None) -> FastAPI:
    """La API de churn con ``settings`` (por defecto, del entorno) y ``loader`` (por defecto,
    el modelo por alias desde MLflow)."""
    config = settings if settings is not None else load_settings()
    load = loader if loader is not None else load_by_alias

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            app.state.model = await run_in_threadpool(load, config)
            LOG.info("Modelo %s versión %s cargado", config.model_uri, app.state.model.version)
        except Exception as error:  # la API arranca y /ready dice por qué no está lista
            app.state.load_error = f"{config.model_uri} no se pudo cargar ({error})"
            LOG.error("%s", app.state.load_error)
        yield
        app.state.model = None

    app = FastAPI(
        title="API de churn",
        version="1.0.0",
        description="Probabilidad de abandono de clientes con el modelo campeón del proyecto.",
        lifespan=lifespan,
    )
    app.state.settings = config
    app.state.model = None
    app.state.load_error = None
    install_error_handlers(app)
    app.add_middleware(RequestContextMiddleware, max_body_bytes=config.max_body_bytes)

    @app.get("/health", tags=["operación"])
    def health() -> dict[str, str]:
        """Vivo: el proceso responde (no mira el modelo)."""
        return {"status": "ok"}

    @app.get("/ready", tags=["operación"], responses=problem_responses(503))
    def ready(request: Request) -> dict[str, Any]:
        """Listo: el modelo está cargado; si no, 503 con el motivo."""
        model = get_model(request)
        return {
            "status": "listo",
            "model": model.name,
            "alias": model.alias,
            "version": model.version,
        }

    @app.post(
        "/predict",
        response_model=Prediction,
        dependencies=[Depends(require_api_key)],
        tags=["predicción"],
        responses=problem_responses(400, 401, 413, 422, 500, 503),
    )
    def predict(customer: Customer, model: ModelDep) -> Prediction:
        """La predicción de un cliente. ``def`` (no ``async``): scikit-learn bloquea, así que
        FastAPI la ejecuta en su pool de hilos y el bucle de eventos sigue atendiendo."""
        return model.predict([customer])[0]

    @app.post(
        "/predict/batch",
        response_model=BatchResponse,
        dependencies=[Depends(require_api_key)],
        tags=["predicción"],
        responses=problem_responses(400, 401, 413, 422, 500, 503),
    )
    def predict_batch(batch: BatchRequest, model: ModelDep, settings: SettingsDep) -> BatchResponse:
        """Varios clientes de una vez, como mucho ``CHURN_MAX_BATCH``."""
        size = len(batch.customers)
        if size > settings.max_batch:
            raise ProblemError(
                413,
                "lote-demasiado-grande",
                f"El lote trae {size} clientes y el máximo es {settings.max_batch}: "
                "divídanlo en lotes más pequeños.",
                max_batch=settings.max_batch,
            )
        predictions = model.predict(batch.customers)
        return BatchResponse(predictions=predictions, count=size, model_version=model.version)

    return app
