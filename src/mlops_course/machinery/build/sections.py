"""Section references: every ``§N`` a module writes must name one of its numbered headings.

A module's sections are its numbered Markdown headings: ``## 2. Título`` is §2 and
``### 2.1 Título`` is §2.1 (unnumbered headings, such as ``### Ejercicio 1 …``, are not
sections). A reference ``§N`` or ``§N.M`` in a module's text source or its mutants (narrative,
statements, test messages, comments) must name a section of the same module; a reference to
another module names it first: ``módulo 02 §3`` or ``módulo 02, §3``, and is checked against that
module's headings. ``§`` is only for sections of the course: to cite another work, write
``sección 7.10.2``. In the helper package (``src/``), which belongs to no module, every ``§``
must name its module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.build.modules import Module, discover_modules

CELL_MARKER = re.compile(r"^# %%")
MARKDOWN_CELL = re.compile(r"^# %% \[markdown\]")
HEADING = re.compile(r"^#{1,6}\s+(?P<number>\d+(?:\.\d+)*)\.?\s")
REFERENCE = re.compile(
    r"(?:(?P<module>[Mm]ódulo\s+(?P<nn>\d{2})(?:_[a-z0-9_]+)?),?\s+(?:(?:de\s+)?la\s+)?)?"
    r"§\s?(?P<number>\d+(?:\.\d+)*)"
)
# What may separate two references that share a module: «módulo 02 §1–§2», «§3 y §4», «§3, §4».
SHARED = re.compile(r"^\s*(?:[–-]|,|y|e|o)\s*$")


@dataclass(frozen=True)
class Reference:
    """One ``§`` reference: where it is, which module it names (None: its own) and the number."""

    line: int
    module: str | None
    number: str


def headings(text_source: Path) -> set[str]:
    """Section numbers of the numbered Markdown headings of a jupytext percent source."""
    found: set[str] = set()
    in_markdown = False
    for raw in text_source.read_text(encoding="utf-8").splitlines():
        if CELL_MARKER.match(raw):
            in_markdown = bool(MARKDOWN_CELL.match(raw))
            continue
        if not in_markdown or not raw.startswith("# "):
            continue
        match = HEADING.match(raw[2:])
        if match:
            found.add(match.group("number"))
    return found


def references(text: str) -> list[Reference]:
    """Every ``§`` reference in ``text``, with its line (1-based) and the module it names."""
    found: list[Reference] = []
    for number, line in enumerate(text.splitlines(), start=1):
        previous_end: int | None = None
        previous_module: str | None = None
        for match in REFERENCE.finditer(line):
            module = match.group("nn")
            if (
                module is None
                and previous_end is not None
                and SHARED.match(line[previous_end : match.start()])
            ):
                module = previous_module
            found.append(Reference(number, module, match.group("number")))
            previous_end, previous_module = match.end(), module
    return found


def _message(rel: str, ref: Reference, own: str | None, known: dict[str, set[str]]) -> str | None:
    """The problem with one reference, or None when it names a real section."""
    target = ref.module or own
    if target is None:
        return (
            f"{rel}:{ref.line}: §{ref.number} no dice de qué módulo es "
            f"(escribe «módulo NN §{ref.number}»)"
        )
    if target not in known:
        return f"{rel}:{ref.line}: §{ref.number} nombra el módulo {target}, que no existe"
    sections = known[target]
    if ref.number in sections:
        return None
    where = "de este módulo" if target == own else f"del módulo {target}"
    top = sorted((s for s in sections if "." not in s), key=int)
    listed = f"sus secciones: §{', §'.join(top)}" if top else "no tiene secciones numeradas"
    return (
        f"{rel}:{ref.line}: §{ref.number} no es ninguna sección {where} "
        f"({listed}; apunta a la que enseña lo que citas)"
    )


def section_problems(root: Path, content_dir: Path | None = None) -> list[str]:
    """Every ``§`` reference that names no heading, with file and line.

    Scans each module's text source and mutants, the companion notebooks of
    ``content/_notebooks/`` (a ``§`` there must name its module) and the helper package.
    """
    content = content_dir or root / "content"
    modules: list[Module] = discover_modules(content)
    known = {m.slug[:2]: headings(m.text_source) for m in modules}
    scanned: list[tuple[Path, str | None]] = []
    for module in modules:
        scanned.append((module.text_source, module.slug[:2]))
        if module.mutants_file.is_file():
            scanned.append((module.mutants_file, module.slug[:2]))
    companions = content / "_notebooks"
    if companions.is_dir():
        scanned.extend((p, None) for p in sorted(companions.glob("*.py")))
    package = root / "src"
    if package.is_dir():
        itself = Path(__file__).resolve()
        scanned.extend((p, None) for p in sorted(package.rglob("*.py")) if p.resolve() != itself)
    problems: list[str] = []
    for path, own in scanned:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        for ref in references(path.read_text(encoding="utf-8")):
            message = _message(rel, ref, own, known)
            if message is not None:
                problems.append(message)
    return problems
