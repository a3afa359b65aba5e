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
# # Recurso 21 · Plantillas
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Tipo** | Recurso de consulta (fuera del calendario de fases): plantillas de CI, Docker, Makefile, pre-commit, pyproject, DVC, Kubernetes, Terraform, model card y ADR |
# | **Tiempo estimado** | ≈ 2 h 55 min: lectura y demos 35 min, ejercicios 110 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Ninguno para leer. Cada plantilla viene de un módulo (00, 03, 04, 05, 09, 10, 13, 14, 16, 17): conviene haberlo hecho antes de usarla. |
# | **Entregable** | Las plantillas del curso renderizadas para el nombre de tu proyecto, cada una aceptada por su herramienta, y tu criterio para bifurcar o contribuir (respuesta escrita) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** por qué una plantilla copiada deriva del estándar y cómo lo evita un registro que
#    la deriva de su fuente (§1, §2).
# 2. **Renderizar** cualquier plantilla del curso para el nombre de tu proyecto y leer el veredicto
#    de la herramienta real que la comprueba (§3, widget).
# 3. **Derivar** y **validar** las formas de un nombre de proyecto (paquete de Python, imagen,
#    recurso de Kubernetes) antes de que llegue a una plantilla (Ejercicios 1 y 2, autocalificados).
# 4. **Detectar** la deriva entre el archivo de un equipo y la plantilla de la que salió, sin
#    confundirla con los nombres (Ejercicio 3, autocalificado).
# 5. **Decidir** cuándo un equipo bifurca una plantilla y cuándo contribuye al original (respuesta
#    escrita).
#
# > **Principio 3 de la guía, estándares de industria:** lo que el curso enseña es lo que usan los
# > equipos. Una plantilla es la forma de que el estándar llegue a cada repositorio sin que cada
# > equipo lo reinvente.

# %% [markdown]
# ## 1. Por qué plantillas
#
# En una empresa con doce repositorios de modelos, cada equipo escribe su workflow de CI, su
# Dockerfile y sus manifiestos. Los doce hacen lo mismo con doce errores distintos: uno no fija la
# imagen base, otro corre como root, otro olvida el límite de memoria. Nadie lo nota hasta el
# incidente. Una **plantilla** es la respuesta obvia: se escribe una vez, bien, y cada repositorio
# parte de ella.
#
# La respuesta obvia tiene una trampa: la plantilla que se **copia** empieza a envejecer el día
# que se copia. El estándar cambia (una acción de GitHub se retira, una imagen base cambia de
# digest, Kubernetes elimina una API) y la copia no se entera. Es la fotocopia de una fotocopia:
# cada equipo guarda la versión del día en que la sacó.
#
# Este recurso evita la trampa con una regla: **las plantillas no se copian, se derivan**. Cada
# plantilla apunta al archivo real del proyecto de churn que un módulo ya escribe y prueba (la
# capa `layers/NN/` del proyecto), y se renderiza cambiando solo los nombres del proyecto. Si el
# módulo 10 corrige el Dockerfile, la plantilla queda corregida en el mismo commit.
#
# ```mermaid
# flowchart LR
#     L["capas del proyecto de churn<br/>layers/09 … layers/16<br/>(archivos probados por su módulo)"] --> R["registro de plantillas<br/>qué archivo · qué módulo · qué herramienta"]
#     F["formato de ADR del curso<br/>(CONTEXTO · DECISIÓN · …)"] --> R
#     N["nombre de tu proyecto<br/>fraude-pagos"] --> V["formas válidas<br/>fraude-pagos · fraude_pagos · fraude-pagos-api"]
#     R --> X["renderizar<br/>(solo cambian los nombres)"]
#     V --> X
#     X --> T["herramienta real<br/>actionlint · hadolint · terraform validate …"]
#     T --> W["veredicto en el widget<br/>y en la CI del curso"]
# ```
#
# **Visión de negocio.** Con los supuestos de los parámetros (de cuántos repositorios hablamos,
# cuántas horas cuesta armar CI, imagen y manifiestos desde cero, lo que vale una hora), esto es lo
# que cuesta que cada equipo reinvente lo mismo, frente a partir de una plantilla y adaptarla:

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa los mismos).
PROJECT_NAME = "fraude-pagos"  # el nombre de tu proyecto: el widget y la §3 lo usan
N_REPOS = 12  # supuesto del curso: repositorios de modelos en la empresa
HORAS_DESDE_CERO = 16.0  # supuesto del curso: CI + Dockerfile + manifiestos escritos a mano
HORAS_CON_PLANTILLA = 3.0  # supuesto del curso: renderizar, revisar y adaptar
COSTO_HORA_EUR = 45.0  # supuesto del curso (el del módulo 01): una hora de ingeniería

