"""Tests of ``mlops_course.machinery.decision_aids``: data files, recommendations, renderers, ADRs,
widget.

Sections:

1. the shipped YAML files (they load, they match the registry, the seed's cells are faithful);
2. recommendations: every seed row/column as a parametrized case, boundaries, nonsense inputs,
   determinism and tie-breaking;
3. malformed files: each fails naming the file and the field path, in Spanish;
4. pure renderers (HTML/Markdown matrix, recommendation text, ADR);
5. the widget, driven directly from Python (no browser), the ADR export and the static fallback.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import nbformat
import pytest
import yaml
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from mlops_course.machinery.decision_aids import (
    AID_IDS,
    Board,
    DecisionAidError,
    DecisionAidView,
    InputError,
    adr_markdown,
    aid_path,
    aids_dir,
    get_logic,
    load_aid,
    load_aid_file,
    matrix_html,
    matrix_markdown,
    recommend,
    recommendation_html,
    recommendation_text,
    show_aid,
    static_html,
    write_adr,
)
from mlops_course.machinery.decision_aids import widget as widget_module
from mlops_course.machinery.decision_aids.aids import deployment
from mlops_course.machinery.decision_aids.export import next_adr_number
from mlops_course.machinery.decision_aids.formatting import fmt_number, fmt_value
from mlops_course.machinery.decision_aids.render import ADR_SECTIONS, CHOSEN_MARK, ranking_html
from mlops_course.machinery.decision_aids.schema import DecisionAid, InputSpec, field_path
from mlops_course.machinery.decision_aids.widget import build_control
from mlops_course.machinery.roadmap import ASSETS_ENV_VAR, load_roadmap
from mlops_course.machinery.workspace import ENV_VAR as WORKSPACE_ENV_VAR

REPO_ROOT = Path(__file__).resolve().parents[1]
AIDS_DIR = REPO_ROOT / "assets" / "decision_aids"


@pytest.fixture(scope="module")
def aids() -> dict[str, DecisionAid[Any]]:
    """Every shipped aid, loaded once."""
    return {aid_id: load_aid(aid_id, AIDS_DIR / f"{aid_id}.yaml") for aid_id in AID_IDS}


@pytest.fixture(autouse=True)
def _isolated_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Never write into the real workspace; never read a stray assets override."""
    monkeypatch.setenv(WORKSPACE_ENV_VAR, str(tmp_path / "workspace"))
    monkeypatch.delenv(ASSETS_ENV_VAR, raising=False)
    yield tmp_path / "workspace"


def best(aids: dict[str, DecisionAid[Any]], aid_id: str, **values: object) -> str:
    """Id of the option recommended by ``aid_id`` for ``values`` (others: YAML defaults)."""
    return recommend(aid_id, values, aid=aids[aid_id]).best.option_id


# --- 1. the shipped files ----------------------------------------------------------------------


def test_registry_matches_the_files() -> None:
    assert sorted(path.stem for path in AIDS_DIR.glob("*.yaml")) == sorted(AID_IDS)
    assert len(AID_IDS) == 11


def test_default_folder_is_repository_assets() -> None:
    assert aids_dir() == AIDS_DIR
    assert aid_path("deployment") == AIDS_DIR / "deployment.yaml"


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_every_file_loads_and_is_complete(aid_id: str) -> None:
    aid = load_aid(aid_id)
    assert aid.id == aid_id
    assert aid.module in {module.slug for module in load_roadmap().modules}
    assert all(criterion.source for criterion in aid.criteria)
    assert all(option.when_not for option in aid.options)
    for option in aid.options:
        assert set(option.cells) == {criterion.id for criterion in aid.criteria}
    assert "{option}" in aid.adr_title


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_defaults_give_a_recommendation(aids: dict[str, DecisionAid[Any]], aid_id: str) -> None:
    recommendation = recommend(aid_id, aid=aids[aid_id])
    assert recommendation.best.option_id in {option.id for option in aids[aid_id].options}
    assert len(recommendation.ranking) == len(aids[aid_id].options)


SEED_CELLS = [
    # "Matriz de Decisión: ¿Dónde Desplegar?" — every cell.
    *[
        ("deployment", option, criterion, text)
        for option, row in {
            "lambda": [
                "< 1M req/mes",
                "Cold starts (100ms-3s)",
                "Barato",
                "Caro",
                "Baja",
                "1 persona",
            ],
            "ecs_fargate": ["1M-100M", "Consistente", "Medio", "Medio", "Media", "2-3 personas"],
            "kubernetes": [
                "> 100M o picos",
                "Consistente",
                "Alto",
                "Barato",
                "Alta",
                "5+ personas",
            ],
        }.items()
        for criterion, text in zip(
            [
                "traffic",
                "latency",
                "cost_low_traffic",
                "cost_high_traffic",
                "ops_complexity",
                "team_needed",
            ],
            row,
            strict=True,
        )
    ],
    # "Trade-offs: ¿Cuándo NO usar DVC?" — scenario, ¿Usar DVC?, razón.
    ("dvc", "git_lfs", "scenario", "Datos < 100MB, equipo pequeño"),
    ("dvc", "git_lfs", "use_dvc", "×"),
    ("dvc", "git_lfs", "reason", "Simplicidad, sin infra adicional"),
    ("dvc", "delta_lake", "scenario", "Datos streaming (Kafka, etc.)"),
    ("dvc", "delta_lake", "use_dvc", "×"),
    ("dvc", "delta_lake", "reason", "DVC es para batch"),
    ("dvc", "existing_lake", "scenario", "Empresa con Data Lake existente"),
    ("dvc", "existing_lake", "use_dvc", "△"),
    ("dvc", "existing_lake", "reason", "Evitar duplicación de esfuerzos"),
    ("dvc", "dvc_remote", "scenario", "Datos > 1TB, múltiples versiones"),
    ("dvc", "dvc_remote", "reason", "Para esto fue diseñado"),
    # "Niveles de Complejidad Docker" — every cell.
    ("docker_levels", "level_1", "traits", "FROM python:3.11, instala todo"),
    ("docker_levels", "level_1", "image_size", "~1.2GB"),
    ("docker_levels", "level_1", "security", "⚠ Básica"),
    ("docker_levels", "level_1", "name", "Funcional"),
    ("docker_levels", "level_2", "traits", "Multi-stage, slim base"),
    ("docker_levels", "level_2", "image_size", "~400MB"),
    ("docker_levels", "level_2", "security", "Mejor"),
    ("docker_levels", "level_2", "name", "Optimizado"),
    ("docker_levels", "level_3", "traits", "Distroless, non-root, CVE scan"),
    ("docker_levels", "level_3", "image_size", "~150MB"),
    ("docker_levels", "level_3", "security", "🛡 Hardened"),
    ("docker_levels", "level_3", "name", "Production"),
    # "Guías Tradicionales vs Esta Guía" — every row.
    ("guide_comparison", "traditional", "data_versioning", '"Usa DVC para versionar datos"'),
    ("guide_comparison", "traditional", "code_quality", "Código funcional"),
    ("guide_comparison", "traditional", "deployment", 'Despliegue "Hello World"'),
    ("guide_comparison", "traditional", "diagrams", "Diagramas ASCII básicos"),
    ("guide_comparison", "traditional", "decisions", "Instrucciones lineales"),
    (
        "guide_comparison",
        "this_guide",
        "data_versioning",
        '"¿Cuándo usar DVC vs Git LFS vs Delta Lake?"',
    ),
    (
        "guide_comparison",
        "this_guide",
        "code_quality",
        "Código tipado, testeado y production-ready",
    ),
    ("guide_comparison", "this_guide", "deployment", "Despliegue con Secrets, Escalado y FinOps"),
    ("guide_comparison", "this_guide", "diagrams", "Diagramas Mermaid + Metáforas para conceptos"),
    ("guide_comparison", "this_guide", "decisions", "Trade-offs y ADRs en cada decisión"),
]


@pytest.mark.parametrize(("aid_id", "option", "criterion", "text"), SEED_CELLS)
def test_seed_cells_are_faithful(
    aids: dict[str, DecisionAid[Any]], aid_id: str, option: str, criterion: str, text: str
) -> None:
    assert aids[aid_id].option(option).cells[criterion] == text
    assert aids[aid_id].criteria  # every seed aid cites the seed
    assert aids[aid_id].source.startswith("seed:")


