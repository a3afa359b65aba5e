"""The course roadmap (7 phases, modules 00-17, resources 18-23), loaded from assets/roadmap.yaml.

The YAML file is the single source of truth; this module turns it into frozen dataclasses and
checks it, so that a malformed file fails early with a Spanish message naming the file and the
field (e.g. ``phases[2].weeks.start``).

:func:`study_plan` fits the phases into the weeks a given number of study hours per week needs
(module 00 shows it with the study planner widget).

The assets folder is ``<repository>/assets`` (this package lives at ``src/mlops_course``), unless
the ``MLOPS_ASSETS_DIR`` environment variable points elsewhere (see :func:`assets_dir`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mlops_course.machinery.workspace import find_course_root

ASSETS_ENV_VAR = "MLOPS_ASSETS_DIR"
ROADMAP_FILE = "roadmap.yaml"
SUPPORTED_SCHEMA_VERSION = 1
MAX_WEEKLY_HOURS = 80
"""Most hours of study per week a plan accepts (more is not a realistic plan)."""


class RoadmapError(ValueError):
    """A roadmap file that is missing, unreadable or does not follow the expected schema."""


ESTIMATE_STATUSES = ("measured", "planned")


@dataclass(frozen=True)
class Estimate:
    """Estimated study time of a module or resource, in minutes, split as in its header.

    ``status`` is ``"measured"`` (counted on the written module with the rule documented in
    ``assets/roadmap.yaml``) or ``"planned"`` (a budget for a module not written yet).
    """

    reading: int
    exercises: int
    written: int
    status: str

    @property
    def minutes(self) -> int:
        """Total minutes: reading and demos + exercises + written answer and deliverable."""
        return self.reading + self.exercises + self.written

    @property
    def hours(self) -> float:
        """Total hours."""
        return self.minutes / 60


@dataclass(frozen=True)
class CourseModule:
    """One module of a phase: number (``"05"``), slug, title, deliverable and time estimate."""

    number: str
    slug: str
    title: str
    deliverable: str
    estimate: Estimate


@dataclass(frozen=True)
class Resource:
    """One resource module (18-23): reference material outside the weekly calendar."""

    number: str
    slug: str
    title: str
    description: str
    estimate: Estimate


@dataclass(frozen=True)
class Phase:
    """One phase of the roadmap with the seed's week range (inclusive, 1-based)."""

    number: int
    name: str
    objective: str
    senior_mindset: str
    week_start: int
    week_end: int
    modules: tuple[CourseModule, ...]

    @property
    def seed_weeks(self) -> int:
        """Number of weeks the seed's calendar gives this phase."""
        return self.week_end - self.week_start + 1

    @property
    def hours(self) -> float:
        """Estimated hours of the phase: the sum of its modules' estimates."""
        return sum(module.estimate.minutes for module in self.modules) / 60


@dataclass(frozen=True)
class Roadmap:
    """The whole course plan: phases, resources, total length and reference effort."""

    title: str
    source: str
    min_total_weeks: int
    max_total_weeks: int
    reference_hours_per_week: int
    reference_effort_note: str
    phases: tuple[Phase, ...]
    resources: tuple[Resource, ...]

    @property
    def seed_total_weeks(self) -> int:
        """Weeks of the seed's calendar (the sum of the phases' week ranges)."""
        return sum(phase.seed_weeks for phase in self.phases)

    @property
    def estimated_hours(self) -> float:
        """Estimated hours of the calendar: every phase's modules (resources excluded)."""
        return sum(phase.hours for phase in self.phases)

    @property
    def modules(self) -> tuple[CourseModule, ...]:
        """Every module of every phase, in order."""
        return tuple(module for phase in self.phases for module in phase.modules)

    def phase_of(self, module_number: str) -> Phase:
        """Return the phase that contains module ``module_number`` (e.g. ``"07"``).

        Raises:
            KeyError: if no phase contains that module.
        """
        for phase in self.phases:
            if any(module.number == module_number for module in phase.modules):
                return phase
        raise KeyError(f"Ninguna fase contiene el módulo {module_number!r}.")


