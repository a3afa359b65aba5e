"""Unit tests for the module-06 helper package ``mlops_course.lessons.m06_pipelines``."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import cloudpickle
import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, make_scorer
from sklearn.model_selection import StratifiedKFold, TunedThresholdClassifierCV
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from mlops_course.lessons.common import CHURN_DTYPES, make_churn
from mlops_course.lessons.m06_pipelines import (
    CATEGORICAL_FEATURES,
    FLAG_FEATURES,
    MODEL_FEATURES,
    NUMERIC_FEATURES,
    add_noise_code,
    harmless_pickle_payload,
    load_in_fresh_process,
    monthly_snapshots,
    noise_dataset,
)
from mlops_course.lessons.m06_pipelines.project import (
    PIPELINE_FILE,
    compare_with_reference,
    compose_pipeline,
    object_source,
    pipeline_header,
    reference_pipeline,
    reference_threshold,
    split_pipeline,
    write_pipeline,
)

# --- churn_columns -------------------------------------------------------------------------


def test_model_features_are_churn_columns_without_id_gender_date_or_target() -> None:
    assert MODEL_FEATURES == NUMERIC_FEATURES + FLAG_FEATURES + CATEGORICAL_FEATURES
    assert set(MODEL_FEATURES) <= set(CHURN_DTYPES)
    assert not {"customer_id", "gender", "signup_date", "churned"} & set(MODEL_FEATURES)
    assert len(set(MODEL_FEATURES)) == len(MODEL_FEATURES)


# --- leakage_data --------------------------------------------------------------------------


def test_noise_dataset_shape_balance_and_determinism() -> None:
    X, y = noise_dataset(n_rows=11, n_features=3, seed=4)
    assert X.shape == (11, 3)
    assert list(X.columns) == ["f0000", "f0001", "f0002"]
    assert set(y.unique()) == {0, 1}
    assert y.sum() == 5
    X2, y2 = noise_dataset(n_rows=11, n_features=3, seed=4)
    pd.testing.assert_frame_equal(X, X2)
    pd.testing.assert_series_equal(y, y2)
    X3, _ = noise_dataset(n_rows=11, n_features=3, seed=5)
    assert not X.equals(X3)


def test_noise_dataset_wide_column_names_stay_sorted() -> None:
    X, _ = noise_dataset(n_rows=4, n_features=12_000, seed=0)
    assert X.columns[0] == "f00000"
    assert list(X.columns) == sorted(X.columns)


def test_noise_dataset_has_no_signal() -> None:
    X, y = noise_dataset(n_rows=2000, n_features=5, seed=0)
    correlations = X.corrwith(y.astype(float)).abs()
    assert (correlations < 0.08).all()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"n_rows": 3, "n_features": 2}, ValueError),
        ({"n_rows": 10, "n_features": 0}, ValueError),
        ({"n_rows": 10, "n_features": 2, "seed": -1}, ValueError),
        ({"n_rows": True, "n_features": 2}, TypeError),
        ({"n_rows": 10.0, "n_features": 2}, TypeError),
    ],
)
def test_noise_dataset_rejects_bad_arguments(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        noise_dataset(**kwargs)  # type: ignore[arg-type]


def test_add_noise_code_adds_one_random_column() -> None:
    frame = make_churn(n_rows=200, seed=2)
    coded = add_noise_code(frame, n_levels=20, seed=3)
    assert "branch_code" not in frame.columns
    assert list(coded.columns) == [*frame.columns, "branch_code"]
    pd.testing.assert_frame_equal(coded[frame.columns], frame)
    assert coded["branch_code"].str.fullmatch(r"B\d{4}").all()
    assert 2 <= coded["branch_code"].nunique() <= 20
    again = add_noise_code(frame, n_levels=20, seed=3)
    assert coded["branch_code"].equals(again["branch_code"])


def test_add_noise_code_rejects_bad_input() -> None:
    frame = make_churn(n_rows=10, seed=2)
    with pytest.raises(TypeError, match="DataFrame"):
        add_noise_code(frame.to_dict(), n_levels=5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_levels"):
        add_noise_code(frame, n_levels=1)
    with pytest.raises(ValueError, match="region"):
        add_noise_code(frame, n_levels=5, column="region")


def test_monthly_snapshots_repeat_customers_with_small_jitter() -> None:
    frame = make_churn(n_rows=50, seed=6, missing_rate=0.1)
    stacked = monthly_snapshots(frame, n_snapshots=3, jitter=0.01, seed=1)
    assert len(stacked) == 150
    assert stacked["snapshot"].tolist() == [0] * 50 + [1] * 50 + [2] * 50
    assert (stacked.groupby("customer_id")["churned"].nunique() == 1).all()
    assert stacked["customer_id"].value_counts().eq(3).all()
    first, later = stacked.iloc[:50], stacked.iloc[100:].reset_index(drop=True)
    ratio = (later["balance_eur"] / first["balance_eur"]).dropna()
    assert ((ratio - 1).abs() < 0.1).all()
    assert first["balance_eur"].isna().equals(later["balance_eur"].isna())
    pd.testing.assert_series_equal(frame["age"], first["age"])


def test_monthly_snapshots_without_jitter_are_exact_copies() -> None:
    frame = make_churn(n_rows=5, seed=6)
    stacked = monthly_snapshots(frame, n_snapshots=2, jitter=0)
    np.testing.assert_allclose(stacked["balance_eur"].iloc[5:], frame["balance_eur"])


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"n_snapshots": 0}, ValueError),
        ({"jitter": 0.9}, ValueError),
        ({"jitter": "0.1"}, TypeError),
        ({"jitter": True}, TypeError),
        ({"n_snapshots": 2.0}, TypeError),
    ],
)
def test_monthly_snapshots_rejects_bad_arguments(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        monthly_snapshots(make_churn(n_rows=5, seed=1), **kwargs)  # type: ignore[arg-type]


def test_monthly_snapshots_needs_id_and_balance() -> None:
    frame = make_churn(n_rows=5, seed=1).drop(columns=["customer_id"])
    with pytest.raises(ValueError, match="customer_id"):
        monthly_snapshots(frame)
    with pytest.raises(TypeError):
        monthly_snapshots([1, 2])  # type: ignore[arg-type]


# --- payload -------------------------------------------------------------------------------


def test_payload_runs_code_on_load_and_only_writes_the_marker(tmp_path: Path) -> None:
    marker = tmp_path / "sub" / ".." / "marca.txt"
    blob = harmless_pickle_payload(marker, "hola")
    assert not (tmp_path / "marca.txt").exists()
    assert b"exec" in blob
    assert pickle.loads(blob) is None  # the payload runs on purpose
    assert (tmp_path / "marca.txt").read_text() == "hola"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["marca.txt"]


def test_payload_default_message_and_quoting(tmp_path: Path) -> None:
    marker = tmp_path / "it's here.txt"
    pickle.loads(harmless_pickle_payload(marker))
    assert marker.read_text() == "código ejecutado al cargar"


def test_payload_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="marker"):
        harmless_pickle_payload(str(tmp_path / "x.txt"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="message"):
        harmless_pickle_payload(tmp_path / "x.txt", 3)  # type: ignore[arg-type]


# --- fresh_process -----------------------------------------------------------------------------


class _Doubler(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """A custom step defined here: a new process started elsewhere cannot import this module."""

    def fit(self, X: object, y: object = None) -> _Doubler:
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        return X * 2


def _fitted(custom: bool) -> tuple[Pipeline, pd.DataFrame]:
    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.normal(size=(40, 3)), columns=["a", "b", "c"])
    y = (X["a"] > 0).astype(int)
    steps = [_Doubler()] if custom else [StandardScaler()]
    return make_pipeline(*steps, LogisticRegression()).fit(X, y), X.head(5)


def test_fresh_process_scores_a_portable_pickle_and_skops_file(tmp_path: Path) -> None:
    model, rows = _fitted(custom=False)
    pkl = tmp_path / "modelo.pkl"
    pkl.write_bytes(pickle.dumps(model))
    result = load_in_fresh_process(pkl, rows)
    assert result.ok, result.detail
    assert result.probabilities is not None
    assert np.array_equal(result.probabilities, model.predict_proba(rows))
    sk = tmp_path / "modelo.skops"
    sio.dump(model, sk)
    assert load_in_fresh_process(sk, rows, "skops", sio.get_untrusted_types(file=sk)).ok


def test_fresh_process_shows_what_only_works_inside_this_process(tmp_path: Path) -> None:
    model, rows = _fitted(custom=True)
    by_reference = tmp_path / "referencia.pkl"
    by_reference.write_bytes(pickle.dumps(model))
    failed = load_in_fresh_process(by_reference, rows)
    assert not failed.ok and failed.probabilities is None
    assert "No module named" in failed.detail, failed.detail
    by_value = tmp_path / "valor.pkl"
    module = sys.modules[__name__]
    cloudpickle.register_pickle_by_value(module)
    try:
        by_value.write_bytes(cloudpickle.dumps(model))
    finally:
        cloudpickle.unregister_pickle_by_value(module)
    result = load_in_fresh_process(by_value, rows)
    assert result.ok, result.detail
    assert np.array_equal(result.probabilities, model.predict_proba(rows))  # type: ignore[arg-type]
    sk = tmp_path / "modelo.skops"
    sio.dump(model, sk)
    refused = load_in_fresh_process(sk, rows, "skops", [])
    assert not refused.ok and "Untrusted types" in refused.detail, refused.detail


def test_fresh_process_rejects_bad_input(tmp_path: Path) -> None:
    _, rows = _fitted(custom=False)
    with pytest.raises(FileNotFoundError, match="No existe el artefacto"):
        load_in_fresh_process(tmp_path / "no_existe.pkl", rows)
    (tmp_path / "x.pkl").write_bytes(b"no es un pickle")
    with pytest.raises(ValueError, match="Formato desconocido"):
        load_in_fresh_process(tmp_path / "x.pkl", rows, "onnx")  # type: ignore[arg-type]
    broken = load_in_fresh_process(tmp_path / "x.pkl", rows)
    assert not broken.ok and "UnpicklingError" in broken.detail, broken.detail


# --- project: the student's pipeline inside src/churn_project/pipeline.py -------------------

CONTENT = Path(__file__).resolve().parents[1] / "content/06_pipelines_avanzados"


def _solution_cell(grade_id: str) -> str:
    """The reference answer of one answer cell of the module, without nbgrader's markers."""
    text = (CONTENT / "06_pipelines_avanzados.py").read_text(encoding="utf-8")
    cell = text.split(f'"grade_id": "{grade_id}"', 1)[1].split("\n# %%", 1)[0]
    body = cell.split("\n", 1)[1]
    return "\n".join(line for line in body.splitlines() if "### " not in line).strip("\n")


