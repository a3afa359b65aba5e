"""The run report of a cohort: one line per student and notebook, reasons in plain Spanish."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from mlops_course.machinery.instructor.collect import CollectResult
from mlops_course.machinery.instructor.export import (
    AUTO_MAX,
    AUTO_POINTS,
    REASON,
    STATUS,
    TOTAL_MAX,
    points,
)
from mlops_course.machinery.instructor.intake import Action, IntakeNote
from mlops_course.machinery.instructor.run import CohortRun
from mlops_course.machinery.instructor.state import StudentOutcome

THIS_RUN = "en esta ejecución"
AUTOGRADED_NOW = "autocalificada ahora"
REUSED = "sin cambios (reutilizada)"
REPORTED = "informada sin calificar"
HEADER = ("módulo", "estudiante", STATUS, AUTO_POINTS, AUTO_MAX, TOTAL_MAX, THIS_RUN, REASON)


def _by_status(outcomes: Iterable[StudentOutcome]) -> str:
    counts = Counter(str(o.status) for o in outcomes)
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))


def _this_run(run: CohortRun) -> dict[str, str]:
    """What this run did with each student."""
    done = {s: AUTOGRADED_NOW for s in run.autograded}
    done.update({s: REUSED for s in run.reused})
    done.update({s: REPORTED for s in run.reported})
    return done


def summary_lines(run: CohortRun) -> list[str]:
    """What this run did: students autograded now, reused unchanged, reported without grading
    (each by status), and the final status of everyone."""
    groups = (
        ("autocalificados ahora con nbgrader", run.autograded),
        ("sin cambios, reutilizados (misma entrega, fuente y límites)", run.reused),
        ("informados sin calificar (la revisión previa los detuvo)", run.reported),
    )
    by_student = {o.student: o for o in run.outcomes}
    lines = [
        f"{run.module}: {len(run.outcomes)} estudiantes; {AUTO_MAX} {points(run.autograded_max)}, "
        f"{TOTAL_MAX} {points(run.total_max)}"
    ]
    for label, students in groups:
        detail = _by_status(by_student[s] for s in students if s in by_student)
        lines.append(f"  {label}: {len(students)}" + (f" ({detail})" if detail else ""))
    lines.append(f"  estado final: {_by_status(run.outcomes)}")
    return lines


def format_run(run: CohortRun) -> str:
    """A fixed-width table for the terminal, then counts and unmatched files."""
    lines = [
        f"{'estudiante':<34} {'estado':<20} {'autom./máx. autom.':>18} {'máx. total':>10}  motivo",
        "-" * 100,
    ]
    for o in run.outcomes:
        pts = f"{points(o.score) if o.scored else '—'}/{points(o.max_score)}"
        lines.append(
            f"{o.student:<34} {o.status:<20} {pts:>18} {points(run.total_max):>10}  {o.reason}"
        )
    lines.extend(summary_lines(run))
    for name in run.unmatched:
        lines.append(f"SIN ASIGNAR (el patrón de nombres no lo reconoce): {name}")
    return "\n".join(lines)


def write_run_report(run: CohortRun, folder: Path) -> tuple[Path, Path]:
    """Write ``informe.md`` and ``informe.csv`` for the run into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "informe.md"
    this_run = _this_run(run)
    rows = [
        (
            run.module,
            o.student,
            str(o.status),
            points(o.score) if o.scored else "",
            points(o.max_score),
            points(run.total_max),
            this_run.get(o.student, ""),
            o.reason,
        )
        for o in run.outcomes
    ]
    text = [f"# Informe de calificación — {run.module}", ""]
    text += [f"- {line.strip()}" for line in summary_lines(run)]
    text += ["", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    text.extend("| " + " | ".join((c or "—").replace("|", "/") for c in r) + " |" for r in rows)
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
