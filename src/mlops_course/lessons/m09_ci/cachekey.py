"""Dependency-cache keys as a workflow writes them: ``prefix-OS-pyX.Y-<hash of the lock file>``.

The key changes exactly when the lock file's BYTES change (not its modification time, which a
fresh checkout resets), and names the OS and Python version (a wheel built for one does not work
on another). ``restore_keys`` are the prefixes that ``actions/cache`` tries, most specific first,
when the exact key misses: a cache from the previous lock is better than none.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def _checked(runner_os: str, python_version: str, prefix: str) -> None:
    for name, value in (("runner_os", runner_os), ("python_version", python_version)):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} debe ser un texto no vacío (p. ej. 'Linux', '3.12').")
    if not isinstance(prefix, str) or not prefix.strip() or "-" in prefix:
        raise ValueError("prefix debe ser un texto no vacío sin guiones (p. ej. 'pip').")


def cache_key(
    lock_file: Path | str, runner_os: str, python_version: str, prefix: str = "pip"
) -> str:
    """``<prefix>-<runner_os>-py<python_version>-<sha256 of the lock file's bytes>``.

    Raises:
        FileNotFoundError: the lock file does not exist.
        ValueError: empty OS, Python version or prefix (or a prefix with dashes).
    """
    _checked(runner_os, python_version, prefix)
    path = Path(lock_file)
    if not path.is_file():
        raise FileNotFoundError(f"No existe el archivo de dependencias {path}.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{prefix}-{runner_os}-py{python_version}-{digest}"


def restore_keys(runner_os: str, python_version: str, prefix: str = "pip") -> list[str]:
    """The fallback prefixes, most specific first: same OS and Python, then same OS.

    Raises:
        ValueError: empty OS, Python version or prefix.
    """
    _checked(runner_os, python_version, prefix)
    return [f"{prefix}-{runner_os}-py{python_version}-", f"{prefix}-{runner_os}-"]
