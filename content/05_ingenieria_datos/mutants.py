# %% mutant: cache-sha256 | cell: cache-path | breaks: R1
# Usa SHA-256 (el hash «moderno») en vez del MD5 que usa DVC.
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    for value in (data_file, cache_dir):
        if not isinstance(value, (str, Path)):
            raise TypeError("Se esperaba str o Path.")
    source = Path(data_file)
    if not source.exists():
        raise FileNotFoundError(f"No existe {source}.")
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta.")
    h = hashlib.sha256(source.read_bytes()).hexdigest()
    return Path(cache_dir) / "files" / "md5" / h[:2] / h[2:]

# %% mutant: cache-modo-texto | cell: cache-path | breaks: R1
# Lee el archivo en modo texto: los saltos \r\n se normalizan y el hash ya no es el de los bytes.
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    for value in (data_file, cache_dir):
        if not isinstance(value, (str, Path)):
            raise TypeError("Se esperaba str o Path.")
    source = Path(data_file)
    if not source.exists():
        raise FileNotFoundError(f"No existe {source}.")
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta.")
    with open(source, encoding="latin-1") as handle:
        h = hashlib.md5(handle.read().encode("latin-1")).hexdigest()
    return Path(cache_dir) / "files" / "md5" / h[:2] / h[2:]

# %% mutant: cache-hash-por-bloque | cell: cache-path | breaks: R1
# Lee en bloques, pero crea un hashlib.md5() nuevo para cada bloque: el hash es solo el del último
# bloque (y un archivo vacío ni siquiera tiene hash).
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    for value in (data_file, cache_dir):
        if not isinstance(value, (str, Path)):
            raise TypeError("Se esperaba str o Path.")
    source = Path(data_file)
    if not source.exists():
        raise FileNotFoundError(f"No existe el archivo {source}.")
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta.")
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            h = hashlib.md5(block).hexdigest()
    return Path(cache_dir) / "files" / "md5" / h[:2] / h[2:]

# %% mutant: cache-layout-dvc2 | cell: cache-path | breaks: R2
# Usa la estructura de caché de DVC 2 (sin files/md5).
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    for value in (data_file, cache_dir):
        if not isinstance(value, (str, Path)):
            raise TypeError("Se esperaba str o Path.")
    source = Path(data_file)
    if not source.exists():
        raise FileNotFoundError(f"No existe {source}.")
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta.")
    h = hashlib.md5(source.read_bytes()).hexdigest()
    return Path(cache_dir) / h[:2] / h[2:]

# %% mutant: cache-ruta-fstring | cell: cache-path | breaks: R3
# Solo valida data_file y arma la ruta con un f-string: cache_dir=3.5 no da TypeError.
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    if not isinstance(data_file, (str, Path)):
        raise TypeError("data_file debe ser str o Path.")
    source = Path(data_file)
    if not source.exists():
        raise FileNotFoundError(f"No existe el archivo {source}.")
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta.")
    digest = hashlib.md5()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    h = digest.hexdigest()
    return Path(f"{cache_dir}/files/md5/{h[:2]}/{h[2:]}")

# %% mutant: cache-error-de-open | cell: cache-path | breaks: R4
# No comprueba que el archivo exista: deja que open() lance su FileNotFoundError, en inglés.
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    for value in (data_file, cache_dir):
        if not isinstance(value, (str, Path)):
            raise TypeError("Se esperaba str o Path.")
    source = Path(data_file)
    if source.is_dir():
        raise ValueError(f"{source} es una carpeta.")
    digest = hashlib.md5()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    h = digest.hexdigest()
    return Path(cache_dir) / "files" / "md5" / h[:2] / h[2:]

# %% mutant: cache-is-file | cell: cache-path | breaks: R5
# Una sola comprobación con is_file(): una carpeta da FileNotFoundError en vez de ValueError.
import hashlib


def dvc_cache_path(data_file, cache_dir):
    """Ruta donde DVC 3 guarda el contenido de `data_file` dentro de la caché `cache_dir`."""
    for value in (data_file, cache_dir):
        if not isinstance(value, (str, Path)):
            raise TypeError("Se esperaba str o Path.")
    source = Path(data_file)
    if not source.is_file():
        raise FileNotFoundError(f"No existe el archivo {source}.")
    digest = hashlib.md5()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    h = digest.hexdigest()
    return Path(cache_dir) / "files" / "md5" / h[:2] / h[2:]

