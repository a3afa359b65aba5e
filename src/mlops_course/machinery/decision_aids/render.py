"""Pure renderers: the matrix (HTML and Markdown), the recommendation and the ADR as text.

Nothing here needs a kernel or touches the disk; the widget and the static fallback are thin
wrappers over these functions. Meaning never relies on colour alone: the recommended column is
highlighted *and* its header says "✔ recomendado"; reasons in favour and against carry the
markers "✔" / "✘" and the words "a favor" / "en contra".
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import Any

from mlops_course.machinery.decision_aids.engine import Recommendation, ScoredOption
from mlops_course.machinery.decision_aids.formatting import fmt_value
from mlops_course.machinery.decision_aids.schema import DecisionAid

CHOSEN_MARK = "✔ recomendado"
STATIC_HINT = (
    "Vista estática (para leer sin kernel: nbconvert, GitHub). Al ejecutar la celda en JupyterLab, "
    "la ayuda interactiva aparece debajo: mueve sus entradas y exporta tu decisión como ADR."
)
ADR_SECTIONS = ("CONTEXTO", "DECISIÓN", "CONSECUENCIAS", "ALTERNATIVAS RECHAZADAS")
_CHOSEN_STYLE = "background:#e6f4ea;border:2px solid #1e7b34;font-weight:bold"
_CELL_STYLE = (
    "text-align:left;vertical-align:top;padding:4px 8px;border:1px solid #ccc;line-height:1.4"
)
_BLOCK_STYLE = "line-height:1.4"  # the ipywidgets HTML widget would use 28px lines


def _e(text: object) -> str:
    return html.escape(str(text))


def _ul(items: Iterable[str], css: str = "") -> str:
    entries = "".join(f"<li>{_e(item)}</li>" for item in items)
    attr = f' class="{css}"' if css else ""
    return f"<ul{attr}>{entries}</ul>" if entries else ""


def matrix_html(aid: DecisionAid[Any], recommended: str | None = None) -> str:
    """The full matrix as an HTML table; the ``recommended`` option's column is marked.

    Rows are the criteria (with their source), plus a "Cuándo NO usar" row. The recommended
    column gets the CSS class ``mlops-aid-chosen``, a highlight and the text "✔ recomendado".
    """
    head = [f'<th scope="col" style="{_CELL_STYLE}">Criterio</th>']
    for option in aid.options:
        if option.id == recommended:
            head.append(
                f'<th scope="col" class="mlops-aid-chosen" data-option="{_e(option.id)}" '
                f'style="{_CELL_STYLE};{_CHOSEN_STYLE}">{_e(option.name)}<br>'
                f'<span class="mlops-aid-chosen-mark">{CHOSEN_MARK}</span></th>'
            )
        else:
            head.append(
                f'<th scope="col" data-option="{_e(option.id)}" style="{_CELL_STYLE}">'
                f"{_e(option.name)}</th>"
            )
    head.append(f'<th scope="col" style="{_CELL_STYLE}">Fuente</th>')
    rows = []
    for criterion in aid.criteria:
        cells = [f'<th scope="row" style="{_CELL_STYLE}">{_e(criterion.name)}</th>']
        for option in aid.options:
            chosen = option.id == recommended
            css = ' class="mlops-aid-chosen"' if chosen else ""
            style = f"{_CELL_STYLE};{_CHOSEN_STYLE}" if chosen else _CELL_STYLE
            cells.append(f'<td{css} style="{style}">{_e(option.cells[criterion.id])}</td>')
        cells.append(
            f'<td style="{_CELL_STYLE};font-size:80%;min-width:12em">{_e(criterion.source)}</td>'
        )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    warn = [f'<th scope="row" style="{_CELL_STYLE}">Cuándo NO usar</th>']
    for option in aid.options:
        chosen = option.id == recommended
        css = ' class="mlops-aid-chosen"' if chosen else ""
        style = f"{_CELL_STYLE};{_CHOSEN_STYLE}" if chosen else _CELL_STYLE
        warn.append(f'<td{css} style="{style};font-weight:normal">{_ul(option.when_not)}</td>')
    warn.append(f'<td style="{_CELL_STYLE}"></td>')
    rows.append("<tr>" + "".join(warn) + "</tr>")
    return (
        f'<table class="mlops-aid-table" data-aid="{_e(aid.id)}" '
        'style="border-collapse:collapse">'
        f'<caption style="text-align:left"><b>{_e(aid.title)}</b> — fuente: {_e(aid.source)}'
        "</caption>"
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def matrix_markdown(aid: DecisionAid[Any], recommended: str | None = None) -> str:
    """The full matrix as a GitHub-flavoured Markdown table (recommended column marked in text)."""
    names = [
        f"{option.name} {CHOSEN_MARK}" if option.id == recommended else option.name
        for option in aid.options
    ]
    lines = [
        "| Criterio | " + " | ".join(_md(name) for name in names) + " | Fuente |",
        "|" + "---|" * (len(aid.options) + 2),
    ]
    for criterion in aid.criteria:
        cells = [_md(option.cells[criterion.id]) for option in aid.options]
        lines.append(
            f"| {_md(criterion.name)} | " + " | ".join(cells) + f" | {_md(criterion.source)} |"
        )
    warnings = ["<br>".join(f"• {_md(item)}" for item in option.when_not) for option in aid.options]
    lines.append("| Cuándo NO usar | " + " | ".join(warnings) + " |  |")
    return "\n".join(lines)


def input_lines(aid: DecisionAid[Any], recommendation: Recommendation) -> list[str]:
    """``"<label>: <value>"`` for every input of the recommendation, in the aid's order."""
    return [
        f"{spec.label}: {fmt_value(spec, recommendation.inputs[spec.id])}"
        for spec in aid.inputs
        if spec.id in recommendation.inputs
    ]


