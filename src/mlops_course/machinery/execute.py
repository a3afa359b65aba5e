"""Execute every solution notebook with plain papermill and measure it (time, kernel memory).

Each notebook runs in its own ``papermill`` process (``-k python3``, CI parameters from
``content/<NN_slug>/ci_parameters.yaml``) with its own workspace; a sampler follows the process
tree and records the peak resident memory of the kernel. Executed copies go to ``out_dir``
(outside git) and the figures to ``out_dir/ejecucion.json``.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
import yaml

from mlops_course.machinery.build.modules import Module, discover_modules
from mlops_course.machinery.memory import tree_memory
from mlops_course.machinery.procenv import tool_env

SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class ExecutionResult:
    """Figures of one executed notebook."""

    module: str
    status: str
    seconds: float
    peak_kernel_mb: float
    detail: str = ""


def _peak_kernel_rss(proc: subprocess.Popen[str]) -> tuple[float, str]:
    """Poll ``proc``'s children until it ends; return (peak memory of the children in MB, output).

    Memory is PSS (:mod:`mlops_course.machinery.memory`): a forked child is not counted twice.
    """
    peak = 0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            children = parent.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        peak = max(peak, tree_memory(children))
        time.sleep(SAMPLE_SECONDS)
    out, _ = proc.communicate()
    return peak / 2**20, out or ""


@contextlib.contextmanager
def _workspace(slug: str, given: Path | None) -> Iterator[str]:
    if given is not None:
        yield str(given)
        return
    with tempfile.TemporaryDirectory(prefix=f"ws-{slug}-") as fresh:
        yield fresh


def execute_module(
    module: Module,
    root: Path,
    out_dir: Path,
    timeout: int,
    ci: bool = True,
    workspace: Path | None = None,
) -> ExecutionResult:
    """Run ``solutions/<slug>/<slug>.ipynb`` through papermill and measure it.

    The notebook gets a fresh workspace, or ``workspace`` when given (modules run in sequence on
    one student's project).
    """
    notebook = root / "solutions" / module.slug / module.notebook_name
    if not notebook.is_file():
        return ExecutionResult(module.slug, "missing", 0.0, 0.0, f"no existe {notebook}")
    target = out_dir / module.slug / module.notebook_name
    target.parent.mkdir(parents=True, exist_ok=True)
    with _workspace(module.slug, workspace) as workspace_dir:
        params = out_dir / module.slug / "parameters.yaml"
        params.write_text(yaml.safe_dump(module.ci_parameters() if ci else {}), encoding="utf-8")
        cmd = [
            sys.executable, "-m", "papermill", str(notebook), str(target),
            "-k", "python3", "-f", str(params), "--cwd", str(notebook.parent),
            "--execution-timeout", str(timeout), "--no-progress-bar", "--log-level", "WARNING",
        ]  # fmt: skip
        env = tool_env(MLOPS_WORKSPACE=workspace_dir)
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        peak, output = _peak_kernel_rss(proc)
        seconds = time.perf_counter() - start
    status = "ok" if proc.returncode == 0 else "error"
    detail = "" if status == "ok" else output.strip().splitlines()[-1:][0] if output else ""
    return ExecutionResult(module.slug, status, round(seconds, 2), round(peak, 1), detail)


def execute_all(
    root: Path,
    only: list[str] | None = None,
    out_dir: Path | None = None,
    workers: int = 2,
    timeout: int = 300,
    ci: bool = True,
) -> list[ExecutionResult]:
    """Execute every module's solution in parallel; write ``ejecucion.json`` in ``out_dir``."""
    modules = discover_modules(root / "content", only)
    out = (out_dir or root / "build" / "executed").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda m: execute_module(m, root, out, timeout, ci), modules))
    payload = {
        "python": sys.version.split()[0],
        "ci_parameters": ci,
        "workers": workers,
        "results": [asdict(r) for r in results],
    }
    (out / "ejecucion.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return results


def format_table(results: list[ExecutionResult]) -> str:
    """A plain-text table: module, status, seconds, peak kernel memory."""
    header = f"{'módulo':<28} {'estado':<8} {'segundos':>9} {'pico kernel (MB)':>17}"
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(f"{r.module:<28} {r.status:<8} {r.seconds:>9.2f} {r.peak_kernel_mb:>17.1f}")
        if r.detail:
            lines.append(f"    {r.detail}")
    return "\n".join(lines)
