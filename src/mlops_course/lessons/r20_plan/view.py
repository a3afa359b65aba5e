"""The syllabus planner: weekly hours and a start date → the week-by-week table, live.

:func:`syllabus_html` is pure (unit-tested without a kernel); :class:`SyllabusPlanner` is a thin
ipywidgets view whose MIME bundle also carries the table at the course's pace as static
``text/html`` for viewers without a kernel.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from mlops_course.lessons.r20_plan.syllabus import Week, course_syllabus
from mlops_course.machinery.build.timing import format_duration
from mlops_course.machinery.roadmap import Roadmap

_STYLE = {"description_width": "initial"}


def syllabus_html(weeks: list[Week], roadmap: Roadmap, first_monday: dt.date | None) -> str:
    """The syllabus as an HTML table, with a warning when it leaves the seed's 16-20 weeks."""
    low, high = roadmap.min_total_weeks, roadmap.max_total_weeks
    note = f"<p><strong>{len(weeks)} semanas</strong>"
    if not low <= len(weeks) <= high:
        note += (
            f" · <strong>fuera de las {low}–{high} semanas del seed</strong>: "
            f"{'sube' if len(weeks) > high else 'baja'} tus horas por semana o acepta otro ritmo."
        )
    note += "</p>"
    rows = []
    for week in weeks:
        dates = ""
        if first_monday is not None:
            dates = f"{week.start(first_monday):%d/%m/%Y}"
        modules = "<br>".join(
            f"{html.escape(s.number)} {html.escape(s.title)}: {s.minutes} min"
            + (" <em>(presupuesto)</em>" if s.planned else "")
            for s in week.slots
        )
        rows.append(
            f"<tr><td>{week.number}</td><td>{dates}</td>"
            f"<td>{week.phase} · {html.escape(week.phase_name)}</td><td>{modules}</td>"
            f"<td>{format_duration(week.minutes)}</td></tr>"
        )
    head = "<tr><th>semana</th><th>empieza</th><th>fase</th><th>módulos</th><th>total</th></tr>"
    return (
        f'{note}<table class="mlops-syllabus"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


class SyllabusPlanner:
    """Slider (hours per week) + date picker (week 1) → the syllabus, re-rendered on change."""

    def __init__(self, roadmap: Roadmap, first_monday: dt.date | None = None) -> None:
        self.roadmap = roadmap
        self.hours = widgets.FloatSlider(
            value=float(roadmap.reference_hours_per_week), min=2.0, max=20.0, step=0.5,
            description="Horas/semana", style=_STYLE,
        )  # fmt: skip
        self.start = widgets.DatePicker(value=first_monday, description="Semana 1", style=_STYLE)
        self.output = widgets.HTML()
        self.refresh()
        self.static_html = f'<div class="mlops-syllabus-static">{self.output.value}</div>'
        self.hours.observe(self._on_change, names="value")
        self.start.observe(self._on_change, names="value")
        self.widget = widgets.VBox([widgets.HBox([self.hours, self.start]), self.output])
        self.widget.add_class("mlops-syllabus-planner")

    def weeks(self) -> list[Week]:
        """The syllabus at the slider's hours."""
        return course_syllabus(self.roadmap, float(self.hours.value))

    def refresh(self) -> None:
        """Re-render the table."""
        start = self.start.value if isinstance(self.start.value, dt.date) else None
        self.output.value = syllabus_html(self.weeks(), self.roadmap, start)

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus the syllabus at the course's pace as static HTML."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = "Plan de estudios (widget): ejecuta la celda en JupyterLab."
        return bundle
