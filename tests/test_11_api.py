"""Module 11's lesson package: a real uvicorn subprocess (127.0.0.1, free port, always stopped)
and the bounded locust run (subprocess, parsed). Servers here serve a tiny app of their own:
fast, and independent of the churn project (its API is tested in test_churn_project.py)."""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path
from typing import Any

import psutil
import pytest

from mlops_course.lessons.m11_api import (
    LoadResult,
    free_port,
    parse_stats,
    port_is_open,
    run_load_test,
    serve,
)
from mlops_course.lessons.m11_api.loadtest import locustfile, percentile

MINI_APP = """\
import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/echo")
    def echo(body: dict) -> dict:
        return body

    return app


def create_slow_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await asyncio.sleep(30)
        yield

    return FastAPI(lifespan=lifespan)
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "mini_app.py").write_text(MINI_APP, encoding="utf-8")
    return tmp_path


def get(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        data: dict[str, str] = json.loads(response.read())
        return data


def gone(pid: int) -> bool:
    return not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_free_port_is_free_and_on_loopback() -> None:
    port = free_port()
    assert 1024 <= port <= 65535 and not port_is_open(port)


def test_serve_answers_on_loopback_and_leaves_nothing_behind(project: Path) -> None:
    with serve(project, app="mini_app:create_app", workers=2) as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert get(server.url + "/health") == {"status": "ok"}
        family = [server.process.pid] + [
            child.pid for child in psutil.Process(server.process.pid).children(recursive=True)
        ]
        assert len(family) >= 3, "uvicorn with 2 workers: a supervisor and its workers"
        listening = {
            c.laddr.ip
            for c in psutil.net_connections("tcp")
            if c.laddr and c.laddr.port == server.port and c.status == psutil.CONN_LISTEN
        }
        assert listening == {"127.0.0.1"}, "the course's servers bind to 127.0.0.1 only"
    assert not port_is_open(server.port)
    assert all(gone(pid) for pid in family), "no worker survives the with block"


def test_serve_stops_the_server_when_the_block_raises(project: Path) -> None:
    with pytest.raises(KeyError), serve(project, app="mini_app:create_app") as server:
        assert port_is_open(server.port)
        raise KeyError("fallo del cuaderno")
    assert not port_is_open(server.port) and gone(server.process.pid)


def test_a_server_that_cannot_start_says_why_in_spanish(project: Path) -> None:
    starting = serve(project, app="mini_app:no_existe")
    with pytest.raises(RuntimeError, match="terminó al arrancar") as error, starting:
        pass  # pragma: no cover
    assert "no_existe" in str(error.value), "the server's own last lines are in the message"


def test_a_server_that_is_never_ready_is_stopped_after_the_timeout(project: Path) -> None:
    before = {p.pid for p in psutil.Process(os.getpid()).children(recursive=True)}
    starting = serve(project, app="mini_app:create_slow_app", timeout=2)
    with pytest.raises(RuntimeError, match="no respondió 200"), starting:
        pass  # pragma: no cover
    after = {p.pid for p in psutil.Process(os.getpid()).children(recursive=True)}
    assert not [pid for pid in after - before if not gone(pid)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"workers": 0}, "workers"), ({"workers": True}, "workers"), ({"timeout": 0}, "timeout")],
)
def test_serve_rejects_bad_arguments(project: Path, kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message), serve(project, **kwargs):  # type: ignore[arg-type]
        pass  # pragma: no cover
    with pytest.raises(ValueError, match="No existe"), serve(project / "nada"):
        pass  # pragma: no cover


def test_a_short_load_test_measures_throughput_and_percentiles(project: Path) -> None:
    with serve(project, app="mini_app:create_app") as server:
        result = run_load_test(server.url, "/echo", body={"a": 1}, users=2, seconds=1)
    assert isinstance(result, LoadResult)
    assert result.requests > 0 and result.failures == 0 and result.failure_rate == 0.0
    assert result.rps > 0 and 0 <= result.p50_ms <= result.p95_ms <= result.p99_ms


def test_load_tests_stay_on_loopback_and_bounded() -> None:
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        run_load_test("http://example.com:80", "/predict")
    with pytest.raises(ValueError, match="seconds"):
        run_load_test("http://127.0.0.1:9", "/predict", seconds=600)
    with pytest.raises(ValueError, match="empezar por"):
        locustfile("predict", None, {})
    assert "self.client.get(PATH" in locustfile("/health", None, {})


def test_parse_stats_adds_up_endpoints_and_refuses_an_empty_run(tmp_path: Path) -> None:
    def entry(times: dict[str, int], failures: int) -> dict[str, object]:
        return {
            "num_requests": sum(times.values()),
            "num_failures": failures,
            "start_time": 100.0,
            "last_request_timestamp": 102.0,
            "response_times": times,
        }

    stats = tmp_path / "out.json"
    slow = {"100": 1, "200": 1}
    stats.write_text(json.dumps([entry({"5": 90, "9": 6}, 1), entry(slow, 0)]))
    result = parse_stats(stats)
    assert (result.requests, result.failures, result.rps) == (98, 1, 49.0)
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (5.0, 9.0, 200.0)
    assert percentile({7: 1}, 0.99) == 7.0
    stats.write_text(json.dumps([entry({}, 0)]))
    with pytest.raises(ValueError, match="no tiene peticiones"):
        parse_stats(stats)
    with pytest.raises(ValueError, match="No hay peticiones"):
        percentile({}, 0.5)


def test_a_run_that_made_no_request_is_repeated_longer_never_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mlops_course.lessons.m11_api import loadtest

    durations: list[int] = []

    def fake(url: str, path: str, body: object, headers: object, users: int, seconds: int) -> Any:
        durations.append(seconds)
        if len(durations) < 3:
            raise loadtest.NoRequests("sin peticiones")
        return "medido"

    monkeypatch.setattr(loadtest, "_run_locust", fake)
    assert run_load_test("http://127.0.0.1:1", "/", users=1, seconds=1) == "medido"
    assert durations == [1, 2, 4]
    durations.clear()
    monkeypatch.setattr(loadtest, "_run_locust", lambda *a: (durations.append(0), fake_none())[1])
    with pytest.raises(ValueError, match="no tiene peticiones"):
        run_load_test("http://127.0.0.1:1", "/", users=1, seconds=1)
    assert len(durations) == 1 + loadtest.RETRIES, (
        "a server that never answers is not retried forever"
    )


def fake_none() -> Any:
    from mlops_course.lessons.m11_api.loadtest import NoRequests

    raise NoRequests("x.json no tiene peticiones: locust no llegó a hacer ninguna.")


def test_a_blocking_call_in_async_def_serialises_requests_and_a_thread_does_not(
    tmp_path: Path,
) -> None:
    from mlops_course.lessons.m11_api.demo import fire

    with serve(tmp_path, app="mlops_course.lessons.m11_api.demo:create_app") as server:
        blocked = fire(server.url + "/bloqueante?s=0.2", 4)
        threaded = fire(server.url + "/hilo?s=0.2", 4)
        awaited = fire(server.url + "/asincrono?s=0.2", 4)
    assert blocked.wall_s >= 0.75, "four sleeps of 0.2 s one after another"
    assert threaded.wall_s < 0.6 and awaited.wall_s < 0.6, (threaded, awaited)
    assert len(blocked.latencies_s) == 4 and max(blocked.latencies_s) >= 0.75
    with pytest.raises(ValueError, match="127"):
        fire("http://example.com/", 1)
    with pytest.raises(ValueError, match="entre 1 y 64"):
        fire("http://127.0.0.1:9/", 0)
