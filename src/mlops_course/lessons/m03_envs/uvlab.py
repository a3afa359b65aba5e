"""A local, offline package index for running ``uv lock`` / ``uv sync`` for real in module 03.

:func:`build_local_index` writes a handful of tiny pure-Python wheels (stand-ins for a bank's
internal packages) and a PEP 503 "simple" index over them whose links carry ``#sha256=`` hashes,
so ``uv lock --index-url file://…/simple`` records a hash for every wheel without any network.
:func:`find_uv` locates the uv binary: the ``uv`` Python package first, then ``PATH``.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import zipfile
from pathlib import Path

#: The internal index: ``{distribution: [(version, requires-dist), ...]}``.
LOCAL_PACKAGES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "bank-io": [("1.0.0", ()), ("1.1.0", ())],
    "churn-features": [
        ("1.0.0", ("bank-io>=1,<2",)),
        ("1.2.0", ("bank-io>=1,<2",)),
        ("2.0.0", ("bank-io>=1,<2",)),
    ],
    "churn-metrics": [("0.9.0", ()), ("1.0.0", ()), ("1.1.0", ())],
}

_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: the same wheel bytes (and hash) every run


def find_uv() -> str:
    """Return the path of the uv executable (the ``uv`` package's binary, else the one on PATH).

    Raises:
        FileNotFoundError: with a Spanish message when uv is not installed.
    """
    try:
        from uv import find_uv_bin  # the PyPI package "uv" ships the binary and this helper
    except ImportError:
        found = None
    else:
        try:
            found = find_uv_bin()
        except FileNotFoundError:
            found = None
    found = found or shutil.which("uv")
    if not found:
        raise FileNotFoundError(
            "No encuentro uv: instálalo en el entorno del curso (make setup, o "
            "`python -m pip install uv`) y reinicia el kernel."
        )
    return str(found)


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def build_wheel(
    folder: Path, name: str, version: str, requires: tuple[str, ...] = (), body: str = ""
) -> Path:
    """Write a minimal pure-Python wheel ``name==version`` into ``folder`` and return its path.

    The wheel holds one module (``name`` with ``_``) whose ``__version__`` is ``version`` plus
    ``body``; the bytes are deterministic, so the same arguments always give the same sha256.
    """
    module = name.replace("-", "_")
    dist_info = f"{module}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {req}\n" for req in requires)
    files = {
        f"{module}/__init__.py": f'__version__ = "{version}"\n{body}',
        f"{dist_info}/METADATA": metadata,
        f"{dist_info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: mlops-course\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n"
        ),
    }
    record = [
        f"{path},{_record_hash(text.encode())},{len(text.encode())}" for path, text in files.items()
    ]
    files[f"{dist_info}/RECORD"] = "\n".join([*record, f"{dist_info}/RECORD,,"]) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{module}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w") as archive:
        for path, text in files.items():
            info = zipfile.ZipInfo(path, _ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return target


def write_simple_index(wheels: Path, simple: Path) -> str:
    """Write a PEP 503 index in ``simple`` for the wheels in ``wheels``; return its ``file://`` URL.

    Every link ends in ``#sha256=<hex>``: that is where uv (and pip) read the hash they record
    in the lock file and check at install time.
    """
    by_project: dict[str, list[Path]] = {}
    for wheel in sorted(wheels.glob("*.whl")):
        project = wheel.name.split("-")[0].replace("_", "-").lower()
        by_project.setdefault(project, []).append(wheel)
    simple.mkdir(parents=True, exist_ok=True)
    links = "".join(f'<a href="{project}/">{project}</a>\n' for project in by_project)
    (simple / "index.html").write_text(f"<html><body>\n{links}</body></html>\n", encoding="utf-8")
    for project, files in by_project.items():
        page = simple / project
        page.mkdir(exist_ok=True)
        anchors = "".join(
            f'<a href="{wheel.resolve().as_uri()}#sha256='
            f'{hashlib.sha256(wheel.read_bytes()).hexdigest()}">{wheel.name}</a>\n'
            for wheel in files
        )
        (page / "index.html").write_text(
            f"<html><body>\n{anchors}</body></html>\n", encoding="utf-8"
        )
    return simple.resolve().as_uri()


def build_local_index(root: Path) -> str:
    """Build the internal index under ``root`` (``wheels/`` + ``simple/``); return the index URL."""
    root = Path(root)
    shutil.rmtree(root / "simple", ignore_errors=True)
    for name, releases in LOCAL_PACKAGES.items():
        for version, requires in releases:
            build_wheel(root / "wheels", name, version, requires)
    return write_simple_index(root / "wheels", root / "simple")
