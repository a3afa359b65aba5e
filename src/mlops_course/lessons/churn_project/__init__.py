"""The churn project that grows from module 05 to 17: its layers, map and reference checkpoints.

* :mod:`.layers` is the single definition of what each module adds to ``churn-project/``;
* :mod:`.projectmap` draws it (Mermaid) with the current module's layer highlighted;
* :mod:`.checkpoint` builds the reference project "as it stands after module N" for real (git,
  DVC, the pipeline reproduced) when the student's own project is missing or broken;
* :mod:`.cache` builds each checkpoint once per course version and restores copies of it;
* :mod:`.ensure` picks the project a module builds on: the student's own, or the reference.

The reference files of each layer live in ``layers/NN/`` (package data, not course code): they
are the project's own source, checked by the project's own tools (ruff, mypy, pytest, DVC).
"""

from mlops_course.lessons.churn_project.checkpoint import (
    Checkpoint,
    apply_layer,
    is_churn_project,
    materialise_checkpoint,
)
from mlops_course.lessons.churn_project.ensure import ProjectState, ensure_project
from mlops_course.lessons.churn_project.layers import LAYERS, PROJECT_DIR, Layer, layer
from mlops_course.lessons.churn_project.projectmap import (
    project_map,
    project_map_markdown,
    show_project_map,
)

__all__ = [
    "LAYERS",
    "PROJECT_DIR",
    "Checkpoint",
    "Layer",
    "ProjectState",
    "apply_layer",
    "ensure_project",
    "is_churn_project",
    "layer",
    "materialise_checkpoint",
    "project_map",
    "project_map_markdown",
    "show_project_map",
]
