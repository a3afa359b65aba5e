"""The checklist as a table with filters (phase, status) and a button that inspects again.

:func:`filter_statuses`, :func:`summary` and :func:`checklist_html` are pure;
:class:`ChecklistBrowser` is a thin ipywidgets view whose MIME bundle also carries the whole list
as static ``text/html`` (for a view without a kernel).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import ipywidgets as widgets

from mlops_course.lessons.r22_checklist.inspection import STATES, ItemStatus

ALL: Final = "(todas)"
ICONS: Final = {"hecho": "✔", "falta": "✘", "sin verificar": "?"}
_STYLE = {"description_width": "initial"}


def filter_statuses(
    statuses: Sequence[ItemStatus], phase: int | str = ALL, state: str = ALL
) -> list[ItemStatus]:
    """The statuses of that phase (a number) and that state (:data:`ALL` matches anything)."""
    return [
        s for s in statuses if (phase == ALL or s.item.phase == phase) and state in (ALL, s.state)
    ]


def summary(statuses: Sequence[ItemStatus]) -> str:
    """«12 hechos · 5 faltan · 14 sin verificar (de 31)»."""
    count = {state: sum(s.state == state for s in statuses) for state in STATES}
    return (
        f"{count['hecho']} hechos · {count['falta']} faltan · "
        f"{count['sin verificar']} sin verificar (de {len(statuses)})"
    )


def checklist_html(statuses: Sequence[ItemStatus]) -> str:
    """An HTML table: state, item (with its id), module (linked), reason and evidence, taught."""
    if not statuses:
        return "<p>Ningún punto cumple los filtros.</p>"
    rows = []
    for s in statuses:
        item = s.item
        link = html.escape(item.link)
        detail = f"<p>{html.escape(s.reason)}</p>" if s.reason else ""
        if s.evidence:
            detail += "<ul>" + "".join(f"<li>{html.escape(e)}</li>" for e in s.evidence) + "</ul>"
        rows.append(
            f'<tr class="mlops-checklist-{s.state.replace(" ", "-")}">'
            f"<td>{ICONS[s.state]} {s.state}<br><small>{s.source}</small></td>"
            f"<td><strong>{html.escape(item.title)}</strong><br><code>{item.id}</code></td>"
            f'<td><a href="{link}" target="_blank" rel="noopener">{item.module}</a>'
            f"<br><small>fase {item.phase}</small></td>"
            f"<td>{detail}</td><td>{html.escape(item.taught)}</td></tr>"
        )
    head = (
        "<tr><th>estado</th><th>punto</th><th>módulo</th><th>motivo y evidencia</th>"
        "<th>dónde se enseña</th></tr>"
    )
    return (
        f'<table class="mlops-checklist-table"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table><p>{summary(statuses)}.</p>"
    )


class ChecklistBrowser:
    """Dropdowns (phase, status) over the checklist and a button that runs ``inspect`` again."""

    def __init__(
        self,
        statuses: Sequence[ItemStatus],
        inspect: Callable[[], Sequence[ItemStatus]] | None = None,
        phases: Mapping[int, str] | None = None,
    ) -> None:
        self.statuses = list(statuses)
        self._inspect = inspect
        numbers = sorted({s.item.phase for s in self.statuses})
        names = phases or {}
        options: list[tuple[str, int | str]] = [(ALL, ALL)]
        options += [(f"{n} · {names[n]}" if n in names else str(n), n) for n in numbers]
        self.phase = widgets.Dropdown(options=options, value=ALL, description="Fase",
                                      style=_STYLE)  # fmt: skip
        self.state = widgets.Dropdown(options=[ALL, *STATES], description="Estado", style=_STYLE)
        self.button = widgets.Button(description="Volver a inspeccionar", icon="refresh",
                                     disabled=inspect is None)  # fmt: skip
        self.output = widgets.HTML()
        self.refresh()
        self.static_html = f'<div class="mlops-checklist-static">{self.output.value}</div>'
        for control in (self.phase, self.state):
            control.observe(self._on_change, names="value")
        self.button.on_click(self._on_click)
        self.widget = widgets.VBox(
            [widgets.HBox([self.phase, self.state, self.button]), self.output]
        )
        self.widget.add_class("mlops-checklist")

    def selected(self) -> list[ItemStatus]:
        """The statuses the current filters select."""
        return filter_statuses(self.statuses, self.phase.value, str(self.state.value))

    def refresh(self) -> None:
        """Re-render the table."""
        self.output.value = checklist_html(self.selected())

    def reinspect(self) -> None:
        """Inspect the workspace again and re-render (what the button does)."""
        if self._inspect is not None:
            self.statuses = list(self._inspect())
        self.refresh()

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _on_click(self, button: widgets.Button) -> None:
        self.reinspect()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus the whole list as static ``text/html``."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = f"Lista de verificación (widget): {summary(self.statuses)}."
        return bundle
