"""What the course's helpers read about the machine they run on."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.machinery import procenv


def test_the_memory_limit_is_the_containers_when_it_has_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    physical = procenv.memory_limit_mb()
    assert physical > 0
    v2, v1 = tmp_path / "memory.max", tmp_path / "memory.limit_in_bytes"
    monkeypatch.setattr(procenv, "CGROUP_LIMITS", (v2, v1))
    assert procenv.memory_limit_mb() == physical  # neither file: the machine's memory
    v2.write_text("max\n", encoding="ascii")
    assert procenv.memory_limit_mb() == physical  # v2 without a limit
    v2.write_text(f"{2 * 2**30}\n", encoding="ascii")
    assert procenv.memory_limit_mb() == 2048  # Binder's 2 GB
    v2.unlink()
    v1.write_text(f"{2**63 - 4096}\n", encoding="ascii")  # v1's "no limit"
    assert procenv.memory_limit_mb() == physical
    v1.write_text(f"{1536 * 2**20}\n", encoding="ascii")
    assert procenv.memory_limit_mb() == 1536
