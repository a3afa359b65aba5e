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


# %% mutant: factura-concat | cell: factura | breaks: R1
# «Lo más fácil»: junta todos los trozos en una tabla y hace el groupby de siempre. Con un archivo
# mayor que la memoria, eso no cabe.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    pieces = list(chunks)
    if not pieces:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    full = pd.concat(pieces, ignore_index=True)
    for column in (segment_column, "churned", "monthly_revenue_eur"):
        if column not in full.columns:
            raise ValueError(f"Falta la columna '{column}'.")
    if full["monthly_revenue_eur"].isna().any() or (full["monthly_revenue_eur"] < 0).any():
        raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
    if not full["churned"].isin([0, 1]).all():
        raise ValueError("churned debe valer 0 o 1.")
    lost = full["monthly_revenue_eur"].where(full["churned"] == 1, 0.0)
    grouped = full.assign(_lost=lost).groupby(segment_column)
    return pd.DataFrame(
        {
            "customers": grouped.size(),
            "churners": grouped["churned"].sum(),
            "churn_rate": grouped["churned"].mean(),
            "monthly_revenue_lost_eur": grouped["_lost"].sum(),
        }
    )[columns]

# %% mutant: factura-dos-pasadas | cell: factura | breaks: R1
# Valida en una primera pasada y agrega en una segunda: con un lector de CSV, la segunda pasada no
# ve ningún trozo (el iterador ya se agotó).
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
    totals = None
    for chunk in chunks:
        part = (
            chunk.assign(_lost=chunk["monthly_revenue_eur"].where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-media-de-medias | cell: factura | breaks: R2
# Calcula la tasa de churn de cada trozo y promedia las tasas: un trozo corto pesa como uno largo.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    rates = None
    n_chunks = None
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        grouped = chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0)).groupby(
            segment_column
        )
        part = grouped.agg(
            customers=("churned", "size"),
            churners=("churned", "sum"),
            monthly_revenue_lost_eur=("_lost", "sum"),
        )
        rate = grouped["churned"].mean()
        ones = pd.Series(1, index=rate.index)
        totals = part if totals is None else totals.add(part, fill_value=0)
        rates = rate if rates is None else rates.add(rate, fill_value=0)
        n_chunks = ones if n_chunks is None else n_chunks.add(ones, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = (rates / n_chunks).sort_index()
    return totals[columns]

# %% mutant: factura-ingreso-de-todos | cell: factura | breaks: R2
# Suma el ingreso mensual de TODOS los clientes del segmento, no solo el de los que se fueron.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        part = chunk.groupby(segment_column).agg(
            customers=("churned", "size"),
            churners=("churned", "sum"),
            monthly_revenue_lost_eur=("monthly_revenue_eur", "sum"),
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-suma-sin-relleno | cell: factura | breaks: R3
# Combina con `+`: un segmento que falta en uno de los trozos queda en NaN.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        part = (
            chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals + part
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index()
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-region-fija | cell: factura | breaks: R4
# Agrupa siempre por "region": ignora el parámetro segment_column.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        part = (
            chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0))
            .groupby("region")
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-vacio-sin-forma | cell: factura | breaks: R5
# Guarda las agregaciones parciales (pocas filas: no es un problema de memoria) y las combina al
# final con pd.concat, que falla cuando no hay ninguna.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    parts = []
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        parts.append(
            chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
    totals = pd.concat(parts).groupby(level=0).sum().sort_index()
    totals = totals.astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-valida-primer-trozo | cell: factura | breaks: R6, R7
# Valida solo el primer trozo («los demás tienen el mismo formato»).
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        if totals is None:
            for column in (segment_column, "churned", "monthly_revenue_eur"):
                if column not in chunk.columns:
                    raise ValueError(f"Falta la columna '{column}'.")
            revenue = chunk["monthly_revenue_eur"]
            if revenue.isna().any() or (revenue < 0).any():
                raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
            if not chunk["churned"].isin([0, 1]).all():
                raise ValueError("churned debe valer 0 o 1.")
        part = (
            chunk.assign(_lost=chunk["monthly_revenue_eur"].where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-keyerror | cell: factura | breaks: R6
# No comprueba las columnas: deja que pandas lance su KeyError, que no dice qué archivo corregir.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        part = (
            chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]

# %% mutant: factura-nan-pasa | cell: factura | breaks: R7
# Comprueba solo los negativos: un NaN no es < 0, y la suma se lo salta en silencio.
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(f"Falta la columna '{column}'.")
        revenue = chunk["monthly_revenue_eur"]
        if (revenue < 0).any():
            raise ValueError("monthly_revenue_eur no puede ser negativo.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1.")
        part = (
            chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index().astype({"customers": "int64", "churners": "int64"})
    totals["churn_rate"] = totals["churners"] / totals["customers"]
    return totals[columns]
