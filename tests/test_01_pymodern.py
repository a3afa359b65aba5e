"""Module 01 helpers: mypy through its API, ruff as a child process, Spanish Pydantic errors,
pyproject checks, fakes."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mlops_course.lessons.m01_pymodern import (
    FlakyFeatureStore,
    RecordingSleep,
    explain_validation_error,
    find_ruff,
    import_in_fresh_process,
    parse_mypy_output,
    parse_ruff_json,
    pyproject_problems,
    run_mypy,
    run_ruff_check,
    run_ruff_format,
)

VALID_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "churn-lib"
version = "0.1.0"
requires-python = ">=3.11"
"""


# ---------------------------------------------------------------- ruff

BUGGY = """\
import os
from typing import List


def collect_ids(batch: List[str], seen=[]) -> List[str]:
    for customer_id in batch:
        seen.append(customer_id)
    return seen
"""

CLEAN = '''"""Clean module."""


def double(x: int) -> int:
    return 2 * x
'''


def test_find_ruff_returns_the_environment_binary() -> None:
    ruff = find_ruff()
    assert ruff.is_file() and ruff.name.startswith("ruff")


def test_ruff_check_reports_rule_line_and_message_of_each_finding(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(BUGGY, encoding="utf-8")
    report = run_ruff_check([bad])
    assert not report.ok and report.exit_status == 1
    assert {"F401", "UP035", "UP006", "B006"} <= set(report.codes)
    b006 = next(f for f in report.findings if f.code == "B006")
    assert (b006.line, b006.column) == (5, 40)
    assert "mutable" in b006.message and not b006.fixable
    assert b006.short() == "bad.py:5:40: B006 " + b006.message
    assert next(f for f in report.findings if f.code == "F401").fixable
    summary = report.summary()
    assert summary.startswith("ruff check: ") and "valor por defecto mutable" in summary
    assert "--fix" in summary and "F401 `os` imported but unused [*]" in summary
    assert report.in_file("bad.py") == report.findings and report.in_file("other.py") == ()


def test_ruff_check_select_fix_and_noqa(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(BUGGY, encoding="utf-8")
    assert set(run_ruff_check([bad], select=["B"]).codes) == {"B006"}
    fixed = run_ruff_check([bad], fix=True)
    assert "F401" not in fixed.codes and "B006" in fixed.codes  # only safe fixes are applied
    assert "import os" not in bad.read_text(encoding="utf-8")
    silenced = tmp_path / "silenced.py"
    silenced.write_text("import os  # noqa: F401\n", encoding="utf-8")
    assert run_ruff_check([silenced]).ok
    assert run_ruff_check([silenced], ignore_noqa=True).codes == ("F401",)


def test_ruff_check_is_isolated_from_project_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff.lint]\nignore = ["F401"]\n', encoding="utf-8"
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    assert run_ruff_check([bad]).codes == ("F401",)
    assert not (tmp_path / ".ruff_cache").exists()


def test_ruff_check_passes_clean_code_and_validates_arguments(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(CLEAN, encoding="utf-8")
    report = run_ruff_check([good])
    assert report.ok and report.summary() == "ruff check: sin hallazgos."
    with pytest.raises(ValueError, match="al menos un archivo"):
        run_ruff_check([])
    with pytest.raises(ValueError, match="No existe"):
        run_ruff_check([tmp_path / "missing.py"])
    with pytest.raises(ValueError, match="familia de reglas"):
        run_ruff_check([good], select=[])


def test_ruff_check_reports_syntax_errors_as_findings(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n    pass\n", encoding="utf-8")
    report = run_ruff_check([broken])
    assert not report.ok and "invalid-syntax" in report.codes


def test_parse_ruff_json_handles_empty_and_rejects_non_lists() -> None:
    assert parse_ruff_json("") == ()
    assert parse_ruff_json("[]") == ()
    with pytest.raises(ValueError, match="lista"):
        parse_ruff_json("{}")


def test_ruff_format_check_shows_the_diff_and_writing_fixes_layout(tmp_path: Path) -> None:
    messy = tmp_path / "messy.py"
    messy.write_text("def f(x):\n  return {'a':x}\n", encoding="utf-8")
    report = run_ruff_format([messy])
    assert not report.ok and report.exit_status == 1
    assert [Path(p).name for p in report.would_reformat] == ["messy.py"]
    assert '+    return {"a": x}' in report.diff
    assert "messy.py" in report.summary() and "ruff format cambiaría 1" in report.summary()
    written = run_ruff_format([messy], check=False)
    assert written.ok and written.summary() == "ruff format: nada que cambiar."
    assert messy.read_text(encoding="utf-8") == 'def f(x):\n    return {"a": x}\n'
    assert run_ruff_format([messy]).ok


def test_ruff_format_on_a_syntax_error_is_not_ok(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n    pass\n", encoding="utf-8")
    report = run_ruff_format([broken])
    assert not report.ok and report.exit_status == 2
    assert report.summary().startswith("ruff format terminó con estado 2")
    with pytest.raises(ValueError, match="al menos un archivo"):
        run_ruff_format([])


# ---------------------------------------------------------------- mypy


def test_parse_mypy_output_reads_errors_notes_and_codes() -> None:
    out = (
        "a.py:3:5: error: Incompatible types in assignment  [assignment]\n"
        "a.py:3:5: note: See https://mypy.rtfd.io\n"
        "b.py:10: error: Function is missing a type annotation  [no-untyped-def]\n"
        "Found 2 errors in 2 files\n"
    )
    issues = parse_mypy_output(out)
    assert [(i.path, i.line, i.column, i.severity, i.code) for i in issues] == [
        ("a.py", 3, 5, "error", "assignment"),
        ("a.py", 3, 5, "note", None),
        ("b.py", 10, None, "error", "no-untyped-def"),
    ]
    assert issues[0].message == "Incompatible types in assignment"
    assert issues[2].short() == "b.py:10: [no-untyped-def] Function is missing a type annotation"
    assert issues[1].short().startswith("a.py:3: See")


@pytest.mark.slow
def test_run_mypy_strict_finds_errors_and_passes_clean_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('def f(x):\n    return x\n\ny: int = "a"\n', encoding="utf-8")
    good = tmp_path / "good.py"
    good.write_text("def f(x: int) -> int:\n    return x\n", encoding="utf-8")
    cache = tmp_path / "cache"
    report = run_mypy([bad, good], cache_dir=cache)
    assert not report.ok
    assert {e.code for e in report.errors} == {"no-untyped-def", "assignment"}
    assert report.errors_in("good.py") == ()
    assert len(report.errors_in("bad.py")) == 2
    assert report.summary().startswith("mypy: 2 error(es).")
    assert cache.is_dir()
    clean = run_mypy([good], cache_dir=cache)
    assert clean.ok and clean.summary() == "mypy: sin errores."
    lenient = run_mypy([bad], cache_dir=tmp_path / "cache-lenient", strict=False)
    assert [e.code for e in lenient.errors] == ["assignment"]


def test_run_mypy_rejects_missing_targets(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="al menos un archivo"):
        run_mypy([], cache_dir=tmp_path)
    with pytest.raises(ValueError, match="No existe"):
        run_mypy([tmp_path / "nope.py"], cache_dir=tmp_path)


def test_report_summary_when_mypy_fails_without_error_lines() -> None:
    from mlops_course.lessons.m01_pymodern import MypyReport

    broken = MypyReport(2, (), "", "mypy: error: unrecognized arguments\n")
    assert not broken.ok
    assert "estado 2" in broken.summary() and "unrecognized" in broken.summary()


# ---------------------------------------------------------------- Pydantic


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    test_size: float = Field(default=0.2, gt=0, le=0.5)
    n_estimators: int = Field(default=100, ge=1, lt=5000)
    max_features: float = Field(default=0.5, lt=1)
    model_type: Literal["logistic_regression", "random_forest"] = "random_forest"
    features: list[str] = Field(min_length=1, max_length=3)
    name: str = "x"
    flag: bool = False
    params: dict[str, int] = Field(default_factory=dict)
    snapshot: datetime.date | None = None

    @field_validator("features")
    @classmethod
    def _no_target(cls, value: list[str]) -> list[str]:
        if "churned" in value:
            raise ValueError("la columna objetivo 'churned' no puede estar en features")
        return value


def _error(**data: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        _Config(**data)  # type: ignore[arg-type]
    return info.value


def test_explain_translates_common_errors_to_spanish() -> None:
    text = explain_validation_error(
        _error(
            test_size=0.9,
            n_estimators="muchos",
            max_features=1.5,
            model_type="xgboost",
            features=[],
            n_estimatros=5,
        )
    )
    lines = text.splitlines()
    assert lines[0] == "_Config: 6 error(es) de validación."
    assert "- test_size = 0.9: debe ser menor o igual que 0.5" in lines
    assert "- n_estimators = 'muchos': debe ser un número entero" in lines
    assert "- max_features = 1.5: debe ser menor que 1.0" in lines
    assert "- model_type = 'xgboost': debe ser uno de: 'logistic_regression' o 'random_forest'" in (
        lines
    )
    assert "- features = []: debe tener al menos 1 elemento(s)" in lines
    assert any(ln.startswith("- n_estimatros = 5: campo desconocido") for ln in lines)


def test_explain_keeps_custom_messages_and_reports_missing_fields() -> None:
    text = explain_validation_error(_error(features=["age", "churned"]))
    assert "la columna objetivo 'churned' no puede estar en features" in text
    assert "Value error" not in text
    assert "- features: falta este campo obligatorio" in explain_validation_error(_error())
    more = explain_validation_error(
        _error(features=["a", "b", "c", "d"], test_size=0, n_estimators=0, flag="quizá", name=3)
    )
    assert "debe tener como mucho 3 elemento(s)" in more
    assert "debe ser mayor que 0" in more
    assert "debe ser mayor o igual que 1" in more
    assert "debe ser verdadero o falso" in more
    assert "debe ser texto" in more


def test_explain_frozen_and_unknown_types() -> None:
    config = _Config(features=["age"])
    with pytest.raises(ValidationError) as info:
        config.test_size = 0.3
    assert "inmutable" in explain_validation_error(info.value)
    text = explain_validation_error(_error(features=["age"], params={"a": "b"}))
    assert "- params.a = 'b': debe ser un número entero" in text
    # An error type without a Spanish template keeps Pydantic's own message.
    untranslated = explain_validation_error(_error(features=["age"], snapshot="ayer"))
    assert "- snapshot = 'ayer': Input should be a valid date" in untranslated


def test_explain_rejects_other_exceptions() -> None:
    with pytest.raises(TypeError, match="ValidationError"):
        explain_validation_error(ValueError("x"))  # type: ignore[arg-type]


# ---------------------------------------------------------------- packaging


def test_pyproject_problems_accepts_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(VALID_PYPROJECT, encoding="utf-8")
    assert pyproject_problems(path) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[project]\nname = "ok"\nversion = "0.1.0"\n', "[build-system]"),
        ('[build-system]\nrequires = ["setuptools"]\n', "[project]"),
        (VALID_PYPROJECT.replace('"0.1.0"', '"uno"'), "esquema"),
        ("[project\nname = 1", "no es TOML válido"),
    ],
)
def test_pyproject_problems_explains_each_defect(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    problems = pyproject_problems(path)
    assert problems and any(expected in p for p in problems), problems


def test_pyproject_problems_on_missing_file(tmp_path: Path) -> None:
    assert pyproject_problems(tmp_path / "pyproject.toml")[0].startswith("No existe")


def _src_project(root: Path) -> Path:
    package = root / "src" / "tiny_lib"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    return root


def test_import_in_fresh_process_uses_only_the_given_path(tmp_path: Path) -> None:
    project = _src_project(tmp_path / "proj")
    found = import_in_fresh_process("tiny_lib", pythonpath=project / "src", cwd=tmp_path)
    assert found.ok
    assert found.module_file == (project / "src" / "tiny_lib" / "__init__.py").resolve()
    assert found.explain().startswith("Importado desde")
    # Without PYTHONPATH, running from the project root does not find a src-layout package.
    missing = import_in_fresh_process("tiny_lib", pythonpath=None, cwd=project)
    assert not missing.ok and missing.module_file is None
    assert "ModuleNotFoundError" in missing.explain()


def test_import_in_fresh_process_reports_broken_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from mlops_course.lessons.m01_pymodern import packaging_checks

    def fake_run(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess([], 0, stdout="not json\n", stderr="")

    monkeypatch.setattr(packaging_checks, "run_tool", fake_run)
    result = import_in_fresh_process("json", pythonpath=None, cwd=tmp_path)
    assert not result.ok and "not json" in result.stderr
    assert import_in_fresh_process.__doc__


def test_import_in_fresh_process_validates_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nombre de módulo"):
        import_in_fresh_process("churn-lib", pythonpath=None, cwd=tmp_path)
    with pytest.raises(ValueError, match="nombre de módulo"):
        import_in_fresh_process("", pythonpath=None, cwd=tmp_path)
    with pytest.raises(ValueError, match="carpeta"):
        import_in_fresh_process("json", pythonpath=None, cwd=tmp_path / "nope")


# ---------------------------------------------------------------- fakes


def test_flaky_feature_store_fails_then_answers() -> None:
    store = FlakyFeatureStore(failures=2)
    for attempt in (1, 2):
        with pytest.raises(ConnectionError, match=f"intento {attempt}"):
            store.fetch("C1")
    assert store.fetch("C1") == {"balance_eur": 1250.0, "tenure_months": 37.0}
    assert store.calls == 3
    assert FlakyFeatureStore(failures=0).fetch("C1")


@pytest.mark.parametrize(("bad", "error"), [(-1, ValueError), (True, TypeError), (1.5, TypeError)])
def test_flaky_feature_store_validates_failures(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        FlakyFeatureStore(failures=bad)  # type: ignore[arg-type]


def test_recording_sleep_records_without_waiting() -> None:
    sleeper = RecordingSleep()
    sleeper(0.5)
    sleeper(1.0)
    assert sleeper.delays == [0.5, 1.0] and sleeper.total == 1.5
    with pytest.raises(ValueError, match="negativo"):
        sleeper(-1)
