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
# # Módulo 07 · Experiment tracking con MLflow
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 3 · El pipeline de modelado (semanas 7–9) |
# | **Tiempo estimado** | ≈ 5 h 20 min: lectura y demos 110 min, ejercicios 180 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulos 05 y 06 (tu `workspace/churn-project/`: DVC y el pipeline de scikit-learn como etapa `train`; si no lo tienes, el cuaderno usa el proyecto de referencia). Módulo 00 (ADR, visión de negocio). `with` y excepciones en Python. |
# | **Entregable** | «Experimentos en MLflow»: tu proyecto `churn-project` registra cada `dvc repro` en un servidor MLflow (`workspace/churn-project-mlflow/`), con el modelo `churn-classifier`, sus alias `challenger` y `champion` y la regla de promoción que escribes; y una búsqueda con runs anidados (un padre y sus hijos) en `workspace/07_experiment_tracking/mlflow.db` |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Configurar** un store local de MLflow (SQLite + artefactos dentro de tu carpeta de trabajo) y
#    **explicar** por qué no usar el *file store* ni el `./mlruns` por defecto (§2).
# 2. **Registrar** runs con params, métricas (con historial) y artefactos, de modo que un
#    entrenamiento que falla quede `FAILED` y no colgado, y una búsqueda como **runs anidados** (un
#    padre con su resumen y un hijo por combinación) (§3 y §5, Ejercicio 1).
# 3. **Elegir** el mejor hijo de una búsqueda con `search_runs`, y **decir** qué registra `autolog`
#    y qué se le escapa (§4 y §5, Ejercicio 2).
# 4. **Registrar un modelo** con firma, ejemplo de entrada y dependencias explícitas, y **demostrar**
#    que la firma rechaza datos mal tipados que, sin ella, cambian la predicción en silencio (§6,
#    Ejercicio 3).
# 5. **Promocionar** un modelo de `challenger` a `champion` con una regla escrita (margen en la
#    métrica del holdout y misma versión de datos) y **cargarlo** por alias en un proceso nuevo,
#    sobre el proyecto y un servidor MLflow real (§7, Ejercicio 4); **reproducir** un run desde
#    sus params (§8, Ejercicio 5).
# 6. **Decidir** entre MLflow, W&B y Neptune y **documentar** una política de promoción en un ADR
#    (§9 y respuesta escrita, §12).
#
# > **Mentalidad Senior (Fase 3):** Un modelo sin tests es una bomba de tiempo en producción.
# > Y un modelo sin historia (qué datos, qué parámetros, qué métrica) es una bomba sin manual de
# > desactivación.
#
# ### Tu proyecto
#
# Este módulo añade la capa «Tracking MLflow» a `workspace/churn-project/`: la etapa `train` de
# DVC registra cada entrenamiento (params de `params.yaml`, la versión DVC de los datos, métricas
# y el modelo) en un servidor MLflow, y el modelo pasa a `champion` solo con tu regla. Las §2–§6
# enseñan las piezas sobre un modelo pequeño y una base de prácticas; la §7 las aplica al proyecto.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("07_experiment_tracking")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en los módulos anteriores: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y `raise NotImplementedError()` son tuyas; debajo de cada una hay tests
# visibles (al calificar se añaden tests ocultos). Las prácticas (§2–§6) escriben en tu carpeta de
# trabajo, `module_workspace("07_experiment_tracking")`: una base de datos de MLflow, sus artefactos
# y sus modelos. La §7 trabaja en tu proyecto, `workspace/churn-project/`, y en su servidor MLflow,
# `workspace/churn-project-mlflow/`. Si algo se tuerce, *Kernel → Restart Kernel and Run All Cells*: el cuaderno
# está pensado para volver a ejecutarse entero sin borrar nada.
#
# **Sobre los tiempos.** MLflow es una herramienta pesada: importarlo, crear la base de datos la
# primera vez y registrar el primer modelo cuestan segundos cada uno. Cada una de esas operaciones
# tiene su propia celda y verás cuánto tardó: es parte de lo que aprendes (§10).
#
# La primera celda de código son los **parámetros** (la integración continua los cambia para correr
# con datos pequeños).

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # filas del conjunto sintético de clientes (make_churn)
SEED = 42  # semilla de los datos y del reparto train/test
RESET_PROJECT = False  # True: parte del proyecto de referencia (el tuyo se aparta, no se borra)

# %%
import itertools
import json
import math
import os
import time
import warnings
from pathlib import Path

import pandas as pd
from IPython.display import display

from mlops_course.machinery.workspace import module_workspace

# Tu carpeta de trabajo para este módulo (se crea si no existe).
WORKSPACE = module_workspace("07_experiment_tracking")
WORKSPACE

# %%
# El modelo del módulo: un pipeline pequeño de scikit-learn sobre el churn sintético del curso.
# (Importa scikit-learn y skops, el formato seguro con el que MLflow guarda modelos sklearn.)
from sklearn.metrics import roc_auc_score

from mlops_course.lessons.m07_tracking import (
    CONFIG_KEYS,
    METRICS,
    churn_pipeline,
    model_pip_requirements,
    silence_mlflow,
    train_churn_model,
)

CONFIG_KEYS, METRICS

# %%
# Telemetría desactivada ANTES de importar MLflow: nada de este curso sale a la red.
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"

import mlflow
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException
from mlflow.models import infer_signature

from mlops_course.lessons.m07_tracking.report import runs_table, storage_report
from mlops_course.lessons.m07_tracking.scratch import (
    record_run,
    register_versions,
    scratch_experiment,
    scratch_model_name,
)
from mlops_course.lessons.m07_tracking.store import (
    checkpoint,
    get_or_create_experiment,
    open_store,
    ui_command,
)

# MLflow informa de todo por el log (migraciones, «Created version 2»...): lo dejamos en WARNING.
silence_mlflow()
mlflow.__version__

# %% [markdown]
# ## 1. El problema: «¿qué modelo es este?»
#
# Seis semanas después de entregar el modelo de churn, negocio pregunta por qué la campaña de este
# mes contactó a menos clientes. Para contestar necesitas saber, del modelo que está en producción:
#
# 1. **con qué datos** se entrenó (qué extracción, qué semilla, qué reparto train/test);
# 2. **con qué parámetros** (`C`, pesos de clase...) y **con qué código**;
# 3. **qué métrica** tenía y contra qué otros candidatos se comparó;
# 4. **qué archivo** exacto se desplegó y **qué librerías** necesita para cargarse.
#
# Sin tracking, las respuestas viven en `modelo_final_v2_bueno.pkl`, en una celda que ya se
# sobrescribió y en la memoria de alguien que está de vacaciones. El **experiment tracking** convierte
# cada entrenamiento en un registro consultable con esas cuatro respuestas.
#
# **Metáfora: el cuaderno de laboratorio.** En un laboratorio, un experimento que no está en el
# cuaderno (fecha, reactivos, cantidades, resultado) no ha ocurrido: nadie puede repetirlo ni
# auditarlo. Un **run** de MLflow es una página de ese cuaderno; un **experimento** es el capítulo
# que agrupa las páginas de una misma pregunta; el **registro de modelos** es la vitrina donde se
# guardan, numeradas, las muestras que salen del laboratorio.
#
# ### Las piezas de MLflow
#
# ```mermaid
# flowchart LR
#     subgraph C["Tu código (este cuaderno)"]
#         T["entrenar + evaluar"]
#     end
#     T -->|"params, métricas, tags"| B[("Backend store<br/>SQLite: mlflow.db")]
#     T -->|"modelos, archivos"| A[["Artifact store<br/>carpeta artifacts/"]]
#     B --- R["Model Registry<br/>churn-classifier v1, v2...<br/>alias champion → v2"]
#     R -.->|"apunta a"| A
#     U["mlflow ui"] --> B
#     U --> A
#     S["Servicio / batch<br/>(módulos 11–12)"] -->|"models:/churn-classifier@champion"| R
# ```
#
# | Concepto | Qué es | Ejemplo en este módulo |
# |---|---|---|
# | **Experimento** | Grupo de runs que responden a una pregunta | `churn-grid`: ¿qué `C` y qué pesos de clase? |
# | **Run** | Una ejecución: params + métricas + tags + artefactos, con estado | `C=0.01, class_weight=None → roc_auc 0.80` |
# | **Param** | Entrada de la ejecución; **texto**, inmutable una vez escrito | `"C": "0.01"` |
# | **Métrica** | Número, con historial por `step` | `roc_auc`, `log_loss`, `recall` |
# | **Artefacto** | Archivo asociado al run o al modelo | `features.json`, el modelo serializado |
# | **Logged model** | Modelo guardado con su formato (MLmodel), firma y dependencias | `models:/m-…` |
# | **Modelo registrado** | Nombre estable con versiones numeradas | `churn-classifier` v1, v2 |
# | **Alias** | Puntero móvil a una versión | `champion → 2` |
#
# ⏱ *Tiempo estimado hasta aquí: 25 min.*

# %% [markdown]
# ## 2. Dónde se guarda todo (y la primera trampa)
#
# MLflow separa dos almacenes: el **backend store** (filas en una base de datos: experimentos, runs,
# params, métricas, registro de modelos) y el **artifact store** (archivos). Los dos se pierden por
# separado: sin el backend quedan archivos que nadie sabe a qué run pertenecen; sin el artifact
# store, filas que apuntan a archivos que ya no existen. Por eso se respaldan juntos.
#
# **Fallo primero.** ¿Dónde escribiría MLflow si no le dices nada? Solo lo preguntamos; no se crea
# ningún archivo:

# %%
# Sin configurar nada: MLflow resuelve su destino por defecto relativo al DIRECTORIO ACTUAL.
print("Directorio actual:    ", os.getcwd())
print("Tracking por defecto: ", mlflow.get_tracking_uri())

# %% [markdown]
# Por defecto, MLflow 3 crea `mlflow.db` **en el directorio actual**, y guarda los artefactos en
# `./mlruns`, también relativo a donde estés. Es decir: junto al cuaderno, dentro del repositorio del
# curso, distinto según desde dónde lances Jupyter. Dos problemas:
#
# - **Datos en el sitio equivocado.** Acabarías versionando en git una base de datos binaria o,
#   peor, con dos bases distintas según el directorio de arranque («¿dónde están mis runs?»).
# - **El *file store* está obsoleto.** Versiones anteriores guardaban todo como archivos en
#   `./mlruns`; MLflow lo declaró obsoleto (*deprecated*) en favor de una base de datos: las
#   búsquedas y el registro de modelos necesitan consultas, no recorrer carpetas.
#
# **La práctica:** una base SQLite **por carpeta de trabajo**, creada una sola vez al principio, y
# cada experimento con su carpeta de artefactos explícita dentro del mismo workspace. Crear la base
# ejecuta las **migraciones** del esquema de MLflow (decenas de `CREATE TABLE` / `ALTER TABLE`):
# tarda segundos, y si varios procesos crean el mismo archivo a la vez pueden chocar. Por eso se hace
# aquí, una vez y sola en su celda. Si la base ya existe (segunda ejecución), abrirla es inmediato.
#
# Un ajuste más, hecho por `open_store`: SQLite en modo **WAL** con `synchronous=NORMAL` (la pareja
# que recomienda la documentación de SQLite para WAL). Por defecto, SQLite espera a que el disco
# confirme (`fsync`) cada `COMMIT`, y MLflow hace varios por run y decenas al crear el esquema. Medido
# al escribir este módulo (disco compartido, 2 núcleos): crear la base pasó de ≈ 7–9 s a ≈ 3–4 s, y
# 10 runs de ≈ 1.1–1.3 s a ≈ 0.3–0.5 s. El precio: un **corte de luz** puede perder los últimos
# commits (nunca corrompe la base), y los commits recientes viven en `mlflow.db-wal` hasta que se
# integran en `mlflow.db` (la §13 lo hace antes de dar el entregable por bueno). Bonus: la UI de
# MLflow puede leer la base mientras el cuaderno escribe.

# %%
# Un store por carpeta de trabajo: sqlite:///<workspace>/mlflow.db + <workspace>/artifacts/
STORE = open_store(WORKSPACE)
state = "creada ahora (migraciones)" if STORE.created else "ya existía"
print(f"Base de datos: {STORE.db_path}  [{state}, {STORE.open_seconds:.1f} s]")
print(f"Artefactos:    {STORE.artifact_root}")
print(f"Tracking URI:  {mlflow.get_tracking_uri()}")

# %% [markdown]
# La base ya existe, pero queda una trampa: el experimento `Default` (id `0`), que MLflow crea con la
# base, guarda sus artefactos en `./mlruns` **del directorio desde el que se creó**. Cualquier run que
# abras sin decir experimento cae ahí. Compáralo con un experimento creado con
# `get_or_create_experiment` (del paquete del curso), que fija la carpeta de artefactos dentro del
# workspace:

# %%
client = STORE.client
demo_experiment_id = get_or_create_experiment(STORE, "churn-demo")
pd.DataFrame(
    {
        "experimento": ["Default (id 0)", "churn-demo"],
        "artefactos en": [
            client.get_experiment("0").artifact_location,
            client.get_experiment(demo_experiment_id).artifact_location,
        ],
    }
)

# %% [markdown]
# Regla del módulo: **todo run se abre con `experiment_id=` explícito**. Así ningún artefacto acaba
# fuera de tu carpeta de trabajo.
#
# ⏱ *Tiempo estimado hasta aquí: 40 min.*
#
# ## 3. Tu primer run: params, métricas, tags y artefactos
#
# El modelo del módulo es pequeño a propósito (el 06 trata los pipelines a fondo): números
# estandarizados, dos indicadores booleanos, `region` y `num_products` en one-hot, y una regresión
# logística. **Todo lo que decide el resultado cabe en un diccionario plano**, la *config* del run:

# %%
CONFIG = {
    "n_rows": N_CUSTOMERS,  # filas de make_churn
    "data_seed": SEED,  # semilla de los datos y del reparto
    "test_size": 0.25,  # fracción reservada para evaluar
    "C": 1.0,  # inversa de la regularización de la regresión logística
    "class_weight": None,  # None o "balanced"
}
trained = train_churn_model(CONFIG)  # valida la config, reparte, entrena y evalúa en test
pd.Series(trained.metrics).round(4)

# %% [markdown]
# Ahora lo mismo, **registrado**. Cuatro llamadas cubren el 90 % del uso diario: `log_params`
# (entradas), `log_metrics` (resultados), `set_tags` (contexto libre) y `log_dict`/`log_artifact`
# (archivos). Una métrica puede tener **historial**: aquí registramos el ROC AUC al entrenar con el
# 25 %, 50 % y 100 % del train (una curva de aprendizaje), con `step=`.

# %%
split = trained.split
with mlflow.start_run(experiment_id=demo_experiment_id, run_name="primer-run") as first_run:
    mlflow.log_params(CONFIG)
    mlflow.log_metrics(trained.metrics)
    mlflow.set_tags({"modulo": "07", "proposito": "demo"})
    mlflow.log_dict({"features": list(split.X_train.columns)}, "features.json")
    for step, fraction in enumerate((0.25, 0.5, 1.0)):
        rows = int(len(split.X_train) * fraction)
        partial = churn_pipeline(CONFIG["C"]).fit(split.X_train[:rows], split.y_train[:rows])
        proba = partial.predict_proba(split.X_test)[:, 1]
        mlflow.log_metric("roc_auc_curva", roc_auc_score(split.y_test, proba), step=step)

