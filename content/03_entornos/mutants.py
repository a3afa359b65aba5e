# %% mutant: pin-ignora-url | cell: pin | breaks: R1
# Olvida las URL directas: «churn-model @ https://…» no tiene versión y sale «libre».
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    specs = list(req.specifier)
    if not specs:
        return "libre"
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-especificador-none | cell: pin | breaks: R2
# Busca «sin especificador» con `req.specifier is None`, pero packaging siempre da un SpecifierSet
# (vacío): «pandas» no sale «libre» sino «sin_suelo».
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    if req.specifier is None:
        return "libre"
    specs = list(req.specifier)
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-comodin-exacto | cell: pin | breaks: R3
# Trata cualquier == como versión exacta, también ==3.* (que es un rango de 3.0 a <4).
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    specs = list(req.specifier)
    if not specs:
        return "libre"
    if any(spec.operator in {"==", "==="} for spec in specs):
        return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-compatible-con-varios | cell: pin | breaks: R4
# Da «compatible» en cuanto ve un ~=, aunque haya más especificadores: «pandas~=3.1,!=3.1.0» es
# «acotada».
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    specs = list(req.specifier)
    if not specs:
        return "libre"
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if any(spec.operator == "~=" for spec in specs):
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-cuenta-especificadores | cell: pin | breaks: R5
# Cree que dos especificadores ya acotan: «>=2.2,!=2.2.1» sale «acotada» aunque no tiene techo.
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    specs = list(req.specifier)
    if not specs:
        return "libre"
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    if len(specs) >= 2 or specs[0].operator == "==":
        return "acotada"
    return "sin_techo" if specs[0].operator in {">=", ">"} else "sin_suelo"

# %% mutant: pin-distinto-es-libre | cell: pin | breaks: R6
# Como «!= no acota nada», descarta los != antes de mirar: «numpy!=2.0.0» se queda sin
# especificadores y sale «libre» en vez de «sin_suelo».
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    all_specs = list(req.specifier)
    specs = [spec for spec in all_specs if spec.operator != "!="]
    if not specs:
        return "libre"
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if len(all_specs) == 1 and all_specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-busca-en-texto | cell: pin | breaks: R7
# Busca «==» en el texto del requisito en vez de en req.specifier: el `==` de un marcador
# (`python_version == "3.11"`) lo convierte en «exacta».
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    specs = list(req.specifier)
    if not specs:
        return "libre"
    if "===" in requirement or ("==" in requirement and ".*" not in requirement):
        return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-convierte-a-texto | cell: pin | breaks: R8
# Quiere ser tolerante y convierte la entrada con str(): pin_strategy(None) analiza «None» (un
# nombre de paquete válido) y devuelve «libre» en vez de lanzar TypeError.
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    requirement = str(requirement)
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    specs = list(req.specifier)
    if not specs:
        return "libre"
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: pin-vacio-libre | cell: pin | breaks: R9
# Trata la cadena vacía como «sin especificador» y devuelve «libre»: no es un requisito válido.
def pin_strategy(requirement: str) -> str:
    """Devuelve la estrategia de fijado de un requisito PEP 508 (ver reglas del enunciado)."""
    if not isinstance(requirement, str):
        raise TypeError("requirement debe ser una cadena PEP 508.")
    if not requirement.strip():
        return "libre"
    try:
        req = Requirement(requirement)
    except InvalidRequirement as err:
        raise ValueError(f"{requirement!r} no es un requisito PEP 508 válido: {err}") from err
    if req.url:
        return "directa"
    specs = list(req.specifier)
    if not specs:
        return "libre"
    for spec in specs:
        if spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*")):
            return "exacta"
    if len(specs) == 1 and specs[0].operator == "~=":
        return "compatible"
    has_lower = any(spec.operator in {">=", ">", "~=", "=="} for spec in specs)
    has_upper = any(spec.operator in {"<", "<=", "~=", "=="} for spec in specs)
    if has_lower and has_upper:
        return "acotada"
    return "sin_techo" if has_lower else "sin_suelo"

# %% mutant: audit-nombres-crudos | cell: audit | breaks: R1, R5
# Compara y devuelve los nombres tal cual: «Scikit_Learn» y «scikit-learn» parecen paquetes
# distintos.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = req.name
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-comentario-split | cell: audit | breaks: R2
# Quita los comentarios con split("#"): también corta un # pegado al requisito, y
# «numpy==2.4.6#cálculo» (inválida) pasa por una línea fijada.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#")[0].strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-salta-opciones-pip | cell: audit | breaks: R3
# Sabe que pip acepta opciones como «-r base.txt» y las salta en silencio, pero el enunciado pide
# marcarlas como inválidas.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line or line.startswith("-"):
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-url-fijada | cell: audit | breaks: R4
# Cree que una URL a un wheel concreto ya fija la versión: acepta «directa» igual que «exacta».
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) not in {"exacta", "directa"}:
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-ignora-marcadores | cell: audit | breaks: R5
# No distingue marcadores: numpy para Python < 3.12 y para >= 3.12 sale duplicada y en conflicto.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        earlier = seen.setdefault(name, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-marcador-texto | cell: audit | breaks: R5
# Compara el texto que va tras el «;» en vez de str(req.marker): el mismo marcador escrito con
# otros espacios o comillas no se reconoce y el duplicado pasa sin aviso.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, line.split(";", 1)[1].strip() if ";" in line else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-conflicto-solo-exactas | cell: audit | breaks: R6
# Solo ve conflicto entre dos == distintos: «numpy==2.4.6» frente a «numpy<2» pasa sin aviso.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        exact = pin_strategy(line) == "exacta"
        if not exact:
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec, was_exact in earlier
                       if exact and was_exact and spec != req.specifier]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier, exact))
    return findings