def test_option_names_used_by_the_browser_test(aids: dict[str, DecisionAid[Any]]) -> None:
    names = [option.name for option in aids["deployment"].options]
    assert names == ["AWS Lambda", "ECS/Fargate", "Kubernetes"]
    assert aids["deployment"].inputs[0].label == "Tráfico (req/mes)"


# --- 2. recommendations ------------------------------------------------------------------------

DEPLOYMENT_CASES = [
    # (monthly_requests, peaks, p99 ms, ops team) -> option; the seed's columns first.
    pytest.param(500_000, False, 3000, 1, "lambda", id="seed-lambda-500k-team1"),
    pytest.param(10_000_000, False, 3000, 3, "ecs_fargate", id="seed-ecs-10M-team3"),
    pytest.param(500_000_000, False, 3000, 6, "kubernetes", id="seed-k8s-500M-team6"),
    pytest.param(50_000_000, True, 3000, 6, "kubernetes", id="seed-k8s-picos"),
    pytest.param(500_000, False, 300, 1, "ecs_fargate", id="seed-latency-consistent"),
    pytest.param(500_000_000, False, 3000, 3, "ecs_fargate", id="seed-team-too-small-for-k8s"),
    pytest.param(500_000_000, False, 3000, 1, "ecs_fargate", id="high-traffic-team1"),
    pytest.param(10_000_000, False, 3000, 1, "ecs_fargate", id="mid-traffic-team1"),
    pytest.param(500_000, True, 3000, 6, "lambda", id="low-traffic-peaks"),
    pytest.param(500_000, False, 3000, 5, "lambda", id="defaults"),
    pytest.param(500_000_000, False, 3000, 5, "kubernetes", id="defaults-high-traffic"),
    # boundaries: 1M and 100M exactly are ECS/Fargate
    pytest.param(999_999, False, 3000, 1, "lambda", id="just-below-1M"),
    pytest.param(1_000_000, False, 3000, 1, "ecs_fargate", id="exactly-1M"),
    pytest.param(1_000_000, False, 3000, 6, "ecs_fargate", id="exactly-1M-team6"),
    pytest.param(100_000_000, False, 3000, 6, "ecs_fargate", id="exactly-100M"),
    pytest.param(100_000_001, False, 3000, 6, "kubernetes", id="just-above-100M"),
    pytest.param(0, False, 3000, 1, "lambda", id="zero-traffic"),
]


@pytest.mark.parametrize(("requests", "peaks", "p99", "team", "expected"), DEPLOYMENT_CASES)
def test_deployment(
    aids: dict[str, DecisionAid[Any]],
    requests: int,
    peaks: bool,
    p99: int,
    team: int,
    expected: str,
) -> None:
    values = {
        "monthly_requests": requests,
        "has_traffic_peaks": peaks,
        "p99_latency_ms": p99,
        "ops_team_size": team,
    }
    assert best(aids, "deployment", **values) == expected


def test_deployment_typed_function(aids: dict[str, DecisionAid[Any]]) -> None:
    inputs = deployment.Inputs(
        monthly_requests=500_000, has_traffic_peaks=False, p99_latency_ms=3000, ops_team_size=1
    )
    recommendation = deployment.LOGIC.recommend(aids["deployment"], inputs)
    assert recommendation.best.name == "AWS Lambda"
    assert recommendation.inputs["monthly_requests"] == 500_000


def test_deployment_cost_and_team_rows_show_in_reasons(aids: dict[str, DecisionAid[Any]]) -> None:
    low = recommend("deployment", {"monthly_requests": 500_000}, aid=aids["deployment"])
    by_id = {option.option_id: option for option in low.ranking}
    assert any("barato" in text for text in by_id["lambda"].pros)
    assert any("caro" in text for text in by_id["kubernetes"].cons)
    high = recommend("deployment", {"monthly_requests": 500_000_000}, aid=aids["deployment"])
    by_id = {option.option_id: option for option in high.ranking}
    assert any("caro" in text for text in by_id["lambda"].cons)
    assert any("barato" in text for text in by_id["kubernetes"].pros)
    small = recommend("deployment", {"ops_team_size": 3}, aid=aids["deployment"])
    k8s = next(o for o in small.ranking if o.option_id == "kubernetes")
    assert any("5+ personas" in text and "tienes 3" in text for text in k8s.cons)
    assert k8s.warnings


@pytest.mark.parametrize(("p99", "penalised"), [(2999, True), (3000, False), (10_000, False)])
def test_deployment_cold_start_boundary(
    aids: dict[str, DecisionAid[Any]], p99: int, penalised: bool
) -> None:
    recommendation = recommend("deployment", {"p99_latency_ms": p99}, aid=aids["deployment"])
    lambda_ = next(o for o in recommendation.ranking if o.option_id == "lambda")
    assert any("cold starts" in text for text in lambda_.cons) is penalised


@pytest.mark.parametrize(
    ("p99", "cold", "penalised"), [(300, 299, False), (300, 300, False), (300, 301, True)]
)
def test_deployment_uses_the_measured_cold_start(
    aids: dict[str, DecisionAid[Any]], p99: int, cold: int, penalised: bool
) -> None:
    values = {"p99_latency_ms": p99, "measured_cold_start_ms": cold}
    recommendation = recommend("deployment", values, aid=aids["deployment"])
    lambda_ = next(o for o in recommendation.ranking if o.option_id == "lambda")
    assert any("cold starts" in text for text in lambda_.cons) is penalised
    if penalised:
        assert any(f"{cold} ms" in text for text in lambda_.cons)


def test_deployment_warns_when_the_measured_cold_start_exceeds_the_seed(
    aids: dict[str, DecisionAid[Any]],
) -> None:
    values = {"measured_cold_start_ms": 4500, "p99_latency_ms": 10_000}
    recommendation = recommend("deployment", values, aid=aids["deployment"])
    lambda_ = next(o for o in recommendation.ranking if o.option_id == "lambda")
    assert any("supera el peor caso del seed" in text for text in lambda_.warnings)


def test_deployment_measured_cheapest_earns_points(aids: dict[str, DecisionAid[Any]]) -> None:
    base = {"monthly_requests": 50_000_000, "ops_team_size": 5}
    seed_only = recommend("deployment", base, aid=aids["deployment"]).scores()
    for option in ("lambda", "ecs_fargate", "kubernetes"):
        values = {**base, "cheapest_by_cost_model": option}
        scores = recommend("deployment", values, aid=aids["deployment"]).scores()
        assert scores[option] == seed_only[option] + deployment.MEASURED_COST
        assert all(scores[o] == seed_only[o] for o in scores if o != option)
    # measured numbers can change the answer: 50M req/mes, 5 people, Kubernetes cheapest
    values = {**base, "cheapest_by_cost_model": "kubernetes", "has_traffic_peaks": True}
    assert recommend("deployment", values, aid=aids["deployment"]).best.option_id == "kubernetes"
    with pytest.raises(InputError, match="cheapest_by_cost_model"):
        recommend("deployment", {"cheapest_by_cost_model": "gcp"}, aid=aids["deployment"])


def test_boundary_note_is_reported(aids: dict[str, DecisionAid[Any]]) -> None:
    for value in (1_000_000, 100_000_000):
        rec = recommend("deployment", {"monthly_requests": value}, aid=aids["deployment"])
        assert any("exactos cuentan como ECS/Fargate" in note for note in rec.notes)
    rec = recommend("deployment", {"monthly_requests": 10_000_000}, aid=aids["deployment"])
    assert rec.notes == ()