def _reason_items(option: ScoredOption) -> list[str]:
    items = []
    for reason in option.reasons:
        if reason.points > 0:
            items.append(f"✔ A favor (+{reason.points}): {reason.text}")
        elif reason.points < 0:
            items.append(f"✘ En contra ({reason.points}): {reason.text}")
        else:
            items.append(f"· Dato: {reason.text}")
    return items or ["· Ninguna de tus entradas favorece ni penaliza esta opción."]


def recommendation_heading(recommendation: Recommendation) -> str:
    """``"Recomendado: <option name>"``."""
    return f"Recomendado: {recommendation.best.name}"


def recommendation_html(aid: DecisionAid[Any], recommendation: Recommendation) -> str:
    """Heading "Recomendado: X" plus the reasons of X only (no other option is named here)."""
    best = recommendation.best
    return (
        f'<div class="mlops-aid-recommendation-body" data-option="{_e(best.option_id)}" '
        f'style="{_BLOCK_STYLE}">'
        f'<h4 class="mlops-aid-recommendation-heading">{_e(recommendation_heading(recommendation))}'
        f"</h4><p>{_e(aid.option(best.option_id).summary)} Puntuación: {best.score}.</p>"
        f"<p><b>Por qué:</b></p>{_ul(_reason_items(best), 'mlops-aid-reasons')}</div>"
    )


def ranking_html(aid: DecisionAid[Any], recommendation: Recommendation) -> str:
    """Every option with its score and reasons, best first, plus the aid's notes."""
    items = []
    for option in recommendation.ranking:
        items.append(
            f'<li data-option="{_e(option.option_id)}"><b>{_e(option.name)}</b> — '
            f"{option.score} punto(s){_ul(_reason_items(option))}</li>"
        )
    notes = list(recommendation.notes) + list(aid.notes)
    notes_html = f"<p><b>Notas:</b></p>{_ul(dict.fromkeys(notes))}" if notes else ""
    return (
        f'<details style="{_BLOCK_STYLE}"><summary>Ranking completo y notas</summary>'
        f"<ol>{''.join(items)}</ol>{notes_html}</details>"
    )


def warnings_html(aid: DecisionAid[Any], recommendation: Recommendation) -> str:
    """Warnings raised by these inputs for the recommended option, and its "cuándo NO usar"."""
    best = recommendation.best
    parts = []
    if best.warnings:
        parts.append(f"<p><b>⚠ Atención con estas entradas:</b></p>{_ul(best.warnings)}")
    parts.append(
        f"<p><b>⚠ Cuándo NO usar {_e(best.name)}:</b></p>{_ul(aid.option(best.option_id).when_not)}"
    )
    return f'<div style="{_BLOCK_STYLE}">' + "".join(parts) + "</div>"


