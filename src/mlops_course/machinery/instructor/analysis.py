"""Item analysis of a graded module: what the cohort struggles with, and who needs help.

Reads the course gradebook (scores per test cell) and the autograded notebooks (the messages of
the failing tests). An *exercise* is an autograded answer cell together with the test cells that
follow it in the source notebook; a manually graded answer is an item of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlops_course.machinery import nbio
from mlops_course.machinery.grading.synthetic import read_notebook


@dataclass
class Item:
    """One exercise: its test cells, points and what the cohort did with it."""

    name: str
    tests: list[str]
    max_points: float
    manual: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def mean(self) -> float:
        """Mean share of the points (0–1) over the students graded."""
        if not self.scores or not self.max_points:
            return 0.0
        return sum(self.scores.values()) / (len(self.scores) * self.max_points)

    @property
    def full_marks(self) -> float:
        """Share of students (0–1) with every point of the item."""
        if not self.scores:
            return 0.0
        return sum(s >= self.max_points - 1e-9 for s in self.scores.values()) / len(self.scores)


@dataclass
class Analysis:
    """Per-item figures plus the students below the help threshold."""

    module: str
    items: list[Item]
    totals: dict[str, float]
    max_total: float
    need_help: list[tuple[str, float, list[str]]]


def items_of(source_nb: Any) -> list[Item]:
    """Group the graded cells of an nbgrader source notebook into exercises, in order."""
    items: list[Item] = []
    current: Item | None = None
    for cell in source_nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if not gid:
            continue
        if meta.get("solution") and meta.get("grade"):  # manually graded answer
            items.append(Item(gid, [gid], float(meta.get("points", 0)), manual=True))
            current = None
        elif meta.get("solution") and cell.cell_type == "code":
            current = Item(gid, [], 0.0)
            items.append(current)
        elif meta.get("grade"):
            if current is None:
                current = Item(gid, [], 0.0)
                items.append(current)
            current.tests.append(gid)
            current.max_points += float(meta.get("points", 0))
    return [i for i in items if i.tests]


def _failure_messages(notebook: Path) -> dict[str, str]:
    """grade_id → first line of the error each failing test cell printed."""
    out: dict[str, str] = {}
    if not notebook.is_file():
        return out
    for cell in nbio.read(notebook).cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if not gid or cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first = (str(output.get("evalue", "")).strip().splitlines() or [""])[0]
                out[gid] = f"{output.get('ename', 'Error')}: {first}"[:200]
                break
    return out


def analyse(course: Path, slug: str, help_threshold: float = 0.5) -> Analysis:
    """Compute the item analysis of ``slug`` from ``course``'s gradebook and autograded files."""
    from nbgrader.api import Gradebook, MissingEntry

    source = read_notebook(course / "source" / slug / f"{slug}.ipynb")
    items = items_of(source)
    by_test = {t: item for item in items for t in item.tests}
    totals: dict[str, float] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            submissions = gb.find_assignment(slug).submissions
        except MissingEntry:
            submissions = []
        for sub in submissions:
            student = sub.student.id
            for nb in sub.notebooks:
                for grade in nb.grades:
                    item = by_test.get(grade.name)
                    if item is None or (item.manual and grade.manual_score is None):
                        continue
                    item.scores[student] = item.scores.get(student, 0.0) + float(grade.score or 0)
    auto_items = [i for i in items if not i.manual]
    for item in auto_items:
        for student in item.scores:
            totals[student] = totals.get(student, 0.0) + item.scores[student]
    for student in totals:
        messages = _failure_messages(course / "autograded" / student / slug / f"{slug}.ipynb")
        for gid, text in messages.items():
            if gid in by_test:
                by_test[gid].failures[text] += 1
    max_total = sum(i.max_points for i in auto_items)
    need_help = []
    for student, total in sorted(totals.items()):
        share = total / max_total if max_total else 0.0
        if share < help_threshold:
            weak = [i.name for i in auto_items if i.scores.get(student, 0.0) < i.max_points]
            need_help.append((student, share, weak))
    return Analysis(slug, items, totals, max_total, need_help)
