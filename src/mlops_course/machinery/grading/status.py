"""The one list of what can happen to a student's submission (shown in Spanish in reports)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Outcome of one submission of one module."""

    GRADED = "calificada"
    TIMED_OUT = "tiempo agotado"
    OVER_MEMORY = "memoria excedida"
    OVER_PROCESSES = "demasiados procesos"
    FAILED = "fallo de nbgrader"
    KERNEL_DIED = "kernel terminado"
    MISSING = "ausente"
    MALFORMED = "malformada"
    DUPLICATED = "celdas duplicadas"
    REVIEW = "revisión manual"
    """Graded, but the score is withheld: the kernel was tampered with or the code looks like
    it could have been (ADR-0010)."""

    @property
    def scored(self) -> bool:
        """The notebook ran (maybe partly) and its automatic score is in the gradebook."""
        return self in (Status.GRADED, Status.TIMED_OUT, Status.OVER_MEMORY)
