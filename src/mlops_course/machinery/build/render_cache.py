"""A git-ignored cache of rendered modules, keyed by a digest of everything a render reads.

Rendering a module runs the real ``nbgrader generate_assignment``; a module whose inputs did not
change renders to the same files, so ``make check`` and ``make build`` reuse them. The key covers
the text source, the instructor's hidden-test overlay (if any), the build code itself (and the
notebook I/O it uses) and the versions of nbgrader, jupytext and nbformat; anything else that
changes the output is a bug in this key. CI and a clean clone have no cache (``build/`` is
git-ignored) and render everything; ``MLOPS_BUILD_CACHE=0`` (or ``CI`` set) turns the cache off
and ``MLOPS_BUILD_CACHE=1`` on. Results are never committed.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path

CACHE_DIR = Path("build") / "cache" / "render"
SWITCH_ENV = "MLOPS_BUILD_CACHE"
_BUILD_CODE = Path(__file__).resolve().parent
_TOOLS = ("nbgrader", "jupytext", "nbformat")


def cache_enabled() -> bool:
    """``MLOPS_BUILD_CACHE=1`` or ``0`` decides; otherwise on, except in CI (``CI`` set)."""
    switch = os.environ.get(SWITCH_ENV, "")
    if switch in ("0", "1"):
        return switch == "1"
    return os.environ.get("CI", "").lower() not in ("1", "true", "yes")


def render_digest(text_source: Path, overlay: Path | None, data: Path | None = None) -> str:
    """SHA-256 of the inputs of one module's render (``data``: a data file the render reads)."""
    digest = hashlib.sha256()
    for tool in _TOOLS:
        digest.update(f"{tool}={version(tool)}\n".encode())
    for code in [*sorted(_BUILD_CODE.glob("*.py")), _BUILD_CODE.parent / "nbio.py"]:
        digest.update(code.name.encode() + b"\0" + code.read_bytes() + b"\0")
    digest.update(b"source\0" + text_source.read_bytes() + b"\0")
    if overlay is not None and overlay.is_file():
        digest.update(b"overlay\0" + overlay.read_bytes())
    if data is not None and data.is_file():
        digest.update(b"data\0" + data.read_bytes())
    return digest.hexdigest()


def _entry(root: Path, slug: str) -> Path:
    return root / CACHE_DIR / f"{slug}.json"


def load(root: Path, slug: str, digest: str) -> dict[str, str] | None:
    """The cached files of ``slug`` if they were rendered from inputs with this digest."""
    path = _entry(root, slug)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("digest") != digest:
        return None
    files = data.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        return None
    return {str(k): str(v) for k, v in files.items()}


def store(root: Path, slug: str, digest: str, files: dict[str, str]) -> None:
    """Remember the files of ``slug`` rendered from inputs with this digest (atomic write)."""
    path = _entry(root, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"digest": digest, "files": files}), encoding="utf-8")
    tmp.replace(path)
