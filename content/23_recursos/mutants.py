# %% mutant: ruta-sin-recalcular | cell: ruta | breaks: R1
# Ordena una sola vez por lo que cubre cada entrada al principio, sin recalcular.
def learning_path(records: list[dict[str, object]], gap: list[str], hours_budget: int) -> list[str]:
    """Ids de la ruta de estudio para cubrir `gap` sin pasar de `hours_budget` horas."""
    pending = set(gap)
    left = hours_budget
    path: list[str] = []
    candidates = list(records)
    ranked = sorted(candidates, key=lambda r: (-len(pending & set(r["modules"])), r["hours"], r["id"]))
    for best in ranked:
        if not pending:
            break
        if pending & set(best["modules"]) and int(best["hours"]) <= left:
            path.append(str(best["id"]))
            pending -= set(best["modules"])
            left -= int(best["hours"])
    return path

# %% mutant: ruta-desempate-por-id | cell: ruta | breaks: R1
# En empate de módulos desempata solo por id, sin mirar las horas.
def learning_path(records: list[dict[str, object]], gap: list[str], hours_budget: int) -> list[str]:
    """Ids de la ruta de estudio para cubrir `gap` sin pasar de `hours_budget` horas."""
    pending = set(gap)
    left = hours_budget
    path: list[str] = []
    candidates = list(records)
    while pending:
        useful = [r for r in candidates if pending & set(r["modules"]) and int(r["hours"]) <= left]
        if not useful:
            break
        best = min(useful, key=lambda r: (-len(pending & set(r["modules"])), r["id"]))
        path.append(str(best["id"]))
        pending -= set(best["modules"])
        left -= int(best["hours"])
        candidates.remove(best)
    return path

# %% mutant: ruta-para-si-no-cabe | cell: ruta | breaks: R2
# Si la mejor entrada no cabe, termina la ruta en vez de buscar otra.
def learning_path(records: list[dict[str, object]], gap: list[str], hours_budget: int) -> list[str]:
    """Ids de la ruta de estudio para cubrir `gap` sin pasar de `hours_budget` horas."""
    pending = set(gap)
    left = hours_budget
    path: list[str] = []
    candidates = list(records)
    while pending:
        useful = [r for r in candidates if pending & set(r["modules"])]
        if not useful:
            break
        best = min(useful, key=lambda r: (-len(pending & set(r["modules"])), r["hours"], r["id"]))
        if int(best["hours"]) > left:
            break
        path.append(str(best["id"]))
        pending -= set(best["modules"])
        left -= int(best["hours"])
        candidates.remove(best)
    return path

# %% mutant: ruta-sin-presupuesto | cell: ruta | breaks: R2
# Olvida el presupuesto de horas.
def learning_path(records: list[dict[str, object]], gap: list[str], hours_budget: int) -> list[str]:
    """Ids de la ruta de estudio para cubrir `gap` sin pasar de `hours_budget` horas."""
    pending = set(gap)
    left = hours_budget
    path: list[str] = []
    candidates = list(records)
    while pending:
        useful = [r for r in candidates if pending & set(r["modules"])]
        if not useful:
            break
        best = min(useful, key=lambda r: (-len(pending & set(r["modules"])), r["hours"], r["id"]))
        path.append(str(best["id"]))
        pending -= set(best["modules"])
        left -= int(best["hours"])
        candidates.remove(best)
    return path

# %% mutant: ruta-cualquier-modulo-del-hueco | cell: ruta | breaks: R3
# Sigue añadiendo todo lo que toca el hueco, aunque ya esté cubierto.
def learning_path(records: list[dict[str, object]], gap: list[str], hours_budget: int) -> list[str]:
    """Ids de la ruta de estudio para cubrir `gap` sin pasar de `hours_budget` horas."""
    pending = set(gap)
    left = hours_budget
    path: list[str] = []
    candidates = list(records)
    wanted = set(gap)
    while candidates:
        useful = [r for r in candidates if wanted & set(r["modules"]) and int(r["hours"]) <= left]
        if not useful:
            break
        best = min(useful, key=lambda r: (-len(pending & set(r["modules"])), r["hours"], r["id"]))
        path.append(str(best["id"]))
        pending -= set(best["modules"])
        left -= int(best["hours"])
        candidates.remove(best)
    return path

# %% mutant: caducas-limite-incluido | cell: caducas | breaks: R1
# Cuenta como caducada una comprobación de exactamente max_age_days días.
def stale_entries(
    records: list[dict[str, object]], today: dt.date, max_age_days: int
) -> list[tuple[str, str]]:
    """Entradas (id, motivo) que hay que volver a comprobar, ordenadas por id."""
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today debe ser una fecha (datetime.date), no {type(today).__name__}.")
    stale: list[tuple[str, str]] = []
    for record in records:
        entry_id = str(record["id"])
        checked = record.get("date_checked")
        if checked is None:
            stale.append((entry_id, "sin verificar"))
            continue
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                raise ValueError(
                    f"{entry_id}: date_checked «{checked}» no es una fecha ISO."
                ) from None
        if not isinstance(checked, dt.date):
            raise ValueError(f"{entry_id}: date_checked debe ser una fecha.")
        if checked > today:
            raise ValueError(f"{entry_id}: date_checked {checked} es posterior a hoy ({today}).")
        age = (today - checked).days
        if age >= max_age_days:
            stale.append((entry_id, f"comprobada hace {age} días"))
    return sorted(stale)

