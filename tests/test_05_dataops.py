"""Unit tests for mlops_course.lessons.m05_dataops (module 05): run log, DVC runner, project,
stages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from mlops_course.lessons.common import isolated_env, make_churn
from mlops_course.lessons.m05_dataops import (
    DataValidationError,
    clear_run_log,
    read_run_log,
    record_run,
    stages_that_ran,
)
from mlops_course.lessons.m05_dataops.dvctool import ToolRun, dvc, dvc_command, run_tool
from mlops_course.lessons.m05_dataops.project import (
    CHECKS_MODULE,
    check_dvc_yaml,
    commit_all,
    init_project,
    install_stage_scripts,
    read_yaml,
    reset_dir,
    write_checks_module,
    write_yaml,
)
from mlops_course.lessons.m05_dataops.stage_scripts import (
    STAGES,
    featurize,
    prepare,
    train,
    validate,
)
from mlops_course.lessons.m05_dataops.validation import check_rules, pandera_failing_columns

RULES = {
    "required_columns": ["customer_id", "age", "balance_eur", "region", "churned"],
    "max_missing_rate": 0.02,
    "ranges": {"age": [18, 85], "balance_eur": [0, 300_000]},
    "target": "churned",
    "id_column": "customer_id",
}
PARAMS = {
    "prepare": {"test_size": 0.25, "seed": 1},
    "validate": RULES,
    "featurize": {"age_bins": [18, 40, 86]},
    "train": {"smoothing": 5},
}


def accept_all(df, rules):  # type: ignore[no-untyped-def]
    """A validator that accepts every batch (stands in for the student's function)."""
    return None


def reject_all(df, rules):  # type: ignore[no-untyped-def]
    """A validator that rejects every batch."""
    raise DataValidationError("columna 'age': 3 valores fuera del rango [18, 85].")


# --- run log -------------------------------------------------------------------------------


def test_run_log_round_trip(tmp_path: Path) -> None:
    assert read_run_log(tmp_path) == []
    record_run("prepare", project=tmp_path, rows=3)
    record_run("train", project=tmp_path)
    entries = read_run_log(tmp_path)
    assert [e["stage"] for e in entries] == ["prepare", "train"]
    assert entries[0]["rows"] == 3 and isinstance(entries[0]["time"], float)
    assert stages_that_ran(tmp_path) == ["prepare", "train"]
    clear_run_log(tmp_path)
    assert stages_that_ran(tmp_path) == []
    clear_run_log(tmp_path)  # idempotent


def test_record_run_defaults_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = record_run("featurize")
    assert path == tmp_path / "logs" / "runs.jsonl"


@pytest.mark.parametrize("stage", ["", None, 3])
def test_record_run_rejects_bad_stage(tmp_path: Path, stage: object) -> None:
    with pytest.raises(ValueError, match="stage"):
        record_run(stage, project=tmp_path)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "match"), [("{not json", "JSON"), ('{"no_stage": 1}', "stage"), ("[1]", "stage")]
)
def test_read_run_log_reports_bad_lines(tmp_path: Path, line: str, match: str) -> None:
    log = tmp_path / "logs" / "runs.jsonl"
    log.parent.mkdir()
    log.write_text('{"stage": "ok"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=match) as info:
        read_run_log(tmp_path)
    assert "línea 3" in str(info.value)


# --- running tools -------------------------------------------------------------------------


def test_run_tool_captures_output_and_time(tmp_path: Path) -> None:
    run = run_tool(
        [sys.executable, "-c", "import sys; print('hola'); print('aviso', file=sys.stderr)"],
        cwd=tmp_path,
        env={"PATH": ""},
        shown=("saluda",),
    )
    assert run.ok and run.returncode == 0
    assert run.output == "hola\naviso"
    assert run.seconds > 0
    assert str(run).startswith("$ saluda   # ok")


def test_run_tool_failure_and_check(tmp_path: Path) -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit('se rompió')"]
    run = run_tool(failing, cwd=tmp_path, env={})
    assert not run.ok and "código 1" in str(run)
    with pytest.raises(RuntimeError, match="se rompió"):
        run_tool(failing, cwd=tmp_path, env={}, check=True)


def test_run_tool_needs_existing_cwd(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no existe"):
        run_tool([sys.executable, "-V"], cwd=tmp_path / "missing", env={})


def test_tool_run_without_output_shows_only_the_command() -> None:
    assert str(ToolRun(("dvc", "x"), 0, "", " ", 0.25)) == "$ dvc x   # ok, 0.2 s"


def test_dvc_command_uses_this_interpreter() -> None:
    assert dvc_command() == [sys.executable, "-m", "dvc"]


# --- project helpers ------------------------------------------------------------------------


def test_reset_dir_wipes_contents(tmp_path: Path) -> None:
    target = tmp_path / "p"
    (target / "sub").mkdir(parents=True)
    (target / "sub" / "f.txt").write_text("x", encoding="utf-8")
    assert reset_dir(target) == target
    assert list(target.iterdir()) == []


def test_yaml_round_trip_keeps_order(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "a" / "params.yaml", {"z": 1, "a": {"ñ": [1, 2]}})
    assert path.read_text(encoding="utf-8").startswith("z: 1\n")
    assert read_yaml(path) == {"z": 1, "a": {"ñ": [1, 2]}}


def test_install_stage_scripts(tmp_path: Path) -> None:
    written = install_stage_scripts(tmp_path)
    assert [p.name for p in written] == [f"{s}.py" for s in STAGES]
    assert all("Escribe:" in p.read_text(encoding="utf-8") for p in written)


def test_write_checks_module(tmp_path: Path) -> None:
    path = write_checks_module(tmp_path, accept_all)
    assert path == tmp_path / "stages" / CHECKS_MODULE
    text = path.read_text(encoding="utf-8")
    assert "import pandas as pd" in text and "def accept_all(df, rules):" in text
    compile(text, str(path), "exec")


def test_write_checks_module_rejects_non_functions(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="función"):
        write_checks_module(tmp_path, len)
    namespace: dict[str, object] = {}
    exec("def made_up(df, rules):\n    return None\n", namespace)
    with pytest.raises(TypeError, match="made_up"):
        write_checks_module(tmp_path, namespace["made_up"])  # type: ignore[arg-type]


def test_check_dvc_yaml_uses_dvc_schema() -> None:
    check_dvc_yaml({"stages": {"a": {"cmd": "x", "deps": ["d"], "outs": ["o"]}}})
    with pytest.raises(ValueError, match="DVC rechazaría"):
        check_dvc_yaml({"stages": {"a": {"cmd": "x", "dep": ["d"]}}})
    with pytest.raises(ValueError, match="cmd"):
        check_dvc_yaml({"stages": {"a": {"deps": ["d"]}}})


# --- validation reference -------------------------------------------------------------------


def test_check_rules_errors() -> None:
    check_rules(RULES)
    with pytest.raises(TypeError, match="diccionario"):
        check_rules([1])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="id_column"):
        check_rules({k: v for k, v in RULES.items() if k != "id_column"})
    with pytest.raises(ValueError, match="max_missing_rate"):
        check_rules({**RULES, "max_missing_rate": 1.5})
    with pytest.raises(ValueError, match="ranges"):
        check_rules({**RULES, "ranges": {"age": [85, 18]}})


def test_pandera_reference_flags_the_right_columns() -> None:
    clean = make_churn(300, 3)
    assert pandera_failing_columns(clean, RULES) == set()
    broken = clean.copy()
    broken.loc[:5, "balance_eur"] = 9e6
    broken.loc[:20, "region"] = pd.NA
    broken.loc[30, "customer_id"] = broken.loc[31, "customer_id"]
    broken.loc[40, "churned"] = 7
    assert pandera_failing_columns(broken, RULES) == {
        "balance_eur",
        "region",
        "customer_id",
        "churned",
    }
    assert pandera_failing_columns(clean.drop(columns=["age"]), RULES) == {"age"}


# --- stage scripts, in process ---------------------------------------------------------------


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator: object) -> Path:
    monkeypatch.chdir(tmp_path)
    write_yaml(tmp_path / "params.yaml", PARAMS)
    raw = make_churn(400, 9)
    raw = pd.concat([raw, raw.iloc[:5]])  # five exact duplicates for prepare to drop
    (tmp_path / "data" / "raw").mkdir(parents=True)
    raw.to_csv(tmp_path / "data" / "raw" / "churn.csv", index=False)
    write_checks_module(tmp_path, validator)  # type: ignore[arg-type]
    monkeypatch.syspath_prepend(str(tmp_path / "stages"))
    sys.modules.pop("churn_checks", None)
    return tmp_path


