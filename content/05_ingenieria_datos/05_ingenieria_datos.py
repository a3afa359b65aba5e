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
# | **Tiempo estimado** | ≈ 4 h 25 min: lectura y demos 90 min, ejercicios 145 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 04 (commits, ramas, `.gitignore`); pandas a nivel de `df.isna()`, `df[col].between(...)`; leer YAML. |
# | **Entregable** | La capa 05 de tu proyecto `workspace/churn-project/`: un pipeline DVC funcional (repositorio git + `dvc.yaml` + `dvc.lock` + `params.yaml` + el contrato de datos `src/churn_project/contract.py`) con sus datos enviados a un remoto local (`workspace/churn-project-remote/`) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** por qué git no sirve para versionar datos y cómo lo resuelve DVC con una caché
#    direccionada por contenido, y **calcular** dónde guarda DVC un archivo (§1–§2, Ejercicio 1).
# 2. **Versionar** un dataset con `dvc add`, enviarlo a un remoto con `dvc push`, recuperarlo en
#    limpio con `dvc pull` y **volver** a los datos de una etiqueta con `git checkout` +
#    `dvc checkout` (§3, §6, entregable).
# 3. **Escribir** un `dvc.yaml` con etapas, dependencias, salidas, parámetros y métricas que DVC
#    acepte y ejecute con `dvc repro` (Ejercicio 2).
# 4. **Escribir** el contrato de datos del proyecto (un esquema pandera) y **detener** con él un
#    pipeline con datos corruptos, con mensajes claros en español (Ejercicio 3).
# 5. **Predecir** qué etapas vuelve a ejecutar DVC cuando cambia un parámetro, **comprobarlo**
#    contra lo que DVC ejecuta de verdad (Ejercicio 4) y **probar** un cambio con
#    `dvc exp run --temp` sin tocar el proyecto (§6).
# 6. **Decidir** cuándo NO usar DVC (Git LFS, lakehouse, el data lake existente) y defenderlo en un
#    ADR (§8 y respuesta escrita).
#
# > **Mentalidad Senior (Fase 2):** Si no puedo reproducir tu resultado en MI máquina, tu trabajo
# > no existe.
#
# ### Tu proyecto
#
# Desde este módulo hasta el 17 construyes **un solo proyecto**, `workspace/churn-project/`: un
# repositorio git y un paquete Python que crece una capa por módulo. Este módulo pone la primera:
# los datos versionados, el pipeline y el contrato de datos.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("05_ingenieria_datos")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden (`Shift+Enter`); las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` son tuyas; los tests visibles van justo debajo y, al calificar, se
# añaden tests ocultos. Si algo se rompe, *Kernel → Restart Kernel and Run All Cells*.
#
# **Todo corre de verdad y sin red.** Este cuaderno ejecuta `git` y `dvc` reales en tu proyecto,
# `workspace/churn-project/` (las pruebas temporales van a `workspace/05_ingenieria_datos/`).
# Nunca toca tu `~/.gitconfig` ni tu caché de DVC: cada comando recibe un entorno aislado
# (`isolated_env`) con un `HOME` privado, identidad de git propia y la telemetría de DVC apagada.
# El remoto de DVC es **una carpeta local**, `workspace/churn-project-remote/`: funciona
# exactamente igual que S3 o GCS, sin credenciales ni red.
#
# **Es reejecutable y no borra tu trabajo.** La §3 reconstruye el proyecto desde cero si solo
# tiene lo que hizo este módulo. Si ya tiene trabajo de módulos posteriores (commits que este
# cuaderno no hizo), no lo borra: lo aparta como `churn-project.respaldo-1` (o `-2`, …) y te lo
# dice. Una carpeta `churn-project` que no es un proyecto de churn no se toca: la celda se detiene
# y te pide que la muevas.
#
# DVC es un programa Python que tarda alrededor de un segundo en arrancar; cada comando muestra
# cuánto ha tardado en tu máquina.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # filas de cada extracción sintética de clientes
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from mlops_course.lessons.churn_project import PROJECT_DIR
from mlops_course.lessons.churn_project.contract import (
    contract_header,
    load_contract,
    through_csv,
    write_contract,
)
from mlops_course.lessons.common import git, isolated_env, make_churn
from mlops_course.lessons.m05_dataops import clear_run_log, stages_that_ran
from mlops_course.lessons.m05_dataops.dvctool import dvc
from mlops_course.lessons.m05_dataops.project import (
    check_dvc_yaml,
    commit_all,
    init_project,
    install_project_code,
    make_room,
    read_yaml,
    write_yaml,
)
from mlops_course.machinery.decision_aids import show_aid
from mlops_course.machinery.workspace import module_workspace, workspace_root

ROOT = workspace_root()  # tu workspace: aquí vive el proyecto que crece de módulo en módulo
PROJECT = ROOT / PROJECT_DIR  # el entregable: workspace/churn-project (git + DVC + paquete)
REMOTE = ROOT / "churn-project-remote"  # el remoto de DVC: una carpeta local, junto al proyecto
WORKSPACE = module_workspace("05_ingenieria_datos")  # pruebas temporales de este módulo
ENV = isolated_env(ROOT / ".tool-home")  # HOME privado para git y DVC
PROJECT

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
# cada laptop y en cada job de CI. Además, GitHub bloquea archivos de más de 100 MiB y avisa a
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
# Antes hacemos sitio: un proyecto que solo tiene lo que hizo este módulo se reconstruye; uno con
# trabajo de módulos posteriores se aparta, nunca se borra.

# %%
# Sitio para el proyecto y proyecto nuevo (el remoto se conserva: sus objetos no estorban).
PROJECT, backup = make_room(ROOT, ENV)
if backup is not None:
    print(f"Tu proyecto anterior tenía trabajo de otros módulos: queda intacto en {backup}.\n")
REMOTE.mkdir(exist_ok=True)
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
commit_all(PROJECT, ENV, "datos crudos de enero versionados con DVC")

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
# La ruta es **relativa** (`../churn-project-remote`): el proyecto funciona igual en otra máquina o
# en otra carpeta, siempre que el remoto esté a su lado.

