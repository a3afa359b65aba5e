"""The course's templates, derived from the churn project's layers: never a second copy.

Every template but one points at files of the reference project (``churn_project/layers/NN/``):
the effective version of a path is the one of the **last** layer that ships it (layer 10's
``ci.yml`` replaces layer 09's), exactly as the checkpoints build the project. Rendering a
template for another project replaces the three reference names of :data:`.names.REFERENCE`
(``churn-project``, ``churn_project``, ``churn-api``) by that project's forms, in the file paths
and in the text; nothing else changes, so a fix in a layer is a fix in its template.

The ADR template has no layer file: it is built from the course's ADR format definition, the four
sections of :data:`mlops_course.lessons.r19_adrs.sections.SECTIONS`, and rendered with jinja2
(``StrictUndefined``).

Coverage rule (documented in ``docs/authoring.md``): every effective project file whose path
matches one of :data:`KNOWN_KINDS` must belong to a template or to :data:`NOT_TEMPLATES` (with the
reason). ``tests/test_21_templates.py`` fails when a layer adds such a file and nobody decides.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.abc import Traversable
from typing import Final, Literal

from jinja2 import Environment, StrictUndefined

from mlops_course.lessons.churn_project.checkpoint import reference_files
from mlops_course.lessons.churn_project.layers import LAYERS, layer_files
from mlops_course.lessons.r19_adrs.sections import SECTIONS
from mlops_course.lessons.r21_templates.names import REFERENCE, NameForms

Tool = Literal[
    "actionlint",
    "hadolint",
    "validate-pyproject",
    "dvc",
    "kubernetes-validate",
    "terraform validate",
    "model card",
    "ADR",
    "pre-commit",
    "make -n",
]


@dataclass(frozen=True)
class Template:
    """One template: what it is for, which module teaches it, which real tool checks it."""

    key: str
    title: str
    module: str  # the module that teaches it ("09")
    tool: Tool
    purpose: str  # one sentence, in Spanish
    files: tuple[str, ...]  # project paths (reference names); empty for the ADR


TEMPLATES: Final[tuple[Template, ...]] = (
    Template(
        "workflow-ci",
        "Workflow de CI (GitHub Actions)",
        "09",
        "actionlint",
        "lint, tipos, tests, pipeline y la imagen en cada push y pull request",
        (".github/workflows/ci.yml",),
    ),
    Template(
        "workflow-metricas",
        "Workflow de métricas del PR",
        "09",
        "actionlint",
        "publicar las métricas del modelo en cada pull request con permisos mínimos",
        (".github/workflows/metricas-pr.yml",),
    ),
    Template(
        "dockerfile",
        "Dockerfile multi-stage",
        "10",
        "hadolint",
        "la imagen del servicio: base fijada por digest, usuario sin privilegios, healthcheck",
        ("Dockerfile",),
    ),
    Template(
        "pyproject",
        "pyproject.toml",
        "03",
        "validate-pyproject",
        "el paquete del proyecto: metadatos, dependencias acotadas y configuración de herramientas",
        ("pyproject.toml",),
    ),
    Template(
        "dvc-pipeline",
        "Pipeline de DVC (dvc.yaml)",
        "05",
        "dvc",
        "las etapas reproducibles prepare → validate → train con sus dependencias y salidas",
        ("dvc.yaml",),
    ),
    Template(
        "k8s-base",
        "Manifiestos de Kubernetes (base)",
        "14",
        "kubernetes-validate",
        "Deployment, Service, HPA, PDB, Ingress, NetworkPolicy, ConfigMap y Secret del servicio",
        (
            "k8s/base/configmap.yaml",
            "k8s/base/deployment.yaml",
            "k8s/base/hpa.yaml",
            "k8s/base/ingress.yaml",
            "k8s/base/networkpolicy.yaml",
            "k8s/base/pdb.yaml",
            "k8s/base/secret.yaml",
            "k8s/base/service.yaml",
        ),
    ),
    Template(
        "terraform-bucket",
        "Módulo de Terraform (bucket)",
        "13",
        "terraform validate",
        "un módulo reutilizable con entradas validadas, salidas y su terraform test",
        (
            "infra/modules/bucket/main.tf",
            "infra/modules/bucket/outputs.tf",
            "infra/modules/bucket/variables.tf",
            "infra/modules/bucket/tests/bucket.tftest.hcl",
        ),
    ),
    Template(
        "model-card",
        "Plantilla de model card",
        "16",
        "model card",
        "la ficha del modelo (Mitchell et al., 2019) generada desde el registro de MLflow",
        ("src/churn_project/docs/templates/model-card.md.j2",),
    ),
    Template(
        "makefile",
        "Makefile del proyecto",
        "17",
        "make -n",
        "las órdenes del proyecto en un solo lugar (setup, repro, test, lint, serve, demo, docs)",
        ("Makefile",),
    ),
    Template(
        "pre-commit",
        "Configuración de pre-commit",
        "04",
        "pre-commit",
        "hooks locales sin red: sin datos en git, ruff, detect-secrets y Conventional Commits",
        (".pre-commit-config.yaml",),
    ),
    Template(
        "adr",
        "ADR (registro de decisión)",
        "00",
        "ADR",
        "una decisión con CONTEXTO, DECISIÓN, CONSECUENCIAS y ALTERNATIVAS RECHAZADAS",
        (),
    ),
)

# Paths of the project that are "a file of a known kind": a layer adding one must decide.
KNOWN_KINDS: Final[Mapping[str, str]] = {
    ".github/workflows/*": "workflow de GitHub Actions",
    "*Dockerfile": "Dockerfile",
    "*pyproject.toml": "pyproject.toml",
    "*dvc.yaml": "pipeline de DVC",
    "k8s/*.yaml": "manifiesto de Kubernetes",
    "*.tf": "configuración de Terraform",
    "*.tftest.hcl": "test de Terraform",
    "*.j2": "plantilla jinja2",
    "*Makefile": "Makefile",
    "*.pre-commit-config.yaml": "configuración de pre-commit",
    "docs/adr/*.md": "ADR del proyecto",
}

# Files of a known kind that are NOT templates, with the reason (glob → reason).
NOT_TEMPLATES: Final[Mapping[str, str]] = {
    "k8s/overlays/*": "parches de kustomize por entorno: dependen de la base y de cada equipo",
    "k8s/base/kustomization.yaml": "índice de kustomize, no un recurso de Kubernetes",
    "infra/*.tf": "la raíz de la infraestructura del proyecto de churn: la decide cada equipo",
    "infra/tests/*": "el test de la raíz de la infraestructura de churn",
    "infra/aws_equivalente/*": "la traducción a AWS que el módulo 13 solo lee, no aplica",
    "infra/history/*": "la versión 1 que el módulo 13 usa para enseñar refactors",
    "infra/modules/network/*": "módulo de ejemplo del módulo 13, sin entradas validadas",
    "infra/modules/registry/*": "módulo de ejemplo del módulo 13, sin entradas validadas",
    "infra/modules/service/*": "módulo de ejemplo del módulo 13, sin entradas validadas",
    "src/churn_project/docs/templates/datasheet.md.j2": "describe los datos de churn",
    "src/churn_project/docs/templates/fairness.md.j2": "umbrales de equidad del ADR de churn",
    "docs/adr/*": "decisiones ya tomadas por el proyecto de churn (instancias, no plantillas)",
}

_REFERENCE_NAMES: Final = re.compile(
    r"(?<![A-Za-z0-9_])churn(?P<suffix>-project|_project|-api)(?![A-Za-z0-9_])"
)


def project_files() -> dict[str, str]:
    """Every file of the finished reference project → the layer ("05" … "17") that ships it.

    Later layers overwrite earlier ones; a layer's ``removes`` drop a path, as in the checkpoints.
    """
    owner: dict[str, str] = {}
    for item in LAYERS:
        for removed in item.removes:
            owner.pop(removed, None)
        folder = layer_files(item.module)
        if folder is not None:
            owner.update(dict.fromkeys(reference_files(folder), item.module))
    return owner


def _source(path: str, owners: Mapping[str, str]) -> Traversable:
    module = owners.get(path)
    folder = layer_files(module) if module else None
    if folder is None:
        raise LookupError(f"Ninguna capa del proyecto de churn tiene {path}.")
    entry: Traversable = folder
    for part in path.split("/"):
        entry = entry.joinpath(part)
    return entry


def source_layers(template: Template) -> dict[str, str]:
    """Each file of ``template`` → the layer its text comes from."""
    owners = project_files()
    return {path: owners[path] for path in template.files if path in owners}


def by_key(key: str) -> Template:
    """The template called ``key``.

    Raises:
        KeyError: in Spanish, listing the keys that exist.
    """
    for template in TEMPLATES:
        if template.key == key:
            return template
    known = ", ".join(item.key for item in TEMPLATES)
    raise KeyError(f"No hay ninguna plantilla {key!r}; las que existen: {known}.")


def substitute(text: str, forms: NameForms) -> str:
    """``text`` with the reference project's three names replaced by ``forms``."""
    replacement = {
        "-project": forms.project,
        "_project": forms.package,
        "-api": forms.service,
    }
    return _REFERENCE_NAMES.sub(lambda match: replacement[match["suffix"]], text)


