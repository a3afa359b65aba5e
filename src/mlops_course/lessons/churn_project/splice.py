"""A project file as a fixed header, one function the student writes, and a fixed footer.

Some of the project's files (the data contract of module 05, the regression gate of module 08)
are the reference file with ONE function replaced by the student's: these helpers cut a text
around a top-level function and put a student's function in its place.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Any


def split_function(text: str, name: str, what: str = "El archivo") -> tuple[str, str, str]:
    """``(header, source of the top-level function name, footer)`` of a Python ``text``.

    Raises:
        ValueError: if the text has no top-level function ``name`` (``what`` names the file in
            the Spanish message).
    """
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            lines = text.splitlines(keepends=True)
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
            end = node.end_lineno or node.lineno
            return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])
    raise ValueError(f"{what} no define la función {name}.")


def splice_function(reference: str, name: str, function_source: str) -> str:
    """``reference`` with ``function_source`` in place of its function ``name``."""
    header, _, footer = split_function(reference, name)
    return header + textwrap.dedent(function_source).strip("\n") + "\n" + footer


def source_as(function: Callable[..., Any], name: str) -> str:
    """The source code of ``function``, renamed to ``name`` by an alias if needed.

    Raises:
        TypeError: if ``function`` is not a function defined in Python source code.
    """
    if not inspect.isfunction(function):
        raise TypeError(f"Se esperaba una función, no {type(function).__name__}.")
    try:
        source = textwrap.dedent(inspect.getsource(function)).strip("\n")
    except (OSError, TypeError) as err:
        raise TypeError(f"No se puede leer el código de {function.__name__}: {err}") from err
    if function.__name__ != name:
        source += f"\n\n\n{name} = {function.__name__}"
    return source
