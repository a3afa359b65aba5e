"""A bounded, headless load test with locust, in a subprocess (never imported here: locust
patches the standard library with gevent when imported, which would break the kernel).

:func:`run_load_test` writes a small locustfile for one endpoint, runs
``python -m locust --headless`` for a few seconds against a server on 127.0.0.1, and reads the
final statistics it writes as JSON: requests, failures, throughput and p50/p95/p99.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

MAX_SECONDS: Final = 60
RETRIES: Final = 2
"""Runs repeated, each twice as long, when one ended before any request finished."""
LOCUSTFILE: Final = """\
from locust import HttpUser, constant, task

PATH = {path!r}
BODY = {body}
HEADERS = {headers}


class Client(HttpUser):
    wait_time = constant(0)

    @task
    def call(self):
        if BODY is None:
            self.client.get(PATH, headers=HEADERS)
        else:
            self.client.post(PATH, json=BODY, headers=HEADERS)
"""


@dataclass(frozen=True)
class LoadResult:
    """What one load test measured (times in milliseconds)."""

    requests: int
    failures: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def failure_rate(self) -> float:
        """Failed requests over all requests (0 when none were made)."""
        return self.failures / self.requests if self.requests else 0.0


def locustfile(path: str, body: Mapping[str, Any] | None, headers: Mapping[str, str]) -> str:
    """The text of a locustfile whose users call ``path`` (POST with ``body``, or GET)."""
    if not path.startswith("/"):
        raise ValueError(f"La ruta debe empezar por '/': {path!r}.")
    payload = "None" if body is None else repr(json.loads(json.dumps(body)))
    return LOCUSTFILE.format(path=path, body=payload, headers=repr(dict(headers)))


def percentile(histogram: Mapping[int, int], fraction: float) -> float:
    """Locust's approximated percentile of a ``{milliseconds: count}`` histogram."""
    total = sum(histogram.values())
    if total == 0:
        raise ValueError("No hay peticiones: no se puede calcular un percentil.")
    allowed_above = int(total * fraction)
    seen = 0
    for value in sorted(histogram, reverse=True):
        seen += histogram[value]
        if total - seen <= allowed_above:
            return float(value)
    return float(min(histogram))  # pragma: no cover - the loop always returns


class NoRequests(ValueError):
    """A locust run ended before any request finished."""


def parse_stats(stats_json: Path) -> LoadResult:
    """The final statistics that ``locust --json-file`` writes, every endpoint added up.

    (The CSV files are written every few seconds, not at the end: a short run leaves them
    empty, so the course reads the JSON file, written once the run has finished.)

    Raises:
        ValueError: no request was made.
    """
    entries = json.loads(stats_json.read_text(encoding="utf-8"))
    histogram: dict[int, int] = {}
    requests = failures = 0
    first, last = float("inf"), 0.0
    for entry in entries:
        requests += int(entry["num_requests"])
        failures += int(entry["num_failures"])
        first = min(first, float(entry["start_time"]))
        last = max(last, float(entry["last_request_timestamp"] or 0.0))
        for value, count in entry["response_times"].items():
            histogram[int(value)] = histogram.get(int(value), 0) + int(count)
    if requests == 0 or not histogram:
        raise NoRequests(f"{stats_json} no tiene peticiones: locust no llegó a hacer ninguna.")
    elapsed = max(last - first, 1e-9)
    return LoadResult(
        requests=requests,
        failures=failures,
        rps=round(requests / elapsed, 2),
        p50_ms=percentile(histogram, 0.50),
        p95_ms=percentile(histogram, 0.95),
        p99_ms=percentile(histogram, 0.99),
    )


def run_load_test(
    url: str,
    path: str,
    *,
    body: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    users: int = 8,
    seconds: int = 3,
) -> LoadResult:
    """Load ``url + path`` with ``users`` concurrent users for ``seconds`` and measure it.

    Raises:
        ValueError: ``url`` is not on 127.0.0.1, or ``users``/``seconds`` out of bounds.
        RuntimeError: locust failed (its last lines in the message).
    """
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(f"Las pruebas de carga del curso van solo contra 127.0.0.1, no {url}.")
    for name, value, high in (("users", users, 200), ("seconds", seconds, MAX_SECONDS)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            raise ValueError(f"{name} debe ser un entero entre 1 y {high}, no {value!r}.")
    # On a busy machine, starting the users can take longer than a 1-second run: a run that made
    # no request is repeated with twice the time (twice at most), never reported as a result.
    duration = seconds
    for _ in range(RETRIES):
        try:
            return _run_locust(url, path, body, headers or {}, users, duration)
        except NoRequests:
            duration = min(2 * duration, MAX_SECONDS)
    return _run_locust(url, path, body, headers or {}, users, duration)


def _run_locust(
    url: str,
    path: str,
    body: Mapping[str, Any] | None,
    headers: Mapping[str, str],
    users: int,
    seconds: int,
) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="locust-") as folder:
        work = Path(folder)
        (work / "locustfile.py").write_text(locustfile(path, body, headers), encoding="utf-8")
        command = [sys.executable, "-m", "locust", "-f", "locustfile.py", "--headless"]
        command += ["-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", url]
        command += ["--json-file", "out", "--only-summary", "--loglevel", "WARNING"]
        done = subprocess.run(
            command, cwd=work, capture_output=True, text=True, timeout=seconds + 60, check=False
        )
        stats = work / "out.json"
        if not stats.is_file():
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-10:])
            raise RuntimeError(f"locust no terminó (código {done.returncode}):\n{tail}")
        return parse_stats(stats)
