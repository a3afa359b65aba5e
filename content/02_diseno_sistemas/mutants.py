# %% mutant: canvas-impacto-generico | cell: canvas | breaks: R1
# El impacto es una frase genérica que vale para cualquier proyecto.
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=(
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "credit_score",
        ),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact="Aumentar los beneficios",
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )


# %% mutant: canvas-tarea-sin-objetivo | cell: canvas | breaks: R2
# Describe la tarea con palabras (la baja del cliente) sin nombrar la columna objetivo
# churned.
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que se dé de baja en los 12 "
            "meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=(
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "credit_score",
        ),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )


# %% mutant: canvas-features-en-castellano | cell: canvas | breaks: R3
# Copia las features de la tabla de la §2 («Edad, antigüedad, actividad, productos») en
# lugar de los nombres exactos de churn.columns.
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=("edad", "antigüedad", "actividad", "productos"),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )


# %% mutant: canvas-fuga-objetivo | cell: canvas | breaks: R4
# Incluye la columna objetivo churned entre las features (fuga).
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=(
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "credit_score",
            "churned",
        ),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )


# %% mutant: canvas-features-con-id | cell: canvas | breaks: R4
# Usa como features todas las columnas menos el objetivo: se cuela customer_id, un
# identificador.
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=tuple(column for column in churn.columns if column != "churned"),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )


# %% mutant: canvas-costos-invertidos | cell: canvas | breaks: R5
# Intercambia los costos: la llamada cuesta más que perder al cliente.
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=(
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "credit_score",
        ),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Regla de marketing: inactivos con un solo producto primero",
            value=0.20,
        ),
        success_metric=SuccessMetric(
            name="Recall en el top 10 % de riesgo",
            target=0.28,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=36.0, false_negative_eur=6.0),
    )


# %% mutant: canvas-metrica-accuracy | cell: canvas | breaks: R6
# Toma la accuracy como métrica de éxito y «nadie se va» como baseline, en lugar del recall
# en el top 10 % de la §3.
def churn_canvas() -> MLCanvas:
    """El ML Canvas del modelo de churn del banco, concreto y con visión de negocio."""
    call_decision = "Cada lunes, llamar con oferta de retención al 10 % de clientes con más riesgo"
    return MLCanvas(
        name="Retención de clientes del banco (churn)",
        value_proposition=(
            "Marketing recibe cada lunes la lista de clientes con más riesgo de baja y los "
            "gestores ven ese riesgo al abrir la ficha del cliente"
        ),
        prediction_task=(
            "Clasificación binaria por cliente: probabilidad de que churned = 1, es decir, de "
            "que se dé de baja en los 12 meses siguientes a la foto"
        ),
        decisions=(
            call_decision,
            "No llamar al resto de clientes para ahorrar llamadas y no molestar",
        ),
        data_sources=(
            "Core bancario: clientes, productos y saldos",
            "CRM de campañas: contactos previos y bajas registradas",
        ),
        data_collection=(
            "Foto diaria del core a las 02:00; la etiqueta churned llega cuando se cumple el "
            "horizonte de 12 meses"
        ),
        features=(
            "age",
            "tenure_months",
            "balance_eur",
            "num_products",
            "is_active_member",
            "credit_score",
        ),
        offline_evaluation=(
            "Recall en el 10 % de clientes con más riesgo, con validación temporal: entrenar con "
            "meses pasados y evaluar en el mes siguiente"
        ),
        live_monitoring=(
            "Drift semanal de las features (PSI) y recall real en el top 10 % cuando llegan las "
            "etiquetas; alerta si baja del baseline"
        ),
        impact=(
            "Euros netos de la campaña (retenidos × 36 € − llamadas × 6 €) frente a un grupo de "
            "control sin llamada"
        ),
        baseline=Baseline(
            description="Predecir que ningún cliente se da de baja",
            value=0.79,
        ),
        success_metric=SuccessMetric(
            name="Accuracy en el conjunto de test",
            target=0.85,
            decision=call_decision,
        ),
        error_costs=ErrorCosts(false_positive_eur=6.0, false_negative_eur=36.0),
    )


