# %% mutant: parse-ignora-pie | cell: parse
# Solo mira el '!' de la cabecera: un pie BREAKING CHANGE no marca el commit como incompatible.
def parse_commit(message: str) -> dict:
    """Analiza un mensaje Conventional Commits: devuelve type, scope, breaking y description."""
    if not isinstance(message, str):
        raise TypeError("El mensaje debe ser un str.")
    lines = message.rstrip().splitlines()
    if not lines or not lines[0].strip():
        raise ValueError("Mensaje vacío.")
    header = lines[0]
    match = re.match(
        r"^(?P<type>\w+)(?:\((?P<scope>[^\s()]+)\))?(?P<bang>!)?: (?P<description>.*\S.*)$", header
    )
    if match is None or match["type"] not in COMMIT_TYPES:
        raise ValueError(f"Cabecera no convencional: {header!r}.")
    if len(lines) > 1 and lines[1].strip():
        raise ValueError(f"Falta la línea en blanco tras {header!r}.")
    return {
        "type": match["type"],
        "scope": match["scope"],
        "breaking": match["bang"] is not None,
        "description": match["description"].strip(),
    }

# %% mutant: parse-cualquier-tipo | cell: parse
# Acepta cualquier palabra como tipo ('feature', 'Feat'), y busca BREAKING CHANGE en todo el mensaje.
def parse_commit(message: str) -> dict:
    """Analiza un mensaje Conventional Commits: devuelve type, scope, breaking y description."""
    if not isinstance(message, str):
        raise TypeError("El mensaje debe ser un str.")
    lines = message.rstrip().splitlines()
    if not lines:
        raise ValueError("Mensaje vacío.")
    header = lines[0]
    match = re.match(
        r"^(?P<type>\w+)(?:\((?P<scope>[^\s()]+)\))?(?P<bang>!)?: (?P<description>.*\S.*)$", header
    )
    if match is None:
        raise ValueError(f"Cabecera no convencional: {header!r}.")
    if len(lines) > 1 and lines[1].strip():
        raise ValueError(f"Falta la línea en blanco tras {header!r}.")
    return {
        "type": match["type"],
        "scope": match["scope"],
        "breaking": match["bang"] is not None or "BREAKING CHANGE:" in message,
        "description": match["description"].strip(),
    }

# %% mutant: parse-split-ingenuo | cell: parse
# Parte la cabecera por ':' sin regex: no valida el espacio, ni el ámbito, ni el cuerpo pegado.
def parse_commit(message: str) -> dict:
    """Analiza un mensaje Conventional Commits: devuelve type, scope, breaking y description."""
    if not isinstance(message, str):
        raise TypeError("El mensaje debe ser un str.")
    header = message.strip().splitlines()[0] if message.strip() else ""
    if ":" not in header:
        raise ValueError(f"Cabecera no convencional: {header!r}.")
    prefix, description = header.split(":", 1)
    breaking = prefix.endswith("!")
    prefix = prefix.rstrip("!")
    scope = None
    if "(" in prefix:
        prefix, scope = prefix.split("(", 1)
        scope = scope.rstrip(")")
    if prefix not in COMMIT_TYPES or not description.strip():
        raise ValueError(f"Cabecera no convencional: {header!r}.")
    footer = any(
        line.startswith(("BREAKING CHANGE:", "BREAKING-CHANGE:")) for line in message.splitlines()[1:]
    )
    return {"type": prefix, "scope": scope, "breaking": breaking or footer, "description": description.strip()}

