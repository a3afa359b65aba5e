# %% mutant: umbral-en-porcentaje | cell: slo-alert | breaks: R1
# Escribe el 1 % como 1 (porcentaje) en vez de 0.01 (fracción): nunca se dispara.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 1
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms: se rompe el SLO."
"""


# %% mutant: bucket-equivocado | cell: slo-alert | breaks: R1
# Usa el bucket de 0,5 s: las peticiones de 0,4 s cuentan como rápidas y la alerta no ve el SLO roto.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.5"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 0.01
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms: se rompe el SLO."
"""


# %% mutant: umbral-dos-por-ciento | cell: slo-alert | breaks: R1
# Alerta con más del 2 % de lentas: deja pasar un SLO roto con 1,5 %.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 0.02
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms: se rompe el SLO."
"""


# %% mutant: sin-for | cell: slo-alert | breaks: R2
# Sin for: se dispara en el primer minuto de la condición.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 0.01
        labels:
          severity: page
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms: se rompe el SLO."
"""


# %% mutant: for-diez-minutos | cell: slo-alert | breaks: R2
# for: 10m, «por si acaso»: el SLO lleva roto 6 minutos y nadie lo sabe.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 0.01
        for: 10m
        labels:
          severity: page
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms: se rompe el SLO."
"""


# %% mutant: severidad-warning | cell: slo-alert | breaks: R3
# severity: warning: nadie recibe la página.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 0.01
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms: se rompe el SLO."
"""


# %% mutant: summary-con-plantilla | cell: slo-alert | breaks: R3
# Un summary con plantilla y casi sin texto.
SLO_RULES = """\
groups:
  - name: churn-api-slo
    rules:
      - alert: ChurnApiSLOLatencia
        expr: |
          1 - (
            sum(rate(churn_http_request_duration_seconds_bucket{le="0.3"}[5m]))
            /
            sum(rate(churn_http_request_duration_seconds_count[5m]))
          ) > 0.01
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "Latencia {{ $value }}"
"""


# %% mutant: suma-de-valores | cell: labels | breaks: R1
# Suma los valores distintos en vez de multiplicarlos.
def check_metric_labels(labels, max_series=1000):
    banned = {"id", "uuid", "email", "user", "customer", "session"}
    for name, values in labels.items():
        if banned & set(name.lower().split("_")):
            raise ValueError(f"La etiqueta {name!r} identifica a una persona o petición.")
        if len(set(values)) > 50:
            raise ValueError(f"La etiqueta {name!r} tiene demasiados valores distintos.")
    total = sum(len(set(values)) for values in labels.values()) or 1
    if total > max_series:
        raise ValueError(f"Saldrían {total} series y el presupuesto es {max_series}.")
    return total


# %% mutant: cuenta-observaciones | cell: labels | breaks: R1
# Cuenta observaciones, no valores distintos.
def check_metric_labels(labels, max_series=1000):
    import math

    banned = {"id", "uuid", "email", "user", "customer", "session"}
    for name, values in labels.items():
        if banned & set(name.lower().split("_")):
            raise ValueError(f"La etiqueta {name!r} identifica a una persona o petición.")
        if len(set(values)) > 50:
            raise ValueError(f"La etiqueta {name!r} tiene demasiados valores distintos.")
    total = math.prod(len(values) for values in labels.values())
    if total > max_series:
        raise ValueError(f"Saldrían {total} series y el presupuesto es {max_series}.")
    return total


# %% mutant: id-como-subcadena | cell: labels | breaks: R2
# Busca "id" como subcadena: rechaza "valid" e "identity_provider".
def check_metric_labels(labels, max_series=1000):
    import math

    banned = ("id", "uuid", "email", "user", "customer", "session")
    for name, values in labels.items():
        if any(word in name.lower() for word in banned):
            raise ValueError(f"La etiqueta {name!r} identifica a una persona o petición.")
        if len(set(values)) > 50:
            raise ValueError(f"La etiqueta {name!r} tiene demasiados valores distintos.")
    total = math.prod(len(set(values)) for values in labels.values())
    if total > max_series:
        raise ValueError(f"Saldrían {total} series y el presupuesto es {max_series}.")
    return total


# %% mutant: solo-nombres | cell: labels | breaks: R2
# Solo mira el nombre: una etiqueta "path" con una URL por cliente pasa.
def check_metric_labels(labels, max_series=1000):
    import math

    banned = {"id", "uuid", "email", "user", "customer", "session"}
    for name in labels:
        if banned & set(name.lower().split("_")):
            raise ValueError(f"La etiqueta {name!r} identifica a una persona o petición.")
    total = math.prod(len(set(values)) for values in labels.values())
    if total > max_series:
        raise ValueError(f"Saldrían {total} series y el presupuesto es {max_series}.")
    return total


