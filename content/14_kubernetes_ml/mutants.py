# %% mutant: redondeo-al-reves | cell: rollout | breaks: R1
# Redondea maxSurge hacia abajo y maxUnavailable hacia arriba: deja menos pods disponibles.
def rollout_bounds(replicas, max_surge, max_unavailable):
    import math

    def resolve(value, round_up):
        if isinstance(value, bool):
            raise ValueError(f"Valor no válido: {value!r}.")
        if isinstance(value, int):
            if value < 0:
                raise ValueError("maxSurge y maxUnavailable no pueden ser negativos.")
            return value
        text = str(value).strip()
        if not text.endswith("%") or not text[:-1].isdigit():
            raise ValueError(f"{value!r} no es un entero ni un porcentaje como '25%'.")
        exact = int(text[:-1]) * replicas / 100
        return math.floor(exact) if round_up else math.ceil(exact)

    surge = resolve(max_surge, round_up=True)
    unavailable = resolve(max_unavailable, round_up=False)
    if surge == 0 and unavailable == 0:
        raise ValueError("maxSurge y maxUnavailable no pueden ser 0 a la vez.")
    return {
        "surge": surge,
        "unavailable": unavailable,
        "min_available": replicas - unavailable,
        "max_pods": replicas + surge,
    }


def choose_strategy(replicas, min_available, max_extra_pods):
    if min_available > replicas:
        raise ValueError(f"No se pueden garantizar {min_available} pods con {replicas} réplicas.")
    unavailable = replicas - min_available
    if unavailable == 0 and max_extra_pods == 0:
        raise ValueError("Sin pods que puedan faltar ni sitio para pods extra, no hay rollout.")
    return max_extra_pods, unavailable


# %% mutant: limites-cruzados | cell: rollout | breaks: R2
# Confunde los dos límites: resta el surge y suma los no disponibles.
def rollout_bounds(replicas, max_surge, max_unavailable):
    import math

    def resolve(value, round_up):
        if isinstance(value, bool):
            raise ValueError(f"Valor no válido: {value!r}.")
        if isinstance(value, int):
            if value < 0:
                raise ValueError("maxSurge y maxUnavailable no pueden ser negativos.")
            return value
        text = str(value).strip()
        if not text.endswith("%") or not text[:-1].isdigit():
            raise ValueError(f"{value!r} no es un entero ni un porcentaje como '25%'.")
        exact = int(text[:-1]) * replicas / 100
        return math.ceil(exact) if round_up else math.floor(exact)

    surge = resolve(max_surge, round_up=True)
    unavailable = resolve(max_unavailable, round_up=False)
    if surge == 0 and unavailable == 0:
        raise ValueError("maxSurge y maxUnavailable no pueden ser 0 a la vez.")
    return {
        "surge": surge,
        "unavailable": unavailable,
        "min_available": replicas - surge,
        "max_pods": replicas + unavailable,
    }


def choose_strategy(replicas, min_available, max_extra_pods):
    if min_available > replicas:
        raise ValueError(f"No se pueden garantizar {min_available} pods con {replicas} réplicas.")
    unavailable = replicas - min_available
    if unavailable == 0 and max_extra_pods == 0:
        raise ValueError("Sin pods que puedan faltar ni sitio para pods extra, no hay rollout.")
    return max_extra_pods, unavailable


# %% mutant: sin-validar | cell: rollout | breaks: R3
# No valida: acepta 0 y 0, negativos y textos sin %.
def rollout_bounds(replicas, max_surge, max_unavailable):
    import math

    def resolve(value, round_up):
        if isinstance(value, int):
            return value
        exact = int(str(value).strip().rstrip("%")) * replicas / 100
        return math.ceil(exact) if round_up else math.floor(exact)

    surge = resolve(max_surge, round_up=True)
    unavailable = resolve(max_unavailable, round_up=False)
    return {
        "surge": surge,
        "unavailable": unavailable,
        "min_available": replicas - unavailable,
        "max_pods": replicas + surge,
    }


