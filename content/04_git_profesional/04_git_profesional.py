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
# # Módulo 04 · Git profesional
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 2 · Gestión del caos (semanas 4–6) |
# | **Tiempo estimado** | ≈ 4 h 20 min: lectura y demos 85 min, ejercicios 145 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 03 (entornos). Git básico: `add`, `commit`, `log`, `branch`, `checkout`. Expresiones regulares sencillas. |
# | **Entregable** | `workspace/04_git_profesional/.pre-commit-config.yaml` y el repositorio de demostración `workspace/04_git_profesional/demo_repo/`, con los hooks instalados |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Encontrar** con `git bisect run` el commit que rompió una métrica en un historial real,
#    con un script que distingue bueno (0), malo (1) y no probable (125) (Ejercicio 1, autocalificado).
# 2. **Derivar** la siguiente versión semántica de un historial de Conventional Commits, y
#    **explicar** por qué un `feat!` rompe la versión mayor (Ejercicio 2).
# 3. **Instalar** un hook `commit-msg` en un repositorio real que rechace mensajes no convencionales,
#    y **explicar** por qué un hook local no basta sin CI (Ejercicio 3 y §5).
# 4. **Configurar** pre-commit con hooks locales que funcionan sin red y que detienen datos,
#    `breakpoint()`, errores de sintaxis y de estilo (ruff) y secretos (detect-secrets) antes de que
#    lleguen al historial (Ejercicio 4 y entregable).
# 5. **Elegir y justificar** una estrategia de ramas (GitFlow, GitHub Flow, trunk-based) para un
#    equipo concreto, en formato ADR (ayuda de decisión y respuesta escrita, calificada a mano).
#
# > **Mentalidad Senior (Fase 2):** Si no puedo reproducir tu resultado en MI máquina, tu trabajo no
# > existe.

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en el módulo 00: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` son tuyas; las celdas de test visibles justo debajo te dicen, en
# español, qué corregir; al calificar se añaden tests ocultos.
#
# **Todo lo que ves aquí es git de verdad.** Cada demo crea repositorios reales dentro de tu carpeta
# de trabajo (`workspace/04_git_profesional/`) y ejecuta `git` y `pre-commit` de verdad, sin red.
# Para no tocar **tu** configuración de git (tu `~/.gitconfig`, tus alias, tu firma de commits),
# todas las llamadas usan un entorno aislado: `isolated_env(home)` apunta `HOME`, la configuración
# global de git y la caché de pre-commit a una carpeta del workspace, y fija una identidad de autor
# de prueba. Es el mismo truco que usarás en CI para que un job no dependa de la máquina.
#
# La primera celda de código son los **parámetros** (la integración continua los sustituye por
# valores pequeños).

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 2_000  # filas del conjunto sintético de clientes que «versionamos mal» en la §1
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import math
import os
import re
import shutil
import sys
import time
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display
from packaging.version import Version

from mlops_course.lessons.common import git, isolated_env, make_churn
from mlops_course.lessons.m04_vcs import (
    COMMIT_TYPES,
    HEADER_RE,
    commit_files,
    commit_messages,
    commitizen_next_version,
    failed_hook_ids,
    hook_statuses,
    init_repo,
    latest_tag,
    make_bisect_history,
    object_store_kib,
    parse_commit,
    run_pre_commit,
    scratch_repo,
    stage_project,
    write_commitizen_config,
)
from mlops_course.machinery.decision_aids import show_aid
from mlops_course.machinery.workspace import module_workspace

SLUG = "04_git_profesional"
WORKSPACE = module_workspace(SLUG)  # tu carpeta de trabajo (se crea si no existe)
# Entorno aislado para git y pre-commit: HOME, ~/.gitconfig y la caché viven en el workspace.
ENV = isolated_env(WORKSPACE / ".git_home")
WORKSPACE

# %% [markdown]
# ## 1. El problema: un historial que no cuenta nada
#
# Empecemos por el fallo. Este es el repositorio de un equipo que entrena el modelo de *churn* del
# banco (el ejemplo del curso). Nadie ha acordado cómo escribir commits ni qué se versiona, así que
# pasa lo habitual: mensajes como «cambios» o «wip», el CSV de entrenamiento dentro de git (una copia
# nueva con cada reentreno) y un `breakpoint()` olvidado. Lo creamos de verdad:

# %%
# Un repositorio «del caos», re-creado desde cero en cada ejecución.
CHAOS_REPO = init_repo(WORKSPACE / "repo_caos", ENV)
model_v1 = "def predict(row):\n    return row['balance_eur'] > 100_000\n"
model_v2 = "def predict(row):\n    breakpoint()\n    return row['is_active_member'] is False\n"
chaotic_history = [
    ("primer commit", {"src/model.py": model_v1, "data/churn.csv": make_churn(N_CUSTOMERS, SEED)}),
    ("cambios", {"data/churn.csv": make_churn(N_CUSTOMERS, SEED + 1)}),
    ("fix", {"src/model.py": model_v2}),
    ("wip", {"notas.txt": "probar con 3 productos\n"}),
    ("ahora sí funciona", {"data/churn.csv": make_churn(N_CUSTOMERS, SEED + 2)}),
]
for message, files in chaotic_history:
    texts = {
        path: content.to_csv(index=False) if isinstance(content, pd.DataFrame) else content
        for path, content in files.items()
    }
    commit_files(CHAOS_REPO, ENV, texts, message)
print(git("log", "--oneline", cwd=CHAOS_REPO, env=ENV).stdout)

# %% [markdown]
# Intenta contestar, solo con ese historial, las preguntas que te hará alguien mañana:
#
# - ¿Qué commit cambió el comportamiento del modelo? ¿Alguno **rompe** a quien llama a `predict`?
# - Si la última release publicada fue la `1.4.2`, ¿la siguiente es `1.4.3`, `1.5.0` o `2.0.0`?
# - ¿Qué hay en la nota de versión (*changelog*) para el equipo de marketing?
#
# No se puede: la información existe solo en la cabeza de quien hizo los commits. Y hay un segundo
# problema, más caro, que no se ve en el log: **git guarda para siempre cada versión de cada
# archivo**. Cada reentreno con un CSV nuevo añade una copia completa al historial, y borrarlo
# después no lo saca de ahí. Midámoslo:

# %%
csv_kib = len(make_churn(N_CUSTOMERS, SEED).to_csv(index=False).encode()) / 1024
store_before = object_store_kib(CHAOS_REPO, ENV)
# «Arreglamos» el problema borrando el CSV... en un commit nuevo.
git("rm", "-q", "data/churn.csv", cwd=CHAOS_REPO, env=ENV)
git("commit", "-q", "-m", "borro los datos", cwd=CHAOS_REPO, env=ENV)
store_after = object_store_kib(CHAOS_REPO, ENV)
pd.Series(
    {
        "filas del CSV": N_CUSTOMERS,
        "tamaño de un CSV (KiB)": round(csv_kib, 1),
        "objetos de git con 3 versiones del CSV (KiB)": store_before,
        "objetos de git tras «borrarlo» (KiB)": store_after,
    }
)

# %% [markdown]
# El almacén de objetos **no baja** al borrar el archivo: las tres versiones siguen en el historial
# y cada `git clone` (el tuyo, el de cada compañero, el de cada job de CI) las descarga. Sacarlas de
# verdad exige reescribir el historial (`git filter-repo`) y que todo el equipo vuelva a clonar.
#
# **Visión de negocio.** Escalemos la medida con supuestos explícitos (cámbialos por los tuyos). La
# proporción «KiB en git por fila» es la que acabas de medir; el resto son supuestos:

# %%
# Supuestos (ilustrativos): tabla real de 1 millón de clientes, reentreno mensual durante 2 años,
# 40 clones al día entre CI y desarrolladores, 22 días laborables al mes.
REAL_ROWS = 1_000_000
RETRAINS = 24
CLONES_PER_DAY = 40
versions_in_history = len([m for m, f in chaotic_history if "data/churn.csv" in f])
kib_per_row_version = store_before / (versions_in_history * N_CUSTOMERS)
history_gib = kib_per_row_version * REAL_ROWS * RETRAINS / 1024**2
monthly_transfer_gib = history_gib * CLONES_PER_DAY * 22
pd.Series(
    {
        "KiB en git por fila y versión (medido)": round(kib_per_row_version, 3),
        "historial tras 24 reentrenos (GiB)": round(history_gib, 1),
        "descargas al mes por clones (GiB)": round(monthly_transfer_gib),
    }
)

# %% [markdown]
# Con esos supuestos, cada clon arrastra todo ese historial de CSV antiguos que nadie volverá a
# mirar, y cada job de CI paga la descarga en tiempo y en tráfico. Los datos van en DVC (módulo 05); lo que nos toca aquí es
# **impedir que entren**, y que el historial que sí entra cuente algo. Las cuatro piezas del módulo:
#
# ```mermaid
# flowchart LR
#     M["Mensaje con estructura<br/>(Conventional Commits)"] --> V["Versión derivada del historial<br/>(SemVer)"]
#     H["Hooks de git<br/>(commit-msg, pre-commit)"] --> M
#     P["pre-commit: hooks versionados<br/>y compartidos"] --> H
#     V --> R["Release, changelog y tag"]
#     B["Estrategia de ramas"] --> R
# ```
#
# Limpiamos el repositorio del caos: ya ha cumplido su función.

# %%
shutil.rmtree(CHAOS_REPO)
CHAOS_REPO.exists()

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 25 min.*
#
# ## 2. `git bisect`: el commit que rompió una métrica, en cinco pasos
#
# Un historial sirve para algo más que para leerlo: es una **máquina del tiempo que se puede
# consultar automáticamente**. El caso típico en ML: el informe de este mes dice que la tasa de
# bajas de los clientes con saldo alto pasó del 17 % al 20 %. ¿Cambiaron los clientes o cambió el
# código? Si la métrica, calculada con los **mismos datos de referencia**, ya no da lo mismo que en
# la release `v1.0.0`, algún commit la rompió sin que fallara nada (nadie escribió un test para
# ella). Con 30 commits desde entonces, revisarlos uno a uno son 30 pruebas;
# [`git bisect`](https://git-scm.com/docs/git-bisect) hace una **búsqueda binaria** sobre el
# historial: marca un commit bueno y uno malo, prueba el del medio y descarta la mitad en cada paso.
# Con 30 commits, ⌈log₂ 30⌉ = 5 pruebas.
#
# Y no hace falta probar a mano: `git bisect run <comando>` hace *checkout* de cada commit elegido,
# ejecuta el comando **en la carpeta del repositorio** y lee su código de salida:
#
# | código | significa | git… |
# |---|---|---|
# | `0` | este commit es **bueno** | busca en la mitad posterior |
# | `1`–`127` (salvo 125) | este commit es **malo** | busca en la mitad anterior |
# | `125` | **no se puede probar** (no carga, no compila) | lo salta y prueba uno vecino |
# | `128` o más | algo grave: | aborta la búsqueda |
#
# Al terminar escribe `<sha> is the first bad commit`, y `git bisect reset` devuelve el repositorio a
# la rama donde estabas. Creamos el repositorio del equipo: un archivo de métricas
# (`src/churn_metrics.py`) y 30 commits pequeños; uno de ellos cambia la métrica en silencio y dos
# dejan el archivo sin poder cargarse (un error de sintaxis, un import de un paquete que aún no
# existe), arreglados en el commit siguiente.

# %%
METRIC_REPO = init_repo(WORKSPACE / "repo_metricas", ENV)
HISTORY = make_bisect_history(METRIC_REPO, ENV, n_customers=N_CUSTOMERS, seed=SEED)
log_lines = git("log", "--oneline", cwd=METRIC_REPO, env=ENV).stdout.splitlines()
print(f"{len(log_lines)} commits; los 6 últimos y el primero:")
print("\n".join([*log_lines[:6], "…", log_lines[-1]]))
print(f"\nMétrica en {HISTORY.good}: {HISTORY.expected:.4f}")

