"""``terraform test`` on a module folder with test files the caller writes, read run by run."""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from mlops_course.lessons.m13_terraform.runner import Terraform

_RUN: Final = re.compile(r'^\s*run "(?P<name>[^"]+)"\.\.\. (?P<status>pass|fail|skip|error)', re.M)


@dataclass(frozen=True)
class TestReport:
    """The verdict of every ``run`` block, and Terraform's output to show when one fails."""

    runs: Mapping[str, str]
    output: str

    @property
    def failed(self) -> tuple[str, ...]:
        """The runs that did not pass."""
        return tuple(name for name, status in self.runs.items() if status != "pass")


def parse_test_output(text: str) -> dict[str, str]:
    """``{run name: pass|fail|skip|error}`` from the human output of ``terraform test``."""
    return {found["name"]: found["status"] for found in _RUN.finditer(text)}


def run_terraform_tests(module: str | Path, tests: Mapping[str, str], scratch: Path) -> TestReport:
    """Copy ``module`` to ``scratch`` (replaced), add the ``tests/`` files, run ``terraform test``.

    Raises:
        FileNotFoundError: ``module`` does not exist.
        TerraformError: init failed (the module does not parse).
    """
    source = Path(module)
    if not source.is_dir():
        raise FileNotFoundError(f"No existe el módulo {source}.")
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(
        source, scratch, ignore=shutil.ignore_patterns(".terraform", "*.tfstate*", "tests")
    )
    (scratch / "tests").mkdir()
    for name, text in tests.items():
        (scratch / "tests" / name).write_text(text, encoding="utf-8")
    tf = Terraform(scratch)
    tf.init()
    result = tf.test()
    output = result.stdout + result.stderr
    return TestReport(parse_test_output(output), output)
