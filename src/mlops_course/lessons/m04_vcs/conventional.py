"""Parse a Conventional Commits 1.0.0 message: the rules module 04's release code relies on.

Given to the students (it is not an exercise): ``next_version`` (Exercise 2) classifies each commit
with :func:`parse_commit`, and the ``commit-msg`` hooks (Exercises 3 and 4) accept exactly the
headers that :data:`HEADER_RE` accepts.
"""

from __future__ import annotations

import re
from typing import TypedDict

# The types of @commitlint/config-conventional (Angular): the course accepts these, in lower case.
COMMIT_TYPES: tuple[str, ...] = (
    "feat",
    "fix",
    "docs",
    "style",
    "refactor",
    "perf",
    "test",
    "build",
    "ci",
    "chore",
    "revert",
)
HEADER_RE = re.compile(
    r"^(?P<type>\w+)(?:\((?P<scope>[^\s()]+)\))?(?P<bang>!)?: (?P<description>.*\S.*)$"
)
BREAKING_FOOTERS = ("BREAKING CHANGE:", "BREAKING-CHANGE:")


class Commit(TypedDict):
    """A parsed commit message."""

    type: str
    scope: str | None
    breaking: bool
    description: str


def parse_commit(message: str) -> Commit:
    """Parse ``tipo(ámbito)!: descripción`` plus an optional body and footers.

    ``breaking`` is true with a ``!`` right before the colon or a line after the header that starts
    with ``BREAKING CHANGE:`` / ``BREAKING-CHANGE:``. Trailing blank lines are ignored.

    Raises:
        TypeError: if ``message`` is not a ``str``.
        ValueError: in Spanish, quoting the header, if it is empty, malformed, has an unknown
            type or the body is glued to the header (no blank second line).
    """
    if not isinstance(message, str):
        raise TypeError(f"El mensaje de commit debe ser un str, no {type(message).__name__}.")
    lines = message.rstrip().splitlines()
    if not lines or not lines[0].strip():
        raise ValueError(
            "Mensaje de commit vacío: la cabecera debe ser 'tipo(ámbito): descripción'."
        )
    header = lines[0]
    match = HEADER_RE.match(header)
    if match is None:
        raise ValueError(
            f"Cabecera no convencional: {header!r}. Usa 'tipo(ámbito)!: descripción', "
            "con ': ' (dos puntos y espacio) y una descripción."
        )
    if match["type"] not in COMMIT_TYPES:
        raise ValueError(
            f"Tipo desconocido {match['type']!r} en {header!r}: "
            f"usa uno de {', '.join(COMMIT_TYPES)}."
        )
    if len(lines) > 1 and lines[1].strip():
        raise ValueError(f"Tras la cabecera {header!r} va una línea en blanco antes del cuerpo.")
    footer = any(line.startswith(BREAKING_FOOTERS) for line in lines[1:])
    return Commit(
        type=match["type"],
        scope=match["scope"],
        breaking=match["bang"] is not None or footer,
        description=match["description"].strip(),
    )
