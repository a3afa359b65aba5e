"""Static scan of a submission's own code for constructs that tamper with grading.

Runs outside the sandbox on the submitted notebook, before it is graded. It reads every code cell
the student controls (answer cells and added cells; the locked and test cells nbgrader restores
from the source are skipped) and reports, in Spanish with the cell and line, constructs that an
exercise of this course never needs and that change how later cells run or are judged: kernel
hooks (AST transformers, exception handlers, tracing), frame and memory introspection
(``sys._getframe``, ``gc.get_referrers``, ``ctypes``), the grader's own packages, dynamic code
(``exec``/``eval``) and replacing attributes of imported modules with the notebook's functions
(``math.isclose = lambda *a, **k: True``). A finding sends the submission to manual review; it
is not a verdict (ADR-0010).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

# Attribute names whose use (read or write) only makes sense to change how cells run or fail.
HOOK_ATTRIBUTES: dict[str, str] = {
    "ast_transformers": "instala transformadores de código en el kernel",
    "input_transformers_post": "instala transformadores de código en el kernel",
    "input_transformers_cleanup": "instala transformadores de código en el kernel",
    "set_custom_exc": "cambia cómo el kernel muestra los errores",
    "custom_exceptions": "cambia cómo el kernel muestra los errores",
    "CustomTB": "cambia cómo el kernel muestra los errores",
    "showtraceback": "cambia cómo el kernel muestra los errores",
    "_showtraceback": "cambia cómo el kernel muestra los errores",
    "excepthook": "cambia cómo se muestran los errores",
    "run_cell": "intercepta la ejecución de celdas",
    "run_ast_nodes": "intercepta la ejecución de celdas",
    "run_code": "intercepta la ejecución de celdas",
    "settrace": "instala una función de trazado",
    "setprofile": "instala una función de trazado",
    "_getframe": "inspecciona marcos de ejecución",
    "currentframe": "inspecciona marcos de ejecución",
    "f_back": "inspecciona marcos de ejecución",
    "f_globals": "inspecciona marcos de ejecución",
    "f_locals": "inspecciona marcos de ejecución",
    "f_builtins": "inspecciona marcos de ejecución",
    "get_referrers": "busca objetos del kernel en memoria",
    "get_objects": "busca objetos del kernel en memoria",
}
FORBIDDEN_MODULES: dict[str, str] = {
    "ctypes": "importa ctypes (acceso directo a la memoria del proceso)",
    "builtins": "importa builtins (permite reemplazar funciones básicas)",
    "nbgrader": "importa nbgrader (el calificador)",
    "ipykernel": "importa ipykernel (el kernel que ejecuta los tests)",
    "IPython.core": "importa el núcleo de IPython (el kernel que ejecuta los tests)",
}
DYNAMIC_CALLS: dict[str, str] = {
    "exec": "ejecuta código generado con exec",
    "eval": "ejecuta código generado con eval",
    "__import__": "importa módulos con __import__",
    "compile": "compila código generado con compile",
    "setattr": "",  # only when its target is an imported module (checked below)
    "delattr": "",
}
NAMES: dict[str, str] = {
    "__builtins__": "usa __builtins__ (permite reemplazar funciones básicas)",
}


@dataclass(frozen=True)
class Finding:
    """One suspicious construct: where it is and why it matters, in Spanish."""

    cell: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.cell}, línea {self.line}: {self.reason}"


def _module_aliases(trees: list[ast.AST]) -> set[str]:
    """Names bound to modules by ``import`` statements anywhere in the notebook."""
    aliases: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    aliases.add(alias.asname or alias.name.split(".")[0])
    return aliases


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _callables(trees: list[ast.AST]) -> set[str]:
    """Names the notebook binds to functions or classes it defines (``def``, ``class``,
    ``name = lambda …``)."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _is_function_value(node: ast.expr, callables: set[str]) -> bool:
    if isinstance(node, ast.Lambda):
        return True
    if isinstance(node, ast.Name):
        return node.id in callables
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in {"partial", "MethodType", "FunctionType"}
    return False


