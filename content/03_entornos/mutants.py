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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not req.url and not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        exact = any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier)
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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
        if not any(s.operator == "===" or (s.operator == "==" and "*" not in s.version) for s in req.specifier):
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

# %% mutant: uv-cache-global | cell: uvlock | breaks: R1
# Olvida UV_CACHE_DIR: uv usa la caché global del usuario, fuera del proyecto.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }


# %% mutant: uv-ignora-fallo | cell: uvlock | breaks: R2
# No mira el código de salida de uv: si el lock no se puede resolver, devuelve lo que haya.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    uv_offline(project_dir, index, "lock")
    if not (project_dir / "uv.lock").is_file():
        return {}
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }


# %% mutant: uv-ignora-hashes | cell: uvlock | breaks: R3
# Confía en la versión fijada y no mira los hashes: un wheel sin sha256 pasa.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files:
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }


# %% mutant: uv-acepta-fuera-de-rango | cell: uvlock | breaks: R4
# Solo comprueba que cada dependencia declarada esté en el lock, no que su versión cumpla el rango.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked:
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }


# %% mutant: uv-acepta-otro-indice | cell: uvlock | breaks: R5
# Solo exige que haya un registry, sin comprobar que sea el índice interno.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None:
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }


# %% mutant: uv-confia-en-lock-viejo | cell: uvlock | breaks: R6
# No ejecuta uv lock --check: un lock hecho con la declaración anterior pasa si las versiones aún caben.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if not lock.get("package"):
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }


# %% mutant: uv-sync-sin-frozen | cell: uvlock | breaks: R8
# Instala con uv sync a secas: si la declaración cambió, uv vuelve a bloquear y reescribe uv.lock.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return problems


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }

# %% mutant: uv-hallazgos-texto | cell: uvlock | breaks: R7
# Devuelve solo los mensajes (una lista de cadenas): la CI no puede filtrar por tipo ni paquete.
def uv_offline(project_dir: Path, index: Path, *args: str, project_env: Path | None = None):
    """Ejecuta `uv <args>` sin red contra el índice local, con la caché dentro del proyecto."""
    project_dir = Path(project_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_")}
    env["UV_CACHE_DIR"] = str(project_dir / ".uv-cache")
    if project_env is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(project_env)
    command = [find_uv(), *args, "--offline", "--no-config"]
    command += ["--index-url", Path(index).resolve().as_uri(), "--python", sys.executable]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def lock_offline(project_dir: Path, index: Path) -> dict:
    """Ejecuta uv lock sin red contra el índice local y devuelve el uv.lock leído con tomllib."""
    project_dir = Path(project_dir)
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"{project_dir} no tiene pyproject.toml: no hay nada que bloquear.")
    done = uv_offline(project_dir, index, "lock")
    if done.returncode != 0:
        raise RuntimeError(f"uv lock falló:\n{done.stderr.strip()}")
    return tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))


def lock_problems(project_dir: Path, index: Path) -> list[dict]:
    """Comprueba uv.lock: hashes, rangos declarados, origen y que esté al día."""
    project_dir = Path(project_dir)
    project = tomllib.loads((project_dir / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((project_dir / "uv.lock").read_text(encoding="utf-8"))
    problems = []
    locked = {}
    for package in lock.get("package", []):
        name = canonicalize_name(package["name"])
        source = package.get("source", {})
        if "virtual" in source or "editable" in source:
            continue
        locked[name] = package["version"]
        registry = source.get("registry")
        if registry is None or (project_dir / registry).resolve() != Path(index).resolve():
            problems.append(
                {
                    "kind": "origen",
                    "package": name,
                    "message": f"{name} viene de {source}, no del índice interno: bloquea solo "
                    "contra el índice del equipo.",
                }
            )
        files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
        if not files or any(not str(f.get("hash", "")).startswith("sha256:") for f in files):
            problems.append(
                {
                    "kind": "sin_hash",
                    "package": name,
                    "message": f"{name}: hay archivos sin hash sha256 en el lock; sin hash, un "
                    "wheel cambiado en el índice se instala sin aviso. Vuelve a bloquear.",
                }
            )
    for text in project["project"].get("dependencies", []):
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in locked or not req.specifier.contains(locked[name], prereleases=True):
            problems.append(
                {
                    "kind": "fuera_de_rango",
                    "package": name,
                    "message": f"{name} {locked.get(name, '(no está en el lock)')} no cumple lo "
                    f"declarado ({text}): vuelve a ejecutar uv lock.",
                }
            )
    if uv_offline(project_dir, index, "lock", "--check").returncode != 0:
        problems.append(
            {
                "kind": "desactualizado",
                "package": None,
                "message": "uv.lock no corresponde al pyproject.toml actual (uv lock --check "
                "falla): ejecuta uv lock y sube el lock nuevo.",
            }
        )
    return [problem["message"] for problem in problems]


def sync_frozen(project_dir: Path, index: Path, env_dir: Path) -> dict[str, str]:
    """Instala uv.lock tal cual (uv sync --frozen) en env_dir y devuelve {paquete: versión}."""
    env_dir = Path(env_dir).resolve()
    done = uv_offline(project_dir, index, "sync", "--frozen", project_env=env_dir)
    if done.returncode != 0:
        raise RuntimeError(f"uv sync --frozen falló:\n{done.stderr.strip()}")
    site_dirs = [
        str(p)
        for p in [*env_dir.glob("lib*/python*/site-packages"), *env_dir.glob("Lib/site-packages")]
    ]
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions(path=site_dirs)
    }

