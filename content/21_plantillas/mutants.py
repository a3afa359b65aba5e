# %% mutant: nombres-sin-colapsar | cell: nombres | breaks: R1
# Pasa a minúsculas y cambia _ por -, pero no colapsa los grupos ni trata el punto.
def project_names(name: str) -> dict[str, str]:
    """Las formas del nombre: proyecto (PEP 503), paquete de Python y servicio."""
    project = name.strip().lower().replace("_", "-")
    return {
        "project": project,
        "package": project.replace("-", "_"),
        "service": f"{project.removesuffix('-project')}-api",
    }

# %% mutant: nombres-paquete-del-original | cell: nombres | breaks: R2
# Deriva el paquete del nombre original en minúsculas, no de la forma normalizada.
def project_names(name: str) -> dict[str, str]:
    """Las formas del nombre: proyecto (PEP 503), paquete de Python y servicio."""
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    return {
        "project": project,
        "package": name.strip().lower().replace("-", "_"),
        "service": f"{project.removesuffix('-project')}-api",
    }

# %% mutant: nombres-servicio-con-project | cell: nombres | breaks: R3
# Añade -api sin quitar el sufijo -project: churn-project-api.
def project_names(name: str) -> dict[str, str]:
    """Las formas del nombre: proyecto (PEP 503), paquete de Python y servicio."""
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    return {
        "project": project,
        "package": project.replace("-", "_"),
        "service": f"{project}-api",
    }

# %% mutant: nombres-quita-project-en-medio | cell: nombres | breaks: R3
# Quita "-project" en cualquier posición, no solo al final.
def project_names(name: str) -> dict[str, str]:
    """Las formas del nombre: proyecto (PEP 503), paquete de Python y servicio."""
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    return {
        "project": project,
        "package": project.replace("-", "_"),
        "service": f"{project.replace('-project', '')}-api",
    }

# %% mutant: validar-sin-tipo | cell: validar | breaks: R1
# Confía en que el nombre es un texto: con 42 falla con AttributeError, no TypeError.
def check_project_name(name: str) -> str:
    """La forma normalizada del nombre, o un error en español si no sirve para las plantillas."""
    import keyword

    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", project):
        raise ValueError(f"«{name}» no es una etiqueta DNS-1123.")
    package = project.replace("-", "_")
    if not package.isidentifier() or keyword.iskeyword(package):
        raise ValueError(f"«{package}» no sirve como paquete de Python.")
    if len(f"{project.removesuffix('-project')}-api") > 63:
        raise ValueError("El servicio pasa de 63 caracteres.")
    return project

# %% mutant: validar-sin-bordes | cell: validar | breaks: R2
# Solo mira los caracteres permitidos: acepta «-fraude» y «fraude-».
def check_project_name(name: str) -> str:
    """La forma normalizada del nombre, o un error en español si no sirve para las plantillas."""
    import keyword

    if not isinstance(name, str):
        raise TypeError("El nombre debe ser un texto.")
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    if not re.fullmatch(r"[a-z0-9-]+", project):
        raise ValueError(f"«{name}» no es una etiqueta DNS-1123.")
    package = project.replace("-", "_")
    if not package.isidentifier() or keyword.iskeyword(package):
        raise ValueError(f"«{package}» no sirve como paquete de Python.")
    if len(f"{project.removesuffix('-project')}-api") > 63:
        raise ValueError("El servicio pasa de 63 caracteres.")
    return project

# %% mutant: validar-sin-reservadas | cell: validar | breaks: R3
# Comprueba el dígito inicial pero olvida las palabras reservadas (class, import).
def check_project_name(name: str) -> str:
    """La forma normalizada del nombre, o un error en español si no sirve para las plantillas."""
    if not isinstance(name, str):
        raise TypeError("El nombre debe ser un texto.")
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", project):
        raise ValueError(f"«{name}» no es una etiqueta DNS-1123.")
    if project[0].isdigit():
        raise ValueError("Un paquete de Python no puede empezar con un dígito.")
    if len(f"{project.removesuffix('-project')}-api") > 63:
        raise ValueError("El servicio pasa de 63 caracteres.")
    return project

# %% mutant: validar-largo-del-proyecto | cell: validar | breaks: R4
# Mide el nombre del proyecto en lugar del servicio (que lleva -api).
def check_project_name(name: str) -> str:
    """La forma normalizada del nombre, o un error en español si no sirve para las plantillas."""
    import keyword

    if not isinstance(name, str):
        raise TypeError("El nombre debe ser un texto.")
    project = re.sub(r"[-_.]+", "-", name.strip().lower())
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", project):
        raise ValueError(f"«{name}» no es una etiqueta DNS-1123.")
    package = project.replace("-", "_")
    if not package.isidentifier() or keyword.iskeyword(package):
        raise ValueError(f"«{package}» no sirve como paquete de Python.")
    if len(project) > 63:
        raise ValueError("El proyecto pasa de 63 caracteres.")
    return project

