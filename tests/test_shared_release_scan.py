"""The student release passes the shared leak scanner (when shared/ is beside the repo)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_shared_release_scan(repo_root: Path) -> None:
    scanner = repo_root.parent / "shared" / "tools" / "release_scan.py"
    if not scanner.is_file():
        pytest.skip("no hay ../shared/tools/release_scan.py junto al repositorio")
    proc = subprocess.run(
        [sys.executable, str(scanner), str(repo_root)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 leaks" in proc.stdout
