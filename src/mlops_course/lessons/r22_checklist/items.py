"""The checklist's items, derived from the course's own data, never copied.

One ``entregable`` item per module of ``assets/roadmap.yaml`` (its deliverable, in roadmap
order) followed by one ``criterio`` item per criterion of module 17's checker that the module
teaches. A module added to the roadmap or a criterion added to the checker is an item the next
time the list is built; a criterion whose module the roadmap does not know is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from mlops_course.lessons.m17_capstone.criteria import CRITERIA, Criterion
from mlops_course.machinery.roadmap import Roadmap, load_roadmap

Kind = Literal["entregable", "criterio"]
DELIVERABLE_PREFIX: Final = "entregable-"


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the final checklist."""

    id: str  # the checker's criterion id, or "entregable-NN"
    kind: Kind
    module: str  # "05"
    slug: str  # "05_ingenieria_datos"
    phase: int
    title: str
    taught: str  # where the course teaches it, in Spanish
    points: int = 0  # the criterion's points in the checker's rubric (0 for deliverables)

    @property
    def link(self) -> str:
        """The module's notebook, relative to this resource's notebook."""
        return f"../{self.slug}/{self.slug}.ipynb"


def checklist_items(
    roadmap: Roadmap | None = None, criteria: Sequence[Criterion] | None = None
) -> tuple[ChecklistItem, ...]:
    """Every item: each module's deliverable, then the checker's criteria of that module.

    Raises:
        ValueError: a criterion names a module that the roadmap does not have.
    """
    plan = roadmap if roadmap is not None else load_roadmap()
    rubric = tuple(criteria) if criteria is not None else CRITERIA
    known = {module.number for phase in plan.phases for module in phase.modules}
    orphans = sorted(f"{c.id} ({c.module})" for c in rubric if c.module not in known)
    if orphans:
        raise ValueError(
            "Criterios del verificador con un módulo que assets/roadmap.yaml no tiene: "
            + ", ".join(orphans)
        )
    items: list[ChecklistItem] = []
    for phase in plan.phases:
        for module in phase.modules:
            items.append(
                ChecklistItem(
                    id=f"{DELIVERABLE_PREFIX}{module.number}",
                    kind="entregable",
                    module=module.number,
                    slug=module.slug,
                    phase=phase.number,
                    title=module.deliverable,
                    taught=f"módulo {module.number} · {module.title}",
                )
            )
            items.extend(
                ChecklistItem(
                    id=c.id,
                    kind="criterio",
                    module=module.number,
                    slug=module.slug,
                    phase=phase.number,
                    title=c.title,
                    taught=c.taught,
                    points=c.points,
                )
                for c in rubric
                if c.module == module.number
            )
    return tuple(items)


def item_by_id(items: Sequence[ChecklistItem], item_id: str) -> ChecklistItem:
    """The item with that id.

    Raises:
        KeyError: none has it (Spanish message).
    """
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(f"La lista no tiene ningún punto {item_id!r}.")
