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
# # Recurso 18 · Glosario
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Tipo** | Recurso de consulta (fuera del calendario de fases): el vocabulario del curso, con búsqueda |
# | **Tiempo estimado** | ≈ 2 h 15 min: lectura y demos 35 min, ejercicios 70 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Ninguno. Se consulta desde el cierre de cada módulo (sus términos enlazan aquí). |
# | **Entregable** | Una definición de un término para alguien que no es técnico (respuesta escrita) |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Encontrar** un término del curso por palabra, módulo o fase, con su definición, su
#    equivalente en inglés y los términos relacionados (§2, tabla interactiva).
# 2. **Explicar** por qué un glosario que el build comprueba no envejece como una lista en texto
#    (§3).
# 3. **Revisar** un texto de equipo (un PR, un postmortem) y sugerir el término acordado donde se
#    usa un sinónimo ambiguo (Ejercicio 1, autocalificado).
# 4. **Calcular** qué términos conviene entender antes que otro, recorriendo el grafo de
#    relacionados sin colgarse en un ciclo (Ejercicio 2, autocalificado).
# 5. **Definir** un término técnico para alguien de negocio sin perder precisión (respuesta
#    escrita).
#
# > **Principio 1 de la guía, justificación radical:** «No solo decimos QUÉ, explicamos POR QUÉ y
# > CUÁNDO NO.» No se puede explicar el porqué con palabras que cada persona entiende distinto.

# %% [markdown]
# ## 1. Una palabra, tres incidentes
#
# Revisión posterior a un incidente en un equipo de churn: el recall del modelo cayó de 0,71 a
# 0,52 en dos semanas. La científica de datos dice «fue drift» y piensa en las **entradas**: la
# campaña de verano trajo clientes más jóvenes (covariate drift). El ingeniero de plataforma dice
# «sí, vi drift» y piensa en **Terraform**: alguien cambió a mano la memoria de la tarea de ECS y el
# plan lo marcó. La gerente dice «entonces el modelo ya no sirve» y piensa en que los mismos
# clientes ahora se van por otros motivos (concept drift). Tres personas, una palabra, tres
# causas con tres arreglos distintos: reentrenar con datos nuevos, revertir un cambio de
# infraestructura, o revisar las etiquetas y las features. La reunión termina sin acción porque
# cada uno cree que los otros están de acuerdo.
#
# Eso es lo que previene un **glosario compartido** (el «lenguaje ubicuo» del diseño guiado por el
# dominio, Eric Evans, 2003): cada término tiene **una** definición acordada, y la palabra ambigua
# lleva apellido. La metáfora: el glosario es la **leyenda de un mapa**. Sin leyenda, una línea
# azul puede ser un río o una frontera; con ella, todos leen lo mismo.
#
# Un glosario en un documento aparte envejece como la bibliografía del recurso 23: alguien añade
# un módulo, usa un término nuevo y nadie lo define. Por eso aquí el glosario es un **archivo de
# datos validado** (`assets/glossary.yaml`), y los módulos no copian definiciones: las **enlazan**.
#
# ```mermaid
# flowchart LR
#     Y["assets/glossary.yaml<br/>id · término · inglés<br/>definición · relacionados · alias"] --> L["load_glossary()<br/>(esquema validado)"]
#     M["cierre de cada módulo<br/>### Términos del glosario<br/>[drift](../18_glosario/…#drift)"] --> B["make build<br/>(check en los dos sentidos)"]
#     Y --> B
#     B --> U["assets/glossary_usage.json<br/>qué módulos enlazan cada término"]
#     L --> T["tabla con búsqueda<br/>(palabra, módulo, fase)"]
#     U --> T
#     L --> E["Ejercicios: linter de vocabulario<br/>y términos previos"]
# ```
#
# Qué módulos enseñan un término **no se escribe a mano**: sale de los enlaces de la subsección
# «Términos del glosario» del cierre de cada módulo, y la fase sale de `assets/roadmap.yaml`. Un
# módulo nuevo aparece aquí con su próximo `make build`.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa los mismos).
SEARCH = "drift"  # palabra a buscar en la demo de la §2
TERM = "regla-alerta"  # id del término cuyos previos calcula la §4
REUNION_PERSONAS = 6  # personas en una revisión de incidente
MINUTOS_PERDIDOS = 20  # minutos que se van en aclarar qué quiso decir cada uno
COSTO_HORA_EUR = 45.0  # supuesto del curso (el del módulo 01): una hora de ingeniería

