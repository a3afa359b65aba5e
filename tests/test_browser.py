"""A real browser drives a decision aid in JupyterLab: Debian's Chromium through Playwright.

Starts JupyterLab on 127.0.0.1 (free port, throwaway root dir and token), opens a notebook with
the deployment aid, runs it, changes the traffic input and expects the recommendation to change
from AWS Lambda to Kubernetes; in the same notebook, the widgets of resources 19 (ADR filter),
20 (study planner's start date) and 23 (bibliography filter) must re-render on a change.
JavaScript errors fail the test; a screenshot is saved under
``build/artifacts/``. Without Chromium it skips locally (``apt-get install chromium``) and fails
in CI (``CI=true``), where ``.ci/run`` installs it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.lab_server import free_port, http_get, running_lab

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "prueba-navegador"
LIVE = ".mlops-aid.mlops-aid-deployment"  # the live widget, not the static fallback
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _require_browser() -> None:
    missing = not CHROMIUM.exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        message = (
            "Falta Chromium o Playwright: instala Chromium con `apt-get install chromium` y "
            "Playwright con `make setup` (nunca `playwright install`)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _notebook(path: Path) -> None:
    cells = [
        {"cell_type": "markdown", "id": "titulo", "metadata": {},
         "source": "# Ayuda de decisión: ¿dónde desplegar?\n\n"
                   "Término: [concept drift](ayuda.ipynb#concept-drift); en la release del "
                   "recurso 18, sin ejecutar: [concept drift](glosario.ipynb#concept-drift)."},
        {"cell_type": "code", "id": "ayuda", "metadata": {}, "execution_count": None,
         "outputs": [],
         "source": 'from mlops_course.machinery.decision_aids import show_aid\n\n'
                   'show_aid("deployment", "12_despliegue_hibrido")'},
        {"cell_type": "code", "id": "recursos", "metadata": {}, "execution_count": None,
         "outputs": [],
         "source": "import datetime as dt\n"
                   "from mlops_course.lessons.r18_glossary import (\n"
                   "    GlossaryBrowser, glossary_records, load_glossary, load_usage)\n"
                   "from mlops_course.lessons.r19_adrs import AdrBrowser, course_adrs\n"
                   "from mlops_course.lessons.r20_plan import SyllabusPlanner\n"
                   "from mlops_course.lessons.r21_templates import TEMPLATES, TemplateBrowser\n"
                   "from mlops_course.lessons.r22_checklist import (\n"
                   "    ChecklistBrowser, checklist_items, inspect)\n"
                   "from mlops_course.lessons.r23_resources import (\n"
                   "    ResourceBrowser, load_resources)\n"
                   "from mlops_course.machinery.roadmap import load_roadmap\n"
                   "from IPython.display import display\n\n"
                   "display(AdrBrowser(course_adrs()))\n"
                   "display(SyllabusPlanner(load_roadmap(), dt.date(2027, 1, 4)))\n"
                   "display(TemplateBrowser(TEMPLATES, 'churn-project', 'k8s-base'))\n"
                   "display(ResourceBrowser(load_resources()))\n"
                   "from pathlib import Path\n"
                   "items = checklist_items()\n"
                   "ws = Path.cwd() / 'ws-checklist'\n"
                   "display(ChecklistBrowser(inspect(items, ws), lambda: inspect(items, ws)))\n"
                   "display(GlossaryBrowser(glossary_records(\n"
                   "    load_glossary(), load_usage(), load_roadmap())))"},
    ]  # fmt: skip
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }  # fmt: skip
    path.write_text(json.dumps(nb), encoding="utf-8")


def _wait_for_kernel(page: Any, base: str) -> None:
    """Wait until the notebook has an idle kernel, accepting JupyterLab's kernel dialog if shown."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        dialog = page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count() and dialog.first.is_visible():
            dialog.first.click()
        _, body = http_get(f"{base}/api/sessions?token={TOKEN}")
        sessions = json.loads(body or "[]")
        if any(
            s.get("path") == "ayuda.ipynb"
            and (s.get("kernel") or {}).get("execution_state") == "idle"
            for s in sessions
        ):
            return
        time.sleep(0.5)
    raise AssertionError("el notebook no llegó a tener un kernel listo")