def choose_strategy(replicas, min_available, max_extra_pods):
    if min_available > replicas:
        raise ValueError(f"No se pueden garantizar {min_available} pods con {replicas} réplicas.")
    unavailable = replicas - min_available
    if unavailable == 0 and max_extra_pods == 0:
        raise ValueError("Sin pods que puedan faltar ni sitio para pods extra, no hay rollout.")
    return max_extra_pods, unavailable


# %% mutant: un-pod-por-vez | cell: rollout | breaks: R4
# Elige siempre un solo pod extra: cumple la disponibilidad pero no es la más rápida.
def rollout_bounds(replicas, max_surge, max_unavailable):
    import math

    def resolve(value, round_up):
        if isinstance(value, bool):
            raise ValueError(f"Valor no válido: {value!r}.")
        if isinstance(value, int):
            if value < 0:
                raise ValueError("maxSurge y maxUnavailable no pueden ser negativos.")
            return value
        text = str(value).strip()
        if not text.endswith("%") or not text[:-1].isdigit():
            raise ValueError(f"{value!r} no es un entero ni un porcentaje como '25%'.")
        exact = int(text[:-1]) * replicas / 100
        return math.ceil(exact) if round_up else math.floor(exact)

    surge = resolve(max_surge, round_up=True)
    unavailable = resolve(max_unavailable, round_up=False)
    if surge == 0 and unavailable == 0:
        raise ValueError("maxSurge y maxUnavailable no pueden ser 0 a la vez.")
    return {
        "surge": surge,
        "unavailable": unavailable,
        "min_available": replicas - unavailable,
        "max_pods": replicas + surge,
    }


def choose_strategy(replicas, min_available, max_extra_pods):
    if min_available > replicas:
        raise ValueError(f"No se pueden garantizar {min_available} pods con {replicas} réplicas.")
    unavailable = replicas - min_available
    if unavailable == 0 and max_extra_pods == 0:
        raise ValueError("Sin pods que puedan faltar ni sitio para pods extra, no hay rollout.")
    return min(1, max_extra_pods), unavailable


# %% mutant: imposible-aceptado | cell: rollout | breaks: R5
# No detecta objetivos imposibles: devuelve un maxUnavailable negativo.
def rollout_bounds(replicas, max_surge, max_unavailable):
    import math

    def resolve(value, round_up):
        if isinstance(value, bool):
            raise ValueError(f"Valor no válido: {value!r}.")
        if isinstance(value, int):
            if value < 0:
                raise ValueError("maxSurge y maxUnavailable no pueden ser negativos.")
            return value
        text = str(value).strip()
        if not text.endswith("%") or not text[:-1].isdigit():
            raise ValueError(f"{value!r} no es un entero ni un porcentaje como '25%'.")
        exact = int(text[:-1]) * replicas / 100
        return math.ceil(exact) if round_up else math.floor(exact)

    surge = resolve(max_surge, round_up=True)
    unavailable = resolve(max_unavailable, round_up=False)
    if surge == 0 and unavailable == 0:
        raise ValueError("maxSurge y maxUnavailable no pueden ser 0 a la vez.")
    return {
        "surge": surge,
        "unavailable": unavailable,
        "min_available": replicas - unavailable,
        "max_pods": replicas + surge,
    }


def choose_strategy(replicas, min_available, max_extra_pods):
    unavailable = replicas - min_available
    return max_extra_pods, unavailable