# %%
print(dvc("remote", "add", "-d", "local", f"../{REMOTE.name}", cwd=PROJECT, env=ENV, check=True))
print((PROJECT / ".dvc" / "config").read_text(encoding="utf-8"))

# %%
# Subimos al remoto lo que hay en la caché y commiteamos la configuración.
print(dvc("push", cwd=PROJECT, env=ENV, check=True))
commit_all(PROJECT, ENV, "remoto DVC local por defecto")

# %% [markdown]
# La prueba de que funciona: simulamos una laptop nueva. Borramos el CSV **y la caché local**, y
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
#     K[["src/churn_project/contract.py<br/>(el contrato de datos)"]] -.-> V
#     PP{{params.yaml}} -. prepare.* .-> P
#     PP -. featurize.* .-> F
#     PP -. train.* .-> T
# ```
#
# La etapa `validate` es una **puerta**: `featurize` depende de su informe, así que si la validación
# falla, DVC no ejecuta nada de lo que viene detrás. El código de las etapas ya está escrito: son
# los archivos de referencia de la capa 05 del proyecto (un paquete Python con layout `src`), que
# copiamos ahora a tu proyecto. Faltan dos piezas, y son tuyas: el `dvc.yaml` (Ejercicio 2) y la
# función que define el contrato de datos (Ejercicio 3). El modelo es deliberadamente simple (un
# modelo base por segmentos): aquí importa el grafo; el módulo 06 lo sustituirá por scikit-learn.

# %%
# El código de la capa 05: pyproject, README, params.yaml y las etapas en src/churn_project/.
for path in install_project_code(PROJECT):
    print(path.relative_to(PROJECT))
# Parámetros del pipeline: lo que cambias sin tocar código.
PARAMS = read_yaml(PROJECT / "params.yaml")
PARAMS

# %%
# El contrato de cada etapa: su docstring dice qué lee, qué parámetros usa y qué escribe.
for stage_name in ("prepare", "validate", "featurize", "train"):
    module_file = PROJECT / "src" / "churn_project" / "stages" / f"{stage_name}.py"
    print(f"── {module_file.relative_to(PROJECT)}")
    print(module_file.read_text(encoding="utf-8").split('"""')[1].strip(), end="\n\n")

# %% [markdown]
# ### Ejercicio 2 (funcional) · El `dvc.yaml` del pipeline
#
# Escribe `pipeline_spec()` que devuelva, como diccionario de Python, el contenido de `dvc.yaml`
# para las cuatro etapas, **leyendo el contrato de cada etapa** de la celda anterior:
#
# 1. Clave raíz `"stages"` (un `dvc.yaml` que DVC acepte), con las cuatro etapas en este orden:
#    `prepare`, `validate`, `featurize`, `train`.
# 2. `cmd`: exactamente `PYTHONPATH=src python -m churn_project.stages.<etapa>` (el código vive en
#    `src/`; ver la nota de abajo).
# 3. `deps`: primero el **propio archivo de la etapa**, `src/churn_project/stages/<etapa>.py` (si
#    cambias el código, la etapa debe repetirse), y después todo lo que la línea `Lee:` de su
#    contrato dice que lee, en ese orden. Declara las carpetas (`data/prepared`, `data/features`)
#    como un único elemento, no archivo por archivo. `validate` lee también
#    `src/churn_project/contract.py`, donde irá tu función del Ejercicio 3.
# 4. `params`: exactamente las claves que usa cada etapa, con punto (`"prepare.seed"`), en el orden
#    de su línea `Parámetros:`. Una etapa que no usa parámetros (`validate`) no lleva `params`.
# 5. `outs`: lo que escribe la etapa (las carpetas, también como un único elemento), salvo los
#    archivos de métricas, que van en `metrics` con la forma
#    `[{"reports/validation.json": {"cache": False}}]` (van a git, no a la caché).
# 6. Nada más: ninguna etapa declara dependencias o salidas que su contrato no nombra (tampoco
#    `params.yaml`: de eso se encarga `params`) ni otras claves que `cmd`, `deps`, `params`,
#    `outs` y `metrics`.
#
# *Nota:* DVC ejecuta `cmd` con el `PATH` del entorno, y `isolated_env` pone primero la carpeta del
# Python del curso; por eso `python` es el del curso. `PYTHONPATH=src` le dice dónde está el
# paquete `churn_project` sin instalarlo (el módulo 10 lo instala en una imagen Docker). No
# escribas rutas absolutas en `cmd`: el hash del comando forma parte de `dvc.lock` y cambiaría en
# cada máquina.


# %% nbgrader={"grade": false, "grade_id": "pipeline", "locked": false, "schema_version": 3, "solution": true, "task": false}
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    ### BEGIN SOLUTION
    return {
        "stages": {
            "prepare": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": [
                    "src/churn_project/stages/validate.py",
                    "src/churn_project/contract.py",
                    "data/prepared",
                ],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": [
                    "src/churn_project/stages/featurize.py",
                    "data/prepared",
                    "reports/validation.json",
                ],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
                "deps": ["src/churn_project/stages/train.py", "data/features"],
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
    want_cmd = f"PYTHONPATH=src python -m churn_project.stages.{stage_name}"
    assert command == want_cmd, (
        f"El cmd de '{stage_name}' debe ser {want_cmd!r}; es {command!r}. Con -m, Python ejecuta "
        "el módulo del paquete; PYTHONPATH=src le dice dónde está el paquete."
    )
