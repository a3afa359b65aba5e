"""No HTML or JavaScript from a submission runs in the instructor's browser or in a feedback page.

nbgrader renders an autograded notebook with nbconvert's ``HTMLExporter`` twice: the formgrader's
manual-grading page (served with the instructor's session, template ``formgrade``) and
``generate_feedback`` (template ``feedback``). nbconvert's ``sanitize_html`` cleans the outputs,
but two holes stay open (a real browser proves both, tests/test_formgrader_browser.py):

* both nbgrader templates render Markdown cells (a student's own cell, a written answer) with
  ``markdown2html`` and no sanitizer: a ``<script>`` or an ``onerror`` in Markdown runs;
* the ``classic`` base template writes an image's ``width``/``height`` metadata unquoted, so
  ``{"width": "1 onerror=…"}`` adds an event attribute even with the sanitizer on.

:func:`configure_safe_html` closes them on any nbgrader config: sanitizer on, ``markdown2html``
replaced by :func:`markdown2safe_html` (same rendering, then bleach, nbconvert's own sanitizer,
with an allow-list that keeps Markdown's formatting), and :class:`NumericImageSize` drops an
image size that is not a number. Forbidden tags are shown as text, not removed: the instructor
sees what the student tried. The rendered HTML is what gets cleaned (not only the Markdown
parser's raw HTML): nbconvert's renderer writes, for example, a ``mermaid`` code block unescaped.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

MARKDOWN_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "span",
        "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
"""What rendered Markdown may contain (Markdown's own output plus harmless inline tags)."""

# No ``id``: an element of the student's with the id of a formgrader field (``#por-que``) would
# take its place in the grading page's scripts.
_ATTRIBUTES = {
    "*": frozenset({"class", "title"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
}
_PROTOCOLS = frozenset({"http", "https", "mailto", "data"})
_IMAGE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)
_SIZE = re.compile(r"\d{1,5}(\.\d{1,3})?")


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    """bleach's attribute filter: the allow-list, and ``data:`` only as an image's source."""
    if name not in _ATTRIBUTES["*"] | _ATTRIBUTES.get(tag, frozenset()):
        return False
    if value.strip().lower().startswith("data:"):
        return tag == "img" and name == "src" and bool(_IMAGE_DATA.match(value.strip()))
    return True


def clean_markdown_html(html: str) -> str:
    """Sanitize HTML rendered from Markdown: forbidden tags become visible text, no events."""
    import bleach

    cleaned: str = bleach.clean(
        html,
        tags=MARKDOWN_TAGS,
        attributes=_allowed_attribute,
        protocols=_PROTOCOLS,
        strip=False,
        strip_comments=True,
    )
    return cleaned


@pass_context
def markdown2safe_html(context: Context, source: str) -> str:
    """nbconvert's ``markdown2html`` (math, highlighted code, cell attachments), then sanitized."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    cell = context.get("cell", {})
    path = context.get("resources", {}).get("metadata", {}).get("path", "")
    renderer = IPythonRenderer(escape=False, attachments=cell.get("attachments", {}), path=path)
    html: str = MarkdownWithMath(renderer=renderer).render(source)
    return clean_markdown_html(html)


def _numeric_size(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(_SIZE.fullmatch(value.strip()))


class NumericImageSize(Preprocessor):
    """Drop an output's ``width``/``height`` metadata unless it is a number.

    nbconvert's ``classic`` template writes them as unquoted attributes of the ``<img>``.
    """

    enabled = Bool(True).tag(config=True)

    def preprocess_cell(
        self, cell: Any, resources: dict[str, Any], index: int
    ) -> tuple[Any, dict[str, Any]]:
        """Clean the metadata of every output of one cell."""
        for output in cell.get("outputs", []):
            metadata = output.get("metadata")
            if not isinstance(metadata, dict):
                continue
            for scope in (metadata, *(v for v in metadata.values() if isinstance(v, dict))):
                for key in ("width", "height"):
                    if key in scope and not _numeric_size(scope[key]):
                        del scope[key]
        return cell, resources


def configure_safe_html(c: Any) -> None:
    """Make every ``HTMLExporter`` of an nbgrader config ``c`` safe for submissions.

    Covers the formgrader (it builds its exporter from the course's nbgrader config) and
    ``generate_feedback``.
    """
    c.HTMLExporter.sanitize_html = True
    c.HTMLExporter.filters = {"markdown2html": markdown2safe_html}
    c.HTMLExporter.preprocessors = [NumericImageSize]
