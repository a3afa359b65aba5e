"""The project a module builds on: the student's own, or the reference checkpoint.

Module N (06-17) adds its layer to ``workspace/churn-project/``, so it needs the layers before
it. :func:`ensure_project` uses the student's project when it has every file of those layers
(a git repository with DVC), and otherwise restores the reference checkpoint of module N-1,
setting the student's project aside (``churn-project.respaldo-N``), never deleting it. It says
which one it uses, and why, in Spanish; ``reset=True`` asks for the reference on purpose.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR, build_entry, cached_checkpoint
from mlops_course.lessons.churn_project.checkpoint import (
    DEFAULT_ROWS,
    DEFAULT_SEED,
    Checkpoint,
    checkpoint_env,
    is_churn_project,
    reference_files,
    set_aside,
)
from mlops_course.lessons.churn_project.layers import (
    LAYERS,
    PROJECT_DIR,
    Layer,
    layer,
    layer_files,
)
from mlops_course.lessons.churn_project.local_store import localize_served_store
from mlops_course.lessons.common.gitenv import git
from mlops_course.machinery.workspace import workspace_root

SHOWN_MISSING: Final = 5
ROWS_ENV: Final = "MLOPS_REFERENCE_ROWS"
Source = Literal["propio", "referencia"]


@dataclass(frozen=True)
class ProjectState:
    """The project a module works on, and where it came from."""

    project: Path
    source: Source
    message: str  # what was done and why, in Spanish (printed by ensure_project)
    missing: tuple[str, ...] = ()  # files of earlier layers the student's project lacked
    backup: Path | None = None  # where the student's project went, if it was set aside
    checkpoint: Checkpoint | None = None


def previous_layer(module: str) -> Layer | None:
    """The last layer before ``module``'s that has reference files (None for 05, which starts
    the project). A layer still being written (no files yet) is skipped, so that the module
    after it builds on the checkpoint before it."""
    current = layer(module).module
    earlier = [
        item for item in LAYERS if item.module < current and layer_files(item.module) is not None
    ]
    return earlier[-1] if earlier else None


def required_files(module: str) -> tuple[str, ...]:
    """The project files that every layer before ``module`` leaves (later removals applied)."""
    current = layer(module).module
    required: set[str] = set()
    for item in LAYERS:
        if item.module >= current:
            break
        required -= set(item.removes)
        files = layer_files(item.module)
        if files is not None:
            required |= set(reference_files(files))
    return tuple(sorted(required))


def missing_files(project: Path, module: str) -> tuple[str, ...]:
    """What ``project`` lacks to be the base of ``module``: git, DVC and earlier layers' files."""
    project = Path(project)
    missing = [name for name in (".git", ".dvc") if not (project / name).is_dir()]
    missing += [name for name in required_files(module) if not (project / name).is_file()]
    return tuple(missing)


