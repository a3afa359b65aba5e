# %% mutant: parse-ignora-pie | cell: parse | breaks: R2
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

# %% mutant: parse-cualquier-tipo | cell: parse | breaks: R2, R4
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

# %% mutant: parse-split-ingenuo | cell: parse | breaks: R3, R5
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

# %% mutant: parse-bang-en-descripcion | cell: parse | breaks: R2
# Busca el '!' en toda la cabecera, no justo antes de ': ': un «¡Cuidado!» en la descripción
# marca el commit como incompatible.
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
    footer = any(line.startswith(("BREAKING CHANGE:", "BREAKING-CHANGE:")) for line in lines[1:])
    return {
        "type": match["type"],
        "scope": match["scope"],
        "breaking": "!" in header or footer,
        "description": match["description"].strip(),
    }

# %% mutant: parse-pie-ultima-linea | cell: parse | breaks: R2
# Supone que el pie BREAKING CHANGE siempre es la última línea: si le sigue otro pie
# ('Refs: #42'), el cambio incompatible pasa desapercibido.
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
    footer = len(lines) > 1 and lines[-1].startswith(("BREAKING CHANGE:", "BREAKING-CHANGE:"))
    return {
        "type": match["type"],
        "scope": match["scope"],
        "breaking": match["bang"] is not None or footer,
        "description": match["description"].strip(),
    }

# %% mutant: parse-error-cita-tipo | cell: parse | breaks: R6
# El error de tipo desconocido cita solo el tipo ('feature'), no la cabecera completa.
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
    if match is None:
        raise ValueError(f"Cabecera no convencional: {header!r}.")
    if match["type"] not in COMMIT_TYPES:
        raise ValueError(f"Tipo desconocido {match['type']!r}: usa uno de {COMMIT_TYPES}.")
    if len(lines) > 1 and lines[1].strip():
        raise ValueError(f"Falta la línea en blanco tras {header!r}.")
    footer = any(line.startswith(("BREAKING CHANGE:", "BREAKING-CHANGE:")) for line in lines[1:])
    return {
        "type": match["type"],
        "scope": match["scope"],
        "breaking": match["bang"] is not None or footer,
        "description": match["description"].strip(),
    }

# %% mutant: parse-borrador-confiado | cell: parse | breaks: R1, R3, R7
# Primer borrador que confía en la entrada: no comprueba que sea un str (None da AttributeError),
# toma lines[0] aunque el mensaje esté vacío (IndexError) y no limpia la descripción.
def parse_commit(message: str) -> dict:
    """Analiza un mensaje Conventional Commits: devuelve type, scope, breaking y description."""
    lines = message.rstrip().splitlines()
    header = lines[0]
    match = re.match(
        r"^(?P<type>\w+)(?:\((?P<scope>[^\s()]+)\))?(?P<bang>!)?: (?P<description>.*\S.*)$", header
    )
    if match is None or match["type"] not in COMMIT_TYPES:
        raise ValueError(f"Cabecera no convencional: {header!r}.")
    if len(lines) > 1 and lines[1].strip():
        raise ValueError(f"Falta la línea en blanco tras {header!r}.")
    footer = any(line.startswith(("BREAKING CHANGE:", "BREAKING-CHANGE:")) for line in lines[1:])
    return {
        "type": match["type"],
        "scope": match["scope"],
        "breaking": match["bang"] is not None or footer,
        "description": match["description"],
    }

# %% mutant: version-sin-reset | cell: version | breaks: R2, R3
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

# %% mutant: version-acumula | cell: version | breaks: R6
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

# %% mutant: version-split-puntos | cell: version | breaks: R7, R8
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

# %% mutant: version-conserva-v | cell: version | breaks: R1
# Respeta el formato de la entrada: si current lleva 'v', la devuelve con 'v' ('v1.4.2' → 'v1.4.3').
def next_version(current: str, messages: list[str]) -> str:
    """Siguiente versión SemVer ("MAJOR.MINOR.PATCH") tras los commits de `messages`."""
    if not isinstance(current, str):
        raise TypeError("current debe ser un str.")
    if isinstance(messages, str) or not isinstance(messages, (list, tuple)):
        raise TypeError("messages debe ser una lista.")
    semver = re.fullmatch(r"(v?)(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", current)
    if semver is None:
        raise ValueError(f"Versión no válida {current!r}.")
    prefix = semver.group(1)
    major, minor, patch = (int(n) for n in semver.groups()[1:])
    commits = [parse_commit(m) for m in messages]
    if any(c["breaking"] for c in commits):
        return f"{prefix}{major + 1}.0.0"
    if any(c["type"] == "feat" for c in commits):
        return f"{prefix}{major}.{minor + 1}.0"
    if any(c["type"] in ("fix", "perf") for c in commits):
        return f"{prefix}{major}.{minor}.{patch + 1}"
    return f"{prefix}{major}.{minor}.{patch}"

# %% mutant: version-ignora-perf | cell: version | breaks: R4
# Solo fix sube el PATCH: una mejora de rendimiento (perf) no publica release.
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
        return f"{major + 1}.0.0"
    if any(c["type"] == "feat" for c in commits):
        return f"{major}.{minor + 1}.0"
    if any(c["type"] == "fix" for c in commits):
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"

# %% mutant: version-siempre-patch | cell: version | breaks: R5
# Cualquier commit publica al menos un PATCH: docs, chore o refactor también suben la versión.
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
        return f"{major + 1}.0.0"
    if any(c["type"] == "feat" for c in commits):
        return f"{major}.{minor + 1}.0"
    if commits:
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"

