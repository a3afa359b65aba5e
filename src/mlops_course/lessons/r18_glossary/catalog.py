"""The course glossary of resource 18, loaded from ``assets/glossary.yaml`` and validated.

Each term has a stable id (the anchor that the modules' closing sections link to), the Spanish
term, its English equivalent, a short definition, related term ids and optional aliases (other
names a team uses for it). Which modules teach a term is not written here: ``make build`` derives
it from the modules' links (:mod:`mlops_course.machinery.build.glossary`) into
``assets/glossary_usage.json``. Errors are Spanish and name the file and the field
(``terms[3].related``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mlops_course.machinery.build.glossary import GLOSSARY_FILE, USAGE_FILE
from mlops_course.machinery.data_file import read_yaml, validate
from mlops_course.machinery.roadmap import assets_dir

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class GlossaryError(ValueError):
    """A glossary file that is missing, unreadable or breaks the schema (Spanish message)."""


class Term(BaseModel):
    """One term of the glossary."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: str
    term: str = Field(min_length=1)
    english: str = Field(min_length=1)
    definition: str = Field(min_length=20, max_length=600)
    related: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("debe tener solo minúsculas sin tilde, cifras y guiones")
        return value


class GlossaryFile(BaseModel):
    """The whole file."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    schema_version: Literal[1]
    terms: list[Term] = Field(min_length=1)


def _plain(text: str) -> str:
    return text.replace("`", "").replace("*", "").strip().lower()


def parse_glossary(data: object, path: Path) -> list[Term]:
    """Validate ``data`` (the YAML of ``path``) and return its terms.

    Beyond the schema: ids are unique, every related id names another term, and an alias is
    neither another term's name nor an alias of two terms (the linter could not choose).

    Raises:
        GlossaryError: with every problem, one per line.
    """
    parsed = validate(GlossaryFile, data, path, GlossaryError)
    problems: list[str] = []
    ids = [t.id for t in parsed.terms]
    known = set(ids)
    names = {_plain(t.term): t.id for t in parsed.terms}
    alias_owner: dict[str, str] = {}
    seen: set[str] = set()
    for position, term in enumerate(parsed.terms):
        where = f"terms[{position}]"
        if term.id in seen:
            problems.append(f"{where}.id: «{term.id}» repetido")
        seen.add(term.id)
        for related in term.related:
            if related == term.id:
                problems.append(f"{where}.related: «{related}» se relaciona consigo mismo")
            elif related not in known:
                problems.append(
                    f"{where}.related: «{related}» no es un término del glosario "
                    f"(relacionado con «{term.id}»)"
                )
        for alias in term.aliases:
            key = _plain(alias)
            if key in names and names[key] != term.id:
                problems.append(
                    f"{where}.aliases: «{alias}» es el nombre del término «{names[key]}»"
                )
            elif key in alias_owner and alias_owner[key] != term.id:
                problems.append(f"{where}.aliases: «{alias}» ya es alias de «{alias_owner[key]}»")
            alias_owner[key] = term.id
    if problems:
        raise GlossaryError(f"{path}:\n" + "\n".join(f"  - {p}" for p in problems))
    return list(parsed.terms)


def load_glossary(path: Path | None = None) -> list[Term]:
    """Load ``assets/glossary.yaml`` (or ``path``).

    Raises:
        GlossaryError: if the file is missing, is not YAML or breaks the schema.
    """
    source = path or assets_dir() / GLOSSARY_FILE
    data = read_yaml(source, GlossaryError)
    return parse_glossary(data, source)


def load_usage(path: Path | None = None) -> dict[str, list[str]]:
    """``{module slug: [term ids it links, in order]}`` from the generated usage file.

    Raises:
        GlossaryError: if the file is missing or is not the one ``make build`` writes.
    """
    source = path or assets_dir() / USAGE_FILE
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        modules = data["modules"]
        return {str(slug): [str(i) for i in ids] for slug, ids in modules.items()}
    except OSError as exc:
        raise GlossaryError(f"{source}: no se puede leer ({exc.strerror}).") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise GlossaryError(
            f"{source} no es el archivo que genera `make build`: vuelve a generarlo."
        ) from None
