"""Import an LMS download (a zip of notebooks named by student) with nbgrader's zip_collect.

Default file-name pattern (override with ``pattern``): ``<student_id>_<anything>.ipynb`` where
the student id has no underscore, e.g. ``ana.garcia_00_indice.ipynb`` or
``12345_00_indice.ipynb``. Files inside folders of the zip are matched by their name. Every file
the pattern does not match is listed in the result, never silently dropped.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from mlops_course.machinery.build.nbgrader_cli import run_nbgrader

DEFAULT_PATTERN = r"^(?P<student_id>[A-Za-z0-9.@-]+)_(?P<file_id>[^/]+\.ipynb)$"


@dataclass
class CollectResult:
    """What zip_collect imported for one assignment."""

    students: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def _nbgrader_regexp(pattern: str) -> str:
    """nbgrader matches the absolute path: anchor the name pattern after the last slash."""
    body = pattern[1:] if pattern.startswith("^") else pattern
    return r".*/" + body


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
    course: Path, slug: str, archive: Path, pattern: str = DEFAULT_PATTERN
) -> CollectResult:
    """Put ``archive`` where nbgrader expects it, run ``zip_collect`` and report the result.

    Raises:
        ValueError: if the archive is missing or not a zip, or the pattern is invalid.
        RuntimeError: if nbgrader's zip_collect fails.
    """
    compiled = validate_pattern(pattern)
    if not archive.is_file():
        raise ValueError(f"no existe el zip de entregas: {archive}")
    if not zipfile.is_zipfile(archive):
        raise ValueError(f"{archive} no es un archivo zip válido")
    with zipfile.ZipFile(archive) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
    downloaded = course / "downloaded" / slug
    if downloaded.exists():
        shutil.rmtree(downloaded)
    (downloaded / "archive").mkdir(parents=True)
    shutil.copy2(archive, downloaded / "archive" / archive.name)
    result = run_nbgrader(
        course,
        [
            "zip_collect", slug, "--force",
            f"--FileNameCollectorPlugin.named_regexp={_nbgrader_regexp(pattern)}",
        ],
        timeout=600,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader zip_collect {slug} falló:\n{result.output[-2000:]}")
    out = CollectResult()
    students: set[str] = set()
    for name in names:
        base = name.rsplit("/", 1)[-1]
        match = compiled.match(base)
        if base.startswith(".") or "__MACOSX" in name:
            continue
        if not base.endswith(".ipynb") or match is None:
            out.unmatched.append(name)
        else:
            students.add(match.group("student_id"))
    out.students = sorted(students)
    return out