# %%
from mlops_course.lessons.r18_glossary import (
    GlossaryBrowser,
    glossary_records,
    load_glossary,
    load_usage,
    search_terms,
)
from mlops_course.machinery.roadmap import load_roadmap

TERMS = load_glossary()
USAGE = load_usage()
RECORDS = glossary_records(TERMS, USAGE, load_roadmap())
taught = sum(bool(r["modules"]) for r in RECORDS)
print(f"{len(RECORDS)} términos; {taught} enlazados desde algún módulo; {len(USAGE)} cuadernos.")

# %% [markdown]
# ## 2. El glosario, con búsqueda
#
# Escribe una palabra (busca en el término, el inglés, los alias y la definición, sin importar
# mayúsculas ni tildes) o filtra por módulo o por fase. Cada fila tiene como ancla el id del
# término: es adonde llevan los enlaces del cierre de cada módulo una vez que esta celda se
# ejecutó; antes, llevan al índice estático del apéndice, que genera `make build`. (Truco: deja
# este cuaderno abierto en una pestaña; JupyterLab busca el ancla antes de mostrar un cuaderno
# recién abierto, así que el primer clic solo lo abre.) Sin kernel (la vista de GitHub), la celda
# muestra la tabla completa.

# %%
GlossaryBrowser(RECORDS)

# %% [markdown]
# La misma búsqueda sin widget, con la palabra de los parámetros. Fíjate en que «drift» sin
# apellido es ambiguo: el glosario lo dice y apunta a sus variantes.

# %%
for record in search_terms(RECORDS, SEARCH):
    where = ", ".join(m[:2] for m in record["modules"]) or "—"
    print(f"{record['id']:<24} módulos {where:<12} {record['definition'][:70]}…")

# %% [markdown]
# **Visión de negocio.** La ambigüedad cuesta tiempo de reunión. Con el supuesto de los
# parámetros (personas, minutos perdidos en aclarar y costo por hora, supuestos del curso y no un
# dato medido):

# %%
cost = REUNION_PERSONAS * MINUTOS_PERDIDOS / 60 * COSTO_HORA_EUR
print(f"Una aclaración de {MINUTOS_PERDIDOS} min con {REUNION_PERSONAS} personas ≈ {cost:,.0f} €.")
print(
    f"Dos revisiones al mes durante un año ≈ {cost * 24:,.0f} €, sin contar la acción equivocada."
)

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 10 min.*
#
# ## 3. Cómo se mantiene: enlaces comprobados en los dos sentidos
#
# El cierre de cada módulo lista sus términos como enlaces a este cuaderno:
# `[drift](../18_glosario/18_glosario.ipynb#drift)`. `make build` (y `make check`) lee esos
# enlaces y falla, con un mensaje que nombra el módulo y el término, si:
#
# - un módulo enlaza un id que el glosario no tiene (un **enlace colgante**);
# - un término del cierre no es un enlace (se escribió en texto plano);
# - un término del glosario no lo enlaza ningún módulo (nadie lo enseña: sobra o falta el enlace);
# - un término relacionado nombra un id que no existe.
#
# Es la misma comprobación que corre el build, sobre un borrador de módulo con un enlace a un
# término que no existe y otro escrito sin enlace:

# %%
import tempfile
from pathlib import Path

from mlops_course.machinery.build.glossary import closing_section, glossary_problems, link
from mlops_course.machinery.roadmap import assets_dir