def test_stage_scripts_run_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path, monkeypatch, accept_all)
    prepare.main()
    train_rows = len(pd.read_csv(project / "data/prepared/train.csv"))
    assert train_rows + len(pd.read_csv(project / "data/prepared/test.csv")) == 400
    assert validate.main() == 0
    report = json.loads((project / "reports/validation.json").read_text(encoding="utf-8"))
    assert report["train"]["rows"] == train_rows
    featurize.main()
    features = pd.read_csv(project / "data/features/train.csv")
    assert list(features.columns) == ["segment", "churned"]
    assert features["segment"].str.count(r"\|").eq(3).all()
    train.main()
    metrics = json.loads((project / "metrics.json").read_text(encoding="utf-8"))
    assert 0.5 < metrics["roc_auc"] <= 1 and 0 < metrics["brier"] < 0.25
    model = json.loads((project / "models/segment_rates.json").read_text(encoding="utf-8"))
    assert model["smoothing"] == 5 and model["rates"]
    log = read_run_log(project)
    assert [e["stage"] for e in log] == ["prepare", "validate", "featurize", "train"]
    assert log[0]["duplicates"] == 5


def test_validate_stage_fails_with_spanish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, monkeypatch, reject_all)
    prepare.main()
    assert validate.main() == 1
    err = capsys.readouterr().err
    assert "NO pasa la validación" in err and "'age'" in err
    assert not (tmp_path / "reports/validation.json").exists()
    assert stages_that_ran(tmp_path)[-1] == "validate"
    assert read_run_log(tmp_path)[-1]["status"] == "failed"