NONSENSE = [
    pytest.param({"monthly_requests": -1}, "monthly_requests", id="negative-traffic"),
    pytest.param({"monthly_requests": math.nan}, "monthly_requests", id="nan-traffic"),
    pytest.param({"monthly_requests": math.inf}, "monthly_requests", id="inf-traffic"),
    pytest.param({"monthly_requests": True}, "monthly_requests", id="bool-traffic"),
    pytest.param({"monthly_requests": "mucho"}, "monthly_requests", id="text-traffic"),
    pytest.param({"monthly_requests": 1.5}, "monthly_requests", id="fractional-traffic"),
    pytest.param({"ops_team_size": 0}, "ops_team_size", id="zero-team"),
    pytest.param({"ops_team_size": -3}, "ops_team_size", id="negative-team"),
    pytest.param({"p99_latency_ms": 0}, "p99_latency_ms", id="zero-latency"),
    pytest.param({"p99_latency_ms": math.nan}, "p99_latency_ms", id="nan-latency"),
    pytest.param({"has_traffic_peaks": "sí"}, "has_traffic_peaks", id="text-bool"),
    pytest.param({"has_traffic_peaks": 1}, "has_traffic_peaks", id="int-bool"),
    pytest.param({"trafico": 5}, "trafico", id="unknown-input"),
]


@pytest.mark.parametrize(("values", "field"), NONSENSE)
def test_nonsense_inputs_raise_spanish_value_error(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], field: str
) -> None:
    with pytest.raises(ValueError) as info:
        recommend("deployment", values, aid=aids["deployment"])
    assert isinstance(info.value, InputError)
    message = str(info.value)
    assert message.startswith("Entradas no válidas")
    assert field in message
    assert re.search(r"debe|desconocida", message)
    assert "Input should" not in message


def test_unknown_input_lists_the_valid_ones(aids: dict[str, DecisionAid[Any]]) -> None:
    with pytest.raises(InputError, match="las entradas son: monthly_requests"):
        recommend("deployment", {"trafico": 5}, aid=aids["deployment"])


def test_typed_model_raises_spanish_errors_too() -> None:
    with pytest.raises(InputError, match="monthly_requests: debe ser mayor o igual que 0"):
        deployment.Inputs(
            monthly_requests=-5, has_traffic_peaks=False, p99_latency_ms=100, ops_team_size=1
        )
    with pytest.raises(InputError, match="has_traffic_peaks: falta el campo"):
        deployment.Inputs.from_values(
            {"monthly_requests": 5, "p99_latency_ms": 100, "ops_team_size": 1}
        )


DVC_CASES = [
    # (size MB, streaming, lake, versions, team) -> option; the seed's rows first.
    pytest.param(50, False, False, 3, 3, "git_lfs", id="seed-small-data-small-team"),
    pytest.param(50_000, True, False, 3, 10, "delta_lake", id="seed-streaming"),
    pytest.param(50, True, False, 3, 2, "delta_lake", id="seed-streaming-small-data"),
    pytest.param(50_000, False, True, 3, 10, "existing_lake", id="seed-data-lake"),
    pytest.param(5_000_000, False, True, 5, 10, "existing_lake", id="seed-data-lake-large"),
    pytest.param(2_000_000, False, False, 5, 10, "dvc_remote", id="seed-over-1TB-versions"),
    pytest.param(2_000_000, False, False, 1, 10, "dvc_remote", id="over-1TB-one-version"),
    pytest.param(5_000, False, False, 3, 3, "dvc_remote", id="middle-zone"),
    # boundaries: 100 MB is not "< 100MB"; 1 TB is not "> 1TB" (middle zone)
    pytest.param(99.9, False, False, 3, 5, "git_lfs", id="just-below-100MB"),
    pytest.param(100, False, False, 3, 3, "dvc_remote", id="exactly-100MB"),
    pytest.param(1_000_000, False, False, 5, 3, "dvc_remote", id="exactly-1TB"),
    pytest.param(0, False, False, 1, 1, "git_lfs", id="empty-dataset"),
]


@pytest.mark.parametrize(("size", "streaming", "lake", "versions", "team", "expected"), DVC_CASES)
def test_dvc(
    aids: dict[str, DecisionAid[Any]],
    size: float,
    streaming: bool,
    lake: bool,
    versions: int,
    team: int,
    expected: str,
) -> None:
    values = {
        "data_size_mb": size,
        "is_streaming": streaming,
        "has_data_lake": lake,
        "versions_kept": versions,
        "team_size": team,
    }
    assert best(aids, "dvc", **values) == expected


def test_dvc_small_team_boundary(aids: dict[str, DecisionAid[Any]]) -> None:
    for team, small in ((5, True), (6, False)):
        rec = recommend("dvc", {"data_size_mb": 50, "team_size": team}, aid=aids["dvc"])
        lfs = next(o for o in rec.ranking if o.option_id == "git_lfs")
        assert any("Equipo pequeño" in text for text in lfs.pros) is small


@pytest.mark.parametrize(
    "values",
    [{"data_size_mb": -1}, {"data_size_mb": math.nan}, {"versions_kept": 0}, {"team_size": 0}],
)
def test_dvc_nonsense(aids: dict[str, DecisionAid[Any]], values: dict[str, object]) -> None:
    with pytest.raises(InputError):
        recommend("dvc", values, aid=aids["dvc"])


DOCKER_CASES = [
    pytest.param("aprendizaje", False, 2000, "baja", "level_1", id="seed-level1"),
    pytest.param("aprendizaje", False, 1200, "media", "level_1", id="level1-budget-exactly"),
    pytest.param("aprendizaje", False, 1150, "media", "level_2", id="level1-over-budget"),
    pytest.param("staging", False, 500, "media", "level_2", id="seed-level2"),
    pytest.param("staging", False, 300, "media", "level_3", id="level2-over-budget"),
    pytest.param("produccion", True, 200, "alta", "level_3", id="seed-level3"),
    pytest.param("produccion", False, 2000, "baja", "level_3", id="production-low-experience"),
    pytest.param("aprendizaje", True, 2000, "media", "level_3", id="regulated-data"),
]


@pytest.mark.parametrize(
    ("environment", "regulated", "budget", "experience", "expected"), DOCKER_CASES
)
def test_docker_levels(
    aids: dict[str, DecisionAid[Any]],
    environment: str,
    regulated: bool,
    budget: int,
    experience: str,
    expected: str,
) -> None:
    values = {
        "environment": environment,
        "regulated_data": regulated,
        "image_budget_mb": budget,
        "team_experience": experience,
    }
    assert best(aids, "docker_levels", **values) == expected


def test_unknown_choice_names_the_valid_ones(aids: dict[str, DecisionAid[Any]]) -> None:
    with pytest.raises(InputError) as info:
        recommend("docker_levels", {"environment": "dev"}, aid=aids["docker_levels"])
    assert "environment: debe ser uno de: 'aprendizaje', 'staging' o 'produccion'" in str(
        info.value
    )


ENVIRONMENT_CASES = [
    pytest.param({}, "venv", id="defaults-solo"),
    pytest.param({"native_deps": True, "non_python_deps": True}, "conda", id="native"),
    pytest.param({"needs_lock_file": True, "prefers_mature_tooling": True}, "poetry", id="lock"),
    pytest.param({"needs_lock_file": True, "speed_priority": True}, "uv", id="speed"),
    pytest.param(
        {"team_size": 8, "mixed_os": True, "non_python_deps": True}, "docker_dev", id="team"
    ),
    pytest.param({"team_size": 5, "mixed_os": True}, "docker_dev", id="containers-min-team"),
    pytest.param({"team_size": 4, "mixed_os": True}, "poetry", id="below-containers-min"),
]


@pytest.mark.parametrize(("values", "expected"), ENVIRONMENT_CASES)
def test_environment_tools(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], expected: str
) -> None:
    assert best(aids, "environment_tools", **values) == expected


BRANCHING_CASES = [
    pytest.param({}, "github_flow", id="defaults"),
    pytest.param({"multiple_versions": True, "releases_per_month": 1}, "gitflow", id="versions"),
    pytest.param(
        {"releases_per_month": 30, "team_size": 12, "mature_ci": True, "feature_flags": True},
        "trunk_based",
        id="continuous",
    ),
    pytest.param(
        {"releases_per_month": 30, "mature_ci": False, "feature_flags": False},
        "github_flow",
        id="continuous-without-ci",
    ),
    pytest.param({"releases_per_month": 1, "team_size": 6}, "gitflow", id="exactly-1-per-month"),
    pytest.param({"releases_per_month": 2, "team_size": 6}, "github_flow", id="2-per-month"),
    pytest.param(
        {"releases_per_month": 20, "mature_ci": True, "feature_flags": True},
        "trunk_based",
        id="exactly-20-per-month",
    ),
    pytest.param(
        {"releases_per_month": 19, "mature_ci": True, "feature_flags": True},
        "github_flow",
        id="19-per-month",
    ),
]


