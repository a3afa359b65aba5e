"""The dashboard-as-code of module 15, drawn with real data: a PNG for the portfolio.

Grafana is not part of the course (a server with its own database for one picture). The
dashboard JSON already says everything a picture needs: each panel's title, kind (``stat`` or
``timeseries``), place on Grafana's 24-column grid and PromQL. :func:`live_panels` serves the
project's API, points a real Prometheus at it, sends traffic (valid, invalid and unauthorised
requests) and asks Prometheus for each panel's query; :func:`draw` lays the panels out on the
same grid with matplotlib.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from matplotlib.figure import Figure

from mlops_course.lessons.m11_api.server import serve
from mlops_course.lessons.m17_capstone.checks_delivery import call_api, served_alias
from mlops_course.lessons.m17_capstone.prometheus_run import Series, prometheus, query_range
from mlops_course.lessons.m17_capstone.tools import project_env

GRID_COLUMNS: Final = 24


@dataclass(frozen=True)
class PanelData:
    """One panel of the dashboard and what its queries gave."""

    title: str
    kind: str
    grid: dict[str, int]
    series: tuple[Series, ...]
    error: str = ""


def panels_of(board: dict[str, Any]) -> list[dict[str, Any]]:
    """The dashboard's panels, each with a title, kind, grid place and queries.

    Raises:
        ValueError: (in Spanish) the JSON is not a dashboard with panels.
    """
    panels = board.get("panels") if isinstance(board, dict) else None
    if not isinstance(panels, list) or not panels:
        raise ValueError("El JSON no es un dashboard: le falta la lista «panels».")
    for panel in panels:
        if not isinstance(panel, dict) or not isinstance(panel.get("gridPos"), dict):
            raise ValueError(f"Un panel no tiene «gridPos»: {str(panel)[:120]}")
    return panels


def _api_env(project: Path, scratch: Path, key: str) -> dict[str, str]:
    env = {k: v for k, v in project_env(project, scratch).items() if not k.startswith("CHURN_")}
    env.update(CHURN_API_KEYS=key, CHURN_MODEL_ALIAS=served_alias(project))
    return env


@dataclass(frozen=True)
class LiveCapture:
    """What one run of the API under Prometheus gave: every panel's data and the contract."""

    panels: list[PanelData]
    openapi: dict[str, Any]
    requests: int


def customers_from(rows: list[dict[str, str]], openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """CSV rows as request bodies, each field cast to the type the API's contract declares
    (the ``Customer`` schema of ``openapi``); fields the contract lacks are left out.

    Raises:
        ValueError: (in Spanish) the contract has no ``Customer`` schema, or a row lacks a
            required field.
    """
    schema = openapi.get("components", {}).get("schemas", {}).get("Customer")
    if not isinstance(schema, dict):
        raise ValueError("El contrato de la API no tiene el esquema «Customer».")
    required = set(schema.get("required", []))
    casts: dict[str, Callable[[str], Any]] = {"integer": lambda v: int(float(v)), "number": float,
             "boolean": lambda v: v.strip().lower() in ("1", "true")}  # fmt: skip
    bodies = []
    for row in rows:
        body: dict[str, Any] = {}
        for name, field in schema.get("properties", {}).items():
            if name not in row or row[name] == "":
                if name in required:
                    raise ValueError(f"A una fila le falta «{name}», que el contrato exige.")
                continue
            body[name] = casts.get(str(field.get("type")), str)(row[name])
        bodies.append(body)
    return bodies


def live_panels(
    project: Path,
    board: dict[str, Any],
    rows: list[dict[str, str]],
    *,
    scrapes: int = 4,
    timeout: float = 20.0,
) -> LiveCapture:
    """Serve ``project``'s API and score the customers of ``rows`` (plus requests without key
    and invalid ones) until a real Prometheus has scraped it ``scrapes`` times; then run every
    panel's query over that window. A query Prometheus rejects leaves its panel with ``error``.

    Raises:
        ValueError: (in Spanish) not a dashboard, no rows, or rows the contract rejects.
        RuntimeError: no scrape within ``timeout`` seconds, or a server did not start.
    """
    panels = panels_of(board)
    if not rows:
        raise ValueError("Hacen falta clientes de ejemplo (filas del CSV) para generar tráfico.")
    key = secrets.token_urlsafe(16)
    with (
        tempfile.TemporaryDirectory(prefix="dashboard-") as scratch,
        prometheus() as monitor,  # first: its 5-second target cycle overlaps the API's start
        serve(project, env=_api_env(project, Path(scratch), key), timeout=60) as server,
    ):
        monitor.scrape(server.url.removeprefix("http://"))
        start = time.time()
        status, spec, _ = call_api(f"{server.url}/openapi.json")
        if status != 200:
            raise RuntimeError(f"GET /openapi.json responde {status}, no 200.")
        customers = customers_from(rows, spec)
        sent = _traffic(
            server.url, key, customers, lambda: _scrapes(monitor.url) >= scrapes, timeout
        )
        end = time.time()
        data = [_panel_data(monitor.url, panel, start, end) for panel in panels]
    return LiveCapture(data, spec, sent)


def _scrapes(url: str) -> int:
    """Scrapes of the API so far (samples of ``up``, not the points of a range query, which
    repeat the last sample)."""
    now = time.time()
    found = query_range(url, "count_over_time(up[1m])", now, now)
    return int(found[0][1][-1][1]) if found and found[0][1] else 0


def _traffic(
    api: str, key: str, customers: list[dict[str, Any]], done: Callable[[], bool], timeout: float
) -> int:
    deadline = time.monotonic() + timeout
    sent = 0
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"Prometheus no recogió las métricas de la API en {timeout:.0f} s.")
        for _ in range(5):
            call_api(f"{api}/predict", customers[sent % len(customers)], key)
            sent += 1
        call_api(f"{api}/predict", customers[0])  # 401
        call_api(f"{api}/predict", {**customers[0], "age": "cuarenta"}, key)  # 422
        sent += 2
        time.sleep(0.1)
    return sent


