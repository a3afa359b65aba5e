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
# # Módulo 06 · Pipelines sklearn avanzados
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 3 · El pipeline de modelado (semanas 7–9) |
# | **Tiempo estimado** | ≈ 6 h 15 min: lectura y demos 125 min, ejercicios 220 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00 (cómo funcionan los ejercicios); módulo 01 (clases, tipos); pandas y scikit-learn a nivel de `fit`/`predict` y `train_test_split`. |
# | **Entregable** | `workspace/06_pipelines_avanzados/`: `pipeline.pkl` robusto (preprocesado + modelo + validación de entrada; carga en un proceso nuevo), su gemelo seguro `pipeline.skops`, la huella `pipeline.pkl.sha256` y la lista revisada `tipos_confiables.json`; en tu proyecto `workspace/churn-project/`, tu pipeline como `src/churn_project/pipeline.py` y etapa `train` de DVC, confirmado con un commit |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** por qué el preprocesado hecho «a mano» fuera del modelo produce predicciones que
#    dependen del lote, y **encapsularlo** en un `Pipeline` con `ColumnTransformer` y
#    `FeatureUnion` (§1–§2 y Ejercicio 2, autocalificado).
# 2. **Escribir** un transformer propio que cumple el contrato de scikit-learn, comprobado con
#    `check_estimator`, con `get_feature_names_out` y `set_output` (Ejercicio 1).
# 3. **Convertir** la probabilidad en una decisión que cuesta menos: un *scorer* con el costo de
#    cada error (módulo 02), el umbral elegido con `TunedThresholdClassifierCV` y comparado con
#    0,5 en euros, y `C` buscado con `GridSearchCV` y llevado a `params.yaml` del proyecto (§4 y
#    Ejercicio 3).
# 4. **Reconocer** los cuatro tipos de fuga de datos (preprocesado, objetivo, temporal, grupo),
#    **medir** cuánto inflan la métrica y **corregirlos** con validación cruzada dentro del
#    pipeline y el *splitter* adecuado (§5, Ejercicio 4 y respuesta escrita).
# 5. **Rechazar** en la frontera, con el contrato pandera de tu proyecto, un lote con columnas que
#    faltan, tipos equivocados o valores fuera de rango, con un error en español que diga qué
#    arreglar (Ejercicio 5).
# 6. **Persistir y cargar** un pipeline sin ejecutar código ajeno: por qué `pickle` no es seguro y
#    cómo cargar con `skops` y una lista revisada de tipos confiables (§7 y Ejercicio 6).
# 7. **Entregar** `pipeline.pkl` y `pipeline.skops` que, recargados, predicen exactamente lo mismo
#    (§8).
#
# > **Mentalidad Senior (Fase 3):** Un modelo sin tests es una bomba de tiempo en producción.
#
# ### Tu proyecto
#
# Desde el módulo 05 construyes **un solo proyecto**, `workspace/churn-project/`. Este módulo le
# añade su segunda capa: tu pipeline de scikit-learn pasa a ser `src/churn_project/pipeline.py` y
# la etapa `train` de DVC entrena con él, con el umbral que minimiza el costo de cada error.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("06_pipelines_avanzados")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en el módulo 00: ejecuta las celdas en orden (`Shift+Enter`), resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las **celdas de test** de debajo; si no imprimen ningún
# error, pasan. Al calificar se añaden tests ocultos (casos límite y entradas inválidas). Las
# pruebas y el entregable de este módulo van a `workspace/06_pipelines_avanzados/`; tu pipeline va
# a tu proyecto, `workspace/churn-project/`, donde `git` y `dvc` corren de verdad y sin red.
#
# Los ejercicios se encadenan: el transformer del Ejercicio 1 entra en el pipeline del Ejercicio 2,
# el Ejercicio 3 decide con él al menor costo, y la validación del Ejercicio 5 y la carga del Ejercicio 6 protegen el entregable. Las celdas de
# demostración que usan tus soluciones te avisan si aún no las has resuelto.
#
# La primera celda de código son los parámetros (la integración continua usa menos clientes).

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 3_000  # clientes sintéticos del ejemplo del curso
SEED = 42  # semilla: los mismos datos y los mismos modelos en cada ejecución
# True = empezar desde el proyecto de referencia del módulo 05 aunque tengas el tuyo (el tuyo no
# se borra: queda aparte como churn-project.respaldo-N).
RESET_PROJECT = False
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)

# %%
import hashlib
import json
import math
import pickle
import pickletools
import re
import time
import warnings
from numbers import Real
from pathlib import Path

import cloudpickle
import joblib
import numpy as np
import pandas as pd
import pandera.pandas as pa
import skops.io as sio
import yaml
from pandera.errors import SchemaErrors
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, make_scorer, roc_auc_score
from sklearn.model_selection import (
    GridSearchCV,
    GroupKFold,
    KFold,
    StratifiedKFold,
    TunedThresholdClassifierCV,
    cross_val_predict,
    cross_val_score,
    train_test_split,
)
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    OneHotEncoder,
    SplineTransformer,
    StandardScaler,
    TargetEncoder,
)
from sklearn.tree import DecisionTreeClassifier
from sklearn.utils.estimator_checks import check_estimator
from sklearn.utils.validation import check_is_fitted, validate_data

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.contract import load_contract
from mlops_course.lessons.common import TARGET, git, isolated_env, make_churn
from mlops_course.lessons.m05_dataops import clear_run_log, stages_that_ran
from mlops_course.lessons.m05_dataops.dvctool import dvc
from mlops_course.lessons.m06_pipelines import (
    CATEGORICAL_FEATURES,
    FLAG_FEATURES,
    MODEL_FEATURES,
    NUMERIC_FEATURES,
    add_noise_code,
    harmless_pickle_payload,
    load_in_fresh_process,
    monthly_snapshots,
    noise_dataset,
)
from mlops_course.lessons.m06_pipelines.project import (
    PIPELINE_FILE,
    compare_with_reference,
    compose_pipeline,
    pipeline_header,
    write_pipeline,
)
from mlops_course.machinery.decision_aids import show_aid
from mlops_course.machinery.workspace import module_workspace, workspace_root

# Tu carpeta de trabajo para este módulo (se crea si no existe).
WORKSPACE = module_workspace("06_pipelines_avanzados")
ROOT = workspace_root()  # tu workspace: aquí vive el proyecto que crece de módulo en módulo
ENV = isolated_env(ROOT / ".tool-home")  # HOME privado para git y DVC (como en el módulo 05)
WORKSPACE

# %% [markdown]
# ### El proyecto del que partes
#
# Este módulo trabaja sobre tu proyecto tal como lo dejó el módulo 05: datos versionados con DVC,
# el contrato pandera y el pipeline `prepare → validate → featurize → train`. La celda siguiente
# comprueba que `workspace/churn-project/` tiene todos los archivos de esa capa. Si los tiene, usa
# **el tuyo**; si no lo tienes, le faltan archivos o pusiste `RESET_PROJECT = True`, restaura el
# **proyecto de referencia** del módulo 05 (git + DVC + remoto, con el pipeline ya ejecutado) y
# aparta el tuyo como `churn-project.respaldo-N`, sin borrar nada. Te dice cuál usa y por qué.

# %%
state = ensure_project(
    "06_pipelines_avanzados", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project  # workspace/churn-project
print("Origen:", state.source)
print(dvc("dag", cwd=PROJECT, env=ENV).stdout)

# %% [markdown]
# ## 1. El problema: el notebook que «funciona» y el cliente que cambia de nota según el lote
#
# Este es el código de preprocesado que aparece en casi todos los notebooks de exploración:
# imputar con la mediana, estandarizar con la media y la desviación típica, entrenar. Funciona
# en el notebook. Veamos qué pasa cuando el mismo código se reutiliza para **puntuar clientes
# nuevos**, que es exactamente lo que hará producción.
#
# Usamos el ejemplo del curso con un 5 % de celdas vacías y un 2 % de valores extremos (errores
# de medida), como llegan los datos reales.

# %%
raw = make_churn(n_rows=N_CUSTOMERS, seed=SEED, missing_rate=0.05, outlier_rate=0.02)
train_raw, test_raw = train_test_split(raw, test_size=0.25, random_state=SEED, stratify=raw[TARGET])
y_train, y_test = train_raw[TARGET], test_raw[TARGET]
# Un esquema de validación cruzada para todo el cuaderno: 5 pliegues estratificados.
cv5 = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
raw[list(MODEL_FEATURES)].head()


# %%
def notebook_prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """El preprocesado «de notebook»: estadísticas calculadas sobre el lote que llega."""
    numbers = frame[list(NUMERIC_FEATURES)].astype("float64")
    numbers = numbers.fillna(numbers.median())
    return (numbers - numbers.mean()) / numbers.std()


notebook_model = LogisticRegression(max_iter=1000).fit(notebook_prepare(train_raw), y_train)
# La evaluación sobre el lote de test completo sale razonable…
round(roc_auc_score(y_test, notebook_model.predict_proba(notebook_prepare(test_raw))[:, 1]), 3)

# %% [markdown]
# La AUC es razonable y nadie sospecha. Ahora puntuamos **al mismo cliente** dentro de tres lotes
# distintos, como pasará en producción (hoy llegan 10 solicitudes, mañana 500, a veces una sola):

# %%
customer = test_raw.iloc[[0]]
batches = {
    "con 9 clientes más": pd.concat([customer, test_raw.iloc[1:10]]),
    "con 499 clientes más": pd.concat([customer, test_raw.iloc[1:500]]),
    "él solo": customer,
}
same_customer = {}
for name, batch in batches.items():
    features = notebook_prepare(batch)
    if features.isna().any().any():  # la desviación típica de una sola fila es NaN
        same_customer[name] = "NaN (std de 1 fila): no se puede puntuar"
    else:
        same_customer[name] = round(float(notebook_model.predict_proba(features)[0, 1]), 3)
pd.Series(same_customer, name=f"P(churn) del cliente {customer['customer_id'].iloc[0]}")

# %% [markdown]
# El mismo cliente recibe **una probabilidad distinta según quién venga con él en el lote**, y si
# llega solo, el código ni siquiera produce un número. No es un caso raro: es el defecto de
# diseño conocido como ***training/serving skew*** (diferencia entre cómo se preparan los datos al
# entrenar y al servir). La causa es que la media, la desviación y la mediana son **parte del
# modelo** (se aprenden de los datos de entrenamiento) pero viven fuera de él, recalculadas sobre
# lo que llegue.
#
# La práctica que lo evita: **todo lo que aprende de los datos va dentro de un `Pipeline`**, que
# aprende en `fit` sobre el entrenamiento y solo *aplica* en `predict`.

# %%
honest_model = make_pipeline(
    SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=1000)
).fit(train_raw[list(NUMERIC_FEATURES)], y_train)
pd.Series(
    {
        name: round(float(honest_model.predict_proba(batch[list(NUMERIC_FEATURES)])[0, 1]), 3)
        for name, batch in batches.items()
    },
    name="P(churn) con Pipeline",
)

# %% [markdown]
# Ahora la nota del cliente es una propiedad **del cliente**, no del lote. Y hay un beneficio
# extra: el modelo desplegable es **un solo objeto** (`fit`, `predict`, guardar, cargar), no un
# modelo más un script de preprocesado que alguien tiene que copiar sin equivocarse.
#
# Un `Pipeline` fija en `fit` todo lo que el preprocesado aprende (medias, categorías, escalas) y lo
# aplica igual en cada `predict`, llegue una fila o quinientas: el notebook, en cambio, recalcula
# esas cantidades con los datos que tenga delante en cada ejecución.
#
# ⏱ *Tiempo estimado hasta aquí: 25 min.*

# %% [markdown]
# ## 2. Las piezas: `Pipeline`, `ColumnTransformer`, `FeatureUnion` y `set_output`
#
# Tres composiciones resuelven casi todo el preprocesado tabular:
#
# | Pieza | Qué hace | En churn |
# |---|---|---|
# | `Pipeline([(nombre, paso), …])` | encadena pasos **en serie**: la salida de uno es la entrada del siguiente; el último puede ser un modelo | imputar → recortar extremos → escalar → regresión logística |
# | `ColumnTransformer([(nombre, paso, columnas), …])` | reparte **columnas distintas** a transformaciones distintas y concatena los resultados | las numéricas por un camino, las categóricas a `OneHotEncoder` |
# | `FeatureUnion([(nombre, paso), …])` | aplica varias transformaciones a **las mismas columnas** y pega las salidas en paralelo | cada numérica escalada y, a la vez, en *splines* |
#
# El pipeline de churn que construirás en el Ejercicio 2 combina las tres:
#
# ```mermaid
# flowchart LR
#     X["DataFrame de clientes"] --> S["schema: validar columnas y tipos (Ej. 5)"]
#     S --> CT{{"ColumnTransformer"}}
#     CT -->|"numéricas"| I1["imputar mediana"] --> C["QuantileClipper (Ej. 1)"] --> FU{{"FeatureUnion"}}
#     FU --> Z["StandardScaler"]
#     FU --> SP["SplineTransformer"]
#     CT -->|"flags booleanos"| I2["imputar moda"]
#     CT -->|"categóricas"| I3["imputar moda"] --> OH["OneHotEncoder"]
#     Z --> M["LogisticRegression"]
#     SP --> M
#     I2 --> M
#     OH --> M
# ```
#
# ¿Por qué una `FeatureUnion` de escalado y *splines*? La regresión logística solo dibuja fronteras
# lineales, y en el churn hay efectos que no lo son (tener 2 productos protege; 1, 3 o 4 no). Las
# *splines* convierten cada variable en varias «curvas base» y dejan que el modelo lineal aprenda
# una curva; la versión escalada conserva la tendencia lineal. Dos vistas de las mismas columnas,
# una al lado de la otra.
#
# Una demostración pequeña de cada pieza, con nombres de paso que verás en las columnas de salida:

# %%
# Solo dos columnas para ver bien la forma de la salida.
demo_columns = ["age", "num_products"]
demo_union = FeatureUnion(
    [("tal_cual", StandardScaler()), ("curvas", SplineTransformer(n_knots=3, degree=2))]
)
demo_ct = ColumnTransformer(
    [
        ("numericas", make_pipeline(SimpleImputer(strategy="median"), demo_union), demo_columns),
        ("region", OneHotEncoder(sparse_output=False, handle_unknown="ignore"), ["region"]),
    ]
)
# set_output(transform="pandas"): la salida es un DataFrame con nombres de columna legibles.
demo_ct.set_output(transform="pandas")
demo_out = demo_ct.fit_transform(train_raw[[*demo_columns, "region"]])
demo_out.iloc[:3, :9]

# %% [markdown]
# Los nombres salen de `get_feature_names_out()`: cada nivel añade su prefijo
# (`numericas__curvas__age_sp_0`). Fíjate en `region__region_nan`: sin imputar antes,
# `OneHotEncoder` trata el nulo como una región más (en el Ejercicio 2 imputaremos la moda).
# Esto importa en producción: cuando un coeficiente o una
# importancia se dispara, quieres saber **qué columna** es, no «la columna 17». Para que
# `set_output` y los nombres funcionen, **cada paso** debe saber nombrar sus columnas de salida:
# también los tuyos.

# %%
# Cuántas columnas aporta cada rama (el modelo verá todas, en este orden).
demo_names = pd.Series(demo_ct.get_feature_names_out())
demo_names.str.rpartition("__")[0].value_counts(sort=False).rename("columnas")

# %% [markdown]
# ## 3. Transformers propios: el contrato de scikit-learn
#
# Cuando ninguna pieza de scikit-learn hace lo que necesitas, escribes la tuya. Para que funcione
# dentro de un `Pipeline`, en `GridSearchCV`, con `clone` y con `set_output`, debe cumplir un
# contrato (documentado en la guía *Developing scikit-learn estimators*):
#
# | Regla | Por qué |
# |---|---|
# | hereda de `TransformerMixin` y `BaseEstimator` (en ese orden) | te dan `fit_transform`, `get_params`/`set_params`, `set_output` y el `repr` |
# | `__init__` **solo guarda** sus argumentos, con el mismo nombre y sin validarlos | `clone` y `set_params` crean copias llamando a `__init__`; si lo transformas, la copia no es igual |
# | `fit` valida los datos (`validate_data(self, X)`), aprende y guarda el estado en atributos que **acaban en `_`**, y devuelve `self` | el `_` marca «aprendido de los datos»; `check_is_fitted` lo busca |
# | `transform` comprueba que está entrenado (`check_is_fitted`), valida con `reset=False` (mismo nº de columnas que en `fit`) y **solo aplica** lo aprendido | si `transform` recalculara estadísticas, tendrías el fallo de la §1 dentro de tu pipeline |
# | `get_feature_names_out(input_features=None)` devuelve los nombres de salida | sin él, `set_output(transform="pandas")` y los nombres del pipeline fallan |
#
# `check_estimator` comprueba ese contrato: ejecuta tu clase con decenas de entradas (clonado, datos
# vacíos, `NaN`, una sola fila, entradas de solo lectura…) y falla en la primera regla rota.
#
# Veamos un transformer escrito «como en un notebook». Hace lo que promete (centrar columnas),
# pero transforma sus parámetros en `__init__` y guarda el estado sin `_`:


# %%
class NotebookCenterer(TransformerMixin, BaseEstimator):
    """Centra columnas. Escrito sin conocer el contrato de scikit-learn (no lo copies)."""

    def __init__(self, columns=None):
        self.columns = list(columns) if columns else []  # modifica el parámetro
        self.fitted = False  # estado que no acaba en "_"

    def fit(self, X, y=None):
        self.means = np.asarray(X, dtype=float).mean(axis=0)
        self.fitted = True
        return self

    def transform(self, X):
        return np.asarray(X, dtype=float) - self.means


# Funciona en el caso feliz…
print(NotebookCenterer().fit_transform(np.array([[1.0, 10.0], [3.0, 30.0]])))

# …pero el laboratorio de homologación la rechaza: on_fail=None devuelve el informe sin lanzar.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    report = pd.DataFrame(check_estimator(NotebookCenterer(), on_fail=None))
print(report["status"].value_counts().to_dict())
report.loc[report["status"] == "failed", "check_name"].head(8).tolist()