# %% mutant: deriva-sin-renderizar | cell: deriva | breaks: R1
# Compara con la plantilla sin reemplazar los nombres: cada línea con el nombre parece deriva.
def template_drift(
    template_text: str, project_text: str, names: dict[str, str]
) -> dict[str, list[int]]:
    """Qué líneas cambió el equipo (changed) y cuáles de la plantilla ya no están (removed)."""
    import difflib

    expected = [line.rstrip() for line in template_text.splitlines()]
    actual = [line.rstrip() for line in project_text.splitlines()]
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1 + 1, j2 + 1))
        if tag in ("replace", "delete"):
            removed.extend(range(i1 + 1, i2 + 1))
    return {"changed": changed, "removed": removed}

# %% mutant: deriva-solo-insertadas | cell: deriva | breaks: R2, R3
# Solo cuenta líneas añadidas y borradas: una línea reemplazada no aparece en ningún lado.
def template_drift(
    template_text: str, project_text: str, names: dict[str, str]
) -> dict[str, list[int]]:
    """Qué líneas cambió el equipo (changed) y cuáles de la plantilla ya no están (removed)."""
    import difflib

    rendered = (
        template_text.replace("churn-project", names["project"])
        .replace("churn_project", names["package"])
        .replace("churn-api", names["service"])
    )
    expected = [line.rstrip() for line in rendered.splitlines()]
    actual = [line.rstrip() for line in project_text.splitlines()]
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            changed.extend(range(j1 + 1, j2 + 1))
        if tag == "delete":
            removed.extend(range(i1 + 1, i2 + 1))
    return {"changed": changed, "removed": removed}

# %% mutant: deriva-desde-cero | cell: deriva | breaks: R2, R3
# Numera las líneas desde 0, como los índices de Python.
def template_drift(
    template_text: str, project_text: str, names: dict[str, str]
) -> dict[str, list[int]]:
    """Qué líneas cambió el equipo (changed) y cuáles de la plantilla ya no están (removed)."""
    import difflib

    rendered = (
        template_text.replace("churn-project", names["project"])
        .replace("churn_project", names["package"])
        .replace("churn-api", names["service"])
    )
    expected = [line.rstrip() for line in rendered.splitlines()]
    actual = [line.rstrip() for line in project_text.splitlines()]
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1, j2))
        if tag in ("replace", "delete"):
            removed.extend(range(i1, i2))
    return {"changed": changed, "removed": removed}

# %% mutant: deriva-removed-del-equipo | cell: deriva | breaks: R3
# Devuelve en removed los números de línea del archivo del equipo, no los de la plantilla.
def template_drift(
    template_text: str, project_text: str, names: dict[str, str]
) -> dict[str, list[int]]:
    """Qué líneas cambió el equipo (changed) y cuáles de la plantilla ya no están (removed)."""
    import difflib

    rendered = (
        template_text.replace("churn-project", names["project"])
        .replace("churn_project", names["package"])
        .replace("churn-api", names["service"])
    )
    expected = [line.rstrip() for line in rendered.splitlines()]
    actual = [line.rstrip() for line in project_text.splitlines()]
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1 + 1, j2 + 1))
        if tag in ("replace", "delete"):
            removed.extend(range(j1 + 1, j1 + (i2 - i1) + 1))
    return {"changed": changed, "removed": removed}

# %% mutant: deriva-con-espacios | cell: deriva | breaks: R4
# Compara las líneas tal cual: un \r o un espacio final parece un cambio.
def template_drift(
    template_text: str, project_text: str, names: dict[str, str]
) -> dict[str, list[int]]:
    """Qué líneas cambió el equipo (changed) y cuáles de la plantilla ya no están (removed)."""
    import difflib

    rendered = (
        template_text.replace("churn-project", names["project"])
        .replace("churn_project", names["package"])
        .replace("churn-api", names["service"])
    )
    expected = rendered.split("\n")
    actual = project_text.split("\n")
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed: list[int] = []
    removed: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1 + 1, j2 + 1))
        if tag in ("replace", "delete"):
            removed.extend(range(i1 + 1, i2 + 1))
    return {"changed": changed, "removed": removed}
