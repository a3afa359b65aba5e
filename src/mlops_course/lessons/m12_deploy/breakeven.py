"""Break-even traffic between two deployment options (module 12, Exercise 2's reference).

Both cost curves grow with the traffic (monotone); their difference changes sign at most once in
the range for the curves of :mod:`.cost` with the course's parameters. The solver bisects on whole
requests: it returns the SMALLEST traffic in ``[low, high]`` at which the option that was cheaper
at ``low`` (the leader) stops being strictly cheaper, whichever curve is passed first; ``low`` if
they cost the same at ``low``; ``None`` when the leader is still cheaper at ``high`` (the curves
do not cross in the range). Bisection needs about ``log2(high - low)`` evaluations
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

    leader, other = (cost_a, cost_b) if cost_a(low) < cost_b(low) else (cost_b, cost_a)

    def still_cheaper(requests: int) -> bool:
        return leader(requests) < other(requests)

    if not still_cheaper(low):  # equal at low: they already cost the same there
        return low
    if still_cheaper(high):
        return None
    lo, hi = low, high  # invariant: still_cheaper(lo) and not still_cheaper(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if still_cheaper(mid):
            lo = mid
        else:
            hi = mid
    return hi
