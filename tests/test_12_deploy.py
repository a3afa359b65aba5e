"""Unit tests of mlops_course.lessons.m12_deploy (module 12: Serverless vs contenedores)."""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path
from typing import Any

import psutil
import pytest
import yaml
from pydantic import BaseModel

from mlops_course.lessons.m12_deploy import (
    break_even,
    cold_share,
    eks_monthly_cost,
    fargate_monthly_cost,
    invoke,
    lambda_handler,
    lambda_monthly_cost,
    load_event,
    load_prices,
    make_event,
    mean_rps,
    measure_cold_warm,
    p99_ms,
    plot_monthly_costs,
    response_json,
    traffic_grid,
    units_needed,
    validate_event,
)
from mlops_course.lessons.m12_deploy.adapter import EVENT_NAMES, LocalContext
from mlops_course.lessons.m12_deploy.prices import FIELDS, REQUIRED

REPO = Path(__file__).resolve().parents[1]
PRICES = load_prices()
MONTH_S = 730 * 3600


# --- prices ---------------------------------------------------------------------------------


def test_every_price_has_value_unit_region_source_and_date() -> None:
    raw = yaml.safe_load((REPO / "assets" / "aws_deploy_prices.yaml").read_text(encoding="utf-8"))
    assert set(REQUIRED) <= set(raw["prices"])
    for name, entry in raw["prices"].items():
        for field in FIELDS:
            assert entry.get(field), f"{name} sin {field}"
        assert entry["source"].startswith("https://aws.amazon.com/"), name
        assert entry["region"] == "us-east-1", name
    for name, price in PRICES.entries.items():
        assert price.known_on.year >= 2025, name
    assert PRICES.left_out, "el archivo debe decir qué precios deja fuera"


def test_known_list_prices() -> None:
    assert PRICES.lambda_per_million_requests == 0.20
    assert PRICES.apigw_per_million_requests == 1.00
    assert PRICES.fargate_per_vcpu_hour == 0.04048
    assert PRICES.eks_per_cluster_hour == 0.10
    assert PRICES.hours_per_month == 730


