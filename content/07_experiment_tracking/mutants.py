# %% mutant: log-runs-sin-typeerror | cell: log-runs | breaks: R1
# No comprueba que config sea un dict: una lista de pares llega a la comprobación de claves y sale un
# ValueError en vez del TypeError pedido.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-valida-dentro | cell: log-runs | breaks: R2
# Valida las claves ya dentro del run: una config mal escrita deja un run FAILED de basura.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        check_config(config)
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-sin-experimento | cell: log-runs | breaks: R3
# Abre el run con mlflow.start_run(nested=True) sin experiment_id: el run cae en el experimento
# Default, no en el que se pidió.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-sin-with | cell: log-runs | breaks: R4
# Abre el run sin `with` y lo cierra al final: si el entrenamiento falla, el run queda huérfano.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    run = mlflow.start_run(experiment_id=experiment_id, nested=True)
    mlflow.log_params(config)
    mlflow.log_metrics(train_churn_model(config).metrics)
    mlflow.end_run()
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-params-despues | cell: log-runs | breaks: R4
# Entrena primero y registra params y métricas al final: si el entrenamiento falla, el run FAILED no
# dice con qué config falló.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        result = train_churn_model(config)
        mlflow.log_params(config)
        mlflow.log_metrics(result.metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-rejilla-sin-vacios | cell: log-runs | breaks: R5
# Solo comprueba que las claves existan: con grid={} registra un hijo con base_config y con una lista
# de valores vacía abre el padre y falla dentro (queda un padre FAILED).
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    for key in grid:
        if key not in CONFIG_KEYS:
            raise ValueError(f"grid tiene la clave {key!r}, que no está en la config.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-padre-sin-validar-base | cell: log-runs | breaks: R5
# Valida la rejilla pero no base_config: con una base mal escrita abre el padre, el primer hijo
# lanza ValueError y queda un padre FAILED huérfano en el experimento.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-padre-con-toda-la-config | cell: log-runs | breaks: R6
# Registra en el padre toda base_config (también C, que la búsqueda recorre): el padre dice C=1.0
# aunque sus hijos prueban otros valores.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**base_config, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-hijos-sin-anidar | cell: log-runs | breaks: R7
# Cierra el padre antes de registrar los hijos y escribe el resumen después con el cliente: los
# hijos quedan sueltos en el experimento, sin tag mlflow.parentRunId.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
    child_ids = [
        log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
        for combo in itertools.product(*grid.values())
    ]
    scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
    best = scores.index(max(scores))
    client = MlflowClient()
    client.log_metric(parent.info.run_id, "best_roc_auc", scores[best])
    client.set_tag(parent.info.run_id, "best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-rejilla-ordenada | cell: log-runs | breaks: R7
# Recorre la rejilla con las claves ordenadas alfabéticamente: cambia el orden de los hijos.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        keys = sorted(grid)
        child_ids = [
            log_churn_run({**base_config, **dict(zip(keys, combo))}, experiment_id)
            for combo in itertools.product(*(grid[key] for key in keys))
        ]
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-modifica-base | cell: log-runs | breaks: R7
# Actualiza base_config en cada combinación en vez de trabajar sobre una copia: el dict de quien
# llama acaba con los últimos valores de la rejilla.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = []
        for combo in itertools.product(*grid.values()):
            base_config.update(zip(grid, combo))
            child_ids.append(log_churn_run(base_config, experiment_id))
        scores = [mlflow.get_run(child).data.metrics["roc_auc"] for child in child_ids]
        best = scores.index(max(scores))
        mlflow.log_metric("best_roc_auc", scores[best])
        mlflow.set_tag("best_run_id", child_ids[best])
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-padre-sin-resumen | cell: log-runs | breaks: R8
# Registra el padre y los hijos, pero el padre no guarda el resumen: quien abre el experimento no ve
# cuál fue el mejor hijo sin desplegar la búsqueda.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: log-runs-resumen-empate-ultimo | cell: log-runs | breaks: R8
# Busca el mejor hijo con `>=`: en un empate se queda con el ÚLTIMO de la rejilla, no con el primero.
def log_churn_run(config: dict, experiment_id: str) -> str:
    """Entrena con `config` dentro de un run de `experiment_id` y devuelve el id del run."""
    check_config(config)
    with mlflow.start_run(experiment_id=experiment_id, nested=True) as run:
        mlflow.log_params(config)
        mlflow.log_metrics(train_churn_model(config).metrics)
    return run.info.run_id


def log_grid(base_config: dict, grid: dict, experiment_id: str) -> tuple[str, list[str]]:
    """Registra una búsqueda: un run padre y un hijo por combinación; devuelve (padre, hijos)."""
    check_config(base_config)
    if not isinstance(grid, dict) or not grid:
        raise ValueError("grid vacío.")
    for key, values in grid.items():
        if key not in CONFIG_KEYS or not values:
            raise ValueError(f"grid[{key!r}] no es válido.")
    fixed = {key: value for key, value in base_config.items() if key not in grid}
    with mlflow.start_run(experiment_id=experiment_id) as parent:
        mlflow.log_params({**fixed, "grid": json.dumps(grid)})
        child_ids = [
            log_churn_run({**base_config, **dict(zip(grid, combo))}, experiment_id)
            for combo in itertools.product(*grid.values())
        ]
        best_id, best_score = None, float("-inf")
        for child in child_ids:
            score = mlflow.get_run(child).data.metrics["roc_auc"]
            if score >= best_score:
                best_id, best_score = child, score
        mlflow.log_metric("best_roc_auc", best_score)
        mlflow.set_tag("best_run_id", best_id)
    return parent.info.run_id, child_ids


def check_config(config: dict) -> None:
    """TypeError si `config` no es un dict; ValueError si sus claves no son CONFIG_KEYS."""
    if not isinstance(config, dict):
        raise TypeError(f"config debe ser un dict, no {type(config).__name__}.")
    missing = [key for key in CONFIG_KEYS if key not in config]
    unknown = [key for key in config if key not in CONFIG_KEYS]
    if missing or unknown:
        raise ValueError(f"config no es válida: faltan {missing} y sobran {unknown}.")

# %% mutant: best-run-ignora-padre | cell: best-run | breaks: R1
# Filtra solo por estado en el experimento del padre: compiten los runs de otras búsquedas (y los
# sueltos) del mismo experimento.
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    try:
        parent = MlflowClient().get_run(str(parent_run_id))
    except MlflowException as err:
        raise ValueError(f"No existe el run padre {parent_run_id!r}.") from err
    direction = "DESC" if greater_is_better else "ASC"
    found = mlflow.search_runs(
        experiment_ids=[parent.info.experiment_id],
        filter_string="attributes.status = 'FINISHED'",
        order_by=[f"metrics.`{metric}` {direction}", "attributes.start_time ASC"],
        max_results=1,
    )
    column = f"metrics.{metric}"
    if found.empty or column not in found.columns or pd.isna(found.loc[0, column]):
        raise ValueError(f"Ningún hijo terminado tiene la métrica {metric!r}.")
    return str(found.loc[0, "run_id"])

# %% mutant: best-run-sin-estado | cell: best-run | breaks: R2
# Filtra por padre pero no por estado: un hijo FAILED con buena métrica gana.
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    try:
        parent = MlflowClient().get_run(str(parent_run_id))
    except MlflowException as err:
        raise ValueError(f"No existe el run padre {parent_run_id!r}.") from err
    direction = "DESC" if greater_is_better else "ASC"
    found = mlflow.search_runs(
        experiment_ids=[parent.info.experiment_id],
        filter_string=f"tags.mlflow.parentRunId = '{parent_run_id}'",
        order_by=[f"metrics.`{metric}` {direction}", "attributes.start_time ASC"],
        max_results=1,
    )
    column = f"metrics.{metric}"
    if found.empty or column not in found.columns or pd.isna(found.loc[0, column]):
        raise ValueError(f"Ningún hijo terminado tiene la métrica {metric!r}.")
    return str(found.loc[0, "run_id"])

# %% mutant: best-run-siempre-desc | cell: best-run | breaks: R3
# Ignora greater_is_better: siempre ordena de mayor a menor.
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    try:
        parent = MlflowClient().get_run(str(parent_run_id))
    except MlflowException as err:
        raise ValueError(f"No existe el run padre {parent_run_id!r}.") from err
    found = mlflow.search_runs(
        experiment_ids=[parent.info.experiment_id],
        filter_string=f"tags.mlflow.parentRunId = '{parent_run_id}' and attributes.status = 'FINISHED'",
        order_by=[f"metrics.`{metric}` DESC", "attributes.start_time ASC"],
        max_results=1,
    )
    column = f"metrics.{metric}"
    if found.empty or column not in found.columns or pd.isna(found.loc[0, column]):
        raise ValueError(f"Ningún hijo terminado tiene la métrica {metric!r}.")
    return str(found.loc[0, "run_id"])

# %% mutant: best-run-empate-reciente | cell: best-run | breaks: R4
# Sin desempate explícito: con métricas iguales gana el orden por defecto (el run más reciente).
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    try:
        parent = MlflowClient().get_run(str(parent_run_id))
    except MlflowException as err:
        raise ValueError(f"No existe el run padre {parent_run_id!r}.") from err
    direction = "DESC" if greater_is_better else "ASC"
    found = mlflow.search_runs(
        experiment_ids=[parent.info.experiment_id],
        filter_string=f"tags.mlflow.parentRunId = '{parent_run_id}' and attributes.status = 'FINISHED'",
        order_by=[f"metrics.`{metric}` {direction}"],
        max_results=1,
    )
    column = f"metrics.{metric}"
    if found.empty or column not in found.columns or pd.isna(found.loc[0, column]):
        raise ValueError(f"Ningún hijo terminado tiene la métrica {metric!r}.")
    return str(found.loc[0, "run_id"])

# %% mutant: best-run-sin-comprobar-padre | cell: best-run | breaks: R5
# No lee el padre: busca sus hijos en todos los experimentos. Con un id que no existe, search_runs
# devuelve una tabla vacía y el error dice que no hay hijos con la métrica, no que el padre no existe.
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    direction = "DESC" if greater_is_better else "ASC"
    found = mlflow.search_runs(
        search_all_experiments=True,
        filter_string=f"tags.mlflow.parentRunId = '{parent_run_id}' and attributes.status = 'FINISHED'",
        order_by=[f"metrics.`{metric}` {direction}", "attributes.start_time ASC"],
        max_results=1,
    )
    column = f"metrics.{metric}"
    if found.empty or column not in found.columns or pd.isna(found.loc[0, column]):
        raise ValueError(f"Ningún hijo terminado tiene la métrica {metric!r}.")
    return str(found.loc[0, "run_id"])

# %% mutant: best-run-sin-comprobar-metrica | cell: best-run | breaks: R6
# Solo comprueba que search_runs devuelva alguna fila: si ningún hijo tiene la métrica, devuelve uno
# que no la tiene en vez de lanzar ValueError.
def best_child_run_id(
    parent_run_id: str, metric: str = "roc_auc", greater_is_better: bool = True
) -> str:
    """Id del mejor hijo FINISHED de `parent_run_id` según `metric` (empates: el que empezó antes)."""
    try:
        parent = MlflowClient().get_run(str(parent_run_id))
    except MlflowException as err:
        raise ValueError(f"No existe el run padre {parent_run_id!r}.") from err
    direction = "DESC" if greater_is_better else "ASC"
    found = mlflow.search_runs(
        experiment_ids=[parent.info.experiment_id],
        filter_string=f"tags.mlflow.parentRunId = '{parent_run_id}' and attributes.status = 'FINISHED'",
        order_by=[f"metrics.`{metric}` {direction}", "attributes.start_time ASC"],
        max_results=1,
    )
    if found.empty:
        raise ValueError(f"El run {parent_run_id} no tiene hijos terminados.")
    return str(found.loc[0, "run_id"])

# %% mutant: signed-model-sin-validar | cell: signed-model | breaks: R1
# No valida la entrada: un nombre vacío o un array de NumPy llegan hasta MLflow.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(X_sample, model.predict_proba(X_sample)),
            input_example=X_sample[:3],
            pip_requirements=model_pip_requirements(),
            pyfunc_predict_fn="predict_proba",
            registered_model_name=model_name,
        )
    return int(info.registered_model_version)

# %% mutant: signed-model-sin-with | cell: signed-model | breaks: R2
# Reabre el run con mlflow.start_run(run_id=run_id) pero sin `with`: el run se queda activo (y
# RUNNING) al terminar la función.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError("X_sample debe ser un DataFrame.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    mlflow.start_run(run_id=run_id)
    info = mlflow.sklearn.log_model(
        model,
        name="model",
        signature=infer_signature(X_sample, model.predict_proba(X_sample)),
        input_example=X_sample.head(3),
        pip_requirements=model_pip_requirements(),
        pyfunc_predict_fn="predict_proba",
        registered_model_name=model_name,
    )
    return int(info.registered_model_version)

# %% mutant: signed-model-sin-firma | cell: signed-model | breaks: R3
# Olvida signature=: MLflow infiere una firma del ejemplo de entrada, pero con predict (etiquetas),
# así que la salida del contrato no describe las probabilidades.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError("X_sample debe ser un DataFrame.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            input_example=X_sample.head(3),
            pip_requirements=model_pip_requirements(),
            pyfunc_predict_fn="predict_proba",
            registered_model_name=model_name,
        )
    return int(info.registered_model_version)

# %% mutant: signed-model-ejemplo-completo | cell: signed-model | breaks: R4
# Guarda todo X_sample como ejemplo de entrada: vuelca datos de clientes junto al modelo.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError("X_sample debe ser un DataFrame.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(X_sample, model.predict_proba(X_sample)),
            input_example=X_sample,
            pip_requirements=model_pip_requirements(),
            pyfunc_predict_fn="predict_proba",
            registered_model_name=model_name,
        )
    return int(info.registered_model_version)

