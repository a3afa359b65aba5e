"""The real workflow linters, run offline on one file, their JSON parsed into typed findings.

* actionlint (the kjanat fork's wheel bundles the binary, ADR-09-01) checks syntax, expressions,
  ``needs``/matrix references and, through shellcheck, every ``run:`` script;
* check-jsonschema validates against the vendored ``github-workflows`` schema (no download);
* zizmor ``--offline`` audits security: template injection, unpinned ``uses:``, excessive
  permissions, credentials persisted by checkout …

Each tool is taken from the running interpreter's ``bin/`` (never a bare ``PATH`` lookup that
could find another copy) and runs with a timeout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from mlops_course.machinery.procenv import run_tool, tool_env

TIMEOUT: Final = 60.0
TOOLS: Final = ("actionlint", "check-jsonschema", "zizmor")


@dataclass(frozen=True)
class Finding:
    """One problem a linter reports: which tool, which rule, where, and what it says."""

    tool: str  # "actionlint" | "check-jsonschema" | "zizmor"
    rule: str  # actionlint's kind, zizmor's audit id, or "schema"
    line: int  # 1-based; 0 when the tool gives no line
    message: str

    def __str__(self) -> str:
        return f"{self.tool} [{self.rule}] línea {self.line}: {self.message}"


def tool_path(name: str) -> Path:
    """The course's copy of ``name`` (next to the running interpreter).

    Raises:
        FileNotFoundError: in Spanish, if the course environment lacks the tool.
    """
    path = Path(sys.executable).parent / name
    if not path.is_file():
        raise FileNotFoundError(
            f"No encuentro {name} junto al intérprete del curso ({path.parent}): "
            "ejecuta `make setup` (instala las dependencias del curso)."
        )
    return path


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return run_tool(command, cwd=cwd, env=tool_env(), timeout=TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(
            f"{Path(command[0]).name} no terminó en {TIMEOUT:.0f} s con {command[-1]}."
        ) from error


def _checked(workflow: Path) -> Path:
    workflow = Path(workflow)
    if not workflow.is_file():
        raise FileNotFoundError(f"No existe el workflow {workflow}.")
    return workflow.resolve()


def run_actionlint(workflow: Path) -> list[Finding]:
    """actionlint (+ shellcheck on ``run:`` scripts) on ``workflow``.

    Raises:
        FileNotFoundError: the workflow or the tool is missing.
        RuntimeError: the tool crashed or timed out (its own message included).
    """
    workflow = _checked(workflow)
    command = [
        str(tool_path("actionlint")),
        f"-shellcheck={tool_path('shellcheck')}",
        "-format",
        "{{json .}}",
        "-no-color",
        str(workflow),
    ]
    done = _run(command, workflow.parent)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"actionlint falló (código {done.returncode}): {done.stderr.strip()}")
    items: list[dict[str, Any]] = json.loads(done.stdout or "[]") or []
    return [
        Finding("actionlint", str(item.get("kind", "")), int(item.get("line", 0)), item["message"])
        for item in items
    ]


def run_schema(workflow: Path) -> list[Finding]:
    """check-jsonschema with the vendored ``vendor.github-workflows`` schema (offline).

    Raises:
        FileNotFoundError: the workflow or the tool is missing.
        RuntimeError: the tool crashed or timed out.
    """
    workflow = _checked(workflow)
    command = [
        str(tool_path("check-jsonschema")),
        "--builtin-schema",
        "vendor.github-workflows",
        "--output-format",
        "json",
        str(workflow),
    ]
    done = _run(command, workflow.parent)
    try:
        report: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"check-jsonschema falló (código {done.returncode}): {done.stderr.strip()[-600:]}"
        ) from error
    findings: list[Finding] = []
    for problem in report.get("errors", []):
        best = problem.get("best_match") or problem  # the most specific of the sub-errors
        findings.append(
            Finding("check-jsonschema", "schema", 0, f"{best.get('path', '$')}: {best['message']}")
        )
    findings += [
        Finding("check-jsonschema", "parse", 0, str(problem.get("message", problem)))
        for problem in report.get("parse_errors", [])
    ]
    return findings


def run_zizmor(workflow: Path) -> list[Finding]:
    """zizmor ``--offline`` (security audits, default persona) on ``workflow``.

    Raises:
        FileNotFoundError: the workflow or the tool is missing.
        RuntimeError: the tool could not read the file or timed out.
    """
    workflow = _checked(workflow)
    command = [str(tool_path("zizmor")), "--offline", "--format", "json", "--no-progress"]
    done = _run([*command, str(workflow)], workflow.parent)
    if not done.stdout.strip():
        if done.returncode == 0:
            return []
        # zizmor audits nothing it cannot parse: that is a finding about the file, not a crash.
        warnings = [line for line in done.stderr.splitlines() if "WARN" in line or "error" in line]
        reason = warnings[0].split("input: ", 1)[-1].strip() if warnings else done.stderr[:300]
        return [Finding("zizmor", "entrada", 0, f"zizmor no pudo leer el workflow: {reason}")]
    try:
        items: list[dict[str, Any]] = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"zizmor falló (código {done.returncode}): {done.stderr.strip()[-600:]}"
        ) from error
    findings = []
    for item in items:
        locations = item.get("locations", [])
        primary = next(
            (loc for loc in locations if loc["symbolic"].get("kind") == "Primary"),
            locations[0] if locations else None,
        )
        line = primary["concrete"]["location"]["start_point"]["row"] + 1 if primary else 0
        note = primary["symbolic"].get("annotation", "") if primary else ""
        message = f"{item['desc']}" + (f" ({note})" if note else "")
        findings.append(Finding("zizmor", str(item["ident"]), int(line), message))
    return findings


def lint_workflow(workflow: Path) -> list[Finding]:
    """Every linter on ``workflow``: schema first (cheapest to read), then actionlint, zizmor."""
    return [*run_schema(workflow), *run_actionlint(workflow), *run_zizmor(workflow)]