def assets_dir() -> Path:
    """Return the assets folder.

    Resolution order: ``$MLOPS_ASSETS_DIR`` if set; ``<repository>/assets`` next to the source tree
    (``src/mlops_course/machinery`` → ``../../../assets``) if it exists; else ``assets/`` in the
    course root
    (nearest ancestor of the current directory holding ``nbgrader_config.py``), which covers a
    non-editable install; else the repository path, so that errors name the expected location.
    """
    override = os.environ.get(ASSETS_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    beside_sources = Path(__file__).resolve().parents[3] / "assets"
    if beside_sources.is_dir():
        return beside_sources
    course = find_course_root()
    if course is not None and (course / "assets").is_dir():
        return course / "assets"
    return beside_sources


class _Reader:
    """Typed accessors over the raw YAML that report errors as ``<file>: campo '<path>' ...``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, problem: str) -> RoadmapError:
        """Build the error for ``field`` (a dotted path such as ``phases[0].name``)."""
        return RoadmapError(f"{self.path}: el campo '{field}' {problem}.")

    def mapping(self, value: object, field: str) -> Mapping[str, Any]:
        """Return ``value`` if it is a mapping, else raise."""
        if not isinstance(value, Mapping):
            raise self.fail(field, f"debe ser un mapeo clave: valor (es {_kind(value)})")
        return value

    def get(self, data: Mapping[str, Any], key: str, field: str) -> object:
        """Return ``data[key]`` or raise if the key is missing."""
        if key not in data:
            raise self.fail(field, "falta")
        value: object = data[key]
        return value

    def text(self, data: Mapping[str, Any], key: str, field: str) -> str:
        """A non-empty string."""
        value = self.get(data, key, field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"debe ser un texto no vacío (es {_kind(value)})")
        return value.strip()

    def integer(self, data: Mapping[str, Any], key: str, field: str, minimum: int) -> int:
        """An integer (not a bool) greater than or equal to ``minimum``."""
        value = self.get(data, key, field)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"debe ser un número entero (es {_kind(value)})")
        if value < minimum:
            raise self.fail(field, f"debe ser mayor o igual que {minimum} (es {value})")
        return value

    def items(self, data: Mapping[str, Any], key: str, field: str) -> list[object]:
        """A non-empty list."""
        value = self.get(data, key, field)
        if not isinstance(value, list) or not value:
            raise self.fail(field, f"debe ser una lista no vacía (es {_kind(value)})")
        return value

    def number_code(self, data: Mapping[str, Any], key: str, field: str) -> str:
        """A two-digit module number written as text, e.g. ``"05"``."""
        raw = self.get(data, key, field)
        value = raw.strip() if isinstance(raw, str) else ""
        if len(value) != 2 or not value.isdigit():
            raise self.fail(
                field, f'debe ser un número de dos cifras entre comillas, como "05" (es {raw!r})'
            )
        return value


def _kind(value: object) -> str:
    """Spanish description of a YAML value's type, for error messages."""
    if value is None:
        return "vacío"
    names = {
        bool: "un booleano",
        int: "un entero",
        float: "un decimal",
        str: "un texto",
        list: "una lista",
        dict: "un mapeo",
    }
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _estimate(reader: _Reader, raw: object, field: str) -> Estimate:
    data = reader.mapping(raw, field)
    status = reader.text(data, "status", f"{field}.status")
    if status not in ESTIMATE_STATUSES:
        raise reader.fail(f"{field}.status", f"debe ser measured o planned (es {status!r})")
    estimate = Estimate(
        reading=reader.integer(data, "reading", f"{field}.reading", minimum=0),
        exercises=reader.integer(data, "exercises", f"{field}.exercises", minimum=0),
        written=reader.integer(data, "written", f"{field}.written", minimum=0),
        status=status,
    )
    if estimate.minutes == 0:
        raise reader.fail(field, "debe sumar más de 0 minutos")
    return estimate


def _module(reader: _Reader, raw: object, field: str) -> CourseModule:
    data = reader.mapping(raw, field)
    return CourseModule(
        number=reader.number_code(data, "number", f"{field}.number"),
        slug=reader.text(data, "slug", f"{field}.slug"),
        title=reader.text(data, "title", f"{field}.title"),
        deliverable=reader.text(data, "deliverable", f"{field}.deliverable"),
        estimate=_estimate(
            reader, reader.get(data, "estimate", f"{field}.estimate"), f"{field}.estimate"
        ),
    )


def _resource(reader: _Reader, raw: object, field: str) -> Resource:
    data = reader.mapping(raw, field)
    return Resource(
        number=reader.number_code(data, "number", f"{field}.number"),
        slug=reader.text(data, "slug", f"{field}.slug"),
        title=reader.text(data, "title", f"{field}.title"),
        description=reader.text(data, "description", f"{field}.description"),
        estimate=_estimate(
            reader, reader.get(data, "estimate", f"{field}.estimate"), f"{field}.estimate"
        ),
    )


def _phase(reader: _Reader, raw: object, field: str) -> Phase:
    data = reader.mapping(raw, field)
    weeks = reader.mapping(reader.get(data, "weeks", f"{field}.weeks"), f"{field}.weeks")
    start = reader.integer(weeks, "start", f"{field}.weeks.start", minimum=1)
    end = reader.integer(weeks, "end", f"{field}.weeks.end", minimum=1)
    if end < start:
        raise reader.fail(f"{field}.weeks.end", f"no puede ser anterior a weeks.start ({start})")
    modules = reader.items(data, "modules", f"{field}.modules")
    return Phase(
        number=reader.integer(data, "number", f"{field}.number", minimum=1),
        name=reader.text(data, "name", f"{field}.name"),
        objective=reader.text(data, "objective", f"{field}.objective"),
        senior_mindset=reader.text(data, "senior_mindset", f"{field}.senior_mindset"),
        week_start=start,
        week_end=end,
        modules=tuple(
            _module(reader, item, f"{field}.modules[{i}]") for i, item in enumerate(modules)
        ),
    )


def _check_consistency(reader: _Reader, roadmap: Roadmap) -> None:
    """Cross-field rules: numbering, contiguous calendar, unique modules, length within range."""
    previous_end = 0
    for index, phase in enumerate(roadmap.phases):
        if phase.number != index + 1:
            raise reader.fail(
                f"phases[{index}].number", f"debe ser {index + 1}: las fases van numeradas en orden"
            )
        if phase.week_start != previous_end + 1:
            raise reader.fail(
                f"phases[{index}].weeks.start",
                f"debe ser {previous_end + 1}: el calendario no puede tener huecos ni solapes "
                f"(la fase anterior acaba en la semana {previous_end})",
            )
        previous_end = phase.week_end
    numbers = [m.number for m in roadmap.modules] + [r.number for r in roadmap.resources]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        raise reader.fail("phases[].modules[].number", f"tiene números repetidos: {repeated}")
    if roadmap.max_total_weeks < roadmap.min_total_weeks:
        raise reader.fail(
            "total_weeks.max", f"no puede ser menor que total_weeks.min ({roadmap.min_total_weeks})"
        )
    if not roadmap.min_total_weeks <= roadmap.seed_total_weeks <= roadmap.max_total_weeks:
        raise reader.fail(
            "phases[].weeks",
            f"suma {roadmap.seed_total_weeks} semanas, fuera de total_weeks "
            f"({roadmap.min_total_weeks}-{roadmap.max_total_weeks})",
        )


def parse_roadmap(data: object, path: Path) -> Roadmap:
    """Build a :class:`Roadmap` from already-parsed YAML ``data`` (``path`` is for messages).

    Raises:
        RoadmapError: naming ``path`` and the offending field.
    """
    reader = _Reader(path)
    if not isinstance(data, Mapping):
        raise RoadmapError(f"{path}: el archivo debe contener un mapeo YAML (es {_kind(data)}).")
    version = reader.integer(data, "schema_version", "schema_version", minimum=1)
    if version != SUPPORTED_SCHEMA_VERSION:
        raise reader.fail("schema_version", f"debe ser {SUPPORTED_SCHEMA_VERSION} (es {version})")
    total = reader.mapping(reader.get(data, "total_weeks", "total_weeks"), "total_weeks")
    effort = reader.mapping(
        reader.get(data, "reference_effort", "reference_effort"), "reference_effort"
    )
    phases = reader.items(data, "phases", "phases")
    resources = data.get("resources") or []
    if not isinstance(resources, list):
        raise reader.fail("resources", f"debe ser una lista (es {_kind(resources)})")
    roadmap = Roadmap(
        title=reader.text(data, "title", "title"),
        source=reader.text(data, "source", "source"),
        min_total_weeks=reader.integer(total, "min", "total_weeks.min", minimum=1),
        max_total_weeks=reader.integer(total, "max", "total_weeks.max", minimum=1),
        reference_hours_per_week=reader.integer(
            effort, "hours_per_week", "reference_effort.hours_per_week", minimum=1
        ),
        reference_effort_note=reader.text(effort, "note", "reference_effort.note"),
        phases=tuple(_phase(reader, item, f"phases[{i}]") for i, item in enumerate(phases)),
        resources=tuple(
            _resource(reader, item, f"resources[{i}]") for i, item in enumerate(resources)
        ),
    )
    _check_consistency(reader, roadmap)
    return roadmap


def load_roadmap(path: Path | None = None) -> Roadmap:
    """Load and validate the roadmap (default: ``roadmap.yaml`` in :func:`assets_dir`).

    Raises:
        RoadmapError: if the file is missing, is not valid YAML or breaks the schema; the message
            (in Spanish) names the file and the field.
    """
    target = path if path is not None else assets_dir() / ROADMAP_FILE
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RoadmapError(
            f"{target}: no existe el archivo del roadmap. Comprueba la carpeta assets/ "
            f"o la variable de entorno {ASSETS_ENV_VAR}."
        ) from None
    except OSError as exc:
        raise RoadmapError(f"{target}: no se puede leer el archivo del roadmap ({exc}).") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RoadmapError(f"{target}: no es YAML válido: {exc}") from exc
    return parse_roadmap(data, target)


def study_plan(weekly_hours: float, roadmap: Roadmap) -> list[dict[str, Any]]:
    """Fit the roadmap's phases into the weeks that ``weekly_hours`` of study per week need.

    Each phase weighs ``phase.seed_weeks * roadmap.reference_hours_per_week`` hours (``H`` in
    total); the plan lasts ``T = max(min_total_weeks, ceil(H / weekly_hours))`` weeks and phase
    ``i`` ends in week ``floor(T * C_i / H + 0.5)``, ``C_i`` being the hours up to it included
    (rounding the cumulative end, not each length, keeps the phases contiguous and their sum
    exact). At the reference pace the plan is the seed's calendar.

    Returns:
        One dict per phase, in order: ``phase``, ``name``, ``start_week``, ``end_week``.

    Raises:
        TypeError: if ``weekly_hours`` is not a number.
        ValueError: if ``weekly_hours`` is not in (0, 80], or the course does not fit in
            ``max_total_weeks`` (the message says how many hours per week it needs).
    """
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, int | float):
        kind = type(weekly_hours).__name__
        raise TypeError(f"weekly_hours debe ser un número de horas (int o float), no {kind}.")
    if not math.isfinite(weekly_hours) or not 0 < weekly_hours <= MAX_WEEKLY_HOURS:
        raise ValueError(
            f"weekly_hours debe estar entre 0 (excluido) y {MAX_WEEKLY_HOURS}; "
            f"recibido {weekly_hours}."
        )
    efforts = [phase.seed_weeks * roadmap.reference_hours_per_week for phase in roadmap.phases]
    total_hours = sum(efforts)
    total_weeks = max(roadmap.min_total_weeks, math.ceil(total_hours / weekly_hours))
    if total_weeks > roadmap.max_total_weeks:
        needed = math.ceil(total_hours / roadmap.max_total_weeks)
        raise ValueError(
            f"Con {weekly_hours:g} h/semana el curso ({total_hours} h) ocupa {total_weeks} "
            f"semanas, más que el máximo de {roadmap.max_total_weeks}: necesitas al menos "
            f"{needed} h/semana."
        )
    plan: list[dict[str, Any]] = []
    start_week, cumulative = 1, 0
    for phase, phase_hours in zip(roadmap.phases, efforts, strict=True):
        cumulative += phase_hours
        end_week = math.floor(total_weeks * cumulative / total_hours + 0.5)
        plan.append(
            {
                "phase": phase.number,
                "name": phase.name,
                "start_week": start_week,
                "end_week": end_week,
            }
        )
        start_week = end_week + 1
    return plan
