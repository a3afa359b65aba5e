"""Data engineering with DVC (module 05): run DVC offline, stage scripts, run log, validation.

* :mod:`.dvctool` runs ``dvc`` (the venv's, as ``python -m dvc``) isolated and offline;
* :mod:`.project` creates a git + DVC project from scratch and commits to it;
* :mod:`.stage_scripts` holds the pipeline's stage scripts, copied into the project;
* :mod:`.runlog` reads the run log that every stage script appends to;
* :mod:`.validation` holds ``DataValidationError`` and a pandera reference validator.

Importing this package is cheap (no DVC, no pandas): stage scripts import it at every run.
"""

from mlops_course.lessons.m05_dataops.runlog import (
    RUN_LOG,
    clear_run_log,
    read_run_log,
    record_run,
    stages_that_ran,
)
from mlops_course.lessons.m05_dataops.validation import DataValidationError

__all__ = [
    "RUN_LOG",
    "DataValidationError",
    "clear_run_log",
    "read_run_log",
    "record_run",
    "stages_that_ran",
]
