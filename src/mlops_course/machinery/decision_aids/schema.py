"""File format of a decision aid (``assets/decision_aids/<aid_id>.yaml``), its loader and errors.

A decision aid file holds everything that is *data*: the matrix (options × criteria with the cell
texts and the source of every row), the "cuándo NO usar" warnings of each option, the input spec
the widget builds its controls from, and the thresholds the recommendation function reads. The
logic that turns inputs into a ranking lives in :mod:`mlops_course.machinery.decision_aids.aids`.

Validation is done with pydantic v2 models (strict: YAML ``"5"`` is not the number ``5``) plus
cross-field checks. Every problem is reported as a :class:`DecisionAidError` whose Spanish
message names the file and the field path, one line per problem, e.g.::

    /…/assets/decision_aids/deployment.yaml: options[1].cells.cost_low_traffic: falta el campo

The folder is ``<assets>/decision_aids`` where ``<assets>`` is
:func:`mlops_course.machinery.roadmap.assets_dir` (``$MLOPS_ASSETS_DIR`` or
``<repository>/assets``).
"""

from __future__ import annotations

import math
import string
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from mlops_course.machinery.roadmap import ASSETS_ENV_VAR, assets_dir

AIDS_SUBDIR = "decision_aids"
SUPPORTED_SCHEMA_VERSION = 1
MAX_REPORTED_PROBLEMS = 12

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""A stable English identifier: lower case letters, digits and ``_``, starting with a letter."""

ModuleSlug = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}_[a-z0-9_]+$")]
"""A module folder name such as ``"12_despliegue_hibrido"``."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty text (surrounding blanks are removed)."""

InputKind = Literal["integer", "number", "boolean", "choice"]
WidgetKind = Literal["slider", "log_slider", "dropdown", "text", "checkbox", "toggle", "radio"]

ALLOWED_WIDGETS: Mapping[str, tuple[str, ...]] = {
    "integer": ("slider", "dropdown", "text"),
    "number": ("slider", "log_slider", "dropdown", "text"),
    "boolean": ("checkbox", "toggle"),
    "choice": ("dropdown", "radio"),
}
"""Widgets each input kind may use; the first one is the default."""

_NEEDS_RANGE = ("slider", "log_slider", "text")


class DecisionAidError(ValueError):
    """A decision-aid file that is missing, unreadable or breaks the schema (Spanish message)."""