# %% [markdown]
# Más de cuarenta comprobaciones fallan por dos decisiones pequeñas. Casi todas en cascada: si
# `clone` no funciona, no funciona nada de lo que clona (validación cruzada, búsqueda de
# hiperparámetros). Fíjate también en lo que `check_estimator` **no** comprueba: que tu
# transformación sea correcta. Eso lo comprueban tus tests (y los del ejercicio).
#
# ### Ejercicio 1 (funcional) · `QuantileClipper`, un transformer homologado
#
# Los datos de churn traen valores extremos (saldos de millones, salarios de diez millones: errores
# de medida). Estropean el escalado y las *splines* (sus nodos se reparten entre el mínimo y el
# máximo). Escribe `QuantileClipper`, que **aprende** en `fit` los cuantiles de cada columna y en
# `transform` recorta los valores a ese intervalo. Requisitos:
#
# 1. `__init__(lower_quantile=0.01, upper_quantile=0.99)` ya está escrito y **solo guarda** sus
#    argumentos: no lo cambies ni valides nada en él (crear `QuantileClipper(5, -1)` no falla;
#    `clone` y `set_params` crean copias llamando a `__init__`). La validación va en `fit`.
# 2. `fit(X, y=None)` lanza `TypeError` si un parámetro no es un número real (`bool` tampoco vale),
#    con un mensaje en español que **nombre el parámetro** (`lower_quantile` o `upper_quantile`).
# 3. `fit` lanza `ValueError` si un parámetro no está en `[0, 1]` (o es `nan`), o si
#    `lower_quantile >= upper_quantile`, con un mensaje en español que **nombre el parámetro**.
# 4. Si los parámetros son válidos, `fit` hace `X = validate_data(self, X)` (convierte a array y
#    guarda `n_features_in_` y, si `X` es un DataFrame, `feature_names_in_`), guarda
#    `lower_bounds_` y `upper_bounds_`, arrays con el cuantil **de cada columna**
#    (`np.quantile(X, q, axis=0)`), y devuelve `self`.
# 5. `transform(X)` devuelve un array de NumPy: `X` recortado con `np.clip` a los límites
#    **aprendidos en `fit`** (nunca recalcula cuantiles con el lote que llega), sin modificar la
#    entrada.
# 6. `transform` empieza con `check_is_fitted(self)` (antes de `fit` → `NotFittedError`) y
#    `X = validate_data(self, X, reset=False)` (un `X` con otro número de columnas que en `fit` →
#    `ValueError`).
# 7. `get_feature_names_out()` (sin argumentos) hace `check_is_fitted(self)` y devuelve
#    `feature_names_in_` si existe y, si no, `x0, x1, …`, siempre como
#    `np.asarray(nombres, dtype=object)`; con él funciona `set_output(transform="pandas")`.
# 8. `get_feature_names_out(input_features)` devuelve esos nombres (también como
#    `np.asarray(…, dtype=object)`) si son tantos como `n_features_in_` y, si existe
#    `feature_names_in_`, iguales a ellos (mismo orden); si no, `ValueError`.
# 9. La clase cumple el contrato de scikit-learn: `check_estimator(QuantileClipper())` pasa sin
#    errores en pocos segundos.
#
# ```text
# X = [[0], [1], [2], …, [100]]            (101 filas, 1 columna)
# QuantileClipper(0.1, 0.9).fit(X)         → lower_bounds_ = [10.], upper_bounds_ = [90.]
# .transform([[-5], [50], [1000]])         → [[10.], [50.], [90.]]
# QuantileClipper(0.9, 0.1).fit(X)         → ValueError: lower_quantile (0.9) debe ser menor que upper_quantile (0.1)…
# check_estimator(QuantileClipper())       → sin errores, en menos de un segundo
# ```
#
# (scikit-learn no trae un recortador por cuantiles; en producción, antes de escribir uno, busca
# siempre si ya existe. Lo escribimos porque es el ejemplo mínimo de transformer *con estado*.)


# %% nbgrader={"grade": false, "grade_id": "clipper", "locked": false, "schema_version": 3, "solution": true, "task": false}
class QuantileClipper(TransformerMixin, BaseEstimator):
    """Recorta cada columna al intervalo [cuantil inferior, cuantil superior] aprendido en fit."""

    def __init__(self, lower_quantile=0.01, upper_quantile=0.99):
        self.lower_quantile = lower_quantile
        self.upper_quantile = upper_quantile

    def fit(self, X, y=None):
        """Valida los parámetros y aprende los límites de cada columna."""
        ### BEGIN SOLUTION
        for name in ("lower_quantile", "upper_quantile"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Real):
                raise TypeError(
                    f"{name} debe ser un número real entre 0 y 1, no {type(value).__name__}."
                )
            if not 0.0 <= value <= 1.0:  # también descarta nan
                raise ValueError(f"{name} debe estar entre 0 y 1 (ambos incluidos); es {value}.")
        if self.lower_quantile >= self.upper_quantile:
            raise ValueError(
                f"lower_quantile ({self.lower_quantile}) debe ser menor que upper_quantile "
                f"({self.upper_quantile})."
            )
        X = validate_data(self, X)
        self.lower_bounds_ = np.quantile(X, self.lower_quantile, axis=0)
        self.upper_bounds_ = np.quantile(X, self.upper_quantile, axis=0)
        return self
        ### END SOLUTION

    def transform(self, X):
        """Recorta X a los límites aprendidos en fit."""
        ### BEGIN SOLUTION
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return np.clip(X, self.lower_bounds_, self.upper_bounds_)
        ### END SOLUTION

    def get_feature_names_out(self, input_features=None):
        """Nombres de las columnas de salida: los mismos que los de entrada."""
        ### BEGIN SOLUTION
        check_is_fitted(self)
        if input_features is None:
            if hasattr(self, "feature_names_in_"):
                return np.asarray(self.feature_names_in_, dtype=object)
            return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
        names = np.asarray(input_features, dtype=object)
        if len(names) != self.n_features_in_:
            raise ValueError(
                f"input_features tiene {len(names)} nombres y el transformer se entrenó con "
                f"{self.n_features_in_} columnas."
            )
        if hasattr(self, "feature_names_in_") and not np.array_equal(names, self.feature_names_in_):
            raise ValueError("input_features no coincide con las columnas vistas en fit.")
        return names
        ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-clipper-recorta", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: aprende los cuantiles de cada columna en fit y recorta con ellos en transform.
grid = np.arange(101, dtype=float).reshape(-1, 1)
clipper = QuantileClipper(0.1, 0.9).fit(grid)
assert np.allclose(clipper.lower_bounds_, [10.0]) and np.allclose(clipper.upper_bounds_, [90.0]), (
    "Con X = 0..100 y cuantiles 0.1/0.9, lower_bounds_ debe ser [10.] y upper_bounds_ [90.]; "
    f"son {getattr(clipper, 'lower_bounds_', None)} y {getattr(clipper, 'upper_bounds_', None)}."
)
clipped = clipper.transform(np.array([[-5.0], [50.0], [1000.0]]))
assert np.allclose(clipped, [[10.0], [50.0], [90.0]]), (
    f"transform([[-5], [50], [1000]]) debe dar [[10], [50], [90]] y da {clipped.tolist()}."
)
### BEGIN HIDDEN TESTS
two_columns = np.column_stack([np.arange(101.0), np.arange(101.0) * -2.0])
per_column = QuantileClipper(0.25, 0.75).fit(two_columns)
assert np.allclose(per_column.lower_bounds_, [25.0, -150.0]), (
    "Los límites son POR COLUMNA (axis=0): con una segunda columna 0, -2, …, -200 y cuantiles "
    f"0.25/0.75, lower_bounds_ debe ser [25, -150]; es {per_column.lower_bounds_}."
)
fresh = np.array([[1000.0, 1000.0], [-1000.0, -1000.0]])
fresh_copy = fresh.copy()
result = per_column.transform(fresh)
assert np.allclose(result, [[75.0, -50.0], [25.0, -150.0]]), (
    "transform debe recortar datos NUEVOS con los límites aprendidos en fit, no recalcular "
    f"cuantiles sobre el lote que llega (la fuga de la §1). Esperaba [[75, -50], [25, -150]] "
    f"y da {np.asarray(result).tolist()}."
)
assert np.array_equal(fresh, fresh_copy), "transform no debe modificar la entrada en su sitio."
assert isinstance(result, np.ndarray), (
    f"transform debe devolver un array de NumPy, no {type(result).__name__}."
)
one_row = per_column.transform(np.array([[50.0, -100.0]]))
assert np.allclose(one_row, [[50.0, -100.0]]), (
    "Una sola fila dentro de los límites debe salir igual."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-clipper-contrato", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R6, R9]: QuantileClipper pasa las comprobaciones de scikit-learn (check_estimator) a tiempo.
started = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # avisos de comprobaciones que no aplican (array API)
    try:
        check_estimator(QuantileClipper())
    except NotImplementedError:
        raise
    except Exception as err:
        raise AssertionError(
            "QuantileClipper no cumple el contrato de scikit-learn. La comprobación que falla y "
            f"por qué: {type(err).__name__}: {str(err)[:600]}"
        ) from err
elapsed = time.perf_counter() - started
print(f"check_estimator: {elapsed:.2f} s")
assert elapsed < 8, (
    f"check_estimator tardó {elapsed:.1f} s: ¿haces trabajo caro en fit o transform?"
)
### BEGIN HIDDEN TESTS
defaults = QuantileClipper().get_params()
assert defaults == {"lower_quantile": 0.01, "upper_quantile": 0.99}, (
    f"Los parámetros por defecto deben ser 0.01 y 0.99; get_params() da {defaults}."
)
cloned = clone(QuantileClipper(0.05, 0.95))
assert cloned.get_params() == {"lower_quantile": 0.05, "upper_quantile": 0.95}, (
    "clone debe conservar los parámetros: __init__ solo guarda."
)
try:
    QuantileClipper().transform(np.zeros((3, 2)))
except NotFittedError:
    pass
else:
    raise AssertionError("transform antes de fit debe lanzar NotFittedError (check_is_fitted).")
one_column = QuantileClipper().fit(np.arange(10.0).reshape(-1, 1))
try:
    one_column.transform(np.zeros((3, 2)))
except ValueError:
    pass
else:
    raise AssertionError(
        "Entrenado con 1 columna, transform con 2 columnas debe lanzar ValueError: usa "
        "validate_data(self, X, reset=False) en transform."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-clipper-nombres", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R7, R8]: get_feature_names_out conserva los nombres y set_output(transform="pandas") funciona.
frame_in = pd.DataFrame({"balance_eur": [0.0, 10.0, 5e6], "age": [30.0, 40.0, 90.0]})
named = QuantileClipper().fit(frame_in)
names_out = list(named.get_feature_names_out())
assert names_out == ["balance_eur", "age"], (
    f"get_feature_names_out() debe devolver las columnas de entrada ['balance_eur', 'age']; da {names_out}."
)
as_frame = QuantileClipper().set_output(transform="pandas").fit_transform(frame_in)
assert isinstance(as_frame, pd.DataFrame) and list(as_frame.columns) == ["balance_eur", "age"], (
    "Con set_output(transform='pandas') la salida debe ser un DataFrame con las mismas columnas: "
    "implementa get_feature_names_out."
)
### BEGIN HIDDEN TESTS
from_array = QuantileClipper().fit(np.zeros((4, 3)) + np.arange(3))
array_names = list(from_array.get_feature_names_out())
assert array_names == ["x0", "x1", "x2"], (
    f"Sin nombres de columna (array de NumPy), los nombres deben ser x0, x1, x2; son {array_names}."
)
for returned in (named.get_feature_names_out(), from_array.get_feature_names_out(["a", "b", "c"])):
    assert isinstance(returned, np.ndarray) and returned.dtype == object, (
        "get_feature_names_out debe devolver np.asarray(nombres, dtype=object), como el resto de "
        f"scikit-learn; devuelve {type(returned).__name__}."
    )
custom = list(from_array.get_feature_names_out(["a", "b", "c"]))
assert custom == ["a", "b", "c"], (
    f"Con input_features=['a', 'b', 'c'] debe devolverlos; da {custom}."
)
for wrong in (["a", "b"], ["balance_eur"]):
    try:
        from_array.get_feature_names_out(wrong)
    except ValueError:
        pass
    else:
        raise AssertionError(
            f"get_feature_names_out({wrong}) con 3 columnas entrenadas debe lanzar ValueError."
        )
try:
    named.get_feature_names_out(["age", "balance_eur"])
except ValueError:
    pass
else:
    raise AssertionError(
        "Nombres que no coinciden con feature_names_in_ (orden cambiado) deben lanzar ValueError."
    )
assert list(as_frame.index) == [0, 1, 2], "La salida pandas debe conservar el índice de la entrada."
try:
    QuantileClipper().get_feature_names_out()
except NotFittedError:
    pass
else:
    raise AssertionError(
        "get_feature_names_out antes de fit debe lanzar NotFittedError: empieza con "
        "check_is_fitted(self)."
    )
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-clipper-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: parámetros sin sentido fallan en fit (no en __init__) con el error correcto y su nombre.
def expect_clipper_error(expected, param, **params):
    """Crea QuantileClipper(**params) (no debe fallar) y comprueba el error de fit."""
    try:
        estimator = QuantileClipper(**params)
    except Exception as err:
        raise AssertionError(
            f"QuantileClipper({params}) no debe lanzar nada al crearse ({type(err).__name__}): "
            "__init__ solo guarda; la validación va en fit."
        ) from err
    try:
        estimator.fit(np.arange(10.0).reshape(-1, 1))
    except Exception as err:
        assert isinstance(err, expected), (
            f"fit con {params} lanzó {type(err).__name__} y debía lanzar {expected.__name__}."
        )
        assert param in str(err), (
            f"El mensaje debe nombrar el parámetro '{param}'; dice: {str(err)!r}"
        )
    else:
        raise AssertionError(f"fit con {params} debía lanzar {expected.__name__}.")


expect_clipper_error(ValueError, "lower_quantile", lower_quantile=0.9, upper_quantile=0.1)
### BEGIN HIDDEN TESTS
expect_clipper_error(ValueError, "upper_quantile", upper_quantile=1.5)
expect_clipper_error(ValueError, "lower_quantile", lower_quantile=-0.1)
expect_clipper_error(ValueError, "lower_quantile", lower_quantile=float("nan"))
expect_clipper_error(ValueError, "lower_quantile", lower_quantile=0.5, upper_quantile=0.5)
expect_clipper_error(TypeError, "lower_quantile", lower_quantile=True)
expect_clipper_error(TypeError, "upper_quantile", upper_quantile="0.99")
edges = QuantileClipper(0, 1).fit(np.array([[1.0], [7.0], [3.0]]))
assert np.allclose(edges.transform(np.array([[0.0], [8.0]])), [[1.0], [7.0]]), (
    "Los extremos 0 y 1 son válidos: recortan al mínimo y al máximo de los datos de fit (no "
    "a los del lote que llega a transform)."
)
### END HIDDEN TESTS

# %% [markdown]
# El laboratorio, en números: cuánto tarda `check_estimator` con tu clase y cuántas comprobaciones
# pasa. Medirlo importa: esta celda va en la CI de cualquier paquete con transformers propios, y
# una CI lenta no se ejecuta (módulo 09).

# %%
try:
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clipper_report = pd.DataFrame(check_estimator(QuantileClipper(), on_fail=None))
    clipper_summary = clipper_report["status"].value_counts().to_dict()
    clipper_summary["segundos"] = round(time.perf_counter() - started, 2)
except NotImplementedError:
    clipper_summary = "resuelve el Ejercicio 1 y vuelve a ejecutar esta celda"
clipper_summary

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*
#
# ### Ejercicio 2 (funcional) · El pipeline completo de churn
#
# Escribe `build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0)`
# que devuelva un `Pipeline` **sin entrenar** con exactamente esta estructura (los nombres de los
# pasos importan: forman los nombres de las columnas y los de `set_params`):
#
# ```text
# Pipeline
# ├── "preprocess": ColumnTransformer
# │   ├── "num"   → Pipeline: "impute"   SimpleImputer(strategy="median")
# │   │                       "clip"     QuantileClipper()                       ← tu Ejercicio 1
# │   │                       "features" FeatureUnion: "scaled"  StandardScaler()
# │   │                                                "splines" SplineTransformer(n_knots=5, degree=3)
# │   ├── "flags" → SimpleImputer(strategy="most_frequent")
# │   └── "cat"   → Pipeline: "impute"   SimpleImputer(strategy="most_frequent")
# │                           "onehot"   OneHotEncoder(handle_unknown="ignore", sparse_output=False)
# └── "model": LogisticRegression(C=C, max_iter=1000)
# ```
#
# Cada rama recibe su lista de columnas: el constructor no sabe nada del churn, las columnas llegan
# como parámetro y el mismo código sirve para el próximo modelo. Requisitos:
#
# 1. Devuelve un `Pipeline` **sin entrenar** con dos pasos: `"preprocess"`, un `ColumnTransformer`
#    con las ramas `"num"`, `"flags"` y `"cat"`, y `"model"`, `LogisticRegression(C=C, max_iter=1000)`.
# 2. La rama `"num"` recibe `numeric_features` y es el `Pipeline` del árbol: `"impute"` (mediana)
#    → `"clip"` (tu `QuantileClipper()`) → `"features"` (la `FeatureUnion` de `"scaled"` y
#    `"splines"`).
# 3. La rama `"flags"` recibe `flag_features` y es `SimpleImputer(strategy="most_frequent")`; la
#    rama `"cat"` recibe `categorical_features` y es el `Pipeline` `"impute"` (moda) → `"onehot"`
#    (`handle_unknown="ignore"`, `sparse_output=False`). Una categoría que no se vio en `fit` no
#    rompe la predicción, y el preprocesado funciona con `set_output(transform="pandas")`.
# 4. Cada lista de columnas debe ser una `list` o `tuple` de `str` (puede estar vacía) → si no,
#    `TypeError` que nombre el argumento (`numeric_features`, …). Ojo: un `str` suelto (`"age"`)
#    **no** vale: Python lo recorrería letra a letra (`"a"`, `"g"`, `"e"`).
# 5. Ninguna columna puede aparecer dos veces (en la misma lista o en dos) → `ValueError` que
#    nombre la columna repetida. Y tiene que haber al menos una columna en total → `ValueError`.
# 6. `C` debe ser un número real → si no, `TypeError`; finito y mayor que 0 → si no,
#    `ValueError`. Los dos mensajes nombran `C`.
# 7. Tu código funciona **dentro del proyecto**, no solo en este cuaderno: después de los tests,
#    tu `QuantileClipper` y tu `build_churn_pipeline` se copian a `src/churn_project/pipeline.py`,
#    entre una cabecera fija (sus importaciones: `print(pipeline_header())`) y un final fijo
#    (`build_pipeline`, el umbral por costo, la evaluación y la carga segura). Solo pueden usar lo
#    que importa esa cabecera o lo que definan dentro: una constante o una función auxiliar de otra
#    celda no viaja con ellos. Con los mismos datos, el pipeline del proyecto predice
#    **exactamente** lo mismo que el de referencia, y la etapa `train` de `dvc repro` entrena con él.
#
# ¿Por qué `handle_unknown="ignore"` y `sparse_output=False`? Lo primero, porque en producción
# aparecerá una región que el entrenamiento no vio y el modelo no debe caerse por ello (en el
# módulo 08 verás por qué, aun así, conviene detectarlo). Lo segundo, para que
# `set_output(transform="pandas")` funcione: pandas no admite matrices dispersas.


# %%
# La cabecera fija de src/churn_project/pipeline.py: lo que tu código de los Ejercicios 1 y 2
# puede usar dentro del proyecto (importaciones y constantes; sin el docstring del archivo).
print(pipeline_header().split('"""', 2)[2].strip())


# %% nbgrader={"grade": false, "grade_id": "pipeline", "locked": false, "schema_version": 3, "solution": true, "task": false}
def build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0):
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    ### BEGIN SOLUTION
    groups = {
        "numeric_features": numeric_features,
        "flag_features": flag_features,
        "categorical_features": categorical_features,
    }
    seen = set()
    for name, columns in groups.items():
        if not isinstance(columns, (list, tuple)):
            raise TypeError(
                f"{name} debe ser una lista o tupla de nombres de columna, no "
                f"{type(columns).__name__}."
            )
        for column in columns:
            if not isinstance(column, str):
                raise TypeError(f"{name} contiene {column!r}: los nombres de columna son str.")
            if column in seen:
                raise ValueError(f"La columna '{column}' aparece más de una vez.")
            seen.add(column)
    if not seen:
        raise ValueError("El pipeline necesita al menos una columna de entrada.")
    if not isinstance(C, Real):
        raise TypeError(f"C debe ser un número real mayor que 0, no {type(C).__name__}.")
    if not (math.isfinite(C) and C > 0):
        raise ValueError(f"C debe ser un número finito mayor que 0; es {C}.")
    numeric = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("clip", QuantileClipper()),
            (
                "features",
                FeatureUnion(
                    [
                        ("scaled", StandardScaler()),
                        ("splines", SplineTransformer(n_knots=5, degree=3)),
                    ]
                ),
            ),
        ]
    )
    categorical = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    preprocess = ColumnTransformer(
        [
            ("num", numeric, list(numeric_features)),
            ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
            ("cat", categorical, list(categorical_features)),
        ]
    )
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-pipeline-estructura", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4]: la estructura pedida (nombres de pasos, ramas, FeatureUnion, tu QuantileClipper), sin entrenar.
built = build_churn_pipeline(["age", "balance_eur"], ["is_active_member"], ["region"])
assert isinstance(built, Pipeline), f"Debe devolver un Pipeline, no {type(built).__name__}."
assert [name for name, _ in built.steps] == ["preprocess", "model"], (
    f"Los pasos deben llamarse ['preprocess', 'model']; son {[n for n, _ in built.steps]}."
)
pre = built.named_steps["preprocess"]
assert isinstance(pre, ColumnTransformer), "El paso 'preprocess' debe ser un ColumnTransformer."
branches = {name: (step, cols) for name, step, cols in pre.transformers}
assert set(branches) == {"num", "flags", "cat"}, (
    f"El ColumnTransformer debe tener las ramas num, flags y cat; tiene {sorted(branches)}."
)
assert list(branches["num"][1]) == ["age", "balance_eur"], "La rama 'num' recibe numeric_features."
num_steps = dict(branches["num"][0].steps)
assert isinstance(num_steps.get("clip"), QuantileClipper), (
    "La rama 'num' debe incluir tu QuantileClipper en el paso 'clip'."
)
assert isinstance(num_steps.get("features"), FeatureUnion), (
    "La rama 'num' debe acabar en una FeatureUnion llamada 'features'."
)
try:
    check_is_fitted(built)
