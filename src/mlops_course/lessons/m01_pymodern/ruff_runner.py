"""Run the environment's ``ruff`` binary (lint and format) and turn its output into data.

ruff is a compiled program, not a Python library: it runs as a child process, found with the
``ruff`` package's own :func:`ruff.__main__.find_ruff_bin` (the binary installed next to the
interpreter, wherever the environment lives). Every call is ``--isolated`` (no ``pyproject.toml``
or ``ruff.toml`` above the student's folder changes the result), ``--no-cache`` (nothing is
written next to the checked files) and offline: ruff never touches the network.

The rule selection of the course (:data:`ML_RULES`) is explicit, so the notebook can explain
each family: ``F`` (pyflakes: unused imports and variables, undefined names), ``E`` (pycodestyle
errors), ``I`` (isort: import order), ``UP`` (pyupgrade: ``list[int]`` instead of
``typing.List``, ``X | None`` instead of ``Optional``) and ``B`` (flake8-bugbear: mutable
defaults, ``zip`` without ``strict=``…).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mlops_course.machinery.procenv import run_tool

ML_RULES: tuple[str, ...] = ("F", "E", "I", "UP", "B")
"""The rule families the course selects (see the module docstring)."""

LINE_LENGTH = 100
TARGET_VERSION = "py311"
_TIMEOUT_S = 60.0

RUFF_HINTS: dict[str, str] = {
    "F401": "import sin usar: bórralo (alarga el arranque y declara una dependencia falsa)",
    "F811": "nombre redefinido: la segunda definición tapa la primera",
    "F841": "variable asignada y nunca usada: bórrala o úsala",
    "F821": "nombre sin definir: una errata o un import que falta",
    "I001": "imports desordenados: biblioteca estándar, terceros y locales, en bloques y en orden",
    "UP006": "usa list/dict/tuple en las anotaciones, no typing.List/Dict/Tuple",
    "UP035": "ese import de typing está obsoleto: usa el tipo de collections.abc o el builtin",
    "UP007": "usa `X | Y` en lugar de Union[X, Y]",
    "UP045": "usa `X | None` en lugar de Optional[X]",
    "B006": "valor por defecto mutable: se comparte entre llamadas; usa None y créalo dentro",
    "B008": "llamada en un valor por defecto: se evalúa una sola vez, al definir la función",
    "B905": "zip() sin strict=: si las longitudes difieren, corta en silencio",
    "E501": "línea demasiado larga (máximo 100 caracteres)",
    "E711": "compara con None usando `is None`, no `== None`",
    "E722": "`except:` sin tipo atrapa también KeyboardInterrupt: nombra la excepción",
    "E741": "nombre ambiguo (l, O, I): usa un nombre que se lea",
}


def find_ruff() -> Path:
    """The ruff binary of this environment.

    First the one the ``ruff`` package installed (:func:`ruff.__main__.find_ruff_bin`, which
    knows the environment's scripts folder), then ``ruff`` on ``PATH``.

    Raises:
        RuntimeError: in Spanish, when there is no ruff to run.
    """
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:  # pragma: no cover - ruff is a dependency of the course
        pass
    else:
        try:
            return Path(find_ruff_bin())
        except FileNotFoundError:  # pragma: no cover - package without its binary
            pass
    on_path = shutil.which("ruff")
    if on_path is None:
        raise RuntimeError(
            "No encuentro el ejecutable de ruff en este entorno: instálalo con "
            "`pip install ruff` (el entorno del curso lo trae)."
        )
    return Path(on_path)


@dataclass(frozen=True)
class RuffFinding:
    """One ruff finding: where, which rule and ruff's own message."""

    path: str
    line: int
    column: int
    code: str
    message: str
    fixable: bool

    def short(self) -> str:
        """``file.py:12:5: B006 message``, with the file name only."""
        return f"{Path(self.path).name}:{self.line}:{self.column}: {self.code} {self.message}"

    def hint(self) -> str | None:
        """A Spanish hint for the rule, when the course has one."""
        return RUFF_HINTS.get(self.code)


@dataclass(frozen=True)
class RuffReport:
    """The outcome of one ``ruff check`` run."""

    exit_status: int
    findings: tuple[RuffFinding, ...]
    stderr: str

    @property
    def ok(self) -> bool:
        """True when ruff exited with status 0 and found nothing."""
        return self.exit_status == 0 and not self.findings

    @property
    def codes(self) -> tuple[str, ...]:
        """The rule code of each finding, in ruff's order."""
        return tuple(f.code for f in self.findings)

    def in_file(self, file_name: str) -> tuple[RuffFinding, ...]:
        """Findings in the file whose name (not path) is ``file_name``."""
        return tuple(f for f in self.findings if Path(f.path).name == file_name)

    def summary(self) -> str:
        """A Spanish summary followed by one line per finding (ruff's words) and a hint."""
        if self.ok:
            return "ruff check: sin hallazgos."
        if not self.findings:
            return f"ruff terminó con estado {self.exit_status}: {self.stderr.strip()}"
        lines = [f"ruff check: {len(self.findings)} hallazgo(s)."]
        for finding in self.findings:
            hint = finding.hint()
            mark = " [*]" if finding.fixable else ""
            lines.append(f"  {finding.short()}{mark}" + (f"  → {hint}" if hint else ""))
        if any(f.fixable for f in self.findings):
            lines.append("  [*] ese arreglo es seguro y lo aplica `ruff check --fix`.")
        return "\n".join(lines)


@dataclass(frozen=True)
class RuffFormatReport:
    """The outcome of one ``ruff format`` run (``--check --diff`` or writing)."""

    exit_status: int
    would_reformat: tuple[str, ...]
    diff: str
    stderr: str

    @property
    def ok(self) -> bool:
        """True when every file is already formatted (or was formatted without errors)."""
        return self.exit_status == 0 and not self.would_reformat

    def summary(self) -> str:
        """A Spanish summary followed by ruff's diff (what ``ruff format`` would change)."""
        if self.ok:
            return "ruff format: nada que cambiar."
        if not self.would_reformat:
            return f"ruff format terminó con estado {self.exit_status}: {self.stderr.strip()}"
        names = ", ".join(Path(p).name for p in self.would_reformat)
        return (
            f"ruff format cambiaría {len(self.would_reformat)} archivo(s): {names}. "
            "Diferencias (- lo tuyo, + lo que escribiría ruff format):\n" + self.diff.rstrip()
        )


def _common_args() -> list[str]:
    return [
        "--isolated",
        "--no-cache",
        "--line-length",
        str(LINE_LENGTH),
        "--target-version",
        TARGET_VERSION,
    ]


def _check_targets(targets: Sequence[Path]) -> list[str]:
    if not targets:
        raise ValueError("ruff necesita al menos un archivo o carpeta que comprobar.")
    missing = [str(t) for t in targets if not Path(t).exists()]
    if missing:
        raise ValueError(f"No existe(n): {', '.join(missing)}.")
    return [str(t) for t in targets]


def parse_ruff_json(stdout: str) -> tuple[RuffFinding, ...]:
    """Findings from ``ruff check --output-format json`` (an empty output is no finding)."""
    if not stdout.strip():
        return ()
    raw = json.loads(stdout)
    if not isinstance(raw, list):
        raise ValueError("La salida JSON de ruff debía ser una lista de hallazgos.")
    findings: list[RuffFinding] = []
    for item in raw:
        location = item.get("location") or {}
        fix = item.get("fix")
        findings.append(
            RuffFinding(
                path=str(item.get("filename", "")),
                line=int(location.get("row", 0)),
                column=int(location.get("column", 0)),
                code=str(item.get("code") or item.get("name") or "?"),
                message=str(item.get("message", "")),
                fixable=bool(fix) and fix.get("applicability") == "safe",
            )
        )
    return tuple(findings)


def run_ruff_check(
    targets: Sequence[Path],
    *,
    select: Sequence[str] = ML_RULES,
    fix: bool = False,
    ignore_noqa: bool = False,
) -> RuffReport:
    """``ruff check`` on ``targets`` with an explicit rule selection.

    With ``fix=True`` ruff applies its *safe* fixes in place and reports what is left.
    With ``ignore_noqa=True`` a ``# noqa`` comment does not silence anything.

    Raises:
        ValueError: if ``targets`` or ``select`` is empty, or a target does not exist.
        RuntimeError: if ruff cannot run or its output is not JSON.
    """
    paths = _check_targets(targets)
    if not select:
        raise ValueError("Elige al menos una familia de reglas (p. ej. 'F').")
    command = [
        str(find_ruff()),
        "check",
        *_common_args(),
        "--select",
        ",".join(select),
        "--output-format",
        "json",
    ]
    if fix:
        command.append("--fix")
    if ignore_noqa:
        command.append("--ignore-noqa")
    proc = run_tool([*command, *paths], timeout=_TIMEOUT_S)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"ruff check falló (estado {proc.returncode}): {proc.stderr.strip()}")
    try:
        findings = parse_ruff_json(proc.stdout)
    except ValueError as err:  # json.JSONDecodeError is a ValueError
        raise RuntimeError(f"No entiendo la salida de ruff check: {err}") from err
    return RuffReport(proc.returncode, findings, proc.stderr)


def run_ruff_format(targets: Sequence[Path], *, check: bool = True) -> RuffFormatReport:
    """``ruff format`` on ``targets``: with ``check`` only report (and diff); otherwise write.

    A file with a syntax error cannot be formatted: ruff exits with status 2 and the report is
    not ``ok`` (its summary carries ruff's error).

    Raises:
        ValueError: if ``targets`` is empty or a target does not exist.
    """
    paths = _check_targets(targets)
    command = [str(find_ruff()), "format", *_common_args()]
    if check:
        command.extend(["--check", "--diff"])
    proc = run_tool([*command, *paths], timeout=_TIMEOUT_S)
    would = tuple(
        line.removeprefix("--- ").strip()
        for line in proc.stdout.splitlines()
        if line.startswith("--- ")
    )
    return RuffFormatReport(proc.returncode, would if check else (), proc.stdout, proc.stderr)
