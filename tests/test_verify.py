"""The kernel walk: its plan, verdicts and state checks, and real walks of crafted modules.

The crafted module ``tests/fixtures/walk/98_walk`` holds one case per promise of the walk: mutants
that change process state (``math.isclose``, an environment variable), leave a stray file, or kill
the kernel must be replayed in a fresh kernel and the walk must go on soundly; an exercise marked
``fresh-kernel`` is always replayed; a mutant its tests miss is a problem.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from mlops_course.machinery.build.exercises import (
    declared_requirements,
    exercises,
    requirement_problems,
    statement_requirements,
)
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.mutants import Mutant, parse_mutants
from mlops_course.machinery.build.pipeline import build
from mlops_course.machinery.verify.engine import (
    WORKSPACE_MARKER,
    changed_files,
    score_cell,
    tree_state,
    wipe_workspace,
)
from mlops_course.machinery.verify.kernel_side import _diff
from mlops_course.machinery.verify.outcome import VariantResult, WalkResult, problems
from mlops_course.machinery.verify.plan import VariantKind, WalkPlan, build_plan
from mlops_course.machinery.verify.report import format_summary, format_walk
from mlops_course.machinery.verify.walk import ModuleWalk, walk_module

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = "99_demo"


# -- statements, declarations, mutants: the build check ------------------------------------


def _nb(*cells: tuple[str, str, dict[str, object] | None]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for kind, source, meta in cells:
        cell = (
            nbformat.v4.new_markdown_cell(source)
            if kind == "md"
            else nbformat.v4.new_code_cell(source)
        )
        if meta is not None:
            cell.metadata["nbgrader"] = meta
            cell["id"] = str(meta["grade_id"])
        nb.cells.append(cell)
    return nb


def _answer(grade_id: str) -> dict[str, object]:
    return {"grade": False, "grade_id": grade_id, "solution": True, "locked": False}


def _test(grade_id: str, points: int = 1) -> dict[str, object]:
    return {"grade": True, "grade_id": grade_id, "solution": False, "points": points}


STATEMENT = (
    "### Ejercicio 1 (funcional) · Sumar\n\nTexto.\n\n1. Suma bien.\n2. Valida la entrada.\n"
)


def _module(test_source: str, mutants: list[Mutant]) -> list[str]:
    nb = _nb(
        ("md", STATEMENT, None),
        ("code", "def f(x):\n    return x + 1", _answer("f")),
        ("code", test_source, _test("test-f")),
    )
    return requirement_problems("77_x", nb, mutants)


def _mutant(name: str, breaks: tuple[int, ...]) -> Mutant:
    return Mutant(name, "f", "", "def f(x):\n    return x\n", breaks)


def test_statement_and_declarations_are_parsed() -> None:
    assert statement_requirements(STATEMENT) == (1, 2)
    assert statement_requirements("   1. indentado no cuenta\n- 2. tampoco") == ()
    assert declared_requirements("# Comprueba [R2, R1]: algo\nassert True  # [R9] no") == (1, 2)
    assert declared_requirements("x = '[R1]'") == ()


def test_complete_mapping_has_no_problems() -> None:
    mutants = [_mutant("a", (1,)), _mutant("b", (2,))]
    assert _module("# Comprueba [R1, R2]: todo\nassert f(1) == 2", mutants) == []


BOTH = "# Comprueba [R1, R2]: a\n"


@pytest.mark.parametrize(
    ("test_source", "mutants", "expected"),
    [
        ("# Comprueba [R1]: a\n", [_mutant("a", (1,)), _mutant("b", (2,))],
         "ningún test comprueba el requisito R2"),
        (BOTH, [_mutant("a", (1,))], "ningún mutante rompe el requisito R2"),
        ("# Comprueba: nada\n", [_mutant("a", (1, 2))], "no declara qué requisitos"),
        ("# Comprueba [R1, R3]: a\n", [_mutant("a", (1, 2))],
         "declara R3, que el enunciado no tiene"),
        (BOTH, [_mutant("a", (1, 2)), _mutant("b", ())], "no dice qué requisito rompe"),
        (BOTH, [_mutant("a", (1, 2, 5))], "rompe R5, que el enunciado no tiene"),
    ],
)  # fmt: skip
def test_each_gap_is_reported_in_spanish(
    test_source: str, mutants: list[Mutant], expected: str
) -> None:
    found = _module(test_source, mutants)
    assert any(expected in p for p in found), found


def test_statement_without_numbered_requirements_or_heading() -> None:
    no_list = _nb(
        ("md", "### Ejercicio 1 · Sin lista\n\nHaz algo.", None),
        ("code", "x = 1", _answer("f")),
        ("code", "# Comprueba [R1]: a", _test("test-f")),
    )
    assert any("no numera sus requisitos" in p for p in requirement_problems("m", no_list, []))
    gaps = _nb(
        ("md", "### Ejercicio 1 · x\n\n1. uno\n3. tres", None),
        ("code", "x = 1", _answer("f")),
        ("code", "# Comprueba [R1]: a", _test("test-f")),
    )
    assert any("1..2 en orden" in p for p in requirement_problems("m", gaps, []))
    no_heading = _nb(
        ("md", "Texto sin encabezado de ejercicio.\n\n1. uno", None),
        ("code", "x = 1", _answer("f")),
        ("code", "# Comprueba [R1]: a", _test("test-f")),
    )
    assert any("no encuentro su enunciado" in p for p in requirement_problems("m", no_heading, []))
    stray = [Mutant("z", "nada", "", "x = 1\n", (1,))]
    assert any(
        "no es una celda de respuesta" in p for p in requirement_problems("m", no_list, stray)
    )


def test_segments_run_from_answer_to_last_test_with_code_between(built_demo: Path) -> None:
    nb = _nb(
        ("md", STATEMENT, None),
        ("code", "def f(x):\n    return x", _answer("f")),
        ("code", "# Comprueba [R1]: a", _test("t1")),
        ("code", "demo = f(2)", None),
        ("code", "# Comprueba [R2]: b", _test("t2")),
        ("code", "after = 1", None),
    )
    (ex,) = exercises(nb)
    assert ex.segment[0] == "f" and ex.segment[-1] == "t2" and len(ex.segment) == 4
    assert ex.tests_declaring(2) == ("t2",) and ex.max_points == 2
    source = nbformat.read(built_demo / "source" / DEMO / f"{DEMO}.ipynb", as_version=4)
    assert [e.answer_id for e in exercises(source)] == ["add-one", "double"]


def test_unknown_walk_marker_and_orphan_test_are_rejected() -> None:
    nb = _nb(("code", "# Comprueba [R1]", _test("t")), ("code", "x", _answer("f")))
    assert "no sigue a ninguna" in requirement_problems("m", nb, [])[0]
    bad = _nb(("md", STATEMENT, None), ("code", "x", _answer("f")))
    bad.cells[1].metadata["walk"] = "otro"
    with pytest.raises(ValueError, match="desconocido"):
        exercises(bad)


def test_mutant_headers_carry_broken_requirements(tmp_path: Path) -> None:
    path = tmp_path / "mutants.py"
    path.write_text(
        "# %% mutant: uno | cell: f | breaks: R2, R1\n# Mal.\nx = 1\n\n"
        "# %% mutant: dos | cell: f\nx = 2\n",
        encoding="utf-8",
    )
    first, second = parse_mutants(path)
    assert first.breaks == (1, 2) and first.description == "Mal."
    assert second.breaks == ()
    path.write_text("# %% mutant: tres | cell: f | breaks: 2\nx = 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="breaks: R1"):
        parse_mutants(path)


# -- verdicts and state checks (pure) --------------------------------------------------------


def _plan(built_demo: Path) -> WalkPlan:
    module = discover_modules(built_demo / "content", [DEMO])[0]
    return build_plan(built_demo, module)


def _result(plan: WalkPlan, scores: dict[str, dict[str, float]]) -> WalkResult:
    result = WalkResult(
        module=DEMO, main={"add-one": {"test-add-one": 2.0}, "double": {"test-double": 1.0}}
    )
    for planned in plan.exercises:
        for v in planned.variants:
            got = scores.get(v.name, {t.cell_id: 0.0 for t in planned.exercise.tests})
            result.variants.append(
                VariantResult(planned.exercise.answer_id, v.kind, v.name, v.breaks, got)
            )
    return result


def test_plan_round_trips_through_json(built_demo: Path) -> None:
    plan = _plan(built_demo)
    assert WalkPlan.from_json(plan.to_json()) == plan
    kinds = [(v.kind, v.name) for p in plan.exercises for v in p.variants]
    assert kinds == [
        (VariantKind.STUB, "release"),
        (VariantKind.MUTANT, "suma-dos"),
        (VariantKind.STUB, "release"),
        (VariantKind.MUTANT, "cuadrado"),
    ]
    assert "raise NotImplementedError" in plan.exercises[0].variants[0].code


def test_verdicts(built_demo: Path) -> None:
    plan = _plan(built_demo)
    assert problems(plan, _result(plan, {})) == []
    survivor = _result(plan, {"cuadrado": {"test-double": 1.0}})
    assert "'cuadrado' no pierde puntos" in problems(plan, survivor)[0]
    scoring_stub = _result(plan, {"release": {"test-add-one": 2.0}})
    assert any("release sin resolver obtiene puntos" in p for p in problems(plan, scoring_stub))
    failing_solution = _result(plan, {})
    failing_solution.main["double"] = {"test-double": 0.0}
    assert "no obtiene la nota máxima" in problems(plan, failing_solution)[0]
    missing = _result(plan, {})
    missing.variants.pop()
    assert "no se comprobó" in problems(plan, missing)[0]
    crashed = WalkResult(module=DEMO, error="celda x: boom")
    assert problems(plan, crashed) == [
        f"{DEMO}: la solución no se ejecuta de principio a fin: celda x: boom"
    ]
    restored = WalkResult.from_json(survivor.to_json())
    assert restored == survivor and restored.replays == 0


def test_mutant_must_fail_a_test_that_declares_its_requirement(built_demo: Path) -> None:
    plan = _plan(built_demo)
    ex = plan.exercises[0]
    # A mutant that claims R2 while the only test declares R1: losing points is not enough.
    lying = type(ex.variants[1])(VariantKind.MUTANT, "suma-dos", "x", (1, 2))
    patched = WalkPlan(
        plan.module, (type(ex)(ex.exercise, (ex.variants[0], lying)), plan.exercises[1])
    )
    found = problems(patched, _result(patched, {}))
    assert found == [
        f"{DEMO}/add-one: el mutante 'suma-dos' rompe R2, pero ningún test que declara R2 "
        "(ninguno) falla"
    ]


def test_nbgrader_scores_errors_and_stderr_as_zero() -> None:
    ok = nbformat.v4.new_code_cell("x")
    assert score_cell(ok, "t", 2) == 2.0
    ok.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=[])]
    assert score_cell(ok, "t", 2) == 0.0
    ok.outputs = [nbformat.v4.new_output("stream", name="stderr", text="aviso\n")]
    assert score_cell(ok, "t", 2) == 0.0


def test_process_state_diff_names_what_changed() -> None:
    before = {
        "modules": {"math": {"isclose": 1, "pi": 2}},
        "builtins": {"len": 3},
        "environ": {"A": "1"},
        "cwd": "/a",
    }
    after = {
        "modules": {"math": {"isclose": 9, "pi": 2, "new": 5}},
        "builtins": {"len": 4},
        "environ": {"A": "1", "B": "2"},
        "cwd": "/b",
    }
    assert _diff(before, after) == [
        "math.isclose reasignado",
        "builtins.len cambiado",
        "variable de entorno B cambiada",
        "cwd cambiado",
    ]
    assert _diff(before, {**before, "modules": {}}) == ["módulo math descargado de sys.modules"]


def test_workspace_state_ignores_caches_and_groups_sqlite_files(tmp_path: Path) -> None:
    (tmp_path / WORKSPACE_MARKER).write_text("x", encoding="utf-8")
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "store.db").write_bytes(b"1")
    before = tree_state(tmp_path)
    (tmp_path / "m" / "store.db-wal").write_bytes(b"2")
    (tmp_path / "m" / "__pycache__").mkdir()
    (tmp_path / "m" / "__pycache__" / "a.pyc").write_bytes(b"3")
    assert changed_files(before, tree_state(tmp_path)) == ["m/store.db"]
    (tmp_path / "m" / "otro.txt").write_text("x", encoding="utf-8")
    assert changed_files(before, tree_state(tmp_path)) == ["m/otro.txt", "m/store.db"]
    wipe_workspace(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [WORKSPACE_MARKER]
    foreign = tmp_path / "ajeno"
    foreign.mkdir()
    with pytest.raises(RuntimeError, match="no se borra nada"):
        wipe_workspace(foreign)


# -- real walks ------------------------------------------------------------------------------


@pytest.mark.slow
def test_walk_of_the_demo_module(built_demo: Path, tmp_path: Path) -> None:
    module = discover_modules(built_demo / "content", [DEMO])[0]
    walk = walk_module(built_demo, module, tmp_path, in_process=True)
    print(format_walk(walk))
    assert walk.ok, walk.problems
    assert walk.checked == 4 and walk.result.replays == 0
    ids = {str(c.get("id")) for c in nbformat.read(tmp_path / DEMO / f"{DEMO}.ipynb", 4).cells}
    assert walk.result.slowest_cell in ids
    assert 0 < walk.result.slowest_cell_seconds <= walk.result.notebook_seconds
    assert f"celda más lenta {walk.result.slowest_cell}" in format_walk(walk)
    assert (tmp_path / DEMO / f"{DEMO}.ipynb").is_file()
    assert "proyección para 24 notebooks" in format_summary([walk], 2)


@pytest.mark.slow
def test_light_walk_branches_each_stub_before_the_answer_and_needs_no_control(
    demo_copy: Path, tmp_path: Path
) -> None:
    """The light walk (ADR-0015): the solution and every release stub, no mutant, no control;
    a stub that scores is still caught."""
    module = discover_modules(demo_copy / "content", [DEMO])[0]
    walk = walk_module(demo_copy, module, tmp_path / "bien", in_process=True, mutants=False)
    assert walk.ok, walk.problems
    assert [(v.exercise, v.kind) for v in walk.result.variants] == [
        ("add-one", VariantKind.STUB),
        ("double", VariantKind.STUB),
    ]
    assert walk.result.controls == 0 and walk.checked == 2
    source = demo_copy / "content" / DEMO / f"{DEMO}.py"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace('assert double(3) == 6, "double(3) debe valer 6"', "assert callable(double)"),
        encoding="utf-8",
    )
    assert build(demo_copy).ok
    walk = walk_module(demo_copy, module, tmp_path / "mal", in_process=True, mutants=False)
    expected = f"{DEMO}/double: la release sin resolver obtiene puntos en test-double"
    assert walk.problems == [expected]


@pytest.mark.slow
def test_walk_catches_a_removed_hidden_test(demo_copy: Path, tmp_path: Path) -> None:
    """Deleting the hidden test that alone catches a mutant makes the walk fail."""
    source = demo_copy / "content" / DEMO / f"{DEMO}.py"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace('assert add_one(-1) == 0, "add_one(-1) debe valer 0"\n', ""), encoding="utf-8"
    )
    mutants = demo_copy / "content" / DEMO / "mutants.py"
    mutants.write_text(
        mutants.read_text(encoding="utf-8")
        + "\n\n# %% mutant: solo-positivos | cell: add-one | breaks: R1\n"
        "# Falla con negativos.\ndef add_one(x: int) -> int:\n    return abs(x) + 1\n",
        encoding="utf-8",
    )
    assert build(demo_copy).ok
    module = discover_modules(demo_copy / "content", [DEMO])[0]
    walk = walk_module(demo_copy, module, tmp_path)
    assert walk.problems == [
        f"{DEMO}/add-one: el mutante 'solo-positivos' no pierde puntos (2/2): falta un test que "
        "lo detecte"
    ]


@pytest.mark.slow
def test_a_mutant_stops_once_its_requirements_have_failed_unless_the_walk_is_complete(
    demo_copy: Path, tmp_path: Path
) -> None:
    """A second test cell after the one that already caught the mutant is skipped (its cost is
    saved); the audit's complete walk still runs it. Both walks give the same verdicts."""
    runs = tmp_path / "second-test-runs.txt"
    source = demo_copy / "content" / DEMO / f"{DEMO}.py"
    text = source.read_text(encoding="utf-8")
    second = (
        '\n\n# %% nbgrader={"grade": true, "grade_id": "test-add-one-caro", '
        '"locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}\n'
        "# Comprueba [R1]: un caso más (costoso en un módulo real).\n"
        f"with open({str(runs)!r}, 'a', encoding='utf-8') as handle:\n"
        "    handle.write('x\\n')\n"
        'assert add_one(10) == 11, "add_one(10) debe valer 11"\n'
    )
    marker = "### END HIDDEN TESTS\n"
    first = text.index(marker) + len(marker)
    source.write_text(text[:first] + second + text[first:], encoding="utf-8")
    assert build(demo_copy).ok
    module = discover_modules(demo_copy / "content", [DEMO])[0]
    counts = {}
    for complete in (False, True):
        runs.unlink(missing_ok=True)
        walk = walk_module(demo_copy, module, tmp_path / str(complete), complete=complete)
        assert walk.ok, walk.problems
        counts[complete] = runs.read_text(encoding="utf-8").count("x")
    # Only the mutant «suma-dos» (caught by test-add-one, R1) skips the second cell.
    assert counts[True] - counts[False] == 1, counts


