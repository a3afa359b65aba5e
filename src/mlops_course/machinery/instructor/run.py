"""Grade a cohort: pre-check, parallel shadows, single-writer merge, resumable, reported.

``grade_cohort`` is what ``mlops-course grade`` and ``make grade`` run for each module.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlops_course.lessons.churn_project.ensure import reference_base
from mlops_course.machinery import nbio
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, run_nbgrader
from mlops_course.machinery.grading.integrity import notebook_findings
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.grading.submissions import check_submission
from mlops_course.machinery.grading.synthetic import graded_test_ids, read_notebook
from mlops_course.machinery.grading.tamper_scan import scan_submission
from mlops_course.machinery.instructor.capstone_grade import (
    REPORTS,
    ProjectGrade,
    failed_check,
    grade_submitted_project,
    project_task_points,
    record_project_grade,
)
from mlops_course.machinery.instructor.cluster import ClusterGrader
from mlops_course.machinery.instructor.export import complete_export, read_csv, write_csv
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.merge import merge_shadow
from mlops_course.machinery.instructor.sandbox import require_sandbox
from mlops_course.machinery.instructor.shadow import (
    ShadowResult,
    grade_in_shadow,
    kill_running,
    prepare_shadow,
)
from mlops_course.machinery.instructor.state import GradingState, StudentOutcome, folder_digest


def autograded_max(source_nb: Any) -> float:
    """Autograded maximum: points of the autograded test cells of an nbgrader source notebook."""
    from nbgrader.utils import is_grade, is_solution

    return float(
        sum(
            float(cell.metadata.nbgrader.get("points", 0))
            for cell in source_nb.cells
            if is_grade(cell) and not is_solution(cell)
        )
    )


def total_max(source_nb: Any) -> float:
    """Total maximum: points of every graded cell and task of an nbgrader source notebook,
    autograded and manual (what nbgrader stores as the assignment's ``max_score``)."""
    from nbgrader.utils import is_grade, is_task

    return float(
        sum(
            float(cell.metadata.nbgrader.get("points", 0))
            for cell in source_nb.cells
            if is_grade(cell) or is_task(cell)
        )
    )


@dataclass
class CohortRun:
    """Everything one ``grade_cohort`` call did."""

    module: str
    outcomes: list[StudentOutcome] = field(default_factory=list)
    autograded: list[str] = field(default_factory=list)
    """Students run through ``nbgrader autograde`` in this run (whatever the outcome)."""
    reported: list[str] = field(default_factory=list)
    """Students the pre-check stopped in this run (absent, malformed…): reported, not graded."""
    reused: list[str] = field(default_factory=list)
    """Students whose outcome is reused: same submission, module source and limits."""
    unmatched: list[str] = field(default_factory=list)
    autograded_max: float = 0.0
    """Points of the autograded test cells."""
    total_max: float = 0.0
    """Points of the autograded and the manually graded cells (nbgrader's ``max_score``)."""


def _register_assignment(course: Path, slug: str) -> None:
    """Store the module's cells in the course gradebook (release written aside, never over
    the committed student release)."""
    generate_assignment(course, slug, release_dir=course / ".grading" / "release")


def _roster(course: Path) -> list[str]:
    """Students known to the gradebook (``nbgrader db student add/import``), if any."""
    from nbgrader.api import Gradebook

    if not (course / "gradebook.db").is_file():
        return []
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return [s.id for s in gb.students]


def _score(course: Path, slug: str, student: str, tests: set[str]) -> float:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            sub = gb.find_submission(slug, student)
        except MissingEntry:
            return 0.0
        return float(
            sum(g.score or 0 for nb in sub.notebooks for g in nb.grades if g.name in tests)
        )


def _classify(res: ShadowResult, limits: Limits, note: str) -> tuple[Status, str]:
    """Status and Spanish reason of one autograde (``note``: what the pre-check fixed)."""
    notes = [note] if note else []
    if res.tree_limit == "procesos":
        return Status.OVER_PROCESSES, (
            f"la entrega lanzó más de {limits.processes} procesos a la vez; se detuvo y no se "
            "calificó"
        )
    if res.tree_limit == "memoria":
        return Status.OVER_MEMORY, (
            f"el kernel y sus procesos superaron {limits.memory_mb} MB de memoria juntos; se "
            "detuvo y no se calificó"
        )
    if res.wall_timeout:
        return Status.TIMED_OUT, f"superó {limits.notebook_timeout} s en total; no se calificó"
    if res.returncode != 0:
        if res.memory_error:
            return Status.OVER_MEMORY, f"el kernel superó {limits.memory_mb} MB de memoria y murió"
        if res.stuck_cell:
            return Status.TIMED_OUT, (
                f"una celda siguió ejecutándose después de {limits.cell_timeout} s sin responder "
                "a la interrupción (¿ignora SIGINT?); no se calificó"
            )
        if res.kernel_died:
            return Status.KERNEL_DIED, (
                "el kernel terminó antes de acabar (os._exit, una señal o un fallo fuera de "
                "Python); no se calificó"
            )
        tail = " | ".join(res.output.strip().splitlines()[-3:])
        return Status.FAILED, f"nbgrader no pudo calificar: {tail[:300]}"
    if res.output_truncated:
        notes.append(f"salida recortada a {limits.output_lines} líneas por celda")
    if res.memory_error:
        notes.append(f"MemoryError: una celda superó {limits.memory_mb} MB")
        return Status.OVER_MEMORY, "; ".join(notes)
    if res.timed_out_cells:
        notes.append(
            f"celdas interrumpidas tras {limits.cell_timeout} s: {', '.join(res.timed_out_cells)}; "
            "el resto se calificó"
        )
        return Status.TIMED_OUT, "; ".join(notes)
    return Status.GRADED, "; ".join(notes)


def _scan(folder: Path, name: str, source: Any) -> list[str]:
    """Static findings of a gradable submission (Spanish, one per suspicious construct)."""
    return [str(f) for f in scan_submission(nbio.read(folder / name), source)]


REVIEW_SHOWN = 4


def _review(res: ShadowResult, static: list[str], accepted: bool) -> tuple[bool, str]:
    """(withhold the score?, Spanish note) from the static scan and the kernel guards."""
    notebook = next((res.shadow / "autograded" / res.student).glob("*/*.ipynb"), None)
    guards = notebook_findings(nbio.read(notebook)) if notebook is not None else []
    if guards is None:
        guards = ["no se pudo comprobar la integridad del kernel (faltan las celdas de control)"]
    findings = [*guards, *static]
    if not findings:
        return False, ""
    shown = "; ".join(findings[:REVIEW_SHOWN])
    more = len(findings) - REVIEW_SHOWN
    if more > 0:
        shown += f"; y {more} más"
    if accepted:
        return False, f"aceptada tras revisión manual ({shown})"
    return True, (
        f"puntaje retenido: {shown}. Revisa el notebook calificado en revision/ y, si es "
        "legítimo, recalifica con --accept-review"
    )


def _keep_for_review(course: Path, res: ShadowResult, slug: str) -> None:
    """Copy the autograded notebook where the instructor reviews it (never into the gradebook)."""
    src = res.shadow / "autograded" / res.student / slug
    dest = course / "revision" / slug / res.student
    if dest.exists():
        shutil.rmtree(dest)
    if src.exists():
        shutil.copytree(src, dest)


def grade_cohort(
    course: Path,
    slug: str,
    limits: Limits,
    workers: int = 2,
    on_progress: Callable[[StudentOutcome], None] | None = None,
    sandbox: bool = True,
    accept_review: frozenset[str] = frozenset(),
    force: bool = False,
    cluster: Any = None,
    project_criteria: list[str] | None = None,
) -> CohortRun:
    """Autograde every student folder in ``course/submitted`` for module ``slug``.

    Students whose submission, module source, limits and sandbox setting are unchanged since the
    last run are not graded again, unless ``force``. Each student is committed to the gradebook
    and the state file as soon as their autograde ends. Each kernel runs in a sandbox
    (:mod:`.sandbox`); ``sandbox=False`` is the instructor's explicit ``--unsafe-no-sandbox``.
    A submission whose code or kernel looks tampered with is graded but its score withheld
    (status "revisión manual") unless the student is in ``accept_review``.

    With ``cluster`` (a Dask scheduler address such as ``tcp://host:8786``, or a ``distributed``
    cluster object), each autograde runs on a worker of that cluster instead of this machine
    (:mod:`.cluster`); everything else (state, merge, gradebook, reports) stays here, as it is.

    A module with the capstone's ``proyecto-verificador`` task (17) also checks the project each
    student submitted (``churn-project.tar.gz``) in a sandbox and writes its points and reasons
    into that task (:mod:`.capstone_grade`); ``project_criteria`` limits the criteria (tests).

    Raises:
        ValueError: if the course has no source for ``slug``.
        SandboxUnavailable: if ``sandbox`` and this machine cannot start one (nothing graded).
        ClusterError: if ``cluster`` cannot grade (unreachable, no workers, another environment).
    """
    if sandbox and cluster is None:
        require_sandbox()  # on a cluster, each worker checks its own before grading
    source_dir = course / "source" / slug
    source_path = source_dir / f"{slug}.ipynb"
    if not source_path.is_file():
        raise ValueError(f"el curso {course} no tiene el módulo {slug} en source/")
    source = read_notebook(source_path)
    tests = set(graded_test_ids(source))
    max_score = autograded_max(source)
    source_digest = source_path.read_bytes()
    fingerprint = limits.fingerprint(sandbox)
    state = GradingState(course / ".grading" / "state.json")
    run = CohortRun(slug, autograded_max=max_score, total_max=total_max(source))
    students = sorted(
        set(_roster(course))
        | {p.parent.name for p in (course / "submitted").glob(f"*/{slug}") if p.is_dir()}
    )
    pending: list[tuple[str, str, str, list[str]]] = []  # student, digest, note, static scan
    registered = False
    for student in students:
        folder = course / "submitted" / student / slug
        check = check_submission(folder, f"{slug}.ipynb")
        digest = folder_digest(folder, source_digest)
        previous = state.get(slug, student)
        if (
            not force
            and previous is not None
            and (previous.digest, previous.limits) == (digest, fingerprint)
            and not (previous.status is Status.REVIEW and student in accept_review)
        ):
            run.outcomes.append(previous)
            run.reused.append(student)
            continue
        note = check.reason  # on a gradable submission: renamed, converted, repaired
        if not check.gradable:
            assert check.status is not None
            outcome = StudentOutcome(
                slug, student, check.status, check.reason, 0.0, max_score, digest, fingerprint
            )
            state.record(outcome)
            run.outcomes.append(outcome)
            run.reported.append(student)
            continue
        if not registered:
            _register_assignment(course, slug)
            registered = True
        pending.append((student, digest, note, _scan(folder, f"{slug}.ipynb", source)))
    shadows = course / ".grading" / "shadows" / slug
    remote = ClusterGrader.connect(cluster) if cluster is not None and pending else None
    grade = remote.grade if remote is not None else grade_in_shadow
    # Built once, copied per student (on a cluster, each worker uses its own cache).
    project_base = reference_base(slug) if pending and remote is None else None
    task_points = project_task_points(source)
    if task_points is not None and pending and sandbox:
        require_sandbox()  # the project check runs here, even when autograde runs on a cluster

    def job(shadow: Path, student: str) -> tuple[ShadowResult, ProjectGrade | None]:
        res = grade(shadow, slug, student, limits, sandbox, project_base)
        if task_points is None:
            return res, None
        # The project the student submitted beside the notebook, checked in its own sandbox.
        try:
            project = grade_submitted_project(
                course / "submitted" / student / slug,
                course / "reports" / slug / REPORTS / student,
                task_points,
                sandbox=sandbox,
                criteria=project_criteria,
            )
        except Exception as error:  # a student's archive never stops the cohort's grading
            project = failed_check(task_points, error)
        return res, project

    pool = ThreadPoolExecutor(max_workers=remote.slots if remote else max(1, workers))
    try:
        futures: dict[
            Future[tuple[ShadowResult, ProjectGrade | None]], tuple[str, str, str, list[str]]
        ] = {}
        for student, digest, note, static in pending:
            shadow = shadows / student
            prepare_shadow(course, slug, student, shadow, limits)
            futures[pool.submit(job, shadow, student)] = (
                student, digest, note, static,
            )  # fmt: skip
        for future in as_completed(futures):
            student, digest, note, static = futures[future]
            res, project = future.result()
            status, reason = _classify(res, limits, note)
            score = 0.0
            if status.scored and res.returncode == 0:
                withhold, review = _review(res, static, student in accept_review)
                if withhold:
                    _keep_for_review(course, res, slug)
                    status = Status.REVIEW
                reason = "; ".join(r for r in (reason, review) if r)
            scored = status.scored and res.returncode == 0
            if scored:
                merge_shadow(course, res.shadow, slug, student)
                score = _score(course, slug, student, tests)
                if project is not None:
                    record_project_grade(course, slug, student, project)
            if project is not None:
                reason = "; ".join(r for r in (reason, project.summary) if r)
            outcome = StudentOutcome(
                slug, student, status, reason, score, max_score, digest, fingerprint, scored
            )
            state.record(outcome)
            shutil.rmtree(res.shadow, ignore_errors=True)
            run.outcomes.append(outcome)
            run.autograded.append(student)
            if on_progress is not None:
                on_progress(outcome)
    except BaseException:
        # Interrupted (Ctrl-C) or failed: what is committed stays; running kernels are killed.
        pool.shutdown(wait=False, cancel_futures=True)
        kill_running()
        if remote is not None:
            remote.close()
        raise
    pool.shutdown(wait=True)
    if remote is not None:
        remote.close()
    run.outcomes.sort(key=lambda o: o.student)
    return run


def feedback_and_export(course: Path, slug: str, csv_path: Path) -> None:
    """Generate feedback HTML for every graded student of ``slug`` and export all grades.

    The CSV is ``nbgrader export``'s, completed from the grading state (:mod:`.export`): every
    enrolled student of every module, with status, autograded points, both maxima and reason.
    Feedback is generated only when some student of ``slug`` has a grade.

    Raises:
        RuntimeError: if nbgrader fails.
    """
    state = GradingState(course / ".grading" / "state.json")
    if any(o.scored for o in state.outcomes() if o.module == slug):
        fb = run_nbgrader(course, ["generate_feedback", slug, "--force"], timeout=1800)
        if fb.returncode != 0:
            raise RuntimeError(f"nbgrader generate_feedback falló:\n{fb.output[-2000:]}")
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    ex = run_nbgrader(course, ["export", "--to", str(csv_path.resolve())], timeout=600)
    if ex.returncode != 0 or not csv_path.is_file():
        raise RuntimeError(f"nbgrader export falló:\n{ex.output[-2000:]}")
    header, rows = read_csv(csv_path)
    outcomes = state.outcomes()
    modules = {r["assignment"] for r in rows} | {o.module for o in outcomes}
    roster = set(_roster(course))
    enrolled = {
        m: roster | {p.parent.name for p in (course / "submitted").glob(f"*/{m}") if p.is_dir()}
        for m in modules
    }
    maxima: dict[str, tuple[float, float]] = {}
    for module in modules:
        source_path = course / "source" / module / f"{module}.ipynb"
        if source_path.is_file():
            source = read_notebook(source_path)
            maxima[module] = (autograded_max(source), total_max(source))
    write_csv(csv_path, *complete_export(header, rows, outcomes, enrolled, maxima))
