# %% mutant: sin-modelo-sin-tasa | cell: impact | breaks: R1
# Sin modelo cobra el costo de un falso negativo a todos los clientes, no solo a los que se van.
def campaign_impact(metrics, costs, churn_rate, customers):
    """Costo sin modelo, con modelo, ahorro y ahorro del umbral por costo, en euros."""

    def number(source, key):
        value = source.get(key) if hasattr(source, "get") else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(
                f"Falta la clave numérica {key!r} (está en metrics.json o params.yaml)."
            )
        return float(value)

    if isinstance(customers, bool) or not isinstance(customers, int) or customers <= 0:
        raise ValueError(f"customers debe ser un entero positivo, no {customers!r}.")
    if (
        isinstance(churn_rate, bool)
        or not isinstance(churn_rate, (int, float))
        or not 0 < churn_rate < 1
    ):
        raise ValueError(f"churn_rate debe estar entre 0 y 1 (exclusivos), no {churn_rate!r}.")
    model = number(metrics, "cost_per_customer_eur")
    default = number(metrics, "cost_per_customer_eur_at_0_5")
    lost = number(costs, "cost_false_negative_eur")
    no_model = customers * lost
    with_model = customers * model
    return {
        "no_model_eur": no_model,
        "model_eur": with_model,
        "savings_eur": no_model - with_model,
        "savings_vs_default_threshold_eur": customers * (default - model),
    }



# %% mutant: ahorro-del-umbral-al-reves | cell: impact | breaks: R1
# Resta al revés el costo del umbral por defecto: el ahorro del umbral sale negativo.
def campaign_impact(metrics, costs, churn_rate, customers):
    """Costo sin modelo, con modelo, ahorro y ahorro del umbral por costo, en euros."""

    def number(source, key):
        value = source.get(key) if hasattr(source, "get") else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(
                f"Falta la clave numérica {key!r} (está en metrics.json o params.yaml)."
            )
        return float(value)

    if isinstance(customers, bool) or not isinstance(customers, int) or customers <= 0:
        raise ValueError(f"customers debe ser un entero positivo, no {customers!r}.")
    if (
        isinstance(churn_rate, bool)
        or not isinstance(churn_rate, (int, float))
        or not 0 < churn_rate < 1
    ):
        raise ValueError(f"churn_rate debe estar entre 0 y 1 (exclusivos), no {churn_rate!r}.")
    model = number(metrics, "cost_per_customer_eur")
    default = number(metrics, "cost_per_customer_eur_at_0_5")
    lost = number(costs, "cost_false_negative_eur")
    no_model = customers * churn_rate * lost
    with_model = customers * model
    return {
        "no_model_eur": no_model,
        "model_eur": with_model,
        "savings_eur": no_model - with_model,
        "savings_vs_default_threshold_eur": customers * (model - default),
    }



# %% mutant: clave-con-keyerror | cell: impact | breaks: R2
# Lee las claves con corchetes: una clave que falta da KeyError, no un ValueError que la nombre.
def campaign_impact(metrics, costs, churn_rate, customers):
    """Costo sin modelo, con modelo, ahorro y ahorro del umbral por costo, en euros."""

    def number(source, key):
        return float(source[key])

    if isinstance(customers, bool) or not isinstance(customers, int) or customers <= 0:
        raise ValueError(f"customers debe ser un entero positivo, no {customers!r}.")
    if (
        isinstance(churn_rate, bool)
        or not isinstance(churn_rate, (int, float))
        or not 0 < churn_rate < 1
    ):
        raise ValueError(f"churn_rate debe estar entre 0 y 1 (exclusivos), no {churn_rate!r}.")
    model = number(metrics, "cost_per_customer_eur")
    default = number(metrics, "cost_per_customer_eur_at_0_5")
    lost = number(costs, "cost_false_negative_eur")
    no_model = customers * churn_rate * lost
    with_model = customers * model
    return {
        "no_model_eur": no_model,
        "model_eur": with_model,
        "savings_eur": no_model - with_model,
        "savings_vs_default_threshold_eur": customers * (default - model),
    }