# %% mutant: version-sin-reset | cell: version
# Sube el número correcto pero no pone a 0 los de su derecha (1.4.2 + feat → 1.5.2).
def next_version(current: str, messages: list[str]) -> str:
    """Siguiente versión SemVer ("MAJOR.MINOR.PATCH") tras los commits de `messages`."""
    if not isinstance(current, str):
        raise TypeError("current debe ser un str.")
    if isinstance(messages, str) or not isinstance(messages, (list, tuple)):
        raise TypeError("messages debe ser una lista.")
    semver = re.fullmatch(r"v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", current)
    if semver is None:
        raise ValueError(f"Versión no válida {current!r}.")
    major, minor, patch = (int(n) for n in semver.groups())
    commits = [parse_commit(m) for m in messages]
    if any(c["breaking"] for c in commits):
        return f"{major + 1}.{minor}.{patch}"
    if any(c["type"] == "feat" for c in commits):
        return f"{major}.{minor + 1}.{patch}"
    if any(c["type"] in ("fix", "perf") for c in commits):
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"

# %% mutant: version-acumula | cell: version
# Aplica una subida por cada commit, en orden: dos feat suben el MINOR dos veces.
def next_version(current: str, messages: list[str]) -> str:
    """Siguiente versión SemVer ("MAJOR.MINOR.PATCH") tras los commits de `messages`."""
    if not isinstance(current, str):
        raise TypeError("current debe ser un str.")
    if isinstance(messages, str) or not isinstance(messages, (list, tuple)):
        raise TypeError("messages debe ser una lista.")
    semver = re.fullmatch(r"v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", current)
    if semver is None:
        raise ValueError(f"Versión no válida {current!r}.")
    major, minor, patch = (int(n) for n in semver.groups())
    for message in messages:
        commit = parse_commit(message)
        if commit["breaking"]:
            major, minor, patch = major + 1, 0, 0
        elif commit["type"] == "feat":
            minor, patch = minor + 1, 0
        elif commit["type"] in ("fix", "perf"):
            patch += 1
    return f"{major}.{minor}.{patch}"

# %% mutant: version-split-puntos | cell: version
# Valida la versión con split('.') e int(): acepta '01.2.3' y ' 1.2.3', y un str suelto como lista.
def next_version(current: str, messages: list[str]) -> str:
    """Siguiente versión SemVer ("MAJOR.MINOR.PATCH") tras los commits de `messages`."""
    if not isinstance(current, str):
        raise TypeError("current debe ser un str.")
    parts = current.lstrip("v").split(".")
    if len(parts) != 3:
        raise ValueError(f"Versión no válida {current!r}.")
    try:
        major, minor, patch = (int(p) for p in parts)
    except ValueError:
        raise ValueError(f"Versión no válida {current!r}.") from None
    commits = [parse_commit(m) for m in messages]
    if any(c["breaking"] for c in commits):
        return f"{major + 1}.0.0"
    if any(c["type"] == "feat" for c in commits):
        return f"{major}.{minor + 1}.0"
    if any(c["type"] in ("fix", "perf") for c in commits):
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"

