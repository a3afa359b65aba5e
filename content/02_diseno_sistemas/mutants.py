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


# %% mutant: render-titulo-sin-prefijo | cell: render | breaks: R1
# La primera línea lleva solo el nombre del canvas, sin «ML Canvas:».
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    out = [f"# {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.extend(f"- {item}" for item in value)
        else:
            out.append(value)
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip()]
        out += ["```", ""]
    return "\n".join(out)


# %% mutant: render-tuplas-como-texto | cell: render | breaks: R2
# Escribe las tuplas como un único texto en vez de una línea «- » por elemento.
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.append(", ".join(value))
        else:
            out.append(value)
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip()]
        out += ["```", ""]
    return "\n".join(out)


# %% mutant: render-numeros-sin-g | cell: render | breaks: R3
# Escribe los números con str(): 40.0 € en lugar de 40 €.
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.extend(f"- {item}" for item in value)
        else:
            out.append(value)
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur} €",
        "",
    ]
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip()]
        out += ["```", ""]
    return "\n".join(out)


# %% mutant: render-diagrama-sin-strip | cell: render | breaks: R4
# Copia el diagrama tal cual, con los saltos de línea del principio y del final.
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.extend(f"- {item}" for item in value)
        else:
            out.append(value)
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram]
        out += ["```", ""]
    return "\n".join(out)


# %% mutant: render-diagrama-sin-none | cell: render | breaks: R4
# Olvida el caso diagram=None: escribe siempre la sección del diagrama.
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.extend(f"- {item}" for item in value)
        else:
            out.append(value)
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip()]
    out += ["```", ""]
    return "\n".join(out)


