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
# # Módulo 02 · Diseño de sistemas ML
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 1 · El puente hacia la ingeniería (semanas 1–3) |
# | **Tiempo estimado** | ≈ 4 h 35 min: lectura y demos 75 min, ejercicios 170 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00 (ROI, ADR, el caso de churn) y módulo 01 (tipos, pydantic). Nada de arquitectura. |
# | **Entregable** | `workspace/02_diseno_sistemas/ML_CANVAS.md` y `c4_container.mmd`: el ML Canvas del caso de churn y su diagrama C4 de contenedores |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Rellenar** un ML Canvas concreto (propuesta de valor, tarea, decisiones, datos, features,
#    evaluación, monitorización, impacto) que supere una revisión automática de calidad
#    (Ejercicios 1 y 2).
# 2. **Ligar** la métrica de éxito a una decisión y a un baseline, y **cuantificar** el costo de los
#    errores en euros (§3 y Ejercicio 1).
# 3. **Estimar** QPS medio y de pico y almacenamiento anual con una cuenta de servilleta que rechaza
#    entradas absurdas (Ejercicio 3).
# 4. **Dibujar** la arquitectura con el modelo C4 en Mermaid y **generar** un diagrama de contenedores
#    válido a partir de datos (§4 y Ejercicio 4).
# 5. **Elegir** inferencia batch, online o streaming, y lago, almacén o lakehouse, justificando el
#    trade-off en un ADR (Ejercicio 5 y respuesta escrita).
#
# > **Mentalidad Senior (Fase 1):** Un Senior no escribe código que «funciona». Escribe código que
# > **otros pueden mantener, testear y escalar**.
#
# En este módulo, «escalar» empieza antes del código: un sistema que nadie ha diseñado no se
# mantiene, porque nadie sabe qué decide, con qué datos ni cómo se sabe si funciona.

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en el módulo 00: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y `raise NotImplementedError()` son tuyas; debajo de cada una hay tests
# visibles (si no imprimen nada, pasan) y al calificar se añaden tests ocultos. Todo lo que escribe
# el cuaderno va a tu carpeta de trabajo, `module_workspace("02_diseno_sistemas")`.
#
# El módulo sigue el orden en que un equipo diseña un sistema de ML:
#
# ```mermaid
# flowchart LR
#     A["¿Qué decisión mejora?<br/>ML Canvas"] --> B["¿Cuánto vale acertar?<br/>costo de errores, baseline"]
#     B --> C["¿Qué piezas hay?<br/>C4: contexto y contenedores"]
#     C --> D["¿Cuándo se predice?<br/>batch, online, streaming"]
#     D --> E["¿Cuánto aguanta?<br/>QPS y almacenamiento"]
#     E --> F["ADR + ML_CANVAS.md"]
# ```

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # filas del conjunto sintético de clientes
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import math

import numpy as np
import pandas as pd
from IPython.display import Markdown, display
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m02_design import (
    CANVAS_SECTIONS,
    Baseline,
    C4Element,
    C4Relation,
    CanvasError,
    ErrorCosts,
    MLCanvas,
    SuccessMetric,
    c4_problems,
    parse_c4,
    review_canvas,
    show_mermaid,
)
from mlops_course.machinery.decision_aids import recommend, show_aid
from mlops_course.machinery.workspace import module_workspace

# Tu carpeta de trabajo para este módulo (se crea si no existe).
WORKSPACE = module_workspace("02_diseno_sistemas")
WORKSPACE

# %% [markdown]
# ## 1. El fallo: un modelo excelente que nadie sabe para qué sirve
#
# Una escena habitual. Un data scientist entrega un modelo de churn con un ROC AUC de 0.81. Tres
# semanas después nadie lo usa. Marketing no sabía qué hacer con una probabilidad; el equipo de
# datos no sabía que la campaña se lanza los lunes y que la lista debía estar antes de las 8:00;
# nadie había acordado contra qué se compara («¿0.81 es mucho?») ni cuánto cuesta llamar a un
# cliente que no se iba a ir. El modelo era bueno; **el sistema no estaba diseñado**.
#
# Sculley et al. (2015, *Hidden Technical Debt in Machine Learning Systems*) lo dibujan así: el
# código del modelo es una caja pequeña en el centro de un sistema mucho mayor (recogida de datos,
# features, serving, monitorización, configuración). Este módulo trata de diseñar esa caja grande
# **antes** de escribirla.
#
# **Metáfora: los planos antes que los ladrillos.** Nadie empieza una casa comprando ladrillos. Un
# arquitecto dibuja planos a distintas escalas (la parcela, las plantas, la instalación eléctrica),
# calcula cargas y pregunta al cliente cuántas personas vivirán allí. El ML Canvas es el encargo
# del cliente; el diagrama C4, los planos; la estimación de capacidad, el cálculo de cargas; y el
# ADR, la memoria que explica por qué el tejado es de teja y no de chapa.
#
# Empecemos por el encargo. Este es un canvas como los que se ven en muchas propuestas: todo
# «correcto», nada útil. El paquete del curso trae el canvas **tipado** (`MLCanvas`, un modelo
# pydantic que rechaza lo estructuralmente roto) y una **revisión de calidad** (`review_canvas`)
# que señala lo genérico. Ejecuta la celda:

# %%
# Un canvas «de plantilla»: cada campo suena bien y ninguno sirve para decidir nada.
vague_canvas = MLCanvas(
    name="Proyecto de IA",
    value_proposition="Mejorar el negocio.",
    prediction_task="Predecir cosas con machine learning",
    decisions=("Usar IA", "Tomar mejores decisiones"),
    data_sources=("Los datos de la empresa",),
    data_collection="TBD",
    features=("todas",),
    offline_evaluation="Accuracy alta",
    live_monitoring="Por definir con el equipo",
    impact="Aumentar los beneficios",
    baseline=Baseline(description="Ninguno", value=0.0),
    success_metric=SuccessMetric(name="Accuracy", target=0.95, decision="Usar IA"),
    error_costs=ErrorCosts(false_positive_eur=1.0, false_negative_eur=1.0),
)
for problem in review_canvas(vague_canvas):
    print("✗", problem)

# %% [markdown]
# Y hay cosas que ni siquiera se pueden escribir: una métrica que no está ligada a ninguna
# decisión del canvas, o un canvas sin baseline, no llegan a construirse. El error, en español,
# dice qué campo falla:

# %%
# La métrica de éxito apunta a una decisión que el canvas no toma: el tipo lo rechaza.
try:
    MLCanvas(
        **{
            **vague_canvas.model_dump(),
            "success_metric": {"name": "Accuracy", "target": 0.95, "decision": "Otra cosa"},
        }
    )
except CanvasError as err:
    print(err)

# %%
# Sin baseline no hay con qué comparar: falta el campo.
try:
    MLCanvas(**{k: v for k, v in vague_canvas.model_dump().items() if k != "baseline"})
except CanvasError as err:
    print(err)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 2. El ML Canvas: una página que obliga a pensar en el sistema
#
# El **Machine Learning Canvas** (Louis Dorard, 2016, inspirado en el *Business Model Canvas*) cabe
# en una página y se rellena **en orden**: primero para qué (valor, decisiones), después con qué
# (datos, features), y al final cómo se sabe si funciona (evaluación, monitorización, impacto).
# Usamos una versión de nueve bloques más la visión de negocio:
#
# | Bloque | Pregunta que responde | En el caso de churn |
# |---|---|---|
# | 1. Propuesta de valor | ¿Quién usa la predicción y qué gana? | Marketing sabe a quién llamar antes de que se vaya |
# | 2. Tarea de predicción | ¿Qué se predice exactamente, sobre quién y con qué horizonte? | `churned`: baja en los próximos meses, por cliente |
# | 3. Decisiones | ¿Qué acción cambia según la predicción? | Llamar (o no) con una oferta de retención |
# | 4. Fuentes de datos | ¿De qué sistemas salen los datos? | Core bancario, CRM |
# | 5. Recogida de datos | ¿Cómo y cada cuánto llegan datos y etiquetas? | Foto diaria; la etiqueta llega meses después |
# | 6. Features | ¿Qué columnas, disponibles en el momento de predecir? | Edad, antigüedad, actividad, productos… |
# | 7. Evaluación offline | ¿Con qué métrica y qué partición se valida antes de desplegar? | Recall en el top 10 %, validación temporal |
# | 8. Monitorización en vivo | ¿Qué se vigila en producción y cada cuánto? | Drift de features, recall real con etiquetas tardías |
# | 9. Impacto | ¿Cómo se mide el efecto en el negocio? | Ahorro neto frente a un grupo de control |
# | Negocio | Baseline, métrica de éxito ligada a una decisión, costo de cada error | §3 |
#
# ```mermaid
# flowchart TB
#     V[Propuesta de valor] --> D[Decisiones]
#     D --> T[Tarea de predicción]
#     T --> S[Fuentes y recogida de datos]
#     S --> F[Features]
#     F --> E[Evaluación offline]
#     E --> M[Monitorización en vivo]
#     M --> I[Impacto]
#     I -.->|¿valió la pena?| V
# ```
#
# **Metáfora: el encargo al arquitecto.** «Quiero una casa bonita» no es un encargo; «cuatro
# personas, teletrabajo, presupuesto de 250 000 €, la cocina abierta al salón» sí. Cada bloque del
# canvas convierte un deseo en un requisito que se puede comprobar.
#
# Tres reglas que separan un canvas útil de uno decorativo, y que `review_canvas` comprueba:
#
# - **Nada genérico.** «Mejorar el negocio» vale para cualquier proyecto, así que no dice nada de
#   este. Cada campo nombra personas, sistemas, columnas, plazos o cifras.
# - **La métrica de éxito está ligada a una decisión.** Si ninguna decisión cambia cuando la métrica
#   sube, es una métrica de vanidad. En `MLCanvas`, `success_metric.decision` debe ser una de las
#   `decisions`.
# - **Hay baseline y el objetivo lo supera.** Sin baseline, «recall 0.30» no significa nada; con una
#   regla actual que logra 0.20, significa «la mitad más de clientes detectados con el mismo
#   presupuesto de llamadas».
#
# Las features deben existir **en el momento de predecir**: `churned` es el objetivo y
# `customer_id` es un identificador; ninguno de los dos es una feature. Estas son las columnas del
# conjunto del curso:

# %%
churn = make_churn(n_rows=N_CUSTOMERS, seed=SEED)
churn.dtypes.to_frame("dtype").T

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 40 min.*
#
# ## 3. Visión de negocio: costo de los errores, baseline y métrica de éxito
#
# ### La trampa de la accuracy
#
# Con una tasa de abandono cercana al 21 %, el «modelo» que dice que **nadie** se va acierta en
# torno al 79 % de las veces. Su accuracy es alta y su valor, cero: no encuentra a ningún cliente
# que se va. La métrica tiene que salir de la decisión y de lo que cuesta equivocarse.
#
# Reutilizamos los supuestos del módulo 00 (ilustrativos: cámbialos por los tuyos):
#
# - **Falso positivo** (llamamos a quien no se iba): pagamos la llamada, **6 €**.
# - **Falso negativo** (no llamamos a quien se iba): perdemos lo que la campaña habría salvado:
#   valor del cliente (180 €) × éxito de la campaña (20 %) = **36 €** esperados.
# - **Verdadero positivo**: ganamos 36 € esperados y pagamos la llamada: **+30 €**.
#
# Comparemos políticas sobre un conjunto de test. La primera que tendríamos sin ML es una **regla**
# (el baseline): primero los clientes inactivos con un solo producto, luego los inactivos, luego el
# resto; es lo que marketing haría a mano mirando los datos del módulo 00. Supuesto operativo: el
# call center puede llamar cada campaña al **10 % de la cartera**.

# %%
# Supuestos de negocio (los del módulo 00).
CUSTOMER_VALUE_EUR = 180  # margen de un cliente retenido durante 12 meses
CAMPAIGN_SUCCESS = 0.20  # de los contactados que se iban, fracción que se queda
CONTACT_COST_EUR = 6  # costo de una llamada con oferta
SAVED_EUR = CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS  # 36 €: lo que cuesta un falso negativo
BUDGET = 0.10  # capacidad del call center: el 10 % de la cartera por campaña

FEATURES = [
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "is_active_member",
    "credit_score",
]
X = churn[FEATURES].astype("float64")  # booleanos y enteros nulables → float
y = churn["churned"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, random_state=SEED, stratify=y
)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000))
model.fit(X_train, y_train)
model_score = model.predict_proba(X_test)[:, 1]
# La regla de marketing: inactivo y con un solo producto, primero; después los inactivos.
rule_score = (X_test["is_active_member"] == 0) * 2.0 + (X_test["num_products"] == 1) * 1.0


def contact_top(score: np.ndarray, share: float) -> np.ndarray:
    """Máscara de los `share` clientes con más puntuación (empates: orden estable)."""
    order = np.argsort(-np.asarray(score, dtype=float), kind="stable")
    chosen = np.zeros(len(order), dtype=bool)
    chosen[order[: round(share * len(order))]] = True
    return chosen


def policy_row(name: str, contacted: np.ndarray) -> dict:
    """Accuracy, recall y valor neto (€ por cada 1 000 clientes) de contactar a `contacted`."""
    truth = y_test.to_numpy() == 1
    tp = int((contacted & truth).sum())
    fp = int((contacted & ~truth).sum())
    accuracy = float((contacted == truth).mean())
    net = tp * (SAVED_EUR - CONTACT_COST_EUR) - fp * CONTACT_COST_EUR
    return {
        "política": name,
        "contactados": int(contacted.sum()),
        "accuracy": round(accuracy, 3),
        "recall": round(tp / truth.sum(), 3),
        "€ netos / 1 000 clientes": round(1_000 * net / len(truth)),
    }


n_test = len(y_test)
policies = pd.DataFrame(
    [
        policy_row("nadie se va (no llamar a nadie)", np.zeros(n_test, dtype=bool)),
        policy_row("llamar a todos", np.ones(n_test, dtype=bool)),
        policy_row("regla de marketing, top 10 % (baseline)", contact_top(rule_score, BUDGET)),
        policy_row("modelo, top 10 %", contact_top(model_score, BUDGET)),
        policy_row("modelo, top 20 %", contact_top(model_score, 2 * BUDGET)),
        policy_row(
            "modelo, umbral por costos (p > 6/36)",
            model_score > CONTACT_COST_EUR / SAVED_EUR,
        ),
    ]
)
policies

# %% [markdown]
# Lee la tabla de arriba abajo (las cifras exactas cambian con `N_CUSTOMERS` y la semilla; el orden
# no):
#
# - **«Nadie se va» tiene una accuracy cercana a la mejor y genera 0 €.** Por eso la accuracy no es
#   la métrica de éxito de un problema desequilibrado.
# - **«Llamar a todos»** encuentra a todos los que se van (recall 1) con la peor accuracy, y aun así
#   gana dinero: una llamada compensa si la probabilidad de baja supera 6 / 36 ≈ 0.17, y aquí la
#   tasa media ronda 0.21. El costo de los errores, no la accuracy, decide.
# - **Con el mismo presupuesto (10 %)**, el modelo encuentra muchos más clientes que se van que la
#   regla. Esa diferencia, y no el ROC AUC, es lo que vale el modelo mientras el call center sea el
#   cuello de botella.
# - **El umbral por costos** (llamar si la probabilidad del modelo supera 6/36) es la política que
#   más gana. Si llamar a un cliente más solo costara los 6 €, esa sería la decisión. Si la capacidad
#   del call center es fija, el canvas lo dice y la métrica se adapta.
#
# Conclusión para el canvas: con la capacidad actual, la decisión es «a quién llamamos con este
# presupuesto», así que la métrica de éxito es el **recall en el top 10 %** y el baseline es el
# recall de la regla. La métrica de negocio (euros netos frente a un grupo de control) va en
# *impacto*: decide si el proyecto sigue. Y la tabla da un argumento para negociar más capacidad.

# %%
# Las dos cifras que irán al canvas: baseline y resultado del modelo, en la MISMA métrica.
baseline_recall = policies.loc[2, "recall"]
model_recall = policies.loc[3, "recall"]
uplift = (model_recall - baseline_recall) / baseline_recall
print(f"recall@10 %: regla {baseline_recall:.2f} → modelo {model_recall:.2f} ({uplift:+.0%})")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h.*

# %% [markdown]
# ## 4. El modelo C4: planos a varias escalas
#
# El **modelo C4** (Simon Brown, c4model.com) describe la arquitectura con cuatro niveles de zoom:
#
# | Nivel | Qué muestra | Quién lo lee | ¿Lo necesitas en un proyecto de ML? |
# |---|---|---|---|
# | 1. Contexto | El sistema como una caja, sus usuarios y los sistemas con que habla | Negocio, dirección | Siempre: una página |
# | 2. Contenedores | Las piezas que se despliegan por separado (jobs, APIs, bases de datos) y cómo se comunican | Equipo técnico, operaciones | Siempre: es el plano de despliegue |
# | 3. Componentes | Las partes internas de un contenedor | Quien desarrolla ese contenedor | Solo para contenedores complejos |
# | 4. Código | Clases y funciones | Nadie: lo genera el IDE | No |
#
# **Metáfora: el zoom de un mapa.** El país (contexto), la ciudad con sus barrios (contenedores), una
# calle (componentes), los planos de un edificio (código). No se dibuja todo a la escala más fina:
# se elige la escala que responde a la pregunta de quien mira.
#
# Mermaid dibuja C4 con la misma sintaxis que los demás diagramas (la documentación de Mermaid lo
# marca como *experimental*: la sintaxis es estable, la maquetación automática es mejorable).
# JupyterLab 4 muestra los bloques ```` ```mermaid ```` del Markdown como dibujos. **Nivel 1,
# contexto**, del sistema de churn:
#
# ```mermaid
# C4Context
#     title Contexto: sistema de retención de clientes
#     Person(analyst, "Analista de marketing", "Diseña y lanza las campañas de retención")
#     Person(manager, "Gestor de oficina", "Atiende al cliente y ve su riesgo de baja")
#     System(churn, "Plataforma de churn", "Predice qué clientes se van a dar de baja")
#     System_Ext(core, "Core bancario", "Clientes, productos y movimientos")
#     System_Ext(crm, "CRM de campañas", "Envía ofertas y registra respuestas")
#     Rel(churn, core, "Lee la foto diaria de clientes")
#     Rel(churn, crm, "Envía la lista de riesgo")
#     Rel(analyst, crm, "Lanza la campaña")
#     Rel(manager, churn, "Consulta el riesgo de un cliente")
# ```
#
# El **nivel 2, contenedores**, abre la caja «Plataforma de churn». Es el nivel que usaremos en el
# entregable. Antes, el fallo: un diagrama escrito a mano con tres errores típicos. Mermaid, al
# encontrarlos, suele mostrar un diagrama vacío o a medias sin decir por qué; nosotros lo
# comprobamos con un **validador estructural** del paquete del curso (`parse_c4`), que es también
# el que usa el calificador. No hay CLI de Mermaid en este entorno (descargaría un navegador), así
# que la validación es de estructura: cabecera `C4Container`, alias únicos, relaciones entre
# elementos declarados, llaves equilibradas, textos entre comillas.

# %%
broken_diagram = """
title Contenedores de churn
Person(manager, "Gestor de oficina", "Consulta el riesgo")
System_Boundary(platform, "Plataforma de churn") {
    Container(api, "API de riesgo", "FastAPI", "Devuelve el riesgo")
    ContainerDb(api, "Data warehouse", "PostgreSQL", "Features y puntuaciones")
}
Rel(manager, api, "Consulta", "HTTPS")
Rel(api, warehose, "Lee la puntuación", "SQL")
"""
for problem in c4_problems(broken_diagram):
    print("✗", problem)

# %% [markdown]
# Tres problemas, tres líneas: falta la cabecera, el alias `api` está repetido (¿a cuál apunta una
# relación?) y `warehose` es una errata que deja una **relación colgante**. Corregido, el validador
# devuelve la estructura tipada, y `show_mermaid` lo dibuja:

# %%
fixed_diagram = """C4Container
title Contenedores de churn (fragmento)
Person(manager, "Gestor de oficina", "Consulta el riesgo")
System_Boundary(platform, "Plataforma de churn") {
    Container(api, "API de riesgo", "FastAPI", "Devuelve el riesgo")
    ContainerDb(warehouse, "Data warehouse", "PostgreSQL", "Features y puntuaciones")
}
Rel(manager, api, "Consulta", "HTTPS")
Rel(api, warehouse, "Lee la puntuación", "SQL")
"""
parsed = parse_c4(fixed_diagram)
show_mermaid(fixed_diagram)
pd.DataFrame([vars(element) for element in parsed.elements])

