"""The generic part of every recommendation: validated inputs, a scoring board and the result.

Each aid (see :mod:`mlops_course.machinery.decision_aids.aids`) declares

* an inputs model (subclass of :class:`AidInputs`): typed, frozen, and *its errors speak Spanish*
  — negative traffic, NaN, an unknown choice or a stray key raise :class:`InputError`
  (a ``ValueError``) naming the input;
* a thresholds model (subclass of
:class:`~mlops_course.machinery.decision_aids.schema.AidThresholds`)
  validated from the ``thresholds`` section of its YAML file;
* a pure ``score(inputs, thresholds, board)`` function that adds points, reasons and warnings to
  the options on a :class:`Board`.

:class:`AidLogic` ties the three together. The result is a :class:`Recommendation`: every option,
ranked by score (ties go to the option listed first in the YAML file, which by convention is the
simplest one: "no añadimos complejidad sin justificar el ROI"), each with its reasons (Spanish
sentences that quote the inputs and thresholds) and its warnings. Same inputs → same result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from mlops_course.machinery.decision_aids.schema import (
    DecisionAid,
    InputError,
    describe_error,
    field_path,
)

__all__ = [
    "AidInputs",
    "AidLogic",
    "Board",
    "InputError",
    "Reason",
    "Recommendation",
    "ScoredOption",
]


class AidInputs(BaseModel):
    """Base of every aid's inputs: immutable, no unknown keys, no NaN/∞, no bools as numbers.

    Building one (``Inputs(...)`` or :meth:`from_values`) raises :class:`InputError` in Spanish
    instead of pydantic's English ``ValidationError``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _input_error(type(self), exc) from None

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> Self:
        """Validate a mapping of input values (e.g. the widget's current values)."""
        return cls(**{str(key): value for key, value in values.items()})

    @model_validator(mode="before")
    @classmethod
    def _no_bools_as_numbers(cls, data: object) -> object:
        """``True`` is not a traffic figure: reject bools given to non-boolean fields."""
        if isinstance(data, Mapping):
            for name, info in cls.model_fields.items():
                if isinstance(data.get(name), bool) and info.annotation is not bool:
                    raise ValueError(
                        f"{name}: debe ser un número o una opción, no verdadero/falso "
                        f"(es {data[name]!r})"
                    )
        return data


def _input_error(model: type[BaseModel], exc: ValidationError) -> InputError:
    """Spanish :class:`InputError` listing everything wrong with the inputs given to ``model``."""
    known = ", ".join(model.model_fields)
    problems = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        name = str(loc[0]) if loc else ""
        if error.get("type") == "extra_forbidden":
            problem = f"entrada desconocida (las entradas son: {known})"
        else:
            problem = describe_error(error)
        problems.append((field_path(loc) if loc else "", problem, name))
    lines = [f"{path}: {problem}" if path else problem for path, problem, _ in problems]
    return InputError(
        "Entradas no válidas: " + "; ".join(lines) + ".",
        tuple((name, problem) for _, problem, name in problems),
    )


@dataclass(frozen=True)
class Reason:
    """One Spanish sentence explaining a score change (``points`` > 0 favours the option)."""

    text: str
    points: int


@dataclass(frozen=True)
class ScoredOption:
    """An option of the aid after scoring, with everything that explains its score."""

    option_id: str
    name: str
    score: int
    reasons: tuple[Reason, ...]
    warnings: tuple[str, ...]

    @property
    def pros(self) -> tuple[str, ...]:
        """Reasons in favour (positive points)."""
        return tuple(reason.text for reason in self.reasons if reason.points > 0)

    @property
    def cons(self) -> tuple[str, ...]:
        """Reasons against (negative points)."""
        return tuple(reason.text for reason in self.reasons if reason.points < 0)


