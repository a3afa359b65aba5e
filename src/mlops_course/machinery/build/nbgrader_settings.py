"""The course's nbgrader settings, shared by the repository's ``nbgrader_config.py`` and by the
throwaway course directories of the build and the grading harness (one source of truth)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CODE_STUB = '# ESCRIBE TU CÓDIGO AQUÍ\nraise NotImplementedError("Ejercicio sin resolver")'
TEXT_STUB = "ESCRIBE TU RESPUESTA AQUÍ"
MISSING_CELL_NOTE = (
    "Esta celda (id: {cell_id}) faltaba en la entrega y nbgrader la ha restaurado.\n\n"
)
DEFAULT_CELL_TIMEOUT = 60


def apply_course_settings(
    c: Any,
    root: Path,
    release_directory: str = "release",
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
) -> None:
    """Fill an nbgrader traitlets config ``c`` for a course directory rooted at ``root``."""
    root = root.resolve()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = "mlops-guia"
    c.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    c.CourseDirectory.release_directory = release_directory
    # The course's own exchange folder (the system one is usually not writable): formgrader and
    # the assignment list start without errors; this course hands notebooks out through git/LMS.
    exchange = root / ".exchange"
    if root.is_dir() and not exchange.exists():
        exchange.mkdir()
        exchange.chmod(0o777)  # nbgrader insists on a world-writable exchange
    c.Exchange.root = str(exchange)
    # Never ship files that would leak or clutter: text twins, checkpoints, caches.
    c.CourseDirectory.ignore = [
        ".ipynb_checkpoints",
        "*.pyc",
        "__pycache__",
        "feedback",
        "*.py",
        "*.md",
    ]
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    # A deleted graded cell is put back and graded instead of a silent zero.
    c.OverwriteCells.add_missing_cells = True
    c.OverwriteCells.missing_cell_notification = MISSING_CELL_NOTE
    # An infinite loop costs one cell, not the whole notebook.
    c.Execute.timeout = cell_timeout
    c.Execute.interrupt_on_timeout = True
    c.LimitOutput.max_lines = 300
    c.LimitOutput.max_traceback = 60
    # A guard cell before every test catches a kernel the submission tampered with (ADR-0010).
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        Execute,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )

    from mlops_course.machinery.grading.integrity import CheckGuards, InsertGuards

    c.Autograde.autograde_preprocessors = [
        InsertGuards,
        Execute,
        CheckGuards,
        IgnorePattern,
        ClearMetadataPreprocessor,
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    # Feedback shows each test's message, never hidden test code. No submission's HTML or
    # JavaScript runs, neither in the feedback nor in the formgrader's grading page.
    from mlops_course.machinery.instructor.feedback import configure_feedback
    from mlops_course.machinery.instructor.safe_html import configure_safe_html

    configure_feedback(c)
    configure_safe_html(c)