# %% mutant: presupuesto-estricto | cell: labels | breaks: R3
# Rechaza también justo en el presupuesto, y el mensaje no dice cuántas series.
def check_metric_labels(labels, max_series=1000):
    import math

    banned = {"id", "uuid", "email", "user", "customer", "session"}
    for name, values in labels.items():
        if banned & set(name.lower().split("_")):
            raise ValueError(f"La etiqueta {name!r} identifica a una persona o petición.")
        if len(set(values)) > 50:
            raise ValueError(f"La etiqueta {name!r} tiene demasiados valores distintos.")
    total = math.prod(len(set(values)) for values in labels.values())
    if total >= max_series:
        raise ValueError("Demasiadas series.")
    return total


# %% mutant: sin-presupuesto | cell: labels | breaks: R3
# Olvida el presupuesto de series.
def check_metric_labels(labels, max_series=1000):
    import math

    banned = {"id", "uuid", "email", "user", "customer", "session"}
    for name, values in labels.items():
        if banned & set(name.lower().split("_")):
            raise ValueError(f"La etiqueta {name!r} identifica a una persona o petición.")
        if len(set(values)) > 50:
            raise ValueError(f"La etiqueta {name!r} tiene demasiados valores distintos.")
    return math.prod(len(set(values)) for values in labels.values())


# %% mutant: psi-con-conteos | cell: psi | breaks: R1
# Usa los conteos en vez de las proporciones.
def psi(expected_counts, actual_counts, epsilon=1e-4):
    import math

    if len(expected_counts) != len(actual_counts) or len(expected_counts) < 2:
        raise ValueError("Los dos histogramas deben tener los mismos bins (al menos 2).")
    if any(c < 0 for c in expected_counts) or any(c < 0 for c in actual_counts):
        raise ValueError("Un conteo no puede ser negativo.")
    if sum(expected_counts) <= 0 or sum(actual_counts) <= 0:
        raise ValueError("Las dos ventanas deben tener datos.")
    value = 0.0
    for e, a in zip(expected_counts, actual_counts):
        e, a = max(e, epsilon), max(a, epsilon)
        value += (a - e) * math.log(a / e)
    return float(value)


# %% mutant: psi-kl-de-un-lado | cell: psi | breaks: R1
# Calcula solo la KL de un lado: sum(a · ln(a / e)).
def psi(expected_counts, actual_counts, epsilon=1e-4):
    import math

    if len(expected_counts) != len(actual_counts) or len(expected_counts) < 2:
        raise ValueError("Los dos histogramas deben tener los mismos bins (al menos 2).")
    if any(c < 0 for c in expected_counts) or any(c < 0 for c in actual_counts):
        raise ValueError("Un conteo no puede ser negativo.")
    total_e, total_a = sum(expected_counts), sum(actual_counts)
    if total_e <= 0 or total_a <= 0:
        raise ValueError("Las dos ventanas deben tener datos.")
    value = 0.0
    for e, a in zip(expected_counts, actual_counts):
        e_share, a_share = max(e / total_e, epsilon), max(a / total_a, epsilon)
        value += a_share * math.log(a_share / e_share)
    return float(value)


# %% mutant: psi-salta-bins-vacios | cell: psi | breaks: R2
# Salta los bins vacíos en vez de acotarlos: finito, pero ignora justo el cambio más grande.
def psi(expected_counts, actual_counts, epsilon=1e-4):
    import math

    if len(expected_counts) != len(actual_counts) or len(expected_counts) < 2:
        raise ValueError("Los dos histogramas deben tener los mismos bins (al menos 2).")
    if any(c < 0 for c in expected_counts) or any(c < 0 for c in actual_counts):
        raise ValueError("Un conteo no puede ser negativo.")
    total_e, total_a = sum(expected_counts), sum(actual_counts)
    if total_e <= 0 or total_a <= 0:
        raise ValueError("Las dos ventanas deben tener datos.")
    value = 0.0
    for e, a in zip(expected_counts, actual_counts):
        if e == 0 or a == 0:
            continue
        e_share, a_share = e / total_e, a / total_a
        value += (a_share - e_share) * math.log(a_share / e_share)
    return float(value)


