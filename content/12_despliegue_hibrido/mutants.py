# %% mutant: sin-api-gateway | cell: monthly-costs | breaks: R1
# Olvida el precio por petición de API Gateway: solo cuenta Lambda.
def monthly_costs(monthly_requests, profile, prices):
    if monthly_requests < 0:
        raise ValueError("monthly_requests no puede ser negativo.")
    for key in ("duration_ms", "memory_mb", "task_rps", "task_vcpu", "task_memory_gb", "node_rps"):
        if key not in profile:
            raise ValueError(f"Al perfil le falta la clave '{key}'.")
    hours = prices.hours_per_month
    rps = monthly_requests / (hours * 3600)
    gb_seconds = monthly_requests * math.ceil(profile["duration_ms"]) / 1000 * profile["memory_mb"] / 1024
    tasks = max(2, math.ceil(rps / profile["task_rps"]))
    nodes = max(2, math.ceil(rps / profile["node_rps"]))
    task_hour = profile["task_vcpu"] * prices.fargate_per_vcpu_hour + profile["task_memory_gb"] * prices.fargate_per_gb_hour
    return {
        "lambda": monthly_requests * prices.lambda_per_million_requests / 1e6 + gb_seconds * prices.lambda_per_gb_second,
        "ecs_fargate": tasks * task_hour * hours,
        "kubernetes": (prices.eks_per_cluster_hour + nodes * prices.node_per_hour) * hours,
    }


# %% mutant: duracion-sin-redondear | cell: monthly-costs | breaks: R1
# Factura la duración exacta (45.2 ms) en lugar del milisegundo entero de arriba.
def monthly_costs(monthly_requests, profile, prices):
    if monthly_requests < 0:
        raise ValueError("monthly_requests no puede ser negativo.")
    for key in ("duration_ms", "memory_mb", "task_rps", "task_vcpu", "task_memory_gb", "node_rps"):
        if key not in profile:
            raise ValueError(f"Al perfil le falta la clave '{key}'.")
    hours = prices.hours_per_month
    rps = monthly_requests / (hours * 3600)
    per_request = (prices.lambda_per_million_requests + prices.apigw_per_million_requests) / 1e6
    gb_seconds = monthly_requests * profile["duration_ms"] / 1000 * profile["memory_mb"] / 1024
    tasks = max(2, math.ceil(rps / profile["task_rps"]))
    nodes = max(2, math.ceil(rps / profile["node_rps"]))
    task_hour = profile["task_vcpu"] * prices.fargate_per_vcpu_hour + profile["task_memory_gb"] * prices.fargate_per_gb_hour
    return {
        "lambda": monthly_requests * per_request + gb_seconds * prices.lambda_per_gb_second,
        "ecs_fargate": tasks * task_hour * hours,
        "kubernetes": (prices.eks_per_cluster_hour + nodes * prices.node_per_hour) * hours,
    }


# %% mutant: tareas-truncadas | cell: monthly-costs | breaks: R2
# Trunca las tareas y los nodos (int) en lugar de redondear hacia arriba: 2.5 tareas → 2.
def monthly_costs(monthly_requests, profile, prices):
    if monthly_requests < 0:
        raise ValueError("monthly_requests no puede ser negativo.")
    for key in ("duration_ms", "memory_mb", "task_rps", "task_vcpu", "task_memory_gb", "node_rps"):
        if key not in profile:
            raise ValueError(f"Al perfil le falta la clave '{key}'.")
    hours = prices.hours_per_month
    rps = monthly_requests / (hours * 3600)
    per_request = (prices.lambda_per_million_requests + prices.apigw_per_million_requests) / 1e6
    gb_seconds = monthly_requests * math.ceil(profile["duration_ms"]) / 1000 * profile["memory_mb"] / 1024
    tasks = max(2, int(rps / profile["task_rps"]))
    nodes = max(2, int(rps / profile["node_rps"]))
    task_hour = profile["task_vcpu"] * prices.fargate_per_vcpu_hour + profile["task_memory_gb"] * prices.fargate_per_gb_hour
    return {
        "lambda": monthly_requests * per_request + gb_seconds * prices.lambda_per_gb_second,
        "ecs_fargate": tasks * task_hour * hours,
        "kubernetes": (prices.eks_per_cluster_hour + nodes * prices.node_per_hour) * hours,
    }