def test_the_project_file_splits_into_header_student_part_and_footer() -> None:
    header, student, footer = split_pipeline(reference_pipeline())
    assert header == pipeline_header()
    assert student.startswith("class QuantileClipper(")
    assert "def build_churn_pipeline(" in student and "def build_pipeline(" not in student
    assert "def build_pipeline(" in footer and "def load_model(" in footer
    assert "from sklearn.preprocessing import" in header
    with pytest.raises(ValueError, match="build_churn_pipeline"):
        split_pipeline("class QuantileClipper:\n    pass\n")


def test_a_function_keeps_its_source_and_a_renamed_one_gets_an_alias() -> None:
    def my_builder(numeric_features, flag_features, categorical_features, C=1.0):  # type: ignore[no-untyped-def]
        return None

    class Clipper:
        def fit(self) -> None:
            return None

    text = compose_pipeline(Clipper, my_builder)
    assert "class Clipper:" in text and "QuantileClipper = Clipper" in text
    assert "def my_builder(" in text and "build_churn_pipeline = my_builder" in text
    assert text.startswith(pipeline_header())
    with pytest.raises(TypeError, match="función o una clase"):
        object_source(42)


def test_the_module_solution_predicts_exactly_as_the_project_reference() -> None:
    """Checkpoint 05 + the solution of module 06 ⊇ checkpoint 06: the same model."""
    header, _, footer = split_pipeline(reference_pipeline())
    solution = header + _solution_cell("clipper") + "\n\n\n" + _solution_cell("pipeline") + "\n"
    assert compare_with_reference(solution + footer).same


