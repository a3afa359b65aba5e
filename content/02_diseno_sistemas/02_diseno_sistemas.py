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
# | **Tiempo estimado** | ≈ 4 h 50 min: lectura y demos 85 min, ejercicios 175 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00 (ROI, ADR, el caso de churn) y módulo 01 (tipos, pydantic). Nada de arquitectura. |
# | **Entregable** | `workspace/02_diseno_sistemas/ML_CANVAS.md` y `c4_container.mmd`: el ML Canvas del caso de churn y su diagrama C4 de contenedores |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Rellenar** un ML Canvas concreto (propuesta de valor, tarea, decisiones, datos, features,
#    evaluación, monitorización, impacto) que supere una revisión automática de calidad
#    (Ejercicio 1).
# 2. **Ligar** la métrica de éxito a una decisión y a un baseline, y **cuantificar** el costo de los
#    errores en euros (§3 y Ejercicio 1).
# 3. **Estimar** QPS medio y de pico y almacenamiento anual con una cuenta de servilleta que rechaza
#    entradas absurdas (Ejercicio 3).
# 4. **Dibujar** la arquitectura con el modelo C4 en Mermaid y **generar** un diagrama de contenedores
#    válido a partir de datos (§4 y Ejercicio 4).
# 5. **Medir** la latencia real del modelo y **comprobar** un SLO con percentiles y presupuesto
#    de error (§5 y Ejercicio 2).
# 6. **Elegir** inferencia batch, online o streaming, y lago, almacén o lakehouse, justificando el
#    trade-off en un ADR; y **puntuar** una cartera grande por lotes de memoria acotada, midiendo
#    su throughput (§5, Ejercicio 5 y respuesta escrita).
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
#     D --> E["¿Cuánto aguanta?<br/>QPS, SLO y lotes"]
#     E --> F["ADR + ML_CANVAS.md"]
# ```

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # filas del conjunto sintético de clientes
N_SCORING = 200_000  # filas de la cartera que se puntúa por lotes (§8, tras el Ejercicio 5)
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import math
import time

