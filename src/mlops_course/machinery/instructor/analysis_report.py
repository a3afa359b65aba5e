"""Write the item analysis as Markdown and standalone HTML, with PNG plots."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from mlops_course.machinery.instructor.analysis import Analysis


def _plots(analysis: Analysis, folder: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    items = analysis.items
    names = [i.name + (" (manual)" if i.manual else "") for i in items]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(items) + 1.5))
    ys = list(range(len(items)))
    ax.barh([y + 0.2 for y in ys], [100 * i.mean for i in items], height=0.4, label="nota media")
    ax.barh([y - 0.2 for y in ys], [100 * i.full_marks for i in items], height=0.4,
            label="con todos los puntos")  # fmt: skip
    ax.set_yticks(ys, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% de la cohorte")
    ax.set_title(f"{analysis.module}: resultado por ejercicio")
    ax.legend(loc="lower right")
    fig.tight_layout()
    items_png = folder / "ejercicios.png"
    fig.savefig(items_png, dpi=110)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    shares = (
        [100 * t / analysis.max_total for t in analysis.totals.values()]
        if analysis.max_total
        else []
    )
    ax.hist(shares, bins=list(range(0, 101, 10)), edgecolor="black")
    ax.set_xlabel("% de puntos autocalificados")
    ax.set_ylabel("estudiantes")
    ax.set_title(f"{analysis.module}: distribución de notas")
    fig.tight_layout()
    totals_png = folder / "notas.png"
    fig.savefig(totals_png, dpi=110)
    plt.close(fig)
    return [items_png, totals_png]


def _rows(analysis: Analysis) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for item in analysis.items:
        top = "; ".join(f"{msg} (×{n})" for msg, n in item.failures.most_common(3)) or "—"
        if item.manual and not item.scores:
            rows.append((f"{item.name} (manual)", f"{item.max_points:g}", "pendiente", "pendiente",
                         "sin calificar en el formgrader"))  # fmt: skip
            continue
        rows.append((
            item.name + (" (manual)" if item.manual else ""),
            f"{item.max_points:g}",
            f"{100 * item.mean:.0f} %",
            f"{100 * item.full_marks:.0f} %",
            top,
        ))  # fmt: skip
    return rows


HEAD = ("ejercicio", "puntos", "nota media", "con todos los puntos", "fallos más frecuentes")


def write_analysis(analysis: Analysis, folder: Path) -> tuple[Path, Path]:
    """Write ``analisis.md`` and ``analisis.html`` (plots embedded) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    pngs = _plots(analysis, folder)
    rows = _rows(analysis)
    n = len(analysis.totals)
    help_lines = [
        f"- **{s}**: {100 * share:.0f} % — flojo en: {', '.join(weak) or '—'}"
        for s, share, weak in analysis.need_help
    ] or ["- Nadie por debajo del umbral."]
    md = [
        f"# Análisis por ejercicio — {analysis.module}",
        "",
        f"{n} estudiantes calificados; {analysis.max_total:g} puntos autocalificados.",
        "",
        "| " + " | ".join(HEAD) + " |",
        "|" + "---|" * len(HEAD),
        *("| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows),
        "",
        *(f"![{p.stem}]({p.name})" for p in pngs),
        "",
        "## Estudiantes que necesitan ayuda",
        "",
        *help_lines,
    ]
    md_path = folder / "analisis.md"
    md_path.write_text("\n".join(md) + "\n", encoding="utf-8")
    imgs = "".join(
        f'<img alt="{p.stem}" src="data:image/png;base64,'
        f'{base64.b64encode(p.read_bytes()).decode()}"/>'
        for p in pngs
    )
    table = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows
    )
    helps = "".join(f"<li>{html.escape(line[2:]).replace('**', '')}</li>" for line in help_lines)
    page = (
        f'<!doctype html><html lang="es"><meta charset="utf-8">'
        f"<title>Análisis {html.escape(analysis.module)}</title>"
        f"<h1>Análisis por ejercicio — {html.escape(analysis.module)}</h1>"
        f"<p>{n} estudiantes calificados; {analysis.max_total:g} puntos autocalificados.</p>"
        f"<table border=1><tr>{''.join(f'<th>{h}</th>' for h in HEAD)}</tr>{table}</table>"
        f"{imgs}<h2>Estudiantes que necesitan ayuda</h2><ul>{helps}</ul></html>"
    )
    html_path = folder / "analisis.html"
    html_path.write_text(page, encoding="utf-8")
    return md_path, html_path
