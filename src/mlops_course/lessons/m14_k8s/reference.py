"""The churn project's Kubernetes manifests: layer 14's ``k8s/`` (package data, base + overlays)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mlops_course.lessons.m14_k8s.overlay import render

MANIFESTS = Path(__file__).resolve().parents[1] / "churn_project" / "layers" / "14" / "k8s"
ENVIRONMENTS = ("dev", "staging", "prod")


def render_environment(environment: str, manifests: Path = MANIFESTS) -> list[dict[str, Any]]:
    """The rendered resources of ``overlays/<environment>``."""
    if environment not in ENVIRONMENTS:
        raise ValueError(f"entorno desconocido: {environment!r} (use uno de {list(ENVIRONMENTS)})")
    return render(manifests / "overlays" / environment)


def copy_manifests(destination: Path) -> Path:
    """Copy base + overlays to ``destination/k8s`` (replacing an older copy) and return it."""
    target = destination / "k8s"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(MANIFESTS, target)
    return target
