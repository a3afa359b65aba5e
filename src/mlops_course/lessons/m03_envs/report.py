"""A requirements audit (a list of findings) rendered as a Spanish Markdown report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

FINDING_KINDS = ("invalida", "sin_fijar", "duplicada", "conflicto")
_KEYS = {"line", "kind", "package", "message"}


def _check(finding: object) -> Mapping[str, object]:
    if not isinstance(finding, Mapping) or set(finding) != _KEYS:
        raise ValueError(
            f"Cada hallazgo debe ser un dict con las claves {sorted(_KEYS)}; recibido {finding!r}."
        )
    if finding["kind"] not in FINDING_KINDS:
        raise ValueError(f"Tipo de hallazgo desconocido {finding['kind']!r}: usa {FINDING_KINDS}.")
    return finding


def _cell(value: object) -> str:
    return "—" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def findings_markdown(findings: Sequence[object], source: str = "requirements.txt") -> str:
    """Render ``findings`` (dicts with line, kind, package, message) as a Markdown report.

    Raises:
        ValueError: if a finding does not have exactly those keys or its kind is unknown.
    """
    checked = [_check(f) for f in findings]
    lines = [f"# Auditoría de `{source}`", ""]
    if not checked:
        lines += ["Sin hallazgos: todas las líneas son requisitos válidos fijados con `==`.", ""]
        return "\n".join(lines)
    counts = Counter(str(f["kind"]) for f in checked)
    summary = ", ".join(f"{kind}: {counts[kind]}" for kind in FINDING_KINDS if counts[kind])
    lines += [f"{len(checked)} hallazgos ({summary}).", ""]
    lines += ["| línea | tipo | paquete | detalle |", "|---|---|---|---|"]
    for f in checked:
        row = (f["line"], f["kind"], f["package"], f["message"])
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    lines.append("")
    return "\n".join(lines)
