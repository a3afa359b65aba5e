"""Kernel integrity guards: catch a submission that tampers with the kernel its tests run in.

A notebook cell can make failing tests pass without solving anything: an IPython AST transformer
that wraps every later cell in ``try/except``, a custom exception handler that hides errors, a
``post_run_cell`` callback, or a monkeypatched function the tests call
(``math.isclose = lambda *a, **k: True``). Before every autograded test cell the grader inserts a
*guard* cell (and one more at the end of the notebook) that:

1. removes AST/input transformers, exception handlers, event callbacks, trace functions and
   shell methods defined by notebook code, and reports each one;
2. looks for functions defined by notebook code installed as attributes of imported modules
   (the modules the notebook imports before each test; every loaded module at the end);
3. prints ``MLOPS-GUARD <nonce> <findings as JSON>`` and always ends by raising
   ``AssertionError("MLOPS-GUARD <nonce>")``.

The guard is a canary that must fail: a guard cell whose error output is missing or different
means errors are being swallowed (the printed findings still say by what). The nonce is random
per grading, so earlier output can't pose as a guard's. After execution :class:`CheckGuards`
reads the guards, removes them from the notebook and stores the Spanish findings in the
notebook's metadata (``mlops_integrity``), which the kernel cannot write. This is a tripwire,
not a proof: the static scan of :mod:`.tamper_scan` is the second line (ADR-0010).
"""

from __future__ import annotations

import ast
import json
import secrets
from string import Template
from typing import Any

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

GUARD_KEY = "mlops_guard"
METADATA_KEY = "mlops_integrity"
PREFIX = "MLOPS-GUARD"

# Runs in the student's kernel. Self-contained (no course import the student could pre-patch);
# leaves no name behind in the student's namespace.
_GUARD = Template("""\
def _mlops_guard_$nonce(full, module_names):
    import functools, json, sys, types
    shell = sys.modules["IPython.core.getipython"].get_ipython()
    user_ns = shell.user_ns
    found = []

    def cell_made(obj):
        kind = type(obj)
        if kind is types.MethodType:
            obj = obj.__func__
        elif kind is functools.partial:
            obj = obj.func
        if type(obj) is types.FunctionType:
            return obj.__globals__ is user_ns
        if isinstance(obj, type):
            return obj.__module__ == "__main__"
        return type(obj).__module__ == "__main__" and callable(obj)

    for name in ("ast_transformers", "input_transformers_post", "input_transformers_cleanup"):
        items = list(getattr(shell, name, []))
        keep = [t for t in items if not (cell_made(t) or cell_made(type(t)))]
        if len(keep) != len(items):
            found.append(f"transformador {name} instalado por la entrega")
            setattr(shell, name, keep)
    if shell.custom_exceptions:
        found.append("manejador de excepciones propio (set_custom_exc)")
        shell.set_custom_exc((), None)
    for event, callbacks in shell.events.callbacks.items():
        bad = [f for f in callbacks if cell_made(f) or cell_made(type(f))]
        for f in bad:
            callbacks.remove(f)
            found.append(f"callback del evento {event} registrado por la entrega")
    for getter, setter, label in ((sys.gettrace, sys.settrace, "sys.settrace"),
                                  (sys.getprofile, sys.setprofile, "sys.setprofile")):
        hook = getter()
        if hook is not None and cell_made(hook):
            setter(None)
            found.append(f"{label} instalado por la entrega")
    for name, value in list(vars(shell).items()):
        if cell_made(value):
            delattr(shell, name)
            found.append(f"método del kernel reemplazado: {name}")
    for cls in type(shell).__mro__:
        for name, value in list(vars(cls).items()):
            if cell_made(value):
                found.append(f"método del kernel reemplazado: {cls.__name__}.{name}")
    names = list(sys.modules) if full else ["builtins", *module_names]
    for mod_name in names:
        module = sys.modules.get(mod_name)
        space = getattr(module, "__dict__", None) if isinstance(module, types.ModuleType) else None
        if not isinstance(space, dict) or space is user_ns:
            continue  # the notebook's own namespace (__main__, and aliases like __mp_main__)
        for attr, value in list(space.items()):
            if mod_name == "sys" and attr.startswith("last_"):
                continue  # the last uncaught exception, kept by IPython
            if cell_made(value):
                found.append(f"{mod_name}.{attr} reemplazado por código de la entrega")
    print("$prefix $nonce " + json.dumps(found, ensure_ascii=False), flush=True)
    raise AssertionError("$prefix $nonce")


try:
    _mlops_guard_$nonce($full, $modules)
finally:
    del _mlops_guard_$nonce
""")


