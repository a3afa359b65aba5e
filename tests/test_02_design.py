"""Module 02 helpers: the typed ML Canvas, its quality gate, the C4 parser and Mermaid display."""

from __future__ import annotations

import math
from typing import Any

import pytest

from mlops_course.lessons.m02_design import (
    CANVAS_SECTIONS,
    C4SyntaxError,
    CanvasError,
    LatencySLO,
    MLCanvas,
    c4_problems,
    mermaid_markdown,
    parse_c4,
    render_ml_canvas,
    review_canvas,
    show_mermaid,
)
from mlops_course.lessons.m02_design.c4 import split_args
from mlops_course.lessons.m02_design.canvas import normalize

DECISION = "Llamar esta semana a los clientes con riesgo alto de abandono"


def canvas_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Retención de clientes de la cuenta nómina",
        "value_proposition": "Marketing sabe cada lunes a qué clientes llamar",
        "prediction_task": "Clasificación binaria: churned = 1 si se da de baja",
        "decisions": (DECISION, "No contactar a clientes con riesgo bajo"),
        "data_sources": ("Tabla de clientes del core bancario", "Histórico de bajas del CRM"),
        "data_collection": "Foto mensual de la cartera; la etiqueta llega a los 90 días",
        "features": ("age", "tenure_months", "is_active_member"),
        "offline_evaluation": "Recall en el 10 % de mayor riesgo con validación temporal por meses",
        "live_monitoring": "PSI semanal de las features y recall real cuando llegan las etiquetas",
        "impact": "Ahorro neto de la campaña de retención medido contra un grupo de control",
        "baseline": {"description": "Regla actual: llamar a los inactivos", "value": 0.35},
        "success_metric": {"name": "Recall en el top 10 %", "target": 0.5, "decision": DECISION},
        "error_costs": {"false_positive_eur": 6.0, "false_negative_eur": 36.0},
    }
    data.update(overrides)
    return data


def test_valid_canvas_passes_the_gate() -> None:
    canvas = MLCanvas(**canvas_data())
    assert review_canvas(canvas) == []
    assert canvas.success_metric.higher_is_better
    assert CANVAS_SECTIONS[0] == ("value_proposition", "1. Propuesta de valor")


def test_missing_baseline_is_rejected_in_spanish() -> None:
    data = canvas_data()
    del data["baseline"]
    with pytest.raises(CanvasError, match="baseline: falta el campo") as info:
        MLCanvas(**data)
    assert info.value.problems == ("baseline: falta el campo",)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"impact": "   "}, "impact: no puede estar vacío"),
        ({"decisions": ()}, "decisions: debe tener al menos 1"),
        ({"colour": "azul"}, "colour: campo desconocido"),
        ({"error_costs": {"false_positive_eur": 0.0, "false_negative_eur": 1.0}}, "mayor que 0"),
        ({"baseline": {"description": "Regla", "value": float("nan")}}, "finito"),
        ({"features": "age"}, "features"),
    ],
)
def test_structural_errors(overrides: dict[str, Any], expected: str) -> None:
    with pytest.raises(CanvasError, match=expected):
        MLCanvas(**canvas_data(**overrides))


def test_metric_not_tied_to_a_decision_is_rejected() -> None:
    metric = {"name": "Accuracy del modelo", "target": 0.9, "decision": "Mejorar el negocio"}
    with pytest.raises(CanvasError, match="ligada a una de las decisiones"):
        MLCanvas(**canvas_data(success_metric=metric))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"impact": "Mejorar el negocio."}, "impact: 'Mejorar el negocio.' es genérico"),
        ({"impact": "TBD: lo cerramos con negocio la próxima semana"}, "es genérico"),
        ({"data_collection": "Datos mensuales"}, "data_collection: 'Datos mensuales' es demasiado"),
        ({"data_sources": ("Los datos de la empresa",)}, "data_sources[0]"),
        ({"baseline": {"description": "Ninguno", "value": 0.1}}, "baseline.description"),
        ({"features": ("age", "age")}, "features[1]: 'age' está repetida"),
    ],
)
def test_generic_fields_are_reported(overrides: dict[str, Any], expected: str) -> None:
    problems = review_canvas(MLCanvas(**canvas_data(**overrides)))
    assert any(expected in problem for problem in problems), problems