# %%
from packaging.utils import canonicalize_name

from mlops_course.lessons.r21_templates import (
    TEMPLATES,
    TemplateBrowser,
    by_key,
    check,
    check_files,
    name_forms,
    render,
    templates_html,
)

from_scratch = N_REPOS * HORAS_DESDE_CERO
with_template = N_REPOS * HORAS_CON_PLANTILLA
print(f"Desde cero: {from_scratch:.0f} h ≈ {from_scratch * COSTO_HORA_EUR:,.0f} € (supuesto).")
print(
    f"Con plantilla: {with_template:.0f} h ≈ {with_template * COSTO_HORA_EUR:,.0f} €; "
    f"ahorro ≈ {(from_scratch - with_template) * COSTO_HORA_EUR:,.0f} €."
)

# %% [markdown]
# El ahorro de horas es la parte pequeña. La grande es lo que no se ve en la tabla: doce
# repositorios que fallan de doce formas distintas cuestan doce investigaciones en cada incidente.
#
# ## 2. La deriva: una plantilla copiada que envejece
#
# Veamos el fallo antes de la práctica. Un equipo copió el workflow de CI hace unos años, cuando
# todo el mundo escribía `actions/checkout@v2`. El archivo sigue «funcionando» en su memoria, pero
# GitHub retiró el runtime de esa versión. actionlint, la herramienta del módulo 09, lo dice:

# %%
import re

ci_template = by_key("workflow-ci")
old_copy = {
    path: re.sub(r"actions/checkout@\S+", "actions/checkout@v2", text)
    for path, text in render(ci_template, name_forms(PROJECT_NAME)).items()
}
print(check_files(ci_template, old_copy))

# %% [markdown]
# La plantilla del curso no tiene ese problema porque **no es una copia**: es el workflow de la
# capa del módulo 10 (fijado por SHA, con permisos mínimos), y cualquier cambio allí llega aquí.
# La CI del curso renderiza cada plantilla para dos nombres de proyecto y pasa su herramienta: si
# un módulo rompe su archivo, falla la CI del módulo **y** la de este recurso.
#
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 3. Las plantillas del curso
#
# Cada fila dice de qué módulo viene la plantilla, qué herramienta real la comprueba y de qué capa
# del proyecto sale su texto (la última capa que escribe ese archivo: el Dockerfile de la capa 11
# reemplaza al de la 10, igual que en el proyecto). El ADR no tiene archivo en las capas: sale del
# formato de ADR del curso, las cuatro secciones que el recurso 19 lee.

# %%
from IPython.display import HTML, display

display(HTML(templates_html(TEMPLATES)))

# %% [markdown]
# Escribe el nombre de tu proyecto y elige una plantilla: el widget la renderiza y pasa su
# herramienta. Prueba un nombre inválido (`Mi Proyecto`, `2pagos`) para ver qué pasa antes de que
# llegue a un Dockerfile. Sin kernel (la vista de GitHub), la celda muestra la tabla y un ejemplo.

# %%
TemplateBrowser(TEMPLATES, PROJECT_NAME)

# %% [markdown]
# Y todas a la vez, para el nombre de los parámetros (un segundo en total: cada herramienta corre
# sobre archivos temporales, nunca sobre las fuentes del curso):

# %%
for template in TEMPLATES:
    verdict = check(template, name_forms(PROJECT_NAME))
    print(f"{'✔' if verdict.ok else '✘'} {template.title:<35} {template.tool}")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 30 min.*
