"""What every check shares: the verdict it raises on a miss and the context it runs in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class CheckFailed(Exception):
    """The reason (Spanish, for the student) and, optionally, the lines that show it."""

    def __init__(self, reason: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class Context:
    """Where a check may write (never the project) and what other criteria own."""

    scratch: Path  # an empty folder of the checker's, removed afterwards
    env: dict[str, str]  # the environment of the project's tools (see tools.project_env)
    other_tests: tuple[str, ...] = ()  # project test files that belong to other criteria
    other_sources: tuple[str, ...] = ()  # folders of src/churn_project/ other criteria own
