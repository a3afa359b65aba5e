"""Grading on a Dask cluster: same grades as the local pool, a lost worker loses nothing."""

from __future__ import annotations

import io
import os
import shutil
import signal
import tarfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from mlops_course.machinery.build.mutants import parse_mutants
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from mlops_course.machinery.grading.synthetic import read_notebook, synthetic_cohort
from mlops_course.machinery.instructor.cluster import (
    ClusterError,
    ClusterGrader,
    environment_problems,
    pack,
    unpack,
)
from mlops_course.machinery.instructor.cluster_scaling import (
    ThroughputRow,
    format_cluster_scaling,
    projection,
)
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import CohortRun, grade_cohort

SLUG = "99_demo"
LIMITS = Limits(cell_timeout=60, notebook_timeout=300, memory_mb=1024)
CASES = ("a-solucion", "g-malformado")


def test_pack_and_unpack_keep_the_named_entries_only(tmp_path: Path) -> None:
    (tmp_path / "sombra" / "autograded" / "ana").mkdir(parents=True)
    (tmp_path / "sombra" / "autograded" / "ana" / "nb.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "sombra" / "gradebook.db").write_bytes(b"sqlite")
    (tmp_path / "sombra" / "source").mkdir()
    data = pack(tmp_path / "sombra", ("gradebook.db", "autograded", "no-existe"))
    unpack(data, tmp_path / "vuelta")
    found = sorted(
        p.relative_to(tmp_path / "vuelta").as_posix() for p in (tmp_path / "vuelta").rglob("*")
    )
    assert found == ["autograded", "autograded/ana", "autograded/ana/nb.ipynb", "gradebook.db"]


def _archive(member: tarfile.TarInfo) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.addfile(member, io.BytesIO(b"malo") if member.isfile() else None)
    return buffer.getvalue()


def test_an_archive_that_reaches_outside_its_folder_is_refused(tmp_path: Path) -> None:
    escape = tarfile.TarInfo("../fuera.txt")
    escape.size = 4
    link = tarfile.TarInfo("enlace")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    for member in (escape, link):
        with pytest.raises(ClusterError, match="no es válido o no es seguro"):
            unpack(_archive(member), tmp_path / "dentro")
    assert not (tmp_path / "fuera.txt").exists() and not (tmp_path / "dentro" / "enlace").exists()
    # An absolute name lands inside the folder, never at that path.
    absolute = tarfile.TarInfo(str(tmp_path / "absoluto.txt"))
    absolute.size = 4
    unpack(_archive(absolute), tmp_path / "dentro")
    assert not (tmp_path / "absoluto.txt").exists()
    assert (tmp_path / "dentro" / str(tmp_path / "absoluto.txt").lstrip("/")).is_file()
    with pytest.raises(ClusterError, match="no es válido"):
        unpack(b"no es un tar", tmp_path / "dentro")


def test_a_worker_with_another_environment_is_named_with_what_differs() -> None:
    mine = {"python": "3.11.7", "nbgrader": "0.9.6"}
    theirs = {
        "tcp://10.0.0.2:1": {"python": "3.11.7", "nbgrader": "0.9.6"},
        "tcp://10.0.0.3:1": {"python": "3.11.7", "nbgrader": "0.9.5"},
        "tcp://10.0.0.4:1": {"python": "3.12.1"},
    }
    problems = environment_problems(mine, theirs)
    assert problems == [
        "tcp://10.0.0.3:1: nbgrader 0.9.5 ≠ 0.9.6",
        "tcp://10.0.0.4:1: python 3.12.1 ≠ 3.11.7; nbgrader no instalado ≠ 0.9.6",
    ]
    assert environment_problems(mine, {"tcp://10.0.0.2:1": dict(mine)}) == []


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(ClusterError, match="No se pudo conectar con el clúster Dask"):
        ClusterGrader.connect("tcp://127.0.0.1:9", timeout=2)


def test_the_projection_uses_the_measured_cost_and_efficiency() -> None:
    rows = [
        ThroughputRow("99_demo", "pool local", 2, 8, 20.0, True),
        ThroughputRow("99_demo", "dask", 1, 8, 36.0, True),  # 4.5 s of worker per notebook
        ThroughputRow("99_demo", "dask", 2, 8, 20.0, True),  # 36 / (20 × 2) = 90 %
    ]
    assert rows[1].seconds_per_notebook == pytest.approx(4.5)
    assert rows[2].per_minute == pytest.approx(24.0)
    lines = projection(rows, submissions=7200)
    assert "4.5 s de worker por notebook" in lines[0] and "90%" in lines[0]
    assert lines[1].split() == ["1", "workers:", "9.0", "h"]  # 7200 × 4.5 s = 9 h
    assert lines[2].split() == ["8", "workers:", "1.2", "h"]  # 9 h / (8 × 0.9)
    table = format_cluster_scaling(rows)
    assert "pool local" in table and table.count("dask") == 2 and "Proyección" in table
    assert projection(rows[:1]) == [], "no Dask row measured: no projection"


def _course(built_demo: Path, where: Path) -> Path:
    """The demo module with three students: the solution, a plausible wrong answer (a mutant: some
    points) and a malformed file (reported, never sent to a worker)."""
    course = where / "course"
    write_course_config(course)
    shutil.copytree(built_demo / "source" / SLUG, course / "source" / SLUG)
    release = read_notebook(generate_assignment(course, SLUG) / f"{SLUG}.ipynb")
    source = read_notebook(course / "source" / SLUG / f"{SLUG}.ipynb")
    mutants = parse_mutants(built_demo / "content" / SLUG / "mutants.py")[:1]
    for sub in synthetic_cohort(release, source, f"{SLUG}.ipynb", CASES, mutants):
        folder = course / "submitted" / sub.student / SLUG
        folder.mkdir(parents=True)
        for name, text in sub.files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return course


def _grades(run: CohortRun) -> list[tuple[str, str, float, bool]]:
    return [(o.student, str(o.status), o.score, o.scored) for o in run.outcomes]


def _cmdline(process: psutil.Process) -> list[str]:
    """A process's command line, or nothing when it ended while we looked (a short-lived child
    on a loaded machine: the race that made this test's killer thread die without killing)."""
    try:
        return list(process.cmdline())
    except psutil.Error:
        return []


def _kill_first_busy_worker(client: Any, killed: list[int], orphans: list[psutil.Process]) -> None:
    """Wait until a worker's autograde is running, then SIGKILL that worker (a lost machine)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for pid in client.run(os.getpid).values():
            try:
                children = psutil.Process(pid).children(recursive=True)
                busy = any("autograde" in " ".join(_cmdline(c)) for c in children)
            except psutil.Error:  # the worker itself went away between two looks
                continue
            if busy:
                orphans.extend(children)
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
        time.sleep(0.05)


@pytest.mark.slow
def test_a_cluster_grades_like_the_local_pool_and_survives_a_lost_worker(
    built_demo: Path, tmp_path: Path
) -> None:
    from distributed import Client, LocalCluster

    local = grade_cohort(_course(built_demo, tmp_path / "local"), SLUG, LIMITS, workers=2)
    expected = _grades(local)
    scores = {student: score for student, _, score, _ in expected}
    assert len(scores) == 3 and scores["a-solucion"] == local.autograded_max
    assert 0 < min(s for name, s in scores.items() if name.startswith("h-")) < local.autograded_max
    assert not {g[0]: g[3] for g in expected}["g-malformado"], "reported, not graded"
    course = _course(built_demo, tmp_path / "dask")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=50,
    ) as cluster, Client(cluster) as watcher:  # fmt: skip
        killed: list[int] = []
        orphans: list[psutil.Process] = []
        killer = threading.Thread(target=_kill_first_busy_worker, args=(watcher, killed, orphans))
        killer.start()
        merged: list[str] = []
        run = grade_cohort(
            course, SLUG, LIMITS, cluster=cluster.scheduler_address,
            on_progress=lambda outcome: merged.append(outcome.student),
        )  # fmt: skip
        killer.join()
    assert killed, "no worker was busy: the test did not kill one mid-run"
    # The killed worker's autograde and its kernel died with it (setpriv --pdeathsig).
    _, alive = psutil.wait_procs(orphans, timeout=10)
    assert not alive, f"procesos huérfanos del worker perdido: {[p.pid for p in alive]}"
    assert _grades(run) == expected
    # Each gradable student merged exactly once (the lost task ran again, its result came once).
    assert sorted(merged) == sorted(o.student for o in run.outcomes if o.student != "g-malformado")
    assert not list((course / ".grading" / "shadows" / SLUG).iterdir()), "shadows removed"
