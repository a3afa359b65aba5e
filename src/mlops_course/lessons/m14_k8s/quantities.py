"""Kubernetes resource quantities (``500m``, ``2``, ``512Mi``, ``1G``) as numbers.

Only the suffixes a manifest of this course uses: CPU in cores or millicores, memory in the
binary (Ki, Mi, Gi, Ti) and decimal (k, M, G, T) units, as the API documents them.
"""

from __future__ import annotations

import re

_MEMORY = {
    "": 1,
    "k": 10**3,
    "M": 10**6,
    "G": 10**9,
    "T": 10**12,
    "Ki": 2**10,
    "Mi": 2**20,
    "Gi": 2**30,
    "Ti": 2**40,
}
_NUMBER = re.compile(r"^([0-9]+(?:\.[0-9]+)?)([A-Za-z]*)$")


def cpu_millicores(value: str | int | float) -> int:
    """``"500m"`` → 500, ``"2"`` → 2000, ``0.25`` → 250. Bad input → ValueError in Spanish."""
    text = str(value).strip()
    match = _NUMBER.match(text)
    if match is None or match.group(2) not in ("", "m"):
        raise ValueError(f"cantidad de CPU no válida: {value!r} (ejemplos: '250m', '1', '0.5')")
    number = float(match.group(1))
    millis = number if match.group(2) == "m" else number * 1000
    return round(millis)


def memory_bytes(value: str | int) -> int:
    """``"512Mi"`` → 536870912, ``"1G"`` → 10**9. Bad input → ValueError in Spanish."""
    text = str(value).strip()
    match = _NUMBER.match(text)
    if match is None or match.group(2) not in _MEMORY:
        raise ValueError(
            f"cantidad de memoria no válida: {value!r} (ejemplos: '512Mi', '2Gi', '1G')"
        )
    return round(float(match.group(1)) * _MEMORY[match.group(2)])
