"""The rubric: what each criterion checks, what it is worth and where the course teaches it.

A criterion belongs to one layer of the project (the module that builds what it checks) and owns
the project's test files and source folders of that layer: the «tests y cobertura» criterion runs
every other test file and measures the coverage of every other source file, so that a layer
broken on purpose costs its own criterion and no other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from mlops_course.lessons.m17_capstone import (
    checks_build,
    checks_delivery,
    checks_docs,
    checks_infra,
    checks_observability,
)
from mlops_course.lessons.m17_capstone.base import Context

Check = Callable[[Path, Context], tuple[str, ...]]
"""A check: the project folder and its context in, the evidence of success out (lines in
Spanish); it raises
:class:`~.base.CheckFailed` with the reason when the project does not meet the criterion."""


@dataclass(frozen=True)
class Criterion:
    """One line of the rubric."""

    id: str
    module: str  # "05": the module that teaches it (and builds the layer)
    title: str
    points: int
    taught: str  # where, e.g. "módulo 05 §3 (pipeline DVC)"
    check: Check
    owns_tests: tuple[str, ...] = ()  # project test files that belong to this criterion
    owns_sources: tuple[str, ...] = ()  # folders of src/churn_project/ that belong to it
    # Reads the project's files and nothing else (no server, port, store or write in the
    # project): the checker runs it beside the others, on the second core.
    read_only: bool = False


@dataclass(frozen=True)
class Outcome:
    """How the project did on one criterion."""

    criterion: str
    module: str
    title: str
    points: int
    max_points: int
    passed: bool
    reason: str  # "" when passed
    evidence: tuple[str, ...]
    taught: str
    seconds: float


@dataclass(frozen=True)
class Report:
    """The whole rubric for one project."""

    project: str
    checked_at: str
    outcomes: tuple[Outcome, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    commit: str = ""  # the project's HEAD (short hash) when it was checked; "" without git

    @property
    def points(self) -> int:
        return sum(item.points for item in self.outcomes)

    @property
    def max_points(self) -> int:
        return sum(item.max_points for item in self.outcomes)

    def outcome(self, criterion: str) -> Outcome:
        for item in self.outcomes:
            if item.criterion == criterion:
                return item
        raise KeyError(f"No hay ningún criterio {criterion!r} en el informe.")

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(item.criterion for item in self.outcomes if not item.passed)


def _registry() -> tuple[Criterion, ...]:
    return (
        Criterion(
            "pipeline-dvc", "05", "Pipeline DVC reproducible y al día", 2,
            "módulos 05 y 06 (dvc.yaml, dvc repro, dvc status)", checks_build.pipeline,
        ),
        Criterion(
            "mlflow-registro", "07", "Entrenamiento en MLflow: métricas, parámetros, alias", 1,
            "módulo 07 (registro de modelos, alias champion y challenger)", checks_build.registry,
            owns_tests=("tests/test_tracking.py",),
            owns_sources=("tracking.py",),
        ),
        Criterion(
            "tests-cobertura", "08", "Tests del proyecto en verde y cobertura ≥ 80 %", 2,
            "módulo 08 (tests de datos, modelo y sistema; cobertura)", checks_build.tests_coverage,
        ),
        Criterion(
            "calidad-codigo", "09", "Lint, formato y tipos (ruff, mypy --strict)", 1,
            "módulos 01 y 09 (el job «calidad» del workflow)", checks_build.code_quality,
            read_only=True,
        ),
        Criterion(
            "workflow-ci", "09", "Workflows de GitHub Actions sin hallazgos", 1,
            "módulo 09 (actionlint, esquema, zizmor)", checks_delivery.workflows,
        ),
        Criterion(
            "dockerfile", "10", "Dockerfile multi-stage sin hallazgos de hadolint", 1,
            "módulo 10 (hadolint, usuario sin privilegios)", checks_delivery.dockerfile,
        ),
        Criterion(
            "api", "11", "La API responde en 127.0.0.1 (health, predict, errores)", 2,
            "módulo 11 (FastAPI con uvicorn)", checks_delivery.api,
            owns_tests=("tests/test_api.py", "tests/test_lambda_handler.py"),
            owns_sources=("api",),
        ),
        Criterion(
            "adr-despliegue", "12", "Decisión de despliegue documentada (ADR completo)", 1,
            "módulo 12 (ADR con cifras medidas)", checks_delivery.deployment_adr,
        ),
        Criterion(
            "terraform", "13", "Terraform: formato, validate y terraform test", 2,
            "módulo 13 (módulos locales, validaciones, terraform test)", checks_infra.terraform,
            owns_tests=("tests/test_infra.py",),
        ),
        Criterion(
            "kubernetes", "14", "Manifiestos K8s válidos y con la política del curso", 2,
            "módulo 14 (kubernetes-validate estricto y política)", checks_infra.kubernetes,
            owns_tests=("tests/test_k8s.py",),
            owns_sources=("k8s",),
        ),
        Criterion(
            "observabilidad", "15", "Alertas probadas con promtool y dashboard sobre /metrics", 2,
            "módulo 15 (reglas de alerta, promtool, dashboard como código)",
            checks_observability.observability,
            owns_tests=("tests/test_observability.py",),
            owns_sources=("observability",),
        ),
        Criterion(
            "docs-sitio", "16", "Sitio MkDocs estricto, sin enlaces rotos, model card al día", 2,
            "módulo 16 (mkdocs --strict, enlaces, model card)", checks_docs.docs_site,
            owns_tests=("tests/test_docs.py",),
            owns_sources=("docs",),
        ),
        Criterion(
            "demo", "17", "La demo grabable corre de principio a fin", 1,
            "módulo 17 §9 (scripts/demo.py)", checks_delivery.demo,
        ),
    )  # fmt: skip


CRITERIA: Final[tuple[Criterion, ...]] = _registry()


def criterion(criterion_id: str) -> Criterion:
    """The criterion with that id.

    Raises:
        KeyError: no criterion has it (the message lists the ids).
    """
    for item in CRITERIA:
        if item.id == criterion_id:
            return item
    known = ", ".join(item.id for item in CRITERIA)
    raise KeyError(f"Criterio {criterion_id!r} desconocido: usa uno de {known}.")


def owned_tests() -> tuple[str, ...]:
    """Every project test file some layer criterion owns."""
    return tuple(path for item in CRITERIA for path in item.owns_tests)


def owned_sources() -> tuple[str, ...]:
    """Every source folder of ``src/churn_project/`` some layer criterion owns."""
    return tuple(path for item in CRITERIA for path in item.owns_sources)
