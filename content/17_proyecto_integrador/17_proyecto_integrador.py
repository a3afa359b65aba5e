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
# # Módulo 17 · Proyecto integrador
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 7 · El artefacto final (semanas 17–18) |
# | **Tiempo estimado** | ≈ 6 h: lectura y demos 70 min, ejercicios 170 min, respuesta escrita y entregable 120 min |
# | **Prerrequisitos** | Los módulos 05–16: este módulo no enseña herramientas nuevas, comprueba que las capas de tu proyecto funcionan juntas y te prepara para mostrarlas. |
# | **Entregable** | Video demo + portfolio: el informe del verificador de tu proyecto, su README generado con tus cifras, la demo reproducible que se graba, y tu pitch de 3 minutos |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Verificar** tu proyecto entero con una rúbrica ejecutable, leer su informe y arreglar lo
#    que falta (§2, §3 y §4).
# 2. **Cuantificar** en euros el impacto del modelo con las métricas reales del proyecto
#    (Ejercicio 1) y **contarlo** en un pitch de 3 minutos (§12).
# 3. **Generar** el README de portfolio a partir de los datos del proyecto, no a mano (§5 y
#    Ejercicio 2).
# 4. **Impedir** que un secreto llegue al repositorio público que vas a enseñar (§6 y
#    Ejercicio 3).
# 5. **Leer** los informes de una cohorte o de un equipo para decidir qué reforzar (§7 y
#    Ejercicio 4), y **responder** preguntas de entrevista de diseño de sistemas de ML (§9 y
#    Ejercicio 5).
#
# > **Mentalidad Senior (Fase 7):** Tu código no vale nada si nadie puede entenderlo ni usarlo.
#
# ### Tu proyecto
#
# Este módulo añade la capa **Integrador**: `scripts/demo.py`, la demo reproducible que se graba
# en el video, y el README de portfolio generado con tus cifras. Sobre todo, **ejecuta cada
# entregable** de los módulos 05–16 con el verificador del curso y escribe el informe (HTML y
# JSON) junto a tu proyecto, en `workspace/informe-proyecto/`.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("17_proyecto_integrador")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden, resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las celdas de test de debajo. Al calificar se añaden tests
# ocultos.
#
# **Tu proyecto.** La celda de importaciones comprueba que `workspace/churn-project/` tiene las
# capas de los módulos 05–16; si le falta alguna, usa el proyecto de referencia (y lo dice). El
# verificador nunca escribe dentro de tu proyecto: trabaja en carpetas temporales y deja el
# informe al lado.
#
# **Cuánto tarda.** El verificador completo tarda entre 1 y 2 minutos (los tests del proyecto y
# mypy son lo más lento). `SLOW_CRITERIA = False` los salta (también los tests que cada capa
# tiene en `tests/`) cuando quieres iterar rápido; para el entregable, déjalo en `True`.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa un proyecto pequeño y salta lo más lento).
SEED = 42  # semilla de los datos del proyecto de referencia
RESET_PROJECT = False  # True: empezar del proyecto de referencia (el tuyo se guarda como respaldo)
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
SLOW_CRITERIA = True  # False: sin los tests del proyecto ni mypy (más de 40 s menos)
PORTFOLIO_CUSTOMERS = 50_000  # clientes activos del producto (el supuesto del módulo 00)

# %%
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import yaml

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.m17_capstone import CRITERIA, Criterion, check_project
from mlops_course.lessons.m17_capstone.base import CheckFailed
from mlops_course.lessons.m17_capstone.breakages import BREAKAGES
from mlops_course.lessons.m17_capstone.facts import project_facts
from mlops_course.lessons.m17_capstone.report import as_dict, text_table, write_report
from mlops_course.machinery.workspace import module_workspace, workspace_root

