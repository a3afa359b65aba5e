"""Unit tests for module 05: run log, DVC runner, the project it builds and its data contract."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from mlops_course.lessons.churn_project import PROJECT_DIR
from mlops_course.lessons.churn_project.contract import (
    CONTRACT_FILE,
    compose_contract,
    contract_header,
    failing_columns,
    function_source,
    load_contract,
    reference_build_schema,
    reference_contract,
    split_contract,
    through_csv,
    write_contract,
)
from mlops_course.lessons.churn_project.layers import layer_files
from mlops_course.lessons.common import git, isolated_env, make_churn
from mlops_course.lessons.m05_dataops import clear_run_log, read_run_log, stages_that_ran
from mlops_course.lessons.m05_dataops.dvctool import ToolRun, dvc, dvc_command, run_tool
from mlops_course.lessons.m05_dataops.project import (
    COMMIT_PREFIX,
    check_dvc_yaml,
    commit_all,
    init_project,
    install_project_code,
    made_only_by_module_05,
    make_room,
    read_yaml,
    write_yaml,
)
from mlops_course.machinery.build.notebook import read_text_source, strip_markers

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "content" / "05_ingenieria_datos" / "05_ingenieria_datos.py"


def solution_cell(grade_id: str) -> str:
    """The solution of an answer cell of module 05, without the nbgrader markers."""
    for cell in read_text_source(SOURCE).cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return strip_markers(cell.source)
    raise AssertionError(f"module 05 has no cell {grade_id!r}")


def write_log(project: Path, *entries: dict[str, Any]) -> None:
    """Append run-log lines as the project's stages do (churn_project.runlog.record_run)."""
    log = project / "logs" / "runs.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


# --- run log -------------------------------------------------------------------------------


def test_run_log_round_trip(tmp_path: Path) -> None:
    assert read_run_log(tmp_path) == []
    write_log(
        tmp_path, {"stage": "prepare", "time": 1.5, "rows": 3}, {"stage": "train", "time": 2.0}
    )
    entries = read_run_log(tmp_path)
    assert [e["stage"] for e in entries] == ["prepare", "train"]
    assert entries[0]["rows"] == 3
    assert stages_that_ran(tmp_path) == ["prepare", "train"]
    clear_run_log(tmp_path)
    assert stages_that_ran(tmp_path) == []
    clear_run_log(tmp_path)  # idempotent


def test_the_course_reads_the_log_the_project_writes() -> None:
    files = layer_files("05")
    assert files is not None
    writer = files.joinpath("src", "churn_project", "runlog.py").read_text(encoding="utf-8")
    assert 'RUN_LOG = Path("logs") / "runs.jsonl"' in writer
    assert '{"stage": stage, "time": round(time.time(), 3), **details}' in writer


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


def test_tool_run_output_drops_escapes_and_spinners() -> None:
    run = ToolRun(
        ("dvc", "add"), 0, "hecho\n", "\x1b[?25l⠋ Checking graph\n\x1b[?25h\naviso\n", 1.0
    )
    assert run.output == "hecho\naviso"


# --- YAML and dvc.yaml ------------------------------------------------------------------------


def test_yaml_round_trip_keeps_order(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "a" / "params.yaml", {"z": 1, "a": {"ñ": [1, 2]}})
    assert path.read_text(encoding="utf-8").startswith("z: 1\n")
    assert read_yaml(path) == {"z": 1, "a": {"ñ": [1, 2]}}


def test_check_dvc_yaml_uses_dvc_schema() -> None:
    check_dvc_yaml({"stages": {"a": {"cmd": "x", "deps": ["d"], "outs": ["o"]}}})
    with pytest.raises(ValueError, match="DVC rechazaría"):
        check_dvc_yaml({"stages": {"a": {"cmd": "x", "dep": ["d"]}}})
    with pytest.raises(ValueError, match="cmd"):
        check_dvc_yaml({"stages": {"a": {"deps": ["d"]}}})


def test_the_solution_of_exercise_2_is_the_checkpoint_dvc_yaml() -> None:
    """The pipeline the notebook's solution writes and layer 05's dvc.yaml cannot drift apart."""
    namespace: dict[str, Any] = {}
    exec(solution_cell("pipeline"), namespace)
    files = layer_files("05")
    assert files is not None
    reference = yaml.safe_load(files.joinpath("dvc.yaml").read_text(encoding="utf-8"))
    assert namespace["pipeline_spec"]() == reference
    check_dvc_yaml(reference)


# --- the project module 05 builds --------------------------------------------------------------


def test_install_project_code_leaves_out_what_the_student_writes(tmp_path: Path) -> None:
    written = {p.relative_to(tmp_path).as_posix() for p in install_project_code(tmp_path)}
    assert {"pyproject.toml", "params.yaml", "src/churn_project/stages/validate.py"} <= written
    assert "dvc.yaml" not in written and CONTRACT_FILE.as_posix() not in written
    assert not (tmp_path / "dvc.yaml").exists() and not (tmp_path / CONTRACT_FILE).exists()


