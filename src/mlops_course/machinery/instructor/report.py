"""The run report of a cohort: one line per student and notebook, reasons in plain Spanish."""

from __future__ import annotations

import csv
from pathlib import Path

from mlops_course.machinery.instructor.run import CohortRun

HEADER = ("módulo", "estudiante", "estado", "puntos", "máximo", "motivo")


def format_run(run: CohortRun) -> str:
    """A fixed-width table for the terminal, then counts and unmatched files."""
    lines = [
        f"{'estudiante':<34} {'estado':<20} {'puntos':>9}  motivo",
        "-" * 90,
    ]
    for o in run.outcomes:
        pts = f"{o.score:g}/{o.max_score:g}"
        lines.append(f"{o.student:<34} {o.status:<20} {pts:>9}  {o.reason}")
    counts: dict[str, int] = {}
    for o in run.outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    lines.append(
        f"{run.module}: {len(run.outcomes)} estudiantes ({summary}); calificados ahora "
        f"{len(run.graded_now)}, sin cambios {len(run.reused)}"
    )
    for name in run.unmatched:
        lines.append(f"SIN ASIGNAR (el patrón de nombres no lo reconoce): {name}")
    return "\n".join(lines)


def write_run_report(run: CohortRun, folder: Path) -> tuple[Path, Path]:
    """Write ``informe.md`` and ``informe.csv`` for the run into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "informe.md"
    rows = [
        (run.module, o.student, o.status, f"{o.score:g}", f"{o.max_score:g}", o.reason)
        for o in run.outcomes
    ]
    text = [f"# Informe de calificación — {run.module}", "", "| " + " | ".join(HEADER) + " |"]
    text.append("|" + "---|" * len(HEADER))
    text.extend("| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows)
    if run.unmatched:
        text += ["", "## Archivos del zip sin asignar a ningún estudiante", ""]
        text += [f"- `{name}`" for name in run.unmatched]
    md.write_text("\n".join(text) + "\n", encoding="utf-8")
    path = folder / "informe.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return md, path
