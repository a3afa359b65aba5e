"""La política de manifiestos del equipo (módulo 14): lo que cada contenedor debe declarar.

Reglas (un hallazgo por regla rota y contenedor, con kind/nombre/contenedor): ``requests`` y
``limits`` de cpu y memoria; ``livenessProbe`` y ``readinessProbe`` (no en los init containers, que
terminan); ``runAsNonRoot: true`` (en el contenedor o en el pod), ``readOnlyRootFilesystem: true``
y ``allowPrivilegeEscalation: false``; una imagen con etiqueta distinta de ``latest`` o con digest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

RULES = (
    "requests",
    "limits",
    "liveness",
    "readiness",
    "no-root",
    "fs-solo-lectura",
    "sin-escalada",
    "imagen-fija",
)


@dataclass(frozen=True)
class Finding:
    kind: str
    name: str
    container: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}/{self.name} contenedor {self.container}: {self.message}"


def pod_spec(doc: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The pod spec of a workload (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob)."""
    kind = doc.get("kind")
    spec = doc.get("spec") or {}
    if kind == "Pod":
        return spec if isinstance(spec, Mapping) else None
    if kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
        found = (spec.get("template") or {}).get("spec")
    elif kind == "CronJob":
        found = (((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}).get(
            "spec"
        )
    else:
        return None
    return found if isinstance(found, Mapping) else None


def image_is_pinned(image: str) -> bool:
    """``repo:1.2.3`` or ``repo@sha256:…`` yes; ``repo``, ``repo:latest``, ``host:5000/repo`` no."""
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    if ":" not in last:
        return False
    return last.rsplit(":", 1)[1] not in ("", "latest")


def _container_findings(
    kind: str, name: str, pod: Mapping[str, Any], container: Mapping[str, Any], init: bool
) -> list[Finding]:
    cname = str(container.get("name", "¿sin nombre?"))
    found: list[Finding] = []

    def add(rule: str, message: str) -> None:
        found.append(Finding(kind, name, cname, rule, message))

    resources = container.get("resources") or {}
    for part in ("requests", "limits"):
        declared = resources.get(part) or {}
        missing = [r for r in ("cpu", "memory") if r not in declared]
        if missing:
            add(part, f"faltan resources.{part} de {' y '.join(missing)}")
    if not init:
        if "livenessProbe" not in container:
            add("liveness", "falta livenessProbe (sin ella, un proceso colgado no se reinicia)")
        if "readinessProbe" not in container:
            add("readiness", "falta readinessProbe (recibiría tráfico antes de cargar el modelo)")
    security = container.get("securityContext") or {}
    pod_security = pod.get("securityContext") or {}
    non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
    if non_root is not True or security.get("runAsUser", pod_security.get("runAsUser")) == 0:
        add("no-root", "debe correr sin root: securityContext.runAsNonRoot: true")
    if security.get("readOnlyRootFilesystem") is not True:
        add("fs-solo-lectura", "falta securityContext.readOnlyRootFilesystem: true")
    if security.get("allowPrivilegeEscalation") is not False or security.get("privileged") is True:
        add("sin-escalada", "falta securityContext.allowPrivilegeEscalation: false")
    image = str(container.get("image", ""))
    if not image_is_pinned(image):
        add(
            "imagen-fija",
            f"la imagen {image!r} no tiene etiqueta fija (ni 'latest' ni sin etiqueta)",
        )
    return found


def check_policy(docs: Iterable[Mapping[str, Any]]) -> list[Finding]:
    """Every finding of every workload in ``docs`` (other kinds are skipped)."""
    findings: list[Finding] = []
    for doc in docs:
        if not isinstance(doc, Mapping):
            raise ValueError(f"cada manifiesto debe ser un objeto de Kubernetes, no {doc!r}")
        pod = pod_spec(doc)
        if pod is None:
            continue
        kind = str(doc.get("kind"))
        name = str((doc.get("metadata") or {}).get("name", "¿sin nombre?"))
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                findings.extend(_container_findings(kind, name, pod, container, init))
    return findings
