"""Lectura de ``params.yaml``: lo que cambia sin tocar código (DVC lo versiona por clave)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PARAMS_FILE = Path("params.yaml")


def load_params(section: str, path: Path = PARAMS_FILE) -> dict[str, Any]:
    """Devuelve una sección de ``params.yaml`` (DVC ejecuta cada etapa desde la raíz)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if section not in data:
        raise KeyError(f"params.yaml no tiene la sección '{section}'.")
    value = data[section]
    if not isinstance(value, dict):
        raise TypeError(f"params.yaml: '{section}' debe ser un diccionario de parámetros.")
    return value
