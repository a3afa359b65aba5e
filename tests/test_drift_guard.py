"""The dependency drift guard's pure parts: pins read from pyproject, culprits found in a
traceback, the report in Spanish (the guard itself needs the network: audit tier)."""

from __future__ import annotations

import sys
from pathlib import Path

from mlops_course.machinery.verify.drift import (
    DriftReport,
    _requirement_names,
    culprits,
    format_drift,
    installed_versions,
    pinned_requirements,
)

PYPROJECT = """\
[project]
name = "x"
dependencies = [
    "Scikit_Learn==1.9.1",
    "validate-pyproject[all]==0.27",
    "jinja2>=3",
]
"""


def test_pins_and_names_come_from_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(PYPROJECT, encoding="utf-8")
    assert pinned_requirements(path) == {
        "scikit-learn": "1.9.1",
        "validate-pyproject": "0.27",
        "jinja2": "",
    }
    assert _requirement_names(path) == ["Scikit_Learn", "validate-pyproject[all]", "jinja2"]


def test_the_course_pins_every_runtime_dependency(repo_root: Path) -> None:
    pins = pinned_requirements(repo_root / "pyproject.toml")
    assert pins and all(pins.values()), [name for name, version in pins.items() if not version]


def test_culprits_are_upgraded_packages_in_the_traceback_in_order() -> None:
    text = (
        "File /v/lib/python3.11/site-packages/pandas/core/frame.py, line 1\n"
        "File /v/lib/python3.11/site-packages/scikit_learn/base.py, line 2\n"
        "File /v/lib/python3.11/site-packages/pandas/io/x.py, line 3\n"
        "File /v/lib/python3.11/site-packages/numpy/core.py, line 4\n"
    )
    upgrades = {"pandas": ("2.0", "3.0"), "scikit-learn": ("1.8", "1.9")}
    assert culprits(text, upgrades) == ["pandas", "scikit-learn"]
    assert culprits("sin rutas", upgrades) == []


def test_the_report_says_what_moved_and_what_broke() -> None:
    report = DriftReport(
        upgrades={"pandas": ("2.0", "3.0")},
        failures={"05_ingenieria_datos": ("KeyError: 'x'", ["pandas"])},
        passed=["00_indice"],
    )
    text = format_drift(report)
    assert "pandas: 2.0 → 3.0" in text and "00_indice" in text and "ok" in text
    assert "FALLA  KeyError: 'x'" in text and "sospechosas: pandas" in text
    quiet = format_drift(DriftReport(failures={"01": ("boom", [])}))
    assert "ninguna: cada dependencia" in quiet and "ninguna en la traza" in quiet
    broken = format_drift(DriftReport(install_error="sin red"))
    assert broken.startswith("no se pudo crear el entorno") and "sin red" in broken


def test_installed_versions_of_this_environment() -> None:
    found = installed_versions(Path(sys.executable))
    assert found.get("pytest")
