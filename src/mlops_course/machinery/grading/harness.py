"""The grading harness: a throwaway nbgrader course, a synthetic cohort, asserted scores.

For every module it generates the assignment with the real ``nbgrader`` CLI, writes the synthetic
cohort of :mod:`mlops_course.machinery.grading.cohort`, autogrades each student in isolation,
generates
feedback, exports grades to CSV, and checks every student's outcome against the grading contract.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.mutants import parse_mutants
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from mlops_course.machinery.grading.autograde import (
    StudentResult,
    feedback_and_export,
    grade_student,
)
from mlops_course.machinery.grading.cohort import build_cohort, read_notebook, write_submission


@dataclass(frozen=True)
class HarnessRow:
    """One synthetic student's outcome and whether it met its expectation."""

    module: str
    case: str
    expectation: str
    result: StudentResult
    ok: bool


@dataclass
class HarnessOutcome:
    """All rows plus the cohort-level checks (feedback, CSV export)."""

    rows: list[HarnessRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every student met its expectation and no cohort-level check failed."""
        return bool(self.rows) and all(r.ok for r in self.rows) and not self.problems


def grade_module_cohort(root: Path, slug: str, course: Path, cell_timeout: int) -> HarnessOutcome:
    """Run the whole contract for one module inside ``course`` (created here)."""
    module = next(m for m in discover_modules(root / "content", [slug]))
    write_course_config(course, cell_timeout=cell_timeout)
    shutil.copytree(root / "source" / slug, course / "source" / slug)
    release_dir = generate_assignment(course, slug)
    release = read_notebook(release_dir / module.notebook_name)
    source = read_notebook(course / "source" / slug / module.notebook_name)
    cohort = build_cohort(release, source, module.notebook_name, parse_mutants(module.mutants_file))
    outcome = HarnessOutcome()
    results: dict[str, StudentResult] = {}
    for submission in cohort:
        write_submission(course / "submitted", slug, submission)
        results[submission.student] = grade_student(course, slug, submission.student, source)
    try:
        _, rows = feedback_and_export(course, slug)
    except RuntimeError as exc:
        outcome.problems.append(f"{slug}: {exc}")
        rows = []
    exported = {r["student_id"]: r for r in rows if r.get("assignment") == slug}
    for submission in cohort:
        res = results[submission.student]
        exp = submission.expectation
        ok = exp.check(res.auto_score, res.auto_max, res.status, list(res.timed_out))
        if res.status == "calificada":
            feedback = course / "feedback" / submission.student / slug
            if not any(feedback.glob("*.html")):
                outcome.problems.append(f"{slug}/{submission.student}: sin feedback HTML")
            row = exported.get(submission.student)
            if row is None or abs(float(row["raw_score"]) - res.auto_score) > 1e-9:
                outcome.problems.append(
                    f"{slug}/{submission.student}: la exportación CSV no coincide con la nota"
                )
        outcome.rows.append(HarnessRow(slug, exp.case, exp.description, res, ok))
    return outcome


def run_harness(
    root: Path,
    only: list[str] | None = None,
    workdir: Path | None = None,
    cell_timeout: int = 20,
    workers: int | None = None,
) -> HarnessOutcome:
    """Run the grading contract for every module (or ``only`` these) and collect the outcome.

    Modules are independent throwaway courses (each with its own gradebook), so up to
    ``workers`` of them (default: the number of CPUs) are graded at the same time; rows keep the
    modules' order.
    """
    total = HarnessOutcome()
    modules = discover_modules(root / "content", only)
    with tempfile.TemporaryDirectory(prefix="mlops-grading-") as tmp:
        base = workdir or Path(tmp)

        def one(slug: str) -> HarnessOutcome:
            course = base / slug
            if course.exists():
                shutil.rmtree(course)
            return grade_module_cohort(root, slug, course, cell_timeout)

        count = max(1, min(workers or os.cpu_count() or 1, len(modules) or 1))
        with ThreadPoolExecutor(max_workers=count) as pool:
            parts = list(pool.map(one, [m.slug for m in modules]))
        for part in parts:
            total.rows.extend(part.rows)
            total.problems.extend(part.problems)
    return total


def format_report(outcome: HarnessOutcome) -> str:
    """The cohort table: one line per synthetic student, then cohort-level problems."""
    head = (
        f"{'módulo':<14} {'caso':<4} {'estudiante':<34} {'estado':<18} {'puntos':>11}  "
        f"{'':<5} motivo"
    )
    lines = [head, "-" * len(head)]
    for row in outcome.rows:
        r = row.result
        pts = f"{r.auto_score:g}/{r.auto_max:g}"
        verdict = "OK" if row.ok else "FALLO"
        lines.append(
            f"{row.module:<14} {row.case:<4} {r.student:<34} {r.status:<18} {pts:>11}  "
            f"{verdict:<5} {r.reason}"
        )
        if not row.ok:
            lines.append(f"{'':<20}esperado: {row.expectation}")
    lines.extend(f"PROBLEMA: {p}" for p in outcome.problems)
    passed = sum(r.ok for r in outcome.rows)
    lines.append(f"{passed} de {len(outcome.rows)} estudiantes sintéticos según lo esperado")
    return "\n".join(lines)
