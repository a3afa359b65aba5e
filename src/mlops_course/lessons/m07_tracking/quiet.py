"""Keep MLflow's INFO logging, event prints and warnings from burying a notebook's output."""

from __future__ import annotations

import logging
import warnings
from typing import Any

_LOGGERS = ("mlflow", "alembic", "skops")
_EVENT_LOGS_OFF: list[Any] = []  # the open "events off" scope, kept for the whole process


def _events_off() -> None:
    """Switch MLflow's event stream off for good (it prints "Created version '2' of model ...").

    ``mlflow.utils.logging_utils.disable_logging`` alone does not stick: MLflow's own scoped
    "silent" blocks (autolog, ``log_model``) switch the stream back on when they exit unless an
    outer scope is still open. So we open one such scope and never close it.
    """
    if _EVENT_LOGS_OFF:
        return
    from mlflow.utils.autologging_utils.logging_and_warnings import (
        MlflowEventsAndWarningsBehaviorGlobally,
    )

    scope = MlflowEventsAndWarningsBehaviorGlobally(  # type: ignore[no-untyped-call]
        disable_event_logs=True, disable_warnings=False, reroute_warnings=False
    )
    scope.__enter__()  # type: ignore[no-untyped-call]
    _EVENT_LOGS_OFF.append(scope)


def silence_mlflow(level: int = logging.WARNING) -> None:
    """Quiet MLflow: loggers at ``level``, no event prints, no advisory warnings. Idempotent.

    What disappears is the chatter: "Creating initial MLflow database tables...", "Successfully
    registered model ...", "Created version '2' of model ..." and advisory warnings such as the
    hint about integer columns in signatures, which the module explains in its narrative.
    Errors still surface as exceptions.
    """
    for name in _LOGGERS:
        logging.getLogger(name).setLevel(level)
    _events_off()
    for category in (UserWarning, FutureWarning, DeprecationWarning):
        warnings.filterwarnings("ignore", category=category, module=r"mlflow(\.|$)")
        warnings.filterwarnings("ignore", category=category, module=r"skops(\.|$)")
