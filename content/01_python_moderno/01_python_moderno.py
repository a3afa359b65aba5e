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
# # Módulo 01 · Python moderno para MLOps
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 1 · El puente hacia la ingeniería (semanas 1–3) |
# | **Tiempo estimado** | ≈ 5 h 35 min: lectura y demos 120 min, ejercicios 185 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00. Python básico: funciones, clases, `try/except`, diccionarios; haber entrenado un modelo de scikit-learn. |
# | **Entregable** | «Código tipado y modular»: `workspace/01_python_moderno/churn_lib/`, un paquete con layout `src/`, `pyproject.toml` válido y `py.typed`, que importa en un proceso limpio y pasa `mypy --strict` y `ruff` |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Anotar** código de ML con `Literal`, `TypedDict`, genéricos, `Protocol` y `@overload`, y
#    **leer** los errores de `mypy --strict` y los hallazgos de `ruff check` / `ruff format` hasta
#    dejarlo limpio (§2 y Ejercicio 1, autocalificado con mypy y ruff de verdad).
# 2. **Validar** una configuración de entrenamiento con Pydantic v2 (límites, validadores, campos
#    desconocidos, variables de entorno) y dar errores que se entienden (§3 y Ejercicio 2).
# 3. **Escribir** un decorador que conserva los metadatos de la función y se puede testear sin
#    esperar, y **decidir** cuándo no usar uno (§4 y Ejercicio 3).
# 4. **Diseñar** con composición y `Protocol` en lugar de herencia: una función de entrenamiento que
#    acepta cualquier modelo que cumpla el contrato (§5 y Ejercicio 4).
# 5. **Empaquetar** código con layout `src/` y un `pyproject.toml` válido, y **explicar** qué
#    accidentes de importación evita (§6, Ejercicio 5 y entregable).
# 6. **Justificar** por escrito una política de reintentos en formato ADR (respuesta escrita).
#
# > **Mentalidad Senior (Fase 1):** Un Senior no escribe código que «funciona». Escribe código que
# > **otros pueden mantener, testear y escalar**.

# %% [markdown]
# ## 0. Antes de empezar
#
# Funciona igual que el módulo 00: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` son tuyas; las celdas de test visibles te dicen en español qué corregir y
# al calificar se añaden tests ocultos. Todo lo que este cuaderno escribe (archivos de ejemplo, la
# caché de mypy, tu paquete) va a `module_workspace("01_python_moderno")`.
#
# Una novedad: aquí varias comprobaciones ejecutan **mypy de verdad** sobre archivos de tu carpeta de
# trabajo, a través de su API (`mypy.api.run`). Cada llamada tarda uno o dos segundos la primera vez
# (lee los tipos de la biblioteca estándar) y mucho menos después, porque la caché vive en tu carpeta.
# También ejecutan el **ruff** del entorno (un programa aparte, sin red y en milisegundos).
#
# ```mermaid
# flowchart LR
#     T["§2 Tipos<br/>mypy --strict y ruff"] --> P["§3 Pydantic<br/>configuración validada"]
#     P --> D["§4 Decoradores<br/>reintentos testeables"]
#     D --> O["§5 Composición<br/>y Protocol"]
#     O --> S["§6 Layout src/<br/>y pyproject.toml"]
#     S --> E[["Entregable: churn_lib/<br/>tipado y modular"]]
# ```

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 3_000  # filas del conjunto sintético de clientes
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import functools
import inspect
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m01_pymodern import (
    FlakyFeatureStore,
    RecordingSleep,
    explain_validation_error,
    import_in_fresh_process,
    pyproject_problems,
    run_mypy,
    run_ruff_check,
    run_ruff_format,
)
from mlops_course.machinery.procenv import tool_env
from mlops_course.machinery.workspace import module_workspace

# Tu carpeta de trabajo para este módulo (se crea si no existe) y la caché de mypy, dentro de ella.
WORKSPACE = module_workspace("01_python_moderno")
MYPY_CACHE = WORKSPACE / ".mypy_cache"
churn = make_churn(n_rows=N_CUSTOMERS, seed=SEED)
WORKSPACE, churn.shape

# %% [markdown]
# ## 1. Por qué este módulo va antes que las herramientas de MLOps
#
# Un notebook que entrena un modelo «funciona» el día que se escribe. El problema empieza cuando
# otra persona (o tú dentro de tres meses) tiene que cambiarlo, cuando un pipeline lo ejecuta a las
# 3 de la madrugada o cuando el modelo pasa a una API. Las herramientas que vienen (DVC, MLflow,
# pytest, FastAPI) **asumen** que tu código está en funciones y paquetes importables, con tipos que
# una herramienta puede comprobar y con configuración validada. La guía lo decidió en su primer ADR,
# que está completo en la §5 del módulo 00:
#
# > **ADR-001** · *Incluir módulo de Python Moderno antes de herramientas MLOps* (módulo 00, §5).
# > Decisión: un módulo puente con Type Hints, Pydantic, OOP aplicado a ML y estructura de paquetes
# > (`src/` layout). Consecuencia negativa asumida: añade 1-2 semanas al programa.
#
# Cómo se nota en el resto del curso: FastAPI (módulo 11) construye la API **a partir de las
# anotaciones de tipo y de modelos Pydantic**; MLflow (07) guarda la firma del modelo; pytest (08)
# importa tu paquete, no tu notebook; el Dockerfile (10) instala un paquete con `pyproject.toml`.
#
# Cada pieza del módulo resuelve un problema concreto de ese código que «funciona»: los **tipos**
# (y mypy y ruff, que los leen) dicen qué espera cada función sin ejecutarla; la **validación** de
# la configuración detiene un valor imposible *antes* de gastar horas de cómputo; el **paquete**
# con layout `src/` hace que lo que importan tus tests y tu API sea lo que has declarado.
#
# ### Visión de negocio: el error que se descubre tarde
#
# El costo de un error de configuración depende de **cuándo** se descubre. Un hiperparámetro mal
# escrito que se valida al arrancar cuesta segundos; el mismo error descubierto al final de un
# entrenamiento cuesta el entrenamiento entero, y si nadie lo descubre, cuesta un modelo peor en
# producción. Con supuestos explícitos (cámbialos por los tuyos):

# %%
# Supuestos ilustrativos: precio orientativo de una máquina con GPU y un equipo pequeño.
GPU_EUR_PER_HOUR = 3.0  # supuesto: pon el precio de tu proveedor
RUN_HOURS = 6  # duración de un entrenamiento completo
FAILED_RUNS_PER_MONTH = 4  # supuesto: entrenamientos que fallan tarde por configuración
ENGINEER_EUR_PER_HOUR = 45  # supuesto: costo de una hora de ingeniería
HOURS_TO_DIAGNOSE = 1.5  # leer el log, encontrar la errata, relanzar

late = FAILED_RUNS_PER_MONTH * (
    RUN_HOURS * GPU_EUR_PER_HOUR + HOURS_TO_DIAGNOSE * ENGINEER_EUR_PER_HOUR
)
early = FAILED_RUNS_PER_MONTH * (5 / 60) * ENGINEER_EUR_PER_HOUR  # error claro al arrancar: 5 min
pd.Series(
    {
        "error descubierto al final (€/mes)": late,
        "error descubierto al arrancar (€/mes)": early,
        "horas de GPU tiradas al mes": FAILED_RUNS_PER_MONTH * RUN_HOURS,
    }
).round(1)

# %% [markdown]
# Las cifras son supuestos, pero la forma del resultado no depende de ellos: **validar al arrancar
# convierte un costo proporcional a la duración del trabajo en un costo fijo y pequeño**. Cuanto más
# largo y caro es el trabajo, más rentable es fallar pronto. Es lo que compra la §3.
#
# ⏱ *Tiempo estimado hasta aquí: 20 min.*

# %% [markdown]
# ## 2. Tipos que importan en código de ML
#
# ### 2.1 Primero, el fallo
#
# Este es un fragmento típico de notebook: calcula bandas de edad y la tasa de abandono por grupo.
# Lo guardamos como módulo en tu carpeta de trabajo (así es como lo verá mypy) y lo usamos.

# %%
UNTYPED_SOURCE = '''\
def age_band(ages, edges=None):
    """Banda de edad de cada cliente: 0 por debajo del primer corte, 1 tras el primero..."""
    if edges is None:
        edges = [30, 45, 60]
    bands = []
    for age in ages:
        if age is None:
            bands.append(None)
        else:
            bands.append(sum(1 for edge in edges if age >= edge))
    return bands


def churn_rate_by(rows, column):
    """Tasa de abandono por valor de `column` (p. ej. por región)."""
    totals = {}
    leavers = {}
    for row in rows:
        value = row[column]
        totals[value] = totals.get(value, 0) + 1
        leavers[value] = leavers.get(value, 0) + row["churned"]
    return {value: leavers[value] / totals[value] for value in totals}
'''
untyped_dir = WORKSPACE / "untyped"
untyped_dir.mkdir(exist_ok=True)
untyped_path = untyped_dir / "untyped_features.py"
untyped_path.write_text(UNTYPED_SOURCE, encoding="utf-8")

# Lo ejecutamos como haría cualquier notebook (exec de un módulo en un espacio de nombres propio).
untyped: dict[str, object] = {}
exec(compile(UNTYPED_SOURCE, str(untyped_path), "exec"), untyped)
rows = churn[["region", "is_active_member", "churned"]].astype(object).to_dict("records")
untyped["churn_rate_by"](rows, "region")

# %% [markdown]
# Funciona. Ahora alguien del equipo lo llama con una errata, dentro de un pipeline que lleva una hora
# preparando datos:

# %%
try:
    untyped["churn_rate_by"](rows, "regoin")
except KeyError as err:
    print(f"KeyError: {err}  ← descubierto al ejecutar, no al escribir")

# %% [markdown]
# ¿Lo habría visto mypy? Sin anotaciones, **no**: por defecto mypy no revisa el cuerpo de las
# funciones sin anotar (las trata como «código dinámico» para no molestar en proyectos antiguos).

# %%
lenient = run_mypy([untyped_path], cache_dir=MYPY_CACHE, strict=False)
print(lenient.summary())

# %% [markdown]
# `--strict` cambia las reglas: toda función debe tener tipos y no se aceptan `Any` implícitos. Así
# es como se leen sus errores: `archivo:línea: [código] mensaje`. El **código** entre corchetes es
# lo más útil: puedes buscarlo en la documentación de mypy y, si un día tienes que silenciarlo, se
# silencia por código (`# type: ignore[no-untyped-def]`), nunca entero.

# %%
strict_report = run_mypy([untyped_path], cache_dir=MYPY_CACHE)
print(strict_report.summary())

# %% [markdown]
# Cómo leer los errores más frecuentes de `--strict`:
#
# | código | qué significa | arreglo habitual |
# |---|---|---|
# | `no-untyped-def` | la función no tiene anotaciones (o le falta la de retorno) | anota parámetros y retorno; `-> None` si no devuelve nada |
# | `arg-type` | pasas un valor de un tipo que el parámetro no acepta | corrige la llamada, o amplía el tipo si de verdad debe aceptarlo |
# | `return-value` | devuelves algo distinto de lo anotado | muchas veces es un `None` olvidado: `-> X \| None` y trátalo |
# | `union-attr` | usas un atributo de algo que puede ser `None` | comprueba `if x is None` antes (mypy estrecha el tipo) |
# | `literal-required` / `typeddict-item` | clave que no existe en un `TypedDict` | usa una clave válida; con `Literal` la errata salta aquí |
# | `var-annotated` | mypy no puede deducir el tipo de `{}` o `[]` vacíos | anota: `totals: dict[str, int] = {}` |
# | `no-any-return` | devuelves un `Any` desde una función tipada | anota la variable intermedia o convierte (`float(...)`) |
#
# ### 2.2 El kit de tipos del ingeniero de ML
#
# No hace falta saberse todo el módulo `typing`. Estas cinco piezas resuelven la mayor parte del
# código de datos y modelos:
#
# - **`Literal`**: un conjunto cerrado de valores válidos (`"train" | "test"`, nombres de columnas,
#   tipos de modelo). Convierte erratas en errores de mypy.
# - **`TypedDict`**: un diccionario con claves conocidas y el tipo de cada una: una fila, un
#   registro JSON, un diccionario de métricas.
# - **Genéricos (`TypeVar`)**: una función que devuelve «lo mismo que recibió» (el primer elemento
#   de una lista de lo que sea) sin perder el tipo.
# - **`Protocol`**: «cualquier cosa con estos métodos», sin herencia. Lo usaremos en la §5 para
#   «cualquier modelo con `fit`/`predict`».
# - **`@overload`**: cuando el tipo de retorno depende de un argumento
#   (`predict(..., proba=True)` devuelve probabilidades; con `False`, clases).
#
# Las anotaciones no cambian lo que hace el código al ejecutarse: documentan qué entra y qué sale de
# cada función de forma que otra persona, tu editor y mypy lo pueden comprobar sin ejecutarla.
#
# La galería de abajo usa las cinco y, en el mismo archivo, las **usa mal** a propósito: mypy debe
# encontrar cada error sin ejecutar nada.

