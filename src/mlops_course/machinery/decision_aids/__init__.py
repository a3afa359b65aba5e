"""Decision aids: the course's trade-off matrices as data, pure recommendations and a thin widget.

Three layers:

* **data** — ``assets/decision_aids/<aid_id>.yaml``, validated by :mod:`.schema` (Spanish errors
  naming the file and the field path);
* **logic** — one pure, typed scoring function per aid (:mod:`.aids`), run by :mod:`.engine`;
  :func:`recommend` ranks the options with reasons and warnings;
* **view** — :mod:`.render` (pure HTML/Markdown/ADR text) and :mod:`.widget` (ipywidgets).

In a notebook, one line per aid::

    from mlops_course.machinery.decision_aids import show_aid
    show_aid("deployment", "12_despliegue_hibrido")

Aids: ``guide_comparison`` (00), ``environment_tools`` (03), ``branching`` (04), ``dvc`` (05),
``experiment_trackers`` (07), ``docker_levels`` (10), ``deployment`` and ``inference_mode`` (12),
``drift_tests`` (15), ``fairness_mitigation`` (16).
"""

from mlops_course.machinery.decision_aids.engine import (
    AidInputs,
    AidLogic,
    Board,
    InputError,
    Reason,
    Recommendation,
    ScoredOption,
)
from mlops_course.machinery.decision_aids.export import write_adr
from mlops_course.machinery.decision_aids.recommend import AID_IDS, get_logic, load_aid, recommend
from mlops_course.machinery.decision_aids.render import (
    adr_markdown,
    matrix_html,
    matrix_markdown,
    recommendation_html,
    recommendation_text,
    static_html,
)
from mlops_course.machinery.decision_aids.schema import (
    DecisionAid,
    DecisionAidError,
    aid_path,
    aids_dir,
    load_aid_file,
)
from mlops_course.machinery.decision_aids.widget import DecisionAidView, show_aid

__all__ = [
    "AID_IDS",
    "AidInputs",
    "AidLogic",
    "Board",
    "DecisionAid",
    "DecisionAidError",
    "DecisionAidView",
    "InputError",
    "Reason",
    "Recommendation",
    "ScoredOption",
    "adr_markdown",
    "aid_path",
    "aids_dir",
    "get_logic",
    "load_aid",
    "load_aid_file",
    "matrix_html",
    "matrix_markdown",
    "recommend",
    "recommendation_html",
    "recommendation_text",
    "show_aid",
    "static_html",
    "write_adr",
]
