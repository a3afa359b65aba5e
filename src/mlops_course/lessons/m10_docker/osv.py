"""The course's reference vulnerability matcher over a vendored, dated OSV snapshot.

Scanners (pip-audit, trivy, grype) compare the exact versions installed in an image with a
database of advisories. Offline there is no database to download, so the course ships a small
dated snapshot of real advisories in OSV format (``assets/docker/osv_snapshot.json``) and this
matcher applies OSV's rules: an ``affected`` entry matches a version listed in ``versions`` or
inside an ``ECOSYSTEM`` range (``introduced`` ≤ version < ``fixed``, or ≤ ``last_affected``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from mlops_course.machinery.roadmap import assets_dir

SNAPSHOT: Final = ("docker", "osv_snapshot.json")


@dataclass(frozen=True)
class Event:
    """One OSV range event: exactly one of its kinds, with its version text."""

    kind: str  # "introduced" | "fixed" | "last_affected"
    version: str


@dataclass(frozen=True)
class Affected:
    """The part of an advisory about one package: its ECOSYSTEM ranges and listed versions."""

    package: str  # canonical name (``scikit-learn``, ``jinja2``)
    ranges: tuple[tuple[Event, ...], ...]
    versions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Advisory:
    """One OSV advisory: id, aliases (CVE), summary, affected packages and its URL."""

    id: str
    aliases: tuple[str, ...]
    summary: str
    affected: tuple[Affected, ...]
    url: str


@dataclass(frozen=True)
class Snapshot:
    """The vendored database: its date, where it comes from, and the advisories."""

    date: str
    source: str
    advisories: tuple[Advisory, ...]


@dataclass(frozen=True, order=True)
class Match:
    """A pinned requirement that an advisory affects, and the first version that fixes it."""

    package: str
    version: str
    advisory: str
    fixed: str | None


def _version(text: str) -> Version:
    return Version("0") if text == "0" else Version(text)


def _affected(raw: dict[str, Any]) -> Affected | None:
    package = raw.get("package", {})
    if package.get("ecosystem") != "PyPI":
        return None
    ranges = tuple(
        tuple(Event(kind, str(value)) for event in item["events"] for kind, value in event.items())
        for item in raw.get("ranges", [])
        if item.get("type") == "ECOSYSTEM"
    )
    versions = tuple(str(value) for value in raw.get("versions", []))
    return Affected(canonicalize_name(str(package["name"])), ranges, versions)


def parse_advisory(raw: dict[str, Any]) -> Advisory:
    """An :class:`Advisory` from one OSV JSON object (non-PyPI entries are dropped).

    Raises:
        ValueError: the object lacks ``id`` or ``affected``.
    """
    if "id" not in raw or "affected" not in raw:
        raise ValueError(f"Aviso OSV sin 'id' o sin 'affected': {str(raw)[:120]}")
    affected = tuple(
        item for item in (_affected(entry) for entry in raw["affected"]) if item is not None
    )
    urls = [ref["url"] for ref in raw.get("references", []) if "url" in ref]
    return Advisory(
        id=str(raw["id"]),
        aliases=tuple(str(alias) for alias in raw.get("aliases", [])),
        summary=str(raw.get("summary", "")),
        affected=affected,
        url=urls[0] if urls else f"https://osv.dev/vulnerability/{raw['id']}",
    )


def load_snapshot(path: Path | None = None) -> Snapshot:
    """The vendored snapshot (``assets/docker/osv_snapshot.json`` unless ``path`` is given).

    Raises:
        FileNotFoundError: the file does not exist.
        ValueError: it is not a snapshot (no ``advisories`` list).
    """
    path = Path(path) if path is not None else assets_dir().joinpath(*SNAPSHOT)
    if not path.is_file():
        raise FileNotFoundError(f"No encuentro la copia de la base OSV en {path}.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("advisories"), list):
        raise ValueError(f"{path} no es una copia de avisos OSV (falta la lista 'advisories').")
    return Snapshot(
        date=str(data.get("snapshot_date", "")),
        source=str(data.get("source", "")),
        advisories=tuple(parse_advisory(item) for item in data["advisories"]),
    )


def parse_pins(text: str) -> dict[str, Version]:
    """``{canonical name: version}`` from a pinned requirements text (``name==version`` lines).

    Comments, blank lines and environment markers (``; python_version…``) are ignored.

    Raises:
        TypeError: ``text`` is not a string.
        ValueError: a line is not pinned with ``==`` or its version is not valid.
    """
    if not isinstance(text, str):
        raise TypeError(f"Espero el texto de un requirements (str), no {type(text).__name__}.")
    pins: dict[str, Version] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if not line:
            continue
        if "==" not in line or any(op in line for op in (">", "<", "~", "!=", "===")):
            raise ValueError(
                f"Línea {number} sin fijar ({line!r}): un escáner necesita versiones exactas "
                "(nombre==versión), como las de un archivo de bloqueo."
            )
        name, version = (part.strip() for part in line.split("==", 1))
        name = name.split("[", 1)[0]
        try:
            pins[canonicalize_name(name)] = Version(version)
        except InvalidVersion as error:
            raise ValueError(f"Línea {number}: {version!r} no es una versión válida.") from error
    return pins


def in_range(version: Version, events: tuple[Event, ...]) -> bool:
    """OSV's rule for one ECOSYSTEM range: walk the events in version order."""
    ordered = sorted(events, key=lambda event: _version(event.version))
    affected = False
    for event in ordered:
        bound = _version(event.version)
        if event.kind == "introduced" and version >= bound:
            affected = True
        elif (event.kind == "fixed" and version >= bound) or (
            event.kind == "last_affected" and version > bound
        ):
            affected = False
    return affected


def fixed_for(version: Version, affected: Affected) -> str | None:
    """The smallest ``fixed`` version above ``version`` in the entry (None: no fix published)."""
    fixes = sorted(
        (
            _version(event.version)
            for events in affected.ranges
            for event in events
            if event.kind == "fixed"
        ),
    )
    later = [fix for fix in fixes if fix > version]
    return str(later[0]) if later else None


def is_affected(version: Version, affected: Affected) -> bool:
    """True when ``version`` is listed or falls inside one of the entry's ranges."""
    if any(Version(listed) == version for listed in affected.versions):
        return True
    return any(in_range(version, events) for events in affected.ranges)


def match(pins: dict[str, Version], snapshot: Snapshot) -> tuple[Match, ...]:
    """Every (package, advisory) pair where a pinned version is affected, sorted."""
    found: set[Match] = set()
    for advisory in snapshot.advisories:
        for affected in advisory.affected:
            version = pins.get(affected.package)
            if version is not None and is_affected(version, affected):
                found.add(
                    Match(affected.package, str(version), advisory.id, fixed_for(version, affected))
                )
    return tuple(sorted(found))
