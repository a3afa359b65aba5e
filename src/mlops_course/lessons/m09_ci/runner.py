"""Run the ``run:`` steps of one workflow job locally, in the project, and time each one.

A workflow cannot run here (no GitHub runner, no network), but its commands can: that is what
proves the workflow's commands work on this project. Each ``run:`` goes through
``bash --noprofile --norc -eo pipefail`` (GitHub's default ``bash`` shell) with ``cwd`` the
project (or the step's ``working-directory``) and the workflow's, job's and step's ``env``.

Steps that cannot run here are reported as skipped with the reason: ``uses:`` actions (they run
on GitHub), steps the caller names in ``skip`` (installing from the network, for instance), and
everything after a failed step (as GitHub does). An ``env`` value that is a ``${{ … }}``
expression (``vars.*``, ``secrets.*``) has no value here: it is left out, and the step says so.
A ``${{ … }}`` inside ``run:`` is refused: it cannot be evaluated here, and it is the template
injection the module teaches to avoid.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import yaml

from mlops_course.machinery.procenv import tool_env

Status = Literal["ok", "falló", "omitido"]
SHELL: Final = ("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c")
TAIL: Final = 1500


@dataclass(frozen=True)
class StepRun:
    """What happened to one step of the job."""

    name: str
    step_id: str
    status: Status
    seconds: float
    reason: str = ""  # why it was skipped, or the last lines of a failure
    output: str = ""  # the last characters of stdout + stderr

    def row(self) -> dict[str, object]:
        """A table row (Spanish column names) for the notebook."""
        return {
            "paso": self.name,
            "id": self.step_id,
            "estado": self.status,
            "segundos": round(self.seconds, 2),
            "motivo": self.reason,
        }


def load_workflow(path: Path | str) -> dict[str, Any]:
    """The workflow at ``path`` as a mapping (YAML's ``on:`` key kept as the string ``"on"``).

    Raises:
        FileNotFoundError: no such file.
        ValueError: in Spanish, the file is not YAML or has no ``jobs`` mapping.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No existe el workflow {path}.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name} no es YAML válido: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), dict):
        raise ValueError(f"{path.name} no es un workflow: le falta la sección 'jobs'.")
    if True in data:  # YAML 1.1 reads the key `on` as the boolean True
        data["on"] = data.pop(True)
    return data


def _plain_env(*sources: Mapping[str, Any] | None) -> tuple[dict[str, str], list[str]]:
    """Merge ``env`` mappings; expression values are dropped and named."""
    merged: dict[str, str] = {}
    dropped: list[str] = []
    for source in sources:
        for key, value in (source or {}).items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            if "${{" in text:
                dropped.append(str(key))
                merged.pop(str(key), None)
            else:
                merged[str(key)] = text
    return merged, dropped


def _step_name(step: Mapping[str, Any], number: int) -> str:
    if step.get("name"):
        return str(step["name"])
    if step.get("uses"):
        return str(step["uses"]).split("@")[0]
    first = str(step.get("run", "")).strip().splitlines()
    return first[0][:60] if first else f"paso {number}"


def run_job(
    workflow: Path | str,
    job: str,
    project: Path,
    *,
    env: Mapping[str, str] | None = None,
    skip: Collection[str] = (),
    timeout: float = 900.0,
) -> list[StepRun]:
    """Run job ``job`` of ``workflow``'s ``run:`` steps in ``project``; one :class:`StepRun` each.

    ``env`` is the base environment (default: the course's tools first on ``PATH``); ``skip``
    holds step ids not to run (reported as skipped). ``timeout`` is per step, in seconds.

    Raises:
        FileNotFoundError: no workflow or no project folder.
        ValueError: unknown job, or a ``run:`` that interpolates a ``${{ … }}`` expression.
    """
    data = load_workflow(workflow)
    project = Path(project)
    if not project.is_dir():
        raise FileNotFoundError(f"No existe la carpeta del proyecto {project}.")
    jobs: dict[str, Any] = data["jobs"]
    if job not in jobs:
        raise ValueError(f"El workflow no tiene el job '{job}' (tiene: {', '.join(jobs)}).")
    spec: dict[str, Any] = jobs[job] or {}
    steps: list[dict[str, Any]] = list(spec.get("steps") or [])
    for number, step in enumerate(steps, start=1):
        if "${{" in str(step.get("run", "")):
            raise ValueError(
                f"El paso {number} ('{_step_name(step, number)}') interpola ${{{{ … }}}} dentro de "
                "run:. Pásalo por env: y usa la variable en el script."
            )
    base = dict(env) if env is not None else tool_env()
    base["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), base.get("PATH", "")])
    with tempfile.TemporaryDirectory(prefix="runner-") as scratch:
        # The files a GitHub runner gives every step (a step may append to them), and CI=true.
        for name in ("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV"):
            base[name] = str(Path(scratch) / name.lower())
        base.update(RUNNER_TEMP=scratch, CI="true")
        return _run_steps(steps, data, spec, project, base, skip, timeout)


def _run_steps(
    steps: list[dict[str, Any]],
    data: Mapping[str, Any],
    spec: Mapping[str, Any],
    project: Path,
    base: dict[str, str],
    skip: Collection[str],
    timeout: float,
) -> list[StepRun]:
    results: list[StepRun] = []
    failed = False
    for number, step in enumerate(steps, start=1):
        name = _step_name(step, number)
        step_id = str(step.get("id", ""))
        if "run" not in step:
            results.append(StepRun(name, step_id, "omitido", 0.0, "acción de GitHub (uses:)"))
            continue
        if failed:
            results.append(StepRun(name, step_id, "omitido", 0.0, "un paso anterior falló"))
            continue
        if step_id and step_id in skip:
            results.append(StepRun(name, step_id, "omitido", 0.0, "omitido a pedido (skip)"))
            continue
        extra, dropped = _plain_env(data.get("env"), spec.get("env"), step.get("env"))
        step_env = {key: value for key, value in base.items() if key not in dropped}
        step_env.update(extra)
        cwd = project / str(step.get("working-directory", "."))
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [*SHELL, str(step["run"])],
                cwd=cwd,
                env=step_env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            seconds = time.perf_counter() - started
            reason = f"no terminó en {timeout:.0f} s"
            results.append(StepRun(name, step_id, "falló", seconds, reason))
            failed = True
            continue
        seconds = time.perf_counter() - started
        output = (done.stdout + done.stderr)[-TAIL:]
        note = f"sin valor local: {', '.join(dropped)}" if dropped else ""
        if done.returncode == 0:
            results.append(StepRun(name, step_id, "ok", seconds, note, output))
        else:
            reason = f"código {done.returncode}: {output.strip()[-400:]}"
            results.append(StepRun(name, step_id, "falló", seconds, reason, output))
            failed = True
    return results
