"""A team's dependency policy for a parsed ``pyproject.toml``, checked with ``packaging``.

validate-pyproject checks the *schema* (PEP 621 fields, PEP 508 strings). It cannot know the
team's own rules; this module checks them:

* ``requires-python`` has a lower and an upper bound;
* every runtime and optional dependency is a valid PEP 508 string, has a lower and an upper
  bound, is not an exact pin (exact pins belong in the lock file) and is not a direct URL;
* no package is declared twice in the same list;
* the packages the project needs (``required``) and the dev tools (``required_dev``) are there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name

LOWER_OPERATORS = frozenset({">=", ">", "~=", "==", "==="})
UPPER_OPERATORS = frozenset({"<", "<=", "~=", "==", "==="})


def has_bounds(specifier: SpecifierSet) -> tuple[bool, bool]:
    """Return ``(has_lower_bound, has_upper_bound)`` for ``specifier``.

    ``==1.*`` and ``~=1.4`` bound both sides; ``!=`` bounds neither.
    """
    operators = {spec.operator for spec in specifier}
    return bool(operators & LOWER_OPERATORS), bool(operators & UPPER_OPERATORS)


def _is_exact(specifier: SpecifierSet) -> bool:
    return any(
        spec.operator == "===" or (spec.operator == "==" and not spec.version.endswith(".*"))
        for spec in specifier
    )


def _check_requirements(where: str, entries: object, problems: list[str]) -> set[str]:
    """Check one list of dependencies; return the canonical names found."""
    names: set[str] = set()
    if not isinstance(entries, list):
        problems.append(f"{where} debe ser una lista de cadenas PEP 508.")
        return names
    for entry in entries:
        if not isinstance(entry, str):
            problems.append(f"{where}: {entry!r} no es una cadena.")
            continue
        try:
            req = Requirement(entry)
        except InvalidRequirement as err:
            problems.append(f"{where}: {entry!r} no es un requisito PEP 508 válido ({err}).")
            continue
        name = canonicalize_name(req.name)
        if name in names:
            problems.append(f"{where}: {name} aparece más de una vez.")
        names.add(name)
        if req.url:
            problems.append(f"{where}: {name} usa una URL directa; publica o fija una versión.")
            continue
        lower, upper = has_bounds(req.specifier)
        if _is_exact(req.specifier):
            problems.append(
                f"{where}: {name} está fijado con == ({req.specifier}); en pyproject.toml declara "
                "un rango y deja la versión exacta para el lock."
            )
        elif not (lower and upper):
            missing = "inferior" if not lower else "superior"
            problems.append(
                f"{where}: {name} ({req.specifier or 'sin versión'}) no tiene cota {missing}."
            )
    return names


def _missing(where: str, found: set[str], wanted: Iterable[str], problems: list[str]) -> None:
    for name in sorted({canonicalize_name(w) for w in wanted} - found):
        problems.append(f"{where}: falta {name}.")


def _requires_python(project: Mapping[str, Any], problems: list[str]) -> None:
    value = project.get("requires-python")
    if not isinstance(value, str):
        problems.append("project.requires-python falta: declara qué versiones de Python soportas.")
        return
    try:
        specifier = SpecifierSet(value)
    except InvalidSpecifier as err:
        problems.append(f"project.requires-python {value!r} no es válido ({err}).")
        return
    lower, upper = has_bounds(specifier)
    if not (lower and upper):
        problems.append(
            f"project.requires-python {value!r} necesita cota inferior y superior "
            "(p. ej. '>=3.11,<3.14')."
        )


def policy_violations(
    pyproject: Mapping[str, Any],
    required: Iterable[str] = (),
    required_dev: Iterable[str] = (),
    dev_extra: str = "dev",
) -> list[str]:
    """Return one Spanish message per broken rule of the policy (empty list: compliant).

    Raises:
        TypeError: if ``pyproject`` is not a mapping (parse the file with ``tomllib`` first).
    """
    if not isinstance(pyproject, Mapping):
        raise TypeError(
            f"pyproject debe ser el diccionario de tomllib.loads, no {type(pyproject).__name__}."
        )
    project = pyproject.get("project")
    if not isinstance(project, Mapping):
        return ["Falta la tabla [project] (PEP 621)."]
    problems: list[str] = []
    _requires_python(project, problems)
    found = _check_requirements("project.dependencies", project.get("dependencies", []), problems)
    _missing("project.dependencies", found, required, problems)
    extras = project.get("optional-dependencies", {})
    if not isinstance(extras, Mapping):
        problems.append("project.optional-dependencies debe ser una tabla de listas.")
        return problems
    for extra, entries in extras.items():
        where = f"project.optional-dependencies.{extra}"
        found_extra = _check_requirements(where, entries, problems)
        if extra == dev_extra:
            _missing(where, found_extra, required_dev, problems)
    wanted_dev = list(required_dev)
    if wanted_dev and dev_extra not in extras:
        problems.append(f"Falta el extra '{dev_extra}' en [project.optional-dependencies].")
    return problems
