"""Build toolchain: text sources → nbgrader source, student release, solutions; check mode."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlops_course.machinery.build.leaks import scan_release, secret_lines
from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.build.notebook import SourceError, read_text_source, strip_markers
from mlops_course.machinery.build.pipeline import build

DEMO = "99_demo"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _nb(root: Path, top: str) -> dict:
    return json.loads((root / top / DEMO / f"{DEMO}.ipynb").read_text(encoding="utf-8"))


def test_build_writes_the_three_generated_notebooks(built_demo: Path) -> None:
    for top in ("source", "notebooks", "solutions"):
        assert (built_demo / top / DEMO / f"{DEMO}.ipynb").is_file(), top


def test_release_has_stubs_and_no_secrets(built_demo: Path) -> None:
    release = _nb(built_demo, "notebooks")
    text = json.dumps(release, ensure_ascii=False)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "add_one(-1)" not in text, "un test oculto llegó a la release"
    assert "return x + FACTOR" not in text, "una solución llegó a la release"
    assert "ESCRIBE TU CÓDIGO AQUÍ" in text and "ESCRIBE TU RESPUESTA AQUÍ" in text
    assert "jupytext" not in release["metadata"]
    assert release["metadata"]["kernelspec"]["name"] == "python3"


def test_source_keeps_solutions_hidden_tests_and_metadata(built_demo: Path) -> None:
    source = _nb(built_demo, "source")
    assert "jupytext" not in source["metadata"]
    by_id = {c["id"]: c for c in source["cells"]}
    assert "### BEGIN HIDDEN TESTS" in "".join(by_id["test-add-one"]["source"])
    assert by_id["test-add-one"]["metadata"]["nbgrader"]["points"] == 2
    params = [c for c in source["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1
    for cell in source["cells"]:
        assert "lines_to_next_cell" not in cell["metadata"]


def test_solutions_run_top_to_bottom_without_markers(built_demo: Path) -> None:
    sol = _nb(built_demo, "solutions")
    text = json.dumps(sol)
    assert "BEGIN SOLUTION" not in text and "END HIDDEN TESTS" not in text
    assert "return x + FACTOR" in text and "add_one(-1)" in text
    assert all("nbgrader" not in c["metadata"] for c in sol["cells"])
    assert any("parameters" in c["metadata"].get("tags", []) for c in sol["cells"])


def test_build_is_deterministic_and_check_passes(built_demo: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    shutil.copytree(built_demo / "content", again / "content")
    build(again)
    for top in ("source", "notebooks", "solutions"):
        a = (built_demo / top / DEMO / f"{DEMO}.ipynb").read_text(encoding="utf-8")
        b = (again / top / DEMO / f"{DEMO}.ipynb").read_text(encoding="utf-8")
        assert a == b, f"{top} cambia entre dos builds"
    assert build(built_demo, check=True).ok


def test_check_detects_stale_missing_and_extra_files(demo_copy: Path) -> None:
    text = demo_copy / "content" / DEMO / f"{DEMO}.py"
    text.write_text(text.read_text(encoding="utf-8").replace("Un módulo mínimo", "Otro texto"))
    (demo_copy / "solutions" / DEMO / f"{DEMO}.ipynb").unlink()
    (demo_copy / "notebooks" / DEMO / "sobra.ipynb").write_text("{}", encoding="utf-8")
    report = build(demo_copy, check=True)
    assert not report.ok
    joined = "\n".join(report.stale)
    assert f"source/{DEMO}/{DEMO}.ipynb" in joined
    assert "(falta)" in joined and "(sobra" in joined
    # build repairs all of it
    fixed = build(demo_copy)
    assert any("borrado" in w for w in fixed.written)
    assert build(demo_copy, check=True).ok


def test_leak_scan_finds_solution_lines_markers_twins_and_pairing(demo_copy: Path) -> None:
    source = _nb(demo_copy, "source")
    secrets = secret_lines(source)
    assert 'assert add_one(-1) == 0, "add_one(-1) debe valer 0"' in secrets
    release_dir = demo_copy / "notebooks" / DEMO
    assert scan_release(release_dir, secrets) == []
    nb = _nb(demo_copy, "notebooks")
    nb["metadata"]["jupytext"] = {"formats": "ipynb,py:percent"}
    nb["cells"][0]["source"] = [
        "### BEGIN SOLUTION\n",
        'assert add_one(-1) == 0, "add_one(-1) debe valer 0"\n',
    ]
    (release_dir / f"{DEMO}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (release_dir / f"{DEMO}.py").write_text("# twin\n", encoding="utf-8")
    findings = "\n".join(scan_release(release_dir, secrets))
    for expected in ("jupytext", "BEGIN SOLUTION", "línea de solución", "archivo de texto"):
        assert expected in findings


HEADER_OK = "cell_metadata_filter: all"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace(HEADER_OK, "cell_metadata_filter: -all"), "cell_metadata_filter"),
        (lambda s: s.replace("name: python3", "name: otro"), "kernelspec"),
        (lambda s: s.replace('"grade_id": "double"', '"grade_id": "add-one"'), "duplicado"),
        (lambda s: s.replace('"points": 1, ', ""), "points"),
        (lambda s: s.replace('tags=["parameters"]', ""), "parameters"),
        (lambda s: s.replace('"grade_id": "double"', '"grade_id": "con espacio"'), "no válido"),
        (lambda s: s.replace('"locked": false, "schema_version": 3, "solution": true, "task'
                             '": false}\ndef double', '"solution": true}\ndef double'), "faltan"),
    ],
)  # fmt: skip
def test_bad_sources_are_rejected_in_spanish(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "content" / DEMO / f"{DEMO}.py").read_text(encoding="utf-8")
    bad = tmp_path / f"{DEMO}.py"
    bad.write_text(edit(text), encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        read_text_source(bad)


def test_strip_markers_keeps_content() -> None:
    text = "a\n    ### BEGIN SOLUTION\n    b\n    ### END SOLUTION\n### BEGIN HIDDEN TESTS\nc"
    assert strip_markers(text) == "a\n    b\nc"
    assert strip_markers("# ### BEGIN SOLUTION\n# x") == "# x"


def test_discover_modules_validates_folders(tmp_path: Path) -> None:
    (tmp_path / "1_mal").mkdir()
    with pytest.raises(ValueError, match="NN_slug"):
        discover_modules(tmp_path)
    (tmp_path / "1_mal").rmdir()
    (tmp_path / "01_vacio").mkdir()
    with pytest.raises(ValueError, match="falta la fuente"):
        discover_modules(tmp_path)
    (tmp_path / "01_vacio" / "01_vacio.py").write_text("", encoding="utf-8")
    (tmp_path / "_borrador").mkdir()
    assert [m.slug for m in discover_modules(tmp_path)] == ["01_vacio"]
    with pytest.raises(ValueError, match="desconocidos"):
        discover_modules(tmp_path, ["02_otro"])


def test_ci_parameters_must_be_a_mapping(tmp_path: Path) -> None:
    folder = tmp_path / "01_x"
    folder.mkdir()
    (folder / "01_x.py").write_text("", encoding="utf-8")
    module = discover_modules(tmp_path)[0]
    assert module.ci_parameters() == {}
    module.ci_parameters_file.write_text("", encoding="utf-8")
    assert module.ci_parameters() == {}
    module.ci_parameters_file.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mapeo"):
        module.ci_parameters()


def test_companion_notebooks_are_built_and_may_not_hold_exercises(tmp_path: Path) -> None:
    from mlops_course.machinery.build.notebook import companion_notebook

    text = "# %% [markdown]\n# # Página\n\n# %%\nprint('hola')\n"
    good = tmp_path / "pagina.py"
    good.write_text(text, encoding="utf-8")
    nb = companion_notebook(good)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"]
    assert "jupytext" not in nb.metadata and nb.cells[1].outputs == []
    bad = tmp_path / "mala.py"
    bad.write_text(
        '# %% nbgrader={"grade": false, "grade_id": "x", "solution": true}\nx = 1\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="complementario"):
        companion_notebook(bad)


def test_cross_module_leak_is_found(tmp_path: Path) -> None:
    import json

    from mlops_course.machinery.build.pipeline import _cross_module_leaks

    line = "secret_value = compute_the_answer(data)"

    def nb(text: str) -> str:
        return json.dumps({"cells": [{"cell_type": "code", "source": text, "metadata": {}}]})

    sol = f"### BEGIN SOLUTION\n{line}\n### END SOLUTION\n"
    expected = {
        "source/01_a/01_a.ipynb": nb(sol),
        "notebooks/01_a/01_a.ipynb": nb("# ESCRIBE TU CÓDIGO AQUÍ\n"),
    }
    (tmp_path / "notebooks" / "02_b").mkdir(parents=True)
    (tmp_path / "notebooks" / "02_b" / "02_b.ipynb").write_text(nb(line), encoding="utf-8")
    findings = _cross_module_leaks(tmp_path, expected)
    assert len(findings) == 1 and "02_b" in findings[0] and "01_a" in findings[0]
    (tmp_path / "notebooks" / "02_b" / "02_b.ipynb").write_text(nb("print(1)"), encoding="utf-8")
    assert _cross_module_leaks(tmp_path, expected) == []