@pytest.fixture(scope="module")
def crafted_walk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleWalk]:
    root = tmp_path_factory.mktemp("walk-course")
    shutil.copytree(FIXTURES / "walk", root / "content")
    report = build(root)
    assert report.ok, report
    module = discover_modules(root / "content", ["98_walk"])[0]
    return root, walk_module(root, module, root / "out", in_process=True)


@pytest.mark.slow
def test_state_changing_mutants_are_replayed_and_the_walk_stays_sound(
    crafted_walk: tuple[Path, ModuleWalk],
) -> None:
    _, walk = crafted_walk
    print(format_walk(walk))
    result = walk.result
    by_name = {v.name: v for v in result.variants if v.kind is VariantKind.MUTANT}
    assert "math.isclose reasignado" in by_name["parchea-isclose"].replayed
    assert "MLOPS_WALK_FIXTURE" in by_name["cambia-entorno"].replayed
    assert "98_walk/suelto.txt" in by_name["archivo-suelto"].replayed
    assert "dejó de responder" in by_name["mata-kernel"].replayed
    assert all(sum(by_name[n].scores.values()) == 0 for n in ("parchea-isclose", "mata-kernel"))
    # The exercise after the polluting mutants still sees the real math.isclose: the rounding
    # mutant, which only math.isclose catches, loses its point in the walked kernel. (The kernel
    # killer comes first in mutants.py, so its rebuild cannot hide an undetected polluter: with
    # state detection switched off, 'redondea' survives and this test fails.)
    assert by_name["redondea"].replayed == "" and by_name["redondea"].scores == {"test-ratio": 0.0}


