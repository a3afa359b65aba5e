"""Checks of the infrastructure layers: Terraform (13) and the Kubernetes manifests (14)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Final

from mlops_course.lessons.m13_terraform.runner import Terraform, TerraformError
from mlops_course.lessons.m14_k8s.overlay import render
from mlops_course.lessons.m14_k8s.policy import check_policy
from mlops_course.lessons.m14_k8s.validation import validate_all
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context

ENVIRONMENTS: Final = ("dev", "staging", "prod")
IGNORED: Final = shutil.ignore_patterns(".terraform", "state", "tfplan", "*.tfstate*")
SHOWN: Final = 8


def _terraform_folder(copy: Path, label: str) -> str:
    terraform = Terraform(copy)
    unformatted = terraform.fmt_check()
    if unformatted:
        raise CheckFailed(
            f"{label}: `terraform fmt -check` reescribiría archivos (ejecuta `terraform fmt`).",
            unformatted[:SHOWN],
        )
    terraform.run("init", "-backend=false", "-input=false", "-no-color")
    validation = terraform.validate()
    if not validation.valid:
        shown = tuple(str(item) for item in validation.diagnostics)
        raise CheckFailed(f"{label}: `terraform validate` falla.", shown[:SHOWN])
    tested = terraform.run("test", "-no-color", ok=(0, 1))
    if tested.returncode != 0:
        lines = [line for line in (tested.stdout + tested.stderr).splitlines() if line.strip()]
        raise CheckFailed(f"{label}: `terraform test` falla.", tuple(lines[-SHOWN:]))
    summary = [line for line in tested.stdout.splitlines() if "passed" in line]
    return f"{label}: fmt, validate y test ({summary[-1].strip() if summary else 'ok'})"


def terraform(project: Path, context: Context) -> tuple[str, ...]:
    """On a copy of infra/ (no state or plugins written into the project): fmt -check, init
    without backend, validate, and ``terraform test`` in the root and in every local module
    that has tests."""
    infra = project / "infra"
    if not (infra / "main.tf").is_file():
        raise CheckFailed("Falta infra/main.tf (módulo 13).")
    copy = context.scratch / "infra"
    shutil.copytree(infra, copy, ignore=IGNORED)
    missing = [name for name in ENVIRONMENTS if not (copy / "envs" / f"{name}.tfvars").is_file()]
    if missing:
        raise CheckFailed(f"Faltan las variables por entorno: envs/{{{','.join(missing)}}}.tfvars.")
    modules = sorted(path.parent for path in (copy / "modules").glob("*/tests") if path.is_dir())
    folders = [copy, *modules]
    try:
        evidence = tuple(
            _terraform_folder(folder, str(folder.relative_to(copy.parent))) for folder in folders
        )
    except TerraformError as error:
        raise CheckFailed("Terraform falló.", tuple(str(error).splitlines()[-SHOWN:])) from error
    return evidence


def kubernetes(project: Path, context: Context) -> tuple[str, ...]:
    """Each overlay (dev, staging, prod) rendered like ``kubectl kustomize``, valid against the
    pinned Kubernetes schema (strict) and compliant with the course's policy."""
    overlays = project / "k8s" / "overlays"
    evidence = []
    for name in ENVIRONMENTS:
        folder = overlays / name
        if not (folder / "kustomization.yaml").is_file():
            raise CheckFailed(f"Falta el overlay k8s/overlays/{name}/kustomization.yaml.")
        try:
            docs = render(folder)
        except (ValueError, OSError, KeyError) as error:
            raise CheckFailed(f"El overlay {name} no se puede renderizar: {error}.") from error
        problems = [str(item) for item in validate_all(docs)]
        if problems:
            raise CheckFailed(f"{name}: manifiestos inválidos.", tuple(problems[:SHOWN]))
        findings = [str(item) for item in check_policy(docs)]
        if findings:
            raise CheckFailed(f"{name}: la política del curso falla.", tuple(findings[:SHOWN]))
        evidence.append(f"{name}: {len(docs)} recursos válidos y conformes")
    return tuple(evidence)
