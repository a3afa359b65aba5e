"""La documentación del proyecto (módulo 16): model card, datasheet, equidad y enlaces.

``python -m churn_project.docs`` regenera las páginas generadas de ``docs/`` desde el registro de
MLflow y los datos versionados; ``mkdocs build --strict`` construye el sitio.
"""

from churn_project.docs.cards import (
    card_fields,
    champion_metadata,
    datasheet,
    fairness_page,
    generate,
    model_card,
)
from churn_project.docs.fairness import group_report
from churn_project.docs.linkcheck import BrokenLink, check_links

__all__ = [
    "BrokenLink",
    "card_fields",
    "champion_metadata",
    "check_links",
    "datasheet",
    "fairness_page",
    "generate",
    "group_report",
    "model_card",
]
