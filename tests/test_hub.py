"""The course on a real JupyterHub (127.0.0.1): an instructor and two students as separate Hub
users; release → fetch → submit → collect through the Hub's REST API and nbgrader's server
extensions; then the collected submissions are graded with the course's sandboxed grader."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.grading.synthetic import read_notebook, solved
from mlops_course.machinery.hub.config import (
    HubCourse,
    is_instructor,
    prepare_exchange,
    prepare_user,
)

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = REPO / "deploy" / "jupyterhub" / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
SLUG = "99_demo"
TOKEN = "token-de-pruebas-del-curso-0123456789"


def test_a_student_gets_the_assignment_list_and_none_of_the_instructor_tools(
    tmp_path: Path, built_demo: Path
) -> None:
    course = HubCourse(built_demo, tmp_path / "exchange", frozenset({"profe"}))
    prepare_exchange(course.exchange)
    assert course.exchange.stat().st_mode & 0o7777 == 0o1777
    folder = prepare_user(course, "ana", tmp_path / "ana")
    assert folder == tmp_path / "ana" and not is_instructor(course, "ana")
    server = json.loads((folder / ".jupyter" / "jupyter_server_config.json").read_text("utf-8"))
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert extensions["nbgrader.server_extensions.formgrader"] is False
    assert extensions["nbgrader.server_extensions.assignment_list"] is True
    page = json.loads(
        (folder / ".jupyter" / "lab" / "settings" / "page_config.json").read_text("utf-8")
    )
    assert page["disabledExtensions"]["@jupyter/nbgrader:create-assignment"] is True
    student_config = (folder / ".jupyter" / "nbgrader_config.py").read_text("utf-8")
    assert "Exchange.root" in student_config
    assert "student_id" not in student_config, "with real accounts, nbgrader reads the account"
    shared = HubCourse(built_demo, course.exchange, frozenset({"profe"}), shared_account=True)
    prepare_user(shared, "luis", tmp_path / "luis")
    assert "student_id = 'luis'" in (tmp_path / "luis/.jupyter/nbgrader_config.py").read_text()
    assert not (folder / "curso").exists(), "a student gets no copy of the course"
    mine = prepare_user(course, "profe", tmp_path / "profe")
    assert mine == tmp_path / "profe" / "curso"
    assert (mine / "source" / SLUG).is_dir() and (mine / "notebooks" / SLUG).is_dir()
    assert str(course.exchange) in (mine / "nbgrader_config.py").read_text("utf-8")
    with pytest.raises(ValueError, match="no tiene source/"):
        prepare_user(HubCourse(tmp_path, course.exchange, frozenset({"x"})), "x", tmp_path / "x")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Hub:
    url: str
    state: Path
    repository: Path
    exchange: Path
    process: subprocess.Popen[str]

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"token {TOKEN}"}
        return httpx.request(method, self.url + path, headers=headers, timeout=60, **kwargs)


@pytest.fixture()
def hub(built_demo: Path, tmp_path: Path) -> Iterator[Hub]:
    assert PROXY.is_file(), "falta el proxy de JupyterHub: `make setup` lo instala con npm"
    repository = tmp_path / "repo"
    for kind in ("source", "notebooks"):
        shutil.copytree(built_demo / kind, repository / kind)
    ports = [_free_port() for _ in range(3)]
    env = {
        **os.environ,
        "MLOPS_HUB_AUTH": "prueba",
        "MLOPS_HUB_TEST_PASSWORD": "clave-de-prueba",
        "MLOPS_HUB_STATE": str(tmp_path / "hub"),
        "MLOPS_HUB_EXCHANGE": str(tmp_path / "exchange"),
        "MLOPS_HUB_REPOSITORY": str(repository),
        "MLOPS_HUB_PORT": str(ports[0]),
        "MLOPS_HUB_INTERNAL_PORT": str(ports[1]),
        "MLOPS_HUB_PROXY_API_PORT": str(ports[2]),
        "MLOPS_HUB_INSTRUCTORS": "profe",
        "MLOPS_HUB_USERS": "ana,luis",
        "MLOPS_HUB_API_TOKEN": TOKEN,
    }
    log = (tmp_path / "hub.log").open("w")
    process = subprocess.Popen(
        [str(BIN / "jupyterhub"), "-f", str(CONFIG)], cwd=tmp_path, env=env,
        stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    hub = Hub(
        f"http://127.0.0.1:{ports[0]}", tmp_path / "hub", repository, tmp_path / "exchange", process
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if hub.api("GET", "/hub/api/users").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (
                tmp_path / "hub.log"
            ).read_text("utf-8")[-3000:]
            time.sleep(0.3)
        yield hub
    finally:
        tree = [process, *_children(process.pid)]
        process.terminate()  # the Hub stops the users' servers and its proxy on the way out
        try:
            process.wait(timeout=60)
        finally:
            _, alive = psutil.wait_procs(
                [p for p in tree if isinstance(p, psutil.Process)], timeout=20
            )
            for leftover in alive:
                leftover.kill()
            log.close()
        assert not alive, f"procesos que sobrevivieron al Hub: {[p.cmdline() for p in alive]}"


def _children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _start(hub: Hub, user: str) -> None:
    assert hub.api("POST", f"/hub/api/users/{user}/server").status_code in (201, 202)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        info = hub.api("GET", f"/hub/api/users/{user}").json()
        if info["servers"].get("", {}).get("ready"):
            return
        time.sleep(0.3)
    raise AssertionError(f"el servidor de {user} no arrancó")


def _ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, f"{response.request.url}: {response.text[:1000]}"
    body = response.json()
    if isinstance(body, dict) and "success" in body:
        assert body["success"], body
    return body


@pytest.mark.slow
@pytest.mark.audit
def test_release_fetch_submit_collect_and_grade_through_the_hub(hub: Hub) -> None:
    for user in ("profe", "ana", "luis"):
        _start(hub, user)
    # Roles: the instructor has formgrader; a student's server does not even have its API.
    assert _ok(hub.api("GET", "/user/profe/formgrader/api/status"))["status"] is True
    assert hub.api("GET", "/user/ana/formgrader/api/status").status_code == 404
    _ok(hub.api("POST", f"/user/profe/formgrader/api/assignment/{SLUG}/release"))
    release = read_notebook(hub.repository / "notebooks" / SLUG / f"{SLUG}.ipynb")
    source = read_notebook(hub.repository / "source" / SLUG / f"{SLUG}.ipynb")
    form = {"course_id": "mlops-guia", "assignment_id": SLUG}
    for student in ("ana", "luis"):
        listed = _ok(hub.api("GET", f"/user/{student}/assignments?course_id=mlops-guia"))
        assert [a["assignment_id"] for a in listed["value"]] == [SLUG], listed
        _ok(hub.api("POST", f"/user/{student}/assignments/fetch", data=form))
    # Ana solves it in her server (the contents API, as JupyterLab saves); Luis hands it in as is.
    answer = json.loads(nbio.writes(solved(release, source)))
    path = f"/user/ana/api/contents/{SLUG}/{SLUG}.ipynb"
    saved = hub.api("PUT", path, json={"type": "notebook", "format": "json", "content": answer})
    assert saved.status_code == 200, saved.text[:500]
    for student in ("ana", "luis"):
        _ok(hub.api("POST", f"/user/{student}/assignments/submit", data=form))
    _ok(hub.api("POST", f"/user/profe/formgrader/api/assignment/{SLUG}/collect"))
    course = hub.state / "homes" / "profe" / "curso"
    assert sorted(p.name for p in (course / "submitted").iterdir()) == ["ana", "luis"]
    graded = subprocess.run(
        [str(BIN / "mlops-course"), "--root", str(REPO), "grade", "--course", str(course),
         "--module", SLUG, "--workers", "2"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert graded.returncode == 0, graded.stdout[-3000:] + graded.stderr[-3000:]
    scores = {
        m["student"]: (float(m["score"]), float(m["max"]))
        for m in re.finditer(
            r"^\s+(?P<student>\w+): .*? (?P<score>[\d.]+)/(?P<max>[\d.]+) puntos automáticos",
            graded.stdout,
            re.MULTILINE,
        )
    }
    assert scores["ana"][0] == scores["ana"][1] > 0, graded.stdout  # the solution: full marks
    assert scores["luis"][0] == 0, graded.stdout  # the untouched release: zero
