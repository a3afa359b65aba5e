"""Write an ADR (rendered by :func:`~mlops_course.machinery.decision_aids.render.adr_markdown`) to
disk.

Files go to ``module_workspace(<module>)/adr/ADR-<aid_id>-<NNN>.md`` with ``NNN`` the next free
counter for that aid (001, 002, …); an existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from mlops_course.machinery.decision_aids.engine import Recommendation
from mlops_course.machinery.decision_aids.render import adr_markdown
from mlops_course.machinery.decision_aids.schema import DecisionAid
from mlops_course.machinery.workspace import module_workspace

ADR_SUBDIR = "adr"
_ADR_NAME = re.compile(r"^ADR-(?P<aid>[a-z][a-z0-9_]*)-(?P<number>[0-9]{3,})\.md$")
_MAX_ATTEMPTS = 1000


def adr_folder(module_slug: str) -> Path:
    """``<workspace>/<module_slug>/adr`` (created if needed).

    Raises:
        ValueError: if ``module_slug`` is not a module folder name (Spanish message).
    """
    folder = module_workspace(module_slug) / ADR_SUBDIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def next_adr_number(folder: Path, aid_id: str) -> int:
    """One more than the highest ``ADR-<aid_id>-<NNN>.md`` counter in ``folder`` (1 if none)."""
    numbers = [
        int(match["number"])
        for path in folder.glob(f"ADR-{aid_id}-*.md")
        if (match := _ADR_NAME.match(path.name)) and match["aid"] == aid_id
    ]
    return max(numbers, default=0) + 1


def write_adr(
    aid: DecisionAid[Any],
    recommendation: Recommendation,
    module_slug: str,
    *,
    today: dt.date | None = None,
) -> Path:
    """Write the ADR of ``recommendation`` into the student's workspace and return its path.

    Raises:
        ValueError: if ``module_slug`` is not valid.
        OSError: if the file cannot be written.
    """
    folder = adr_folder(module_slug)
    date = today if today is not None else dt.date.today()
    for _ in range(_MAX_ATTEMPTS):
        number = next_adr_number(folder, aid.id)
        path = folder / f"ADR-{aid.id}-{number:03d}.md"
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(adr_markdown(aid, recommendation, number=number, date=date))
        except FileExistsError:  # written meanwhile by another export: try the next number
            continue
        return path
    raise OSError(f"No se encontró un nombre libre para el ADR en {folder}.")  # pragma: no cover
