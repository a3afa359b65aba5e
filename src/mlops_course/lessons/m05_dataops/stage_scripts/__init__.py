"""The churn pipeline's stage scripts, copied into the DVC project as ``stages/<name>.py``.

Each script is run by DVC as ``python stages/<name>.py`` from the project root: it reads its
inputs and its section of ``params.yaml``, writes its outputs and appends a line to the run log
(:mod:`mlops_course.lessons.m05_dataops.runlog`). Each one's docstring says what it reads and
writes: that
contract is what ``dvc.yaml`` must declare.
"""

STAGES = ("prepare", "validate", "featurize", "train")
