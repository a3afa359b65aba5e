"""Unit tests of mlops_course.lessons.m08_mltesting (module 08: testing for ML)."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mlops_course.lessons.churn_project.contract import CONTRACT_FILE, reference_contract
from mlops_course.lessons.common import CHURN_DTYPES, make_churn
from mlops_course.lessons.m08_mltesting import (
    AGE_BAND_BUGS,
    REFERENCE,
    SILENT_RATIO_BUG,
    add_column,
    as_churn_dtypes,
    build_churn_pipeline,
    cast_column,
    corrupted_examples,
    drop_column,
    duplicate_row,
    feature_columns,
    minimum_functionality_cases,
    run_suite,
    runner,
    set_missing,
    set_value,
    train_churn_model,
    variant_source,
    write_project,
    write_test_file,
)
from mlops_course.lessons.m08_mltesting import churn_features as cf
from mlops_course.lessons.m08_mltesting.contract_suite import (
    CONTRACT_BUGS,
    CONTRACT_TEST_FILE,
    contract_variant,
    run_contract_suite,
)
from mlops_course.lessons.m08_mltesting.gate import (
    GATE_FILE,
    GateResult,
    add_gate_params,
    compose_gate,
    gate_params_block,
    load_gate,
    practice_registry,
    read_gate_params,
    reference_gate,
    register_models,
    split_gate,
    write_gate,
)
from mlops_course.lessons.m08_mltesting.gate import function_source as gate_source
from mlops_course.lessons.m08_mltesting.suite import (
    TEST_FILE_HEADER,
    SuiteReport,
    VariantResult,
    function_source,
    load_variant,
    module_under_test_source,
)
from mlops_course.machinery.build.notebook import read_text_source, strip_markers

# --- test functions that the suite runner exports to files (they must be self-contained) ---


def _samples():  # type: ignore[no-untyped-def]
    """Sample student tests, nested so that pytest does not collect them in this file."""

    @pytest.mark.parametrize(
        "age, band", [(18, "18-29"), (29, "18-29"), (30, "30-44"), (60, "60+")]
    )
    def test_bands(age, band):
        assert age_band(age) == band  # noqa: F821 - resolved in the exported file

    def test_invalid():
        with pytest.raises(ValueError):
            age_band(17)  # noqa: F821

    def test_ratio():
        assert balance_salary_ratio(10.0, 40.0) == 0.25  # noqa: F821

    def test_skipped():
        pytest.skip("no protege nada")

    def test_fixture_error(missing_fixture):
        pass

    def test_uses_notebook_variable():
        assert NOTEBOOK_ONLY == 1  # noqa: F821

    def helper():
        return 1

    return (
        test_bands,
        test_invalid,
        test_ratio,
        test_skipped,
        test_fixture_error,
        test_uses_notebook_variable,
        helper,
    )


BANDS, INVALID, RATIO, SKIPPED, FIXTURE_ERROR, NOTEBOOK_VARIABLE, HELPER = _samples()


# --- churn_features: the module under test ---


@pytest.mark.parametrize(
    "age, band",
    [
        (18, "18-29"),
        (29, "18-29"),
        (30, "30-44"),
        (44, "30-44"),
        (45, "45-59"),
        (59, "45-59"),
        (60, "60+"),
        (120, "60+"),
        (np.int64(40), "30-44"),
    ],
)
def test_age_band_boundaries(age: int, band: str) -> None:
    assert cf.age_band(age) == band


@pytest.mark.parametrize(
    "age, error",
    [
        (17, ValueError),
        (121, ValueError),
        (30.0, TypeError),
        (True, TypeError),
        ("30", TypeError),
        (None, TypeError),
    ],
)
def test_age_band_rejects(age: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="age"):
        cf.age_band(age)  # type: ignore[arg-type]


def test_balance_salary_ratio() -> None:
    assert cf.balance_salary_ratio(10_000, 40_000.0) == 0.25
    assert math.isnan(cf.balance_salary_ratio(None, 1.0))  # type: ignore[arg-type]
    assert math.isnan(cf.balance_salary_ratio(1.0, float("nan")))
    assert math.isnan(cf.balance_salary_ratio(pd.NA, 1.0))  # type: ignore[arg-type]
    for args, error in [
        ((-1.0, 1.0), ValueError),
        ((1.0, 0.0), ValueError),
        (("1", 1.0), TypeError),
        ((True, 1.0), TypeError),
    ]:
        with pytest.raises(error):
            cf.balance_salary_ratio(*args)  # type: ignore[arg-type]


def test_products_per_year() -> None:
    assert cf.products_per_year(2, 0) == 2.0
    assert cf.products_per_year(2, 6) == 2.0
    assert cf.products_per_year(3, 36) == 1.0
    with pytest.raises(ValueError, match="num_products"):
        cf.products_per_year(0, 12)
    with pytest.raises(ValueError, match="tenure_months"):
        cf.products_per_year(1, -1)


def test_add_features_on_churn_data_keeps_input_and_propagates_missing() -> None:
    df = make_churn(300, 1, missing_rate=0.1)
    before = df.copy()
    out = cf.add_features(df)
    pd.testing.assert_frame_equal(df, before)
    new = ["age_band", "balance_salary_ratio", "products_per_year", "zero_balance"]
    assert list(out.columns) == [*df.columns, *new]
    assert out["age_band"].isna().sum() == df["age"].isna().sum()
    assert out["zero_balance"].isna().sum() == df["balance_eur"].isna().sum()
    assert str(out["zero_balance"].dtype) == "boolean"
    row = out.dropna().iloc[0]
    assert row["balance_salary_ratio"] == pytest.approx(
        row["balance_eur"] / row["estimated_salary_eur"]
    )


def test_add_features_errors() -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        cf.add_features([1, 2])  # type: ignore[arg-type]
    frame = pd.DataFrame({c: [1] for c in cf.REQUIRED_COLUMNS})
    with pytest.raises(ValueError, match="age, tenure_months"):
        cf.add_features(frame.drop(columns=["age", "tenure_months"]))


# --- suite: exporting tests and running them ---


def test_function_source_and_errors() -> None:
    assert function_source(INVALID).startswith("def test_invalid")
    assert function_source(BANDS).startswith("@pytest.mark.parametrize")
    with pytest.raises(TypeError, match="def"):
        function_source(lambda: None)
    with pytest.raises(TypeError):
        function_source(print)  # type: ignore[arg-type]
    namespace: dict[str, object] = {}
    exec("def ghost():\n    pass\n", namespace)
    with pytest.raises(ValueError, match="ghost"):
        function_source(namespace["ghost"])  # type: ignore[arg-type]


def test_write_test_file_validates(tmp_path: Path) -> None:
    path = write_test_file([BANDS, INVALID], tmp_path / "t" / "test_x.py")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(TEST_FILE_HEADER.rstrip())
    compile(text, str(path), "exec")
    with pytest.raises(TypeError, match="lista"):
        write_test_file(BANDS, tmp_path / "x.py")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="lista"):
        write_test_file("test_a", tmp_path / "x.py")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="test"):
        write_test_file([HELPER], tmp_path / "x.py")
    with pytest.raises(ValueError, match="repetidas"):
        write_test_file([INVALID, INVALID], tmp_path / "x.py")


def test_variant_source_and_load_variant() -> None:
    buggy = load_variant(AGE_BAND_BUGS["frontera-30"])
    assert buggy.age_band(30) == "18-29"
    assert buggy.age_band(31) == "30-44"
    assert variant_source("X = 1\n", base="A = 0\n").splitlines()[-1] == "X = 1"
    with pytest.raises(ValueError, match="Python"):
        variant_source("def broken(:\n")
    with pytest.raises(ValueError, match="redefinir"):
        variant_source("print('nada')\n")
    assert module_under_test_source() == Path(cf.__file__).read_text(encoding="utf-8")


def test_write_project_layout(tmp_path: Path) -> None:
    test_path = write_project(tmp_path / "p", [INVALID])
    assert test_path == tmp_path / "p" / "tests" / "test_churn_features.py"
    assert (tmp_path / "p" / "churn_features.py").read_text(encoding="utf-8") == (
        module_under_test_source()
    )
    assert "pythonpath = ." in (tmp_path / "p" / "pytest.ini").read_text(encoding="utf-8")
    write_project(tmp_path / "p", [INVALID])  # idempotent


def test_run_suite_in_process_catches_mutants_and_measures_coverage(tmp_path: Path) -> None:
    modules_before = set(sys.modules)
    path_before = list(sys.path)
    report = run_suite([BANDS, INVALID], tmp_path, variants=AGE_BAND_BUGS, coverage=True)
    assert report.reference.green and report.reference.count("passed") == 5
    assert report.survivors() == []
    assert report.results["frontera-30"].outcomes["test_bands[30-30-44]"] == "failed"
    assert "18-29" in report.failures("frontera-30")["test_bands[30-30-44]"]
    assert report.coverage_percent is not None and 30 < report.coverage_percent < 60
    measured = json.loads((tmp_path / "coverage.json").read_text(encoding="utf-8"))
    assert measured["totals"]["percent_covered"] == pytest.approx(report.coverage_percent)
    assert "churn_features.py" in (tmp_path / "coverage.txt").read_text(encoding="utf-8")
    assert "churn_features" not in sys.modules
    assert not {m for m in set(sys.modules) - modules_before if "test_churn_features" in m}
    assert sys.path == path_before
    assert not list(tmp_path.rglob("__pycache__"))
    table = report.table()
    assert list(table["veredicto"]) == ["correcta: todo en verde", "detectada", "detectada"]


def test_run_suite_weak_suite_lets_mutants_survive(tmp_path: Path) -> None:
    report = run_suite(
        [RATIO], tmp_path, variants={"ratio-invertido": SILENT_RATIO_BUG, **AGE_BAND_BUGS}
    )
    assert report.reference.green
    assert report.survivors() == list(AGE_BAND_BUGS)
    assert report.results["ratio-invertido"].caught
    assert report.table().loc["frontera-30", "veredicto"] == "SOBREVIVE"


def test_run_suite_red_reference_skips_and_errors(tmp_path: Path) -> None:
    report = run_suite([SKIPPED, FIXTURE_ERROR, BANDS], tmp_path, coverage=True)
    ref = report.reference
    assert ref.count("skipped") == 1 and ref.count("errors") == 1 and not ref.green
    assert "missing_fixture" in report.failures()["test_fixture_error"]
    assert report.table().loc[REFERENCE, "veredicto"] == "¡falla con la correcta!"


def test_run_suite_notebook_variable_and_import_error_are_red(tmp_path: Path) -> None:
    report = run_suite([NOTEBOOK_VARIABLE], tmp_path / "p")
    assert not report.reference.green
    assert "NOTEBOOK_ONLY" in report.failures()["test_uses_notebook_variable"]
    write_project(tmp_path / "q", [INVALID])
    test_file = tmp_path / "q" / "tests" / "test_churn_features.py"
    write_test_file([INVALID], test_file, header="import no_such_module_for_08\n")
    result = runner.run_project(tmp_path / "q", "test_churn_features.py", "churn_features")
    assert result["exit_code"] != 0
    assert list(result["outcomes"].values()) == ["errors"]
    assert "no_such_module_for_08" in next(iter(result["messages"].values()))


def test_run_suite_rejects_reserved_name(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=REFERENCE):
        run_suite([INVALID], tmp_path, variants={REFERENCE: "X = 1"})


def test_variant_result_and_report_without_coverage(tmp_path: Path) -> None:
    empty = VariantResult("x", {})
    assert not empty.green and empty.caught
    report = SuiteReport(tmp_path, {REFERENCE: VariantResult(REFERENCE, {"t": "passed"})})
    assert report.coverage_percent is None and report.failures() == {}


@pytest.mark.slow
def test_run_suite_in_child_process_matches_in_process(tmp_path: Path) -> None:
    child = run_suite(
        [BANDS, INVALID], tmp_path / "c", variants=AGE_BAND_BUGS, coverage=True, in_process=False
    )
    local = run_suite([BANDS, INVALID], tmp_path / "l", variants=AGE_BAND_BUGS, coverage=True)
    for name in local.results:
        assert child.results[name].outcomes == local.results[name].outcomes
    assert child.coverage_percent == pytest.approx(local.coverage_percent)
    with pytest.raises(RuntimeError, match="más de"):
        run_suite([BANDS], tmp_path / "t", in_process=False, timeout=0.01)


def test_runner_main_usage_and_spec(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert runner.main([]) == 2
    assert "uso" in capsys.readouterr().err
    write_project(tmp_path, [INVALID])
    spec = {
        "module_name": "churn_features",
        "test_file": "test_churn_features.py",
        "projects": {REFERENCE: str(tmp_path)},
        "result": str(tmp_path / "out.json"),
        "coverage_of": REFERENCE,
        "coverage": {"json": str(tmp_path / "c.json"), "text": str(tmp_path / "c.txt")},
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    assert runner.main([str(tmp_path / "spec.json")]) == 0
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert out[REFERENCE]["outcomes"] == {"test_invalid": "passed"}
    assert out[REFERENCE]["coverage_percent"] > 0


def test_runner_coverage_when_module_never_imported(tmp_path: Path) -> None:
    write_test_file([SKIPPED], tmp_path / "tests" / "test_n.py", header="import pytest\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    spec = {
        "module_name": "churn_features",
        "test_file": "test_n.py",
        "projects": {REFERENCE: str(tmp_path)},
        "coverage_of": REFERENCE,
        "coverage": {"json": str(tmp_path / "c.json"), "text": str(tmp_path / "c.txt")},
    }
    assert runner.run_spec(spec)[REFERENCE]["coverage_percent"] == 0.0


# --- corruption ---


def test_corruptions_copy_and_change_one_thing() -> None:
    df = make_churn(50, 2)
    before = df.copy()
    examples = corrupted_examples(df)
    pd.testing.assert_frame_equal(df, before)
    assert len(examples) == 8
    assert "credit_score" not in drop_column(df, "credit_score")
    assert add_column(df, "x", 1.5)["x"].eq(1.5).all()
    assert str(cast_column(df, "age", "float64")["age"].dtype) == "float64"
    changed = set_value(df, "region", "Murcia", row=3)
    assert changed["region"].iloc[3] == "Murcia" and "Murcia" in changed["region"].cat.categories
    assert set_value(df, "age", 7)["age"].iloc[0] == 7
    for column in ("gender", "customer_id", "signup_date", "age"):
        assert set_missing(df, column, row=1)[column].isna().sum() == 1
        assert str(set_missing(df, column)[column].dtype) == str(df[column].dtype)
    assert len(duplicate_row(df, 4)) == 51


def test_corruptions_reject_bad_arguments() -> None:
    df = make_churn(5, 2)
    with pytest.raises(TypeError, match="DataFrame"):
        drop_column([1], "age")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'edad'"):
        set_value(df, "edad", 1)
    with pytest.raises(ValueError, match="fila 9"):
        set_missing(df, "age", row=9)
    with pytest.raises(ValueError, match="int64"):
        set_missing(df, "churned")
    with pytest.raises(ValueError, match="ya existe"):
        add_column(df, "age")
    with pytest.raises(TypeError):
        add_column("df", "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        duplicate_row(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fila"):
        duplicate_row(df, 5)


# --- model ---


def test_feature_columns_and_pipeline() -> None:
    assert "gender" not in feature_columns()
    assert feature_columns(include_sensitive=True)[-1] == "gender"
    assert build_churn_pipeline().steps[-1][0] == "model"


def test_trained_models_behave_as_the_notebook_says() -> None:
    data = make_churn(1500, 3, sensitive_bias=0.8, missing_rate=0.02)
    fair = train_churn_model(data)
    biased = train_churn_model(data, include_sensitive=True)
    flipped = data.copy()
    flipped["gender"] = flipped["gender"].map({"F": "M", "M": "F"}).astype(data["gender"].dtype)
    assert np.array_equal(fair.predict(data), fair.predict(flipped))
    assert np.mean(biased.predict(data) == biased.predict(flipped)) < 0.99
    older = data.copy()
    older["age"] = older["age"] + 10
    assert np.all(fair.predict_proba(older)[:, 1] >= fair.predict_proba(data)[:, 1])
    cases, expected = minimum_functionality_cases()
    assert np.array_equal(fair.predict(cases), expected)
    assert {c: str(cases[c].dtype) for c in cases} == {c: CHURN_DTYPES[c] for c in cases}


def test_train_churn_model_names_missing_columns() -> None:
    with pytest.raises(ValueError, match="gender"):
        train_churn_model(make_churn(20, 1).drop(columns="gender"), include_sensitive=True)


def test_as_churn_dtypes_ignores_unknown_columns() -> None:
    out = as_churn_dtypes(pd.DataFrame({"age": [30], "extra": ["x"]}))
    assert str(out["age"].dtype) == "Int64" and out["extra"].tolist() == ["x"]


# --- contract_suite: the student's data tests of the project's contract (Exercise 2) ---


def _contract_samples():  # type: ignore[no-untyped-def]
    """Sample data tests of the project's contract, nested so that pytest does not collect them."""

    def test_clean_passes():
        batch = make_churn(n_rows=800, seed=1)  # make_churn is imported by the test file header
        assert len(validate(batch)) == len(batch)  # noqa: F821

    def test_few_missing_pass():
        validate(make_churn(n_rows=800, seed=2, missing_rate=0.005))  # noqa: F821

    def test_missing_rejected():
        with pytest.raises(ContractViolation, match="valores vacíos"):  # noqa: F821
            validate(make_churn(n_rows=800, seed=3, missing_rate=0.1))  # noqa: F821

    @pytest.mark.parametrize("column", ["age", "balance_eur", "estimated_salary_eur"])
    def test_outlier_named(column):
        with pytest.raises(ContractViolation, match=f"'{column}'"):  # noqa: F821
            validate(make_churn(n_rows=800, seed=4, outlier_rate=0.05))  # noqa: F821

    return test_clean_passes, test_few_missing_pass, test_missing_rejected, test_outlier_named


