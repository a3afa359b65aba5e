"""Resource 18 (Glosario): the course's terms from ``assets/glossary.yaml``, searchable."""

from mlops_course.lessons.r18_glossary.catalog import (
    GlossaryError,
    Term,
    load_glossary,
    load_usage,
    parse_glossary,
)
from mlops_course.lessons.r18_glossary.view import (
    ALL,
    RESOURCE_PHASE,
    GlossaryBrowser,
    fold,
    glossary_records,
    search_terms,
    terms_html,
)

__all__ = [
    "ALL",
    "RESOURCE_PHASE",
    "GlossaryBrowser",
    "GlossaryError",
    "Term",
    "fold",
    "glossary_records",
    "load_glossary",
    "load_usage",
    "parse_glossary",
    "search_terms",
    "terms_html",
]
