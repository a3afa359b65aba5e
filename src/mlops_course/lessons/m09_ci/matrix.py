"""A job matrix expanded as GitHub Actions expands it (the course's reference implementation).

GitHub's documentation ("Running variations of jobs in a workflow", docs.github.com, section on
``include`` and ``exclude``) fixes the order:

1. the cartesian product of the matrix's variables, in the order they are written;
2. ``exclude`` first: a combination goes if it matches every key/value of one exclude entry
   (an entry may name only some variables: a partial match excludes all it matches);
3. then ``include``, entry by entry: its key/values are added to every combination where none of
   them overwrites an ORIGINAL matrix value (values added by an earlier include may be
   overwritten); an entry that fits no combination becomes a new combination of its own, and
   later includes do not extend those.

A matrix with only ``include`` is that list of combinations. actionlint refuses an ``exclude``
entry that names a variable the matrix does not have, and so does :func:`expand_matrix`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

Combination = dict[str, Any]
SPECIAL = ("include", "exclude")


def _entries(matrix: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = matrix.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ValueError(f"'{key}' debe ser una lista de diccionarios clave: valor, no {value!r}")
    return list(value)


def expand_matrix(matrix: Mapping[str, Any]) -> list[Combination]:
    """The combinations (jobs) of ``matrix``, a ``strategy.matrix`` mapping, in GitHub's order.

    Raises:
        ValueError: in Spanish, when the matrix is not a mapping, a variable is not a non-empty
            list, ``include``/``exclude`` are not lists of mappings, an ``exclude`` names an
            unknown variable, or nothing at all is left to run.
    """
    if not isinstance(matrix, Mapping):
        raise ValueError(f"La matriz debe ser un diccionario, no {type(matrix).__name__}.")
    axes: dict[str, Sequence[Any]] = {}
    for name, values in matrix.items():
        if name in SPECIAL:
            continue
        if not isinstance(values, list) or not values:
            raise ValueError(
                f"La variable '{name}' de la matriz debe ser una lista no vacía, no {values!r}."
            )
        axes[str(name)] = values
    exclude = _entries(matrix, "exclude")
    include = _entries(matrix, "include")
    for entry in exclude:
        unknown = sorted(set(entry) - set(axes))
        if unknown:
            raise ValueError(
                f"exclude nombra {', '.join(unknown)}, que no es una variable de la matriz "
                f"({', '.join(axes) or 'ninguna'}): GitHub y actionlint lo rechazan."
            )
    originals: list[Combination] = []
    if axes:
        for values in itertools.product(*axes.values()):
            combination = dict(zip(axes, values, strict=True))
            if not any(all(combination[k] == v for k, v in e.items()) for e in exclude):
                originals.append(combination)
    expanded = [dict(combination) for combination in originals]
    extra: list[Combination] = []
    for entry in include:
        fitted = False
        for original, current in zip(originals, expanded, strict=True):
            if all(original[k] == v for k, v in entry.items() if k in original):
                current.update(entry)
                fitted = True
        if not fitted:
            extra.append(dict(entry))
    result = expanded + extra
    if not result:
        raise ValueError("La matriz no deja ninguna combinación: GitHub no ejecutaría ningún job.")
    return result
