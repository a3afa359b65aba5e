"""El registro de ejecuciones: cada etapa añade una línea JSON cuando corre.

DVC decide qué etapas se ejecutan; el registro es el testigo independiente de lo que corrió. Vive
en ``logs/runs.jsonl`` (ignorado por git) y no es dependencia ni salida de ninguna etapa.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

RUN_LOG = Path("logs") / "runs.jsonl"


def record_run(stage: str, **details: Any) -> Path:
    """Añade ``{"stage": stage, "time": …, **details}`` al registro del directorio actual."""
    RUN_LOG.parent.mkdir(parents=True, exist_ok=True)
    entry = {"stage": stage, "time": round(time.time(), 3), **details}
    with RUN_LOG.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return RUN_LOG
