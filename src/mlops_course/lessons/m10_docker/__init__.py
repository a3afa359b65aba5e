"""Module 10 (Docker avanzado): the course's reference code for the churn project's image.

Everything here works without a container engine: hadolint (bundled binary) and
``dockerfile-parse`` read the Dockerfile, the dependency layer is measured from the installed
distributions, the build cache rule is computed, and vulnerabilities are matched against a
vendored, dated OSV snapshot.
"""

from mlops_course.lessons.m10_docker.engine import (
    NO_ENGINE,
    BuiltImage,
    build_and_measure,
    container_engine,
)
from mlops_course.lessons.m10_docker.hadolint import Finding, blocking, run_hadolint
from mlops_course.lessons.m10_docker.layercache import copies, ignored, rebuilt_steps
from mlops_course.lessons.m10_docker.osv import (
    Advisory,
    Match,
    Snapshot,
    load_snapshot,
    match,
    parse_pins,
)
from mlops_course.lessons.m10_docker.sizes import (
    BaseImage,
    LayerSize,
    dependency_layer,
    load_base_images,
    pull_seconds,
    registry_cost_usd,
)
from mlops_course.lessons.m10_docker.structure import DockerfileFacts, Stage, dockerfile_facts

__all__ = [
    "NO_ENGINE",
    "Advisory",
    "BaseImage",
    "BuiltImage",
    "DockerfileFacts",
    "Finding",
    "LayerSize",
    "Match",
    "Snapshot",
    "Stage",
    "blocking",
    "build_and_measure",
    "container_engine",
    "copies",
    "dependency_layer",
    "dockerfile_facts",
    "ignored",
    "load_base_images",
    "load_snapshot",
    "match",
    "parse_pins",
    "pull_seconds",
    "rebuilt_steps",
    "registry_cost_usd",
    "run_hadolint",
]
