"""A typed ML Canvas (after Louis Dorard's Machine Learning Canvas) and its quality gate.

:class:`MLCanvas` rejects, on construction, what is *structurally* wrong: an empty field, a
missing baseline, an unknown field, a cost that is not a positive number, a success metric whose
``decision`` is not one of the canvas ``decisions``. The error is a :class:`CanvasError`
(a ``ValueError``) in Spanish, one line per problem.

:func:`review_canvas` finds what is *semantically* weak in a valid canvas: placeholder or generic
text ("TBD", "mejorar el negocio"), one-word answers where a sentence is needed, the same text
pasted into two fields, a baseline that is not described, a target that does not beat the
baseline. It returns the problems (empty list: the canvas passes the gate).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from mlops_course.machinery.decision_aids.schema import validation_messages

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty text (surrounding blanks are removed)."""

MIN_WORDS = 6
"""Minimum words of a free-text field: a canvas answer is a sentence, not a label."""

MIN_ITEM_WORDS = 2
"""Minimum words of an item of ``decisions`` or ``data_sources``."""

GENERIC_PHRASES: tuple[str, ...] = (
    "tbd",
    "todo",
    "por definir",
    "pendiente",
    "a definir",
    "lorem ipsum",
    "n/a",
    "xxx",
    "...",
    "etc",
    "mejorar el negocio",
    "aumentar los beneficios",
    "aumentar las ventas",
    "usar ia",
    "usar inteligencia artificial",
    "aplicar machine learning",
    "usar machine learning",
    "predecir cosas",
    "los datos de la empresa",
    "datos de la empresa",
    "todos los datos",
    "ninguno",
    "no hay",
    "sin baseline",
    "no aplica",
)
"""Placeholder or generic answers (compared without accents, case or surrounding punctuation)."""

PLACEHOLDER_TOKENS: tuple[str, ...] = ("tbd", "todo:", "lorem", "xxx", "por definir")
"""Substrings that mark a field as unfinished wherever they appear."""

CANVAS_SECTIONS: tuple[tuple[str, str], ...] = (
    ("value_proposition", "1. Propuesta de valor"),
    ("prediction_task", "2. Tarea de predicción"),
    ("decisions", "3. Decisiones"),
    ("data_sources", "4. Fuentes de datos"),
    ("data_collection", "5. Recogida de datos"),
    ("features", "6. Features"),
    ("offline_evaluation", "7. Evaluación offline"),
    ("live_monitoring", "8. Monitorización en vivo"),
    ("impact", "9. Impacto"),
)
"""Field name and Markdown heading (``## <heading>``) of each canvas block, in order."""


class CanvasError(ValueError):
    """A canvas that cannot be built (Spanish message, one line per problem).

    Attributes:
        problems: the Spanish problems, ``"<field>: <problem>"``.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("ML Canvas no válido:\n" + "\n".join(f"- {p}" for p in problems))
        self.problems = tuple(problems)


class _Model(BaseModel):
    """Strict, immutable, no unknown fields; construction errors become :class:`CanvasError`."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise CanvasError(validation_messages(exc)) from None


class Baseline(_Model):
    """What happens today without the model, measured with the success metric."""

    description: Text
    value: float


class SuccessMetric(_Model):
    """The number that says whether the project worked, tied to the decision it informs."""

    name: Text
    target: float
    decision: Text
    higher_is_better: bool = True


class ErrorCosts(_Model):
    """Cost, in euros, of each kind of mistake of the model."""

    false_positive_eur: float = Field(gt=0)
    false_negative_eur: float = Field(gt=0)


class MLCanvas(_Model):
    """The ML Canvas of one prediction problem, plus its business view.

    Every text must be non-empty; ``decisions``, ``data_sources`` and ``features`` need at least
    one item; ``success_metric.decision`` must be one of ``decisions``.
    """

    name: Text
    value_proposition: Text
    prediction_task: Text
    decisions: tuple[Text, ...] = Field(min_length=1)
    data_sources: tuple[Text, ...] = Field(min_length=1)
    data_collection: Text
    features: tuple[Text, ...] = Field(min_length=1)
    offline_evaluation: Text
    live_monitoring: Text
    impact: Text
    baseline: Baseline
    success_metric: SuccessMetric
    error_costs: ErrorCosts

    @model_validator(mode="after")
    def _metric_tied_to_decision(self) -> Self:
        if self.success_metric.decision not in self.decisions:
            raise ValueError(
                f"success_metric.decision: la métrica de éxito debe estar ligada a una de las "
                f"decisiones del canvas; {self.success_metric.decision!r} no está en "
                f"decisions {list(self.decisions)}"
            )
        return self


