"""Resource 22's lesson package: the items come from the roadmap and the checker's criteria (a
new one is picked up), the report reader and its staleness, the fast inspection on a tmp
workspace, and the view."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from mlops_course.lessons.churn_project.layers import LAYERS, PROJECT_DIR
from mlops_course.lessons.m17_capstone.criteria import CRITERIA, Criterion
from mlops_course.lessons.r22_checklist import (
    ALL,
    ChecklistBrowser,
    ItemStatus,
    checklist_html,
    checklist_items,
    exported_adrs,
    filter_statuses,
    freshness,
    inspect,
    item_by_id,
    layer_paths,
    load_checker_report,
    missing_layer_files,
    parse_checked_at,
    read_report,
    report_path,
    stale_reasons,
    summary,
)
from mlops_course.lessons.r22_checklist.inspection import exercise_progress
from mlops_course.machinery.roadmap import load_roadmap


@pytest.fixture(scope="module")
def items() -> tuple:  # type: ignore[type-arg]
    return checklist_items()


def test_every_criterion_and_every_module_has_an_item(items: tuple) -> None:  # type: ignore[type-arg]
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids)), "ids repetidos en la lista"
    for criterion in CRITERIA:
        item = item_by_id(items, criterion.id)
        assert (item.kind, item.module, item.taught) == ("criterio", criterion.module,
                                                         criterion.taught)  # fmt: skip
    for module in load_roadmap().modules:
        item = item_by_id(items, f"entregable-{module.number}")
        assert item.title == module.deliverable
        assert item.link == f"../{module.slug}/{module.slug}.ipynb"
    assert [i.module for i in items] == sorted(i.module for i in items), "orden del roadmap"


def test_a_new_criterion_or_module_is_picked_up() -> None:
    extra = dataclasses.replace(CRITERIA[0], id="nuevo-criterio", module="06")
    found = checklist_items(criteria=(*CRITERIA, extra))
    assert item_by_id(found, "nuevo-criterio").slug == "06_pipelines_avanzados"
    roadmap = load_roadmap()
    phase = roadmap.phases[0]
    module = dataclasses.replace(phase.modules[0], number="99", slug="99_nuevo",
                                 deliverable="Algo nuevo")  # fmt: skip
    bigger = dataclasses.replace(
        roadmap, phases=(dataclasses.replace(phase, modules=(*phase.modules, module)),
                         *roadmap.phases[1:])
    )  # fmt: skip
    assert item_by_id(checklist_items(bigger), "entregable-99").title == "Algo nuevo"


def test_a_criterion_of_an_unknown_module_is_an_error() -> None:
    orphan = Criterion("huerfano", "42", "x", 1, "módulo 42", CRITERIA[0].check)
    with pytest.raises(ValueError, match="huerfano"):
        checklist_items(criteria=(*CRITERIA, orphan))
    with pytest.raises(KeyError, match="no-existe"):
        item_by_id(checklist_items(), "no-existe")


def test_layer_paths_leave_out_what_a_later_layer_removes() -> None:
    removed = {path for layer in LAYERS for path in layer.removes}
    assert removed, "alguna capa quita archivos"
    for layer in LAYERS:
        assert not set(layer_paths(layer.module)) & {
            p for later in LAYERS if later.module > layer.module for p in later.removes
        }
    assert layer_paths("03") == ()


def _git(project: Path, *args: str) -> None:
    env = dict(os.environ, HOME=str(project.parent), GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project,
                   env=env, check=True, capture_output=True)  # fmt: skip


def _project(root: Path, modules: tuple[str, ...]) -> Path:
    project = root / PROJECT_DIR
    project.mkdir(parents=True)
    _git(project, "init", "-q", "-b", "main")
    for module in modules:
        for path in layer_paths(module):
            target = project / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("x\n", encoding="utf-8")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "capas", "--allow-empty")
    return project


def _write_report(root: Path, checked_at: dt.datetime, passed: dict[str, bool]) -> Path:
    path = report_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "proyecto": str(root / PROJECT_DIR),
        "revisado": checked_at.replace(microsecond=0).isoformat(),
        "criterios": [
            {"criterion": c, "module": "05", "passed": ok, "points": int(ok), "max_points": 1,
             "reason": "" if ok else f"{c} falla"}
            for c, ok in passed.items()
        ],
    }  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_read_report_and_bad_reports(tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    path = _write_report(tmp_path, now, {"pipeline-dvc": True, "api": False})
    report = read_report(path)
    assert (report.points, report.max_points) == (1, 2)
    assert report.result("api") is not None and report.result("api").reason == "api falla"  # type: ignore[union-attr]
    assert report.result("demo") is None
    with pytest.raises(FileNotFoundError):
        read_report(tmp_path / "nada.json")
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON"):
        read_report(path)
    path.write_text('{"revisado": "2026-12-02T10:00:00+00:00"}', encoding="utf-8")
    with pytest.raises(ValueError, match="criterios"):
        read_report(path)
    with pytest.raises(ValueError, match="ISO"):
        parse_checked_at("ayer")
    assert parse_checked_at("2026-12-02T10:00:00").tzinfo is not None
    _, _, sentence = load_checker_report(tmp_path)
    assert "no se pudo leer" in sentence


def test_freshness_sees_commits_and_edits_after_the_report(tmp_path: Path) -> None:
    project = _project(tmp_path, ("05",))
    time.sleep(1.1)
    report = read_report(_write_report(tmp_path, dt.datetime.now(dt.UTC), {"pipeline-dvc": True}))
    fresh = freshness(report, project)
    assert not fresh.stale, fresh.reasons
    assert fresh.judged_commit and fresh.judged_commit == fresh.head
    time.sleep(2.1)
    (project / "dvc.yaml").write_text("cambiado\n", encoding="utf-8")
    edited = freshness(report, project)
    assert edited.stale and "dvc.yaml" in " ".join(edited.reasons)
    assert edited.judged_commit is None
    _git(project, "commit", "-q", "-am", "cambio")
    committed = freshness(report, project)
    assert committed.stale and "commits" in " ".join(committed.reasons)
    assert "dvc.yaml" in " ".join(committed.reasons), "committed, the file still tells"
    _git(project, "pack-refs", "--all")
    assert not (project / ".git" / "refs" / "heads" / "main").exists()
    assert "commits" in " ".join(freshness(report, project).reasons), "HEAD's reflog tells"
    other = dataclasses.replace(report, project=str(tmp_path / "otro"))
    assert "otra carpeta" in " ".join(freshness(other, project).reasons)
    assert freshness(report, tmp_path / "sin-git").stale


def test_a_recorded_commit_names_what_was_judged_and_a_new_head_makes_it_stale(
    tmp_path: Path,
) -> None:
    from mlops_course.lessons.m17_capstone.checker import head_commit

    project = _project(tmp_path, ("05",))
    head = head_commit(project)
    assert head and head_commit(tmp_path) == ""  # a folder without git has no commit
    time.sleep(1.1)
    path = _write_report(tmp_path, dt.datetime.now(dt.UTC), {"pipeline-dvc": True})
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "commit": head}), encoding="utf-8")
    report = read_report(path)
    assert report.commit == head
    fresh = freshness(report, project)
    assert not fresh.stale and fresh.judged_commit == head
    other = dataclasses.replace(report, commit="0000000")
    moved = freshness(other, project)
    assert (
        moved.stale and f"el informe juzgó el commit 0000000 y HEAD es {head}" in moved.reasons[0]
    )
    assert moved.judged_commit == "0000000"


def test_inspection_uses_files_progress_adrs_and_a_fresh_report(
    tmp_path: Path,
    repo_root: Path,
    items: tuple,  # type: ignore[type-arg]
) -> None:
    root = tmp_path / "ws"
    project = _project(root, ("05", "06"))
    (root / "12_despliegue_hibrido" / "adr").mkdir(parents=True)
    (root / "12_despliegue_hibrido" / "adr" / "ADR-deployment-001.md").write_text("# x\n")
    assert exported_adrs(root, "12_despliegue_hibrido") == ("ADR-deployment-001.md",)
    assert missing_layer_files(project, "05") == ()
    by_id = {s.item.id: s for s in inspect(items, root, course=repo_root)}
    assert by_id["entregable-05"].state == "hecho"
    assert by_id["pipeline-dvc"].state == "sin verificar"
    assert by_id["entregable-07"].state == "falta" and "capa 07" in by_id["entregable-07"].reason
    assert by_id["entregable-00"].state == "falta", "la release sin tocar no tiene nada en verde"
    assert any("ADR-deployment-001" in e for e in by_id["adr-despliegue"].evidence)
    assert (
        exercise_progress(repo_root, "00_indice") == (0, 3)
        or exercise_progress(repo_root, "00_indice")[0] == 0
    )
    assert by_id["entregable-01"].state == "falta"
    no_course = {s.item.id: s for s in inspect(items, root, course=None)}
    assert no_course["entregable-01"].state == "sin verificar"
    time.sleep(1.1)
    report, fresh, sentence = load_checker_report(root)
    assert report is None and "inspección rápida" in sentence
    _write_report(root, dt.datetime.now(dt.UTC), {"pipeline-dvc": False, "api": True})
    report, fresh, sentence = load_checker_report(root)
    assert report is not None and fresh is not None and not fresh.stale, sentence
    by_id = {s.item.id: s for s in inspect(items, root, report=report, fresh=fresh)}
    assert (by_id["pipeline-dvc"].state, by_id["pipeline-dvc"].source) == ("falta", "informe")
    assert by_id["api"].state == "hecho"
    partial = dataclasses.replace(report, results=tuple(r for r in report.results
                                                        if r.criterion == "api"))  # fmt: skip
    by_id = {s.item.id: s for s in inspect(items, root, report=partial, fresh=fresh)}
    assert by_id["pipeline-dvc"].state == "sin verificar"
    assert "no evaluó" in by_id["pipeline-dvc"].reason
    stale = dataclasses.replace(fresh, stale=True)
    by_id = {s.item.id: s for s in inspect(items, root, report=report, fresh=stale)}
    assert by_id["pipeline-dvc"].state == "sin verificar"
    assert "desactualizado" in by_id["pipeline-dvc"].reason
    assert by_id["api"].state == "falta", "sin la capa 11 el informe viejo no cuenta"


def _statuses(items: tuple) -> list[ItemStatus]:  # type: ignore[type-arg]
    states = ("hecho", "falta", "sin verificar")
    return [ItemStatus(item, states[i % 3], "" if i % 3 == 0 else "motivo <b>", ("ev",))
            for i, item in enumerate(items)]  # fmt: skip


def test_filters_summary_and_html(items: tuple) -> None:  # type: ignore[type-arg]
    statuses = _statuses(items)
    assert filter_statuses(statuses) == statuses
    phase3 = filter_statuses(statuses, 3)
    assert phase3 and {s.item.phase for s in phase3} == {3}
    assert {s.state for s in filter_statuses(statuses, ALL, "falta")} == {"falta"}
    assert summary(statuses).endswith(f"(de {len(statuses)})")
    page = checklist_html(statuses)
    assert "motivo &lt;b&gt;" in page and "<b>" not in page.replace("<br>", "")
    assert 'href="../05_ingenieria_datos/05_ingenieria_datos.ipynb"' in page
    assert "Ningún punto" in checklist_html([])


def test_browser_filters_and_reinspects(items: tuple) -> None:  # type: ignore[type-arg]
    statuses = _statuses(items)
    calls: list[int] = []

    def again() -> list[ItemStatus]:
        calls.append(1)
        return [dataclasses.replace(s, state="hecho", reason="") for s in statuses]

    browser = ChecklistBrowser(statuses, again, {3: "El pipeline de modelado"})
    before = browser.output.value
    browser.state.value = "falta"
    assert browser.output.value != before and "✔" not in browser.output.value
    browser.phase.value = 3
    assert all(s.item.phase == 3 for s in browser.selected())
    browser.button.click()
    assert calls == [1] and "Ningún punto" in browser.output.value
    bundle = browser._repr_mimebundle_()
    assert "mlops-checklist-static" in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert ChecklistBrowser(statuses).button.disabled


def test_reads_the_report_the_checker_writes(tmp_path: Path) -> None:
    """The reader follows module 17's own writer (informe.json), not a copy of its format."""
    from mlops_course.lessons.m17_capstone.criteria import Outcome, Report
    from mlops_course.lessons.m17_capstone.report import write_report

    outcomes = tuple(
        Outcome(c.id, c.module, c.title, c.points if i % 2 else 0, c.points, bool(i % 2),
                "" if i % 2 else "motivo", (), c.taught, 0.1)
        for i, c in enumerate(CRITERIA)
    )  # fmt: skip
    report = Report(str(tmp_path / PROJECT_DIR), "2026-12-02T10:00:00+00:00", outcomes, 1.0)
    json_path, _ = write_report(report, tmp_path / "informe-proyecto")
    assert json_path == report_path(tmp_path)
    read = read_report(json_path)
    assert (read.points, read.max_points) == (report.points, report.max_points)
    assert read.checked_at == dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)
    assert [r.criterion for r in read.results] == [c.id for c in CRITERIA]
    assert read.result(CRITERIA[0].id).reason == "motivo"  # type: ignore[union-attr]
    assert read.commit is None  # a report without a recorded commit (written before it existed)
    recorded = dataclasses.replace(report, commit="abc1234")
    json_path, html_path = write_report(recorded, tmp_path / "informe-proyecto")
    assert read_report(json_path).commit == "abc1234"
    assert "commit <code>abc1234</code>" in html_path.read_text(encoding="utf-8")


def test_stale_reasons_boundaries_and_time_zones() -> None:
    at = dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC)
    later = at + dt.timedelta(minutes=5)
    assert stale_reasons(at, at, {"a.py": at}) == [], "lo que cambió hasta el informe no cuenta"
    found = stale_reasons(at, later, {"b.py": later, "a.py": at})
    assert len(found) == 2 and "commits" in found[0] and "b.py" in found[1]
    assert "a.py" not in found[1]
    with pytest.raises(ValueError, match="zona horaria"):
        stale_reasons(at.replace(tzinfo=None), None, {})
    with pytest.raises(ValueError, match=r"x\.py"):
        stale_reasons(at, None, {"x.py": later.replace(tzinfo=None)})