CLEAN, FEW_MISSING, MISSING, OUTLIERS = _contract_samples()


def test_every_contract_bug_changes_the_reference_contract() -> None:
    reference = reference_contract()
    for name in CONTRACT_BUGS:
        changed = contract_variant(name)
        assert changed != reference and len(changed.splitlines()) == len(reference.splitlines())
    with pytest.raises(ValueError, match="no contiene"):
        contract_variant("saldo-sin-techo", base="no es un contrato")
    with pytest.raises(KeyError):
        contract_variant("no-existe")


def test_a_full_contract_suite_catches_every_weaker_contract(tmp_path: Path) -> None:
    modules_before = set(sys.modules)
    project = tmp_path / "churn-project"
    report = run_contract_suite(
        [CLEAN, FEW_MISSING, MISSING, OUTLIERS],
        tmp_path / "ws",
        project=project,
        variants=list(CONTRACT_BUGS),
    )
    assert report.test_file == project / "tests" / CONTRACT_TEST_FILE
    assert report.reference.green and report.reference.count("passed") == 6
    assert report.survivors() == []
    assert "churn_project" not in sys.modules
    assert not {m for m in set(sys.modules) - modules_before if m.startswith("churn_project")}
    copied = (tmp_path / "ws" / "_variantes" / "edad-hasta-120" / CONTRACT_FILE).read_text(
        encoding="utf-8"
    )
    assert '"age": (18, 120),' in copied


