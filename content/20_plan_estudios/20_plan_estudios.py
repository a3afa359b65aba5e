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
# # Recurso 20 · Plan de estudios
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Tipo** | Recurso de consulta (fuera del calendario de fases): syllabus detallado por semana |
# | **Tiempo estimado** | ≈ 2 h 10 min: lectura y demos 30 min, ejercicios 70 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00 §3.1 (el planificador de estudio). Python básico: listas, tuplas, `datetime.date`. |
# | **Entregable** | `workspace/20_plan_estudios/plan_de_estudios.md` y `plan_de_estudios.ics`: tu plan semana a semana, importable en tu calendario |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** de dónde salen las horas de cada módulo y por qué el plan, las cabeceras y el
#    planificador del módulo 00 no pueden contradecirse (§1).
# 2. **Repartir** los minutos de los módulos en semanas con un presupuesto semanal, respetando el
#    orden de las fases (Ejercicio 1, autocalificado).
# 3. **Exportar** el plan como un calendario iCalendar que cualquier aplicación de calendario
#    importa, con UIDs estables (Ejercicio 2, autocalificado).
# 4. **Ajustar** el plan a tus horas reales y **decidir** qué hacer si no cabe en 16–20 semanas
#    (§2 y respuesta escrita).
#
# > **Principio 2 de la guía, complejidad progresiva:** «Nivel 1: Funcional → Nivel 2: Seguro →
# > Nivel 3: Escalable. Nunca añadimos complejidad sin justificar el ROI.» Un plan de estudio
# > también: primero que funcione (las semanas), después que no se rompa (el calendario).

# %% [markdown]
# ## 1. Un solo archivo de datos para las horas
#
# Un plan de estudios que vive en un documento aparte miente pronto: alguien amplía un módulo,
# cambia su cabecera («≈ 4 h 20 min») y el plan sigue diciendo 3 horas. El estudiante que confió en
# el plan llega a la semana 9 con dos semanas de retraso y sin saber por qué.
#
# En este curso las horas viven en **un solo archivo**, `assets/roadmap.yaml`: por módulo, minutos
# de lectura, de ejercicios y de respuesta escrita. De ahí salen tres cosas, y la build comprueba
# que coinciden:
#
# ```mermaid
# flowchart LR
#     R["assets/roadmap.yaml<br/>fases, semanas del seed,<br/>minutos por módulo"] --> H["cabecera de cada módulo<br/>«Tiempo estimado»<br/>(make check: TIEMPO)"]
#     R --> P["planificador del módulo 00<br/>(fases en semanas)"]
#     R --> S["este plan<br/>(módulos en semanas)"]
#     S --> M["plan_de_estudios.md"]
#     S --> C["plan_de_estudios.ics<br/>(tu calendario)"]
# ```
#
# La metáfora: el YAML es la **partitura** y las cabeceras, el planificador y este plan son
# músicos que tocan la misma. Si uno improvisa su propia versión, desafina; por eso ninguno copia
# las horas, todos las leen. Un test (`tests/test_r20_plan.py`) lee la cabecera de cada módulo
# escrito y falla si el plan le da otros minutos.
#
# Las horas de un módulo escrito están **medidas** con una regla (palabras de la narrativa a 150
# por minuto, 2 min por celda de demo, 30 min por ejercicio, 2 min por celda de test y 30 min de
# respuesta escrita: el comentario de cabecera del YAML). Los módulos aún no escritos tienen un
# **presupuesto**: el plan los marca así.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa los mismos).
WEEKLY_HOURS = 6.0  # tus horas de estudio por semana (el ritmo del curso es 6)
FIRST_MONDAY = "2027-01-04"  # el lunes en que empiezas (AAAA-MM-DD)
COSTO_HORA_USD = 40.0  # supuesto del curso: lo que vale una hora de tu tiempo

# %%
import datetime as dt

import icalendar
from IPython.display import Markdown, display

from mlops_course.lessons.r20_plan import (
    SyllabusPlanner,
    course_syllabus,
    ics_problems,
    module_minutes,
    phase_weeks,
    syllabus_markdown,
)
from mlops_course.machinery.roadmap import load_roadmap, study_plan
from mlops_course.machinery.workspace import module_workspace

