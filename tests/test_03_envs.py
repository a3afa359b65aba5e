"""Unit tests for mlops_course.lessons.m03_envs (module 03: environments)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from mlops_course.lessons.m03_envs import (
    FINDING_KINDS,
    LOCAL_PACKAGES,
    build_local_index,
    build_wheel,
    find_uv,
    findings_markdown,
    has_bounds,
    installed_closure,
    pinned_lines,
    policy_violations,
    wheel_info,
)

GOOD = {
    "project": {
        "name": "churn-model",
        "requires-python": ">=3.11,<3.14",
        "dependencies": ["pandas>=2.2,<4", "numpy~=2.0", "scikit-learn==1.*"],
        "optional-dependencies": {"dev": ["pytest>=8,<10", "ruff>=0.5,<1"]},
    }
}


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (">=1", (True, False)),
        ("<2", (False, True)),
        ("~=1.4", (True, True)),
        ("==1.*", (True, True)),
        ("!=1.2", (False, False)),
        ("", (False, False)),
        (">1,<=2", (True, True)),
    ],
)
def test_has_bounds(spec: str, expected: tuple[bool, bool]) -> None:
    assert has_bounds(SpecifierSet(spec)) == expected


def test_policy_accepts_a_compliant_project() -> None:
    assert (
        policy_violations(GOOD, required=["Scikit_Learn", "pandas"], required_dev=["pytest"]) == []
    )


def test_policy_reports_each_broken_rule() -> None:
    bad = {
        "project": {
            "requires-python": ">=3.11",
            "dependencies": ["pandas>=2", "numpy==2.4.6", "numpy<3", "x @ https://e.org/x.whl", 3],
            "optional-dependencies": {"docs": ["mkdocs"], "dev": ["pytest>>8"]},
        }
    }
    problems = policy_violations(bad, required=["scikit-learn"], required_dev=["ruff"])
    text = "\n".join(problems)
    assert "requires-python" in text
    assert "pandas (>=2) no tiene cota superior" in text
    assert "numpy está fijado con ==" in text
    assert "numpy aparece más de una vez" in text
    assert "numpy (<3) no tiene cota inferior" in text
    assert "URL directa" in text
    assert "3 no es una cadena" in text
    assert "mkdocs (sin versión) no tiene cota inferior" in text
    assert "no es un requisito PEP 508 válido" in text
    assert "project.dependencies: falta scikit-learn." in problems
    assert "project.optional-dependencies.dev: falta ruff." in problems


def test_policy_structure_errors() -> None:
    with pytest.raises(TypeError, match="tomllib"):
        policy_violations("[project]")  # type: ignore[arg-type]
    assert policy_violations({}) == ["Falta la tabla [project] (PEP 621)."]
    assert any("requires-python falta" in p for p in policy_violations({"project": {}}))
    invalid_python = policy_violations({"project": {"requires-python": "3.11"}})
    assert any("no es válido" in p for p in invalid_python)
    not_list = policy_violations({"project": {"requires-python": ">=3.11,<4", "dependencies": "x"}})
    assert not_list == ["project.dependencies debe ser una lista de cadenas PEP 508."]
    extras = {"project": {"requires-python": ">=3.11,<4", "optional-dependencies": ["x"]}}
    assert policy_violations(extras) == [
        "project.optional-dependencies debe ser una tabla de listas."
    ]
    no_dev = {"project": {"requires-python": ">=3.11,<4"}}
    assert policy_violations(no_dev, required_dev=["pytest"]) == [
        "Falta el extra 'dev' en [project.optional-dependencies]."
    ]


def test_installed_closure_follows_metadata() -> None:
    closure = installed_closure(["pandas>=2", "scikit-learn"])
    assert closure["pandas"] == metadata.version("pandas")
    assert closure["numpy"] == metadata.version("numpy")  # pulled in by both
    assert "scipy" in closure  # only through scikit-learn
    assert list(closure) == sorted(closure)
    assert pinned_lines(closure)[0] == f"{next(iter(closure))}=={next(iter(closure.values()))}"


def test_installed_closure_markers_and_extras() -> None:
    assert installed_closure(['pandas; python_version < "3.0"']) == {}
    with_extra = installed_closure(["validate-pyproject[all]"])
    assert "trove-classifiers" in with_extra
    assert "trove-classifiers" not in installed_closure(["validate-pyproject"])


def test_installed_closure_errors() -> None:
    with pytest.raises(TypeError, match="lista"):
        installed_closure("pandas")
    with pytest.raises(ValueError, match="PEP 508"):
        installed_closure(["pandas>>2"])
    with pytest.raises(ValueError, match="no está instalado"):
        installed_closure(["surely-not-installed-pkg-xyz"])
    with pytest.raises(ValueError, match="el requisito pide"):
        installed_closure(["pandas<1"])


def test_wheel_info_native_and_pure() -> None:
    numpy = wheel_info("numpy")
    assert not numpy.pure and numpy.compatible_here
    assert all(tag.startswith("cp3") for tag in numpy.tags)
    pure = wheel_info("packaging")
    assert (
        pure.pure and "py3-none-any" in pure.tags and pure.version == metadata.version("packaging")
    )
    with pytest.raises(ValueError, match="no está instalado"):
        wheel_info("surely-not-installed-pkg-xyz")


def test_wheel_info_without_wheel_file(monkeypatch: pytest.MonkeyPatch) -> None:
    dist = metadata.distribution("packaging")
    monkeypatch.setattr(type(dist), "read_text", lambda self, name: None)
    with pytest.raises(ValueError, match="WHEEL"):
        wheel_info("packaging")


def test_findings_markdown() -> None:
    findings = [
        {"line": 2, "kind": "sin_fijar", "package": "pandas", "message": "pandas >=2 | sin techo"},
        {"line": 3, "kind": "invalida", "package": None, "message": "línea\nrota"},
    ]
    text = findings_markdown(findings, "req.txt")
    assert text.startswith("# Auditoría de `req.txt`")
    assert "2 hallazgos (invalida: 1, sin_fijar: 1)." in text
    assert "| 2 | sin_fijar | pandas | pandas >=2 \\| sin techo |" in text
    assert "| 3 | invalida | — | línea rota |" in text
    assert "Sin hallazgos" in findings_markdown([])
    assert FINDING_KINDS[0] == "invalida"


@pytest.mark.parametrize(
    "bad",
    [
        {"line": 1, "kind": "sin_fijar", "package": "x"},
        {"line": 1, "kind": "raro", "package": "x", "message": "m"},
        "pandas",
    ],
)
def test_findings_markdown_rejects_bad_findings(bad: object) -> None:
    with pytest.raises(ValueError, match="hallazgo"):
        findings_markdown([bad])


def test_build_wheel_is_deterministic_and_installable_metadata(tmp_path: Path) -> None:
    first = build_wheel(tmp_path / "a", "churn-features", "1.2.0", ("bank-io>=1,<2",))
    second = build_wheel(tmp_path / "b", "churn-features", "1.2.0", ("bank-io>=1,<2",))
    assert first.name == "churn_features-1.2.0-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()  # same bytes, same sha256 on every run
    changed = build_wheel(tmp_path / "c", "churn-features", "1.2.0", body="# otro\n")
    assert changed.read_bytes() != first.read_bytes()
    with zipfile.ZipFile(first) as archive:
        meta = archive.read("churn_features-1.2.0.dist-info/METADATA").decode()
        record = archive.read("churn_features-1.2.0.dist-info/RECORD").decode()
        init = archive.read("churn_features/__init__.py").decode()
    assert "Name: churn-features\nVersion: 1.2.0\nRequires-Dist: bank-io>=1,<2" in meta
    assert "churn_features/__init__.py,sha256=" in record
    assert init.startswith('__version__ = "1.2.0"')


def test_local_index_pages_carry_sha256(tmp_path: Path) -> None:
    url = build_local_index(tmp_path / "idx")
    assert url == (tmp_path / "idx" / "simple").resolve().as_uri()
    wheels = sorted((tmp_path / "idx" / "wheels").glob("*.whl"))
    assert len(wheels) == sum(len(releases) for releases in LOCAL_PACKAGES.values())
    page = (tmp_path / "idx" / "simple" / "bank-io" / "index.html").read_text(encoding="utf-8")
    wheel = tmp_path / "idx" / "wheels" / "bank_io-1.1.0-py3-none-any.whl"
    assert (
        f"{wheel.resolve().as_uri()}#sha256={hashlib.sha256(wheel.read_bytes()).hexdigest()}"
        in page
    )
    root = (tmp_path / "idx" / "simple" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}/"' in root for name in LOCAL_PACKAGES)


def test_uv_locks_and_syncs_offline_against_the_local_index(tmp_path: Path) -> None:
    url = build_local_index(tmp_path / "idx")
    project = tmp_path / "svc"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[project]\nname = "svc"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n'
        'dependencies = ["churn-features>=1.0,<2"]\n',
        encoding="utf-8",
    )
    env = {"PATH": "/usr/bin:/bin", "UV_CACHE_DIR": str(project / ".uv-cache")}
    options = ["--offline", "--no-config", "--index-url", url, "--python", sys.executable]
    subprocess.run([find_uv(), "lock", *options], cwd=project, env=env, check=True)
    lock = (project / "uv.lock").read_text(encoding="utf-8")
    assert 'name = "churn-features"\nversion = "1.2.0"' in lock
    assert lock.count('hash = "sha256:') == 2  # churn-features and bank-io
    env["UV_PROJECT_ENVIRONMENT"] = str(tmp_path / "env")
    subprocess.run([find_uv(), "sync", "--frozen", *options], cwd=project, env=env, check=True)
    assert list((tmp_path / "env").glob("lib/python*/site-packages/churn_features-1.2.0.dist-info"))


def test_find_uv_falls_back_to_path_and_explains_when_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Path(find_uv()).is_file()
    monkeypatch.setitem(sys.modules, "uv", None)  # the Python package is not installed
    monkeypatch.setattr("shutil.which", lambda name: "/opt/bin/uv" if name == "uv" else None)
    assert find_uv() == "/opt/bin/uv"
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(FileNotFoundError, match="No encuentro uv"):
        find_uv()
