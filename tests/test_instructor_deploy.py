"""The documented cluster set-ups are checked by real tools: Kubernetes manifests against the
pinned schema (strict, warnings fail), the SLURM configuration through dask-jobqueue itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlops_course.machinery.cli import main
from mlops_course.machinery.instructor.slurm import slurm_settings

REPO = Path(__file__).resolve().parents[1]
KUBERNETES = REPO / "deploy" / "dask" / "kubernetes"
SLURM = REPO / "deploy" / "dask" / "slurm" / "jobqueue.yaml"
BIN = Path(sys.executable).parent


def test_the_dask_manifests_pass_strict_validation_without_warnings() -> None:
    manifests = sorted(KUBERNETES.glob("*.yaml"))
    assert [m.name for m in manifests] == ["scheduler.yaml", "workers.yaml"]
    done = subprocess.run(
        [str(BIN / "kubernetes-validate"), "--strict", "-k", "1.37.0", *map(str, manifests)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARN" not in done.stdout + done.stderr
    assert done.stdout.count("passed") == 3  # scheduler Deployment + Service, workers


def test_a_broken_manifest_is_rejected(tmp_path: Path) -> None:
    text = (KUBERNETES / "workers.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "workers.yaml"
    bad.write_text(text.replace("hostUsers: false", "hostUser: false"), encoding="utf-8")
    done = subprocess.run(
        [str(BIN / "kubernetes-validate"), "--strict", "-k", "1.37.0", str(bad)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode != 0 and "hostUser" in done.stdout + done.stderr


def test_the_slurm_job_script_runs_one_notebook_per_worker(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--root", str(REPO), "dask-slurm", "--print-script", "--host", "127.0.0.1"])
    script = capsys.readouterr().out
    assert code == 0, script
    assert "#SBATCH --cpus-per-task=4" in script and "#SBATCH --mem=12G" in script
    assert "#SBATCH -t 02:00:00" in script
    assert "source $HOME/mlops-guia/.venv/bin/activate" in script
    worker = next(line for line in script.splitlines() if "dask_worker" in line)
    assert worker.startswith("python3 -m distributed.cli.dask_worker tcp://127.0.0.1:")
    assert "--nthreads 1" in worker and "--nworkers 4" in worker


def test_a_slurm_file_without_its_section_is_a_clear_error(tmp_path: Path) -> None:
    wrong = tmp_path / "jobqueue.yaml"
    wrong.write_text("jobqueue:\n  pbs: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no tiene la sección jobqueue\.slurm"):
        slurm_settings(wrong)
    with pytest.raises(ValueError, match="no pude leer"):
        slurm_settings(tmp_path / "falta.yaml")
