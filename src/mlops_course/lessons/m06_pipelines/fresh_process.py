"""Load a saved pipeline the way production does: in a new Python process, not in this kernel.

A kernel that just trained the model still holds every class the file refers to; a serving process
does not. :func:`load_in_fresh_process` starts ``python -I`` (isolated: no user site, no current
directory on ``sys.path``), loads the artifact there and scores ``rows`` — so an artifact that only
works inside the notebook fails here, with the loader's own error.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from mlops_course.machinery.procenv import run_tool

Format = Literal["pickle", "skops"]

_SCRIPT = """
import json, pickle, sys
import numpy as np
import pandas as pd
artifact, fmt, rows, out, trusted = sys.argv[1:6]
if fmt == "skops":
    import skops.io as sio
    model = sio.load(artifact, trusted=json.loads(trusted))
else:
    with open(artifact, "rb") as fh:
        model = pickle.load(fh)
np.save(out, model.predict_proba(pd.read_pickle(rows)))
"""


@dataclass(frozen=True)
class FreshLoad:
    """What a new process got from the artifact: probabilities, or the loader's error."""

    ok: bool
    detail: str
    probabilities: np.ndarray | None = None


def load_in_fresh_process(
    path: Path,
    rows: pd.DataFrame,
    fmt: Format = "pickle",
    trusted: Sequence[str] = (),
    timeout: float = 120,
) -> FreshLoad:
    """Load ``path`` in a new isolated interpreter and return ``predict_proba(rows)`` from there.

    ``fmt="pickle"`` uses plain :func:`pickle.load` (what joblib and cloudpickle files need);
    ``fmt="skops"`` uses :func:`skops.io.load` with ``trusted``. A failure is returned, not
    raised: its ``detail`` is the last line the loader printed (e.g. ``AttributeError: Can't get
    attribute 'QuantileClipper' on <module '__main__'>``).

    Raises:
        FileNotFoundError: if ``path`` does not exist.
        ValueError: if ``fmt`` is not ``"pickle"`` or ``"skops"``.
    """
    if fmt not in ("pickle", "skops"):
        raise ValueError(f"Formato desconocido {fmt!r}: usa 'pickle' o 'skops'.")
    if not Path(path).is_file():
        raise FileNotFoundError(f"No existe el artefacto {path}.")
    with tempfile.TemporaryDirectory(prefix="mlops-fresh-") as tmp:
        rows_path, out_path = Path(tmp) / "rows.pkl", Path(tmp) / "proba.npy"
        rows.to_pickle(rows_path)
        proc = run_tool(
            [sys.executable, "-I", "-c", _SCRIPT, str(path), fmt, str(rows_path),
             str(out_path), json.dumps(list(trusted))],
            cwd=tmp, timeout=timeout,
        )  # fmt: skip
        if proc.returncode != 0 or not out_path.is_file():
            lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
            return FreshLoad(False, lines[-1] if lines else f"código de salida {proc.returncode}")
        proba = np.load(out_path)
    return FreshLoad(True, f"{len(proba)} filas puntuadas en un proceso nuevo", proba)
