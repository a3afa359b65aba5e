"""Per-student workspace: the only place where course notebooks write files.

Resolution order for the workspace root:

1. the ``MLOPS_WORKSPACE`` environment variable (the grading harness sets one per student);
2. ``<course root>/workspace``, where the course root is the nearest ancestor of the current
   directory holding ``nbgrader_config.py`` (a clone of this repository, Binder, an nbgrader
   course directory);
3. ``~/mlops-workspace``.

Folders are created on first use.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ENV_VAR = "MLOPS_WORKSPACE"
COURSE_MARKER = "nbgrader_config.py"
_MODULE_RE = re.compile(r"^[0-9]{2}_[a-z0-9_]+$")


def find_course_root(start: Path | None = None) -> Path | None:
    """Return the nearest ancestor of ``start`` (default: cwd) that holds ``nbgrader_config.py``."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / COURSE_MARKER).is_file():
            return candidate
    return None


def workspace_root(start: Path | None = None) -> Path:
    """Return (and create) the workspace root following the documented resolution order."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        root = Path(env).expanduser()
    else:
        course = find_course_root(start)
        root = course / "workspace" if course else Path.home() / "mlops-workspace"
    root.mkdir(parents=True, exist_ok=True)
    return root.resolve()


def module_workspace(module: str, start: Path | None = None) -> Path:
    """Return (and create) the folder where a module (e.g. ``"05_ingenieria_datos"``) writes.

    Raises:
        ValueError: if ``module`` is not a module folder name such as ``"00_indice"``.
    """
    if not _MODULE_RE.match(module):
        raise ValueError(
            f"Nombre de módulo no válido: {module!r}. Usa el nombre de la carpeta del módulo, "
            "por ejemplo '00_indice' o '05_ingenieria_datos'."
        )
    path = workspace_root(start) / module
    path.mkdir(parents=True, exist_ok=True)
    return path
