"""A thin ipywidgets view, the same for every decision aid, plus the one-line notebook helper.

``show_aid("deployment", "12_despliegue_hibrido")`` displays, in this order:

1. a static ``text/html`` block (matrix, default recommendation, notes) that nbconvert HTML and
   GitHub previews keep without a kernel; where the live widget renders, a ``<style>`` inside it
   hides this block so the matrix is not shown twice (:func:`hide_static_fallback_css`);
2. the live widget: one control per input (built from the YAML input spec), the recommendation
   with its reasons as text, the warnings, the ranking, the matrix with the recommended column
   highlighted and marked "✔ recomendado", and an "Exportar ADR" button.

Nothing blocks: controls re-render on change; the export writes one small file.

Stable hooks for browser tests (CSS classes in ``_dom_classes``, labels = ``description``):

* container ``VBox``: ``mlops-aid`` and ``mlops-aid-<aid_id>``;
* every input: ``mlops-aid-input`` and ``mlops-aid-input-<input_id>``, with the YAML ``label`` as
  its ``description`` (the visible ``<label>``). Widget type by spec: integer/number ``slider`` →
  ``IntSlider``/``FloatSlider``, ``log_slider`` → ``FloatLogSlider``, ``dropdown`` →
  ``Dropdown`` (option labels from the YAML), ``text`` → ``BoundedIntText``/``BoundedFloatText``,
  ``checkbox`` → ``Checkbox``, ``toggle`` → ``ToggleButton``, choice ``radio`` → ``RadioButtons``;
* recommendation ``HTML``: ``mlops-aid-recommendation``; inside, an ``<h4
  class="mlops-aid-recommendation-heading">`` whose text is exactly ``Recomendado: <option
  name>``, then the option's summary and its reasons (the other options' reasons live in the
  ranking widget; for the deployment aid no other option's name appears in this widget);
* warnings ``HTML``: ``mlops-aid-warnings``; ranking ``HTML``: ``mlops-aid-ranking``;
  matrix ``HTML``: ``mlops-aid-matrix`` (table ``mlops-aid-table``, chosen cells
  ``mlops-aid-chosen``);
* ``Button`` "Exportar ADR": ``mlops-aid-export``; its result ``HTML``: ``mlops-aid-export-status``
  (text "ADR guardado en <path>").

Deployment aid: its first input is a ``Dropdown`` labelled ``Tráfico (req/mes)`` (options
``10 000`` … ``1 000 000 000``, default ``500 000``). With the defaults (no peaks, p99
``3 000 ms (tolera cold starts)``, 5 people in ``Personas en operaciones``) the heading reads
``Recomendado: AWS Lambda``; choosing ``500 000 000`` turns it into ``Recomendado: Kubernetes``.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display as _ipython_display

from mlops_course.machinery.decision_aids.engine import AidLogic, InputError, Recommendation
from mlops_course.machinery.decision_aids.export import write_adr
from mlops_course.machinery.decision_aids.recommend import get_logic, load_aid
from mlops_course.machinery.decision_aids.render import (
    matrix_html,
    matrix_markdown,
    ranking_html,
    recommendation_html,
    static_html,
    warnings_html,
)
from mlops_course.machinery.decision_aids.schema import DecisionAid, InputSpec


def ipy_display(obj: object, **kwargs: Any) -> None:
    """``IPython.display.display`` with a typed signature (tests replace this function)."""
    _ipython_display(obj, **kwargs)  # type: ignore[no-untyped-call]


_MODULE_SLUG = re.compile(r"^[0-9]{2}_[a-z0-9_]+$")
_STYLE = {"description_width": "initial"}
EXPORT_LABEL = "Exportar ADR"


def _layout() -> widgets.Layout:
    return widgets.Layout(width="34em", max_width="100%")


def _options(spec: InputSpec) -> list[tuple[str, object]]:
    return [(entry.label, entry.value) for entry in spec.values]


def build_control(spec: InputSpec) -> widgets.ValueWidget:
    """The ipywidgets control for one input spec, labelled with the spec's Spanish ``label``."""
    kind = spec.widget_kind
    common: dict[str, Any] = {"description": spec.label, "style": _STYLE}
    if spec.help:
        common["tooltip"] = spec.help
    control: widgets.ValueWidget
    if kind in ("dropdown", "radio"):
        cls = widgets.Dropdown if kind == "dropdown" else widgets.RadioButtons
        control = cls(options=_options(spec), value=spec.default, layout=_layout(), **common)
    elif kind == "checkbox":
        control = widgets.Checkbox(value=spec.default, indent=False, **common)
    elif kind == "toggle":
        control = widgets.ToggleButton(value=spec.default, **common)
    else:
        low, high = float(spec.min or 0), float(spec.max or 0)
        rng: dict[str, Any] = {"layout": _layout(), **common}
        if kind == "log_slider":
            control = widgets.FloatLogSlider(
                value=spec.default,
                base=10,
                min=math.log10(low),
                max=math.log10(high),
                step=spec.step or 0.1,
                continuous_update=False,
                readout_format=".3g",
                **rng,
            )
        elif spec.kind == "integer":
            cls = widgets.IntSlider if kind == "slider" else widgets.BoundedIntText
            extra = {"continuous_update": False} if kind == "slider" else {}
            control = cls(
                value=spec.default,
                min=int(low),
                max=int(high),
                step=int(spec.step or 1),
                **extra,
                **rng,
            )
        else:
            cls = widgets.FloatSlider if kind == "slider" else widgets.BoundedFloatText
            extra = {"continuous_update": False} if kind == "slider" else {}
            control = cls(
                value=spec.default,
                min=low,
                max=high,
                step=spec.step or (high - low) / 100,
                **extra,
                **rng,
            )
    control.add_class("mlops-aid-input")
    control.add_class(f"mlops-aid-input-{spec.id}")
    return control


