# %% mutant: secciones-orden-de-aparicion | cell: secciones | breaks: R1
# Devuelve las secciones en el orden en que aparecen en el texto, no en el del seed.
import re


def adr_sections(text: str) -> dict[str, str]:
    """Devuelve las secciones del ADR `text` (nombre en mayúsculas → contenido), en orden del seed."""
    heading = re.compile(
        r"^\s*#*\s*(?P<name>" + "|".join(SECTIONS) + r")\s*(?::(?P<rest>.*))?$", re.IGNORECASE
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
    return {name: "\n".join(lines).strip() for name, lines in found.items()}

# %% mutant: secciones-sin-strip | cell: secciones | breaks: R1
# Olvida quitar las líneas en blanco que separan una sección de la siguiente.
import re


def adr_sections(text: str) -> dict[str, str]:
    """Devuelve las secciones del ADR `text` (nombre en mayúsculas → contenido), en orden del seed."""
    heading = re.compile(
        r"^\s*#*\s*(?P<name>" + "|".join(SECTIONS) + r")\s*(?::(?P<rest>.*))?$", re.IGNORECASE
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
    return {name: "\n".join(found[name]) for name in SECTIONS if name in found}

# %% mutant: secciones-solo-dos-puntos | cell: secciones | breaks: R2
# Solo reconoce la forma del seed, «CONTEXTO:» sola en su línea y en mayúsculas.
def adr_sections(text: str) -> dict[str, str]:
    """Devuelve las secciones del ADR `text` (nombre en mayúsculas → contenido), en orden del seed."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        name = line.strip().removesuffix(":")
        if line.strip().endswith(":") and name in SECTIONS:
            current = found.setdefault(name, [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(found[name]).strip() for name in SECTIONS if name in found}

# %% mutant: secciones-startswith | cell: secciones | breaks: R3
# Toma como encabezado cualquier línea que empiece por el nombre («Contextos de uso» incluida).
def adr_sections(text: str) -> dict[str, str]:
    """Devuelve las secciones del ADR `text` (nombre en mayúsculas → contenido), en orden del seed."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        bare = line.strip().lstrip("#").strip()
        name = next((s for s in SECTIONS if bare.upper().startswith(s)), None)
        if name is not None:
            current = found.setdefault(name, [])
            rest = bare[len(name):].lstrip(":").strip()
            if rest:
                current.append(rest)
        elif current is not None:
            current.append(line)
    return {name: "\n".join(found[name]).strip() for name in SECTIONS if name in found}

# %% mutant: citas-distingue-mayusculas | cell: citas | breaks: R1
# Compara las herramientas tal cual: «mlflow» no encuentra «MLflow».
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    by_id = {str(record["id"]): record for record in records}
    cited: set[str] = set()
    for record in records:
        if not set(tools) & set(record.get("tools") or []):
            continue
        current, seen = record, {str(record["id"])}
        while current["status"] == "Reemplazado":
            successor = current.get("superseded_by")
            if not successor or successor not in by_id or successor in seen:
                raise ValueError(f"Cadena de reemplazos rota en {current['id']} ({successor}).")
            seen.add(str(successor))
            current = by_id[str(successor)]
        if current["status"] in ("Aceptado", "Propuesto"):
            cited.add(str(current["id"]))
    return sorted(cited)

# %% mutant: citas-incluye-obsoletos | cell: citas | breaks: R1
# Cita todo lo que no está reemplazado, también los obsoletos.
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    wanted = {tool.lower() for tool in tools}
    by_id = {str(record["id"]): record for record in records}
    cited: set[str] = set()
    for record in records:
        if not wanted & {str(tool).lower() for tool in record.get("tools") or []}:
            continue
        current, seen = record, {str(record["id"])}
        while current["status"] == "Reemplazado":
            successor = current.get("superseded_by")
            if not successor or successor not in by_id or successor in seen:
                raise ValueError(f"Cadena de reemplazos rota en {current['id']} ({successor}).")
            seen.add(str(successor))
            current = by_id[str(successor)]
        cited.add(str(current["id"]))
    return sorted(cited)

# %% mutant: citas-un-solo-salto | cell: citas | breaks: R2
# Sigue un solo paso de la cadena: A → B, aunque B también esté reemplazado.
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    wanted = {tool.lower() for tool in tools}
    by_id = {str(record["id"]): record for record in records}
    cited: set[str] = set()
    for record in records:
        if not wanted & {str(tool).lower() for tool in record.get("tools") or []}:
            continue
        if record["status"] == "Reemplazado":
            successor = record.get("superseded_by")
            if not successor or successor not in by_id or successor == record["id"]:
                raise ValueError(f"Reemplazo roto en {record['id']} ({successor}).")
            record = by_id[str(successor)]
        if record["status"] in ("Aceptado", "Propuesto"):
            cited.add(str(record["id"]))
    return sorted(cited)

# %% mutant: citas-cita-reemplazados | cell: citas | breaks: R2
# Cita el ADR reemplazado en lugar del que lo reemplaza.
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    wanted = {tool.lower() for tool in tools}
    return sorted(
        {
            str(record["id"])
            for record in records
            if record["status"] in ("Aceptado", "Propuesto", "Reemplazado")
            and wanted & {str(tool).lower() for tool in record.get("tools") or []}
        }
    )

# %% mutant: citas-keyerror | cell: citas | breaks: R3
# Confía en que cada superseded_by existe: un id desconocido da KeyError.
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    wanted = {tool.lower() for tool in tools}
    by_id = {str(record["id"]): record for record in records}
    cited: set[str] = set()
    for record in records:
        if not wanted & {str(tool).lower() for tool in record.get("tools") or []}:
            continue
        current, seen = record, {str(record["id"])}
        while current["status"] == "Reemplazado":
            successor = str(current.get("superseded_by"))
            if successor in seen:
                raise ValueError(f"Ciclo de reemplazos en {successor}.")
            seen.add(successor)
            current = by_id[successor]
        if current["status"] in ("Aceptado", "Propuesto"):
            cited.add(str(current["id"]))
    return sorted(cited)

# %% mutant: citas-ciclo-silencioso | cell: citas | breaks: R3
# Corta la cadena tras tantos pasos como registros y no dice nada: el ciclo pasa desapercibido.
def adrs_to_cite(tools: list[str], records: list[dict[str, object]]) -> list[str]:
    """Ids (ordenados) de los ADR vigentes que debe citar un ADR nuevo sobre `tools`."""
    wanted = {tool.lower() for tool in tools}
    by_id = {str(record["id"]): record for record in records}
    cited: set[str] = set()
    for record in records:
        if not wanted & {str(tool).lower() for tool in record.get("tools") or []}:
            continue
        current = record
        for _ in range(len(records)):
            if current["status"] != "Reemplazado":
                break
            successor = current.get("superseded_by")
            if not successor or successor not in by_id:
                raise ValueError(f"{current['id']}: su reemplazo {successor} no existe.")
            current = by_id[str(successor)]
        if current["status"] in ("Aceptado", "Propuesto"):
            cited.add(str(current["id"]))
    return sorted(cited)
