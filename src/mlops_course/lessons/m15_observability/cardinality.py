"""Label cardinality: how many time series a metric creates, and the labels that must not exist.

Every distinct combination of label values is one time series in Prometheus: memory, disk and
query time grow with it. A label whose value identifies a person or a request (customer id,
e-mail, request id) creates one series per customer: the classic way to take down a monitoring
server, and personal data where it should not be. Those belong in logs (and traces), not in
metric labels.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Final

IDENTIFIER_LABEL: Final = re.compile(r"(^|_)(id|ids|uuid|email|user|customer|session)($|_)")
MAX_LABEL_VALUES: Final = 50
UNIQUE_SHARE: Final = 0.5


def series_count(values: Mapping[str, Sequence[str]]) -> int:
    """Upper bound of series: the product of each label's distinct values (1 without labels)."""
    return math.prod(len(set(observed)) for observed in values.values())


def label_problems(
    values: Mapping[str, Sequence[str]],
    max_series: int,
    max_values: int = MAX_LABEL_VALUES,
) -> list[str]:
    """Spanish reasons why this label set is unsafe (empty list: safe)."""
    problems = []
    for name, observed in values.items():
        distinct = len(set(observed))
        if IDENTIFIER_LABEL.search(name.lower()):
            problems.append(f"la etiqueta {name!r} parece un identificador: va en los logs")
        elif distinct > max_values or (len(observed) >= 20 and distinct / len(observed) > 0.5):
            problems.append(f"la etiqueta {name!r} tiene {distinct} valores distintos")
    total = series_count(values)
    if total > max_series:
        problems.append(f"{total} series superan el presupuesto de {max_series}")
    return problems
