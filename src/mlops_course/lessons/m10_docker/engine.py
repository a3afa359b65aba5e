"""Is there a container engine here? Cells that need one ask, and skip with a message if not.

Binder, the course's CI and most student laptops in class have no running engine (a ``docker``
client without a daemon is not one): only ``docker info`` / ``podman info`` succeeding counts.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

ENGINES: Final = ("docker", "podman")
NO_ENGINE: Final = (
    "No hay un motor de contenedores en esta máquina (ni docker ni podman responden a "
    "`info`): me salto la construcción real. Todo lo demás del módulo funciona sin motor."
)


def container_engine(timeout: float = 10.0) -> str | None:
    """``"docker"`` or ``"podman"`` when its ``info`` command succeeds; otherwise None."""
    for name in ENGINES:
        binary = shutil.which(name)
        if binary is None:
            continue
        try:
            done = subprocess.run(
                [binary, "info"], capture_output=True, text=True, timeout=timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return name
    return None


@dataclass(frozen=True)
class BuiltImage:
    """An image built by a real engine, and its size as the engine reports it."""

    tag: str
    size_mb: float
    seconds: float


def build_and_measure(
    engine: str, context: Path, tag: str = "churn:nivel3", timeout: float = 900.0
) -> BuiltImage:
    """Build ``context`` (a folder with a ``Dockerfile``) with ``engine`` and return the image's
    uncompressed size (``image inspect``'s ``Size``, the number ``image ls`` rounds).

    Raises:
        ValueError: ``engine`` is not docker/podman, or ``context`` has no Dockerfile.
        RuntimeError: the build or the inspection failed or timed out (the engine's last lines).
    """
    if engine not in ENGINES:
        raise ValueError(f"Motor desconocido {engine!r}: use uno de {', '.join(ENGINES)}.")
    if not (Path(context) / "Dockerfile").is_file():
        raise ValueError(f"{context} no tiene Dockerfile: no hay nada que construir.")
    binary = shutil.which(engine) or engine
    started = time.perf_counter()
    steps = (
        [binary, "build", "-t", tag, str(context)],
        [binary, "image", "inspect", "--format", "{{.Size}}", tag],
    )
    outputs: list[str] = []
    for command in steps:
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise RuntimeError(f"`{' '.join(command[1:3])}` pasó de {timeout:.0f} s.") from error
        if done.returncode != 0:
            tail = " | ".join((done.stdout + done.stderr).strip().splitlines()[-5:])
            raise RuntimeError(f"`{engine} {' '.join(command[1:3])}` falló: {tail[:800]}")
        outputs.append(done.stdout.strip())
    try:
        size = int(outputs[-1].splitlines()[-1])
    except (ValueError, IndexError) as error:
        raise RuntimeError(f"{engine} no devolvió un tamaño: {outputs[-1][:200]!r}") from error
    return BuiltImage(tag, round(size / 1e6, 1), round(time.perf_counter() - started, 1))
