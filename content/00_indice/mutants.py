# %% mutant: roi-sin-restar-inversion | cell: roi | breaks: R1
# Confunde retorno con ROI: divide la ganancia entre la inversión sin restarla antes.
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    return horizon_months * (monthly_savings_eur - monthly_run_cost_eur) / initial_investment_eur

# %% mutant: roi-ignora-costo | cell: roi | breaks: R1
# Olvida el costo mensual de operación: solo cuenta el ahorro.
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    return (horizon_months * monthly_savings_eur - initial_investment_eur) / initial_investment_eur

# %% mutant: roi-costo-una-vez | cell: roi | breaks: R1, R3
# Resta el costo de operación una sola vez en lugar de cada mes del horizonte.
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    gain = horizon_months * monthly_savings_eur - monthly_run_cost_eur
    return (gain - initial_investment_eur) / initial_investment_eur

# %% mutant: roi-division-entera | cell: roi | breaks: R2
# Usa división entera: 1.5 se convierte en 1 y 0.5 en 0.
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    net_gain = horizon_months * (monthly_savings_eur - monthly_run_cost_eur)
    return (net_gain - initial_investment_eur) // initial_investment_eur

# %% mutant: roi-porcentaje | cell: roi | breaks: R2
# Devuelve un porcentaje (150) en lugar de una fracción (1.5).
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    net_gain = horizon_months * (monthly_savings_eur - monthly_run_cost_eur)
    return 100 * (net_gain - initial_investment_eur) / initial_investment_eur

# %% mutant: roi-neto-recortado | cell: roi | breaks: R3
# Recorta el neto mensual a cero («no puede perder más de lo invertido»).
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    net_gain = horizon_months * max(0, monthly_savings_eur - monthly_run_cost_eur)
    return (net_gain - initial_investment_eur) / initial_investment_eur

# %% mutant: roi-redondea | cell: roi | breaks: R2
# Redondea el ROI a dos decimales «para que se vea bonito»: 0.1111… se convierte en 0.11.
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    net_gain = horizon_months * (monthly_savings_eur - monthly_run_cost_eur)
    return round((net_gain - initial_investment_eur) / initial_investment_eur, 2)

# %% mutant: payback-estricto | cell: payback | breaks: R6
# Usa > en lugar de ≥: cuando el acumulado iguala a la inversión, cuenta un mes de más.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} debe ser finito y no negativo, no {value}.")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    for month in range(1, horizon_months + 1):
        if month * net > initial_investment_eur:
            return month
    return None

# %% mutant: payback-mes-float | cell: payback | breaks: R6
# Calcula el techo con -(-a // b) sin math.ceil: con importes float el mes sale 4.0, no el int 4.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} debe ser finito y no negativo, no {value}.")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = -(-initial_investment_eur // net)
    return month if month <= horizon_months else None

# %% mutant: payback-ignora-horizonte | cell: payback | breaks: R7
# Devuelve el mes de recuperación aunque caiga después del horizonte.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} debe ser finito y no negativo, no {value}.")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    return math.ceil(initial_investment_eur / net)

# %% mutant: payback-bool-colado | cell: payback | breaks: R1
# Olvida que bool es subclase de int: True pasa como inversión de 1 € u horizonte de 1 mes.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} debe ser finito y no negativo, no {value}.")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = math.ceil(initial_investment_eur / net)
    return month if month <= horizon_months else None

# %% mutant: payback-sin-nan | cell: payback | breaks: R2
# Comprueba solo el signo: nan e inf pasan la validación (nan < 0 es False).
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if value < 0:
            raise ValueError(f"{name} no puede ser negativo ({value}).")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = math.ceil(initial_investment_eur / net)
    return month if month <= horizon_months else None

# %% mutant: payback-mensaje-generico | cell: payback | breaks: R3
# Lanza las excepciones correctas, pero con un mensaje que no dice qué parámetro está mal.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    for value in (initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("Entrada no numérica.")
        if not math.isfinite(value) or value < 0:
            raise ValueError("Valor no válido.")
    if initial_investment_eur == 0:
        raise ValueError("Valor no válido.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("Entrada no numérica.")
    if horizon_months < 1:
        raise ValueError("Valor no válido.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = math.ceil(initial_investment_eur / net)
    return month if month <= horizon_months else None

# %% mutant: payback-horizonte-float | cell: payback | breaks: R1
# Acepta cualquier número como horizonte (12.0, 12.5): solo comprueba que sea ≥ 1.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
        "horizon_months": horizon_months,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} debe ser finito y no negativo, no {value}.")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = math.ceil(initial_investment_eur / net)
    return month if month <= horizon_months else None

# %% mutant: payback-sin-validar | cell: payback | breaks: R5
# Escribe validate_roi_inputs bien, pero olvida llamarla desde payback_month: True, 12.0 o una
# inversión de 0 llegan al cálculo sin error.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} debe ser finito y no negativo, no {value}.")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = math.ceil(initial_investment_eur / net)
    return month if month <= horizon_months else None

# %% mutant: payback-cero-invalido | cell: payback | breaks: R4
# Exige que los tres importes sean positivos (> 0): rechaza un ahorro o un costo de 0, que son válidos.
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número, no {type(value).__name__}.")
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} debe ser un número finito mayor que 0, no {value}.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        raise TypeError("horizon_months debe ser un entero.")
    if horizon_months < 1:
        raise ValueError("horizon_months debe ser al menos 1.")


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net = monthly_savings_eur - monthly_run_cost_eur
    if net <= 0:
        return None
    month = math.ceil(initial_investment_eur / net)
    return month if month <= horizon_months else None

