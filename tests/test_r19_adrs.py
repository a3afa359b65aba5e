"""Resource 19's lesson package: the ADR catalog read from the course sources, the sections
reader, the student's exported ADRs and the filterable view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mlops_course.lessons.r19_adrs import (
    ALL,
    SECTIONS,
    AdrBrowser,
    adrs_html,
    content_dir,
    course_adrs,
    filter_adrs,
    missing_sections,
    split_sections,
    student_adrs,
    student_adrs_html,
    tools_in,
)
from mlops_course.machinery.build.adrs import load_adr_index
from mlops_course.machinery.decision_aids import load_aid, recommend, write_adr

SEED = """ADR-001: Título

CONTEXTO:
Algo.

DECISIÓN:
Otra cosa.

CONSECUENCIAS:
(-) Cuesta.

ALTERNATIVAS RECHAZADAS:
- Nada.
"""


def test_split_sections_reads_the_three_forms_and_ignores_false_headings() -> None:
    assert list(split_sections(SEED)) == list(SECTIONS)
    inline = split_sections("Contexto: a\nb\n## decisión\nc\n**CONSECUENCIAS:** d\n")
    assert inline == {"CONTEXTO": "a\nb", "DECISIÓN": "c", "CONSECUENCIAS": "d"}
    tricky = split_sections("CONTEXTO:\nContextos de uso\nDecisión tomada\n")
    assert tricky == {"CONTEXTO": "Contextos de uso\nDecisión tomada"}
    assert missing_sections("CONTEXTO:\nx\nDECISIÓN:\n\n") == [
        "DECISIÓN", "CONSECUENCIAS", "ALTERNATIVAS RECHAZADAS"
    ]  # fmt: skip


def test_the_catalog_is_the_index_with_each_decision_text(repo_root: Path) -> None:
    records = course_adrs(repo_root / "content")
    assert [r.id for r in records] == [e.id for e in load_adr_index(repo_root / "content")]
    by_id = {r.id: r for r in records}
    assert "DECISIÓN" in split_sections(by_id["ADR-07-01"].text)
    assert "MLflow" in by_id["ADR-07-01"].tools
    assert by_id["ADR-00-01"].kind == "worked_example" and by_id["ADR-00-01"].text == ""
    assert all(r.text for r in records if r.kind == "decision")
    assert content_dir() == (repo_root / "content").resolve()


def test_content_dir_honours_the_environment_and_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repo_root: Path
) -> None:
    monkeypatch.setenv("MLOPS_CONTENT_DIR", str(repo_root / "content"))
    assert content_dir() == (repo_root / "content").resolve()
    monkeypatch.setattr("mlops_course.lessons.r19_adrs.catalog.Path.is_file", lambda self: False)
    with pytest.raises(FileNotFoundError, match="No encuentro las fuentes del curso"):
        content_dir()


def test_tools_are_whole_words_in_any_case() -> None:
    assert tools_in("usamos mlflow y Docker; no docker-compose") == ("MLflow", "Docker")
    assert tools_in("uvicorn sirve la app") == ("uvicorn",)


def test_student_adrs_lists_exported_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLOPS_WORKSPACE", str(tmp_path / "ws"))
    aid = load_aid("experiment_trackers")
    path = write_adr(aid, recommend("experiment_trackers", aid=aid), "07_experiment_tracking",
                     today=dt.date(2026, 12, 2))  # fmt: skip
    (path.parent / "notas.md").write_text("no es un ADR", encoding="utf-8")
    (path.parent / "ADR-dvc-001.md").write_text("# ADR-dvc-001: Sin secciones\n", encoding="utf-8")
    mine = student_adrs()
    assert [(m.id, m.module, m.date) for m in mine] == [
        ("ADR-dvc-001", "07_experiment_tracking", "?"),
        ("ADR-experiment_trackers-001", "07_experiment_tracking", "2026-12-02"),
    ]
    assert mine[1].missing == () and mine[1].status == "propuesto"
    assert mine[0].missing == tuple(SECTIONS)
    assert "ADR-dvc-001" in student_adrs_html(mine)
    assert "Exportar ADR" in student_adrs_html([])


def test_filters_html_and_widget(repo_root: Path) -> None:
    records = course_adrs(repo_root / "content")
    mlflow = filter_adrs(records, tool="MLflow", status="Aceptado")
    assert mlflow and all("MLflow" in r.tools and r.status == "Aceptado" for r in mlflow)
    assert filter_adrs(records, module="14_kubernetes_ml") == [
        r for r in records if r.module == "14_kubernetes_ml"
    ]
    assert filter_adrs(records, ALL, ALL, ALL) == records
    assert "Ningún ADR" in adrs_html([])
    page = adrs_html(records)
    assert "ADR-14-01" in page and "respuesta modelo" in page and "<script" not in page
    browser = AdrBrowser(records, [])
    browser.tool.value = "Kubernetes"
    assert all("Kubernetes" in r.tools for r in browser.selected())
    assert "ADR-07-01" not in browser.output.value
    bundle = browser._repr_mimebundle_()
    assert "ADR-07-01" in bundle["text/html"], "la vista estática muestra todo el catálogo"
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_notebook_reads_the_generated_catalog_not_the_sources(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Student code runs where content/ (the solutions) is out of reach: the catalog it reads is
    assets/adr_catalog.json, generated from the sources by the build and equal to them."""
    from mlops_course.lessons.r19_adrs import catalog

    def unreachable() -> Path:
        raise FileNotFoundError("content/ no es visible aquí")

    monkeypatch.setattr(catalog, "content_dir", unreachable)
    assert catalog.course_adrs() == catalog.course_adrs(repo_root / "content")
    generated = (repo_root / "assets" / catalog.CATALOG_FILE).read_text(encoding="utf-8")
    assert generated == catalog.catalog_json(repo_root / "content"), "make build lo regenera"
    assert all(r.text == "" for r in catalog.course_adrs() if r.kind == "worked_example")
    broken = tmp_path / "assets"
    broken.mkdir()
    (broken / catalog.CATALOG_FILE).write_text("{}", encoding="utf-8")
    monkeypatch.setenv("MLOPS_ASSETS_DIR", str(broken))
    with pytest.raises(ValueError, match="make build"):
        catalog.course_adrs()
