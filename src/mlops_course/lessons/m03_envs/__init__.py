"""Helpers for module 03 (environments): dependency policy, installed closure, wheel tags, reports.

* :mod:`.policy` — a team's dependency rules for a parsed ``pyproject.toml`` (with ``packaging``);
* :mod:`.closure` — the installed dependency closure of some requirements, as exact pins;
* :mod:`.wheels` — the wheel tags an installed distribution was built for (native or pure);
* :mod:`.report` — a requirements audit rendered as a Spanish Markdown report;
* :mod:`.uvlab` — a local, offline package index (tiny wheels + PEP 503 pages) and the uv binary.
"""

from mlops_course.lessons.m03_envs.closure import installed_closure, pinned_lines
from mlops_course.lessons.m03_envs.policy import has_bounds, policy_violations
from mlops_course.lessons.m03_envs.report import FINDING_KINDS, findings_markdown
from mlops_course.lessons.m03_envs.uvlab import (
    LOCAL_PACKAGES,
    build_local_index,
    build_wheel,
    find_uv,
    write_simple_index,
)
from mlops_course.lessons.m03_envs.wheels import WheelInfo, wheel_info

__all__ = [
    "FINDING_KINDS",
    "LOCAL_PACKAGES",
    "WheelInfo",
    "build_local_index",
    "build_wheel",
    "find_uv",
    "findings_markdown",
    "has_bounds",
    "installed_closure",
    "pinned_lines",
    "policy_violations",
    "wheel_info",
    "write_simple_index",
]