# %% mutant: pipeline-sin-raiz | cell: pipeline | breaks: R1
# Escribe las etapas directamente en la raíz, sin la clave "stages": DVC rechaza ese dvc.yaml.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "prepare": {
            "cmd": "python stages/prepare.py",
            "deps": ["stages/prepare.py", "data/raw/churn.csv"],
            "params": ["prepare.test_size", "prepare.seed"],
            "outs": ["data/prepared"],
        },
        "validate": {
            "cmd": "python stages/validate.py",
            "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared"],
            "params": ["validate"],
            "metrics": [{"reports/validation.json": {"cache": False}}],
        },
        "featurize": {
            "cmd": "python stages/featurize.py",
            "deps": ["stages/featurize.py", "data/prepared", "reports/validation.json"],
            "params": ["featurize.age_bins"],
            "outs": ["data/features"],
        },
        "train": {
            "cmd": "python stages/train.py",
            "deps": ["stages/train.py", "data/features"],
            "params": ["train.smoothing"],
            "outs": ["models/segment_rates.json"],
            "metrics": [{"metrics.json": {"cache": False}}],
        },
    }

# %% mutant: pipeline-python3 | cell: pipeline | breaks: R2
# Usa python3 en cmd (lo que escribe en su terminal) en vez de exactamente python.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python3 stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python3 stages/validate.py",
                "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared"],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python3 stages/featurize.py",
                "deps": ["stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python3 stages/train.py",
                "deps": ["stages/train.py", "data/features"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: pipeline-sin-scripts | cell: pipeline | breaks: R3
# Olvida declarar los scripts como dependencias: cambiar el código no repite la etapa.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": ["stages/churn_checks.py", "data/prepared"],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": ["data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["data/features"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: pipeline-sin-puerta | cell: pipeline | breaks: R3
# featurize no depende del informe de validación: la validación deja de ser una puerta.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared"],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": ["stages/featurize.py", "data/prepared"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["stages/train.py", "data/features"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: pipeline-archivos-sueltos | cell: pipeline | breaks: R3, R5
# Copia la línea «Escribe:»/«Lee:» archivo por archivo en vez de declarar cada carpeta como un
# único elemento.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared/train.csv", "data/prepared/test.csv"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": [
                    "stages/validate.py",
                    "stages/churn_checks.py",
                    "data/prepared/train.csv",
                    "data/prepared/test.csv",
                ],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": [
                    "stages/featurize.py",
                    "data/prepared/train.csv",
                    "data/prepared/test.csv",
                    "reports/validation.json",
                ],
                "params": ["featurize.age_bins"],
                "outs": ["data/features/train.csv", "data/features/test.csv"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["stages/train.py", "data/features/train.csv", "data/features/test.csv"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: pipeline-params-secciones | cell: pipeline | breaks: R4
# Declara la sección entera de params en todas las etapas, no las claves que usa cada script.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared"],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": ["stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["stages/train.py", "data/features"],
                "params": ["train"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: pipeline-metricas-en-cache | cell: pipeline | breaks: R5
# Declara las métricas como outs normales: van a la caché de DVC y no se ven en git ni en los PR.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared"],
                "params": ["validate"],
                "outs": ["reports/validation.json"],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": ["stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["stages/train.py", "data/features"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json", "metrics.json"],
            },
        }
    }

# %% mutant: pipeline-params-yaml-en-deps | cell: pipeline | breaks: R6
# Añade params.yaml a las deps de cada etapa («el script lo lee»): cualquier cambio de parámetro
# repite todas las etapas.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python stages/prepare.py",
                "deps": ["stages/prepare.py", "data/raw/churn.csv", "params.yaml"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python stages/validate.py",
                "deps": ["stages/validate.py", "stages/churn_checks.py", "data/prepared", "params.yaml"],
                "params": ["validate"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python stages/featurize.py",
                "deps": [
                    "stages/featurize.py",
                    "data/prepared",
                    "reports/validation.json",
                    "params.yaml",
                ],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python stages/train.py",
                "deps": ["stages/train.py", "data/features", "params.yaml"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: validate-sin-tipo | cell: validate | breaks: R1
# No comprueba que df sea un DataFrame: None o una lista dan AttributeError, no TypeError.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-keyerror | cell: validate | breaks: R2
# No comprueba las columnas obligatorias: una columna ausente da KeyError en vez de un mensaje.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-solo-primera-columna | cell: validate | breaks: R2
# Para en la primera columna que falta: si faltan varias, el mensaje solo nombra una.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    for column in rules["required_columns"]:
        if column not in df.columns:
            raise DataValidationError(f"Falta la columna '{column}'.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-lote-vacio-pasa | cell: validate | breaks: R3
# No rechaza un lote sin filas: ninguna regla encuentra problemas y el lote vacío «pasa».
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-primer-error | cell: validate | breaks: R4
# Para en el primer problema: quien arregla el origen solo ve uno cada vez.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            raise DataValidationError(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            raise DataValidationError(f"columna '{column}': {outside} valores fuera de rango.")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        raise DataValidationError(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    if df[rules["id_column"]].duplicated().any():
        raise DataValidationError(f"columna '{rules['id_column']}': ids repetidos.")

# %% mutant: validate-una-linea | cell: validate | breaks: R4
# Junta todos los problemas en una sola línea separados por «; » en vez de uno por línea.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida: " + "; ".join(problems))

# %% mutant: validate-limite-incluido | cell: validate | breaks: R5
# Usa «>=» con el máximo de vacíos: justo en el límite (2 %) rechaza un lote aceptable.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate >= rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-vacios-fuera-de-rango | cell: validate | breaks: R6
# Cuenta los vacíos como fuera de rango (~between): un lote con vacíos permitidos no pasa.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        outside = int((~df[column].between(low, high).fillna(False)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-etiquetas-solo-mayores | cell: validate | breaks: R7
# Solo busca etiquetas mayores que 1: una etiqueta -1 pasa por buena.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((df[rules["target"]] > 1).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-etiquetas-vacias | cell: validate | breaks: R7
# Olvida dropna() en las etiquetas: una etiqueta vacía (ya permitida por la regla de vacíos)
# cuenta como etiqueta inválida.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df[rules["id_column"]].duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} ids repetidos.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: validate-filas-duplicadas | cell: validate | breaks: R8
# Busca filas duplicadas enteras (df.duplicated()) en vez de ids repetidos: dos clientes
# distintos con el mismo id pasan.
def validate_churn(df, rules):
    """Valida un lote de clientes con las reglas de params.yaml; lanza DataValidationError."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError("df debe ser un DataFrame.")
    absent = [c for c in rules["required_columns"] if c not in df.columns]
    if absent:
        raise DataValidationError(f"Faltan columnas: {absent}.")
    if len(df) == 0:
        raise DataValidationError("Lote vacío.")
    problems = []
    for column in rules["required_columns"]:
        rate = float(df[column].isna().mean())
        if rate > rules["max_missing_rate"]:
            problems.append(f"columna '{column}': {rate:.1%} de vacíos.")
    for column, (low, high) in rules["ranges"].items():
        values = df[column].dropna()
        outside = int(((values < low) | (values > high)).sum())
        if outside:
            problems.append(f"columna '{column}': {outside} valores fuera de [{low}, {high}].")
    bad = int((~df[rules["target"]].dropna().isin([0, 1])).sum())
    if bad:
        problems.append(f"columna '{rules['target']}': {bad} etiquetas no válidas.")
    repeated = int(df.duplicated().sum())
    if repeated:
        problems.append(f"columna '{rules['id_column']}': {repeated} filas repetidas.")
    if problems:
        raise DataValidationError("Validación fallida:\n- " + "\n- ".join(problems))

# %% mutant: rerun-sin-validar | cell: rerun | breaks: R1
# No valida las entradas: un str suelto se recorre letra a letra y devuelve [] sin avisar.
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    changed = set(changed_params)

    def paths(stage, key):
        return [e if isinstance(e, str) else next(iter(e)) for e in stage.get(key, [])]

    def nested(a, b):
        return a == b or a.startswith(b + "/") or b.startswith(a + "/")

    stages = pipeline["stages"]
    affected = {
        name
        for name, stage in stages.items()
        if any(c == d or c.startswith(d + ".") or d.startswith(c + ".") for c in changed for d in paths(stage, "params"))
    }
    grew = True
    while grew:
        produced = [p for n in affected for p in paths(stages[n], "outs") + paths(stages[n], "metrics")]
        newly = {
            n
            for n, s in stages.items()
            if n not in affected and any(nested(d, o) for d in paths(s, "deps") for o in produced)
        }
        affected |= newly
        grew = bool(newly)
    return [n for n in stages if n in affected]

# %% mutant: rerun-prefijo-sin-punto | cell: rerun | breaks: R2
# Compara prefijos sin la frontera del punto: "fit.smooth" cubre por error "fit.smoothing".
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    if not isinstance(pipeline, dict):
        raise TypeError("pipeline debe ser un dict.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline necesita 'stages'.")
    if isinstance(changed_params, str) or not isinstance(changed_params, (set, frozenset, list, tuple)):
        raise TypeError("changed_params debe ser un set, list o tuple.")

    def paths(stage, key):
        return [e if isinstance(e, str) else next(iter(e)) for e in stage.get(key, [])]

    def nested(a, b):
        return a == b or a.startswith(b + "/") or b.startswith(a + "/")

    stages = pipeline["stages"]
    affected = {
        name
        for name, stage in stages.items()
        if any(c.startswith(d) or d.startswith(c) for c in changed_params for d in paths(stage, "params"))
    }
    grew = True
    while grew:
        produced = [p for n in affected for p in paths(stages[n], "outs") + paths(stages[n], "metrics")]
        newly = {
            n
            for n, s in stages.items()
            if n not in affected and any(nested(d, o) for d in paths(s, "deps") for o in produced)
        }
        affected |= newly
        grew = bool(newly)
    return [n for n in stages if n in affected]

# %% mutant: rerun-sin-cascada | cell: rerun | breaks: R3
# Solo mira los parámetros: olvida que las etapas que leen salidas afectadas también se repiten.
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    if not isinstance(pipeline, dict):
        raise TypeError("pipeline debe ser un dict.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline necesita 'stages'.")
    if isinstance(changed_params, str) or not isinstance(changed_params, (set, frozenset, list, tuple)):
        raise TypeError("changed_params debe ser un set, list o tuple.")
    result = []
    for name, stage in pipeline["stages"].items():
        declared = [p if isinstance(p, str) else next(iter(p)) for p in stage.get("params", [])]
        if any(c == d or c.startswith(d + ".") or d.startswith(c + ".") for c in changed_params for d in declared):
            result.append(name)
    return result

# %% mutant: rerun-solo-textos | cell: rerun | breaks: R4
# Solo entiende entradas de texto y descarta los diccionarios ({"metrics.json": {...}}): una
# métrica o salida declarada como dict no alimenta la cascada.
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    if not isinstance(pipeline, dict):
        raise TypeError("pipeline debe ser un dict.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline necesita 'stages'.")
    if isinstance(changed_params, str) or not isinstance(changed_params, (set, frozenset, list, tuple)):
        raise TypeError("changed_params debe ser un set, list o tuple.")

    def paths(stage, key):
        return [e for e in stage.get(key, []) if isinstance(e, str)]

    def nested(a, b):
        return a == b or a.startswith(b + "/") or b.startswith(a + "/")

    stages = pipeline["stages"]
    affected = {
        name
        for name, stage in stages.items()
        if any(
            c == d or c.startswith(d + ".") or d.startswith(c + ".")
            for c in changed_params
            for d in paths(stage, "params")
        )
    }
    grew = True
    while grew:
        produced = [p for n in affected for p in paths(stages[n], "outs") + paths(stages[n], "metrics")]
        newly = {
            n
            for n, s in stages.items()
            if n not in affected and any(nested(d, o) for d in paths(s, "deps") for o in produced)
        }
        affected |= newly
        grew = bool(newly)
    return [n for n in stages if n in affected]

# %% mutant: rerun-una-pasada | cell: rerun | breaks: R5
# Recorre las etapas una sola vez en el orden del dict: falla si ese orden no es topológico.
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    if not isinstance(pipeline, dict):
        raise TypeError("pipeline debe ser un dict.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline necesita 'stages'.")
    if isinstance(changed_params, str) or not isinstance(changed_params, (set, frozenset, list, tuple)):
        raise TypeError("changed_params debe ser un set, list o tuple.")

    def paths(stage, key):
        return [e if isinstance(e, str) else next(iter(e)) for e in stage.get(key, [])]

    def nested(a, b):
        return a == b or a.startswith(b + "/") or b.startswith(a + "/")

    result, produced = [], []
    for name, stage in pipeline["stages"].items():
        hit = any(
            c == d or c.startswith(d + ".") or d.startswith(c + ".")
            for c in changed_params
            for d in paths(stage, "params")
        )
        if hit or any(nested(d, o) for d in paths(stage, "deps") for o in produced):
            result.append(name)
            produced += paths(stage, "outs") + paths(stage, "metrics")
    return result
