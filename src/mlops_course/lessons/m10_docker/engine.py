"""Is there a container engine here? Cells that need one ask, and skip with a message if not.

Binder, the course's CI and most student laptops in class have no running engine (a ``docker``
client without a daemon is not one): only ``docker info`` / ``podman info`` succeeding counts.
"""

from __future__ import annotations

import shutil
import subprocess
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
