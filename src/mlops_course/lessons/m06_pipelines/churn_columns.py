"""The churn model's input columns, in the order the module's pipelines read them.

Only names: what each column may hold (types, ranges, allowed regions) is the project's pandera
contract, ``src/churn_project/contract.py`` (module 05), the only churn schema of the course.
``customer_id`` (an identifier), ``gender`` (the sensitive attribute, module 16) and
``signup_date`` (a date, already summarized by ``tenure_months``) are left out on purpose.
"""

from __future__ import annotations

from typing import Final

NUMERIC_FEATURES: Final = (
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "estimated_salary_eur",
    "credit_score",
)
FLAG_FEATURES: Final = ("has_credit_card", "is_active_member")
CATEGORICAL_FEATURES: Final = ("region",)
MODEL_FEATURES: Final = NUMERIC_FEATURES + FLAG_FEATURES + CATEGORICAL_FEATURES
"""Model inputs in order: numeric, then boolean flags, then categorical."""