# %% mutant: audit-conflicto-solo-ultima | cell: audit | breaks: R6
# Guarda en un diccionario solo el último especificador de cada paquete: «numpy==2.4.6» tras
# «numpy<2» y «numpy>=1.26» se compara con la línea 2 y el choque con la 1 pasa sin aviso.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    first_line = {}
    last_spec = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        if key in first_line:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {first_line[key]}."})
            if (last_spec[key] & req.specifier).is_unsatisfiable():
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con una línea anterior."})
        first_line.setdefault(key, number)
        last_spec[key] = req.specifier
    return findings

# %% mutant: audit-dos-pasadas | cell: audit | breaks: R7
# Recorre el archivo dos veces (primero líneas sueltas, después duplicados) y devuelve los hallazgos
# en ese orden, no por número de línea.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    parsed = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        parsed.append((number, name, req))
    seen = {}
    for number, name, req in parsed:
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: audit-acepta-lineas | cell: audit | breaks: R8
# Quiere ser tolerante y acepta también una lista de líneas (la une con saltos de línea) en vez de
# lanzar TypeError.
def audit_requirements(text: str) -> list[dict]:
    """Audita el contenido de un requirements.txt y devuelve los hallazgos (ver enunciado)."""
    if isinstance(text, (list, tuple)):
        text = "\n".join(text)
    if not isinstance(text, str):
        raise TypeError("text debe ser el contenido del archivo (str).")
    findings = []
    seen = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for position, char in enumerate(raw):
            if char == "#" and (position == 0 or raw[position - 1] in " \t"):
                line = raw[:position]
                break
        line = line.strip()
        if not line:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as err:
            findings.append({"line": number, "kind": "invalida", "package": None,
                             "message": f"Línea {number}: {line!r} no es PEP 508 ({err})."})
            continue
        name = canonicalize_name(req.name)
        if pin_strategy(line) != "exacta":
            findings.append({"line": number, "kind": "sin_fijar", "package": name,
                             "message": f"{name} no está fijado con ==."})
        key = (name, str(req.marker) if req.marker else "")
        earlier = seen.setdefault(key, [])
        if earlier:
            findings.append({"line": number, "kind": "duplicada", "package": name,
                             "message": f"{name} ya aparece en la línea {earlier[0][0]}."})
            clashes = [n for n, spec in earlier if (spec & req.specifier).is_unsatisfiable()]
            if clashes:
                findings.append({"line": number, "kind": "conflicto", "package": name,
                                 "message": f"{name} es incompatible con la línea {clashes[0]}."})
        earlier.append((number, req.specifier))
    return findings