except NotFittedError:
    pass
else:
    raise AssertionError("build_churn_pipeline debe devolver el pipeline SIN entrenar.")
### BEGIN HIDDEN TESTS
union_parts = dict(num_steps["features"].transformer_list)
assert isinstance(union_parts.get("scaled"), StandardScaler), (
    "La FeatureUnion debe tener 'scaled' = StandardScaler()."
)
assert isinstance(union_parts.get("splines"), SplineTransformer), (
    "La FeatureUnion debe tener 'splines' = SplineTransformer(...)."
)
assert num_steps["impute"].strategy == "median", "La rama 'num' imputa con la mediana."
assert list(num_steps) == ["impute", "clip", "features"], (
    f"Orden de la rama 'num': impute → clip → features; es {list(num_steps)}."
)
splines = union_parts["splines"]
assert (splines.n_knots, splines.degree) == (5, 3), (
    "SplineTransformer debe usar n_knots=5 y degree=3."
)
flags_step, flags_columns = branches["flags"]
assert isinstance(flags_step, SimpleImputer) and flags_step.strategy == "most_frequent", (
    "La rama 'flags' debe ser SimpleImputer(strategy='most_frequent'): un flag imputado con la "
    "media (el valor por defecto) deja de ser 0/1."
)
assert list(flags_columns) == ["is_active_member"], "La rama 'flags' recibe flag_features."
cat_step, cat_columns = branches["cat"]
assert list(cat_columns) == ["region"], "La rama 'cat' recibe categorical_features."
cat_steps = dict(cat_step.steps)
assert list(cat_steps) == ["impute", "onehot"], (
    f"La rama 'cat' debe ser impute → onehot; es {list(cat_steps)}."
)
assert cat_steps["impute"].strategy == "most_frequent", (
    "La rama 'cat' imputa con la moda (strategy='most_frequent')."
)
assert cat_steps["onehot"].handle_unknown == "ignore", (
    "El OneHotEncoder debe usar handle_unknown='ignore'."
)
assert cat_steps["onehot"].sparse_output is False, (
    "El OneHotEncoder debe usar sparse_output=False (pandas no admite matrices dispersas)."
)
model_step = built.named_steps["model"]
assert isinstance(model_step, LogisticRegression), (
    "El paso 'model' debe ser una LogisticRegression."
)
assert model_step.max_iter == 1000, (
    f"La LogisticRegression debe usar max_iter=1000; usa {model_step.max_iter}."
)
extra = {
    key: value
    for key, value in model_step.get_params().items()
    if value != LogisticRegression(max_iter=1000).get_params()[key] and key != "C"
}
assert not extra, (
    "El paso 'model' es LogisticRegression(C=C, max_iter=1000), sin más parámetros: cambias "
    f"{extra}. (El desbalance de clases lo resuelve el umbral por costo de la etapa train.)"
)
assert model_step.C == 1.0, "C por defecto debe ser 1.0."
assert build_churn_pipeline(("age",), (), ()).named_steps["model"].C == 1.0, (
    "Las tuplas de columnas y las listas vacías (si hay alguna columna) son válidas."
)
assert build_churn_pipeline(["age"], [], [], C=0.25).named_steps["model"].C == 0.25, (
    "El parámetro C debe llegar a la LogisticRegression."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pipeline-entrena", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: entrena con datos sucios (nulos y extremos), generaliza y tolera una región nueva.
from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m06_pipelines import CATEGORICAL_FEATURES, FLAG_FEATURES, NUMERIC_FEATURES

dirty = make_churn(n_rows=1500, seed=7, missing_rate=0.05, outlier_rate=0.03)
fit_part, check_part = dirty.iloc[:1100], dirty.iloc[1100:]
churn_pipe = build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES)
churn_pipe.fit(fit_part, fit_part["churned"])
auc = roc_auc_score(check_part["churned"], churn_pipe.predict_proba(check_part)[:, 1])
assert auc > 0.74, (
    f"La AUC en datos no vistos es {auc:.3f}: debería superar 0.74. Revisa las ramas."
)
### BEGIN HIDDEN TESTS
stranger = check_part.iloc[:3].copy()
stranger["region"] = pd.Categorical(["Galicia"] * 3)
try:
    stranger_proba = churn_pipe.predict_proba(stranger)
except ValueError as exc:
    raise AssertionError(
        f"Una región no vista ('Galicia') no debe romper la predicción: {exc}"
    ) from exc
assert stranger_proba.shape == (3, 2), "predict_proba debe devolver una fila por cliente."
names = list(churn_pipe[:-1].get_feature_names_out())
assert "num__scaled__age" in names and "num__splines__age_sp_0" in names, (
    "Los nombres de salida deben incluir 'num__scaled__age' y 'num__splines__age_sp_0': revisa "
    f"los nombres de los pasos. Primeros nombres: {names[:4]}"
)
assert any(n.startswith("cat__region_") for n in names), "Falta el one-hot de region."
as_pandas = build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES)
as_pandas.set_output(transform="pandas")
out_frame = as_pandas[:-1].fit_transform(fit_part)
assert isinstance(out_frame, pd.DataFrame), (
    "set_output(transform='pandas') debe funcionar en el preprocesado (sparse_output=False)."
)
assert not out_frame.isna().any().any(), "Tras el preprocesado no debe quedar ningún nulo."
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-pipeline-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5, R6]: columnas repetidas, listas mal formadas y C sin sentido lanzan el error correcto.
def expect_build_error(expected, fragment, *args, **kwargs):
    """Llama a build_churn_pipeline(*args, **kwargs) y comprueba el tipo de error y el mensaje."""
    try:
        build_churn_pipeline(*args, **kwargs)
    except Exception as err:
        assert isinstance(err, expected), (
            f"build_churn_pipeline{args} lanzó {type(err).__name__} y debía lanzar {expected.__name__}."
        )
        assert fragment in str(err), f"El mensaje debe incluir '{fragment}'; dice: {str(err)!r}"
    else:
        raise AssertionError(
            f"build_churn_pipeline{args} {kwargs} debía lanzar {expected.__name__}."
        )


expect_build_error(ValueError, "age", ["age", "tenure_months"], ["age"], ["region"])
### BEGIN HIDDEN TESTS
expect_build_error(ValueError, "credit_score", ["credit_score", "credit_score"], [], ["region"])
expect_build_error(TypeError, "numeric_features", "age", [], ["region"])
expect_build_error(TypeError, "categorical_features", ["age"], [], "region")
expect_build_error(TypeError, "flag_features", ["age"], [3], ["region"])
expect_build_error(ValueError, "", [], [], [])
expect_build_error(ValueError, "C", ["age"], [], ["region"], C=0)
expect_build_error(ValueError, "C", ["age"], [], ["region"], C=float("inf"))
expect_build_error(TypeError, "C", ["age"], [], ["region"], C="1.0")
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-pipeline-proyecto", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R7]: copiado a src/churn_project/pipeline.py, tu pipeline funciona en el proyecto y predice igual que el de referencia.
from mlops_course.lessons.m06_pipelines.project import compare_with_reference, compose_pipeline

build_churn_pipeline(["age"], [], [])  # sin resolver, falla aquí (antes de la comparación)
comparison = compare_with_reference(compose_pipeline(QuantileClipper, build_churn_pipeline))
assert comparison.error is None, (
    "Tu pipeline no funciona dentro del proyecto (src/churn_project/pipeline.py): "
    f"{comparison.error}\n{comparison.detail}\n¿Usa algo que no está en la cabecera del archivo "
    "(print(pipeline_header())) ni dentro de tu clase o tu función?"
)
assert comparison.same, (
    "Con los mismos datos, tu pipeline y el de referencia del proyecto deben dar las mismas "
    f"probabilidades; la mayor diferencia es {comparison.max_difference:.3g}. Revisa que cada paso "
    "tenga exactamente los parámetros del árbol del enunciado (y ninguno más)."
)

# %% [markdown]
# Tu pipeline entra al proyecto. La celda siguiente escribe `src/churn_project/pipeline.py` con tu
# clase y tu función, copia el resto de la capa 06 de referencia con `apply_layer` (la etapa
# `train` nueva, el `dvc.yaml` sin `featurize`, `params.yaml` con los costos de cada error del
# módulo 02 y los tests del modelo; todo menos tu archivo) y ejecuta `dvc repro` de verdad. DVC
# compara cada dependencia con `dvc.lock`: `prepare` y `validate` no cambiaron y no se repiten;
# `train` sí, porque cambiaron su código y sus parámetros.

# %%
try:
    build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES)
    written = write_pipeline(PROJECT, QuantileClipper, build_churn_pipeline)
    print("Escrito:", written.relative_to(ROOT))
    apply_layer(PROJECT, "06", exclude=(PIPELINE_FILE.as_posix(),))
    clear_run_log(PROJECT)
    train_run = dvc("repro", cwd=PROJECT, env=ENV)
    print(train_run)
    print("Etapas ejecutadas según el registro:", stages_that_ran(PROJECT))
except NotImplementedError:
    train_run = None
    print("Resuelve los Ejercicios 1 y 2 y vuelve a ejecutar esta celda.")


# %% nbgrader={"grade": true, "grade_id": "test-pipeline-dvc", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R7]: la etapa train de dvc repro entrenó con tu pipeline.py y escribió metrics.json.
import hashlib
import json

import yaml

from mlops_course.lessons.m06_pipelines.project import PIPELINE_FILE, compose_pipeline

in_project = PROJECT / PIPELINE_FILE
assert in_project.is_file() and in_project.read_text(encoding="utf-8") == compose_pipeline(
    QuantileClipper, build_churn_pipeline
), f"{PIPELINE_FILE} no tiene tu código: ejecuta la celda anterior."
lock = yaml.safe_load((PROJECT / "dvc.lock").read_text(encoding="utf-8"))
train_deps = {
    dep["path"]: dep.get("md5") for dep in lock["stages"].get("train", {}).get("deps", [])
}
assert (
    train_deps.get(PIPELINE_FILE.as_posix()) == hashlib.md5(in_project.read_bytes()).hexdigest()
), (
    "dvc.lock no registra que la etapa train se ejecutara con tu pipeline.py: la celda anterior "
    "debe terminar `dvc repro` sin errores (lee su salida)."
)
metrics = json.loads((PROJECT / "metrics.json").read_text(encoding="utf-8"))
assert {"roc_auc", "threshold", "cost_per_customer_eur", "cost_per_customer_eur_at_0_5"} <= set(
    metrics
), f"metrics.json no es el de la etapa train de la capa 06: {metrics}"
assert metrics["roc_auc"] > 0.7, f"La AUC del modelo del proyecto es {metrics['roc_auc']}."

# %% [markdown]
# El modelo del proyecto ya es tu pipeline, y el repositorio lo recuerda: un commit con el código y
# `dvc.lock`, la foto exacta de con qué datos, código y parámetros se entrenó. En `metrics.json`
# verás que la etapa `train` no decide con el umbral de 0,5: lo elige por validación cruzada para
# que los errores cuesten lo menos posible: con los costos del módulo 02 (6 € por campaña ofrecida
# a quien no se iba, 36 € por cliente perdido sin oferta), compara `cost_per_customer_eur` con
# `cost_per_customer_eur_at_0_5`, el costo por cliente con el umbral de 0,5.

# %%
# Tu capa 06, confirmada en el repositorio (solo si dvc repro terminó bien).
if train_run is not None and train_run.ok:
    git("add", "-A", cwd=PROJECT, env=ENV)
    if git("status", "--porcelain", cwd=PROJECT, env=ENV).stdout.strip():
        git(
            "commit",
            "--quiet",
            "-m",
            "módulo 06: el pipeline de scikit-learn es la etapa train",
            cwd=PROJECT,
            env=ENV,
        )
    print(git("log", "--oneline", "-3", cwd=PROJECT, env=ENV).stdout)
    print((PROJECT / "metrics.json").read_text(encoding="utf-8"))
else:
    print("El pipeline aún no ha corrido entero: revisa la salida de la celda anterior.")

# %% [markdown]
# ¿Vale la pena cada pieza? No lo decidimos a ojo: validación cruzada (3 pliegues, para que la
# celda sea rápida) del pipeline completo y de dos variantes, cambiando pasos con `set_params`
# (la ruta `preprocess__num__features` sigue los nombres de los pasos). Cada variante se
# reentrena **dentro de cada pliegue**.

# %%
try:
    cv3 = StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED)
    variants = {
        "completo (recorte + escalado + splines)": {},
        "sin splines (solo escalado)": {"preprocess__num__features": StandardScaler()},
        "sin recorte ni splines": {
            "preprocess__num__clip": "passthrough",
            "preprocess__num__features": StandardScaler(),
        },
    }
    comparison = {}
    for label, params in variants.items():
        candidate = build_churn_pipeline(
            NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES
        ).set_params(**params)
        fold_auc = cross_val_score(candidate, train_raw, y_train, cv=cv3, scoring="roc_auc")
        comparison[label] = {"AUC media": fold_auc.mean(), "desviación": fold_auc.std()}
    comparison = pd.DataFrame(comparison).T.round(3)
except NotImplementedError:
    comparison = "resuelve los Ejercicios 1 y 2 y vuelve a ejecutar esta celda"
comparison

# %% [markdown]
# Lee la desviación antes que la media: una diferencia menor que la variación entre pliegues no
# es una mejora demostrada. En estos datos las *splines* suelen aportar unos puntos de AUC (el
# efecto de `num_products` no es lineal); el recorte aporta poco **a la AUC** porque los
# extremos son pocos, pero protege el escalado y las *splines* frente a un lote con un error de
# medida gordo, que es para lo que está.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 35 min.*

# %% [markdown]
# ## 4. De la probabilidad a la decisión: el umbral que cuesta menos y la búsqueda de `C`
#
# El pipeline devuelve una probabilidad; negocio necesita una decisión: ¿le ofrecemos la campaña
# de retención a este cliente, sí o no? `predict` decide con un umbral fijo de 0,5 que nadie
# eligió: es el valor por defecto de scikit-learn, y solo tendría sentido si los dos errores
# costaran lo mismo. En el churn no cuestan lo mismo. En el ML Canvas del módulo 02 les pusimos
# precio:
#
# | error | qué pasa | costo por cliente |
# |---|---|---|
# | falso positivo | ofreces la campaña a quien no se iba | 6 € (el incentivo y la llamada) |
# | falso negativo | pierdes, sin ofrecerle nada, a quien se iba | 36 € |
#
# Son `cost_false_positive_eur` y `cost_false_negative_eur`, en la sección `train` del
# `params.yaml` de tu proyecto. Con un falso negativo seis veces más caro, conviene ofrecer la
# campaña bastante antes de estar seguros al 50 %. ¿Cuánto cuesta no hacerlo? El pipeline sencillo
# de la §1, decidiendo con varios umbrales sobre el test:

