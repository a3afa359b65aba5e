"""Resumable grading: what was graded, from which exact files, with which outcome.

The state is one JSON file per course, rewritten atomically after every student's grades are
committed to the gradebook, so an interrupted run loses at most the students being graded at
that moment, and a re-run grades only new or changed submissions, or those graded under other
limits.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from mlops_course.machinery.grading.status import Status


@dataclass(frozen=True)
class StudentOutcome:
    """One student's outcome for one module, as reported and remembered."""

    module: str
    student: str
    status: Status
    reason: str
    score: float
    """Points of the autograded test cells (meaningful only when ``scored``)."""
    max_score: float
    """Autograded maximum: the points of the autograded test cells (no manual points)."""
    digest: str
    limits: str = ""
    """The :meth:`~.limits.Limits.fingerprint` it was graded under ("" in entries written by older
    versions: they match no fingerprint, so such a student counts as changed)."""
    scored: bool = False
    """``score`` is this submission's autograde and is in the gradebook; False when the grade is
    withheld or there is none (see ``status`` and ``reason``)."""


def folder_digest(folder: Path, extra: bytes = b"") -> str:
    """SHA-256 of every file under ``folder`` (relative names and bytes) plus ``extra``."""
    h = hashlib.sha256(extra)
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if ".ipynb_checkpoints" in path.parts or path.name == "timestamp.txt":
                continue
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def _outcome(raw: dict[str, Any]) -> StudentOutcome:
    """One entry of the file; entries of older versions have neither ``limits`` nor ``scored``."""
    status = Status(raw["status"])
    return StudentOutcome(**{"scored": status.scored, **raw, "status": status})


class GradingState:
    """The JSON state file of a course (``<course>/.grading/state.json``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, StudentOutcome] = {}
        if path.is_file():
            try:
                raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
                self._entries = {k: _outcome(v) for k, v in raw.items()}
            except (json.JSONDecodeError, TypeError, ValueError, KeyError) as exc:
                raise ValueError(
                    f"{path}: el estado de calificación está corrupto ({exc}); bórralo para "
                    "recalificar todo (las notas del gradebook no se pierden)"
                ) from exc

    @staticmethod
    def key(module: str, student: str) -> str:
        """The entry key of one student in one module."""
        return f"{module}/{student}"

    def get(self, module: str, student: str) -> StudentOutcome | None:
        """The remembered outcome, if any."""
        return self._entries.get(self.key(module, student))

    def outcomes(self) -> list[StudentOutcome]:
        """Every remembered outcome, by module and student."""
        return [self._entries[k] for k in sorted(self._entries)]

    def record(self, outcome: StudentOutcome) -> None:
        """Remember ``outcome`` and write the file atomically."""
        self._entries[self.key(outcome.module, outcome.student)] = outcome
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {k: asdict(v) for k, v in sorted(self._entries.items())}
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)
