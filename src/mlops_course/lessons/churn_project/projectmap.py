"""The map of the churn project (Mermaid), with the layer of the current module highlighted."""

from __future__ import annotations

from typing import Any

from mlops_course.lessons.churn_project.layers import LAYERS, layer
from mlops_course.lessons.m02_design.mermaid import mermaid_markdown
from mlops_course.machinery.roadmap import load_roadmap

_STYLES = (
    "classDef hecha fill:#e8f5e9,stroke:#2e7d32,color:#1b5e20",
    "classDef actual fill:#fff3e0,stroke:#ef6c00,stroke-width:3px,color:#e65100",
    "classDef pendiente fill:#f5f5f5,stroke:#9e9e9e,color:#616161",
)


def project_map(module: str) -> str:
    """Mermaid ``flowchart`` of the 13 layers, one column per phase of the guide (so that it stays
    readable in a notebook); ``module``'s layer is highlighted and the earlier ones are done."""
    current = layer(module).module
    numbers = {item.module for item in LAYERS}
    lines = ["flowchart LR"]
    columns: list[str] = []
    for phase in load_roadmap().phases:
        members = [m.number for m in phase.modules if m.number in numbers]
        if not members:
            continue
        column = f"F{phase.number}"
        columns.append(column)
        lines.append(f'    subgraph {column}["Fase {phase.number} · {phase.name}"]')
        lines.append("        direction TB")
        for number in members:
            item = layer(number)
            mark = "★ " if number == current else ""
            lines.append(f'        L{number}["{mark}{number} · {item.title}"]')
        if len(members) > 1:
            lines.append("        " + " --> ".join(f"L{n}" for n in members))
        lines.append("    end")
    lines.append("    " + " --> ".join(columns))
    lines.extend(f"    {style}" for style in _STYLES)
    for state, chosen in (
        ("hecha", [i for i in LAYERS if i.module < current]),
        ("actual", [i for i in LAYERS if i.module == current]),
        ("pendiente", [i for i in LAYERS if i.module > current]),
    ):
        if chosen:
            lines.append(f"    class {','.join('L' + i.module for i in chosen)} {state}")
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
