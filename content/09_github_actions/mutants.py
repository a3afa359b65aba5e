# %% mutant: orden-invertido | cell: matriz | breaks: R1
# Hace el producto con las variables al revés: la última variable cambia más despacio.
import itertools


def expand_matrix(matrix):
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        if set(entry) - set(axes):
            raise ValueError("exclude nombra variables que la matriz no tiene")
    names = list(axes)[::-1]
    originals = []
    if axes:
        for values in itertools.product(*(axes[n] for n in names)):
            combo = {n: v for n, v in sorted(zip(names, values), key=lambda kv: list(axes).index(kv[0]))}
            if not any(all(combo[k] == v for k, v in e.items()) for e in exclude):
                originals.append(combo)
    result = [dict(c) for c in originals]
    extra = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, result):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    return result + extra

# %% mutant: exclude-exacto | cell: matriz | breaks: R2
# Solo excluye si la entrada de exclude es la combinación completa (no admite coincidencia parcial).
import itertools


def expand_matrix(matrix):
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        if set(entry) - set(axes):
            raise ValueError("exclude nombra variables que la matriz no tiene")
    originals = []
    if axes:
        for values in itertools.product(*axes.values()):
            combo = dict(zip(axes, values))
            if combo not in exclude:
                originals.append(combo)
    result = [dict(c) for c in originals]
    extra = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, result):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    return result + extra

# %% mutant: include-antes-que-exclude | cell: matriz | breaks: R2
# Aplica include antes que exclude: una combinación excluida que include vuelve a pedir desaparece.
import itertools


def expand_matrix(matrix):
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        if set(entry) - set(axes):
            raise ValueError("exclude nombra variables que la matriz no tiene")
    originals = [dict(zip(axes, values)) for values in itertools.product(*axes.values())] if axes else []
    result = [dict(c) for c in originals]
    extra = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, result):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    combos = result + extra
    return [c for c in combos if not any(all(c.get(k) == v for k, v in e.items()) for e in exclude)]

# %% mutant: include-compara-lo-agregado | cell: matriz | breaks: R3
# Compara cada include con la combinación ya extendida (no con los valores originales): un valor
# añadido por un include anterior impide que el siguiente lo cambie.
import itertools


def expand_matrix(matrix):
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        if set(entry) - set(axes):
            raise ValueError("exclude nombra variables que la matriz no tiene")
    result = []
    if axes:
        for values in itertools.product(*axes.values()):
            combo = dict(zip(axes, values))
            if not any(all(combo[k] == v for k, v in e.items()) for e in exclude):
                result.append(combo)
    extra = []
    for entry in include:
        fitted = False
        for current in result:
            if all(current[k] == v for k, v in entry.items() if k in current):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    return result + extra

# %% mutant: sin-combinaciones-nuevas | cell: matriz | breaks: R3, R4
# Olvida que una entrada de include que no encaja se agrega como combinación nueva.
import itertools


def expand_matrix(matrix):
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        if set(entry) - set(axes):
            raise ValueError("exclude nombra variables que la matriz no tiene")
    originals = []
    if axes:
        for values in itertools.product(*axes.values()):
            combo = dict(zip(axes, values))
            if not any(all(combo[k] == v for k, v in e.items()) for e in exclude):
                originals.append(combo)
    result = [dict(c) for c in originals]
    for entry in include:
        for original, current in zip(originals, result):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
    return result

# %% mutant: solo-include-vacio | cell: matriz | breaks: R4
# Sin variables, parte de una combinación vacía: cada include la extiende y queda un solo job.
import itertools


def expand_matrix(matrix):
    if not isinstance(matrix, dict):
        raise ValueError("La matriz debe ser un diccionario.")
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    for name, values in axes.items():
        if not isinstance(values, list) or not values:
            raise ValueError(f"La variable {name!r} debe ser una lista no vacía.")
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    for entry in exclude:
        if set(entry) - set(axes):
            raise ValueError("exclude nombra variables que la matriz no tiene")
    originals = []
    for values in itertools.product(*axes.values()):
        combo = dict(zip(axes, values))
        if not any(all(combo[k] == v for k, v in e.items()) for e in exclude):
            originals.append(combo)
    result = [dict(c) for c in originals]
    extra = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, result):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    return result + extra

# %% mutant: matriz-sin-validar | cell: matriz | breaks: R5
# Expande bien, pero no valida nada: un exclude con un typo simplemente no excluye.
import itertools


def expand_matrix(matrix):
    axes = {k: v for k, v in dict(matrix).items() if k not in ("include", "exclude")}
    exclude = matrix.get("exclude", [])
    include = matrix.get("include", [])
    originals = []
    if axes:
        for values in itertools.product(*axes.values()):
            combo = dict(zip(axes, values))
            if not any(all(combo.get(k) == v for k, v in e.items()) for e in exclude):
                originals.append(combo)
    result = [dict(c) for c in originals]
    extra = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, result):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    return result + extra

