"""The ADR check: course-wide unique ids ``ADR-NN-MM`` agree with ``content/adrs.yaml``.

Synthetic courses in ``tmp_path`` (a few lines of jupytext each) exercise every failure; the
repository's own content must pass.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mlops_course.machinery.build.adrs import (
    AdrEntry,
    adr_blocks,
    adr_problems,
    is_well_formed,
    load_adr_index,
    scan_source,
)

HEADER = "# ---\n# jupyter:\n#   jupytext:\n#     cell_metadata_filter: all\n# ---\n\n"


def _module(content: Path, slug: str, body: str) -> Path:
    folder = content / slug
    folder.mkdir(parents=True)
    source = folder / f"{slug}.py"
    source.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return source


def _index(content: Path, *entries: tuple[str, str, str]) -> None:
    lines = ["# índice", "adrs:"]
    for adr_id, module, title in entries:
        lines += [
            f"  - id: {adr_id}",
            f"    module: {module}",
            f"    title: {title}",
            "    status: Aceptado",
            "    kind: decision",
        ]
    (content / "adrs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


DECISION = """\
# %% [markdown]
# ## Una decisión
#
# ```text
# ADR-05-01: Usar DVC
#
# CONTEXTO:
# Datos grandes.
# ```
"""
EXAMPLE = """\
# %% [markdown]
# **ADR-05-02: Versionar el fraude**
#
# **CONTEXTO:** otro equipo.
"""


@pytest.fixture()
def course(tmp_path: Path) -> Path:
    """A valid two-ADR course: module 05 defines both, module 06 cites the first."""
    content = tmp_path / "content"
    _module(content, "05_datos", DECISION + "\n" + EXAMPLE)
    _module(
        content,
        "06_pipelines",
        "# %% [markdown]\n# Como decidió el ADR-05-01, los datos van en DVC.\n\n# %%\nx = 1\n",
    )
    _index(
        content,
        ("ADR-05-01", "05_datos", "Usar DVC"),
        ("ADR-05-02", "05_datos", "Versionar el fraude"),
    )
    return tmp_path


def _problems(root: Path) -> list[str]:
    return adr_problems(root / "content", root)


def _append(root: Path, slug: str, text: str) -> None:
    source = root / "content" / slug / f"{slug}.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


def _at(root: Path, rel: str, needle: str) -> str:
    """``rel:line`` of the last line of ``rel`` that contains ``needle``."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return f"{rel}:{max(n for n, line in enumerate(lines, start=1) if needle in line)}"


M05 = "content/05_datos/05_datos.py"
M06 = "content/06_pipelines/06_pipelines.py"


def test_the_repository_adrs_are_unique_indexed_and_cited_correctly(repo_root: Path) -> None:
    assert adr_problems(repo_root / "content", repo_root) == []
    entries = load_adr_index(repo_root / "content")
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert "ADR-001" in ids, "el ADR de la guía conserva su id"
    assert all(e.id == "ADR-001" or e.id[4:6] == e.module[:2] for e in entries)


def test_a_valid_synthetic_course_passes_and_loads(course: Path) -> None:
    assert _problems(course) == []
    assert load_adr_index(course / "content") == [
        AdrEntry("ADR-05-01", "05_datos", "Usar DVC", "Aceptado", "decision"),
        AdrEntry("ADR-05-02", "05_datos", "Versionar el fraude", "Aceptado", "decision"),
    ]


def test_scan_tells_definitions_from_mentions() -> None:
    text = HEADER + DECISION + "\n# %%\nnote = 'ver ADR-05-01'\n" + EXAMPLE
    found = [(o.adr_id, o.line, o.title) for o in scan_source(text, "x.py")]
    assert found == [
        ("ADR-05-01", 11, "Usar DVC"),
        ("ADR-05-01", 18, None),
        ("ADR-05-02", 20, "Versionar el fraude"),
    ]


def test_a_duplicate_id_fails_with_both_places(course: Path) -> None:
    _append(course, "05_datos", "# %% [markdown]\n# **ADR-05-01: Usar DVC**\n")
    problems = _problems(course)
    assert len(problems) == 1
    assert problems[0].startswith(f"{_at(course, M05, '**ADR-05-01')}: ADR-05-01 repetido")
    assert f"ya está definido en {_at(course, M05, '# ADR-05-01')}" in problems[0]


