"""The layers of the churn project, one per module 05-17: the single definition of the spine.

Every module from 05 on adds one layer to the student's ``workspace/churn-project/``. This table
feeds the project map shown at the top of each module (:mod:`.projectmap`) and the reference
checkpoints (:mod:`.checkpoint`): the files of layer ``NN`` live in the package folder
``layers/NN/`` and overwrite those of earlier layers with the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from typing import Final


@dataclass(frozen=True)
class Layer:
    """What one module adds to the project."""

    module: str  # "05"
    title: str  # short label for the map, in Spanish
    adds: str  # one sentence: what the student's project gains, in Spanish
    removes: tuple[str, ...] = ()  # project paths an earlier layer had and this one drops
    generates: tuple[str, ...] = ()
    """Project modules run as ``python -m <module>`` after ``dvc repro`` when a checkpoint with
    this layer is built: what the module's notebook generates into tracked files (module 16's
    model card, datasheet and fairness page come from the real MLflow run, not placeholders)."""


LAYERS: Final[tuple[Layer, ...]] = (
    Layer(
        "05",
        "Datos versionados",
        "DVC con remoto, el pipeline prepare → validate → featurize "
        "→ train y el contrato de datos pandera",
    ),
    Layer(
        "06",
        "Pipeline sklearn",
        "el pipeline de scikit-learn como etapa train, con umbral ajustado al costo de cada error",
        removes=("src/churn_project/stages/featurize.py",),
    ),
    Layer(
        "07",
        "Tracking MLflow",
        "cada entrenamiento registrado en MLflow y el modelo campeón con alias",
    ),
    Layer(
        "08",
        "Tests",
        "la suite de datos, modelo y sistema (cobertura ≥ 80 %) y la puerta de regresión",
    ),
    Layer("09", "CI", "el workflow de GitHub Actions que ejecuta lint, tipos, tests y pipeline"),
    Layer("10", "Docker", "la imagen multi-stage del servicio"),
    Layer("11", "API", "la API FastAPI que sirve el modelo campeón"),
    Layer("12", "Despliegue", "la decisión de despliegue documentada con cifras medidas"),
    Layer("13", "Terraform", "la infraestructura como código, por entorno"),
    Layer("14", "Kubernetes", "los manifiestos del servicio validados"),
    Layer("15", "Observabilidad", "logs, métricas, trazas, alertas y detección de drift"),
    Layer(
        "16",
        "Documentación",
        "el sitio MkDocs, la model card y el análisis de equidad",
        generates=("churn_project.docs",),
    ),
    Layer("17", "Integrador", "el verificador que ejecuta cada entregable del proyecto"),
)

PROJECT_DIR: Final = "churn-project"


def layer(module: str) -> Layer:
    """The layer of ``module`` (``"06"`` or ``"06_pipelines_avanzados"``).

    Raises:
        ValueError: if no layer belongs to that module (modules 00-04 build no layer).
    """
    number = str(module)[:2]
    for candidate in LAYERS:
        if candidate.module == number:
            return candidate
    known = ", ".join(item.module for item in LAYERS)
    raise ValueError(
        f"El módulo {module!r} no añade ninguna capa al proyecto de churn (capas: {known})."
    )


def layer_files(module: str) -> Traversable | None:
    """The package folder with the reference files of ``module``'s layer, if it has one yet."""
    folder = resources.files("mlops_course.lessons.churn_project").joinpath("layers", module)
    return folder if folder.is_dir() else None


def layers_up_to(module: str) -> tuple[Layer, ...]:
    """Layers 05 … ``module``, in order."""
    last = layer(module).module
    return tuple(item for item in LAYERS if item.module <= last)