# %% mutant: psi-epsilon-solo-en-ceros | cell: psi | breaks: R2
# Acota solo los bins exactamente vacíos, y solo en la ventana actual.
def psi(expected_counts, actual_counts, epsilon=1e-4):
    import math

    if len(expected_counts) != len(actual_counts) or len(expected_counts) < 2:
        raise ValueError("Los dos histogramas deben tener los mismos bins (al menos 2).")
    if any(c < 0 for c in expected_counts) or any(c < 0 for c in actual_counts):
        raise ValueError("Un conteo no puede ser negativo.")
    total_e, total_a = sum(expected_counts), sum(actual_counts)
    if total_e <= 0 or total_a <= 0:
        raise ValueError("Las dos ventanas deben tener datos.")
    value = 0.0
    for e, a in zip(expected_counts, actual_counts):
        e_share = e / total_e
        a_share = a / total_a if a > 0 else epsilon
        try:
            value += (a_share - e_share) * math.log(a_share / e_share)
        except ZeroDivisionError:
            value += 0.0
    return float(value)


# %% mutant: psi-sin-validar | cell: psi | breaks: R3
# No valida: zip corta la lista más larga y una ventana vacía da ZeroDivisionError.
def psi(expected_counts, actual_counts, epsilon=1e-4):
    import math

    total_e, total_a = sum(expected_counts), sum(actual_counts)
    value = 0.0
    for e, a in zip(expected_counts, actual_counts):
        e_share, a_share = max(e / total_e, epsilon), max(a / total_a, epsilon)
        value += (a_share - e_share) * math.log(a_share / e_share)
    return float(value)


# %% mutant: sin-correccion | cell: drift-report | breaks: R1, R3
# Sin corrección: cada p-valor contra alpha.
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    return {name for name, p in p_values.items() if p <= alpha}


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref, cur = ref.astype(str), cur.astype(str)
            levels = sorted(set(ref) | set(cur))
            table = [[int((ref == v).sum()) for v in levels], [int((cur == v).sum()) for v in levels]]
            report[name] = {"test": "chi2", "p_value": float(stats.chi2_contingency(table).pvalue)}
        else:
            p = stats.ks_2samp(ref.to_numpy(float), cur.to_numpy(float)).pvalue
            report[name] = {"test": "ks", "p_value": float(p)}
    drifted = holm_drifted({name: row["p_value"] for name, row in report.items()}, alpha)
    for name, row in report.items():
        row["drift"] = name in drifted
    return report


# %% mutant: bonferroni | cell: drift-report | breaks: R1
# Bonferroni (alpha/m para todos) en vez de Holm: pierde detecciones.
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    m = max(len(p_values), 1)
    return {name for name, p in p_values.items() if p <= alpha / m}


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref, cur = ref.astype(str), cur.astype(str)
            levels = sorted(set(ref) | set(cur))
            table = [[int((ref == v).sum()) for v in levels], [int((cur == v).sum()) for v in levels]]
            report[name] = {"test": "chi2", "p_value": float(stats.chi2_contingency(table).pvalue)}
        else:
            p = stats.ks_2samp(ref.to_numpy(float), cur.to_numpy(float)).pvalue
            report[name] = {"test": "ks", "p_value": float(p)}
    drifted = holm_drifted({name: row["p_value"] for name, row in report.items()}, alpha)
    for name, row in report.items():
        row["drift"] = name in drifted
    return report


# %% mutant: holm-sin-detenerse | cell: drift-report | breaks: R1
# Holm sin detenerse: sigue rechazando después del primer p-valor que no pasa.
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    ordered = sorted(p_values.items(), key=lambda item: item[1])
    m = len(ordered)
    return {name for k, (name, p) in enumerate(ordered) if p <= alpha / (m - k)}


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref, cur = ref.astype(str), cur.astype(str)
            levels = sorted(set(ref) | set(cur))
            table = [[int((ref == v).sum()) for v in levels], [int((cur == v).sum()) for v in levels]]
            report[name] = {"test": "chi2", "p_value": float(stats.chi2_contingency(table).pvalue)}
        else:
            p = stats.ks_2samp(ref.to_numpy(float), cur.to_numpy(float)).pvalue
            report[name] = {"test": "ks", "p_value": float(p)}
    drifted = holm_drifted({name: row["p_value"] for name, row in report.items()}, alpha)
    for name, row in report.items():
        row["drift"] = name in drifted
    return report