# %% mutant: solo-requests | cell: policy | breaks: R1
# Solo revisa requests: un contenedor sin limits pasa.
def policy_findings(docs):
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Pod":
            pod = spec
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            pod = (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            pod = (job.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests",):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if not init:
                    for probe, rule in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                last = image.rsplit("/", 1)[-1]
                pinned = "@sha256:" in image or (
                    ":" in last and last.rsplit(":", 1)[1] not in ("", "latest")
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)


# %% mutant: sondas-en-init | cell: policy | breaks: R2
# Exige sondas también a los initContainers, que terminan antes de servir.
def policy_findings(docs):
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Pod":
            pod = spec
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            pod = (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            pod = (job.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if True:
                    for probe, rule in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                last = image.rsplit("/", 1)[-1]
                pinned = "@sha256:" in image or (
                    ":" in last and last.rsplit(":", 1)[1] not in ("", "latest")
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)


# %% mutant: root-solo-contenedor | cell: policy | breaks: R3
# Ignora el securityContext del pod: runAsNonRoot a nivel de pod no cuenta.
def policy_findings(docs):
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Pod":
            pod = spec
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            pod = (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            pod = (job.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if not init:
                    for probe, rule in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot")
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                last = image.rsplit("/", 1)[-1]
                pinned = "@sha256:" in image or (
                    ":" in last and last.rsplit(":", 1)[1] not in ("", "latest")
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)


# %% mutant: puerto-como-etiqueta | cell: policy | breaks: R4
# Busca ':' en toda la imagen: el puerto del registro parece una etiqueta.
def policy_findings(docs):
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Pod":
            pod = spec
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            pod = (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            pod = (job.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if not init:
                    for probe, rule in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                pinned = "@sha256:" in image or (
                    ":" in image and image.rsplit(":", 1)[1] not in ("", "latest")
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)


# %% mutant: latest-vale | cell: policy | breaks: R4
# Cualquier etiqueta fija la imagen, también latest.
def policy_findings(docs):
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Pod":
            pod = spec
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            pod = (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            pod = (job.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if not init:
                    for probe, rule in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                last = image.rsplit("/", 1)[-1]
                pinned = "@sha256:" in image or (
                    ":" in last and last.rsplit(":", 1)[1] not in ("",)
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)


# %% mutant: solo-deployment | cell: policy | breaks: R5
# Solo mira Deployments: CronJob, StatefulSet y Pod sueltos pasan sin revisar.
def policy_findings(docs):
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Deployment":
            pod = (spec.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if not init:
                    for probe, rule in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                last = image.rsplit("/", 1)[-1]
                pinned = "@sha256:" in image or (
                    ":" in last and last.rsplit(":", 1)[1] not in ("", "latest")
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)


# %% mutant: redondeo | cell: hpa | breaks: R1
# Redondea al entero más cercano en vez de hacia arriba.
def hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1):
    import math

    if current < 1:
        raise ValueError("current debe ser al menos 1.")
    if target <= 0:
        raise ValueError("El objetivo de la métrica debe ser positivo.")
    if metric < 0:
        raise ValueError("La métrica no puede ser negativa.")
    if min_replicas > max_replicas:
        raise ValueError("min_replicas no puede ser mayor que max_replicas.")
    ratio = metric / target
    wanted = current if abs(ratio - 1) <= tolerance else round(current * ratio)
    return max(min_replicas, min(max_replicas, wanted))


def hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300):
    current = start
    history = []
    result = []
    for second, metric in samples:
        recommendation = hpa_desired_replicas(current, metric, target, min_replicas, max_replicas)
        recent = [r for s, r in history if s > second - window]
        history.append((second, recommendation))
        if recommendation >= current:
            current = recommendation
        else:
            current = min(current, max([recommendation, *recent]))
        result.append(current)
    return result


# %% mutant: sin-tolerancia | cell: hpa | breaks: R2
# Olvida la tolerancia de 0,1: escala por cualquier ruido.
def hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1):
    import math

    if current < 1:
        raise ValueError("current debe ser al menos 1.")
    if target <= 0:
        raise ValueError("El objetivo de la métrica debe ser positivo.")
    if metric < 0:
        raise ValueError("La métrica no puede ser negativa.")
    if min_replicas > max_replicas:
        raise ValueError("min_replicas no puede ser mayor que max_replicas.")
    ratio = metric / target
    wanted = math.ceil(current * ratio)
    return max(min_replicas, min(max_replicas, wanted))


def hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300):
    current = start
    history = []
    result = []
    for second, metric in samples:
        recommendation = hpa_desired_replicas(current, metric, target, min_replicas, max_replicas)
        recent = [r for s, r in history if s > second - window]
        history.append((second, recommendation))
        if recommendation >= current:
            current = recommendation
        else:
            current = min(current, max([recommendation, *recent]))
        result.append(current)
    return result


# %% mutant: sin-limites | cell: hpa | breaks: R3
# No aplica minReplicas ni maxReplicas.
def hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1):
    import math

    if current < 1:
        raise ValueError("current debe ser al menos 1.")
    if target <= 0:
        raise ValueError("El objetivo de la métrica debe ser positivo.")
    if metric < 0:
        raise ValueError("La métrica no puede ser negativa.")
    if min_replicas > max_replicas:
        raise ValueError("min_replicas no puede ser mayor que max_replicas.")
    ratio = metric / target
    wanted = current if abs(ratio - 1) <= tolerance else math.ceil(current * ratio)
    return wanted


def hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300):
    current = start
    history = []
    result = []
    for second, metric in samples:
        recommendation = hpa_desired_replicas(current, metric, target, min_replicas, max_replicas)
        recent = [r for s, r in history if s > second - window]
        history.append((second, recommendation))
        if recommendation >= current:
            current = recommendation
        else:
            current = min(current, max([recommendation, *recent]))
        result.append(current)
    return result


# %% mutant: sin-errores | cell: hpa | breaks: R4
# No valida la entrada: un objetivo 0 da ZeroDivisionError y current 0 da 0 réplicas.
def hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1):
    import math

    ratio = metric / target
    wanted = current if abs(ratio - 1) <= tolerance else math.ceil(current * ratio)
    return max(min_replicas, min(max_replicas, wanted))


def hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300):
    current = start
    history = []
    result = []
    for second, metric in samples:
        recommendation = hpa_desired_replicas(current, metric, target, min_replicas, max_replicas)
        recent = [r for s, r in history if s > second - window]
        history.append((second, recommendation))
        if recommendation >= current:
            current = recommendation
        else:
            current = min(current, max([recommendation, *recent]))
        result.append(current)
    return result


# %% mutant: baja-al-instante | cell: hpa | breaks: R5
# Ignora la ventana de estabilización: baja en cuanto la carga cae.
def hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1):
    import math

    if current < 1:
        raise ValueError("current debe ser al menos 1.")
    if target <= 0:
        raise ValueError("El objetivo de la métrica debe ser positivo.")
    if metric < 0:
        raise ValueError("La métrica no puede ser negativa.")
    if min_replicas > max_replicas:
        raise ValueError("min_replicas no puede ser mayor que max_replicas.")
    ratio = metric / target
    wanted = current if abs(ratio - 1) <= tolerance else math.ceil(current * ratio)
    return max(min_replicas, min(max_replicas, wanted))


def hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300):
    current = start
    history = []
    result = []
    for second, metric in samples:
        recommendation = hpa_desired_replicas(current, metric, target, min_replicas, max_replicas)
        recent = [r for s, r in history if s > second - window]
        history.append((second, recommendation))
        current = recommendation
        result.append(current)
    return result


# %% mutant: sin-daemonsets | cell: capacity | breaks: R1
# No resta lo que piden los DaemonSets: promete más pods por nodo de los que caben.
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("Los requests de CPU y memoria deben ser positivos.")
    per_node = min(
        cpu_millicores(node.allocatable_cpu) // cpu,
        memory_bytes(node.allocatable_memory) // memory,
        node.max_pods,
    )
    if per_node < 1:
        raise ValueError(f"Un pod con esos requests no cabe en un nodo {node.name}.")
    nodes = math.ceil(replicas / per_node) + spare_nodes
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2),
    }


