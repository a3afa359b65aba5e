"""One module per decision aid: its inputs model, thresholds model and pure scoring function.

:data:`REGISTRY` maps each aid id to its
:class:`~mlops_course.machinery.decision_aids.engine.AidLogic`, in
course order (module 00, 03, 04, 05, 06, 07, 10, 12, the inference-mode aid of module 12,
the drift-test aid of module 15, then the fairness-mitigation aid of module 16).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mlops_course.machinery.decision_aids.aids import (
    branching,
    deployment,
    docker_levels,
    drift_tests,
    dvc,
    environment_tools,
    experiment_trackers,
    fairness_mitigation,
    guide_comparison,
    inference_mode,
    model_persistence,
)
from mlops_course.machinery.decision_aids.engine import AidLogic

REGISTRY: Mapping[str, AidLogic[Any, Any]] = {
    logic.aid_id: logic
    for logic in (
        guide_comparison.LOGIC,
        environment_tools.LOGIC,
        branching.LOGIC,
        dvc.LOGIC,
        model_persistence.LOGIC,
        experiment_trackers.LOGIC,
        docker_levels.LOGIC,
        deployment.LOGIC,
        inference_mode.LOGIC,
        drift_tests.LOGIC,
        fairness_mitigation.LOGIC,
    )
}