@pytest.mark.parametrize(
    ("value", "band"), [("35", "[18,40)"), ("", "?"), ("17", "?"), ("86", "?"), ("40.0", "[40,86)")]
)
def test_age_band(value: str, band: str) -> None:
    assert featurize.age_band(value, [18.0, 40.0, 86.0]) == band


def test_segment_handles_missing_values() -> None:
    row = {"age": "", "num_products": "2.0", "is_active_member": "", "balance_eur": ""}
    assert featurize.segment(row, [18.0, 86.0]) == "?|2|?|?"
    row = {"age": "30", "num_products": "1", "is_active_member": "True", "balance_eur": "0.0"}
    assert featurize.segment(row, [18.0, 86.0]) == "[18,86)|1|True|sin_saldo"


def test_roc_auc_matches_known_values() -> None:
    assert train.roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == pytest.approx(0.75)
    assert train.roc_auc([0, 1], [0.5, 0.5]) == pytest.approx(0.5)
    assert train.roc_auc([0, 1, 1, 0], [0.2, 0.9, 0.9, 0.9]) == pytest.approx(0.75)
    assert train.roc_auc([1, 1], [0.1, 0.2]) != train.roc_auc([1, 1], [0.1, 0.2])  # nan


# --- the real tools, end to end ---------------------------------------------------------------


@pytest.mark.slow
def test_real_dvc_project(tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home")
    project = tmp_path / "proj"
    assert init_project(project, env).ok
    assert (project / ".dvc" / "config").is_file()
    (project / "data.txt").write_text("hola\n", encoding="utf-8")
    assert dvc("add", "data.txt", cwd=project, env=env, check=True).ok
    first = commit_all(project, env, "datos")
    assert commit_all(project, env, "nada nuevo") == first
    assert (project / ".dvc/cache/files/md5/91/6f4c31aaa35d6b867dae9a7f54270d").is_file()
    assert not (tmp_path / "home" / ".gitconfig").read_text(encoding="utf-8")


def test_tool_run_output_drops_escapes_and_spinners() -> None:
    run = ToolRun(
        ("dvc", "add"), 0, "hecho\n", "\x1b[?25l⠋ Checking graph\n\x1b[?25h\naviso\n", 1.0
    )
    assert run.output == "hecho\naviso"