first_run_id = first_run.info.run_id
stored = client.get_run(first_run_id)
print(
    "Estado:",
    stored.info.status,
    "| artefactos:",
    [f.path for f in client.list_artifacts(first_run_id)],
)
history = client.get_metric_history(first_run_id, "roc_auc_curva")
pd.DataFrame({"step": [m.step for m in history], "roc_auc": [round(m.value, 4) for m in history]})

# %% [markdown]
# Mira **cómo vuelven los params**. Es el detalle que más reproducciones rompe:

# %%
pd.DataFrame(
    {
        "param": list(stored.data.params),
        "valor guardado": [repr(v) for v in stored.data.params.values()],
        "tipo": [type(v).__name__ for v in stored.data.params.values()],
    }
)

# %% [markdown]
# Todo es **texto**: `1000` vuelve como `'1000'` y `None` como `'None'`. Un param no es una variable
# de Python serializada: es una cadena en una tabla. Para reconstruir un run hay que **convertir
# cada param a su tipo** (lo harás en el Ejercicio 5).
#
# ### Fallo primero: el run huérfano
#
# Un run abierto con `mlflow.start_run()` **sin `with`** queda activo hasta que alguien llama a
# `mlflow.end_run()`. Si el entrenamiento lanza una excepción por el camino, nadie lo cierra:

# %%
orphan = mlflow.start_run(experiment_id=demo_experiment_id, run_name="run-huerfano")
try:
    train_churn_model({**CONFIG, "C": -1.0})  # C inválido: el entrenamiento falla
    mlflow.end_run()
except ValueError as err:
    print("El entrenamiento falló:", err)
print("Estado del run huérfano:", client.get_run(orphan.info.run_id).info.status)
try:
    mlflow.start_run(experiment_id=demo_experiment_id, run_name="el-siguiente")
except Exception as err:  # MLflow se niega a abrir otro run
    print(f"El siguiente run no arranca → {type(err).__name__}: {str(err)[:140]}…")
mlflow.end_run(status="KILLED")  # limpieza a mano
print("Tras cerrarlo a mano:", client.get_run(orphan.info.run_id).info.status)

# %% [markdown]
# El run se queda `RUNNING` para siempre en la UI (parece un entrenamiento en curso) y además
# **bloquea** el siguiente. Con `with`, el gestor de contexto cierra el run pase lo que pase y
# registra **por qué** terminó: `FINISHED` si el bloque acaba bien, `FAILED` si lanza una excepción
# (que sigue propagándose: no se traga el error).

# %%
try:
    with mlflow.start_run(experiment_id=demo_experiment_id, run_name="run-con-with") as guarded:
        train_churn_model({**CONFIG, "C": -1.0})
except ValueError:
    pass
print("Estado:", client.get_run(guarded.info.run_id).info.status)
print("¿Queda algún run activo?", mlflow.active_run())

# %% [markdown]
# ```mermaid
# stateDiagram-v2
#     [*] --> RUNNING: start_run()
#     RUNNING --> FINISHED: el bloque with termina
#     RUNNING --> FAILED: excepción dentro del with
#     RUNNING --> KILLED: end_run(status="KILLED")
#     RUNNING --> RUNNING: sin with y con excepción (run huérfano)
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 05 min.*
#
# ## 4. `autolog` y sus límites
#
# `mlflow.sklearn.autolog()` parchea scikit-learn para que cada `fit` registre un run solo. Es
# cómodo para explorar. Veamos **qué registra y qué no** (sin modelo, para no pagar su serialización):

# %%
mlflow.sklearn.autolog(log_models=False, log_datasets=False, silent=True)
try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # avisos internos de sklearn al calcular métricas
        with mlflow.start_run(experiment_id=demo_experiment_id, run_name="autolog") as auto_run:
            churn_pipeline(CONFIG["C"]).fit(split.X_train, split.y_train)
finally:
    mlflow.sklearn.autolog(disable=True)  # autolog parchea sklearn para todo el proceso

auto = client.get_run(auto_run.info.run_id).data
print(f"Params registrados por autolog: {len(auto.params)} (p. ej. {sorted(auto.params)[:3]}…)")
print(
    "Hiperparámetros del modelo, sí:",
    {k: v for k, v in auto.params.items() if k in ("classifier__C", "classifier__class_weight")},
)
print(
    "Parámetros de los DATOS, no:",
    [k for k in CONFIG_KEYS if not any(p.endswith(k) for p in auto.params)],
)
print("Artefactos:", [f.path for f in client.list_artifacts(auto_run.info.run_id)])
pd.DataFrame(
    {
        "autolog (sobre TRAIN)": {
            "roc_auc": auto.metrics.get("training_roc_auc"),
            "log_loss": auto.metrics.get("training_log_loss"),
        },
        "nuestro run (sobre TEST)": {
            "roc_auc": trained.metrics["roc_auc"],
            "log_loss": trained.metrics["log_loss"],
        },
    }
).round(4)

# %% [markdown]
# | autolog te da | autolog NO te da |
# |---|---|
# | Todos los hiperparámetros del estimador (decenas, con nombres `classifier__C`) | Los parámetros de **los datos**: `n_rows`, `data_seed`, `test_size`. Sin ellos el run **no se puede reproducir** |
# | Métricas `training_*`, calculadas sobre **el mismo train** con el que se ajustó | La métrica que importa, sobre datos que el modelo no vio, salvo que la calcules tú después |
# | Gráficas y un HTML del estimador (archivos en cada run, y segundos en cada `fit`) | Control sobre nombres, formato y costo: con `log_models=True` guarda el modelo con **cloudpickle** por defecto y **sin** `pip_requirements`, así que MLflow infiere dependencias (lento, §6) |
# | Cero código | Parchea scikit-learn para todo el proceso hasta que lo desactivas |
#
# Sobre las métricas: las de autolog miden cómo se ajusta el modelo a los datos que ya vio, no cómo
# generaliza. Con una regresión logística tan regularizada, train y test salen parecidos (que una
# quede por encima de la otra es ruido del reparto); con un árbol profundo, el `training_roc_auc`
# rozaría 1.0 y no diría nada del modelo en producción.
#
# **Regla práctica:** autolog para explorar en un cuaderno; registro explícito (lo que harás en el
# Ejercicio 1) para todo lo que pueda acabar en producción.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 20 min.*

# %% [markdown]
# ## 5. Ejercicios 1 y 2: una búsqueda con runs anidados y su mejor candidato
#
# Una búsqueda de hiperparámetros son muchos runs para **una** pregunta, en un experimento que
# comparte todo el equipo.
#
# **Fallo primero.** Dos búsquedas como runs planos en un experimento de usar y tirar: la tuya sobre
# `C` y la de una compañera sobre `class_weight`:

# %%
flat_searches = {
    "tuya (C)": [{"C": c} for c in (0.01, 1.0)],
    "de tu compañera (class_weight)": [{"class_weight": w} for w in (None, "balanced")],
}
with scratch_experiment(STORE, "busquedas-planas") as flat_experiment_id:
    for changes_of_search in flat_searches.values():
        for changes in changes_of_search:
            flat_config = {**CONFIG, **changes}
            record_run(flat_experiment_id, flat_config, train_churn_model(flat_config).metrics)
    flat_table = runs_table(flat_experiment_id)
flat_table.assign(run_id=flat_table["run_id"].str[:8])[
    ["run_id", "C", "class_weight", "roc_auc"]
].round(4)

# %% [markdown]
# Cuatro filas y ninguna dice de qué búsqueda es; dos son **idénticas** (`C=1.0`,
# `class_weight=None`, la base de ambas). ¿Cuál es el mejor run *de tu* búsqueda? Con 40 runs de
# cuatro búsquedas, nadie lo sabe (y un tag puesto a mano se olvida).
#
# La estructura de MLflow para esto son los **runs anidados**: un run **padre** por búsqueda (lo
# fijo y la rejilla) y, dentro, un **hijo** por combinación, abierto con
# `mlflow.start_run(nested=True)` mientras el padre está activo. Cada hijo recibe el tag
# `mlflow.parentRunId`, la UI muestra la búsqueda como **una fila que se despliega**, y el padre
# guarda el **resumen** (el mejor hijo y su métrica).
#
# Los ejercicios suben la escalera del principio 2: **funcional** (Ejercicios 1 y 2: registrar y
# elegir), **seguro** (Ejercicio 3: un contrato de entrada), **escalable** (Ejercicios 4 y 5: un
# registro que otros consumen y runs que cualquiera puede reproducir).
#
# ### Ejercicio 1 (funcional) · Registra una búsqueda como runs anidados
#
# **a) `log_churn_run(config, experiment_id)`** entrena un modelo con `config` dentro de un run del
# experimento `experiment_id` y devuelve el **id del run** (`str`). Requisitos (numerados a lo largo
# de las dos partes):
#
# 1. `config` debe ser un `dict` (si no, `TypeError`) con **exactamente** las claves de
#    `CONFIG_KEYS`: si falta o sobra alguna, `ValueError` con un mensaje que **nombre** esas claves.
# 2. Esas comprobaciones van **antes** de abrir el run: una config mal escrita no deja ningún run en
#    el experimento (ni siquiera uno `FAILED`).
# 3. Abre el run con `with mlflow.start_run(experiment_id=experiment_id, nested=True)` (dentro del
#    padre de una búsqueda, parte b, queda como su hijo), registra las claves de `config` como
#    params, entrena con `train_churn_model(config)` (ya importada), registra sus `.metrics` y
#    devuelve el id del run, que queda `FINISHED`.
# 4. Los params se registran **antes** de entrenar. Si el entrenamiento lanza una excepción, el run
#    queda `FAILED` con sus params (dirá con qué config falló), no queda ningún run activo y la
#    excepción se propaga.
#
# **b) `log_grid(base_config, grid, experiment_id)`** registra **una búsqueda** sobre `grid` (un
# `dict` parámetro → lista de valores) y devuelve `(id del padre, [ids de los hijos])`:
#
# 5. **Validación primero:** `grid` vacío, una clave fuera de `CONFIG_KEYS` o una lista vacía →
#    `ValueError`, y `base_config` cumple R1; todo **antes de abrir el padre** (nada queda, ni un
#    padre `FAILED`).
# 6. **El padre** (`with mlflow.start_run(experiment_id=experiment_id)`) registra como params lo
#    que la búsqueda **no** cambia (las claves de `base_config` que no están en `grid`) y
#    `grid` = `json.dumps(grid)`. `C=1.0` en el padre de una búsqueda sobre `C` mentiría.
# 7. **Los hijos**, dentro del padre y con `log_churn_run`: uno por combinación sobre una copia de
#    `base_config` (**sin modificarla**), en el orden de `itertools.product` sobre los valores de
#    `grid`; cada uno con el tag `mlflow.parentRunId` del padre.
# 8. **El resumen**, aún dentro del padre: la métrica `best_roc_auc` (el mayor `roc_auc` de los
#    hijos; en un empate, el primero) y el tag `best_run_id` con ese hijo. El padre queda `FINISHED`.
#
# ```text
# log_churn_run(CONFIG, exp_id)             → 'f3a9…' (run FINISHED: 5 params, 3 métricas)
# log_churn_run({"n_rows": 1000}, exp_id)   → ValueError: … faltan ['data_seed', 'test_size', 'C', 'class_weight'] …
# log_grid(CONFIG, {"C": [0.1, 1.0], "class_weight": [None, "balanced"]}, exp_id)
#     → ('9c1e…', ['f3a9…', '07bd…', '5e42…', 'a1c0…'])
#       padre: params n_rows, data_seed, test_size y grid; métrica best_roc_auc; tag best_run_id
#       hijos, en este orden: (0.1, None), (0.1, 'balanced'), (1.0, None), (1.0, 'balanced')
# log_grid(CONFIG, {"alpha": [1]}, exp_id)  → ValueError: … 'alpha' … (ningún run)
# ```


# %% nbgrader={"grade": false, "grade_id": "log-runs", "locked": false, "schema_version": 3, "solution": true, "task": false}
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    ### BEGIN SOLUTION
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as active:
        mlflow.log_params(dict(config))
        result = train_churn_model(config)
        mlflow.log_metrics(result.metrics)
    return active.info.run_id
    ### END SOLUTION


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    ### BEGIN SOLUTION
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid debe ser un dict no vacío: parámetro → lista de valores.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS:
            raise ValueError(f"grid tiene la clave {key!r}, que no es un parámetro de la config.")
        if not isinstance(values, list | tuple) or len(values) == 0:
            raise ValueError(f"grid[{key!r}] debe ser una lista no vacía de valores.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = []
        for combo in itertools.product(*grid.values()):
            combined = {**base_config, **dict(zip(grid, combo, strict=True))}
            child_ids.append(log_churn_run(combined, experiment_id))
        scores = [MlflowClient().get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))  # index() da el primero: en un empate gana el primero
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(
            f"config no es válida: faltan {missing} y sobran {unknown}. "
            f"Claves esperadas: {list(CONFIG_KEYS)}."
        )
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-log-runs-registra", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: un run FINISHED en el experimento pedido, con la config como params y sus métricas.
import math

import mlflow

from mlops_course.lessons.m07_tracking import train_churn_model
from mlops_course.lessons.m07_tracking.scratch import scratch_experiment

mlflow.end_run()  # por si una celda anterior dejó un run abierto
TEST_CONFIG = {
    "n_rows": 400,
    "data_seed": 7,
    "test_size": 0.25,
    "C": 0.5,
    "class_weight": "balanced",
}
with scratch_experiment(STORE, "test-ej1") as exp_id:
    run_id = log_churn_run(TEST_CONFIG, exp_id)
    assert isinstance(run_id, str), (
        f"log_churn_run debe devolver el id del run (str), no {type(run_id).__name__}: "
        "usa run.info.run_id."
    )
    got = STORE.client.get_run(run_id)
    assert got.info.experiment_id == exp_id, (
        "El run se creó en otro experimento: ábrelo con mlflow.start_run(experiment_id=experiment_id)."
    )
    assert got.info.status == "FINISHED", (
        f"El run debe terminar FINISHED y está {got.info.status}: usa `with mlflow.start_run(...)`."
    )
    expected_params = {key: str(value) for key, value in TEST_CONFIG.items()}
    assert got.data.params == expected_params, (
        f"Los params del run deben ser exactamente las claves de config: esperaba {expected_params}, "
        f"hay {got.data.params}."
    )
    expected_metrics = train_churn_model(TEST_CONFIG).metrics
    for name, value in expected_metrics.items():
        logged = got.data.metrics.get(name)
        assert logged is not None and math.isclose(logged, value, rel_tol=1e-9), (
            f"La métrica {name!r} debe ser {value:.6f} (la de train_churn_model(config).metrics) "
            f"y el run tiene {logged!r}."
        )
