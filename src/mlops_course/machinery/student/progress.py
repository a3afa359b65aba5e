"""The student's progress across modules, read from their own saved notebooks (all local)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from mlops_course.machinery.student.status import ExerciseState, ExerciseStatus, notebook_statuses
from mlops_course.machinery.workspace import find_course_root


@dataclass
class ModuleProgress:
    """One module: its exercises' states, or why the notebook could not be read."""

    slug: str
    exercises: list[ExerciseStatus] = field(default_factory=list)
    problem: str = ""

    @property
    def passing(self) -> int:
        """Autograded exercises whose visible tests pass."""
        return sum(e.state is ExerciseState.PASSING for e in self.exercises)

    @property
    def autograded(self) -> int:
        """Number of autograded exercises in the module."""
        return sum(not e.manual for e in self.exercises)


def course_progress(root: Path | None = None) -> list[ModuleProgress]:
    """Progress of every module notebook under ``<course>/notebooks``.

    Raises:
        ValueError: if the course folder cannot be found.
    """
    course = root or find_course_root()
    if course is None:
        raise ValueError("no encuentro la carpeta del curso (la que tiene nbgrader_config.py)")
    result: list[ModuleProgress] = []
    for folder in sorted(p for p in (course / "notebooks").iterdir() if p.is_dir()):
        path = folder / f"{folder.name}.ipynb"
        if not path.is_file():
            continue
        try:
            result.append(ModuleProgress(folder.name, notebook_statuses(path)))
        except ValueError as exc:
            result.append(ModuleProgress(folder.name, problem=str(exc)))
    return result


ICONS = {
    ExerciseState.PASSING: "✔",
    ExerciseState.FAILING: "✘",
    ExerciseState.NOT_RUN: "…",
    ExerciseState.NOT_STARTED: "○",
    ExerciseState.MANUAL: "✎",
}


def progress_text(modules: list[ModuleProgress]) -> str:
    """A plain-text table of the progress."""
    lines = []
    for m in modules:
        if m.problem:
            lines.append(f"{m.slug}: {m.problem}")
            continue
        cells = " ".join(f"{ICONS[e.state]}{e.name}" for e in m.exercises)
        lines.append(f"{m.slug}: {m.passing}/{m.autograded}  {cells}")
    lines.append("✔ pasa · ✘ falla · … sin ejecutar · ○ sin empezar · ✎ respuesta escrita")
    return "\n".join(lines)


def progress_html(modules: list[ModuleProgress]) -> str:
    """An HTML table of the progress (one row per module, one chip per exercise)."""
    colours = {
        ExerciseState.PASSING: "#c8e6c9",
        ExerciseState.FAILING: "#ffcdd2",
        ExerciseState.NOT_RUN: "#fff9c4",
        ExerciseState.NOT_STARTED: "#eeeeee",
        ExerciseState.MANUAL: "#bbdefb",
    }
    rows = []
    for m in modules:
        if m.problem:
            rows.append(f"<tr><td>{m.slug}</td><td></td><td>{html.escape(m.problem)}</td></tr>")
            continue
        chips = "".join(
            f'<span title="{html.escape(e.state.value + (": " + e.message if e.message else ""))}"'
            f' style="background:{colours[e.state]};padding:2px 6px;margin:2px;'
            f'border-radius:4px;display:inline-block">{ICONS[e.state]} {html.escape(e.name)}</span>'
            for e in m.exercises
        )
        rows.append(
            f"<tr><td>{m.slug}</td><td>{m.passing}/{m.autograded}</td><td>{chips}</td></tr>"
        )
    legend = "✔ pasa · ✘ falla · … sin ejecutar · ○ sin empezar · ✎ respuesta escrita"
    return (
        "<table><tr><th>módulo</th><th>ejercicios que pasan</th><th>detalle</th></tr>"
        + "".join(rows)
        + f"</table><p>{legend}</p>"
    )


def show_progress(root: Path | None = None) -> None:
    """Display the progress table in a notebook (HTML with a text fallback)."""
    from IPython.display import display

    modules = course_progress(root)
    bundle = {"text/html": progress_html(modules), "text/plain": progress_text(modules)}
    display(bundle, raw=True)  # type: ignore[no-untyped-call]


def show_self_check(slug: str, root: Path | None = None) -> None:
    """Run the self-check of ``slug`` and display its summary."""
    from mlops_course.machinery.student.selfcheck import module_notebook, run_self_check, summary

    print(summary(slug, run_self_check(module_notebook(slug, root))))
