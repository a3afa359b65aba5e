# %% mutant: cache-sha256 | cell: cache-path
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

# %% mutant: cache-layout-dvc2 | cell: cache-path
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

# %% mutant: cache-modo-texto | cell: cache-path
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

# %% mutant: pipeline-sin-puerta | cell: pipeline
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

# %% mutant: pipeline-metricas-en-cache | cell: pipeline
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

# %% mutant: pipeline-sin-scripts | cell: pipeline
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

# %% mutant: validate-primer-error | cell: validate
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

# %% mutant: validate-vacios-fuera-de-rango | cell: validate
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

# %% mutant: validate-keyerror | cell: validate
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

# %% mutant: rerun-sin-cascada | cell: rerun
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

# %% mutant: rerun-una-pasada | cell: rerun
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

# %% mutant: rerun-prefijo-sin-punto | cell: rerun
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