# %% [markdown]
# ### Ejercicio 1 (funcional) · Encontrar con `git bisect run` el commit que rompió la métrica
#
# En este nivel lo que cuenta es que funcione: el script y la función devuelven el commit correcto
# en un repositorio real. Escribe dos funciones en la misma celda.
#
# **`write_bisect_check(path, expected)`** escribe el script de comprobación que ejecutará
# `git bisect run`:
#
# 1. Escribe un script de Python en `path` (crea las carpetas que falten) y devuelve `path`. Solo usa
#    la biblioteca estándar: git lo ejecuta con `python <path>` fuera de este cuaderno.
# 2. Ejecutado en la carpeta del repositorio (el directorio actual), carga el
#    `src/churn_metrics.py` **del commit en el que está git** y calcula
#    `high_balance_churn_rate("data/reference.csv")`. Termina con código `0` si el resultado es
#    `expected` (con `math.isclose(..., abs_tol=1e-9)`) y con código `1` si es otro valor **o si el
#    cálculo lanza una excepción** (una métrica que revienta también está rota).
# 3. Si el archivo **no se puede cargar** (error de sintaxis, un `import` que falla, el archivo no
#    existe), termina con código `125`: ese commit no se puede probar y git debe saltarlo. Nunca `1`
#    (culparía a un commit inocente) ni un código ≥ 128 (abortaría la búsqueda).
# 4. `expected` debe ser un número finito; `nan` o `inf` → `ValueError` (con `nan` ningún commit
#    sería «bueno» y la búsqueda culparía al primero).
#
# **`find_first_bad(repo, env, good, bad, command)`** ejecuta la búsqueda:
#
# 5. Arranca con `git bisect start <bad> <good>` (primero el malo) y ejecuta
#    `git bisect run *command`; devuelve el sha **completo** (40 caracteres) del commit que git
#    declara «`is the first bad commit`», no el último que probó.
# 6. Termina **siempre** con `git bisect reset` (en un `finally`), también si algo falla: el
#    repositorio vuelve a su rama y no queda ninguna búsqueda abierta.
# 7. Si `good` o `bad` no son commits del repositorio → `ValueError` que los cite, **antes** de
#    arrancar la búsqueda.
# 8. Si git no puede señalar un único commit (p. ej. «*There are only 'skip'ped commits left to
#    test*»), o `git bisect run` termina con error → `RuntimeError` en español con la salida de git.
#
# Usa `git(...)` (de `mlops_course.lessons.common`) con `cwd=repo, env=env` y `check=False` cuando
# quieras leer el código de salida en vez de recibir una excepción. Los tests comparan tu resultado
# con un recorrido **a fuerza bruta** (probar los 30 commits uno a uno) sobre historiales distintos.
#
# Pistas: `runpy.run_path("src/churn_metrics.py")` ejecuta el archivo del commit actual y devuelve
# sus funciones en un diccionario (sin la caché de `__pycache__`, que podría ser de otro commit);
# envuélvelo en `try/except Exception` y `sys.exit(125)`. El valor esperado puede ir escrito en el
# script con `repr(float(expected))`.
#
# Resultado esperado:
#
# ```text
# script = write_bisect_check(WORKSPACE / "check_metric.py", HISTORY.expected)
# find_first_bad(METRIC_REPO, ENV, "v1.0.0", "main", [sys.executable, str(script)])
#   → 'e3b0c442…' (40 caracteres: el commit «refactor(metrics): expresa el umbral en miles…»)
# find_first_bad(METRIC_REPO, ENV, "v9.9.9", "main", [...])   → ValueError: … 'v9.9.9' …
# ```


# %% nbgrader={"grade": false, "grade_id": "bisect", "locked": false, "schema_version": 3, "solution": true, "task": false}
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    ### BEGIN SOLUTION
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path
    ### END SOLUTION


