# %% mutant: tipos-columna-str | cell: typed | breaks: R3
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

# %% mutant: tipos-a-medias | cell: typed | breaks: R3, R4
# Solo anota la mitad: churn_rate_by sigue sin tipos y mypy --strict lo rechaza.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Sequence
from typing import TypedDict


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

# %% mutant: tipos-fila-activo-int | cell: typed | breaks: R1
# Copia los tipos del DataFrame (is_active_member es 0/1) y anota is_active_member: int en lugar de
# bool; todo lo demás está bien y mypy no se queja.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: int
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | int, float]:
    counts: dict[str | int, int] = {}
    churned: dict[str | int, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-listas-concretas | cell: typed | breaks: R2, R3
# Anota con list lo que el enunciado pide como secuencia o iterable: una tupla, una list[int] ya
# tipada o un generador dejan de ser llamadas válidas para mypy.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Sequence
from typing import Literal, TypedDict

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: list[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: list[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    counts: dict[str | bool, int] = {}
    churned: dict[str | bool, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-corte-estricto | cell: typed | breaks: R5
# Lee «1 tras el primer corte» como age > corte: una edad justo en el corte (30) cae en la banda
# anterior. Los tipos están bien.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age > cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    counts: dict[str | bool, int] = {}
    churned: dict[str | bool, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-dos-pasadas | cell: typed | breaks: R5
# Reescribe churn_rate_by con comprensiones que recorren rows dos veces: con una lista funciona,
# pero un generador ya está agotado en la segunda pasada.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Iterable, Sequence
from statistics import mean
from typing import Literal, TypedDict

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    groups = {row[column] for row in rows}
    return {
        group: float(mean(row["churned"] for row in rows if row[column] == group))
        for group in groups
    }
'''

# %% mutant: tipos-import-sobrante | cell: typed | breaks: R6
# Deja al final el import de json de una versión anterior: mypy --strict no se queja, pero ruff
# señala el import sin usar (F401) y el bloque de imports desordenado (I001).
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict
import json

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    counts: dict[str | bool, int] = {}
    churned: dict[str | bool, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-typing-antiguo | cell: typed | breaks: R6
# Copia el estilo de un tutorial antiguo: typing.List, Dict, Optional. mypy lo acepta; ruff (UP)
# pide la sintaxis de Python 3.11.
TYPED_FEATURES_SOURCE = '''\
from typing import Dict, Iterable, List, Literal, Optional, Sequence, TypedDict, Union

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(
    ages: Sequence[Optional[int]], edges: Optional[Sequence[int]] = None
) -> List[Optional[int]]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(
    rows: Iterable[CustomerRow], column: GroupColumn
) -> Dict[Union[str, bool], float]:
    counts: Dict[Union[str, bool], int] = {}
    churned: Dict[Union[str, bool], int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-noqa | cell: typed | breaks: R6
# En lugar de borrar el import sobrante, lo silencia con un comentario noqa: el test visible pasa; el oculto
# ejecuta ruff con --ignore-noqa.
TYPED_FEATURES_SOURCE = '''\
import json  # noqa: F401
from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict

GroupColumn = Literal["region", "is_active_member"]


class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int


def age_band(ages: Sequence[int | None], edges: Sequence[int] | None = None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age >= cut for cut in cuts) for age in ages]


def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    counts: dict[str | bool, int] = {}
    churned: dict[str | bool, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0) + 1
        churned[group] = churned.get(group, 0) + row["churned"]
    return {group: churned[group] / counts[group] for group in counts}
'''

# %% mutant: tipos-sin-formato | cell: typed | breaks: R7
# Correcto para mypy y para ruff check, pero escrito a mano: comillas simples, operadores sin
# espacios y una sola línea en blanco entre definiciones. ruff format --check lo rechaza.
TYPED_FEATURES_SOURCE = '''\
from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict

GroupColumn = Literal['region', 'is_active_member']

class CustomerRow(TypedDict):
    region: str
    is_active_member: bool
    churned: int

def age_band(ages: Sequence[int | None], edges: Sequence[int] | None=None) -> list[int | None]:
    cuts = (30, 45, 60) if edges is None else edges
    return [None if age is None else sum(age>=cut for cut in cuts) for age in ages]

def churn_rate_by(rows: Iterable[CustomerRow], column: GroupColumn) -> dict[str | bool, float]:
    counts: dict[str | bool, int] = {}
    churned: dict[str | bool, int] = {}
    for row in rows:
        group = row[column]
        counts[group] = counts.get(group, 0)+1
        churned[group] = churned.get(group, 0)+row['churned']
    return {group: churned[group]/counts[group] for group in counts}
'''

# %% mutant: config-max-depth-obligatorio | cell: config | breaks: R1
# Escribe max_depth: int | None = Field(ge=1) pensando que «| None» ya da None por defecto (así era
# en Pydantic v1): en v2 el campo pasa a ser obligatorio.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"la columna objetivo '{self.target}' no puede estar en features")
        return self


# %% mutant: config-features-sin-minimo | cell: config | breaks: R2
# Declara features como list[str] obligatoria, pero olvida el mínimo de una columna: features=[]
# se acepta.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str]
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"la columna objetivo '{self.target}' no puede estar en features")
        return self


# %% mutant: config-test-size-abierto | cell: config | breaks: R3
# Escribe el límite superior de test_size con lt en lugar de le: rechaza 0.5, que la tabla
# permite.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, lt=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"la columna objetivo '{self.target}' no puede estar en features")
        return self

# %% mutant: config-sin-forbid | cell: config | breaks: R4
# Olvida extra="forbid": la errata n_estimatros se ignora en silencio (el fallo de la §3.1).
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

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

# %% mutant: config-mutable | cell: config | breaks: R5
# Olvida frozen=True: la configuración se puede modificar después de validarla.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid")

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"la columna objetivo '{self.target}' no puede estar en features")
        return self

# %% mutant: config-objetivo-fijo | cell: config | breaks: R6, R7
# Comprueba la fuga solo para "churned" (texto fijo) en lugar de para el target configurado, y no
# comprueba columnas repetidas.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def no_churned(cls, features: list[str]) -> list[str]:
        if "churned" in features:
            raise ValueError("'churned' no puede estar en features")
        return features

# %% mutant: config-mensaje-generico | cell: config | breaks: R6, R7
# Detecta bien las repetidas y la fuga, pero con mensajes genéricos que no dicen qué columna es la
# culpable.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1, strict=True)
    random_state: int = Field(default=42, ge=0, strict=True)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        if len(set(features)) != len(features):
            raise ValueError("features tiene columnas repetidas")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError("la columna objetivo no puede estar en features")
        return self

# %% mutant: config-acepta-bool | cell: config | breaks: R8
# Confía en el modo lax de Pydantic: `n_estimators: yes` del YAML llega como True y se convierte en
# 1 árbol sin ningún error.
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
    def features_are_unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"la columna objetivo '{self.target}' no puede estar en features")
        return self


# %% mutant: config-bool-solo-arboles | cell: config | breaks: R8
# Solo protege n_estimators: max_depth=True (profundidad 1) y random_state=False (semilla 0) siguen
# pasando en silencio.
class TrainingConfig(BaseModel):
    """Configuración validada de un entrenamiento del modelo de churn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_type: Literal["logistic_regression", "random_forest"] = "logistic_regression"
    features: list[str] = Field(min_length=1)
    target: str = "churned"
    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, le=2000, strict=True)
    max_depth: int | None = Field(default=None, ge=1)
    random_state: int = Field(default=42, ge=0)

    @field_validator("features")
    @classmethod
    def features_are_unique(cls, features: list[str]) -> list[str]:
        repeated = sorted({name for name in features if features.count(name) > 1})
        if repeated:
            raise ValueError(f"features tiene columnas repetidas: {', '.join(repeated)}")
        return features

    @model_validator(mode="after")
    def target_is_not_a_feature(self) -> Self:
        if self.target in self.features:
            raise ValueError(f"la columna objetivo '{self.target}' no puede estar en features")
        return self


# %% mutant: retry-pierde-kwargs | cell: retry | breaks: R1
# El envoltorio solo acepta y pasa *args: una llamada con argumentos con nombre
# (version=3) falla con TypeError.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    if not isinstance(max_attempts, int):
        raise TypeError(f"max_attempts debe ser un entero, no {type(max_attempts).__name__}.")
    if max_attempts < 1:
        raise ValueError(f"max_attempts debe ser al menos 1 (recibido {max_attempts}).")
    if base_delay < 0:
        raise ValueError(f"base_delay no puede ser negativo (recibido {base_delay}).")
    if factor < 1:
        raise ValueError(f"factor debe ser ≥ 1 (recibido {factor}).")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args):
            for attempt in range(1, max_attempts):
                try:
                    return func(*args)
                except exceptions:
                    sleep(base_delay * factor ** (attempt - 1))
            return func(*args)

        return wrapper

    return decorate

# %% mutant: retry-espera-lineal | cell: retry | breaks: R2
# Espera base_delay * k (lineal) en lugar de base_delay * factor ** (k - 1): con los valores por
# defecto coincide (0.5, 1.0), pero no usa factor.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    if not isinstance(max_attempts, int):
        raise TypeError(f"max_attempts debe ser un entero, no {type(max_attempts).__name__}.")
    if max_attempts < 1:
        raise ValueError(f"max_attempts debe ser al menos 1 (recibido {max_attempts}).")
    if base_delay < 0:
        raise ValueError(f"base_delay no puede ser negativo (recibido {base_delay}).")
    if factor < 1:
        raise ValueError(f"factor debe ser ≥ 1 (recibido {factor}).")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, max_attempts):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    sleep(base_delay * attempt)
            return func(*args, **kwargs)

        return wrapper

    return decorate

# %% mutant: retry-excepciones-fijas | cell: retry | breaks: R2, R4
# Copia los valores por defecto en el except en lugar de usar el parámetro exceptions: siempre
# reintenta ConnectionError y TimeoutError, y nunca lo que pida quien llama.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    if not isinstance(max_attempts, int):
        raise TypeError(f"max_attempts debe ser un entero, no {type(max_attempts).__name__}.")
    if max_attempts < 1:
        raise ValueError(f"max_attempts debe ser al menos 1 (recibido {max_attempts}).")
    if base_delay < 0:
        raise ValueError(f"base_delay no puede ser negativo (recibido {base_delay}).")
    if factor < 1:
        raise ValueError(f"factor debe ser ≥ 1 (recibido {factor}).")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, max_attempts):
                try:
                    return func(*args, **kwargs)
                except (ConnectionError, TimeoutError):
                    sleep(base_delay * factor ** (attempt - 1))
            return func(*args, **kwargs)

        return wrapper

    return decorate

# %% mutant: retry-espera-de-mas | cell: retry | breaks: R3
# Espera también después del último intento fallido antes de relanzar el error: una espera
# inútil (la más larga) justo antes de rendirse.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    if not isinstance(max_attempts, int):
        raise TypeError(f"max_attempts debe ser un entero, no {type(max_attempts).__name__}.")
    if max_attempts < 1:
        raise ValueError(f"max_attempts debe ser al menos 1 (recibido {max_attempts}).")
    if base_delay < 0:
        raise ValueError(f"base_delay no puede ser negativo (recibido {base_delay}).")
    if factor < 1:
        raise ValueError(f"factor debe ser ≥ 1 (recibido {factor}).")

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            last_error: Exception | None = None
            for attempt in range(1, max_attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as err:
                    last_error = err
                    sleep(base_delay * factor ** (attempt - 1))
            assert last_error is not None
            raise last_error

        return wrapper

    return decorate

# %% mutant: retry-atrapa-todo | cell: retry | breaks: R4, R6
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

# %% mutant: retry-sin-wraps | cell: retry | breaks: R5
# Funciona, pero la función decorada se llama «wrapper» y pierde docstring y firma.
def retry(
    max_attempts: int = 3,
    base_delay: float = 0.5,
    factor: float = 2.0,
    exceptions: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Reintenta la función decorada ante `exceptions`, con espera exponencial entre intentos."""
    if not isinstance(max_attempts, int):
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

# %% mutant: retry-valida-tarde | cell: retry | breaks: R6
# Valida los argumentos dentro del envoltorio, al llamar a la función decorada: retry(max_attempts=0)
# no falla hasta que alguien usa la función.
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
            if not isinstance(max_attempts, int):
                raise TypeError(f"max_attempts debe ser un entero, no {type(max_attempts).__name__}.")
            if max_attempts < 1:
                raise ValueError(f"max_attempts debe ser al menos 1 (recibido {max_attempts}).")
            if base_delay < 0:
                raise ValueError(f"base_delay no puede ser negativo (recibido {base_delay}).")
            if factor < 1:
                raise ValueError(f"factor debe ser ≥ 1 (recibido {factor}).")
            for attempt in range(1, max_attempts):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    sleep(base_delay * factor ** (attempt - 1))
            return func(*args, **kwargs)

        return wrapper

    return decorate

# %% mutant: train-exige-herencia | cell: train | breaks: R1
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

# %% mutant: train-usa-score | cell: train | breaks: R1
# Mide la exactitud con model.score(X_test, y_test), que tienen los estimadores de scikit-learn
# pero no el contrato Classifier: un modelo que solo tiene fit/predict falla.
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
    accuracy = float(model.score(X_test, y_test))
    return TrainingReport(type(model).__name__, accuracy, len(X_train), len(X_test))

# %% mutant: train-sin-comprobar-protocolo | cell: train | breaks: R2
# Confía en el duck typing y no comprueba el protocolo: a un modelo sin predict le salta un
# AttributeError de Python, no un TypeError que diga qué método falta.
def train_and_evaluate(
    model: Classifier, X_train: Any, y_train: Any, X_test: Any, y_test: Any
) -> TrainingReport:
    """Entrena `model` y devuelve su exactitud en test; acepta cualquier Classifier."""
    for split, features, labels in (("entrenamiento", X_train, y_train), ("test", X_test, y_test)):
        if len(features) == 0 or len(features) != len(labels):
            raise ValueError(f"El conjunto de {split} está vacío o descuadrado.")
    model.fit(X_train, y_train)
    hits = np.asarray(model.predict(X_test)) == np.asarray(y_test)
    return TrainingReport(type(model).__name__, float(hits.mean()), len(X_train), len(X_test))

# %% mutant: train-valida-solo-entrenamiento | cell: train | breaks: R3
# Valida solo el conjunto de entrenamiento: un test vacío o con X e y de distinta longitud pasa
# sin error (numpy incluso compara arrays de tamaños distintos).
def train_and_evaluate(
    model: Classifier, X_train: Any, y_train: Any, X_test: Any, y_test: Any
) -> TrainingReport:
    """Entrena `model` y devuelve su exactitud en test; acepta cualquier Classifier."""
    if not isinstance(model, Classifier):
        missing = [n for n in ("fit", "predict") if not callable(getattr(model, n, None))]
        raise TypeError(f"No cumple Classifier: le falta {' y '.join(missing)}.")
    if len(X_train) == 0 or len(X_train) != len(y_train):
        raise ValueError("El conjunto de entrenamiento está vacío o descuadrado.")
    model.fit(X_train, y_train)
    hits = np.asarray(model.predict(X_test)) == np.asarray(y_test)
    return TrainingReport(type(model).__name__, float(hits.mean()), len(X_train), len(X_test))

# %% mutant: train-exactitud-en-train | cell: train | breaks: R4
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

# %% mutant: train-devuelve-dict | cell: train | breaks: R5
# Devuelve un diccionario con las mismas claves en lugar del TrainingReport de arriba.
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
    hits = np.asarray(model.predict(X_test)) == np.asarray(y_test)
    return {
        "model_name": type(model).__name__,
        "accuracy": float(hits.mean()),
        "n_train": len(X_train),
        "n_test": len(X_test),
    }

# %% mutant: paquete-plano | cell: scaffold | breaks: R1
# Layout plano: el paquete queda en la raíz del proyecto, no bajo src/.
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / package
    package_dir.mkdir(parents=True, exist_ok=True)
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.replace("_", "-")}"\nversion = "0.1.0"\n'
        'requires-python = ">=3.11"\n\n'
        f'[tool.setuptools.package-data]\n{package} = ["py.typed"]\n\n'
        "[tool.mypy]\nstrict = true\n"
    )
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir


# %% mutant: paquete-sin-py-typed | cell: scaffold | breaks: R2
# Todo bien salvo py.typed: lo declara en package-data pero no crea el archivo, y quien instale el
# paquete no verá sus tipos (PEP 561).
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True, exist_ok=True)
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.replace("_", "-")}"\nversion = "0.1.0"\n'
        'requires-python = ">=3.11"\n\n'
        f'[tool.setuptools.package-data]\n{package} = ["py.typed"]\n\n'
        "[tool.mypy]\nstrict = true\n"
    )
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir


