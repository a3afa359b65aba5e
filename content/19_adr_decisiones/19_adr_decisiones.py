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
# # Recurso 19 · ADRs y decisiones
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Tipo** | Recurso de consulta (fuera del calendario de fases): Architecture Decision Records consolidados |
# | **Tiempo estimado** | ≈ 2 h 15 min: lectura y demos 35 min, ejercicios 70 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 00 §5 (qué es un ADR). Conviene haber hecho al menos un módulo con una ayuda de decisión (03, 05, 10 o 12). |
# | **Entregable** | Un ADR tuyo que reemplaza una decisión del curso y cita las que siguen vigentes (respuesta escrita) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Encontrar** en el catálogo las decisiones del curso que afectan a una herramienta, por
#    módulo, herramienta y estado (§2, catálogo interactivo).
# 2. **Leer** un ADR escrito de tres formas distintas y separar sus cuatro secciones (Ejercicio 1,
#    autocalificado).
# 3. **Detectar** un ADR incompleto (sin alternativas rechazadas) en el catálogo y en tus propios
#    ADR exportados (§3).
# 4. **Calcular** qué decisiones vigentes debe citar un ADR nuevo, siguiendo las cadenas de
#    reemplazo sin colgarse en un ciclo (Ejercicio 2, autocalificado).
# 5. **Redactar** un ADR que reemplaza otro, con su id, su estado y sus citas (respuesta escrita).
#
# > **Principio 1 de la guía, justificación radical:** «No solo decimos QUÉ, explicamos POR QUÉ y
# > CUÁNDO NO. Cada herramienta tiene un ADR con trade-offs documentados.» Este recurso junta todos
# > esos ADR en un solo lugar.

# %% [markdown]
# ## 1. Por qué un catálogo de decisiones
#
# Imagina que llegas a un equipo que ya tiene un modelo de churn en producción. En tu primera
# semana alguien propone «pasar de SQLite a PostgreSQL en MLflow». La discusión dura una hora y
# nadie recuerda por qué se eligió SQLite. Dos semanas después alguien encuentra la respuesta en un
# hilo de chat: se eligió porque el equipo era una persona y el servidor no tenía red. Esa hora de
# reunión, con cinco personas, fue el costo de una decisión **no encontrada**.
#
# Un ADR (Architecture Decision Record, Michael Nygard, 2011) es una nota corta que fija una
# decisión con su contexto, sus consecuencias (las malas también) y lo que se descartó. Un ADR
# suelto sirve a quien lo escribió; un **catálogo** sirve al equipo, si cumple tres cosas:
#
# - **cada ADR tiene un id estable** que se puede citar desde el código, otro ADR o una revisión
#   («como decidió el ADR-07-01…»);
# - **se genera de donde viven las decisiones**, no se copia: una lista copiada envejece el día en
#   que alguien añade un ADR y olvida actualizarla;
# - **dice el estado** de cada decisión: `Aceptado`, `Propuesto`, `Reemplazado` u `Obsoleto`. Un
#   ADR no se borra cuando deja de valer: se marca como reemplazado y apunta al que lo sustituye.
#
# La metáfora: un catálogo de ADR es el **libro de actas** de una junta de vecinos. Nadie lo lee
# de corrido, pero cuando alguien propone pintar la fachada de verde, la primera pregunta es «¿qué
# se decidió la última vez y por qué?». Sin actas, cada asamblea repite la discusión.
#
# En este curso las decisiones viven en los cuadernos de cada módulo, en bloques con el formato
# del seed (CONTEXTO / DECISIÓN / CONSECUENCIAS / ALTERNATIVAS RECHAZADAS), y su id en el índice
# `content/adrs.yaml`. `make build` genera desde esas fuentes el catálogo
# `assets/adr_catalog.json` (y `make check` falla si quedó viejo), y este recurso lo lee cada vez
# que lo ejecutas:
#
# ```mermaid
# flowchart LR
#     F["content/NN_slug/NN_slug.py<br/>bloques ADR-NN-MM"] --> B["make check<br/>(ids únicos, índice al día,<br/>ningún bloque sin id)"]
#     I["content/adrs.yaml<br/>id · módulo · título · estado · tipo"] --> B
#     F --> G["make build<br/>assets/adr_catalog.json"]
#     I --> G
#     G --> C["catálogo de este recurso<br/>(filtros: módulo, herramienta, estado)"]
#     W["workspace/&lt;módulo&gt;/adr/<br/>ADR-&lt;ayuda&gt;-NNN.md<br/>(tus ADR exportados)"] --> C
#     C --> E["Ejercicio 2: qué ADR<br/>debe citar uno nuevo"]
# ```
#
# Si un módulo nuevo añade un ADR, aparece aquí con la siguiente build, sin tocar este cuaderno; si
# lo añade sin id o sin
# entrada en el índice, `make check` falla con una línea `ADR:` que dice el archivo y la línea.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa los mismos: el catálogo es pequeño).
TOOL = "MLflow"  # herramienta con la que se filtra el ejemplo de la §2
REUNION_PERSONAS = 5  # supuesto del curso: personas en una reunión que rediscute una decisión
REUNION_HORAS = 1.0  # supuesto del curso: duración de esa reunión
COSTO_HORA_USD = 40.0  # supuesto del curso: costo por hora de una persona del equipo

