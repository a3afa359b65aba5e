"""The kernel walk, as a papermill engine (``mlops-walk``).

Papermill executes the solution notebook as usual (parameters injected, outputs saved). After the
last test cell of each exercise, the engine branches: for each variant of the exercise (the
release stub and every mutant) it puts the notebook namespace back as it was before the answer
cell, runs the variant and the exercise's segment (its test cells, hidden tests included, and any
code cell between them), and scores every test cell with nbgrader's own ``determine_grade``.

After each branch, the process state (modules, builtins, environment, working directory, IPython
hooks …) and the workspace files are compared with the solution's own run. A control runs the
reference answer and its tests again and must score full marks: at once when that comparison
shows a change (or in a strict re-walk), and otherwise once after the exercise's last variant,
which also puts the reference answer back for the cells that follow (ADR-0007). A failing control
withdraws the verdicts taken since the last passing one, and those variants are walked again,
each followed by its own control.

A variant is replayed in a fresh kernel, with a fresh workspace, from the first cell (the answer
replaced by the variant) when the exercise is marked ``walk="fresh-kernel"`` in the text source,
when its own control fails, when the kernel dies, or when the variant changed process or file
state that the control does not undo; after such a change the walked kernel itself is rebuilt
(restarted and re-run up to the current cell) before the walk goes on.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import nbformat
import psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbclient.util import run_sync
from nbgrader.utils import determine_grade
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine
from traitlets import Any as AnyTrait
from traitlets import Unicode

from mlops_course.machinery.memory import tree_memory
from mlops_course.machinery.verify.outcome import VariantResult, WalkResult
from mlops_course.machinery.verify.plan import PlannedExercise, Variant, VariantKind, WalkPlan

KERNEL_SIDE = "__import__('mlops_course.machinery.verify.kernel_side', fromlist=['_'])"
ERROR_ON_TIMEOUT = {
    "ename": "CellTimeoutError",
    "evalue": "",
    "traceback": ["CellTimeoutError: la celda no terminó antes del límite de tiempo"],
}
VOLATILE_DIRS = {
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".ipynb_checkpoints",
    ".hypothesis",
}
HASH_LIMIT = 4 * 2**20
WORKSPACE_MARKER = ".mlops-walk-workspace"
"""File the walk runner puts in the workspace it owns: only such a folder is ever wiped."""


def walk_workspace() -> Path | None:
    """The private workspace the runner made for this walk (``None`` if there is none)."""
    value = os.environ.get("MLOPS_WORKSPACE", "")
    path = Path(value) if value else None
    return path if path is not None and (path / WORKSPACE_MARKER).is_file() else None


def wipe_workspace(path: Path) -> None:
    """Empty a walk's own workspace (refuses any folder without the runner's marker)."""
    if not (path / WORKSPACE_MARKER).is_file():
        raise RuntimeError(f"{path} no es un workspace del recorrido: no se borra nada")
    for child in path.iterdir():
        if child.name == WORKSPACE_MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def tree_state(root: Path) -> dict[str, str]:
    """Each file under ``root`` → its size and (up to 4 MB) content digest.

    Caches that tools rewrite on every run (``__pycache__``, ``.mypy_cache`` …) are left out.
    """
    state: dict[str, str] = {}
    if not root.is_dir():
        return state
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in VOLATILE_DIRS)
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name == WORKSPACE_MARKER:
                continue
            try:
                size = path.stat().st_size
                content = (
                    hashlib.sha256(path.read_bytes()).hexdigest()
                    if size <= HASH_LIMIT and not path.is_symlink()
                    else ""
                )
            except OSError:
                continue
            state[path.relative_to(root).as_posix()] = f"{size}:{content}"
    return state


SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _family(path: str) -> str:
    """An SQLite database and its WAL/shared-memory/journal files are one thing: when SQLite
    checkpoints is up to it, so which of them changed says nothing."""
    for suffix in SQLITE_SIDE_FILES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def changed_files(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Files added, removed or changed between two :func:`tree_state` readings (an SQLite
    database's side files are reported under the database's name)."""
    return sorted({_family(p) for p in set(before) | set(after) if before.get(p) != after.get(p)})


