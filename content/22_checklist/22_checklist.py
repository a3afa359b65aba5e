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
# # Recurso 22 · Lista de verificación final
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Tipo** | Recurso de consulta (fuera del calendario de fases): la lista de verificación final, interactiva |
# | **Tiempo estimado** | ≈ 3 h: lectura y demos 40 min, ejercicios 110 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Ninguno para leerla. Para que marque algo: haber avanzado módulos; para los criterios del proyecto, el módulo 17 (el verificador). |
# | **Entregable** | Tu lista al día, tus pendientes priorizados y tu política de liberación justificada (respuesta escrita) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** qué falla evita una lista de verificación y en qué se diferencia de una puerta
#    automática (§1 y §2).
# 2. **Leer** tu lista: qué está hecho, qué falta y por qué, y dónde se enseña cada punto (§3,
#    lista interactiva).
# 3. **Distinguir** un informe del verificador al día de uno desactualizado (§4).
# 4. **Priorizar** lo que falta: lo bloqueante primero y después en el orden del curso
#    (Ejercicio 1, autocalificado).
# 5. **Decidir** go / no-go con una política explícita y rechazar una política mal escrita
#    (Ejercicio 2, autocalificado; respuesta escrita).
# 6. **Detectar** que un informe ya no describe el proyecto, sin equivocarse de zona horaria
#    (Ejercicio 3, autocalificado).
#
# > **Principio 5 de la guía, visión de negocio:** «Un Senior entiende el impacto económico de sus
# > decisiones.» Liberar sin revisar es apostar: esta lista hace visible qué se apuesta.

# %% [markdown]
# ## 1. Por qué una lista de verificación
#
# Un viernes a las seis de la tarde un equipo libera el modelo de churn nuevo. Los tests están en
# verde, la API responde. El lunes la tasa de retención cae: el modelo nuevo marca como «en riesgo»
# al triple de clientes y el área comercial regaló descuentos a quien no se iba a ir. Alguien
# pregunta «¿cómo volvemos al modelo anterior?» y nadie sabe: no hay alias del campeón anterior,
# no hay decisión de despliegue escrita, no hay alerta que hubiera avisado el sábado. Cada pieza
# se enseñó y se sabía hacer; **nadie comprobó que estuvieran todas** antes de liberar.
#
# No es un caso raro. El 1 de agosto de 2012 Knight Capital desplegó código nuevo en siete de sus
# ocho servidores; el octavo siguió con código viejo y, en 45 minutos, ejecutó órdenes que le
# costaron unos 460 millones de dólares (fuente: orden de la SEC contra Knight Capital Americas,
# 16 de octubre de 2013, Release No. 34-70694). La SEC señaló que la empresa no tenía procedimientos
# escritos que exigieran una segunda revisión del despliegue. Una lista de verificación no habría
# escrito el código: habría preguntado «¿los ocho servidores tienen la versión nueva?».
#
# En cirugía, la lista de verificación de la OMS (19 puntos, unos dos minutos) bajó las
# complicaciones graves del 11,0 % al 7,0 % y la mortalidad del 1,5 % al 0,8 % en ocho hospitales
# de ocho países (fuente: Haynes et al., «A Surgical Safety Checklist to Reduce Morbidity and
# Mortality in a Global Population», *New England Journal of Medicine* 360(5), 2009). Los equipos
# sabían operar; la lista evitó los olvidos de quien sabe.
#
# La metáfora: la lista es la **revisión previa al vuelo** de un piloto. El piloto sabe volar; la
# lista existe porque el día 300 sin incidentes es el día en que uno se salta el paso que nunca
# había fallado.
#
# ## 2. Una lista no es una puerta
#
# | | Lista de verificación | Puerta (gate) |
# |---|---|---|
# | Quién decide | Una persona, con la lista delante | Una regla, sin excepciones |
# | Qué hace con lo que falta | Lo muestra, con el motivo y dónde se aprende | Bloquea la liberación |
# | Cuándo sirve | Revisión de liberación, una demo, un traspaso | CI/CD: cada commit, cada despliegue |
# | Riesgo | Que se lea en diagonal | Que se desactive cuando molesta |
#
# Una revisión de liberación seria usa las dos: la **puerta** para lo que nunca se negocia (los
# tests, la decisión de despliegue con su plan de vuelta atrás) y la **lista** para el resto, con
# una persona que acepta por escrito el riesgo de lo que falta. El Ejercicio 2 escribe esa puerta.
#
# Esta lista no se escribe a mano: **lee los datos del curso**. Cada módulo de
# `assets/roadmap.yaml` aporta su entregable, y cada criterio del verificador del módulo 17
# (`CRITERIA`) aporta un punto con el módulo que lo enseña. Si el curso suma un módulo o el
# verificador un criterio, la lista los tiene la próxima vez que la ejecutes.
#
# ```mermaid
# flowchart LR
#     R["assets/roadmap.yaml<br/>entregable por módulo"] --> I["checklist_items()"]
#     C["verificador del módulo 17<br/>CRITERIA"] --> I
#     I --> Q{"¿hay informe.json<br/>al día?"}
#     Q -- "sí" --> V["veredicto del informe"]
#     Q -- "no" --> F["inspección rápida:<br/>archivos de la capa,<br/>ADR exportados,<br/>ejercicios en verde"]
#     V --> L["lista: hecho · falta · sin verificar<br/>+ dónde se enseña"]
#     F --> L
#     L --> P["Ejercicio 1:<br/>pendientes priorizados"]
#     L --> G["Ejercicio 2:<br/>puerta go / no-go"]
#     S["Ejercicio 3:<br/>¿informe al día?"] --> G
# ```

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa los mismos).
BLOCKING = ["pipeline-dvc", "tests-cobertura", "api", "adr-despliegue"]  # criterios que bloquean
MIN_SCORE = 0.8  # fracción mínima de los puntos del verificador para liberar
COSTO_INCIDENTE_EUR = 20_000.0  # supuesto del curso: lo que cuesta un incidente de liberación

