"""The course's ADRs: one course-wide id per ADR, listed in ``content/adrs.yaml``.

Every ADR shown in a module notebook has an id that names its module, ``ADR-NN-MM`` (``NN`` the
module number, ``MM`` its ADRs in order), e.g. ``ADR-05-02``. The seed's only ADR keeps its id,
``ADR-001``: it is defined in ``00_indice`` and cited by id elsewhere. The repository's own
engineering ADRs (``docs/adr/``, ``ADR-00NN``) are a separate series that content never cites;
this check reads ``content/`` only.

In a Markdown cell of a module source an ADR is *defined* by a heading line, either the first line
of the ``text`` block that holds it (``ADR-05-01: Título``) or a bold line (``**ADR-05-02:
Título**``, the model answers of written exercises). Any other ``ADR-<digit>…`` token in content
(narrative, code, mutants, companion notebooks) is a *mention*.

:func:`adr_problems` is the build check: every id well formed, defined once, in the module its
prefix names, listed in the index with the same module and title (and every index entry defined),
and every mention naming a defined id; a ``text`` block written in the seed's format (it has the
``CONTEXTO:`` and ``DECISIÓN:`` lines) must start with an id heading. :func:`load_adr_index` and
:func:`adr_blocks` are the readers for resource 19 (the index; the blocks' text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

import yaml

from mlops_course.machinery.build.modules import discover_modules

INDEX_NAME = "adrs.yaml"
COMPANIONS_DIR = "_notebooks"
SEED_IDS: dict[str, str] = {"ADR-001": "00_indice"}
"""The seed's ADR keeps its historical id; the module that defines it."""

Status = Literal["Aceptado", "Propuesto", "Reemplazado", "Obsoleto"]
Kind = Literal["decision", "worked_example"]
STATUSES: tuple[str, ...] = get_args(Status)
KINDS: tuple[str, ...] = get_args(Kind)
FIELDS = ("id", "module", "title", "status", "kind")

COURSE_ID = re.compile(r"^ADR-(?P<module>[0-9]{2})-(?P<number>[0-9]{2})$")
ID_TOKEN = re.compile(r"(?<![\w-])ADR-[0-9][\w-]*")
HEADING = re.compile(
    r"^(?:#{1,6}\s+)?(?P<bold>\*\*)?(?P<id>ADR-[0-9][\w-]*):\s+(?P<title>.+?)(?(bold)\*\*)\s*$"
)
CELL_MARKER = re.compile(r"^# %%")
MARKDOWN_MARKER = re.compile(r"^# %%.*\[markdown\]")
FENCE = re.compile(r"^```(?P<lang>\w*)\s*$")
SECTION_LINES = ("CONTEXTO:", "DECISIÓN:")
"""A fenced block holding both lines is an ADR in the seed's format (it needs an id heading)."""
FORMAT_HINT = (
    "usa ADR-NN-MM (NN = número del módulo, MM = su orden en el módulo) o ADR-001 (el de la guía); "
    "los ADR-00NN de docs/adr/ son del repositorio y no se citan en content/"
)


@dataclass(frozen=True)
class AdrEntry:
    """One ADR of the index, as resource 19 lists it."""

    id: str
    module: str
    title: str
    status: Status
    kind: Kind


@dataclass(frozen=True)
class Occurrence:
    """An ADR id found in a content file: its definition (with a title) or a mention."""

    adr_id: str
    path: str
    line: int
    title: str | None = None

    @property
    def where(self) -> str:
        """``path:line`` for messages."""
        return f"{self.path}:{self.line}"


def is_well_formed(adr_id: str) -> bool:
    """True for a course id ``ADR-NN-MM`` or the seed's ``ADR-001``."""
    return adr_id in SEED_IDS or COURSE_ID.match(adr_id) is not None


def scan_source(text: str, path: str, definitions: bool = True) -> list[Occurrence]:
    """Every ADR id in a jupytext percent source, in order.

    With ``definitions`` a heading line of a Markdown cell defines its ADR (the occurrence has a
    title); otherwise every id is a mention.
    """
    found: list[Occurrence] = []
    markdown = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if CELL_MARKER.match(raw):
            markdown = MARKDOWN_MARKER.match(raw) is not None
            continue
        line = raw
        if markdown and (raw == "#" or raw.startswith("# ")):
            line = raw[2:]
        heading = HEADING.match(line) if markdown and definitions else None
        skip_at = -1
        if heading:
            found.append(Occurrence(heading["id"], path, number, heading["title"].strip()))
            skip_at = heading.start("id")
        for token in ID_TOKEN.finditer(line):
            if token.start() != skip_at:
                found.append(Occurrence(token.group(0).rstrip("-"), path, number))
    return found