def _reference_tag(project: Path) -> str | None:
    """The ``checkpoint-NN`` tag at HEAD when the project is an untouched reference checkpoint."""
    env = checkpoint_env(project.parent)
    try:
        found = git(
            "tag",
            "--points-at",
            "HEAD",
            "--list",
            "checkpoint-*",
            cwd=project,
            env=env,
            check=False,
        )
        dirty = git(
            "status", "--porcelain", "--untracked-files=no", cwd=project, env=env, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    tags = found.stdout.split()
    if found.returncode != 0 or not tags or dirty.returncode != 0 or dirty.stdout.strip():
        return None
    return sorted(tags)[-1]


def _listed(names: tuple[str, ...]) -> str:
    shown = ", ".join(names[:SHOWN_MISSING])
    rest = len(names) - SHOWN_MISSING
    return shown + (f" y {rest} más" if rest > 0 else "")


def _localized(root: Path) -> str:
    """Module 07's served store made readable without its server (what that changed, or "")."""
    changed = localize_served_store(root)
    if not changed:
        return ""
    return (
        f" Tu registro MLflow del módulo 07 guardaba los artefactos como URIs del servidor "
        f"(mlflow-artifacts:/…): {changed} valores apuntan ahora a los archivos que ese servidor "
        f"guardó en {root / MLFLOW_DIR / 'artifacts'}, así que se abre sin servidor."
    )


def ensure_project(
    module: str,
    root: Path | None = None,
    *,
    reset: bool = False,
    n_rows: int = DEFAULT_ROWS,
    seed: int = DEFAULT_SEED,
    quiet: bool = False,
) -> ProjectState:
    """Make sure ``root/churn-project`` has every layer before ``module``; say which one it is.

    ``root`` defaults to the student's workspace. ``n_rows`` and ``seed`` shape the reference
    checkpoint's data when one is needed. Prints the message unless ``quiet``.

    Raises:
        ValueError: ``module`` builds no layer, or is 05 (which creates the project itself).
        FileExistsError: ``root/churn-project`` exists and is not a churn project (untouched).
        RuntimeError: git or DVC failed while building the reference project.
    """
    current = layer(module)
    previous = previous_layer(module)
    if previous is None:
        raise ValueError(
            f"El módulo {current.module} crea el proyecto desde cero: no parte de uno anterior."
        )
    root = Path(root) if root is not None else workspace_root()
    project = root / PROJECT_DIR
    span = f"capas 05–{previous.module}"
    missing: tuple[str, ...] = ()
    if not reset and is_churn_project(project):
        missing = missing_files(project, module)
        if not missing:
            tag = _reference_tag(project)
            if tag is not None:
                message = (
                    f"Uso el proyecto de referencia que ya está en {project} ({tag}): "
                    f"tiene las {span} que este módulo necesita."
                )
                state = ProjectState(project, "referencia", message)
            else:
                message = (
                    f"Uso tu proyecto {project} ({span}): tiene todo lo que este módulo necesita."
                )
                if previous.module >= "07":
                    message += _localized(root)
                state = ProjectState(project, "propio", message)
            if not quiet:
                print(message)
            return state
    if reset:
        why = "Pediste empezar desde el proyecto de referencia (RESET_PROJECT = True)."
    elif not project.exists():
        why = f"No hay proyecto en {project} (¿no hiciste el módulo {previous.module}?)."
    elif not is_churn_project(project):
        set_aside(project)  # refuses, with a Spanish message: a folder that is not ours
        raise AssertionError("unreachable")  # pragma: no cover
    else:
        why = f"A tu proyecto le faltan archivos de las {span}: {_listed(missing)}."
    made = cached_checkpoint(previous.module, root, n_rows=n_rows, seed=seed)
    kept = f" Tu proyecto anterior quedó intacto en {made.backup}." if made.backup else ""
    message = (
        f"{why} Uso el proyecto de referencia después del módulo {previous.module} "
        f"(checkpoint-{previous.module}, commit {made.commit[:8]}) en {made.project}.{kept}"
    )
    if not quiet:
        print(message)
    return ProjectState(made.project, "referencia", message, missing, made.backup, made)


def reference_rows() -> int:
    """Rows of the grader's reference project: ``$MLOPS_REFERENCE_ROWS`` or the notebooks'
    default. The course's own tests set it to the CI size so walks and grading share one cache
    entry; the notebook uses whatever project it finds, whatever its size.

    Raises:
        ValueError: the variable is set to something that is not a positive whole number.
    """
    raw = os.environ.get(ROWS_ENV, "").strip()
    if not raw:
        return DEFAULT_ROWS
    if not raw.isdigit() or int(raw) < 100:
        raise ValueError(f"{ROWS_ENV}={raw!r}: usa un número entero de filas, 100 o más.")
    return int(raw)


def reference_base(module: str) -> Path | None:
    """The cached reference project that ``module`` (a slug) builds on, for the grader.

    The grader restores it into each student's private workspace before their kernel starts
    (:func:`~.cache.restore`), so that a submission is graded on the reference project of the
    modules before it, in about a second instead of rebuilding it in every sandbox. None for the
    modules that build on no project (00-05) or when it cannot be built or stored; the notebook's
    own :func:`ensure_project` then builds it in the sandbox, as a student without one would.
    """
    try:
        previous = previous_layer(module)
    except ValueError:
        return None
    if previous is None:
        return None
    rows = reference_rows()  # a wrong setting is the instructor's to fix: it is not swallowed
    try:
        return build_entry(previous.module, rows, DEFAULT_SEED)
    except (RuntimeError, OSError, ValueError) as error:
        print(f"Aviso: no pude preparar el proyecto de referencia de {module}: {error}")
        return None
