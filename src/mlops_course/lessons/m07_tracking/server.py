"""A real ``mlflow server`` on 127.0.0.1 for the churn project: SQLite backend, proxied artifacts.

:func:`mlflow_server` starts ``python -m mlflow server`` in the background on a free loopback
port, waits until ``/health`` answers, yields an :class:`MlflowServer` (its URI goes into
``MLFLOW_TRACKING_URI``) and stops it cleanly on exit (SIGTERM to its process group, SIGKILL if
it does not stop). Clients never touch the artifact folder: with ``--serve-artifacts`` they send
files to the server, which writes them under ``artifacts``.

:func:`start_server` is the same without ``with``, for a notebook where the server outlives a
cell: call ``.stop()`` on the result (it is also stopped when the Python process exits).
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

HOST: Final = "127.0.0.1"
DEFAULT_TIMEOUT: Final = 90.0
POLL_SECONDS: Final = 0.25
LOG_NAME: Final = "server.log"
NO_JOB_RUNNER: Final = {"MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
"""MLflow 3 servers start a job runner by default (seven ``huey`` consumers, for GenAI
evaluation jobs and trace roll-ups): seconds of start-up and hundreds of MB that tracking and the
model registry never use."""


def free_port(host: str = HOST) -> int:
    """A TCP port that is free on ``host`` right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def is_healthy(uri: str, timeout: float = 1.0) -> bool:
    """True if ``uri/health`` answers 200 (the server is up and serving)."""
    try:
        with urllib.request.urlopen(f"{uri}/health", timeout=timeout) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


@dataclass
class MlflowServer:
    """A running ``mlflow server`` process and where it keeps its data."""

    uri: str  # http://127.0.0.1:<port>: the value of MLFLOW_TRACKING_URI
    port: int
    backend_store_uri: str  # sqlite:///<store>/mlflow.db
    artifacts: Path  # where the server writes the artifacts it receives
    log: Path  # the server's stdout and stderr
    startup_seconds: float
    process: subprocess.Popen[bytes] = field(repr=False)

    @property
    def running(self) -> bool:
        """True while the server process is alive."""
        return self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> int | None:
        """Stop the server (its whole process group: uvicorn has workers); return its exit code."""
        if self.process.poll() is None:
            _signal_group(self.process, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.process, signal.SIGKILL)
                self.process.wait(timeout)
        atexit.unregister(self.stop)
        return self.process.returncode


def _signal_group(process: subprocess.Popen[bytes], signum: signal.Signals) -> None:
    with suppress(ProcessLookupError):  # already gone
        os.killpg(process.pid, signum)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(sin registro)"


def server_command(store: Path, port: int, artifacts: Path, host: str = HOST) -> list[str]:
    """The exact ``mlflow server`` command: SQLite backend in ``store``, proxied ``artifacts``."""
    return [
        sys.executable,
        "-m",
        "mlops_course.lessons.m07_tracking.one_process_server",  # `mlflow server`, one process
        "--host",
        host,
        "--port",
        str(port),
        "--backend-store-uri",
        f"sqlite:///{Path(store).resolve() / 'mlflow.db'}",
        "--serve-artifacts",
        "--artifacts-destination",
        str(Path(artifacts).resolve()),
        "--workers",
        "1",
    ]


def start_server(
    store: Path,
    *,
    artifacts: Path | None = None,
    port: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> MlflowServer:
    """Start ``mlflow server`` with its database in ``store`` and wait until it is healthy.

    ``artifacts`` defaults to ``store/artifacts``; ``port`` to a free one. The server's output
    goes to ``store/server.log``.

    Raises:
        ValueError: ``timeout`` is not positive or ``port`` is not a valid TCP port.
        TimeoutError: ``/health`` did not answer within ``timeout`` seconds (server stopped).
        RuntimeError: the server process exited during start-up (its log is in the message).
    """
    if not timeout > 0:
        raise ValueError(f"timeout debe ser un número de segundos positivo, no {timeout!r}.")
    if port is not None and not (isinstance(port, int) and 0 < port < 65536):
        raise ValueError(f"port debe ser un entero entre 1 y 65535, no {port!r}.")
    store = Path(store).resolve()
    store.mkdir(parents=True, exist_ok=True)
    artifacts = Path(artifacts).resolve() if artifacts is not None else store / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    port = port if port is not None else free_port()
    uri = f"http://{HOST}:{port}"
    log = store / LOG_NAME
    env = dict(os.environ, MLFLOW_DISABLE_TELEMETRY="true", **NO_JOB_RUNNER)
    env.pop("MLFLOW_TRACKING_URI", None)
    started = time.perf_counter()
    with log.open("wb") as output:
        process = subprocess.Popen(
            server_command(store, port, artifacts),
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=store,
            env=env,
            start_new_session=True,  # its own process group: stop() reaches uvicorn's workers
        )
    server = MlflowServer(
        uri,
        port,
        f"sqlite:///{store / 'mlflow.db'}",
        artifacts,
        log,
        0.0,
        process,
    )
    atexit.register(server.stop)
    deadline = started + timeout
    while not is_healthy(uri):
        if process.poll() is not None:
            server.stop()
            raise RuntimeError(
                f"El servidor de MLflow terminó al arrancar (código {process.returncode}). "
                f"Últimas líneas de {log}:\n{_tail(log)}"
            )
        if time.perf_counter() > deadline:
            server.stop()
            raise TimeoutError(
                f"El servidor de MLflow no respondió en {uri}/health tras {timeout:.0f} s; "
                f"se detuvo. Últimas líneas de {log}:\n{_tail(log)}"
            )
        time.sleep(POLL_SECONDS)
    server.startup_seconds = time.perf_counter() - started
    return server


@contextmanager
def mlflow_server(
    store: Path,
    *,
    artifacts: Path | None = None,
    port: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[MlflowServer]:
    """``with mlflow_server(store) as server:`` a running server, stopped on exit (see
    :func:`start_server` for the arguments and errors)."""
    server = start_server(store, artifacts=artifacts, port=port, timeout=timeout)
    try:
        yield server
    finally:
        server.stop()