# %% mutant: sin-minimo-ni-plano-de-control | cell: monthly-costs | breaks: R2
# Una sola tarea si el tráfico cabe en una, y EKS sin el plano de control.
def monthly_costs(monthly_requests, profile, prices):
    if monthly_requests < 0:
        raise ValueError("monthly_requests no puede ser negativo.")
    for key in ("duration_ms", "memory_mb", "task_rps", "task_vcpu", "task_memory_gb", "node_rps"):
        if key not in profile:
            raise ValueError(f"Al perfil le falta la clave '{key}'.")
    hours = prices.hours_per_month
    rps = monthly_requests / (hours * 3600)
    per_request = (prices.lambda_per_million_requests + prices.apigw_per_million_requests) / 1e6
    gb_seconds = monthly_requests * math.ceil(profile["duration_ms"]) / 1000 * profile["memory_mb"] / 1024
    tasks = max(1, math.ceil(rps / profile["task_rps"]))
    nodes = max(1, math.ceil(rps / profile["node_rps"]))
    task_hour = profile["task_vcpu"] * prices.fargate_per_vcpu_hour + profile["task_memory_gb"] * prices.fargate_per_gb_hour
    return {
        "lambda": monthly_requests * per_request + gb_seconds * prices.lambda_per_gb_second,
        "ecs_fargate": tasks * task_hour * hours,
        "kubernetes": nodes * prices.node_per_hour * hours,
    }


# %% mutant: sin-validar-perfil | cell: monthly-costs | breaks: R3
# No valida nada: un tráfico negativo da un costo negativo y una clave que falta, KeyError.
def monthly_costs(monthly_requests, profile, prices):
    hours = prices.hours_per_month
    rps = monthly_requests / (hours * 3600)
    per_request = (prices.lambda_per_million_requests + prices.apigw_per_million_requests) / 1e6
    gb_seconds = monthly_requests * math.ceil(profile["duration_ms"]) / 1000 * profile["memory_mb"] / 1024
    tasks = max(2, math.ceil(rps / profile["task_rps"]))
    nodes = max(2, math.ceil(rps / profile["node_rps"]))
    task_hour = profile["task_vcpu"] * prices.fargate_per_vcpu_hour + profile["task_memory_gb"] * prices.fargate_per_gb_hour
    return {
        "lambda": monthly_requests * per_request + gb_seconds * prices.lambda_per_gb_second,
        "ecs_fargate": tasks * task_hour * hours,
        "kubernetes": (prices.eks_per_cluster_hour + nodes * prices.node_per_hour) * hours,
    }


# %% mutant: escaneo-logaritmico | cell: break-even | breaks: R1, R4
# Recorre 200 tráficos espaciados en escala logarítmica: aproximado y con muchas evaluaciones.
def break_even_requests(cost_a, cost_b, low, high):
    if not isinstance(low, int) or not isinstance(high, int) or isinstance(low, bool) or isinstance(high, bool):
        raise ValueError("low y high deben ser enteros.")
    if low < 0 or low >= high:
        raise ValueError("El rango debe cumplir 0 <= low < high.")
    leader, other = (cost_a, cost_b) if cost_a(low) < cost_b(low) else (cost_b, cost_a)
    if leader(high) < other(high):
        return None
    first = max(low, 1)
    ratio = (high / first) ** (1 / 199)
    for i in range(200):
        requests = min(high, round(first * ratio**i))
        if not leader(requests) < other(requests):
            return requests
    return high