# %% [markdown]
# En el Ejercicio 4 generarás el diagrama completo **a partir de datos** (una lista de contenedores
# y relaciones), que es como se mantiene un diagrama vivo: cuando cambia la arquitectura cambia la
# lista, no un dibujo. Estas son las piezas de la plataforma de churn con inferencia **batch**
# nocturna y una API que sirve la puntuación precalculada (la decisión se justifica en la §5):

# %%
# La arquitectura de churn como datos: cada elemento y cada relación, una línea.
CHURN_BOUNDARY = ("churn_platform", "Plataforma de churn")
CHURN_ELEMENTS = [
    C4Element("Person", "analyst", "Analista de marketing", "", "Lanza las campañas de retención"),
    C4Element("Person", "manager", "Gestor de oficina", "", "Consulta el riesgo de un cliente"),
    C4Element("System_Ext", "core", "Core bancario", "", "Clientes, productos y movimientos"),
    C4Element("System_Ext", "crm", "CRM de campañas", "", "Envía ofertas y registra respuestas"),
    C4Element("Container", "features", "Pipeline de features", "Python + pandas", "Job nocturno"),
    C4Element(
        "ContainerDb", "warehouse", "Data warehouse", "PostgreSQL", "Features, etiquetas, riesgo"
    ),
    C4Element("Container", "trainer", "Entrenamiento", "scikit-learn + MLflow", "Job mensual"),
    C4Element("ContainerDb", "registry", "Registro de modelos", "MLflow", "Versiones y métricas"),
    C4Element("Container", "scorer", "Scoring batch", "Python", "Puntúa a todos cada noche"),
    C4Element("Container", "api", "API de riesgo", "FastAPI", "Sirve el riesgo precalculado"),
    C4Element("Container", "monitor", "Monitorización", "Python + Grafana", "Drift y recall"),
]
CHURN_RELATIONS = [
    C4Relation("features", "core", "Lee la foto diaria", "JDBC"),
    C4Relation("features", "warehouse", "Escribe features", "SQL"),
    C4Relation("trainer", "warehouse", "Lee features y etiquetas", "SQL"),
    C4Relation("trainer", "registry", "Registra el modelo", "MLflow API"),
    C4Relation("scorer", "registry", "Carga el modelo en producción", "MLflow API"),
    C4Relation("scorer", "warehouse", "Escribe el riesgo de cada cliente", "SQL"),
    C4Relation("scorer", "crm", "Envía la lista semanal", "SFTP"),
    C4Relation("api", "warehouse", "Lee el riesgo de anoche", "SQL"),
    C4Relation("manager", "api", "Consulta el riesgo", "HTTPS"),
    C4Relation("analyst", "crm", "Lanza la campaña", "Web"),
    C4Relation("monitor", "warehouse", "Compara features y etiquetas", "SQL"),
]
len(CHURN_ELEMENTS), len(CHURN_RELATIONS)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 25 min.*
#
# ## 5. Arquitectura de datos: cuándo se predice y dónde viven los datos
#
# ### Inferencia batch, online o streaming
#
# | | Batch (por lotes) | Online (petición/respuesta) | Streaming |
# |---|---|---|---|
# | Cuándo se predice | Antes de que se pida: un job programado puntúa a todos | Cuando llega la petición | Cuando llega un evento |
# | Latencia | Horas | Milisegundos a segundos | Segundos |
# | Frescura de features | La del último lote | La del almacén que lee | Segundos: se calculan sobre el flujo |
# | Costo y complejidad | Bajos: un job | Medios: una API siempre encendida | Altos: broker, estado, reprocesado |
# | Churn | Lista semanal de riesgo para marketing | Riesgo al abrir la ficha del cliente | Alerta cuando el cliente cancela la nómina |
#
# (Fuente de la clasificación: Chip Huyen, *Designing Machine Learning Systems*, O'Reilly 2022,
# cap. 7; las valoraciones de costo y complejidad son cualitativas del curso.)
#
# **Metáfora: la panadería.** Batch es hornear de madrugada el pan que se venderá por la mañana;
# online es la pizzería que cocina cuando pides; streaming es la cinta del sushi, que prepara según
# pasan los clientes. La panadería no necesita un horno encendido todo el día; la pizzería no puede
# hornear de madrugada lo que pedirás a las nueve de la noche.
#
# Un patrón muy frecuente, y el de nuestro diagrama, mezcla dos: **puntuación batch + API que sirve
# lo precalculado**. La API responde en milisegundos leyendo una fila; el modelo nunca corre en la
# petición. Es online para quien consulta y batch para quien opera.
#
# La ayuda de decisión del curso recoge esta tabla como datos (`assets/decision_aids/inference_mode.yaml`),
# con una función de recomendación pura y testeada: mueve el plazo, la frescura de las features,
# el volumen y la prioridad de costo, y mira cómo cambia la recomendación y sus «cuándo NO».
# La usarás en el Ejercicio 5.

# %%
show_aid("inference_mode", "02_diseno_sistemas")

# %% [markdown]
# La misma ayuda se puede llamar desde código; sus límites están en el YAML (un plazo de 1 s exacto
# cuenta como online; 1 h exacta ya permite batch; features de 60 s o menos piden streaming):

# %%
weekly_campaign = {
    "latency_budget_s": 12 * 3600,  # la lista debe estar lista 12 h después del cierre
    "feature_freshness_s": 24 * 3600,  # bastan las features del cierre de ayer
    "predictions_per_day": 300_000,  # una puntuación por cliente y día
    "cost_sensitive": True,
}
campaign_rec = recommend("inference_mode", weekly_campaign)
print("Recomendación:", campaign_rec.best.name, campaign_rec.scores())
for reason in campaign_rec.best.pros:
    print(" +", reason)

# %% [markdown]
# ### Lago, almacén o lakehouse; y el feature store
#
# | | Data lake | Data warehouse | Lakehouse |
# |---|---|---|---|
# | Qué guarda | Archivos en bruto de cualquier formato (objeto: S3, GCS, ADLS) | Tablas con esquema, listas para SQL | Archivos abiertos (Parquet) con una capa de tablas transaccionales (Delta Lake, Apache Iceberg, Apache Hudi) |
# | Esquema | Al leer | Al escribir | Al escribir, con evolución |
# | Fuerte en | Volumen barato, datos no estructurados (texto, imágenes, logs) | SQL, BI, consistencia | Un solo sitio para BI y ML, versiones («time travel») |
# | Débil en | Gobierno: se convierte en un «pantano» si nadie cataloga | Costo con mucho volumen, datos no tabulares | Más piezas que operar que un warehouse gestionado |
# | Churn | Logs de la app y grabaciones de llamadas | Foto diaria de clientes y puntuaciones | Si además hay eventos masivos y varios equipos de ML |
#
# (Lakehouse: Armbrust et al., *Lakehouse: A New Generation of Open Platforms that Unify Data
# Warehousing and Advanced Analytics*, CIDR 2021.)
#
# **Metáfora: la despensa.** El lago es el trastero: cabe todo, barato, y sin inventario nadie
# encuentra nada. El almacén es la despensa con etiquetas: cabe menos y cuesta ordenarla, pero
# encuentras el arroz a la primera. El lakehouse es el trastero con estanterías e inventario.
#
# Un **feature store** (popularizado por Michelangelo, la plataforma de ML de Uber, 2017) guarda las
# features con dos caras: una **offline** para entrenar (histórico, consultas «a fecha de») y una
# **online** para servir (la última versión de cada cliente, en milisegundos), calculadas con la
# misma definición. Resuelve un problema real, el *training-serving skew* (la feature se calcula de
# una forma al entrenar y de otra al servir), a cambio de una pieza más que operar.
#
# ### Estimaciones de servilleta
#
# Antes de elegir tamaño de máquinas, una cuenta de orden de magnitud: **¿cuántas peticiones por
# segundo (QPS) y cuántos GB al año?** Un día tiene 86 400 s, y el tráfico no es uniforme: la
# apertura de la oficina, el día de cobro de la nómina o una campaña concentran peticiones. El
# **factor de pico** (pico / media) es un supuesto que se mide en cuanto hay tráfico real.
#
# El fallo típico es dimensionar con la media:

# %%
# Supuestos (ilustrativos): app del banco con 400 000 usuarios activos al día.
users, per_user, peak, bytes_logged = 400_000, 3, 10, 2_000
requests_per_day = users * per_user
mean_qps = requests_per_day / 86_400
print(f"{requests_per_day:,} peticiones/día → {mean_qps:.1f} QPS de media")
print(
    f"En el pico (×{peak}): {mean_qps * peak:.0f} QPS. Dimensionar con la media = caerse al pico."
)
print(f"Registro de predicciones: {requests_per_day * 365 * bytes_logged / 1e9:,.0f} GB/año")

