"""Load an aid with its own typed models and recommend: the entry points notebooks and views use.

``recommend("deployment", {"monthly_requests": 10_000_000, "ops_team_size": 3})`` fills the
missing inputs with the YAML defaults, validates them (Spanish :class:`InputError`), and returns the
:class:`~mlops_course.machinery.decision_aids.engine.Recommendation`. For full typing, use an aid
module's
models directly::

    from mlops_course.machinery.decision_aids.aids import deployment
    aid = load_aid("deployment")
    rec = deployment.LOGIC.recommend(aid, deployment.Inputs(monthly_requests=500_000, ...))
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mlops_course.machinery.decision_aids.aids import REGISTRY
from mlops_course.machinery.decision_aids.engine import AidLogic, Recommendation
from mlops_course.machinery.decision_aids.schema import (
    DecisionAid,
    DecisionAidError,
    aid_path,
    load_aid_file,
)

AID_IDS: tuple[str, ...] = tuple(REGISTRY)
"""Every aid the course ships, in course order."""


def get_logic(aid_id: str) -> AidLogic[Any, Any]:
    """The code side (models + scoring) of ``aid_id``.

    Raises:
        DecisionAidError: if there is no such aid.
    """
    try:
        return REGISTRY[aid_id]
    except KeyError:
        raise DecisionAidError(
            f"No existe la ayuda de decisión {aid_id!r}. Disponibles: {', '.join(AID_IDS)}."
        ) from None


def load_aid(aid_id: str, path: Path | None = None) -> DecisionAid[Any]:
    """Load and fully validate the file of ``aid_id`` (default: ``assets/decision_aids/<id>.yaml``).

    The ``thresholds`` section is validated with the aid's thresholds model and the input spec
    against its inputs model.

    Raises:
        DecisionAidError: naming the file and each field that is wrong.
    """
    logic = get_logic(aid_id)
    return load_aid_file(
        path if path is not None else aid_path(aid_id),
        logic.thresholds_model,
        logic.inputs_model,
    )


def recommend(
    aid_id: str,
    values: Mapping[str, object] | None = None,
    *,
    aid: DecisionAid[Any] | None = None,
) -> Recommendation:
    """Rank the options of ``aid_id`` for ``values`` (missing inputs take the YAML defaults).

    Args:
        aid_id: e.g. ``"deployment"``.
        values: input values by input id.
        aid: an already loaded aid (default: :func:`load_aid`).

    Raises:
        InputError: (a ``ValueError``) if an input makes no sense; the message is Spanish.
        DecisionAidError: if the aid does not exist or its file is malformed.
    """
    logic = get_logic(aid_id)
    return logic.run(aid if aid is not None else load_aid(aid_id), values)
