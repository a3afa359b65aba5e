# %% mutant: version-texto | cell: card-fields | breaks: R1
# Deja la versión como la da el registro (texto).
def model_card_fields(meta):
    """Los campos validados de la model card (ver el enunciado)."""
    import math

    fields = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
    for field in fields:
        value = meta.get(field)
        empty = isinstance(value, (str, list, tuple, dict)) and not (
            value.strip() if isinstance(value, str) else value
        )
        if value is None or empty:
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    raw = meta["version"]
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() or int(text) < 1:
        raise ValueError(f"version debe ser un entero positivo; es {raw!r}.")
    metrics = {}
    for name, value in meta["metrics"].items():
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise ValueError(f"La métrica {name!r} debe ser un número finito; es {value!r}.")
        metrics[name] = round(float(value), 4)
    return {
        "name": meta["name"],
        "version": raw,
        "data_version": meta["data_version"],
        "metrics": metrics,
        "intended_use": meta["intended_use"],
        "limitations": list(meta["limitations"]),
    }

# %% mutant: sin-redondeo | cell: card-fields | breaks: R1
# Copia las métricas con todos sus decimales.
def model_card_fields(meta):
    """Los campos validados de la model card (ver el enunciado)."""
    import math

    fields = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
    for field in fields:
        value = meta.get(field)
        empty = isinstance(value, (str, list, tuple, dict)) and not (
            value.strip() if isinstance(value, str) else value
        )
        if value is None or empty:
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    raw = meta["version"]
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() or int(text) < 1:
        raise ValueError(f"version debe ser un entero positivo; es {raw!r}.")
    metrics = {}
    for name, value in meta["metrics"].items():
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise ValueError(f"La métrica {name!r} debe ser un número finito; es {value!r}.")
        metrics[name] = float(value)
    return {
        "name": meta["name"],
        "version": int(text),
        "data_version": meta["data_version"],
        "metrics": metrics,
        "intended_use": meta["intended_use"],
        "limitations": list(meta["limitations"]),
    }

# %% mutant: vacios-aceptados | cell: card-fields | breaks: R2
# Solo comprueba que la clave exista: acepta textos y listas vacíos.
def model_card_fields(meta):
    """Los campos validados de la model card (ver el enunciado)."""
    import math

    fields = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
    for field in fields:
        value = meta.get(field)
        if field not in meta:
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    raw = meta["version"]
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() or int(text) < 1:
        raise ValueError(f"version debe ser un entero positivo; es {raw!r}.")
    metrics = {}
    for name, value in meta["metrics"].items():
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise ValueError(f"La métrica {name!r} debe ser un número finito; es {value!r}.")
        metrics[name] = round(float(value), 4)
    return {
        "name": meta["name"],
        "version": int(text),
        "data_version": meta["data_version"],
        "metrics": metrics,
        "intended_use": meta["intended_use"],
        "limitations": list(meta["limitations"]),
    }

# %% mutant: nan-aceptado | cell: card-fields | breaks: R3
# Comprueba el tipo de las métricas pero no que sean finitas, ni que la versión sea positiva.
def model_card_fields(meta):
    """Los campos validados de la model card (ver el enunciado)."""
    import math

    fields = ("name", "version", "data_version", "metrics", "intended_use", "limitations")
    for field in fields:
        value = meta.get(field)
        empty = isinstance(value, (str, list, tuple, dict)) and not (
            value.strip() if isinstance(value, str) else value
        )
        if value is None or empty:
            raise ValueError(f"Falta el campo {field!r} de la model card (o está vacío).")
    raw = meta["version"]
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() :
        raise ValueError(f"version debe ser un entero positivo; es {raw!r}.")
    metrics = {}
    for name, value in meta["metrics"].items():
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number:
            raise ValueError(f"La métrica {name!r} debe ser un número finito; es {value!r}.")
        metrics[name] = round(float(value), 4)
    return {
        "name": meta["name"],
        "version": int(text),
        "data_version": meta["data_version"],
        "metrics": metrics,
        "intended_use": meta["intended_use"],
        "limitations": list(meta["limitations"]),
    }