# %%
import datetime as dt

from mlops_course.lessons.churn_project.layers import PROJECT_DIR
from mlops_course.lessons.m17_capstone import CRITERIA
from mlops_course.lessons.r22_checklist import (
    ChecklistBrowser,
    as_records,
    checklist_items,
    criteria_results,
    inspect,
    load_checker_report,
    project_changes,
    report_path,
    stale_reasons,
    summary,
)
from mlops_course.machinery.roadmap import load_roadmap
from mlops_course.machinery.workspace import find_course_root, workspace_root

ROOT = workspace_root()
COURSE = find_course_root()
ROADMAP = load_roadmap()
ITEMS = checklist_items(ROADMAP)
print(
    f"{len(ITEMS)} puntos: {len(ROADMAP.modules)} entregables de módulo y "
    f"{len(CRITERIA)} criterios del verificador."
)
print(f"Workspace: {ROOT}")

# %% [markdown]
# ## 3. Tu lista
#
# La inspección rápida no ejecuta ninguna herramienta pesada (menos de un segundo): mira si tu
# proyecto `churn-project/` tiene los archivos de cada capa, qué ADR exportaste con las ayudas de
# decisión (`workspace/<módulo>/adr/`) y cuántos ejercicios de cada notebook guardado pasan sus
# tests visibles. Un criterio cuyos archivos están queda **«sin verificar»**: que el archivo
# exista no dice que funcione; eso lo dice el verificador.


# %%
def inspect_now():
    """Lee el informe (si hay) y vuelve a inspeccionar el workspace."""
    report, fresh, _ = load_checker_report(ROOT)
    return inspect(ITEMS, ROOT, course=COURSE, report=report, fresh=fresh)


REPORT, FRESH, REPORT_SENTENCE = load_checker_report(ROOT)
STATUSES = inspect_now()
print(REPORT_SENTENCE)
print(summary(STATUSES))

# %% [markdown]
# Filtra por fase o por estado; el botón vuelve a inspeccionar (por ejemplo, después de correr el
# verificador en una terminal). El número de módulo abre su notebook. Sin kernel (la vista de
# GitHub), la celda muestra la lista completa.

# %%
ChecklistBrowser(STATUSES, inspect_now, {p.number: p.name for p in ROADMAP.phases})

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 4. El verificador completo y su informe
#
# La lista de arriba es rápida porque no ejecuta nada. El verificador del módulo 17 ejecuta cada
# criterio con la herramienta real (`dvc status`, pytest con cobertura, hadolint, la API en
# 127.0.0.1, `terraform test`, promtool, `mkdocs --strict`…): en el proyecto de referencia tarda
# alrededor de un minuto, demasiado para una celda. Córrelo en una terminal, desde la carpeta del
# curso; escribe `informe.json` e `informe.html` en `workspace/informe-proyecto/`, donde esta lista
# los lee:

# %%
print("python -m mlops_course.lessons.m17_capstone", ROOT / PROJECT_DIR)
print("Informe que lee esta lista:", report_path(ROOT))

# %% [markdown]
# Un informe es una foto: dice cómo estaba el proyecto **cuando** se revisó. Si después cambiaste
# un archivo o hiciste un commit, ya no describe tu proyecto y la lista lo marca
# **desactualizado**: sus resultados pasan a «sin verificar» y dice qué cambió. El informe no
# guarda el commit que revisó; mientras nada cambió desde entonces, es el HEAD de hoy. Las fechas
# de commit no sirven como prueba (los cuadernos del curso hacen commits con fecha fija, para que
# los checkpoints sean reproducibles): la lista compara la hora del informe con la de los archivos
# del proyecto y de la rama.
#
# Si acabas de terminar el módulo 17, su última celda regenera el README **después** de revisar
# y hace un commit: esta lista verá el informe desactualizado, con razón (nadie revisó ese
# README). Vuelve a correr el verificador con la orden de arriba y haz clic en «Volver a
# inspeccionar».

# %%
if REPORT is None:
    print(REPORT_SENTENCE)
