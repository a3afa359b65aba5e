"""The capstone checker's report, read back: what it judged, when, and whether it is still true.

``python -m mlops_course.lessons.m17_capstone`` and module 17's notebook both write
``informe.json`` into ``<workspace>/informe-proyecto/`` (beside ``churn-project/``). A report
says what the project *was* when it was checked: any file of the project changed, or any commit
made, after ``revisado`` makes it stale, and so does a HEAD other than the ``commit`` the report
judged (reports written before the checker recorded it have none: then the commit it judged is
only known while the project has not changed since).

File times are the evidence, not commit dates: the course's notebooks commit with a fixed date
(reproducible checkpoints), but the files, the branch's ref file and HEAD's reflog get real ones.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from mlops_course.lessons.churn_project.layers import PROJECT_DIR
from mlops_course.lessons.common.gitenv import git, isolated_env
from mlops_course.lessons.m17_capstone.report import JSON_NAME

REPORT_DIR: Final = "informe-proyecto"  # where module 17 and its command write the report
SHOWN: Final = 5
TOLERANCE_S: Final = 1.0  # file systems with coarse timestamps


@dataclass(frozen=True)
class CriterionResult:
    """One criterion as the report judged it."""

    criterion: str
    module: str
    passed: bool
    points: int
    max_points: int
    reason: str


@dataclass(frozen=True)
class CheckerReport:
    """The parts of ``informe.json`` the checklist uses."""

    path: Path
    project: str
    checked_at: dt.datetime  # aware, UTC
    results: tuple[CriterionResult, ...] = field(default_factory=tuple)
    commit: str | None = None  # the HEAD the checker judged (short hash), when it recorded it

    @property
    def points(self) -> int:
        return sum(r.points for r in self.results)

    @property
    def max_points(self) -> int:
        return sum(r.max_points for r in self.results)

    def result(self, criterion: str) -> CriterionResult | None:
        """The criterion's result, or None when the report did not evaluate it."""
        return next((r for r in self.results if r.criterion == criterion), None)


@dataclass(frozen=True)
class Freshness:
    """Whether the project changed after the report was written, and how."""

    stale: bool
    reasons: tuple[str, ...]
    head: str | None  # today's HEAD (short hash), if the project is a git repository
    judged_commit: str | None  # the commit the report judged, when it can be known


def report_path(root: Path) -> Path:
    """Where the checker's JSON report of ``root/churn-project`` lives."""
    return Path(root) / REPORT_DIR / JSON_NAME


def parse_checked_at(value: object) -> dt.datetime:
    """``revisado`` as an aware UTC datetime.

    Raises:
        ValueError: not an ISO date and time (Spanish message).
    """
    if not isinstance(value, str):
        raise ValueError(f"«revisado» debe ser una fecha y hora ISO, no {value!r}.")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"«revisado» no es una fecha y hora ISO: {value!r}.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _result(raw: Any) -> CriterionResult:
    if not isinstance(raw, dict) or not {"criterion", "passed"} <= raw.keys():
        raise ValueError(f"Una entrada de «criterios» está incompleta: {raw!r}.")
    return CriterionResult(
        criterion=str(raw["criterion"]),
        module=str(raw.get("module", "")),
        passed=bool(raw["passed"]),
        points=int(raw.get("points", 0)),
        max_points=int(raw.get("max_points", 0)),
        reason=str(raw.get("reason", "")),
    )


def read_report(path: Path) -> CheckerReport:
    """Read an ``informe.json``.

    Raises:
        FileNotFoundError: there is no report at ``path``.
        ValueError: the file is not a checker report (Spanish message naming the problem).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No hay informe del verificador en {path}.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{path} no es un JSON válido: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("criterios"), list):
        raise ValueError(f"{path} no es un informe del verificador: falta la lista «criterios».")
    return CheckerReport(
        path=path,
        project=str(data.get("proyecto", "")),
        checked_at=parse_checked_at(data.get("revisado")),
        results=tuple(_result(raw) for raw in data["criterios"]),
        commit=str(data["commit"]) if data.get("commit") else None,
    )


def _git(project: Path, *args: str) -> str | None:
    env = isolated_env(project.parent / ".tool-home")
    try:
        proc = git(*args, cwd=project, env=env, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.rstrip("\n") if proc.returncode == 0 else None


def _mtime(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return None


def _listed(names: list[str]) -> str:
    rest = len(names) - SHOWN
    return ", ".join(names[:SHOWN]) + (f" y {rest} más" if rest > 0 else "")


@dataclass(frozen=True)
class ProjectChanges:
    """When a project's files and branch last changed (real file times, UTC)."""

    head: str | None  # short hash of HEAD
    branch_moved_at: dt.datetime | None  # last move of HEAD: commit, reset, checkout
    file_times: dict[str, dt.datetime]  # every tracked or new (not ignored) file: its mtime