def imported_modules(sources: list[str]) -> list[str]:
    """Top-level and dotted module names imported by ``sources`` (cells that fail to parse,
    e.g. with IPython magics, are skipped)."""
    names: set[str] = set()
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    parts = alias.name.split(".")
                    names.update(".".join(parts[: i + 1]) for i in range(len(parts)))
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                parts = node.module.split(".")
                names.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return sorted(names)


def guard_source(nonce: str, full: bool, modules: list[str]) -> str:
    """The code of one guard cell."""
    return _GUARD.substitute(nonce=nonce, full=repr(full), modules=repr(modules), prefix=PREFIX)


def _is_test_cell(cell: Any) -> bool:
    """An autograded test cell, as nbgrader defines it (a grade cell that is no answer)."""
    from nbgrader.utils import is_grade, is_solution

    return cell.cell_type == "code" and bool(is_grade(cell)) and not is_solution(cell)


class InsertGuards(Preprocessor):
    """Insert a guard before every autograded test cell and one at the end (before Execute)."""

    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        import nbformat

        nonce = secrets.token_hex(8)
        resources[GUARD_KEY] = nonce
        modules = imported_modules([c.source for c in nb.cells if c.cell_type == "code"])
        cells: list[Any] = []
        for cell in nb.cells:
            if _is_test_cell(cell):
                cells.append(self._guard(nbformat, nonce, False, modules, cell))
            cells.append(cell)
        if cells:
            cells.append(self._guard(nbformat, nonce, True, modules, None))
        nb.cells = cells
        return nb, resources

    @staticmethod
    def _guard(nbformat: Any, nonce: str, full: bool, modules: list[str], before: Any) -> Any:
        cell = nbformat.v4.new_code_cell(guard_source(nonce, full, modules))
        grade_id = (before.metadata.nbgrader.get("grade_id") if before is not None else "") or ""
        cell.metadata[GUARD_KEY] = grade_id or "final"
        return cell


def guard_findings(cell: Any, nonce: str) -> list[str]:
    """Spanish findings of one executed guard cell ([] when the kernel looked intact)."""
    where = cell.metadata.get(GUARD_KEY, "")
    place = "al final del notebook" if where == "final" else f"antes de {where}"
    if cell.get("execution_count") is None:
        return []  # never executed (dead kernel, notebook timeout): reported by other means
    outputs = cell.get("outputs", [])
    head = f"{PREFIX} {nonce}"
    findings: list[str] = []
    printed = [
        line[len(head) + 1 :]
        for o in outputs
        if o.get("output_type") == "stream"
        for line in str(o.get("text", "")).splitlines()
        if line.startswith(head + " ")
    ]
    try:
        found = json.loads(printed[-1]) if len(printed) == 1 else None
    except json.JSONDecodeError:
        found = None
    if isinstance(found, list):
        findings.extend(f"{item} (detectado {place})" for item in found)
    else:
        findings.append(f"la celda de control {place} dio un resultado alterado")
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if not errors:
        findings.append(
            f"la celda de control {place} no falló como debía: la entrega oculta los errores"
        )
    elif len(errors) != 1 or errors[0].get("ename") != "AssertionError":
        name = errors[-1].get("ename", "?")
        findings.append(f"la celda de control {place} falló con {name}: el kernel fue alterado")
    elif str(errors[0].get("evalue", "")) != head:
        findings.append(f"la celda de control {place} dio un resultado alterado")
    return findings


class CheckGuards(Preprocessor):
    """After Execute: read and remove the guard cells; findings go to notebook metadata."""

    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        nonce = str(resources.get(GUARD_KEY, ""))
        findings: list[str] = []
        kept: list[Any] = []
        for cell in nb.cells:
            if GUARD_KEY in cell.get("metadata", {}):
                findings.extend(guard_findings(cell, nonce) if nonce else [])
            else:
                kept.append(cell)
        nb.cells = kept
        nb.metadata[METADATA_KEY] = {"findings": list(dict.fromkeys(findings))}
        return nb, resources


def notebook_findings(nb: Any) -> list[str] | None:
    """Findings stored by :class:`CheckGuards` (None: the notebook was graded without guards)."""
    meta = nb.get("metadata", {}).get(METADATA_KEY)
    if not isinstance(meta, dict) or not isinstance(meta.get("findings"), list):
        return None
    return [str(f) for f in meta["findings"]]
