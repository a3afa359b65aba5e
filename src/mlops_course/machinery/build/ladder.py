"""The seed's ladder: a module's exercises climb functional → secure → scalable, in that order.

Principle 2 of the guide ("Complejidad progresiva. Nivel 1: funcional → Nivel 2: seguro → Nivel 3:
escalable"). Every exercise heading of a module, ``### Ejercicio N (nivel) · Título``, names
exactly one step of the ladder, and no exercise comes after one of a higher step: a module may
repeat a step (two secure exercises) but never go back down.
"""

from __future__ import annotations

import re
from pathlib import Path

from mlops_course.machinery.build.modules import discover_modules

STEPS = ("funcional", "seguro", "escalable")
EXERCISE = re.compile(r"^# #{2,4} Ejercicio (?P<number>\d+)\s*(?:\((?P<label>[^)]*)\))?")


def ladder_problems(content: Path, only: list[str] | None = None) -> list[str]:
    """Exercise headings with a missing or unknown step, or a step below the previous one."""
    problems: list[str] = []
    for module in discover_modules(content, only):
        rel = f"content/{module.slug}/{module.text_source.name}"
        highest = -1
        for number, line in enumerate(
            module.text_source.read_text(encoding="utf-8").splitlines(), start=1
        ):
            match = EXERCISE.match(line)
            if match is None:
                continue
            label = (match.group("label") or "").strip()
            name = f"Ejercicio {match.group('number')}"
            if label not in STEPS:
                shown = f"«{label}»" if label else "ningún nivel"
                problems.append(
                    f"{rel}:{number}: {name} dice {shown}; escribe uno de: {', '.join(STEPS)}"
                )
                continue
            step = STEPS.index(label)
            if step < highest:
                problems.append(
                    f"{rel}:{number}: {name} ({label}) viene después de uno "
                    f"{STEPS[highest]}: la escalera no baja; reordena los ejercicios"
                )
            highest = max(highest, step)
    return problems
