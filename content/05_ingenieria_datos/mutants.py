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
            "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
            "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
            "params": ["prepare.test_size", "prepare.seed"],
            "outs": ["data/prepared"],
        },
        "validate": {
            "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
            "deps": ["src/churn_project/stages/validate.py", "src/churn_project/contract.py", "data/prepared"],
            "metrics": [{"reports/validation.json": {"cache": False}}],
        },
        "featurize": {
            "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
            "deps": ["src/churn_project/stages/featurize.py", "data/prepared", "reports/validation.json"],
            "params": ["featurize.age_bins"],
            "outs": ["data/features"],
        },
        "train": {
            "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
            "deps": ["src/churn_project/stages/train.py", "data/features"],
            "params": ["train.smoothing"],
            "outs": ["models/segment_rates.json"],
            "metrics": [{"metrics.json": {"cache": False}}],
        },
    }

# %% mutant: pipeline-script-suelto | cell: pipeline | breaks: R2
# Ejecuta el archivo de cada etapa como script (lo que haría en su terminal) en vez de
# PYTHONPATH=src python -m churn_project.stages.<etapa>: sin PYTHONPATH, «import churn_project» falla.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "python src/churn_project/stages/prepare.py",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "python src/churn_project/stages/validate.py",
                "deps": ["src/churn_project/stages/validate.py", "src/churn_project/contract.py", "data/prepared"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "python src/churn_project/stages/featurize.py",
                "deps": ["src/churn_project/stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "python src/churn_project/stages/train.py",
                "deps": ["src/churn_project/stages/train.py", "data/features"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: pipeline-sin-scripts | cell: pipeline | breaks: R3
# Olvida declarar el archivo de cada etapa como dependencia: cambiar el código no repite la etapa.
def pipeline_spec() -> dict:
    """Contenido de dvc.yaml (como dict) del pipeline prepare → validate → featurize → train."""
    return {
        "stages": {
            "prepare": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": ["src/churn_project/contract.py", "data/prepared"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": ["data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
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
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": ["src/churn_project/stages/validate.py", "src/churn_project/contract.py", "data/prepared"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": ["src/churn_project/stages/featurize.py", "data/prepared"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
                "deps": ["src/churn_project/stages/train.py", "data/features"],
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
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared/train.csv", "data/prepared/test.csv"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": [
                    "src/churn_project/stages/validate.py",
                    "src/churn_project/contract.py",
                    "data/prepared/train.csv",
                    "data/prepared/test.csv",
                ],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": [
                    "src/churn_project/stages/featurize.py",
                    "data/prepared/train.csv",
                    "data/prepared/test.csv",
                    "reports/validation.json",
                ],
                "params": ["featurize.age_bins"],
                "outs": ["data/features/train.csv", "data/features/test.csv"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
                "deps": ["src/churn_project/stages/train.py", "data/features/train.csv", "data/features/test.csv"],
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
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": ["src/churn_project/stages/validate.py", "src/churn_project/contract.py", "data/prepared"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": ["src/churn_project/stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
                "deps": ["src/churn_project/stages/train.py", "data/features"],
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
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": ["src/churn_project/stages/validate.py", "src/churn_project/contract.py", "data/prepared"],
                "outs": ["reports/validation.json"],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": ["src/churn_project/stages/featurize.py", "data/prepared", "reports/validation.json"],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
                "deps": ["src/churn_project/stages/train.py", "data/features"],
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
                "cmd": "PYTHONPATH=src python -m churn_project.stages.prepare",
                "deps": ["src/churn_project/stages/prepare.py", "data/raw/churn.csv", "params.yaml"],
                "params": ["prepare.test_size", "prepare.seed"],
                "outs": ["data/prepared"],
            },
            "validate": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.validate",
                "deps": ["src/churn_project/stages/validate.py", "src/churn_project/contract.py", "data/prepared", "params.yaml"],
                "metrics": [{"reports/validation.json": {"cache": False}}],
            },
            "featurize": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.featurize",
                "deps": [
                    "src/churn_project/stages/featurize.py",
                    "data/prepared",
                    "reports/validation.json",
                    "params.yaml",
                ],
                "params": ["featurize.age_bins"],
                "outs": ["data/features"],
            },
            "train": {
                "cmd": "PYTHONPATH=src python -m churn_project.stages.train",
                "deps": ["src/churn_project/stages/train.py", "data/features", "params.yaml"],
                "params": ["train.smoothing"],
                "outs": ["models/segment_rates.json"],
                "metrics": [{"metrics.json": {"cache": False}}],
            },
        }
    }

# %% mutant: contract-sin-tipo | cell: contract | breaks: R1
# No comprueba el tipo de with_target: build_schema(1) o build_schema("sí") funcionan
# (cualquier valor «verdadero» añade la etiqueta).
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-tipo-con-int | cell: contract | breaks: R1
# Acepta también enteros con isinstance(with_target, (bool, int)): build_schema(1) no da
# TypeError.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, (bool, int)):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-etiqueta-siempre | cell: contract | breaks: R2
# Pone la etiqueta en los dos esquemas: el de entrada exige 'churned', que no llega a predecir.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if True:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-sin-fecha | cell: contract | breaks: R2
# Olvida la columna signup_date (no está en RANGES, FLAGS ni CATEGORIES).
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-int64-minuscula | cell: contract | breaks: R3
# Usa "int64" (sin vacíos) en vez de "Int64": un lote con algún vacío en age no se puede
# convertir.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-sin-coerce | cell: contract | breaks: R3
# No convierte los tipos (coerce=False): lo que llega de un CSV (fechas como texto, flags como
# bool) no cumple los tipos del contrato.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=False,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=False)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=False)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=False)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-rango-abierto | cell: contract | breaks: R4
# Usa un rango abierto: los extremos (18 y 85 años, saldo 0) se rechazan.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high, include_min=False, include_max=False), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-id-repetido | cell: contract | breaks: R4
# Olvida unique=True en el id: dos clientes con el mismo customer_id pasan.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-etiqueta-libre | cell: contract | breaks: R4
# La etiqueta solo se convierte a int64, sin comprobar que sea 0 o 1: un 2 pasa.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-vacios-sin-ignore-na | cell: contract | breaks: R5
# Olvida ignore_na=False: pandera quita los vacíos antes de la comprobación, que nunca ve
# ninguno; un 10 % de vacíos pasa.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-vacios-estricto | cell: contract | breaks: R5
# Compara con < en vez de <=: justo el 2 % de vacíos (el máximo aceptado) se rechaza.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() < MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=True,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=True, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=True)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

# %% mutant: contract-sin-vacios | cell: contract | breaks: R5
# Ninguna columna admite vacíos (nullable=False): un solo vacío rechaza el lote.
def build_schema(with_target: bool) -> pa.DataFrameSchema:
    """El esquema pandera de la tabla de churn; con la etiqueta ``churned`` si ``with_target``."""
    if not isinstance(with_target, bool):
        raise TypeError(f"with_target debe ser True o False, no {with_target!r}.")
    max_missing = pa.Check(
        lambda series: bool(series.isna().mean() <= MAX_MISSING_RATE),
        ignore_na=False,  # sin esto, pandera quita los vacíos antes de contarlos
        error=MISSING_RULE,
    )
    columns = {ID_COLUMN: pa.Column(str, unique=True, nullable=False)}
    for name, (low, high) in RANGES.items():
        dtype = "float64" if name.endswith("_eur") else "Int64"
        columns[name] = pa.Column(
            dtype,
            checks=[pa.Check.in_range(low, high), max_missing],
            nullable=False,
            coerce=True,
        )
    for name in FLAGS:
        columns[name] = pa.Column("boolean", checks=[max_missing], nullable=False, coerce=True)
    for name, allowed in CATEGORIES.items():
        columns[name] = pa.Column(checks=[pa.Check.isin(list(allowed)), max_missing], nullable=False)
    columns["signup_date"] = pa.Column("datetime64[ns]", nullable=False, coerce=True)
    if with_target:
        columns[TARGET] = pa.Column("int64", checks=pa.Check.isin([0, 1]), coerce=True)
    return pa.DataFrameSchema(columns, strict=False, name="churn" if with_target else "input")

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

# %% mutant: rerun-diff-nombres-de-archivo | cell: rerun | breaks: R6
# Toma la salida de `dvc params diff --json` como una colección más: sus claves son nombres de
# archivo ("params.yaml"), no parámetros, así que ninguna etapa se repite.
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    if not isinstance(pipeline, dict):
        raise TypeError("pipeline debe ser un dict.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline necesita 'stages'.")
    if isinstance(changed_params, str) or not isinstance(changed_params, (set, frozenset, list, tuple, dict)):
        raise TypeError("changed_params debe ser un set, list, tuple o dict.")
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

# %% mutant: rerun-diff-sin-validar | cell: rerun | breaks: R6
# Lee bien la salida de `dvc params diff --json`, pero no comprueba su forma: una lista o un número
# en lugar del dict de parámetros pasa sin avisar (o falla con un error de Python en inglés).
def stages_to_rerun(pipeline: dict, changed_params) -> list[str]:
    """Etapas de `pipeline` (dvc.yaml como dict) que DVC repetirá si cambian `changed_params`."""
    if not isinstance(pipeline, dict):
        raise TypeError("pipeline debe ser un dict.")
    if not isinstance(pipeline.get("stages"), dict):
        raise ValueError("pipeline necesita 'stages'.")
    if isinstance(changed_params, dict):
        changed = {name for per_file in changed_params.values() for name in per_file}
    elif isinstance(changed_params, str) or not isinstance(changed_params, (set, frozenset, list, tuple)):
        raise TypeError("changed_params debe ser un set, list, tuple o dict.")
    else:
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
