"""Throughput of grading on Dask workers vs the local pool, and what it projects for a term.

The same synthetic cohort (copies of the reference answer) is graded by the local pool with
``N`` threads and by a ``distributed.LocalCluster`` of 1 … ``N`` worker processes on this
machine. The projection assumes what the measured 1 → N rows show (workers are independent:
each grades one notebook at a time and shares nothing but the scheduler), and is printed with
the efficiency measured here, so nobody mistakes it for a measurement.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import grade_cohort
from mlops_course.machinery.instructor.scaling import cohort_course

TERM_SUBMISSIONS = 7200
"""400 students × 18 modules: one full regrade of a large course's term (issue 20)."""
PROJECTED_WORKERS = (1, 8, 32, 128)


@dataclass(frozen=True)
class ThroughputRow:
    """One way of grading one module's cohort: its wall time and whether every grade was full."""

    module: str
    label: str  # "pool local" | "dask"
    workers: int
    students: int
    seconds: float
    all_full_marks: bool

    @property
    def per_minute(self) -> float:
        """Notebooks graded per minute."""
        return self.students / self.seconds * 60 if self.seconds else 0.0

    @property
    def seconds_per_notebook(self) -> float:
        """Worker-seconds each notebook costs (wall time × workers / notebooks)."""
        return self.seconds * self.workers / self.students if self.students else 0.0


def measure_cluster_scaling(
    root: Path, only: list[str] | None = None, students: int = 8, workers: int = 2
) -> list[ThroughputRow]:
    """Grade ``students`` solved copies of each module locally and on 1 … ``workers`` workers."""
    from distributed import LocalCluster

    limits = Limits(cell_timeout=120, notebook_timeout=1800)
    rows: list[ThroughputRow] = []
    for module in discover_modules(root / "content", only):
        slug = module.slug
        with tempfile.TemporaryDirectory(prefix="mlops-dask-bench-") as tmp:
            course, _ = cohort_course(root, slug, Path(tmp) / "local", students)
            start = time.perf_counter()
            run = grade_cohort(course, slug, limits, workers=workers)
            elapsed = time.perf_counter() - start
            full = all(o.score == o.max_score for o in run.outcomes)
            rows.append(ThroughputRow(slug, "pool local", workers, students, elapsed, full))
            for count in range(1, workers + 1):
                course, _ = cohort_course(root, slug, Path(tmp) / f"dask{count}", students)
                with LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=count,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=50,
                ) as cluster:
                    start = time.perf_counter()  # the cluster is up: its start-up is not grading
                    run = grade_cohort(course, slug, limits, cluster=cluster.scheduler_address)
                    elapsed = time.perf_counter() - start
                full = all(o.score == o.max_score for o in run.outcomes)
                rows.append(ThroughputRow(slug, "dask", count, students, elapsed, full))
    return rows


def projection(rows: list[ThroughputRow], submissions: int = TERM_SUBMISSIONS) -> list[str]:
    """Hours a full regrade of ``submissions`` takes on N workers, from the measured cost per
    notebook on one Dask worker and the parallel efficiency measured on this machine."""
    one = [r for r in rows if r.label == "dask" and r.workers == 1]
    most = max((r for r in rows if r.label == "dask"), key=lambda r: r.workers, default=None)
    if not one or most is None:
        return []
    cost = sum(r.seconds_per_notebook for r in one) / len(one)
    efficiency = one[0].seconds / (most.seconds * most.workers) if most.seconds else 1.0
    lines = [
        f"Proyección para {submissions} entregas ({cost:.1f} s de worker por notebook medido con "
        f"1 worker; eficiencia medida con {most.workers} workers: {efficiency:.0%}; supone "
        "workers con su propia CPU):"
    ]
    for count in PROJECTED_WORKERS:
        hours = submissions * cost / (count * min(1.0, efficiency if count > 1 else 1.0)) / 3600
        lines.append(f"  {count:>4} workers: {hours:6.1f} h")
    return lines


def format_cluster_scaling(rows: list[ThroughputRow]) -> str:
    """The throughput table, then the projection."""
    head = (
        f"{'módulo':<24} {'modo':<11} {'workers':>7} {'estud.':>6} {'tiempo':>8} "
        f"{'notebooks/min':>13} {'s/notebook':>10}  todos 100 %"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r.module:<24} {r.label:<11} {r.workers:>7} {r.students:>6} {r.seconds:>7.1f}s "
            f"{r.per_minute:>13.1f} {r.seconds_per_notebook:>10.1f}  "
            f"{'sí' if r.all_full_marks else 'NO'}"
        )
    return "\n".join([*lines, *projection(rows)])
