"""The installed dependency closure of some requirements, read from package metadata.

This is not a resolver: it follows the ``Requires-Dist`` metadata of what is *already installed*
(markers and extras evaluated for the running interpreter) to show how many packages a short
dependency list really brings in, and to write them as exact pins. Resolving against an index is
the job of pip, uv or Poetry.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from importlib import metadata

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import NormalizedName, canonicalize_name


def _parse(text: str) -> Requirement:
    try:
        return Requirement(text)
    except InvalidRequirement as err:
        raise ValueError(f"{text!r} no es un requisito PEP 508 válido: {err}") from err


def _applies(req: Requirement, extra: str) -> bool:
    return req.marker is None or req.marker.evaluate({"extra": extra})


def installed_closure(requirements: Iterable[str]) -> dict[NormalizedName, str]:
    """Return ``{canonical name: installed version}`` for ``requirements`` and all they pull in.

    Raises:
        TypeError: if ``requirements`` is a single string instead of an iterable of strings.
        ValueError: if a requirement is invalid, a package is not installed, or the installed
            version of a requested package does not satisfy its specifier.
    """
    if isinstance(requirements, str):
        raise TypeError("requirements debe ser una lista de requisitos, no una sola cadena.")
    queue: deque[Requirement] = deque()
    for text in requirements:
        req = _parse(text)
        if _applies(req, ""):
            queue.append(req)
    roots = list(queue)
    closure: dict[NormalizedName, str] = {}
    seen: set[tuple[NormalizedName, frozenset[str]]] = set()
    while queue:
        req = queue.popleft()
        name = canonicalize_name(req.name)
        key = (name, frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError as err:
            raise ValueError(f"{req.name} no está instalado en este entorno.") from err
        version = dist.version
        if req in roots and not req.specifier.contains(version, prereleases=True):
            raise ValueError(
                f"{name} {version} está instalado, pero el requisito pide {req.specifier}."
            )
        closure[name] = version
        for dependency in dist.requires or []:
            child = Requirement(dependency)
            if any(_applies(child, extra) for extra in ("", *req.extras)):
                queue.append(child)
    return dict(sorted(closure.items()))


def pinned_lines(closure: dict[NormalizedName, str]) -> list[str]:
    """Exact pins ``name==version``, sorted by name, one per package of ``closure``."""
    return [f"{name}=={version}" for name, version in sorted(closure.items())]