def score_cell(cell: Any, cell_id: str, points: float) -> float:
    """nbgrader's score of an executed test cell (0 on an error or stderr output)."""
    node = nbformat.from_dict(  # type: ignore[no-untyped-call]
        {
            "cell_type": "code",
            "source": cell.get("source", ""),
            "outputs": cell.get("outputs", []),
            "metadata": {
                "nbgrader": {
                    "grade": True,
                    "solution": False,
                    "points": points,
                    "grade_id": cell_id,
                }
            },
        }
    )
    score, _ = determine_grade(node)
    return float(score or 0.0)


def _note_error_reply(cell: Any, execute_reply: dict[str, Any], **_: Any) -> None:
    """As nbgrader's Execute: an error reply without an error output (a timeout) becomes one."""
    content = execute_reply.get("content", {})
    if content.get("status") != "error":
        return
    if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
        return
    cell.outputs.append(
        nbformat.from_dict(  # type: ignore[no-untyped-call]
            {
                "output_type": "error",
                "ename": content.get("ename", "Error"),
                "evalue": content.get("evalue", ""),
                "traceback": content.get("traceback") or ["error"],
            }
        )
    )


class _Unstable(Exception):
    """The walked kernel can no longer stand for a fresh run (state changed, control failed)."""


def _check_changes(process: set[str], files: set[str]) -> None:
    """Raise :class:`_Unstable` naming what a variant changed that the solution does not."""
    if process:
        raise _Unstable("cambió el estado del proceso: " + "; ".join(sorted(process)[:3]))
    if files:
        raise _Unstable(
            "cambió archivos del workspace que la solución no restaura: "
            + ", ".join(sorted(files)[:3])
        )


