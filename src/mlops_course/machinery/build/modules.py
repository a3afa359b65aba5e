"""Discovery of course modules: one folder ``content/<NN_slug>/`` per nbgrader assignment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SLUG_RE = re.compile(r"^[0-9]{2}_[a-z0-9_]+$")


@dataclass(frozen=True)
class Module:
    """One course module and the paths of its hand-written files."""

    slug: str
    folder: Path

    @property
    def text_source(self) -> Path:
        """The jupytext percent source, the only file a maintainer edits."""
        return self.folder / f"{self.slug}.py"

    @property
    def mutants_file(self) -> Path:
        """Plausible wrong answers that the tests must reject."""
        return self.folder / "mutants.py"

    @property
    def ci_parameters_file(self) -> Path:
        """Papermill parameters used by CI (small data)."""
        return self.folder / "ci_parameters.yaml"

    @property
    def notebook_name(self) -> str:
        """File name of the notebook in every generated folder."""
        return f"{self.slug}.ipynb"

    def ci_parameters(self) -> dict[str, Any]:
        """Return the CI parameters (empty when the module has none).

        Raises:
            ValueError: if the file is not a YAML mapping with string keys.
        """
        path = self.ci_parameters_file
        if not path.is_file():
            return {}
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data is None:
            return {}
        if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
            raise ValueError(f"{path}: debe ser un mapeo YAML nombre → valor de parámetros.")
        return data


def discover_modules(content_dir: Path, only: list[str] | None = None) -> list[Module]:
    """List the modules under ``content_dir`` in order, optionally restricted to ``only``.

    Raises:
        ValueError: if a folder is misnamed, lacks its text source, or ``only`` names no module.
    """
    modules: list[Module] = []
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        if folder.name.startswith((".", "_")):
            continue
        if not SLUG_RE.match(folder.name):
            raise ValueError(
                f"{folder}: el nombre de la carpeta debe tener la forma NN_slug (p. ej. 00_indice)."
            )
        module = Module(folder.name, folder)
        if not module.text_source.is_file():
            raise ValueError(f"{folder}: falta la fuente de texto {module.text_source.name}.")
        modules.append(module)
    if only:
        unknown = sorted(set(only) - {m.slug for m in modules})
        if unknown:
            raise ValueError(f"Módulos desconocidos: {', '.join(unknown)}.")
        modules = [m for m in modules if m.slug in only]
    return modules
