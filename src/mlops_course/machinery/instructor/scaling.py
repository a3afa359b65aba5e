"""Scale figures: grade a synthetic cohort of correct submissions and compare with papermill.

For each module, ``students`` copies of the reference answer (harness case a) are graded four
ways on the same machine: the cohort command with one worker, with ``workers`` workers, the same
with ``workers`` workers and no sandbox (``--unsafe-no-sandbox``), and plain ``papermill`` over
the same notebooks with ``workers`` processes. The table shows wall times, the parallel speed-up,
the overhead of grading over mere execution, and what the sandbox adds (goal: ≤ 10 %).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from mlops_course.machinery.grading.synthetic import read_notebook, synthetic_cohort
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import grade_cohort
from mlops_course.machinery.procenv import run_tool, tool_env


@dataclass(frozen=True)
class ScalingRow:
    """Wall times (s) of one module's cohort."""

    module: str
    students: int
    workers: int
    grade_one: float
    grade_parallel: float
    papermill: float
    all_full_marks: bool
    grade_unsandboxed: float = 0.0

    @property
    def speedup(self) -> float:
        """Grading time with one worker over grading time with ``workers``."""
        return self.grade_one / self.grade_parallel if self.grade_parallel else 0.0

    @property
    def overhead(self) -> float:
        """Parallel grading time over parallel papermill time (goal: ≤ 1.5)."""
        return self.grade_parallel / self.papermill if self.papermill else 0.0

    @property
    def sandbox_overhead(self) -> float:
        """Extra time the sandbox adds to parallel grading, as a fraction (goal: ≤ 0.10)."""
        if not self.grade_unsandboxed:
            return 0.0
        return self.grade_parallel / self.grade_unsandboxed - 1


def cohort_course(root: Path, slug: str, where: Path, students: int) -> tuple[Path, str]:
    """A course in ``where`` with ``students`` copies of the reference answer of ``slug``."""
    course = where / "course"
    write_course_config(course)
    shutil.copytree(root / "source" / slug, course / "source" / slug)
    release_dir = generate_assignment(course, slug)
    release = read_notebook(release_dir / f"{slug}.ipynb")
    source = read_notebook(course / "source" / slug / f"{slug}.ipynb")
    solved = synthetic_cohort(release, source, f"{slug}.ipynb", ("a-solucion",))[0].files[
        f"{slug}.ipynb"
    ]
    for index in range(1, students + 1):
        folder = course / "submitted" / f"est{index:03d}" / slug
        folder.mkdir(parents=True)
        (folder / f"{slug}.ipynb").write_text(solved, encoding="utf-8")
    return course, solved


def _papermill(notebook: str, slug: str, students: int, workers: int, where: Path) -> float:
    where.mkdir(parents=True)
    path = where / f"{slug}.ipynb"
    path.write_text(notebook, encoding="utf-8")

    def one(index: int) -> int:
        with tempfile.TemporaryDirectory(prefix="ws-bench-") as ws:
            cmd = [sys.executable, "-m", "papermill", str(path), str(where / f"out{index}.ipynb"),
                   "-k", "python3", "--cwd", str(where)]  # fmt: skip
            env = tool_env(MLOPS_WORKSPACE=ws)
            return run_tool(cmd, env=env).returncode

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        codes = list(pool.map(one, range(students)))
    elapsed = time.perf_counter() - start
    if any(codes):
        raise RuntimeError(f"{slug}: papermill falló en {sum(c != 0 for c in codes)} notebooks")
    return elapsed


def measure_scaling(
    root: Path, only: list[str] | None = None, students: int = 30, workers: int = 2
) -> list[ScalingRow]:
    """Measure every module (or ``only`` these) with a cohort of ``students``."""
    rows: list[ScalingRow] = []
    limits = Limits(cell_timeout=120, notebook_timeout=1800)
    for module in discover_modules(root / "content", only):
        slug = module.slug
        with tempfile.TemporaryDirectory(prefix="mlops-bench-") as tmp:
            times: list[float] = []
            full = True
            solved = ""
            for label, count, sandbox in (
                ("uno", 1, True),
                ("paralelo", workers, True),
                ("sin-sandbox", workers, False),
            ):
                course, solved = cohort_course(root, slug, Path(tmp) / label, students)
                start = time.perf_counter()
                run = grade_cohort(course, slug, limits, workers=count, sandbox=sandbox)
                times.append(time.perf_counter() - start)
                full = full and all(o.score == o.max_score for o in run.outcomes)
            pm = _papermill(solved, slug, students, workers, Path(tmp) / "papermill")
        rows.append(ScalingRow(slug, students, workers, times[0], times[1], pm, full, times[2]))
    return rows


def format_scaling(rows: list[ScalingRow]) -> str:
    """The scaling table."""
    head = (
        f"{'módulo':<24} {'estud.':>6} {'1 worker':>9} {'N workers':>10} {'speed-up':>9} "
        f"{'papermill':>10} {'calif/pm':>9} {'sandbox':>8}  todos 100 %"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r.module:<24} {r.students:>6} {r.grade_one:>8.1f}s {r.grade_parallel:>9.1f}s "
            f"{r.speedup:>8.2f}× {r.papermill:>9.1f}s {r.overhead:>8.2f}× "
            f"{r.sandbox_overhead:>+7.1%}  {'sí' if r.all_full_marks else 'NO'}"
        )
    if rows:
        tot_one = sum(r.grade_one for r in rows)
        tot_par = sum(r.grade_parallel for r in rows)
        tot_pm = sum(r.papermill for r in rows)
        tot_free = sum(r.grade_unsandboxed for r in rows)
        sandbox = tot_par / tot_free - 1 if tot_free else 0.0
        lines.append(
            f"{'TOTAL':<24} {'':>6} {tot_one:>8.1f}s {tot_par:>9.1f}s "
            f"{tot_one / tot_par if tot_par else 0:>8.2f}× {tot_pm:>9.1f}s "
            f"{tot_par / tot_pm if tot_pm else 0:>8.2f}× {sandbox:>+7.1%}  "
            f"(N = {rows[0].workers}; objetivos: calif/pm ≤ 1.5×, sandbox ≤ +10 %)"
        )
    return "\n".join(lines)
