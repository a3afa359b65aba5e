# %% mutant: linter-subcadena | cell: linter | breaks: R1
# Busca el alias como subcadena: «deriva» aparece también dentro de «derivada».
def vocabulary_lint(text: str, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(línea, texto encontrado, id) de cada alias del glosario que aparece en `text`."""
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
            for match in re.finditer(re.escape(alias), prose, re.IGNORECASE):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                hits.append((match.start(), line[match.start() : match.end()], term_id))
        findings.extend((number, found, term_id) for _, found, term_id in sorted(hits))
    return findings

# %% mutant: linter-mayusculas | cell: linter | breaks: R1
# Compara respetando mayúsculas: «Arranque en frío» no coincide con «arranque en frío».
def vocabulary_lint(text: str, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(línea, texto encontrado, id) de cada alias del glosario que aparece en `text`."""
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
            for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", prose):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                hits.append((match.start(), line[match.start() : match.end()], term_id))
        findings.extend((number, found, term_id) for _, found, term_id in sorted(hits))
    return findings

# %% mutant: linter-revisa-codigo | cell: linter | breaks: R2
# Revisa todas las líneas, también el código entre comillas invertidas y los bloques ```.
def vocabulary_lint(text: str, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(línea, texto encontrado, id) de cada alias del glosario que aparece en `text`."""
    aliases = sorted(
        ((str(alias), str(record["id"])) for record in records for alias in record["aliases"]),
        key=lambda pair: -len(pair[0]),
    )
    findings: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        taken: list[tuple[int, int]] = []
        hits: list[tuple[int, str, str]] = []
        for alias, term_id in aliases:
            for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", line, re.IGNORECASE):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                hits.append((match.start(), match.group(0), term_id))
        findings.extend((number, found, term_id) for _, found, term_id in sorted(hits))
    return findings

# %% mutant: linter-todos-los-solapes | cell: linter | breaks: R3
# Informa cada alias que coincide, aunque esté dentro de otro más largo.
def vocabulary_lint(text: str, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(línea, texto encontrado, id) de cada alias del glosario que aparece en `text`."""
    findings: list[tuple[int, str, str]] = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        prose = re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line)
        hits: list[tuple[int, str, str]] = []
        for record in records:
            for alias in record["aliases"]:
                pattern = rf"(?<!\w){re.escape(str(alias))}(?!\w)"
                for match in re.finditer(pattern, prose, re.IGNORECASE):
                    hits.append((match.start(), line[match.start() : match.end()], str(record["id"])))
        findings.extend((number, found, term_id) for _, found, term_id in sorted(hits))
    return findings

# %% mutant: linter-orden-de-alias | cell: linter | breaks: R3
# Resuelve los solapes, pero devuelve los hallazgos de cada línea en el orden de los alias.
def vocabulary_lint(text: str, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(línea, texto encontrado, id) de cada alias del glosario que aparece en `text`."""
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
        for alias, term_id in aliases:
            for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", prose, re.IGNORECASE):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                findings.append((number, line[match.start() : match.end()], term_id))
    return findings

# %% mutant: previos-solo-directos | cell: previos | breaks: R1
# Devuelve solo los relacionados directos que se enseñan antes, sin seguir sus relacionados.
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
    by_id = {str(record["id"]): record for record in records}
    if term_id not in by_id:
        raise ValueError(f"«{term_id}» no es un término del glosario.")

    def first(record: dict[str, object]) -> str:
        modules = list(record["modules"])
        return min(modules) if modules else "~"

    limit = first(by_id[term_id])
    found: list[str] = []
    for related in by_id[term_id]["related"]:
        if related not in by_id:
            raise ValueError(f"«{term_id}» se relaciona con «{related}», que no existe.")
        if related not in found and first(by_id[related]) < limit:
            found.append(related)
    return sorted(found, key=lambda i: (first(by_id[i]), i))

# %% mutant: previos-sigue-posteriores | cell: previos | breaks: R1
# Recorre todo lo alcanzable y solo al final filtra por módulo: pasa por términos posteriores.
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
    by_id = {str(record["id"]): record for record in records}
    if term_id not in by_id:
        raise ValueError(f"«{term_id}» no es un término del glosario.")

    def first(record: dict[str, object]) -> str:
        modules = list(record["modules"])
        return min(modules) if modules else "~"

    limit = first(by_id[term_id])
    seen = {term_id}
    queue = deque([term_id])
    while queue:
        current = queue.popleft()
        for related in by_id[current]["related"]:
            if related not in by_id:
                raise ValueError(f"«{current}» se relaciona con «{related}», que no existe.")
            if related not in seen:
                seen.add(related)
                queue.append(related)
    found = [i for i in seen if i != term_id and first(by_id[i]) < limit]
    return sorted(found, key=lambda i: (first(by_id[i]), i))

# %% mutant: previos-primer-modulo-de-la-lista | cell: previos | breaks: R1
# Toma como primer módulo el primero de la lista, no el menor de los slugs.
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
    by_id = {str(record["id"]): record for record in records}
    if term_id not in by_id:
        raise ValueError(f"«{term_id}» no es un término del glosario.")

    def first(record: dict[str, object]) -> str:
        modules = list(record["modules"])
        return modules[0] if modules else "~"

    limit = first(by_id[term_id])
    seen = {term_id}
    queue = deque([term_id])
    found: list[str] = []
    while queue:
        current = queue.popleft()
        for related in by_id[current]["related"]:
            if related not in by_id:
                raise ValueError(f"«{current}» se relaciona con «{related}», que no existe.")
            if related in seen:
                continue
            seen.add(related)
            if first(by_id[related]) < limit:
                found.append(related)
                queue.append(related)
    return sorted(found, key=lambda i: (first(by_id[i]), i))

# %% mutant: previos-recursivo-sin-visitados | cell: previos | breaks: R2
# Recursión sin conjunto de visitados: en un ciclo entre previos no termina (RecursionError).
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
    by_id = {str(record["id"]): record for record in records}
    if term_id not in by_id:
        raise ValueError(f"«{term_id}» no es un término del glosario.")

    def first(record: dict[str, object]) -> str:
        modules = list(record["modules"])
        return min(modules) if modules else "~"

    limit = first(by_id[term_id])

    def walk(current: str) -> list[str]:
        out: list[str] = []
        for related in by_id[current]["related"]:
            if related not in by_id:
                raise ValueError(f"«{current}» se relaciona con «{related}», que no existe.")
            if first(by_id[related]) < limit:
                out.append(related)
                out.extend(walk(related))
        return out

    return sorted(set(walk(term_id)), key=lambda i: (first(by_id[i]), i))

# %% mutant: previos-orden-de-recorrido | cell: previos | breaks: R2
# Devuelve los previos en el orden en que los encuentra, sin ordenar por módulo.
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
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
                raise ValueError(f"«{current}» se relaciona con «{related}», que no existe.")
            if related in seen:
                continue
            seen.add(related)
            if first(by_id[related]) < limit:
                found.append(related)
                queue.append(related)
    return found

# %% mutant: previos-keyerror | cell: previos | breaks: R3
# No valida el id pedido: un término desconocido termina en KeyError sin explicación.
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
    by_id = {str(record["id"]): record for record in records}

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
                raise ValueError(f"«{current}» se relaciona con «{related}», que no existe.")
            if related in seen:
                continue
            seen.add(related)
            if first(by_id[related]) < limit:
                found.append(related)
                queue.append(related)
    return sorted(found, key=lambda i: (first(by_id[i]), i))

# %% mutant: previos-ignora-colgantes | cell: previos | breaks: R3
# Salta en silencio los relacionados que no existen: la lista parece completa y no lo es.
def prerequisites(term_id: str, records: list[dict[str, object]]) -> list[str]:
    """Términos enseñados antes que `term_id` y alcanzables por sus relacionados."""
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
            if related not in by_id or related in seen:
                continue
            seen.add(related)
            if first(by_id[related]) < limit:
                found.append(related)
                queue.append(related)
    return sorted(found, key=lambda i: (first(by_id[i]), i))