def test_a_weak_contract_suite_lets_weaker_contracts_survive(tmp_path: Path) -> None:
    report = run_contract_suite(
        [CLEAN, MISSING],
        tmp_path,
        variants=["vacios-prohibidos", "saldo-sin-techo", "vacios-sin-contar"],
    )
    assert report.reference.green
    assert report.test_file == tmp_path / "tests" / CONTRACT_TEST_FILE
    assert report.survivors() == ["vacios-prohibidos", "saldo-sin-techo"]
    assert report.log  # measured now
    again = run_contract_suite([CLEAN, MISSING], tmp_path / "otra", variants=["saldo-sin-techo"])
    assert again.log == "", "same tests, same contracts: the outcomes are reused, not re-run"
    assert again.survivors() == ["saldo-sin-techo"] and again.reference.green
    assert (tmp_path / "otra" / "_variantes" / "saldo-sin-techo" / CONTRACT_FILE).is_file()
    with pytest.raises(KeyError, match="desconocidas"):
        run_contract_suite([CLEAN], tmp_path, variants=["no-existe"])


# --- the regression gate: the project's gate.py, the student's function in the middle -----------

SOURCE = Path(__file__).resolve().parents[1] / "content" / "08_testing_ml" / "08_testing_ml.py"


def solution_cell(grade_id: str) -> str:
    """The solution of an answer cell of module 08, without the nbgrader markers."""
    for cell in read_text_source(SOURCE).cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return strip_markers(cell.source)
    raise AssertionError(f"module 08 has no cell {grade_id!r}")