WORKSPACE = module_workspace("20_plan_estudios")
ROADMAP = load_roadmap()
START = dt.date.fromisoformat(FIRST_MONDAY)
WEEKS = course_syllabus(ROADMAP, WEEKLY_HOURS)
print(f"{len(WEEKS)} semanas a {WEEKLY_HOURS:g} h/semana; empiezas el {START:%d/%m/%Y}.")

# %% [markdown]
# ## 2. El plan, semana a semana
#
# Mueve las horas por semana y elige tu lunes de inicio. Cada fase empieza en una semana nueva
# (como en el seed); sus módulos llenan las semanas en orden, y un módulo que no cabe en lo que
# queda de una semana sigue en la siguiente. Al ritmo del curso (6 h) el plan es exactamente el
# calendario del seed: 18 semanas, cada fase en sus semanas.

# %%
SyllabusPlanner(ROADMAP, START)

# %% [markdown]
# El mismo plan como diagrama de Gantt, **generado** de los datos (no dibujado a mano):

# %%
gantt = ["gantt", "    dateFormat YYYY-MM-DD", "    axisFormat %d/%m"]
for number, (first, last) in phase_weeks(WEEKS).items():
    phase = ROADMAP.phases[number - 1]
    start = START + dt.timedelta(weeks=first - 1)
    gantt += [f"    section Fase {number}", f"    {phase.name} :{start}, {7 * (last - first + 1)}d"]
display(Markdown("```mermaid\n" + "\n".join(gantt) + "\n```"))

# %% [markdown]
# ### 2.1 El plan frente al planificador del módulo 00
#
# El planificador del módulo 00 reparte **fases** con el peso de sus semanas del seed: cada
# semana vale las horas del ritmo de referencia (18 × 6 = 108 h) y el plan nunca baja de 16
# semanas ni pasa de 20. Este plan reparte **módulos** con sus minutos medidos (o
# presupuestados) y no fuerza ese rango: lo avisa. Al ritmo del curso coinciden; a otro ritmo
# pueden diferir, y conviene saber por qué:

# %%
for hours in (5.0, 6.0, 8.0):
    ours = phase_weeks(course_syllabus(ROADMAP, hours))
    ours_total = max(last for _, last in ours.values())
    try:
        rows = study_plan(hours, ROADMAP)
        planner_text = f"{rows[-1]['end_week']} semanas"
        same = {r["phase"]: (r["start_week"], r["end_week"]) for r in rows} == ours
    except ValueError as refusal:
        planner_text, same = f"no lo acepta ({refusal})", False
    verdict = "iguales" if same else "difieren"
    print(f"{hours:g} h/semana: plan {ours_total} semanas; planificador {planner_text} ({verdict})")

# %% [markdown]
# Con 5 h el planificador se niega (108 h no caben en 20 semanas) y este plan da 20 semanas,
# porque los módulos medidos suman menos que las 108 h de referencia; con 8 h el planificador
# estira a 16 semanas (el mínimo del seed) y este plan acaba antes. Ninguno miente: uno planifica
# con el calendario del seed y el otro con lo que miden los módulos.

# %% [markdown]
# **Visión de negocio.** El curso completo son horas de tu tiempo. Con el supuesto de los
# parámetros (lo que vale una hora tuya: un supuesto, no una cifra medida), el plan cuesta:

# %%
total_minutes = sum(module_minutes(WEEKS).values())
print(f"{total_minutes / 60:.1f} h de estudio ≈ {total_minutes / 60 * COSTO_HORA_USD:,.0f} USD "
      f"de tu tiempo a {COSTO_HORA_USD:g} USD/h (supuesto).")  # fmt: skip