# %% [markdown]
# Cien y pico QPS los sirve una API modesta con un par de réplicas; casi 900 GB al año de registros
# de predicción, en cambio, piden una política de retención. La cuenta de servilleta no da la
# arquitectura: dice **qué parte merece atención** (aquí, el almacenamiento, no el cómputo).
# Jeff Dean popularizó esta práctica con sus «números que todo ingeniero debería conocer»
# (latencias típicas de memoria, disco y red, charla de 2009). En el Ejercicio 3 la convertirás en
# una función que rechaza entradas absurdas.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 45 min.*
#
# ## 6. Una decisión documentada (ADR)
#
# ```text
# ADR-02-01: Inferencia batch nocturna + API de lectura para el modelo de churn
#
# CONTEXTO:
# Marketing lanza la campaña de retención cada lunes con una lista de clientes en riesgo; los
# gestores quieren ver el riesgo al abrir la ficha. Las features salen de la foto diaria del core
# bancario (cambian una vez al día). Volumen: una puntuación por cliente y noche.
#
# DECISIÓN:
# Puntuar a todos los clientes cada noche (job batch) y guardar el riesgo en el data warehouse.
# Una API de solo lectura sirve el riesgo precalculado a la ficha del gestor.
#
# CONSECUENCIAS:
# (+) El modelo no corre en la petición: la API responde en milisegundos con una consulta.
# (+) Un job que falla se relanza; no hay clúster de streaming que operar.
# (-) El riesgo tiene hasta 24 h de antigüedad: un cliente que cancela la nómina hoy no sube
#     en la lista hasta mañana.
# (-) Puntuamos cada noche a clientes que nadie consultará (cómputo barato, pero no cero).
#
# ALTERNATIVAS RECHAZADAS:
# - Inferencia online en cada petición: features diarias, así que no ganaría frescura; añade
#   el modelo a la ruta crítica de la ficha.
# - Streaming sobre eventos del core: frescura de segundos que ninguna decisión necesita hoy;
#   exige un broker y un equipo que lo opere.
# ```
#
# ## 7. Cuándo NO usar…
#
# | Herramienta | Cuándo NO | Qué hacer en su lugar |
# |---|---|---|
# | ML Canvas completo | Análisis puntual que se presenta una vez y no decide nada recurrente | Un párrafo: pregunta, datos, conclusión |
# | C4 nivel 3 (componentes) | Contenedores pequeños que una persona entiende leyendo el código | Quedarse en contenedores |
# | Streaming | Ninguna decisión necesita features de segundos, o nadie sabe operar un broker | Batch, o API sobre features diarias |
# | Inferencia online | Se puede precalcular todo (la lista de cada noche) | Batch + tabla de lectura |
# | Feature store | Un modelo, un equipo, features diarias en un warehouse | Vistas SQL versionadas y el mismo código para entrenar y servir |
# | Lakehouse | Datos tabulares que caben en un warehouse gestionado, sin datos no estructurados | Warehouse |
# | Estimación de servilleta como verdad | Ya hay tráfico real medido | Mide: percentiles de latencia y QPS reales |
#
# «No añadimos complejidad sin justificar el ROI» (principio 2 de la guía): cada fila de la derecha
# es la opción **más simple que cumple**.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h.*

# %% [markdown]
# ## 8. Ejercicios
#
# Cinco ejercicios que suben la escalera de la guía: **funcional → seguro → escalable**. Los dos
# primeros construyen el entregable (el canvas y su Markdown), el tercero blinda una cuenta contra
# entradas absurdas y los dos últimos escalan el diseño: un diagrama generado desde datos y una
# decisión de arquitectura repetible.
#
# ### Ejercicio 1 (funcional) · El ML Canvas del caso de churn
#
# Escribe `churn_canvas()`, que devuelve el `MLCanvas` del modelo de churn del banco. Los campos
# (mira `help(MLCanvas)` y la tabla de la §2):
#
# | Campo | Tipo | Qué escribir |
# |---|---|---|
# | `name` | texto | el nombre del caso |
# | `value_proposition`, `prediction_task`, `data_collection`, `offline_evaluation`, `live_monitoring`, `impact` | texto (≥ 6 palabras) | la respuesta concreta de cada bloque |
# | `decisions`, `data_sources` | tupla de textos (≥ 2 palabras cada uno) | una o más decisiones; uno o más sistemas de origen |
# | `features` | tupla de nombres de columna | columnas del conjunto de churn |
# | `baseline` | `Baseline(description, value)` | la política sin modelo y su valor **en la métrica de éxito** |
# | `success_metric` | `SuccessMetric(name, target, decision)` | la métrica, el objetivo y la decisión (una de `decisions`) a la que sirve |
# | `error_costs` | `ErrorCosts(false_positive_eur, false_negative_eur)` | el costo de cada error, en euros |
#
# Condiciones (los tests las comprueban):
#
# 1. `review_canvas(churn_canvas())` devuelve `[]`: nada genérico, nada repetido, el objetivo supera
#    al baseline.
# 2. `prediction_task` nombra la columna objetivo, `churned`.
# 3. `features` tiene **al menos 4** columnas del conjunto (`churn.columns`), escritas exactamente
#    igual y sin repetir.
# 4. `features` **no** incluye `churned` (sería una fuga del objetivo) ni `customer_id` (un
#    identificador no generaliza).
# 5. Los costos reflejan la §3: un falso negativo cuesta **más** que un falso positivo.
# 6. La métrica de éxito es la de la §3, el recall en el top 10 %: `success_metric.name` contiene
#    la palabra «recall» (da igual si en mayúsculas o minúsculas), y `baseline.value` y
#    `success_metric.target` son recalls, es decir, números entre 0 y 1 (0.2, no 20).
#
# Usa las cifras de la §3: la regla de marketing como baseline y su recall en el top 10 % como
# valor del baseline.


# %% nbgrader={"grade": false, "grade_id": "canvas", "locked": false, "schema_version": 3, "solution": true, "task": false}
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    ### BEGIN SOLUTION
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=(
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "credit_score",
        ),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-canvas-calidad", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el canvas es un MLCanvas y pasa la revisión de calidad del curso.
from mlops_course.lessons.m02_design import MLCanvas, review_canvas

canvas = churn_canvas()
assert isinstance(canvas, MLCanvas), (
    f"churn_canvas() debe devolver un MLCanvas, no {type(canvas).__name__}."
)
problems = review_canvas(canvas)
assert problems == [], "La revisión del canvas encuentra problemas; corrígelos:\n" + "\n".join(
    problems
)
### BEGIN HIDDEN TESTS
again = churn_canvas()
assert again == canvas, "churn_canvas() debe devolver siempre el mismo canvas (sin azar)."
assert canvas.success_metric.decision in canvas.decisions, (
    "La métrica de éxito debe servir a una de las decisiones."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-canvas-churn", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4, R5, R6]: features reales del conjunto, sin fuga del objetivo ni
# identificadores; la tarea nombra el objetivo, y los costos y la métrica son los de la §3.
from mlops_course.lessons.common import make_churn

columns = set(make_churn(n_rows=20, seed=0).columns)
canvas = churn_canvas()
unknown = [name for name in canvas.features if name not in columns]
assert not unknown, (
    f"Estas features no son columnas del conjunto de churn: {unknown}. Escribe los nombres "
    f"exactos de churn.columns: {sorted(columns)}."
)
leaks = {"churned", "customer_id"} & set(canvas.features)
assert not leaks, (
    f"features incluye {sorted(leaks)}: churned es el objetivo (fuga) y customer_id un "
    "identificador; ninguno se conoce ni sirve al predecir."
)
### BEGIN HIDDEN TESTS
assert len(set(canvas.features)) == len(canvas.features), (
    f"features repite columnas: {list(canvas.features)}. Escribe cada columna una sola vez."
)
assert len(set(canvas.features)) >= 4, (
    f"Usa al menos 4 features distintas; hay {len(set(canvas.features))}."
)
assert "churned" in canvas.prediction_task, (
    "prediction_task debe nombrar la columna objetivo, churned: qué se predice exactamente."
)
costs = canvas.error_costs
assert costs.false_negative_eur > costs.false_positive_eur, (
    f"Un falso negativo (cliente que se va sin que lo llamemos, {costs.false_negative_eur:g} €) "
    f"debe costar más que un falso positivo (una llamada, {costs.false_positive_eur:g} €): "
    "revisa la §3."
)
metric, base = canvas.success_metric, canvas.baseline
assert "recall" in metric.name.lower(), (
    f"La métrica de éxito es {metric.name!r}: debe ser el recall en el top 10 % de la §3 (su "
    "nombre contiene «recall»). La accuracy engaña cuando casi nadie se va."
)
for label, value in (("baseline.value", base.value), ("success_metric.target", metric.target)):
    assert 0 <= value <= 1, (
        f"{label} es {value:g}: un recall es una fracción entre 0 y 1 (escribe 0.2, no 20)."
    )
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 2 (funcional) · De canvas a `ML_CANVAS.md`
#
# Escribe `render_ml_canvas(canvas, diagram=None)`, que devuelve el texto Markdown del canvas. El
# formato es exacto (así se puede comparar entre versiones y revisar en un *pull request*):
#
# 1. Primera línea: `# ML Canvas: <canvas.name>`.
# 2. Para cada `(campo, título)` de `CANVAS_SECTIONS` (del paquete, en ese orden): una línea
#    `## <título>` y debajo el contenido del campo: si es un texto, el texto en una línea; si es una
#    tupla (`decisions`, `data_sources`, `features`), una línea `- <elemento>` por elemento.
# 3. Después, `## 10. Visión de negocio` con exactamente estas cuatro líneas (números con `:g`, que
#    escribe `6.0` como `6` y `0.22` como `0.22`):
#
#    ```text
#    - **Baseline:** <baseline.description> (<success_metric.name> = <baseline.value:g>)
#    - **Métrica de éxito:** <success_metric.name>, objetivo <success_metric.target:g>, ligada a la decisión «<success_metric.decision>»
#    - **Costo de un falso positivo:** <error_costs.false_positive_eur:g> €
#    - **Costo de un falso negativo:** <error_costs.false_negative_eur:g> €
#    ```
#
# 4. Si `diagram` no es `None`: `## 11. Arquitectura (C4, contenedores)` y debajo el diagrama en un
#    bloque de código Mermaid: una línea ```` ```mermaid ````, el diagrama sin espacios ni saltos al
#    principio y al final (`diagram.strip()`), y una línea ```` ``` ````. Si es `None`, esta sección
#    no aparece.
#
# Separa los bloques con líneas en blanco (los tests miran líneas, no los espacios en blanco).
# Pista: `getattr(canvas, campo)` lee un campo por su nombre.


# %% nbgrader={"grade": false, "grade_id": "render", "locked": false, "schema_version": 3, "solution": true, "task": false}
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    ### BEGIN SOLUTION
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.extend(f"- {item}" for item in value)
        else:
            out.append(value)
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip()]
        out += ["```", ""]
    return "\n".join(out)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-render-secciones", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: títulos en orden y contenido de cada bloque (textos y listas con «- »).
from mlops_course.lessons.m02_design import (
    CANVAS_SECTIONS,
    Baseline,
    ErrorCosts,
    MLCanvas,
    SuccessMetric,
)

