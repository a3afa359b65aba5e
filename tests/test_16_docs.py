"""Module 16's lesson package: docs site build, link checker, model card and fairness."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from jinja2.exceptions import UndefinedError

from mlops_course.lessons.common.churn import make_churn
from mlops_course.lessons.m16_docs import (
    BROKEN_HOW_TO_RUN,
    CARD_FIELDS,
    biased_data,
    build_site,
    campaign_value_eur,
    card_fields,
    check_links,
    choose_mitigation,
    dataset_profile,
    fairness_gaps,
    group_rates,
    mitigation_candidates,
    render_datasheet,
    render_model_card,
    render_template,
    write_sandbox,
)

META: dict[str, Any] = {
    "name": "churn-classifier",
    "version": "3",
    "alias": "champion",
    "data_version": "0123456789abcdef",
    "metrics": {"roc_auc": 0.812345678, "brier": 0.1234},
    "intended_use": "Priorizar la campaña de retención.",
    "limitations": ["Datos sintéticos."],
}
CONTEXT = {
    "alias": "champion",
    "run_id": "abc",
    "model_type": "regresión logística",
    "owner": "equipo de churn",
    "out_of_scope": "Decisiones de crédito.",
    "sensitive_attribute": "gender",
    "ethical_considerations": "Ver la página de equidad.",
}

FIXED = """\
# Cómo ejecutar el proyecto

![El pipeline de DVC](assets/pipeline.svg)