draft = "\n".join(
    [
        "# %% [markdown]",
        "# ### Términos del glosario (módulo 18_glosario)",
        "#",
        f"# {link('drift', 'drift')} · {link('deriva semántica', 'deriva-semantica')} ·",
        "# feature store.",
    ]
)
print("Enlaces del borrador:", [(item.term_id, item.line) for item in closing_section(draft).links])
with tempfile.TemporaryDirectory() as tmp:
    folder = Path(tmp) / "24_borrador"
    folder.mkdir()
    (folder / "24_borrador.py").write_text(draft + "\n", encoding="utf-8")
    for problem in glossary_problems(Path(tmp), assets_dir() / "glossary.yaml", ["24_borrador"]):
        print("GLOSARIO:", problem.replace(tmp, "content"))

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 20 min.*
#
# ## 4. Ejercicios
#
# ### Ejercicio 1 (funcional) · Un linter de vocabulario para un PR
#
# El glosario guarda, por término, sus **alias**: otras formas en que el equipo lo nombra
# («deriva de datos» para *covariate drift*, «arranque en frío» para *cold start*). Escribe
# `vocabulary_lint(text, records)`, que revisa un texto (la descripción de un PR, un postmortem) y
# devuelve la lista de tuplas `(línea, texto_encontrado, id_del_término)` con cada alias que
# aparece, para sugerir el término acordado. `records` son dicts con al menos `"id"` y
# `"aliases"` (como `RECORDS`). Este nivel es «funcional»: la entrada es correcta.
#
# 1. **Palabras completas, sin importar mayúsculas.** Un alias cuenta si aparece como palabra o
#    frase completa (no dentro de otra palabra: «deriva» no está en «derivada»), con cualquier
#    combinación de mayúsculas; `texto_encontrado` es el texto **tal como está** escrito y
#    `línea` empieza en 1.
# 2. **El código no es prosa.** No se revisa lo que está entre comillas invertidas (`` `así` ``)
#    ni dentro de un bloque de código delimitado por líneas que empiezan con ```` ``` ````
#    (ni esas líneas).
# 3. **El alias más largo gana, en orden.** Si dos alias se solapan («deriva de datos» contiene
#    «deriva»), se informa solo el más largo; el resultado va ordenado por línea y, dentro de la
#    línea, por columna.
#
# Resultado esperado:
#
# ```text
# records = [{"id": "drift", "aliases": ["deriva"]},
#            {"id": "covariate-drift", "aliases": ["deriva de datos"]}]
# vocabulary_lint("Hay deriva de datos.\nLa Deriva sigue.", records)
#   →  [(1, "deriva de datos", "covariate-drift"), (2, "Deriva", "drift")]
# ```

# %%
import re


