# %% mutant: clipper-valida-en-init | cell: clipper | breaks: R1, R9
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

# %% mutant: clipper-acepta-bool | cell: clipper | breaks: R2
# Comprueba que los parámetros sean Real, pero olvida que True y False también lo son.
class QuantileClipper(TransformerMixin, BaseEstimator):
    """Recorta cada columna al intervalo [cuantil inferior, cuantil superior] aprendido en fit."""

    def __init__(self, lower_quantile=0.01, upper_quantile=0.99):
        self.lower_quantile = lower_quantile
        self.upper_quantile = upper_quantile

    def fit(self, X, y=None):
        for name in ("lower_quantile", "upper_quantile"):
            value = getattr(self, name)
            if not isinstance(value, Real):
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

# %% mutant: clipper-nan-pasa | cell: clipper | breaks: R3
# Comprueba el rango con "< 0 or > 1": nan no es menor ni mayor que nada y se cuela hasta np.quantile.
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
            if value < 0 or value > 1:
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

# %% mutant: clipper-cuantil-global | cell: clipper | breaks: R4
# Olvida axis=0: un solo cuantil para toda la matriz, no uno por columna (con una columna no se nota).
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
        self.lower_bounds_ = np.quantile(X, self.lower_quantile)
        self.upper_bounds_ = np.quantile(X, self.upper_quantile)
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

# %% mutant: clipper-cuantiles-en-transform | cell: clipper | breaks: R5
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

# %% mutant: clipper-transform-sin-comprobar | cell: clipper | breaks: R6
# transform recorta directamente con np.asarray, sin check_is_fitted ni validate_data(reset=False).
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
        return np.clip(np.asarray(X, dtype=float), self.lower_bounds_, self.upper_bounds_)

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

# %% mutant: clipper-sin-nombres | cell: clipper | breaks: R7
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

# %% mutant: clipper-nombres-sin-comprobar | cell: clipper | breaks: R7
# get_feature_names_out sin check_is_fitted: antes de fit falla con AttributeError, no con NotFittedError.
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

    def get_feature_names_out(self, input_features=None):
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

# %% mutant: clipper-nombres-lista | cell: clipper | breaks: R7
# get_feature_names_out devuelve una lista de Python, no np.asarray(nombres, dtype=object).
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

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        if input_features is None:
            if hasattr(self, "feature_names_in_"):
                return list(self.feature_names_in_)
            return [f"x{i}" for i in range(self.n_features_in_)]
        names = list(input_features)
        if len(names) != self.n_features_in_:
            raise ValueError("input_features no tiene el número de columnas de fit.")
        if hasattr(self, "feature_names_in_") and names != list(self.feature_names_in_):
            raise ValueError("input_features no coincide con las columnas de fit.")
        return names

# %% mutant: clipper-nombres-sin-validar | cell: clipper | breaks: R8
# Devuelve input_features tal cual le llegan, sin comprobar cuántos son ni si coinciden con fit.
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

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        if input_features is not None:
            return np.asarray(input_features, dtype=object)
        if hasattr(self, "feature_names_in_"):
            return np.asarray(self.feature_names_in_, dtype=object)
        return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)

# %% mutant: pipeline-sin-max-iter | cell: pipeline | breaks: R1
# Usa LogisticRegression(C=C) sin max_iter=1000: con el máximo por defecto (100) puede no converger.
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
    if not isinstance(C, Real):
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
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C))])

# %% mutant: pipeline-sin-recorte | cell: pipeline | breaks: R2
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
    if not isinstance(C, Real):
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

# %% mutant: pipeline-onehot-estricto | cell: pipeline | breaks: R3
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
    if not isinstance(C, Real):
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

# %% mutant: pipeline-flags-media | cell: pipeline | breaks: R3
# Imputa los flags con SimpleImputer() por defecto (la media): un flag imputado deja de ser 0/1.
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
    if not isinstance(C, Real):
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
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])

# %% mutant: pipeline-str-suelto | cell: pipeline | breaks: R4
# Comprueba que cada nombre sea str, pero no que la lista sea una lista: "age" pasa como 'a', 'g', 'e'.
def build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0):
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    seen = set()
    for name, columns in (("numeric_features", numeric_features), ("flag_features", flag_features), ("categorical_features", categorical_features)):
        for column in columns:
            if not isinstance(column, str):
                raise TypeError(f"{name} contiene {column!r}: los nombres son str.")
            if column in seen:
                raise ValueError(f"La columna '{column}' está repetida.")
            seen.add(column)
    if not seen:
        raise ValueError("Hace falta al menos una columna.")
    if not isinstance(C, Real):
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
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])