ADR_TEMPLATE: Final = (
    "# {{ adr_id }}: {{ title }}\n\n"
    "- **Estado:** Propuesto\n"
    "- **Proyecto:** `{{ project }}`\n\n"
    + "\n".join(f"{name}:\n{{{{ sections[{name!r}] }}}}\n" for name in SECTIONS)
)


def adr_placeholders() -> dict[str, str]:
    """What the ADR template asks for in each section (a guiding question, in Spanish)."""
    questions = (
        "¿Qué problema hay, con qué cifras y restricciones?",
        "¿Qué se decidió, en una frase verificable?",
        "(+) lo que se gana · (-) lo que se paga, con números",
        "- Opción: por qué no",
    )
    return dict(zip(SECTIONS, questions, strict=True))


def render_adr(
    forms: NameForms, title: str = "Título de la decisión", adr_id: str = "ADR-0001"
) -> str:
    """The ADR skeleton for a project, from the course's ADR format (jinja2, StrictUndefined)."""
    environment = Environment(
        undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    return environment.from_string(ADR_TEMPLATE).render(
        adr_id=adr_id, title=title, project=forms.project, sections=adr_placeholders()
    )


def render(template: Template, forms: NameForms = REFERENCE) -> dict[str, str]:
    """The files of ``template`` for a project: path (with its names) → text.

    Raises:
        LookupError: a file the template lists is in no layer (the registry is out of date).
    """
    if template.tool == "ADR":
        return {"docs/adr/0001-decision.md": render_adr(forms)}
    owners = project_files()
    return {
        substitute(path, forms): substitute(
            _source(path, owners).read_text(encoding="utf-8"), forms
        )
        for path in template.files
    }


def kind_of(path: str) -> str | None:
    """The known kind of a project path (see :data:`KNOWN_KINDS`), or ``None``."""
    for pattern, kind in KNOWN_KINDS.items():
        if fnmatch.fnmatch(path, pattern):
            return kind
    return None


def uncovered_files() -> list[str]:
    """Project files of a known kind that are neither in a template nor in :data:`NOT_TEMPLATES`."""
    listed = {path for template in TEMPLATES for path in template.files}
    return sorted(
        path
        for path in project_files()
        if kind_of(path) is not None
        and path not in listed
        and not any(fnmatch.fnmatch(path, pattern) for pattern in NOT_TEMPLATES)
    )
