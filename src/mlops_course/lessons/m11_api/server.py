"""A real uvicorn server in a subprocess: 127.0.0.1 only, a free port, always stopped.

:func:`serve` is a context manager: it starts ``uvicorn <app> --factory`` in its own process
group, waits until ``/health`` answers (or fails with the server's last log lines, in Spanish),
yields a :class:`Server`, and on exit (also on exceptions) stops it: SIGTERM to the group, a
grace period, then SIGKILL. No port stays open and no process survives the ``with`` block.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import psutil

HOST: Final = "127.0.0.1"  # never 0.0.0.0 on the student's computer or in the grader
APP: Final = "churn_project.api.app:create_app"
LOG_LINES: Final = 15


@dataclass(frozen=True)
class Server:
    """A running server: where it listens, its process and its log file."""

    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self, lines: int = LOG_LINES) -> str:
        """The last ``lines`` lines the server wrote (stdout and stderr)."""
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.strip().splitlines()[-lines:])


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (the OS chooses it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def port_is_open(port: int, host: str = HOST) -> bool:
    """Whether something accepts connections on ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        return probe.connect_ex((host, port)) == 0


def _check(workers: int, timeout: float) -> None:
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= 8:
        raise ValueError(f"workers debe ser un entero entre 1 y 8, no {workers!r}.")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ValueError(f"timeout debe ser un número de segundos mayor que 0, no {timeout!r}.")


def wait_until_ready(server: Server, timeout: float, path: str = "/health") -> float:
    """Poll ``path`` until it answers 200; return the seconds it took.

    Raises:
        RuntimeError: the process ended, or ``timeout`` passed (with the server's last lines).
    """
    started = time.perf_counter()
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"El servidor terminó al arrancar (código {server.process.returncode}). "
                f"Sus últimas líneas:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(server.url + path, timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(
        f"El servidor no respondió 200 en {path} en {timeout:.0f} s. "
        f"Sus últimas líneas:\n{server.log_tail()}"
    )


def _running(processes: list[psutil.Process]) -> list[psutil.Process]:
    """The ones still running (a zombie waiting for its parent to read it does not run)."""
    alive = []
    for item in processes:
        with suppress(psutil.NoSuchProcess):
            if item.status() != psutil.STATUS_ZOMBIE:
                alive.append(item)
    return alive


def stop(process: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """SIGTERM to the server's process group, ``grace`` seconds, then SIGKILL; returns when no
    process of the group runs (uvicorn's workers and multiprocessing's helper included)."""
    family: list[psutil.Process] = []
    with suppress(psutil.NoSuchProcess):
        family = psutil.Process(process.pid).children(recursive=True)
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=grace)
    deadline = time.perf_counter() + grace
    while _running(family) and time.perf_counter() < deadline:
        with suppress(ProcessLookupError, PermissionError):  # workers whose leader ended
            os.killpg(process.pid, signal.SIGKILL)
        time.sleep(0.05)


@contextmanager
def serve(
    project: Path,
    *,
    app: str = APP,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> Iterator[Server]:
    """Run ``uvicorn app --factory`` from ``project`` on 127.0.0.1 and a free port.

    ``env`` is added to this process's environment (e.g. ``CHURN_API_KEYS``); the project's
    ``src`` goes first on ``PYTHONPATH``, so the project's code is served as it is on disk.

    Raises:
        ValueError: bad ``workers`` or ``timeout``; ``project`` is not a folder.
        RuntimeError: the server did not become ready (its last log lines in the message).
    """
    _check(workers, timeout)
    project = Path(project)
    if not project.is_dir():
        raise ValueError(f"No existe la carpeta del proyecto {project}.")
    port = free_port()
    child_env = dict(os.environ, **(env or {}))
    source = str((project / "src").resolve())
    child_env["PYTHONPATH"] = os.pathsep.join(
        item for item in (source, child_env.get("PYTHONPATH", "")) if item
    )
    command = [sys.executable, "-m", "uvicorn", app, "--factory", "--host", HOST]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    with tempfile.TemporaryDirectory(prefix="uvicorn-") as folder:
        log = Path(folder) / "server.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                command,
                cwd=project,
                env=child_env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: stop() reaches uvicorn's workers too
            )
        server = Server(f"http://{HOST}:{port}", port, process, log)
        ready = False
        try:
            wait_until_ready(server, timeout)
            ready = True
            yield server
        finally:
            stop(process, grace=5.0 if ready else 1.0)  # never ready: nothing to finish
