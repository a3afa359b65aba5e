# %% mutant: pin-comodin-exacto | cell: pin
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

# %% mutant: pin-cuenta-especificadores | cell: pin
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

# %% mutant: pin-ignora-url | cell: pin
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

# %% mutant: audit-nombres-crudos | cell: audit
# Compara los nombres tal cual: «Scikit_Learn» y «scikit-learn» parecen paquetes distintos.
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

# %% mutant: audit-ignora-marcadores | cell: audit
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

# %% mutant: audit-conflicto-solo-exactas | cell: audit
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

# %% mutant: pyproject-estilo-poetry | cell: pyproject
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

# %% mutant: pyproject-sin-techo | cell: pyproject
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

# %% mutant: pyproject-pandas-2 | cell: pyproject
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

# %% mutant: probe-sin-aislar | cell: probe
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

# %% mutant: probe-site-sistema | cell: probe
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

# %% mutant: probe-borra-sin-mirar | cell: probe
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
