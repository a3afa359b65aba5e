"""Module 17's project checker: the rubric, its report, its input errors, and on a real
reference project (slow): full marks, nothing written into the project, every layer broken on
purpose costs its criterion (the audit tier proves it costs *only* that one)."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlops_course.lessons.churn_project.cache import cached_checkpoint
from mlops_course.lessons.churn_project.layers import LAYERS, layer_files
from mlops_course.lessons.m17_capstone import breakages, checker, criteria, report
from mlops_course.lessons.m17_capstone.__main__ import main
from mlops_course.lessons.m17_capstone.base import CheckFailed, Context
from mlops_course.lessons.m17_capstone.checks_build import _coverage, status_lines
from mlops_course.lessons.m17_capstone.checks_delivery import deployment_adr
from mlops_course.lessons.m17_capstone.tools import pytest_summary

ROWS = int(os.environ.get("MLOPS_REFERENCE_ROWS", "1000"))
REFERENCE = [item.module for item in LAYERS if layer_files(item.module) is not None][-1]
"""The newest layer with reference files: the checkpoint the capstone builds on."""


def fake_project(folder: Path) -> Path:
    """A folder that says it is a churn project and has nothing else."""
    project = folder / "churn-project"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text('[project]\nname = "churn-project"\n', "utf-8")
    return project


def context(tmp_path: Path) -> Context:
    return Context(tmp_path, dict(os.environ))


# --- the rubric itself ---------------------------------------------------------------------


def test_every_criterion_is_unique_positive_and_has_its_breakage() -> None:
    ids = [item.id for item in criteria.CRITERIA]
    assert len(ids) == len(set(ids))
    assert set(breakages.BREAKAGES) == set(ids), "cada criterio necesita su rotura de prueba"
    assert all(item.points > 0 and item.taught.startswith("módulo") for item in criteria.CRITERIA)
    owned = criteria.owned_tests()
    assert len(owned) == len(set(owned)), "un archivo de tests pertenece a un solo criterio"
    built = {item.module for item in LAYERS if layer_files(item.module) is not None}
    checked = {item.module for item in criteria.CRITERIA}
    # 06 is judged with 05 (one DVC pipeline): every other layer with files has a criterion.
    assert built - checked <= {"06"}, f"capas sin criterio: {sorted(built - checked - {'06'})}"
    with pytest.raises(KeyError, match="desconocido"):
        criteria.criterion("no-existe")


def test_bad_input_is_refused_in_spanish(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="str o Path"):
        checker.check_project(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="No existe"):
        checker.check_project(tmp_path / "nada")
    (tmp_path / "otro").mkdir()
    with pytest.raises(ValueError, match="no es un proyecto de churn"):
        checker.check_project(tmp_path / "otro")
    with pytest.raises(ValueError, match="Criterios desconocidos: inventado"):
        checker.check_project(fake_project(tmp_path), only=["inventado"])


def test_an_empty_project_scores_zero_with_a_reason_for_each_criterion(tmp_path: Path) -> None:
    result = checker.check_project(fake_project(tmp_path))
    assert result.points == 0 and result.max_points == sum(c.points for c in criteria.CRITERIA)
    for outcome in result.outcomes:
        assert not outcome.passed and outcome.reason, outcome
        assert "no pudo evaluar" not in outcome.reason, f"{outcome.criterion}: {outcome.reason}"


def test_a_crashing_check_is_a_scored_miss_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explodes(project: Path, ctx: Context) -> tuple[str, ...]:
        raise RuntimeError("algo raro")

    broken = tuple(
        dataclasses.replace(item, check=explodes) if item.id == "dockerfile" else item
        for item in criteria.CRITERIA
    )
    monkeypatch.setattr(checker, "CRITERIA", broken)
    result = checker.check_project(fake_project(tmp_path), only=["dockerfile", "adr-despliegue"])
    assert result.outcome("dockerfile").reason.endswith("RuntimeError: algo raro")
    assert result.outcome("adr-despliegue").reason.startswith("No hay en docs/adr/")
    with pytest.raises(KeyError):
        result.outcome("api")


def test_a_read_only_criterion_runs_beside_the_others_and_the_report_keeps_the_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ruff and mypy overlap the criteria that start servers; only read-only ones may."""
    import threading

    assert [item.id for item in criteria.CRITERIA if item.read_only] == ["calidad-codigo"]
    started = threading.Event()
    overlapped = threading.Event()

    def static(project: Path, ctx: Context) -> tuple[str, ...]:
        started.set()
        if not overlapped.wait(timeout=30):
            raise CheckFailed("nadie corrió a la vez")
        raise RuntimeError("mypy se cayó")

    def serial(project: Path, ctx: Context) -> tuple[str, ...]:
        # Runs on the main thread while the read-only check waits in its own.
        assert threading.current_thread() is threading.main_thread()
        if started.wait(timeout=30):
            overlapped.set()
        return ("ok",)

    swapped = tuple(
        dataclasses.replace(item, check=static if item.read_only else serial)
        for item in criteria.CRITERIA
    )
    monkeypatch.setattr(checker, "CRITERIA", swapped)
    monkeypatch.setattr(checker, "side_by_side", lambda: True)
    result = checker.check_project(fake_project(tmp_path), project_tests=False)
    assert [item.criterion for item in result.outcomes] == [item.id for item in swapped]
    quality = result.outcome("calidad-codigo")
    assert not quality.passed and quality.reason.endswith("RuntimeError: mypy se cayó")
    assert result.points == result.max_points - quality.max_points


