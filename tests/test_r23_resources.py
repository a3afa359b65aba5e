"""Resource 23's lesson package: the bibliography file is valid, its loader rejects bad data with
Spanish messages naming the field, and the filters and the view show it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlops_course.lessons.r23_resources import (
    ALL,
    ResourceBrowser,
    ResourcesError,
    as_records,
    entries_html,
    filter_entries,
    load_resources,
    parse_resources,
)

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def raw(repo_root: Path) -> dict[str, Any]:
    data = yaml.safe_load((repo_root / "assets" / "resources.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_course_bibliography_loads(repo_root: Path) -> None:
    entries = load_resources(repo_root / "assets" / "resources.yaml", today=TODAY)
    assert len(entries) >= 12
    assert len({e.id for e in entries}) == len(entries)
    assert {e.kind for e in entries} == {"libro", "articulo", "curso", "documentacion"}
    checked = [e for e in entries if e.date_checked is not None]
    assert checked and all(e.date_checked == TODAY for e in checked)
    assert [r["id"] for r in as_records(entries)] == [e.id for e in entries]


def _with(raw: dict[str, Any], **changes: object) -> dict[str, Any]:
    entries = [dict(e) for e in raw["entries"]]
    entries[0].update(changes)
    return {**raw, "entries": entries}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"level": "experto"}, "entries[0].level"),
        ({"free": "sí"}, "entries[0].free"),
        ({"modules": ["99"]}, "99 no son módulos del curso"),
        ({"date_checked": dt.date(2030, 1, 1)}, "fecha futura"),
        ({"id": "Con Espacios"}, "entries[0].id"),
        ({"url": "ftp://x"}, "entries[0].url"),
        ({"extra": 1}, "entries[0].extra"),
    ],
)
def test_bad_entries_fail_naming_the_field(
    raw: dict[str, Any], changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ResourcesError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_resources(_with(raw, **changes), Path("resources.yaml"), TODAY)


def test_duplicate_ids_and_unreadable_files(raw: dict[str, Any], tmp_path: Path) -> None:
    twice = {**raw, "entries": [raw["entries"][0], raw["entries"][0]]}
    with pytest.raises(ResourcesError, match="repetido"):
        parse_resources(twice, Path("resources.yaml"), TODAY)
    with pytest.raises(ResourcesError, match="no se puede leer"):
        load_resources(tmp_path / "no-existe.yaml")
    broken = tmp_path / "roto.yaml"
    broken.write_text("entries: [", encoding="utf-8")
    with pytest.raises(ResourcesError, match="no es YAML"):
        load_resources(broken)


def test_filters_html_and_widget(repo_root: Path) -> None:
    entries = load_resources(repo_root / "assets" / "resources.yaml", today=TODAY)
    free_15 = filter_entries(entries, module="15", free_only=True)
    assert free_15 and all(e.free and "15" in e.modules for e in free_15)
    assert filter_entries(entries, ALL, ALL, ALL) == entries
    assert filter_entries(entries, kind="libro") == [e for e in entries if e.kind == "libro"]
    page = entries_html(entries)
    assert "sin verificar" in page and "2026-12-02" in page and 'rel="noopener"' in page
    assert "Ningún recurso" in entries_html([])
    browser = ResourceBrowser(entries)
    browser.free.value = True
    assert all(e.free for e in browser.selected())
    assert "huyen-2022-dmls" not in [e.id for e in browser.selected()]
    assert "Designing Machine Learning Systems" in browser._repr_mimebundle_()["text/html"]