def _write_prices(tmp_path: Path, mutate: Any) -> Path:
    data = yaml.safe_load((REPO / "assets" / "aws_deploy_prices.yaml").read_text("utf-8"))
    mutate(data)
    path = tmp_path / "prices.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["prices"]["lambda_requests"].pop("source"), "falta el campo 'source'"),
        (lambda d: d["prices"]["fargate_gb_hour"].pop("known_on"), "falta el campo 'known_on'"),
        (lambda d: d["prices"].pop("eks_cluster_hour"), "faltan los precios eks_cluster_hour"),
        (lambda d: d["prices"]["lambda_requests"].update(value=-1), "número positivo"),
        (lambda d: d["prices"]["lambda_requests"].update(value=True), "número positivo"),
        (lambda d: d["prices"]["lambda_requests"].update(known_on="ayer"), "AAAA-MM-DD"),
        (lambda d: d["prices"]["lambda_requests"].update(region="eu-west-1"), "eu-west-1"),
        (lambda d: d["prices"]["lambda_requests"].update(source="https://blog.example"), "AWS"),
        (lambda d: d.update(hours_per_month=0), "hours_per_month"),
    ],
)
def test_bad_price_file_is_refused_in_spanish(tmp_path: Path, mutate: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_prices(_write_prices(tmp_path, mutate))


# --- cost model -----------------------------------------------------------------------------


def test_lambda_cost_is_requests_plus_gb_seconds_plus_api_gateway() -> None:
    cost = lambda_monthly_cost(1_000_000, 50, 512, PRICES)
    expected = 0.20 + 1.00 + 1_000_000 * 0.05 * 0.5 * 0.0000166667
    assert cost == pytest.approx(expected)
    assert lambda_monthly_cost(0, 50, 512, PRICES) == 0
    # duration billed in whole milliseconds
    assert lambda_monthly_cost(10**6, 49.2, 512, PRICES) == pytest.approx(cost)
    # linear in the traffic
    assert lambda_monthly_cost(2_000_000, 50, 512, PRICES) == pytest.approx(2 * cost)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((-1, 50, 512), "monthly_requests"),
        ((10, 0, 512), "duration_ms"),
        ((10, 50, 64), "entre 128 y 10240"),
        ((10, 50, 20_000), "entre 128 y 10240"),
        ((10, 50, 512.0), "entero"),
        ((float("nan"), 50, 512), "número"),
        (("10", 50, 512), "número"),
    ],
)
def test_lambda_cost_bad_input(args: tuple[Any, Any, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        lambda_monthly_cost(*args, PRICES)


def test_units_needed_uses_the_peak_and_a_minimum() -> None:
    assert mean_rps(MONTH_S * 10, PRICES) == pytest.approx(10)
    assert units_needed(0, 50, PRICES) == 2
    assert units_needed(MONTH_S * 120, 50, PRICES) == 3  # 120 rps / 50 → 2.4 → 3
    assert units_needed(MONTH_S * 100, 50, PRICES, minimum=1) == 2  # exact: no extra task
    assert units_needed(MONTH_S * 100, 50, PRICES, peak_factor=3) == 6
    for kwargs, message in (
        ({"minimum": 0}, "minimum"),
        ({"peak_factor": 0.5}, "peak_factor"),
    ):
        with pytest.raises(ValueError, match=message):
            units_needed(10, 50, PRICES, **kwargs)
    with pytest.raises(ValueError, match="unit_rps"):
        units_needed(10, 0, PRICES)


def test_fargate_and_eks_costs() -> None:
    per_task = (0.5 * 0.04048 + 1 * 0.004445) * 730
    assert fargate_monthly_cost(0, 50, 0.5, 1, PRICES) == pytest.approx(2 * per_task)
    assert fargate_monthly_cost(MONTH_S * 120, 50, 0.5, 1, PRICES) == pytest.approx(3 * per_task)
    assert eks_monthly_cost(0, 200, PRICES) == pytest.approx((0.10 + 2 * 0.096) * 730)
    with pytest.raises(ValueError, match="vcpu"):
        fargate_monthly_cost(10, 50, 0, 1, PRICES)
    with pytest.raises(ValueError, match="memory_gb"):
        fargate_monthly_cost(10, 50, 1, -2, PRICES)


# --- break-even -----------------------------------------------------------------------------


def test_break_even_is_the_first_traffic_where_the_order_flips() -> None:
    def lam(r: float) -> float:
        return lambda_monthly_cost(r, 50, 512, PRICES)

    def far(r: float) -> float:
        return fargate_monthly_cost(r, 50, 0.5, 1, PRICES)

    point = break_even(lam, far, 0, 10**9)
    assert point is not None
    assert lam(point) >= far(point)
    assert lam(point - 1) < far(point - 1)
    assert 10**7 < point < 10**8
    # symmetric: the same crossing whichever is first
    assert break_even(far, lam, 0, 10**9) == point


def test_break_even_none_when_they_do_not_cross_and_exact_on_lines() -> None:
    assert break_even(lambda r: r, lambda r: r + 10, 0, 1000) is None
    assert break_even(lambda r: 2 * r, lambda r: r + 100, 0, 1000) == 100
    assert break_even(lambda r: r, lambda r: 500.0, 0, 1000) == 500
    # the order of the curves does not matter, even on an exact tie
    assert break_even(lambda r: r + 100, lambda r: 2 * r, 0, 1000) == 100
    # equal at low: they already cost the same there
    assert break_even(lambda r: 5.0, lambda r: 5.0 + r, 0, 1000) == 0


@pytest.mark.parametrize(("low", "high"), [(10, 10), (100, 5), (-1, 10), (0, 1.5)])
def test_break_even_bad_range(low: Any, high: Any) -> None:
    with pytest.raises(ValueError, match=r"low|high"):
        break_even(lambda r: r, lambda r: 1.0, low, high)


def test_break_even_bisects_instead_of_scanning() -> None:
    calls = []

    def a(r: float) -> float:
        calls.append(r)
        return float(r)

    assert break_even(a, lambda r: 123_456_789.0, 0, 10**9) == 123_456_789
    assert len(calls) < 40


# --- cold starts ----------------------------------------------------------------------------


def test_cold_share_model() -> None:
    assert cold_share(0, 600) == 1
    assert cold_share(0.01, 100) == pytest.approx(math.exp(-1))
    assert cold_share(1, 600) < 1e-200
    with pytest.raises(ValueError, match="idle_timeout_s"):
        cold_share(1, 0)
    with pytest.raises(ValueError, match="rps"):
        cold_share(-1, 60)


def test_p99_lands_on_the_cold_latency_above_one_percent() -> None:
    assert p99_ms(0.02, 20, 1500) == 1500
    assert p99_ms(0.01, 20, 1500) == 20  # exactly 1 %: nearest-rank p99 is still warm
    assert p99_ms(0.0, 20, 1500) == 20
    with pytest.raises(ValueError, match="share_cold"):
        p99_ms(1.5, 20, 1500)
    with pytest.raises(ValueError, match="warm_ms"):
        p99_ms(0.5, 2000, 1500)


def test_measure_cold_warm_uses_fresh_processes() -> None:
    # Children of this worker that other tests own (a session's server) are not ours to judge.
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    timings = measure_cold_warm(
        "import time\ntime.sleep(0.2)\nimport os\nPID = os.getpid()",
        "x = sum(range(100))",
        runs=2,
        warm_calls=5,
    )
    assert len(timings.cold_ms) == 2 and len(timings.warm_ms) == 10
    assert min(timings.setup_ms) >= 200
    assert timings.cold_median_ms > timings.warm_median_ms * 100
    assert timings.warm_p99_ms >= timings.warm_median_ms
    with pytest.raises(RuntimeError, match="falló"):
        measure_cold_warm("raise SystemExit(3)", "pass", runs=1, warm_calls=1)
    # every fresh process has ended: nothing left running after a measurement
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    assert left == [], f"procesos que la medición dejó vivos: {left}"
    with pytest.raises(ValueError, match="runs"):
        measure_cold_warm("pass", "pass", runs=0)


# --- Lambda adapter (a small FastAPI app, not the project's) --------------------------------


class Customer(BaseModel):
    """The request body of the small app (module level: FastAPI resolves its annotation)."""

    customer_id: str
    age: int


def _small_app() -> Any:
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/predict")
    def predict(customer: Customer) -> dict[str, Any]:
        return {"customer_id": customer.customer_id, "churn_probability": 0.25}

    return app


def test_shipped_events_have_the_documented_2_0_shape() -> None:
    for name in EVENT_NAMES:
        event = load_event(name)
        assert event["version"] == "2.0"
        assert event["requestContext"]["http"]["path"] == event["rawPath"]
        assert all(key == key.lower() for key in event["headers"])
    body = load_event("predict_base64")["body"]
    assert json.loads(base64.b64decode(body))["customer_id"] == "C-000123"
    with pytest.raises(ValueError, match="No hay un evento"):
        load_event("nope")
    with pytest.raises(ValueError, match="rawPath"):
        validate_event({"version": "2.0"})
    with pytest.raises(ValueError, match="versión"):
        validate_event({**load_event("health"), "version": "1.0"})


def test_mangum_serves_the_events() -> None:
    handler = lambda_handler(_small_app())
    health = invoke(handler, load_event("health"))
    assert health["statusCode"] == 200 and response_json(health) == {"status": "ok"}
    for name in ("predict", "predict_base64"):
        response = invoke(handler, load_event(name), LocalContext())
        assert response["statusCode"] == 200, name
        assert response_json(response)["customer_id"] == "C-000123"
    bad = invoke(handler, load_event("predict_bad_body"))
    assert bad["statusCode"] == 422
    missing = invoke(handler, make_event("GET", "/nope"))
    assert missing["statusCode"] == 404
    posted = invoke(handler, make_event("POST", "/predict", {"customer_id": "X", "age": 30}))
    assert response_json(posted)["customer_id"] == "X"
    with pytest.raises(ValueError, match="lifespan"):
        lambda_handler(_small_app(), lifespan="siempre")


def test_invoke_reraises_the_handler_error() -> None:
    def broken(event: dict[str, Any], context: Any) -> dict[str, Any]:
        raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        invoke(broken, load_event("health"))


# --- plot -----------------------------------------------------------------------------------


def test_plot_has_three_lines_log_axes_and_the_seed_boundaries() -> None:
    grid = traffic_grid(10_000, 10**9, 50)
    assert grid[0] == 10_000 and grid[-1] == 10**9 and grid == sorted(grid)
    fig = plot_monthly_costs(
        {
            "AWS Lambda": lambda r: lambda_monthly_cost(r, 50, 512, PRICES),
            "ECS/Fargate": lambda r: fargate_monthly_cost(r, 50, 0.5, 1, PRICES),
            "Kubernetes (EKS)": lambda r: eks_monthly_cost(r, 200, PRICES),
        },
        grid,
        break_evens={"Lambda = Fargate": 22_000_000, "nunca": None},
    )
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:3] == ["AWS Lambda", "ECS/Fargate", "Kubernetes (EKS)"]
    vertical = [line.get_xdata()[0] for line in ax.get_lines()[3:]]
    assert vertical == [1_000_000, 100_000_000, 22_000_000]
    with pytest.raises(ValueError):
        traffic_grid(10, 5)
