"""A project name and the forms it takes in each template, validated against the real grammars.

One name (``fraude-pagos``) ends up in several places, each with its own rules:

* the **project** (distribution and repository name): PEP 503 normalisation — lower case, every
  run of ``-``, ``_`` and ``.`` becomes one ``-`` (the form ``packaging.utils.canonicalize_name``
  returns);
* the **package** (``import fraude_pagos``): the project with ``_`` for ``-``; it must be a Python
  identifier and not a keyword (so it cannot start with a digit);
* the **service** (Docker image repository, Kubernetes Deployment/Service name): the project
  without a ``-project`` suffix plus ``-api``; a Kubernetes name is a DNS-1123 label (at most 63
  characters of ``[a-z0-9-]``, starting and ending with a letter or digit), which is also a valid
  path component of a Docker reference.

The churn project's files use ``churn-project``, ``churn_project`` and ``churn-api``: those are the
:data:`REFERENCE` forms that :mod:`.registry` replaces.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Final

DNS1123_LABEL: Final = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
MAX_LABEL: Final = 63
_SEPARATORS: Final = re.compile(r"[-_.]+")


@dataclass(frozen=True)
class NameForms:
    """The forms of one project name: repository/distribution, Python package and service."""

    project: str
    package: str
    service: str


REFERENCE: Final = NameForms("churn-project", "churn_project", "churn-api")


def name_forms(name: str) -> NameForms:
    """The validated forms of ``name`` (see the module docstring for each rule).

    Raises:
        TypeError: ``name`` is not a string.
        ValueError: in Spanish, naming the rule that the name breaks.
    """
    if not isinstance(name, str):
        raise TypeError(f"El nombre del proyecto debe ser un texto, no {type(name).__name__}.")
    project = _SEPARATORS.sub("-", name.strip().lower())
    if not project:
        raise ValueError("El nombre del proyecto está vacío.")
    if not DNS1123_LABEL.match(project):
        raise ValueError(
            f"«{name}» no sirve como nombre de proyecto: usa solo letras a-z, dígitos y guiones, "
            "y empieza y termina con una letra o un dígito (etiqueta DNS-1123)."
        )
    package = project.replace("-", "_")
    if not package.isidentifier() or keyword.iskeyword(package):
        raise ValueError(
            f"«{package}» no es un nombre de paquete de Python válido: no puede empezar con un "
            "dígito ni ser una palabra reservada."
        )
    service = f"{project.removesuffix('-project')}-api"
    if len(service) > MAX_LABEL:
        raise ValueError(
            f"El nombre del servicio «{service}» tiene {len(service)} caracteres: Kubernetes "
            f"acepta como máximo {MAX_LABEL} (etiqueta DNS-1123). Acorta el nombre del proyecto."
        )
    return NameForms(project, package, service)
