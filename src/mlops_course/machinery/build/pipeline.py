"""Build every generated notebook from the text sources, or check that the committed ones are fresh.

Generated, per module ``<NN_slug>``:

* ``source/<NN_slug>/<NN_slug>.ipynb`` — nbgrader source (solutions and hidden tests);
* ``notebooks/<NN_slug>/<NN_slug>.ipynb`` — student release (``nbgrader generate_assignment``);
* ``solutions/<NN_slug>/<NN_slug>.ipynb`` — runnable solutions with a ``parameters`` cell.

Plus the companion notebooks of ``content/_notebooks/<name>.py`` (no exercises, e.g. the
student's progress page) as ``notebooks/<name>.ipynb``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mlops_course.machinery import nbio
from mlops_course.machinery.build.adrs import adr_problems
from mlops_course.machinery.build.exercises import requirement_problems
from mlops_course.machinery.build.glossary import (
    GLOSSARY_FILE,
    USAGE_FILE,
    fill_index,
    glossary_problems,
    has_index_cell,
    usage_json,
)
from mlops_course.machinery.build.ladder import ladder_problems
from mlops_course.machinery.build.leaks import scan_release, secret_lines
from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.build.mutants import parse_mutants
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from mlops_course.machinery.build.notebook import (
    companion_notebook,
    dumps,
    read_text_source,
    solution_notebook,
    source_notebook,
)
from mlops_course.machinery.build.overlay import apply_overlay
from mlops_course.machinery.build.render_cache import cache_enabled, load, render_digest, store
from mlops_course.machinery.build.sections import section_problems
from mlops_course.machinery.build.style import style_problems
from mlops_course.machinery.build.timing import timing_problems

GENERATED_DIRS = ("source", "notebooks", "solutions")
COMPANIONS_DIR = "_notebooks"


@dataclass
class BuildReport:
    """What a build or a check found."""

    written: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    contract: list[str] = field(default_factory=list)
    """Gaps between exercise statements, test declarations and mutants."""
    style: list[str] = field(default_factory=list)
    """Forbidden (Peninsular) forms in what readers see (``docs/estilo.md``)."""
    adrs: list[str] = field(default_factory=list)
    """ADR ids that collide, dangle or disagree with ``content/adrs.yaml`` (:mod:`.adrs`)."""
    timing: list[str] = field(default_factory=list)
    """Module headers whose time estimate disagrees with ``assets/roadmap.yaml``."""

    sections: list[str] = field(default_factory=list)
    """``§`` references that name no numbered heading (:mod:`.sections`)."""
    ladder: list[str] = field(default_factory=list)
    """Exercises off the functional → secure → scalable ladder or out of order (:mod:`.ladder`)."""
    glossary: list[str] = field(default_factory=list)
    """Dangling glossary links, unlinked closing items, terms no module links (:mod:`.glossary`)."""

    @property
    def ok(self) -> bool:
        """True when nothing is stale or leaks, requirements are tested, ADRs/times/§ agree."""
        return (
            not self.stale
            and not self.leaks
            and not self.contract
            and not self.style
            and not self.adrs
            and not self.timing
            and not self.sections
            and not self.ladder
            and not self.glossary
        )


def _overlay_of(module: Module, hidden_tests_dir: Path | None) -> Path | None:
    if hidden_tests_dir is None:
        return None
    overlay = hidden_tests_dir / f"{module.slug}.py"
    return overlay if overlay.is_file() else None


def render_modules(
    modules: list[Module],
    workdir: Path,
    hidden_tests_dir: Path | None = None,
    glossary_file: Path | None = None,
) -> dict[str, dict[str, str]]:
    """Render modules with one ``nbgrader generate_assignment`` for all of them.

    A Markdown cell tagged ``glossary-index`` gets the static index of ``glossary_file``
    (:func:`.glossary.fill_index`). Returns ``{slug: {relative path: file text}}`` with each
    module's generated files.
    """
    if not modules:
        return {}
    course = workdir / "course"
    write_course_config(course)
    partial: dict[str, dict[str, str]] = {}
    for module in modules:
        nb = read_text_source(module.text_source)
        overlay = _overlay_of(module, hidden_tests_dir)
        if overlay is not None:
            apply_overlay(nb, overlay)
        if glossary_file is not None:
            fill_index(nb, glossary_file)
        src_text = dumps(source_notebook(nb))
        folder = course / "source" / module.slug
        folder.mkdir(parents=True)
        (folder / module.notebook_name).write_text(src_text, encoding="utf-8")
        partial[module.slug] = {
            f"source/{module.slug}/{module.notebook_name}": src_text,
            f"solutions/{module.slug}/{module.notebook_name}": dumps(solution_notebook(nb)),
        }
    slug = modules[0].slug if len(modules) == 1 else "*"
    release = generate_assignment(course, slug).parent
    for module in modules:
        release_dir = release / module.slug
        for path in sorted(p for p in release_dir.rglob("*") if p.is_file()):
            rel = path.relative_to(release_dir).as_posix()
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".ipynb":
                text = dumps(nbio.reads(text))
            partial[module.slug][f"notebooks/{module.slug}/{rel}"] = text
    return partial


def render_module(
    module: Module, workdir: Path, hidden_tests_dir: Path | None = None
) -> dict[str, str]:
    """Render one module; return ``{relative path: file text}`` for its generated files."""
    return render_modules([module], workdir, hidden_tests_dir)[module.slug]


def render_all(
    root: Path, modules: list[Module], hidden_tests_dir: Path | None = None
) -> dict[str, dict[str, str]]:
    """Every module's files: from the render cache where its inputs are unchanged, else rendered."""
    use_cache = cache_enabled()
    glossary_file = root / "assets" / GLOSSARY_FILE
    digests = {
        m.slug: render_digest(
            m.text_source,
            _overlay_of(m, hidden_tests_dir),
            glossary_file if has_index_cell(m.text_source) else None,
        )
        for m in modules
    }
    rendered: dict[str, dict[str, str]] = {}
    todo: list[Module] = []
    for module in modules:
        cached = load(root, module.slug, digests[module.slug]) if use_cache else None
        if cached is None:
            todo.append(module)
        else:
            rendered[module.slug] = cached
    with tempfile.TemporaryDirectory(prefix="mlops-build-") as tmp:
        fresh = render_modules(todo, Path(tmp), hidden_tests_dir, glossary_file)
    for slug, files in fresh.items():
        if use_cache:
            store(root, slug, digests[slug], files)
        rendered[slug] = files
    return rendered


