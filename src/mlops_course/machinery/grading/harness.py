"""The grading harness: synthetic cohorts graded by the instructors' own code, end to end.

For a module it makes a throwaway nbgrader course, writes a synthetic cohort built from the
committed student release, and runs exactly what ``mlops-course grade`` runs: pre-checks, private
copies under limits, the real ``nbgrader autograde``, the single-writer merge, feedback and the
CSV export. Every student's outcome is checked against the grading contract, and so are the
feedback HTML and the exported CSV.

Which cases run where (see :mod:`mlops_course.machinery.grading.synthetic`): every module gets
the contract cases (the reference answers score full marks, the untouched release scores 0 and,
run top to bottom, fails only in answer and test cells, never in the narrative);
the broken submissions run on the demo module and on one real module chosen from what changed
(:func:`mlops_course.machinery.selection.broken_case_module`). Mutants are checked by the kernel
walk, and by real nbgrader only in the audit (:mod:`mlops_course.machinery.verify.audit`).
"""

from __future__ import annotations

import csv
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlops_course.machinery import nbio
from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.build.mutants import Mutant
from mlops_course.machinery.build.nbgrader_cli import write_course_config
from mlops_course.machinery.grading.synthetic import (
    BROKEN_CASES,
    CONTRACT_CASES,
    synthetic_cohort,
    with_parameters,
    write_submission,
)
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import feedback_and_export, grade_cohort
from mlops_course.machinery.instructor.state import StudentOutcome
from mlops_course.machinery.procenv import available_cpus
from mlops_course.machinery.selection import broken_case_module


@dataclass(frozen=True)
class HarnessRow:
    """One synthetic student's outcome and whether it met its expectation."""

    module: str
    case: str
    expectation: str
    outcome: StudentOutcome
    ok: bool