# %% mutant: pipeline-repetidas-por-lista | cell: pipeline | breaks: R5
# Busca repetidas dentro de cada lista, pero no entre listas: "age" numérica y flag a la vez pasa.
def build_churn_pipeline(numeric_features, flag_features, categorical_features, C=1.0):
    """Devuelve el Pipeline de churn sin entrenar: preprocesado por ramas + regresión logística."""
    total = 0
    for name, columns in (("numeric_features", numeric_features), ("flag_features", flag_features), ("categorical_features", categorical_features)):
        if not isinstance(columns, (list, tuple)):
            raise TypeError(f"{name} debe ser una lista o tupla, no {type(columns).__name__}.")
        seen = set()
        for column in columns:
            if not isinstance(column, str):
                raise TypeError(f"{name} contiene {column!r}: los nombres son str.")
            if column in seen:
                raise ValueError(f"La columna '{column}' está repetida en {name}.")
            seen.add(column)
        total += len(columns)
    if total == 0:
        raise ValueError("Hace falta al menos una columna.")
    if not isinstance(C, Real):
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
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000))])

# %% mutant: pipeline-c-solo-positivo | cell: pipeline | breaks: R6
# Solo comprueba "C <= 0": "1.0" o infinito no dan el error pedido.
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
    if C <= 0:
        raise ValueError(f"C debe ser mayor que 0; es {C}.")
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

# %% mutant: pipeline-constante-de-celda | cell: pipeline | breaks: R7
# Saca el número de nodos a una constante de la celda: funciona en el cuaderno, pero la constante
# no viaja a src/churn_project/pipeline.py (NameError en el proyecto).
SPLINE_KNOTS = 5


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
    if not isinstance(C, Real):
        raise TypeError(f"C debe ser un número, no {type(C).__name__}.")
    if not (math.isfinite(C) and C > 0):
        raise ValueError(f"C debe ser finito y mayor que 0; es {C}.")
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("clip", QuantileClipper()),
        ("features", FeatureUnion([("scaled", StandardScaler()), ("splines", SplineTransformer(n_knots=SPLINE_KNOTS, degree=3))])),
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

# %% mutant: pipeline-clases-balanceadas | cell: pipeline | breaks: R1
# Añade class_weight="balanced" «porque el churn está desbalanceado»: otro modelo, que ya no
# predice lo mismo que el del proyecto (el desbalance lo resuelve el umbral por costo).
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
    if not isinstance(C, Real):
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
        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric, list(numeric_features)),
        ("flags", SimpleImputer(strategy="most_frequent"), list(flag_features)),
        ("cat", categorical, list(categorical_features)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(C=C, max_iter=1000, class_weight="balanced"))])