# %% mutant: solo-fija-versiones | cell: workflow-seguro | breaks: R1, R2, R3, R4
# Solo fija las acciones por SHA: deja pull_request_target, write-all, la interpolación y las claves.
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request_target:

permissions: write-all

jobs:
  metricas:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - id: saludo
        name: Título del PR
        run: |
          echo "Métricas del PR: ${{ github.event.pull_request.title }}" >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        name: Datos versionados
        env:
          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
        run: |
          echo "Clave usada: ${{ secrets.AWS_ACCESS_KEY_ID }}"
          python -m dvc pull --quiet
      - id: metricas
        name: Métricas del modelo
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: variable-sin-comillas | cell: workflow-seguro | breaks: R1
# Todo corregido, pero usa la variable sin comillas: shellcheck (vía actionlint) lo marca.
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read

jobs:
  metricas:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
        with:
          role-to-assume: ${{ vars.DVC_REMOTE_ROLE_ARN }}
          aws-region: ${{ vars.AWS_REGION }}
      - id: saludo
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo Métricas del PR: $PR_TITLE >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        run: python -m dvc pull --quiet
      - id: metricas
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: checkout-con-token | cell: workflow-seguro | breaks: R2
# Todo corregido salvo que checkout deja el token en .git/config (sin persist-credentials: false).
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read

jobs:
  metricas:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
        with:
          role-to-assume: ${{ vars.DVC_REMOTE_ROLE_ARN }}
          aws-region: ${{ vars.AWS_REGION }}
      - id: saludo
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "Métricas del PR: ${PR_TITLE}" >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        run: python -m dvc pull --quiet
      - id: metricas
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: sin-titulo | cell: workflow-seguro | breaks: R3
# «Arregla» la inyección borrando el paso del título: el workflow ya no hace lo mismo.
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read

jobs:
  metricas:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
        with:
          role-to-assume: ${{ vars.DVC_REMOTE_ROLE_ARN }}
          aws-region: ${{ vars.AWS_REGION }}
      - id: datos
        run: python -m dvc pull --quiet
      - id: metricas
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: claves-por-env | cell: workflow-seguro | breaks: R4
# Pasa las claves de larga duración por env: (sin imprimirlas) en lugar de usar OIDC.
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read

jobs:
  metricas:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - id: saludo
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "Métricas del PR: ${PR_TITLE}" >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        env:
          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
        run: python -m dvc pull --quiet
      - id: metricas
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: id-token-arriba | cell: workflow-seguro | breaks: R4
# Pide id-token: write para todo el workflow, arriba, en lugar de solo en el job que lo necesita.
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read
  id-token: write