class InputError(ValueError):
    """Inputs that make no sense for an aid (the Spanish message names each input).

    Attributes:
        problems: ``(input id, Spanish problem)`` pairs; the id is ``""`` for whole-input errors.
    """

    def __init__(self, message: str, problems: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class _FileModel(BaseModel):
    """Base of the file models: strict types, unknown keys rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class AidThresholds(_FileModel):
    """Base class of each aid's ``thresholds`` section (numbers the recommendation reads)."""


ThresholdsT = TypeVar("ThresholdsT")


class Criterion(_FileModel):
    """One row of the matrix: what is compared, and where the row's figures come from."""

    id: Identifier
    name: Text
    source: Text


class Option(_FileModel):
    """One column of the matrix: an alternative, its cells and when NOT to choose it."""

    id: Identifier
    name: Text
    summary: Text
    cells: dict[Identifier, Text]
    when_not: list[Text] = Field(min_length=1)


class InputValue(_FileModel):
    """One entry of a dropdown or radio input: the value passed to the logic and its label."""

    value: bool | int | float | str
    label: Text


class InputSpec(_FileModel):
    """One input of the aid: how the widget asks for it and what the logic receives."""

    id: Identifier
    label: Text
    kind: InputKind
    widget: WidgetKind | None = None
    default: bool | int | float | str
    help: str = ""
    unit: str = ""
    min: int | float | None = None
    max: int | float | None = None
    step: int | float | None = None
    values: list[InputValue] = Field(default_factory=list)

    @property
    def widget_kind(self) -> str:
        """The widget to build: the declared one or the kind's default."""
        return self.widget or ALLOWED_WIDGETS[self.kind][0]

    def value_label(self, value: object) -> str | None:
        """The label of ``value`` among :attr:`values`, if it has one."""
        for entry in self.values:
            if type(entry.value) is type(value) and entry.value == value:
                return entry.label
            if self.kind == "number" and _is_number(value) and entry.value == value:
                return entry.label
        return None


class DecisionAid(_FileModel, Generic[ThresholdsT]):
    """A whole decision-aid file. ``ThresholdsT`` is the aid's typed thresholds model."""

    schema_version: int
    id: Identifier
    title: Text
    question: Text
    summary: Text
    module: ModuleSlug
    source: Text
    adr_title: Text
    criteria: list[Criterion] = Field(min_length=1)
    options: list[Option] = Field(min_length=2)
    inputs: list[InputSpec] = Field(min_length=1)
    thresholds: ThresholdsT
    notes: list[Text] = Field(default_factory=list)

    def option(self, option_id: str) -> Option:
        """The option with id ``option_id``.

        Raises:
            KeyError: if there is none.
        """
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(f"La ayuda {self.id!r} no tiene la opción {option_id!r}.")

    def input(self, input_id: str) -> InputSpec:
        """The input spec with id ``input_id``.

        Raises:
            KeyError: if there is none.
        """
        for spec in self.inputs:
            if spec.id == input_id:
                return spec
        raise KeyError(f"La ayuda {self.id!r} no tiene la entrada {input_id!r}.")

    def default_values(self) -> dict[str, object]:
        """The default value of every input, keyed by input id."""
        return {spec.id: spec.default for spec in self.inputs}

    def title_for(self, option_name: str) -> str:
        """The ADR title with ``{option}`` replaced by ``option_name``."""
        return self.adr_title.replace("{option}", option_name)


# --- error messages ----------------------------------------------------------------------------


def field_path(loc: Iterable[int | str]) -> str:
    """Render a pydantic location (``('options', 1, 'x')`` → ``options[1].x``)."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            path += " (clave)"
        else:
            path += f".{part}" if path else part
    return path or "(raíz)"


def _kind(value: object) -> str:
    """Spanish name of the type of a YAML value."""
    if value is None:
        return "vacío"
    names: tuple[tuple[type, str], ...] = (
        (bool, "un booleano"),
        (int, "un entero"),
        (float, "un decimal"),
        (str, "un texto"),
        (list, "una lista"),
        (dict, "un mapeo"),
    )
    for kind, name in names:
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _spanish_or(expected: str) -> str:
    return expected.replace(" or ", " o ")


_PLAIN_MESSAGES: Mapping[str, str] = {
    "missing": "falta el campo",
    "extra_forbidden": "campo desconocido (¿una errata?)",
    "string_type": "debe ser un texto",
    "int_type": "debe ser un número entero",
    "int_parsing": "debe ser un número entero",
    "int_from_float": "debe ser un número entero",
    "float_type": "debe ser un número",
    "float_parsing": "debe ser un número",
    "finite_number": "debe ser un número finito (no NaN ni infinito)",
    "bool_type": "debe ser verdadero o falso (true/false)",
    "bool_parsing": "debe ser verdadero o falso (true/false)",
    "list_type": "debe ser una lista",
    "dict_type": "debe ser un mapeo clave: valor",
    "model_type": "debe ser un mapeo clave: valor",
    "model_attributes_type": "debe ser un mapeo clave: valor",
}


def describe_error(error: Mapping[str, Any]) -> str:
    """Spanish description of one pydantic error (without the field path)."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "falta el campo"
    if kind in _PLAIN_MESSAGES:
        text = _PLAIN_MESSAGES[kind]
    elif kind == "string_too_short":
        text = "no puede estar vacío"
    elif kind == "too_short":
        text = f"debe tener al menos {ctx.get('min_length')} elemento(s)"
    elif kind == "string_pattern_mismatch":
        text = (
            "debe ser un identificador en minúsculas (letras, cifras y _) con el formato "
            f"{ctx.get('pattern')}"
        )
    elif kind == "literal_error":
        text = f"debe ser uno de: {_spanish_or(str(ctx.get('expected')))}"
    elif kind == "greater_than_equal":
        text = f"debe ser mayor o igual que {ctx.get('ge')}"
    elif kind == "greater_than":
        text = f"debe ser mayor que {ctx.get('gt')}"
    elif kind == "less_than_equal":
        text = f"debe ser menor o igual que {ctx.get('le')}"
    elif kind == "less_than":
        text = f"debe ser menor que {ctx.get('lt')}"
    elif kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error.get("msg", "valor no válido")))
    else:
        text = f"valor no válido ({error.get('msg', kind)})"
    if isinstance(value, Mapping | list) or kind == "extra_forbidden":
        return text
    return f"{text} (es {value!r}, {_kind(value)})"


def validation_messages(exc: ValidationError) -> list[str]:
    """One ``<field path>: <problem>`` line per error of ``exc`` (no path for model errors)."""
    lines = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        problem = describe_error(error)
        lines.append(f"{field_path(loc)}: {problem}" if loc else problem)
    return lines


def _error(path: Path, problems: list[str]) -> DecisionAidError:
    shown = problems[:MAX_REPORTED_PROBLEMS]
    if len(problems) > len(shown):
        shown.append(f"… y {len(problems) - len(shown)} problema(s) más")
    return DecisionAidError("\n".join(f"{path}: {problem}" for problem in shown))


