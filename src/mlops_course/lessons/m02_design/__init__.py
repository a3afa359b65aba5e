"""Helpers of module 02 (Diseño de sistemas ML): a typed ML Canvas and the C4 diagram checker.

* :mod:`.canvas` — :class:`MLCanvas` (typed, Spanish validation errors) and :func:`review_canvas`,
  the quality gate that rejects empty or generic fields, a baseline that the target does not beat
  and a success metric not tied to a decision, and :func:`render_ml_canvas`, the ``ML_CANVAS.md``
  deliverable;
* :mod:`.c4` — a small typed parser of the Mermaid C4 subset the course uses
  (:func:`parse_c4`, :func:`c4_problems`): the grader's structural check, since no Mermaid CLI
  runs offline;
* :mod:`.slo` — :class:`LatencySLO`, a latency objective ("99 % in 300 ms") with its error budget;
* :mod:`.mermaid` — show a Mermaid diagram in JupyterLab (a fenced block inside Markdown);
* :mod:`.spy` — :class:`SpyModel`, a stand-in model that records the batches it scores.
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
    render_ml_canvas,
    review_canvas,
)
from mlops_course.lessons.m02_design.mermaid import mermaid_markdown, show_mermaid
from mlops_course.lessons.m02_design.slo import LatencySLO

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
    "LatencySLO",
    "MLCanvas",
    "SuccessMetric",
    "c4_problems",
    "mermaid_markdown",
    "parse_c4",
    "render_ml_canvas",
    "review_canvas",
    "show_mermaid",
]
