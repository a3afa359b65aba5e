"""The instructor's side in a real browser: nbgrader's formgrader in JupyterLab 4, and a hostile
submission whose HTML/JavaScript must never run for the instructor.

Same machinery as tests/test_browser.py: JupyterLab on a free 127.0.0.1 port with a throwaway
course (the demo module, generated into its gradebook), Debian's Chromium through Playwright.
Here the instructor configuration is used (no student config), as ``make instructor-lab`` does.
One course and one server serve every test of this file: the course holds one submission graded
by the production path (sandbox, merge, feedback) whose outputs and Markdown carry script vectors.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import nbformat
import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.build.nbgrader_cli import (
    generate_assignment,
    run_nbgrader,
    write_course_config,
)
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.grading.synthetic import read_notebook, solved
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import grade_cohort
from tests.lab_server import free_port, http_get, running_lab
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser

pytestmark = pytest.mark.slow
TOKEN = "prueba-formgrader"
SLUG = "99_demo"
STUDENT = "h-xss"
LIMITS = Limits(cell_timeout=20, notebook_timeout=120, memory_mb=700, processes=24)
# What the student legitimately wrote or printed: it must stay readable once sanitized.
LEGIT = ("SALIDA-LEGITIMA", "TEXTO-HTML-LEGITIMO", "NOTA-MARKDOWN-LEGITIMA", "RESPUESTA-LEGITIMA")
SETTLE_MS = 600  # after the load event: time for an onerror, an iframe or a request to land


class _Recorder(BaseHTTPRequestHandler):
    """Records the path of every request (any method): a vector that ran calls home."""

    hits: list[str]

    def _record(self) -> None:
        self.hits.append(self.path.strip("/"))
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Private-Network", "true")
        self.end_headers()

    do_GET = do_POST = do_OPTIONS = _record

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


def _marker(port: int, name: str) -> str:
    """JavaScript (no spaces, no double quotes) that reports ``name`` if it ever runs."""
    return f"fetch('http://127.0.0.1:{port}/{name}');top.__pwned=(top.__pwned||[]).concat('{name}')"


def _vector_outputs(port: int) -> dict[str, tuple[dict[str, str], dict[str, Any]]]:
    """Each vector: a display bundle and its metadata, as a student's code can publish them."""

    def m(name: str) -> str:
        return _marker(port, name)

    return {
        "script": ({"text/html": f"<p>TEXTO-HTML-LEGITIMO</p><script>{m('script')}</script>"}, {}),
        "img-onerror": ({"text/html": f'<img src="x" onerror="{m("img-onerror")}">'}, {}),
        "svg-onload": ({"text/html": f'<svg onload="{m("svg-onload")}"></svg>'}, {}),
        "iframe-srcdoc": (
            {"text/html": f'<iframe srcdoc="<script>{m("iframe-srcdoc")}</script>"></iframe>'},
            {},
        ),
        "html-isolated": (
            {"text/html": f"<script>{m('html-isolated')}</script>"},
            {"text/html": {"isolated": True}},
        ),
        "javascript": ({"application/javascript": m("javascript")}, {}),
        "svg-mime": (
            {
                "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" '
                f'onload="{m("svg-mime")}"><script>{m("svg-mime")}</script></svg>'
            },
            {},
        ),
        "markdown-output": (
            {"text/markdown": f'<img src="x" onerror="{m("markdown-output")}">'},
            {},
        ),
        # nbconvert writes image width/height unquoted: a space would start a new attribute.
        "png-width": (
            {"image/png": "no-es-base64"},
            {"image/png": {"width": f"1 onerror={m('png-width')}"}},
        ),
    }


