"""Show Mermaid diagrams in JupyterLab 4, which renders fenced ``mermaid`` blocks in Markdown."""

from __future__ import annotations

from IPython.display import Markdown, display


def mermaid_markdown(code: str) -> str:
    """Wrap Mermaid ``code`` in a fenced ````mermaid`` block (Markdown text).

    Raises:
        TypeError: if ``code`` is not a string.
        ValueError: if ``code`` is blank or contains a code fence that would end the block.
    """
    if not isinstance(code, str):
        raise TypeError(f"El diagrama debe ser un texto, no {type(code).__name__}.")
    if not code.strip():
        raise ValueError("El diagrama está vacío: no hay nada que mostrar.")
    if "```" in code:
        raise ValueError("El diagrama no puede contener ``` : cerraría el bloque de código.")
    return f"```mermaid\n{code.strip()}\n```\n"


def show_mermaid(code: str) -> None:
    """Display ``code`` as a rendered Mermaid diagram (returns nothing: no double display)."""
    display(Markdown(mermaid_markdown(code)))  # type: ignore[no-untyped-call]
