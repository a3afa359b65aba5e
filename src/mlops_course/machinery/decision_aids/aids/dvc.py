"""Aid ``dvc``: "¿Cuándo NO usar DVC?" (DVC + remoto / Git LFS / Delta Lake / data lake existente).

Seed rows and how the thresholds of ``dvc.yaml`` reproduce them:

* "Datos < 100MB, equipo pequeño → Git LFS": ``data_size_mb < git_lfs_max_mb`` (strictly: exactly
  100 MB is no longer "< 100MB") and ``team_size <= small_team_max``.
* "Datos streaming → Delta Lake / Lakehouse": ``is_streaming`` dominates every other input.
* "Data Lake existente → Integrar con existente (△)": ``has_data_lake`` (unless streaming).
* "Datos > 1TB, múltiples versiones → DVC + Remote Storage": ``data_size_mb > large_data_min_mb``
  (1 TB = 1 000 000 MB, strictly greater) and ``versions_kept >= multiple_versions_min``.
* Between 100 MB and 1 TB (batch, no lake) DVC + remote storage is the natural choice.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, PositiveFloat, PositiveInt, StrictBool, model_validator

from mlops_course.machinery.decision_aids.engine import AidInputs, AidLogic, Board
from mlops_course.machinery.decision_aids.formatting import fmt_number
from mlops_course.machinery.decision_aids.schema import AidThresholds

DVC, LFS, DELTA, LAKE = "dvc_remote", "git_lfs", "delta_lake", "existing_lake"
STREAMING = 5
NOT_FOR_STREAMS = -3
LAKE_FIT = 4
DUPLICATION = -1
SMALL_DATA = 2
SMALL_TEAM = 1
BIG_FILES = -2
DESIGNED_FOR = 4
LARGE_SINGLE_VERSION = 1
MIDDLE_ZONE = 2
VERSIONS = 1
HEAVY_INFRA = -1


class Inputs(AidInputs):
    """What the student tells the DVC aid."""

    data_size_mb: float = Field(ge=0, description="Tamaño del dataset, en MB.")
    is_streaming: StrictBool = Field(description="¿Los datos llegan en streaming?")
    has_data_lake: StrictBool = Field(description="¿Hay ya un data lake en la empresa?")
    versions_kept: int = Field(ge=1, description="Versiones del dataset que se conservan.")
    team_size: int = Field(ge=1, description="Personas que trabajan con los datos.")


class Thresholds(AidThresholds):
    """Size limits, what "equipo pequeño" means and how many versions are "múltiples"."""

    git_lfs_max_mb: PositiveFloat
    large_data_min_mb: PositiveFloat
    small_team_max: PositiveInt
    multiple_versions_min: PositiveInt

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.git_lfs_max_mb >= self.large_data_min_mb:
            raise ValueError("git_lfs_max_mb debe ser menor que large_data_min_mb")
        return self


def _size_text(megabytes: float) -> str:
    if megabytes >= 1_000_000:
        return f"{fmt_number(megabytes / 1_000_000)} TB"
    if megabytes >= 1_000:
        return f"{fmt_number(megabytes / 1_000)} GB"
    return f"{fmt_number(megabytes)} MB"


def _mode(inputs: Inputs, board: Board) -> None:
    if inputs.is_streaming:
        board.add(
            DELTA,
            STREAMING,
            "Los datos llegan en streaming: un lakehouse (Delta Lake) versiona tablas que crecen.",
        )
        board.add(
            DVC, NOT_FOR_STREAMS, "DVC es para batch: versiona archivos, no flujos de eventos."
        )
        board.add(LFS, NOT_FOR_STREAMS, "Git LFS versiona archivos sueltos, no flujos de eventos.")
        board.warn(
            DVC,
            "Con datos en streaming solo podrías versionar instantáneas (snapshots) periódicas.",
        )
    if inputs.has_data_lake:
        board.add(LAKE, LAKE_FIT, "Ya hay un data lake: integrarte evita duplicar esfuerzos.")
        board.add(
            DVC,
            DUPLICATION,
            "Con un data lake existente, DVC duplicaría el versionado (△: depende).",
        )


def _size(inputs: Inputs, th: Thresholds, board: Board) -> None:
    size = _size_text(inputs.data_size_mb)
    limit, large = _size_text(th.git_lfs_max_mb), _size_text(th.large_data_min_mb)
    if inputs.data_size_mb < th.git_lfs_max_mb:
        board.add(
            LFS, SMALL_DATA, f"{size} < {limit}: Git LFS basta, sin infraestructura adicional."
        )
        if inputs.team_size <= th.small_team_max:
            board.add(
                LFS,
                SMALL_TEAM,
                f"Equipo pequeño ({inputs.team_size} ≤ {th.small_team_max}): prima la simplicidad.",
            )
    else:
        board.add(
            LFS,
            BIG_FILES,
            f"{size} ≥ {limit}: Git LFS se vuelve lento y caro (cuotas de almacenamiento y ancho "
            "de banda).",
        )
    if inputs.data_size_mb > th.large_data_min_mb:
        if inputs.versions_kept >= th.multiple_versions_min:
            board.add(
                DVC,
                DESIGNED_FOR,
                f"{size} (> {large}) con {inputs.versions_kept} versiones: para esto fue diseñado "
                "DVC + remote storage.",
            )
        else:
            board.add(
                DVC,
                LARGE_SINGLE_VERSION,
                f"{size} en una sola versión: DVC + remoto sirve, aunque versionas poco.",
            )
    elif inputs.data_size_mb >= th.git_lfs_max_mb:
        board.add(
            DVC,
            MIDDLE_ZONE,
            f"{size} en batch: zona natural de DVC con un remoto (S3, GCS, carpeta compartida).",
        )
        if inputs.versions_kept >= th.multiple_versions_min:
            board.add(
                DVC,
                VERSIONS,
                f"Conservas {inputs.versions_kept} versiones: DVC las guarda sin duplicar "
                "archivos iguales.",
            )
    if not inputs.is_streaming and inputs.data_size_mb <= th.large_data_min_mb:
        board.add(
            DELTA, HEAVY_INFRA, f"Un lakehouse es infraestructura pesada para {size} en batch."
        )


def score(inputs: Inputs, thresholds: Thresholds, board: Board) -> None:
    """Score the four data-versioning options for ``inputs`` (see the module docstring)."""
    _mode(inputs, board)
    _size(inputs, thresholds, board)


LOGIC = AidLogic("dvc", Inputs, Thresholds, score)
