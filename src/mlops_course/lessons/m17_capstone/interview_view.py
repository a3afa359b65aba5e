"""Practice with the interview bank: choose a question, write your answer, then compare it with
the guide and tick the points you covered.

:func:`questions_html` is pure (the static fallback: every question with its guide folded);
:class:`InterviewPractice` is a thin ipywidgets view whose MIME bundle also carries that HTML.
Nothing is scored: the points are a guide for the student's own judgement (the objective
questions are graded in Exercise 5).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from mlops_course.lessons.m17_capstone.interview import KINDS, Question
from mlops_course.machinery.roadmap import load_roadmap

ALL = "(todos)"
_STYLE = {"description_width": "initial"}


def filter_questions(
    questions: Sequence[Question], module: str = ALL, kind: str = ALL
) -> list[Question]:
    """The questions of ``module`` (number) and ``kind`` (:data:`ALL` matches anything)."""
    return [q for q in questions if module in (ALL, q.module) and kind in (ALL, q.kind)]


def questions_html(questions: Sequence[Question]) -> str:
    """Every question with its module and kind, the guide folded under it."""
    if not questions:
        return "<p>Ninguna pregunta cumple los filtros.</p>"
    items = []
    for q in questions:
        points = "".join(f"<li>{html.escape(p)}</li>" for p in q.points)
        items.append(
            f"<li><b>Módulo {q.module} · {html.escape(q.kind)}.</b> {html.escape(q.question)}"
            f"<details><summary>Pauta</summary><ul>{points}</ul></details></li>"
        )
    return f"<ol>{''.join(items)}</ol>"


def coverage_text(ticked: int, total: int) -> str:
    """What the student's ticks say, in Spanish."""
    if total <= 0:
        return ""
    verdict = (
        "una respuesta sólida" if ticked == total
        else "le falta algo: repasa el módulo" if ticked * 2 >= total
        else "vuelve al módulo antes de la entrevista"
    )  # fmt: skip
    return f"Cubriste {ticked} de {total} puntos: {verdict}."


class InterviewPractice:
    """Filters (module, kind), a question, an answer box and the guide with tick boxes."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        titles = {m.number: m.title for m in load_roadmap().modules}
        numbers = sorted({q.module for q in self.questions})
        self.module = widgets.Dropdown(
            options=[(ALL, ALL)] + [(f"{n} · {titles.get(n, '')}", n) for n in numbers],
            description="Módulo:",
            style=_STYLE,
        )
        self.kind = widgets.Dropdown(options=[ALL, *KINDS], description="Tipo:", style=_STYLE)
        self.choice = widgets.Dropdown(description="Pregunta:", style=_STYLE,
                                       layout=widgets.Layout(width="95%"))  # fmt: skip
        self.prompt = widgets.HTML()
        self.answer = widgets.Textarea(
            placeholder="Escribe tu respuesta como la dirías en voz alta (2 minutos).",
            layout=widgets.Layout(width="95%", height="7em"),
        )
        self.reveal = widgets.Button(description="Ver la pauta", button_style="info")
        self.ticks = widgets.VBox()
        self.summary = widgets.HTML()
        for control in (self.module, self.kind):
            control.observe(self._refilter, names="value")
        self.choice.observe(self._show, names="value")
        self.reveal.on_click(self._reveal)
        self.widget = widgets.VBox([
            widgets.HBox([self.module, self.kind]), self.choice, self.prompt, self.answer,
            self.reveal, self.ticks, self.summary,
        ])  # fmt: skip
        self._refilter()

    def _refilter(self, _change: Mapping[str, Any] | None = None) -> None:
        found = filter_questions(self.questions, self.module.value, self.kind.value)
        self.choice.options = [(f"{q.module} · {q.question[:70]}…", q.id) for q in found]
        self.choice.value = found[0].id if found else None
        self._show()

    def current(self) -> Question | None:
        """The question on screen (None when the filters leave none)."""
        return next((q for q in self.questions if q.id == self.choice.value), None)

    def _show(self, _change: Mapping[str, Any] | None = None) -> None:
        question = self.current()
        self.prompt.value = (
            f"<p><b>{html.escape(question.question)}</b></p>" if question
            else "<p>Ninguna pregunta cumple los filtros.</p>"
        )  # fmt: skip
        self.ticks.children = ()
        self.summary.value = ""

    def _reveal(self, _button: object = None) -> None:
        question = self.current()
        if question is None:
            return
        wide = widgets.Layout(width="95%")
        boxes = [
            widgets.Checkbox(description=p, indent=False, layout=wide) for p in question.points
        ]
        for box in boxes:
            box.observe(self._count, names="value")
        self.ticks.children = tuple(boxes)
        self._count()

    def _count(self, _change: Mapping[str, Any] | None = None) -> None:
        boxes = [b for b in self.ticks.children if isinstance(b, widgets.Checkbox)]
        self.summary.value = f"<p>{coverage_text(sum(b.value for b in boxes), len(boxes))}</p>"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget's own bundle plus every question as static ``text/html``."""
        bundle: dict[str, Any] = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = questions_html(self.questions)
        bundle["text/plain"] = f"Banco de entrevistas (widget): {len(self.questions)} preguntas."
        return bundle
