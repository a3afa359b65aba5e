"""Checks of the observability layer (15): the alert rules valid and passing their own
``promtool test rules``, and a dashboard whose every query reads a metric the running API
really exports on ``/metrics``."""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.m11_api.server import serve
from mlops_course.lessons.m15_observability.alerts import MISSING_PROMTOOL, promtool
from mlops_course.lessons.m15_observability.dashboard import panel_queries, unknown_metrics
from mlops_course.lessons.m15_observability.metrics import family_names
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context
from mlops_course.lessons.m17_capstone.checks_delivery import READY_TIMEOUT, served_alias
from mlops_course.lessons.m17_capstone.tools import run, tail

MONITORING: Final = Path("monitoring")
RULES: Final = ("alerts.yml",)
RULE_TESTS: Final = "alerts_test.yml"
DASHBOARD: Final = "dashboard.json"
SHOWN: Final = 8


def _promtool(args: list[str], folder: Path, context: Context) -> str:
    binary = promtool()
    if binary is None:
        raise CheckFailed(MISSING_PROMTOOL)
    code, output = run([binary, *args], folder, context.env, timeout=60)
    if code != 0:
        raise CheckFailed(f"`promtool {' '.join(args)}` falla.", tail(output, SHOWN))
    return (tail(output, 1) or ("ok",))[0]


def _exported(project: Path, context: Context) -> set[str]:
    """The metric families ``/metrics`` exports after one request (labelled series appear)."""
    env = {k: v for k, v in context.env.items() if not k.startswith("CHURN_")}
    env.update(CHURN_API_KEYS="verificador", CHURN_MODEL_ALIAS=served_alias(project))
    try:
        with serve(project, env=env, timeout=READY_TIMEOUT) as server:
            urllib.request.urlopen(f"{server.url}/health", timeout=10).read()
            with urllib.request.urlopen(f"{server.url}/metrics", timeout=10) as response:
                text = response.read().decode("utf-8")
    except RuntimeError as error:
        lines = tuple(str(error).splitlines()[-SHOWN:])
        raise CheckFailed("La API no arranca con uvicorn.", lines) from error
    except OSError as error:
        raise CheckFailed(f"GET /metrics no responde: {error}.") from error
    return family_names(text)


def observability(project: Path, context: Context) -> tuple[str, ...]:
    """``promtool check rules`` and ``promtool test rules`` on a copy of monitoring/, and the
    dashboard's queries against the metrics the API serves on 127.0.0.1."""
    folder = project / MONITORING
    needed = [*RULES, RULE_TESTS, DASHBOARD]
    missing = [name for name in needed if not (folder / name).is_file()]
    if missing:
        raise CheckFailed(f"Faltan en monitoring/: {', '.join(missing)} (módulo 15).")
    copy = context.scratch / "monitoring"
    shutil.copytree(folder, copy)
    checked = _promtool(["check", "rules", *RULES], copy, context)
    tested = _promtool(["test", "rules", RULE_TESTS], copy, context)
    try:
        board: dict[str, Any] = json.loads((folder / DASHBOARD).read_text(encoding="utf-8"))
    except ValueError as error:
        raise CheckFailed(f"monitoring/{DASHBOARD} no es JSON válido: {error}.") from error
    queries = panel_queries(board)
    if not queries:
        raise CheckFailed("El dashboard no tiene ningún panel con consulta PromQL.")
    exported = _exported(project, context)
    unknown = unknown_metrics(board, exported)
    if unknown:
        raise CheckFailed(
            f"{len(unknown)} consultas del dashboard leen métricas que la API no exporta.",
            tuple(unknown[:SHOWN]),
        )
    return (
        f"promtool check rules: {checked}",
        f"promtool test rules: {tested}",
        f"dashboard: {len(queries)} consultas sobre las {len(exported)} familias de /metrics",
    )
