# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: all
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Módulo 12 · Serverless vs contenedores
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 5 · Despliegue (semanas 12–13) |
# | **Tiempo estimado** | ≈ 3 h 40 min: lectura y demos 45 min, ejercicios 145 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 10 (la imagen del servicio) y módulo 11 (la API FastAPI del modelo y su prueba de carga). |
# | **Entregable** | «Decisión documentada»: el ADR de dónde desplegar la API de churn, exportado de la ayuda de decisión con tus cifras medidas y completado por ti |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Ejecutar** una API ASGI como función Lambda con un adaptador (mangum) e invocarla en local
#    con eventos reales de API Gateway (§1).
# 2. **Medir** con honestidad un cold start (proceso nuevo: intérprete + imports + modelo) frente
#    al camino caliente (§2).
# 3. **Modelar** el costo mensual de Lambda, ECS/Fargate y EKS con precios de lista citados y
#    fechados (§3 y Ejercicio 1).
# 4. **Encontrar** el tráfico en el que dos opciones cuestan lo mismo (§4 y Ejercicio 2).
# 5. **Estimar** qué parte de las peticiones paga un cold start y si llega al p99 (§5 y
#    Ejercicio 3).
# 6. **Decidir** con un SLO de latencia, el tamaño del equipo y tus cifras, y **documentar** la
#    decisión en un ADR (§6, Ejercicio 4 y §8).
#
# > **Mentalidad Senior (Fase 5):** ¿Serverless o Kubernetes? Depende del tráfico, costo y equipo.
# > No hay respuesta universal.
#
# ### Tu proyecto
#
# Este módulo añade la capa **Despliegue** a tu proyecto de churn: la decisión documentada (un
# ADR) y el adaptador que sirve la API del módulo 11 como función Lambda.
#
# Todo se hace sobre **tu** API (`churn_project.api`, módulo 11) en `workspace/churn-project/`:
# la invocas como Lambda, mides el cold start de tu modelo campeón y le haces una prueba de carga
# corta para saber cuánto sirve una tarea.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("12_despliegue_hibrido")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden, resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las celdas de test de debajo. Al calificar se añaden tests
# ocultos. Lo que escribe el módulo va a tu carpeta de trabajo `workspace/12_despliegue_hibrido/`.
#
# **Sin cuenta de AWS.** Nada de este módulo llama a AWS ni necesita red: el adaptador se invoca
# en local con los mismos eventos JSON que API Gateway envía a Lambda, el cold start se mide en tu
# computadora y los precios vienen de un archivo de datos con su fuente y su fecha.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
SEED = 42  # semilla de los datos del proyecto de referencia
RESET_PROJECT = False  # True: empezar del proyecto de referencia (el tuyo se guarda como respaldo)
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
COLD_RUNS = 3  # procesos nuevos para medir el cold start
WARM_CALLS = 50  # llamadas calientes por proceso
MONTHLY_REQUESTS = 3_000_000  # tráfico del servicio de churn (peticiones al mes)
LOAD_SECONDS = 5  # duración de la prueba de carga de la §2
LOAD_USERS = 8  # usuarios concurrentes de la prueba de carga

# %%
import json
import math
import sys

from IPython.display import Image, Markdown, display
from mlflow.tracking import MlflowClient

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.lessons.m11_api import run_load_test, serve
from mlops_course.lessons.m12_deploy import (
    break_even,
    cold_share,
    eks_monthly_cost,
    fargate_monthly_cost,
    invoke,
    lambda_handler,
    lambda_monthly_cost,
    load_event,
    load_prices,
    mean_rps,
    measure_cold_warm,
    p99_ms,
    plot_monthly_costs,
    response_json,
    traffic_grid,
)
from mlops_course.machinery.decision_aids import (
    load_aid,
    recommend,
    recommendation_text,
    show_aid,
    write_adr,
)
from mlops_course.machinery.workspace import module_workspace, workspace_root