# %% mutant: umbral-costo-total | cell: umbral | breaks: R1
# Devuelve el costo total de los errores, sin dividir entre el número de clientes.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total)


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-costos-cruzados | cell: umbral | breaks: R1
# Desempaqueta la matriz de confusión en otro orden: cobra cada falso positivo al precio del negativo.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_negatives, false_positives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-costos-sin-validar | cell: umbral | breaks: R2
# Confía en params.yaml: acepta costos de 0, negativos o que no son números.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-costo-cero-vale | cell: umbral | breaks: R2
# Solo rechaza costos negativos: un costo de 0 € «también es un costo».
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-scorer-sin-signo | cell: umbral | breaks: R3
# Olvida greater_is_better=False: scikit-learn maximiza el costo en vez de minimizarlo.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-objetivo-sin-comprobar | cell: umbral | breaks: R4
# No comprueba el objetivo: scikit-learn se queja en inglés (o no se queja) con etiquetas que no son 0/1.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-cv-sin-barajar | cell: umbral | breaks: R5
# Pasa cv=cv_folds: scikit-learn usa StratifiedKFold sin barajar y los pliegues no son los del proyecto.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=cv_folds,
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = (model.predict_proba(X_test)[:, 1] >= 0.5).astype(int)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-elegido-en-test | cell: umbral | breaks: R6
# Vuelve a elegir el umbral mirando el test: el que menos cuesta en X_test (la fuga de la §5).
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    proba = model.predict_proba(X_test)[:, 1]
    at_half = (proba >= 0.5).astype(int)
    best = min(np.unique(proba), key=lambda cut: business_cost(y_test, (proba >= cut).astype(int), **costs))
    return {
        "threshold": float(best),
        "cost_per_customer_eur": business_cost(y_test, (proba >= best).astype(int), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: umbral-05-con-predict | cell: umbral | breaks: R6
# Calcula el costo «con 0,5» con model.predict, que ya decide con el umbral elegido.
def business_cost(y_true, y_pred, *, cost_false_positive_eur, cost_false_negative_eur):
    """Costo medio por cliente, en euros, de los errores de las decisiones `y_pred`."""
    _, false_positives, false_negatives, _ = confusion_matrix(
        y_true, y_pred, labels=[0, 1]
    ).ravel()
    total = (
        false_positives * cost_false_positive_eur + false_negatives * cost_false_negative_eur
    )
    return float(total / len(y_true))


def cost_scorer(cost_false_positive_eur, cost_false_negative_eur):
    """Scorer de scikit-learn que vale menos el costo por cliente de modelo.predict(X)."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    for name, value in costs.items():
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name} debe ser un número de euros, no {type(value).__name__}.")
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{name} debe ser un costo finito y mayor que 0 euros; es {value}.")
    return make_scorer(business_cost, greater_is_better=False, **costs)


def tune_threshold_by_cost(
    pipeline, X, y, *, cost_false_positive_eur, cost_false_negative_eur, cv_folds=5, seed=42
):
    """El pipeline con el umbral de menor costo, elegido por validación cruzada con X, y."""
    labels = set(pd.Series(np.asarray(y)).unique().tolist())
    if labels != {0, 1}:
        raise ValueError(
            "El objetivo y debe tener exactamente las clases 0 y 1 (1 = el cliente se va); "
            f"tiene {sorted(map(str, labels))}."
        )
    tuned = TunedThresholdClassifierCV(
        pipeline,
        scoring=cost_scorer(cost_false_positive_eur, cost_false_negative_eur),
        cv=StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed),
        random_state=seed,
    )
    return tuned.fit(X, y)


def cost_report(model, X_test, y_test, *, cost_false_positive_eur, cost_false_negative_eur):
    """Umbral elegido y costo por cliente en el test, con ese umbral y con 0,5."""
    costs = {
        "cost_false_positive_eur": cost_false_positive_eur,
        "cost_false_negative_eur": cost_false_negative_eur,
    }
    at_half = model.predict(X_test)
    return {
        "threshold": float(model.best_threshold_),
        "cost_per_customer_eur": business_cost(y_test, model.predict(X_test), **costs),
        "cost_per_customer_eur_at_0_5": business_cost(y_test, at_half, **costs),
    }


# %% mutant: fuga-sin-max-iter | cell: fuga | breaks: R1
# El modelo honesto usa LogisticRegression() con max_iter por defecto, no max_iter=1000 como pide.
def make_honest_model(k):
    """Pipeline sin entrenar: escalar → seleccionar k variables → regresión logística."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k debe ser un entero, no {type(k).__name__}.")
    if k < 1:
        raise ValueError(f"k debe ser al menos 1; es {k}.")
    return Pipeline([
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif, k=k)),
        ("model", LogisticRegression()),
    ])


def leakage_inflation(X, y, k, cv):
    """AUC con fuga, AUC honesta y su diferencia, con el mismo esquema de validación."""
    scaled = StandardScaler().fit_transform(X)
    selected = SelectKBest(f_classif, k=k).fit_transform(scaled, y)
    leaky = cross_val_score(LogisticRegression(max_iter=1000), selected, y, cv=cv, scoring="roc_auc").mean()
    honest = cross_val_score(make_honest_model(k), X, y, cv=cv, scoring="roc_auc").mean()
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(leaky - honest)}

# %% mutant: fuga-k-sin-tipo | cell: fuga | breaks: R2
# Solo comprueba "k < 1": k=2.0 pasa y el error llega tarde, dentro de cross_val_score.
def make_honest_model(k):
    """Pipeline sin entrenar: escalar → seleccionar k variables → regresión logística."""
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
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(leaky - honest)}

