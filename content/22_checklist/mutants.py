# %% mutant: pendientes-solo-falta | cell: pendientes | breaks: R1
# Solo mira «falta»: lo «sin verificar» se da por bueno.
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    pending = [r for r in records if r["state"] == "falta"]
    ordered = sorted(pending, key=lambda r: (r["id"] not in blocking, r["module"], r["id"]))
    return [(r["id"], r["taught"]) for r in ordered]

# %% mutant: pendientes-con-hechos | cell: pendientes | breaks: R1
# Olvida sacar lo hecho: ordena la lista entera.
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    ordered = sorted(records, key=lambda r: (r["id"] not in blocking, r["module"], r["id"]))
    return [(r["id"], r["taught"]) for r in ordered]

# %% mutant: pendientes-bloqueantes-al-final | cell: pendientes | breaks: R2
# Invierte la clave: los bloqueantes quedan al final.
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    pending = [r for r in records if r["state"] != "hecho"]
    ordered = sorted(pending, key=lambda r: (r["id"] in blocking, r["module"], r["id"]))
    return [(r["id"], r["taught"]) for r in ordered]

# %% mutant: pendientes-sin-bloqueantes | cell: pendientes | breaks: R2
# Ordena solo por módulo e id: ignora qué bloquea.
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    pending = [r for r in records if r["state"] != "hecho"]
    ordered = sorted(pending, key=lambda r: (r["module"], r["id"]))
    return [(r["id"], r["taught"]) for r in ordered]

# %% mutant: pendientes-por-id | cell: pendientes | breaks: R3
# Dentro de cada grupo ordena solo por id (alfabético), sin mirar el módulo.
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    pending = [r for r in records if r["state"] != "hecho"]
    ordered = sorted(pending, key=lambda r: (r["id"] not in blocking, r["id"]))
    return [(r["id"], r["taught"]) for r in ordered]

# %% mutant: pendientes-orden-de-entrada | cell: pendientes | breaks: R3
# Separa bloqueantes del resto pero deja cada grupo en el orden en que llegó.
def todo_list(records: list[dict[str, str]], blocking: list[str]) -> list[tuple[str, str]]:
    """Los puntos pendientes (id, dónde se enseña): bloqueantes primero, en el orden del curso."""
    pending = [r for r in records if r["state"] != "hecho"]
    first = [r for r in pending if r["id"] in blocking]
    rest = [r for r in pending if r["id"] not in blocking]
    return [(r["id"], r["taught"]) for r in first + rest]

# %% mutant: puerta-bloqueante-ausente-pasa | cell: puerta | breaks: R1
# Solo mira los bloqueantes que están en results: uno sin evaluar pasa.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is not None and not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: puerta-sin-bloqueantes | cell: puerta | breaks: R1
# Olvida los bloqueantes: solo decide por puntaje e informe.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: puerta-puntaje-por-criterios | cell: puerta | breaks: R2
# Calcula el puntaje como fracción de criterios cumplidos, no de puntos.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            reasons.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    score = sum(bool(r["passed"]) for r in results.values()) / len(results)
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: puerta-minimo-estricto | cell: puerta | breaks: R2
# Exige superar el mínimo (<=): justo en el mínimo da no-go.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            reasons.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score <= min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: puerta-ignora-informe | cell: puerta | breaks: R3
# No mira si el informe está desactualizado.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            reasons.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: puerta-informe-viejo-solo-avisa | cell: puerta | breaks: R3
# Un informe desactualizado solo agrega un aviso, pero la decisión sale de lo demás.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    blockers: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            blockers.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            blockers.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score < min_score:
        blockers.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    decision = "no-go" if blockers else "go"
    if stale:
        blockers.append("informe desactualizado (aviso).")
    return decision, blockers

