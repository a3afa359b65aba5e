"""A real Prometheus on 127.0.0.1 that scrapes the project's API: the dashboard's data.

Debian's ``prometheus`` package (the one that brings ``promtool`` for module 15) also has the
server. :func:`prometheus` writes a scrape configuration (one target, twice a second), starts the
server with its storage in a temporary folder, waits for ``/-/ready`` and always stops it.
:func:`query_range` asks its HTTP API what a panel's PromQL gives over a time window.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.m11_api.server import HOST, Server, free_port, stop, wait_until_ready

SCRAPE_MS: Final = 500
CONFIG: Final = """\
global:
  scrape_interval: {interval}ms
  scrape_timeout: {timeout}ms
  evaluation_interval: {interval}ms
scrape_configs:
  - job_name: churn-api
    metrics_path: /metrics
    file_sd_configs:
      - files: ["{targets}"]
        refresh_interval: 1s
"""

Series = tuple[dict[str, str], list[tuple[float, float]]]
"""One time series: its labels and its (unix time, value) points."""


@dataclass(frozen=True)
class Prometheus:
    """A running server: its base URL and the file its targets are read from."""

    url: str
    targets: Path

    def scrape(self, target: str) -> None:
        """Start scraping ``target`` (``host:port``). Prometheus applies new targets on its own
        5-second cycle, counted from its start: starting it before the API hides that wait."""
        pending = self.targets.with_suffix(".tmp")
        pending.write_text(json.dumps([{"targets": [target]}]), encoding="utf-8")
        pending.replace(self.targets)  # atomic: Prometheus never reads half a file


def prometheus_binary() -> str | None:
    """The Prometheus server, if installed (Debian: ``apt-get install prometheus``)."""
    return shutil.which("prometheus")


@contextmanager
def prometheus(*, timeout: float = 30.0) -> Iterator[Prometheus]:
    """A Prometheus that scrapes, twice a second, the targets given to
    :meth:`Prometheus.scrape`; always stopped on exit.

    Raises:
        FileNotFoundError: (in Spanish) the server is not installed.
        RuntimeError: it did not start (its last log lines in the message).
    """
    binary = prometheus_binary()
    if binary is None:
        raise FileNotFoundError(
            "No está instalado el servidor Prometheus (Debian/Ubuntu: sudo apt-get install "
            "prometheus; en Binder lo instala apt.txt)."
        )
    with tempfile.TemporaryDirectory(prefix="prometheus-") as folder:
        base = Path(folder)
        config = base / "prometheus.yml"
        targets = base / "targets.json"
        targets.write_text("[]", encoding="utf-8")
        text = CONFIG.format(interval=SCRAPE_MS, timeout=SCRAPE_MS - 100, targets=targets)
        config.write_text(text, encoding="utf-8")
        port = free_port()
        log = base / "prometheus.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [
                    binary,
                    f"--config.file={config}",
                    f"--storage.tsdb.path={base / 'datos'}",
                    f"--web.listen-address={HOST}:{port}",
                    "--log.level=warn",
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://{HOST}:{port}"
        try:
            wait_until_ready(Server(url, port, process, log), timeout, path="/-/ready")
            yield Prometheus(url, targets)
        finally:
            stop(process)


def query_range(url: str, expr: str, start: float, end: float, step: float = 0.5) -> list[Series]:
    """What ``expr`` gives between ``start`` and ``end`` (unix seconds), one point per ``step``.

    Raises:
        ValueError: (in Spanish) Prometheus rejected the expression (its error included).
    """
    query = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    try:
        with urllib.request.urlopen(f"{url}/api/v1/query_range?{query}", timeout=10) as answer:
            payload: dict[str, Any] = json.loads(answer.read())
    except urllib.error.HTTPError as error:
        detail = json.loads(error.read() or b"{}").get("error", str(error))
        raise ValueError(f"Prometheus rechazó la consulta «{expr}»: {detail}") from error
    found: list[Series] = []
    for item in payload["data"]["result"]:
        points = [(float(t), float(v)) for t, v in item["values"]]
        found.append((dict(item["metric"]), points))
    return found