@pytest.mark.slow
def test_state_only_the_closing_control_sees_makes_the_exercise_walk_again_strictly(
    crafted_walk: tuple[Path, ModuleWalk],
) -> None:
    """'muta-tope' changes a shared dict in place (no fingerprint sees it); 'tope-fijo', walked
    after it in that kernel, would look caught. The closing control fails, the exercise is walked
    again with a control per variant: 'muta-tope' goes to a fresh kernel, 'tope-fijo' survives."""
    _, walk = crafted_walk
    result = walk.result
    clip = [v for v in result.variants if v.exercise == "clip"]
    assert len(clip) == 3, "cada variante tiene un solo veredicto (los retirados no quedan)"
    by_name = {v.name: v for v in clip if v.kind is VariantKind.MUTANT}
    assert "control" in by_name["muta-tope"].replayed
    assert by_name["muta-tope"].scores == {"test-clip": 0.0}
    assert by_name["tope-fijo"].replayed == "" and by_name["tope-fijo"].scores == {"test-clip": 1.0}
    # clip, and scale: the stub's verdict, taken before 'mata-kernel' killed the kernel, had no
    # control after it yet.
    assert result.rechecks == 2
    # 4 state-changing mutants of 'scale', the closing control of 'clip', and 'muta-tope' itself.
    assert result.rebuilds == 6