# %% mutant: signed-model-sin-pip | cell: signed-model | breaks: R5
# Olvida pip_requirements: MLflow infiere las dependencias (lento) y añade paquetes que el modelo no
# usa.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError("X_sample debe ser un DataFrame.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(X_sample, model.predict_proba(X_sample)),
            input_example=X_sample.head(3),
            pyfunc_predict_fn="predict_proba",
            registered_model_name=model_name,
        )
    return int(info.registered_model_version)

# %% mutant: signed-model-etiquetas | cell: signed-model | breaks: R6
# Olvida pyfunc_predict_fn: el modelo servido devuelve etiquetas 0/1, no probabilidades.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError("X_sample debe ser un DataFrame.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(X_sample, model.predict_proba(X_sample)),
            input_example=X_sample.head(3),
            pip_requirements=model_pip_requirements(),
            registered_model_name=model_name,
        )
    return int(info.registered_model_version)

# %% mutant: signed-model-registra-dos-veces | cell: signed-model | breaks: R7
# Combina las dos recetas de la documentación: registered_model_name= en log_model y, además,
# mlflow.register_model; cada llamada crea dos versiones y devuelve la segunda.
def log_signed_model(model, X_sample: pd.DataFrame, run_id: str, model_name: str) -> int:
    """Guarda `model` con firma y ejemplo en el run `run_id`, lo registra y devuelve la versión."""
    if not isinstance(X_sample, pd.DataFrame):
        raise TypeError("X_sample debe ser un DataFrame.")
    if X_sample.empty:
        raise ValueError("X_sample no tiene filas.")
    if not isinstance(model_name, str) or not model_name.strip():
        raise ValueError("model_name debe ser un texto no vacío.")
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(X_sample, model.predict_proba(X_sample)),
            input_example=X_sample.head(3),
            pip_requirements=model_pip_requirements(),
            pyfunc_predict_fn="predict_proba",
            registered_model_name=model_name,
        )
    registered = mlflow.register_model(info.model_uri, model_name)
    return int(registered.version)

