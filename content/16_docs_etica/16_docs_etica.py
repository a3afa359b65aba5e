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
# # Módulo 16 · Documentación y ética
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 7 · El artefacto final (semanas 17–18) |
# | **Tiempo estimado** | ≈ 3 h 55 min: lectura y demos 65 min, ejercicios 140 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 07 (el registro de MLflow y el alias `champion`), módulo 05 (los datos versionados con DVC) y módulo 12 (el ADR de despliegue del proyecto). Módulo 00 para los números de negocio. |
# | **Entregable** | Documentación publicada: el sitio MkDocs del proyecto (cómo ejecutar, model card, datasheet, equidad, referencia de la API y ADRs) que pasa `mkdocs build --strict` y una verificación de enlaces, con la model card generada desde el champion real |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Generar** una model card desde el registro de MLflow, con sus campos validados, en vez de
#    escribirla a mano (§2 y Ejercicio 1).
# 2. **Describir** un conjunto de datos con un datasheet cuyas cifras salen de los datos (§3).
# 3. **Medir** la equidad de un modelo por grupo con fairlearn: tasa de selección, TPR, FPR,
#    diferencias de paridad demográfica y de equalized odds (§4 y Ejercicio 2).
# 4. **Elegir** una mitigación bajo un límite de equidad escrito, con su costo de negocio (§5 y
#    Ejercicio 3), y **clasificar** un uso del modelo en los niveles de riesgo del Reglamento
#    Europeo de IA (§6 y respuesta escrita).
# 5. **Publicar** el sitio del proyecto con MkDocs en modo estricto y una verificación de enlaces
#    que ve lo que el modo estricto no ve (§7 y Ejercicio 4).
#
# > **Mentalidad Senior (Fase 7):** Tu código no vale nada si nadie puede entenderlo ni usarlo.
#
# ### Tu proyecto
#
# Este módulo añade la capa **Documentación** al proyecto de churn: `mkdocs.yml` y la carpeta
# `docs/` (inicio, cómo ejecutar, model card, datasheet, equidad, referencia de la API y los
# ADRs), el generador `churn_project.docs` (plantillas jinja2, métricas por grupo con fairlearn y
# un verificador de enlaces) y `tests/test_docs.py`, que construye el sitio en modo estricto en
# cada push. La página «Cómo ejecutar» la arreglas tú (Ejercicio 4) y queda en un commit.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("16_docs_etica")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden, resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las celdas de test de debajo. Al calificar se añaden tests
# ocultos. Lo que escribe el módulo va a tu carpeta de trabajo `workspace/16_docs_etica/`.
#
# **Sin red, con herramientas reales.** MkDocs con el tema Material construye el sitio (sin
# fuentes de Google: `font: false`), mkdocstrings lee los docstrings del paquete, jinja2 rellena
# las plantillas y fairlearn mide la equidad. Nada se descarga al ejecutar.
#
# **Tu proyecto.** La celda de importaciones comprueba que `workspace/churn-project/` tiene las
# capas anteriores; si le falta alguna, usa el proyecto de referencia (y lo dice). Después copia
# la capa 16.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa un proyecto y un conjunto más chicos).
SEED = 42  # semilla de los datos del proyecto de referencia y del análisis de equidad
RESET_PROJECT = False  # True: empezar del proyecto de referencia (el tuyo se guarda como respaldo)
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
FAIRNESS_ROWS = 4_000  # clientes del conjunto sesgado de §4 (la mitad entrena, la mitad evalúa)

# %%
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
from mlflow import MlflowClient

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.lessons.m16_docs import (
    BROKEN_HOW_TO_RUN,
    CAMPAIGN_SUCCESS,
    CONTACT_COST_EUR,
    CUSTOMER_VALUE_EUR,
    biased_data,
    build_model,
    build_site,
    champion_metadata,
    check_links,
    dataset_profile,
    metric_frame,
    mitigation_candidates,
    predict_offer,
    render_datasheet,
    render_model_card,
    write_sandbox,
)
from mlops_course.machinery.decision_aids import show_aid
from mlops_course.machinery.workspace import module_workspace, workspace_root

