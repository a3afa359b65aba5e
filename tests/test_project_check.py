"""`mlops-course check-project`: module 17's checker on collected projects, each in a sandbox.

A hostile project's tests try to read the instructor's files and environment, write into the
collected folder and into another student's project, and reach a server on the host; the report
says what they saw (nothing), and the folders are unchanged. The reference project keeps its
criteria inside the sandbox (DVC, the MLflow store at its original path, the API on loopback).
"""

from __future__ import annotations

import json
import socket
import textwrap
import threading
import time
from pathlib import Path

import pytest

from mlops_course.lessons.churn_project.cache import cached_checkpoint
from mlops_course.machinery.cli import main
from mlops_course.machinery.instructor.project_check import check_one, label_of, summary_table

pytestmark = pytest.mark.slow

HOSTILE = """
import os, pathlib, socket

def test_x():
    seen = []
    try:
        pathlib.Path({secret!r}).read_text()
        seen.append("sV")
    except OSError:
        seen.append("sB")
    seen.append("eV" if "SECRETO_INSTRUCTOR" in os.environ else "eB")
    for key, path in (("o", {original!r}), ("v", {neighbour!r})):
        try:
            pathlib.Path(path).write_text("escrito por la entrega")
            seen.append(key + "E")
        except OSError:
            seen.append(key + "B")
    try:
        socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
        seen.append("rC")
    except OSError:
        seen.append("rB")
    try:
        os.listdir({content!r})
        seen.append("cV")
    except OSError:
        seen.append("cB")
    assert False, ",".join(seen)
"""
"""Each attempt leaves two characters in the assertion (``sB``: reading the secret was
blocked): the checker keeps the last lines of pytest's output, where a long message is cut."""


def fake_project(folder: Path, test_code: str = "def test_ok():\n    assert True\n") -> Path:
    """The smallest folder the checker accepts as a churn project, with one test file."""
    (folder / "src" / "churn_project").mkdir(parents=True)
    (folder / "src" / "churn_project" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "tests").mkdir()
    (folder / "tests" / "test_x.py").write_text(test_code, encoding="utf-8")
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "churn-project"\nversion = "0.1.0"\n', encoding="utf-8"
    )
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_hostile_project_sees_and_changes_nothing_outside_its_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "instructor" / "gradebook.db"
    secret.parent.mkdir()
    secret.write_text("notas de toda la cohorte", encoding="utf-8")
    monkeypatch.setenv("SECRETO_INSTRUCTOR", "clave-del-instructor")
    neighbour = fake_project(tmp_path / "luis" / "churn-project")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    knocks: list[str] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            knocks.append("conexión")
            connection.close()

    watcher = threading.Thread(target=listen, daemon=True)
    watcher.start()
    project = tmp_path / "ana" / "churn-project"
    code = HOSTILE.format(
        secret=str(secret),
        original=str(project / "escrito.txt"),
        neighbour=str(neighbour / "tests" / "test_x.py"),
        port=port,
        content=str(Path(__file__).resolve().parents[1] / "content"),
    )
    fake_project(project, textwrap.dedent(code))
    before, before_neighbour = tree(project), tree(neighbour)
    try:
        result = check_one(project, tmp_path / "informes", ["tests-cobertura"])
    finally:
        stop.set()
        watcher.join()
        listener.close()
    assert not result.problem, result.output
    assert result.failed == ("tests-cobertura",)
    data = json.loads((tmp_path / "informes" / "ana" / "informe.json").read_text("utf-8"))
    evidence = " ".join(data["criterios"][0]["evidence"])
    # The secret, the environment, the neighbour, the host's server and the course's sources
    # (solutions, hidden tests): blocked. Its own folder is writable inside (a private copy);
    # the collected one stays unchanged.
    assert "AssertionError: sB,eB,oE,vB,rB,cB" in evidence, evidence
    assert not knocks
    assert tree(project) == before and tree(neighbour) == before_neighbour


