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
# # Módulo 03 · Entornos profesionales
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 2 · Gestión del caos (semanas 4–6) |
# | **Tiempo estimado** | ≈ 4 h 35 min: lectura y demos 100 min, ejercicios 145 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulos 00 y 01 (funciones con tipos, excepciones, `pathlib`). Saber qué es `pip install`. |
# | **Entregable** | `workspace/03_entornos/pyproject.toml` del proyecto de churn, validado, y su `requirements.txt` auditado |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** las tres capas de un entorno (intérprete, paquetes Python, librerías nativas) y qué
#    falla cuando una no está declarada (§1 y autoevaluación).
# 2. **Crear** un entorno virtual y **demostrar** que está aislado del intérprete del curso
#    (Ejercicio 1, autocalificado).
# 3. **Auditar** un `requirements.txt` con `packaging`: líneas inválidas, sin fijar, duplicadas y en
#    conflicto (Ejercicio 2, autocalificado).
# 4. **Escribir** un `pyproject.toml` PEP 621 que pasa `validate-pyproject` y las reglas del equipo
#    (Ejercicio 3, autocalificado).
# 5. **Bloquear** dependencias con `uv lock` sin red, **comprobar** el lock (hashes sha256, rangos,
#    origen, al día) e **instalarlo** tal cual con `uv sync --frozen` (Ejercicio 4, autocalificado).
# 6. **Decidir** entre venv, conda, Poetry, uv y Docker para un equipo concreto y **documentarlo** en
#    un ADR (§3, §9 y respuesta escrita, calificada a mano).
#
# > **Mentalidad Senior (Fase 2):** Si no puedo reproducir tu resultado en MI máquina, tu trabajo no
# > existe.

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Igual que en el módulo 00: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y `raise NotImplementedError()` son tuyas; debajo de cada una hay tests
# visibles (si no imprimen nada, pasan) y, al calificar, tests ocultos con casos límite.
#
# **Todo corre de verdad y sin red.** Crearás entornos virtuales reales, validarás `pyproject.toml`
# con `validate-pyproject`, analizarás requisitos con `packaging` (la misma biblioteca que usa `pip`
# por dentro) y bloquearás e instalarás dependencias con `uv` contra un índice de paquetes local.
# Nada se descarga de internet. Los entornos de prueba viven en
# una carpeta temporal dentro de tu carpeta de trabajo, `workspace/03_entornos/_tmp/`, que el cuaderno
# crea al principio y borra al final.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 2_000  # filas del conjunto sintético de clientes para el modelo de la §1
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import json
import os
import shutil
import site
import subprocess
import sys
import time
import tomllib
import venv
import warnings
from importlib import metadata
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from validate_pyproject import api as pyproject_api
from validate_pyproject import errors as pyproject_errors

from mlops_course.lessons.m03_envs import (
    build_local_index,
    build_wheel,
    find_uv,
    findings_markdown,
    installed_closure,
    pinned_lines,
    policy_violations,
    wheel_info,
)
from mlops_course.machinery.decision_aids import show_aid
from mlops_course.machinery.workspace import module_workspace

# Tu carpeta de trabajo para este módulo (se crea si no existe).
WORKSPACE = module_workspace("03_entornos")
# Carpeta temporal para los entornos de prueba: se recrea vacía en cada ejecución y se borra al final.
SCRATCH = WORKSPACE / "_tmp"
shutil.rmtree(SCRATCH, ignore_errors=True)
SCRATCH.mkdir()
WORKSPACE

# %% [markdown]
# ## 1. El problema: «en mi máquina funciona»
#
# Un modelo no es solo código: es código **más** el entorno donde corre. Ese entorno tiene tres capas,
# y cada una que no declaras es una apuesta:
#
# ```mermaid
# flowchart TB
#     subgraph E["Entorno de ejecución"]
#         direction TB
#         C["Tu código: src/churn/…"] --> P["Paquetes Python: pandas, scikit-learn, numpy…<br/>(pyproject.toml + lock)"]
#         P --> N["Librerías nativas: BLAS, OpenMP, CUDA, glibc<br/>(dentro de los wheels o del sistema)"]
#         N --> I["Intérprete: Python 3.11 / 3.12<br/>(requires-python)"]
#     end
#     I --> S["Sistema operativo y hardware<br/>(Docker / Dev Containers)"]
# ```
#
# **Metáfora: la receta que dice «harina».** Una receta que pide «harina» sin decir cuál funciona en
# tu cocina, con tu marca de siempre. En otra cocina sale otro pan. `pandas` sin versión es esa
# harina: hoy instala una, dentro de seis meses otra. Un **lock file** es la lista de la compra con
# marca, lote y peso exactos; un **contenedor** es llevarte tu propia cocina.
#
# Veamos dos fallos reales de esa apuesta, con las herramientas de este entorno.
#
# ### Fallo 1: un modelo guardado con otra versión de scikit-learn
#
# scikit-learn guarda en cada modelo serializado la versión con la que se entrenó. Si lo cargas con
# otra, avisa: *puede romper el código o dar resultados inválidos*. Entrenamos un modelo de churn y
# **simulamos** que venía de una laptop con scikit-learn 1.2.2 cambiando ese sello de versión:

# %%
from sklearn.tree import DecisionTreeClassifier

from mlops_course.lessons.common import make_churn

churn = make_churn(n_rows=N_CUSTOMERS, seed=SEED)
churn.shape

# %%
features = ["age", "tenure_months", "balance_eur", "num_products", "credit_score"]
model = DecisionTreeClassifier(max_depth=4, random_state=SEED)
model.fit(churn[features].astype(float), churn["churned"])

# El estado que pickle guardaría, con el sello de versión que deja scikit-learn.
state = model.__getstate__()
print("versión guardada en el modelo:", state["_sklearn_version"])
state["_sklearn_version"] = "1.2.2"  # el modelo «viene» de otro entorno

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loaded = DecisionTreeClassifier.__new__(DecisionTreeClassifier)
    loaded.__setstate__(state)  # lo mismo que hace pickle.load al cargar
for warning in caught:
    print(f"{type(warning.message).__name__}: {str(warning.message)[:160]}…")

# %% [markdown]
# El aviso no es decorativo: entre versiones cambian valores por defecto, atributos internos y
# algoritmos. Con un aviso tienes suerte; lo peor es cuando todo carga y **las predicciones cambian en
# silencio**. La solución no es silenciar el aviso, es que el entorno de inferencia tenga **la misma
# versión** que el de entrenamiento: fijarla en el lock y guardarla junto al modelo (módulos 06–07).
#
# ### Fallo 2: el mismo código, otro resultado
#
# pandas 3.0 cambió el tipo por defecto de las columnas de texto: de `object` (pandas 2.x) a un tipo
# `str` dedicado. La misma línea da resultados distintos según la versión instalada:

# %%
text_column = pd.Series(["cliente_a", None])
print("pandas", pd.__version__, "→ dtype de una columna de texto:", repr(text_column.dtype))
# Con pandas 2.x esta misma línea imprime dtype('O'): un `df.dtypes == object` que antes filtraba las
# columnas de texto deja de encontrarlas con pandas 3, sin ningún error.

# %% [markdown]
# Si tu `requirements.txt` dice `pandas` (sin versión), quien instale hoy recibe la 3.x y quien
# instaló hace un año tiene la 2.x. Los dos ejecutan «el mismo» código. Ninguno ve un error.
#
# ### ¿Dónde estamos ahora?
#
# Cada intérprete de Python sabe dónde vive (`sys.prefix`) y de qué instalación base sale
# (`sys.base_prefix`). Si son distintos, estás dentro de un **entorno virtual**:

# %%
n_installed = len({canonicalize_name(d.metadata["Name"]) for d in metadata.distributions()})
pd.Series(
    {
        "intérprete": sys.executable,
        "versión de Python": sys.version.split()[0],
        "sys.prefix (este entorno)": sys.prefix,
        "sys.base_prefix (Python base)": sys.base_prefix,
        "¿entorno virtual?": sys.prefix != sys.base_prefix,
        "paquetes instalados": n_installed,
    }
)

# %% [markdown]
# Cientos de paquetes: los del curso y todo lo que arrastran. Si instalaras tu proyecto de churn aquí,
# «funcionaría» gracias a paquetes que tu proyecto nunca declaró. Por eso el primer paso es **aislar**.
#
# ⏱ *Tiempo estimado hasta aquí: 30 min.*

# %% [markdown]
# ## 2. Aislar: cómo funciona un entorno virtual
#
# Un entorno virtual (PEP 405, módulo `venv` de la biblioteca estándar) es sorprendentemente poco:
#
# - una carpeta con un archivo **`pyvenv.cfg`** que dice cuál es el Python base;
# - un **`bin/python`** (en Windows, `Scripts\python.exe`) que es un enlace o copia del intérprete base;
# - un **`site-packages` propio y vacío**, donde `pip` instalará los paquetes del proyecto.
#
# Al arrancar, Python busca `pyvenv.cfg` junto a su ejecutable; si lo encuentra, fija `sys.prefix` en
# esa carpeta y usa su `site-packages` en lugar del de la instalación base. «Activar» el entorno
# (`source .venv/bin/activate`) solo pone su `bin/` al principio del `PATH`: llamar directamente a
# `.venv/bin/python` es exactamente lo mismo, y es lo que hacen los scripts y la CI.
#
# **Metáfora: el piso compartido.** El intérprete base es el edificio (estructura, agua, luz); cada
# entorno virtual es un piso con su propia despensa. Lo que compras para tu piso no aparece en la
# despensa del vecino, y viceversa.
#
# Creamos uno de verdad en la carpeta temporal (sin `pip`: tarda milisegundos):

# %%
demo_env = SCRATCH / "demo-venv"
started = time.perf_counter()
venv.create(demo_env, with_pip=False, clear=True)
elapsed_ms = (time.perf_counter() - started) * 1000
demo_python = demo_env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
print(f"entorno creado en {elapsed_ms:.0f} ms")
print((demo_env / "pyvenv.cfg").read_text(encoding="utf-8"))
sorted(str(p.relative_to(demo_env)) for p in demo_env.iterdir())

# %%
# Preguntamos al intérprete del entorno nuevo dónde vive: otro proceso, otro sys.prefix.
where = subprocess.run(
    [str(demo_python), "-c", "import sys; print(sys.prefix); print(sys.base_prefix)"],
    capture_output=True,
    text=True,
    check=True,
)
print(where.stdout)
# ¿Ve los paquetes de este cuaderno? Intentamos importar pandas desde el entorno nuevo.
no_pandas = subprocess.run(
    [str(demo_python), "-c", "import pandas"], capture_output=True, text=True, check=False
)
print("código de salida:", no_pandas.returncode)
print(no_pandas.stderr.strip().splitlines()[-1])

# %% [markdown]
# `ModuleNotFoundError`: el entorno está vacío. Eso es exactamente lo que queremos: todo lo que tu
# proyecto necesite tendrá que estar **declarado**.
#
# ### El agujero: variables de entorno
#
# El aislamiento de `venv` es de *rutas*, no de *procesos*. La variable `PYTHONPATH` añade carpetas a
# la búsqueda de módulos de **cualquier** intérprete que la herede. Si tu terminal, tu IDE o tu CI la
# exportan, el entorno «aislado» vuelve a ver paquetes que no declara:

# %%
import mlops_course

leaky_env = {**os.environ, "PYTHONPATH": str(Path(mlops_course.__file__).resolve().parents[1])}
check_import = "import mlops_course; print('mlops_course visible desde', mlops_course.__file__)"
leak = subprocess.run(
    [str(demo_python), "-c", check_import],
    capture_output=True,
    text=True,
    env=leaky_env,
    check=False,
)
print("sin -I:", leak.stdout.strip() or leak.stderr.strip().splitlines()[-1])
isolated = subprocess.run(
    [str(demo_python), "-I", "-c", check_import],
    capture_output=True,
    text=True,
    env=leaky_env,
    check=False,
)
print("con -I:", isolated.stdout.strip() or isolated.stderr.strip().splitlines()[-1])