def recommendation_text(aid: DecisionAid[Any], recommendation: Recommendation) -> str:
    """Plain-text summary: heading, reasons, warnings and the ranking (for logs and tests)."""
    best = recommendation.best
    lines = [recommendation_heading(recommendation), "Por qué:"]
    lines += [f"  {item}" for item in _reason_items(best)]
    if best.warnings:
        lines.append("Atención:")
        lines += [f"  ⚠ {warning}" for warning in best.warnings]
    lines.append(f"Cuándo NO usar {best.name}:")
    lines += [f"  ⚠ {item}" for item in aid.option(best.option_id).when_not]
    lines.append("Ranking: " + ", ".join(f"{o.name} ({o.score})" for o in recommendation.ranking))
    return "\n".join(lines)


def _why_not(option: ScoredOption, best: ScoredOption) -> str:
    """Why a rejected option lost: its reasons against, or what it had in favour."""
    against = sorted((r for r in option.reasons if r.points < 0), key=lambda r: r.points)
    if against:
        return " ".join(reason.text for reason in against)
    if option.pros:
        return f"a favor tenía: {' '.join(option.pros)} Pero {best.name} suma más."
    return f"ninguna de tus entradas la favorece; {best.name} suma más."


def adr_markdown(
    aid: DecisionAid[Any],
    recommendation: Recommendation,
    *,
    number: int,
    date: dt.date,
) -> str:
    """The current decision as an ADR in the seed's format, as Markdown.

    Sections (``##`` headings): CONTEXTO, DECISIÓN, CONSECUENCIAS (``(+)`` / ``(-)`` items) and
    ALTERNATIVAS RECHAZADAS (each rejected option and why). The title is
    ``# ADR-<aid>-<NNN>: <adr_title with the chosen option>``.
    """
    best = recommendation.best
    chosen = aid.option(best.option_id)
    identifier = f"ADR-{aid.id}-{number:03d}"
    lines = [
        f"# {identifier}: {aid.title_for(best.name)}",
        "",
        f"- Fecha: {date.isoformat()}",
        "- Estado: propuesto",
        f"- Ayuda de decisión: {aid.title} (fuente: {aid.source})",
        "",
        "## CONTEXTO",
        "",
        aid.question,
        "",
        "Datos de partida:",
        "",
    ]
    lines += [f"- {line}" for line in input_lines(aid, recommendation)]
    lines += [
        "",
        "## DECISIÓN",
        "",
        f"Elegimos **{best.name}** ({best.score} puntos). {chosen.summary}",
        "",
        "## CONSECUENCIAS",
        "",
    ]
    positives = list(best.pros) or [f"Es la opción con más puntos ({best.score})."]
    negatives = list(best.cons) + list(best.warnings)
    negatives += [f"Cuándo NO usar {best.name}: {item}" for item in chosen.when_not]
    lines += [f"- (+) {item}" for item in positives]
    lines += [f"- (-) {item}" for item in negatives]
    lines += ["", "## ALTERNATIVAS RECHAZADAS", ""]
    for option in recommendation.rejected:
        lines.append(
            f"- {option.name} ({option.score} puntos frente a {best.score}): "
            f"{_why_not(option, best)}"
        )
    lines += [
        "",
        "---",
        "",
        f"_Generado con la ayuda de decisión `{aid.id}` del curso. Revísalo y complétalo con tu"
        " contexto antes de darlo por aceptado._",
        "",
    ]
    return "\n".join(lines)


def static_html(aid: DecisionAid[Any], recommendation: Recommendation | None = None) -> str:
    """Self-contained HTML for viewers without a kernel (nbconvert, GitHub): matrix and notes.

    With ``recommendation`` (normally the one for the default inputs), its heading and reasons
    are included and its column is marked.
    """
    recommended = recommendation.best.option_id if recommendation is not None else None
    parts = [
        f'<div class="mlops-aid-static mlops-aid-{_e(aid.id)}" style="{_BLOCK_STYLE}">',
        f"<h3>{_e(aid.title)}</h3>",
        f"<p><i>{STATIC_HINT}</i></p>",
        f"<p>{_e(aid.question)}</p>",
        f"<p>{_e(aid.summary)}</p>",
    ]
    if recommendation is not None:
        parts.append("<p><i>Con los valores por defecto:</i></p>")
        parts.append(recommendation_html(aid, recommendation))
        parts.append(
            "<ul>"
            + "".join(f"<li>{_e(x)}</li>" for x in input_lines(aid, recommendation))
            + "</ul>"
        )
    parts.append(matrix_html(aid, recommended))
    if aid.notes:
        parts.append(f"<p><b>Notas:</b></p>{_ul(aid.notes)}")
    parts.append("</div>")
    return "".join(parts)