# %% mutant: correccion-doble | cell: drift-report | breaks: R1
# Corrige dos veces: Holm sobre alpha/m.
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    ordered = sorted(p_values.items(), key=lambda item: item[1])
    m = len(ordered)
    level = alpha / max(m, 1)
    drifted = set()
    for k, (name, p) in enumerate(ordered):
        if p > level / (m - k):
            break
        drifted.add(name)
    return drifted


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref, cur = ref.astype(str), cur.astype(str)
            levels = sorted(set(ref) | set(cur))
            table = [[int((ref == v).sum()) for v in levels], [int((cur == v).sum()) for v in levels]]
            report[name] = {"test": "chi2", "p_value": float(stats.chi2_contingency(table).pvalue)}
        else:
            p = stats.ks_2samp(ref.to_numpy(float), cur.to_numpy(float)).pvalue
            report[name] = {"test": "ks", "p_value": float(p)}
    drifted = holm_drifted({name: row["p_value"] for name, row in report.items()}, alpha)
    for name, row in report.items():
        row["drift"] = name in drifted
    return report


# %% mutant: ks-para-todo | cell: drift-report | breaks: R2
# KS también para las categóricas (sobre los códigos de la categoría).
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    ordered = sorted(p_values.items(), key=lambda item: item[1])
    m = len(ordered)
    drifted = set()
    for k, (name, p) in enumerate(ordered):
        if p > alpha / (m - k):
            break
        drifted.add(name)
    return drifted


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref = ref.astype("category").cat.codes.to_numpy(float)
            cur = cur.astype("category").cat.codes.to_numpy(float)
        else:
            ref, cur = ref.to_numpy(float), cur.to_numpy(float)
        report[name] = {"test": "ks", "p_value": float(stats.ks_2samp(ref, cur).pvalue)}
    drifted = holm_drifted({name: row["p_value"] for name, row in report.items()}, alpha)
    for name, row in report.items():
        row["drift"] = name in drifted
    return report


# %% mutant: categorias-de-cada-ventana | cell: drift-report | breaks: R2
# Cada ventana cuenta sus propias categorías: las columnas de la tabla no se alinean.
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    ordered = sorted(p_values.items(), key=lambda item: item[1])
    m = len(ordered)
    drifted = set()
    for k, (name, p) in enumerate(ordered):
        if p > alpha / (m - k):
            break
        drifted.add(name)
    return drifted


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref_counts = ref.astype(str).value_counts().sort_index().tolist()
            cur_counts = cur.astype(str).value_counts().sort_index().tolist()
            size = min(len(ref_counts), len(cur_counts))
            table = [ref_counts[:size], cur_counts[:size]]
            report[name] = {"test": "chi2", "p_value": float(stats.chi2_contingency(table).pvalue)}
        else:
            p = stats.ks_2samp(ref.to_numpy(float), cur.to_numpy(float)).pvalue
            report[name] = {"test": "ks", "p_value": float(p)}
    drifted = holm_drifted({name: row["p_value"] for name, row in report.items()}, alpha)
    for name, row in report.items():
        row["drift"] = name in drifted
    return report


# %% mutant: holm-por-variable | cell: drift-report | breaks: R3
# Llama a Holm con una variable cada vez: es lo mismo que no corregir.
def holm_drifted(p_values, alpha=0.05):
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    ordered = sorted(p_values.items(), key=lambda item: item[1])
    m = len(ordered)
    drifted = set()
    for k, (name, p) in enumerate(ordered):
        if p > alpha / (m - k):
            break
        drifted.add(name)
    return drifted


def drift_report(reference, current, features, alpha=0.05):
    from scipy import stats

    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    report = {}
    for name in features:
        if name not in reference.columns or name not in current.columns:
            raise ValueError(f"La variable {name!r} no está en las dos ventanas.")
        ref, cur = reference[name].dropna(), current[name].dropna()
        if name in CATEGORICAL:
            ref, cur = ref.astype(str), cur.astype(str)
            levels = sorted(set(ref) | set(cur))
            table = [[int((ref == v).sum()) for v in levels], [int((cur == v).sum()) for v in levels]]
            report[name] = {"test": "chi2", "p_value": float(stats.chi2_contingency(table).pvalue)}
        else:
            p = stats.ks_2samp(ref.to_numpy(float), cur.to_numpy(float)).pvalue
            report[name] = {"test": "ks", "p_value": float(p)}
    for name, row in report.items():
        row["drift"] = name in holm_drifted({name: row["p_value"]}, alpha)
    return report


