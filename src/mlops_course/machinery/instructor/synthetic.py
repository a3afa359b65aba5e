"""The foundation harness's synthetic cohort, delivered the way an LMS delivers it: one zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mlops_course.machinery.grading.cohort import Submission


def write_lms_zip(cohort: list[Submission], path: Path) -> Path:
    """Write ``<student>_<file>`` entries for every file of every submission into ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for sub in cohort:
            for name, text in sub.files.items():
                zf.writestr(f"{sub.student}_{name}", text)
    return path
