"""Monthly cost vs requests/month for Lambda, ECS/Fargate and EKS (log x), seed bands marked."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SEED_BOUNDARIES: Final = (1_000_000, 100_000_000)  # seed: «< 1M» Lambda, «> 100M» Kubernetes


def traffic_grid(low: int = 10_000, high: int = 1_000_000_000, points: int = 200) -> list[int]:
    """``points`` traffics spaced evenly on a log scale between ``low`` and ``high``."""
    if not 0 < low < high or points < 2:
        raise ValueError("Se espera 0 < low < high y points ≥ 2.")
    ratio = (high / low) ** (1 / (points - 1))
    return sorted({round(low * ratio**i) for i in range(points)})


def plot_monthly_costs(
    curves: Mapping[str, Callable[[float], float]],
    traffics: Sequence[int] | None = None,
    *,
    break_evens: Mapping[str, int | None] | None = None,
) -> Figure:
    """A figure with one line per option (USD/mes vs req/mes, both axes log) and the seed's bands.

    ``curves`` maps a label (e.g. «AWS Lambda») to its cost function of the monthly traffic;
    ``break_evens`` maps a label to a traffic to mark with a dot-dashed line (``None`` skipped).
    """
    from matplotlib.figure import Figure

    xs = list(traffics) if traffics is not None else traffic_grid()
    fig = Figure(figsize=(8, 4.5))
    ax = fig.subplots()
    for label, cost in curves.items():
        ax.plot(xs, [cost(x) for x in xs], label=label, linewidth=2)
    for boundary, text in zip(SEED_BOUNDARIES, ("1M (seed)", "100M (seed)"), strict=True):
        ax.axvline(boundary, color="grey", linestyle="--", linewidth=1)
        ax.annotate(
            text,
            (boundary, 1),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="top",
            ha="right",
            fontsize=8,
            color="grey",
        )
    for label, point in (break_evens or {}).items():
        if point is not None:
            ax.axvline(point, color="black", linestyle="-.", linewidth=1)
            ax.annotate(
                label,
                (point, 0.02),
                xycoords=("data", "axes fraction"),
                rotation=90,
                va="bottom",
                ha="left",
                fontsize=8,
            )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Peticiones al mes")
    ax.set_ylabel("Costo mensual (USD)")
    ax.set_title("Costo mensual según el tráfico (precios de lista, us-east-1)")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
