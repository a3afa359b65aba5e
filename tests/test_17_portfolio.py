"""Module 17's portfolio pieces: the API reference page and its screenshot, the dashboard drawn
from real Prometheus data, and the one-page case study."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest

from mlops_course.lessons.churn_project.cache import cached_checkpoint
from mlops_course.lessons.m17_capstone import api_docs, prometheus_run
from mlops_course.lessons.m17_capstone.case_study import (
    EXAMPLE_STORY,
    Story,
    case_study,
    check_story,
)
from mlops_course.lessons.m17_capstone.criteria import Outcome, Report
from mlops_course.lessons.m17_capstone.dashboard_render import (
    PanelData,
    customers_from,
    draw,
    live_panels,
    panels_of,
)
from mlops_course.lessons.m17_capstone.facts import ProjectFacts

PNG = b"\x89PNG\r\n\x1a\n"
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "API de churn", "version": "1.0.0", "description": "<script>x()</script>"},
    "paths": {
        "/predict": {
            "post": {
                "summary": "Predict",
                "requestBody": {
                    "content": {"application/json": {"schema": {"$ref": "#/c/s/Customer"}}}
                },
                "responses": {"200": {"description": "ok"}, "422": {"description": "inválido"}},
            }
        },
        "/health": {"get": {"summary": "Health", "responses": {"200": {"description": "vivo"}}}},
    },
    "components": {
        "schemas": {
            "Customer": {
                "required": ["age", "region", "is_active_member"],
                "properties": {
                    "customer_id": {
                        "anyOf": [{"type": "string", "maxLength": 64}, {"type": "null"}]
                    },
                    "age": {"type": "integer", "minimum": 18.0, "maximum": 85.0},
                    "balance_eur": {"type": "number"},
                    "is_active_member": {"type": "boolean"},
                    "region": {"type": "string", "enum": ["Madrid", "Valencia"]},
                },
            }
        }
    },
}


def test_the_reference_page_lists_operations_and_schemas_and_runs_nothing() -> None:
    page = api_docs.reference_page(SPEC)
    assert "<script>" not in page and "&lt;script&gt;" in page
    for text in ("/predict", "/health", "POST", "Customer", "mín. 18; máx. 85", "Madrid, Valencia"):
        assert text.lower() in page.lower(), text
    assert "long. máx. 64" in page and "string | null" in page
    bad: Any
    for bad in ({}, {"openapi": "3.1.0"}, {"paths": {"/": {}}}, ["no"]):
        with pytest.raises(ValueError, match="No es un contrato OpenAPI"):
            api_docs.reference_page(bad)


def test_the_screenshot_is_a_png_or_a_clear_spanish_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "api.html"
    page.write_text(api_docs.reference_page(SPEC), encoding="utf-8")
    picture = api_docs.screenshot(page, tmp_path / "captura" / "api.png", 800, 600)
    assert picture.read_bytes()[:8] == PNG
    with pytest.raises(FileNotFoundError, match="No existe la página"):
        api_docs.screenshot(tmp_path / "falta.html", tmp_path / "x.png")
    monkeypatch.setattr(api_docs, "browser", lambda: None)
    with pytest.raises(FileNotFoundError, match=r"No hay Chromium.*ábrela en tu navegador"):
        api_docs.screenshot(page, tmp_path / "y.png")


def test_rows_become_requests_typed_by_the_contract() -> None:
    rows = [
        {"age": "41.0", "balance_eur": "1200.5", "is_active_member": "1", "region": "Madrid",
         "churned": "0", "customer_id": ""},
        {"age": "30", "balance_eur": "", "is_active_member": "False", "region": "Valencia"},
    ]  # fmt: skip
    first, second = customers_from(rows, SPEC)
    assert first == {"age": 41, "balance_eur": 1200.5, "is_active_member": True, "region": "Madrid"}
    assert second == {"age": 30, "is_active_member": False, "region": "Valencia"}
    with pytest.raises(ValueError, match="le falta «region», que el contrato exige"):
        customers_from([{"age": "30", "is_active_member": "1"}], SPEC)
    with pytest.raises(ValueError, match="no tiene el esquema «Customer»"):
        customers_from(rows, {"components": {}})


def test_a_dashboard_needs_panels_with_a_place_on_the_grid() -> None:
    bad: Any
    for bad in ({}, {"panels": []}, {"panels": [{"title": "x"}]}, []):
        with pytest.raises(ValueError, match=r"dashboard|gridPos"):
            panels_of(bad)


def test_every_kind_of_panel_is_drawn(tmp_path: Path) -> None:
    points = [(100.0, 0.1), (100.5, 0.2), (101.0, 0.15)]
    panels = [
        PanelData("Versión", "stat", {"x": 0, "y": 0, "w": 12, "h": 4},
                  (({"version": "3"}, points),)),
        PanelData("p99", "timeseries", {"x": 12, "y": 0, "w": 12, "h": 4}, (({}, points),)),
        PanelData("Vacío", "timeseries", {"x": 0, "y": 4, "w": 12, "h": 4}, ()),
        PanelData("Roto", "timeseries", {"x": 12, "y": 4, "w": 12, "h": 4}, (), "parse error"),
    ]  # fmt: skip
    picture = draw("Tablero", panels, tmp_path / "tablero.png")
    assert picture.read_bytes()[:8] == PNG


def test_prometheus_missing_is_said_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prometheus_run, "prometheus_binary", lambda: None)
    with (
        pytest.raises(FileNotFoundError, match="apt-get install prometheus"),
        prometheus_run.prometheus(),
    ):
        pass


def _facts() -> ProjectFacts:
    return ProjectFacts(
        name="churn-project", roc_auc=0.8123, cost_per_customer_eur=3.4321,
        cost_at_default_threshold_eur=4.1, commands=("dvc repro",),
        layers=(("05", "Datos"), ("11", "API <rápida>")),
        adrs=(("ADR-12-01 Despliegue", "docs/adr/0001.md"),),
    )  # fmt: skip


def _report() -> Report:
    def outcome(cid: str, passed: bool) -> Outcome:
        return Outcome(cid, "05", cid, 2 if passed else 0, 2, passed, "", (), "", 0.1)

    return Report("p", "hoy", (outcome("pipeline-dvc", True), outcome("api", False)))


MINE = Story(
    challenge="El banco perdía el 20 % de sus clientes jóvenes cada año y nadie sabía a quién "
    "llamar primero con el presupuesto de la campaña.",
    hardest_decision="Serví el modelo en Lambda y no en Kubernetes: pierdo control del cold start "
    "pero el equipo de dos personas no opera un clúster.",
    next_time="Pondría desde el inicio la alerta de drift de concepto con etiquetas tardías, "
    "porque la descubrí tarde en el módulo 15 <b>sin</b> datos.",
)


def test_the_case_study_is_one_escaped_page_with_the_facts_and_the_story(tmp_path: Path) -> None:
    picture = tmp_path / "d.png"
    picture.write_bytes(PNG + b"datos")
    page = case_study(_facts(), _report(), MINE, dashboard=picture, api=tmp_path / "falta.png")
    for text in ("0.812", "3.43 €", "4.10 €", "2/4", "1 de 2", "ADR-12-01 Despliegue",
                 "El banco perdía el 20 %", "data:image/png;base64,"):  # fmt: skip
        assert text in page, text
    assert "API &lt;rápida&gt;" in page and "&lt;b&gt;sin&lt;/b&gt;" in page
    assert "<script" not in page and "Borrador" not in page
    assert page.count("<img") == 1  # a missing picture is left out, not a broken link
    draft = case_study(_facts(), _report(), EXAMPLE_STORY)
    assert "Borrador: el relato es el ejemplo del curso" in draft


@pytest.mark.parametrize(
    ("story", "error", "match"),
    [
        ({"challenge": "corto"}, ValueError, "«challenge» necesita un párrafo tuyo de al menos 12"),
        ({"next_time": ""}, ValueError, "«next_time» necesita .* \\(tiene 0\\)"),
        ({"hardest_decision": None}, ValueError, "«hardest_decision»"),
    ],
)
def test_a_story_part_that_is_not_a_paragraph_is_named(
    story: dict[str, Any], error: type[Exception], match: str
) -> None:
    broken = Story(**{**MINE.__dict__, **story})
    with pytest.raises(error, match=match):
        check_story(broken)
    with pytest.raises(error, match=match):
        case_study(_facts(), _report(), broken)


def test_the_story_must_be_a_story() -> None:
    with pytest.raises(TypeError, match="debe ser un Story, no dict"):
        check_story({"challenge": "x"})  # type: ignore[arg-type]


@pytest.mark.slow
def test_the_project_dashboard_is_drawn_from_a_real_prometheus(tmp_path: Path) -> None:
    """Every panel of the reference dashboard gets data from Prometheus scraping the real API;
    a panel whose PromQL is wrong shows Prometheus's error and the others still draw."""
    project = cached_checkpoint("17", tmp_path, n_rows=1000, seed=42).project
    board = json.loads((project / "monitoring" / "dashboard.json").read_text("utf-8"))
    broken = copy.deepcopy(board)
    broken["panels"][0]["targets"][0]["expr"] = "sum(rate(churn_http_requests_total[5m]"
    with (project / "data" / "prepared" / "test.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:30]
    capture = live_panels(project, broken, rows)
    assert capture.requests > 0 and "/predict" in capture.openapi["paths"]
    first, *rest = capture.panels
    assert "Prometheus rechazó la consulta" in first.error and not first.series
    empty = [p.title for p in rest if p.error or not p.series]
    assert not empty, empty
    statuses = {s[0].get("status") for p in rest for s in p.series}
    assert {"200", "401", "422"} <= statuses
    assert draw(board["title"], capture.panels, tmp_path / "d.png").read_bytes()[:8] == PNG
