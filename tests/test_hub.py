"""The course on a real JupyterHub (127.0.0.1): an instructor and two students as separate Hub
users; release → fetch → submit → collect through the Hub's REST API and nbgrader's server
extensions, with the exchange in a shared folder and with ngshare (a Hub service, no shared
folder); then the collected submissions are graded with the course's sandboxed grader."""

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
from types import SimpleNamespace
from typing import Any

import httpx
import psutil
import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.grading.synthetic import read_notebook, solved
from mlops_course.machinery.hub.config import (
    HubCourse,
    configure_hub,
    is_instructor,
    prepare_exchange,
    prepare_user,
)

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = REPO / "deploy" / "jupyterhub" / "node_modules" / ".bin" / "configurable-http-proxy"
NGSHARE_PYTHON = REPO / "deploy" / "jupyterhub" / "ngshare-venv" / "bin" / "python"
BIN = Path(sys.executable).parent
SLUG = "99_demo"
TOKEN = "token-de-pruebas-del-curso-0123456789"
NGSHARE = "/services/ngshare"


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


def test_with_ngshare_users_get_its_exchange_and_no_shared_folder(
    tmp_path: Path, built_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated configurations load with traitlets and put ngshare_exchange's classes in
    nbgrader's exchange factory; nobody gets a student_id (ngshare knows users by their token)."""
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("JUPYTERHUB_USER", "ana")  # what the Hub sets in every user's server
    url = "http://127.0.0.1:8000/services/ngshare"
    course = HubCourse(
        built_demo, tmp_path / "exchange", frozenset({"profe"}), ngshare_url=url,
        shared_account=True,
    )  # fmt: skip
    calls: list[Any] = []
    configure_hub(
        SimpleNamespace(Spawner=SimpleNamespace(), Authenticator=SimpleNamespace()), course
    )
    assert not course.exchange.exists(), "ngshare needs no exchange folder"
    for user, home in (("ana", tmp_path / "ana"), ("profe", tmp_path / "profe")):
        folder = prepare_user(course, user, home)
        calls.append(folder)
        loaded = PyFileConfigLoader("nbgrader_config.py", path=str(home / ".jupyter")).load_config()
        factory = loaded.ExchangeFactory
        assert factory.submit.__module__ == "ngshare_exchange.submit"
        assert factory.collect.__module__ == "ngshare_exchange.collect"
        assert factory.exchange._ngshare_url == url  # configureExchange sets it on the class
        assert "student_id" not in loaded.CourseDirectory
        assert loaded.CourseDirectory.course_id == "mlops-guia"
    assert calls == [tmp_path / "ana", tmp_path / "profe" / "curso"]


Z2JH = REPO / "deploy" / "jupyterhub" / "z2jh" / "values.yaml"


def _start_script(
    home: Path, repository: Path, extra: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """The image's `start` as repo2docker's entrypoint runs it, before the server (`true`)."""
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(home),
        "REPO_DIR": str(repository),
        **extra,
    }
    return subprocess.run(
        ["bash", str(REPO / "start"), "true"], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def test_the_z2jh_values_give_each_role_its_tools_through_the_images_start(
    tmp_path: Path, built_demo: Path
) -> None:
    """Offline check of what the course puts in the Zero to JupyterHub values: the instructors
    are the Hub's admins and allowed, ngshare is a Hub service and the users' servers reach it
    through the proxy, and the image's `start` — with exactly the environment the values give —
    writes the student's and the instructor's configuration (fail closed without an exchange)."""
    import yaml

    values = yaml.safe_load(Z2JH.read_text(encoding="utf-8"))
    env = {k: str(v) for k, v in values["singleuser"]["extraEnv"].items()}
    instructors = set(env["MLOPS_HUB_INSTRUCTORS"].split(","))
    auth = values["hub"]["config"]["Authenticator"]
    assert instructors == set(auth["admin_users"]) and instructors < set(auth["allowed_users"])
    assert values["hub"]["services"]["ngshare"]["url"].startswith("http://ngshare:")
    assert env["MLOPS_HUB_NGSHARE_URL"] == "http://proxy-public/services/ngshare"
    assert values["singleuser"]["cmd"] == "jupyterhub-singleuser"
    student = _start_script(tmp_path / "ana", built_demo, {**env, "JUPYTERHUB_USER": "ana"})
    assert student.returncode == 0, student.stdout + student.stderr
    assert "ana (estudiante)" in student.stdout
    server = json.loads((tmp_path / "ana/.jupyter/jupyter_server_config.json").read_text())
    assert (
        server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    )
    config = (tmp_path / "ana/.jupyter/nbgrader_config.py").read_text(encoding="utf-8")
    assert f"configureExchange(c, {env['MLOPS_HUB_NGSHARE_URL']!r})" in config
    teacher = _start_script(tmp_path / "profe", built_demo, {**env, "JUPYTERHUB_USER": "profe"})
    assert teacher.returncode == 0, teacher.stdout + teacher.stderr
    server = json.loads((tmp_path / "profe/.jupyter/jupyter_server_config.json").read_text())
    assert server["ServerApp"]["root_dir"] == str(tmp_path / "profe" / "curso")
    assert (tmp_path / "profe" / "curso" / "source" / SLUG).is_dir()
    # No exchange named: the server does not start (rather than a student with formgrader).
    broken = {"MLOPS_HUB_INSTRUCTORS": "profe", "JUPYTERHUB_USER": "ana"}
    refused = _start_script(tmp_path / "otra", built_demo, broken)
    assert refused.returncode != 0 and "MLOPS_HUB_NGSHARE_URL" in refused.stderr
    assert not (tmp_path / "otra" / ".jupyter").exists()
    # Binder (no instructors named): nothing written, the server starts as always.
    binder = _start_script(tmp_path / "binder", built_demo, {"JUPYTERHUB_USER": "x"})
    assert binder.returncode == 0 and not (tmp_path / "binder").exists()


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
    kind: str  # "archivos" or "ngshare"

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"token {TOKEN}"}
        return httpx.request(method, self.url + path, headers=headers, timeout=60, **kwargs)


@pytest.fixture(params=["archivos", "ngshare"])
def hub(built_demo: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Hub]:
    assert PROXY.is_file(), "falta el proxy de JupyterHub: `make setup` lo instala con npm"
    repository = tmp_path / "repo"
    for kind in ("source", "notebooks"):
        shutil.copytree(built_demo / kind, repository / kind)
    ports = [_free_port() for _ in range(4)]
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
    if request.param == "ngshare":
        assert NGSHARE_PYTHON.is_file(), "falta el entorno de ngshare: `make hub-setup` lo crea"
        env["MLOPS_HUB_NGSHARE_PORT"] = str(ports[3])
    log = (tmp_path / "hub.log").open("w")
    process = subprocess.Popen(
        [str(BIN / "jupyterhub"), "-f", str(CONFIG)], cwd=tmp_path, env=env,
        stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    hub = Hub(
        f"http://127.0.0.1:{ports[0]}",
        tmp_path / "hub",
        repository,
        tmp_path / "exchange",
        process,
        request.param,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if hub.api("GET", "/hub/api/users").status_code == 200 and (
                    hub.kind != "ngshare" or hub.api("GET", NGSHARE + "/healthz").status_code == 200
                ):
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


def _enrol(hub: Hub) -> None:
    """The course in ngshare, its instructor and its students (the admin service's token; an
    instructor would run `ngshare-course-management` in a Hub terminal)."""
    form = {"instructors": json.dumps(["profe"])}
    _ok(hub.api("POST", f"{NGSHARE}/course/mlops-guia", data=form))
    for student in ("ana", "luis"):
        person = {"first_name": student, "last_name": "Prueba", "email": f"{student}@example.org"}
        _ok(hub.api("POST", f"{NGSHARE}/student/mlops-guia/{student}", data=person))
    # A student cannot create courses or enrol anyone: ngshare knows users by their Hub token.
    students = _ok(hub.api("GET", f"{NGSHARE}/students/mlops-guia"))["students"]
    assert sorted(s["username"] for s in students) == ["ana", "luis"]


def _ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, f"{response.request.url}: {response.text[:1000]}"
    body = response.json()
    if isinstance(body, dict) and "success" in body:
        assert body["success"], body
    return body


@pytest.mark.slow
@pytest.mark.audit
def test_release_fetch_submit_collect_and_grade_through_the_hub(hub: Hub) -> None:
    if hub.kind == "ngshare":
        _enrol(hub)
    for user in ("profe", "ana", "luis"):
        _start(hub, user)
    # Roles: the instructor has formgrader; a student's server does not even have its API.
    assert _ok(hub.api("GET", "/user/profe/formgrader/api/status"))["status"] is True
    assert hub.api("GET", "/user/ana/formgrader/api/status").status_code == 404
    _ok(hub.api("POST", f"/user/profe/formgrader/api/assignment/{SLUG}/release"))
    if hub.kind == "ngshare":  # released into the service, not into a folder
        released = _ok(hub.api("GET", f"{NGSHARE}/assignments/mlops-guia"))["assignments"]
        assert released == [SLUG], released
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
    if hub.kind == "ngshare":
        assert not hub.exchange.exists(), "with ngshare there is no shared exchange folder"
        listed = _ok(hub.api("GET", f"{NGSHARE}/submissions/mlops-guia/{SLUG}"))
        assert sorted(s["student_id"] for s in listed["submissions"]) == ["ana", "luis"]
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


def test_hub_user_in_process(
    tmp_path: Path,
    built_demo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`mlops-course hub-user`: nothing outside a course Hub; the role's tools inside; a clear
    Spanish error (exit 2) when the instructors are named but no exchange is."""
    from mlops_course.machinery.cli import main
    from mlops_course.machinery.hub.config import course_from_env

    monkeypatch.delenv("MLOPS_HUB_INSTRUCTORS", raising=False)
    monkeypatch.setenv("JUPYTERHUB_USER", "ana")
    assert main(["--root", str(built_demo), "hub-user", "--home", str(tmp_path / "a")]) == 0
    assert "nada" in capsys.readouterr().out and not (tmp_path / "a").exists()
    monkeypatch.setenv("MLOPS_HUB_INSTRUCTORS", "profe, otra")
    assert main(["--root", str(built_demo), "hub-user", "--home", str(tmp_path / "a")]) == 2
    assert "MLOPS_HUB_NGSHARE_URL" in capsys.readouterr().err
    monkeypatch.setenv("MLOPS_HUB_EXCHANGE", str(tmp_path / "intercambio"))
    assert main(["--root", str(built_demo), "hub-user", "--home", str(tmp_path / "a")]) == 0
    assert "ana (estudiante)" in capsys.readouterr().out
    found = course_from_env(
        built_demo,
        {
            "JUPYTERHUB_USER": "otra",
            "MLOPS_HUB_INSTRUCTORS": "profe,otra",
            "MLOPS_HUB_EXCHANGE": "/x",
        },
    )
    assert found is not None and found[0].instructors == {"profe", "otra"} and found[1] == "otra"
    assert found[0].exchange == Path("/x") and not found[0].ngshare_url