# %% mutant: caducas-sin-dias | cell: caducas | breaks: R1
# El motivo no dice cuántos días pasaron.
def stale_entries(
    records: list[dict[str, object]], today: dt.date, max_age_days: int
) -> list[tuple[str, str]]:
    """Entradas (id, motivo) que hay que volver a comprobar, ordenadas por id."""
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today debe ser una fecha (datetime.date), no {type(today).__name__}.")
    stale: list[tuple[str, str]] = []
    for record in records:
        entry_id = str(record["id"])
        checked = record.get("date_checked")
        if checked is None:
            stale.append((entry_id, "sin verificar"))
            continue
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                raise ValueError(
                    f"{entry_id}: date_checked «{checked}» no es una fecha ISO."
                ) from None
        if not isinstance(checked, dt.date):
            raise ValueError(f"{entry_id}: date_checked debe ser una fecha.")
        if checked > today:
            raise ValueError(f"{entry_id}: date_checked {checked} es posterior a hoy ({today}).")
        age = (today - checked).days
        if age > max_age_days:
            stale.append((entry_id, "comprobada hace demasiado tiempo"))
    return sorted(stale)

# %% mutant: caducas-ignora-sin-fecha | cell: caducas | breaks: R2
# Trata una entrada sin fecha como si estuviera al día.
def stale_entries(
    records: list[dict[str, object]], today: dt.date, max_age_days: int
) -> list[tuple[str, str]]:
    """Entradas (id, motivo) que hay que volver a comprobar, ordenadas por id."""
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today debe ser una fecha (datetime.date), no {type(today).__name__}.")
    stale: list[tuple[str, str]] = []
    for record in records:
        entry_id = str(record["id"])
        checked = record.get("date_checked")
        if checked is None:
            continue
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                raise ValueError(
                    f"{entry_id}: date_checked «{checked}» no es una fecha ISO."
                ) from None
        if not isinstance(checked, dt.date):
            raise ValueError(f"{entry_id}: date_checked debe ser una fecha.")
        if checked > today:
            raise ValueError(f"{entry_id}: date_checked {checked} es posterior a hoy ({today}).")
        age = (today - checked).days
        if age > max_age_days:
            stale.append((entry_id, f"comprobada hace {age} días"))
    return sorted(stale)

# %% mutant: caducas-futuro-silencioso | cell: caducas | breaks: R3
# Acepta una fecha futura: la entrada parece recién comprobada.
def stale_entries(
    records: list[dict[str, object]], today: dt.date, max_age_days: int
) -> list[tuple[str, str]]:
    """Entradas (id, motivo) que hay que volver a comprobar, ordenadas por id."""
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today debe ser una fecha (datetime.date), no {type(today).__name__}.")
    stale: list[tuple[str, str]] = []
    for record in records:
        entry_id = str(record["id"])
        checked = record.get("date_checked")
        if checked is None:
            stale.append((entry_id, "sin verificar"))
            continue
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                raise ValueError(
                    f"{entry_id}: date_checked «{checked}» no es una fecha ISO."
                ) from None
        if not isinstance(checked, dt.date):
            raise ValueError(f"{entry_id}: date_checked debe ser una fecha.")
        age = (today - checked).days
        if age > max_age_days:
            stale.append((entry_id, f"comprobada hace {age} días"))
    return sorted(stale)

# %% mutant: caducas-error-sin-id | cell: caducas | breaks: R3
# Deja pasar el error de fromisoformat, que no dice qué entrada falla.
def stale_entries(
    records: list[dict[str, object]], today: dt.date, max_age_days: int
) -> list[tuple[str, str]]:
    """Entradas (id, motivo) que hay que volver a comprobar, ordenadas por id."""
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise TypeError(f"today debe ser una fecha (datetime.date), no {type(today).__name__}.")
    stale: list[tuple[str, str]] = []
    for record in records:
        entry_id = str(record["id"])
        checked = record.get("date_checked")
        if checked is None:
            stale.append((entry_id, "sin verificar"))
            continue
        if isinstance(checked, str):
            checked = dt.date.fromisoformat(checked)
        if not isinstance(checked, dt.date):
            raise ValueError(f"{entry_id}: date_checked debe ser una fecha.")
        if checked > today:
            raise ValueError(f"{entry_id}: date_checked {checked} es posterior a hoy ({today}).")
        age = (today - checked).days
        if age > max_age_days:
            stale.append((entry_id, f"comprobada hace {age} días"))
    return sorted(stale)