# %% mutant: hook-no-ejecutable | cell: hook
# Escribe el script pero olvida hacerlo ejecutable: git lo ignora y el commit entra.
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    git_dir = Path(repo) / ".git"
    if not git_dir.is_dir():
        raise ValueError(f"{repo} no es un repositorio git.")
    types = "|".join(COMMIT_TYPES)
    script = (
        f"#!{sys.executable}\n"
        "import re, sys\n"
        "header = open(sys.argv[1], encoding='utf-8').readline().rstrip('\\n')\n"
        f"if not re.match(r'^({types})(\\([^\\s()]+\\))?!?: .*\\S', header):\n"
        "    sys.stderr.write(f'Commit rechazado: {header!r}\\n')\n"
        "    sys.exit(1)\n"
    )
    hooks_dir = git_dir / "hooks"
    hooks_dir.mkdir(exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    return hook_path

# %% mutant: hook-sin-codigo-salida | cell: hook
# Avisa en stderr pero termina con código 0: git no aborta y el commit entra igualmente.
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    git_dir = Path(repo) / ".git"
    if not git_dir.is_dir():
        raise ValueError(f"{repo} no es un repositorio git.")
    types = "|".join(COMMIT_TYPES)
    script = (
        f"#!{sys.executable}\n"
        "import re, sys\n"
        "header = open(sys.argv[1], encoding='utf-8').readline().rstrip('\\n')\n"
        f"if not re.match(r'^({types})(\\([^\\s()]+\\))?!?: .*\\S', header):\n"
        "    sys.stderr.write(f'Commit rechazado: {header!r}\\n')\n"
    )
    hooks_dir = git_dir / "hooks"
    hooks_dir.mkdir(exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path

# %% mutant: hook-regex-laxa | cell: hook
# Acepta cualquier palabra como tipo y no valida el ámbito: 'Feature: x' y 'feat(): x' entran.
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    git_dir = Path(repo) / ".git"
    if not git_dir.is_dir():
        raise ValueError(f"{repo} no es un repositorio git.")
    script = (
        f"#!{sys.executable}\n"
        "import re, sys\n"
        "header = open(sys.argv[1], encoding='utf-8').readline().rstrip('\\n')\n"
        "if not re.match(r'^\\w+(\\(.*\\))?!?: .*\\S', header):\n"
        "    sys.stderr.write(f'Commit rechazado: {header!r}\\n')\n"
        "    sys.exit(1)\n"
    )
    hooks_dir = git_dir / "hooks"
    hooks_dir.mkdir(exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path

# %% mutant: precommit-pygrep-sin-types | cell: precommit
# no-breakpoint sin types: [python]: la documentación que menciona breakpoint() hace fallar el commit.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los cuatro hooks locales del enunciado."""
    types = "|".join(COMMIT_TYPES)
    return rf"""default_install_hook_types: [pre-commit, commit-msg]
repos:
  - repo: local
    hooks:
      - id: no-data-files
        name: Sin datos ni modelos
        language: fail
        entry: "Datos o modelos en git:"
        files: '\.(csv|parquet|pkl|joblib)$'
      - id: no-breakpoint
        name: Sin breakpoint
        language: pygrep
        entry: '^\s*(breakpoint\(\)|import i?pdb\b)'
      - id: python-syntax
        name: Sintaxis
        language: system
        entry: python -m py_compile
        types: [python]
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-sin-stages | cell: precommit
# conventional-commit sin stages: se ejecuta también en pre-commit, sobre todos los archivos.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los cuatro hooks locales del enunciado."""
    types = "|".join(COMMIT_TYPES)
    return rf"""default_install_hook_types: [pre-commit, commit-msg]
repos:
  - repo: local
    hooks:
      - id: no-data-files
        name: Sin datos ni modelos
        language: fail
        entry: "Datos o modelos en git:"
        files: '\.(csv|parquet|pkl|joblib)$'
      - id: no-breakpoint
        name: Sin breakpoint
        language: pygrep
        entry: '^\s*(breakpoint\(\)|import i?pdb\b)'
        types: [python]
      - id: python-syntax
        name: Sintaxis
        language: system
        entry: python -m py_compile
        types: [python]
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
"""

# %% mutant: precommit-solo-csv | cell: precommit
# no-data-files solo mira .csv (los modelos .pkl/.joblib y los .parquet se cuelan) y sin --multiline.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los cuatro hooks locales del enunciado."""
    types = "|".join(COMMIT_TYPES)
    return rf"""default_install_hook_types: [pre-commit, commit-msg]
repos:
  - repo: local
    hooks:
      - id: no-data-files
        name: Sin datos
        language: fail
        entry: "Datos en git:"
        files: '\.csv$'
      - id: no-breakpoint
        name: Sin breakpoint
        language: pygrep
        entry: '^\s*(breakpoint\(\)|import i?pdb\b)'
        types: [python]
      - id: python-syntax
        name: Sintaxis
        language: system
        entry: python -m py_compile
        types: [python]
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate]
        stages: [commit-msg]
"""