def project_changes(project: Path) -> ProjectChanges:
    """HEAD, when the branch last moved (its ref file or HEAD's reflog, the later one) and the
    modification time of every file git tracks or would add (ignored files left out)."""
    project = Path(project)
    head = _git(project, "rev-parse", "--short", "HEAD")
    ref = _git(project, "rev-parse", "--symbolic-full-name", "HEAD")
    marks = [project / ".git" / "logs" / "HEAD"]
    if ref:
        marks.append(project / ".git" / ref)
    moved = max((m for m in map(_mtime, marks) if m is not None), default=None)
    listed = _git(project, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    times: dict[str, dt.datetime] = {}
    for name in (listed or "").split("\0"):
        if name and (moment := _mtime(project / name)) is not None:
            times[name] = moment
    return ProjectChanges(head, moved, times)


def stale_reasons(
    checked_at: dt.datetime,
    branch_moved_at: dt.datetime | None,
    file_times: dict[str, dt.datetime],
    tolerance_s: float = TOLERANCE_S,
) -> list[str]:
    """Why a report of ``checked_at`` no longer describes the project (empty: it still does).

    Raises:
        ValueError: a time without a time zone (Spanish message naming it).
    """
    named = {"checked_at": checked_at, "branch_moved_at": branch_moved_at, **file_times}
    for name, moment in named.items():
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name}: la hora no tiene zona horaria; usa UTC (datetime.UTC).")
    limit = checked_at + dt.timedelta(seconds=tolerance_s)
    reasons: list[str] = []
    if branch_moved_at is not None and branch_moved_at > limit:
        reasons.append(f"hubo commits después del informe ({branch_moved_at:%Y-%m-%d %H:%M} UTC).")
    changed = sorted(name for name, moment in file_times.items() if moment > limit)
    if changed:
        reasons.append(f"archivos cambiados después del informe: {_listed(changed)}.")
    return reasons


def freshness(report: CheckerReport, project: Path) -> Freshness:
    """Did ``project`` change after ``report`` was written? (its commits and its files)"""
    project = Path(project)
    if not (project / ".git").is_dir():
        return Freshness(True, (f"{project} no es un repositorio git: no hay nada que comparar.",),
                         None, None)  # fmt: skip
    reasons: list[str] = []
    if report.project and Path(report.project).resolve() != project.resolve():
        reasons.append(f"el informe es de otra carpeta ({report.project}).")
    changes = project_changes(project)
    if report.commit and changes.head and not _same_commit(report.commit, changes.head):
        reasons.append(f"el informe juzgó el commit {report.commit} y HEAD es {changes.head}.")
    found = stale_reasons(report.checked_at, changes.branch_moved_at, changes.file_times)
    reasons += found
    stale = bool(reasons)
    judged = report.commit or (None if stale else changes.head)
    return Freshness(stale, tuple(reasons), changes.head, judged)


def _same_commit(one: str, other: str) -> bool:
    """Two abbreviations of the same hash (git may print them with different lengths)."""
    return one.startswith(other) or other.startswith(one)


def load_checker_report(root: Path) -> tuple[CheckerReport | None, Freshness | None, str]:
    """The report beside ``root/churn-project``, its freshness and a Spanish sentence about it.

    Never raises: a missing or broken report is said in the sentence.
    """
    path = report_path(root)
    try:
        report = read_report(path)
    except FileNotFoundError:
        return (
            None,
            None,
            ("No hay informe del verificador: la lista usa solo la inspección rápida."),
        )
    except ValueError as error:
        return None, None, f"El informe no se pudo leer ({error}); se usa la inspección rápida."
    fresh = freshness(report, Path(root) / PROJECT_DIR)
    when = f"{report.checked_at:%Y-%m-%d %H:%M} UTC"
    score = f"{report.points}/{report.max_points} puntos"
    if fresh.stale:
        sentence = (
            f"Informe del {when} ({score}) DESACTUALIZADO: "
            + " ".join(fresh.reasons)
            + " Sus resultados se muestran como «sin verificar»."
        )
    else:
        sentence = f"Informe del {when} ({score}), al día: juzgó el commit {fresh.judged_commit}."
    return report, fresh, sentence
