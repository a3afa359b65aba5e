"""One checker per tool, each calling the exact function its module uses to run the real tool.

=====================  ====================================================================
tool                   function reused (module)
=====================  ====================================================================
actionlint             :func:`mlops_course.lessons.m09_ci.linters.run_actionlint` (09)
hadolint               :func:`mlops_course.lessons.m10_docker.hadolint.run_hadolint` (10)
validate-pyproject     :func:`mlops_course.lessons.m01_pymodern.packaging_checks.pyproject_problems`
dvc                    :func:`mlops_course.lessons.m05_dataops.project.check_dvc_yaml` (05)
kubernetes-validate    :func:`mlops_course.lessons.m14_k8s.validation.validate_all` (14)
terraform validate     :class:`mlops_course.lessons.m13_terraform.runner.Terraform` (13)
model card             :func:`mlops_course.lessons.m16_docs.modelcard.render_template` (16)
ADR                    :func:`mlops_course.lessons.r19_adrs.sections.missing_sections` (19)
pre-commit             :func:`mlops_course.lessons.m04_vcs.precommit.run_pre_commit` (04)
make -n                ``make -n`` (GNU make's dry run), through ``procenv.run_tool``
=====================  ====================================================================

Layer 17 ships the project's Makefile and its ``.pre-commit-config.yaml`` (the hooks of
module 04); both are templates like the rest.
Files are written to a throwaway folder, never next to the course's sources.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml
from jinja2 import TemplateError

from mlops_course.lessons.common.gitenv import isolated_env
from mlops_course.lessons.m01_pymodern.packaging_checks import pyproject_problems
from mlops_course.lessons.m04_vcs.precommit import run_pre_commit
from mlops_course.lessons.m05_dataops.project import check_dvc_yaml
from mlops_course.lessons.m09_ci.linters import run_actionlint
from mlops_course.lessons.m10_docker.hadolint import blocking, run_hadolint
from mlops_course.lessons.m13_terraform.runner import Terraform, TerraformError
from mlops_course.lessons.m14_k8s.validation import load_documents, validate_all
from mlops_course.lessons.m16_docs.modelcard import render_template
from mlops_course.lessons.m16_docs.templates import MODEL_CARD
from mlops_course.lessons.r19_adrs.sections import missing_sections
from mlops_course.lessons.r21_templates.names import REFERENCE, NameForms
from mlops_course.lessons.r21_templates.registry import Template, render
from mlops_course.machinery.procenv import run_tool, tool_env

TOOL_TIMEOUT: Final = 60.0


@dataclass(frozen=True)
class Verdict:
    """What the real tool said about a rendered template: passes or not, and each problem."""

    template: str
    tool: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when the tool found nothing."""
        return not self.problems

    def __str__(self) -> str:
        if self.ok:
            return f"{self.template}: {self.tool} lo acepta."
        return f"{self.template}: {self.tool} lo rechaza:\n" + "\n".join(
            f"  - {problem}" for problem in self.problems
        )


# Sample values for the model card's placeholders: the check is that every placeholder has a
# value and every section of module 16's card survives, not what the values say.
SAMPLE_CARD: Final[Mapping[str, Any]] = {
    "name": "modelo",
    "version": 1,
    "alias": "champion",
    "run_id": "0" * 32,
    "model_type": "LogisticRegression",
    "owner": "equipo",
    "intended_use": "uso previsto",
    "out_of_scope": "fuera de alcance",
    "sensitive_attribute": "gender",
    "metrics": {"roc_auc": 0.8},
    "data_version": "md5",
    "ethical_considerations": "consideraciones",
    "limitations": ["limitación"],
}
CARD_SECTIONS: Final = tuple(re.findall(r"^## (.+)$", MODEL_CARD, flags=re.MULTILINE))


def _write(files: Mapping[str, str], root: Path) -> list[Path]:
    written = []
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _actionlint(files: Mapping[str, str], root: Path) -> list[str]:
    return [str(finding) for path in _write(files, root) for finding in run_actionlint(path)]


def _hadolint(files: Mapping[str, str], root: Path) -> list[str]:
    return [
        f"{finding.code} ({finding.level}) línea {finding.line}: {finding.message}"
        for text in files.values()
        for finding in blocking(run_hadolint(text))
    ]


def _pyproject(files: Mapping[str, str], root: Path) -> list[str]:
    return [problem for path in _write(files, root) for problem in pyproject_problems(path)]


