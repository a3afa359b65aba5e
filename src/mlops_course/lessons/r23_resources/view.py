"""The bibliography as a filterable table: kind, level, module and «only free».

:func:`filter_entries` and :func:`entries_html` are pure; :class:`ResourceBrowser` is a thin
ipywidgets view whose MIME bundle also carries the whole table as static ``text/html``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from mlops_course.lessons.r23_resources.catalog import KINDS, LEVELS, Entry

ALL = "(todos)"
_STYLE = {"description_width": "initial"}


def filter_entries(
    entries: Sequence[Entry],
    kind: str = ALL,
    level: str = ALL,
    module: str = ALL,
    free_only: bool = False,
) -> list[Entry]:
    """The entries that match every filter (:data:`ALL` matches anything)."""
    return [
        e
        for e in entries
        if kind in (ALL, e.kind)
        and level in (ALL, e.level)
        and (module == ALL or module in e.modules)
        and (e.free or not free_only)
    ]


def entries_html(entries: Sequence[Entry]) -> str:
    """An HTML table: work (linked), kind and level, free, modules, hours, what for, checked."""
    if not entries:
        return "<p>Ningún recurso cumple los filtros.</p>"
    rows = []
    for e in entries:
        title = html.escape(e.title)
        if e.url:
            title = f'<a href="{html.escape(e.url)}" target="_blank" rel="noopener">{title}</a>'
        year = f" ({e.year})" if e.year else ""
        checked = e.date_checked.isoformat() if e.date_checked else "<em>sin verificar</em>"
        rows.append(
            f"<tr><td>{title}<br><small>{html.escape(e.authors)}{year} · "
            f"{html.escape(e.publisher)}</small></td>"
            f"<td>{e.kind}<br><small>{e.level}</small></td>"
            f"<td>{'sí' if e.free else 'no'}</td><td>{', '.join(e.modules)}</td>"
            f"<td>{e.hours} h</td><td>{html.escape(e.good_for)}</td><td>{checked}</td></tr>"
        )
    head = (
        "<tr><th>obra</th><th>tipo y nivel</th><th>gratis</th><th>módulos</th>"
        "<th>dedicación</th><th>para qué sirve</th><th>comprobado</th></tr>"
    )
    return (
        f'<table class="mlops-resources"><thead>{head}</thead><tbody>{"".join(rows)}</tbody>'
        f"</table><p>{len(entries)} recursos.</p>"
    )


class ResourceBrowser:
    """Dropdowns (kind, level, module) and a checkbox (only free) over the bibliography."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        modules = sorted({m for e in self.entries for m in e.modules})
        self.kind = widgets.Dropdown(options=[ALL, *KINDS], description="Tipo", style=_STYLE)
        self.level = widgets.Dropdown(options=[ALL, *LEVELS], description="Nivel", style=_STYLE)
        self.module = widgets.Dropdown(options=[ALL, *modules], description="Módulo", style=_STYLE)
        self.free = widgets.Checkbox(value=False, description="Solo gratuitos")
        self.output = widgets.HTML()
        self.refresh()
        self.static_html = f'<div class="mlops-resources-static">{self.output.value}</div>'
        for control in (self.kind, self.level, self.module, self.free):
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox(
            [widgets.HBox([self.kind, self.level, self.module, self.free]), self.output]
        )
        self.widget.add_class("mlops-resource-browser")

    def selected(self) -> list[Entry]:
        """The entries the current filters select."""
        return filter_entries(
            self.entries,
            str(self.kind.value),
            str(self.level.value),
            str(self.module.value),
            bool(self.free.value),
        )

    def refresh(self) -> None:
        """Re-render the table."""
        self.output.value = entries_html(self.selected())

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus the whole bibliography as static ``text/html``."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = f"Bibliografía (widget): {len(self.entries)} recursos."
        return bundle
