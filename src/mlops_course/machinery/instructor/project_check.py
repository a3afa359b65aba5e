"""The capstone checker on collected projects, each in a sandbox: ``mlops-course check-project``.

The checker of module 17 runs a student's code (their tests, their API, their demo script). An
instructor runs it on many collected projects, so each run gets the isolation of a grading kernel
(:mod:`.sandbox`, ADR-0010): a private copy of the project and of its MLflow store, seen inside
at the original paths (the store records absolute artifact paths), the read-only course
environment, no network but loopback, no HOME or environment of the instructor, and a wall-clock
limit. Nothing the project does reaches the collected folder, the instructor's files or another
student's project; the report is copied out of the sandbox afterwards.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR
from mlops_course.lessons.churn_project.checkpoint import is_churn_project
from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.project_archive import (
    ArchiveError,
    skipped_note,
    unpack_project,
)
from mlops_course.machinery.instructor.sandbox import command_argv, copy_submission
from mlops_course.machinery.instructor.shadow import run_limited

CHECKER = "mlops_course.lessons.m17_capstone"
MODULE_FOLDER = re.compile(r"^\d{2}_")  # submitted/<id>/17_proyecto_integrador/
REPORT_FILES = ("informe.json", "informe.html")
DEFAULT_TIMEOUT = 900
PROJECT_MEMORY_MB = 4096
PROJECT_PROCESSES = 256


@dataclass(frozen=True)
class ProjectCheck:
    """One project's run: where its report went, its score, or why there is none."""

    project: Path
    label: str
    returncode: int
    points: int = 0
    max_points: int = 0
    failed: tuple[str, ...] = ()
    report: Path | None = None
    problem: str = ""
    output: str = ""
    notes: tuple[str, ...] = ()  # what unpacking a submitted archive left out, in Spanish


def label_of(project: Path) -> str:
    """The report folder's name: the project folder's, or its parent's when the folder has the
    course's default name (``ana/churn-project`` → ``ana``)."""
    folder = project.resolve()
    return folder.parent.name if folder.name == "churn-project" else folder.name


def project_limits(timeout: int) -> Limits:
    """What one project's check may use: ``timeout`` seconds in all, and grading's watchdog on
    the checker's whole process tree (the project's tests, API, docs build…) with more room
    than a notebook: the reference project peaks well below these."""
    return Limits(
        cell_timeout=min(60, timeout),
        notebook_timeout=timeout,
        memory_mb=PROJECT_MEMORY_MB,
        processes=PROJECT_PROCESSES,
    )


def archive_label(archive: Path) -> str:
    """The report folder's name for a submitted archive: the student id before
    ``_churn-project.tar.gz``, or the folder that holds ``churn-project.tar.gz`` (the student's,
    also in ``submitted/<id>/<module>/``)."""
    name = archive.name
    if name != ARCHIVE_NAME:
        return name.removesuffix(ARCHIVE_NAME).removesuffix(".tar.gz").rstrip("_-") or name
    folder = archive.resolve().parent
    return folder.parent.name if MODULE_FOLDER.match(folder.name) else folder.name


def check_archive(
    archive: Path,
    out: Path,
    criteria: list[str] | None = None,
    *,
    sandbox: bool = True,
    timeout: int = DEFAULT_TIMEOUT,
    label: str | None = None,
) -> ProjectCheck:
    """Unpack a submitted ``churn-project.tar.gz`` safely (:mod:`.project_archive`) and check the
    project in it as :func:`check_one` does (``label`` defaults to :func:`archive_label`); an
    unusable archive gives ``problem`` in Spanish."""
    label = label or archive_label(archive)
    with tempfile.TemporaryDirectory(prefix="archivo-entregado-") as tmp:
        try:
            unpacked = unpack_project(archive, Path(tmp) / "ws")
        except ArchiveError as error:
            text = str(error)
            return ProjectCheck(archive, label, 2, problem=f"{text[:1].upper()}{text[1:]}.")
        except (OSError, sqlite3.Error) as error:  # e.g. a registry that is not SQLite
            problem = f"No se pudo preparar el proyecto entregado: {error}."
            return ProjectCheck(archive, label, 2, problem=problem)
        result = check_one(
            unpacked.project, out, criteria, sandbox=sandbox, timeout=timeout, label=label
        )
        note = skipped_note(unpacked.skipped)
        return dataclasses.replace(result, notes=(note,) if note else ())


