"""The rubrics of the manually graded answers, for the instructor's eyes only.

They live inside the solution region of each manual cell of the nbgrader source, so the student
release never contains them. ``write_rubrics`` copies them to ``reports/<module>/rubricas.md``
next to the run report, where the instructor reads them while grading in the formgrader.
"""

from __future__ import annotations

from pathlib import Path

from mlops_course.machinery.grading.synthetic import read_notebook


def rubrics(source_path: Path) -> list[tuple[str, float, str]]:
    """(grade_id, points, model answer + rubric) of every manually graded answer."""
    out: list[tuple[str, float, str]] = []
    for cell in read_notebook(source_path).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and meta.get("solution"):
            lines = "".join(cell.source).split("\n")
            begin = next((i for i, line in enumerate(lines) if "BEGIN SOLUTION" in line), -1)
            end = next((i for i, line in enumerate(lines) if "END SOLUTION" in line), len(lines))
            body = "\n".join(lines[begin + 1 : end])
            out.append((meta["grade_id"], float(meta.get("points", 0)), body.strip()))
    return out


def write_rubrics(course: Path, slug: str, folder: Path) -> Path | None:
    """Write ``rubricas.md`` for ``slug`` into ``folder`` (None: no manual answers)."""
    items = rubrics(course / "source" / slug / f"{slug}.ipynb")
    if not items:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    parts = [
        f"# Rúbricas de {slug} (solo instructor: no compartir con estudiantes)",
        "",
        "Califica estas respuestas en el formgrader (`make instructor-lab` → Nbgrader → "
        "Formgrader → Manual Grading).",
    ]
    for grade_id, points, body in items:
        parts += ["", f"## {grade_id} ({points:g} puntos)", "", body]
    path = folder / "rubricas.md"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path
