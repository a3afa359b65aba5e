"""The maintainer's verification tools around the walk: audit, benchmark, drift guard, plain
papermill execution and the test tiers' runner."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from mlops_course.machinery import execute, testrun
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.mutants import Mutant
from mlops_course.machinery.grading.harness import HarnessOutcome, HarnessRow
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.grading.synthetic import BROKEN_CASES, MODULE_BROKEN_CASES
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.state import StudentOutcome
from mlops_course.machinery.verify import audit, benchmark, drift
from mlops_course.machinery.verify.outcome import VariantResult, WalkResult
from mlops_course.machinery.verify.plan import VariantKind, WalkPlan, build_plan
from mlops_course.machinery.verify.walk import ModuleWalk

DEMO = "99_demo"


# --- plan --------------------------------------------------------------------------------------


def test_the_light_plan_keeps_every_release_stub_and_no_mutant(built_demo: Path) -> None:
    """`make test` walks the modules it does not check in depth with the stubs only (ADR-0015)."""
    module = discover_modules(built_demo / "content", [DEMO])[0]
    full, light = build_plan(built_demo, module), build_plan(built_demo, module, mutants=False)
    assert [p.exercise for p in light.exercises] == [p.exercise for p in full.exercises]
    assert all(
        [v.kind for v in p.variants] == [VariantKind.STUB] and p.variants[0] == q.variants[0]
        for p, q in zip(light.exercises, full.exercises, strict=True)
    )
    assert sum(len(p.variants) for p in full.exercises) > len(full.exercises)


# --- audit -------------------------------------------------------------------------------------


def test_audit_compares_each_variant_with_the_gradebook(
    monkeypatch: pytest.MonkeyPatch, built_demo: Path, tmp_path: Path
) -> None:
    """Each stub and mutant of the plan becomes a synthetic student; the walk's failing test
    cells are set beside the gradebook's (the real run is ``make test-audit``)."""
    module = discover_modules(built_demo / "content", [DEMO])[0]
    plan = build_plan(built_demo, module)
    result = WalkResult(DEMO)
    gradebook: dict[str, dict[str, float]] = {}
    for planned in plan.exercises:
        ex = planned.exercise
        for variant in planned.variants:
            scores = {t.cell_id: 0.0 for t in ex.tests}
            result.variants.append(
                VariantResult(ex.answer_id, variant.kind, variant.name, variant.breaks, scores)
            )
            name = (
                f"{audit.STUB_PREFIX}{ex.answer_id}"
                if variant.kind is VariantKind.STUB
                else variant.name
            )
            gradebook[f"h-mutante-{name}"] = dict(scores)
    first = plan.exercises[0].exercise
    wrong = f"h-mutante-{audit.STUB_PREFIX}{first.answer_id}"
    gradebook[wrong] = {t.cell_id: t.points for t in first.tests}  # nbgrader disagrees here
    students: list[str] = []

    cases: list[object] = []

    def fake_grade(*args: object, mutants: list[Mutant], **kwargs: object) -> HarnessOutcome:
        students.extend(m.name for m in mutants)
        cases.append(args[3])
        return HarnessOutcome()

    monkeypatch.setattr(audit, "walk_module", lambda *a, **k: ModuleWalk(plan, result))
    monkeypatch.setattr(audit, "grade_synthetic_cohort", fake_grade)
    monkeypatch.setattr(audit, "_cell_scores", lambda course, slug, student: gradebook[student])
    _, rows, broken = audit.audit_module(built_demo, module, tmp_path, Limits(cell_timeout=20))
    assert broken == []
    assert cases == [BROKEN_CASES]  # every real module meets the full set in the audit
    assert len(rows) == len(students) == sum(len(p.variants) for p in plan.exercises)
    disagreements = [r for r in rows if not r.agrees]
    assert [(r.exercise, r.variant) for r in disagreements] == [
        (first.answer_id, f"{audit.STUB_PREFIX}{first.answer_id}")
    ]
    assert disagreements[0].nbgrader_failing == ()
    assert "DESACUERDO" in audit.format_audit(rows)


def test_audit_table_counts_agreements_and_spells_out_disagreements() -> None:
    rows = [
        audit.AuditRow("05_x", "ex", "m1", ("t1",), ("t1",), False),
        audit.AuditRow("05_x", "ex", "m2", ("t1",), (), True),
    ]
    text = audit.format_audit(rows)
    assert "05_x" in text and "TOTAL" in text
    assert "DESACUERDO 05_x/ex/m2: el recorrido ve fallar t1; nbgrader, nada" in text
    assert "m1" not in text.split("TOTAL", 1)[1]