def _project_with_commit(root: Path, env: dict[str, str], message: str) -> Path:
    project = root / PROJECT_DIR
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text('name = "churn-project"\n', encoding="utf-8")
    git("init", "--quiet", "--initial-branch=main", cwd=project, env=env)
    git("add", "-A", cwd=project, env=env)
    git("commit", "--quiet", "-m", message, cwd=project, env=env)
    return project


def test_make_room_rebuilds_a_project_made_only_by_module_05(tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "home")
    assert make_room(tmp_path, env) == (tmp_path / PROJECT_DIR, None)
    project = _project_with_commit(tmp_path, env, COMMIT_PREFIX + "datos")
    git("tag", "checkpoint-05", cwd=project, env=env)
    assert made_only_by_module_05(project, env)
    assert make_room(tmp_path, env) == (project, None)
    assert not project.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


@pytest.mark.parametrize("later", ["commit", "tag"])
def test_make_room_sets_aside_a_project_with_later_work(tmp_path: Path, later: str) -> None:
    env = isolated_env(tmp_path / "home")
    project = _project_with_commit(tmp_path, env, COMMIT_PREFIX + "datos")
    if later == "commit":
        (project / "modelo.py").write_text("x = 1\n", encoding="utf-8")
        git("add", "-A", cwd=project, env=env)
        git("commit", "--quiet", "-m", "pipeline de sklearn", cwd=project, env=env)
    else:
        git("tag", "checkpoint-06", cwd=project, env=env)
    assert not made_only_by_module_05(project, env)
    assert make_room(tmp_path, env) == (project, tmp_path / "churn-project.respaldo-1")
    assert (tmp_path / "churn-project.respaldo-1" / "pyproject.toml").is_file()


def test_make_room_refuses_a_folder_that_is_not_a_churn_project(tmp_path: Path) -> None:
    folder = tmp_path / PROJECT_DIR
    folder.mkdir()
    (folder / "tesis.md").write_text("mi trabajo", encoding="utf-8")
    with pytest.raises(FileExistsError, match="no es un proyecto de churn"):
        make_room(tmp_path, isolated_env(tmp_path / "home"))
    assert (folder / "tesis.md").read_text(encoding="utf-8") == "mi trabajo"


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
    (project / "more.txt").write_text("otra capa\n", encoding="utf-8")
    commit_all(project, env, "la capa 07", module="07")  # a later module's notebook says so
    subjects = git("log", "--format=%s", cwd=project, env=env).stdout.split("\n")
    assert subjects[:2] == ["módulo 07: la capa 07", COMMIT_PREFIX + "datos"]
    with pytest.raises(ValueError, match="dos cifras"):
        commit_all(project, env, "x", module="7")
    assert (project / ".dvc/cache/files/md5/91/6f4c31aaa35d6b867dae9a7f54270d").is_file()
    assert not (tmp_path / "home" / ".gitconfig").read_text(encoding="utf-8")


# --- the data contract: one file, the student's build_schema in the middle ---------------------


def test_the_solution_of_exercise_3_is_the_checkpoint_build_schema() -> None:
    """The checkpoint's contract IS the solution: same build_schema, character for character."""
    assert solution_cell("contract").strip("\n") == reference_build_schema().strip("\n")


def test_the_contract_is_header_function_footer() -> None:
    text = reference_contract()
    header, function, footer = split_contract(text)
    assert header == contract_header() and header + function + footer == text
    assert function.startswith("def build_schema(with_target: bool) -> pa.DataFrameSchema:")
    assert "TRAINING_SCHEMA: Final = build_schema(with_target=True)" in footer
    assert "def build_schema" not in header + footer
    assert compose_contract(reference_build_schema()) == text
    with pytest.raises(ValueError, match="build_schema"):
        split_contract("x = 1\n")


def _loose_schema(with_target):  # type: ignore[no-untyped-def]
    """A student's contract under another name: no checks at all."""
    return pa.infer_schema(pd.DataFrame({ID_COLUMN: ["C1"]}))  # noqa: F821 - contract.py names


def test_write_contract_puts_the_function_in_the_file_and_aliases_other_names(
    tmp_path: Path,
) -> None:
    path = write_contract(tmp_path, _loose_schema)
    assert path == tmp_path / CONTRACT_FILE
    contract = load_contract(tmp_path)
    assert contract.build_schema is contract._loose_schema
    assert list(contract.TRAINING_SCHEMA.columns) == ["customer_id"]
    with pytest.raises(TypeError, match="función"):
        function_source(len)  # type: ignore[arg-type]


def test_the_reference_contract_in_process() -> None:
    namespace: dict[str, Any] = {}
    exec(reference_contract(), namespace)
    schema = namespace["build_schema"](True)
    assert failing_columns(schema, through_csv(make_churn(500, 3, missing_rate=0.01))) == set()
    broken = make_churn(500, 3)
    broken.loc[0, "age"] = 17
    assert failing_columns(schema, broken) == {"age"}
    assert failing_columns(schema, broken.drop(columns=["region"])) == {"age", "region"}
    with pytest.raises(namespace["ContractViolation"], match="'age'"):
        namespace["validate"](broken)
    with pytest.raises(TypeError, match="DataFrame"):
        namespace["validate"]([1, 2])
    assert isinstance(through_csv(broken), pd.DataFrame)