class _MemorySampler:
    """Peak resident memory of one process tree (the walked kernel), sampled in a thread."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self.peak = 0
        self.counting = False
        """Only samples taken while this is set count (the solution's own cells)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            if self.pid is None or not self.counting:
                continue
            try:
                proc = psutil.Process(self.pid)
                total = tree_memory([proc, *proc.children(recursive=True)])
            except psutil.Error:
                continue
            self.peak = max(self.peak, total)


class WalkClient(PapermillNotebookClient):  # type: ignore[misc]
    """Papermill's client, plus the branches of the walk after each exercise."""

    walk_plan = AnyTrait(None, allow_none=True)
    walk_result_path = Unicode("")

    def __init__(self, nb_man: Any, km: Any = None, **kw: Any) -> None:
        super().__init__(nb_man, km=km, **kw)
        self.on_cell_executed = _note_error_reply
        self.interrupt_on_timeout = True
        self.error_on_timeout = dict(ERROR_ON_TIMEOUT)
        self._result = WalkResult(module="")
        self._complete = False
        self._sampler: _MemorySampler | None = None

    # -- kernel helpers --------------------------------------------------------------------

    def _kernel_pid(self) -> int | None:
        provisioner = getattr(self.km, "provisioner", None)
        pid = getattr(provisioner, "pid", None)
        return int(pid) if pid else None

    def _call(self, code: str, expression: str | None = None) -> Any:
        """Run ``code`` silently in the walked kernel; return ``expression``'s value, if any."""
        assert self.kc is not None
        expressions = {"value": expression} if expression else {}
        msg_id = self.kc.execute(
            code, silent=True, store_history=False, user_expressions=expressions
        )
        reply = self.wait_for_reply(msg_id)
        if reply is None or reply["content"].get("status") != "ok":
            detail = "" if reply is None else reply["content"].get("evalue", "")
            raise RuntimeError(f"la petición interna del recorrido falló: {detail}")
        if not expression:
            return None
        value = reply["content"]["user_expressions"]["value"]
        if value.get("status") != "ok":
            raise RuntimeError(f"la expresión interna del recorrido falló: {value.get('evalue')}")
        return ast.literal_eval(value["data"]["text/plain"])

    def _run_transient(self, source: str, index: int) -> Any:
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["raises-exception"]})  # type: ignore[no-untyped-call]
        kept = self.nb.cells[index]
        try:
            self.execute_cell(cell, index)
        finally:
            self.nb.cells[index] = kept  # nbclient stores the executed cell in the notebook
        return cell

    # -- the walk --------------------------------------------------------------------------

    def papermill_execute_cells(self) -> None:
        plan: WalkPlan = self.walk_plan
        self._result = WalkResult(module=plan.module)
        self._complete = plan.complete
        index_of = {str(c.get("id")): i for i, c in enumerate(self.nb.cells)}
        starts = {p.exercise.answer_id: p for p in plan.exercises}
        ends = {p.exercise.segment[-1]: p for p in plan.exercises}
        began = time.perf_counter()
        with _MemorySampler() as sampler:
            self._sampler = sampler
            sampler.pid = self._kernel_pid()
            for index, cell in enumerate(self.nb.cells):
                cell_id = str(cell.get("id"))
                if cell_id in starts and not starts[cell_id].exercise.fresh_kernel:
                    self._call(f"{KERNEL_SIDE}.snapshot('pre')")
                    if not plan.mutants:
                        try:
                            self._stubs_first(starts[cell_id], index_of)
                        except Exception as exc:  # never lose what was observed so far
                            self._result.error = f"el recorrido falló en '{cell_id}': {exc!r}"[:500]
                            break
                started = time.perf_counter()
                sampler.counting = True
                try:
                    self.nb_man.cell_start(cell, index)
                    self.execute_cell(cell, index)
                except CellExecutionError as exc:
                    self.nb_man.cell_exception(
                        self.nb.cells[index], cell_index=index, exception=exc
                    )
                    self._result.error = f"celda {cell_id}: {exc.ename}: {exc.evalue}"[:500]
                    break
                finally:
                    sampler.counting = False
                    self.nb_man.cell_complete(self.nb.cells[index], cell_index=index)
                    elapsed = time.perf_counter() - started
                    self._result.notebook_seconds += elapsed
                    if elapsed > self._result.slowest_cell_seconds:
                        self._result.slowest_cell = cell_id
                        self._result.slowest_cell_seconds = round(elapsed, 2)
                if cell_id in ends:
                    try:
                        self._walk_exercise(ends[cell_id], index_of)
                    except Exception as exc:  # never lose what was observed so far
                        self._result.error = f"el recorrido falló en '{cell_id}': {exc!r}"[:500]
                    if self._result.error:
                        break
            self._result.peak_kernel_mb = round(sampler.peak / 2**20, 1)
        self._result.walk_seconds = round(time.perf_counter() - began, 2)
        self._result.notebook_seconds = round(self._result.notebook_seconds, 2)
        if self.walk_result_path:
            Path(self.walk_result_path).write_text(self._result.to_json(), encoding="utf-8")

    def _scores(self, planned: PlannedExercise, cells: dict[str, Any]) -> dict[str, float]:
        return {
            t.cell_id: score_cell(cells[t.cell_id], t.cell_id, t.points)
            if t.cell_id in cells
            else 0.0
            for t in planned.exercise.tests
        }

    def _walk_exercise(self, planned: PlannedExercise, index_of: dict[str, int]) -> None:
        ex = planned.exercise
        executed = {cid: self.nb.cells[index_of[cid]] for cid in ex.segment}
        main = self._scores(planned, executed)
        self._result.main[ex.answer_id] = main
        if any(main[t.cell_id] < t.points for t in ex.tests):
            return  # reported by the verdicts; variants are meaningless without a passing solution
        if ex.fresh_kernel:
            for variant in planned.variants:
                self._record_replay(planned, variant, index_of, "ejercicio marcado fresh-kernel")
            return
        if not self.walk_plan.mutants:
            return  # the light walk branched its stubs before the reference answer ran
        workspace = walk_workspace()
        if workspace is None:
            self._result.error = "el recorrido necesita un workspace propio (MLOPS_WORKSPACE)"
            return
        suspects = self._walk_variants(planned, list(planned.variants), index_of, workspace, False)
        if suspects and not self._result.error:
            # A control failed (or the kernel died) before these verdicts were vouched for: some
            # variant may have left state the fingerprint cannot see (an object mutated in place,
            # a cache filled with wrong values). Walk them again, each followed by its control.
            self._result.rechecks += 1
            self._walk_variants(planned, suspects, index_of, workspace, True)

    def _stubs_first(self, planned: PlannedExercise, index_of: dict[str, int]) -> None:
        """The light walk (ADR-0015): branch each variant (the release stub) just before the
        reference answer runs for the first time, then restore the namespace; the main run that
        follows is the control. The stub meets what an untouched release meets at that cell
        (earlier exercises solved, nothing of this one run yet), and no control re-runs tests."""
        for variant in planned.variants:
            started = time.perf_counter()
            scores = self._scores(planned, self._branch(planned, variant.code, index_of, variant))
            self._call(f"{KERNEL_SIDE}.restore('pre')")
            self._record(planned, variant, scores, "", started)

    def _record(
        self,
        planned: PlannedExercise,
        variant: Variant,
        scores: dict[str, float],
        reason: str,
        started: float,
    ) -> VariantResult:
        """Store the verdict of ``variant`` (walked since ``started``, a perf_counter value)."""
        result = VariantResult(
            planned.exercise.answer_id,
            variant.kind,
            variant.name,
            variant.breaks,
            scores,
            reason,
            round(time.perf_counter() - started, 2),
        )
        self._result.variants.append(result)
        return result

    def _walk_variants(
        self,
        planned: PlannedExercise,
        variants: list[Variant],
        index_of: dict[str, int],
        workspace: Path,
        strict: bool,
    ) -> list[Variant]:
        """Branch every variant in the walked kernel; return those to walk again strictly.

        After each branch the process fingerprint and the workspace files are compared with the
        solution's run (cheap). When they differ, or when ``strict``, the control runs at once; a
        change the control does not undo sends the variant to a fresh kernel. Otherwise one
        closing control after the last variant puts the reference answer back for the cells that
        follow. A control that fails withdraws the verdicts of the variants walked since the
        last passing one: they are returned, to be walked again each with its own control.
        """
        ex = planned.exercise
        last = index_of[ex.segment[-1]]
        suspects: list[Variant] = []
        unvouched: list[tuple[Variant, VariantResult]] = []

        def withdraw() -> None:
            for variant, result in unvouched:
                self._result.variants.remove(result)
                suspects.append(variant)
            unvouched.clear()

        baseline = self._baseline(planned, index_of, workspace)
        closing = False  # the namespace holds a variant's names, not the reference answer's
        for variant in variants:
            if baseline is None:  # the reference answer itself cannot be re-run in this kernel
                self._record_replay(
                    planned, variant, index_of, "la solución no es repetible en el mismo kernel"
                )
                continue
            files, own_changes, own_files = baseline
            started = time.perf_counter()
            try:
                try:
                    scores = self._scores(
                        planned, self._branch(planned, variant.code, index_of, variant)
                    )
                except Exception as exc:  # a dead or unusable kernel
                    raise _Unstable(f"el kernel dejó de responder ({type(exc).__name__})") from exc
                changes, touched = self._state_changes(files, workspace)
                closing = True
                if strict or (changes - own_changes) or (touched - own_files):
                    changes, touched = self._control(planned, index_of, files, workspace)
                    closing = False
                    unvouched.clear()  # the control passed: the verdicts so far stand
                    _check_changes(changes - own_changes, touched - own_files)
            except _Unstable as exc:
                # The walked kernel no longer stands for a fresh run: this variant is graded
                # from scratch, and the walk goes on in a rebuilt kernel.
                withdraw()
                self._record_replay(planned, variant, index_of, str(exc))
                self._rebuild(last, workspace)
                if self._result.error:
                    return []
                baseline = self._baseline(planned, index_of, workspace)
                closing = False
                continue
            result = self._record(planned, variant, scores, "", started)
            if closing:  # no control after this variant yet
                unvouched.append((variant, result))
        if baseline is None:  # the failed control left the kernel in an unknown state
            self._rebuild(last, workspace)
        elif closing:
            files, own_changes, own_files = baseline
            try:
                changes, touched = self._control(planned, index_of, files, workspace)
                _check_changes(changes - own_changes, touched - own_files)
            except _Unstable:
                withdraw()
                self._rebuild(last, workspace)
        return [] if self._result.error else suspects

    def _baseline(
        self, planned: PlannedExercise, index_of: dict[str, int], workspace: Path
    ) -> tuple[dict[str, str], set[str], set[str]] | None:
        """Fingerprint the main run, then learn what re-running the reference answer changes by
        itself (an SQLite store that grows, a tool's module-level cache): such changes are not
        blamed on the variants. ``None`` when the reference answer cannot be re-run here."""
        self._call(f"{KERNEL_SIDE}.fingerprint('main')")
        files = tree_state(workspace)
        try:
            own_changes, own_files = self._control(planned, index_of, files, workspace)
        except _Unstable:
            return None
        return files, own_changes, own_files

    def _control(
        self,
        planned: PlannedExercise,
        index_of: dict[str, int],
        files: dict[str, str],
        workspace: Path,
    ) -> tuple[set[str], set[str]]:
        """Run the reference answer and its tests again; return what differs from the main run.

        Raises:
            _Unstable: if the tests do not score full marks again or the kernel stops answering.
        """
        ex = planned.exercise
        self._result.controls += 1
        try:
            control = self._scores(planned, self._branch(planned, None, index_of))
            if any(control[t.cell_id] < t.points for t in ex.tests):
                raise _Unstable("el control (la solución de nuevo) no obtuvo la nota máxima")
        except _Unstable:
            raise
        except Exception as exc:  # a dead or unusable kernel
            raise _Unstable(f"el kernel dejó de responder ({type(exc).__name__})") from exc
        return self._state_changes(files, workspace)

    def _state_changes(self, files: dict[str, str], workspace: Path) -> tuple[set[str], set[str]]:
        """Process-state differences from the solution's run, and workspace files changed."""
        try:
            changes = set(json.loads(self._call("", f"{KERNEL_SIDE}.compare('main')")))
        except Exception as exc:  # a dead or unusable kernel
            raise _Unstable(f"el kernel dejó de responder ({type(exc).__name__})") from exc
        return changes, set(changed_files(files, tree_state(workspace)))

    def _branch(
        self,
        planned: PlannedExercise,
        answer: str | None,
        index_of: dict[str, int],
        variant: Variant | None = None,
    ) -> dict[str, Any]:
        """Restore the namespace to before the answer cell and run the segment with ``answer``.

        For a mutant (unless the plan is ``complete``) the segment stops once every requirement
        the mutant declares has a failing test that declares it: the cells left could only add
        failures its verdict does not need (tests not run score 0).
        """
        self._call(f"{KERNEL_SIDE}.restore('pre')")
        pending = set()
        if variant is not None and variant.kind is VariantKind.MUTANT and not self._complete:
            pending = set(variant.breaks)
        tests = {t.cell_id: t for t in planned.exercise.tests}
        cells: dict[str, Any] = {}
        for position, cell_id in enumerate(planned.exercise.segment):
            original = self.nb.cells[index_of[cell_id]]
            if original.cell_type != "code":
                continue
            source = answer if position == 0 and answer is not None else original.source
            cells[cell_id] = self._run_transient(source, index_of[cell_id])
            test = tests.get(cell_id)
            if pending and test is not None:
                if score_cell(cells[cell_id], cell_id, test.points) < test.points:
                    pending -= set(test.requirements)
                if not pending:
                    break
        return cells

    def _record_replay(
        self, planned: PlannedExercise, variant: Variant, index_of: dict[str, int], reason: str
    ) -> None:
        started = time.perf_counter()
        scores = self._replay(planned, variant, index_of)
        self._record(planned, variant, scores, reason, started)

    def _replay(
        self, planned: PlannedExercise, variant: Variant, index_of: dict[str, int]
    ) -> dict[str, float]:
        """Grade ``variant`` as a fresh submission: new kernel, new workspace, from cell 0."""
        ex = planned.exercise
        end = index_of[ex.segment[-1]]
        cells = [copy.deepcopy(c) for c in self.nb.cells[: end + 1]]
        cells[index_of[ex.answer_id]].source = variant.code
        for cell in cells:
            if cell.cell_type == "code":
                cell.outputs = []
        nb = nbformat.v4.new_notebook(cells=cells, metadata=copy.deepcopy(self.nb.metadata))  # type: ignore[no-untyped-call]
        executed: set[int] = set()

        def note(cell: Any, cell_index: int, execute_reply: dict[str, Any], **_: Any) -> None:
            executed.add(cell_index)
            _note_error_reply(cell, execute_reply)

        with tempfile.TemporaryDirectory(prefix="walk-replay-") as workspace:
            client = NotebookClient(
                nb,
                kernel_name=self.kernel_name,
                timeout=self.timeout,
                startup_timeout=self.startup_timeout,
                allow_errors=True,
                interrupt_on_timeout=True,
                error_on_timeout=dict(ERROR_ON_TIMEOUT),
                on_cell_executed=note,
                resources={"metadata": {"path": os.getcwd()}},
            )
            # A dead kernel ends the run: the cells it never executed score 0 below.
            with contextlib.suppress(Exception):
                client.execute(env=dict(os.environ, MLOPS_WORKSPACE=workspace))
        graded = {cid: nb.cells[index_of[cid]] for cid in ex.segment if index_of[cid] in executed}
        return self._scores(planned, graded)

    def _rebuild(self, upto: int, workspace: Path) -> None:
        """Replace the walked kernel by a fresh one that has run cells ``0..upto`` again."""
        assert self.km is not None and self.kc is not None
        wipe_workspace(workspace)
        run_sync(self.km.restart_kernel)(now=True)
        run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
        if self._sampler is not None:
            self._sampler.pid = self._kernel_pid()
        starts = {p.exercise.answer_id for p in self.walk_plan.exercises}
        for index in range(upto + 1):
            cell = self.nb.cells[index]
            if cell.cell_type != "code":
                continue
            if str(cell.get("id")) in starts:
                self._call(f"{KERNEL_SIDE}.snapshot('pre')")
            copy_cell = self._run_transient(cell.source, index)
            if any(o.get("output_type") == "error" for o in copy_cell.outputs):
                self._result.error = (
                    f"al reconstruir el kernel del recorrido, la celda {cell.get('id')} falló"
                )
                break
        self._result.rebuilds += 1


class WalkEngine(NBClientEngine):  # type: ignore[misc]
    """Papermill engine ``mlops-walk``: executes the notebook and walks every exercise."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        walk_plan: WalkPlan | None = None,
        walk_result_path: str = "",
        **kwargs: Any,
    ) -> Any:
        """Run the walk; without a plan, behave exactly as papermill's nbclient engine."""
        if walk_plan is None:
            return super().execute_managed_notebook(
                nb_man,
                kernel_name,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                start_timeout=start_timeout,
                execution_timeout=execution_timeout,
                **kwargs,
            )
        kwargs.pop("input_path", None)
        kwargs.pop("timeout", None)
        kwargs.pop("startup_timeout", None)
        client = WalkClient(
            nb_man,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            walk_plan=walk_plan,
            walk_result_path=walk_result_path,
            **kwargs,
        )
        return client.execute()
