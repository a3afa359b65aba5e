"""The instructor's launch: nbgrader's formgrader opens in JupyterLab 4 and lists the assignments.

Same machinery as tests/test_browser.py: JupyterLab on a free 127.0.0.1 port with a throwaway
course (the demo module, generated into its gradebook), Debian's Chromium through Playwright.
Here the instructor configuration is used (no student config), as ``make instructor-lab`` does.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from tests.lab_server import free_port, http_get, running_lab
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser

pytestmark = pytest.mark.slow
TOKEN = "prueba-formgrader"


def test_formgrader_lists_assignments_in_jupyterlab(
    built_demo: Path, repo_root: Path, tmp_path: Path
) -> None:
    _require_browser()
    from playwright.sync_api import sync_playwright

    course = tmp_path / "curso"
    write_course_config(course)
    shutil.copytree(built_demo / "source" / "99_demo", course / "source" / "99_demo")
    generate_assignment(course, "99_demo")
    port = free_port()
    jupyter = str(Path(sys.executable).parent / "jupyter")
    cmd = [
        jupyter, "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--port={port}",
        f"--ServerApp.root_dir={course}", f"--IdentityProvider.token={TOKEN}", "--allow-root",
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_CONFIG_PATH"}
    env.update(
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "lab-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "lab-workspaces"),
    )
    artifacts = repo_root / "build" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with running_lab(cmd, course, port, TOKEN, env) as base, sync_playwright() as pw:
        status, body = http_get(f"{base}/formgrader/api/assignments?token={TOKEN}")
        assert status == 200 and '"99_demo"' in body, body[:500]
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            page.goto(f"{base}/lab?token={TOKEN}")
            page.wait_for_selector(".jp-LauncherCard", timeout=120_000)
            page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
            page.get_by_role("menuitem", name="Formgrader", exact=True).click()
            frame = page.frame_locator("iframe").first
            frame.get_by_text("99_demo", exact=True).first.wait_for(timeout=90_000)
            assert frame.get_by_text("Manage Assignments").first.is_visible()
            assert frame.locator("#warning-exchange").count() == 0, "falta la carpeta exchange"
        finally:
            page.screenshot(path=str(artifacts / "formgrader.png"))
            browser.close()
    assert not errors, "errores de JavaScript:\n" + "\n".join(errors)