# %% mutant: plan-round-python | cell: plan | breaks: R5
# Usa round() de Python, que redondea los empates al par: 2.5 → 2.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = round(weeks * cumulative / total)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-sin-minimo | cell: plan | breaks: R3
# No aplica el mínimo de semanas del roadmap: con muchas horas el curso dura menos de 16 semanas.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = math.ceil(total / weekly_hours)
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = math.floor(weeks * cumulative / total + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-trunca | cell: plan | breaks: R5
# Trunca (int) el fin de cada fase en lugar de redondear al entero más cercano.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = int(weeks * cumulative / total)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-tramos-redondeados | cell: plan | breaks: R5
# Redondea la longitud de cada fase por separado: los tramos ya no suman el total.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start = [], 1
    for phase, hours in zip(roadmap.phases, efforts):
        length = max(1, math.floor(weeks * hours / total + 0.5))
        plan.append(
            {"phase": phase.number, "name": phase.name, "start_week": start, "end_week": start + length - 1}
        )
        start += length
    return plan

# %% mutant: plan-constantes | cell: plan | breaks: R7
# Escribe a mano los números del roadmap del curso (90 h, 16 y 20 semanas): no escala a otro roadmap.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    weeks = max(16, math.ceil(90 / weekly_hours))
    if weeks > 20:
        raise ValueError("No cabe: necesitas al menos 5 h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase in roadmap.phases:
        cumulative += phase.seed_weeks * 5
        end = math.floor(weeks * cumulative / 90 + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-sin-validar | cell: plan | breaks: R1
# No valida weekly_hours: acepta 81, inf o True y devuelve un plan.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = math.floor(weeks * cumulative / total + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-sin-horas-necesarias | cell: plan | breaks: R4
# Rechaza el plan inviable, pero el mensaje no dice cuántas horas semanales harían falta.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        raise ValueError(f"El plan no cabe en {roadmap.max_total_weeks} semanas: estudia más horas.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = math.floor(weeks * cumulative / total + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-reparto-igual | cell: plan | breaks: R2
# Reparte las semanas a partes iguales entre fases, ignorando el esfuerzo de cada una.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    total = sum(p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    n = len(roadmap.phases)
    plan, start = [], 1
    for index, phase in enumerate(roadmap.phases, start=1):
        end = math.floor(weeks * index / n + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-semanas-float | cell: plan | breaks: R6
# Redondea con (x + 0.5) // 1, que con floats devuelve un float: las semanas salen 3.0, 4.0…
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = (weeks * cumulative / total + 0.5) // 1
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-horas-sin-redondear | cell: plan | breaks: R4
# Calcula las horas necesarias como H / máximo de semanas sin redondear hacia arriba: 3.33 h/semana.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * roadmap.reference_hours_per_week for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = total / roadmap.max_total_weeks
        raise ValueError(f"No cabe: necesitas al menos {needed:g} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = math.floor(weeks * cumulative / total + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan

# %% mutant: plan-referencia-fija | cell: plan | breaks: R2, R7
# Lee fases y límites del roadmap, pero escribe a mano las 5 h de referencia del enunciado.
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        raise TypeError(f"weekly_hours debe ser un número, no {type(weekly_hours).__name__}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(f"weekly_hours debe estar en (0, 80]; recibido {weekly_hours}.")
    efforts = [p.seed_weeks * 5 for p in roadmap.phases]
    total = sum(efforts)
    weeks = max(roadmap.min_total_weeks, math.ceil(total / weekly_hours))
    if weeks > roadmap.max_total_weeks:
        needed = math.ceil(total / roadmap.max_total_weeks)
        raise ValueError(f"No cabe: necesitas al menos {needed} h/semana.")
    plan, start, cumulative = [], 1, 0
    for phase, hours in zip(roadmap.phases, efforts):
        cumulative += hours
        end = math.floor(weeks * cumulative / total + 0.5)
        plan.append({"phase": phase.number, "name": phase.name, "start_week": start, "end_week": end})
        start = end + 1
    return plan