@dataclass(frozen=True)
class AdrBlock:
    """A fenced ``text`` block of a Markdown cell written as an ADR in the seed's format.

    ``adr_id`` and ``title`` come from its first line (``None`` when it has no id heading);
    ``body`` is the lines after the heading, without blank lines around them; ``line`` is the
    heading's line (1-based).
    """

    adr_id: str | None
    title: str | None
    body: str
    line: int


def adr_blocks(text: str) -> list[AdrBlock]:
    """The ADR blocks of a jupytext percent source, in order (what resource 19 shows).

    A block is a fenced code block of a Markdown cell whose first line is an ADR heading, or that
    holds the seed's ``CONTEXTO:`` and ``DECISIÓN:`` lines (then without id: the build fails).
    """
    blocks: list[AdrBlock] = []
    markdown = False
    fence: list[tuple[int, str]] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if CELL_MARKER.match(raw):
            markdown = MARKDOWN_MARKER.match(raw) is not None
            fence = None
            continue
        if not markdown:
            continue
        line = raw[2:] if raw.startswith("# ") else ("" if raw == "#" else raw)
        if fence is None:
            if FENCE.match(line.strip()):
                fence = []
            continue
        if line.strip() != "```":
            fence.append((number, line))
            continue
        block, fence = fence, None
        while block and not block[0][1].strip():
            block.pop(0)
        if not block:
            continue
        first_line, first = block[0]
        heading = HEADING.match(first)
        stripped = {item.strip() for _, item in block}
        if heading is None and not all(mark in stripped for mark in SECTION_LINES):
            continue
        body = "\n".join(item for _, item in block[1:]).strip("\n")
        if heading is None:
            blocks.append(AdrBlock(None, None, "\n".join(item for _, item in block), first_line))
        else:
            blocks.append(AdrBlock(heading["id"], heading["title"].strip(), body, first_line))
    return blocks


def _entry_lines(text: str) -> list[int]:
    """1-based line of each item of the ``adrs`` sequence (0 where the YAML has no such list)."""
    root = yaml.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        is_adrs = isinstance(key, yaml.ScalarNode) and key.value == "adrs"
        if is_adrs and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def parse_index(text: str, rel: str) -> tuple[list[tuple[AdrEntry, int]], list[str]]:
    """The valid entries of an index, each with its line, and the problems of the invalid ones."""
    try:
        data = yaml.safe_load(text)
        lines = _entry_lines(text)
    except yaml.YAMLError as exc:
        return [], [f"{rel}: no es YAML válido: {exc}"]
    items = data.get("adrs") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], [f"{rel}: debe ser un mapeo con la lista `adrs:` (una entrada por ADR)."]
    entries: list[tuple[AdrEntry, int]] = []
    problems: list[str] = []
    for position, item in enumerate(items):
        line = lines[position] if position < len(lines) else 0
        where = f"{rel}:{line}"
        if not isinstance(item, dict) or set(item) != set(FIELDS):
            problems.append(
                f"{where}: cada entrada tiene exactamente los campos {', '.join(FIELDS)}."
            )
            continue
        values = {k: item[k] for k in FIELDS}
        if not all(isinstance(v, str) and v.strip() for v in values.values()):
            problems.append(f"{where}: los campos {', '.join(FIELDS)} son textos no vacíos.")
            continue
        bad = False
        if not is_well_formed(values["id"]):
            problems.append(
                f"{where}: «{values['id']}» no es un id de ADR del curso: {FORMAT_HINT}."
            )
            bad = True
        if values["status"] not in STATUSES:
            problems.append(
                f"{where}: status «{values['status']}» no vale; usa uno de {', '.join(STATUSES)}."
            )
            bad = True
        if values["kind"] not in KINDS:
            problems.append(
                f"{where}: kind «{values['kind']}» no vale; usa uno de {', '.join(KINDS)}."
            )
            bad = True
        if not bad:
            entry = AdrEntry(
                id=values["id"],
                module=values["module"],
                title=values["title"],
                status=cast(Status, values["status"]),
                kind=cast(Kind, values["kind"]),
            )
            entries.append((entry, line))
    return entries, problems


def load_adr_index(content_dir: Path) -> list[AdrEntry]:
    """The ADR index of ``content_dir`` in file order (what resource 19 lists).

    Raises:
        ValueError: if the index is missing or invalid (the messages of :func:`parse_index`).
    """
    path = content_dir / INDEX_NAME
    if not path.is_file():
        raise ValueError(f"{path}: falta el índice de ADR.")
    entries, problems = parse_index(path.read_text(encoding="utf-8"), str(path))
    if problems:
        raise ValueError("\n".join(problems))
    return [entry for entry, _ in entries]


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _module_of(adr_id: str) -> str | None:
    """The module number (``NN``) an id names; for the seed's id, that of its module."""
    if adr_id in SEED_IDS:
        return SEED_IDS[adr_id][:2]
    match = COURSE_ID.match(adr_id)
    return match["module"] if match else None