Lee la [model card](model-card.md), la [composición](datasheet.md#composicion), el
[ADR 0001](adr/0001-despliegue.md) y la [referencia de la API](api.md).
"""


def test_card_fields_validates_and_rounds() -> None:
    fields = card_fields(META)
    assert tuple(fields) == CARD_FIELDS
    assert fields["version"] == 3
    assert fields["metrics"]["roc_auc"] == 0.8123


@pytest.mark.parametrize(
    "change",
    [
        {"limitations": []},
        {"intended_use": "  "},
        {"version": "0"},
        {"version": True},
        {"metrics": {"roc_auc": math.nan}},
        {"metrics": {"roc_auc": "0.8"}},
        {"limitations": "una sola"},
    ],
)
def test_card_fields_rejects_bad_metadata(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        card_fields({**META, **change})
    missing = {key: value for key, value in META.items() if key != "data_version"}
    with pytest.raises(ValueError, match="data_version"):
        card_fields(missing)


def test_model_card_renders_and_fails_on_missing_context() -> None:
    page = render_model_card(META, CONTEXT)
    assert "# Model card · churn-classifier v3" in page
    assert "| `roc_auc` | 0.8123 |" in page
    with pytest.raises(UndefinedError):
        render_model_card(META, {key: v for key, v in CONTEXT.items() if key != "owner"})
    with pytest.raises(UndefinedError):
        render_template("{{ nada }}", {})


def test_datasheet_profile_and_render() -> None:
    frame = make_churn(300, 1)
    profile = dataset_profile(frame)
    assert profile["rows"] == 300 and sum(profile["groups"].values()) == 300
    page = render_datasheet(
        {
            **profile,
            "title": "churn",
            **dict.fromkeys(
                ("motivation", "collection", "preprocessing", "uses", "maintenance"), "texto"
            ),
        }
    )
    assert "## Composición" in page
    with pytest.raises(ValueError):
        dataset_profile(frame.drop(columns="gender"))
    with pytest.raises(ValueError):
        dataset_profile(frame.head(0))


def test_group_rates_and_gaps_match_hand_counts() -> None:
    y_true = [1, 1, 0, 0, 1, 0, 0, 0]
    y_pred = [1, 0, 1, 0, 1, 1, 1, 0]
    groups = ["F", "F", "F", "F", "M", "M", "M", "M"]
    rates = group_rates(y_true, y_pred, groups)
    assert rates.loc["F"].tolist() == [0.5, 0.5, 0.5, 4]
    assert rates.loc["M"].tolist() == [0.75, 1.0, 2 / 3, 4]
    gaps = fairness_gaps(y_true, y_pred, groups)
    assert gaps["demographic_parity_difference"] == pytest.approx(0.25)
    assert gaps["equalized_odds_difference"] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        group_rates([1, 0], [1], ["F", "M"])
    with pytest.raises(ValueError):
        fairness_gaps([2, 0], [1, 0], ["F", "M"])
    with pytest.raises(ValueError):
        fairness_gaps([], [], [])


def test_campaign_value_uses_module_00_numbers() -> None:
    # 2 true positives × 0.2 × 180 − 3 contacted × 6 = 72 − 18.
    assert campaign_value_eur([1, 1, 0, 0], [1, 1, 1, 0]) == pytest.approx(54.0)


def test_mitigation_candidates_show_the_trade_off() -> None:
    data = biased_data(1200, 42, 1.0)
    table = mitigation_candidates(data)
    assert len(table) == 4
    by_name = table.set_index("name")
    assert by_name.loc["con gender", "dp_difference"] > 0.15
    mitigated = by_name.loc["con gender + ThresholdOptimizer(demographic_parity)"]
    assert mitigated["dp_difference"] < by_name.loc["con gender", "dp_difference"]
    assert mitigated["value_eur"] <= by_name.loc["con gender", "value_eur"]
    unbiased = mitigation_candidates(biased_data(1200, 42, 0.0)).set_index("name")
    assert unbiased.loc["con gender", "dp_difference"] < 0.1  # no bias in the data, little gap


CANDIDATES = [
    {"name": "a", "value_eur": 100.0, "dp_difference": 0.30, "eo_difference": 0.20},
    {"name": "b", "value_eur": 90.0, "dp_difference": 0.04, "eo_difference": 0.12},
    {"name": "c", "value_eur": 90.0, "dp_difference": 0.02, "eo_difference": 0.05},
    {"name": "d", "value_eur": 80.0, "dp_difference": 0.01, "eo_difference": 0.03},
]


def test_choose_mitigation() -> None:
    assert choose_mitigation(CANDIDATES, 0.5) == "a"
    assert choose_mitigation(CANDIDATES, 0.05) == "c"  # tie in value → smaller eo
    assert choose_mitigation(pd.DataFrame(CANDIDATES), 0.05, 0.04) == "d"
    with pytest.raises(ValueError, match="'d'"):
        choose_mitigation(CANDIDATES, 0.005)
    for bad in (-0.1, 1.5, math.nan, True, "0.1"):
        with pytest.raises(ValueError):
            choose_mitigation(CANDIDATES, bad)  # type: ignore[arg-type]


def test_sandbox_broken_page_fails_strict_and_link_check(tmp_path: Path) -> None:
    config = write_sandbox(tmp_path / "roto", BROKEN_HOW_TO_RUN)
    strict = build_site(config, tmp_path / "roto" / "site")
    assert not strict.ok and len(strict.warnings) == 4, strict.output
    lenient = build_site(config, tmp_path / "roto" / "site", strict=False)
    assert lenient.ok
    broken = check_links(tmp_path / "roto" / "site")
    assert any("flujo.svg" in item.target for item in broken)  # raw HTML: strict does not see it
    assert any(item.reason == "la página no tiene esa sección" for item in broken)
    with pytest.raises(TypeError):
        write_sandbox(tmp_path / "x", 3)  # type: ignore[arg-type]


def test_sandbox_fixed_page_passes(tmp_path: Path) -> None:
    config = write_sandbox(tmp_path, FIXED)
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.output
    assert check_links(tmp_path / "site") == []
    assert "avisos" in str(result)


def test_check_links_needs_a_site(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        check_links(tmp_path)
    (tmp_path / "index.html").write_text(
        '<a href="../fuera.html">x</a><a href="#arriba">y</a><a id="ok" href="#ok">z</a>'
        '<a href="https://example.org">e</a><img src="/logo.png">',
        encoding="utf-8",
    )
    reasons = sorted(item.reason for item in check_links(tmp_path))
    assert reasons == [
        "apunta fuera del sitio",
        "el archivo no existe en el sitio",
        "la página no tiene esa sección",
    ]
    assert "index.html" in str(check_links(tmp_path)[0])


MITIGATION_CASES = [
    pytest.param({}, "in_training", id="defaults-large-gap-no-attribute"),
    pytest.param({"measured_gap": 0.05}, "measure_only", id="exactly-the-limit"),
    pytest.param({"measured_gap": 0.02}, "measure_only", id="within"),
    pytest.param({"measured_gap": 0.1}, "preprocessing", id="moderate"),
    pytest.param(
        {"can_retrain": False, "attribute_at_prediction": True}, "postprocessing", id="frozen"
    ),
    pytest.param(
        {"measured_gap": 0.1, "explainability_required": True}, "preprocessing", id="explain"
    ),
]


@pytest.mark.parametrize(("values", "expected"), MITIGATION_CASES)
def test_fairness_mitigation_aid(values: dict[str, object], expected: str) -> None:
    from mlops_course.machinery.decision_aids import load_aid, recommend

    rec = recommend("fairness_mitigation", values, aid=load_aid("fairness_mitigation"))
    assert rec.best.option_id == expected, rec.scores()


def test_fairness_mitigation_aid_warns_and_rejects() -> None:
    from mlops_course.machinery.decision_aids import load_aid, recommend
    from mlops_course.machinery.decision_aids.engine import InputError

    aid = load_aid("fairness_mitigation")
    rec = recommend(
        "fairness_mitigation",
        {"attribute_at_prediction": True, "explainability_required": True, "can_retrain": False},
        aid=aid,
    )
    post = next(option for option in rec.ranking if option.option_id == "postprocessing")
    assert post.warnings
    with pytest.raises(InputError):
        recommend("fairness_mitigation", {"measured_gap": 1.5}, aid=aid)


def test_project_templates_match_the_lesson_package() -> None:
    """Layer 16 ships the same model card and datasheet templates the notebook renders."""
    from mlops_course.lessons.churn_project.layers import layer_files
    from mlops_course.lessons.m16_docs.templates import DATASHEET, MODEL_CARD

    folder = layer_files("16")
    assert folder is not None
    templates = folder.joinpath("src", "churn_project", "docs", "templates")
    assert templates.joinpath("model-card.md.j2").read_text(encoding="utf-8") == MODEL_CARD
    assert templates.joinpath("datasheet.md.j2").read_text(encoding="utf-8") == DATASHEET


def test_layer_16_ships_the_same_link_checker_as_the_lesson() -> None:
    """The project's copy (layer 16, churn_project.docs.linkcheck, Spanish module docstring) is
    the lesson's code statement for statement: a fix in one must go to the other."""
    import ast

    source = Path(__file__).resolve().parents[1] / "src/mlops_course/lessons"

    def code(path: Path) -> str:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert isinstance(tree.body[0], ast.Expr), f"{path.name} starts with its docstring"
        return ast.dump(ast.Module(body=tree.body[1:], type_ignores=[]))

    assert code(source / "m16_docs/linkcheck.py") == code(
        source / "churn_project/layers/16/src/churn_project/docs/linkcheck.py"
    )
