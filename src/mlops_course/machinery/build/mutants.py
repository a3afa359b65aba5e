"""Mutants: plausible wrong answers stored beside a module's text source.

Format of ``content/<NN_slug>/mutants.py``: blocks opened by
``# %% mutant: <name> | cell: <grade_id> | breaks: R1, R3``; the block's text (its leading ``#``
comment lines are the description) replaces the whole answer cell ``<grade_id>`` of a correct
submission. ``breaks`` names the statement's requirements the mutant violates (see
:mod:`mlops_course.machinery.build.exercises`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEADER_RE = re.compile(
    r"^# %% mutant:\s*(?P<name>[a-z0-9][a-z0-9_-]*)\s*\|\s*cell:\s*(?P<cell>[^\s|]+)"
    r"(?:\s*\|\s*breaks:\s*(?P<breaks>R\d+(?:\s*,\s*R\d+)*))?\s*$"
)


@dataclass(frozen=True)
class Mutant:
    """One plausible wrong answer for one answer cell."""

    name: str
    cell: str
    description: str
    code: str
    breaks: tuple[int, ...] = ()


def parse_mutants(path: Path) -> list[Mutant]:
    """Parse a mutants file (an absent file means no mutants).

    Raises:
        ValueError: on text before the first header, a malformed header, duplicated names or an
            empty block.
    """
    if not path.is_file():
        return []
    mutants: list[Mutant] = []
    current: tuple[str, str, tuple[int, ...]] | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        code = "\n".join(body).strip("\n")
        if not code.strip():
            raise ValueError(f"{path}: el mutante {current[0]!r} está vacío.")
        lead: list[str] = []
        for ln in code.splitlines():
            if not ln.startswith("#"):
                break
            lead.append(ln.lstrip("# ").strip())
        desc = " ".join(lead).strip()
        mutants.append(Mutant(current[0], current[1], desc, code + "\n", current[2]))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("# %% mutant"):
            match = HEADER_RE.match(line)
            if not match:
                raise ValueError(
                    f"{path}:{number}: cabecera no válida; "
                    "usa '# %% mutant: <nombre> | cell: <grade_id> | breaks: R1'."
                )
            close()
            breaks = tuple(
                sorted({int(tok.strip()[1:]) for tok in (match["breaks"] or "").split(",") if tok})
            )
            current, body = (match["name"], match["cell"], breaks), []
        elif current is None:
            if line.strip():
                raise ValueError(f"{path}:{number}: texto antes del primer '# %% mutant:'.")
        else:
            body.append(line)
    close()
    names = [m.name for m in mutants]
    if len(names) != len(set(names)):
        raise ValueError(f"{path}: hay nombres de mutante repetidos.")
    return mutants
