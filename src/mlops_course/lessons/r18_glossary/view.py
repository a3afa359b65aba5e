"""The glossary as a searchable table: free text, module and phase.

:func:`glossary_records` joins the glossary with the modules that link each term (the generated
usage file) and the phase of each module (``assets/roadmap.yaml``); :func:`search_terms` and
:func:`terms_html` are pure; :class:`GlossaryBrowser` is a thin ipywidgets view whose MIME bundle
also carries the whole glossary as static ``text/html`` (what GitHub or a viewer without a kernel
shows). Every row carries the term's id as its anchor, the one the modules' links name.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from mlops_course.lessons.r18_glossary.catalog import Term
from mlops_course.machinery.roadmap import Roadmap

ALL = "(todos)"
RESOURCE_PHASE = "recurso"
"""What the phase filter calls a resource (18–23 are outside the phases' calendar)."""
_STYLE = {"description_width": "initial"}


def fold(text: str) -> str:
    """Lower case without accents: «Métrica» and «metrica» compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def glossary_records(
    terms: Sequence[Term], usage: Mapping[str, Sequence[str]], roadmap: Roadmap
) -> list[dict[str, Any]]:
    """One dict per term with ``modules`` (slugs that link it, in course order) and ``phases``.

    ``phases`` holds the phase numbers (as text) of those modules, and ``"recurso"`` when a
    resource links it. Terms come sorted by their folded name.
    """
    phase_of: dict[str, str] = {}
    for phase in roadmap.phases:
        for module in phase.modules:
            phase_of[module.slug] = str(phase.number)
    for resource in roadmap.resources:
        phase_of[resource.slug] = RESOURCE_PHASE
    teaches: dict[str, list[str]] = {}
    for slug in sorted(usage):
        for term_id in usage[slug]:
            teaches.setdefault(term_id, []).append(slug)
    records = []
    for term in sorted(terms, key=lambda t: fold(t.term.replace("`", ""))):
        modules = teaches.get(term.id, [])
        phases = sorted({phase_of.get(m, RESOURCE_PHASE) for m in modules})
        records.append({**term.model_dump(), "modules": modules, "phases": phases})
    return records


def search_terms(
    records: Sequence[Mapping[str, Any]], text: str = "", module: str = ALL, phase: str = ALL
) -> list[Mapping[str, Any]]:
    """Records whose term, English, aliases or definition contain ``text`` (no case, no accents),
    taught in ``module`` (a slug or its two-digit number) and in ``phase``."""
    needle = fold(text.strip())
    found = []
    for record in records:
        haystack = fold(
            " ".join([record["term"], record["english"], record["definition"], *record["aliases"]])
        )
        modules = record["modules"]
        if needle and needle not in haystack:
            continue
        if module != ALL and not any(module in (m, m[:2]) for m in modules):
            continue
        if phase != ALL and phase not in record["phases"]:
            continue
        found.append(record)
    return found


def _module_link(slug: str) -> str:
    return f'<a href="../{slug}/{slug}.ipynb">{html.escape(slug[:2])}</a>'


def terms_html(records: Sequence[Mapping[str, Any]]) -> str:
    """An HTML table: term (anchored by its id) and English, definition, modules, related."""
    if not records:
        return "<p>Ningún término cumple la búsqueda.</p>"
    rows = []
    for r in records:
        term_id = html.escape(r["id"], quote=True)
        aliases = (
            f"<br><small>también: {html.escape(', '.join(r['aliases']))}</small>"
            if r["aliases"]
            else ""
        )
        related = ", ".join(
            f'<a href="#{html.escape(i, quote=True)}">{html.escape(i)}</a>' for i in r["related"]
        )
        modules = ", ".join(_module_link(m) for m in r["modules"])
        rows.append(
            f'<tr id="{term_id}" data-jupyter-id="{term_id}"><td><strong>'
            f"{html.escape(r['term'].replace('`', ''))}</strong><br><small><em>"
            f"{html.escape(r['english'])}</em></small>{aliases}</td>"
            f"<td>{html.escape(r['definition'])}</td><td>{modules}</td><td>{related}</td></tr>"
        )
    head = "<tr><th>término</th><th>definición</th><th>módulos</th><th>relacionados</th></tr>"
    return (
        f'<table class="mlops-glossary"><thead>{head}</thead><tbody>{"".join(rows)}</tbody>'
        f"</table><p>{len(records)} términos.</p>"
    )


class GlossaryBrowser:
    """A text box (term, English, definition) and dropdowns (module, phase) over the glossary."""

    def __init__(self, records: Sequence[Mapping[str, Any]]) -> None:
        self.records = list(records)
        modules = sorted({m for r in self.records for m in r["modules"]})
        phases = sorted({p for r in self.records for p in r["phases"]})
        self.text = widgets.Text(
            value="", placeholder="drift, skew, alias…", description="Buscar", style=_STYLE
        )
        self.module = widgets.Dropdown(options=[ALL, *modules], description="Módulo", style=_STYLE)
        self.phase = widgets.Dropdown(options=[ALL, *phases], description="Fase", style=_STYLE)
        self.output = widgets.HTML()
        self.refresh()
        self.static_html = f'<div class="mlops-glossary-static">{self.output.value}</div>'
        for control in (self.text, self.module, self.phase):
            control.observe(self._on_change, names="value")
        controls = widgets.HBox([self.text, self.module, self.phase])
        self.widget = widgets.VBox([controls, self.output])
        self.widget.add_class("mlops-glossary-browser")

    def selected(self) -> list[Mapping[str, Any]]:
        """The records the current search and filters select."""
        return search_terms(
            self.records, str(self.text.value), str(self.module.value), str(self.phase.value)
        )

    def refresh(self) -> None:
        """Re-render the table."""
        self.output.value = terms_html(self.selected())

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus the whole glossary as static ``text/html``."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = f"Glosario (widget): {len(self.records)} términos."
        return bundle
