"""Kernel tampering: the static scan and the guard cells, without running nbgrader.

The guard code runs here in a real in-process IPython shell (the same ``InteractiveShell`` the
kernel wraps), after cells that tamper in each way the guard knows and after honest cells; the
end-to-end path (a real sandboxed kernel, a withheld score) is in tests/test_sandbox.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from mlops_course.machinery.build.nbgrader_settings import apply_course_settings
from mlops_course.machinery.grading.integrity import (
    GUARD_KEY,
    METADATA_KEY,
    CheckGuards,
    InsertGuards,
    guard_findings,
    guard_source,
    imported_modules,
    notebook_findings,
)
from mlops_course.machinery.grading.tamper_scan import scan_submission

NONCE = "0123456789abcdef"


def _nb(*cells: tuple[str, dict[str, Any] | None]) -> Any:
    nb = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    for source, meta in cells:
        cell = nbformat.v4.new_code_cell(source)  # type: ignore[no-untyped-call]
        if meta is not None:
            cell.metadata["nbgrader"] = meta
        nb.cells.append(cell)
    return nb


ANSWER = {"grade_id": "answer", "solution": True, "grade": False, "locked": False}
TEST = {"grade_id": "test-answer", "solution": False, "grade": True, "locked": True, "points": 1}
SETUP = {"grade_id": "setup", "solution": False, "grade": False, "locked": True}
SOURCE = _nb(
    ("import math\nimport numpy as np\nprint('curso')", SETUP),
    ("def f(x):\n    raise NotImplementedError", ANSWER),
    ("assert math.isclose(f(1), 2.0)", TEST),
    ("print('celda de la lección')", None),
)


def _scan(answer: str, extra: str | None = None) -> list[str]:
    cells = [
        ("import math\nimport numpy as np\nprint('curso')", SETUP),
        (answer, ANSWER),
        ("import ctypes  # the test cell is restored from the source: never scanned", TEST),
        ("print('celda de la lección')", None),
    ]
    if extra is not None:
        cells.append((extra, None))
    return [str(f) for f in scan_submission(_nb(*cells), SOURCE)]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("math.isclose = lambda *a, **k: True", "reemplaza math.isclose de un módulo importado"),
        ("def fake(*a):\n    return True\nnp.allclose = fake", "reemplaza np.allclose"),
        ("import functools\nmath.isclose = functools.partial(max)", "reemplaza math.isclose"),
        ("setattr(math, 'isclose', print)", "modifica un módulo importado con setattr()"),
        ("del math.isclose", "borra math.isclose"),
        ("get_ipython().ast_transformers.append(object())", "transformadores de código"),
        ("get_ipython().set_custom_exc((AssertionError,), print)", "muestra los errores"),
        ("get_ipython().events.register('post_run_cell', print)", "callbacks del kernel"),
        ("import sys\nsys.settrace(print)", "función de trazado"),
        ("import sys\nsys.modules['math'] = None", "sys.modules"),
        ("import sys\nprint(sys._getframe().f_back)", "marcos de ejecución"),
        ("import gc\ngc.get_referrers(math)", "objetos del kernel en memoria"),
        ("import ctypes", "importa ctypes"),
        ("from nbgrader.api import Gradebook", "importa nbgrader"),
        ("import builtins", "importa builtins"),
        ("__builtins__.print = None", "__builtins__"),
        ("exec('x = 1')", "exec"),
        ("eval('1 + 1')", "eval"),
        ("%time exec('x = 1')", "exec"),  # IPython syntax is read as the kernel reads it
    ],
)
def test_scan_flags_each_construct_with_cell_and_line(code: str, reason: str) -> None:
    found = _scan("def f(x):\n    return 2.0\n" + code)
    assert any(reason in f and f.startswith("celda answer, línea") for f in found), found


def test_scan_ignores_honest_code_course_cells_and_restored_tests() -> None:
    honest = (
        "import os\nimport re\nimport pandas as pd\n"
        "pd.options.display.max_rows = 10\nos.environ['SEMILLA'] = '1'\n"
        "pattern = re.compile('a+')\nmath.tau\n"
        "class Model:\n    def eval(self):\n        return self\n"
        "Model().eval()\nresult = np.mean([1, 2])\n"
        "def f(x):\n    return 2.0\n"
    )
    assert _scan(honest) == []
    assert _scan("def f(x):\n    return 2.0", extra="import ctypes") == [
        "celda 5 (sin id de nbgrader), línea 1: importa ctypes (acceso directo a la memoria del "
        "proceso)"
    ]
    assert _scan("def f(:\n    return 2.0") == []  # a syntax error fails on its own


@pytest.fixture
def shell() -> Iterator[Any]:
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    yield ip
    InteractiveShell.clear_instance()


def _guard(ip: Any, capsys: pytest.CaptureFixture[str], full: bool = False) -> list[str]:
    """Run one guard cell in ``ip``; return its findings as CheckGuards reads them."""
    capsys.readouterr()
    # Through the class: a patched instance method must not keep the guard from running here.
    result = type(ip).run_cell(ip, guard_source(NONCE, full, ["math", "json"]))
    out = capsys.readouterr().out
    cell = nbformat.v4.new_code_cell("")  # type: ignore[no-untyped-call]
    cell.metadata[GUARD_KEY] = "test-answer"
    cell.execution_count = 1
    cell.outputs = [{"output_type": "stream", "name": "stdout", "text": out}]
    error = result.error_in_exec
    if error is not None:
        cell.outputs.append(
            {"output_type": "error", "ename": type(error).__name__, "evalue": str(error)}
        )
    return guard_findings(cell, NONCE)


SWALLOW = """\
import ast
class Swallow(ast.NodeTransformer):
    def visit_Module(self, node):
        catch = ast.ExceptHandler(type=ast.Name("BaseException", ast.Load()), name=None,
                                  body=[ast.Pass()])
        wrapped = ast.Try(body=node.body, handlers=[catch], orelse=[], finalbody=[])
        return ast.fix_missing_locations(ast.Module(body=[wrapped], type_ignores=[]))
