"""Self-check: run a copy of the student's notebook in a fresh kernel and report in Spanish.

This replaces nbgrader's Validate button (broken in JupyterLab 4, nbgrader #1866). Only the
visible tests exist in the student's notebook, so the result is a guide, not the final grade.
The student's file is never modified; the copy runs in a temporary folder.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mlops_course.machinery import nbio
from mlops_course.machinery.procenv import tool_env
from mlops_course.machinery.student.status import ExerciseStatus, exercise_statuses
from mlops_course.machinery.workspace import find_course_root


def module_notebook(slug: str, root: Path | None = None) -> Path:
    """The student's notebook of module ``slug`` in the course clone (``notebooks/<slug>/``).

    Raises:
        ValueError: if the course or the notebook cannot be found.
    """
    course = root or find_course_root()
    if course is None:
        raise ValueError(
            "no encuentro la carpeta del curso (la que tiene nbgrader_config.py); abre JupyterLab "
            "con `make lab` desde el clon del curso"
        )
    path = course / "notebooks" / slug / f"{slug}.ipynb"
    if not path.is_file():
        raise ValueError(f"no existe el notebook del módulo {slug!r}: {path}")
    return path


def run_self_check(path: Path, cell_timeout: int = 120) -> list[ExerciseStatus]:
    """Execute a copy of ``path`` (errors allowed) and return the per-exercise statuses."""
    from nbclient import NotebookClient

    nb = nbio.read(path)
    with tempfile.TemporaryDirectory(prefix="autocomprobacion-") as tmp:
        work = Path(tmp)
        for sibling in path.parent.iterdir():
            if sibling.is_file() and sibling != path:
                shutil.copy2(sibling, work / sibling.name)
        client = NotebookClient(
            nb,
            timeout=cell_timeout,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(work)}},
        )
        # A throwaway workspace: the self-check never overwrites the student's deliverables.
        env = tool_env(MLOPS_WORKSPACE=str(work / "workspace"))
        client.execute(env=env)
    return exercise_statuses(nb)


def summary(slug: str, statuses: list[ExerciseStatus]) -> str:
    """A short Spanish text: one line per exercise and what to do next."""
    icons = {
        "supera sus tests visibles": "✔",
        "falla": "✘",
        "sin ejecutar": "…",
        "sin empezar": "○",
    }
    lines = [f"Autocomprobación de {slug} (solo tests visibles; la nota final incluye ocultos):"]
    for s in statuses:
        icon = icons.get(s.state.value, "✎")
        extra = f" — {s.message}" if s.message else ""
        lines.append(f"  {icon} {s.name} ({s.points:g} pt): {s.state.value}{extra}")
    passing = sum(s.state.value == "supera sus tests visibles" for s in statuses)
    auto = [s for s in statuses if not s.manual]
    lines.append(f"{passing} de {len(auto)} ejercicios autocalificados superan sus tests visibles.")
    return "\n".join(lines)