# %% mutant: sin-validar-entradas | cell: impact | breaks: R3
# No valida la tasa de abandono ni el número de clientes.
def campaign_impact(metrics, costs, churn_rate, customers):
    """Costo sin modelo, con modelo, ahorro y ahorro del umbral por costo, en euros."""

    def number(source, key):
        value = source.get(key) if hasattr(source, "get") else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(
                f"Falta la clave numérica {key!r} (está en metrics.json o params.yaml)."
            )
        return float(value)

    if False:
        raise ValueError(f"customers debe ser un entero positivo, no {customers!r}.")
    if False and (
        isinstance(churn_rate, bool)
        or not isinstance(churn_rate, (int, float))
        or not 0 < churn_rate < 1
    ):
        raise ValueError(f"churn_rate debe estar entre 0 y 1 (exclusivos), no {churn_rate!r}.")
    model = number(metrics, "cost_per_customer_eur")
    default = number(metrics, "cost_per_customer_eur_at_0_5")
    lost = number(costs, "cost_false_negative_eur")
    no_model = customers * churn_rate * lost
    with_model = customers * model
    return {
        "no_model_eur": no_model,
        "model_eur": with_model,
        "savings_eur": no_model - with_model,
        "savings_vs_default_threshold_eur": customers * (default - model),
    }