# %% mutant: version-ignora-no-convencionales | cell: version | breaks: R9
# Se salta los mensajes que parse_commit no entiende en lugar de dejar subir su ValueError.
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
    commits = []
    for message in messages:
        try:
            commits.append(parse_commit(message))
        except ValueError:
            continue  # un mensaje que no se entiende no cuenta
    if any(c["breaking"] for c in commits):
        return f"{major + 1}.0.0"
    if any(c["type"] == "feat" for c in commits):
        return f"{major}.{minor + 1}.0"
    if any(c["type"] in ("fix", "perf") for c in commits):
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"

# %% mutant: hook-no-ejecutable | cell: hook | breaks: R3
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

# %% mutant: hook-sin-codigo-salida | cell: hook | breaks: R6
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

# %% mutant: hook-regex-laxa | cell: hook | breaks: R6
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

# %% mutant: hook-crea-git | cell: hook | breaks: R1
# No comprueba que sea un repositorio: crea .git/hooks con parents=True en cualquier carpeta.
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    types = "|".join(COMMIT_TYPES)
    script = (
        f"#!{sys.executable}\n"
        "import re, sys\n"
        "header = open(sys.argv[1], encoding='utf-8').readline().rstrip('\\n')\n"
        f"if not re.match(r'^({types})(\\([^\\s()]+\\))?!?: .*\\S', header):\n"
        "    sys.stderr.write(f'Commit rechazado: {header!r}\\n')\n"
        "    sys.exit(1)\n"
    )
    hooks_dir = Path(repo) / ".git" / "hooks"
    hooks_dir.mkdir(parents=True, exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path

# %% mutant: hook-sin-crear-hooks | cell: hook | breaks: R2
# Da por hecho que .git/hooks existe (git init lo crea): si falta, write_text lanza FileNotFoundError.
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
    hook_path = git_dir / "hooks" / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path

# %% mutant: hook-shebang-segunda-linea | cell: hook | breaks: R4
# Abre el texto con comillas triples y un salto de línea: el '#!' queda en la segunda línea,
# el sistema no sabe con qué ejecutarlo y el hook no llega a correr en Python.
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    git_dir = Path(repo) / ".git"
    if not git_dir.is_dir():
        raise ValueError(f"{repo} no es un repositorio git.")
    types = "|".join(COMMIT_TYPES)
    script = f"""
#!{sys.executable}
import re
import sys

header = open(sys.argv[1], encoding="utf-8").readline().rstrip("\\n")
if not re.match(r"^({types})(\\([^\\s()]+\\))?!?: .*\\S", header):
    sys.stderr.write(f"Commit rechazado: {{header!r}}\\n")
    sys.exit(1)
"""
    hooks_dir = git_dir / "hooks"
    hooks_dir.mkdir(exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path

# %% mutant: hook-valida-mensaje-entero | cell: hook | breaks: R5
# Valida el archivo entero con fullmatch en lugar de su primera línea: un mensaje válido con
# cuerpo o pie (BREAKING CHANGE: …) se rechaza.
def install_commit_msg_hook(repo: Path) -> Path:
    """Instala en `repo` un hook commit-msg que rechaza cabeceras no convencionales; devuelve su ruta."""
    git_dir = Path(repo) / ".git"
    if not git_dir.is_dir():
        raise ValueError(f"{repo} no es un repositorio git.")
    types = "|".join(COMMIT_TYPES)
    script = (
        f"#!{sys.executable}\n"
        "import re, sys\n"
        "message = open(sys.argv[1], encoding='utf-8').read().strip()\n"
        f"if not re.fullmatch(r'({types})(\\([^\\s()]+\\))?!?: .*\\S', message):\n"
        "    sys.stderr.write(f'Commit rechazado: {message!r}\\n')\n"
        "    sys.exit(1)\n"
    )
    hooks_dir = git_dir / "hooks"
    hooks_dir.mkdir(exist_ok=True)
    hook_path = hooks_dir / "commit-msg"
    hook_path.write_text(script, encoding="utf-8")
    hook_path.chmod(0o755)
    return hook_path

# %% mutant: precommit-pygrep-sin-types | cell: precommit | breaks: R3
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

# %% mutant: precommit-sin-stages | cell: precommit | breaks: R5
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

# %% mutant: precommit-solo-csv | cell: precommit | breaks: R2, R6
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

# %% mutant: precommit-comillas-dobles | cell: precommit | breaks: R1
# Escribe las expresiones regulares entre comillas dobles: en YAML '\.' dentro de "…" es un
# escape no válido y el archivo ni siquiera se puede leer.
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
        files: "\.(csv|parquet|pkl|joblib)$"
      - id: no-breakpoint
        name: Sin breakpoint
        language: pygrep
        entry: "^\s*(breakpoint\(\)|import i?pdb\b)"
        types: [python]
      - id: python-syntax
        name: Sintaxis
        language: system
        entry: python -m py_compile
        types: [python]
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: "\A({types})(\([^\s()]+\))?!?: .*\S"
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-files-sin-ancla | cell: precommit | breaks: R2
# files sin '$' al final: también rechaza el puntero de DVC data/churn.csv.dvc, que no es un dato.
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
        files: '\.(csv|parquet|pkl|joblib)'
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
        stages: [commit-msg]
"""

# %% mutant: precommit-olvida-opciones | cell: precommit | breaks: R4, R7
# Se salta dos líneas que parecen opcionales: python-syntax sin types (py_compile recibe también
# los .md y el .yaml) y sin default_install_hook_types (pre-commit install no instala commit-msg).
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los cuatro hooks locales del enunciado."""
    types = "|".join(COMMIT_TYPES)
    return rf"""repos:
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
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-solo-prefijo-tipo | cell: precommit | breaks: R6
# conventional-commit solo comprueba que el mensaje empiece por un tipo: 'feature: x' o
# 'feat:sin espacio' pasan.
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
        entry: '\A({types})'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""
