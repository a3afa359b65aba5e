"""Which modules ``make test`` walks and which it checks in depth this run (ADR-0015, ADR-0017).

A walk runs a module's solution top to bottom (full marks, each release stub 0 on its exercise,
the project chain). Walked each run: the modules the changes since the last green CI can affect
(:mod:`mlops_course.machinery.affected`; everything when a change reaches the machinery), the
ones checked in depth, and modules in turn up to four. In depth — every mutant, real nbgrader on
the solution and the untouched release, the broken submissions — only:

* the modules whose inputs changed since the last commit that passed CI, recorded in
  ``.ci/ultimo-verde`` (as ``nx affected`` does with the last green build's commit): the module's
  text source ``content/<slug>/`` and its lesson package ``src/mlops_course/lessons/mNN_*/``
  (``rNN_*/`` for a resource),
  committed or not; a source that differs only in the prose of ungraded Markdown cells
  (:mod:`mlops_course.machinery.narrative`) does not count, since prose cannot change a grade;
* when fewer than two changed, modules in turn from today's (one per day of the year) up to two,
  so that every module meets the deep check within days and a run never checks fewer than two
  in depth; a run that changed two or more spends its time on those;
* everything when the record is missing, unreadable or not an ancestor of ``HEAD``.

``$MLOPS_DEEP_MODULES`` and ``$MLOPS_WALK_MODULES`` override the choices (``todos``, or
slugs/numbers separated by commas); ``make verify`` walks and ``make test-audit`` checks every
module in depth regardless.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from mlops_course.machinery.affected import affected_modules
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.narrative import only_narrative_changed
from mlops_course.machinery.procenv import run_tool

BASE_FILE = Path(".ci") / "ultimo-verde"
"""The commit of the last CI run that passed (its first 40-hex word; ``#`` lines are comments)."""
DEEP_ENV = "MLOPS_DEEP_MODULES"
WALK_ENV = "MLOPS_WALK_MODULES"
BROKEN_MODULE_ENV = "MLOPS_BROKEN_MODULE"
START_ENV = "MLOPS_TEST_START"
MIN_DEEP = 2
"""Modules checked in depth each run at least: the changed ones, then today's turn and the next."""
WALKED = "recorridos"
MIN_WALKED = 4
"""Modules walked each run at least: the affected and deep ones, then modules in turn."""
_ALL = {"todos", "all"}
_LESSON = re.compile(r"^src/mlops_course/lessons/[mr](\d{2})_[^/]+/")
_CONTENT = re.compile(r"^content/([^/]+)/")


@dataclass(frozen=True)
class Selection:
    """The modules checked in depth this run, each with why."""

    reasons: dict[str, str] = field(default_factory=dict)
    label: str = "en profundidad"

    @property
    def modules(self) -> tuple[str, ...]:
        """The chosen modules, changed ones first, in course order within each reason."""
        return tuple(self.reasons)

    def describe(self) -> str:
        """One line for the test report's header."""
        if not self.reasons:
            return f"módulos {self.label}: ninguno"
        reasons = set(self.reasons.values())
        if len(self.reasons) > 2 and len(reasons) == 1:
            return f"módulos {self.label} ({reasons.pop()}): {', '.join(self.reasons)}"
        parts = [f"{slug} ({why})" for slug, why in self.reasons.items()]
        return f"módulos {self.label}: " + ", ".join(parts)


def _git(root: Path, *args: str) -> str | None:
    proc = run_tool(["git", *args], cwd=root)
    return proc.stdout if proc.returncode == 0 else None


def read_base(root: Path) -> str | None:
    """The commit recorded in ``.ci/ultimo-verde``, or None when it is missing or malformed."""
    path = root / BASE_FILE
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            return word if re.fullmatch(r"[0-9a-f]{7,40}", word) else None
    return None


def _module_of(path: str, slugs: list[str]) -> str | None:
    if match := _CONTENT.match(path):
        return match.group(1) if match.group(1) in slugs else None
    if match := _LESSON.match(path):
        return next((s for s in slugs if s.startswith(match.group(1) + "_")), None)
    return None


def changed_paths(root: Path) -> tuple[str, list[str]] | None:
    """The last green commit and the paths that differ from it (committed or not); None when
    that commit is unknown here (no record, not an ancestor of ``HEAD``, a shallow clone)."""
    base = read_base(root)
    if base is None:
        return None
    if _git(root, "merge-base", "--is-ancestor", base, "HEAD") is None:
        return None
    committed = _git(root, "diff", "--name-only", base, "HEAD")
    status = _git(root, "status", "--porcelain", "--untracked-files=all")
    if committed is None or status is None:
        return None
    paths = committed.splitlines() + [line[3:].split(" -> ")[-1] for line in status.splitlines()]
    return base, sorted({p.strip().strip('"') for p in paths if p.strip()})


def changed_modules(root: Path) -> list[str] | None:
    """Modules whose inputs differ from the last green commit (committed or not), in course
    order; None when that commit is unknown here, which means: check everything."""
    slugs = [m.slug for m in discover_modules(root / "content")]
    changed = changed_paths(root)
    if changed is None:
        return None
    base, paths = changed
    found = {
        slug
        for p in paths
        if (slug := _module_of(p, slugs)) and not _narrative_only(root, base, p, slug)
    }
    return [s for s in slugs if s in found]


def _narrative_only(root: Path, base: str, path: str, slug: str) -> bool:
    """True when ``path`` is the module's text source and it differs from the green commit's
    only in ungraded prose (a new, deleted or unreadable source is a real change)."""
    if path != f"content/{slug}/{slug}.py":
        return False
    old = _git(root, "show", f"{base}:{path}")
    current = root / path
    if old is None or not current.is_file():
        return False
    try:
        new = current.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return only_narrative_changed(old, new)


def _today() -> int:
    """Day of the year (UTC) when the run began: ``$MLOPS_TEST_START`` (set by ``make``), so that
    every pytest worker of a run that crosses midnight agrees on the turn; else now."""
    start = os.environ.get(START_ENV, "").strip()
    return time.gmtime(int(start) if start.isdigit() else None).tm_yday


def rotation_module(slugs: list[str], day: int | None = None) -> str:
    """The module whose turn it is today (day of the year modulo the number of modules)."""
    if not slugs:
        raise ValueError("no hay módulos en content/: nada que rotar")
    return slugs[(_today() if day is None else day) % len(slugs)]


def _parse_override(value: str, slugs: list[str], variable: str = DEEP_ENV) -> list[str]:
    if value.strip().lower() in _ALL:
        return list(slugs)
    chosen: list[str] = []
    for word in filter(None, (w.strip() for w in value.split(","))):
        match = [s for s in slugs if s == word or s.split("_", 1)[0] == word]
        if not match:
            raise ValueError(
                f"{variable}: {word!r} no es un módulo del curso; use 'todos' o números/slugs "
                f"separados por comas, p. ej. '07' o '05_ingenieria_datos,08'"
            )
        chosen.extend(m for m in match if m not in chosen)
    return chosen


def deep_modules(root: Path, day: int | None = None) -> Selection:
    """The modules ``make test`` checks in depth this run (see the module's docstring).

    Raises:
        ValueError: ``$MLOPS_DEEP_MODULES`` names something that is not a module.
    """
    slugs = [m.slug for m in discover_modules(root / "content")]
    override = os.environ.get(DEEP_ENV, "").strip()
    if override:
        return Selection({s: DEEP_ENV for s in _parse_override(override, slugs)})
    changed = changed_modules(root)
    if changed is None:
        return Selection({s: f"sin {BASE_FILE} válido: todo" for s in slugs})
    reasons = {s: "cambió" for s in changed}
    _top_up(reasons, slugs, MIN_DEEP, day)
    return Selection(reasons)


def _top_up(
    reasons: dict[str, str], slugs: list[str], minimum: int, day: int | None, offset: int = 0
) -> None:
    """Add modules in turn (from today's, ``offset`` places on) until ``reasons`` has
    ``minimum``; the walk's turn starts after the deep check's, so the two cover different
    modules."""
    if not slugs or len(reasons) >= minimum:
        return
    start = slugs.index(rotation_module(slugs, day)) + offset
    for step in range(len(slugs)):
        if len(reasons) >= minimum:
            break
        reasons.setdefault(slugs[(start + step) % len(slugs)], "turno del día")


def walked_modules(root: Path, day: int | None = None) -> Selection:
    """The modules ``make test`` walks this run (see the module's docstring), in course order.

    Raises:
        ValueError: ``$MLOPS_WALK_MODULES`` or ``$MLOPS_DEEP_MODULES`` names something that is
            not a module.
    """
    slugs = [m.slug for m in discover_modules(root / "content")]
    override = os.environ.get(WALK_ENV, "").strip()
    if override:
        chosen = _parse_override(override, slugs, WALK_ENV)
        return Selection({s: WALK_ENV for s in slugs if s in chosen}, WALKED)
    deep = deep_modules(root, day)
    changed = changed_paths(root)
    if changed is None:
        return Selection({s: f"sin {BASE_FILE} válido: todo" for s in slugs}, WALKED)
    base, paths = changed
    before = _git(root, "show", f"{base}:pyproject.toml")
    affected = affected_modules(root, slugs, paths, before)
    if affected.everything is not None:
        return Selection({s: f"cambió {affected.everything}: todo" for s in slugs}, WALKED)
    reasons = dict(affected.modules)
    for slug in deep.modules:
        reasons.setdefault(slug, "en profundidad")
    _top_up(reasons, slugs, MIN_WALKED, day, offset=MIN_DEEP)
    return Selection({s: reasons[s] for s in slugs if s in reasons}, WALKED)


def broken_case_module(root: Path, day: int | None = None) -> str:
    """The real module that gets the broken submissions this run.

    ``$MLOPS_BROKEN_MODULE`` if set; else the first module checked in depth (the first that
    changed, else today's turn).

    Raises:
        ValueError: ``$MLOPS_BROKEN_MODULE`` is not a module of the course.
    """
    slugs = [m.slug for m in discover_modules(root / "content")]
    chosen = os.environ.get(BROKEN_MODULE_ENV, "").strip()
    if chosen:
        if chosen not in slugs:
            raise ValueError(f"{BROKEN_MODULE_ENV}={chosen!r} no es un módulo del curso")
        return chosen
    selection = deep_modules(root, day)
    return selection.modules[0] if selection.modules else rotation_module(slugs, day)