# %% mutant: fpr-sobre-todos | cell: group-rates | breaks: R1
# Divide los falsos positivos por todos los clientes del grupo, no por los negativos reales.
def group_rates(y_true, y_pred, sensitive):
    """Tasa de selección, TPR, FPR y clientes por grupo (sin fairlearn)."""
    y_true, y_pred, sensitive = list(y_true), list(y_pred), list(sensitive)
    if not len(y_true) == len(y_pred) == len(sensitive):
        raise ValueError("y_true, y_pred y sensitive deben tener el mismo largo.")
    frame = pd.DataFrame({"y": y_true, "p": y_pred, "g": sensitive})
    for column in ("y", "p"):
        if not set(frame[column].unique()) <= {0, 1}:
            raise ValueError("Las etiquetas de y_true e y_pred deben ser 0 y 1.")
    rows = {}
    for group, part in frame.groupby("g", sort=True):
        positives = part[part["y"] == 1]
        negatives = part[part["y"] == 0]
        rows[group] = {
            "selection_rate": part["p"].mean(),
            "tpr": positives["p"].mean(),
            "fpr": (negatives["p"] == 1).sum() / len(part),
            "count": len(part),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def fairness_gaps(rates):
    """Las diferencias de paridad demográfica y de equalized odds de una tabla de group_rates."""
    def spread(column):
        return float(rates[column].max() - rates[column].min())

    return {
        "demographic_parity_difference": spread("selection_rate"),
        "equalized_odds_difference": max(spread("tpr"), spread("fpr")),
    }

# %% mutant: eo-promedio | cell: group-rates | breaks: R2
# Promedia las brechas de TPR y FPR en vez de tomar la mayor.
def group_rates(y_true, y_pred, sensitive):
    """Tasa de selección, TPR, FPR y clientes por grupo (sin fairlearn)."""
    y_true, y_pred, sensitive = list(y_true), list(y_pred), list(sensitive)
    if not len(y_true) == len(y_pred) == len(sensitive):
        raise ValueError("y_true, y_pred y sensitive deben tener el mismo largo.")
    frame = pd.DataFrame({"y": y_true, "p": y_pred, "g": sensitive})
    for column in ("y", "p"):
        if not set(frame[column].unique()) <= {0, 1}:
            raise ValueError("Las etiquetas de y_true e y_pred deben ser 0 y 1.")
    rows = {}
    for group, part in frame.groupby("g", sort=True):
        positives = part[part["y"] == 1]
        negatives = part[part["y"] == 0]
        rows[group] = {
            "selection_rate": part["p"].mean(),
            "tpr": positives["p"].mean(),
            "fpr": negatives["p"].mean(),
            "count": len(part),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def fairness_gaps(rates):
    """Las diferencias de paridad demográfica y de equalized odds de una tabla de group_rates."""
    def spread(column):
        return float(rates[column].max() - rates[column].min())

    return {
        "demographic_parity_difference": spread("selection_rate"),
        "equalized_odds_difference": (spread("tpr") + spread("fpr")) / 2,
    }

# %% mutant: eo-solo-tpr | cell: group-rates | breaks: R2
# Usa solo la brecha de TPR (igualdad de oportunidades), no la de FPR.
def group_rates(y_true, y_pred, sensitive):
    """Tasa de selección, TPR, FPR y clientes por grupo (sin fairlearn)."""
    y_true, y_pred, sensitive = list(y_true), list(y_pred), list(sensitive)
    if not len(y_true) == len(y_pred) == len(sensitive):
        raise ValueError("y_true, y_pred y sensitive deben tener el mismo largo.")
    frame = pd.DataFrame({"y": y_true, "p": y_pred, "g": sensitive})
    for column in ("y", "p"):
        if not set(frame[column].unique()) <= {0, 1}:
            raise ValueError("Las etiquetas de y_true e y_pred deben ser 0 y 1.")
    rows = {}
    for group, part in frame.groupby("g", sort=True):
        positives = part[part["y"] == 1]
        negatives = part[part["y"] == 0]
        rows[group] = {
            "selection_rate": part["p"].mean(),
            "tpr": positives["p"].mean(),
            "fpr": negatives["p"].mean(),
            "count": len(part),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def fairness_gaps(rates):
    """Las diferencias de paridad demográfica y de equalized odds de una tabla de group_rates."""
    def spread(column):
        return float(rates[column].max() - rates[column].min())

    return {
        "demographic_parity_difference": spread("selection_rate"),
        "equalized_odds_difference": spread("tpr"),
    }

# %% mutant: sin-validar | cell: group-rates | breaks: R3
# No valida las etiquetas ni los largos.
def group_rates(y_true, y_pred, sensitive):
    """Tasa de selección, TPR, FPR y clientes por grupo (sin fairlearn)."""
    y_true, y_pred, sensitive = list(y_true), list(y_pred), list(sensitive)
    frame = pd.DataFrame({"y": y_true, "p": y_pred, "g": sensitive})
    rows = {}
    for group, part in frame.groupby("g", sort=True):
        positives = part[part["y"] == 1]
        negatives = part[part["y"] == 0]
        rows[group] = {
            "selection_rate": part["p"].mean(),
            "tpr": positives["p"].mean(),
            "fpr": negatives["p"].mean(),
            "count": len(part),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def fairness_gaps(rates):
    """Las diferencias de paridad demográfica y de equalized odds de una tabla de group_rates."""
    def spread(column):
        return float(rates[column].max() - rates[column].min())

    return {
        "demographic_parity_difference": spread("selection_rate"),
        "equalized_odds_difference": max(spread("tpr"), spread("fpr")),
    }

# %% mutant: ignora-limite | cell: mitigation | breaks: R1
# Elige la de más valor sin mirar el límite de paridad.
def choose_mitigation(candidates, max_dp_difference, max_eo_difference=None):
    """El nombre de la opción de más valor que cumple los límites de equidad."""
    import math

    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
        if not 0 <= value <= 1:
            raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")

    check("max_dp_difference", max_dp_difference)
    if max_eo_difference is not None:
        check("max_eo_difference", max_eo_difference)
    if isinstance(candidates, pd.DataFrame):
        candidates = candidates.to_dict("records")
    allowed = [
        row
        for row in candidates
        if (max_eo_difference is None or row["eo_difference"] <= max_eo_difference)
    ]
    if not allowed:
        best = min(candidates, key=lambda row: row["dp_difference"])
        raise ValueError(
            f"Ninguna opción cumple los límites; la más equitativa es {best['name']!r} "
            f"(dp_difference={best['dp_difference']})."
        )
    return max(allowed, key=lambda row: (row["value_eur"], -row["eo_difference"]))["name"]

# %% mutant: mas-equitativa | cell: mitigation | breaks: R1
# Entre las que cumplen, elige la más equitativa en vez de la de más valor.
def choose_mitigation(candidates, max_dp_difference, max_eo_difference=None):
    """El nombre de la opción de más valor que cumple los límites de equidad."""
    import math

    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
        if not 0 <= value <= 1:
            raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")

    check("max_dp_difference", max_dp_difference)
    if max_eo_difference is not None:
        check("max_eo_difference", max_eo_difference)
    if isinstance(candidates, pd.DataFrame):
        candidates = candidates.to_dict("records")
    allowed = [
        row
        for row in candidates
        if row["dp_difference"] <= max_dp_difference
        and (max_eo_difference is None or row["eo_difference"] <= max_eo_difference)
    ]
    if not allowed:
        best = min(candidates, key=lambda row: row["dp_difference"])
        raise ValueError(
            f"Ninguna opción cumple los límites; la más equitativa es {best['name']!r} "
            f"(dp_difference={best['dp_difference']})."
        )
    return min(allowed, key=lambda row: row["dp_difference"])["name"]

# %% mutant: ignora-eo | cell: mitigation | breaks: R2
# Valida max_eo_difference pero no lo aplica al filtrar.
def choose_mitigation(candidates, max_dp_difference, max_eo_difference=None):
    """El nombre de la opción de más valor que cumple los límites de equidad."""
    import math

    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
        if not 0 <= value <= 1:
            raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")

    check("max_dp_difference", max_dp_difference)
    if max_eo_difference is not None:
        check("max_eo_difference", max_eo_difference)
    if isinstance(candidates, pd.DataFrame):
        candidates = candidates.to_dict("records")
    allowed = [
        row
        for row in candidates
        if row["dp_difference"] <= max_dp_difference
            ]
    if not allowed:
        best = min(candidates, key=lambda row: row["dp_difference"])
        raise ValueError(
            f"Ninguna opción cumple los límites; la más equitativa es {best['name']!r} "
            f"(dp_difference={best['dp_difference']})."
        )
    return max(allowed, key=lambda row: (row["value_eur"], -row["eo_difference"]))["name"]

# %% mutant: mejor-esfuerzo | cell: mitigation | breaks: R3
# Si ninguna cumple, devuelve la más equitativa en vez de avisar.
def choose_mitigation(candidates, max_dp_difference, max_eo_difference=None):
    """El nombre de la opción de más valor que cumple los límites de equidad."""
    import math

    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
        if not 0 <= value <= 1:
            raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")

    check("max_dp_difference", max_dp_difference)
    if max_eo_difference is not None:
        check("max_eo_difference", max_eo_difference)
    if isinstance(candidates, pd.DataFrame):
        candidates = candidates.to_dict("records")
    allowed = [
        row
        for row in candidates
        if row["dp_difference"] <= max_dp_difference
        and (max_eo_difference is None or row["eo_difference"] <= max_eo_difference)
    ]
    if not allowed:
        best = min(candidates, key=lambda row: row["dp_difference"])
        return best["name"]
    return max(allowed, key=lambda row: (row["value_eur"], -row["eo_difference"]))["name"]

# %% mutant: limites-sin-validar | cell: mitigation | breaks: R4
# No valida los límites.
def choose_mitigation(candidates, max_dp_difference, max_eo_difference=None):
    """El nombre de la opción de más valor que cumple los límites de equidad."""
    import math

    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número entre 0 y 1; es {value!r}.")
        if not 0 <= value <= 1:
            raise ValueError(f"{name} debe estar entre 0 y 1; es {value}.")

    if isinstance(candidates, pd.DataFrame):
        candidates = candidates.to_dict("records")
    allowed = [
        row
        for row in candidates
        if row["dp_difference"] <= max_dp_difference
        and (max_eo_difference is None or row["eo_difference"] <= max_eo_difference)
    ]
    if not allowed:
        best = min(candidates, key=lambda row: row["dp_difference"])
        raise ValueError(
            f"Ninguna opción cumple los límites; la más equitativa es {best['name']!r} "
            f"(dp_difference={best['dp_difference']})."
        )
    return max(allowed, key=lambda row: (row["value_eur"], -row["eo_difference"]))["name"]

# %% mutant: ancla-sin-arreglar | cell: how-to-run | breaks: R1
# Arregla los archivos pero deja la sección que no existe.
def how_to_run_page():
    return """\
# Cómo ejecutar el proyecto

Tres órdenes, desde la raíz del repositorio:

```bash
dvc repro            # datos → modelo, solo lo que cambió
pytest               # los tests del proyecto (cobertura ≥ 80 %)
mkdocs build --strict  # este sitio, sin enlaces rotos
```

![El pipeline de DVC](assets/pipeline.svg)

Antes de usar el modelo, lee su [model card](model-card.md) y la
[composición de los datos](datasheet.md#composicion-de-los-datos). La decisión de despliegue
está en el [ADR 0001](adr/0001-despliegue.md) y las funciones, en la
[referencia de la API](api.md).
"""

# %% mutant: enlace-absoluto | cell: how-to-run | breaks: R1
# Deja el enlace absoluto al ADR.
def how_to_run_page():
    return """\
# Cómo ejecutar el proyecto

Tres órdenes, desde la raíz del repositorio:

```bash
dvc repro            # datos → modelo, solo lo que cambió
pytest               # los tests del proyecto (cobertura ≥ 80 %)
mkdocs build --strict  # este sitio, sin enlaces rotos
```

![El pipeline de DVC](assets/pipeline.svg)

Antes de usar el modelo, lee su [model card](model-card.md) y la
[composición de los datos](datasheet.md#composicion). La decisión de despliegue
está en el [ADR 0001](/adr/0001-despliegue.md) y las funciones, en la
[referencia de la API](api.md).
"""

# %% mutant: enlaces-borrados | cell: how-to-run | breaks: R2
# Pasa el build borrando los enlaces que fallaban.
def how_to_run_page():
    return """\
# Cómo ejecutar el proyecto

Tres órdenes, desde la raíz del repositorio:

```bash
dvc repro            # datos → modelo, solo lo que cambió
pytest               # los tests del proyecto (cobertura ≥ 80 %)
mkdocs build --strict  # este sitio, sin enlaces rotos
```

![El pipeline de DVC](assets/pipeline.svg)

Antes de usar el modelo, lee su model card y la composición de los datos. La decisión de despliegue
está en el [ADR 0001](adr/0001-despliegue.md) y las funciones, en la
[referencia de la API](api.md).
"""

# %% mutant: imagen-en-html | cell: how-to-run | breaks: R3
# Arregla los enlaces Markdown pero deja la imagen en HTML (el modo estricto no la ve).
def how_to_run_page():
    return """\
# Cómo ejecutar el proyecto

Tres órdenes, desde la raíz del repositorio:

```bash
dvc repro            # datos → modelo, solo lo que cambió
pytest               # los tests del proyecto (cobertura ≥ 80 %)
mkdocs build --strict  # este sitio, sin enlaces rotos
```

<img src="assets/pipeline.svg" alt="El pipeline de DVC">

Antes de usar el modelo, lee su [model card](model-card.md) y la
[composición de los datos](datasheet.md#composicion). La decisión de despliegue
está en el [ADR 0001](adr/0001-despliegue.md) y las funciones, en la
[referencia de la API](api.md).
"""