### BEGIN HIDDEN TESTS
for stage_name, stage in spec["stages"].items():
    assert set(stage) <= {"cmd", "deps", "params", "outs", "metrics"}, (
        f"La etapa '{stage_name}' tiene claves de más: {sorted(stage)}."
    )
    own_file = f"src/churn_project/stages/{stage_name}.py"
    assert stage.get("deps", [None])[0] == own_file, (
        f"La primera dependencia de '{stage_name}' debe ser su propio archivo {own_file}: si "
        "cambias el código, la etapa tiene que repetirse."
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
# El contrato de cada etapa (líneas «Lee:» y «Escribe:»), sin las métricas.
code = "src/churn_project"
contract = {
    "prepare": ({f"{code}/stages/prepare.py", "data/raw/churn.csv"}, {"data/prepared"}),
    "validate": (
        {f"{code}/stages/validate.py", f"{code}/contract.py", "data/prepared"},
        set(),
    ),
    "featurize": (
        {f"{code}/stages/featurize.py", "data/prepared", "reports/validation.json"},
        {"data/features"},
    ),
    "train": ({f"{code}/stages/train.py", "data/features"}, {"models/segment_rates.json"}),
}
for stage_name, (want_deps, want_outs) in contract.items():
    for key, want in (("deps", want_deps), ("outs", want_outs)):
        got_paths = {p.rstrip("/") for p in declared(stages[stage_name], key)}
        missing, extra = sorted(want - got_paths), sorted(got_paths - want)
        loose = [p for p in extra if any(p.startswith(folder + "/") for folder in missing)]
        assert not missing, (
            f"A los {key} de '{stage_name}' les falta {missing}: revisa su contrato (el propio "
            "archivo de la etapa y las líneas «Lee:» y «Escribe:»)."
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
assert stages["prepare"].get("params", []) == ["prepare.test_size", "prepare.seed"], (
    "prepare usa prepare.test_size y prepare.seed (en ese orden): ni más ni menos; "
    f"declara {stages['prepare'].get('params')}."
)
train_metrics = stages["train"].get("metrics", [])
assert train_metrics == [{"metrics.json": {"cache": False}}], (
    "train escribe metrics.json, que va en 'metrics' con cache: False (pequeño, a git): "
    f"declara {train_metrics}."
)
### BEGIN HIDDEN TESTS
assert not stages["validate"].get("params"), (
    "validate no usa parámetros (su contrato está en src/churn_project/contract.py): no lleva "
    f"'params'; declara {stages['validate'].get('params')}."
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
# El contrato del Ejercicio 3 aún no existe, pero el pipeline ya puede escribirse y dibujarse.
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
# datos como una etapa más del pipeline**, contra un **contrato de datos**: qué columnas llegan,
# de qué tipo, en qué rango, cuántos vacíos se admiten. El contrato vive en el código del proyecto
# (versionado y revisable en cada *pull request*) y es **uno solo**: lo usan la etapa `validate` de
# este módulo, la entrada del pipeline de scikit-learn (módulo 06), los tests de datos (08), la API
# (11) y el monitor de drift (15). Si cambia la realidad de los datos, se cambia en un sitio.
#
# La etapa `validate` es la puerta del pipeline: un lote que no cumple se rechaza **antes** de
# `featurize` y `train`, y el modelo en producción sigue siendo el del último lote bueno.
#
# No escribimos el validador a mano: usamos **pandera**, una librería bien mantenida que expresa el
# contrato como un **esquema** (`pa.DataFrameSchema`) con una columna (`pa.Column`) por campo: su
# tipo, si admite vacíos (`nullable`), si sus valores son únicos (`unique`) y una lista de
# comprobaciones (`pa.Check`). `schema.validate(df, lazy=True)` devuelve la tabla con los tipos
# del contrato o lanza `SchemaErrors` con **todos** los fallos a la vez (no solo el primero: quien
# arregla el origen quiere la lista completa).
#
# El archivo del contrato, `src/churn_project/contract.py`, tiene tres partes: una cabecera fija
# (las constantes del contrato y los mensajes en español), **tu función** `build_schema` y un final
# fijo que construye los dos esquemas y la función `validate` que usa la etapa. La cabecera se
# ejecuta aquí mismo, para que tu función vea los mismos nombres que verá en el archivo:

# %%
# La cabecera fija de src/churn_project/contract.py, ejecutada en este cuaderno.
exec(contract_header(), globals())
{
    name: globals()[name]
    for name in ("ID_COLUMN", "TARGET", "MAX_MISSING_RATE", "MISSING_RULE", "RANGES", "FLAGS")
} | {"CATEGORIES": CATEGORIES}

# %% [markdown]
# ### Ejercicio 3 (seguro) · El contrato de datos del proyecto
#
# Escribe `build_schema(with_target)` que devuelva el esquema pandera de la tabla de churn. Usa
# las constantes de la cabecera (`ID_COLUMN`, `TARGET`, `RANGES`, `FLAGS`, `CATEGORIES`,
# `MAX_MISSING_RATE`, `MISSING_RULE`), `pa` y `pd`; ningún otro nombre del cuaderno: tu función se
# copiará tal cual al archivo del contrato.
#
# 1. `with_target` debe ser `True` o `False`; cualquier otro valor (también `1` o `"sí"`) es
#    `TypeError`. Devuelve un `pa.DataFrameSchema`.
# 2. Columnas: `ID_COLUMN`, las seis de `RANGES`, las dos de `FLAGS`, las dos de `CATEGORIES` y
#    `"signup_date"`; y `TARGET` **solo** si `with_target` (lo que llega a predecir no trae la
#    etiqueta). Una columna que falta en el lote es un fallo (pandera lo hace solo).
# 3. Tipos, **convirtiendo** (`coerce=True`) lo que llega de un CSV: `"float64"` para las columnas de
#    `RANGES` que terminan en `_eur`; `"Int64"` (con mayúscula: el entero que admite vacíos) para
#    las demás de `RANGES`; `"boolean"` para `FLAGS`; `"datetime64[ns]"` para `signup_date`;
#    `"int64"` para `TARGET`; `str` para `ID_COLUMN`.
# 4. Valores: cada columna de `RANGES` dentro de su rango **cerrado** (`pa.Check.in_range`: 18 y
#    85 valen, 17 y 86 no); `CATEGORIES` solo con sus valores permitidos (`pa.Check.isin`);
#    `TARGET` solo 0 o 1; `ID_COLUMN` sin repetidos (`unique=True`).
# 5. Vacíos: `ID_COLUMN`, `signup_date` y `TARGET` no admiten ninguno. Las columnas de `RANGES`,
#    `FLAGS` y `CATEGORIES` los admiten (`nullable=True`), pero como mucho un `MAX_MISSING_RATE`
#    (2 %; justo el 2 % pasa): un `pa.Check` tuyo con `ignore_na=False` (sin eso, pandera quita
#    los vacíos antes de pasarte la columna y nunca verías ninguno) y `error=MISSING_RULE` (así el
#    mensaje del contrato da el porcentaje).
#
# ```text
# schema = build_schema(True)
# schema.validate(make_churn(500, 7), lazy=True)     →  la tabla, con los tipos del contrato
# schema.validate(february, lazy=True)               →  SchemaErrors: 'balance_eur' in_range(0, 300000)
# build_schema(False).columns                        →  las mismas, sin 'churned'
# build_schema("sí")                                 →  TypeError
# ```
#
# *Pistas:* `pa.Column("Int64", checks=[...], nullable=True, coerce=True)`;
# `pa.Check(lambda serie: ..., ignore_na=False, error=MISSING_RULE)`, donde la función recibe la
# columna entera y devuelve `True` si cumple.


# %% nbgrader={"grade": false, "grade_id": "contract", "locked": false, "schema_version": 3, "solution": true, "task": false}
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    ### BEGIN SOLUTION
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-contract-limpio", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R5]: datos limpios del generador (también leídos de un CSV y con vacíos
# dentro del límite) pasan, con los tipos del contrato.
import pandera.pandas as pa

from mlops_course.lessons.churn_project.contract import failing_columns, through_csv
from mlops_course.lessons.common import make_churn

schema = build_schema(True)
assert isinstance(schema, pa.DataFrameSchema), (
    f"build_schema debe devolver un pa.DataFrameSchema, no {type(schema).__name__}."
)
clean = make_churn(600, 7)
assert failing_columns(schema, clean) == set(), (
    "Datos limpios del generador deben pasar el contrato; fallan las columnas "
    f"{sorted(failing_columns(schema, clean))}: revisa sus tipos, rangos y vacíos."
)
### BEGIN HIDDEN TESTS
from_csv = through_csv(make_churn(600, 8, missing_rate=0.01))
failing = failing_columns(schema, from_csv)
assert not failing, (
    "Un lote leído de un CSV con un 1 % de vacíos debe pasar (así lo lee la etapa validate); "
    f"fallan {sorted(failing)}. ¿Convierte cada columna con coerce=True? ¿Usas 'Int64' (admite "
    "vacíos) y no 'int64'? ¿Admiten vacíos (nullable=True) las columnas que pueden tenerlos?"
)
typed = schema.validate(from_csv, lazy=True)
for column, dtype in (("age", "Int64"), ("has_credit_card", "boolean"), ("balance_eur", "float64")):
    assert str(typed[column].dtype) == dtype, (
        f"Tras validar, '{column}' debe ser {dtype} (coerce=True); es {typed[column].dtype}."
    )
assert str(typed["signup_date"].dtype).startswith("datetime64"), (
    f"Tras validar, 'signup_date' debe ser una fecha (datetime64[ns], coerce=True); es "
    f"{typed['signup_date'].dtype}."
)
at_limit = make_churn(600, 9)
at_limit.loc[:11, "age"] = pd.NA  # 12 de 600: exactamente el 2 %
at_limit.loc[100:111, "region"] = pd.NA
assert failing_columns(schema, at_limit) == set(), (
    "Exactamente un 2 % de vacíos debe pasar (el máximo se acepta): compara con <=; fallan "
    f"{sorted(failing_columns(schema, at_limit))}."
)
features_only = make_churn(300, 10).drop(columns=["churned"])
assert failing_columns(build_schema(False), features_only) == set(), (
    "build_schema(False) es el contrato de lo que llega a predecir: una tabla sin 'churned' debe "
    f"pasar; fallan {sorted(failing_columns(build_schema(False), features_only))}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-contract-reglas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: rangos cerrados, categorías, etiqueta, ids únicos y el máximo de vacíos.
from mlops_course.lessons.churn_project.contract import failing_columns, through_csv
from mlops_course.lessons.common import make_churn

schema = build_schema(True)
assert failing_columns(schema, make_churn(400, 11)) == set(), "Primero, un lote limpio debe pasar."
outliers = failing_columns(schema, make_churn(1000, 11, outlier_rate=0.02))
for column in ("age", "balance_eur", "estimated_salary_eur"):
    assert column in outliers, (
        f"Con valores atípicos (outlier_rate=0.02), '{column}' tiene valores fuera de su rango y "
        f"el contrato debe nombrarla; nombra {sorted(outliers)}. ¿Un pa.Check.in_range por "
        "columna de RANGES?"
    )
### BEGIN HIDDEN TESTS
edges = make_churn(400, 12)
edges.loc[0, "age"], edges.loc[1, "age"] = 18, 85
edges.loc[2, "balance_eur"], edges.loc[3, "num_products"] = 0.0, 4
assert failing_columns(schema, edges) == set(), (
    "Los extremos del rango son válidos (18 y 85 años, saldo 0, 4 productos): el rango es "
    f"cerrado; fallan {sorted(failing_columns(schema, edges))}."
)
for age in (17, 86):
    one_off = make_churn(400, 12)
    one_off.loc[5, "age"] = age
    assert "age" in failing_columns(schema, one_off), (
        f"Una edad de {age} está fuera de [18, 85]: el contrato debe rechazarla."
    )
gappy = make_churn(400, 13, missing_rate=0.1)
missing = failing_columns(schema, gappy)
assert {"age", "region", "is_active_member"} <= missing, (
    "Un 10 % de vacíos supera el máximo (2 %): 'age', 'region' e 'is_active_member' deben fallar; "
    f"fallan {sorted(missing)}. ¿Tu pa.Check de vacíos lleva ignore_na=False?"
)
broken = through_csv(make_churn(400, 14))
broken.loc[6, "customer_id"] = broken.loc[7, "customer_id"]  # mismo id, otra fila
broken.loc[8, "churned"] = 2
broken.loc[9, "region"] = "Murcia"
broken.loc[10, "gender"] = "X"
found = failing_columns(schema, broken)
for column, why in (
    ("customer_id", "un id repetido (unique=True)"),
    ("churned", "una etiqueta 2 (solo 0 o 1)"),
    ("region", "una región que no está en CATEGORIES"),
    ("gender", "un género que no está en CATEGORIES"),
):
    assert column in found, f"El contrato debe rechazar {why}; nombra {sorted(found)}."
no_label = through_csv(make_churn(400, 15))
no_label.loc[3, "churned"] = None
assert "churned" in failing_columns(schema, no_label), (
    "La etiqueta no admite vacíos: una fila sin 'churned' debe fallar."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-contract-estructura", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: columnas obligatorias, el esquema de entrada sin etiqueta y entradas inválidas.
from mlops_course.lessons.churn_project.contract import failing_columns
from mlops_course.lessons.common import make_churn

schema = build_schema(True)
without = failing_columns(schema, make_churn(300, 5).drop(columns=["credit_score"]))
assert "credit_score" in without, (
    f"Si falta la columna 'credit_score', el contrato debe nombrarla; nombra {sorted(without)}."
)
assert "churned" not in build_schema(False).columns, (
    "build_schema(False) no lleva la etiqueta 'churned': es lo que llega a predecir."
)
### BEGIN HIDDEN TESTS
expected = {ID_COLUMN, *RANGES, *FLAGS, *CATEGORIES, "signup_date"}
assert set(build_schema(False).columns) == expected, (
    f"build_schema(False) debe tener exactamente las columnas {sorted(expected)}; tiene "
    f"{sorted(build_schema(False).columns)}."
)
assert set(schema.columns) == expected | {TARGET}, (
    f"build_schema(True) debe tener esas columnas y además '{TARGET}'; tiene "
    f"{sorted(schema.columns)}."
)
for bad in (1, "sí", None):
    try:
        build_schema(bad)
    except TypeError:
        pass
    except Exception as wrong:
        raise AssertionError(
            f"build_schema({bad!r}) debe lanzar TypeError (solo True o False), no "
            f"{type(wrong).__name__}."
        ) from None
    else:
        raise AssertionError(
            f"build_schema({bad!r}) debe lanzar TypeError: with_target solo puede ser True o "
            "False (comprueba isinstance(with_target, bool))."
        )
### END HIDDEN TESTS

# %% [markdown]
# Tu función entra en el archivo del contrato del proyecto. Lo cargamos como lo cargará la etapa
# `validate` y le pasamos la extracción de enero y la de febrero, leídas de un CSV:

# %%
# Tu build_schema dentro de src/churn_project/contract.py, y el contrato frente a enero y febrero.
try:
    print("Escrito:", write_contract(PROJECT, build_schema).relative_to(ROOT))
    contract = load_contract(PROJECT)
    january = contract.validate(through_csv(make_churn(N_CUSTOMERS, SEED)))
    print(f"Enero pasa: {len(january)} filas, con los tipos del contrato.\n")
    try:
        contract.validate(through_csv(february))
    except contract.ContractViolation as rejection:
        print(rejection)
except NotImplementedError:
    print("Resuelve el Ejercicio 3 y vuelve a ejecutar esta celda.")

# %% [markdown]
# ## 6. El pipeline completo con `dvc repro`
#
# Tu contrato ya está en `src/churn_project/contract.py`, y `dvc repro` ejecuta las cuatro etapas
# por primera vez. Cada etapa anota en `logs/runs.jsonl` que ha corrido: es un testigo
# independiente de DVC (no es ni dependencia ni salida, así que no altera nada).

# %%
try:
    write_contract(PROJECT, build_schema)
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
    print(commit_all(PROJECT, ENV, "pipeline prepare → validate → featurize → train"))
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
#    tupla de textos como `"train.smoothing"` (o el `dict` de R6); un `str` suelto es `TypeError`
#    (recorrerlo daría letras, no parámetros), y cualquier otro tipo también.
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
# 6. `changed_params` también puede ser, tal cual, lo que imprime `dvc params diff --json`: un
#    `dict` archivo → parámetro → `{"old": …, "new": …}`. Los parámetros cambiados son las claves de
#    segundo nivel (de todos los archivos), no los nombres de archivo; `{}` (nada cambió) no repite
#    nada. Si el valor de un archivo no es un `dict`, `ValueError` con un mensaje que lo nombra.
#    Así un job de CI predice el costo de un *pull request* con la salida de DVC, sin copiar nombres.
#
# ```text
# stages_to_rerun(pipeline_spec(), {"train.smoothing"})       →  ["train"]
# stages_to_rerun(pipeline_spec(), {"featurize.age_bins"})    →  ["featurize", "train"]
# stages_to_rerun(pipeline_spec(), ["prepare.seed"])          →  ["prepare", "validate", "featurize", "train"]
# stages_to_rerun(pipeline_spec(), {"no.existe"})             →  []
# stages_to_rerun(pipeline_spec(), {"params.yaml": {"train.smoothing": {"old": 20, "new": 100}}})
#                                                              →  ["train"]
# ```


# %% nbgrader={"grade": false, "grade_id": "rerun", "locked": false, "schema_version": 3, "solution": true, "task": false}
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    ### BEGIN SOLUTION
    if not isinstance(pipeline, dict):
        raise TypeError(f"pipeline debe ser un dict (dvc.yaml), no {type(pipeline).__name__}.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline debe tener la clave 'stages' con un dict de etapas.")
    if isinstance(changed_params, dict):  # la salida de `dvc params diff --json`
        changed = set()
        for file_name, per_file in changed_params.items():
            if not isinstance(per_file, dict):
                raise ValueError(
                    f"changed_params[{file_name!r}] debe ser un dict parámetro → {{old, new}} "
                    f"(la forma de `dvc params diff --json`), no {type(per_file).__name__}."
                )
            changed.update(per_file)
    elif isinstance(changed_params, str) or not isinstance(
        changed_params, (set, frozenset, list, tuple)
    ):
        raise TypeError(
            "changed_params debe ser un set, list o tuple de nombres de parámetros, o el dict "
            "de `dvc params diff --json`."
        )
    else:
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

# %% nbgrader={"grade": true, "grade_id": "test-rerun-params-diff", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6]: la salida de `dvc params diff --json` como entrada, y sus formas inválidas.
toy = {
    "stages": {
        "prep": {"cmd": "p", "params": ["prep.seed"], "outs": ["data"]},
        "fit": {"cmd": "f", "deps": ["data"], "params": ["fit.lr"], "outs": ["m.pkl"]},
    }
}
diff = {"params.yaml": {"prep.seed": {"old": 1, "new": 2, "diff": 1}}}
from_diff = stages_to_rerun(toy, diff)
assert from_diff == ["prep", "fit"], (
    "Con la salida de `dvc params diff --json` los parámetros cambiados son las claves de segundo "
    f"nivel (prep.seed), no el nombre del archivo; da {from_diff}."
)
### BEGIN HIDDEN TESTS
assert stages_to_rerun(toy, {}) == [], "`dvc params diff --json` imprime {} si nada cambió."
assert stages_to_rerun(toy, {"params.yaml": {}}) == [], "Un archivo sin cambios no repite nada."
two = {"params.yaml": {"fit.lr": {"old": 0.1, "new": 0.2}}, "extra.yaml": {}}
assert stages_to_rerun(toy, two) == ["fit"], (
    f"Cada archivo aporta sus parámetros cambiados; da {stages_to_rerun(toy, two)}."
)
for bad_diff in ({"params.yaml": ["prep.seed"]}, {"params.yaml": 5}):
    try:
        stages_to_rerun(toy, bad_diff)
    except ValueError:
        pass
    except Exception as err:
        raise AssertionError(
            f"changed_params={bad_diff!r} debe lanzar ValueError, no {type(err).__name__}."
        ) from None
    else:
        raise AssertionError(
            f"changed_params={bad_diff!r} no tiene la forma de `dvc params diff --json` "
            "(archivo → dict de parámetros): debe lanzar ValueError."
        )
### END HIDDEN TESTS

# %% [markdown]
# ### La prueba de verdad: DVC en una copia de tu proyecto
#
# El último test compara tu función con lo que DVC ejecuta **de verdad**: copia tu proyecto a una
# carpeta temporal, cambia `featurize.age_bins` en la copia, lanza `dvc repro` y lee el registro de
# ejecuciones. Trabaja en una copia para dejar tu proyecto como estaba: un test que cambia
# `params.yaml` o `dvc.lock` cambiaría el resultado de la siguiente ejecución.

# %% nbgrader={"grade": true, "grade_id": "test-rerun-dvc-real", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R6]: tu predicción (también desde `dvc params diff --json`) coincide con lo
# que DVC ejecuta al cambiar featurize.age_bins.
import json
import shutil
import tempfile
from pathlib import Path

from mlops_course.lessons.common import isolated_env
from mlops_course.lessons.m05_dataops import clear_run_log, stages_that_ran
from mlops_course.lessons.m05_dataops.dvctool import dvc
from mlops_course.lessons.m05_dataops.project import read_yaml, write_yaml
from mlops_course.machinery.workspace import module_workspace, workspace_root

project = workspace_root() / "churn-project"
assert (project / "dvc.lock").is_file(), (
    "El pipeline de la §6 no ha llegado a ejecutarse (no hay dvc.lock): resuelve los Ejercicios 2 "
    "y 3 y ejecuta las celdas de las secciones 3 a 6 en orden."
)
predicted_now = stages_to_rerun(read_yaml(project / "dvc.yaml"), {"featurize.age_bins"})
# Una copia desechable del proyecto: el test no cambia tu params.yaml ni tu dvc.lock.
with tempfile.TemporaryDirectory(dir=module_workspace("05_ingenieria_datos")) as scratch:
    trial = Path(scratch) / "churn-project"
    shutil.copytree(project, trial, symlinks=True)
    params_now = read_yaml(trial / "params.yaml")
    bins = params_now["featurize"]["age_bins"]
    params_now["featurize"]["age_bins"] = [18, 25, *bins[1:]] if 25 not in bins else [18, *bins[2:]]
    write_yaml(trial / "params.yaml", params_now)
    scratch_env = isolated_env(Path(scratch) / "home")
    diff_now = json.loads(dvc("params", "diff", "--json", cwd=trial, env=scratch_env).stdout)
    clear_run_log(trial)
    repro = dvc("repro", cwd=trial, env=scratch_env)
    assert repro.ok, f"dvc repro falló:\n{repro.output}"
    really_ran = stages_that_ran(trial)
assert predicted_now == really_ran, (
    f"DVC ejecutó {really_ran} al cambiar featurize.age_bins y tu función predice {predicted_now}."
)
predicted_from_diff = stages_to_rerun(read_yaml(project / "dvc.yaml"), diff_now)
assert predicted_from_diff == really_ran, (
    f"Con la salida real de `dvc params diff --json` ({diff_now}) tu función predice "
    f"{predicted_from_diff}, y DVC ejecutó {really_ran}."
)

# %% [markdown]
# ### En tu proyecto: cambiar un parámetro
#
# Ahora en el proyecto de verdad: cambiamos `train.smoothing` en `params.yaml`. Antes de ejecutar
# nada, `dvc params diff --json` dice qué parámetros cambiaron respecto al último commit (lo que
# revisarías en un *pull request*); su salida, tal cual, es la entrada de tu predicción (R6).
# `dvc status --json` dice qué etapas ve DVC desactualizadas; luego `dvc repro` y el registro de
# ejecuciones dicen qué corrió de verdad.

# %%
PARAMS["train"]["smoothing"] = 100
write_yaml(PROJECT / "params.yaml", PARAMS)
params_diff = dvc("params", "diff", "--json", cwd=PROJECT, env=ENV)
status = dvc("status", "--json", cwd=PROJECT, env=ENV)
try:
    # {"params.yaml": {"train.smoothing": {"old": 20, "new": 100, …}}}: archivo → parámetro → valores
    diff_now = json.loads(params_diff.stdout)
    stale = sorted(json.loads(status.stdout or "{}"))
except ValueError:  # sin dvc.yaml, DVC responde con un error en texto
    diff_now, stale = {}, status.output
try:
    prediction = stages_to_rerun(pipeline_spec(), diff_now)
except NotImplementedError:
    prediction = "resuelve los Ejercicios 2 y 4"
{
    "dvc params diff": params_diff.stdout.strip(),
    "dvc status dice que cambió": stale,
    "tu predicción": prediction,
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
# ### Experimentos sin ensuciar el proyecto: `dvc exp run --temp`
#
# Cambiar `params.yaml`, ejecutar y commitear sirve para el cambio que decides conservar. Para
# **probar** una idea (¿y si los tramos de edad fueran más finos?) existe `dvc exp run`:
# `--set-param` cambia el parámetro solo para ese experimento y `--temp` lo ejecuta en una carpeta
# temporal, así que tu espacio de trabajo y tu rama no cambian. DVC guarda el resultado como un
# experimento (una referencia de git aparte, no un commit en `main`) y `dvc exp show --json` lo
# compara con la línea base. Pregunta antes a tu función qué etapas repetirá.

# %%
FINER_BINS = [18, 25, 35, 45, 60, 86]
try:
    exp_prediction = stages_to_rerun(pipeline_spec(), {"featurize.age_bins"})
except NotImplementedError:
    exp_prediction = "resuelve los Ejercicios 2 y 4"
if (PROJECT / "dvc.lock").is_file():
    params_before = (PROJECT / "params.yaml").read_bytes()
    git_before = git("status", "--porcelain", cwd=PROJECT, env=ENV).stdout
    override = f"featurize.age_bins={FINER_BINS}"
    experiment = dvc("exp", "run", "--temp", "--set-param", override, cwd=PROJECT, env=ENV)
    print(experiment)
    exp_ran = re.findall(r"Running stage '([^']+)'", experiment.output)
    exp_name = re.search(r"Ran experiment\(s\): (\S+)", experiment.output)
    # El experimento no toca el espacio de trabajo: ni params.yaml ni lo que git ve cambiado.
    assert (PROJECT / "params.yaml").read_bytes() == params_before
    assert git("status", "--porcelain", cwd=PROJECT, env=ENV).stdout == git_before
    print("Etapas que ejecutó el experimento:", exp_ran, "· tu predicción:", exp_prediction)
else:
    experiment, exp_name = None, None
    print("Aún no hay pipeline: resuelve los Ejercicios 2 y 3 y ejecuta el cuaderno en orden.")

# %%
# La línea base (HEAD) y sus experimentos, leídos del JSON de `dvc exp show`.
experiments_table = None
if experiment is not None and experiment.ok and exp_name is not None:
    shown = json.loads(dvc("exp", "show", "--json", cwd=PROJECT, env=ENV).stdout)
    rows = {}
    for commit in shown:
        if commit["rev"] == "workspace":
            continue
        runs = [commit] + [rev for exp in commit.get("experiments") or [] for rev in exp["revs"]]
        for run in runs:
            data = run["data"]
            bins_used = data["params"]["params.yaml"]["data"]["featurize"]["age_bins"]
            metrics = data["metrics"]["metrics.json"]["data"]
            rows[run["name"] or run["rev"][:7]] = {"featurize.age_bins": str(bins_used), **metrics}
    assert exp_name.group(1) in rows, f"dvc exp show no lista el experimento {exp_name.group(1)}"
    experiments_table = pd.DataFrame(rows).T
experiments_table

# %% [markdown]
# El experimento repitió `featurize` y `train` (lo que predice tu función) y cambió las métricas;
# tu `params.yaml` sigue igual. Si te convence, `dvc exp apply <nombre>` lo trae al espacio de
# trabajo para commitearlo; si no, no hay nada que deshacer.
#
# ### Volver a los datos de una versión: etiqueta de git + `dvc checkout`
#
# La promesa del guardarropa: con el resguardo de una versión recuperas sus datos. Lo comprobamos
# en una copia temporal del proyecto: etiquetamos el estado actual como `v1`, llega la extracción
# de marzo (`dvc add` + commit), volvemos a `v1` con `git checkout` y `dvc checkout` pone en
# `data/raw/churn.csv` los bytes de `v1`; de vuelta en `main`, los de marzo.


# %%
def raw_md5(project):
    """MD5 del CSV crudo en el espacio de trabajo (el que DVC escribe en el archivo .dvc)."""
    return hashlib.md5((project / "data" / "raw" / "churn.csv").read_bytes()).hexdigest()


with tempfile.TemporaryDirectory(dir=WORKSPACE) as tmp:
    trial = Path(tmp) / PROJECT_DIR
    shutil.copytree(PROJECT, trial, symlinks=True)
    git("tag", "v1", cwd=trial, env=ENV)
    md5_v1 = raw_md5(trial)
    make_churn(N_CUSTOMERS, SEED + 2).to_csv(trial / "data" / "raw" / "churn.csv", index=False)
    dvc("add", "data/raw/churn.csv", cwd=trial, env=ENV, check=True)
    commit_all(trial, ENV, "extracción de marzo")
    md5_march = raw_md5(trial)
    git("checkout", "--quiet", "v1", cwd=trial, env=ENV)
    print("Tras git checkout v1, ¿el CSV sigue siendo el de marzo?", raw_md5(trial) == md5_march)
    print(dvc("checkout", cwd=trial, env=ENV, check=True))
    assert raw_md5(trial) == md5_v1, "tras dvc checkout, data/raw/churn.csv debe ser el de v1"
    git("checkout", "--quiet", "main", cwd=trial, env=ENV)
    dvc("checkout", cwd=trial, env=ENV, check=True)
    assert raw_md5(trial) == md5_march, "de vuelta en main, data/raw/churn.csv es el de marzo"
    print(f"v1: {md5_v1} · main: {md5_march} · ida y vuelta correctas")

# %% [markdown]
# `git checkout` solo cambia el puntero (`churn.csv.dvc`); los datos los pone `dvc checkout`, desde
# la caché (o desde el remoto con `dvc pull` si la caché no los tiene). Olvidar el segundo paso es
# entrenar con los datos de otra versión sin enterarte.

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 30 min.*
#
# ## 7. La puerta en acción: el lote de febrero
#
# Volvamos al lote con saldos en céntimos. Lo metemos como nueva versión de `data/raw/churn.csv`
# en una **copia temporal** del proyecto (el entregable no se toca) y lanzamos `dvc repro`.

# %%
with tempfile.TemporaryDirectory(dir=WORKSPACE) as tmp:
    trial = Path(tmp) / PROJECT_DIR
    shutil.copytree(PROJECT, trial, symlinks=True)
    february.to_csv(trial / "data" / "raw" / "churn.csv", index=False)
    clear_run_log(trial)
    bad_run = dvc("repro", cwd=trial, env=ENV)
    print(bad_run)
    print("\nEtapas ejecutadas según el registro:", stages_that_ran(trial))

# %% [markdown]
# `validate` ha terminado con código 1 y DVC se ha detenido: `featurize` y `train` no han corrido,
# así que el modelo y las métricas del proyecto siguen siendo los buenos. Quien lo ha parado es
# **tu contrato**: el mensaje dice qué columna, cuántas filas, qué rango y un ejemplo, y quien
# mantiene la extracción sabe qué arreglar sin depurar nada.
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
# ## 10. Tu entregable: la capa 05 de `churn-project/`
#
# Subimos al remoto todo lo que produjo el pipeline (datos preparados, features, modelo) y
# commiteamos el último estado. Con el repositorio y el remoto, cualquiera reproduce tu modelo con
# `git clone` + `dvc pull` (o `dvc repro`).

# %%
if (PROJECT / "dvc.lock").is_file():
    print(dvc("push", cwd=PROJECT, env=ENV))
    print(commit_all(PROJECT, ENV, "salidas del pipeline enviadas al remoto"))
    print(git("log", "--oneline", cwd=PROJECT, env=ENV).stdout)
else:
    print("Aún no hay pipeline: resuelve los Ejercicios 2 y 3 y ejecuta el cuaderno en orden.")

# %%
# Comprobación del entregable: archivos que deben existir y repositorio sin cambios pendientes.
deliverable = {
    name: (PROJECT / name).is_file()
    for name in ("dvc.yaml", "dvc.lock", "params.yaml", "data/raw/churn.csv.dvc", "metrics.json")
}
deliverable["contrato"] = (PROJECT / "src" / "churn_project" / "contract.py").is_file()
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
#   `dvc repro` repite **solo** lo afectado; `dvc dag` dibuja el grafo; `dvc params diff` y
#   `dvc metrics diff` comparan con el último commit.
# - `dvc exp run --temp --set-param …` prueba una idea sin tocar el espacio de trabajo y
#   `dvc exp show --json` la compara con la línea base; `git checkout <etiqueta>` + `dvc checkout`
#   devuelve los datos de esa versión.
# - La validación es una **etapa** que aplica **un** contrato de datos (un esquema pandera en el
#   código del proyecto): si los datos no cumplen, el pipeline se para con un mensaje que dice qué
#   arreglar.
# - DVC no es para streaming ni para duplicar un data lake que ya versiona: Git LFS, lakehouse o
#   integrar con lo existente.
#
# ### Checklist del entregable («Pipeline DVC funcional»)
#
# - [ ] `workspace/churn-project/` es un repositorio git con `dvc.yaml`, `dvc.lock`,
#   `params.yaml`, `data/raw/churn.csv.dvc` y `src/churn_project/` commiteados, sin cambios
#   pendientes.
# - [ ] `dvc repro` no tiene nada que hacer (todo al día) y `dvc push` no tiene nada que subir.
# - [ ] La etapa `validate` usa tu contrato (`build_schema` en `src/churn_project/contract.py`) y
#   para el pipeline con el lote de febrero.
# - [ ] Tu `stages_to_rerun` coincide con lo que DVC ejecutó al cambiar un parámetro.
# - [ ] Tu ADR decide por separado cómo versionar cada conjunto de datos.
#
# ### Autoevaluación
#
# 1. Un compañero commitea `data/raw/churn.csv` directamente en git «porque solo son 30 MB». ¿Qué
#    le dices, y cuándo tendría razón?
# 2. ¿Por qué `metrics.json` va con `cache: false` y `models/segment_rates.json` no?
# 3. Cambias el código de `src/churn_project/stages/featurize.py` sin tocar parámetros. ¿Qué
#    etapas repite `dvc repro` y por qué?
# 4. ¿Qué pasa si haces `git push` pero olvidas `dvc push`? ¿Qué verá tu compañero al hacer
#    `dvc pull`?
# 5. ¿Por qué la regla de vacíos del contrato compara con `<=` el máximo y no con `<`?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Con 30 MB, un equipo pequeño y pocas versiones, Git LFS (o incluso git) puede bastar; el
#    problema llega con muchas versiones (la historia crece) y con el límite de 100 MiB por archivo.
#    2. Las métricas son pequeñas, de texto y se revisan en los PR (git); el modelo es un binario
#    que puede crecer (caché y remoto). 3. `featurize` y `train`: su código es una dependencia.
#    4. El puntero apunta a un hash que no está en el remoto: `dvc pull` falla con «missing cache
#    files». 5. Porque el umbral es el máximo **aceptado**: «como mucho un 2 %».
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [DVC](../18_glosario/18_glosario.ipynb#dvc) ·
# [caché direccionada por contenido](../18_glosario/18_glosario.ipynb#cache-contenido) ·
# [hash MD5](../18_glosario/18_glosario.ipynb#md5) ·
# [remoto](../18_glosario/18_glosario.ipynb#remoto-dvc) ·
# [`dvc.yaml`](../18_glosario/18_glosario.ipynb#dvc-yaml) ·
# [`dvc.lock`](../18_glosario/18_glosario.ipynb#dvc-lock) ·
# [etapa (stage)](../18_glosario/18_glosario.ipynb#etapa-dvc) ·
# [DAG](../18_glosario/18_glosario.ipynb#dag) ·
# [`dvc repro`](../18_glosario/18_glosario.ipynb#dvc-repro) ·
# [métrica](../18_glosario/18_glosario.ipynb#metrica-modelo) ·
# [validación de datos](../18_glosario/18_glosario.ipynb#validacion-datos) ·
# [Git LFS](../18_glosario/18_glosario.ipynb#git-lfs) ·
# [Delta Lake](../18_glosario/18_glosario.ipynb#delta-lake) ·
# [lakehouse](../18_glosario/18_glosario.ipynb#lakehouse) ·
# [data lake](../18_glosario/18_glosario.ipynb#data-lake) ·
# [time travel](../18_glosario/18_glosario.ipynb#time-travel).
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
# **Siguiente:** Módulo 06 · Pipelines sklearn avanzados: la capa 06 de tu proyecto sustituye la
# etapa `train` por un pipeline de scikit-learn sin fugas de datos, y DVC sigue orquestándolo igual.
