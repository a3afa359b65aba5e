"""Module 17's interview bank: the validated file, one practice view over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mlops_course.lessons.m17_capstone.interview import InterviewError, load_bank, parse_bank
from mlops_course.lessons.m17_capstone.interview_view import (
    ALL,
    InterviewPractice,
    coverage_text,
    filter_questions,
    questions_html,
)
from mlops_course.machinery.roadmap import assets_dir, load_roadmap


def test_every_module_from_02_to_17_has_a_design_or_operations_question() -> None:
    bank = load_bank()
    covered = {q.module for q in bank}
    wanted = {m.number for m in load_roadmap().modules if "02" <= m.number <= "17"}
    assert wanted <= covered, sorted(wanted - covered)
    assert len({q.id for q in bank}) == len(bank) >= 2 * len(wanted)


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((assets_dir() / "interview_bank.yaml").read_text("utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda q: q.update(points=q["points"][:2]), r"questions\[0\]\.points"),
        (lambda q: q.update(points=["sí", *q["points"]]), "3 palabras o más"),
        (lambda q: q.update(kind="trivia"), r"questions\[0\]\.kind"),
        (lambda q: q.update(module="19", id="e19-recurso"), "19 no es un módulo de las fases"),
        (lambda q: q.update(id="e05-otra"), "debe empezar por e02-"),
        (lambda q: q.update(extra="x"), r"questions\[0\]"),
    ],
)
def test_a_broken_entry_is_named_in_spanish(change: Any, message: str) -> None:
    data = _data()
    change(data["questions"][0])
    with pytest.raises(InterviewError, match=message):
        parse_bank(data, Path("banco.yaml"))


def test_repeated_ids_and_unreadable_files(tmp_path: Path) -> None:
    data = _data()
    data["questions"].append(dict(data["questions"][0]))
    with pytest.raises(InterviewError, match="repetido"):
        parse_bank(data, Path("banco.yaml"))
    with pytest.raises(InterviewError, match="no se puede leer"):
        load_bank(tmp_path / "falta.yaml")
    broken = tmp_path / "roto.yaml"
    broken.write_text("questions: [", encoding="utf-8")
    with pytest.raises(InterviewError, match="no es YAML válido"):
        load_bank(broken)


def test_the_static_view_escapes_and_folds_the_guide() -> None:
    bank = load_bank()
    page = questions_html(bank)
    assert page.count("<details>") == len(bank) and "<script" not in page
    assert questions_html([]) == "<p>Ninguna pregunta cumple los filtros.</p>"
    assert {q.module for q in filter_questions(bank, "15")} == {"15"}
    assert {q.kind for q in filter_questions(bank, ALL, "operación")} == {"operación"}


def test_practice_filters_reveals_and_counts() -> None:
    bank = load_bank()
    view = InterviewPractice(bank)
    view.module.value = "14"
    assert view.current() is not None and view.current().module == "14"  # type: ignore[union-attr]
    assert view.ticks.children == ()
    view.reveal.click()
    boxes = list(view.ticks.children)
    assert len(boxes) == len(view.current().points)  # type: ignore[union-attr]
    assert "Cubriste 0 de" in view.summary.value
    for box in boxes:
        box.value = True
    assert "una respuesta sólida" in view.summary.value
    view.kind.value = "diseño"
    assert view.ticks.children == () and view.summary.value == ""
    bundle = view._repr_mimebundle_()
    assert "<details>" in bundle["text/html"]


def test_coverage_text() -> None:
    assert coverage_text(4, 4).endswith("una respuesta sólida.")
    assert "repasa el módulo" in coverage_text(2, 4)
    assert "vuelve al módulo" in coverage_text(1, 4)
    assert coverage_text(0, 0) == ""
