"""The README's launch command serves JupyterLab on module 00, as a student sees it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

TOKEN = "prueba-lanzamiento"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.mark.slow
def test_make_lab_serves_module_00_without_instructor_tools(repo_root: Path) -> None:
    port = _free_port()
    args = f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={TOKEN}"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(repo_root / "build" / "runtime"))
    proc = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_PORT={port}", f"LAB_ARGS={args}"],
        cwd=repo_root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        status = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, _ = _get(f"{base}/api/status?token={TOKEN}")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                status = 0
            if status == 200:
                break
            time.sleep(0.5)
        assert status == 200, "JupyterLab no arrancó con `make lab`"
        code, body = _get(f"{base}/api/contents/notebooks/00_indice/00_indice.ipynb?token={TOKEN}")
        assert code == 200 and json.loads(body)["type"] == "notebook"
        code, _ = _get(f"{base}/lab/tree/notebooks/00_indice/00_indice.ipynb?token={TOKEN}")
        assert code == 200
        # the landing page (what the browser opens) is module 00
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            opener.open(f"{base}/?token={TOKEN}", timeout=10)
            location = ""
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location", "")
        assert location.startswith("/lab/tree/notebooks/00_indice/00_indice.ipynb"), location
        code, _ = _get(f"{base}/formgrader?token={TOKEN}")
        assert code == 404, "el formgrader (herramienta de instructor) no debe estar activo"
        code, page = _get(f"{base}/lab?token={TOKEN}")
        config = json.loads(
            page.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0]
        )
        assert "@jupyter/nbgrader" in json.dumps(config.get("disabledExtensions", []))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log = proc.stdout.read() if proc.stdout else ""
        print(log[-3000:])
