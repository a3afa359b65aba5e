"""What a kernel walk observed, and the verdicts drawn from it (pure functions, no kernel).

Scores are nbgrader's own (:func:`nbgrader.utils.determine_grade` on each executed test cell), so
an error or anything written to stderr makes a test cell score 0, exactly as in ``autograde``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from mlops_course.machinery.verify.plan import VariantKind, WalkPlan

SLOW_CELL_SECONDS = 10
"""A solution cell slower than this on an idle machine risks the real grader's 30 s per cell in a
loaded CI (cells there ran about 2.5 times slower): reports flag it, nothing fails on time."""


def slow_cell(seconds: float) -> bool:
    """True when a solution cell took longer than :data:`SLOW_CELL_SECONDS`."""
    return seconds > SLOW_CELL_SECONDS


@dataclass(frozen=True)
class VariantResult:
    """The scores one variant got on its exercise's test cells."""

    exercise: str
    kind: VariantKind
    name: str
    breaks: tuple[int, ...]
    scores: dict[str, float]
    replayed: str = ""
    """Why this variant was replayed in a fresh kernel ("" when it ran in the walked kernel)."""
    seconds: float = 0.0


@dataclass
class WalkResult:
    """Everything one module's walk observed."""

    module: str
    main: dict[str, dict[str, float]] = field(default_factory=dict)
    """Scores of the reference answers, per exercise (the solution's own run)."""
    variants: list[VariantResult] = field(default_factory=list)
    notebook_seconds: float = 0.0
    """Time of the solution notebook's own cells (what a student's run costs)."""
    walk_seconds: float = 0.0
    slowest_cell: str = ""
    slowest_cell_seconds: float = 0.0
    """The solution's slowest cell: real grading gives each cell a time limit (30 s in CI, on a
    loaded machine where cells run about 2.5 times slower than alone)."""
    peak_kernel_mb: float = 0.0
    """Peak resident memory of the kernel while it ran the solution's own cells (the branches
    and replays of the walk not included): what a student's run needs."""
    rebuilds: int = 0
    """Times the walked kernel was replaced after a variant changed process or file state."""
    controls: int = 0
    """Controls run (the reference answer and its tests again, full marks required)."""
    rechecks: int = 0
    """Exercises whose verdicts taken since the last passing control were withdrawn and walked
    again with a control after every variant (a control failed, or the kernel died)."""
    error: str = ""

    def to_json(self) -> str:
        """Serialize for the parent process."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> WalkResult:
        """Inverse of :meth:`to_json`."""
        raw: dict[str, Any] = json.loads(text)
        variants = [
            VariantResult(
                v["exercise"],
                VariantKind(v["kind"]),
                v["name"],
                tuple(v["breaks"]),
                {k: float(s) for k, s in v["scores"].items()},
                v["replayed"],
                float(v["seconds"]),
            )
            for v in raw.pop("variants")
        ]
        return cls(variants=variants, **raw)

    @property
    def replays(self) -> int:
        """Variants whose verdict comes from a fresh kernel."""
        return sum(bool(v.replayed) for v in self.variants)


def _fmt(points: float) -> str:
    return f"{points:g}"


def problems(plan: WalkPlan, result: WalkResult) -> list[str]:
    """Every broken promise of the module's grading contract seen by the walk (empty: all kept)."""
    found: list[str] = []
    mod = result.module
    if result.error:
        found.append(f"{mod}: la solución no se ejecuta de principio a fin: {result.error}")
    by_exercise: dict[str, list[VariantResult]] = {}
    for observed in result.variants:
        by_exercise.setdefault(observed.exercise, []).append(observed)
    for planned in plan.exercises:
        ex = planned.exercise
        where = f"{mod}/{ex.answer_id}"
        main = result.main.get(ex.answer_id)
        if main is None:
            if not result.error:
                found.append(f"{where}: el recorrido no llegó a este ejercicio")
            continue
        lost = [t.cell_id for t in ex.tests if main.get(t.cell_id, 0.0) < t.points]
        if lost:
            found.append(
                f"{where}: la solución no obtiene la nota máxima en {', '.join(lost)} (un error o "
                "algo escrito en stderr da 0 puntos en nbgrader)"
            )
            continue
        seen = {(v.kind, v.name): v for v in by_exercise.get(ex.answer_id, [])}
        for variant in planned.variants:
            got = seen.get((variant.kind, variant.name))
            label = "release sin resolver" if variant.kind is VariantKind.STUB else variant.name
            if got is None:
                found.append(f"{where}: la variante '{label}' no se comprobó")
                continue
            total = sum(got.scores.get(t.cell_id, 0.0) for t in ex.tests)
            if variant.kind is VariantKind.STUB:
                scoring = [t.cell_id for t in ex.tests if got.scores.get(t.cell_id, 0.0) > 0]
                if scoring:
                    found.append(
                        f"{where}: la release sin resolver obtiene puntos en {', '.join(scoring)}"
                    )
                continue
            if total >= ex.max_points:
                found.append(
                    f"{where}: el mutante '{variant.name}' no pierde puntos "
                    f"({_fmt(total)}/{_fmt(ex.max_points)}): falta un test que lo detecte"
                )
                continue
            for requirement in variant.breaks:
                declaring = ex.tests_declaring(requirement)
                failing = [
                    cid
                    for cid in declaring
                    if got.scores.get(cid, 0.0)
                    < next(t.points for t in ex.tests if t.cell_id == cid)
                ]
                if not failing:
                    found.append(
                        f"{where}: el mutante '{variant.name}' rompe R{requirement}, pero ningún "
                        f"test que declara R{requirement} ({', '.join(declaring) or 'ninguno'}) "
                        "falla"
                    )
    return found
