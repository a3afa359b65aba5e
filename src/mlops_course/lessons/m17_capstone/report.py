"""The rubric as files: ``informe.json`` (for tools and the gradebook) and ``informe.html`` (for
people; self-contained, no scripts, fonts or anything fetched), plus a text table."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Final

from jinja2 import Environment, select_autoescape

from mlops_course.lessons.m17_capstone.criteria import Report

JSON_NAME: Final = "informe.json"
HTML_NAME: Final = "informe.html"

TEMPLATE: Final = """<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Informe del proyecto · {{ points }}/{{ max_points }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr.ok td.estado { color: #1a7f37; font-weight: bold; }
tr.falla td.estado { color: #cf222e; font-weight: bold; }
ul { margin: .25rem 0; padding-left: 1.2rem; }
code { font-size: .9em; }
</style>
</head>
<body>
<h1>Informe del proyecto integrador</h1>
<p id="resumen"><strong>{{ points }} de {{ max_points }} puntos</strong> ·
{{ passed }} de {{ total }} criterios cumplidos · {{ seconds }} s</p>
<p>Proyecto: <code>{{ project }}</code> · revisado el {{ checked_at }}
{%- if commit %} · commit <code>{{ commit }}</code>{% endif %}</p>
<table>
<thead><tr><th>Criterio</th><th>Módulo</th><th>Puntos</th><th>Estado</th>
<th>Motivo y evidencia</th><th>Dónde se enseña</th></tr></thead>
<tbody>
{% for o in outcomes %}
<tr class="{{ 'ok' if o.passed else 'falla' }}" id="criterio-{{ o.criterion }}">
<td><strong>{{ o.title }}</strong><br><code>{{ o.criterion }}</code></td>
<td>{{ o.module }}</td>
<td>{{ o.points }}/{{ o.max_points }}</td>
<td class="estado">{{ 'cumple' if o.passed else 'no cumple' }}</td>
<td>{% if o.reason %}<p>{{ o.reason }}</p>{% endif %}
{% if o.evidence %}<ul>{% for line in o.evidence %}
<li><code>{{ line }}</code></li>{% endfor %}</ul>{% endif %}</td>
<td>{{ o.taught }}</td>
</tr>
{% endfor %}
</tbody>
</table>
</body>
</html>
"""


def as_dict(report: Report) -> dict[str, Any]:
    """The report as plain data (what ``informe.json`` holds)."""
    return {
        "proyecto": report.project,
        "revisado": report.checked_at,
        "commit": report.commit,
        "puntos": report.points,
        "maximo": report.max_points,
        "segundos": report.seconds,
        "criterios": [asdict(item) for item in report.outcomes],
    }


def render_html(report: Report) -> str:
    """The report as one HTML page; every value escaped."""
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(TEMPLATE).render(
        points=report.points,
        max_points=report.max_points,
        passed=sum(1 for item in report.outcomes if item.passed),
        total=len(report.outcomes),
        seconds=report.seconds,
        project=report.project,
        checked_at=report.checked_at,
        commit=report.commit,
        outcomes=report.outcomes,
    )


def write_report(report: Report, folder: str | Path) -> tuple[Path, Path]:
    """Write ``informe.json`` and ``informe.html`` into ``folder`` (created); their paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    json_path = target / JSON_NAME
    json_path.write_text(
        json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    html_path = target / HTML_NAME
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path


def text_table(report: Report) -> str:
    """A terminal summary: one line per criterion, the reason under each miss."""
    lines = [f"{'criterio':<18} {'mód.':>4} {'puntos':>7}  estado", "-" * 46]
    for item in report.outcomes:
        state = "cumple" if item.passed else "NO CUMPLE"
        lines.append(
            f"{item.criterion:<18} {item.module:>4} {item.points:>3}/{item.max_points:<3}  {state}"
        )
        if item.reason:
            lines.append(f"    motivo: {item.reason}")
    lines.append(f"{'total':<18} {'':>4} {report.points:>3}/{report.max_points:<3}")
    return "\n".join(lines)