DEMO_DECISION = "Enviar un cupón a los clientes con riesgo alto"
demo = MLCanvas(
    name="Canvas de prueba",
    value_proposition="Texto de la propuesta de valor del canvas",
    prediction_task="Texto de la tarea de predicción del canvas",
    decisions=(DEMO_DECISION, "No enviar cupón al resto"),
    data_sources=("Fuente uno", "Fuente dos"),
    data_collection="Texto de la recogida de datos del canvas",
    features=("age", "credit_score"),
    offline_evaluation="Texto de la evaluación offline del canvas",
    live_monitoring="Texto de la monitorización en vivo del canvas",
    impact="Texto del impacto en el negocio del canvas",
    baseline=Baseline(description="Cupón a todos los inactivos", value=0.2),
    success_metric=SuccessMetric(name="Recall top 5 %", target=0.25, decision=DEMO_DECISION),
    error_costs=ErrorCosts(false_positive_eur=2.5, false_negative_eur=40.0),
)
text = render_ml_canvas(demo)
assert isinstance(text, str), f"render_ml_canvas debe devolver un str, no {type(text).__name__}."
lines = text.splitlines()
headings = [line for line in lines if line.startswith("#")]
expected_headings = [
    "# ML Canvas: Canvas de prueba",
    *[f"## {heading}" for _, heading in CANVAS_SECTIONS],
    "## 10. Visión de negocio",
]
assert headings == expected_headings, (
    f"Los títulos deben ser, en este orden:\n{expected_headings}\ny son:\n{headings}"
)
assert "Texto de la propuesta de valor del canvas" in lines, (
    "Cada texto del canvas va en su propia línea bajo su título."
)
### BEGIN HIDDEN TESTS
for item in ("- Fuente uno", "- Fuente dos", "- age", "- credit_score", f"- {DEMO_DECISION}"):
    assert item in lines, f"Falta la línea {item!r}: cada elemento de una tupla es una línea «- »."
between = lines[lines.index("## 6. Features") + 1 : lines.index("## 7. Evaluación offline")]
assert [line for line in between if line.strip()] == ["- age", "- credit_score"], (
    f"Bajo «## 6. Features» deben ir solo las líneas «- age» y «- credit_score»; hay {between}."
)
for field, heading in CANVAS_SECTIONS:
    value = getattr(demo, field)
    if isinstance(value, str):
        position = lines.index(f"## {heading}")
        after = [line for line in lines[position + 1 :] if line.strip()]
        assert after[0] == value, f"Bajo «## {heading}» debe ir {value!r}, no {after[0]!r}."