@dataclass
class HarnessOutcome:
    """All rows plus the cohort-level checks (feedback, CSV export) and the time it took."""

    rows: list[HarnessRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every student met its expectation and no cohort-level check failed."""
        return bool(self.rows) and all(r.ok for r in self.rows) and not self.problems

    def extend(self, other: HarnessOutcome) -> None:
        """Add another module's outcome to this one."""
        self.rows.extend(other.rows)
        self.problems.extend(other.problems)
        self.seconds.update(other.seconds)


def grade_synthetic_cohort(
    root: Path,
    module: Module,
    course: Path,
    cases: tuple[str, ...],
    limits: Limits,
    workers: int = 1,
    mutants: tuple[Mutant, ...] | list[Mutant] = (),
    parameters: dict[str, Any] | None = None,
) -> HarnessOutcome:
    """Grade a synthetic cohort of ``module`` in a new course at ``course`` and check it.

    ``parameters``: values the synthetic students write in the notebook's parameters cell (CI
    passes the module's small-data CI parameters, as papermill does in the walk); None keeps the
    notebook's own, what a student runs."""
    started = time.perf_counter()
    slug, name = module.slug, module.notebook_name
    write_course_config(course, cell_timeout=limits.cell_timeout)
    shutil.copytree(root / "source" / slug, course / "source" / slug)
    release = nbio.read(root / "notebooks" / slug / name)
    source = nbio.read(course / "source" / slug / name)
    if parameters:
        release = with_parameters(release, parameters)
        source = with_parameters(source, parameters)
    cohort = synthetic_cohort(release, source, name, cases, mutants)
    for submission in cohort:
        write_submission(course / "submitted", slug, submission)
    run = grade_cohort(course, slug, limits, workers=workers)
    outcome = HarnessOutcome()
    csv_path = course / "reports" / "notas.csv"
    exported: dict[str, dict[str, str]] = {}
    if any(o.status.scored for o in run.outcomes):
        try:
            feedback_and_export(course, slug, csv_path)
            with csv_path.open(encoding="utf-8", newline="") as fh:
                exported = {
                    r["student_id"]: r for r in csv.DictReader(fh) if r.get("assignment") == slug
                }
        except RuntimeError as exc:
            outcome.problems.append(f"{slug}: {exc}")
    by_student = {o.student: o for o in run.outcomes}
    for submission in cohort:
        exp = submission.expectation
        got = by_student.get(submission.student)
        if got is None:
            outcome.problems.append(f"{slug}/{submission.student}: no aparece en el informe")
            continue
        timed_out = _timed_out(course, slug, submission.student)
        outcome.rows.append(
            HarnessRow(slug, exp.case, exp.description, got, exp.check(got, timed_out))
        )
        if exp.case == "b":
            outcome.problems.extend(
                f"{slug}/{submission.student}: {finding} (no es celda de respuesta ni de test: "
                "un ejercicio sin hacer no debe romper la narrativa que sigue)"
                for finding in _narrative_errors(course, slug, submission.student)
            )
        if got.scored:
            feedback = course / "feedback" / submission.student / slug
            if not any(feedback.glob("*.html")):
                outcome.problems.append(f"{slug}/{submission.student}: sin feedback HTML")
            row = exported.get(submission.student)
            if row is None or abs(float(row["raw_score"]) - got.score) > 1e-9:
                outcome.problems.append(
                    f"{slug}/{submission.student}: la exportación CSV no coincide con la nota"
                )
    outcome.seconds[slug] = round(time.perf_counter() - started, 2)
    return outcome


def _timed_out(course: Path, slug: str, student: str) -> list[str]:
    from mlops_course.machinery.grading.synthetic import timed_out_cells

    folder = course / "autograded" / student / slug
    return [cell for nb in sorted(folder.glob("*.ipynb")) for cell in timed_out_cells(nb)]


def _narrative_errors(course: Path, slug: str, student: str) -> list[str]:
    from mlops_course.machinery.grading.synthetic import narrative_errors

    folder = course / "autograded" / student / slug
    return [finding for nb in sorted(folder.glob("*.ipynb")) for finding in narrative_errors(nb)]


def run_harness(
    root: Path,
    only: list[str] | None = None,
    workdir: Path | None = None,
    limits: Limits | None = None,
    workers: int | None = None,
    broken_module: str | None = None,
) -> HarnessOutcome:
    """Grade the contract cases of every module (or ``only`` these), plus the broken cases on
    ``broken_module`` (default: :func:`broken_case_module`), modules ``workers`` at a time."""
    limits = limits or Limits(cell_timeout=20, notebook_timeout=600)
    modules = discover_modules(root / "content", only)
    target = broken_module or broken_case_module(root)
    total = HarnessOutcome()
    with tempfile.TemporaryDirectory(prefix="mlops-grading-") as tmp:
        base = workdir or Path(tmp)

        def one(module: Module) -> HarnessOutcome:
            course = base / module.slug
            if course.exists():
                shutil.rmtree(course)
            cases = CONTRACT_CASES + (BROKEN_CASES if module.slug == target else ())
            return grade_synthetic_cohort(root, module, course, cases, limits)

        count = max(1, min(workers or available_cpus(), len(modules) or 1))
        with ThreadPoolExecutor(max_workers=count) as pool:
            for part in pool.map(one, modules):
                total.extend(part)
    return total


def format_report(outcome: HarnessOutcome) -> str:
    """The cohort table: one line per synthetic student, then cohort-level problems."""
    head = (
        f"{'módulo':<24} {'caso':<4} {'estudiante':<24} {'estado':<18} {'puntos':>9}  "
        f"{'':<5} motivo"
    )
    lines = [head, "-" * len(head)]
    for row in outcome.rows:
        o = row.outcome
        pts = f"{o.score:g}/{o.max_score:g}"
        verdict = "OK" if row.ok else "FALLO"
        lines.append(
            f"{row.module:<24} {row.case:<4} {o.student:<24} {o.status:<18} {pts:>9}  "
            f"{verdict:<5} {o.reason[:80]}"
        )
        if not row.ok:
            lines.append(f"{'':<30}esperado: {row.expectation}")
    lines.extend(f"PROBLEMA: {p}" for p in outcome.problems)
    passed = sum(r.ok for r in outcome.rows)
    lines.append(f"{passed} de {len(outcome.rows)} estudiantes sintéticos según lo esperado")
    for module, seconds in outcome.seconds.items():
        lines.append(f"  {module}: {seconds:.1f} s con nbgrader real")
    return "\n".join(lines)
