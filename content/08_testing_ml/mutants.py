# %% mutant: solo-casos-tipicos | cell: tests-age-band | breaks: R2, R3, R4, R5
# Solo prueba edades «del medio» de cada banda: ningún caso en las fronteras ni entradas inválidas.
@pytest.mark.parametrize("age, expected", [(25, "18-29"), (35, "30-44"), (50, "45-59"), (70, "60+")])
def test_age_band_tipica(age, expected):
    assert age_band(age) == expected


def test_age_band_otra():
    assert age_band(40) == "30-44"


AGE_BAND_TESTS = [test_age_band_tipica, test_age_band_otra]

# %% mutant: sin-errores | cell: tests-age-band | breaks: R4, R5
# Prueba bien todas las fronteras, pero nunca las entradas inválidas (ValueError, TypeError).
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (59, "45-59"), (60, "60+"), (120, "60+")],
)
def test_age_band_fronteras(age, expected):
    assert age_band(age) == expected


AGE_BAND_TESTS = [test_age_band_fronteras]

# %% mutant: expectativa-erronea | cell: tests-age-band | breaks: R1
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

# %% mutant: un-solo-test-con-bucle | cell: tests-age-band | breaks: R2
# Comprueba todos los casos correctos, pero dentro de UN solo test con bucles: pytest cuenta un
# único test y, si falla, no dice qué caso es.
def test_age_band_todo():
    for age, expected in [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"),
                          (45, "45-59"), (59, "45-59"), (60, "60+"), (120, "60+")]:
        assert age_band(age) == expected
    for age in (17, 121):
        with pytest.raises(ValueError):
            age_band(age)
    for age in (30.0, 30.5, "30", None, True):
        with pytest.raises(TypeError):
            age_band(age)


AGE_BAND_TESTS = [test_age_band_todo]

