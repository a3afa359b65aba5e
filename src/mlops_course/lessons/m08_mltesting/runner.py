"""Child-process entry point: run one test file against several copies of a module.

``python -m mlops_course.lessons.m08_mltesting.runner SPEC.json`` reads a spec written by
:func:`mlops_course.lessons.m08_mltesting.suite.run_suite`, runs pytest once per project folder
(the reference
module and each buggy variant) inside this one process, optionally under coverage.py, and writes
the outcomes as JSON. Running in a child keeps the notebook kernel free of imported test modules,
``sys.path`` changes and coverage tracers.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

OUTCOME_KEYS = ("passed", "failed", "errors")


class Recorder:
    """pytest plugin that records each test's outcome and a one-line reason for failures."""

    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}
        self.messages: dict[str, str] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record the call phase, or a failing setup/teardown as an error."""
        name = report.nodeid.split("::", 1)[-1]
        if report.when == "call":
            self.outcomes[name] = "passed" if report.passed else report.outcome
        elif report.failed:
            self.outcomes[name] = "errors"
        if report.failed:
            self.messages[name] = _short(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        """A file that cannot be imported counts as one error."""
        if report.failed:
            name = f"[recogida] {Path(report.nodeid).name or 'tests'}"
            self.outcomes[name] = "errors"
            self.messages[name] = _short(report)


def _short(report: pytest.TestReport | pytest.CollectReport) -> str:
    """The last meaningful line of a failure (the exception and its message), at most 300 chars."""
    crash = getattr(report.longrepr, "reprcrash", None)
    text = getattr(crash, "message", None) or report.longreprtext
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("E ")]
    line = (errors[-1][2:].strip() if errors else lines[-1]) if lines else "fallo sin mensaje"
    return line[:300]


def _purge(module_name: str, project: Path) -> None:
    """Forget modules imported from ``project`` so that the next variant is imported afresh."""
    prefix = str(project) + "/"
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        if name == module_name or file.startswith(prefix):
            del sys.modules[name]


def run_project(project: Path, test_file: str, module_name: str) -> dict[str, Any]:
    """Run ``project/tests/<test_file>`` with ``project`` as rootdir and on ``sys.path``."""
    recorder = Recorder()
    _purge(module_name, project)
    args = [
        str(project / "tests" / test_file),
        "-q",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(project),
        "-c",
        str(project / "pytest.ini"),
        "--import-mode=importlib",
        "--tb=short",
        "-p",
        "no:unraisableexception",
        "-p",
        "no:threadexception",
    ]
    exit_code = pytest.main(args, plugins=[recorder])
    _purge(module_name, project)
    return {
        "exit_code": int(exit_code),
        "outcomes": recorder.outcomes,
        "messages": recorder.messages,
    }


def _configure_hypothesis() -> None:
    """Deterministic hypothesis runs that write nothing to disk and never shrink.

    Without the shrink phase a failing property reports the first counterexample found instead
    of the simplest one: grading only needs red or green, and shrinking a failure through a
    trained model can take minutes.
    """
    from hypothesis import Phase, settings

    settings.register_profile(
        "mlops08",
        database=None,
        derandomize=True,
        deadline=None,
        phases=(Phase.explicit, Phase.reuse, Phase.generate),
    )
    settings.load_profile("mlops08")


def run_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Run every project of ``spec`` in this process and return the outcomes by project name.

    Each run starts from fresh imports of the module under test and of the test file, and
    leaves ``sys.modules``/``sys.path`` as it found them, so it is safe inside a notebook kernel.
    """
    _configure_hypothesis()
    module_name: str = spec["module_name"]
    results: dict[str, Any] = {}
    for name, folder in spec["projects"].items():
        project = Path(folder).resolve()
        measure = spec.get("coverage") if name == spec.get("coverage_of") else None
        if measure is None:
            results[name] = run_project(project, spec["test_file"], module_name)
            continue
        import coverage

        target = project / f"{module_name}.py"
        cov = coverage.Coverage(data_file=None, config_file=False, include=[str(target)])
        cov.start()
        try:
            results[name] = run_project(project, spec["test_file"], module_name)
        finally:
            cov.stop()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", coverage.exceptions.CoverageWarning)
            try:
                percent = cov.json_report(outfile=measure["json"], pretty_print=True)
                with open(measure["text"], "w", encoding="utf-8") as handle:
                    cov.report(file=handle, show_missing=True)
            except coverage.CoverageException:  # the module was never imported: nothing measured
                percent = 0.0
        results[name]["coverage_percent"] = float(percent)
    return results


def main(argv: list[str] | None = None) -> int:
    """Run every project of the spec and write the result file; returns the process exit code."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("uso: python -m mlops_course.lessons.m08_mltesting.runner SPEC.json", file=sys.stderr)
        return 2
    spec = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    results = run_spec(spec)
    Path(spec["result"]).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through a child process
    raise SystemExit(main())