@pytest.mark.parametrize(("values", "expected"), BRANCHING_CASES)
def test_branching(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], expected: str
) -> None:
    assert best(aids, "branching", **values) == expected


TRACKER_CASES = [
    pytest.param({}, "mlflow", id="defaults-offline"),
    pytest.param(
        {
            "self_hosted_required": False,
            "budget": "empresa",
            "team_size": 10,
            "needs_model_registry": False,
            "advanced_collaboration": True,
        },
        "wandb",
        id="collaboration",
    ),
    pytest.param(
        {
            "self_hosted_required": False,
            "budget": "empresa",
            "needs_model_registry": False,
            "large_scale_training": True,
        },
        "neptune",
        id="large-scale",
    ),
    pytest.param(
        {"self_hosted_required": False, "budget": "moderado", "advanced_collaboration": True},
        "mlflow",
        id="small-team-collaboration",
    ),
]


@pytest.mark.parametrize(("values", "expected"), TRACKER_CASES)
def test_experiment_trackers(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], expected: str
) -> None:
    assert best(aids, "experiment_trackers", **values) == expected


def test_tracker_statements_about_vendors_cite_their_web(aids: dict[str, DecisionAid[Any]]) -> None:
    rec = recommend(
        "experiment_trackers",
        {"self_hosted_required": True, "large_scale_training": True},
        aid=aids["experiment_trackers"],
    )
    for option in rec.ranking:
        if option.option_id != "mlflow":
            assert any("según su web, consultado 2025" in text for text in option.cons)
    assert not re.search(
        r"\d+\s*(\$|USD|€)", yaml.safe_dump(aids["experiment_trackers"].model_dump())
    )


INFERENCE_CASES = [
    pytest.param({}, "batch", id="defaults-nightly-churn"),
    pytest.param(
        {"latency_budget_s": 0.1, "feature_freshness_s": 3600, "cost_sensitive": False},
        "online",
        id="online",
    ),
    pytest.param(
        {"latency_budget_s": 1, "feature_freshness_s": 1, "cost_sensitive": False},
        "streaming",
        id="streaming",
    ),
    pytest.param(
        {"latency_budget_s": 1, "feature_freshness_s": 1, "cost_sensitive": True},
        "online",
        id="fresh-but-cost-sensitive",
    ),
    pytest.param({"latency_budget_s": 60, "feature_freshness_s": 3600}, "online", id="minutes"),
    pytest.param(
        {"latency_budget_s": 60, "feature_freshness_s": 60, "cost_sensitive": False},
        "streaming",
        id="exactly-60s-freshness",
    ),
    pytest.param(
        {"latency_budget_s": 3600, "feature_freshness_s": 3600, "cost_sensitive": False},
        "batch",
        id="exactly-1h-latency",
    ),
    pytest.param(
        {"latency_budget_s": 1.0, "feature_freshness_s": 86400, "cost_sensitive": False},
        "online",
        id="exactly-1s-latency",
    ),
    pytest.param(
        {"predictions_per_day": 1_000_000_000, "cost_sensitive": False},
        "batch",
        id="high-volume",
    ),
]


@pytest.mark.parametrize(("values", "expected"), INFERENCE_CASES)
def test_inference_mode(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], expected: str
) -> None:
    assert best(aids, "inference_mode", **values) == expected


def test_inference_high_volume_warns_online(aids: dict[str, DecisionAid[Any]]) -> None:
    rec = recommend(
        "inference_mode",
        {"latency_budget_s": 0.1, "predictions_per_day": 10_000_000},
        aid=aids["inference_mode"],
    )
    assert rec.best.option_id == "online"
    assert rec.best.warnings


@pytest.mark.parametrize("values", [{"latency_budget_s": 0}, {"feature_freshness_s": -1}])
def test_inference_nonsense(aids: dict[str, DecisionAid[Any]], values: dict[str, object]) -> None:
    with pytest.raises(InputError):
        recommend("inference_mode", values, aid=aids["inference_mode"])


PERSISTENCE_CASES = [
    pytest.param({}, "cloudpickle", id="notebook-classes-default"),
    pytest.param({"custom_code": "paquete"}, "joblib", id="package"),
    pytest.param({"custom_code": "ninguno"}, "joblib", id="plain-sklearn"),
    pytest.param({"untrusted_source": True, "custom_code": "paquete"}, "skops", id="untrusted"),
    pytest.param({"untrusted_source": True}, "skops", id="untrusted-notebook-warns"),
    pytest.param({"non_python_runtime": True, "custom_code": "ninguno"}, "onnx", id="java"),
    pytest.param({"custom_code": "ninguno", "lifetime_months": 6}, "joblib", id="six-months"),
    pytest.param({"custom_code": "ninguno", "lifetime_months": 12}, "onnx", id="exactly-12"),
    pytest.param({"custom_code": "paquete", "lifetime_months": 36}, "joblib", id="package-long"),
]


@pytest.mark.parametrize(("values", "expected"), PERSISTENCE_CASES)
def test_model_persistence(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], expected: str
) -> None:
    assert best(aids, "model_persistence", **values) == expected


def test_model_persistence_never_a_pickle_from_outside(aids: dict[str, DecisionAid[Any]]) -> None:
    for code in ("ninguno", "paquete", "cuaderno"):
        for runtime in (False, True):
            rec = recommend(
                "model_persistence",
                {"untrusted_source": True, "custom_code": code, "non_python_runtime": runtime},
                aid=aids["model_persistence"],
            )
            assert rec.best.option_id not in ("joblib", "cloudpickle"), (code, runtime)
    notebook = recommend(
        "model_persistence", {"untrusted_source": True}, aid=aids["model_persistence"]
    )
    assert any("paquete" in w for w in notebook.best.warnings)


@pytest.mark.parametrize(
    "values", [{"lifetime_months": 0}, {"custom_code": "pizarra"}, {"untrusted_source": "sí"}]
)
def test_model_persistence_nonsense(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object]
) -> None:
    with pytest.raises(InputError):
        recommend("model_persistence", values, aid=aids["model_persistence"])


GUIDE_CASES = [
    pytest.param({}, "this_guide", id="defaults"),
    pytest.param(
        {
            "need_production_code": False,
            "need_decisions": False,
            "need_quick_start": True,
            "weeks_available": 2,
        },
        "traditional",
        id="quick-start",
    ),
    pytest.param(
        {"need_production_code": False, "need_decisions": False, "weeks_available": 15},
        "traditional",
        id="15-weeks-no-needs",
    ),
    pytest.param(
        {"need_production_code": False, "need_decisions": False, "weeks_available": 16},
        "this_guide",
        id="exactly-16-weeks",
    ),
]


@pytest.mark.parametrize(("values", "expected"), GUIDE_CASES)
def test_guide_comparison(
    aids: dict[str, DecisionAid[Any]], values: dict[str, object], expected: str
) -> None:
    assert best(aids, "guide_comparison", **values) == expected


def test_guide_reasons_quote_both_cells_of_each_needed_row(
    aids: dict[str, DecisionAid[Any]],
) -> None:
    aid = aids["guide_comparison"]
    rec = recommend("guide_comparison", {"need_tool_choice": True}, aid=aid)
    ours, theirs = (
        next(o for o in rec.ranking if o.option_id == i) for i in ("this_guide", "traditional")
    )
    assert any(aid.option("this_guide").cells["data_versioning"] in t for t in ours.pros)
    assert any(aid.option("traditional").cells["data_versioning"] in r.text for r in theirs.reasons)


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_recommendations_are_deterministic_and_ranked(
    aids: dict[str, DecisionAid[Any]], aid_id: str
) -> None:
    first = recommend(aid_id, aid=aids[aid_id])
    assert first == recommend(aid_id, aid=aids[aid_id])
    scores = [option.score for option in first.ranking]
    assert scores == sorted(scores, reverse=True)
    assert first.scores() == {o.option_id: o.score for o in first.ranking}
    assert first.rejected == first.ranking[1:]
    for option in first.ranking:
        assert option.score == sum(reason.points for reason in option.reasons)


