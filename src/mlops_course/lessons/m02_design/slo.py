"""A latency SLO ("99 % of requests in 300 ms or less, over a window") as a typed value.

Module 02 measures the prediction latency of the churn model and checks it against a
:class:`LatencySLO`; module 15 turns the same objective into Prometheus alerting rules. The
student writes the report (percentiles, fraction over the objective, error budget); this module
only holds the objective, validated on construction with Spanish messages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LatencySLO:
    """Service level objective on latency: a fraction ``target`` of requests within ``threshold_s``.

    Attributes:
        threshold_s: latency objective in seconds (a request that takes exactly this long meets it).
        target: fraction of requests that must meet the objective, strictly between 0 and 1.
        window: the period the objective is evaluated over, in words (``"30 días"``).

    Raises:
        ValueError: if ``threshold_s`` is not a finite positive number or ``target`` is not in
            (0, 1).
    """

    threshold_s: float
    target: float
    window: str = "30 días"

    def __post_init__(self) -> None:
        if not (math.isfinite(self.threshold_s) and self.threshold_s > 0):
            raise ValueError(
                f"threshold_s debe ser un número de segundos finito y positivo, no "
                f"{self.threshold_s!r}."
            )
        if not 0 < self.target < 1:
            raise ValueError(
                f"target es la fracción de peticiones que cumplen, entre 0 y 1 sin incluirlos "
                f"(0.99, no 99): recibido {self.target!r}."
            )

    @property
    def error_budget(self) -> float:
        """Fraction of requests allowed to miss the objective over the window (``1 - target``)."""
        return 1 - self.target

    def describe(self) -> str:
        """The objective in Spanish, as it would appear in an ADR or an alert."""
        return (
            f"{self.target * 100:g} % de las peticiones en {self.threshold_s * 1000:g} ms o "
            f"menos (ventana: {self.window})"
        )
