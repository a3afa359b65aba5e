"""A sandbox per submission: the student's kernel, and every process it starts, under bubblewrap.

``nbgrader autograde`` runs outside, as the instructor: it rebuilds the notebook from the source
(hidden tests included), sends each cell to the kernel, and scores the outputs. Only the kernel
runs the student's code, so only the kernel goes in the sandbox (ADR-0010). It is launched through
a per-student kernelspec whose command is ``bwrap … python -m ipykernel_launcher``, talking to
nbgrader over Unix sockets (``KernelManager.transport = "ipc"``) in a private runtime folder.

Inside, the kernel sees the read-only course environment (system folders, the Python install, the
virtual environment, the course package), a private copy of its own submission folder (its working
directory), its own workspace, an empty ``/tmp`` and ``HOME``, and its connection files. It does not
see the course folder, the gradebook, other submissions, source notebooks, the instructor's home
or environment variables, nor the network (its own network namespace has only loopback). It has
its own PID namespace: when the kernel ends (or nbgrader dies), every process it started ends too.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SANDBOX_HOME = "/home/estudiante"
SANDBOX_UID = 1000
KERNEL_NAME = "python3"
"""The course's notebooks ask for ``python3``: the sandboxed spec takes that name in the shadow."""
SYSTEM_DIRS = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt")
PASSED_ENV = (
    "LANG",
    "LC_ALL",
    "TZ",
    "NBGRADER_EXECUTION",
    "MLFLOW_DISABLE_TELEMETRY",
    "DVC_NO_ANALYTICS",
    "DO_NOT_TRACK",
    "PYDEVD_DISABLE_FILE_VALIDATION",
    "PYTHONHASHSEED",
)
"""The only environment variables that reach the kernel (values from the grading process)."""
INSTALL_HINT = (
    "instala bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap) o, solo si confías en "
    "todas las entregas, califica con --unsafe-no-sandbox"
)


class SandboxUnavailable(RuntimeError):
    """Grading was asked to sandbox submissions and this machine cannot."""


@dataclass(frozen=True)
class SandboxPaths:
    """The only writable places a sandboxed kernel sees (all private to one student)."""

    workdir: Path
    """A copy of the student's submission folder: the kernel's working directory."""
    workspace: Path
    """``MLOPS_WORKSPACE``: where the course's notebooks write their deliverables."""
    runtime: Path
    """Connection file and Unix sockets between nbgrader and the kernel."""


@functools.cache
def sandbox_problem() -> str | None:
    """``None`` when bubblewrap can start a sandbox here; otherwise the reason, in Spanish."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "no se encontró bwrap (bubblewrap)"
    probe = [bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"]
    try:
        proc = subprocess.run(probe, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bwrap no arrancó: {exc}"
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        return "bwrap no puede crear un sandbox aquí: " + (detail[-1] if detail else "sin detalle")
    return None


def require_sandbox() -> None:
    """Raise :class:`SandboxUnavailable` (Spanish message with the fix) if there is no sandbox."""
    problem = sandbox_problem()
    if problem is not None:
        raise SandboxUnavailable(
            f"No se puede aislar el código de los estudiantes: {problem}. Sin sandbox, una "
            f"entrega podría leer o cambiar notas y tests ocultos. Para calificar, {INSTALL_HINT}."
        )


def _course_package_root() -> Path:
    """The folder that holds the ``mlops_course`` package (``src/`` in an editable install)."""
    import mlops_course

    return Path(mlops_course.__file__).resolve().parent.parent


def _assets() -> Path:
    from mlops_course.machinery.roadmap import assets_dir

    return assets_dir()


def readonly_roots() -> list[Path]:
    """Folders the kernel reads: the Python install, the environment, the course package and
    the course's public assets (decision aids, roadmap)."""
    roots = {
        Path(sys.prefix),
        Path(sys.base_prefix).resolve(),
        Path(sys.executable).resolve().parent.parent,
        _course_package_root(),
    }
    if _assets().is_dir():
        roots.add(_assets())
    return sorted(roots)


def _system_mounts() -> list[str]:
    args: list[str] = []
    for name in SYSTEM_DIRS:
        path = Path(name)
        if path.is_symlink():  # merged /usr: /bin -> usr/bin
            args += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            args += ["--ro-bind", name, name]
    return args


def _base_env(workspace: Path, environ: dict[str, str]) -> dict[str, str]:
    """What every sandboxed process sees: the passed variables, a private HOME, the course's
    environment first on PATH and ``workspace`` as ``MLOPS_WORKSPACE``."""
    venv_bin = str(Path(sys.executable).parent)
    values = {name: environ[name] for name in PASSED_ENV if name in environ}
    values.update(
        HOME=SANDBOX_HOME,
        USER="estudiante",
        PATH=os.pathsep.join([venv_bin, "/usr/local/bin", "/usr/bin", "/bin"]),
        MLOPS_WORKSPACE=str(workspace),
        MLOPS_ASSETS_DIR=str(_assets()),
        MPLBACKEND="agg",
    )
    return values


