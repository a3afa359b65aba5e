"""The synthetic churn generator: schema, ranges, determinism, signal and every knob."""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from mlops_course.lessons.common import (
    CHURN_DTYPES,
    SENSITIVE_ATTRIBUTE,
    TARGET,
    ChurnConfig,
    make_churn,
    make_churn_from_config,
)
from mlops_course.lessons.common.churn import (
    FEATURE_COLUMNS,
    MAX_ROWS,
    MISSING_COLUMNS,
    OUTLIER_COLUMNS,
    REGIONS,
    SNAPSHOT_DATE,
    _customer_ids,
)

# Documented bounds of the clean data (outliers go beyond them).
CLEAN_MAX = {"balance_eur": 300_000.0, "estimated_salary_eur": 250_000.0, "age": 85}
AUC_BAND = (0.75, 0.90)
NUMERIC = [
    "age",
    "tenure_months",
    "balance_eur",
    "num_products",
    "has_credit_card",
    "is_active_member",
    "estimated_salary_eur",
    "credit_score",
]
CATEGORICAL = ["region", "gender"]
BIG = 100_000


def _features(df: pd.DataFrame) -> pd.DataFrame:
    """Model inputs: numeric columns as float, categorical ones as plain strings."""
    out = df[NUMERIC].astype("float64")
    for column in CATEGORICAL:
        out[column] = df[column].astype(str)
    return out


def _fit(df: pd.DataFrame) -> Pipeline:
    """Plain logistic regression on standardized numeric plus one-hot categorical features."""
    pre = ColumnTransformer(
        [("num", StandardScaler(), NUMERIC), ("cat", OneHotEncoder(), CATEGORICAL)]
    )
    model = make_pipeline(pre, LogisticRegression(max_iter=1000))
    model.fit(_features(df), df[TARGET])
    return model


def _auc(model: Pipeline, df: pd.DataFrame) -> float:
    return float(roc_auc_score(df[TARGET], model.predict_proba(_features(df))[:, 1]))