# %%
from collections import Counter

from mlops_course.lessons.r19_adrs import (
    SECTIONS,
    AdrBrowser,
    course_adrs,
    filter_adrs,
    split_sections,
    student_adrs,
)
from mlops_course.machinery.decision_aids import load_aid, recommend, write_adr
from mlops_course.machinery.workspace import module_workspace

WORKSPACE = module_workspace("19_adr_decisiones")
ADRS = course_adrs()
print(f"{len(ADRS)} ADR del curso, del catálogo que genera el build desde las fuentes.")

# %% [markdown]
# ## 2. El catálogo
#
# Cada fila es un ADR del curso. Abre «ver el ADR» para leer sus cuatro secciones. Los filtros se
# combinan: «Herramienta = MLflow» y «Estado = Aceptado» muestran las decisiones vigentes sobre
# MLflow. Las **respuestas modelo** (los ADR que resuelven una respuesta escrita) aparecen solo con
# su título: su texto es la solución del instructor.
#
# Debajo del catálogo aparecen **tus** ADR: los que exportaste con el botón «Exportar ADR» de una
# ayuda de decisión, en `workspace/<módulo>/adr/`. Para que la lista no esté vacía la primera vez,
# la celda siguiente exporta uno de ejemplo con la ayuda de trackers de experimentos (módulo 07)
# si esta carpeta aún no tiene ninguno.

# %%
aid = load_aid("experiment_trackers")
if not list((WORKSPACE / "adr").glob("ADR-*.md")):
    example = write_adr(aid, recommend("experiment_trackers", aid=aid), "19_adr_decisiones")
    print("ADR de ejemplo exportado:", example.relative_to(WORKSPACE.parent))
MINE = student_adrs()
print(f"Tus ADR exportados: {len(MINE)}")
AdrBrowser(ADRS, MINE)

# %% [markdown]
# Sin kernel (la vista HTML de GitHub o de nbconvert), la celda anterior muestra la tabla completa.
# Con código, el mismo filtro es una línea:

# %%
for record in filter_adrs(ADRS, tool=TOOL):
    print(f"{record.id:10} {record.status:10} {record.module:24} {record.title}")

# %% [markdown]
# ### 2.1 Qué dice el catálogo del curso
#
# Contar por herramienta y por estado dice dónde se concentran las decisiones (y dónde faltan):

# %%
by_tool = Counter(tool for record in ADRS if record.kind == "decision" for tool in record.tools)
by_status = Counter(record.status for record in ADRS)
print("Decisiones por herramienta:", dict(by_tool.most_common(8)))
print("Por estado:", dict(by_status))
decisions = [record for record in ADRS if record.kind == "decision"]
print(f"{len(decisions)} decisiones y {len(ADRS) - len(decisions)} respuestas modelo.")

# %% [markdown]
# Todas las decisiones del curso están `Aceptado` y las respuestas modelo `Propuesto`: el curso es
# joven y aún no ha reemplazado ninguna. En un equipo real, a los dos años, una parte se reemplaza
# (la base de MLflow crece, el equipo pasa de 1 a 6 personas). El Ejercicio 2 trabaja justo eso.
#
# **Visión de negocio.** Con los supuestos de los parámetros (marcados como supuestos del curso,
# no como cifras medidas), cada decisión que se vuelve a discutir por no encontrarse cuesta:

# %%
costo_reunion = REUNION_PERSONAS * REUNION_HORAS * COSTO_HORA_USD
print(f"Una reunión que rediscute una decisión: {costo_reunion:.0f} USD (supuesto).")
print(
    f"Si cada una de las {len(decisions)} decisiones del curso se rediscutiera una vez al año: "
    f"{costo_reunion * len(decisions):,.0f} USD/año, frente a minutos de lectura de un ADR."
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 3. Un ADR incompleto no se ve a simple vista
#
# El seed pide cuatro secciones. La más valiosa para quien llega después es la que más se omite:
# **ALTERNATIVAS RECHAZADAS**, la que evita repetir el debate. El lector del curso
# (`split_sections`) separa las secciones de cada bloque, y el catálogo marca las que faltan:

# %%
for record in decisions:
    missing = [name for name in SECTIONS if not split_sections(record.text).get(name)]
    if missing:
        print(f"✗ {record.id} ({record.module}): falta {', '.join(missing)}")
print(f"Revisadas {len(decisions)} decisiones del curso.")
for mine in MINE:
    print(f"Tu {mine.id}: {'completo' if not mine.missing else 'falta ' + ', '.join(mine.missing)}")

# %% [markdown]
# Si la celda marca algún ADR del curso, es un hallazgo real: ese módulo escribió sus decisiones en
# una línea por sección y sin alternativas rechazadas. La build exige un id y una entrada en el
# índice para cada bloque; que tenga las cuatro secciones lo comprueba este catálogo. Fíjate
# también en que los ADR del curso se escriben de **tres formas**: `CONTEXTO:` sola en su línea
# (los bloques del seed), `## CONTEXTO` (los que exporta una ayuda de decisión) y `Contexto: …`
# en la misma línea. Un lector que solo entiende una forma da por incompletos los otros: es el
# Ejercicio 1.
#
# ## 4. Ejercicios
#
# ### Ejercicio 1 (funcional) · Las cuatro secciones de un ADR
#
# Escribe `adr_sections(text)`, que recibe el texto de un ADR y devuelve un `dict` nombre →
# contenido de sus secciones. Este nivel es «funcional»: lee bien un ADR bien escrito; no hace
# falta validar el tipo de la entrada. Las secciones son `"CONTEXTO"`, `"DECISIÓN"`,
# `"CONSECUENCIAS"` y `"ALTERNATIVAS RECHAZADAS"` (la constante `SECTIONS`, ya importada).
#
# 1. **Secciones en el orden del seed.** Devuelve las secciones que encuentra con su nombre en
#    mayúsculas como clave, **en el orden del seed** aunque el texto las traiga en otro orden, y
#    como valor el texto de la sección sin espacios ni líneas en blanco al principio o al final
#    (`str.strip()`). Lo que está antes del primer encabezado (el título, la fecha) no es de
#    ninguna sección; una sección que no aparece no es una clave.
# 2. **Tres formas de encabezado.** Reconoce `CONTEXTO:` sola en su línea (los bloques del
#    curso), `## CONTEXTO` con uno o más `#` delante (los ADR que exporta una ayuda de decisión) y
#    `Contexto: texto…`, donde lo que sigue a los dos puntos ya es contenido de la sección. Las
#    mayúsculas no importan (`Decisión:` es `DECISIÓN`).
# 3. **Solo encabezados de verdad.** El nombre debe abrir la línea (tras los `#` y los espacios) y
#    ir seguido de `:` o del final de la línea. «Contextos de uso» o «Decisión tomada en el comité»
#    son contenido, no encabezados.
#
# Resultado esperado:
#
# ```text
# adr_sections("Título\n## DECISIÓN\nUsar DVC.\nContexto: datos de 2 GB.\n")
#   → {"CONTEXTO": "datos de 2 GB.", "DECISIÓN": "Usar DVC."}
# ```


# %% nbgrader={"grade": false, "grade_id": "secciones", "locked": false, "schema_version": 3, "solution": true, "task": false}
import re


def adr_sections(text: str) -> dict[str, str]:
    """Devuelve las secciones del ADR `text` (nombre en mayúsculas → contenido), en orden del seed."""
    ### BEGIN SOLUTION
    heading = re.compile(
        r"^\s*#*\s*(?P<name>" + "|".join(SECTIONS) + r")\s*(?::(?P<rest>.*))?$",
        re.IGNORECASE,
    )
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        match = heading.match(line)
        if match:
            current = found.setdefault(match["name"].upper(), [])
            if match["rest"]:
                current.append(match["rest"])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(found[name]).strip() for name in SECTIONS if name in found}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-secciones-orden", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: un bloque del seed da sus cuatro secciones, limpias y en orden; el título no cuenta.