# %%
# Los costos de cada error, de params.yaml del proyecto (los del módulo 02 si aún no están).
project_train = yaml.safe_load((PROJECT / "params.yaml").read_text(encoding="utf-8"))
project_train = (project_train or {}).get("train", {})
COSTS = {
    "cost_false_positive_eur": float(project_train.get("cost_false_positive_eur", 6.0)),
    "cost_false_negative_eur": float(project_train.get("cost_false_negative_eur", 36.0)),
}
demo_proba = honest_model.predict_proba(test_raw[list(NUMERIC_FEATURES)])[:, 1]
demo_truth = y_test.to_numpy()
threshold_table = {}
for cut in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5):
    offer = demo_proba >= cut
    wrong_offers = int((offer & (demo_truth == 0)).sum())
    lost = int((~offer & (demo_truth == 1)).sum())
    euros = (
        wrong_offers * COSTS["cost_false_positive_eur"] + lost * COSTS["cost_false_negative_eur"]
    ) / len(demo_truth)
    threshold_table[cut] = {
        "clientes con oferta (%)": 100 * offer.mean(),
        "falsos positivos": wrong_offers,
        "falsos negativos": lost,
        "costo por cliente (€)": euros,
        "por cada 10 000 clientes (€)": 10_000 * euros,
    }
threshold_table = pd.DataFrame(threshold_table).T.rename_axis("umbral").round(2)
threshold_table

# %% [markdown]
# Con 0,5 el modelo casi nunca ofrece la campaña, y cada cliente que se va sin oferta cuesta 36 €:
# la fila de 0,5 es la más cara de la tabla. Bajar el umbral cambia falsos negativos caros por
# falsos positivos baratos, hasta que dejan de compensar. Si las probabilidades estuvieran
# perfectamente calibradas, la teoría da el punto exacto: ofrecer cuando
# `p × 36 > (1 − p) × 6`, es decir, `p > 6 / (6 + 36) ≈ 0,14`. Los modelos reales no están
# perfectamente calibrados, así que el umbral se **ajusta con datos**.
#
# Pero no con esta tabla: la tabla mira el test para elegir, que es la fuga de la §5 con otro
# disfraz (el umbral saldría perfecto para *estos* clientes y peor para los siguientes). El umbral
# es un hiperparámetro más: se elige con validación cruzada sobre el entrenamiento y el test se
# usa **una vez**, para medir. Eso hace `TunedThresholdClassifierCV` de scikit-learn: en cada
# pliegue entrena el pipeline, prueba muchos umbrales sobre el pliegue de validación con la
# métrica que le des, se queda con el mejor promedio y reentrena con todo el entrenamiento.
#
# La métrica se la das como *scorer*: `make_scorer(función, greater_is_better=…, **kwargs)`
# convierte una función `f(y_true, y_pred, **kwargs)` en el objeto `scorer(modelo, X, y)` que
# usan `cross_val_score`, `GridSearchCV` y `TunedThresholdClassifierCV`. scikit-learn siempre
# **maximiza** el scorer: para un costo, `greater_is_better=False` hace que el scorer valga
# −costo (por eso verás costos negativos en `cv_results_`).
#
# ### Ejercicio 3 (funcional) · El umbral que minimiza el costo
#
# Escribe cuatro funciones pequeñas. Son las mismas ideas que usa la etapa `train` de tu proyecto
# (`business_cost` y `tune_threshold`, en el final fijo de `src/churn_project/pipeline.py`), y los
# tests comparan las tuyas con las del proyecto sobre los mismos datos.
#
# **a) `business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur)`**
#
# 1. Devuelve, como `float`, el costo medio **por cliente** en euros de las decisiones `y_pred`
#    (0 = no ofrecer, 1 = ofrecer): falsos positivos × `cost_false_positive_eur` + falsos
#    negativos × `cost_false_negative_eur`, dividido entre el número de clientes. Cuenta los
#    errores con `confusion_matrix(y_true, y_pred, labels=[0, 1])`.
#
# **b) `cost_scorer(cost_false_positive_eur, cost_false_negative_eur)`**
#
# 2. Cada costo debe ser un número real (`bool` no vale) → si no, `TypeError`; finito y mayor
#    que 0 → si no, `ValueError`. Los dos mensajes, en español, nombran el parámetro. Un costo de
#    0 o negativo no es una decisión de negocio: es un error al escribir `params.yaml`, y con él
#    el umbral «óptimo» sería absurdo (ofrecer a todos o a nadie).
# 3. Devuelve `make_scorer(business_cost, greater_is_better=False, …)` con los dos costos: un
#    scorer que, llamado como `scorer(modelo, X, y)`, vale **menos** el costo por cliente de
#    `modelo.predict(X)`.
#
# **c) `tune_threshold_by_cost(pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42)`**
#
# 4. `y` debe tener exactamente las clases 0 y 1 (1 = se va). Si no (otras etiquetas, texto, una
#    sola clase, nulos) → `ValueError` en español que diga «0 y 1», antes de entrenar nada.
# 5. Devuelve un `TunedThresholdClassifierCV` alrededor de `pipeline`, **entrenado con `X, y`**,
#    con `scoring=cost_scorer(…)` (los mismos costos), `cv=StratifiedKFold(n_splits=cv_folds,
#    shuffle=True, random_state=seed)` y `random_state=seed`. Con los mismos datos elige el mismo
#    umbral que `tune_threshold` del proyecto.
#
# **d) `cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur)`**
#
# 6. Devuelve un diccionario con tres `float` y las claves de `metrics.json` del proyecto:
#    `"threshold"`, el umbral que eligió la validación cruzada (`model.best_threshold_`: el test
#    no se usa para elegirlo); `"cost_per_customer_eur"`, el costo por cliente en el test de
#    `model.predict(X_test)`; y `"cost_per_customer_eur_at_0_5"`, el de decidir con
#    `model.predict_proba(X_test)[:, 1] >= 0.5`.
#
# ```text
# business_cost([0, 0, 1, 1], [1, 0, 0, 1], cost_false_positive_eur=6, cost_false_negative_eur=36)  → 10.5
# cost_scorer(6, 36)(modelo, X, y)   → -10.5 si modelo.predict(X) da [1, 0, 0, 1] e y es [0, 0, 1, 1]
# cost_scorer(0, 36)                 → ValueError: cost_false_positive_eur debe ser … mayor que 0 …
# tune_threshold_by_cost(pipe, X, ["sí", "no", …], …)  → ValueError: … las clases 0 y 1 …
# cost_report(tune_threshold_by_cost(pipe, X_train, y_train, **COSTS), X_test, y_test, **COSTS)
#     → {"threshold": ≈0.12, "cost_per_customer_eur": ≈3.5, "cost_per_customer_eur_at_0_5": ≈5.2}
# ```


# %% nbgrader={"grade": false, "grade_id": "umbral", "locked": false, "schema_version": 3, "solution": true, "task": false}
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    ### BEGIN SOLUTION
    _, false_positives, false_negatives, _ = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    total = false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    return float(total / len(y_true))
    ### END SOLUTION


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    ### BEGIN SOLUTION
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)
    ### END SOLUTION


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    ### BEGIN SOLUTION
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)
    ### END SOLUTION


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    ### BEGIN SOLUTION
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-umbral-costo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: cada error cuesta su precio, por cliente; el scorer vale −costo y rechaza costos sin sentido.
from sklearn.tree import DecisionTreeClassifier

one_each = business_cost(
    [0, 0, 1, 1], [1, 0, 0, 1], cost_false_positive_eur=6, cost_false_negative_eur=36
)
assert math.isclose(one_each, 10.5), (
    "Un falso positivo (6 €) y un falso negativo (36 €) entre 4 clientes cuestan (6 + 36) / 4 = "
    f"10.5 € por cliente; business_cost da {one_each}."
)
truth = np.array([0, 0, 0, 1, 1])
decisions = np.array([1, 1, 0, 0, 1])  # 2 falsos positivos y 1 falso negativo
customer_ids = np.arange(5).reshape(-1, 1)
parrot = DecisionTreeClassifier(random_state=0).fit(customer_ids, decisions)  # predice `decisions`
score = cost_scorer(6, 36)(parrot, customer_ids, truth)
assert math.isclose(score, -(2 * 6 + 36) / 5), (
    "cost_scorer(6, 36) debe valer MENOS el costo por cliente: 2 falsos positivos y 1 falso "
    f"negativo entre 5 clientes → -(2×6 + 36)/5 = -9.6; vale {score}. ¿Cruzaste los costos o "
    "olvidaste greater_is_better=False?"
)
### BEGIN HIDDEN TESTS
assert type(one_each) is float, (
    f"business_cost debe devolver un float, no {type(one_each).__name__}."
)
other = business_cost(truth, decisions, cost_false_positive_eur=1, cost_false_negative_eur=100)
assert math.isclose(other, (2 * 1 + 100) / 5), (
    "Con costos 1 € (falso positivo) y 100 € (falso negativo), 2 FP y 1 FN entre 5 clientes "
    f"cuestan 20.4 € por cliente; da {other}: ¿confundes falsos positivos y negativos?"
)
cheap_misses = cost_scorer(10, 1)(parrot, customer_ids, truth)
assert math.isclose(cheap_misses, -(2 * 10 + 1) / 5), (
    f"cost_scorer(10, 1) debe valer -(2×10 + 1)/5 = -4.2; vale {cheap_misses}."
)
for fp_cost, fn_cost, error, name in (
    (0, 36, ValueError, "cost_false_positive_eur"),
    (6, -36, ValueError, "cost_false_negative_eur"),
    (float("nan"), 36, ValueError, "cost_false_positive_eur"),
    (6, float("inf"), ValueError, "cost_false_negative_eur"),
    (True, 36, TypeError, "cost_false_positive_eur"),
    (6, "36", TypeError, "cost_false_negative_eur"),
    (None, 36, TypeError, "cost_false_positive_eur"),
):
    try:
        cost_scorer(fp_cost, fn_cost)
    except Exception as err:
        assert isinstance(err, error), (
            f"cost_scorer({fp_cost!r}, {fn_cost!r}) lanzó {type(err).__name__}; debía lanzar "
            f"{error.__name__}."
        )
        assert name in str(err), f"El mensaje debe nombrar {name}; dice: {str(err)!r}"
    else:
        raise AssertionError(
            f"cost_scorer({fp_cost!r}, {fn_cost!r}) debía lanzar {error.__name__}: un costo "
            "así es un error en params.yaml."
        )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-umbral-objetivo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: un objetivo que no es 0/1 se rechaza antes de entrenar, con un mensaje en español.
from sklearn.linear_model import LogisticRegression


def expect_target_error(labels):
    """Llama a tune_threshold_by_cost con el objetivo `labels` y espera ValueError con «0 y 1»."""
    tiny = pd.DataFrame({"x": np.arange(float(len(labels)))})
    try:
        tune_threshold_by_cost(
            LogisticRegression(),
            tiny,
            labels,
            cost_false_positive_eur=6,
            cost_false_negative_eur=36,
            cv_folds=2,
        )
    except Exception as err:
        assert isinstance(err, ValueError) and "0 y 1" in str(err), (
            f"Con y = {list(labels)[:4]}… debe lanzar, antes de entrenar, un ValueError en español "
            f"que diga que y necesita las clases «0 y 1»; lanzó {type(err).__name__}: "
            f"{str(err)[:200]!r}"
        )
    else:
        raise AssertionError(
            f"Con y = {list(labels)[:4]}… debía lanzar ValueError: el objetivo no es 0/1."
        )


expect_target_error(pd.Series(["sí", "no"] * 4))
### BEGIN HIDDEN TESTS
expect_target_error(pd.Series([0, 1, 2, 0, 1, 2, 0, 1]))
expect_target_error(np.array([1, 2] * 4))
expect_target_error(pd.Series([0] * 8))
expect_target_error(pd.Series([0.0, 1.0, np.nan, 1.0, 0.0, 1.0, 0.0, 1.0]))
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-umbral-referencia", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5, R6]: con los mismos datos, el mismo umbral y los mismos euros que tune_threshold y business_cost del proyecto.
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import TunedThresholdClassifierCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m06_pipelines import FLAG_FEATURES, NUMERIC_FEATURES
from mlops_course.lessons.m06_pipelines.project import reference_threshold

customers = make_churn(n_rows=1000, seed=21)
train_part, test_part = customers.iloc[:750], customers.iloc[750:]
simple_pipe = make_pipeline(
    ColumnTransformer(
        [
            (
                "num",
                make_pipeline(SimpleImputer(), StandardScaler()),
                [*NUMERIC_FEATURES, *FLAG_FEATURES],
            ),
            ("cat", OneHotEncoder(handle_unknown="ignore"), ["region"]),
        ]
    ),
    LogisticRegression(max_iter=1000),
)
euros = {"cost_false_positive_eur": 6.0, "cost_false_negative_eur": 36.0}
tuned = tune_threshold_by_cost(
    simple_pipe, train_part, train_part["churned"], **euros, cv_folds=3, seed=0
)
assert isinstance(tuned, TunedThresholdClassifierCV), (
    f"tune_threshold_by_cost debe devolver un TunedThresholdClassifierCV; devuelve {type(tuned).__name__}."
)
report = cost_report(tuned, test_part, test_part["churned"], **euros)
assert set(report) == {"threshold", "cost_per_customer_eur", "cost_per_customer_eur_at_0_5"}, (
    f"cost_report debe devolver las claves threshold, cost_per_customer_eur y "
    f"cost_per_customer_eur_at_0_5; devuelve {sorted(report)}."
)
assert report["threshold"] < 0.5, (
    "Con el falso negativo 6 veces más caro que el falso positivo, el umbral elegido debe quedar "
    f"por debajo de 0,5; es {report['threshold']:.3f}. ¿El scorer premia el costo en vez de "
    "castigarlo?"
)
assert report["cost_per_customer_eur"] < report["cost_per_customer_eur_at_0_5"], (
    f"Con el umbral elegido el costo por cliente ({report['cost_per_customer_eur']:.2f} €) debe "
    f"bajar respecto al de 0,5 ({report['cost_per_customer_eur_at_0_5']:.2f} €)."
)
### BEGIN HIDDEN TESTS
assert all(type(value) is float for value in report.values()), (
    "Los tres valores de cost_report deben ser float de Python."
)
assert math.isclose(report["threshold"], float(tuned.best_threshold_)), (
    "threshold debe ser el umbral que eligió la validación cruzada (best_threshold_): el test "
    "sirve para medir, no para volver a elegir."
)
expected = reference_threshold(
    simple_pipe,
    (train_part, train_part["churned"]),
    (test_part, test_part["churned"]),
    **euros,
    cv_folds=3,
    seed=0,
)
assert math.isclose(report["threshold"], expected["threshold"], abs_tol=1e-6), (
    f"Con los mismos datos, tune_threshold del proyecto elige {expected['threshold']:.4f} y el "
    f"tuyo {report['threshold']:.4f}: usa tu cost_scorer con esos costos, "
    "cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed), random_state=seed, "
    "y entrena solo con X, y."
)
for key in ("cost_per_customer_eur", "cost_per_customer_eur_at_0_5"):
    assert math.isclose(report[key], expected[key], abs_tol=1e-9), (
        f"{key}: el proyecto (business_cost) da {expected[key]:.4f} € por cliente en el test y "
        f"tu cost_report {report[key]:.4f}. Es el costo medio POR CLIENTE de las decisiones "
        "sobre X_test (con el umbral elegido, y con predict_proba ≥ 0,5)."
    )
### END HIDDEN TESTS

# %% [markdown]
# Tus funciones con **tu** pipeline del Ejercicio 2, sobre la extracción sucia de la §1: el umbral
# que elige la validación cruzada y lo que ahorra frente a 0,5, en euros. La etapa `train` de tu
# proyecto hace lo mismo con sus datos (`tune_threshold`) y lo deja en `metrics.json`.

# %%
try:
    tuned_churn = tune_threshold_by_cost(
        build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES),
        train_raw,
        y_train,
        **COSTS,
        cv_folds=3,
        seed=SEED,
    )
    decision = cost_report(tuned_churn, test_raw, y_test, **COSTS)
    saving = decision["cost_per_customer_eur_at_0_5"] - decision["cost_per_customer_eur"]
    decision["ahorro por cliente (€)"] = saving
    decision["ahorro por cada 10 000 clientes (€)"] = 10_000 * saving
    decision = pd.Series(decision, name="este cuaderno").round(3)
except NotImplementedError:
    decision = "resuelve los Ejercicios 1, 2 y 3 y vuelve a ejecutar esta celda"
project_metrics = PROJECT / "metrics.json"
if project_metrics.is_file():
    print("metrics.json del proyecto:", project_metrics.read_text(encoding="utf-8"))
decision

# %% [markdown]
# ### La búsqueda de hiperparámetros, por los nombres de los pasos
#
# El umbral no es el único número que nadie eligió: `C`, la regularización de la regresión
# logística, vale 1.0 porque es el valor por defecto. `GridSearchCV` prueba una rejilla de valores
# con validación cruzada **del pipeline completo** (cada candidato se reentrena en cada pliegue,
# sin fugas) y el parámetro se nombra con la ruta de pasos, `model__C`, como en `set_params`
# (§3). Buscamos con `roc_auc`: `C` decide lo bien que el modelo **ordena** a los clientes, y el
# umbral por costo se ajusta después, en la etapa `train`. Rejilla pequeña y 3 pliegues: aquí
# importa el método, no la última milésima (en el módulo 07 cada candidato será un *run* de MLflow).
#
# El resultado no se queda en el cuaderno: se escribe en `params.yaml` del proyecto (`train.C`),
# `dvc params diff` muestra el cambio frente al último commit, `dvc repro` reentrena solo `train`
# (`prepare` y `validate` no dependen de `C`) y un commit lo deja registrado.

# %%
try:
    search = GridSearchCV(
        build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES),
        param_grid={"model__C": [0.1, 1.0, 10.0]},
        scoring="roc_auc",
        cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED),
        refit=False,  # solo queremos el mejor valor: el modelo lo entrena la etapa train
    ).fit(train_raw, y_train)
    best_C = float(search.best_params_["model__C"])
    search_table = pd.DataFrame(search.cv_results_)[
        ["param_model__C", "mean_test_score", "std_test_score", "rank_test_score"]
    ].round(3)
except NotImplementedError:
    best_C = None
    search_table = "resuelve los Ejercicios 1 y 2 y vuelve a ejecutar esta celda"
search_table

# %%
# El mejor C, al proyecto: params.yaml → dvc params diff → dvc repro → commit.
params_path = PROJECT / "params.yaml"
params_text = params_path.read_text(encoding="utf-8")
current_C = re.search(r"(?m)^  C: (.*)$", params_text)  # train.C (la única clave C)
if best_C is None or train_run is None or not train_run.ok or current_C is None:
    print("Resuelve los Ejercicios 1 y 2 (y que dvc repro de la §3 termine bien) para llevar C.")
