"""Every ADR of the course, read from the notebooks' sources, and the student's exported ADRs.

The course's ADRs come from two places that the build keeps in agreement (``make check``): the
index ``content/adrs.yaml`` (id, module, title, status, kind) and the ``text`` blocks of the
module sources (the ADR itself, read with :func:`mlops_course.machinery.build.adrs.adr_blocks`).
Nothing here is a copy written by hand: ``make build`` generates ``assets/adr_catalog.json`` from
those sources (:func:`catalog_json`) and ``make check`` fails when it is stale, so a new module's
ADRs appear with its next build. The notebook reads that generated file, because the course's
``content/`` holds the solutions and is out of reach where student code runs (the grading
sandbox, a hub without the repository); the public ``assets/`` folder is not.

Worked examples (model answers of written exercises) show their id and title only: their text is
the instructor's solution.

The student's ADRs are the files that the decision aids export,
``<workspace>/<module>/adr/ADR-<aid>-NNN.md``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from mlops_course.lessons.r19_adrs.sections import missing_sections, split_sections
from mlops_course.machinery.build.adrs import adr_blocks, load_adr_index
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.roadmap import assets_dir, load_roadmap
from mlops_course.machinery.workspace import find_course_root, workspace_root

CONTENT_ENV_VAR = "MLOPS_CONTENT_DIR"
CATALOG_FILE = "adr_catalog.json"
"""The generated catalog, in the course's ``assets/`` folder."""
TOOLS: tuple[str, ...] = (
    "Python", "Pydantic", "uv", "conda", "Poetry", "git", "pre-commit", "ruff", "DVC",
    "scikit-learn", "skops", "MLflow", "pytest", "hypothesis", "pandera", "GitHub Actions",
    "actionlint", "Docker", "hadolint", "trivy", "FastAPI", "uvicorn", "Lambda", "mangum",
    "Terraform", "Kubernetes", "kustomize", "Helm", "AWS",
)  # fmt: skip
"""The tools the course teaches, as the catalog's tool filter names them."""
_STUDENT_NAME = re.compile(r"^ADR-(?P<aid>[a-z][a-z0-9_]*)-(?P<number>[0-9]{3,})\.md$")
_TITLE = re.compile(r"^#\s+(?P<id>ADR-[\w-]+):\s*(?P<title>.+?)\s*$")
_FIELD = re.compile(r"^-\s*(?P<key>Fecha|Estado):\s*(?P<value>.+?)\s*$")


@dataclass(frozen=True)
class CourseAdr:
    """One ADR of the course: index fields, its module's title, text and tools."""

    id: str
    module: str
    module_title: str
    title: str
    status: str
    kind: str
    text: str
    """The block after its heading (empty for worked examples: the text is the solution)."""
    tools: tuple[str, ...]

    @property
    def missing(self) -> list[str]:
        """The seed's sections this ADR lacks (none is checked for a worked example)."""
        return [] if self.kind == "worked_example" else missing_sections(self.text)


@dataclass(frozen=True)
class StudentAdr:
    """An ADR exported by a decision aid into the student's workspace."""

    id: str
    module: str
    title: str
    status: str
    date: str
    path: Path
    missing: tuple[str, ...]


def content_dir() -> Path:
    """The course's ``content/`` folder.

    Resolution order: ``$MLOPS_CONTENT_DIR``; ``<repository>/content`` beside the sources; the
    course root's ``content/`` (nearest ancestor of the current directory with
    ``nbgrader_config.py``).

    Raises:
        FileNotFoundError: if none exists (Spanish message with the places tried).
    """
    override = os.environ.get(CONTENT_ENV_VAR, "").strip()
    candidates = [Path(override).expanduser()] if override else []
    candidates.append(Path(__file__).resolve().parents[4] / "content")
    course = find_course_root()
    if course is not None:
        candidates.append(course / "content")
    for candidate in candidates:
        if (candidate / "adrs.yaml").is_file():
            return candidate.resolve()
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"No encuentro las fuentes del curso (content/adrs.yaml); probé: {tried}. Abre el "
        f"cuaderno desde el repositorio del curso o define {CONTENT_ENV_VAR}."
    )


