"""Los manifiestos de Kubernetes del servicio (módulo 14): renderizar un entorno y su política.

``render(Path("k8s/overlays/prod"))`` devuelve los recursos que aplicaría
``kubectl apply -k k8s/overlays/prod``; ``check_policy(recursos)`` lista lo que incumplen.
"""

from churn_project.k8s.policy import Finding, check_policy, image_is_pinned
from churn_project.k8s.render import render, render_text

__all__ = ["Finding", "check_policy", "image_is_pinned", "render", "render_text"]
