# %% mutant: bisect-check-sin-125 | cell: bisect | breaks: R3
# No separa «no carga» de «está mal»: un commit con la sintaxis rota lanza una excepción sin
# capturar (código 1) y git culpa a un commit inocente.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''import math
import runpy
import sys

EXPECTED = __EXPECTED__
metrics = runpy.run_path("src/churn_metrics.py")
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception:
    sys.exit(1)
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git(
            "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False
        )
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(
            "git bisect no pudo señalar un único commit culpable:\n"
            f"{run.stdout[-2000:]}{run.stderr[-1000:]}"
        )
    return found[1]

# %% mutant: bisect-check-salta-con-menos-uno | cell: bisect | breaks: R3
# Marca los commits que no cargan con sys.exit(-1) («un código especial»): el proceso sale con 255,
# y un código ≥ 128 aborta git bisect run.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception:
    sys.exit(-1)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception:
    sys.exit(1)
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git(
            "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False
        )
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(
            "git bisect no pudo señalar un único commit culpable:\n"
            f"{run.stdout[-2000:]}{run.stderr[-1000:]}"
        )
    return found[1]

# %% mutant: bisect-check-todo-se-salta | cell: bisect | breaks: R2
# Un solo try para cargar y calcular: una métrica que lanza (ZeroDivisionError) se «salta» con 125
# en vez de marcarse como mala.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception:
    sys.exit(125)
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git(
            "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False
        )
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(
            "git bisect no pudo señalar un único commit culpable:\n"
            f"{run.stdout[-2000:]}{run.stderr[-1000:]}"
        )
    return found[1]

# %% mutant: bisect-check-sin-carpetas | cell: bisect | breaks: R1, R4
# Escribe el archivo sin crear su carpeta y sin validar expected (con nan ningún commit es bueno).
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    script = r'''import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception:
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception:
    sys.exit(1)
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.write_text(script.replace("__EXPECTED__", f"float({str(expected)!r})"), encoding="utf-8")
    return path


def find_first_bad(repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git(
            "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False
        )
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(
            "git bisect no pudo señalar un único commit culpable:\n"
            f"{run.stdout[-2000:]}{run.stderr[-1000:]}"
        )
    return found[1]

# %% mutant: bisect-check-acepta-nan | cell: bisect | breaks: R4
# Todo bien salvo la validación: con expected = nan escribe un script que culpa a todos los commits.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    script = r'''import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception:
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception:
    sys.exit(1)
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", f"float({str(expected)!r})"), encoding="utf-8")
    return path


def find_first_bad(repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git(
            "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False
        )
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(
            "git bisect no pudo señalar un único commit culpable:\n"
            f"{run.stdout[-2000:]}{run.stderr[-1000:]}"
        )
    return found[1]

# %% mutant: bisect-sin-reset | cell: bisect | breaks: R6
# Encuentra el commit, pero no llama a git bisect reset: el repositorio queda en mitad de la
# búsqueda, con HEAD suelto en el último commit probado.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]
) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git("rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False)
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    git("bisect", "start", bad, good, cwd=repo, env=env)
    run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(f"git bisect no pudo señalar un único commit:\n{run.stdout}{run.stderr}")
    return found[1]

# %% mutant: bisect-devuelve-head | cell: bisect | breaks: R5
# Devuelve HEAD al terminar git bisect run: es el último commit que git probó, no el primero malo.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]
) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git("rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False)
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
        if run.returncode != 0:
            raise RuntimeError(f"git bisect falló:\n{run.stdout}{run.stderr}")
        return git("rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)

# %% mutant: bisect-al-reves | cell: bisect | breaks: R5
# git bisect start <good> <bad>: el orden al revés. git se niega («some good revs are not ancestors
# of the bad rev») y la función lanza en vez de devolver el commit.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]
) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git("rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False)
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", good, bad, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(f"git bisect no pudo señalar un único commit:\n{run.stdout}{run.stderr}")
    return found[1]

# %% mutant: bisect-ultimo-bueno | cell: bisect | breaks: R5
# Uno de menos: devuelve el padre del primer commit malo (el último bueno), «el commit de antes
# del fallo».
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]
) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git("rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False)
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(f"git bisect no pudo señalar un único commit:\n{run.stdout}{run.stderr}")
    return git("rev-parse", f"{found[1]}~1", cwd=repo, env=env).stdout.strip()

# %% mutant: bisect-sin-validar | cell: bisect | breaks: R7
# No comprueba las referencias: con 'v9.9.9' git bisect start falla y sale el error de git
# (RuntimeError), no un ValueError que diga qué referencia no existe.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]
) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit$", run.stdout, re.MULTILINE)
    if run.returncode != 0 or found is None:
        raise RuntimeError(f"git bisect no pudo señalar un único commit:\n{run.stdout}{run.stderr}")
    return found[1]