def _leaks(files: dict[str, str], module: Module) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        release = Path(tmp)
        prefix = f"notebooks/{module.slug}/"
        for rel, text in files.items():
            if rel.startswith(prefix):
                target = release / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        secrets = secret_lines(json.loads(files[f"source/{module.slug}/{module.notebook_name}"]))
        return scan_release(release, secrets)


def _cross_module_leaks(root: Path, expected: dict[str, str]) -> list[str]:
    """Solution or hidden-test lines of one module that appear in another module's release.

    Uses the freshly rendered files where there are some and the committed ones elsewhere, so a
    partial build (``--module``) still checks against every other module.
    """

    def text_of(rel: str) -> str | None:
        if rel in expected:
            return expected[rel]
        path = root / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None

    rels = set(expected) | {
        p.relative_to(root).as_posix()
        for top in ("source", "notebooks")
        if (root / top).is_dir()
        for p in (root / top).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    }
    owners: dict[str, set[str]] = {}
    for rel in sorted(r for r in rels if r.startswith("source/") and r.endswith(".ipynb")):
        text = text_of(rel)
        if text is None:
            continue
        slug = rel.split("/")[1]
        for line in secret_lines(json.loads(text)):
            owners.setdefault(line, set()).add(slug)
    findings: list[str] = []
    for rel in sorted(r for r in rels if r.startswith("notebooks/") and r.endswith(".ipynb")):
        text = text_of(rel)
        if text is None:
            continue
        parts = rel.split("/")
        here = parts[1] if len(parts) > 2 else ""
        for cell in json.loads(text).get("cells", []):
            src = cell.get("source", "")
            for raw in ("".join(src) if isinstance(src, list) else str(src)).splitlines():
                others = owners.get(raw.strip(), set()) - {here}
                if others:
                    findings.append(
                        f"{rel}: línea de la solución u ocultos de {', '.join(sorted(others))} "
                        f"filtrada: {raw.strip()[:60]} (cámbiala en uno de los dos módulos)"
                    )
    return sorted(set(findings))


def _existing(root: Path, slugs: set[str], all_modules: bool) -> dict[str, Path]:
    """Files currently under the generated folders that belong to ``slugs`` (or to any module)."""
    found: dict[str, Path] = {}
    for top in GENERATED_DIRS:
        base = root / top
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if not path.is_file() or ".ipynb_checkpoints" in path.parts:
                continue
            rel = path.relative_to(root).as_posix()
            parts = rel.split("/")
            if len(parts) < 3 and parts[-1] in (".gitkeep", "README.md"):
                continue
            if all_modules or (len(parts) > 1 and parts[1] in slugs):
                found[rel] = path
    return found


def build(
    root: Path,
    content_dir: Path | None = None,
    only: list[str] | None = None,
    check: bool = False,
    hidden_tests_dir: Path | None = None,
) -> BuildReport:
    """Build (or with ``check=True`` verify) the generated files of ``root``."""
    content = content_dir or root / "content"
    modules = discover_modules(content, only)
    report = BuildReport()
    expected: dict[str, str] = {}
    rendered = render_all(root, modules, hidden_tests_dir)
    for module in modules:
        files = rendered[module.slug]
        report.leaks.extend(_leaks(files, module))
        source = nbio.reads(files[f"source/{module.slug}/{module.notebook_name}"])
        report.contract.extend(
            requirement_problems(module.slug, source, parse_mutants(module.mutants_file))
        )
        expected.update(files)
    if not only and (content / COMPANIONS_DIR).is_dir():
        for companion in sorted((content / COMPANIONS_DIR).glob("*.py")):
            expected[f"notebooks/{companion.stem}.ipynb"] = dumps(companion_notebook(companion))
    if not only and (content / "adrs.yaml").is_file() and (root / "assets").is_dir():
        # Resource 19's catalog of every ADR, generated from the sources into the public assets
        # (student code never reads content/, which holds the solutions).
        from mlops_course.lessons.r19_adrs.catalog import CATALOG_FILE, catalog_json

        expected[f"assets/{CATALOG_FILE}"] = catalog_json(content)
    glossary_file = root / "assets" / GLOSSARY_FILE
    if not only and glossary_file.is_file():
        # Resource 18 reads which modules link each term from this generated file (same reason).
        expected[f"assets/{USAGE_FILE}"] = usage_json(content)
    report.leaks.extend(_cross_module_leaks(root, expected))
    report.style.extend(style_problems(root))
    report.adrs.extend(adr_problems(content, root))
    report.timing.extend(timing_problems(content, only))
    report.sections.extend(section_problems(root, content))
    report.ladder.extend(ladder_problems(content, only))
    report.glossary.extend(glossary_problems(content, glossary_file, only))
    existing = _existing(root, {m.slug for m in modules}, all_modules=not only)
    for rel, text in sorted(expected.items()):
        target = root / rel
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        if check:
            report.stale.append(rel if current is not None else f"{rel} (falta)")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            report.written.append(rel)
    for rel, path in sorted(existing.items()):
        if rel in expected:
            continue
        if check:
            report.stale.append(f"{rel} (sobra: no lo genera ninguna fuente)")
        else:
            path.unlink()
            report.written.append(f"{rel} (borrado)")
            parent = path.parent
            if parent.is_dir() and not any(parent.iterdir()):
                shutil.rmtree(parent)
    return report
