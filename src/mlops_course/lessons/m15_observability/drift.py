"""Per-feature drift tests (KS for numbers, chi-squared for categories) with Holm's correction.

Each feature gets one test: the two-sample Kolmogorov-Smirnov test (``scipy.stats.ks_2samp``)
for numeric columns and Pearson's chi-squared test of homogeneity on the category counts
(``scipy.stats.chi2_contingency``) for categorical and boolean ones. Testing 10 features at
alpha = 0.05 raises the chance of at least one false alarm to about 1 - 0.95**10 = 40 %, so the
verdicts use the Holm-Bonferroni step-down procedure, which controls the family-wise error rate
at alpha and never rejects less than plain Bonferroni.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
from scipy import stats  # type: ignore[import-untyped]

from mlops_course.lessons.common.churn import ChurnConfig, make_churn_from_config
from mlops_course.lessons.m15_observability.psi import psi

MONITORED: Final = (
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "has_credit_card",
    "is_active_member",
    "estimated_salary_eur",
    "credit_score",
    "region",
    "gender",
)
CATEGORICAL: Final = frozenset({"region", "gender", "has_credit_card", "is_active_member"})


@dataclass(frozen=True)
class FeatureTest:
    """One feature's test: which test, its statistic, its raw p-value and the PSI if numeric."""

    feature: str
    test: str  # "ks" or "chi2"
    statistic: float
    p_value: float
    psi: float | None


def feature_test(feature: str, reference: pd.Series, current: pd.Series) -> FeatureTest:
    """KS for numeric columns, chi-squared for categorical/boolean ones (missing values dropped)."""
    ref = reference.dropna()
    cur = current.dropna()
    if ref.empty or cur.empty:
        raise ValueError(f"La columna {feature!r} no tiene valores en una de las dos ventanas.")
    if feature in CATEGORICAL or not pd.api.types.is_numeric_dtype(ref):
        ref_s = ref.astype(str)
        cur_s = cur.astype(str)
        levels = sorted(set(ref_s) | set(cur_s))
        table = np.array(
            [
                [int((ref_s == level).sum()) for level in levels],
                [int((cur_s == level).sum()) for level in levels],
            ]
        )
        if len(levels) < 2:
            return FeatureTest(feature, "chi2", 0.0, 1.0, None)
        result = stats.chi2_contingency(table)
        return FeatureTest(feature, "chi2", float(result.statistic), float(result.pvalue), None)
    ref_f = ref.to_numpy(dtype=float)
    cur_f = cur.to_numpy(dtype=float)
    ks = stats.ks_2samp(ref_f, cur_f)
    return FeatureTest(feature, "ks", float(ks.statistic), float(ks.pvalue), psi(ref_f, cur_f))


def holm(p_values: Mapping[str, float], alpha: float = 0.05) -> set[str]:
    """Names rejected by Holm-Bonferroni at family-wise level ``alpha``."""
    if not 0 < alpha < 1:
        raise ValueError(f"alpha debe estar entre 0 y 1, no {alpha!r}.")
    ordered = sorted(p_values.items(), key=lambda item: (item[1], item[0]))
    m = len(ordered)
    rejected: set[str] = set()
    for rank, (name, p) in enumerate(ordered):
        if p > alpha / (m - rank):
            break
        rejected.add(name)
    return rejected


def drift_report(
    reference: pd.DataFrame,
    current: pd.DataFrame,
    features: Iterable[str] = MONITORED,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """One row per feature: test, statistic, raw p, Holm verdict and PSI (numeric features)."""
    tests = [feature_test(name, reference[name], current[name]) for name in features]
    drifted = holm({t.feature: t.p_value for t in tests}, alpha)
    rows = [{**dataclasses.asdict(t), "drift": t.feature in drifted} for t in tests]
    return pd.DataFrame(rows).set_index("feature")


def production_batch(
    n_rows: int, seed: int, covariate_drift: float = 0.0, concept_drift: float = 0.0
) -> pd.DataFrame:
    """One production batch from the course's generator (seed offset from the training data)."""
    config = ChurnConfig(
        n_rows=n_rows, seed=seed, covariate_drift=covariate_drift, concept_drift=concept_drift
    )
    return make_churn_from_config(config)


def alarm_rate(
    seeds: Iterable[int],
    n_rows: int,
    reference_rows: int,
    covariate_drift: float = 0.0,
    alpha: float = 0.05,
    correct: bool = True,
    reference: pd.DataFrame | None = None,
) -> float:
    """Share of seeds where the monitor flags at least one feature.

    Each seed draws a production batch of ``n_rows`` (with ``covariate_drift``) and, unless a
    fixed ``reference`` is given, a fresh reference window of ``reference_rows`` from the same
    population: the rate the test's alpha promises. With a fixed reference, the rate is
    *conditional* on that one sample, whose own sampling error every batch shares.
    With ``correct=False`` every raw p-value below ``alpha`` counts (no multiple-testing
    correction): the false-alarm rate grows with the number of features.
    """
    seeds = list(seeds)
    if not seeds:
        raise ValueError("Hace falta al menos una semilla.")
    alarms = 0
    for seed in seeds:
        ref = (
            reference if reference is not None else production_batch(reference_rows, 10_000 + seed)
        )
        batch = production_batch(n_rows, 20_000 + seed, covariate_drift=covariate_drift)
        tests = [feature_test(f, ref[f], batch[f]) for f in MONITORED]
        if correct:
            flagged = bool(holm({t.feature: t.p_value for t in tests}, alpha))
        else:
            flagged = any(t.p_value < alpha for t in tests)
        alarms += flagged
    return alarms / len(seeds)


def family_wise_error(n_tests: int, alpha: float = 0.05) -> float:
    """Chance of at least one false alarm among ``n_tests`` independent tests at ``alpha``."""
    return 1.0 - math.pow(1.0 - alpha, n_tests)