@pytest.mark.slow
def test_controls_run_once_per_clean_exercise_and_at_once_after_a_change(
    crafted_walk: tuple[Path, ModuleWalk],
) -> None:
    _, walk = crafted_walk
    assert all(v.replayed == "" for v in walk.result.variants if v.exercise == "ratio")
    # ratio, magnitude (clean): baseline + closing = 2 each, for 2 variants each.
    # scale: baseline; 'mata-kernel' kills it (the stub, still without a control, is withdrawn):
    # baseline after the rebuild; 3 state changers, each its own control + a baseline after its
    # rebuild = 6; the stub again, strictly: baseline + its control = 2. Total 10.
    # clip: baseline + failing closing control; strictly: baseline, stub's control, muta-tope's
    # failing control, baseline after its rebuild, tope-fijo's control. Total 7.
    assert walk.result.controls == 2 + 2 + 10 + 7


@pytest.mark.slow
def test_fresh_kernel_exercises_are_always_replayed(crafted_walk: tuple[Path, ModuleWalk]) -> None:
    _, walk = crafted_walk
    replayed = [v for v in walk.result.variants if v.exercise == "log-line"]
    assert len(replayed) == 2
    assert all(v.replayed == "ejercicio marcado fresh-kernel" for v in replayed)
    assert all(sum(v.scores.values()) == 0 for v in replayed)


