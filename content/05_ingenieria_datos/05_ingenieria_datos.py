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
# # Módulo 05 · Ingeniería de datos + DVC
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 2 · Gestión del caos (semanas 4–6) |
# | **Tiempo estimado** | ≈ 4 h 10 min: lectura y demos 75 min, ejercicios 145 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 04 (commits, ramas, `.gitignore`); pandas a nivel de `df.isna()`, `df[col].between(...)`; leer YAML. |
# | **Entregable** | `workspace/05_ingenieria_datos/churn-dvc/`: un pipeline DVC funcional (repositorio git + `dvc.yaml` + `dvc.lock` + `params.yaml`) con sus datos enviados a un remoto local (`workspace/05_ingenieria_datos/dvc-remote/`) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** por qué git no sirve para versionar datos y cómo lo resuelve DVC con una caché
#    direccionada por contenido, y **calcular** dónde guarda DVC un archivo (§1–§2, Ejercicio 1).
# 2. **Versionar** un dataset con `dvc add`, enviarlo a un remoto con `dvc push` y recuperarlo en
#    limpio con `dvc pull` (§3, entregable).
# 3. **Escribir** un `dvc.yaml` con etapas, dependencias, salidas, parámetros y métricas que DVC
#    acepte y ejecute con `dvc repro` (Ejercicio 2).
# 4. **Detener** un pipeline con datos corruptos mediante una etapa de validación con mensajes
#    claros en español (Ejercicio 3).
# 5. **Predecir** qué etapas vuelve a ejecutar DVC cuando cambia un parámetro, y **comprobarlo**
#    contra lo que DVC ejecuta de verdad (Ejercicio 4).
# 6. **Decidir** cuándo NO usar DVC (Git LFS, lakehouse, el data lake existente) y defenderlo en un
#    ADR (§8 y respuesta escrita).
#
# > **Mentalidad Senior (Fase 2):** Si no puedo reproducir tu resultado en MI máquina, tu trabajo
# > no existe.

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` son tuyas; los tests visibles van justo debajo y, al calificar, se
# añaden tests ocultos. Si algo se rompe, *Kernel → Restart Kernel and Run All Cells*.
#
# **Todo corre de verdad y sin red.** Este cuaderno ejecuta `git` y `dvc` reales dentro de tu
# carpeta de trabajo, `workspace/05_ingenieria_datos/`. Nunca toca tu `~/.gitconfig` ni tu caché
# de DVC: cada comando recibe un entorno aislado (`isolated_env`) con un `HOME` privado, identidad
# de git propia y la telemetría de DVC apagada. El remoto de DVC es **una carpeta local**: funciona
# exactamente igual que S3 o GCS, sin credenciales ni red.
#
# **Es reejecutable.** La §3 borra y recrea el proyecto DVC cada vez que la ejecutas: el
# entregable siempre sale del estado limpio, nunca de restos de una ejecución anterior.
#
# DVC es un programa Python que tarda alrededor de un segundo en arrancar; cada comando muestra
# cuánto ha tardado en tu máquina.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # filas de cada extracción sintética de clientes
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from mlops_course.lessons.common import git, isolated_env, make_churn
from mlops_course.lessons.m05_dataops import DataValidationError, clear_run_log, stages_that_ran
from mlops_course.lessons.m05_dataops.dvctool import dvc
from mlops_course.lessons.m05_dataops.project import (
    check_dvc_yaml,
    commit_all,
    init_project,
    install_stage_scripts,
    read_yaml,
    reset_dir,
    write_checks_module,
    write_yaml,
)
from mlops_course.lessons.m05_dataops.validation import pandera_failing_columns
from mlops_course.machinery.decision_aids import show_aid
from mlops_course.machinery.workspace import module_workspace

WORKSPACE = module_workspace("05_ingenieria_datos")
PROJECT = WORKSPACE / "churn-dvc"  # el entregable: repositorio git + DVC
REMOTE = WORKSPACE / "dvc-remote"  # el remoto de DVC: una carpeta local
ENV = isolated_env(WORKSPACE / ".tool-home")  # HOME privado para git y DVC
WORKSPACE

# %% [markdown]
# ## 1. El problema: «funcionaba con los datos del martes»
#
# El modelo de churn del banco se entrena con una extracción mensual de clientes. Un lunes, negocio
# pregunta por qué la lista de riesgo de marzo es tan distinta de la de febrero. Para responder
# necesitas **exactamente** los datos, el código y los parámetros con los que se entrenó cada
# modelo. El código está en git. ¿Y los datos?
#
# Lo que suele pasar: `churn.csv` se sobrescribe cada mes (o aparecen `churn_final_v2_bueno.csv`),
# nadie sabe qué versión usó qué modelo y el resultado de febrero ya no se puede reproducir.
#
# La respuesta ingenua es «pues los meto en git». Probémoslo de verdad: tres extracciones mensuales
# del mismo dataset, cada una en su commit, en un repositorio temporal.

# %%
# Tres extracciones mensuales del mismo archivo, cada una en su propio commit (repositorio temporal).
with tempfile.TemporaryDirectory(dir=WORKSPACE) as tmp:
    naive = Path(tmp) / "repo"
    naive_env = isolated_env(Path(tmp) / "home")
    naive.mkdir()
    git("init", "--quiet", cwd=naive, env=naive_env)
    history_kib = []
    for month, seed in (("enero", SEED), ("febrero", SEED + 1), ("marzo", SEED + 2)):
        make_churn(N_CUSTOMERS, seed).to_csv(naive / "churn.csv", index=False)
        git("add", "churn.csv", cwd=naive, env=naive_env)
        git("commit", "--quiet", "-m", f"extracción de {month}", cwd=naive, env=naive_env)
        git("gc", "--quiet", cwd=naive, env=naive_env)
        stats = git("count-objects", "-v", cwd=naive, env=naive_env).stdout
        history_kib.append(int(stats.split("size-pack: ")[1].split()[0]))
    csv_kib = (naive / "churn.csv").stat().st_size // 1024
pd.DataFrame(
    {"CSV del mes (KiB)": csv_kib, "historia .git acumulada (KiB, comprimida)": history_kib},
    index=["enero", "febrero", "marzo"],
)

# %% [markdown]
# Git **guarda cada versión para siempre**: la historia crece con cada extracción (git comprime el
# CSV, pero cada mes suma su parte) y cada `git clone` descarga la historia entera. Con tres
# extracciones pequeñas no duele; con extracciones de 5 GB, un año de historia son decenas de GB en
# cada portátil y en cada job de CI. Además, GitHub bloquea archivos de más de 100 MiB y avisa a
# partir de 50 MiB (documentación de GitHub, *About large files on GitHub*). Y git compara líneas
# de texto: no sabe nada de Parquet, imágenes ni modelos binarios.
#
# Lo que necesitamos es que **git guarde una referencia pequeña a cada versión de los datos** y que
# los bytes vivan en un almacén aparte, barato y compartido. Eso es DVC (*Data Version Control*).
#
# ⏱ *Tiempo estimado hasta aquí: 15 min.*

# %% [markdown]
# ## 2. Cómo versiona DVC: una caché direccionada por contenido
#
# DVC calcula el **hash MD5 del contenido** del archivo y lo guarda en su caché bajo una ruta que
# sale del propio hash: `.dvc/cache/files/md5/<2 primeros caracteres>/<los otros 30>`. En git solo
# entra un archivo `.dvc` de unas pocas líneas con ese hash. Consecuencias:
#
# - **Mismo contenido, misma dirección**: dos versiones idénticas ocupan una sola vez (deduplicación).
# - **Otro contenido, otra dirección**: nada se sobrescribe; volver a febrero es `git checkout` del
#   archivo `.dvc` de febrero + `dvc checkout`.
# - El **remoto** (S3, GCS, Azure, SSH o una carpeta compartida) tiene la misma estructura que la
#   caché: `dvc push` copia los objetos que faltan y `dvc pull` los trae.
#
# **Metáfora: el guardarropa.** Dejas el abrigo (los datos) y te dan un resguardo con un número (el
# archivo `.dvc`). El resguardo cabe en el bolsillo (git); el abrigo está en el guardarropa (la
# caché y el remoto). Con el resguardo de febrero recuperas el abrigo de febrero, en cualquier
# máquina que tenga acceso al guardarropa.
#
# ```mermaid
# flowchart LR
#     subgraph Git["Repositorio git (pequeño)"]
#         P["data/raw/churn.csv.dvc<br/>md5: 3f2a…"]
#         Y["dvc.yaml · dvc.lock · params.yaml"]
#     end
#     W["data/raw/churn.csv<br/>(espacio de trabajo, ignorado por git)"]
#     C[".dvc/cache/files/md5/3f/2a…<br/>(caché local)"]
#     R[("Remoto DVC<br/>S3 · GCS · carpeta")]
#     W -- "dvc add" --> C
#     W -. "el hash va a" .-> P
#     C -- "dvc push" --> R
#     R -- "dvc pull" --> C
#     C -- "dvc checkout" --> W
# ```
#
# ### Ejercicio 1 (funcional) · ¿Dónde guarda DVC tus datos?
#
# Escribe `dvc_cache_path(data_file, cache_dir)` que devuelva la ruta donde DVC 3 guarda el
# contenido de `data_file` dentro de la caché `cache_dir`:
#
# 1. El hash es el MD5 de **todos los bytes** del archivo, tal cual (DVC 3 ya no normaliza los
#    saltos de línea `\r\n` como hacía DVC 2): solo cuenta el contenido, no el nombre, y un
#    archivo vacío también tiene hash.
# 2. Con el hash en hexadecimal `h` (32 caracteres), devuelve un `pathlib.Path`:
#    `Path(cache_dir) / "files" / "md5" / h[:2] / h[2:]`.
# 3. `data_file` y `cache_dir` pueden ser `str` o `Path`; cualquier otro tipo, en cualquiera de los
#    dos, es `TypeError`.
# 4. Si `data_file` no existe: `FileNotFoundError` con un mensaje **en español** que nombra la ruta
#    (compruébalo tú antes de abrirlo: el mensaje de `open()` está en inglés).
# 5. Si `data_file` es una carpeta: `ValueError` con un mensaje que nombra la ruta (DVC versiona
#    las carpetas con un manifiesto `.dir`, que queda fuera de este ejercicio).
#
# *Consejo:* un dataset de 20 GB no cabe en memoria. Lee en bloques (por ejemplo, de 1 MiB) y pasa
# cada bloque al **mismo** `hashlib.md5()` con `.update(...)`.
#
# ```text
# archivo con b"customer_id,churned\nC000001,0\nC000002,1\n"
# dvc_cache_path(archivo, "/tmp/cache")
#   → Path("/tmp/cache/files/md5/5c/ea9748cc10df70fcd47c4c9848522f")
# ```

