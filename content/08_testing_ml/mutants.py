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

# %% mutant: puerta-signo-fijo | cell: puerta-regresion | breaks: R3
# Resta siempre challenger − champion, como con un costo: con ROC AUC, un challenger peor pasa.
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(True, f"Aún no hay {CHAMPION}: pasa sin comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(f"El run del {alias} no tiene la métrica {metric!r}.")
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = challenger - champion
    passed = worse <= tolerance
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")


# %% mutant: puerta-frontera-estricta | cell: puerta-regresion | breaks: R3
# Compara con < en vez de <=: un challenger peor justo por la tolerancia no pasa.
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(True, f"Aún no hay {CHAMPION}: pasa sin comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(f"El run del {alias} no tiene la métrica {metric!r}.")
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse < tolerance
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")


# %% mutant: puerta-sin-tolerancia | cell: puerta-regresion | breaks: R3
# Ignora la tolerancia: cualquier empeoramiento, por pequeño que sea, bloquea.
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(True, f"Aún no hay {CHAMPION}: pasa sin comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(f"El run del {alias} no tiene la métrica {metric!r}.")
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= 0
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")


# %% mutant: puerta-champion-es-la-anterior | cell: puerta-regresion | breaks: R1
# Toma como champion la versión anterior al challenger, no la del alias champion.
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(True, f"Aún no hay {CHAMPION}: pasa sin comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        number = int(aliases[CHALLENGER]) - (1 if alias == CHAMPION else 0)
        version = client.get_model_version(model_name, str(number))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(f"El run del {alias} no tiene la métrica {metric!r}.")
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= tolerance
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")


# %% mutant: puerta-sin-champion-no-pasa | cell: puerta-regresion | breaks: R2
# Sin champion «no hay con qué comparar» y bloquea el primer modelo del proyecto.
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(False, f"Aún no hay {CHAMPION}: no hay con qué comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(f"El run del {alias} no tiene la métrica {metric!r}.")
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= tolerance
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")


# %% mutant: puerta-metrica-sin-validar | cell: puerta-regresion | breaks: R4
# No comprueba que el run tenga la métrica: lanza KeyError (sin mensaje en español).
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real):
        raise TypeError(f"tolerance debe ser un número, no {type(tolerance).__name__}.")
    if not tolerance >= 0:
        raise ValueError(f"tolerance debe ser un número mayor o igual que 0; es {tolerance}.")
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(True, f"Aún no hay {CHAMPION}: pasa sin comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= tolerance
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")


# %% mutant: puerta-tolerancia-sin-validar | cell: puerta-regresion | breaks: R4
# No valida la tolerancia: una negativa, nan o True se aceptan sin error.
def regression_gate(
    client: MlflowClient,
    model_name: str,
    metric: str,
    tolerance: float,
    higher_is_better: bool = True,
) -> GateResult:
    """¿Puede el challenger sustituir al champion? No si es peor por más de ``tolerance``."""
    aliases = client.get_registered_model(model_name).aliases
    if CHALLENGER not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias {CHALLENGER!r}: no hay candidato.")
    if CHAMPION not in aliases:
        return GateResult(True, f"Aún no hay {CHAMPION}: pasa sin comparar.")
    values = {}
    for alias in (CHAMPION, CHALLENGER):
        version = client.get_model_version(model_name, str(aliases[alias]))
        metrics = client.get_run(version.run_id).data.metrics
        if metric not in metrics:
            raise ValueError(f"El run del {alias} no tiene la métrica {metric!r}.")
        values[alias] = float(metrics[metric])
    champion, challenger = values[CHAMPION], values[CHALLENGER]
    worse = champion - challenger if higher_is_better else challenger - champion
    passed = worse <= tolerance
    return GateResult(passed, f"{metric}: el challenger es peor por {worse:.4f}.")

# %% mutant: propiedad-de-ejemplos | cell: tests-propiedades | breaks: R1
# Un test de ejemplos disfrazado: tres clientes elegidos a mano, sin @given.
def test_tres_clientes_conocidos():
    model = load_model(MODEL)
    batch = pd.DataFrame(
        {
            "age": [30, 50, 70], "tenure_months": [12, 60, 100], "balance_eur": [0.0, 5e4, 1e5],
            "estimated_salary_eur": [3e4, 6e4, 9e4], "credit_score": [600, 700, 800],
            "num_products": [1, 2, 3], "has_credit_card": [True, False, True],
            "is_active_member": [True, True, False], "region": ["Madrid", "Valencia", "Madrid"],
            "gender": ["F", "M", "F"],
        }
    )
    proba = model.predict_proba(model_inputs(batch))[:, 1]
    assert proba.shape == (3,)
    assert np.all((proba >= 0) & (proba <= 1))


PROPERTY_TESTS = [test_tres_clientes_conocidos]

# %% mutant: solo-el-rango | cell: tests-propiedades | breaks: R2, R3
# Buena estrategia, pero solo comprueba que cada valor está en [0, 1]: ni cuántos, ni el orden.
def customers():
    fields = {}
    for name, (low, high) in RANGES.items():
        value = st.floats(low, high) if name.endswith("_eur") else st.integers(low, high)
        fields[name] = st.one_of(st.none(), value)
    for name in FLAGS:
        fields[name] = st.one_of(st.none(), st.booleans())
    for name, allowed in CATEGORIES.items():
        fields[name] = st.one_of(st.none(), st.sampled_from(allowed))
    return st.fixed_dictionaries(fields)


@settings(max_examples=30, deadline=None, database=None)
@given(rows=st.lists(customers(), min_size=1, max_size=8))
def test_probabilidades_validas(rows):
    model = load_model(MODEL)
    proba = model.predict_proba(model_inputs(pd.DataFrame(rows)))[:, 1]
    assert np.all((proba >= 0) & (proba <= 1))


PROPERTY_TESTS = [customers, test_probabilidades_validas]

# %% mutant: sin-orden | cell: tests-propiedades | breaks: R3
# Cuenta las probabilidades y su rango, pero nunca puntúa el lote en otro orden.
def customers():
    fields = {}
    for name, (low, high) in RANGES.items():
        value = st.floats(low, high) if name.endswith("_eur") else st.integers(low, high)
        fields[name] = st.one_of(st.none(), value)
    for name in FLAGS:
        fields[name] = st.one_of(st.none(), st.booleans())
    for name, allowed in CATEGORIES.items():
        fields[name] = st.one_of(st.none(), st.sampled_from(allowed))
    return st.fixed_dictionaries(fields)


@settings(max_examples=30, deadline=None, database=None)
@given(rows=st.lists(customers(), min_size=1, max_size=8))
def test_una_probabilidad_por_cliente(rows):
    model = load_model(MODEL)
    proba = model.predict_proba(model_inputs(pd.DataFrame(rows)))[:, 1]
    assert proba.shape == (len(rows),)
    assert np.all((proba >= 0) & (proba <= 1))


PROPERTY_TESTS = [customers, test_una_probabilidad_por_cliente]

# %% mutant: rangos-a-mano | cell: tests-propiedades | breaks: R4
# Escribe los rangos a mano y «seguros», lejos de las fronteras y sin vacíos.
def customers():
    return st.fixed_dictionaries(
        {
            "age": st.integers(25, 70),
            "tenure_months": st.integers(6, 100),
            "balance_eur": st.floats(1_000, 200_000),
            "estimated_salary_eur": st.floats(20_000, 200_000),
            "credit_score": st.integers(400, 800),
            "num_products": st.integers(1, 4),
            "has_credit_card": st.booleans(),
            "is_active_member": st.booleans(),
            "region": st.sampled_from(["Madrid", "Valencia"]),
            "gender": st.sampled_from(["F", "M"]),
        }
    )


@settings(max_examples=30, deadline=None, database=None)
@given(rows=st.lists(customers(), min_size=1, max_size=8))
def test_una_probabilidad_por_cliente_en_cualquier_orden(rows):
    model = load_model(MODEL)
    batch = pd.DataFrame(rows)
    proba = model.predict_proba(model_inputs(batch))[:, 1]
    assert proba.shape == (len(rows),)
    assert np.all((proba >= 0) & (proba <= 1))
    backwards = model.predict_proba(model_inputs(batch.iloc[::-1]))[:, 1]
    np.testing.assert_allclose(backwards[::-1], proba)


PROPERTY_TESTS = [customers, test_una_probabilidad_por_cliente_en_cualquier_orden]