# %% mutant: slo-media-como-p50 | cell: slo | breaks: R1
# Usa la media como «latencia típica» en lugar del percentil 50.
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p95, p99 = np.percentile(values, [95, 99])
    p50 = values.mean()
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": 1 - over / budget,
    }


# %% mutant: slo-percentil-por-indice | cell: slo | breaks: R1
# Calcula cada percentil ordenando y tomando un índice redondeado, sin interpolar.
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    ordered = np.sort(values)
    p50, p95, p99 = (ordered[int(q * len(ordered)) - 1] for q in (0.5, 0.95, 0.99))
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": 1 - over / budget,
    }


# %% mutant: slo-umbral-inclusivo | cell: slo | breaks: R2
# Cuenta como fuera del objetivo también la petición que tarda exactamente threshold_s.
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    over = float(np.mean(values >= slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": 1 - over / budget,
    }


# %% mutant: slo-p99-decide | cell: slo | breaks: R3
# Decide el cumplimiento con «p99 ≤ umbral», que interpola entre dos peticiones.
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(p99 <= slo.threshold_s),
        "error_budget_remaining": 1 - over / budget,
    }


# %% mutant: slo-presupuesto-absoluto | cell: slo | breaks: R3
# Devuelve el presupuesto restante en puntos de fracción (budget − over), sin normalizar.
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": budget - over,
    }


# %% mutant: slo-ventana-vacia-sin-error | cell: slo | breaks: R4
# No comprueba la ventana vacía: np.percentile falla con un IndexError sin explicación.
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if np.isnan(values).any():
        raise ValueError(
            "Hay latencias NaN: una medida perdida no es una petición rápida; decide antes si "
            "se descarta o cuenta como fallo."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": 1 - over / budget,
    }


# %% mutant: slo-nan-sin-detectar | cell: slo | breaks: R4
# Solo rechaza latencias negativas: un NaN pasa, y NaN > umbral es False (¡cuenta como rápida!).
def slo_report(latencies_s, slo: LatencySLO) -> dict[str, float | bool]:
    """Percentiles, fracción fuera del objetivo, cumplimiento y presupuesto de error restante."""
    values = np.asarray(latencies_s, dtype=float)
    if values.size == 0:
        raise ValueError(
            "La ventana está vacía: sin peticiones no se puede afirmar que el SLO se cumple."
        )
    if (values < 0).any():
        raise ValueError(
            f"Hay una latencia negativa ({values.min():g} s): revisa cómo se mide (usa "
            "time.perf_counter, no el reloj de pared)."
        )
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    over = float(np.mean(values > slo.threshold_s))
    budget = 1 - slo.target
    return {
        "p50_s": float(p50),
        "p95_s": float(p95),
        "p99_s": float(p99),
        "over_fraction": over,
        "slo_met": bool(over <= budget),
        "error_budget_remaining": 1 - over / budget,
    }