#
# ## 4. Ejercicios
#
# Un nombre de proyecto termina en muchos lugares, cada uno con sus reglas:
#
# | dónde | ejemplo | regla real |
# |---|---|---|
# | repositorio y distribución (`pyproject.toml`) | `fraude-pagos` | PEP 503: minúsculas; cada grupo de `-`, `_` y `.` se vuelve un `-` |
# | paquete de Python (`import …`) | `fraude_pagos` | un identificador de Python que no es palabra reservada |
# | imagen de Docker y recursos de Kubernetes | `fraude-pagos-api` | etiqueta DNS-1123: hasta 63 caracteres `a-z`, `0-9` y `-`, empieza y termina con letra o dígito |
#
# La metáfora: el nombre es una **llave** que tiene que entrar en tres cerraduras distintas. Mejor
# probarla en las tres antes de repartir copias.
#
# ### Ejercicio 1 (funcional) · Las tres formas de un nombre
#
# Escribe `project_names(name)`, que devuelve un dict con las claves `"project"`, `"package"` y
# `"service"`. Este nivel es «funcional»: el nombre es correcto; no hace falta validarlo.
#
# 1. `"project"`: el nombre normalizado según PEP 503 (sin espacios al principio ni al final, en
#    minúsculas y con cada grupo de `-`, `_` y `.` reemplazado por un solo `-`).
# 2. `"package"`: el nombre del proyecto (la forma de R1) con `_` en lugar de cada `-`.
# 3. `"service"`: el nombre del proyecto sin el sufijo `-project` (si lo tiene **al final**) más
#    `-api` (así `churn-project` da `churn-api`, el nombre del servicio en el curso).
#
# Resultado esperado:
#
# ```text
# project_names("Fraude_Pagos")
#   →  {"project": "fraude-pagos", "package": "fraude_pagos", "service": "fraude-pagos-api"}
# ```