def test_copy_pasted_field_is_reported() -> None:
    text = canvas_data()["impact"]
    problems = review_canvas(MLCanvas(**canvas_data(live_monitoring=text)))
    expected = "impact: repite el texto de live_monitoring; cada bloque responde a otra cosa"
    assert problems == [expected]


def test_target_must_beat_the_baseline() -> None:
    weak = {"name": "Recall en el top 10 %", "target": 0.3, "decision": DECISION}
    problems = review_canvas(MLCanvas(**canvas_data(success_metric=weak)))
    assert problems and "debe superar al baseline" in problems[0]
    lower = {**weak, "name": "Costo por cliente retenido", "higher_is_better": False}
    assert review_canvas(MLCanvas(**canvas_data(success_metric={**lower, "target": 0.2}))) == []
    problems = review_canvas(MLCanvas(**canvas_data(success_metric={**lower, "target": 0.4})))
    assert problems and "por debajo del baseline" in problems[0]


def test_review_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="MLCanvas"):
        review_canvas(canvas_data())  # type: ignore[arg-type]


def test_normalize() -> None:
    assert normalize("  «Mejorar   el NEGOCIO»! ") == "mejorar el negocio"
    assert normalize("...") == "..."


DIAGRAM = """C4Container
title Churn
%% un comentario
Person(analyst, "Analista", "Lanza campañas")
System_Ext(crm, "CRM, corporativo")
System_Boundary(platform, "Plataforma de churn") {
    Container(api, "API de scoring", "FastAPI", "Riesgo por cliente")
    System_Boundary(data, "Datos") {
        ContainerDb(fs, "Features", "PostgreSQL", "")
    }
}
Rel(analyst, api, "Consulta", "HTTPS")
Rel(api, fs, "Lee features")
"""


def test_parse_valid_diagram() -> None:
    diagram = parse_c4(DIAGRAM)
    assert diagram.title == "Churn"
    assert diagram.aliases == ("analyst", "crm", "api", "fs")
    assert diagram.element("crm").label == "CRM, corporativo"
    assert diagram.element("api").boundary == "platform"
    assert diagram.element("fs").boundary == "data"
    assert diagram.element("fs").description == ""
    assert [b.parent for b in diagram.boundaries] == [None, "platform"]
    assert diagram.relations[1].technology == ""
    assert c4_problems(DIAGRAM) == []
    with pytest.raises(KeyError, match="nada"):
        diagram.element("nada")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DIAGRAM.replace("C4Container\n", ""), "falta la cabecera"),
        ("", "vacío"),
        ("C4Container\n", "ningún elemento"),
        (DIAGRAM + "C4Container\n", "aparece dos veces"),
        (DIAGRAM + "title Otra\n", "title aparece más de una vez"),
        (DIAGRAM.replace("Rel(api, fs", "Rel(api, feats"), "'feats' no es un elemento declarado"),
        (DIAGRAM.replace("Rel(api, fs", "Rel(platform, fs"), "'platform' no es un elemento"),
        (DIAGRAM.replace("System_Ext(crm", "System_Ext(api"), "alias duplicado 'api'"),
        (DIAGRAM.replace("Container(api", "Container(9api"), "alias '9api' no válido"),
        (DIAGRAM.replace('"Analista"', "Analista"), "label debe ir entre comillas"),
        (DIAGRAM.replace('"Analista"', '""'), "la etiqueta no puede estar vacía"),
        (DIAGRAM.replace('"Analista"', '"Analista'), "comillas sin cerrar"),
        (DIAGRAM.replace("    }\n}", "    }\n"), "falta la llave de cierre"),
        (DIAGRAM + "}\n", "sin bloque abierto"),
        (DIAGRAM.replace('"Datos") {', '"Datos")'), "debe abrir su bloque"),
        (DIAGRAM.replace('"Datos")', '"Datos", "x")'), "System_Boundary lleva 2"),
        (DIAGRAM + 'Person(p, "P") {\n}\n', "Person no abre bloque"),
        (DIAGRAM + 'Component(c, "C")\n', "instrucción desconocida 'Component'"),
        (DIAGRAM + "flowchart LR\n", "no entiendo"),
        (DIAGRAM + "Person(p)\n", "Person lleva entre 2 y 3"),
        (DIAGRAM + "Rel(api, fs)\n", "Rel lleva 3 o 4"),
    ],
)
def test_invalid_diagrams(text: str, expected: str) -> None:
    problems = c4_problems(text)
    assert any(expected in problem for problem in problems), problems
    with pytest.raises(C4SyntaxError, match="Diagrama C4 no válido") as info:
        parse_c4(text)
    assert list(info.value.problems) == problems


