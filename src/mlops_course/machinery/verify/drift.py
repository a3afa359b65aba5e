"""Dependency drift guard: the solutions run against the newest release of every dependency.

A course rots silently as the libraries it teaches move on. This guard makes a scratch virtual
environment (under ``build/drift``, outside git), installs the newest release of every runtime
dependency of ``pyproject.toml`` (the names, not the pins), installs the course package without
its pinned dependencies, and executes every solution with papermill there. The report lists each
upgrade (pinned → newest) and, for each notebook that breaks, the error and the upgraded packages
its traceback goes through: the likely culprits. It needs the package index (network), so it
belongs to the audit tier, never to CI's test run.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import venv
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from mlops_course.machinery.build.modules import discover_modules
from mlops_course.machinery.procenv import run_tool, tool_env

SITE_PACKAGES = re.compile(r"site-packages/([A-Za-z0-9_.\-]+)/")


@dataclass
class DriftReport:
    """What moved and what broke."""

    upgrades: dict[str, tuple[str, str]] = field(default_factory=dict)
    """package → (pinned version, newest version) for every package whose version changed."""
    failures: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    """module → (last error line, upgraded packages seen in the traceback)."""
    passed: list[str] = field(default_factory=list)
    install_error: str = ""


def pinned_requirements(pyproject: Path) -> dict[str, str]:
    """Runtime dependency name → pinned version (``==``) from ``pyproject.toml``."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    pins: dict[str, str] = {}
    for line in data["project"]["dependencies"]:
        req = Requirement(line)
        version = next((s.version for s in req.specifier if s.operator == "=="), "")
        pins[canonicalize_name(req.name)] = version
    return pins


def _requirement_names(pyproject: Path) -> list[str]:
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    names = []
    for line in data["project"]["dependencies"]:
        req = Requirement(line)
        extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
        names.append(f"{req.name}{extras}")
    return names


def installed_versions(python: Path) -> dict[str, str]:
    """``pip list`` of an environment, canonical names."""
    proc = run_tool([str(python), "-m", "pip", "list", "--format", "json"])
    if proc.returncode != 0:
        raise RuntimeError(f"pip list falló en {python}: {proc.stderr.strip()}")
    return {canonicalize_name(p["name"]): p["version"] for p in json.loads(proc.stdout)}


def culprits(traceback_text: str, upgrades: dict[str, tuple[str, str]]) -> list[str]:
    """Upgraded packages whose installed files appear in a traceback, in order of appearance."""
    found: list[str] = []
    for match in SITE_PACKAGES.finditer(traceback_text):
        name = canonicalize_name(match.group(1))
        if name in upgrades and name not in found:
            found.append(name)
    return found


def run_drift(root: Path, workdir: Path | None = None, timeout: int = 600) -> DriftReport:
    """Build the newest-dependencies environment and run every solution in it."""
    base = (workdir or root / "build" / "drift").resolve()
    env_dir = base / "venv"
    report = DriftReport()
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    pyproject = root / "pyproject.toml"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--upgrade"]
    for cmd in (
        [*pip, "pip"],
        [*pip, *_requirement_names(pyproject)],
        [*pip, "--no-deps", "-e", str(root)],
    ):
        proc = run_tool(cmd)
        if proc.returncode != 0:
            report.install_error = (proc.stdout + proc.stderr).strip()[-2000:]
            return report
    pins = pinned_requirements(pyproject)
    now = installed_versions(python)
    report.upgrades = {
        name: (pinned, now[name])
        for name, pinned in pins.items()
        if name in now and pinned and now[name] != pinned
    }
    out = base / "executed"
    out.mkdir(parents=True, exist_ok=True)
    for module in discover_modules(root / "content"):
        notebook = root / "solutions" / module.slug / module.notebook_name
        params = out / f"{module.slug}.yaml"
        params.write_text(json.dumps(module.ci_parameters()), encoding="utf-8")
        workspace = base / "workspace" / module.slug
        workspace.mkdir(parents=True, exist_ok=True)
        cmd = [
            str(python), "-m", "papermill", str(notebook), str(out / module.notebook_name),
            "-k", "python3", "-f", str(params), "--cwd", str(workspace),
            "--execution-timeout", str(timeout), "--no-progress-bar",
        ]  # fmt: skip
        env = tool_env(MLOPS_WORKSPACE=str(workspace))
        env["PATH"] = f"{env_dir / 'bin'}:{env['PATH']}"
        proc = run_tool(cmd, env=env)
        if proc.returncode == 0:
            report.passed.append(module.slug)
            continue
        text = proc.stdout + proc.stderr
        last = next((ln for ln in reversed(text.strip().splitlines()) if ln.strip()), "")
        report.failures[module.slug] = (last[:300], culprits(text, report.upgrades))
    return report


def format_drift(report: DriftReport) -> str:
    """Upgrades, then each notebook's verdict."""
    if report.install_error:
        return f"no se pudo crear el entorno con las últimas versiones:\n{report.install_error}"
    lines = ["actualizaciones (fijada → última):"]
    lines.extend(f"  {name}: {old} → {new}" for name, (old, new) in sorted(report.upgrades.items()))
    if not report.upgrades:
        lines.append("  ninguna: cada dependencia ya está en la versión más nueva instalable")
    for slug in report.passed:
        lines.append(f"{slug:<26} ok")
    for slug, (error, suspects) in report.failures.items():
        blame = ", ".join(suspects) or "ninguna en la traza"
        lines.append(f"{slug:<26} FALLA  {error}\n{'':<26} sospechosas: {blame}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    result = run_drift(Path.cwd())
    print(format_drift(result))
    sys.exit(1 if result.failures or result.install_error else 0)