# %% [markdown]
# La opción **`-I`** (modo aislado) hace que Python ignore todas las variables `PYTHON*` y el
# `site-packages` del usuario (`~/.local/lib/…`). Úsala cuando quieras *demostrar* que algo funciona
# solo con lo declarado: es la diferencia entre «funciona en mi terminal» y «funciona en un entorno
# limpio». La usarás ahora mismo, en el Ejercicio 1.

# %% [markdown]
# ### Ejercicio 1 (funcional) · Demuestra que tu entorno está aislado
#
# Es el paso **funcional**: un entorno que se crea desde cero y demuestra, preguntándole a su
# propio intérprete, que solo ve lo suyo.
#
# Decir «uso un entorno virtual» no prueba nada; **interrogar** al intérprete, sí. Escribe
# `probe_venv(env_dir)` que:
#
# 1. **Acepte** `env_dir` como `str` o como `Path` (conviértelo con `Path(env_dir)`).
# 2. **No borre nada ajeno**: si `env_dir` existe y no es una carpeta, o es una carpeta **no vacía sin
#    `pyvenv.cfg`** (no es un entorno virtual), lanza `ValueError` **sin tocar nada**: el paso 3 borra
#    el contenido de la carpeta, y `probe_venv(WORKSPACE)` no puede llevarse por delante tu trabajo.
#    Una carpeta que no existe, una vacía o un entorno virtual anterior son destinos válidos.
# 3. **Cree** el entorno con `venv.EnvBuilder(with_pip=False, clear=True)`: sin pip (tarda
#    milisegundos y el entorno nace vacío), y `clear=True` lo recrea desde cero si ya existía, así la
#    función se puede ejecutar dos veces. No des acceso al `site-packages` del sistema.
# 4. **Ejecute su intérprete** (`env_dir/bin/python`; en Windows `env_dir/Scripts/python.exe`) en un
#    proceso aparte **con `-I`** (modo aislado: ignora las variables `PYTHON*`, el `site-packages`
#    del usuario y la carpeta actual) y un pequeño programa que imprima en JSON `sys.prefix`,
#    `sys.base_prefix`, `site.getsitepackages()` y si `importlib.util.find_spec("mlops_course")`
#    encuentra el paquete del curso: los datos son los del entorno nuevo, no los del cuaderno.
# 5. **Devuelva** un diccionario con exactamente las claves `"python"` (ruta del intérprete, `str`),
#    `"prefix"` y `"base_prefix"` (`str`), `"site_packages"` (lista de `str`) y
#    `"course_importable"` (`bool`).
#
# ```text
# probe_venv(SCRATCH / "churn-env")  →  {"python": ".../churn-env/bin/python",
#                                        "prefix": ".../churn-env", "base_prefix": "/usr/...",
#                                        "site_packages": [".../churn-env/lib/python3.11/site-packages"],
#                                        "course_importable": False}
# ```


