"""Unit tests of mlops_course.lessons.m09_ci (module 09: GitHub Actions), with the real linters."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from mlops_course.lessons.churn_project.layers import layer_files
from mlops_course.lessons.m09_ci import (
    billed_minutes,
    cache_key,
    expand_matrix,
    lint_workflow,
    load_prices,
    load_workflow,
    restore_keys,
    run_job,
)
from mlops_course.lessons.m09_ci.insecure import INSECURE_WORKFLOW

REPO = Path(__file__).resolve().parents[1]
LAYER = Path(str(layer_files("09")))
WORKFLOWS = LAYER / ".github" / "workflows"


# --- matrix -------------------------------------------------------------------------------------


def test_the_docs_example_include_extends_or_adds() -> None:
    """GitHub's documented example: include extends without overwriting original values; an
    entry that fits nothing is a new combination, and later includes do not extend it."""
    matrix = {
        "fruit": ["apple", "pear"],
        "animal": ["cat", "dog"],
        "include": [
            {"color": "green"},
            {"color": "pink", "animal": "cat"},
            {"fruit": "apple", "shape": "circle"},
            {"fruit": "banana"},
            {"fruit": "banana", "animal": "cat"},
        ],
    }
    assert expand_matrix(matrix) == [
        {"fruit": "apple", "animal": "cat", "color": "pink", "shape": "circle"},
        {"fruit": "apple", "animal": "dog", "color": "green", "shape": "circle"},
        {"fruit": "pear", "animal": "cat", "color": "pink"},
        {"fruit": "pear", "animal": "dog", "color": "green"},
        {"fruit": "banana"},
        {"fruit": "banana", "animal": "cat"},
    ]


def test_exclude_goes_first_and_matches_partially() -> None:
    matrix = {
        "os": ["ubuntu-latest", "macos-latest"],
        "python": ["3.11", "3.12"],
        "exclude": [{"os": "macos-latest"}],
        "include": [{"os": "macos-latest", "python": "3.12"}],
    }
    assert expand_matrix(matrix) == [
        {"os": "ubuntu-latest", "python": "3.11"},
        {"os": "ubuntu-latest", "python": "3.12"},
        {"os": "macos-latest", "python": "3.12"},  # excluded, then added back by include
    ]


def test_a_matrix_of_only_include_is_its_list() -> None:
    entries = [{"os": "ubuntu-latest"}, {"os": "windows-latest", "python": "3.12"}]
    assert expand_matrix({"include": entries}) == entries


def test_the_project_workflow_matrix() -> None:
    ci = load_workflow(WORKFLOWS / "ci.yml")
    combos = expand_matrix(ci["jobs"]["tests"]["strategy"]["matrix"])
    assert len(combos) == 3
    assert [c for c in combos if c.get("pipeline")] == [
        {"os": "ubuntu-latest", "python-version": "3.12", "pipeline": True}
    ]


@pytest.mark.parametrize(
    ("matrix", "words"),
    [
        ([1, 2], "diccionario"),
        ({"os": []}, "lista no vacía"),
        ({"os": "ubuntu-latest"}, "lista no vacía"),
        ({"os": ["a"], "exclude": [{"arch": "x64"}]}, "arch"),
        ({"os": ["a"], "include": "x"}, "include"),
        ({"os": ["a"], "exclude": [{"os": "a"}]}, "ninguna combinación"),
    ],
)
def test_bad_matrices_are_refused_in_spanish(matrix: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        expand_matrix(matrix)  # type: ignore[arg-type]


def test_actionlint_also_refuses_an_exclude_of_an_unknown_variable(tmp_path: Path) -> None:
    workflow = tmp_path / "w.yml"
    workflow.write_text(
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    strategy:\n      matrix:\n        os: [a]\n        exclude:\n          - arch: x64\n"
        "    steps:\n      - run: echo hola\n",
        encoding="utf-8",
    )
    rules = {f.rule for f in lint_workflow(workflow) if f.tool == "actionlint"}
    assert "matrix" in rules


# --- cache key ----------------------------------------------------------------------------------


def test_the_key_follows_the_bytes_not_the_time_nor_the_name(tmp_path: Path) -> None:
    lock = tmp_path / "requirements-ci.txt"
    lock.write_bytes((LAYER / "requirements-ci.txt").read_bytes())
    key = cache_key(lock, "Linux", "3.12")
    assert re.fullmatch(r"pip-Linux-py3\.12-[0-9a-f]{64}", key)
    os.utime(lock, (1, 1))
    twin = tmp_path / "otro.txt"
    twin.write_bytes(lock.read_bytes())
    assert cache_key(lock, "Linux", "3.12") == key == cache_key(twin, "Linux", "3.12")
    lock.write_text(lock.read_text(encoding="utf-8").replace("ruff==", "ruff>="), encoding="utf-8")
    assert cache_key(lock, "Linux", "3.12") != key
    assert cache_key(lock, "macOS", "3.12") != cache_key(lock, "Linux", "3.12")
    assert restore_keys("Linux", "3.12", "mypy") == ["mypy-Linux-py3.12-", "mypy-Linux-"]


def test_bad_cache_inputs(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        cache_key(tmp_path / "no.txt", "Linux", "3.12")
    with pytest.raises(ValueError, match="runner_os"):
        restore_keys("", "3.12")
    with pytest.raises(ValueError, match="prefix"):
        restore_keys("Linux", "3.12", "a-b")


def test_the_lock_pins_what_the_course_pins() -> None:
    """requirements-ci.txt is the project's lock: every pin equals the course environment's."""
    course = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = dict(
        line.split("==")
        for line in [*course["dependencies"], *course["optional-dependencies"]["dev"]]
        if "==" in line
    )
    pins = {name.split("[")[0].lower(): version for name, version in pins.items()}
    lock = [
        line
        for line in (LAYER / "requirements-ci.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    for line in lock:
        name, version = line.split("==")
        assert pins.get(name) == version, f"{name}: lock {version}, curso {pins.get(name)}"


# --- linters ------------------------------------------------------------------------------------


def test_the_layer_workflows_are_clean_for_every_linter() -> None:
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        assert lint_workflow(workflow) == [], workflow.name


def test_the_insecure_workflow_shows_each_defect(tmp_path: Path) -> None:
    workflow = tmp_path / "metricas-pr.yml"
    workflow.write_text(INSECURE_WORKFLOW, encoding="utf-8")
    findings = lint_workflow(workflow)
    rules = {f.rule for f in findings if f.tool == "zizmor"}
    assert {"template-injection", "unpinned-uses", "dangerous-triggers", "artipacked"} <= rules
    assert any(f.tool == "actionlint" and "untrusted" in f.message for f in findings)
    assert all(f.line > 0 for f in findings)


def test_a_file_that_is_not_yaml_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    broken = tmp_path / "roto.yml"
    broken.write_text("name: [x\n", encoding="utf-8")
    tools = {f.tool for f in lint_workflow(broken)}
    assert tools == {"check-jsonschema", "actionlint", "zizmor"}
    with pytest.raises(FileNotFoundError):
        lint_workflow(tmp_path / "no.yml")


# --- runner -------------------------------------------------------------------------------------


def write_workflow(folder: Path, steps: list[dict[str, object]]) -> Path:
    spec = {"on": "push", "jobs": {"j": {"runs-on": "ubuntu-latest", "steps": steps}}}
    path = folder / "w.yml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def test_the_runner_runs_run_steps_in_the_project_and_skips_the_rest(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    workflow = write_workflow(
        tmp_path,
        [
            {"uses": "actions/checkout@v5"},
            {"id": "instalar", "run": "exit 1"},
            {"id": "a", "env": {"X": "uno", "V": "${{ vars.V }}"}, "run": 'echo "$X" > a.txt'},
            {"id": "resumen", "run": 'echo hola >> "$GITHUB_STEP_SUMMARY"; test "$CI" = true'},
            {"id": "b", "run": "false"},
            {"id": "c", "run": "touch c.txt"},
        ],
    )
    runs = run_job(workflow, "j", project, skip=("instalar",))
    assert [r.status for r in runs] == ["omitido", "omitido", "ok", "ok", "falló", "omitido"]
    assert (project / "a.txt").read_text(encoding="utf-8") == "uno\n"
    assert "V" in runs[2].reason and not (project / "c.txt").exists()
    assert runs[4].reason.startswith("código 1")


def test_the_runner_refuses_expressions_in_run_and_unknown_jobs(tmp_path: Path) -> None:
    workflow = write_workflow(tmp_path, [{"run": "echo ${{ github.event.pull_request.title }}"}])
    with pytest.raises(ValueError, match="env"):
        run_job(workflow, "j", tmp_path)
    with pytest.raises(ValueError, match="no tiene el job"):
        run_job(workflow, "otro", tmp_path)


# --- cost ---------------------------------------------------------------------------------------


def test_prices_are_dated_and_billing_rounds_each_job_up() -> None:
    prices = load_prices()
    assert prices.source.startswith("https://docs.github.com/")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", prices.read_on)
    assert prices.usd_per_minute["macos-latest"] > prices.usd_per_minute["ubuntu-latest"]
    assert [billed_minutes(s) for s in (0, 1, 60, 61, 600)] == [1, 1, 1, 2, 10]
    with pytest.raises(ValueError):
        billed_minutes(-1)
