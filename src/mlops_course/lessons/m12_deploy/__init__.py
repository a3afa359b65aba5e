"""Module 12 (Serverless vs contenedores): cost, break-even, cold starts and the Lambda adapter.

- :mod:`.prices` reads AWS list prices (value, unit, region, source, date) from ``assets/``;
- :mod:`.cost` bills a month of traffic on Lambda + API Gateway, ECS/Fargate and EKS;
- :mod:`.breakeven` finds the traffic where two cost curves cross (bisection);
- :mod:`.coldstart` models the share of cold requests and the p99, and measures cold vs warm in
  fresh processes;
- :mod:`.adapter` runs an ASGI app as a Lambda handler (mangum) with API Gateway 2.0 events;
- :mod:`.plot` draws monthly cost vs requests/month with the seed's 1M / 100M boundaries.
"""

from mlops_course.lessons.m12_deploy.adapter import (
    LocalContext,
    invoke,
    lambda_handler,
    load_event,
    make_event,
    response_json,
    validate_event,
)
from mlops_course.lessons.m12_deploy.breakeven import break_even
from mlops_course.lessons.m12_deploy.coldstart import (
    ColdWarm,
    cold_share,
    measure_cold_warm,
    p99_ms,
)
from mlops_course.lessons.m12_deploy.cost import (
    eks_monthly_cost,
    fargate_monthly_cost,
    lambda_monthly_cost,
    mean_rps,
    units_needed,
)
from mlops_course.lessons.m12_deploy.plot import plot_monthly_costs, traffic_grid
from mlops_course.lessons.m12_deploy.prices import AwsPrices, Price, load_prices

__all__ = [
    "AwsPrices",
    "ColdWarm",
    "LocalContext",
    "Price",
    "break_even",
    "cold_share",
    "eks_monthly_cost",
    "fargate_monthly_cost",
    "invoke",
    "lambda_handler",
    "lambda_monthly_cost",
    "load_event",
    "load_prices",
    "make_event",
    "mean_rps",
    "measure_cold_warm",
    "p99_ms",
    "plot_monthly_costs",
    "response_json",
    "traffic_grid",
    "units_needed",
    "validate_event",
]