planned = sum(s.minutes for w in WEEKS for s in w.slots if s.planned)
print(f"De ellas, {planned / 60:.1f} h son presupuesto de módulos aún no escritos.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 3. Ejercicios
#
# ### Ejercicio 1 (funcional) · Repartir los módulos en semanas
#
# Escribe `allocate_weeks(phases, weekly_minutes)`. `phases` es la lista de fases en orden; cada
# fase, la lista de sus módulos como tuplas `(slug, minutos)`. Devuelve la lista de semanas; cada
# semana, la lista de tuplas `(slug, minutos)` que se estudian en ella. Este nivel es «funcional»:
# reparte bien una entrada correcta; no hace falta validarla.
#
# 1. **Orden y presupuesto.** Las semanas se llenan en el orden de los módulos, ninguna pasa de
#    `weekly_minutes` y cada módulo recibe, sumando sus partes, exactamente sus minutos.
# 2. **Un módulo que no cabe se parte.** Si un módulo no cabe en lo que queda de la semana, la
#    llena con una parte y el resto sigue en la semana siguiente (y en las que haga falta si es
#    más largo que una semana entera). Así, dentro de una fase, solo su última semana puede
#    quedar incompleta.
# 3. **Cada fase empieza en una semana nueva.** Una fase nunca comparte semana con la anterior,
#    aunque a esta le sobre tiempo.
#
# Resultado esperado:
#
# ```text
# allocate_weeks([[("00", 200), ("01", 100)], [("03", 50)]], 120)
#   → [[("00", 120)], [("00", 80), ("01", 40)], [("01", 60)], [("03", 50)]]
# ```


# %% nbgrader={"grade": false, "grade_id": "semanas", "locked": false, "schema_version": 3, "solution": true, "task": false}
def allocate_weeks(
    phases: list[list[tuple[str, int]]], weekly_minutes: int
) -> list[list[tuple[str, int]]]:
    """Reparte los módulos de cada fase en semanas de `weekly_minutes`."""
    ### BEGIN SOLUTION
    weeks: list[list[tuple[str, int]]] = []
    for phase in phases:
        current: list[tuple[str, int]] = []
        used = 0
        for slug, minutes in phase:
            left = minutes
            while left > 0:
                if used == weekly_minutes:
                    weeks.append(current)
                    current, used = [], 0
                part = min(left, weekly_minutes - used)
                current.append((slug, part))
                used += part
                left -= part
        if current:
            weeks.append(current)
    return weeks
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-semanas-presupuesto", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: en orden, ninguna semana pasa del presupuesto, cada módulo recibe sus minutos.
small = allocate_weeks([[("00", 60), ("01", 30)]], 120)
assert small == [[("00", 60), ("01", 30)]], (
    f"Dos módulos que caben en una semana de 120 min van juntos y en orden: devolviste {small!r}."
)
### BEGIN HIDDEN TESTS
course = [[("00", 225), ("01", 335), ("02", 290)], [("03", 300), ("04", 310), ("05", 350)]]
weeks = allocate_weeks(course, 360)
assert all(sum(m for _, m in week) <= 360 for week in weeks), (
    f"Ninguna semana puede pasar de 360 min: {[sum(m for _, m in w) for w in weeks]}."
)
received: dict[str, int] = {}
for week in weeks:
    for slug, minutes in week:
        received[slug] = received.get(slug, 0) + minutes
assert received == {slug: m for phase in course for slug, m in phase}, (
    f"Cada módulo debe recibir exactamente sus minutos: {received}."
)
order = [slug for week in weeks for slug, _ in week]
assert order == sorted(order), f"Los módulos van en su orden: {order}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-semanas-partir", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: un módulo que no cabe llena la semana y sigue en la siguiente.
split = allocate_weeks([[("00", 200), ("01", 100)]], 120)
assert split == [[("00", 120)], [("00", 80), ("01", 40)], [("01", 60)]], (
    "Con semanas de 120 min, 00 (200) llena la semana 1 y sigue 80 min en la 2; 01 llena los 40 "
    f"que quedan y sigue en la 3. Devolviste {split!r}."
)
### BEGIN HIDDEN TESTS
long = allocate_weeks([[("13", 275)]], 100)
assert long == [[("13", 100)], [("13", 100)], [("13", 75)]], (
    f"Un módulo más largo que una semana ocupa varias semanas enteras: devolviste {long!r}."
)
exact = allocate_weeks([[("a", 50), ("b", 50), ("c", 10)]], 100)
assert exact == [[("a", 50), ("b", 50)], [("c", 10)]], (
    f"Una semana llena exactamente no recibe una parte de 0 min del siguiente: {exact!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-semanas-fases", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: cada fase empieza en una semana nueva.
phased = allocate_weeks([[("00", 60)], [("03", 30)]], 120)
assert phased == [[("00", 60)], [("03", 30)]], (
    "La fase 2 empieza en una semana nueva aunque a la semana de la fase 1 le sobren 60 min: "
    f"devolviste {phased!r}."
)
### BEGIN HIDDEN TESTS
three = allocate_weeks([[("00", 150)], [("03", 10), ("04", 10)], [("06", 120)]], 120)
assert three == [[("00", 120)], [("00", 30)], [("03", 10), ("04", 10)], [("06", 120)]], (
    f"Tres fases, tres comienzos de semana: devolviste {three!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# Con tu función sobre los datos del curso, al ritmo de referencia cada fase debe caer en sus
# semanas del seed:

# %%
phases_input = [[(m.slug, m.estimate.minutes) for m in phase.modules] for phase in ROADMAP.phases]
try:
    mine = allocate_weeks(phases_input, ROADMAP.reference_hours_per_week * 60)
    expected = sum(p.seed_weeks for p in ROADMAP.phases)
    print(f"Tu reparto: {len(mine)} semanas; el seed: {expected}.")
except NotImplementedError:
    print("Resuelve el Ejercicio 1 (allocate_weeks) para repartir los módulos del curso.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 50 min.*
#
# ### Ejercicio 2 (seguro) · El plan en tu calendario (iCalendar)
#
# Un archivo `.ics` (iCalendar, RFC 5545) es lo que importan Google Calendar, Outlook o el
# calendario de tu teléfono. Un error en él no da un mensaje: da eventos en el día equivocado o
# duplicados cada vez que reimportas. Escribe `week_calendar(weeks, first_monday)` con la
# biblioteca `icalendar` (ya importada): `weeks` es la lista de semanas del Ejercicio 1 y
# `first_monday` el lunes de la semana 1. Devuelve un `icalendar.Calendar`. Este nivel es
# «seguro»: una fecha que cambiaría de día según la zona horaria, o que no es lunes, **se
# rechaza** antes de escribir un calendario que engañe.
#
# 1. **Un evento por semana.** El calendario tiene `VERSION` `2.0` y un `PRODID`, y un `VEVENT`
#    por semana, en orden: todo el día (`DTSTART` es una `date`) desde `first_monday` + 7·(n−1)
#    días, `DTEND` 7 días después, `SUMMARY` que empieza por `Semana n` (n desde 1) y `DTSTAMP`
#    (obligatorio en el RFC) como `datetime` en UTC.
# 2. **UID estable.** Cada evento tiene un `UID` distinto que depende solo del número de semana
#    (nunca de la fecha ni de un valor aleatorio): si mueves tu inicio y reimportas, el calendario
#    **mueve** los eventos en vez de duplicarlos.
# 3. **Entrada validada.** Si `first_monday` es un `datetime` (con hora: el evento cambiaría de
#    día según la zona horaria) o no es una fecha, lanza `TypeError`; si no es lunes, `ValueError`
#    con un mensaje en español que diga qué día es.


# %% nbgrader={"grade": false, "grade_id": "calendario", "locked": false, "schema_version": 3, "solution": true, "task": false}
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    ### BEGIN SOLUTION
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"semana-{number:02d}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-calendario-eventos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: un VEVENT de día completo por semana, con fechas, SUMMARY y DTSTAMP en UTC.
plan = [[("00", 120)], [("00", 80), ("01", 40)], [("03", 50)]]
monday = dt.date(2027, 1, 4)
parsed_calendar = icalendar.Calendar.from_ical(week_calendar(plan, monday).to_ical())
events = list(parsed_calendar.walk("VEVENT"))
assert len(events) == 3, f"Debe haber un VEVENT por semana (3) y hay {len(events)}."
assert str(parsed_calendar.get("VERSION")) == "2.0" and "PRODID" in parsed_calendar, (
    "El VCALENDAR necesita VERSION 2.0 y un PRODID (calendar.add('version', '2.0'), ...)."
)
second = events[1]
assert second.decoded("DTSTART") == dt.date(2027, 1, 11), (
    f"La semana 2 empieza 7 días después del lunes inicial (2027-01-11): es {second.decoded('DTSTART')!r}."
)
assert second.decoded("DTEND") == dt.date(2027, 1, 18), "DTEND es 7 días después de DTSTART."
assert str(second.get("SUMMARY", "")).startswith("Semana 2"), (
    f"El SUMMARY de la segunda semana empieza por «Semana 2»: es {second.get('SUMMARY')!r}."
)
### BEGIN HIDDEN TESTS
for event in events:
    start_value = event.decoded("DTSTART")
    assert not isinstance(start_value, dt.datetime), (
        "DTSTART debe ser una fecha de día completo (date), no un datetime con hora."
    )
    assert "DTSTAMP" in event, "Cada VEVENT necesita DTSTAMP (obligatorio en RFC 5545)."
    stamp_value = event.decoded("DTSTAMP")
    assert isinstance(stamp_value, dt.datetime) and stamp_value.utcoffset() == dt.timedelta(0), (
        f"DTSTAMP debe ser un datetime en UTC: es {stamp_value!r}."
    )
assert [str(e.get("SUMMARY", "")).split(":")[0] for e in events] == [
    "Semana 1",
    "Semana 2",
    "Semana 3",
], "Los SUMMARY numeran las semanas desde 1, en orden."
assert ics_problems(week_calendar(plan, monday).to_ical(), 3) == [], (
    f"El calendario no pasa la comprobación del curso: {ics_problems(week_calendar(plan, monday).to_ical(), 3)}"
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-calendario-uid", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: UIDs distintos por semana e iguales si cambia la fecha de inicio.
plan = [[("00", 120)], [("01", 40)]]
first_uids = [str(e["UID"]) for e in week_calendar(plan, dt.date(2027, 1, 4)).walk("VEVENT")]
assert len(set(first_uids)) == 2, f"Cada semana necesita su propio UID: {first_uids}."
### BEGIN HIDDEN TESTS
moved_uids = [str(e["UID"]) for e in week_calendar(plan, dt.date(2027, 3, 1)).walk("VEVENT")]
assert moved_uids == first_uids, (
    "Si cambias el lunes de inicio, los UID deben ser los mismos (el calendario mueve los "
    f"eventos en vez de duplicarlos): {first_uids} frente a {moved_uids}."
)
again = [str(e["UID"]) for e in week_calendar(plan, dt.date(2027, 1, 4)).walk("VEVENT")]
assert again == first_uids, "Dos exportaciones iguales deben dar los mismos UID (nada aleatorio)."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-calendario-validacion", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: un datetime da TypeError; un día que no es lunes, ValueError.
plan = [[("00", 60)]]
try:
    week_calendar(plan, dt.datetime(2027, 1, 4, 9, 0))
except TypeError:
    pass
else:
    raise AssertionError("Un datetime (con hora) debe dar TypeError: usa una fecha, datetime.date.")
### BEGIN HIDDEN TESTS
try:
    week_calendar(plan, dt.date(2027, 1, 6))
except ValueError as weekday_error:
    assert "2027-01-06" in str(weekday_error), (
        f"El mensaje debe decir qué fecha no es lunes: {weekday_error}"
    )
else:
    raise AssertionError(
        "El 2027-01-06 es miércoles: lanza ValueError (la semana empieza en lunes)."
    )
try:
    week_calendar(plan, "2027-01-04")  # type: ignore[arg-type]
except TypeError:
    pass
else:
    raise AssertionError("Un texto no es una fecha: lanza TypeError.")
### END HIDDEN TESTS

# %% [markdown]
# ## 4. Tu entregable: el plan en Markdown y en tu calendario
#
# La celda escribe tu plan en `workspace/20_plan_estudios/`: el Markdown (con el lector del curso)
# y, si resolviste el Ejercicio 2, el `.ics` con **tu** función, comprobado con el parser de
# `icalendar`. Importa el `.ics` en tu calendario (Google Calendar: *Configuración → Importar*).

# %%
markdown_path = WORKSPACE / "plan_de_estudios.md"
markdown_path.write_text(syllabus_markdown(WEEKS, START), encoding="utf-8")
print("Escrito:", markdown_path.name)
try:
    ics = week_calendar([[(s.slug, s.minutes) for s in w.slots] for w in WEEKS], START).to_ical()
    problems = ics_problems(ics, len(WEEKS))
    (WORKSPACE / "plan_de_estudios.ics").write_bytes(ics)
    print("Escrito: plan_de_estudios.ics;", "válido" if not problems else f"problemas: {problems}")
except NotImplementedError:
    print("Resuelve el Ejercicio 2 (week_calendar) para exportar tu calendario.")
except (TypeError, ValueError) as exc:
    print(f"Tu week_calendar rechazó el inicio {START}: {exc}. Cambia FIRST_MONDAY a un lunes.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 30 min.*
#
# ## 5. Cuándo NO seguir este plan al pie de la letra
#
# | Situación | Por qué no | Qué hacer |
# |---|---|---|
# | Ya trabajas con Docker o Git a diario | Las horas de esos módulos son para quien empieza | Haz solo sus ejercicios y el entregable; adelanta el plan |
# | Tienes menos de 5 h por semana | El plan pasa de 20 semanas y pierdes el hilo entre sesiones | Sesiones cortas fijas y una fase por mes; acepta un plan más largo |
# | Estudias en equipo | El ritmo lo marca el más lento de las dependencias (el proyecto de churn) | Un calendario común y una fase por sprint |
# | Un módulo te lleva el doble | Las horas son un promedio, no una promesa | Mide tu ritmo en la fase 1 y ajusta `WEEKLY_HOURS` |
#
# ### ADR del recurso
#
# ```text
# ADR-20-01: El plan de estudios se calcula de roadmap.yaml y se exporta a iCalendar
#
# CONTEXTO:
# El seed da semanas por fase; las horas por módulo viven en assets/roadmap.yaml y las cabeceras
# de los módulos las repiten (make check lo exige). Un plan escrito a mano se desincroniza en
# cuanto un módulo cambia de tamaño.
#
# DECISIÓN:
# Este recurso calcula el plan de roadmap.yaml en cada ejecución (módulos en semanas, cada fase
# en semana nueva) y lo exporta a Markdown y a iCalendar con la biblioteca icalendar, con un
# evento de día completo por semana y UIDs que dependen solo del número de semana.
#
# CONSECUENCIAS:
# (+) Un módulo que crece mueve el plan sin editar este cuaderno; un test compara el plan con
#     las cabeceras.
# (+) El .ics se importa en cualquier calendario y reimportarlo actualiza en vez de duplicar.
# (-) Los módulos aún no escritos entran con un presupuesto, no con una medida.
# (-) Eventos de día completo por semana: no reservan horas concretas en tu agenda.
#
# ALTERNATIVAS RECHAZADAS:
# - Escribir el .ics a mano (texto): el escape de comas y punto y coma y el plegado de líneas del
#   RFC 5545 son fáciles de romper.
# - Un evento por sesión de estudio: depende de horarios que el curso no conoce.
# ```

# %% [markdown]
# ## 6. Respuesta escrita (calificada a mano) · Tu plan real
#
# Mueve el planificador de la §2 a las horas que **de verdad** tienes por semana y responde en
# **5 a 8 líneas**: cuántas semanas te da, si cae dentro de las 16–20 del seed y, si no, qué
# decides (más horas, saltar qué módulos y por qué, o aceptar un plan más largo), con una cifra del
# plan. Di también qué módulo se reparte en más semanas en tu plan y cómo lo organizarás.

# %% [markdown] nbgrader={"grade": true, "grade_id": "plan-real", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# Tengo 4 h por semana: el plan me da 25 semanas, 5 más que el máximo del seed (20). Subo a 5 h
# por semana (el plan baja a 20) y, como uso Git a diario, del módulo 04 hago solo los
# ejercicios y el entregable (su lectura y demos son 85 min según roadmap.yaml). A 4 h, el módulo
# 08 (testing, 295 min) se reparte en las semanas 11 a 13: lo haré de a una sección por sesión,
# con los tests visibles como punto de corte, para no perder el hilo entre semanas.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Cifra del plan.** Semanas (o horas) que da el planificador con sus horas reales,
#   bien leídas. 0.5 si la cifra no sale del planificador.
# - **1 punto · Decisión.** Si cae fuera de 16-20 semanas, una decisión concreta (más horas, qué
#   módulo saltar y por qué, o aceptar un plan más largo con una razón); si cae dentro, qué haría
#   si se atrasa. 0.5 si es genérica («me esforzaré más»).
# - **1 punto · El módulo más repartido.** Lo identifica con el plan y dice cómo lo organizará.
#   0.5 si no lo justifica.
# - Longitud: por encima de ~10 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 7. Cierre
#
# ### Resumen
#
# - Las horas del curso viven en un solo archivo (`assets/roadmap.yaml`); las cabeceras, el
#   planificador del módulo 00 y este plan las **leen**, y un test falla si se contradicen.
# - Repartir módulos en semanas es llenar con un presupuesto, partiendo lo que no cabe, y
#   empezando cada fase en una semana nueva.
# - Un `.ics` necesita fechas de día completo, `DTSTAMP` y **UIDs estables**: si no, reimportar
#   duplica eventos o los corre de día.
# - El plan es una estimación: mide tu ritmo en la fase 1 y ajústalo.
#
# ### Checklist del entregable
#
# - [ ] Los tests visibles de los Ejercicios 1 y 2 pasan.
# - [ ] `workspace/20_plan_estudios/plan_de_estudios.md` existe con tus fechas.
# - [ ] `plan_de_estudios.ics` existe, pasa la comprobación y lo importaste en tu calendario.
# - [ ] Tu respuesta escrita tiene una cifra del plan y una decisión.
#
# ### Autoevaluación
#
# 1. ¿Por qué el plan no copia las horas de las cabeceras de los módulos?
# 2. ¿Qué pasa en tu calendario si el UID depende de la fecha y mueves tu inicio una semana?
# 3. ¿Por qué un evento de día completo usa `date` y no `datetime` a medianoche?
# 4. Con 4 h por semana el plan pasa de 20 semanas: ¿qué dos opciones tienes?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Porque una copia se desincroniza: las lee del mismo YAML que la build compara con las
#    cabeceras. 2. Reimportar crea eventos nuevos y deja los viejos: todo duplicado. 3. Una
#    medianoche en UTC es otro día en América Latina (UTC−3 a UTC−6): el evento se corre de día.
#    4. Más horas en las fases densas o aceptar un plan más largo; también saltar la lectura de
#    lo que ya dominas.
#
# </details>
#
# ### Términos del glosario (recurso 18_glosario)
#
# [plan de estudios](../18_glosario/18_glosario.ipynb#plan-estudios) ·
# [estimación medida frente a presupuesto](../18_glosario/18_glosario.ipynb#estimacion-medida) ·
# [iCalendar (RFC 5545)](../18_glosario/18_glosario.ipynb#icalendar) ·
# [UID](../18_glosario/18_glosario.ipynb#uid-icalendar) ·
# [evento de día completo](../18_glosario/18_glosario.ipynb#evento-dia-completo) ·
# [idempotencia](../18_glosario/18_glosario.ipynb#idempotencia).
#
# ### Para saber más
#
# - IETF (2009). *RFC 5545: Internet Calendaring and Scheduling Core Object Specification
#   (iCalendar)*.
# - Documentación de la biblioteca `icalendar` para Python (icalendar.readthedocs.io).