def _env_args(paths: SandboxPaths, environ: dict[str, str]) -> list[str]:
    values = _base_env(paths.workspace, environ)
    # The kernelspec is written before `nbgrader autograde` sets this variable in its own
    # process, and the sandbox clears the rest: a notebook that checks it would not see it.
    values.setdefault("NBGRADER_EXECUTION", "autograde")
    values["MPLCONFIGDIR"] = str(matplotlib_dir(paths))
    return _setenv(values)


def _setenv(values: dict[str, str]) -> list[str]:
    args: list[str] = []
    for name, value in sorted(values.items()):
        args += ["--setenv", name, value]
    return args


def _isolation() -> list[str]:
    """bubblewrap's part common to every sandbox: own namespaces (network: loopback only), the
    student's uid, no inherited environment, read-only system and course, empty /tmp and HOME."""
    bwrap = shutil.which("bwrap") or "bwrap"
    args = [
        bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-all",
        "--uid",
        str(SANDBOX_UID),
        "--gid",
        str(SANDBOX_UID),
        "--hostname",
        "sandbox",
        "--clearenv",
        *_system_mounts(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        "--tmpfs",
        "/home",
        "--dir",
        SANDBOX_HOME,
    ]
    for root in readonly_roots():
        args += ["--ro-bind", str(root), str(root)]
    return args


def command_argv(
    command: list[str],
    workdir: Path,
    writable: list[tuple[Path, Path]],
    environ: dict[str, str] | None = None,
    extra_env: dict[str, str] | None = None,
) -> list[str]:
    """``command`` under bubblewrap with the same isolation as a grading kernel: it sees the
    read-only course environment and only the ``writable`` folders, each ``(real, seen_as)``
    (a private copy can be seen at the path of its original), and runs in ``workdir`` (a path as
    seen inside) with the passed variables plus ``extra_env``."""
    args = _isolation()
    for real, seen_as in writable:
        args += ["--bind", str(real), str(seen_as)]
    values = _base_env(workdir, dict(os.environ if environ is None else environ))
    values.update(extra_env or {})
    args += _setenv(values)
    return [*args, "--chdir", str(workdir), "--", *command]


def kernel_argv(paths: SandboxPaths, environ: dict[str, str] | None = None) -> list[str]:
    """The kernelspec ``argv``: ipykernel under bubblewrap, seeing only what the module says."""
    args = _isolation()
    for writable in (paths.workdir, paths.workspace, paths.runtime):
        args += ["--bind", str(writable), str(writable)]
    args += _env_args(paths, dict(os.environ if environ is None else environ))
    args += ["--chdir", str(paths.workdir), "--", sys.executable, "-m", "ipykernel_launcher"]
    return [*args, "-f", "{connection_file}"]


def write_kernelspec(jupyter_path: Path, paths: SandboxPaths) -> Path:
    """Write the sandboxed ``python3`` kernelspec under ``jupyter_path/kernels``; return it."""
    spec_dir = jupyter_path / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": kernel_argv(paths),
        "display_name": "Python 3 (sandbox de calificación)",
        "language": "python",
        # A signal to bwrap does not reach the kernel (own session and PID namespace): nbgrader
        # interrupts a cell that passed its time limit with an interrupt_request message.
        "interrupt_mode": "message",
        "metadata": {"debugger": False},
    }
    target = spec_dir / "kernel.json"
    target.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return target


def matplotlib_dir(paths: SandboxPaths) -> Path:
    """The kernel's private, writable matplotlib folder (inside its runtime folder)."""
    return paths.runtime / "matplotlib"


@functools.cache
def _font_list() -> Path | None:
    """The grading process's matplotlib font list (built once if missing), or None."""
    try:
        import matplotlib
        from matplotlib import font_manager
    except ImportError:  # pragma: no cover - matplotlib is a course dependency
        return None
    del font_manager  # imported for its side effect: the font list exists on disk
    found = sorted(Path(matplotlib.get_cachedir()).glob("fontlist-*.json"))
    return found[-1] if found else None


def seed_matplotlib(paths: SandboxPaths) -> None:
    """Give the kernel a copy of the font list: with an empty HOME, matplotlib would scan every
    system font again in each kernel (~0.35 s). The fonts it lists are read-only in the sandbox."""
    target = matplotlib_dir(paths)
    target.mkdir(parents=True, exist_ok=True)
    fonts = _font_list()
    if fonts is not None:
        shutil.copy2(fonts, target / fonts.name)


def copy_submission(folder: Path, workdir: Path) -> None:
    """Copy the submission ``folder`` to ``workdir``, leaving every symlink out (one could point
    at the instructor's files; it is neither followed nor copied)."""

    def links(directory: str, names: list[str]) -> list[str]:
        return [name for name in names if (Path(directory) / name).is_symlink()]

    shutil.copytree(folder, workdir, symlinks=True, ignore=links)