def test_ties_go_to_the_option_listed_first(aids: dict[str, DecisionAid[Any]]) -> None:
    rec = recommend("environment_tools", {"team_size": 2}, aid=aids["environment_tools"])
    assert {option.score for option in rec.ranking} == {0}
    assert [o.option_id for o in rec.ranking] == [o.id for o in aids["environment_tools"].options]


def test_unknown_aid_and_mismatched_logic(aids: dict[str, DecisionAid[Any]]) -> None:
    with pytest.raises(DecisionAidError, match="No existe la ayuda de decisión 'nope'"):
        get_logic("nope")
    with pytest.raises(DecisionAidError, match="Disponibles: guide_comparison"):
        recommend("nope")
    logic = get_logic("deployment")
    inputs = logic.parse_inputs(aids["deployment"])
    with pytest.raises(ValueError, match="no de 'dvc'"):
        logic.recommend(aids["dvc"], inputs)


def test_board_rejects_unknown_options(aids: dict[str, DecisionAid[Any]]) -> None:
    board = Board(aids["deployment"])
    with pytest.raises(KeyError, match="no tiene la opción 'heroku'"):
        board.add("heroku", 1, "x")
    with pytest.raises(KeyError):
        board.warn("heroku", "x")
    with pytest.raises(KeyError, match="no tiene la entrada"):
        aids["deployment"].input("nope")
    assert aids["deployment"].input("ops_team_size").kind == "integer"


def test_recommend_loads_the_file_when_no_aid_is_given() -> None:
    assert recommend("deployment", {"monthly_requests": 500_000_000}).best.name == "Kubernetes"


# --- 3. malformed files ------------------------------------------------------------------------


def _raw(aid_id: str = "deployment") -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((AIDS_DIR / f"{aid_id}.yaml").read_text("utf-8"))
    return copy.deepcopy(data)


def _write(tmp_path: Path, data: object, aid_id: str = "deployment") -> Path:
    folder = tmp_path / "assets" / "decision_aids"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{aid_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _load_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: object) -> str:
    """Load ``data`` as the deployment aid through $MLOPS_ASSETS_DIR and return the error."""
    path = _write(tmp_path, data)
    monkeypatch.setenv(ASSETS_ENV_VAR, str(tmp_path / "assets"))
    with pytest.raises(DecisionAidError) as info:
        load_aid("deployment")
    message = str(info.value)
    assert str(path.resolve()) in message or str(path) in message
    assert "assets/decision_aids/deployment.yaml" in message
    return message


def _drop(data: dict[str, Any], *keys: str | int) -> None:
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    del target[keys[-1]]


def _set(data: dict[str, Any], value: object, *keys: str | int) -> None:
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value


MALFORMED = [
    pytest.param(
        lambda d: _drop(d, "options", 1, "cells", "cost_low_traffic"),
        "options[1].cells.cost_low_traffic: falta el campo",
        id="missing-cell",
    ),
    pytest.param(
        lambda d: _drop(d, "thresholds", "cold_start_max_ms"),
        "thresholds.cold_start_max_ms: falta el campo",
        id="missing-threshold",
    ),
    pytest.param(
        lambda d: _set(d, "2", "thresholds", "ecs_min_team"),
        "thresholds.ecs_min_team: debe ser un número entero (es '2', un texto)",
        id="threshold-as-text",
    ),
    pytest.param(
        lambda d: _set(d, 0, "thresholds", "ecs_min_team"),
        "thresholds.ecs_min_team: debe ser mayor que 0",
        id="threshold-zero",
    ),
    pytest.param(
        lambda d: _set(d, 500_000_000, "thresholds", "lambda_max_monthly_requests"),
        "thresholds: lambda_max_monthly_requests debe ser menor que",
        id="threshold-order",
    ),
    pytest.param(
        lambda d: _set(d, 5, "options", 0, "name"),
        "options[0].name: debe ser un texto (es 5, un entero)",
        id="name-not-text",
    ),
    pytest.param(
        lambda d: _set(d, "   ", "options", 0, "name"),
        "options[0].name: no puede estar vacío",
        id="name-blank",
    ),
    pytest.param(
        lambda d: _set(d, [], "options", 2, "when_not"),
        "options[2].when_not: debe tener al menos 1 elemento(s)",
        id="no-when-not",
    ),
    pytest.param(
        lambda d: _set(d, "x", "options", 0, "colour"),
        "options[0].colour: campo desconocido",
        id="unknown-key",
    ),
    pytest.param(
        lambda d: _set(d, "Deploy-Aid", "id"),
        "id: debe ser un identificador en minúsculas",
        id="bad-identifier",
    ),
    pytest.param(lambda d: _set(d, "dvc", "id"), "id: debe coincidir", id="id-not-file-name"),
    pytest.param(
        lambda d: _set(d, 2, "schema_version"), "schema_version: debe ser 1", id="schema-version"
    ),
    pytest.param(
        lambda d: _set(d, "Desplegar", "adr_title"),
        "adr_title: debe contener exactamente un hueco {option}",
        id="adr-title",
    ),
    pytest.param(
        lambda d: _set(d, "otro", "options", 0, "cells", "extra"),
        "options[0].cells.extra: criterio desconocido",
        id="unknown-cell",
    ),
    pytest.param(
        lambda d: _set(d, "lambda", "options", 1, "id"),
        "options[].id: ids repetidos: lambda",
        id="duplicate-option",
    ),
    pytest.param(
        lambda d: _set(d, "checkbox", "inputs", 3, "widget"),
        "inputs[3].widget: 'checkbox' no sirve para una entrada 'integer'",
        id="widget-kind-mismatch",
    ),
    pytest.param(
        lambda d: _set(d, 7, "inputs", 0, "default"),
        "inputs[0].default: 7 no está entre los valores",
        id="dropdown-default-not-offered",
    ),
    pytest.param(
        lambda d: _set(d, [], "inputs", 0, "values"),
        "inputs[0].values: falta la lista de valores",
        id="dropdown-without-values",
    ),
    pytest.param(
        lambda d: _set(d, "mucho", "inputs", 0, "values", 1, "value"),
        "inputs[0].values[1].value: debe ser un número entero",
        id="dropdown-value-wrong-type",
    ),
    pytest.param(
        lambda d: _set(d, 1.5, "inputs", 1, "default"),
        "inputs[1].default: debe ser verdadero o falso",
        id="bool-default-wrong-type",
    ),
    pytest.param(
        lambda d: _drop(d, "inputs", 3, "min"),
        "inputs[3].min: falta el campo (el widget 'slider' lo necesita)",
        id="slider-without-min",
    ),
    pytest.param(
        lambda d: _set(d, 1, "inputs", 3, "max"),
        "inputs[3].max: debe ser mayor que min",
        id="slider-max-below-min",
    ),
    pytest.param(
        lambda d: _set(d, 50, "inputs", 3, "default"),
        "inputs[3].default: 50 está fuera del rango [1, 20]",
        id="slider-default-out-of-range",
    ),
    pytest.param(
        lambda d: _set(d, 0, "inputs", 3, "step"),
        "inputs[3].step: debe ser mayor que 0",
        id="zero-step",
    ),
    pytest.param(
        lambda d: (_set(d, 0, "inputs", 3, "min"), _set(d, 0, "inputs", 3, "default")),
        "inputs[3].default: debe ser mayor o igual que 1",
        id="default-rejected-by-the-model",
    ),
    pytest.param(
        lambda d: _set(d, "team", "inputs", 3, "id"),
        "inputs[3].id: 'team' no es una entrada de esta ayuda",
        id="input-not-in-model",
    ),
    pytest.param(
        lambda d: d["inputs"].pop(1),
        "inputs: falta la entrada 'has_traffic_peaks'",
        id="input-missing",
    ),
    pytest.param(
        lambda d: _set(d, [1, 2], "options"),
        "options[0]: debe ser un mapeo clave: valor",
        id="option-not-mapping",
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), MALFORMED)
def test_malformed_file_names_file_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mutate: Any, expected: str
) -> None:
    data = _raw()
    mutate(data)
    message = _load_error(tmp_path, monkeypatch, data)
    assert expected in message, message
    assert "Field required" not in message and "Input should" not in message