# %% nbgrader={"grade": false, "grade_id": "cache-path", "locked": false, "schema_version": 3, "solution": true, "task": false}
import hashlib


def dvc_cache_path(data_file: str | Path, cache_dir: str | Path) -> Path:
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    ### BEGIN SOLUTION
    for name, value in (("data_file", data_file), ("cache_dir", cache_dir)):
        if not isinstance(value, (str, Path)):
            raise TypeError(f"{name} debe ser str o Path, no {type(value).__name__}.")
    source = Path(data_file)
    if not source.exists():
        raise FileNotFoundError(f"No existe el archivo {source}: no hay nada que versionar.")
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta: este cálculo es para un único archivo.")
    digest = hashlib.md5()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    hex_hash = digest.hexdigest()
    return Path(cache_dir) / "files" / "md5" / hex_hash[:2] / hex_hash[2:]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-cache-path-basico", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: la ruta de caché de DVC 3 (hash MD5 de los bytes; rutas str o Path).
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp_dir:
    sample = Path(tmp_dir) / "muestra.csv"
    sample.write_bytes(b"customer_id,churned\nC000001,0\nC000002,1\n")
    got = dvc_cache_path(sample, Path(tmp_dir) / "cache")
    want = Path(tmp_dir) / "cache" / "files" / "md5" / "5c" / "ea9748cc10df70fcd47c4c9848522f"
    assert isinstance(got, Path), f"Devuelve un pathlib.Path, no {type(got).__name__}."
    assert got == want, (
        f"Para ese archivo la ruta debe ser {want} y es {got}: MD5 de los bytes, en hexadecimal; "
        "carpeta files/md5, luego los 2 primeros caracteres y luego los 30 restantes."
    )
    ### BEGIN HIDDEN TESTS
    crlf = Path(tmp_dir) / "windows.csv"
    crlf.write_bytes(b"customer_id,churned\r\nC000001,0\r\nC000002,1\r\n")
    got_crlf = dvc_cache_path(str(crlf), str(Path(tmp_dir) / "cache"))
    assert got_crlf.name == "2c9b51da1e955c8eb489a00555b5cb" and got_crlf.parent.name == "6d", (
        f"Un archivo con saltos \\r\\n da {got_crlf}: DVC 3 hashea los bytes tal cual. ¿Lo abres "
        "en modo texto? Usa open(..., 'rb')."
    )
    big = Path(tmp_dir) / "grande.bin"
    big.write_bytes(bytes(range(256)) * 12_289)  # ~3 MB: más de un bloque
    got_big = dvc_cache_path(big, "c")
    assert got_big.parent.name + got_big.name == "87655cb9e87a968c3f7254e28db408de", (
        f"Un archivo de ~3 MB da {got_big}: el hash debe cubrir todos sus bytes; si lees en "
        "bloques, actualiza el mismo hashlib.md5() con cada uno."
    )
    empty = Path(tmp_dir) / "vacio.csv"
    empty.write_bytes(b"")
    got_empty = dvc_cache_path(empty, "cache")
    assert got_empty == Path("cache/files/md5/d4/1d8cd98f00b204e9800998ecf8427e"), (
        f"Un archivo vacío también tiene hash (d41d8cd9…); da {got_empty}."
    )
    twin = Path(tmp_dir) / "copia_con_otro_nombre.csv"
    twin.write_bytes(sample.read_bytes())
    assert dvc_cache_path(twin, "c") == dvc_cache_path(sample, "c"), (
        "Dos archivos con el mismo contenido deben dar la misma ruta: el nombre no cuenta."
    )
    ### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-cache-path-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5]: entradas inválidas dan el error adecuado (tras una válida).
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp_dir:
    ok_file = Path(tmp_dir) / "ok.csv"
    ok_file.write_bytes(b"hola\n")
    assert dvc_cache_path(ok_file, tmp_dir).name == "6f4c31aaa35d6b867dae9a7f54270d", (
        "dvc_cache_path debe funcionar con un archivo válido antes de mirar los errores."
    )
    try:
        dvc_cache_path(Path(tmp_dir) / "no_existe.csv", tmp_dir)
    except FileNotFoundError as err:
        assert "no_existe.csv" in str(err), f"El mensaje debe nombrar la ruta; dice {str(err)!r}."
    else:
        raise AssertionError("Un archivo que no existe debe lanzar FileNotFoundError.")
    ### BEGIN HIDDEN TESTS
    try:
        dvc_cache_path(str(Path(tmp_dir) / "otro_que_falta.csv"), tmp_dir)
    except FileNotFoundError as missing_error:
        assert "No such file" not in str(missing_error), (
            "El FileNotFoundError debe llevar tu mensaje en español, no el de open(): comprueba "
            f"que el archivo existe antes de abrirlo. Dice {str(missing_error)!r}."
        )
        assert "otro_que_falta.csv" in str(missing_error), (
            f"El mensaje debe nombrar la ruta; dice {str(missing_error)!r}."
        )
    else:
        raise AssertionError("Un archivo que no existe (ruta str) debe lanzar FileNotFoundError.")
    try:
        dvc_cache_path(tmp_dir, tmp_dir)
    except ValueError as folder_error:
        assert Path(tmp_dir).name in str(folder_error), (
            f"El ValueError de una carpeta debe nombrar la ruta; dice {str(folder_error)!r}."
        )
    except OSError as folder_error:
        raise AssertionError(
            f"Una carpeta debe lanzar ValueError, no {type(folder_error).__name__}: compruébalo "
            "antes de abrirla (is_dir())."
        ) from None
    else:
        raise AssertionError("Una carpeta debe lanzar ValueError (solo calculamos archivos).")
    for bad in (42, None, b"ok.csv"):
        try:
            dvc_cache_path(bad, tmp_dir)
        except TypeError:
            pass
        except Exception as wrong:
            raise AssertionError(
                f"data_file={bad!r} debe lanzar TypeError (solo str o Path), no "
                f"{type(wrong).__name__}: comprueba el tipo antes que nada."
            ) from None
        else:
            raise AssertionError(f"data_file={bad!r} debe lanzar TypeError.")
    try:
        dvc_cache_path(ok_file, 3.5)
    except TypeError:
        pass
    else:
        raise AssertionError("cache_dir=3.5 debe lanzar TypeError: solo str o Path.")
    ### END HIDDEN TESTS

# %% [markdown]
# Tu función predice dónde guardará DVC los datos. En la §3 lo comprobaremos contra la caché real.
#
# ⏱ *Tiempo estimado hasta aquí: 40 min.*
#
# ## 3. Versionar los datos crudos y enviarlos a un remoto
#
# Creamos el proyecto desde cero: un repositorio git con DVC inicializado (`git init` + `dvc init`).
# `dvc init` crea la carpeta `.dvc/` (configuración y caché) y la deja lista para commitear.

# %%
# Proyecto y remoto desde cero: reejecutar el cuaderno siempre parte de un estado limpio.
reset_dir(REMOTE)
print(init_project(PROJECT, ENV))
sorted(p.name for p in PROJECT.iterdir())

# %% [markdown]
# La extracción de clientes de enero llega como `data/raw/churn.csv`. `dvc add` calcula su hash,
# la mueve a la caché, escribe el puntero `churn.csv.dvc` y añade el CSV a `data/raw/.gitignore`
# para que git nunca lo versione.

# %%
RAW = PROJECT / "data" / "raw" / "churn.csv"
RAW.parent.mkdir(parents=True, exist_ok=True)
make_churn(N_CUSTOMERS, SEED).to_csv(RAW, index=False)
print(dvc("add", "data/raw/churn.csv", cwd=PROJECT, env=ENV, check=True))
print((PROJECT / "data" / "raw" / "churn.csv.dvc").read_text(encoding="utf-8"))
commit_all(PROJECT, ENV, "Datos crudos de enero versionados con DVC")

