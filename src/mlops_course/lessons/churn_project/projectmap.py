"""The map of the churn project (Mermaid), with the layer of the current module highlighted."""

from __future__ import annotations

from typing import Any

from mlops_course.lessons.churn_project.layers import LAYERS, layer
from mlops_course.lessons.m02_design.mermaid import mermaid_markdown

_STYLES = (
    "classDef hecha fill:#e8f5e9,stroke:#2e7d32,color:#1b5e20",
    "classDef actual fill:#fff3e0,stroke:#ef6c00,stroke-width:3px,color:#e65100",
    "classDef pendiente fill:#f5f5f5,stroke:#9e9e9e,color:#616161",
)


def project_map(module: str) -> str:
    """Mermaid ``flowchart`` of the 13 layers; ``module``'s is highlighted, earlier ones done."""
    current = layer(module).module
    lines = ["flowchart LR"]
    for item in LAYERS:
        mark = "★ " if item.module == current else ""
        lines.append(f'    L{item.module}["{mark}{item.module} · {item.title}"]')
    chain = " --> ".join(f"L{item.module}" for item in LAYERS)
    lines.append(f"    {chain}")
    lines.extend(f"    {style}" for style in _STYLES)
    for state, members in (
        ("hecha", [i for i in LAYERS if i.module < current]),
        ("actual", [i for i in LAYERS if i.module == current]),
        ("pendiente", [i for i in LAYERS if i.module > current]),
    ):
        if members:
            lines.append(f"    class {','.join('L' + i.module for i in members)} {state}")
    return "\n".join(lines)


def project_map_markdown(module: str) -> str:
    """The map as Markdown: a sentence with what this module adds, then the Mermaid block."""
    current = layer(module)
    return (
        f"**Tu proyecto `churn-project/`.** Este módulo añade la capa {current.module} "
        f"({current.title}): {current.adds}.\n\n{mermaid_markdown(project_map(module))}"
    )


def show_project_map(module: str) -> Any:
    """Display the map in the notebook (rendered by JupyterLab's Mermaid support)."""
    from IPython.display import Markdown

    return Markdown(project_map_markdown(module))  # type: ignore[no-untyped-call]
