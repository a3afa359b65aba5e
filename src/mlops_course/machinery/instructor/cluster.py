"""Grade on a Dask distributed cluster: the same private-copy job, shipped as bytes to a worker.

The single writer (:func:`~.run.grade_cohort`) keeps everything that touches the instructor's
course: it prepares each student's shadow, merges the result and records the state. Only the
autograde itself travels: the shadow goes to a worker as a compressed archive, the worker runs
:func:`~.shadow.grade_in_shadow` in a temporary folder of its own (sandbox and limits as on the
instructor's machine) and sends back the result fields and the two things the writer merges, the
shadow's gradebook and the autograded notebook. A worker lost mid-job is the scheduler's to
handle: Dask runs the task again on another worker, and the writer receives one result per
student, so nothing is merged twice. Workers need the course's environment (the Binder image):
:meth:`ClusterGrader.connect` checks their versions of what grades before anything is sent.
"""

from __future__ import annotations

import io
import platform
import shutil
import tarfile
import tempfile
import threading
import uuid
from dataclasses import dataclass, fields
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.shadow import (
    ShadowResult,
    grade_in_shadow,
    write_shadow_config,
)

RETURNED = ("gradebook.db", "autograded")
"""What a worker sends back: what :func:`~.merge.merge_shadow` reads from a shadow."""
PINNED = ("mlops-course", "nbgrader", "nbconvert", "nbclient", "ipykernel")
"""Packages whose version must match on every worker (a different nbgrader grades differently)."""


class ClusterError(RuntimeError):
    """The cluster cannot grade (unreachable, no workers, a worker with another environment)."""


def pack(folder: Path, only: tuple[str, ...] = ()) -> bytes:
    """``folder`` (or only these top-level entries of it) as a gzip-compressed tar archive."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        names = only or tuple(sorted(p.name for p in folder.iterdir()))
        for name in names:
            if (folder / name).exists():
                archive.add(folder / name, arcname=name)
    return buffer.getvalue()


def unpack(data: bytes, destination: Path) -> None:
    """Extract an archive made by :func:`pack` into ``destination``, refusing anything that would
    land outside it (absolute paths, ``..``, links, devices): the ``data`` filter of tarfile.

    Raises:
        ClusterError: if the archive is damaged or unsafe (Spanish message).
    """
    destination.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            archive.extractall(destination, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ClusterError(
            f"el archivo recibido del clúster no es válido o no es seguro: {error}"
        ) from error


@dataclass(frozen=True)
class RemoteOutcome:
    """A worker's answer: the result fields of :class:`~.shadow.ShadowResult` and the archive."""

    result: dict[str, Any]
    archive: bytes
    worker: str


def grade_remote(
    shadow_archive: bytes, slug: str, student: str, limits: Limits, sandbox: bool
) -> RemoteOutcome:
    """Run on a worker: unpack the shadow, autograde it there, return what the writer merges.

    The reference project a module builds on comes from the worker's own checkpoint cache
    (:func:`~mlops_course.lessons.churn_project.ensure.reference_base`), built once per machine.
    """
    from mlops_course.lessons.churn_project.ensure import reference_base
    from mlops_course.machinery.instructor.sandbox import require_sandbox

    if sandbox:
        require_sandbox()  # a worker without bubblewrap stops the run instead of grading bare
    with tempfile.TemporaryDirectory(prefix=f"calif-dask-{student}-") as tmp:
        shadow = Path(tmp) / "sombra"
        unpack(shadow_archive, shadow)
        write_shadow_config(shadow, limits)  # its root is this worker's folder now
        res = grade_in_shadow(shadow, slug, student, limits, sandbox, reference_base(slug))
        values = {f.name: getattr(res, f.name) for f in fields(res) if f.name != "shadow"}
        return RemoteOutcome(values, pack(shadow, RETURNED), platform.node())


