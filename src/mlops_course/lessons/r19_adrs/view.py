"""The browsable view of the course's ADRs: filters (module, tool, status) over an HTML table.

:func:`filter_adrs` and :func:`adrs_html` are pure (unit-tested without a kernel);
:class:`AdrBrowser` is a thin ipywidgets view over them whose MIME bundle also carries the
whole table as static ``text/html``, so a viewer without a kernel (nbconvert HTML, GitHub)
still shows every ADR.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from mlops_course.lessons.r19_adrs.catalog import CourseAdr, StudentAdr
from mlops_course.lessons.r19_adrs.sections import SECTIONS, split_sections

ALL = "(todos)"
_STYLE = {"description_width": "initial"}


def filter_adrs(
    records: Sequence[CourseAdr],
    module: str = ALL,
    tool: str = ALL,
    status: str = ALL,
) -> list[CourseAdr]:
    """The records that match every filter (:data:`ALL` matches anything)."""
    return [
        r
        for r in records
        if module in (ALL, r.module)
        and (tool == ALL or tool in r.tools)
        and status in (ALL, r.status)
    ]


def _details(record: CourseAdr) -> str:
    if record.kind == "worked_example":
        return "<em>Respuesta modelo de una respuesta escrita: su texto es la solución.</em>"
    sections = split_sections(record.text)
    parts = []
    for name in SECTIONS:
        body = sections.get(name)
        shown = html.escape(body) if body else "<strong>(falta)</strong>"
        parts.append(f"<p><strong>{name}</strong></p><pre>{shown}</pre>")
    return f"<details><summary>ver el ADR</summary>{''.join(parts)}</details>"


def adrs_html(records: Sequence[CourseAdr]) -> str:
    """An HTML table of ``records``: id, module, title (with the ADR), status, kind, tools."""
    if not records:
        return "<p>Ningún ADR cumple los filtros.</p>"
    rows = []
    for r in records:
        kind = "decisión" if r.kind == "decision" else "respuesta modelo"
        missing = f" <strong>falta: {', '.join(r.missing)}</strong>" if r.missing else ""
        rows.append(
            "<tr>"
            f"<td><code>{html.escape(r.id)}</code></td>"
            f"<td>{html.escape(r.module)}<br><small>{html.escape(r.module_title)}</small></td>"
            f"<td>{html.escape(r.title)}{missing}{_details(r)}</td>"
            f"<td>{html.escape(r.status)}</td><td>{kind}</td>"
            f"<td>{html.escape(', '.join(r.tools)) or '—'}</td>"
            "</tr>"
        )
    head = "<tr><th>id</th><th>módulo</th><th>título</th><th>estado</th><th>tipo</th>"
    head += "<th>herramientas</th></tr>"
    return (
        f'<table class="mlops-adr-table"><thead>{head}</thead><tbody>{"".join(rows)}'
        f"</tbody></table><p>{len(records)} ADR.</p>"
    )


def student_adrs_html(records: Sequence[StudentAdr]) -> str:
    """An HTML table of the student's exported ADRs (or how to export one, if there are none)."""
    if not records:
        return (
            "<p>Aún no exportaste ningún ADR: en una ayuda de decisión (módulos 03, 05, 10, "
            "12…) haz clic en «Exportar ADR» y vuelve a ejecutar esta celda.</p>"
        )
    rows = "".join(
        f"<tr><td><code>{html.escape(r.id)}</code></td><td>{html.escape(r.module)}</td>"
        f"<td>{html.escape(r.title)}</td><td>{html.escape(r.status)}</td>"
        f"<td>{html.escape(r.date)}</td>"
        f"<td>{html.escape(', '.join(r.missing)) or 'completo'}</td></tr>"
        for r in records
    )
    head = "<tr><th>id</th><th>módulo</th><th>título</th><th>estado</th><th>fecha</th>"
    head += "<th>secciones que faltan</th></tr>"
    return f'<table class="mlops-adr-student"><thead>{head}</thead><tbody>{rows}</tbody></table>'


class AdrBrowser:
    """Three dropdowns (module, tool, status) → the matching ADRs, re-rendered on every change.

    Display it as the last expression of a cell; without a kernel the static fallback shows
    every ADR and the student's list.
    """

    def __init__(self, records: Sequence[CourseAdr], student: Sequence[StudentAdr] = ()) -> None:
        self.records = list(records)
        modules = sorted({r.module for r in self.records})
        tools = sorted({t for r in self.records for t in r.tools}, key=str.lower)
        statuses = sorted({r.status for r in self.records})
        self.module = widgets.Dropdown(options=[ALL, *modules], description="Módulo", style=_STYLE)
        self.tool = widgets.Dropdown(options=[ALL, *tools], description="Herramienta", style=_STYLE)
        self.status = widgets.Dropdown(options=[ALL, *statuses], description="Estado", style=_STYLE)
        self.output = widgets.HTML()
        self.student_html = student_adrs_html(student)
        self.refresh()
        self.static_html = (
            f'<div class="mlops-adr-static">{self.output.value}'
            f"<h4>Tus ADR exportados</h4>{self.student_html}</div>"
        )
        for control in (self.module, self.tool, self.status):
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox(
            [
                widgets.HBox([self.module, self.tool, self.status]),
                self.output,
                widgets.HTML(f"<h4>Tus ADR exportados</h4>{self.student_html}"),
            ]
        )
        self.widget.add_class("mlops-adr-browser")

    def selected(self) -> list[CourseAdr]:
        """The records the current filters select."""
        return filter_adrs(
            self.records, str(self.module.value), str(self.tool.value), str(self.status.value)
        )

    def refresh(self) -> None:
        """Re-render the table for the current filters."""
        self.output.value = adrs_html(self.selected())

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus the whole catalog as static ``text/html``."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = f"Catálogo de ADR (widget): {len(self.records)} ADR del curso."
        return bundle
