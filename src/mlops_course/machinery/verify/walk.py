"""Walk one module: run its solution through papermill's ``mlops-walk`` engine in a child process.

The child gets a private workspace (``MLOPS_WORKSPACE``), ``NBGRADER_EXECUTION=autograde`` as under
nbgrader, the module's CI parameters and the course's cell timeout. It writes the executed
notebook and ``walk.json`` (what the walk observed) under ``out_dir/<slug>/``.

``python -m mlops_course.machinery.verify.walk PLAN RESULT INPUT OUTPUT PARAMS TIMEOUT CWD`` is
the child's command line (internal).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.build.nbgrader_settings import DEFAULT_CELL_TIMEOUT
from mlops_course.machinery.procenv import available_cpus, run_tool, tool_env
from mlops_course.machinery.verify.engine import WORKSPACE_MARKER
from mlops_course.machinery.verify.outcome import WalkResult, problems
from mlops_course.machinery.verify.plan import WalkPlan, build_plan

ENGINE = "mlops-walk"


@dataclass
class ModuleWalk:
    """A module's walk: its plan, what was observed, the verdicts and the wall time."""

    plan: WalkPlan
    result: WalkResult
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every promise the walk checks was kept."""
        return not self.problems

    @property
    def checked(self) -> int:
        """Variants (stubs and mutants) checked."""
        return len(self.result.variants)


def walk_module(
    root: Path,
    module: Module,
    out_dir: Path,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    in_process: bool = False,
    complete: bool = False,
    mutants: bool = True,
) -> ModuleWalk:
    """Walk ``module`` of the course at ``root``; executed files go to ``out_dir/<slug>/``.

    ``complete`` runs every test of every mutant (see :class:`WalkPlan`); the audit needs it.
    ``mutants=False`` is the light walk: the solution and the release stubs only (ADR-0015).

    The engine runs in a child process, so that walks of several modules run side by side;
    ``in_process=True`` runs it in this process instead (the kernels are separate processes
    either way), which is what the tests of the engine itself use.
    """
    plan = dataclasses.replace(build_plan(root, module, mutants=mutants), complete=complete)
    target = out_dir / module.slug
    target.mkdir(parents=True, exist_ok=True)
    plan_file = target / "plan.json"
    plan_file.write_text(plan.to_json(), encoding="utf-8")
    result_file = target / "walk.json"
    result_file.unlink(missing_ok=True)
    params = target / "parameters.yaml"
    params.write_text(yaml.safe_dump(module.ci_parameters()), encoding="utf-8")
    notebook = root / "solutions" / module.slug / module.notebook_name
    warm_project_cache(module)
    started = time.perf_counter()
    output = ""
    with tempfile.TemporaryDirectory(prefix=f"walk-{module.slug}-") as tmp:
        workspace = Path(tmp) / "workspace"
        cwd = Path(tmp) / "cwd"
        workspace.mkdir()
        (workspace / WORKSPACE_MARKER).write_text("recorrido\n", encoding="utf-8")
        cwd.mkdir()
        args = [
            str(plan_file), str(result_file), str(notebook), str(target / module.notebook_name),
            str(params), str(cell_timeout), str(cwd),
        ]  # fmt: skip
        extra = {"MLOPS_WORKSPACE": str(workspace), "NBGRADER_EXECUTION": "autograde"}
        if in_process:
            with _environment(extra):
                code = run_walk(args)
        else:
            cmd = [sys.executable, "-m", "mlops_course.machinery.verify.walk", *args]
            env = {**tool_env(), **extra}
            proc = run_tool(cmd, env=env)
            code, output = proc.returncode, proc.stdout + proc.stderr
        keep_project(workspace, target / PROJECT_COPY)
    seconds = time.perf_counter() - started
    if result_file.is_file():
        result = WalkResult.from_json(result_file.read_text(encoding="utf-8"))
    else:
        tail = " | ".join(output.strip().splitlines()[-4:])
        result = WalkResult(module=module.slug, error=f"el recorrido no terminó: {tail[:600]}")
    if code != 0 and not result.error:
        tail = " | ".join(output.strip().splitlines()[-3:])
        result.error = f"papermill terminó con código {code}: {tail[:600]}"
    return ModuleWalk(plan, result, problems(plan, result), round(seconds, 2))


def warm_project_cache(module: Module) -> None:
    """Build the cached checkpoint the module's ``ensure_project`` will restore, before the walk:
    building it (13-60 s) inside a cell could pass the cell's time limit; restoring takes ~1 s.
    Nothing to do for modules that build on no project or whose checkpoint is cached already."""
    from mlops_course.lessons.churn_project.cache import build_entry
    from mlops_course.lessons.churn_project.checkpoint import DEFAULT_ROWS, DEFAULT_SEED
    from mlops_course.lessons.churn_project.ensure import previous_layer

    try:
        previous = previous_layer(module.slug)
    except ValueError:
        return
    if previous is None:
        return
    ci = module.ci_parameters()
    build_entry(
        previous.module,
        int(ci.get("PROJECT_ROWS", DEFAULT_ROWS)),
        int(ci.get("SEED", DEFAULT_SEED)),
    )


PROJECT_COPY = "proyecto"
"""Where a walk keeps the churn project its solution left (``out_dir/<slug>/proyecto``)."""
_COPY_MARKER = ".copia-del-recorrido"


def keep_project(workspace: Path, target: Path) -> Path | None:
    """Copy the churn project the walked notebook left in ``workspace`` to ``target`` (a folder
    only walks write: a previous copy there is replaced); return the project, or None.

    The walk puts the reference answer back after every variant, so what it leaves is what the
    solution makes: the chain test compares it with the next reference checkpoint.

    Raises:
        FileExistsError: ``target`` exists and is not a copy made by a walk (never deleted).
    """
    from mlops_course.lessons.churn_project.cache import copy_project
    from mlops_course.lessons.churn_project.layers import PROJECT_DIR

    if not (workspace / PROJECT_DIR).is_dir():
        return None
    if target.exists():
        if not (target / _COPY_MARKER).is_file():
            raise FileExistsError(f"{target} existe y no es una copia del recorrido: no la borro.")
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / _COPY_MARKER).write_text("copia del proyecto tras el recorrido\n", encoding="utf-8")
    copy_project(workspace, target)
    return target / PROJECT_DIR


@contextlib.contextmanager
def _environment(extra: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def walk_modules(
    root: Path,
    only: list[str] | None = None,
    out_dir: Path | None = None,
    workers: int | None = None,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
) -> list[ModuleWalk]:
    """Walk every module (or ``only`` these), ``workers`` at a time (default: usable CPUs)."""
    modules = discover_modules(root / "content", only)
    out = (out_dir or root / "build" / "walk").resolve()
    count = max(1, min(workers or available_cpus(), len(modules) or 1))
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda m: walk_module(root, m, out, cell_timeout), modules))


def run_walk(argv: list[str]) -> int:
    """Execute the solution through papermill's ``mlops-walk`` engine (the child's work).

    ``argv``: plan file, result file, input notebook, output notebook, parameters file, cell
    timeout in seconds, working directory. Returns 1 when the solution itself fails.
    """
    import papermill
    from papermill.engines import papermill_engines

    from mlops_course.machinery.verify.engine import WalkEngine

    plan_file, result_file, notebook, output, params, timeout, cwd = argv
    papermill_engines.register(ENGINE, WalkEngine)
    plan = WalkPlan.from_json(Path(plan_file).read_text(encoding="utf-8"))
    parameters = yaml.safe_load(Path(params).read_text(encoding="utf-8")) or {}
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    try:
        papermill.execute_notebook(
            notebook,
            output,
            parameters=parameters,
            engine_name=ENGINE,
            kernel_name="python3",
            cwd=cwd,
            execution_timeout=int(timeout),
            progress_bar=False,
            log_output=False,
            walk_plan=plan,
            walk_result_path=result_file,
        )
    except papermill.PapermillExecutionError:
        return 1  # the walk result records the failing cell
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_walk(sys.argv[1:]))
