"""The exercises of every module climb functional → secure → scalable (the seed's principle 2)."""

from __future__ import annotations

from pathlib import Path

from mlops_course.machinery.build.ladder import ladder_problems

REPO = Path(__file__).resolve().parents[1]


def write_module(content: Path, slug: str, labels: list[str]) -> None:
    folder = content / slug
    folder.mkdir(parents=True)
    cells = ["# %% [markdown]\n# # Módulo\n"]
    for number, label in enumerate(labels, start=1):
        cells.append(f"# %% [markdown]\n# ### Ejercicio {number} {label} · Algo\n")
    (folder / f"{slug}.py").write_text("\n".join(cells), encoding="utf-8")


def test_a_module_that_climbs_in_order_passes(tmp_path: Path) -> None:
    labels = ["(funcional)", "(funcional)", "(seguro)", "(seguro)", "(escalable)"]
    write_module(tmp_path, "01_uno", labels)
    assert ladder_problems(tmp_path) == []


def test_going_back_down_is_reported_with_file_and_line(tmp_path: Path) -> None:
    write_module(tmp_path, "01_uno", ["(funcional)", "(escalable)", "(seguro)"])
    (problem,) = ladder_problems(tmp_path)
    assert problem.startswith("content/01_uno/01_uno.py:")
    assert "Ejercicio 3 (seguro) viene después de uno escalable" in problem


def test_off_ladder_and_missing_labels_are_reported(tmp_path: Path) -> None:
    write_module(tmp_path, "01_uno", ["(reproducible)", "(funcional → seguro)", ""])
    problems = ladder_problems(tmp_path)
    assert len(problems) == 3
    assert "«reproducible»" in problems[0] and "«funcional → seguro»" in problems[1]
    assert "ningún nivel" in problems[2]


def test_every_module_of_the_course_climbs_the_ladder() -> None:
    assert ladder_problems(REPO / "content") == []
