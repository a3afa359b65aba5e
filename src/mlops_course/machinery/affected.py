"""Which modules a set of changed files can affect: the modules ``make test`` walks (ADR-0017).

A module's walk reads its own text source and generated notebooks, the lesson packages that
source imports (``mlops_course.lessons.<name>``, followed transitively), the churn project's
reference layers up to its own, and the asset files those name (a resource that reads the course
itself, :data:`COURSE_READERS`, also what it reads). Anything else a walk runs
through (the machinery, the walk's own test file, the build, the tools' configuration) may change
every module, so it selects them all. Some paths shape no walk: documentation, deployment
recipes, other test files, the Binder mirror of the pins, the roadmap (its own tests validate it
and every walked module's map cell reads it), and pins that were only added.

Unknown means everything: a path that no rule names selects every module.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

LESSONS: Final = "src/mlops_course/lessons/"
NEUTRAL: Final = re.compile(
    r"^(docs/|deploy/|[^/]+\.md$|LICENSE$|\.gitignore$|\.ci/ultimo-verde$|environment\.yml$"
    r"|content/adrs\.yaml$|assets/roadmap\.yaml$"
    r"|tests/(?!test_modules\.py$|conftest\.py$))"
)
"""Paths that shape no walk (their own tests, where they have any, run every time)."""
COURSE_READERS: Final = {
    "18_glosario": re.compile(r"^assets/(glossary\.yaml|glossary_usage\.json|roadmap\.yaml)$"),
    "19_adr_decisiones": re.compile(r"^content/"),
    "20_plan_estudios": re.compile(r"^assets/roadmap\.yaml$"),
    "22_checklist": re.compile(r"^assets/roadmap\.yaml$"),
}
"""Resources whose walk reads the course itself (18: the glossary, which modules link each term
and the phases; 19: every source and the ADR index; 20: every module's estimate; 22: every
module's deliverable): a change to what they read selects them too, on top of the rules below."""
GENERATED: Final = re.compile(r"^(content|source|notebooks|solutions)/([^/]+)/")
LAYER: Final = re.compile(rf"^{LESSONS}churn_project/layers/(\d{{2}})/")
PACKAGE: Final = re.compile(rf"^{LESSONS}([A-Za-z_]\w*)/")
IMPORT: Final = re.compile(r"mlops_course\.lessons\.([A-Za-z_]\w*)")
ADDITIVE: Final = (
    ("project", "dependencies"),
    ("project", "optional-dependencies"),
    ("tool", "setuptools", "package-data"),
)
"""pyproject.toml tables where added lines change no existing module (a removed one might)."""
TYPING_ONLY: Final = (("tool", "mypy"), ("tool", "ruff"))
"""pyproject.toml tables the static stage reads, never a walk."""


@dataclass(frozen=True)
class Affected:
    """The modules a change can affect, each with why; ``everything`` names the path that
    selects them all (None when the rules could place every path)."""

    modules: dict[str, str] = field(default_factory=dict)
    everything: str | None = None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _package_texts(root: Path, package: str) -> str:
    folder = root / LESSONS / package
    files = [p for p in folder.rglob("*.py") if "layers" not in p.relative_to(folder).parts]
    return "\n".join(_read(p) for p in sorted(files))


def import_closure(root: Path, slug: str) -> set[str]:
    """The lesson packages module ``slug`` reaches from its text source and mutants, directly or
    through other lesson packages."""
    source = root / "content" / slug
    pending = set(IMPORT.findall(_read(source / f"{slug}.py") + _read(source / "mutants.py")))
    seen: set[str] = set()
    while pending:
        package = pending.pop()
        if package in seen:
            continue
        seen.add(package)
        pending |= set(IMPORT.findall(_package_texts(root, package))) - seen
    return seen


def _dig(table: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if not isinstance(table, dict):
            return None
        table = table.get(key)  # type: ignore[assignment]
    return table


def _drop(table: dict[str, Any], keys: tuple[str, ...]) -> None:
    *parents, last = keys
    for key in parents:
        table = table.get(key, {})
        if not isinstance(table, dict):
            return
    table.pop(last, None)


def _lines(value: Any) -> set[str]:
    """The entries of a list, or of every list in a table (``optional-dependencies``)."""
    if isinstance(value, list):
        return {str(item) for item in value}
    if isinstance(value, dict):
        return {f"{key}:{item}" for key, items in value.items() for item in _lines(items)}
    return set() if value is None else {repr(value)}


def pins_only_added(before: str, after: str) -> bool:
    """True if ``pyproject.toml`` went from ``before`` to ``after`` only by adding dependencies
    or package data, or by changing typing and lint settings (nothing an existing module runs)."""
    try:
        old, new = tomllib.loads(before), tomllib.loads(after)
    except tomllib.TOMLDecodeError:
        return False
    for keys in ADDITIVE:
        if not _lines(_dig(old, keys)) <= _lines(_dig(new, keys)):
            return False
    for keys in ADDITIVE + TYPING_ONLY:
        _drop(old, keys)
        _drop(new, keys)
    return old == new


def _asset_users(root: Path, path: str, closures: dict[str, set[str]]) -> set[str]:
    """Modules whose source or lesson packages name the asset (its path under ``assets/``, its
    file name, or its top folder)."""
    relative = path.removeprefix("assets/")
    needles = {relative, Path(relative).name}
    if "/" in relative:
        needles.add(relative.split("/", 1)[0] + "/")
        needles.add(f'"{relative.split("/", 1)[0]}"')
    users = set()
    for slug, packages in closures.items():
        text = _read(root / "content" / slug / f"{slug}.py")
        text += "\n".join(_package_texts(root, p) for p in sorted(packages))
        if any(needle in text for needle in needles):
            users.add(slug)
    return users


def affected_modules(
    root: Path, slugs: list[str], paths: list[str], pyproject_before: str | None
) -> Affected:
    """The modules that the changed ``paths`` (relative to ``root``) can affect.

    ``pyproject_before`` is ``pyproject.toml`` as it was at the base commit (None: unknown).
    """
    closures = {slug: import_closure(root, slug) for slug in slugs}
    found: dict[str, str] = {}

    def add(modules: set[str] | list[str], why: str) -> None:
        for slug in modules:
            found.setdefault(slug, why)

    for path in sorted(set(paths)):
        add([s for s, reads in COURSE_READERS.items() if s in slugs and reads.match(path)],
            f"lee {path}")  # fmt: skip
        if NEUTRAL.match(path):
            continue
        if match := GENERATED.match(path):
            if match.group(2) not in slugs:
                return Affected(found, path)
            add([match.group(2)], "cambió")
        elif match := LAYER.match(path):
            number = int(match.group(1))
            add(
                [s for s in slugs if s[:2].isdigit() and int(s[:2]) >= number], f"capa {number:02d}"
            )
        elif match := PACKAGE.match(path):
            package = match.group(1)
            add([s for s in slugs if package in closures[s]], f"usa lessons/{package}")
        elif path.startswith("assets/"):
            users = _asset_users(root, path, closures)
            if not users:
                return Affected(found, path)
            add(users, f"lee {path}")
        elif path == "pyproject.toml":
            after = _read(root / path)
            if pyproject_before is None or not pins_only_added(pyproject_before, after):
                return Affected(found, path)
        else:
            return Affected(found, path)
    return Affected({s: found[s] for s in slugs if s in found})
