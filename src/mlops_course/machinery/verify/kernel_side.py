"""Runs inside the kernel being walked: namespace snapshots and a fingerprint of process state.

The walk engine calls these functions through silent execute requests. They live in a module of
their own (not in the notebook's namespace) so that clearing and refilling the namespace never
removes the code doing it.

The fingerprint covers process-wide state a wrong answer could leave behind and that restoring the
namespace does not undo: attributes of imported modules (monkeypatching ``math.isclose``),
builtins, environment variables, the working directory, ``sys.path`` and import hooks, tracing and
exception hooks, IPython's input/AST transformers, custom exception handlers and event callbacks,
signal handlers, warning filters and the recursion limit.
"""

from __future__ import annotations

import builtins
import json
import os
import signal
import sys
import warnings
from typing import Any

from IPython import get_ipython

_SNAPSHOTS: dict[str, dict[str, Any]] = {}
_FINGERPRINTS: dict[str, dict[str, Any]] = {}

# Modules whose attributes change by themselves while a kernel runs (the kernel's own machinery,
# the notebook namespace) or that belong to this walk.
_SKIP_MODULES = ("__main__", "builtins")
_SKIP_PREFIXES = (
    "IPython.",
    "ipykernel.",
    "jupyter_client.",
    "zmq.",
    "tornado.",
    "asyncio.",
    "traitlets.",
    "comm.",
    "debugpy.",
    "_pydevd",
    "pydevd",
    "matplotlib_inline.",
    "mlops_course.machinery.verify.",
    "concurrent.futures.",
    "logging.",
    "threading.",
    "ctypes.",
)
_SKIP_ROOTS = {p.rstrip(".") for p in _SKIP_PREFIXES}
# Attributes ipykernel itself swaps around every execute request (I/O and input forwarding).
_KERNEL_SWAPPED = {
    "sys": {
        "displayhook",
        "excepthook",
        "stdout",
        "stderr",
        "stdin",
        "ps1",
        "ps2",
        "ps3",
        "last_type",
        "last_value",
        "last_traceback",
        "last_exc",
    },
    "getpass": {"getpass"},
    "builtins": {"input", "raw_input", "exit", "quit", "get_ipython", "display"},
}
_SIGNALS = ("SIGINT", "SIGTERM", "SIGALRM", "SIGCHLD", "SIGUSR1", "SIGUSR2")


def _shell() -> Any:
    shell = get_ipython()
    if shell is None:  # pragma: no cover - only outside IPython
        raise RuntimeError("kernel_side solo funciona dentro de un kernel IPython")
    return shell


def snapshot(label: str) -> None:
    """Remember the notebook namespace (a shallow copy) under ``label``."""
    _SNAPSHOTS[label] = dict(_shell().user_ns)


def restore(label: str) -> None:
    """Put the namespace back as it was at :func:`snapshot` (same dict object, refilled)."""
    namespace = _shell().user_ns
    saved = _SNAPSHOTS[label]
    namespace.clear()
    namespace.update(saved)


def _skipped(name: str) -> bool:
    return (
        name in _SKIP_MODULES
        or name in _SKIP_ROOTS
        or name.startswith(_SKIP_PREFIXES)
        or name.startswith("_")
    )


def _modules() -> dict[str, dict[str, int]]:
    state: dict[str, dict[str, int]] = {}
    for name, module in list(sys.modules.items()):
        if module is None or _skipped(name):
            continue
        try:
            attrs = vars(module)
        except TypeError:
            continue
        swapped = _KERNEL_SWAPPED.get(name, set())
        state[name] = {
            key: id(value)
            for key, value in list(attrs.items())
            if not key.startswith("_") and key not in swapped and not isinstance(value, type(sys))
        }
    return state


def _ids(items: Any) -> list[int]:
    return [id(item) for item in items]


def _state() -> dict[str, Any]:
    shell = _shell()
    return {
        "modules": _modules(),
        "builtins": {
            k: id(v)
            for k, v in vars(builtins).items()
            if not k.startswith("_") and k not in _KERNEL_SWAPPED["builtins"]
        },
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "sys.path": list(sys.path),
        "sys.meta_path": _ids(sys.meta_path),
        "sys.path_hooks": _ids(sys.path_hooks),
        "sys.gettrace": id(sys.gettrace()),
        "sys.getprofile": id(sys.getprofile()),
        "sys.recursionlimit": sys.getrecursionlimit(),
        "ast_transformers": _ids(shell.ast_transformers),
        "input_transformers_post": _ids(shell.input_transformers_post),
        "input_transformers_cleanup": _ids(shell.input_transformers_cleanup),
        "custom_exceptions": repr(shell.custom_exceptions),
        "events": {k: _ids(v) for k, v in shell.events.callbacks.items()},
        "signals": {s: id(signal.getsignal(getattr(signal, s))) for s in _SIGNALS},
        "warnings.filters": repr(warnings.filters),
    }


def fingerprint(label: str) -> None:
    """Remember the process state under ``label``."""
    _FINGERPRINTS[label] = _state()


def _diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    changes: list[str] = []
    for key, old in before.items():
        new = after[key]
        if key == "modules":
            for module, attrs in old.items():
                now = new.get(module)
                if now is None:
                    changes.append(f"módulo {module} descargado de sys.modules")
                    continue
                for attr, ident in attrs.items():
                    if attr not in now:
                        changes.append(f"{module}.{attr} borrado")
                    elif now[attr] != ident:
                        changes.append(f"{module}.{attr} reasignado")
        elif key == "environ":
            for name in sorted(set(old) | set(new)):
                if old.get(name) != new.get(name):
                    changes.append(f"variable de entorno {name} cambiada")
        elif key == "builtins":
            for name in sorted(set(old) | set(new)):
                if old.get(name) != new.get(name):
                    changes.append(f"builtins.{name} cambiado")
        elif old != new:
            changes.append(f"{key} cambiado")
    return changes


def compare(label: str) -> str:
    """JSON list of the differences between now and the fingerprint ``label`` (empty: same)."""
    return json.dumps(_diff(_FINGERPRINTS[label], _state()), ensure_ascii=False)