get_ipython().ast_transformers.append(Swallow())
"""


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (SWALLOW, ["no falló como debía", "transformador ast_transformers instalado"]),
        ("import math\nmath.isclose = lambda *a, **k: True", ["math.isclose reemplazado"]),
        ("get_ipython().set_custom_exc((AssertionError,), lambda *a, **k: [])", ["set_custom_exc"]),
        ("get_ipython().events.register('post_run_cell', lambda r: None)", ["post_run_cell"]),
        ("import sys\nsys.settrace(lambda *a: None)", ["sys.settrace instalado"]),
        ("ip = get_ipython()\nip.run_cell = lambda *a, **k: None", ["método del kernel"]),
    ],
)
def test_guard_finds_and_undoes_each_tampering(
    shell: Any, capsys: pytest.CaptureFixture[str], tamper: str, expected: list[str]
) -> None:
    import math
    import sys

    original = math.isclose
    # Under `make test` the tracer is coverage's: put it back, or this worker stops measuring.
    tracer = sys.gettrace()
    try:
        assert shell.run_cell(tamper).success
        found = _guard(shell, capsys)
        for text in expected:
            assert any(text in f for f in found), (text, found)
        assert all("(detectado antes de test-answer)" in f or "control" in f for f in found)
        if "isclose" not in tamper:  # hooks are removed: the next guard is clean
            assert _guard(shell, capsys) == []
    finally:
        math.isclose = original
        sys.settrace(tracer)


def test_guard_is_silent_on_honest_code_and_sees_every_module_at_the_end(
    shell: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    honest = (
        "import json, math\nfrom dataclasses import dataclass\n"
        "@dataclass\nclass Row:\n    x: int\n"
        "def f(x):\n    return math.isclose(x, 1.0)\n"
        "rows = [Row(1)]\nprint(json.dumps([r.x for r in rows]))\n"
    )
    assert shell.run_cell(honest).success
    assert _guard(shell, capsys) == []
    assert _guard(shell, capsys, full=True) == []
    # A patch of a module the notebook never imports is only seen by the final, full guard.
    import xml.dom.minidom as minidom

    original = minidom.parseString
    try:
        shell.run_cell("import xml.dom.minidom\nxml.dom.minidom.parseString = lambda s: None")
        assert _guard(shell, capsys) == []
        assert any("xml.dom.minidom.parseString" in f for f in _guard(shell, capsys, full=True))
    finally:
        minidom.parseString = original


def test_check_guards_reads_removes_and_records() -> None:
    nb = _nb(("x = 1", ANSWER), ("assert x == 1", TEST))
    nb, resources = InsertGuards().preprocess(nb, {})
    kinds = [c.metadata.get(GUARD_KEY, "") for c in nb.cells]
    assert kinds == ["", "test-answer", "", "final"]
    nonce = resources[GUARD_KEY]
    assert len(nonce) == 16 and nonce in nb.cells[1].source
    for cell in nb.cells:
        cell.execution_count = 1
    ok = f"MLOPS-GUARD {nonce}"
    nb.cells[1].outputs = [
        {"output_type": "stream", "name": "stdout", "text": f"{ok} []\n"},
        {"output_type": "error", "ename": "AssertionError", "evalue": ok, "traceback": []},
    ]
    nb.cells[3].outputs = [{"output_type": "stream", "name": "stdout", "text": f"{ok} []\n"}]
    nb, _ = CheckGuards().preprocess(nb, resources)
    assert [c.source for c in nb.cells] == ["x = 1", "assert x == 1"]
    assert notebook_findings(nb) == [
        "la celda de control al final del notebook no falló como debía: la entrega oculta los "
        "errores"
    ]
    assert nb.metadata[METADATA_KEY]["findings"] == notebook_findings(nb)
    assert notebook_findings(nbformat.v4.new_notebook()) is None  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    ("outputs", "expected"),
    [
        ("forged", "resultado alterado"),  # earlier output posing as a guard: wrong nonce
        ("other-error", "falló con ZeroDivisionError"),
        ("none", ""),  # never executed (dead kernel): reported elsewhere, not as tampering
    ],
)
def test_guard_findings_edge_cases(outputs: str, expected: str) -> None:
    cell = nbformat.v4.new_code_cell("")  # type: ignore[no-untyped-call]
    cell.metadata[GUARD_KEY] = "final"
    good = {"output_type": "stream", "name": "stdout", "text": f"MLOPS-GUARD {NONCE} []\n"}
    if outputs == "forged":
        cell.execution_count = 3
        cell.outputs = [
            {"output_type": "stream", "name": "stdout", "text": "MLOPS-GUARD ffff []\n"},
            {"output_type": "error", "ename": "AssertionError", "evalue": "MLOPS-GUARD ffff"},
        ]
    elif outputs == "other-error":
        cell.execution_count = 3
        cell.outputs = [good, {"output_type": "error", "ename": "ZeroDivisionError"}]
    found = guard_findings(cell, NONCE)
    assert (found == []) if not expected else any(expected in f for f in found), found


def test_autograde_runs_nbgraders_own_steps_with_guards_around_execute(tmp_path: Path) -> None:
    from nbgrader.converters import Autograde
    from traitlets.config import Config

    c = Config()
    apply_course_settings(c, tmp_path)
    ours = list(c.Autograde.autograde_preprocessors)
    assert ours[:3] == [InsertGuards, ours[1], CheckGuards] and ours[1].__name__ == "Execute"
    default = Autograde().autograde_preprocessors  # nbgrader's own default list
    assert [p for p in ours if p not in (InsertGuards, CheckGuards)] == list(default), (
        "nbgrader cambió sus pasos de autograde: revisa la lista de apply_course_settings"
    )


def test_imported_modules_lists_dotted_parents() -> None:
    found = imported_modules(["import numpy.testing as npt\nfrom os.path import join", "%magic"])
    assert found == ["numpy", "numpy.testing", "os", "os.path"]
    assert json.loads(json.dumps(found)) == found