@pytest.mark.slow
def test_mutants_the_tests_miss_are_the_only_problems(
    crafted_walk: tuple[Path, ModuleWalk],
) -> None:
    root, walk = crafted_walk
    assert walk.problems == [
        "98_walk/magnitude: el mutante 'identidad' no pierde puntos (1/1): falta un test que "
        "lo detecte",
        "98_walk/clip: el mutante 'tope-fijo' no pierde puntos (1/1): falta un test que lo detecte",
    ]
    saved = json.loads((root / "out" / "98_walk" / "walk.json").read_text(encoding="utf-8"))
    assert saved["module"] == "98_walk" and saved["error"] == ""


def test_kernel_side_snapshot_restore_and_fingerprint_in_an_ipython_shell() -> None:
    import math
    import os

    from IPython.core.interactiveshell import InteractiveShell

    from mlops_course.machinery.verify import kernel_side

    shell = InteractiveShell.instance()
    shell.user_ns["kept"] = 1
    kernel_side.snapshot("pre")
    kernel_side.fingerprint("main")
    shell.user_ns["added"] = 2
    del shell.user_ns["kept"]
    kernel_side.restore("pre")
    assert shell.user_ns["kept"] == 1 and "added" not in shell.user_ns
    assert json.loads(kernel_side.compare("main")) == []
    real = math.isclose
    try:
        math.isclose = lambda *a, **k: True  # type: ignore[assignment]
        os.environ["MLOPS_KS_TEST"] = "1"
        changes = json.loads(kernel_side.compare("main"))
    finally:
        math.isclose = real
        os.environ.pop("MLOPS_KS_TEST", None)
    assert "math.isclose reasignado" in changes
    assert "variable de entorno MLOPS_KS_TEST cambiada" in changes