def _hostile(answers: Any, port: int) -> str:
    """The reference answers plus cells whose outputs and Markdown try to run JavaScript."""
    nb = nbio.reads(nbio.writes(answers))
    lines = ["from IPython.display import display", "print('SALIDA-LEGITIMA')"]
    for bundle, metadata in _vector_outputs(port).values():
        lines.append(f"display({bundle!r}, raw=True, metadata={metadata!r})")
    code = nbformat.v4.new_code_cell("\n".join(lines))  # type: ignore[no-untyped-call]
    note = nbformat.v4.new_markdown_cell(  # type: ignore[no-untyped-call]
        "NOTA-MARKDOWN-LEGITIMA\n\n"
        f"<script>{_marker(port, 'md-script')}</script>\n\n"
        f'<img src="x" onerror="{_marker(port, "md-img")}">\n\n'
        f'<a href="#" onmouseover="{_marker(port, "md-mouseover")}">pasa por aquí</a>'
    )
    raw = nbformat.v4.new_raw_cell(  # type: ignore[no-untyped-call]
        f"<script>{_marker(port, 'raw-html')}</script>", metadata={"format": "text/html"}
    )
    nb.cells[1:1] = [code, note, raw]
    for cell in nb.cells:  # the written answer that the instructor grades by hand
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "por-que":
            cell.source = (
                "Porque sí, RESPUESTA-LEGITIMA.\n\n"
                f'<details open ontoggle="{_marker(port, "md-answer")}">detalle</details>\n\n'
                f"<svg><script>{_marker(port, 'md-answer-svg')}</script></svg>"
            )
    return nbio.writes(nb)


@dataclass
class InstructorLab:
    """A graded course with a hostile submission, served by a running JupyterLab."""

    course: Path
    base: str
    hits: list[str]
    port: int
    artifacts: Path


