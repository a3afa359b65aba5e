"""The README's launch command serves JupyterLab on module 00, as a student sees it."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.lab_server import free_port, http_get, running_lab

TOKEN = "prueba-lanzamiento"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@pytest.mark.slow
def test_make_lab_serves_module_00_without_instructor_tools(repo_root: Path) -> None:
    port = free_port()
    args = f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={TOKEN}"
    cmd = ["make", "-s", "lab", f"LAB_PORT={port}", f"LAB_ARGS={args}"]
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(repo_root / "build" / "runtime"))
    with running_lab(cmd, repo_root, port, TOKEN, env) as base:
        code, body = http_get(
            f"{base}/api/contents/notebooks/00_indice/00_indice.ipynb?token={TOKEN}"
        )
        assert code == 200 and json.loads(body)["type"] == "notebook"
        code, _ = http_get(f"{base}/lab/tree/notebooks/00_indice/00_indice.ipynb?token={TOKEN}")
        assert code == 200
        # the landing page (what the browser opens) is module 00
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            opener.open(f"{base}/?token={TOKEN}", timeout=10)
            location = ""
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location", "")
        assert location.startswith("/lab/tree/notebooks/00_indice/00_indice.ipynb"), location
        code, _ = http_get(f"{base}/formgrader?token={TOKEN}")
        assert code == 404, "el formgrader (herramienta de instructor) no debe estar activo"
        code, page = http_get(f"{base}/lab?token={TOKEN}")
        raw = page.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0]
        disabled = json.dumps(json.loads(raw).get("disabledExtensions", []))
        assert "@jupyter/nbgrader" in disabled