# %% nbgrader={"grade": false, "grade_id": "probe", "locked": false, "schema_version": 3, "solution": true, "task": false}
def probe_venv(env_dir: str | Path) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    ### BEGIN SOLUTION
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} existe y no es una carpeta: no creo un entorno encima.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(
                f"{env_dir} no está vacía y no es un entorno virtual (no tiene pyvenv.cfg): "
                "no la borro. Elige una carpeta nueva."
            )
    venv.EnvBuilder(with_pip=False, clear=True, system_site_packages=False).create(env_dir)
    bin_dir, exe_name = ("Scripts", "python.exe") if os.name == "nt" else ("bin", "python")
    python = env_dir / bin_dir / exe_name
    probe_code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,\n"
        "    'site_packages': site.getsitepackages(),\n"
        "    'course_importable': importlib.util.find_spec('mlops_course') is not None}))\n"
    )
    completed = subprocess.run(
        [str(python), "-I", "-c", probe_code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    facts = json.loads(completed.stdout)
    facts["python"] = str(python)
    return facts
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-venv-creado", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4, R5]: el entorno existe, su intérprete vive en él (no en el del
# cuaderno) y el resultado tiene las claves y los tipos pedidos.
import sys
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    env_path = Path(tmp) / "churn-env"
    facts = probe_venv(env_path)
    assert isinstance(facts, dict), f"probe_venv debe devolver un dict, no {type(facts).__name__}."
    expected_keys = {"python", "prefix", "base_prefix", "site_packages", "course_importable"}
    assert set(facts) == expected_keys, (
        f"Las claves deben ser {sorted(expected_keys)}: {sorted(facts)}"
    )
    assert (env_path / "pyvenv.cfg").is_file(), (
        "No hay pyvenv.cfg: ¿has creado el entorno en env_dir?"
    )
    pip_dirs = [
        *env_path.glob("lib*/python*/site-packages/pip"),
        *env_path.glob("Lib/site-packages/pip"),
    ]
    assert not pip_dirs, (
        "El entorno nuevo trae pip: créalo con with_pip=False, que tarda milisegundos y lo deja vacío."
    )
    assert Path(facts["python"]).is_file(), (
        f"'python' debe ser la ruta del intérprete: {facts['python']}"
    )
    assert Path(facts["prefix"]).resolve() == env_path.resolve(), (
        f"El sys.prefix del entorno debe ser {env_path}, y es {facts['prefix']}: ¿preguntas al "
        "intérprete del entorno (un proceso aparte) o al del cuaderno?"
    )
    assert Path(facts["prefix"]).resolve() != Path(sys.prefix).resolve(), (
        "El prefix coincide con el del cuaderno: no estás interrogando al entorno nuevo."
    )
    assert Path(facts["base_prefix"]).resolve() == Path(sys.base_prefix).resolve(), (
        f"base_prefix debe ser el Python base ({sys.base_prefix}); es {facts['base_prefix']}."
    )
### BEGIN HIDDEN TESTS
with tempfile.TemporaryDirectory() as hidden_tmp:
    again_path = Path(hidden_tmp) / "env-twice"
    first_facts = probe_venv(str(again_path))
    (again_path / "lib" / "marker.txt").write_text("x", encoding="utf-8")
    second_facts = probe_venv(again_path)
    assert first_facts["prefix"] == second_facts["prefix"], (
        "Dos llamadas deben dar el mismo prefix."
    )
    assert not (again_path / "lib" / "marker.txt").exists(), (
        "La segunda llamada debe recrear el entorno desde cero (clear=True)."
    )
    empty_dir = Path(hidden_tmp) / "vacia"
    empty_dir.mkdir()
    assert Path(probe_venv(empty_dir)["prefix"]).resolve() == empty_dir.resolve(), (
        "Una carpeta vacía que ya existe es un destino válido: solo rechaza carpetas NO vacías sin "
        "pyvenv.cfg."
    )
    for key in ("python", "prefix", "base_prefix"):
        assert type(second_facts[key]) is str, (
            f"facts[{key!r}] debe ser str (no {type(second_facts[key]).__name__}): conviértelo con "
            "str() para que el resultado se pueda guardar en JSON."
        )
    assert isinstance(second_facts["site_packages"], list) and all(
        type(p) is str for p in second_facts["site_packages"]
    ), f"facts['site_packages'] debe ser una lista de str: {second_facts['site_packages']!r}"
    assert type(second_facts["course_importable"]) is bool, (
        f"facts['course_importable'] debe ser bool: {second_facts['course_importable']!r}"
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-venv-aislado", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: el entorno no ve los paquetes del cuaderno (ni por site-packages ni por
# PYTHONPATH).
import os
import subprocess
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    env_path = Path(tmp) / "iso-env"
    facts = probe_venv(env_path)
    assert facts["course_importable"] is False, (
        "El paquete del curso es importable desde el entorno nuevo: no está aislado."
    )
    assert facts["site_packages"] and all(
        Path(p).resolve().is_relative_to(env_path.resolve()) for p in facts["site_packages"]
    ), f"Todos los site-packages deben estar dentro del entorno: {facts['site_packages']}"
    config = (env_path / "pyvenv.cfg").read_text(encoding="utf-8")
    assert "include-system-site-packages = false" in config, (
        "pyvenv.cfg dice que el entorno ve el site-packages del sistema: no uses system_site_packages."
    )
    # Comprobación independiente: el intérprete del entorno no encuentra pandas.
    independent = subprocess.run(
        [facts["python"], "-I", "-c", "import pandas"], capture_output=True, check=False
    )
    assert independent.returncode != 0, "pandas es importable desde el entorno nuevo."
### BEGIN HIDDEN TESTS
import mlops_course

previous = os.environ.get("PYTHONPATH")
os.environ["PYTHONPATH"] = str(Path(mlops_course.__file__).resolve().parents[1])
try:
    with tempfile.TemporaryDirectory() as hidden_tmp:
        leaky_facts = probe_venv(Path(hidden_tmp) / "leaky-env")
finally:
    if previous is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = previous
assert leaky_facts["course_importable"] is False, (
    "Con PYTHONPATH apuntando al curso, tu sonda ve mlops_course: ejecuta el intérprete con -I "
    "(modo aislado) para ignorar las variables PYTHON*."
)
previous_cwd = Path.cwd()
with tempfile.TemporaryDirectory() as hidden_tmp:
    decoy = Path(hidden_tmp) / "carpeta-actual" / "mlops_course"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("", encoding="utf-8")
    os.chdir(decoy.parent)
    try:
        cwd_facts = probe_venv(Path(hidden_tmp) / "cwd-env")
    finally:
        os.chdir(previous_cwd)
assert cwd_facts["course_importable"] is False, (
    "Con un paquete mlops_course en la carpeta actual, tu sonda lo ve: ejecuta el intérprete con -I "
    "(modo aislado), que tampoco añade la carpeta actual a sys.path. Vaciar las variables de "
    "entorno no basta."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-venv-seguro", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: probe_venv no borra una carpeta con datos ni un archivo.
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    ok_facts = probe_venv(Path(tmp) / "ok-env")
    assert ok_facts["course_importable"] is False, (
        "probe_venv debe funcionar con una carpeta nueva."
    )
    precious = Path(tmp) / "proyecto"
    precious.mkdir()
    (precious / "datos.csv").write_text("id,churned\n1,0\n", encoding="utf-8")
    try:
        probe_venv(precious)
    except ValueError:
        pass
    else:
        raise AssertionError(
            "probe_venv(carpeta con datos y sin pyvenv.cfg) debe lanzar ValueError: clear=True la "
            "habría vaciado."
        )
    assert (precious / "datos.csv").is_file(), "probe_venv borró datos.csv: valida ANTES de crear."
### BEGIN HIDDEN TESTS
with tempfile.TemporaryDirectory() as hidden_tmp:
    a_file = Path(hidden_tmp) / "archivo.txt"
    a_file.write_text("no soy una carpeta", encoding="utf-8")
    try:
        probe_venv(a_file)
    except ValueError:
        pass
    else:
        raise AssertionError("probe_venv(archivo) debe lanzar ValueError: no es una carpeta.")
    assert a_file.read_text(encoding="utf-8") == "no soy una carpeta", "probe_venv tocó el archivo."
### END HIDDEN TESTS

# %% [markdown]
# Tu función, aplicada al entorno del proyecto de churn en la carpeta temporal, junto al intérprete
# de este cuaderno:

# %%
try:
    churn_env_facts = probe_venv(SCRATCH / "churn-env")
    comparison = pd.DataFrame(
        {
            "este cuaderno": [sys.prefix, site.getsitepackages(), True],
            "entorno nuevo": [
                churn_env_facts["prefix"],
                churn_env_facts["site_packages"],
                churn_env_facts["course_importable"],
            ],
        },
        index=["prefix", "site_packages", "¿ve mlops_course?"],
    )
    display(comparison)
except NotImplementedError:
    print("Resuelve el Ejercicio 1 para ver la comparación.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 20 min.*

# %% [markdown]
# ## 3. Análisis comparativo: venv, conda, Poetry, uv y Docker
#
# `venv` aísla, pero no **declara** ni **fija** nada: eso lo hacen las herramientas que van encima.
#
# | | venv + pip | conda | Poetry | uv | Docker dev env |
# |---|---|---|---|---|---|
# | Qué gestiona | paquetes Python (wheels/sdists de PyPI) | paquetes de cualquier lenguaje (conda-forge) | proyecto Python + dependencias + publicación | proyecto Python + dependencias + versiones de Python | el sistema operativo entero |
# | Dónde declaras | `pyproject.toml` o `requirements.txt` | `environment.yml` | `pyproject.toml` | `pyproject.toml` | `Dockerfile` + `devcontainer.json` |
# | Lock file | no (`pip freeze` es una foto, no un lock) | con `conda-lock` (aparte) | `poetry.lock` | `uv.lock` (uno para todas las plataformas) | la imagen congela el resultado |
# | Dependencias nativas / no Python | solo lo que venga dentro de los wheels | sí: CUDA, MKL, GDAL, R… | como pip | como pip | sí: `apt`, binarios |
# | Costo de adopción | ninguno: viene con Python | instalador aparte, segundo ecosistema | instalación aparte | un binario | Docker y un editor compatible |
#
# No hay ganador universal. Dos preguntas deciden casi siempre:
#
# 1. **¿Tus dependencias son solo Python?** Si necesitas CUDA, GDAL o R, pip no las instala: conda o un
#    contenedor. Si no, conda añade un segundo ecosistema de paquetes sin necesidad.
# 2. **¿Necesitas un lock?** Para una aplicación que despliegas (un modelo servido, un pipeline), sí:
#    uv o Poetry. Para un análisis de una tarde, `venv` y un `requirements.txt` fijado bastan.
#
# Prueba la ayuda de decisión con tu caso: marca «lock file» y «sistemas distintos» con un equipo de
# 3 y luego de 8 personas; después añade dependencias nativas.

# %%
show_aid("environment_tools", "03_entornos")

# %% [markdown]
# **Este curso, como caso real.** El repositorio del curso usa `pyproject.toml` con versiones exactas
# y un `environment.yml` para Binder que repite las mismas líneas (un test comprueba que coinciden).
# Binder construye con conda (es lo que soporta de serie) y los desarrolladores usan `venv`; uv está
# instalado (lo usarás en la §8) pero el curso no tiene `uv.lock`, y no hay Docker porque Binder no
# lo ofrece dentro de la sesión. Es una decisión con trade-offs, y por eso merece un ADR (§9).
#
# ### Cuándo NO usar cada herramienta
#
# | Herramienta | No la uses cuando… | Mejor… |
# |---|---|---|
# | venv + pip «a pelo» | despliegas a producción y necesitas el mismo entorno mañana | un lock (uv, Poetry, pip-tools) |
# | conda | tu proyecto es Python puro | venv/uv: un solo ecosistema |
# | Poetry | dependes de paquetes no Python, o necesitas gestionar versiones de Python | conda/Docker; uv |
# | uv | tu organización exige herramientas con años de trayectoria y soporte | Poetry o pip-tools |
# | Docker dev env | trabajas solo en un proyecto sin dependencias especiales, o en Binder | venv |
# | Un lock file | publicas una **biblioteca** en PyPI | rangos en `pyproject.toml`: el lock es de quien instala |
# | Versiones exactas en `pyproject.toml` | es una biblioteca que otros combinan con sus dependencias | rangos compatibles |
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*

# %% [markdown]
# ## 4. Estrategias de fijado de versiones
#
# Una **restricción de versión** (PEP 440) dice qué versiones acepta tu proyecto. Hay cuatro
# estrategias, y cada una falla de una forma distinta:
#
# | Estrategia | Ejemplo | Acepta | Cómo falla |
# |---|---|---|---|
# | Libre | `pandas` | cualquiera | la próxima versión mayor rompe tu código sin que cambies nada (Fallo 2) |
# | Sin techo | `pandas>=2.2` | 2.2 en adelante, incluida la 3.x y la 4.x | igual que libre, pero más tarde |
# | Compatible | `pandas~=2.2` | `>=2.2, <3` | se queda atrás: no recibe la 3.x hasta que la pruebes y subas el techo |
# | Acotada | `pandas>=2.2,<4` | de 2.2 a 3.x | el techo es una promesa: hay que moverlo cuando sale la 4 |
# | Exacta | `pandas==3.1.1` | solo esa | en una biblioteca, choca con cualquier otro paquete que pida otra: `ResolutionImpossible` |
#
# Ojo con `~=`: `~=2.2` significa `>=2.2, <3`, pero `~=2.2.0` significa `>=2.2.0, <2.3`. El último
# número que escribes es el que puede subir.
#
# **La regla práctica (abstracto frente a concreto, D. Stufft, 2013):** en `pyproject.toml` declaras
# **rangos** (lo que tu código soporta); en el lock o en el `requirements.txt` de despliegue, versiones
# **exactas** (lo que se probó). No son alternativas: son dos archivos con dos trabajos.
#
# `packaging` (la biblioteca de la PyPA que usa `pip` por dentro) evalúa estas restricciones. Con
# una muestra de versiones publicadas de pandas:

# %%
pandas_releases = ["1.5.3", "2.0.0", "2.2.3", "3.0.0", "3.1.1"]
strategies = ["", ">=2.2", "~=2.2", ">=2.2,<4", "==3.1.1", "==2.*"]
pd.DataFrame(
    {
        "restricción": [s or "(ninguna)" for s in strategies],
        "versiones aceptadas": [list(SpecifierSet(s).filter(pandas_releases)) for s in strategies],
    }
)

# %% [markdown]
# Y un requisito completo (PEP 508) tiene más piezas que la versión: extras, marcadores de entorno y
# URL directas. `packaging.requirements.Requirement` lo descompone; **nunca** lo parsees con
# expresiones regulares (los nombres se normalizan, los marcadores tienen gramática propia):

# %%
examples = [
    "Scikit_Learn>=1.5,<2",
    'pandas[parquet]~=3.1; python_version >= "3.11"',
    "churn-model @ https://example.org/churn_model-0.1.0-py3-none-any.whl",
]
rows = []
for text in examples:
    parsed = Requirement(text)
    rows.append(
        {
            "nombre normalizado": canonicalize_name(parsed.name),
            "extras": sorted(parsed.extras),
            "especificador": str(parsed.specifier) or "—",
            "marcador": str(parsed.marker) if parsed.marker else "—",
            "url": parsed.url or "—",
        }
    )
pd.DataFrame(rows, index=examples)

# %% [markdown]
# ¿Y si un requisito está mal escrito? `Requirement` lanza `InvalidRequirement` (subclase de
# `ValueError`) con la posición exacta del error:

# %%
try:
    Requirement("pandas >> 2.0")
except InvalidRequirement as error:
    print(error)

# %% [markdown]
# ## 5. Auditar un `requirements.txt`
#
# ### Ejercicio 2 (seguro) · Auditar un `requirements.txt`
#
# Es el paso **seguro**: la función recibe un archivo que no controlas, valida cada línea (y el
# tipo de lo que recibe) sin detenerse en la primera mala, y no deja llegar a despliegue nada sin
# fijar ni contradictorio.
#
# El `requirements.txt` de despliegue es un archivo **concreto**: cada paquete, una línea, una
# versión exacta. Un error en él no falla al escribirlo, falla semanas después al instalar. Escribe
# `audit_requirements(text)` que reciba el contenido del archivo y devuelva sus hallazgos:
#
# 1. **Formato.** Devuelve una lista (vacía si no hay nada que señalar) de diccionarios con
#    exactamente las claves `"line"`, `"kind"`, `"package"` y `"message"`. `package` es el nombre
#    normalizado con `canonicalize_name` (`Scikit_Learn` → `scikit-learn`) y `message`, un texto que
#    explica el hallazgo y nombra ese paquete.
# 2. **Líneas.** Numera desde 1 contando **todas** las líneas, también comentarios y vacías. Ignora
#    las vacías y los comentarios: un `#` al principio de la línea, o precedido de un espacio o
#    tabulador, abre un comentario hasta el final; un `#` pegado a otro carácter (`…whl#sha256=…`,
#    `numpy==2.4.6#x`) no es comentario y forma parte del requisito.
# 3. **`"invalida"`**: la línea no es un requisito PEP 508 (`InvalidRequirement`). `package` es `None`,
#    el mensaje incluye el texto de la línea y la auditoría sigue con las demás líneas. Las opciones de
#    pip (`-r base.txt`, `--index-url …`) también son inválidas aquí.
# 4. **`"sin_fijar"`**: el requisito es válido pero no fija una versión exacta: ninguno de sus
#    especificadores (recorre `req.specifier`: cada uno tiene `.operator` y `.version`) es `===` o
#    `==` **sin** comodín (`==3.1.1` fija; `==3.*` es un rango de 3.0 a <4). Una URL directa tampoco
#    fija una versión.
# 5. **`"duplicada"`**: el paquete ya apareció en una línea anterior con el **mismo marcador** (o las
#    dos sin marcador). Compara nombres normalizados (`Scikit_Learn` y `scikit-learn` son el mismo
#    paquete) y marcadores con `str(req.marker)`, que los normaliza (`python_version>='3.12'` y
#    `python_version >= "3.12"` son el mismo marcador). Líneas con marcadores distintos
#    (`; python_version < "3.12"` frente a `>= "3.12"`) no son duplicadas.
# 6. **`"conflicto"`**: además de duplicada, ninguna versión cumple a la vez su especificador y el de
#    **alguna** aparición anterior (cualquiera, no solo la primera o la última):
#    `(anterior & actual).is_unsatisfiable()` con `SpecifierSet`.
# 7. **Orden.** Por número de línea; dentro de una línea, `"sin_fijar"`, `"duplicada"` y
#    `"conflicto"`, en ese orden.
# 8. Si `text` no es una cadena (por ejemplo, una lista de líneas), lanza `TypeError`.
#
# ```text
# 1  pandas==3.1.1
# 2  scikit-learn>=1.5        →  (2, "sin_fijar", "scikit-learn")
# 3  numpy==2.4.6  # cálculo
# 4  pandas==2.2.3            →  (4, "duplicada", "pandas"), (4, "conflicto", "pandas")
# 5  mlflow >>= 3             →  (5, "invalida", None)
# ```


# %% nbgrader={"grade": false, "grade_id": "audit", "locked": false, "schema_version": 3, "solution": true, "task": false}
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    ### BEGIN SOLUTION
    if not isinstance(text, str):
        raise TypeError(f"text debe ser el contenido del archivo (str), no {type(text).__name__}.")
    findings = []
    seen = {}  # (nombre normalizado, marcador) -> [(línea, especificador), ...]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append(
                {
                    "line": number,
                    "kind": "invalida",
                    "package": None,
                    "message": f"Línea {number}: {line!r} no es un requisito PEP 508 válido ({err}).",
                }
            )
            continue
        name = canonicalize_name(req.name)
        exact = any(
            spec.operator == "===" or (spec.operator == "==" and "*" not in spec.version)
            for spec in req.specifier
        )
        if not exact:
            findings.append(
                {
                    "line": number,
                    "kind": "sin_fijar",
                    "package": name,
                    "message": f"{name} no está fijado con == ({req.specifier or 'sin versión'}): "
                    "en un requirements.txt de despliegue fija la versión exacta.",
                }
            )
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append(
                {
                    "line": number,
                    "kind": "duplicada",
                    "package": name,
                    "message": f"{name} ya aparece en la línea {earlier[0][0]}: "
                    "deja una sola línea por paquete.",
                }
            )
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append(
                    {
                        "line": number,
                        "kind": "conflicto",
                        "package": name,
                        "message": f"{name}{req.specifier} es incompatible con la línea "
                        f"{clashes[0]}: ninguna versión cumple las dos.",
                    }
                )
        earlier.append((number, req.specifier))
    return findings
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-audit-basico", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R4, R5, R6, R7]: el ejemplo del enunciado (tipos, líneas, paquetes y
# mensajes), comentarios y URL directas.
SAMPLE = """# requisitos del servicio de churn
pandas==3.1.1
scikit-learn>=1.5
numpy==2.4.6  # cálculo

pandas==2.2.3
mlflow >>= 3
"""
report = audit_requirements(SAMPLE)
assert isinstance(report, list), f"audit_requirements debe devolver una lista, no {type(report)}."
triples = [(f["line"], f["kind"], f["package"]) for f in report]
expected = [
    (3, "sin_fijar", "scikit-learn"),
    (6, "duplicada", "pandas"),
    (6, "conflicto", "pandas"),
    (7, "invalida", None),
]
assert triples == expected, (
    f"Los hallazgos (línea, tipo, paquete) deben ser {expected} y son {triples}. Numera desde 1 "
    "contando también comentarios y líneas vacías."
)
for finding in report:
    assert set(finding) == {"line", "kind", "package", "message"}, (
        f"Cada hallazgo debe tener exactamente las claves line, kind, package, message: {finding}"
    )
    assert isinstance(finding["message"], str) and finding["message"].strip(), (
        f"Cada hallazgo necesita un mensaje en español: {finding}"
    )
    if finding["package"]:
        assert finding["package"] in finding["message"], (
            f"El mensaje debe nombrar el paquete ({finding['package']}): {finding['message']!r}"
        )
assert "mlflow >>= 3" in report[-1]["message"], (
    f"El mensaje de una línea inválida debe incluir la línea: {report[-1]['message']!r}"
)
### BEGIN HIDDEN TESTS
clean = "pandas==3.1.1\nnumpy==2.4.6\n\n# fin\n"
assert audit_requirements(clean) == [], (
    f"Un archivo con todo fijado no tiene hallazgos; devuelve {audit_requirements(clean)}."
)
assert audit_requirements("") == [], "Un archivo vacío no tiene hallazgos."
commented = "pandas==3.1.1\t# tabulador\n   # indentado\nnumpy==2.4.6 #sin espacio tras #\n"
assert audit_requirements(commented) == [], (
    f"Los comentarios tras espacio o tabulador se ignoran: {audit_requirements(commented)}"
)
url_line = "churn-model @ https://example.org/churn_model-0.1.0-py3-none-any.whl#sha256=abc123\n"
url_report = [(f["line"], f["kind"], f["package"]) for f in audit_requirements(url_line)]
assert url_report == [(1, "sin_fijar", "churn-model")], (
    f"Un # pegado a la URL no es un comentario, y una URL directa no fija una versión: la línea es "
    f"un requisito sin fijar; hallazgos: {url_report}"
)
glued = "pandas==3.1.1\nnumpy==2.4.6#cálculo\n"
glued_report = [(f["line"], f["kind"], f["package"]) for f in audit_requirements(glued)]
assert glued_report == [(2, "invalida", None)], (
    f"En 'numpy==2.4.6#cálculo' el # va pegado: no abre un comentario, y la línea no es PEP 508 "
    f"válida. Corta solo en un # al principio o tras un espacio o tabulador; hallazgos: "
    f"{glued_report}"
)
wildcard = [(f["line"], f["kind"], f["package"]) for f in audit_requirements("pandas==3.*\n")]
assert wildcard == [(1, "sin_fijar", "pandas")], (
    f"'pandas==3.*' es un rango (==  con comodín), no una versión exacta; hallazgos: {wildcard}"
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-audit-duplicados", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R5, R6, R7]: duplicados con nombres normalizados, marcadores y conflictos entre
# rangos.
dup_text = "scikit-learn==1.9.1\nScikit_Learn==1.9.1\n"
dup = [(f["line"], f["kind"], f["package"]) for f in audit_requirements(dup_text)]
assert dup == [(2, "duplicada", "scikit-learn")], (
    f"scikit-learn y Scikit_Learn son el mismo paquete (usa canonicalize_name), y las dos líneas "
    f"son compatibles: solo 'duplicada'. Hallazgos: {dup}"
)
### BEGIN HIDDEN TESTS
markers_text = (
    'numpy==1.26.4; python_version < "3.12"\n'
    'numpy==2.4.6; python_version >= "3.12"\n'
    "pandas==3.1.1\n"
)
markers = audit_requirements(markers_text)
assert markers == [], (
    f"Con marcadores distintos no hay duplicado ni conflicto: cada línea aplica a otro Python. "
    f"Hallazgos: {[(f['line'], f['kind']) for f in markers]}"
)
range_text = "numpy==2.4.6\nNumPy<2\nnumpy>=2,<3\n"
ranges = [(f["line"], f["kind"], f["package"]) for f in audit_requirements(range_text)]
expected_ranges = [
    (2, "sin_fijar", "numpy"),
    (2, "duplicada", "numpy"),
    (2, "conflicto", "numpy"),
    (3, "sin_fijar", "numpy"),
    (3, "duplicada", "numpy"),
    (3, "conflicto", "numpy"),
]
assert ranges == expected_ranges, (
    f"numpy==2.4.6 y numpy<2 no tienen ninguna versión en común: conflicto aunque solo una sea "
    f"exacta (usa is_unsatisfiable). La línea 3 choca con la 2. Esperado {expected_ranges}; "
    f"obtenido {ranges}"
)
spelled_text = "numpy==2.4.6; python_version>=\"3.12\"\nnumpy==2.4.6 ; python_version >= '3.12'\n"
spelled = [(f["line"], f["kind"], f["package"]) for f in audit_requirements(spelled_text)]
assert spelled == [(2, "duplicada", "numpy")], (
    f"Las dos líneas tienen el mismo marcador escrito de dos formas: compara str(req.marker), no el "
    f"texto tras el ';'. Hallazgos: {spelled}"
)
older_text = "numpy<2\nnumpy>=1.26\nnumpy==2.4.6\n"
older = [(f["line"], f["kind"], f["package"]) for f in audit_requirements(older_text)]
expected_older = [
    (1, "sin_fijar", "numpy"),
    (2, "sin_fijar", "numpy"),
    (2, "duplicada", "numpy"),
    (3, "duplicada", "numpy"),
    (3, "conflicto", "numpy"),
]
assert older == expected_older, (
    f"numpy==2.4.6 (línea 3) es compatible con la línea 2 pero no con la 1 (numpy<2): compara con "
    f"TODAS las apariciones anteriores, no solo con la última. Esperado {expected_older}; obtenido "
    f"{older}"
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-audit-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R8]: líneas inválidas no detienen la auditoría y una entrada que no es texto da
# TypeError.
broken = audit_requirements("-r base.txt\npandas==3.1.1\n")
assert [(f["line"], f["kind"]) for f in broken] == [(1, "invalida")], (
    f"Una opción de pip (-r base.txt) es una línea inválida aquí, y la auditoría sigue con el resto: "
    f"{[(f['line'], f['kind']) for f in broken]}"
)
### BEGIN HIDDEN TESTS
for not_text in (["pandas==3.1.1"], None, b"pandas==3.1.1\n"):
    try:
        audit_requirements(not_text)
    except TypeError:
        pass
    else:
        raise AssertionError(
            f"audit_requirements({not_text!r}) debe lanzar TypeError: recibe el texto del archivo "
            "(str), no otra cosa."
        )
several = audit_requirements("pandas=3\n\nnumpy==2.4.6\n@@@\n--index-url https://pypi.org/simple\n")
assert [(f["line"], f["kind"], f["package"]) for f in several] == [
    (1, "invalida", None),
    (4, "invalida", None),
    (5, "invalida", None),
], f"Cada línea inválida (también las opciones de pip) da su hallazgo con package None: {several}"
### END HIDDEN TESTS

# %% [markdown]
# Tu auditoría, convertida en un informe legible (el paquete del curso solo da formato a **tus**
# hallazgos):

# %%
try:
    display(Markdown(findings_markdown(audit_requirements(SAMPLE), "requirements de ejemplo")))
except NotImplementedError:
    print("Resuelve el Ejercicio 2 para ver el informe.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 25 min.*
#
# ## 6. Lock files y dependencias nativas
#
# ### Declaras tres, instalas diez
#
# Tu proyecto declara sus dependencias **directas**; cada una trae las suyas (**transitivas**). Un
# lock file fija el **cierre completo**, con versiones exactas y, en uv y Poetry, los hashes de cada
# archivo: si alguien sustituye un wheel en el índice, la instalación falla en lugar de instalar otra
# cosa. Lo calculamos de verdad a partir de los metadatos de lo instalado en este entorno (no es un
# resolvedor: solo sigue el `Requires-Dist` de cada paquete):

# %%
CHURN_DIRECT = ["numpy>=2.0,<3", "pandas>=2.2,<4", "scikit-learn>=1.5,<2"]
closure = installed_closure(CHURN_DIRECT)
sizes_mb = {
    name: sum((f.size or 0) for f in (metadata.distribution(name).files or [])) / 1e6
    for name in closure
}
lock_view = pd.DataFrame(
    {
        "versión fijada": closure,
        "directa": {
            n: n in {canonicalize_name(Requirement(r).name) for r in CHURN_DIRECT} for n in closure
        },
        "MB instalados": sizes_mb,
    }
)
print(f"{len(CHURN_DIRECT)} dependencias directas → {len(closure)} paquetes instalados")
lock_view.round(1)

# %% [markdown]
# **Visión de negocio.** Esos megas se descargan e instalan en **cada** build sin caché. Con un
# supuesto (márcalo siempre como tal) de 40 builds de CI al día:

# %%
BUILDS_PER_DAY = 40  # supuesto: pushes y pull requests de un equipo de 5 personas
total_mb = float(lock_view["MB instalados"].sum())
print(f"Cierre instalado: {total_mb:.0f} MB por build")
print(
    f"Sin caché: {total_mb * BUILDS_PER_DAY / 1000:.1f} GB/día instalados solo para el modelo de churn"
)
# Un lock estable es lo que permite cachear: la clave de caché de la CI es el hash del lock.

# %% [markdown]
# Un lock estable es también lo que hace **cacheable** el entorno: la CI usa el hash del lock como
# clave de caché, y mientras no cambie, reutiliza lo instalado (módulo 09). Sin lock, la clave no
# significa nada: el mismo `requirements.txt` con rangos instala cosas distintas cada semana.
#
# ### Dependencias nativas: los wheels son binarios
#
# numpy, pandas y scikit-learn llevan código compilado (C, C++, Cython, Fortran a través de BLAS). Se
# distribuyen como **wheels**, archivos ya compilados para una combinación concreta de intérprete, ABI
# y plataforma, escrita en su **etiqueta** (`cp311-cp311-manylinux_2_28_x86_64`: CPython 3.11, su ABI,
# Linux con glibc ≥ 2.28 en x86-64). Un paquete Python puro lleva `py3-none-any`: vale en cualquier
# sitio.

# %%
wheel_rows = []
for dist_name in ["numpy", "pandas", "scikit-learn", "scipy", "packaging", "pydantic-core"]:
    info = wheel_info(dist_name)
    wheel_rows.append(
        {
            "paquete": info.name,
            "versión": info.version,
            "¿puro?": info.pure,
            "etiquetas del wheel": ", ".join(info.tags),
            "¿vale aquí?": info.compatible_here,
        }
    )
pd.DataFrame(wheel_rows).set_index("paquete")

# %% [markdown]
# Tres consecuencias prácticas:
#
# 1. **`pip freeze` en Linux no sirve en un Mac con ARM**: mismas versiones, otros wheels (y a veces
#    no hay wheel y pip intenta compilar, con un compilador que no tienes). Por eso uv genera un lock
#    **universal** y Poetry resuelve para todas las plataformas.
# 2. **Lo que no viene en un wheel no lo instala pip**: el driver y el toolkit de CUDA, GDAL, librerías
#    del sistema. Ahí es donde conda (binarios de conda-forge) o un contenedor (paquetes `apt`) se ganan
#    su costo.
# 3. **numpy 2.0 cambió su ABI**: un paquete compilado contra numpy 1.x y no recompilado falla al
#    importarse con numpy 2 («A module that was compiled using NumPy 1.x cannot be run in NumPy 2…»).
#    Una cota superior `numpy<3` en tu proyecto es la forma de no recibir el próximo cambio así sin
#    haberlo probado.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 45 min.*

# %% [markdown]
# ## 7. `pyproject.toml`: un archivo para declararlo todo
#
# PEP 621 define la tabla `[project]`: nombre, versión, Python soportado, dependencias y extras, en
# un formato que leen todas las herramientas (pip, uv, Poetry ≥ 2, setuptools, hatch). Sus piezas:
#
# ```mermaid
# flowchart LR
#     B["[build-system]<br/>con qué se construye el paquete (PEP 517/518)"]
#     P["[project]<br/>name, version, requires-python, dependencies (PEP 621)"]
#     O["[project.optional-dependencies]<br/>extras publicados: pip install churn-model[dev]"]
#     G["[dependency-groups]<br/>grupos locales, no publicados (PEP 735)"]
#     T["[tool.*]<br/>configuración de pytest, ruff, mypy…"]
#     P --> O
#     P -.-> G
#     B --> P
#     P --> T
# ```
#
# **Extras frente a grupos de dependencias.** Un *extra* (`[project.optional-dependencies]`) se publica
# con el paquete: cualquiera puede pedir `churn-model[dev]`. Un *grupo* (`[dependency-groups]`,
# PEP 735, 2024) solo existe en el repositorio: es lo natural para herramientas de desarrollo
# (`uv sync --group dev`, `pip install --group dev` desde pip 25.1). Aquí usaremos un extra `dev`
# porque funciona con cualquier instalador; los grupos son la opción moderna si tu equipo ya usa uv.
#
# `[project]` es lo que se publica con el paquete y leen los instaladores (qué es, qué necesita
# para funcionar); `[tool.*]` es la configuración de las herramientas del repositorio, que quien
# instala el paquete nunca usa.
#
# ### El esquema: `validate-pyproject`
#
# Un `pyproject.toml` mal escrito no falla al guardarlo: falla en la CI o, peor, al publicar.
# `validate-pyproject` lo comprueba contra los esquemas oficiales. Un archivo con tres errores
# típicos (uno de ellos, una costumbre heredada de Poetry 1):

# %%
validator = pyproject_api.Validator()

BROKEN_PYPROJECT = """
[project]
name = "churn model"
version = "0.1.0"
dependencies = ["pandas>=2.2,<4"]
dev-dependencies = ["pytest>=8"]
"""
broken_data = tomllib.loads(BROKEN_PYPROJECT)
fixes = [
    ("nombre PEP 508 sin espacios", lambda data: data["project"].update(name="churn-model")),
    ("fuera la clave de Poetry 1", lambda data: data["project"].pop("dev-dependencies")),
]
for attempt in range(len(fixes) + 1):
    try:
        validator(broken_data)
    except pyproject_errors.ValidationError as err:
        print(f"intento {attempt + 1} · validate-pyproject: {err.message}")
        description, fix = fixes[attempt]
        fix(broken_data)  # corregimos ese error y volvemos a validar
        print(f"           corrección: {description}")
    else:
        print(f"intento {attempt + 1} · validate-pyproject: válido")
        break

# %% [markdown]
# Los errores salen de uno en uno: la CI que valide tu `pyproject.toml` te ahorra ese ping-pong.
#
# ### Lo que el esquema no sabe: las reglas del equipo
#
# El esquema dice si el archivo es **válido**, no si es **sensato**. Este pasa `validate-pyproject` sin
# una queja y aun así repite todos los fallos de la §1:

# %%
LAX_PYPROJECT = """
[project]
name = "churn-model"
version = "0.1.0"
requires-python = ">=3.8"
dependencies = ["pandas", "scikit-learn>=1.0", "numpy==2.4.6"]
"""
lax = tomllib.loads(LAX_PYPROJECT)
validator(lax)
print("validate-pyproject: válido")
# Las reglas del equipo, comprobadas con packaging (mlops_course.lessons.m03_envs.policy):
for problem in policy_violations(lax, required=["numpy", "pandas", "scikit-learn"]):
    print("-", problem)

# %% [markdown]
# Esas reglas (cotas inferior y superior en todo, nada de `==` en el `pyproject.toml`, sin URL
# directas, Python acotado) son una **política**: no vienen de ningún PEP, las decide el equipo y
# las comprueba la CI. Son las que cumplirá tu `pyproject.toml` en el Ejercicio 3.
#
# ### Ejercicio 3 (escalable) · El `pyproject.toml` del proyecto de churn
#
# Es el paso **escalable** en tamaño de equipo: las reglas dejan de vivir en la cabeza de quien
# revisa y pasan a un archivo que la CI comprueba igual en cada pull request, sean 2 o 20 personas.
#
# Escribe en `CHURN_PYPROJECT` (una cadena con el contenido TOML) el `pyproject.toml` del proyecto
# de churn que construiremos en los módulos 05–17. Debe:
#
# 1. **Ser válido**: `tomllib` lo lee y `validate-pyproject` lo acepta.
# 2. **`[build-system]` con setuptools**: `build-backend = "setuptools.build_meta"` y, en `requires`,
#    `setuptools` con cota inferior y superior.
# 3. **`[project]`**: `name = "churn-model"`, una `version`, una `description` y un `requires-python`
#    con cota inferior y superior que admita Python 3.11 y 3.12 (y la versión de este cuaderno).
# 4. **Dependencias** (`dependencies`): al menos `numpy`, `pandas` y `scikit-learn`, cada paquete una
#    sola vez, con cota inferior y superior, **sin** `==` exacto (eso va al lock) ni URL directa, y
#    compatibles con las versiones instaladas en este entorno, sin marcadores que lo excluyan (el
#    proyecto tiene que poder ejecutarse aquí).
# 5. **Extra `dev`** en `[project.optional-dependencies]` (no un grupo de `[dependency-groups]`) con
#    `pytest`, `ruff` y `mypy`, acotados igual.
# 6. **Configuración de herramientas**: `[tool.pytest.ini_options]` con `testpaths = ["tests"]`,
#    `[tool.ruff]` con un `line-length` entero entre 79 y 120 y `[tool.mypy]` con `strict = true`.
#
# Consulta las versiones instaladas antes de elegir tus rangos:

# %%
pd.Series(
    {
        name: metadata.version(name)
        for name in ["numpy", "pandas", "scikit-learn", "pydantic", "pytest", "mypy"]
    },
    name="versión instalada",
)

# %% [markdown]
# Los tests usan exactamente las reglas de `policy_violations` (la misma función de arriba) más
# `validate-pyproject`. En la celda de respuesta, sustituye las dos líneas del esqueleto por
# `CHURN_PYPROJECT = """…"""` con tu TOML dentro. Un esqueleto para empezar (los `…` son tuyos):
#
# ```toml
# [build-system]
# requires = [ … ]
# build-backend = …
#
# [project]
# name = "churn-model"
# …
# ```

# %% nbgrader={"grade": false, "grade_id": "pyproject", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de abandono de clientes (churn) del banco: curso MLOps"
requires-python = ">=3.11,<3.14"
dependencies = [
    "numpy>=2.0,<3",
    "pandas>=2.2,<4",
    "scikit-learn>=1.5,<2",
    "pydantic>=2.7,<3",
]

[project.optional-dependencies]
dev = [
    "pytest>=8,<10",
    "ruff>=0.5,<1",
    "mypy>=1.10,<3",
]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-pyproject-valido", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: CHURN_PYPROJECT es TOML, validate-pyproject lo acepta, el proyecto se
# llama churn-model y se construye con setuptools acotado.
import tomllib

from validate_pyproject import api as pyproject_api
from validate_pyproject import errors as pyproject_errors

assert isinstance(CHURN_PYPROJECT, str), "CHURN_PYPROJECT debe ser una cadena con el TOML."
try:
    churn_data = tomllib.loads(CHURN_PYPROJECT)
except tomllib.TOMLDecodeError as err:
    raise AssertionError(f"CHURN_PYPROJECT no es TOML válido: {err}") from None
try:
    pyproject_api.Validator()(churn_data)
except pyproject_errors.ValidationError as err:
    raise AssertionError(f"validate-pyproject rechaza tu archivo: {err.message}") from None
assert churn_data.get("project", {}).get("name") == "churn-model", (
    "El proyecto debe llamarse 'churn-model' (project.name)."
)
### BEGIN HIDDEN TESTS
build = churn_data.get("build-system", {})
assert build.get("build-backend") == "setuptools.build_meta", (
    "build-system.build-backend debe ser el de setuptools: 'setuptools.build_meta'."
)
setuptools_reqs = [
    r
    for r in (Requirement(text) for text in build.get("requires", []))
    if canonicalize_name(r.name) == "setuptools"
]
assert setuptools_reqs, "build-system.requires debe incluir setuptools."
for r in setuptools_reqs:
    operators = {s.operator for s in r.specifier}
    assert operators & {"<", "<=", "~=", "=="} and operators & {">=", ">", "~=", "=="}, (
        f"build-system.requires: {r} necesita cota inferior y superior (p. ej. 'setuptools>=77,<81'): "
        "una versión mayor nueva de setuptools puede romper la construcción."
    )
assert isinstance(churn_data["project"].get("description"), str), "Falta project.description."
assert isinstance(churn_data["project"].get("version"), str), "Falta project.version."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pyproject-politica", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5]: las reglas del equipo (policy_violations, hecha con packaging).
import tomllib

from mlops_course.lessons.m03_envs import policy_violations

churn_data = tomllib.loads(CHURN_PYPROJECT)
problems = policy_violations(
    churn_data,
    required=["numpy", "pandas", "scikit-learn"],
    required_dev=["pytest", "ruff", "mypy"],
)
assert problems == [], "Tu pyproject.toml incumple reglas del equipo:\n- " + "\n- ".join(problems)
### BEGIN HIDDEN TESTS
for dep_text in churn_data["project"]["dependencies"]:
    dep_req = Requirement(dep_text)
    assert not dep_req.marker or dep_req.marker.evaluate(), (
        f"{dep_text}: no uses marcadores que excluyan este entorno en las dependencias principales."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pyproject-entorno", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: este entorno cumple tu pyproject.toml (Python y versiones instaladas).
import platform
import tomllib
from importlib import metadata

churn_data = tomllib.loads(CHURN_PYPROJECT)
python_range = SpecifierSet(churn_data["project"]["requires-python"])
assert python_range.contains(platform.python_version()), (
    f"requires-python = {str(python_range)!r} excluye el Python de este cuaderno "
    f"({platform.python_version()})."
)
for entry in churn_data["project"]["dependencies"]:
    parsed_entry = Requirement(entry)
    installed = metadata.version(parsed_entry.name)
    assert parsed_entry.specifier.contains(installed, prereleases=True), (
        f"{entry} excluye {parsed_entry.name} {installed}, la versión instalada aquí: ajusta el rango "
        "para que el proyecto se pueda ejecutar en este entorno."
    )
### BEGIN HIDDEN TESTS
for version_text in ("3.11.0", "3.12.4"):
    assert python_range.contains(version_text), (
        f"requires-python = {str(python_range)!r} debe admitir Python {version_text}: el proyecto "
        "soporta al menos 3.11 y 3.12."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pyproject-herramientas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6]: la configuración de pytest, ruff y mypy vive en [tool.*].
import tomllib

tools = tomllib.loads(CHURN_PYPROJECT).get("tool", {})
assert tools.get("pytest", {}).get("ini_options", {}).get("testpaths") == ["tests"], (
    'Falta [tool.pytest.ini_options] con testpaths = ["tests"].'
)
### BEGIN HIDDEN TESTS
line_length = tools.get("ruff", {}).get("line-length")
assert type(line_length) is int and 79 <= line_length <= 120, (
    f"[tool.ruff] necesita line-length entero (entre 79 y 120); tiene {line_length!r}."
)
assert tools.get("mypy", {}).get("strict") is True, "Falta [tool.mypy] con strict = true."
### END HIDDEN TESTS

# %% [markdown]
# ## 8. Un lock de verdad con uv, sin red
#
# Hasta aquí el lock ha sido teoría y una foto (`pip freeze`). Ahora lo haces como en un equipo:
# declaras rangos en `pyproject.toml`, **uv** resuelve y escribe `uv.lock` (versiones exactas y el
# hash sha256 de cada archivo) y cada máquina instala **exactamente** eso con `uv sync --frozen`.
#
# Sin red: el banco tiene un **índice interno** de paquetes (como el Artifactory o el devpi de
# muchas empresas). Lo construimos en la carpeta temporal con unos wheels diminutos que hacen de
# paquetes internos (`churn-features`, `churn-metrics` y su dependencia `bank-io`, cada uno en
# varias versiones) y una página PEP 503 por paquete cuyos enlaces llevan `#sha256=…`: de ahí saca
# uv los hashes que guarda en el lock.

# %%
INDEX_ROOT = SCRATCH / "indice-interno"
INDEX_URL = build_local_index(INDEX_ROOT)  # wheels/ + simple/ (PEP 503), todo local
INDEX = INDEX_ROOT / "simple"
print("índice:", INDEX_URL)
print(*sorted(p.name for p in (INDEX_ROOT / "wheels").iterdir()), sep="\n")
print((INDEX / "churn-metrics" / "index.html").read_text(encoding="utf-8")[:300], "…")

# %% [markdown]
# El proyecto: un servicio de churn que declara dos dependencias con rangos. `uv lock` resuelve
# contra el índice local y **no descarga nada**: `--offline` prohíbe la red, `--no-config` ignora
# la configuración de uv de la máquina (otro índice, otra caché), `--index-url` apunta al índice
# interno y `--python` fija el intérprete. `UV_CACHE_DIR` deja la caché dentro del proyecto.

# %%
UV = find_uv()
SERVICE = SCRATCH / "churn-service"
SERVICE.mkdir(exist_ok=True)
(SERVICE / "pyproject.toml").write_text(
    """\
[project]
name = "churn-service"
version = "0.1.0"
requires-python = ">=3.11,<4"
dependencies = ["churn-features>=1.0,<2", "churn-metrics>=1.0,<2"]
""",
    encoding="utf-8",
)


def run_uv(*args: str, project: Path = SERVICE, extra_env: dict | None = None) -> str:
    """Ejecuta uv sin red contra el índice interno y devuelve lo que imprime (demo de la §8)."""
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    command = [UV, *args, "--offline", "--no-config", "--color", "never", "--index-url", INDEX_URL]
    command += ["--python", sys.executable]
    done = subprocess.run(
        command,
        cwd=project,
        env={**clean_env, "UV_CACHE_DIR": str(project / ".uv-cache"), **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    return f"$ uv {' '.join(args)}  → código {done.returncode}\n{done.stdout}{done.stderr}"


print(subprocess.run([UV, "--version"], capture_output=True, text=True, check=True).stdout)
print(run_uv("lock"))
print((SERVICE / "uv.lock").read_text(encoding="utf-8"))

# %% [markdown]
# Lee el lock: `churn-features` quedó en **1.2.0** (la 2.0.0 está fuera de `<2`), `bank-io` entra
# como transitiva, cada archivo tiene su `hash = "sha256:…"` y `[package.metadata]` guarda **lo que
# declaraste**: si cambias el `pyproject.toml`, `uv lock --check` lo nota. Ahora instalamos el lock,
# tal cual, en un entorno nuevo, y lo comparamos con lo que ve `pip freeze`:

# %%
service_env = SERVICE / ".venv"
print(run_uv("sync", "--frozen", extra_env={"UV_PROJECT_ENVIRONMENT": str(service_env)}))
service_site = next(
    service_env.glob("lib*/python*/site-packages"), service_env / "Lib/site-packages"
)
freeze = subprocess.run(
    [
        sys.executable,
        "-m",
        "pip",
        "--isolated",
        "--no-color",
        "freeze",
        "--path",
        str(service_site),
    ],
    capture_output=True,
    text=True,
    check=True,
).stdout.split()
locked_pins = sorted(
    f"{p['name']}=={p['version']}"
    for p in tomllib.loads((SERVICE / "uv.lock").read_text(encoding="utf-8"))["package"]
    if "registry" in p["source"]
)
pd.DataFrame({"pip freeze del entorno": freeze, "uv.lock": locked_pins})

# %% [markdown]
# Mismas versiones, pero no son el mismo documento. `pip freeze` es una **foto** de un entorno ya
# instalado: no sabe de dónde vino cada paquete, no lleva hashes ni distingue plataformas. El lock
# es la **entrada** de la instalación: origen, hashes y lo que se declaró. El estándar PEP 751
# (2025) define un formato común, `pylock.toml`, que ya escriben las dos herramientas:

# %%
print(run_uv("export", "--format", "pylock.toml", "--frozen")[:900], "…\n")
pip_lock = subprocess.run(
    [sys.executable, "-m", "pip", "--isolated", "--no-color", "lock", "--no-index", "--find-links",
     str(INDEX_ROOT / "wheels"), "-o", str(SCRATCH / "pylock.pip.toml"),
     "churn-features>=1.0,<2", "churn-metrics>=1.0,<2"],
    capture_output=True,
    text=True,
    check=False,
)  # fmt: skip
print("pip lock → código", pip_lock.returncode)
print((SCRATCH / "pylock.pip.toml").read_text(encoding="utf-8")[:500], "…")

# %% [markdown]
# ### Para qué sirve el hash: un wheel cambiado en el índice
#
# Alguien sustituye `churn_metrics-1.1.0` en el índice por otro archivo con el **mismo nombre y la
# misma versión** (un atacante, o un «arreglo rápido» subido a mano). La versión fijada no lo
# detecta; el hash sí. `uv export` escribe un `requirements.txt` con `--hash` y
# `pip install --require-hashes` se niega a instalar lo que no coincide:

# %%
requirements_hashed = SCRATCH / "requirements-hashes.txt"
run_uv("export", "--format", "requirements.txt", "--frozen", "-o", str(requirements_hashed))
print(requirements_hashed.read_text(encoding="utf-8"))
original_wheel = INDEX_ROOT / "wheels" / "churn_metrics-1.1.0-py3-none-any.whl"
original_bytes = original_wheel.read_bytes()
build_wheel(INDEX_ROOT / "wheels", "churn-metrics", "1.1.0", body="# parche subido a mano\n")
tampered = subprocess.run(
    [sys.executable, "-m", "pip", "--isolated", "--no-color", "install", "--require-hashes", "--no-index",
     "--find-links", str(INDEX_ROOT / "wheels"), "--target", str(SCRATCH / "pip-target"),
     "-r", str(requirements_hashed)],
    capture_output=True,
    text=True,
    check=False,
)  # fmt: skip
print("pip install --require-hashes → código", tampered.returncode)
print("\n".join(tampered.stderr.strip().splitlines()[-4:]))
original_wheel.write_bytes(original_bytes)  # devolvemos el wheel auténtico al índice
print("wheel auténtico restaurado:", original_wheel.name)

# %% [markdown]
# `uv sync --frozen` hace la misma comprobación con los hashes de `uv.lock`. Sin hashes, el mismo
# `churn-metrics==1.1.0` se habría instalado en silencio.
#
# ### Ejercicio 4 (escalable) · Un lock que la CI puede comprobar
#
# Es el paso **escalable**: un lock comprobado se resuelve una vez y se instala idéntico en cada
# laptop y en cada runner de la CI, en milisegundos y sin red, tenga el equipo 2 o 20 personas;
# la CI solo tiene que rechazar un lock roto o viejo. Escribe tres funciones (`index` es la carpeta
# `simple/` del índice local, como `INDEX`; `project_dir`, la carpeta con el `pyproject.toml`):
#
# 1. **`lock_offline(project_dir, index)` bloquea sin red.** Ejecuta en `project_dir` (como `cwd`)
#    `uv lock --offline --no-config --index-url <URL de index> --python <este intérprete>`, con el
#    binario de `find_uv()`, la URL de `Path(index).resolve().as_uri()`, `sys.executable` y la
#    variable de entorno `UV_CACHE_DIR` apuntando a `project_dir / ".uv-cache"` (la caché vive en el
#    proyecto). Devuelve el `uv.lock` escrito, leído con `tomllib`.
# 2. **Errores claros.** Si `project_dir` no tiene `pyproject.toml`, `ValueError` **sin ejecutar
#    uv**. Si uv falla (por ejemplo, el índice no tiene ninguna versión que cumpla lo declarado),
#    `RuntimeError` con el mensaje de uv (su `stderr`), que dice qué paquete no se puede resolver.
# 3. **`lock_problems(project_dir, index)` exige hashes.** Lee `pyproject.toml` y `uv.lock` con
#    `tomllib` y devuelve hallazgos. El propio proyecto (`source` con `virtual` o `editable`) no
#    cuenta. `"sin_hash"`: algún archivo del paquete (`wheels` y, si lo hay, `sdist`) no tiene un
#    `hash` que empiece por `"sha256:"`.
# 4. **Rangos.** `"fuera_de_rango"`: una dependencia de `[project].dependencies` falta en el lock o
#    su versión bloqueada no cumple el especificador declarado (compara nombres normalizados).
# 5. **Origen.** `"origen"`: el paquete no viene del índice local: su `source` no tiene `registry`,
#    o `(project_dir / registry).resolve()` no es `Path(index).resolve()` (uv puede escribir la ruta
#    relativa al proyecto; con una ruta absoluta, `/` da la absoluta).
# 6. **Lock al día.** `"desactualizado"` (con `package` `None`): `uv lock --check`, con las mismas
#    opciones que en el requisito 1, falla porque la declaración cambió después de bloquear.
# 7. **Formato.** Cada hallazgo es un diccionario con las claves `"kind"`, `"package"` (nombre
#    normalizado) y `"message"` (en español, que diga qué corregir); un lock correcto da `[]`.
# 8. **`sync_frozen(project_dir, index, env_dir)` instala lo bloqueado.** Ejecuta
#    `uv sync --frozen` (mismas opciones; `UV_PROJECT_ENVIRONMENT` = `env_dir` resuelto) y devuelve
#    `{nombre normalizado: versión}` de lo instalado en `env_dir`, leído con
#    `importlib.metadata.distributions(path=[<site-packages del entorno>])`. **Nunca** reescribe
#    `uv.lock`, aunque la declaración haya cambiado: eso es lo que hace `--frozen`. Si uv falla,
#    `RuntimeError` con su mensaje.
#
# La celda trae además el esqueleto `uv_offline(project_dir, index, *args, project_env=None)`:
# escríbela primero (el comando de arriba con `args` delante de las opciones y un entorno que es
# una copia de `os.environ` sin las variables `UV_*` heredadas, más `UV_CACHE_DIR` y, si se pide,
# `UV_PROJECT_ENVIRONMENT`) y úsala en las tres. `run_uv`, en la demo de arriba, hace casi lo mismo.
#
# ```text
# lock_offline(proyecto, INDEX)["package"]  →  [{"name": "bank-io", "version": "1.1.0", …}, …]
# lock_problems(proyecto, INDEX)            →  []
# (tras cambiar el pyproject.toml)          →  [{"kind": "desactualizado", "package": None, …}]
# sync_frozen(proyecto, INDEX, env)         →  {"bank-io": "1.1.0", "churn-features": "1.2.0", …}
# ```


# %% nbgrader={"grade": false, "grade_id": "uvlock", "locked": false, "schema_version": 3, "solution": true, "task": false}
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    ### BEGIN SOLUTION
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    ### END SOLUTION


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    ### BEGIN SOLUTION
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    ### END SOLUTION


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    ### BEGIN SOLUTION
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems
    ### END SOLUTION


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    ### BEGIN SOLUTION
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-uv-lock", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: uv lock corre sin red contra el índice local, con la caché en el proyecto, y
# los fallos dan errores claros.
import tempfile
from pathlib import Path

from mlops_course.lessons.m03_envs import build_local_index

SERVICE_TOML = """\
[project]
name = "churn-service"
version = "0.1.0"
requires-python = ">=3.11,<4"
dependencies = ["churn-features>=1.0,<2", "churn-metrics>=1.0,<2"]
"""
with tempfile.TemporaryDirectory() as tmp:
    build_local_index(Path(tmp) / "indice")
    test_index = Path(tmp) / "indice" / "simple"
    project = Path(tmp) / "servicio"
    project.mkdir()
    (project / "pyproject.toml").write_text(SERVICE_TOML, encoding="utf-8")
    lock = lock_offline(project, test_index)
    assert isinstance(lock, dict) and "package" in lock, (
        "lock_offline debe devolver el uv.lock leído con tomllib (un dict con la lista 'package')."
    )
    assert (project / "uv.lock").is_file(), "lock_offline debe escribir uv.lock en project_dir."
    versions = {p["name"]: p["version"] for p in lock["package"] if "registry" in p["source"]}
    expected_versions = {"bank-io": "1.1.0", "churn-features": "1.2.0", "churn-metrics": "1.1.0"}
    assert versions == expected_versions, (
        f"El lock debe tener {expected_versions} (la versión más alta dentro de cada rango, más la "
        f"dependencia transitiva bank-io); tiene {versions}."
    )
    assert (project / ".uv-cache").is_dir(), (
        "La caché de uv debe vivir en project_dir/.uv-cache: pasa UV_CACHE_DIR en el entorno del "
        "proceso."
    )
### BEGIN HIDDEN TESTS
with tempfile.TemporaryDirectory() as hidden_tmp:
    build_local_index(Path(hidden_tmp) / "indice")
    hidden_index = Path(hidden_tmp) / "indice" / "simple"
    empty_project = Path(hidden_tmp) / "sin-pyproject"
    empty_project.mkdir()
    try:
        lock_offline(empty_project, hidden_index)
    except ValueError:
        pass
    else:
        raise AssertionError("lock_offline(carpeta sin pyproject.toml) debe lanzar ValueError.")
    assert not (empty_project / ".uv-cache").exists(), (
        "Sin pyproject.toml no hay que ejecutar uv: valida antes de llamar a uv."
    )
    impossible = Path(hidden_tmp) / "imposible"
    impossible.mkdir()
    (impossible / "pyproject.toml").write_text(
        SERVICE_TOML.replace("churn-features>=1.0,<2", "churn-features>=3,<4"), encoding="utf-8"
    )
    try:
        lock_offline(impossible, hidden_index)
    except RuntimeError as uv_error:
        assert "churn-features" in str(uv_error), (
            f"El RuntimeError debe incluir el mensaje de uv (stderr), que nombra el paquete "
            f"imposible de resolver: {uv_error}"
        )
    else:
        raise AssertionError(
            "Si uv lock falla (churn-features>=3 no existe en el índice), lock_offline debe lanzar "
            "RuntimeError con el mensaje de uv: mira el código de salida del proceso."
        )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-uv-problemas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5, R6, R7]: un lock correcto no tiene hallazgos; sin hash, fuera de rango,
# de otro índice o viejo, sí.
import re
import tempfile
from pathlib import Path

from mlops_course.lessons.m03_envs import build_local_index


def _kinds(found):
    return {(f["kind"], f["package"]) for f in found}


with tempfile.TemporaryDirectory() as tmp:
    build_local_index(Path(tmp) / "indice")
    test_index = Path(tmp) / "indice" / "simple"
    project = Path(tmp) / "servicio"
    project.mkdir()
    (project / "pyproject.toml").write_text(SERVICE_TOML, encoding="utf-8")
    lock_offline(project, test_index)
    clean_found = lock_problems(project, test_index)
    assert clean_found == [], f"Un lock recién hecho no tiene hallazgos; devuelve {clean_found}."
    good_lock = (project / "uv.lock").read_text(encoding="utf-8")
    no_hash = re.sub(
        r'(bank_io-1\.1\.0-py3-none-any\.whl"), hash = "sha256:[0-9a-f]+"', r"\1", good_lock
    )
    (project / "uv.lock").write_text(no_hash, encoding="utf-8")
    found = lock_problems(project, test_index)
    assert ("sin_hash", "bank-io") in _kinds(found), (
        f"El wheel de bank-io no tiene hash en el lock: falta el hallazgo ('sin_hash', 'bank-io'). "
        f"Hallazgos: {sorted(_kinds(found), key=str)}"
    )
    for finding in found:
        assert set(finding) == {"kind", "package", "message"}, (
            f"Cada hallazgo debe tener exactamente las claves kind, package y message: {finding}"
        )
        assert isinstance(finding["message"], str) and finding["message"].strip(), (
            f"Cada hallazgo necesita un mensaje en español: {finding}"
        )
    ### BEGIN HIDDEN TESTS
    out_of_range = good_lock.replace(
        'name = "churn-metrics"\nversion = "1.1.0"', 'name = "churn-metrics"\nversion = "0.9.0"'
    )
    assert out_of_range != good_lock, "(test) no se pudo preparar el lock fuera de rango"
    (project / "uv.lock").write_text(out_of_range, encoding="utf-8")
    hidden_found = lock_problems(project, test_index)
    assert ("fuera_de_rango", "churn-metrics") in _kinds(hidden_found), (
        f"El lock fija churn-metrics 0.9.0 y el pyproject.toml pide >=1.0,<2: falta "
        f"('fuera_de_rango', 'churn-metrics'). Hallazgos: {sorted(_kinds(hidden_found), key=str)}"
    )
    foreign = re.sub(
        r'(name = "churn-metrics"\nversion = "1\.1\.0"\nsource = )\{ registry = "[^"]+" \}',
        r'\1{ registry = "https://pypi.org/simple" }',
        good_lock,
    )
    assert foreign != good_lock, "(test) no se pudo preparar el lock con otro índice"
    (project / "uv.lock").write_text(foreign, encoding="utf-8")
    foreign_found = lock_problems(project, test_index)
    assert ("origen", "churn-metrics") in _kinds(foreign_found), (
        f"churn-metrics viene de pypi.org, no del índice interno: falta ('origen', "
        f"'churn-metrics'). Hallazgos: {sorted(_kinds(foreign_found), key=str)}"
    )
    assert ("origen", "bank-io") not in _kinds(foreign_found), (
        "bank-io sí viene del índice local: compara (project_dir / registry).resolve() con "
        "Path(index).resolve()."
    )
    (project / "uv.lock").write_text(good_lock, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        SERVICE_TOML.replace("churn-features>=1.0,<2", "churn-features>=1.1,<2"), encoding="utf-8"
    )
    stale = lock_problems(project, test_index)
    assert _kinds(stale) == {("desactualizado", None)}, (
        f"El pyproject.toml cambió (churn-features>=1.1,<2) después de bloquear: la versión 1.2.0 "
        f"aún cumple el rango, pero el lock ya no corresponde a lo declarado (uv lock --check). "
        f"Esperado solo ('desactualizado', None); hallazgos: {sorted(_kinds(stale), key=str)}"
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-uv-sync", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R8]: uv sync --frozen instala en un entorno nuevo exactamente lo que dice el lock, y no
# lo reescribe aunque la declaración haya cambiado.
import subprocess
import tempfile
import tomllib
from pathlib import Path

from mlops_course.lessons.m03_envs import build_local_index

with tempfile.TemporaryDirectory() as tmp:
    build_local_index(Path(tmp) / "indice")
    test_index = Path(tmp) / "indice" / "simple"
    project = Path(tmp) / "servicio"
    project.mkdir()
    (project / "pyproject.toml").write_text(SERVICE_TOML, encoding="utf-8")
    lock_offline(project, test_index)
    env_path = Path(tmp) / "entorno-nuevo"
    installed = sync_frozen(project, test_index, env_path)
    locked_versions = {
        p["name"]: p["version"]
        for p in tomllib.loads((project / "uv.lock").read_text(encoding="utf-8"))["package"]
        if "registry" in p["source"]
    }
    assert installed == locked_versions, (
        f"sync_frozen debe devolver lo instalado en env_dir ({{paquete: versión}}) y coincidir con "
        f"el lock {locked_versions}; devuelve {installed}."
    )
    env_python = next(env_path.glob("bin/python"), env_path / "Scripts" / "python.exe")
    probe = subprocess.run(
        [str(env_python), "-I", "-c", "import churn_features; print(churn_features.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.stdout.strip() == "1.2.0", (
        f"El entorno {env_path} debe poder importar churn_features 1.2.0: {probe.stderr[-300:]}"
    )
    ### BEGIN HIDDEN TESTS
    lock_before = (project / "uv.lock").read_bytes()
    (project / "pyproject.toml").write_text(
        SERVICE_TOML.replace("churn-features>=1.0,<2", "churn-features>=1.1,<2"), encoding="utf-8"
    )
    again = sync_frozen(project, test_index, Path(tmp) / "otro-entorno")
    assert (project / "uv.lock").read_bytes() == lock_before, (
        "sync_frozen reescribió uv.lock porque la declaración cambió: instala con --frozen, que "
        "usa el lock tal cual y nunca lo modifica (el lock viejo lo detecta lock_problems)."
    )
    assert again == locked_versions, f"Con --frozen se instala el lock tal cual: {again}"
### END HIDDEN TESTS

# %% [markdown]
# Tus funciones, aplicadas al servicio de la demo (el mismo índice interno), como lo haría un paso
# de la CI: bloquear, comprobar, instalar.

# %%
try:
    ci_lock = lock_offline(SERVICE, INDEX)
    ci_problems = lock_problems(SERVICE, INDEX)
    ci_installed = sync_frozen(SERVICE, INDEX, SCRATCH / "ci-env")
    print(f"uv.lock: {len(ci_lock['package'])} paquetes; hallazgos: {ci_problems or 'ninguno'}")
    display(pd.Series(ci_installed, name="instalado con uv sync --frozen"))
except NotImplementedError:
    print("Resuelve el Ejercicio 4 para ver el paso de CI completo.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 4 h 15 min.*

# %% [markdown]
# ## 9. Decisiones documentadas
#
# El ADR con el que este curso decidió su propio entorno, en el formato de la guía:
#
# ```text
# ADR-03-01: Entorno del curso con pyproject.toml fijado + environment.yml espejo, sin lock de uv
#
# CONTEXTO:
# El curso corre en Binder (construye con conda, ~2 GB de RAM, sin Docker dentro de la sesión), en
# la CI y en laptops de estudiantes con Linux, macOS y Windows. Todas las dependencias tienen
# wheels para las tres plataformas; no hay CUDA ni librerías de sistema.
#
# DECISIÓN:
# Versiones exactas en pyproject.toml (el curso es una aplicación, no una biblioteca) y las mismas
# líneas en environment.yml para Binder; un test comprueba que coinciden. venv + pip en local.
#
# CONSECUENCIAS:
# (+) Binder y la CI instalan exactamente las versiones probadas.
# (+) Cero herramientas extra para el estudiante: venv y pip vienen con Python.
# (-) Sin hashes ni cierre transitivo fijado: una dependencia transitiva puede cambiar.
# (-) Dos archivos que mantener sincronizados (mitigado por el test).
#
# ALTERNATIVAS RECHAZADAS:
# - uv con uv.lock: lock universal y rápido, pero Binder no lo usa de serie y añade una herramienta
#   que el estudiante aún no conoce en el módulo 00.
# - Imagen Docker propia: Binder la reconstruye igual y en CI no aporta frente al lock.
# - conda para todo: sin dependencias nativas, un segundo ecosistema no se paga.
# ```
#
# Fíjate en la segunda consecuencia negativa: el ADR admite una debilidad y dice cómo se mitiga. Si
# un día el curso añade una dependencia con CUDA, el contexto cambia y este ADR se reabre.

# %% [markdown]
# ### Respuesta escrita (calificada a mano) · El entorno del equipo de churn
#
# El banco va a poner en producción el modelo de churn. El equipo: **6 personas** (3 con macOS en
# ARM, 2 con Windows, 1 con Linux), entrenamiento semanal en un servidor Linux con **GPU** (el
# equipo quiere probar un modelo de gradient boosting con CUDA), CI en GitHub Actions y la API
# desplegada en un contenedor. Usa la ayuda de decisión de la §3 con estos datos y escribe un ADR de
# **6 a 10 líneas** con el formato de la guía (CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS
# RECHAZADAS) que diga con qué herramienta(s) se gestiona el entorno en desarrollo, en entrenamiento
# y en producción, qué archivo es la fuente de verdad de las versiones y cómo se evita que los tres
# entornos diverjan.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-entorno-equipo", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-03-02: uv para las dependencias Python y contenedores para GPU y producción**
#
# **CONTEXTO:** 6 personas en tres sistemas operativos; entrenamiento con CUDA en un servidor Linux;
# API en contenedor. Las dependencias Python tienen wheels para todas las plataformas; CUDA no es
# instalable con pip de forma fiable en las laptops.
#
# **DECISIÓN:** `pyproject.toml` con rangos acotados + `uv.lock` (universal, con hashes) como única
# fuente de verdad de versiones. Desarrollo: `uv sync` en cada laptop (sin GPU). Entrenamiento y
# producción: imágenes Docker que instalan **desde el mismo `uv.lock`** (`uv sync --frozen`), la de
# entrenamiento sobre una imagen base de CUDA. La CI falla si el lock no está al día.
#
# **CONSECUENCIAS:** (+) Mismas versiones en los tres entornos; instalación rápida en CI con caché
# por hash del lock. (+) Nadie instala CUDA en su laptop. (−) El equipo aprende uv y Docker. (−) Lo
# que dependa de la GPU solo se prueba en el servidor o en un runner con GPU (más caro).
#
# **ALTERNATIVAS RECHAZADAS:** conda para todos (resuelve CUDA, pero un segundo ecosistema y
# builds lentos para 5 de 6 personas que no lo necesitan); Dev Containers para todos (Docker en
# macOS ARM y Windows añade fricción diaria; solo compensa si las dependencias nativas llegan al
# desarrollo); `requirements.txt` con `pip freeze` (no es multiplataforma ni tiene hashes).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Formato y contexto.** Las cuatro secciones, y el contexto recoge los datos que
#   deciden: sistemas distintos, GPU/CUDA, despliegue en contenedor. 0.5 si falta una sección o el
#   contexto es genérico.
# - **1 punto · Decisión coherente y reproducible.** Nombra herramienta(s) por entorno y **una** fuente
#   de verdad de versiones (un lock: uv.lock, poetry.lock, conda-lock) que usan los tres entornos; trata
#   CUDA fuera de pip (conda o imagen base). Soluciones válidas distintas de la modelo (Poetry + Docker,
#   conda-lock + Docker) merecen el punto si son coherentes. 0.5 si los entornos pueden divergir
#   (p. ej. lock en desarrollo pero `pip install` sin fijar en la imagen).
# - **1 punto · Trade-offs.** Al menos una consecuencia negativa honesta y una alternativa rechazada con
#   un motivo ligado al contexto (no «es peor»). 0.5 si solo hay ventajas o los motivos son genéricos.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 10. Tu entregable: `pyproject.toml` y `requirements.txt` auditado
#
# La celda siguiente escribe en tu carpeta de trabajo:
#
# - `pyproject.toml`: tu `CHURN_PYPROJECT`, **validado desde el disco** con `validate-pyproject`;
# - `requirements.txt`: el cierre de tus dependencias, fijado con `==` a las versiones instaladas
#   aquí (lo que haría `uv export` o `pip-compile` a partir de un lock);
# - `auditoria_requirements.md`: el informe de **tu** `audit_requirements` sobre ese archivo.

# %%
deliverable = WORKSPACE / "pyproject.toml"
requirements_path = WORKSPACE / "requirements.txt"
audit_path = WORKSPACE / "auditoria_requirements.md"
try:
    deliverable.write_text(CHURN_PYPROJECT, encoding="utf-8")
    project_data = tomllib.loads(deliverable.read_text(encoding="utf-8"))
    validator(project_data)  # el esquema, leído del archivo escrito
    declared = project_data["project"]["dependencies"]
    header = [
        "# Cierre de las dependencias de churn-model, fijado a las versiones de este entorno.",
        f"# Python {sys.version.split()[0]}; generado por el módulo 03_entornos.",
    ]
    requirements_text = "\n".join(header + pinned_lines(installed_closure(declared))) + "\n"
    requirements_path.write_text(requirements_text, encoding="utf-8")
    findings = audit_requirements(requirements_text)
    audit_path.write_text(findings_markdown(findings, "requirements.txt"), encoding="utf-8")
    print(requirements_text)
    display(Markdown(audit_path.read_text(encoding="utf-8")))
except (NameError, NotImplementedError):
    print("Resuelve los Ejercicios 2 y 3 y vuelve a ejecutar esta celda.")
except (pyproject_errors.ValidationError, ValueError) as err:
    print(f"Tu pyproject.toml aún no sirve como entregable: {err}")

# %%
# Comprobación del entregable: válido, con tus reglas y coherente con el requirements.txt.
if deliverable.is_file() and requirements_path.is_file():
    final_data = tomllib.loads(deliverable.read_text(encoding="utf-8"))
    validator(final_data)
    assert policy_violations(final_data, required=["numpy", "pandas", "scikit-learn"]) == []
    pins = {
        canonicalize_name(Requirement(line).name): Requirement(line).specifier
        for line in requirements_path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    for entry in final_data["project"]["dependencies"]:
        declared_req = Requirement(entry)
        pinned_version = next(iter(pins[canonicalize_name(declared_req.name)])).version
        assert declared_req.specifier.contains(pinned_version), (entry, pinned_version)
    print(f"{deliverable.name}: válido; {requirements_path.name}: {len(pins)} paquetes coherentes")
else:
    print("Entregable pendiente: ejecuta la celda anterior cuando los Ejercicios 2 y 3 pasen.")

# %%
# Limpieza: borramos los entornos de prueba; quedan solo los entregables.
shutil.rmtree(SCRATCH, ignore_errors=True)
sorted(p.name for p in WORKSPACE.iterdir())

# %% [markdown]
# ## 11. Cierre
#
# ### Resumen
#
# - Un entorno tiene tres capas (intérprete, paquetes Python, librerías nativas); la que no declaras
#   cambia sin avisar: un aviso de scikit-learn si tienes suerte, un resultado distinto si no.
# - `venv` aísla rutas (`sys.prefix`, `site-packages` propio), no procesos: `PYTHONPATH` se cuela;
#   `python -I` lo demuestra.
# - Rangos en `pyproject.toml` (abstracto), versiones exactas en el lock o el `requirements.txt` de
#   despliegue (concreto). Cada estrategia de fijado tiene su forma de fallar.
# - `validate-pyproject` comprueba el esquema; las reglas del equipo se comprueban con `packaging` y se
#   escriben como política en la CI.
# - Un lock de verdad (`uv lock`) guarda versiones exactas, origen y hash sha256 de cada archivo;
#   `uv lock --check` dice si sigue correspondiendo a lo declarado y `uv sync --frozen` lo instala tal
#   cual. `pip freeze` es una foto del entorno, no un lock; `pylock.toml` (PEP 751) es el formato común.
# - venv, conda, Poetry, uv y Docker resuelven problemas distintos: dependencias no Python → conda o
#   contenedor; lock multiplataforma → uv o Poetry; nada especial → venv.
#
# ### Checklist del entregable
#
# - [ ] Los tests visibles de los Ejercicios 1–4 pasan.
# - [ ] `workspace/03_entornos/pyproject.toml` existe, pasa `validate-pyproject` y no tiene
#   dependencias sin cota ni `==`.
# - [ ] `workspace/03_entornos/requirements.txt` fija con `==` todo el cierre y su auditoría
#   (`auditoria_requirements.md`) no tiene hallazgos.
# - [ ] `lock_problems` no da hallazgos para el `churn-service` de la §8 y `sync_frozen` instala
#   exactamente su `uv.lock`.
# - [ ] Tu ADR nombra una única fuente de verdad de versiones para desarrollo, entrenamiento y
#   producción.
#
# ### Autoevaluación
#
# 1. ¿Por qué `pip freeze > requirements.txt` en tu laptop Linux no es un lock para un compañero
#    con macOS en ARM?
# 2. Publicas una biblioteca de utilidades de churn en PyPI. ¿Fijas `pandas==3.1.1` en su
#    `pyproject.toml`? ¿Qué le pasa a quien la instale junto a otro paquete que pida `pandas<3.1`?
# 3. ¿Qué diferencia hay entre `~=2.2` y `~=2.2.0`?
# 4. Tu entorno virtual importa un paquete que no instalaste en él. Nombra dos causas posibles.
# 5. ¿Cuándo recomendarías conda a un equipo que hoy usa uv?
# 6. Alguien cambió el `pyproject.toml` y no volvió a bloquear. La CI instala con
#    `uv sync --frozen`: ¿qué versiones se instalan y qué paso de la CI debería fallar?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Mismas versiones, otros wheels (etiquetas de plataforma distintas) y ninguna garantía de que
#    exista wheel para su plataforma; además no lleva hashes. 2. No: rangos en bibliotecas; con `==`
#    el instalador no encuentra una versión que satisfaga a los dos (`ResolutionImpossible`).
#    3. `>=2.2,<3` frente a `>=2.2.0,<2.3`. 4. `PYTHONPATH` exportado, el entorno creado con
#    `--system-site-packages`, o el `site-packages` del usuario (`~/.local`). 5. Cuando aparecen
#    dependencias que pip no instala: CUDA en laptops, GDAL, R o compiladores. 6. Las del lock
#    viejo (`--frozen` nunca vuelve a resolver); debe fallar `uv lock --check` (tu `lock_problems`:
#    «desactualizado»).
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [entorno virtual](../18_glosario/18_glosario.ipynb#entorno-virtual) ·
# [`sys.prefix`](../18_glosario/18_glosario.ipynb#sys-prefix) ·
# [site-packages](../18_glosario/18_glosario.ipynb#site-packages) ·
# [PEP 440 (versiones)](../18_glosario/18_glosario.ipynb#pep-440) ·
# [PEP 508 (requisitos)](../18_glosario/18_glosario.ipynb#pep-508) ·
# [PEP 621 (`[project]`)](../18_glosario/18_glosario.ipynb#pep-621) ·
# [PEP 735 (grupos de dependencias)](../18_glosario/18_glosario.ipynb#pep-735) ·
# [extra](../18_glosario/18_glosario.ipynb#extra) ·
# [lock file](../18_glosario/18_glosario.ipynb#lock-file) ·
# [dependencia transitiva](../18_glosario/18_glosario.ipynb#dependencia-transitiva) ·
# [hash sha256](../18_glosario/18_glosario.ipynb#sha-256) ·
# [`uv.lock`](../18_glosario/18_glosario.ipynb#uv-lock) ·
# [`pylock.toml` (PEP 751)](../18_glosario/18_glosario.ipynb#pylock-toml) ·
# [wheel](../18_glosario/18_glosario.ipynb#wheel) ·
# [etiqueta de plataforma (manylinux)](../18_glosario/18_glosario.ipynb#etiqueta-plataforma) ·
# [ABI](../18_glosario/18_glosario.ipynb#abi) ·
# [Dev Container](../18_glosario/18_glosario.ipynb#dev-container).
#
# ### Para saber más
#
# - Python Packaging User Guide: *Writing your pyproject.toml* y *Dependency specifiers*
#   (packaging.python.org).
# - PEP 405 (entornos virtuales), PEP 440, PEP 508, PEP 503 (índice simple), PEP 621, PEP 735 y
#   PEP 751 (`pylock.toml`).
# - Documentación de pip: *Secure installs* (`--require-hashes`).
# - Donald Stufft (2013). *setup.py vs requirements.txt* (abstracto frente a concreto).
# - Henry Schreiner (2021). *Should You Use Upper Bound Version Constraints?* (los costos de las
#   cotas superiores).
# - Documentación de uv (docs.astral.sh/uv): *Locking and syncing*; de Poetry: *Basic usage*; de
#   conda-lock; y la especificación de Dev Containers (containers.dev).
#
# **Siguiente:** Módulo 04 · Git profesional: tu `pyproject.toml` entra en un repositorio con hooks
# que lo validan antes de cada commit.