# %%
GALLERY_SOURCE = '''\
from collections.abc import Sequence
from typing import Literal, Protocol, TypedDict, TypeVar, overload

Split = Literal["train", "validation", "test"]
T = TypeVar("T")


class Metrics(TypedDict):
    roc_auc: float
    recall_at_10: float
    n_test: int


class Scorer(Protocol):
    def score_rows(self, rows: Sequence[Sequence[float]]) -> list[float]: ...


def first_present(values: Sequence[T | None]) -> T:
    """Primer valor que no es None; conserva el tipo: int entra, int sale."""
    for value in values:
        if value is not None:
            return value
    raise ValueError("todos los valores son None")


@overload
def decide(scores: Sequence[float], proba: Literal[True]) -> list[float]: ...
@overload
def decide(scores: Sequence[float], proba: Literal[False] = ...) -> list[int]: ...
def decide(scores: Sequence[float], proba: bool = False) -> list[float] | list[int]:
    """Probabilidades tal cual, o clases 0/1 con corte en 0.5."""
    return list(scores) if proba else [int(s >= 0.5) for s in scores]


def split_path(split: Split) -> str:
    return f"data/{split}.parquet"


# ---- Usos: los que siguen a «ERROR» deben fallar en mypy. ----
ages: list[int | None] = [None, 41, 35]
oldest: int = first_present(ages)  # correcto: mypy sabe que es int
report: Metrics = {"roc_auc": 0.81, "recall_at_10": 0.42, "n_test": 900}
labels: list[int] = decide([0.2, 0.9])  # correcto: sin proba, clases
split_path("tets")  # ERROR: errata en un Literal
report["accuracy"]  # ERROR: clave que no existe en Metrics
probs: list[int] = decide([0.2, 0.9], proba=True)  # ERROR: con proba=True devuelve floats
name: str = first_present([1, None])  # ERROR: first_present de ints devuelve int
'''
gallery_path = WORKSPACE / "typing_gallery.py"
gallery_path.write_text(GALLERY_SOURCE, encoding="utf-8")
gallery = run_mypy([gallery_path], cache_dir=MYPY_CACHE)
print(gallery.summary())

# %% [markdown]
# Cuatro errores, los cuatro marcados con `ERROR`, y ninguno en las líneas correctas. Fíjate en que
# ninguno se habría visto ejecutando el notebook con los datos de hoy: la errata `"tets"` solo
# explota el día que alguien evalúa en test; la clave `"accuracy"`, el día que se genera el informe.
#
# Dos límites que conviene saber desde ya:
#
# - **Los tipos no se comprueban al ejecutar.** `split_path("tets")` corre sin quejarse en Python;
#   solo mypy (o tu editor) lo ve. En la frontera con el exterior (archivos, variables de entorno,
#   peticiones HTTP) hace falta validar en ejecución: eso es Pydantic (§3).
# - **DataFrames y arrays tienen tipos pobres.** `pd.DataFrame` no dice qué columnas tiene. Para eso
#   están los esquemas de datos (pandera, módulo 08); los tipos cubren tu código, no tus datos.
#
# ### 2.3 ruff: lo que mypy no mira
#
# mypy comprueba que los tipos encajan. Hay otra familia de errores que **encajan perfectamente** y
# aun así están mal: un valor por defecto mutable que se comparte entre llamadas, un `zip` que
# corta en silencio cuando las dos listas no miden lo mismo, un import que nadie usa. De eso se
# encarga un *linter*, y el estándar actual en Python es **ruff**: un único programa (compilado,
# tarda milisegundos) con dos órdenes, `ruff check` (el linter) y `ruff format` (el formateador).
# Es lo que ejecutan el pre-commit y la CI del módulo 04.
#
# Primero, el fallo. Este fragmento pasa `mypy --strict` y tiene dos errores de los que cuestan
# días en un pipeline de scoring:

# %%
BUGGY_SOURCE = '''\
import json
from typing import List


def collect_ids(batch: List[str], seen: List[str] = []) -> List[str]:
    """IDs de clientes distintos del lote."""
    for customer_id in batch:
        if customer_id not in seen:
            seen.append(customer_id)
    return seen


def scores_by_customer(ids: List[str], scores: List[float]) -> dict[str, float]:
    """Probabilidad de abandono de cada cliente."""
    return dict(zip(ids, scores))
'''
buggy_path = WORKSPACE / "buggy_scoring.py"
buggy_path.write_text(BUGGY_SOURCE, encoding="utf-8")
buggy: dict[str, object] = {}
exec(compile(BUGGY_SOURCE, str(buggy_path), "exec"), buggy)
print("lote 1:", buggy["collect_ids"](["C1", "C2"]))
print("lote 2:", buggy["collect_ids"](["C3"]), " ← ¡arrastra los IDs del lote 1!")
print("scores:", buggy["scores_by_customer"](["C1", "C2", "C3"], [0.9, 0.1]), " ← ¿y C3?")
print(run_mypy([buggy_path], cache_dir=MYPY_CACHE).summary())

# %% [markdown]
# mypy no tiene nada que decir: los tipos son correctos. El valor por defecto `[]` se crea **una
# sola vez**, al definir la función, y todas las llamadas comparten esa lista (en una API, el lote
# de un usuario aparece en la respuesta del siguiente). `zip` se detiene en la lista más corta: el
# cliente C3 se queda sin score y nadie se entera. Ahora, ruff, con una selección de reglas
# **explícita** (ruff no adivina qué quieres; sin `--select` solo activa unas pocas):
#
# | familia | origen | por qué en código de ML |
# |---|---|---|
# | `F` | pyflakes | imports y variables sin usar (`F401`, `F841`), nombres sin definir: código muerto que sobrevive a los notebooks |
# | `E` | pycodestyle (errores) | `== None`, `except:` desnudo, líneas de más de 100 caracteres |
# | `I` | isort | imports ordenados en bloques: menos conflictos de merge cuando el equipo crece |
# | `UP` | pyupgrade | sintaxis de tu versión de Python: `list[str]` y `X \| None` en lugar de `typing.List` y `Optional` |
# | `B` | flake8-bugbear | bugs probables: `B006` (valor por defecto mutable), `B905` (`zip` sin `strict=`) |

# %%
lint = run_ruff_check([buggy_path])
print(lint.summary())

# %% [markdown]
# Cada línea es `archivo:línea:columna: CÓDIGO mensaje`, y, como en mypy, el código es lo que se
# busca en la documentación (`ruff rule B006` lo explica en la terminal) y lo que se silencia si de
# verdad hace falta (un comentario `noqa: B006` tras `#`, nunca un `noqa` sin código). Los marcados
# con `[*]` tienen arreglo **seguro**, y `ruff check --fix` los aplica (borrar el import, cambiar
# `List` por `list`); los dos bugs exigen decidir (¿`None` y crear la lista dentro?
# ¿`zip(..., strict=True)` para que falle?), así que los deja:

# %%
fixed = run_ruff_check([buggy_path], fix=True)
print(fixed.summary())

# %% [markdown]
# La otra mitad es el **formato**. Discutir comillas, espacios y saltos de línea en una revisión de
# código es tiempo perdido: `ruff format` (compatible con Black) deja el código de todo el equipo
# igual, y `ruff format --check` falla en CI si alguien no lo pasó. Un archivo escrito con prisa:

# %%
MESSY_SOURCE = """\
def churn_summary(rates:dict[str,float],threshold:float=0.3)->dict[str,list[str]]:
    high=[region for region,rate in rates.items() if rate>=threshold]
    return {'alto':high,'bajo':[r for r in rates if r not in high]}
"""
messy_path = WORKSPACE / "messy_summary.py"
messy_path.write_text(MESSY_SOURCE, encoding="utf-8")
print(run_ruff_format([messy_path]).summary())

# %%
run_ruff_format([messy_path], check=False)  # ahora sí escribe el archivo
print(messy_path.read_text(encoding="utf-8"))
print(run_ruff_format([messy_path]).summary())

# %% [markdown]
# En el Ejercicio 1 tu módulo tipado tendrá que pasar las dos órdenes: `mypy --strict`, `ruff check`
# con estas reglas y `ruff format --check`. Los tests ejecutan el ruff del entorno sobre tu código y
# te enseñan sus hallazgos tal cual.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 15 min.*

# %% [markdown]
# ## 3. Configuración validada con Pydantic v2
#
# ### 3.1 El fallo silencioso
#
# La configuración de un entrenamiento suele llegar de un YAML o de variables de entorno: texto
# escrito a mano. Este es el patrón habitual con un diccionario, y una errata (`n_estimatros`):

# %%
raw_config = {"model_type": "random_forest", "n_estimatros": 500, "test_size": "0.2"}


def trees_from_dict(config: dict[str, object]) -> object:
    """Lo que hace mucho código de entrenamiento: leer con un valor por defecto."""
    return config.get("n_estimators", 100)


trees_from_dict(raw_config), type(raw_config["test_size"]).__name__

# %% [markdown]
# Nadie se entera: el modelo se entrena con **100** árboles, no con 500, y `test_size` es el texto
# `"0.2"`, que fallará (o no) mucho más adelante. El código «funciona».
#
# ### 3.2 Un modelo Pydantic: la aduana de la configuración
#
# **Metáfora: la aduana.** Todo lo que entra en tu programa desde fuera (YAML, entorno, JSON de una
# petición) pasa por una aduana que revisa cada bulto *en la frontera*. Dentro del país ya no se
# revisa nada: el resto del código trabaja con objetos tipados y fiables.
#
# ```mermaid
# flowchart LR
#     Y["YAML / variables de entorno<br/>(texto escrito a mano)"] --> V{"Modelo Pydantic<br/>tipos, límites, validadores"}
#     V -->|válido| C["objeto tipado e inmutable"]
#     C --> TR["entrenamiento de 6 h"]
#     V -->|inválido| E["error claro en 0.1 s:<br/>qué campo, qué valor, qué se esperaba"]
# ```
#
# Un modelo para la configuración del *servicio* de predicción (en el Ejercicio 2 harás el del
# entrenamiento):