def test_parser_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="texto"):
        c4_problems(None)  # type: ignore[arg-type]


def test_split_args() -> None:
    assert split_args('a, "b, c", "d"') == ["a", '"b, c"', '"d"']
    assert split_args('a, "b') is None


def test_mermaid_markdown_and_display(capsys: pytest.CaptureFixture[str]) -> None:
    assert mermaid_markdown("C4Container\n") == "```mermaid\nC4Container\n```\n"
    with pytest.raises(ValueError, match="vacío"):
        mermaid_markdown("  ")
    with pytest.raises(ValueError, match="```"):
        mermaid_markdown("a\n```\n")
    with pytest.raises(TypeError, match="texto"):
        mermaid_markdown(3)  # type: ignore[arg-type]
    assert show_mermaid("C4Container") is None  # type: ignore[func-returns-value]
    assert "Markdown" in capsys.readouterr().out


def test_render_ml_canvas_writes_every_block_and_the_diagram() -> None:
    canvas = MLCanvas(**canvas_data())
    lines = render_ml_canvas(canvas).splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert headings == [
        f"# ML Canvas: {canvas.name}",
        *[f"## {heading}" for _, heading in CANVAS_SECTIONS],
        "## 10. Visión de negocio",
    ]
    assert "- age" in lines and "- **Costo de un falso positivo:** 6 €" in lines
    assert (
        "- **Baseline:** Regla actual: llamar a los inactivos (Recall en el top 10 % = 0.35)"
        in (lines)
    )
    with_diagram = render_ml_canvas(canvas, "\nC4Container\n").splitlines()
    fence = with_diagram.index("```mermaid")
    assert with_diagram[fence - 2] == "## 11. Arquitectura (C4, contenedores)"
    assert with_diagram[fence + 1 : fence + 3] == ["C4Container", "```"]
    with pytest.raises(TypeError, match="MLCanvas"):
        render_ml_canvas({"name": "x"})  # type: ignore[arg-type]


def test_latency_slo_validates_and_describes_itself() -> None:
    slo = LatencySLO(threshold_s=0.3, target=0.99)
    assert slo.window == "30 días"
    assert math.isclose(slo.error_budget, 0.01)
    assert slo.describe() == "99 % de las peticiones en 300 ms o menos (ventana: 30 días)"
    assert (
        LatencySLO(0.25, 0.995, "7 días").describe().startswith("99.5 % de las peticiones en 250")
    )
    for bad in (0.0, -1.0, math.nan, math.inf):
        with pytest.raises(ValueError, match="threshold_s"):
            LatencySLO(threshold_s=bad, target=0.99)
    for bad in (0.0, 1.0, 99.0, math.nan):
        with pytest.raises(ValueError, match="target"):
            LatencySLO(threshold_s=0.3, target=bad)
