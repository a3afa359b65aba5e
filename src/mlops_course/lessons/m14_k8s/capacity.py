"""Capacity planning: pods per node from requests and allocatable, nodes, monthly cost.

The scheduler places a pod only where the node's *allocatable* (capacity minus what the kubelet,
the system and eviction thresholds reserve) still covers the pod's *requests* — limits do not
count. Each node also reserves what its DaemonSets request (log agent, CNI, kube-proxy) and has a
maximum number of pods (110 by default in the kubelet; lower on some managed clouds).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mlops_course.lessons.m14_k8s.quantities import cpu_millicores, memory_bytes

HOURS_PER_MONTH = 730  # the convention of cloud price calculators (8 760 h / 12)


@dataclass(frozen=True)
class NodeType:
    """A node type with its allocatable resources and a dated on-demand list price."""

    name: str
    allocatable_cpu: str
    allocatable_memory: str
    max_pods: int
    usd_per_hour: float
    price_date: str
    price_source: str


# m6i.large: 2 vCPU / 8 GiB. Allocatable as EKS reports it for this type (CPU 1930m; memory
# ≈ 7 GiB after kube-reserved and the eviction threshold); max pods 29 with the VPC CNI.
M6I_LARGE = NodeType(
    name="m6i.large",
    allocatable_cpu="1930m",
    allocatable_memory="7134Mi",
    max_pods=29,
    usd_per_hour=0.096,
    price_date="2026-11",
    price_source="AWS EC2 On-Demand, Linux, us-east-1 (precio de lista; sin ahorro por compromiso)",
)


def pods_per_node(
    node: NodeType,
    request_cpu: str,
    request_memory: str,
    daemonset_cpu: str = "0",
    daemonset_memory: str = "0",
    daemonset_pods: int = 0,
) -> int:
    """How many pods with these requests fit on one node (the tightest of CPU, memory, pods)."""
    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("los requests de CPU y memoria deben ser positivos para planear capacidad")
    free_cpu = cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)
    free_memory = memory_bytes(node.allocatable_memory) - memory_bytes(daemonset_memory)
    free_pods = node.max_pods - daemonset_pods
    if free_cpu <= 0 or free_memory <= 0 or free_pods <= 0:
        raise ValueError(f"los DaemonSets ya ocupan todo el nodo {node.name}")
    return max(0, min(free_cpu // cpu, free_memory // memory, free_pods))


def nodes_needed(replicas: int, per_node: int, spare_nodes: int = 0) -> int:
    """Nodes for ``replicas`` pods, plus ``spare_nodes`` (e.g. 1 to survive losing a node)."""
    if replicas < 0 or spare_nodes < 0:
        raise ValueError("las réplicas y los nodos de reserva no pueden ser negativos")
    if per_node < 1:
        raise ValueError("no cabe ni un pod por nodo: baje los requests o use nodos más grandes")
    return math.ceil(replicas / per_node) + spare_nodes


def monthly_cost_usd(nodes: int, node: NodeType) -> float:
    """On-demand cost of ``nodes`` nodes for a month of 730 h, rounded to cents."""
    if nodes < 0:
        raise ValueError("el número de nodos no puede ser negativo")
    return round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2)
