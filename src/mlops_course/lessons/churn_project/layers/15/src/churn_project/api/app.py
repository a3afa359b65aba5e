"""La fábrica de la aplicación: rutas, dependencias, middleware, errores y el lifespan.

``create_app`` no lee el modelo al importarse ni al crearse: lo carga el lifespan, UNA vez,
al arrancar el servidor (en un hilo, para no bloquear el bucle de eventos). Si la carga falla,
la API arranca igual: ``/health`` responde 200 (el proceso vive) y ``/ready`` y las
predicciones responden 503 con el motivo, hasta que se corrija y se reinicie.

Módulo 15: la aplicación se observa a sí misma. Cada petición lleva un id que comparten su
línea de log JSON, su span y la cabecera ``X-Request-ID``; ``GET /metrics`` expone el registro
propio de la app (latencia, peticiones, predicciones por clase, versión del modelo) para
Prometheus; el modelo cargado cuenta sus predicciones y abre un span por lote.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import structlog
from fastapi import Depends, FastAPI, Request, Response
from opentelemetry.trace import NoOpTracer, Tracer
from starlette.concurrency import run_in_threadpool

from churn_project.api.dependencies import get_model, get_settings, require_api_key
from churn_project.api.errors import ProblemError, install_error_handlers, problem_responses
from churn_project.api.middleware import RequestContextMiddleware
from churn_project.api.model import ServedModel, load_by_alias
from churn_project.api.schemas import BatchRequest, BatchResponse, Customer, Prediction
from churn_project.api.settings import Settings, load_settings
from churn_project.observability import (
    ApiMetrics,
    ObservabilityMiddleware,
    configure_logging,
    observe,
)
from churn_project.observability.metrics import CONTENT_TYPE

Loader = Callable[[Settings], ServedModel]
LOG = structlog.get_logger("churn_project.api")
ModelDep = Annotated[ServedModel, Depends(get_model)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def create_app(
    settings: Settings | None = None,
    loader: Loader | None = None,
    *,
    metrics: ApiMetrics | None = None,
    tracer: Tracer | None = None,
) -> FastAPI:
    """La API de churn con ``settings`` (por defecto, del entorno) y ``loader`` (por defecto,
    el modelo por alias desde MLflow). ``metrics`` (un registro nuevo por defecto) y ``tracer``
    (ninguno por defecto) permiten leer lo que la app observa desde un test."""
    config = settings if settings is not None else load_settings()
    load = loader if loader is not None else load_by_alias
    observed = metrics if metrics is not None else ApiMetrics()
    spans = tracer if tracer is not None else NoOpTracer()
    configure_logging()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            loaded = await run_in_threadpool(load, config)
            app.state.model = observe(loaded, observed, spans)
            LOG.info("modelo_cargado", model=config.model_uri, version=loaded.version)
        except Exception as error:  # la API arranca y /ready dice por qué no está lista
            app.state.load_error = f"{config.model_uri} no se pudo cargar ({error})"
            LOG.error("modelo_no_cargado", reason=app.state.load_error)
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
    # Por fuera del anterior: su id de petición es el que el módulo 11 devuelve en la cabecera.
    app.add_middleware(ObservabilityMiddleware, metrics=observed, tracer=spans)
    app.state.metrics = observed

    @app.get("/metrics", tags=["operación"], include_in_schema=False)
    def metrics_endpoint() -> Response:
        """Las métricas en el formato de texto de Prometheus (lo que lee su scrape)."""
        return Response(observed.exposition(), media_type=CONTENT_TYPE)

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