other = demo.model_copy(update={"name": "Otro canvas"})
assert render_ml_canvas(other).splitlines()[0] == "# ML Canvas: Otro canvas", (
    "La primera línea debe usar canvas.name: no escribas el nombre a mano."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-render-negocio", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: las cuatro líneas de negocio, exactas, y la sección del diagrama.
from mlops_course.lessons.m02_design import Baseline, ErrorCosts, MLCanvas, SuccessMetric

DEMO_DECISION = "Enviar un cupón a los clientes con riesgo alto"
demo = MLCanvas(
    name="Canvas de prueba",
    value_proposition="Texto de la propuesta de valor del canvas",
    prediction_task="Texto de la tarea de predicción del canvas",
    decisions=(DEMO_DECISION, "No enviar cupón al resto"),
    data_sources=("Fuente uno", "Fuente dos"),
    data_collection="Texto de la recogida de datos del canvas",
    features=("age", "credit_score"),
    offline_evaluation="Texto de la evaluación offline del canvas",
    live_monitoring="Texto de la monitorización en vivo del canvas",
    impact="Texto del impacto en el negocio del canvas",
    baseline=Baseline(description="Cupón a todos los inactivos", value=0.2),
    success_metric=SuccessMetric(name="Recall top 5 %", target=0.25, decision=DEMO_DECISION),
    error_costs=ErrorCosts(false_positive_eur=2.5, false_negative_eur=40.0),
)
lines = render_ml_canvas(demo).splitlines()
business = [
    "- **Baseline:** Cupón a todos los inactivos (Recall top 5 % = 0.2)",
    "- **Métrica de éxito:** Recall top 5 %, objetivo 0.25, ligada a la decisión "
    f"«{DEMO_DECISION}»",
    "- **Costo de un falso positivo:** 2.5 €",
    "- **Costo de un falso negativo:** 40 €",
]
for expected_line in business:
    assert expected_line in lines, (
        f"Falta la línea de negocio {expected_line!r} (copia el formato del enunciado; "
        "números con :g)."
    )
### BEGIN HIDDEN TESTS
start = lines.index("## 10. Visión de negocio")
block = [line for line in lines[start + 1 :] if line.strip()]
assert block == business, f"Bajo «## 10. Visión de negocio» deben ir las cuatro líneas: {block}"
assert not any("mermaid" in line or line.startswith("## 11.") for line in lines), (
    "Sin diagrama (diagram=None) no debe haber sección «## 11.» ni bloque Mermaid."
)
small = 'C4Container\nPerson(a, "A")\n'
with_diagram = render_ml_canvas(demo, "\n\n" + small + "\n").splitlines()
assert "## 11. Arquitectura (C4, contenedores)" in with_diagram, (
    "Con diagrama, falta el título «## 11. Arquitectura (C4, contenedores)»."
)
fence = with_diagram.index("```mermaid")
assert with_diagram[fence + 1 : fence + 4] == ["C4Container", 'Person(a, "A")', "```"], (
    "El bloque debe ser ```mermaid, el diagrama sin saltos al principio ni al final, y ```: "
    f"{with_diagram[fence:]}"
)
assert fence > with_diagram.index("## 11. Arquitectura (C4, contenedores)")
assert with_diagram.index("## 10. Visión de negocio") < with_diagram.index(
    "## 11. Arquitectura (C4, contenedores)"
), "La sección «## 11. Arquitectura» va al final, después de «## 10. Visión de negocio»."
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 3 (seguro) · Estimador de capacidad que no se deja engañar
#
# Escribe `estimate_capacity(daily_active_users, requests_per_user_per_day, peak_factor,
# bytes_per_request)`, la cuenta de servilleta de la §5, que devuelve un diccionario con cuatro
# claves (todas `float`):
#
# | clave | fórmula |
# |---|---|
# | `"requests_per_day"` | `daily_active_users × requests_per_user_per_day` |
# | `"avg_qps"` | `requests_per_day / 86 400` |
# | `"peak_qps"` | `avg_qps × peak_factor` |
# | `"storage_gb_per_year"` | `requests_per_day × 365 × bytes_per_request / 10⁹` (GB decimales, como factura la nube) |
#
# Y, como es una función que alimenta decisiones de dinero, **rechaza en la frontera** lo que no
# tiene sentido, con un mensaje en español que **nombra el parámetro**:
#
# | Parámetro | Tipo válido (si no: `TypeError`) | Valor válido (si no: `ValueError`) |
# |---|---|---|
# | `daily_active_users` | `int`, no `bool` | de 1 a 10 000 000 000 (más que la población mundial, ≈ 8 200 millones en 2024 según la ONU, *World Population Prospects 2024*, es un error de unidades) |
# | `requests_per_user_per_day` | `int` o `float`, no `bool` | finito y > 0 |
# | `peak_factor` | `int` o `float`, no `bool` | finito y ≥ 1 (un pico no puede estar por debajo de la media) |
# | `bytes_per_request` | `int`, no `bool` | ≥ 1 |
#
# Requisitos (los tests los comprueban):
#
# 1. Devuelve un `dict` con exactamente las cuatro claves de la primera tabla, calculadas con sus
#    fórmulas (un día son 86 400 s; GB decimales, 10⁹ bytes), y todos los valores son `float`
#    aunque las entradas sean enteras (`1200000.0`, no `1200000`).
# 2. Un parámetro de tipo no válido (segunda tabla) lanza `TypeError`. `True` y `False` no valen
#    como números, aunque en Python `bool` sea una subclase de `int`.
# 3. Un valor fuera de rango (segunda tabla) lanza `ValueError`. Los límites son válidos: 1 usuario,
#    10 000 000 000 usuarios, `peak_factor` igual a 1 y 1 byte por petición.
# 4. `nan` e `inf` en `requests_per_user_per_day` o en `peak_factor` lanzan `ValueError` (ojo:
#    `nan <= 0` y `nan < 1` dan `False`, así que una comparación sola no los detecta).
# 5. El mensaje de cada `TypeError` y `ValueError` nombra el parámetro que falla.
#
# ```text
# estimate_capacity(400_000, 3, 10, 2_000)
#   → {"requests_per_day": 1200000.0, "avg_qps": 13.88…, "peak_qps": 138.8…, "storage_gb_per_year": 876.0}
# estimate_capacity(400_000, 3, 0.5, 2_000)   → ValueError: peak_factor …
# estimate_capacity(True, 3, 10, 2_000)        → TypeError: daily_active_users …
# ```


# %% nbgrader={"grade": false, "grade_id": "capacity", "locked": false, "schema_version": 3, "solution": true, "task": false}
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    ### BEGIN SOLUTION
    for name, value in (
        ("daily_active_users", daily_active_users),
        ("bytes_per_request", bytes_per_request),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    for name, value in (
        ("requests_per_user_per_day", requests_per_user_per_day),
        ("peak_factor", peak_factor),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{name} debe ser un número finito, no {value}.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError(
            f"daily_active_users debe estar entre 1 y 10 000 millones (recibido "
            f"{daily_active_users}): ¿un error de unidades?"
        )
    if requests_per_user_per_day <= 0:
        raise ValueError(
            f"requests_per_user_per_day debe ser mayor que 0 (recibido {requests_per_user_per_day})."
        )
    if peak_factor < 1:
        raise ValueError(
            f"peak_factor debe ser al menos 1: el pico no puede ser menor que la media "
            f"(recibido {peak_factor})."
        )
    if bytes_per_request < 1:
        raise ValueError(f"bytes_per_request debe ser al menos 1 (recibido {bytes_per_request}).")
    per_day = float(daily_active_users * requests_per_user_per_day)
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 1e9,
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-capacidad-calculo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: las cuatro cifras del ejemplo del enunciado.
import math

estimate = estimate_capacity(400_000, 3, 10, 2_000)
assert isinstance(estimate, dict), f"Devuelve un dict, no {type(estimate).__name__}."
assert set(estimate) == {"requests_per_day", "avg_qps", "peak_qps", "storage_gb_per_year"}, (
    f"Las claves deben ser requests_per_day, avg_qps, peak_qps y storage_gb_per_year; "
    f"son {sorted(estimate)}."
)
for key, wanted in {
    "requests_per_day": 1_200_000,
    "avg_qps": 1_200_000 / 86_400,
    "peak_qps": 1_200_000 / 86_400 * 10,
    "storage_gb_per_year": 876,
}.items():
    assert math.isclose(estimate[key], wanted, rel_tol=1e-9), (
        f"{key} debe ser {wanted:g} y es {estimate[key]!r}: revisa la fórmula de la tabla "
        "(un día son 86 400 s; GB = 10⁹ bytes)."
    )
### BEGIN HIDDEN TESTS
assert all(type(v) is float for v in estimate.values()), (
    "Con entradas enteras, todos los valores deben ser float (1200000.0, no 1200000): "
    f"{[(k, type(v).__name__) for k, v in estimate.items()]}"
)
unit = estimate_capacity(86_400, 1, 1, 1_000)
assert math.isclose(unit["avg_qps"], 1.0) and math.isclose(unit["peak_qps"], 1.0), (
    f"86 400 peticiones al día son 1 QPS de media y, con pico ×1, 1 QPS de pico: {unit}"
)
assert math.isclose(unit["storage_gb_per_year"], 86_400 * 365 * 1_000 / 1e9), (
    f"Almacenamiento: peticiones/día × 365 × bytes / 10⁹ (GB decimales, no GiB): {unit}"
)
half = estimate_capacity(1_000, 0.5, 2.5, 10)
assert math.isclose(half["requests_per_day"], 500.0) and math.isclose(
    half["peak_qps"], 500 / 86_400 * 2.5
), f"Con decimales (0.5 peticiones por usuario, pico ×2.5) el resultado es otro: {half}"
assert all(type(v) is float for v in half.values()), (
    f"Todos los valores deben ser float: {[(k, type(v).__name__) for k, v in half.items()]}"
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-capacidad-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4, R5]: entradas absurdas lanzan el error correcto y el mensaje nombra el
# parámetro.
import math

GOOD = {
    "daily_active_users": 400_000,
    "requests_per_user_per_day": 3,
    "peak_factor": 10,
    "bytes_per_request": 2_000,
}


def expect_capacity_error(expected, param, **overrides):
    """Llama con GOOD cambiando `overrides` y comprueba el tipo de error y que nombre `param`."""
    try:
        estimate_capacity(**{**GOOD, **overrides})
    except Exception as err:
        assert isinstance(err, expected), (
            f"estimate_capacity({overrides}) lanzó {type(err).__name__} y debía lanzar "
            f"{expected.__name__}."
        )
        assert param in str(err), (
            f"El mensaje debe nombrar '{param}' para saber qué corregir; dice: {str(err)!r}"
        )
    else:
        raise AssertionError(
            f"estimate_capacity({overrides}) debía lanzar {expected.__name__}: valida la "
            "entrada antes de calcular."
        )


assert estimate_capacity(**GOOD)["peak_qps"] > 0, "Con entradas válidas debe calcular."
expect_capacity_error(ValueError, "peak_factor", peak_factor=0.5)
### BEGIN HIDDEN TESTS
for bad_users in (0, -5, 10_000_000_001):
    expect_capacity_error(ValueError, "daily_active_users", daily_active_users=bad_users)
for bad_rate in (0, -1.5, float("nan"), float("inf")):
    expect_capacity_error(
        ValueError, "requests_per_user_per_day", requests_per_user_per_day=bad_rate
    )
for bad_peak in (0.99, 0, float("nan"), float("inf")):
    expect_capacity_error(ValueError, "peak_factor", peak_factor=bad_peak)
expect_capacity_error(ValueError, "bytes_per_request", bytes_per_request=0)
expect_capacity_error(TypeError, "daily_active_users", daily_active_users=True)
expect_capacity_error(TypeError, "daily_active_users", daily_active_users=400_000.0)
expect_capacity_error(TypeError, "daily_active_users", daily_active_users="400000")
expect_capacity_error(TypeError, "requests_per_user_per_day", requests_per_user_per_day=None)
expect_capacity_error(TypeError, "peak_factor", peak_factor=False)
expect_capacity_error(TypeError, "bytes_per_request", bytes_per_request=2.0)
assert estimate_capacity(1, 0.01, 1, 1)["peak_qps"] > 0, "peak_factor = 1 y 1 usuario son válidos."
big = estimate_capacity(10_000_000_000, 1, 1, 1)
assert math.isclose(big["requests_per_day"], 1e10), (
    "10 000 millones de usuarios es el máximo válido: no lo rechaces."
)
### END HIDDEN TESTS

# %% [markdown]
# Con tu función, la capacidad de tres usos del modelo de churn (supuestos ilustrativos):

# %%
usage = {
    "lista semanal (batch)": (2_000_000, 1 / 7, 1, 200),
    "ficha del gestor (online)": (8_000, 25, 6, 2_000),
    "app del cliente (online)": (400_000, 3, 10, 2_000),
}
try:
    capacity = pd.DataFrame(
        {name: estimate_capacity(*args) for name, args in usage.items()}
    ).T.round(2)
except NotImplementedError:
    capacity = "resuelve el Ejercicio 3 para ver la tabla"
capacity

# %% [markdown]
# ### Ejercicio 4 (escalable) · El diagrama C4 de contenedores, generado desde datos
#
# Escribe `c4_container_diagram(title, boundary, elements, relations)`, que devuelve el texto
# Mermaid de un diagrama C4 de contenedores. `boundary` es la pareja `(alias, etiqueta)` del
# sistema; `elements`, una lista de `C4Element(kind, alias, label, technology, description)`;
# `relations`, una lista de `C4Relation(source, target, label, technology)` (los de la §4).
#
# **Salida** (una instrucción por línea, en este orden):
#
# ```text
# C4Container
# title <title>
# Person(alias, "label", "description")              ← Person y System_Ext, en el orden de la lista,
# System_Ext(alias, "label", "description")             FUERA del límite del sistema
# System_Boundary(<alias>, "<etiqueta>") {
#     Container(alias, "label", "technology", "description")     ← Container y ContainerDb, en el
#     ContainerDb(alias, "label", "technology", "description")      orden de la lista, DENTRO
# }
# Rel(source, target, "label", "technology")          ← una por relación, en orden
# ```
#
# Requisitos (los tests los comprueban). La salida:
#
# 1. Sigue el formato del bloque de arriba, una instrucción por línea, y pasa `parse_c4`: la
#    cabecera `C4Container`, `title <title>`, cada elemento con sus textos (`Person` y `System_Ext`
#    sin tecnología) y una línea `Rel(…)` por relación, en el orden de la lista y con su etiqueta
#    y su tecnología.
# 2. Pone `Person` y `System_Ext` **fuera** del límite del sistema (antes de `System_Boundary`), y
#    `Container` y `ContainerDb` **dentro**; cada grupo, en el orden de la lista.
#
# **Validación**: antes de generar nada, la función lanza `ValueError`, con un mensaje en español
# que nombra lo que falla, si no se cumple alguna de estas condiciones:
#
# 3. El `kind` de cada elemento es uno de `Person`, `System_Ext`, `Container`, `ContainerDb` (el
#    mensaje nombra el tipo desconocido), y hay al menos un `Container` o `ContainerDb`: un sistema
#    sin contenedores no es un diagrama de contenedores (el mensaje menciona `Container`).
# 4. Los alias son únicos, **incluido el del límite** (si no, el diagrama es ambiguo), y todos, el
#    del límite también, tienen forma de identificador (`alias.isidentifier()`). El mensaje nombra
#    el alias.
# 5. Cada `source` y `target` de una relación es el alias de un **elemento** de la lista, no el del
#    límite (nada de relaciones colgantes). El mensaje nombra el alias que falla.
# 6. Ningún texto (el título, la etiqueta del límite y las etiquetas, tecnologías y descripciones
#    de elementos y relaciones) contiene comillas dobles `"`, que romperían la sintaxis. El mensaje
#    cita el texto.
#
# El test comprueba tu salida con `parse_c4`, el validador del calificador. Es «escalable» porque
# sirve para 11 contenedores o para 200: el diagrama se mantiene editando la lista.


# %% nbgrader={"grade": false, "grade_id": "c4", "locked": false, "schema_version": 3, "solution": true, "task": false}
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    ### BEGIN SOLUTION
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-c4-valido", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: el diagrama de churn es C4 válido y contiene exactamente los datos de
# entrada.
from mlops_course.lessons.m02_design import C4SyntaxError, parse_c4

text = c4_container_diagram("Churn", CHURN_BOUNDARY, CHURN_ELEMENTS, CHURN_RELATIONS)
try:
    diagram = parse_c4(text)
except C4SyntaxError as err:
    raise AssertionError(f"El diagrama no pasa el validador del curso:\n{err}") from None
assert diagram.aliases == tuple(e.alias for e in CHURN_ELEMENTS), (
    f"Los elementos deben aparecer todos y en el orden de la lista: {diagram.aliases}"
)
for element in CHURN_ELEMENTS:
    got = diagram.element(element.alias)
    inside = element.kind in ("Container", "ContainerDb")
    assert got.boundary == (CHURN_BOUNDARY[0] if inside else None), (
        f"{element.alias} ({element.kind}) debe ir "
        + ("dentro del límite del sistema." if inside else "fuera del límite del sistema.")
    )
### BEGIN HIDDEN TESTS
for want in CHURN_ELEMENTS:
    got = diagram.element(want.alias)
    assert (got.kind, got.label, got.description) == (want.kind, want.label, want.description), (
        f"{want.alias}: tipo, etiqueta o descripción no coinciden: {got}"
    )
    if want.kind in ("Container", "ContainerDb"):
        assert got.technology == want.technology, f"{want.alias}: falta la tecnología."
assert diagram.relations == tuple(CHURN_RELATIONS), (
    "Las relaciones deben ser exactamente las de la lista, en orden, con etiqueta y tecnología."
)
assert diagram.title == "Churn", f"El título debe ser el recibido: {diagram.title!r}"
assert [(b.alias, b.label) for b in diagram.boundaries] == [CHURN_BOUNDARY]
many = [C4Element("Container", f"svc{i}", f"Servicio {i}", "Go", "") for i in range(40)]
many.append(C4Element("Person", "user", "Usuario", "", "Usa los servicios"))
links = [C4Relation("user", f"svc{i}", f"Llama {i}", "") for i in range(40)]
large = parse_c4(c4_container_diagram("Grande", ("big", "Sistema grande"), many, links))
assert len(large.elements) == 41 and len(large.relations) == 40, (
    "Con 40 contenedores y 40 relaciones, el diagrama debe tenerlos todos."
)
assert large.element("user").boundary is None and large.element("svc39").boundary == "big"
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-c4-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5, R6]: alias duplicados, relaciones colgantes, comillas o tipos
# desconocidos → ValueError.
def expect_c4_error(elements, relations, mention, boundary=("system", "Sistema"), title="T"):
    """Comprueba que c4_container_diagram lanza ValueError y que el mensaje menciona `mention`."""
    try:
        c4_container_diagram(title, boundary, elements, relations)
    except ValueError as err:
        assert mention in str(err), (
            f"El ValueError debe mencionar {mention!r} para saber qué corregir; dice: {str(err)!r}"
        )
    else:
        raise AssertionError(
            f"c4_container_diagram debía lanzar ValueError (se esperaba un error sobre {mention!r})."
        )


api = C4Element("Container", "api", "API", "FastAPI", "Sirve el riesgo")
db = C4Element("ContainerDb", "db", "Base de datos", "PostgreSQL", "Riesgo")
ok_text = c4_container_diagram("T", ("system", "Sistema"), [api, db], [])
assert ok_text.startswith("C4Container"), "Un diagrama válido empieza por la cabecera C4Container."
expect_c4_error([api, db, C4Element("ContainerDb", "api", "Otra", "SQL", "")], [], "api")
### BEGIN HIDDEN TESTS
expect_c4_error([api, db], [C4Relation("api", "dbb", "Lee", "SQL")], "dbb")
expect_c4_error([api, db], [C4Relation("usr", "api", "Usa", "HTTPS")], "usr")
expect_c4_error([api, db], [], "api", boundary=("api", "Sistema"))
expect_c4_error([api, db], [], "mi sistema", boundary=("mi sistema", "Sistema"))
expect_c4_error([api, db], [C4Relation("system", "api", "Contiene", "")], "system")
expect_c4_error([api, C4Element("Container", "x", 'Dice "hola"', "", "")], [], "hola")
expect_c4_error([api, db], [C4Relation("api", "db", "Lee", 'SQL "rápido"')], "rápido")
expect_c4_error([api, db], [], 'Título "malo"', title='Título "malo"')
expect_c4_error([api, db], [], 'Sistema "X"', boundary=("system", 'Sistema "X"'))
expect_c4_error([api, C4Element("Component", "comp", "Comp", "", "")], [], "Component")
expect_c4_error([api, C4Element("Container", "9lives", "Gato", "", "")], [], "9lives")
expect_c4_error([C4Element("Person", "user", "Usuario", "", "")], [], "Container")
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 5 (escalable) · Batch, online o streaming: seis escenarios
#
# Una decisión de arquitectura es **repetible** cuando parte de requisitos medibles. Para cada
# escenario, traduce el texto a las cuatro entradas de la ayuda de decisión de la §5, **en sus
# unidades** (segundos, predicciones al día, verdadero/falso), y elige el modo de inferencia.
#
# | id | Escenario |
# |---|---|
# | `campana_semanal` | Marketing quiere la lista de riesgo **12 horas** después del cierre diario; bastan features de **1 día**; se puntúan **300 000** clientes al día; el costo **manda**. |
# | `ficha_gestor` | El gestor abre la ficha del cliente y el riesgo debe aparecer en **300 ms**; features de **1 día** valen; **20 000** consultas al día; el costo **no manda**. |
# | `alerta_nomina` | Cuando un cliente cancela la domiciliación de la nómina, alerta al gestor en **1 minuto**, con features que incluyan los movimientos de los últimos **30 segundos**; **50 000** eventos al día; el costo **no manda**. |
# | `chat_app` | El chat de retención de la app responde en **1 segundo**; features de **1 hora** valen; **5 000** conversaciones al día; el costo **manda**. |
# | `informe_riesgo` | Informe regulatorio sobre **50 millones** de operaciones al día, listo **2 horas** después del cierre; features de **1 día**; el costo **no manda**. |
# | `oferta_sesion` | Oferta personalizada mientras el cliente navega: respuesta en **200 ms** con features de los últimos **10 segundos** de su sesión; **200 000** al día; el costo **no manda**. |
#
# Rellena dos diccionarios, `SCENARIO_INPUTS` e `INFERENCE_CHOICES`. Requisitos (los tests los
# comprueban):
#
# 1. `SCENARIO_INPUTS` tiene exactamente los seis `id` de la tabla y cada escenario, exactamente las
#    cuatro entradas de la ayuda: `latency_budget_s`, `feature_freshness_s`, `predictions_per_day` y
#    `cost_sensitive`, también cuando el costo no manda.
# 2. `latency_budget_s` (el plazo) y `feature_freshness_s` (la antigüedad máxima de las features)
#    son números de **segundos**: 300 ms son `0.3`, 1 minuto son `60`.
# 3. `predictions_per_day` es un `int` con el volumen del texto (`50_000_000`, no `50e6`, que es un
#    `float`), y `cost_sensitive` es `True` si el costo manda y `False` si no.
# 4. `INFERENCE_CHOICES` tiene los mismos seis `id`, y el valor de cada uno, `"batch"`, `"online"`
#    o `"streaming"`, es el modo que recomienda la ayuda para ese escenario.
#
# Puedes usar el widget de la §5 o `recommend("inference_mode", entradas).best.option_id`: el test
# compara tus elecciones con la recomendación de la ayuda. Lo que se evalúa es que traduzcas bien
# los requisitos (300 ms son 0.3 s, no 300) y que sepas **qué** decide cada modo. Lee después las
# razones de las recomendaciones que más te sorprendan.


# %% nbgrader={"grade": false, "grade_id": "inference", "locked": false, "schema_version": 3, "solution": true, "task": false}
SECOND, MINUTE, HOUR, DAY = 1, 60, 3_600, 86_400
### BEGIN SOLUTION
SCENARIO_INPUTS = {
    "campana_semanal": {
        "latency_budget_s": 12.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 300_000,
        "cost_sensitive": True,
    },
    "ficha_gestor": {
        "latency_budget_s": 0.3 * SECOND,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 20_000,
        "cost_sensitive": False,
    },
    "alerta_nomina": {
        "latency_budget_s": 1.0 * MINUTE,
        "feature_freshness_s": 30.0 * SECOND,
        "predictions_per_day": 50_000,
        "cost_sensitive": False,
    },
    "chat_app": {
        "latency_budget_s": 1.0 * SECOND,
        "feature_freshness_s": 1.0 * HOUR,
        "predictions_per_day": 5_000,
        "cost_sensitive": True,
    },
    "informe_riesgo": {
        "latency_budget_s": 2.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 50_000_000,
        "cost_sensitive": False,
    },
    "oferta_sesion": {
        "latency_budget_s": 0.2 * SECOND,
        "feature_freshness_s": 10.0 * SECOND,
        "predictions_per_day": 200_000,
        "cost_sensitive": False,
    },
}
INFERENCE_CHOICES = {
    scenario: recommend("inference_mode", inputs).best.option_id
    for scenario, inputs in SCENARIO_INPUTS.items()
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-inferencia-entradas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: los requisitos traducidos a las entradas de la ayuda, en sus unidades.
import math

SCENARIOS = {
    "campana_semanal",
    "ficha_gestor",
    "alerta_nomina",
    "chat_app",
    "informe_riesgo",
    "oferta_sesion",
}
assert set(SCENARIO_INPUTS) == SCENARIOS, (
    f"SCENARIO_INPUTS debe tener exactamente las claves {sorted(SCENARIOS)}; "
    f"tiene {sorted(SCENARIO_INPUTS)}."
)
FIELDS = {"latency_budget_s", "feature_freshness_s", "predictions_per_day", "cost_sensitive"}


def check_inputs(scenario, latency, freshness, per_day, cost):
    """Compara las entradas de un escenario con las esperadas, con un mensaje por campo."""
    got = SCENARIO_INPUTS[scenario]
    assert set(got) == FIELDS, (
        f"{scenario}: las claves deben ser {sorted(FIELDS)}; son {sorted(got)}."
    )
    for key, wanted in (("latency_budget_s", latency), ("feature_freshness_s", freshness)):
        assert math.isclose(got[key], wanted, rel_tol=1e-9), (
            f"{scenario}: {key} debe ser {wanted:g} s y es {got[key]!r}: todo en SEGUNDOS."
        )
    assert type(got["predictions_per_day"]) is int and got["predictions_per_day"] == per_day, (
        f"{scenario}: predictions_per_day debe ser el entero {per_day}; es {got['predictions_per_day']!r}."
    )
    assert got["cost_sensitive"] is cost, f"{scenario}: cost_sensitive debe ser {cost}."


check_inputs("campana_semanal", 43_200.0, 86_400.0, 300_000, True)
### BEGIN HIDDEN TESTS
check_inputs("ficha_gestor", 0.3, 86_400.0, 20_000, False)
check_inputs("alerta_nomina", 60.0, 30.0, 50_000, False)
check_inputs("chat_app", 1.0, 3_600.0, 5_000, True)
check_inputs("informe_riesgo", 7_200.0, 86_400.0, 50_000_000, False)
check_inputs("oferta_sesion", 0.2, 10.0, 200_000, False)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-inferencia-modos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: la elección de cada escenario coincide con la recomendación de la ayuda de
# decisión.
from mlops_course.machinery.decision_aids import recommend

MODES = {"batch", "online", "streaming"}
assert set(INFERENCE_CHOICES) == set(SCENARIO_INPUTS), (
    "INFERENCE_CHOICES debe tener las mismas seis claves que SCENARIO_INPUTS."
)
wrong_values = {k: v for k, v in INFERENCE_CHOICES.items() if v not in MODES}
assert not wrong_values, f"Cada elección es 'batch', 'online' o 'streaming': {wrong_values}"
assert INFERENCE_CHOICES["ficha_gestor"] == "online", (
    "ficha_gestor: 300 ms por petición con features de ayer: "
    f"no es {INFERENCE_CHOICES['ficha_gestor']!r}. Revisa la tabla de la §5."
)
### BEGIN HIDDEN TESTS
canonical = {
    "campana_semanal": (43_200.0, 86_400.0, 300_000, True),
    "ficha_gestor": (0.3, 86_400.0, 20_000, False),
    "alerta_nomina": (60.0, 30.0, 50_000, False),
    "chat_app": (1.0, 3_600.0, 5_000, True),
    "informe_riesgo": (7_200.0, 86_400.0, 50_000_000, False),
    "oferta_sesion": (0.2, 10.0, 200_000, False),
}
for scenario, (latency, freshness, per_day, cost) in canonical.items():
    aid = recommend(
        "inference_mode",
        {
            "latency_budget_s": latency,
            "feature_freshness_s": freshness,
            "predictions_per_day": per_day,
            "cost_sensitive": cost,
        },
    ).best
    assert INFERENCE_CHOICES[scenario] == aid.option_id, (
        f"{scenario}: elegiste {INFERENCE_CHOICES[scenario]!r} y la ayuda recomienda "
        f"{aid.option_id!r} porque: " + " ".join(aid.pros)
    )
### END HIDDEN TESTS

# %% [markdown]
# Mira las puntuaciones de los escenarios cercanos a un límite: `chat_app` (1 s exacto cuenta como
# online) y `oferta_sesion`, donde streaming gana a online por poco. Si el equipo no sabe operar un
# broker, ese «por poco» es exactamente lo que un ADR debe discutir.

# %%
try:
    table = pd.DataFrame(
        {
            scenario: {**recommend("inference_mode", inputs).scores(), "elegido": choice}
            for (scenario, inputs), choice in zip(
                SCENARIO_INPUTS.items(), INFERENCE_CHOICES.values(), strict=True
            )
        }
    ).T
except NameError:
    table = "resuelve el Ejercicio 5 para ver las puntuaciones"
table

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 4 h 05 min.*
#
# ## 9. Respuesta escrita (calificada a mano) · ADR de arquitectura de datos
#
# El banco quiere añadir al sistema de churn la **alerta por cancelación de la nómina** (escenario
# `alerta_nomina` del Ejercicio 5). Escribe un ADR de **6 a 10 líneas** con el formato del módulo
# (CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS RECHAZADAS) que decida:
#
# - el **modo de inferencia** de la alerta (¿streaming, o basta un batch más frecuente?), y
# - **dónde viven los datos**: ¿sigue bastando el data warehouse, hace falta un feature store con
#   cara online, o un lakehouse?
#
# Incluye al menos **una cifra** de este módulo (QPS de pico, GB al año, € de un falso negativo o la
# puntuación de la ayuda de decisión), al menos una consecuencia negativa y una alternativa
# rechazada con su motivo.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-arquitectura-datos", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-02-02: Alerta de churn por cancelación de nómina con un consumidor de eventos**
#
# **CONTEXTO:** Cancelar la domiciliación de la nómina es la señal de abandono más fuerte que ve el
# gestor, y la oferta pierde eficacia con cada hora que pasa. Son unos 50 000 eventos al día (media
# de 0.6 eventos/s; con un pico ×10, 6 eventos/s) y un falso negativo cuesta 36 € esperados
# (supuestos de la §3). El resto del sistema es batch nocturno sobre el data warehouse.
#
# **DECISIÓN:** Un consumidor de eventos (streaming) solo para esta alerta: lee los eventos de
# domiciliación del core, combina la feature fresca («nómina cancelada hace < 1 min») con el riesgo
# precalculado de anoche y avisa al gestor. Sin feature store: la única feature fresca se calcula en
# el propio consumidor; el warehouse sigue siendo la fuente de entrenamiento.
#
# **CONSECUENCIAS:** (+) La ayuda de decisión puntúa streaming 5 frente a online 3 para este caso.
# (+) El resto del sistema no cambia. (−) Un broker de eventos que operar 24/7 y una segunda ruta de
# cálculo de una feature (riesgo de *training-serving skew*: la testeamos con el mismo código).
#
# **ALTERNATIVAS RECHAZADAS:** Batch cada hora (la alerta llegaría con hasta 60 min de retraso);
# feature store online (costo de plataforma para una sola feature); lakehouse (no hay datos no
# estructurados ni volumen que lo justifiquen).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Decisión coherente con los requisitos.** El modo elegido responde a la latencia (1
#   min) y a la frescura (30 s) del escenario; si elige batch u online, explica cómo consigue la
#   frescura o acepta explícitamente perderla. 0.5 si la decisión no cita ningún requisito.
# - **1 punto · Datos.** Decide sobre warehouse / feature store / lakehouse con un motivo ligado al
#   caso (número de features frescas, equipos, tipo de datos). 0.5 si solo nombra la opción.
# - **1 punto · Trade-offs con cifras.** Al menos una cifra del módulo usada con sentido, una
#   consecuencia negativa honesta y una alternativa rechazada con su motivo. 0.5 si falta la cifra o
#   solo hay ventajas.
# - Longitud: por encima de ~14 líneas, resta 0.5 (la concisión es parte del ejercicio).
# ### END SOLUTION

# %% [markdown]
# ## 10. Tu entregable: `ML_CANVAS.md` y `c4_container.mmd`
#
# El entregable del módulo se escribe con **tus** funciones: el canvas del Ejercicio 1, su Markdown
# del Ejercicio 2 y el diagrama del Ejercicio 4, que se guarda también aparte (`c4_container.mmd`)
# para poder validarlo, versionarlo y verlo en cualquier visor de Mermaid. Volver a ejecutar la
# celda sobrescribe los archivos.

# %%
canvas_path = WORKSPACE / "ML_CANVAS.md"
diagram_path = WORKSPACE / "c4_container.mmd"
try:
    churn_diagram = c4_container_diagram(
        "Contenedores: plataforma de churn", CHURN_BOUNDARY, CHURN_ELEMENTS, CHURN_RELATIONS
    )
    canvas_md = render_ml_canvas(churn_canvas(), churn_diagram)
except NotImplementedError:
    churn_diagram = None
    canvas_md = "# ML Canvas\n\nPendiente: resuelve los Ejercicios 1, 2 y 4 y vuelve a ejecutar.\n"
canvas_path.write_text(canvas_md, encoding="utf-8")
if churn_diagram is not None:
    diagram_path.write_text(churn_diagram, encoding="utf-8")
display(Markdown(canvas_md))
canvas_path

# %%
# Comprobación del entregable con las mismas herramientas que el calificador.
if churn_diagram is None:
    print("Entregable pendiente: resuelve los Ejercicios 1, 2 y 4.")
else:
    saved = parse_c4(diagram_path.read_text(encoding="utf-8"))
    written = canvas_path.read_text(encoding="utf-8")
    assert churn_diagram.strip() in written, "ML_CANVAS.md debe incluir el diagrama."
    assert review_canvas(churn_canvas()) == [], "El canvas no pasa la revisión de calidad."
    print(
        f"✓ {canvas_path.name}: {len(written.splitlines())} líneas; "
        f"✓ {diagram_path.name}: {len(saved.elements)} elementos, {len(saved.relations)} relaciones."
    )

# %% [markdown]
# ## 11. Cierre
#
# ### Resumen
#
# - Un modelo sin diseño de sistema no se usa: el **ML Canvas** fija para qué decisión sirve, con
#   qué datos, contra qué baseline y cómo se sabe que funciona, en una página.
# - La **métrica de éxito** sale de la decisión y del costo de los errores (aquí, 36 € un falso
#   negativo frente a 6 € un falso positivo), no de la accuracy.
# - El **modelo C4** dibuja la arquitectura a la escala que pide cada lector; en ML, contexto y
#   contenedores casi siempre bastan. En Mermaid, validado y generado desde datos.
# - **Batch, online o streaming** se decide con el plazo, la frescura de las features, el volumen y
#   el costo; **lago, almacén o lakehouse** y el **feature store**, con el tipo de datos y cuántos
#   equipos y modelos los comparten. Lo más simple que cumple suele ganar.
# - Una **cuenta de servilleta** (QPS de pico, GB al año) dice qué parte del sistema merece
#   atención antes de gastar un euro.
#
# ### Checklist del entregable («ML_CANVAS.md + diagrama»)
#
# - [ ] Los tests visibles de los cinco ejercicios pasan.
# - [ ] `workspace/02_diseno_sistemas/ML_CANVAS.md` existe, sin «Pendiente», con los diez bloques y
#   el diagrama.
# - [ ] `workspace/02_diseno_sistemas/c4_container.mmd` pasa `parse_c4`.
# - [ ] Tu ADR decide modo de inferencia y almacenamiento, con una cifra y una alternativa
#   rechazada.
#
# ### Autoevaluación
#
# 1. ¿Por qué «no llamar a nadie» puede tener una accuracy alta y un valor de 0 €?
# 2. Tu métrica de éxito mejora un 10 % y ninguna decisión cambia. ¿Qué falla en el canvas?
# 3. ¿Qué nivel del modelo C4 enseñarías a dirección y cuál a quien va a operar el sistema?
# 4. ¿Qué pasa si dimensionas la API con el QPS medio? ¿Y si `peak_factor` fuese 0.5?
# 5. ¿Cuándo un feature store deja de ser una pieza de más y empieza a pagar su costo?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Con un 79 % de clientes que se quedan, acertar «se queda» siempre da un 79 % de accuracy sin
#    encontrar a nadie que se va. 2. Es una métrica de vanidad: no está ligada a una decisión.
#    3. Contexto a dirección; contenedores a operaciones. 4. El pico tumba el servicio; un factor
#    menor que 1 es un error de entrada y la función lo rechaza. 5. Cuando varias features deben
#    servirse frescas online y varios modelos o equipos las comparten: evita el
#    *training-serving skew* y el trabajo repetido.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# ML Canvas · baseline · métrica de éxito · costo de un falso positivo / negativo · modelo C4 ·
# contenedor (C4) · inferencia batch / online / streaming · data lake · data warehouse · lakehouse
# · feature store · training-serving skew · QPS · factor de pico · ADR.
#
# ### Para saber más
#
# - Louis Dorard. *The Machine Learning Canvas* (ownml.co).
# - Simon Brown. *The C4 model for visualising software architecture* (c4model.com).
# - Mermaid. *C4 Diagrams* (documentación oficial de Mermaid; sintaxis marcada como experimental).
# - Chip Huyen (2022). *Designing Machine Learning Systems*. O'Reilly. Caps. 2 (objetivos de
#   negocio y de ML) y 7 (batch frente a online).
# - M. Armbrust, A. Ghodsi, R. Xin, M. Zaharia (2021). *Lakehouse: A New Generation of Open
#   Platforms that Unify Data Warehousing and Advanced Analytics*. CIDR 2021.
# - J. Hermann, M. Del Balso (2017). *Meet Michelangelo: Uber's Machine Learning Platform*. Uber
#   Engineering Blog.
# - D. Sculley et al. (2015). *Hidden Technical Debt in Machine Learning Systems*. NeurIPS 2015.
#
# **Siguiente:** Fase 2 · Módulo 03 · Entornos profesionales. *«Si no puedo reproducir tu resultado
# en MI máquina, tu trabajo no existe.»*
