"""Tests of ``mlops_course.machinery.roadmap``: the real assets/roadmap.yaml and malformed copies
of it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlops_course.machinery import roadmap as roadmap_module
from mlops_course.machinery.roadmap import (
    ASSETS_ENV_VAR,
    Roadmap,
    RoadmapError,
    assets_dir,
    load_roadmap,
    parse_roadmap,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
ROADMAP_YAML = REPO_ROOT / "assets" / "roadmap.yaml"


@pytest.fixture
def raw() -> dict[str, Any]:
    """A fresh, mutable copy of the real roadmap data."""
    data: dict[str, Any] = yaml.safe_load(ROADMAP_YAML.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: object) -> Path:
    """Write ``data`` as YAML to a temporary roadmap file and return its path."""
    path = tmp_path / "roadmap.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def assert_error(path: Path, field: str, *fragments: str) -> None:
    """Loading ``path`` must fail naming the file, the field and each fragment."""
    with pytest.raises(RoadmapError) as info:
        load_roadmap(path)
    message = str(info.value)
    assert str(path) in message
    assert f"'{field}'" in message
    for fragment in fragments:
        assert fragment in message


# --- the real file ----------------------------------------------------------------------------


def test_default_assets_dir_is_repository_assets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ASSETS_ENV_VAR, raising=False)
    assert assets_dir() == REPO_ROOT / "assets"


def test_real_roadmap_has_the_seed_calendar() -> None:
    roadmap = load_roadmap()
    assert isinstance(roadmap, Roadmap)
    assert [p.number for p in roadmap.phases] == [1, 2, 3, 4, 5, 6, 7]
    assert [(p.week_start, p.week_end) for p in roadmap.phases] == [
        (1, 3),
        (4, 6),
        (7, 9),
        (10, 11),
        (12, 13),
        (14, 16),
        (17, 18),
    ]
    assert [p.seed_weeks for p in roadmap.phases] == [3, 3, 3, 2, 2, 3, 2]
    assert roadmap.seed_total_weeks == 18
    assert (roadmap.min_total_weeks, roadmap.max_total_weeks) == (16, 20)
    assert (
        roadmap.reference_hours_per_week == 6
    )  # the pace at which the modules' estimates fill the seed weeks
    assert "Supuesto del curso" in roadmap.reference_effort_note


def test_real_roadmap_lists_every_module_and_resource_once() -> None:
    roadmap = load_roadmap()
    assert [m.number for m in roadmap.modules] == [f"{n:02d}" for n in range(18)]
    assert [r.number for r in roadmap.resources] == [f"{n}" for n in range(18, 24)]
    assert roadmap.modules[0].slug == "00_indice"
    assert roadmap.modules[0].deliverable == "Entender el «por qué»"
    assert all(m.slug.startswith(m.number + "_") for m in roadmap.modules)


def test_real_roadmap_keeps_the_seed_texts() -> None:
    roadmap = load_roadmap()
    first = roadmap.phases[0]
    assert first.name == "El puente hacia la ingeniería"
    assert first.objective.startswith("Convertir a un scripter")
    assert "otros pueden mantener" in first.senior_mindset
    assert "\n" not in first.senior_mindset
    assert roadmap.phase_of("07").number == 3
    assert roadmap.phase_of("17").number == 7
    with pytest.raises(KeyError):
        roadmap.phase_of("18")


def test_roadmap_is_immutable() -> None:
    roadmap = load_roadmap()
    with pytest.raises(dataclasses.FrozenInstanceError):
        roadmap.min_total_weeks = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        roadmap.phases[0].name = "otra"  # type: ignore[misc]


def test_env_var_overrides_assets_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: dict[str, Any]
) -> None:
    raw["title"] = "Copia de prueba"
    write(tmp_path, raw)
    monkeypatch.setenv(ASSETS_ENV_VAR, str(tmp_path))
    assert assets_dir() == tmp_path.resolve()
    assert load_roadmap().title == "Copia de prueba"


def test_installed_package_falls_back_to_course_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: dict[str, Any]
) -> None:
    # A non-editable install: no assets/ beside the sources, but a course root with assets/.
    monkeypatch.delenv(ASSETS_ENV_VAR, raising=False)
    site = tmp_path / "site-packages" / "mlops_course"
    site.mkdir(parents=True)
    monkeypatch.setattr(roadmap_module, "__file__", str(site / "roadmap.py"))
    course = tmp_path / "curso"
    (course / "assets").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("", encoding="utf-8")
    raw["title"] = "Desde la raíz del curso"
    write(course / "assets", raw)
    monkeypatch.chdir(course)
    assert assets_dir() == (course / "assets").resolve()
    assert load_roadmap().title == "Desde la raíz del curso"


# --- malformed files: Spanish errors naming the file and the field ------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "no-esta.yaml"
    with pytest.raises(RoadmapError, match="no existe el archivo") as info:
        load_roadmap(path)
    assert str(path) in str(info.value)


def test_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text("phases: [1, 2\n", encoding="utf-8")
    with pytest.raises(RoadmapError, match="no es YAML válido"):
        load_roadmap(path)


def test_root_must_be_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, ["una", "lista"])
    with pytest.raises(RoadmapError, match="debe contener un mapeo YAML"):
        load_roadmap(path)


def test_missing_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    del raw["phases"][0]["name"]
    assert_error(write(tmp_path, raw), "phases[0].name", "falta")


def test_missing_nested_field(tmp_path: Path, raw: dict[str, Any]) -> None:
    del raw["phases"][2]["modules"][1]["deliverable"]
    assert_error(write(tmp_path, raw), "phases[2].modules[1].deliverable", "falta")


def test_week_must_be_an_integer(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][1]["weeks"]["start"] = "cuatro"
    assert_error(write(tmp_path, raw), "phases[1].weeks.start", "debe ser un número entero")


def test_bool_is_not_an_integer(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["reference_effort"]["hours_per_week"] = True
    assert_error(write(tmp_path, raw), "reference_effort.hours_per_week", "booleano")


def test_week_range_must_not_be_reversed(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][0]["weeks"] = {"start": 3, "end": 1}
    assert_error(write(tmp_path, raw), "phases[0].weeks.end", "no puede ser anterior")


def test_calendar_must_be_contiguous(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][1]["weeks"] = {"start": 5, "end": 6}
    assert_error(write(tmp_path, raw), "phases[1].weeks.start", "huecos")


def test_phases_numbered_in_order(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][3]["number"] = 9
    assert_error(write(tmp_path, raw), "phases[3].number", "debe ser 4")


def test_module_number_must_be_quoted_text(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][0]["modules"][1]["number"] = 1
    assert_error(write(tmp_path, raw), "phases[0].modules[1].number", "entre comillas")


def test_repeated_module_number(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][1]["modules"][0]["number"] = "02"
    assert_error(write(tmp_path, raw), "phases[].modules[].number", "repetidos")


def test_empty_modules(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["phases"][4]["modules"] = []
    assert_error(write(tmp_path, raw), "phases[4].modules", "lista no vacía")


def test_total_range_must_contain_the_calendar(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["total_weeks"] = {"min": 10, "max": 12}
    assert_error(write(tmp_path, raw), "phases[].weeks", "18 semanas")


def test_total_range_order(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["total_weeks"] = {"min": 20, "max": 16}
    assert_error(write(tmp_path, raw), "total_weeks.max", "no puede ser menor")


def test_unsupported_schema_version(tmp_path: Path, raw: dict[str, Any]) -> None:
    raw["schema_version"] = 2
    assert_error(write(tmp_path, raw), "schema_version", "debe ser 1")


def test_parse_roadmap_is_usable_without_a_file(raw: dict[str, Any]) -> None:
    roadmap = parse_roadmap(raw, Path("<memoria>"))
    assert roadmap == load_roadmap()


def test_roadmap_error_is_a_value_error() -> None:
    assert issubclass(RoadmapError, ValueError)
