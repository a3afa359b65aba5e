"""Plain-text report of module walks: one line per variant, then the problems."""

from __future__ import annotations

from mlops_course.machinery.verify.outcome import SLOW_CELL_SECONDS, slow_cell
from mlops_course.machinery.verify.plan import VariantKind
from mlops_course.machinery.verify.walk import ModuleWalk


def format_walk(walk: ModuleWalk) -> str:
    """One module: a summary line, each variant's score and verdict, then the problems."""
    r = walk.result
    warning = f" (más de {SLOW_CELL_SECONDS} s)" if slow_cell(r.slowest_cell_seconds) else ""
    lines = [
        f"{r.module} · recorrido {walk.seconds:.1f} s · notebook {r.notebook_seconds:.1f} s · "
        f"celda más lenta {r.slowest_cell or '—'} {r.slowest_cell_seconds:.1f} s"
        f"{warning} · pico {r.peak_kernel_mb:.0f} MB · {walk.checked} variantes · "
        f"{r.replays} en kernel nuevo · {r.rebuilds} reconstrucciones · {r.controls} controles"
        + (
            f" · {r.rechecks} ejercicios re-verificados con control por variante"
            if r.rechecks
            else ""
        )
    ]
    for planned in walk.plan.exercises:
        ex = planned.exercise
        for variant in r.variants:
            if variant.exercise != ex.answer_id:
                continue
            got = sum(variant.scores.values())
            failing = [t.cell_id for t in ex.tests if variant.scores.get(t.cell_id, 0) < t.points]
            if variant.kind is VariantKind.STUB:
                label, ok = "release sin resolver", got == 0
            else:
                breaks = ", ".join(f"R{n}" for n in variant.breaks)
                label, ok = f"{variant.name} [{breaks}]", got < ex.max_points
            note = f"  (kernel nuevo: {variant.replayed})" if variant.replayed else ""
            lines.append(
                f"  {ex.answer_id:<22} {label:<44} {got:g}/{ex.max_points:g}  "
                f"{'OK' if ok else 'FALLO'}  falla: {', '.join(failing) or '—'}{note}"
            )
    lines.extend(f"  PROBLEMA: {p}" for p in walk.problems)
    return "\n".join(lines)


def format_summary(walks: list[ModuleWalk], workers: int) -> str:
    """Summary of walks: per module walk time, variants, replays; a projection of the walk alone."""
    head = (
        f"{'módulo':<26} {'notebook':>9} {'pico MB':>8} {'recorrido':>10} {'variantes':>10} "
        f"{'kernel nuevo':>13} {'problemas':>10}"
    )
    lines = [head, "-" * len(head)]
    for w in walks:
        r = w.result
        lines.append(
            f"{r.module:<26} {r.notebook_seconds:>8.1f}s {r.peak_kernel_mb:>8.0f} "
            f"{w.seconds:>9.1f}s {w.checked:>10} {r.replays:>13} {len(w.problems):>10}"
        )
    if walks:
        total = sum(w.seconds for w in walks)
        average = total / len(walks)
        lines.append(
            f"{'TOTAL':<26} {'':>9} {'':>8} {total:>9.1f}s "
            f"{sum(w.checked for w in walks):>10} {sum(w.result.replays for w in walks):>13}"
        )
        lines.append(
            f"proyección para 24 notebooks con {workers} procesos: "
            f"{24 * average / max(1, workers) / 60:.1f} min de recorrido"
        )
    return "\n".join(lines)
