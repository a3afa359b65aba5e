# %% mutant: solo-casos-tipicos | cell: tests-age-band
# Solo prueba edades «del medio» de cada banda: ningún caso en las fronteras ni entradas inválidas.
@pytest.mark.parametrize("age, expected", [(25, "18-29"), (35, "30-44"), (50, "45-59"), (70, "60+")])
def test_age_band_tipica(age, expected):
    assert age_band(age) == expected


def test_age_band_otra():
    assert age_band(40) == "30-44"


AGE_BAND_TESTS = [test_age_band_tipica, test_age_band_otra]

# %% mutant: sin-errores | cell: tests-age-band
# Prueba bien todas las fronteras, pero nunca las entradas inválidas (ValueError, TypeError).
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (59, "45-59"), (60, "60+"), (120, "60+")],
)
def test_age_band_fronteras(age, expected):
    assert age_band(age) == expected


AGE_BAND_TESTS = [test_age_band_fronteras]

# %% mutant: expectativa-erronea | cell: tests-age-band
# Lee mal la especificación: cree que 60 todavía es "45-59"; su suite falla con el código correcto.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (60, "45-59"), (61, "60+")],
)
def test_age_band_fronteras(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age", [17, 121])
def test_age_band_fuera(age):
    with pytest.raises(ValueError):
        age_band(age)


@pytest.mark.parametrize("age", [30.5, True, None])
def test_age_band_tipo(age):
    with pytest.raises(TypeError):
        age_band(age)


AGE_BAND_TESTS = [test_age_band_fronteras, test_age_band_fuera, test_age_band_tipo]

# %% mutant: demasiado-estricto | cell: esquema
# Prohíbe los nulos en todas las columnas: rechaza lotes legítimos con valores ausentes.
def build_churn_schema() -> pa.DataFrameSchema:
    """Devuelve el contrato de datos (pandera) de la tabla de churn."""
    return pa.DataFrameSchema(
        {
            "customer_id": pa.Column(str, pa.Check.str_matches(r"^C\d{6,}$"), unique=True),
            "age": pa.Column("Int64", pa.Check.in_range(18, 120)),
            "tenure_months": pa.Column("Int64", pa.Check.in_range(0, 120)),
            "balance_eur": pa.Column(float, pa.Check.ge(0)),
            "num_products": pa.Column("Int64", pa.Check.in_range(1, 4)),
            "has_credit_card": pa.Column("boolean"),
            "is_active_member": pa.Column("boolean"),
            "estimated_salary_eur": pa.Column(float, pa.Check.gt(0)),
            "credit_score": pa.Column("Int64", pa.Check.in_range(350, 850)),
            "region": pa.Column("category", pa.Check.isin(REGIONS)),
            "gender": pa.Column("category", pa.Check.isin(["F", "M"])),
            "signup_date": pa.Column("datetime64[ns]", pa.Check.le(pd.Timestamp(SNAPSHOT_DATE))),
            "churned": pa.Column("int64", pa.Check.isin([0, 1])),
        },
        strict=True,
    )

# %% mutant: solo-tipos | cell: esquema
# Comprueba tipos y nulos, pero ningún rango ni categoría: una edad de 7 años pasa.
def build_churn_schema() -> pa.DataFrameSchema:
    """Devuelve el contrato de datos (pandera) de la tabla de churn."""
    return pa.DataFrameSchema(
        {
            "customer_id": pa.Column(str, unique=True),
            "age": pa.Column("Int64", nullable=True),
            "tenure_months": pa.Column("Int64", nullable=True),
            "balance_eur": pa.Column(float, nullable=True),
            "num_products": pa.Column("Int64", nullable=True),
            "has_credit_card": pa.Column("boolean", nullable=True),
            "is_active_member": pa.Column("boolean", nullable=True),
            "estimated_salary_eur": pa.Column(float, nullable=True),
            "credit_score": pa.Column("Int64", nullable=True),
            "region": pa.Column("category", nullable=True),
            "gender": pa.Column("category"),
            "signup_date": pa.Column("datetime64[ns]"),
            "churned": pa.Column("int64"),
        },
        strict=True,
    )

# %% mutant: sin-strict-ni-categorias | cell: esquema
# Olvida strict=True y comprueba la región solo por tipo: columnas de más y regiones nuevas pasan.
def build_churn_schema() -> pa.DataFrameSchema:
    """Devuelve el contrato de datos (pandera) de la tabla de churn."""
    return pa.DataFrameSchema(
        {
            "customer_id": pa.Column(str, pa.Check.str_matches(r"^C\d{6,}$"), unique=True),
            "age": pa.Column("Int64", pa.Check.in_range(18, 120), nullable=True),
            "tenure_months": pa.Column("Int64", pa.Check.in_range(0, 120), nullable=True),
            "balance_eur": pa.Column(float, pa.Check.ge(0), nullable=True),
            "num_products": pa.Column("Int64", pa.Check.in_range(1, 4), nullable=True),
            "has_credit_card": pa.Column("boolean", nullable=True),
            "is_active_member": pa.Column("boolean", nullable=True),
            "estimated_salary_eur": pa.Column(float, pa.Check.gt(0), nullable=True),
            "credit_score": pa.Column("Int64", pa.Check.in_range(350, 850), nullable=True),
            "region": pa.Column("category", nullable=True),
            "gender": pa.Column("category"),
            "signup_date": pa.Column("datetime64[ns]", pa.Check.le(pd.Timestamp(SNAPSHOT_DATE))),
            "churned": pa.Column("int64", pa.Check.isin([0, 1])),
        },
    )

# %% mutant: muta-entrada | cell: conducta
# Aplica perturb al DataFrame del usuario en vez de a una copia: X queda modificado.
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    if not callable(perturb):
        raise TypeError("perturb debe ser una función.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    original = np.asarray(model.predict(X))
    perturbed = perturb(X)
    if len(perturbed) != len(original):
        raise ValueError("perturb debe conservar las filas.")
    return float((original == np.asarray(model.predict(perturbed))).mean())


def directional_rate(model, X: pd.DataFrame, column: str, delta: float, expected: str) -> float:
    """Fracción de filas cuya probabilidad no se mueve en contra de `expected` al sumar delta."""
    if expected not in ("up", "down"):
        raise ValueError(f"expected debe ser 'up' o 'down', no {expected!r}.")
    if column not in X.columns:
        raise ValueError(f"La columna {column!r} no está en X.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    moved = X.copy()
    moved[column] = moved[column] + delta
    change = model.predict_proba(moved)[:, 1] - model.predict_proba(X)[:, 1]
    bad = change < -1e-9 if expected == "up" else change > 1e-9
    return float(1.0 - bad.mean())

# %% mutant: desigualdad-estricta | cell: conducta
# Exige que la probabilidad se mueva estrictamente: las filas que no cambian cuentan como violación.
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    if not callable(perturb):
        raise TypeError("perturb debe ser una función.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    perturbed = perturb(X.copy())
    if len(perturbed) != len(X):
        raise ValueError("perturb debe conservar las filas.")
    return float((np.asarray(model.predict(X)) == np.asarray(model.predict(perturbed))).mean())


def directional_rate(model, X: pd.DataFrame, column: str, delta: float, expected: str) -> float:
    """Fracción de filas cuya probabilidad no se mueve en contra de `expected` al sumar delta."""
    if expected not in ("up", "down"):
        raise ValueError(f"expected debe ser 'up' o 'down', no {expected!r}.")
    if column not in X.columns:
        raise ValueError(f"La columna {column!r} no está en X.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    moved = X.copy()
    moved[column] = moved[column] + delta
    change = model.predict_proba(moved)[:, 1] - model.predict_proba(X)[:, 1]
    good = change > 0 if expected == "up" else change < 0
    return float(good.mean())

# %% mutant: usa-etiquetas | cell: conducta
# Compara las etiquetas (predict) en vez de las probabilidades: solo ve los cambios que cruzan 0.5.
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    if not callable(perturb):
        raise TypeError("perturb debe ser una función.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    perturbed = perturb(X.copy())
    if len(perturbed) != len(X):
        raise ValueError("perturb debe conservar las filas.")
    return float((np.asarray(model.predict(X)) == np.asarray(model.predict(perturbed))).mean())


def directional_rate(model, X: pd.DataFrame, column: str, delta: float, expected: str) -> float:
    """Fracción de filas cuya probabilidad no se mueve en contra de `expected` al sumar delta."""
    if expected not in ("up", "down"):
        raise ValueError(f"expected debe ser 'up' o 'down', no {expected!r}.")
    if column not in X.columns:
        raise ValueError(f"La columna {column!r} no está en X.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    moved = X.copy()
    moved[column] = moved[column] + delta
    change = np.asarray(model.predict(moved), dtype=float) - np.asarray(model.predict(X), dtype=float)
    bad = change < 0 if expected == "up" else change > 0
    return float(1.0 - bad.mean())

# %% mutant: sin-asserts | cell: suite-cobertura
# Llama a todas las funciones para subir la cobertura, pero no comprueba ningún valor.
def test_todo_se_ejecuta():
    for age in (20, 35, 50, 70):
        age_band(age)
    for bad in (10, 130, 30.5, True):
        with contextlib.suppress(TypeError, ValueError):
            age_band(bad)
    for balance, salary in ((1_000.0, 20_000.0), (None, 1.0), (-1.0, 1.0), (1.0, 0.0), ("a", 1.0)):
        with contextlib.suppress(TypeError, ValueError):
            balance_salary_ratio(balance, salary)
    for products, tenure in ((2, 30), (2, 6), (0, 1), (1, -1)):
        with contextlib.suppress(ValueError):
            products_per_year(products, tenure)
    frame = pd.DataFrame({column: [1, 2] for column in REQUIRED_COLUMNS})
    add_features(frame.assign(age=[30, None]))
    for bad_input in (frame.drop(columns="age"), "no soy un DataFrame"):
        with contextlib.suppress(TypeError, ValueError):
            add_features(bad_input)


FEATURE_TESTS = [test_todo_se_ejecuta]

# %% mutant: solo-age-band | cell: suite-cobertura
# Reutiliza los tests del Ejercicio 1 y no prueba nada más: la cobertura no llega al 80 %.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (59, "45-59"), (60, "60+")],
)
def test_age_band_fronteras(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age, error", [(17, ValueError), (121, ValueError), (30.5, TypeError), (True, TypeError)])
def test_age_band_invalida(age, error):
    with pytest.raises(error):
        age_band(age)


FEATURE_TESTS = [test_age_band_fronteras, test_age_band_invalida]

# %% mutant: test-roto | cell: suite-cobertura
# Buena cobertura, pero calcula mal a mano: espera 4.0 (salario / saldo) y el código correcto da 0.25.
def test_ratio():
    assert balance_salary_ratio(10_000.0, 40_000.0) == pytest.approx(4.0)
    assert math.isnan(balance_salary_ratio(None, 1.0))
    with pytest.raises(ValueError):
        balance_salary_ratio(-1.0, 1.0)
    with pytest.raises(ValueError):
        balance_salary_ratio(1.0, 0.0)
    with pytest.raises(TypeError):
        balance_salary_ratio("1", 1.0)


def test_age_band():
    assert age_band(30) == "30-44"
    with pytest.raises(ValueError):
        age_band(17)
    with pytest.raises(TypeError):
        age_band(3.5)
    assert [age_band(a) for a in (18, 45, 60)] == ["18-29", "45-59", "60+"]


def test_products():
    assert products_per_year(2, 6) == pytest.approx(2.0)
    with pytest.raises(ValueError):
        products_per_year(0, 1)
    with pytest.raises(ValueError):
        products_per_year(1, -1)


def test_add_features():
    frame = pd.DataFrame({c: [1, 2] for c in REQUIRED_COLUMNS}).assign(age=pd.array([30, None], dtype="Int64"))
    before = frame.copy()
    out = add_features(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert out["age_band"].astype(object)[0] == "30-44"
    with pytest.raises(ValueError):
        add_features(frame.drop(columns="age"))
    with pytest.raises(TypeError):
        add_features("x")


FEATURE_TESTS = [test_ratio, test_age_band, test_products, test_add_features]
