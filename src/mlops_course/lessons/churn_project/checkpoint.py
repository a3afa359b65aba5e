"""Reference checkpoints: the churn project "as it stands after module N", built for real.

A module that builds on the project uses the student's own ``churn-project/`` when it has the
layers the module needs, and otherwise this checkpoint: the reference files of layers 05 … N,
the raw data of the course generator, a git repository, DVC with a local remote, the pipeline
reproduced and pushed, one commit tagged ``checkpoint-NN``. Offline and deterministic (fixed
seed, fixed commit dates); a few seconds.

Nothing of the student's is ever deleted: an existing project is renamed to
``churn-project.respaldo-N`` first, and a folder that is not a churn project is refused.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path
from typing import Final

from mlops_course.lessons.churn_project.layers import (
    PROJECT_DIR,
    layer,
    layer_files,
    layers_up_to,
)
from mlops_course.lessons.common.churn import make_churn
from mlops_course.lessons.common.gitenv import git, isolated_env
from mlops_course.lessons.m05_dataops.dvctool import dvc

PROJECT_NAME: Final = "churn-project"
REMOTE_DIR: Final = "churn-project-remote"
RAW_DATA: Final = Path("data/raw/churn.csv")
FIXED_DATE: Final = "2026-01-05T09:00:00+00:00"  # commit dates: same checkpoint, same hashes
DEFAULT_ROWS: Final = 5000
DEFAULT_SEED: Final = 42
SKIPPED: Final = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})
"""Tool caches that may sit next to the reference files in a development checkout: never copied."""


@dataclass(frozen=True)
class Checkpoint:
    """A materialised reference project."""

    project: Path
    module: str  # the last layer it contains, e.g. "05"
    commit: str
    metrics: dict[str, float]
    backup: Path | None  # where the previous project went, if there was one


def is_churn_project(folder: Path) -> bool:
    """True if ``folder`` holds a churn project (its ``pyproject.toml`` names it)."""
    pyproject = Path(folder) / "pyproject.toml"
    if not pyproject.is_file():
        return False
    return f'name = "{PROJECT_NAME}"' in pyproject.read_text(encoding="utf-8")


def set_aside(project: Path) -> Path | None:
    """Rename an existing project to ``<name>.respaldo-N`` (first free N); return the new path.

    Raises:
        FileExistsError: if ``project`` exists and is not a churn project (never touched).
    """
    project = Path(project)
    if not project.exists():
        return None
    if not project.is_dir() or not is_churn_project(project):
        raise FileExistsError(
            f"{project} existe y no es un proyecto de churn (su pyproject.toml no dice "
            f'name = "{PROJECT_NAME}"). No se toca: muévelo o renómbralo tú.'
        )
    number = 1
    while (backup := project.with_name(f"{project.name}.respaldo-{number}")).exists():
        number += 1
    project.rename(backup)
    return backup


def copy_tree(
    source: Traversable, target: Path, exclude: frozenset[str] = frozenset(), prefix: str = ""
) -> list[Path]:
    """Copy a package folder into ``target`` (overwriting files); return the files written.

    ``exclude`` holds relative paths (``"src/churn_project/pipeline.py"``) that are not copied.
    """
    written: list[Path] = []
    for entry in source.iterdir():
        relative = f"{prefix}{entry.name}"
        if entry.name in SKIPPED or relative in exclude:
            continue
        destination = target / entry.name
        if entry.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            written.extend(copy_tree(entry, destination, exclude, f"{relative}/"))
        else:
            destination.write_bytes(entry.read_bytes())
            written.append(destination)
    return written


def reference_files(source: Traversable, prefix: str = "") -> list[str]:
    """The relative paths of the files in a package folder (tool caches left out)."""
    found: list[str] = []
    for entry in source.iterdir():
        if entry.name in SKIPPED:
            continue
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.extend(reference_files(entry, f"{relative}/"))
        else:
            found.append(relative)
    return sorted(found)


def apply_layer(project: Path, module: str, exclude: tuple[str, ...] = ()) -> list[Path]:
    """Write the reference files of ``module``'s layer into ``project``; return the files written.

    The paths the layer ``removes`` go first; ``exclude`` (relative paths, e.g. the file an
    exercise has the student write) is not copied.

    Raises:
        ValueError: unknown module, a layer without reference files, or an ``exclude`` path that
            is not one of the layer's files (a typo would silently overwrite the student's work).
    """
    item = layer(module)
    files = layer_files(item.module)
    if files is None:
        raise ValueError(
            f"La capa {item.module} ({item.title}) todavía no tiene proyecto de referencia."
        )
    known = set(reference_files(files))
    unknown = sorted(set(exclude) - known)
    if unknown:
        raise ValueError(
            f"La capa {item.module} no tiene estos archivos: {', '.join(unknown)}. "
            "Usa rutas relativas al proyecto, como 'src/churn_project/pipeline.py'."
        )
    project = Path(project)
    for removed in item.removes:
        path = project / removed
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    return copy_tree(files, project, frozenset(exclude))


def write_layers(project: Path, module: str) -> list[Path]:
    """Write the reference files of layers 05 … ``module`` into ``project``.

    An earlier layer still being written (no reference files yet) is skipped, as
    :func:`~.ensure.previous_layer` skips it: the modules after it build on the layers that exist.

    Raises:
        ValueError: if ``module``'s own layer has no reference files yet.
    """
    written: list[Path] = []
    last = layer(module).module
    for item in layers_up_to(module):
        if item.module != last and layer_files(item.module) is None:
            continue
        written.extend(apply_layer(project, item.module))
    return written


def checkpoint_env(root: Path) -> dict[str, str]:
    """The environment of the tools that build a checkpoint under ``root``.

    git and DVC get a private home and fixed commit dates; ``MLFLOW_TRACKING_URI`` is dropped so
    that the project's training logs to its own store next to it (``mlflow.set_tracking_uri`` in
    the notebook's process sets that variable, and the DVC stages would inherit it).
    """
    env = isolated_env(
        Path(root) / ".tool-home",
        GIT_AUTHOR_DATE=FIXED_DATE,
        GIT_COMMITTER_DATE=FIXED_DATE,
    )
    env.pop("MLFLOW_TRACKING_URI", None)
    env.pop("MLFLOW_REGISTRY_URI", None)  # mlflow.set_registry_uri sets it too
    return env


def _generate(project: Path, env: dict[str, str], module: str) -> None:
    """``python -m <module>`` in the project (its ``src`` importable), as the notebook does."""
    done = subprocess.run(
        [sys.executable, "-m", module],
        cwd=project,
        env={**env, "PYTHONPATH": str(project / "src")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"`python -m {module}` falló al construir el checkpoint: {done.stderr.strip()[-800:]}"
        )


def materialise_checkpoint(
    module: str,
    root: Path,
    *,
    n_rows: int = DEFAULT_ROWS,
    seed: int = DEFAULT_SEED,
) -> Checkpoint:
    """Build the reference project after ``module`` in ``root/churn-project`` and return it.

    ``root`` is the student's workspace root; the DVC remote goes to ``root/churn-project-remote``.

    Raises:
        ValueError: unknown module or a layer without reference files.
        FileExistsError: ``root/churn-project`` exists and is not a churn project.
        RuntimeError: git or DVC failed (their own message included).
    """
    last = layer(module).module
    root = Path(root)
    project = root / PROJECT_DIR
    backup = set_aside(project)
    project.mkdir(parents=True)
    env = checkpoint_env(root)
    write_layers(project, last)
    raw = project / RAW_DATA
    raw.parent.mkdir(parents=True, exist_ok=True)
    make_churn(n_rows, seed).to_csv(raw, index=False)

    git("init", "--quiet", "--initial-branch=main", cwd=project, env=env)
    dvc("init", "--quiet", cwd=project, env=env, check=True)
    remote = root / REMOTE_DIR
    remote.mkdir(parents=True, exist_ok=True)
    dvc(
        "remote",
        "add",
        "--force",
        "-d",
        "local",
        f"../{REMOTE_DIR}",
        cwd=project,
        env=env,
        check=True,
    )
    dvc("add", "--quiet", str(RAW_DATA), cwd=project, env=env, check=True)
    dvc("repro", "--quiet", cwd=project, env=env, check=True)
    dvc("push", "--quiet", cwd=project, env=env, check=True)
    for item in layers_up_to(last):
        for generated in item.generates:
            _generate(project, env, generated)
    git("add", "-A", cwd=project, env=env)
    message = f"checkpoint: proyecto de referencia después del módulo {last}"
    git("commit", "--quiet", "-m", message, cwd=project, env=env)
    git("tag", f"checkpoint-{last}", cwd=project, env=env)
    commit = git("rev-parse", "HEAD", cwd=project, env=env).stdout.strip()
    metrics = json.loads((project / "metrics.json").read_text(encoding="utf-8"))
    return Checkpoint(project, last, commit, metrics, backup)