# %% [markdown]
# En git solo ha entrado el puntero (unas líneas con el `md5` y el tamaño). Comprobemos tu
# Ejercicio 1 contra la caché real que acaba de escribir DVC:

# %%
# Tu predicción frente a la caché real de DVC.
pointer = read_yaml(PROJECT / "data" / "raw" / "churn.csv.dvc")
real_md5 = pointer["outs"][0]["md5"]
try:
    predicted = dvc_cache_path(RAW, PROJECT / ".dvc" / "cache")
    verdict = (
        "coincide con DVC: el archivo existe en la caché"
        if predicted.is_file() and predicted.parent.name + predicted.name == real_md5
        else "NO coincide con DVC: revisa el Ejercicio 1"
    )
except NotImplementedError:
    predicted, verdict = None, "resuelve el Ejercicio 1 para comparar"
{"md5 en churn.csv.dvc": real_md5, "tu ruta": str(predicted), "veredicto": verdict}

# %% [markdown]
# Ahora el remoto. En una empresa sería `s3://…` o `gs://…`; aquí es una carpeta local, con la
# misma estructura. `-d` lo marca como remoto por defecto; la configuración queda en
# `.dvc/config`, que sí va a git (sin credenciales: esas van en `.dvc/config.local`, que git ignora).

# %%
print(dvc("remote", "add", "-d", "local", str(REMOTE), cwd=PROJECT, env=ENV, check=True))
print((PROJECT / ".dvc" / "config").read_text(encoding="utf-8"))

# %%
# Subimos al remoto lo que hay en la caché y commiteamos la configuración.
print(dvc("push", cwd=PROJECT, env=ENV, check=True))
commit_all(PROJECT, ENV, "Remoto DVC local por defecto")

# %% [markdown]
# La prueba de que funciona: simulamos un portátil nuevo. Borramos el CSV **y la caché local**, y
# recuperamos los datos solo con lo que hay en git (el puntero) y en el remoto.

# %%
shutil.rmtree(PROJECT / ".dvc" / "cache")
RAW.unlink()
print(dvc("pull", cwd=PROJECT, env=ENV, check=True))
RAW.is_file(), pd.read_csv(RAW).shape

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h.*
#
# ## 4. Del script suelto al pipeline: `dvc.yaml`
#
# Versionar datos es la mitad. La otra mitad: **qué se hizo con ellos**. Un pipeline de entrenamiento
# tiene etapas; si cambias los parámetros de una, hay que volver a ejecutar esa y las que dependen de
# ella, ni más (pérdida de tiempo y de dinero) ni menos (un modelo entrenado con features viejas:
# el error silencioso más caro).
#
# `dvc.yaml` declara cada etapa con su comando (`cmd`), lo que lee (`deps`), los parámetros de
# `params.yaml` que usa (`params`), lo que escribe (`outs`, a la caché) y sus métricas (`metrics`,
# pequeñas, con `cache: false` para que vayan a git). Con eso DVC deduce el grafo (DAG) y
# `dvc repro` ejecuta **solo lo que ha cambiado**. `dvc.lock` guarda el hash de cada dependencia,
# parámetro y salida de la última ejecución: es la foto exacta de lo que produjo el modelo.
#
# **Metáfora: la cocina con comandas.** Si el cliente pide la salsa con menos sal, el cocinero rehace
# la salsa y el emplatado, no vuelve a comprar las verduras. `dvc repro` es ese cocinero: compara
# cada ingrediente (hash) con lo anotado en la última comanda (`dvc.lock`) y rehace solo lo que
# depende de lo que cambió.
#
# Nuestro pipeline tiene cuatro etapas:
#
# ```mermaid
# flowchart LR
#     R[("data/raw/churn.csv<br/>(dvc add)")] --> P[prepare]
#     P -- data/prepared --> V[validate]
#     V -- reports/validation.json --> F[featurize]
#     P -- data/prepared --> F
#     F -- data/features --> T[train]
#     T --> M["models/segment_rates.json<br/>metrics.json"]
#     PP{{params.yaml}} -. prepare.* .-> P
#     PP -. validate .-> V
#     PP -. featurize.* .-> F
#     PP -. train.* .-> T
# ```
#
# La etapa `validate` es una **puerta**: `featurize` depende de su informe, así que si la validación
# falla, DVC no ejecuta nada de lo que viene detrás. Los scripts de cada etapa ya están escritos
# (en el paquete del curso); los copiamos al proyecto. Usan solo la biblioteca estándar, salvo
# `validate`, para que cada etapa arranque en milisegundos: aquí importa el grafo, no el modelo
# (un modelo base por segmentos que el módulo 06 sustituirá por scikit-learn).

# %%
# Parámetros del pipeline: lo que cambias sin tocar código. Las reglas de validación también.
PARAMS = {
    "prepare": {"test_size": 0.25, "seed": SEED},
    "validate": {
        "required_columns": [
            "customer_id",
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "estimated_salary_eur",
            "credit_score",
            "region",
            "churned",
        ],
        "max_missing_rate": 0.02,
        "ranges": {
            "age": [18, 85],
            "tenure_months": [0, 120],
            "balance_eur": [0, 300_000],
            "estimated_salary_eur": [10_000, 250_000],
            "credit_score": [350, 850],
            "num_products": [1, 4],
        },
        "target": "churned",
        "id_column": "customer_id",
    },
    "featurize": {"age_bins": [18, 30, 40, 50, 60, 86]},
    "train": {"smoothing": 20},
}
write_yaml(PROJECT / "params.yaml", PARAMS)
scripts = install_stage_scripts(PROJECT)
# El contrato de cada script: su docstring dice qué lee, qué parámetros usa y qué escribe.
for script in scripts:
    print(f"── stages/{script.name}")
    print(script.read_text(encoding="utf-8").split('"""')[1].strip(), end="\n\n")

# %% [markdown]
# ### Ejercicio 2 (funcional) · El `dvc.yaml` del pipeline
#
# Escribe `pipeline_spec()` que devuelva, como diccionario de Python, el contenido de `dvc.yaml`
# para las cuatro etapas, **leyendo el contrato de cada script** de la celda anterior:
#
# 1. Clave raíz `"stages"` (un `dvc.yaml` que DVC acepte), con las cuatro etapas en este orden:
#    `prepare`, `validate`, `featurize`, `train`.
# 2. `cmd`: exactamente `python stages/<etapa>.py` (el `python` del entorno del curso; ver la nota
#    de abajo).
# 3. `deps`: el **propio script** (si cambias el código, la etapa debe repetirse) y todo lo que la
#    línea `Lee:` de su contrato dice que lee. Declara las carpetas (`data/prepared`,
#    `data/features`) como un único elemento, no archivo por archivo. `validate` también depende
#    de `stages/churn_checks.py`, donde irá tu función del Ejercicio 3.
# 4. `params`: exactamente las claves que usa cada script, con punto (`"prepare.seed"`). `validate`
#    usa la sección entera: escribe solo `"validate"`.
# 5. `outs`: lo que escribe la etapa (las carpetas, también como un único elemento), salvo los
#    archivos de métricas, que van en `metrics` con la forma
#    `[{"reports/validation.json": {"cache": False}}]` (van a git, no a la caché).
# 6. Nada más: ninguna etapa declara dependencias o salidas que su contrato no nombra (tampoco
#    `params.yaml`: de eso se encarga `params`) ni otras claves que `cmd`, `deps`, `params`,
#    `outs` y `metrics`.
#
# *Nota:* DVC ejecuta `cmd` con el `PATH` del entorno, y `isolated_env` pone primero la carpeta del
# Python del curso; por eso `python` es el del curso. No escribas rutas absolutas en `cmd`: el hash
# del comando forma parte de `dvc.lock` y cambiaría en cada máquina.


# %% nbgrader={"grade": false, "grade_id": "pipeline", "locked": false, "schema_version": 3, "solution": true, "task": false}
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    ### BEGIN SOLUTION
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared"],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": ["stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["stages/train.py", "data/features"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-pipeline-esquema", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R6]: DVC acepta el dvc.yaml, con las cuatro etapas en orden y sus cmd.
from mlops_course.lessons.m05_dataops.project import check_dvc_yaml

spec = pipeline_spec()
check_dvc_yaml(spec)  # lanza ValueError con el mensaje de DVC si el dvc.yaml no es válido
names = list(spec["stages"])
assert names == ["prepare", "validate", "featurize", "train"], (
    f"Las etapas deben ser prepare, validate, featurize, train (en ese orden); son {names}."
)
for stage_name in names:
    command = spec["stages"][stage_name]["cmd"]
    assert command == f"python stages/{stage_name}.py", (
        f"El cmd de '{stage_name}' debe ser 'python stages/{stage_name}.py'; es {command!r}."
    )