# %% mutant: cifras-sin-redondear | cell: readme | breaks: R1
# Escribe la ROC AUC y el costo sin redondear.
def render_readme(facts):
    """El README de portfolio del proyecto, en Markdown, a partir de sus hechos."""
    lines = [
        f"# {facts.name}",
        "",
        f"Predice qué clientes de un banco van a abandonarlo. El modelo campeón tiene una ROC AUC "
        f"de {facts.roc_auc} y un costo esperado de {facts.cost_per_customer_eur} € por "
        "cliente con el umbral elegido por costo.",
        "",
        "## Resultados",
        "",
        "| métrica | valor |",
        "|---|---|",
        f"| ROC AUC | {facts.roc_auc:.3f} |",
        f"| Costo por cliente (umbral por costo) | {facts.cost_per_customer_eur:.2f} € |",
        f"| Costo por cliente (umbral 0,5) | {facts.cost_at_default_threshold_eur:.2f} € |",
        "",
        "## Cómo ejecutarlo",
        "",
        "```bash",
        *facts.commands,
        "```",
        "",
        "## Arquitectura",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    previous = None
    for number, (module, title) in enumerate(facts.layers):
        node = f'L{number}["{module} · {title}"]'
        lines.append(f"    {previous} --> {node}" if previous else f"    {node}")
        previous = f"L{number}"
    lines += ["```", "", "## Decisiones", ""]
    lines += [f"- [{title}]({path})" for title, path in facts.adrs]
    return "\n".join([*lines, ""])



# %% mutant: secciones-desordenadas | cell: readme | breaks: R2
# Pone la arquitectura antes de cómo ejecutarlo.
def render_readme(facts):
    """El README de portfolio del proyecto, en Markdown, a partir de sus hechos."""
    lines = [
        f"# {facts.name}",
        "",
        f"Predice qué clientes de un banco van a abandonarlo. El modelo campeón tiene una ROC AUC "
        f"de {facts.roc_auc:.3f} y un costo esperado de {facts.cost_per_customer_eur:.2f} € por "
        "cliente con el umbral elegido por costo.",
        "",
        "## Resultados",
        "",
        "| métrica | valor |",
        "|---|---|",
        f"| ROC AUC | {facts.roc_auc:.3f} |",
        f"| Costo por cliente (umbral por costo) | {facts.cost_per_customer_eur:.2f} € |",
        f"| Costo por cliente (umbral 0,5) | {facts.cost_at_default_threshold_eur:.2f} € |",
        "",
        "## Arquitectura",
        "",
        "```bash",
        *facts.commands,
        "```",
        "",
        "## Cómo ejecutarlo",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    previous = None
    for number, (module, title) in enumerate(facts.layers):
        node = f'L{number}["{module} · {title}"]'
        lines.append(f"    {previous} --> {node}" if previous else f"    {node}")
        previous = f"L{number}"
    lines += ["```", "", "## Decisiones", ""]
    lines += [f"- [{title}]({path})" for title, path in facts.adrs]
    return "\n".join([*lines, ""])



# %% mutant: un-bloque-por-orden | cell: readme | breaks: R3
# Un bloque bash por orden en lugar de uno con todas.
def render_readme(facts):
    """El README de portfolio del proyecto, en Markdown, a partir de sus hechos."""
    lines = [
        f"# {facts.name}",
        "",
        f"Predice qué clientes de un banco van a abandonarlo. El modelo campeón tiene una ROC AUC "
        f"de {facts.roc_auc:.3f} y un costo esperado de {facts.cost_per_customer_eur:.2f} € por "
        "cliente con el umbral elegido por costo.",
        "",
        "## Resultados",
        "",
        "| métrica | valor |",
        "|---|---|",
        f"| ROC AUC | {facts.roc_auc:.3f} |",
        f"| Costo por cliente (umbral por costo) | {facts.cost_per_customer_eur:.2f} € |",
        f"| Costo por cliente (umbral 0,5) | {facts.cost_at_default_threshold_eur:.2f} € |",
        "",
        "## Cómo ejecutarlo",
        "",
        *[f"```bash\n{command}\n```" for command in facts.commands],
        "",
        "## Arquitectura",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    previous = None
    for number, (module, title) in enumerate(facts.layers):
        node = f'L{number}["{module} · {title}"]'
        lines.append(f"    {previous} --> {node}" if previous else f"    {node}")
        previous = f"L{number}"
    lines += ["```", "", "## Decisiones", ""]
    lines += [f"- [{title}]({path})" for title, path in facts.adrs]
    return "\n".join([*lines, ""])



# %% mutant: diagrama-sin-titulos | cell: readme | breaks: R4
# Los nodos del diagrama solo llevan el número del módulo.
def render_readme(facts):
    """El README de portfolio del proyecto, en Markdown, a partir de sus hechos."""
    lines = [
        f"# {facts.name}",
        "",
        f"Predice qué clientes de un banco van a abandonarlo. El modelo campeón tiene una ROC AUC "
        f"de {facts.roc_auc:.3f} y un costo esperado de {facts.cost_per_customer_eur:.2f} € por "
        "cliente con el umbral elegido por costo.",
        "",
        "## Resultados",
        "",
        "| métrica | valor |",
        "|---|---|",
        f"| ROC AUC | {facts.roc_auc:.3f} |",
        f"| Costo por cliente (umbral por costo) | {facts.cost_per_customer_eur:.2f} € |",
        f"| Costo por cliente (umbral 0,5) | {facts.cost_at_default_threshold_eur:.2f} € |",
        "",
        "## Cómo ejecutarlo",
        "",
        "```bash",
        *facts.commands,
        "```",
        "",
        "## Arquitectura",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    previous = None
    for number, (module, title) in enumerate(facts.layers):
        node = f'L{number}["{module}"]'
        lines.append(f"    {previous} --> {node}" if previous else f"    {node}")
        previous = f"L{number}"
    lines += ["```", "", "## Decisiones", ""]
    lines += [f"- [{title}]({path})" for title, path in facts.adrs]
    return "\n".join([*lines, ""])



# %% mutant: adrs-sin-enlace | cell: readme | breaks: R5
# Lista los títulos de los ADRs sin enlazarlos.
def render_readme(facts):
    """El README de portfolio del proyecto, en Markdown, a partir de sus hechos."""
    lines = [
        f"# {facts.name}",
        "",
        f"Predice qué clientes de un banco van a abandonarlo. El modelo campeón tiene una ROC AUC "
        f"de {facts.roc_auc:.3f} y un costo esperado de {facts.cost_per_customer_eur:.2f} € por "
        "cliente con el umbral elegido por costo.",
        "",
        "## Resultados",
        "",
        "| métrica | valor |",
        "|---|---|",
        f"| ROC AUC | {facts.roc_auc:.3f} |",
        f"| Costo por cliente (umbral por costo) | {facts.cost_per_customer_eur:.2f} € |",
        f"| Costo por cliente (umbral 0,5) | {facts.cost_at_default_threshold_eur:.2f} € |",
        "",
        "## Cómo ejecutarlo",
        "",
        "```bash",
        *facts.commands,
        "```",
        "",
        "## Arquitectura",
        "",
        "```mermaid",
        "flowchart LR",
    ]
    previous = None
    for number, (module, title) in enumerate(facts.layers):
        node = f'L{number}["{module} · {title}"]'
        lines.append(f"    {previous} --> {node}" if previous else f"    {node}")
        previous = f"L{number}"
    lines += ["```", "", "## Decisiones", ""]
    lines += [f"- {title} ({path})" for title, path in facts.adrs]
    return "\n".join([*lines, ""])



# %% mutant: todos-los-archivos | cell: secrets | breaks: R1
# Escanea todos los archivos de la carpeta, también los ignorados y los no añadidos.
def secret_findings(project, reviewed):
    """Hallazgos (ruta, línea, tipo) de detect-secrets en lo que git versiona, sin los revisados."""
    project = Path(project)
    try:
        git_files(project)
        names = [
            p.relative_to(project).as_posix()
            for p in project.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(project).parts
        ]
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError) as error:
        raise ValueError(f"{project} no es un repositorio git: no sé qué se publicaría.") from error
    found = []
    collection = SecretsCollection()
    with default_settings():
        for name in names:
            path = project / name
            if path.is_file():
                collection.scan_file(str(path))
    for filename, secret in collection:
        relative = Path(filename).resolve().relative_to(project.resolve()).as_posix()
        if (relative, secret.type) not in reviewed:
            found.append((relative, secret.line_number, secret.type))
    return sorted(found)



# %% mutant: revisado-por-archivo | cell: secrets | breaks: R2
# Omite cualquier hallazgo de un archivo revisado, sea del tipo que sea.
def secret_findings(project, reviewed):
    """Hallazgos (ruta, línea, tipo) de detect-secrets en lo que git versiona, sin los revisados."""
    project = Path(project)
    try:
        names = git_files(project)
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError) as error:
        raise ValueError(f"{project} no es un repositorio git: no sé qué se publicaría.") from error
    found = []
    collection = SecretsCollection()
    with default_settings():
        for name in names:
            path = project / name
            if path.is_file():
                collection.scan_file(str(path))
    for filename, secret in collection:
        relative = Path(filename).resolve().relative_to(project.resolve()).as_posix()
        if relative not in {path for path, _ in reviewed}:
            found.append((relative, secret.line_number, secret.type))
    return sorted(found)



# %% mutant: con-el-valor | cell: secrets | breaks: R3
# Devuelve también el valor para «ayudar» a encontrarlo.
def secret_findings(project, reviewed):
    """Hallazgos (ruta, línea, tipo) de detect-secrets en lo que git versiona, sin los revisados."""
    project = Path(project)
    try:
        names = git_files(project)
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError) as error:
        raise ValueError(f"{project} no es un repositorio git: no sé qué se publicaría.") from error
    found = []
    collection = SecretsCollection()
    with default_settings():
        for name in names:
            path = project / name
            if path.is_file():
                collection.scan_file(str(path))
    for filename, secret in collection:
        relative = Path(filename).resolve().relative_to(project.resolve()).as_posix()
        if (relative, secret.type) not in reviewed:
            found.append((relative, secret.line_number, secret.type, secret.secret_value))
    return sorted(found)



# %% mutant: sin-validar-repo | cell: secrets | breaks: R4
# No convierte el error de git en un ValueError claro.
def secret_findings(project, reviewed):
    """Hallazgos (ruta, línea, tipo) de detect-secrets en lo que git versiona, sin los revisados."""
    project = Path(project)
    names = git_files(project)
    found = []
    collection = SecretsCollection()
    with default_settings():
        for name in names:
            path = project / name
            if path.is_file():
                collection.scan_file(str(path))
    for filename, secret in collection:
        relative = Path(filename).resolve().relative_to(project.resolve()).as_posix()
        if (relative, secret.type) not in reviewed:
            found.append((relative, secret.line_number, secret.type))
    return sorted(found)



# %% mutant: tasa-sobre-toda-la-cohorte | cell: cohort | breaks: R1
# Divide por todos los informes aunque algunos no evaluaron el criterio.
def cohort_summary(reports):
    """(criterio, módulo, tasa de aprobación, quiénes fallan), del que más falla al que menos."""
    if not reports:
        raise ValueError("La cohorte está vacía: no hay informes que resumir.")
    seen = {}
    for student, report in reports.items():
        entries = report.get("criterios") if isinstance(report, dict) else None
        if not isinstance(entries, list):
            raise ValueError(f"El informe de {student!r} no tiene la lista «criterios».")
        for entry in entries:
            if not isinstance(entry, dict) or not {"criterion", "module", "passed"} <= set(entry):
                raise ValueError(
                    f"Una entrada del informe de {student!r} está incompleta: {entry!r}"
                )
            key = (entry["criterion"], entry["module"])
            passed, failed = seen.setdefault(key, ([], []))
            (passed if entry["passed"] else failed).append(student)
    rows = [
        (criterion, module, len(passed) / len(reports), sorted(failed))
        for (criterion, module), (passed, failed) in seen.items()
    ]
    return sorted(rows, key=lambda row: (row[2], row[1], row[0]))



# %% mutant: quienes-sin-ordenar | cell: cohort | breaks: R1
# Devuelve quiénes fallan en el orden inverso de los informes.
def cohort_summary(reports):
    """(criterio, módulo, tasa de aprobación, quiénes fallan), del que más falla al que menos."""
    if not reports:
        raise ValueError("La cohorte está vacía: no hay informes que resumir.")
    seen = {}
    for student, report in reports.items():
        entries = report.get("criterios") if isinstance(report, dict) else None
        if not isinstance(entries, list):
            raise ValueError(f"El informe de {student!r} no tiene la lista «criterios».")
        for entry in entries:
            if not isinstance(entry, dict) or not {"criterion", "module", "passed"} <= set(entry):
                raise ValueError(
                    f"Una entrada del informe de {student!r} está incompleta: {entry!r}"
                )
            key = (entry["criterion"], entry["module"])
            passed, failed = seen.setdefault(key, ([], []))
            (passed if entry["passed"] else failed).append(student)
    rows = [
        (criterion, module, len(passed) / (len(passed) + len(failed)), list(reversed(failed)))
        for (criterion, module), (passed, failed) in seen.items()
    ]
    return sorted(rows, key=lambda row: (row[2], row[1], row[0]))



# %% mutant: desempate-por-id | cell: cohort | breaks: R2
# A igual tasa ordena por id del criterio y no por módulo.
def cohort_summary(reports):
    """(criterio, módulo, tasa de aprobación, quiénes fallan), del que más falla al que menos."""
    if not reports:
        raise ValueError("La cohorte está vacía: no hay informes que resumir.")
    seen = {}
    for student, report in reports.items():
        entries = report.get("criterios") if isinstance(report, dict) else None
        if not isinstance(entries, list):
            raise ValueError(f"El informe de {student!r} no tiene la lista «criterios».")
        for entry in entries:
            if not isinstance(entry, dict) or not {"criterion", "module", "passed"} <= set(entry):
                raise ValueError(
                    f"Una entrada del informe de {student!r} está incompleta: {entry!r}"
                )
            key = (entry["criterion"], entry["module"])
            passed, failed = seen.setdefault(key, ([], []))
            (passed if entry["passed"] else failed).append(student)
    rows = [
        (criterion, module, len(passed) / (len(passed) + len(failed)), sorted(failed))
        for (criterion, module), (passed, failed) in seen.items()
    ]
    return sorted(rows, key=lambda row: (row[2], row[0]))



# %% mutant: error-sin-alumno | cell: cohort | breaks: R3
# El error no dice de quién es el informe roto.
def cohort_summary(reports):
    """(criterio, módulo, tasa de aprobación, quiénes fallan), del que más falla al que menos."""
    if not reports:
        raise ValueError("La cohorte está vacía: no hay informes que resumir.")
    seen = {}
    for student, report in reports.items():
        entries = report.get("criterios") if isinstance(report, dict) else None
        if not isinstance(entries, list):
            raise ValueError("Un informe no tiene la lista «criterios».")
        for entry in entries:
            if not isinstance(entry, dict) or not {"criterion", "module", "passed"} <= set(entry):
                raise ValueError("Una entrada de un informe está incompleta.")
            key = (entry["criterion"], entry["module"])
            passed, failed = seen.setdefault(key, ([], []))
            (passed if entry["passed"] else failed).append(student)
    rows = [
        (criterion, module, len(passed) / (len(passed) + len(failed)), sorted(failed))
        for (criterion, module), (passed, failed) in seen.items()
    ]
    return sorted(rows, key=lambda row: (row[2], row[1], row[0]))



# %% mutant: vacia-sin-error | cell: cohort | breaks: R4
# Una cohorte vacía devuelve una lista vacía.
def cohort_summary(reports):
    """(criterio, módulo, tasa de aprobación, quiénes fallan), del que más falla al que menos."""
    if not reports:
        return []
    seen = {}
    for student, report in reports.items():
        entries = report.get("criterios") if isinstance(report, dict) else None
        if not isinstance(entries, list):
            raise ValueError(f"El informe de {student!r} no tiene la lista «criterios».")
        for entry in entries:
            if not isinstance(entry, dict) or not {"criterion", "module", "passed"} <= set(entry):
                raise ValueError(
                    f"Una entrada del informe de {student!r} está incompleta: {entry!r}"
                )
            key = (entry["criterion"], entry["module"])
            passed, failed = seen.setdefault(key, ([], []))
            (passed if entry["passed"] else failed).append(student)
    rows = [
        (criterion, module, len(passed) / (len(passed) + len(failed)), sorted(failed))
        for (criterion, module), (passed, failed) in seen.items()
    ]
    return sorted(rows, key=lambda row: (row[2], row[1], row[0]))



# %% mutant: q3-sin-redondeo | cell: interview | breaks: R2
# Cree que con 25 % de 4 réplicas pueden faltar 2 pods.
ANSWERS = {
    "q1": "c",
    "q2": "b",
    "q3": "a",
    "q4": "a",
    "q5": "c",
    "q6": "d",
}



# %% mutant: q6-borrar-el-archivo | cell: interview | breaks: R2
# Cree que borrar el archivo en un commit nuevo basta.
ANSWERS = {
    "q1": "c",
    "q2": "b",
    "q3": "d",
    "q4": "a",
    "q5": "c",
    "q6": "a",
}



# %% mutant: letras-en-mayuscula | cell: interview | breaks: R1
# Escribe las letras en mayúscula.
ANSWERS = {
    "q1": "C",
    "q2": "B",
    "q3": "D",
    "q4": "a",
    "q5": "C",
    "q6": "D",
}

