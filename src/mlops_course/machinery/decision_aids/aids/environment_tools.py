"""Aid ``environment_tools``: venv, conda, Poetry, uv or Docker dev environments (module 03).

Rules (thresholds in ``environment_tools.yaml``):

* native/GPU dependencies or non-Python dependencies → conda or a Docker dev environment;
* a lock file → uv (``uv.lock``, multiplataforma) or Poetry (``poetry.lock``); plain venv + pip
  has no real lock (``pip freeze`` is not one);
* a team of ``containers_min_team`` or more on different operating systems → Docker dev envs
  (``team_size >= containers_min_team``);
* install speed as a priority → uv; conda and image builds are slow;
* mature tooling preferred → Poetry/venv/conda over uv (uv appeared in 2024);
* a team of at most ``solo_team_max`` with no special need → venv (it ships with Python).
"""

from __future__ import annotations

from pydantic import Field, PositiveInt, StrictBool

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.schema import AidThresholds

VENV, CONDA, POETRY, UV, DOCKER = "venv", "conda", "poetry", "uv", "docker_dev"
STRONG, FIT, WEAK = 3, 2, 1


class Inputs(AidInputs):
    """What the student tells the environment-tools aid."""

    native_deps: StrictBool = Field(description="¿Dependencias nativas o GPU (CUDA, MKL)?")
    non_python_deps: StrictBool = Field(description="¿Dependencias que no son Python?")
    needs_lock_file: StrictBool = Field(description="¿Hace falta un lock file reproducible?")
    team_size: int = Field(ge=1, description="Personas que comparten el entorno.")
    mixed_os: StrictBool = Field(description="¿El equipo usa sistemas operativos distintos?")
    speed_priority: StrictBool = Field(description="¿La velocidad de instalación es prioritaria?")
    prefers_mature_tooling: StrictBool = Field(description="¿Preferís herramientas veteranas?")


class Thresholds(AidThresholds):
    """Team sizes at which containers pay off and below which "solo" simplicity wins."""

    containers_min_team: PositiveInt
    solo_team_max: PositiveInt


def _dependencies(inputs: Inputs, board: Board) -> None:
    if inputs.native_deps:
        board.add(
            CONDA, STRONG, "conda instala binarios nativos (CUDA, MKL, compiladores) ya compilados."
        )
        board.add(DOCKER, FIT, "Una imagen fija también las librerías nativas del sistema.")
        for tool in (VENV, POETRY, UV):
            board.add(
                tool, -WEAK, "Solo instala wheels de PyPI: toolkits nativos y drivers quedan fuera."
            )
    if inputs.non_python_deps:
        board.add(CONDA, STRONG, "conda-forge empaqueta también R, GDAL y herramientas de sistema.")
        board.add(DOCKER, STRONG, "En la imagen instalas cualquier paquete del sistema (apt).")
        for tool in (VENV, POETRY, UV):
            board.add(tool, -FIT, "Solo gestiona paquetes Python: lo demás queda a mano.")


def _lock(inputs: Inputs, board: Board) -> None:
    if not inputs.needs_lock_file:
        return
    board.add(UV, STRONG, "uv.lock fija versiones y hashes para todas las plataformas.")
    board.add(POETRY, FIT, "poetry.lock fija versiones y hashes.")
    board.add(CONDA, -WEAK, "conda no genera lock por sí solo: necesitas conda-lock aparte.")
    board.add(VENV, -FIT, "pip freeze no es un lock multiplataforma con hashes.")
    board.add(
        DOCKER, 0, "La imagen congela el entorno, pero el lock lo da la herramienta de dentro."
    )


def _team(inputs: Inputs, th: Thresholds, board: Board) -> None:
    if inputs.mixed_os and inputs.team_size >= th.containers_min_team:
        board.add(
            DOCKER,
            STRONG,
            f"{inputs.team_size} personas (≥ {th.containers_min_team}) con sistemas distintos: el "
            "mismo "
            "contenedor Linux para todos.",
        )
    elif inputs.mixed_os:
        board.add(UV, WEAK, "Con sistemas distintos, uv.lock resuelve para todos a la vez.")
        board.add(POETRY, WEAK, "Con sistemas distintos, poetry.lock fija las mismas versiones.")
        board.add(DOCKER, WEAK, "Con sistemas distintos, un contenedor iguala el entorno.")
    no_special_needs = not (inputs.native_deps or inputs.non_python_deps or inputs.needs_lock_file)
    if inputs.team_size <= th.solo_team_max and no_special_needs:
        board.add(
            VENV,
            FIT,
            "Trabajas solo y sin necesidades especiales: venv viene con Python, cero instalación.",
        )


def _priorities(inputs: Inputs, board: Board) -> None:
    if inputs.speed_priority:
        board.add(
            UV, STRONG, "uv resuelve e instala mucho más rápido que pip (según su documentación)."
        )
        board.add(CONDA, -FIT, "El solver y las descargas de conda son lentos.")
        board.add(DOCKER, -FIT, "Construir la imagen añade minutos a cada cambio.")
    if inputs.prefers_mature_tooling:
        board.add(POETRY, FIT, "Poetry lleva años en producción y tiene un ecosistema maduro.")
        board.add(VENV, WEAK, "venv forma parte de la biblioteca estándar.")
        board.add(CONDA, WEAK, "conda es el estándar veterano en ciencia de datos.")
        board.add(UV, -WEAK, "uv es reciente (2024): cambia rápido entre versiones.")
        board.warn(UV, "Fija la versión de uv que usa el equipo (p. ej. en CI).")


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the five environment tools for ``inputs`` (see the module docstring)."""
    _dependencies(inputs, board)
    _lock(inputs, board)
    _team(inputs, thresholds, board)
    _priorities(inputs, board)


LOGIC = AidLogic("environment_tools", Inputs, Thresholds, score)
