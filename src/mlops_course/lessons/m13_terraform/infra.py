"""The churn project's reference infrastructure: ``infra/`` of the project's layer 13.

The Terraform text is package data of the churn project (``churn_project/layers/13/infra/``):
checkpoint 13 holds it and the project's ``tests/test_infra.py`` checks it with Terraform.
``infra/`` is the configuration after the ``for_each`` refactor of the buckets (version 2,
with its ``moved`` blocks); ``history/buckets_v1.tf`` is the buckets file before it. The
``aws_equivalente/`` folder is text only: the same resources with the AWS provider, which
``terraform fmt`` accepts but ``terraform validate`` cannot check offline.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Final, Literal

Version = Literal["v1", "v2"]
ENVIRONMENTS: Final = ("dev", "staging", "prod")
REFACTOR_FILE: Final = "refactors.tf"
_SKIP: Final = {".terraform", "state", "tfplan", ".terraform.lock.hcl", "__pycache__"}


def infra_source() -> Path:
    """The folder of the reference configuration: ``infra/`` of the churn project's layer 13."""
    return Path(str(resources.files("mlops_course.lessons.churn_project") / "layers/13/infra"))


def var_file(environment: str) -> str:
    """The tfvars of ``environment`` relative to the configuration (``envs/<env>.tfvars``).

    Raises:
        ValueError: ``environment`` is not dev, staging or prod.
    """
    if environment not in ENVIRONMENTS:
        raise ValueError(f"Entorno {environment!r} desconocido: usa {', '.join(ENVIRONMENTS)}.")
    return f"envs/{environment}.tfvars"


def stage_infra(dest: str | Path, version: Version = "v2", *, moved: bool = True) -> Path:
    """Copy the reference configuration to ``dest`` (replaced if it exists) and return it.

    ``version="v1"`` is the configuration before the refactor (one ``module`` block per
    bucket, no ``moved`` blocks); ``"v2"`` the one after it, with ``refactors.tf`` unless
    ``moved=False`` (the refactor the student completes). Never copies state or plans.

    Raises:
        ValueError: unknown ``version``.
    """
    if version not in ("v1", "v2"):
        raise ValueError(f"Versión {version!r} desconocida: usa 'v1' o 'v2'.")
    target = Path(dest)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        infra_source(), target, ignore=lambda _folder, names: [n for n in names if n in _SKIP]
    )
    if version == "v1":
        shutil.copyfile(target / "history" / "buckets_v1.tf", target / "buckets.tf")
    if version == "v1" or not moved:
        (target / REFACTOR_FILE).unlink()
    return target


def switch_to_v2(folder: str | Path, *, moved_blocks: str | None = None) -> None:
    """Turn a staged v1 configuration into v2, keeping its state and ``.terraform``.

    ``moved_blocks`` is the text of ``refactors.tf`` (None: no ``moved`` blocks at all). The
    new ``module "buckets"`` block is not installed yet: run ``terraform init`` before the plan.
    """
    path = Path(folder)
    shutil.copyfile(infra_source() / "buckets.tf", path / "buckets.tf")
    refactor = path / REFACTOR_FILE
    if moved_blocks is None:
        refactor.unlink(missing_ok=True)
    else:
        refactor.write_text(moved_blocks, encoding="utf-8")