# %% mutant: bisect-ambiguo-elige-uno | cell: bisect | breaks: R8
# Cuando git dice «the first bad commit could be any of», se queda con el primero de la lista en
# vez de avisar de que no se pudo decidir.
def write_bisect_check(path: Path, expected: float) -> Path:
    """Escribe en `path` el script que `git bisect run` usa: 0 bueno, 1 malo, 125 no se puede probar."""
    if not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise ValueError(f"expected debe ser un número finito; se recibió {expected!r}.")
    script = r'''"""git bisect run: 0 = bueno, 1 = malo, 125 = no se puede probar (sáltalo)."""
import math
import runpy
import sys

EXPECTED = __EXPECTED__
try:
    metrics = runpy.run_path("src/churn_metrics.py")
except Exception as exc:
    print(f"no se puede cargar src/churn_metrics.py: {exc!r}")
    sys.exit(125)
try:
    value = metrics["high_balance_churn_rate"]("data/reference.csv")
except Exception as exc:
    print(f"la métrica falla: {exc!r}")
    sys.exit(1)
print(f"métrica {value!r}, esperada {EXPECTED!r}")
sys.exit(0 if math.isclose(value, EXPECTED, abs_tol=1e-9) else 1)
'''
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script.replace("__EXPECTED__", repr(float(expected))), encoding="utf-8")
    return path


def find_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: list[str]
) -> str:
    """Ejecuta `git bisect run command` entre `good` y `bad`; devuelve el sha del primer commit malo."""
    for rev in (good, bad):
        probe = git("rev-parse", "--verify", "-q", f"{rev}^{{commit}}", cwd=repo, env=env, check=False)
        if probe.returncode != 0:
            raise ValueError(f"{rev!r} no es un commit del repositorio {repo}.")
    try:
        git("bisect", "start", bad, good, cwd=repo, env=env)
        run = git("bisect", "run", *command, cwd=repo, env=env, check=False)
    finally:
        git("bisect", "reset", cwd=repo, env=env, check=False)
    shas = re.findall(r"^([0-9a-f]{40})", run.stdout, re.MULTILINE)
    if not shas:
        raise RuntimeError(f"git bisect no encontró nada:\n{run.stdout}{run.stderr}")
    return shas[0]

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
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
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
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
"""

# %% mutant: precommit-solo-csv | cell: precommit | breaks: R2, R6
# no-data-files solo mira .csv (los modelos .pkl/.joblib y los .parquet se cuelan) y sin --multiline.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
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
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
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
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
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
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
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
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-ruff-en-todo | cell: precommit | breaks: R8
# ruff sin types: [python]: lee el .pre-commit-config.yaml y la baseline como si fueran Python
# y falla en un repositorio limpio.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-ruff-format-reescribe | cell: precommit | breaks: R8
# ruff format sin --check: el commit falla igual, pero el hook reescribe el archivo del autor a
# sus espaldas (y en CI ocultaría que el código no estaba formateado).
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-secretos-sin-baseline | cell: precommit | breaks: R9
# detect-secrets-hook sin --baseline: la clave de ejemplo de AWS, ya revisada, bloquea todos
# los commits y el equipo acaba usando --no-verify.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""

# %% mutant: precommit-secretos-solo-python | cell: precommit | breaks: R9
# detect-secrets solo en archivos Python (types: [python], copiado de los hooks de ruff): un token
# en config/prod.env entra sin control.
def pre_commit_config() -> str:
    """Devuelve el texto YAML de .pre-commit-config.yaml con los hooks locales del enunciado."""
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
      - id: ruff-check
        name: ruff
        language: system
        entry: ruff check
        types: [python]
      - id: ruff-format
        name: formato
        language: system
        entry: ruff format --check
        types: [python]
      - id: detect-secrets
        name: secretos
        language: system
        entry: detect-secrets-hook --baseline .secrets.baseline
        types: [python]
      - id: conventional-commit
        name: Conventional Commits
        language: pygrep
        entry: '\A({types})(\([^\s()]+\))?!?: .*\S'
        args: [--negate, --multiline]
        stages: [commit-msg]
"""
