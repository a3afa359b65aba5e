"""Data engineering with DVC (module 05): run DVC offline, build the project, read its run log.

* :mod:`.dvctool` runs ``dvc`` (the venv's, as ``python -m dvc``) isolated and offline;
* :mod:`.project` builds layer 05 of the student's ``churn-project/`` (git, DVC, its code);
* :mod:`.runlog` reads the run log that every stage of the project appends to.

The project's own code (stages, data contract, run log writer) lives in the reference files of
layer 05 (:mod:`mlops_course.lessons.churn_project`), not here.
"""

from mlops_course.lessons.m05_dataops.runlog import (
    RUN_LOG,
    clear_run_log,
    read_run_log,
    stages_that_ran,
)

__all__ = [
    "RUN_LOG",
    "clear_run_log",
    "read_run_log",
    "stages_that_ran",
]
