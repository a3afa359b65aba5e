"""Resource 21: every template renders for two projects and passes its real tool; broken fail."""

from __future__ import annotations

import keyword

import pytest
from packaging.utils import canonicalize_name

from mlops_course.lessons.r21_templates import (
    KNOWN_KINDS,
    NOT_TEMPLATES,
    REFERENCE,
    TEMPLATES,
    TemplateBrowser,
    by_key,
    check,
    check_files,
    name_forms,
    project_files,
    render,
    run_checker,
    source_layers,
    templates_html,
    uncovered_files,
)
from mlops_course.lessons.r21_templates.checks import CHECKERS

PROJECTS = ("churn-project", "fraude-pagos")


@pytest.mark.parametrize("project", PROJECTS)
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_every_template_renders_and_passes_its_tool(template: object, project: str) -> None:
    verdict = check(template, name_forms(project))  # type: ignore[arg-type]
    assert verdict.ok, str(verdict)


def test_rendering_for_another_project_leaves_no_reference_name() -> None:
    forms = name_forms("fraude-pagos")
    for template in TEMPLATES:
        for path, text in render(template, forms).items():
            for name in ("churn-project", "churn_project", "churn-api"):
                assert name not in path and name not in text, (template.key, path, name)


def test_rendering_for_churn_is_the_layer_file_itself() -> None:
    dockerfile = render(by_key("dockerfile"), REFERENCE)["Dockerfile"]
    assert source_layers(by_key("dockerfile")) == {"Dockerfile": "11"}
    assert "churn_project.api.app:create_app" in dockerfile
    fraud = render(by_key("dockerfile"), name_forms("fraude-pagos"))["Dockerfile"]
    assert "fraude_pagos.api.app:create_app" in fraud


def test_every_tool_has_a_checker_and_every_template_file_a_layer() -> None:
    assert set(CHECKERS) >= {template.tool for template in TEMPLATES}
    owners = project_files()
    for template in TEMPLATES:
        assert all(path in owners for path in template.files), template.key


def test_a_layer_file_of_a_known_kind_is_a_template_or_excluded() -> None:
    """The coverage rule: a layer that adds a workflow, a Dockerfile, a .tf … must decide."""
    assert uncovered_files() == [], (
        "Estos archivos de las capas son de un tipo conocido y no están ni en TEMPLATES ni en "
        f"NOT_TEMPLATES (r21_templates/registry.py): {uncovered_files()}"
    )
    assert KNOWN_KINDS and NOT_TEMPLATES


def test_a_new_layer_file_of_a_known_kind_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from mlops_course.lessons.r21_templates import registry

    real = registry.project_files()
    monkeypatch.setattr(
        registry, "project_files", lambda: {**real, ".github/workflows/release.yml": "17"}
    )
    assert registry.uncovered_files() == [".github/workflows/release.yml"]


BROKEN = [
    ("workflow-ci", "runs-on: ubuntu-latest", "runs-on: ${{ matrix.nope }}", "expression"),
    (
        "dockerfile",
        "FROM python:3.11-slim@sha256:"
        "9c900dea9e8fb7e16277c179b555cc72d29a352dbc33cff48ad5a0412fd5bfc7 AS builder",
        "FROM python:latest AS builder",
        "DL3007",
    ),
    ("pyproject", "name = ", "nombre = ", "name"),
    ("dvc-pipeline", "cmd:", "comando:", "comando"),
    ("k8s-base", "replicas: 2", "replicas: dos", "spec.replicas"),
    ("terraform-bucket", 'variable "name" {', 'variable "name" {\n  tipo = 1', "tipo"),
    ("model-card", "{{ owner }}", "{{ dueno }}", "dueno"),
    ("model-card", "## Uso previsto", "## Uso", "Uso previsto"),
    ("adr", "DECISIÓN:\n", "DECISION TOMADA\n", "DECISIÓN"),
    ("makefile", "\tdvc repro", "        dvc repro", "missing separator"),
    (
        "pre-commit",
        "        language: system\n        entry: ruff check",
        "        entry: ruff check",
        "language",
    ),
]


