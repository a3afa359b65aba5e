"""Submission checks, mutant files and synthetic cohorts, without running nbgrader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.build.mutants import parse_mutants
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.grading.submissions import check_submission
from mlops_course.machinery.grading.synthetic import (
    ALL_CASES,
    answer_cell_ids,
    graded_test_ids,
    narrative_errors,
    read_notebook,
    solved,
    synthetic_cohort,
    timed_out_cells,
    with_parameters,
    write_submission,
)

DEMO = "99_demo"
NB = f"{DEMO}.ipynb"


def _release(root: Path):  # type: ignore[no-untyped-def]
    return read_notebook(root / "notebooks" / DEMO / NB)


def _source(root: Path):  # type: ignore[no-untyped-def]
    return read_notebook(root / "source" / DEMO / NB)


def test_solved_fills_answers_without_markers(built_demo: Path) -> None:
    nb = solved(_release(built_demo), _source(built_demo))
    text = json.dumps(nb)
    assert "return x + FACTOR" in text and "BEGIN SOLUTION" not in text
    assert answer_cell_ids(nb) == ["add-one", "double"]
    assert graded_test_ids(nb) == ["test-add-one", "test-double"]


def test_cohort_covers_every_case_of_the_contract(built_demo: Path) -> None:
    mutants = parse_mutants(built_demo / "content" / DEMO / "mutants.py")
    cohort = synthetic_cohort(_release(built_demo), _source(built_demo), NB, ALL_CASES, mutants)
    cases = [s.expectation.case for s in cohort]
    assert set(cases) == set("abcdefgh")
    assert cases.count("h") == len(mutants) == 2
    assert len({s.student for s in cohort}) == len(cohort)
    only = synthetic_cohort(_release(built_demo), _source(built_demo), NB, ("b-sin-tocar",))
    assert [s.student for s in only] == ["b-sin-tocar"]
    broken = next(
        s
        for s in synthetic_cohort(_release(built_demo), _source(built_demo), NB, ALL_CASES)
        if s.student == "c-importacion-rota"
    )
    assert "import paquete_que_no_existe" in broken.files[NB]


def test_cohort_rejects_unknown_cases_and_mutants_of_unknown_cells(built_demo: Path) -> None:
    from mlops_course.machinery.build.mutants import Mutant

    bad = [Mutant("x", "test-double", "", "pass\n")]
    with pytest.raises(ValueError, match="no es una celda de respuesta"):
        synthetic_cohort(_release(built_demo), _source(built_demo), NB, (), bad)
    with pytest.raises(ValueError, match="casos desconocidos"):
        synthetic_cohort(_release(built_demo), _source(built_demo), NB, ("z-nada",))


def test_check_submission_cases(built_demo: Path, tmp_path: Path) -> None:
    mutants = parse_mutants(built_demo / "content" / DEMO / "mutants.py")
    cohort = {
        s.student: s
        for s in synthetic_cohort(_release(built_demo), _source(built_demo), NB, ALL_CASES, mutants)
    }
    expected = {
        "a-solucion": None,
        "f-celda-duplicada": Status.DUPLICATED,
        "g-malformado": Status.MALFORMED,
        "g-ausente": Status.MISSING,
        "g-renombrado": None,
    }
    for student, status in expected.items():
        folder = write_submission(tmp_path / "submitted", DEMO, cohort[student])
        check = check_submission(folder, NB)
        assert check.status == status, (student, check)
        assert check.gradable == (status is None)
    renamed = check_submission(tmp_path / "submitted" / "g-renombrado" / DEMO, NB)
    assert (tmp_path / "submitted" / "g-renombrado" / DEMO / NB).is_file()
    assert renamed.renamed_from is None  # already renamed by the first check


def test_check_submission_not_a_notebook_and_ambiguous(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.ipynb").write_text('{"cells": 3}', encoding="utf-8")
    (folder / "b.ipynb").write_text("{}", encoding="utf-8")
    check = check_submission(folder, NB)
    assert check.status == Status.MISSING and "a.ipynb, b.ipynb" in check.reason
    (folder / "b.ipynb").unlink()
    check = check_submission(folder, NB)
    assert check.status == Status.MALFORMED and check.renamed_from == "a.ipynb"
    assert check_submission(tmp_path / "nada", NB).status == Status.MISSING


def test_parse_mutants_format_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "mutants.py"
    assert parse_mutants(path) == []
    path.write_text(
        "# %% mutant: uno | cell: roi\n# Olvida validar.\n# Segunda línea.\nx = 1\n# comentario\n"
        "\n# %% mutant: dos-b | cell: plan\ny = 2\n",
        encoding="utf-8",
    )
    first, second = parse_mutants(path)
    assert (first.name, first.cell, first.description) == (
        "uno",
        "roi",
        "Olvida validar. Segunda línea.",
    )
    assert first.code.endswith("# comentario\n") and second.code == "y = 2\n"
    for bad, message in [
        ("x = 1\n# %% mutant: a | cell: b\ny\n", "antes del primer"),
        ("# %% mutant: A B | cell: b\ny\n", "cabecera no válida"),
        ("# %% mutant: a | cell: b\n\n", "vacío"),
        ("# %% mutant: a | cell: b\ny\n# %% mutant: a | cell: c\nz\n", "repetidos"),
    ]:
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            parse_mutants(path)


def test_timed_out_cells(tmp_path: Path) -> None:
    nb = {
        "cells": [
            {"id": "x", "metadata": {"nbgrader": {"grade_id": "roi"}},
             "outputs": [{"output_type": "error", "ename": "CellTimeoutError"}]},
            {"id": "y", "metadata": {}, "outputs": [{"output_type": "stream"}]},
        ]
    }  # fmt: skip
    path = tmp_path / "a.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert timed_out_cells(path) == ["roi"]
    assert timed_out_cells(tmp_path / "missing.ipynb") == []


def test_narrative_errors_name_only_cells_that_are_neither_answer_nor_test(tmp_path: Path) -> None:
    def cell(meta: dict, source: str, ename: str | None) -> dict:
        outputs = [{"output_type": "error", "ename": ename, "evalue": "'roc_auc'"}] if ename else []
        return {
            "cell_type": "code",
            "metadata": {"nbgrader": meta},
            "source": source,
            "outputs": outputs,
        }

    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# Título"},
            cell({"solution": True, "grade": False, "grade_id": "roi"}, "raise X", "NotImpl"),
            cell({"solution": False, "grade": True, "grade_id": "t"}, "assert f()", "NameError"),
            cell({}, "print('ok')", None),
            cell({}, "\n# la rejilla\ntable.sort_values('roc_auc')", "KeyError"),
        ]
    }  # fmt: skip
    path = tmp_path / "a.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert narrative_errors(path) == ["celda 4 («# la rejilla») lanza KeyError: 'roc_auc'"]
    assert narrative_errors(tmp_path / "missing.ipynb") == []


def test_old_format_and_null_metadata_are_repaired_and_graded_not_aborting(
    built_demo: Path, tmp_path: Path
) -> None:
    """nbformat 3 and ``"nbgrader": null`` used to crash the whole cohort run."""
    import nbformat

    solved_nb = read_notebook(built_demo / "solutions" / DEMO / NB)
    old = tmp_path / "v3"
    old.mkdir()
    v3 = nbformat.convert(solved_nb, 3)  # type: ignore[no-untyped-call]
    (old / NB).write_text(nbformat.writes(v3, version=3), encoding="utf-8")  # type: ignore[no-untyped-call]
    check = check_submission(old, NB)
    assert check.gradable and "convertido de nbformat 3 a 4" in check.reason
    assert json.loads((old / NB).read_text(encoding="utf-8"))["nbformat"] == 4

    null = tmp_path / "null"
    null.mkdir()
    raw = json.loads(nbio.writes(_release(built_demo)))
    raw["cells"][0]["metadata"]["nbgrader"] = None
    (null / NB).write_text(json.dumps(raw), encoding="utf-8")
    check = check_submission(null, NB)
    assert check.gradable and "reparados en 1 celdas" in check.reason
    assert (
        "nbgrader"
        not in json.loads((null / NB).read_text(encoding="utf-8"))["cells"][0]["metadata"]
    )

    (null / NB).write_text("[1, 2]", encoding="utf-8")
    assert check_submission(null, NB).status == Status.MALFORMED


def test_with_parameters_rewrites_the_parameters_cell_as_a_student_would() -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("N_CUSTOMERS = 5_000  # filas\nSEED = 42\nRESET = False"),
        nbformat.v4.new_code_cell("N_CUSTOMERS = 1  # not the parameters cell"),
    ]
    nb.cells[0].metadata["tags"] = ["parameters"]
    out = with_parameters(nb, {"N_CUSTOMERS": 1000, "RESET": True})
    assert out.cells[0].source == "N_CUSTOMERS = 1000  # filas\nSEED = 42\nRESET = True"
    assert out.cells[1].source == "N_CUSTOMERS = 1  # not the parameters cell"
    assert nb.cells[0].source.startswith("N_CUSTOMERS = 5_000")  # the original is untouched
    with pytest.raises(ValueError, match="no asigna 'ROWS'"):
        with_parameters(nb, {"ROWS": 10})
    del nb.cells[0].metadata["tags"]
    with pytest.raises(ValueError, match="etiqueta 'parameters'"):
        with_parameters(nb, {"SEED": 1})
