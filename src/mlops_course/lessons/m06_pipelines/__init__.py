"""Given code for module 06 (advanced sklearn pipelines): column names, project file, demo data.

Nothing here answers an exercise of the module: the student writes the custom transformer, the
pipeline builder, the leak-free evaluation, the schema check and the trusted loader. This
package only provides

* :mod:`.churn_columns` — which churn columns feed the model (their rules live in the
  project's pandera contract, ``src/churn_project/contract.py``, the only churn schema);
* :mod:`.project` — the student's pipeline inside the project's ``src/churn_project/pipeline.py``;
* :mod:`.leakage_data` — small, deterministic datasets that make each kind of leakage visible;
* :mod:`.payload` — a *harmless* pickle payload that proves ``pickle.load`` runs code;
* :mod:`.fresh_process` — load a saved pipeline in a new interpreter, as a serving process would.
"""

from mlops_course.lessons.m06_pipelines.churn_columns import (
    CATEGORICAL_FEATURES,
    FLAG_FEATURES,
    MODEL_FEATURES,
    NUMERIC_FEATURES,
)
from mlops_course.lessons.m06_pipelines.fresh_process import FreshLoad, load_in_fresh_process
from mlops_course.lessons.m06_pipelines.leakage_data import (
    add_noise_code,
    monthly_snapshots,
    noise_dataset,
)
from mlops_course.lessons.m06_pipelines.payload import harmless_pickle_payload

__all__ = [
    "CATEGORICAL_FEATURES",
    "FLAG_FEATURES",
    "MODEL_FEATURES",
    "NUMERIC_FEATURES",
    "FreshLoad",
    "add_noise_code",
    "harmless_pickle_payload",
    "load_in_fresh_process",
    "monthly_snapshots",
    "noise_dataset",
]
