"""Process set-up that must happen before MLflow is imported (imported first by the package).

* MLflow telemetry off (``MLFLOW_DISABLE_TELEMETRY``): nothing may touch the network.
* skops (MLflow's default format for scikit-learn models) scans every loaded module once, at
  import time; importing it before MLflow loads hundreds of modules makes that scan much cheaper.
"""

import importlib
import os

os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
importlib.import_module("skops.io")
