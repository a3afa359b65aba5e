"""Checks of the documentation layer (16): the MkDocs site built strictly, no dangling link in
the built HTML, and a model card generated from the project's real run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final

from mlops_course.lessons.m16_docs.linkcheck import check_links
from mlops_course.lessons.m16_docs.site import build_site
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context

CARD: Final = Path("docs") / "model-card.md"
DATASHEET: Final = Path("docs") / "datasheet.md"
CARD_SECTIONS: Final = ("Detalles del modelo", "Uso previsto", "Métricas", "Limitaciones")
"""Sections of Mitchell et al. (2019) the course's card template must keep (in Spanish)."""
METRIC_ROW: Final = re.compile(r"^\|\s*`?(?P<name>[a-z_0-9]+)`?\s*\|\s*(?P<value>-?[0-9.]+)\s*\|")
TOLERANCE: Final = 1e-3
SHOWN: Final = 8


def _card_metrics(text: str) -> dict[str, float]:
    return {
        m["name"]: float(m["value"]) for line in text.splitlines() if (m := METRIC_ROW.match(line))
    }


def model_card_problems(project: Path) -> list[str]:
    """What the model card lacks, or where its figures disagree with ``metrics.json``."""
    card = project / CARD
    if not card.is_file():
        return [f"falta {CARD.as_posix()}"]
    text = card.read_text(encoding="utf-8")
    problems = [
        f"le falta la sección «{name}»" for name in CARD_SECTIONS if f"## {name}" not in text
    ]
    shown = _card_metrics(text)
    if not shown:
        problems.append(
            "no tiene la tabla de métricas (¿sin generar? `python -m churn_project.docs`)"
        )
    try:
        metrics = json.loads((project / "metrics.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        metrics = {}
    for name, value in shown.items():
        real = metrics.get(name)
        if isinstance(real, (int, float)) and abs(float(real) - value) > TOLERANCE:
            problems.append(
                f"dice {name} = {value} y metrics.json {real}: regenera la card tras entrenar"
            )
    if not (project / DATASHEET).is_file():
        problems.append(f"falta {DATASHEET.as_posix()}")
    return problems


def docs_site(project: Path, context: Context) -> tuple[str, ...]:
    """``mkdocs build --strict`` into a scratch folder, the link check of the built HTML, and
    the model card's figures equal to the pipeline's metrics."""
    config = project / "mkdocs.yml"
    if not config.is_file():
        raise CheckFailed("Falta mkdocs.yml (módulo 16).")
    site = context.scratch / "site"
    result = build_site(config, site)
    if not result.ok:
        shown = result.warnings or tuple(result.output.strip().splitlines()[-SHOWN:])
        raise CheckFailed(
            f"`mkdocs build --strict` falla con {len(result.warnings)} avisos.", shown[:SHOWN]
        )
    broken = check_links(site)
    if broken:
        raise CheckFailed(
            f"El sitio construido tiene {len(broken)} enlaces rotos.",
            tuple(str(item) for item in broken[:SHOWN]),
        )
    problems = model_card_problems(project)
    if problems:
        raise CheckFailed("La model card no está al día con el modelo.", tuple(problems))
    pages = sum(1 for _ in site.rglob("*.html"))
    return (
        f"mkdocs build --strict: {pages} páginas sin avisos ({result.seconds:.1f} s)",
        "enlaces del sitio: ninguno roto; model card con las métricas de metrics.json",
    )
