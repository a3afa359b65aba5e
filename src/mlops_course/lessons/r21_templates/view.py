"""The template browser: a project name and a template → the rendered files and the tool's verdict.

:func:`templates_html` and :func:`rendered_html` are pure; :class:`TemplateBrowser` is a thin
ipywidgets view whose MIME bundle also carries the table and one rendered example as static
``text/html`` (what GitHub or nbconvert show without a kernel).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from mlops_course.lessons.r21_templates.checks import Verdict, check_files
from mlops_course.lessons.r21_templates.names import name_forms
from mlops_course.lessons.r21_templates.registry import Template, render, source_layers

_STYLE = {"description_width": "initial"}


def templates_html(templates: Sequence[Template]) -> str:
    """The table of templates: which module teaches it, which tool checks it, what it is for."""
    rows = []
    for template in templates:
        layers = sorted(set(source_layers(template).values()))
        source = (
            f"capa{'s' if len(layers) > 1 else ''} {', '.join(layers)}"
            if layers
            else "formato de ADR del curso"
        )
        rows.append(
            f"<tr><td>{html.escape(template.title)}</td><td>{template.module}</td>"
            f"<td><code>{html.escape(template.tool)}</code></td>"
            f"<td>{html.escape(template.purpose)}</td><td>{source}</td></tr>"
        )
    head = (
        "<tr><th>plantilla</th><th>módulo</th><th>herramienta</th><th>para qué sirve</th>"
        "<th>fuente</th></tr>"
    )
    return (
        f'<table class="mlops-templates"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def rendered_html(files: Mapping[str, str], verdict: Verdict | None) -> str:
    """The rendered files, each under its path, and the tool's verdict on top."""
    parts = []
    if verdict is not None:
        color = "#1a7f37" if verdict.ok else "#cf222e"
        label = "✔ lo acepta" if verdict.ok else "✘ lo rechaza"
        problems = "".join(f"<li>{html.escape(item)}</li>" for item in verdict.problems)
        parts.append(
            f'<p style="color:{color}"><strong>{html.escape(verdict.tool)}: {label}</strong></p>'
            + (f"<ul>{problems}</ul>" if problems else "")
        )
    for path, text in files.items():
        parts.append(
            f"<p><code>{html.escape(path)}</code></p>"
            f'<pre style="max-height:24em;overflow:auto">{html.escape(text)}</pre>'
        )
    return "".join(parts)


class TemplateBrowser:
    """A text box (project name) and a dropdown (template) → rendered files and the verdict."""

    def __init__(
        self, templates: Sequence[Template], project: str = "churn-project", key: str = "dockerfile"
    ) -> None:
        self.templates = {template.key: template for template in templates}
        self.name = widgets.Text(
            value=project,
            description="Nombre del proyecto",
            continuous_update=False,
            style=_STYLE,
        )
        self.choice = widgets.Dropdown(
            options=[(f"{t.title} · módulo {t.module}", t.key) for t in templates],
            value=key if key in self.templates else next(iter(self.templates)),
            description="Plantilla",
            style=_STYLE,
        )
        self.output = widgets.HTML()
        self.refresh()
        self.static_html = (
            f'<div class="mlops-templates-static">{templates_html(list(templates))}'
            f"<p>Ejemplo: <code>{html.escape(str(self.choice.value))}</code> para "
            f"<code>{html.escape(project)}</code></p>{self.output.value}</div>"
        )
        for control in (self.name, self.choice):
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([widgets.HBox([self.name, self.choice]), self.output])
        self.widget.add_class("mlops-template-browser")

    def refresh(self) -> None:
        """Render the chosen template for the typed name and run its tool."""
        template = self.templates[str(self.choice.value)]
        try:
            forms = name_forms(str(self.name.value))
        except (TypeError, ValueError) as error:
            self.output.value = f'<p style="color:#cf222e">{html.escape(str(error))}</p>'
            return
        files = render(template, forms)
        try:
            verdict: Verdict | None = check_files(template, files)
        except (FileNotFoundError, RuntimeError) as error:  # the tool is missing or crashed
            verdict = Verdict(template.key, template.tool, (f"no se pudo ejecutar: {error}",))
        self.output.value = rendered_html(files, verdict)

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus the table and one rendered example as ``text/html``."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = f"Plantillas (widget): {len(self.templates)} plantillas."
        return bundle
