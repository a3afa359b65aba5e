"""The four sections of an ADR in the seed's format, read from its text.

The course writes them in three ways, and the reader accepts all three: a line with the name and
a colon (``CONTEXTO:``, the seed's blocks), a Markdown heading (``## CONTEXTO``, the ADRs that the
decision aids export) and the name with the text on the same line (``Contexto: …``). The name
must open the line and be followed by a colon or the end of the line: ``Contextos`` or «la
DECISIÓN: de ayer» are not headings.
"""

from __future__ import annotations

import re

SECTIONS: tuple[str, ...] = ("CONTEXTO", "DECISIÓN", "CONSECUENCIAS", "ALTERNATIVAS RECHAZADAS")
_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?(?P<name>" + "|".join(SECTIONS) + r")(?::|\s*$)(?:\*\*)?(?P<rest>.*)$",
    re.IGNORECASE,
)


def split_sections(text: str) -> dict[str, str]:
    """The sections found in ``text``, in the seed's order, each stripped (empty ones included).

    Text before the first heading (the title, a date) belongs to no section. A section written
    twice keeps its first occurrence.
    """
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match is not None:
            name = match["name"].upper()
            rest = match["rest"].strip().removeprefix("**").strip()
            if name in found:
                current = None
                continue
            current = found.setdefault(name, [])
            if rest:
                current.append(rest)
            continue
        if current is not None:
            current.append(line)
    return {name: "\n".join(found[name]).strip() for name in SECTIONS if name in found}


def missing_sections(text: str) -> list[str]:
    """The seed's sections that ``text`` lacks or leaves empty, in order."""
    sections = split_sections(text)
    return [name for name in SECTIONS if not sections.get(name)]
