"""Is there a cluster to try the manifests on? Optional cells ask this and skip otherwise."""

from __future__ import annotations

import shutil
import subprocess

NO_CLUSTER = (
    "No hay clúster de Kubernetes disponible (kubectl no está instalado o `kubectl cluster-info` "
    "no respondió): se omite esta celda. En su computadora puede crear uno local con "
    "`kind create cluster` o `k3d cluster create` y volver a ejecutarla."
)


def cluster_available(timeout: float = 5.0) -> bool:
    """``kubectl`` on PATH AND ``kubectl cluster-info`` succeeding within ``timeout`` seconds."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        return False
    try:
        done = subprocess.run(
            [kubectl, "cluster-info", f"--request-timeout={int(timeout)}s"],
            capture_output=True,
            timeout=timeout + 1,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
