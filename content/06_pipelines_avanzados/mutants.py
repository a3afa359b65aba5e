# %% mutant: clipper-cuantiles-en-transform | cell: clipper
# Recalcula los cuantiles en transform con el lote que llega: la fuga de la §1, dentro del transformer.
class QuantileClipper(TransformerMixin, BaseEstimator):
    """Recorta cada columna al intervalo [cuantil inferior, cuantil superior] aprendido en fit."""

    def __init__(self, lower_quantile=0.01, upper_quantile=0.99):
        self.lower_quantile = lower_quantile
        self.upper_quantile = upper_quantile

    def fit(self, X, y=None):
        for name in ("lower_quantile", "upper_quantile"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Real):
                raise TypeError(f"{name} debe ser un número real, no {type(value).__name__}.")
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")
        if self.lower_quantile >= self.upper_quantile:
            raise ValueError("lower_quantile debe ser menor que upper_quantile.")
        X = validate_data(self, X)
        self.lower_bounds_ = np.quantile(X, self.lower_quantile, axis=0)
        self.upper_bounds_ = np.quantile(X, self.upper_quantile, axis=0)
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        low = np.quantile(X, self.lower_quantile, axis=0)
        high = np.quantile(X, self.upper_quantile, axis=0)
        return np.clip(X, low, high)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        if input_features is None:
            if hasattr(self, "feature_names_in_"):
                return np.asarray(self.feature_names_in_, dtype=object)
            return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
        names = np.asarray(input_features, dtype=object)
        if len(names) != self.n_features_in_:
            raise ValueError("input_features no tiene el número de columnas de fit.")
        if hasattr(self, "feature_names_in_") and not np.array_equal(names, self.feature_names_in_):
            raise ValueError("input_features no coincide con las columnas de fit.")
        return names

# %% mutant: clipper-valida-en-init | cell: clipper
# Valida y convierte los parámetros en __init__: rompe clone/set_params y el contrato de sklearn.
class QuantileClipper(TransformerMixin, BaseEstimator):
    """Recorta cada columna al intervalo [cuantil inferior, cuantil superior] aprendido en fit."""

    def __init__(self, lower_quantile=0.01, upper_quantile=0.99):
        if not 0.0 <= float(lower_quantile) < float(upper_quantile) <= 1.0:
            raise ValueError("lower_quantile y upper_quantile deben cumplir 0 <= lower < upper <= 1.")
        self.lower_quantile = float(lower_quantile)
        self.upper_quantile = float(upper_quantile)

    def fit(self, X, y=None):
        X = validate_data(self, X)
        self.lower_bounds_ = np.quantile(X, self.lower_quantile, axis=0)
        self.upper_bounds_ = np.quantile(X, self.upper_quantile, axis=0)
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return np.clip(X, self.lower_bounds_, self.upper_bounds_)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        if input_features is None:
            if hasattr(self, "feature_names_in_"):
                return np.asarray(self.feature_names_in_, dtype=object)
            return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
        names = np.asarray(input_features, dtype=object)
        if len(names) != self.n_features_in_:
            raise ValueError("input_features no tiene el número de columnas de fit.")
        if hasattr(self, "feature_names_in_") and not np.array_equal(names, self.feature_names_in_):
            raise ValueError("input_features no coincide con las columnas de fit.")
        return names

# %% mutant: clipper-sin-nombres | cell: clipper
# Recorta bien y valida bien, pero no sabe nombrar sus columnas de salida: set_output falla.
class QuantileClipper(TransformerMixin, BaseEstimator):
    """Recorta cada columna al intervalo [cuantil inferior, cuantil superior] aprendido en fit."""

    def __init__(self, lower_quantile=0.01, upper_quantile=0.99):
        self.lower_quantile = lower_quantile
        self.upper_quantile = upper_quantile

    def fit(self, X, y=None):
        for name in ("lower_quantile", "upper_quantile"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Real):
                raise TypeError(f"{name} debe ser un número real, no {type(value).__name__}.")
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")
        if self.lower_quantile >= self.upper_quantile:
            raise ValueError("lower_quantile debe ser menor que upper_quantile.")
        X = validate_data(self, X)
        self.lower_bounds_ = np.quantile(X, self.lower_quantile, axis=0)
        self.upper_bounds_ = np.quantile(X, self.upper_quantile, axis=0)
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return np.clip(X, self.lower_bounds_, self.upper_bounds_)

