"""Read a course data file (YAML under ``assets/``) and validate it against a pydantic model.

The glossary (resource 18), the bibliography (resource 23) and the interview bank (module 17)
are validated YAML files with the same failure modes: the file is missing or unreadable, it is
not YAML, or it breaks the schema. Each loader raises its own error class; the messages are the
same Spanish sentences, naming the file and, for the schema, every field that is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mlops_course.machinery.decision_aids.schema import validation_messages

Model = TypeVar("Model", bound=BaseModel)


def read_yaml(source: Path, error: type[ValueError]) -> object:
    """The YAML document in ``source``.

    Raises:
        error: the file cannot be read, or it is not valid YAML (Spanish message).
    """
    try:
        return yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{source}: no se puede leer ({exc.strerror}).") from None
    except yaml.YAMLError as exc:
        raise error(f"{source}: no es YAML válido: {exc}") from None


def validate(model: type[Model], data: object, path: Path, error: type[ValueError]) -> Model:
    """``data`` (the YAML of ``path``) as a ``model``.

    Raises:
        error: with one line per field that breaks the schema (Spanish message).
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = "\n".join(f"  - {m}" for m in validation_messages(exc))
        raise error(f"{path}: no cumple el esquema:\n{lines}") from None