seed_block = """ADR-001: Incluir Python moderno

CONTEXTO:
Las guías asumen código profesional.

DECISIÓN:
Un módulo puente.

CONSECUENCIAS:
(+) Código que pasa review
(-) Añade 1-2 semanas

ALTERNATIVAS RECHAZADAS:
- Asumir conocimiento previo
"""
parsed = adr_sections(seed_block)
assert isinstance(parsed, dict), f"adr_sections debe devolver un dict, no {type(parsed).__name__}."
assert list(parsed) == list(SECTIONS), (
    f"Las claves deben ser las cuatro secciones en el orden del seed, {list(SECTIONS)}; "
    f"devolviste {list(parsed)}."
)
assert parsed["CONSECUENCIAS"] == "(+) Código que pasa review\n(-) Añade 1-2 semanas", (
    f"CONSECUENCIAS debe ser sus dos líneas, sin líneas en blanco alrededor; es {parsed['CONSECUENCIAS']!r}."
)
assert parsed["CONTEXTO"] == "Las guías asumen código profesional.", (
    f"CONTEXTO es {parsed['CONTEXTO']!r}: el título (primera línea) no es de ninguna sección, y "
    "el contenido va sin espacios ni saltos de línea al principio o al final (strip)."
)
### BEGIN HIDDEN TESTS
shuffled = adr_sections(
    "Fecha: 2026-12-02\nCONSECUENCIAS:\n(-) lento\n\nCONTEXTO:\n  poco tiempo  \nDECISIÓN:\nhacerlo\n"
)
assert list(shuffled) == ["CONTEXTO", "DECISIÓN", "CONSECUENCIAS"], (
    f"Con las secciones desordenadas las claves deben seguir el orden del seed y sin las que "
    f"faltan: devolviste {list(shuffled)}."
)
assert shuffled["CONTEXTO"] == "poco tiempo", (
    f"El contenido va sin espacios alrededor: CONTEXTO debe ser 'poco tiempo', es {shuffled['CONTEXTO']!r}."
)
assert all("Fecha" not in value for value in shuffled.values()), (
    "Lo que hay antes del primer encabezado (la fecha) no pertenece a ninguna sección."
)
assert adr_sections("Solo un título, sin secciones.") == {}, (
    "Un texto sin encabezados no tiene secciones: devuelve {}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-secciones-formas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: los encabezados Markdown (ADR exportado) y los de una línea (Contexto: …).
exported = """# ADR-experiment_trackers-001: Tracker de experimentos: MLflow

- Fecha: 2026-12-02
- Estado: propuesto

## CONTEXTO

¿Qué tracker usamos?

## DECISIÓN

Elegimos **MLflow**.

## CONSECUENCIAS

- (+) Sin red.

## ALTERNATIVAS RECHAZADAS

- W&B: SaaS.
"""
parsed_md = adr_sections(exported)
assert list(parsed_md) == list(SECTIONS), (
    f"Un ADR exportado usa encabezados Markdown (## CONTEXTO): deben dar las cuatro secciones; "
    f"devolviste {list(parsed_md)}."
)
assert parsed_md["DECISIÓN"] == "Elegimos **MLflow**.", (
    f"DECISIÓN debe ser 'Elegimos **MLflow**.', es {parsed_md['DECISIÓN']!r}."
)
### BEGIN HIDDEN TESTS
inline = adr_sections(
    "ADR-12-01: Precios\nContexto: los precios cambian.\n"
    "Decisión: cada precio con fecha;\n  el cargador rechaza uno sin fuente.\n"
    "consecuencias: (-) envejece.\n"
)
assert inline.get("CONTEXTO") == "los precios cambian.", (
    "En «Contexto: los precios cambian.» lo que sigue a los dos puntos es contenido de "
    f"CONTEXTO (y las mayúsculas no importan); devolviste {inline!r}."
)
assert inline.get("DECISIÓN") == "cada precio con fecha;\n  el cargador rechaza uno sin fuente.", (
    "Una sección en línea sigue en las líneas siguientes hasta el próximo encabezado: "
    f"DECISIÓN es {inline.get('DECISIÓN')!r}."
)
assert inline.get("CONSECUENCIAS") == "(-) envejece.", (
    f"«consecuencias:» en minúsculas también es un encabezado; devolviste {inline!r}."
)
deep = adr_sections("#### Alternativas rechazadas:\n- ninguna\n")
assert deep == {"ALTERNATIVAS RECHAZADAS": "- ninguna"}, (
    f"Con varios # delante y dos puntos también es un encabezado; devolviste {deep!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-secciones-falsos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: «Contextos de uso» o «Decisión tomada…» son contenido, no encabezados.
tricky = adr_sections(
    "CONTEXTO:\nContextos de uso: batch.\nDECISIÓN:\nDecisión tomada en el comité.\n"
)
assert tricky.get("CONTEXTO") == "Contextos de uso: batch.", (
    "«Contextos de uso: batch.» empieza por «Contexto» pero no es el encabezado: al nombre le "
    f"sigue una «s», no «:» ni el fin de línea. CONTEXTO quedó {tricky.get('CONTEXTO')!r}."
)
### BEGIN HIDDEN TESTS
assert tricky.get("DECISIÓN") == "Decisión tomada en el comité.", (
    "«Decisión tomada en el comité.» es contenido: al nombre no le siguen «:» ni el fin de línea. "
    f"DECISIÓN quedó {tricky.get('DECISIÓN')!r}."
)
prose = adr_sections("DECISIÓN:\nLa DECISIÓN: se revisa cada trimestre.\n")
assert prose == {"DECISIÓN": "La DECISIÓN: se revisa cada trimestre."}, (
    f"Un nombre en medio de la línea no abre sección; devolviste {prose!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# Compara tu lector con el del curso (`split_sections`) sobre **todos** los ADR del catálogo y tus
# ADR exportados: deben coincidir.

# %%
try:
    differ = [r.id for r in decisions if adr_sections(r.text) != split_sections(r.text)]
    differ += [m.id for m in MINE if adr_sections(m.path.read_text(encoding="utf-8"))
               != split_sections(m.path.read_text(encoding="utf-8"))]  # fmt: skip
    print("Tu lector coincide con el del curso en todos." if not differ else f"Difieren: {differ}")
except NotImplementedError:
    print("Resuelve el Ejercicio 1 (adr_sections) para compararlo con el lector del curso.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 55 min.*
#
# ### Ejercicio 2 (seguro) · Qué decisiones debe citar un ADR nuevo
#
# Un ADR nuevo que toca una herramienta debe citar las decisiones **vigentes** sobre ella, no las
# que ya se reemplazaron: quien lo revise necesita saber qué cambia. Con decenas de ADR y varios
# equipos, nadie recuerda cuál está vigente; la función lo calcula. Cada registro es un `dict` con
# `"id"`, `"status"` (`Aceptado`, `Propuesto`, `Reemplazado` u `Obsoleto`), `"tools"` (lista de
# herramientas) y, si está reemplazado, `"superseded_by"` (el id que lo reemplaza).
#
# Escribe `adrs_to_cite(tools, records)`. Este nivel es «seguro»: un registro mal formado (un
# reemplazo que no existe, un ciclo) **falla con un mensaje claro** en lugar de colgarse en un
# bucle infinito o citar una decisión muerta.
#
# 1. **Vigentes que comparten herramienta.** Devuelve la lista **ordenada** y sin repetidos de los
#    ids de los registros vigentes (`Aceptado` o `Propuesto`) que comparten al menos una
#    herramienta con `tools`, sin distinguir mayúsculas (`"mlflow"` es `"MLflow"`). Un `Obsoleto`
#    no se cita.
# 2. **Reemplazos.** Si un registro `Reemplazado` comparte herramienta, se cita el que lo
#    reemplaza, siguiendo la cadena `superseded_by` hasta el primero que no está reemplazado
#    (A → B → C: se cita C, aunque C no nombre la herramienta); si ese último es `Obsoleto`, no se
#    cita nada por esa cadena.
# 3. **Falla sin colgarse.** Si un `superseded_by` nombra un id que no está en `records`, si un
#    `Reemplazado` no tiene `superseded_by`, o si la cadena vuelve a un id ya visitado (A → B → A),
#    lanza `ValueError` con un mensaje en español que nombra ese id. Nunca un `KeyError` ni un
#    bucle infinito.
#
# Resultado esperado:
#
# ```text
# records = [
#     {"id": "ADR-churn-001", "status": "Reemplazado", "tools": ["MLflow"], "superseded_by": "ADR-churn-004"},
#     {"id": "ADR-churn-002", "status": "Aceptado", "tools": ["DVC"]},
#     {"id": "ADR-churn-004", "status": "Aceptado", "tools": ["PostgreSQL"]},
# ]
# adrs_to_cite(["mlflow"], records)  →  ["ADR-churn-004"]
# ```


# %% nbgrader={"grade": false, "grade_id": "citas", "locked": false, "schema_version": 3, "solution": true, "task": false}
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    ### BEGIN SOLUTION
    wanted = {str(tool).lower() for tool in tools}
    by_id = {str(record["id"]): record for record in records}
    cited: set[str] = set()
    for record in records:
        record_tools = record.get("tools") or []
        if not isinstance(record_tools, list | tuple):
            raise ValueError(f"{record['id']}: 'tools' debe ser una lista de herramientas.")
        if not wanted & {str(tool).lower() for tool in record_tools}:
            continue
        current, seen = record, {str(record["id"])}
        while current["status"] == "Reemplazado":
            successor = current.get("superseded_by")
            if not successor:
                raise ValueError(f"{current['id']} está Reemplazado pero no dice por cuál.")
            if successor not in by_id:
                raise ValueError(
                    f"{current['id']} dice que lo reemplaza {successor}, que no existe."
                )
            if successor in seen:
                raise ValueError(
                    f"Ciclo de reemplazos: {successor} vuelve a aparecer en la cadena."
                )
            seen.add(str(successor))
            current = by_id[str(successor)]
        if current["status"] in ("Aceptado", "Propuesto"):
            cited.add(str(current["id"]))
    return sorted(cited)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-citas-vigentes", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: se citan los vigentes que comparten herramienta, ordenados, sin mayúsculas.
team = [
    {"id": "ADR-churn-003", "status": "Aceptado", "tools": ["MLflow", "Docker"]},
    {"id": "ADR-churn-001", "status": "Propuesto", "tools": ["mlflow"]},
    {"id": "ADR-churn-002", "status": "Aceptado", "tools": ["DVC"]},
    {"id": "ADR-churn-005", "status": "Obsoleto", "tools": ["MLflow"]},
]
cited = adrs_to_cite(["MLflow"], team)
assert cited == ["ADR-churn-001", "ADR-churn-003"], (
    "Un ADR sobre MLflow cita los vigentes (Aceptado o Propuesto) que nombran MLflow, sin "
    f"distinguir mayúsculas, en orden, y nunca un Obsoleto: esperaba ['ADR-churn-001', "
    f"'ADR-churn-003'] y devolviste {cited!r}."
)
### BEGIN HIDDEN TESTS
both = adrs_to_cite(["docker", "DVC"], team)
assert both == ["ADR-churn-002", "ADR-churn-003"], (
    f"Con dos herramientas basta con compartir una; sin repetidos: devolviste {both!r}."
)
assert adrs_to_cite(["Kubernetes"], team) == [], (
    "Si ningún ADR comparte herramienta, la lista es vacía."
)
assert adrs_to_cite(["MLflow"], []) == [], "Sin registros no hay nada que citar."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-citas-reemplazos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: un ADR reemplazado lleva al que lo reemplaza, siguiendo la cadena entera.
chain = [
    {
        "id": "ADR-churn-001",
        "status": "Reemplazado",
        "tools": ["MLflow"],
        "superseded_by": "ADR-churn-004",
    },
    {"id": "ADR-churn-002", "status": "Aceptado", "tools": ["DVC"]},
    {"id": "ADR-churn-004", "status": "Aceptado", "tools": ["PostgreSQL"]},
]
cited = adrs_to_cite(["mlflow"], chain)
assert cited == ["ADR-churn-004"], (
    "ADR-churn-001 está Reemplazado: se cita el que lo reemplaza (ADR-churn-004) aunque no nombre "
    f"MLflow, y nunca el reemplazado. Devolviste {cited!r}."
)
### BEGIN HIDDEN TESTS
long_chain = [
    {
        "id": "ADR-churn-001",
        "status": "Reemplazado",
        "tools": ["MLflow"],
        "superseded_by": "ADR-churn-002",
    },
    {
        "id": "ADR-churn-002",
        "status": "Reemplazado",
        "tools": ["SQLite"],
        "superseded_by": "ADR-churn-003",
    },
    {"id": "ADR-churn-003", "status": "Aceptado", "tools": ["PostgreSQL"]},
    {
        "id": "ADR-churn-006",
        "status": "Reemplazado",
        "tools": ["mlflow"],
        "superseded_by": "ADR-churn-002",
    },
    {
        "id": "ADR-churn-009",
        "status": "Reemplazado",
        "tools": ["MLflow"],
        "superseded_by": "ADR-churn-010",
    },
    {"id": "ADR-churn-010", "status": "Obsoleto", "tools": []},
]
cited_long = adrs_to_cite(["MLflow"], long_chain)
assert cited_long == ["ADR-churn-003"], (
    "A → B → C: sigue la cadena hasta el primero que no está reemplazado (ADR-churn-003), una vez "
    f"aunque varios lleven a él; una cadena que acaba en Obsoleto no cita nada. Devolviste {cited_long!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-citas-errores", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: un reemplazo inexistente o un ciclo dan ValueError con el id, sin colgarse.
broken = [
    {
        "id": "ADR-churn-001",
        "status": "Reemplazado",
        "tools": ["DVC"],
        "superseded_by": "ADR-churn-404",
    }
]
try:
    adrs_to_cite(["DVC"], broken)
except ValueError as unknown_error:
    assert "ADR-churn-404" in str(unknown_error), (
        f"El mensaje debe nombrar el id que no existe: {unknown_error}"
    )
except KeyError as key_error:
    raise AssertionError(
        f"Un reemplazo inexistente debe dar ValueError con un mensaje claro, no KeyError ({key_error})."
    ) from None
else:
    raise AssertionError("superseded_by apunta a ADR-churn-404, que no existe: lanza ValueError.")
### BEGIN HIDDEN TESTS
loop = [
    {
        "id": "ADR-churn-001",
        "status": "Reemplazado",
        "tools": ["DVC"],
        "superseded_by": "ADR-churn-002",
    },
    {"id": "ADR-churn-002", "status": "Reemplazado", "tools": [], "superseded_by": "ADR-churn-001"},
]
try:
    adrs_to_cite(["DVC"], loop)
except ValueError as cycle_error:
    assert "ADR-churn-00" in str(cycle_error), (
        f"El mensaje del ciclo debe nombrar el id: {cycle_error}"
    )
else:
    raise AssertionError(
        "Con un ciclo A → B → A no hay ADR vigente: detecta el ciclo y lanza ValueError."
    )
try:
    adrs_to_cite(["DVC"], [{"id": "ADR-churn-007", "status": "Reemplazado", "tools": ["DVC"]}])
except ValueError as orphan_error:
    assert "ADR-churn-007" in str(orphan_error), (
        f"El mensaje debe nombrar el ADR sin reemplazo: {orphan_error}"
    )
except Exception as other_error:
    raise AssertionError(
        f"Un Reemplazado sin superseded_by debe dar ValueError, no {other_error!r}."
    ) from None
else:
    raise AssertionError("ADR-churn-007 está Reemplazado y no dice por cuál: lanza ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# Aplicada al catálogo del curso (los registros salen de `course_adrs()`; el curso aún no
# reemplazó ninguno), tu función dice qué decisiones debería citar un ADR nuevo sobre `TOOL`:

# %%
course_records = [
    {"id": r.id, "status": r.status, "tools": list(r.tools)} for r in ADRS if r.kind == "decision"
]
try:
    print(f"Un ADR nuevo sobre {TOOL} debe citar:", adrs_to_cite([TOOL], course_records))
except NotImplementedError:
    print("Resuelve el Ejercicio 2 (adrs_to_cite) para ver qué ADR del curso citarías.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*
#
# ## 5. Cuándo NO usar un catálogo de ADR (ni un ADR)
#
# | Situación | Por qué no | Qué hacer en su lugar |
# |---|---|---|
# | Una decisión reversible en minutos (nombre de una variable, un flag de ruff) | El ADR cuesta más que cambiarla | Un comentario en el PR |
# | Un equipo de una persona en un prototipo de dos semanas | Nadie más lo leerá; el prototipo morirá antes | Un `DECISIONES.md` con tres líneas |
# | Un catálogo copiado a mano en una wiki | Envejece el primer día que alguien olvida copiar | Generarlo de donde viven los ADR (como aquí) |
# | Documentar una decisión que nadie tomó («usamos Python») | Ruido: esconde las decisiones que importan | Solo lo que tuvo alternativas reales |
#
# ### ADR del recurso
#
# ```text
# ADR-19-01: El catálogo de ADR se genera de las fuentes de los cuadernos, no de una copia
#
# CONTEXTO:
# Los ADR del curso viven en los cuadernos de cada módulo; el índice content/adrs.yaml da su id,
# módulo, estado y tipo. Una lista copiada en este recurso quedaría vieja con el primer módulo
# nuevo, y un estudiante leería decisiones que ya no dicen lo mismo que su módulo.
#
# DECISIÓN:
# make build genera assets/adr_catalog.json con el índice (load_adr_index) y los bloques de
# las fuentes (adr_blocks, el mismo lector que usa make check), y este recurso lee ese archivo;
# la build falla si el catálogo quedó viejo, si un bloque con CONTEXTO y DECISIÓN no tiene id,
# si un id se repite o si falta en el índice. Las respuestas modelo se listan solo con su
# título (su texto es la solución de un ejercicio).
#
# CONSECUENCIAS:
# (+) Un módulo nuevo aparece en el catálogo sin tocar este cuaderno.
# (+) La build y el catálogo usan el mismo lector: lo que pasa make check se ve aquí.
# (+) El cuaderno no lee content/ (las soluciones): funciona en el sandbox de calificación y en
#     un hub sin el repositorio, porque assets/ es público.
# (-) Un módulo nuevo aparece tras `make build`, no al guardar su fuente.
# (-) Las herramientas se detectan por nombre en el texto: un ADR que nombra una herramienta
#     solo para descartarla aparece también en su filtro.
#
# ALTERNATIVAS RECHAZADAS:
# - Copiar los ADR a un archivo de este recurso: se desincroniza.
# - Leer content/ en cada ejecución: el código del estudiante vería las soluciones y el sandbox
#   de calificación no lo monta.
# ```

# %% [markdown]
# ## 6. Respuesta escrita (calificada a mano) · Un ADR que reemplaza una decisión del curso
#
# Elige una decisión del catálogo que **tu** equipo (real o imaginado: 6 personas, dos modelos en
# producción) reemplazaría, y escribe en **8 a 12 líneas** el ADR nuevo en el formato del seed:
#
# - un id y un título; di a qué ADR del curso reemplaza (su id) y qué estado tendría ese viejo;
# - las cuatro secciones, con al menos una consecuencia negativa y una alternativa rechazada con su
#   motivo;
# - qué otros ADR vigentes citas, según tu `adrs_to_cite` sobre el catálogo (§4).

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-reemplazo", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-19-02: Servidor MLflow compartido con PostgreSQL para un equipo de seis personas**
#
# Reemplaza al ADR-07-01 (que pasa a `Reemplazado`, con `superseded_by` apuntando a este). Cita el
# ADR-08-02, vigente, que también usa MLflow (puerta de regresión con el champion).
#
# **CONTEXTO:** Seis personas entrenan dos modelos; con una base SQLite por laptop nadie ve los runs
# de los demás y el alias `@champion` vive en la laptop de quien entrenó.
#
# **DECISIÓN:** Un servidor MLflow en la red interna con PostgreSQL y artefactos en un bucket; el
# registro y los alias se consultan allí; cada laptop conserva SQLite solo para pruebas.
#
# **CONSECUENCIAS:** (+) Un solo champion por modelo, visible para todos y para la CI. (−) Un
# servicio más que operar (copias de la base, actualizaciones, accesos). (−) Sin red no hay registro.
#
# **ALTERNATIVAS RECHAZADAS:** W&B (SaaS: los datos de clientes no pueden salir); seguir con SQLite
# y copiar la base (dos versiones del champion en una semana).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Reemplazo explícito.** Nombra el id del ADR del curso que reemplaza y su nuevo
#   estado (`Reemplazado` + a quién apunta). 0.5 si lo nombra sin decir qué pasa con el viejo.
# - **1 punto · Formato completo.** Las cuatro secciones, con al menos una consecuencia negativa
#   honesta y una alternativa con motivo. 0.5 si falta una sección o solo hay ventajas.
# - **1 punto · Citas.** Cita los ADR vigentes que comparten herramienta (lo que devuelve
#   `adrs_to_cite`), o justifica por qué no hay ninguno. 0.5 si cita uno ya reemplazado.
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 7. Cierre
#
# ### Resumen
#
# - Un ADR fija una decisión con su contexto, sus consecuencias (también las malas) y lo que se
#   descartó; un **catálogo** con ids estables y estados la hace encontrable para todo el equipo.
# - El catálogo se **genera** de donde viven los ADR (aquí, las fuentes de los cuadernos y su
#   índice); una copia envejece. La build falla si un ADR no tiene id o no está en el índice.
# - Un lector de ADR debe aceptar las formas en que el equipo los escribe de verdad; uno que solo
#   entiende una marca como incompletos a los demás.
# - Un ADR no se borra: se **reemplaza**, y el nuevo cita las decisiones vigentes, siguiendo las
#   cadenas de reemplazo sin colgarse en un ciclo.
#
# ### Checklist del entregable
#
# - [ ] Los tests visibles de los Ejercicios 1 y 2 pasan, y tu lector coincide con el del curso.
# - [ ] Exportaste al menos un ADR propio desde una ayuda de decisión y aparece en el catálogo.
# - [ ] Tu ADR de reemplazo tiene id, las cuatro secciones, el id que reemplaza y sus citas.
#
# ### Autoevaluación
#
# 1. ¿Por qué un ADR reemplazado no se borra del catálogo?
# 2. El catálogo marca un ADR del curso sin ALTERNATIVAS RECHAZADAS. ¿Qué pierde quien llegue al
#    equipo dentro de un año?
# 3. ¿Qué pasaría en tu `adrs_to_cite` sin el conjunto de ids visitados si dos ADR se reemplazan
#    mutuamente?
# 4. ¿Cuándo NO escribirías un ADR?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Porque guarda el porqué de lo que se hizo antes y evita repetir el debate; su estado y su
#    `superseded_by` dicen qué vale hoy. 2. Las opciones que ya se descartaron y por qué: las
#    volverá a proponer. 3. Un bucle infinito: la cadena A → B → A no termina nunca. 4. Cuando la
#    decisión se revierte en minutos o no tuvo alternativas reales (§5).
#
# </details>
#
# ### Términos del glosario (recurso 18_glosario)
#
# [ADR (Architecture Decision Record)](../18_glosario/18_glosario.ipynb#adr) ·
# [estado de un ADR (aceptado, propuesto, reemplazado, obsoleto)](../18_glosario/18_glosario.ipynb#estado-adr) ·
# [trade-off](../18_glosario/18_glosario.ipynb#trade-off) ·
# [alternativa rechazada](../18_glosario/18_glosario.ipynb#alternativa-rechazada) ·
# [deuda técnica](../18_glosario/18_glosario.ipynb#deuda-tecnica).
#
# ### Para saber más
#
# - Michael Nygard (2011). *Documenting Architecture Decisions* (el origen de los ADR).
# - El sitio de la comunidad *Architectural Decision Records* (adr.github.io): plantillas (MADR,
#   Nygard) y herramientas.
# - D. Sculley et al. (2015). *Hidden Technical Debt in Machine Learning Systems*. NeurIPS 2015.
