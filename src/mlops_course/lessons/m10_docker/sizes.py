"""How big the image's layers are, without an engine and without downloading anything.

The dependency layer is what ``pip install`` puts in site-packages: the installed files of the
project's distributions and of their whole dependency closure. This environment has them
installed already (it runs the churn project), so :func:`dependency_layer` adds up their files
from ``importlib.metadata``. Base image sizes cannot be measured without a registry: they come
from a small cited data file (``assets/docker/base_images.yaml``) with source and date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Final

import yaml
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from mlops_course.machinery.roadmap import assets_dir

BASE_IMAGES: Final = ("docker", "base_images.yaml")
MB: Final = 1_000_000


@dataclass(frozen=True)
class LayerSize:
    """The dependency layer: bytes per installed distribution, and what is not installed here."""

    packages: dict[str, int]
    missing: tuple[str, ...]

    @property
    def total_bytes(self) -> int:
        return sum(self.packages.values())

    @property
    def total_mb(self) -> float:
        return self.total_bytes / MB


@dataclass(frozen=True)
class BaseImage:
    """A base image and its size on disk as published by a cited source on a given date."""

    image: str
    size_mb: float
    source: str
    date: str
    note: str = ""


def _requirements(dist: metadata.Distribution) -> list[str]:
    names: list[str] = []
    for raw in dist.requires or []:
        try:
            requirement = Requirement(raw)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        names.append(canonicalize_name(requirement.name))
    return names


def closure(names: list[str] | tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(installed, missing)``: the canonical names of ``names`` and everything they require.

    Raises:
        TypeError: ``names`` is not a list/tuple of strings.
    """
    if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
        raise TypeError("Espero una lista de nombres de distribuciones (str).")
    pending: list[str] = [canonicalize_name(name) for name in names]
    seen: set[str] = set()
    missing: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or name in missing:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            missing.add(name)
            continue
        seen.add(name)
        pending.extend(_requirements(dist))
    return tuple(sorted(seen)), tuple(sorted(missing))


def installed_bytes(name: str) -> int:
    """Bytes of the files that distribution ``name`` installed (its RECORD), as found on disk.

    Raises:
        metadata.PackageNotFoundError: the distribution is not installed here.
    """
    dist = metadata.distribution(name)
    total = 0
    for item in dist.files or []:
        path = Path(str(dist.locate_file(item)))
        if path.is_file():
            total += path.stat().st_size
    return total


def dependency_layer(names: list[str] | tuple[str, ...]) -> LayerSize:
    """The measured dependency layer of ``names`` (their closure) in this environment."""
    installed, missing = closure(names)
    return LayerSize({name: installed_bytes(name) for name in installed}, missing)


SERVING: Final[tuple[str, ...]] = ("numpy", "pandas", "pyyaml", "scikit-learn", "skops")


def pinned_requirements(names: list[str] | tuple[str, ...]) -> str:
    """A ``requirements.txt`` lock: ``name==version`` for the closure of ``names`` installed here.

    Raises:
        TypeError: ``names`` is not a list/tuple of strings.
        ValueError: some of them (or their dependencies) are not installed in this environment.
    """
    installed, missing = closure(names)
    if missing:
        raise ValueError(f"No están instalados aquí: {', '.join(missing)}.")
    lines = [f"{name}=={metadata.version(name)}" for name in installed]
    return "\n".join(lines) + "\n"


def load_base_images(path: Path | None = None) -> dict[str, BaseImage]:
    """The cited base image sizes, by image reference.

    Raises:
        FileNotFoundError: the data file does not exist.
        ValueError: an entry lacks image, size_mb, source or date.
    """
    path = Path(path) if path is not None else assets_dir().joinpath(*BASE_IMAGES)
    if not path.is_file():
        raise FileNotFoundError(f"No encuentro los tamaños de imágenes base en {path}.")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    images: dict[str, BaseImage] = {}
    for item in raw.get("images", []):
        if not {"image", "size_mb", "source", "date"} <= set(item):
            raise ValueError(f"Entrada incompleta en {path}: {item!r}")
        images[str(item["image"])] = BaseImage(
            str(item["image"]),
            float(item["size_mb"]),
            str(item["source"]),
            str(item["date"]),
            str(item.get("note", "")),
        )
    return images


def registry_cost_usd(
    size_mb: float, versions_kept: int, price_per_gb_month: float, months: int = 12
) -> float:
    """Registry storage cost of keeping ``versions_kept`` images of ``size_mb`` for ``months``.

    Upper bound: registries store each layer once, so versions that share layers cost less.

    Raises:
        ValueError: a negative size or price, or a count below 1.
    """
    if size_mb < 0 or price_per_gb_month < 0:
        raise ValueError("El tamaño y el precio no pueden ser negativos.")
    if versions_kept < 1 or months < 1:
        raise ValueError("Hace falta al menos una versión y un mes.")
    return size_mb / 1000 * versions_kept * price_per_gb_month * months


def pull_seconds(size_mb: float, bandwidth_mbps: float) -> float:
    """Seconds to pull ``size_mb`` MB on a cold node with ``bandwidth_mbps`` megabits per second.

    Raises:
        ValueError: a negative size or a bandwidth that is not positive (or not finite).
    """
    if size_mb < 0:
        raise ValueError("El tamaño no puede ser negativo.")
    if not bandwidth_mbps > 0 or not math.isfinite(bandwidth_mbps):
        raise ValueError("El ancho de banda debe ser un número positivo (Mbit/s).")
    return size_mb * 8 / bandwidth_mbps