elif float(current_C.group(1)) == best_C:
    print(f"train.C ya vale {best_C}: dvc params diff no mostraría nada y no hay que reentrenar.")
else:
    params_path.write_text(
        params_text.replace(current_C.group(0), f"  C: {best_C}", 1), encoding="utf-8"
    )
    print(dvc("params", "diff", cwd=PROJECT, env=ENV).stdout)
    clear_run_log(PROJECT)
    search_run = dvc("repro", cwd=PROJECT, env=ENV)
    print("Etapas ejecutadas según el registro:", stages_that_ran(PROJECT))
    if search_run.ok:
        git("add", "-A", cwd=PROJECT, env=ENV)
        git(
            "commit",
            "--quiet",
            "-m",
            f"módulo 06: C={best_C}, elegido con GridSearchCV",
            cwd=PROJECT,
            env=ENV,
        )
    print(git("log", "--oneline", "-3", cwd=PROJECT, env=ENV).stdout)

# %% [markdown]
# Fíjate en lo que hizo DVC: `dvc params diff` enseña `train.C` viejo y nuevo, y `dvc repro`
# solo repite `train`, porque es la única etapa que declara `train` en `params:` de `dvc.yaml`. Si
# el mejor valor es el que ya tenías, no hay nada que cambiar ni que reentrenar. Mira también la
# tabla de la búsqueda con los ojos de la §3: si las AUC medias se separan menos que su
# desviación, el «mejor» `C` gana por azar de los pliegues, y cambiarlo apenas mueve el modelo.
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 30 min.*

# %% [markdown]
# ## 5. Fugas de datos (*data leakage*): el modelo que aprueba el examen porque vio las respuestas
#
# Hay **fuga** cuando, al evaluar, el modelo usa información que **no tendrá** cuando prediga en
# producción. La métrica sale mejor que la realidad, el modelo se despliega con promesas que no
# cumple y nadie lo nota hasta que negocio mide la campaña. Kaufman et al. (2012, *Leakage in Data
# Mining*) abren su artículo recordando que se la cuenta entre los diez errores más graves de la
# minería de datos (Nisbet, Elder y Miner, 2009).
#
# **Metáfora: el examen con las respuestas en el reverso.** Si el profesor prepara el examen con
# las respuestas impresas por detrás, las notas serán altísimas… y no dicen nada de lo que sabrán
# los alumnos el día que no haya reverso.
#
# | Tipo | Qué se filtra | Ejemplo en churn | Cómo se evita |
# |---|---|---|---|
# | **Preprocesado** | estadísticas calculadas con las filas de validación (medias, cuantiles, selección de variables, codificación por objetivo) | `fillna(df.mean())` o `SelectKBest` sobre todo el dataset antes de validar | todo lo que aprende va **dentro** del `Pipeline`; `cross_val_score(pipeline, …)` lo reentrena en cada pliegue |
# | **Objetivo** (*target leakage*) | una variable que solo existe **porque** el cliente ya se fue | «fecha de cierre de la cuenta», «llamado por el equipo de retención» | preguntar, por cada columna, **cuándo** se conoce; quitar las posteriores al momento de predecir |
# | **Temporal** | el futuro entrena y el pasado valida | validación aleatoria con clientes de 2024 y 2025 mezclados | validar como se despliega: entrenar con el pasado, validar con lo posterior (`TimeSeriesSplit` o un corte por fecha) |
# | **Grupo** | la misma entidad en entrenamiento y validación | el mismo cliente en los extractos de enero, febrero y marzo | `GroupKFold(groups=customer_id)`: todas las filas de un cliente al mismo lado |
#
# La validación cruzada **con el pipeline dentro** hace que cada pliegue repita lo que pasará en
# producción: aprender solo con lo que había antes.
#
# ```mermaid
# flowchart TB
#     D[(Datos de entrenamiento)] --> K{"Para cada pliegue k"}
#     K --> TR["k-1 pliegues: pipeline.fit<br/>(imputar, recortar, escalar, modelo)"]
#     K --> VA["pliegue k: pipeline.predict<br/>(solo aplica lo aprendido)"]
#     TR --> VA
#     VA --> S["métrica del pliegue k"]
#     S --> M["media y desviación: estimación honesta"]
#     X["Fuga: transformar TODO antes de partir"] -.->|"el pliegue k ya influyó en fit"| TR
# ```
#
# ### 5.1 Fuga de preprocesado: codificar por el objetivo con todas las filas
#
# Añadimos al churn un código de oficina (`branch_code`) **puro ruido**: se sortea sin mirar nada
# del cliente. Muchos equipos codifican las categorías con muchos niveles por su tasa de churn
# (*target encoding*). Hecho con `groupby` sobre todo el dataset, antes de validar:

# %%
coded = add_noise_code(train_raw, n_levels=max(50, len(train_raw) // 4), seed=SEED)
numeric_only = coded[list(NUMERIC_FEATURES)].astype("float64")
simple_model = make_pipeline(
    SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=1000)
)
# Fuga: la tasa de churn de cada oficina se calcula con TODAS las filas, también las de validación.
leaky_rate = coded.groupby("branch_code")[TARGET].transform("mean").rename("branch_churn_rate")
leaky_frame = pd.concat([numeric_only, leaky_rate], axis=1)
encoding_scores = {
    "sin branch_code": cross_val_score(
        simple_model, numeric_only, y_train, cv=cv5, scoring="roc_auc"
    ),
    "target encoding con fuga": cross_val_score(
        simple_model, leaky_frame, y_train, cv=cv5, scoring="roc_auc"
    ),
}
# Honesto: TargetEncoder dentro del pipeline (y con validación cruzada interna en fit_transform).
encoded_model = make_pipeline(
    ColumnTransformer(
        [
            ("num", SimpleImputer(strategy="median"), list(NUMERIC_FEATURES)),
            ("branch", TargetEncoder(), ["branch_code"]),
        ]
    ),
    StandardScaler(),
    LogisticRegression(max_iter=1000),
)
encoding_scores["TargetEncoder en el pipeline"] = cross_val_score(
    encoded_model, coded, y_train, cv=cv5, scoring="roc_auc"
)
encoding_table = pd.DataFrame(
    {name: {"AUC media": s.mean(), "desviación": s.std()} for name, s in encoding_scores.items()}
).T.round(3)
encoding_table

# %% [markdown]
# Una columna de **ruido puro** «mejora» la AUC muchísimo. Con cientos de oficinas y pocas filas
# por oficina, la tasa de cada oficina se parece mucho a la etiqueta de sus propios clientes: la
# columna es la respuesta disfrazada. `TargetEncoder` dentro del pipeline aprende las tasas solo
# con los pliegues de entrenamiento (y además hace validación cruzada interna al entrenar), y la
# AUC vuelve a la de no tener la columna, que es la verdad: no aporta nada.
#
# **Cuánto cuesta (principio 5).** Negocio no compra AUC, compra clientes retenidos. Supón que la
# campaña llama al 20 % de clientes con mayor riesgo. ¿Qué fracción de los que se van promete
# cada evaluación encontrar en ese 20 %?

# %%
# Supuestos del módulo 00 (cámbialos por los de tu empresa).
PORTFOLIO_CUSTOMERS = 50_000
CUSTOMER_VALUE_EUR = 180
CAMPAIGN_SUCCESS = 0.20
CONTACT_SHARE = 0.20  # la campaña llama al 20 % de clientes con más riesgo


def recall_at_top(y_true, scores, share):
    """Fracción de los positivos que caen en el `share` de filas con mayor puntuación."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    top = order[: round(share * len(order))]
    return float(np.asarray(y_true)[top].sum() / np.asarray(y_true).sum())


promised = {
    "evaluación con fuga": cross_val_predict(
        simple_model, leaky_frame, y_train, cv=cv5, method="predict_proba"
    )[:, 1],
    "evaluación honesta": cross_val_predict(
        encoded_model, coded, y_train, cv=cv5, method="predict_proba"
    )[:, 1],
}
leavers_per_year = PORTFOLIO_CUSTOMERS * float(y_train.mean())
money = {}
for name, scores in promised.items():
    caught = recall_at_top(y_train, scores, CONTACT_SHARE)
    money[name] = {
        "recall en el 20 % llamado": round(caught, 3),
        "retenidos al año": round(leavers_per_year * caught * CAMPAIGN_SUCCESS),
        "valor retenido (€/año)": round(
            leavers_per_year * caught * CAMPAIGN_SUCCESS * CUSTOMER_VALUE_EUR
        ),
    }
money = pd.DataFrame(money).T.astype({"retenidos al año": int, "valor retenido (€/año)": int})
money

# %% [markdown]
# La diferencia entre las dos filas es **dinero prometido que no existe**: el presupuesto de la
# campaña y la decisión de desplegar se toman con la fila de arriba, y la realidad entrega la de
# abajo.
#
# ### 5.2 Fuga temporal: validar mezclando pasado y futuro
#
# Los clientes cambian. Simulamos dos años: el «pasado» y un «futuro» en el que el efecto de ser
# cliente activo se debilita (el `concept_drift` del generador del curso). Validación aleatoria
# sobre los dos años mezclados frente a lo que de verdad pasará: entrenar con el pasado y puntuar
# el futuro.

# %%
half = max(500, N_CUSTOMERS // 2)
past = make_churn(n_rows=half, seed=SEED + 1)
future = make_churn(n_rows=half, seed=SEED + 2, concept_drift=0.7)
timeline = pd.concat([past, future], ignore_index=True)  # ordenado en el tiempo
time_features = [*NUMERIC_FEATURES, "is_active_member"]
X_time = timeline[time_features].astype("float64")
y_time = timeline[TARGET]
time_model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
random_cv = cross_val_score(time_model, X_time, y_time, cv=cv5, scoring="roc_auc").mean()
time_model.fit(X_time.iloc[:half], y_time.iloc[:half])
forward = roc_auc_score(y_time.iloc[half:], time_model.predict_proba(X_time.iloc[half:])[:, 1])
pd.Series(
    {
        "validación aleatoria (mezcla los años)": random_cv,
        "entrenar pasado → puntuar futuro": forward,
    },
    name="AUC",
).round(3)

# %% [markdown]
# La validación aleatoria promete una AUC que el modelo nunca tendrá en producción: en cada
# pliegue, medio entrenamiento ya «conoce» el comportamiento del futuro. Con datos con fecha,
# valida como despliegas: `TimeSeriesSplit` (pliegues que siempre entrenan con lo anterior) o un
# corte por fecha. En nuestro churn, `signup_date` existe precisamente para que puedas hacerlo.
#
# ### 5.3 Fuga de grupo: el mismo cliente a los dos lados
#
# El banco entrega extractos mensuales: el mismo cliente aparece tres veces, con saldos casi
# iguales. Un modelo flexible (un árbol sin límite de profundidad) puede **memorizar clientes**.
# `KFold` reparte filas, así que el cliente de marzo que valida ya estaba en enero entrenando;
# `GroupKFold` reparte clientes.

# %%
snapshots = monthly_snapshots(make_churn(n_rows=max(300, N_CUSTOMERS // 3), seed=SEED + 3), 3)
X_snap = snapshots[list(NUMERIC_FEATURES)].astype("float64")
y_snap = snapshots[TARGET]
tree = DecisionTreeClassifier(random_state=SEED)
group_scores = {
    "KFold (filas)": cross_val_score(
        tree, X_snap, y_snap, cv=KFold(5, shuffle=True, random_state=SEED), scoring="roc_auc"
    ).mean(),
    "GroupKFold (clientes)": cross_val_score(
        tree, X_snap, y_snap, cv=GroupKFold(5), groups=snapshots["customer_id"], scoring="roc_auc"
    ).mean(),
}
pd.Series(group_scores, name="AUC del árbol").round(3)

# %% [markdown]
# Con `KFold` el árbol parece casi perfecto; con `GroupKFold`, apenas mejor que una moneda. La
# segunda cifra es la que verás con clientes nuevos.
#
# ### 5.4 Fuga del objetivo
#
# No necesita demostración con código porque no la arregla ningún *splitter*: si el extracto trae
# `fecha_baja` o `motivo_baja`, cualquier validación dará una AUC cercana a 1, honesta o no. La
# única defensa es una pregunta por columna: **¿conoceré este valor en el momento de predecir?**
# Escríbela en el contrato de datos (módulo 05) y en el esquema de entrada (§6): una columna que
# no está en el esquema no entra al modelo.
#
# ### Ejercicio 4 (seguro) · Medir la inflación de una evaluación con fuga, y corregirla
#
# Es el primer paso «seguro» del módulo: una evaluación con fuga promete una precisión que el
# modelo no tendrá con clientes nuevos, y con esa cifra se decide desplegar.
#
# El ejemplo clásico de Hastie, Tibshirani y Friedman (*The Elements of Statistical Learning*,
# 2.ª ed., sección 7.10.2, «The wrong and right way to do cross-validation»): con miles de variables de
# ruido y pocas filas, escoger las mejores variables **antes** de validar produce una precisión
# espectacular sobre datos sin ninguna señal. Escribe dos funciones:
#
# **a) `make_honest_model(k)`**
#
# 1. Devuelve un `Pipeline` **sin entrenar** con tres pasos, en este orden: `StandardScaler()`,
#    `SelectKBest(f_classif, k=k)` y `LogisticRegression(max_iter=1000)` (los nombres de los pasos,
#    los que quieras).
# 2. Falla al construir, no al entrenar: si `k` no es un entero ≥ 1 (`0`, `-3`, `2.0`), lanza
#    `ValueError` con un mensaje que nombre `k` en `make_honest_model`, no cinco pliegues después
#    dentro de `cross_val_score`.
#
# **b) `leakage_inflation(X, y, k, cv)`** devuelve un diccionario con tres `float`:
#
# 3. `"leaky_auc"`: la evaluación **con fuga**: escala y selecciona las `k` mejores columnas con
#    **todas** las filas (`StandardScaler` y `SelectKBest(f_classif, k=k)` con `fit_transform`
#    sobre `X, y`) y después hace la validación cruzada de una `LogisticRegression(max_iter=1000)`
#    sobre esas columnas.
# 4. `"honest_auc"`: la validación cruzada de `make_honest_model(k)` sobre `X, y` (todo dentro de
#    cada pliegue).
# 5. `"inflation"`: `leaky_auc - honest_auc`.
# 6. Las dos validaciones usan **el mismo** `cv` que recibes y `scoring="roc_auc"`; cada AUC es la
#    media de los pliegues, y los tres valores son `float` de Python (no `numpy.float64`).
#
# Resultado esperado con ruido puro:
#
# ```text
# X, y = noise_dataset(n_rows=120, n_features=1000, seed=0)
# leakage_inflation(X, y, k=10, cv=StratifiedKFold(5, shuffle=True, random_state=0))
# → {"leaky_auc": ≈0.9, "honest_auc": ≈0.5, "inflation": ≈0.4}
# ```


# %% nbgrader={"grade": false, "grade_id": "fuga", "locked": false, "schema_version": 3, "solution": true, "task": false}
def make_honest_model(k):
    """Pipeline sin entrenar: escalar → seleccionar k variables → regresión logística."""
    ### BEGIN SOLUTION
    if not isinstance(k, int) or k < 1:
        raise ValueError(f"k debe ser un entero mayor o igual que 1; es {k!r}.")
    return Pipeline(
        [
            ("scale", StandardScaler()),
            ("select", SelectKBest(f_classif, k=k)),
            ("model", LogisticRegression(max_iter=1000)),
        ]
    )
    ### END SOLUTION


def leakage_inflation(X, y, k, cv):
    """AUC con fuga, AUC honesta y su diferencia, con el mismo esquema de validación."""
    ### BEGIN SOLUTION
    honest_model = make_honest_model(k)
    scaled = StandardScaler().fit_transform(X)
    selected = SelectKBest(f_classif, k=k).fit_transform(scaled, y)
    leaky = cross_val_score(
        LogisticRegression(max_iter=1000), selected, y, cv=cv, scoring="roc_auc"
    ).mean()
    honest = cross_val_score(honest_model, X, y, cv=cv, scoring="roc_auc").mean()
    return {
        "leaky_auc": float(leaky),
        "honest_auc": float(honest),
        "inflation": float(leaky - honest),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-fuga-modelo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: el modelo honesto es un Pipeline sin entrenar con escalado y selección DENTRO.
honest = make_honest_model(5)
assert isinstance(honest, Pipeline), (
    f"make_honest_model debe devolver un Pipeline, no {type(honest).__name__}: el escalado y la "
    "selección tienen que ir dentro para reentrenarse en cada pliegue."
)
kinds = [type(step).__name__ for _, step in honest.steps]
assert kinds == ["StandardScaler", "SelectKBest", "LogisticRegression"], (
    f"Los pasos deben ser StandardScaler → SelectKBest → LogisticRegression; son {kinds}."
)
### BEGIN HIDDEN TESTS
selector = honest.steps[1][1]
assert selector.k == 5 and selector.score_func is f_classif, (
    "El selector debe ser SelectKBest(f_classif, k=k) con la k recibida."
)
assert honest.steps[2][1].max_iter == 1000, (
    "La LogisticRegression del modelo honesto debe usar max_iter=1000."
)
for _, step in honest.steps:
    try:
        check_is_fitted(step)
    except NotFittedError:
        continue
    raise AssertionError(
        f"El paso {type(step).__name__} ya está entrenado: un escalador entrenado fuera de los "
        "pliegues es exactamente la fuga que hay que evitar. Devuelve el pipeline sin entrenar."
    )
for bad_k, wanted in ((0, ValueError), (-3, ValueError), (2.0, ValueError)):
    try:
        make_honest_model(bad_k)
    except Exception as err:
        assert isinstance(err, wanted), (
            f"make_honest_model({bad_k!r}) lanzó {type(err).__name__}; debía ser {wanted.__name__}."
        )
        assert "k" in str(err), f"El mensaje debe nombrar k: {str(err)!r}"
    else:
        raise AssertionError(f"make_honest_model({bad_k!r}) debía lanzar {wanted.__name__}.")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-fuga-inflacion", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5, R6]: sobre ruido puro, la evaluación con fuga se infla y la honesta se queda en el azar.
from mlops_course.lessons.m06_pipelines import noise_dataset

X_noise, y_noise = noise_dataset(n_rows=120, n_features=1000, seed=0)
splitter = StratifiedKFold(5, shuffle=True, random_state=0)
report = leakage_inflation(X_noise, y_noise, k=10, cv=splitter)
assert set(report) == {"leaky_auc", "honest_auc", "inflation"}, (
    f"El diccionario debe tener las claves leaky_auc, honest_auc e inflation; tiene {sorted(report)}."
)
assert report["leaky_auc"] > 0.8, (
    f"Sobre ruido puro, la evaluación CON fuga debería dar una AUC muy alta (> 0.8); da "
    f"{report['leaky_auc']:.3f}: ¿seleccionas con todas las filas antes de validar?"
)
assert 0.3 < report["honest_auc"] < 0.65, (
    f"Sobre ruido puro, la evaluación honesta debe rondar 0.5; da {report['honest_auc']:.3f}: "
    "¿se te ha colado la selección fuera del pipeline?"
)
assert math.isclose(report["inflation"], report["leaky_auc"] - report["honest_auc"]), (
    "inflation debe ser leaky_auc - honest_auc."
)
### BEGIN HIDDEN TESTS
folds = KFold(4, shuffle=True, random_state=3)
X_other, y_other = noise_dataset(n_rows=100, n_features=400, seed=5)
got = leakage_inflation(X_other, y_other, k=7, cv=folds)
reference_pipe = Pipeline(
    [
        ("s", StandardScaler()),
        ("k", SelectKBest(f_classif, k=7)),
        ("m", LogisticRegression(max_iter=1000)),
    ]
)
expected_honest = cross_val_score(reference_pipe, X_other, y_other, cv=folds, scoring="roc_auc")
assert math.isclose(got["honest_auc"], float(np.mean(expected_honest)), abs_tol=1e-9), (
    "honest_auc debe ser la media de cross_val_score(make_honest_model(k), X, y, cv=cv, "
    "scoring='roc_auc') con EL cv recibido (aquí un KFold de 4 pliegues)."
)
scaled_all = StandardScaler().fit_transform(X_other)
picked = SelectKBest(f_classif, k=7).fit_transform(scaled_all, y_other)
expected_leaky = cross_val_score(
    LogisticRegression(max_iter=1000), picked, y_other, cv=folds, scoring="roc_auc"
)
assert math.isclose(got["leaky_auc"], float(np.mean(expected_leaky)), abs_tol=1e-9), (
    "leaky_auc debe escalar y seleccionar con todas las filas y validar una LogisticRegression "
    "con el cv recibido."
)
assert all(type(value) is float for value in got.values()), (
    "Los tres valores deben ser float de Python (usa float(...))."
)
assert got["inflation"] > 0.2, "Con 400 variables de ruido, la inflación debe ser grande."
### END HIDDEN TESTS

# %% [markdown]
# El ejercicio en una frase: **si una transformación aprende de los datos, entra en el pipeline, y
# el pipeline entra en la validación cruzada**. Lo mismo vale para `GridSearchCV`: busca
# hiperparámetros de un pipeline, nunca de datos ya transformados.
#
# ⏱ *Tiempo estimado hasta aquí: 4 h 40 min.*

# %% [markdown]
# ## 6. Validar la entrada al predecir con el contrato del proyecto
#
# Un pipeline entrenado hace una promesa implícita: «dame las columnas que vi en `fit`, con el
# tipo que tenían». Cuando otro equipo rompe esa promesa, scikit-learn a veces se queja en inglés
# y con un mensaje sobre *feature names*, y a veces **no se queja**: una columna de texto con
# números se convierte sin avisar, una columna que sobra se ignora o una edad imposible pasa en
# silencio. Lo vemos con el pipeline de la §1:

# %%
incoming = test_raw.iloc[:3].copy()
incoming["age"] = incoming["age"].astype(str)  # el sistema de origen manda la edad como texto
incoming.loc[incoming.index[1], "age"] = "200"  # … y una edad imposible
try:
    quiet = honest_model.predict_proba(incoming[list(NUMERIC_FEATURES)])[:, 1].round(3)
    outcome = f"sin error: predice {quiet.tolist()} con edades que eran texto (y una de 200 años)"
except Exception as err:
    outcome = f"{type(err).__name__}: {str(err)[:160]}"
outcome

# %% [markdown]
# La práctica: un **contrato de entrada** declarado y comprobado en la frontera, con un mensaje que
# el equipo que llama entienda. No escribimos uno nuevo: tu proyecto ya tiene **el** contrato de
# la tabla de churn, el esquema pandera de `src/churn_project/contract.py` (módulo 05), el mismo
# que aplica la etapa `validate`. Un segundo contrato para predecir acabaría diciendo otra cosa
# (otro rango de edad, otra lista de regiones) y nadie sabría cuál manda. Lo cargamos del
# proyecto; `INPUT_SCHEMA` es lo que llega a predecir (las columnas, sin la etiqueta):

# %%
CONTRACT = load_contract(PROJECT)  # src/churn_project/contract.py de tu proyecto
INPUT_SCHEMA = CONTRACT.INPUT_SCHEMA
pd.DataFrame(
    {
        "tipo": {name: str(col.dtype) for name, col in INPUT_SCHEMA.columns.items()},
        "reglas": {
            name: ", ".join(str(check.error or check.name) for check in col.checks)
            for name, col in INPUT_SCHEMA.columns.items()
        },
    }
)

# %% [markdown]
# Con `lazy=True`, pandera no se detiene en el primer problema: los junta todos en
# `SchemaErrors.failure_cases`, una tabla con una fila por fallo (`column`, `check`,
# `failure_case`, `index`). Es la materia prima de un buen mensaje, pero todavía no es el mensaje:
# está en inglés, tiene una fila por celda, y una columna que falta aparece con el nombre del
# esquema en `column` y el de la columna en `failure_case`.

# %%
clean = make_churn(n_rows=N_CUSTOMERS, seed=SEED)  # una extracción que cumple el contrato
broken_batch = clean.iloc[:4].drop(columns=["region"])
broken_batch["age"] = ["treinta", "40", "200", "35"]  # texto, y una edad imposible
broken_batch["balance_eur"] = [1_000.0, -50.0, 2_000.0, 3_000.0]  # un saldo negativo
try:
    INPUT_SCHEMA.validate(broken_batch, lazy=True)
except SchemaErrors as schema_errors:
    failures = schema_errors.failure_cases[["column", "check", "failure_case", "index"]]
failures

# %% [markdown]
# ### Ejercicio 5 (seguro) · `check_input_schema`: rechazar en la frontera con el contrato del proyecto
#
# «Seguro» porque un lote que no cumple el contrato se rechaza antes de llegar al modelo, con un
# error que dice qué arreglar, en vez de convertirse en probabilidades sin sentido.
#
# Escribe `check_input_schema(frame, schema, columns)`: `schema` es un esquema pandera (el de tu
# proyecto, `INPUT_SCHEMA`) y `columns`, las columnas que lee el modelo (`MODEL_FEATURES`). La
# función:
#
# 1. Si `frame` no es un `pandas.DataFrame` (un `dict`, un array de NumPy, `None`…) → `TypeError`
#    en español que diga «se espera un pandas.DataFrame» (pandera lanzaría uno en inglés). Si
#    `schema` no es un `pandera.DataFrameSchema` → `TypeError`.
# 2. Valida con `schema.validate(frame, lazy=True)`. Si pandera lanza `SchemaErrors`, lanza **un
#    solo** `ValueError` en español con todos los problemas: una línea con las columnas que faltan
#    (`check == "column_in_dataframe"`; el nombre está en `failure_case`) y una línea por cada otra
#    columna que falla, con su nombre, las reglas que rompe (el `check` de pandera, p. ej.
#    `in_range(0, 300000)`) y cuántas filas distintas fallan (los valores de `index` que no son
#    nulos; una regla sobre la columna entera, como `max_missing_rate`, no señala filas). La basura
#    (texto donde va un número, objetos, `None`) acaba en ese mismo `ValueError`, nunca en otra
#    excepción.
# 3. No escribe reglas propias: ni rangos, ni tipos, ni la lista de columnas de churn. Todo sale de
#    `schema`: la misma función sirve para cualquier esquema pandera y, cuando el contrato del
#    proyecto cambie, no se toca.
# 4. Si el lote pasa, devuelve la tabla **que devuelve `schema.validate`** (con los tipos del
#    contrato: `Int64`, `boolean`…) con solo las columnas de `columns`, en ese orden (las que
#    sobran, como `gender` o `customer_id`, no llegan al modelo).
#
# ```text
# check_input_schema(clean, INPUT_SCHEMA, MODEL_FEATURES)         → DataFrame con las 9 columnas del modelo
# check_input_schema(broken_batch, INPUT_SCHEMA, MODEL_FEATURES)  → ValueError: El lote no cumple el contrato de datos:
#                                                                   - faltan columnas: region
#                                                                   - columna 'age': 1 fila; reglas: coerce_dtype('Int64'), dtype('Int64'), in_range(18, 85)
#                                                                   - columna 'balance_eur': 1 fila; reglas: in_range(0, 300000)
# check_input_schema(clean.to_dict(), INPUT_SCHEMA, MODEL_FEATURES) → TypeError: … se espera un pandas.DataFrame …
# ```


# %% nbgrader={"grade": false, "grade_id": "esquema", "locked": false, "schema_version": 3, "solution": true, "task": false}
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    ### BEGIN SOLUTION
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            "La entrada del modelo debe ser una tabla: se espera un pandas.DataFrame y llega "
            f"{type(frame).__name__}."
        )
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(
            f"schema debe ser un pandera.DataFrameSchema (el contrato), no {type(schema).__name__}."
        )
    try:
        validated = schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        absent = cases["check"] == "column_in_dataframe"
        lines = ["El lote no cumple el contrato de datos:"]
        if absent.any():
            names = sorted(str(name) for name in cases.loc[absent, "failure_case"])
            lines.append("- faltan columnas: " + ", ".join(names))
        for column, group in cases[~absent].groupby("column", sort=True):
            rows = group["index"].dropna().nunique()
            rules = ", ".join(sorted(str(check) for check in group["check"].unique()))
            where = f"{rows} fila" + ("s" if rows != 1 else "") if rows else "la columna entera"
            lines.append(f"- columna '{column}': {where}; reglas: {rules}")
        raise ValueError("\n".join(lines)) from None
    return validated[list(columns)]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-esquema-valido", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: un lote válido sale validado (tipos del contrato), con solo las columnas pedidas y en su orden.
from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m06_pipelines import MODEL_FEATURES

valid_raw = make_churn(n_rows=60, seed=3)
checked = check_input_schema(valid_raw, INPUT_SCHEMA, MODEL_FEATURES)
assert isinstance(checked, pd.DataFrame), "Debe devolver un DataFrame."
assert list(checked.columns) == list(MODEL_FEATURES), (
    f"Debe devolver solo las columnas del modelo y en su orden: {list(MODEL_FEATURES)}; "
    f"devuelve {list(checked.columns)}."
)
### BEGIN HIDDEN TESTS
as_text = valid_raw.assign(age=valid_raw["age"].astype(str))  # "35": el contrato lo convierte
converted = check_input_schema(as_text, INPUT_SCHEMA, ["region", "age"])
assert list(converted.columns) == ["region", "age"], (
    "El orden de salida es el de columns, no el del DataFrame."
)
assert str(converted["age"].dtype) == "Int64", (
    "Devuelve lo que devuelve schema.validate: la edad que llegó como texto '35' sale como Int64 "
    f"(el tipo del contrato); sale {converted['age'].dtype}."
)
expected_frame = INPUT_SCHEMA.validate(valid_raw)[list(MODEL_FEATURES)]
try:
    pd.testing.assert_frame_equal(checked, expected_frame)
except AssertionError as mismatch:
    raise AssertionError(
        "La salida debe ser exactamente schema.validate(frame)[columns] (mismos valores y tipos): "
        f"{str(mismatch)[:300]}"
    ) from None
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-esquema-rechaza", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: un lote roto → un solo ValueError en español, una línea por columna con sus reglas y filas; lo que no es una tabla → TypeError.
import re

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m06_pipelines import MODEL_FEATURES

base_input = make_churn(n_rows=20, seed=4)
broken = base_input.drop(columns=["region", "credit_score"])
broken["balance_eur"] = [-10.0, -20.0, *base_input["balance_eur"].iloc[2:]]
try:
    check_input_schema(broken, INPUT_SCHEMA, MODEL_FEATURES)
except ValueError as err:
    message = str(err)
else:
    raise AssertionError(
        "Un lote sin region ni credit_score y con dos saldos negativos debe lanzar ValueError."
    )
for column in ("region", "credit_score", "balance_eur"):
    assert column in message, f"El mensaje debe nombrar '{column}'; dice: {message!r}"
balance_line = next((line for line in message.splitlines() if "balance_eur" in line), "")
assert "in_range" in balance_line and re.search(r"\b2\b", balance_line), (
    "La línea de balance_eur debe decir qué regla rompe (in_range(…)) y cuántas filas fallan (2); "
    f"dice: {balance_line!r}"
)
### BEGIN HIDDEN TESTS
junk = base_input.copy()
junk["age"] = [object(), None, "treinta", *base_input["age"].iloc[3:]]
junk["has_credit_card"] = "quizá"
try:
    check_input_schema(junk, INPUT_SCHEMA, MODEL_FEATURES)
except ValueError as exc:
    for column in ("age", "has_credit_card"):
        assert column in str(exc), f"El mensaje debe nombrar '{column}'; dice: {str(exc)!r}"
except Exception as exc:
    raise AssertionError(
        "La basura debe acabar en un ValueError en español, no en "
        f"{type(exc).__name__}: {str(exc)[:200]}"
    ) from None
else:
    raise AssertionError(
        "Edades que son objetos o texto y un flag 'quizá' deben lanzar ValueError."
    )
for not_a_frame in (base_input.to_dict(), base_input.to_numpy(), None):
    try:
        check_input_schema(not_a_frame, INPUT_SCHEMA, MODEL_FEATURES)
    except TypeError as exc:
        assert "se espera un pandas.dataframe" in str(exc).lower(), (
            f"El TypeError debe decir, en español, «se espera un pandas.DataFrame»: {str(exc)!r}"
        )
    else:
        raise AssertionError(
            f"Una entrada de tipo {type(not_a_frame).__name__} debe lanzar TypeError."
        )
try:
    check_input_schema(base_input, {"age": "number"}, MODEL_FEATURES)
except TypeError:
    pass
else:
    raise AssertionError("schema debe ser un pandera.DataFrameSchema: con un dict, TypeError.")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-esquema-otro-contrato", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: la misma función sirve para otro esquema pandera: ninguna regla de churn escrita a mano.
import pandera.pandas as pa

orders = pa.DataFrameSchema(
    {
        "order_id": pa.Column(str),
        "amount": pa.Column("float64", pa.Check.ge(0), coerce=True),
    }
)
accepted = check_input_schema(
    pd.DataFrame({"order_id": ["a", "b"], "amount": [1, 2.5], "extra": [0, 0]}), orders, ["amount"]
)
assert list(accepted.columns) == ["amount"] and str(accepted["amount"].dtype) == "float64", (
    "Con otro esquema (pedidos: order_id, amount ≥ 0) debe devolver la columna amount validada."
)
try:
    check_input_schema(pd.DataFrame({"order_id": ["a"], "amount": [-1.0]}), orders, ["amount"])
except ValueError as err:
    assert "amount" in str(err), f"El mensaje debe nombrar 'amount'; dice: {str(err)!r}"
else:
    raise AssertionError("Un importe negativo rompe el esquema de pedidos: debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
looser = INPUT_SCHEMA.update_column("age", checks=[pa.Check.in_range(0, 200)])
elderly = make_churn(n_rows=20, seed=6)
elderly["age"] = 150
try:
    kept = check_input_schema(elderly, looser, MODEL_FEATURES)
except ValueError as exc:
    raise AssertionError(
        "Con un contrato que admite edades hasta 200, una edad de 150 debe pasar: las reglas salen "
        f"de schema, no de tu función. Lanzó: {str(exc)[:200]}"
    ) from None
assert int(kept["age"].iloc[0]) == 150, "Los valores no se tocan."
stricter = INPUT_SCHEMA.update_column("age", checks=[pa.Check.in_range(18, 30)])
try:
    check_input_schema(make_churn(n_rows=20, seed=6), stricter, MODEL_FEATURES)
except ValueError as exc:
    assert "age" in str(exc), f"El mensaje debe nombrar 'age'; dice: {str(exc)!r}"
else:
    raise AssertionError(
        "Con un contrato que solo admite edades de 18 a 30, un lote con edades mayores debe "
        "lanzar ValueError: las reglas salen de schema."
    )
### END HIDDEN TESTS

# %% [markdown]
# Tu validación, **dentro** del pipeline: `FunctionTransformer` convierte una función en el primer
# paso. Así viaja con el artefacto y nadie puede «olvidarse» de llamarla. `check_churn_input` fija
# los argumentos (el contrato del proyecto y las columnas del modelo). El pipeline se entrena con
# una extracción que cumple el contrato: la de la §1, con un 5 % de vacíos y valores extremos, no lo
# cumple, y se rechaza (limpiar datos es trabajo de la etapa `prepare`, no de la frontera del
# modelo). Este es el pipeline robusto que entregarás:


# %%
def check_churn_input(frame):
    """El primer paso del pipeline: tu check_input_schema con el contrato del proyecto."""
    return check_input_schema(frame, INPUT_SCHEMA, MODEL_FEATURES)


train_clean, test_clean = train_test_split(
    clean, test_size=0.25, random_state=SEED, stratify=clean[TARGET]
)
try:
    robust_pipeline = Pipeline(
        [
            ("schema", FunctionTransformer(check_churn_input)),
            *build_churn_pipeline(NUMERIC_FEATURES, FLAG_FEATURES, CATEGORICAL_FEATURES).steps,
        ]
    )
    robust_pipeline.fit(train_clean, train_clean[TARGET])
    robust_proba = robust_pipeline.predict_proba(test_clean)[:, 1]
    robust_status = f"AUC en test: {roc_auc_score(test_clean[TARGET], robust_proba):.3f}"
except NotImplementedError:
    robust_pipeline = None
    robust_status = "resuelve los Ejercicios 1, 2 y 5 y vuelve a ejecutar esta celda"
robust_status

# %%
# Entradas rotas contra el pipeline robusto: cada una, rechazada con tu mensaje.
if robust_pipeline is not None:
    for label, broken_input in {
        "edad como texto, una imposible": test_clean.iloc[:3].assign(age=["treinta", "40", "200"]),
        "sin region ni age": test_clean.iloc[:3].drop(columns=["region", "age"]),
        "la extracción sucia de la §1": test_raw.iloc[:200],
    }.items():
        try:
            robust_pipeline.predict_proba(broken_input)
        except (TypeError, ValueError) as err:
            print(f"{label} → {type(err).__name__}: {err}\n")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 5 h 15 min.*
#
# ## 7. Persistencia: guardar el pipeline sin abrir la puerta a código ajeno
#
# Para desplegar hay que guardar el pipeline entrenado en un archivo. La opción por defecto en
# Python es `pickle` (y `joblib`, que usa `pickle` por debajo con mejor soporte para arrays
# grandes). La documentación de Python lo dice en un recuadro rojo: *«The pickle module is not
# secure. Only unpickle data you trust»*. No es una advertencia teórica: un pickle no guarda datos,
# guarda **instrucciones para reconstruir objetos**, y una instrucción puede ser «llama a esta
# función con estos argumentos».
#
# **Metáfora: el paquete con instrucciones de montaje.** Un `.pkl` es un mueble desmontado con su
# manual. `pickle.load` sigue el manual al pie de la letra, y nadie impide que el paso 3 diga
# «abre la puerta de casa y deja entrar a quien espere fuera».
#
# Una demostración **inofensiva**: un archivo `modelo_churn.pkl` manipulado cuya única acción es
# escribir un archivo de texto. Un atacante pondría `os.system("…")` en el mismo sitio.

# %%
marker = WORKSPACE / "prueba_de_ejecucion.txt"
marker.unlink(missing_ok=True)  # idempotente: empezamos sin la marca
tampered = WORKSPACE / "modelo_manipulado.pkl"
tampered.write_bytes(harmless_pickle_payload(marker))
print("¿Existe la marca antes de cargar?", marker.exists())
loaded = joblib.load(tampered)  # «solo estoy cargando un modelo»…
print("joblib.load devolvió:", loaded)
print(
    "¿Existe la marca después de cargar?", marker.exists(), "→", marker.read_text(encoding="utf-8")
)

# %% [markdown]
# Cargar **ejecutó código** antes de devolver nada. Ni antivirus ni `try/except` lo evitan: cuando
# quieres inspeccionar el objeto, ya ha pasado. Lo que hay dentro se puede leer sin ejecutarlo con
# `pickletools`: fíjate en `builtins exec`.

# %%
pickletools.dis(tampered.read_bytes())

# %% [markdown]
# ### skops: cargar solo los tipos que has revisado
#
# [skops](https://skops.readthedocs.io) guarda los estimadores de scikit-learn en un formato que
# **no ejecuta código arbitrario al cargar**: reconstruye los objetos a partir de una descripción y
# solo instancia tipos que tú declares de confianza. El flujo tiene tres pasos:
#
# 1. `skops.io.dump(pipeline, ruta)` guarda.
# 2. `skops.io.get_untrusted_types(file=ruta)` lista, **sin cargar nada**, los tipos que el archivo
#    necesita y que skops no confía por defecto (tus clases, funciones, algunos tipos de NumPy y
#    SciPy).
# 3. Revisas esa lista (¿conozco cada tipo? ¿lo esperaba?) y cargas con
#    `skops.io.load(ruta, trusted=lista_revisada)`. Si el archivo pide algo que no está en la lista,
#    la carga falla **antes** de crear nada.

# %%
if robust_pipeline is not None:
    scratch_skops = WORKSPACE / "borrador.skops"
    sio.dump(robust_pipeline, scratch_skops)
    found_types = sio.get_untrusted_types(file=scratch_skops)
    try:
        sio.load(scratch_skops)  # sin trusted: skops se niega
    except Exception as err:
        print(f"{type(err).__name__}: {str(err)[:200]}…")
    display_types = pd.Series(found_types, name="tipos que hay que revisar")
else:
    display_types = "resuelve los Ejercicios 1, 2 y 5 y vuelve a ejecutar esta celda"
display_types

# %% [markdown]
# Cada tipo de la lista, revisado: `__main__.QuantileClipper` y `__main__.check_churn_input` son
# **tuyos** (los escribiste en este cuaderno); `SplineTransformer` usa un `BSpline` de SciPy y su
# conversión de arrays; `numpy.dtype` describe el tipo de los arrays. Eso, y nada más, es lo que
# declaramos de confianza. Ojo al prefijo `__main__`: `pickle` y skops guardan **referencias** a
# tus clases, no su código. Cargar el archivo en otro proceso exige poder importar esas clases con
# el mismo nombre; en un proyecto real viven en tu paquete (`src/…`, módulo 01), no en un cuaderno.
# En la §8 lo comprobarás cargando cada archivo en un proceso nuevo.
#
# ### Ejercicio 6 (escalable) · `load_trusted_pipeline`: cargar con una lista revisada
#
# En producción no se revisa la lista a mano en cada despliegue: se revisa **una vez**, se guarda
# junto al modelo y se hace cumplir en código. Tu proyecto ya lo hace: `TRUSTED_TYPES`, en
# `src/churn_project/pipeline.py`, es su **única** lista revisada (tu `QuantileClipper` incluido,
# ahora importable como `churn_project.pipeline.QuantileClipper`), y `load_model` aplica la misma
# regla que vas a escribir antes de que la etapa `train` o la API carguen el modelo. Es el paso «escalable»: una persona revisa una vez y
# cada servicio que carga el modelo, en cada despliegue, aplica esa revisión sin intervención humana. Escribe `load_trusted_pipeline(path, allowed_types)`:
#
# 1. `path` debe ser `str` o `pathlib.Path` → si no, `TypeError`. Si el archivo no existe →
#    `FileNotFoundError` con un mensaje en español que incluya la ruta.
# 2. Obtén los tipos no confiables con `sio.get_untrusted_types(file=path)`. Si el archivo no es un
#    skops válido (por ejemplo, un pickle), skops lanza `zipfile.BadZipFile`: conviértelo en
#    `ValueError` en español (nunca intentes cargarlo de otra manera).
# 3. Si algún tipo **no** está en `allowed_types` → `ValueError` que nombre **todos** esos tipos.
#    No cargues nada.
# 4. Si todos los tipos que necesita están revisados, carga con `sio.load(path, trusted=...)`
#    (esa lista de tipos ya revisada): el pipeline cargado predice exactamente lo mismo que el
#    original. `allowed_types` puede incluir tipos que el archivo no necesita.
# 5. Si lo cargado no es un `Pipeline` de scikit-learn → `TypeError` (un archivo de modelo que no
#    contiene un modelo es un error de despliegue). Si lo es, devuélvelo.
#
# ```text
# load_trusted_pipeline(ruta, REVIEWED_TYPES)         → el Pipeline, que predice igual que el original
# load_trusted_pipeline(ruta, ["numpy.dtype"])        → ValueError: tipos no revisados: __main__.QuantileClipper, …
# load_trusted_pipeline(ruta_a_un_pickle, [...])      → ValueError: … no es un archivo skops válido …
# load_trusted_pipeline(WORKSPACE / "no_existe.skops", [])  → FileNotFoundError
# ```


# %% nbgrader={"grade": false, "grade_id": "carga-segura", "locked": false, "schema_version": 3, "solution": true, "task": false}
import zipfile


def load_trusted_pipeline(path, allowed_types):
    """Carga un Pipeline de un archivo skops si solo necesita tipos de `allowed_types`."""
    ### BEGIN SOLUTION
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path debe ser str o pathlib.Path, no {type(path).__name__}.")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No existe el archivo del modelo: {path}")
    try:
        needed = sio.get_untrusted_types(file=path)
    except zipfile.BadZipFile as err:
        raise ValueError(
            f"{path} no es un archivo skops válido; no se intenta cargar de otra forma."
        ) from err
    allowed = set(allowed_types)
    rejected = [name for name in needed if name not in allowed]
    if rejected:
        raise ValueError(
            f"El archivo {path.name} necesita tipos no revisados: {', '.join(rejected)}. "
            "Revísalos y añádelos a la lista de confianza solo si los conoces."
        )
    model = sio.load(path, trusted=needed)
    if not isinstance(model, Pipeline):
        raise TypeError(
            f"{path.name} contiene un {type(model).__name__}, no un Pipeline de scikit-learn."
        )
    return model
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-carga-confiable", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R4, R5]: con los tipos revisados, carga un Pipeline que predice exactamente igual.
import tempfile

from mlops_course.lessons.m06_pipelines import noise_dataset

X_small, y_small = noise_dataset(n_rows=60, n_features=4, seed=1)
small_pipe = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_small, y_small)
trusted_dir = Path(tempfile.mkdtemp())
small_path = trusted_dir / "pequeno.skops"
sio.dump(small_pipe, small_path)
reviewed = sio.get_untrusted_types(file=small_path)
try:
    reloaded = load_trusted_pipeline(small_path, reviewed)
except NotImplementedError:
    raise
except Exception as err:
    raise AssertionError(
        "load_trusted_pipeline no pudo cargar un archivo skops válido con todos sus tipos "
        f"revisados ({type(err).__name__}: {err}). Usa sio.get_untrusted_types y sio.load, "
        "nunca pickle ni joblib."
    ) from err
assert isinstance(reloaded, Pipeline), (
    f"Debe devolver el Pipeline; devuelve {type(reloaded).__name__}."
)
assert np.array_equal(reloaded.predict_proba(X_small), small_pipe.predict_proba(X_small)), (
    "El pipeline recargado debe predecir EXACTAMENTE lo mismo que el original."
)
### BEGIN HIDDEN TESTS
as_text_path = load_trusted_pipeline(str(small_path), [*reviewed, "algo.que.no.se.usa"])
assert isinstance(as_text_path, Pipeline), (
    "path puede ser un str, y allowed_types puede incluir tipos que el archivo no necesita."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-carga-rechaza", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: un tipo no revisado se rechaza SIN cargar, nombrándolo; y un pickle nunca se ejecuta.
import tempfile

from mlops_course.lessons.m06_pipelines import harmless_pickle_payload, noise_dataset


def shady_step(frame):
    """Una función cualquiera dentro del pipeline: su tipo no está revisado."""
    return frame


X_shady, y_shady = noise_dataset(n_rows=60, n_features=3, seed=2)
shady_pipe = make_pipeline(FunctionTransformer(shady_step), LogisticRegression()).fit(
    X_shady, y_shady
)
shady_dir = Path(tempfile.mkdtemp())
shady_path = shady_dir / "dudoso.skops"
sio.dump(shady_pipe, shady_path)
try:
    load_trusted_pipeline(shady_path, ["numpy.dtype"])
except ValueError as err:
    assert "shady_step" in str(err), (
        f"El mensaje debe nombrar el tipo no revisado (__main__.shady_step); dice: {str(err)!r}"
    )
else:
    raise AssertionError(
        "El archivo necesita __main__.shady_step, que no está en allowed_types: debe lanzar "
        "ValueError sin cargar nada. ¿Estás pasando a trusted todo lo que devuelve get_untrusted_types?"
    )
### BEGIN HIDDEN TESTS
needed_types = sio.get_untrusted_types(file=shady_path)
ok_pipe = load_trusted_pipeline(shady_path, needed_types)
assert isinstance(ok_pipe, Pipeline), "Con todos los tipos revisados, debe cargar."
proof = shady_dir / "ejecutado.txt"
fake_model = shady_dir / "modelo.skops"
fake_model.write_bytes(harmless_pickle_payload(proof))
try:
    load_trusted_pipeline(fake_model, needed_types)
except ValueError:
    pass
except Exception as err:
    raise AssertionError(
        f"Un archivo que no es skops debe dar ValueError, no {type(err).__name__}: {err}"
    ) from err
else:
    raise AssertionError("Un pickle disfrazado de .skops debe lanzar ValueError.")
assert not proof.exists(), (
    "¡Se ejecutó el código del pickle! load_trusted_pipeline nunca debe usar pickle ni joblib."
)


def sneaky_step(frame):
    """Otra función dentro del pipeline: el archivo necesitará dos tipos no revisados."""
    return frame


two_shady = make_pipeline(
    FunctionTransformer(shady_step), FunctionTransformer(sneaky_step), LogisticRegression()
).fit(X_shady, y_shady)
two_path = shady_dir / "dos_dudosos.skops"
sio.dump(two_shady, two_path)
two_needed = sio.get_untrusted_types(file=two_path)
try:
    load_trusted_pipeline(two_path, [])
except ValueError as exc:
    for name in two_needed:
        assert name in str(exc), (
            f"El mensaje debe nombrar TODOS los tipos no revisados ({', '.join(two_needed)}), "
            f"no solo el primero; falta {name}. Dice: {str(exc)!r}"
        )
else:
    raise AssertionError("Con allowed_types vacío debe lanzar ValueError.")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-carga-entradas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R5]: ruta inexistente → FileNotFoundError; ruta de otro tipo → TypeError; no-Pipeline → TypeError.
import tempfile

missing_path = Path(tempfile.mkdtemp()) / "no_existe.skops"
try:
    load_trusted_pipeline(missing_path, [])
except FileNotFoundError as err:
    assert "no_existe.skops" in str(err), f"El mensaje debe incluir la ruta; dice: {str(err)!r}"
else:
    raise AssertionError("Una ruta que no existe debe lanzar FileNotFoundError.")
### BEGIN HIDDEN TESTS
for bad_path in (None, 42, ["modelo.skops"]):
    try:
        load_trusted_pipeline(bad_path, [])
    except TypeError:
        pass
    else:
        raise AssertionError(f"path={bad_path!r} debe lanzar TypeError.")
lonely_dir = Path(tempfile.mkdtemp())
lonely = lonely_dir / "escalador.skops"
sio.dump(StandardScaler().fit(np.arange(6.0).reshape(-1, 2)), lonely)
try:
    load_trusted_pipeline(lonely, sio.get_untrusted_types(file=lonely))
except TypeError as err:
    assert "Pipeline" in str(err), f"El mensaje debe decir que no es un Pipeline: {str(err)!r}"
else:
    raise AssertionError("Un archivo con un StandardScaler suelto no es un Pipeline: TypeError.")
### END HIDDEN TESTS

# %% [markdown]
# ### ADR del módulo: cómo persistimos el pipeline de churn
#
# ```text
# ADR-06-01: Un único Pipeline de scikit-learn como artefacto, persistido con skops (y pickle solo con huella)
#
# CONTEXTO:
# El modelo de churn necesita imputar, recortar, escalar y codificar antes de predecir. Hasta ahora
# el preprocesado vivía en un notebook y el modelo en un .pkl: predicciones distintas según el lote
# (§1) y un archivo que, al cargarse, puede ejecutar cualquier código (§7).
#
# DECISIÓN:
# Todo lo que aprende de los datos va dentro de un único Pipeline, precedido por la validación de
# entrada con el contrato pandera del proyecto (src/churn_project/contract.py: uno solo, el mismo
# de la etapa validate). Se valida con validación cruzada del pipeline completo. Se entrega en
# skops, con la lista de tipos confiables revisada y versionada junto al modelo (en el proyecto,
# TRUSTED_TYPES de src/churn_project/pipeline.py, la única); el .pkl se conserva solo para
# herramientas que lo exigen y siempre se verifica su SHA-256 antes de cargarlo.
#
# CONSECUENCIAS:
# (+) La misma transformación en entrenamiento, validación y producción: sin training/serving skew.
# (+) Cargar un modelo no ejecuta código no revisado; un tipo nuevo rompe la carga, no la seguridad.
# (-) Los transformers propios deben vivir en un paquete importable con el mismo nombre. Mientras
#     vivan en un cuaderno, el .pkl se guarda con cloudpickle (por valor) para que cargue fuera
#     (§8): un apaño con fecha de caducidad, no la arquitectura.
# (-) skops va detrás de scikit-learn en tipos soportados y el archivo puede ser más grande.
# (-) Cambiar de versión de scikit-learn obliga a reentrenar o a revisar la lista de tipos.
#
# ALTERNATIVAS RECHAZADAS:
# - Preprocesado en el ETL y modelo aparte: dos artefactos que deben coincidir y acaban divergiendo.
# - Solo pickle/joblib: ejecuta código al cargar; la huella protege de cambios, no de un origen malicioso.
# - ONNX: portable y sin código, pero exige convertir cada transformer propio; lo reservamos para
#   cuando haya que servir desde otro lenguaje.
# ```

# %% [markdown]
# ## 8. Tu entregable: `pipeline.pkl` robusto (y su gemelo seguro)
#
# El pipeline de la §6 (validación de esquema + preprocesado + modelo), entrenado con los datos de
# entrenamiento, se guarda en los dos formatos. Junto a ellos: la lista de tipos revisada (para
# skops) y la huella SHA-256 (para el `.pkl`). Después se recarga cada uno **como lo haría
# producción** y se comprueba que predice exactamente lo mismo.

# %%
# Lista revisada (§7): cada tipo tiene un motivo. Si tu solución necesita otro, la carga te lo dirá.
REVIEWED_TYPES = [
    "__main__.QuantileClipper",  # tu transformer (Ejercicio 1)
    "__main__.check_churn_input",  # tu validación de entrada (Ejercicio 5) con el contrato
    "numpy.dtype",  # tipo de los arrays guardados
    "scipy.interpolate._bsplines.BSpline",  # las bases de SplineTransformer
    "scipy._lib.array_api_compat.numpy._aliases.asarray",  # conversión de arrays de SciPy
]
pkl_path = WORKSPACE / "pipeline.pkl"
skops_path = WORKSPACE / "pipeline.skops"
sha_path = WORKSPACE / "pipeline.pkl.sha256"
types_path = WORKSPACE / "tipos_confiables.json"

if robust_pipeline is not None:
    with pkl_path.open(
        "wb"
    ) as fh:  # cloudpickle: tus clases de __main__ viajan por valor (ver abajo)
        cloudpickle.dump(robust_pipeline, fh)
    sha_path.write_text(hashlib.sha256(pkl_path.read_bytes()).hexdigest() + "\n", encoding="utf-8")
    sio.dump(robust_pipeline, skops_path)
    types_path.write_text(json.dumps(REVIEWED_TYPES, indent=2) + "\n", encoding="utf-8")
    written = {p.name: p.stat().st_size for p in (pkl_path, skops_path, sha_path, types_path)}
else:
    written = "resuelve los Ejercicios 1, 2 y 5 y vuelve a ejecutar esta celda"
pd.Series(written, name="bytes") if isinstance(written, dict) else written

# %%
# Recarga como producción: skops con la lista revisada (tu Ejercicio 6) y el .pkl solo si la huella coincide.
try:
    from_skops = load_trusted_pipeline(
        skops_path, json.loads(types_path.read_text(encoding="utf-8"))
    )
    expected_sha = sha_path.read_text(encoding="utf-8").strip()
    actual_sha = hashlib.sha256(pkl_path.read_bytes()).hexdigest()
    if actual_sha != expected_sha:
        raise RuntimeError("La huella de pipeline.pkl no coincide: no se carga.")
    from_pickle = pickle.loads(pkl_path.read_bytes())
    reference = robust_pipeline.predict_proba(test_clean)
    reload_check = {
        "skops: predicciones idénticas": bool(
            np.array_equal(from_skops.predict_proba(test_clean), reference)
        ),
        "pkl: predicciones idénticas": bool(
            np.array_equal(from_pickle.predict_proba(test_clean), reference)
        ),
    }
except (NotImplementedError, FileNotFoundError, AttributeError):
    reload_check = "resuelve los Ejercicios 1, 2, 5 y 6 y vuelve a ejecutar esta celda"
reload_check

# %%
# El artefacto recargado también rechaza entradas rotas, con tu mensaje en español.
if isinstance(reload_check, dict):
    for label, broken in {
        "falta is_active_member": test_clean.iloc[:2].drop(columns=["is_active_member"]),
        "balance_eur negativo": test_clean.iloc[:2].assign(balance_eur=-1.0),
    }.items():
        try:
            from_skops.predict_proba(broken)
        except (TypeError, ValueError) as err:
            print(f"{label} → {type(err).__name__}: {err}")
    assert all(reload_check.values()), reload_check
sorted(p.name for p in WORKSPACE.iterdir())

# %% [markdown]
# ### La prueba de verdad: cargar en un proceso nuevo
#
# Todo lo anterior recarga los archivos **en este mismo kernel**, que todavía tiene en memoria
# `QuantileClipper` y `check_churn_input`. El proceso que sirva el modelo (módulo 11) no los
# tendrá. `load_in_fresh_process` arranca un intérprete nuevo (`python -I`: sin el directorio
# actual en `sys.path`), carga el archivo allí y puntúa las mismas filas. Tres archivos:
#
# 1. **`joblib.dump`, lo habitual.** `pickle` guarda la *referencia* `__main__.QuantileClipper`, y
#    el `__main__` del proceso nuevo no la tiene: falla al cargar. Es el fallo clásico de «el modelo
#    funciona en mi cuaderno».
# 2. **`pipeline.skops`.** También guarda referencias: con la lista revisada, skops intenta
#    importar tus tipos y tampoco los encuentra. Es correcto: skops carga lo que **puede importar**.
# 3. **`pipeline.pkl`, el entregable, guardado con [cloudpickle](https://github.com/cloudpipe/cloudpickle).**
#    Las clases y funciones definidas en `__main__` viajan **por valor**: su código va dentro del
#    archivo. Es lo que hace MLflow al guardar modelos `pyfunc` definidos en un cuaderno.
#
# El precio de la opción 3: sigue siendo `pickle` (ejecuta código al cargar; de ahí la huella
# SHA-256) y ata el archivo a tu versión de Python y de scikit-learn. La solución de producción es
# la del módulo 01: tus clases en un **paquete importable** (`src/…`), instalado también en el
# proceso que sirve; entonces `joblib` y skops cargan sin trucos. Lo harás en el módulo 11.

# %%
if isinstance(reload_check, dict):
    by_reference = WORKSPACE / "borrador_por_referencia.pkl"
    joblib.dump(robust_pipeline, by_reference)
    sample = test_clean.head(50)
    expected_proba = robust_pipeline.predict_proba(sample)
    fresh = {
        "1. joblib.dump (por referencia)": load_in_fresh_process(by_reference, sample),
        "2. pipeline.skops (lista revisada)": load_in_fresh_process(
            skops_path, sample, "skops", REVIEWED_TYPES
        ),
        "3. pipeline.pkl (cloudpickle, por valor)": load_in_fresh_process(pkl_path, sample),
    }
    by_reference.unlink()
    fresh_table = pd.DataFrame(
        {
            "carga en un proceso nuevo": {k: "sí" if r.ok else "no" for k, r in fresh.items()},
            "predicciones idénticas": {
                k: r.probabilities is not None and np.array_equal(r.probabilities, expected_proba)
                for k, r in fresh.items()
            },
            "detalle": {k: r.detail for k, r in fresh.items()},
        }
    )
    deliverable = fresh["3. pipeline.pkl (cloudpickle, por valor)"]
    assert deliverable.ok, f"pipeline.pkl no carga en un proceso nuevo: {deliverable.detail}"
else:
    fresh_table = "resuelve los Ejercicios 1, 2, 5 y 6 y vuelve a ejecutar esta celda"
fresh_table

# %% [markdown]
# ### Ayuda de decisión: ¿qué formato para tu caso?
#
# Lo que acabas de ver, como ayuda interactiva. Cambia dónde viven tus clases, si el archivo puede
# venir de fuera, si se sirve fuera de Python o cuánto tiempo debe seguir cargando, y mira cómo
# cambia la recomendación y por qué. Con los valores por defecto (tus clases en el cuaderno, un
# archivo tuyo, un mes) recomienda cloudpickle, con el aviso de que es un apaño; elige «un paquete
# importable» y verás por qué el módulo 11 lo hará así. «Exportar ADR» guarda tu decisión en
# `workspace/06_pipelines_avanzados/adr/`.

# %%
show_aid("model_persistence", "06_pipelines_avanzados")

# %% [markdown]
# ## 9. Cuándo NO usar…
#
# | Herramienta | No la uses cuando… | Alternativa |
# |---|---|---|
# | `Pipeline` de scikit-learn como frontera de preprocesado | las mismas variables alimentan muchos modelos y equipos, o se calculan en *streaming* | un *feature store* o transformaciones en SQL/dbt compartidas; el pipeline solo hace lo específico del modelo |
# | Transformer propio | `FunctionTransformer` basta (una función **sin estado**, como `np.log1p`) o ya existe en scikit-learn / una librería mantenida | `FunctionTransformer`, `SplineTransformer`, `TargetEncoder`… no escribas lo que ya está probado |
# | `FeatureUnion` | cada transformación usa **columnas distintas** | `ColumnTransformer` |
# | Validación cruzada aleatoria (`KFold`) | hay tiempo (predices el futuro) o entidades repetidas (clientes, pacientes, máquinas) | `TimeSeriesSplit`, corte por fecha, `GroupKFold` |
# | `pickle`/`joblib` | el archivo viene de fuera de tu control (descargas, usuarios, un bucket compartido) | skops con tipos revisados; ONNX para servir desde otro lenguaje |
# | cloudpickle (clases por valor) | el modelo sale del prototipo: el archivo queda atado a tu versión de Python y de las librerías, y sigue ejecutando código al cargar | tus clases en un paquete importable (`src/`, módulo 01) y skops o joblib con ese paquete instalado |
# | skops | necesitas servir fuera de Python, o tu modelo usa tipos que skops no sabe reconstruir | ONNX (`skl2onnx`), o el formato nativo del modelo (XGBoost, LightGBM) |
# | Validación de esquema hecha a mano | el contrato crece (rangos, nulos permitidos, unicidad, estadísticas) | pandera o Great Expectations (módulo 08), con tus mensajes en la frontera |
#
# La regla de fondo: **una pieza más es una pieza más que mantener**. Cada una de este módulo se
# justifica por un fallo concreto que hemos provocado; si tu caso no tiene ese fallo, no la
# necesitas.

# %% [markdown]
# ## 10. Respuesta escrita (calificada a mano) · ADR: cómo validar el modelo de churn
#
# El banco te pasa 24 extractos mensuales (enero de 2024 a diciembre de 2025). Cada extracto trae
# una fila por cliente activo, así que casi todos los clientes aparecen muchos meses. El modelo se
# usará el día 1 de cada mes para elegir a quién llama el equipo de retención ese mes. Hay una
# columna `llamado_por_retencion` (1 si el equipo ya le llamó ese mes) y otra `saldo_fin_de_mes`.
#
# Escribe un ADR de **6 a 10 líneas** (CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS
# RECHAZADAS) con tu estrategia de validación: qué *splitter* o cortes usas y por qué, qué
# columnas quitas o conservas y por qué, y qué dos fugas concretas estás evitando.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-validacion", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-06-02: Validación temporal agrupada por cliente para el modelo de churn mensual**
#
# **CONTEXTO:** 24 extractos mensuales con los mismos clientes repetidos; el modelo puntúa el día 1
# de cada mes con lo conocido hasta el cierre del mes anterior.
#
# **DECISIÓN:** Validación *forward*: entrenar con los meses ≤ M y validar con el mes M+1, para
# los 6 últimos meses (6 pliegues, media y desviación). En cada pliegue, los clientes del mes de
# validación que aparecen en entrenamiento solo aportan meses anteriores (ningún mes posterior
# entra nunca). Se quita `llamado_por_retencion` (se decide después de puntuar: fuga del
# objetivo/del propio proceso) y `saldo_fin_de_mes` se usa solo del mes anterior (el del mes en
# curso no se conoce el día 1). Todo el preprocesado dentro del pipeline.
#
# **CONSECUENCIAS:** (+) La métrica imita el despliegue real; evita la fuga temporal y la de
# grupo/futuro. (−) Menos datos por pliegue y métricas más ruidosas; (−) hay que construir las
# variables "a fecha" con cuidado.
#
# **ALTERNATIVAS RECHAZADAS:** `KFold` aleatorio (mezcla meses y repite clientes: inflado);
# `GroupKFold` solo (evita el grupo pero deja entrenar con el futuro).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Fuga temporal.** Entrena con el pasado y valida con lo posterior (corte por fecha,
#   `TimeSeriesSplit` por mes o ventana *forward*), justificado por cómo se usa el modelo (el día 1
#   de cada mes). 0.5 si menciona `TimeSeriesSplit` sin explicar por qué; 0 si usa `KFold`
#   aleatorio.
# - **1 punto · Fuga de grupo y del objetivo.** Identifica que el mismo cliente en varios meses
#   infla la métrica (GroupKFold o el corte temporal con razonamiento sobre clientes repetidos) y
#   que `llamado_por_retencion` no puede usarse (posterior a la decisión). Bien razonado sobre
#   `saldo_fin_de_mes` (solo retrasado un mes) suma hasta completar el punto. 0.5 si solo ve una
#   de las dos fugas.
# - **1 punto · Formato ADR y trade-offs.** Las cuatro secciones, al menos una consecuencia
#   negativa honesta y una alternativa rechazada con su motivo. 0.5 si falta una sección o no hay
#   contras.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 11. Cierre
#
# ### Resumen
#
# - Todo lo que **aprende de los datos** (imputar, recortar, escalar, codificar, seleccionar) va
#   dentro de un `Pipeline`: si vive fuera, las predicciones dependen del lote (§1) y la
#   evaluación se infla (§5).
# - `ColumnTransformer` reparte columnas entre ramas; `FeatureUnion` pone en paralelo varias vistas
#   de las mismas columnas; `set_output(transform="pandas")` y `get_feature_names_out` mantienen
#   los nombres legibles.
# - Un transformer propio cumple un contrato (`__init__` solo guarda, estado con `_`, `validate_data`,
#   `check_is_fitted`, nombres de salida), y `check_estimator` lo homologa en menos de un segundo.
# - Cuatro fugas: preprocesado, objetivo, temporal y grupo. La validación cruzada **del pipeline**
#   y el *splitter* adecuado (`TimeSeriesSplit`, `GroupKFold`) las evitan; la del objetivo solo la
#   evita preguntar «¿lo sabré al predecir?».
# - `pickle`/`joblib` ejecutan código al cargar. skops carga solo tipos revisados; la lista revisada
#   se versiona junto al modelo.
# - El contrato de entrada se comprueba **dentro** del artefacto, con mensajes que quien llama
#   entiende, y es **el** contrato del proyecto: el esquema pandera de `contract.py`, no otro.
# - Una probabilidad no es una decisión: el umbral de 0,5 supone que los dos errores cuestan lo
#   mismo. Con el costo de cada error en un *scorer* (`make_scorer`, `greater_is_better=False`),
#   `TunedThresholdClassifierCV` elige el umbral por validación cruzada, y el test solo mide
#   cuánto ahorra en euros. `GridSearchCV` busca los hiperparámetros por la ruta de pasos
#   (`model__C`), y el ganador va a `params.yaml`, no se queda en el cuaderno.
# - Tu pipeline vive en el proyecto (`src/churn_project/pipeline.py`) y `dvc repro` lo entrena
#   como etapa `train`, con el umbral que minimiza el costo de cada error.
#
# ### Checklist del entregable («`pipeline.pkl` robusto»)
#
# - [ ] Los tests visibles de los seis ejercicios pasan.
# - [ ] `workspace/06_pipelines_avanzados/pipeline.pkl` y `pipeline.skops` existen y, recargados,
#   predicen exactamente lo mismo que el pipeline original (§8).
# - [ ] `pipeline.pkl` carga y predice lo mismo **en un proceso nuevo**, y sabes explicar por qué el
#   `joblib.dump` habitual y el `.skops` no cargan allí mientras tus clases vivan en el cuaderno.
# - [ ] `pipeline.pkl.sha256` y `tipos_confiables.json` existen, y sabes explicar cada tipo de la
#   lista.
# - [ ] El pipeline recargado rechaza una entrada sin una columna o con un valor fuera del contrato
#   con tu mensaje en español.
# - [ ] En `workspace/churn-project/`, `src/churn_project/pipeline.py` tiene tu código, `dvc repro`
#   no tiene nada pendiente y `git log` muestra el commit «módulo 06: …».
# - [ ] Sabes decir cuántos euros por cliente ahorra el umbral elegido frente a 0,5, y
#   `dvc params diff` del último commit del proyecto muestra el `train.C` que eligió tu búsqueda
#   (o sabes por qué no cambió).
# - [ ] Tu ADR de validación nombra al menos dos fugas concretas y cómo las evitas.
#
# ### Autoevaluación
#
# 1. ¿Por qué el cliente de la §1 recibía una nota distinta según el lote? ¿Qué atributo con `_`
#    del `StandardScaler` lo evita?
# 2. `check_estimator` pasa, pero tu transformer recalcula los cuantiles en `transform`. ¿Qué test
#    lo habría detectado y por qué `check_estimator` no?
# 3. Con 1 000 variables de ruido, ¿por qué la selección fuera del pipeline da AUC ≈ 0.9 y dentro
#    ≈ 0.5? ¿Qué cambia si hay 10 variables en vez de 1 000?
# 4. ¿Qué pasa si cargas `pipeline.skops` en otro proceso que no tiene definida `QuantileClipper`?
#    ¿Cómo lo resolverías en un proyecto real?
# 5. ¿Por qué la huella SHA-256 no hace seguro cargar un pickle recibido de un desconocido?
# 6. Si el costo de perder a un cliente sube de 36 € a 100 €, ¿el umbral sube o baja? ¿Por qué
#    no vale elegirlo con la tabla de umbrales sobre el test de la §4?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Media y desviación se recalculaban con el lote; `mean_` y `scale_` se aprenden una vez en
#    `fit`. 2. Uno que entrena con unos datos y transforma otros distintos (el test oculto de
#    `test-clipper-recorta`); `check_estimator` comprueba la API, no tu matemática. 3. Entre 1 000
#    columnas de ruido siempre hay unas pocas que, por azar, se correlacionan con `y` en esas 120
#    filas; si se eligen mirando las filas de validación, ese azar parece señal. Con 10 columnas
#    el azar tiene menos donde elegir y la inflación baja. 4. Falla al reconstruir el tipo
#    `__main__.QuantileClipper`; se mueve la clase a un paquete instalable (`src/…`) y se
#    reentrena. 5. La huella prueba que el archivo no cambió desde que **tú** la calculaste; no dice
#    nada de quién lo creó ni de lo que hace al cargarse. 6. Baja (hacia 6 / 106 ≈ 0,06 con
#    probabilidades calibradas): perder a un cliente es aún más caro que una oferta de más. Elegir
#    con el test es otra fuga: el umbral se ajusta a esos clientes y el costo medido sale optimista.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [Pipeline](../18_glosario/18_glosario.ipynb#pipeline-sklearn) ·
# [ColumnTransformer](../18_glosario/18_glosario.ipynb#column-transformer) ·
# [FeatureUnion](../18_glosario/18_glosario.ipynb#feature-union) ·
# [transformer](../18_glosario/18_glosario.ipynb#transformer) ·
# [estimador](../18_glosario/18_glosario.ipynb#estimador) ·
# [`fit`/`transform`](../18_glosario/18_glosario.ipynb#fit-transform) ·
# [training/serving skew](../18_glosario/18_glosario.ipynb#training-serving-skew) ·
# [fuga de datos (data leakage)](../18_glosario/18_glosario.ipynb#fuga-datos) ·
# [target encoding](../18_glosario/18_glosario.ipynb#target-encoding) ·
# [validación cruzada](../18_glosario/18_glosario.ipynb#validacion-cruzada) ·
# [`GroupKFold`](../18_glosario/18_glosario.ipynb#groupkfold) ·
# [`TimeSeriesSplit`](../18_glosario/18_glosario.ipynb#timeseriessplit) ·
# [serialización](../18_glosario/18_glosario.ipynb#serializacion) ·
# [pickle](../18_glosario/18_glosario.ipynb#pickle) ·
# [skops](../18_glosario/18_glosario.ipynb#skops) ·
# [tipos confiables](../18_glosario/18_glosario.ipynb#tipos-confiables) ·
# [SHA-256](../18_glosario/18_glosario.ipynb#sha-256) ·
# [contrato de datos](../18_glosario/18_glosario.ipynb#contrato-datos) ·
# [umbral de decisión](../18_glosario/18_glosario.ipynb#umbral-decision) ·
# [*scorer*](../18_glosario/18_glosario.ipynb#scorer) ·
# [búsqueda de hiperparámetros](../18_glosario/18_glosario.ipynb#busqueda-hiperparametros).
#
# ### Para saber más
#
# - scikit-learn. *User Guide: Pipelines and composite estimators* y *Common pitfalls and
#   recommended practices* (sección *Data leakage*).
# - scikit-learn. *Developing scikit-learn estimators* (el contrato de `BaseEstimator`,
#   `check_estimator`).
# - scikit-learn. *Model persistence* (pickle, joblib, skops, ONNX y sus riesgos).
# - skops. *Secure persistence with skops* (`skops.io`, `get_untrusted_types`).
# - Python. *pickle — Python object serialization* (el aviso de seguridad).
# - T. Hastie, R. Tibshirani, J. Friedman (2009). *The Elements of Statistical Learning*, 2.ª ed.,
#   sección 7.10.2.
# - S. Kaufman, S. Rosset, C. Perlich, O. Stitelman (2012). *Leakage in Data Mining: Formulation,
#   Detection, and Avoidance*. ACM TKDD.
#
# **Siguiente:** Módulo 07 · Experiment tracking con MLflow: cada variante de la §3 será un *run*
# registrado, con sus parámetros, métricas y el pipeline como artefacto.
