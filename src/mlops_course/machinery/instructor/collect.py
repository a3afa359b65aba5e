"""Import an LMS download (a zip of notebooks named by student) with nbgrader's zip_collect.

The LMS zip is never handed to nbgrader as it is: :mod:`.intake` reads it entry by entry and
writes a clean zip (one notebook per student and name, safe names, nested zips opened, size
limits applied) that ``nbgrader zip_collect`` then imports into ``submitted/``. One bad file never
stops the cohort; each decision is in :attr:`CollectResult.notes`.

Default file-name pattern (override with ``pattern``): ``<student_id>_<anything>.ipynb`` where
the student id starts with a letter or digit and has letters (accented too), digits, ``.``,
``@``, ``-`` or spaces, but no underscore: ``ana.garcia_00_indice.ipynb``,
``maría.lópez_00_indice.ipynb``, ``12345_00_indice.ipynb``, ``Ana García_00_indice.ipynb``
(student ``Ana García``; some LMSs export full names). Names are matched after Unicode NFC
normalisation. Every file the pattern does not match is listed in the result, never silently
dropped.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from mlops_course.machinery import nbio
from mlops_course.machinery.build.nbgrader_cli import run_nbgrader
from mlops_course.machinery.instructor.capstone_grade import project_task_points
from mlops_course.machinery.instructor.intake import (
    DEFAULT_MAX_NOTEBOOK_MB,
    DEFAULT_MAX_TOTAL_MB,
    PROJECT_ARCHIVE,
    Caps,
    IntakeNote,
    clean_lms_zip,
)

DEFAULT_PATTERN = r"^(?P<student_id>[^\W_](?:[^\W_]|[ .@-])*)_(?P<file_id>[^/\\]+\.ipynb)$"
CLEAN_ZIP = ".importacion.zip"
"""The clean zip in ``downloaded/<module>/archive/``; it extracts to ``extracted/.importacion/``
(a name no student id can have: ids never start with a dot)."""
NBGRADER_REGEXP = (
    r".*/\.importacion/(?P<student_id>[^/]+)/(?:t(?P<timestamp>[^/]+)/)?(?P<file_id>[^/]+\.ipynb)$"
)


@dataclass
class CollectResult:
    """What zip_collect imported for one assignment."""

    students: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    notes: list[IntakeNote] = field(default_factory=list)
    """One note per entry of the LMS zip: imported, discarded, rejected… and why (Spanish)."""


def validate_pattern(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` and check its named groups.

    Raises:
        ValueError: with a Spanish message when the pattern is invalid or lacks a group.
    """
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"el patrón de nombres no es una expresión regular válida: {exc}") from exc
    missing = {"student_id", "file_id"} - set(compiled.groupindex)
    if missing:
        raise ValueError(
            "el patrón de nombres debe tener los grupos (?P<student_id>…) y (?P<file_id>…); "
            f"faltan: {', '.join(sorted(missing))}"
        )
    return compiled


def collect_zip(
    course: Path,
    slug: str,
    archive: Path,
    pattern: str = DEFAULT_PATTERN,
    max_notebook_mb: float = DEFAULT_MAX_NOTEBOOK_MB,
    max_total_mb: float = DEFAULT_MAX_TOTAL_MB,
) -> CollectResult:
    """Clean ``archive`` into ``downloaded/<slug>/archive/``, run ``zip_collect`` and report.

    Raises:
        ValueError: if the archive is missing or not a zip, the pattern is invalid or a limit is
            not positive.
        RuntimeError: if nbgrader's zip_collect fails or leaves out a notebook it was given.
    """
    compiled = validate_pattern(pattern)
    caps = Caps.from_mb(max_notebook_mb, max_total_mb)
    if not archive.is_file():
        raise ValueError(f"no existe el zip de entregas: {archive}")
    if not zipfile.is_zipfile(archive):
        raise ValueError(f"{archive} no es un archivo zip válido")
    downloaded = course / "downloaded" / slug
    if downloaded.exists():
        shutil.rmtree(downloaded)
    (downloaded / "archive").mkdir(parents=True)
    expected = {p.name for p in (course / "source" / slug).glob("*.ipynb")}
    source = course / "source" / slug / f"{slug}.ipynb"
    # Module 17's project archives are set aside (nbgrader's zip_collect would unpack them).
    projects = downloaded / "proyectos"
    grades_projects = source.is_file() and project_task_points(nbio.read(source)) is not None
    intake = clean_lms_zip(
        archive,
        downloaded / "archive" / CLEAN_ZIP,
        compiled,
        expected,
        caps,
        downloaded,
        projects if grades_projects else None,
    )
    out = CollectResult(sorted(intake.taken), intake.unmatched, intake.notes)
    if not intake.taken:
        return out
    result = run_nbgrader(
        course,
        [
            "zip_collect",
            slug,
            "--force",
            f"--FileNameCollectorPlugin.named_regexp={NBGRADER_REGEXP}",
        ],
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader zip_collect {slug} falló:\n{result.output[-2000:]}")
    for project in sorted(projects.glob(f"*/{PROJECT_ARCHIVE}")):
        folder = course / "submitted" / project.parent.name / slug
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project, folder / PROJECT_ARCHIVE)
    missing = [
        f"{student}/{name}"
        for student, names in intake.taken.items()
        for name in names
        if not (course / "submitted" / student / slug / name).is_file()
    ]
    if missing:
        raise RuntimeError(
            f"nbgrader zip_collect {slug} no importó {', '.join(missing)}:\n{result.output[-2000:]}"
        )
    return out
