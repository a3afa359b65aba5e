"""The project's run log, read from the notebook: every stage appends one JSON line when it runs.

The stages write it with the project's own ``churn_project.runlog.record_run`` (layer 05), one
``{"stage": …, "time": …, …}`` object per line in ``logs/runs.jsonl``. DVC decides which stages
run; the run log is the independent witness of what actually ran. It is neither a dependency nor
an output of any stage, so reading or clearing it never makes DVC re-run anything.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RUN_LOG = Path("logs") / "runs.jsonl"


def read_run_log(project: Path) -> list[dict[str, Any]]:
    """Return the run log's entries in order (an empty list if nothing has run yet)."""
    path = Path(project) / RUN_LOG
    if not path.is_file():
        return []
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}, línea {number}: no es JSON válido ({err.msg}).") from err
        if not isinstance(entry, dict) or not isinstance(entry.get("stage"), str):
            raise ValueError(f"{path}, línea {number}: falta la clave 'stage'.")
        entries.append(entry)
    return entries


def clear_run_log(project: Path) -> None:
    """Empty the run log before a ``dvc repro`` whose stages you want to observe."""
    path = Path(project) / RUN_LOG
    path.unlink(missing_ok=True)


def stages_that_ran(project: Path) -> list[str]:
    """Names of the stages recorded in the run log, in the order they ran."""
    return [str(entry["stage"]) for entry in read_run_log(project)]
