"""The fast inspection: what the checklist can tell without running a heavy tool.

For each item, in this order of trust:

1. a criterion that a **fresh** checker report evaluated takes the report's verdict;
2. a criterion or a deliverable of a module that builds the project (05-17) needs the files of
   its layer in ``churn-project/`` (those a later layer removes excepted); a criterion whose
   files are all there is «sin verificar» until the checker runs it;
3. a deliverable of a module before the project (00-04) is done when every autograded exercise
   of the student's saved notebook passes its visible tests.

ADRs exported by the decision aids (``<workspace>/<module>/adr/*.md``) and the module's
exercise progress are added as evidence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from mlops_course.lessons.churn_project.checkpoint import reference_files
from mlops_course.lessons.churn_project.layers import LAYERS, PROJECT_DIR, layer_files
from mlops_course.lessons.r22_checklist.checker_report import CheckerReport, Freshness
from mlops_course.lessons.r22_checklist.items import ChecklistItem
from mlops_course.machinery.decision_aids.export import ADR_SUBDIR
from mlops_course.machinery.student.status import ExerciseState, notebook_statuses

State = Literal["hecho", "falta", "sin verificar"]
STATES: Final[tuple[State, ...]] = ("hecho", "falta", "sin verificar")
SHOWN: Final = 4


@dataclass(frozen=True)
class ItemStatus:
    """Where one item stands, why, and how the checklist knows."""

    item: ChecklistItem
    state: State
    reason: str  # "" when done
    evidence: tuple[str, ...] = ()
    source: str = "inspección"  # or "informe"


def layer_paths(module: str) -> tuple[str, ...]:
    """The project files of ``module``'s layer that no later layer removes (empty: no layer)."""
    files = layer_files(module)
    if files is None or not any(item.module == module for item in LAYERS):
        return ()
    removed = {path for item in LAYERS if item.module > module for path in item.removes}
    return tuple(path for path in reference_files(files) if path not in removed)


def missing_layer_files(project: Path, module: str) -> tuple[str, ...]:
    """The files of ``module``'s layer that ``project`` lacks."""
    return tuple(path for path in layer_paths(module) if not (project / path).is_file())


def exported_adrs(root: Path, slug: str) -> tuple[str, ...]:
    """Names of the ADRs the decision aids exported for ``slug`` (sorted)."""
    folder = Path(root) / slug / ADR_SUBDIR
    return tuple(sorted(p.name for p in folder.glob("*.md"))) if folder.is_dir() else ()


def exercise_progress(course: Path | None, slug: str) -> tuple[int, int] | None:
    """(passing, autograded) of the student's saved notebook of ``slug``; None if unreadable."""
    if course is None:
        return None
    try:
        statuses = notebook_statuses(course / "notebooks" / slug / f"{slug}.ipynb")
    except ValueError:
        return None
    graded = [s for s in statuses if not s.manual]
    return sum(s.state is ExerciseState.PASSING for s in graded), len(graded)


def _listed(names: Sequence[str]) -> str:
    rest = len(names) - SHOWN
    return ", ".join(names[:SHOWN]) + (f" y {rest} más" if rest > 0 else "")


def _evidence(root: Path, course: Path | None, item: ChecklistItem) -> tuple[str, ...]:
    found: list[str] = []
    progress = exercise_progress(course, item.slug)
    if progress is not None:
        found.append(f"ejercicios en verde: {progress[0]} de {progress[1]}")
    adrs = exported_adrs(root, item.slug)
    if adrs:
        found.append(f"ADR exportados: {_listed(adrs)}")
    return tuple(found)


def _from_files(project: Path, item: ChecklistItem, evidence: tuple[str, ...]) -> ItemStatus:
    if not (project / ".git").is_dir():
        return ItemStatus(item, "falta", f"no existe el proyecto {PROJECT_DIR}/ (módulo 05).",
                          evidence)  # fmt: skip
    missing = missing_layer_files(project, item.module)
    if missing:
        return ItemStatus(
            item, "falta", f"faltan archivos de la capa {item.module}: {_listed(missing)}.",
            evidence,
        )  # fmt: skip
    files = f"los {len(layer_paths(item.module))} archivos de la capa {item.module} están"
    if item.kind == "entregable":
        return ItemStatus(item, "hecho", "", (files, *evidence))
    return ItemStatus(
        item, "sin verificar",
        "los archivos están; falta que el verificador lo ejecute (sin informe al día).",
        (files, *evidence),
    )  # fmt: skip


def _from_progress(
    course: Path | None, item: ChecklistItem, evidence: tuple[str, ...]
) -> ItemStatus:
    progress = exercise_progress(course, item.slug)
    if progress is None:
        return ItemStatus(item, "sin verificar", "no encuentro tu notebook guardado del módulo.",
                          evidence)  # fmt: skip
    passing, graded = progress
    if graded and passing == graded:
        return ItemStatus(item, "hecho", "", evidence)
    pending = graded - passing
    reason = f"{pending} de {graded} ejercicios aún sin tests visibles en verde."
    return ItemStatus(item, "falta", reason, evidence)


def inspect(
    items: Sequence[ChecklistItem],
    root: Path,
    *,
    course: Path | None = None,
    report: CheckerReport | None = None,
    fresh: Freshness | None = None,
) -> list[ItemStatus]:
    """The status of every item for the workspace ``root`` (and the course folder ``course``,
    whose ``notebooks/`` hold the student's saved notebooks)."""
    root = Path(root)
    project = root / PROJECT_DIR
    trusted = report is not None and fresh is not None and not fresh.stale
    statuses: list[ItemStatus] = []
    for item in items:
        evidence = _evidence(root, course, item)
        result = report.result(item.id) if report is not None and item.kind == "criterio" else None
        if trusted and result is not None:
            state: State = "hecho" if result.passed else "falta"
            statuses.append(ItemStatus(item, state, result.reason, evidence, "informe"))
        elif layer_paths(item.module):
            status = _from_files(project, item, evidence)
            if trusted and item.kind == "criterio" and status.state == "sin verificar":
                status = dataclasses.replace(
                    status,
                    reason="el informe no evaluó este criterio (¿se corrió con --criterio?).",
                )
            elif result is not None and status.state == "sin verificar":
                said = "cumplía" if result.passed else f"no cumplía ({result.reason})"
                status = ItemStatus(item, status.state,
                                    f"el informe desactualizado decía que {said}.",
                                    status.evidence)  # fmt: skip
            statuses.append(status)
        else:
            statuses.append(_from_progress(course, item, evidence))
    return statuses


def criteria_results(statuses: Sequence[ItemStatus]) -> dict[str, dict[str, object]]:
    """The criteria as a release gate reads them: ``{id: {passed, points, max_points}}``.

    Only «hecho» passes: «sin verificar» is not a pass (nobody ran the real check)."""
    return {
        s.item.id: {
            "passed": s.state == "hecho",
            "points": s.item.points if s.state == "hecho" else 0,
            "max_points": s.item.points,
        }
        for s in statuses
        if s.item.kind == "criterio"
    }


def as_records(statuses: Sequence[ItemStatus]) -> list[dict[str, str]]:
    """The statuses as plain dicts (``id``, ``module``, ``state``, ``reason``, ``taught``)."""
    return [
        {"id": s.item.id, "module": s.item.module, "state": s.state, "reason": s.reason,
         "taught": s.item.taught}
        for s in statuses
    ]  # fmt: skip