### BEGIN HIDDEN TESTS
with scratch_experiment(STORE, "test-ej1-oculto") as exp_id:
    other = {"n_rows": 300, "data_seed": 3, "test_size": 0.3, "C": 2.0, "class_weight": None}
    hidden_id = log_churn_run(other, exp_id)
    hidden_run = STORE.client.get_run(hidden_id)
    assert hidden_run.data.params.get("class_weight") == "None", (
        "class_weight=None también se registra (MLflow lo guarda como el texto 'None')."
    )
    assert set(hidden_run.data.metrics) >= {"roc_auc", "log_loss", "recall"}, (
        f"Registra todas las métricas de train_churn_model; el run tiene {sorted(hidden_run.data.metrics)}."
    )
    assert mlflow.active_run() is None, "log_churn_run no debe dejar ningún run activo al terminar."
    runs_in_exp = mlflow.search_runs([exp_id], output_format="list")
    assert len(runs_in_exp) == 1, f"Una llamada debe crear un run, no {len(runs_in_exp)}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-log-runs-fallos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R4]: una config inválida se rechaza ANTES de abrir un run (no deja runs
# basura), y un entrenamiento que falla deja un run FAILED con sus params.
import mlflow

from mlops_course.lessons.m07_tracking.scratch import scratch_experiment

mlflow.end_run()
with scratch_experiment(STORE, "test-ej1-fallos") as exp_id:
    try:
        log_churn_run({"n_rows": 400, "data_seed": 7, "C": 0.5}, exp_id)
    except ValueError as err:
        for key in ("test_size", "class_weight"):
            assert key in str(err), (
                f"El mensaje debe nombrar la clave que falta {key!r}; dice: {err}"
            )
    else:
        raise AssertionError("Una config sin 'test_size' ni 'class_weight' debe lanzar ValueError.")
    leftovers = mlflow.search_runs([exp_id], output_format="list")
    assert not leftovers, (
        f"La config inválida dejó {len(leftovers)} run(s) en el experimento: valida las claves "
        "ANTES de mlflow.start_run."
    )