# %% mutant: fuga-con-fuga-sin-validar | cell: fuga | breaks: R3
# Entiende "evaluación con fuga" como puntuar sobre las mismas filas de entrenamiento, sin validación cruzada.
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
    fitted = LogisticRegression(max_iter=1000).fit(selected, y)
    leaky = roc_auc_score(y, fitted.predict_proba(selected)[:, 1])
    honest = cross_val_score(make_honest_model(k), X, y, cv=cv, scoring="roc_auc").mean()
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(leaky - honest)}

# %% mutant: fuga-seleccion-fuera | cell: fuga | breaks: R4
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

# %% mutant: fuga-escalador-fuera | cell: fuga | breaks: R1, R4
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

# %% mutant: fuga-signo | cell: fuga | breaks: R5
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

# %% mutant: fuga-cv-propio | cell: fuga | breaks: R6
# Ignora el cv recibido y valida con cv=5 "porque es lo habitual".
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
    leaky = cross_val_score(LogisticRegression(max_iter=1000), selected, y, cv=5, scoring="roc_auc").mean()
    honest = cross_val_score(make_honest_model(k), X, y, cv=5, scoring="roc_auc").mean()
    return {"leaky_auc": float(leaky), "honest_auc": float(honest), "inflation": float(leaky - honest)}

# %% mutant: esquema-sin-comprobar-dataframe | cell: esquema | breaks: R1
# Deja que pandera se queje de lo que no es una tabla: su TypeError está en inglés.
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    try:
        validated = schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        absent = cases["check"] == "column_in_dataframe"
        lines = ["El lote no cumple el contrato de datos:"]
        if absent.any():
            lines.append("- faltan columnas: " + ", ".join(sorted(str(n) for n in cases.loc[absent, "failure_case"])))
        for column, group in cases[~absent].groupby("column", sort=True):
            rows = group["index"].dropna().nunique()
            rules = ", ".join(sorted(str(c) for c in group["check"].unique()))
            lines.append(f"- columna '{column}': {rows} filas; reglas: {rules}")
        raise ValueError("\n".join(lines)) from None
    return validated[list(columns)]

# %% mutant: esquema-no-perezoso | cell: esquema | breaks: R2
# Valida sin lazy=True: pandera se detiene en el primer fallo y lanza SchemaError (no SchemaErrors).
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame y llega {type(frame).__name__}.")
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(f"schema debe ser un pandera.DataFrameSchema, no {type(schema).__name__}.")
    try:
        validated = schema.validate(frame)
    except SchemaErrors as err:
        raise ValueError(f"El lote no cumple el contrato de datos: {err}") from None
    return validated[list(columns)]

# %% mutant: esquema-sin-detalle | cell: esquema | breaks: R2
# Nombra las columnas que fallan, pero no qué regla rompen ni cuántas filas.
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame y llega {type(frame).__name__}.")
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(f"schema debe ser un pandera.DataFrameSchema, no {type(schema).__name__}.")
    try:
        validated = schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        names = set(cases.loc[cases["check"] == "column_in_dataframe", "failure_case"].astype(str))
        names |= set(cases.loc[cases["check"] != "column_in_dataframe", "column"].astype(str))
        raise ValueError("El lote no cumple el contrato en las columnas: " + ", ".join(sorted(names))) from None
    return validated[list(columns)]

# %% mutant: esquema-rango-propio | cell: esquema | breaks: R3
# Añade «por si acaso» el rango de edad de otro módulo (18–120) antes del contrato: una segunda regla.
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame y llega {type(frame).__name__}.")
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(f"schema debe ser un pandera.DataFrameSchema, no {type(schema).__name__}.")
    if "age" in frame.columns:
        ages = pd.to_numeric(frame["age"], errors="coerce")
        if ((ages < 18) | (ages > 120)).any():
            raise ValueError("columna 'age': edades fuera de [18, 120].")
    try:
        validated = schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        absent = cases["check"] == "column_in_dataframe"
        lines = ["El lote no cumple el contrato de datos:"]
        if absent.any():
            lines.append("- faltan columnas: " + ", ".join(sorted(str(n) for n in cases.loc[absent, "failure_case"])))
        for column, group in cases[~absent].groupby("column", sort=True):
            rows = group["index"].dropna().nunique()
            rules = ", ".join(sorted(str(c) for c in group["check"].unique()))
            lines.append(f"- columna '{column}': {rows} filas; reglas: {rules}")
        raise ValueError("\n".join(lines)) from None
    return validated[list(columns)]

