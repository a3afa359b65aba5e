"""The student's churn project as module 05 builds it: room for it, git + DVC, its code, YAML.

Module 05 builds layer 05 of ``<workspace root>/churn-project/`` step by step with the real tools.
Re-running the module rebuilds it; a project that already holds work of later modules (any commit
or tag that module 05 does not make) is set aside as ``churn-project.respaldo-N`` instead, and a
folder that is not a churn project is refused (:func:`~..churn_project.checkpoint.set_aside`).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import yaml

from mlops_course.lessons.churn_project.checkpoint import copy_tree, is_churn_project, set_aside
from mlops_course.lessons.churn_project.contract import CONTRACT_FILE
from mlops_course.lessons.churn_project.layers import PROJECT_DIR, layer_files
from mlops_course.lessons.common import git
from mlops_course.lessons.m05_dataops.dvctool import ToolRun, dvc

COMMIT_PREFIX: Final = "módulo 05: "  # every commit the notebook makes starts with it
CHECKPOINT_05: Final = "checkpoint-05"
WRITTEN_BY_STUDENT: Final = (Path("dvc.yaml"), CONTRACT_FILE)  # Exercises 2 and 3


def made_only_by_module_05(project: Path, env: dict[str, str]) -> bool:
    """True if ``project`` is a churn project whose history has only module 05's commits.

    That is: a git repository whose commit messages all start with :data:`COMMIT_PREFIX` (or
    the reference checkpoint of module 05) and whose only tag, if any, is ``checkpoint-05``.
    """
    project = Path(project)
    if not is_churn_project(project) or not (project / ".git").is_dir():
        return False
    log = git("log", "--format=%s", cwd=project, env=env, check=False)
    if log.returncode != 0:
        return False
    subjects = [line for line in log.stdout.splitlines() if line.strip()]
    ours = all(
        s.startswith(COMMIT_PREFIX) or (s.startswith("checkpoint:") and s.endswith(" 05"))
        for s in subjects
    )
    tags = set(git("tag", cwd=project, env=env, check=False).stdout.split())
    return ours and tags <= {CHECKPOINT_05}


def make_room(root: Path, env: dict[str, str]) -> tuple[Path, Path | None]:
    """Free ``root/churn-project`` for module 05; return ``(project, backup or None)``.

    A project made only by module 05 is rebuilt (deleted); one with later work is renamed to
    ``churn-project.respaldo-N``.

    Raises:
        FileExistsError: ``root/churn-project`` exists and is not a churn project (untouched).
    """
    project = Path(root) / PROJECT_DIR
    if not project.exists():
        return project, None
    if made_only_by_module_05(project, env):
        shutil.rmtree(project)
        return project, None
    return project, set_aside(project)


def init_project(project: Path, env: dict[str, str]) -> ToolRun:
    """Create ``project`` (it must not exist) as a git repository with DVC initialised.

    Returns the ``dvc init`` run. Raises ``RuntimeError`` if git or DVC fail.
    """
    Path(project).mkdir(parents=True)
    git("init", "--quiet", "--initial-branch=main", cwd=project, env=env)
    return dvc("init", cwd=project, env=env, check=True)


def install_project_code(project: Path) -> list[Path]:
    """Copy layer 05's reference files into ``project``, except what the student writes.

    The student writes ``dvc.yaml`` (Exercise 2) and ``build_schema`` of
    ``src/churn_project/contract.py`` (Exercise 3). Returns the files written, sorted.
    """
    files = layer_files("05")
    if files is None:  # pragma: no cover - the package always ships layer 05
        raise FileNotFoundError("Falta la capa 05 del proyecto de churn en el paquete del curso.")
    project = Path(project)
    written = copy_tree(files, project)
    for relative in WRITTEN_BY_STUDENT:
        (project / relative).unlink()
    skipped = {project / relative for relative in WRITTEN_BY_STUDENT}
    return sorted(path for path in written if path not in skipped)


def commit_all(project: Path, env: dict[str, str], message: str, module: str = "05") -> str:
    """``git add -A`` and commit (``módulo NN: <message>``, NN = ``module``, the module whose
    notebook makes the commit) if anything changed; short hash."""
    if not (len(module) == 2 and module.isdigit()):
        raise ValueError(f"module: el número del módulo con dos cifras ('07'), no {module!r}")
    git("add", "-A", cwd=project, env=env)
    if git("status", "--porcelain", cwd=project, env=env).stdout.strip():
        prefix = COMMIT_PREFIX.replace("05", module)
        git("commit", "--quiet", "-m", prefix + message, cwd=project, env=env)
    return git("rev-parse", "--short", "HEAD", cwd=project, env=env).stdout.strip()


def write_yaml(path: Path, data: Mapping[str, Any]) -> Path:
    """Write ``data`` as block-style YAML, keys in insertion order (as a person would)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def read_yaml(path: Path) -> Any:
    """Read a YAML file (``None`` for an empty one)."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def check_dvc_yaml(spec: Mapping[str, Any]) -> None:
    """Validate ``spec`` (the contents of a ``dvc.yaml``) with DVC's own schema.

    Raises:
        ValueError: in Spanish, quoting DVC's message and where in the file the problem is.
    """
    import voluptuous
    from dvc.schema import COMPILED_MULTI_STAGE_SCHEMA  # type: ignore[import-untyped]

    try:
        COMPILED_MULTI_STAGE_SCHEMA(spec)
    except voluptuous.Invalid as err:
        raise ValueError(f"DVC rechazaría este dvc.yaml: {err}") from err