def check_one(
    project: Path,
    out: Path,
    criteria: list[str] | None = None,
    *,
    sandbox: bool = True,
    timeout: int = DEFAULT_TIMEOUT,
    label: str | None = None,
) -> ProjectCheck:
    """Run the checker on a private copy of ``project``; its report goes to ``out/<label>/``
    (``label`` defaults to :func:`label_of` the project).

    A project that is not a churn project, a checker that fails or passes its time limit gives a
    :class:`ProjectCheck` with ``problem`` in Spanish: one project never stops the others.
    """
    folder = project.resolve()
    label = label or label_of(folder)
    if not folder.is_dir():
        return ProjectCheck(folder, label, 2, problem=f"No existe la carpeta {folder}.")
    if not is_churn_project(folder):
        return ProjectCheck(
            folder, label, 2,
            problem=f"{folder} no es un proyecto de churn: su pyproject.toml debe llamarse "
            "«churn-project».",
        )  # fmt: skip
    store = folder.parent / MLFLOW_DIR
    with tempfile.TemporaryDirectory(prefix=f"verificar-{label}-") as tmp:
        base = Path(tmp)
        copy = base / "ws" / folder.name  # the copy keeps the layout: the store beside it
        copy_submission(folder, copy)
        binds = [(copy, folder)]
        if store.is_dir() and not store.is_symlink():
            copy_submission(store, base / "ws" / MLFLOW_DIR)
            binds.append((base / "ws" / MLFLOW_DIR, store))
        report_dir = base / "informe"
        report_dir.mkdir()
        binds.append((report_dir, report_dir))
        # In the sandbox the copies are seen at the original paths; without it (the instructor's
        # explicit --unsafe-no-sandbox) the checker runs on the copy, with their rights.
        target = folder if sandbox else copy
        command = [sys.executable, "-m", CHECKER, str(target), "--salida", str(report_dir)]
        for item in criteria or []:
            command += ["--criterio", item]
        argv = command_argv(command, folder, binds) if sandbox else command
        limits = project_limits(timeout)
        code, output, timed_out, tree_limit = run_limited(
            argv, Path.cwd(), dict(os.environ), limits
        )
        stopped = {
            "memoria": f"El proyecto y el verificador superaron {limits.memory_mb} MB de memoria "
            "juntos: se detuvo con todos sus procesos.",
            "procesos": f"El proyecto lanzó más de {limits.processes} procesos a la vez: se "
            "detuvo con todos ellos.",
        }.get(tree_limit, "")
        if not stopped and timed_out:
            stopped = f"El verificador no terminó en {timeout} s: se detuvo con todos sus procesos."
        if stopped:
            return ProjectCheck(folder, label, code, output=output, problem=stopped)
        if code not in (0, 1):
            lines = [line for line in output.splitlines() if line.strip()]
            detail = lines[-1] if lines else "sin salida"
            return ProjectCheck(
                folder, label, code, output=output,
                problem=f"El verificador terminó con código {code}: {detail}",
            )  # fmt: skip
        target = out / label
        target.mkdir(parents=True, exist_ok=True)
        for name in REPORT_FILES:
            source = report_dir / name
            if not source.is_file() or source.is_symlink():
                return ProjectCheck(
                    folder, label, code, output=output,
                    problem=f"El verificador no escribió {name}.",
                )  # fmt: skip
            (target / name).write_bytes(source.read_bytes())
    data = json.loads((target / "informe.json").read_text(encoding="utf-8"))
    outcomes = data["criterios"]
    return ProjectCheck(
        folder,
        label,
        code,
        points=int(data["puntos"]),
        max_points=int(data["maximo"]),
        failed=tuple(str(o["criterion"]) for o in outcomes if not o["passed"]),
        report=target / "informe.html",
        output=output,
    )


def summary_table(results: list[ProjectCheck]) -> str:
    """One line per project, in Spanish: points, failed criteria or the problem, report."""
    lines = [f"{'proyecto':<24} {'puntos':>7}  detalle"]
    for item in results:
        if item.problem:
            lines.append(f"{item.label:<24} {'—':>7}  {item.problem}")
            continue
        missed = ", ".join(item.failed) if item.failed else "todos los criterios se cumplen"
        lines.append(f"{item.label:<24} {item.points:>3}/{item.max_points:<3}  {missed}")
    return "\n".join(lines)