# %% mutant: paquete-modulos-en-src | cell: scaffold | breaks: R3
# Confunde las carpetas: escribe los módulos en src/, junto al paquete, en lugar de dentro de
# src/<package>/.
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True, exist_ok=True)
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.replace("_", "-")}"\nversion = "0.1.0"\n'
        'requires-python = ">=3.11"\n\n'
        f'[tool.setuptools.package-data]\n{package} = ["py.typed"]\n\n'
        "[tool.mypy]\nstrict = true\n"
    )
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (project_dir / "src" / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir


# %% mutant: paquete-pyproject-minimo | cell: scaffold | breaks: R4
# Escribe solo lo que exige validate-pyproject: sin py.typed en package-data ni [tool.mypy] con
# strict = true, que el árbol del enunciado pide.
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True, exist_ok=True)
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.replace("_", "-")}"\nversion = "0.1.0"\n'
        'requires-python = ">=3.11"\n'
    )
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir


# %% mutant: paquete-valida-al-escribir | cell: scaffold | breaks: R5
# Valida el nombre del paquete al principio, pero el de cada módulo justo antes de escribirlo:
# con un módulo mal nombrado, pyproject.toml y el paquete ya están a medio crear.
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    if not package.isidentifier() or package != package.lower() or keyword.iskeyword(package):
        raise ValueError(f"{package!r} no es un nombre de paquete válido.")
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True, exist_ok=True)
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.replace("_", "-")}"\nversion = "0.1.0"\n'
        'requires-python = ">=3.11"\n\n'
        f'[tool.setuptools.package-data]\n{package} = ["py.typed"]\n\n'
        "[tool.mypy]\nstrict = true\n"
    )
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir


# %% mutant: paquete-no-idempotente | cell: scaffold | breaks: R6
# Crea la carpeta con mkdir(parents=True) sin exist_ok=True: la segunda llamada sobre el mismo
# proyecto falla con FileExistsError.
def scaffold_package(project_dir: Path, package: str, modules: Mapping[str, str]) -> Path:
    """Crea un proyecto con layout src/ en `project_dir` y devuelve la carpeta del paquete."""
    for name in (package, *modules):
        if not name.isidentifier() or name != name.lower() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} no es un nombre de módulo válido.")
    package_dir = project_dir / "src" / package
    package_dir.mkdir(parents=True)
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.replace("_", "-")}"\nversion = "0.1.0"\n'
        'requires-python = ">=3.11"\n\n'
        f'[tool.setuptools.package-data]\n{package} = ["py.typed"]\n\n'
        "[tool.mypy]\nstrict = true\n"
    )
    (project_dir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (package_dir / "__init__.py").write_text('"""Paquete."""\n', encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package_dir / f"{name}.py").write_text(source, encoding="utf-8")
    return package_dir
