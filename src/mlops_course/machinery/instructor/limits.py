"""Resource limits of one graded submission (time per cell and notebook, memory, output)."""

from __future__ import annotations

import resource
from collections.abc import Callable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    """What one student's notebook may use while it is autograded.

    Attributes:
        cell_timeout: seconds per cell (nbgrader interrupts the cell and grades the rest).
        notebook_timeout: wall-clock seconds for the whole autograde of one student.
        memory_mb: memory of the student's process tree: resident memory of the kernel and all
            its children together (a watchdog kills the run above it), and each process's
            writable memory (``RLIMIT_DATA``).
        output_lines: lines of output kept per cell (nbgrader's ``LimitOutput``).
        processes: processes the kernel and its children may have at once.
    """

    cell_timeout: int = 60
    notebook_timeout: int = 600
    memory_mb: int = 2048
    output_lines: int = 300
    processes: int = 128

    def __post_init__(self) -> None:
        for name in ("cell_timeout", "notebook_timeout", "memory_mb", "output_lines", "processes"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"límite {name} inválido: {value!r} (debe ser un entero > 0)")
        if self.notebook_timeout < self.cell_timeout:
            raise ValueError(
                "el límite por notebook no puede ser menor que el límite por celda "
                f"({self.notebook_timeout} s < {self.cell_timeout} s)"
            )

    def fingerprint(self, sandbox: bool) -> str:
        """Every limit and the sandbox setting in one string: a graded student's outcome holds only
        under the same fingerprint (part of the resume key of :mod:`.run`)."""
        values = [f"{f.name}={getattr(self, f.name)}" for f in fields(self)]
        return ",".join([*values, f"sandbox={'yes' if sandbox else 'no'}"])

    def preexec(self) -> Callable[[], None]:
        """A ``preexec_fn`` that caps the child's writable memory; kernels inherit the cap."""
        cap = self.memory_mb * 1024 * 1024

        def apply() -> None:  # pragma: no cover - runs in the forked child
            resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))

        return apply