# %% mutant: pipeline-sin-recorte | cell: pipeline
# Olvida el QuantileClipper en la rama numérica: los extremos llegan al escalado y a las splines.
def build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0):
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    seen = set()
    for name, columns in (("numeric_features", numeric_features), ("flag_features", flag_features), ("categorical_features", categorical_features)):
        if not isinstance(columns, (list, tuple)):
            raise TypeError(f"{name} debe ser una lista o tupla, no {type(columns).__name__}.")
        for column in columns:
            if not isinstance(column, str):
                raise TypeError(f"{name} contiene {column!r}: los nombres son str.")
            if column in seen:
                raise ValueError(f"La columna '{column}' está repetida.")
            seen.add(column)
    if not seen:
        raise ValueError("Hace falta al menos una columna.")
    if isinstance(C, bool) or not isinstance(C, Real):
        raise TypeError(f"C debe ser un número, no {type(C).__name__}.")
    if not (math.isfinite(C) and C > 0):
        raise ValueError(f"C debe ser finito y mayor que 0; es {C}.")
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("features", FeatureUnion([("scaled", StandardScaler()), ("splines", SplineTransformer(n_knots=5, degree=3))])),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])

# %% mutant: pipeline-onehot-estricto | cell: pipeline
# OneHotEncoder con handle_unknown por defecto ("error"): una región nueva tumba la predicción.
def build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0):
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    seen = set()
    for name, columns in (("numeric_features", numeric_features), ("flag_features", flag_features), ("categorical_features", categorical_features)):
        if not isinstance(columns, (list, tuple)):
            raise TypeError(f"{name} debe ser una lista o tupla, no {type(columns).__name__}.")
        for column in columns:
            if not isinstance(column, str):
                raise TypeError(f"{name} contiene {column!r}: los nombres son str.")
            if column in seen:
                raise ValueError(f"La columna '{column}' está repetida.")
            seen.add(column)
    if not seen:
        raise ValueError("Hace falta al menos una columna.")
    if isinstance(C, bool) or not isinstance(C, Real):
        raise TypeError(f"C debe ser un número, no {type(C).__name__}.")
    if not (math.isfinite(C) and C > 0):
        raise ValueError(f"C debe ser finito y mayor que 0; es {C}.")
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("clip", QuantileClipper()),
        ("features", FeatureUnion([("scaled", StandardScaler()), ("splines", SplineTransformer(n_knots=5, degree=3))])),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])

# %% mutant: pipeline-sin-validar | cell: pipeline
# Construye bien el pipeline pero no valida nada: un str suelto o una columna repetida pasan.
def build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0):
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("clip", QuantileClipper()),
        ("features", FeatureUnion([("scaled", StandardScaler()), ("splines", SplineTransformer(n_knots=5, degree=3))])),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])

# %% mutant: fuga-seleccion-fuera | cell: fuga
# El "honesto" mete escalado y modelo en un pipeline, pero selecciona variables con todas las filas.
def make_honest_model(k):
    """Pipeline sin entrenar: escalar → seleccionar k variables → regresión logística."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k debe ser un entero, no {type(k).__name__}.")
    if k < 1:
        raise ValueError(f"k debe ser al menos 1; es {k}.")
    return Pipeline([
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif, k=k)),
        ("model", LogisticRegression(max_iter=1000)),
    ])


def leakage_inflation(X, y, k, cv):
    """AUC con fuga, AUC honesta y su diferencia, con el mismo esquema de validación."""
    scaled = StandardScaler().fit_transform(X)
    selected = SelectKBest(f_classif, k=k).fit_transform(scaled, y)
    leaky = cross_val_score(LogisticRegression(max_iter=1000), selected, y, cv=cv, scoring="roc_auc").mean()
    picked = SelectKBest(f_classif, k=k).fit_transform(X, y)
    honest = cross_val_score(
        make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), picked, y, cv=cv, scoring="roc_auc"
    ).mean()
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(leaky - honest)}

# %% mutant: fuga-escalador-fuera | cell: fuga
# Escala con todas las filas antes de validar y el pipeline "honesto" solo selecciona y modela.
def make_honest_model(k):
    """Pipeline sin entrenar: escalar → seleccionar k variables → regresión logística."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k debe ser un entero, no {type(k).__name__}.")
    if k < 1:
        raise ValueError(f"k debe ser al menos 1; es {k}.")
    return Pipeline([
        ("select", SelectKBest(f_classif, k=k)),
        ("model", LogisticRegression(max_iter=1000)),
    ])


def leakage_inflation(X, y, k, cv):
    """AUC con fuga, AUC honesta y su diferencia, con el mismo esquema de validación."""
    scaled = StandardScaler().fit_transform(X)
    selected = SelectKBest(f_classif, k=k).fit_transform(scaled, y)
    leaky = cross_val_score(LogisticRegression(max_iter=1000), selected, y, cv=cv, scoring="roc_auc").mean()
    honest = cross_val_score(make_honest_model(k), scaled, y, cv=cv, scoring="roc_auc").mean()
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(leaky - honest)}

