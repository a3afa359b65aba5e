"""Run mypy in-process through its public API and turn its output into data.

``mypy.api.run`` costs about 1.5-2.5 s on a cold cache for a small stdlib-only file (most of it
is reading typeshed), so the notebook calls it sparingly and always with a cache directory inside
the student's workspace: nothing is written next to the notebooks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mypy import api

_LINE_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?:(?P<column>\d+):)? (?P<severity>error|note|warning): "
    r"(?P<message>.*?)(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)


@dataclass(frozen=True)
class MypyIssue:
    """One line of mypy output: where, how serious, what and which error code."""

    path: str
    line: int
    column: int | None
    severity: str
    message: str
    code: str | None

    def short(self) -> str:
        """``file.py:12: [code] message``, with the file name only."""
        code = f"[{self.code}] " if self.code else ""
        return f"{Path(self.path).name}:{self.line}: {code}{self.message}"


@dataclass(frozen=True)
class MypyReport:
    """The outcome of one mypy run."""

    exit_status: int
    issues: tuple[MypyIssue, ...]
    stdout: str
    stderr: str

    @property
    def errors(self) -> tuple[MypyIssue, ...]:
        """Only the ``error`` lines (notes explain errors; they are not errors themselves)."""
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def ok(self) -> bool:
        """True when mypy exited with status 0 and reported no error."""
        return self.exit_status == 0 and not self.errors

    def errors_in(self, file_name: str) -> tuple[MypyIssue, ...]:
        """Errors reported in the file whose name (not path) is ``file_name``."""
        return tuple(e for e in self.errors if Path(e.path).name == file_name)

    def summary(self) -> str:
        """A short Spanish summary followed by one line per error."""
        if self.ok:
            return "mypy: sin errores."
        if not self.errors:
            return f"mypy terminó con estado {self.exit_status}: {self.stderr.strip()}"
        lines = [f"mypy: {len(self.errors)} error(es)."]
        lines.extend(f"  {e.short()}" for e in self.errors)
        return "\n".join(lines)


def parse_mypy_output(stdout: str) -> tuple[MypyIssue, ...]:
    """Parse mypy's ``file:line[:col]: severity: message  [code]`` lines (others are skipped)."""
    issues: list[MypyIssue] = []
    for raw in stdout.splitlines():
        match = _LINE_RE.match(raw.strip())
        if match is None:
            continue
        column = match["column"]
        issues.append(
            MypyIssue(
                path=match["path"],
                line=int(match["line"]),
                column=int(column) if column else None,
                severity=match["severity"],
                message=match["message"].strip(),
                code=match["code"],
            )
        )
    return tuple(issues)


def run_mypy(
    targets: Sequence[Path],
    *,
    cache_dir: Path,
    strict: bool = True,
    extra_args: Sequence[str] = (),
) -> MypyReport:
    """Type-check ``targets`` (files or package folders) with mypy's API.

    No configuration file is read (``--config-file=``): the result depends only on these
    arguments, not on a ``pyproject.toml`` that happens to sit above the current directory.

    Raises:
        ValueError: if ``targets`` is empty or one of them does not exist.
    """
    if not targets:
        raise ValueError("run_mypy necesita al menos un archivo o carpeta que comprobar.")
    missing = [str(t) for t in targets if not Path(t).exists()]
    if missing:
        raise ValueError(f"No existe(n): {', '.join(missing)}.")
    cache_dir.mkdir(parents=True, exist_ok=True)
    args = [
        "--config-file=",
        "--cache-dir",
        str(cache_dir),
        "--show-column-numbers",
        "--show-error-codes",
        "--no-color-output",
        "--no-error-summary",
        "--python-version",
        "3.11",
    ]
    if strict:
        args.append("--strict")
    args.extend(extra_args)
    args.extend(str(t) for t in targets)
    stdout, stderr, status = api.run(args)
    return MypyReport(status, parse_mypy_output(stdout), stdout, stderr)