def tools_in(text: str) -> tuple[str, ...]:
    """The tools of :data:`TOOLS` that ``text`` names (whole words, any case), in that order."""
    return tuple(
        tool
        for tool in TOOLS
        if re.search(rf"(?<![\w-]){re.escape(tool)}(?![\w-])", text, re.IGNORECASE)
    )


def _module_titles() -> dict[str, str]:
    roadmap = load_roadmap()
    titles = {m.slug: m.title for m in roadmap.modules}
    titles.update({r.slug: r.title for r in roadmap.resources})
    return titles


def _from_sources(folder: Path) -> list[CourseAdr]:
    texts: dict[str, str] = {}
    for module in discover_modules(folder):
        for block in adr_blocks(module.text_source.read_text(encoding="utf-8")):
            if block.adr_id is not None:
                texts.setdefault(block.adr_id, block.body)
    titles = _module_titles()
    records = []
    for entry in load_adr_index(folder):
        text = texts.get(entry.id, "") if entry.kind == "decision" else ""
        records.append(
            CourseAdr(
                id=entry.id,
                module=entry.module,
                module_title=titles.get(entry.module, entry.module),
                title=entry.title,
                status=entry.status,
                kind=entry.kind,
                text=text,
                tools=tools_in(f"{entry.title}\n{text}"),
            )
        )
    return records


def catalog_json(content: Path) -> str:
    """The catalog of the sources in ``content`` as the text of ``assets/adr_catalog.json``."""
    records = [asdict(record) for record in _from_sources(content)]
    return json.dumps({"adrs": records}, ensure_ascii=False, indent=1) + "\n"


def course_adrs(content: Path | None = None) -> list[CourseAdr]:
    """Every ADR of the index, in index order, with the text of its block in the sources.

    With ``content`` it reads those sources; without it, the generated catalog in the course's
    assets (and, if that file is missing, the sources found by :func:`content_dir`).

    Raises:
        FileNotFoundError: if neither the catalog nor the course sources are found.
        ValueError: if the index is invalid (the build's messages) or the catalog is not the
            build's.
    """
    if content is not None:
        return _from_sources(content)
    generated = assets_dir() / CATALOG_FILE
    if not generated.is_file():
        return _from_sources(content_dir())
    try:
        data = json.loads(generated.read_text(encoding="utf-8"))
        return [CourseAdr(**{**item, "tools": tuple(item["tools"])}) for item in data["adrs"]]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(
            f"{generated} no es el catálogo que genera `make build`: vuelve a generarlo."
        ) from error


def student_adrs(root: Path | None = None) -> list[StudentAdr]:
    """The ADRs the decision aids exported to the workspace (``root``: default the student's).

    Files that are not named ``ADR-<aid>-NNN.md`` are ignored; one that cannot be read as UTF-8
    is listed with its problem instead of its title.
    """
    base = root if root is not None else workspace_root()
    found: list[StudentAdr] = []
    for path in sorted(base.glob("*/adr/ADR-*.md")):
        if not _STUDENT_NAME.match(path.name) or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            found.append(
                StudentAdr(path.stem, path.parent.parent.name, f"(ilegible: {exc})", "?", "?",
                           path, ())
            )  # fmt: skip
            continue
        lines = text.splitlines()
        title_match = _TITLE.match(lines[0]) if lines else None
        fields = {m["key"]: m["value"] for line in lines if (m := _FIELD.match(line))}
        found.append(
            StudentAdr(
                id=title_match["id"] if title_match else path.stem,
                module=path.parent.parent.name,
                title=title_match["title"] if title_match else "(sin título)",
                status=fields.get("Estado", "?"),
                date=fields.get("Fecha", "?"),
                path=path,
                missing=tuple(missing_sections(text)),
            )
        )
    return found


def sections_of(record: CourseAdr) -> dict[str, str]:
    """The sections of a course ADR's text (empty for a worked example)."""
    return split_sections(record.text)