# %% mutant: perdida-sin-costo-de-llamada | cell: retrain | breaks: R1
# Olvida que la llamada al churner también cuesta: 36 € por verdadero positivo.
def should_retrain(stale, fresh, retrain_cost_eur, horizon_months):
    import math

    for name, counts in (("stale", stale), ("fresh", fresh)):
        for key in ("tp", "fp"):
            if key not in counts or counts[key] < 0:
                raise ValueError(f"{name} necesita {key} >= 0.")
    if retrain_cost_eur < 0:
        raise ValueError("El costo de reentrenar no puede ser negativo.")
    if horizon_months <= 0:
        raise ValueError("El horizonte debe ser mayor que 0 meses.")

    def value(counts):
        return counts["tp"] * CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS - counts["fp"] * CONTACT_COST_EUR

    loss = value(fresh) - value(stale)
    payback = retrain_cost_eur / loss if loss > 0 else math.inf
    return {"monthly_loss_eur": loss, "payback_months": payback, "retrain": loss > 0 and payback <= horizon_months}


# %% mutant: perdida-ignora-falsos-positivos | cell: retrain | breaks: R1
# Solo cuenta los verdaderos positivos.
def should_retrain(stale, fresh, retrain_cost_eur, horizon_months):
    import math

    for name, counts in (("stale", stale), ("fresh", fresh)):
        for key in ("tp", "fp"):
            if key not in counts or counts[key] < 0:
                raise ValueError(f"{name} necesita {key} >= 0.")
    if retrain_cost_eur < 0:
        raise ValueError("El costo de reentrenar no puede ser negativo.")
    if horizon_months <= 0:
        raise ValueError("El horizonte debe ser mayor que 0 meses.")

    def value(counts):
        return counts["tp"] * (CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS - CONTACT_COST_EUR)

    loss = value(fresh) - value(stale)
    payback = retrain_cost_eur / loss if loss > 0 else math.inf
    return {"monthly_loss_eur": loss, "payback_months": payback, "retrain": loss > 0 and payback <= horizon_months}


# %% mutant: horizonte-estricto | cell: retrain | breaks: R2
# Exige repagar ANTES del horizonte (<) y deja el repago negativo si el modelo nuevo es peor.
def should_retrain(stale, fresh, retrain_cost_eur, horizon_months):
    for name, counts in (("stale", stale), ("fresh", fresh)):
        for key in ("tp", "fp"):
            if key not in counts or counts[key] < 0:
                raise ValueError(f"{name} necesita {key} >= 0.")
    if retrain_cost_eur < 0:
        raise ValueError("El costo de reentrenar no puede ser negativo.")
    if horizon_months <= 0:
        raise ValueError("El horizonte debe ser mayor que 0 meses.")

    def value(counts):
        saved = CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS - CONTACT_COST_EUR
        return counts["tp"] * saved - counts["fp"] * CONTACT_COST_EUR

    loss = value(fresh) - value(stale)
    payback = retrain_cost_eur / loss if loss != 0 else float("inf")
    return {"monthly_loss_eur": loss, "payback_months": payback, "retrain": 0 < payback < horizon_months}


# %% mutant: reentrenar-si-pierde | cell: retrain | breaks: R2
# Reentrena con cualquier pérdida positiva, se pague o no dentro del horizonte.
def should_retrain(stale, fresh, retrain_cost_eur, horizon_months):
    import math

    for name, counts in (("stale", stale), ("fresh", fresh)):
        for key in ("tp", "fp"):
            if key not in counts or counts[key] < 0:
                raise ValueError(f"{name} necesita {key} >= 0.")
    if retrain_cost_eur < 0:
        raise ValueError("El costo de reentrenar no puede ser negativo.")
    if horizon_months <= 0:
        raise ValueError("El horizonte debe ser mayor que 0 meses.")

    def value(counts):
        saved = CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS - CONTACT_COST_EUR
        return counts["tp"] * saved - counts["fp"] * CONTACT_COST_EUR

    loss = value(fresh) - value(stale)
    payback = retrain_cost_eur / loss if loss > 0 else math.inf
    return {"monthly_loss_eur": loss, "payback_months": payback, "retrain": loss > 0}


# %% mutant: retrain-sin-validar | cell: retrain | breaks: R3
# No valida: conteos negativos o un horizonte de 0 pasan.
def should_retrain(stale, fresh, retrain_cost_eur, horizon_months):
    import math

    def value(counts):
        saved = CUSTOMER_VALUE_EUR * CAMPAIGN_SUCCESS - CONTACT_COST_EUR
        return counts.get("tp", 0) * saved - counts.get("fp", 0) * CONTACT_COST_EUR

    loss = value(fresh) - value(stale)
    payback = retrain_cost_eur / loss if loss > 0 else math.inf
    return {"monthly_loss_eur": loss, "payback_months": payback, "retrain": loss > 0 and payback <= horizon_months}