# %% mutant: promote-sin-comprobar-modelo | cell: promote | breaks: R1
# No comprueba que el modelo exista: un nombre mal escrito sale como MlflowException del cliente,
# no como el ValueError pedido.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    aliases = client.get_registered_model(model_name).aliases
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-margen-sin-validar | cell: promote | breaks: R1
# No valida margin: un margen negativo, True o un texto pasan (o fallan con otro error).
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-primero-sin-alias | cell: promote | breaks: R2
# Sin champion devuelve el challenger pero olvida poner el alias champion.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-metrica-ausente-cero | cell: promote | breaks: R3
# Una métrica ausente cuenta como 0: sin evidencia decide igual (y promociona contra un champion
# sin métrica).
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        runs[number] = run
    gain = runs[challenger].data.metrics.get(metric, 0.0) - runs[champion].data.metrics.get(
        metric, 0.0
    )
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-roc-fijo | cell: promote | breaks: R3
# Ignora el parámetro metric: siempre compara roc_auc.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if "roc_auc" not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics["roc_auc"] - runs[champion].data.metrics["roc_auc"]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-sin-margen | cell: promote | breaks: R4
# Olvida el margen: cualquier mejora, por pequeña que sea, mueve el champion.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > 0 and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-empate-gana | cell: promote | breaks: R4
# Usa >= en vez de >: con margin=0 un empate mueve el champion.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain >= margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-ignora-datos | cell: promote | breaks: R5
# No compara la versión de los datos: promociona un challenger entrenado con otros datos.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-datos-ausentes-iguales | cell: promote | breaks: R5
# Compara data_version pero dos tags ausentes (None == None) cuentan como los mismos datos.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "previous", str(champion))
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-sin-previous | cell: promote | breaks: R6
# Promociona sin dejar el alias previous: no queda a dónde volver (rollback).
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion


# %% mutant: promote-previous-siempre | cell: promote | breaks: R6
# Pone previous al champion antes de decidir: aunque el challenger no gane, previous se mueve y
# el rollback apuntaría a la versión que sigue siendo champion.
def promote_challenger(client, model_name: str, metric: str = "roc_auc", margin: float = 0.005) -> int:
    """Pasa el `challenger` de `model_name` a `champion` si lo merece; devuelve la versión champion."""
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not margin >= 0:
        raise ValueError(f"margin debe ser un número mayor o igual que 0, no {margin!r}.")
    try:
        aliases = client.get_registered_model(model_name).aliases
    except MlflowException as err:
        raise ValueError(f"No existe el modelo registrado {model_name!r}.") from err
    if "challenger" not in aliases:
        raise ValueError(f"{model_name!r} no tiene alias 'challenger'.")
    challenger = int(aliases["challenger"])
    if "champion" not in aliases:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    champion = int(aliases["champion"])
    if champion == challenger:
        return champion
    client.set_registered_model_alias(model_name, "previous", str(champion))
    runs = {}
    for number in (challenger, champion):
        run = client.get_run(client.get_model_version(model_name, str(number)).run_id)
        if metric not in run.data.metrics:
            raise ValueError(f"El run de la versión {number} no tiene {metric!r}.")
        runs[number] = run
    gain = runs[challenger].data.metrics[metric] - runs[champion].data.metrics[metric]
    data = [runs[number].data.tags.get("data_version") for number in (challenger, champion)]
    if gain > margin and data[0] is not None and data[0] == data[1]:
        client.set_registered_model_alias(model_name, "champion", str(challenger))
        return challenger
    return champion

