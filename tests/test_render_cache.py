"""The render cache behind ``make check``: keyed by content digests, never trusted blindly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlops_course.machinery.build import render_cache
from mlops_course.machinery.build.pipeline import build

DEMO = "99_demo"


@pytest.fixture()
def cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(render_cache.SWITCH_ENV, raising=False)


def test_ci_and_the_switch_turn_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(render_cache.SWITCH_ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    assert not render_cache.cache_enabled()
    monkeypatch.delenv("CI")
    assert render_cache.cache_enabled()
    monkeypatch.setenv(render_cache.SWITCH_ENV, "0")
    assert not render_cache.cache_enabled()
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv(render_cache.SWITCH_ENV, "1")
    assert render_cache.cache_enabled()


def test_digest_follows_the_source_and_the_overlay(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("# %%\nx = 1\n", encoding="utf-8")
    overlay = tmp_path / "overlay.py"
    first = render_cache.render_digest(source, None)
    assert first == render_cache.render_digest(source, overlay)  # overlay absent: same inputs
    overlay.write_text("# hidden\n", encoding="utf-8")
    assert render_cache.render_digest(source, overlay) != first
    source.write_text("# %%\nx = 2\n", encoding="utf-8")
    assert render_cache.render_digest(source, None) != first


def test_load_rejects_other_digests_and_corrupt_entries(tmp_path: Path) -> None:
    render_cache.store(tmp_path, DEMO, "abc", {"a.ipynb": "{}"})
    assert render_cache.load(tmp_path, DEMO, "abc") == {"a.ipynb": "{}"}
    assert render_cache.load(tmp_path, DEMO, "other") is None
    entry = tmp_path / render_cache.CACHE_DIR / f"{DEMO}.json"
    entry.write_text("{no es json", encoding="utf-8")
    assert render_cache.load(tmp_path, DEMO, "abc") is None
    entry.write_text(json.dumps({"digest": "abc", "files": {"a": 1}}), encoding="utf-8")
    assert render_cache.load(tmp_path, DEMO, "abc") is None
    assert render_cache.load(tmp_path, "00_nada", "abc") is None


def test_cached_check_still_sees_edits_and_stale_files(demo_copy: Path, cached: None) -> None:
    assert build(demo_copy, check=True).ok  # fills the cache
    entry = demo_copy / render_cache.CACHE_DIR / f"{DEMO}.json"
    assert entry.is_file()
    # A hand-edited generated file is stale even though its source (and the cache) did not move.
    release = demo_copy / "notebooks" / DEMO / f"{DEMO}.ipynb"
    release.write_text(release.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert f"notebooks/{DEMO}/{DEMO}.ipynb" in build(demo_copy, check=True).stale
    build(demo_copy)
    # An edited source misses the cache and is rendered again.
    text = demo_copy / "content" / DEMO / f"{DEMO}.py"
    text.write_text(text.read_text(encoding="utf-8").replace("Un módulo mínimo", "Otro texto"))
    report = build(demo_copy, check=True)
    assert f"source/{DEMO}/{DEMO}.ipynb" in report.stale
    assert (
        "Otro texto"
        in json.loads(entry.read_text(encoding="utf-8"))["files"][f"source/{DEMO}/{DEMO}.ipynb"]
    )


def test_a_poisoned_cache_entry_is_not_trusted_across_inputs(demo_copy: Path, cached: None) -> None:
    build(demo_copy, check=True)
    entry = demo_copy / render_cache.CACHE_DIR / f"{DEMO}.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["files"][f"source/{DEMO}/{DEMO}.ipynb"] = "{}"
    data["digest"] = "0" * 64  # an entry from other inputs
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert build(demo_copy, check=True).ok