# %% mutant: solo-cpu | cell: capacity | breaks: R1
# Solo mira la CPU: con pods de mucha memoria promete pods que no caben.
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("Los requests de CPU y memoria deben ser positivos.")
    per_node = min(
        (cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)) // cpu,
        node.max_pods - daemonset_pods,
    )
    if per_node < 1:
        raise ValueError(f"Un pod con esos requests no cabe en un nodo {node.name}.")
    nodes = math.ceil(replicas / per_node) + spare_nodes
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2),
    }


# %% mutant: nodos-hacia-abajo | cell: capacity | breaks: R2
# Divide con // : el último nodo parcial no se cuenta.
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("Los requests de CPU y memoria deben ser positivos.")
    per_node = min(
        (cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)) // cpu,
        (memory_bytes(node.allocatable_memory) - memory_bytes(daemonset_memory)) // memory,
        node.max_pods - daemonset_pods,
    )
    if per_node < 1:
        raise ValueError(f"Un pod con esos requests no cabe en un nodo {node.name}.")
    nodes = replicas // per_node + spare_nodes
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2),
    }


# %% mutant: sin-reserva | cell: capacity | breaks: R2
# Olvida el nodo de reserva.
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("Los requests de CPU y memoria deben ser positivos.")
    per_node = min(
        (cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)) // cpu,
        (memory_bytes(node.allocatable_memory) - memory_bytes(daemonset_memory)) // memory,
        node.max_pods - daemonset_pods,
    )
    if per_node < 1:
        raise ValueError(f"Un pod con esos requests no cabe en un nodo {node.name}.")
    nodes = math.ceil(replicas / per_node)
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2),
    }


