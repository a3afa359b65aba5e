"""Module 14 (Kubernetes para ML): the course's reference code for the churn project's manifests.

Everything runs without a cluster: manifests are validated by kubernetes-validate (strict, pinned
Kubernetes version, warnings are failures), overlays are rendered by a documented subset of
kustomize (ADR-14-01), and the HPA, capacity and rollout calculations follow the Kubernetes docs.
"""

from mlops_course.lessons.m14_k8s.capacity import (
    HOURS_PER_MONTH,
    M6I_LARGE,
    NodeType,
    monthly_cost_usd,
    nodes_needed,
    pods_per_node,
)
from mlops_course.lessons.m14_k8s.cluster import cluster_available
from mlops_course.lessons.m14_k8s.hpa import Sample, desired_replicas, simulate
from mlops_course.lessons.m14_k8s.overlay import render, render_text
from mlops_course.lessons.m14_k8s.policy import Finding, check_policy, image_is_pinned
from mlops_course.lessons.m14_k8s.quantities import cpu_millicores, memory_bytes
from mlops_course.lessons.m14_k8s.reference import (
    ENVIRONMENTS,
    MANIFESTS,
    PROD_PATCH,
    copy_manifests,
    render_environment,
    render_with_patch,
)
from mlops_course.lessons.m14_k8s.rollout import RolloutBounds, meets_availability, rollout_bounds
from mlops_course.lessons.m14_k8s.validation import (
    KUBERNETES_VERSION,
    Problem,
    load_documents,
    validate_all,
    validate_resource,
)

__all__ = [
    "ENVIRONMENTS",
    "HOURS_PER_MONTH",
    "KUBERNETES_VERSION",
    "M6I_LARGE",
    "MANIFESTS",
    "PROD_PATCH",
    "Finding",
    "NodeType",
    "Problem",
    "RolloutBounds",
    "Sample",
    "check_policy",
    "cluster_available",
    "copy_manifests",
    "cpu_millicores",
    "desired_replicas",
    "image_is_pinned",
    "load_documents",
    "meets_availability",
    "memory_bytes",
    "monthly_cost_usd",
    "nodes_needed",
    "pods_per_node",
    "render",
    "render_environment",
    "render_text",
    "render_with_patch",
    "rollout_bounds",
    "simulate",
    "validate_all",
    "validate_resource",
]