ROOT = workspace_root()
state = ensure_project(
    "16_docs_etica", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
PROJECT_ENV = checkpoint_env(ROOT)  # git con un HOME aislado (nunca tu configuración personal)
WS = module_workspace("16_docs_etica")
HOW_TO_RUN_FILE = "docs/como-ejecutar.md"  # la página que arreglas tú (Ejercicio 4)
STORE_URI = f"sqlite:///{PROJECT.parent / 'churn-project-mlflow' / 'mlflow.db'}"
REGISTRY = MlflowClient(tracking_uri=STORE_URI, registry_uri=STORE_URI)
_aliases = REGISTRY.get_registered_model("churn-classifier").aliases
if _aliases.get("champion") is None:  # como en el módulo 11: sin champion, el challenger
    REGISTRY.set_registered_model_alias("churn-classifier", "champion", _aliases["challenger"])
_student_page = PROJECT / HOW_TO_RUN_FILE
_had_page = _student_page.is_file() and (PROJECT / "mkdocs.yml").is_file()
apply_layer(PROJECT, "16", exclude=(HOW_TO_RUN_FILE,) if _had_page else ())
print("Sitio del proyecto en", PROJECT / "docs")
print("Página «Cómo ejecutar»:", "la tuya" if _had_page else "la de referencia (Ejercicio 4)")

# %% [markdown]
# ## 1. El problema: documentación que miente
#
# Tres escenas que cualquier equipo de datos reconoce:
#
# - El README dice «AUC 0,91». Era el modelo de hace seis meses; el que está en producción tiene
#   0,83, y nadie actualizó el número porque nadie sabía que estaba escrito ahí.
# - Una persona nueva tarda **tres días** en ejecutar el proyecto: la página de instalación
#   enlaza a un archivo que alguien renombró y nombra una orden que ya no existe.
# - Riesgo pregunta «¿este modelo trata igual a hombres y mujeres?» y la respuesta es un
#   silencio, o una planilla que alguien armó a mano una vez.
#
# Las tres tienen la misma causa: la documentación se escribe **aparte** del sistema y nada
# comprueba que siga siendo verdad. La práctica que lo evita se llama **docs as code**: la
# documentación vive en el repositorio, lo que se puede calcular se **genera** desde la fuente
# (el registro de modelos, los datos versionados, los docstrings), y la CI la **construye** en
# modo estricto, como compila el código: un enlace roto rompe el build.
#
# **Metáfora.** Una model card es el **prospecto de un medicamento**: para qué sirve, para qué
# no, en qué dosis se probó, qué efectos adversos tiene y en quién. Nadie acepta un prospecto
# escrito de memoria por el visitador médico; sale del mismo expediente que aprobó el fármaco.
#
# ```mermaid
# flowchart LR
#     R[(Registro MLflow<br/>champion)] --> G[churn_project.docs<br/>plantillas jinja2]
#     D[(Datos DVC<br/>raw y test)] --> G
#     G --> P[docs/*.md<br/>model card, datasheet, equidad]
#     S[docstrings de src/] --> M[mkdocstrings]
#     P --> B[mkdocs build --strict]
#     M --> B
#     B --> L[verificador de enlaces]
#     L --> W[sitio publicado]
# ```

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 10 min.*
#
# ## 2. La model card, desde el registro
#
# Mitchell et al. propusieron en «Model Cards for Model Reporting» (FAT\* 2019) nueve secciones:
# **detalles del modelo**, **uso previsto**, **factores** (grupos, entornos), **métricas**,
# **datos de evaluación**, **datos de entrenamiento**, **análisis cuantitativos** (por grupo),
# **consideraciones éticas** y **advertencias y recomendaciones**. Hugging Face y Google las
# adoptaron para publicar modelos; en un equipo sirven para que producto, riesgo y auditoría
# sepan qué están usando.
#
# Lo que cambia con cada versión (la versión, el run, las métricas, la versión de los datos)
# **no se escribe**: se lee del registro. Lo que decide el equipo (uso previsto, límites) se
# escribe una vez, junto al código. Esto es lo que sabe el registro del champion de tu proyecto:

# %%
CHAMPION = champion_metadata(REGISTRY, "churn-classifier", "champion")
INTENDED_USE = (
    "Ordenar a los clientes por probabilidad de abandono para decidir a quién ofrecer la campaña "
    "de retención; una persona del equipo comercial revisa la lista."
)
LIMITATIONS = [
    "Entrenado con datos sintéticos del curso: las cifras no describen a clientes reales.",
    "El umbral minimiza el costo con los supuestos de params.yaml (6 € por contacto, 36 € por "
    "cliente perdido); si cambian, deja de ser el óptimo.",
]
META = {**CHAMPION, "intended_use": INTENDED_USE, "limitations": LIMITATIONS}
for key, value in CHAMPION.items():
    print(f"{key:13} {value}")

# %% [markdown]
# Fíjate en dos detalles del registro: la versión llega como **texto** (`"1"`, así la guarda
# MLflow) y las métricas con todos sus decimales. Y en lo que puede faltar: un run sin el tag
# `data_version` (alguien entrenó a mano, fuera de `dvc repro`) deja la model card sin saber con
# qué datos se entrenó el modelo. Una card con un hueco es peor que ninguna: parece completa.
#
# ### Ejercicio 1 (funcional) · Los campos de la model card, validados
#
# Escribe `model_card_fields(meta)`, que recibe un `dict` como `META` y devuelve los campos que
# usa la plantilla de la model card:
#
# 1. Devuelve un `dict` con exactamente las claves `name`, `version`, `data_version`, `metrics`,
#    `intended_use` y `limitations`, en ese orden: `version` como `int` (el registro la da como
#    texto) y cada métrica redondeada a 4 decimales.
# 2. Si falta una de esas claves, o su valor es `None`, un texto vacío (o solo espacios) o una
#    lista o un dict vacíos, lanza `ValueError` con un mensaje en español que **nombre el campo**.
# 3. Lanza `ValueError` si `version` no es un entero positivo (`"0"`, `"v2"`, `True`) o si una
#    métrica no es un número finito (`nan`, `inf`, un texto).


# %% nbgrader={"grade": false, "grade_id": "card-fields", "locked": false, "schema_version": 3, "solution": true, "task": false}
def model_card_fields(meta):
    """Los campos validados de la model card (ver el enunciado)."""
    ### BEGIN SOLUTION
    import math

    fields = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
    for field in fields:
        value = meta.get(field)
        empty = isinstance(value, (str, list, tuple, dict)) and not (
            value.strip() if isinstance(value, str) else value
        )
        if value is None or empty:
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    raw = meta["version"]
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() or int(text) < 1:
        raise ValueError(f"version debe ser un entero positivo; es {raw!r}.")
    metrics = {}
    for name, value in meta["metrics"].items():
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise ValueError(f"La métrica {name!r} debe ser un número finito; es {value!r}.")
        metrics[name] = round(float(value), 4)
    return {
        "name": meta["name"],
        "version": int(text),
        "data_version": meta["data_version"],
        "metrics": metrics,
        "intended_use": meta["intended_use"],
        "limitations": list(meta["limitations"]),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-card-campos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: los campos del champion real, con la versión como int y las métricas redondeadas.
_meta = {
    "name": "churn-classifier",
    "version": "3",
    "data_version": "9f1c2e",
    "metrics": {"roc_auc": 0.812345678, "brier": 0.15},
    "intended_use": "Campaña de retención.",
    "limitations": ["Datos sintéticos."],
    "run_id": "abc",
}
_fields = model_card_fields(_meta)
assert isinstance(_fields, dict), "model_card_fields debe devolver un dict."
assert list(_fields) == [
    "name",
    "version",
    "data_version",
    "metrics",
    "intended_use",
    "limitations",
], f"Las claves deben ser exactamente las seis del enunciado, en orden; devolviste {list(_fields)}."
assert _fields["version"] == 3 and isinstance(_fields["version"], int), (
    f"version debe ser el entero 3 (el registro la da como texto '3'); es {_fields['version']!r}."
)
assert _fields["metrics"] == {"roc_auc": 0.8123, "brier": 0.15}, (
    f"Las métricas van redondeadas a 4 decimales; devolviste {_fields['metrics']}."
)
### BEGIN HIDDEN TESTS
from mlops_course.lessons.m16_docs import card_fields as _reference_fields

_real = model_card_fields(META)
_want = _reference_fields(META)
assert _real["version"] == _want["version"] and _real["metrics"] == _want["metrics"], (
    f"Con los metadatos del champion real se esperaba {_want}; devolviste {_real}."
)
assert _real["data_version"] == _want["data_version"], "data_version debe pasar tal cual."
assert model_card_fields({**_meta, "version": 12})["version"] == 12, "Acepta también un int."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-card-faltantes", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: un campo que falta o está vacío da ValueError que lo nombra.
_sin_datos = {k: v for k, v in _meta.items() if k != "data_version"}
try:
    model_card_fields(_sin_datos)
except ValueError as _error:
    assert "data_version" in str(_error), f"El mensaje debe nombrar el campo; dice: {_error}"
else:
    raise AssertionError(
        "Sin data_version la model card no sabe con qué datos se entrenó: ValueError."
    )
### BEGIN HIDDEN TESTS
for _field, _empty in (
    ("limitations", []),
    ("intended_use", "   "),
    ("metrics", {}),
    ("name", None),
):
    try:
        model_card_fields({**_meta, _field: _empty})
    except ValueError as _hidden_error:
        assert _field in str(_hidden_error), (
            f"El mensaje debe nombrar {_field!r}; dice: {_hidden_error}"
        )
    else:
        raise AssertionError(f"{_field}={_empty!r} es un campo vacío: debe lanzar ValueError.")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-card-valores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: una versión que no es un entero positivo o una métrica no finita dan ValueError.
for _bad in ({"version": "0"}, {"metrics": {"roc_auc": float("nan")}}):
    try:
        model_card_fields({**_meta, **_bad})
    except ValueError:
        pass
    else:
        raise AssertionError(f"{_bad} no es válido en una model card: debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
for _case in (
    {"version": "v2"},
    {"version": True},
    {"version": -1},
    {"metrics": {"roc_auc": float("inf")}},
    {"metrics": {"roc_auc": "0.81"}},
):
    try:
        model_card_fields({**_meta, **_case})
    except ValueError:
        pass
    else:
        raise AssertionError(f"{_case} tampoco es válido en una model card: ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Con los campos validados, jinja2 rellena la plantilla (la misma que usa el proyecto en
# `src/churn_project/docs/templates/`). La plantilla se carga con `StrictUndefined`: si falta
# un valor, el render **falla** en vez de dejar una celda vacía. Lo que no sale del registro (tipo
# de modelo, responsable, usos fuera de alcance) lo aporta el equipo en `CONTEXT`.

# %%
CONTEXT = {
    "alias": CHAMPION["alias"],
    "run_id": CHAMPION["run_id"],
    "model_type": "regresión logística (scikit-learn) con umbral elegido por costo",
    "owner": "equipo de churn",
    "out_of_scope": "Decisiones de crédito, precios, seguros o empleo (ver §6).",
    "sensitive_attribute": "gender",
    "ethical_considerations": "El modelo no usa `gender`; la página de equidad lo mide (§4).",
}
try:
    print("Campos validados con tu model_card_fields:", list(model_card_fields(META)))
except Exception as _error:  # el Ejercicio 1 sin resolver (o con un error) no frena el cuaderno
    print(
        f"Resuelve el Ejercicio 1 ({type(_error).__name__}); la card usa la validación de referencia."
    )
CARD = render_model_card(META, CONTEXT)
(WS / "model-card.md").write_text(CARD, encoding="utf-8")
print(CARD[:1200])

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 50 min.*
#
# ## 3. El datasheet del conjunto de datos
#
# Gebru et al. («Datasheets for Datasets», *Communications of the ACM*, 2021) copian una idea de
# la electrónica: cada componente trae una hoja de datos con sus condiciones de uso. Para un
# conjunto de datos proponen preguntas en siete bloques: **motivación** (¿para qué se creó?),
# **composición** (¿qué hay en cada fila? ¿hay datos sensibles?), **proceso de recolección**,
# **preprocesado**, **usos** (¿para qué NO usarlo?), **distribución** y **mantenimiento**.
#
# Las respuestas en prosa las escribe el equipo; las cifras de la composición (filas, tasa de
# churn, vacíos, clientes por grupo) se **calculan** sobre los datos versionados, como las de la
# model card. Estas son las de tu proyecto:

# %%
RAW = pd.read_csv(PROJECT / "data" / "raw" / "churn.csv")
PROFILE = dataset_profile(RAW)
for key, value in PROFILE.items():
    print(f"{key:20} {value}")
_answers = dict.fromkeys(("motivation", "collection", "preprocessing", "uses", "maintenance"), "…")
print(render_datasheet({**PROFILE, **_answers, "title": "clientes del banco"})[:700])

# %% [markdown]
# El datasheet responde una pregunta que la model card no puede: **¿quiénes están y quiénes no?**
# Un modelo entrenado con clientes de cinco regiones no sabe nada de la sexta; uno entrenado con
# pocos clientes de un grupo se equivoca más con ese grupo. Eso se mide en la sección siguiente.
#
# ## 4. Equidad: medir por grupo
#
# El conjunto tiene un **atributo sensible**, `gender`. El pipeline del proyecto lo deja fuera a
# propósito desde el módulo 06 («fairness through unawareness»). ¿Alcanza con no mirarlo? No:
# un modelo puede tratar distinto a dos grupos a través de **variables correlacionadas** (un
# *proxy*: el código postal, el tipo de producto) y, aun sin proxies, sus errores pueden caer
# más sobre un grupo si los grupos abandonan en proporciones distintas.
#
# **Metáfora.** No mirar el atributo es como un árbitro con los ojos vendados: no favorece a
# nadie a propósito, pero tampoco ve si la cancha está inclinada hacia un arco.
#
# Para verlo usamos el generador del curso con la perilla `sensitive_bias=1`: el género pasa a
# influir de verdad en el abandono (las mujeres abandonan más en estos datos sintéticos). Y
# comparamos dos modelos: el del proyecto, **sin `gender`**, y uno tentador que lo **añade**
# porque sube el valor de la campaña.
#
# Las métricas por grupo que usa la industria (fairlearn, sección *Common fairness metrics* de
# su guía de usuario):
#
# | Métrica | Qué es | Pregunta de negocio |
# |---|---|---|
# | tasa de selección | predichos positivos / clientes del grupo | ¿a qué parte del grupo le ofrecemos la campaña? |
# | TPR (recall) | verdaderos positivos / positivos reales | de los que se van, ¿a cuántos detectamos? |
# | FPR | falsos positivos / negativos reales | de los que se quedan, ¿a cuántos molestamos? |
# | diferencia de paridad demográfica | máx − mín de la tasa de selección | ¿reciben la oferta por igual? |
# | diferencia de equalized odds | el mayor de (máx − mín TPR, máx − mín FPR) | ¿se equivoca igual con todos? |

# %%
DATA = biased_data(FAIRNESS_ROWS, SEED, bias=1.0)
print("Tasa de churn por grupo (test):")
print(DATA.y_test.groupby(DATA.groups_test.to_numpy()).mean().round(3).to_string())
AWARE = build_model(use_gender=True).fit(DATA.x_train, DATA.y_train)
AWARE_PRED = predict_offer(AWARE, DATA.x_test)
FRAME = metric_frame(DATA.y_test, AWARE_PRED, DATA.groups_test)
print("\nModelo CON gender, por grupo (fairlearn MetricFrame):")
print(FRAME.by_group.round(3).to_string())
print("diferencias (máx − mín):", FRAME.difference().round(3).to_dict())

# %% [markdown]
# El modelo con `gender` le ofrece la campaña a más del doble de mujeres que de hombres, y su
# FPR también es mucho mayor para ellas: «molesta» más a las clientas que se iban a quedar. Es
# una decisión de negocio con efecto distinto por género, en una oferta comercial.
#
# ### Ejercicio 2 (funcional) · Las métricas por grupo, comparadas con fairlearn
#
# Antes de confiar en una biblioteca conviene saber calcular lo que calcula. Escribe
# `group_rates(y_true, y_pred, sensitive)` y `fairness_gaps(rates)` **sin fairlearn** (pandas o
# numpy alcanzan); el test las compara con `MetricFrame` y con las funciones de fairlearn.
#
# 1. `group_rates` devuelve un `DataFrame` indexado por grupo con las columnas
#    `selection_rate`, `tpr`, `fpr` y `count` (clientes del grupo), con los mismos valores que
#    `MetricFrame(...).by_group`.
# 2. `fairness_gaps(rates)` recibe esa tabla y devuelve un `dict` con
#    `demographic_parity_difference` (máx − mín de `selection_rate`) y
#    `equalized_odds_difference` (el mayor entre máx − mín de `tpr` y máx − mín de `fpr`), como
#    las funciones homónimas de fairlearn.
# 3. `group_rates` lanza `ValueError` en español si las tres entradas no tienen el mismo largo o
#    si `y_true` o `y_pred` tienen etiquetas distintas de 0 y 1.


# %% nbgrader={"grade": false, "grade_id": "group-rates", "locked": false, "schema_version": 3, "solution": true, "task": false}
def group_rates(y_true, y_pred, sensitive):
    """Tasa de selección, TPR, FPR y clientes por grupo (sin fairlearn)."""
    ### BEGIN SOLUTION
    y_true, y_pred, sensitive = list(y_true), list(y_pred), list(sensitive)
    if not len(y_true) == len(y_pred) == len(sensitive):
        raise ValueError("y_true, y_pred y sensitive deben tener el mismo largo.")
    frame = pd.DataFrame({"y": y_true, "p": y_pred, "g": sensitive})
    for column in ("y", "p"):
        if not set(frame[column].unique()) <= {0, 1}:
            raise ValueError("Las etiquetas de y_true e y_pred deben ser 0 y 1.")
    rows = {}
    for group, part in frame.groupby("g", sort=True):
        positives = part[part["y"] == 1]
        negatives = part[part["y"] == 0]
        rows[group] = {
            "selection_rate": part["p"].mean(),
            "tpr": positives["p"].mean(),
            "fpr": negatives["p"].mean(),
            "count": len(part),
        }
    return pd.DataFrame.from_dict(rows, orient="index")
    ### END SOLUTION


def fairness_gaps(rates):
    """Las diferencias de paridad demográfica y de equalized odds de una tabla de group_rates."""

    ### BEGIN SOLUTION
    def spread(column):
        return float(rates[column].max() - rates[column].min())

    return {
        "demographic_parity_difference": spread("selection_rate"),
        "equalized_odds_difference": max(spread("tpr"), spread("fpr")),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-rates-fairlearn", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: la tabla por grupo coincide con el MetricFrame de fairlearn.
import numpy as np

from mlops_course.lessons.m16_docs import group_rates as _fairlearn_rates

_y = [1, 1, 0, 0, 1, 0, 0, 0]
_p = [1, 0, 1, 0, 1, 1, 1, 0]
_g = ["F", "F", "F", "F", "M", "M", "M", "M"]
_rates = group_rates(_y, _p, _g)
_want = _fairlearn_rates(_y, _p, _g)
assert isinstance(_rates, pd.DataFrame), "group_rates debe devolver un DataFrame."
for _column in ("selection_rate", "tpr", "fpr", "count"):
    assert _column in _rates.columns, f"Falta la columna {_column!r} en group_rates."
    assert np.allclose(_rates.loc[["F", "M"], _column].astype(float), _want[_column]), (
        f"{_column} no coincide con fairlearn: tú {_rates[_column].tolist()}, "
        f"fairlearn {_want[_column].tolist()}. Revisa el denominador (TPR: positivos reales; "
        "FPR: negativos reales)."
    )
### BEGIN HIDDEN TESTS
_real = group_rates(DATA.y_test, AWARE_PRED, DATA.groups_test)
_want = _fairlearn_rates(DATA.y_test, AWARE_PRED, DATA.groups_test)
for _col in ("selection_rate", "tpr", "fpr", "count"):
    assert np.allclose(_real.loc[_want.index, _col].astype(float), _want[_col]), (
        f"Con el modelo de §4, {_col} no coincide con fairlearn."
    )
_three = group_rates([1, 0, 1, 0, 1, 0], [1, 1, 0, 0, 1, 0], ["a", "a", "b", "b", "c", "c"])
assert sorted(_three.index) == ["a", "b", "c"], "Con tres grupos, una fila por grupo."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-rates-diferencias", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: las diferencias coinciden con las funciones de fairlearn.
from fairlearn.metrics import demographic_parity_difference, equalized_odds_difference

_gaps = fairness_gaps(_fairlearn_rates(_y, _p, _g))
assert np.isclose(
    _gaps["demographic_parity_difference"],
    demographic_parity_difference(_y, _p, sensitive_features=_g),
), f"La diferencia de paridad demográfica es máx − mín de selection_rate; devolviste {_gaps}."
assert np.isclose(
    _gaps["equalized_odds_difference"], equalized_odds_difference(_y, _p, sensitive_features=_g)
), (
    "equalized_odds_difference es el MAYOR entre la diferencia de TPR y la de FPR; "
    f"devolviste {_gaps}."
)
### BEGIN HIDDEN TESTS
_rates_real = _fairlearn_rates(DATA.y_test, AWARE_PRED, DATA.groups_test)
_gaps = fairness_gaps(_rates_real)
for _name, _function in (
    ("demographic_parity_difference", demographic_parity_difference),
    ("equalized_odds_difference", equalized_odds_difference),
):
    assert np.isclose(
        _gaps[_name], _function(DATA.y_test, AWARE_PRED, sensitive_features=DATA.groups_test)
    ), f"{_name} no coincide con fairlearn en el modelo de §4."
_tpr_wins = pd.DataFrame({"selection_rate": [0.3, 0.3], "tpr": [0.2, 0.9], "fpr": [0.1, 0.2]})
assert np.isclose(fairness_gaps(_tpr_wins)["equalized_odds_difference"], 0.7)
_fpr_wins = pd.DataFrame({"selection_rate": [0.1, 0.5], "tpr": [0.5, 0.6], "fpr": [0.1, 0.6]})
assert np.isclose(fairness_gaps(_fpr_wins)["equalized_odds_difference"], 0.5), (
    "Si la brecha de FPR es la mayor, equalized_odds_difference es esa."
)
assert np.isclose(fairness_gaps(_fpr_wins)["demographic_parity_difference"], 0.4)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-rates-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: largos distintos o etiquetas que no son 0/1 dan ValueError.
for _args in (([1, 0, 1], [1, 0], ["F", "M", "F"]), ([2, 0], [1, 0], ["F", "M"])):
    try:
        group_rates(*_args)
    except ValueError:
        pass
    else:
        raise AssertionError(f"group_rates{_args} debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
for _args in (
    ([1, 0], [1, 0], ["F"]),
    ([1, 0], [1, -1], ["F", "M"]),
    ([1, 0], ["1", "0"], ["F", "M"]),
):
    try:
        group_rates(*_args)
    except ValueError:
        pass
    else:
        raise AssertionError(f"group_rates{_args}: entrada inválida, se esperaba ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*
#
# ## 5. Mitigar tiene un costo: elegir con un límite escrito
#
# Las mitigaciones se agrupan según **dónde** actúan (fairlearn, *Mitigations*):
#
# | Momento | Ejemplo | A favor | En contra |
# |---|---|---|---|
# | pre-procesado | quitar el atributo y sus proxies (`CorrelationRemover`), re-muestrear | no toca el modelo | no garantiza nada sobre las predicciones |
# | en el entrenamiento | `ExponentiatedGradient` con una restricción | el mejor equilibrio posible | reentrenar muchas veces; más difícil de explicar |
# | post-procesado | `ThresholdOptimizer`: un umbral por grupo | rápido, sobre un modelo ya entrenado | necesita el atributo al predecir; trata distinto a propósito |
#
# Cada opción se mide igual: exactitud, las dos diferencias y el **valor de la campaña** con los
# números del módulo 00 (cada cliente retenido deja 180 €, cada contacto cuesta 6 € y el 20 % de
# los contactados que se iban se queda). La tabla sale de los datos de §4, con fairlearn:

# %%
CANDIDATES = mitigation_candidates(DATA, seed=SEED)
print(
    f"Valor = verdaderos positivos × {CAMPAIGN_SUCCESS:.0%} × {CUSTOMER_VALUE_EUR:.0f} € "
    f"− contactados × {CONTACT_COST_EUR:.0f} €, sobre {len(DATA.y_test)} clientes de test"
)
CANDIDATES

# %% [markdown]
# Léela con calma. El modelo con `gender` deja más valor y la peor equidad. `ThresholdOptimizer`
# casi anula la diferencia de paridad, a cambio de valor y de exactitud. Y el modelo del
# proyecto, sin `gender`, deja algo menos de valor que el modelo con `gender` (del orden de un
# 10 %) con una diferencia de paridad cercana a cero: en **estos** datos el género no tiene
# proxies, así que no mirarlo basta para la paridad (no para equalized odds: los grupos abandonan
# en proporciones distintas). En datos reales eso hay que **medirlo**, no suponerlo.
#
# **¿Qué técnica, cuando hay que mitigar?** Depende de tres restricciones que no son técnicas:
# si se puede usar el atributo al predecir, si el modelo se puede reentrenar y cuánto hay que
# explicar cada decisión. La ayuda de decisión las cruza con la brecha medida (la matriz es
# `assets/decision_aids/fairness_mitigation.yaml`; la recomendación, una función probada):

# %%
show_aid("fairness_mitigation", "16_docs_etica")

# %% [markdown]
# La elección no es técnica: el equipo (con riesgo y legal) escribe un **límite** antes de mirar
# los resultados, y la regla elige la opción de más valor que lo cumple. Si ninguna lo cumple,
# no se despliega ninguna: esa es la parte que más se salta.
#
# ### Ejercicio 3 (seguro) · Elegir la mitigación bajo un límite de equidad
#
# Escribe `choose_mitigation(candidates, max_dp_difference, max_eo_difference=None)`.
# `candidates` es una lista de `dict` (o un `DataFrame` como `CANDIDATES`) con `name`,
# `value_eur`, `dp_difference` y `eo_difference`. Devuelve el `name` elegido. Es el paso
# **seguro**: la función nunca devuelve una opción que viola el límite, aunque sea la más valiosa,
# y rechaza límites mal escritos en vez de interpretarlos.
#
# 1. Solo valen las opciones con `dp_difference <= max_dp_difference`; entre ellas, la de mayor
#    `value_eur`. Si empatan en valor, la de menor `eo_difference`.
# 2. Si `max_eo_difference` no es `None`, además debe cumplirse `eo_difference <=
#    max_eo_difference`.
# 3. Si ninguna opción cumple los límites, lanza `ValueError` en español que nombre la opción
#    más equitativa (la de menor `dp_difference`), para que el equipo sepa qué es alcanzable.
# 4. Lanza `ValueError` si un límite no es un número entre 0 y 1 (negativo, mayor que 1, `nan`,
#    `True` o un texto).


# %% nbgrader={"grade": false, "grade_id": "mitigation", "locked": false, "schema_version": 3, "solution": true, "task": false}
def choose_mitigation(candidates, max_dp_difference, max_eo_difference=None):
    """El nombre de la opción de más valor que cumple los límites de equidad."""
    ### BEGIN SOLUTION
    import math

    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
        if not 0 <= value <= 1:
            raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")

    check("max_dp_difference", max_dp_difference)
    if max_eo_difference is not None:
        check("max_eo_difference", max_eo_difference)
    if isinstance(candidates, pd.DataFrame):
        candidates = candidates.to_dict("records")
    allowed = [
        row
        for row in candidates
        if row["dp_difference"] <= max_dp_difference
        and (max_eo_difference is None or row["eo_difference"] <= max_eo_difference)
    ]
    if not allowed:
        best = min(candidates, key=lambda row: row["dp_difference"])
        raise ValueError(
            f"Ninguna opción cumple los límites; la más equitativa es {best['name']!r} "
            f"(dp_difference={best['dp_difference']})."
        )
    return max(allowed, key=lambda row: (row["value_eur"], -row["eo_difference"]))["name"]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-mitigation-eleccion", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: la opción de más valor que cumple los límites; empates por equalized odds.
_options = [
    {"name": "a", "value_eur": 100.0, "dp_difference": 0.30, "eo_difference": 0.20},
    {"name": "b", "value_eur": 90.0, "dp_difference": 0.04, "eo_difference": 0.12},
    {"name": "c", "value_eur": 90.0, "dp_difference": 0.02, "eo_difference": 0.05},
    {"name": "d", "value_eur": 80.0, "dp_difference": 0.01, "eo_difference": 0.03},
]
assert choose_mitigation(_options, 0.5) == "a", "Con un límite holgado gana la de más valor."
_got = choose_mitigation(_options, 0.05)
assert _got == "c", (
    f"Con dp ≤ 0.05 cumplen b, c y d; b y c empatan en valor y c tiene menor eo: devolviste {_got!r}."
)
_got = choose_mitigation(_options, 0.05, 0.04)
assert _got == "d", f"Con además eo ≤ 0.04 solo cumple d; devolviste {_got!r}."
### BEGIN HIDDEN TESTS
from mlops_course.lessons.m16_docs import choose_mitigation as _reference_choice

for _dp, _eo in ((0.05, None), (0.2, 0.1), (1.0, None), (0.3, 0.2)):
    _want = _reference_choice(CANDIDATES, _dp, _eo)
    _got = choose_mitigation(CANDIDATES, _dp, _eo)
    assert _got == _want, (
        f"Con la tabla de §5 y límites {_dp}/{_eo} se elige {_want!r}; devolviste {_got!r}."
    )
assert choose_mitigation(_options, 0.30) == "a", "El límite se cumple con ≤ (0.30 ≤ 0.30)."
assert choose_mitigation(list(reversed(_options)), 0.05) == "c", "El orden de la lista no importa."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-mitigation-ninguna", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: si ninguna cumple, ValueError que nombra la más equitativa (nunca una que viola).
try:
    _got = choose_mitigation(_options, 0.005)
except ValueError as _error:
    assert "d" in str(_error).replace("dp_difference", ""), (
        f"El mensaje debe nombrar la opción más equitativa ('d'); dice: {_error}"
    )
else:
    raise AssertionError(
        f"Ninguna opción tiene dp ≤ 0.005 y devolviste {_got!r}: debe ser ValueError."
    )
### BEGIN HIDDEN TESTS
try:
    _got = choose_mitigation(_options, 0.05, 0.01)
except ValueError as _hidden_error:
    assert "'d'" in str(_hidden_error), f"El mensaje debe nombrar 'd'; dice: {_hidden_error}"
else:
    raise AssertionError(f"Ninguna opción cumple eo ≤ 0.01 y devolviste {_got!r}.")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-mitigation-limites", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: un límite que no es un número entre 0 y 1 da ValueError.
for _bad in (-0.1, 1.5):
    try:
        choose_mitigation(_options, _bad)
    except ValueError:
        pass
    else:
        raise AssertionError(f"max_dp_difference={_bad} no es un límite válido: ValueError.")
### BEGIN HIDDEN TESTS
for _args in ((float("nan"),), (True,), ("0.1",), (0.1, -1.0), (0.1, float("nan"))):
    try:
        choose_mitigation(_options, *_args)
    except ValueError:
        pass
    else:
        raise AssertionError(f"Los límites {_args} no son válidos: debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Con el límite del proyecto (paridad ≤ 0,05 y equalized odds ≤ 0,10, ADR-16-02) la regla elige:

# %%
try:
    CHOICE = choose_mitigation(CANDIDATES, 0.05, 0.10)
    print("Opción elegida:", CHOICE)
except ValueError as _error:
    print("Ninguna opción cumple:", _error)
except Exception as _error:  # el Ejercicio 3 sin resolver no frena el cuaderno
    print(f"Resuelve el Ejercicio 3 ({type(_error).__name__}) para ver la elección con tu función.")
_by_name = CANDIDATES.set_index("name")
_gap = _by_name.loc["con gender", "value_eur"] - _by_name.loc["sin gender", "value_eur"]
_per_customer = _gap / len(DATA.y_test)
print(
    f"Renunciar a `gender` cuesta {_gap:.0f} € en {len(DATA.y_test)} clientes "
    f"({_per_customer:.2f} € por cliente; con 50.000 clientes, ≈ {_per_customer * 50_000:.0f} € por campaña)."
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 20 min.*
#
# ## 6. Lo que piden la ley y el negocio
#
# *Esta sección orienta; no es asesoría legal. Una decisión real se toma con el área legal de la
# empresa y el texto vigente.*
#
# El **Reglamento (UE) 2024/1689** (Reglamento Europeo de Inteligencia Artificial, *AI Act*)
# clasifica los sistemas por **riesgo**, no por técnica:
#
# | Nivel | Dónde | Ejemplos | Qué exige |
# |---|---|---|---|
# | prohibido | art. 5 | puntuación social, manipulación que causa daño | no se puede usar |
# | alto riesgo | art. 6 y anexo III | **evaluar la solvencia o fijar la calificación crediticia** de personas físicas (anexo III, punto 5 b); riesgo y precio de seguros de vida y salud (punto 5 c); selección de personal (punto 4) | gestión de riesgos (art. 9), datos y su gobierno (art. 10), documentación técnica (art. 11 y anexo IV), registros (art. 12), transparencia (art. 13), supervisión humana (art. 14), exactitud y robustez (art. 15) |
# | transparencia | art. 50 | chatbots, contenido generado | avisar a la persona |
# | mínimo | el resto | filtros de spam, recomendaciones, **la mayoría de los modelos internos de marketing** | nada específico (códigos de conducta voluntarios, art. 95) |
#
# **¿Dónde cae el modelo de churn?** Ordenar clientes para ofrecerles una campaña de retención
# (un descuento, una llamada) **no figura en el anexo III**: no decide el acceso a un crédito, a un
# seguro, a un empleo ni a un servicio esencial. En general es de riesgo **mínimo**. Tres matices
# que un senior señala:
#
# - **El uso decide, no el modelo.** Si mañana el mismo score se usa para negar una tarjeta o
#   subir un tipo de interés, pasa al punto 5 b del anexo III: alto riesgo, con todas sus
#   obligaciones. La model card lo dice en «Fuera de alcance».
# - **Otras normas siguen aplicando.** El RGPD (art. 22: decisiones únicamente automatizadas con
#   efectos significativos; art. 9: categorías especiales de datos) y la Directiva 2004/113/CE,
#   que prohíbe el trato distinto por sexo en el acceso a bienes y servicios. Una oferta comercial
#   que depende del género es el tipo de caso que un área legal quiere revisar.
# - **El calendario es escalonado** (art. 113): las prohibiciones rigen desde febrero de 2025 y la
#   mayoría de las obligaciones de alto riesgo se fijaron para agosto de 2026 y 2027; la Comisión
#   propuso en 2025 ajustar esas fechas. Verifica el estado vigente antes de citar una fecha.
#
# Para un sistema de **alto riesgo**, la documentación técnica del anexo IV pide, entre otras
# cosas, la finalidad prevista, las métricas de exactitud y por grupo, los datos de entrenamiento
# y sus limitaciones: exactamente lo que este módulo **genera** (model card, datasheet, equidad).
# Tenerlo generado en cada versión es la diferencia entre semanas de auditoría y una tarde.
#
# El **negocio** pide lo mismo por otras razones: que producto sepa cuándo no usar el modelo, que
# una persona nueva lo ejecute el primer día y que una pregunta de riesgo tenga respuesta con
# cifras.

# %% [markdown]
# ## 7. El sitio del proyecto: MkDocs en modo estricto
#
# La capa 16 trae `mkdocs.yml`. Léelo: cada bloque responde a un problema.

# %%
print((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))

# %% [markdown]
# - `theme: material` con `font: false`: sin fuentes de Google, el sitio se construye y se ve sin
#   red, y no envía la IP de cada visitante a un tercero (un tribunal de Múnich condenó en 2022 a
#   un sitio por cargar Google Fonts desde Google: LG München I, 3 O 17493/20).
# - `validation`: enlaces rotos, absolutos, a secciones que no existen y páginas fuera de la
#   navegación son **avisos**; `mkdocs build --strict` convierte cada aviso en error.
# - `mkdocstrings`: la página `api.md` contiene `::: churn_project.gate` y mkdocstrings la
#   rellena con las firmas y los docstrings del código. Si alguien cambia una función, la
#   referencia cambia sola.
#
# Construyamos el sitio de tu proyecto, de verdad:

# %%
SITE = WS / "site"
RESULT = build_site(PROJECT / "mkdocs.yml", SITE)
print(RESULT)
for _warning in RESULT.warnings:
    print("  aviso:", _warning)
print("páginas:", sorted(str(p.relative_to(SITE)) for p in SITE.rglob("index.html"))[:10])
print("enlaces rotos según el verificador:", check_links(SITE) or "ninguno")

# %% [markdown]
# **¿Qué ve el modo estricto y qué no?** MkDocs valida los enlaces **Markdown** que resuelve él:
# archivo que no existe, enlace absoluto, sección (`#ancla`) que no existe. No mira el **HTML
# escrito a mano** dentro del Markdown (`<img src=…>`, `<a href=…>`), ni lo que añaden el tema y
# los plugins. Por eso el proyecto tiene también un verificador de enlaces: lee el sitio
# **construido** con el `HTMLParser` de la biblioteca estándar y comprueba que cada `href`/`src`
# interno lleva a un archivo que existe y, si tiene `#ancla`, a un `id` de esa página.
#
# **Metáfora.** `--strict` es el corrector del procesador de texto; el verificador, quien imprime
# el documento y prueba cada enlace.
#
# Una página «Cómo ejecutar» con errores típicos, en un sitio de prueba:

# %%
print(BROKEN_HOW_TO_RUN)
with tempfile.TemporaryDirectory() as _folder:
    _config = write_sandbox(Path(_folder), BROKEN_HOW_TO_RUN)
    _strict = build_site(_config, Path(_folder) / "site")
    _lenient = build_site(_config, Path(_folder) / "site", strict=False)
    _links = check_links(Path(_folder) / "site")
print(_strict)
for _warning in _strict.warnings:
    print("  --strict:", _warning)
print(f"\nsin --strict el build {'pasa' if _lenient.ok else 'falla'}; el verificador encuentra:")
for _broken in _links:
    print("  ", _broken)

# %% [markdown]
# Compara las dos listas. El modo estricto encuentra 4 problemas; el verificador, 5: el
# `<img src="assets/flujo.svg">` escrito en HTML pasa el modo estricto sin aviso. Y hay una
# trampa más: aunque el archivo se llamara bien, MkDocs publica cada página como carpeta
# (`como-ejecutar/index.html`), así que un `src` relativo escrito en HTML apunta a
# `como-ejecutar/assets/…`. La sintaxis Markdown `![texto](assets/pipeline.svg)` la reescribe
# MkDocs con la ruta correcta.
#
# | Problema | `--strict` | verificador |
# |---|---|---|
# | archivo renombrado (`model_card.md`) | ✔ | ✔ |
# | sección que no existe (`#composicion-de-los-datos`) | ✔ | ✔ |
# | enlace absoluto (`/adr/…`) | ✔ | ✔ (no existe en el sitio) |
# | imagen o enlace en HTML escrito a mano | ✘ | ✔ |
# | enlace externo (`https://…`) | ✘ | ✘ (necesita red: otra tarea, programada) |
#
# ### Ejercicio 4 (escalable) · La página «Cómo ejecutar» que pasa el build estricto
#
# Con cinco personas escribiendo documentación, los enlaces se rompen cada semana; a escala de
# equipo, solo una comprobación automática en la CI (build estricto + verificador) mantiene el
# sitio sano sin que nadie revise enlaces a mano. Arregla la página.
#
# Escribe `how_to_run_page()`, que devuelve el texto Markdown de la página, partiendo de
# `BROKEN_HOW_TO_RUN` (cópialo e imprímelo para ver qué cambiar). Las
# páginas del sitio de prueba son `index.md`, `model-card.md`, `datasheet.md` (con las secciones
# «Motivación» y «Composición»), `api.md`, `adr/0001-despliegue.md` y la imagen
# `assets/pipeline.svg` (ver `SANDBOX_PAGES`).
#
# 1. El sitio de prueba con tu página pasa `mkdocs build --strict` (ningún aviso).
# 2. La página conserva sus cuatro enlaces: a la model card, a la **sección «Composición»** del
#    datasheet, al ADR 0001 y a la referencia de la API. Borrar un enlace no es arreglarlo.
# 3. El sitio construido pasa también el verificador de enlaces (`check_links`), con el diagrama
#    `assets/pipeline.svg` visible en la página.


# %% nbgrader={"grade": false, "grade_id": "how-to-run", "locked": false, "schema_version": 3, "solution": true, "task": false}
def how_to_run_page():
    """El texto Markdown de la página «Cómo ejecutar», arreglada."""
    ### BEGIN SOLUTION
    return """\
# Cómo ejecutar el proyecto

Tres órdenes, desde la raíz del repositorio:

```bash
dvc repro            # datos → modelo, solo lo que cambió
pytest               # los tests del proyecto (cobertura ≥ 80 %)
mkdocs build --strict  # este sitio, sin enlaces rotos
```

![El pipeline de DVC](assets/pipeline.svg)

Antes de usar el modelo, lee su [model card](model-card.md) y la
[composición de los datos](datasheet.md#composicion). La decisión de despliegue
está en el [ADR 0001](adr/0001-despliegue.md) y las funciones, en la
[referencia de la API](api.md).
"""
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-pagina-estricto", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el sitio de prueba con tu página pasa mkdocs build --strict.
with tempfile.TemporaryDirectory() as _folder:
    _result = build_site(write_sandbox(Path(_folder), how_to_run_page()), Path(_folder) / "site")
assert _result.ok, "mkdocs build --strict falla con tu página:\n" + "\n".join(
    _result.warnings or [_result.output[-800:]]
)
### BEGIN HIDDEN TESTS
assert not _result.warnings, f"Quedan avisos: {_result.warnings}"
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pagina-enlaces", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: los cuatro enlaces siguen (al destino correcto) y el verificador no encuentra nada roto.
from html.parser import HTMLParser


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.srcs = [], []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        if tag == "img" and values.get("src"):
            self.srcs.append(values["src"])


with tempfile.TemporaryDirectory() as _folder:
    _site = Path(_folder) / "site"
    build_site(write_sandbox(Path(_folder), how_to_run_page()), _site, strict=False)
    _page = _site / "como-ejecutar" / "index.html"
    assert _page.is_file(), "El sitio no tiene la página como-ejecutar: ¿la página está vacía?"
    _parser = _Links()
    _content = _page.read_text(encoding="utf-8").split("<article", 1)[-1]
    _parser.feed(_content.split("</article>", 1)[0])  # solo el contenido: sin menú ni pie
    _broken = check_links(_site)
_targets = {
    "la model card": "../model-card/",
    "la sección «Composición» del datasheet": "../datasheet/#composicion",
    "el ADR 0001": "../adr/0001-despliegue/",
    "la referencia de la API": "../api/",
}
for _what, _href in _targets.items():
    assert _href in _parser.hrefs, (
        f"La página ya no enlaza a {_what} ({_href} en el sitio): arregla el enlace, no lo borres."
    )
assert not [b for b in _broken if "como-ejecutar" in b.page], (
    "El verificador encuentra enlaces rotos en tu página:\n"
    + "\n".join(str(b) for b in _broken if "como-ejecutar" in b.page)
)
assert any(_src.endswith("assets/pipeline.svg") for _src in _parser.srcs), (
    "La página debe mostrar el diagrama assets/pipeline.svg (con la sintaxis Markdown de imagen)."
)
### BEGIN HIDDEN TESTS
assert not _broken, "Hay enlaces rotos en el sitio: " + "; ".join(map(str, _broken))
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 0 min.*
#
# ## 8. El entregable en tu proyecto
#
# La celda siguiente hace lo que hará la CI del proyecto en cada push:
#
# 1. `python -m churn_project.docs`: regenera la model card, el datasheet y la página de
#    equidad desde **tu** registro de MLflow (el champion) y **tus** datos versionados;
# 2. escribe tu página «Cómo ejecutar» si pasa el build estricto (si no, deja la que había);
# 3. `mkdocs build --strict` y el verificador de enlaces sobre el sitio construido;
# 4. los tests de documentación del proyecto (`tests/test_docs.py`) y un commit.

# %%
_env = {**PROJECT_ENV, "PYTHONPATH": str(PROJECT / "src")}
_generated = subprocess.run(
    [sys.executable, "-m", "churn_project.docs"],
    cwd=PROJECT,
    env=_env,
    capture_output=True,
    text=True,
    timeout=120,
    check=False,
)
print(_generated.stdout.strip() or _generated.stderr[-1500:])

# %% [markdown]
# Tu página «Cómo ejecutar» (si pasa el build estricto del proyecto) y el sitio del entregable:

# %%
_page_file = PROJECT / HOW_TO_RUN_FILE
try:
    _mine = how_to_run_page()
    _why = "" if isinstance(_mine, str) and _mine.strip() else "la página está vacía"
except Exception as _error:  # el Ejercicio 4 sin resolver no frena el cuaderno
    _mine, _why = None, f"el Ejercicio 4 no está resuelto ({type(_error).__name__})"
if not _why:
    _previous = _page_file.read_text(encoding="utf-8")
    _page_file.write_text(_mine, encoding="utf-8")
    _check = build_site(PROJECT / "mkdocs.yml", SITE)
    _why = "" if _check.ok else "; ".join(_check.warnings) or "el build falla"
    if _why:
        _page_file.write_text(_previous, encoding="utf-8")
print("Página «Cómo ejecutar»:", "la tuya" if _why == "" else f"sin cambios, porque {_why}")
# Si tu página entró, ese build ya es el del entregable; si no, se construye con la que había.
DELIVERABLE = _check if not _why else build_site(PROJECT / "mkdocs.yml", SITE)
print(DELIVERABLE, "· enlaces rotos:", check_links(SITE) or "ninguno")

# %% [markdown]
# Los tests de documentación del proyecto (el build estricto y los enlaces, como en la CI) y el
# commit:

# %%
_pytest = [sys.executable, "-m", "pytest", "-q", "--no-cov", "--color=no", "-p", "no:randomly"]
_tests = subprocess.run(
    [*_pytest, "tests/test_docs.py", "-k", "estricto or enlaces"],
    cwd=PROJECT,
    env=_env,
    capture_output=True,
    text=True,
    timeout=300,
    check=False,
)
print("tests/test_docs.py:", _tests.stdout.strip().splitlines()[-1])
commit = commit_all(
    PROJECT, PROJECT_ENV, "el sitio de documentación, la model card y la equidad", module="16"
)
print("commit", commit)
print((PROJECT / "docs" / "model-card.md").read_text(encoding="utf-8")[:900])

# %% [markdown]
# ## 9. Visión de negocio
#
# Dos cuentas, con los números de este cuaderno y del módulo 00:
#
# - **La equidad tiene precio, y se puede decir en euros.** La celda de §5 lo calcula: lo que
#   deja de ganar la campaña por no usar `gender`, por cliente y a escala de la cartera de 50.000
#   clientes del módulo 00. Ese número va al ADR (ADR-16-02): el equipo no «pierde» ese valor,
#   **compra** con él una campaña que no trata distinto por género y que legal puede defender.
# - **La documentación también.** Si una persona nueva tarda 3 días en ejecutar el proyecto en
#   vez de medio día, y el equipo incorpora 4 personas al año, son 10 días de ingeniería al año;
#   a un costo de 400 € por día (supuesto: cámbialo por el de tu empresa), 4.000 € al año, más
#   lo que no hicieron esos días. Un sitio que se construye en segundos en cada push cuesta unos
#   segundos de CI.

# %%
DAY_COST_EUR = 400  # supuesto: costo de un día de ingeniería (cámbialo por el de tu empresa)
HIRES_PER_YEAR = 4
DAYS_SAVED = 3 - 0.5
print(f"Onboarding: {HIRES_PER_YEAR * DAYS_SAVED * DAY_COST_EUR:,.0f} € al año en días recuperados")
print(f"Build del sitio en cada push: {DELIVERABLE.seconds:.1f} s")

# %% [markdown]
# ## 10. Cuándo NO usar cada práctica
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Sitio MkDocs propio | Un script de un solo uso o un análisis que no se mantiene | Un README con cómo ejecutarlo |
# | Model card generada | Un prototipo que nadie va a consumir | Una nota en el README con la fecha y la métrica |
# | `--strict` en cada push | Un borrador largo en una rama de trabajo | Estricto en `main` y en los pull requests, no en cada commit local |
# | `ThresholdOptimizer` | Cuando no se puede (o no se debe) usar el atributo al predecir | Mitigar en el entrenamiento (`ExponentiatedGradient`) o no usar el atributo y medir |
# | Paridad demográfica como límite | Cuando las tasas reales difieren por una razón legítima y el error es lo que importa | Equalized odds o igualdad de oportunidades (solo TPR) |
# | Verificar enlaces externos en cada build | Siempre: depende de la red y de sitios ajenos | Un job programado (semanal) que los revise y abra un issue |
#
# ### ADRs del módulo
#
# ```text
# ADR-16-01: MkDocs + Material sin red, --strict y un verificador de enlaces propio
#
# CONTEXTO:
# La documentación del proyecto se desactualiza y sus enlaces se rompen. El curso corre sin red y
# en Binder; mkdocs, mkdocs-material y mkdocstrings-python ya están fijados en el entorno. El
# modo estricto de MkDocs no valida el HTML escrito a mano ni lo que añaden tema y plugins.
#
# DECISIÓN:
# - MkDocs con el tema Material (font: false, sin plugins que descarguen: privacy, social) y
#   mkdocstrings para la referencia de la API desde los docstrings.
# - validation (enlaces rotos, absolutos, anclas, páginas fuera de nav) como avisos y
#   mkdocs build --strict en la CI del proyecto (tests/test_docs.py).
# - Un verificador de enlaces con html.parser de la biblioteca estándar sobre el sitio
#   construido: archivos y anclas internas.
#
# CONSECUENCIAS:
# (+) Un enlace roto rompe el build; el sitio se construye en menos de 2 s.
# (+) La referencia de la API no se escribe: se genera.
# (-) Los enlaces externos no se verifican (necesitan red): un job programado aparte.
# (-) Material for MkDocs anunció su fin de vida (mayo de 2027) a favor de Zensical: revisar la
#     migración cuando sea estable.
#
# ALTERNATIVAS RECHAZADAS:
# - Sphinx: más potente para APIs grandes, pero reStructuredText y más configuración para un
#   equipo que ya escribe Markdown.
# - Un wiki aparte: vive fuera del repositorio y nada lo comprueba.
# - linkchecker / lychee: no están fijados en el entorno; lychee es un binario.
# ```
#
# ```text
# ADR-16-02: El modelo de churn no usa gender; límites de equidad escritos y medidos en cada versión
#
# CONTEXTO:
# El conjunto tiene un atributo sensible (gender). La campaña de retención es un beneficio. Con
# datos sesgados (sensitive_bias=1), el modelo con gender deja más valor de campaña pero su
# diferencia de paridad demográfica pasa de 0,3; ThresholdOptimizer la corrige a costa de valor.
#
# DECISIÓN:
# - El modelo no usa gender como entrada; cada versión publica su página de equidad (fairlearn).
# - Límites: diferencia de paridad demográfica ≤ 0,05 y de equalized odds ≤ 0,10. Una versión
#   fuera de límites no se promociona a champion sin una mitigación revisada.
#
# CONSECUENCIAS:
# (+) La pregunta «¿trata igual a todos?» tiene respuesta con cifras en cada versión.
# (-) El valor que se deja de ganar (§5) es un costo aceptado, y figura en este ADR.
# (-) Quitar el atributo no elimina proxies: por eso se mide en cada versión.
#
# ALTERNATIVAS RECHAZADAS:
# - Usar gender para ganar valor: trato distinto por sexo en una oferta comercial.
# - ThresholdOptimizer en producción: exige el género de cada cliente al predecir.
# - No medir: no protege de los proxies.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 20 min.*

# %% [markdown]
# ## 11. Respuesta escrita (calificada a mano) · ¿Alto riesgo o no?
#
# Riesgo propone reutilizar el score de churn para **bajar el límite de la tarjeta de crédito**
# de los clientes con más probabilidad de irse. En **6 a 10 líneas**, escribe un ADR breve: ¿en
# qué nivel del Reglamento (UE) 2024/1689 queda hoy el modelo de churn y en cuál quedaría con
# ese uso? Cita **los artículos o el punto del anexo** que lo deciden, nombra **dos obligaciones**
# que aparecerían, usa **una cifra** de este cuaderno (una diferencia de equidad o un valor en
# euros) y di qué harías con la model card. Recuerda que no es asesoría legal.

# %% [markdown] nbgrader={"grade": true, "grade_id": "riesgo-ai-act", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-16-03: El score de churn no se usa para decisiones de crédito sin un proceso de alto riesgo**
#
# Hoy el modelo ordena clientes para una campaña de retención: no figura en el anexo III del
# Reglamento (UE) 2024/1689, así que es de riesgo mínimo. Bajar el límite de una tarjeta es
# evaluar la solvencia de una persona física: anexo III, punto 5 b, alto riesgo (art. 6.2). Eso
# exigiría gestión de riesgos (art. 9), gobierno de datos (art. 10), documentación técnica
# (art. 11, anexo IV) y supervisión humana (art. 14). Además el modelo no se entrenó para eso: su
# umbral minimiza el costo de una campaña, y con datos sesgados la versión con gender tenía una
# diferencia de paridad de 0,30. Decisión: no reutilizarlo; si Riesgo lo necesita, un modelo
# nuevo con su propio proceso. La model card lo declara en «Fuera de alcance». Consultar a legal.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Clasificación correcta con cita.** Hoy mínimo (no está en el anexo III); con el
#   nuevo uso, alto riesgo por el anexo III punto 5 b (o art. 6). 0.5 si falta la cita.
# - **1 punto · Dos obligaciones concretas** (arts. 9-15, anexo IV) y una cifra del cuaderno bien
#   usada. 0.5 si son genéricas.
# - **1 punto · Decisión y model card.** Qué se hace (no reutilizar, otro proceso) y que el uso
#   queda fuera de alcance en la model card; menciona que no es asesoría legal.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 12. Cierre
#
# ### Resumen
#
# - **Docs as code:** la documentación vive en el repositorio, lo calculable se genera y la CI la
#   construye en modo estricto.
# - La **model card** (Mitchell et al.) sale del registro: versión, run, métricas y versión de
#   datos; lo que decide el equipo (uso previsto, límites) se escribe una vez. Una plantilla con
#   `StrictUndefined` falla en vez de dejar huecos.
# - El **datasheet** (Gebru et al.) responde quién está en los datos y para qué no usarlos.
# - No usar el atributo sensible no garantiza equidad: se **mide** por grupo (tasa de selección,
#   TPR, FPR) y con dos diferencias (paridad demográfica, equalized odds).
# - Mitigar (pre, durante o post entrenamiento) cuesta valor: se elige con un **límite escrito**
#   y, si nada lo cumple, no se despliega.
# - El **Reglamento Europeo de IA** clasifica por uso: el churn de retención es de riesgo mínimo;
#   el mismo score para crédito es alto riesgo (anexo III, punto 5 b).
# - `mkdocs build --strict` no ve el HTML escrito a mano: un verificador sobre el sitio
#   construido lo completa.
#
# ### Checklist del entregable («Documentación publicada»)
#
# - [ ] Los tests visibles de los cuatro ejercicios pasan.
# - [ ] `churn-project/docs/` tiene la model card, el datasheet y la página de equidad generados
#   desde **tu** champion (`python -m churn_project.docs`) y **tu** página «Cómo ejecutar».
# - [ ] `mkdocs build --strict` pasa, el verificador no encuentra enlaces rotos y todo está en un
#   commit (`tests/test_docs.py` lo comprueba en la CI).
# - [ ] Tu respuesta escrita clasifica el uso con una cita del reglamento.
#
# ### Autoevaluación
#
# 1. ¿Por qué la versión de datos de la model card sale de un tag del run y no se escribe?
# 2. Un modelo no usa `gender` y su diferencia de paridad es 0,20. ¿Cómo es posible?
# 3. ¿Qué diferencia hay entre paridad demográfica y equalized odds, en una frase de negocio?
# 4. ¿Qué enlace roto no detecta `mkdocs build --strict`?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Escrita a mano deja de ser verdad en el siguiente entrenamiento. 2. Por variables
# correlacionadas con el género (proxies). 3. La primera pregunta si todos reciben la oferta por
# igual; la segunda, si el modelo se equivoca igual con todos. 4. Uno escrito en HTML dentro del
# Markdown (o uno externo).
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [docs as code](../18_glosario/18_glosario.ipynb#docs-as-code) ·
# [model card](../18_glosario/18_glosario.ipynb#model-card) ·
# [datasheet](../18_glosario/18_glosario.ipynb#datasheet) ·
# [atributo sensible](../18_glosario/18_glosario.ipynb#atributo-sensible) ·
# [proxy](../18_glosario/18_glosario.ipynb#proxy) ·
# [tasa de selección](../18_glosario/18_glosario.ipynb#tasa-seleccion) ·
# [paridad demográfica](../18_glosario/18_glosario.ipynb#paridad-demografica) ·
# [equalized odds](../18_glosario/18_glosario.ipynb#equalized-odds) ·
# [mitigación](../18_glosario/18_glosario.ipynb#mitigacion) ·
# [ThresholdOptimizer](../18_glosario/18_glosario.ipynb#threshold-optimizer) ·
# [Reglamento Europeo de IA](../18_glosario/18_glosario.ipynb#reglamento-ia) ·
# [alto riesgo](../18_glosario/18_glosario.ipynb#alto-riesgo) ·
# [MkDocs](../18_glosario/18_glosario.ipynb#mkdocs) ·
# [mkdocstrings](../18_glosario/18_glosario.ipynb#mkdocstrings) ·
# [build estricto](../18_glosario/18_glosario.ipynb#build-estricto).
#
# ### Para saber más
#
# - Mitchell et al., «Model Cards for Model Reporting», FAT\* 2019.
# - Gebru et al., «Datasheets for Datasets», *Communications of the ACM* 64(12), 2021.
# - fairlearn, guía de usuario: *Assessment* y *Mitigation*.
# - Reglamento (UE) 2024/1689 (Reglamento de Inteligencia Artificial), arts. 5, 6, 9-15, 50 y
#   anexos III y IV, en EUR-Lex.
# - Documentación de MkDocs (*Configuration → validation*) y de mkdocstrings-python.
#
# **Siguiente:** Módulo 17 · Proyecto integrador: el verificador que ejecuta cada entregable.