def test_with_one_cpu_or_binder_memory_every_criterion_waits_its_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    threads: set[str] = set()

    def record(project: Path, ctx: Context) -> tuple[str, ...]:
        threads.add(threading.current_thread().name)
        return ("ok",)

    monkeypatch.setattr(
        checker, "CRITERIA", tuple(dataclasses.replace(c, check=record) for c in criteria.CRITERIA)
    )
    for cpus, memory in ((1, 24_000), (2, 2048)):
        monkeypatch.setattr(checker, "available_cpus", lambda cpus=cpus: cpus)
        monkeypatch.setattr(checker, "memory_limit_mb", lambda memory=memory: memory)
        assert not checker.side_by_side()
        result = checker.check_project(fake_project(tmp_path / str(cpus)), project_tests=False)
        assert result.points == result.max_points
        assert threads == {threading.main_thread().name}, threads
    monkeypatch.setattr(checker, "memory_limit_mb", lambda: checker.SIDE_BY_SIDE_MB)
    monkeypatch.setattr(checker, "available_cpus", lambda: 2)
    assert checker.side_by_side()


# --- checks that need no project -----------------------------------------------------------

ADR = """# ADR-0001: Dónde desplegar

## Contexto
3 millones de peticiones al mes; p99 de 1 s.

## Opciones
1. AWS Lambda. 2. ECS/Fargate.

## Decisión
ECS/Fargate.

## Consecuencias
Se paga por las tareas encendidas.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ADR, None),
        (ADR.replace("## Decisión", "## Notas"), "decisión"),
        (ADR.replace("## Opciones", "## Otras cosas"), "alternativas u opciones"),
        (ADR.replace("3 millones", "Muchas").replace("p99 de 1 s", "poca latencia")
         .replace("1. ", "- ").replace("2. ", "- ").replace("ADR-0001", "ADR"), "cifras"),
    ],
)  # fmt: skip
def test_the_deployment_adr_needs_every_section_and_a_figure(
    tmp_path: Path, text: str, expected: str | None
) -> None:
    project = fake_project(tmp_path)
    (project / "docs" / "adr").mkdir(parents=True)
    (project / "docs" / "adr" / "0001-despliegue.md").write_text(text, "utf-8")
    if expected is None:
        assert "contexto, decisión" in deployment_adr(project, context(tmp_path))[0]
        return
    with pytest.raises(CheckFailed) as miss:
        deployment_adr(project, context(tmp_path))
    assert expected in miss.value.details[0]


def test_coverage_leaves_out_the_code_other_criteria_own(tmp_path: Path) -> None:
    data = {"files": {
        "src/churn_project/pipeline.py": {"summary": {"num_statements": 10, "covered_lines": 9}},
        "src/churn_project/api/app.py": {"summary": {"num_statements": 90, "covered_lines": 0}},
    }}  # fmt: skip
    path = tmp_path / "coverage.json"
    path.write_text(json.dumps(data), "utf-8")
    assert _coverage(path, ("api",)) == (90.0, 1)
    assert _coverage(path, ())[0] == pytest.approx(9.0)


def test_tool_output_is_summarised_for_the_student() -> None:
    status = {"prepare": [{"changed deps": {"src/x.py": "modified"}}], "train": ["always changed"]}
    assert status_lines(status) == ("prepare: changed deps → src/x.py modified",
                                    "train: always changed")  # fmt: skip
    output = "....F\nFAILED tests/test_x.py::test_y\n==== 1 failed, 4 passed in 2.0s ====\n"
    assert pytest_summary(output) == "1 failed, 4 passed in 2.0s"
    assert pytest_summary("") == "sin salida"


# --- the report ----------------------------------------------------------------------------


def sample_report() -> criteria.Report:
    good = criteria.Outcome("api", "11", "La API", 2, 2, True, "", ("GET /health 200",), "m11", 1.0)
    bad = criteria.Outcome(
        "dockerfile", "10", "Dockerfile", 0, 1, False, "USER <script>alert(1)</script>",
        ("línea 3 DL3002",), "módulo 10", 0.1,
    )  # fmt: skip
    return criteria.Report("/p/churn-project", "2026-12-02T09:00:00+00:00", (good, bad), 1.1)


def test_the_report_is_json_html_and_a_table_with_every_value_escaped(tmp_path: Path) -> None:
    json_path, html_path = report.write_report(sample_report(), tmp_path / "informe")
    data = json.loads(json_path.read_text("utf-8"))
    assert (data["puntos"], data["maximo"]) == (2, 3)
    assert data["criterios"][1]["reason"] == "USER <script>alert(1)</script>"
    html = html_path.read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "2 de 3 puntos" in html and 'lang="es"' in html and "http" not in html
    table = report.text_table(sample_report())
    assert "NO CUMPLE" in table and "motivo: USER" in table and "3/3" not in table


def test_the_command_line_reports_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nada")]) == 2
    assert "error: No existe" in capsys.readouterr().err
    project = fake_project(tmp_path)
    out = tmp_path / "salida"
    assert main([str(project), "--criterio", "adr-despliegue", "--salida", str(out)]) == 1
    assert (out / "informe.html").is_file() and (out / "informe.json").is_file()
    assert "NO CUMPLE" in capsys.readouterr().out


# --- on the reference project (real tools) -------------------------------------------------


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("capstone")
    yield cached_checkpoint(REFERENCE, root, n_rows=ROWS, seed=42).project


def listing(project: Path) -> dict[str, int]:
    """Every file and folder of the project with its modification time, except git's own and
    DVC's scratch (``.dvc/tmp``, git-ignored: every DVC command, ``dvc status`` too, writes its
    lock and state there)."""
    found = {}
    for path in project.rglob("*"):
        relative = path.relative_to(project)
        if relative.parts[:1] == (".git",) or relative.parts[:2] == (".dvc", "tmp"):
            continue
        found[str(relative)] = path.stat().st_mtime_ns if path.is_file() else 0
    return found


@pytest.mark.slow
def test_the_reference_project_scores_full_marks_and_is_left_untouched(
    reference: Path, tmp_path: Path
) -> None:
    before = listing(reference)
    result = checker.check_project(reference)
    failed = {o.criterion: (o.reason, o.evidence) for o in result.outcomes if not o.passed}
    assert not failed, failed
    assert result.points == result.max_points > 0
    assert listing(reference) == before, "el verificador no escribe en el proyecto"
    json_path, _ = report.write_report(result, tmp_path)
    assert json.loads(json_path.read_text("utf-8"))["puntos"] == result.max_points


def broken_copy(criterion_id: str, root: Path) -> Path:
    project = cached_checkpoint(REFERENCE, root, n_rows=ROWS, seed=42).project
    breakages.BREAKAGES[criterion_id](project)
    return project


@pytest.mark.slow
@pytest.mark.parametrize("criterion_id", list(breakages.BREAKAGES))
def test_each_broken_layer_loses_its_criterion(criterion_id: str, tmp_path: Path) -> None:
    project = broken_copy(criterion_id, tmp_path)
    outcome = checker.check_project(project, only=[criterion_id]).outcome(criterion_id)
    assert not outcome.passed and outcome.points == 0 and outcome.reason
    assert "no pudo evaluar" not in outcome.reason, outcome.reason
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.audit
@pytest.mark.parametrize("criterion_id", list(breakages.BREAKAGES))
def test_each_broken_layer_loses_only_its_criterion(criterion_id: str, tmp_path: Path) -> None:
    result = checker.check_project(broken_copy(criterion_id, tmp_path))
    assert result.failed == (criterion_id,), {
        o.criterion: o.reason for o in result.outcomes if not o.passed
    }


@pytest.mark.slow
def test_the_html_report_opens_in_a_real_browser(tmp_path: Path) -> None:
    """Debian's Chromium (Playwright) opens informe.html from disk: the summary and one row per
    criterion render, the miss is marked, nothing is fetched and no script runs or fails."""
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser

    _require_browser()
    from playwright.sync_api import sync_playwright

    _, html_path = report.write_report(sample_report(), tmp_path)
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            page.goto(html_path.as_uri())
            assert "2 de 3 puntos" in page.locator("#resumen").inner_text()
            assert page.locator("tbody tr").count() == 2
            miss = page.locator("#criterio-dockerfile")
            assert "no cumple" in miss.inner_text() and "<script>" in miss.inner_text()
            assert page.evaluate("document.scripts.length") == 0, "el informe no ejecuta scripts"
        finally:
            browser.close()
    assert requests == [html_path.as_uri()], f"el informe pidió otros recursos: {requests}"
    assert not errors, errors


def test_project_facts_come_from_the_project_files(tmp_path: Path) -> None:
    from mlops_course.lessons.m17_capstone.facts import COMMANDS, project_facts

    project = fake_project(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"metrics\.json"):
        project_facts(project)
    (project / "metrics.json").write_text('{"roc_auc": 0.8, "cost_per_customer_eur": 3}', "utf-8")
    with pytest.raises(ValueError, match="cost_per_customer_eur_at_0_5"):
        project_facts(project)
    metrics = {"roc_auc": 0.8, "cost_per_customer_eur": 3, "cost_per_customer_eur_at_0_5": 5}
    (project / "metrics.json").write_text(json.dumps(metrics), "utf-8")
    (project / "docs" / "adr").mkdir(parents=True)
    (project / "docs" / "adr" / "0001-despliegue.md").write_text("# ADR-0001: Fargate\n", "utf-8")
    (project / "docs" / "adr" / "0002-sin-titulo.md").write_text("sin encabezado\n", "utf-8")
    facts = project_facts(project)
    assert (facts.name, facts.roc_auc, facts.cost_at_default_threshold_eur) == (
        "churn-project", 0.8, 5.0,
    )  # fmt: skip
    assert facts.adrs == (
        ("ADR-0001: Fargate", "docs/adr/0001-despliegue.md"),
        ("0002-sin-titulo", "docs/adr/0002-sin-titulo.md"),
    )
    assert facts.commands == COMMANDS and facts.layers[0] == ("05", "Datos versionados")


def test_the_secrets_lab_publishes_only_what_git_tracks(tmp_path: Path) -> None:
    """The exercise's repository: the committed key is tracked, the ignored and the untracked
    ones are not, the staged private key is in the index; nothing here is a real key."""
    import subprocess

    from mlops_course.lessons.common.gitenv import isolated_env
    from mlops_course.lessons.m17_capstone.secretlab import AWS_KEY, PRIVATE_KEY, secrets_repo

    env = isolated_env(tmp_path / "home")
    repo = secrets_repo(tmp_path / "a", env, staged_key=True, second_kind=True)
    listed = subprocess.run(
        ["git", "ls-files"], cwd=repo, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert sorted(listed) == [".gitignore", "config.py", "deploy/id_rsa"]
    assert AWS_KEY in (repo / ".env").read_text() and AWS_KEY in (repo / "borrador.py").read_text()
    assert PRIVATE_KEY in (repo / "config.py").read_text()
    assert AWS_KEY.endswith("EXAMPLE"), "la clave de ejemplo de la documentación de AWS"