# --- cross-field checks ------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _value_fits(kind: str, value: object) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "choice":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return _is_number(value) and math.isfinite(float(value))  # type: ignore[arg-type]


_KIND_NAMES = {
    "boolean": "verdadero o falso",
    "choice": "un texto (el id de la opción)",
    "integer": "un número entero",
    "number": "un número finito",
}


def _duplicates(ids: list[str]) -> list[str]:
    return sorted({item for item in ids if ids.count(item) > 1})


def _check_input(spec: InputSpec, field: str) -> list[str]:
    problems: list[str] = []
    widget = spec.widget_kind
    if widget not in ALLOWED_WIDGETS[spec.kind]:
        allowed = ", ".join(ALLOWED_WIDGETS[spec.kind])
        problems.append(
            f"{field}.widget: '{widget}' no sirve para una entrada '{spec.kind}' (usa: {allowed})"
        )
        return problems
    if not _value_fits(spec.kind, spec.default):
        problems.append(f"{field}.default: debe ser {_KIND_NAMES[spec.kind]} (es {spec.default!r})")
        return problems
    if widget in ("dropdown", "radio"):
        if not spec.values:
            problems.append(f"{field}.values: falta la lista de valores del desplegable")
        for index, entry in enumerate(spec.values):
            if not _value_fits(spec.kind, entry.value):
                problems.append(
                    f"{field}.values[{index}].value: debe ser {_KIND_NAMES[spec.kind]} "
                    f"(es {entry.value!r})"
                )
        repeated = _duplicates([repr(entry.value) for entry in spec.values])
        if repeated:
            problems.append(f"{field}.values: valores repetidos {', '.join(repeated)}")
        if spec.values and spec.value_label(spec.default) is None:
            problems.append(f"{field}.default: {spec.default!r} no está entre los valores")
    if widget in _NEEDS_RANGE:
        if spec.min is None or spec.max is None:
            missing = "min" if spec.min is None else "max"
            problems.append(f"{field}.{missing}: falta el campo (el widget '{widget}' lo necesita)")
        elif not spec.min < spec.max:
            problems.append(f"{field}.max: debe ser mayor que min ({spec.min})")
        elif widget == "log_slider" and spec.min <= 0:
            problems.append(f"{field}.min: debe ser mayor que 0 en un 'log_slider'")
        elif not spec.min <= spec.default <= spec.max:  # type: ignore[operator]
            problems.append(
                f"{field}.default: {spec.default!r} está fuera del rango [{spec.min}, {spec.max}]"
            )
    if spec.step is not None and spec.step <= 0:
        problems.append(f"{field}.step: debe ser mayor que 0")
    return problems


def _check_title(aid: DecisionAid[Any]) -> list[str]:
    fields = [name for _, name, _, _ in string.Formatter().parse(aid.adr_title) if name is not None]
    if fields != ["option"]:
        return ["adr_title: debe contener exactamente un hueco {option} (el nombre de la opción)"]
    return []


def _check_consistency(aid: DecisionAid[Any], path: Path) -> list[str]:
    problems: list[str] = []
    if aid.schema_version != SUPPORTED_SCHEMA_VERSION:
        problems.append(
            f"schema_version: debe ser {SUPPORTED_SCHEMA_VERSION} (es {aid.schema_version})"
        )
    if aid.id != path.stem:
        problems.append(f"id: debe coincidir con el nombre del archivo ('{path.stem}')")
    problems += _check_title(aid)
    for name, ids in (
        ("criteria", [c.id for c in aid.criteria]),
        ("options", [o.id for o in aid.options]),
        ("inputs", [i.id for i in aid.inputs]),
    ):
        repeated = _duplicates(ids)
        if repeated:
            problems.append(f"{name}[].id: ids repetidos: {', '.join(repeated)}")
    criteria = [criterion.id for criterion in aid.criteria]
    for index, option in enumerate(aid.options):
        for criterion in criteria:
            if criterion not in option.cells:
                problems.append(f"options[{index}].cells.{criterion}: falta el campo")
        for key in option.cells:
            if key not in criteria:
                problems.append(
                    f"options[{index}].cells.{key}: criterio desconocido "
                    f"(los criterios son: {', '.join(criteria)})"
                )
    for index, spec in enumerate(aid.inputs):
        problems += _check_input(spec, f"inputs[{index}]")
    return problems


def _literal_values(annotation: object) -> tuple[object, ...] | None:
    """The allowed values of a ``Literal[...]`` annotation (``None`` if it is not one)."""
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)
    return None