# %% mutant: fuga-signo | cell: fuga
# Calcula bien las dos AUC pero resta al revés: la inflación sale negativa.
def make_honest_model(k):
    """Pipeline sin entrenar: escalar → seleccionar k variables → regresión logística."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k debe ser un entero, no {type(k).__name__}.")
    if k < 1:
        raise ValueError(f"k debe ser al menos 1; es {k}.")
    return Pipeline([
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif, k=k)),
        ("model", LogisticRegression(max_iter=1000)),
    ])


def leakage_inflation(X, y, k, cv):
    """AUC con fuga, AUC honesta y su diferencia, con el mismo esquema de validación."""
    scaled = StandardScaler().fit_transform(X)
    selected = SelectKBest(f_classif, k=k).fit_transform(scaled, y)
    leaky = cross_val_score(LogisticRegression(max_iter=1000), selected, y, cv=cv, scoring="roc_auc").mean()
    honest = cross_val_score(make_honest_model(k), X, y, cv=cv, scoring="roc_auc").mean()
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(honest - leaky)}

# %% mutant: esquema-primer-error | cell: esquema
# Para en la primera columna que falta o que está mal: quien llama arregla un error por despliegue.
def check_input_schema(frame, expected):
    """Comprueba columnas y tipos de `frame` contra `expected`; devuelve solo esas columnas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame, no {type(frame).__name__}.")
    for column, kind in expected.items():
        if kind not in ("number", "bool", "category"):
            raise ValueError(f"Tipo de columna desconocido en el contrato: {kind}.")
        if column not in frame.columns:
            raise ValueError(f"Falta la columna obligatoria {column}.")
        if column_kind(frame[column]) != kind:
            raise TypeError(f"La columna {column} debe ser {kind}; llega {frame[column].dtype}.")
    return frame[list(expected)]

# %% mutant: esquema-sin-tipos | cell: esquema
# Comprueba que las columnas estén, pero no su tipo: la edad como texto pasa al modelo.
def check_input_schema(frame, expected):
    """Comprueba columnas y tipos de `frame` contra `expected`; devuelve solo esas columnas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame, no {type(frame).__name__}.")
    unknown = [kind for kind in expected.values() if kind not in ("number", "bool", "category")]
    if unknown:
        raise ValueError(f"Tipos de columna desconocidos en el contrato: {unknown}.")
    missing = [column for column in expected if column not in frame.columns]
    if missing:
        raise ValueError(f"Faltan columnas obligatorias: {', '.join(missing)}.")
    return frame[list(expected)]

# %% mutant: esquema-no-filtra | cell: esquema
# Valida bien, pero devuelve el DataFrame entero: gender y customer_id siguen viajando al modelo.
def check_input_schema(frame, expected):
    """Comprueba columnas y tipos de `frame` contra `expected`; devuelve solo esas columnas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame, no {type(frame).__name__}.")
    unknown = [kind for kind in expected.values() if kind not in ("number", "bool", "category")]
    if unknown:
        raise ValueError(f"Tipos de columna desconocidos en el contrato: {unknown}.")
    missing = [column for column in expected if column not in frame.columns]
    if missing:
        raise ValueError(f"Faltan columnas obligatorias: {', '.join(missing)}.")
    wrong = [c for c, kind in expected.items() if column_kind(frame[c]) != kind]
    if wrong:
        raise TypeError(f"Columnas con tipo incorrecto: {', '.join(wrong)}.")
    return frame

# %% mutant: carga-confia-todo | cell: carga-segura
# Pasa a trusted todo lo que pide el archivo: quien fabrica el archivo decide qué se ejecuta.
import zipfile


def load_trusted_pipeline(path, allowed_types):
    """Carga un Pipeline de un archivo skops si solo necesita tipos de `allowed_types`."""
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path debe ser str o Path, no {type(path).__name__}.")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No existe el archivo del modelo: {path}")
    try:
        needed = sio.get_untrusted_types(file=path)
    except zipfile.BadZipFile as err:
        raise ValueError(f"{path} no es un archivo skops válido.") from err
    model = sio.load(path, trusted=needed)
    if not isinstance(model, Pipeline):
        raise TypeError(f"{path.name} no contiene un Pipeline.")
    return model

# %% mutant: carga-joblib | cell: carga-segura
# "Para qué complicarse": carga con joblib, que ejecuta lo que traiga el archivo.
def load_trusted_pipeline(path, allowed_types):
    """Carga un Pipeline de un archivo skops si solo necesita tipos de `allowed_types`."""
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path debe ser str o Path, no {type(path).__name__}.")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No existe el archivo del modelo: {path}")
    model = joblib.load(path)
    if not isinstance(model, Pipeline):
        raise TypeError(f"{path.name} no contiene un Pipeline.")
    return model

# %% mutant: carga-sin-comprobar-salida | cell: carga-segura
# Revisa bien los tipos, pero no comprueba la ruta ni que lo cargado sea un Pipeline.
import zipfile


def load_trusted_pipeline(path, allowed_types):
    """Carga un Pipeline de un archivo skops si solo necesita tipos de `allowed_types`."""
    try:
        needed = sio.get_untrusted_types(file=path)
    except zipfile.BadZipFile as err:
        raise ValueError(f"{path} no es un archivo skops válido.") from err
    rejected = [name for name in needed if name not in set(allowed_types)]
    if rejected:
        raise ValueError(f"Tipos no revisados: {', '.join(rejected)}.")
    return sio.load(path, trusted=needed)
