"""Private hidden tests: an instructor's overlay changes the source, never the release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlops_course.machinery.build.overlay import OverlayError
from mlops_course.machinery.build.pipeline import build

DEMO = "99_demo"
HEADER = '# %% hidden_tests="{target}"{extra}\n'


def _overlay(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "privado"
    folder.mkdir(exist_ok=True)
    (folder / f"{DEMO}.py").write_text(body, encoding="utf-8")
    return folder


def _cell(root: Path, top: str, cell_id: str) -> str:
    nb = json.loads((root / top / DEMO / f"{DEMO}.ipynb").read_text(encoding="utf-8"))
    return "".join(next(c for c in nb["cells"] if c["id"] == cell_id)["source"])


def test_append_adds_private_tests_and_leaves_the_release_unchanged(
    demo_copy: Path, tmp_path: Path
) -> None:
    public_release = (demo_copy / "notebooks" / DEMO / f"{DEMO}.ipynb").read_text("utf-8")
    private = _overlay(
        tmp_path, HEADER.format(target="test-add-one", extra="") + "assert add_one(41) == 42\n"
    )
    build(demo_copy, hidden_tests_dir=private)
    source = _cell(demo_copy, "source", "test-add-one")
    assert "assert add_one(41) == 42" in source and "add_one(-1)" in source
    assert (demo_copy / "notebooks" / DEMO / f"{DEMO}.ipynb").read_text("utf-8") == public_release
    # the public check now reports the private build as different from the sources
    assert not build(demo_copy, check=True).ok


def test_replace_drops_the_public_hidden_tests(demo_copy: Path, tmp_path: Path) -> None:
    private = _overlay(
        tmp_path,
        HEADER.format(target="test-add-one", extra=' mode="replace"') + "assert add_one(9) == 10\n",
    )
    build(demo_copy, hidden_tests_dir=private)
    source = _cell(demo_copy, "source", "test-add-one")
    assert "add_one(9)" in source and "add_one(-1)" not in source
    assert source.count("BEGIN HIDDEN TESTS") == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("# %%\nassert True\n", "falta hidden_tests"),
        (HEADER.format(target="add-one", extra="") + "assert True\n", "no es una celda de test"),
        (HEADER.format(target="nada", extra="") + "assert True\n", "no es una celda de test"),
        (HEADER.format(target="test-double", extra=' mode="otro"') + "x\n", "mode"),
    ],
)
def test_bad_overlays_are_rejected(
    demo_copy: Path, tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(OverlayError, match=message):
        build(demo_copy, hidden_tests_dir=_overlay(tmp_path, body))


def test_overlay_for_another_module_is_ignored(demo_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "otro"
    folder.mkdir()
    shutil.copy(demo_copy / "content" / DEMO / "ci_parameters.yaml", folder / "00_otro.py")
    assert build(demo_copy, hidden_tests_dir=folder, check=True).ok