def _check_against_model(aid: DecisionAid[Any], inputs_model: type[BaseModel]) -> list[str]:
    """The input spec must describe exactly the fields of the logic's inputs model."""
    problems: list[str] = []
    fields = inputs_model.model_fields
    declared = [spec.id for spec in aid.inputs]
    for name in fields:
        if name not in declared:
            problems.append(f"inputs: falta la entrada '{name}' (la recomendación la necesita)")
    for index, spec in enumerate(aid.inputs):
        field = f"inputs[{index}]"
        if spec.id not in fields:
            problems.append(
                f"{field}.id: '{spec.id}' no es una entrada de esta ayuda "
                f"(entradas: {', '.join(fields)})"
            )
            continue
        allowed = _literal_values(fields[spec.id].annotation)
        if allowed is not None:
            offered = [entry.value for entry in spec.values]
            for value in allowed:
                if value not in offered:
                    problems.append(f"{field}.values: falta la opción {value!r}")
            for position, value in enumerate(offered):
                if value not in allowed:
                    problems.append(
                        f"{field}.values[{position}].value: {value!r} no es una opción válida "
                        f"(válidas: {', '.join(map(repr, allowed))})"
                    )
    if problems:
        return problems
    try:
        inputs_model(**aid.default_values())  # __init__: AidInputs raises InputError
    except ValidationError as exc:
        pairs = [(str(e["loc"][0]) if e["loc"] else "", describe_error(e)) for e in exc.errors()]
        problems += _default_problems(declared, pairs)
    except InputError as exc:  # AidInputs translates its own errors
        problems += _default_problems(declared, list(exc.problems))
    return problems


def _default_problems(declared: list[str], pairs: list[tuple[str, str]]) -> list[str]:
    """``inputs[<i>].default: <problem>`` for each ``(input id, problem)`` pair."""
    return [
        f"inputs[{declared.index(name)}].default: {problem}"
        if name in declared
        else f"inputs[].default: {problem}"
        for name, problem in pairs
    ]


# --- loading -----------------------------------------------------------------------------------


def aids_dir() -> Path:
    """The folder of the decision-aid files: ``<assets>/decision_aids``."""
    return assets_dir() / AIDS_SUBDIR


def aid_path(aid_id: str) -> Path:
    """Where the file of ``aid_id`` lives (it may not exist)."""
    return aids_dir() / f"{aid_id}.yaml"


def parse_aid(
    data: object,
    path: Path,
    thresholds_model: type[ThresholdsT] | None = None,
    inputs_model: type[BaseModel] | None = None,
) -> DecisionAid[ThresholdsT]:
    """Validate already-parsed YAML ``data`` (``path`` names the file in messages).

    Args:
        data: the parsed YAML.
        path: the file it came from (messages start with it; its stem must equal ``id``).
        thresholds_model: the aid's typed thresholds model (``None``: any mapping).
        inputs_model: the aid's inputs model; the input spec must match its fields.

    Raises:
        DecisionAidError: one line per problem, each naming ``path`` and the field path.
    """
    if not isinstance(data, Mapping):
        raise _error(path, [f"el archivo debe contener un mapeo YAML (es {_kind(data)})"])
    model: type[DecisionAid[Any]] = (
        DecisionAid[thresholds_model]  # type: ignore[valid-type]
        if thresholds_model is not None
        else DecisionAid[dict[str, Any]]
    )
    try:
        aid = model.model_validate(data)
    except ValidationError as exc:
        raise _error(path, validation_messages(exc)) from None
    problems = _check_consistency(aid, path)
    if not problems and inputs_model is not None:
        problems = _check_against_model(aid, inputs_model)
    if problems:
        raise _error(path, problems)
    return aid


def read_yaml(path: Path) -> object:
    """Read and parse a YAML file, with Spanish errors naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DecisionAidError(
            f"{path}: no existe el archivo de la ayuda de decisión. Comprueba la carpeta "
            f"assets/{AIDS_SUBDIR}/ o la variable de entorno {ASSETS_ENV_VAR}."
        ) from None
    except OSError as exc:
        raise DecisionAidError(f"{path}: no se puede leer el archivo ({exc}).") from exc
    try:
        data: object = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DecisionAidError(f"{path}: no es YAML válido: {exc}") from exc
    return data


def load_aid_file(
    path: Path,
    thresholds_model: type[ThresholdsT] | None = None,
    inputs_model: type[BaseModel] | None = None,
) -> DecisionAid[ThresholdsT]:
    """Read, parse and validate the decision-aid file at ``path`` (see :func:`parse_aid`)."""
    return parse_aid(read_yaml(path), path, thresholds_model, inputs_model)