# %% mutant: ultimo-antes-del-cruce | cell: break-even | breaks: R1
# Bisección correcta, pero devuelve el último tráfico en el que la más barata aún lo era.
def break_even_requests(cost_a, cost_b, low, high):
    if not isinstance(low, int) or not isinstance(high, int) or isinstance(low, bool) or isinstance(high, bool):
        raise ValueError("low y high deben ser enteros.")
    if low < 0 or low >= high:
        raise ValueError("El rango debe cumplir 0 <= low < high.")
    leader, other = (cost_a, cost_b) if cost_a(low) < cost_b(low) else (cost_b, cost_a)
    if leader(high) < other(high):
        return None
    lo, hi = low, high
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if leader(mid) < other(mid):
            lo = mid
        else:
            hi = mid
    return lo


# %% mutant: siempre-un-numero | cell: break-even | breaks: R2
# Si las curvas no se cruzan devuelve high, como si el cruce estuviera en el borde del rango.
def break_even_requests(cost_a, cost_b, low, high):
    if not isinstance(low, int) or not isinstance(high, int) or isinstance(low, bool) or isinstance(high, bool):
        raise ValueError("low y high deben ser enteros.")
    if low < 0 or low >= high:
        raise ValueError("El rango debe cumplir 0 <= low < high.")
    leader, other = (cost_a, cost_b) if cost_a(low) < cost_b(low) else (cost_b, cost_a)
    lo, hi = low, high
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if leader(mid) < other(mid):
            lo = mid
        else:
            hi = mid
    return hi


# %% mutant: sin-validar-rango | cell: break-even | breaks: R3
# No valida el rango: low >= high o un high fraccionario pasan sin error.
def break_even_requests(cost_a, cost_b, low, high):
    leader, other = (cost_a, cost_b) if cost_a(low) < cost_b(low) else (cost_b, cost_a)
    if leader(high) < other(high):
        return None
    lo, hi = low, high
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if leader(mid) < other(mid):
            lo = mid
        else:
            hi = mid
    return hi


# %% mutant: fraccion-lineal | cell: cold-start-p99 | breaks: R1
# Aproxima la fracción fría con 1 - rps × espera (la recta tangente), que no es la del modelo.
def cold_start_p99(monthly_requests, idle_timeout_s, warm_ms, cold_ms, hours_per_month):
    if monthly_requests < 0 or idle_timeout_s <= 0 or cold_ms < warm_ms:
        raise ValueError("Entradas no válidas.")
    rps = monthly_requests / (hours_per_month * 3600)
    share = max(0.0, 1 - rps * idle_timeout_s)
    return {"cold_share": share, "p99_ms": cold_ms if share > 0.01 else warm_ms}


# %% mutant: p99-como-media | cell: cold-start-p99 | breaks: R2
# Confunde el p99 con la latencia media ponderada por la fracción fría.
def cold_start_p99(monthly_requests, idle_timeout_s, warm_ms, cold_ms, hours_per_month):
    if monthly_requests < 0 or idle_timeout_s <= 0 or cold_ms < warm_ms:
        raise ValueError("Entradas no válidas.")
    rps = monthly_requests / (hours_per_month * 3600)
    share = math.exp(-rps * idle_timeout_s)
    return {"cold_share": share, "p99_ms": share * cold_ms + (1 - share) * warm_ms}


# %% mutant: p99-con-cualquier-frio | cell: cold-start-p99 | breaks: R2
# Un solo cold start ya basta para que el p99 sea el frío.
def cold_start_p99(monthly_requests, idle_timeout_s, warm_ms, cold_ms, hours_per_month):
    if monthly_requests < 0 or idle_timeout_s <= 0 or cold_ms < warm_ms:
        raise ValueError("Entradas no válidas.")
    rps = monthly_requests / (hours_per_month * 3600)
    share = math.exp(-rps * idle_timeout_s)
    return {"cold_share": share, "p99_ms": cold_ms if share > 1e-6 else warm_ms}


