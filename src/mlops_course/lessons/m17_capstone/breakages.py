"""One deliberate breakage per criterion: what a rushed change does to each layer.

Used by the course's tests (each breakage costs its criterion, and only it) and by the module's
notebook to show what the checker reports on a broken layer. Each function edits a *copy* of a
project in place; none is ever applied to a student's folder by the course.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Final

from mlops_course.lessons.m17_capstone.store import store_db


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{path.name} no contiene {old!r}: la rotura no se puede aplicar.")
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def stage_without_repro(project: Path) -> None:
    """A stage's code changed and never reproduced: ``dvc status`` sees a changed dependency."""
    path = project / "src" / "churn_project" / "stages" / "prepare.py"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n# Cambio sin `dvc repro`: el pipeline queda viejo.\n",
        encoding="utf-8",
    )


def run_without_params(project: Path) -> None:
    """The last training's run lost its hyper-parameters (``log_params`` forgotten)."""
    import json

    run_id = json.loads((project / "reports" / "mlflow_run.json").read_text())["run_id"]
    with sqlite3.connect(store_db(project.parent)) as connection:
        connection.execute("DELETE FROM params WHERE run_uuid = ?", (run_id,))


def failing_test(project: Path) -> None:
    """A red test committed to the suite."""
    (project / "tests" / "test_roto.py").write_text(
        "def test_a_rule_that_no_longer_holds() -> None:\n    assert sum([1, 1]) == 3\n",
        encoding="utf-8",
    )


def unused_import(project: Path) -> None:
    """An unused import left in the package (ruff F401)."""
    path = project / "src" / "churn_project" / "params.py"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("from __future__ import annotations\n",
                                 "from __future__ import annotations\n\nimport os\n", 1),
                    encoding="utf-8")  # fmt: skip


def job_without_runner(project: Path) -> None:
    """A job without ``runs-on`` (the workflow schema and actionlint reject it)."""
    path = project / ".github" / "workflows" / "ci.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("runs-on:"))
    path.write_text("".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")


def root_user(project: Path) -> None:
    """The image switched back to root at the end (hadolint DL3002)."""
    path = project / "Dockerfile"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\nUSER root\n", "utf-8")


def key_check_bypassed(project: Path) -> None:
    """A debugging shortcut left in: a request without ``X-API-Key`` is let through."""
    _edit(
        project / "src" / "churn_project" / "api" / "dependencies.py",
        "    if not x_api_key:\n        raise ProblemError(",
        "    if not x_api_key:\n        return  # atajo de depuración que nadie quitó\n"
        '    if x_api_key == "":\n        raise ProblemError(',
    )


def adr_without_decision(project: Path) -> None:
    """The ADR lost its decision section."""
    _edit(project / "docs" / "adr" / "0001-despliegue.md", "## Decisión", "## Notas")


def bucket_name_unvalidated(project: Path) -> None:
    """The bucket module's name validation neutralised (``terraform test`` expects it)."""
    path = project / "infra" / "modules" / "bucket" / "variables.tf"
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"condition\s+=\s+can\(regex\([^\n]*var\.name\)\)", "condition     = true",
                     text, count=1)  # fmt: skip
    if changed == text:
        raise ValueError("variables.tf no tiene la validación del nombre del bucket.")
    path.write_text(changed, encoding="utf-8")


def container_without_limits(project: Path) -> None:
    """The API container lost its resource limits (the course's policy requires them)."""
    path = project / "k8s" / "base" / "deployment.yaml"
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"\n( +)limits:\n(\1  .*\n)+", "\n", text, count=1)
    if changed == text:
        raise ValueError("deployment.yaml no tiene límites de recursos que quitar.")
    path.write_text(changed, encoding="utf-8")


def dangling_docs_link(project: Path) -> None:
    """A page of the docs site links to a page that does not exist."""
    path = project / "docs" / "index.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nVer también [el runbook](runbook.md).\n",
        encoding="utf-8",
    )


def demo_calls_a_missing_route(project: Path) -> None:
    """The demo script asks for a route the API does not have (a renamed route, half updated)."""
    _edit(project / "scripts" / "demo.py", 'f"{url}/predict"', 'f"{url}/prediccion"')


def dashboard_reads_a_missing_metric(project: Path) -> None:
    """A dashboard panel renamed to a metric the API never exported (a typo nobody sees)."""
    _edit(project / "monitoring" / "dashboard.json", "churn_predictions_total",
          "churn_prediction_total")  # fmt: skip


BREAKAGES: Final[dict[str, Callable[[Path], None]]] = {
    "pipeline-dvc": stage_without_repro,
    "mlflow-registro": run_without_params,
    "tests-cobertura": failing_test,
    "calidad-codigo": unused_import,
    "workflow-ci": job_without_runner,
    "dockerfile": root_user,
    "api": key_check_bypassed,
    "adr-despliegue": adr_without_decision,
    "terraform": bucket_name_unvalidated,
    "kubernetes": container_without_limits,
    "observabilidad": dashboard_reads_a_missing_metric,
    "docs-sitio": dangling_docs_link,
    "demo": demo_calls_a_missing_route,
}
"""criterion id → the breakage that must cost it (and no other criterion)."""
