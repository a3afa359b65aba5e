"""Study planner: a thin ipywidgets view over a study-plan function passed in by the notebook.

The plan itself is computed by a plan function: by default the course's rule,
:func:`mlops_course.machinery.roadmap.study_plan`; any function with the same signature can be
passed in (its errors and malformed plans are shown, never raised). The view:

* :func:`render_plan_html` — pure: a plan (list of per-phase dicts) → an HTML table with one
  Gantt-like bar per phase. Unit-tested without a kernel.
* :func:`plan_html` — calls the plan function safely and returns the plan or a Spanish error as
  HTML (a plan function not written yet raises ``NotImplementedError``: the view says so
  instead of failing).
* :class:`StudyPlanner` — a slider for weekly hours and a start-date picker that re-render on every
  change. Its MIME bundle also carries a static ``text/html`` rendering, so nbconvert HTML or a
  GitHub preview (no live kernel, no widget state) still shows the plan for the default hours.

Nothing here waits for input: building the widget returns immediately.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from mlops_course.machinery.roadmap import Roadmap, load_roadmap, study_plan

PlanFunction = Callable[[float, Roadmap], Sequence[Mapping[str, Any]]]
"""Signature of the plan function: ``(weekly_hours, roadmap) -> list of per-phase dicts``."""

PLAN_KEYS = ("phase", "name", "start_week", "end_week")
UNSOLVED_MESSAGE = "La función de plan todavía no está implementada."
MIN_HOURS = 1.0
MAX_HOURS = 80.0
HOURS_STEP = 0.5
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
_FILLED = "█"
_EMPTY = "·"


class PlanFormatError(ValueError):
    """A plan whose shape the view cannot draw (the message, in Spanish, says what is wrong)."""


@dataclass(frozen=True)
class PlanRow:
    """One phase of a plan, checked: 1-based inclusive week range."""

    phase: int
    name: str
    start_week: int
    end_week: int

    @property
    def weeks(self) -> int:
        """Number of weeks of this phase."""
        return self.end_week - self.start_week + 1


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def normalize_plan(plan: object) -> list[PlanRow]:
    """Check that ``plan`` is a non-empty list of per-phase dicts and return it as rows.

    Raises:
        PlanFormatError: naming the entry and the key that is wrong.
    """
    if isinstance(plan, str | bytes) or not isinstance(plan, Sequence):
        raise PlanFormatError(
            "study_plan debe devolver una lista de diccionarios (uno por fase); "
            f"ha devuelto {type(plan).__name__}."
        )
    if not plan:
        raise PlanFormatError("study_plan ha devuelto una lista vacía: falta una entrada por fase.")
    rows: list[PlanRow] = []
    for index, entry in enumerate(plan, start=1):
        if not isinstance(entry, Mapping):
            raise PlanFormatError(
                f"La entrada {index} del plan debe ser un diccionario con las claves "
                f"{', '.join(PLAN_KEYS)}; es {type(entry).__name__}."
            )
        missing = [key for key in PLAN_KEYS if key not in entry]
        if missing:
            raise PlanFormatError(
                f"A la entrada {index} del plan le faltan las claves: {', '.join(missing)}."
            )
        for key in ("phase", "start_week", "end_week"):
            if not _is_int(entry[key]):
                raise PlanFormatError(
                    f"En la entrada {index} del plan, '{key}' debe ser un entero; "
                    f"es {entry[key]!r}."
                )
        if not isinstance(entry["name"], str):
            raise PlanFormatError(f"En la entrada {index} del plan, 'name' debe ser un texto.")
        start, end = entry["start_week"], entry["end_week"]
        if start < 1 or end < start:
            raise PlanFormatError(
                f"En la entrada {index} del plan, las semanas {start}-{end} no forman un "
                "intervalo válido (start_week ≥ 1 y end_week ≥ start_week)."
            )
        rows.append(PlanRow(entry["phase"], entry["name"], start, end))
    return rows


def _fmt_hours(hours: float) -> str:
    return f"{hours:g}"


def _week_dates(start_date: dt.date, first_week: int, last_week: int) -> str:
    begin = start_date + dt.timedelta(weeks=first_week - 1)
    finish = start_date + dt.timedelta(weeks=last_week, days=-1)
    return f"{begin:%d/%m/%Y} – {finish:%d/%m/%Y}"


def render_plan_html(
    plan: object,
    weekly_hours: float,
    *,
    start_date: dt.date | None = None,
    horizon_weeks: int | None = None,
) -> str:
    """Render ``plan`` as an HTML table with one bar per phase (one ``█`` per week).

    The bars are text, so the table still reads correctly where CSS is stripped (GitHub).

    Args:
        plan: a list of dicts with keys ``phase``, ``name``, ``start_week``, ``end_week``.
        weekly_hours: hours of study per week, to show hours per phase.
        start_date: if given, a column with each phase's calendar dates (weeks start that day).
        horizon_weeks: draw at least this many week slots (e.g. the course maximum, 20).

    Raises:
        PlanFormatError: if ``plan`` does not have the expected shape.
    """
    rows = normalize_plan(plan)
    total_weeks = max(row.end_week for row in rows)
    slots = max(total_weeks, horizon_weeks or 0)
    head = ["Fase", "Nombre", "Semanas", "Horas"]
    if start_date is not None:
        head.append("Fechas")
    head.append(f"Calendario (semanas 1–{slots})")
    lines = [
        '<div class="mlops-study-plan">',
        f"<p><b>Plan a {_fmt_hours(weekly_hours)} h/semana</b>: {total_weeks} semanas, "
        f"≈ {_fmt_hours(round(total_weeks * weekly_hours))} h de estudio"
        + (
            f"; terminas hacia el {start_date + dt.timedelta(weeks=total_weeks, days=-1):%d/%m/%Y}"
            if start_date is not None
            else ""
        )
        + ".</p>",
        '<table style="border-collapse:collapse">',
        "<thead><tr>"
        + "".join(f'<th style="text-align:left;padding:2px 8px">{h}</th>' for h in head)
        + "</tr></thead>",
        "<tbody>",
    ]
    for index, row in enumerate(rows):
        color = _PALETTE[index % len(_PALETTE)]
        bar = (
            _EMPTY * (row.start_week - 1)
            + f'<span style="color:{color}">{_FILLED * row.weeks}</span>'
            + _EMPTY * (slots - row.end_week)
        )
        cells = [
            str(row.phase),
            html.escape(row.name),
            f"{row.start_week}–{row.end_week} ({row.weeks})",
            f"{_fmt_hours(row.weeks * weekly_hours)} h",
        ]
        if start_date is not None:
            cells.append(_week_dates(start_date, row.start_week, row.end_week))
        cells.append(f"<code>{bar}</code>")
        lines.append(
            "<tr>"
            + "".join(f'<td style="text-align:left;padding:2px 8px">{c}</td>' for c in cells)
            + "</tr>"
        )
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def render_error_html(message: str) -> str:
    """Render a Spanish message (e.g. the student's ``ValueError``) as a highlighted HTML box."""
    return (
        '<div class="mlops-study-plan-error" style="border-left:4px solid #d62728;'
        'padding:4px 8px"><b>No hay plan que mostrar.</b> '
        f"{html.escape(message)}</div>"
    )


def plan_html(
    plan_fn: PlanFunction,
    weekly_hours: float,
    roadmap: Roadmap,
    *,
    start_date: dt.date | None = None,
) -> str:
    """Call ``plan_fn(weekly_hours, roadmap)`` and render its plan, or its error, as HTML.

    Never raises because of the plan function: ``NotImplementedError`` (a plan function not
    written yet) gives :data:`UNSOLVED_MESSAGE`; any other exception is shown with its type and
    message; a plan with the wrong shape is explained.
    """
    try:
        plan = plan_fn(weekly_hours, roadmap)
    except NotImplementedError:
        return render_error_html(UNSOLVED_MESSAGE)
    except Exception as exc:  # the student's code: show whatever it raised
        return render_error_html(f"{type(exc).__name__}: {exc}")
    try:
        return render_plan_html(
            plan, weekly_hours, start_date=start_date, horizon_weeks=roadmap.max_total_weeks
        )
    except PlanFormatError as exc:
        return render_error_html(str(exc))


class StudyPlanner:
    """Slider (weekly hours) + date picker (start) → the plan of ``plan_fn``, re-rendered live.

    Display it as the last expression of a cell. In a live kernel it shows the widget; without
    one (nbconvert HTML, GitHub) the ``text/html`` fallback shows the plan for the initial hours.
    """

    def __init__(
        self,
        plan_fn: PlanFunction,
        roadmap: Roadmap,
        weekly_hours: float | None = None,
        start_date: dt.date | None = None,
    ) -> None:
        self.plan_fn = plan_fn
        self.roadmap = roadmap
        if weekly_hours is None:  # the course's pace, the one the modules' estimates fit
            weekly_hours = float(roadmap.reference_hours_per_week)
        self.hours = widgets.FloatSlider(
            value=min(max(weekly_hours, MIN_HOURS), MAX_HOURS),
            min=MIN_HOURS,
            max=MAX_HOURS,
            step=HOURS_STEP,
            description="Horas/semana",
            style={"description_width": "initial"},
        )
        self.start = widgets.DatePicker(
            value=start_date, description="Empiezo el", style={"description_width": "initial"}
        )
        self.output = widgets.HTML()
        self.refresh()
        self.static_html = self.output.value
        self.hours.observe(self._on_change, names="value")
        self.start.observe(self._on_change, names="value")
        self.widget = widgets.VBox([widgets.HBox([self.hours, self.start]), self.output])

    def html(self) -> str:
        """HTML of the plan for the current slider and date values."""
        start = self.start.value if isinstance(self.start.value, dt.date) else None
        return plan_html(self.plan_fn, float(self.hours.value), self.roadmap, start_date=start)

    def refresh(self) -> None:
        """Recompute the plan and update the HTML output."""
        self.output.value = self.html()

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus a static ``text/html`` fallback for kernel-less viewers."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = (
            "Planificador de estudio (widget): ejecuta la celda en JupyterLab para moverlo."
        )
        return bundle


def study_planner(
    plan_fn: PlanFunction = study_plan,
    roadmap: Roadmap | None = None,
    weekly_hours: float | None = None,
    start_date: dt.date | None = None,
) -> StudyPlanner:
    """Build the study planner for ``plan_fn`` (defaults: the course's rule and roadmap)."""
    return StudyPlanner(plan_fn, roadmap or load_roadmap(), weekly_hours, start_date)
