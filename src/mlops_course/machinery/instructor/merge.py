"""Copy one shadow's autograde result into the instructor's course (single writer).

Only automatic fields are copied (``auto_score``, ``needs_manual_grade``, ``auto_comment``):
manual scores and comments the instructor already entered in the formgrader are kept.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

from sqlalchemy.exc import SAWarning


def merge_shadow(course: Path, shadow: Path, slug: str, student: str) -> None:
    """Import ``student``'s submission of ``slug`` from ``shadow`` into ``course``.

    Raises:
        RuntimeError: if the shadow holds no graded submission for that student.
    """
    with warnings.catch_warnings():
        # nbgrader's own add_submission builds objects outside the session: harmless noise.
        warnings.simplefilter("ignore", SAWarning)
        _merge_grades(course, shadow, slug, student)
    for kind in ("autograded",):
        src = shadow / kind / student / slug
        dest = course / kind / student / slug
        if dest.exists():
            shutil.rmtree(dest)
        if src.exists():
            shutil.copytree(src, dest)


def _merge_grades(course: Path, shadow: Path, slug: str, student: str) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{shadow / 'gradebook.db'}") as sgb:
        try:
            ssub = sgb.find_submission(slug, student)
        except MissingEntry as exc:
            raise RuntimeError(
                f"{student}: la copia privada no tiene la entrega calificada"
            ) from exc
        timestamp = ssub.timestamp
        grades = [
            (g.notebook.name, g.name, g.auto_score, g.needs_manual_grade)
            for nb in ssub.notebooks
            for g in nb.grades
        ]
        comments = [
            (c.notebook.name, c.name, c.auto_comment) for nb in ssub.notebooks for c in nb.comments
        ]
        flags = {nb.name: nb.flagged for nb in ssub.notebooks}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as mgb:
        mgb.update_or_create_student(student)
        kwargs = {"timestamp": timestamp} if timestamp is not None else {}
        mgb.update_or_create_submission(slug, student, **kwargs)
        for notebook, name, auto_score, needs_manual in grades:
            grade = mgb.find_grade(name, notebook, slug, student)
            grade.auto_score = auto_score
            grade.needs_manual_grade = needs_manual
        for notebook, name, auto_comment in comments:
            comment = mgb.find_comment(name, notebook, slug, student)
            comment.auto_comment = auto_comment
        for notebook, flagged in flags.items():
            mgb.find_submission_notebook(notebook, slug, student).flagged = flagged
        mgb.db.commit()
