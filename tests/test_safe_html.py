"""Fast checks of the HTML sanitizing that nbgrader's exporters get from the course config.

The real-browser proof (feedback file and formgrader page) is in tests/test_formgrader_browser.py;
here the pieces run in-process: the Markdown filter as nbgrader's templates call it (``cell`` in
the Jinja context), the image-size preprocessor through nbconvert's HTMLExporter.
"""

from __future__ import annotations

import base64
import re

import nbformat
from jinja2 import Environment
from nbconvert import HTMLExporter
from traitlets.config import Config

from mlops_course.machinery.instructor.safe_html import (
    clean_markdown_html,
    configure_safe_html,
    markdown2safe_html,
)

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()


def _export(cells: list[object]) -> str:
    c = Config()
    configure_safe_html(c)
    nb = nbformat.v4.new_notebook(cells=cells)  # type: ignore[no-untyped-call]
    html, _ = HTMLExporter(config=c, template_name="classic").from_notebook_node(nb)
    return str(html)


def test_markdown_keeps_its_formatting_and_shows_active_html_as_text() -> None:
    cell = nbformat.v4.new_markdown_cell(  # type: ignore[no-untyped-call]
        "# Mi respuesta\n\n**importante** y `código`\n\n"
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        "[enlace](javascript:alert(3)) ![figura](attachment:fig.png)",
        attachments={"fig.png": {"image/png": PNG}},
    )
    env = Environment()
    env.filters["markdown2html"] = markdown2safe_html
    html = env.from_string("{{ cell.source | markdown2html }}").render(cell=cell)
    assert re.search(r"<h1[^>]*>Mi respuesta", html)
    assert "<strong>importante</strong>" in html and "<code>código</code>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, "el intento se ve como texto"
    assert "<script>alert" not in html and "onerror" not in html.replace("&lt;", "")
    assert "javascript:" not in html
    assert f'src="data:image/png;base64,{PNG}"' in html, "la imagen adjunta se conserva"


def test_data_urls_only_as_image_sources() -> None:
    html = clean_markdown_html(
        '<a href="data:text/html,x">a</a><img src="data:text/html,x">'
        '<img src="data:image/png;base64,AAAA"><a href="https://ejemplo.org" id="por-que">b</a>'
    )
    assert "data:text/html" not in html
    assert 'src="data:image/png;base64,AAAA"' in html
    assert 'href="https://ejemplo.org"' in html and "por-que" not in html


def test_image_size_metadata_must_be_a_number() -> None:
    def image(width: object) -> object:
        return nbformat.v4.new_output(  # type: ignore[no-untyped-call]
            "display_data", data={"image/png": PNG}, metadata={"image/png": {"width": width}}
        )

    cell = nbformat.v4.new_code_cell(  # type: ignore[no-untyped-call]
        "", outputs=[image("1 onerror=alert(1)"), image(120)]
    )
    html = _export([cell])
    assert "onerror" not in html
    assert 'width="120"' in html, "un ancho numérico se conserva"