def find_first_bad(repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    ### BEGIN SOLUTION
    for rev in (good, bad):
        probe = git(
            "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False
        )
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(
            "git bisect no pudo señalar un único commit culpable:\n"
            f"{run.stdout[-2000:]}{run.stderr[-1000:]}"
        )
    return found[1]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-bisect-check", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4]: el script da 0 en el commit bueno, 1 en el malo y 125 en el que no
# carga, ejecutado de verdad en cada commit.
import subprocess
import sys

from mlops_course.lessons.common import git
from mlops_course.lessons.m04_vcs import make_bisect_history, scratch_repo


def check_exit_code(repo, env, script, rev):
    """Hace checkout de `rev` y ejecuta el script como lo haría git bisect run; devuelve el código."""
    git("checkout", "-q", "--detach", rev, cwd=repo, env=env)
    return subprocess.run([sys.executable, str(script)], cwd=repo, capture_output=True).returncode


with scratch_repo("04_git_profesional") as (repo, env):
    story = make_bisect_history(repo, env, commits=12, first_bad=8, untestable=(3, 4))
    script = write_bisect_check(repo.parent / "checks" / "check_metric.py", story.expected)
    assert script == repo.parent / "checks" / "check_metric.py" and script.is_file(), (
        f"write_bisect_check debe escribir el script en la ruta recibida y devolverla; devolvió {script!r}."
    )
    codes = {
        "bueno (v1.0.0)": check_exit_code(repo, env, script, story.good),
        "malo (el último)": check_exit_code(repo, env, script, story.bad),
        "import roto": check_exit_code(repo, env, script, story.untestable[0]),
        "sintaxis rota": check_exit_code(repo, env, script, story.untestable[1]),
    }
assert codes == {
    "bueno (v1.0.0)": 0,
    "malo (el último)": 1,
    "import roto": 125,
    "sintaxis rota": 125,
}, (
    f"Códigos de salida del script por commit: {codes}. Deben ser 0 en el bueno, 1 en el malo y 125 "
    "en los que no cargan (un import o una sintaxis rotos se saltan, no se culpan)."
)
### BEGIN HIDDEN TESTS
import math

with scratch_repo("04_git_profesional") as (hidden_repo, hidden_env):
    (hidden_repo / "data").mkdir()
    (hidden_repo / "data" / "reference.csv").write_text(
        "balance_eur,churned\n1,0\n", encoding="utf-8"
    )
    hidden_script = write_bisect_check(hidden_repo.parent / "a" / "b" / "check.py", 0.5)
    metric_path = hidden_repo / "src" / "churn_metrics.py"
    hidden_codes = {}
    for label, source in (
        ("bueno", "def high_balance_churn_rate(path):\n    return 0.5\n"),
        ("casi igual", "def high_balance_churn_rate(path):\n    return 0.5 + 1e-12\n"),
        ("otro valor", "def high_balance_churn_rate(path):\n    return 0.51\n"),
        ("métrica que lanza", "def high_balance_churn_rate(path):\n    return 1 / 0\n"),
        ("sin la función", "VERSION = 2\n"),
        ("sintaxis rota", "def high_balance_churn_rate(path:\n"),
    ):
        metric_path.parent.mkdir(exist_ok=True)
        metric_path.write_text(source, encoding="utf-8")
        hidden_codes[label] = subprocess.run(
            [sys.executable, str(hidden_script)], cwd=hidden_repo, capture_output=True
        ).returncode
    metric_path.unlink()
    hidden_codes["archivo ausente"] = subprocess.run(
        [sys.executable, str(hidden_script)], cwd=hidden_repo, capture_output=True
    ).returncode
    for bad_expected in (math.nan, math.inf):
        try:
            write_bisect_check(hidden_repo.parent / "no_se_escribe.py", bad_expected)
        except ValueError:
            pass
        else:
            raise AssertionError(
                f"write_bisect_check(…, {bad_expected!r}) debía lanzar ValueError."
            )
    assert not (hidden_repo.parent / "no_se_escribe.py").exists(), (
        "Con un expected no válido no escribas el script."
    )
expected_codes = {
    "bueno": 0,
    "casi igual": 0,
    "otro valor": 1,
    "métrica que lanza": 1,
    "sin la función": 1,
    "sintaxis rota": 125,
    "archivo ausente": 125,
}
assert hidden_codes == expected_codes, (
    f"Códigos de salida: {hidden_codes}; se esperaba {expected_codes}. Lo que no carga → 125; lo que "
    "carga pero falla o da otro valor → 1; el mismo valor (con tolerancia 1e-9) → 0."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-bisect-run", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5, R6]: git bisect run encuentra el mismo commit que un recorrido a fuerza bruta, y el
# repositorio vuelve a su rama sin búsqueda abierta.
import sys

from mlops_course.lessons.common import git
from mlops_course.lessons.m04_vcs import (
    bisect_in_progress,
    brute_force_first_bad,
    make_bisect_history,
    scratch_repo,
)


def bisect_and_compare(**history_options):
    """Crea un historial, ejecuta find_first_bad y la fuerza bruta; devuelve (tuyo, esperado, estado)."""
    with scratch_repo("04_git_profesional") as (repo, env):
        story = make_bisect_history(repo, env, **history_options)
        script = write_bisect_check(repo.parent / "check_metric.py", story.expected)
        command = [sys.executable, str(script)]
        found = find_first_bad(repo, env, story.good, "main", command)
        brute = brute_force_first_bad(repo, env, story.good, "main", command)
        branch = git("branch", "--show-current", cwd=repo, env=env).stdout.strip()
        state = {"rama": branch, "bisect abierto": bisect_in_progress(repo)}
    return found, brute, state


found, brute, state = bisect_and_compare(commits=20, first_bad=13, untestable=(5, 16))
assert found == brute, (
    f"find_first_bad devolvió {found!r} y el recorrido a fuerza bruta encuentra {brute!r}: devuelve el "
    "sha que git imprime como '<sha> is the first bad commit' (no HEAD, el último que probó)."
)
assert state == {"rama": "main", "bisect abierto": False}, (
    f"Tras la búsqueda el repositorio debe volver a 'main' sin bisect abierto; está así: {state}. "
    "¿Llamas a 'git bisect reset' en un finally?"
)
### BEGIN HIDDEN TESTS
for options in (
    {"commits": 12, "first_bad": 2, "untestable": (5, 9)},
    {"commits": 9, "first_bad": 9, "untestable": (3, 4, 7)},
    {"commits": 1, "first_bad": 1, "untestable": ()},
):
    hidden_found, hidden_brute, hidden_state = bisect_and_compare(**options)
    assert hidden_found == hidden_brute and len(hidden_found) == 40, (
        f"Con el historial {options}: find_first_bad → {hidden_found!r}, fuerza bruta → {hidden_brute!r}."
    )
    assert hidden_state == {"rama": "main", "bisect abierto": False}, (options, hidden_state)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-bisect-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6, R7, R8]: referencias que no existen → ValueError sin arrancar; una búsqueda que no
# puede decidir → RuntimeError, y el repositorio queda limpio en ambos casos.
import sys

from mlops_course.lessons.common import git
from mlops_course.lessons.m04_vcs import bisect_in_progress, make_bisect_history, scratch_repo


def expect_bisect_error(repo, env, good, bad, command, expected):
    """Llama a find_first_bad y comprueba que lanza `expected`; devuelve el texto del error."""
    try:
        find_first_bad(repo, env, good, bad, command)
    except Exception as err:
        assert isinstance(err, expected), (
            f"find_first_bad(…, {good!r}, {bad!r}, …) lanzó {type(err).__name__}: {err}; debía "
            f"lanzar {expected.__name__}."
        )
        return str(err)
    raise AssertionError(
        f"find_first_bad(…, {good!r}, {bad!r}, …) debía lanzar {expected.__name__}."
    )


with scratch_repo("04_git_profesional") as (repo, env):
    story = make_bisect_history(repo, env, commits=8, first_bad=5, untestable=())
    command = [sys.executable, str(write_bisect_check(repo.parent / "check.py", story.expected))]
    missing = expect_bisect_error(repo, env, "v9.9.9", "main", command, ValueError)
    assert "v9.9.9" in missing, f"El ValueError debe citar la referencia que no existe: {missing!r}"
    assert not bisect_in_progress(repo), "Con una referencia inválida no arranques la búsqueda."
### BEGIN HIDDEN TESTS
with scratch_repo("04_git_profesional") as (hidden_repo, hidden_env):
    # El commit que rompe la métrica tampoco carga: git solo puede decir «uno de estos dos».
    hidden_story = make_bisect_history(
        hidden_repo, hidden_env, commits=12, first_bad=6, untestable=(5,)
    )
    hidden_command = [
        sys.executable,
        str(write_bisect_check(hidden_repo.parent / "check.py", hidden_story.expected)),
    ]
    missing_bad = expect_bisect_error(
        hidden_repo, hidden_env, "v1.0.0", "no-existe", hidden_command, ValueError
    )
    assert "no-existe" in missing_bad, missing_bad
    ambiguous = expect_bisect_error(
        hidden_repo, hidden_env, "v1.0.0", "main", hidden_command, RuntimeError
    )
    assert "skip" in ambiguous, (
        f"El RuntimeError debe incluir la salida de git (que habla de los commits 'skip'ped): {ambiguous!r}"
    )
    assert not bisect_in_progress(hidden_repo), (
        "Aunque la búsqueda falle, git bisect reset debe cerrarla (usa try/finally)."
    )
    branch = git("branch", "--show-current", cwd=hidden_repo, env=hidden_env).stdout.strip()
    assert branch == "main", (
        f"Tras un error el repositorio debe volver a 'main'; está en {branch!r}."
    )
### END HIDDEN TESTS

# %% [markdown]
# Con tu función, la búsqueda sobre el repositorio del equipo; y la cuenta de pruebas que ahorra:

# %%
CHECK_SCRIPT = WORKSPACE / "check_metric.py"
try:
    write_bisect_check(CHECK_SCRIPT, HISTORY.expected)
    culprit = find_first_bad(
        METRIC_REPO, ENV, HISTORY.good, "main", [sys.executable, str(CHECK_SCRIPT)]
    )
    print(git("show", "--stat", "--format=%h %s", culprit, cwd=METRIC_REPO, env=ENV).stdout)
    print(git("show", "--format=", "-U0", culprit, cwd=METRIC_REPO, env=ENV).stdout)
except NotImplementedError:
    print("pendiente: resuelve el Ejercicio 1 para ver qué commit rompió la métrica")
pd.Series(
    {
        "commits desde v1.0.0": HISTORY.commits,
        "pruebas a fuerza bruta (peor caso)": HISTORY.commits,
        "pruebas con bisect (≈ log₂)": math.ceil(math.log2(HISTORY.commits)),
    }
)

# %% [markdown]
# El culpable es un `refactor` que cambió la unidad del umbral y no el dato: nada falló, solo la
# métrica. Dos lecciones para el resto del módulo. Primera: `bisect` funciona bien cuando cada commit
# es **pequeño y hace una sola cosa**, y el mensaje lo dice; un commit «cambios» con diez archivos
# te deja con el culpable, pero sin saber cuál de las diez cosas fue. Segunda: los commits que no
# cargan cuestan pruebas extra (o hacen que git no pueda decidir); un hook que rechace la sintaxis
# rota antes del commit (§6) ahorra esos saltos.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 05 min.*
#
# ## 3. Conventional Commits: mensajes que una máquina puede leer
#
# [Conventional Commits 1.0.0](https://www.conventionalcommits.org/es/v1.0.0/) es una convención
# mínima para la **primera línea** (la cabecera) de un mensaje de commit:
#
# ```text
# tipo(ámbito)!: descripción          ← cabecera: lo único obligatorio
#                                     ← línea en blanco
# Cuerpo libre: por qué, no qué.      ← opcional
#                                     ← línea en blanco
# BREAKING CHANGE: predict() devuelve una probabilidad, no un bool   ← pie (footer), opcional
# ```
#
# - **tipo**: qué clase de cambio es. La especificación solo define dos, `feat` (funcionalidad nueva)
#   y `fix` (corrección). El resto viene de la convención de Angular, que adopta la configuración
#   `@commitlint/config-conventional`: `docs`, `style`, `refactor`, `perf`, `test`, `build`, `ci`,
#   `chore`, `revert`.
# - **ámbito** (opcional, entre paréntesis): qué parte del sistema toca, p. ej. `feat(data): …`,
#   `fix(api): …`.
# - **cambio incompatible** (*breaking change*): o bien `!` justo antes de los dos puntos
#   (`feat(api)!: …`), o bien un pie que empieza por `BREAKING CHANGE:` (o su sinónimo
#   `BREAKING-CHANGE:`), **en mayúsculas**.
# - **descripción**: tras `": "` (dos puntos y espacio), en imperativo y sin punto final.
#
# El tipo y el `!` son campos que una máquina lee sin entender la prosa: permiten calcular la
# versión, generar el changelog y filtrar el historial **sin que nadie lea los mensajes**.
#
# Lo que compra la convención, en una tabla:
#
# | Con el historial de la §1 | Con Conventional Commits |
# |---|---|
# | «¿qué rompe?» → preguntar a quien lo hizo | `git log --grep '!:' --grep 'BREAKING CHANGE'` |
# | siguiente versión → discusión en una reunión | regla mecánica: `feat` → minor, `fix` → patch, `!` → major (§4) |
# | changelog → alguien lo escribe a mano (o no) | se genera agrupando por tipo |
# | revisión de código → leer el diff para saber de qué va | la cabecera dice el tipo y el ámbito |
#
# En este curso usaremos estos once tipos, en minúscula. El analizador de mensajes viene hecho en
# el paquete del curso, `parse_commit` (`mlops_course.lessons.m04_vcs`, con sus tests): devuelve el
# tipo, el ámbito, si el cambio es incompatible y la descripción, y lanza `ValueError` citando la
# cabecera si no es convencional. Lo usarás en el Ejercicio 2, y su expresión regular (`HEADER_RE`)
# en los hooks de los Ejercicios 3 y 4. No lo reescribas: commitizen y commitlint tienen el suyo, y
# lo que importa es que **todo el equipo use la misma regla**.

# %%
print("Tipos:", ", ".join(COMMIT_TYPES))
print("Cabecera:", HEADER_RE.pattern)
examples = [
    "feat(data): añade la columna saldo_medio",
    "fix(api)!: devuelve probabilidades",
    "refactor: separa features\n\nBREAKING CHANGE: cambia el esquema",
    "feature: añade región",
    "arreglos varios",
]
rows = {}
for example in examples:
    try:
        rows[example.splitlines()[0]] = parse_commit(example)
    except ValueError as error:
        rows[example.splitlines()[0]] = {"error": str(error)}
pd.DataFrame(rows).T.fillna("")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 30 min.*
#
# ## 4. Versionado semántico derivado del historial
#
# [SemVer 2.0.0](https://semver.org/lang/es/) da a cada release un número `MAJOR.MINOR.PATCH` con
# un contrato para quien te usa:
#
# | sube… | cuando… | quien te usa… |
# |---|---|---|
# | **PATCH** (`1.4.2 → 1.4.3`) | corriges un error sin cambiar la interfaz | actualiza sin mirar |
# | **MINOR** (`1.4.2 → 1.5.0`) | añades algo compatible hacia atrás | actualiza sin romper nada |
# | **MAJOR** (`1.4.2 → 2.0.0`) | cambias la interfaz de forma incompatible | tiene que adaptar su código |
#
# Al subir un número, los de su derecha vuelven a 0. Los números no llevan ceros a la izquierda
# (`01.2.3` no es SemVer). La `v` de `v1.4.2` es costumbre de los tags de git, no parte de la versión.
#
# Con Conventional Commits la decisión es mecánica: la **mayor subida** que pida algún commit desde
# la última release. Es, simplificada, la regla por defecto de `semantic-release`; `commitizen` usa
# la misma con un matiz que verás al comparar con ella tras el ejercicio:
#
# ```mermaid
# flowchart TD
#     A["commits desde el último tag"] --> B{"¿alguno incompatible?<br/>(! o BREAKING CHANGE)"}
#     B -- sí --> MA["MAJOR + 1, MINOR = PATCH = 0"]
#     B -- no --> C{"¿algún feat?"}
#     C -- sí --> MI["MINOR + 1, PATCH = 0"]
#     C -- no --> D{"¿algún fix o perf?"}
#     D -- sí --> PA["PATCH + 1"]
#     D -- no --> N["sin release: la versión no cambia<br/>(docs, chore, ci, test…)"]
# ```
#
# **Metáfora: las ediciones de un libro.** Una reimpresión con erratas corregidas es un *patch*; una
# edición ampliada con un capítulo nuevo, que sigue sirviendo a quien estudiaba con la anterior, es
# un *minor*; un libro reescrito, en el que las páginas citadas ya no coinciden, es un *major*. El
# lector decide si actualiza mirando solo el número.
#
# **En MLOps, ¿qué se versiona así?** El **código** (tu paquete, la API del modelo). Si la API de
# predicción deja de aceptar un campo, es `MAJOR`. El **modelo entrenado** tiene su propio ciclo
# (mismo código, datos nuevos): lo versiona el registro de modelos (módulo 07), no el tag de git.
#
# ### Ejercicio 2 (seguro) · La siguiente versión a partir de los commits
#
# Escribe `next_version(current, messages)`: `current` es la versión actual (`"1.4.2"` o
# `"v1.4.2"`) y `messages`, los mensajes completos de los commits desde entonces, de lo más antiguo a
# lo más reciente. Lo que hace **seguro** este paso: una release no se publica sobre una entrada que
# no se entiende; una versión mal escrita o un mensaje no convencional paran el proceso con un error
# claro (requisitos 7 a 9) en vez de etiquetar un número inventado. Requisitos:
#
# 1. Devuelve la siguiente versión como `str` `"MAJOR.MINOR.PATCH"`, **sin `v`** aunque `current`
#    la lleve: `"v1.4.2"` se trata igual que `"1.4.2"`.
# 2. Si algún commit es incompatible (`!` o pie `BREAKING CHANGE:`), sube el MAJOR y pone MINOR y
#    PATCH a 0.
# 3. Si no, y hay algún `feat`, sube el MINOR y pone el PATCH a 0.
# 4. Si no, y hay algún `fix` **o** `perf`, sube el PATCH.
# 5. Si no (solo otros tipos: `docs`, `chore`, `refactor`…, o la lista está vacía), la versión no
#    cambia.
# 6. Se aplica **una sola** subida, la mayor que pida algún commit, sea cual sea el orden: dos `feat`
#    suben el MINOR **una** vez, no dos.
# 7. `current` tiene tres números enteros sin ceros a la izquierda (el `0` solo sí vale), con o sin
#    una `v` minúscula delante, y nada más: `"1.2"`, `"01.2.3"`, `"1.2.3-rc.1"`, `"V1.2.3"` o
#    `" 1.2.3"` → `ValueError` que cite el valor recibido.
# 8. Si `current` no es un `str`, o `messages` no es una **lista o tupla** (**incluido un `str`
#    suelto**: iterarlo daría letras) → `TypeError`.
# 9. Cada mensaje se analiza con `parse_commit` (del paquete del curso, §3); si alguno no es
#    convencional, su `ValueError` sube tal cual: no se publica una release sobre un historial que
#    no se entiende.
#
# Resultado esperado:
#
# ```text
# next_version("1.4.2", ["fix: corrige nulos", "docs: readme"])          → "1.4.3"
# next_version("v1.4.2", ["fix: a", "feat(data): b", "feat: c"])         → "1.5.0"
# next_version("1.4.2", ["chore: x", "feat(api)!: predict devuelve prob"]) → "2.0.0"
# next_version("1.4.2", ["docs: x"])                                     → "1.4.2"
# next_version("1.4.2", "feat: x")                                       → TypeError
# ```


# %% nbgrader={"grade": false, "grade_id": "version", "locked": false, "schema_version": 3, "solution": true, "task": false}
def next_version(current: str, messages: list[str]) -> str:
    """Siguiente versión SemVer ("MAJOR.MINOR.PATCH") tras los commits de `messages`."""
    ### BEGIN SOLUTION
    if not isinstance(current, str):
        raise TypeError(f"current debe ser un str como '1.4.2', no {type(current).__name__}.")
    if isinstance(messages, str) or not isinstance(messages, (list, tuple)):
        raise TypeError(
            f"messages debe ser una lista o tupla de mensajes, no {type(messages).__name__}."
        )
    semver = re.fullmatch(r"v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", current)
    if semver is None:
        raise ValueError(f"Versión no válida {current!r}: usa MAJOR.MINOR.PATCH, p. ej. '1.4.2'.")
    major, minor, patch = (int(number) for number in semver.groups())
    commits = [parse_commit(message) for message in messages]
    if any(commit["breaking"] for commit in commits):
        return f"{major + 1}.0.0"
    if any(commit["type"] == "feat" for commit in commits):
        return f"{major}.{minor + 1}.0"
    if any(commit["type"] in ("fix", "perf") for commit in commits):
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-version-basico", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3, R4, R5, R6, R8]: fix → PATCH, feat → MINOR (y PATCH vuelve a 0), la subida
# mayor gana.
patched = next_version("1.4.2", ["fix: corrige nulos", "docs: readme"])
assert patched == "1.4.3", f"Un fix sube el PATCH: 1.4.2 → 1.4.3, no {patched!r}."
minor = next_version("1.4.2", ["fix: a", "feat(data): b"])
assert minor == "1.5.0", (
    f"Con un feat y un fix gana el feat: 1.4.2 → 1.5.0 (el PATCH vuelve a 0), no {minor!r}."
)
### BEGIN HIDDEN TESTS
assert next_version("v1.4.2", ["fix: x"]) == "1.4.3", "Acepta 'v1.4.2' y devuelve '1.4.3' (sin v)."
two_feats = next_version("1.4.2", ["feat: a", "feat: b", "feat(api): c"])
assert two_feats == "1.5.0", (
    f"Varios feat suben el MINOR una sola vez: 1.4.2 → 1.5.0, no {two_feats!r}."
)
feat_last = next_version("0.9.9", ["feat: a", "fix: b", "fix: c"])
assert feat_last == "0.10.0", f"El orden no importa y 0.9.9 + feat → 0.10.0, no {feat_last!r}."
assert next_version("1.4.2", ["perf(features): vectoriza"]) == "1.4.3", "perf sube el PATCH."
unchanged = next_version("1.4.2", ["docs: a", "chore: b", "ci: c", "test: d", "refactor: e"])
assert unchanged == "1.4.2", (
    f"docs/chore/ci/test/refactor no publican release: la versión sigue en 1.4.2, no {unchanged!r}."
)
assert next_version("v2.0.0", []) == "2.0.0", "Sin commits la versión no cambia (y va sin v)."
assert next_version("1.4.2", ("fix: tupla",)) == "1.4.3", "messages también puede ser una tupla."
assert Version(next_version("9.9.9", ["feat: x"])) == Version("9.10.0"), (
    "9.9.9 + feat → 9.10.0: los números se suman como enteros, no como texto."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-version-major", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R6]: un cambio incompatible sube el MAJOR y pone MINOR y PATCH a 0.
major = next_version("1.4.2", ["chore: x", "feat(api)!: predict devuelve prob"])
assert major == "2.0.0", f"Un commit con '!' sube el MAJOR: 1.4.2 → 2.0.0, no {major!r}."
### BEGIN HIDDEN TESTS
footer_major = next_version("3.1.4", ["fix: ajusta\n\nBREAKING CHANGE: el umbral pasa a 0.3"])
assert footer_major == "4.0.0", (
    f"Un fix con pie 'BREAKING CHANGE:' también es MAJOR: 3.1.4 → 4.0.0, no {footer_major!r}."
)
first_major = next_version("0.7.3", ["refactor!: nuevo esquema", "feat: a", "fix: b"])
assert first_major == "1.0.0", f"0.7.3 con un cambio incompatible → 1.0.0, no {first_major!r}."
several = next_version("1.0.0", ["feat!: a", "fix!: b"])
assert several == "2.0.0", (
    f"Dos commits incompatibles suben el MAJOR una vez: 2.0.0, no {several!r}."
)
for before, after in (("1.4.2", "2.0.0"), ("v10.20.30", "11.0.0")):
    assert Version(next_version(before, ["docs!: x"])) == Version(after), f"{before} → {after}"
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-version-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R7, R8, R9]: versiones mal formadas → ValueError; tipos incorrectos (incluido un str
# suelto) → TypeError; un mensaje no convencional → el ValueError de parse_commit.
assert next_version("0.1.0", ["fix: x"]) == "0.1.1", "Una entrada válida no debe fallar."


def expect_version_error(current, messages, expected):
    """Llama a next_version y comprueba que lanza `expected`; devuelve el texto del error."""
    try:
        next_version(current, messages)
    except Exception as err:
        assert isinstance(err, expected), (
            f"next_version({current!r}, {messages!r}) lanzó {type(err).__name__} y debía lanzar "
            f"{expected.__name__}."
        )
        return str(err)
    raise AssertionError(
        f"next_version({current!r}, {messages!r}) debía lanzar {expected.__name__}."
    )


message_text = expect_version_error("1.2", ["fix: x"], ValueError)
assert "1.2" in message_text, (
    f"El ValueError debe citar la versión recibida; dice: {message_text!r}"
)
expect_version_error("1.4.2", "feat: x", TypeError)
### BEGIN HIDDEN TESTS
for bad_version in (
    "01.2.3",
    "1.02.3",
    "1.2.3-rc.1",
    "1.2.3.4",
    " 1.2.3",
    "V1.2.3",
    "v",
    "",
    "a.b.c",
):
    expect_version_error(bad_version, ["fix: x"], ValueError)
for bad_current in (1.2, None, Version("1.2.3")):
    expect_version_error(bad_current, ["fix: x"], TypeError)
for bad_messages in (None, {"fix: x"}, 3):
    expect_version_error("1.0.0", bad_messages, TypeError)
history_error = expect_version_error("1.0.0", ["feat: bien", "arreglos varios"], ValueError)
assert "arreglos varios" in history_error, (
    "Un mensaje no convencional en el historial debe dar el ValueError de parse_commit, que cita "
    f"la cabecera; dice: {history_error!r}"
)
assert next_version("0.0.0", ["fix: x"]) == "0.0.1", "'0.0.0' es una versión válida."
### END HIDDEN TESTS

# %% [markdown]
# ### Tu función sobre un repositorio real, comparada con `commitizen`
#
# Ahora lo que haría una herramienta de release: leer los commits desde el último tag de un
# repositorio de verdad, calcular la versión con **tu** `next_version` y crear el tag. Y como no se
# escribe a mano lo que una librería mantenida ya hace (salvo para aprenderlo, que es lo que acabas
# de hacer), comparamos tu resultado con [`commitizen`](https://commitizen-tools.github.io/commitizen/),
# una herramienta de release muy usada: `cz bump --get-next` lee el mismo historial, aplica sus
# reglas y **solo calcula** (ni etiqueta ni hace commit). Su configuración mínima es un `.cz.toml`
# con la versión actual y el formato de los tags. Además, [`packaging.version`](https://packaging.pypa.io/en/stable/version.html)
# (la librería con la que `pip` compara versiones) confirma que la nueva es **mayor** que la anterior.
#
# La segunda historia solo tiene un `refactor`: ahí las dos reglas **difieren a propósito**. El
# mapa por defecto de commitizen 4 sube el PATCH con `refactor`; el enunciado del Ejercicio 2 (como
# `semantic-release`) no publica nada. Ninguna es "la correcta": es una convención del equipo, y lo
# que no puede pasar es que la herramienta de CI y las personas usen reglas distintas sin saberlo.
# Si adoptan commitizen, su `bump_map` se configura en el mismo `.cz.toml`.

# %%
release_history = [
    "docs: describe las columnas del dataset",
    "fix(features): evita dividir por cero en saldo/productos",
    "feat(model): añade la región como variable",
    "chore: actualiza .gitignore",
]


def compare_release(history: list[str]) -> dict[str, str]:
    """Tu next_version frente a commitizen sobre un repositorio real con `history` tras v1.4.2."""
    with scratch_repo(SLUG) as (repo, env):
        write_commitizen_config(repo, "1.4.2")
        commit_files(repo, env, {"README.md": "# churn\n"}, "chore: inicia el proyecto")
        git("tag", "v1.4.2", cwd=repo, env=env)
        for number, message in enumerate(history):
            commit_files(repo, env, {f"src/step_{number}.py": f"STEP = {number}\n"}, message)
        since = latest_tag(repo, env)
        pending = commit_messages(repo, env, since=since)
        reference = commitizen_next_version(repo, env) or "1.4.2"  # None: nada que publicar
        try:
            proposed = next_version(since, pending)
            bigger = Version(proposed) >= Version(since)
            git("tag", f"v{proposed}", cwd=repo, env=env, check=False)
        except NotImplementedError:
            proposed, bigger = "pendiente (Ejercicio 2)", True
        except (ValueError, TypeError) as exc:
            proposed, bigger = f"error: {exc}", True
        tags = git("tag", "--list", cwd=repo, env=env).stdout.split()
    if proposed == reference:
        verdict = "coincide con commitizen"
    elif proposed.startswith(("pendiente", "error")):
        verdict = "resuelve los ejercicios y vuelve a ejecutar esta celda"
    elif any(message.startswith("refactor") for message in pending):
        verdict = "difiere: commitizen sube PATCH con refactor; la regla del enunciado no publica"
    else:
        verdict = "difiere de commitizen: mira qué commit decide la subida"
    if not bigger:
        verdict += "; ¡según packaging.version la versión ha bajado!"
    return {
        "commits desde v1.4.2": " | ".join(pending),
        "tu next_version": proposed,
        "cz bump --get-next": reference,
        "veredicto": verdict,
        "tags": ", ".join(tags),
    }


pd.DataFrame(
    [compare_release(release_history), compare_release(["refactor(features): extrae una función"])],
    index=["historial del equipo", "solo un refactor"],
).T

# %% [markdown]
# Fíjate en lo que **no** ha hecho falta: nadie ha decidido la versión en una reunión. Si el número
# te parece mal, el error está en un mensaje de commit, y se arregla ahí (por eso, en la §5, vamos
# a impedir que entren mensajes mal formados).
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 15 min.*
#
# ## 5. Git hooks: el control en el momento del commit
#
# Un **hook** es un programa que git ejecuta en un momento concreto si existe un archivo ejecutable
# con su nombre en `.git/hooks/`. Si el hook termina con un código distinto de 0, git aborta la
# operación. Los dos que más se usan en el día a día ([githooks](https://git-scm.com/docs/githooks)):
#
# ```mermaid
# sequenceDiagram
#     participant D as Tú
#     participant G as git commit
#     participant P as .git/hooks/pre-commit
#     participant M as .git/hooks/commit-msg
#     D->>G: git commit -m "mensaje"
#     G->>P: ejecuta (sin argumentos; mira lo que está en stage)
#     P-->>G: 0 = sigue · ≠0 = aborta
#     G->>M: ejecuta con la ruta del archivo del mensaje
#     M-->>G: 0 = sigue · ≠0 = aborta (el mensaje se pierde)
#     G-->>D: commit creado (o rechazado con lo que el hook escribió en stderr)
# ```
#
# **Metáfora: el control de seguridad del aeropuerto.** No decide adónde vas ni te hace el
# equipaje: solo comprueba, rápido y en la puerta, lo que nunca debe subir al avión (un secreto, un
# CSV con datos de clientes). Si tarda una hora, la gente busca otra puerta (`--no-verify`). Un buen
# hook tarda menos de un segundo o dos.
#
# Tres detalles que muerden en la práctica:
#
# - **Debe ser ejecutable** (`chmod +x`). Si no lo es, git lo ignora y solo avisa con una pista
#   (*hint*): el commit pasa como si no hubiera hook.
# - **Se ejecuta en un shell «desnudo».** No hereda tu notebook ni, necesariamente, tu entorno
#   activado: la línea `#!` (*shebang*) debe apuntar a un intérprete que exista, p. ej. la ruta
#   absoluta de `sys.executable`. Y no puede importar el paquete del curso ni nada que no esté en
#   la biblioteca estándar: el script debe valerse por sí mismo.
# - **No se versiona.** `.git/hooks/` no se sube con `git push` ni baja con `git clone`. Lo
#   comprobaremos después del ejercicio.
#
# ### Ejercicio 3 (seguro) · Un hook `commit-msg` en un repositorio real
#
# Escribe `install_commit_msg_hook(repo)`. Lo que hace **seguro** este paso: el control ocurre
# antes de que el commit exista, falla de forma segura (el commit no entra y el mensaje explica por
# qué) y no toca nada si la carpeta no es un repositorio. Requisitos:
#
# 1. Recibe la carpeta de un repositorio (`Path`); si `repo / ".git"` no es una carpeta →
#    `ValueError` en español («… no es un repositorio git …»), sin crear nada en esa carpeta.
# 2. Escribe el script en `repo/.git/hooks/commit-msg` (crea `hooks/` si no existe; si el hook ya
#    existe, lo **sobrescribe**) y devuelve esa ruta, como `Path`.
# 3. Deja el script **ejecutable** (p. ej. `hook.chmod(0o755)`): git ignora los hooks que no lo son.
# 4. El script funciona en un shell sin tu entorno: su **primera línea** es `#!` con la ruta de
#    `sys.executable` (o es un script de shell), y solo usa la biblioteca estándar: nada de
#    `mlops_course` ni de funciones del notebook (puedes copiar dentro el texto de la expresión
#    regular y los tipos, p. ej. con `HEADER_RE.pattern` y `"|".join(COMMIT_TYPES)`).
# 5. El script lee la **primera línea** del archivo cuya ruta recibe en `sys.argv[1]` (lo demás es
#    cuerpo y pies, que no valida); si es una cabecera válida con la regla de `parse_commit` (§3:
#    tipo de `COMMIT_TYPES` en minúscula, ámbito opcional no vacío y sin espacios, `!` opcional,
#    `": "` y una descripción), termina con código 0 y el commit entra.
# 6. Si esa primera línea no es una cabecera válida, el script escribe en `stderr` un mensaje en
#    español **que cite esa cabecera** y termina con un código distinto de 0 (`sys.exit(1)`): git
#    aborta el commit.
#
# Los tests hacen commits de verdad en un repositorio temporal con un `PATH` mínimo
# (`/usr/bin:/bin`, como un shell sin tu entorno): uno aceptado y otro rechazado.


# %% nbgrader={"grade": false, "grade_id": "hook", "locked": false, "schema_version": 3, "solution": true, "task": false}
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    ### BEGIN SOLUTION
    git_dir = Path(repo) / ".git"
    if not git_dir.is_dir():
        raise ValueError(f"{repo} no es un repositorio git: no tiene carpeta .git.")
    template = r'''#!__PYTHON__
"""commit-msg: rechaza cabeceras que no siguen Conventional Commits."""
import re
import sys

HEADER = re.compile(r"^(__TYPES__)(\([^\s()]+\))?!?: .*\S")
with open(sys.argv[1], encoding="utf-8") as handle:
    header = handle.readline().rstrip("\r\n")
if HEADER.match(header) is None:
    sys.stderr.write(
        f"Commit rechazado: {header!r} no sigue Conventional Commits "
        "('tipo(ámbito)!: descripción', p. ej. 'feat(data): añade saldo_medio').\n"
    )
    sys.exit(1)
'''
    script = template.replace("__PYTHON__", sys.executable).replace(
        "__TYPES__", "|".join(COMMIT_TYPES)
    )
    hooks_dir = git_dir / "hooks"
    hooks_dir.mkdir(exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-hook-instalado", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4]: el hook queda en .git/hooks/commit-msg, es ejecutable y no depende del
# paquete del curso.
import os
import shutil

from mlops_course.lessons.m04_vcs import scratch_repo

with scratch_repo("04_git_profesional") as (repo, env):
    hook = install_commit_msg_hook(repo)
    assert hook == repo / ".git" / "hooks" / "commit-msg", (
        f"Debe devolver la ruta repo/.git/hooks/commit-msg; devolvió {hook!r}."
    )
    assert hook.is_file() and os.access(hook, os.X_OK), (
        "El hook debe existir y ser ejecutable (chmod 0o755): git ignora los hooks no ejecutables."
    )
    script_text = hook.read_text(encoding="utf-8")
    assert script_text.startswith("#!"), "La primera línea del script debe ser un shebang '#!…'."
    assert "mlops_course" not in script_text, (
        "El script no puede importar mlops_course: git lo ejecuta en un shell sin tu notebook."
    )
### BEGIN HIDDEN TESTS
with scratch_repo("04_git_profesional") as (hidden_repo, hidden_env):
    shutil.rmtree(hidden_repo / ".git" / "hooks")
    again = install_commit_msg_hook(hidden_repo)
    assert again.is_file(), "Si .git/hooks no existe, créalo antes de escribir el hook."
    first_text = again.read_text(encoding="utf-8")
    install_commit_msg_hook(hidden_repo)
    assert again.read_text(encoding="utf-8") == first_text, (
        "Instalar dos veces debe dejar el mismo script (sobrescribe, no añadas al final)."
    )
    not_a_repo = hidden_repo / "src"
    not_a_repo.mkdir()
    try:
        install_commit_msg_hook(not_a_repo)
    except ValueError as not_repo:
        assert "repositorio" in str(not_repo), (
            f"El ValueError debe decir que no es un repositorio: {not_repo}"
        )
    else:
        raise AssertionError("Una carpeta sin .git debe lanzar ValueError.")
    assert not (not_a_repo / ".git").exists(), (
        "No crees .git en una carpeta que no es un repositorio."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-hook-commits", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5, R6]: con commits reales (PATH mínimo), un mensaje convencional entra y uno
# que no lo es se rechaza.
from mlops_course.lessons.m04_vcs import commit_files, commit_messages, scratch_repo

with scratch_repo("04_git_profesional", PATH="/usr/bin:/bin") as (repo, env):
    install_commit_msg_hook(repo)
    rejected = commit_files(repo, env, {"a.txt": "1\n"}, "arreglos varios", check=False)
    assert rejected.returncode != 0, (
        "El commit 'arreglos varios' debía ser rechazado: ¿el hook termina con sys.exit(1) cuando "
        "la cabecera no es válida? ¿Es ejecutable?"
    )
    assert "arreglos varios" in rejected.stderr, (
        f"El hook debe explicar en stderr qué cabecera rechaza; git mostró: {rejected.stderr!r}"
    )
    accepted = commit_files(
        repo, env, {"a.txt": "1\n"}, "feat(data): añade saldo_medio", check=False
    )
    assert accepted.returncode == 0, (
        "El commit 'feat(data): añade saldo_medio' debía entrar; git dijo: "
        f"{accepted.stderr.strip()!r}. Si dice 'No such file', revisa el shebang (usa sys.executable)."
    )
    history = commit_messages(repo, env)
    assert history == ["feat(data): añade saldo_medio"], f"Historial inesperado: {history!r}"
### BEGIN HIDDEN TESTS
with scratch_repo("04_git_profesional", PATH="/usr/bin:/bin") as (hidden_repo, hidden_env):
    install_commit_msg_hook(hidden_repo)
    good_messages = [
        "feat!: predict devuelve probabilidades",
        "fix(api/v2): corrige el esquema\n\nBREAKING CHANGE: quita el campo edad",
        "revert: deshace el umbral",
    ]
    bad_messages = ["Feat: mayúscula", "feature: no existe", "feat:sin espacio", "wip", "feat(): x"]
    for number, bad in enumerate(bad_messages):
        hidden_proc = commit_files(
            hidden_repo, hidden_env, {"b.txt": f"{number}\n"}, bad, check=False
        )
        assert hidden_proc.returncode != 0, f"El hook debía rechazar {bad!r}."
    for number, good in enumerate(good_messages):
        hidden_proc = commit_files(
            hidden_repo, hidden_env, {"c.txt": f"{number}\n"}, good, check=False
        )
        assert hidden_proc.returncode == 0, (
            f"El hook debía aceptar {good!r} (¿miras solo la primera línea?); git: {hidden_proc.stderr!r}"
        )
    assert [m.splitlines()[0] for m in commit_messages(hidden_repo, hidden_env)] == [
        g.splitlines()[0] for g in good_messages
    ], "En el historial solo deben quedar los tres mensajes válidos."
### END HIDDEN TESTS

# %% [markdown]
# ### Lo que un hook local no puede hacer
#
# Tu hook funciona. Ahora, dos pruebas que explican por qué no basta. Primero, **se puede saltar**:
# `git commit --no-verify` no ejecuta ni `pre-commit` ni `commit-msg`. Segundo, **no viaja con el
# repositorio**: clonamos el repositorio (un clon local, sin red) y miramos qué hooks trae.

# %%
with scratch_repo(SLUG) as (repo, env):
    try:
        install_commit_msg_hook(repo)
        rejected = commit_files(repo, env, {"a.txt": "1\n"}, "cambios", check=False)
        print("commit 'cambios' normal      → código", rejected.returncode, rejected.stderr.strip())
    except NotImplementedError:
        print("(resuelve el Ejercicio 3 para ver tu hook en acción)")
    skipped = commit_files(
        repo, env, {"a.txt": "1\n"}, "cambios", check=False, extra_args=("--no-verify",)
    )
    print("commit 'cambios' --no-verify → código", skipped.returncode, "(entra sin control)")
    clone = repo.parent / "clon"
    git("clone", "-q", str(repo), str(clone), cwd=repo.parent, env=env)
    cloned_hooks = sorted(p.name for p in (clone / ".git" / "hooks").iterdir())
    print("hooks activos en el clon:", [h for h in cloned_hooks if not h.endswith(".sample")])

# %% [markdown]
# El clon no tiene tu hook: solo los `*.sample` de ejemplo que git crea siempre. Conclusiones que
# guían el resto del módulo:
#
# - La **configuración de los hooks debe versionarse** en el repositorio y cada persona la
#   instala con un comando: eso hace el framework pre-commit (§6).
# - Los hooks son una **comodidad local**, no una garantía: la CI (módulo 09) debe ejecutar las
#   mismas comprobaciones (`pre-commit run --all-files`), porque ahí nadie puede usar `--no-verify`.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 55 min.*
#
# ## 6. El framework pre-commit: hooks versionados y compartidos
#
# [pre-commit](https://pre-commit.com) lee un archivo versionado, `.pre-commit-config.yaml`, y con
# `pre-commit install` escribe en `.git/hooks/` un pequeño lanzador que lo ejecuta. Cada hook
# declara **qué** ejecuta (`entry`), **con qué** (`language`), **sobre qué archivos** (`files`,
# `types`) y **en qué momento** (`stages`). Si falla uno, el commit se aborta y ves qué hook y qué
# archivo.
#
# El `.pre-commit-config.yaml` está en el repositorio: es la misma lista de comprobaciones para todo
# el equipo, se cambia en un solo sitio y los cambios se revisan en *pull requests*.
#
# La mayoría de tutoriales empiezan con hooks **remotos** (`repo: https://github.com/…` con `rev:`):
# pre-commit clona ese repositorio y crea un entorno (virtualenv, node…) la primera vez. Eso
# necesita red y tiempo. En este curso (y en muchos entornos corporativos o de CI sin salida a
# internet) usamos hooks **locales**, con lenguajes que no crean entornos:
#
# | `language` | qué hace | ejemplo |
# |---|---|---|
# | `system` (en pre-commit 4.7, alias de `unsupported`) | ejecuta un comando que ya está instalado | `python -m py_compile` |
# | `pygrep` | busca una expresión regular en los archivos; falla si la encuentra (o, con `--negate`, si **no** la encuentra) | `breakpoint\(\)` |
# | `fail` | falla siempre que haya archivos que casen con `files`, mostrando `entry` como mensaje | datos `.csv` en git |
#
# Esta decisión tiene trade-offs, así que la registramos:
#
# ```text
# ADR-04-01: Hooks locales de pre-commit en lugar de hooks remotos
#
# CONTEXTO:
# El curso (y la CI de muchos equipos) debe funcionar sin red. Los hooks remotos clonan repositorios
# y crean entornos la primera vez que se ejecutan; sin red fallan, y con red añaden minutos a cada
# máquina nueva de CI.
#
# DECISIÓN:
# Solo hooks `repo: local` con language system, pygrep o fail. Las herramientas que necesitan
# (python, ruff, mypy) vienen fijadas en el entorno del proyecto (módulo 03).
#
# CONSECUENCIAS:
# (+) Funciona sin red y en menos de un segundo; una sola fuente de versiones: el entorno.
# (+) Lo que pasa en local pasa igual en CI, con el mismo intérprete.
# (-) Quien clona debe crear antes el entorno; pre-commit no lo hace por él.
# (-) Renunciamos al catálogo de hooks ya escritos (pre-commit-hooks, ruff-pre-commit…).
#
# ALTERNATIVAS RECHAZADAS:
# - Hooks remotos con `rev:` fijado (necesitan red la primera vez en cada máquina).
# - Scripts en .git/hooks copiados a mano (no se versionan: §5).
# ```
#
# ### Ejercicio 4 (escalable) · Tu `.pre-commit-config.yaml`
#
# Escribe `pre_commit_config()`, que devuelve el texto YAML de la configuración (los `name` de los
# hooks los eliges tú, en español). Lo que hace **escalable** este paso: las reglas viven en un
# archivo versionado y `pre-commit install` las aplica igual a cada persona del equipo (y la CI con
# `pre-commit run --all-files`); con 4 personas o con 40, nadie tiene que acordarse de pasar ruff ni
# de buscar tokens a mano. Requisitos:
#
# 1. Devuelve un `str` con YAML que `pre-commit validate-config` acepta, con **un** repositorio
#    `repo: local` (nada de `repo:` remotos) cuyos hooks solo usan `language: system`, `pygrep` o
#    `fail`, sin `additional_dependencies`: nada que cree entornos o descargue (`python`, `node`…).
# 2. Un hook `no-data-files` con `language: fail` rechaza los archivos de datos y modelos, los que
#    **acaban** en `.csv`, `.parquet`, `.pkl` o `.joblib` (van en DVC, módulo 05), y solo esos: el
#    puntero `data/churn.csv.dvc` o un `data/README.md` no son datos.
# 3. Un hook `no-breakpoint` con `language: pygrep` rechaza `breakpoint()`, `import pdb` e
#    `import ipdb` **solo en archivos Python** (`types: [python]`): un `.md` que los mencione es
#    documentación, no un error.
# 4. Un hook `python-syntax` con `language: system` comprueba la sintaxis de los archivos Python
#    con `python -m py_compile`, y solo de ellos (un `.md` o un `.yaml` no son Python).
# 5. Un hook `conventional-commit` con `language: pygrep` se ejecuta **solo en la etapa
#    `commit-msg`** (`stages: [commit-msg]`): `pre-commit run --all-files` no lo aplica a los
#    archivos del repositorio.
# 6. `conventional-commit` acepta el mensaje si su **primera línea** es una cabecera válida con la
#    regla de `parse_commit` (§3; tipo de `COMMIT_TYPES` en minúscula), y lo rechaza si no lo es,
#    aunque otra línea del cuerpo lo parezca (usa `args: [--negate, --multiline]` y ancla tu regex
#    con `\A`).
# 7. Incluye `default_install_hook_types: [pre-commit, commit-msg]`, para que `pre-commit install`
#    instale los dos lanzadores de una vez.
# 8. Dos hooks de [ruff](https://docs.astral.sh/ruff/) con `language: system` y **solo en archivos
#    Python** (`types: [python]`; ruff leería un `.yaml` como si fuera Python y fallaría):
#    `ruff-check` (`entry: ruff check`, errores y *lint*) y `ruff-format` (`entry: ruff format
#    --check`: falla si un archivo no tiene el formato de ruff, **sin reescribirlo**). Ruff lee las
#    reglas del `ruff.toml` del repositorio.
# 9. Un hook `detect-secrets` con `language: system` y
#    `entry: detect-secrets-hook --baseline .secrets.baseline`, sobre **todos** los archivos (un
#    token se filtra igual desde un `.env` o un `.yaml` que desde un `.py`): bloquea el commit que
#    añade un secreto nuevo y deja pasar lo que la *baseline* ya registra como revisado.
#
# La *baseline* de [detect-secrets](https://github.com/Yelp/detect-secrets) es un archivo versionado,
# `.secrets.baseline`, que crea `detect-secrets scan` con lo que encuentra **hoy** en el repositorio:
# el equipo lo revisa y lo acepta (aquí, la clave de ejemplo `AKIAIOSFODNN7EXAMPLE` de la
# documentación de AWS, que un test usa a propósito: un **falso positivo documentado**). Desde
# entonces el hook solo bloquea hallazgos **nuevos**. Los tests usan
# `stage_project(repo, env, archivos)`, que escribe los archivos, un `ruff.toml` y la baseline.
#
# Recomendado (no se califica): `default_stages: [pre-commit]`, para que los hooks de archivos no
# aparezcan también, como «Skipped», en la etapa `commit-msg`. Los tests ejecutan `pre-commit run`
# y `git commit` de verdad sobre repositorios limpios y sucios, y leen lo que encuentran los hooks.
#
# Pistas: en YAML, escribe las expresiones regulares entre comillas simples (`'\.csv$'`: la barra
# invertida no se interpreta). Un hook sin `stages` se ejecuta en **todas** las etapas. En la etapa
# `commit-msg`, pre-commit pasa al hook el archivo del mensaje como único archivo.


# %% nbgrader={"grade": false, "grade_id": "precommit", "locked": false, "schema_version": 3, "solution": true, "task": false}
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
    ### BEGIN SOLUTION
    types = "|".join(COMMIT_TYPES)
    return rf"""# Hooks locales: funcionan sin red y con el intérprete del entorno del proyecto.
default_install_hook_types: [pre-commit, commit-msg]
default_stages: [pre-commit]
repos:
  - repo: local
    hooks:
      - id: no-data-files
        name: Sin datos ni modelos en git (van en DVC)
        language: fail
        entry: "Datos o modelos en git; versiónalos con DVC (módulo 05):"
        files: '\.(csv|parquet|pkl|joblib)$'
      - id: no-breakpoint
        name: Sin breakpoint() ni pdb olvidados
        language: pygrep
        entry: '^\s*(breakpoint\(\)|import i?pdb\b)'
        types: [python]
      - id: python-syntax
        name: Sintaxis de Python correcta
        language: system
        entry: python -m py_compile
        types: [python]
      - id: ruff-check
        name: Lint con ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: Formato de ruff (sin reescribir)
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: Sin secretos nuevos (detect-secrets)
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
      - id: conventional-commit
        name: Mensaje con formato Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-precommit-valida", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R5, R7]: YAML válido para `pre-commit validate-config`, solo hooks locales y
# sin lenguajes que descarguen.
import yaml

from mlops_course.lessons.m04_vcs import run_pre_commit, scratch_repo

OFFLINE_LANGUAGES = {"system", "unsupported", "pygrep", "fail"}
REQUIRED_IDS = {
    "no-data-files",
    "no-breakpoint",
    "python-syntax",
    "ruff-check",
    "ruff-format",
    "detect-secrets",
    "conventional-commit",
}
config_text = pre_commit_config()
assert isinstance(config_text, str), "pre_commit_config() debe devolver el YAML como str."
config = yaml.safe_load(config_text)
assert isinstance(config, dict) and isinstance(config.get("repos"), list), (
    "El YAML debe ser un mapeo con una lista 'repos'."
)
remote = [entry.get("repo") for entry in config["repos"] if entry.get("repo") != "local"]
assert not remote, f"Solo 'repo: local' (sin red); hay repositorios remotos: {remote}"
hooks = {hook.get("id"): hook for entry in config["repos"] for hook in entry.get("hooks", [])}
missing_ids = REQUIRED_IDS - set(hooks)
assert not missing_ids, f"Faltan hooks con id: {sorted(missing_ids)}"
downloading = {
    i: h.get("language") for i, h in hooks.items() if h.get("language") not in OFFLINE_LANGUAGES
}
assert not downloading, f"Usa system, pygrep o fail; estos lenguajes crean entornos: {downloading}"
with scratch_repo("04_git_profesional") as (repo, env):
    (repo / ".pre-commit-config.yaml").write_text(config_text, encoding="utf-8")
    validated = run_pre_commit("validate-config", ".pre-commit-config.yaml", cwd=repo, env=env)
assert validated.returncode == 0, (
    f"pre-commit validate-config rechaza tu configuración:\n{validated.stdout}{validated.stderr}"
)
### BEGIN HIDDEN TESTS
assert not any(h.get("additional_dependencies") for h in hooks.values()), (
    "additional_dependencies obliga a pre-commit a instalar paquetes (red): quítalas."
)
assert hooks["conventional-commit"].get("stages") == ["commit-msg"], (
    "conventional-commit debe ejecutarse solo en la etapa commit-msg: stages: [commit-msg]."
)
assert hooks["no-data-files"].get("language") == "fail", "no-data-files usa language: fail."
assert hooks["no-breakpoint"].get("language") == "pygrep", "no-breakpoint usa language: pygrep."
install_types = set(config.get("default_install_hook_types") or [])
assert {"pre-commit", "commit-msg"} <= install_types, (
    "Añade default_install_hook_types: [pre-commit, commit-msg] para instalar ambos lanzadores."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-precommit-limpio", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4, R5, R8, R9]: en un repositorio limpio `pre-commit run --all-files` pasa
# (sin falsos positivos: ruff no mira el YAML y la baseline deja pasar la clave de ejemplo de AWS).
from mlops_course.lessons.m04_vcs import (
    failed_hook_ids,
    run_pre_commit,
    scratch_repo,
    stage_project,
)

AWS_EXAMPLE = "AKIA" + "IOSFODNN7EXAMPLE"  # la clave de ejemplo de la documentación de AWS
clean_files = {
    ".pre-commit-config.yaml": pre_commit_config(),
    "src/churn/features.py": "def balance_per_product(balance, products):\n    return balance / products\n",
    "tests/test_settings.py": (
        "# Clave de EJEMPLO de la documentación de AWS: no es real (revisada en la baseline).\n"
        f'EXAMPLE_KEY = "{AWS_EXAMPLE}"\n'
    ),
    "docs/depuracion.md": "En local puedes parar así:\n\n```python\nbreakpoint()\nimport pdb\n```\n",
    "data/README.md": "Los datos se versionan con DVC: ver data/churn.csv.dvc\n",
    "README.md": "# Modelo de churn\n",
}
with scratch_repo("04_git_profesional") as (repo, env):
    stage_project(repo, env, clean_files)
    clean_run = run_pre_commit("run", "--all-files", cwd=repo, env=env)
assert clean_run.returncode == 0, (
    "En un repositorio limpio ningún hook debe fallar; fallan "
    f"{failed_hook_ids(clean_run.stdout)}. ¿Falta types: [python] (ruff leería el YAML como Python), "
    "stages: [commit-msg] o --baseline .secrets.baseline?\n"
    f"{clean_run.stdout}{clean_run.stderr}"
)
### BEGIN HIDDEN TESTS
pointer_files = {
    **clean_files,
    "data/churn.csv.dvc": "outs:\n- md5: 3f2a9c0d1e\n  size: 1024\n  path: churn.csv\n",
    "models/churn_model.joblib.dvc": "outs:\n- md5: 7b1e4d2a9f\n  path: churn_model.joblib\n",
    "config/params.yaml": "train:\n  max_depth:   4\n  features: [balance_eur,age]\n",
}
with scratch_repo("04_git_profesional") as (hidden_repo, hidden_env):
    stage_project(hidden_repo, hidden_env, pointer_files)
    pointer_run = run_pre_commit("run", "--all-files", cwd=hidden_repo, env=hidden_env)
assert pointer_run.returncode == 0, (
    "Los punteros de DVC (data/churn.csv.dvc) no son datos: no-data-files solo rechaza los archivos "
    "que ACABAN en .csv, .parquet, .pkl o .joblib (termina la regex de files con $); y un .yaml no es "
    f"Python para ruff. Fallan {failed_hook_ids(pointer_run.stdout)}.\n{pointer_run.stdout}"
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-precommit-detecta", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4]: datos en git, breakpoint() olvidado y un .py roto hacen fallar sus hooks.
from mlops_course.lessons.m04_vcs import (
    failed_hook_ids,
    run_pre_commit,
    scratch_repo,
    stage_project,
)


def run_on_files(files):
    """Crea un repositorio temporal con `files` (ruta → texto), los añade y ejecuta pre-commit."""
    with scratch_repo("04_git_profesional") as (repo, env):
        stage_project(repo, env, {".pre-commit-config.yaml": pre_commit_config(), **files})
        return run_pre_commit("run", "--all-files", cwd=repo, env=env)


dirty_run = run_on_files(
    {
        "data/churn.csv": "customer_id,churned\nC000001,0\n",
        "src/train.py": "def train():\n    breakpoint()\n    return 1\n",
        "src/broken.py": "def predict(row:\n    return 0\n",
    }
)
failed = set(failed_hook_ids(dirty_run.stdout))
assert dirty_run.returncode != 0, "pre-commit debía fallar en un repositorio con datos y errores."
for hook_id in ("no-data-files", "no-breakpoint", "python-syntax"):
    assert hook_id in failed, (
        f"El hook {hook_id!r} debía fallar en este repositorio sucio; fallaron {sorted(failed)}.\n"
        f"{dirty_run.stdout}"
    )
### BEGIN HIDDEN TESTS
models_run = run_on_files(
    {
        "models/pipeline.pkl": "binario",
        "models/churn_model.joblib": "binario",
        "data/churn.parquet": "binario",
        "src/debug.py": "import os\nimport pdb\n",
        "src/trace.py": "def train():\n    import ipdb\n    return 1\n",
        "src/ok.py": "x = 1\n",
    }
)
models_failed = failed_hook_ids(models_run.stdout)
assert {"no-breakpoint", "no-data-files"} <= set(models_failed) and (
    "python-syntax" not in models_failed
), (
    ".pkl, .joblib y .parquet son artefactos (no-data-files) e 'import pdb' es depuración "
    f"(no-breakpoint); la sintaxis es correcta. Fallaron: {models_failed}\n{models_run.stdout}"
)
for artefact in ("models/pipeline.pkl", "models/churn_model.joblib", "data/churn.parquet"):
    assert artefact in models_run.stdout, f"no-data-files debe señalar {artefact}."
for debugger in ("src/debug.py", "src/trace.py"):
    assert debugger in models_run.stdout, (
        f"no-breakpoint debe señalar {debugger}: rechaza 'import pdb' e 'import ipdb' (también "
        f"sangrado dentro de una función).\n{models_run.stdout}"
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-precommit-commit-msg", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6]: el hook conventional-commit acepta un mensaje convencional y rechaza otro en la
# etapa commit-msg.
from mlops_course.lessons.common import git
from mlops_course.lessons.m04_vcs import failed_hook_ids, run_pre_commit, scratch_repo


def check_message(repo, env, message):
    """Ejecuta solo el hook conventional-commit sobre `message`, como haría git en commit-msg."""
    message_file = repo / ".git" / "COMMIT_EDITMSG"
    message_file.write_text(message, encoding="utf-8")
    return run_pre_commit(
        "run",
        "conventional-commit",
        "--hook-stage",
        "commit-msg",
        "--commit-msg-filename",
        str(message_file),
        cwd=repo,
        env=env,
    )


with scratch_repo("04_git_profesional") as (repo, env):
    (repo / ".pre-commit-config.yaml").write_text(pre_commit_config(), encoding="utf-8")
    git("add", ".pre-commit-config.yaml", cwd=repo, env=env)
    good_run = check_message(repo, env, "feat(data): añade saldo_medio\n")
    # La cabecera es mala aunque una línea del cuerpo parezca convencional: solo cuenta la primera.
    bad_run = check_message(repo, env, "arreglos varios\n\nfeat: esto es cuerpo, no cabecera\n")
assert good_run.returncode == 0, (
    f"'feat(data): añade saldo_medio' debe pasar el hook conventional-commit:\n{good_run.stdout}"
)
assert bad_run.returncode != 0, (
    "'arreglos varios' debe fallar el hook conventional-commit aunque el cuerpo tenga una línea "
    "'feat: …': ancla la regex con \\A y usa args: [--negate, --multiline].\n"
    f"{bad_run.stdout}"
)
### BEGIN HIDDEN TESTS
assert "conventional-commit" in failed_hook_ids(bad_run.stdout), (
    f"El fallo debe venir del hook con id conventional-commit:\n{bad_run.stdout}"
)
with scratch_repo("04_git_profesional") as (hidden_repo, hidden_env):
    (hidden_repo / ".pre-commit-config.yaml").write_text(pre_commit_config(), encoding="utf-8")
    git("add", ".pre-commit-config.yaml", cwd=hidden_repo, env=hidden_env)
    for bad_header in ("Feat: mayúscula", "feature: no existe", "feat:sin espacio", "feat(): x"):
        hidden_run = check_message(hidden_repo, hidden_env, bad_header + "\n")
        assert hidden_run.returncode != 0, (
            f"conventional-commit debe rechazar {bad_header!r}: el tipo va en minúscula y es uno de "
            "COMMIT_TYPES, el ámbito no puede estar vacío y tras ':' va un espacio."
        )
    for good_message in (
        "feat!: predict devuelve probabilidades\n",
        "fix(api/v2): corrige el esquema\n\nBREAKING CHANGE: quita el campo edad\n",
    ):
        hidden_run = check_message(hidden_repo, hidden_env, good_message)
        assert hidden_run.returncode == 0, (
            f"conventional-commit debe aceptar {good_message!r}:\n{hidden_run.stdout}"
        )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-precommit-ruff-secretos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R8, R9]: con los hooks instalados, `git commit` de verdad: entra un commit limpio con
# el falso positivo de la baseline; el commit con un token plantado y un .py sin formato ni lint se
# rechaza, y cada hook informa de lo que encontró.
from mlops_course.lessons.common import git
from mlops_course.lessons.m04_vcs import (
    commit_files,
    commit_messages,
    failed_hook_ids,
    run_pre_commit,
    scratch_repo,
    stage_project,
)

AWS_EXAMPLE = "AKIA" + "IOSFODNN7EXAMPLE"  # clave de ejemplo de la documentación de AWS
PLANTED_TOKEN = "ghp_" + "N4mQ8vR2tY6uW0xZ3aB7cD1eF5gH9iJ2kL4o"  # token de GitHub plantado (falso)
UGLY_PY = "import os\ndef ratio( a,b ):\n  return a/b\n"


def installed_repo(repo, env):
    """Primer commit real (con los hooks ya instalados): config, código y el falso positivo."""
    stage_project(
        repo,
        env,
        {
            ".pre-commit-config.yaml": pre_commit_config(),
            ".gitignore": ".ruff_cache/\n__pycache__/\n",
            "src/churn/features.py": "def balance_per_product(balance, products):\n    return balance / products\n",
            "tests/test_settings.py": f'# Clave de EJEMPLO de AWS, no es real.\nEXAMPLE_KEY = "{AWS_EXAMPLE}"\n',
        },
    )
    installed = run_pre_commit("install", cwd=repo, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return git("commit", "-q", "-m", "chore: configura pre-commit", cwd=repo, env=env, check=False)


with scratch_repo("04_git_profesional") as (repo, env):
    first = installed_repo(repo, env)
    assert first.returncode == 0, (
        "El primer commit (limpio, con la clave de ejemplo de AWS que la baseline ya registra) debía "
        f"entrar; los hooks dijeron:\n{first.stdout}{first.stderr}"
    )
    # Un solo intento de commit con dos problemas: un token plantado y un .py sin lint ni formato.
    leak = commit_files(
        repo,
        env,
        {"src/settings.py": f'GITHUB_TOKEN = "{PLANTED_TOKEN}"\n', "src/churn/ratio.py": UGLY_PY},
        "feat: conecta con la API",
        check=False,
    )
    leak_report = leak.stdout + leak.stderr
    ugly_report = leak_report
    ugly_after = (repo / "src" / "churn" / "ratio.py").read_text(encoding="utf-8")
    history = commit_messages(repo, env)
assert leak.returncode != 0 and "detect-secrets" in failed_hook_ids(leak_report), (
    "El commit con un token de GitHub en src/settings.py debía rechazarlo el hook detect-secrets; "
    f"git dijo:\n{leak_report}"
)
assert "GitHub Token" in leak_report and "src/settings.py" in leak_report, (
    f"detect-secrets debe informar del hallazgo real (tipo y archivo):\n{leak_report}"
)
assert {"ruff-check", "ruff-format"} <= set(failed_hook_ids(ugly_report)), (
    "Un .py con un import sin usar y sin formato debía fallar ruff-check y ruff-format; fallaron "
    f"{failed_hook_ids(ugly_report)}.\n{ugly_report}"
)
assert "F401" in ugly_report, f"ruff check debe señalar el import sin usar (F401):\n{ugly_report}"
assert history == ["chore: configura pre-commit"], (
    f"Solo el commit limpio debe haber entrado en el historial: {history}"
)
### BEGIN HIDDEN TESTS
assert ugly_after == UGLY_PY, (
    "ruff-format debe comprobar (--check), no reescribir el archivo: el commit falla y el archivo "
    "queda como lo dejó su autor."
)
with scratch_repo("04_git_profesional") as (hidden_repo, hidden_env):
    # Sin commit inicial: el primer commit ya lleva el proyecto entero y el archivo .env.
    hidden_config = pre_commit_config()
    stage_project(
        hidden_repo,
        hidden_env,
        {
            ".pre-commit-config.yaml": hidden_config,
            ".gitignore": ".ruff_cache/\n",
            "tests/test_settings.py": f'EXAMPLE_KEY = "{AWS_EXAMPLE}"\n',
        },
    )
    assert run_pre_commit("install", cwd=hidden_repo, env=hidden_env).returncode == 0
    env_leak = commit_files(
        hidden_repo,
        hidden_env,
        {"config/prod.env": f"GITHUB_TOKEN={PLANTED_TOKEN}\n"},
        "chore: configura producción",
        check=False,
    )
    env_report = env_leak.stdout + env_leak.stderr
    assert env_leak.returncode != 0 and "detect-secrets" in failed_hook_ids(env_report), (
        "Un token en un archivo que no es Python (config/prod.env) también debe bloquearse: el hook "
        f"detect-secrets va sobre todos los archivos, sin types: [python].\n{env_report}"
    )
    git("reset", "-q", "--", "config/prod.env", cwd=hidden_repo, env=hidden_env)
    tidy = commit_files(
        hidden_repo,
        hidden_env,
        {
            "src/churn/ratio.py": "def ratio(a, b):\n    return a / b\n",
            "config/app.yaml": "x:   [1,2]\n",
        },
        "feat: añade ratio",
        check=False,
    )
    assert tidy.returncode == 0, (
        "Un .py limpio y un .yaml (que no es Python) deben entrar: ruff solo mira archivos Python.\n"
        f"{tidy.stdout}{tidy.stderr}"
    )
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 50 min.*
#
# ## 7. Tu entregable: `.pre-commit-config.yaml` y un repositorio que lo usa
#
# El entregable del módulo es tu configuración, escrita en
# `workspace/04_git_profesional/.pre-commit-config.yaml`, y un repositorio de demostración,
# `workspace/04_git_profesional/demo_repo/`, que la usa con `pre-commit install`. Cada ejecución de
# esta sección re-crea el repositorio desde cero. Primero, el commit inicial con la configuración
# y, después, `pre-commit install`, que escribe los lanzadores en `.git/hooks/`:

# %%
DEMO_REPO = init_repo(WORKSPACE / "demo_repo", ENV)
CONFIG_PATH = WORKSPACE / ".pre-commit-config.yaml"
FEATURES_V1 = "def balance_per_product(balance, products):\n    return balance / products\n"
try:
    config_yaml = pre_commit_config()
except NotImplementedError:  # ejercicio sin resolver
    config_yaml = None
HOOKS_READY = config_yaml is not None
AWS_EXAMPLE_KEY = "AKIA" + "IOSFODNN7EXAMPLE"  # la clave de ejemplo de la documentación de AWS
if HOOKS_READY:
    CONFIG_PATH.write_text(config_yaml, encoding="utf-8")
    project_files = {
        ".pre-commit-config.yaml": config_yaml,
        ".gitignore": "__pycache__/\n.ruff_cache/\n",
        "src/churn/features.py": FEATURES_V1,
        # Un falso positivo documentado: detect-secrets lo encuentra y la baseline lo acepta.
        "tests/test_settings.py": (
            "# Clave de EJEMPLO de la documentación de AWS: no es real.\n"
            f'EXAMPLE_KEY = "{AWS_EXAMPLE_KEY}"\n'
        ),
    }
    # Escribe los archivos, un ruff.toml y la baseline de detect-secrets (detect-secrets scan).
    stage_project(DEMO_REPO, ENV, project_files)
    git(
        "commit",
        "-q",
        "-m",
        "chore: configura pre-commit con hooks locales",
        cwd=DEMO_REPO,
        env=ENV,
    )
    git("tag", "v0.1.0", cwd=DEMO_REPO, env=ENV)
    # `pre-commit install` lee default_install_hook_types de la configuración del repositorio.
    installed = run_pre_commit("install", cwd=DEMO_REPO, env=ENV)
    print(installed.stdout.strip() or installed.stderr.strip())
    display(Markdown(f"```yaml\n{config_yaml}```"))
else:
    print("pendiente: resuelve el Ejercicio 4 y vuelve a ejecutar esta sección")

# %% [markdown]
# Ahora repetimos dos errores de la §1 (y uno nuevo), con los hooks instalados. Primero, alguien intenta subir
# el CSV de entrenamiento:

# %%
if HOOKS_READY:
    churn_csv = make_churn(N_CUSTOMERS, SEED).to_csv(index=False)
    attempt = commit_files(
        DEMO_REPO, ENV, {"data/churn.csv": churn_csv}, "feat(data): añade el dataset", check=False
    )
    print(f"código de salida: {attempt.returncode}\n{attempt.stdout}{attempt.stderr}")
    print("hooks que fallaron:", failed_hook_ids(attempt.stdout + attempt.stderr))
    # Lo sacamos del stage y del disco: su sitio es DVC (módulo 05).
    git("rm", "-q", "--cached", "data/churn.csv", cwd=DEMO_REPO, env=ENV)
    (DEMO_REPO / "data" / "churn.csv").unlink()

# %% [markdown]
# Segundo, alguien pega en la configuración un token de GitHub «para probar»: es el control de
# seguridad del aeropuerto de la §5, esta vez con detect-secrets. La clave de ejemplo de AWS del
# primer commit no molesta (está en la baseline, revisada); el token nuevo sí:

# %%
if HOOKS_READY:
    planted = "ghp_" + "N4mQ8vR2tY6uW0xZ3aB7cD1eF5gH9iJ2kL4o"  # token falso, plantado a propósito
    leak = commit_files(
        DEMO_REPO,
        ENV,
        {"src/churn/settings.py": f'GITHUB_TOKEN = "{planted}"\n'},
        "feat(api): conecta con GitHub",
        check=False,
    )
    print(f"código de salida: {leak.returncode}\n{leak.stdout}{leak.stderr}")
    git("rm", "-q", "--cached", "src/churn/settings.py", cwd=DEMO_REPO, env=ENV)
    (DEMO_REPO / "src" / "churn" / "settings.py").unlink()

# %% [markdown]
# El token no llegó al historial: no hay nada que reescribir ni que revocar con prisas. (Si un
# secreto **ya** está en el historial, la única salida segura es revocarlo; borrarlo no basta,
# como viste con el CSV en la §1.)
#
# Tercero, un cambio correcto con un mensaje que no cuenta nada; y después, el mismo cambio con un
# mensaje convencional:

# %%
FEATURES_V2 = FEATURES_V1 + (
    "\n\ndef is_high_balance(balance, threshold=100_000):\n    return balance > threshold\n"
)
if HOOKS_READY:
    vague = commit_files(
        DEMO_REPO, ENV, {"src/churn/features.py": FEATURES_V2}, "cambios", check=False
    )
    print(f"'cambios' → código {vague.returncode}\n{vague.stdout}{vague.stderr}")

# %%
if HOOKS_READY:
    good = commit_files(
        DEMO_REPO,
        ENV,
        {"src/churn/features.py": FEATURES_V2},
        "feat(features): marca los saldos altos",
        check=False,
    )
    print(f"'feat(features): …' → código {good.returncode}")
    print(git("log", "--oneline", "--decorate", cwd=DEMO_REPO, env=ENV).stdout)

# %% [markdown]
# Y la comprobación final del entregable, con las herramientas reales: `pre-commit validate-config`
# sobre tu archivo y `pre-commit run --all-files` sobre el repositorio (lo mismo que ejecutará la
# CI en el módulo 09). Medimos cuánto tarda:

# %%
if HOOKS_READY:
    validation = run_pre_commit("validate-config", str(CONFIG_PATH), cwd=WORKSPACE, env=ENV)
    started = time.perf_counter()
    full_run = run_pre_commit("run", "--all-files", cwd=DEMO_REPO, env=ENV)
    LOCAL_CHECK_S = time.perf_counter() - started
    print("validate-config:", "OK" if validation.returncode == 0 else validation.stdout)
    print(f"run --all-files: código {full_run.returncode} en {LOCAL_CHECK_S:.2f} s")
    display(pd.Series(hook_statuses(full_run.stdout), name="estado"))
else:
    LOCAL_CHECK_S = 1.0  # valor de referencia hasta que resuelvas el Ejercicio 4

# %% [markdown]
# **Visión de negocio: ¿cuánto vale fallar en local?** Un error trivial (un `breakpoint()`, un CSV)
# que solo detecta la CI cuesta un ciclo completo: *push*, esperar el *pipeline*, leer el log,
# arreglar y volver a empujar. El tiempo local lo acabas de medir; el resto son supuestos que
# puedes cambiar (en el módulo 09 medirás tu propia CI):

# %%
# Supuestos (ilustrativos): equipo de 6, 2 errores triviales por persona y semana que el hook
# detecta, un ciclo de CI de 8 minutos hasta ver el fallo, 55 € por hora de ingeniería.
TEAM_SIZE = 6
TRIVIAL_ERRORS_PER_WEEK = 2
CI_FEEDBACK_MIN = 8
ENGINEER_EUR_PER_HOUR = 55
caught_per_month = TEAM_SIZE * TRIVIAL_ERRORS_PER_WEEK * 52 / 12
saved_hours = caught_per_month * (CI_FEEDBACK_MIN * 60 - LOCAL_CHECK_S) / 3600
pd.Series(
    {
        "comprobación local (s, medido)": round(LOCAL_CHECK_S, 2),
        "errores detectados en local al mes": round(caught_per_month),
        "horas de espera evitadas al mes": round(saved_hours, 1),
        "€ al mes (solo tiempo de espera)": round(saved_hours * ENGINEER_EUR_PER_HOUR),
        "minutos de CI ahorrados al mes": round(caught_per_month * CI_FEEDBACK_MIN),
    }
)

# %% [markdown]
# La cifra es modesta a propósito: solo cuenta la espera. El costo grande es el que no sale en la
# tabla: un CSV con datos personales en el historial (que exige reescribirlo y avisar a todo el
# equipo) o un `breakpoint()` que cuelga un job de entrenamiento nocturno. Y el límite: si tus hooks
# tardan 30 s, la gente usará `--no-verify` y habrás perdido las dos cosas. **Lo lento (tests,
# mypy de todo el proyecto) va a la CI**; en el hook, lo que tarda menos de unos segundos.
#
# ⏱ *Tiempo estimado hasta aquí: 4 h 05 min.*
#
# ## 8. Estrategias de ramas: GitFlow, GitHub Flow y trunk-based
#
# Una estrategia de ramas responde a una pregunta: **¿cuánto tiempo vive el trabajo separado de la
# rama principal antes de integrarse?** Cuanto más vive, más cuesta integrarlo (conflictos,
# sorpresas) y más control tienes sobre qué sale en cada release.
#
# **GitFlow** (Driessen, 2010): `main` solo recibe releases; el trabajo va a `develop` a través de
# ramas `feature`; las releases se estabilizan en ramas `release` y los parches urgentes en `hotfix`.
#
# ```mermaid
# gitGraph
#     commit id: "init"
#     commit id: "1.0.0" tag: "v1.0.0"
#     branch develop
#     checkout develop
#     commit id: "dev"
#     branch feature-region
#     checkout feature-region
#     commit id: "feat región"
#     checkout develop
#     merge feature-region
#     branch release-1.1
#     checkout release-1.1
#     commit id: "estabiliza"
#     checkout main
#     merge release-1.1 tag: "v1.1.0"
#     checkout develop
#     merge release-1.1
# ```
#
# **GitHub Flow**: `main` siempre desplegable; cada cambio en una rama corta con *pull request*,
# revisión y CI; al fusionar, se despliega.
#
# ```mermaid
# gitGraph
#     commit id: "v0.1.0" tag: "v0.1.0"
#     branch feat-saldo
#     checkout feat-saldo
#     commit id: "feat saldo"
#     checkout main
#     merge feat-saldo tag: "v0.2.0"
#     branch fix-nulos
#     checkout fix-nulos
#     commit id: "fix nulos"
#     checkout main
#     merge fix-nulos tag: "v0.2.1"
# ```
#
# **Trunk-based development**: todos integran en `main` (el *trunk*) al menos una vez al día, con
# ramas de horas o sin ramas; lo inacabado se esconde tras *feature flags*; la CI tiene que ser
# rápida y fiable porque es lo único que protege `main`.
#
# ```mermaid
# gitGraph
#     commit id: "a"
#     commit id: "b (flag off)"
#     commit id: "c"
#     commit id: "d (flag on)" tag: "v3.4.0"
#     commit id: "e"
# ```
#
# | | GitFlow | GitHub Flow | Trunk-based |
# |---|---|---|---|
# | vida de una rama | días a semanas | horas a días | horas (o ninguna) |
# | releases | planificadas | en cada merge | continuas |
# | varias versiones en producción | sí (ramas release/hotfix) | no | con ramas de release puntuales |
# | requisito clave | disciplina de ramas | CI en cada PR | CI rápida y fiable + feature flags |
#
# Dos fuentes para contrastar: el propio Driessen añadió en 2020 una nota a su artículo original
# recomendando un flujo más simple (como GitHub Flow) para software que se entrega de forma
# continua, y el programa de investigación DORA cuenta el *trunk-based development* entre las
# capacidades asociadas a un mejor rendimiento de entrega. Ninguna es «la buena» en abstracto:
# depende de cuántas versiones mantienes, de cada cuánto despliegas y de lo madura que es tu CI.
# La ayuda de decisión de abajo convierte esas preguntas en una recomendación con sus razones.
# Prueba el equipo del proyecto de churn (4 personas, 8 despliegues al mes, una sola versión, CI
# lenta y sin feature flags) y después cambia la CI y los flags:

# %%
show_aid("branching", SLUG)

# %% [markdown]
# ### GitHub Flow en tu repositorio de demostración
#
# Lo que acabas de leer, con git de verdad: una rama corta, un commit, la fusión con `--no-ff` (el
# commit de *merge* también pasa por el hook `commit-msg`) y el tag que calcula **tu**
# `next_version` a partir de los mensajes desde `v0.1.0`.

# %%
FEATURES_V3 = FEATURES_V2 + "\n\ndef tenure_years(months):\n    return months / 12\n"
if HOOKS_READY:
    git("switch", "-q", "-c", "feat/antiguedad", cwd=DEMO_REPO, env=ENV)
    commit_files(
        DEMO_REPO, ENV, {"src/churn/features.py": FEATURES_V3}, "feat(features): antigüedad en años"
    )
    git("switch", "-q", "main", cwd=DEMO_REPO, env=ENV)
    merge_message = "feat(features): fusiona la antigüedad en años"
    git("merge", "-q", "--no-ff", "-m", merge_message, "feat/antiguedad", cwd=DEMO_REPO, env=ENV)
    git("branch", "-q", "-d", "feat/antiguedad", cwd=DEMO_REPO, env=ENV)
    previous = latest_tag(DEMO_REPO, ENV)
    try:
        release = f"v{next_version(previous, commit_messages(DEMO_REPO, ENV, since=previous))}"
        git("tag", release, cwd=DEMO_REPO, env=ENV)
        print(f"{previous} → {release}")
    except NotImplementedError:
        print("pendiente: resuelve el Ejercicio 2 para etiquetar la release")
    print(git("log", "--graph", "--oneline", "--decorate", "--all", cwd=DEMO_REPO, env=ENV).stdout)

# %% [markdown]
# ## 9. Cuándo NO usar…
#
# | Práctica | Cuándo NO (o no todavía) | Alternativa |
# |---|---|---|
# | Conventional Commits con validación | Repositorio personal de exploración que nunca publica releases ni tiene usuarios | Mensajes claros sin formato; adóptalo cuando el código tenga consumidores |
# | Versión derivada de commits | Cuando la versión la dicta otro calendario (un regulador, un contrato) o el artefacto es un **modelo** (mismo código, datos nuevos) | Versión manual con checklist; registro de modelos (módulo 07) |
# | Hooks `commit-msg` / `pre-commit` lentos | Si tardan más de unos segundos: la gente usará `--no-verify` | Deja en el hook lo rápido y mueve tests y análisis completos a la CI (módulo 09) |
# | Hooks locales como única barrera | Nunca como garantía: se saltan con `--no-verify` y no se clonan | La CI ejecuta `pre-commit run --all-files` |
# | Hooks remotos de pre-commit | Entornos sin red (CI aislada, este curso) o cuando no puedes auditar su código | Hooks `repo: local` con herramientas fijadas en tu entorno (ADR-04-01) |
# | GitFlow | Despliegue continuo de un único servicio, equipos pequeños | GitHub Flow |
# | Trunk-based | Sin CI rápida y fiable ni feature flags | GitHub Flow mientras inviertes en CI |
#
# Un caso muy de ML: los **notebooks de exploración**. Un hook que rechaza notebooks con salidas
# (o que los limpia) ahorra diffs ilegibles, pero en un repositorio de análisis puntual que nadie
# revisará es ceremonia. La pregunta es siempre la misma: ¿quién lee este historial y qué decide
# con él?

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 4 h 15 min.*
#
# ## 10. Respuesta escrita (calificada a mano) · ADR de la estrategia de ramas del proyecto de churn
#
# El equipo del proyecto de churn: 2 data scientists y 2 ML engineers; la API de predicción se
# despliega unas 8 veces al mes y el modelo se reentrena una vez al mes; en producción solo hay una
# versión; la CI tarda 25 minutos y falla de vez en cuando por tests inestables; no hay feature
# flags.
#
# Escribe un ADR de **6 a 10 líneas** con las cuatro secciones (CONTEXTO / DECISIÓN / CONSECUENCIAS /
# ALTERNATIVAS RECHAZADAS) que elija la estrategia de ramas. Usa la ayuda de decisión de la §8 con
# esos datos y cita al menos una de sus razones; di **qué tendría que cambiar** para revisar la
# decisión, e incluye cómo encajan los hooks y la CI de este módulo.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-branching", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-04-02: GitHub Flow para el repositorio del modelo de churn**
#
# **CONTEXTO:** 4 personas, ~8 despliegues al mes de la API, una sola versión en producción,
# reentreno mensual. La CI tarda 25 min, tiene tests inestables y no hay feature flags.
#
# **DECISIÓN:** GitHub Flow: `main` siempre desplegable, ramas cortas (< 2 días) con PR, revisión y
# CI; Conventional Commits validados por pre-commit en local y de nuevo en CI; cada merge a `main`
# calcula la versión y etiqueta. La ayuda de decisión lo recomienda porque 8 releases al mes caen
# entre las planificadas y las continuas, y penaliza trunk-based por la CI lenta y la falta de flags.
#
# **CONSECUENCIAS:** (+) Una sola rama de larga vida; cada merge es una release pequeña y trazable.
# (+) Los hooks cortan datos y mensajes malos antes del PR. (−) Con 25 min de CI, cada PR espera;
# las ramas tienden a alargarse. (−) Sin flags, lo inacabado no puede llegar a `main`.
#
# **ALTERNATIVAS RECHAZADAS:** GitFlow (ramas develop/release son ceremonia con una sola versión y
# 4 personas); trunk-based (sin CI rápida ni flags romperíamos `main`). **Revisar** cuando la CI baje
# de ~10 min, sea fiable y haya flags (→ trunk-based), o si hubiera que mantener varias versiones de
# la API para clientes distintos (→ ramas de release).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Decisión coherente con los datos.** Elige una estrategia y la justifica con al
#   menos dos datos del enunciado (cadencia, versiones, CI, flags, tamaño) y una razón de la ayuda de
#   decisión. GitHub Flow es la respuesta esperada; trunk-based solo vale si el ADR incluye como
#   decisión arreglar antes la CI y añadir flags; GitFlow sin justificar las versiones múltiples: 0.
# - **1 punto · Trade-offs honestos.** Al menos una consecuencia negativa real y una alternativa
#   rechazada con su motivo. 0.5 si solo hay ventajas o las alternativas no tienen motivo.
# - **1 punto · Revisable y conectado.** Dice qué cambio del contexto reabriría la decisión, y cómo
#   encajan los hooks (pre-commit, commit-msg) y la CI (que repite las comprobaciones). 0.5 si solo
#   aparece uno de los dos.
# - Formato: faltan secciones o supera ~14 líneas → resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 11. Cierre
#
# ### Resumen
#
# - Un historial sin estructura no responde a «¿qué rompe?» ni a «¿qué versión toca?»; y lo que
#   entra en git (un CSV, un modelo) se queda en cada clon para siempre. Lo has medido.
# - **`git bisect run`** encuentra en ⌈log₂ n⌉ pruebas el commit que rompió algo, si le das un
#   script que diga bueno (0), malo (1) o «no se puede probar» (125); y siempre `git bisect reset`.
# - **Conventional Commits** pone estructura en la cabecera: `tipo(ámbito)!: descripción`,
#   más el pie `BREAKING CHANGE:`. Con él, la **versión semántica** se deriva sola: incompatible →
#   MAJOR, `feat` → MINOR, `fix`/`perf` → PATCH, y solo la mayor subida cuenta.
# - Un **hook** es un ejecutable en `.git/hooks/` que puede abortar un commit; debe ser rápido,
#   ejecutable y autosuficiente. No se clona y se salta con `--no-verify`: la CI repite las
#   comprobaciones.
# - **pre-commit** versiona la configuración de los hooks; con hooks `repo: local` y lenguajes
#   `system`/`pygrep`/`fail` funciona sin red en uno o dos segundos: ruff (lint y formato) solo en
#   archivos Python, y detect-secrets en todos, con una baseline versionada de falsos positivos
#   revisados.
# - La **estrategia de ramas** se elige por cadencia, número de versiones en producción y madurez
#   de la CI; GitHub Flow es el punto de partida razonable para un equipo pequeño con una versión.
#
# ### Checklist del entregable (`.pre-commit-config.yaml`)
#
# - [ ] Los tests visibles de los Ejercicios 1 a 4 pasan.
# - [ ] `workspace/04_git_profesional/.pre-commit-config.yaml` existe, `pre-commit validate-config`
#   lo acepta y solo usa hooks `repo: local`.
# - [ ] En `workspace/04_git_profesional/demo_repo/`, `pre-commit run --all-files` pasa, el CSV y
#   el mensaje «cambios» fueron rechazados y hay dos tags calculados por tu `next_version`.
# - [ ] El token plantado fue rechazado por detect-secrets y la clave de ejemplo de AWS de
#   `tests/test_settings.py` pasa gracias a `.secrets.baseline`.
# - [ ] Tu ADR de ramas tiene las cuatro secciones y dice qué lo haría cambiar.
#
# ### Autoevaluación
#
# 1. ¿Qué versión sale de `1.9.3` con los commits `docs: …`, `fix: …` y
#    `refactor!: …`? ¿Y si quitas el `!`?
# 2. Un compañero dice: «el hook ya valida los mensajes, no hace falta comprobarlo en CI». ¿Qué dos
#    demostraciones de la §5 le enseñas?
# 3. ¿Por qué el hook `no-breakpoint` lleva `types: [python]` y qué falso positivo evita?
# 4. Reentrenas el modelo con datos nuevos y el mismo código. ¿Sube la versión del paquete? ¿Dónde
#    queda registrada la nueva versión del modelo?
# 5. ¿Qué tendría que cambiar en el equipo de la §10 para que trunk-based fuera la mejor opción?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. `2.0.0` (el `!` gana); sin él, `1.9.4` (el `fix`; `docs` y `refactor` no publican).
# 2. `git commit --no-verify` entra sin control, y un `git clone` no trae `.git/hooks/`.
# 3. Porque `pygrep` buscaría también en `.md`, `.txt`…: la documentación que explica cómo depurar
#    con `breakpoint()` haría fallar el commit. 4. No, si el código no cambia; la versión del modelo
#    la lleva el registro de modelos (módulo 07), con el hash de los datos (DVC, módulo 05).
# 5. CI rápida (minutos) y fiable, feature flags, y la costumbre de integrar al menos a diario.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [git bisect](../18_glosario/18_glosario.ipynb#git-bisect) ·
# [búsqueda binaria](../18_glosario/18_glosario.ipynb#busqueda-binaria) ·
# [Conventional Commits](../18_glosario/18_glosario.ipynb#conventional-commits) ·
# [cabecera / cuerpo / pie (footer)](../18_glosario/18_glosario.ipynb#anatomia-commit) ·
# [breaking change](../18_glosario/18_glosario.ipynb#breaking-change) ·
# [SemVer (MAJOR, MINOR, PATCH)](../18_glosario/18_glosario.ipynb#semver) ·
# [tag](../18_glosario/18_glosario.ipynb#tag-git) ·
# [changelog](../18_glosario/18_glosario.ipynb#changelog) ·
# [git hook](../18_glosario/18_glosario.ipynb#git-hook) ·
# [shebang](../18_glosario/18_glosario.ipynb#shebang) ·
# [pre-commit](../18_glosario/18_glosario.ipynb#pre-commit) ·
# [hook local](../18_glosario/18_glosario.ipynb#hook-local) ·
# [`--no-verify`](../18_glosario/18_glosario.ipynb#no-verify) ·
# [GitFlow](../18_glosario/18_glosario.ipynb#gitflow) ·
# [GitHub Flow](../18_glosario/18_glosario.ipynb#github-flow) ·
# [trunk-based development](../18_glosario/18_glosario.ipynb#trunk-based) ·
# [feature flag](../18_glosario/18_glosario.ipynb#feature-flag) ·
# [pull request](../18_glosario/18_glosario.ipynb#pull-request).
#
# ### Para saber más
#
# - *Conventional Commits 1.0.0*, conventionalcommits.org.
# - T. Preston-Werner. *Semantic Versioning 2.0.0*, semver.org.
# - *Commitizen* (documentación, `cz bump`): commitizen-tools.github.io/commitizen.
# - *githooks* (documentación de git): git-scm.com/docs/githooks.
# - *git-bisect* (documentación de git, sección «Bisect run»): git-scm.com/docs/git-bisect.
# - *Ruff* (`ruff check`, `ruff format --check`): docs.astral.sh/ruff.
# - *detect-secrets* (baseline y `detect-secrets-hook`): github.com/Yelp/detect-secrets.
# - *pre-commit*: pre-commit.com (hooks locales, `language`, `stages`).
# - V. Driessen (2010, nota de 2020). *A successful Git branching model*, nvie.com.
# - *GitHub flow*, docs.github.com; *Trunk Based Development*, trunkbaseddevelopment.com.
# - DORA. *Capabilities: Trunk-based development*, dora.dev.
#
# **Siguiente:** Módulo 05 · Ingeniería de datos + DVC: el sitio correcto para el CSV que el hook
# `no-data-files` acaba de rechazar.
