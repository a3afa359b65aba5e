"""The ``mlops-course`` command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_course.machinery.cli import main


def test_check_ok_and_stale(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(demo_copy), "check"]) == 0
    assert "todo al día" in capsys.readouterr().out
    (demo_copy / "solutions" / "99_demo" / "99_demo.ipynb").write_text("{}", encoding="utf-8")
    assert main(["--root", str(demo_copy), "check", "--module", "99_demo"]) == 1
    assert "DESACTUALIZADO" in capsys.readouterr().out
    assert main(["--root", str(demo_copy), "build"]) == 0
    assert "escrito: solutions/99_demo/99_demo.ipynb" in capsys.readouterr().out


def test_errors_are_reported_in_spanish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content" / "mal").mkdir(parents=True)
    assert main(["--root", str(tmp_path), "check"]) == 2
    assert "ERROR" in capsys.readouterr().err
