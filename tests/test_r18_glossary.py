"""Resource 18's glossary: the validated data file, the build check of the modules' links (both
directions), the generated usage file and the searchable view."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mlops_course.lessons.r18_glossary import (
    ALL,
    RESOURCE_PHASE,
    GlossaryBrowser,
    GlossaryError,
    glossary_records,
    load_glossary,
    load_usage,
    parse_glossary,
    search_terms,
    terms_html,
)
from mlops_course.machinery.build import render_cache
from mlops_course.machinery.build.glossary import (
    GLOSSARY_FILE,
    INDEX_TAG,
    USAGE_FILE,
    closing_section,
    fill_index,
    glossary_problems,
    has_index_cell,
    link,
    usage,
    usage_json,
)
from mlops_course.machinery.build.pipeline import build
from mlops_course.machinery.roadmap import load_roadmap


def _term(term_id: str, related: list[str] | None = None, **extra: object) -> dict[str, object]:
    return {
        "id": term_id,
        "term": term_id.replace("-", " "),
        "english": term_id,
        "definition": f"Definición de prueba suficientemente larga para {term_id}.",
        "related": related or [],
        **extra,
    }


def _glossary(path: Path, *terms: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump({"schema_version": 1, "terms": list(terms)}), encoding="utf-8")
    return path


def _module(content: Path, slug: str, closing: str | None) -> None:
    folder = content / slug
    folder.mkdir(parents=True)
    lines = ["# %% [markdown]", "# # Módulo", "#", "# Texto."]
    if closing is not None:
        lines += ["#", "# ### Términos del glosario (módulo 18_glosario)", "#", f"# {closing}"]
        lines += ["#", "# ### Para saber más", "#", "# Nada."]
    (folder / f"{slug}.py").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_course_glossary_is_valid_and_every_term_is_linked(repo_root: Path) -> None:
    terms = load_glossary()
    content = repo_root / "content"
    assert len(terms) >= 200
    assert glossary_problems(content, repo_root / "assets" / GLOSSARY_FILE) == []
    generated = (repo_root / "assets" / USAGE_FILE).read_text(encoding="utf-8")
    assert generated == usage_json(content), "make build regenera assets/glossary_usage.json"
    linked = usage(content)
    assert {"00_indice", "17_proyecto_integrador", "18_glosario", "23_recursos"} <= set(linked)
    assert "drift" in linked["00_indice"]
    assert "drift-infraestructura" in linked["13_terraform_modular"]


def test_parse_glossary_names_each_problem(tmp_path: Path) -> None:
    path = tmp_path / GLOSSARY_FILE
    data = {
        "schema_version": 1,
        "terms": [
            _term("drift", ["concept-drift", "fantasma", "drift"], aliases=["deriva"]),
            _term("concept-drift", aliases=["deriva", "drift"]),
            _term("drift"),
        ],
    }
    with pytest.raises(GlossaryError) as error:
        parse_glossary(data, path)
    message = str(error.value)
    assert "terms[0].related: «fantasma» no es un término del glosario" in message
    assert "«drift» se relaciona consigo mismo" in message
    assert "terms[1].aliases: «deriva» ya es alias de «drift»" in message
    assert "«drift» es el nombre del término «drift»" in message
    assert "terms[2].id: «drift» repetido" in message
    with pytest.raises(GlossaryError, match=r"terms\.0\.id|terms\[0\]"):
        parse_glossary({"schema_version": 1, "terms": [_term("Con Mayúsculas")]}, path)
    with pytest.raises(GlossaryError, match="no se puede leer"):
        load_glossary(tmp_path / "falta.yaml")


def test_closing_section_reads_links_and_flags_plain_items() -> None:
    text = "\n".join(
        [
            "# %% [markdown]",
            "# ### Términos del glosario (módulo 18_glosario)",
            "#",
            f"# {link('recall', 'recall')} y {link('precisión', 'precision')} ·",
            f"# {link('PEP 621 (`[project]`)', 'pep-621')} · feature store ·",
            f"# {link('drift', 'drift')}.",
            "#",
            "# ### Para saber más",
            f"# {link('no cuenta', 'fuera')}",
        ]
    )
    section = closing_section(text)
    assert section is not None
    assert [(i.term_id, i.line) for i in section.links] == [
        ("recall", 4),
        ("precision", 4),
        ("pep-621", 5),
        ("drift", 6),
    ]
    assert section.unlinked == ((5, "feature store"),)
    assert closing_section("# %% [markdown]\n# ## Cierre\n") is None


def test_glossary_problems_fail_in_both_directions(tmp_path: Path) -> None:
    content = tmp_path / "content"
    glossary = _glossary(
        tmp_path / GLOSSARY_FILE, _term("drift", ["slo"]), _term("slo"), _term("huerfano")
    )
    _module(content, "01_uno", f"{link('drift', 'drift')} · {link('SLO', 'slo')}.")
    _module(content, "02_dos", f"{link('deriva', 'deriva-rara')} · texto plano.")
    _module(content, "03_tres", None)
    problems = glossary_problems(content, glossary)
    joined = "\n".join(problems)
    assert "content/02_dos/02_dos.py:8: el módulo 02_dos enlaza el término «deriva-rara»" in joined
    assert "content/02_dos/02_dos.py:8: «texto plano» no es un enlace al glosario" in joined
    assert "content/03_tres/03_tres.py: falta la subsección «### Términos del glosario" in joined
    assert "el término «huerfano» no lo enlaza ningún módulo" in joined
    assert len(problems) == 4
    only = glossary_problems(content, glossary, ["01_uno"])
    assert only == [], "con --module no se juzga qué términos quedan sin enlazar"
    _glossary(glossary, _term("drift", ["fantasma"]))
    assert "«fantasma» no es un término del glosario" in glossary_problems(content, glossary)[0]
    assert glossary_problems(content, tmp_path / "no-hay.yaml") == []


def test_check_fails_when_the_usage_file_is_stale_or_a_link_dangles(demo_copy: Path) -> None:
    assets = demo_copy / "assets"
    assets.mkdir(exist_ok=True)
    _glossary(assets / GLOSSARY_FILE, _term("drift"))
    report = build(demo_copy, check=True)
    assert f"assets/{USAGE_FILE} (falta)" in report.stale
    assert any("falta la subsección" in p for p in report.glossary)
    assert not report.ok
    source = demo_copy / "content" / "99_demo" / "99_demo.py"
    closing = f"{link('drift', 'drift')} · {link('fantasma', 'fantasma')}."
    source.write_text(
        source.read_text(encoding="utf-8")
        + f"\n# %% [markdown]\n# ### Términos del glosario (módulo 18_glosario)\n#\n# {closing}\n",
        encoding="utf-8",
    )
    report = build(demo_copy, check=True)
    assert report.glossary == [
        f"content/99_demo/99_demo.py:{len(source.read_text().splitlines())}: el módulo 99_demo "
        "enlaza el término «fantasma» (fantasma), que no está en glossary.yaml: añádelo al "
        "glosario o corrige el id"
    ]


def test_records_search_html_and_widget(repo_root: Path) -> None:
    records = glossary_records(load_glossary(), load_usage(), load_roadmap())
    by_id = {r["id"]: r for r in records}
    assert by_id["drift"]["modules"][0] == "00_indice" and "1" in by_id["drift"]["phases"]
    assert by_id["adr"]["phases"][-1] == RESOURCE_PHASE, "el recurso 19 también lo enlaza"
    accents = {r["id"] for r in search_terms(records, "METRICA")}
    assert {"metrica-modelo", "metrica-observabilidad"} <= accents
    assert [r["id"] for r in search_terms(records, "deriva de datos")] == ["covariate-drift"]
    in_13 = search_terms(records, "drift", module="13")
    assert [r["id"] for r in in_13] == ["drift-infraestructura", "refresh"]
    assert all("2" in r["phases"] for r in search_terms(records, phase="2"))
    assert search_terms(records, "zzz-no-existe") == []
    page = terms_html([by_id["drift"]])
    assert 'id="drift" data-jupyter-id="drift"' in page
    assert 'href="#concept-drift"' in page and 'href="../00_indice/00_indice.ipynb"' in page
    assert terms_html([]).startswith("<p>Ningún término")
    escaped = terms_html([{**by_id["drift"], "definition": "<script>x</script>"}])
    assert "<script>" not in escaped
    browser = GlossaryBrowser(records)
    total = browser.output.value
    browser.text.value = "kolmogorov"
    assert "kolmogorov-smirnov" in browser.output.value and browser.output.value != total
    browser.text.value = ""
    browser.module.value = "13_terraform_modular"
    assert "1 términos" not in browser.output.value
    browser.module.value = ALL
    bundle = browser._repr_mimebundle_()
    assert 'data-jupyter-id="drift"' in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_load_usage_fails_clearly(tmp_path: Path) -> None:
    broken = tmp_path / USAGE_FILE
    broken.write_text("{}", encoding="utf-8")
    with pytest.raises(GlossaryError, match="make build"):
        load_usage(broken)
    with pytest.raises(GlossaryError, match="no se puede leer"):
        load_usage(tmp_path / "falta.json")


def test_the_static_index_anchors_every_term_and_follows_the_glossary(
    repo_root: Path, tmp_path: Path
) -> None:
    import nbformat

    glossary = _glossary(tmp_path / GLOSSARY_FILE, _term("b-term", ["a-term"]), _term("a-term"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("(se reemplaza)", metadata={"tags": [INDEX_TAG]}),
        nbformat.v4.new_markdown_cell("otra"),
    ]
    assert fill_index(nb, glossary)
    text = nb.cells[0].source
    assert text.index('<a id="a-term"></a>') < text.index('<a id="b-term"></a>'), "orden alfabético"
    assert "[a term](#a-term)" in text and nb.cells[1].source == "otra"
    assert not fill_index(nbformat.v4.new_notebook(), glossary)
    source = repo_root / "content" / "18_glosario" / "18_glosario.py"
    assert has_index_cell(source)
    before = render_cache.render_digest(source, None, glossary)
    _glossary(glossary, _term("a-term"))
    assert render_cache.render_digest(source, None, glossary) != before, (
        "si el glosario cambia, el cuaderno del 18 se vuelve a generar (y make check lo ve viejo)"
    )
    release = (repo_root / "notebooks" / "18_glosario" / "18_glosario.ipynb").read_text(
        encoding="utf-8"
    )
    for term in load_glossary():
        assert f'<a id=\\"{term.id}\\"></a>' in release, term.id
