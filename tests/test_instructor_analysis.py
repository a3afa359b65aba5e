"""Item analysis: grouping graded cells into exercises."""

from __future__ import annotations

import nbformat

from mlops_course.machinery.instructor.analysis import Item, items_of


def _cell(kind: str, **meta: object) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("") if kind == "code" else nbformat.v4.new_markdown_cell("")
    cell.metadata["nbgrader"] = dict(meta)
    return cell


def test_tests_belong_to_the_answer_before_them() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("intro"),
        _cell("code", grade_id="roi", solution=True, grade=False),
        _cell("code", grade_id="test-roi-a", grade=True, solution=False, points=1),
        _cell("code", grade_id="test-roi-b", grade=True, solution=False, points=2),
        _cell("markdown", grade_id="adr", grade=True, solution=True, points=3),
        _cell("code", grade_id="plan", solution=True, grade=False),
        _cell("code", grade_id="test-plan", grade=True, solution=False, points=1),
        _cell("code", grade_id="unused", solution=True, grade=False),
    ]
    items = items_of(nb)
    assert [(i.name, i.tests, i.max_points, i.manual) for i in items] == [
        ("roi", ["test-roi-a", "test-roi-b"], 3.0, False),
        ("adr", ["adr"], 3.0, True),
        ("plan", ["test-plan"], 1.0, False),
    ]


def test_item_figures() -> None:
    item = Item("roi", ["t"], 2.0, scores={"a": 2.0, "b": 1.0, "c": 0.0})
    assert item.mean == 0.5
    assert item.full_marks == 1 / 3
    assert Item("x", ["t"], 2.0).mean == 0.0 and Item("x", ["t"], 2.0).full_marks == 0.0
