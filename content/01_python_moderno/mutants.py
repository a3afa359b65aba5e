# %% mutant: tipos-columna-str | cell: typed
# Tipa la columna como str y las filas como Mapping[str, Any]: pasa --strict, pero la errata
# "regoin" ya no es un error de tipos.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[Mapping[str, Any]], column: str) -> dict[Any, float]:
    counts: dict[Any, int] = {}
    churned: dict[Any, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-a-medias | cell: typed
# Solo anota la mitad: churn_rate_by sigue sin tipos y mypy --strict lo rechaza.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Sequence
from typing import Literal, TypedDict


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows, column):
    counts = {}
    churned = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: config-sin-forbid | cell: config
# Olvida extra="forbid": la errata n_estimatros se ignora en silencio (el fallo de la §3.1).
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000)
    max_depth: int | None = Field(default=None, ge=1)
    random_state: int = Field(default=42, ge=0)

    @field_validator("features")
    @classmethod
    def unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({f for f in features if features.count(f) > 1})
        if repeated:
            raise ValueError(f"columnas repetidas: {repeated}")
        return features

    @model_validator(mode="after")
    def no_leak(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"'{self.target}' no puede estar en features")
        return self

# %% mutant: config-objetivo-fijo | cell: config
# Comprueba la fuga solo para "churned" (texto fijo) en lugar de para el target configurado, y no
# comprueba columnas repetidas.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000)
    max_depth: int | None = Field(default=None, ge=1)
    random_state: int = Field(default=42, ge=0)

    @field_validator("features")
    @classmethod
    def no_churned(cls, features: list[str]) -> list[str]:
        if "churned" in features:
            raise ValueError("'churned' no puede estar en features")
        return features

# %% mutant: retry-sin-wraps | cell: retry
# Funciona, pero la función decorada se llama «wrapper» y pierde docstring y firma.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int):
        raise TypeError("max_attempts debe ser un entero.")
    if max_attempts < 1:
        raise ValueError("max_attempts debe ser al menos 1.")
    if base_delay < 0:
        raise ValueError("base_delay no puede ser negativo.")
    if factor < 1:
        raise ValueError("factor debe ser ≥ 1.")

    def decorate(func):
        def wrapper(*args, **kwargs):
            for attempt in range(1, max_attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == max_attempts:
                        raise
                    sleep(base_delay * factor ** (attempt - 1))

        return wrapper

    return decorate

# %% mutant: retry-atrapa-todo | cell: retry
# Captura Exception: también reintenta errores permanentes como un ValueError, y no valida nada.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, max_attempts):
                try:
                    return func(*args, **kwargs)
                except Exception:
                    sleep(base_delay * factor ** (attempt - 1))
            return func(*args, **kwargs)

        return wrapper

    return decorate

# %% mutant: train-exige-herencia | cell: train
# Piensa en herencia: exige un estimador de scikit-learn y rechaza cualquier otra clase.
def train_and_evaluate(
    model: Classifier, X_train: Any, y_train: Any, X_test: Any, y_test: Any
) -> TrainingReport:
    """Entrena `model` y devuelve su exactitud en test; acepta cualquier Classifier."""
    from sklearn.base import BaseEstimator

    if not isinstance(model, BaseEstimator):
        raise TypeError(f"{type(model).__name__} no es un estimador: le falta fit/predict.")
    for split, features, labels in (("entrenamiento", X_train, y_train), ("test", X_test, y_test)):
        if len(features) == 0 or len(features) != len(labels):
            raise ValueError(f"El conjunto de {split} está vacío o descuadrado.")
    model.fit(X_train, y_train)
    hits = np.asarray(model.predict(X_test)) == np.asarray(y_test)
    return TrainingReport(type(model).__name__, float(hits.mean()), len(X_train), len(X_test))

# %% mutant: train-exactitud-en-train | cell: train
# Mide la exactitud sobre el conjunto de entrenamiento (optimista) en lugar del de test.
def train_and_evaluate(
    model: Classifier, X_train: Any, y_train: Any, X_test: Any, y_test: Any
) -> TrainingReport:
    """Entrena `model` y devuelve su exactitud en test; acepta cualquier Classifier."""
    if not isinstance(model, Classifier):
        missing = [n for n in ("fit", "predict") if not callable(getattr(model, n, None))]
        raise TypeError(f"No cumple Classifier: le falta {' y '.join(missing)}.")
    for split, features, labels in (("entrenamiento", X_train, y_train), ("test", X_test, y_test)):
        if len(features) == 0 or len(features) != len(labels):
            raise ValueError(f"El conjunto de {split} está vacío o descuadrado.")
    model.fit(X_train, y_train)
    hits = np.asarray(model.predict(X_train)) == np.asarray(y_train)
    return TrainingReport(type(model).__name__, float(hits.mean()), len(X_train), len(X_test))

# %% mutant: paquete-plano | cell: scaffold
# Layout plano: el paquete queda en la raíz del proyecto, no bajo src/.
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / package
    package_dir.mkdir(parents=True, exist_ok=True)
    (project_dir / "pyproject.toml").write_text(
        "[build-system]\nrequires = [\"setuptools>=77\"]\n"
        "build-backend = \"setuptools.build_meta\"\n\n"
        f"[project]\nname = \"{package.replace('_', '-')}\"\nversion = \"0.1.0\"\n"
        "requires-python = \">=3.11\"\n",
        encoding="utf-8",
    )
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir

# %% mutant: paquete-sin-py-typed | cell: scaffold
# Todo bien salvo py.typed: quien instale el paquete no verá sus tipos (PEP 561).
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True, exist_ok=True)
    (project_dir / "pyproject.toml").write_text(
        "[build-system]\nrequires = [\"setuptools>=77\"]\n"
        "build-backend = \"setuptools.build_meta\"\n\n"
        f"[project]\nname = \"{package.replace('_', '-')}\"\nversion = \"0.1.0\"\n"
        "requires-python = \">=3.11\"\n",
        encoding="utf-8",
    )
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir

