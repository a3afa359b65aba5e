"""Every real module, end to end: lossless text source, the kernel walk, real grading.

These tests run the real tools (jupytext, papermill, nbgrader) on the committed notebooks. The
modules chosen by :func:`walked_modules` (those the changes since the last green CI can affect,
plus modules in turn; ADR-0017) are walked; those chosen by :func:`deep_modules` (what changed,
today's turn; ADR-0015) are walked with every mutant and graded by real nbgrader.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

from mlops_course.lessons.churn_project.cache import cached_checkpoint
from mlops_course.lessons.churn_project.checkpoint import DEFAULT_ROWS, DEFAULT_SEED
from mlops_course.lessons.churn_project.compare import project_gaps
from mlops_course.lessons.churn_project.layers import PROJECT_DIR, layer, layer_files
from mlops_course.machinery.build.glossary import INDEX_TAG
from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.build.notebook import JUPYTEXT_CELL_KEYS
from mlops_course.machinery.grading.harness import format_report, grade_synthetic_cohort
from mlops_course.machinery.grading.synthetic import CONTRACT_CASES, MODULE_BROKEN_CASES
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.selection import broken_case_module, deep_modules, walked_modules
from mlops_course.machinery.verify.report import format_walk
from mlops_course.machinery.verify.walk import PROJECT_COPY, walk_module

REPO = Path(__file__).resolve().parents[1]
MODULES = [m.slug for m in discover_modules(REPO / "content")]
DEEP = deep_modules(REPO).modules
WALKED = walked_modules(REPO).modules
BROKEN_MODULE = broken_case_module(REPO)


def test_there_are_modules() -> None:
    assert "00_indice" in MODULES


@pytest.mark.parametrize("slug", MODULES)
def test_text_source_round_trip_is_lossless(slug: str) -> None:
    """text → ipynb → text gives back the same text, and the built source keeps every cell."""
    path = REPO / "content" / slug / f"{slug}.py"
    text = path.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent")
    assert jupytext.writes(nb, fmt="py:percent") == text, (
        f"{path}: jupytext no reproduce el texto; ajusta las líneas en blanco entre celdas"
    )
    built = nbformat.read(REPO / "source" / slug / f"{slug}.ipynb", as_version=4)
    assert len(built.cells) == len(nb.cells)
    for ours, theirs in zip(built.cells, nb.cells, strict=True):
        if INDEX_TAG not in theirs.metadata.get("tags", []):  # the build fills the glossary index
            assert ours.source == theirs.source
        expected = {k: v for k, v in theirs.metadata.items() if k not in JUPYTEXT_CELL_KEYS}
        assert dict(ours.metadata) == expected


def test_every_module_checked_in_depth_is_walked() -> None:
    assert set(DEEP) <= set(WALKED)


@pytest.mark.slow
@pytest.mark.parametrize("slug", WALKED)
def test_walk(slug: str, tmp_path: Path) -> None:
    """The solution runs top to bottom through papermill with CI parameters, scores full marks;
    in the same kernel every release stub scores 0 on its exercise and, for the modules checked
    in depth this run, every mutant fails a test that declares the requirement it breaks."""
    module = discover_modules(REPO / "content", [slug])[0]
    deep = slug in DEEP
    walk = walk_module(REPO, module, tmp_path, mutants=deep)
    print(f"\n{'en profundidad' if deep else 'ligero (sin mutantes)'}\n" + format_walk(walk))
    assert walk.ok, "\n".join(walk.problems)
    assert deep == any(v.kind == "mutant" for p in walk.plan.exercises for v in p.variants)
    assert (tmp_path / slug / f"{slug}.ipynb").is_file()
    assert_chain(module, tmp_path / slug / PROJECT_COPY / PROJECT_DIR, tmp_path / "referencia")


def assert_chain(module: Module, project: Path, scratch: Path) -> None:
    """A module that adds a layer leaves the project with everything its reference checkpoint
    has (files, DVC graph, MLflow aliases, pipeline reproduced, the project's tests passing).
    Modules from 06 on start from the previous checkpoint, so this is the chain "checkpoint N-1
    + solution N ⊇ checkpoint N"; module 05 builds the project from nothing."""
    try:
        number = layer(module.slug).module
    except ValueError:
        return  # modules 00-04 build no layer
    if layer_files(number) is None:
        return  # the layer's reference does not exist yet: nothing to compare with
    assert project.is_dir(), f"{module.slug}: la solución no dejó churn-project en su workspace"
    ci = module.ci_parameters()
    reference = cached_checkpoint(
        number,
        scratch,
        n_rows=int(ci.get("PROJECT_ROWS", ci.get("N_CUSTOMERS", DEFAULT_ROWS))),
        seed=int(ci.get("SEED", DEFAULT_SEED)),
    )
    gaps = project_gaps(project, reference.project)
    assert not gaps, f"{module.slug} frente a checkpoint-{number}:\n" + "\n".join(gaps)


@pytest.mark.slow
@pytest.mark.parametrize("slug", DEEP)
def test_real_grading(slug: str, tmp_path: Path) -> None:
    """The instructors' own grading path on a module checked in depth: the solution scores full
    marks and the untouched release 0 with the real nbgrader, feedback and CSV included (students
    who set the module's CI parameters, as the walk does; the audit grades every module with the
    notebook's own); the broken submissions whose handling depends on a module's cells go to one
    module per run (the first chosen); the full set runs on the demo module every run and on every
    module in the audit."""
    module = discover_modules(REPO / "content", [slug])[0]
    cases = CONTRACT_CASES + (MODULE_BROKEN_CASES if slug == BROKEN_MODULE else ())
    outcome = grade_synthetic_cohort(
        REPO,
        module,
        tmp_path / "course",
        cases,
        Limits(cell_timeout=30, notebook_timeout=600),
        parameters=module.ci_parameters(),
    )
    print("\n" + format_report(outcome))
    assert [row.case for row in outcome.rows][:2] == ["a", "b"]
    assert outcome.ok, format_report(outcome)


@pytest.mark.parametrize("slug", MODULES)
def test_every_exercise_has_at_least_two_mutants(slug: str) -> None:
    """Mutants prove that an exercise's tests discriminate: two per autograded answer cell."""
    from mlops_course.machinery.build.mutants import parse_mutants
    from mlops_course.machinery.grading.synthetic import answer_cell_ids

    source = nbformat.read(REPO / "source" / slug / f"{slug}.ipynb", as_version=4)
    mutants = parse_mutants(REPO / "content" / slug / "mutants.py")
    for cell in answer_cell_ids(source):
        count = sum(m.cell == cell for m in mutants)
        assert count >= 2, f"{slug}: el ejercicio '{cell}' tiene {count} mutantes; necesita 2"