### BEGIN HIDDEN TESTS
VALID_HIDDEN = {"n_rows": 300, "data_seed": 1, "test_size": 0.25, "C": 1.0, "class_weight": None}
with scratch_experiment(STORE, "test-ej1-fallos-oculto") as exp_id:
    try:
        log_churn_run({**VALID_HIDDEN, "alpha": 3}, exp_id)
    except ValueError as alpha_error:
        assert "alpha" in str(alpha_error), (
            f"El mensaje debe nombrar la clave que sobra 'alpha'; dice: {alpha_error}"
        )
    else:
        raise AssertionError("Una clave desconocida ('alpha') debe lanzar ValueError.")
    try:
        log_churn_run(list(VALID_HIDDEN.items()), exp_id)
    except TypeError:
        pass
    else:
        raise AssertionError("Si config no es un dict, log_churn_run debe lanzar TypeError.")
    assert not mlflow.search_runs([exp_id], output_format="list"), (
        "Las configs inválidas no deben crear runs."
    )
    # Entrenamiento que falla: sustituimos train_churn_model por una que lanza un error.
    _real_train_churn_model = train_churn_model

    def train_churn_model(config):
        raise RuntimeError("fallo simulado del entrenamiento")

    try:
        try:
            log_churn_run(VALID_HIDDEN, exp_id)
        except RuntimeError:
            pass
        else:
            raise AssertionError(
                "Si el entrenamiento falla, la excepción debe propagarse. Entrena con "
                "train_churn_model(config) (la del cuaderno): esta prueba la sustituye por una que falla."
            )
    finally:
        train_churn_model = _real_train_churn_model
    assert mlflow.active_run() is None, (
        "Tras un entrenamiento fallido no debe quedar ningún run activo: usa `with mlflow.start_run(...)`."
    )
    failed = mlflow.search_runs([exp_id], output_format="list")
    assert len(failed) == 1 and failed[0].info.status == "FAILED", (
        f"Un entrenamiento fallido debe dejar exactamente un run FAILED; hay "
        f"{[r.info.status for r in failed]}."
    )
    assert failed[0].data.params.get("C") == "1.0", (
        "Registra los params ANTES de entrenar: el run FAILED debe decir con qué config falló."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-log-runs-rejilla-invalida", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: una búsqueda mal escrita se rechaza ANTES de abrir el padre: no deja ningún run.
import mlflow

from mlops_course.lessons.m07_tracking.scratch import scratch_experiment

mlflow.end_run()
GRID_BASE = {"n_rows": 200, "data_seed": 5, "test_size": 0.25, "C": 1.0, "class_weight": None}
with scratch_experiment(STORE, "test-ej1-invalida") as exp_id:
    try:
        log_grid(GRID_BASE, {"alpha": [1, 2]}, exp_id)
    except ValueError as grid_error:
        assert "alpha" in str(grid_error), (
            f"El mensaje debe nombrar la clave desconocida 'alpha'; dice: {grid_error}"
        )
    else:
        raise AssertionError(
            "log_grid con la clave 'alpha' (no está en CONFIG_KEYS) debe lanzar ValueError."
        )
    leftovers = mlflow.search_runs([exp_id], output_format="list")
    assert not leftovers, (
        f"La búsqueda inválida dejó {len(leftovers)} run(s) "
        f"({[r.info.status for r in leftovers]}): valida grid y base_config ANTES de abrir el "
        "padre con mlflow.start_run."
    )
### BEGIN HIDDEN TESTS
with scratch_experiment(STORE, "test-ej1-invalida-oculto") as exp_id:
    no_test_size = {key: value for key, value in GRID_BASE.items() if key != "test_size"}
    for bad_base, bad_grid, why in (
        (GRID_BASE, {}, "un grid vacío"),
        (GRID_BASE, {"C": []}, "grid['C'] sin valores"),
        ({**GRID_BASE, "alpha": 3}, {"C": [0.5, 2.0]}, "una base_config con 'alpha' de más"),
        (no_test_size, {"C": [0.5]}, "una base_config sin 'test_size'"),
    ):
        try:
            log_grid(bad_base, bad_grid, exp_id)
        except ValueError:
            pass
        except Exception as err:
            raise AssertionError(
                f"Con {why}, log_grid debe lanzar ValueError, no {type(err).__name__}: {err}"
            ) from err
        else:
            raise AssertionError(f"Con {why}, log_grid debe lanzar ValueError.")
        hidden_leftovers = mlflow.search_runs([exp_id], output_format="list")
        assert not hidden_leftovers, (
            f"Con {why}, log_grid dejó {len(hidden_leftovers)} run(s) "
            f"({[r.info.status for r in hidden_leftovers]}): no debe quedar ninguno, ni un padre "
            "FAILED. Comprueba grid y base_config antes de abrir el padre."
        )
    assert mlflow.active_run() is None, "Una búsqueda inválida no debe dejar ningún run activo."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-log-runs-rejilla", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6, R7]: un padre con lo fijo de la búsqueda y la rejilla, y un hijo anidado por cada
# valor, en orden, sobre la config base.
import json
from contextlib import contextmanager
from types import SimpleNamespace

import mlflow

from mlops_course.lessons.m07_tracking.scratch import scratch_experiment


@contextmanager
def quick_training(roc_auc_of):
    """Dentro del bloque, train_churn_model es instantánea, con roc_auc = roc_auc_of(config).

    Estas pruebas miden cómo se registra la búsqueda, no cómo se entrena (eso lo comprueba
    test-log-runs-registra): cada búsqueda tarda milisegundos y su mejor hijo se conoce.
    """
    global train_churn_model
    real_training = train_churn_model

    def instant_training(config):
        metrics = {"roc_auc": roc_auc_of(config), "log_loss": 0.5, "recall": 0.5}
        return SimpleNamespace(metrics=metrics)

    train_churn_model = instant_training
    try:
        yield
    finally:
        train_churn_model = real_training


mlflow.end_run()
GRID_BASE = {"n_rows": 200, "data_seed": 5, "test_size": 0.25, "C": 1.0, "class_weight": None}
with quick_training(lambda config: 0.8), scratch_experiment(STORE, "test-ej1-rejilla") as exp_id:
    result = log_grid(GRID_BASE, {"C": [0.1, 3.0]}, exp_id)
    assert isinstance(result, tuple) and len(result) == 2, (
        f"log_grid debe devolver la tupla (id del padre, [ids de los hijos]); devolvió {result!r}."
    )
    parent_id, ids = result
    assert isinstance(ids, list) and len(ids) == 2, (
        f"Con grid={{'C': [0.1, 3.0]}} debe haber una lista de 2 hijos; hay {ids!r}."
    )
    got_c = [STORE.client.get_run(i).data.params.get("C") for i in ids]
    assert got_c == ["0.1", "3.0"], (
        f"Los hijos deben tener C = '0.1' y '3.0', en ese orden; tienen {got_c}."
    )
    seeds = {STORE.client.get_run(i).data.params.get("data_seed") for i in ids}
    assert seeds == {"5"}, (
        f"El resto de la config sale de base_config (data_seed='5'); hay {seeds}."
    )
    parents = [STORE.client.get_run(i).data.tags.get("mlflow.parentRunId") for i in ids]
    assert parents == [parent_id, parent_id], (
        "Cada hijo debe llevar el tag mlflow.parentRunId con el id del padre: regístralos con "
        "log_churn_run (nested=True) DENTRO del `with` del padre, no antes ni después. Los hijos "
        f"tienen {parents} y el padre es {parent_id!r}."
    )
    parent_params = STORE.client.get_run(parent_id).data.params
    fixed = {"n_rows": "200", "data_seed": "5", "test_size": "0.25", "class_weight": "None"}
    assert {k: v for k, v in parent_params.items() if k != "grid"} == fixed, (
        f"El padre registra como params lo que la búsqueda NO cambia ({fixed}) y la rejilla; "
        f"tiene {parent_params}. C la recorre la búsqueda: no va en el padre."
    )
    assert json.loads(parent_params.get("grid", "null")) == {"C": [0.1, 3.0]}, (
        "El padre registra la rejilla como el param grid = json.dumps(grid); tiene "
        f"grid={parent_params.get('grid')!r}."
    )
### BEGIN HIDDEN TESTS
GRID_BASE_ORIGINAL = {
    "n_rows": 200,
    "data_seed": 5,
    "test_size": 0.25,
    "C": 1.0,
    "class_weight": None,
}
assert GRID_BASE == GRID_BASE_ORIGINAL, (
    "log_grid no debe modificar base_config: combina cada valor sobre una copia "
    f"({{**base_config, ...}}). Tras la llamada, base_config es {GRID_BASE}."
)
with (
    quick_training(lambda config: 0.8),
    scratch_experiment(STORE, "test-ej1-rejilla-oculto") as exp_id,
):
    grid = {"class_weight": [None, "balanced"], "C": [0.5, 2.0]}
    parent_id, ids = log_grid(GRID_BASE, grid, exp_id)
    combos = [
        (
            STORE.client.get_run(i).data.params["class_weight"],
            STORE.client.get_run(i).data.params["C"],
        )
        for i in ids
    ]
    expected_combos = [("None", "0.5"), ("None", "2.0"), ("balanced", "0.5"), ("balanced", "2.0")]
    assert combos == expected_combos, (
        f"El orden debe ser el de itertools.product sobre los valores de grid, en el orden de sus "
        f"claves: {expected_combos}; da {combos}."
    )
    children = mlflow.search_runs(
        [exp_id], filter_string=f"tags.mlflow.parentRunId = '{parent_id}'", output_format="list"
    )
    assert sorted(r.info.run_id for r in children) == sorted(ids), (
        "Los hijos del padre (tags.mlflow.parentRunId) deben ser exactamente los ids devueltos."
    )
    hidden_parent_run = STORE.client.get_run(parent_id)
    assert "mlflow.parentRunId" not in hidden_parent_run.data.tags, "El padre no es hijo de nadie."
    assert set(hidden_parent_run.data.params) == {"n_rows", "data_seed", "test_size", "grid"}, (
        "Con una búsqueda sobre C y class_weight, el padre registra n_rows, data_seed, test_size "
        f"y grid; tiene {sorted(hidden_parent_run.data.params)}."
    )
    assert len(mlflow.search_runs([exp_id], output_format="list")) == 5, (
        "Una búsqueda de 4 combinaciones deja 5 runs: el padre y sus 4 hijos."
    )
    assert mlflow.active_run() is None, "log_grid no debe dejar ningún run activo."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-log-runs-resumen", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R8]: el padre termina FINISHED con el resumen de la búsqueda: best_roc_auc (el mayor
# roc_auc de sus hijos) y el tag best_run_id (ese hijo).
import math

import mlflow

from mlops_course.lessons.m07_tracking.scratch import scratch_experiment

mlflow.end_run()
SUMMARY_BASE = {"n_rows": 300, "data_seed": 8, "test_size": 0.25, "C": 1.0, "class_weight": None}
# Entrenamiento instantáneo (quick_training, de test-log-runs-rejilla): roc_auc 0.78, 0.80, 0.78.
with (
    quick_training(lambda config: round(0.80 - 0.02 * abs(math.log10(config["C"])), 6)),
    scratch_experiment(STORE, "test-ej1-resumen") as exp_id,
):
    parent_id, ids = log_grid(SUMMARY_BASE, {"C": [0.1, 1.0, 10.0]}, exp_id)
    parent_run = STORE.client.get_run(parent_id)
    assert parent_run.info.status == "FINISHED", (
        f"El padre debe quedar FINISHED y está {parent_run.info.status}: usa `with mlflow.start_run(...)`."
    )
    logged_best = parent_run.data.metrics.get("best_roc_auc")
    assert logged_best is not None and math.isclose(logged_best, 0.80), (
        "El padre debe tener la métrica best_roc_auc = 0.80 (el mayor roc_auc de sus hijos: 0.78, "
        f"0.80, 0.78); tiene {logged_best!r}. Regístrala al terminar los hijos, dentro del padre."
    )
    assert parent_run.data.tags.get("best_run_id") == ids[1], (
        f"El tag best_run_id del padre debe ser el hijo con mayor roc_auc, el de C=1.0 ({ids[1]}); "
        f"es {parent_run.data.tags.get('best_run_id')!r}."
    )
### BEGIN HIDDEN TESTS
with (
    quick_training(lambda config: 0.75),
    scratch_experiment(STORE, "test-ej1-resumen-empate") as exp_id,
):
    tie_parent, tie_ids = log_grid(SUMMARY_BASE, {"class_weight": [None, "balanced"]}, exp_id)
    assert STORE.client.get_run(tie_parent).data.tags.get("best_run_id") == tie_ids[0], (
        "Si los hijos empatan en roc_auc, best_run_id es el primero de la rejilla (el que empezó "
        "antes: la misma regla que el Ejercicio 2)."
    )
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 2 (funcional) · Elige el mejor hijo de una búsqueda con `search_runs`
#
# Escribe `best_child_run_id(parent_run_id, metric="roc_auc", greater_is_better=True)`: el id del
# mejor **hijo** del padre `parent_run_id`, elegido **con `mlflow.search_runs`** (compara la base de
# datos, no un bucle de Python). Requisitos:
#
# 1. Solo compiten los hijos de **ese** padre (`tags.mlflow.parentRunId = '<parent_run_id>'`, en el
#    experimento del padre): ni otras búsquedas del experimento, aunque sean mejores, ni el padre.
# 2. Solo los runs **terminados bien** (`attributes.status = 'FINISHED'`): la métrica de un run
#    `FAILED` puede ser de un estado roto.
# 3. Gana el mayor valor de `metric` si `greater_is_better`, el menor si no (`log_loss`).
# 4. Empate → el que **empezó antes** (`attributes.start_time`), no el orden en que la base
#    devuelva las filas.
# 5. Padre inexistente → `ValueError` que diga que **no existe** (un id mal copiado no es una
#    búsqueda vacía).
# 6. Si ningún hijo terminado tiene `metric` (sin hijos, solo `FAILED`, métrica que nadie
#    registró), `ValueError` en español que lo diga.
#
# Pistas: `MlflowClient().get_run(parent_run_id)` da `.info.experiment_id` (y lanza
# `MlflowException` si no existe); los filtros se unen con `and`;
# ``order_by=["metrics.`roc_auc` DESC", "attributes.start_time ASC"]``, `max_results=1`.
#
# ```text
# best_child_run_id(padre)                                      → id del hijo con mayor roc_auc
# best_child_run_id(padre, "log_loss", greater_is_better=False) → id del hijo con menor log_loss
# best_child_run_id(padre_sin_hijos)                            → ValueError: ningún hijo terminado tiene 'roc_auc'…
# best_child_run_id("0123456789abcdef0123456789abcdef")         → ValueError: no existe el run padre…
# ```


# %% nbgrader={"grade": false, "grade_id": "best-run", "locked": false, "schema_version": 3, "solution": true, "task": false}
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    ### BEGIN SOLUTION
    try:
        parent = MlflowClient().get_run(str(parent_run_id))
    except MlflowException as err:
        raise ValueError(f"No existe el run padre {parent_run_id!r}.") from err
    direction = "DESC" if greater_is_better else "ASC"
    found = mlflow.search_runs(
        experiment_ids=[parent.info.experiment_id],
        filter_string=(
            f"tags.mlflow.parentRunId = '{parent.info.run_id}' and attributes.status = 'FINISHED'"
        ),
        order_by=[f"metrics.`{metric}` {direction}", "attributes.start_time ASC"],
        max_results=1,
    )
    column = f"metrics.{metric}"
    if found.empty or column not in found.columns or pd.isna(found.loc[0, column]):
        raise ValueError(
            f"Ningún hijo terminado (FINISHED) del run {parent_run_id} tiene la métrica {metric!r}."
        )
    return str(found.loc[0, "run_id"])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-best-run-mejor", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R4]: elige el hijo con mayor métrica de ESA búsqueda (no el de otra búsqueda
# del mismo experimento), ignora los hijos que no terminaron bien y desempata por el que empezó antes.
from mlops_course.lessons.m07_tracking.scratch import record_run, scratch_experiment


def search_with_children(exp_id, children, start=1_000):
    """Un padre y un hijo por (roc_auc, estado); devuelve (id del padre, ids de los hijos)."""
    parent = record_run(exp_id, {"grid": '{"C": [...]}'}, {}, start_time=start)
    ids = [
        record_run(
            exp_id,
            {"C": index},
            {"roc_auc": auc},
            status=status,
            start_time=start + 10 * (index + 1),
            tags={"mlflow.parentRunId": parent},
        )
        for index, (auc, status) in enumerate(children)
    ]
    return parent, ids


with scratch_experiment(STORE, "test-ej2") as exp_id:
    mine, my_children = search_with_children(exp_id, [(0.70, "FINISHED"), (0.85, "FINISHED")])
    other, other_children = search_with_children(exp_id, [(0.95, "FINISHED")], start=5_000)
    record_run(exp_id, {"C": 9}, {"roc_auc": 0.99})  # un run suelto, sin padre
    chosen = best_child_run_id(mine)
    assert chosen in my_children, (
        "best_child_run_id eligió un run que no es hijo de este padre (el de otra búsqueda del "
        "mismo experimento, roc_auc 0.95, o un run suelto, 0.99): filtra con "
        "tags.mlflow.parentRunId = '<parent_run_id>'."
    )
    assert chosen == my_children[1], (
        f"El mejor hijo de esta búsqueda es {my_children[1]} (roc_auc 0.85); devolvió {chosen!r}."
    )
    assert best_child_run_id(other) == other_children[0], "Cada padre elige entre SUS hijos."
### BEGIN HIDDEN TESTS
with scratch_experiment(STORE, "test-ej2-oculto") as exp_id:
    hidden_parent, children = search_with_children(exp_id, [(0.80, "FINISHED"), (0.99, "FAILED")])
    winner = best_child_run_id(hidden_parent)
    assert winner == children[0], (
        "Un hijo FAILED (roc_auc 0.99) no es candidato: filtra también con "
        "attributes.status = 'FINISHED'."
    )
with scratch_experiment(STORE, "test-ej2-empate") as exp_id:
    hidden_parent = record_run(exp_id, {"grid": "{}"}, {}, start_time=1_000)
    later = record_run(
        exp_id,
        {"C": 1},
        {"roc_auc": 0.9},
        start_time=5_000,
        tags={"mlflow.parentRunId": hidden_parent},
    )
    earlier = record_run(
        exp_id,
        {"C": 2},
        {"roc_auc": 0.9},
        start_time=4_000,
        tags={"mlflow.parentRunId": hidden_parent},
    )
    tie_winner = best_child_run_id(hidden_parent)
    assert tie_winner == earlier, (
        "Con un empate en la métrica gana el hijo que empezó antes (attributes.start_time ASC), "
        "no el último creado."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-best-run-direccion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: con greater_is_better=False gana el MENOR valor de la métrica pedida.
from mlops_course.lessons.m07_tracking.scratch import record_run, scratch_experiment

with scratch_experiment(STORE, "test-ej2-direccion") as exp_id:
    parent = record_run(exp_id, {"grid": "{}"}, {})
    ids = [
        record_run(exp_id, {"C": c}, {"log_loss": loss}, tags={"mlflow.parentRunId": parent})
        for c, loss in ((0.1, 0.45), (1.0, 0.38), (10.0, 0.41))
    ]
    chosen = best_child_run_id(parent, "log_loss", greater_is_better=False)
    assert chosen == ids[1], (
        f"En log_loss menor es mejor: debe ganar 0.38 ({ids[1]}); best_child_run_id devolvió "
        f"{chosen!r}."
    )
### BEGIN HIDDEN TESTS
with scratch_experiment(STORE, "test-ej2-direccion-oculto") as exp_id:
    hidden_parent = record_run(exp_id, {"grid": "{}"}, {})
    by_auc = record_run(
        exp_id,
        {"C": 1},
        {"roc_auc": 0.9, "recall": 0.2},
        tags={"mlflow.parentRunId": hidden_parent},
    )
    by_recall = record_run(
        exp_id,
        {"C": 2},
        {"roc_auc": 0.8, "recall": 0.7},
        tags={"mlflow.parentRunId": hidden_parent},
    )
    assert best_child_run_id(hidden_parent, "recall") == by_recall, (
        "best_child_run_id(padre, 'recall') debe ordenar por la métrica que recibe, no siempre "
        "por roc_auc."
    )
    assert best_child_run_id(hidden_parent) == by_auc, "Por defecto la métrica es roc_auc."
    assert best_child_run_id(hidden_parent, "recall", greater_is_better=False) == by_auc, (
        "Con greater_is_better=False, el menor recall gana."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-best-run-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R5, R6]: si no hay candidato (un padre sin hijos, inexistente o con solo hijos
# FAILED), ValueError claro.
from mlops_course.lessons.m07_tracking.scratch import record_run, scratch_experiment

with scratch_experiment(STORE, "test-ej2-errores") as exp_id:
    parent = record_run(exp_id, {"grid": "{}"}, {})
    record_run(exp_id, {"C": 1}, {"roc_auc": 0.75}, tags={"mlflow.parentRunId": parent})
    assert isinstance(best_child_run_id(parent), str), "Con un hijo válido, devuelve su id."
    lonely = record_run(exp_id, {"grid": "{}"}, {"roc_auc": 0.9})
    try:
        best_child_run_id(lonely)
    except ValueError:
        pass
    else:
        raise AssertionError(
            "Un padre sin hijos no tiene mejor hijo (su propia métrica no cuenta): ValueError."
        )
### BEGIN HIDDEN TESTS
with scratch_experiment(STORE, "test-ej2-errores-oculto") as exp_id:
    hidden_parent = record_run(exp_id, {"grid": "{}"}, {})
    record_run(exp_id, {"C": 1.5}, {"roc_auc": 0.72}, tags={"mlflow.parentRunId": hidden_parent})
    record_run(
        exp_id,
        {"C": 2},
        {"roc_auc": 0.95},
        status="FAILED",
        tags={"mlflow.parentRunId": hidden_parent},
    )
    try:
        best_child_run_id(hidden_parent, "precision")
    except ValueError:
        pass
    else:
        raise AssertionError(
            "best_child_run_id(padre, 'precision') debe lanzar ValueError: ningún hijo terminado "
            "tiene esa métrica (comprueba que la fila elegida de verdad la tenga, no solo que haya "
            "filas)."
        )
try:
    best_child_run_id("0123456789abcdef0123456789abcdef")
except ValueError as unknown_parent:
    assert "no existe" in str(unknown_parent).lower(), (
        "Para un run padre inexistente el mensaje debe decir que no existe (search_runs no falla "
        "solo: compruébalo con MlflowClient().get_run). Dice: "
        f"{unknown_parent}"
    )
else:
    raise AssertionError(
        "best_child_run_id('0123456789abcdef0123456789abcdef') debe lanzar ValueError: ese run no "
        "existe."
    )
with scratch_experiment(STORE, "test-ej2-solo-fallidos") as exp_id:
    hidden_parent = record_run(exp_id, {"grid": "{}"}, {})
    record_run(
        exp_id,
        {"C": 2},
        {"roc_auc": 0.95},
        status="FAILED",
        tags={"mlflow.parentRunId": hidden_parent},
    )
    try:
        best_child_run_id(hidden_parent)
    except ValueError:
        pass
    else:
        raise AssertionError("Si solo hay hijos FAILED no hay candidato: ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ### La búsqueda del proyecto
#
# Con tus dos funciones, la búsqueda de verdad en `churn-grid` (parte del entregable): un padre,
# cuatro hijos y el mejor de **esta** búsqueda.

# %%
GRID_EXPERIMENT_ID = get_or_create_experiment(STORE, "churn-grid")
GRID = {"C": [0.01, 1.0], "class_weight": [None, "balanced"]}
grid_parent_id, grid_run_ids, best_id = None, [], None
try:
    grid_parent_id, grid_run_ids = log_grid(CONFIG, GRID, GRID_EXPERIMENT_ID)
    best_id = best_child_run_id(grid_parent_id)
except NotImplementedError:
    pass
grid_table = None
if grid_run_ids:
    grid_table = runs_table(GRID_EXPERIMENT_ID)
    grid_table = grid_table[grid_table["run_id"].isin(grid_run_ids)].reset_index(drop=True)
    grid_table["mejor"] = grid_table["run_id"].eq(best_id).map({True: "◀ mejor roc_auc", False: ""})
if grid_parent_id is not None:
    grid_parent = client.get_run(grid_parent_id).data
    print(f"Padre {grid_parent_id[:8]}…: params {grid_parent.params}")
    print(
        f"  resumen: best_roc_auc={grid_parent.metrics.get('best_roc_auc')!r}, "
        f"best_run_id={str(grid_parent.tags.get('best_run_id'))[:8]}…"
    )
if best_id is not None:
    print(f"best_child_run_id(padre) → {best_id[:8]}…")
else:
    print(
        "La búsqueda aún no está completa: resuelve los Ejercicios 1 y 2 (log_grid y "
        "best_child_run_id) y vuelve a ejecutar esta celda. El resto del cuaderno se puede leer y "
        "ejecutar igual."
    )
grid_table.round(4) if grid_table is not None else None

# %% [markdown]
# Lee la tabla como un revisor: `class_weight="balanced"` sube mucho el **recall** (más clientes
# detectados, más falsas alarmas) y empeora el **log loss** (probabilidades peor calibradas),
# mientras el **ROC AUC** apenas se mueve. Qué hijo es «el mejor» depende de la métrica, y esa
# elección es de negocio. Si ejecutas el cuaderno otra vez, `churn-grid` tendrá **dos** búsquedas
# con hijos idénticos, cada una bajo su padre: `best_child_run_id` elige dentro de la que le pides.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 20 min.*
#
# ## 6. Firmas, ejemplos de entrada y dependencias
#
# Un modelo registrado lo va a usar **otro** código: la API del módulo 11, un batch nocturno. La
# **firma** (*signature*) es el contrato de entrada y salida: qué columnas, de qué tipo. El **ejemplo
# de entrada** (*input example*) es una muestra real de ese contrato, guardada con el modelo. Las
# **dependencias** (`requirements.txt`) dicen qué instalar para cargarlo.
#
# Con firma, MLflow compara cada entrada con el esquema guardado (columnas y tipos) y rechaza la que
# no encaja **antes** de llamar al modelo; sin firma, el modelo recibe lo que le llegue y puede
# devolver probabilidades sin sentido sin que nadie se entere.
#
# **Fallo primero.** Registramos el modelo base **sin firma** (con dependencias explícitas, que
# explicamos enseguida) y le pedimos probabilidades con los mismos clientes, pero con `num_products`
# como texto (`"2"` en vez de `2`), algo habitual cuando los datos llegan de un JSON o un CSV:

# %%
sample = trained.split.X_test.head(5)
pinned = model_pip_requirements()  # dependencias fijadas: nada de inferirlas (lo vemos abajo)
with mlflow.start_run(experiment_id=demo_experiment_id, run_name="modelo-sin-firma"):
    started = time.perf_counter()
    unsigned_info = mlflow.sklearn.log_model(
        trained.model,
        name="model",
        pip_requirements=pinned,
        pyfunc_predict_fn="predict_proba",  # servir probabilidades, no etiquetas
    )
    first_log_seconds = time.perf_counter() - started
print(f"Primer log_model del proceso: {first_log_seconds:.1f} s")
unsigned = mlflow.pyfunc.load_model(unsigned_info.model_uri)
as_text = sample.assign(num_products=sample["num_products"].astype(str))
pd.DataFrame(
    {
        "num_products": sample["num_products"].to_numpy(),
        "P(churn) con enteros": unsigned.predict(sample)[:, 1].round(3),
        "P(churn) con texto": unsigned.predict(as_text)[:, 1].round(3),
    }
)

# %% [markdown]
# **Ningún error, y todas las probabilidades cambian.** El `OneHotEncoder` aprendió las categorías
# `1, 2, 3, 4` (enteros); `"2"` (texto) no es ninguna, y con `handle_unknown="ignore"` la columna se
# codifica como «desconocida» sin avisar. Es el peor tipo de fallo en producción: silencioso.
#
# La firma se infiere de una muestra con `infer_signature(entrada, salida)`. Para nuestro modelo:

# %%
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # aviso sobre enteros y valores ausentes: lo explicamos abajo
    churn_signature = infer_signature(sample, trained.model.predict_proba(sample))
churn_signature

# %% [markdown]
# Tres detalles de oficio:
#
# - **Enteros y valores ausentes.** La firma dice `long` para `age`. Si en producción llega una edad
#   vacía, pandas convierte la columna a `float` y la firma la rechaza. Si tus datos pueden traer
#   huecos, infiere la firma de una muestra **con** huecos o declara esas columnas como `double`.
#   (MLflow avisa de esto con un `UserWarning` al inferir; aquí lo silenciamos tras leerlo.)
# - **La firma valida tipos, no valores.** `region="MADRID"` es un `string` válido y pasaría; los
#   rangos y categorías se validan con tests de datos (pandera, módulo 08).
# - **`pip_requirements` siempre explícito.** Sin él, MLflow *infiere* las dependencias cargando el
#   modelo en un subproceso. Medido al escribir este módulo (MLflow 3.17.2, máquina de 2 núcleos
#   compartidos, mismo modelo): **≈ 0.1–0.2 s** con `pip_requirements=model_pip_requirements()` frente
#   a **≈ 6–7 s** con la inferencia, que además añadió paquetes que el modelo no usa (`pytest`,
#   `psutil`, `rich`) porque estaban cargados en el proceso. Con skops (formato por defecto de MLflow
#   para sklearn: no ejecuta código al cargar, a diferencia de pickle) hay que incluir `skops` en la
#   lista: `model_pip_requirements()` la fija con las versiones instaladas.

# %%
# Lo que quedó guardado junto al modelo: formato, dependencias fijadas y (aquí) ninguna firma.
print([f.path for f in mlflow.artifacts.list_artifacts(artifact_uri=unsigned_info.model_uri)])
print(Path(mlflow.pyfunc.get_model_dependencies(unsigned_info.model_uri)).read_text())
print("Firma del modelo sin firma:", unsigned.metadata.signature)

# %% [markdown]
# ### Ejercicio 3 (seguro) · Un modelo con contrato
#
# Escribe `log_signed_model(model, X_sample, run_id, model_name)` que guarde `model` (un pipeline ya
# entrenado) con `mlflow.sklearn.log_model(model, name="model", ...)`, lo registre como una nueva
# versión de `model_name` y devuelva el **número de versión** (`int`). Requisitos:
#
# 1. Antes de tocar MLflow valida las entradas: `X_sample` debe ser un `pd.DataFrame` (si no,
#    `TypeError`) con al menos una fila, y `model_name` un texto no vacío (`"   "` tampoco vale); si
#    no, `ValueError`. Una llamada inválida no registra ninguna versión.
# 2. El modelo se guarda **dentro del run existente `run_id`**: reábrelo con
#    `with mlflow.start_run(run_id=run_id)` (así el modelo queda junto a los params y métricas que
#    lo justifican). La versión queda enlazada a ese run, el run vuelve a quedar `FINISHED` y no
#    queda ningún run activo.
# 3. `signature=infer_signature(X_sample, model.predict_proba(X_sample))`: la entrada son las
#    columnas (y tipos) de `X_sample` y la salida, las probabilidades. Con esa firma, un
#    `num_products` enviado como texto se rechaza.
# 4. `input_example`: las **3 primeras filas** de `X_sample` (como mucho 3: es un ejemplo, no un
#    volcado de datos de clientes).
# 5. `pip_requirements=model_pip_requirements()`: el `requirements.txt` del modelo lleva exactamente
#    esas dependencias fijadas (más `mlflow`, que añade MLflow), nada inferido.
# 6. `pyfunc_predict_fn="predict_proba"`: quien cargue el modelo con `mlflow.pyfunc` recibe
#    probabilidades (una fila por cliente, dos columnas), no etiquetas.
# 7. `registered_model_name=model_name`: cada llamada registra **una** versión nueva y devuelve su
#    número como `int` (está en `.registered_model_version` del resultado): 1 la primera vez, 2 la
#    siguiente.
#
# ```text
# log_signed_model(trained.model, sample, run_id, "churn-demo")  → 1   (la siguiente llamada → 2)
# log_signed_model(trained.model, sample.to_numpy(), run_id, "x") → TypeError
# log_signed_model(trained.model, sample.head(0), run_id, "x")    → ValueError
# ```


# %% nbgrader={"grade": false, "grade_id": "signed-model", "locked": false, "schema_version": 3, "solution": true, "task": false}
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    ### BEGIN SOLUTION
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError(f"X_sample debe ser un pandas.DataFrame, no {type(X_sample).__name__}.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas: hace falta al menos una para inferir la firma.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    signature = infer_signature(X_sample, model.predict_proba(X_sample))
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=signature,
            input_example=X_sample.head(3),
            pip_requirements=model_pip_requirements(),
            pyfunc_predict_fn="predict_proba",
            registered_model_name=model_name,
        )
    return int(info.registered_model_version)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-signed-model-firma", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4, R5, R6, R7]: registra la versión 1 dentro del run, con firma, un ejemplo
# corto y dependencias fijadas, y sirve probabilidades.
from pathlib import Path

import mlflow
from mlflow.models import infer_signature

from mlops_course.lessons.m07_tracking import model_pip_requirements, train_churn_model
from mlops_course.lessons.m07_tracking.scratch import (
    record_run,
    scratch_experiment,
    scratch_model_name,
)

mlflow.end_run()
SIGNED_CONFIG = {"n_rows": 300, "data_seed": 11, "test_size": 0.3, "C": 1.0, "class_weight": None}
signed_trained = train_churn_model(SIGNED_CONFIG)
X_signed = signed_trained.split.X_test.head(10)
with scratch_experiment(STORE, "test-ej3") as exp_id, scratch_model_name(STORE, "test-ej3") as name:
    run_id = record_run(exp_id, SIGNED_CONFIG, signed_trained.metrics)
    version = log_signed_model(signed_trained.model, X_signed, run_id, name)
    assert version == 1 and type(version) is int, (
        f"La primera versión de un modelo nuevo es el int 1; log_signed_model devolvió {version!r}."
    )
    loaded = mlflow.pyfunc.load_model(f"models:/{name}/1")
    schema = loaded.metadata.get_input_schema()
    assert schema is not None and schema.input_names() == list(X_signed.columns), (
        "El modelo registrado debe tener una firma de entrada con las columnas de X_sample "
        "(infer_signature(X_sample, ...))."
    )
    proba = loaded.predict(X_signed)
    assert getattr(proba, "shape", None) == (10, 2), (
        f"El modelo cargado debe devolver probabilidades (10, 2); devuelve {getattr(proba, 'shape', proba)}: "
        "¿falta pyfunc_predict_fn='predict_proba'?"
    )
    ### BEGIN HIDDEN TESTS
    local_dir = mlflow.artifacts.download_artifacts(artifact_uri=f"models:/{name}/1")
    example = loaded.metadata.load_input_example(local_dir)
    assert example is not None and 1 <= len(example) <= 3, (
        f"El ejemplo de entrada debe tener como mucho 3 filas (las primeras de X_sample); tiene "
        f"{None if example is None else len(example)}."
    )
    assert list(example.columns) == list(X_signed.columns), (
        "El ejemplo debe tener las columnas de X_sample."
    )
    requirements = (Path(local_dir) / "requirements.txt").read_text().split()
    for pinned in model_pip_requirements():
        assert pinned in requirements, (
            f"requirements.txt debe incluir {pinned!r}: pasa pip_requirements=model_pip_requirements()."
        )
    inferred = sorted(
        line
        for line in requirements
        if line not in model_pip_requirements() and not line.startswith("mlflow")
    )
    assert not inferred, (
        f"requirements.txt tiene dependencias inferidas que el modelo no pidió ({inferred}): pasa "
        "pip_requirements=model_pip_requirements() y MLflow no tendrá que adivinarlas."
    )
    output_schema = loaded.metadata.get_output_schema()
    assert output_schema is not None, (
        "La firma debe incluir la salida: infer_signature(X, model.predict_proba(X))."
    )
    expected_signature = infer_signature(X_signed, signed_trained.model.predict_proba(X_signed))
    assert output_schema == expected_signature.outputs, (
        f"La salida de la firma debe describir las probabilidades ({expected_signature.outputs}) y "
        f"describe {output_schema}: pasa signature=infer_signature(X_sample, "
        "model.predict_proba(X_sample)) (sin signature=, MLflow la infiere del ejemplo con predict, "
        "que da etiquetas)."
    )
    mv = STORE.client.get_model_version(name, "1")
    assert mv.run_id == run_id, (
        "La versión debe nacer del run recibido: mlflow.start_run(run_id=run_id)."
    )
    assert mlflow.active_run() is None, "log_signed_model no debe dejar ningún run activo."
    assert STORE.client.get_run(run_id).info.status == "FINISHED", "El run debe quedar FINISHED."
    second = log_signed_model(signed_trained.model, X_signed, run_id, name)
    assert second == 2, (
        f"La segunda llamada con el mismo nombre crea la versión 2; devolvió {second!r}."
    )
    ### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-signed-model-contrato", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: la firma rechaza num_products como texto, y las entradas inválidas se
# rechazan antes.
import mlflow
from mlflow.exceptions import MlflowException

from mlops_course.lessons.m07_tracking import train_churn_model
from mlops_course.lessons.m07_tracking.scratch import (
    record_run,
    scratch_experiment,
    scratch_model_name,
)

mlflow.end_run()
CONTRACT_CONFIG = {"n_rows": 300, "data_seed": 12, "test_size": 0.3, "C": 1.0, "class_weight": None}
contract_trained = train_churn_model(CONTRACT_CONFIG)
X_contract = contract_trained.split.X_test.head(5)
with (
    scratch_experiment(STORE, "test-ej3-contrato") as exp_id,
    scratch_model_name(STORE, "test-ej3c") as name,
):
    run_id = record_run(exp_id, CONTRACT_CONFIG, contract_trained.metrics)
    log_signed_model(contract_trained.model, X_contract, run_id, name)
    loaded = mlflow.pyfunc.load_model(f"models:/{name}/1")
    try:
        loaded.predict(X_contract.assign(num_products=X_contract["num_products"].astype(str)))
    except MlflowException:
        pass
    else:
        raise AssertionError(
            "Con firma, num_products como texto debe rechazarse (MlflowException): ¿pasaste signature=?"
        )
    ### BEGIN HIDDEN TESTS
    bad_calls = [
        ((contract_trained.model, X_contract.to_numpy(), run_id, name), TypeError),
        ((contract_trained.model, X_contract.head(0), run_id, name), ValueError),
        ((contract_trained.model, X_contract, run_id, ""), ValueError),
        ((contract_trained.model, X_contract, run_id, "   "), ValueError),
    ]
    for args, expected in bad_calls:
        try:
            log_signed_model(*args)
        except expected:
            pass
        except Exception as err:
            raise AssertionError(
                f"Entrada inválida: se esperaba {expected.__name__} y llegó {type(err).__name__}: "
                "valida X_sample y model_name antes de llamar a MLflow."
            ) from err
        else:
            raise AssertionError(
                f"Entrada inválida: log_signed_model debía lanzar {expected.__name__}."
            )
    versions = STORE.client.search_model_versions(f"name = '{name}'")
    assert len(versions) == 1, "Las llamadas inválidas no deben registrar versiones."
    ### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 15 min.*
#
# ## 7. El Model Registry: versiones y alias
#
# Un **modelo registrado** es un nombre estable (`churn-classifier`) con **versiones** numeradas e
# inmutables (1, 2, 3...), cada una enlazada al run que la produjo. Quien consume el modelo no pide
# «la versión 7»: pide un **alias**, un puntero que el equipo mueve (`champion`, `challenger`). En
# MLflow 3 los alias sustituyen a las antiguas *stages* (`Staging`/`Production`), ya obsoletas.
#
# **Metáfora: el brazalete de capitán.** Los jugadores (versiones) no cambian de dorsal; lo que pasa
# de uno a otro es el brazalete. El servicio siempre busca «al capitán» (`models:/churn-classifier@champion`):
# promocionar un modelo o volver atrás (*rollback*) es mover el brazalete, **sin redesplegar nada**.
#
# ```mermaid
# sequenceDiagram
#     participant T as Entrenamiento
#     participant R as Registry
#     participant S as Servicio (módulo 11)
#     T->>R: registra v1 (roc_auc 0.80)
#     R->>R: champion → v1
#     S->>R: load models:/churn-classifier@champion
#     R-->>S: v1
#     T->>R: registra v2 (roc_auc 0.84)
#     R->>R: promote: v2 es mejor → champion → v2
#     S->>R: siguiente carga
#     R-->>S: v2 (sin redesplegar)
#     Note over R,S: rollback = volver a poner champion → v1
# ```
#
# ### Ejercicio 4 (escalable) · La regla que promociona al `challenger`
#
# En el proyecto, cada `dvc repro` que entrena registra una versión nueva de `churn-classifier` y le
# pone el alias `challenger` (lo hace `src/churn_project/tracking.py`). Pasar a `champion` es otra
# decisión, con una regla escrita, porque el servicio del módulo 11 cargará
# `models:/churn-classifier@champion` sin preguntar: es escalable porque la regla la aplica igual
# cualquier reentreno, de cualquier persona, sin que nadie compare a mano.
#
# Escribe `promote_challenger(client, model_name, metric="roc_auc", margin=0.005)` que decida si la
# versión con alias `challenger` pasa a `champion` y devuelva el número de la versión que queda
# como `champion` (`int`). `client` es un `MlflowClient` (el de la base de prácticas en los tests,
# el del servidor en el proyecto). Requisitos:
#
# 1. Antes de mover nada valida: `margin` es un número (`int` o `float`, no `bool`) **≥ 0**; el
#    modelo registrado existe (si no, `ValueError` que diga que **no existe**: el cliente lanza
#    `MlflowException`); y tiene alias `challenger` (si no, `ValueError` que lo nombre).
# 2. **El primer modelo:** si aún no hay alias `champion`, el `challenger` pasa a `champion`.
# 3. La métrica de cada versión es `metric` en el **run que la produjo** (`version.run_id`). Si el
#    run del challenger o del champion no la tiene, `ValueError` que nombre la versión, **sin mover
#    ningún alias** (sin evidencia no se decide).
# 4. **Margen:** el challenger solo gana si su métrica supera la del champion en **más** de `margin`
#    (`challenger − champion > margin`). Un empate, o una mejora de `margin` o menos, deja al champion
#    (cada cambio es un despliegue que vigilar; una mejora del tamaño del ruido no lo paga).
# 5. **Mismos datos:** además, los dos runs deben tener el **mismo** tag `data_version` (la versión
#    DVC de los datos, que registra el proyecto). Si difieren o falta en alguno, las métricas no son
#    comparables y el champion se queda.
# 6. Al promocionar, el champion anterior recibe el alias `previous` (el *rollback* es volver a
#    apuntar `champion` ahí) y `champion` pasa a la versión del challenger; devuelve como `int` la
#    versión que queda de `champion`. Si el challenger ya es el champion, no cambia nada.
#
# Útiles: `client.get_registered_model(name).aliases` (dict alias → versión, en texto),
# `client.get_model_version_by_alias(name, alias)`, `client.get_run(run_id).data.metrics` y `.tags`,
# `client.set_registered_model_alias(name, alias, version)`.
#
# ```text
# sin champion; challenger v1 (0.80)                              → 1  (champion → 1)
# champion v1 (0.80), challenger v2 (0.82), mismos datos, margen 0.005 → 2 (previous → 1)
# champion v1 (0.80), challenger v2 (0.803)                       → 1  (mejora ≤ margen)
# champion v1 (0.80), challenger v2 (0.90), otra data_version     → 1  (no comparables)
# challenger sin roc_auc                                          → ValueError (nada se mueve)
# promote_challenger(client, "no-existe")                         → ValueError: … no existe …
# ```


# %% nbgrader={"grade": false, "grade_id": "promote", "locked": false, "schema_version": 3, "solution": true, "task": false}
def promote_challenger(
    client, model_name: str, metric: str = "roc_auc", margin: float = 0.005
) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    ### BEGIN SOLUTION
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger': no hay candidato.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(
                f"El run de la versión {number} no tiene la métrica {metric!r}: no se decide."
            )
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-promote-primero", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R6]: las entradas inválidas se rechazan sin mover nada y el primer modelo pasa
# a champion (devuelve su versión como int).
import uuid

from mlops_course.lessons.m07_tracking.scratch import (
    register_versions,
    scratch_experiment,
    scratch_model_name,
)


def aliases_of(name):
    """Los alias de `name` como dict alias → número de versión (int)."""
    return {
        key: int(value) for key, value in STORE.client.get_registered_model(name).aliases.items()
    }


try:
    promote_challenger(STORE.client, f"no-existe-{uuid.uuid4().hex[:8]}")
except ValueError as missing_error:
    assert "no existe" in str(missing_error).lower(), (
        "El mensaje debe decir que el modelo no existe (compruébalo con get_registered_model). "
        f"Dice: {missing_error}"
    )
else:
    raise AssertionError("Un modelo registrado que no existe debe dar ValueError.")
with (
    scratch_experiment(STORE, "test-ej4") as exp_id,
    scratch_model_name(STORE, "test-ej4") as name,
):
    register_versions(
        STORE, name, exp_id, [{"roc_auc": 0.80}], run_tags=[{"data_version": "d1"}], log_model=False
    )
    try:
        promote_challenger(STORE.client, name)
    except ValueError as no_challenger:
        assert "challenger" in str(no_challenger), (
            f"Sin alias 'challenger' el mensaje debe nombrarlo; dice: {no_challenger}"
        )
    else:
        raise AssertionError("Un modelo sin alias 'challenger' no tiene candidato: ValueError.")
    assert aliases_of(name) == {}, "Una llamada inválida no debe poner ningún alias."
    STORE.client.set_registered_model_alias(name, "challenger", "1")
    chosen = promote_challenger(STORE.client, name)
    assert chosen == 1 and type(chosen) is int, (
        f"Sin champion, el challenger (v1) pasa a champion y se devuelve 1 (int); devolvió {chosen!r}."
    )
    assert aliases_of(name).get("champion") == 1, (
        f"El alias 'champion' debe apuntar a la versión 1; los alias son {aliases_of(name)}."
    )
    ### BEGIN HIDDEN TESTS
    for bad_margin in (-0.01, True, "0.01", None):
        try:
            promote_challenger(STORE.client, name, margin=bad_margin)
        except ValueError:
            pass
        except Exception as err:
            raise AssertionError(
                f"margin={bad_margin!r} debe dar ValueError, no {type(err).__name__}."
            ) from err
        else:
            raise AssertionError(f"margin={bad_margin!r} no es un número ≥ 0: ValueError.")
    assert promote_challenger(STORE.client, name, margin=0) == 1, (
        "margin=0 es válido; si el challenger ya es el champion no cambia nada."
    )
    assert aliases_of(name) == {"challenger": 1, "champion": 1}, (
        f"Si el challenger ya es el champion no se mueve ningún alias; hay {aliases_of(name)}."
    )
    ### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-promote-regla", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5, R6]: el challenger solo gana por más del margen (en la métrica pedida) y
# con los mismos datos; al ganar, el champion anterior queda como previous.
from mlops_course.lessons.m07_tracking.scratch import (
    register_versions,
    scratch_experiment,
    scratch_model_name,
)


def champion_challenger(name, exp_id, champion_auc, challenger_auc, data=("d1", "d1")):
    """Registra v1 (champion) y v2 (challenger) con esas métricas y versiones de datos."""
    register_versions(
        STORE,
        name,
        exp_id,
        [{"roc_auc": champion_auc}, {"roc_auc": challenger_auc}],
        run_tags=[{"data_version": data[0]}, {"data_version": data[1]}],
        log_model=False,
    )
    STORE.client.set_registered_model_alias(name, "champion", "1")
    STORE.client.set_registered_model_alias(name, "challenger", "2")


with (
    scratch_experiment(STORE, "test-ej4-regla") as exp_id,
    scratch_model_name(STORE, "test-ej4r") as name,
):
    champion_challenger(name, exp_id, 0.80, 0.82)
    chosen = promote_challenger(STORE.client, name)
    assert chosen == 2, (
        f"v2 (0.82) mejora a v1 (0.80) en más de 0.005 con los mismos datos: gana; devolvió {chosen!r}."
    )
    assert aliases_of(name) == {"champion": 2, "challenger": 2, "previous": 1}, (
        "Tras promocionar: champion → 2 y previous → 1 (el rollback); los alias son "
        f"{aliases_of(name)}."
    )
with (
    scratch_experiment(STORE, "test-ej4-margen") as exp_id,
    scratch_model_name(STORE, "test-ej4m") as name,
):
    champion_challenger(name, exp_id, 0.80, 0.803)
    chosen = promote_challenger(STORE.client, name)
    assert chosen == 1 and aliases_of(name)["champion"] == 1, (
        f"v2 (0.803) mejora a v1 (0.80) en 0.003, menos que el margen 0.005: el champion se queda "
        f"en 1; devolvió {chosen!r} y los alias son {aliases_of(name)}."
    )
### BEGIN HIDDEN TESTS
with (
    scratch_experiment(STORE, "test-ej4-datos") as exp_id,
    scratch_model_name(STORE, "test-ej4d") as name,
):
    champion_challenger(name, exp_id, 0.80, 0.90, data=("d1", "d2"))
    assert promote_challenger(STORE.client, name) == 1, (
        "Con otra data_version las métricas no son comparables: el champion (v1) se queda, aunque "
        "el challenger tenga 0.90."
    )
    assert aliases_of(name) == {"challenger": 2, "champion": 1}, (
        f"Si no se promociona no se mueve ningún alias (tampoco previous); hay {aliases_of(name)}."
    )
with (
    scratch_experiment(STORE, "test-ej4-sin-datos") as exp_id,
    scratch_model_name(STORE, "test-ej4s") as name,
):
    register_versions(STORE, name, exp_id, [{"roc_auc": 0.80}, {"roc_auc": 0.90}], log_model=False)
    STORE.client.set_registered_model_alias(name, alias="champion", version="1")
    STORE.client.set_registered_model_alias(name, alias="challenger", version="2")
    assert promote_challenger(STORE.client, name) == 1, (
        "Si a los runs les falta el tag data_version no se sabe con qué datos se entrenaron: el "
        "champion se queda."
    )
with (
    scratch_experiment(STORE, "test-ej4-empate") as exp_id,
    scratch_model_name(STORE, "test-ej4e") as name,
):
    champion_challenger(name, exp_id, 0.80, 0.80)
    assert promote_challenger(STORE.client, name, margin=0) == 1, (
        "Con margin=0 un empate no basta: el challenger debe SUPERAR al champion."
    )
    assert promote_challenger(STORE.client, name, metric="roc_auc", margin=0.0) == 1
with (
    scratch_experiment(STORE, "test-ej4-metrica") as exp_id,
    scratch_model_name(STORE, "test-ej4k") as name,
):
    register_versions(
        STORE,
        name,
        exp_id,
        [{"roc_auc": 0.90, "brier": 0.20}, {"roc_auc": 0.80, "brier": 0.30}],
        run_tags=[{"data_version": "d1"}] * 2,
        log_model=False,
    )
    STORE.client.set_registered_model_alias(name, alias="champion", version="1")
    STORE.client.set_registered_model_alias(name, alias="challenger", version="2")
    assert promote_challenger(STORE.client, name, metric="brier", margin=0.05) == 2, (
        "promote_challenger(..., metric='brier', margin=0.05) compara la métrica que recibe (0.30 "
        "frente a 0.20), no siempre roc_auc."
    )
    assert aliases_of(name)["previous"] == 1
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-promote-metricas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: sin la métrica en el run del challenger o del champion no se decide (ValueError)
# y ningún alias se mueve.
from mlops_course.lessons.m07_tracking.scratch import (
    register_versions,
    scratch_experiment,
    scratch_model_name,
)

with (
    scratch_experiment(STORE, "test-ej4-sin-metrica") as exp_id,
    scratch_model_name(STORE, "test-ej4x") as name,
):
    register_versions(
        STORE,
        name,
        exp_id,
        [{"roc_auc": 0.80}, {"brier": 0.1}],
        run_tags=[{"data_version": "d1"}, {"data_version": "d1"}],
        log_model=False,
    )
    STORE.client.set_registered_model_alias(name, "champion", "1")
    STORE.client.set_registered_model_alias(name, "challenger", "2")
    try:
        promote_challenger(STORE.client, name)
    except ValueError as no_metric:
        assert "2" in str(no_metric), (
            f"El mensaje debe nombrar la versión sin métrica (2); dice: {no_metric}"
        )
    else:
        raise AssertionError(
            "El run del challenger (v2) no tiene roc_auc: sin evidencia no se decide, ValueError."
        )
    assert aliases_of(name) == {"champion": 1, "challenger": 2}, (
        f"Sin decisión no se mueve ningún alias; hay {aliases_of(name)}."
    )
### BEGIN HIDDEN TESTS
with (
    scratch_experiment(STORE, "test-ej4-champion-sin-metrica") as exp_id,
    scratch_model_name(STORE, "test-ej4y") as name,
):
    register_versions(
        STORE,
        name,
        exp_id,
        [{"brier": 0.2}, {"roc_auc": 0.95}],
        run_tags=[{"data_version": "d1"}] * 2,
        log_model=False,
    )
    STORE.client.set_registered_model_alias(name, alias="champion", version="1")
    STORE.client.set_registered_model_alias(name, alias="challenger", version="2")
    try:
        promote_challenger(STORE.client, name, "roc_auc")
    except ValueError:
        pass
    else:
        raise AssertionError(
            "Si el run del champion (v1) no tiene roc_auc tampoco se decide: ValueError (no "
            "promociones por defecto a un challenger contra un champion sin métrica)."
        )
    assert aliases_of(name) == {"challenger": 2, "champion": 1}, (
        f"Si no se puede decidir, ningún alias se mueve; hay {aliases_of(name)}."
    )
### END HIDDEN TESTS

# %% [markdown]
# ### El proyecto de churn, con un servidor MLflow de verdad
#
# Hasta aquí, una base SQLite que abría el propio cuaderno. Un equipo no trabaja así: hay **un
# servidor** de tracking (`mlflow server`) al que escriben todos los entrenamientos, y los clientes
# no tocan ni la base ni la carpeta de artefactos: con `--serve-artifacts` el servidor recibe los
# archivos y los guarda él (*proxied artifacts*), así que nadie necesita credenciales del almacén.
#
# Primero, el proyecto: el tuyo de los módulos 05 y 06 si tiene todo lo que hace falta; si no, el de
# referencia (la celda dice cuál y por qué). Después le añadimos la capa 07: la etapa `train` llama a
# `src/churn_project/tracking.py`, que registra params de `params.yaml`, la versión DVC de los datos
# (`mlflow.log_input` y el tag `data_version`), métricas y el modelo skops, y pone `challenger` a la
# versión nueva.

# %%
import json

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.common import git, isolated_env
from mlops_course.lessons.m05_dataops.dvctool import dvc
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.machinery.workspace import workspace_root

ROOT = workspace_root()  # el proyecto vive en workspace/churn-project, junto a los de otros módulos
state = ensure_project(
    "07_experiment_tracking", root=ROOT, reset=RESET_PROJECT, n_rows=N_CUSTOMERS, seed=SEED
)
PROJECT = state.project
added = apply_layer(PROJECT, "07")
print("Capa 07:", sorted(str(path.relative_to(PROJECT)) for path in added))

# %% [markdown]
# El servidor: su base SQLite y sus artefactos en `workspace/churn-project-mlflow/` (fuera del
# repositorio: los runs no se versionan con git), en `127.0.0.1` (solo tu máquina) y un puerto
# libre. Arranca en segundo plano y la celda espera a que `/health` responda. Es lento (importa
# MLflow dos veces y, la primera vez, crea el esquema): mira cuánto.

# %%
from mlops_course.lessons.m07_tracking.server import start_server

MLFLOW_STORE = ROOT / "churn-project-mlflow"
server = start_server(MLFLOW_STORE)  # server.stop() lo detiene (§13); también al cerrar el kernel
server_client = MlflowClient(
    tracking_uri=server.uri, registry_uri=server.uri
)  # las dos: el cuaderno fijó otras
print(f"mlflow server en {server.uri}: listo en {server.startup_seconds:.1f} s")
print("Base:      ", server.backend_store_uri)
print("Artefactos:", server.artifacts, "(los escribe el servidor, no el cliente)")

# %% [markdown]
# Ahora `dvc repro`: DVC ve que la etapa `train` cambió (nuevo código y nuevos params) y la
# ejecuta. El proceso de la etapa no sabe nada del cuaderno: solo recibe `MLFLOW_TRACKING_URI` en
# su entorno, como lo recibiría en CI (módulo 09).

# %%
MODEL_NAME = "churn-classifier"
# Las dos URIs: el cuaderno fijó las de su base de prácticas (§2) y los procesos hijos las heredan.
ENV = isolated_env(
    ROOT / ".tool-home", MLFLOW_TRACKING_URI=server.uri, MLFLOW_REGISTRY_URI=server.uri
)
print(dvc("repro", cwd=PROJECT, env=ENV, check=True))

# %% [markdown]
# Como en el módulo 05: el modelo nuevo al remoto de DVC y la capa, con su `dvc.lock`, a git.

# %%
print(dvc("push", "--quiet", cwd=PROJECT, env=ENV, check=True))
print(
    "commit:", commit_all(PROJECT, ENV, "la etapa train registra en MLflow (capa 07)", module="07")
)
run_report = json.loads((PROJECT / "reports" / "mlflow_run.json").read_text(encoding="utf-8"))
run_report

# %% [markdown]
# Si `dvc repro` dijo que `train` no cambió (segunda ejecución del cuaderno), no hay run nuevo: DVC
# no reentrena lo que no cambió, y MLflow no registra lo que no se entrenó. El informe
# `reports/mlflow_run.json` sigue apuntando al run de la vez anterior. Lo que quedó en el servidor:

# %%
project_run = server_client.get_run(run_report["run_id"])
display(
    pd.Series(
        {
            "params (de params.yaml)": dict(project_run.data.params),
            "tag data_version (md5 de DVC)": project_run.data.tags.get("data_version"),
            "dataset (log_input)": [d.dataset.name for d in project_run.inputs.dataset_inputs],
            "métricas": dict(project_run.data.metrics),
            "alias del modelo": dict(server_client.get_registered_model(MODEL_NAME).aliases),
        }
    ).to_frame("run del proyecto")
)

# %% [markdown]
# Tu regla decide. La primera vez no hay `champion`: el `challenger` lo es por definición.

# %%
try:
    print("champion →", promote_challenger(server_client, MODEL_NAME))
except NotImplementedError:
    print("Resuelve el Ejercicio 4 y vuelve a ejecutar esta celda (el resto del cuaderno sigue).")
dict(server_client.get_registered_model(MODEL_NAME).aliases)

# %% [markdown]
# El siguiente entrenamiento será un candidato nuevo. Por ejemplo, uno más regularizado como
# **experimento de DVC** en una copia temporal del repositorio, que no toca tu espacio de trabajo ni
# tu `params.yaml`, pero corre la etapa `train` de verdad y registra otra versión con `challenger`:
#
# ```bash
# MLFLOW_TRACKING_URI=<la URI del servidor> dvc exp run --temp --set-param train.C=0.01
# ```
#
# Después, `promote_challenger(server_client, MODEL_NAME)` decide con tu regla. Medido al escribir
# este módulo con 1 000 clientes: `C = 0.01` subió el `roc_auc` del holdout en 0.0013, menos que el
# margen de 0.005, y el champion se quedó. (El cuaderno no lo ejecuta: es otro entrenamiento completo, y los tests del
# Ejercicio 4 ya recorren cada caso de la regla.) Las versiones registradas, con sus alias:

# %%
pd.DataFrame(
    [
        {
            "versión": int(mv.version),
            "C": server_client.get_run(mv.run_id).data.params.get("C"),
            "roc_auc": server_client.get_run(mv.run_id).data.metrics.get("roc_auc"),
            "data_version": server_client.get_run(mv.run_id).data.tags.get("data_version", "")[:8],
            "alias": ", ".join(server_client.get_model_version(MODEL_NAME, mv.version).aliases),
        }
        for mv in server_client.search_model_versions(f"name = '{MODEL_NAME}'")
    ]
).sort_values("versión")

# %% [markdown]
# El servicio del módulo 11 arrancará **sin nada** de este cuaderno: un proceso nuevo, la URI del
# servidor y `models:/churn-classifier@champion`. Lo probamos así, en un subproceso, y comparamos
# sus probabilidades con las del mismo modelo cargado aquí, sobre los clientes del holdout del
# proyecto (`data/prepared/test.csv`): deben ser idénticas.

# %%
from mlops_course.lessons.m07_tracking.champion import predict_champion, predict_in_fresh_process

CHAMPION_URI = f"models:/{MODEL_NAME}@champion"
fresh_matches = False
try:
    started = time.perf_counter()
    fresh = predict_in_fresh_process(PROJECT, server.uri, CHAMPION_URI, rows=200)
    fresh_seconds = time.perf_counter() - started
    here = predict_champion(PROJECT, CHAMPION_URI, rows=200, tracking_uri=server.uri)
    print(f"Proceso nuevo: {len(fresh)} predicciones en {fresh_seconds:.1f} s (arranque incluido)")
    fresh_matches = fresh == here
    print("¿Idénticas a las de este proceso?", fresh_matches)
except (RuntimeError, MlflowException) as err:
    print("Aún no hay champion que cargar: resuelve el Ejercicio 4.", str(err)[:200])

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 4 h 15 min.*
#
# ## 8. Reproducir un run desde lo que registró
#
# «Reproducible» no es un adjetivo: es una prueba. Si con los params de un run no sale **la misma
# métrica**, el run no es reproducible y el registro miente por omisión (falta la semilla, el
# tamaño de los datos, el reparto...). Es exactamente lo que `autolog` no podía garantizar (§4).
#
# ### Ejercicio 5 (escalable) · Demuestra que un run es reproducible
#
# Escribe `reproduce_run(run_id, metric="roc_auc")` que lea el run, reconstruya la config **desde sus
# params**, vuelva a entrenar con `train_churn_model` y devuelva `(métrica registrada, métrica
# reproducida)` como dos `float`. Requisitos:
#
# 1. Run inexistente → `ValueError` (el cliente lanza `MlflowException`).
# 2. Si al run le falta alguna clave de `CONFIG_KEYS` en sus params, `ValueError` que las nombre: sin
#    ellas no se puede reproducir.
# 3. `metric` debe estar en `METRICS` **y** registrada en el run; si no, `ValueError` (una métrica
#    que el run registró pero que `train_churn_model` no calcula tampoco se puede reproducir).
# 4. La config se reconstruye **solo** desde los params del run (nada del cuaderno), y los params son
#    **texto**: `n_rows` y `data_seed` → `int`; `test_size` y `C` → `float`; `class_weight` → `None`
#    si es `"None"`, el texto tal cual si no.
# 5. Devuelve, en este orden, la métrica **registrada** en el run y la **reproducida**
#    (`train_churn_model(config).metrics[metric]`), las dos como `float`. Si el run registró un valor
#    que no corresponde a sus params, las dos difieren: eso es lo que la prueba tiene que delatar.
#
# ```text
# reproduce_run(best_id)                  → (0.83…, 0.83…)   # idénticas, bit a bit
# reproduce_run(best_id, "log_loss")      → (0.39…, 0.39…)
# best_id, con roc_auc=0.5 escrito a mano → (0.5, 0.83…)     # el registro miente
# reproduce_run("no-existe")              → ValueError
# run sin 'data_seed' en sus params       → ValueError: … 'data_seed' …
# ```


# %% nbgrader={"grade": false, "grade_id": "reproduce", "locked": false, "schema_version": 3, "solution": true, "task": false}
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    ### BEGIN SOLUTION
    try:
        run = MlflowClient().get_run(run_id)
    except MlflowException as err:
        raise ValueError(f"No existe el run {run_id!r}.") from err
    params = run.data.params
    missing = [key for key in CONFIG_KEYS if key not in params]
    if missing:
        raise ValueError(f"El run {run_id} no registró {missing}: no se puede reproducir.")
    if metric not in METRICS or metric not in run.data.metrics:
        raise ValueError(
            f"metric debe ser una de {list(METRICS)} registrada en el run; recibido {metric!r}."
        )
    rebuilt = {
        "n_rows": int(params["n_rows"]),
        "data_seed": int(params["data_seed"]),
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": None if params["class_weight"] == "None" else params["class_weight"],
    }
    again = train_churn_model(rebuilt).metrics[metric]
    return float(run.data.metrics[metric]), float(again)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-reproduce-igual", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: con los params (texto) de un run se obtiene exactamente la misma métrica.
import math

from mlops_course.lessons.m07_tracking import train_churn_model
from mlops_course.lessons.m07_tracking.scratch import record_run, scratch_experiment

REPRO_CONFIG = {"n_rows": 400, "data_seed": 7, "test_size": 0.25, "C": 0.3, "class_weight": None}
with scratch_experiment(STORE, "test-ej5") as exp_id:
    run_id = record_run(exp_id, REPRO_CONFIG, train_churn_model(REPRO_CONFIG).metrics)
    result = reproduce_run(run_id)
    assert isinstance(result, tuple) and len(result) == 2, (
        f"reproduce_run debe devolver una tupla (registrada, reproducida); devolvió {result!r}."
    )
    logged, again = result
    assert math.isclose(logged, again, rel_tol=1e-12), (
        f"La métrica reproducida ({again!r}) debe ser igual a la registrada ({logged!r}): "
        "reconstruye TODA la config desde los params del run (incluidas data_seed y n_rows)."
    )
### BEGIN HIDDEN TESTS
OTHER_REPRO = dict(n_rows=300, data_seed=21, test_size=0.3, C=0.05, class_weight="balanced")
with scratch_experiment(STORE, "test-ej5-oculto") as exp_id:
    expected = train_churn_model(OTHER_REPRO).metrics
    run_id = record_run(exp_id, OTHER_REPRO, expected)
    logged, again = reproduce_run(run_id, "log_loss")
    assert type(logged) is float and type(again) is float, "Devuelve dos float."
    assert math.isclose(logged, expected["log_loss"], rel_tol=1e-12), (
        "El primer valor es la métrica REGISTRADA en el run (la pedida con metric=)."
    )
    assert math.isclose(again, expected["log_loss"], rel_tol=1e-12), (
        f"Con class_weight='balanced' y C=0.05 el log_loss reproducido debe ser "
        f"{expected['log_loss']!r}; da {again!r}."
    )
    lying = record_run(exp_id, OTHER_REPRO, {"roc_auc": 0.5})
    lying_logged, lying_again = reproduce_run(lying)
    assert lying_logged == 0.5 and math.isclose(lying_again, expected["roc_auc"], rel_tol=1e-12), (
        f"Un run que registró roc_auc=0.5 (un valor que no corresponde a sus params) debe dar "
        f"(0.5, {expected['roc_auc']!r}): primero la métrica registrada, después la reproducida. "
        f"Da ({lying_logged!r}, {lying_again!r})."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-reproduce-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: un run al que le faltan params, un run inexistente o una métrica que no
# se puede reproducir dan ValueError.
from mlops_course.lessons.m07_tracking.scratch import record_run, scratch_experiment

with scratch_experiment(STORE, "test-ej5-errores") as exp_id:
    incomplete = record_run(
        exp_id, {"n_rows": 400, "test_size": 0.25, "C": 1.0, "class_weight": None}, {"roc_auc": 0.8}
    )
    try:
        reproduce_run(incomplete)
    except ValueError as err:
        assert "data_seed" in str(err), (
            f"El mensaje debe nombrar el param que falta ('data_seed'): {err}"
        )
    except Exception as err:
        raise AssertionError(
            f"Un run sin 'data_seed' debe dar ValueError, no {type(err).__name__}: comprueba que "
            "estén todas las claves de CONFIG_KEYS antes de leerlas."
        ) from err
    else:
        raise AssertionError(
            "Un run sin 'data_seed' no es reproducible: reproduce_run debe lanzar ValueError."
        )
### BEGIN HIDDEN TESTS
with scratch_experiment(STORE, "test-ej5-errores-oculto") as exp_id:
    full = {"n_rows": 300, "data_seed": 1, "test_size": 0.25, "C": 1.0, "class_weight": None}
    complete = record_run(exp_id, full, {"roc_auc": 0.8})
    extra_metric = record_run(exp_id, full, {"roc_auc": 0.8, "training_score": 0.9})
    for args, why in (
        (("0123456789abcdef0123456789abcdef",), "el run no existe"),
        ((complete, "recall"), "el run no registró 'recall'"),
        ((complete, "training_score"), "'training_score' no está en METRICS"),
        ((extra_metric, "training_score"), "'training_score' no está en METRICS"),
    ):
        try:
            reproduce_run(*args)
        except ValueError:
            pass
        except Exception as err:
            raise AssertionError(
                f"reproduce_run{args} debe lanzar ValueError ({why}), no {type(err).__name__}: "
                "valida el run y la métrica antes de reentrenar."
            ) from err
        else:
            raise AssertionError(f"reproduce_run{args} debe lanzar ValueError: {why}.")
### END HIDDEN TESTS

# %% [markdown]
# La prueba sobre el mejor hijo de la búsqueda (§5):

# %%
try:
    logged, again = reproduce_run(best_id)
    print(f"mejor hijo de la búsqueda en churn-grid: {best_id[:8]}…")
    print(
        f"roc_auc registrado: {logged!r}\nroc_auc reproducido: {again!r}\n¿idénticos? {logged == again}"
    )
except (NotImplementedError, MlflowException, ValueError, TypeError):
    print("Resuelve los Ejercicios 1, 2 y 5 y vuelve a ejecutar esta celda.")

# %% [markdown]
# Lo que esta prueba **no** cubre, y cómo se cierra en un proyecto real:
#
# - **El código.** Si cambias `churn_pipeline`, los mismos params dan otra métrica. Registra el commit
#    (MLflow lo hace solo con el tag `mlflow.source.git.commit` cuando ejecutas un script dentro de un
#    repositorio git) y no entrenes con cambios sin commitear.
# - **Los datos.** Aquí `make_churn(n_rows, seed)` es determinista; con datos reales, registra el hash
#    de la versión DVC (módulo 05) como param.
# - **El entorno.** Las mismas versiones de librerías: las que fija `requirements.txt` del modelo.
#
# ⏱ *Tiempo estimado hasta aquí: 4 h 40 min.*
#
# ## 9. MLflow vs W&B vs Neptune, y cuándo NO usar tracking
#
# El índice de la guía promete «MLflow a fondo … **vs W&B/Neptune**». Los tres registran params,
# métricas y artefactos; cambian el alojamiento, el costo, la colaboración y el registro de modelos.
# Cambia las entradas (¿sin red?, ¿presupuesto?, ¿cuántas personas?) y lee la recomendación, sus
# razones y sus «cuándo NO»:

# %%
from mlops_course.machinery.decision_aids import show_aid

show_aid("experiment_trackers", "07_experiment_tracking")

# %% [markdown]
# ### Cuándo NO usar (o no todavía)
#
# | Situación | Mejor | Por qué |
# |---|---|---|
# | Análisis puntual que se presenta una vez | Un notebook limpio, versionado en git | No hay runs que comparar mañana |
# | Un único modelo, reentreno trimestral, una persona | Un CSV de resultados + el commit | La base de datos y la UI no se pagan |
# | Un equipo escribiendo runs a la vez desde varias máquinas | **No** SQLite local: servidor MLflow con PostgreSQL y artefactos en un bucket | SQLite bloquea el archivo entero en cada escritura y no se comparte por red |
# | `autolog` para runs que van a producción | Registro explícito (Ejercicio 1) | autolog no guarda los params de los datos ni evalúa en test (§4) |
# | Registry con un solo consumidor que lee un archivo fijo | Un artefacto versionado (DVC) | Alias y versiones solo aportan si alguien carga por nombre |
# | Datos sensibles en params, tags o ejemplos de entrada | Nunca: ni `customer_id` ni datos personales | Todo lo registrado lo ve quien tenga acceso a la UI |
#
# ### La decisión del curso, como ADR
#
# ```text
# ADR-07-01: MLflow con backend SQLite por workspace para el tracking del proyecto de churn
#
# CONTEXTO:
# El curso entrena el modelo de churn en la laptop del estudiante o en Binder, sin red garantizada
# ni presupuesto. Los módulos 08-12 necesitan cargar "el modelo bueno" por nombre, y el instructor
# califica cuadernos en paralelo, cada uno con su carpeta de trabajo.
#
# DECISIÓN:
# MLflow 3 con una base SQLite por carpeta de trabajo (sqlite:///<workspace>/mlflow.db), artefactos
# en <workspace>/artifacts, experimentos con artifact_location explícito, modelos con firma,
# ejemplo de entrada y pip_requirements explícitos, y consumo por alias (@champion).
#
# CONSECUENCIAS:
# (+) Funciona sin red y sin cuentas; todo queda en la carpeta del estudiante.
# (+) El registry con alias desacopla entrenar de desplegar (módulos 11-12).
# (-) Crear la base cuesta segundos (migraciones) y SQLite no admite un equipo escribiendo a la vez.
# (-) Sin informes colaborativos: la UI local la ve solo quien la arranca.
#
# ALTERNATIVAS RECHAZADAS:
# - File store ./mlruns (obsoleto en MLflow; sin consultas eficientes).
# - W&B o Neptune (SaaS: requieren red y cuenta; autoalojarlos es una oferta de empresa).
# - Servidor MLflow con PostgreSQL (lo correcto para un equipo; excesivo para un estudiante).
# ```
#
# ## 10. Visión de negocio: cuánto cuesta registrar
#
# Registrar tiene costo en disco y en tiempo de CI. Estas son las cifras **de tu propia carpeta de
# trabajo**, medidas ahora:

# %%
usage = storage_report(STORE)
model_kib = (
    sum(
        f.file_size or 0
        for f in mlflow.artifacts.list_artifacts(artifact_uri=unsigned_info.model_uri)
    )
    / 1024
)
pd.Series(
    {
        "runs activos en la base": usage["runs"],
        "versiones registradas": usage["model_versions"],
        "base de datos + WAL (KiB; casi todo es el esquema vacío)": usage["db_kib"],
        "artefactos (KiB)": usage["artifacts_kib"],
        "un modelo guardado (KiB)": model_kib,
        "primer log_model del proceso (s)": first_log_seconds,
    }
).round(1)

# %% [markdown]
# Cómo usarlas en una decisión (los supuestos, marcados como tales):
#
# - **Disco.** Un run de la rejilla son unas pocas filas (params y métricas: KiB); la base vacía ya
#   ocupa del orden de 1 MB por su esquema. Un modelo guardado de este pipeline, del orden de 100 KiB
#   (tabla de arriba); una red neuronal, cientos de MB. Supuesto: 20 runs al día con modelo
#   → unos 2 MB/día, menos de 1 GB al año: el tracking de *este* modelo es gratis. Con modelos grandes
#   el costo está en los artefactos: guarda el modelo solo de los candidatos, no de cada run (como
#   hicimos con la rejilla).
# - **Tiempo de CI.** Cada `log_model` sin `pip_requirements` costó ≈ 6–7 s frente a ≈ 0.1–0.2 s
#   (§6). Supuesto: un pipeline de CI que registra 10 modelos por ejecución y se ejecuta 30 veces al
#   día gasta ≈ 30 minutos diarios de CI solo en inferir dependencias. Es la clase de costo que el
#   módulo 09 enseña a vigilar.
# - **Incidentes.** El valor grande no se mide en KiB: es poder contestar en minutos «qué modelo está
#   en producción, con qué datos, y cuál era el anterior» (rollback = mover un alias).
#
# ## 11. Abrir la UI de MLflow
#
# El servidor del proyecto (§7) ya sirve la UI: mientras no lo detengas (§13), abre en el navegador
# la dirección que imprimió la celda que lo arrancó y verás el experimento `churn` del proyecto, sus
# runs con la versión de los datos y `churn-classifier` con sus alias.
#
# La base de prácticas de este cuaderno se abre con su propio servidor de UI. Ábrelo **en una
# terminal** (no en el cuaderno: es un servidor que no termina) desde cualquier directorio, con
# este comando exacto:

# %%
print(ui_command(STORE))

# %% [markdown]
# Después abre <http://127.0.0.1:5000> en el navegador: experimentos `churn-grid` (cada búsqueda,
# una fila que se despliega en sus hijos) y `churn-demo`, runs comparables lado a lado y el historial de `roc_auc_curva` del primer run como gráfica.
# `Ctrl+C` en la terminal lo detiene. En **Binder** el
# puerto no está expuesto al navegador (haría falta `jupyter-server-proxy`, que el curso no
# instala): usa las tablas de este cuaderno (`runs_table`, `versions_table`). Si cambias de
# directorio, no importa: el comando usa rutas absolutas, no `./mlruns`.
#
# ## 12. Respuesta escrita (calificada a mano) · Tu política de promoción, como ADR
#
# En el Ejercicio 4, `promote_challenger` mueve el alias en cuanto el challenger mejora **una**
# métrica offline en más de un margen, con los mismos datos. En un banco real eso puede no bastar. Escribe un ADR de **6 a 10 líneas** con tu
# política para mover `champion` en el modelo de churn:
#
# - **CONTEXTO:** quién consume el modelo y qué cuesta equivocarse (falsas alarmas frente a clientes
#   perdidos).
# - **DECISIÓN:** qué métrica(s) y umbral de mejora, qué comprobaciones además de la métrica
#   (firma, tests del módulo 08, revisión humana), y cómo se hace el rollback.
# - **CONSECUENCIAS:** al menos una positiva y una negativa.
# - **ALTERNATIVAS RECHAZADAS:** al menos una, con su motivo (por ejemplo, promocionar automáticamente
#   solo por `roc_auc` con margen, como en el Ejercicio 4).

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-politica-promocion", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-07-02: Promoción de `champion` en churn-classifier con umbral, puertas y alias de retorno**
#
# **CONTEXTO:** Marketing llama cada mes a los clientes con mayor P(churn). Una falsa alarma cuesta
# una llamada (~6 € en el supuesto del módulo 00); un cliente perdido, su margen anual (~180 €).
# `roc_auc` mide el orden de la lista, que es lo que usa la campaña; el `recall` al umbral decide el
# volumen de llamadas.
#
# **DECISIÓN:** Un candidato sustituye a `champion` solo si (1) mejora el `roc_auc` en test en al
# menos 0.005 (por debajo es ruido del reparto), (2) su `recall` no cae más de 2 puntos, (3) tiene
# firma y pasa los tests de datos y modelo del módulo 08, y (4) un revisor aprueba el cambio en el PR.
# Antes de mover `champion`, el anterior recibe el alias `previous`; el rollback es mover
# `champion` a `previous`.
#
# **CONSECUENCIAS:** (+) Ningún cambio de modelo sin evidencia ni revisión, y rollback en segundos.
# (−) Promocionar tarda horas en vez de minutos; un modelo algo mejor puede esperar al siguiente ciclo.
#
# **ALTERNATIVAS RECHAZADAS:** Promoción automática solo por `roc_auc` con margen (Ejercicio 4): no
# mira el recall ni pasa por revisión. Promoción solo manual sin umbral: depende de quién
# revise.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Formato y contexto.** Las cuatro secciones y un contexto concreto con el costo de
#   equivocarse (en euros o en clientes). 0.5 si falta una sección o el contexto es genérico.
# - **1 punto · Decisión operable.** Métrica(s) con un umbral o criterio verificable, al menos una
#   puerta además de la métrica (tests, firma, revisión) y un procedimiento de rollback con alias.
#   0.5 si el criterio es vago («si es mejor») o falta el rollback.
# - **1 punto · Trade-offs.** Una consecuencia negativa honesta y una alternativa rechazada con motivo.
#   Defender la promoción automática está bien si se justifica (muchos modelos, reentreno diario) y
#   se acotan sus riesgos. 0.5 si solo hay ventajas.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 13. Tu entregable: experimentos en MLflow
#
# El entregable del módulo («Experimentos en MLflow») es tu proyecto registrando en MLflow: cada
# `dvc repro` deja un run con la versión de los datos en el servidor (`workspace/churn-project-mlflow/`),
# `churn-classifier` tiene `challenger` y un `champion` elegido por tu regla, y ese champion se carga
# por alias en un proceso nuevo. Además, la búsqueda de prácticas en `churn-grid`. Esta celda
# lo comprueba con el cliente de MLflow, git y DVC (no buscando texto en archivos):

# %%
checkpoint(STORE)  # integra mlflow.db-wal en mlflow.db: el archivo queda completo por sí solo
checks = {
    "churn-grid tiene runs FINISHED": bool(
        (runs_table(GRID_EXPERIMENT_ID)["status"] == "FINISHED").any()
    ),
    "el proyecto no tiene cambios sin commit": not git(
        "status", "--porcelain", cwd=PROJECT, env=ENV
    ).stdout.strip(),
    "dvc status: pipeline al día": "up to date" in dvc("status", cwd=PROJECT, env=ENV).stdout,
}
try:
    aliases = server_client.get_registered_model(MODEL_NAME).aliases
    holder = server_client.get_model_version_by_alias(MODEL_NAME, "champion")
    champion_run = server_client.get_run(holder.run_id)
    checks["churn-classifier tiene challenger y champion"] = {"challenger", "champion"} <= set(
        aliases
    )
    checks["el run del champion lleva data_version y dataset"] = bool(
        champion_run.data.tags.get("data_version") and champion_run.inputs.dataset_inputs
    )
    checks["el champion predice igual en un proceso nuevo (§7)"] = fresh_matches
except MlflowException:
    checks["churn-classifier@champion existe"] = False
pending = [name for name, ok in checks.items() if not ok]
display(
    pd.DataFrame(
        {"comprobación": list(checks), "ok": ["✅" if ok else "❌" for ok in checks.values()]}
    )
)
print("Entregable completo." if not pending else f"Pendiente: {pending}")

# %% [markdown]
# El servidor se detiene aquí (si vuelves a necesitarlo, ejecuta otra vez la celda de la §7 que lo
# arranca): los datos siguen en `workspace/churn-project-mlflow/` y el módulo 08 los usa.

# %%
print("Servidor detenido, código de salida:", server.stop())

# %% [markdown]
# ## 14. Cierre
#
# ### Resumen
#
# - MLflow separa **backend store** (filas: runs, params, métricas, registry) y **artifact store**
#   (archivos). En este curso: una base SQLite por carpeta de trabajo y artefactos dentro de ella,
#   nunca el `./mlruns` relativo ni el *file store* obsoleto.
# - Un run se abre **con `with`**: acaba `FINISHED` o `FAILED`, nunca huérfano. Los params vuelven
#   como **texto**.
# - `autolog` es cómodo para explorar, pero no registra los parámetros de los datos ni evalúa en test.
# - `search_runs` compara en la base de datos: filtra por estado, ordena por métrica y desempata.
# - Un modelo para otros lleva **firma**, **ejemplo de entrada** y **`pip_requirements` explícitos**;
#   sin firma, un tipo mal puesto cambia la predicción sin error.
# - El registry da **versiones inmutables** y **alias móviles**: se consume `models:/nombre@champion`,
#   y promocionar o volver atrás es mover un alias.
# - Reproducible = con los params registrados sale **la misma métrica**; para código, datos y entorno
#   hacen falta el commit, la versión de los datos y las dependencias.
#
# ### Checklist del entregable («Experimentos en MLflow»)
#
# - [ ] La celda de la §13 muestra todas las comprobaciones en ✅.
# - [ ] `workspace/churn-project/` tiene la capa 07 commiteada y `dvc status` al día; el servidor
#   guarda sus runs en `workspace/churn-project-mlflow/` (y no hay `mlruns/` junto al cuaderno).
# - [ ] `churn-grid` tiene tu búsqueda como runs anidados (el padre con su resumen, los hijos con
#   params y métricas); sabes cuál es el mejor hijo y por qué.
# - [ ] `churn-classifier` tiene `challenger` y `champion`, y sabes por qué tu regla promocionó (o
#   no) al segundo candidato.
# - [ ] Has abierto la UI con el comando de la §11 (en local) y has comparado dos runs.
# - [ ] Tu ADR de política de promoción tiene las cuatro secciones.
#
# ### Autoevaluación
#
# 1. Un compañero dice: «uso autolog, así que mis runs son reproducibles». ¿Qué le falta?
# 2. ¿Por qué `best_child_run_id` filtra por `mlflow.parentRunId` y descarta los hijos `FAILED`?
# 3. Un cliente de la API envía `num_products` como `"2"`. ¿Qué pasa con y sin firma?
# 4. ¿Qué ganas cargando `models:/churn-classifier@champion` en vez de `models:/churn-classifier/2`?
# 5. Tu equipo pasa de 1 a 6 personas entrenando desde varias máquinas. ¿Qué cambias del ADR-07-01?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Los parámetros de los datos (`n_rows`, semilla, reparto), una métrica sobre test, el commit y la
#    versión de los datos. 2. Porque el mejor de *otra* búsqueda del mismo experimento no responde a
#    tu pregunta, y un run fallido no produjo un modelo utilizable: su métrica puede ser de un paso
#    intermedio o de un estado roto. 3. Sin firma, el one-hot no reconoce `"2"` y la
#    probabilidad cambia sin error; con firma, MLflow rechaza la petición con `MlflowException`.
#    4. Promocionar y hacer rollback sin redesplegar ni cambiar código: solo se mueve el alias.
#    5. SQLite deja de servir: servidor MLflow con PostgreSQL y artefactos en un almacén de objetos,
#    con copias de seguridad (o un SaaS, si la ayuda de decisión y el presupuesto lo justifican).
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [experiment tracking](../18_glosario/18_glosario.ipynb#experiment-tracking) ·
# [experimento](../18_glosario/18_glosario.ipynb#experimento) ·
# [run](../18_glosario/18_glosario.ipynb#run) ·
# [param](../18_glosario/18_glosario.ipynb#param) ·
# [métrica](../18_glosario/18_glosario.ipynb#metrica-modelo) ·
# [tag](../18_glosario/18_glosario.ipynb#tag-mlflow) ·
# [artefacto](../18_glosario/18_glosario.ipynb#artefacto) ·
# [backend store](../18_glosario/18_glosario.ipynb#backend-store) ·
# [artifact store](../18_glosario/18_glosario.ipynb#artifact-store) ·
# [autolog](../18_glosario/18_glosario.ipynb#autolog) ·
# [firma (signature)](../18_glosario/18_glosario.ipynb#firma-modelo) ·
# [input example](../18_glosario/18_glosario.ipynb#input-example) ·
# [pip_requirements](../18_glosario/18_glosario.ipynb#pip-requirements) ·
# [skops](../18_glosario/18_glosario.ipynb#skops) ·
# [Model Registry](../18_glosario/18_glosario.ipynb#model-registry) ·
# [versión](../18_glosario/18_glosario.ipynb#version-modelo) ·
# [alias](../18_glosario/18_glosario.ipynb#alias-modelo) ·
# [champion/challenger](../18_glosario/18_glosario.ipynb#champion-challenger) ·
# [rollback](../18_glosario/18_glosario.ipynb#rollback) ·
# [reproducibilidad](../18_glosario/18_glosario.ipynb#reproducibilidad).
#
# ### Para saber más
#
# - Documentación de MLflow: *Tracking*, *Model Signatures and Input Examples*, *Model Registry*
#   (alias en lugar de stages) y *Backend stores* (mlflow.org/docs).
# - M. Zaharia et al. (2018). *Accelerating the Machine Learning Lifecycle with MLflow*. IEEE Data
#   Engineering Bulletin.
# - E. Breck et al. (2017). *The ML Test Score: A Rubric for ML Production Readiness and Technical
#   Debt Reduction*. IEEE Big Data (reproducibilidad y versionado de modelos).
# - Chip Huyen (2022). *Designing Machine Learning Systems*, cap. 6 (seguimiento y versionado de
#   experimentos). O'Reilly.
# - Documentación de skops: *Secure persistence of scikit-learn models* (skops.readthedocs.io).
#
# **Siguiente:** Módulo 08 · Testing para ML: los tests que deciden si un candidato merece el alias
# `champion`.