def _assert_same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Exactly equal frames (exact mode is also much faster on categorical columns)."""
    pd.testing.assert_frame_equal(left, right, check_exact=True)


def _positive_rate_gap(df: pd.DataFrame) -> float:
    """Demographic parity difference of the labels: P(churn | F) - P(churn | M)."""
    rates = df.groupby(SENSITIVE_ATTRIBUTE, observed=True)[TARGET].mean()
    return float(rates["F"] - rates["M"])


@pytest.fixture(scope="module")
def clean_big() -> pd.DataFrame:
    """A large clean sample (seed 7)."""
    return make_churn(BIG, seed=7)


@pytest.fixture(scope="module")
def reference_model() -> Pipeline:
    """A model trained on clean data of another seed, used to measure drift."""
    return _fit(make_churn(50_000, seed=123))


# --- Schema, ranges, determinism ---------------------------------------------------------------


@pytest.mark.parametrize(
    "knobs",
    [
        {},
        {"missing_rate": 0.3, "outlier_rate": 0.2},
        {"covariate_drift": 1.0, "concept_drift": 1.0, "sensitive_bias": 1.0},
    ],
)
def test_schema_and_dtypes_are_stable(knobs: dict[str, float]) -> None:
    df = make_churn(2000, seed=3, **knobs)
    assert list(df.columns) == list(CHURN_DTYPES)
    assert {column: str(df[column].dtype) for column in df} == CHURN_DTYPES
    assert isinstance(df.index, pd.RangeIndex) and len(df) == 2000
    assert list(df["region"].cat.categories) == list(REGIONS)
    assert list(df["gender"].cat.categories) == ["F", "M"]


def test_constants() -> None:
    assert TARGET == "churned"
    assert SENSITIVE_ATTRIBUTE == "gender"
    assert set(FEATURE_COLUMNS) == set(CHURN_DTYPES) - {"customer_id", TARGET}
    assert not {"customer_id", TARGET, SENSITIVE_ATTRIBUTE, "signup_date"} & set(MISSING_COLUMNS)
    assert set(OUTLIER_COLUMNS) == set(CLEAN_MAX)


def test_customer_id_unique_and_formatted() -> None:
    df = make_churn(5000)
    assert df["customer_id"].is_unique
    assert df["customer_id"].iloc[0] == "C000001"
    assert df["customer_id"].iloc[-1] == "C005000"
    assert df["customer_id"].str.fullmatch(r"C\d{6}").all()


def test_customer_id_widens_beyond_six_digits() -> None:
    ids = _customer_ids(1_000_000)
    assert ids[0] == "C0000001" and ids[-1] == "C1000000"
    assert len(set(ids[-3:])) == 3


def test_clean_value_ranges(clean_big: pd.DataFrame) -> None:
    df = clean_big
    assert not df.isna().any().any()
    assert df["age"].between(18, CLEAN_MAX["age"]).all()
    assert df["age"].min() <= 20  # young customers exist
    assert df["tenure_months"].between(0, 120).all()
    assert (df["tenure_months"] <= (df["age"] - 18) * 12).all()
    assert df["balance_eur"].between(0, CLEAN_MAX["balance_eur"], inclusive="left").all()
    assert 0.30 < (df["balance_eur"] == 0).mean() < 0.42
    assert set(df["num_products"].unique()) == {1, 2, 3, 4}
    assert df["estimated_salary_eur"].gt(0).all()
    assert df["estimated_salary_eur"].lt(CLEAN_MAX["estimated_salary_eur"]).all()
    assert df["credit_score"].between(350, 850).all()
    assert set(df["region"].unique()) == set(REGIONS)
    assert set(df["gender"].unique()) == {"F", "M"}
    assert 0.6 < df["has_credit_card"].mean() < 0.8
    assert 0.4 < df["is_active_member"].mean() < 0.6
    assert set(df[TARGET].unique()) == {0, 1}


def test_signup_date_is_consistent_with_tenure(clean_big: pd.DataFrame) -> None:
    days = (pd.Timestamp(SNAPSHOT_DATE) - clean_big["signup_date"]).dt.days
    assert (days >= 0).all()
    months = np.floor(days.to_numpy() / 30.4375).astype(np.int64)
    np.testing.assert_array_equal(months, clean_big["tenure_months"].to_numpy(dtype=np.int64))
    assert (clean_big["signup_date"] == clean_big["signup_date"].dt.normalize()).all()


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_base_churn_rate(seed: int) -> None:
    rate = make_churn(20_000, seed=seed)[TARGET].mean()
    assert 0.15 <= rate <= 0.25


def test_same_arguments_same_frame() -> None:
    knobs: dict[str, Any] = {
        "missing_rate": 0.1,
        "outlier_rate": 0.05,
        "covariate_drift": 0.3,
        "concept_drift": 0.4,
        "sensitive_bias": 0.5,
    }
    first = make_churn(3000, seed=11, **knobs)
    _assert_same(first, make_churn(3000, seed=11, **knobs))
    config = ChurnConfig(n_rows=3000, seed=11, **knobs)
    _assert_same(first, make_churn_from_config(config))


def test_different_seed_different_data() -> None:
    a, b = make_churn(1000, seed=1), make_churn(1000, seed=2)
    pd.testing.assert_series_equal(a["customer_id"], b["customer_id"])
    for column in ("age", "balance_eur", "estimated_salary_eur", "credit_score", "signup_date"):
        assert not a[column].equals(b[column]), column


# --- Signal ------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 42])
def test_target_is_learnable_but_not_trivial(seed: int) -> None:
    df = make_churn(5000, seed=seed)
    train, test = train_test_split(df, test_size=0.3, random_state=0, stratify=df[TARGET])
    auc = _auc(_fit(train), test)
    assert AUC_BAND[0] <= auc <= AUC_BAND[1], auc


# --- Knobs -------------------------------------------------------------------------------------


def test_missing_rate_blanks_only_documented_columns() -> None:
    rate = 0.15
    clean = make_churn(40_000, seed=5)
    dirty = make_churn(40_000, seed=5, missing_rate=rate)
    realized = dirty[list(MISSING_COLUMNS)].isna().mean()
    assert (realized - rate).abs().max() < 0.01, realized
    others = [column for column in CHURN_DTYPES if column not in MISSING_COLUMNS]
    assert not dirty[others].isna().any().any()
    _assert_same(dirty[others], clean[others])
    for column in MISSING_COLUMNS:  # cells that were kept are the clean values
        kept = dirty[column].notna()
        pd.testing.assert_series_equal(
            dirty.loc[kept, column], clean.loc[kept, column], check_exact=True
        )


def test_missing_cells_grow_as_nested_sets() -> None:
    low = make_churn(5000, seed=9, missing_rate=0.05)[list(MISSING_COLUMNS)].isna()
    high = make_churn(5000, seed=9, missing_rate=0.2)[list(MISSING_COLUMNS)].isna()
    assert (high | ~low).all().all()
    assert high.to_numpy().sum() > low.to_numpy().sum()


def test_outlier_rate_injects_detectable_extremes(clean_big: pd.DataFrame) -> None:
    rate = 0.02
    dirty = make_churn(BIG, seed=7, outlier_rate=rate)
    thresholds = {column: clean_big[column].quantile(0.999) for column in OUTLIER_COLUMNS}
    clean_beyond = pd.DataFrame({c: clean_big[c] > t for c, t in thresholds.items()})
    beyond = pd.DataFrame({c: dirty[c] > t for c, t in thresholds.items()})
    expected = rate + clean_beyond.any(axis=1).mean()  # plus the clean rows above p99.9
    assert abs(beyond.any(axis=1).mean() - expected) < 0.002
    extreme = pd.DataFrame({c: dirty[c] > CLEAN_MAX[c] for c in OUTLIER_COLUMNS})
    assert abs(extreme.any(axis=1).mean() - rate) < 0.002
    assert (extreme.sum(axis=1) <= 1).all()  # one corrupted column per row
    assert (extreme.mean() > rate / 5).all()  # every listed column gets some
    assert dirty["age"].between(18, 92).all()
    assert dirty.loc[extreme["balance_eur"], "balance_eur"].min() >= 1_000_000
    assert dirty.loc[extreme["estimated_salary_eur"], "estimated_salary_eur"].min() >= 1_000_000
    untouched = [column for column in CHURN_DTYPES if column not in OUTLIER_COLUMNS]
    _assert_same(dirty[untouched], clean_big[untouched])
    rows = ~extreme.any(axis=1)
    _assert_same(dirty[rows], clean_big[rows])


def test_covariate_drift_shifts_features_monotonically() -> None:
    frames = [make_churn(30_000, seed=4, covariate_drift=d) for d in (0.0, 0.5, 1.0)]
    age = [f["age"].mean() for f in frames]
    tenure = [f["tenure_months"].mean() for f in frames]
    balance = [f["balance_eur"].mean() for f in frames]
    zero_balance = [(f["balance_eur"] == 0).mean() for f in frames]
    madrid = [(f["region"] == "Madrid").mean() for f in frames]
    signup = [f["signup_date"].median() for f in frames]
    assert age[0] - 2 > age[1] > age[2] + 2
    assert tenure[0] - 10 > tenure[1] > tenure[2] + 5
    assert balance[0] * 1.1 < balance[1] < balance[2] / 1.1
    assert zero_balance[0] > zero_balance[1] > zero_balance[2]
    assert madrid[0] < madrid[1] < madrid[2]
    assert signup[0] < signup[1] < signup[2]
    # Quantile comparison (a two-sample KS-like check) on age.
    deciles = [0.1, 0.5, 0.9]
    assert (frames[2]["age"].quantile(deciles) < frames[0]["age"].quantile(deciles)).all()
    # Columns outside the drift are the very same values.
    same = ["customer_id", "num_products", "has_credit_card", "is_active_member"]
    same += ["estimated_salary_eur", "credit_score", "gender"]
    for frame in frames[1:]:
        _assert_same(frame[same], frames[0][same])


def test_covariate_drift_keeps_the_conditional_relation(reference_model: Pipeline) -> None:
    clean = make_churn(BIG, seed=8)
    drifted = make_churn(BIG, seed=8, covariate_drift=1.0)
    assert abs(drifted[TARGET].mean() - clean[TARGET].mean()) > 0.01  # label shift follows X
    for df in (clean, drifted):  # P(y|X) unchanged: the old model stays calibrated and useful
        predicted = reference_model.predict_proba(_features(df))[:, 1].mean()
        assert abs(predicted - df[TARGET].mean()) < 0.01
    assert _auc(reference_model, drifted) > _auc(reference_model, clean) - 0.04


def test_concept_drift_changes_labels_not_features(reference_model: Pipeline) -> None:
    frames = [make_churn(BIG, seed=8, concept_drift=c) for c in (0.0, 0.5, 1.0)]
    features = ["customer_id", *FEATURE_COLUMNS]
    for frame in frames[1:]:
        _assert_same(frame[features], frames[0][features])
        assert (frame[TARGET] != frames[0][TARGET]).mean() > 0.05
    aucs = [_auc(reference_model, frame) for frame in frames]
    assert aucs[0] - 0.08 > aucs[1] > aucs[2] + 0.08, aucs
    drifted = frames[2]
    active = drifted["is_active_member"].astype(bool)
    assert drifted.loc[active, TARGET].mean() > drifted.loc[~active, TARGET].mean()
    assert frames[0].loc[active, TARGET].mean() < frames[0].loc[~active, TARGET].mean()
    salary_corr = [f["estimated_salary_eur"].corr(f[TARGET]) for f in frames]
    assert abs(salary_corr[0]) < 0.02 and salary_corr[2] > 0.15, salary_corr


def test_sensitive_bias_grows_parity_gap() -> None:
    frames = [make_churn(BIG, seed=10, sensitive_bias=b) for b in (0.0, 0.5, 1.0)]
    gaps = [_positive_rate_gap(frame) for frame in frames]
    assert abs(gaps[0]) < 0.01, gaps
    assert gaps[0] + 0.04 < gaps[1] < gaps[2] - 0.04, gaps
    features = ["customer_id", *FEATURE_COLUMNS]
    _assert_same(frames[2][features], frames[0][features])


def test_knobs_off_equals_defaults() -> None:
    _assert_same(
        make_churn(500, seed=2),
        make_churn(
            500,
            seed=2,
            missing_rate=0,
            outlier_rate=0,
            covariate_drift=0,
            concept_drift=0,
            sensitive_bias=0,
        ),
    )


# --- Configuration and validation --------------------------------------------------------------


def test_config_normalizes_and_is_frozen() -> None:
    numpy_scalars: dict[str, Any] = {
        "n_rows": np.int64(10),
        "seed": np.int32(3),
        "concept_drift": np.float32(0.5),
    }
    config = ChurnConfig(**numpy_scalars)
    assert type(config.n_rows) is int and type(config.seed) is int
    assert type(config.concept_drift) is float and config.concept_drift == 0.5
    assert type(config.missing_rate) is float
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.n_rows = 20  # type: ignore[misc]
    variant = dataclasses.replace(config, covariate_drift=1)
    assert variant.covariate_drift == 1.0
    assert len(make_churn_from_config(variant)) == 10


@pytest.mark.parametrize(
    ("kwargs", "error", "fragments"),
    [
        ({"n_rows": True}, TypeError, ["n_rows", "entero"]),
        ({"n_rows": 10.0}, TypeError, ["n_rows", "entero"]),
        ({"n_rows": "100"}, TypeError, ["n_rows", "str"]),
        ({"n_rows": 0}, ValueError, ["n_rows", "entre 1 y 5000000"]),
        ({"n_rows": MAX_ROWS + 1}, ValueError, ["n_rows", "5000000"]),
        ({"seed": -1}, ValueError, ["seed", "≥ 0"]),
        ({"seed": 1.5}, TypeError, ["seed", "entero"]),
        ({"seed": False}, TypeError, ["seed", "bool"]),
        ({"missing_rate": 1.0}, ValueError, ["missing_rate", "[0, 1)"]),
        ({"missing_rate": -0.1}, ValueError, ["missing_rate", "[0, 1)"]),
        ({"missing_rate": math.nan}, ValueError, ["missing_rate", "nan"]),
        ({"missing_rate": True}, TypeError, ["missing_rate", "bool"]),
        ({"outlier_rate": 1}, ValueError, ["outlier_rate", "[0, 1)"]),
        ({"outlier_rate": "0.1"}, TypeError, ["outlier_rate", "str"]),
        ({"covariate_drift": 1.01}, ValueError, ["covariate_drift", "[0, 1]"]),
        ({"concept_drift": -0.5}, ValueError, ["concept_drift", "[0, 1]"]),
        ({"sensitive_bias": math.inf}, ValueError, ["sensitive_bias", "[0, 1]"]),
        ({"sensitive_bias": None}, TypeError, ["sensitive_bias", "NoneType"]),
    ],
)
def test_bad_arguments_raise_spanish_errors(
    kwargs: dict[str, Any], error: type[Exception], fragments: list[str]
) -> None:
    with pytest.raises(error) as raised:
        make_churn(**kwargs)
    message = str(raised.value)
    assert "debe ser" in message and "se recibió" in message
    for fragment in fragments:
        assert fragment in message
    with pytest.raises(error, match=re.escape(fragments[0])):
        ChurnConfig(**kwargs)


def test_make_churn_from_config_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="config debe ser un ChurnConfig"):
        make_churn_from_config({"n_rows": 10})  # type: ignore[arg-type]


def test_boundary_values_are_accepted() -> None:
    df = make_churn(
        1,
        seed=0,
        missing_rate=0.999,
        outlier_rate=0.999,
        covariate_drift=1,
        concept_drift=1,
        sensitive_bias=1,
    )
    assert len(df) == 1
    assert {column: str(df[column].dtype) for column in df} == CHURN_DTYPES


def test_single_row() -> None:
    df = make_churn(1)
    assert len(df) == 1
    assert df["customer_id"].iloc[0] == "C000001"
    assert df[TARGET].iloc[0] in (0, 1)
    _assert_same(df, make_churn(n_rows=1))