# %% mutant: render-diagrama-antes-de-negocio | cell: render | breaks: R4
# Escribe la sección del diagrama justo después de los nueve bloques, antes de la visión
# de negocio.
def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """Markdown del canvas con el formato exacto del enunciado."""
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out.append(f"## {heading}")
        out.append("")
        if isinstance(value, tuple):
            out.extend(f"- {item}" for item in value)
        else:
            out.append(value)
        out.append("")
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip()]
        out += ["```", ""]
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out.append("## 10. Visión de negocio")
    out += [
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    return "\n".join(out)


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


# %% mutant: inferencia-sin-costo-cuando-no-manda | cell: inference | breaks: R1
# Omite cost_sensitive en los escenarios donde el costo no manda, como si False fuera el
# valor por defecto.
SECOND, MINUTE, HOUR, DAY = 1, 60, 3_600, 86_400
SCENARIO_INPUTS = {
    "campana_semanal": {
        "latency_budget_s": 12.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 300_000,
        "cost_sensitive": True,
    },
    "ficha_gestor": {
        "latency_budget_s": 0.3 * SECOND,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 20_000,
    },
    "alerta_nomina": {
        "latency_budget_s": 1.0 * MINUTE,
        "feature_freshness_s": 30.0 * SECOND,
        "predictions_per_day": 50_000,
    },
    "chat_app": {
        "latency_budget_s": 1.0 * SECOND,
        "feature_freshness_s": 1.0 * HOUR,
        "predictions_per_day": 5_000,
        "cost_sensitive": True,
    },
    "informe_riesgo": {
        "latency_budget_s": 2.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 50_000_000,
    },
    "oferta_sesion": {
        "latency_budget_s": 0.2 * SECOND,
        "feature_freshness_s": 10.0 * SECOND,
        "predictions_per_day": 200_000,
    },
}
INFERENCE_CHOICES = {
    scenario: recommend("inference_mode", inputs).best.option_id
    for scenario, inputs in SCENARIO_INPUTS.items()
}


# %% mutant: inferencia-milisegundos | cell: inference | breaks: R2
# Escribe las latencias cortas en milisegundos (300, 200) y el minuto como 1.
SECOND, MINUTE, HOUR, DAY = 1, 60, 3_600, 86_400
SCENARIO_INPUTS = {
    "campana_semanal": {
        "latency_budget_s": 12.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 300_000,
        "cost_sensitive": True,
    },
    "ficha_gestor": {
        "latency_budget_s": 300.0,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 20_000,
        "cost_sensitive": False,
    },
    "alerta_nomina": {
        "latency_budget_s": 1.0,
        "feature_freshness_s": 30.0 * SECOND,
        "predictions_per_day": 50_000,
        "cost_sensitive": False,
    },
    "chat_app": {
        "latency_budget_s": 1.0 * SECOND,
        "feature_freshness_s": 1.0 * HOUR,
        "predictions_per_day": 5_000,
        "cost_sensitive": True,
    },
    "informe_riesgo": {
        "latency_budget_s": 2.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 50_000_000,
        "cost_sensitive": False,
    },
    "oferta_sesion": {
        "latency_budget_s": 200.0,
        "feature_freshness_s": 10.0 * SECOND,
        "predictions_per_day": 200_000,
        "cost_sensitive": False,
    },
}
INFERENCE_CHOICES = {
    scenario: recommend("inference_mode", inputs).best.option_id
    for scenario, inputs in SCENARIO_INPUTS.items()
}


# %% mutant: inferencia-volumen-float | cell: inference | breaks: R3
# Escribe los 50 millones de operaciones en notación científica, 50e6, que es un float.
SECOND, MINUTE, HOUR, DAY = 1, 60, 3_600, 86_400
SCENARIO_INPUTS = {
    "campana_semanal": {
        "latency_budget_s": 12.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 300_000,
        "cost_sensitive": True,
    },
    "ficha_gestor": {
        "latency_budget_s": 0.3 * SECOND,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 20_000,
        "cost_sensitive": False,
    },
    "alerta_nomina": {
        "latency_budget_s": 1.0 * MINUTE,
        "feature_freshness_s": 30.0 * SECOND,
        "predictions_per_day": 50_000,
        "cost_sensitive": False,
    },
    "chat_app": {
        "latency_budget_s": 1.0 * SECOND,
        "feature_freshness_s": 1.0 * HOUR,
        "predictions_per_day": 5_000,
        "cost_sensitive": True,
    },
    "informe_riesgo": {
        "latency_budget_s": 2.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 50e6,
        "cost_sensitive": False,
    },
    "oferta_sesion": {
        "latency_budget_s": 0.2 * SECOND,
        "feature_freshness_s": 10.0 * SECOND,
        "predictions_per_day": 200_000,
        "cost_sensitive": False,
    },
}
INFERENCE_CHOICES = {
    scenario: recommend("inference_mode", inputs).best.option_id
    for scenario, inputs in SCENARIO_INPUTS.items()
}


# %% mutant: inferencia-intuicion | cell: inference | breaks: R4
# Elige a ojo: streaming para el chat y online para la oferta en sesión.
SECOND, MINUTE, HOUR, DAY = 1, 60, 3_600, 86_400
SCENARIO_INPUTS = {
    "campana_semanal": {
        "latency_budget_s": 12.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 300_000,
        "cost_sensitive": True,
    },
    "ficha_gestor": {
        "latency_budget_s": 0.3 * SECOND,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 20_000,
        "cost_sensitive": False,
    },
    "alerta_nomina": {
        "latency_budget_s": 1.0 * MINUTE,
        "feature_freshness_s": 30.0 * SECOND,
        "predictions_per_day": 50_000,
        "cost_sensitive": False,
    },
    "chat_app": {
        "latency_budget_s": 1.0 * SECOND,
        "feature_freshness_s": 1.0 * HOUR,
        "predictions_per_day": 5_000,
        "cost_sensitive": True,
    },
    "informe_riesgo": {
        "latency_budget_s": 2.0 * HOUR,
        "feature_freshness_s": 1.0 * DAY,
        "predictions_per_day": 50_000_000,
        "cost_sensitive": False,
    },
    "oferta_sesion": {
        "latency_budget_s": 0.2 * SECOND,
        "feature_freshness_s": 10.0 * SECOND,
        "predictions_per_day": 200_000,
        "cost_sensitive": False,
    },
}
INFERENCE_CHOICES = {
    "campana_semanal": "batch",
    "ficha_gestor": "online",
    "alerta_nomina": "streaming",
    "chat_app": "streaming",
    "informe_riesgo": "batch",
    "oferta_sesion": "online",
}
