"""The churn project's Kubernetes manifests: layer 14's ``k8s/`` (package data, base + overlays)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from mlops_course.lessons.m14_k8s.overlay import render

MANIFESTS = Path(__file__).resolve().parents[1] / "churn_project" / "layers" / "14" / "k8s"
ENVIRONMENTS = ("dev", "staging", "prod")
PROD_PATCH = "overlays/prod/deployment-patch.yaml"


def render_environment(environment: str, manifests: Path = MANIFESTS) -> list[dict[str, Any]]:
    """The rendered resources of ``overlays/<environment>``."""
    if environment not in ENVIRONMENTS:
        raise ValueError(f"entorno desconocido: {environment!r} (use uno de {list(ENVIRONMENTS)})")
    return render(manifests / "overlays" / environment)


def render_with_patch(
    text: str, manifests: Path = MANIFESTS, patch: str = PROD_PATCH, environment: str = "prod"
) -> list[dict[str, Any]]:
    """``environment`` rendered as if ``manifests/patch`` held ``text`` (a copy: nothing written
    to ``manifests``). A text that is not one YAML mapping, or that the overlay cannot apply, is a
    ValueError in Spanish."""
    if not isinstance(text, str):
        raise ValueError(f"el patch debe ser el texto YAML, no {type(text).__name__}")
    try:
        docs = [doc for doc in yaml.safe_load_all(text) if doc is not None]
    except yaml.YAMLError as error:
        raise ValueError(f"el patch no es YAML válido: {error}") from error
    if len(docs) != 1 or not isinstance(docs[0], dict):
        raise ValueError("el patch debe ser UN documento YAML: un mapa con kind y metadata.name")
    with tempfile.TemporaryDirectory(prefix="k8s-") as scratch:
        copy = Path(scratch) / "k8s"
        shutil.copytree(manifests, copy)
        (copy / patch).write_text(text, encoding="utf-8")
        return render_environment(environment, copy)


def copy_manifests(destination: Path) -> Path:
    """Copy base + overlays to ``destination/k8s`` (replacing an older copy) and return it."""
    target = destination / "k8s"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(MANIFESTS, target)
    return target
