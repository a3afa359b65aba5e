"""The run report of a cohort: one line per student and notebook, reasons in plain Spanish."""

from __future__ import annotations

import csv
from pathlib import Path

from mlops_course.machinery.instructor.collect import CollectResult
from mlops_course.machinery.instructor.intake import Action, IntakeNote
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


INTAKE_HEADER = ("entrada", "acción", "estudiante", "notebook", "motivo")
INTAKE_CSV = "importacion.csv"


def _cell(text: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (an LMS name can start with =)."""
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def _notable(note: IntakeNote) -> bool:
    """Worth a line for the instructor: all but plain imports, hidden files and unmatched files
    (those have their own section)."""
    if note.action is Action.TAKEN:
        return bool(note.reason)
    return note.action not in (Action.IGNORED, Action.UNMATCHED)


def format_intake(collected: CollectResult) -> str:
    """One line per import decision worth reading (empty string when there is none)."""
    lines = []
    for note in filter(_notable, collected.notes):
        target = f" → {note.student}/{note.notebook}" if note.student and note.notebook else ""
        lines.append(f"IMPORTACIÓN {note.action.upper()}: {note.entry}{target}: {note.reason}")
    return "\n".join(lines)


def write_intake_report(collected: CollectResult, md: Path) -> Path:
    """Append the import section to the run report ``md`` and write ``importacion.csv`` (one row
    per entry of the LMS zip) next to it; return the CSV's path."""
    notable = [n for n in collected.notes if _notable(n)]
    taken = sum(1 for n in collected.notes if n.action is Action.TAKEN)
    text = [
        "",
        "## Importación del zip del LMS",
        "",
        f"{taken} notebooks importados de {len(collected.students)} estudiantes. Detalle de cada "
        f"entrada del zip en `{INTAKE_CSV}`.",
    ]
    if notable:
        text += ["", "| " + " | ".join(INTAKE_HEADER) + " |", "|" + "---|" * len(INTAKE_HEADER)]
        text += [
            "| "
            + " | ".join(
                c.replace("|", "/") for c in (n.entry, n.action, n.student, n.notebook, n.reason)
            )
            + " |"
            for n in notable
        ]
    else:
        text += ["", "Sin incidencias: cada notebook se importó tal como venía."]
    with md.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(text) + "\n")
    path = md.parent / INTAKE_CSV
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(INTAKE_HEADER)
        writer.writerows(
            [_cell(c) for c in (n.entry, n.action, n.student, n.notebook, n.reason)]
            for n in collected.notes
        )
    return path