def test_malformed_choice_values_are_checked_against_the_model(tmp_path: Path) -> None:
    data = _raw("docker_levels")
    data["inputs"][0]["values"][2]["value"] = "prod"
    data["inputs"][0]["default"] = "staging"
    with pytest.raises(DecisionAidError) as info:
        load_aid("docker_levels", _write(tmp_path, data, "docker_levels"))
    message = str(info.value)
    assert "inputs[0].values: falta la opción 'produccion'" in message
    assert "inputs[0].values[2].value: 'prod' no es una opción válida" in message


def test_duplicated_dropdown_values_and_bad_log_slider(tmp_path: Path) -> None:
    data = _raw("dvc")
    data["inputs"][0]["min"] = 0
    with pytest.raises(DecisionAidError, match=r"inputs\[0\]\.min: debe ser mayor que 0"):
        load_aid("dvc", _write(tmp_path, data, "dvc"))
    data = _raw("inference_mode")
    data["inputs"][0]["values"][1]["value"] = 0.1
    with pytest.raises(DecisionAidError, match=r"inputs\[0\]\.values: valores repetidos 0\.1"):
        load_aid("inference_mode", _write(tmp_path, data, "inference_mode"))


def test_many_problems_are_listed_one_per_line(tmp_path: Path) -> None:
    data = _raw()
    for option in data["options"]:
        option["cells"] = {}
    with pytest.raises(DecisionAidError) as info:
        load_aid("deployment", _write(tmp_path, data))
    lines = str(info.value).splitlines()
    assert len(lines) == 13  # 12 problems shown + "… y N problema(s) más"
    assert lines[-1].endswith("… y 6 problema(s) más")
    assert all(line.startswith(str(tmp_path)) for line in lines)


def test_unreadable_and_non_mapping_files(tmp_path: Path) -> None:
    missing = tmp_path / "deployment.yaml"
    with pytest.raises(DecisionAidError, match="no existe el archivo de la ayuda"):
        load_aid("deployment", missing)
    missing.write_text("options: [unclosed", encoding="utf-8")
    with pytest.raises(DecisionAidError, match="no es YAML válido"):
        load_aid("deployment", missing)
    missing.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(DecisionAidError, match="debe contener un mapeo YAML \\(es una lista\\)"):
        load_aid("deployment", missing)
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    with pytest.raises(DecisionAidError, match="no se puede leer"):
        load_aid_file(folder)


def test_generic_loader_without_models_keeps_raw_thresholds() -> None:
    aid = load_aid_file(AIDS_DIR / "deployment.yaml")
    assert aid.thresholds["kubernetes_min_team"] == 5


def test_field_path_rendering() -> None:
    assert field_path(("options", 1, "cells", "x")) == "options[1].cells.x"
    assert field_path(("cells", "Bad", "[key]")) == "cells.Bad (clave)"
    assert field_path(()) == "(raíz)"


# --- 4. pure renderers -------------------------------------------------------------------------


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_static_html_contains_every_option_and_criterion(
    aids: dict[str, DecisionAid[Any]], aid_id: str
) -> None:
    aid = aids[aid_id]
    rec = recommend(aid_id, aid=aid)
    page = static_html(aid, rec)
    for option in aid.options:
        assert option.name.replace("&", "&amp;") in page
        for item in option.when_not:
            assert item.replace('"', "&quot;").replace("'", "&#x27;").replace("&", "&amp;")[:20]
    for criterion in aid.criteria:
        assert criterion.name in page
    assert f"Recomendado: {rec.best.name}".replace("&", "&amp;") in page
    assert page.count(CHOSEN_MARK) == 1
    assert "Cuándo NO usar" in page
    markdown = matrix_markdown(aid, rec.best.option_id)
    assert markdown.count("\n") == len(aid.criteria) + 2
    for option in aid.options:
        assert option.name in markdown
    for criterion in aid.criteria:
        assert f"| {criterion.name} |" in markdown


def test_matrix_marks_only_the_chosen_column(aids: dict[str, DecisionAid[Any]]) -> None:
    aid = aids["deployment"]
    plain = matrix_html(aid)
    assert CHOSEN_MARK not in plain and "mlops-aid-chosen" not in plain
    marked = matrix_html(aid, "kubernetes")
    header = re.search(r'<th[^>]*class="mlops-aid-chosen"[^>]*>(.*?)</th>', marked)
    assert header is not None and "Kubernetes" in header.group(1)
    assert CHOSEN_MARK in header.group(1)
    assert marked.count('class="mlops-aid-chosen"') == 1 + len(aid.criteria) + 1
    assert static_html(aid).count(CHOSEN_MARK) == 0


def test_markdown_escapes_pipes(aids: dict[str, DecisionAid[Any]]) -> None:
    aid = aids["deployment"]
    option = aid.options[0].model_copy(update={"cells": {**aid.options[0].cells, "traffic": "a|b"}})
    patched = aid.model_copy(update={"options": [option, *aid.options[1:]]})
    assert "a\\|b" in matrix_markdown(patched)


def test_html_escapes_text(aids: dict[str, DecisionAid[Any]]) -> None:
    aid = aids["deployment"]
    option = aid.options[0].model_copy(update={"name": "<script>x</script>"})
    patched = aid.model_copy(update={"options": [option, *aid.options[1:]]})
    assert "<script>" not in matrix_html(patched, option.id)
    assert "&lt;script&gt;" in matrix_html(patched, option.id)


def test_recommendation_text_and_html(aids: dict[str, DecisionAid[Any]]) -> None:
    aid = aids["deployment"]
    rec = recommend("deployment", {"monthly_requests": 10_000_000, "ops_team_size": 3}, aid=aid)
    text = recommendation_text(aid, rec)
    assert text.splitlines()[0] == "Recomendado: ECS/Fargate"
    assert "✔ A favor (+3): 10 000 000 req/mes" in text
    assert "Cuándo NO usar ECS/Fargate:" in text
    assert text.splitlines()[-1].startswith("Ranking: ECS/Fargate (4)")
    body = recommendation_html(aid, rec)
    assert '<h4 class="mlops-aid-recommendation-heading">Recomendado: ECS/Fargate</h4>' in body
    assert "AWS Lambda" not in body and "Kubernetes" not in body
    ranking = ranking_html(aid, rec)
    assert all(option.name in ranking for option in aid.options)
    with_warning = recommend("deployment", {"monthly_requests": 10_000_000, "ops_team_size": 1})
    assert "Atención:" in recommendation_text(aid, with_warning)


def test_adr_markdown_follows_the_seed_format(aids: dict[str, DecisionAid[Any]]) -> None:
    aid = aids["deployment"]
    rec = recommend("deployment", {"monthly_requests": 10_000_000, "ops_team_size": 3}, aid=aid)
    text = adr_markdown(aid, rec, number=7, date=dt.date(2025, 3, 1))
    lines = text.splitlines()
    assert lines[0] == "# ADR-deployment-007: Desplegar la API de inferencia en ECS/Fargate"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings == list(ADR_SECTIONS)
    assert "- Fecha: 2025-03-01" in lines
    assert "- Tráfico (req/mes): 10 000 000" in lines
    assert "- Latencia p99 exigida (ms): 3 000 ms (tolera cold starts)" in lines
    assert "Elegimos **ECS/Fargate** (4 puntos)." in text
    consequences = text.split("## CONSECUENCIAS")[1].split("## ALTERNATIVAS")[0]
    assert "- (+) " in consequences and "- (-) " in consequences
    rejected = text.split("## ALTERNATIVAS RECHAZADAS")[1]
    assert "- AWS Lambda (-1 puntos frente a 4): " in rejected
    assert "- Kubernetes (-7 puntos frente a 4): Kubernetes necesita 5+ personas" in rejected
    assert text.endswith("\n")