def test_audit_reports_a_broken_case_that_was_not_graded_as_promised() -> None:
    def row(case: str, student: str, status: Status, ok: bool) -> HarnessRow:
        got = StudentOutcome("05_x", student, status, "se colgó", 0.0, 3.0, "d")
        return HarnessRow("05_x", case, "lo prometido", got, ok)

    outcome = HarnessOutcome(
        [
            row("a", "a-solucion", Status.GRADED, False),  # the contract cases are CI's business
            row("c", "c-bucle-infinito", Status.TIMED_OUT, True),
            row("e", "e-celda-borrada", Status.FAILED, False),
            row("h", "h-mutante-x", Status.GRADED, False),  # compared cell by cell instead
        ],
        ["05_x: sin CSV"],
    )
    found = audit.broken_case_problems(outcome)
    assert len(found) == 2
    assert found[0].startswith("ENVÍO ROTO 05_x/e-celda-borrada:") and "lo prometido" in found[0]
    assert found[1] == "PROBLEMA: 05_x: sin CSV"
    assert found[0] in audit.format_audit([], found)


def test_ci_gives_a_real_module_the_broken_cases_that_depend_on_its_cells() -> None:
    assert set(MODULE_BROKEN_CASES) < set(BROKEN_CASES)
    assert "c-bucle-infinito" in MODULE_BROKEN_CASES  # a real cell interrupted, the rest graded
    # the rest is nbgrader's own handling, the same for every notebook: demo module and audit
    assert set(BROKEN_CASES) - set(MODULE_BROKEN_CASES) == {
        "c-importacion-rota",
        "d-tests-editados",
        "e-celda-borrada",
        "g-renombrado",
    }


# --- benchmark ---------------------------------------------------------------------------------


def _row(
    slug: str, seconds: float, mb: float, walk: float, ok: bool = True
) -> benchmark.BenchmarkRow:
    return benchmark.BenchmarkRow(slug, seconds, mb, walk, 10, 1, 30.0, ok)


def test_benchmark_flags_heavy_notebooks_and_projects_24() -> None:
    rows = [_row("00_a", 10.0, 300.0, 60.0), _row("01_b", 75.0, 1500.0, 90.0, ok=False)]
    assert benchmark.projection_minutes(rows, 2) == pytest.approx(24 * 105.0 / 2 / 60)
    assert benchmark.projection_minutes([], 2) == 0.0
    text = benchmark.format_benchmark(rows, 2)
    assert "notebook > 60 s" in text and "memoria > 1024 MB" in text and "FALLO" in text
    assert "proyección para 24 notebooks con 2 procesos: 21.0 min (FUERA" in text
    assert "(dentro" in benchmark.format_benchmark(rows[:1], 2)


def test_benchmark_measures_the_walk_and_the_real_grading(
    monkeypatch: pytest.MonkeyPatch, built_demo: Path
) -> None:
    module = discover_modules(built_demo / "content", [DEMO])[0]
    result = WalkResult(DEMO, notebook_seconds=3.0, peak_kernel_mb=200.0)
    fake_walk = ModuleWalk(WalkPlan(DEMO, ()), result, [], 12.5)
    graded = HarnessOutcome(seconds={DEMO: 20.0})
    monkeypatch.setattr(benchmark, "walk_module", lambda *a, **k: fake_walk)
    monkeypatch.setattr(benchmark, "grade_synthetic_cohort", lambda *a, **k: graded)
    (row,) = benchmark.run_benchmark(built_demo, [DEMO], workers=1)
    assert (row.module, row.notebook_seconds, row.peak_mb, row.walk_seconds) == (
        DEMO, 3.0, 200.0, 12.5,
    )  # fmt: skip
    assert row.nbgrader_seconds == 20.0
    assert not row.ok  # an empty cohort outcome proves nothing
    assert module.slug == DEMO


# --- drift guard -------------------------------------------------------------------------------