def _dvc(files: Mapping[str, str], root: Path) -> list[str]:
    problems = []
    for text in files.values():
        try:
            check_dvc_yaml(yaml.safe_load(text) or {})
        except (ValueError, yaml.YAMLError) as error:
            problems.append(str(error))
    return problems


def _kubernetes(files: Mapping[str, str], root: Path) -> list[str]:
    problems = []
    for relative, text in files.items():
        try:
            problems += [f"{relative}: {item}" for item in validate_all(load_documents(text))]
        except ValueError as error:
            problems.append(f"{relative}: {error}")
    return problems


def _terraform(files: Mapping[str, str], root: Path) -> list[str]:
    _write(files, root)
    folders = sorted({(root / relative).parent for relative in files if relative.endswith(".tf")})
    problems = []
    for folder in folders:
        terraform = Terraform(folder)
        try:
            terraform.init()
            validation = terraform.validate()
        except TerraformError as error:
            problems.append(str(error))
            continue
        problems += [
            f"{item.filename}:{item.line}: {item.summary} {item.detail}".strip()
            for item in validation.errors
        ]
    return problems


def _model_card(files: Mapping[str, str], root: Path) -> list[str]:
    problems = []
    for relative, text in files.items():
        try:
            page = render_template(text, SAMPLE_CARD)
        except TemplateError as error:
            problems.append(f"{relative}: jinja2 no pudo llenarla: {error}")
            continue
        present = set(re.findall(r"^## (.+)$", page, flags=re.MULTILINE))
        problems += [
            f"{relative}: falta la sección «{name}» de la model card del módulo 16"
            for name in CARD_SECTIONS
            if name not in present
        ]
    return problems


def _adr(files: Mapping[str, str], root: Path) -> list[str]:
    return [
        f"{relative}: falta la sección {name} (o está vacía)"
        for relative, text in files.items()
        for name in missing_sections(text)
    ]


def _pre_commit(files: Mapping[str, str], root: Path) -> list[str]:
    env = isolated_env(root / ".home")
    problems = []
    for path in _write(files, root):
        done = run_pre_commit(
            "validate-config", str(path), cwd=path.parent, env=env, timeout=TOOL_TIMEOUT
        )
        if done.returncode != 0:
            problems.append(f"{path.name}: {(done.stdout + done.stderr).strip()[-600:]}")
    return problems


def _make(files: Mapping[str, str], root: Path) -> list[str]:
    make = shutil.which("make")
    if make is None:
        return ["No encuentro `make` en esta computadora: instálalo (apt-get install make)."]
    problems = []
    for path in _write(files, root):
        try:
            done = run_tool(
                [make, "-n", "-f", path.name],
                cwd=path.parent,
                env=tool_env(),
                timeout=TOOL_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            problems.append(f"{path.name}: make -n no terminó en {TOOL_TIMEOUT:.0f} s")
            continue
        if done.returncode != 0:
            problems.append(f"{path.name}: {done.stderr.strip()[-600:]}")
    return problems


CHECKERS: Final[Mapping[str, Callable[[Mapping[str, str], Path], list[str]]]] = {
    "actionlint": _actionlint,
    "hadolint": _hadolint,
    "validate-pyproject": _pyproject,
    "dvc": _dvc,
    "kubernetes-validate": _kubernetes,
    "terraform validate": _terraform,
    "model card": _model_card,
    "ADR": _adr,
    "pre-commit": _pre_commit,
    "make -n": _make,
}


def run_checker(tool: str, files: Mapping[str, str], label: str = "") -> Verdict:
    """Run ``tool`` (a key of :data:`CHECKERS`) on ``files`` (path → text), in a throwaway folder.

    Raises:
        KeyError: in Spanish, for a tool without a checker.
    """
    if tool not in CHECKERS:
        raise KeyError(f"No hay verificador para {tool!r}; los que hay: {', '.join(CHECKERS)}.")
    with tempfile.TemporaryDirectory(prefix="r21-") as scratch:
        problems = CHECKERS[tool](files, Path(scratch))
    return Verdict(label or tool, tool, tuple(problems))


def check_files(template: Template, files: Mapping[str, str]) -> Verdict:
    """Run ``template``'s tool on ``files`` (path → text), in a throwaway folder."""
    return run_checker(template.tool, files, template.key)


def check(template: Template, forms: NameForms = REFERENCE) -> Verdict:
    """Render ``template`` for ``forms`` and run its tool on the result."""
    return check_files(template, render(template, forms))
