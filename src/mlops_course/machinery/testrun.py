"""The test tiers behind ``make test-fast`` and ``make test``, with a time budget per stage.

* ``fast``: lint, strict typing and the build check (side by side), then the unit tests — the
  maintainer's edit loop, a few minutes.
* ``full`` (the README's command, what CI runs): the same static checks, then every test — the
  kernel walk of each module, real grading with nbgrader, browser tests — in one pool of pytest
  workers sized from the CPUs this process may use, with the coverage gate.

The audit tier (``make test-audit``) is separate: see :mod:`mlops_course.machinery.verify.audit`.
At the end a table gives each stage's time against its budget; the run fails on a failed
stage, never on time (times are measured, not asserted).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.procenv import available_cpus, run_tool, tool_env

START_ENV = "MLOPS_TEST_START"
"""Epoch seconds when ``make`` started (set by the Makefile), to count the set-up stage."""
BUDGETS = {
    "fast": {"preparación": 60.0, "estáticas": 60.0, "tests": 180.0},
    "full": {"preparación": 60.0, "estáticas": 60.0, "tests": 780.0},
}
"""Seconds per stage on a fresh 2-core machine (set-up with uv, see ADR-0008); the full tier's
stages add up to the 15 minutes CI allows the README's test command."""
TOTAL_BUDGET = {"fast": 300.0, "full": 900.0}


@dataclass(frozen=True)
class Stage:
    """One timed stage of a test run."""

    name: str
    seconds: float
    ok: bool
    output: str = ""


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _run(name: str, cmd: list[str], root: Path) -> Stage:
    started = time.perf_counter()
    proc = run_tool(cmd, cwd=root)
    return Stage(
        name, time.perf_counter() - started, proc.returncode == 0, proc.stdout + proc.stderr
    )


def static_checks(root: Path) -> list[Stage]:
    """Lint, format check, strict typing and the build check, side by side."""
    commands = {
        "lint": [_bin("ruff"), "check", "src", "tests", "content"],
        "formato": [_bin("ruff"), "format", "--check", "src", "tests", "content"],
        "tipos": [_bin("mypy")],
        "build check": [_bin("mlops-course"), "check"],
    }
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        return list(pool.map(lambda item: _run(item[0], item[1], root), commands.items()))


def pytest_command(tier: str, jobs: int) -> list[str]:
    """The pytest command line of a tier."""
    # Work goes out in the order tests/conftest.py sorts it (heaviest first), not by group size.
    cmd = [sys.executable, "-m", "pytest", "-n", str(jobs), "--dist", "loadgroup",
           "--no-loadscope-reorder"]  # fmt: skip
    if tier == "fast":
        return [*cmd, "-m", "not slow and not audit", "-q"]
    return [*cmd, "-m", "not audit", "--durations=25", "--cov", "--cov-report=term",
            "--cov-fail-under=90"]  # fmt: skip


def run_tier(tier: str, root: Path, jobs: int | None = None) -> int:
    """Run a tier; print each stage's output and the time budget. Returns the exit code."""
    if tier not in BUDGETS:
        raise ValueError(f"nivel de tests desconocido: {tier!r} (usa 'fast' o 'full')")
    began = time.time()
    stages: list[Stage] = []
    start = os.environ.get(START_ENV, "")
    if start.isdigit():
        stages.append(Stage("preparación", max(0.0, began - int(start)), True))
    checks = static_checks(root)
    for stage in checks:
        print(f"==> {stage.name}: {'ok' if stage.ok else 'FALLO'} ({stage.seconds:.0f} s)")
        if not stage.ok or stage.name == "build check":
            print(stage.output.rstrip())
    stages.append(Stage("estáticas", max(s.seconds for s in checks), all(s.ok for s in checks)))
    code = 1
    if all(s.ok for s in checks):
        count = jobs or available_cpus()
        print(f"==> tests ({count} procesos en paralelo)", flush=True)
        started = time.perf_counter()
        code = subprocess.run(
            pytest_command(tier, count), cwd=root, env=tool_env(), check=False
        ).returncode
        if code == 5:
            print("pytest no ejecutó ningún test: esto es un fallo.")
            code = 1
        stages.append(Stage("tests", time.perf_counter() - started, code == 0))
    print(budget_table(tier, stages))
    return code


def budget_table(tier: str, stages: list[Stage]) -> str:
    """Each stage's time against its budget, and the total."""
    budgets = BUDGETS[tier]
    lines = [f"{'etapa':<14} {'segundos':>9} {'presupuesto':>12}  estado", "-" * 48]
    for stage in stages:
        budget = budgets.get(stage.name, 0.0)
        flag = "ok" if stage.ok else "FALLO"
        over = "  (por encima del presupuesto)" if budget and stage.seconds > budget else ""
        lines.append(f"{stage.name:<14} {stage.seconds:>9.0f} {budget:>12.0f}  {flag}{over}")
    total = sum(s.seconds for s in stages)
    lines.append(f"{'total':<14} {total:>9.0f} {TOTAL_BUDGET[tier]:>12.0f}")
    return "\n".join(lines)