def _checklist_reacts(page: Any, root: Path) -> None:
    """Resource 22: the status filter re-renders the list; the button inspects the workspace again
    (a deliverable's ADR written meanwhile shows up as evidence)."""
    checklist = page.locator(".mlops-checklist")
    checklist.wait_for(timeout=60_000)
    assert "entregable-05" in checklist.inner_text()
    checklist.locator("select").nth(1).select_option(label="sin verificar")
    page.wait_for_function(
        "() => { const t = document.querySelector('.mlops-checklist')?.innerText || '';"
        " return !t.includes('entregable-05') && t.includes('pipeline-dvc') === false; }",
        timeout=30_000,
    )
    checklist.locator("select").nth(1).select_option(label="(todas)")
    page.wait_for_function(
        "() => (document.querySelector('.mlops-checklist')?.innerText || '')"
        ".includes('entregable-05')",
        timeout=30_000,
    )
    assert page.locator(".mlops-checklist-static").first.is_hidden()
    adr = root / "ws-checklist" / "00_indice" / "adr" / "ADR-prueba-001.md"
    adr.parent.mkdir(parents=True)
    adr.write_text("# ADR de prueba\n", encoding="utf-8")
    checklist.get_by_role("button", name="Volver a inspeccionar").click()
    page.wait_for_function(
        "() => (document.querySelector('.mlops-checklist')?.innerText || '')"
        ".includes('ADR-prueba-001.md')",
        timeout=30_000,
    )


def _resources_react(page: Any) -> None:
    """Resources 19–23 in one notebook (18 has its own check): each live widget re-renders on a
    change."""
    adrs = page.locator(".mlops-adr-browser")
    adrs.wait_for(timeout=60_000)
    assert "ADR-05-01" in adrs.inner_text()
    adrs.locator("select").first.select_option(label="14_kubernetes_ml")
    page.wait_for_function(
        "() => { const t = document.querySelector('.mlops-adr-browser')?.innerText || '';"
        " return t.includes('ADR-14-01') && !t.includes('ADR-05-01'); }",
        timeout=30_000,
    )
    planner = page.locator(".mlops-syllabus-planner")
    assert "04/01/2027" in planner.inner_text(), "el plan empieza el lunes elegido"
    planner.locator("input[type=date]").fill("2027-03-01")
    planner.locator("input[type=date]").press("Enter")
    page.wait_for_function(
        "() => (document.querySelector('.mlops-syllabus-planner')?.innerText || '')"
        ".includes('01/03/2027')",
        timeout=30_000,
    )
    templates = page.locator(".mlops-template-browser")
    assert "churn-api" in templates.inner_text(), "la plantilla se muestra para churn-project"
    name_box = templates.locator("input[type=text]").first
    name_box.fill("pagos-tarjeta")
    name_box.press("Enter")
    page.wait_for_function(
        "() => { const t = document.querySelector('.mlops-template-browser')?.innerText || '';"
        " return t.includes('pagos-tarjeta-api') && t.includes('lo acepta'); }",
        timeout=30_000,
    )
    assert page.locator(".mlops-templates-static").first.is_hidden()
    library = page.locator(".mlops-resource-browser")
    before = library.inner_text()
    library.locator("input[type=checkbox]").first.check()
    page.wait_for_function(
        f"() => (document.querySelector('.mlops-resource-browser')?.innerText || '') !== "
        f"{json.dumps(before)}",
        timeout=30_000,
    )
    assert page.locator(".mlops-resources-static").first.is_hidden()
    glossary = page.locator(".mlops-glossary-browser")
    assert "Kolmogorov-Smirnov" in glossary.inner_text()
    glossary.locator("input[type=text]").first.fill("concept drift")
    glossary.locator("input[type=text]").first.press("Enter")
    page.wait_for_function(
        "() => { const t = document.querySelector('.mlops-glossary-browser')?.innerText || '';"
        " return t.includes('concept drift') && !t.includes('Kolmogorov-Smirnov'); }",
        timeout=30_000,
    )
    assert page.locator(".mlops-glossary-static").first.is_hidden()