ROOT = workspace_root()
state = ensure_project(
    "17_proyecto_integrador", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
PROJECT_ENV = checkpoint_env(ROOT)  # git con un HOME aislado (nunca tu configuración personal)
WS = module_workspace("17_proyecto_integrador")
REPORT_DIR = ROOT / "informe-proyecto"
SLOW = ("tests-cobertura", "calidad-codigo")
CHOSEN = [item.id for item in CRITERIA if SLOW_CRITERIA or item.id not in SLOW]
apply_layer(PROJECT, "17")  # scripts/demo.py (§9), Makefile y .pre-commit-config.yaml (§13)
print(f"Proyecto: {PROJECT}")
print(f"Criterios que se ejecutarán: {len(CHOSEN)} de {len(CRITERIA)}")

# %% [markdown]
# ## 1. El problema: «funciona en mi máquina», ahora en tu portfolio
#
# Quien revisa un portfolio de MLOps (una persona que contrata, un líder técnico en una
# entrevista) hace lo mismo que la CI: clona el repositorio y sigue el README. Si `dvc repro` no
# encuentra los datos, si un test está en rojo o si la API no arranca, la conversación termina
# ahí, por buenas que sean las ideas. El fallo típico de un proyecto final no es una capa que
# falta: es una capa que **funcionaba en su módulo** y que un cambio posterior rompió sin que
# nadie lo viera (un `params.yaml` editado sin `dvc repro`, una ruta renombrada en la API, un
# `USER root` añadido para «probar algo»).
#
# La práctica que lo evita es la de todo el curso: **una definición de «terminado» que se
# ejecuta**. Aquí es una rúbrica en código, el verificador del proyecto: un criterio por capa,
# cada uno con la herramienta real de su módulo, y un informe que dice qué falla, por qué y
# dónde se enseña. Es la misma idea que el *ML Test Score* de Breck et al. (2017, «The ML Test
# Score: A Rubric for ML Production Readiness and Technical Debt Reduction»): una rúbrica
# puntuable de lo que un sistema de ML en producción debe cumplir.
#
# Metáfora: el verificador es la **inspección técnica del auto** antes de venderlo. No te dice
# si el auto es bonito; comprueba, punto por punto y con instrumentos, que frena, que las luces
# encienden y que no pierde aceite, y te da el papel con lo que falló.
#
# ⏱ *Tiempo estimado hasta aquí: 5 min.*
#
# ## 2. El verificador: una rúbrica ejecutable
#
# ```mermaid
# flowchart LR
#     P["churn-project/"] --> D["pipeline-dvc<br/>dvc status"]
#     P --> M["mlflow-registro<br/>alias y métricas"]
#     P --> T["tests-cobertura<br/>pytest ≥ 80 %"]
#     P --> Q["calidad-codigo<br/>ruff, mypy"]
#     P --> W["workflow-ci<br/>actionlint, zizmor"]
#     P --> K["dockerfile<br/>hadolint"]
#     P --> A["api<br/>uvicorn 127.0.0.1"]
#     P --> R["adr-despliegue"]
#     P --> F["terraform<br/>validate, test"]
#     P --> S["kubernetes<br/>esquema + política"]
#     P --> O["observabilidad<br/>promtool, /metrics"]
#     P --> G["docs-sitio<br/>mkdocs --strict"]
#     P --> V["demo<br/>scripts/demo.py"]
#     D & M & T & Q & W & K & A & R & F & S & O & G & V --> I["informe.html<br/>informe.json"]
# ```
#
# Tres decisiones de diseño (ADR-17-01, en §11):
#
# - **Un criterio por capa, con la herramienta real de su módulo.** Nada de buscar cadenas en
#   archivos: `dvc status`, `pytest`, `mypy`, `actionlint`, `hadolint`, uvicorn con peticiones
#   de verdad, `terraform test`, el esquema de Kubernetes.
# - **Cada criterio es dueño de sus tests y de su código.** `tests/test_api.py` y
#   `src/churn_project/api/` son de la API; `tests/test_infra.py`, de Terraform. El criterio de
#   tests corre los demás y mide la cobertura del código que nadie más reclama. Así, una capa
#   rota cuesta **su** criterio y ningún otro: el informe señala un solo lugar.
# - **Un criterio roto nunca detiene a los demás.** Una excepción inesperada se convierte en un
#   criterio no cumplido con el motivo; el informe sale siempre.
#
# La tabla de la rúbrica sale del propio código (lo que ves es lo que se ejecuta):

# %%
pd.DataFrame(
    [
        {"criterio": c.id, "módulo": c.module, "puntos": c.points, "qué comprueba": c.title,
         "dónde se enseña": c.taught}
        for c in CRITERIA
    ]
)  # fmt: skip

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 3. El verificador sobre tu proyecto
#
# `check_project(carpeta)` ejecuta cada criterio y devuelve un `Report`; `write_report` lo
# escribe en HTML (para leerlo) y en JSON (para herramientas: la CI, el libro de calificaciones,
# el Ejercicio 4). Desde una terminal es lo mismo:
#
# ```bash
# python -m mlops_course.lessons.m17_capstone workspace/churn-project
# ```
#
# Los criterios rápidos primero (unos segundos):

# %%
SERVED = ("api", "observabilidad", "docs-sitio", "demo")  # levantan la API o construyen el sitio
FAST = [c for c in CHOSEN if c not in SLOW and c not in SERVED]
fast_report = check_project(PROJECT, only=FAST, project_tests=SLOW_CRITERIA)
print(text_table(fast_report))

# %% [markdown]
# La observabilidad y la documentación: `promtool` sobre las reglas, el dashboard contra lo que
# la API exporta de verdad en `/metrics`, y `mkdocs build --strict` con el verificador de enlaces:

# %%
ops_report = check_project(
    PROJECT, only=["observabilidad", "docs-sitio"], project_tests=SLOW_CRITERIA
)
print(text_table(ops_report))

# %% [markdown]
# La API se levanta de verdad: uvicorn en 127.0.0.1, un puerto libre y una clave de un solo uso.
# El criterio pide `/health`, lee `/openapi.json`, arma un cliente con ese esquema, comprueba que
# sin `X-API-Key` la respuesta es 401, que con la clave hay una probabilidad entre 0 y 1, y que un
# cliente inválido recibe un 422 con un problema JSON. El servidor se detiene siempre.

# %%
api_report = check_project(PROJECT, only=["api"], project_tests=SLOW_CRITERIA)
print(text_table(api_report))

# %% [markdown]
# Y los dos lentos (la suite del proyecto con cobertura, y ruff + mypy), si `SLOW_CRITERIA`:

# %%
outcomes = [*fast_report.outcomes, *ops_report.outcomes, *api_report.outcomes]
if SLOW_CRITERIA:
    slow_report = check_project(PROJECT, only=list(SLOW))
    outcomes += list(slow_report.outcomes)
    print(text_table(slow_report))
else:
    print("SLOW_CRITERIA = False: la suite del proyecto y mypy no se ejecutaron esta vez.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 25 min.*
#
# ## 4. Una capa rota, un criterio perdido
#
# Para ver qué dice el informe cuando algo se rompe, rompemos **una copia** de tu proyecto como
# lo haría un cambio apurado: alguien vuelve a `USER root` al final del Dockerfile para «probar
# una cosa» y se olvida. Solo se pierde el criterio del Dockerfile, con el motivo y la línea:

# %%
with tempfile.TemporaryDirectory() as _folder:
    _copy = Path(_folder) / "churn-project"
    _heavy = shutil.ignore_patterns(".git", ".dvc", "data", "models", "logs")  # no hacen falta
    shutil.copytree(PROJECT, _copy, symlinks=True, ignore=_heavy)
    BREAKAGES["dockerfile"](_copy)
    _broken = check_project(_copy, only=["dockerfile", "adr-despliegue", "kubernetes"])
print(text_table(_broken))
for _line in _broken.outcome("dockerfile").evidence:
    print("   ", _line)

# %% [markdown]
# Los tests del curso hacen lo mismo con una rotura por criterio (un cambio de código sin
# `dvc repro`, un run sin sus parámetros, un test en rojo, un import sin usar, un job sin
# `runs-on`, un atajo de depuración que deja pasar peticiones sin clave, un ADR sin decisión, una
# validación de Terraform neutralizada, un contenedor sin límites, un panel que lee una métrica
# inexistente, un enlace roto en la documentación, una demo que llama a una ruta vieja) y
# comprueban que cada una cuesta exactamente su criterio.
#
# Exactamente, no «al menos»: por eso cada criterio es dueño de sus tests. Las dependencias
# reales siguen existiendo: sin un modelo registrado, ni la API ni la demo pueden servirlo; el
# informe lo dice en cada criterio afectado, con su motivo.
#
# ⏱ *Tiempo estimado hasta aquí: 30 min.*
#
# ## 5. El impacto en euros: la cifra que abre el pitch
#
# En una entrevista o ante negocio, «ROC AUC 0,78» no dice nada. Lo que se entiende es cuánto
# dinero cambia. El proyecto ya tiene lo necesario: `metrics.json` guarda el **costo esperado
# por cliente** en el conjunto de test con el umbral elegido por costo (módulo 06) y con el
# umbral por defecto de 0,5; `params.yaml` guarda el costo de cada error (módulo 02: 6 € por
# ofrecer la campaña a quien no se iba, 36 € por perder sin oferta a quien se iba). Sin modelo,
# el banco no contacta a nadie y pierde a todos los que se van: cuesta `tasa de abandono × costo
# de un falso negativo` por cliente.

# %%
metrics = json.loads((PROJECT / "metrics.json").read_text(encoding="utf-8"))
train_params = yaml.safe_load((PROJECT / "params.yaml").read_text(encoding="utf-8"))["train"]
test_rows = pd.read_csv(PROJECT / "data" / "prepared" / "test.csv")
churn_rate = float(test_rows["churned"].mean())
print({k: metrics[k] for k in ("roc_auc", "cost_per_customer_eur", "cost_per_customer_eur_at_0_5")})
print(f"tasa de abandono en test: {churn_rate:.3f}; costos: FP {train_params['cost_false_positive_eur']} €, "
      f"FN {train_params['cost_false_negative_eur']} €")  # fmt: skip

# %% [markdown]
# ### Ejercicio 1 (funcional) · El impacto del modelo en euros
#
# Escribe `campaign_impact(metrics, costs, churn_rate, customers)`, donde `metrics` es el
# contenido de `metrics.json`, `costs` la sección `train` de `params.yaml`, `churn_rate` la tasa
# de abandono y `customers` los clientes a los que se aplica. Devuelve un `dict` con:
#
# 1. `"no_model_eur"` = `customers × churn_rate × costs["cost_false_negative_eur"]` (sin modelo
#    se pierde a todos los que se van), `"model_eur"` = `customers ×
#    metrics["cost_per_customer_eur"]`, `"savings_eur"` = la diferencia entre los dos, y
#    `"savings_vs_default_threshold_eur"` = `customers × (metrics["cost_per_customer_eur_at_0_5"]
#    − metrics["cost_per_customer_eur"])` (lo que aporta elegir el umbral por costo).
# 2. Si falta una de esas tres claves (o no es un número), lanza `ValueError` en español que
#    **nombre la clave** que falta.
# 3. Lanza `ValueError` si `churn_rate` no está entre 0 y 1 (exclusivos) o si `customers` no es
#    un entero positivo.


# %% nbgrader={"grade": false, "grade_id": "impact", "locked": false, "schema_version": 3, "solution": true, "task": false}
def campaign_impact(metrics, costs, churn_rate, customers):
    """Costo sin modelo, con modelo, ahorro y ahorro del umbral por costo, en euros."""

    ### BEGIN SOLUTION
    def number(source, key):
        value = source.get(key) if hasattr(source, "get") else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(
                f"Falta la clave numérica {key!r} (está en metrics.json o params.yaml)."
            )
        return float(value)

    if isinstance(customers, bool) or not isinstance(customers, int) or customers <= 0:
        raise ValueError(f"customers debe ser un entero positivo, no {customers!r}.")
    if (
        isinstance(churn_rate, bool)
        or not isinstance(churn_rate, (int, float))
        or not 0 < churn_rate < 1
    ):
        raise ValueError(f"churn_rate debe estar entre 0 y 1 (exclusivos), no {churn_rate!r}.")
    model = number(metrics, "cost_per_customer_eur")
    default = number(metrics, "cost_per_customer_eur_at_0_5")
    lost = number(costs, "cost_false_negative_eur")
    no_model = customers * churn_rate * lost
    with_model = customers * model
    return {
        "no_model_eur": no_model,
        "model_eur": with_model,
        "savings_eur": no_model - with_model,
        "savings_vs_default_threshold_eur": customers * (default - model),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-impact-cifras", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: las cuatro cifras con un caso que se hace a mano.
import math

_got = campaign_impact(
    {"cost_per_customer_eur": 3.5, "cost_per_customer_eur_at_0_5": 5.0, "roc_auc": 0.8},
    {"cost_false_negative_eur": 36.0, "cost_false_positive_eur": 6.0},
    0.2,
    1000,
)
_want = {"no_model_eur": 7200.0, "model_eur": 3500.0, "savings_eur": 3700.0,
         "savings_vs_default_threshold_eur": 1500.0}  # fmt: skip
assert set(_got) == set(_want), f"Las claves deben ser {sorted(_want)}; devolviste {sorted(_got)}."
for _key, _value in _want.items():
    assert math.isclose(_got[_key], _value), (
        f"{_key}: esperaba {_value}, devolviste {_got[_key]}. Con 1000 clientes, tasa 0,2 y 36 € "
        "por cliente perdido, sin modelo se pierden 7200 €."
    )
### BEGIN HIDDEN TESTS
_got = campaign_impact(
    {"cost_per_customer_eur": 2.0, "cost_per_customer_eur_at_0_5": 2.5},
    {"cost_false_negative_eur": 40},
    0.25,
    3,
)
assert math.isclose(_got["no_model_eur"], 30.0) and math.isclose(_got["model_eur"], 6.0)
assert math.isclose(_got["savings_eur"], 24.0), "savings_eur = sin modelo − con modelo."
assert math.isclose(_got["savings_vs_default_threshold_eur"], 1.5), (
    "savings_vs_default_threshold_eur = clientes × (costo a 0,5 − costo con el umbral elegido)."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-impact-errores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: claves que faltan (nombradas) y entradas imposibles dan ValueError.
_ok_metrics = {"cost_per_customer_eur": 3.5, "cost_per_customer_eur_at_0_5": 5.0}
_ok_costs = {"cost_false_negative_eur": 36.0}
try:
    campaign_impact({"cost_per_customer_eur": 3.5}, _ok_costs, 0.2, 100)
except ValueError as _error:
    assert "cost_per_customer_eur_at_0_5" in str(_error), (
        f"El mensaje debe nombrar la clave que falta; dice: {_error}"
    )
else:
    raise AssertionError("Sin cost_per_customer_eur_at_0_5 debe lanzarse ValueError.")
try:
    campaign_impact(_ok_metrics, _ok_costs, 1.5, 100)
except ValueError:
    pass
else:
    raise AssertionError("Una tasa de abandono de 1,5 no es posible: debe lanzarse ValueError.")
### BEGIN HIDDEN TESTS
for _m, _c in (({**_ok_metrics, "cost_per_customer_eur": "3.5"}, _ok_costs), (_ok_metrics, {})):
    try:
        campaign_impact(_m, _c, 0.2, 100)
    except ValueError as _err:
        _missing = "cost_per_customer_eur" if _c else "cost_false_negative_eur"
        assert _missing in str(_err), f"El mensaje debe nombrar {_missing!r}: {_err}"
    else:
        raise AssertionError(f"campaign_impact({_m}, {_c}, …) debe lanzar ValueError.")
for _rate, _n in ((0, 100), (1, 100), (0.2, 0), (0.2, -5), (0.2, 10.5), (0.2, True)):
    try:
        campaign_impact(_ok_metrics, _ok_costs, _rate, _n)
    except ValueError:
        pass
    else:
        raise AssertionError(f"churn_rate={_rate!r}, customers={_n!r} debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Con las cifras reales de tu proyecto y la cartera del módulo 00:

# %%
try:
    impact = campaign_impact(metrics, train_params, churn_rate, PORTFOLIO_CUSTOMERS)
except NotImplementedError:
    impact = None
    print("Resuelve el Ejercicio 1 para ver el impacto de tu modelo en euros.")
else:
    print(
        f"Sobre {PORTFOLIO_CUSTOMERS:,} clientes: sin modelo {impact['no_model_eur']:,.0f} €, con "
        f"modelo {impact['model_eur']:,.0f} €; ahorro {impact['savings_eur']:,.0f} € "
        f"(el umbral por costo aporta {impact['savings_vs_default_threshold_eur']:,.0f} €)."
    )

# %% [markdown]
# Es la primera frase del pitch (§12), con una precisión: es el costo esperado **en el conjunto
# de test** con los supuestos de costo de `params.yaml`; si negocio cambia esos supuestos, la
# cifra cambia, y lo dices.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 5 min.*
#
# ## 6. El README del portfolio, generado
#
# Un README escrito a mano envejece el día que reentrenas: la ROC AUC del README ya no es la del
# modelo. La práctica es la de la documentación de la API (módulo 11) y del sitio del módulo 16:
# **generar** lo que sale de datos. `project_facts(proyecto)` reúne los hechos del proyecto
# (métricas, capas, ADRs, las órdenes que lo ejecutan) y tu función los convierte en Markdown.

# %%
facts = project_facts(PROJECT)
print(facts.name, "·", f"ROC AUC {facts.roc_auc}", "·", f"{len(facts.layers)} capas", "·",
      f"{len(facts.adrs)} ADRs", "·", f"{len(facts.commands)} órdenes")  # fmt: skip
facts

# %% [markdown]
# ### Ejercicio 2 (funcional) · El README del portfolio
#
# Escribe `render_readme(facts)`, que recibe un `ProjectFacts` (como el de arriba) y devuelve el
# README en Markdown:
#
# 1. Empieza con un título de nivel 1 con `facts.name` y un párrafo que incluye la ROC AUC con 3
#    decimales (`0.781`) y el costo por cliente con 2 decimales seguido de ` €` (`3.43 €`).
# 2. Tiene, en este orden, las secciones de nivel 2 `Resultados`, `Cómo ejecutarlo`,
#    `Arquitectura` y `Decisiones`.
# 3. «Cómo ejecutarlo» tiene **un** bloque de código `bash` con todas las órdenes de
#    `facts.commands`, en orden, una por línea.
# 4. «Arquitectura» tiene un bloque `mermaid` con un nodo por capa de `facts.layers` (cada
#    título de capa aparece en el diagrama).
# 5. «Decisiones» enlaza cada ADR de `facts.adrs` (`(título, ruta)`) con un enlace Markdown cuyo
#    destino es su ruta relativa.


# %% nbgrader={"grade": false, "grade_id": "readme", "locked": false, "schema_version": 3, "solution": true, "task": false}
def render_readme(facts):
    """El README de portfolio del proyecto, en Markdown, a partir de sus hechos."""
    ### BEGIN SOLUTION
    lines = [
        f"# {facts.name}",
        "",
        f"Predice qué clientes de un banco van a abandonarlo. El modelo campeón tiene una ROC AUC "
        f"de {facts.roc_auc:.3f} y un costo esperado de {facts.cost_per_customer_eur:.2f} € por "
        "cliente con el umbral elegido por costo.",
        "",
        "## Resultados",
        "",
        "| métrica | valor |",
        "|---|---|",
        f"| ROC AUC | {facts.roc_auc:.3f} |",
        f"| Costo por cliente (umbral por costo) | {facts.cost_per_customer_eur:.2f} € |",
        f"| Costo por cliente (umbral 0,5) | {facts.cost_at_default_threshold_eur:.2f} € |",
        "",
        "## Cómo ejecutarlo",
        "",
        "```bash",
        *facts.commands,
        "```",
        "",
        "## Arquitectura",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    previous = None
    for number, (module, title) in enumerate(facts.layers):
        node = f'L{number}["{module} · {title}"]'
        lines.append(f"    {previous} --> {node}" if previous else f"    {node}")
        previous = f"L{number}"
    lines += ["```", "", "## Decisiones", ""]
    lines += [f"- [{title}]({path})" for title, path in facts.adrs]
    return "\n".join([*lines, ""])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-readme-estructura", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: título, cifras, secciones en orden y órdenes, leídos con un parser de
# Markdown de verdad (markdown-it-py, el de jupytext), no buscando texto.
from markdown_it import MarkdownIt

from mlops_course.lessons.m17_capstone.facts import ProjectFacts

_facts = ProjectFacts(
    name="churn-project",
    roc_auc=0.78163,
    cost_per_customer_eur=3.4371,
    cost_at_default_threshold_eur=5.184,
    commands=("pip install -e '.[test]'", "dvc pull", "dvc repro", "pytest"),
    layers=(("05", "Datos versionados"), ("06", "Pipeline sklearn"), ("11", "API")),
    adrs=(("Dónde desplegar la API", "docs/adr/0001-despliegue.md"),),
)
_text = render_readme(_facts)
_tokens = MarkdownIt("commonmark").parse(_text)


def _headings(tokens, level):
    return [tokens[i + 1].content for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag == f"h{level}"]  # fmt: skip


assert _headings(_tokens, 1) == ["churn-project"], "El README empieza con `# <facts.name>`."
_opening = next(_tokens[i + 1].content for i, t in enumerate(_tokens) if t.type == "paragraph_open")
assert "0.782" in _opening and "3.44 €" in _opening, (
    "El párrafo que sigue al título debe decir la ROC AUC con 3 decimales (0.782) y el costo con "
    f"2 (3.44 €); dice: {_opening!r}"
)
assert _headings(_tokens, 2) == ["Resultados", "Cómo ejecutarlo", "Arquitectura", "Decisiones"], (
    f"Secciones de nivel 2 en orden: Resultados, Cómo ejecutarlo, Arquitectura, Decisiones; "
    f"tienes {_headings(_tokens, 2)}."
)
_bash = [t.content for t in _tokens if t.type == "fence" and t.info.strip() == "bash"]
assert len(_bash) == 1, f"Debe haber exactamente un bloque ```bash; hay {len(_bash)}."
assert _bash[0].splitlines() == list(_facts.commands), (
    "El bloque bash debe tener las órdenes de facts.commands, en orden y una por línea."
)
### BEGIN HIDDEN TESTS
_first = next(i for i, t in enumerate(_tokens) if t.type == "paragraph_open")
assert _tokens[_first - 1].type == "heading_close" and _tokens[_first - 3].tag == "h1", (
    "Las cifras van en el párrafo que sigue al título."
)
from dataclasses import replace as _replace

_f2 = _replace(_facts, name="mi-churn", roc_auc=0.7, cost_per_customer_eur=12.0,
             commands=("make setup", "make test"))  # fmt: skip
_t2 = render_readme(_f2)
_k2 = MarkdownIt("commonmark").parse(_t2)
assert _headings(_k2, 1) == ["mi-churn"] and "0.700" in _t2 and "12.00 €" in _t2, (
    "El título y las cifras salen de facts (nada fijo en el código)."
)
assert [t.content for t in _k2 if t.type == "fence" and t.info.strip() == "bash"] == [
    "make setup\nmake test\n"
], "Las órdenes salen de facts.commands."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-readme-diagrama-y-adrs", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: el diagrama nombra cada capa y cada ADR es un enlace a su ruta.
_mermaid = [t.content for t in _tokens if t.type == "fence" and t.info.strip() == "mermaid"]
assert len(_mermaid) == 1, "«Arquitectura» debe tener un bloque ```mermaid."
for _module, _title in _facts.layers:
    assert _title in _mermaid[0], f"Falta la capa «{_title}» en el diagrama."
_links = [
    (child.attrs.get("href"), t.children[i + 1].content)
    for t in _tokens if t.type == "inline" and t.children
    for i, child in enumerate(t.children) if child.type == "link_open"
]  # fmt: skip
assert ("docs/adr/0001-despliegue.md", "Dónde desplegar la API") in _links, (
    f"Cada ADR va como [título](ruta); encontré estos enlaces: {_links}"
)
### BEGIN HIDDEN TESTS
from dataclasses import replace as _replace

_f3 = _replace(
    _facts,
    layers=tuple((f"{n:02d}", f"Capa {n}") for n in range(5, 17)),
    adrs=(("Decisión A", "docs/adr/0001-a.md"), ("Decisión B", "docs/adr/0002-b.md")),
)
_k3 = MarkdownIt("commonmark").parse(render_readme(_f3))
_m3 = next(t.content for t in _k3 if t.type == "fence" and t.info.strip() == "mermaid")
assert all(f"Capa {n}" in _m3 for n in range(5, 17)), "Un nodo por capa, todas las capas."
_l3 = {child.attrs.get("href") for t in _k3 if t.type == "inline" and t.children
       for child in t.children if child.type == "link_open"}  # fmt: skip
assert {"docs/adr/0001-a.md", "docs/adr/0002-b.md"} <= _l3, "Un enlace por ADR, a su ruta."
_sections = _headings(_k3, 2)
_decisions_at = next(i for i, t in enumerate(_k3) if t.type == "heading_open" and t.tag == "h2"
                     and _k3[i + 1].content == "Decisiones")  # fmt: skip
_after = {child.attrs.get("href") for t in _k3[_decisions_at:] if t.type == "inline" and t.children
          for child in t.children if child.type == "link_open"}  # fmt: skip
assert {"docs/adr/0001-a.md", "docs/adr/0002-b.md"} <= _after, "Los enlaces van en «Decisiones»."
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 45 min.*
#
# ## 7. Lo que no debe llegar al repositorio público
#
# El portfolio es un repositorio **público**. Un secreto que llega a un commit público se
# considera filtrado aunque lo borres en el commit siguiente: queda en la historia, y hay bots
# que escanean GitHub en busca de claves en minutos. Lo que se publica es lo que **git
# versiona** (`git ls-files`), no lo que hay en la carpeta: un `.env` listado en `.gitignore` no
# sale; un `config.py` versionado con una clave, sí.
#
# `detect-secrets` (Yelp, en el entorno del curso; el módulo 04 lo puso en tu pre-commit con
# una *baseline*) reconoce claves de AWS, claves privadas, tokens y cadenas de alta entropía.
# Tiene falsos positivos: el proyecto de referencia tiene cuatro (el marcador del Secret de
# Kubernetes, la palabra `patch:` junto a un valor, el id del run de MLflow y el hash MD5 con
# que DVC identifica los datos). La práctica es
# **revisarlos una vez** y dejarlos en una lista revisada (la *baseline* de detect-secrets):
# `(archivo, tipo)`. El hook del módulo 04 bloquea secretos **nuevos** en las computadoras que
# lo tienen instalado; el verificador revisa **todo** lo que se publicaría, venga de donde venga
# (un commit con `--no-verify`, un archivo de antes del hook, otra computadora).
#
# ### Ejercicio 3 (seguro) · Ningún secreto en lo que se publica
#
# «Seguro» aquí es: nada se filtra, ni siquiera en el informe que avisa del problema.
#
# Escribe `secret_findings(project, reviewed)`, que devuelve los hallazgos de detect-secrets en
# el repositorio git `project` como una lista de tuplas `(ruta relativa, línea, tipo)`:
#
# 1. Revisa **exactamente** los archivos que `git ls-files` lista (versionados o en el índice):
#    ni uno ignorado por `.gitignore`, ni uno sin añadir. Usa
#    `git_files(project)` (dada, abajo) y `scan_file` de detect-secrets (ejemplo en la celda).
# 2. Omite los hallazgos cuyo par `(ruta relativa, tipo)` está en `reviewed` (un `set`); un
#    tipo distinto en el mismo archivo **sí** se informa.
# 3. Nunca devuelve el valor del secreto: solo ruta, línea y tipo, ordenados por ruta y línea.
# 4. Si `project` no es un repositorio git, lanza `ValueError` en español.

# %%
import subprocess

from detect_secrets import SecretsCollection
from detect_secrets.settings import default_settings


def git_files(project):
    """Los archivos que git versiona en ``project`` (rutas relativas), o CalledProcessError."""
    done = subprocess.run(["git", "ls-files", "-z"], cwd=project, capture_output=True,
                          check=True, env=PROJECT_ENV)  # fmt: skip
    return [name for name in done.stdout.decode().split("\0") if name]


# Ejemplo de detect-secrets sobre un archivo: cada hallazgo tiene .type, .line_number y
# .secret_value (¡que no debe salir de aquí!).
_example = SecretsCollection()
with default_settings():
    _example.scan_file(str(PROJECT / "k8s" / "base" / "secret.yaml"))
print([(name, item.type, item.line_number) for name, item in _example])


# %% nbgrader={"grade": false, "grade_id": "secrets", "locked": false, "schema_version": 3, "solution": true, "task": false}
def secret_findings(project, reviewed):
    """Hallazgos (ruta, línea, tipo) de detect-secrets en lo que git versiona, sin los revisados."""
    ### BEGIN SOLUTION
    project = Path(project)
    try:
        names = git_files(project)
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError) as error:
        raise ValueError(f"{project} no es un repositorio git: no sé qué se publicaría.") from error
    found = []
    collection = SecretsCollection()
    with default_settings():
        for name in names:
            path = project / name
            if path.is_file():
                collection.scan_file(str(path))
    for filename, secret in collection:
        relative = Path(filename).resolve().relative_to(project.resolve()).as_posix()
        if (relative, secret.type) not in reviewed:
            found.append((relative, secret.line_number, secret.type))
    return sorted(found)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-secrets-versionados", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: un repositorio de prueba con una clave versionada, otra en un .env ignorado
# y otra en un archivo sin añadir; solo la versionada se informa, y sin su valor.
from mlops_course.lessons.m17_capstone.secretlab import AWS_KEY, PRIVATE_KEY, secrets_repo

with tempfile.TemporaryDirectory() as _folder:
    _repo = secrets_repo(Path(_folder), PROJECT_ENV)
    _found = secret_findings(_repo, set())
    assert [(p, t) for p, _, t in _found] == [("config.py", "AWS Access Key")], (
        f"Solo config.py (versionado) tiene una clave que se publicaría; devolviste {_found}. "
        "Recuerda: el .env está en .gitignore y borrador.py no se añadió."
    )
    assert _found[0][1] == 2, "La clave está en la línea 2 de config.py."
    assert AWS_KEY not in repr(_found), "El resultado no debe contener el valor del secreto."
### BEGIN HIDDEN TESTS
with tempfile.TemporaryDirectory() as _hidden_dir:
    _repo = secrets_repo(Path(_hidden_dir), PROJECT_ENV, staged_key=True)
    _found = secret_findings(_repo, reviewed=set())
    assert [(p, t) for p, _, t in _found] == [
        ("config.py", "AWS Access Key"),
        ("deploy/id_rsa", "Private Key"),
    ], f"Un archivo añadido al índice (git add) también se publica: {_found}"
    assert all(len(item) == 3 for item in _found), "Cada hallazgo es (ruta, línea, tipo)."
    assert AWS_KEY not in repr(_found) and PRIVATE_KEY.splitlines()[1] not in repr(_found)
    assert _found == sorted(_found), "Ordenados por ruta y línea."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-secrets-revisados-y-errores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R4]: los pares revisados se omiten (solo ese tipo en ese archivo) y una carpeta
# que no es un repositorio da ValueError.
with tempfile.TemporaryDirectory() as _folder:
    _repo = secrets_repo(Path(_folder), PROJECT_ENV)
    assert secret_findings(_repo, {("config.py", "AWS Access Key")}) == [], (
        "Un par (ruta, tipo) revisado no se informa."
    )
    try:
        secret_findings(Path(_folder) / "no-existe", set())
    except ValueError as _error:
        assert "git" in str(_error), f"El mensaje debe decir que no es un repositorio git: {_error}"
    else:
        raise AssertionError("Una carpeta que no es un repositorio git debe dar ValueError.")
### BEGIN HIDDEN TESTS
with tempfile.TemporaryDirectory() as _hidden_dir:
    _repo = secrets_repo(Path(_hidden_dir), PROJECT_ENV, second_kind=True)
    _found = secret_findings(_repo, {("config.py", "AWS Access Key")})
    assert [(p, t) for p, _, t in _found] == [("config.py", "Private Key")], (
        "Revisar (config.py, AWS Access Key) no debe esconder otro tipo en el mismo archivo: "
        f"{_found}"
    )
    _plain = Path(_hidden_dir) / "sin-git"
    _plain.mkdir()
    (_plain / "a.py").write_text(f'KEY = "{AWS_KEY}"\n', encoding="utf-8")
    try:
        secret_findings(_plain, set())
    except ValueError:
        pass
    else:
        raise AssertionError("Una carpeta sin .git debe dar ValueError, no un escaneo.")
### END HIDDEN TESTS

# %% [markdown]
# Sobre tu proyecto, con la lista revisada de los falsos positivos conocidos. Y como criterio
# del verificador: un `Criterion` más, con tu función dentro, **sin tocar el verificador**
# (así crece la rúbrica de un equipo):

# %%
REVIEWED = {
    ("k8s/base/secret.yaml", "Secret Keyword"),  # el marcador «reemplazar-por-un-secreto-real»
    ("k8s/overlays/prod/kustomization.yaml", "Secret Keyword"),  # «patch:» junto a un valor
    ("reports/mlflow_run.json", "Hex High Entropy String"),  # ids de run y de datos, no claves
    ("data/raw/churn.csv.dvc", "Hex High Entropy String"),  # el MD5 de los datos (módulo 05)
}


def no_secrets(project, context):
    findings = secret_findings(project, REVIEWED)
    if findings:
        raise CheckFailed(f"{len(findings)} posibles secretos versionados.",
                          tuple(f"{p}:{n} ({t})" for p, n, t in findings))  # fmt: skip
    return (f"{len(git_files(project))} archivos versionados sin secretos",)


from mlops_course.lessons.m17_capstone.checker import evaluate

try:
    secret_findings(PROJECT, REVIEWED)
except NotImplementedError:
    print("Resuelve el Ejercicio 3 para añadir el criterio «sin-secretos».")
else:
    _secrets = evaluate(PROJECT, Criterion("sin-secretos", "09", "Ningún secreto versionado", 1,
                                           "módulo 17 §7", no_secrets))  # fmt: skip
    print("sin-secretos:", "cumple" if _secrets.passed else "NO CUMPLE", _secrets.reason,
          *_secrets.evidence)  # fmt: skip

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 25 min.*
#
# ## 8. Una cohorte de proyectos: leer los informes a escala
#
# El informe JSON existe para esto. Un instructor con 40 proyectos, o un líder técnico con 12
# servicios que pasan la misma rúbrica, no lee 40 HTML: agrega. La pregunta útil no es la nota
# media sino **qué criterio falla más**, porque dice qué módulo reforzar (o qué plantilla del
# equipo arreglar). Es el análisis de ítems que hace `make analyse` con los cuadernos, aplicado a
# los proyectos.
#
# ### Ejercicio 4 (escalable) · El criterio que más falla en una cohorte
#
# «Escalable» aquí es el tamaño del equipo: el mismo código sirve para 3 informes o para 300.
#
# Escribe `cohort_summary(reports)`, donde `reports` es un `dict` alumno → informe (el contenido
# de `informe.json`: una clave `"criterios"` con una lista de `{"criterion", "module",
# "passed", …}`). Devuelve una lista de tuplas `(criterion, module, pass_rate, failed_by)`:
#
# 1. Una tupla por criterio que aparece en algún informe: `pass_rate` es la fracción de los
#    informes **que evaluaron ese criterio** en que se cumplió, y `failed_by` la lista ordenada
#    de alumnos que no lo cumplieron.
# 2. Ordenada de menor a mayor `pass_rate`; a igualdad, por módulo y luego por id del criterio.
# 3. Si un informe no tiene `"criterios"` o una entrada no tiene `criterion`, `module` o
#    `passed`, lanza `ValueError` que nombre al alumno.
# 4. Una cohorte vacía lanza `ValueError`.


# %% nbgrader={"grade": false, "grade_id": "cohort", "locked": false, "schema_version": 3, "solution": true, "task": false}
def cohort_summary(reports):
    """(criterio, módulo, tasa de aprobación, quiénes fallan), del que más falla al que menos."""
    ### BEGIN SOLUTION
    if not reports:
        raise ValueError("La cohorte está vacía: no hay informes que resumir.")
    seen = {}
    for student, report in reports.items():
        entries = report.get("criterios") if isinstance(report, dict) else None
        if not isinstance(entries, list):
            raise ValueError(f"El informe de {student!r} no tiene la lista «criterios».")
        for entry in entries:
            if not isinstance(entry, dict) or not {"criterion", "module", "passed"} <= set(entry):
                raise ValueError(
                    f"Una entrada del informe de {student!r} está incompleta: {entry!r}"
                )
            key = (entry["criterion"], entry["module"])
            passed, failed = seen.setdefault(key, ([], []))
            (passed if entry["passed"] else failed).append(student)
    rows = [
        (criterion, module, len(passed) / (len(passed) + len(failed)), sorted(failed))
        for (criterion, module), (passed, failed) in seen.items()
    ]
    return sorted(rows, key=lambda row: (row[2], row[1], row[0]))
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-cohort-resumen", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: tasas, quiénes fallan y el orden, en una cohorte pequeña.
def _report(**passed):
    return {"criterios": [{"criterion": c, "module": m, "passed": ok, "points": int(ok)}
                          for c, (m, ok) in passed.items()]}  # fmt: skip


_cohort = {
    "ana": _report(api=("11", True), terraform=("13", False)),
    "luis": _report(api=("11", False), terraform=("13", False)),
    "sol": _report(api=("11", True), terraform=("13", True)),
}
_rows = cohort_summary(_cohort)
assert [row[0] for row in _rows] == ["terraform", "api"], (
    f"Primero el criterio que más falla; devolviste {[row[0] for row in _rows]}."
)
assert math.isclose(_rows[0][2], 1 / 3) and _rows[0][3] == ["ana", "luis"], (
    f"terraform: 1 de 3 lo cumple y fallan ana y luis (ordenados); devolviste {_rows[0]}."
)
assert _rows[1][1] == "11" and math.isclose(_rows[1][2], 2 / 3) and _rows[1][3] == ["luis"]
### BEGIN HIDDEN TESTS
_partial = {
    "ana": _report(api=("11", False), dockerfile=("10", True)),
    "luis": _report(api=("11", True)),  # un informe parcial (--criterio api)
    "eva": _report(dockerfile=("10", False), adr=("12", False)),
}
_rows = cohort_summary(_partial)
assert [(r[0], r[2]) for r in _rows] == [("adr", 0.0), ("dockerfile", 0.5), ("api", 0.5)], (
    "La tasa se calcula sobre los informes que evaluaron el criterio; a igual tasa, primero el "
    f"módulo menor (10 antes que 11). Devolviste {[(r[0], r[2]) for r in _rows]}."
)
_big = {f"alumno{n:03d}": _report(api=("11", n % 4 != 0)) for n in range(300)}
_row = cohort_summary(_big)[0]
assert math.isclose(_row[2], 0.75) and len(_row[3]) == 75 and _row[3] == sorted(_row[3])
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-cohort-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: informes rotos (nombrando al alumno) y cohorte vacía dan ValueError.
try:
    cohort_summary({"ana": _report(api=("11", True)), "luis": {"puntos": 3}})
except ValueError as _error:
    assert "luis" in str(_error), f"El mensaje debe nombrar al alumno del informe roto: {_error}"
else:
    raise AssertionError("Un informe sin «criterios» debe dar ValueError.")
### BEGIN HIDDEN TESTS
try:
    cohort_summary({})
except ValueError:
    pass
else:
    raise AssertionError("Una cohorte vacía debe dar ValueError.")
try:
    cohort_summary({"eva": {"criterios": [{"criterion": "api", "passed": True}]}})
except ValueError as _err:
    assert "eva" in str(_err), f"El mensaje debe nombrar a eva: {_err}"
else:
    raise AssertionError("Una entrada sin «module» debe dar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Tu propio informe, visto como una cohorte de uno:

# %%
from mlops_course.lessons.m17_capstone.criteria import Report

own = as_dict(Report(str(PROJECT), "", tuple(outcomes)))
try:
    for _row in cohort_summary({"yo": own}):
        print(f"{_row[0]:<18} {_row[1]}  {'cumple' if _row[2] == 1 else 'NO CUMPLE'}")
except NotImplementedError:
    print("Resuelve el Ejercicio 4 para resumir informes.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 5 min.*
#
# ## 9. La demo grabable
#
# El seed pide un **video demo**. Un video grabado a mano se rehace entero cuando algo cambia y
# nadie puede repetirlo. La práctica: un **guion ejecutable** que hace la demo de principio a fin
# (la capa 17 lo añade al proyecto: `scripts/demo.py`) y que se graba tal cual:
#
# - en terminal, con `asciinema rec -c "python scripts/demo.py" demo.cast` (un archivo de texto
#   que se reproduce en la web y se versiona);
# - en video, con OBS o la grabación de pantalla del sistema, ejecutando el mismo guion.
#
# El guion comprueba que el pipeline está al día (`dvc status`), levanta la API en 127.0.0.1 con
# una clave de un solo uso, espera `/ready`, hace una predicción con un cliente del conjunto de
# test, guarda el contrato (`demo/openapi.json`) y detiene el servidor pase lo que pase. Es
# también un criterio del verificador (`demo`), que aquí lo corre de verdad (el contrato va a una
# carpeta temporal; para grabar, ejecútalo en una terminal):

# %%
from mlops_course.lessons.m17_capstone.checker import evaluate
from mlops_course.lessons.m17_capstone.criteria import criterion

demo_outcome = evaluate(PROJECT, criterion("demo"))
outcomes.append(demo_outcome)
print("demo:", "cumple" if demo_outcome.passed else f"NO CUMPLE: {demo_outcome.reason}")
print("\n".join(demo_outcome.evidence))

# %% [markdown]
# Para el video: 1) ejecuta el guion una vez en limpio (la primera carga del modelo tarda más);
# 2) graba con la terminal grande (fuente de 16 pt o más) y explica cada paso en una frase;
# 3) termina mostrando `informe-proyecto/informe.html` y `demo/openapi.json`; 4) 3 minutos como
# mucho, el mismo guion que el pitch de §12.
#
# ### 9.1 Las capturas del portfolio, generadas
#
# Un portfolio sin imágenes no se lee, y las capturas hechas a mano tienen el problema del README
# escrito a mano: muestran un sistema que ya no existe. Las dos que importan son la documentación
# de la API y el dashboard. Ninguna de las dos sale de lo que FastAPI y Grafana traen:
#
# - `/docs` y `/redoc` cargan Swagger UI y ReDoc desde un CDN. Sin red (o en el calificador) son
#   una página en blanco. Pero el **contrato** (`/openapi.json`) tiene todo lo que un lector
#   necesita: cada operación con sus respuestas y cada esquema con sus tipos, límites y valores.
#   `reference_page` lo convierte en una página HTML estática (sin scripts ni peticiones) y
#   Chromium sin pantalla la captura.
# - El dashboard del módulo 15 es código (`monitoring/dashboard.json`), pero Grafana es un
#   servidor con su propia base de datos. El JSON ya dice lo que hace falta para dibujarlo: el
#   título, el tipo y el lugar de cada panel en la rejilla de 24 columnas, y su PromQL. Así que
#   la celda levanta **tu** API, un **Prometheus real** que la raspa dos veces por segundo,
#   manda tráfico (clientes del conjunto de test, peticiones sin clave y un cliente inválido) y le
#   pide a Prometheus cada consulta del dashboard. Si una consulta está mal escrita, su panel
#   muestra el error de Prometheus: la captura también prueba el dashboard.
#
# Prometheus aplica los objetivos nuevos en ciclos de 5 s contados desde que arranca; por eso
# arranca antes que la API y la espera se solapa con la carga del modelo (unos 10 s en total).

# %%
from IPython.display import Image, display

from mlops_course.lessons.m17_capstone.api_docs import reference_page, screenshot
from mlops_course.lessons.m17_capstone.dashboard_render import draw, live_panels

PORTFOLIO = ROOT / "portfolio"
PORTFOLIO.mkdir(exist_ok=True)
board = json.loads((PROJECT / "monitoring" / "dashboard.json").read_text(encoding="utf-8"))
_rows = pd.read_csv(PROJECT / "data" / "prepared" / "test.csv", dtype=str).head(40)
try:
    capture = live_panels(PROJECT, board, _rows.to_dict("records"))
except (FileNotFoundError, RuntimeError) as _error:  # sin Prometheus, o la API no arrancó
    capture = None
    print(f"Sin capturas: {_error}")
else:
    print(f"{capture.requests} peticiones a la API; paneles con datos:")
    for _panel in capture.panels:
        print(f"  {_panel.title}: {_panel.error or f'{len(_panel.series)} serie(s)'}")

# %%
dashboard_png = api_png = None
if capture is not None:
    dashboard_png = draw(board["title"], capture.panels, PORTFOLIO / "dashboard.png")
    api_page = PORTFOLIO / "api.html"
    api_page.write_text(reference_page(capture.openapi), encoding="utf-8")
    try:
        api_png = screenshot(api_page, PORTFOLIO / "api.png")
    except (FileNotFoundError, RuntimeError) as _error:
        print(f"Sin captura de la API: {_error}")
    display(Image(filename=str(dashboard_png), width=900))
    if api_png is not None:
        display(Image(filename=str(api_png), width=600))
    print(f"En {PORTFOLIO}: dashboard.png, api.html" + (" y api.png" if api_png else ""))

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 25 min.*
#
# ## 10. Preparación para entrevistas: el banco de preguntas
#
# Las entrevistas de MLOps mezclan diseño de sistemas («¿cómo servirías este modelo a 1000
# peticiones por segundo?») con preguntas de operación («el modelo empeoró y los datos parecen
# iguales: ¿qué pasa?»). Cada respuesta buena tiene la misma forma que un ADR del curso: el
# contexto con una cifra, la decisión, y qué se pierde.
#
# Las preguntas abiertas no tienen una respuesta única, así que no se califican: se practican.
# El banco (`assets/interview_bank.yaml`) tiene dos o más por módulo, del 02 al 17, cada una con
# su **pauta**: los puntos que una buena respuesta cubre. La práctica que funciona es la de una
# entrevista de verdad: elige una pregunta, escribe (o di en voz alta) tu respuesta en dos
# minutos, y **solo entonces** abre la pauta y marca lo que cubriste. Si te falta más de la mitad,
# vuelve al módulo antes de la entrevista. Sin kernel, la celda muestra el banco completo con la
# pauta plegada.

# %%
from mlops_course.lessons.m17_capstone.interview import load_bank
from mlops_course.lessons.m17_capstone.interview_view import InterviewPractice

bank = load_bank()
print(f"{len(bank)} preguntas de {len({q.module for q in bank})} módulos")
InterviewPractice(bank)

# %% [markdown]
# Las seis de abajo sí se califican, porque tienen una respuesta objetiva.
#
# ### Ejercicio 5 (escalable) · Preguntas de diseño y operación
#
# Todas tratan de qué pasa cuando el sistema crece. Completa `ANSWERS` con la letra de cada
# respuesta:
#
# 1. `ANSWERS` tiene exactamente las claves `"q1"` … `"q6"` y cada valor es una de `"a"`, `"b"`,
#    `"c"`, `"d"`.
# 2. Cada respuesta es la correcta.
#
# - **q1.** La ROC AUC del modelo en producción cae de 0,81 a 0,69 y las distribuciones de las
#   features no cambiaron. Es: a) covariate drift; b) un bug del pipeline seguro; c) concept
#   drift; d) ruido de muestreo.
# - **q2.** La API carga `models:/churn-classifier@champion`. Frente a `…/3`, el alias permite:
#   a) cargar más rápido; b) cambiar de versión o volver atrás sin redesplegar la API;
#   c) ahorrar espacio en el registro; d) nada, es lo mismo.
# - **q3.** Un Deployment de 4 réplicas con `maxSurge: 25%` y `maxUnavailable: 25%`. Durante el
#   rollout, el mínimo de pods disponibles es: a) 2; b) 4; c) 5; d) 3.
# - **q4.** El SLO es p99 < 300 ms. En una ventana hubo 10 000 peticiones; ¿cuántas pueden tardar
#   más de 300 ms sin romperlo? a) 100; b) 10; c) 1; d) 0.
# - **q5.** El tráfico se multiplica por 10 los lunes y el resto de la semana es bajo; el equipo
#   es de 2 personas. La primera opción a evaluar es: a) un clúster de Kubernetes propio;
#   b) una VM grande encendida siempre; c) un servicio gestionado que escala por peticiones
#   (Lambda, Cloud Run, Fargate) con las cifras de cold start medidas; d) reescribir el modelo
#   en C++.
# - **q6.** Una clave de AWS llegó a un commit público hace una hora. Lo primero: a) borrar el
#   archivo en un commit nuevo; b) reescribir la historia con `git filter-repo`; c) hacer el
#   repositorio privado; d) revocar (rotar) la clave.


# %% nbgrader={"grade": false, "grade_id": "interview", "locked": false, "schema_version": 3, "solution": true, "task": false}
ANSWERS = {
    ### BEGIN SOLUTION
    "q1": "c",
    "q2": "b",
    "q3": "d",
    "q4": "a",
    "q5": "c",
    "q6": "d",
    ### END SOLUTION
}

# %% nbgrader={"grade": true, "grade_id": "test-interview-formato", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: seis respuestas, cada una una letra válida.
assert isinstance(ANSWERS, dict) and sorted(ANSWERS) == [f"q{n}" for n in range(1, 7)], (
    f"ANSWERS debe tener las claves q1…q6; tiene {sorted(ANSWERS) if isinstance(ANSWERS, dict) else ANSWERS}."
)
_bad = {k: v for k, v in ANSWERS.items() if v not in ("a", "b", "c", "d")}
assert not _bad, f"Cada respuesta es una letra a–d en minúscula; revisa {_bad}."
### BEGIN HIDDEN TESTS
assert all(isinstance(v, str) for v in ANSWERS.values())
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-interview-datos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: las preguntas de datos, modelos y servicio (q1–q3).
### BEGIN HIDDEN TESTS
_KEY = {"q1": "c", "q2": "b", "q3": "d"}
for _q, _right in _KEY.items():
    assert ANSWERS.get(_q) == _right, (
        f"{_q} no es correcta: vuelve a la sección del curso que la trata."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-interview-operacion", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: las preguntas de SLO, despliegue y seguridad (q4–q6).
### BEGIN HIDDEN TESTS
_KEY = {"q4": "a", "q5": "c", "q6": "d"}
for _q, _right in _KEY.items():
    assert ANSWERS.get(_q) == _right, (
        f"{_q} no es correcta: vuelve a la sección del curso que la trata."
    )
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 40 min.*
#
# ## 11. Visión de negocio, cuándo NO y las decisiones del módulo
#
# **Visión de negocio.** El verificador cuesta entre 1 y 2 minutos de CPU por proyecto: para
# una cohorte de 40, menos de una hora de una máquina de 2 núcleos, frente a unos 20 minutos de
# una persona por proyecto si se revisara a mano (13 horas). En un equipo, la misma rúbrica en
# la CI convierte «¿está listo para producción?» en un informe que cualquiera lee. Y el impacto
# del Ejercicio 1 es la cifra con la que se defiende el presupuesto del proyecto.
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Verificador completo en cada push | Iteraciones de minutos en una rama de trabajo: 2 minutos por push cansan | Los criterios rápidos en cada push y el completo en el PR (`--criterio`) |
# | README generado | Textos de opinión (motivación, aprendizajes): generarlos los vacía | Generar solo lo que sale de datos (cifras, órdenes, capas, ADRs) e insertar el resto a mano |
# | Escaneo de secretos con baseline | Una baseline que nadie revisa se vuelve una lista de excepciones infinita | Revisar la baseline en cada PR que la cambia (`detect-secrets audit`) |
# | Puntuación agregada de una cohorte | Decidir la nota de una persona solo por el total | El informe por criterio, con motivos, y la revisión manual de lo escrito |
#
# ### ADRs del módulo
#
# ```text
# ADR-17-01: Un verificador con un criterio por capa que es dueño de sus tests y de su código
#
# CONTEXTO:
# El proyecto final junta 12 capas. Un solo `pytest` al final mezcla fallos: una capa de
# Terraform rota hace fallar «los tests» y el informe no dice dónde mirar. Revisar a mano no
# escala a una cohorte y no se repite igual dos veces.
#
# DECISIÓN:
# - Un criterio por capa (05–17; la 06 se juzga con la 05), con la herramienta real de su módulo.
# - Cada criterio declara los archivos de tests y las carpetas de código que le pertenecen; el
#   criterio de tests corre el resto y mide la cobertura del código sin dueño.
# - Un criterio que falla o explota no detiene a los demás; el informe sale siempre.
#
# CONSECUENCIAS:
# (+) Una capa rota cuesta su criterio y ningún otro (los tests del curso lo prueban, rotura
#     por rotura).
# (+) Extensible: un criterio nuevo es un objeto Criterion, sin tocar el verificador (§7).
# (-) Entre 1 y 2 minutos por proyecto: la suite con cobertura y mypy son lo más lento.
# (-) Las dependencias reales existen: sin modelo registrado, la API tampoco puede servir.
#
# ALTERNATIVAS RECHAZADAS:
# - Un único pytest del proyecto: no localiza el fallo.
# - Comprobar archivos por su contenido (cadenas): pasa con un proyecto que no funciona.
# ```
#
# ```text
# ADR-17-02: Informe en JSON para herramientas y en HTML autónomo para personas
#
# CONTEXTO:
# El informe lo leen el estudiante, el instructor (40 a la vez) y la CI. Un HTML con scripts o
# fuentes externas no abre sin red y puede ejecutar lo que un proyecto malicioso escriba en un
# motivo.
#
# DECISIÓN:
# - informe.json con cada criterio (id, módulo, puntos, motivo, evidencia, dónde se enseña).
# - informe.html de una sola página, sin scripts ni recursos externos, todo escapado (jinja2
#   con autoescape).
#
# CONSECUENCIAS:
# (+) El JSON se agrega (Ejercicio 4) y se guarda junto a las notas.
# (+) El HTML se abre en cualquier navegador sin red y es seguro de mostrar.
# (-) Sin filtros ni gráficos interactivos en el HTML.
#
# ALTERNATIVAS RECHAZADAS:
# - Solo texto en la terminal: no se comparte ni se agrega.
# - Un tablero web: otro servicio que operar para un informe de una página.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 50 min.*

# %% [markdown]
# ## 12. Respuesta escrita (calificada a mano) · El pitch de 3 minutos
#
# Escribe el guion de tu pitch, **de 12 a 20 líneas**, con esta estructura: 1) el problema de
# negocio en una frase; 2) la solución en una frase; 3) el impacto en euros con la cifra del
# Ejercicio 1 y sus supuestos; 4) la arquitectura en tres pasos (datos → modelo → servicio) con
# una herramienta por paso; 5) **dos** trade-offs que decidiste, cada uno con lo que perdiste;
# 6) qué harías con un mes más. Es el texto que dices en el video de §9.

# %% [markdown] nbgrader={"grade": true, "grade_id": "pitch", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# El banco pierde cada año a uno de cada cinco clientes y solo se entera cuando ya se fueron.
# Construí un servicio que, cada mes, marca a quién ofrecer la campaña de retención antes de
# que se vaya. Sobre una cartera de 50 000 clientes, el costo esperado de los errores baja de
# unos 380 000 € sin modelo a unos 170 000 € con el modelo (supuestos de `params.yaml`: 36 € por
# cliente perdido, 6 € por oferta innecesaria), y elegir el umbral por costo y no en 0,5 aporta
# unos 88 000 € de esos. La arquitectura: los datos versionados con DVC y validados con un
# contrato pandera; el modelo de scikit-learn entrenado en un pipeline reproducible y registrado
# en MLflow con alias; el servicio FastAPI en un contenedor sin root, con manifiestos de
# Kubernetes validados y alertas en Prometheus. Dos decisiones: desplegar en Fargate y no en
# Lambda, porque el cold start medido rompía el SLO de p99, a cambio de pagar tareas encendidas;
# y una regresión logística y no gradient boosting, porque explica cada decisión a negocio, a
# cambio de unos puntos de AUC. Con un mes más: reentrenamiento disparado por el monitor de
# drift con una puerta de regresión, y un experimento A/B de la campaña para medir la retención
# real y no la esperada.
#
# **Rúbrica (instructor), 6 puntos:**
#
# - **1 punto · Problema y solución** en una frase cada uno, en lenguaje de negocio.
# - **2 puntos · Impacto en euros** con la cifra del Ejercicio 1 de **su** proyecto y sus
#   supuestos dichos. 1 si la cifra no tiene supuestos; 0 si no hay cifra.
# - **1 punto · Arquitectura** en tres pasos con una herramienta por paso.
# - **1 punto · Dos trade-offs** con lo que se pierde en cada uno. 0.5 si solo uno.
# - **1 punto · Siguiente paso** concreto y conectado con una limitación real.
# - Longitud: fuera de 12–20 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 13. El entregable: README, informe y commit
#
# Esta celda escribe el README de portfolio con **tu** `render_readme` (si resolviste el
# Ejercicio 2), el informe del verificador junto al proyecto, y hace el commit de la capa 17:
# `scripts/demo.py`, el README, un `Makefile` con las órdenes del proyecto (`make test`,
# `make demo`, `make serve`; `make` sin objetivo las lista) y la configuración de pre-commit con
# los hooks locales del módulo 04. El informe juzga el proyecto de antes de ese commit: el
# recurso 22 (Checklist) lo marcará como desactualizado, con razón. Para el entregable, ejecuta
# al final el verificador completo desde una terminal, sobre el proyecto ya commiteado:
# `python -m mlops_course.lessons.m17_capstone` (deja el informe en `informe-proyecto/`).

# %%
from mlops_course.lessons.m05_dataops.project import commit_all

try:
    _readme = render_readme(project_facts(PROJECT))
except NotImplementedError:
    print("Resuelve el Ejercicio 2: el README de portfolio se genera con tu render_readme.")
else:
    (PROJECT / "README.md").write_text(_readme, encoding="utf-8")
    print(f"README.md generado: {len(_readme.splitlines())} líneas.")
final = Report(str(PROJECT), fast_report.checked_at, tuple(outcomes), commit=fast_report.commit)
json_path, html_path = write_report(final, REPORT_DIR)
print(f"Informe: {html_path} · {final.points}/{final.max_points} puntos")
print("commit:", commit_all(PROJECT, PROJECT_ENV, "README de portfolio y demo", module="17"))

# %% [markdown]
# ### El caso de estudio de una página
#
# El README cuenta cómo se usa el proyecto; el caso de estudio cuenta **qué resolviste** para
# quien decide si te entrevista, en una página que se lee en dos minutos. Lo que sale de datos
# se genera (las cifras del modelo, la nota de la rúbrica, las capas, los ADRs, las capturas de
# §9.1); lo que es criterio lo escribes tú: el reto con una cifra, la decisión más difícil con lo
# que se perdió, y lo que harías distinto. `STORY` trae el ejemplo del curso: mientras no lo
# cambies, la página sale marcada como **borrador**. Cada parte necesita un párrafo (12 palabras
# o más); una vacía da un error que dice cuál.

# %%
from mlops_course.lessons.m17_capstone.case_study import EXAMPLE_STORY, Story, case_study

STORY = Story(  # reemplaza cada texto por el tuyo
    challenge=EXAMPLE_STORY.challenge,
    hardest_decision=EXAMPLE_STORY.hardest_decision,
    next_time=EXAMPLE_STORY.next_time,
)
_page = case_study(project_facts(PROJECT), final, STORY, dashboard=dashboard_png, api=api_png)
case_path = PORTFOLIO / "caso-de-estudio.html"
case_path.write_text(_page, encoding="utf-8")
print(f"Caso de estudio: {case_path} ({len(_page) // 1024} KB, una página, imágenes incluidas)")
if STORY == EXAMPLE_STORY:
    print("Es un borrador: escribe tu relato en STORY y vuelve a ejecutar esta celda.")

# %% [markdown]
# ### La entrega del proyecto: el verificador pone 20 puntos
#
# Del proyecto integrador se califica **el proyecto**, no solo este notebook. Pero cuando el
# instructor califica, el notebook vuelve a ejecutarse en un sandbox que no ve tu workspace: ahí
# `ensure_project` encuentra el proyecto de referencia, que pasa todos los criterios. Si la nota
# saliera de esa ejecución, todos sacarían 20. Por eso el proyecto viaja aparte, como archivo.
#
# La celda siguiente escribe `churn-project.tar.gz` junto a este notebook: el proyecto con su
# historia de git, su remoto DVC y su registro MLflow, más un manifiesto con la carpeta de tu
# workspace. El registro guarda rutas absolutas de artefactos, y el instructor las mueve a
# donde lo desempaqueta. Quedan fuera lo que el verificador vuelve a construir (el sitio de
# MkDocs, los cachés, `informe-proyecto/`) y los enlaces simbólicos. El límite es de 90 MB: el
# intercambio de nbgrader descarta sin avisar un archivo de más de 100 MB.
#
# 1. Empaqueta **al final**, después del último commit: se califica lo que hay en el archivo.
# 2. Antes, corre el verificador completo en una terminal (`python -m
#    mlops_course.lessons.m17_capstone`): es el mismo que va a correr el instructor, con los
#    13 criterios.
# 3. Entrega el archivo con el notebook. En JupyterHub, `nbgrader submit` (o el botón
#    *Submit*) se lleva la carpeta entera; en un LMS, súbelo con tu id delante, como el
#    notebook: `<tu_id>_churn-project.tar.gz`.
#
# Al calificar, el instructor desempaqueta cada archivo con reglas de seguridad (nada fuera de
# las tres carpetas, ningún enlace, un tope de tamaño). Después corre el verificador sobre él en
# un sandbox, con una copia privada y sin red ni acceso a sus archivos. Los puntos quedan en la
# celda de abajo, con el motivo de cada criterio que falla y el módulo que lo enseña. Un archivo
# que falta o no se puede leer vale 0, con el motivo.

# %% [markdown] nbgrader={"grade": false, "grade_id": "proyecto-verificador", "locked": true, "points": 20, "schema_version": 3, "solution": false, "task": true}
# **Proyecto: criterios del verificador (20 puntos).** No escribas aquí. Al calificar, el
# verificador corre sobre el `churn-project.tar.gz` que entregaste y pone en esta celda los
# puntos de sus 13 criterios (de `pipeline-dvc` a `demo`) y el motivo de cada uno que falla.

# %%
import os

from mlops_course.lessons.m17_capstone.delivery import pack_project

if os.environ.get("NBGRADER_EXECUTION"):
    print("Calificación en curso: se califica el archivo que entregaste; no se vuelve a crear.")
else:
    delivery = pack_project(PROJECT, Path.cwd())
    print(
        f"{delivery.archive}: {delivery.size_bytes / 1024 / 1024:.1f} MB, "
        f"{delivery.files} archivos, commit {delivery.commit or '(sin commits)'}."
    )
    if delivery.skipped_links:
        print("Enlaces simbólicos que no viajan:", ", ".join(delivery.skipped_links[:5]))
    print("Entrégalo junto con este notebook.")

# %% [markdown]
# ## 14. Cierre
#
# ### Resumen
#
# - «Terminado» es una **rúbrica que se ejecuta**: un criterio por capa, con la herramienta
#   real de su módulo, y un informe que dice qué falla, por qué y dónde se enseña.
# - Cada criterio es **dueño** de sus tests y de su código: una capa rota cuesta un criterio.
# - El impacto se cuenta en **euros**, con los supuestos dichos.
# - Lo que sale de datos se **genera** (el README); lo que es opinión se escribe.
# - Lo público es lo que **git versiona**: se escanea eso, con una lista revisada de falsos
#   positivos, sin mostrar nunca el valor.
# - Los informes en JSON se **agregan**: el criterio que más falla dice qué reforzar.
# - La demo es un **guion ejecutable** que se graba, no un video que se rehace.
#
# ### Checklist del entregable («Video demo + portfolio»)
#
# - [ ] Los tests visibles de los cinco ejercicios pasan.
# - [ ] `workspace/informe-proyecto/informe.html` con todos los criterios cumplidos
#   (`SLOW_CRITERIA = True`).
# - [ ] `churn-project/README.md` generado con tus cifras y en un commit.
# - [ ] `python scripts/demo.py` termina con código 0; grabaste el video (o el `demo.cast`).
# - [ ] Tu pitch tiene una cifra en euros con sus supuestos y dos trade-offs.
# - [ ] `workspace/portfolio/`: `dashboard.png` y `api.png` de §9.1, y `caso-de-estudio.html`
#   con **tu** relato (sin la marca de borrador).
#
# ### Autoevaluación
#
# 1. ¿Por qué el criterio de tests no corre `tests/test_api.py`?
# 2. Un secreto en un `.env` ignorado: ¿se publica? ¿Y en uno añadido con `git add` pero sin
#    commit?
# 3. ¿Qué dice de un curso (o de un equipo) que el criterio que más falla sea `pipeline-dvc`?
# 4. ¿Por qué el informe HTML escapa los motivos?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Pertenece al criterio de la API: así una API rota cuesta un criterio, no dos. 2. No; sí:
# lo que está en el índice entra en el próximo commit. 3. Que se cambia código o parámetros sin
# `dvc repro`: falta el paso en la CI o en la costumbre. 4. Un motivo puede contener texto del
# proyecto (un nombre, un mensaje): sin escapar, un proyecto podría inyectar HTML.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [rúbrica](../18_glosario/18_glosario.ipynb#rubrica) ·
# [criterio](../18_glosario/18_glosario.ipynb#criterio) ·
# [definición de terminado](../18_glosario/18_glosario.ipynb#definicion-terminado) ·
# [portfolio](../18_glosario/18_glosario.ipynb#portfolio) ·
# [pitch](../18_glosario/18_glosario.ipynb#pitch) ·
# [impacto](../18_glosario/18_glosario.ipynb#impacto) ·
# [baseline de secretos](../18_glosario/18_glosario.ipynb#baseline-secretos) ·
# [análisis de ítems](../18_glosario/18_glosario.ipynb#analisis-items) ·
# [demo reproducible](../18_glosario/18_glosario.ipynb#demo-reproducible) ·
# [caso de estudio](../18_glosario/18_glosario.ipynb#caso-estudio) ·
# [dashboard como código](../18_glosario/18_glosario.ipynb#dashboard-como-codigo) ·
# [asciinema](../18_glosario/18_glosario.ipynb#asciinema).
#
# ### Para saber más
#
# - Breck et al. (2017), «The ML Test Score: A Rubric for ML Production Readiness and Technical
#   Debt Reduction», IEEE Big Data.
# - Chip Huyen (2022), *Designing Machine Learning Systems*, O'Reilly: capítulos 1 y 11.
# - detect-secrets (Yelp): documentación de *baseline* y `audit`.
# - asciinema: documentación de `rec` y del formato asciicast v2.
#
# **Siguiente:** los recursos 18–23 (glosario, ADRs, plan de estudios, plantillas, checklist y
# bibliografía).