def test_drift_reads_pins_blames_upgraded_packages_and_reports(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\nversion = "1"\n'
        'dependencies = ["scikit-learn==1.5.0", "PyYAML>=6", "mlflow[extras]==3.1.0"]\n',
        encoding="utf-8",
    )
    assert drift.pinned_requirements(pyproject) == {
        "scikit-learn": "1.5.0", "pyyaml": "", "mlflow": "3.1.0",
    }  # fmt: skip
    upgrades = {"scikit-learn": ("1.5.0", "1.9.0"), "mlflow": ("3.1.0", "3.9.0")}
    trace = (
        'File "/v/lib/python3.11/site-packages/sklearn/base.py", line 1\n'
        'File "/v/lib/python3.11/site-packages/mlflow/models/x.py", line 2\n'
        'File "/v/lib/python3.11/site-packages/mlflow/y.py", line 3\n'
        'File "/v/lib/python3.11/site-packages/pandas/z.py", line 4\n'
    )
    assert drift.culprits(trace, upgrades) == ["mlflow"]  # sklearn's folder is not its name
    report = drift.DriftReport(
        upgrades=upgrades,
        failures={"07_tracking": ("TypeError: log_model() got an unexpected keyword", ["mlflow"])},
        passed=["00_indice"],
    )
    text = drift.format_drift(report)
    assert "mlflow: 3.1.0 → 3.9.0" in text and "00_indice" in text
    assert "07_tracking" in text and "FALLA" in text and "sospechosas: mlflow" in text
    assert "ninguna: cada dependencia" in drift.format_drift(drift.DriftReport())
    broken = drift.format_drift(drift.DriftReport(install_error="No matching distribution"))
    assert broken.startswith("no se pudo crear el entorno") and "No matching" in broken


# --- plain papermill execution -----------------------------------------------------------------


@pytest.mark.slow
def test_execute_runs_solutions_with_papermill_and_writes_figures(
    built_demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "executed"
    (result,) = execute.execute_all(built_demo, [DEMO], out_dir=out, workers=1, timeout=60)
    assert result.status == "ok", result.detail
    assert result.seconds > 0 and result.peak_kernel_mb > 0
    assert (out / DEMO / f"{DEMO}.ipynb").is_file()
    figures = json.loads((out / "ejecucion.json").read_text(encoding="utf-8"))
    assert figures["ci_parameters"] is True and figures["results"][0]["module"] == DEMO
    assert DEMO in execute.format_table([result])
    missing = execute.execute_module(
        discover_modules(built_demo / "content", [DEMO])[0], tmp_path, out, 60
    )
    assert missing.status == "missing" and "no existe" in missing.detail


# --- test tiers --------------------------------------------------------------------------------


def test_tiers_select_tests_and_report_the_budget() -> None:
    fast = testrun.pytest_command("fast", 2)
    full = testrun.pytest_command("full", 3)
    assert fast[fast.index("-n") + 1] == "2"
    assert fast[fast.index("-m", 3) + 1] == "not slow and not audit"  # after `python -m pytest`
    # The full tier runs everything but the periodic audit (a real JupyterHub: make test-audit).
    assert "--cov-fail-under=90" in full and full[full.index("-m", 3) + 1] == "not audit"
    assert full[full.index("-n") + 1] == "3" and full[full.index("--dist") + 1] == "loadgroup"
    table = testrun.budget_table(
        "full",
        [testrun.Stage("estáticas", 30.0, True), testrun.Stage("tests", 800.0, False)],
    )
    assert "FALLO  (por encima del presupuesto)" in table and "total" in table
    with pytest.raises(ValueError, match="nivel de tests desconocido"):
        testrun.run_tier("medio", Path("."))


def test_no_tests_collected_is_a_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(testrun, "static_checks", lambda root: [testrun.Stage("lint", 1.0, True)])
    monkeypatch.setattr(
        testrun.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 5)
    )
    monkeypatch.setenv(testrun.START_ENV, "0")
    assert testrun.run_tier("fast", tmp_path, jobs=1) == 1
    out = capsys.readouterr().out
    assert "no ejecutó ningún test" in out and "preparación" in out


def test_a_failed_static_check_stops_before_the_tests(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = testrun.Stage("tipos", 2.0, False, "error: Missing return")
    monkeypatch.setattr(testrun, "static_checks", lambda root: [failed])
    monkeypatch.delenv(testrun.START_ENV, raising=False)

    def no_tests(*args: object, **kwargs: object) -> None:
        raise AssertionError("no debía ejecutar pytest")

    monkeypatch.setattr(testrun.subprocess, "run", no_tests)
    assert testrun.run_tier("full", tmp_path) == 1
    assert "tipos: FALLO" in capsys.readouterr().out


def test_static_checks_run_each_tool(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def fake(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        seen.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, "ok\n", "")

    monkeypatch.setattr(testrun, "run_tool", fake)
    stages = testrun.static_checks(tmp_path)
    assert [s.name for s in stages] == ["lint", "formato", "tipos", "build check"]
    assert all(s.ok for s in stages) and len(seen) == 4
