"""Reading a Terraform plan: the reference summary from ``terraform show -json`` and the line
Terraform itself prints (``Plan: X to add, Y to change, Z to destroy.``), to compare them.

A review bot, a CI gate ("no deletes in prod without approval") or a cost check reads the JSON
plan, never the human text: the JSON format is versioned and documented
(https://developer.hashicorp.com/terraform/internals/json-format), the text is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

KNOWN_ACTIONS: Final = frozenset({"no-op", "create", "read", "update", "delete", "forget"})
_PLAN_LINE: Final = re.compile(
    r"Plan: (?:(?P<imp>\d+) to import, )?(?P<add>\d+) to add, (?P<change>\d+) to change, "
    r"(?P<destroy>\d+) to destroy"
)


@dataclass(frozen=True)
class PlanSummary:
    """How many managed resources a plan creates, updates, deletes, replaces or leaves alone.

    ``moved`` counts resources whose address changed (a ``moved`` block): they are also
    ``no_op`` when nothing else changes.
    """

    create: int = 0
    update: int = 0
    delete: int = 0
    replace: int = 0
    no_op: int = 0
    moved: int = 0

    @property
    def human(self) -> tuple[int, int, int]:
        """Terraform's own ``(add, change, destroy)``: a replacement is one add and one destroy."""
        return (self.create + self.replace, self.update, self.delete + self.replace)

    @property
    def changes(self) -> int:
        """Resources the apply would touch (zero: the refactor or the drift check is clean)."""
        return self.create + self.update + self.delete + self.replace


def _actions(change: Mapping[str, Any]) -> tuple[str, ...]:
    inner = change.get("change")
    if not isinstance(inner, Mapping):
        raise ValueError(f"Cambio sin 'change': {change.get('address', change)!r}")
    actions = inner.get("actions")
    if not isinstance(actions, list) or not actions:
        raise ValueError(f"Cambio sin 'actions': {change.get('address', change)!r}")
    unknown = set(actions) - KNOWN_ACTIONS
    if unknown:
        raise ValueError(f"Acción desconocida {sorted(unknown)} en {change.get('address')!r}")
    return tuple(str(item) for item in actions)


def summarise_plan(plan: Mapping[str, Any]) -> PlanSummary:
    """Count the plan's managed-resource changes (``resource_changes`` of ``show -json``).

    Data sources (``mode: data``) are read, not managed: they never count. ``["delete",
    "create"]`` and ``["create", "delete"]`` are one replacement.

    Raises:
        TypeError: ``plan`` is not the mapping ``show -json`` returns.
        ValueError: the plan has no ``resource_changes`` list, or a change has no known actions.
    """
    if not isinstance(plan, Mapping):
        raise TypeError(f"summarise_plan espera el dict de `show -json`, no {type(plan).__name__}.")
    changes = plan.get("resource_changes", [])
    if not isinstance(changes, list):
        raise ValueError("El plan no tiene una lista 'resource_changes'.")
    counts = dict.fromkeys(("create", "update", "delete", "replace", "no_op", "moved"), 0)
    for change in changes:
        if change.get("mode", "managed") != "managed":
            continue
        actions = _actions(change)
        if set(actions) == {"create", "delete"}:
            counts["replace"] += 1
        elif actions == ("create",):
            counts["create"] += 1
        elif actions == ("update",):
            counts["update"] += 1
        elif actions == ("delete",):
            counts["delete"] += 1
        elif actions == ("no-op",):
            counts["no_op"] += 1
        previous = change.get("previous_address")
        if previous and previous != change.get("address"):
            counts["moved"] += 1
    return PlanSummary(**counts)


def human_plan_counts(text: str) -> tuple[int, int, int]:
    """``(add, change, destroy)`` from Terraform's human plan output.

    ``No changes.`` is ``(0, 0, 0)``.

    Raises:
        ValueError: the text has neither a ``Plan:`` line nor ``No changes.``.
    """
    found = _PLAN_LINE.search(text)
    if found:
        return (int(found["add"]), int(found["change"]), int(found["destroy"]))
    if "No changes." in text:
        return (0, 0, 0)
    raise ValueError("La salida no tiene la línea «Plan: …» ni «No changes.» de Terraform.")


def plan_line(text: str) -> str:
    """Terraform's summary line of a human plan (``Plan: …`` or ``No changes. …``), or ``""``."""
    for line in text.splitlines():
        if line.startswith(("Plan: ", "No changes.")):
            return line.strip()
    return ""