def test_a_project_that_never_ends_is_stopped_and_the_next_one_still_runs(tmp_path: Path) -> None:
    stuck = fake_project(
        tmp_path / "eva",
        "import subprocess, time\n\ndef test_colgado():\n"
        "    subprocess.Popen(['sleep', '600'])\n    time.sleep(600)\n",
    )
    started = time.monotonic()
    result = check_one(stuck, tmp_path / "informes", ["tests-cobertura"], timeout=8)
    assert time.monotonic() - started < 60
    assert "no terminó en 8 s" in result.problem and result.report is None
    fine = check_one(fake_project(tmp_path / "ana"), tmp_path / "informes", ["adr-despliegue"])
    assert not fine.problem and fine.failed == ("adr-despliegue",)
    assert fine.report is not None and fine.report.is_file()


def test_a_project_that_forks_too_many_processes_is_stopped_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grading's watchdog holds the checker's whole process tree, the project's tests included."""
    from mlops_course.machinery.instructor import project_check

    monkeypatch.setattr(project_check, "PROJECT_PROCESSES", 40)
    swarm = fake_project(
        tmp_path / "eva",
        "import subprocess, time\n\ndef test_enjambre():\n"
        "    procs = [subprocess.Popen(['sleep', '300']) for _ in range(80)]\n"
        "    time.sleep(300)\n",
    )
    started = time.monotonic()
    result = check_one(swarm, tmp_path / "informes", ["tests-cobertura"], timeout=240)
    assert time.monotonic() - started < 120
    assert "lanzó más de 40 procesos a la vez" in result.problem, result.output
    assert result.report is None


def test_the_command_reports_bad_folders_in_spanish_and_checks_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "pablo"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "otra-cosa"\n', encoding="utf-8")
    good = fake_project(tmp_path / "ana" / "churn-project")
    out = tmp_path / "informes"
    argv = ["check-project", str(tmp_path / "nadie"), str(other), str(good)]
    code = main([*argv, "--criterio", "adr-despliegue", "--salida", str(out)])
    shown = capsys.readouterr().out
    assert code == 2
    assert "No existe la carpeta" in shown and "no es un proyecto de churn" in shown
    assert (out / "ana" / "informe.html").is_file() and label_of(good) == "ana"
    assert main(["check-project", str(good), "--timeout", "0"]) == 2
    assert "--timeout debe ser" in capsys.readouterr().err


def test_the_reference_project_keeps_its_criteria_inside_the_sandbox(tmp_path: Path) -> None:
    """The API serves on the sandbox's own loopback; the collected project is left as it was.
    (DVC and the MLflow store in the sandbox: ``test_capstone_grading.py``, on the project
    unpacked from a submitted archive.)"""
    project = cached_checkpoint("17", tmp_path / "ana", n_rows=1000, seed=42).project
    before = {p: p.stat().st_mtime_ns for p in project.rglob("*") if ".git" not in p.parts}
    result = check_one(project, tmp_path / "informes", ["api"])
    assert not result.problem and not result.failed, result.output
    assert result.points == result.max_points == 2
    assert "2/2" in summary_table([result])
    # Without the sandbox (--unsafe-no-sandbox) it runs on a copy that keeps the store beside it.
    unsafe = check_one(project, tmp_path / "sin-sandbox", ["mlflow-registro"], sandbox=False)
    assert not unsafe.problem and not unsafe.failed, unsafe.output
    after = {p: p.stat().st_mtime_ns for p in project.rglob("*") if ".git" not in p.parts}
    assert after == before


def test_the_command_checks_submitted_archives_and_names_them_by_student(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME, pack_project
    from mlops_course.machinery.instructor.project_check import archive_label

    project = fake_project(tmp_path / "ws" / "churn-project")
    packed = pack_project(project, tmp_path / "entregas").archive
    lms = packed.rename(tmp_path / "entregas" / f"ana_{ARCHIVE_NAME}")
    hub = tmp_path / "submitted" / "luis" / "17_proyecto_integrador" / ARCHIVE_NAME
    hub.parent.mkdir(parents=True)
    hub.write_bytes(b"no es un tar.gz")
    assert (archive_label(lms), archive_label(hub)) == ("ana", "luis")
    out = tmp_path / "informes"
    code = main(["check-project", str(lms), str(hub), "--criterio", "adr-despliegue",
                 "--salida", str(out)])  # fmt: skip
    shown = capsys.readouterr().out
    assert code == 2  # luis's archive cannot be read; ana's project is still checked
    assert "luis" in shown and "no es un .tar.gz legible" in shown.lower()
    assert (out / "ana" / "informe.html").is_file()
    assert "ana" in shown and "adr-despliegue" in shown