# %% mutant: reproduce-sin-capturar | cell: reproduce | breaks: R1
# No captura el error del cliente: un run inexistente sale como MlflowException, no como ValueError.
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    run = MlflowClient().get_run(run_id)
    params = run.data.params
    missing = [key for key in CONFIG_KEYS if key not in params]
    if missing:
        raise ValueError(f"Faltan {missing}.")
    if metric not in METRICS or metric not in run.data.metrics:
        raise ValueError(f"Métrica no válida: {metric!r}.")
    config = {
        "n_rows": int(params["n_rows"]),
        "data_seed": int(params["data_seed"]),
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": None if params["class_weight"] == "None" else params["class_weight"],
    }
    return float(run.data.metrics[metric]), float(train_churn_model(config).metrics[metric])

# %% mutant: reproduce-sin-comprobar-params | cell: reproduce | breaks: R2
# Lee los params sin comprobar que estén todos: a un run sin data_seed le sale un KeyError en vez de
# un ValueError que diga qué falta.
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    try:
        run = MlflowClient().get_run(run_id)
    except MlflowException as err:
        raise ValueError(f"No existe el run {run_id!r}.") from err
    params = run.data.params
    if metric not in METRICS or metric not in run.data.metrics:
        raise ValueError(f"Métrica no válida: {metric!r}.")
    config = {
        "n_rows": int(params["n_rows"]),
        "data_seed": int(params["data_seed"]),
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": None if params["class_weight"] == "None" else params["class_weight"],
    }
    return float(run.data.metrics[metric]), float(train_churn_model(config).metrics[metric])

