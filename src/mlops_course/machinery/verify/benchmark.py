"""The benchmark: what verifying each module costs, and what 24 notebooks would cost.

Per module, side by side on the usable CPUs: the kernel walk (the solution's own time and peak
memory, variants checked, replays in a fresh kernel) and the real-nbgrader grading of the
contract cases (solution and untouched release, feedback and CSV included). The projection takes
the current average per module to the course's 24 notebooks (18 modules and 6 resources) on the
same number of workers; the design target is under 20 minutes. Times are printed, never asserted.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.grading.harness import grade_synthetic_cohort
from mlops_course.machinery.grading.synthetic import CONTRACT_CASES
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.procenv import available_cpus
from mlops_course.machinery.verify.outcome import SLOW_CELL_SECONDS, slow_cell
from mlops_course.machinery.verify.walk import ModuleWalk, walk_module

COURSE_NOTEBOOKS = 24
TARGET_MINUTES = 20.0
NOTEBOOK_SECONDS = 60.0
NOTEBOOK_MB = 1024.0


@dataclass(frozen=True)
class BenchmarkRow:
    """One module's verification figures."""

    module: str
    notebook_seconds: float
    peak_mb: float
    walk_seconds: float
    variants: int
    replays: int
    nbgrader_seconds: float
    ok: bool
    slowest_cell: str = ""
    slowest_cell_seconds: float = 0.0


def measure_module(root: Path, module: Module) -> BenchmarkRow:
    """Walk ``module`` and grade its contract cases with nbgrader; return the figures."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{module.slug}-") as tmp:
        walk: ModuleWalk = walk_module(root, module, Path(tmp) / "walk")
        graded = grade_synthetic_cohort(
            root, module, Path(tmp) / "course", CONTRACT_CASES, Limits(cell_timeout=60)
        )
    r = walk.result
    return BenchmarkRow(
        module.slug,
        r.notebook_seconds,
        r.peak_kernel_mb,
        walk.seconds,
        walk.checked,
        r.replays,
        graded.seconds.get(module.slug, 0.0),
        walk.ok and graded.ok,
        r.slowest_cell,
        r.slowest_cell_seconds,
    )


def run_benchmark(
    root: Path, only: list[str] | None = None, workers: int | None = None
) -> list[BenchmarkRow]:
    """Measure every module (or ``only`` these), ``workers`` at a time (default: usable CPUs)."""
    modules = discover_modules(root / "content", only)
    count = max(1, min(workers or available_cpus(), len(modules) or 1))
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda m: measure_module(root, m), modules))


def projection_minutes(rows: list[BenchmarkRow], workers: int) -> float:
    """Wall minutes for 24 notebooks at the current average per module on ``workers``."""
    if not rows:
        return 0.0
    average = sum(r.walk_seconds + r.nbgrader_seconds for r in rows) / len(rows)
    return COURSE_NOTEBOOKS * average / max(1, workers) / 60


def format_benchmark(rows: list[BenchmarkRow], workers: int) -> str:
    """The table, flags where a notebook passes its own limits, and the projection."""
    head = (
        f"{'módulo':<26} {'notebook':>9} {'pico MB':>8} {'recorrido':>10} {'variantes':>10} "
        f"{'kernel nuevo':>13} {'nbgrader':>9}  estado"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        flags = []
        if r.notebook_seconds > NOTEBOOK_SECONDS:
            flags.append(f"notebook > {NOTEBOOK_SECONDS:.0f} s")
        if r.peak_mb > NOTEBOOK_MB:
            flags.append(f"memoria > {NOTEBOOK_MB:.0f} MB")
        if slow_cell(r.slowest_cell_seconds):
            flags.append(
                f"celda {r.slowest_cell} {r.slowest_cell_seconds:.0f} s > {SLOW_CELL_SECONDS} s"
            )
        state = "ok" if r.ok else "FALLO"
        lines.append(
            f"{r.module:<26} {r.notebook_seconds:>8.1f}s {r.peak_mb:>8.0f} "
            f"{r.walk_seconds:>9.1f}s {r.variants:>10} {r.replays:>13} "
            f"{r.nbgrader_seconds:>8.1f}s  {state}{'  ' + '; '.join(flags) if flags else ''}"
        )
    if rows:
        walk = sum(r.walk_seconds for r in rows)
        real = sum(r.nbgrader_seconds for r in rows)
        lines.append(
            f"{'TOTAL':<26} {'':>9} {'':>8} {walk:>9.1f}s "
            f"{sum(r.variants for r in rows):>10} {sum(r.replays for r in rows):>13} "
            f"{real:>8.1f}s"
        )
        minutes = projection_minutes(rows, workers)
        verdict = "dentro" if minutes < TARGET_MINUTES else "FUERA"
        lines.append(
            f"proyección para {COURSE_NOTEBOOKS} notebooks con {workers} procesos: "
            f"{minutes:.1f} min ({verdict} del objetivo de {TARGET_MINUTES:.0f} min)"
        )
    return "\n".join(lines)