def normalize(text: str) -> str:
    """Lower case, without accents, inner blanks collapsed and surrounding punctuation removed."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    plain = re.sub(r"\s+", " ", plain).strip()
    stripped = plain.strip(" .,;:!¡?¿-–—\"'«»()")
    return stripped if stripped else plain


def _generic(text: str) -> bool:
    norm = normalize(text)
    if norm in GENERIC_PHRASES:
        return True
    return any(token in norm for token in PLACEHOLDER_TOKENS)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _texts(canvas: MLCanvas) -> list[tuple[str, str, int]]:
    """Every text of the canvas as ``(field path, text, minimum words)``."""
    found: list[tuple[str, str, int]] = [("name", canvas.name, 1)]
    for field, _heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        if isinstance(value, tuple):
            minimum = 1 if field == "features" else MIN_ITEM_WORDS
            found.extend((f"{field}[{i}]", item, minimum) for i, item in enumerate(value))
        else:
            found.append((field, value, MIN_WORDS))
    found.append(("baseline.description", canvas.baseline.description, MIN_ITEM_WORDS))
    found.append(("success_metric.name", canvas.success_metric.name, MIN_ITEM_WORDS))
    return found


def review_canvas(canvas: MLCanvas) -> list[str]:
    """Spanish problems that make ``canvas`` generic or unusable (empty list: it passes).

    Raises:
        TypeError: if ``canvas`` is not an :class:`MLCanvas`.
    """
    if not isinstance(canvas, MLCanvas):
        raise TypeError(f"review_canvas espera un MLCanvas, no {type(canvas).__name__}.")
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path, text, minimum in _texts(canvas):
        if _generic(text):
            problems.append(f"{path}: {text!r} es genérico o un marcador; escribe el caso concreto")
        elif _words(text) < minimum:
            problems.append(
                f"{path}: {text!r} es demasiado corto (mínimo {minimum} palabras): explica el "
                "qué, el quién y el cuándo"
            )
        key = normalize(text)
        if key in seen and minimum > 1:
            problems.append(
                f"{path}: repite el texto de {seen[key]}; cada bloque responde a otra cosa"
            )
        seen.setdefault(key, path)
    for index, feature in enumerate(canvas.features):
        if canvas.features.index(feature) != index:
            problems.append(f"features[{index}]: {feature!r} está repetida")
    baseline, metric = canvas.baseline.value, canvas.success_metric
    if metric.higher_is_better and metric.target <= baseline:
        problems.append(
            f"success_metric.target: el objetivo ({metric.target:g}) debe superar al baseline "
            f"({baseline:g}); si no lo supera, el modelo no aporta nada"
        )
    elif not metric.higher_is_better and metric.target >= baseline:
        problems.append(
            f"success_metric.target: con una métrica donde menos es mejor, el objetivo "
            f"({metric.target:g}) debe quedar por debajo del baseline ({baseline:g})"
        )
    return problems


def render_ml_canvas(canvas: MLCanvas, diagram: str | None = None) -> str:
    """The ``ML_CANVAS.md`` deliverable: the canvas blocks, its business view and the C4 diagram.

    One ``## <heading>`` per block of :data:`CANVAS_SECTIONS` (a tuple becomes a bullet list),
    then the business view (baseline, success metric, error costs) and, if ``diagram`` is given,
    the diagram in a fenced ``mermaid`` block.

    Raises:
        TypeError: if ``canvas`` is not an :class:`MLCanvas`.
    """
    if not isinstance(canvas, MLCanvas):
        raise TypeError(f"render_ml_canvas espera un MLCanvas, no {type(canvas).__name__}.")
    out = [f"# ML Canvas: {canvas.name}", ""]
    for field, heading in CANVAS_SECTIONS:
        value = getattr(canvas, field)
        out += [f"## {heading}", ""]
        out += [f"- {item}" for item in value] if isinstance(value, tuple) else [value]
        out.append("")
    base, metric, costs = canvas.baseline, canvas.success_metric, canvas.error_costs
    out += [
        "## 10. Visión de negocio",
        "",
        f"- **Baseline:** {base.description} ({metric.name} = {base.value:g})",
        f"- **Métrica de éxito:** {metric.name}, objetivo {metric.target:g}, "
        f"ligada a la decisión «{metric.decision}»",
        f"- **Costo de un falso positivo:** {costs.false_positive_eur:g} €",
        f"- **Costo de un falso negativo:** {costs.false_negative_eur:g} €",
        "",
    ]
    if diagram is not None:
        out += ["## 11. Arquitectura (C4, contenedores)", "", "```mermaid", diagram.strip(), "```"]
        out.append("")
    return "\n".join(out)