# %% mutant: pyproject-estilo-poetry | cell: pyproject | breaks: R1, R5
# Costumbre de Poetry 1: las herramientas de desarrollo en «dev-dependencies» dentro de [project].
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = ">=3.11,<3.14"
dependencies = ["numpy>=2.0,<3", "pandas>=2.2,<4", "scikit-learn>=1.5,<2"]
dev-dependencies = ["pytest>=8,<10", "ruff>=0.5,<1", "mypy>=1.10,<3"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: pyproject-setuptools-sin-techo | cell: pyproject | breaks: R2
# Copia el [build-system] de la plantilla de siempre: «setuptools>=61» sin cota superior.
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = ">=3.11,<3.14"
dependencies = ["numpy>=2.0,<3", "pandas>=2.2,<4", "scikit-learn>=1.5,<2"]

[project.optional-dependencies]
dev = ["pytest>=8,<10", "ruff>=0.5,<1", "mypy>=1.10,<3"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: pyproject-python-solo-actual | cell: pyproject | breaks: R3
# Acota Python a la versión de este cuaderno (~=3.11.0, es decir, >=3.11.0,<3.12): deja fuera
# Python 3.12.
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = "~=3.11.0"
dependencies = ["numpy>=2.0,<3", "pandas>=2.2,<4", "scikit-learn>=1.5,<2"]

[project.optional-dependencies]
dev = ["pytest>=8,<10", "ruff>=0.5,<1", "mypy>=1.10,<3"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: pyproject-sin-techo | cell: pyproject | breaks: R3, R4, R5
# Válido para el esquema, pero con cotas solo inferiores: la próxima versión mayor entra sin probarla.
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = ">=3.11"
dependencies = ["numpy>=2.0", "pandas>=2.2", "scikit-learn>=1.5"]

[project.optional-dependencies]
dev = ["pytest>=8", "ruff>=0.5", "mypy>=1.10"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: pyproject-pandas-2 | cell: pyproject | breaks: R4
# Copiado de un proyecto antiguo: «pandas<3» excluye la versión instalada en este entorno.
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = ">=3.11,<3.14"
dependencies = ["numpy>=1.26,<3", "pandas>=2.2,<3", "scikit-learn>=1.5,<2"]

[project.optional-dependencies]
dev = ["pytest>=8,<10", "ruff>=0.5,<1", "mypy>=1.10,<3"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: pyproject-grupo-dev | cell: pyproject | breaks: R5
# Usa la opción moderna de la §7, un grupo «dev» en [dependency-groups] (PEP 735), en vez del extra
# que pide el enunciado: no hay [project.optional-dependencies].
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = ">=3.11,<3.14"
dependencies = ["numpy>=2.0,<3", "pandas>=2.2,<4", "scikit-learn>=1.5,<2"]

[dependency-groups]
dev = ["pytest>=8,<10", "ruff>=0.5,<1", "mypy>=1.10,<3"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: pyproject-ruff-en-lint | cell: pyproject | breaks: R6
# Pone line-length en [tool.ruff.lint], donde ruff no la lee: [tool.ruff] queda sin line-length.
CHURN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77,<81"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-model"
version = "0.1.0"
description = "Modelo de churn"
requires-python = ">=3.11,<3.14"
dependencies = ["numpy>=2.0,<3", "pandas>=2.2,<4", "scikit-learn>=1.5,<2"]

[project.optional-dependencies]
dev = ["pytest>=8,<10", "ruff>=0.5,<1", "mypy>=1.10,<3"]

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.ruff.lint]
line-length = 100

[tool.mypy]
strict = true
"""

# %% mutant: probe-solo-path | cell: probe | breaks: R1
# Comprueba isinstance(env_dir, Path) y nada más: una ruta escrita como str da TypeError.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, Path):
        raise TypeError("env_dir debe ser un Path.")
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-borra-sin-mirar | cell: probe | breaks: R2
# No valida la carpeta: clear=True vacía una carpeta con datos que no era un entorno virtual.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-rechaza-carpeta-vacia | cell: probe | breaks: R2
# Rechaza cualquier carpeta existente sin pyvenv.cfg, también una vacía, que es un destino válido.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} existe y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-site-sistema | cell: probe | breaks: R3
# Crea el entorno con system_site_packages=True: ve el site-packages del Python base.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False, clear=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-sin-clear | cell: probe | breaks: R3
# Olvida clear=True: la segunda llamada reutiliza el entorno anterior con lo que tuviera dentro.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-con-pip | cell: probe | breaks: R3
# Crea el entorno con with_pip=True «para poder instalar cosas»: tarda segundos en vez de
# milisegundos y el entorno ya no nace vacío.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-sin-aislar | cell: probe | breaks: R4
# Ejecuta la sonda sin -I: si PYTHONPATH apunta al curso, el entorno «aislado» ve mlops_course.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-entorno-vacio | cell: probe | breaks: R4
# En vez de -I, vacía las variables de entorno (env={}) para que PYTHONPATH no se cuele: el
# intérprete sigue añadiendo la carpeta actual a sys.path y ve lo que haya en ella.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-c", code], env={}, capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = str(python)
    return facts

# %% mutant: probe-devuelve-path | cell: probe | breaks: R5
# Devuelve la ruta del intérprete como Path en vez de str: el resultado ya no se puede guardar en
# JSON.
def probe_venv(env_dir) -> dict:
    """Crea un entorno virtual en env_dir y devuelve lo que su intérprete dice de sí mismo."""
    if not isinstance(env_dir, (str, Path)):
        raise TypeError("env_dir debe ser str o Path.")
    env_dir = Path(env_dir)
    if env_dir.exists():
        if not env_dir.is_dir():
            raise ValueError(f"{env_dir} no es una carpeta.")
        if any(env_dir.iterdir()) and not (env_dir / "pyvenv.cfg").is_file():
            raise ValueError(f"{env_dir} no está vacía y no es un entorno virtual.")
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    code = (
        "import importlib.util, json, site, sys\n"
        "print(json.dumps({'prefix': sys.prefix, 'base_prefix': sys.base_prefix,"
        " 'site_packages': site.getsitepackages(),"
        " 'course_importable': importlib.util.find_spec('mlops_course') is not None}))"
    )
    out = subprocess.run([str(python), "-I", "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout)
    facts["python"] = python
    return facts
