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
# # Recurso 23 · Bibliografía y cursos recomendados
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Tipo** | Recurso de consulta (fuera del calendario de fases): bibliografía anotada y cursos |
# | **Tiempo estimado** | ≈ 2 h 05 min: lectura y demos 25 min, ejercicios 70 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Ninguno. Conviene haber hecho el módulo 00 (el mapa del curso). |
# | **Entregable** | Tu ruta de lectura para un hueco concreto, con horas y motivo (respuesta escrita) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Elegir** lecturas y cursos por para qué sirven, nivel, costo y módulo (§2, tabla
#    interactiva).
# 2. **Comparar** con honestidad este curso con otros cursos abiertos de MLOps (§3).
# 3. **Armar** una ruta de estudio para un hueco concreto con un presupuesto de horas (Ejercicio 1,
#    autocalificado).
# 4. **Detectar** referencias envejecidas o sin verificar antes de citarlas (Ejercicio 2,
#    autocalificado).
#
# > **Principio 5 de la guía, visión de negocio:** «Un Senior entiende el impacto económico de sus
# > decisiones.» Tu tiempo de estudio también es una inversión: elige qué leer como eliges qué
# > construir.

# %% [markdown]
# ## 1. Una bibliografía que se puede comprobar
#
# Una lista de «recursos recomendados» suele ser texto: títulos sin fecha, enlaces que ya no
# responden, cursos que cambiaron de nombre. Cuando alguien la usa dos años después no sabe qué
# sigue en pie. Es el mismo problema que una documentación sin dueño: nadie la mantiene porque
# nadie sabe que envejeció.
#
# Aquí la bibliografía es un **archivo de datos validado**, `assets/resources.yaml`: cada entrada
# dice para qué sirve, su nivel, si es gratuita, a qué módulos ayuda, cuántas horas pide (una
# estimación del curso) y, si alguien la comprobó, **cuándo** (`date_checked`). El cargador rechaza
# un nivel mal escrito, un módulo que no existe o una fecha futura. Lo que no se comprobó se lista
# como «sin verificar», no se esconde.
#
# ```mermaid
# flowchart LR
#     Y["assets/resources.yaml<br/>obra · para qué · nivel · gratis<br/>módulos · horas · date_checked"] --> L["load_resources()<br/>(esquema validado)"]
#     L --> T["tabla con filtros<br/>(tipo, nivel, módulo, gratis)"]
#     L --> R["Ejercicio 1: tu ruta<br/>para un hueco y unas horas"]
#     L --> S["Ejercicio 2: qué entradas<br/>caducaron o no se verificaron"]
# ```
#
# La metáfora: la bibliografía es la **despensa** del curso. Cada frasco lleva etiqueta (qué es,
# para qué) y fecha; sin fecha, no sabes si puedes usarlo. El Ejercicio 2 es revisar la despensa
# antes de cocinar.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa los mismos).
TODAY = "2026-12-02"  # fecha de referencia para la antigüedad de las comprobaciones
MAX_AGE_DAYS = 365  # una comprobación de hace más de un año ya no vale
GAP = ["07", "15"]  # módulos en los que quieres reforzarte
HOURS_BUDGET = 25  # horas que tienes para leer o cursar fuera del curso
COSTO_HORA_USD = 40.0  # supuesto del curso: lo que vale una hora de tu tiempo

# %%
import datetime as dt

from mlops_course.lessons.r23_resources import (
    ResourceBrowser,
    as_records,
    filter_entries,
    load_resources,
)

REFERENCE_DAY = dt.date.fromisoformat(TODAY)
ENTRIES = load_resources(today=REFERENCE_DAY)
RECORDS = as_records(ENTRIES)
checked = sum(e.date_checked is not None for e in ENTRIES)
print(
    f"{len(ENTRIES)} recursos; {checked} con fecha de comprobación, {len(ENTRIES) - checked} sin verificar."
)

# %% [markdown]
# ## 2. La bibliografía, con filtros
#
# Elige tipo, nivel, módulo o «solo gratuitos». Sin kernel (la vista de GitHub), la celda muestra
# la tabla completa.

# %%
ResourceBrowser(ENTRIES)

# %% [markdown]
# **Visión de negocio.** Leer todo no es gratis aunque los recursos lo sean: con el supuesto de
# los parámetros (lo que vale una hora tuya), esto cuesta la lista completa frente a lo que apunta
# a tus módulos débiles:

# %%
all_hours = sum(e.hours for e in ENTRIES)
gap_hours = sum(e.hours for e in ENTRIES if set(e.modules) & set(GAP))
paid = [e.id for e in ENTRIES if not e.free]
print(f"Todo: {all_hours} h ≈ {all_hours * COSTO_HORA_USD:,.0f} USD de tu tiempo (supuesto).")
print(f"Lo que toca los módulos {', '.join(GAP)}: {gap_hours} h.")
print(f"De pago: {paid}")
print(
    "Gratuitos para el módulo 15:",
    [e.id for e in filter_entries(ENTRIES, module="15", free_only=True)],
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 10 min.*
#
# ## 3. Este curso frente a otros cursos abiertos de MLOps
#
# Ningún curso es el mejor para todos. Esta es una comparación honesta, con lo que cada uno hace
# mejor que este (las entradas están en la tabla de la §2):
#
# | Curso | Lo que hace mejor que este | Lo que este hace distinto |
# |---|---|---|
# | **MLOps Zoomcamp** (DataTalks.Club) | Cohortes con comunidad, videos y un proyecto revisado por pares; práctica en la nube | Aquí todo corre sin red ni cuenta en la nube, y cada ejercicio se autocalifica al momento |
# | **Made With ML** | Un proyecto de punta a punta con escalado distribuido; tests separados por lo que protegen | Aquí las decisiones se documentan como ADR con alternativas y costos, en español |
# | **Full Stack Deep Learning** | Deep learning en producción y organización de equipos, con clases grabadas | Aquí el foco es ML tabular (churn) y las herramientas corren dentro del cuaderno |
# | **MOOC de scikit-learn (Inria)** | La profundidad en scikit-learn, de sus propios autores | Aquí scikit-learn es un módulo (06); el resto es operarlo |
#
# Y lo que **este** curso no tiene (hoy): videos, una comunidad con cohortes, despliegues reales en
# la nube (los módulos 12-14 simulan o validan sin desplegar) y los módulos 15-17, aún en
# presupuesto. Si eso es lo que necesitas, combínalo con uno de los de arriba.
#
# ## 4. Ejercicios
#
# ### Ejercicio 1 (funcional) · Una ruta para tu hueco y tus horas
#
# Escribe `learning_path(records, gap, hours_budget)`. `records` es una lista de entradas (dicts
# con al menos `"id"`, `"modules"` y `"hours"`, como `RECORDS`); `gap`, los módulos que quieres
# reforzar; `hours_budget`, tus horas. Devuelve la lista de ids de la ruta, **en el orden en que
# se eligen**. Este nivel es «funcional»: la entrada es correcta; no hace falta validarla.
#
# 1. **Lo que más cubre primero.** En cada paso elige la entrada que cubre **más módulos del hueco
#    aún no cubiertos** (recalculado en cada paso: lo que ya cubre la ruta no cuenta); en empate,
#    la de menos horas; si sigue el empate, la de id menor (orden alfabético).
# 2. **Presupuesto.** La suma de horas de la ruta nunca pasa de `hours_budget`: una entrada que no
#    cabe se descarta y se sigue buscando con las demás.
# 3. **Nada redundante.** La ruta termina cuando el hueco está cubierto o ninguna entrada que
#    quepa cubre un módulo pendiente; nunca incluye una entrada que no aporta un módulo nuevo.
#
# Resultado esperado:
#
# ```text
# records = [{"id": "a", "modules": ["01", "02", "03"], "hours": 5},
#            {"id": "b", "modules": ["03", "04"], "hours": 1},
#            {"id": "c", "modules": ["04", "05"], "hours": 2}]
# learning_path(records, ["01", "02", "03", "04", "05"], 10)  →  ["a", "c"]
# ```


# %% nbgrader={"grade": false, "grade_id": "ruta", "locked": false, "schema_version": 3, "solution": true, "task": false}
def learning_path(records: list[dict[str, object]], gap: list[str], hours_budget: int) -> list[str]:
    """Ids de la ruta de estudio para cubrir `gap` sin pasar de `hours_budget` horas."""
    ### BEGIN SOLUTION
    pending = set(gap)
    left = hours_budget
    path: list[str] = []
    candidates = list(records)
    while pending:
        useful = [r for r in candidates if pending & set(r["modules"]) and int(r["hours"]) <= left]
        if not useful:
            break
        best = min(useful, key=lambda r: (-len(pending & set(r["modules"])), r["hours"], r["id"]))
        path.append(str(best["id"]))
        pending -= set(best["modules"])
        left -= int(best["hours"])
        candidates.remove(best)
    return path
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-ruta-greedy", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: en cada paso, la entrada que más módulos pendientes cubre (recalculado).
example = [
    {"id": "a", "modules": ["01", "02", "03"], "hours": 5},
    {"id": "b", "modules": ["03", "04"], "hours": 1},
    {"id": "c", "modules": ["04", "05"], "hours": 2},
]
route = learning_path(example, ["01", "02", "03", "04", "05"], 10)
assert route == ["a", "c"], (
    "Primero «a» (cubre 3 módulos); después, de lo pendiente (04 y 05), «c» cubre 2 y «b» solo 1: "
    f"la ruta es ['a', 'c']. Devolviste {route!r}: ¿recalculas lo que cubre cada entrada en cada paso?"
)
### BEGIN HIDDEN TESTS
ties = [
    {"id": "a", "modules": ["07"], "hours": 3},
    {"id": "c", "modules": ["07"], "hours": 2},
    {"id": "b", "modules": ["07"], "hours": 2},
]
assert learning_path(ties, ["07"], 10) == ["b"], (
    "En empate de módulos gana la de menos horas ('b' y 'c', 2 h) y, si siguen empatadas, la de "
    "id menor: 'b'."
)
real = learning_path(RECORDS, ["07", "15"], 100)
assert real and set(real[0:1]) <= {r["id"] for r in RECORDS}, "La ruta devuelve ids de records."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-ruta-presupuesto", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: lo que no cabe se descarta y se sigue buscando; nunca se pasa del presupuesto.
budget_case = [
    {"id": "libro", "modules": ["15", "07"], "hours": 20},
    {"id": "articulo", "modules": ["15"], "hours": 2},
    {"id": "docs", "modules": ["07"], "hours": 4},
]
route = learning_path(budget_case, ["07", "15"], 8)
assert route == ["articulo", "docs"], (
    "Con 8 h el libro (20 h) no cabe: se descarta y se eligen el artículo y la documentación. "
    f"Devolviste {route!r}."
)
### BEGIN HIDDEN TESTS
assert learning_path(budget_case, ["07", "15"], 1) == [], (
    "Si nada cabe en el presupuesto, la ruta es vacía."
)
exact = learning_path(budget_case, ["07", "15"], 20)
assert exact == ["libro"], f"Con 20 h el libro cabe justo y cubre los dos: {exact!r}."
total = sum(r["hours"] for r in RECORDS if r["id"] in learning_path(RECORDS, ["02", "08", "15"], 6))
assert total <= 6, f"La ruta pasa del presupuesto de 6 h: {total} h."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-ruta-redundante", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: la ruta termina al cubrir el hueco y no incluye entradas que no aportan.
covered = learning_path(
    [{"id": "a", "modules": ["05"], "hours": 1}, {"id": "b", "modules": ["05", "06"], "hours": 1}],
    ["05"],
    10,
)
assert covered == ["a"], (
    f"El hueco es solo 05: con «a» queda cubierto y la ruta termina. Devolviste {covered!r}."
)
### BEGIN HIDDEN TESTS
nothing = learning_path(
    [{"id": "a", "modules": ["05"], "hours": 1}, {"id": "b", "modules": ["06"], "hours": 1}],
    ["05", "09"],
    10,
)
assert nothing == ["a"], (
    f"«b» no cubre ningún módulo del hueco: no entra aunque sobren horas. Devolviste {nothing!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# Tu ruta para el hueco y las horas de los parámetros, con los datos del curso:

# %%
try:
    mine = learning_path(RECORDS, GAP, HOURS_BUDGET)
    by_id = {e.id: e for e in ENTRIES}
    for step, entry_id in enumerate(mine, start=1):
        entry = by_id[entry_id]
        print(f"{step}. {entry.title} ({entry.hours} h, módulos {', '.join(entry.modules)})")
    print(f"Total: {sum(by_id[i].hours for i in mine)} h de {HOURS_BUDGET}.")
except NotImplementedError:
    print("Resuelve el Ejercicio 1 (learning_path) para ver tu ruta.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 50 min.*
#
# ### Ejercicio 2 (seguro) · Referencias caducadas o sin verificar
#
# Antes de citar una referencia en un informe, un Senior comprueba que sigue en pie. Escribe
# `stale_entries(records, today, max_age_days)`, que devuelve la lista de tuplas
# `(id, motivo)`, **ordenada por id**, de las entradas que hay que volver a comprobar. Este nivel
# es «seguro»: una fecha imposible (futura o mal escrita) **falla con un mensaje claro** en lugar
# de esconder para siempre una referencia envejecida.
#
# 1. **Antigüedad.** Una entrada cuyo `date_checked` es de hace **más** de `max_age_days` días
#    (estrictamente) está caducada; su motivo incluye los días transcurridos (p. ej.
#    `"comprobada hace 400 días"`).
# 2. **Sin verificar.** Una entrada sin `date_checked` (la clave falta o vale `None`) también se
#    devuelve, con un motivo que contiene `"sin verificar"`.
# 3. **Fechas imposibles.** `date_checked` puede ser una `datetime.date` o un texto ISO
#    (`"2026-12-02"`); si es un texto que no es una fecha o una fecha **posterior** a `today`,
#    lanza `ValueError` con un mensaje en español que nombra el id. Si `today` no es una
#    `datetime.date` (o es un `datetime`, con hora), lanza `TypeError`.


# %% nbgrader={"grade": false, "grade_id": "caducas", "locked": false, "schema_version": 3, "solution": true, "task": false}
def stale_entries(
    records: list[dict[str, object]], today: dt.date, max_age_days: int
) -> list[tuple[str, str]]:
    """Entradas (id, motivo) que hay que volver a comprobar, ordenadas por id."""
    ### BEGIN SOLUTION
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today debe ser una fecha (datetime.date), no {type(today).__name__}.")
    stale: list[tuple[str, str]] = []
    for record in records:
        entry_id = str(record["id"])
        checked = record.get("date_checked")
        if checked is None:
            stale.append((entry_id, "sin verificar"))
            continue
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                raise ValueError(
                    f"{entry_id}: date_checked «{checked}» no es una fecha ISO."
                ) from None
        if not isinstance(checked, dt.date):
            raise ValueError(f"{entry_id}: date_checked debe ser una fecha.")
        if checked > today:
            raise ValueError(f"{entry_id}: date_checked {checked} es posterior a hoy ({today}).")
        age = (today - checked).days
        if age > max_age_days:
            stale.append((entry_id, f"comprobada hace {age} días"))
    return sorted(stale)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-caducas-antiguedad", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: las que tienen más de max_age_days, con los días en el motivo; el límite no cuenta.
shelf = [
    {"id": "viejo", "date_checked": dt.date(2025, 10, 28)},
    {"id": "justo", "date_checked": dt.date(2025, 12, 2)},
    {"id": "nuevo", "date_checked": dt.date(2026, 11, 1)},
]
found = stale_entries(shelf, dt.date(2026, 12, 2), 365)
assert [entry_id for entry_id, _ in found] == ["viejo"], (
    "Solo caduca lo que tiene MÁS de 365 días: «justo» tiene exactamente 365 y no cuenta. "
    f"Devolviste {found!r}."
)
assert "400" in found[0][1], f"El motivo debe decir los días (400): {found[0][1]!r}."
### BEGIN HIDDEN TESTS
several = stale_entries(
    [
        {"id": "b", "date_checked": dt.date(2020, 1, 1)},
        {"id": "a", "date_checked": dt.date(2021, 1, 1)},
    ],
    dt.date(2026, 12, 2),
    30,
)
assert [entry_id for entry_id, _ in several] == ["a", "b"], f"Ordenadas por id: {several!r}."
assert stale_entries([], dt.date(2026, 12, 2), 365) == [], "Sin entradas no hay nada caducado."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-caducas-sin-fecha", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: una entrada sin date_checked (falta o None) se devuelve como «sin verificar».
unchecked = stale_entries(
    [{"id": "blog"}, {"id": "nuevo", "date_checked": "2026-11-30"}], dt.date(2026, 12, 2), 365
)
assert [entry_id for entry_id, _ in unchecked] == ["blog"], (
    f"«blog» no tiene date_checked: hay que verificarla. Devolviste {unchecked!r}."
)
assert "sin verificar" in unchecked[0][1], f"El motivo debe decir «sin verificar»: {unchecked!r}."
### BEGIN HIDDEN TESTS
none_value = stale_entries([{"id": "x", "date_checked": None}], dt.date(2026, 12, 2), 365)
assert none_value and "sin verificar" in none_value[0][1], (
    f"date_checked: None también es «sin verificar»: {none_value!r}."
)
real_unchecked = {entry_id for entry_id, _ in stale_entries(RECORDS, dt.date(2026, 12, 2), 365)}
assert real_unchecked == {r["id"] for r in RECORDS if r.get("date_checked") is None}, (
    "Con los datos del curso (todas comprobadas hoy o sin fecha) solo salen las sin verificar."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-caducas-fechas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: una fecha futura o mal escrita da ValueError con el id; un today con hora, TypeError.
try:
    stale_entries(
        [{"id": "errata", "date_checked": dt.date(2062, 12, 2)}], dt.date(2026, 12, 2), 365
    )
except ValueError as future_error:
    assert "errata" in str(future_error), f"El mensaje debe nombrar la entrada: {future_error}"
else:
    raise AssertionError("Una fecha de comprobación en 2062 es una errata: lanza ValueError.")
### BEGIN HIDDEN TESTS
try:
    stale_entries([{"id": "mal", "date_checked": "2 de diciembre"}], dt.date(2026, 12, 2), 365)
except ValueError as bad_text:
    assert "mal" in str(bad_text), f"El mensaje debe nombrar la entrada: {bad_text}"
else:
    raise AssertionError("«2 de diciembre» no es una fecha ISO: lanza ValueError.")
try:
    stale_entries([], dt.datetime(2026, 12, 2, 9, 30), 365)
except TypeError:
    pass
else:
    raise AssertionError("today con hora (datetime) debe dar TypeError: usa datetime.date.")
### END HIDDEN TESTS

# %% [markdown]
# Con la fecha de referencia de los parámetros, esto es lo que hay que volver a comprobar en la
# bibliografía del curso (hoy: las entradas que nadie verificó):

# %%
try:
    for entry_id, reason in stale_entries(RECORDS, REFERENCE_DAY, MAX_AGE_DAYS):
        print(f"- {entry_id}: {reason}")
except NotImplementedError:
    print("Resuelve el Ejercicio 2 (stale_entries) para revisar la bibliografía.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 30 min.*
#
# ## 5. Cuándo NO leer (todavía)
#
# | Situación | Por qué no | Qué hacer |
# |---|---|---|
# | Aún no terminaste la fase 1 | Sin el vocabulario, un libro de diseño de sistemas se lee en abstracto | Termina 00-02; vuelve con una pregunta concreta |
# | Quieres «leer todo» antes de empezar el proyecto | 150+ horas de lectura sin práctica se olvidan | Usa tu ruta (Ejercicio 1) con un hueco y unas horas |
# | Un curso de pago repite un módulo que ya dominas | Pagas dos veces por lo mismo | Filtra por módulo y nivel antes de comprar |
# | Una referencia «sin verificar» en un informe | Puede no existir o decir otra cosa | Compruébala y añade la fecha, o no la cites |
#
# ### ADR del recurso
#
# ```text
# ADR-23-01: La bibliografía es un archivo de datos validado, con fecha de comprobación por entrada
#
# CONTEXTO:
# Una lista de recursos en texto envejece sin que nadie lo note: enlaces rotos, cursos que cambian
# de nombre, obras citadas de memoria que no existen con ese título.
#
# DECISIÓN:
# Cada obra es una entrada de assets/resources.yaml (para qué sirve, nivel, gratis, módulos,
# horas estimadas) validada por un esquema; date_checked solo la llevan las entradas cuya
# existencia se comprobó, y las demás se muestran como «sin verificar».
#
# CONSECUENCIAS:
# (+) La tabla, los filtros y las rutas salen de los mismos datos; una fecha futura o un módulo
#     inexistente hacen fallar la carga.
# (+) Lo no comprobado se ve, en lugar de parecer tan fiable como lo demás.
# (-) Las horas son estimaciones del curso, no de los autores.
# (-) Alguien tiene que volver a comprobar las entradas cada año (el Ejercicio 2 dice cuáles).
#
# ALTERNATIVAS RECHAZADAS:
# - Una lista en Markdown: no se puede filtrar ni comprobar.
# - Comprobar los enlaces en cada ejecución: el cuaderno debe correr sin red.
# ```

# %% [markdown]
# ## 6. Respuesta escrita (calificada a mano) · Tu ruta, justificada
#
# Cambia `GAP` y `HOURS_BUDGET` en los parámetros por **tu** hueco real y tus horas, vuelve a
# ejecutar y responde en **5 a 8 líneas**: qué ruta te da tu `learning_path`, si la seguirías tal
# cual o qué cambiarías (y por qué: nivel, idioma, costo, formato), y cuál de los cursos de la §3
# combinarías con este, con una razón concreta.

# %% [markdown] nbgrader={"grade": true, "grade_id": "ruta-justificada", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# Mi hueco es 07 y 15 (tracking y monitoreo) con 25 h. La ruta empieza por el libro de Chip Huyen
# (20 h, cubre los dos) y termina ahí: lo seguiría, pero cambiaría el orden y leería antes la
# documentación de MLflow (4 h) para el módulo 07, porque el libro es de pago y primero quiero
# probar si el tema me engancha. Lo combinaría con MLOps Zoomcamp, porque me falta practicar en la
# nube con otras personas, algo que este curso no ofrece; me quedo con este para los ADR y la
# autocalificación en español.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · La ruta.** Usa su función con su hueco y sus horas y dice qué da. 0.5 si no sale
#   de la función.
# - **1 punto · El criterio.** Acepta o cambia la ruta con una razón concreta (nivel, idioma,
#   costo, formato). 0.5 si es genérica.
# - **1 punto · La combinación.** Elige un curso de la §3 con una razón que reconoce lo que este
#   curso no tiene. 0.5 si solo elogia.
# - Longitud: por encima de ~10 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 7. Cierre
#
# ### Resumen
#
# - Una bibliografía útil dice **para qué** sirve cada obra, su nivel, su costo y **cuándo** se
#   comprobó; como archivo de datos validado se puede filtrar y revisar.
# - Una ruta de estudio es un problema de cobertura con presupuesto: lo que más cubre primero,
#   sin pasarse de horas y sin lecturas redundantes.
# - Las referencias envejecen: revísalas antes de citarlas, y una fecha imposible es un error,
#   no un dato.
# - Ningún curso lo cubre todo: combina este con otro según lo que te falte.
#
# ### Checklist del entregable
#
# - [ ] Los tests visibles de los Ejercicios 1 y 2 pasan.
# - [ ] Tu respuesta escrita tiene tu ruta (con horas) y una combinación de cursos justificada.
#
# ### Autoevaluación
#
# 1. ¿Por qué el Ejercicio 1 recalcula en cada paso lo que cubre cada entrada?
# 2. ¿Qué pasaría si una entrada tuviera `date_checked: 2062-12-02` y nadie lo validara?
# 3. ¿Por qué este recurso no comprueba los enlaces en cada ejecución?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Porque lo que ya cubre la ruta no aporta: una entrada que parecía la mejor al principio
#    puede no añadir nada después. 2. Nunca caducaría: la errata escondería para siempre una
#    referencia envejecida. 3. Porque el cuaderno debe correr sin red (Binder, CI); la
#    comprobación es un trabajo periódico con fecha.
#
# </details>
#
# ### Términos del glosario (recurso 18_glosario)
#
# [bibliografía anotada](../18_glosario/18_glosario.ipynb#bibliografia-anotada) ·
# [ruta de aprendizaje](../18_glosario/18_glosario.ipynb#ruta-aprendizaje) ·
# [cobertura (set cover)](../18_glosario/18_glosario.ipynb#set-cover) ·
# [algoritmo voraz](../18_glosario/18_glosario.ipynb#algoritmo-voraz) ·
# [caducidad de una referencia](../18_glosario/18_glosario.ipynb#caducidad-referencia) ·
# [deuda técnica](../18_glosario/18_glosario.ipynb#deuda-tecnica).
#
# ### Para saber más
#
# La tabla de la §2 es la lista de lecturas del curso.