def test_the_solution_of_exercise_4_is_the_checkpoint_regression_gate() -> None:
    """The project's reference gate IS the solution: same function, character for character."""
    header, function, footer = split_gate(reference_gate())
    assert solution_cell("puerta-regresion").strip("\n") == function.strip("\n")
    assert "class GateResult(NamedTuple)" in header and "def check_gate(" in footer
    with pytest.raises(ValueError, match="regression_gate"):
        split_gate("x = 1\n")


def test_the_students_gate_goes_into_the_project_and_loads_from_its_file(tmp_path: Path) -> None:
    def mi_puerta(client, model_name, metric, tolerance, higher_is_better=True):
        return GateResult(True, "siempre")  # the project's header defines its own GateResult

    path = write_gate(tmp_path, mi_puerta)
    assert path == tmp_path / GATE_FILE
    text = path.read_text(encoding="utf-8")
    assert text.endswith(split_gate(reference_gate())[2])
    assert "regression_gate = mi_puerta" in text
    module = load_gate(tmp_path)
    assert module.regression_gate(None, "m", "x", 0.1) == module.GateResult(True, "siempre")
    assert compose_gate(gate_source(mi_puerta)) == text
    with pytest.raises(TypeError, match="función"):
        gate_source(len)


def test_the_gate_params_are_added_once_without_touching_the_rest(tmp_path: Path) -> None:
    own = (
        "train:\n  C: 0.5  # mi búsqueda del 06\ntracking:\n  registered_model: churn-classifier\n"
    )
    (tmp_path / "params.yaml").write_text(own, encoding="utf-8")
    assert add_gate_params(tmp_path) is True
    text = (tmp_path / "params.yaml").read_text(encoding="utf-8")
    assert text == own + gate_params_block()
    assert add_gate_params(tmp_path) is False, "a second call changes nothing"
    assert read_gate_params(tmp_path) == {
        "model_name": "churn-classifier",
        "metric": "cost_per_customer_eur",
        "tolerance": 0.1,
        "higher_is_better": False,
    }