### BEGIN HIDDEN TESTS
for stage_name, stage in spec["stages"].items():
    assert set(stage) <= {"cmd", "deps", "params", "outs", "metrics"}, (
        f"La etapa '{stage_name}' tiene claves de más: {sorted(stage)}."
    )
    assert f"stages/{stage_name}.py" in stage.get("deps", []), (
        f"'{stage_name}' debe depender de su propio script stages/{stage_name}.py: si cambias el "
        "código, la etapa tiene que repetirse."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pipeline-grafo", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R5, R6]: deps y outs forman el grafo prepare → validate → featurize → train.
spec = pipeline_spec()


def declared(stage, key):
    """Rutas declaradas en stage[key], tanto si son textos como si son {ruta: opciones}."""
    paths = []
    for entry in stage.get(key, []):
        paths.extend([entry] if isinstance(entry, str) else list(entry))
    return paths


def covered(path, paths):
    """True si `path` es una de `paths` o está dentro de una carpeta de `paths`."""
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in paths)


stages = spec["stages"]
assert covered("data/raw/churn.csv", declared(stages["prepare"], "deps")), (
    "prepare lee data/raw/churn.csv: debe estar en sus deps."
)
assert covered("data/prepared/train.csv", declared(stages["prepare"], "outs")), (
    "prepare escribe data/prepared/: declara la carpeta en sus outs."
)
assert covered("reports/validation.json", declared(stages["featurize"], "deps")), (
    "featurize debe depender de reports/validation.json: es la puerta que garantiza que la "
    "validación pasó antes de generar features."
)
### BEGIN HIDDEN TESTS
# El contrato de cada script (líneas «Lee:» y «Escribe:»), sin las métricas.
contract = {
    "prepare": ({"stages/prepare.py", "data/raw/churn.csv"}, {"data/prepared"}),
    "validate": ({"stages/validate.py", "stages/churn_checks.py", "data/prepared"}, set()),
    "featurize": (
        {"stages/featurize.py", "data/prepared", "reports/validation.json"},
        {"data/features"},
    ),
    "train": ({"stages/train.py", "data/features"}, {"models/segment_rates.json"}),
}
for stage_name, (want_deps, want_outs) in contract.items():
    for key, want in (("deps", want_deps), ("outs", want_outs)):
        got_paths = {p.rstrip("/") for p in declared(stages[stage_name], key)}
        missing, extra = sorted(want - got_paths), sorted(got_paths - want)
        loose = [p for p in extra if any(p.startswith(folder + "/") for folder in missing)]
        assert not missing, (
            f"A los {key} de '{stage_name}' les falta {missing}: revisa su contrato (el propio "
            "script y las líneas «Lee:» y «Escribe:»)."
            + (
                " Declara cada carpeta como un único elemento, no archivo por archivo."
                if loose
                else ""
            )
        )
        assert not extra, (
            f"'{stage_name}' declara en {key} {extra}, que su contrato no nombra. Nada más que lo "
            "que lee o escribe: params.yaml lo cubre 'params' y las métricas van en 'metrics'."
        )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pipeline-params-metricas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: cada etapa declara sus parámetros exactos; las métricas van a git.
spec = pipeline_spec()
stages = spec["stages"]
assert sorted(stages["prepare"].get("params", [])) == ["prepare.seed", "prepare.test_size"], (
    "prepare usa prepare.test_size y prepare.seed: ni más ni menos; "
    f"declara {stages['prepare'].get('params')}."
)
train_metrics = stages["train"].get("metrics", [])
assert train_metrics == [{"metrics.json": {"cache": False}}], (
    "train escribe metrics.json, que va en 'metrics' con cache: False (pequeño, a git): "
    f"declara {train_metrics}."
)
### BEGIN HIDDEN TESTS
assert stages["validate"].get("params") == ["validate"], (
    "validate usa la sección entera: params debe ser ['validate']."
)
assert stages["featurize"].get("params") == ["featurize.age_bins"], (
    "featurize solo usa featurize.age_bins."
)
assert stages["train"].get("params") == ["train.smoothing"], (
    "train solo usa train.smoothing: si declaras parámetros que no usa, DVC lo repetirá sin motivo."
)
assert stages["validate"].get("metrics") == [{"reports/validation.json": {"cache": False}}], (
    "validate escribe reports/validation.json como métrica con cache: False."
)
for stage_name, stage in stages.items():
    outs = [e if isinstance(e, str) else next(iter(e)) for e in stage.get("outs", [])]
    assert not any(o.endswith(".json") and "models/" not in o for o in outs), (
        f"'{stage_name}' pone un archivo de métricas en outs: va en 'metrics' con cache: False."
    )
### END HIDDEN TESTS

# %% [markdown]
# El validador del Ejercicio 3 aún no existe, pero el pipeline ya puede escribirse y dibujarse.
# Escribimos `dvc.yaml` con tu función y le pedimos a DVC el grafo (`dvc dag`): lo deduce de tus
# `deps` y `outs`, nadie se lo ha dibujado.

# %%
try:
    write_yaml(PROJECT / "dvc.yaml", pipeline_spec())
    check_dvc_yaml(read_yaml(PROJECT / "dvc.yaml"))
    print(dvc("dag", cwd=PROJECT, env=ENV))