@pytest.fixture(scope="module")
def instructor_lab(
    built_demo: Path, repo_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InstructorLab]:
    where = tmp_path_factory.mktemp("formgrader")
    hits: list[str] = []
    recorder = type("Recorder", (_Recorder,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = int(server.server_address[1])

    course = where / "curso"
    write_course_config(course, cell_timeout=LIMITS.cell_timeout)
    shutil.copytree(built_demo / "source" / SLUG, course / "source" / SLUG)
    release = read_notebook(generate_assignment(course, SLUG) / f"{SLUG}.ipynb")
    answers = solved(release, read_notebook(course / "source" / SLUG / f"{SLUG}.ipynb"))
    folder = course / "submitted" / STUDENT / SLUG
    folder.mkdir(parents=True)
    (folder / f"{SLUG}.ipynb").write_text(_hostile(answers, port), encoding="utf-8")
    run = grade_cohort(course, SLUG, LIMITS, workers=1)
    assert run.outcomes[0].status is Status.GRADED, run.outcomes[0]
    feedback = run_nbgrader(course, ["generate_feedback", SLUG, "--force"], timeout=600)
    assert feedback.returncode == 0, feedback.output[-2000:]
    assert not hits, f"algo llamó al registro antes de abrir un navegador: {hits}"

    lab_port = free_port()
    jupyter = str(Path(sys.executable).parent / "jupyter")
    cmd = [
        jupyter, "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--port={lab_port}",
        f"--ServerApp.root_dir={course}", f"--IdentityProvider.token={TOKEN}", "--allow-root",
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_CONFIG_PATH"}
    env.update(
        JUPYTER_RUNTIME_DIR=str(where / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(where / "lab-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(where / "lab-workspaces"),
    )
    artifacts = repo_root / "build" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    try:
        with running_lab(cmd, course, lab_port, TOKEN, env) as base:
            yield InstructorLab(course, base, hits, port, artifacts)
    finally:
        server.shutdown()
        server.server_close()


def test_formgrader_lists_assignments_in_jupyterlab(instructor_lab: InstructorLab) -> None:
    _require_browser()
    from playwright.sync_api import sync_playwright

    base = instructor_lab.base
    errors: list[str] = []
    status, body = http_get(f"{base}/formgrader/api/assignments?token={TOKEN}")
    assert status == 200 and f'"{SLUG}"' in body, body[:500]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            page.goto(f"{base}/lab?token={TOKEN}")
            page.wait_for_selector(".jp-LauncherCard", timeout=120_000)
            page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
            page.get_by_role("menuitem", name="Formgrader", exact=True).click()
            frame = page.frame_locator("iframe").first
            frame.get_by_text(SLUG, exact=True).first.wait_for(timeout=90_000)
            assert frame.get_by_text("Manage Assignments").first.is_visible()
            assert frame.locator("#warning-exchange").count() == 0, "falta la carpeta exchange"
        finally:
            page.screenshot(path=str(instructor_lab.artifacts / "formgrader.png"))
            browser.close()
    assert not errors, "errores de JavaScript:\n" + "\n".join(errors)


def _submission_id(course: Path) -> str:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return str(gradebook.find_submission_notebook(SLUG, SLUG, STUDENT).id)


def _fired(page: Any, hits: list[str]) -> set[str]:
    """Vectors that reported, in the page (any frame reaches ``top``) or through the network."""
    page.wait_for_timeout(SETTLE_MS)
    in_page = page.evaluate("window.__pwned || []")
    return set(in_page) | set(hits)


def _unsanitized_copy(autograded: Path, where: Path) -> Path:
    """The autograded notebook as plain nbconvert HTML, sanitiser off: the vectors are live."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="classic", sanitize_html=False)
    html, _ = exporter.from_filename(str(autograded))
    out = where / "sin-sanear.html"
    out.write_text(html, encoding="utf-8")
    return out


def test_submission_scripts_never_run_for_the_instructor(
    instructor_lab: InstructorLab, tmp_path: Path
) -> None:
    """Feedback file and manual-grading page: the student's text shows, none of the vectors runs."""
    _require_browser()
    from playwright.sync_api import Route, sync_playwright

    lab, hits = instructor_lab, instructor_lab.hits
    feedback = next((lab.course / "feedback" / STUDENT / SLUG).glob("*.html"))
    autograded = lab.course / "autograded" / STUDENT / SLUG / f"{SLUG}.ipynb"
    grading_url = f"{lab.base}/formgrader/submissions/{_submission_id(lab.course)}/?index=0"

    def offline(route: Route) -> None:  # no CDN (MathJax, require.js): fast and deterministic
        local = route.request.url.startswith(("file:", "data:", "about:", "http://127.0.0.1"))
        route.continue_() if local else route.abort()

    errors: list[str] = []
    started = time.monotonic()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", offline)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            # Control: the same outputs through plain nbconvert, sanitizer off, do run here.
            page.goto(_unsanitized_copy(autograded, tmp_path).as_uri())
            live = _fired(page, hits)
            assert {"script", "img-onerror", "md-script", "md-answer", "png-width"} <= live, live
            page.goto("about:blank")
            page.wait_for_timeout(200)
            hits.clear()
            errors.clear()

            # (a) The student's feedback file.
            page.goto(feedback.as_uri())
            page.get_by_text("pasa por aquí").hover()
            fired = _fired(page, hits)
            page.screenshot(path=str(lab.artifacts / "feedback-hostil.png"), full_page=True)
            assert not fired, f"en el feedback se ejecutó: {sorted(fired)}"
            assert "Written response" in page.inner_text("#toc"), "no cargó el resumen de notas"
            shown = page.inner_text("#notebook")
            for legit in LEGIT:
                assert legit in shown, f"el feedback ya no muestra {legit}"

            # (b) The formgrader's manual-grading page of that submission, logged in.
            page.goto(f"{lab.base}/lab?token={TOKEN}", wait_until="commit")  # sets the cookie
            page.goto(grading_url)
            page.locator("input.score#por-que").wait_for(timeout=30_000)  # the instructor's form
            page.get_by_text("pasa por aquí").hover()
            fired = _fired(page, hits)
            page.screenshot(path=str(lab.artifacts / "formgrader-hostil.png"), full_page=True)
            assert not fired, f"en el formgrader se ejecutó: {sorted(fired)}"
            assert page.locator("input.score#test-add-one").is_visible()
            shown = page.inner_text("#notebook")
            for legit in LEGIT:
                assert legit in shown, f"el formgrader ya no muestra {legit}"
        finally:
            print(f"navegador: {time.monotonic() - started:.1f} s")
            browser.close()
    # MathJax comes from a CDN, blocked here on purpose; anything else is a broken page.
    errors = [e for e in errors if "MathJax" not in e]
    assert not errors, "errores de JavaScript:\n" + "\n".join(errors)
