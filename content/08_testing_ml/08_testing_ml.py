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
# # Módulo 08 · Testing para ML
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 3 · El pipeline de modelado (semanas 7–9) |
# | **Tiempo estimado** | ≈ 4 h 55 min: lectura y demos 90 min, ejercicios 175 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00 (cómo funcionan los ejercicios); pandas y scikit-learn a nivel de `Pipeline.fit`/`predict_proba` (módulo 06). No hace falta haber usado pytest. |
# | **Entregable** | En tu proyecto `workspace/churn-project/`: los tests de datos `tests/test_data_contract.py`, las propiedades del modelo `tests/test_properties.py`, la puerta de regresión `src/churn_project/gate.py` (con su tolerancia en `params.yaml`) y la suite del proyecto con cobertura ≥ 80 % de `src/churn_project` |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Situar** cada riesgo de un sistema de ML en su capa de tests (unitario, integración, datos,
#    modelo) y decidir cuáles bloquean un despliegue (§2 y respuesta escrita).
# 2. **Escribir** tests unitarios con pytest que detectan fallos reales en las fronteras, y
#    **medir** su calidad con mutantes (Ejercicio 1, autocalificado).
# 3. **Probar** el contrato de datos del proyecto (pandera): que acepta lotes legítimos y rechaza,
#    nombrando la columna, los que rompen los mandos del generador (Ejercicio 2, en tu proyecto).
# 4. **Medir** la conducta de un modelo: invariancia al atributo sensible y expectativa direccional
#    (Ejercicio 3), y **leer** un test de funcionalidad mínima (§6).
# 5. **Encontrar** con hypothesis el caso límite que no se te ocurrió, con una propiedad del
#    modelo de tu proyecto (§7 y Ejercicio 4).
# 6. **Medir** la cobertura de una suite y **explicar** qué no demuestra ese número (§8).
# 7. **Bloquear** un reentrenamiento peor que el modelo en producción con una puerta de regresión
#    sobre el registro de MLflow, dentro de la suite de tu proyecto (Ejercicio 5).
#
# > **Mentalidad Senior (Fase 3):** Un modelo sin tests es una bomba de tiempo en producción.
#
# ### Tu proyecto
#
# Este módulo añade la capa de **tests** a tu proyecto `workspace/churn-project/`: los tests de
# datos que escribes en el Ejercicio 2, las propiedades del Ejercicio 4, la puerta de regresión
# del Ejercicio 5 y la suite del
# proyecto (datos, modelo y sistema) con la cobertura medida por pytest-cov, que falla por debajo
# del 80 %.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("08_testing_ml")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en el módulo 00: ejecuta las celdas en orden (`Shift+Enter`), resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las **celdas de test** de debajo; si no imprimen ningún
# error, pasan. Al calificar se añaden tests ocultos. Todo lo que escribe este módulo va a tu
# carpeta de trabajo `workspace/08_testing_ml/`.
#
# En este módulo hay una novedad: en dos ejercicios **los tests los escribes tú**. Tus funciones
# `test_*` se copian a un archivo real de tu carpeta de trabajo y pytest ejecuta ese archivo
# contra la versión correcta del código y contra versiones con fallos introducidos a propósito
# (*mutantes*). Tu suite aprueba si pasa con la correcta y **se pone en rojo** con cada
# versión rota.
#
# El cuaderno parte de tu proyecto `workspace/churn-project/` con las capas de los módulos 05 a 07.
# Si le falta alguna (o no existe), usa el **proyecto de referencia** después del módulo 07 y te
# dice por qué; tu proyecto no se borra nunca: se aparta como `churn-project.respaldo-N`.
#
# La primera celda de código son los parámetros (la integración continua usa menos clientes).

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # clientes sintéticos para entrenar el modelo
SEED = 42  # semilla: los mismos datos y el mismo modelo en cada ejecución
# True: empezar desde el proyecto de referencia (el tuyo se aparta como respaldo, no se borra).
RESET_PROJECT = False
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)

# %%
import contextlib
import inspect
import os
import subprocess
import sys
import time
from numbers import Real

import ipytest
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from IPython.display import display
from mlflow import MlflowClient
from sklearn.metrics import roc_auc_score

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.contract import load_contract
from mlops_course.lessons.common import git, isolated_env, make_churn
from mlops_course.lessons.common.churn import REGIONS
from mlops_course.lessons.m08_mltesting import (
    AGE_BAND_BUGS,
    SILENT_RATIO_BUG,
    as_churn_dtypes,
    minimum_functionality_cases,
    run_suite,
    train_churn_model,
)
from mlops_course.lessons.m08_mltesting.churn_features import (
    AGE_MAX,
    AGE_MIN,
    REQUIRED_COLUMNS,
    add_features,
    age_band,
    balance_salary_ratio,
    products_per_year,
)
from mlops_course.lessons.m08_mltesting.contract_suite import (
    CONTRACT_BUGS,
    CONTRACT_TEST_FILE,
    run_contract_suite,
)
from mlops_course.lessons.m08_mltesting.gate import (
    CHALLENGER,
    CHAMPION,
    GateResult,
    add_gate_params,
    load_gate,
    read_gate_params,
    write_gate,
)
from mlops_course.lessons.m08_mltesting.property_suite import (
    PIPELINE_BUGS,
    PROPERTY_TEST_FILE,
    run_property_suite,
)
from mlops_course.lessons.m08_mltesting.suite import load_variant
from mlops_course.machinery.workspace import module_workspace, workspace_root