# %% mutant: puerta-porcentaje-sin-validar | cell: puerta | breaks: R4
# Acepta cualquier min_score: un 80 (quería decir 80 %) frena todo sin explicar por qué.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = float(policy.get("min_score", 0))
    if not results:
        raise ValueError("No hay resultados de criterios: corre el verificador antes de decidir.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            reasons.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total if total else 0.0
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: puerta-sin-resultados-divide | cell: puerta | breaks: R4
# Valida min_score pero no la lista vacía: 0/0 termina en ZeroDivisionError.
def release_gate(
    results: dict[str, dict[str, object]], policy: dict[str, object], stale: bool
) -> tuple[str, list[str]]:
    """("go" | "no-go", motivos) para liberar con esta política."""
    min_score = policy.get("min_score")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise ValueError(f"min_score debe ser un número entre 0 y 1, no {min_score!r}.")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score es una fracción entre 0 y 1 (0.8 es 80 %), no {min_score}.")
    reasons: list[str] = []
    for criterion_id in policy.get("blocking", []):
        outcome = results.get(criterion_id)
        if outcome is None:
            reasons.append(f"{criterion_id}: bloqueante sin evaluar.")
        elif not outcome["passed"]:
            reasons.append(f"{criterion_id}: bloqueante que no se cumple.")
    total = sum(int(r["max_points"]) for r in results.values())
    score = sum(int(r["points"]) for r in results.values()) / total
    if score < min_score:
        reasons.append(f"puntaje {score:.0%} por debajo del mínimo {min_score:.0%}.")
    if stale:
        reasons.append("informe desactualizado: vuelve a correr el verificador.")
    return ("no-go" if reasons else "go"), reasons

# %% mutant: vigencia-justo-cuenta | cell: vigencia | breaks: R1
# Usa >=: un archivo guardado justo a la hora del informe también cuenta.
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    named = {"checked_at": checked_at, "branch_moved_at": branch_moved_at, **file_times}
    for name, moment in named.items():
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name}: la hora no tiene zona horaria; usa UTC.")
    reasons: list[str] = []
    if branch_moved_at is not None and branch_moved_at > checked_at:
        reasons.append(f"hubo un commit después del informe ({branch_moved_at.isoformat()}).")
    for path in sorted(file_times):
        if file_times[path] >= checked_at:
            reasons.append(f"{path} cambió después del informe.")
    return reasons

# %% mutant: vigencia-todo-cambio-cuenta | cell: vigencia | breaks: R1
# Cualquier archivo que git ve cambiado cuenta, sin mirar su hora.
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    named = {"checked_at": checked_at, "branch_moved_at": branch_moved_at, **file_times}
    for name, moment in named.items():
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name}: la hora no tiene zona horaria; usa UTC.")
    reasons: list[str] = []
    if branch_moved_at is not None and branch_moved_at > checked_at:
        reasons.append(f"hubo un commit después del informe ({branch_moved_at.isoformat()}).")
    for path in sorted(file_times):
        if file_times[path]:
            reasons.append(f"{path} cambió después del informe.")
    return reasons

# %% mutant: vigencia-sin-commits | cell: vigencia | breaks: R2
# Olvida la rama: solo mira los archivos.
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    named = {"checked_at": checked_at, "branch_moved_at": branch_moved_at, **file_times}
    for name, moment in named.items():
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name}: la hora no tiene zona horaria; usa UTC.")
    reasons: list[str] = []
    for path in sorted(file_times):
        if file_times[path] > checked_at:
            reasons.append(f"{path} cambió después del informe.")
    return reasons

# %% mutant: vigencia-commit-al-final | cell: vigencia | breaks: R2
# Pone el motivo del commit después de los archivos.
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    named = {"checked_at": checked_at, "branch_moved_at": branch_moved_at, **file_times}
    for name, moment in named.items():
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name}: la hora no tiene zona horaria; usa UTC.")
    reasons: list[str] = []
    for path in sorted(file_times):
        if file_times[path] > checked_at:
            reasons.append(f"{path} cambió después del informe.")
    if branch_moved_at is not None and branch_moved_at > checked_at:
        reasons.append(f"hubo un commit después del informe ({branch_moved_at.isoformat()}).")
    return reasons

# %% mutant: vigencia-sin-validar-zonas | cell: vigencia | breaks: R3
# No valida las zonas: una hora sin zona termina en un TypeError de Python.
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    reasons: list[str] = []
    if branch_moved_at is not None and branch_moved_at > checked_at:
        reasons.append(f"hubo un commit después del informe ({branch_moved_at.isoformat()}).")
    for path in sorted(file_times):
        if file_times[path] > checked_at:
            reasons.append(f"{path} cambió después del informe.")
    return reasons

# %% mutant: vigencia-quita-zonas | cell: vigencia | breaks: R3
# «Arregla» las zonas quitándolas todas y compara la hora del reloj.
def stale_report_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
) -> list[str]:
    """Motivos por los que un informe de `checked_at` ya no describe el proyecto."""
    checked_at = checked_at.replace(tzinfo=None)
    if branch_moved_at is not None:
        branch_moved_at = branch_moved_at.replace(tzinfo=None)
    file_times = {path: moment.replace(tzinfo=None) for path, moment in file_times.items()}
    reasons: list[str] = []
    if branch_moved_at is not None and branch_moved_at > checked_at:
        reasons.append(f"hubo un commit después del informe ({branch_moved_at.isoformat()}).")
    for path in sorted(file_times):
        if file_times[path] > checked_at:
            reasons.append(f"{path} cambió después del informe.")
    return reasons