@pytest.mark.parametrize(("key", "old", "new", "expected"), BROKEN, ids=lambda v: str(v)[:20])
def test_a_broken_template_is_rejected(key: str, old: str, new: str, expected: str) -> None:
    template = by_key(key)
    files = render(template)
    path = next(name for name, text in files.items() if old in text)
    files[path] = files[path].replace(old, new, 1)
    verdict = check_files(template, files)
    assert not verdict.ok and expected in str(verdict), str(verdict)


@pytest.mark.parametrize(
    ("name", "project", "package", "service"),
    [
        ("churn-project", "churn-project", "churn_project", "churn-api"),
        ("Fraude_Pagos", "fraude-pagos", "fraude_pagos", "fraude-pagos-api"),
        ("  mi..Modelo--v2 ", "mi-modelo-v2", "mi_modelo_v2", "mi-modelo-v2-api"),
    ],
)
def test_name_forms(name: str, project: str, package: str, service: str) -> None:
    forms = name_forms(name)
    assert (forms.project, forms.package, forms.service) == (project, package, service)
    assert forms.project == canonicalize_name(name.strip())
    assert forms.package.isidentifier() and not keyword.iskeyword(forms.package)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("", ValueError),
        ("-fraude", ValueError),
        ("fraude pagos", ValueError),
        ("2fraude", ValueError),
        ("class", ValueError),
        ("x" * 60, ValueError),
        (42, TypeError),
    ],
)
def test_name_forms_rejects(name: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        name_forms(name)  # type: ignore[arg-type]


PRE_COMMIT = """repos:
  - repo: local
    hooks:
      - id: ruff
        name: ruff
        entry: ruff check
        language: system
        types: [python]
"""


@pytest.mark.parametrize(
    ("tool", "files", "broken", "expected"),
    [
        ("make -n", {"Makefile": "test:\n\tpytest -q\n"}, ("\t", "    "), "missing separator"),
        (
            "pre-commit",
            {".pre-commit-config.yaml": PRE_COMMIT},
            ("        name: ruff\n", ""),
            "name",
        ),
    ],
)
def test_make_and_pre_commit_checkers_accept_and_reject(
    tool: str, files: dict[str, str], broken: tuple[str, str], expected: str
) -> None:
    """The make and pre-commit checkers on minimal files: a good one passes, a broken one fails
    with the tool's own message."""
    assert run_checker(tool, files).ok, str(run_checker(tool, files))
    bad = {path: text.replace(*broken) for path, text in files.items()}
    verdict = run_checker(tool, bad)
    assert not verdict.ok and expected in str(verdict), str(verdict)


def test_run_checker_rejects_an_unknown_tool() -> None:
    with pytest.raises(KeyError, match="hadolint"):
        run_checker("kubeconform", {})


def test_unknown_template_key_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="dockerfile"):
        by_key("helm-chart")


def test_browser_renders_checks_and_reports_bad_names() -> None:
    browser = TemplateBrowser(TEMPLATES, "fraude-pagos", "k8s-base")
    assert "fraude-pagos-api" in browser.output.value and "lo acepta" in browser.output.value
    browser.name.value = "mal nombre"
    assert "DNS-1123" in browser.output.value
    browser.name.value = "pagos"
    browser.choice.value = "dockerfile"
    assert "pagos.api.app:create_app" in browser.output.value
    bundle = browser._repr_mimebundle_()
    assert "mlops-templates-static" in bundle["text/html"]
    assert "hadolint" in templates_html(TEMPLATES)


def test_browser_survives_a_missing_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    from mlops_course.lessons.r21_templates import view

    def missing(*args: object) -> object:
        raise FileNotFoundError("No encuentro hadolint")

    monkeypatch.setattr(view, "check_files", missing)
    browser = TemplateBrowser(TEMPLATES, "pagos", "dockerfile")
    assert "no se pudo ejecutar" in browser.output.value
    assert "pagos.api.app:create_app" in browser.output.value
