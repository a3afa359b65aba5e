"""What a student's feedback may show: each test's Spanish message, never the hidden test code.

nbgrader's feedback is the autograded notebook as HTML, and the autograded notebook holds the hidden
tests restored from the source (nbgrader #917): without this, the first graded cohort would read
every hidden test. :func:`configure_feedback` makes ``generate_feedback`` run, after reading the
grades, nbgrader's own ``ClearHiddenTests`` (the regions disappear from the cells' code) and
:class:`RedactTestOutputs` (a test cell keeps only its error line: a traceback quotes the hidden
line that failed, and a student's function could print what called it). No script of a submission
runs in the page: :func:`~mlops_course.machinery.instructor.safe_html.configure_safe_html`.
"""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

MAX_MESSAGE = 600
"""Characters of a failing test's message kept in the feedback."""


def _is_test_cell(cell: Any) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


class RedactTestOutputs(Preprocessor):
    """In test cells, keep only ``Error: message`` (no traceback, no printed output)."""

    enabled = Bool(True).tag(config=True)

    def preprocess_cell(
        self, cell: Any, resources: dict[str, Any], index: int
    ) -> tuple[Any, dict[str, Any]]:
        """Redact one cell (test cells only)."""
        if not _is_test_cell(cell):
            return cell, resources
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            message = str(output.get("evalue", ""))[:MAX_MESSAGE]
            line = f"{output.get('ename', 'Error')}: {message}" if message else output.get("ename")
            output["traceback"] = [line]
            kept.append(output)
        cell["outputs"] = kept
        return cell, resources


def configure_feedback(c: Any) -> None:
    """Set ``generate_feedback``'s preprocessors on an nbgrader config ``c``."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    c.GenerateFeedback.preprocessors = [
        GetGrades,
        ClearHiddenTests,
        RedactTestOutputs,
        CSSHTMLHeaderPreprocessor,
    ]
