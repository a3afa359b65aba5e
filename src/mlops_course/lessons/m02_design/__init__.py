"""Helpers of module 02 (Diseño de sistemas ML): a typed ML Canvas and the C4 diagram checker.

* :mod:`.canvas` — :class:`MLCanvas` (typed, Spanish validation errors) and :func:`review_canvas`,
  the quality gate that rejects empty or generic fields, a baseline that the target does not beat
  and a success metric not tied to a decision;
* :mod:`.c4` — a small typed parser of the Mermaid C4 subset the course uses
  (:func:`parse_c4`, :func:`c4_problems`): the grader's structural check, since no Mermaid CLI
  runs offline;
* :mod:`.mermaid` — show a Mermaid diagram in JupyterLab (a fenced block inside Markdown).
"""

from mlops_course.lessons.m02_design.c4 import (
    C4_KINDS,
    C4Boundary,
    C4Diagram,
    C4Element,
    C4Relation,
    C4SyntaxError,
    c4_problems,
    parse_c4,
)
from mlops_course.lessons.m02_design.canvas import (
    CANVAS_SECTIONS,
    GENERIC_PHRASES,
    Baseline,
    CanvasError,
    ErrorCosts,
    MLCanvas,
    SuccessMetric,
    review_canvas,
)
from mlops_course.lessons.m02_design.mermaid import mermaid_markdown, show_mermaid

__all__ = [
    "C4_KINDS",
    "CANVAS_SECTIONS",
    "GENERIC_PHRASES",
    "Baseline",
    "C4Boundary",
    "C4Diagram",
    "C4Element",
    "C4Relation",
    "C4SyntaxError",
    "CanvasError",
    "ErrorCosts",
    "MLCanvas",
    "SuccessMetric",
    "c4_problems",
    "mermaid_markdown",
    "parse_c4",
    "review_canvas",
    "show_mermaid",
]
