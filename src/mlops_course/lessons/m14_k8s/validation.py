"""Strict schema validation of manifests with kubernetes-validate, in process.

The course pins ONE Kubernetes version (:data:`KUBERNETES_VERSION`): the newest schema that the
pinned ``kubernetes-validate==1.37.0`` ships, the same one the instructors' Dask manifests are
checked against (``tests/test_instructor_deploy.py``). ``strict`` rejects unknown fields (a typo
such as ``readinessProbes`` is an error, not a silently ignored key). What the CLI only prints as
a ``WARN`` — no schema for that ``apiVersion``/``kind`` at this version, which is what a removed
API (``extensions/v1beta1`` Ingress, ``policy/v1beta1`` PodDisruptionBudget) looks like — is a
failure here. In process, the 24 rendered resources of dev/staging/prod validate in ≈ 0.5 s;
the CLI takes ≈ 1.3 s for the three files (mostly start-up) and ≈ 1 s per file, one per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import kubernetes_validate
import yaml
from kubernetes_validate import utils as kv_utils

KUBERNETES_VERSION = "1.37.0"


@dataclass(frozen=True)
class Problem:
    """One resource that does not pass: where (kind/name, field path) and why, in Spanish."""

    resource: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f" en el campo {self.field}" if self.field else ""
        return f"{self.resource}{where}: {self.message}"


def _label(doc: Mapping[str, Any]) -> str:
    kind = doc.get("kind", "¿sin kind?")
    metadata = doc.get("metadata")
    name = metadata.get("name", "¿sin nombre?") if isinstance(metadata, Mapping) else "¿sin nombre?"
    return f"{kind}/{name}"


def load_documents(text: str) -> list[dict[str, Any]]:
    """Every non-empty YAML document of ``text``; bad YAML → ValueError in Spanish."""
    try:
        docs = [doc for doc in yaml.safe_load_all(text) if doc]
    except yaml.YAMLError as error:
        raise ValueError(f"el YAML no se puede leer: {error}") from error
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"cada documento debe ser un objeto de Kubernetes, no {doc!r}")
    return docs


def validate_resource(doc: Mapping[str, Any], version: str = KUBERNETES_VERSION) -> list[Problem]:
    """The problems of one resource at ``version`` (strict); an empty list means it passes."""
    label = _label(doc)
    if "apiVersion" not in doc or "kind" not in doc:
        return [Problem(label, "", "le falta apiVersion o kind")]
    try:
        kubernetes_validate.validate(dict(doc), version, strict=True)
    except kv_utils.ValidationError as error:
        field = ".".join(str(item) for item in error.path)
        return [
            Problem(label, field, f"no cumple el esquema de Kubernetes {version}: {error.message}")
        ]
    except kv_utils.SchemaNotFoundError:
        return [
            Problem(
                label,
                "apiVersion",
                f"Kubernetes {version} no tiene {doc['kind']} en {doc['apiVersion']}: "
                "la API fue eliminada o está mal escrita (kubernetes-validate lo avisa como WARN; "
                "aquí es un error)",
            )
        ]
    except kv_utils.VersionNotSupportedError as error:
        raise ValueError(f"kubernetes-validate no conoce la versión {version}") from error
    return []


def validate_all(
    docs: Iterable[Mapping[str, Any]], version: str = KUBERNETES_VERSION
) -> list[Problem]:
    """Every problem of every resource, in order."""
    return [problem for doc in docs for problem in validate_resource(doc, version)]