def _glossary_anchor_scrolls(page: Any) -> None:
    """The link form of the modules' closing sections reaches the term's row in JupyterLab."""
    row = page.locator('.mlops-glossary-browser tr[data-jupyter-id="concept-drift"]')
    row.wait_for(timeout=30_000)
    page.locator(".jp-Notebook").first.evaluate("n => n.scrollTo ? n.scrollTo(0, 0) : null")
    link = page.locator(".jp-RenderedMarkdown a", has_text="concept drift").first
    link.scroll_into_view_if_needed()
    in_view = (
        "() => { const r = document.querySelector("
        "'.mlops-glossary-browser tr[data-jupyter-id=\"concept-drift\"]');"
        " if (!r) return false; const b = r.getBoundingClientRect();"
        " return b.top >= 0 && b.bottom <= window.innerHeight; }"
    )
    assert not page.evaluate(in_view), "la fila ya estaba a la vista: el test no probaría el ancla"
    link.click()
    page.wait_for_function(in_view, timeout=30_000)
    # The same link form into resource 18's release, never run: its generated index has the
    # anchor. JupyterLab looks the fragment up before a freshly opened notebook renders its
    # Markdown, so the first click only opens it; with the notebook open, the link reaches the term.
    to_release = page.locator(".jp-RenderedMarkdown a", has_text="concept drift").nth(1)
    to_release.click()
    page.locator(".lm-TabBar-tab", has_text="glosario.ipynb").first.wait_for(timeout=60_000)
    page.locator(".jp-RenderedMarkdown", has_text="Índice de términos").first.wait_for()
    page.locator(".lm-TabBar-tab", has_text="ayuda.ipynb").first.click()
    to_release.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll("
        "'.jp-RenderedMarkdown [data-jupyter-id=\"concept-drift\"]')].some(a => {"
        " const b = a.closest('li')?.getBoundingClientRect();"
        " return b && b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight; })",
        timeout=60_000,
    )


@pytest.mark.slow
def test_deployment_aid_reacts_in_a_real_browser(repo_root: Path, tmp_path: Path) -> None:
    _require_browser()
    from playwright.sync_api import sync_playwright

    root = tmp_path / "lab"
    root.mkdir()
    _notebook(root / "ayuda.ipynb")
    release = repo_root / "notebooks" / "18_glosario" / "18_glosario.ipynb"
    (root / "glosario.ipynb").write_text(release.read_text(encoding="utf-8"), encoding="utf-8")
    port = free_port()
    jupyter = str(Path(sys.executable).parent / "jupyter")
    cmd = [
        jupyter, "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--port={port}",
        f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={TOKEN}", "--allow-root",
    ]  # fmt: skip
    env = dict(
        os.environ,
        JUPYTER_CONFIG_PATH=str(repo_root / "jupyter" / "student"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        # Hermetic: no layout or settings restored from the user's earlier JupyterLab sessions.
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "lab-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "lab-workspaces"),
        MLOPS_WORKSPACE=str(tmp_path / "ws"),
        MLFLOW_DISABLE_TELEMETRY="true",
    )
    artifacts = repo_root / "build" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with running_lab(cmd, root, port, TOKEN, env) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            page.goto(f"{base}/lab/tree/ayuda.ipynb?token={TOKEN}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
            _wait_for_kernel(page, base)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            heading = page.locator(f"{LIVE} .mlops-aid-recommendation-heading")
            heading.wait_for(timeout=90_000)
            page.wait_for_function(
                f"() => document.querySelector('{LIVE} .mlops-aid-recommendation-heading')"
                "?.textContent.includes('AWS Lambda')",
                timeout=60_000,
            )
            static = page.locator(".mlops-aid-static.mlops-aid-deployment")
            assert static.count() == 1, "falta la tabla estática (para vistas sin kernel)"
            assert static.is_hidden(), "con el widget en pantalla la matriz sale dos veces"
            traffic = page.locator(f"{LIVE} .mlops-aid-input select").first
            assert "Tráfico (req/mes)" in page.locator(LIVE).inner_text()
            traffic.select_option(label="500 000 000")
            page.wait_for_function(
                f"() => document.querySelector('{LIVE} .mlops-aid-recommendation-heading')"
                "?.textContent.includes('Kubernetes')",
                timeout=60_000,
            )
            heading.scroll_into_view_if_needed()
            assert "Kubernetes" in heading.inner_text()
            chosen = page.locator(f"{LIVE} .mlops-aid-chosen")
            assert chosen.count() > 0, "la columna recomendada no está resaltada"
            _resources_react(page)
            _checklist_reacts(page, root)
            _glossary_anchor_scrolls(page)
        finally:
            page.screenshot(path=str(artifacts / "deployment_aid.png"), full_page=False)
            browser.close()
    assert not errors, "errores de JavaScript en la consola:\n" + "\n".join(errors)
