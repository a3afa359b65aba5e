"""Population Stability Index: the course's reference implementation, independent of the exercise.

PSI compares the distribution of one feature in a reference window (training) with a current
window (production) on the same bins: ``sum((a - e) * ln(a / e))`` over the bins, with ``e`` and
``a`` the expected and actual shares. An empty bin makes the logarithm infinite, so shares are
floored at ``epsilon`` before the sum (the usual practice; the value of ``epsilon`` changes the
result only when a bin is empty). Conventional reading (credit-risk practice, e.g. Siddiqi,
*Credit Risk Scorecards*, 2006): < 0.10 stable, 0.10-0.25 moderate shift, > 0.25 major shift.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

PSI_MODERATE: Final = 0.10
PSI_MAJOR: Final = 0.25
EPSILON: Final = 1e-4


def quantile_edges(reference: Sequence[float] | FloatArray, bins: int = 10) -> FloatArray:
    """Inner bin edges at the quantiles of ``reference`` (duplicates removed).

    The outer bins are open (``-inf``/``+inf``), so a production value outside the training range
    still falls in a bin. Raises ``ValueError`` for fewer than 2 bins or an empty reference.
    """
    values = np.asarray(reference, dtype=float)
    values = values[~np.isnan(values)]
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 2:
        raise ValueError(f"bins debe ser un entero >= 2, no {bins!r}.")
    if values.size == 0:
        raise ValueError("La referencia no tiene valores: no hay cuantiles que calcular.")
    inner = np.quantile(values, np.linspace(0, 1, bins + 1)[1:-1])
    return np.unique(inner)


def bin_counts(values: Sequence[float] | FloatArray, edges: FloatArray) -> npt.NDArray[np.int64]:
    """How many of ``values`` fall in each bin ``(-inf, e0], (e0, e1], …, (e_last, +inf)``."""
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    index = np.searchsorted(edges, data, side="left")
    return np.bincount(index, minlength=len(edges) + 1).astype(np.int64)


def psi_from_counts(
    expected: Sequence[float] | npt.NDArray[np.floating[Any]] | npt.NDArray[np.integer[Any]],
    actual: Sequence[float] | npt.NDArray[np.floating[Any]] | npt.NDArray[np.integer[Any]],
    epsilon: float = EPSILON,
) -> float:
    """PSI of two histograms on the same bins (counts or shares), empty bins floored at epsilon."""
    e = np.asarray(expected, dtype=float)
    a = np.asarray(actual, dtype=float)
    if e.shape != a.shape or e.ndim != 1 or e.size < 2:
        raise ValueError("Los dos histogramas deben tener los mismos bins (al menos 2).")
    if (e < 0).any() or (a < 0).any() or e.sum() <= 0 or a.sum() <= 0:
        raise ValueError("Los conteos deben ser >= 0 y no todos cero.")
    e_share = np.maximum(e / e.sum(), epsilon)
    a_share = np.maximum(a / a.sum(), epsilon)
    return float(np.sum((a_share - e_share) * np.log(a_share / e_share)))


def psi(
    reference: Sequence[float] | FloatArray,
    current: Sequence[float] | FloatArray,
    bins: int = 10,
    epsilon: float = EPSILON,
) -> float:
    """PSI of ``current`` against ``reference`` on the reference's quantile bins."""
    edges = quantile_edges(reference, bins)
    return psi_from_counts(bin_counts(reference, edges), bin_counts(current, edges), epsilon)


def psi_level(value: float) -> str:
    """Spanish reading of a PSI value: ``estable``, ``moderado`` or ``mayor``."""
    if value < PSI_MODERATE:
        return "estable"
    return "moderado" if value < PSI_MAJOR else "mayor"
