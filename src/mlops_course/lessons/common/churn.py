"""Deterministic synthetic bank-customer churn data: the course's running example.

``make_churn`` returns one row per customer of a fictitious Spanish retail bank, observed on the
snapshot date ``SNAPSHOT_DATE`` (2025-12-31), with the binary target ``churned``. No files are
read and nothing is downloaded: everything is drawn with ``numpy.random.default_rng(seed)``.

Columns and dtypes (``CHURN_DTYPES``; the dtypes do not change with the knobs):

========================  ==================  ===================================================
column                    dtype               content
========================  ==================  ===================================================
``customer_id``           ``str``             ``"C000001"``, ``"C000002"``... unique, row order
``age``                   ``Int64``           18-85 (values 89-92 only as injected outliers)
``tenure_months``         ``Int64``           0-120, never more than the months since age 18
``balance_eur``           ``float64``         >= 0; about 36 % exact zeros; clean < 300 000
``num_products``          ``Int64``           1-4 (mostly 1 or 2)
``has_credit_card``       ``boolean``         about 70 % True
``is_active_member``      ``boolean``         about 51 % True
``estimated_salary_eur``  ``float64``         clean 10 000-250 000, median ~30 000, skewed
``credit_score``          ``Int64``           350-850
``region``                ``category``        ``REGIONS`` (five Spanish regions)
``gender``                ``category``        ``"F"`` / ``"M"`` (the sensitive attribute)
``signup_date``           ``datetime64[ns]``  2015-12-31 .. 2025-12-31, consistent with tenure
``churned``               ``int64``           0 / 1, the target
========================  ==================  ===================================================

``tenure_months`` equals ``floor((SNAPSHOT_DATE - signup_date).days / 30.4375)`` exactly.
``signup_date`` is never blanked, so a missing tenure can be recomputed from it; rows are in
random signup order, so a random train/test split mixes every signup period (the raw material
of the temporal-leakage lesson).

The nullable dtypes (``Int64``, ``boolean``) are used even without missing values so that the
schema is the same for every argument; ``missing_rate`` only ever puts ``<NA>``/``NaN`` into the
columns of ``MISSING_COLUMNS``.

**Target.** ``churned ~ Bernoulli(sigmoid(logit))`` with a logistic model of the *clean* features:
older age, inactivity, one product or three/four products (two is the sweet spot), short tenure,
high balance (much more so in País Vasco) and a low credit score raise churn; salary and the
credit card have no effect. With all knobs at 0 the churn rate is about 21 % (19.5-22.5 %
measured over seeds 0-59 at 5000 rows) and a plain ``LogisticRegression`` on standardized
numeric plus one-hot categorical columns reaches a held-out ROC AUC of about 0.81 (0.78-0.84
over seeds 0-59 on a stratified 70/30 split of 5000 rows; 0.79 for seed 42; the tests assert
the band 0.75-0.90): learnable, but not trivial, because part of the signal is non-linear
(``num_products``) or an interaction (balance x region) and the rest is Bernoulli noise.

**Knobs** (all 0 by default):

- ``missing_rate`` in [0, 1): every cell of ``MISSING_COLUMNS`` is blanked independently with
  that probability (missing completely at random). ``customer_id``, ``gender``, ``signup_date``
  and ``churned`` are never blanked.
- ``outlier_rate`` in [0, 1): that share of rows gets one extreme value in one of
  ``OUTLIER_COLUMNS``, chosen uniformly: ``balance_eur`` in [1 M, 5 M] EUR,
  ``estimated_salary_eur`` in [1 M, 10 M] EUR or ``age`` in 89-92. All of them lie beyond the
  bound of the clean values (300 000, 250 000 and 85), so they are exactly detectable.
  Outliers and missing values are *measurement errors*: they are injected after the target is
  drawn and never change ``churned``. A missing value wins over an outlier in the same cell.
- ``covariate_drift`` in [0, 1]: moves P(X) proportionally toward a younger, newer, wealthier,
  more urban customer base (lower ``age``, lower ``tenure_months`` and later ``signup_date``,
  fewer zero balances and higher ``balance_eur``, more Madrid/Cataluña in ``region``). The churn
  model P(y|X) is the same, so the churn rate moves only because the customers changed. From 0
  to 1: mean age ~38 -> ~31, mean tenure ~59 -> ~33 months, zero balances ~36 % -> ~18 %, churn
  rate ~21 % -> ~18 %; a model fitted on undrifted data stays calibrated on drifted data.
- ``concept_drift`` in [0, 1]: changes P(y|X) while P(X) stays identical: the protective effect
  of ``is_active_member`` fades and at 1 is fully reversed (active customers are the ones a
  competing neobank poaches), and ``estimated_salary_eur``, irrelevant before, now raises churn.
  A model fitted on undrifted data drops from ROC AUC ~0.81 to ~0.69 at 0.5 and ~0.53 at 1.
- ``sensitive_bias`` in [0, 1]: adds a direct effect of ``gender`` on the logit (``"F"`` up,
  ``"M"`` down, +/-0.7 at 1). At 0 churn does not depend on ``gender`` at all (the gender is
  drawn independently of every other feature), so the demographic parity difference is ~0; it
  grows monotonically with the knob (about 0.08 at 0.5 and 0.16 at 1).

**Determinism.** The same arguments always give the same DataFrame; another seed gives other
data. Each column (and the label noise, the outlier and the missing-value draws) has its own
child stream spawned from ``default_rng(seed)``, so for a fixed ``(n_rows, seed)``:

- ``missing_rate``, ``outlier_rate``, ``concept_drift`` and ``sensitive_bias`` never change the
  clean feature columns; ``missing_rate`` and ``outlier_rate`` only touch their own cells and
  never change ``churned``;
- ``covariate_drift`` changes only ``age``, ``tenure_months``, ``signup_date``, ``balance_eur``
  and ``region`` (each is a monotone transform of the same random draws, so the same customer is
  "shifted" rather than redrawn) and, through them, ``churned``;
- labels share one uniform draw per row (``churned = u < p``), so a knob that changes ``p``
  flips only the labels whose probability crossed their ``u``;
- the cells blanked at a lower ``missing_rate`` are a subset of those blanked at a higher one,
  and likewise for the rows hit by ``outlier_rate``.

Not guaranteed: that the first rows of a larger ``n_rows`` equal a smaller sample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = [
    "CHURN_DTYPES",
    "FEATURE_COLUMNS",
    "MAX_ROWS",
    "MISSING_COLUMNS",
    "OUTLIER_COLUMNS",
    "REGIONS",
    "SENSITIVE_ATTRIBUTE",
    "SNAPSHOT_DATE",
    "TARGET",
    "ChurnConfig",
    "make_churn",
    "make_churn_from_config",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

TARGET: Final = "churned"
SENSITIVE_ATTRIBUTE: Final = "gender"
MAX_ROWS: Final = 5_000_000
SNAPSHOT_DATE: Final = "2025-12-31"
REGIONS: Final = ("Madrid", "Cataluña", "Andalucía", "Valencia", "País Vasco")
GENDERS: Final = ("F", "M")

CHURN_DTYPES: Final[dict[str, str]] = {
    "customer_id": "str",
    "age": "Int64",
    "tenure_months": "Int64",
    "balance_eur": "float64",
    "num_products": "Int64",
    "has_credit_card": "boolean",
    "is_active_member": "boolean",
    "estimated_salary_eur": "float64",
    "credit_score": "Int64",
    "region": "category",
    "gender": "category",
    "signup_date": "datetime64[ns]",
    "churned": "int64",
}
"""Column name -> dtype string (``str(df[column].dtype)``), in column order."""

FEATURE_COLUMNS: Final = tuple(c for c in CHURN_DTYPES if c not in ("customer_id", TARGET))
"""Every column except the identifier and the target (the sensitive attribute included)."""

MISSING_COLUMNS: Final = (
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "has_credit_card",
    "is_active_member",
    "estimated_salary_eur",
    "credit_score",
    "region",
)
"""Columns whose cells ``missing_rate`` may blank."""

OUTLIER_COLUMNS: Final = ("balance_eur", "estimated_salary_eur", "age")
"""Columns that ``outlier_rate`` may corrupt (one of them per affected row)."""

# One child stream per name; the position is the spawn key, so append new names at the end only.
_STREAMS: Final = (
    "age",
    "tenure",
    "balance",
    "salary",
    "credit_score",
    "num_products",
    "has_credit_card",
    "is_active_member",
    "region",
    "gender",
    "signup_day",
    "label",
    "outliers",
    "missing",
)

# Clean-data bounds, approached smoothly (no pile-up); outliers are placed beyond them.
_AGE_MIN, _AGE_MAX = 18, 85
_TENURE_MAX = 120
_BALANCE_MAX = 300_000.0
_SALARY_MIN, _SALARY_MAX = 10_000.0, 250_000.0
_DAYS_PER_MONTH = 30.4375

_REGION_DTYPE: Final = pd.CategoricalDtype(categories=list(REGIONS))
_GENDER_DTYPE: Final = pd.CategoricalDtype(categories=list(GENDERS))
_REGION_PROBS: Final = np.array([0.28, 0.24, 0.20, 0.16, 0.12])
_REGION_PROBS_DRIFTED: Final = np.array([0.40, 0.30, 0.13, 0.10, 0.07])
_PRODUCT_PROBS: Final = np.array([0.50, 0.46, 0.03, 0.01])

# Logistic churn model.
_INTERCEPT = -1.95
_PRODUCT_EFFECT: Final = np.array([0.35, -0.75, 1.6, 2.4])  # 1, 2, 3, 4 products
_ACTIVE_EFFECT = -2.0
_SALARY_EFFECT_AT_FULL_CONCEPT_DRIFT = 0.9
_GENDER_EFFECT_AT_FULL_BIAS = 0.7


@dataclass(frozen=True)
class ChurnConfig:
    """All the arguments of one synthetic churn dataset, validated on creation.

    Build variants with ``dataclasses.replace(config, covariate_drift=0.5)`` and generate with
    ``make_churn_from_config(config)``. Integers may be ``int`` or NumPy integers, rates ``int``,
    ``float`` or NumPy numbers; ``bool`` is rejected everywhere. Values are stored as plain
    ``int``/``float``. See the module docstring for what each knob does.
    """

    n_rows: int = 5000
    seed: int = 42
    missing_rate: float = 0.0
    outlier_rate: float = 0.0
    covariate_drift: float = 0.0
    concept_drift: float = 0.0
    sensitive_bias: float = 0.0

    def __post_init__(self) -> None:
        """Check every field and normalize it to a built-in ``int`` or ``float``."""
        n_rows = _check_int("n_rows", self.n_rows, 1, MAX_ROWS)
        seed = _check_int("seed", self.seed, 0, None)
        object.__setattr__(self, "n_rows", n_rows)
        object.__setattr__(self, "seed", seed)
        for name in ("missing_rate", "outlier_rate"):
            value = _check_float(name, getattr(self, name), closed_upper=False)
            object.__setattr__(self, name, value)
        for name in ("covariate_drift", "concept_drift", "sensitive_bias"):
            value = _check_float(name, getattr(self, name), closed_upper=True)
            object.__setattr__(self, name, value)


def make_churn(
    n_rows: int = 5000,
    seed: int = 42,
    *,
    missing_rate: float = 0.0,
    outlier_rate: float = 0.0,
    covariate_drift: float = 0.0,
    concept_drift: float = 0.0,
    sensitive_bias: float = 0.0,
) -> pd.DataFrame:
    """Generate ``n_rows`` synthetic bank customers with the ``churned`` target.

    Equivalent to ``make_churn_from_config(ChurnConfig(...))`` with the same arguments. Raises
    ``TypeError`` (wrong type) or ``ValueError`` (out of range) with a Spanish message naming the
    parameter: ``n_rows`` in [1, 5 000 000], ``seed`` >= 0, ``missing_rate`` and
    ``outlier_rate`` in [0, 1), the three drift/bias knobs in [0, 1].
    """
    config = ChurnConfig(
        n_rows=n_rows,
        seed=seed,
        missing_rate=missing_rate,
        outlier_rate=outlier_rate,
        covariate_drift=covariate_drift,
        concept_drift=concept_drift,
        sensitive_bias=sensitive_bias,
    )
    return make_churn_from_config(config)


def make_churn_from_config(config: ChurnConfig) -> pd.DataFrame:
    """Generate the dataset described by ``config`` (see the module docstring).

    The columns follow ``CHURN_DTYPES`` exactly, in that order, with a ``RangeIndex``.
    """
    if not isinstance(config, ChurnConfig):
        raise TypeError(
            f"config debe ser un ChurnConfig; se recibió {type(config).__name__}. "
            "Créalo con ChurnConfig(n_rows=..., seed=..., ...)."
        )
    n = config.n_rows
    rngs = dict(zip(_STREAMS, np.random.default_rng(config.seed).spawn(len(_STREAMS)), strict=True))
    d = config.covariate_drift

    # --- Clean features (depend only on n_rows, seed and covariate_drift). ---
    years_over_18 = rngs["age"].gamma(3.5, 6.0, n) * np.exp(-0.45 * d)
    age = np.rint(_AGE_MIN + _soft_cap(years_over_18, _AGE_MAX - _AGE_MIN)).astype(np.int64)

    u_tenure = rngs["tenure"].random(n)
    tenure = np.floor((_TENURE_MAX + 1) * u_tenure ** (1.0 + 1.5 * d)).astype(np.int64)
    tenure = np.minimum(tenure, (age - _AGE_MIN) * 12)

    has_balance = rngs["balance"].random(n) >= 0.36 - 0.18 * d
    amount = 100_000.0 * np.exp(0.35 * rngs["balance"].standard_normal(n) + 0.35 * d)
    balance = np.where(has_balance, np.round(_soft_cap(amount, _BALANCE_MAX), 2), 0.0)

    salary_z = rngs["salary"].standard_normal(n)
    salary_above_min = 20_000.0 * np.exp(0.55 * salary_z)
    salary = np.round(_SALARY_MIN + _soft_cap(salary_above_min, _SALARY_MAX - _SALARY_MIN), 2)

    score_raw = 650.0 + 95.0 * rngs["credit_score"].standard_normal(n)
    credit_score = np.clip(np.rint(score_raw), 350, 850).astype(np.int64)
    num_products = _categorical_codes(rngs["num_products"].random(n), _PRODUCT_PROBS) + 1
    has_credit_card = rngs["has_credit_card"].random(n) < 0.70
    is_active = rngs["is_active_member"].random(n) < 0.51
    region_probs = (1.0 - d) * _REGION_PROBS + d * _REGION_PROBS_DRIFTED
    region = _categorical_codes(rngs["region"].random(n), region_probs)
    is_female = rngs["gender"].random(n) < 0.49

    snapshot = np.datetime64(SNAPSHOT_DATE, "D")
    first_day = np.ceil(tenure * _DAYS_PER_MONTH)
    days_in_month = np.ceil((tenure + 1) * _DAYS_PER_MONTH) - first_day
    days_back = (first_day + np.floor(rngs["signup_day"].random(n) * days_in_month)).astype(
        np.int64
    )
    signup_date = (snapshot - days_back.astype("timedelta64[D]")).astype("datetime64[ns]")

    # --- Target (the clean features, concept_drift and sensitive_bias). ---
    c = config.concept_drift
    logit = (
        _INTERCEPT
        + 0.1 * (age - 39)
        + _PRODUCT_EFFECT[num_products - 1]
        + _ACTIVE_EFFECT * (1.0 - 2.0 * c) * (is_active - 0.51)
        - 0.8 * (tenure - 60) / 60.0
        + (balance / 100_000.0) * np.where(region == REGIONS.index("País Vasco"), 0.9, 0.25)
        - 0.4 * (credit_score - 650) / 100.0
        + c * _SALARY_EFFECT_AT_FULL_CONCEPT_DRIFT * salary_z
        + config.sensitive_bias * _GENDER_EFFECT_AT_FULL_BIAS * np.where(is_female, 1.0, -1.0)
    )
    churned = (rngs["label"].random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(np.int64)

    # --- Measurement errors (never change the target). ---
    age_out = age.copy()
    balance_out = balance.copy()
    salary_out = salary.copy()
    if config.outlier_rate > 0.0:
        draws = rngs["outliers"].random((n, 3))
        hit = draws[:, 0] < config.outlier_rate
        which = np.floor(draws[:, 1] * len(OUTLIER_COLUMNS)).astype(np.int64)
        size = draws[:, 2]
        target = hit & (which == OUTLIER_COLUMNS.index("balance_eur"))
        balance_out[target] = np.round(1_000_000.0 + 4_000_000.0 * size[target], 2)
        target = hit & (which == OUTLIER_COLUMNS.index("estimated_salary_eur"))
        salary_out[target] = np.round(1_000_000.0 + 9_000_000.0 * size[target], 2)
        target = hit & (which == OUTLIER_COLUMNS.index("age"))
        age_out[target] = 89 + np.floor(4.0 * size[target]).astype(np.int64)

    if config.missing_rate > 0.0:
        blank = rngs["missing"].random((n, len(MISSING_COLUMNS))) < config.missing_rate
    else:
        blank = np.zeros((n, len(MISSING_COLUMNS)), dtype=np.bool_)
    mask = {name: blank[:, j] for j, name in enumerate(MISSING_COLUMNS)}

    frame = pd.DataFrame(
        {
            "customer_id": _customer_ids(n),
            "age": pd.arrays.IntegerArray(age_out, mask["age"]),
            "tenure_months": pd.arrays.IntegerArray(tenure, mask["tenure_months"]),
            "balance_eur": np.where(mask["balance_eur"], np.nan, balance_out),
            "num_products": pd.arrays.IntegerArray(num_products, mask["num_products"]),
            "has_credit_card": pd.arrays.BooleanArray(has_credit_card, mask["has_credit_card"]),
            "is_active_member": pd.arrays.BooleanArray(is_active, mask["is_active_member"]),
            "estimated_salary_eur": np.where(mask["estimated_salary_eur"], np.nan, salary_out),
            "credit_score": pd.arrays.IntegerArray(credit_score, mask["credit_score"]),
            "region": pd.Categorical.from_codes(
                np.where(mask["region"], -1, region).astype(np.int64), dtype=_REGION_DTYPE
            ),
            "gender": pd.Categorical.from_codes(
                np.where(is_female, 0, 1).astype(np.int64), dtype=_GENDER_DTYPE
            ),
            "signup_date": signup_date,
            TARGET: churned,
        }
    )
    return frame


def _check_int(name: str, value: object, low: int, high: int | None) -> int:
    """Return ``value`` as ``int`` if it is an integer in [low, high] (no upper bound if None)."""
    valid = f"entre {low} y {high} (ambos incluidos)" if high is not None else f"≥ {low}"
    if isinstance(value, bool | np.bool_) or not isinstance(value, Integral):
        raise TypeError(
            f"{name} debe ser un número entero (int) {valid}; se recibió {value!r} "
            f"de tipo {type(value).__name__}."
        )
    number = int(value)
    if number < low or (high is not None and number > high):
        raise ValueError(f"{name} debe ser un número entero {valid}; se recibió {number}.")
    return number


def _check_float(name: str, value: object, *, closed_upper: bool) -> float:
    """Return ``value`` as ``float`` if it lies in [0, 1] (or [0, 1)); raise otherwise."""
    valid = "[0, 1] (0 y 1 incluidos)" if closed_upper else "[0, 1) (0 incluido, 1 excluido)"
    if isinstance(value, bool | np.bool_) or not isinstance(value, Real):
        raise TypeError(
            f"{name} debe ser un número real en el intervalo {valid}; se recibió {value!r} "
            f"de tipo {type(value).__name__}."
        )
    number = float(value)
    inside = 0.0 <= number <= 1.0 if closed_upper else 0.0 <= number < 1.0
    if not (math.isfinite(number) and inside):
        raise ValueError(
            f"{name} debe ser un número real en el intervalo {valid}; se recibió {number!r}."
        )
    return number


def _soft_cap(values: FloatArray, cap: float) -> FloatArray:
    """Compress non-negative ``values`` smoothly below ``cap`` (about linear far from it)."""
    return cap * np.tanh(values / cap)


def _categorical_codes(uniform: FloatArray, probs: FloatArray) -> IntArray:
    """Map uniform draws to category codes 0..k-1 with the given probabilities."""
    edges = np.cumsum(probs)[:-1] / probs.sum()
    return np.searchsorted(edges, uniform, side="right").astype(np.int64)


def _customer_ids(n: int) -> pd.api.extensions.ExtensionArray:
    """Return ``"C000001"``... zero-padded to at least six digits (wider above 999 999)."""
    width = max(6, len(str(n)))
    numbers = np.arange(1, n + 1).astype(np.str_)
    ids = np.char.add("C", np.char.zfill(numbers, width))
    return pd.array(ids, dtype=pd.StringDtype(na_value=np.nan))  # the pandas 3 "str" dtype