def hide_static_fallback_css(aid_id: str) -> str:
    """A ``<style>`` that hides this aid's static fallback once its live widget is on screen.

    It travels inside the widget, so it only applies where the widget really renders (JupyterLab,
    Notebook 7, classic Notebook with a kernel): there the matrix would otherwise show twice.
    nbconvert HTML, GitHub and a notebook opened without a kernel never render the widget, so
    they keep the static table.
    """
    live, static = f".mlops-aid.mlops-aid-{aid_id}", f".mlops-aid-static.mlops-aid-{aid_id}"
    areas = (".jp-OutputArea", ".output")
    rule = ", ".join(f"{area}:has({live}) {static}" for area in areas)
    return f"<style>{rule} {{ display: none; }}</style>"


def _html(css: str, value: str = "") -> widgets.HTML:
    output = widgets.HTML(value=value)
    output.add_class(css)
    return output


class DecisionAidView:
    """Inputs → recommendation, warnings, ranking and highlighted matrix; "Exportar ADR".

    Args:
        aid_id: e.g. ``"deployment"``.
        module_slug: the module whose workspace receives exported ADRs (default: the aid's
            ``module``), e.g. ``"12_despliegue_hibrido"``.
        aid: an already loaded aid (default: load ``assets/decision_aids/<aid_id>.yaml``).
        values: initial input values (default: the YAML defaults).
    """

    def __init__(
        self,
        aid_id: str,
        module_slug: str | None = None,
        *,
        aid: DecisionAid[Any] | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        self.logic: AidLogic[Any, Any] = get_logic(aid_id)
        self.aid: DecisionAid[Any] = aid if aid is not None else load_aid(aid_id)
        self.module_slug = module_slug or self.aid.module
        if not _MODULE_SLUG.match(self.module_slug):
            raise ValueError(
                f"Nombre de módulo no válido: {self.module_slug!r}. Usa el nombre de la carpeta "
                "del módulo, por ejemplo '12_despliegue_hibrido'."
            )
        self.controls: dict[str, widgets.ValueWidget] = {
            spec.id: build_control(spec) for spec in self.aid.inputs
        }
        for name, value in (values or {}).items():
            if name not in self.controls:
                raise InputError(f"{name}: entrada desconocida para la ayuda {aid_id!r}.")
            self.controls[name].value = value
        self.recommendation: Recommendation | None = None
        self.error: str | None = None
        self.last_export: Path | None = None
        self.recommendation_output = _html("mlops-aid-recommendation")
        self.warnings_output = _html("mlops-aid-warnings")
        self.ranking_output = _html("mlops-aid-ranking")
        self.matrix_output = _html("mlops-aid-matrix")
        self.export_button = widgets.Button(
            description=EXPORT_LABEL,
            tooltip="Guarda la decisión actual como ADR (Markdown) en tu carpeta de trabajo",
            icon="download",
        )
        self.export_button.add_class("mlops-aid-export")
        self.export_status = _html("mlops-aid-export-status")
        header = _html(
            "mlops-aid-header",
            hide_static_fallback_css(self.aid.id)
            + f"<h3>{html.escape(self.aid.title)}</h3><p>{html.escape(self.aid.question)}</p>",
        )
        inputs_box = widgets.VBox(list(self.controls.values()))
        inputs_box.add_class("mlops-aid-inputs")
        self.widget = widgets.VBox(
            [
                header,
                inputs_box,
                self.recommendation_output,
                self.warnings_output,
                self.ranking_output,
                self.matrix_output,
                widgets.HBox([self.export_button, self.export_status]),
            ]
        )
        self.widget.add_class("mlops-aid")
        self.widget.add_class(f"mlops-aid-{self.aid.id}")
        self.refresh()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.export_button.on_click(self._on_export)

    def values(self) -> dict[str, object]:
        """The current value of every control, keyed by input id."""
        return {name: control.value for name, control in self.controls.items()}

    def refresh(self) -> None:
        """Recompute the recommendation and update every output (errors shown in Spanish)."""
        try:
            recommendation = self.logic.run(self.aid, self.values())
        except InputError as exc:
            self.recommendation, self.error = None, str(exc)
            self.recommendation_output.value = (
                '<div class="mlops-aid-error" role="alert"><b>No hay recomendación:</b> '
                f"{html.escape(str(exc))}</div>"
            )
            self.warnings_output.value = self.ranking_output.value = ""
            self.matrix_output.value = matrix_html(self.aid)
            return
        self.recommendation, self.error = recommendation, None
        self.recommendation_output.value = recommendation_html(self.aid, recommendation)
        self.warnings_output.value = warnings_html(self.aid, recommendation)
        self.ranking_output.value = ranking_html(self.aid, recommendation)
        self.matrix_output.value = matrix_html(self.aid, recommendation.best.option_id)

    def _on_change(self, change: Mapping[str, Any]) -> None:
        self.refresh()

    def export_adr(self, today: dt.date | None = None) -> Path:
        """Write the current decision as an ADR in the module's workspace and show its path.

        Raises:
            ValueError: if the current inputs give no recommendation.
            OSError: if the file cannot be written.
        """
        if self.recommendation is None:
            raise ValueError(f"No hay recomendación que exportar: {self.error}")
        path = write_adr(self.aid, self.recommendation, self.module_slug, today=today)
        self.last_export = path
        self.export_status.value = f"ADR guardado en <code>{html.escape(str(path))}</code>"
        return path

    def _on_export(self, button: widgets.Button) -> None:
        try:
            self.export_adr()
        except (OSError, ValueError) as exc:
            self.export_status.value = (
                f'<span role="alert">No se pudo exportar el ADR: {html.escape(str(exc))}</span>'
            )

    def static_bundle(self) -> dict[str, str]:
        """MIME bundle of the kernel-less fallback: HTML matrix + recommendation, Markdown text."""
        chosen = self.recommendation.best.option_id if self.recommendation else None
        return {
            "text/html": static_html(self.aid, self.recommendation),
            "text/plain": f"{self.aid.title}\n\n{matrix_markdown(self.aid, chosen)}",
        }

    def display(self) -> None:
        """Display the static fallback first, then the live widget."""
        ipy_display(self.static_bundle(), raw=True)
        ipy_display(self.widget)

    def _ipython_display_(self) -> None:
        self.display()


def show_aid(aid_id: str, module_slug: str | None = None) -> None:
    """Display the decision aid ``aid_id`` in a notebook (one line per aid).

    Example: ``show_aid("deployment", "12_despliegue_hibrido")``. Returns nothing so that the
    cell does not display it twice; use :class:`DecisionAidView` to keep a handle.
    """
    DecisionAidView(aid_id, module_slug).display()