def _scan_tree(tree: ast.AST, cell: str, aliases: set[str], callables: set[str]) -> list[Finding]:
    found: list[Finding] = []

    def add(node: ast.AST, reason: str) -> None:
        found.append(Finding(cell, getattr(node, "lineno", 0), reason))

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in HOOK_ATTRIBUTES:
            add(node, f"{HOOK_ATTRIBUTES[node.attr]} (.{node.attr})")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in ("register", "callbacks")
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "events"
        ):
            add(node, "registra callbacks del kernel (.events)")
        elif isinstance(node, ast.Name) and node.id in NAMES:
            add(node, NAMES[node.id])
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for module in modules:
                for banned, reason in FORBIDDEN_MODULES.items():
                    if module == banned or module.startswith(banned + "."):
                        add(node, reason)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("run_line_magic", "run_cell_magic")
        ):
            # %time, %%capture … run the code they are given: scan it too.
            for arg in node.args[1:]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    try:
                        inner = ast.parse(arg.value)
                    except SyntaxError:
                        continue
                    for sub in _scan_tree(inner, cell, aliases, callables):
                        found.append(Finding(cell, node.lineno + sub.line - 1, sub.reason))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name in ("setattr", "delattr"):
                target = node.args[0] if node.args else None
                if target is not None and _root_name(target) in aliases:
                    add(node, f"modifica un módulo importado con {name}()")
            elif name in DYNAMIC_CALLS:
                add(node, DYNAMIC_CALLS[name])
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and _root_name(target) in aliases
                    and node.value is not None
                    and _is_function_value(node.value, callables)
                ):
                    add(node, f"reemplaza {ast.unparse(target)} de un módulo importado")
                if isinstance(target, ast.Subscript) and ast.unparse(target.value) == "sys.modules":
                    add(node, "reemplaza un módulo en sys.modules")
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and _root_name(target) in aliases:
                    add(node, f"borra {ast.unparse(target)} de un módulo importado")
    return found


def _python_source(source: str) -> str:
    """IPython syntax (``%magic``, ``!cmd``) turned into Python, as the kernel would."""
    from IPython.core.inputtransformer2 import TransformerManager

    return str(TransformerManager().transform_cell(source))  # type: ignore[no-untyped-call]


def _restored_ids(source_nb: Any) -> set[str]:
    """grade_ids of the cells nbgrader overwrites from the source (its ``is_locked``: locked and
    test cells; an answer cell is never overwritten, whatever its ``locked`` flag says)."""
    from nbgrader.utils import is_locked

    return {
        str(cell.metadata.nbgrader["grade_id"])
        for cell in source_nb.cells
        if is_locked(cell) and cell.metadata.nbgrader.get("grade_id")
    }


def scan_submission(submission: Any, source_nb: Any) -> list[Finding]:
    """Suspicious constructs in the student-controlled code cells of ``submission``: answer
    cells and any cell whose code is not the course's own (added or edited cells)."""
    restored = _restored_ids(source_nb)
    course_code = {str(c.source) for c in source_nb.cells if c.get("cell_type") == "code"}
    cells: list[tuple[str, ast.AST]] = []
    every: list[ast.AST] = []
    for index, cell in enumerate(submission.cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade_id = str(meta.get("grade_id", "")) if isinstance(meta, dict) else ""
        try:
            tree: ast.AST = ast.parse(_python_source(str(cell.get("source", ""))))
        except (SyntaxError, ValueError):
            continue  # it fails when run, and loses its points; nothing to hide
        every.append(tree)
        if grade_id not in restored and str(cell.get("source", "")) not in course_code:
            label = f"celda {grade_id}" if grade_id else f"celda {index} (sin id de nbgrader)"
            cells.append((label, tree))
    aliases = _module_aliases(every)
    callables = _callables(every)
    findings: list[Finding] = []
    for label, tree in cells:
        findings.extend(_scan_tree(tree, label, aliases, callables))
    return findings