# Tu proyecto: el tuyo si tiene las capas 05-07; si no, el de referencia (te dice cuál y por qué).
ROOT = workspace_root()
state = ensure_project(
    "08_testing_ml", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
# La capa 08 de referencia (configuración de pytest-cov y tests de sistema), salvo lo que escribes
# tú (Ejercicios 2, 4 y 5) y tu params.yaml, al que solo se añade la sección «gate» si no la tiene.
apply_layer(
    PROJECT,
    "08",
    exclude=(
        f"tests/{CONTRACT_TEST_FILE}",
        f"tests/{PROPERTY_TEST_FILE}",
        "src/churn_project/gate.py",
        "params.yaml",
    ),
)
add_gate_params(PROJECT)
# Tu carpeta de trabajo para este módulo (se crea si no existe).
WORKSPACE = module_workspace("08_testing_ml")
# pytest cargará solo los plugins que pidamos: arranca antes y sin avisos de plugins ajenos.
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
# hypothesis: caché en tu carpeta de trabajo (nunca junto al cuaderno), sin base de ejemplos y
# con los mismos casos en cada ejecución.
set_hypothesis_home_dir(WORKSPACE / ".hypothesis")
settings.register_profile("curso", database=None, derandomize=True, deadline=None)
settings.load_profile("curso")
WORKSPACE

# %% [markdown]
# ## 1. El problema: el código no falla, el modelo se equivoca en silencio
#
# En software clásico un fallo suele hacer ruido: una excepción, un 500, un test en rojo. En ML,
# los fallos más caros **no lanzan ninguna excepción**: el pipeline recibe datos algo distintos,
# los transforma sin quejarse y devuelve probabilidades perfectamente formadas… y equivocadas.
#
# Lo vemos con el ejemplo del curso. Entrenamos un modelo de churn sencillo (imputar, escalar,
# *one-hot* y regresión logística; el pipeline completo es el del módulo 06) y puntuamos el lote
# de clientes del mes siguiente dos veces: tal cual, y tras **dos accidentes reales de
# integración**: el sistema de origen empieza a mandar la región en mayúsculas y el saldo en
# céntimos.

# %%
# Datos de entrenamiento y el lote del mes siguiente (mismo generador, otra semilla).
train = make_churn(n_rows=N_CUSTOMERS, seed=SEED)
batch = make_churn(n_rows=N_CUSTOMERS, seed=SEED + 1)
model = train_churn_model(train)

# Dos accidentes de integración: región en mayúsculas y saldo en céntimos.
broken = batch.copy()
broken["region"] = broken["region"].astype(str).str.upper().astype("category")
broken["balance_eur"] = broken["balance_eur"] * 100

scores = {}
for name, frame in {"lote correcto": batch, "lote con accidentes": broken}.items():
    proba = model.predict_proba(frame)[:, 1]  # ¡ninguna excepción!
    scores[name] = {
        "AUC": roc_auc_score(frame["churned"], proba),
        "clientes marcados (p ≥ 0.5)": float((proba >= 0.5).mean()),
        "tasa real de churn": float(frame["churned"].mean()),
    }
silent = pd.DataFrame(scores).T.round(3)
silent

# %% [markdown]
# Ni un aviso. El `OneHotEncoder` ignora la región desconocida (`handle_unknown="ignore"`, lo que
# se suele querer en producción) y el escalador acepta saldos cien veces mayores. La AUC cae y el
# modelo marca a muchos más clientes de los que de verdad se van.
#
# **Cuánto cuesta (principio 5).** Con los supuestos del módulo 00 (cartera de 50 000 clientes,
# 6 € por contacto de retención), cada punto de clientes marcados de más es dinero tirado en
# llamadas, cada mes que nadie lo note:

# %%
# Supuestos del módulo 00 (cámbialos por los de tu empresa); la cartera se puntúa cada mes.
PORTFOLIO_CUSTOMERS = 50_000
CONTACT_COST_EUR = 6
extra_flagged = (
    silent.loc["lote con accidentes", "clientes marcados (p ≥ 0.5)"]
    - silent.loc["lote correcto", "clientes marcados (p ≥ 0.5)"]
)
extra_contacts = extra_flagged * PORTFOLIO_CUSTOMERS
print(
    f"Clientes marcados de más: {extra_contacts:,.0f} al mes → "
    f"{extra_contacts * CONTACT_COST_EUR:,.0f} € de llamadas inútiles al mes."
)

# %% [markdown]
# Un test de datos de diez líneas (§5) habría parado ese lote **antes** de puntuarlo. Ese es el
# argumento de este módulo: los tests de ML no sustituyen a los de software, **se suman** a ellos
# porque en ML hay dos cosas más que pueden romperse sin hacer ruido: los datos y el modelo.
#
# ⏱ *Tiempo estimado hasta aquí: 20 min.*

# %% [markdown]
# ## 2. Las capas de testing para ML
#
# El índice de la guía pide cuatro capas, de la más barata a la más cara («Unit vs Integration vs
# **Data Tests vs Model Tests**»), y una quinta técnica que las atraviesa. La clasificación sigue a
# Breck et al. (2017, *The ML Test Score*), que separa tests de datos, de modelo y de
# infraestructura, y a Ribeiro et al. (2020, *CheckList*) para los tests de conducta.
#
# ```mermaid
# flowchart BT
#     U["1 · Unitarios<br/>funciones puras: age_band, balance_salary_ratio<br/>milisegundos · en cada commit"]
#     I["2 · Integración<br/>pipeline fit → predict → guardar → cargar<br/>segundos · en cada commit"]
#     D["3 · Datos<br/>contrato pandera del lote de entrada<br/>segundos · en cada lote y antes de entrenar"]
#     M["4 · Modelo<br/>conducta: invariancia, dirección, mínimos<br/>segundos a minutos · en cada reentrenamiento"]
#     P(["Propiedades (hypothesis):<br/>genera cientos de casos"])
#     C(["Cobertura (coverage.py):<br/>¿qué código no ejecutó ningún test?"])
#     U --> I --> D --> M
#     P -.-> U
#     P -.-> D
#     C -.-> U
#     C -.-> I
# ```
#
# | Capa | Qué protege | Ejemplo en el churn | Cuándo corre | Si falla… |
# |---|---|---|---|---|
# | Unitaria | la lógica de una función | `age_band(30) == "30-44"` | cada commit (CI) | no se fusiona el cambio |
# | Integración | que las piezas encajan | el pipeline entrena, predice, se guarda y se recarga igual | cada commit (CI) | no se fusiona |
# | Datos | que la entrada cumple el contrato | ninguna región fuera de las cinco conocidas | cada lote, antes de entrenar y de puntuar | el lote se para y avisa |
# | Modelo | que el modelo se comporta con sentido | cambiar el género no cambia la predicción | cada reentrenamiento | el modelo no se promociona |
# | Propiedades | invariantes para *cualquier* entrada | la banda de edad contiene a la edad | con los unitarios | ídem |
#
# **Metáfora: un avión antes de volar.** Cada pieza se prueba en el banco (unitarios), el motor
# montado se prueba en tierra (integración), el combustible se analiza antes de cargarlo (datos) y
# el avión hace un vuelo de prueba con maniobras conocidas (modelo). Nadie aceptaría un avión cuyo
# único test es «el motor arranca»; muchos modelos llegan a producción con solo «`fit` no lanzó
# ninguna excepción».
#
# **La pirámide.** Muchos tests baratos abajo, pocos caros arriba. Un test de modelo que reentrena
# tarda segundos o minutos; un unitario, milisegundos. Si todo se prueba arriba, la CI tarda
# media hora y nadie la ejecuta (la mentalidad de la Fase 4).
#
# ⏱ *Tiempo estimado hasta aquí: 30 min.*

# %% [markdown]
# ## 3. Tests unitarios con pytest
#
# Empezamos por la capa de abajo. El módulo que vamos a probar, `churn_features`, tiene cuatro
# funciones de *feature engineering* para el churn. Es código **dado**: tú no lo escribes, lo
# pruebas. Esta es la primera:

# %%
print(inspect.getsource(age_band))

# %% [markdown]
# Un test de pytest es una función cuyo nombre empieza por `test_` y que usa `assert`. Tres
# herramientas cubren casi todo:
#
# - `assert valor == esperado, "mensaje"`: pytest muestra los dos lados si falla.
# - `with pytest.raises(ValueError):` el bloque **debe** lanzar esa excepción.
# - `@pytest.mark.parametrize("entrada, esperado", [...])`: el mismo test con una tabla de casos;
#   cada fila cuenta como un test.
#
# Dentro del cuaderno, `ipytest` ejecuta con pytest las funciones `test_*` que defines en él.
# Probemos un primer test, de los que se escriben con prisa:


# %%
def test_demo_edad_tipica():
    """Un cliente de 35 años está en la banda 30-44."""
    assert age_band(35) == "30-44"


def test_demo_edad_mayor():
    """Un cliente de 70 años está en la banda 60+."""
    assert age_band(70) == "60+"


# -k selecciona solo los tests de esta demo; no:cacheprovider evita escribir .pytest_cache.
ipytest.run("-q", "-p", "no:cacheprovider", "-k", "test_demo")

# %% [markdown]
# Verde. ¿Significa algo? **¿Quién vigila a los tests?** La respuesta de la industria son los
# **mutantes** (*mutation testing*, con herramientas como mutmut o cosmic-ray): se introduce un
# fallo pequeño en el código (cambiar `<` por `<=`, borrar una validación) y se vuelve a ejecutar
# la suite. Si sigue en verde, el mutante **sobrevive**: hay un fallo que tus tests no ven.
#
# `run_suite` (del paquete del curso) hace exactamente eso: copia tus funciones de test a un
# archivo real, `tests/<nombre>.py`, y ejecuta pytest sobre él (una sesión por versión, con
# imports frescos; `in_process=False` lo hace en un proceso aparte) contra la versión correcta de
# `churn_features` y contra cada versión rota. Las dos versiones rotas visibles están
# en `AGE_BAND_BUGS`:

# %%
for name, source in AGE_BAND_BUGS.items():
    print(f"# ---- mutante «{name}» ----{source}")

# %%
weak = run_suite(
    [test_demo_edad_tipica, test_demo_edad_mayor],
    WORKSPACE / "demo_suite_debil",
    variants=AGE_BAND_BUGS,
    test_file="test_demo.py",
)
weak.table()

# %% [markdown]
# Los dos mutantes sobreviven: la suite pasa igual con el código roto. Los fallos viven en las
# **fronteras** (29/30, 17/18) y en las **entradas inválidas**, justo donde un test «de ejemplo»
# no mira. La técnica clásica se llama **análisis de valores frontera**: por cada límite de la
# especificación, un caso justo a cada lado.
#
# Así queda el archivo que `run_suite` escribió (la cabecera de imports es siempre la misma):

# %%
print(weak.test_file.read_text(encoding="utf-8"))

# %% [markdown]
# ### Ejercicio 1 (funcional) · Tests que detectan fallos en `age_band`
#
# Escribe en la celda de respuesta **funciones de test** para `age_band` y ponlas en la lista
# `AGE_BAND_TESTS`. La especificación (el *docstring* de arriba) es:
#
# | Entrada | Resultado |
# |---|---|
# | entero de 18 a 29 | `"18-29"` |
# | entero de 30 a 44 | `"30-44"` |
# | entero de 45 a 59 | `"45-59"` |
# | entero de 60 a 120 | `"60+"` |
# | entero menor que 18 o mayor que 120 | `ValueError` |
# | cualquier cosa que no sea un entero: `30.0`, `30.5`, `"30"`, `None`, `True` | `TypeError` |
#
# La calificación ejecuta tu suite contra la `age_band` correcta, contra los dos mutantes
# visibles (`AGE_BAND_BUGS`) y contra **doce mutantes ocultos**, cada uno con un único fallo que
# viola una línea de la tabla. Tu suite debe cumplir:
#
# 1. Pasa **entera** con la `age_band` correcta. Cada test es una función `test_*`
#    **autocontenida**: en el archivo solo existen los nombres de la cabecera que acabas de ver
#    (`pytest`, `math`, `contextlib`, `np`, `pd`, `given`, `st` y los nombres de `churn_features`);
#    no uses variables del cuaderno (tampoco una lista de casos definida fuera de la función). No
#    uses `skip` ni `xfail`.
# 2. pytest cuenta **al menos seis** tests (como mínimo, uno por fila de la tabla): usa
#    `@pytest.mark.parametrize` (cada fila cuenta como un test) o varias funciones. Un bucle dentro
#    de un único test cuenta como un solo test.
# 3. Se pone en rojo si está mal **cualquier frontera entre bandas**: prueba un caso justo a cada
#    lado de cada límite (la última edad de una banda y la primera de la siguiente).
# 4. Se pone en rojo si está mal **un extremo del rango**: la edad mínima y la máxima son válidas
#    (dan su banda), y la anterior a la mínima y la siguiente a la máxima lanzan `ValueError`.
# 5. Se pone en rojo si `age_band` **acepta algo que no es un entero**: cada entrada de la última
#    fila de la tabla debe lanzar `TypeError` (ojo: `30.0` tiene valor entero y `True` es un `int`
#    para Python).
#
# La forma de la respuesta, con un único caso (el resto es tuyo):
#
# ```python
# @pytest.mark.parametrize("age, band", [(35, "30-44")])
# def test_age_band_forma(age, band):
#     assert age_band(age) == band
#
#
# AGE_BAND_TESTS = [test_age_band_forma]
# ```
#
# Pista: recorre la tabla y pregúntate, para cada fila, «¿qué valor justo al lado del límite
# demostraría que está mal implementada?».


# %% nbgrader={"grade": false, "grade_id": "tests-age-band", "locked": false, "schema_version": 3, "solution": true, "task": false}
# Tus tests de age_band (funciones test_* autocontenidas) y la lista AGE_BAND_TESTS.
### BEGIN SOLUTION
@pytest.mark.parametrize(
    "age, expected",
    [
        (18, "18-29"),
        (29, "18-29"),
        (30, "30-44"),
        (44, "30-44"),
        (45, "45-59"),
        (59, "45-59"),
        (60, "60+"),
        (120, "60+"),
    ],
)
def test_age_band_fronteras(age, expected):
    """A cada lado de cada límite, la banda de la especificación."""
    assert age_band(age) == expected


@pytest.mark.parametrize("age", [17, 121, 0, -5])
def test_age_band_fuera_de_rango(age):
    """Edades imposibles: ValueError."""
    with pytest.raises(ValueError):
        age_band(age)


@pytest.mark.parametrize("age", [30.0, 30.5, "30", None, True])
def test_age_band_tipo_incorrecto(age):
    """Todo lo que no es un entero, bool incluido: TypeError."""
    with pytest.raises(TypeError):
        age_band(age)


AGE_BAND_TESTS = [
    test_age_band_fronteras,
    test_age_band_fuera_de_rango,
    test_age_band_tipo_incorrecto,
]
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-tests-age-band-correcta", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: tu suite pasa entera con la age_band correcta, con seis casos o más.
import re

from mlops_course.lessons.m08_mltesting import run_suite
from mlops_course.machinery.workspace import module_workspace

ws = module_workspace("08_testing_ml")
reference_run = run_suite(AGE_BAND_TESTS, ws / "ejercicio1", test_file="test_age_band.py")
reference = reference_run.reference
assert reference.green, (
    "Tu suite falla con la age_band CORRECTA; un test que falla con código correcto es un test "
    f"roto. Fallos: {reference_run.failures()}. ¿Usas variables del cuaderno (o una lista de "
    "casos definida fuera de la función) o una expectativa que no está en la especificación?"
)
assert reference.count("passed") >= 6, (
    f"Solo pasan {reference.count('passed')} casos: la especificación tiene seis filas y cada "
    "una necesita al menos un caso. Usa parametrize (cada fila cuenta como un test) o varias "
    "funciones: un bucle dentro de un único test cuenta como uno solo."
)
### BEGIN HIDDEN TESTS
assert reference.count("skipped") == 0, (
    "Tu suite se salta tests (skip/xfail): un test saltado no protege nada; quítalos."
)
suite_text = reference_run.test_file.read_text(encoding="utf-8")
assert not re.search(r"pytest\.(mark\.)?(skip|skipif|xfail|importorskip)\b", suite_text), (
    "Tu suite usa skip o xfail: un test marcado así no protege nada (un xfail que falla con un "
    "mutante no pone la suite en rojo); quita esas marcas."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-tests-age-band-fronteras", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: cada age_band con una frontera entre bandas mal pone tu suite en rojo.
from mlops_course.lessons.m08_mltesting import AGE_BAND_BUGS, run_suite
from mlops_course.machinery.workspace import module_workspace

ws = module_workspace("08_testing_ml")
visible_run = run_suite(
    AGE_BAND_TESTS,
    ws / "ejercicio1",
    variants={"frontera-30": AGE_BAND_BUGS["frontera-30"]},
    test_file="test_age_band.py",
)
assert visible_run.reference.green, (
    f"Tu suite falla con la versión correcta: {visible_run.failures()}"
)
assert not visible_run.survivors(), (
    "Sobrevive el mutante «frontera-30» (un cliente de 30 años cae en '18-29'): ningún test tuyo "
    "falla con él. Léelo arriba (AGE_BAND_BUGS) y añade el caso frontera que lo delataría."
)
### BEGIN HIDDEN TESTS
_TEMPLATE = """
def age_band(age):
    if isinstance(age, bool) or not isinstance(age, Integral):
        raise TypeError("age debe ser un entero.")
    if age < 18 or age > 120:
        raise ValueError("age fuera de rango.")
    if age {op30} {b30}:
        return "18-29"
    if age {op45} {b45}:
        return "30-44"
    if age {op60} {b60}:
        return "45-59"
    return "60+"
"""
_OK = {"op30": "<", "b30": 30, "op45": "<", "b45": 45, "op60": "<", "b60": 60}
_HIDDEN = {
    "frontera-29": {"b30": 29},
    "frontera-44": {"b45": 44},
    "frontera-45": {"op45": "<="},
    "frontera-59": {"b60": 59},
    "frontera-60": {"op60": "<="},
}
hidden_bugs = {name: _TEMPLATE.format(**{**_OK, **change}) for name, change in _HIDDEN.items()}
hidden_run = run_suite(
    AGE_BAND_TESTS, ws / "ejercicio1_oculto", variants=hidden_bugs, test_file="test_age_band.py"
)
hints = {
    "frontera-29": "29 debe dar '18-29' (la última edad de la primera banda)",
    "frontera-44": "44 debe dar '30-44' (y 45, '45-59')",
    "frontera-45": "45 debe dar '45-59' (y 44, '30-44')",
    "frontera-59": "59 debe dar '45-59' (y 60, '60+')",
    "frontera-60": "60 debe dar '60+' (y 59, '45-59')",
}
missed = hidden_run.survivors()
assert not missed, "Mutantes ocultos de frontera que sobreviven: " + "; ".join(
    f"{name} → {hints[name]}" for name in missed
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-tests-age-band-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R4, R5]: cada age_band con un extremo del rango o un tipo mal la pone en rojo.
from mlops_course.lessons.m08_mltesting import AGE_BAND_BUGS, run_suite
from mlops_course.machinery.workspace import module_workspace

ws = module_workspace("08_testing_ml")
visible_run = run_suite(
    AGE_BAND_TESTS,
    ws / "ejercicio1",
    variants={"acepta-menores": AGE_BAND_BUGS["acepta-menores"]},
    test_file="test_age_band.py",
)
assert visible_run.reference.green, (
    f"Tu suite falla con la versión correcta: {visible_run.failures()}"
)
assert not visible_run.survivors(), (
    "Sobrevive el mutante «acepta-menores» (sin límite inferior): ningún test tuyo falla con él. "
    "Léelo arriba (AGE_BAND_BUGS) y añade el caso inválido que lo delataría."
)
### BEGIN HIDDEN TESTS
_TEMPLATE = """
def age_band(age):
    if {type_check}:
        raise TypeError("age debe ser un entero.")
    if age < {low} or {high_check}:
        raise ValueError("age fuera de rango.")
    if age < 30:
        return "18-29"
    if age < 45:
        return "30-44"
    if age < 60:
        return "45-59"
    return "60+"
"""
_OK = {
    "type_check": "isinstance(age, bool) or not isinstance(age, Integral)",
    "low": "18",
    "high_check": "age > 120",
}
_INTEGRAL_FLOAT = (
    "isinstance(age, bool) or not (isinstance(age, Integral) "
    "or (isinstance(age, float) and age.is_integer()))"
)
_HIDDEN = {
    "limite-17": {"low": "17"},
    "minimo-19": {"low": "19"},
    "sin-maximo": {"high_check": "False"},
    "maximo-119": {"high_check": "age > 119"},
    "acepta-float": {"type_check": "isinstance(age, bool) or not isinstance(age, (int, float))"},
    "acepta-float-entero": {"type_check": _INTEGRAL_FLOAT},
    "acepta-bool": {"type_check": "not isinstance(age, Integral)"},
}
hidden_bugs = {name: _TEMPLATE.format(**{**_OK, **change}) for name, change in _HIDDEN.items()}
hidden_run = run_suite(
    AGE_BAND_TESTS, ws / "ejercicio1_oculto", variants=hidden_bugs, test_file="test_age_band.py"
)
hints = {
    "limite-17": "17 debe lanzar ValueError (justo debajo del mínimo)",
    "minimo-19": "18 debe dar '18-29' (la edad mínima es válida)",
    "sin-maximo": "121 debe lanzar ValueError (justo encima del máximo)",
    "maximo-119": "120 debe dar '60+' (la edad máxima es válida)",
    "acepta-float": "30.5 debe lanzar TypeError",
    "acepta-float-entero": "30.0 debe lanzar TypeError (un float con valor entero no es un entero)",
    "acepta-bool": "True debe lanzar TypeError (bool es subclase de int)",
}
missed = hidden_run.survivors()
assert not missed, "Mutantes ocultos de rango o tipo que sobreviven: " + "; ".join(
    f"{name} → {hints[name]}" for name in missed
)
### END HIDDEN TESTS

# %% [markdown]
# Mira la tabla de tu suite contra los mutantes visibles: así se lee un informe de *mutation
# testing*. Un mutante «detectado» es un fallo que tu CI pararía.

# %%
try:
    run_suite(
        AGE_BAND_TESTS,
        WORKSPACE / "ejercicio1",
        variants=AGE_BAND_BUGS,
        test_file="test_age_band.py",
    ).table()
except NameError:
    print("Resuelve el Ejercicio 1 y vuelve a ejecutar esta celda.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 10 min.*
#
# ## 4. Tests de integración: que las piezas encajen
#
# Un test unitario prueba una función aislada; uno de **integración** prueba que varias piezas
# funcionan juntas: el pipeline entrena con datos reales (nulos incluidos), predice con la forma
# correcta y, tras guardarlo y cargarlo (lo que hará la API del módulo 11), da **exactamente** las
# mismas probabilidades. Son más lentos; por eso usan pocos datos y pocos casos.


# %%
def test_integracion_pipeline_entrena_y_predice():
    """Con nulos en la entrada, el pipeline predice una probabilidad válida por cliente."""
    data = make_churn(n_rows=400, seed=1, missing_rate=0.05)
    fitted = train_churn_model(data)
    proba = fitted.predict_proba(data)
    assert proba.shape == (400, 2)
    assert np.all((proba >= 0) & (proba <= 1))
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_integracion_guardar_y_cargar(tmp_path):
    """El modelo recargado da las mismas probabilidades (tmp_path: carpeta temporal de pytest)."""
    import pickle

    data = make_churn(n_rows=400, seed=2)
    fitted = train_churn_model(data)
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(fitted))
    reloaded = pickle.loads(path.read_bytes())
    assert np.array_equal(fitted.predict_proba(data), reloaded.predict_proba(data))


ipytest.run("-q", "-p", "no:cacheprovider", "-k", "test_integracion")

# %% [markdown]
# `tmp_path` es una **fixture** de pytest: un argumento que pytest rellena por ti (aquí, una
# carpeta temporal nueva para cada test). Las fixtures son la forma de compartir preparación entre
# tests sin variables globales. Usamos `pickle` por brevedad; el módulo 06 explica por qué en
# producción preferimos `skops` (cargar un pickle ajeno ejecuta código arbitrario).
#
# ## 5. Tests de datos: el contrato del proyecto, probado
#
# El accidente de la §1 no era un bug del código: eran **datos** que violaban un contrato. Tu
# proyecto ya tiene ese contrato: en el módulo 05 escribiste `build_schema` en
# `src/churn_project/contract.py`, **un** esquema pandera (columnas, tipos, vacíos y rangos) que usan
# la etapa `validate` del pipeline, la entrada del modelo (módulo 06) y, más adelante, la API
# (módulo 11) y el monitor de drift (módulo 15). Aquí no se escribe otro esquema: dos contratos
# que discrepan son peores que ninguno. Se **prueba** el que hay.
#
# Un contrato no mira si el modelo acierta: comprueba en la entrada que llegan todas las columnas,
# con su tipo y en su rango, y para el lote que no cumple antes de que llegue al modelo. Cargamos
# el de tu proyecto y le pasamos los dos lotes de la §1:

# %%
contract = load_contract(PROJECT)
contract.validate(batch)  # el lote correcto pasa: validate devuelve la tabla con sus tipos
try:
    contract.validate(broken)
    print("El lote con accidentes pasa el contrato de tu proyecto: revisa tu build_schema (05).")
except contract.ContractViolation as err:
    print(err)

# %% [markdown]
# La región en mayúsculas se para entera. El saldo en céntimos, solo en parte: un saldo de 2 000 €
# en céntimos (200 000) es un saldo válido, y solo los que pasan de 300 000 rompen el rango. Un
# cambio de escala de un dato válido es un cambio de **distribución**: lo detecta la
# monitorización de drift (módulo 15). Cada capa atrapa lo suyo; ninguna lo atrapa todo.
#
# Dos decisiones de diseño que separan un buen contrato de uno que molesta:
#
# - **Imposible no es lo mismo que raro.** Una edad de 91 años en una cartera de 18 a 85, o un
#   saldo de 4 millones en una de menos de 300 000, son errores de medida que el generador inyecta
#   a propósito (`outlier_rate`): el contrato los rechaza. Un cliente más joven o más rico que la
#   media (`covariate_drift`) es raro, no inválido: pasa.
# - **Pocos vacíos donde el pipeline sabe imputarlos.** Hasta un 2 % de vacíos por columna pasa
#   (el pipeline imputa la mediana); más es una extracción rota. Un contrato demasiado estricto
#   rechaza lotes legítimos y el equipo acaba desactivándolo.
#
# El propio contrato documenta qué hace con cada mando del generador del curso. Es la
# especificación que tus tests van a comprobar:

# %%
print("Qué rechaza" + (contract.__doc__ or "").partition("Qué rechaza")[2])

# %% [markdown]
# ### Ejercicio 2 (seguro) · Tests de datos del contrato de tu proyecto
#
# «Seguro» porque un contrato que deja de rechazar un lote roto (alguien relaja una regla «para
# que pase») se descubre en la CI, antes de que ese lote llegue al modelo.
#
# Escribe **funciones de test** de pytest para el contrato del proyecto y ponlas en la lista
# `CONTRACT_TESTS`. Se copian al archivo `tests/test_data_contract.py` debajo de esta cabecera fija,
# así que dentro de cada test solo existen estos nombres:
#
# ```python
# import pandas as pd
# import pytest
# from mlops_course.lessons.common import make_churn
#
# from churn_project.contract import ContractViolation, validate
# ```
#
# `validate(lote)` devuelve el lote validado o lanza `ContractViolation` con un mensaje en español
# que nombra cada columna y regla rota (lo viste arriba). Los lotes los fabricas con
# `make_churn(n_rows=..., seed=..., missing_rate=..., outlier_rate=...)`; 1 000 filas bastan.
#
# La calificación ejecuta tu suite contra el contrato de referencia del proyecto (el del
# checkpoint: un fallo de tu módulo 05 no te quita puntos aquí) y contra **seis copias
# debilitadas** de él, cada una con una regla cambiada: una visible en cada celda de test y el
# resto ocultas. Tu suite debe cumplir:
#
# 1. Pasa **entera** con el contrato de referencia: funciones `test_*` autocontenidas (sin
#    variables del cuaderno), sin `skip` ni `xfail`, y pytest cuenta **al menos cinco** tests
#    (`@pytest.mark.parametrize` cuenta cada fila).
# 2. Comprueba que el contrato **acepta** lotes legítimos: uno limpio y uno con pocos vacíos
#    (`missing_rate=0.005`, por debajo del 2 % que admite).
# 3. Comprueba que un lote con demasiados vacíos, `make_churn(..., missing_rate=0.1)`, lanza
#    `ContractViolation` con `"valores vacíos"` en el mensaje: tu suite se pone en rojo si la
#    regla deja de contar los vacíos o si el límite sube (al 20 %, por ejemplo).
# 4. Comprueba que un lote con outliers, `make_churn(..., outlier_rate=0.05)`, lanza
#    `ContractViolation` y que el mensaje **nombra cada una** de las tres columnas que ese mando
#    rompe: `'age'`, `'balance_eur'` y `'estimated_salary_eur'` (con las comillas, como en el
#    mensaje). Usa `pytest.raises(ContractViolation, match=...)`, un caso por columna: la suite se
#    pone en rojo si el contrato deja pasar las edades o los importes imposibles de una de ellas.
#
# La forma de la respuesta, con un único caso (el resto es tuyo):
#
# ```python
# def test_lote_limpio_pasa():
#     lote = make_churn(n_rows=1000, seed=1)
#     assert len(validate(lote)) == len(lote)
#
#
# CONTRACT_TESTS = [test_lote_limpio_pasa]
# ```


# %% nbgrader={"grade": false, "grade_id": "tests-contrato", "locked": false, "schema_version": 3, "solution": true, "task": false}
# Tus tests del contrato del proyecto (funciones test_* autocontenidas) y la lista CONTRACT_TESTS.
### BEGIN SOLUTION
def test_un_lote_limpio_cumple_el_contrato():
    """Un lote sin mandos pasa entero."""
    clean = make_churn(n_rows=2000, seed=11)
    assert len(validate(clean)) == len(clean)


def test_pocos_vacios_son_legitimos():
    """Un 0,5 % de vacíos por columna está por debajo del límite: el pipeline los imputa."""
    few_missing = make_churn(n_rows=1000, seed=2, missing_rate=0.005)
    assert len(validate(few_missing)) == len(few_missing)


def test_demasiados_vacios_paran_el_lote():
    """Un 10 % de vacíos es una extracción rota."""
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(make_churn(n_rows=1000, seed=3, missing_rate=0.1))


@pytest.mark.parametrize("column", ["age", "balance_eur", "estimated_salary_eur"])
def test_cada_outlier_se_rechaza_nombrando_su_columna(column):
    """outlier_rate pone valores imposibles en tres columnas: el mensaje nombra cada una."""
    with pytest.raises(ContractViolation, match=f"'{column}'"):
        validate(make_churn(n_rows=1000, seed=4, outlier_rate=0.05))


CONTRACT_TESTS = [
    test_un_lote_limpio_cumple_el_contrato,
    test_pocos_vacios_son_legitimos,
    test_demasiados_vacios_paran_el_lote,
    test_cada_outlier_se_rechaza_nombrando_su_columna,
]
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-contrato-legitimo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: tu suite pasa con el contrato de referencia y caza uno que prohíbe los vacíos.
import re

from mlops_course.lessons.m08_mltesting.contract_suite import run_contract_suite
from mlops_course.machinery.workspace import module_workspace

ws = module_workspace("08_testing_ml")
contract_run = run_contract_suite(
    CONTRACT_TESTS, ws / "ejercicio2_legitimo", variants=["vacios-prohibidos"]
)
assert contract_run.reference.green, (
    "Tu suite falla con el contrato de REFERENCIA: un test que falla con un contrato correcto es "
    f"un test roto. Fallos: {contract_run.failures()}. ¿Usas variables del cuaderno o esperas "
    "algo que el contrato no hace?"
)
assert contract_run.reference.count("passed") >= 5, (
    f"Solo pasan {contract_run.reference.count('passed')} tests y se piden al menos cinco: usa "
    "parametrize (cada fila cuenta como un test) o varias funciones."
)
assert not contract_run.survivors(), (
    "Sobrevive un contrato que no admite NI UN vacío en las columnas numéricas, y rechaza lotes "
    "legítimos: añade un test que valide un lote con pocos vacíos (missing_rate=0.005)."
)
### BEGIN HIDDEN TESTS
assert contract_run.reference.count("skipped") == 0, (
    "Tu suite se salta tests (skip/xfail): un test saltado no protege nada; quítalos."
)
contract_text = contract_run.test_file.read_text(encoding="utf-8")
assert not re.search(r"pytest\.(mark\.)?(skip|skipif|xfail|importorskip)\b", contract_text), (
    "Tu suite usa skip o xfail: un test marcado así no protege nada; quita esas marcas."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-contrato-vacios", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: un contrato que deja pasar demasiados vacíos pone tu suite en rojo.
from mlops_course.lessons.m08_mltesting.contract_suite import run_contract_suite
from mlops_course.machinery.workspace import module_workspace

ws = module_workspace("08_testing_ml")
missing_run = run_contract_suite(
    CONTRACT_TESTS, ws / "ejercicio2_vacios", variants=["vacios-sin-contar"]
)
assert missing_run.reference.green, (
    f"Tu suite falla con el contrato de referencia: {missing_run.failures()}"
)
assert not missing_run.survivors(), (
    "Sobrevive un contrato cuya regla de vacíos no los cuenta (acepta un 10 % de vacíos): "
    "añade un test que espere ContractViolation con make_churn(..., missing_rate=0.1)."
)
### BEGIN HIDDEN TESTS
hidden_missing = run_contract_suite(
    CONTRACT_TESTS, ws / "ejercicio2_vacios_oculto", variants=["limite-vacios-20"]
)
assert not hidden_missing.survivors(), (
    "Sobrevive un contrato que admite hasta un 20 % de vacíos por columna: tu lote «con "
    "demasiados vacíos» está por encima de ese límite (¿una columna entera vacía?). Usa "
    "make_churn(..., missing_rate=0.1), que rompe el límite del 2 % y no el del 20 %."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-contrato-outliers", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R4]: un contrato sin el rango de una columna que rompe outlier_rate pone tu suite en rojo.
from mlops_course.lessons.m08_mltesting.contract_suite import CONTRACT_BUGS, run_contract_suite
from mlops_course.machinery.workspace import module_workspace

ws = module_workspace("08_testing_ml")
outlier_run = run_contract_suite(
    CONTRACT_TESTS, ws / "ejercicio2_outliers", variants=["saldo-sin-techo"]
)
assert outlier_run.reference.green, (
    f"Tu suite falla con el contrato de referencia: {outlier_run.failures()}"
)
assert not outlier_run.survivors(), (
    "Sobrevive un contrato sin techo realista para balance_eur (acepta saldos de millones): el "
    "lote con outliers sigue fallando por otras columnas, así que comprueba que el MENSAJE nombra "
    "'balance_eur' (pytest.raises(ContractViolation, match=\"'balance_eur'\"))."
)
### BEGIN HIDDEN TESTS
hidden_outliers = run_contract_suite(
    CONTRACT_TESTS,
    ws / "ejercicio2_outliers_oculto",
    variants=["salario-sin-techo", "edad-hasta-120"],
)
missed_outliers = hidden_outliers.survivors()
assert not missed_outliers, "Contratos debilitados que tu suite no detecta: " + "; ".join(
    f"{name} ({CONTRACT_BUGS[name][2]})" for name in missed_outliers
)
### END HIDDEN TESTS

# %% [markdown]
# Tu suite, en tu proyecto: se escribe en `churn-project/tests/test_data_contract.py` y se mide
# contra las seis copias debilitadas del contrato. Cada fila «detectada» es un cambio que tu CI
# pararía:

# %%
try:
    delivered = run_contract_suite(
        CONTRACT_TESTS, WORKSPACE / "ejercicio2", project=PROJECT, variants=list(CONTRACT_BUGS)
    )
    print("Escrito en", delivered.test_file)
    display(delivered.table())
except NameError:
    print("Resuelve el Ejercicio 2 (la lista CONTRACT_TESTS) y vuelve a ejecutar esta celda.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 10 min.*
#
# ## 6. Tests de modelo: ¿se comporta con sentido?
#
# Una métrica agregada (AUC, *accuracy*) responde «¿cuánto acierta en promedio?». No responde
# «¿acierta **por las razones correctas**?». Ribeiro et al. (2020) propusieron en *CheckList* tres
# tipos de test de conducta, que aquí aplicamos a un modelo tabular:
#
# - **Invariancia (INV):** una perturbación que **no debería** importar no cambia la predicción.
#   Por ejemplo, cambiar el género del cliente, o subirle el salario un euro.
# - **Expectativa direccional (DIR):** una perturbación con efecto conocido mueve la probabilidad
#   en la dirección esperada. Diez años más de edad no deberían **bajar** el riesgo de churn (en
#   nuestros datos la edad lo sube).
# - **Funcionalidad mínima (MFT):** casos obvios, escritos a mano, que cualquier modelo sensato
#   acierta: un cliente activo con dos productos y diez años en el banco no se va.
#
# La métrica resume cuántas predicciones acierta el modelo en promedio; un test de comportamiento
# comprueba conductas concretas: que la predicción no cambia con un atributo que no debe importar
# (invariancia) y que se mueve en el sentido esperado cuando cambia uno que sí (dirección).
#
# Entrenamos dos modelos con datos donde el género **sí** influye en la etiqueta
# (`sensitive_bias=0.8`: un sesgo histórico de los datos, como los que estudia el módulo 16). Uno
# lee la columna `gender`; el otro no:

# %%
biased_data = make_churn(n_rows=N_CUSTOMERS, seed=SEED, sensitive_bias=0.8)
holdout = make_churn(n_rows=N_CUSTOMERS, seed=SEED + 2, sensitive_bias=0.8)
fair_model = train_churn_model(biased_data)
gender_model = train_churn_model(biased_data, include_sensitive=True)
pd.Series(
    {
        "AUC sin género": roc_auc_score(
            holdout["churned"], fair_model.predict_proba(holdout)[:, 1]
        ),
        "AUC con género": roc_auc_score(
            holdout["churned"], gender_model.predict_proba(holdout)[:, 1]
        ),
    }
).round(3)

# %% [markdown]
# El modelo que usa el género tiene **mejor** AUC: aprende el sesgo de los datos. Una métrica
# agregada lo premia; un test de invariancia lo detecta. Si la política del banco (o la ley) dice
# que el género no puede decidir a quién se ofrece una retención, el test de invariancia es el que
# bloquea ese modelo.
#
# ### Ejercicio 3 (seguro) · Invariancia y expectativa direccional
#
# «Seguro» porque detecta lo que la métrica promedio esconde: un modelo que cambia de opinión por
# un atributo que no debería importar, o que se mueve en el sentido contrario al esperado.
#
# Escribe dos funciones que midan la conducta de **cualquier** modelo con `predict` y
# `predict_proba` (un `Pipeline` de scikit-learn, o un modelo de juguete):
#
# **a) `invariance_rate(model, X, perturb)`**: `perturb` recibe un DataFrame y devuelve el
# DataFrame perturbado (puede modificar el que recibe).
#
# 1. Devuelve, como `float`, la **fracción** de filas de `X` cuya predicción (`model.predict`,
#    las etiquetas) **no cambia** al aplicar `perturb`.
# 2. Aplica `perturb` a una **copia** de `X`: `X` **no** debe cambiar.
# 3. Lanza `TypeError` si `perturb` no es invocable (`callable`).
# 4. Lanza `ValueError` si `X` está vacío o si `perturb` devuelve un número de filas distinto
#    del de `X`.
#
# **b) `directional_rate(model, X, column, delta, expected)`**:
#
# 5. Suma `delta` a la columna `column` de una **copia** de `X` (`X` no cambia), compara
#    `model.predict_proba(...)[:, 1]` antes y después, y devuelve la fracción de filas que **no
#    violan** la expectativa: con `expected="up"`, viola la fila cuya probabilidad **baja**; con
#    `expected="down"`, la que **sube**.
# 6. Una fila viola solo si su probabilidad se mueve **más de `1e-9`** en contra: las filas que no
#    cambian, o cambian menos que eso (ruido numérico), **no** violan nada.
# 7. Lanza `ValueError`, con el nombre del problema en el mensaje, si `expected` no es `"up"` ni
#    `"down"` (el mensaje dice `expected`), si `column` no está en `X` (el mensaje nombra la
#    columna) o si `X` está vacío.
#
# ```text
# invariance_rate(gender_model, X, swap_gender)          → 0.87 (el 13 % de las decisiones cambia)
# directional_rate(fair_model, X, "age", 10, "up")       → 1.0
# directional_rate(fair_model, X, "age", 10, "down")     → 0.0
# ```


# %% nbgrader={"grade": false, "grade_id": "conducta", "locked": false, "schema_version": 3, "solution": true, "task": false}
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    ### BEGIN SOLUTION
    if not callable(perturb):
        raise TypeError(f"perturb debe ser una función, no {type(perturb).__name__}.")
    if len(X) == 0:
        raise ValueError("X está vacío: no hay filas que comparar.")
    perturbed = perturb(X.copy())
    if len(perturbed) != len(X):
        raise ValueError(
            f"perturb devolvió {len(perturbed)} filas y X tiene {len(X)}: debe conservarlas."
        )
    unchanged = np.asarray(model.predict(X)) == np.asarray(model.predict(perturbed))
    return float(unchanged.mean())
    ### END SOLUTION


def directional_rate(model, X: pd.DataFrame, column: str, delta: float, expected: str) -> float:
    """Fracción de filas cuya probabilidad no se mueve en contra de `expected` al sumar delta."""
    ### BEGIN SOLUTION
    if expected not in ("up", "down"):
        raise ValueError(f"expected debe ser 'up' o 'down', no {expected!r}.")
    if column not in X.columns:
        raise ValueError(f"La columna {column!r} no está en X.")
    if len(X) == 0:
        raise ValueError("X está vacío: no hay filas que comparar.")
    moved = X.copy()
    moved[column] = moved[column] + delta
    change = model.predict_proba(moved)[:, 1] - model.predict_proba(X)[:, 1]
    violations = change < -1e-9 if expected == "up" else change > 1e-9
    return float(1.0 - violations.mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-conducta-invarianza", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4]: invariance_rate con un modelo de juguete de conducta conocida.
import numpy as np
import pandas as pd


class AgeModel:
    """Juguete: la probabilidad de churn sube con la edad hasta los 60 y luego se aplana."""

    def predict_proba(self, X):
        age = np.minimum(X["age"].to_numpy(dtype=float), 60.0)
        p = 1.0 / (1.0 + np.exp(-(age - 45.0) / 5.0))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)


toy = pd.DataFrame({"age": [20, 30, 44, 46, 55, 65, 70], "gender": list("FMFMFMF")})


def swap_gender(frame):
    frame["gender"] = frame["gender"].map({"F": "M", "M": "F"})
    return frame


def older(frame):
    frame["age"] = frame["age"] + 10
    return frame


rate = invariance_rate(AgeModel(), toy, swap_gender)
assert rate == 1.0, f"El juguete no mira el género: la invariancia debe ser 1.0 y es {rate!r}."
rate_age = invariance_rate(AgeModel(), toy, older)
assert abs(rate_age - 6 / 7) < 1e-12, (
    f"Con 10 años más solo cambia la predicción del cliente de 44 (pasa de 0 a 1): la tasa debe "
    f"ser 6/7 ≈ 0.857 y es {rate_age!r}. Compara model.predict antes y después, fila a fila."
)
### BEGIN HIDDEN TESTS
before = toy.copy()
invariance_rate(AgeModel(), toy, older)
assert toy.equals(before), (
    "invariance_rate modificó X: aplica perturb a X.copy(), nunca al DataFrame del usuario."
)
for bad_perturb in (None, "older"):
    try:
        invariance_rate(AgeModel(), toy, bad_perturb)
    except TypeError:
        pass
    except Exception as wrong:
        raise AssertionError(
            f"perturb={bad_perturb!r} no es invocable: debe lanzar TypeError, no "
            f"{type(wrong).__name__}."
        ) from None
    else:
        raise AssertionError(f"perturb={bad_perturb!r} no es invocable: debe lanzar TypeError.")
for bad_X, bad_p, what in (
    (toy.iloc[:0], older, "X vacío"),
    (toy, lambda frame: frame.iloc[:3], "un perturb que pierde filas"),
    (toy, lambda frame: frame.iloc[:1], "un perturb que devuelve una sola fila"),
    (toy, lambda frame: pd.concat([frame, frame]), "un perturb que duplica las filas"),
):
    try:
        invariance_rate(AgeModel(), bad_X, bad_p)
    except ValueError:
        pass
    else:
        raise AssertionError(
            f"Con {what}, invariance_rate debe lanzar ValueError: compara len() antes de "
            "comparar predicciones (numpy «estira» un array de una fila sin quejarse)."
        )
assert isinstance(rate, float), f"Devuelve un float, no {type(rate).__name__}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-conducta-direccion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5, R6, R7]: directional_rate con modelos de juguete (empates, ruido, "down").
import numpy as np
import pandas as pd


class AgeModel:
    """Juguete: la probabilidad de churn sube con la edad hasta los 60 y luego se aplana."""

    def predict_proba(self, X):
        age = np.minimum(X["age"].to_numpy(dtype=float), 60.0)
        p = 1.0 / (1.0 + np.exp(-(age - 45.0) / 5.0))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)


toy = pd.DataFrame({"age": [20, 30, 44, 46, 55, 65, 70], "gender": list("FMFMFMF")})
up = directional_rate(AgeModel(), toy, "age", 10, "up")
assert up == 1.0, (
    f"Con 10 años más ninguna probabilidad baja: debe dar 1.0 y da {up!r}. Las filas de 65 y 70 "
    "años no cambian (el juguete se aplana a los 60): un empate NO viola la expectativa."
)
down = directional_rate(AgeModel(), toy, "age", 10, "down")
assert abs(down - 2 / 7) < 1e-12, (
    f"Con expected='down', las 5 filas cuya probabilidad sube violan y las 2 que no cambian no: "
    f"debe dar 2/7 ≈ 0.286 y da {down!r}. Compara predict_proba[:, 1], no las etiquetas."
)
### BEGIN HIDDEN TESTS
before = toy.copy()
directional_rate(AgeModel(), toy, "age", -5, "down")
assert toy.equals(before), "directional_rate modificó X: trabaja sobre X.copy()."
younger = directional_rate(AgeModel(), toy, "age", -10, "down")
assert younger == 1.0, f"Restar edad no sube el riesgo del juguete: debe dar 1.0 y da {younger!r}."
for args, word in (
    (("age", 10, "arriba"), "expected"),
    (("edad", 10, "up"), "edad"),
):
    try:
        directional_rate(AgeModel(), toy, *args)
    except ValueError as bad_args:
        assert word in str(bad_args), f"El mensaje debe nombrar {word!r}; dice: {bad_args}"
    else:
        raise AssertionError(f"directional_rate(model, toy, *{args}) debe lanzar ValueError.")
try:
    directional_rate(AgeModel(), toy.iloc[:0], "age", 10, "up")
except ValueError:
    pass
else:
    raise AssertionError("Con X vacío, directional_rate debe lanzar ValueError.")


class NoisyModel:
    """Juguete: la edad mueve la probabilidad solo en la duodécima cifra (ruido numérico)."""

    def predict_proba(self, frame):
        noisy_p = 0.3 + 1e-12 * frame["age"].to_numpy(dtype=float)
        return np.column_stack([1.0 - noisy_p, noisy_p])


for direction, step in (("down", 10), ("up", -10)):
    noisy = directional_rate(NoisyModel(), toy, "age", step, direction)
    assert noisy == 1.0, (
        f"Con expected={direction!r}, cambios de 1e-11 son ruido numérico: ninguna fila viola "
        f"(solo cuenta moverse más de 1e-9 en contra); debe dar 1.0 y da {noisy!r}."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-conducta-pipeline", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R5]: tus funciones con los pipelines reales (la invariancia delata el género).
from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m08_mltesting import train_churn_model

data = make_churn(n_rows=1500, seed=11, sensitive_bias=0.8)
fair = train_churn_model(data)
with_gender = train_churn_model(data, include_sensitive=True)


def flip_gender(frame):
    frame["gender"] = frame["gender"].map({"F": "M", "M": "F"}).astype(frame["gender"].dtype)
    return frame


fair_rate = invariance_rate(fair, data, flip_gender)
biased_rate = invariance_rate(with_gender, data, flip_gender)
assert fair_rate == 1.0, f"El modelo sin género debe ser invariante al género (da {fair_rate!r})."
assert biased_rate < 0.99, (
    f"El modelo que lee el género cambia decisiones al cambiarlo, pero tu función da {biased_rate!r}."
)
### BEGIN HIDDEN TESTS
age_up = directional_rate(fair, data, "age", 10, "up")
assert age_up == 1.0, f"En el pipeline logístico más edad nunca baja el riesgo: da {age_up!r}."
score_down = directional_rate(fair, data, "credit_score", 100, "down")
assert score_down == 1.0, f"Más credit_score nunca sube el riesgo: da {score_down!r}."
assert directional_rate(fair, data, "age", 10, "down") < 0.05, (
    "Casi todas las filas suben con la edad: con expected='down' la tasa debe ser casi 0."
)
### END HIDDEN TESTS

# %% [markdown]
# Con tus funciones, la batería de conducta completa del modelo de churn. Cada fila es un test que
# en CI tendría un umbral: la invariancia al género exige el 100 %; el salario (+1 €) es
# irrelevante; la edad debe subir el riesgo y el *credit score* bajarlo. La última fila es el test
# de funcionalidad mínima con los seis clientes obvios de `minimum_functionality_cases()`.


# %%
def swap_gender_column(frame):
    """Cambia F por M y viceversa, conservando el tipo category."""
    frame["gender"] = frame["gender"].map({"F": "M", "M": "F"}).astype(frame["gender"].dtype)
    return frame


def one_euro_raise(frame):
    """Sube el salario un euro: no debería cambiar ninguna decisión."""
    frame["estimated_salary_eur"] = frame["estimated_salary_eur"] + 1.0
    return frame


mft_cases, mft_expected = minimum_functionality_cases()
try:
    battery = {}
    for label, candidate in {"sin género": fair_model, "con género": gender_model}.items():
        battery[label] = {
            "INV género (=1.0)": invariance_rate(candidate, holdout, swap_gender_column),
            "INV salario +1 € (≥0.99)": invariance_rate(candidate, holdout, one_euro_raise),
            "DIR edad +10 → sube (=1.0)": directional_rate(candidate, holdout, "age", 10, "up"),
            "DIR score +100 → baja (=1.0)": directional_rate(
                candidate, holdout, "credit_score", 100, "down"
            ),
            "MFT casos obvios (=1.0)": float(np.mean(candidate.predict(mft_cases) == mft_expected)),
        }
    display(pd.DataFrame(battery).round(3))
except NotImplementedError:
    print("Resuelve el Ejercicio 3 y vuelve a ejecutar esta celda.")

# %% [markdown]
# Lee la tabla como lo haría el revisor de un modelo: el modelo con género **no** pasa la
# invariancia y no debe promocionarse, aunque su AUC sea mayor. Los umbrales no son universales:
# una invariancia del 100 % tiene sentido para un atributo que no debe influir; para una
# perturbación «casi irrelevante» (un euro) se tolera un pequeño margen.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 50 min.*
#
# ## 7. Tests de propiedades con hypothesis
#
# En un test de ejemplo eliges tú los casos, y los fallos viven justo en los casos que no se te
# ocurrieron. Un test de **propiedades** declara algo que debe cumplirse para **cualquier**
# entrada válida, y `hypothesis` genera cientos de entradas buscando un contraejemplo; cuando lo
# encuentra, lo **reduce** (*shrinking*) al caso más simple que sigue fallando.
#
# **Metáfora: el inspector que no avisa.** Tú eliges los casos de ejemplo; hypothesis es un
# inspector que prueba casos que no esperabas y, cuando encuentra uno que falla, te enseña el más
# corto que sigue fallando.
#
# La propiedad de `age_band`: «la banda devuelta **contiene** a la edad». Probémosla contra el
# mutante `frontera-30`, que ninguna de las dos pruebas de ejemplo de la §3 detectó:


# %%
def band_contains(band_function, age):
    """True si la banda que devuelve band_function(age) contiene a la edad."""
    band = band_function(age)
    low, _, high = band.rstrip("+").partition("-")
    return int(low) <= age <= (int(high) if high else AGE_MAX)


def check_band_property(band_function):
    """Ejecuta la propiedad con hypothesis y devuelve el contraejemplo mínimo (o None)."""

    @settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.integers(min_value=AGE_MIN, max_value=AGE_MAX))
    def property_test(age):
        assert band_contains(band_function, age), f"age_band({age}) = {band_function(age)!r}"

    try:
        property_test()
    except AssertionError as err:
        return str(err).splitlines()[0]
    return None


buggy = load_variant(AGE_BAND_BUGS["frontera-30"])
{
    "age_band correcta": check_band_property(age_band),
    "mutante frontera-30": check_band_property(buggy.age_band),
}

# %% [markdown]
# hypothesis encontró `age_band(30) = '18-29'` sin que nadie le dijera que 30 era un límite. Una
# segunda propiedad, ahora sobre el **modelo**: para cualquier cliente válido (incluso con campos
# vacíos), el pipeline devuelve una probabilidad entre 0 y 1 y no lanza excepciones. Es un test de
# robustez que ningún conjunto de ejemplos escrito a mano cubre tan bien:

# %%
customers = st.fixed_dictionaries(
    {
        "age": st.one_of(st.none(), st.integers(AGE_MIN, AGE_MAX)),
        "tenure_months": st.one_of(st.none(), st.integers(0, 120)),
        "balance_eur": st.one_of(st.none(), st.floats(0, 5_000_000)),
        "num_products": st.one_of(st.none(), st.integers(1, 4)),
        "has_credit_card": st.one_of(st.none(), st.booleans()),
        "is_active_member": st.one_of(st.none(), st.booleans()),
        "estimated_salary_eur": st.one_of(st.none(), st.floats(1, 10_000_000)),
        "credit_score": st.one_of(st.none(), st.integers(350, 850)),
        "region": st.one_of(st.none(), st.sampled_from(REGIONS)),
        "gender": st.sampled_from(["F", "M"]),
    }
)
checked = []


@settings(max_examples=25)
@given(st.lists(customers, min_size=1, max_size=5))
def property_model_outputs_probabilities(rows):
    frame = as_churn_dtypes(pd.DataFrame(rows))
    proba = model.predict_proba(frame)[:, 1]
    checked.append(len(rows))
    assert np.all((proba >= 0) & (proba <= 1)), proba


property_model_outputs_probabilities()
f"{len(checked)} lotes aleatorios ({sum(checked)} clientes), todos con probabilidades en [0, 1]."

# %% [markdown]
# En el Ejercicio 4 escribes tú esta propiedad contra el modelo de **tu** proyecto, en
# `tests/test_properties.py`: lotes que cumplen el contrato de datos y, para cada uno, una
# probabilidad en [0, 1] por cliente del modelo de `models/model.skops`, sin importar el orden de
# las filas; corre con el resto de la suite del proyecto.
#
# Puedes usar `@given` en tus tests del Ejercicio 1: `given` y `st` están en la cabecera del
# archivo. Dos consejos: limita `max_examples` si el test es caro, y fija el perfil
# (`derandomize=True`) para que la CI no sea aleatoria.

# %% [markdown]
# ### Ejercicio 4 (seguro) · Una propiedad que hypothesis pone a prueba
#
# «Seguro» porque los fallos del código de predicción no avisan: un test de ejemplos pasa con los
# cinco clientes que elegiste, mientras un caso que nunca pensaste (un campo vacío, dos filas
# iguales, otro orden) rompe la puntuación de un lote real, y hypothesis lo encuentra por ti.
#
# Escribe **una o dos funciones de test** con `@given` sobre el código de tu proyecto: el modelo
# entrenado (`models/model.skops`, cargado con `load_model`) y `model_inputs` (las columnas que lee
# el modelo). Ponlas, con las funciones auxiliares que usen (estrategias, *fixtures*), en la lista
# `PROPERTY_TESTS`. Se copian a `tests/test_properties.py` de tu proyecto debajo de esta cabecera
# fija, así que dentro de cada test solo existen estos nombres:
#
# ```python
# from pathlib import Path
#
# import numpy as np
# import pandas as pd
# import pytest
# from hypothesis import given, settings
# from hypothesis import strategies as st
#
# from churn_project.contract import CATEGORIES, FLAGS, RANGES
# from churn_project.pipeline import load_model, model_inputs
#
# MODEL = Path(__file__).resolve().parents[1] / "models" / "model.skops"
# ```
#
# En el cuaderno, la celda de abajo define `RANGES`, `FLAGS` y `CATEGORIES` desde el contrato de
# tu proyecto, para que tus estrategias se puedan construir aquí también. La calificación ejecuta
# tus tests con pytest contra el código de referencia del proyecto y contra **tres copias rotas**
# de su `pipeline.py` (una visible en cada celda de test). Tus tests deben cumplir:
#
# 1. Son tests de **propiedades**: cada función `test_*` lleva `@given`, con
#    `@settings(max_examples=...)` de **como mucho 30** ejemplos, `deadline=None` y
#    `database=None` (la CI no puede esperar ni guardar ejemplos), y pasan **enteros** con el
#    código de referencia.
# 2. Para cualquier lote que el contrato acepta (de 1 a 8 clientes), el modelo devuelve **una
#    probabilidad por cliente**, entre 0 y 1: tus tests se ponen en rojo si `model_inputs` pierde
#    filas (las repetidas, por ejemplo).
# 3. La probabilidad de cada cliente **no depende del orden** de las filas del lote (puntúa el
#    lote al revés y compara): tus tests se ponen en rojo si `model_inputs` reordena las filas.
# 4. Las estrategias salen del **contrato del proyecto** (`RANGES`, `FLAGS`, `CATEGORIES`; ningún
#    rango escrito a mano) y cubren sus rangos enteros y los **vacíos** que el contrato admite
#    (`st.none()`): tus tests se ponen en rojo si `model_inputs` falla con un campo vacío.
#
# La forma de la respuesta (la estrategia de un cliente y el esqueleto del test; el resto es tuyo):
#
# ```python
# def customers():
#     fields = {}
#     for name, (low, high) in RANGES.items():  # p. ej. "age", (18, 85)
#         fields[name] = ...  # enteros o decimales entre low y high, o None (un vacío)
#     ...
#     return st.fixed_dictionaries(fields)
#
#
# @settings(max_examples=30, deadline=None, database=None)
# @given(rows=st.lists(customers(), min_size=1, max_size=8))  # lotes de 1 a 8 clientes
# def test_una_probabilidad_por_cliente(rows):
#     model = load_model(MODEL)  # el modelo que entrenó tu proyecto
#     batch = pd.DataFrame(rows)  # una fila por cliente
#     ...
#
#
# PROPERTY_TESTS = [customers, test_una_probabilidad_por_cliente]
# ```

# %%
# Los nombres del contrato de TU proyecto, para construir aquí las estrategias (en el archivo de
# tests los importa la cabecera).
project_contract = load_contract(PROJECT)
RANGES, FLAGS, CATEGORIES = (
    project_contract.RANGES,
    project_contract.FLAGS,
    project_contract.CATEGORIES,
)
RANGES


# %% nbgrader={"grade": false, "grade_id": "tests-propiedades", "locked": false, "schema_version": 3, "solution": true, "task": false}
# Tus tests de propiedades (con @given) y la lista PROPERTY_TESTS.
### BEGIN SOLUTION
def customers():
    """Un cliente que el contrato acepta: cada campo dentro de su rango, o vacío."""
    strategies = {}
    for field, (lowest, highest) in RANGES.items():
        in_range = (
            st.floats(lowest, highest) if field.endswith("_eur") else st.integers(lowest, highest)
        )
        strategies[field] = st.one_of(st.none(), in_range)
    for field in FLAGS:
        strategies[field] = st.one_of(st.none(), st.booleans())
    for field, allowed in CATEGORIES.items():
        strategies[field] = st.one_of(st.none(), st.sampled_from(allowed))
    return st.fixed_dictionaries(strategies)


@settings(max_examples=25, deadline=None, database=None)
@given(rows=st.lists(customers(), min_size=1, max_size=8))
def test_una_probabilidad_por_cliente_en_cualquier_orden(rows):
    """Cualquier lote válido: una probabilidad en [0, 1] por cliente, en cualquier orden."""
    model = load_model(MODEL)
    batch = pd.DataFrame(rows)
    proba = model.predict_proba(model_inputs(batch))[:, 1]
    assert proba.shape == (len(rows),), f"{len(proba)} probabilidades para {len(rows)} clientes"
    assert ((proba >= 0) & (proba <= 1)).all(), f"fuera de [0, 1]: {proba}"
    backwards = model.predict_proba(model_inputs(batch.iloc[::-1]))[:, 1]
    np.testing.assert_allclose(backwards[::-1], proba)


PROPERTY_TESTS = [customers, test_una_probabilidad_por_cliente_en_cualquier_orden]
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-propiedades-forma", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: tus propiedades pasan con el código de referencia y cazan un model_inputs que pierde filas.
import re

from mlops_course.lessons.m08_mltesting.property_suite import PIPELINE_BUGS, run_property_suite
from mlops_course.machinery.workspace import module_workspace, workspace_root

ws = module_workspace("08_testing_ml")
model_file = workspace_root() / "churn-project" / "models" / "model.skops"
property_run = run_property_suite(
    PROPERTY_TESTS, ws / "ejercicio4", model_file, variants=list(PIPELINE_BUGS)
)
property_text = property_run.test_file.read_text(encoding="utf-8")
property_tests = re.findall(r"((?:^@.*\n)*)def (test\w*)\(", property_text, flags=re.M)
assert property_tests, "PROPERTY_TESTS no contiene ninguna función test_*."
for decorators, name in property_tests:
    assert "@given(" in decorators, (
        f"{name} no lleva @given: es un test de ejemplos y solo prueba los casos que elegiste. "
        "Decóralo con @given(...) y una estrategia construida con el contrato."
    )
    assert re.search(r"@settings\(", decorators), (
        f"{name} no lleva @settings(max_examples=..., deadline=None, database=None)."
    )
for setting in ("deadline=None", "database=None"):
    assert setting in property_text.replace(" ", ""), (
        f"Falta {setting} en tu @settings: la CI no debe tener plazo por ejemplo ni guardar "
        "ejemplos en disco."
    )
examples = [int(n) for n in re.findall(r"max_examples\s*=\s*(\d+)", property_text)]
assert examples and max(examples) <= 30, (
    f"max_examples debe estar escrito y ser como mucho 30 (tienes {examples or 'ninguno'}): "
    "cada ejemplo puntúa el modelo y la suite corre en cada push."
)
assert property_run.reference.green, (
    "Tus tests fallan con el código de REFERENCIA del proyecto: un test que falla con el código "
    f"correcto es un test roto. Fallos: {property_run.failures()}. ¿Generas valores fuera del "
    "contrato o esperas algo que el modelo no promete?"
)
assert not property_run.results["filas-repetidas-fuera"].green, (
    "Sobrevive un model_inputs que quita las filas repetidas "
    f"({PIPELINE_BUGS['filas-repetidas-fuera'][2]}): comprueba que hay UNA probabilidad por "
    "cliente, proba.shape == (len(rows),)."
)
### BEGIN HIDDEN TESTS
assert not re.search(r"pytest\.(mark\.)?(skip|skipif|xfail|importorskip)\b", property_text), (
    "Tus tests usan skip o xfail: un test marcado así no protege nada; quita esas marcas."
)
assert property_run.reference.count("skipped") == 0, "Tus tests se saltan: quita skip/xfail."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-propiedades-orden", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: un model_inputs que reordena las filas pone tus propiedades en rojo.
from mlops_course.lessons.m08_mltesting.property_suite import PIPELINE_BUGS, run_property_suite
from mlops_course.machinery.workspace import module_workspace, workspace_root

ws = module_workspace("08_testing_ml")
model_file = workspace_root() / "churn-project" / "models" / "model.skops"
order_run = run_property_suite(
    PROPERTY_TESTS, ws / "ejercicio4", model_file, variants=list(PIPELINE_BUGS)
)
assert order_run.reference.green, (
    f"Tus tests fallan con el código de referencia: {order_run.failures()}"
)
assert not order_run.results["orden-filas"].green, (
    f"Sobrevive un model_inputs que ordena las filas ({PIPELINE_BUGS['orden-filas'][2]}): puntúa "
    "también batch.iloc[::-1] y compara, dado la vuelta, con la primera puntuación "
    "(np.testing.assert_allclose)."
)

# %% nbgrader={"grade": true, "grade_id": "test-propiedades-fronteras", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R4]: las estrategias salen del contrato y generan los vacíos que admite.
import re

from mlops_course.lessons.m08_mltesting.property_suite import PIPELINE_BUGS, run_property_suite
from mlops_course.machinery.workspace import module_workspace, workspace_root

ws = module_workspace("08_testing_ml")
model_file = workspace_root() / "churn-project" / "models" / "model.skops"
edge_run = run_property_suite(
    PROPERTY_TESTS, ws / "ejercicio4", model_file, variants=list(PIPELINE_BUGS)
)
assert edge_run.reference.green, (
    f"Tus tests fallan con el código de referencia: {edge_run.failures()}"
)
edge_text = edge_run.test_file.read_text(encoding="utf-8")
assert "RANGES" in edge_text, (
    "Tus estrategias no leen RANGES del contrato: si el contrato cambia un rango, tus tests "
    "seguirán probando el viejo. Recorre RANGES.items() para construirlas."
)
assert not edge_run.results["vacios-a-entero"].green, (
    f"Sobrevive un model_inputs que falla con un campo vacío "
    f"({PIPELINE_BUGS['vacios-a-entero'][2]}): tus estrategias nunca generan vacíos. Cada campo "
    "puede faltar: st.one_of(st.none(), ...)."
)

# %% [markdown]
# Tus propiedades, en tu proyecto: se escriben en `churn-project/tests/test_properties.py`
# (corren con el resto de su suite, contra su modelo) y se miden contra las tres copias rotas de
# `pipeline.py`. Cada fila «detectada» es un fallo que tu CI pararía:

# %%
try:
    delivered_properties = run_property_suite(
        PROPERTY_TESTS,
        WORKSPACE / "ejercicio4",
        PROJECT / "models" / "model.skops",
        project=PROJECT,
        variants=list(PIPELINE_BUGS),
    )
    print("Escrito en", delivered_properties.test_file)
    display(delivered_properties.table())
except NameError:
    print("Resuelve el Ejercicio 4 (la lista PROPERTY_TESTS) y vuelve a ejecutar esta celda.")

# %% [markdown]
# ## 8. Cobertura: qué mide y qué **no** demuestra
#
# La **cobertura de líneas** es el porcentaje de líneas del código que **se ejecutaron** durante
# los tests. coverage.py la mide instrumentando el intérprete. El índice de la guía pide más del
# 80 % como mínimo (principio 4), y es un buen **suelo**: una línea que ningún test ejecuta es una
# línea de la que no sabes nada.
#
# Lo que la cobertura **no** demuestra es que algo se haya **comprobado**. Mira esta suite: llama
# a todas las funciones y no afirma nada.


# %%
def test_smoke_everything():
    """Ejecuta todo el módulo sin comprobar ningún valor (anti-ejemplo)."""
    for age in (20, 35, 50, 70):
        age_band(age)
    for bad in (10, 30.5):
        with contextlib.suppress(TypeError, ValueError):
            age_band(bad)
    for balance, salary in ((1_000.0, 20_000.0), (None, 1.0), (-1.0, 1.0), (1.0, 0.0), ("a", 1.0)):
        with contextlib.suppress(TypeError, ValueError):
            balance_salary_ratio(balance, salary)
    for products, tenure in ((2, 30), (0, 1), (1, -1)):
        with contextlib.suppress(ValueError):
            products_per_year(products, tenure)
    frame = pd.DataFrame({column: [1, 2] for column in REQUIRED_COLUMNS})
    add_features(frame.assign(age=[30, None]))
    for bad_input in (frame.drop(columns="age"), "no soy un DataFrame"):
        with contextlib.suppress(TypeError, ValueError):
            add_features(bad_input)


smoke = run_suite(
    [test_smoke_everything],
    WORKSPACE / "demo_cobertura",
    variants={"ratio-invertido": SILENT_RATIO_BUG},
    test_file="test_smoke.py",
    coverage=True,
)
print(f"Cobertura de churn_features: {smoke.coverage_percent:.0f} %")
smoke.table()

# %% [markdown]
# Cobertura altísima y el mutante `ratio-invertido` (divide al revés) **sobrevive**: la suite
# ejecutó la línea rota, pero nunca miró su resultado. Por eso este curso mide las suites de dos
# formas: cobertura (¿qué se ejecutó?) y mutantes (¿qué se comprobó?). Goodhart lo resumió hace
# décadas: cuando una medida se convierte en objetivo, deja de ser una buena medida. Si tu equipo
# premia «llegar al 80 %», obtendrá suites como esta.
#
# La cobertura de tu **proyecto** la mide pytest-cov: el `pyproject.toml` de la capa 08 pide la de
# `src/churn_project` y falla por debajo del 80 % (`--cov=churn_project --cov-fail-under=80`). Su
# suite (tus tests de datos del Ejercicio 2, los del modelo del 06, los de MLflow del 07 y los de
# **sistema** de la capa 08, que ejecutan `prepare → validate → train` de punta a punta en una
# copia de 400 clientes) cubre alrededor del 95 %, y junto a la cobertura la vigilan los mutantes
# de tus Ejercicios 1 y 2.
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 45 min.*

# %% [markdown]
# ## 9. La puerta de regresión: el challenger frente al champion
#
# Cada `dvc repro` de tu proyecto entrena un modelo y lo registra en MLflow con el alias
# `challenger` (módulo 07); el servicio del módulo 11 cargará el `champion`. Los tests de las
# §3 a §8 dicen si el código, los datos y la conducta del modelo están bien, pero ninguno responde
# la pregunta de cada reentrenamiento: **¿el modelo nuevo es peor que el que ya está en
# producción?** Otra semilla, un parámetro o los datos de otro mes pueden subir el costo por
# cliente sin romper ningún test.
#
# La respuesta habitual es una **puerta de regresión**: el challenger no puede ser peor que el
# champion, **en el mismo holdout**, por más de una tolerancia X. La tolerancia existe porque la
# métrica de un holdout oscila con la muestra: exigir «nunca peor» bloquearía reentrenamientos por
# ruido. No es la regla de promoción del módulo 07 (el challenger gana si **mejora** por más de un
# margen): la puerta dice si el candidato es *aceptable*; la promoción, si *vale la pena* cambiar.
#
# La métrica, su sentido y X viven en `params.yaml` de tu proyecto (sección `gate`, que este
# cuaderno añadió sin tocar el resto), versionados con el código como cualquier parámetro:

# %%
params_text = (PROJECT / "params.yaml").read_text(encoding="utf-8")
print("gate:" + params_text.partition("\ngate:")[2])
GATE = read_gate_params(PROJECT)  # los argumentos de la puerta del proyecto
GATE

# %% [markdown]
# ### Ejercicio 5 (escalable) · La puerta de regresión del proyecto
#
# «Escalable» porque la decisión deja de depender de que alguien compare métricas a mano: la misma
# regla se aplica a cada reentrenamiento, lo lance quien lo lance, y la suite del proyecto la
# ejecuta.
#
# Escribe `regression_gate(client, model_name, metric, tolerance, higher_is_better=True)`.
# `client` es un `MlflowClient` (en los tests, un registro de prácticas; en tu proyecto, su almacén
# `churn-project-mlflow`). Lee la métrica del holdout que la etapa `train` registró en el run de
# cada versión: `client.get_registered_model(model_name).aliases` es un diccionario alias →
# número de versión, `client.get_model_version(model_name, version).run_id` da el run y
# `client.get_run(run_id).data.metrics` sus métricas. Devuelve `GateResult(passed, reason)`:
# `passed` es un `bool` y `reason`, un texto en español (no vacío) que explica el veredicto.
#
# 1. Compara el run de la versión con alias `challenger` con el de la versión con alias
#    `champion` (las constantes `CHALLENGER` y `CHAMPION`), nunca con otra versión (la anterior,
#    la última).
# 2. Si todavía no hay `champion` (el primer modelo del proyecto), la puerta **pasa** y `reason`
#    lo dice (nombra `champion`).
# 3. El challenger es peor por `champion − challenger` si `higher_is_better` (ROC AUC) y por
#    `challenger − champion` si no (un costo en euros). Pasa si es peor **como mucho** por
#    `tolerance` (justo `tolerance` pasa); igual o mejor, siempre pasa.
# 4. Errores en español: `ValueError` que nombre `challenger` si el modelo no tiene ese alias;
#    `ValueError` que nombre la métrica si el run del champion o del challenger no la tiene;
#    `TypeError` si `tolerance` no es un número (`True` tampoco vale) y `ValueError` si es
#    negativa o `nan`.
#
# ```text
# champion 3.40 €/cliente, challenger 3.45, tolerance=0.1, higher_is_better=False → pasa
# champion 3.40 €/cliente, challenger 3.60, tolerance=0.1, higher_is_better=False → no pasa
# champion AUC 0.80, challenger 0.78, tolerance=0.01, higher_is_better=True       → no pasa
# solo challenger, sin champion                                                   → pasa
# ```


# %% nbgrader={"grade": false, "grade_id": "puerta-regresion", "locked": false, "schema_version": 3, "solution": true, "task": false}
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    ### BEGIN SOLUTION
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:  # también descarta nan
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(
            True, f"Aún no hay {CHAMPION}: la versión {aliases[CHALLENGER]} pasa sin comparar."
        )
    values: dict[str, float] = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(
                f"El run de la versión {version.version} ({alias}) no tiene la métrica {metric!r}."
            )
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= tolerance
    verdict = "pasa" if passed else "NO pasa"
    return GateResult(
        passed,
        f"{metric}: champion {champion:.4f}, challenger {challenger:.4f}; el challenger es peor "
        f"por {worse:.4f} (tolerancia {tolerance}): {verdict}.",
    )
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-puerta-reglas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: sin champion, dentro y fuera de la tolerancia, en un registro de prácticas.
from mlops_course.lessons.m08_mltesting.gate import practice_registry, register_models
from mlops_course.machinery.workspace import module_workspace

client = practice_registry(module_workspace("08_testing_ml") / "ejercicio5")
COST = "cost_per_customer_eur"


def gate(values, aliases, tolerance, higher_is_better=False, metric=COST):
    """Registra una versión por valor (con esos alias) y pasa la puerta sobre ese modelo."""
    name = register_models(client, [{metric: value} for value in values], aliases)
    result = regression_gate(client, name, metric, tolerance, higher_is_better=higher_is_better)
    assert isinstance(result.passed, bool), (
        f"passed debe ser True o False, no {result.passed!r}: devuelve GateResult(passed, reason)."
    )
    assert isinstance(result.reason, str) and result.reason.strip(), (
        "reason debe ser un texto no vacío que explique el veredicto."
    )
    return result


first = gate([3.40], {"challenger": 1}, 0.1)
assert first.passed and "champion" in first.reason, (
    f"Sin champion (el primer modelo), la puerta pasa y reason lo dice; devolvió {first!r}."
)
close = gate([3.40, 3.45], {"champion": 1, "challenger": 2}, 0.1)
assert close.passed, (
    "Champion 3.40 €/cliente y challenger 3.45: es peor por 0.05, dentro de la tolerancia (0.1), "
    f"y debe pasar; devolvió {close!r}."
)
worse = gate([3.40, 3.60], {"champion": 1, "challenger": 2}, 0.1)
assert not worse.passed, (
    "Champion 3.40 €/cliente y challenger 3.60: con un costo, más es peor; es peor por 0.20, más "
    f"que la tolerancia (0.1), y NO debe pasar; devolvió {worse!r}."
)
### BEGIN HIDDEN TESTS
edge = gate([3.5, 3.75], {"champion": 1, "challenger": 2}, 0.25)
assert edge.passed, (
    "Peor justo por la tolerancia (3.75 − 3.5 = 0.25) pasa: compara con <=, no con <."
)
better = gate([3.5, 3.0], {"champion": 1, "challenger": 2}, 0.0)
assert better.passed, "Un challenger más barato que el champion pasa siempre (también con 0)."
auc_worse = gate([0.875, 0.75], {"champion": 1, "challenger": 2}, 0.1, True, "roc_auc")
assert not auc_worse.passed, (
    "Con higher_is_better=True (ROC AUC), bajar de 0.875 a 0.75 es empeorar 0.125, más que 0.1: "
    "NO pasa. ¿Usas champion − challenger cuando más es mejor?"
)
auc_edge = gate([0.875, 0.75], {"champion": 1, "challenger": 2}, 0.125, True, "roc_auc")
assert auc_edge.passed, "Con ROC AUC, empeorar justo la tolerancia (0.125) pasa."
auc_better = gate([0.75, 0.875], {"champion": 1, "challenger": 2}, 0.0, True, "roc_auc")
assert auc_better.passed, "Con ROC AUC, un challenger con más AUC pasa siempre."
not_previous = gate([3.0, 3.6, 3.5], {"champion": 1, "challenger": 3}, 0.1)
assert not not_previous.passed, (
    "El champion es la versión 1 (3.0 €) y el challenger la 3 (3.5 €): es peor por 0.5 y NO pasa. "
    "Compara con la versión del alias champion, no con la anterior al challenger (la 2)."
)
latest_is_not_challenger = gate([3.0, 3.5, 4.5], {"champion": 1, "challenger": 2}, 0.6)
assert latest_is_not_challenger.passed, (
    "El challenger es la versión del alias challenger (la 2, 3.5 €), no la última (la 3, 4.5 €)."
)
same = gate([3.4], {"champion": 1, "challenger": 1}, 0.0)
assert same.passed, "Si el challenger ya es el champion, no es peor: pasa."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-puerta-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: errores en español: sin challenger, métrica ausente, tolerancia inválida.
from mlops_course.lessons.m08_mltesting.gate import practice_registry, register_models
from mlops_course.machinery.workspace import module_workspace

client = practice_registry(module_workspace("08_testing_ml") / "ejercicio5")
COST = "cost_per_customer_eur"
only_champion = register_models(client, [{COST: 3.4}], {"champion": 1})
try:
    regression_gate(client, only_champion, COST, 0.1, higher_is_better=False)
except ValueError as no_challenger:
    assert "challenger" in str(no_challenger), (
        f"El mensaje debe nombrar 'challenger'; dice: {no_challenger}"
    )
else:
    raise AssertionError("Un modelo sin alias challenger no tiene candidato: lanza ValueError.")
### BEGIN HIDDEN TESTS
for runs, who in (
    ([{COST: 3.4}, {"roc_auc": 0.8}], "challenger"),
    ([{"roc_auc": 0.8}, {COST: 3.4}], "champion"),
):
    lacking = register_models(client, runs, {"champion": 1, "challenger": 2})
    try:
        regression_gate(client, lacking, COST, 0.1, higher_is_better=False)
    except ValueError as missing_metric:
        assert COST in str(missing_metric), (
            f"El mensaje debe nombrar la métrica {COST!r}; dice: {missing_metric}"
        )
    except Exception as wrong:
        raise AssertionError(
            f"Si el run del {who} no tiene la métrica, lanza ValueError que la nombre, no "
            f"{type(wrong).__name__} ({wrong})."
        ) from None
    else:
        raise AssertionError(f"Si el run del {who} no tiene {COST!r}, lanza ValueError.")
pair = register_models(client, [{COST: 3.4}, {COST: 3.4}], {"champion": 1, "challenger": 2})
for bad, expected in ((-0.1, ValueError), (float("nan"), ValueError), (True, TypeError)):
    try:
        regression_gate(client, pair, COST, bad, higher_is_better=False)
    except expected:
        pass
    except Exception as wrong:
        raise AssertionError(
            f"tolerance={bad!r} debe lanzar {expected.__name__}, no {type(wrong).__name__}."
        ) from None
    else:
        raise AssertionError(f"tolerance={bad!r} debe lanzar {expected.__name__}.")
try:
    regression_gate(client, pair, COST, "0.1", higher_is_better=False)
except TypeError:
    pass
except Exception as wrong:
    raise AssertionError(
        f"tolerance='0.1' (un texto) debe lanzar TypeError, no {type(wrong).__name__}."
    ) from None
else:
    raise AssertionError("tolerance='0.1' (un texto) debe lanzar TypeError.")
### END HIDDEN TESTS

# %% [markdown]
# Tu función entra en el archivo de la puerta del proyecto, `src/churn_project/gate.py`, entre
# su cabecera fija y `check_gate`, que la llama con los valores de `params.yaml` y el almacén
# MLflow del proyecto. La pasamos sobre el almacén de tu proyecto (leer métricas no necesita el
# servidor del módulo 07: basta la base SQLite):

# %%
# Tu regression_gate en src/churn_project/gate.py, y la puerta sobre el almacén de tu proyecto.
print("Escrito:", write_gate(PROJECT, regression_gate).relative_to(ROOT))
store_uri = f"sqlite:///{(ROOT / 'churn-project-mlflow' / 'mlflow.db').as_posix()}"
try:
    project_gate = load_gate(PROJECT).regression_gate
    verdict = project_gate(MlflowClient(tracking_uri=store_uri, registry_uri=store_uri), **GATE)
    print(("PASA · " if verdict.passed else "NO PASA · ") + verdict.reason)
except NotImplementedError:
    print("Resuelve el Ejercicio 5 y vuelve a ejecutar esta celda.")
except Exception as error:  # la celda de demostración no se detiene: te dice qué pasó
    print(f"Tu puerta lanzó {type(error).__name__}: {error}")

# %% [markdown]
# ### La suite de tu proyecto, con la puerta
#
# La capa 08 añadió a tu proyecto `tests/test_regression_gate.py`: prueba tu regla en un registro
# temporal y llama a `check_gate()`, así que desde ahora `python -m pytest` en tu proyecto se pone
# en rojo si el último entrenamiento es peor que el champion por más de la tolerancia. La suite
# completa tarda alrededor de medio minuto (entrena y registra un modelo en MLflow): es la que
# ejecutará la CI del módulo 09. Aquí ejecutamos, en un proceso aparte y como lo haría la CI, solo
# los tests de datos (`--no-cov`: una parte de la suite no llega al 80 % por sí sola; la puerta ya
# la pasaste arriba), y guardamos la capa en un commit de tu proyecto:

# %%
project_env = {
    key: value
    for key, value in isolated_env(ROOT / ".tool-home").items()
    if key not in ("MLFLOW_TRACKING_URI", "PYTEST_DISABLE_PLUGIN_AUTOLOAD")
}  # HOME aislado, la base local de MLflow y los plugins de pytest (pytest-cov) cargados
project_tests = [
    path.relative_to(PROJECT).as_posix()
    for path in (PROJECT / "tests/test_contract.py", PROJECT / "tests" / CONTRACT_TEST_FILE)
    if path.is_file()
]
started = time.perf_counter()
project_suite = subprocess.run(
    [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-cov", *project_tests],
    cwd=PROJECT,
    env=project_env,
    capture_output=True,
    text=True,
    timeout=300,
)
project_seconds = time.perf_counter() - started
print(
    project_suite.stdout.strip().splitlines()[-1]
    if project_suite.stdout.strip()
    else project_suite.stderr
)
git("add", "-A", cwd=PROJECT, env=project_env)
if git("status", "--porcelain", cwd=PROJECT, env=project_env).stdout.strip():
    git(
        "commit",
        "--quiet",
        "-m",
        "módulo 08: la suite de tests del proyecto y la puerta de regresión",
        cwd=PROJECT,
        env=project_env,
    )
print(git("log", "--oneline", "-1", cwd=PROJECT, env=project_env).stdout.strip())

# %% [markdown]
# La suite entera, con su cobertura, la ejecutas tú en una terminal: `cd workspace/churn-project`
# y `python -m pytest`. Al final verás la tabla de pytest-cov (líneas de cada archivo de
# `src/churn_project` y las que ningún test ejecuta) y `Required test coverage of 80% reached`.
#
# **Cuánto cuesta la suite en CI (principio 5).** La celda de arriba midió cuánto tardan los
# tests de datos. Con un supuesto explícito de precio por minuto de un *runner* de CI alojado (consulta la
# tarifa vigente de tu proveedor; el valor de abajo es solo un orden de magnitud) y un equipo que
# hace 40 *pushes* al día, esto es lo que cuesta al mes ejecutarlos en cada *push*, comparado con
# una suite que reentrena el modelo completo en cada test:

# %%
CI_EUR_PER_MINUTE = 0.008  # supuesto: orden de magnitud de un runner Linux alojado
PUSHES_PER_MONTH = 40 * 22  # supuesto: 40 pushes al día, 22 días laborables
pd.DataFrame(
    {
        "segundos por ejecución": [project_seconds, 15 * 60],
        "€ al mes": [
            max(project_seconds / 60, 1) * CI_EUR_PER_MINUTE * PUSHES_PER_MONTH,
            15 * CI_EUR_PER_MINUTE * PUSHES_PER_MONTH,
        ],
    },
    index=["tests de datos (en un proceso aparte)", "suite que reentrena en cada test (15 min)"],
).round(2)

# %% [markdown]
# El dinero es pequeño en ambos casos; lo caro es el **tiempo de espera**: 15 minutos por *push*
# hacen que la gente deje de esperar a la CI (y de mirarla). Por eso los tests de modelo pesados
# van en el pipeline de reentrenamiento, no en cada commit (los proveedores suelen redondear cada
# trabajo al minuto, de ahí el `max(…, 1)`).
#
# ## 10. Cuándo NO usar (o no exagerar) cada capa
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Perseguir el 100 % de cobertura | Casi siempre: las últimas líneas (ramas de error imposibles, `__repr__`) cuestan mucho y protegen poco | Un suelo (80 %) + mutantes en el código crítico |
# | Tests unitarios de librerías | No pruebes que `StandardScaler` escala: ya lo prueba scikit-learn | Prueba **tu** código y la integración con la librería |
# | Contrato pandera completo | En un análisis exploratorio de una tarde que no va a producción | `df.describe()` y un par de `assert` |
# | Contrato demasiado estricto | Si rechaza *outliers* legítimos, el equipo lo desactivará en una semana | Imposible → contrato; raro → monitorización (módulo 15) |
# | Tests de modelo con valores exactos | `assert auc == 0.8342` rompe con cualquier cambio de versión o semilla | Umbrales con margen y tests de conducta |
# | Tests de modelo en cada commit | Si reentrenar tarda minutos, la CI se vuelve lenta y se ignora | Modelo de juguete en CI; batería completa al reentrenar |
# | hypothesis | Para funciones triviales o cuando cada ejemplo tarda segundos | Tabla de valores frontera con `parametrize` |
# | Mutation testing de todo el repo | Es lento (una ejecución de la suite por mutante) | Solo en los módulos críticos, o por la noche |
#
# ### ADRs del módulo
#
# ```text
# ADR-08-01: Suelo de cobertura del 80 % + mutantes en features, en vez de exigir el 100 %
#
# CONTEXTO:
# El repositorio del modelo de churn no tenía tests. La dirección pide "100 % de cobertura" tras
# el incidente del lote con el saldo en céntimos, que costó semanas de llamadas mal dirigidas.
# La suite debe ejecutarse en cada push sin superar un par de minutos.
#
# DECISIÓN:
# - La CI falla por debajo del 80 % de cobertura de líneas del paquete de features.
# - Las funciones de features críticas se validan además con mutantes (una suite que no detecta
#   un mutante se revisa en code review).
# - El contrato pandera se ejecuta en cada lote antes de entrenar y de puntuar; los tests de
#   conducta (invariancia al género, dirección de la edad) bloquean la promoción del modelo.
#
# CONSECUENCIAS:
# (+) Un número mínimo objetivo y barato de medir; los mutantes vigilan que los tests afirmen algo.
# (+) El incidente de la §1 queda cubierto por la capa de datos, no por la cobertura.
# (-) El 80 % deja sin ejecutar algunas ramas; hay que aceptarlo explícitamente.
# (-) Los mutantes cuestan tiempo de CI: solo en el módulo de features.
#
# ALTERNATIVAS RECHAZADAS:
# - Exigir el 100 %: incentiva suites sin asserts (el anti-ejemplo de la §8) y no habría parado
#   el incidente, que era de datos.
# - Sin umbral ("confiamos en el code review"): la cobertura baja sin que nadie lo decida.
# ```
#
# ```text
# ADR-08-02: Puerta de regresión con tolerancia en params.yaml, en vez de «nunca peor»
#
# CONTEXTO:
# Cada dvc repro registra un challenger; nadie comparaba su costo en el holdout con el champion.
#
# DECISIÓN:
# - tests/test_regression_gate.py falla si el challenger cuesta más de 0,10 € por cliente que el
#   champion en el holdout; métrica, sentido y tolerancia en params.yaml (sección gate).
#
# CONSECUENCIAS:
# (+) La regla es la misma en cada reentrenamiento y cambiarla deja rastro en git.
# (-) Varios retrocesos pequeños seguidos pasan; la promoción (módulo 07) exige mejorar.
#
# ALTERNATIVAS RECHAZADAS:
# - «Nunca peor» (tolerancia 0): bloquea por el ruido de la muestra.
# - Comparar a mano en la interfaz de MLflow: no escala ni deja rastro.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 4 h 30 min.*

# %% [markdown]
# ## 11. Respuesta escrita (calificada a mano) · ¿Qué bloquea un despliegue?
#
# Tu equipo va a desplegar el modelo de churn con el pipeline del módulo 06. En **6 a 10 líneas**,
# decide para **cuatro** tests concretos (uno por capa: unitario, integración, datos, modelo) **en
# qué momento corren** (commit, lote de datos, reentrenamiento) y si **bloquean** (el cambio, el
# lote o el modelo no avanza) o solo **avisan**. Justifica cada decisión con su costo de fallar
# (un falso positivo que bloquea sin motivo frente a un fallo que llega a producción), y nombra
# **un riesgo que ninguno de tus tests cubre**.

# %% [markdown] nbgrader={"grade": true, "grade_id": "capas-que-bloquean", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# - **Unitario** (`age_band` en sus fronteras): en cada commit; **bloquea** la fusión. Es barato y
#   determinista: si falla, el código está mal con certeza.
# - **Integración** (el pipeline entrena con nulos, guarda, recarga y da las mismas
#   probabilidades): en cada commit con 400 filas; **bloquea**. Sin él, la API del módulo 11 puede
#   cargar un modelo que no reproduce las predicciones.
# - **Datos** (contrato pandera): en cada lote, antes de entrenar y de puntuar; **bloquea el lote**
#   y avisa al equipo de datos. Un lote malo puntuado cuesta dinero cada mes (§1); un lote parado,
#   unas horas de retraso.
# - **Modelo** (invariancia al género = 100 %, dirección de la edad): en cada reentrenamiento;
#   **bloquea la promoción**. Un modelo que discrimina es un riesgo legal y reputacional mayor que
#   quedarse una semana con el anterior. La AUC mínima solo **avisa**: oscila con la muestra.
# - **Sin cubrir:** el drift gradual (datos válidos pero distintos a los de entrenamiento) y la
#   degradación por *concept drift*: lo cubre la monitorización (módulo 15), no los tests.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Capas y momentos.** Cuatro tests concretos del churn, uno por capa, cada uno con su
#   momento de ejecución coherente (datos por lote, modelo por reentrenamiento). 0.5 si un test es
#   genérico («tests de calidad») o está en una capa que no le toca.
# - **1 punto · Bloquear o avisar, con costo.** Cada decisión justificada con el costo de un falso
#   positivo frente al de un fallo en producción. 0.5 si todo bloquea (o todo avisa) sin
#   argumento.
# - **1 punto · Límites.** Nombra al menos un riesgo real que sus tests no cubren (drift, sesgo en
#   una variable no probada, fallos de infraestructura) y dónde se cubriría. 0 si afirma que los
#   tests lo cubren todo.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 12. Cierre
#
# ### Resumen
#
# - En ML, los fallos más caros son **silenciosos**: datos que cambian de forma y modelos que
#   aciertan por razones equivocadas. Por eso a los tests unitarios y de integración se suman los
#   de **datos** y de **modelo**.
# - Un buen test unitario vive en las **fronteras** de la especificación; los **mutantes** miden si
#   tus tests detectan fallos de verdad.
# - Un **contrato de datos** rechaza lo imposible y acepta lo raro; se ejecuta en cada lote.
# - Los **tests de conducta** (invariancia, dirección, funcionalidad mínima) detectan un modelo
#   sesgado que la AUC premia.
# - **hypothesis** busca el contraejemplo que no imaginaste y lo reduce al mínimo.
# - La **cobertura** dice qué no se ejecutó; no dice qué se comprobó. Es un suelo, no un objetivo.
# - La **puerta de regresión** para un challenger peor que el champion en el holdout, con una
#   tolerancia versionada en `params.yaml`.
#
# ### Checklist del entregable («>80 % coverage»)
#
# - [ ] Los tests visibles de los cuatro ejercicios pasan.
# - [ ] `workspace/churn-project/tests/test_data_contract.py` y `src/churn_project/gate.py`
#   existen, y `python -m pytest` en `workspace/churn-project/` pasa (la puerta incluida) con una
#   cobertura ≥ 80 % de `src/churn_project`.
# - [ ] `params.yaml` de tu proyecto tiene la sección `gate` con la métrica y la tolerancia.
# - [ ] Sabes ejecutar la suite fuera del cuaderno: `python -m pytest` en esa carpeta.
# - [ ] Tu respuesta escrita decide qué bloquea y qué avisa, y nombra un riesgo no cubierto.
#
# ### Autoevaluación
#
# 1. ¿Por qué un test que pasa con el código roto es peor que no tener test?
# 2. Tu contrato rechaza un lote con un saldo de 3 millones de euros. ¿Está bien? ¿Qué cambiarías?
# 3. El modelo con género tiene mejor AUC. ¿Quién decide si se despliega, y con qué test?
# 4. ¿Por qué `directional_rate` compara probabilidades y no etiquetas?
# 5. Tu suite tiene un 95 % de cobertura y un mutante sobrevive. ¿Qué te dice cada número?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Da una falsa seguridad: el equipo cree que esa parte está protegida. 2. No: es raro pero
# posible; el contrato debe rechazar lo imposible (negativo), y lo raro va a la monitorización.
# 3. Negocio, legal y el equipo, con la política escrita; el test de invariancia la hace cumplir
# en cada reentrenamiento. 4. Una etiqueta solo cambia si la probabilidad cruza el umbral: un
# modelo puede moverse en la dirección equivocada sin que ninguna etiqueta cambie. 5. La
# cobertura: casi todo se ejecuta; el mutante: hay una línea ejecutada cuyo resultado nadie
# comprueba.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [test unitario](../18_glosario/18_glosario.ipynb#test-unitario) ·
# [test de integración](../18_glosario/18_glosario.ipynb#test-integracion) ·
# [test de datos](../18_glosario/18_glosario.ipynb#test-datos) ·
# [contrato de datos](../18_glosario/18_glosario.ipynb#contrato-datos) ·
# [test de conducta](../18_glosario/18_glosario.ipynb#test-conducta) ·
# [invariancia](../18_glosario/18_glosario.ipynb#invariancia) ·
# [expectativa direccional](../18_glosario/18_glosario.ipynb#expectativa-direccional) ·
# [funcionalidad mínima](../18_glosario/18_glosario.ipynb#funcionalidad-minima) ·
# [property-based testing](../18_glosario/18_glosario.ipynb#property-based-testing) ·
# [shrinking](../18_glosario/18_glosario.ipynb#shrinking) ·
# [cobertura de líneas](../18_glosario/18_glosario.ipynb#cobertura-lineas) ·
# [mutation testing](../18_glosario/18_glosario.ipynb#mutation-testing) ·
# [puerta de regresión](../18_glosario/18_glosario.ipynb#puerta-regresion) ·
# [fixture](../18_glosario/18_glosario.ipynb#fixture) ·
# [parametrize](../18_glosario/18_glosario.ipynb#parametrize).
#
# ### Para saber más
#
# - E. Breck, S. Cai, E. Nielsen, M. Salib, D. Sculley (2017). *The ML Test Score: A Rubric for ML
#   Production Readiness and Technical Debt Reduction*. IEEE Big Data.
# - M. T. Ribeiro, T. Wu, C. Guestrin, S. Singh (2020). *Beyond Accuracy: Behavioral Testing of NLP
#   Models with CheckList*. ACL 2020.
# - Documentación de pytest (fixtures, parametrize), pandera (`DataFrameSchema`, `Check`),
#   hypothesis (estrategias, *shrinking*) y coverage.py (API `Coverage`).
# - Goku Mohandas. *Made With ML*: testing de código, datos y modelos.
# - D. R. MacIver et al. (2019). *Hypothesis: A new approach to property-based testing*. JOSS.
#
# **Siguiente:** Módulo 09 · GitHub Actions avanzado: esta suite se ejecutará en cada *push*.