def adr_problems(content_dir: Path, root: Path) -> list[str]:
    """Every ADR problem of the course under ``content_dir``, with file and line, in Spanish."""
    occurrences: list[tuple[Occurrence, str | None]] = []  # (occurrence, defining module slug)
    problems_early: list[str] = []
    for module in discover_modules(content_dir):
        rel = _rel(module.text_source, root)
        text = module.text_source.read_text(encoding="utf-8")
        occurrences.extend((o, module.slug) for o in scan_source(text, rel))
        for block in adr_blocks(text):
            if block.adr_id is None:
                problems_early.append(
                    f"{rel}:{block.line}: ADR sin id: el bloque tiene CONTEXTO y DECISIÓN pero su "
                    f"primera línea no es «ADR-{module.slug[:2]}-MM: Título» ({FORMAT_HINT})."
                )
        if module.mutants_file.is_file():
            mutants = module.mutants_file.read_text(encoding="utf-8")
            rel_mutants = _rel(module.mutants_file, root)
            occurrences.extend(
                (o, None) for o in scan_source(mutants, rel_mutants, definitions=False)
            )
    companions = content_dir / COMPANIONS_DIR
    if companions.is_dir():
        for companion in sorted(companions.glob("*.py")):
            text = companion.read_text(encoding="utf-8")
            rel = _rel(companion, root)
            occurrences.extend((o, None) for o in scan_source(text, rel, definitions=False))

    problems: list[str] = problems_early
    headings: dict[str, tuple[Occurrence, str]] = {}
    mentions: list[Occurrence] = []
    for occurrence, slug in occurrences:
        adr_id = occurrence.adr_id
        if not is_well_formed(adr_id):
            problems.append(
                f"{occurrence.where}: «{adr_id}» no es un id de ADR del curso: {FORMAT_HINT}."
            )
            continue
        if occurrence.title is None or slug is None:
            mentions.append(occurrence)
            continue
        if adr_id in headings:
            first = headings[adr_id][0]
            problems.append(
                f"{occurrence.where}: {adr_id} repetido: ya está definido en {first.where}; "
                "cada ADR tiene un id único en todo el curso (para citarlo, menciona su id sin "
                "encabezado)."
            )
            continue
        headings[adr_id] = (occurrence, slug)
        if adr_id in SEED_IDS and SEED_IDS[adr_id] != slug:
            problems.append(
                f"{occurrence.where}: {adr_id} (el ADR de la guía) se define solo en "
                f"{SEED_IDS[adr_id]}; en {slug} cítalo por su id, sin repetir el bloque."
            )
        elif _module_of(adr_id) != slug[:2]:
            problems.append(
                f"{occurrence.where}: {adr_id} está definido en el módulo {slug}: su id debe "
                f"empezar por ADR-{slug[:2]}-."
            )

    for mention in mentions:
        if mention.adr_id not in headings:
            problems.append(
                f"{mention.where}: mención colgante a {mention.adr_id}: ningún módulo define un "
                f"ADR con ese id (ver content/{INDEX_NAME})."
            )

    index_path = content_dir / INDEX_NAME
    index_rel = _rel(index_path, root)
    if not index_path.is_file():
        if headings:
            problems.append(
                f"{index_rel}: falta el índice de ADR y content/ define {len(headings)} "
                "(id, module, title, status, kind de cada uno)."
            )
        return problems
    entries, index_problems = parse_index(index_path.read_text(encoding="utf-8"), index_rel)
    problems.extend(index_problems)
    indexed: dict[str, tuple[AdrEntry, int]] = {}
    for entry, line in entries:
        where = f"{index_rel}:{line}"
        if entry.id in indexed:
            problems.append(
                f"{where}: {entry.id} repetido en el índice (ya está en la línea "
                f"{indexed[entry.id][1]})."
            )
            continue
        indexed[entry.id] = (entry, line)
        if entry.id not in headings:
            problems.append(
                f"{where}: {entry.id} está en el índice pero ningún módulo lo define (falta el "
                f"encabezado «{entry.id}: {entry.title}» en content/{entry.module}/)."
            )
            continue
        heading, slug = headings[entry.id]
        if entry.module != slug:
            problems.append(
                f"{where}: {entry.id} dice module: {entry.module}, pero está definido en "
                f"{heading.where} (módulo {slug})."
            )
        if entry.title != heading.title:
            problems.append(
                f"{heading.where}: el título de {entry.id} no coincide con el índice: "
                f"«{heading.title}» en la fuente, «{entry.title}» en {where}."
            )
    for adr_id, (heading, _) in headings.items():
        if adr_id not in indexed:
            problems.append(
                f"{heading.where}: {adr_id} no está en {index_rel}: añádelo al índice "
                "(id, module, title, status, kind)."
            )
    return problems