import numpy as np
import pandas as pd
from IPython.display import Markdown, display
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m02_design import (
    Baseline,
    C4Element,
    C4Relation,
    CanvasError,
    ErrorCosts,
    LatencySLO,
    MLCanvas,
    SuccessMetric,
    c4_problems,
    parse_c4,
    render_ml_canvas,
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
# **antes** de escribirla, con cuatro herramientas: el ML Canvas fija qué decisión mejora y cómo se
# sabe; el diagrama C4 dibuja las piezas; las cuentas de capacidad y los SLO dicen cuánto deben
# aguantar; y el ADR deja escrito por qué se eligió cada cosa.
#
# Empecemos por el canvas. Este es un canvas como los que se ven en muchas propuestas: todo
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
# Cada bloque convierte un deseo («que el modelo ayude a marketing») en un requisito que se puede
# comprobar («la lista, cada lunes antes de las 8:00, con el 10 % de clientes de más riesgo»).
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
# ## 4. El modelo C4: la arquitectura a varios niveles de zoom
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
# **Metáfora: el zoom de una cámara.** Con el gran angular cabe toda la escena: el sistema, sus
# usuarios y los sistemas vecinos (contexto). Al acercar el objetivo, una sola caja llena el
# encuadre y se ven sus piezas (contenedores); más cerca, el interior de una pieza (componentes);
# en macro, cada tornillo (código). Ninguna foto es «la buena»: se elige el encuadre que responde a
# la pregunta de quien mira, y cuanto más se acerca, menos contexto queda en la imagen.
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
# Tras el Ejercicio 5 le darás cifras medidas.

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
# **Ejemplo resuelto: seis escenarios del banco.** Una decisión de arquitectura es repetible cuando
# parte de requisitos medibles. Traducir el texto a las entradas de la ayuda es la parte difícil,
# y casi siempre es un problema de **unidades**: 300 ms son `0.3` s, 1 minuto son `60` s, y
# «el costo no manda» también es una entrada (`False`).
#
# | id | Escenario |
# |---|---|
# | `campana_semanal` | Lista de riesgo **12 h** después del cierre; features de **1 día**; **300 000** clientes al día; el costo **manda**. |
# | `ficha_gestor` | Riesgo en la ficha del cliente en **300 ms**; features de **1 día**; **20 000** consultas al día. |
# | `alerta_nomina` | Alerta al gestor **1 minuto** después de que el cliente cancela la nómina, con movimientos de los últimos **30 s**; **50 000** eventos al día. |
# | `chat_app` | Chat de retención que responde en **1 s**; features de **1 hora**; **5 000** conversaciones al día; el costo **manda**. |
# | `informe_riesgo` | Informe regulatorio de **50 millones** de operaciones al día, **2 h** después del cierre; features de **1 día**. |
# | `oferta_sesion` | Oferta mientras el cliente navega: **200 ms**, con features de los últimos **10 s** de su sesión; **200 000** al día. |

# %%
SECOND, MINUTE, HOUR, DAY = 1, 60, 3_600, 86_400
SCENARIO_INPUTS = {  # (plazo, antigüedad de las features, predicciones al día, ¿manda el costo?)
    "campana_semanal": (12 * HOUR, 1 * DAY, 300_000, True),
    "ficha_gestor": (0.3 * SECOND, 1 * DAY, 20_000, False),
    "alerta_nomina": (1 * MINUTE, 30 * SECOND, 50_000, False),
    "chat_app": (1 * SECOND, 1 * HOUR, 5_000, True),
    "informe_riesgo": (2 * HOUR, 1 * DAY, 50_000_000, False),
    "oferta_sesion": (0.2 * SECOND, 10 * SECOND, 200_000, False),
}
scenario_table = {}
for scenario, (latency, freshness, per_day, cost) in SCENARIO_INPUTS.items():
    rec = recommend(
        "inference_mode",
        {
            "latency_budget_s": latency,
            "feature_freshness_s": freshness,
            "predictions_per_day": per_day,
            "cost_sensitive": cost,
        },
    )
    scenario_table[scenario] = {**rec.scores(), "recomendado": rec.best.option_id}
pd.DataFrame(scenario_table).T

# %% [markdown]
# Mira los escenarios cercanos a un límite: `chat_app` (1 s exacto cuenta como online) y
# `oferta_sesion`, donde streaming gana a online por poco. Si el equipo no sabe operar un broker,
# ese «por poco» es exactamente lo que un ADR debe discutir.

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
# En una frase: el lago guarda todo barato y sin orden impuesto (hace falta un catálogo para
# encontrar algo), el almacén impone el esquema al escribir y a cambio responde SQL al instante, y
# el lakehouse pone una capa de tablas con esquema y versiones sobre los archivos del lago.
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
# ### SLO: la latencia que se promete, medida con percentiles
#
# La cuenta de servilleta dice cuánto tráfico llegará; el **SLO** (*service level objective*) dice
# qué se promete a quien usa la predicción, en una frase que se puede medir: «el 99 % de las
# consultas de la ficha del gestor, en 300 ms o menos, sobre una ventana de 30 días». Tiene tres
# piezas (Beyer et al., *Site Reliability Engineering*, O'Reilly 2016, cap. 4):
#
# - **SLI** (indicador): lo que se mide; aquí, la latencia de cada petición.
# - **SLO** (objetivo): el umbral y la fracción de peticiones que debe cumplirlo (300 ms, 99 %).
# - **Presupuesto de error**: lo que el objetivo permite fallar, 1 − 0.99 = 1 % de las peticiones
#   de la ventana. Si se agota, se congelan los cambios arriesgados y se trabaja en fiabilidad; si
#   sobra, se puede desplegar más rápido.
#
# La latencia se resume con **percentiles**, no con la media: 99 peticiones de 5 ms y una de 3 s
# dan una media de 35 ms que esconde que uno de cada cien clientes espera tres segundos. El p50 es
# la experiencia típica; el p99, la de la cola, que es la que genera quejas. Medimos el modelo de
# la §3 como lo usaría la API de la ficha: una fila por petición.

# %%
# Latencia real del modelo de la §3, una fila por petición (como la ficha del gestor).
N_REQUESTS = 200
measured = []
for i in range(N_REQUESTS):
    row = X_test.iloc[[i % len(X_test)]]
    start = time.perf_counter()
    model.predict_proba(row)
    measured.append(time.perf_counter() - start)
measured_latencies_s = np.array(measured)
p50_ms, p99_ms = 1_000 * np.percentile(measured_latencies_s, [50, 99])
print(
    f"{N_REQUESTS} peticiones: media {1_000 * measured_latencies_s.mean():.2f} ms, "
    f"p50 {p50_ms:.2f} ms, p99 {p99_ms:.2f} ms, máximo {1_000 * measured_latencies_s.max():.2f} ms"
)
FICHA_SLO = LatencySLO(threshold_s=0.3, target=0.99)
print("SLO de la ficha:", FICHA_SLO.describe())

# %% [markdown]
# Las cifras cambian con la computadora y con la carga; el orden de magnitud no: el modelo tarda
# milisegundos, muy lejos de 300 ms. El presupuesto de latencia de la ficha se lo comerán la red,
# la lectura de features y las colas, no la regresión logística: por eso el SLO se mide en la
# petición completa, y por eso se guarda la distribución y no solo la media. En el Ejercicio 2
# escribirás el informe de SLO de una ventana de latencias; en el módulo 15 el mismo objetivo se
# convierte en reglas de alerta de Prometheus.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 55 min.*
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
# | SLO del 99.99 % | Nadie necesita esa fiabilidad y cada «9» más cuesta réplicas y guardias | El objetivo más bajo que el usuario no nota (99 %, 99.9 %) |
#
# «No añadimos complejidad sin justificar el ROI» (principio 2 de la guía): cada fila de la derecha
# es la opción **más simple que cumple**.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 10 min.*

# %% [markdown]
# ## 8. Ejercicios
#
# Cinco ejercicios que suben la escalera de la guía: **funcional → seguro → escalable**. Los dos
# primeros hacen que el diseño funcione (el canvas del entregable y el informe de SLO con latencias
# medidas), el tercero blinda una cuenta contra entradas absurdas y los dos últimos escalan: un
# diagrama que crece editando una lista y un scoring cuya memoria no crece con la cartera.
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
# ### Ejercicio 2 (funcional) · Informe de SLO a partir de latencias medidas
#
# Escribe `slo_report(latencies_s, slo)`, que resume una ventana de latencias (en segundos; una
# lista o un array de NumPy, como `measured_latencies_s` de la §5) frente a un `LatencySLO` del
# paquete: `LatencySLO(threshold_s=0.3, target=0.99)` es «el 99 % de las peticiones en 300 ms o
# menos», y su presupuesto de error, `slo.error_budget`, es `1 − slo.target`. Devuelve un
# diccionario con seis claves. Requisitos (los tests los comprueban):
#
# 1. `"p50_s"`, `"p95_s"` y `"p99_s"` son los percentiles 50, 95 y 99 de la ventana calculados con
#    `np.percentile` (su método por defecto, que interpola entre dos peticiones), como `float`.
# 2. `"over_fraction"` es la fracción de peticiones **por encima** del objetivo
#    (`latencia > slo.threshold_s`); una petición que tarda exactamente `threshold_s` cumple.
# 3. `"slo_met"` es `True` si `over_fraction ≤ 1 − slo.target`, y `"error_budget_remaining"` es
#    `1 − over_fraction / (1 − slo.target)`: 1 es el presupuesto intacto, 0 agotado, y un número
#    negativo, gastado de más. Ojo: «p99 ≤ 300 ms» no es lo mismo, porque el percentil interpola.
# 4. Una ventana vacía, una latencia `NaN` o una negativa lanzan `ValueError` con un mensaje en
#    español que nombra el problema (con las palabras `vacía`, `NaN` o `negativa`): un informe sin
#    datos válidos nunca debe decir que el SLO se cumple.
#
# ```text
# slo_report([0.1, 0.2, 0.25, 0.3, 0.9], LatencySLO(threshold_s=0.3, target=0.99))
#   → p50_s 0.25, over_fraction 0.2 (solo 0.9 pasa de 0.3), slo_met False,
#     error_budget_remaining −19.0 (se gastó 20 veces el presupuesto)
# ```


# %% nbgrader={"grade": false, "grade_id": "slo", "locked": false, "schema_version": 3, "solution": true, "task": false}
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    ### BEGIN SOLUTION
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": 1 - over / budget,
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-slo-percentiles", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: los percentiles de dos ventanas conocidas (1, 2, …, 100 ms; y una cola lenta).
import math

import numpy as np

from mlops_course.lessons.m02_design import LatencySLO

SLO_300 = LatencySLO(threshold_s=0.3, target=0.99)
KEYS = {"p50_s", "p95_s", "p99_s", "over_fraction", "slo_met", "error_budget_remaining"}
report = slo_report([ms / 1_000 for ms in range(1, 101)], SLO_300)
assert isinstance(report, dict) and set(report) == KEYS, (
    f"slo_report debe devolver un dict con las claves {sorted(KEYS)}; devuelve {report!r}."
)
# Interpolación lineal: el p99 de 100 valores está en la posición 0.99 × 99 = 98.01.
for key, wanted in (("p50_s", 0.0505), ("p95_s", 0.09505), ("p99_s", 0.09901)):
    assert math.isclose(report[key], wanted, rel_tol=1e-9), (
        f"{key} de 1…100 ms debe ser {wanted} s y es {report[key]!r}: usa np.percentile con su "
        "método por defecto (interpola), no la media ni un índice redondeado."
    )
tail = slo_report([0.005] * 99 + [3.0], SLO_300)
assert math.isclose(tail["p50_s"], 0.005, rel_tol=1e-9), (
    f"99 peticiones de 5 ms y una de 3 s: el p50 es 5 ms, no {tail['p50_s']!r} (¿la media?)."
)
### BEGIN HIDDEN TESTS
assert all(type(report[key]) is float for key in ("p50_s", "p95_s", "p99_s")), (
    "Los percentiles deben ser float de Python: convierte con float(...)."
)
rng = np.random.default_rng(7)
shuffled = rng.permutation(np.arange(1, 101) / 1_000)
again = slo_report(shuffled, SLO_300)
assert math.isclose(again["p99_s"], 0.09901, rel_tol=1e-9), (
    "Con las mismas latencias en otro orden, los percentiles no cambian."
)
assert math.isclose(tail["p95_s"], 0.005, rel_tol=1e-9)
assert math.isclose(tail["p99_s"], 0.005 + 0.01 * (3.0 - 0.005), rel_tol=1e-9), (
    f"p99 de 99 × 5 ms y una de 3 s debe ser 0.03495 s; es {tail['p99_s']!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-slo-presupuesto", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: fracción por encima del objetivo, cumplimiento y presupuesto restante.
import math

from mlops_course.lessons.m02_design import LatencySLO

SLO_300 = LatencySLO(threshold_s=0.3, target=0.99)
example = slo_report([0.1, 0.2, 0.25, 0.3, 0.9], SLO_300)
assert math.isclose(example["over_fraction"], 0.2), (
    f"De [0.1, 0.2, 0.25, 0.3, 0.9] solo 0.9 pasa de 0.3 s (0.3 exacto cumple): over_fraction es "
    f"0.2, no {example['over_fraction']!r}."
)
assert not example["slo_met"], "Un 20 % de peticiones lentas no cumple un SLO del 99 %."
assert math.isclose(example["error_budget_remaining"], -19.0), (
    "error_budget_remaining = 1 − over_fraction / (1 − target) = 1 − 0.2 / 0.01 = −19; "
    f"es {example['error_budget_remaining']!r}."
)
### BEGIN HIDDEN TESTS
fast = slo_report([0.01] * 50, SLO_300)
assert fast["over_fraction"] == 0 and fast["slo_met"], "Todas por debajo: el SLO se cumple."
assert math.isclose(fast["error_budget_remaining"], 1.0), "Sin fallos, queda el 100 % (1.0)."
half = slo_report([0.1] * 199 + [0.5], SLO_300)
assert math.isclose(half["over_fraction"], 0.005) and half["slo_met"], (
    "1 lenta de 200 (0.5 %) cumple un SLO del 99 %."
)
assert math.isclose(half["error_budget_remaining"], 0.5), (
    f"0.5 % de fallos con un presupuesto del 1 %: queda la mitad (0.5); es "
    f"{half['error_budget_remaining']!r}."
)
two = slo_report([0.1] * 98 + [0.5, 0.5], SLO_300)
assert not two["slo_met"] and math.isclose(two["error_budget_remaining"], -1.0), (
    "2 lentas de 100 (2 %) gastan el doble del presupuesto del 1 %: slo_met False y "
    f"error_budget_remaining −1; es {two!r}."
)
# Una en el umbral exacto y una muy lenta: 1 % fuera, el SLO se cumple, aunque el p99, que
# interpola entre 0.3 s y 5 s, pase de 0.3 s.
edge = slo_report([0.1] * 98 + [0.3, 5.0], SLO_300)
assert math.isclose(edge["over_fraction"], 0.01), (
    f"0.3 s exactos cumplen el objetivo de 300 ms: over_fraction es 0.01; es {edge['over_fraction']!r}."
)
assert edge["slo_met"], (
    "El 99 % de las peticiones tarda 300 ms o menos: el SLO se cumple aunque el p99 interpolado "
    f"({edge['p99_s']:.3f} s) pase de 0.3 s. Decide con over_fraction, no con el p99."
)
assert math.isclose(edge["error_budget_remaining"], 0.0, abs_tol=1e-9)
loose = slo_report([0.1] * 95 + [0.5] * 5, LatencySLO(threshold_s=0.4, target=0.9))
assert loose["slo_met"] and math.isclose(loose["error_budget_remaining"], 0.5), (
    "Con target=0.9 el presupuesto es del 10 %: un 5 % de lentas deja la mitad. Usa slo.target, "
    "no 0.99 fijo."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-slo-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: ventana vacía, NaN o latencia negativa → ValueError que nombra el problema.
import math

import numpy as np

from mlops_course.lessons.m02_design import LatencySLO

SLO_300 = LatencySLO(threshold_s=0.3, target=0.99)


def expect_slo_error(latencies, word):
    """slo_report(latencies) debe lanzar ValueError y su mensaje debe contener `word`."""
    try:
        slo_report(latencies, SLO_300)
    except ValueError as err:
        assert word.lower() in str(err).lower(), (
            f"El ValueError debe decir {word!r} para saber qué corregir; dice: {str(err)!r}"
        )
    except Exception as err:
        raise AssertionError(
            f"slo_report({latencies!r}) lanzó {type(err).__name__} y debía lanzar ValueError."
        ) from None
    else:
        raise AssertionError(
            f"slo_report({latencies!r}) debía lanzar ValueError: sin datos válidos no hay informe."
        )


expect_slo_error([], "vacía")
### BEGIN HIDDEN TESTS
expect_slo_error(np.array([]), "vacía")
expect_slo_error([0.1, math.nan, 0.2], "NaN")
expect_slo_error(np.array([0.1, 0.2, np.nan]), "NaN")
expect_slo_error([0.1, -0.002, 0.2], "negativa")
assert slo_report([0.0, 0.1], SLO_300)["slo_met"], "Una latencia de 0 s es válida."
### END HIDDEN TESTS

# %% [markdown]
# Con tu función, el informe de las latencias que midió la §5 frente al SLO de la ficha, y frente a
# uno de 5 ms para ver cómo se gasta el presupuesto cuando el objetivo es demasiado ambicioso
# (las cifras dependen de tu computadora):

# %%
try:
    slo_table = pd.DataFrame(
        {
            f"99 % en {slo.threshold_s * 1_000:g} ms": slo_report(measured_latencies_s, slo)
            for slo in (FICHA_SLO, LatencySLO(threshold_s=0.005, target=0.99))
        }
    ).T
except NotImplementedError:
    slo_table = "resuelve el Ejercicio 2 para ver el informe"
slo_table

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
# Es el paso «seguro»: la función alimenta decisiones de dinero, así que **rechaza en la frontera**
# lo que no tiene sentido, con un mensaje en español que **nombra el parámetro**, en vez de
# convertir un error de unidades en un presupuesto de máquinas:
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
# ### Ejercicio 5 (escalable) · Puntuar la cartera por lotes
#
# El job nocturno del ADR-02-01 puntúa a **todos** los clientes. Con 5 000 filas,
# `model.predict_proba(tabla)` de una vez basta; con 20 millones, la matriz de features, sus copias
# intermedias (el escalado, la conversión a `float`) y el resultado no caben a la vez en la memoria
# del worker. Este paso es «escalable» porque la memoria del job pasa a depender de `batch_size`,
# no del tamaño de la cartera: la misma función puntúa 2 000 clientes o 20 millones, y los lotes se
# pueden repartir entre varios workers.
#
# Escribe `score_in_batches(model, customers, batch_size, features)`. `customers` es una tabla como
# `churn` (con `customer_id`, las columnas de `features` y quizá otras); `model`, cualquier objeto
# con `predict_proba`, como el pipeline de scikit-learn de la §3. Requisitos (los tests los
# comprueban, también con un modelo «espía» que anota cada lote que recibe):
#
# 1. Devuelve una `pd.Series` llamada `"churn_proba"` con la probabilidad de baja (la columna 1 de
#    `predict_proba`) de cada cliente, con `customer_id` como índice y en el orden de `customers`,
#    con los mismos valores que `model.predict_proba(customers[features])[:, 1]` de una vez,
#    también cuando el índice de la tabla no es 0, 1, 2… (una tabla filtrada o barajada).
# 2. Llama a `model.predict_proba` con lotes consecutivos de `batch_size` filas como mucho, cada uno
#    solo con las columnas `features` y en ese orden; el último lote puede ser más pequeño y ninguna
#    fila se puntúa dos veces.
# 3. Una tabla vacía devuelve una `Series` vacía con el mismo nombre, sin llamar al modelo
#    (scikit-learn rechaza una matriz de 0 filas).
# 4. Un `batch_size` menor que 1 lanza `ValueError` con un mensaje en español que nombra
#    `batch_size`.
# 5. Si a `customers` le falta `customer_id` o alguna columna de `features`, lanza `ValueError`
#    antes de llamar al modelo, con un mensaje que nombra las columnas que faltan.
#
# Pista: corta por **posición** (`customers.iloc[inicio:fin]`); `.loc` corta por las etiquetas del
# índice e incluye el final.


# %% nbgrader={"grade": false, "grade_id": "batches", "locked": false, "schema_version": 3, "solution": true, "task": false}
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    ### BEGIN SOLUTION
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-lotes-resultado", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: con el modelo real, el resultado por lotes es el de una sola llamada.
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlops_course.lessons.common import make_churn

COLUMNS = ["age", "tenure_months", "balance_eur", "num_products", "is_active_member"]
train = make_churn(n_rows=400, seed=11)
real_model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1_000))
real_model.fit(train[COLUMNS], train["churned"])


def check_against_one_shot(table, batch_size):
    """Compara score_in_batches con una sola llamada a predict_proba sobre la misma tabla."""
    try:
        got = score_in_batches(real_model, table, batch_size, COLUMNS)
    except NotImplementedError:
        raise
    except Exception as err:
        raise AssertionError(
            f"score_in_batches({len(table)} clientes, batch_size={batch_size}) lanzó "
            f"{type(err).__name__}: {err}. ¿Los lotes se solapan o pierden filas? Corta por "
            "posición con iloc."
        ) from None
    assert isinstance(got, pd.Series), f"Devuelve una pd.Series, no {type(got).__name__}."
    assert got.name == "churn_proba", f"La Series se llama 'churn_proba', no {got.name!r}."
    assert list(got.index) == list(table["customer_id"]), (
        "El índice debe ser customer_id, en el orden de la tabla (sin perder ni repetir clientes)."
    )
    wanted = real_model.predict_proba(table[COLUMNS])[:, 1]
    assert np.allclose(got.to_numpy(dtype=float), wanted, rtol=0, atol=1e-12), (
        f"Con batch_size={batch_size}, las probabilidades no coinciden con las de una sola llamada "
        "a predict_proba: ¿la columna 1?, ¿cada lote con sus filas?"
    )


check_against_one_shot(make_churn(n_rows=250, seed=3), batch_size=64)
### BEGIN HIDDEN TESTS
portfolio = make_churn(n_rows=300, seed=5)
shuffled = portfolio.sample(frac=1.0, random_state=1)
check_against_one_shot(shuffled, batch_size=50)
active = portfolio[portfolio["is_active_member"]]
check_against_one_shot(active, batch_size=17)
check_against_one_shot(portfolio.head(7), batch_size=1)
check_against_one_shot(portfolio.head(7), batch_size=1_000)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-lotes-memoria", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: un modelo espía anota cada lote: tamaño acotado, solo las features, sin repetir.
import numpy as np

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m02_design.spy import SpyModel

COLUMNS = ["age", "tenure_months", "num_products"]


def score_with_spy(table, batch_size, columns):
    """Puntúa con un espía nuevo y devuelve (resultado, lotes recibidos)."""
    spy = SpyModel()
    try:
        result = score_in_batches(spy, table, batch_size, columns)
    except NotImplementedError:
        raise
    except Exception as err:
        raise AssertionError(
            f"score_in_batches({len(table)} clientes, batch_size={batch_size}) lanzó "
            f"{type(err).__name__}: {err}. El modelo recibió estos lotes: {spy.calls}."
        ) from None
    return result, spy


ten = make_churn(n_rows=10, seed=2)
_, spy = score_with_spy(ten, 4, COLUMNS)
assert [size for size, _ in spy.calls] == [4, 4, 2], (
    f"10 clientes con batch_size=4 son lotes de 4, 4 y 2; el modelo recibió {spy.calls}."
)
assert all(columns == COLUMNS for _, columns in spy.calls), (
    f"Cada lote lleva solo las columnas {COLUMNS}, en ese orden; recibió {spy.calls}."
)
### BEGIN HIDDEN TESTS
thousand = make_churn(n_rows=1_000, seed=4)
scores, spy = score_with_spy(thousand, 100, COLUMNS)
assert [size for size, _ in spy.calls] == [100] * 10, (
    f"1 000 clientes con batch_size=100 son 10 lotes de 100: {[s for s, _ in spy.calls]}."
)
assert np.allclose(scores.to_numpy(dtype=float), thousand["age"].to_numpy(dtype=float) / 100), (
    "Cada cliente debe recibir la puntuación de SU fila: ni filas repetidas ni saltadas."
)
_, spy = score_with_spy(thousand.head(20), 7, COLUMNS[::-1])
assert spy.calls == [(7, COLUMNS[::-1]), (7, COLUMNS[::-1]), (6, COLUMNS[::-1])], (
    f"20 clientes con batch_size=7: lotes de 7, 7 y 6 con las features en el orden pedido; {spy.calls}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-lotes-bordes", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5]: tabla vacía, batch_size no válido y columnas que faltan.
import numpy as np
import pandas as pd

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m02_design.spy import SpyModel

COLUMNS = ["age", "tenure_months", "num_products"]


def expect_batches_error(table, batch_size, mention):
    """score_in_batches debe lanzar ValueError que mencione `mention`, sin llamar al modelo."""
    spy = SpyModel()
    try:
        score_in_batches(spy, table, batch_size, COLUMNS)
    except ValueError as err:
        assert mention in str(err), (
            f"El ValueError debe mencionar {mention!r} para saber qué corregir; dice: {str(err)!r}"
        )
    except Exception as err:
        raise AssertionError(
            f"Se esperaba ValueError (sobre {mention!r}) y se lanzó {type(err).__name__}: {err}"
        ) from None
    else:
        raise AssertionError(f"score_in_batches debía lanzar ValueError sobre {mention!r}.")
    assert spy.calls == [], "Valida la entrada antes de llamar al modelo."


customers = make_churn(n_rows=30, seed=6)
expect_batches_error(customers, 0, "batch_size")
### BEGIN HIDDEN TESTS
expect_batches_error(customers, -5, "batch_size")
expect_batches_error(customers.drop(columns=["tenure_months"]), 10, "tenure_months")
expect_batches_error(customers.drop(columns=["customer_id"]), 10, "customer_id")
spy = SpyModel()
try:
    empty = score_in_batches(spy, customers.iloc[:0], 10, COLUMNS)
except Exception as err:
    raise AssertionError(
        f"Con una tabla vacía, score_in_batches lanzó {type(err).__name__}: {err}. Devuelve una "
        "Series vacía sin llamar al modelo (no hay lotes que concatenar)."
    ) from None
assert isinstance(empty, pd.Series) and len(empty) == 0, (
    f"Una tabla vacía devuelve una Series vacía; devolvió {empty!r}."
)
assert empty.name == "churn_proba", "También vacía, la Series se llama 'churn_proba'."
assert spy.calls == [], "Con 0 clientes no hay que llamar al modelo (scikit-learn lo rechaza)."
### END HIDDEN TESTS

# %% [markdown]
# **De la medida a la decisión.** Tu función puntúa una cartera de `N_SCORING` clientes con el
# modelo de la §3; el tiempo da el **throughput** (filas por segundo), y con él, cuánto tardaría el
# job con los 2 millones de clientes del banco. La tabla pone esas cifras medidas junto a la
# recomendación de la ayuda de la §5 para distintos plazos, y compara con puntuar a cada cliente
# con una petición online, al p50 medido en la §5.

# %%
PORTFOLIO_CUSTOMERS = 2_000_000  # clientes del banco (supuesto ilustrativo)
scoring_table = make_churn(n_rows=N_SCORING, seed=SEED + 1)
try:
    start = time.perf_counter()
    portfolio_scores = score_in_batches(model, scoring_table, 20_000, FEATURES)
    elapsed_s = time.perf_counter() - start
except NotImplementedError:
    portfolio_scores = None
if portfolio_scores is None:
    print("Resuelve el Ejercicio 5 para medir el throughput del scoring por lotes.")
else:
    throughput = len(portfolio_scores) / elapsed_s
    batch_job_s = PORTFOLIO_CUSTOMERS / throughput
    online_cpu_s = PORTFOLIO_CUSTOMERS * float(np.median(measured_latencies_s))
    print(f"Throughput medido: {throughput:,.0f} filas/s ({len(portfolio_scores):,} filas).")
    print(f"2 M de clientes por lotes: {batch_job_s:,.1f} s de job.")
    print(f"2 M de peticiones online (p50 medido): {online_cpu_s / 3_600:.1f} h de cómputo.")
    rows = []
    for label, budget_s in (("1 min", MINUTE), ("1 h", HOUR), ("12 h", 12 * HOUR)):
        aid = recommend(
            "inference_mode",
            {
                "latency_budget_s": budget_s,
                "feature_freshness_s": DAY,
                "predictions_per_day": PORTFOLIO_CUSTOMERS,
                "cost_sensitive": True,
            },
        ).best
        rows.append(
            {
                "plazo": label,
                "la ayuda recomienda": aid.option_id,
                "job batch medido (s)": round(batch_job_s, 1),
                "¿cabe el batch en el plazo?": batch_job_s <= budget_s,
            }
        )
    display(pd.DataFrame(rows))

# %% [markdown]
# Las cifras son de tu computadora, y por eso valen: la ayuda dice qué modo encaja con los
# requisitos; la medida dice si la máquina llega. Con esta regresión logística, el job de 2
# millones de clientes dura segundos y cabe en todos los plazos de la tabla, incluso en el de 1 min
# para el que la ayuda recomienda otro modo: sus umbrales son cualitativos y no conocen tu modelo.
# Ese matiz, con la cifra medida, es lo que un ADR añade a la recomendación (un modelo de cientos
# de árboles cambia el throughput en órdenes de magnitud: se vuelve a medir). Y puntuar a cada
# cliente con una petición a la API costaría horas de cómputo frente a segundos del job, aunque
# cada petición sea rápida. Si algún día el job no cupiera en su plazo, los lotes independientes
# son lo que permite repartirlo entre varios workers.

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 4 h 20 min.*
#
# ## 9. Respuesta escrita (calificada a mano) · ADR de arquitectura de datos
#
# El banco quiere añadir al sistema de churn la **alerta por cancelación de la nómina** (escenario
# `alerta_nomina` de la §5). Escribe un ADR de **6 a 10 líneas** con el formato del módulo
# (CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS RECHAZADAS) que decida:
#
# - el **modo de inferencia** de la alerta (¿streaming, o basta un batch más frecuente?), y
# - **dónde viven los datos**: ¿sigue bastando el data warehouse, hace falta un feature store con
#   cara online, o un lakehouse?
#
# Incluye al menos **una cifra** de este módulo (QPS de pico, GB al año, € de un falso negativo, la
# latencia o el throughput medidos, o la puntuación de la ayuda de decisión), al menos una
# consecuencia negativa y una alternativa rechazada con su motivo.

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
# El entregable del módulo sale de **tus** funciones: el canvas del Ejercicio 1 y el diagrama del
# Ejercicio 4. `render_ml_canvas` (del paquete del curso) los escribe como Markdown, un título por
# bloque del canvas, la visión de negocio y el diagrama en un bloque Mermaid; el diagrama se guarda
# también aparte (`c4_container.mmd`) para validarlo, versionarlo y verlo en cualquier visor de
# Mermaid. Volver a ejecutar la celda sobrescribe los archivos.

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
    canvas_md = "# ML Canvas\n\nPendiente: resuelve los Ejercicios 1 y 4 y vuelve a ejecutar.\n"
canvas_path.write_text(canvas_md, encoding="utf-8")
if churn_diagram is not None:
    diagram_path.write_text(churn_diagram, encoding="utf-8")
display(Markdown(canvas_md))
canvas_path

# %%
# Comprobación del entregable con las mismas herramientas que el calificador.
if churn_diagram is None:
    print("Entregable pendiente: resuelve los Ejercicios 1 y 4.")
elif review_canvas(churn_canvas()):
    print("✗ El canvas no pasa la revisión de calidad:", *review_canvas(churn_canvas()), sep="\n")
else:
    saved = parse_c4(diagram_path.read_text(encoding="utf-8"))
    written = canvas_path.read_text(encoding="utf-8")
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
# - Un **SLO** promete una fracción de peticiones dentro de un umbral; se comprueba con la fracción
#   medida fuera del umbral y su **presupuesto de error**, y la latencia se resume con percentiles,
#   no con la media.
# - Un job que puntúa **por lotes** tiene la memoria acotada por el tamaño del lote y da lo mismo
#   que una sola llamada; su throughput medido dice si el batch cabe en el plazo.
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
# 6. Tu p99 es 320 ms y el SLO es «99 % en 300 ms». ¿Seguro que no se cumple?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Con un 79 % de clientes que se quedan, acertar «se queda» siempre da un 79 % de accuracy sin
#    encontrar a nadie que se va. 2. Es una métrica de vanidad: no está ligada a una decisión.
#    3. Contexto a dirección; contenedores a operaciones. 4. El pico tumba el servicio; un factor
#    menor que 1 es un error de entrada y la función lo rechaza. 5. Cuando varias features deben
#    servirse frescas online y varios modelos o equipos las comparten: evita el
#    *training-serving skew* y el trabajo repetido. 6. No: el p99 interpola entre dos peticiones;
#    lo que decide es la fracción de peticiones por encima de 300 ms (≤ 1 %).
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [ML Canvas](../18_glosario/18_glosario.ipynb#ml-canvas) ·
# [baseline](../18_glosario/18_glosario.ipynb#baseline) ·
# [métrica de éxito](../18_glosario/18_glosario.ipynb#metrica-exito) ·
# [costo de un falso positivo / negativo](../18_glosario/18_glosario.ipynb#costo-error) ·
# [modelo C4](../18_glosario/18_glosario.ipynb#modelo-c4) ·
# [contenedor (C4)](../18_glosario/18_glosario.ipynb#contenedor-c4) ·
# [inferencia batch](../18_glosario/18_glosario.ipynb#inferencia-batch) / [online](../18_glosario/18_glosario.ipynb#inferencia-online) / [streaming](../18_glosario/18_glosario.ipynb#inferencia-streaming) ·
# [data lake](../18_glosario/18_glosario.ipynb#data-lake) ·
# [data warehouse](../18_glosario/18_glosario.ipynb#data-warehouse) ·
# [lakehouse](../18_glosario/18_glosario.ipynb#lakehouse) ·
# [feature store](../18_glosario/18_glosario.ipynb#feature-store) ·
# [training-serving skew](../18_glosario/18_glosario.ipynb#training-serving-skew) ·
# [QPS](../18_glosario/18_glosario.ipynb#qps) ·
# [factor de pico](../18_glosario/18_glosario.ipynb#factor-pico) ·
# [SLI](../18_glosario/18_glosario.ipynb#sli) / [SLO](../18_glosario/18_glosario.ipynb#slo) ·
# [presupuesto de error](../18_glosario/18_glosario.ipynb#presupuesto-error) ·
# [percentil (p50, p99)](../18_glosario/18_glosario.ipynb#percentil) ·
# [throughput](../18_glosario/18_glosario.ipynb#throughput) ·
# [ADR](../18_glosario/18_glosario.ipynb#adr).
#
# ### Para saber más
#
# - Louis Dorard. *The Machine Learning Canvas* (ownml.co).
# - B. Beyer, C. Jones, J. Petoff, N. R. Murphy (2016). *Site Reliability Engineering*. O'Reilly.
#   Cap. 4 (objetivos de nivel de servicio).
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