def environment_fingerprint() -> dict[str, str]:
    """The versions of what grades, compared between the instructor and every worker."""
    found = {"python": platform.python_version()}
    for name in PINNED:
        try:
            found[name] = version(name)
        except Exception:  # a missing package is reported as such
            found[name] = "no instalado"
    return found


def environment_problems(mine: dict[str, str], theirs: dict[str, dict[str, str]]) -> list[str]:
    """One line per worker whose fingerprint differs from ``mine``: what differs, in order."""
    problems = []
    for worker, found in sorted(theirs.items()):
        differ = [
            f"{name} {found.get(name, 'no instalado')} ≠ {value}"
            for name, value in mine.items()
            if found.get(name) != value
        ]
        if differ:
            problems.append(f"{worker}: {'; '.join(differ)}")
    return problems


class ClusterGrader:
    """A connection to a Dask scheduler that grades one student per task.

    Use :meth:`connect`; :meth:`grade` has the signature of :func:`~.shadow.grade_in_shadow`
    (called from the writer's threads, one per task in flight) and blocks until the worker
    answers; :meth:`close` cancels what is still queued and disconnects.
    """

    def __init__(self, client: Any, slots: int) -> None:
        self._client = client
        self.slots = slots
        self._futures: set[Any] = set()
        self._lock = threading.Lock()

    @classmethod
    def connect(cls, address: Any, timeout: float = 30.0) -> ClusterGrader:
        """Connect to ``address`` (``tcp://host:8786`` or a ``distributed`` cluster object).

        Raises:
            ClusterError: unreachable scheduler, no workers, or a worker whose environment
                differs from this machine's in :data:`PINNED` (Spanish message naming it).
        """
        from distributed import Client

        try:
            client: Any = Client(address, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as error:
            raise ClusterError(
                f"No se pudo conectar con el clúster Dask en {address!r}: {error}. Compruebe que "
                "el scheduler está corriendo (`dask scheduler`) y que la dirección tiene la forma "
                "tcp://host:8786."
            ) from error
        try:
            threads = client.nthreads()
            if not threads:
                client.wait_for_workers(1, timeout=timeout)
                threads = client.nthreads()
        except (OSError, TimeoutError) as error:
            client.close()
            raise ClusterError(
                f"El clúster Dask en {address!r} no tiene workers: inicie al menos uno "
                "(`dask worker tcp://…`) con el entorno del curso."
            ) from error
        problems = environment_problems(
            environment_fingerprint(), client.run(environment_fingerprint)
        )
        if problems:
            client.close()
            raise ClusterError(
                "Hay workers sin el entorno del curso (" + " | ".join(problems) + "): califique "
                "con la misma imagen o el mismo `environment.yml` en todos los workers."
            )
        return cls(client, max(1, sum(threads.values())))

    def grade(
        self,
        shadow: Path,
        slug: str,
        student: str,
        limits: Limits,
        sandbox: bool = True,
        project_base: Path | None = None,
    ) -> ShadowResult:
        """Grade ``student``'s shadow on a worker; the result lands back in ``shadow``.

        ``project_base`` is ignored: each worker restores its own cached reference project.
        """
        del project_base
        key = f"calificar-{slug}-{student}-{uuid.uuid4().hex[:8]}"
        future = self._client.submit(
            grade_remote, pack(shadow), slug, student, limits, sandbox, key=key, pure=False
        )
        with self._lock:
            self._futures.add(future)
        try:
            outcome: RemoteOutcome = future.result()
        finally:
            with self._lock:
                self._futures.discard(future)
        for name in RETURNED:  # the worker's copy replaces the one sent (never merged twice)
            target = shadow / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        unpack(outcome.archive, shadow)
        return ShadowResult(shadow=shadow, **outcome.result)

    def close(self) -> None:
        """Cancel every task still queued or running and disconnect."""
        with self._lock:
            pending = list(self._futures)
        if pending:
            self._client.cancel(pending)
        self._client.close()