# %% mutant: reproduce-metrica-solo-registrada | cell: reproduce | breaks: R3
# Solo comprueba que el run registrara la métrica, no que esté en METRICS: una métrica que
# train_churn_model no calcula acaba en un KeyError.
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    try:
        run = MlflowClient().get_run(run_id)
    except MlflowException as err:
        raise ValueError(f"No existe el run {run_id!r}.") from err
    params = run.data.params
    missing = [key for key in CONFIG_KEYS if key not in params]
    if missing:
        raise ValueError(f"Faltan {missing}.")
    if metric not in run.data.metrics:
        raise ValueError(f"El run no registró {metric!r}.")
    config = {
        "n_rows": int(params["n_rows"]),
        "data_seed": int(params["data_seed"]),
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": None if params["class_weight"] == "None" else params["class_weight"],
    }
    return float(run.data.metrics[metric]), float(train_churn_model(config).metrics[metric])

# %% mutant: reproduce-semilla-global | cell: reproduce | breaks: R4
# Convierte los tipos pero usa la semilla global del cuaderno en vez de la registrada.
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    try:
        run = MlflowClient().get_run(run_id)
    except MlflowException as err:
        raise ValueError(f"No existe el run {run_id!r}.") from err
    params = run.data.params
    missing = [key for key in CONFIG_KEYS if key not in params]
    if missing:
        raise ValueError(f"Faltan {missing}.")
    if metric not in METRICS or metric not in run.data.metrics:
        raise ValueError(f"Métrica no válida: {metric!r}.")
    config = {
        "n_rows": int(params["n_rows"]),
        "data_seed": SEED,
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": None if params["class_weight"] == "None" else params["class_weight"],
    }
    return float(run.data.metrics[metric]), float(train_churn_model(config).metrics[metric])

# %% mutant: reproduce-none-texto | cell: reproduce | breaks: R4
# Convierte números pero deja class_weight como el texto 'None'.
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    try:
        run = MlflowClient().get_run(run_id)
    except MlflowException as err:
        raise ValueError(f"No existe el run {run_id!r}.") from err
    params = run.data.params
    missing = [key for key in CONFIG_KEYS if key not in params]
    if missing:
        raise ValueError(f"Faltan {missing}.")
    if metric not in METRICS or metric not in run.data.metrics:
        raise ValueError(f"Métrica no válida: {metric!r}.")
    config = {
        "n_rows": int(params["n_rows"]),
        "data_seed": int(params["data_seed"]),
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": params["class_weight"],
    }
    return float(run.data.metrics[metric]), float(train_churn_model(config).metrics[metric])

# %% mutant: reproduce-orden-invertido | cell: reproduce | breaks: R5
# Devuelve (reproducida, registrada): el orden contrario al pedido.
def reproduce_run(run_id: str, metric: str = "roc_auc") -> tuple[float, float]:
    """Reentrena desde los params de `run_id`; devuelve (métrica registrada, métrica reproducida)."""
    try:
        run = MlflowClient().get_run(run_id)
    except MlflowException as err:
        raise ValueError(f"No existe el run {run_id!r}.") from err
    params = run.data.params
    missing = [key for key in CONFIG_KEYS if key not in params]
    if missing:
        raise ValueError(f"Faltan {missing}.")
    if metric not in METRICS or metric not in run.data.metrics:
        raise ValueError(f"Métrica no válida: {metric!r}.")
    config = {
        "n_rows": int(params["n_rows"]),
        "data_seed": int(params["data_seed"]),
        "test_size": float(params["test_size"]),
        "C": float(params["C"]),
        "class_weight": None if params["class_weight"] == "None" else params["class_weight"],
    }
    again = float(train_churn_model(config).metrics[metric])
    return again, float(run.data.metrics[metric])
