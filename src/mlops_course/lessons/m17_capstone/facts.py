"""The facts a portfolio README is generated from, read from the project itself."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from mlops_course.lessons.churn_project.layers import LAYERS, layer_files

COMMANDS: Final = (
    "python -m venv .venv && . .venv/bin/activate",
    "pip install -e '.[test]'",
    "dvc pull",
    "dvc repro",
    "pytest",
    "CHURN_API_KEYS=una-clave uvicorn churn_project.api.app:create_app --factory "
    "--host 127.0.0.1 --port 8000",
    "python scripts/demo.py",
)
"""How to run the project from a fresh clone, in order (what its CI and the demo do)."""


@dataclass(frozen=True)
class ProjectFacts:
    """What the README says, each value read from the project (nothing typed by hand)."""

    name: str
    roc_auc: float
    cost_per_customer_eur: float
    cost_at_default_threshold_eur: float
    commands: tuple[str, ...]
    layers: tuple[tuple[str, str], ...]  # (module, title) of each layer, in order
    adrs: tuple[tuple[str, str], ...]  # (title, path relative to the project)


def _adr_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return path.stem


def project_facts(project: str | Path) -> ProjectFacts:
    """The facts of ``project`` (a churn project with its pipeline reproduced).

    Raises:
        FileNotFoundError: the project has no pyproject.toml or no metrics.json.
        ValueError: metrics.json lacks a metric the README reports.
    """
    folder = Path(project)
    pyproject = folder / "pyproject.toml"
    metrics_file = folder / "metrics.json"
    for needed in (pyproject, metrics_file):
        if not needed.is_file():
            raise FileNotFoundError(f"Falta {needed.name} en {folder}: ¿`dvc repro`?")
    name = str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["name"])
    metrics = json.loads(metrics_file.read_text(encoding="utf-8"))
    keys = ("roc_auc", "cost_per_customer_eur", "cost_per_customer_eur_at_0_5")
    missing = [key for key in keys if not isinstance(metrics.get(key), (int, float))]
    if missing:
        raise ValueError(f"A metrics.json le faltan: {', '.join(missing)}.")
    adr_folder = folder / "docs" / "adr"
    adrs = tuple(
        (_adr_title(path), path.relative_to(folder).as_posix())
        for path in sorted(adr_folder.glob("*.md"))
    ) if adr_folder.is_dir() else ()  # fmt: skip
    layers = tuple(
        (item.module, item.title) for item in LAYERS if layer_files(item.module) is not None
    )
    return ProjectFacts(
        name=name,
        roc_auc=float(metrics["roc_auc"]),
        cost_per_customer_eur=float(metrics["cost_per_customer_eur"]),
        cost_at_default_threshold_eur=float(metrics["cost_per_customer_eur_at_0_5"]),
        commands=COMMANDS,
        layers=layers,
        adrs=adrs,
    )