# %% nbgrader={"grade": false, "grade_id": "linter", "locked": false, "schema_version": 3, "solution": true, "task": false}
def vocabulary_lint(text: str, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(línea, texto encontrado, id) de cada alias del glosario que aparece en `text`."""
    ### BEGIN SOLUTION
    aliases = sorted(
        ((str(alias), str(record["id"])) for record in records for alias in record["aliases"]),
        key=lambda pair: -len(pair[0]),
    )
    findings: list[tuple[int, str, str]] = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        prose = re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line)
        taken: list[tuple[int, int]] = []
        hits: list[tuple[int, str, str]] = []
        for alias, term_id in aliases:
            pattern = rf"(?<!\w){re.escape(alias)}(?!\w)"
            for match in re.finditer(pattern, prose, re.IGNORECASE):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                hits.append((match.start(), line[match.start() : match.end()], term_id))
        findings.extend((number, found, term_id) for _, found, term_id in sorted(hits))
    return findings
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-linter-palabras", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: alias como palabra completa, sin importar mayúsculas, con el texto tal cual.
cold = [{"id": "cold-start", "aliases": ["arranque en frío"]}]
found = vocabulary_lint("Ayer hubo un Arranque en frío a las 9.", cold)
assert found == [(1, "Arranque en frío", "cold-start")], (
    "«Arranque en frío» es el alias de cold-start con otra mayúscula: debe aparecer una vez, con "
    f"el texto tal como está escrito y la línea 1. Devolviste {found!r}."
)
### BEGIN HIDDEN TESTS
drift_only = [{"id": "drift", "aliases": ["deriva"]}]
assert vocabulary_lint("La derivada de la pérdida es cero.\nderivas no, deriva sí", drift_only) == [
    (2, "deriva", "drift")
], "«deriva» no cuenta dentro de «derivada» ni de «derivas»: solo como palabra completa."
assert vocabulary_lint("", drift_only) == [], "Un texto vacío no tiene hallazgos."
two = vocabulary_lint("IaC e iac y IAC", [{"id": "iac", "aliases": ["IaC"]}])
assert [f for _, f, _ in two] == ["IaC", "iac", "IAC"], (
    f"Cada aparición cuenta, con cualquier mayúscula: {two!r}."
)
real = vocabulary_lint("Vimos deriva de datos en producción.", RECORDS)
assert real == [(1, "deriva de datos", "covariate-drift")], (
    f"Con el glosario del curso, «deriva de datos» es covariate-drift: {real!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-linter-codigo", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: lo que está entre comillas invertidas o en un bloque de código no se revisa.
lock = [{"id": "lock-file", "aliases": ["archivo de bloqueo"]}]
found = vocabulary_lint("Borra el `archivo de bloqueo` y regenera el archivo de bloqueo.", lock)
assert found == [(1, "archivo de bloqueo", "lock-file")], (
    "El primer «archivo de bloqueo» está entre comillas invertidas (es código): solo cuenta el "
    f"segundo. Devolviste {found!r}."
)
### BEGIN HIDDEN TESTS
fenced = "Texto.\n```bash\necho archivo de bloqueo\n```\nOtro archivo de bloqueo."
assert vocabulary_lint(fenced, lock) == [(5, "archivo de bloqueo", "lock-file")], (
    "Lo que está dentro de un bloque ``` no se revisa; la línea 5 sí, y las líneas se cuentan "
    "con el bloque incluido."
)
indented = "Antes.\n  ```\n  archivo de bloqueo\n  ```\nDespués."
assert vocabulary_lint(indented, lock) == [], "Un bloque ``` con sangría también es código."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-linter-solapes", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: entre alias solapados gana el más largo; orden por línea y columna.
example = [
    {"id": "drift", "aliases": ["deriva"]},
    {"id": "covariate-drift", "aliases": ["deriva de datos"]},
]
found = vocabulary_lint("Hay deriva de datos.\nLa Deriva sigue.", example)
assert found == [(1, "deriva de datos", "covariate-drift"), (2, "Deriva", "drift")], (
    "En la línea 1 «deriva de datos» contiene «deriva»: se informa solo el más largo. "
    f"Devolviste {found!r}."
)
### BEGIN HIDDEN TESTS
order = vocabulary_lint("deriva y luego deriva de datos", example)
assert order == [(1, "deriva", "drift"), (1, "deriva de datos", "covariate-drift")], (
    f"Dentro de una línea, en orden de columna: {order!r}."
)
many = vocabulary_lint(
    "arranque en frío con deriva", [*example, {"id": "cold-start", "aliases": ["arranque en frío"]}]
)
assert many == [(1, "arranque en frío", "cold-start"), (1, "deriva", "drift")], (
    f"Orden por columna, no por el orden de los alias ni por su longitud: {many!r}."
)
### END HIDDEN TESTS

# %% [markdown]
# Tu linter sobre una descripción de PR escrita sin mirar el glosario:

# %%
PR_TEXT = """Arreglo del arranque en frío de la Lambda.

Tras el despliegue vimos deriva de datos en `edad`; la métrica de sensibilidad bajó.
```text
deriva de datos: log de ejemplo, no se revisa
```
Dejamos registro de decisión en docs/adr y un archivo de bloqueo nuevo."""
try:
    for number, found, term_id in vocabulary_lint(PR_TEXT, RECORDS):
        print(f"línea {number}: «{found}» → usa el término del glosario «{term_id}»")
except NotImplementedError:
    print("Resuelve el Ejercicio 1 (vocabulary_lint) para ver qué términos sugiere.")

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 50 min.*
#
# ### Ejercicio 2 (seguro) · Qué entender antes de un término
#
# Un lector llega a *regla de alerta* (módulo 15) desde un enlace. ¿Qué le conviene entender
# antes? Los términos relacionados que el curso enseña **antes** (SLO, en el 02), y los
# relacionados de esos, y así. Escribe
# `prerequisites(term_id, records)`; `records` son dicts con al menos `"id"`, `"related"` (ids) y
# `"modules"` (slugs de los módulos que lo enlazan, como `"05_ingenieria_datos"`; el primer
# módulo de un término es el menor de sus slugs). El grafo de relacionados tiene ciclos (*drift*
# se relaciona con *concept drift* y viceversa). Este nivel es «seguro»: un id que no existe
# **falla con un mensaje claro** en lugar de devolver una lista incompleta que parece correcta.
#
# 1. **Previos, también indirectos.** Devuelve los ids alcanzables desde `term_id` siguiendo
#    `related`, pasando solo por términos cuyo primer módulo es **estrictamente anterior** al
#    primer módulo de `term_id` (un término del mismo módulo o posterior no es previo, y no se
#    sigue desde él).
# 2. **Sin repetir, en orden de lectura y sin colgarse.** Cada id aparece una vez, nunca
#    `term_id`; la lista va ordenada por primer módulo y, en empate, por id; termina aunque el
#    grafo tenga ciclos.
# 3. **Ids que no existen.** Si `term_id` no es un término de `records`, o un `related` que se
#    encuentra al recorrer nombra un id que no existe, lanza `ValueError` con un mensaje en
#    español que nombra ese id.
#
# Resultado esperado:
#
# ```text
# records = [{"id": "c", "related": ["b"], "modules": ["15_obs"]},
#            {"id": "b", "related": ["a", "c"], "modules": ["07_trk"]},
#            {"id": "a", "related": ["b"], "modules": ["02_dis"]}]
# prerequisites("c", records)  →  ["a", "b"]
# ```

# %%
from collections import deque


# %% nbgrader={"grade": false, "grade_id": "previos", "locked": false, "schema_version": 3, "solution": true, "task": false}
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
    ### BEGIN SOLUTION
    by_id = {str(record["id"]): record for record in records}
    if term_id not in by_id:
        raise ValueError(f"«{term_id}» no es un término del glosario.")

    def first(record: dict[str, object]) -> str:
        modules = list(record["modules"])
        return min(modules) if modules else "~"

    limit = first(by_id[term_id])
    seen = {term_id}
    queue = deque([term_id])
    found: list[str] = []
    while queue:
        current = queue.popleft()
        for related in by_id[current]["related"]:
            if related not in by_id:
                raise ValueError(
                    f"«{current}» se relaciona con «{related}», que no es un término del glosario."
                )
            if related in seen:
                continue
            seen.add(related)
            if first(by_id[related]) < limit:
                found.append(related)
                queue.append(related)
    return sorted(found, key=lambda i: (first(by_id[i]), i))
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-previos-indirectos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: los previos directos e indirectos, solo a través de módulos anteriores.
chain = [
    {"id": "c", "related": ["b"], "modules": ["15_obs"]},
    {"id": "b", "related": ["a", "c"], "modules": ["07_trk"]},
    {"id": "a", "related": ["b"], "modules": ["02_dis"]},
]
found = prerequisites("c", chain)
assert found == ["a", "b"], (
    "«b» (07) es previo de «c» (15) y «a» (02) lo es a través de «b»: ['a', 'b']. "
    f"Devolviste {found!r}: ¿sigues los relacionados de los relacionados?"
)
### BEGIN HIDDEN TESTS
gate = [
    {"id": "t", "related": ["same", "later"], "modules": ["10_doc"]},
    {"id": "same", "related": ["old1"], "modules": ["10_doc", "03_env"]},
    {"id": "later", "related": ["old2"], "modules": ["14_k8s"]},
    {"id": "old1", "related": [], "modules": ["01_py"]},
    {"id": "old2", "related": [], "modules": ["02_dis"]},
]
assert prerequisites("t", gate) == ["old1", "same"], (
    "El primer módulo de «same» es 03 (el menor de sus slugs): es previo, y «old1» (01) también "
    "a través de él. «later» (14) no es previo y no se sigue desde él, así que «old2» no entra."
)
assert prerequisites("a", chain) == [], "El término del primer módulo no tiene previos."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-previos-ciclos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2]: sin repetidos, sin el propio término, ordenado y terminando con ciclos.
loop = [
    {"id": "z", "related": ["y", "x"], "modules": ["09_ci"]},
    {"id": "y", "related": ["x", "z"], "modules": ["04_git"]},
    {"id": "x", "related": ["y", "z"], "modules": ["04_git"]},
]
found = prerequisites("z", loop)
assert found == ["x", "y"], (
    "«x» e «y» se relacionan entre sí y con «z» (un ciclo): cada uno aparece una vez, sin «z», "
    f"ordenados por módulo y luego por id. Devolviste {found!r}."
)
### BEGIN HIDDEN TESTS
ordered = prerequisites(
    "d",
    [
        {"id": "d", "related": ["m", "k"], "modules": ["16_doc"]},
        {"id": "m", "related": ["d"], "modules": ["03_env"]},
        {"id": "k", "related": ["d"], "modules": ["11_api"]},
    ],
)
assert ordered == ["m", "k"], f"Primero el módulo más temprano (03 antes que 11): {ordered!r}."
course = prerequisites(TERM, RECORDS)
assert len(course) == len(set(course)) and TERM not in course, (
    f"Con el glosario del curso: sin repetidos ni el propio término: {course!r}."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-previos-ids", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: un id desconocido o un relacionado colgante fallan con ValueError que lo nombra.
try:
    prerequisites("no-existe", chain)
except ValueError as error:
    assert "no-existe" in str(error), f"El mensaje debe nombrar el id: {error}"
else:
    raise AssertionError("Un término que no está en records debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
dangling = [
    {"id": "p", "related": ["q"], "modules": ["12_dep"]},
    {"id": "q", "related": ["fantasma"], "modules": ["05_dat"]},
]
try:
    prerequisites("p", dangling)
except ValueError as dangling_error:
    assert "fantasma" in str(dangling_error), (
        f"El mensaje debe nombrar el relacionado colgante: {dangling_error}"
    )
else:
    raise AssertionError(
        "«q» se relaciona con «fantasma», que no existe: debe lanzar ValueError, no ignorarlo."
    )
### END HIDDEN TESTS

# %% [markdown]
# Los previos del término de los parámetros, con el glosario del curso:

# %%
try:
    by_id = {r["id"]: r for r in RECORDS}
    print(f"Antes de «{by_id[TERM]['term']}» (módulo {min(by_id[TERM]['modules'])[:2]}):")
    for term_id in prerequisites(TERM, RECORDS):
        print(f"  {min(by_id[term_id]['modules'])[:2]} · {by_id[term_id]['term']}")
except NotImplementedError:
    print("Resuelve el Ejercicio 2 (prerequisites) para ver qué leer antes.")

# %% [markdown]
# Ojo con el límite de este cálculo: «relacionado» no es «prerrequisito». Prueba con
# `TERM = "concept-drift"`: el recorrido pasa por *drift* (módulo 00) y, como *drift* se relaciona
# con *drift (infraestructura)* para desambiguar, arrastra los términos de Terraform del módulo 13.
# Una lista de previos así es una sugerencia para un lector, no un temario: si un equipo la usara
# como requisito, convendría un tipo de relación aparte (`requires`) en el glosario.

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 30 min.*
#
# ## 5. Cuándo NO usar un glosario así
#
# | Situación | Por qué no | Qué hacer |
# |---|---|---|
# | Un equipo de dos personas con un prototipo de una semana | El costo de mantener el archivo supera al de preguntar | Una sección «Términos» en el README |
# | Términos que cambian cada sprint (nombres de campañas) | El glosario se vuelve un registro de cambios | Documentarlos donde viven (el ticket, la configuración) |
# | Copiar definiciones de un estándar (RFC, ISO) | La copia envejece cuando el estándar cambia | Enlazar al estándar y definir solo cómo lo usa el equipo |
# | Prohibir sinónimos en conversación | El linter es para textos que quedan (PR, postmortem), no para hablar | Sugerir, no bloquear: el linter informa |
#
# ### ADR del recurso
#
# ```text
# ADR-18-01: El glosario es un archivo de datos al que enlazan los módulos, comprobado por el build
#
# CONTEXTO:
# El cierre de cada módulo listaba sus términos en texto plano. Nadie sabía si un término tenía
# definición, qué módulo lo enseñaba ni si dos módulos usaban la misma palabra para cosas
# distintas (drift en 13 y en 15).
#
# DECISIÓN:
# Los términos viven en assets/glossary.yaml (id, término, inglés, definición, relacionados,
# alias), validado por un esquema. Los módulos enlazan cada término a este cuaderno con su id;
# make build deriva de esos enlaces qué módulos enseñan cada término (assets/glossary_usage.json)
# y falla si un enlace cuelga, si un término del cierre no es un enlace o si un término no lo
# enlaza nadie.
#
# CONSECUENCIAS:
# (+) Un módulo nuevo aparece en el glosario con su próximo build, sin editar nada más.
# (+) Una palabra ambigua tiene que elegir id: drift (modelo) o drift-infraestructura.
# (-) Añadir un término pide dos cambios (el YAML y el enlace) y saber elegir el id.
# (-) Los enlaces llevan al cuaderno y a su fila; la fila existe cuando la tabla se mostró.
#
# ALTERNATIVAS RECHAZADAS:
# - Un glosario en Markdown: no se puede buscar por módulo ni comprobar.
# - Escribir a mano qué módulos enseñan cada término: se desincroniza con el primer módulo nuevo.
# - Definir cada término dentro de su módulo: la misma palabra acabaría con dos definiciones.
# ```

# %% [markdown]
# ## 6. Respuesta escrita (calificada a mano) · Un término para alguien de negocio
#
# Elige un término del glosario que hayas usado en una conversación con alguien no técnico
# (*concept drift*, *SLO*, *umbral de decisión*…) y escribe en **5 a 8 líneas** su definición
# para la gerente comercial del caso de churn: qué es, un ejemplo con sus clientes, qué decisión
# le cambia y qué **no** significa (la confusión más probable). Cita el id del término.

# %% [markdown] nbgrader={"grade": true, "grade_id": "definicion-negocio", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo** (`concept-drift`)
#
# *Concept drift* es cuando los mismos datos de un cliente ya no anuncian lo mismo. Ejemplo: hasta
# marzo, un cliente con tres reclamos en un mes casi siempre se iba; desde que la competencia bajó
# precios, se van también clientes sin reclamos, y el modelo no los ve venir. Le cambia una
# decisión: no alcanza con «volver a entrenar con más de lo mismo»; hay que revisar qué señales
# predicen hoy el abandono, y mientras tanto no recortar el presupuesto de retención por lo que
# diga el modelo. No significa que los datos estén mal cargados ni que cambió el tipo de cliente
# que llega (eso es *covariate drift*, otro arreglo).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Correcta y con su id.** La definición coincide con la del glosario sin jerga sin
#   explicar. 0.5 si es correcta pero usa términos que la gerente no conoce.
# - **1 punto · Ejemplo y decisión.** Un ejemplo con clientes del caso y una decisión de negocio
#   que cambia. 0.5 si falta uno de los dos.
# - **1 punto · Qué no es.** Nombra la confusión más probable con otro término del glosario. 0.5
#   si la nombra sin decir en qué se diferencia.
# - Longitud: por encima de ~10 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 7. Cierre
#
# ### Resumen
#
# - Un vocabulario compartido evita que una palabra ambigua («drift») lleve a tres arreglos
#   distintos: cada término tiene una definición acordada y las palabras ambiguas llevan apellido.
# - El glosario es un archivo de datos validado; los módulos lo **enlazan** y el build comprueba
#   los enlaces en los dos sentidos, así que un módulo nuevo aparece solo.
# - Un linter de vocabulario sugiere el término acordado en los textos que quedan (PR,
#   postmortems), ignorando el código y eligiendo el alias más largo.
# - Los previos de un término salen de recorrer el grafo de relacionados con un conjunto de
#   visitados: los ciclos son normales en un glosario.
#
# ### Checklist del entregable
#
# - [ ] Los tests visibles de los Ejercicios 1 y 2 pasan.
# - [ ] Tu respuesta escrita define un término con su id, un ejemplo, una decisión y qué no es.
#
# ### Autoevaluación
#
# 1. ¿Por qué el linter ignora lo que está entre comillas invertidas?
# 2. ¿Qué pasaría con `prerequisites` si no guardaras los términos visitados?
# 3. ¿Por qué qué módulos enseñan un término no se escribe en `glossary.yaml`?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Porque es código (un nombre de columna, un comando): cambiarlo por el término del glosario
#    lo rompería. 2. En el primer ciclo (*drift* ↔ *concept drift*) el recorrido no terminaría.
#    3. Porque se desincronizaría con el primer módulo nuevo: sale de los enlaces, que el build
#    comprueba.
#
# </details>
#
# ### Términos del glosario (recurso 18_glosario)
#
# [glosario](../18_glosario/18_glosario.ipynb#glosario) ·
# [lenguaje ubicuo](../18_glosario/18_glosario.ipynb#lenguaje-ubicuo) ·
# [alias (de un término)](../18_glosario/18_glosario.ipynb#alias-termino) ·
# [enlace colgante](../18_glosario/18_glosario.ipynb#enlace-colgante) ·
# [recorrido en anchura](../18_glosario/18_glosario.ipynb#recorrido-anchura) ·
# [drift](../18_glosario/18_glosario.ipynb#drift) ·
# [linter](../18_glosario/18_glosario.ipynb#linter).
#
# ### Para saber más
#
# - Eric Evans, *Domain-Driven Design* (Addison-Wesley, 2003), capítulo 2: el lenguaje ubicuo.
# - Recurso 19: los ADR del curso, con sus términos enlazados aquí.

# %% [markdown] tags=["glossary-index"]
# ## Apéndice · Índice de términos
#
# `make build` escribe aquí, desde `assets/glossary.yaml`, cada término con su ancla y su
# definición: así los enlaces de los módulos llegan al término aunque el cuaderno no se haya
# ejecutado, y se lee sin kernel.