jobs:
  metricas:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
        with:
          role-to-assume: ${{ vars.DVC_REMOTE_ROLE_ARN }}
          aws-region: ${{ vars.AWS_REGION }}
      - id: saludo
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "Métricas del PR: ${PR_TITLE}" >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        run: python -m dvc pull --quiet
      - id: metricas
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: sin-datos | cell: workflow-seguro | breaks: R5
# Quita el paso de dvc pull «porque ya no tiene claves»: las métricas salen de datos viejos.
SECURE_WORKFLOW = """\
name: Métricas del PR

on:
  pull_request:

permissions:
  contents: read

jobs:
  metricas:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
        with:
          role-to-assume: ${{ vars.DVC_REMOTE_ROLE_ARN }}
          aws-region: ${{ vars.AWS_REGION }}
      - id: saludo
        env:
          PR_TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "Métricas del PR: ${PR_TITLE}" >> "$GITHUB_STEP_SUMMARY"
      - id: metricas
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""

# %% mutant: por-fecha | cell: clave-cache | breaks: R1, R2
# Mete la fecha de modificación en el hash: un checkout nuevo cambia la clave y la caché no acierta.
import hashlib


def cache_key(lock_file, runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    path = Path(lock_file)
    if not path.is_file():
        raise FileNotFoundError(f"No existe {path}.")
    stamp = str(path.stat().st_mtime).encode()
    digest = hashlib.sha256(path.read_bytes() + stamp).hexdigest()
    return f"{prefix}-{runner_os}-py{python_version}-{digest}"


def restore_keys(runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    return [f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]

# %% mutant: por-nombre | cell: clave-cache | breaks: R1, R2
# Hashea el nombre del archivo, no su contenido: editar el lock no cambia la clave.
import hashlib


def cache_key(lock_file, runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    path = Path(lock_file)
    if not path.is_file():
        raise FileNotFoundError(f"No existe {path}.")
    digest = hashlib.sha256(path.name.encode()).hexdigest()
    return f"{prefix}-{runner_os}-py{python_version}-{digest}"


def restore_keys(runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    return [f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]

# %% mutant: sin-python | cell: clave-cache | breaks: R1
# Olvida la versión de Python en la clave: una wheel de 3.11 se restauraría en 3.12.
import hashlib


def cache_key(lock_file, runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    path = Path(lock_file)
    if not path.is_file():
        raise FileNotFoundError(f"No existe {path}.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{prefix}-{runner_os}-{digest}"


def restore_keys(runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    return [f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]

# %% mutant: restore-al-reves | cell: clave-cache | breaks: R3
# Pone primero el prefijo más general: restauraría una caché de otra versión de Python.
import hashlib


def cache_key(lock_file, runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    path = Path(lock_file)
    if not path.is_file():
        raise FileNotFoundError(f"No existe {path}.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{prefix}-{runner_os}-py{python_version}-{digest}"


def restore_keys(runner_os, python_version, prefix="pip"):
    if not str(runner_os).strip() or not str(python_version).strip():
        raise ValueError("runner_os y python_version no pueden estar vacíos.")
    return [f"{prefix}-{runner_os}-", f"{prefix}-{runner_os}-py{python_version}-"]

# %% mutant: clave-sin-validar | cell: clave-cache | breaks: R4
# No valida: un lock que no existe da una clave de un archivo vacío y un OS vacío pasa.
import hashlib


def cache_key(lock_file, runner_os, python_version, prefix="pip"):
    path = Path(lock_file)
    data = path.read_bytes() if path.is_file() else b""
    digest = hashlib.sha256(data).hexdigest()
    return f"{prefix}-{runner_os}-py{python_version}-{digest}"


def restore_keys(runner_os, python_version, prefix="pip"):
    return [f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]

# %% mutant: redondea-cada-paso | cell: costo-ci | breaks: R1
# Redondea cada paso al minuto: un job de tres pasos de 20 s paga 3 minutos en lugar de 1.
def monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0):
    if any(s < 0 for s in step_seconds.values()) or runs_per_month < 0:
        raise ValueError("Los tiempos y el número de ejecuciones no pueden ser negativos.")
    if not 0 <= cancelled_share < 1:
        raise ValueError("cancelled_share debe estar en [0, 1).")
    if any(r not in prices for r in jobs_per_run):
        raise ValueError("Hay un runner sin precio.")
    minutes = max(1, sum(math.ceil(s / 60) for s in step_seconds.values()))
    per_run = sum(jobs * minutes * prices[r] for r, jobs in jobs_per_run.items())
    return per_run * runs_per_month * (1 - cancelled_share)

# %% mutant: sin-redondeo | cell: costo-ci | breaks: R1
# Factura los segundos exactos (segundos / 60), como si GitHub no redondeara.
def monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0):
    if any(s < 0 for s in step_seconds.values()) or runs_per_month < 0:
        raise ValueError("Los tiempos y el número de ejecuciones no pueden ser negativos.")
    if not 0 <= cancelled_share < 1:
        raise ValueError("cancelled_share debe estar en [0, 1).")
    if any(r not in prices for r in jobs_per_run):
        raise ValueError("Hay un runner sin precio.")
    minutes = sum(step_seconds.values()) / 60
    per_run = sum(jobs * minutes * prices[r] for r, jobs in jobs_per_run.items())
    return per_run * runs_per_month * (1 - cancelled_share)

# %% mutant: ignora-cancelaciones | cell: costo-ci | breaks: R2
# Valida cancelled_share pero no lo descuenta: concurrency no ahorraría nada.
def monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0):
    if any(s < 0 for s in step_seconds.values()) or runs_per_month < 0:
        raise ValueError("Los tiempos y el número de ejecuciones no pueden ser negativos.")
    if not 0 <= cancelled_share < 1:
        raise ValueError("cancelled_share debe estar en [0, 1).")
    if any(r not in prices for r in jobs_per_run):
        raise ValueError("Hay un runner sin precio.")
    minutes = max(1, math.ceil(sum(step_seconds.values()) / 60))
    per_run = sum(jobs * minutes * prices[r] for r, jobs in jobs_per_run.items())
    return per_run * runs_per_month

# %% mutant: precio-de-linux | cell: costo-ci | breaks: R2
# Usa el precio de Linux para todos los jobs: macOS sale diez veces más barato de lo que es.
def monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0):
    if any(s < 0 for s in step_seconds.values()) or runs_per_month < 0:
        raise ValueError("Los tiempos y el número de ejecuciones no pueden ser negativos.")
    if not 0 <= cancelled_share < 1:
        raise ValueError("cancelled_share debe estar en [0, 1).")
    if any(r not in prices for r in jobs_per_run):
        raise ValueError("Hay un runner sin precio.")
    minutes = max(1, math.ceil(sum(step_seconds.values()) / 60))
    price = prices.get("ubuntu-latest", min(prices.values()))
    return sum(jobs_per_run.values()) * minutes * price * runs_per_month * (1 - cancelled_share)

# %% mutant: costo-sin-validar | cell: costo-ci | breaks: R3
# Calcula bien, pero un runner sin precio da KeyError y los valores absurdos pasan.
def monthly_ci_cost(step_seconds, jobs_per_run, prices, runs_per_month, cancelled_share=0.0):
    minutes = max(1, math.ceil(sum(step_seconds.values()) / 60))
    per_run = sum(jobs * minutes * prices[r] for r, jobs in jobs_per_run.items())
    return per_run * runs_per_month * (1 - cancelled_share)
