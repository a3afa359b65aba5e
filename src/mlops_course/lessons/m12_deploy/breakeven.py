"""Break-even traffic between two deployment options (module 12, Exercise 2's reference).

Both cost curves grow with the traffic (monotone); their difference changes sign at most once in
the range for the curves of :mod:`.cost` with the course's parameters. The solver bisects on whole
requests: it returns the SMALLEST traffic in ``[low, high]`` at which the option that was cheaper
at ``low`` stops being strictly cheaper, or ``None`` when the order is the same at both ends (the
curves do not cross in the range). Bisection needs about ``log2(high - low)`` evaluations
(≈ 30 for a range of a billion requests), not a scan of every value.
"""

from __future__ import annotations

from collections.abc import Callable

CostCurve = Callable[[float], float]


def break_even(cost_a: CostCurve, cost_b: CostCurve, low: int, high: int) -> int | None:
    """Smallest monthly traffic in ``[low, high]`` where the order of ``cost_a``/``cost_b`` flips.

    Raises:
        ValueError: in Spanish, a range that is not ``0 <= low < high`` in whole requests.
    """
    for name, value in (("low", low), ("high", high)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} debe ser un entero de peticiones ≥ 0, no {value!r}.")
    if low >= high:
        raise ValueError(f"El rango debe cumplir low < high: recibí low={low}, high={high}.")

    def a_cheaper(requests: int) -> bool:
        return cost_a(requests) < cost_b(requests)

    start = a_cheaper(low)
    if a_cheaper(high) == start:
        return None
    lo, hi = low, high  # invariant: a_cheaper(lo) == start != a_cheaper(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a_cheaper(mid) == start:
            lo = mid
        else:
            hi = mid
    return hi