# %% mutant: sin-validar-frio | cell: cold-start-p99 | breaks: R3
# No valida: una espera de 0 s da fracción fría 1 y un frío menor que el caliente pasa.
def cold_start_p99(monthly_requests, idle_timeout_s, warm_ms, cold_ms, hours_per_month):
    rps = monthly_requests / (hours_per_month * 3600)
    share = math.exp(-rps * idle_timeout_s)
    return {"cold_share": share, "p99_ms": cold_ms if share > 0.01 else warm_ms}


# %% mutant: sin-cifras-medidas | cell: choose-deployment | breaks: R2
# Pasa el tráfico, el SLO, el equipo y los picos, pero no sus cifras medidas: la ayuda usa el
# peor caso del seed.
def choose_deployment(monthly_requests, p99_slo_ms, team_size, has_peaks, cold_ms, costs):
    if set(costs) != {"lambda", "ecs_fargate", "kubernetes"}:
        raise ValueError("costs debe tener lambda, ecs_fargate y kubernetes.")
    if cold_ms <= 0:
        raise ValueError("cold_ms debe ser mayor que 0.")
    values = {
        "monthly_requests": monthly_requests,
        "p99_latency_ms": p99_slo_ms,
        "ops_team_size": team_size,
        "has_traffic_peaks": has_peaks,
    }
    return recommend("deployment", values)


# %% mutant: la-mas-cara | cell: choose-deployment | breaks: R2
# Elige la opción de mayor costo (max) como «la más barata» y redondea el cold start al entero
# más cercano.
def choose_deployment(monthly_requests, p99_slo_ms, team_size, has_peaks, cold_ms, costs):
    if set(costs) != {"lambda", "ecs_fargate", "kubernetes"}:
        raise ValueError("costs debe tener lambda, ecs_fargate y kubernetes.")
    if cold_ms <= 0:
        raise ValueError("cold_ms debe ser mayor que 0.")
    values = {
        "monthly_requests": monthly_requests,
        "p99_latency_ms": p99_slo_ms,
        "ops_team_size": team_size,
        "has_traffic_peaks": has_peaks,
        "measured_cold_start_ms": round(cold_ms),
        "cheapest_by_cost_model": max(costs, key=costs.get),
    }
    return recommend("deployment", values)


# %% mutant: sin-picos | cell: choose-deployment | breaks: R1
# Olvida los picos de tráfico: la ayuda los toma como «sin picos».
def choose_deployment(monthly_requests, p99_slo_ms, team_size, has_peaks, cold_ms, costs):
    if set(costs) != {"lambda", "ecs_fargate", "kubernetes"}:
        raise ValueError("costs debe tener lambda, ecs_fargate y kubernetes.")
    if cold_ms <= 0:
        raise ValueError("cold_ms debe ser mayor que 0.")
    values = {
        "monthly_requests": monthly_requests,
        "p99_latency_ms": p99_slo_ms,
        "ops_team_size": team_size,
        "measured_cold_start_ms": math.ceil(cold_ms),
        "cheapest_by_cost_model": min(costs, key=costs.get),
    }
    return recommend("deployment", values)


# %% mutant: sin-validar-costos | cell: choose-deployment | breaks: R3
# No valida: con dos opciones en costs elige igual, y con cold_ms = 0 la ayuda recibe 0 ms.
def choose_deployment(monthly_requests, p99_slo_ms, team_size, has_peaks, cold_ms, costs):
    values = {
        "monthly_requests": monthly_requests,
        "p99_latency_ms": p99_slo_ms,
        "ops_team_size": team_size,
        "has_traffic_peaks": has_peaks,
        "measured_cold_start_ms": max(1, math.ceil(cold_ms)),
        "cheapest_by_cost_model": min(costs, key=costs.get),
    }
    return recommend("deployment", values)
