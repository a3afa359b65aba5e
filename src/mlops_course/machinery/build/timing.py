"""Time-estimate check: each module's header says what ``assets/roadmap.yaml`` says.

The header of ``content/<NN_slug>/<NN_slug>.py`` has a line

    # | **Tiempo estimado** | ≈ 3 h 40 min: lectura y demos 75 min, ejercicios 115 min, ...

which must be exactly :func:`header_line` of the module's estimate in the roadmap (the one data
file with module hours; the study planner and module 00 read the same file). The running marks
``⏱ *Tiempo estimado hasta aquí: 2 h 15 min.*`` must grow and the last one may not exceed the
module's total. ``make check`` fails with ``TIEMPO:`` lines otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.roadmap import Estimate, Roadmap, RoadmapError, load_roadmap

HEADER = re.compile(r"^# \| \*\*Tiempo estimado\*\* \| (?P<text>.*) \|\s*$", re.MULTILINE)
MARK = re.compile(r"Tiempo estimado hasta aquí: (?P<text>[^.*]+)\.")
DURATION = re.compile(r"^(?:(?P<h>\d+) h)?\s*(?:(?P<m>\d+) min)?$")


def format_duration(minutes: int) -> str:
    """Spanish duration as the course writes it: ``45 min``, ``3 h``, ``3 h 05 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest:02d} min"


def parse_duration(text: str) -> int | None:
    """Minutes of a duration written by :func:`format_duration` (``None`` if it is not one)."""
    match = DURATION.match(text.strip())
    if match is None or not (match.group("h") or match.group("m")):
        return None
    return int(match.group("h") or 0) * 60 + int(match.group("m") or 0)


def header_text(estimate: Estimate) -> str:
    """The value of the header's «Tiempo estimado» row for ``estimate``."""
    return (
        f"≈ {format_duration(estimate.minutes)}: lectura y demos {estimate.reading} min, "
        f"ejercicios {estimate.exercises} min, respuesta escrita y entregable "
        f"{estimate.written} min"
    )


def header_line(estimate: Estimate) -> str:
    """The whole header line (as written in the jupytext source)."""
    return f"# | **Tiempo estimado** | {header_text(estimate)} |"


def source_timing_problems(name: str, text: str, estimate: Estimate) -> list[str]:
    """Disagreements between one module source ``text`` and its ``estimate``."""
    problems: list[str] = []
    headers = HEADER.findall(text)
    expected = header_text(estimate)
    if len(headers) != 1:
        problems.append(
            f"{name}: debe tener una línea «| **Tiempo estimado** | … |» y tiene {len(headers)}; "
            f"escribe: {header_line(estimate)}"
        )
    elif headers[0].strip() != expected:
        problems.append(
            f"{name}: la cabecera dice «{headers[0].strip()}» y assets/roadmap.yaml dice "
            f"«{expected}»: cambia una de las dos."
        )
    previous = 0
    for raw in MARK.findall(text):
        minutes = parse_duration(raw)
        if minutes is None:
            problems.append(f"{name}: «hasta aquí: {raw}» no es una duración como «2 h 15 min».")
            continue
        if minutes < previous:
            problems.append(f"{name}: la marca «hasta aquí: {raw}» es menor que la anterior.")
        previous = minutes
    if previous > estimate.minutes:
        problems.append(
            f"{name}: la última marca «hasta aquí» ({format_duration(previous)}) supera el total "
            f"del módulo ({format_duration(estimate.minutes)})."
        )
    return problems


def timing_problems(
    content: Path, only: list[str] | None = None, roadmap: Roadmap | None = None
) -> list[str]:
    """Every header or running mark in ``content`` that disagrees with the roadmap's estimates.

    Modules whose slug is not in the roadmap (test fixtures such as ``99_demo``) are skipped; every
    module of the roadmap that exists in ``content`` is checked.
    """
    try:
        plan = roadmap if roadmap is not None else load_roadmap()
    except RoadmapError as exc:
        return [str(exc)]
    estimates = {module.slug: module.estimate for module in plan.modules}
    estimates.update({resource.slug: resource.estimate for resource in plan.resources})
    problems: list[str] = []
    for module in discover_modules(content, only):
        estimate = estimates.get(module.slug)
        if estimate is None:
            continue
        text = module.text_source.read_text(encoding="utf-8")
        problems.extend(source_timing_problems(module.text_source.name, text, estimate))
    return problems
