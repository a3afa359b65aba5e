"""Which platform an installed distribution was built for, from its ``WHEEL`` metadata file."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from packaging.tags import parse_tag, sys_tags


@dataclass(frozen=True)
class WheelInfo:
    """Wheel tags of an installed distribution and what they mean for this interpreter."""

    name: str
    version: str
    tags: tuple[str, ...]
    pure: bool
    compatible_here: bool


def wheel_info(dist_name: str) -> WheelInfo:
    """Read the wheel tags of the installed distribution ``dist_name``.

    ``pure`` is the wheel's ``Root-Is-Purelib`` (no compiled code); ``compatible_here`` says
    whether one of its tags is accepted by the running interpreter (``packaging.tags.sys_tags``).

    Raises:
        ValueError: if the distribution is not installed or was not installed from a wheel.
    """
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError as err:
        raise ValueError(f"{dist_name} no está instalado en este entorno.") from err
    text = dist.read_text("WHEEL")
    if text is None:
        raise ValueError(f"{dist_name} no se instaló desde un wheel: no tiene archivo WHEEL.")
    tags: list[str] = []
    pure = False
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Tag":
            tags.append(value.strip())
        elif key.strip() == "Root-Is-Purelib":
            pure = value.strip().lower() == "true"
    here = set(sys_tags())
    compatible = any(tag in here for text_tag in tags for tag in parse_tag(text_tag))
    return WheelInfo(dist.metadata["Name"], dist.version, tuple(tags), pure, compatible)