# %% mutant: solo-limite-inferior | cell: tests-age-band | breaks: R3, R4
# Prueba solo la primera edad de cada banda (18, 30, 45, 60) y los inválidos: nunca la última
# edad de una banda (29, 44, 59) ni la edad máxima (120).
@pytest.mark.parametrize("age, expected", [(18, "18-29"), (30, "30-44"), (45, "45-59"), (60, "60+")])
def test_age_band_inicio_de_banda(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age", [17, 121])
def test_age_band_fuera(age):
    with pytest.raises(ValueError):
        age_band(age)


@pytest.mark.parametrize("age", [30.0, 30.5, "30", None, True])
def test_age_band_tipo(age):
    with pytest.raises(TypeError):
        age_band(age)


AGE_BAND_TESTS = [test_age_band_inicio_de_banda, test_age_band_fuera, test_age_band_tipo]

# %% mutant: tipos-incompletos | cell: tests-age-band | breaks: R5
# Fronteras y rango bien, pero el TypeError solo con los «no enteros» evidentes (30.5, "30", None):
# olvida 30.0 y True, que Python trata casi como enteros.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (59, "45-59"), (60, "60+"), (120, "60+")],
)
def test_age_band_fronteras(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age", [17, 121])
def test_age_band_fuera(age):
    with pytest.raises(ValueError):
        age_band(age)


@pytest.mark.parametrize("age", [30.5, "30", None])
def test_age_band_tipo(age):
    with pytest.raises(TypeError):
        age_band(age)


AGE_BAND_TESTS = [test_age_band_fronteras, test_age_band_fuera, test_age_band_tipo]

# %% mutant: borrador-con-skip | cell: tests-age-band | breaks: R1
# Una suite completa, pero deja un test borrador marcado con skip «para terminarlo luego».
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (59, "45-59"), (60, "60+"), (120, "60+")],
)
def test_age_band_fronteras(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age", [17, 121])
def test_age_band_fuera(age):
    with pytest.raises(ValueError):
        age_band(age)


@pytest.mark.parametrize("age", [30.0, 30.5, "30", None, True])
def test_age_band_tipo(age):
    with pytest.raises(TypeError):
        age_band(age)


@pytest.mark.skip(reason="borrador: falta decidir qué pasa con las edades negativas")
def test_age_band_negativa():
    with pytest.raises(ValueError):
        age_band(-1)


AGE_BAND_TESTS = [test_age_band_fronteras, test_age_band_fuera, test_age_band_tipo, test_age_band_negativa]

# %% mutant: solo-lote-limpio | cell: tests-contrato | breaks: R3, R4
# Solo comprueba que los lotes buenos pasan: ningún test espera que el contrato rechace algo.
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lote_limpio_pasa(seed):
    lote = make_churn(n_rows=1000, seed=seed)
    assert len(validate(lote)) == len(lote)


@pytest.mark.parametrize("rate", [0.0, 0.005])
def test_pocos_vacios_pasan(rate):
    validate(make_churn(n_rows=1000, seed=5, missing_rate=rate))


CONTRACT_TESTS = [test_lote_limpio_pasa, test_pocos_vacios_pasan]

# %% mutant: sin-vacios-legitimos | cell: tests-contrato | breaks: R2
# Prueba bien los rechazos, pero el único lote bueno que valida no tiene ni un vacío.
def test_lote_limpio_pasa():
    lote = make_churn(n_rows=1000, seed=1)
    assert len(validate(lote)) == len(lote)


def test_demasiados_vacios_se_rechazan():
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(make_churn(n_rows=1000, seed=3, missing_rate=0.1))


@pytest.mark.parametrize("column", ["age", "balance_eur", "estimated_salary_eur"])
def test_outliers_nombran_su_columna(column):
    with pytest.raises(ContractViolation, match=f"'{column}'"):
        validate(make_churn(n_rows=1000, seed=4, outlier_rate=0.05))


CONTRACT_TESTS = [
    test_lote_limpio_pasa,
    test_demasiados_vacios_se_rechazan,
    test_outliers_nombran_su_columna,
]

# %% mutant: columna-entera-vacia | cell: tests-contrato | breaks: R3
# Prueba los vacíos con una columna ENTERA vacía: eso lo rechaza también un límite del 20 %.
def test_lote_limpio_pasa():
    lote = make_churn(n_rows=1000, seed=1)
    assert len(validate(lote)) == len(lote)


def test_pocos_vacios_pasan():
    validate(make_churn(n_rows=1000, seed=2, missing_rate=0.005))


def test_columna_vacia_se_rechaza():
    lote = make_churn(n_rows=1000, seed=3)
    lote["age"] = pd.NA
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(lote)


@pytest.mark.parametrize("column", ["age", "balance_eur", "estimated_salary_eur"])
def test_outliers_nombran_su_columna(column):
    with pytest.raises(ContractViolation, match=f"'{column}'"):
        validate(make_churn(n_rows=1000, seed=4, outlier_rate=0.05))


CONTRACT_TESTS = [
    test_lote_limpio_pasa,
    test_pocos_vacios_pasan,
    test_columna_vacia_se_rechaza,
    test_outliers_nombran_su_columna,
]

# %% mutant: outliers-sin-columna | cell: tests-contrato | breaks: R4
# Espera ContractViolation con los outliers, pero no mira QUÉ columnas nombra el mensaje.
def test_lote_limpio_pasa():
    lote = make_churn(n_rows=1000, seed=1)
    assert len(validate(lote)) == len(lote)


def test_pocos_vacios_pasan():
    validate(make_churn(n_rows=1000, seed=2, missing_rate=0.005))


def test_demasiados_vacios_se_rechazan():
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(make_churn(n_rows=1000, seed=3, missing_rate=0.1))


@pytest.mark.parametrize("seed", [4, 5])
def test_outliers_se_rechazan(seed):
    with pytest.raises(ContractViolation):
        validate(make_churn(n_rows=1000, seed=seed, outlier_rate=0.05))


CONTRACT_TESTS = [
    test_lote_limpio_pasa,
    test_pocos_vacios_pasan,
    test_demasiados_vacios_se_rechazan,
    test_outliers_se_rechazan,
]

# %% mutant: solo-el-saldo | cell: tests-contrato | breaks: R4
# Nombra la columna, pero solo la del saldo: olvida las otras dos que rompe outlier_rate.
def test_lote_limpio_pasa():
    lote = make_churn(n_rows=1000, seed=1)
    assert len(validate(lote)) == len(lote)


def test_pocos_vacios_pasan():
    validate(make_churn(n_rows=1000, seed=2, missing_rate=0.005))


def test_demasiados_vacios_se_rechazan():
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(make_churn(n_rows=1000, seed=3, missing_rate=0.1))


def test_saldo_imposible_se_nombra():
    with pytest.raises(ContractViolation, match="'balance_eur'"):
        validate(make_churn(n_rows=1000, seed=4, outlier_rate=0.05))


def test_saldo_imposible_a_mano():
    lote = make_churn(n_rows=1000, seed=6)
    lote.loc[0, "balance_eur"] = 5_000_000.0
    with pytest.raises(ContractViolation, match="'balance_eur'"):
        validate(lote)


CONTRACT_TESTS = [
    test_lote_limpio_pasa,
    test_pocos_vacios_pasan,
    test_demasiados_vacios_se_rechazan,
    test_saldo_imposible_se_nombra,
    test_saldo_imposible_a_mano,
]

# %% mutant: el-drift-es-invalido | cell: tests-contrato | breaks: R1
# Cree que un lote con drift de covariables rompe el contrato: su test falla con el contrato
# correcto (el drift no es un dato inválido; lo vigila el monitor del módulo 15).
def test_lote_limpio_pasa():
    lote = make_churn(n_rows=1000, seed=1)
    assert len(validate(lote)) == len(lote)


def test_pocos_vacios_pasan():
    validate(make_churn(n_rows=1000, seed=2, missing_rate=0.005))


def test_demasiados_vacios_se_rechazan():
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(make_churn(n_rows=1000, seed=3, missing_rate=0.1))


@pytest.mark.parametrize("column", ["age", "balance_eur", "estimated_salary_eur"])
def test_outliers_nombran_su_columna(column):
    with pytest.raises(ContractViolation, match=f"'{column}'"):
        validate(make_churn(n_rows=1000, seed=4, outlier_rate=0.05))


def test_el_drift_se_rechaza():
    with pytest.raises(ContractViolation):
        validate(make_churn(n_rows=1000, seed=7, covariate_drift=1.0))


CONTRACT_TESTS = [
    test_lote_limpio_pasa,
    test_pocos_vacios_pasan,
    test_demasiados_vacios_se_rechazan,
    test_outliers_nombran_su_columna,
    test_el_drift_se_rechaza,
]

# %% mutant: muta-entrada | cell: conducta | breaks: R2
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

# %% mutant: desigualdad-estricta | cell: conducta | breaks: R6
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

# %% mutant: usa-etiquetas | cell: conducta | breaks: R5
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

# %% mutant: invarianza-con-probabilidades | cell: conducta | breaks: R1
# Compara predict_proba en vez de predict: cuenta como «cambio» cualquier movimiento de la
# probabilidad, aunque la decisión (la etiqueta) sea la misma.
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    if not callable(perturb):
        raise TypeError("perturb debe ser una función.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    perturbed = perturb(X.copy())
    if len(perturbed) != len(X):
        raise ValueError("perturb debe conservar las filas.")
    before = model.predict_proba(X)[:, 1]
    after = model.predict_proba(perturbed)[:, 1]
    return float((before == after).mean())


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

# %% mutant: perturb-no-invocable-valueerror | cell: conducta | breaks: R3
# Usa ValueError para toda entrada mala, también cuando perturb no es invocable (debe ser
# TypeError: el problema es el tipo del argumento, no su valor).
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    if not callable(perturb):
        raise ValueError("perturb debe ser una función.")
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
    bad = change < -1e-9 if expected == "up" else change > 1e-9
    return float(1.0 - bad.mean())

# %% mutant: sin-comprobar-filas | cell: conducta | breaks: R4
# No comprueba que perturb conserve las filas: confía en que numpy se queje al comparar, pero
# un resultado de una sola fila se «estira» (broadcasting) sin error.
def invariance_rate(model, X: pd.DataFrame, perturb) -> float:
    """Fracción de filas cuya predicción no cambia al perturbar una copia de X."""
    if not callable(perturb):
        raise TypeError("perturb debe ser una función.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    perturbed = perturb(X.copy())
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
    bad = change < -1e-9 if expected == "up" else change > 1e-9
    return float(1.0 - bad.mean())

# %% mutant: sin-tolerancia | cell: conducta | breaks: R6
# Ignora la tolerancia de 1e-9: cualquier cambio en contra, aunque sea ruido numérico de la
# duodécima cifra, cuenta como violación.
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
    bad = change < 0 if expected == "up" else change > 0
    return float(1.0 - bad.mean())

# %% mutant: expected-sin-validar | cell: conducta | breaks: R7
# No valida expected: cualquier valor distinto de "up" ("arriba", "UP") se trata como "down".
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
    if column not in X.columns:
        raise ValueError(f"La columna {column!r} no está en X.")
    if len(X) == 0:
        raise ValueError("X está vacío.")
    moved = X.copy()
    moved[column] = moved[column] + delta
    change = model.predict_proba(moved)[:, 1] - model.predict_proba(X)[:, 1]
    bad = change < -1e-9 if expected == "up" else change > 1e-9
    return float(1.0 - bad.mean())

# %% mutant: sin-asserts | cell: suite-cobertura | breaks: R3, R4, R5, R6, R7
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

# %% mutant: solo-age-band | cell: suite-cobertura | breaks: R2, R3, R4, R5, R6, R7
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

# %% mutant: test-roto | cell: suite-cobertura | breaks: R1
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

# %% mutant: sin-errores-de-valor | cell: suite-cobertura | breaks: R3, R4
# Comprueba los valores, pero ni un solo ValueError de balance_salary_ratio ni de
# products_per_year: la cobertura sigue alta y un «raise» borrado pasa desapercibido.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (60, "60+")],
)
def test_age_band_limites(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age, error", [(17, ValueError), (121, ValueError), (30.5, TypeError)])
def test_age_band_invalida(age, error):
    with pytest.raises(error):
        age_band(age)


def test_ratio_calculado_a_mano():
    assert balance_salary_ratio(10_000.0, 40_000.0) == pytest.approx(0.25)
    assert balance_salary_ratio(0.0, 40_000.0) == 0.0


@pytest.mark.parametrize("balance, salary", [(None, 1.0), (1.0, float("nan")), (pd.NA, 1.0)])
def test_ratio_ausente_es_nan(balance, salary):
    assert math.isnan(balance_salary_ratio(balance, salary))


@pytest.mark.parametrize("products, tenure, expected", [(2, 0, 2.0), (2, 6, 2.0), (3, 36, 1.0)])
def test_productos_por_anio(products, tenure, expected):
    assert products_per_year(products, tenure) == pytest.approx(expected)


def _customers():
    return pd.DataFrame(
        {
            "age": pd.array([25, None, 61], dtype="Int64"),
            "balance_eur": [10_000.0, 0.0, float("nan")],
            "estimated_salary_eur": [40_000.0, 20_000.0, 30_000.0],
            "num_products": pd.array([2, 1, 3], dtype="Int64"),
            "tenure_months": pd.array([6, 24, 36], dtype="Int64"),
        }
    )


def test_add_features_valores():
    out = add_features(_customers())
    assert list(out["age_band"].astype(object)[[0, 2]]) == ["18-29", "60+"]
    assert pd.isna(out["age_band"][1])
    assert out["balance_salary_ratio"][0] == pytest.approx(0.25)
    assert math.isnan(out["balance_salary_ratio"][2])
    assert list(out["products_per_year"]) == pytest.approx([2.0, 0.5, 1.0])
    assert list(out["zero_balance"].astype(object)) == [False, True, pd.NA]


def test_add_features_no_modifica_la_entrada():
    frame = _customers()
    before = frame.copy()
    add_features(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_add_features_errores():
    with pytest.raises(ValueError, match="tenure_months"):
        add_features(_customers().drop(columns="tenure_months"))
    with pytest.raises(TypeError):
        add_features([1, 2, 3])


FEATURE_TESTS = [
    test_age_band_limites,
    test_age_band_invalida,
    test_ratio_calculado_a_mano,
    test_ratio_ausente_es_nan,
    test_productos_por_anio,
    _customers,
    test_add_features_valores,
    test_add_features_no_modifica_la_entrada,
    test_add_features_errores,
]

# %% mutant: solo-primer-anio | cell: suite-cobertura | breaks: R4
# Prueba products_per_year (y add_features) solo con clientes de menos de un año: nunca mira
# qué pasa después del primer año.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (60, "60+")],
)
def test_age_band_limites(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age, error", [(17, ValueError), (121, ValueError), (30.5, TypeError)])
def test_age_band_invalida(age, error):
    with pytest.raises(error):
        age_band(age)


def test_ratio_calculado_a_mano():
    assert balance_salary_ratio(10_000.0, 40_000.0) == pytest.approx(0.25)
    assert balance_salary_ratio(0.0, 40_000.0) == 0.0


@pytest.mark.parametrize("balance, salary", [(None, 1.0), (1.0, float("nan")), (pd.NA, 1.0)])
def test_ratio_ausente_es_nan(balance, salary):
    assert math.isnan(balance_salary_ratio(balance, salary))


@pytest.mark.parametrize(
    "balance_eur, salary_eur, error",
    [
        (-1.0, 1.0, ValueError),
        (1.0, 0.0, ValueError),
        ("1", 1.0, TypeError),
        (True, 1.0, TypeError),
    ],
)
def test_ratio_errores(balance_eur, salary_eur, error):
    with pytest.raises(error):
        balance_salary_ratio(balance_eur, salary_eur)


@pytest.mark.parametrize("products, tenure, expected", [(2, 0, 2.0), (2, 6, 2.0), (1, 11, 1.0)])
def test_productos_por_anio(products, tenure, expected):
    assert products_per_year(products, tenure) == pytest.approx(expected)


@pytest.mark.parametrize("num_products, tenure_months", [(0, 12), (1, -1)])
def test_productos_por_anio_errores(num_products, tenure_months):
    with pytest.raises(ValueError):
        products_per_year(num_products, tenure_months)


def _customers():
    return pd.DataFrame(
        {
            "age": pd.array([25, None, 61], dtype="Int64"),
            "balance_eur": [10_000.0, 0.0, float("nan")],
            "estimated_salary_eur": [40_000.0, 20_000.0, 30_000.0],
            "num_products": pd.array([2, 1, 3], dtype="Int64"),
            "tenure_months": pd.array([6, 0, 11], dtype="Int64"),
        }
    )


def test_add_features_valores():
    out = add_features(_customers())
    assert list(out["age_band"].astype(object)[[0, 2]]) == ["18-29", "60+"]
    assert pd.isna(out["age_band"][1])
    assert out["balance_salary_ratio"][0] == pytest.approx(0.25)
    assert math.isnan(out["balance_salary_ratio"][2])
    assert list(out["products_per_year"]) == pytest.approx([2.0, 1.0, 3.0])
    assert list(out["zero_balance"].astype(object)) == [False, True, pd.NA]


def test_add_features_no_modifica_la_entrada():
    frame = _customers()
    before = frame.copy()
    add_features(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_add_features_errores():
    with pytest.raises(ValueError, match="tenure_months"):
        add_features(_customers().drop(columns="tenure_months"))
    with pytest.raises(TypeError):
        add_features([1, 2, 3])


FEATURE_TESTS = [
    test_age_band_limites,
    test_age_band_invalida,
    test_ratio_calculado_a_mano,
    test_ratio_ausente_es_nan,
    test_ratio_errores,
    test_productos_por_anio,
    test_productos_por_anio_errores,
    _customers,
    test_add_features_valores,
    test_add_features_no_modifica_la_entrada,
    test_add_features_errores,
]

# %% mutant: solo-columnas | cell: suite-cobertura | breaks: R5
# Comprueba que add_features añade las cuatro columnas, pero no sus valores.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (60, "60+")],
)
def test_age_band_limites(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age, error", [(17, ValueError), (121, ValueError), (30.5, TypeError)])
def test_age_band_invalida(age, error):
    with pytest.raises(error):
        age_band(age)


def test_ratio_calculado_a_mano():
    assert balance_salary_ratio(10_000.0, 40_000.0) == pytest.approx(0.25)
    assert balance_salary_ratio(0.0, 40_000.0) == 0.0


@pytest.mark.parametrize("balance, salary", [(None, 1.0), (1.0, float("nan")), (pd.NA, 1.0)])
def test_ratio_ausente_es_nan(balance, salary):
    assert math.isnan(balance_salary_ratio(balance, salary))


@pytest.mark.parametrize(
    "balance_eur, salary_eur, error",
    [
        (-1.0, 1.0, ValueError),
        (1.0, 0.0, ValueError),
        ("1", 1.0, TypeError),
        (True, 1.0, TypeError),
    ],
)
def test_ratio_errores(balance_eur, salary_eur, error):
    with pytest.raises(error):
        balance_salary_ratio(balance_eur, salary_eur)


@pytest.mark.parametrize("products, tenure, expected", [(2, 0, 2.0), (2, 6, 2.0), (3, 36, 1.0)])
def test_productos_por_anio(products, tenure, expected):
    assert products_per_year(products, tenure) == pytest.approx(expected)


@pytest.mark.parametrize("num_products, tenure_months", [(0, 12), (1, -1)])
def test_productos_por_anio_errores(num_products, tenure_months):
    with pytest.raises(ValueError):
        products_per_year(num_products, tenure_months)


def _customers():
    return pd.DataFrame(
        {
            "age": pd.array([25, None, 61], dtype="Int64"),
            "balance_eur": [10_000.0, 0.0, float("nan")],
            "estimated_salary_eur": [40_000.0, 20_000.0, 30_000.0],
            "num_products": pd.array([2, 1, 3], dtype="Int64"),
            "tenure_months": pd.array([6, 24, 36], dtype="Int64"),
        }
    )


def test_add_features_valores():
    out = add_features(_customers())
    new_columns = ["age_band", "balance_salary_ratio", "products_per_year", "zero_balance"]
    assert all(column in out.columns for column in new_columns)
    assert len(out) == 3


def test_add_features_no_modifica_la_entrada():
    frame = _customers()
    before = frame.copy()
    add_features(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_add_features_errores():
    with pytest.raises(ValueError, match="tenure_months"):
        add_features(_customers().drop(columns="tenure_months"))
    with pytest.raises(TypeError):
        add_features([1, 2, 3])


FEATURE_TESTS = [
    test_age_band_limites,
    test_age_band_invalida,
    test_ratio_calculado_a_mano,
    test_ratio_ausente_es_nan,
    test_ratio_errores,
    test_productos_por_anio,
    test_productos_por_anio_errores,
    _customers,
    test_add_features_valores,
    test_add_features_no_modifica_la_entrada,
    test_add_features_errores,
]

# %% mutant: sin-comprobar-copia | cell: suite-cobertura | breaks: R6
# Comprueba valores y errores, pero nunca que add_features deje intacto el DataFrame que recibe.
@pytest.mark.parametrize(
    "age, expected",
    [(18, "18-29"), (29, "18-29"), (30, "30-44"), (44, "30-44"), (45, "45-59"), (60, "60+")],
)
def test_age_band_limites(age, expected):
    assert age_band(age) == expected


@pytest.mark.parametrize("age, error", [(17, ValueError), (121, ValueError), (30.5, TypeError)])
def test_age_band_invalida(age, error):
    with pytest.raises(error):
        age_band(age)


def test_ratio_calculado_a_mano():
    assert balance_salary_ratio(10_000.0, 40_000.0) == pytest.approx(0.25)
    assert balance_salary_ratio(0.0, 40_000.0) == 0.0


@pytest.mark.parametrize("balance, salary", [(None, 1.0), (1.0, float("nan")), (pd.NA, 1.0)])
def test_ratio_ausente_es_nan(balance, salary):
    assert math.isnan(balance_salary_ratio(balance, salary))


@pytest.mark.parametrize(
    "balance_eur, salary_eur, error",
    [
        (-1.0, 1.0, ValueError),
        (1.0, 0.0, ValueError),
        ("1", 1.0, TypeError),
        (True, 1.0, TypeError),
    ],
)
def test_ratio_errores(balance_eur, salary_eur, error):
    with pytest.raises(error):
        balance_salary_ratio(balance_eur, salary_eur)


@pytest.mark.parametrize("products, tenure, expected", [(2, 0, 2.0), (2, 6, 2.0), (3, 36, 1.0)])
def test_productos_por_anio(products, tenure, expected):
    assert products_per_year(products, tenure) == pytest.approx(expected)


@pytest.mark.parametrize("num_products, tenure_months", [(0, 12), (1, -1)])
def test_productos_por_anio_errores(num_products, tenure_months):
    with pytest.raises(ValueError):
        products_per_year(num_products, tenure_months)


def _customers():
    return pd.DataFrame(
        {
            "age": pd.array([25, None, 61], dtype="Int64"),
            "balance_eur": [10_000.0, 0.0, float("nan")],
            "estimated_salary_eur": [40_000.0, 20_000.0, 30_000.0],
            "num_products": pd.array([2, 1, 3], dtype="Int64"),
            "tenure_months": pd.array([6, 24, 36], dtype="Int64"),
        }
    )


def test_add_features_valores():
    out = add_features(_customers())
    assert list(out["age_band"].astype(object)[[0, 2]]) == ["18-29", "60+"]
    assert pd.isna(out["age_band"][1])
    assert out["balance_salary_ratio"][0] == pytest.approx(0.25)
    assert math.isnan(out["balance_salary_ratio"][2])
    assert list(out["products_per_year"]) == pytest.approx([2.0, 0.5, 1.0])
    assert list(out["zero_balance"].astype(object)) == [False, True, pd.NA]


def test_add_features_errores():
    with pytest.raises(ValueError, match="tenure_months"):
        add_features(_customers().drop(columns="tenure_months"))
    with pytest.raises(TypeError):
        add_features([1, 2, 3])


FEATURE_TESTS = [
    test_age_band_limites,
    test_age_band_invalida,
    test_ratio_calculado_a_mano,
    test_ratio_ausente_es_nan,
    test_ratio_errores,
    test_productos_por_anio,
    test_productos_por_anio_errores,
    _customers,
    test_add_features_valores,
    test_add_features_errores,
]
