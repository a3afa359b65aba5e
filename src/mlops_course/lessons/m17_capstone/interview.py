"""The interview bank of module 17, loaded from ``assets/interview_bank.yaml`` and validated.

Open design and operations questions, each from the module that teaches what the answer needs,
with the points a good answer covers (the guide a student checks their own answer against).
Errors are Spanish and name the file and the field (``questions[3].points``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mlops_course.machinery.data_file import read_yaml, validate
from mlops_course.machinery.roadmap import assets_dir, load_roadmap

BANK_FILE = "interview_bank.yaml"
KINDS = ("diseño", "operación")
MIN_POINTS = 3


class InterviewError(ValueError):
    """A bank that is missing, unreadable or breaks the schema (Spanish message)."""


class Question(BaseModel):
    """One open question and the points of a good answer."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: str = Field(pattern=r"^e\d{2}-[a-z0-9-]+$")
    module: str = Field(pattern=r"^\d{2}$")
    kind: Literal["diseño", "operación"]
    question: str = Field(min_length=20)
    points: list[str] = Field(min_length=MIN_POINTS)

    @field_validator("points")
    @classmethod
    def _no_empty_point(cls, value: list[str]) -> list[str]:
        if any(len(point.split()) < 3 for point in value):
            raise ValueError("cada punto de la pauta es una frase (3 palabras o más)")
        return value


class BankFile(BaseModel):
    """The whole file."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    schema_version: Literal[1]
    questions: list[Question] = Field(min_length=1)


def parse_bank(data: object, path: Path) -> list[Question]:
    """Validate ``data`` (the YAML of ``path``): the schema, unique ids, ids that start with their
    module's number, and modules of the course's phases (not resources).

    Raises:
        InterviewError: with every problem, one per line.
    """
    parsed = validate(BankFile, data, path, InterviewError)
    problems: list[str] = []
    seen: set[str] = set()
    modules = {m.number for phase in load_roadmap().phases for m in phase.modules}
    for position, item in enumerate(parsed.questions):
        where = f"questions[{position}]"
        if item.id in seen:
            problems.append(f"{where}.id: «{item.id}» repetido")
        seen.add(item.id)
        if item.module not in modules:
            problems.append(f"{where}.module: {item.module} no es un módulo de las fases")
        if not item.id.startswith(f"e{item.module}-"):
            problems.append(f"{where}.id: «{item.id}» debe empezar por e{item.module}-")
    if problems:
        raise InterviewError(f"{path}:\n" + "\n".join(f"  - {p}" for p in problems))
    return list(parsed.questions)


def load_bank(path: Path | None = None) -> list[Question]:
    """Load ``assets/interview_bank.yaml`` (or ``path``).

    Raises:
        InterviewError: if the file is missing, is not YAML or breaks the schema.
    """
    source = path or assets_dir() / BANK_FILE
    data = read_yaml(source, InterviewError)
    return parse_bank(data, source)