else:
    print(f"Revisado: {REPORT.checked_at:%Y-%m-%d %H:%M} UTC · {REPORT.points}/{REPORT.max_points}")
    print("Al día" if not FRESH.stale else "Desactualizado:")
    for reason in FRESH.reasons:
        print(" -", reason)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 20 min.*
#
# ## 5. Ejercicios
#
# Los ejercicios 1 y 2 trabajan con la lista como datos: `RECORDS` es tu lista como diccionarios
# (`"id"`, `"module"`, `"state"`, `"reason"`, `"taught"`), y `RESULTS` son los criterios como los
# lee una puerta (`{"passed", "points", "max_points"}` por criterio).

# %%
RECORDS = as_records(STATUSES)
RESULTS = criteria_results(STATUSES)
print(RECORDS[0])
print(next(iter(RESULTS.items())))

# %% [markdown]
# ### Ejercicio 1 (funcional) · Lo que falta, en el orden en que se arregla
#
# Una lista con 20 puntos pendientes no dice por dónde empezar. Escribe
# `todo_list(records, blocking)`: `records` es una lista de puntos como `RECORDS`; `blocking`, los
# ids de los puntos que bloquean una liberación. Devuelve una lista de tuplas `(id, taught)`: qué
# arreglar y dónde se enseña. Este nivel es «funcional»: la entrada es correcta; no hace falta
# validarla.
#
# 1. **Solo lo pendiente.** Entra todo punto cuyo `state` no es `"hecho"`: tanto `"falta"` como
#    `"sin verificar"` (lo que nadie comprobó no está terminado).
# 2. **Lo bloqueante primero.** Los puntos cuyo id está en `blocking` van antes que todos los
#    demás.
# 3. **En el orden del curso.** Dentro de cada grupo (bloqueantes y resto), por módulo (`"05"`
#    antes que `"11"`) y, en el mismo módulo, por id (orden alfabético): lo que se construye antes
#    se arregla antes, porque lo de después se apoya en ello.
#
# Resultado esperado:
#
# ```text
# records = [{"id": "api", "module": "11", "state": "falta", "taught": "módulo 11"},
#            {"id": "dockerfile", "module": "10", "state": "sin verificar", "taught": "módulo 10"},
#            {"id": "pipeline-dvc", "module": "05", "state": "hecho", "taught": "módulo 05"}]
# todo_list(records, ["api"])  →  [("api", "módulo 11"), ("dockerfile", "módulo 10")]
# ```


# %% nbgrader={"grade": false, "grade_id": "pendientes", "locked": false, "schema_version": 3, "solution": true, "task": false}
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    ### BEGIN SOLUTION
    pending = [r for r in records if r["state"] != "hecho"]
    ordered = sorted(pending, key=lambda r: (r["id"] not in blocking, r["module"], r["id"]))
    return [(r["id"], r["taught"]) for r in ordered]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-pendientes-solo-pendiente", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: entra lo que falta y lo que está sin verificar; lo hecho no.
sample = [
    {"id": "api", "module": "11", "state": "falta", "taught": "módulo 11"},
    {"id": "dockerfile", "module": "10", "state": "sin verificar", "taught": "módulo 10"},
    {"id": "pipeline-dvc", "module": "05", "state": "hecho", "taught": "módulo 05"},
]
todo = todo_list(sample, ["api"])
assert {entry_id for entry_id, _ in todo} == {"api", "dockerfile"}, (
    "Entran «api» (falta) y «dockerfile» (sin verificar); «pipeline-dvc» ya está hecho. "
    f"Devolviste {todo!r}."
)
assert ("dockerfile", "módulo 10") in todo, f"Cada tupla es (id, taught): {todo!r}."
### BEGIN HIDDEN TESTS
assert todo_list([r for r in sample if r["state"] == "hecho"], []) == [], (
    "Si todo está hecho, no queda nada pendiente."
)
only_unverified = todo_list([{"id": "x", "module": "09", "state": "sin verificar",
                              "taught": "t"}], [])  # fmt: skip