def test_adr_fallback_wording(aids: dict[str, DecisionAid[Any]]) -> None:
    tie = recommend("environment_tools", {"team_size": 2}, aid=aids["environment_tools"])
    text = adr_markdown(aids["environment_tools"], tie, number=1, date=dt.date(2025, 1, 1))
    assert "- (+) Es la opción con más puntos (0)." in text
    assert "ninguna de tus entradas la favorece; venv + pip suma más." in text
    peaks = recommend(
        "deployment",
        {"monthly_requests": 50_000_000, "has_traffic_peaks": True, "ops_team_size": 6},
        aid=aids["deployment"],
    )
    text = adr_markdown(aids["deployment"], peaks, number=1, date=dt.date(2025, 1, 1))
    assert "- ECS/Fargate (3 puntos frente a 4): a favor tenía:" in text


def test_number_and_value_formatting(aids: dict[str, DecisionAid[Any]]) -> None:
    assert fmt_number(1_000_000) == "1 000 000"
    assert fmt_number(0.5) == "0,5"
    assert fmt_number(1234.5) == "1 234,5"
    assert fmt_number(2.0) == "2"
    assert fmt_number(True) == "sí"
    assert fmt_number(math.inf) == "inf"
    spec = aids["deployment"].input("ops_team_size")
    assert fmt_value(spec, 3) == "3 personas"
    assert fmt_value(spec, True) == "sí"
    assert fmt_value(spec, "x") == "x"
    assert fmt_value(aids["deployment"].input("has_traffic_peaks"), False) == "no"
    assert fmt_value(aids["inference_mode"].input("latency_budget_s"), 3600.0) == "1 h"
    assert fmt_value(aids["docker_levels"].input("environment"), "staging") == "Staging"


# --- 5. widget, export, static fallback ---------------------------------------------------------

WIDGET_TYPES = {
    ("integer", "slider"): widgets.IntSlider,
    ("integer", "dropdown"): widgets.Dropdown,
    ("integer", "text"): widgets.BoundedIntText,
    ("number", "dropdown"): widgets.Dropdown,
    ("number", "log_slider"): widgets.FloatLogSlider,
    ("boolean", "checkbox"): widgets.Checkbox,
    ("choice", "dropdown"): widgets.Dropdown,
}


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_widget_builds_labelled_controls(aids: dict[str, DecisionAid[Any]], aid_id: str) -> None:
    view = DecisionAidView(aid_id, aid=aids[aid_id])
    assert view.module_slug == aids[aid_id].module
    assert {"mlops-aid", f"mlops-aid-{aid_id}"} <= set(view.widget._dom_classes)
    assert "mlops-aid-recommendation" in view.recommendation_output._dom_classes
    assert "mlops-aid-matrix" in view.matrix_output._dom_classes
    assert "mlops-aid-warnings" in view.warnings_output._dom_classes
    assert "mlops-aid-export" in view.export_button._dom_classes
    assert view.export_button.description == "Exportar ADR"
    for spec in aids[aid_id].inputs:
        control = view.controls[spec.id]
        assert isinstance(control, WIDGET_TYPES[(spec.kind, spec.widget_kind)])
        assert control.description == spec.label
        assert control.description.strip() and control.description != spec.id
        assert " " in control.description  # a Spanish phrase, not an identifier
        assert {"mlops-aid-input", f"mlops-aid-input-{spec.id}"} <= set(control._dom_classes)
        assert control.value == spec.default
    assert view.recommendation is not None
    assert f"Recomendado: {view.recommendation.best.name}".replace("&", "&amp;") in (
        view.recommendation_output.value
    )


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_every_control_change_rerenders(aids: dict[str, DecisionAid[Any]], aid_id: str) -> None:
    view = DecisionAidView(aid_id, aid=aids[aid_id])
    for spec in aids[aid_id].inputs:
        control = view.controls[spec.id]
        if isinstance(control, widgets.Dropdown):
            candidates = [value for _, value in control.options]
        elif isinstance(control, widgets.Checkbox):
            candidates = [not control.value, control.value]
        else:
            candidates = [control.min, control.max, spec.default]
            if isinstance(control, widgets.FloatLogSlider):
                candidates = [10**control.min, 10**control.max, spec.default]
        for value in candidates:
            control.value = value
            assert view.error is None, view.error
            assert view.recommendation is not None
            assert view.recommendation.inputs[spec.id] == pytest.approx(value)
            assert "Recomendado: " in view.recommendation_output.value


def test_deployment_traffic_dropdown_switches_lambda_to_kubernetes(
    aids: dict[str, DecisionAid[Any]],
) -> None:
    view = DecisionAidView("deployment", "12_despliegue_hibrido", aid=aids["deployment"])
    traffic = view.controls["monthly_requests"]
    assert isinstance(traffic, widgets.Dropdown)
    assert traffic.description == "Tráfico (req/mes)"
    assert traffic.label == "500 000"
    assert "Recomendado: AWS Lambda" in view.recommendation_output.value
    assert "Kubernetes" not in view.recommendation_output.value
    traffic.label = "500 000 000"  # what a browser does: pick the option by its text
    assert traffic.value == 500_000_000
    assert "Recomendado: Kubernetes" in view.recommendation_output.value
    assert "AWS Lambda" not in view.recommendation_output.value
    chosen = re.search(
        r'<th[^>]*class="mlops-aid-chosen"[^>]*>(.*?)</th>', view.matrix_output.value
    )
    assert chosen is not None and chosen.group(1).startswith("Kubernetes")
    assert "Cuándo NO usar Kubernetes" in view.warnings_output.value


def test_initial_values_and_bad_arguments(aids: dict[str, DecisionAid[Any]]) -> None:
    view = DecisionAidView("deployment", aid=aids["deployment"], values={"ops_team_size": 1})
    assert view.values()["ops_team_size"] == 1
    with pytest.raises(InputError, match="entrada desconocida"):
        DecisionAidView("deployment", aid=aids["deployment"], values={"nope": 1})
    with pytest.raises(ValueError, match="Nombre de módulo no válido"):
        DecisionAidView("deployment", "modulo12", aid=aids["deployment"])
    assert DecisionAidView("deployment").aid.id == "deployment"  # loads the file itself


def test_invalid_widget_values_show_a_spanish_error(
    aids: dict[str, DecisionAid[Any]], tmp_path: Path
) -> None:
    aid = aids["deployment"]
    team = aid.inputs[3].model_copy(update={"min": 0})
    patched = aid.model_copy(update={"inputs": [*aid.inputs[:3], team]})
    view = DecisionAidView("deployment", aid=patched)
    view.controls["ops_team_size"].value = 0
    assert view.recommendation is None
    assert view.error is not None and "ops_team_size" in view.error
    assert "No hay recomendación" in view.recommendation_output.value
    assert CHOSEN_MARK not in view.matrix_output.value
    with pytest.raises(ValueError, match="No hay recomendación que exportar"):
        view.export_adr()
    view.export_button.click()
    assert "No se pudo exportar el ADR" in view.export_status.value
    view.controls["ops_team_size"].value = 3
    assert view.error is None and view.recommendation is not None


def test_export_button_writes_adrs_into_the_workspace(
    aids: dict[str, DecisionAid[Any]], _isolated_workspace: Path
) -> None:
    view = DecisionAidView("deployment", "12_despliegue_hibrido", aid=aids["deployment"])
    view.controls["monthly_requests"].value = 10_000_000
    view.controls["ops_team_size"].value = 3
    view.export_button.click()
    first = _isolated_workspace / "12_despliegue_hibrido" / "adr" / "ADR-deployment-001.md"
    assert view.last_export == first.resolve()
    assert first.is_file()
    assert str(first.resolve()) in view.export_status.value
    assert "ADR guardado en" in view.export_status.value
    text = first.read_text(encoding="utf-8")
    assert text.startswith("# ADR-deployment-001: Desplegar la API de inferencia en ECS/Fargate")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == list(ADR_SECTIONS)
    second = view.export_adr(today=dt.date(2025, 5, 4))
    assert second.name == "ADR-deployment-002.md"
    assert "- Fecha: 2025-05-04" in second.read_text(encoding="utf-8")
    assert first.read_text(encoding="utf-8") == text  # never overwritten