def _panel_data(url: str, panel: dict[str, Any], start: float, end: float) -> PanelData:
    series: list[Series] = []
    error = ""
    for target in panel.get("targets", []):
        try:
            series += query_range(url, str(target["expr"]), start, end)
        except ValueError as miss:
            error = str(miss)
    kind = str(panel.get("type", ""))
    return PanelData(
        str(panel.get("title", "")), kind, dict(panel["gridPos"]), tuple(series), error
    )


def _legend(labels: dict[str, str]) -> str:
    shown = {k: v for k, v in labels.items() if k not in ("__name__", "instance", "job")}
    return ", ".join(f"{k}={v}" for k, v in sorted(shown.items())) or "valor"


def draw(title: str, panels: list[PanelData], path: Path) -> Path:
    """Lay ``panels`` out on Grafana's grid and save the picture at ``path`` (PNG)."""
    rows = max(p.grid["y"] + p.grid["h"] for p in panels)
    figure = Figure(figsize=(16, rows * 0.42), dpi=90, facecolor="#111217")
    spec = figure.add_gridspec(rows, GRID_COLUMNS, hspace=6.0, wspace=2.0)
    for panel in panels:
        g = panel.grid
        axis = figure.add_subplot(spec[g["y"] : g["y"] + g["h"], g["x"] : g["x"] + g["w"]])
        axis.set_facecolor("#181b1f")
        axis.set_title(panel.title, color="white", loc="left", fontsize=11)
        axis.tick_params(colors="#9fa7b3", labelsize=8)
        for side in axis.spines.values():
            side.set_color("#2c3235")
        points = [s for s in panel.series if s[1]]
        if panel.error or not points:
            axis.text(0.5, 0.5, panel.error or "Sin datos", color="#ff7383", ha="center",
                      va="center", wrap=True, fontsize=9, transform=axis.transAxes)  # fmt: skip
            axis.set_xticks([])
            axis.set_yticks([])
        elif panel.kind == "stat":
            text = "  ".join(f"{_legend(labels)}: {values[-1][1]:g}" for labels, values in points)
            axis.text(0.5, 0.5, text, color="#73bf69", ha="center", va="center",
                      fontsize=18, transform=axis.transAxes)  # fmt: skip
            axis.set_xticks([])
            axis.set_yticks([])
        else:
            t0 = min(values[0][0] for _, values in points)
            for labels, values in points:
                axis.plot([t - t0 for t, _ in values], [v for _, v in values],
                          label=_legend(labels))  # fmt: skip
            axis.set_xlabel("segundos", color="#9fa7b3", fontsize=8)
            axis.legend(fontsize=7, facecolor="#181b1f", labelcolor="white", loc="upper left")
    figure.suptitle(title, color="white", fontsize=14, x=0.01, ha="left")
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, facecolor=figure.get_facecolor(), bbox_inches="tight")
    return path