def test_the_practice_registry_holds_the_versions_and_aliases_a_test_asks_for(
    tmp_path: Path,
) -> None:
    client = practice_registry(tmp_path / "registro")
    name = register_models(client, [{"roc_auc": 0.8}, {"roc_auc": 0.7}], {"champion": 1})
    aliases = client.get_registered_model(name).aliases
    assert {alias: int(version) for alias, version in aliases.items()} == {"champion": 1}
    with pytest.raises(ValueError, match="versión 3"):
        register_models(client, [{"roc_auc": 0.8}], {"challenger": 3})
    client.set_registered_model_alias(name, "challenger", "2")
    project = tmp_path / "proyecto"
    (project / GATE_FILE).parent.mkdir(parents=True)
    (project / GATE_FILE).write_text(reference_gate(), encoding="utf-8")
    gate = load_gate(project)
    assert not gate.regression_gate(client, name, "roc_auc", 0.05).passed
    assert gate.regression_gate(client, name, "roc_auc", 0.15).passed


def test_property_suite_variants_and_errors(tmp_path: Path) -> None:
    """Every broken pipeline applies to the reference once; bad input → clear Spanish errors."""
    from mlops_course.lessons.m08_mltesting.property_suite import (
        PIPELINE_BUGS,
        pipeline_variant,
        reference_pipeline,
        run_property_suite,
    )

    reference = reference_pipeline()
    assert "def model_inputs(" in reference and "def load_model(" in reference
    for name, (old, new, description) in PIPELINE_BUGS.items():
        assert reference.count(old) == 1, name
        text = pipeline_variant(name)
        assert new in text and text != reference and description
        compile(text, name, "exec")
    with pytest.raises(ValueError, match="no se puede crear"):
        pipeline_variant("orden-filas", base="x = 1\n")
    with pytest.raises(KeyError):
        pipeline_variant("no-existe")

    def test_x() -> None:
        assert True

    model = tmp_path / "model.skops"
    with pytest.raises(KeyError, match="Variantes desconocidas"):
        run_property_suite([test_x], tmp_path / "w", model, variants=["no-existe"])
    with pytest.raises(FileNotFoundError, match="No existe el modelo"):
        run_property_suite([test_x], tmp_path / "w", model)