# %% mutant: capacidad-gib | cell: capacity | breaks: R1
# Calcula el almacenamiento en GiB (2**30) en lugar de GB decimales.
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    for name, value in (
        ("daily_active_users", daily_active_users),
        ("bytes_per_request", bytes_per_request),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    for name, value in (
        ("requests_per_user_per_day", requests_per_user_per_day),
        ("peak_factor", peak_factor),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{name} debe ser un número finito, no {value}.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError(
            f"daily_active_users debe estar entre 1 y 10 000 millones (recibido "
            f"{daily_active_users}): ¿un error de unidades?"
        )
    if requests_per_user_per_day <= 0:
        raise ValueError(
            f"requests_per_user_per_day debe ser mayor que 0 (recibido {requests_per_user_per_day})."
        )
    if peak_factor < 1:
        raise ValueError(
            f"peak_factor debe ser al menos 1: el pico no puede ser menor que la media "
            f"(recibido {peak_factor})."
        )
    if bytes_per_request < 1:
        raise ValueError(f"bytes_per_request debe ser al menos 1 (recibido {bytes_per_request}).")
    per_day = float(daily_active_users * requests_per_user_per_day)
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 2**30,
    }


# %% mutant: capacidad-enteros | cell: capacity | breaks: R1
# No convierte a float: con entradas enteras, requests_per_day sale como int.
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    for name, value in (
        ("daily_active_users", daily_active_users),
        ("bytes_per_request", bytes_per_request),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    for name, value in (
        ("requests_per_user_per_day", requests_per_user_per_day),
        ("peak_factor", peak_factor),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{name} debe ser un número finito, no {value}.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError(
            f"daily_active_users debe estar entre 1 y 10 000 millones (recibido "
            f"{daily_active_users}): ¿un error de unidades?"
        )
    if requests_per_user_per_day <= 0:
        raise ValueError(
            f"requests_per_user_per_day debe ser mayor que 0 (recibido {requests_per_user_per_day})."
        )
    if peak_factor < 1:
        raise ValueError(
            f"peak_factor debe ser al menos 1: el pico no puede ser menor que la media "
            f"(recibido {peak_factor})."
        )
    if bytes_per_request < 1:
        raise ValueError(f"bytes_per_request debe ser al menos 1 (recibido {bytes_per_request}).")
    per_day = daily_active_users * requests_per_user_per_day
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 1e9,
    }


# %% mutant: capacidad-acepta-booleanos | cell: capacity | breaks: R2
# Comprueba isinstance(value, int) para los enteros y olvida que True y False también lo
# son.
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    for name, value in (
        ("daily_active_users", daily_active_users),
        ("bytes_per_request", bytes_per_request),
    ):
        if not isinstance(value, int):
            raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    for name, value in (
        ("requests_per_user_per_day", requests_per_user_per_day),
        ("peak_factor", peak_factor),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{name} debe ser un número finito, no {value}.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError(
            f"daily_active_users debe estar entre 1 y 10 000 millones (recibido "
            f"{daily_active_users}): ¿un error de unidades?"
        )
    if requests_per_user_per_day <= 0:
        raise ValueError(
            f"requests_per_user_per_day debe ser mayor que 0 (recibido {requests_per_user_per_day})."
        )
    if peak_factor < 1:
        raise ValueError(
            f"peak_factor debe ser al menos 1: el pico no puede ser menor que la media "
            f"(recibido {peak_factor})."
        )
    if bytes_per_request < 1:
        raise ValueError(f"bytes_per_request debe ser al menos 1 (recibido {bytes_per_request}).")
    per_day = float(daily_active_users * requests_per_user_per_day)
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 1e9,
    }


# %% mutant: capacidad-pico-bajo-media | cell: capacity | breaks: R3
# Solo exige que peak_factor sea positivo: acepta un pico por debajo de la media.
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    for name, value in (
        ("daily_active_users", daily_active_users),
        ("bytes_per_request", bytes_per_request),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    for name, value in (
        ("requests_per_user_per_day", requests_per_user_per_day),
        ("peak_factor", peak_factor),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{name} debe ser un número finito, no {value}.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError(
            f"daily_active_users debe estar entre 1 y 10 000 millones (recibido "
            f"{daily_active_users}): ¿un error de unidades?"
        )
    if requests_per_user_per_day <= 0:
        raise ValueError(
            f"requests_per_user_per_day debe ser mayor que 0 (recibido {requests_per_user_per_day})."
        )
    if peak_factor <= 0:
        raise ValueError(
            f"peak_factor debe ser al menos 1: el pico no puede ser menor que la media "
            f"(recibido {peak_factor})."
        )
    if bytes_per_request < 1:
        raise ValueError(f"bytes_per_request debe ser al menos 1 (recibido {bytes_per_request}).")
    per_day = float(daily_active_users * requests_per_user_per_day)
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 1e9,
    }


# %% mutant: capacidad-sin-finitud | cell: capacity | breaks: R4
# No comprueba que los números sean finitos: nan e inf pasan las comparaciones.
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    for name, value in (
        ("daily_active_users", daily_active_users),
        ("bytes_per_request", bytes_per_request),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} debe ser un entero, no {type(value).__name__}.")
    for name, value in (
        ("requests_per_user_per_day", requests_per_user_per_day),
        ("peak_factor", peak_factor),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError(
            f"daily_active_users debe estar entre 1 y 10 000 millones (recibido "
            f"{daily_active_users}): ¿un error de unidades?"
        )
    if requests_per_user_per_day <= 0:
        raise ValueError(
            f"requests_per_user_per_day debe ser mayor que 0 (recibido {requests_per_user_per_day})."
        )
    if peak_factor < 1:
        raise ValueError(
            f"peak_factor debe ser al menos 1: el pico no puede ser menor que la media "
            f"(recibido {peak_factor})."
        )
    if bytes_per_request < 1:
        raise ValueError(f"bytes_per_request debe ser al menos 1 (recibido {bytes_per_request}).")
    per_day = float(daily_active_users * requests_per_user_per_day)
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 1e9,
    }


# %% mutant: capacidad-mensaje-generico | cell: capacity | breaks: R5
# Lanza los errores correctos, pero con un mensaje genérico que no dice qué parámetro
# falla.
def estimate_capacity(
    daily_active_users: int,
    requests_per_user_per_day: float,
    peak_factor: float,
    bytes_per_request: int,
) -> dict[str, float]:
    """QPS medio y de pico, peticiones al día y GB al año; rechaza entradas sin sentido."""
    for value in (daily_active_users, bytes_per_request):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("Tipo de entrada no válido.")
    for value in (requests_per_user_per_day, peak_factor):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("Tipo de entrada no válido.")
        if not math.isfinite(value):
            raise ValueError("Valor de entrada no válido.")
    if not 1 <= daily_active_users <= 10_000_000_000:
        raise ValueError("Valor de entrada no válido.")
    if requests_per_user_per_day <= 0:
        raise ValueError("Valor de entrada no válido.")
    if peak_factor < 1:
        raise ValueError("Valor de entrada no válido.")
    if bytes_per_request < 1:
        raise ValueError("Valor de entrada no válido.")
    per_day = float(daily_active_users * requests_per_user_per_day)
    avg_qps = per_day / 86_400
    return {
        "requests_per_day": per_day,
        "avg_qps": avg_qps,
        "peak_qps": avg_qps * peak_factor,
        "storage_gb_per_year": per_day * 365 * bytes_per_request / 1e9,
    }


# %% mutant: c4-rel-sin-tecnologia | cell: c4 | breaks: R1
# Copia las relaciones del diagrama de contexto de la §4, sin la tecnología.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-todo-dentro | cell: c4 | breaks: R2
# Mete personas y sistemas externos dentro del límite del sistema.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.description}")')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-sin-validar-tipo | cell: c4 | breaks: R3
# No valida kind: un tipo desconocido (p. ej. Component) desaparece del diagrama en
# silencio.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-limite-sin-reservar | cell: c4 | breaks: R4
# No reserva el alias del límite: un elemento puede llamarse igual que el sistema.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = set()
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-limite-sin-identificador | cell: c4 | breaks: R4
# Comprueba que los alias de los elementos sean identificadores, pero no el del límite.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-sin-relaciones-colgantes | cell: c4 | breaks: R5
# No comprueba que las relaciones apunten a elementos declarados.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-relacion-al-limite | cell: c4 | breaks: R5
# Reutiliza el conjunto de alias vistos (que incluye el del límite) para validar las
# relaciones: acepta una relación con el límite, que no es un elemento.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in seen:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [title, boundary_label]
    texts += [t for e in elements for t in (e.label, e.technology, e.description)]
    texts += [t for r in relations for t in (r.label, r.technology)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: c4-comillas-solo-elementos | cell: c4 | breaks: R6
# Busca comillas solo en los textos de los elementos: olvida el título, la etiqueta del
# límite y las relaciones.
def c4_container_diagram(
    title: str,
    boundary: tuple[str, str],
    elements: list[C4Element],
    relations: list[C4Relation],
) -> str:
    """Texto Mermaid (C4Container) del sistema: externos fuera del límite, contenedores dentro."""
    outside_kinds, inside_kinds = ("Person", "System_Ext"), ("Container", "ContainerDb")
    boundary_alias, boundary_label = boundary
    seen = {boundary_alias}
    if not boundary_alias.isidentifier():
        raise ValueError(f"El alias del límite {boundary_alias!r} no es un identificador.")
    for element in elements:
        if element.kind not in outside_kinds + inside_kinds:
            raise ValueError(f"Tipo de elemento desconocido {element.kind!r} en {element.alias!r}.")
        if not element.alias.isidentifier():
            raise ValueError(f"El alias {element.alias!r} no es un identificador válido.")
        if element.alias in seen:
            raise ValueError(f"Alias duplicado: {element.alias!r}.")
        seen.add(element.alias)
    aliases = {element.alias for element in elements}
    for rel in relations:
        for end in (rel.source, rel.target):
            if end not in aliases:
                raise ValueError(f"Relación colgante: {end!r} no es un elemento declarado.")
    texts = [t for e in elements for t in (e.label, e.technology, e.description)]
    for text in texts:
        if '"' in text:
            raise ValueError(f"El texto {text!r} contiene comillas dobles.")
    if not any(element.kind in inside_kinds for element in elements):
        raise ValueError(
            "Un diagrama de contenedores necesita al menos un Container o ContainerDb."
        )
    out = ["C4Container", f"title {title}"]
    for e in elements:
        if e.kind in outside_kinds:
            out.append(f'{e.kind}({e.alias}, "{e.label}", "{e.description}")')
    out.append(f'System_Boundary({boundary_alias}, "{boundary_label}") {{')
    for e in elements:
        if e.kind in inside_kinds:
            out.append(f'    {e.kind}({e.alias}, "{e.label}", "{e.technology}", "{e.description}")')
    out.append("}")
    out += [f'Rel({r.source}, {r.target}, "{r.label}", "{r.technology}")' for r in relations]
    return "\n".join(out) + "\n"


# %% mutant: lotes-de-una-vez | cell: batches | breaks: R2
# Puntúa toda la tabla en una sola llamada: correcto, pero la memoria crece con la cartera.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = [model.predict_proba(customers[features])[:, 1]] if len(customers) else []
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")


# %% mutant: lotes-loc-inclusivo | cell: batches | breaks: R1, R2
# Corta con .loc, que usa las etiquetas del índice e incluye el final.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.loc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")


# %% mutant: lotes-pierde-ultimo | cell: batches | breaks: R2
# Cuenta los lotes con división entera y pierde el último lote incompleto.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for number in range(len(customers) // batch_size):
        start = number * batch_size
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"][: len(values)]), name="churn_proba")


# %% mutant: lotes-indice-posicional | cell: batches | breaks: R1
# Devuelve las probabilidades con un índice 0, 1, 2… en lugar de customer_id.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, name="churn_proba")


# %% mutant: lotes-columna-cero | cell: batches | breaks: R1
# Toma la columna 0 de predict_proba: la probabilidad de quedarse, no la de irse.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 0])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")


# %% mutant: lotes-vacia-concatena | cell: batches | breaks: R3
# Concatena los lotes sin pensar en la tabla vacía: np.concatenate([]) lanza ValueError.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")


# %% mutant: lotes-sin-validar-tamano | cell: batches | breaks: R4
# No valida batch_size: con 0, range() falla en inglés; con -5, devuelve una Series vacía.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    missing = [column for column in ["customer_id", *features] if column not in customers]
    if missing:
        raise ValueError(f"A la tabla de clientes le faltan las columnas {missing}.")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")


# %% mutant: lotes-sin-validar-columnas | cell: batches | breaks: R5
# No comprueba las columnas: pandas lanza KeyError (en inglés) al cortar el primer lote.
def score_in_batches(
    model, customers: pd.DataFrame, batch_size: int, features: list[str]
) -> pd.Series:
    """Probabilidad de baja de cada cliente, calculada en lotes de `batch_size` filas como mucho."""
    if batch_size < 1:
        raise ValueError(f"batch_size debe ser al menos 1 (recibido {batch_size}).")
    chunks = []
    for start in range(0, len(customers), batch_size):
        batch = customers.iloc[start : start + batch_size]
        chunks.append(model.predict_proba(batch[features])[:, 1])
    values = np.concatenate(chunks) if chunks else np.array([], dtype=float)
    return pd.Series(values, index=pd.Index(customers["customer_id"]), name="churn_proba")
