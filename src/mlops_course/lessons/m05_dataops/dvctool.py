"""Run the real ``dvc`` command line, offline and isolated from the user's configuration.

DVC is a Python program: we run the copy installed next to the running interpreter as
``python -m dvc`` (no ``dvc`` on ``PATH`` needed) with an environment from
:func:`mlops_course.lessons.common.isolated_env`, where analytics are off and every config/cache
path
points inside a private home.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.procenv import run_tool as run_child

DEFAULT_TIMEOUT = 120
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_SPINNERS = tuple(chr(c) for c in range(0x2800, 0x2900))  # braille progress spinners


@dataclass(frozen=True)
class ToolRun:
    """The outcome of one command: what ran, its exit code, its output and how long it took."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def ok(self) -> bool:
        """True when the command exited with code 0."""
        return self.returncode == 0

    @property
    def output(self) -> str:
        """stdout and stderr together, without terminal escapes nor progress spinners."""
        lines = []
        for part in (self.stdout, self.stderr):
            for raw in part.splitlines():
                line = _ANSI.sub("", raw).rstrip()
                if (line or not raw) and not line.lstrip().startswith(_SPINNERS):
                    lines.append(line)
        return "\n".join(lines).strip()

    def __str__(self) -> str:
        status = "ok" if self.ok else f"código {self.returncode}"
        head = f"$ {' '.join(self.args)}   # {status}, {self.seconds:.1f} s"
        return f"{head}\n{self.output}" if self.output else head


def dvc_command() -> list[str]:
    """The command prefix that runs this environment's DVC: ``[sys.executable, "-m", "dvc"]``."""
    return [sys.executable, "-m", "dvc"]


def run_tool(
    command: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    check: bool = False,
    timeout: int = DEFAULT_TIMEOUT,
    shown: tuple[str, ...] | None = None,
) -> ToolRun:
    """Run ``command`` in ``cwd`` with ``env`` and return a :class:`ToolRun`.

    ``shown`` is how the command is displayed (default: ``command``). With ``check`` a non-zero
    exit raises ``RuntimeError`` whose message carries the tool's own output.
    """
    if not Path(cwd).is_dir():
        raise FileNotFoundError(f"La carpeta de trabajo {cwd} no existe.")
    start = time.perf_counter()
    proc = run_child(command, cwd=cwd, env=env, timeout=timeout)
    run = ToolRun(
        args=shown or tuple(command),
        returncode=proc.returncode,
        stdout=proc.stdout,
        stderr=proc.stderr,
        seconds=time.perf_counter() - start,
    )
    if check and not run.ok:
        raise RuntimeError(
            f"{' '.join(run.args)} falló (código {run.returncode}) en {cwd}:\n{run.output}"
        )
    return run


def dvc(
    *args: str,
    cwd: Path,
    env: dict[str, str],
    check: bool = False,
    timeout: int = DEFAULT_TIMEOUT,
) -> ToolRun:
    """Run ``dvc <args>`` (this environment's DVC) in ``cwd``; see :func:`run_tool`."""
    return run_tool(
        [*dvc_command(), *args],
        cwd=cwd,
        env=env,
        check=check,
        timeout=timeout,
        shown=("dvc", *args),
    )