# %%
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ServingConfig(BaseModel):
    """Configuración del servicio que sirve el modelo de churn."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model_uri: str = Field(min_length=1, description="dónde está el modelo (models:/churn/3)")
    port: int = Field(default=8000, ge=1024, le=65535)
    decision_threshold: float = Field(default=0.5, gt=0, lt=1)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("model_uri")
    @classmethod
    def uri_has_scheme(cls, uri: str) -> str:
        """Un URI sin esquema suele ser una ruta local que en el servidor no existe."""
        if "://" not in uri and not uri.startswith("models:/"):
            raise ValueError(f"model_uri necesita un esquema (models:/, s3://, file://): {uri!r}")
        return uri


ServingConfig(model_uri="models:/churn/3", port="8080")

# %% [markdown]
# Fíjate en `port="8080"`: Pydantic, en su modo por defecto (*lax*), **convierte** el texto `"8080"`
# en el entero 8080, porque es lo que esperas al leer variables de entorno (que siempre son texto).
# Si quieres que no convierta nada, `Field(strict=True)` o `ConfigDict(strict=True)`.
#
# Y cuando algo está mal, **todos** los errores salen de golpe, no uno por ejecución:

# %%
try:
    ServingConfig(
        model_uri="churn.pkl", port=80, decision_threshold=1.5, log_level="verbose", workers=4
    )
except ValidationError as err:
    pydantic_error = err
print(pydantic_error)

# %% [markdown]
# El mensaje de Pydantic es preciso, pero está pensado para desarrolladores y en inglés. Quien edita
# el YAML necesita saber **qué campo, qué recibió y qué sería válido**, en su idioma. El paquete del
# curso trae `explain_validation_error`, que traduce los tipos de error más comunes y conserva tal
# cual los mensajes de tus validadores (por eso se escriben en español):

# %%
print(explain_validation_error(pydantic_error))

# %% [markdown]
# ### 3.3 Configuración desde variables de entorno: `pydantic-settings`
#
# En un contenedor o en CI, la configuración llega por variables de entorno (y los secretos, **solo**
# por ahí: nunca en el repositorio). `BaseSettings` lee el entorno con un prefijo, convierte los
# tipos y valida igual que un `BaseModel`. Simulamos el entorno con `patch.dict`, que lo restaura
# al salir del bloque:

# %%
from unittest.mock import patch

from pydantic_settings import BaseSettings, SettingsConfigDict


class ServingSettings(BaseSettings):
    """La misma configuración, leída de variables CHURN_*."""

    model_config = SettingsConfigDict(env_prefix="CHURN_", extra="forbid", frozen=True)

    model_uri: str = Field(min_length=1)
    port: int = Field(default=8000, ge=1024, le=65535)
    decision_threshold: float = Field(default=0.5, gt=0, lt=1)


with patch.dict("os.environ", {"CHURN_MODEL_URI": "models:/churn/3", "CHURN_PORT": "9000"}):
    settings = ServingSettings()
settings

# %%
# Una variable de entorno con un valor imposible: el servicio no arranca, y dice por qué.
with patch.dict("os.environ", {"CHURN_MODEL_URI": "models:/churn/3", "CHURN_PORT": "99999"}):
    try:
        ServingSettings()
    except ValidationError as err:
        print(explain_validation_error(err))

# %% [markdown]
# ### 3.4 Pydantic, dataclass o `TypedDict`
#
# | | `TypedDict` | `@dataclass` | Pydantic `BaseModel` |
# |---|---|---|---|
# | Qué es | un `dict` con claves tipadas | una clase de datos | una clase que **valida y convierte** |
# | ¿Valida al ejecutar? | no (solo mypy) | no (salvo que escribas `__post_init__`) | sí, tipos, límites y validadores |
# | Costo | ninguno | mínimo | validar cuesta: no lo pongas en un bucle por fila |
# | Úsalo para | filas, JSON interno, métricas | objetos internos de tu código | **fronteras**: configuración, peticiones, archivos |
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 45 min.*

# %% [markdown]
# ## 4. Decoradores: comportamiento transversal sin repetir código
#
# Un decorador es una función que recibe una función y devuelve otra que la envuelve: la misma
# llamada, con algo antes o después (medir tiempo, reintentar, cachear, registrar). En ML aparecen
# por todas partes: `@pytest.fixture`, `@app.get` de FastAPI, `@functools.cache`.
#
# Un decorador bien hecho añade comportamiento sin cambiar la función; uno mal hecho, además,
# **esconde** su nombre, su documentación y su firma detrás de la función envoltorio.
#
# ### 4.1 El fallo: un decorador que esconde la función


# %%
def log_calls(func):
    """Decorador ingenuo: registra cada llamada."""

    def inner(*args, **kwargs):
        print(f"llamando a {func.__name__}")
        value = func(*args, **kwargs)
        return value

    return inner


@log_calls
def churn_probability(balance_eur: float, is_active: bool) -> float:
    """Probabilidad de abandono de un cliente (modelo de juguete)."""
    return 0.4 if not is_active and balance_eur > 100_000 else 0.1


churn_probability.__name__, churn_probability.__doc__, str(inspect.signature(churn_probability))

# %% [markdown]
# El nombre es `inner`, la documentación ha desaparecido y la firma es `(*args, **kwargs)`. No es
# estético: FastAPI construye los parámetros de un endpoint **leyendo la firma** de la función;
# pytest, MLflow y los logs usan el nombre. `functools.wraps` copia nombre, documentación, firma
# (vía `__wrapped__`) y anotaciones a la función envoltorio. Y con `ParamSpec` el decorador queda
# tipado: mypy sigue sabiendo qué parámetros acepta la función decorada.

# %%
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def timed(func: Callable[P, R]) -> Callable[P, R]:
    """Mide y anota en `last_timings` lo que tarda cada llamada."""

    @functools.wraps(func)
    def timed_call(*args: P.args, **kwargs: P.kwargs) -> R:
        start = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        finally:
            last_timings[func.__name__] = time.perf_counter() - start
        return result

    return timed_call


last_timings: dict[str, float] = {}


@timed
def churn_rate(frame: pd.DataFrame) -> float:
    """Tasa de abandono de una tabla de clientes."""
    return float(frame["churned"].mean())


churn_rate(churn), churn_rate.__name__, str(inspect.signature(churn_rate)), last_timings

# %% [markdown]
# ### 4.2 Reintentos con espera exponencial
#
# Las llamadas a otros sistemas fallan de forma **transitoria**: el feature store reinicia, la red
# corta una conexión, el registro de modelos devuelve un 503. Reintentar de inmediato suele fallar
# otra vez (el servicio sigue caído) y, si mil clientes reintentan a la vez, lo tumban de nuevo.
# La respuesta estándar es esperar cada vez más: `base, base·factor, base·factor², …`
#
# El paquete del curso trae un feature store simulado que falla las primeras veces:

# %%
store = FlakyFeatureStore(failures=2)
for _ in range(3):
    try:
        print(store.fetch("C000042"))
    except ConnectionError as err:
        print(f"ConnectionError: {err}")

# %% [markdown]
# Un decorador de reintentos hace esto sin ensuciar la función. Lo escribirás en el Ejercicio 3, con
# un detalle de ingeniería: **la función `sleep` se inyecta**. En producción es `time.sleep`; en un
# test es un objeto que apunta cuánto habría esperado (`RecordingSleep`), así el test tarda
# milisegundos en lugar de segundos. Es la misma idea que inyectar el reloj o la fuente de
# aleatoriedad: lo que el código no controla, se le pasa como parámetro.
#
# Cuánto espera en total un reintento exponencial (base 0.5 s, factor 2):

# %%
pd.DataFrame(
    {
        "intentos": range(1, 9),
        "espera total (s)": [sum(0.5 * 2**i for i in range(n - 1)) for n in range(1, 9)],
    }
).set_index("intentos").T

# %% [markdown]
# Con 8 intentos ya son más de 60 s. En un pipeline nocturno es aceptable; en una API que responde a
# un usuario, no: ahí se usan pocos intentos, un tope de espera (`max_delay`) y un poco de azar
# (*jitter*) para que los clientes no reintenten todos a la vez.
#
# ### 4.3 Caché: `functools.cache` y sus trampas
#
# `functools.cache` (o `lru_cache(maxsize=...)`) recuerda el resultado para cada combinación de
# argumentos. Es útil para funciones **puras** y caras de argumentos **hashables**:


# %%
@functools.lru_cache(maxsize=32)
def region_churn_rate(region: str) -> float:
    """Tasa de abandono de una región (recorre la tabla completa)."""
    return float(churn.loc[churn["region"] == region, "churned"].mean())


rates = [round(region_churn_rate(r), 3) for r in ["Madrid", "Madrid", "Andalucía"]]
rates, region_churn_rate.cache_info()

# %% [markdown]
# Dos trampas, las dos frecuentes en ML:
#
# 1. **Argumentos no hashables**: un `DataFrame` o una lista no pueden ser clave de caché.
# 2. **Datos que cambian por debajo**: la función lee `churn`, que *no* es argumento. Si la tabla se
#    recarga con datos nuevos, la caché sigue devolviendo los números viejos, sin avisar.

# %%
try:
    functools.cache(churn_rate)(churn)
except TypeError as err:
    print(f"TypeError: {err}")

# %% [markdown]
# ### 4.4 Cuándo NO usar un decorador
#
# | Situación | Por qué no | Alternativa |
# |---|---|---|
# | Reintentar una operación **no idempotente** (cobrar, enviar un email, insertar una fila) | el reintento la repite: cobras dos veces | clave de idempotencia en el servicio, o no reintentar |
# | Reintentar errores **permanentes** (`ValueError`, 404, credenciales) | repetir no lo arregla y retrasa el fallo | reintenta solo excepciones transitorias concretas |
# | Cachear funciones que leen estado global o archivos | resultados viejos sin aviso | pasa los datos como argumento, o caché con invalidación explícita (DVC, MLflow) |
# | Lógica de negocio que el lector debe ver | el decorador la esconde lejos de la función | una llamada explícita dentro de la función |
# | Cinco decoradores apilados | el orden importa y nadie lo recuerda | compón funciones explícitamente |
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 20 min.*

# %% [markdown]
# ## 5. OOP para ML: composición, `Protocol` y dataclasses
#
# ### 5.1 El fallo: heredar de un estimador
#
# Queremos un clasificador con un umbral de decisión distinto de 0.5 (en churn, perder un cliente
# cuesta más que llamar a uno que no se iba). La tentación es heredar de `LogisticRegression`:

# %%
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression


class ThresholdLogisticRegression(LogisticRegression):
    """Regresión logística con umbral propio (herencia: NO lo hagas así)."""

    def __init__(self, threshold=0.3, **kwargs):
        super().__init__(**kwargs)
        self.threshold = threshold

    def predict(self, X):
        return (self.predict_proba(X)[:, 1] >= self.threshold).astype(int)


inherited = ThresholdLogisticRegression(max_iter=1000, C=0.1)
copy_for_cv = clone(inherited)  # lo que hacen cross_val_score y GridSearchCV en cada pliegue
{"original": (inherited.max_iter, inherited.C), "clon": (copy_for_cv.max_iter, copy_for_cv.C)}

# %% [markdown]
# El clon ha perdido `max_iter=1000` y `C=0.1` **sin ningún error**: scikit-learn reconstruye los
# estimadores a partir de los parámetros de la firma de `__init__`, y `**kwargs` los esconde. Toda
# validación cruzada con esta clase evalúa otro modelo distinto del que crees. La herencia te ata a
# los detalles internos de la clase base, y además solo sirve para *ese* modelo: para un
# `RandomForestClassifier` habría que escribir otra subclase.
#
# ### 5.2 Composición: tener un modelo, no ser un modelo
#
# **Metáfora: el enchufe.** Una lámpara no hereda de la central eléctrica: tiene un enchufe que
# cumple una norma, y funciona en cualquier pared que cumpla la misma norma. Un `Protocol` es la
# norma del enchufe; la composición es enchufar.

# %%
from dataclasses import dataclass
from typing import Any, Protocol, Self, runtime_checkable

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


@runtime_checkable
class Classifier(Protocol):
    """Cualquier cosa con fit/predict al estilo scikit-learn (sin heredar de nada)."""

    def fit(self, X: Any, y: Any) -> Any: ...

    def predict(self, X: Any) -> Any: ...


@runtime_checkable
class ProbabilisticClassifier(Classifier, Protocol):
    """Un Classifier que además da probabilidades."""

    def predict_proba(self, X: Any) -> Any: ...


@dataclass
class ThresholdClassifier:
    """Composición: envuelve CUALQUIER clasificador probabilístico y aplica un umbral propio."""

    model: ProbabilisticClassifier
    threshold: float = 0.5

    def __post_init__(self) -> None:
        if not 0 < self.threshold < 1:
            raise ValueError(f"threshold debe estar entre 0 y 1 (excluidos); es {self.threshold}.")

    def fit(self, X: Any, y: Any) -> Self:
        self.model.fit(X, y)
        return self

    def predict(self, X: Any) -> Any:
        return (np.asarray(self.model.predict_proba(X))[:, 1] >= self.threshold).astype(int)


# Datos del ejemplo del curso: columnas numéricas, partición estratificada.
FEATURES = ["age", "tenure_months", "num_products", "balance_eur", "credit_score"]
X = churn[[*FEATURES, "is_active_member"]].astype("float64").to_numpy()
y = churn["churned"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, random_state=SEED, stratify=y
)

composed = [
    ThresholdClassifier(make_pipeline(StandardScaler(), LogisticRegression()), threshold=0.3),
    ThresholdClassifier(RandomForestClassifier(n_estimators=50, random_state=SEED), 0.3),
]
{
    type(c.model).__name__: float((c.fit(X_train, y_train).predict(X_test) == y_test).mean())
    for c in composed
}

# %% [markdown]
# La misma clase de 15 líneas sirve para cualquier modelo, presente o futuro, y **cumple ella misma
# el protocolo** `Classifier` (tiene `fit` y `predict`), así que se puede pasar a cualquier código
# que espere un clasificador. Nadie tuvo que heredar de nada:

# %%
{
    "LogisticRegression es Classifier": isinstance(LogisticRegression(), Classifier),
    "ThresholdClassifier es Classifier": isinstance(composed[0], Classifier),
    "un str es Classifier": isinstance("no soy un modelo", Classifier),
}

# %% [markdown]
# Dos apuntes:
#
# - `isinstance` con un `Protocol` marcado `@runtime_checkable` solo comprueba que **existan** los
#   métodos, no sus firmas. La comprobación completa la hace mypy, antes de ejecutar.
# - `@dataclass` te da `__init__`, `__repr__` y `__eq__` a partir de los campos anotados;
#   `@dataclass(frozen=True)` lo hace inmutable, ideal para resultados (un informe de métricas no
#   debería cambiar después de calcularse). Para *validar* lo que llega de fuera, Pydantic (§3).
#
# ### 5.3 Cuándo NO usar clases (ni Protocols)
#
# - **Una función basta.** Si la «clase» tiene `__init__` y un único método, es una función con
#   pasos extra. La mayoría del código de features son funciones puras.
# - **No inventes jerarquías «por si acaso».** `BaseModel → SklearnModel → ChurnModel` con un solo
#   modelo real es burocracia; un `Protocol` se escribe el día que aparece la segunda
#   implementación.
# - **No envuelvas scikit-learn para «esconderlo».** Su API (`fit`/`predict`/`Pipeline`) ya es un
#   estándar: si tu clase compone con él, bien; si lo reimplementa, mal.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 55 min.*

# %% [markdown]
# ## 6. El layout `src/`: paquetes que importan lo que crees
#
# ### 6.1 El fallo: importar lo que no es
#
# Python busca los módulos en `sys.path`, y **lo primero** de `sys.path` es la carpeta del script (o
# el directorio actual con `python -c` / `python -m`). Un archivo de tu proyecto que se llame como
# una biblioteca la tapa. Creamos un proyecto de juguete con un `yaml.py` propio:

# %%
shadow_dir = WORKSPACE / "shadow_demo"
shadow_dir.mkdir(exist_ok=True)
(shadow_dir / "yaml.py").write_text(
    '"""Mis utilidades de YAML (mal nombre)."""\n', encoding="utf-8"
)


def where_is(module: str, cwd: Path) -> str:
    """Qué archivo importa `python -c 'import <module>'` ejecutado en `cwd`."""
    code = f"import {module}; print({module}.__file__)"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=tool_env(), capture_output=True, text=True
    )
    return proc.stdout.strip() or proc.stderr.strip().splitlines()[-1]


where_is("yaml", shadow_dir)

# %% [markdown]
# Ese `import yaml` no carga PyYAML: carga tu archivo. El mismo accidente, en versión silenciosa,
# ocurre con tu propio paquete. En un layout **plano** (`proyecto/churn_lib/`), al ejecutar los
# tests desde la raíz del proyecto se importa la carpeta local, **aunque el paquete no esté
# instalado o esté mal empaquetado**: los tests pasan en tu máquina y el paquete que instala CI (o
# el Dockerfile) no tiene, por ejemplo, el archivo que olvidaste declarar.

# %%
flat = WORKSPACE / "flat_demo"
(flat / "churn_lib").mkdir(parents=True, exist_ok=True)
(flat / "churn_lib" / "__init__.py").write_text('"""Layout plano."""\n', encoding="utf-8")
src_demo = WORKSPACE / "src_demo"
(src_demo / "src" / "churn_lib").mkdir(parents=True, exist_ok=True)
(src_demo / "src" / "churn_lib" / "__init__.py").write_text('"""Layout src."""\n', encoding="utf-8")

{
    "plano, desde la raíz": where_is("churn_lib", flat),
    "src/, desde la raíz": where_is("churn_lib", src_demo),
}

# %% [markdown]
# Con `src/`, la raíz del proyecto **no** contiene el paquete: para importarlo hay que instalarlo
# (`pip install -e .`) o decirlo explícitamente (`PYTHONPATH=src`). Así, lo que prueban tus tests es
# lo que has declarado, no lo que casualmente está en la carpeta. Es la recomendación de la Python
# Packaging User Guide («src layout vs flat layout»).
#
# ```mermaid
# flowchart TB
#     subgraph P["churn_lib/ (raíz del proyecto)"]
#         PY["pyproject.toml<br/>nombre, versión, build-system"]
#         subgraph S["src/"]
#             subgraph K["churn_lib/ (el paquete)"]
#                 I["__init__.py"]
#                 F["features.py"]
#                 T["py.typed<br/>(«tengo tipos»: mypy los usa)"]
#             end
#         end
#         TS["tests/"]
#     end
#     TS -.->|importa el paquete instalado,<br/>no la carpeta| K
# ```
#
# El archivo vacío **`py.typed`** (PEP 561) le dice a mypy que tu paquete trae anotaciones: sin él,
# quien instale tu paquete verá sus funciones como `Any` y mypy no comprobará nada de lo que use.
#
# El curso comprueba un proyecto en un **proceso nuevo** con `PYTHONPATH` solo para ese proceso
# (`import_in_fresh_process`): el kernel de este cuaderno y el entorno del curso no se tocan, y no
# se instala nada.

# %%
import_in_fresh_process("churn_lib", pythonpath=src_demo / "src", cwd=WORKSPACE).explain()

# %% [markdown]
# ### 6.2 `pyproject.toml`: un archivo, muchas herramientas
#
# `pyproject.toml` (PEP 518, 517 y 621) declara cómo se construye el paquete (`[build-system]`), qué
# es (`[project]`: nombre, versión, Python requerido, dependencias) y la configuración de las
# herramientas (`[tool.mypy]`, `[tool.ruff]`, `[tool.pytest.ini_options]`). `validate-pyproject`
# comprueba los esquemas oficiales sin construir nada:

# %%
broken_toml = WORKSPACE / "broken_pyproject.toml"
broken_toml.write_text('[project]\nname = "churn lib"\nversion = "uno"\n', encoding="utf-8")
pyproject_problems(broken_toml)

# %% [markdown]
# Falta `[build-system]` y el nombre con espacio no cumple el PEP 508. La versión `"uno"` tampoco
# cumple el PEP 440, pero el validador de esquemas se detiene en el primer error de `[project]`:
# corrige el nombre y te señalará la versión. En el módulo 03 elegirás herramienta de entornos (venv, conda, Poetry, uv): todas leen este mismo
# archivo.
#
# ### 6.3 Cuándo NO empaquetar
#
# - **Un análisis de una sola vez** que se presenta y se archiva: un notebook limpio y versionado
#   basta. Empaquetar lo que no se va a reutilizar es costo sin retorno.
# - **Un script de 50 líneas** que solo ejecuta un cron: un archivo con funciones y un
#   `if __name__ == "__main__":` es suficiente, hasta que aparezca el segundo script que quiere
#   importar sus funciones.
# - La señal para empaquetar: **el segundo consumidor** (un test, otro notebook, una API, un DAG)
#   que necesita importar el mismo código.
#
# ### ADR del módulo
#
# ```text
# ADR-01-01: Pydantic en las fronteras, dataclasses y TypedDict dentro
#
# CONTEXTO:
# La configuración de entrenamiento y del servicio de churn llega de YAML y de variables de
# entorno escritas a mano; una errata descubierta al final de un entrenamiento de 6 h cuesta
# el entrenamiento entero. Dentro del código, los objetos se crean desde código ya validado.
#
# DECISIÓN:
# Todo lo que cruza una frontera (archivos de configuración, entorno, peticiones HTTP) se
# valida con un modelo Pydantic v2 con extra="forbid" y frozen=True. Los objetos internos
# (resultados, informes) son dataclasses inmutables; las filas y métricas, TypedDict.
#
# CONSECUENCIAS:
# (+) Los errores de configuración se detectan al arrancar, todos a la vez y con el campo.
# (+) FastAPI (módulo 11) reutiliza los mismos modelos para validar peticiones.
# (-) Una dependencia más, y validar cuesta tiempo: no se usa para validar filas en un bucle.
# (-) Dos formas de declarar datos en el código: hay que saber cuál toca en cada sitio.
#
# ALTERNATIVAS RECHAZADAS:
# - Diccionarios con .get(clave, defecto): las erratas se convierten en valores por defecto.
# - Dataclasses con __post_init__ para todo: reescribir a mano lo que Pydantic ya hace bien.
# - JSON Schema a mano: valida, pero no da objetos tipados que mypy entienda.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 10 min.*

# %% [markdown]
# ## 7. Ejercicios
#
# Cinco ejercicios que suben la escalera del principio 2: **funcional** (código que hace lo que
# debe y que mypy y ruff aceptan) → **seguro** (la entrada de fuera se valida y los fallos se acotan)
# → **escalable** (más modelos y más consumidores sin tocar el código). Los Ejercicios 1 y 5 se
# comprueban con mypy, ruff y un proceso de Python nuevo, no comparando texto.
#
# ### Ejercicio 1 (funcional) · De script a `mypy --strict` y `ruff`
#
# Es el paso **funcional**: el mismo cálculo, pero con un contrato que mypy y ruff comprueban antes
# de ejecutar. Reescribe el fragmento de la §2.1 (`UNTYPED_SOURCE`) como un módulo tipado y
# guárdalo, **como texto**, en la variable `TYPED_FEATURES_SOURCE` (así es como vivirá en tu paquete: un archivo
# `.py`; el test lo escribe en tu carpeta de trabajo y ejecuta mypy sobre él). El módulo debe:
#
# 1. Definir `CustomerRow`, un `TypedDict` con exactamente `region: str`,
#    `is_active_member: bool` y `churned: int`.
# 2. Definir `age_band(ages, edges=None)` con tipos: `ages` es una **secuencia** de `int | None`
#    (una lista, una tupla o una `list[int]` ya tipada deben aceptarse), `edges` una secuencia de
#    `int` o `None`, y devuelve `list[int | None]`. Una llamada con `ages=["41"]` debe ser un error
#    de tipos.
# 3. Definir `churn_rate_by(rows, column)` con tipos: `rows` es un **iterable** (una lista, una
#    tupla, un generador) de `CustomerRow`, y `column` **solo** puede ser `"region"` o
#    `"is_active_member"` (usa `Literal`); devuelve un `dict` de valor del grupo → tasa (`float`).
#    Una llamada con `column="regoin"` debe ser un error de tipos.
# 4. Pasar `mypy --strict` sin errores, tanto el módulo solo como junto a código que lo usa bien.
# 5. Comportarse exactamente igual que el original, también cuando `rows` es un generador (que solo
#    se puede recorrer una vez): cortes de edad por defecto 30, 45, 60; cada corte cuenta si
#    `age >= corte`; una edad `None` da `None`.
# 6. Pasar `ruff check` con las reglas de la §2.3 (`F`, `E`, `I`, `UP`, `B`; líneas de hasta 100
#    caracteres; Python 3.11) **sin silenciar nada con comentarios `noqa`**: ni imports sobrantes o
#    desordenados, ni `typing.List`/`Optional`, ni valores por defecto mutables.
# 7. Estar escrito tal como lo deja `ruff format` (el test ejecuta `ruff format --check` y, si
#    falla, te enseña el diff: puedes copiar las líneas con `+`).
#
# ```text
# age_band([25, 30, None, 61])                    →  [0, 1, None, 3]
# age_band([10, 20, 30], edges=[15, 25])          →  [0, 1, 2]
# churn_rate_by([{"region": "Madrid", "is_active_member": True, "churned": 1},
#                {"region": "Madrid", "is_active_member": False, "churned": 0}], "region")
#                                                 →  {"Madrid": 0.5}
# churn_rate_by([], "region")                     →  {}
# ```
#
# Puedes reorganizar el código como quieras (comprensiones, otros nombres de variables): lo que se
# comprueba es el comportamiento, los tipos y lo que dicen mypy y ruff. Solo biblioteca estándar.

# %% nbgrader={"grade": false, "grade_id": "typed", "locked": false, "schema_version": 3, "solution": true, "task": false}
# Escribe el módulo completo dentro del texto (imports incluidos).
### BEGIN SOLUTION
TYPED_FEATURES_SOURCE = '''\
"""Features del modelo de churn, con tipos que mypy --strict puede comprobar."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict

DEFAULT_AGE_EDGES: tuple[int, ...] = (30, 45, 60)
GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    """Una fila de clientes con las columnas que usan estas funciones."""

    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    """Banda de edad de cada cliente; None si falta la edad."""
    cuts = DEFAULT_AGE_EDGES if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    """Tasa de abandono por cada valor de `column`."""
    counts: dict[str | bool, int] = {}
    churned: dict[str | bool, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-tipos-strict", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4]: el módulo pasa mypy --strict, también usado por un cliente correcto, y
# CustomerRow es un TypedDict con las tres columnas.
import importlib.util
import shutil
import sys
import typing

from mlops_course.lessons.m01_pymodern import run_mypy
from mlops_course.machinery.workspace import module_workspace

check_dir = module_workspace("01_python_moderno") / "typed_check"
shutil.rmtree(check_dir, ignore_errors=True)
check_dir.mkdir(parents=True)
module_file = check_dir / "typed_features.py"
module_file.write_text(TYPED_FEATURES_SOURCE, encoding="utf-8")
(check_dir / "client_ok.py").write_text(
    "from typed_features import CustomerRow, age_band, churn_rate_by\n"
    "rows: list[CustomerRow] = [\n"
    '    {"region": "Madrid", "is_active_member": True, "churned": 1},\n'
    "]\n"
    'rate: float = churn_rate_by(rows, "region")["Madrid"]\n'
    'by_activity = churn_rate_by(rows, "is_active_member")\n'
    "bands: list[int | None] = age_band([25, None], edges=(40,))\n"
    "default_bands = age_band([61])\n",
    encoding="utf-8",
)
report = run_mypy(
    [module_file, check_dir / "client_ok.py"],
    cache_dir=module_workspace("01_python_moderno") / ".mypy_cache",
)
assert report.ok, (
    "Tu módulo (o un uso correcto de él) no pasa mypy --strict. Errores:\n" + report.summary()
)
spec = importlib.util.spec_from_file_location("typed_features_check", module_file)
typed_module = importlib.util.module_from_spec(spec)
sys.modules["typed_features_check"] = typed_module
spec.loader.exec_module(typed_module)
assert typing.is_typeddict(getattr(typed_module, "CustomerRow", None)), (
    "El módulo debe definir CustomerRow como un TypedDict (class CustomerRow(TypedDict): ...)."
)
### BEGIN HIDDEN TESTS
row_types = typing.get_type_hints(typed_module.CustomerRow)
expected_types = {"region": str, "is_active_member": bool, "churned": int}
assert row_types == expected_types, (
    f"CustomerRow debe tener exactamente region: str, is_active_member: bool y churned: int; "
    f"tiene {row_types}."
)
(check_dir / "client_more.py").write_text(
    "from collections.abc import Iterator\n"
    "from typed_features import age_band, churn_rate_by, CustomerRow\n"
    "known: list[int] = [25, 61]\n"
    "from_typed_list = age_band(known)\n"
    "from_tuple: list[int | None] = age_band((30, None), edges=[40])\n"
    "stored: tuple[CustomerRow, ...] = (\n"
    '    {"region": "Madrid", "is_active_member": False, "churned": 0},\n'
    ")\n"
    "def stream() -> Iterator[CustomerRow]:\n"
    "    yield from stored\n"
    'from_tuple_rows = churn_rate_by(stored, "region")\n'
    'share: float = churn_rate_by(stream(), "is_active_member")[False]\n',
    encoding="utf-8",
)
more = run_mypy(
    [module_file, check_dir / "client_more.py"],
    cache_dir=check_dir.parent / ".mypy_cache",
)
assert more.ok, (
    "Un uso correcto con otras secuencias e iterables no pasa mypy: ages debe ser una "
    "Sequence[int | None] (no list: una list[int] o una tupla también valen) y rows un "
    "Iterable[CustomerRow] (una tupla o un generador también valen). Errores:\n" + more.summary()
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-tipos-comportamiento", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: age_band y churn_rate_by se comportan exactamente como el original de la §2.1.
import importlib.util
import shutil
import sys

from mlops_course.machinery.workspace import module_workspace

behaviour_dir = module_workspace("01_python_moderno") / "typed_behaviour"
shutil.rmtree(behaviour_dir, ignore_errors=True)
behaviour_dir.mkdir(parents=True)
(behaviour_dir / "typed_features.py").write_text(TYPED_FEATURES_SOURCE, encoding="utf-8")
spec = importlib.util.spec_from_file_location(
    "typed_features_behaviour", behaviour_dir / "typed_features.py"
)
features_module = importlib.util.module_from_spec(spec)
sys.modules["typed_features_behaviour"] = features_module
spec.loader.exec_module(features_module)

got_bands = features_module.age_band([25, 30, None, 61])
assert got_bands == [0, 1, None, 3], (
    f"age_band([25, 30, None, 61]) debe ser [0, 1, None, 3] y es {got_bands!r}: "
    "con los cortes por defecto (30, 45, 60) cada corte cuenta si age >= corte, y None se conserva."
)
madrid = [
    {"region": "Madrid", "is_active_member": True, "churned": 1},
    {"region": "Madrid", "is_active_member": False, "churned": 0},
]
got_rates = features_module.churn_rate_by(madrid, "region")
assert got_rates == {"Madrid": 0.5}, (
    f"churn_rate_by(<dos filas de Madrid>, 'region') debe ser {{'Madrid': 0.5}}; es {got_rates!r}."
)
### BEGIN HIDDEN TESTS
custom = features_module.age_band([10, 20, 30], edges=[15, 25])
assert custom == [0, 1, 2], (
    f"age_band([10, 20, 30], edges=[15, 25]) debe ser [0, 1, 2]; es {custom}: usa los cortes "
    "recibidos en edges."
)
assert features_module.age_band([]) == [], "age_band([]) debe devolver []."
assert features_module.age_band((45, 44, 59, 60, None)) == [2, 1, 2, 3, None], (
    "age_band((45, 44, 59, 60, None)) debe ser [2, 1, 2, 3, None]: el corte cuenta cuando "
    "age >= corte (45 ya está en la banda 2) y una tupla también es una secuencia."
)
sample = [
    {"churned": 1, "region": "Madrid", "is_active_member": True},
    {"churned": 0, "region": "Madrid", "is_active_member": False},
    {"churned": 1, "region": "Galicia", "is_active_member": False},
]
assert features_module.churn_rate_by(sample, "region") == {"Madrid": 0.5, "Galicia": 1.0}, (
    "churn_rate_by(..., 'region') no da las tasas esperadas por región."
)
assert features_module.churn_rate_by(sample, "is_active_member") == {True: 1.0, False: 0.5}, (
    "churn_rate_by(..., 'is_active_member') debe agrupar por True/False."
)
streamed = features_module.churn_rate_by((row for row in sample), "region")
assert streamed == {"Madrid": 0.5, "Galicia": 1.0}, (
    f"Con un generador de filas, churn_rate_by da {streamed!r}: un generador solo se recorre una "
    "vez, así que cuenta filas y abandonos en la misma pasada."
)
assert features_module.churn_rate_by([], "region") == {}, "Sin filas, churn_rate_by devuelve {}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-tipos-erratas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4]: mypy rechaza los malos usos (columna con errata, edades como texto, una
# fila incompleta) gracias a tus tipos.
import shutil

from mlops_course.lessons.m01_pymodern import run_mypy
from mlops_course.machinery.workspace import module_workspace

misuse_dir = module_workspace("01_python_moderno") / "typed_misuse"
shutil.rmtree(misuse_dir, ignore_errors=True)
misuse_dir.mkdir(parents=True)
(misuse_dir / "typed_features.py").write_text(TYPED_FEATURES_SOURCE, encoding="utf-8")
(misuse_dir / "client_bad.py").write_text(
    "from typed_features import CustomerRow, age_band, churn_rate_by\n"
    "rows: list[CustomerRow] = []\n"
    'churn_rate_by(rows, "regoin")\n'
    'age_band(["41", 50])\n'
    'churn_rate_by([{"region": "Madrid", "churned": 1}], "region")\n',
    encoding="utf-8",
)
misuse = run_mypy(
    [misuse_dir / "typed_features.py", misuse_dir / "client_bad.py"],
    cache_dir=module_workspace("01_python_moderno") / ".mypy_cache",
)
assert not misuse.errors_in("typed_features.py"), (
    "Tu módulo tiene errores de mypy --strict:\n" + misuse.summary()
)
flagged = {e.line for e in misuse.errors_in("client_bad.py")}
assert 3 in flagged, (
    "mypy no detecta churn_rate_by(rows, 'regoin'): anota column con "
    "Literal['region', 'is_active_member'], no con str."
)
### BEGIN HIDDEN TESTS
assert 4 in flagged, (
    "mypy no detecta age_band(['41', 50]): ages debe ser una secuencia de int | None, no de Any."
)
assert 5 in flagged, (
    "mypy no detecta una fila sin la clave is_active_member: rows debe ser un "
    "Iterable[CustomerRow], no de dict[str, Any] ni de Mapping[str, Any]."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-tipos-ruff-check", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6]: ruff check (reglas F, E, I, UP y B) no encuentra nada en tu módulo, tampoco
# cuando se ignoran los comentarios noqa.
import shutil

from mlops_course.lessons.m01_pymodern import ML_RULES, run_ruff_check
from mlops_course.machinery.workspace import module_workspace

lint_dir = module_workspace("01_python_moderno") / "typed_ruff"
shutil.rmtree(lint_dir, ignore_errors=True)
lint_dir.mkdir(parents=True)
(lint_dir / "typed_features.py").write_text(TYPED_FEATURES_SOURCE, encoding="utf-8")
lint = run_ruff_check([lint_dir / "typed_features.py"], select=ML_RULES)
assert lint.ok, (
    "ruff check encuentra problemas en tu módulo (la línea es la de TYPED_FEATURES_SOURCE). "
    "Corrígelos en el texto; los marcados con [*] son los que `ruff check --fix` arregla solo:\n"
    + lint.summary()
)
### BEGIN HIDDEN TESTS
unsilenced = run_ruff_check([lint_dir / "typed_features.py"], select=ML_RULES, ignore_noqa=True)
assert unsilenced.ok, (
    "Tu módulo pasa ruff solo porque un comentario # noqa silencia un hallazgo. Aquí no hay "
    "motivo para silenciar nada: arregla lo que ruff señala.\n" + unsilenced.summary()
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-tipos-ruff-format", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R7]: tu módulo está escrito como lo deja ruff format (ruff format --check no cambia
# nada).
import shutil

from mlops_course.lessons.m01_pymodern import run_ruff_format
from mlops_course.machinery.workspace import module_workspace

format_dir = module_workspace("01_python_moderno") / "typed_format"
shutil.rmtree(format_dir, ignore_errors=True)
format_dir.mkdir(parents=True)
(format_dir / "typed_features.py").write_text(TYPED_FEATURES_SOURCE, encoding="utf-8")
layout = run_ruff_format([format_dir / "typed_features.py"])
assert layout.ok, (
    "Tu módulo no está formateado como lo deja ruff format (comillas dobles, espacios, dos líneas "
    "en blanco entre funciones, líneas de hasta 100 caracteres).\n" + layout.summary()
)

# %% [markdown]
# ### Ejercicio 2 (seguro) · La configuración de entrenamiento, validada
#
# Es un paso **seguro** porque valida la entrada en la frontera: un YAML escrito a mano con una
# errata o un valor imposible se rechaza al arrancar, con el campo culpable, en lugar de entrenar
# seis horas con un valor por defecto. Escribe `TrainingConfig`, un modelo Pydantic v2 para la
# configuración de un entrenamiento del modelo de churn, con estos campos:
#
# | campo | tipo | por defecto | válido |
# |---|---|---|---|
# | `model_type` | `Literal["logistic_regression", "random_forest"]` | `"logistic_regression"` | uno de los dos |
# | `features` | `list[str]` | **obligatorio** | al menos 1 columna, **sin repetidas** |
# | `target` | `str` | `"churned"` | **no** puede estar en `features` (fuga de la etiqueta) |
# | `test_size` | `float` | `0.2` | `0 < test_size ≤ 0.5` |
# | `n_estimators` | `int` | `100` | `1 ≤ n_estimators ≤ 2000` |
# | `max_depth` | `int \| None` | `None` | `None` o `≥ 1` |
# | `random_state` | `int` | `42` | `≥ 0` |
#
# Requisitos:
#
# 1. Tiene exactamente los siete campos de la tabla, con sus valores por defecto:
#    `TrainingConfig(features=[...])` completa el resto con ellos.
# 2. `features` es **obligatorio** (sin valor por defecto) y necesita al menos una columna.
# 3. Cada campo solo acepta lo que dice la columna «válido»: `model_type`, uno de los dos valores;
#    los límites numéricos, con los extremos incluidos o excluidos tal como están escritos (`0.5` es
#    un `test_size` válido; `0`, no). Un valor fuera de rango es un `ValidationError` que señala ese
#    campo.
# 4. Un campo desconocido (una errata como `n_estimatros`) es un **error**, no se ignora.
# 5. La configuración es **inmutable** una vez creada (`frozen=True`): asignar un campo es un error.
# 6. Una columna repetida en `features` es un error cuyo mensaje **nombra la columna repetida**.
# 7. Si `target` está en `features` (fuga de la etiqueta), es un error cuyo mensaje **nombra esa
#    columna**; vale para cualquier `target`, no solo para `"churned"`.
# 8. Los campos enteros (`n_estimators`, `max_depth`, `random_state`) **no aceptan booleanos**. En
#    YAML, `n_estimators: yes` se lee como `True`, y Pydantic, en su modo *lax*, lo convertiría en
#    silencio en `1`: un bosque de un solo árbol. Debe ser un `ValidationError` que señale el campo
#    (pista: `Field(..., strict=True)` en esos campos; `bool` es una subclase de `int` en Python).
#
# Las reglas que no expresa `Field` (6 y 7) van en validadores (`@field_validator`,
# `@model_validator(mode="after")`) que lanzan `ValueError` con un mensaje en español; Pydantic lo
# convierte en un `ValidationError`.
#
# ```text
# TrainingConfig(features=["age", "tenure_months"]).test_size    →  0.2
# TrainingConfig(features=["age"], test_size=0.9)                →  ValidationError (test_size)
# TrainingConfig(features=["age"], n_estimatros=500)             →  ValidationError (n_estimatros)
# TrainingConfig(features=["age", "churned"])                    →  ValidationError: ... 'churned' ...
# ```

# %%
# Lo que necesitas ya está importado aquí.
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


# %% nbgrader={"grade": false, "grade_id": "config", "locked": false, "schema_version": 3, "solution": true, "task": false}
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    ### BEGIN SOLUTION
    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    # strict=True: un `yes` de YAML (True) no se convierte en silencio en el entero 1.
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        """Una columna repetida suele ser un copia-pega: mejor avisar que entrenar con ella."""
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        """La etiqueta como feature da un modelo perfecto en test e inútil en producción."""
        if self.target in self.features:
            raise ValueError(
                f"la columna objetivo '{self.target}' no puede estar en features: "
                "sería una fuga de la etiqueta"
            )
        return self

    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-config-defecto", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: una configuración mínima es válida y tiene los valores por defecto del
# enunciado; los valores extremos que la tabla permite se aceptan.
config = TrainingConfig(features=["age", "tenure_months"])
expected = {
    "model_type": "logistic_regression",
    "features": ["age", "tenure_months"],
    "target": "churned",
    "test_size": 0.2,
    "n_estimators": 100,
    "max_depth": None,
    "random_state": 42,
}
assert config.model_dump() == expected, (
    f"TrainingConfig(features=['age', 'tenure_months']).model_dump() debe ser {expected} y es "
    f"{config.model_dump()}: revisa nombres de campos y valores por defecto."
)
### BEGIN HIDDEN TESTS
edge = TrainingConfig(
    model_type="random_forest",
    features=["balance_eur"],
    test_size=0.5,
    n_estimators=2000,
    max_depth=1,
    random_state=0,
)
assert (edge.test_size, edge.n_estimators, edge.max_depth) == (0.5, 2000, 1), (
    "Los extremos válidos (test_size=0.5, n_estimators=2000, max_depth=1, random_state=0) deben "
    "aceptarse."
)
assert TrainingConfig(features=["age"], n_estimators=1).n_estimators == 1, (
    "n_estimators=1 es válido (1 ≤ n_estimators)."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-config-limites", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4, R8]: valores fuera de rango, features vacío o ausente, campos desconocidos y
# booleanos en campos enteros se rechazan, señalando el campo.
import yaml
from pydantic import ValidationError


def rejected_fields(**data):
    """Campos que TrainingConfig(**data) señala como inválidos (vacío si lo acepta)."""
    try:
        TrainingConfig(**data)
    except ValidationError as err:
        return {str(e["loc"][0]) for e in err.errors() if e["loc"]}
    return set()


assert "test_size" in rejected_fields(features=["age"], test_size=0.9), (
    "test_size=0.9 debe ser inválido (máximo 0.5): usa Field(..., le=0.5)."
)
assert "n_estimatros" in rejected_fields(features=["age"], n_estimatros=500), (
    "Un campo desconocido (la errata 'n_estimatros') debe ser un error: "
    "model_config = ConfigDict(extra='forbid')."
)
from_yaml = yaml.safe_load("features: [age]\nn_estimators: yes\n")
assert "n_estimators" in rejected_fields(**from_yaml), (
    "En YAML, `n_estimators: yes` llega como True, y Pydantic (modo lax) lo convierte en 1 árbol "
    "sin avisar: los campos enteros no deben aceptar booleanos (Field(..., strict=True))."
)
### BEGIN HIDDEN TESTS
for field_name, flag in [("max_depth", True), ("random_state", False), ("n_estimators", False)]:
    assert field_name in rejected_fields(features=["age"], **{field_name: flag}), (
        f"{field_name}={flag!r} debe ser inválido: un booleano no es un entero de configuración "
        "(Field(..., strict=True) en n_estimators, max_depth y random_state)."
    )
cases = [
    ("test_size", 0),
    ("test_size", -0.1),
    ("test_size", 0.51),
    ("n_estimators", 0),
    ("n_estimators", 2001),
    ("max_depth", 0),
    ("random_state", -1),
    ("model_type", "xgboost"),
]
for field_name, bad_value in cases:
    assert field_name in rejected_fields(features=["age"], **{field_name: bad_value}), (
        f"{field_name}={bad_value!r} debe ser inválido: revisa los límites del enunciado "
        "(gt/ge/lt/le) y el Literal de model_type."
    )
assert "features" in rejected_fields(features=[]), "features=[] debe ser inválido (min_length=1)."
assert "features" in rejected_fields(), "features es obligatorio: no le des valor por defecto."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-config-validadores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5, R6, R7]: los validadores propios (objetivo en features, repetidas) nombran la
# columna culpable, y la configuración es inmutable.
from pydantic import ValidationError


def validation_message(**data):
    """Mensajes de error de TrainingConfig(**data) (sin los datos recibidos); falla si no hay error."""
    try:
        TrainingConfig(**data)
    except ValidationError as err:
        return " | ".join(e["msg"] for e in err.errors())
    raise AssertionError(f"TrainingConfig(**{data}) debía lanzar ValidationError y no lo hizo.")


assert TrainingConfig(features=["age"]).target == "churned"
leak = validation_message(features=["age", "churned"])
assert "churned" in leak, (
    "Con 'churned' en features el mensaje de tu validador debe nombrar la columna 'churned' (fuga "
    f"de la etiqueta). Mensaje actual: {leak}"
)
### BEGIN HIDDEN TESTS
other = validation_message(features=["age", "balance_eur"], target="balance_eur")
assert "balance_eur" in other, (
    "La regla vale para cualquier target: target='balance_eur' dentro de features es un error "
    f"cuyo mensaje nombra 'balance_eur'. Mensaje actual: {other}"
)
TrainingConfig(features=["churned_last_year"])  # no es la columna objetivo: válida
repeated = validation_message(features=["age", "credit_score", "credit_score"])
assert "credit_score" in repeated, (
    "Con 'credit_score' repetida, el mensaje de tu validador debe nombrarla. "
    f"Mensaje actual: {repeated}"
)
frozen = TrainingConfig(features=["age"])
try:
    frozen.test_size = 0.3
except ValidationError:
    pass
else:
    raise AssertionError("La configuración debe ser inmutable: ConfigDict(frozen=True).")
### END HIDDEN TESTS

# %% [markdown]
# Así ve tu configuración quien edita el YAML (si el ejercicio está resuelto). Fíjate en que no
# aparece la fuga de `churned`: un `@model_validator(mode="after")` solo se ejecuta cuando todos los
# campos son válidos; al corregir la columna repetida, saldrá.

# %%
try:
    TrainingConfig(features=["age", "churned", "age"], test_size=20, n_estimatros=500)
except ValidationError as err:
    print(explain_validation_error(err))
except NameError:
    print("Resuelve el Ejercicio 2 y vuelve a ejecutar esta celda.")

# %% [markdown]
# ### Ejercicio 3 (seguro) · Un decorador de reintentos testeable
#
# Es un paso **seguro** porque el fallo queda acotado: solo se reintentan los errores transitorios,
# un número limitado de veces, y la última excepción llega intacta a quien llama. Escribe
# `retry(max_attempts=3, base_delay=0.5, factor=2.0, exceptions=(ConnectionError,
# TimeoutError), sleep=time.sleep)`, una **fábrica de decoradores**: `retry(...)` devuelve el
# decorador, que envuelve una función así:
#
# 1. Llama a la función con los mismos argumentos (posicionales y con nombre). Si devuelve, devuelve
#    ese valor.
# 2. Si lanza una excepción de las que dice el parámetro `exceptions` y quedan intentos, llama a
#    `sleep(espera)` y reintenta.
#    La espera antes del reintento `k` (k = 1, 2, …) es `base_delay * factor ** (k - 1)`:
#    0.5, 1.0, 2.0… con los valores por defecto.
# 3. Tras `max_attempts` intentos fallidos, **relanza la última excepción** (sin esperar después del
#    último intento).
# 4. Cualquier otra excepción (una que no esté en `exceptions`: con los valores por defecto, un
#    `ValueError` o un `KeyError`) se propaga **al momento**, sin esperar ni reintentar: no es
#    transitoria.
# 5. La función decorada conserva nombre, docstring y firma (`functools.wraps`).
# 6. Los argumentos se validan **al llamar a `retry(...)`**, antes de decorar nada:
#    `max_attempts` debe ser `int` → si no, `TypeError`; y ≥ 1 → si no, `ValueError`;
#    `base_delay` ≥ 0 y `factor` ≥ 1 → si no, `ValueError`. Mensajes en español que nombren el
#    parámetro.
#
# ```text
# store = FlakyFeatureStore(failures=2); sleeper = RecordingSleep()
# fetch = retry(max_attempts=4, sleep=sleeper)(store.fetch)
# fetch("C000042")   →  {'balance_eur': 1250.0, 'tenure_months': 37.0}
# store.calls        →  3
# sleeper.delays     →  [0.5, 1.0]
# ```
#
# `P` y `R` (`ParamSpec` y `TypeVar`) están definidos en la §4.1: úsalos para tiparlo.


# %% nbgrader={"grade": false, "grade_id": "retry", "locked": false, "schema_version": 3, "solution": true, "task": false}
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    ### BEGIN SOLUTION
    if not isinstance(max_attempts, int):
        raise TypeError(f"max_attempts debe ser un entero, no {type(max_attempts).__name__}.")
    if max_attempts < 1:
        raise ValueError(f"max_attempts debe ser al menos 1 (recibido {max_attempts}).")
    if base_delay < 0:
        raise ValueError(f"base_delay no puede ser negativo (recibido {base_delay}).")
    if factor < 1:
        raise ValueError(f"factor debe ser ≥ 1 para que la espera no se acorte ({factor}).")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, max_attempts):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    sleep(base_delay * factor ** (attempt - 1))
            return func(*args, **kwargs)  # último intento: su excepción se propaga tal cual

        return wrapper

    return decorate
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-retry-backoff", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: devuelve el valor, reintenta con espera exponencial y se rinde tras
# max_attempts relanzando el error, sin esperar de verdad.
from mlops_course.lessons.m01_pymodern import FlakyFeatureStore, RecordingSleep

store = FlakyFeatureStore(failures=2)
sleeper = RecordingSleep()
fetch = retry(max_attempts=4, base_delay=0.5, factor=2.0, sleep=sleeper)(store.fetch)
value = fetch("C000042")
assert value == {"balance_eur": 1250.0, "tenure_months": 37.0}, (
    f"Tras dos fallos, la tercera llamada debe devolver el resultado del feature store; da {value!r}."
)
assert store.calls == 3, f"Con 2 fallos debe haber 3 llamadas; hubo {store.calls}."
assert sleeper.delays == [0.5, 1.0], (
    f"Las esperas deben ser [0.5, 1.0] (base_delay * factor**(k-1)); fueron {sleeper.delays}. "
    "¿Usas el sleep que recibes como parámetro?"
)
### BEGIN HIDDEN TESTS
down = FlakyFeatureStore(failures=10)
waits = RecordingSleep()
try:
    retry(max_attempts=3, base_delay=0.5, factor=2.0, sleep=waits)(down.fetch)("C1")
except ConnectionError:
    pass
else:
    raise AssertionError("Si todos los intentos fallan, debe relanzarse la última ConnectionError.")
assert down.calls == 3, f"max_attempts=3 son 3 llamadas en total, no {down.calls}."
assert waits.delays == [0.5, 1.0], (
    f"Sin espera tras el último intento: esperaba [0.5, 1.0] y fueron {waits.delays}."
)
steep = FlakyFeatureStore(failures=3)
waits = RecordingSleep()
retry(max_attempts=4, base_delay=1.0, factor=3.0, sleep=waits)(steep.fetch)("C1")
assert waits.delays == [1.0, 3.0, 9.0], (
    f"Con base 1 y factor 3 las esperas son [1, 3, 9] (exponencial, no lineal); fueron {waits.delays}."
)
once = FlakyFeatureStore(failures=1)
waits = RecordingSleep()
try:
    retry(max_attempts=1, sleep=waits)(once.fetch)("C1")
except ConnectionError:
    pass
else:
    raise AssertionError("max_attempts=1 significa no reintentar: la ConnectionError se propaga.")
assert waits.delays == [] and once.calls == 1, "Con max_attempts=1 no se espera ni se reintenta."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-retry-metadatos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R5]: la función decorada conserva nombre, docstring y firma, y pasa los argumentos.
import inspect

from mlops_course.lessons.m01_pymodern import RecordingSleep


def load_features(customer_id: str, *, version: int = 1) -> str:
    """Carga las features de un cliente."""
    return f"{customer_id}@v{version}"


wrapped = retry(sleep=RecordingSleep())(load_features)
assert wrapped.__name__ == "load_features", (
    f"El nombre de la función decorada es {wrapped.__name__!r}: usa @functools.wraps(func)."
)
assert wrapped.__doc__ == "Carga las features de un cliente.", "Se perdió el docstring: usa wraps."
assert str(inspect.signature(wrapped)) == str(inspect.signature(load_features)), (
    "La firma de la función decorada no es la original: usa @functools.wraps(func)."
)
assert wrapped("C7", version=3) == "C7@v3", (
    "Los argumentos (posicionales y con nombre) deben pasar."
)
### BEGIN HIDDEN TESTS
assert wrapped.__wrapped__ is load_features, (
    "La función decorada debe guardar la original en __wrapped__: usa @functools.wraps(func)."
)
seen = []


def flaky_lookup(customer_id: str, *, version: int = 1) -> str:
    """Falla la primera vez; después devuelve lo que recibió."""
    seen.append((customer_id, version))
    if len(seen) == 1:
        raise TimeoutError("el servicio tardó demasiado")
    return f"v{version}:{customer_id}"


again = retry(sleep=RecordingSleep())(flaky_lookup)("C9", version=2)
assert again == "v2:C9" and seen == [("C9", 2), ("C9", 2)], (
    f"Cada reintento debe recibir los mismos argumentos y devolver su valor; llamadas {seen}, "
    f"resultado {again!r}."
)
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-retry-excepciones", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R4]: solo se reintentan las excepciones del parámetro `exceptions`; las demás se
# propagan al momento, sin esperar.
from mlops_course.lessons.m01_pymodern import FlakyFeatureStore, RecordingSleep


def failing_with(error, failures):
    """Función que lanza `error` las primeras `failures` veces y apunta cada llamada."""
    calls = []

    def call():
        calls.append(len(calls) + 1)
        if len(calls) <= failures:
            raise error
        return "ok"

    return call, calls


broken, calls = failing_with(ValueError("customer_id mal formado"), failures=1)
waits = RecordingSleep()
try:
    retry(max_attempts=5, sleep=waits)(broken)()
except ValueError:
    pass
else:
    raise AssertionError("Un ValueError no es transitorio: debe propagarse, no reintentarse.")
assert len(calls) == 1 and waits.delays == [], (
    f"Un ValueError no se reintenta (hubo {len(calls)} llamadas y esperas {waits.delays}): "
    "captura solo las excepciones de `exceptions`."
)
### BEGIN HIDDEN TESTS
missing, calls = failing_with(KeyError("C1"), failures=2)
waits = RecordingSleep()
assert retry(exceptions=(KeyError,), sleep=waits)(missing)() == "ok", (
    "Con exceptions=(KeyError,), un KeyError sí se reintenta: usa el parámetro `exceptions`, no "
    "una tupla fija."
)
assert len(calls) == 3 and waits.delays == [0.5, 1.0], (
    f"Con exceptions=(KeyError,) y dos KeyError esperaba 3 llamadas y esperas [0.5, 1.0]; hubo "
    f"{len(calls)} llamadas y esperas {waits.delays}."
)
store = FlakyFeatureStore(failures=1)
waits = RecordingSleep()
try:
    retry(exceptions=(KeyError,), sleep=waits)(store.fetch)("C1")
except ConnectionError:
    pass
else:
    raise AssertionError(
        "Con exceptions=(KeyError,), una ConnectionError no está en la lista: debe propagarse."
    )
assert store.calls == 1 and waits.delays == [], (
    "Con exceptions=(KeyError,), una ConnectionError no se reintenta ni se espera: "
    f"hubo {store.calls} llamadas y esperas {waits.delays}."
)
timeout, calls = failing_with(TimeoutError("sin respuesta"), failures=1)
assert retry(sleep=RecordingSleep())(timeout)() == "ok" and len(calls) == 2, (
    "Con los valores por defecto, un TimeoutError también se reintenta."
)
reset, calls = failing_with(ConnectionResetError("conexión reiniciada"), failures=1)
assert retry(sleep=RecordingSleep())(reset)() == "ok" and len(calls) == 2, (
    "ConnectionResetError es una subclase de ConnectionError: también se reintenta "
    "(except exceptions lo hace solo; no compares type(err) con ==)."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-retry-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6]: argumentos sin sentido fallan al llamar a retry(...), con el error adecuado; los
# extremos válidos se aceptan.
from mlops_course.lessons.m01_pymodern import RecordingSleep

assert retry(max_attempts=1, base_delay=0, factor=1, sleep=RecordingSleep())(len)("abc") == 3


def expect_retry_error(expected, name, **kwargs):
    """retry(**kwargs) debe lanzar `expected` con un mensaje que nombre `name`."""
    try:
        retry(**kwargs)
    except Exception as err:
        assert isinstance(err, expected), (
            f"retry({kwargs}) lanzó {type(err).__name__}; debía lanzar {expected.__name__}."
        )
        assert name in str(err), f"El mensaje debe nombrar {name!r}; dice: {str(err)!r}"
    else:
        raise AssertionError(f"retry({kwargs}) debía lanzar {expected.__name__} al llamarlo.")


expect_retry_error(ValueError, "max_attempts", max_attempts=0)
### BEGIN HIDDEN TESTS
expect_retry_error(ValueError, "max_attempts", max_attempts=-2)
expect_retry_error(TypeError, "max_attempts", max_attempts=2.5)
expect_retry_error(ValueError, "base_delay", base_delay=-1)
expect_retry_error(ValueError, "factor", factor=0.5)
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 4 (escalable) · Entrenar cualquier modelo que cumpla el contrato
#
# Es un paso **escalable** porque crece con el equipo: cada modelo nuevo (de otra biblioteca o de
# otra persona) entra sin tocar esta función ni heredar de nada. Escribe
# `train_and_evaluate(model, X_train, y_train, X_test, y_test)`, tipada con el `Protocol`
# `Classifier` de la §5.2, que devuelva un `TrainingReport` (abajo).
#
# 1. Acepta **cualquier** objeto con `fit` y `predict`, y no usa ningún otro método del modelo: un
#    estimador de scikit-learn, un `Pipeline`, el `ThresholdClassifier` de la §5.2 o una clase tuya
#    que no herede de nada.
# 2. Si `model` no cumple el protocolo (le falta `fit` o `predict`): `TypeError` con un mensaje en
#    español que nombre el método que falta.
# 3. Si un conjunto está vacío o `X` e `y` no tienen la misma longitud (`len`): `ValueError` en
#    español que diga qué conjunto (entrenamiento o test) está mal. Se comprueban los dos conjuntos
#    antes de entrenar.
# 4. Entrena con el conjunto de entrenamiento y mide la **exactitud en test**: la fracción (entre 0
#    y 1) de predicciones sobre `X_test` iguales a `y_test`.
# 5. Devuelve `TrainingReport(model_name=type(model).__name__, accuracy=..., n_train=..., n_test=...)`,
#    con `n_train` y `n_test` el número de filas de cada conjunto.
#
# ```text
# train_and_evaluate(make_pipeline(StandardScaler(), LogisticRegression()), X_train, y_train, X_test, y_test)
#   →  TrainingReport(model_name='Pipeline', accuracy=0.8..., n_train=2250, n_test=750)
# train_and_evaluate("no soy un modelo", ...)  →  TypeError: ... fit ...
# ```


# %%
@dataclass(frozen=True)
class TrainingReport:
    """Resultado inmutable de un entrenamiento."""

    model_name: str
    accuracy: float
    n_train: int
    n_test: int


# %% nbgrader={"grade": false, "grade_id": "train", "locked": false, "schema_version": 3, "solution": true, "task": false}
def train_and_evaluate(
    model: Classifier, X_train: Any, y_train: Any, X_test: Any, y_test: Any
) -> TrainingReport:
    """Entrena `model` y devuelve su exactitud en test; acepta cualquier Classifier."""
    ### BEGIN SOLUTION
    if not isinstance(model, Classifier):
        missing = [name for name in ("fit", "predict") if not callable(getattr(model, name, None))]
        raise TypeError(
            f"{type(model).__name__} no cumple el protocolo Classifier: "
            f"le falta {' y '.join(missing)}."
        )
    for split, features, labels in (
        ("entrenamiento", X_train, y_train),
        ("test", X_test, y_test),
    ):
        if len(features) == 0:
            raise ValueError(f"El conjunto de {split} está vacío.")
        if len(features) != len(labels):
            raise ValueError(
                f"El conjunto de {split} tiene {len(features)} filas en X y {len(labels)} en y."
            )
    model.fit(X_train, y_train)  # aprende solo de entrenamiento
    hits = np.asarray(model.predict(X_test)) == np.asarray(y_test)
    return TrainingReport(type(model).__name__, float(hits.mean()), len(X_train), len(X_test))
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-train-sklearn", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: con un Pipeline de scikit-learn, el informe trae nombre, tamaños y exactitud
# en test.
import math

from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

pipe = make_pipeline(StandardScaler(), LogisticRegression())
result = train_and_evaluate(pipe, X_train, y_train, X_test, y_test)
assert isinstance(result, TrainingReport), "Devuelve un TrainingReport (la dataclass de arriba)."
assert result.model_name == "Pipeline", f"model_name debe ser 'Pipeline'; es {result.model_name!r}."
assert (result.n_train, result.n_test) == (len(X_train), len(X_test)), (
    "n_train y n_test deben ser el número de filas de cada conjunto."
)
reference = accuracy_score(y_test, pipe.predict(X_test))
assert math.isclose(result.accuracy, reference), (
    f"accuracy debe ser la exactitud en TEST ({reference:.4f}); es {result.accuracy!r}."
)
### BEGIN HIDDEN TESTS
train_rows, test_rows = [[0.0], [1.0], [2.0], [3.0]], [[4.0], [5.0]]
memorized = train_and_evaluate(
    make_pipeline(StandardScaler(), LogisticRegression()),
    train_rows,
    [0, 0, 1, 1],
    test_rows,
    [0, 0],
)
assert memorized.accuracy == 0.0, (
    "La exactitud se mide en el conjunto de test (aquí 0.0), no en el de entrenamiento."
)
assert isinstance(memorized.accuracy, float), "accuracy debe ser un float de Python."
assert (memorized.n_train, memorized.n_test) == (4, 2), (
    f"Con 4 filas de entrenamiento y 2 de test, n_train y n_test deben ser 4 y 2; son "
    f"{memorized.n_train} y {memorized.n_test}."
)
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-train-protocolo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R4]: acepta un modelo que no hereda de nada, solo cumple el contrato fit/predict.
class MajorityClassifier:
    """Predice siempre la clase más frecuente del entrenamiento (no hereda de scikit-learn)."""

    def fit(self, X, y):
        values = list(y)
        self.majority_ = max(set(values), key=values.count)
        return self

    def predict(self, X):
        return [self.majority_] * len(X)


baseline = train_and_evaluate(MajorityClassifier(), X_train, y_train, X_test, y_test)
assert baseline.model_name == "MajorityClassifier", (
    "train_and_evaluate debe aceptar cualquier objeto con fit/predict: no exijas herencia de "
    "scikit-learn (BaseEstimator/ClassifierMixin)."
)
assert math.isclose(baseline.accuracy, float((y_test == 0).mean())), (
    "La exactitud del clasificador mayoritario debe ser la fracción de clientes que no se van."
)
### BEGIN HIDDEN TESTS
wrapped_model = ThresholdClassifier(make_pipeline(StandardScaler(), LogisticRegression()))
composed_report = train_and_evaluate(wrapped_model, X_train, y_train, X_test, y_test)
assert composed_report.model_name == "ThresholdClassifier"
assert 0.0 <= composed_report.accuracy <= 1.0
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-train-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: modelos que no cumplen el contrato y datos incoherentes dan errores claros.
assert train_and_evaluate(MajorityClassifier(), [[1], [2]], [1, 1], [[3]], [1]).accuracy == 1.0


def expect_train_error(expected, needle, model, *data):
    """train_and_evaluate(model, *data) debe lanzar `expected` con `needle` en el mensaje."""
    try:
        train_and_evaluate(model, *data)
    except Exception as err:
        assert isinstance(err, expected), (
            f"Se lanzó {type(err).__name__}: {err}; se esperaba {expected.__name__}."
        )
        assert needle in str(err), f"El mensaje debe mencionar {needle!r}; dice: {str(err)!r}"
    else:
        raise AssertionError(f"Se esperaba {expected.__name__} y no se lanzó nada.")


class FitOnly:
    def fit(self, X, y):
        return self


ok = ([[1], [2]], [0, 1], [[3]], [1])
expect_train_error(TypeError, "predict", FitOnly(), *ok)
### BEGIN HIDDEN TESTS
expect_train_error(TypeError, "fit", "no soy un modelo", *ok)
expect_train_error(ValueError, "entrenamiento", MajorityClassifier(), [[1], [2]], [0], [[3]], [1])
expect_train_error(ValueError, "test", MajorityClassifier(), [[1], [2]], [0, 1], [[3], [4]], [1])
expect_train_error(ValueError, "test", MajorityClassifier(), [[1], [2]], [0, 1], [], [])
expect_train_error(ValueError, "entrenamiento", MajorityClassifier(), [], [], [[3]], [1])


class SpyClassifier:
    """Apunta si se llamó a fit."""

    fitted = False

    def fit(self, X, y):
        self.fitted = True
        return self

    def predict(self, X):
        return [0] * len(X)


spy = SpyClassifier()
expect_train_error(ValueError, "test", spy, [[1], [2]], [0, 1], [[3], [4]], [1])
assert not spy.fitted, (
    "Comprueba los dos conjuntos ANTES de llamar a fit: un test mal formado debe fallar sin "
    "gastar un entrenamiento."
)
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 5 (escalable) · Un paquete con layout `src/`
#
# Es un paso **escalable** porque el código deja de vivir en un notebook: un paquete instalable lo
# importan a la vez los tests, la API, el pipeline y otros equipos, sin copiarlo. Escribe
# `scaffold_package(project_dir, package, modules)` que cree (o rehaga) un proyecto con layout
# `src/` y devuelva la carpeta del paquete (`project_dir / "src" / package`):
#
# ```text
# project_dir/
# ├── pyproject.toml          [build-system] con setuptools; [project] con name, version="0.1.0",
# │                           requires-python=">=3.11"; py.typed como package-data; [tool.mypy] strict
# └── src/
#     └── <package>/
#         ├── __init__.py     un docstring basta
#         ├── py.typed        vacío (PEP 561)
#         └── <módulo>.py     uno por cada entrada de `modules` (nombre → código fuente)
# ```
#
# 1. Layout `src/`: el paquete va en `project_dir / "src" / package` (nada del paquete en la raíz
#    del proyecto) y la función devuelve esa carpeta.
# 2. Dentro del paquete, `__init__.py` (un docstring basta) y `py.typed` **vacío**.
# 3. Un `<módulo>.py` dentro del paquete por cada entrada de `modules`, con **exactamente** el
#    código recibido.
# 4. Un `pyproject.toml` válido con todo lo del árbol: `[build-system]` con setuptools
#    (`build-backend = "setuptools.build_meta"`); `[project]` con `name` igual a `package` con `_`
#    cambiado por `-` (`churn-lib`), `version = "0.1.0"` y `requires-python = ">=3.11"`; `py.typed`
#    en `[tool.setuptools.package-data]`; y `[tool.mypy]` con `strict = true`.
# 5. `package` y cada nombre de `modules` deben ser nombres de módulo válidos: identificadores de
#    Python en **minúsculas** que no sean palabras reservadas (`"churn_lib"` sí; `"churn-lib"`,
#    `"Churn"`, `"1lib"`, `"class"`, `"features.py"` no). Si no: `ValueError` en español que nombre el
#    valor, **antes** de escribir nada (ni carpetas ni archivos).
# 6. Idempotente: si lo llamas otra vez sobre el mismo proyecto, sobrescribe los archivos sin fallar.
#
# El test valida el `pyproject.toml` con `validate-pyproject`, importa el paquete en un **proceso
# nuevo** con `PYTHONPATH=<project_dir>/src` y pasa `mypy --strict` sobre él.

# %%
import keyword
from collections.abc import Mapping


# %% nbgrader={"grade": false, "grade_id": "scaffold", "locked": false, "schema_version": 3, "solution": true, "task": false}
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    ### BEGIN SOLUTION
    for name in (package, *modules):
        valid = isinstance(name, str) and name.isidentifier() and name == name.lower()
        if not valid or keyword.iskeyword(name):
            raise ValueError(
                f"{name!r} no es un nombre de módulo válido: usa minúsculas, dígitos y guiones "
                "bajos, sin empezar por dígito (p. ej. 'churn_lib')."
            )
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True, exist_ok=True)
    pyproject = f"""\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "{package.replace("_", "-")}"
version = "0.1.0"
description = "Código tipado y modular del proyecto de churn"
requires-python = ">=3.11"
dependencies = []

[tool.setuptools.package-data]
{package} = ["py.typed"]

[tool.mypy]
strict = true
"""
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text(f'"""Paquete {package}."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-paquete-layout", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4, R6]: layout src/, py.typed, módulos, pyproject.toml válido y completo,
# importación en un proceso nuevo y una segunda llamada que sobrescribe.
import shutil
import tomllib

from mlops_course.lessons.m01_pymodern import import_in_fresh_process, pyproject_problems
from mlops_course.machinery.workspace import module_workspace

sandbox = module_workspace("01_python_moderno") / "scaffold_check"
shutil.rmtree(sandbox, ignore_errors=True)
project = sandbox / "demo_project"
stats_source = "def double(x: int) -> int:\n    return 2 * x\n"
package_dir = scaffold_package(project, "demo_lib", {"stats": stats_source})
assert package_dir == project / "src" / "demo_lib", (
    f"Debe devolver {project / 'src' / 'demo_lib'}; devolvió {package_dir}."
)
for relative in ("pyproject.toml", "src/demo_lib/__init__.py", "src/demo_lib/stats.py"):
    assert (project / relative).is_file(), f"Falta {relative} en el proyecto."
assert not (project / "demo_lib").exists(), (
    "El paquete va en src/demo_lib, no en la raíz (layout plano)."
)
assert (package_dir / "py.typed").is_file(), (
    "Falta py.typed: sin él, mypy ignora tus tipos (PEP 561)."
)
problems = pyproject_problems(project / "pyproject.toml")
assert not problems, f"pyproject.toml no es válido: {problems}"
meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
assert meta["project"]["name"] == "demo-lib" and meta["project"]["version"] == "0.1.0", (
    f"[project] debe tener name='demo-lib' y version='0.1.0'; tiene {meta['project']}."
)
fresh = import_in_fresh_process("demo_lib.stats", pythonpath=project / "src", cwd=sandbox)
assert fresh.ok, f"El paquete no importa en un proceso nuevo con PYTHONPATH=src. {fresh.explain()}"
assert fresh.module_file == (package_dir / "stats.py").resolve(), fresh.explain()
### BEGIN HIDDEN TESTS
assert meta["project"].get("requires-python") == ">=3.11", "Falta requires-python = '>=3.11'."
assert meta["build-system"].get("build-backend") == "setuptools.build_meta", (
    "[build-system] debe usar build-backend = 'setuptools.build_meta'."
)
assert any(req.startswith("setuptools") for req in meta["build-system"].get("requires", [])), (
    "[build-system] requires debe incluir setuptools."
)
package_data = meta.get("tool", {}).get("setuptools", {}).get("package-data", {})
assert any("py.typed" in package_data.get(key, []) for key in ("demo_lib", "*")), (
    "Declara py.typed en [tool.setuptools.package-data] (demo_lib = ['py.typed']) para que "
    f"viaje con el paquete instalado; tienes {package_data}."
)
assert meta.get("tool", {}).get("mypy", {}).get("strict") is True, (
    "Falta [tool.mypy] con strict = true en pyproject.toml."
)
changed = "def double(x: int) -> int:\n    return x + x\n"
again = scaffold_package(project, "demo_lib", {"stats": changed, "extra": "VALUE: int = 1\n"})
assert again == package_dir, "La segunda llamada debe devolver la misma carpeta."
assert (package_dir / "stats.py").read_text(encoding="utf-8") == changed, (
    "Llamar otra vez debe sobrescribir los módulos (idempotente)."
)
assert (package_dir / "extra.py").is_file()
no_path = import_in_fresh_process("demo_lib", pythonpath=None, cwd=project)
assert not no_path.ok, "Con layout src/ el paquete NO debe importarse desde la raíz sin PYTHONPATH."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-paquete-mypy", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: el paquete generado pasa mypy --strict y sus módulos tienen el código recibido.
import shutil

from mlops_course.lessons.m01_pymodern import run_mypy
from mlops_course.machinery.workspace import module_workspace

typed_root = module_workspace("01_python_moderno") / "scaffold_mypy"
shutil.rmtree(typed_root, ignore_errors=True)
source = "def mean(values: list[float]) -> float:\n    return sum(values) / len(values)\n"
typed_pkg = scaffold_package(typed_root / "typed_project", "typed_lib", {"metrics": source})
assert (typed_pkg / "metrics.py").read_text(encoding="utf-8") == source, (
    "Cada módulo debe contener exactamente el código recibido en `modules`."
)
checked = run_mypy([typed_pkg], cache_dir=module_workspace("01_python_moderno") / ".mypy_cache")
assert checked.ok, "El paquete generado no pasa mypy --strict:\n" + checked.summary()
### BEGIN HIDDEN TESTS
init_text = (typed_pkg / "__init__.py").read_text(encoding="utf-8")
compile(init_text, "__init__.py", "exec")
assert (typed_pkg / "py.typed").read_text(encoding="utf-8") == "", "py.typed debe estar vacío."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-paquete-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: nombres de paquete o de módulo inválidos dan ValueError, que nombra el valor, antes
# de escribir nada.
import shutil

from mlops_course.machinery.workspace import module_workspace

names_root = module_workspace("01_python_moderno") / "scaffold_names"
shutil.rmtree(names_root, ignore_errors=True)
assert scaffold_package(names_root / "ok", "ok_lib", {}).is_dir()


def expect_name_error(package, modules, culprit):
    """scaffold_package con estos nombres debe lanzar ValueError que nombre `culprit`, sin escribir."""
    target = names_root / "bad"
    try:
        scaffold_package(target, package, modules)
    except Exception as err:
        assert isinstance(err, ValueError), (
            f"Con package={package!r}, modules={list(modules)} se lanzó {type(err).__name__}; "
            "debía ser ValueError."
        )
        assert culprit in str(err), (
            f"El mensaje del ValueError debe nombrar el valor inválido {culprit!r}; dice: {err}"
        )
    else:
        raise AssertionError(f"package={package!r}, modules={list(modules)} debía dar ValueError.")
    assert not (target / "pyproject.toml").exists(), (
        "Valida los nombres ANTES de escribir archivos."
    )
    assert not target.exists(), "Valida los nombres ANTES de crear carpetas."


expect_name_error("churn-lib", {}, "churn-lib")
### BEGIN HIDDEN TESTS
for bad_package in ("Churn", "1lib", "class", "churn lib", ""):
    expect_name_error(bad_package, {}, bad_package)
for bad_module in ("features.py", "Features", "import", "my-module"):
    expect_name_error("good_lib", {bad_module: "X = 1\n"}, bad_module)
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 5 h.*
#
# ## 8. Respuesta escrita (calificada a mano) · ADR de una política de reintentos
#
# El pipeline nocturno de churn llama tres veces a sistemas externos: **(a)** lee features del
# feature store, **(b)** registra el modelo entrenado en el registro de modelos y **(c)** envía a
# marketing la lista de clientes en riesgo por email. Escribe un ADR de **6 a 10 líneas** con la
# política de reintentos (formato de la §6: CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS
# RECHAZADAS). Debe decir, para cada llamada, si se reintenta o no y por qué; qué excepciones;
# cuántos intentos y qué espera máxima total, con la cuenta hecha; y qué pasa cuando se agotan.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-reintentos", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-01-02: Política de reintentos del pipeline nocturno de churn**
#
# **CONTEXTO:** El pipeline corre a las 02:00 y marketing usa la lista a las 08:00: hay 6 h de
# margen. El feature store y el registro fallan a veces de forma transitoria (reinicios, 503). El
# email **no es idempotente**: reenviarlo duplica llamadas a clientes.
#
# **DECISIÓN:** (a) Feature store: `retry(max_attempts=5, base_delay=2, factor=2)` solo ante
# `ConnectionError` y `TimeoutError`: espera máxima 2+4+8+16 = 30 s. (b) Registro de modelos:
# igual, porque registrar la misma versión con la misma clave es idempotente. (c) Email: **sin
# reintento automático**; si falla, alerta al equipo y reenvío manual tras comprobar que no salió.
# Al agotarse los intentos, el pipeline falla con el error original y alerta; no se publica una
# lista con features viejas.
#
# **CONSECUENCIAS:** (+) Los cortes de segundos ya no despiertan a nadie. (+) Nunca se duplica un
# envío. (−) Un corte de más de 30 s sigue parando el pipeline. (−) El email exige intervención
# humana cuando falla.
#
# **ALTERNATIVAS RECHAZADAS:** Reintentar todo con `except Exception` (repetiría errores permanentes
# y el email); reintentos infinitos (el pipeline podría no acabar antes de las 08:00).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Idempotencia.** Distingue lo que se puede repetir de lo que no: el email (o
#   cualquier acción con efecto externo) no se reintenta a ciegas, o se protege con una clave de
#   idempotencia. 0 si reintenta las tres llamadas igual sin discutirlo.
# - **1 punto · Números y excepciones.** Intentos, espera base y factor, y la **espera máxima total
#   calculada** y comparada con el margen del negocio; reintenta solo excepciones transitorias
#   concretas. 0.5 si hay números sin la cuenta o si captura `Exception`.
# - **1 punto · Formato y fallo final.** Las cuatro secciones, al menos una consecuencia negativa y
#   una alternativa rechazada con motivo, y qué pasa cuando se agotan los intentos (fallar y alertar,
#   no seguir con datos incompletos). 0.5 si falta una de estas piezas.
# - Más de ~14 líneas: resta 0.5 (concisión).
# ### END SOLUTION

# %% [markdown]
# ## 9. Tu entregable: `churn_lib/`, tipado y modular
#
# El entregable del módulo es un paquete real en tu carpeta de trabajo, hecho con **tus** funciones:
# `scaffold_package` (Ejercicio 5) crea el proyecto y `features.py` es tu módulo tipado del
# Ejercicio 1. La celda comprueba lo que un revisor senior miraría: que el `pyproject.toml` es
# válido, que el paquete importa en un proceso limpio, que pasa `mypy --strict` y que `ruff check` y
# `ruff format --check` no tienen nada que decir.

# %%
deliverable_dir = WORKSPACE / "churn_lib"
try:
    churn_package = scaffold_package(
        deliverable_dir, "churn_lib", {"features": TYPED_FEATURES_SOURCE}
    )
except (NotImplementedError, NameError):
    churn_package = None
    print("Pendiente: resuelve los Ejercicios 1 y 5 y vuelve a ejecutar esta celda.")

if churn_package is not None:
    checks = {
        "pyproject.toml válido": not pyproject_problems(deliverable_dir / "pyproject.toml"),
        "importa en un proceso nuevo": import_in_fresh_process(
            "churn_lib.features", pythonpath=deliverable_dir / "src", cwd=WORKSPACE
        ).ok,
        "mypy --strict": run_mypy([churn_package], cache_dir=MYPY_CACHE).ok,
        "ruff check": run_ruff_check([churn_package]).ok,
        "ruff format --check": run_ruff_format([churn_package]).ok,
    }
    tree = sorted(
        str(p.relative_to(WORKSPACE))
        for p in deliverable_dir.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    display(Markdown("\n".join(f"- `{line}`" for line in tree)))
    print(checks)
    assert all(checks.values()), checks

# %% [markdown]
# ## 10. Cierre
#
# ### Resumen
#
# - **Tipos**: `Literal`, `TypedDict`, genéricos, `Protocol` y `@overload` convierten erratas y
#   malos usos en errores de mypy antes de ejecutar. Sin anotaciones, mypy no mira; con `--strict`,
#   lo mira todo. Los errores se leen por su código.
# - **ruff** ve lo que los tipos no ven: `ruff check` con reglas elegidas a propósito (`F`, `E`, `I`,
#   `UP`, `B`) encuentra imports muertos, sintaxis antigua y bugs como el valor por defecto mutable
#   o el `zip` que corta; `ruff format` acaba con las discusiones de estilo.
# - **Pydantic** valida en la frontera: tipos, límites, campos desconocidos y reglas propias, con
#   todos los errores de golpe; `pydantic-settings` hace lo mismo con variables de entorno.
# - **Decoradores**: `functools.wraps` siempre; reintentos solo para errores transitorios y
#   operaciones idempotentes; `sleep` inyectado para testear sin esperar; caché solo para funciones
#   puras de argumentos hashables.
# - **Composición y `Protocol`**: tener un modelo en vez de ser un modelo; una función que acepta
#   cualquier cosa con `fit`/`predict`.
# - **Layout `src/`** + `pyproject.toml` + `py.typed`: lo que importan tus tests es lo que has
#   declarado.
#
# ### Checklist del entregable («Código tipado y modular»)
#
# - [ ] Los tests visibles de los cinco ejercicios pasan.
# - [ ] `workspace/01_python_moderno/churn_lib/` tiene `pyproject.toml`, `src/churn_lib/` con
#   `__init__.py`, `features.py` y `py.typed`.
# - [ ] La celda de la §9 muestra `pyproject.toml válido`, `importa en un proceso nuevo`,
#   `mypy --strict`, `ruff check` y `ruff format --check` a `True`.
# - [ ] Tu ADR de reintentos distingue operaciones idempotentes y calcula la espera máxima.
#
# ### Autoevaluación
#
# 1. ¿Por qué `mypy` sin `--strict` no vio la errata `"regoin"` de la §2.1?
# 2. `ServingConfig(port="8080")` es válido. ¿Por qué, y cuándo preferirías que no lo fuese?
# 3. ¿Qué se pierde si un decorador no usa `functools.wraps`, y qué herramienta del curso se rompería?
# 4. ¿Por qué `clone()` perdió `max_iter` en la subclase de la §5.1? ¿Cómo lo evita la composición?
# 5. Tus tests pasan en tu máquina y fallan en CI con `ModuleNotFoundError`. ¿Qué layout tienes y
#    qué te ha salvado de publicar un paquete roto?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Por defecto mypy no revisa el cuerpo de funciones sin anotar (`--check-untyped-defs` o
#    `--strict` lo activan), y sin `Literal` una columna es un `str` cualquiera. 2. El modo *lax*
#    convierte texto numérico, como necesitan las variables de entorno; en un JSON interno, donde un
#    texto indica un error de quien llama, usa `strict=True`. 3. Nombre, docstring y firma: FastAPI
#    construye los parámetros del endpoint a partir de la firma. 4. scikit-learn reconstruye con los
#    parámetros de la firma de `__init__` y `**kwargs` los esconde; con composición, el modelo
#    interno conserva sus propios parámetros. 5. Layout `src/`: en CI el paquete no está instalado o
#    le falta un archivo; en tu máquina, con layout plano, lo habrías importado de la carpeta.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [type hint](../18_glosario/18_glosario.ipynb#type-hint) ·
# [mypy](../18_glosario/18_glosario.ipynb#mypy) ·
# [`--strict`](../18_glosario/18_glosario.ipynb#mypy-strict) ·
# [linter](../18_glosario/18_glosario.ipynb#linter) ·
# [ruff](../18_glosario/18_glosario.ipynb#ruff) ·
# [formateador](../18_glosario/18_glosario.ipynb#formateador) ·
# [`Literal`](../18_glosario/18_glosario.ipynb#literal) ·
# [`TypedDict`](../18_glosario/18_glosario.ipynb#typeddict) ·
# [genérico (`TypeVar`)](../18_glosario/18_glosario.ipynb#generico) ·
# [`Protocol` (tipado estructural)](../18_glosario/18_glosario.ipynb#protocol) ·
# [`@overload`](../18_glosario/18_glosario.ipynb#overload) ·
# [Pydantic](../18_glosario/18_glosario.ipynb#pydantic) ·
# [validación en la frontera](../18_glosario/18_glosario.ipynb#validacion-frontera) ·
# [pydantic-settings](../18_glosario/18_glosario.ipynb#pydantic-settings) ·
# [decorador](../18_glosario/18_glosario.ipynb#decorador) ·
# [`functools.wraps`](../18_glosario/18_glosario.ipynb#functools-wraps) ·
# [backoff exponencial](../18_glosario/18_glosario.ipynb#backoff-exponencial) ·
# [jitter](../18_glosario/18_glosario.ipynb#jitter) ·
# [idempotencia](../18_glosario/18_glosario.ipynb#idempotencia) ·
# [caché](../18_glosario/18_glosario.ipynb#cache) ·
# [composición frente a herencia](../18_glosario/18_glosario.ipynb#composicion-herencia) ·
# [dataclass](../18_glosario/18_glosario.ipynb#dataclass) ·
# [layout `src/`](../18_glosario/18_glosario.ipynb#layout-src) ·
# [`pyproject.toml`](../18_glosario/18_glosario.ipynb#pyproject-toml) ·
# [`py.typed` (PEP 561)](../18_glosario/18_glosario.ipynb#py-typed).
#
# ### Para saber más
#
# - Documentación de mypy: *Type hints cheat sheet* y *Error codes*
#   (https://mypy.readthedocs.io).
# - Documentación de ruff: *Rules* (cada código, con su porqué) y *The Ruff Formatter*
#   (https://docs.astral.sh/ruff).
# - PEP 484 (type hints), PEP 544 (Protocols), PEP 589 (TypedDict), PEP 586 (Literal), PEP 612
#   (ParamSpec), PEP 561 (paquetes con tipos), PEP 621 (metadatos en `pyproject.toml`).
# - Documentación de Pydantic v2: *Models*, *Validators*, *Settings management*
#   (https://docs.pydantic.dev).
# - Python Packaging User Guide: *src layout vs flat layout*
#   (https://packaging.python.org).
# - Marc Brooker, *Exponential Backoff And Jitter*, AWS Architecture Blog (2015).
# - Luciano Ramalho (2022). *Fluent Python*, 2.ª ed., O'Reilly: capítulos de decoradores, protocolos
#   y type hints.
#
# **Siguiente:** Módulo 02 · Diseño de sistemas ML.