ROOT = workspace_root()
state = ensure_project(
    "12_despliegue_hibrido", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
PROJECT_ENV = checkpoint_env(ROOT)  # git con un HOME aislado (nunca tu configuración personal)
STORE_URI = f"sqlite:///{PROJECT.parent / 'churn-project-mlflow' / 'mlflow.db'}"
if str(PROJECT / "src") not in sys.path:
    sys.path.insert(0, str(PROJECT / "src"))
_registry = MlflowClient(tracking_uri=STORE_URI, registry_uri=STORE_URI)
_aliases = _registry.get_registered_model("churn-classifier").aliases
if _aliases.get("champion") is None:  # como en el módulo 11: sin champion, el challenger
    _registry.set_registered_model_alias("churn-classifier", "champion", _aliases["challenger"])
API_KEY = "clave-de-ejemplo"  # la de los eventos de ejemplo; en producción, un gestor de secretos
WS = module_workspace("12_despliegue_hibrido")
PRICES = load_prices()
OPTIONS = ("lambda", "ecs_fargate", "kubernetes")
# El perfil del servicio: cuánto tarda una predicción y cuánto sirve una tarea o un nodo.
# Valores de partida: la §2 los reemplaza por lo que mides (duración caliente y prueba de carga).
PROFILE = {
    "duration_ms": 45,  # duración de una invocación caliente de Lambda (ms)
    "memory_mb": 1024,  # memoria de la función Lambda (MB)
    "task_rps": 40,  # peticiones por segundo que sirve UNA tarea de Fargate
    "task_vcpu": 0.5,  # vCPU de la tarea
    "task_memory_gb": 1.0,  # memoria de la tarea (GB)
    "node_rps": 160,  # peticiones por segundo que sirve UN nodo m5.large de EKS
}
print("Proyecto:", PROJECT, "· carpeta de trabajo:", WS)
print(
    "Precios de", PRICES.entries["lambda_requests"].region, "— mes de", PRICES.hours_per_month, "h"
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 5 min.*
#
# ## 1. La misma API, como función Lambda
#
# Una función Lambda no es un servidor: AWS llama a **una función** `handler(event, context)` con
# un diccionario (el *evento*) y espera otro de vuelta. Cuando delante hay un **API Gateway HTTP
# API**, el evento es la petición HTTP en JSON (formato de carga 2.0): `rawPath`,
# `requestContext.http.method`, `headers`, `body` y, si el cuerpo es binario, `isBase64Encoded`.
# Tu API de FastAPI habla ASGI, no eventos. **mangum** es el adaptador: traduce el evento a una
# petición ASGI, ejecuta la app y traduce la respuesta a `{"statusCode", "headers", "body"}`.
#
# La misma app sirve en un contenedor (uvicorn, módulo 11) y en Lambda (mangum): la decisión de
# dónde desplegar **no** debería obligarte a reescribir la API.
#
# Los eventos de `assets/lambda_events/` siguen la forma documentada por AWS («Create AWS Lambda
# proxy integrations for HTTP APIs in API Gateway»). Mira uno:

# %%
event = load_event("predict")
print(json.dumps({k: event[k] for k in ("version", "rawPath", "isBase64Encoded")}, indent=1))
print("método:", event["requestContext"]["http"]["method"], "— cuerpo:", event["body"][:60], "…")

# %% [markdown]
# Ahora **tu** API: `create_app` del módulo 11 con una configuración explícita (la clave de API de
# los eventos y la base de MLflow del proyecto). Con mangum el *lifespan* va apagado
# (`lifespan="off"`), así que el modelo campeón se carga **una vez**, al preparar el handler, y se
# deja en `app.state.model`, donde lo buscan las rutas: es lo que hará el handler de Lambda del
# proyecto al importarse (§7).

# %%
from churn_project.api import Settings, create_app
from churn_project.api.model import load_by_alias

SETTINGS = Settings(api_keys=frozenset({API_KEY}), tracking_uri=STORE_URI)
api = create_app(SETTINGS)
api.state.model = load_by_alias(SETTINGS)  # una vez por entorno de ejecución, no por petición
print("Modelo:", SETTINGS.model_uri, "versión", api.state.model.version)

handler = lambda_handler(api)  # mangum.Mangum(api, lifespan="off")
for name in ("health", "predict", "predict_base64", "predict_bad_body"):
    response = invoke(handler, load_event(name))
    print(f"{name:17} → {response['statusCode']}  {json.dumps(response_json(response))[:90]}")
_no_key = load_event("predict")
del _no_key["headers"]["x-api-key"]
response = invoke(handler, _no_key)
print(f"{'predict sin clave':17} → {response['statusCode']}  {response['headers']['content-type']}")

# %% [markdown]
# Cinco eventos, cinco lecciones: `/health` responde sin cuerpo; `/predict` con JSON y con el
# **mismo** JSON en base64 dan lo mismo (mangum decodifica); un cuerpo roto da **422**, no 500: la
# validación de FastAPI sigue funcionando detrás del adaptador; y sin `x-api-key` la respuesta es
# **401** (problem details): la seguridad de la API viaja con ella, no depende de dónde corre.
#
# Un detalle que cambia el diseño: mangum ejecuta el *lifespan* de la app (arranque y cierre)
# **en cada invocación** cuando `lifespan="auto"`. Lo que debe pasar una sola vez por entorno de
# ejecución (cargar el modelo) va al **importar** el módulo del handler. Eso es justo lo que paga
# un cold start.

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 10 min.*
#
# ## 2. El cold start, medido con honestidad
#
# Cuando no hay un entorno de ejecución caliente, Lambda arranca uno: descarga el paquete,
# inicia el intérprete, **importa** tu código y **carga** el modelo; recién entonces atiende la
# petición. Medirlo en el mismo proceso del cuaderno (donde scikit-learn ya está importado) da
# cifras falsamente buenas. Por eso `measure_cold_warm` lanza **procesos nuevos** de Python: mide
# desde el arranque del intérprete hasta el final de la primera llamada (cold) y después repite la
# llamada en ese mismo proceso (caliente).

# %%
COLD_SETUP = f"""
import json, sys
sys.path.insert(0, {str(PROJECT / "src")!r})
from mangum import Mangum
from churn_project.api import Settings, create_app
from churn_project.api.model import load_by_alias
settings = Settings(api_keys=frozenset({{{API_KEY!r}}}), tracking_uri={STORE_URI!r})
app = create_app(settings)
app.state.model = load_by_alias(settings)   # el modelo campeón, por alias
handler = Mangum(app, lifespan="off")
event = json.loads({json.dumps(load_event("predict"))!r})
"""
COLD_CALL = 'assert handler(event, None)["statusCode"] == 200'
timings = measure_cold_warm(COLD_SETUP, COLD_CALL, runs=COLD_RUNS, warm_calls=WARM_CALLS)
COLD_MS = timings.cold_median_ms
WARM_P99_MS = timings.warm_p99_ms
print(
    f"cold start (mediana de {COLD_RUNS}): {COLD_MS:,.0f} ms — imports + modelo: {min(timings.setup_ms):,.0f} ms"
)
print(f"caliente: mediana {timings.warm_median_ms:.2f} ms, p99 {WARM_P99_MS:.2f} ms")
print(
    f"un cold start cuesta ≈ {COLD_MS / max(timings.warm_median_ms, 1e-3):,.0f} llamadas calientes"
)

# %% [markdown]
# El cold start es **órdenes de magnitud** más lento que una llamada caliente, y casi todo es
# importar FastAPI, MLflow y scikit-learn y leer el modelo del registro. En Lambda se suma además
# la descarga del paquete o de la imagen. El seed habla de cold starts de 100 ms a 3 s: tu cifra
# medida dice dónde cae **tu** servicio.
#
# Falta cuánto sirve **una tarea** de contenedor. La celda de abajo arranca tu API con uvicorn (un
# *worker*, como en el módulo 11) y le hace una prueba de carga corta con locust. Con eso el perfil
# del servicio deja de ser un supuesto: la duración de Lambda es tu llamada caliente, una tarea de
# 0,5 vCPU sirve la mitad de lo que sirve un *worker* con un núcleo entero y un nodo m5.large
# (2 vCPU), el doble.

# %%
SERVER_ENV = {**PROJECT_ENV, "CHURN_API_KEYS": API_KEY, "MLFLOW_TRACKING_URI": STORE_URI}
_body = json.loads(load_event("predict")["body"])
with serve(PROJECT, workers=1, env=SERVER_ENV) as server:
    LOAD = run_load_test(
        server.url,
        "/predict",
        body=_body,
        headers={"X-API-Key": API_KEY},
        users=LOAD_USERS,
        seconds=LOAD_SECONDS,
    )
print(f"prueba de carga: {LOAD.requests} peticiones, {LOAD.failures} fallos, {LOAD.rps:.0f} req/s")
PROFILE["duration_ms"] = max(1, math.ceil(timings.warm_median_ms))
PROFILE["task_rps"] = max(1, round(LOAD.rps * PROFILE["task_vcpu"]))
PROFILE["node_rps"] = max(1, round(LOAD.rps * 2))
print("Perfil del servicio:", PROFILE)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 20 min.*
#
# ## 3. El costo mensual, con precios de lista citados
#
# Los precios viven en `assets/aws_deploy_prices.yaml`: cada uno con valor, unidad, región
# (us-east-1), la página de precios de AWS de donde sale y la fecha en que se sabe que es el precio
# de lista. **Los precios cambian**: para actualizar uno, abre su página, elige US East (N.
# Virginia), copia el número y cambia `known_on` por la fecha de hoy. Lo que no sabemos con
# certeza (el balanceador de carga, que depende de conexiones y bytes) queda **fuera** y el
# archivo lo dice.

# %%
for name, price in PRICES.entries.items():
    print(f"{name:20} {price.value:<12g} {price.unit} — {price.source} ({price.known_on})")
print("Fuera del modelo:")
for item in PRICES.left_out:
    print(" -", item)

# %% [markdown]
# Las tres formas de pagar:
#
# - **Lambda + API Gateway**: por petición (Lambda y HTTP API) y por **GB-segundo** (la memoria
#   de la función × la duración, facturada en milisegundos enteros). Cero peticiones, cero costo.
# - **ECS/Fargate**: por **vCPU-hora** y **GB-hora** de cada tarea encendida, todo el mes (730 h).
#   Cuántas tareas: las que pide el tráfico con el throughput **medido** de una tarea, y nunca
#   menos de **2** (una se cae, la otra sirve).
# - **EKS**: el **plano de control** (por clúster-hora) más los **nodos** (instancias EC2),
#   dimensionados igual que las tareas, también con un mínimo de 2.
#
# El tráfico medio es `peticiones al mes / (730 × 3600)` peticiones por segundo.

# %% [markdown]
# ### Ejercicio 1 (funcional) · El costo mensual de las tres opciones
#
# Escribe `monthly_costs(monthly_requests, profile, prices)` que devuelva un diccionario con las
# claves `"lambda"`, `"ecs_fargate"` y `"kubernetes"` y el costo en USD al mes de cada opción,
# con `profile` como `PROFILE` y `prices` como `PRICES` (un `AwsPrices`: mira sus atributos
# `lambda_per_million_requests`, `apigw_per_million_requests`, `lambda_per_gb_second`,
# `fargate_per_vcpu_hour`, `fargate_per_gb_hour`, `eks_per_cluster_hour`, `node_per_hour` y
# `hours_per_month`):
#
# 1. Lambda = peticiones × (precio por millón de Lambda + el de HTTP API) / 10⁶ + GB-segundos ×
#    su precio, con la duración **redondeada hacia arriba** al milisegundo entero y la memoria en
#    GB (`memory_mb / 1024`).
# 2. Fargate y EKS pagan unidades encendidas todo el mes: `max(2, ⌈rps medio / rps de una
#    unidad⌉)` tareas (vCPU-hora y GB-hora) o nodos (nodo-hora), y EKS suma su plano de control.
# 3. Lanza `ValueError` (en español) si `monthly_requests` es negativo o si a `profile` le falta
#    una clave (el mensaje nombra la que falta).


# %% nbgrader={"grade": false, "grade_id": "monthly-costs", "locked": false, "schema_version": 3, "solution": true, "task": false}
def monthly_costs(monthly_requests, profile, prices):
    """Costo mensual (USD) de servir `monthly_requests` en Lambda, ECS/Fargate y EKS."""
    ### BEGIN SOLUTION
    if monthly_requests < 0:
        raise ValueError(f"monthly_requests no puede ser negativo: {monthly_requests}.")
    needed = ("duration_ms", "memory_mb", "task_rps", "task_vcpu", "task_memory_gb", "node_rps")
    for key in needed:
        if key not in profile:
            raise ValueError(f"Al perfil le falta la clave '{key}'.")
    hours = prices.hours_per_month
    rps = monthly_requests / (hours * 3600)
    per_request = (prices.lambda_per_million_requests + prices.apigw_per_million_requests) / 1e6
    gb_seconds = (
        monthly_requests * math.ceil(profile["duration_ms"]) / 1000 * profile["memory_mb"] / 1024
    )
    tasks = max(2, math.ceil(rps / profile["task_rps"]))
    nodes = max(2, math.ceil(rps / profile["node_rps"]))
    task_hour = (
        profile["task_vcpu"] * prices.fargate_per_vcpu_hour
        + profile["task_memory_gb"] * prices.fargate_per_gb_hour
    )
    return {
        "lambda": monthly_requests * per_request + gb_seconds * prices.lambda_per_gb_second,
        "ecs_fargate": tasks * task_hour * hours,
        "kubernetes": (prices.eks_per_cluster_hour + nodes * prices.node_per_hour) * hours,
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-costos-lambda", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el costo de Lambda a 1 millón de peticiones, con API Gateway y GB-segundos.
_costs = monthly_costs(1_000_000, PROFILE, PRICES)
assert set(_costs) == {"lambda", "ecs_fargate", "kubernetes"}, (
    f"Devuelve un diccionario con las claves lambda, ecs_fargate y kubernetes, no {sorted(_costs)}."
)
_expected = lambda_monthly_cost(1_000_000, PROFILE["duration_ms"], PROFILE["memory_mb"], PRICES)
assert math.isclose(_costs["lambda"], _expected, rel_tol=1e-9), (
    f"Lambda a 1M req/mes debe costar {_expected:.4f} USD y tu función da {_costs['lambda']:.4f}: "
    "suma el precio por petición de Lambda, el de HTTP API y los GB-segundos."
)
### BEGIN HIDDEN TESTS
# Duración facturada en ms enteros: 45.2 ms se paga como 46 ms.
_profile = {**PROFILE, "duration_ms": 45.2, "memory_mb": 512}
_got = monthly_costs(10_000_000, _profile, PRICES)["lambda"]
_expected = lambda_monthly_cost(10_000_000, 45.2, 512, PRICES)
assert math.isclose(_got, _expected, rel_tol=1e-9), (
    f"Con 45.2 ms y 512 MB espero {_expected:.4f} USD y das {_got:.4f}: redondea la duración hacia "
    "arriba al milisegundo entero y pasa la memoria a GB (/1024)."
)
assert monthly_costs(0, PROFILE, PRICES)["lambda"] == 0, "Sin peticiones, Lambda cuesta 0."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-costos-contenedores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: Fargate y EKS con el mínimo de 2 unidades y con las que pide el tráfico.
_low = monthly_costs(1_000_000, PROFILE, PRICES)
_far = fargate_monthly_cost(
    1_000_000, PROFILE["task_rps"], PROFILE["task_vcpu"], PROFILE["task_memory_gb"], PRICES
)
assert math.isclose(_low["ecs_fargate"], _far, rel_tol=1e-9), (
    f"Fargate a 1M req/mes debe costar {_far:.2f} USD (2 tareas todo el mes) y das {_low['ecs_fargate']:.2f}."
)
_eks = eks_monthly_cost(1_000_000, PROFILE["node_rps"], PRICES)
assert math.isclose(_low["kubernetes"], _eks, rel_tol=1e-9), (
    f"EKS a 1M req/mes debe costar {_eks:.2f} USD (plano de control + 2 nodos) y das {_low['kubernetes']:.2f}."
)
### BEGIN HIDDEN TESTS
_month_s = PRICES.hours_per_month * 3600
_p40 = {**PROFILE, "task_rps": 40, "node_rps": 160}  # cifras fijas: casos exactos conocidos
for _rps in (100, 120, 400, 1000):  # 120 rps / 40 = 3 tareas exactas; 100 / 40 = 2.5 → 3
    _r = _rps * _month_s
    _got = monthly_costs(_r, _p40, PRICES)
    _fargate = fargate_monthly_cost(_r, 40, _p40["task_vcpu"], _p40["task_memory_gb"], PRICES)
    _eks = eks_monthly_cost(_r, 160, PRICES)
    assert math.isclose(_got["ecs_fargate"], _fargate, rel_tol=1e-9), (
        f"A {_rps} rps medios espero {_fargate:.2f} USD en Fargate y das {_got['ecs_fargate']:.2f}: las tareas "
        "son ⌈rps / task_rps⌉ (hacia arriba), nunca menos de 2."
    )
    assert math.isclose(_got["kubernetes"], _eks, rel_tol=1e-9), (
        f"A {_rps} rps medios espero {_eks:.2f} USD en EKS y das {_got['kubernetes']:.2f}: nodos = "
        "⌈rps / node_rps⌉ (mínimo 2) más el plano de control."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-costos-entradas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: tráfico negativo y perfil incompleto dan ValueError en español.
try:
    monthly_costs(-1, PROFILE, PRICES)
except ValueError:
    pass
else:
    raise AssertionError("Con monthly_requests negativo, lanza ValueError.")
### BEGIN HIDDEN TESTS
_incomplete = {k: v for k, v in PROFILE.items() if k != "node_rps"}
try:
    monthly_costs(1_000, _incomplete, PRICES)
except ValueError as _exc:
    assert "node_rps" in str(_exc), f"El mensaje debe nombrar la clave que falta (node_rps): {_exc}"
else:
    raise AssertionError("Si a profile le falta node_rps, lanza ValueError nombrándola.")
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h.*
#
# ## 4. El punto de equilibrio
#
# Lambda crece en línea recta con el tráfico; Fargate y EKS son **escalones**: planos mientras las
# unidades mínimas alcanzan, y un escalón por cada unidad más. Donde la recta cruza el escalón
# está el **punto de equilibrio**: por debajo conviene una opción, por encima la otra. Buscarlo
# probando cada valor entre 0 y mil millones es inviable; la **bisección** lo encuentra en unas
# 30 evaluaciones, porque cada paso parte el intervalo por la mitad.

# %% [markdown]
# ### Ejercicio 2 (seguro) · El tráfico en el que dos opciones cuestan lo mismo
#
# Seguro: una decisión de infraestructura no puede apoyarse en un punto de equilibrio inventado;
# si las curvas no se cruzan, la función lo dice, y rechaza rangos sin sentido.
#
# Escribe `break_even_requests(cost_a, cost_b, low, high)`, con `cost_a` y `cost_b` funciones del
# tráfico mensual que devuelven USD, que:
#
# 1. devuelva el **menor** tráfico entero de `[low, high]` en el que la opción que era más barata
#    en `low` deja de ser **estrictamente** más barata;
# 2. devuelva `None` si el orden es el mismo en `low` y en `high` (no se cruzan en el rango);
# 3. lance `ValueError` (en español) si `low` o `high` no son enteros, si `low < 0` o si
#    `low >= high`;
# 4. evalúe cada curva **como mucho 64 veces** aunque el rango sea de mil millones (bisección).


# %% nbgrader={"grade": false, "grade_id": "break-even", "locked": false, "schema_version": 3, "solution": true, "task": false}
def break_even_requests(cost_a, cost_b, low, high):
    """Menor tráfico de [low, high] en el que se invierte qué opción es más barata, o None."""
    ### BEGIN SOLUTION
    if (
        not isinstance(low, int)
        or not isinstance(high, int)
        or isinstance(low, bool)
        or isinstance(high, bool)
    ):
        raise ValueError("low y high deben ser enteros (peticiones al mes).")
    if low < 0 or low >= high:
        raise ValueError(f"El rango debe cumplir 0 <= low < high: recibí low={low}, high={high}.")

    leader, other = (cost_a, cost_b) if cost_a(low) < cost_b(low) else (cost_b, cost_a)

    def still_cheaper(requests):
        return leader(requests) < other(requests)

    if not still_cheaper(low):  # cuestan lo mismo en low
        return low
    if still_cheaper(high):
        return None
    lo, hi = low, high  # still_cheaper(lo) y no still_cheaper(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if still_cheaper(mid):
            lo = mid
        else:
            hi = mid
    return hi
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-equilibrio-rectas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el punto exacto entre dos rectas, en los dos órdenes.
_a = lambda r: 2.0 * r  # noqa: E731
_b = lambda r: r + 100.0  # noqa: E731
assert break_even_requests(_a, _b, 0, 1_000) == 100, (
    f"2r y r + 100 se igualan en r = 100 y das {break_even_requests(_a, _b, 0, 1_000)}: devuelve el "
    "menor tráfico en el que la más barata deja de ser estrictamente más barata."
)
assert break_even_requests(_b, _a, 0, 1_000) == 100, (
    "El resultado no depende del orden de las curvas."
)


### BEGIN HIDDEN TESTS
def _lambda_curve(r):
    return lambda_monthly_cost(r, PROFILE["duration_ms"], PROFILE["memory_mb"], PRICES)


def _fargate_curve(r):
    return fargate_monthly_cost(r, 40, 0.5, 1.0, PRICES)


_point = break_even_requests(_lambda_curve, _fargate_curve, 0, 1_000_000_000)
_expected = break_even(_lambda_curve, _fargate_curve, 0, 1_000_000_000)
assert _point == _expected, (
    f"Lambda y Fargate se igualan en {_expected:,} req/mes y das {_point}: el resultado es un entero "
    "exacto, el primero en el que Lambda deja de ser más barata."
)
assert _lambda_curve(_point) >= _fargate_curve(_point)
assert _lambda_curve(_point - 1) < _fargate_curve(_point - 1)
assert break_even_requests(lambda r: r, lambda r: 500.0, 0, 1000) == 500
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-equilibrio-sin-cruce", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: curvas que no se cruzan en el rango dan None.
_got = break_even_requests(lambda r: r, lambda r: r + 10.0, 0, 1_000)
assert _got is None, f"r y r + 10 nunca se cruzan: devuelve None, no {_got!r}."
### BEGIN HIDDEN TESTS
_got = break_even_requests(lambda r: 2.0 * r, lambda r: r + 100.0, 0, 50)
assert _got is None, f"2r y r + 100 se cruzan en 100, fuera de [0, 50]: devuelve None, no {_got!r}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-equilibrio-rango", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: rangos sin sentido dan ValueError.
for _low, _high in ((10, 10), (100, 5)):
    try:
        break_even_requests(lambda r: r, lambda r: 1.0, _low, _high)
    except ValueError:
        pass
    else:
        raise AssertionError(f"Con low={_low} y high={_high} (low >= high), lanza ValueError.")
### BEGIN HIDDEN TESTS
for _low, _high in ((-5, 10), (0, 10.5)):
    try:
        break_even_requests(lambda r: 3 * r, lambda r: 7.0, low=_low, high=_high)
    except ValueError:
        pass
    else:
        raise AssertionError(
            f"Con low={_low} y high={_high}, lanza ValueError (enteros y low >= 0)."
        )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-equilibrio-evaluaciones", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: un rango de mil millones con pocas evaluaciones (bisección, no un barrido).
_calls = []


def _counted(r):
    _calls.append(r)
    return float(r)


_got = break_even_requests(_counted, lambda r: 123_456_789.0, 0, 1_000_000_000)
assert len(_calls) <= 64, (
    f"Evaluaste la curva {len(_calls)} veces: parte el intervalo por la mitad en cada paso "
    "(bisección) y bastan unas 30."
)
assert _got == 123_456_789, f"r y 123 456 789 se igualan en 123 456 789, no en {_got}."

# %% [markdown]
# Con tu función (o la de referencia si aún no la resolviste), los dos puntos de equilibrio del
# perfil del servicio y la gráfica de las tres opciones, con las fronteras del seed (1M y 100M)
# en gris:


# %%
def _costs_for(option):
    """La curva de costo de `option`: la tuya del Ejercicio 1 si funciona; si no, la de referencia."""
    try:
        monthly_costs(1_000, PROFILE, PRICES)
        return lambda r: monthly_costs(r, PROFILE, PRICES)[option]
    except Exception:
        reference = {
            "lambda": lambda r: lambda_monthly_cost(
                r, PROFILE["duration_ms"], PROFILE["memory_mb"], PRICES
            ),
            "ecs_fargate": lambda r: fargate_monthly_cost(
                r, PROFILE["task_rps"], PROFILE["task_vcpu"], PROFILE["task_memory_gb"], PRICES
            ),
            "kubernetes": lambda r: eks_monthly_cost(r, PROFILE["node_rps"], PRICES),
        }
        return reference[option]


CURVES = {option: _costs_for(option) for option in OPTIONS}
BREAK_EVENS = {
    "Lambda = Fargate": break_even(CURVES["lambda"], CURVES["ecs_fargate"], 0, 10**9),
    "Lambda = EKS": break_even(CURVES["lambda"], CURVES["kubernetes"], 0, 10**9),
    "Fargate = EKS": break_even(CURVES["ecs_fargate"], CURVES["kubernetes"], 0, 10**9),
}
for label, point in BREAK_EVENS.items():
    print(
        f"{label:17}",
        "no se cruzan hasta 1 000 millones" if point is None else f"{point:,} req/mes",
    )
FIGURE = plot_monthly_costs(
    {
        "AWS Lambda": CURVES["lambda"],
        "ECS/Fargate": CURVES["ecs_fargate"],
        "Kubernetes (EKS)": CURVES["kubernetes"],
    },
    traffic_grid(10_000, 1_000_000_000, 120),
    break_evens=BREAK_EVENS,
)
FIGURE.savefig(WS / "costo_mensual.png", dpi=100)
display(Image(filename=str(WS / "costo_mensual.png")))

# %% [markdown]
# Tres lecturas de la gráfica:
#
# - Por debajo de unos millones de peticiones al mes Lambda cuesta **centavos o pocos dólares**;
#   las dos tareas mínimas de Fargate cuestan lo mismo con tráfico o sin él.
# - El cruce Lambda = EKS cae cerca de los **100M** del seed; el cruce Lambda = Fargate, bastante
#   más arriba que el **1M** del seed: con el costo de un equipo que opera la plataforma (que este
#   modelo no cuenta), la frontera baja.
# - Con precios de lista y este perfil, **EKS no le gana a Fargate** en todo el rango: un nodo
#   m5.large cuesta casi lo mismo que las tareas que reemplaza y el plano de control se suma.
#   Kubernetes se justifica por otras cosas (picos, muchos servicios en el mismo clúster, Spot,
#   un equipo que ya lo opera), no por el precio de lista de un solo servicio.

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 40 min.*
#
# ## 5. ¿Cuántas peticiones pagan el cold start?
#
# El modelo, dicho entero (sus supuestos son parte de la respuesta):
#
# - las peticiones llegan al azar (un proceso de Poisson) al ritmo medio del mes, `rps`;
# - un solo entorno caliente las atiende (concurrencia ≤ 1: cierto para tráficos bajos, que es
#   donde el cold start importa) y AWS lo recicla tras `idle_timeout_s` segundos sin peticiones.
#   **AWS no publica ese valor**: es un parámetro del modelo, no un dato;
# - una petición es fría si no llegó ninguna en los `idle_timeout_s` segundos anteriores:
#   fracción fría = `exp(-rps × idle_timeout_s)`;
# - cada petición tarda lo caliente o lo frío (caliente + cold start). Con el p99 «del rango más
#   cercano», el p99 es la latencia fría en cuanto **más del 1 %** de las peticiones son frías.
#
# A más tráfico, menos cold starts: es la cara amable de Lambda a tráfico alto (la cara cara es
# el costo, §4). Lo que el modelo no ve: los cold starts de cada escalado en un pico.

# %% [markdown]
# ### Ejercicio 3 (escalable) · La parte fría del p99 según el tráfico
#
# Escalable: la latencia de cola cambia con la carga; este cálculo dice a partir de qué tráfico
# los cold starts dejan de tocar tu p99.
#
# Escribe `cold_start_p99(monthly_requests, idle_timeout_s, warm_ms, cold_ms, hours_per_month)`
# que devuelva un diccionario `{"cold_share": …, "p99_ms": …}`:
#
# 1. `cold_share` = `exp(-rps × idle_timeout_s)`, con `rps = monthly_requests / (hours_per_month ×
#    3600)`.
# 2. `p99_ms` = `cold_ms` si `cold_share` es **mayor** que 0.01 (1 %); si no, `warm_ms`.
# 3. Lanza `ValueError` (en español) si `monthly_requests < 0`, si `idle_timeout_s <= 0` o si
#    `cold_ms < warm_ms`.


# %% nbgrader={"grade": false, "grade_id": "cold-start-p99", "locked": false, "schema_version": 3, "solution": true, "task": false}
def cold_start_p99(monthly_requests, idle_timeout_s, warm_ms, cold_ms, hours_per_month):
    """Fracción de peticiones frías y p99 (ms) del modelo de la §5."""
    ### BEGIN SOLUTION
    if monthly_requests < 0:
        raise ValueError(f"monthly_requests no puede ser negativo: {monthly_requests}.")
    if idle_timeout_s <= 0:
        raise ValueError(f"idle_timeout_s debe ser mayor que 0: {idle_timeout_s}.")
    if cold_ms < warm_ms:
        raise ValueError(f"cold_ms ({cold_ms}) no puede ser menor que warm_ms ({warm_ms}).")
    rps = monthly_requests / (hours_per_month * 3600)
    share = math.exp(-rps * idle_timeout_s)
    return {"cold_share": share, "p99_ms": cold_ms if share > 0.01 else warm_ms}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-frio-fraccion", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: la fracción fría de un tráfico bajo y de uno alto.
_month_s = 730 * 3600
_got = cold_start_p99(_month_s * 0.01, 100, 20, 1500, 730)["cold_share"]
assert math.isclose(_got, math.exp(-1), rel_tol=1e-9), (
    f"A 0.01 rps con 100 s de espera, la fracción fría es exp(-1) = {math.exp(-1):.4f} y das {_got:.4f}."
)
### BEGIN HIDDEN TESTS
for _requests, _timeout in ((0, 600), (10_000, 600), (200_000, 300), (5_000_000, 900)):
    _rps = mean_rps(_requests, PRICES)
    _expected = cold_share(_rps, _timeout)
    _got = cold_start_p99(_requests, _timeout, 20, 1500, 730)["cold_share"]
    assert math.isclose(_got, _expected, rel_tol=1e-9, abs_tol=1e-300), (
        f"A {_requests:,} req/mes con {_timeout} s, la fracción fría es {_expected:.3g} y das {_got:.3g}: "
        "usa exp(-rps × idle_timeout_s), no una aproximación lineal."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-frio-p99", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: el p99 cae en la latencia fría solo con más del 1 % de peticiones frías.
_few = cold_start_p99(10_000, 600, 20, 1500, 730)  # ≈ 10 % frías
assert _few["p99_ms"] == 1500, (
    f"Con ≈ 10 % de peticiones frías el p99 es el frío (1500 ms), no {_few['p99_ms']}."
)
_many = cold_start_p99(5_000_000, 600, 20, 1500, 730)
assert _many["p99_ms"] == 20, (
    f"Con casi ninguna petición fría el p99 es el caliente (20 ms), no {_many['p99_ms']}."
)
### BEGIN HIDDEN TESTS
# Por debajo del 1 % (aquí 0.1 %), el p99 sigue siendo caliente.
_r = math.log(100) / 600 * _month_s
_tiny = cold_start_p99(_r * 1.5, 600, 20, 1500, 730)
assert _tiny["cold_share"] > 0 and _tiny["p99_ms"] == 20, (
    "Unas pocas peticiones frías (menos del 1 %) no mueven el p99: solo cuando pasan del 1 %."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-frio-entradas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: entradas sin sentido dan ValueError.
try:
    cold_start_p99(1_000, 0, 20, 1500, 730)
except ValueError:
    pass
else:
    raise AssertionError("Con idle_timeout_s = 0, lanza ValueError.")
### BEGIN HIDDEN TESTS
for _args in ((-1, 600, 20, 1500, 730), (1_000, 600, 2000, 1500, 730)):
    try:
        cold_start_p99(*_args)
    except ValueError:
        pass
    else:
        raise AssertionError(f"Con {_args} (tráfico negativo o frío < caliente), lanza ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Con tus cifras medidas de la §2 (el cold start y el p99 caliente), ¿desde qué tráfico deja el
# cold start de tocar el p99? Con 10 minutos de espera, unas decenas de miles de peticiones al mes
# bastan; con 1 minuto, hacen falta más:

# %%
for timeout in (60, 300, 600):
    threshold = math.log(100) / timeout * PRICES.hours_per_month * 3600  # cold_share = 1 %
    print(
        f"espera {timeout:>3} s: el p99 deja de ser frío por encima de ≈ {threshold:,.0f} req/mes"
    )
for requests in (5_000, 50_000, MONTHLY_REQUESTS):
    share = cold_share(mean_rps(requests, PRICES), 300)
    p99 = p99_ms(share, max(WARM_P99_MS, 0.01), max(COLD_MS, WARM_P99_MS, 0.01))
    print(f"{requests:>10,} req/mes: {share:.2%} frías → p99 ≈ {p99:,.1f} ms")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 20 min.*
#
# ## 6. La matriz del seed, con tus cifras
#
# La matriz «¿dónde desplegar?» del seed, como ayuda de decisión: mueve el tráfico, el p99 que
# exige el negocio, el tamaño del equipo y dos entradas que vienen de **tus mediciones**: el cold
# start medido (§2) y la opción más barata según tu modelo de costos (§3). La tabla estática de
# abajo se lee sin kernel; las advertencias «cuándo NO» de cada opción están en ella.

# %%
show_aid("deployment", "12_despliegue_hibrido")

# %% [markdown]
# ### Ejercicio 4 (escalable) · Elegir con un SLO, el equipo y tus cifras
#
# Escalable: lo que un equipo puede operar y el tráfico que llega deciden la plataforma; la
# recomendación debe usar tus cifras medidas, no las del folleto.
#
# Escribe `choose_deployment(monthly_requests, p99_slo_ms, team_size, has_peaks, cold_ms, costs)`
# que devuelva la recomendación (`Recommendation`) de la ayuda `"deployment"` llamando a
# `recommend("deployment", values)`, con `costs` como lo devuelve tu `monthly_costs`:
#
# 1. `values` lleva el tráfico (`monthly_requests`), el SLO (`p99_latency_ms`), el equipo
#    (`ops_team_size`) y los picos (`has_traffic_peaks`).
# 2. `values` lleva también tus cifras: `measured_cold_start_ms` = `cold_ms` **redondeado hacia
#    arriba** a ms enteros, y `cheapest_by_cost_model` = la opción **más barata** de `costs`.
# 3. Lanza `ValueError` (en español) si las claves de `costs` no son exactamente `"lambda"`,
#    `"ecs_fargate"` y `"kubernetes"`, o si `cold_ms <= 0`.


# %% nbgrader={"grade": false, "grade_id": "choose-deployment", "locked": false, "schema_version": 3, "solution": true, "task": false}
def choose_deployment(monthly_requests, p99_slo_ms, team_size, has_peaks, cold_ms, costs):
    """La recomendación de la ayuda «¿dónde desplegar?» con el SLO, el equipo y tus cifras."""
    ### BEGIN SOLUTION
    if set(costs) != {"lambda", "ecs_fargate", "kubernetes"}:
        raise ValueError(
            f"costs debe tener lambda, ecs_fargate y kubernetes; tiene {sorted(costs)}."
        )
    if cold_ms <= 0:
        raise ValueError(f"cold_ms debe ser mayor que 0: {cold_ms}.")
    values = {
        "monthly_requests": monthly_requests,
        "p99_latency_ms": p99_slo_ms,
        "ops_team_size": team_size,
        "has_traffic_peaks": has_peaks,
        "measured_cold_start_ms": math.ceil(cold_ms),
        "cheapest_by_cost_model": min(costs, key=costs.get),
    }
    return recommend("deployment", values)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-elegir-entradas-seed", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el tráfico, el SLO, el equipo y los picos llegan a la ayuda.
_costs = {"lambda": 5.0, "ecs_fargate": 36.0, "kubernetes": 213.0}
_rec = choose_deployment(500_000_000, 3000, 6, True, 800.0, _costs)
for _key, _value in (
    ("monthly_requests", 500_000_000),
    ("p99_latency_ms", 3000),
    ("ops_team_size", 6),
    ("has_traffic_peaks", True),
):
    assert _rec.inputs[_key] == _value, (
        f"La ayuda recibió {_key}={_rec.inputs[_key]!r}; debe recibir {_value!r}."
    )
assert _rec.best.option_id == "kubernetes", (
    f"500M req/mes con picos y 6 personas: Kubernetes, no {_rec.best.option_id}."
)
### BEGIN HIDDEN TESTS
_rec = choose_deployment(
    50_000_000, 2500, 5, True, 800.0, {"lambda": 90.0, "ecs_fargate": 36.0, "kubernetes": 213.0}
)
assert _rec.inputs["has_traffic_peaks"] is True, "Pasa has_peaks como has_traffic_peaks."
_wanted = {"monthly_requests": 50_000_000, "p99_latency_ms": 2500, "ops_team_size": 5}
_wrong = {name: _rec.inputs[name] for name in _wanted if _rec.inputs[name] != _wanted[name]}
assert not _wrong, f"La ayuda recibió {_wrong}; debe recibir {_wanted}."
# Lo que la ayuda recomienda con esas entradas (y las cifras medidas que tú le pasaste).
_same = recommend("deployment", dict(_rec.inputs))
assert _rec.best.option_id == _same.best.option_id, (
    "Devuelve la recomendación de recommend, sin cambiarla."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-elegir-cifras-medidas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: el cold start medido (hacia arriba) y la opción más barata llegan a la ayuda.
_costs = {"lambda": 5.0, "ecs_fargate": 36.0, "kubernetes": 213.0}
_rec = choose_deployment(500_000, 1000, 1, False, 812.3, _costs)
assert _rec.inputs["measured_cold_start_ms"] == 813, (
    f"cold_ms = 812.3 se pasa como 813 ms (hacia arriba), no {_rec.inputs['measured_cold_start_ms']!r}."
)
assert _rec.inputs["cheapest_by_cost_model"] == "lambda", (
    f"La más barata de {_costs} es lambda, no {_rec.inputs['cheapest_by_cost_model']!r}."
)
### BEGIN HIDDEN TESTS
# Un SLO de 1 s con un cold start medido de 800 ms: Lambda sirve (con el peor caso del seed, no).
_rec = choose_deployment(500_000, 1000, 1, False, 800.0, _costs)
assert _rec.best.option_id == "lambda", (
    f"Con p99 exigido de 1000 ms y cold start medido de 800 ms, Lambda cumple y gana; tu función da {_rec.best.option_id}: "
    "pasa tu cold start medido (measured_cold_start_ms)."
)
_score = {o.option_id: o.score for o in _rec.ranking}["lambda"]
_slow = choose_deployment(500_000, 1000, 1, False, 1200.0, _costs)
assert {o.option_id: o.score for o in _slow.ranking}["lambda"] < _score, (
    "Con un cold start medido de 1200 ms Lambda no cumple un p99 de 1000 ms: debe perder puntos."
)
_rec = choose_deployment(
    20_000_000, 3000, 3, False, 800.0, {"lambda": 40.0, "ecs_fargate": 36.0, "kubernetes": 30.0}
)
assert _rec.inputs["cheapest_by_cost_model"] == "kubernetes", (
    "La más barata es la de menor costo (min), aquí kubernetes."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-elegir-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: costos incompletos o un cold start imposible dan ValueError.
try:
    choose_deployment(1_000_000, 300, 3, False, 800.0, {"lambda": 1.0, "ecs_fargate": 2.0})
except ValueError:
    pass
else:
    raise AssertionError("Si costs no tiene las tres opciones, lanza ValueError.")
### BEGIN HIDDEN TESTS
for _cold, _costs in (
    (0.0, {"lambda": 1.0, "ecs_fargate": 2.0, "kubernetes": 3.0}),
    (800.0, {"lambda": 1.0, "ecs_fargate": 2.0, "kubernetes": 3.0, "gcp": 0.5}),
):
    try:
        choose_deployment(1_000_000, 300, 3, False, _cold, _costs)
    except ValueError:
        pass
    else:
        raise AssertionError(f"Con cold_ms={_cold} y costs={sorted(_costs)}, lanza ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 55 min.*
#
# ## 7. La decisión documentada: el ADR exportado de la ayuda
#
# Con el tráfico del servicio (`MONTHLY_REQUESTS`), un SLO de p99 de 1 s, un equipo de 2 personas,
# sin picos fuertes, tu cold start medido y tu modelo de costos, la ayuda recomienda y exporta un
# ADR a `workspace/12_despliegue_hibrido/adr/`. El ADR exportado es el **borrador**: en la §8 lo
# completas tú.
#
# La celda también guarda la capa 12 en **tu proyecto** y la deja en un commit: el ADR en
# `docs/adr/0001-despliegue.md` y el handler de Lambda `churn_project/api/lambda_handler.py` (la
# misma app con mangum, el modelo cargado al importar) con su test, `tests/test_lambda_handler.py`.

# %%
try:
    _my_costs = monthly_costs(MONTHLY_REQUESTS, PROFILE, PRICES)
except Exception:  # Ejercicio 1 sin resolver: las curvas de referencia
    _my_costs = {option: CURVES[option](MONTHLY_REQUESTS) for option in OPTIONS}
DECISION_VALUES = {
    "monthly_requests": MONTHLY_REQUESTS,
    "p99_latency_ms": 1000,
    "ops_team_size": 2,
    "has_traffic_peaks": False,
    "measured_cold_start_ms": max(1, math.ceil(COLD_MS)),
    "cheapest_by_cost_model": min(_my_costs, key=_my_costs.get),
}
AID = load_aid("deployment")
DECISION = recommend("deployment", DECISION_VALUES, aid=AID)
print(
    "Costos a", f"{MONTHLY_REQUESTS:,}", "req/mes:", {k: round(v, 2) for k, v in _my_costs.items()}
)
print(recommendation_text(AID, DECISION))
ADR_PATH = write_adr(AID, DECISION, "12_despliegue_hibrido")
print("ADR exportado:", ADR_PATH.relative_to(WS.parent))
display(Markdown(ADR_PATH.read_text(encoding="utf-8")))

# La capa 12 en tu proyecto: tu ADR en docs/adr/ y el handler de Lambda con su test.
PROJECT_ADR = PROJECT / "docs" / "adr" / "0001-despliegue.md"
PROJECT_ADR.parent.mkdir(parents=True, exist_ok=True)
PROJECT_ADR.write_text(ADR_PATH.read_text(encoding="utf-8"), encoding="utf-8")
apply_layer(PROJECT, "12", exclude=("docs/adr/0001-despliegue.md",))
commit = commit_all(
    PROJECT, PROJECT_ENV, "la decisión de despliegue y el handler de Lambda", module="12"
)
print("commit", commit, "· en el proyecto:", PROJECT_ADR.relative_to(PROJECT))

# %% [markdown]
# ## 8. Cuándo NO usar cada opción
#
# - **Lambda, no**: con un p99 estricto y un cold start medido mayor que él (salvo que pagues
#   *provisioned concurrency*); con tráfico alto y sostenido (la recta de §4 supera al escalón);
#   con modelos o dependencias que no caben en los límites de paquete y memoria de una función.
# - **ECS/Fargate, no**: con tráfico casi nulo (las dos tareas cuestan igual sin peticiones); si
#   ya operas Kubernetes con un equipo de 5+ personas (otra plataforma duplica el esfuerzo).
# - **Kubernetes, no**: con menos de 5 personas de operaciones; para un solo servicio pequeño (el
#   plano de control y los nodos cuestan aunque no haya peticiones).
# - **Este modelo de costos, no**: como presupuesto. Deja fuera el balanceador, la red, los logs,
#   los descuentos (Savings Plans, Spot) y el costo de las personas. Sirve para comparar órdenes
#   de magnitud y encontrar fronteras, no para firmar un presupuesto.
#
# ### ADRs del módulo
#
# ```text
# ADR-12-01: Precios de lista de AWS como datos citados y fechados
#
# CONTEXTO:
# El modelo de costos de la §6 compara Lambda, Fargate y EKS con precios que AWS cambia sin
# aviso y que dependen de la región. Un número escrito en una celda no dice de dónde salió ni
# cuándo, y nadie sabe si sigue valiendo cuando alguien lee el cuaderno un año después.
#
# DECISIÓN:
# Cada precio vive en assets/aws_deploy_prices.yaml con valor, unidad, región, la página de AWS
# de la que salió y la fecha en que se leyó. El cargador rechaza un precio sin fuente o sin
# fecha. Lo que no sabemos con certeza (el balanceador, la transferencia de datos) queda fuera
# del modelo y el archivo lo dice.
#
# CONSECUENCIAS:
# (+) Actualizar un precio es cambiar una línea y su fecha; el diff dice qué cambió.
# (+) Nadie confunde una estimación con una factura: cada cifra muestra su fuente y su fecha.
# (-) El modelo envejece si nadie revisa las fechas; el cargador no puede saber si AWS cambió.
# (-) Lo que queda fuera (balanceador, red, logs) hace que el costo real sea mayor.
#
# ALTERNATIVAS RECHAZADAS:
# - Consultar la API de precios de AWS (Price List API) en cada ejecución: necesita red y
#   credenciales, y el cuaderno tiene que correr sin red y dar las mismas cifras en la CI.
# - Constantes en el código del módulo: sin fuente ni fecha, envejecen sin que se note.
# - Una calculadora externa (AWS Pricing Calculator): no se versiona ni se prueba, y no deja
#   buscar el punto de equilibrio por bisección.
# ```
#
# ```text
# ADR-12-02: La misma app ASGI en contenedor y en Lambda, con mangum y el modelo cargado al importar
#
# CONTEXTO:
# La API del módulo 11 es una app ASGI que corre con uvicorn en un contenedor. Lambda no habla
# ASGI: llama a handler(event, context) con un evento de API Gateway. Mantener dos APIs (una por
# plataforma) duplica validaciones, errores y tests, y la decisión de plataforma (ADR-12-03)
# tiene que poder revisarse sin reescribir nada.
#
# DECISIÓN:
# Un adaptador (mangum) envuelve la misma app para Lambda. El modelo se carga al importar el
# módulo del handler, una vez por entorno de ejecución, y no en el lifespan de la app, porque
# mangum lo ejecuta en cada invocación. Los eventos de API Gateway 2.0 se prueban en local con
# el handler real, sin AWS.
#
# CONSECUENCIAS:
# (+) Cambiar de plataforma no obliga a reescribir la API: es otra forma de arrancar la misma app.
# (+) El cold start paga la carga del modelo una vez por entorno; las invocaciones calientes no.
# (-) El import del handler (scikit-learn, el modelo) es parte de la latencia del cold start.
# (-) Un fallo al cargar el modelo rompe el import: Lambda lo muestra como error de inicio, no
#     como el 503 con motivo que devuelve /ready en el contenedor.
#
# ALTERNATIVAS RECHAZADAS:
# - Un handler de Lambda escrito a mano que valida el evento y llama al modelo: segunda copia de
#   la validación y de los errores, que se separa de la API con el primer cambio.
# - Cargar el modelo en el lifespan: con mangum se cargaría en cada invocación (segundos por
#   petición).
# - Una imagen de contenedor para Lambda con el servidor web de la app (Lambda Web Adapter):
#   válida, pero añade una pieza más que el curso no enseña y no cambia la decisión de fondo.
# ```

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 5 min.*
#
# ## 9. Respuesta escrita (calificada a mano) · La decisión documentada
#
# Abre el ADR que exportó la §7 y **complétalo** aquí, en **8 a 12 líneas**: la opción elegida
# para el servicio de churn con **tres cifras** tuyas de este cuaderno (cold start medido, un
# costo mensual y un punto de equilibrio), el SLO y el equipo que supones, **una** advertencia
# «cuándo NO» que aplica a tu elección y qué cifra, si cambia, te haría cambiar de opción (con su
# umbral).

# %% [markdown] nbgrader={"grade": true, "grade_id": "decision-documentada", "locked": false, "points": 4, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-12-03: Desplegar la API de churn en ECS/Fargate mientras el cold start medido supere el SLO**
#
# Contexto: ~3M req/mes sin picos fuertes, SLO de p99 de 1 s, 2 personas de operaciones. Medí un
# cold start de ~4 s (proceso nuevo que importa scikit-learn, en una computadora compartida) y un
# camino caliente de menos de 1 ms. Decisión: ECS/Fargate, dos tareas, ~36 USD/mes. Lambda
# costaría ~6 USD/mes y a 3M req/mes casi ninguna petición es fría (< 0,01 % con 5 min de
# espera), pero de noche y tras cada despliegue los cold starts de 4 s rompen el SLO, y
# provisioned concurrency se come el ahorro. El equilibrio Lambda = Fargate está en ~18M req/mes:
# por encima, Fargate además es más barato. Cuándo NO: con tráfico casi nulo, las dos tareas se
# pagan igual. Revisión: si el cold start medido baja de 1 s (imports y modelo más livianos) o el
# SLO sube a 5 s, pasar a Lambda con la misma app (mangum).
#
# **Rúbrica (instructor), 4 puntos:**
#
# - **1 punto · Decisión clara** con contexto (tráfico, SLO, equipo) y opción elegida. Vale
#   cualquier opción bien justificada: también Lambda, si usa la fracción fría de la §5 para
#   argumentar que el cold start no llega al p99 a su tráfico.
# - **1 punto · Tres cifras propias** (cold start medido, un costo, un punto de equilibrio) que
#   coinciden en orden de magnitud con las del cuaderno. 0.5 con una o dos.
# - **1 punto · Un «cuándo NO»** que de verdad aplica a la opción elegida.
# - **1 punto · Umbral de revisión**: qué cifra y qué valor cambian la decisión. 0 si dice «revisar
#   si cambia algo» sin número.
# - Longitud: por encima de ~16 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 10. Cierre
#
# ### Resumen
#
# - Una API ASGI corre en Lambda con un **adaptador** (mangum); los eventos de API Gateway 2.0 se
#   prueban en local, sin AWS.
# - Un cold start se mide en un **proceso nuevo**; en el cuaderno, todo ya está importado.
# - Lambda es una **recta** (por petición), Fargate y EKS son **escalones** (por unidad encendida):
#   el punto de equilibrio se encuentra por bisección.
# - La fracción de peticiones frías baja exponencialmente con el tráfico; solo por encima del 1 %
#   llega al p99.
# - La matriz del seed da el marco; tus cifras medidas y tu modelo de costos mueven la decisión.
#
# ### Checklist del entregable («Decisión documentada»)
#
# - [ ] Los tests visibles de los cuatro ejercicios pasan.
# - [ ] `workspace/12_despliegue_hibrido/adr/ADR-deployment-NNN.md` existe (§7).
# - [ ] Tu respuesta escrita completa ese ADR con tres cifras tuyas y un umbral de revisión.
#
# ### Autoevaluación
#
# 1. ¿Por qué medir el cold start en el mismo kernel del cuaderno da una cifra falsa?
# 2. ¿Por qué Fargate cuesta lo mismo con 0 y con 1 millón de peticiones al mes?
# 3. Tu tráfico se duplica. ¿Sube o baja la fracción de peticiones frías?
# 4. ¿Qué costo que no está en el modelo podría cambiar la decisión entre Fargate y Kubernetes?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Los imports (numpy, scikit-learn) ya están en memoria: el cold start es sobre todo eso.
# 2. Paga tareas encendidas (mínimo 2), no peticiones. 3. Baja: `exp(-rps × espera)` decrece con
# `rps`. 4. El de las personas que operan la plataforma, y los descuentos (Spot, Savings Plans).
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [serverless](../18_glosario/18_glosario.ipynb#serverless) ·
# [función Lambda](../18_glosario/18_glosario.ipynb#funcion-lambda) ·
# [cold start](../18_glosario/18_glosario.ipynb#cold-start) ·
# [provisioned concurrency](../18_glosario/18_glosario.ipynb#provisioned-concurrency) ·
# [API Gateway](../18_glosario/18_glosario.ipynb#api-gateway) ·
# [adaptador ASGI](../18_glosario/18_glosario.ipynb#adaptador-asgi) ·
# [ECS/Fargate](../18_glosario/18_glosario.ipynb#ecs-fargate) ·
# [tarea](../18_glosario/18_glosario.ipynb#tarea-ecs) ·
# [EKS](../18_glosario/18_glosario.ipynb#eks) ·
# [plano de control](../18_glosario/18_glosario.ipynb#plano-control) ·
# [nodo](../18_glosario/18_glosario.ipynb#nodo) ·
# [punto de equilibrio](../18_glosario/18_glosario.ipynb#punto-equilibrio) ·
# [p99](../18_glosario/18_glosario.ipynb#percentil) ·
# [SLO](../18_glosario/18_glosario.ipynb#slo).
#
# ### Para saber más
#
# - AWS: páginas de precios de Lambda, API Gateway, Fargate, EKS y EC2 (enlazadas en
#   `assets/aws_deploy_prices.yaml`).
# - AWS: «Create AWS Lambda proxy integrations for HTTP APIs in API Gateway» (formato 2.0).
# - mangum: documentación del adaptador (lifespan, tipos de evento).
#
# **Siguiente:** Módulo 13 · Terraform modular: la infraestructura de esta decisión, como código.
