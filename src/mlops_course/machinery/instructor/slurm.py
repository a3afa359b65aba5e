"""Dask workers on a SLURM cluster through dask-jobqueue, configured by a file in the repository.

``deploy/dask/slurm/jobqueue.yaml`` holds the site's settings (cores, memory, walltime, the
prologue that activates the course environment on the nodes). :func:`slurm_cluster` starts the
scheduler on this machine (a login node) and submits ``jobs`` SLURM jobs of workers; ``make grade
… CLUSTER=<address>`` then grades on them from another terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DEFAULT_CONFIG = Path("deploy") / "dask" / "slurm" / "jobqueue.yaml"


def slurm_settings(config: Path) -> dict[str, Any]:
    """The ``jobqueue.slurm`` settings of ``config`` as dask configuration keys.

    Raises:
        ValueError: if the file is missing or has no ``jobqueue.slurm`` mapping (Spanish).
    """
    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"no pude leer la configuración de SLURM {config}: {error}") from error
    settings = (data or {}).get("jobqueue", {}).get("slurm") if isinstance(data, dict) else None
    if not isinstance(settings, dict):
        raise ValueError(f"{config} no tiene la sección jobqueue.slurm (vea deploy/dask/slurm/)")
    return {f"jobqueue.slurm.{key}": value for key, value in settings.items()}


def slurm_cluster(config: Path, jobs: int = 0, host: str | None = None) -> Any:
    """A ``dask_jobqueue.SLURMCluster`` from ``config`` with ``jobs`` jobs submitted.

    ``host`` is the address the workers reach the scheduler at (the login node's); the
    scheduler listens there. Submitting needs ``sbatch`` on this machine.
    """
    import dask
    from dask_jobqueue.slurm import SLURMCluster

    # Set for the life of this process, not a block: the cluster reads them again to close.
    dask.config.set(slurm_settings(config))
    options = {"host": host} if host else {}
    cluster: Any = SLURMCluster(scheduler_options=options)
    if jobs:
        cluster.scale(jobs=jobs)
    return cluster