# %% mutant: mes-de-720h | cell: capacity | breaks: R3
# Usa un mes de 30 días (720 h) en vez de 730 h.
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("Los requests de CPU y memoria deben ser positivos.")
    per_node = min(
        (cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)) // cpu,
        (memory_bytes(node.allocatable_memory) - memory_bytes(daemonset_memory)) // memory,
        node.max_pods - daemonset_pods,
    )
    if per_node < 1:
        raise ValueError(f"Un pod con esos requests no cabe en un nodo {node.name}.")
    nodes = math.ceil(replicas / per_node) + spare_nodes
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * 720, 2),
    }


# %% mutant: no-cabe-sin-error | cell: capacity | breaks: R4
# No valida: un pod que no cabe da ZeroDivisionError en vez de un ValueError claro.
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    per_node = min(
        (cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)) // cpu,
        (memory_bytes(node.allocatable_memory) - memory_bytes(daemonset_memory)) // memory,
        node.max_pods - daemonset_pods,
    )
    nodes = math.ceil(replicas / per_node) + spare_nodes
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2),
    }

# %% mutant: nombre-con-prefijo | cell: prod-patch | breaks: R1
# Usa el nombre que tendrá en prod: el patch se aplica antes del namePrefix y no encuentra nada.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: prod-churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""

# %% mutant: contenedor-renombrado | cell: prod-patch | breaks: R1
# Llama al contenedor churn-api: el patch añade un segundo contenedor sin imagen.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: churn-api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""

# %% mutant: limites-iguales | cell: prod-patch | breaks: R2
# Limits de memoria iguales a los requests: el pico de un lote grande acaba en OOMKilled.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 1Gi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""

# %% mutant: selector-de-la-app | cell: prod-patch | breaks: R3
# Un labelSelector con una etiqueta que los pods no tienen: valida, pero no reparte nada.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app: churn-api
"""

# %% mutant: do-not-schedule | cell: prod-patch | breaks: R3
# DoNotSchedule: en un corte de zona los pods nuevos quedan Pending.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""

# %% mutant: campo-mal-escrito | cell: prod-patch | breaks: R3, R4
# topologySpreadConstraint sin la s final: la validación estricta lo rechaza.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
      topologySpreadConstraint:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""

# %% mutant: liveness-en-ready | cell: prod-patch | breaks: R4
# Mueve la liveness a /ready en prod: una caída de MLflow reinicia todos los pods.
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
          livenessProbe:
            httpGet:
              path: /ready
              port: http
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""