def test_export_into_an_unwritable_workspace_is_reported(
    aids: dict[str, DecisionAid[Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(WORKSPACE_ENV_VAR, str(blocker))
    view = DecisionAidView("dvc", aid=aids["dvc"])
    view.export_button.click()
    assert "No se pudo exportar el ADR" in view.export_status.value


def test_write_adr_and_numbering(aids: dict[str, DecisionAid[Any]], tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    folder.mkdir()
    for name in ("ADR-dvc-004.md", "ADR-dvc_x-009.md", "ADR-dvc-abc.md", "notes.md"):
        (folder / name).write_text("", encoding="utf-8")
    assert next_adr_number(folder, "dvc") == 5
    assert next_adr_number(folder, "deployment") == 1
    rec = recommend("dvc", aid=aids["dvc"])
    path = write_adr(aids["dvc"], rec, "05_ingenieria_datos", today=dt.date(2025, 1, 2))
    assert path.parent.name == "adr" and path.parent.parent.name == "05_ingenieria_datos"
    assert path.name == "ADR-dvc-001.md"
    with pytest.raises(ValueError, match="Nombre de módulo no válido"):
        write_adr(aids["dvc"], rec, "cinco")


def test_display_outputs_static_html_first_then_the_widget(
    aids: dict[str, DecisionAid[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[object, dict[str, Any]]] = []
    monkeypatch.setattr(widget_module, "ipy_display", lambda obj, **kw: shown.append((obj, kw)))
    view = DecisionAidView("deployment", aid=aids["deployment"])
    view._ipython_display_()
    assert len(shown) == 2
    bundle, kwargs = shown[0]
    assert kwargs == {"raw": True}
    assert isinstance(bundle, dict)
    assert '<table class="mlops-aid-table"' in bundle["text/html"]
    assert "Recomendado: AWS Lambda" in bundle["text/html"]
    assert "| Criterio | AWS Lambda ✔ recomendado |" in bundle["text/plain"]
    assert shown[1][0] is view.widget
    shown.clear()
    show_aid("dvc", "05_ingenieria_datos")
    assert len(shown) == 2 and "DVC + Remote Storage" in shown[0][0]["text/html"]  # type: ignore[index]


def test_build_control_for_every_widget_kind() -> None:
    def spec(**fields: Any) -> InputSpec:
        return InputSpec.model_validate({"id": "x", "label": "Una etiqueta", **fields})

    radio = build_control(
        spec(
            kind="choice",
            widget="radio",
            default="a",
            values=[{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
        )
    )
    assert isinstance(radio, widgets.RadioButtons) and radio.value == "a"
    toggle = build_control(spec(kind="boolean", widget="toggle", default=True, help="Ayuda"))
    assert isinstance(toggle, widgets.ToggleButton) and toggle.tooltip == "Ayuda"
    int_text = build_control(spec(kind="integer", widget="text", default=3, min=1, max=9))
    assert isinstance(int_text, widgets.BoundedIntText) and int_text.max == 9
    float_text = build_control(spec(kind="number", widget="text", default=0.5, min=0, max=1))
    assert isinstance(float_text, widgets.BoundedFloatText)
    slider = build_control(spec(kind="number", default=0.5, min=0, max=1))
    assert isinstance(slider, widgets.FloatSlider) and slider.step == pytest.approx(0.01)
    for control in (radio, toggle, int_text, float_text, slider):
        assert control.description == "Una etiqueta"


def test_static_fallback_survives_notebook_execution(tmp_path: Path) -> None:
    """A real kernel runs ``show_aid``: the first output is the static HTML table."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "from mlops_course.machinery.decision_aids import show_aid\n"
            'show_aid("deployment", "12_despliegue_hibrido")'
        )
    ]
    NotebookClient(
        notebook, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = notebook.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data", "display_data"]
    assert '<table class="mlops-aid-table"' in outputs[0].data["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in outputs[1].data
    page, _ = HTMLExporter().from_notebook_node(notebook)  # what nbconvert --to html produces
    assert '<table class="mlops-aid-table"' in page
    assert CHOSEN_MARK in page and "Recomendado: AWS Lambda" in page


def test_copy_of_assets_dir_via_env_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(AIDS_DIR, tmp_path / "decision_aids")
    monkeypatch.setenv(ASSETS_ENV_VAR, str(tmp_path))
    assert aids_dir() == (tmp_path / "decision_aids").resolve()
    assert load_aid("branching").id == "branching"


THRESHOLD_ORDER = [
    ("branching", {"scheduled_max_releases_per_month": 30}, "scheduled_max_releases_per_month"),
    ("branching", {"small_team_max": 10}, "small_team_max debe ser menor"),
    ("deployment", {"cold_start_min_ms": 5000}, "cold_start_min_ms debe ser menor"),
    ("deployment", {"ecs_min_team": 5}, "ecs_min_team debe ser menor"),
    ("docker_levels", {"level_2_image_mb": 2000}, "los tamaños deben decrecer"),
    ("dvc", {"git_lfs_max_mb": 2_000_000}, "git_lfs_max_mb debe ser menor"),
    ("guide_comparison", {"guide_min_weeks": 30}, "guide_min_weeks no puede ser mayor"),
    ("inference_mode", {"online_max_latency_s": 7200}, "online_max_latency_s debe ser menor"),
]


@pytest.mark.parametrize(("aid_id", "change", "expected"), THRESHOLD_ORDER)
def test_inconsistent_thresholds_are_rejected(
    tmp_path: Path, aid_id: str, change: dict[str, object], expected: str
) -> None:
    data = _raw(aid_id)
    data["thresholds"].update(change)
    with pytest.raises(DecisionAidError) as info:
        load_aid(aid_id, _write(tmp_path, data, aid_id))
    assert f"{aid_id}.yaml: thresholds: " in str(info.value)
    assert expected in str(info.value)


def test_describe_error_fallbacks() -> None:
    from mlops_course.machinery.decision_aids.schema import describe_error

    assert describe_error({"type": "less_than_equal", "ctx": {"le": 3}, "input": 4}) == (
        "debe ser menor o igual que 3 (es 4, un entero)"
    )
    assert describe_error({"type": "less_than", "ctx": {"lt": 3}, "input": None}) == (
        "debe ser menor que 3 (es None, vacío)"
    )
    assert describe_error({"type": "weird", "msg": "odd", "input": {1}}).startswith(
        "valor no válido (odd) (es {1}, set)"
    )
    with pytest.raises(KeyError, match="no tiene la opción"):
        load_aid_file(AIDS_DIR / "deployment.yaml").option("heroku")


def test_write_adr_skips_a_name_taken_meanwhile(
    aids: dict[str, DecisionAid[Any]], monkeypatch: pytest.MonkeyPatch, _isolated_workspace: Path
) -> None:
    from mlops_course.machinery.decision_aids import export

    folder = _isolated_workspace / "05_ingenieria_datos" / "adr"
    folder.mkdir(parents=True)
    (folder / "ADR-dvc-001.md").write_text("otro proceso", encoding="utf-8")
    numbers = iter([1, 2])
    monkeypatch.setattr(export, "next_adr_number", lambda folder, aid_id: next(numbers))
    path = write_adr(aids["dvc"], recommend("dvc", aid=aids["dvc"]), "05_ingenieria_datos")
    assert path.name == "ADR-dvc-002.md"
    assert (folder / "ADR-dvc-001.md").read_text(encoding="utf-8") == "otro proceso"


def test_live_widget_hides_its_own_static_fallback(aids: dict[str, DecisionAid[Any]]) -> None:
    view = DecisionAidView("dvc", "05_ingenieria_datos", aid=aids["dvc"])
    header = view.widget.children[0].value
    assert header.startswith("<style>")
    assert ".jp-OutputArea:has(.mlops-aid.mlops-aid-dvc) .mlops-aid-static.mlops-aid-dvc" in header
    assert "display: none" in header
    assert "mlops-aid-static mlops-aid-dvc" in view.static_bundle()["text/html"]  # what it hides
    assert "<style>" not in view.static_bundle()["text/html"]  # exports keep the table visible
