"""The one-page case study of the portfolio: the project's facts, its checker score, its
pictures and the student's own account, as one printable HTML page.

What comes from data is generated (metrics, layers, decisions, the rubric's score); what is
opinion is written by the student (:class:`Story`: the challenge, the hardest decision and what
they would do differently). A story left as the course's example is printed as a draft.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final

from jinja2 import Environment, select_autoescape

from mlops_course.lessons.m17_capstone.criteria import Report
from mlops_course.lessons.m17_capstone.facts import ProjectFacts

MIN_WORDS: Final = 12


@dataclass(frozen=True)
class Story:
    """The parts of the case study only the author can write (one short paragraph each)."""

    challenge: str
    """The business problem in the reader's terms, with a figure."""
    hardest_decision: str
    """The decision with a real trade-off, and what was given up."""
    next_time: str
    """What you would do differently, or next, and why."""


EXAMPLE_STORY: Final = Story(
    challenge="Un banco pierde clientes sin verlo venir: cada cliente que se va cuesta su valor "
    "de vida, y la campaña de retención solo alcanza para llamar a una parte de la cartera.",
    hardest_decision="Elegí el umbral por costo esperado y no por F1: llamo a menos clientes, "
    "pero cada llamada rinde más; a cambio, el recall baja y lo digo en la model card.",
    next_time="Mediría antes el tiempo de respuesta real con tráfico de lunes, y pondría la "
    "alerta de drift de concepto desde el primer día, con etiquetas que llegan tarde.",
)
"""The course's example (shown in the notebook): a case study that keeps it is a draft."""

TEMPLATE: Final = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Caso de estudio · {{ facts.name }}</title>
<style>
body{font-family:sans-serif;max-width:52rem;margin:1.5rem auto;color:#1f2328;line-height:1.45}
h1{margin:.2rem 0} h2{font-size:1.1rem;margin:1rem 0 .3rem;border-bottom:1px solid #d1d9e0}
.cifras{display:flex;gap:1rem} .cifra{flex:1;border:1px solid #d1d9e0;border-radius:6px;
padding:.4rem .6rem} .cifra b{display:block;font-size:1.4rem}
.borrador{background:#fff8c5;border:1px solid #d4a72c;padding:.4rem .6rem}
img{max-width:100%;border:1px solid #d1d9e0} @media print{body{margin:0}}
</style></head><body>
{% if draft %}<p class="borrador">Borrador: el relato es el ejemplo del curso. Escribe el tuyo.</p>
{% endif %}<p>Caso de estudio</p><h1>{{ facts.name }}</h1>
<h2>El reto</h2><p>{{ story.challenge }}</p>
<h2>Resultados</h2><div class="cifras">
<div class="cifra"><b>{{ "%.3f" | format(facts.roc_auc) }}</b>ROC AUC del modelo campeón</div>
<div class="cifra"><b>{{ "%.2f" | format(facts.cost_per_customer_eur) }} €</b>costo esperado por
cliente con el umbral elegido ({{ "%.2f" | format(facts.cost_at_default_threshold_eur) }} € con
0,5)</div>
<div class="cifra"><b>{{ report.points }}/{{ report.max_points }}</b>criterios de la rúbrica
ejecutable ({{ report.passed }} de {{ report.total }} cumplidos)</div></div>
<h2>La solución</h2><p>{{ facts.layers | length }} capas, cada una con su herramienta real:
{{ layers }}.</p>
{% if dashboard %}<img src="{{ dashboard }}" alt="Dashboard de la API con datos reales">{% endif %}
<h2>La decisión más difícil</h2><p>{{ story.hardest_decision }}</p>
{% if facts.adrs %}<p>Decisiones documentadas: {{ adrs }}.</p>{% endif %}
<h2>Lo que haría distinto</h2><p>{{ story.next_time }}</p>
{% if api %}<h2>El contrato de la API</h2>
<img src="{{ api }}" alt="Referencia de la API">{% endif %}
</body></html>
"""


def check_story(story: Story) -> None:
    """Each part of ``story`` is text of at least :data:`MIN_WORDS` words.

    Raises:
        TypeError: ``story`` is not a :class:`Story`.
        ValueError: (in Spanish) a part is missing or too short, naming it.
    """
    if not isinstance(story, Story):
        raise TypeError(f"El relato debe ser un Story, no {type(story).__name__}.")
    for item in fields(Story):
        value = getattr(story, item.name)
        if not isinstance(value, str) or len(value.split()) < MIN_WORDS:
            raise ValueError(
                f"«{item.name}» necesita un párrafo tuyo de al menos {MIN_WORDS} palabras "
                f"(tiene {len(value.split()) if isinstance(value, str) else 0})."
            )


def _inline(picture: Path | None) -> str:
    """A picture as a data: URI, so the page is one file that opens anywhere ("" if absent)."""
    if picture is None or not picture.is_file():
        return ""
    return "data:image/png;base64," + base64.b64encode(picture.read_bytes()).decode("ascii")


def case_study(
    facts: ProjectFacts,
    report: Report,
    story: Story,
    *,
    dashboard: Path | None = None,
    api: Path | None = None,
) -> str:
    """The case study as one self-contained HTML page (pictures inlined, every value escaped).

    Raises:
        TypeError, ValueError: see :func:`check_story`.
    """
    check_story(story)
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    outcomes = report.outcomes
    return env.from_string(TEMPLATE).render(
        facts=facts,
        story=story,
        draft=story == EXAMPLE_STORY,
        report={
            "points": report.points,
            "max_points": report.max_points,
            "passed": sum(1 for item in outcomes if item.passed),
            "total": len(outcomes),
        },
        layers=", ".join(f"{module} {title}" for module, title in facts.layers),
        adrs=", ".join(title for title, _ in facts.adrs),
        dashboard=_inline(dashboard),
        api=_inline(api),
    )