except NotImplementedError:
    print("Resuelve el Ejercicio 2 y vuelve a ejecutar esta celda.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 50 min.*
#
# ## 5. Validación de datos: la puerta del pipeline
#
# Primero el fallo. La extracción de febrero llega con un error en origen: una sucursal ha exportado
# los saldos **en céntimos**. Nada explota: pandas lee los números, el pipeline entrena y las
# métricas salen. Solo que el modelo ha aprendido de datos falsos.

# %%
# La extracción de febrero, con los saldos de una región en céntimos (un error real y frecuente).
february = make_churn(N_CUSTOMERS, SEED + 1)
in_cents = february["region"] == "País Vasco"
february.loc[in_cents, "balance_eur"] = february.loc[in_cents, "balance_eur"] * 100
pd.DataFrame(
    {
        "enero": make_churn(N_CUSTOMERS, SEED)["balance_eur"].describe(),
        "febrero (con el error)": february["balance_eur"].describe(),
    }
).round(0)

# %% [markdown]
# El saldo máximo se multiplica por cien y nadie lo mira. La práctica que lo evita: **validar los
# datos como una etapa más del pipeline**, con reglas declaradas en `params.yaml` (versionadas y
# revisables) y un mensaje que diga qué columna falla, cuánto y cuál es el rango esperado.
#
# La etapa `validate` es la puerta del pipeline: un lote que no cumple se rechaza **antes** de
# `featurize` y `train`, y el modelo en producción sigue siendo el del último lote bueno.
#
# ### Ejercicio 3 (seguro) · El validador que para el pipeline
#
# Escribe `validate_churn(df, rules)` que devuelva `None` si el lote cumple las reglas y, si no,
# lance `DataValidationError` (ya importada; es una subclase de `ValueError`) con un mensaje en
# español que liste **todos** los problemas (no solo el primero: quien arregla el origen quiere la
# lista completa). `rules` es la sección `validate` de `PARAMS`. En orden:
#
# 1. Si `df` no es un `pandas.DataFrame`: `TypeError`.
# 2. Si faltan columnas de `rules["required_columns"]`: `DataValidationError` nombrándolas
#    **todas** (y sin seguir: las demás comprobaciones las necesitan). Nunca un `KeyError`.
# 3. Si `df` no tiene filas: `DataValidationError`.
# 4. Si el lote cumple las reglas 5 a 8, devuelve `None` (no `True` ni un informe). Si no, lanza
#    **una** `DataValidationError` con **todos** los problemas, uno por línea del mensaje; cada
#    línea **nombra la columna entre comillas simples** (`'balance_eur'`) y da la cifra.
# 5. Vacíos: la fracción de vacíos de una columna obligatoria es un problema si es **mayor** que
#    `rules["max_missing_rate"]` (justo en el límite se acepta).
# 6. Rangos: los valores no vacíos fuera del rango cerrado `rules["ranges"][columna]` son un
#    problema, con cuántos son (los vacíos no cuentan aquí: ya los cuenta la regla 5).
# 7. Etiquetas: los valores no vacíos de `rules["target"]` distintos de 0 y 1 son un problema,
#    con cuántos son.
# 8. Identificadores: los valores repetidos en `rules["id_column"]` son un problema (aunque el
#    resto de la fila sea distinto), con cuántos son.
#
# Tu función se copiará tal cual a `stages/churn_checks.py` y la ejecutará la etapa `validate` en
# otro proceso: usa solo `pd`, `np`, `math` y `DataValidationError`, no otras variables del cuaderno.
#
# ```text
# validate_churn(make_churn(500, 7), rules)   →  None
# validate_churn(february, rules)   # 5 000 filas →  DataValidationError:
#     La validación de datos ha fallado (1 problema):
#     - columna 'balance_eur': 384 valores fuera del rango [0, 300000].
# validate_churn(df.drop(columns="age"), rules) → DataValidationError: … 'age' …
# ```


# %% nbgrader={"grade": false, "grade_id": "validate", "locked": false, "schema_version": 3, "solution": true, "task": false}
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    ### BEGIN SOLUTION
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df debe ser un pandas.DataFrame, no {type(df).__name__}.")
    absent = [column for column in rules["required_columns"] if column not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas obligatorias: {absent}.")
    if len(df) == 0:
        raise DataValidationError("El lote no tiene filas: no hay nada que validar.")
    problems = []
    limit = rules["max_missing_rate"]
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > limit:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos (máximo {limit:.1%}).")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(
                f"columna '{column}': {outside} valores fuera del rango [{low}, {high}]."
            )
    target = rules["target"]
    bad_labels = int((~df[target].dropna().isin([0, 1])).sum())
    if bad_labels:
        problems.append(f"columna '{target}': {bad_labels} etiquetas distintas de 0 y 1.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} identificadores repetidos.")
    if problems:
        count = f"{len(problems)} problema" + ("s" if len(problems) > 1 else "")
        details = "\n".join(f"- {problem}" for problem in problems)
        raise DataValidationError(f"La validación de datos ha fallado ({count}):\n{details}")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-validate-limpio", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5, R6, R7]: un lote limpio (también con vacíos dentro del límite) devuelve None.
from mlops_course.lessons.common import make_churn

clean = make_churn(500, 7)
assert validate_churn(clean, PARAMS["validate"]) is None, (
    "Un lote limpio debe pasar: validate_churn devuelve None (no True ni un informe)."
)
### BEGIN HIDDEN TESTS
rules_hidden = PARAMS["validate"]
with_gaps = clean.copy()
with_gaps.loc[:9, "age"] = pd.NA  # exactamente el 2 %: justo en el límite
with_gaps.loc[:4, "balance_eur"] = float("nan")
with_gaps.loc[20, "churned"] = float("nan")  # una etiqueta vacía: la cuenta la regla de vacíos
try:
    validate_churn(with_gaps, rules_hidden)
except DataValidationError as rejection:
    raise AssertionError(
        "Un 2 % de vacíos (justo el máximo), vacíos en columnas con rango y una etiqueta vacía "
        "deben aceptarse: usa '>' con el límite y no cuentes los vacíos como fuera de rango ni "
        f"como etiquetas inválidas. Mensaje: {rejection}"
    ) from None
edges = clean.copy()
edges.loc[0, "age"] = 18
edges.loc[1, "age"] = 85
edges.loc[2, "balance_eur"] = 0.0
assert validate_churn(edges, rules_hidden) is None, (
    "Los extremos del rango (18, 85, 0) son válidos."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-validate-corrupto", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R6, R7, R8]: cada problema, en su propia línea, con la columna y la cifra.
from mlops_course.lessons.common import make_churn

batch = make_churn(400, 11)
batch.loc[:6, "balance_eur"] = 5_000_000.0  # 7 saldos imposibles
try:
    validate_churn(batch, PARAMS["validate"])
except DataValidationError as err:
    message = str(err)
    assert "'balance_eur'" in message and "7" in message, (
        "El mensaje debe nombrar la columna entre comillas ('balance_eur') y cuántos valores "
        f"fallan (7). Dice: {message!r}"
    )
else:
    raise AssertionError("Siete saldos de 5 millones deben lanzar DataValidationError.")
### BEGIN HIDDEN TESTS
import re

several = make_churn(400, 12)
several.loc[:2, "age"] = 120  # 3 edades imposibles
several.loc[3:4, "credit_score"] = 10  # 2 scores imposibles
several.loc[[5, 8, 9, 10], "churned"] = [2, -1, 2, 5]  # 4 etiquetas que no son 0 ni 1
several.loc[6, "customer_id"] = several.loc[7, "customer_id"]  # mismo id, otra fila
try:
    validate_churn(several, PARAMS["validate"])
except DataValidationError as rejection:
    text = str(rejection)
    expected_counts = {"'age'": "3", "'credit_score'": "2", "'churned'": "4", "'customer_id'": None}
    for column, count in expected_counts.items():
        assert column in text, (
            f"Con varios problemas el mensaje debe listarlos TODOS; falta {column}. Dice: {text!r}"
        )
        lines = [line for line in text.splitlines() if column in line]
        assert len(lines) == 1 and not any(
            other in lines[0] for other in expected_counts if other != column
        ), f"Cada problema va en su propia línea del mensaje (una por columna). Dice: {text!r}"
        assert re.search(r"\d", lines[0]), f"La línea de {column} debe dar la cifra: {lines[0]!r}"
        if count is not None:
            assert re.search(rf"\b{count}\b", lines[0]), (
                f"La línea de {column} debe decir cuántos valores fallan ({count}): {lines[0]!r}"
            )
else:
    raise AssertionError(
        "Edades de 120, scores de 10, etiquetas 2, -1 y 5 e id repetido deben fallar."
    )
negative_label = make_churn(300, 13)
negative_label.loc[0, "churned"] = -1
try:
    validate_churn(negative_label, PARAMS["validate"])
except DataValidationError as rejection:
    assert "'churned'" in str(rejection), f"Debe nombrar 'churned'; dice {str(rejection)!r}."
else:
    raise AssertionError(
        "Una etiqueta -1 también es inválida: solo valen 0 y 1 (no basta con mirar si es > 1)."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-validate-estructura", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R5]: tipo, columnas que faltan, lote vacío y demasiados vacíos.
from mlops_course.lessons.common import make_churn

assert validate_churn(make_churn(300, 5), PARAMS["validate"]) is None, (
    "Primero, un lote limpio debe pasar."
)
try:
    validate_churn(make_churn(300, 5).drop(columns=["age"]), PARAMS["validate"])
except DataValidationError as err:
    assert "age" in str(err), f"El mensaje debe nombrar la columna que falta; dice {str(err)!r}."
except KeyError as err:
    raise AssertionError(
        f"Una columna que falta debe dar DataValidationError con su nombre, no KeyError({err})."
    ) from None
else:
    raise AssertionError("Si falta la columna 'age', debe lanzar DataValidationError.")
### BEGIN HIDDEN TESTS
try:
    validate_churn(make_churn(300, 5).drop(columns=["age", "region"]), PARAMS["validate"])
except DataValidationError as both_missing:
    assert "age" in str(both_missing) and "region" in str(both_missing), (
        f"Si faltan 'age' y 'region', el mensaje debe nombrar las dos; dice {str(both_missing)!r}."
    )
except KeyError as key_error:
    raise AssertionError(
        f"Las columnas que faltan deben dar DataValidationError, no KeyError({key_error})."
    ) from None
else:
    raise AssertionError("Si faltan 'age' y 'region', debe lanzar DataValidationError.")
gappy = make_churn(300, 5)
gappy.loc[:29, "region"] = pd.NA  # 10 % de vacíos
try:
    validate_churn(gappy, PARAMS["validate"])
except DataValidationError as rejection:
    assert "'region'" in str(rejection), (
        f"Un 10 % de vacíos en 'region' debe nombrarse: {rejection}"
    )
else:
    raise AssertionError("Un 10 % de vacíos (máximo 2 %) debe lanzar DataValidationError.")
try:
    validate_churn(make_churn(10, 5).iloc[0:0], PARAMS["validate"])
except DataValidationError:
    pass
else:
    raise AssertionError("Un lote sin filas debe lanzar DataValidationError.")
for not_a_frame in (None, [1, 2], {"age": [30]}):
    try:
        validate_churn(not_a_frame, PARAMS["validate"])
    except TypeError:
        pass
    except Exception as wrong:
        raise AssertionError(
            f"df={not_a_frame!r} no es un DataFrame: debe lanzar TypeError, no "
            f"{type(wrong).__name__}. Comprueba el tipo antes que nada."
        ) from None
    else:
        raise AssertionError(f"df={not_a_frame!r} no es un DataFrame: debe lanzar TypeError.")
### END HIDDEN TESTS

# %% [markdown]
# Tu validador frente a una librería bien mantenida: **pandera** expresa las mismas reglas como un
# esquema. Compara qué columnas marca cada uno en el lote de febrero y en un lote con vacíos:


# %%
# ¿Marcan las mismas columnas tu validador y pandera?
def flagged_by_you(frame):
    """Columnas que nombra tu validador (conjunto vacío si el lote pasa)."""
    try:
        validate_churn(frame, PARAMS["validate"])
    except DataValidationError as err:
        return {c for c in PARAMS["validate"]["required_columns"] if f"'{c}'" in str(err)}
    return set()


batches = {
    "febrero (céntimos)": february,
    "5 % de vacíos": make_churn(N_CUSTOMERS, SEED, missing_rate=0.05),
    "enero (limpio)": make_churn(N_CUSTOMERS, SEED),
}
try:
    comparison = pd.DataFrame(
        {
            name: {
                "tu validador": ", ".join(sorted(flagged_by_you(frame))) or "—",
                "pandera": ", ".join(sorted(pandera_failing_columns(frame, PARAMS["validate"])))
                or "—",
            }
            for name, frame in batches.items()
        }
    ).T
except NotImplementedError:
    comparison = "Resuelve el Ejercicio 3 para comparar con pandera."
comparison

# %% [markdown]
# ## 6. El pipeline completo con `dvc repro`
#
# Tu validador se convierte en el módulo `stages/churn_checks.py` del proyecto, y `dvc repro`
# ejecuta las cuatro etapas por primera vez. Cada script anota en `logs/runs.jsonl` que ha corrido:
# es un testigo independiente de DVC (no es ni dependencia ni salida, así que no altera nada).

# %%
try:
    write_checks_module(PROJECT, validate_churn)
    clear_run_log(PROJECT)
    full_run = dvc("repro", cwd=PROJECT, env=ENV)
    print(full_run)
    print("Etapas ejecutadas según el registro:", stages_that_ran(PROJECT))
except NotImplementedError:
    full_run = None
    print("Resuelve los Ejercicios 2 y 3 y vuelve a ejecutar esta celda.")

# %%
# Métricas del modelo base y foto exacta de la ejecución (dvc.lock) al repositorio.
if full_run is not None and full_run.ok:
    print((PROJECT / "metrics.json").read_text(encoding="utf-8"))
    print(commit_all(PROJECT, ENV, "Pipeline prepare → validate → featurize → train"))
    print((PROJECT / "dvc.lock").read_text(encoding="utf-8")[:700], "…")
else:
    print("El pipeline aún no ha corrido entero: revisa la salida de la celda anterior.")

# %% [markdown]
# En `dvc.lock` cada dependencia y salida lleva su `md5`, y cada parámetro su valor. Es lo que
# responde a «¿con qué se entrenó este modelo?» seis meses después.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 40 min.*
#
# ### Ejercicio 4 (escalable) · ¿Qué etapas vuelve a ejecutar DVC?
#
# Antes de lanzar un reentrenamiento caro quieres saber qué se va a ejecutar. Escribe
# `stages_to_rerun(pipeline, changed_params)` que, para **cualquier** `dvc.yaml` (como dict) y un
# conjunto de parámetros cambiados, devuelva la lista de etapas que DVC volverá a ejecutar:
#
# 1. `pipeline` debe ser un `dict` con la clave `"stages"` (un `dict`): si no es un `dict`,
#    `TypeError`; si no tiene `"stages"`, `ValueError`. `changed_params` es un conjunto, lista o
#    tupla de textos como `"train.smoothing"`; un `str` suelto es `TypeError` (recorrerlo daría
#    letras, no parámetros).
# 2. **Afectada directamente**: una etapa que declara un parámetro `p` cambiado; también si declara
#    la sección entera (`"validate"` cubre `"validate.max_missing_rate"`) o si cambió la sección
#    entera que contiene `p`. Ojo: `"train.smooth"` **no** cubre `"train.smoothing"`: la frontera
#    es el punto.
# 3. **Afectada en cascada**: una etapa cuya `deps` incluye una ruta de `outs` o `metrics` de una
#    etapa afectada; o una ruta dentro de esa carpeta (`data/prepared/train.csv` está dentro de
#    `data/prepared`), o al revés.
# 4. Las entradas de `deps`, `outs` y `metrics` pueden ser textos o diccionarios de una clave
#    (`{"metrics.json": {"cache": False}}`, `{"model.pkl": {"cache": False}}`): la ruta es la
#    clave. Las de `params` son textos. Una etapa puede no tener alguna de esas claves.
# 5. Devuelve las etapas en el orden en que aparecen en `pipeline["stages"]`. **No supongas** que ese
#    orden es topológico: DVC no lo exige.
#
# ```text
# stages_to_rerun(pipeline_spec(), {"train.smoothing"})       →  ["train"]
# stages_to_rerun(pipeline_spec(), {"featurize.age_bins"})    →  ["featurize", "train"]
# stages_to_rerun(pipeline_spec(), ["prepare.seed"])          →  ["prepare", "validate", "featurize", "train"]
# stages_to_rerun(pipeline_spec(), {"no.existe"})             →  []
# ```


# %% nbgrader={"grade": false, "grade_id": "rerun", "locked": false, "schema_version": 3, "solution": true, "task": false} walk="fresh-kernel"
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    ### BEGIN SOLUTION
    if not isinstance(pipeline, dict):
        raise TypeError(f"pipeline debe ser un dict (dvc.yaml), no {type(pipeline).__name__}.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline debe tener la clave 'stages' con un dict de etapas.")
    if isinstance(changed_params, str) or not isinstance(
        changed_params, (set, frozenset, list, tuple)
    ):
        raise TypeError("changed_params debe ser un set, list o tuple de nombres de parámetros.")
    changed = set(changed_params)

    def paths(stage, key):
        result = []
        for entry in stage.get(key) or []:
            result.extend([entry] if isinstance(entry, str) else list(entry))
        return result

    def nested(a, b):
        return a == b or a.startswith(b.rstrip("/") + "/") or b.startswith(a.rstrip("/") + "/")

    def param_hit(declared_param):
        return any(
            c == declared_param
            or c.startswith(declared_param + ".")
            or declared_param.startswith(c + ".")
            for c in changed
        )

    stages = pipeline["stages"]
    affected = {
        name for name, stage in stages.items() if any(map(param_hit, paths(stage, "params")))
    }
    grew = True
    while grew:
        produced = [
            p
            for name in affected
            for p in paths(stages[name], "outs") + paths(stages[name], "metrics")
        ]
        newly = {
            name
            for name, stage in stages.items()
            if name not in affected
            and any(nested(d, o) for d in paths(stage, "deps") for o in produced)
        }
        affected |= newly
        grew = bool(newly)
    return [name for name in stages if name in affected]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-rerun-basico", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R5]: cambio directo y cascada en un pipeline de juguete.
toy = {
    "stages": {
        "ingest": {"cmd": "i", "deps": ["raw.csv"], "params": ["ingest.url"], "outs": ["clean"]},
        "features": {"cmd": "f", "deps": ["clean"], "params": ["features.k"], "outs": ["feat.csv"]},
        "model": {"cmd": "m", "deps": ["feat.csv"], "params": ["model.lr"], "outs": ["model.pkl"]},
    }
}
assert stages_to_rerun(toy, {"model.lr"}) == ["model"], (
    f"Cambiar model.lr solo afecta a 'model'; da {stages_to_rerun(toy, {'model.lr'})}."
)
cascade = stages_to_rerun(toy, {"features.k"})
assert cascade == ["features", "model"], (
    f"Cambiar features.k repite 'features' y, en cascada, 'model' (lee feat.csv); da {cascade}."
)
### BEGIN HIDDEN TESTS
assert stages_to_rerun(toy, ["ingest.url"]) == ["ingest", "features", "model"], (
    "Cambiar el primer parámetro repite toda la cadena."
)
assert stages_to_rerun(toy, ("no.existe",)) == [], "Un parámetro que nadie usa no repite nada."
assert stages_to_rerun(toy, set()) == [], "Sin cambios no se repite nada."
reversed_toy = {"stages": dict(reversed(list(toy["stages"].items())))}
got_reversed = stages_to_rerun(reversed_toy, {"ingest.url"})
assert got_reversed == ["model", "features", "ingest"], (
    "Con las etapas listadas al revés (DVC no exige orden), la cascada debe llegar igual a todas, "
    f"devueltas en el orden del dict; da {got_reversed}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-rerun-reglas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R4, R5]: secciones enteras, la frontera del punto, carpetas y dicts.
toy = {
    "stages": {
        "split": {"cmd": "s", "params": ["split"], "outs": ["data/split"]},
        "check": {
            "cmd": "c",
            "deps": ["data/split/train.csv"],
            "params": ["check.max_missing"],
            "metrics": [{"report.json": {"cache": False}}],
        },
        "fit": {"cmd": "f", "deps": ["report.json"], "params": ["fit.smoothing"], "outs": ["m"]},
        "fit_fast": {"cmd": "g", "params": ["fit.smooth"], "outs": ["m2"]},
    }
}
section = stages_to_rerun(toy, {"split.seed"})
assert section == ["split", "check", "fit"], (
    "'split' declara la sección entera, así que split.seed la afecta; 'check' lee un archivo "
    f"dentro de data/split y 'fit' lee la métrica de 'check'; da {section}."
)
### BEGIN HIDDEN TESTS
boundary = stages_to_rerun(toy, {"fit.smoothing"})
assert boundary == ["fit"], (
    f"'fit.smooth' no cubre 'fit.smoothing' (la frontera es el punto); da {boundary}."
)
whole = stages_to_rerun(toy, {"fit"})
assert whole == ["fit", "fit_fast"], f"Cambiar la sección 'fit' entera afecta a ambas; da {whole}."
assert stages_to_rerun(toy, {"check.max_missing"}) == ["check", "fit"], (
    "Una métrica declarada como {ruta: {cache: False}} también alimenta la cascada."
)
dict_outs = {
    "stages": {
        "train": {"cmd": "t", "params": ["train.lr"], "outs": [{"model.pkl": {"cache": False}}]},
        "report": {"cmd": "r", "deps": [{"model.pkl": {}}, "test.csv"]},
    }
}
assert stages_to_rerun(dict_outs, {"train.lr"}) == ["train", "report"], (
    "Las salidas y dependencias también pueden ser {ruta: opciones}: la ruta es la clave."
)
folder_dep = {
    "stages": {
        "a": {"cmd": "a", "params": ["a.x"], "outs": ["out/file.csv"]},
        "b": {"cmd": "b", "deps": ["out"], "outs": ["b.txt"]},
    }
}
assert stages_to_rerun(folder_dep, {"a.x"}) == ["a", "b"], (
    "Si una etapa depende de una carpeta que contiene la salida de otra, también se repite."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-rerun-entradas", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: entradas inválidas dan TypeError o ValueError (tras comprobar una válida).
tiny = {"stages": {"only": {"cmd": "x", "params": ["only.p"], "outs": ["o"]}}}
assert stages_to_rerun(tiny, {"only.p"}) == ["only"], "Primero, el caso válido debe funcionar."
try:
    stages_to_rerun(tiny, "only.p")
except TypeError:
    pass
else:
    raise AssertionError(
        "changed_params='only.p' (un str suelto) debe lanzar TypeError: pide un set/list/tuple."
    )
### BEGIN HIDDEN TESTS
for bad_pipeline, expected in (([1], TypeError), (None, TypeError), ({"stage": {}}, ValueError)):
    try:
        stages_to_rerun(bad_pipeline, {"a.b"})
    except expected:
        pass
    except Exception as err:
        raise AssertionError(
            f"pipeline={bad_pipeline!r} debe lanzar {expected.__name__}, no {type(err).__name__}."
        ) from None
    else:
        raise AssertionError(f"pipeline={bad_pipeline!r} debe lanzar {expected.__name__}.")
for bad_params in (None, 5):
    try:
        stages_to_rerun(tiny, bad_params)
    except TypeError:
        pass
    else:
        raise AssertionError(f"changed_params={bad_params!r} debe lanzar TypeError.")
### END HIDDEN TESTS

# %% [markdown]
# ### La prueba de verdad: cambiar un parámetro
#
# Cambiamos `train.smoothing` en `params.yaml`. Primero preguntamos a DVC qué está desactualizado
# (`dvc status --json`, sin ejecutar nada) y lo comparamos con tu predicción; luego `dvc repro` y
# el registro de ejecuciones dice qué corrió de verdad.

# %%
PARAMS["train"]["smoothing"] = 100
write_yaml(PROJECT / "params.yaml", PARAMS)
status = dvc("status", "--json", cwd=PROJECT, env=ENV)
try:
    stale = sorted(json.loads(status.stdout or "{}"))
except ValueError:  # sin dvc.yaml, DVC responde con un error en texto
    stale = status.output
try:
    prediction = stages_to_rerun(pipeline_spec(), {"train.smoothing"})
except NotImplementedError:
    prediction = "resuelve los Ejercicios 2 y 4"
{
    "dvc status dice que cambió": stale,
    "tu predicción": prediction,
    "segundos": round(status.seconds, 1),
}

# %%
clear_run_log(PROJECT)
partial_run = dvc("repro", cwd=PROJECT, env=ENV)
print(partial_run)
ran = stages_that_ran(PROJECT)
print("Etapas ejecutadas según el registro:", ran)

# %%
# Métricas del último commit (HEAD) frente a las del espacio de trabajo.
print(dvc("metrics", "diff", cwd=PROJECT, env=ENV))

# %% [markdown]
# Solo `train` ha vuelto a correr: `prepare`, `validate` y `featurize` tenían los mismos hashes que
# en `dvc.lock`. `dvc metrics diff` compara las métricas del último commit (`HEAD`) con las del
# espacio de trabajo: así se revisa en un *pull request* si un cambio de parámetros mejora o empeora.
#
# **Visión de negocio.** Con los tiempos medidos en tu máquina:

# %%
if full_run is not None and full_run.ok and partial_run.ok:
    saved = 1 - partial_run.seconds / full_run.seconds
    print(
        f"Pipeline completo: {full_run.seconds:.1f} s · solo lo afectado: {partial_run.seconds:.1f} s "
        f"({saved:.0%} menos).\nSi el pipeline completo tardara 2 h en un runner de CI, el mismo "
        f"cambio de parámetro costaría unos {120 * (1 - saved):.0f} min en vez de 120."
    )
    commit_all(PROJECT, ENV, "train.smoothing = 100")

# %% [markdown]
# (La proporción es orientativa: aquí cada etapa tarda milisegundos y el arranque de DVC pesa
# mucho; en un pipeline real, las etapas pesadas dominan y el ahorro es mayor cuanto más abajo en el
# grafo esté el cambio.)
#
# El test siguiente hace lo mismo con otro parámetro y compara tu función con lo que DVC ejecuta
# de verdad en tu proyecto.

# %% nbgrader={"grade": true, "grade_id": "test-rerun-dvc-real", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: tu predicción coincide con lo que DVC ejecuta al cambiar featurize.age_bins.
from mlops_course.lessons.common import isolated_env
from mlops_course.lessons.m05_dataops import clear_run_log, stages_that_ran
from mlops_course.lessons.m05_dataops.dvctool import dvc
from mlops_course.lessons.m05_dataops.project import read_yaml, write_yaml
from mlops_course.machinery.workspace import module_workspace

project = module_workspace("05_ingenieria_datos") / "churn-dvc"
assert (project / "dvc.lock").is_file(), (
    "El pipeline de la §6 no ha llegado a ejecutarse (no hay dvc.lock): resuelve los Ejercicios 2 "
    "y 3 y ejecuta las celdas de las secciones 3 a 6 en orden."
)
params_now = read_yaml(project / "params.yaml")
bins = params_now["featurize"]["age_bins"]
params_now["featurize"]["age_bins"] = [18, 25, *bins[1:]] if 25 not in bins else [18, *bins[2:]]
write_yaml(project / "params.yaml", params_now)
clear_run_log(project)
repro = dvc("repro", cwd=project, env=isolated_env(project.parent / ".tool-home"))
assert repro.ok, f"dvc repro falló:\n{repro.output}"
really_ran = stages_that_ran(project)
predicted_now = stages_to_rerun(read_yaml(project / "dvc.yaml"), {"featurize.age_bins"})
assert predicted_now == really_ran, (
    f"DVC ejecutó {really_ran} al cambiar featurize.age_bins y tu función predice {predicted_now}."
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 20 min.*
#
# ## 7. La puerta en acción: el lote de febrero
#
# Volvamos al lote con saldos en céntimos. Lo metemos como nueva versión de `data/raw/churn.csv`
# en una **copia temporal** del proyecto (el entregable no se toca) y lanzamos `dvc repro`.

# %%
with tempfile.TemporaryDirectory(dir=WORKSPACE) as tmp:
    trial = Path(tmp) / "churn-dvc"
    shutil.copytree(PROJECT, trial, symlinks=True)
    february.to_csv(trial / "data" / "raw" / "churn.csv", index=False)
    clear_run_log(trial)
    bad_run = dvc("repro", cwd=trial, env=ENV)
    print(bad_run)
    print("\nEtapas ejecutadas según el registro:", stages_that_ran(trial))

# %% [markdown]
# `validate` ha terminado con código 1 y DVC se ha detenido: `featurize` y `train` no han corrido,
# así que el modelo y las métricas del proyecto siguen siendo los buenos. El mensaje dice qué
# columna, cuántos valores y qué rango: quien mantiene la extracción sabe qué arreglar sin
# depurar nada.
#
# ## 8. Cuándo NO usar DVC
#
# DVC brilla con archivos batch versionados junto al código. No siempre es la respuesta. La tabla
# de la guía:
#
# | Escenario | ¿Usar DVC? | Alternativa | Razón |
# |---|---|---|---|
# | Datos < 100 MB, equipo pequeño | × | Git LFS | Simplicidad, sin infra adicional |
# | Datos streaming (Kafka, etc.) | × | Delta Lake / Lakehouse | DVC es para batch |
# | Empresa con Data Lake existente | △ | Integrar con existente | Evitar duplicación de esfuerzos |
# | Datos > 1 TB, múltiples versiones | ✔ | DVC + Remote Storage | Para esto fue diseñado |
#
# - **Git LFS** guarda los archivos grandes fuera del repositorio con punteros en git, sin remoto
#   propio que operar. No tiene pipelines ni métricas; y las cuotas de almacenamiento y ancho de
#   banda del proveedor se pagan.
# - **Delta Lake / lakehouse** (o Apache Iceberg) versiona **tablas** transaccionales con *time
#   travel*: la opción natural si los datos llegan en streaming o crecen por particiones. Exige un
#   motor (Spark u otro) y alguien que lo opere.
# - **El data lake existente**: si la empresa ya tiene snapshots, catálogo y permisos, lo senior es
#   registrar en tu repositorio **qué snapshot** usó cada entrenamiento (una fecha o un id de
#   versión en `params.yaml`) en lugar de copiar los datos a otro almacén. DVC puede seguir
#   orquestando el pipeline (`dvc.yaml`) aunque no guarde los datos crudos.
#
# Prueba la ayuda de decisión: 50 MB y un equipo de 3; luego datos en streaming; luego 2 TB con 12
# versiones.

# %%
show_aid("dvc", "05_ingenieria_datos")

# %% [markdown]
# Y la decisión de este curso, en el formato de ADR de la guía:
#
# ```text
# ADR-05-01: Versionar datos y pipeline del proyecto de churn con DVC y un remoto de carpeta
#
# CONTEXTO:
# El proyecto del curso (módulos 05–17) necesita reproducir cualquier entrenamiento: datos,
# parámetros y código. Los datos son extracciones batch de unos MB (en producción, GB), el equipo
# es pequeño, no hay data lake y todo debe funcionar sin red (Binder, CI).
#
# DECISIÓN:
# DVC para los datos crudos (dvc add) y el pipeline (dvc.yaml + dvc.lock + params.yaml), con un
# remoto de carpeta local que en producción se sustituye por S3/GCS cambiando una línea.
#
# CONSECUENCIAS:
# (+) Un commit identifica datos, parámetros y código de cada modelo; dvc repro solo repite lo
#     afectado; la validación es una etapa que para el pipeline.
# (+) El remoto es un cambio de configuración, no de código.
# (-) Una herramienta más (≈1 s de arranque por comando) y dos pasos que olvidar (git push y
#     dvc push).
# (-) Con datos en streaming habría que migrar a un lakehouse.
#
# ALTERNATIVAS RECHAZADAS:
# - Git LFS: sin pipelines ni métricas; cuotas del proveedor.
# - Delta Lake: infraestructura pesada para archivos batch pequeños y sin equipo de plataforma.
# - Carpeta compartida con copias fechadas: sin vínculo entre datos, código y modelo.
# ```

# %% [markdown]
# ## 9. Respuesta escrita (calificada a mano) · Tu ADR de versionado de datos
#
# El equipo de riesgos del banco quiere reutilizar tu pipeline. Sus datos: una tabla de
# transacciones de **2 TB** que el **data lake corporativo** actualiza cada noche (con snapshots
# diarios conservados 90 días), más un archivo de etiquetas de fraude de **40 MB** que mantiene a
# mano un equipo de 3 analistas. Escribe un ADR de **6 a 10 líneas** (CONTEXTO / DECISIÓN /
# CONSECUENCIAS / ALTERNATIVAS RECHAZADAS) que decida cómo versionar **cada uno** de los dos
# conjuntos y qué haces para que un entrenamiento sea reproducible. Usa la ayuda de decisión y
# justifica al menos un «cuándo NO usar DVC».

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-versionado-datos", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-05-02: Versionado de los datos del modelo de fraude**
#
# **CONTEXTO:** Transacciones de 2 TB en el data lake, con snapshots diarios durante 90 días;
# etiquetas de fraude de 40 MB mantenidas a mano por 3 analistas. Necesitamos reproducir cualquier
# entrenamiento de los últimos meses.
#
# **DECISIÓN:** Las transacciones **no** se copian a DVC: el lake ya las versiona (cuándo NO usar
# DVC: «empresa con data lake existente», evitar duplicar 2 TB). En `params.yaml` se fija el id del
# snapshot (`data.snapshot: 2026-03-01`) y la etapa `prepare` lee ese snapshot. Las etiquetas sí van
# con `dvc add` y remoto (pequeñas, cambian a mano, necesitan historia ligada al código); el
# pipeline entero se orquesta con `dvc.yaml`.
#
# **CONSECUENCIAS:** (+) Un commit identifica snapshot, etiquetas, código y parámetros. (+) Cero
# almacenamiento duplicado. (−) Los snapshots caducan a los 90 días: para modelos en producción
# hay que pedir al equipo del lake que retenga el snapshot usado (o exportar una muestra). (−) Dos
# sistemas de versionado que explicar al equipo.
#
# **ALTERNATIVAS RECHAZADAS:** `dvc add` de las transacciones (2 TB duplicados, costo de
# almacenamiento y de `dvc pull`); Git LFS para las etiquetas (serviría por tamaño, pero no
# enlaza con el pipeline ni las métricas); Delta Lake propio (no hay streaming y el lake ya existe).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Dos decisiones distintas y justificadas.** Trata por separado las transacciones
#   (lake existente: no duplicar) y las etiquetas (pequeñas y manuales: DVC o Git LFS, ambas válidas
#   si se justifican). 0.5 si aplica la misma herramienta a todo sin discutirlo.
# - **1 punto · Reproducibilidad concreta.** Explica cómo se fija la versión de cada conjunto
#   (id/fecha del snapshot en params o config versionada; hash de DVC) y menciona la caducidad de
#   90 días o un riesgo equivalente. 0.5 si es genérico («usamos versiones»).
# - **1 punto · Formato y trade-offs.** Las cuatro secciones, al menos una consecuencia negativa
#   y una alternativa rechazada con motivo; cita un «cuándo NO usar DVC» de la tabla.
#   0.5 si falta una sección o no hay consecuencias negativas.
# - Por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 10. Tu entregable: el pipeline DVC en `churn-dvc/`
#
# Subimos al remoto todo lo que produjo el pipeline (datos preparados, features, modelo) y
# commiteamos el último estado. Con el repositorio y el remoto, cualquiera reproduce tu modelo con
# `git clone` + `dvc pull` (o `dvc repro`).

# %%
if (PROJECT / "dvc.lock").is_file():
    print(dvc("push", cwd=PROJECT, env=ENV))
    print(commit_all(PROJECT, ENV, "Cambio de featurize.age_bins y salidas enviadas al remoto"))
    print(git("log", "--oneline", cwd=PROJECT, env=ENV).stdout)
else:
    print("Aún no hay pipeline: resuelve los Ejercicios 2 y 3 y ejecuta el cuaderno en orden.")

# %%
# Comprobación del entregable: archivos que deben existir y repositorio sin cambios pendientes.
deliverable = {
    name: (PROJECT / name).is_file()
    for name in ("dvc.yaml", "dvc.lock", "params.yaml", "data/raw/churn.csv.dvc", "metrics.json")
}
deliverable["remoto con objetos"] = any(p.is_file() for p in REMOTE.rglob("*"))
deliverable["git limpio"] = not git("status", "--porcelain", cwd=PROJECT, env=ENV).stdout.strip()
deliverable

# %% [markdown]
# ## 11. Cierre
#
# ### Resumen
#
# - Git no versiona datos: guarda cada versión para siempre y tiene límites de tamaño. DVC guarda
#   en git un puntero con el **hash del contenido** y los bytes en una caché y un remoto.
# - `dvc add` → `git commit` → `dvc push` versiona un dataset; `dvc pull` lo recupera en cualquier
#   máquina.
# - `dvc.yaml` declara etapas con `deps`, `outs`, `params` y `metrics`; `dvc.lock` fija los hashes;
#   `dvc repro` repite **solo** lo afectado; `dvc dag` dibuja el grafo; `dvc metrics diff` compara.
# - La validación es una **etapa**: si los datos no cumplen, el pipeline se para con un mensaje que
#   dice qué arreglar.
# - DVC no es para streaming ni para duplicar un data lake que ya versiona: Git LFS, lakehouse o
#   integrar con lo existente.
#
# ### Checklist del entregable («Pipeline DVC funcional»)
#
# - [ ] `workspace/05_ingenieria_datos/churn-dvc/` es un repositorio git con `dvc.yaml`,
#   `dvc.lock`, `params.yaml` y `data/raw/churn.csv.dvc` commiteados, sin cambios pendientes.
# - [ ] `dvc repro` no tiene nada que hacer (todo al día) y `dvc push` no tiene nada que subir.
# - [ ] La etapa `validate` usa tu `validate_churn` y para el pipeline con el lote de febrero.
# - [ ] Tu `stages_to_rerun` coincide con lo que DVC ejecutó al cambiar un parámetro.
# - [ ] Tu ADR decide por separado cómo versionar cada conjunto de datos.
#
# ### Autoevaluación
#
# 1. Un compañero commitea `data/raw/churn.csv` directamente en git «porque solo son 30 MB». ¿Qué
#    le dices, y cuándo tendría razón?
# 2. ¿Por qué `metrics.json` va con `cache: false` y `models/segment_rates.json` no?
# 3. Cambias el código de `stages/featurize.py` sin tocar parámetros. ¿Qué etapas repite
#    `dvc repro` y por qué?
# 4. ¿Qué pasa si haces `git push` pero olvidas `dvc push`? ¿Qué verá tu compañero al hacer
#    `dvc pull`?
# 5. ¿Por qué la regla de vacíos usa «mayor que» el máximo y no «mayor o igual»?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Con 30 MB, un equipo pequeño y pocas versiones, Git LFS (o incluso git) puede bastar; el
#    problema llega con muchas versiones (la historia crece) y con el límite de 100 MiB por archivo.
#    2. Las métricas son pequeñas, de texto y se revisan en los PR (git); el modelo es un binario
#    que puede crecer (caché y remoto). 3. `featurize` y `train`: el script es una dependencia.
#    4. El puntero apunta a un hash que no está en el remoto: `dvc pull` falla con «missing cache
#    files». 5. Porque el umbral es el máximo **aceptado**: «como mucho un 2 %».
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# DVC · caché direccionada por contenido · hash MD5 · remoto · `dvc.yaml` · `dvc.lock` · etapa
# (stage) · DAG · `dvc repro` · métrica · validación de datos · Git LFS · Delta Lake · lakehouse ·
# data lake · time travel.
#
# ### Para saber más
#
# - Documentación de DVC: *Get Started: Data Versioning* y *Data Pipelines* (dvc.org/doc).
# - Referencia de `dvc.yaml` y `dvc.lock` (dvc.org/doc/user-guide/project-structure).
# - GitHub Docs: *About large files on GitHub* (límites de 50 y 100 MiB) y *About Git Large File
#   Storage*.
# - Documentación de pandera (pandera.readthedocs.io): esquemas de validación de DataFrames.
# - M. Armbrust et al. (2021). *Lakehouse: A New Generation of Open Platforms that Unify Data
#   Warehousing and Advanced Analytics*. CIDR 2021.
# - E. Breck et al. (2019). *Data Validation for Machine Learning*. SysML 2019.
#
# **Siguiente:** Módulo 06 · Pipelines sklearn avanzados: sustituirás la etapa `train` por un
# pipeline de scikit-learn sin fugas de datos, y DVC seguirá orquestándolo igual.