# %% mutant: esquema-columnas-de-churn | cell: esquema | breaks: R2, R3
# Comprueba primero, a mano, que estén las columnas del modelo de churn: solo sirve para churn.
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame y llega {type(frame).__name__}.")
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(f"schema debe ser un pandera.DataFrameSchema, no {type(schema).__name__}.")
    missing = [c for c in MODEL_FEATURES if c not in frame.columns]
    if missing:
        raise ValueError("El lote no cumple el contrato de datos:\n- faltan columnas: " + ", ".join(missing))
    try:
        validated = schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        lines = ["El lote no cumple el contrato de datos:"]
        for column, group in cases.groupby("column", sort=True):
            rows = group["index"].dropna().nunique()
            rules = ", ".join(sorted(str(c) for c in group["check"].unique()))
            lines.append(f"- columna '{column}': {rows} filas; reglas: {rules}")
        raise ValueError("\n".join(lines)) from None
    return validated[list(columns)]

# %% mutant: esquema-devuelve-original | cell: esquema | breaks: R4
# Valida, pero devuelve las columnas del lote original: sin los tipos del contrato (la edad sigue como texto).
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame y llega {type(frame).__name__}.")
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(f"schema debe ser un pandera.DataFrameSchema, no {type(schema).__name__}.")
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        absent = cases["check"] == "column_in_dataframe"
        lines = ["El lote no cumple el contrato de datos:"]
        if absent.any():
            lines.append("- faltan columnas: " + ", ".join(sorted(str(n) for n in cases.loc[absent, "failure_case"])))
        for column, group in cases[~absent].groupby("column", sort=True):
            rows = group["index"].dropna().nunique()
            rules = ", ".join(sorted(str(c) for c in group["check"].unique()))
            lines.append(f"- columna '{column}': {rows} filas; reglas: {rules}")
        raise ValueError("\n".join(lines)) from None
    return frame[list(columns)]

# %% mutant: esquema-no-filtra | cell: esquema | breaks: R4
# Devuelve la tabla validada entera: customer_id, gender y signup_date llegan al modelo.
def check_input_schema(frame, schema, columns):
    """Valida `frame` con el esquema pandera `schema`; devuelve solo `columns`, ya validadas."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"Se espera un pandas.DataFrame y llega {type(frame).__name__}.")
    if not isinstance(schema, pa.DataFrameSchema):
        raise TypeError(f"schema debe ser un pandera.DataFrameSchema, no {type(schema).__name__}.")
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        absent = cases["check"] == "column_in_dataframe"
        lines = ["El lote no cumple el contrato de datos:"]
        if absent.any():
            lines.append("- faltan columnas: " + ", ".join(sorted(str(n) for n in cases.loc[absent, "failure_case"])))
        for column, group in cases[~absent].groupby("column", sort=True):
            rows = group["index"].dropna().nunique()
            rules = ", ".join(sorted(str(c) for c in group["check"].unique()))
            lines.append(f"- columna '{column}': {rows} filas; reglas: {rules}")
        raise ValueError("\n".join(lines)) from None

# %% mutant: carga-sin-comprobar-salida | cell: carga-segura | breaks: R1, R5
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

# %% mutant: carga-joblib | cell: carga-segura | breaks: R2, R4
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

# %% mutant: carga-respaldo-joblib | cell: carga-segura | breaks: R2
# Si el archivo no es skops, "por compatibilidad" lo intenta con joblib: el pickle se ejecuta.
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
    except zipfile.BadZipFile:
        model = joblib.load(path)
    else:
        rejected = [name for name in needed if name not in set(allowed_types)]
        if rejected:
            raise ValueError(f"Tipos no revisados: {', '.join(rejected)}.")
        model = sio.load(path, trusted=needed)
    if not isinstance(model, Pipeline):
        raise TypeError(f"{path.name} no contiene un Pipeline.")
    return model

# %% mutant: carga-confia-todo | cell: carga-segura | breaks: R3
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

# %% mutant: carga-nombra-uno | cell: carga-segura | breaks: R3
# Rechaza bien, pero el mensaje solo nombra el primer tipo no revisado: hay que desplegar una vez por tipo.
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
    for name in needed:
        if name not in allowed_types:
            raise ValueError(f"El tipo {name} no está revisado.")
    model = sio.load(path, trusted=needed)
    if not isinstance(model, Pipeline):
        raise TypeError(f"{path.name} no contiene un Pipeline.")
    return model