@dataclass(frozen=True)
class Recommendation:
    """The ranked options for one set of inputs (``ranking[0]`` is the recommendation)."""

    aid_id: str
    inputs: Mapping[str, object]
    ranking: tuple[ScoredOption, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def best(self) -> ScoredOption:
        """The recommended option."""
        return self.ranking[0]

    @property
    def rejected(self) -> tuple[ScoredOption, ...]:
        """The other options, best first."""
        return self.ranking[1:]

    def scores(self) -> dict[str, int]:
        """Score of every option, keyed by option id."""
        return {option.option_id: option.score for option in self.ranking}


class Board:
    """Accumulates points, reasons and warnings per option while an aid scores its inputs."""

    def __init__(self, aid: DecisionAid[Any]) -> None:
        self._aid = aid
        self._order = [option.id for option in aid.options]
        self._points = dict.fromkeys(self._order, 0)
        self._reasons: dict[str, list[Reason]] = {option_id: [] for option_id in self._order}
        self._warnings: dict[str, list[str]] = {option_id: [] for option_id in self._order}
        self._notes: list[str] = []

    def cell(self, option_id: str, criterion_id: str) -> str:
        """The matrix text of ``option_id`` for ``criterion_id`` (to quote it in a reason)."""
        return self._aid.option(option_id).cells[criterion_id]

    def _check(self, option_id: str) -> None:
        if option_id not in self._points:
            raise KeyError(f"La ayuda {self._aid.id!r} no tiene la opción {option_id!r}.")

    def add(self, option_id: str, points: int, reason: str) -> None:
        """Add ``points`` (may be 0 or negative) to ``option_id``, explained by ``reason``."""
        self._check(option_id)
        self._points[option_id] += points
        self._reasons[option_id].append(Reason(reason, points))

    def warn(self, option_id: str, warning: str) -> None:
        """Attach a warning ("cuidado: …") that these inputs raise for ``option_id``."""
        self._check(option_id)
        self._warnings[option_id].append(warning)

    def note(self, text: str) -> None:
        """A general note about the result (e.g. which side of a boundary applied)."""
        self._notes.append(text)

    def result(self, inputs: BaseModel) -> Recommendation:
        """The ranking: by score, then by the option's position in the YAML file."""
        order = sorted(self._order, key=lambda oid: (-self._points[oid], self._order.index(oid)))
        ranking = tuple(
            ScoredOption(
                option_id=oid,
                name=self._aid.option(oid).name,
                score=self._points[oid],
                reasons=tuple(self._reasons[oid]),
                warnings=tuple(self._warnings[oid]),
            )
            for oid in order
        )
        return Recommendation(self._aid.id, inputs.model_dump(), ranking, tuple(self._notes))


InputsT = TypeVar("InputsT", bound=AidInputs)
ThresholdsT = TypeVar("ThresholdsT", bound=BaseModel)


@dataclass(frozen=True)
class AidLogic(Generic[InputsT, ThresholdsT]):
    """The code side of one aid: its models and its pure scoring function."""

    aid_id: str
    inputs_model: type[InputsT]
    thresholds_model: type[ThresholdsT]
    score: Callable[[InputsT, ThresholdsT, Board], None]

    def recommend(self, aid: DecisionAid[ThresholdsT], inputs: InputsT) -> Recommendation:
        """Rank the options of ``aid`` for ``inputs`` (pure and deterministic)."""
        if aid.id != self.aid_id:
            raise ValueError(f"Esta lógica es de la ayuda {self.aid_id!r}, no de {aid.id!r}.")
        board = Board(aid)
        self.score(inputs, aid.thresholds, board)
        return board.result(inputs)

    def parse_inputs(
        self, aid: DecisionAid[ThresholdsT], values: Mapping[str, object] | None = None
    ) -> InputsT:
        """The aid's defaults overridden by ``values``, validated.

        Raises:
            InputError: naming each input that makes no sense.
        """
        merged = aid.default_values() | dict(values or {})
        return self.inputs_model(**merged)

    def run(
        self, aid: DecisionAid[ThresholdsT], values: Mapping[str, object] | None = None
    ) -> Recommendation:
        """:meth:`parse_inputs` then :meth:`recommend`."""
        return self.recommend(aid, self.parse_inputs(aid, values))
