"""The annotated bibliography of resource 23, loaded from ``assets/resources.yaml`` and validated.

Each entry says what a work is good for, its level, whether it is free, which modules it helps
and, when someone checked that it exists, the date of that check (``date_checked``). Errors are
Spanish and name the file and the field (``entries[3].level``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mlops_course.machinery.data_file import read_yaml, validate
from mlops_course.machinery.roadmap import assets_dir, load_roadmap

RESOURCES_FILE = "resources.yaml"
KINDS = ("libro", "articulo", "curso", "documentacion")
LEVELS = ("basico", "intermedio", "avanzado")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ResourcesError(ValueError):
    """A resources file that is missing, unreadable or breaks the schema (Spanish message)."""


class Entry(BaseModel):
    """One work of the bibliography."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: str
    title: str = Field(min_length=1)
    authors: str = Field(min_length=1)
    year: int | None = Field(default=None, ge=1950, le=2100)
    publisher: str = Field(min_length=1)
    url: str | None = None
    kind: Literal["libro", "articulo", "curso", "documentacion"]
    level: Literal["basico", "intermedio", "avanzado"]
    free: bool
    language: Literal["en", "es"]
    modules: list[str] = Field(min_length=1)
    hours: int = Field(ge=1, le=200)
    good_for: str = Field(min_length=20)
    date_checked: dt.date | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("debe tener solo minúsculas, cifras y guiones")
        return value

    @field_validator("url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("debe empezar por https:// (o http://)")
        return value


class ResourcesFile(BaseModel):
    """The whole file."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    schema_version: Literal[1]
    entries: list[Entry] = Field(min_length=1)


def parse_resources(data: object, path: Path, today: dt.date | None = None) -> list[Entry]:
    """Validate ``data`` (the YAML of ``path``) and return its entries.

    Beyond the schema: ids are unique, every module number exists in the roadmap, and no
    ``date_checked`` is in the future (a typo there would hide a stale entry forever).

    Raises:
        ResourcesError: with every problem, one per line.
    """
    parsed = validate(ResourcesFile, data, path, ResourcesError)
    problems: list[str] = []
    seen: set[str] = set()
    numbers = {m.number for m in load_roadmap().modules}
    limit = today or dt.date.today()
    for position, entry in enumerate(parsed.entries):
        where = f"entries[{position}]"
        if entry.id in seen:
            problems.append(f"{where}.id: «{entry.id}» repetido")
        seen.add(entry.id)
        unknown = sorted(set(entry.modules) - numbers)
        if unknown:
            problems.append(f"{where}.modules: {', '.join(unknown)} no son módulos del curso")
        if entry.date_checked is not None and entry.date_checked > limit:
            problems.append(f"{where}.date_checked: {entry.date_checked} es una fecha futura")
    if problems:
        raise ResourcesError(f"{path}:\n" + "\n".join(f"  - {p}" for p in problems))
    return list(parsed.entries)


def load_resources(path: Path | None = None, today: dt.date | None = None) -> list[Entry]:
    """Load ``assets/resources.yaml`` (or ``path``).

    Raises:
        ResourcesError: if the file is missing, is not YAML or breaks the schema.
    """
    source = path or assets_dir() / RESOURCES_FILE
    data = read_yaml(source, ResourcesError)
    return parse_resources(data, source, today)


def as_records(entries: list[Entry]) -> list[dict[str, object]]:
    """The entries as plain dicts (what the notebook's exercises receive)."""
    return [entry.model_dump() for entry in entries]
