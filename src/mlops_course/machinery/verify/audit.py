"""The audit: every variant the walk checks, graded again by the real nbgrader, side by side.

For each module, every mutant and every exercise's release stub becomes a synthetic student (the
reference notebook with that one answer cell replaced) and goes through the instructors' grading
path. The audit then compares, variant by variant, which of the exercise's test cells fail in the
walk and in nbgrader's gradebook. They must agree everywhere; the table shows where they do not.
This is the periodic job (``make test-audit``) that keeps the fast walk honest. The same cohort
carries every broken-submission case, so each real module meets the full set here (``make test``
gives a real module only the cases that depend on its cells, ADR-0013).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.build.mutants import Mutant
from mlops_course.machinery.grading.harness import HarnessOutcome, grade_synthetic_cohort
from mlops_course.machinery.grading.synthetic import BROKEN_CASES
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.verify.plan import VariantKind
from mlops_course.machinery.verify.walk import ModuleWalk, walk_module

STUB_PREFIX = "release-"


@dataclass(frozen=True)
class AuditRow:
    """One variant: the failing test cells of its exercise in the walk and in nbgrader."""

    module: str
    exercise: str
    variant: str
    walk_failing: tuple[str, ...]
    nbgrader_failing: tuple[str, ...]
    replayed: bool

    @property
    def agrees(self) -> bool:
        """Both saw exactly the same failing test cells."""
        return self.walk_failing == self.nbgrader_failing


def _student_name(variant: str) -> str:
    return f"h-mutante-{variant}"


def _cell_scores(course: Path, slug: str, student: str) -> dict[str, float]:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            submission = gb.find_submission(slug, student)
        except MissingEntry:
            return {}
        return {
            grade.name: float(grade.score or 0.0)
            for notebook in submission.notebooks
            for grade in notebook.grades
        }


def broken_case_problems(outcome: HarnessOutcome) -> list[str]:
    """Every broken-submission case graded against its promise, and every cohort-level problem,
    as one line each (the mutants' rows are compared cell by cell instead)."""
    found = [
        f"ENVÍO ROTO {row.module}/{row.outcome.student}: {row.outcome.status} "
        f"({row.outcome.reason[:80]}); esperado: {row.expectation}"
        for row in outcome.rows
        if row.case not in {"a", "b", "h"} and not row.ok
    ]
    return found + [f"PROBLEMA: {p}" for p in outcome.problems]


def audit_module(
    root: Path, module: Module, workdir: Path, limits: Limits, workers: int = 1
) -> tuple[ModuleWalk, list[AuditRow], list[str]]:
    """Walk ``module`` and grade each of its variants with nbgrader; compare them. The third
    item: the broken-submission cases that did not end as promised (empty: all did)."""
    walk = walk_module(root, module, workdir / "walk", complete=True)
    variants: list[Mutant] = []
    for planned in walk.plan.exercises:
        for variant in planned.variants:
            name = (
                f"{STUB_PREFIX}{planned.exercise.answer_id}"
                if variant.kind is VariantKind.STUB
                else variant.name
            )
            variants.append(Mutant(name, planned.exercise.answer_id, "", variant.code))
    course = workdir / "course"
    outcome = grade_synthetic_cohort(
        root, module, course, BROKEN_CASES, limits, workers=workers, mutants=variants
    )
    rows: list[AuditRow] = []
    observed = {
        (v.exercise, v.name if v.kind is VariantKind.MUTANT else f"{STUB_PREFIX}{v.exercise}"): v
        for v in walk.result.variants
    }
    for planned in walk.plan.exercises:
        ex = planned.exercise
        for mutant in (m for m in variants if m.cell == ex.answer_id):
            seen = observed.get((ex.answer_id, mutant.name))
            walk_scores = seen.scores if seen is not None else {}
            graded = _cell_scores(course, module.slug, _student_name(mutant.name))
            rows.append(
                AuditRow(
                    module.slug,
                    ex.answer_id,
                    mutant.name,
                    tuple(
                        t.cell_id for t in ex.tests if walk_scores.get(t.cell_id, 0.0) < t.points
                    ),
                    tuple(t.cell_id for t in ex.tests if graded.get(t.cell_id, 0.0) < t.points),
                    bool(seen is not None and seen.replayed),
                )
            )
    return walk, rows, broken_case_problems(outcome)


def run_audit(
    root: Path, only: list[str] | None = None, workers: int = 2
) -> tuple[list[AuditRow], list[str]]:
    """Audit every module (or ``only`` these), one after the other, ``workers`` students at a
    time: the variant rows, and the broken-submission cases that broke their promise."""
    rows: list[AuditRow] = []
    broken: list[str] = []
    limits = Limits(cell_timeout=60, notebook_timeout=900)
    for module in discover_modules(root / "content", only):
        with tempfile.TemporaryDirectory(prefix=f"audit-{module.slug}-") as tmp:
            _, found, failed = audit_module(root, module, Path(tmp), limits, workers)
        rows.extend(found)
        broken.extend(failed)
    return rows, broken


def format_audit(rows: list[AuditRow], broken: list[str] | None = None) -> str:
    """Per module: variants, agreements; then every disagreement in full, and every broken
    submission that was not graded or reported as promised."""
    lines = [f"{'módulo':<26} {'variantes':>10} {'coinciden':>10} {'en kernel nuevo':>16}"]
    lines.append("-" * len(lines[0]))
    for module in dict.fromkeys(r.module for r in rows):
        mine = [r for r in rows if r.module == module]
        lines.append(
            f"{module:<26} {len(mine):>10} {sum(r.agrees for r in mine):>10} "
            f"{sum(r.replayed for r in mine):>16}"
        )
    agree = sum(r.agrees for r in rows)
    lines.append(f"{'TOTAL':<26} {len(rows):>10} {agree:>10}")
    for row in rows:
        if not row.agrees:
            lines.append(
                f"DESACUERDO {row.module}/{row.exercise}/{row.variant}: el recorrido ve fallar "
                f"{', '.join(row.walk_failing) or 'nada'}; nbgrader, "
                f"{', '.join(row.nbgrader_failing) or 'nada'}"
            )
    lines.extend(broken or [])
    return "\n".join(lines)
