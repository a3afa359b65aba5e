"""What the kernel walk of one module checks: its exercises and, for each, the variants to try.

A *variant* replaces an exercise's answer cell: the release stub (what a student downloads, must
score 0 on that exercise) or a mutant (a plausible wrong answer, must lose points on a test cell
that declares a requirement it breaks). The plan is plain data, written as JSON for the papermill
engine that runs in a child process.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from mlops_course.machinery import nbio
from mlops_course.machinery.build.exercises import Exercise, TestCell, exercises
from mlops_course.machinery.build.modules import Module
from mlops_course.machinery.build.mutants import parse_mutants


class VariantKind(StrEnum):
    """Which kind of replacement answer a variant is."""

    STUB = "stub"
    MUTANT = "mutant"


@dataclass(frozen=True)
class Variant:
    """One replacement of an exercise's answer cell."""

    kind: VariantKind
    name: str
    code: str
    breaks: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlannedExercise:
    """An exercise and the variants the walk tries on it."""

    exercise: Exercise
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class WalkPlan:
    """Everything the walk of one module needs besides the notebook itself."""

    module: str
    exercises: tuple[PlannedExercise, ...]
    complete: bool = False
    """Run every cell of a mutant's segment. Off (the default), a mutant stops as soon as each
    requirement it declares has a failing test that declares it: that is all its verdict needs.
    The audit turns it on, because it compares every test's verdict with nbgrader's."""
    mutants: bool = True
    """Off, the light walk (ADR-0015): the plan holds the release stubs only, and each stub is
    branched just before the reference answer first runs (see the engine), which needs no
    control: the reference answer's own run that follows puts everything back."""

    def to_json(self) -> str:
        """Serialize (for the engine's child process)."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> WalkPlan:
        """Inverse of :meth:`to_json`."""
        raw = json.loads(text)
        planned: list[PlannedExercise] = []
        for item in raw["exercises"]:
            ex = item["exercise"]
            exercise = Exercise(
                answer_id=ex["answer_id"],
                statement_found=ex["statement_found"],
                requirements=tuple(ex["requirements"]),
                tests=tuple(
                    TestCell(t["cell_id"], float(t["points"]), tuple(t["requirements"]))
                    for t in ex["tests"]
                ),
                segment=tuple(ex["segment"]),
                fresh_kernel=bool(ex["fresh_kernel"]),
            )
            variants = tuple(
                Variant(VariantKind(v["kind"]), v["name"], v["code"], tuple(v["breaks"]))
                for v in item["variants"]
            )
            planned.append(PlannedExercise(exercise, variants))
        return cls(
            raw["module"],
            tuple(planned),
            bool(raw.get("complete", False)),
            bool(raw.get("mutants", True)),
        )

    def exercise(self, answer_id: str) -> PlannedExercise:
        """The planned exercise whose answer cell is ``answer_id``."""
        return next(p for p in self.exercises if p.exercise.answer_id == answer_id)


def _sources(nb: Any) -> dict[str, str]:
    return {str(c.get("id")): c.source for c in nb.cells}


def build_plan(root: Path, module: Module, mutants: bool = True) -> WalkPlan:
    """The plan of ``module`` from its committed nbgrader source, release and mutants file.

    ``mutants=False`` plans only the release stubs: the light walk ``make test`` gives the
    modules it does not check in depth (ADR-0015). The mutants file is still parsed and checked.

    Raises:
        ValueError: if a mutant names a cell that is not an answer cell, or the release lacks
            an answer cell of the source.
    """
    source = nbio.read(root / "source" / module.slug / module.notebook_name)
    release = _sources(nbio.read(root / "notebooks" / module.slug / module.notebook_name))
    parsed = parse_mutants(module.mutants_file)
    found = exercises(source)
    answers = {ex.answer_id for ex in found}
    stray = sorted({m.cell for m in parsed} - answers)
    if stray:
        raise ValueError(f"{module.slug}: mutantes para celdas que no son respuestas: {stray}")
    planned: list[PlannedExercise] = []
    for ex in found:
        if ex.answer_id not in release:
            raise ValueError(f"{module.slug}: la release no tiene la celda '{ex.answer_id}'")
        variants = [Variant(VariantKind.STUB, "release", release[ex.answer_id])]
        variants.extend(
            Variant(VariantKind.MUTANT, m.name, m.code, m.breaks)
            for m in parsed
            if mutants and m.cell == ex.answer_id
        )
        planned.append(PlannedExercise(ex, tuple(variants)))
    return WalkPlan(module.slug, tuple(planned), mutants=mutants)