def test_the_project_file_is_written_in_place(tmp_path: Path) -> None:
    class QuantileClipper:
        def fit(self) -> None:
            return None

    def build_churn_pipeline():  # type: ignore[no-untyped-def]
        return None

    written = write_pipeline(tmp_path, QuantileClipper, build_churn_pipeline)
    assert written == tmp_path / PIPELINE_FILE
    assert "def build_churn_pipeline():" in written.read_text(encoding="utf-8")


def test_the_reference_threshold_is_the_projects_cost_tuned_threshold() -> None:
    """The helper runs the project's ``tune_threshold``: the same as doing it by hand here."""
    frame = make_churn(n_rows=400, seed=5)
    columns = [*NUMERIC_FEATURES, *FLAG_FEATURES]
    X = frame[columns].astype("float64").fillna(0.0)
    y = frame["churned"]
    pipe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    costs = {"cost_false_positive_eur": 6.0, "cost_false_negative_eur": 36.0}
    got = reference_threshold(
        pipe,
        (X.iloc[:300], y.iloc[:300]),
        (X.iloc[300:], y.iloc[300:]),
        **costs,
        cv_folds=3,
        seed=1,
    )

    def cost(y_true: object, y_pred: object) -> float:
        _, fp, fn, _ = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
        return float((fp * 6.0 + fn * 36.0) / len(y_pred))  # type: ignore[arg-type]

    by_hand = TunedThresholdClassifierCV(
        pipe,
        scoring=make_scorer(cost, greater_is_better=False),
        cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=1),
        random_state=1,
    ).fit(X.iloc[:300], y.iloc[:300])
    assert got["threshold"] == pytest.approx(by_hand.best_threshold_, abs=1e-6)
    assert got["threshold"] < 0.5
    assert got["cost_per_customer_eur"] == pytest.approx(
        cost(y.iloc[300:], by_hand.predict(X.iloc[300:]))
    )
    assert got["cost_per_customer_eur"] <= got["cost_per_customer_eur_at_0_5"]