def test_the_same_id_in_two_modules_fails(course: Path) -> None:
    _append(course, "06_pipelines", "# %% [markdown]\n# **ADR-05-02: Otra cosa**\n")
    problems = _problems(course)
    assert any(
        p.startswith("content/06_pipelines/06_pipelines.py:") and "ADR-05-02 repetido" in p
        for p in problems
    ), problems


def test_a_dangling_mention_fails(course: Path) -> None:
    _append(course, "06_pipelines", "# %% [markdown]\n# Revisa el ADR-05-07 antes de cambiarlo.\n")
    assert _problems(course) == [
        f"{_at(course, M06, 'ADR-05-07')}: mención colgante a ADR-05-07: ningún módulo "
        "define un ADR con ese id (ver content/adrs.yaml)."
    ]


def test_a_wrong_module_prefix_fails(course: Path) -> None:
    _append(course, "06_pipelines", "# %% [markdown]\n# **ADR-05-03: Persistir con skops**\n")
    _index(
        course / "content",
        ("ADR-05-01", "05_datos", "Usar DVC"),
        ("ADR-05-02", "05_datos", "Versionar el fraude"),
        ("ADR-05-03", "06_pipelines", "Persistir con skops"),
    )
    assert _problems(course) == [
        f"{_at(course, M06, 'ADR-05-03')}: ADR-05-03 está definido en el módulo "
        "06_pipelines: su id debe empezar por ADR-06-."
    ]


def test_an_adr_missing_from_the_index_fails(course: Path) -> None:
    _append(course, "06_pipelines", "# %% [markdown]\n# **ADR-06-01: Persistir con skops**\n")
    assert _problems(course) == [
        f"{_at(course, M06, 'ADR-06-01')}: ADR-06-01 no está en content/adrs.yaml: "
        "añádelo al índice (id, module, title, status, kind)."
    ]


def test_an_index_entry_without_heading_a_wrong_title_or_module_fails(course: Path) -> None:
    _index(
        course / "content",
        ("ADR-05-01", "05_datos", "Usar DVC siempre"),
        ("ADR-05-02", "06_pipelines", "Versionar el fraude"),
        ("ADR-05-02", "05_datos", "Versionar el fraude"),
        ("ADR-05-09", "05_datos", "Nunca escrito"),
    )
    problems = _problems(course)
    assert (
        f"{_at(course, M05, 'ADR-05-01')}: el título de ADR-05-01 no coincide con el índice: "
        "«Usar DVC» en la fuente, «Usar DVC siempre» en content/adrs.yaml:3." in problems
    )
    assert any(
        p.startswith("content/adrs.yaml:8: ADR-05-02 dice module: 06_pipelines") for p in problems
    )
    assert (
        "content/adrs.yaml:13: ADR-05-02 repetido en el índice (ya está en la línea 8)." in problems
    )
    assert any(
        p.startswith(
            "content/adrs.yaml:18: ADR-05-09 está en el índice pero ningún módulo lo define"
        )
        for p in problems
    )
    assert len(problems) == 4, problems


@pytest.mark.parametrize("bad", ["ADR-006b", "ADR-0007", "ADR-5-1", "ADR-05-001"])
def test_ids_outside_the_convention_fail_in_text_and_headings(course: Path, bad: str) -> None:
    _append(course, "06_pipelines", f"# %% [markdown]\n# Ver {bad}.\n")
    problems = _problems(course)
    assert len(problems) == 1
    assert problems[0].startswith(f"{_at(course, M06, bad)}: «{bad}» no es un id")
    assert "ADR-NN-MM" in problems[0]


def test_the_seed_adr_is_defined_in_00_and_only_cited_elsewhere(tmp_path: Path) -> None:
    content = tmp_path / "content"
    seed = "# %% [markdown]\n# ```text\n# ADR-001: Incluir Python Moderno\n# ```\n"
    _module(content, "00_indice", seed)
    _module(content, "01_python", "# %% [markdown]\n# La guía lo decidió en el ADR-001.\n")
    _index(content, ("ADR-001", "00_indice", "Incluir Python Moderno"))
    assert adr_problems(content, tmp_path) == []
    _append(tmp_path, "01_python", seed)
    problems = adr_problems(content, tmp_path)
    assert len(problems) == 1 and "ADR-001 repetido" in problems[0]


def test_the_seed_adr_may_not_move_to_another_module(tmp_path: Path) -> None:
    content = tmp_path / "content"
    _module(content, "01_python", "# %% [markdown]\n# **ADR-001: Incluir Python Moderno**\n")
    _index(content, ("ADR-001", "01_python", "Incluir Python Moderno"))
    problems = adr_problems(content, tmp_path)
    assert problems == [
        "content/01_python/01_python.py:8: ADR-001 (el ADR de la guía) se define solo en "
        "00_indice; en 01_python cítalo por su id, sin repetir el bloque."
    ]


def test_mutants_and_companions_may_only_mention(course: Path) -> None:
    (course / "content" / "05_datos" / "mutants.py").write_text(
        "# %% mutant: x | cell: y | breaks: R1\n# Ignora el ADR-05-08.\n", encoding="utf-8"
    )
    (course / "content" / "_notebooks").mkdir()
    (course / "content" / "_notebooks" / "pagina.py").write_text(
        "# %% [markdown]\n# **ADR-05-01: Usar DVC**\n", encoding="utf-8"
    )
    problems = _problems(course)
    assert problems == [
        "content/05_datos/mutants.py:2: mención colgante a ADR-05-08: ningún módulo define un ADR "
        "con ese id (ver content/adrs.yaml)."
    ]


def test_a_missing_or_invalid_index_fails(course: Path) -> None:
    index = course / "content" / "adrs.yaml"
    index.unlink()
    assert _problems(course) == [
        "content/adrs.yaml: falta el índice de ADR y content/ define 2 "
        "(id, module, title, status, kind de cada uno)."
    ]
    index.write_text(
        "adrs:\n  - id: ADR-05-01\n    module: 05_datos\n    title: Usar DVC\n"
        "    status: Aprobado\n    kind: decision\n",
        encoding="utf-8",
    )
    problems = _problems(course)
    assert "content/adrs.yaml:2: status «Aprobado» no vale" in problems[0]
    with pytest.raises(ValueError, match="status «Aprobado» no vale"):
        load_adr_index(course / "content")


def test_a_course_without_adrs_needs_no_index(tmp_path: Path) -> None:
    _module(tmp_path / "content", "99_demo", "# %% [markdown]\n# Sin decisiones.\n")
    assert adr_problems(tmp_path / "content", tmp_path) == []


def test_well_formed_ids() -> None:
    assert is_well_formed("ADR-05-02") and is_well_formed("ADR-001")
    assert not is_well_formed("ADR-002") and not is_well_formed("ADR-0010")


def test_the_build_report_fails_on_an_adr_problem(demo_copy: Path) -> None:
    from mlops_course.machinery.build.pipeline import build

    assert build(demo_copy, check=True).ok
    source = demo_copy / "content" / "99_demo" / "99_demo.py"
    source.write_text(
        source.read_text(encoding="utf-8") + "\n# %% [markdown]\n# Ver el ADR-99-04.\n",
        encoding="utf-8",
    )
    report = build(demo_copy)
    assert not report.ok
    assert len(report.adrs) == 1 and "mención colgante a ADR-99-04" in report.adrs[0]


def test_a_seed_format_block_without_id_fails(course: Path) -> None:
    _append(
        course,
        "06_pipelines",
        "# %% [markdown]\n# ```text\n# Usar skops en vez de pickle\n#\n# CONTEXTO:\n# pickle.\n"
        "#\n# DECISIÓN:\n# skops.\n# ```\n",
    )
    assert _problems(course) == [
        f"{_at(course, M06, 'Usar skops')}: ADR sin id: el bloque tiene CONTEXTO y DECISIÓN pero "
        "su primera línea no es «ADR-06-MM: Título» (usa ADR-NN-MM (NN = número del módulo, MM = "
        "su orden en el módulo) o ADR-001 (el de la guía); los ADR-00NN de docs/adr/ son del "
        "repositorio y no se citan en content/)."
    ]


def test_adr_blocks_reads_headings_bodies_and_skips_other_fences() -> None:
    text = (
        "# %% [markdown]\n# ```text\n# ADR-05-01: Usar DVC\n#\n# CONTEXTO:\n# Datos.\n# ```\n"
        "#\n# ```python\n# x = 1  # CONTEXTO: no es un ADR\n# ```\n\n"
        "# %%\n# ```text\n# CONTEXTO:\n# DECISIÓN:\n# ```\n"
    )
    blocks = adr_blocks(text)
    assert [(b.adr_id, b.title, b.line) for b in blocks] == [("ADR-05-01", "Usar DVC", 3)]
    assert blocks[0].body == "CONTEXTO:\nDatos."