# %% nbgrader={"grade": false, "grade_id": "nombres", "locked": false, "schema_version": 3, "solution": true, "task": false}
def project_names(name: str) -> dict[str, str]:
    """Las formas del nombre: proyecto (PEP 503), paquete de Python y servicio."""
    ### BEGIN SOLUTION
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    return {
        "project": project,
        "package": project.replace("-", "_"),
        "service": f"{project.removesuffix('-project')}-api",
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-nombres-proyecto", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: la forma del proyecto es la normalización de PEP 503.
names = project_names("Fraude_Pagos")
assert names["project"] == "fraude-pagos", (
    f"«Fraude_Pagos» normalizado es «fraude-pagos» (minúsculas, _ → -): devolviste {names!r}."
)
### BEGIN HIDDEN TESTS
for raw in ("  Mi..Modelo--V2 ", "a_b.c-d", "churn-project", "X"):
    got = project_names(raw)["project"]
    assert got == canonicalize_name(raw.strip()), (
        f"Para {raw!r} la forma PEP 503 es {canonicalize_name(raw.strip())!r} (la de "
        f"packaging.utils.canonicalize_name); devolviste {got!r}: ¿cada grupo de -, _ y . "
        "se vuelve UN guion?"
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-nombres-paquete", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: el paquete sale de la forma normalizada, con _ en lugar de -.
names = project_names("Fraude_Pagos")
assert names["package"] == "fraude_pagos", (
    f"El paquete de «Fraude_Pagos» es «fraude_pagos»: devolviste {names.get('package')!r}."
)
### BEGIN HIDDEN TESTS
dotted = project_names("Mi.Modelo--v2")["package"]
assert dotted == "mi_modelo_v2", (
    "El paquete se deriva del nombre YA normalizado: «Mi.Modelo--v2» → «mi-modelo-v2» → "
    f"«mi_modelo_v2». Devolviste {dotted!r} (un punto o un guion doble no caben en un import)."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-nombres-servicio", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: el servicio es el proyecto sin -project final, más -api.
names = project_names("churn-project")
assert names["service"] == "churn-api", (
    f"El servicio de «churn-project» es «churn-api» (como en los manifiestos del módulo 14): "
    f"devolviste {names.get('service')!r}."
)
### BEGIN HIDDEN TESTS
assert project_names("Fraude_Pagos")["service"] == "fraude-pagos-api", (
    "Sin sufijo -project, el servicio es el proyecto más -api: «fraude-pagos-api»."
)
middle = project_names("my-project-x")["service"]
assert middle == "my-project-x-api", (
    f"Solo se quita -project cuando está AL FINAL: «my-project-x» da «my-project-x-api», no {middle!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# Tu función frente a la librería (`packaging.utils.canonicalize_name`, la que usan pip y PyPI) y
# frente a la del registro del curso:

# %%
try:
    for raw in (PROJECT_NAME, "Fraude_Pagos", "churn-project"):
        mine = project_names(raw)
        print(
            f"{raw!r}: tuyo {mine['project']!r} · packaging {canonicalize_name(raw)!r} · "
            f"registro {name_forms(raw)}"
        )
except NotImplementedError:
    print("Resuelve el Ejercicio 1 (project_names) para compararlo con packaging.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 05 min.*
#
# ### Ejercicio 2 (seguro) · Un nombre inválido no llega a la plantilla
#
# Si el nombre `2pagos` llega a una plantilla, el error aparece lejos y tarde: `import 2pagos`
# falla en la CI, y un Deployment de 70 caracteres lo rechaza el clúster el día del despliegue.
# Este nivel es «seguro»: la entrada se valida **antes** de escribir un solo archivo y el error
# dice en español qué regla rompe el nombre.
#
# Escribe `check_project_name(name)`, que devuelve la forma normalizada del proyecto (la de PEP 503
# del Ejercicio 1) si el nombre sirve para las tres cerraduras, y si no:
#
# 1. lanza `TypeError` si `name` no es un `str`;
# 2. lanza `ValueError` si la forma normalizada está vacía o no es una etiqueta DNS-1123 (solo
#    `a-z`, `0-9` y `-`, empieza y termina con letra o dígito): `fraude pagos`, `-fraude`, `ñandú`;
# 3. lanza `ValueError` si el paquete (la forma con `_`) no es un identificador de Python o es una
#    palabra reservada (`2pagos`, `class`);
# 4. lanza `ValueError` si el nombre del servicio (Ejercicio 1, R3) pasa de 63 caracteres.
#
# Los mensajes, en español, dicen qué regla rompe el nombre.


# %% nbgrader={"grade": false, "grade_id": "validar", "locked": false, "schema_version": 3, "solution": true, "task": false}
def check_project_name(name: str) -> str:
    """La forma normalizada del nombre, o un error en español si no sirve para las plantillas."""
    ### BEGIN SOLUTION
    import keyword

    if not isinstance(name, str):
        raise TypeError(f"El nombre debe ser un texto, no {type(name).__name__}.")
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", project):
        raise ValueError(
            f"«{name}» no es una etiqueta DNS-1123: usa a-z, 0-9 y guiones, y empieza y termina "
            "con letra o dígito."
        )
    package = project.replace("-", "_")
    if not package.isidentifier() or keyword.iskeyword(package):
        raise ValueError(
            f"«{package}» no sirve como paquete de Python (dígito inicial o reservada)."
        )
    service = f"{project.removesuffix('-project')}-api"
    if len(service) > 63:
        raise ValueError(f"El servicio «{service}» pasa de 63 caracteres: Kubernetes lo rechaza.")
    return project
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-validar-dns", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: un nombre válido se normaliza; uno con espacios o guion inicial se rechaza.
assert check_project_name("Fraude_Pagos") == "fraude-pagos", (
    "Un nombre válido devuelve su forma normalizada: «Fraude_Pagos» → «fraude-pagos»."
)
try:
    check_project_name("fraude pagos")
except ValueError:
    pass
else:
    raise AssertionError(
        "«fraude pagos» tiene un espacio: no es una etiqueta DNS-1123 (ValueError)."
    )
### BEGIN HIDDEN TESTS
for bad in ("-fraude", "fraude-", "", "   ", "ñandú", "--"):
    try:
        check_project_name(bad)
    except ValueError as dns_error:
        assert str(dns_error).strip(), (
            "El ValueError debe traer un mensaje que diga qué regla rompe."
        )
    else:
        raise AssertionError(f"{bad!r} no es una etiqueta DNS-1123 válida: lanza ValueError.")
for wrong_type in (42, None, b"fraude"):
    try:
        check_project_name(wrong_type)
    except TypeError:
        pass
    else:
        raise AssertionError(f"{wrong_type!r} no es un texto: lanza TypeError.")
assert check_project_name("  a ") == "a", "Un solo carácter alfanumérico es una etiqueta válida."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-validar-paquete", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: un paquete que empieza con dígito o es palabra reservada se rechaza.
try:
    check_project_name("2pagos")
except ValueError:
    pass
else:
    raise AssertionError("«2pagos» daría `import 2pagos`, que no es Python válido: ValueError.")
### BEGIN HIDDEN TESTS
for reserved in ("class", "Import", "9-vidas"):
    try:
        check_project_name(reserved)
    except ValueError:
        pass
    else:
        raise AssertionError(f"«{reserved.lower()}» no es un identificador de Python: ValueError.")
assert check_project_name("none-x") == "none-x", "«none_x» sí es un identificador válido."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-validar-largo", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: el servicio (proyecto sin -project, más -api) no pasa de 63 caracteres.
try:
    check_project_name("x" * 60)
except ValueError:
    pass
else:
    raise AssertionError("«xxx…x-api» tendría 64 caracteres: Kubernetes lo rechaza (ValueError).")
### BEGIN HIDDEN TESTS
assert check_project_name("x" * 59) == "x" * 59, (
    "Con 59 caracteres el servicio tiene justo 63: es válido."
)
long_project = "y" * 59 + "-project"
assert check_project_name(long_project) == long_project, (
    "El límite es del SERVICIO: «yyy…y-project» da «yyy…y-api» (63 caracteres), que es válido."
)
### END HIDDEN TESTS

# %% [markdown]
# Con tu validación, estos nombres llegarían (o no) a las plantillas:

# %%
for candidate in (PROJECT_NAME, "Mi Proyecto", "2pagos", "Scoring.Credito"):
    try:
        print(f"{candidate!r} → {check_project_name(candidate)!r}")
    except NotImplementedError:
        print("Resuelve el Ejercicio 2 (check_project_name) para ver qué nombres pasan.")
        break
    except (TypeError, ValueError) as error:
        print(f"{candidate!r} → rechazado: {error}")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 40 min.*
#
# ### Ejercicio 3 (escalable) · La deriva entre el archivo de un equipo y su plantilla
#
# Con doce repositorios nadie compara a ojo su Dockerfile con la plantilla. Este nivel es
# «escalable» por el tamaño del equipo: una función que dice qué líneas cambió cada equipo se
# corre sobre todos los repositorios en la CI. Lo difícil es no confundir la deriva con los
# nombres: `fraude_pagos.api.app` en lugar de `churn_project.api.app` **no** es un cambio del
# equipo, es la plantilla renderizada.
#
# Escribe `template_drift(template_text, project_text, names)`. `template_text` es el texto de la
# plantilla con los nombres del curso (`churn-project`, `churn_project`, `churn-api`); `names`, un
# dict como el del Ejercicio 1 (claves `"project"`, `"package"`, `"service"`). Devuelve
# `{"changed": [...], "removed": [...]}`:
#
# 1. Antes de comparar, renderiza la plantilla: reemplaza `churn-project`, `churn_project` y
#    `churn-api` por `names["project"]`, `names["package"]` y `names["service"]`.
# 2. `"changed"`: los números de línea (desde 1) **del archivo del equipo** que no vienen de la
#    plantilla (líneas cambiadas o añadidas), en orden. Compara línea por línea con
#    `difflib.SequenceMatcher(None, plantilla, archivo, autojunk=False).get_opcodes()`.
# 3. `"removed"`: los números de línea (desde 1) **de la plantilla renderizada** que el equipo
#    cambió o borró, en orden.
# 4. Los espacios al final de línea y los finales de línea de Windows (`\r\n`) no son deriva.


# %% nbgrader={"grade": false, "grade_id": "deriva", "locked": false, "schema_version": 3, "solution": true, "task": false}
def template_drift(
    template_text: str, project_text: str, names: dict[str, str]
) -> dict[str, list[int]]:
    """Qué líneas cambió el equipo (changed) y cuáles de la plantilla ya no están (removed)."""
    ### BEGIN SOLUTION
    import difflib

    rendered = (
        template_text.replace("churn-project", names["project"])
        .replace("churn_project", names["package"])
        .replace("churn-api", names["service"])
    )
    expected = [line.rstrip() for line in rendered.splitlines()]
    actual = [line.rstrip() for line in project_text.splitlines()]
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1 + 1, j2 + 1))
        if tag in ("replace", "delete"):
            removed.extend(range(i1 + 1, i2 + 1))
    return {"changed": changed, "removed": removed}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-deriva-nombres", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: un archivo que solo cambia los nombres del proyecto no tiene deriva.
FRAUD = {"project": "fraude-pagos", "package": "fraude_pagos", "service": "fraude-pagos-api"}
tiny_template = "name: churn-project\nimport churn_project\nimage: churn-api:1\n"
tiny_project = "name: fraude-pagos\nimport fraude_pagos\nimage: fraude-pagos-api:1\n"
clean = template_drift(tiny_template, tiny_project, FRAUD)
assert clean == {"changed": [], "removed": []}, (
    "El archivo del equipo es la plantilla renderizada para fraude-pagos: no hay deriva. "
    f"Devolviste {clean!r}: ¿reemplazas los tres nombres antes de comparar?"
)
### BEGIN HIDDEN TESTS
real_template = render(by_key("dockerfile"))["Dockerfile"]
real_project = render(by_key("dockerfile"), name_forms("fraude-pagos"))["Dockerfile"]
assert template_drift(real_template, real_project, FRAUD) == {"changed": [], "removed": []}, (
    "El Dockerfile de la plantilla renderizado para fraude-pagos no tiene deriva."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-deriva-cambios", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: las líneas cambiadas o añadidas del equipo y las borradas de la plantilla.
base = "FROM python:3.11-slim\nUSER 10001\nHEALTHCHECK CMD true\nCMD churn_project\n"
team = "FROM python:latest\nUSER 10001\nRUN apt-get install -y curl\nCMD fraude_pagos\n"
drift = template_drift(base, team, FRAUD)
assert drift["changed"] == [1, 3], (
    "El equipo cambió la línea 1 (la base) y la 3 (un RUN en lugar del HEALTHCHECK); la 4 es "
    f"solo el nombre del paquete. changed debía ser [1, 3]; devolviste {drift.get('changed')!r}."
)
assert drift["removed"] == [1, 3], (
    "De la plantilla se perdieron la línea 1 (la base fijada) y la 3 (el HEALTHCHECK): "
    f"removed debía ser [1, 3]; devolviste {drift.get('removed')!r}."
)
### BEGIN HIDDEN TESTS
added = template_drift("a\nb\n", "a\nnueva\nb\notra\n", FRAUD)
assert added == {"changed": [2, 4], "removed": []}, (
    f"Dos líneas añadidas (2 y 4 del archivo del equipo) y nada borrado: devolviste {added!r}."
)
deleted = template_drift("a\nb\nc\n", "a\n", FRAUD)
assert deleted == {"changed": [], "removed": [2, 3]}, (
    f"El equipo borró las líneas 2 y 3 de la plantilla: devolviste {deleted!r}."
)
shifted = template_drift("x\na\nb\n", "a\nB\n", FRAUD)
assert shifted == {"changed": [2], "removed": [1, 3]}, (
    "removed cuenta líneas DE LA PLANTILLA (x es su línea 1, b su línea 3) y changed, líneas del "
    f"archivo del equipo (B es su línea 2): devolviste {shifted!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-deriva-espacios", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: los espacios finales y los \r\n no cuentan como deriva.
windows = template_drift("a\nb\n", "a  \r\nb\r\n", FRAUD)
assert windows == {"changed": [], "removed": []}, (
    "El equipo solo guardó el archivo con \\r\\n y espacios al final: no es deriva. "
    f"Devolviste {windows!r}: compara las líneas sin el espacio final."
)
### BEGIN HIDDEN TESTS
still = template_drift("a\nb\n", "a\n  b\n", FRAUD)
assert still == {"changed": [2], "removed": [2]}, (
    f"La sangría al PRINCIPIO sí cambia el significado (YAML): es deriva. Devolviste {still!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# La deriva en un caso real: el Dockerfile que un equipo de `fraude-pagos` copió y «mejoró». Tu
# función dice qué cambió; hadolint, la herramienta del módulo 10, dice si el cambio rompe el
# estándar:

# %%
dockerfile = by_key("dockerfile")
team_files = render(dockerfile, name_forms("fraude-pagos"))
team_text = team_files["Dockerfile"]
team_text = re.sub(
    r"FROM python:3\.11-slim@sha256:\w+ AS runtime", "FROM python:3.11-slim AS runtime", team_text
)
team_text = re.sub(
    r"HEALTHCHECK[^\n]*\n[^\n]*\n", "RUN apt-get update && apt-get install -y curl\n", team_text
)
team_files["Dockerfile"] = team_text
try:
    drift = template_drift(
        render(dockerfile)["Dockerfile"],
        team_text,
        {"project": "fraude-pagos", "package": "fraude_pagos", "service": "fraude-pagos-api"},
    )
    lines = team_text.splitlines()
    for number in drift["changed"]:
        print(f"cambiada {number:>3}: {lines[number - 1]}")
    print(f"líneas de la plantilla que se perdieron: {drift['removed']}")
except NotImplementedError:
    print("Resuelve el Ejercicio 3 (template_drift) para ver la deriva del equipo.")
print(check_files(dockerfile, team_files))

# %% [markdown]
# Fíjate en lo que cada comprobación ve. hadolint marca el `apt-get` sin versiones, pero no la base
# sin digest: para hadolint una etiqueta (`3.11-slim`) basta. La deriva sí la ve, porque la
# plantilla fijaba el digest. Por eso las dos se complementan: la herramienta dice si el archivo
# cumple la regla general, la deriva dice qué decisión del estándar se perdió.
#
# ⏱ *Tiempo estimado hasta aquí: 2 h 15 min.*
#
# ## 5. Cuándo NO usar una plantilla
#
# | Situación | Por qué no | Qué hacer |
# |---|---|---|
# | Un prototipo que vive una semana | La plantilla trae CI, imagen y manifiestos que nadie va a operar | Un notebook y un `requirements.txt`; la plantilla cuando el prototipo pase a producción |
# | El proyecto no se parece al de la plantilla (un modelo de visión con GPU, streaming) | Adaptarla cuesta más que escribir y se queda a medias | Escribir el archivo y, si se repite en otros equipos, proponerlo como plantilla nueva |
# | Copiar la plantilla a un repositorio «para siempre» | La copia deriva (§2) | Renderizarla desde su fuente y correr la detección de deriva en la CI |
# | Una plantilla que nadie prueba | Una plantilla rota se multiplica por cada repositorio | Que su herramienta la compruebe en la CI, como aquí |
#
# ### ADR del recurso
#
# ```text
# ADR-21-01: Las plantillas se derivan de los archivos del proyecto de churn, no se copian
#
# CONTEXTO:
# El curso ya escribe y prueba, módulo a módulo, el workflow de CI, el Dockerfile, el pyproject, el
# pipeline de DVC, los manifiestos, el módulo de Terraform y la model card del proyecto de churn.
# Un recurso de plantillas que los copiara tendría dos versiones de cada archivo, y la copia
# envejecería sin que ningún test lo note.
#
# DECISIÓN:
# Un registro tipado (r21_templates) apunta a la última capa que escribe cada archivo, lo renderiza
# cambiando solo los tres nombres del proyecto (churn-project, churn_project, churn-api) y lo pasa
# por la misma función con la que su módulo corre la herramienta real. El ADR, que no tiene
# archivo en las capas, sale del formato de ADR del curso (sus cuatro secciones). Un test falla si
# una capa añade un archivo de un tipo conocido que el registro no lista ni excluye con un motivo.
#
# CONSECUENCIAS:
# (+) Una corrección en un módulo corrige su plantilla en el mismo commit; no hay copia que derive.
# (+) La CI renderiza cada plantilla para dos nombres y corre su herramienta: una plantilla que la
#     herramienta rechaza rompe la CI.
# (-) Las plantillas son tan específicas como el proyecto de churn (su README, sus etapas): el
#     equipo adapta lo que sobra, y la detección de deriva (Ejercicio 3) lo hace visible.
#
# ALTERNATIVAS RECHAZADAS:
# - Una carpeta templates/ con copias: dos fuentes de verdad que se separan.
# - cookiecutter o copier: añaden una dependencia y un segundo formato de plantilla para algo que
#   hoy se resuelve con tres reemplazos de nombres y jinja2 (que el curso ya usa en el módulo 16).
# ```

# %% [markdown]
# ## 6. Respuesta escrita (calificada a mano) · ¿Bifurcar o contribuir?
#
# Tu equipo usa la plantilla del Dockerfile, pero necesita algo que no trae (por ejemplo, una
# biblioteca del sistema para leer Parquet, o correr con otro usuario). Responde en **5 a 8
# líneas**: ¿cuándo bifurcan la plantilla (la copian y la mantienen ustedes) y cuándo proponen el
# cambio en el original? Nombra un criterio concreto para cada caso, qué costo tiene bifurcar (usa
# la §2 y el Ejercicio 3) y cómo se enterarían de que su bifurcación quedó atrás.

# %% [markdown] nbgrader={"grade": true, "grade_id": "bifurcar-o-contribuir", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# Contribuimos al original cuando el cambio le sirve a otros equipos o corrige un defecto (una
# biblioteca que cualquier proyecto con Parquet necesita, un usuario sin privilegios mejor
# definido): así la corrección llega a todos y no mantenemos una copia. Bifurcamos solo si el
# cambio es propio de nuestro proyecto y el original no lo aceptaría (una GPU, un runtime
# distinto), y lo hacemos sabiendo el costo: cada cambio del original (un digest nuevo, una acción
# retirada, como el `checkout@v2` de la §2) tenemos que traerlo a mano. Para enterarnos corremos
# en nuestra CI la detección de deriva del Ejercicio 3 contra la plantilla vigente y la
# herramienta de la plantilla (hadolint): si aparecen líneas de la plantilla «removidas» que no
# decidimos quitar, la bifurcación quedó atrás.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Criterio para contribuir.** Un criterio concreto (le sirve a otros, corrige un
#   defecto). 0.5 si es genérico («cuando conviene»).
# - **1 punto · Criterio y costo de bifurcar.** Un caso propio del proyecto y el costo de mantener
#   la copia (traer a mano cada cambio, la deriva de la §2). 0.5 si falta el costo.
# - **1 punto · Cómo detectar que quedó atrás.** Un mecanismo automático (deriva en la CI, la
#   herramienta de la plantilla, una alerta de versión). 0.5 si es revisión manual.
# - Longitud: por encima de ~10 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 7. Cierre
#
# ### Resumen
#
# - Una plantilla evita que cada equipo reinvente (y rompa a su modo) CI, imagen y manifiestos.
# - Una plantilla **copiada** deriva del estándar; una plantilla **derivada** de los archivos que
#   los módulos prueban se corrige sola cuando el módulo se corrige.
# - Cada plantilla se comprueba con la herramienta real de su módulo, para más de un nombre de
#   proyecto: la CI del curso falla si una herramienta la rechaza.
# - Un nombre de proyecto se valida antes de llegar a una plantilla: PEP 503, identificador de
#   Python, etiqueta DNS-1123.
# - La deriva se mide ignorando los nombres: lo que queda es lo que el equipo decidió cambiar.
#
# ### Checklist del entregable
#
# - [ ] Los tests visibles de los Ejercicios 1, 2 y 3 pasan.
# - [ ] Con tu nombre de proyecto en `PROJECT_NAME`, la §3 muestra todas las plantillas con ✔.
# - [ ] Tu respuesta escrita tiene un criterio para bifurcar, otro para contribuir y cómo detectar
#       que la bifurcación quedó atrás.
#
# ### Autoevaluación
#
# 1. ¿Por qué el Ejercicio 3 reemplaza los nombres antes de comparar?
# 2. ¿Qué pasaría con las plantillas de este recurso si el módulo 10 cambiara el digest de su
#    imagen base?
# 3. ¿Por qué `2pagos` es un nombre válido para un Deployment pero no para un paquete?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Porque si no, cada línea con el nombre del proyecto aparecería como cambio y la deriva real
#    quedaría escondida entre falsos positivos. 2. Nada que hacer: la plantilla sale de la capa,
#    así que cambia en el mismo commit (y la CI la vuelve a pasar por hadolint). 3. Una etiqueta
#    DNS-1123 puede empezar con un dígito; un identificador de Python no.
#
# </details>
#
# ### Términos del glosario (recurso 18_glosario)
#
# [plantilla](../18_glosario/18_glosario.ipynb#plantilla) ·
# [deriva (drift) de configuración](../18_glosario/18_glosario.ipynb#deriva-configuracion) ·
# [fuente única de verdad](../18_glosario/18_glosario.ipynb#fuente-unica-verdad) ·
# [PEP 503](../18_glosario/18_glosario.ipynb#pep-503) ·
# [etiqueta DNS-1123](../18_glosario/18_glosario.ipynb#dns-1123) ·
# [bifurcación (fork)](../18_glosario/18_glosario.ipynb#fork) ·
# [contribución upstream](../18_glosario/18_glosario.ipynb#upstream).
#
# ### Para saber más
#
# - PEP 503, «Simple Repository API», sección *Normalized Names* (la regla del Ejercicio 1).
# - Documentación de Kubernetes, «Object Names and IDs», *DNS Label Names* (la regla de 63
#   caracteres).
# - Recurso 19 (el formato de ADR que usa la plantilla de ADR) y los módulos 09, 10, 13, 14 y 16,
#   de donde sale cada plantilla.
