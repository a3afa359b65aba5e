"""Module 16 (Documentación y ética): the course's reference code for the docs site, the model
card, the datasheet and the fairness analysis of the churn model.

Everything runs offline: MkDocs with the Material theme (``font: false``) builds the site in a
subprocess, a standard-library HTML parser checks its links, jinja2 renders the model card from
the MLflow registry, and fairlearn measures and mitigates group differences.
"""

from mlops_course.lessons.m16_docs.datasheet import dataset_profile
from mlops_course.lessons.m16_docs.fairness import (
    CAMPAIGN_SUCCESS,
    CONTACT_COST_EUR,
    CUSTOMER_VALUE_EUR,
    DECISION_THRESHOLD,
    FairnessData,
    biased_data,
    build_model,
    campaign_value_eur,
    check_inputs,
    choose_mitigation,
    fairness_gaps,
    group_rates,
    metric_frame,
    mitigation_candidates,
    predict_offer,
)
from mlops_course.lessons.m16_docs.linkcheck import BrokenLink, check_links
from mlops_course.lessons.m16_docs.modelcard import (
    CARD_FIELDS,
    card_fields,
    champion_metadata,
    render_datasheet,
    render_model_card,
    render_template,
)
from mlops_course.lessons.m16_docs.site import (
    BROKEN_HOW_TO_RUN,
    SANDBOX_PAGES,
    BuildResult,
    build_site,
    write_sandbox,
)

__all__ = [
    "BROKEN_HOW_TO_RUN",
    "CAMPAIGN_SUCCESS",
    "CARD_FIELDS",
    "CONTACT_COST_EUR",
    "CUSTOMER_VALUE_EUR",
    "DECISION_THRESHOLD",
    "SANDBOX_PAGES",
    "BrokenLink",
    "BuildResult",
    "FairnessData",
    "biased_data",
    "build_model",
    "build_site",
    "campaign_value_eur",
    "card_fields",
    "champion_metadata",
    "check_inputs",
    "check_links",
    "choose_mitigation",
    "dataset_profile",
    "fairness_gaps",
    "group_rates",
    "metric_frame",
    "mitigation_candidates",
    "predict_offer",
    "render_datasheet",
    "render_model_card",
    "render_template",
    "write_sandbox",
]