assert only_unverified == [("x", "t")], (
    f"«sin verificar» también es pendiente: nadie lo comprobó. Devolviste {only_unverified!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pendientes-bloqueantes", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: los bloqueantes van antes que el resto, aunque sean de un módulo posterior.
mixed = [
    {"id": "pipeline-dvc", "module": "05", "state": "falta", "taught": "módulo 05"},
    {"id": "adr-despliegue", "module": "12", "state": "falta", "taught": "módulo 12"},
    {"id": "demo", "module": "17", "state": "falta", "taught": "módulo 17"},
]
order = [entry_id for entry_id, _ in todo_list(mixed, ["demo", "adr-despliegue"])]
assert order[:2] == ["adr-despliegue", "demo"] and order[2] == "pipeline-dvc", (
    "Primero los bloqueantes (adr-despliegue y demo), después el resto (pipeline-dvc, del "
    f"módulo 05). Devolviste {order!r}."
)
### BEGIN HIDDEN TESTS
none_blocking = [entry_id for entry_id, _ in todo_list(mixed, [])]
assert none_blocking == ["pipeline-dvc", "adr-despliegue", "demo"], (
    f"Sin bloqueantes, todo va en el orden del curso: {none_blocking!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-pendientes-orden", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: dentro de cada grupo, por módulo y, en el mismo módulo, por id.
shuffled = [
    {"id": "workflow-ci", "module": "09", "state": "falta", "taught": "módulo 09"},
    {"id": "kubernetes", "module": "14", "state": "falta", "taught": "módulo 14"},
    {"id": "calidad-codigo", "module": "09", "state": "sin verificar", "taught": "módulo 09"},
    {"id": "api", "module": "11", "state": "falta", "taught": "módulo 11"},
]
order = [entry_id for entry_id, _ in todo_list(shuffled, [])]
assert order == ["calidad-codigo", "workflow-ci", "api", "kubernetes"], (
    "Por módulo (09, 11, 14) y, dentro del 09, por id (calidad-codigo antes que workflow-ci). "
    f"Devolviste {order!r}."
)
### BEGIN HIDDEN TESTS
two_groups = [entry_id for entry_id, _ in todo_list(shuffled, ["kubernetes", "api"])]
assert two_groups == ["api", "kubernetes", "calidad-codigo", "workflow-ci"], (
    f"Cada grupo se ordena por módulo y por id: {two_groups!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# Tus pendientes, con la política de los parámetros (`BLOCKING`), los diez primeros:

# %%
try:
    mine = todo_list(RECORDS, BLOCKING)
    for step, (entry_id, taught) in enumerate(mine[:10], start=1):
        mark = "BLOQUEA" if entry_id in BLOCKING else "       "
        print(f"{step:>2}. {mark} {entry_id:<22} {taught}")
    print(f"Pendientes: {len(mine)} de {len(RECORDS)}.")
except NotImplementedError:
    print("Resuelve el Ejercicio 1 (todo_list) para ver tus pendientes en orden.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 55 min.*
#
# ### Ejercicio 2 (seguro) · La puerta go / no-go
#
# Ahora la puerta. Escribe `release_gate(results, policy, stale)`: `results` son los criterios
# como `RESULTS` (`{id: {"passed": bool, "points": int, "max_points": int}}`); `policy` es
# `{"blocking": [ids], "min_score": fracción}`; `stale` dice si el informe está desactualizado.
# Devuelve `(decision, reasons)`: `decision` es `"go"` o `"no-go"` y `reasons` la lista de motivos
# del no-go (vacía si es go). Este nivel es «seguro»: una política mal escrita **falla con un
# mensaje claro** en lugar de dejar pasar (o frenar) una liberación sin que nadie sepa por qué.
#
# 1. **Bloqueantes.** Si un criterio de `policy["blocking"]` no se cumple **o no está** en
#    `results` (nadie lo evaluó), es no-go; hay un motivo por cada uno, que nombra su id.
# 2. **Puntaje mínimo.** El puntaje es la suma de `points` dividida por la suma de `max_points`;
#    si es **menor** que `min_score`, es no-go, con un motivo que contiene la palabra `"puntaje"`.
#    Justo en el mínimo, pasa. Un criterio no bloqueante que falla solo cuenta por sus puntos.
# 3. **Informe al día.** Si `stale` es `True`, es no-go, con un motivo que contiene
#    `"desactualizado"`: no se libera con una foto vieja del proyecto.
# 4. **Política válida.** Si `min_score` no es un número entre 0 y 1 (un `80` que quería decir
#    80 %, un texto, un `bool`) o `results` está vacío, lanza `ValueError` con un mensaje en
#    español que diga qué corregir.


# %% nbgrader={"grade": false, "grade_id": "puerta", "locked": false, "schema_version": 3, "solution": true, "task": false}
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    ### BEGIN SOLUTION
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            reasons.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-puerta-bloqueantes", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: un bloqueante que falla o que nadie evaluó es no-go, con su id en un motivo.
def _criterion(passed: bool, max_points: int = 1) -> dict[str, object]:
    return {"passed": passed, "points": max_points if passed else 0, "max_points": max_points}


healthy = {
    "pipeline-dvc": _criterion(True, 2),
    "api": _criterion(True, 2),
    "demo": _criterion(True),
}
policy = {"blocking": ["api"], "min_score": 0.5}
assert release_gate(healthy, policy, False) == ("go", []), (
    "Todo cumple, el puntaje es 100 % y el informe está al día: go, sin motivos."
)
broken_api = {**healthy, "api": _criterion(False, 2)}
decision, reasons = release_gate(broken_api, policy, False)
assert decision == "no-go" and any("api" in r for r in reasons), (
    f"«api» es bloqueante y no se cumple: no-go con un motivo que lo nombre. Devolviste "
    f"{(decision, reasons)!r}."
)
### BEGIN HIDDEN TESTS
decision, reasons = release_gate(healthy, {"blocking": ["adr-despliegue"], "min_score": 0.5},
                                 False)  # fmt: skip
assert decision == "no-go" and any("adr-despliegue" in r for r in reasons), (
    "Un bloqueante que no está en results (nadie lo evaluó) también es no-go."
)
two = release_gate({**broken_api, "demo": _criterion(False)},
                   {"blocking": ["api", "demo"], "min_score": 0.0}, False)  # fmt: skip
assert sum(("api" in r) or ("demo" in r) for r in two[1]) >= 2, (
    f"Un motivo por cada bloqueante que falla: {two!r}."
)
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-puerta-puntaje", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: puntaje por puntos; menor que el mínimo es no-go; justo en el mínimo, go.
def _criterion(passed: bool, max_points: int = 1) -> dict[str, object]:
    return {"passed": passed, "points": max_points if passed else 0, "max_points": max_points}


advisory = {
    "pipeline-dvc": _criterion(True, 2),
    "terraform": _criterion(True, 2),
    "demo": _criterion(False, 1),
    "dockerfile": _criterion(False, 1),
}
decision, reasons = release_gate(advisory, {"blocking": [], "min_score": 0.8}, False)
assert decision == "no-go" and any("puntaje" in r for r in reasons), (
    "4 de 6 puntos (67 %) es menos que 0.8: no-go con un motivo que diga «puntaje». Devolviste "
    f"{(decision, reasons)!r}."
)
decision, reasons = release_gate(advisory, {"blocking": [], "min_score": 0.5}, False)
assert decision == "go", (
    "Con un mínimo de 0.5 los dos criterios no bloqueantes que fallan no frenan (67 % ≥ 50 %): "
    f"go. Devolviste {(decision, reasons)!r}."
)
### BEGIN HIDDEN TESTS
exact = release_gate(advisory, {"blocking": [], "min_score": 4 / 6}, False)
assert exact[0] == "go", f"Justo en el mínimo, pasa: {exact!r}."
by_points = release_gate(
    {"a": _criterion(True, 3), "b": _criterion(False, 1)}, {"blocking": [], "min_score": 0.7},
    False,
)  # fmt: skip
assert by_points[0] == "go", (
    "El puntaje es por puntos (3 de 4 = 75 %), no por criterios (1 de 2): con mínimo 0.7, go. "
    f"Devolviste {by_points!r}."
)
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-puerta-informe", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: un informe desactualizado es no-go aunque todo se cumpla.
def _criterion(passed: bool, max_points: int = 1) -> dict[str, object]:
    return {"passed": passed, "points": max_points if passed else 0, "max_points": max_points}


healthy = {
    "pipeline-dvc": _criterion(True, 2),
    "api": _criterion(True, 2),
    "demo": _criterion(True),
}
broken_api = {**healthy, "api": _criterion(False, 2)}
decision, reasons = release_gate(healthy, {"blocking": ["api"], "min_score": 0.5}, True)
assert decision == "no-go" and any("desactualizado" in r for r in reasons), (
    "Con stale=True no se libera: no-go con un motivo que diga «desactualizado». Devolviste "
    f"{(decision, reasons)!r}."
)
### BEGIN HIDDEN TESTS
decision, reasons = release_gate(broken_api, {"blocking": ["api"], "min_score": 0.5}, True)
assert len(reasons) >= 2, f"Los motivos se suman (bloqueante y desactualizado): {reasons!r}."
### END HIDDEN TESTS


# %% nbgrader={"grade": true, "grade_id": "test-puerta-politica", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: una política mal escrita o sin resultados da ValueError en español.
def _criterion(passed: bool, max_points: int = 1) -> dict[str, object]:
    return {"passed": passed, "points": max_points if passed else 0, "max_points": max_points}


healthy = {
    "pipeline-dvc": _criterion(True, 2),
    "api": _criterion(True, 2),
    "demo": _criterion(True),
}
try:
    release_gate(healthy, {"blocking": [], "min_score": 80}, False)
except ValueError as percent_error:
    assert "min_score" in str(percent_error), f"El mensaje debe nombrar min_score: {percent_error}"
else:
    raise AssertionError("min_score = 80 (quería decir 80 %) debe dar ValueError: es una fracción.")
### BEGIN HIDDEN TESTS
for bad in ("0.8", True, -0.1, None):
    try:
        release_gate(healthy, {"blocking": [], "min_score": bad}, False)
    except ValueError:
        pass
    else:
        raise AssertionError(f"min_score = {bad!r} debe dar ValueError.")
try:
    release_gate({}, {"blocking": [], "min_score": 0.8}, False)
except ValueError:
    pass
else:
    raise AssertionError("Sin resultados no hay decisión: ValueError (no ZeroDivisionError).")
assert release_gate(healthy, {"blocking": [], "min_score": 1}, False)[0] == "go", (
    "min_score = 1 (entero) es válido: 100 %."
)
### END HIDDEN TESTS

# %% [markdown]
# La puerta sobre tu lista, con la política de los parámetros. Sin informe al día, la respuesta
# honesta es no-go: lo que nadie comprobó no se libera.

# %%
unknown = sorted(set(BLOCKING) - {c.id for c in CRITERIA})
if unknown:
    print(f"BLOCKING nombra criterios que el verificador no tiene: {unknown}")
try:
    stale = REPORT is None or FRESH is None or FRESH.stale
    decision, reasons = release_gate(RESULTS, {"blocking": BLOCKING, "min_score": MIN_SCORE}, stale)
    print(decision.upper())
    for reason in reasons:
        print(" -", reason)
except NotImplementedError:
    print("Resuelve el Ejercicio 2 (release_gate) para decidir go / no-go.")

# %% [markdown]
# **Visión de negocio.** Con el supuesto de los parámetros (un incidente de liberación cuesta
# `COSTO_INCIDENTE_EUR`: horas de guardia, descuentos mal regalados, confianza), la revisión se
# paga sola si evita uno cada pocas liberaciones:

# %%
review_hours, hourly_eur = 0.5, 45.0  # media hora de dos personas (supuesto: 45 €/h, módulo 01)
review_cost = 2 * review_hours * hourly_eur
print(f"Revisión: {review_cost:,.0f} € por liberación.")
print(
    f"Se paga sola si evita un incidente cada {COSTO_INCIDENTE_EUR / review_cost:,.0f} "
    "liberaciones."
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*
#
# ### Ejercicio 3 (seguro) · ¿Sigue valiendo el informe?
#
# La puerta recibe `stale`, pero alguien tiene que calcularlo. Escribe
# `stale_report_reasons(checked_at, branch_moved_at, file_times)`: `checked_at` es la hora del
# informe; `branch_moved_at`, la última vez que se movió la rama (un commit) o `None` si no se
# sabe; `file_times`, un `dict` ruta → hora de modificación de cada archivo del proyecto (los que
# git versiona y los nuevos; un archivo cambiado y ya commiteado también tiene su hora nueva).
# Devuelve la lista de motivos por los que el informe ya no describe el proyecto (vacía: sigue al
# día). Este nivel es «seguro»: una hora ambigua **falla con un mensaje claro** en vez de
# comparar mal en silencio (una hora local sin zona contra la hora UTC del informe se equivoca en
# horas, justo en el sentido que esconde un cambio).
#
# 1. **Archivos.** Un motivo por cada archivo modificado **después** de `checked_at`
#    (estrictamente), que contiene su ruta, en orden de ruta. Lo modificado antes o justo a la
#    hora del informe no cuenta: el verificador ya lo vio.
# 2. **Commits.** Si `branch_moved_at` es posterior a `checked_at`, un motivo que contiene la
#    palabra `"commit"`, **antes** que los de archivos. `None` no cuenta.
# 3. **Zonas horarias.** Las horas pueden venir en zonas distintas (`-03:00`, UTC) y se comparan
#    como instantes; si **alguna** no tiene zona horaria, lanza `ValueError` con un mensaje en
#    español que nombra cuál (`checked_at`, `branch_moved_at` o la ruta del archivo).
#
# Resultado esperado:
#
# ```text
# at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
# stale_report_reasons(at, None, {"params.yaml": at + timedelta(minutes=5), "README.md": at})
#   →  ["params.yaml cambió después del informe"]   (un motivo que contiene «params.yaml»)
# ```


# %% nbgrader={"grade": false, "grade_id": "vigencia", "locked": false, "schema_version": 3, "solution": true, "task": false}
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    ### BEGIN SOLUTION
    named = {"checked_at": checked_at, "branch_moved_at": branch_moved_at, **file_times}
    for name, moment in named.items():
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name}: la hora no tiene zona horaria; usa UTC.")
    reasons: list[str] = []
    if branch_moved_at is not None and branch_moved_at > checked_at:
        reasons.append(f"hubo un commit después del informe ({branch_moved_at.isoformat()}).")
    for path in sorted(file_times):
        if file_times[path] > checked_at:
            reasons.append(f"{path} cambió después del informe.")
    return reasons
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-vigencia-archivos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: cuenta lo modificado después del informe, en orden de ruta; no lo de antes ni lo justo.
at = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
later = at + dt.timedelta(minutes=5)
found = stale_report_reasons(at, None, {"params.yaml": later, "README.md": at})
assert len(found) == 1 and "params.yaml" in found[0], (
    "params.yaml cambió 5 minutos después del informe; README.md justo a la hora del informe (el "
    f"verificador lo vio): un solo motivo, con params.yaml. Devolviste {found!r}."
)
### BEGIN HIDDEN TESTS
assert stale_report_reasons(at, None, {}) == [], "Sin cambios, el informe sigue al día."
before = stale_report_reasons(at, None, {"dvc.yaml": at - dt.timedelta(days=1)})
assert before == [], f"Lo modificado antes del informe no cuenta: {before!r}."
several = stale_report_reasons(at, None, {"src/b.py": later, "api/a.py": later})
assert len(several) == 2 and "api/a.py" in several[0] and "src/b.py" in several[1], (
    f"Un motivo por archivo, en orden de ruta: {several!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-vigencia-commits", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: un commit después del informe es un motivo (primero); None no cuenta.
at = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
later = at + dt.timedelta(minutes=5)
found = stale_report_reasons(at, later, {"params.yaml": later})
assert len(found) == 2 and "commit" in found[0] and "params.yaml" in found[1], (
    "La rama se movió después del informe: un motivo con «commit», antes que el del archivo. "
    f"Devolviste {found!r}."
)
### BEGIN HIDDEN TESTS
assert stale_report_reasons(at, None, {}) == [], "branch_moved_at = None no es un motivo."
old_commit = stale_report_reasons(at, at - dt.timedelta(hours=1), {})
assert old_commit == [], f"Un commit anterior al informe no cuenta: {old_commit!r}."
only_commit = stale_report_reasons(at, later, {})
assert len(only_commit) == 1 and "commit" in only_commit[0], f"Solo el commit: {only_commit!r}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-vigencia-zonas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: horas en zonas distintas se comparan como instantes; una hora sin zona, ValueError.
at = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
buenos_aires = dt.timezone(dt.timedelta(hours=-3))
local_later = dt.datetime(2026, 12, 2, 7, 30, tzinfo=buenos_aires)  # 10:30 UTC
found = stale_report_reasons(at, None, {"params.yaml": local_later})
assert len(found) == 1, (
    "Las 07:30 en Buenos Aires son las 10:30 UTC: después del informe (10:00 UTC). Compara "
    f"instantes, no la hora del reloj. Devolviste {found!r}."
)
try:
    stale_report_reasons(at, None, {"params.yaml": dt.datetime(2026, 12, 2, 9, 0)})
except ValueError as naive_error:
    assert "params.yaml" in str(naive_error), f"El mensaje debe nombrar el archivo: {naive_error}"
else:
    raise AssertionError("Una hora sin zona horaria es ambigua: lanza ValueError con la ruta.")
### BEGIN HIDDEN TESTS
local_earlier = dt.datetime(2026, 12, 2, 6, 30, tzinfo=buenos_aires)  # 09:30 UTC
assert stale_report_reasons(at, None, {"x.py": local_earlier}) == [], (
    "Las 06:30 en Buenos Aires son las 09:30 UTC: antes del informe."
)
for args, name in (
    ((dt.datetime(2026, 12, 2, 10, 0), None, {}), "checked_at"),
    ((at, dt.datetime(2026, 12, 2, 11, 0), {}), "branch_moved_at"),
):
    try:
        stale_report_reasons(*args)
    except ValueError as zone_error:
        assert name in str(zone_error), f"El mensaje debe nombrar {name}: {zone_error}"
    else:
        raise AssertionError(f"{name} sin zona horaria debe dar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Tu función frente a la de la lista (`stale_reasons`, con un segundo de tolerancia para los
# sistemas de archivos de reloj grueso), sobre tu proyecto y tu informe:

# %%
try:
    if REPORT is None or not (ROOT / PROJECT_DIR / ".git").is_dir():
        stale_report_reasons(dt.datetime.now(dt.UTC), None, {})
        print("Sin informe o sin proyecto no hay nada que comparar (§4 dice cómo generarlo).")
    else:
        changes = project_changes(ROOT / PROJECT_DIR)
        args = (REPORT.checked_at, changes.branch_moved_at, changes.file_times)
        print("Tu función:", stale_report_reasons(*args) or "al día")
        print("La lista:  ", stale_reasons(*args) or "al día")
except NotImplementedError:
    print("Resuelve el Ejercicio 3 (stale_report_reasons) para revisar tu informe.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 10 min.*
#
# ## 6. Cuándo NO usar una lista (o una puerta)
#
# | Situación | Por qué no | Qué hacer |
# |---|---|---|
# | Un experimento en tu laptop | Nada se libera: la lista es ruido | Usa la lista al pasar a un entorno compartido |
# | Un punto que nadie sabe comprobar | Se marca por costumbre y da falsa seguridad | Convierte el punto en una comprobación (un criterio del verificador) o quítalo |
# | Una lista de 80 puntos | Se lee en diagonal; lo importante se pierde | Deja en la puerta lo innegociable y en la lista lo que pide juicio |
# | Una puerta que frena cada commit por algo menor | El equipo la desactiva | Lo menor es aviso, no bloqueo (el Ejercicio 2 separa bloqueantes del puntaje) |
#
# ### ADR del recurso
#
# ```text
# ADR-22-01: La lista de verificación se deriva del roadmap y del verificador, y confía en un informe solo si está al día
#
# CONTEXTO:
# Una lista escrita a mano envejece el día en que el curso suma un módulo o el verificador un
# criterio. El verificador completo tarda alrededor de un minuto, demasiado para una celda, y un
# informe viejo puede decir «cumple» de un proyecto que ya cambió.
#
# DECISIÓN:
# Los puntos salen de assets/roadmap.yaml (un entregable por módulo) y de CRITERIA del módulo 17
# (un punto por criterio, con el módulo que lo enseña); un test falla si un criterio o un módulo
# queda sin punto. El estado sale del informe.json del verificador si ningún archivo ni commit
# del proyecto es posterior a él, y si no, de una inspección rápida (archivos de la capa,
# ADR exportados, ejercicios en verde) que nunca marca «hecho» un criterio.
#
# CONSECUENCIAS:
# (+) Un módulo o un criterio nuevos aparecen solos; la lista y el verificador no se contradicen.
# (+) Un informe viejo no da falsa seguridad: se ve como desactualizado y dice qué cambió.
# (-) Sin correr el verificador, los criterios quedan «sin verificar».
# (-) El informe no guarda el commit que revisó: solo se sabe mientras nada cambió.
#
# ALTERNATIVAS RECHAZADAS:
# - Una lista en Markdown: no se puede filtrar ni se entera de los módulos nuevos.
# - Correr el verificador en cada ejecución: más de un minuto por celda, con la API y MkDocs.
# - Confiar en las fechas de commit: los cuadernos hacen commits con fecha fija.
# ```

# %% [markdown]
# ## 7. Respuesta escrita (calificada a mano) · Dos excepciones para una demo
#
# Mañana muestras el proyecto a un cliente en una demo interna (no es producción). Tu puerta dice
# no-go. En **5 a 8 líneas**: ¿qué **dos** criterios del verificador dejarías pasar para la demo,
# qué riesgo aceptas con cada uno (concreto: qué puede salir mal delante del cliente o después) y
# cuál **nunca** dejarías pasar, aunque sea una demo? Nombra los criterios por su id.

# %% [markdown] nbgrader={"grade": true, "grade_id": "excepciones-demo", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# Para la demo dejaría pasar `terraform` y `kubernetes`: la demo corre en mi laptop con la API
# local, no se despliega nada, así que el riesgo es de después: si el cliente dice «sí», la
# infraestructura no está probada y el primer despliegue puede tardar días, cosa que diría en la
# demo. No dejaría pasar `adr-despliegue` ni `api`: sin decisión de despliegue no hay plan de
# vuelta atrás que mostrar cuando pregunten «¿y si el modelo falla?», y una API que no responde
# arruina la demo misma. Dejo la excepción por escrito con fecha de vencimiento (antes de
# producción, el verificador en verde).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Las dos excepciones.** Nombra dos criterios por id y cada una tiene un motivo
#   ligado a que es una demo. 0.5 si el motivo es genérico («no es importante»).
# - **1 punto · El riesgo aceptado.** Dice qué puede salir mal con cada una (delante del cliente o
#   después). 0.5 si solo uno.
# - **1 punto · Lo innegociable.** Nombra un criterio que nunca exceptuaría con una razón de
#   riesgo real (plan de vuelta atrás, datos, seguridad). 0.5 si no lo justifica.
# - Longitud: por encima de ~10 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 8. Cierre
#
# ### Resumen
#
# - Una lista de verificación evita los olvidos de quien sabe hacer cada paso; una puerta frena
#   lo innegociable sin pedir permiso. Una revisión seria usa las dos.
# - Esta lista **lee los datos del curso** (el roadmap y el verificador): un módulo o un criterio
#   nuevos aparecen solos.
# - Un informe del verificador es una foto: si el proyecto cambió después, está desactualizado.
# - Lo pendiente se arregla en orden: lo bloqueante primero, después lo que se construye antes.
# - La política de liberación es código: se valida, y una política mal escrita falla fuerte.
#
# ### Checklist del entregable
#
# - [ ] Corriste el verificador (§4) y tu lista usa un informe al día.
# - [ ] Los tests visibles de los Ejercicios 1, 2 y 3 pasan.
# - [ ] Tu respuesta escrita nombra dos excepciones con su riesgo y un criterio innegociable.
#
# ### Autoevaluación
#
# 1. ¿Por qué «sin verificar» cuenta como pendiente y no como hecho?
# 2. ¿Qué diferencia hay entre un criterio bloqueante y uno que solo resta puntaje?
# 3. ¿Por qué esta lista no compara la fecha del último commit con la del informe?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Porque que un archivo exista no dice que funcione: solo la herramienta real lo comprueba.
# 2. El bloqueante frena solo; el otro frena únicamente si, sumado a otros, baja el puntaje del
#    mínimo. 3. Porque los cuadernos del curso hacen commits con fecha fija (checkpoints
#    reproducibles): la prueba es la hora de los archivos y de la rama.
#
# </details>
#
# ### Términos del glosario (recurso 18_glosario)
#
# [lista de verificación](../18_glosario/18_glosario.ipynb#checklist) ·
# [puerta de calidad (quality gate)](../18_glosario/18_glosario.ipynb#quality-gate) ·
# [go / no-go](../18_glosario/18_glosario.ipynb#go-no-go) ·
# [criterio bloqueante](../18_glosario/18_glosario.ipynb#criterio-bloqueante) ·
# [informe desactualizado](../18_glosario/18_glosario.ipynb#informe-desactualizado) ·
# [plan de vuelta atrás (rollback)](../18_glosario/18_glosario.ipynb#rollback).
#
# ### Para saber más
#
# - Atul Gawande, *The Checklist Manifesto* (2009): por qué las listas funcionan y cómo se
#   escriben (cortas, con puntos que se pueden comprobar).
# - El módulo 17 (el verificador y su informe) y el recurso 19 (los ADR del curso).
