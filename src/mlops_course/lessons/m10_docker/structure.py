"""Structural facts of a Dockerfile, read with ``dockerfile-parse`` (no engine needed).

These are the course's reference answers for the student's own structure checks: which stages
there are, what the final stage runs on (and whether that base is pinned by digest), as which
user, what it copies from earlier stages, whether it has a HEALTHCHECK, and which build tools
it still installs.
"""

from __future__ import annotations

import io
import re
import shlex
from dataclasses import dataclass
from typing import Final

from dockerfile_parse import DockerfileParser

BUILD_TOOLS: Final[tuple[str, ...]] = (
    "build-essential",
    "gcc",
    "g++",
    "make",
    "cmake",
    "git",
    "curl",
    "wget",
)
DIGEST: Final = re.compile(r"@sha256:[0-9a-f]{64}$")
ROOT_USERS: Final = frozenset({"root", "0"})


@dataclass(frozen=True)
class Stage:
    """One ``FROM`` section: its position, base image and ``AS`` name (``None`` if unnamed)."""

    index: int
    base: str
    name: str | None


@dataclass(frozen=True)
class DockerfileFacts:
    """What the final image is made of, as far as the Dockerfile says."""

    stages: tuple[Stage, ...]
    final_base: str
    final_base_pinned: bool  # the final stage's base carries a full ``@sha256:`` digest
    final_user: str | None  # the last USER of the final stage (None: the image runs as root)
    copy_from: tuple[str, ...]  # sources of ``COPY --from=…`` in the final stage, in order
    healthcheck: bool  # the final stage declares a HEALTHCHECK (other than NONE)
    build_tools: tuple[str, ...]  # build tools installed by RUN in the final stage

    @property
    def runs_as_root(self) -> bool:
        """True when the final stage sets no USER, or sets root (by name or uid 0)."""
        if self.final_user is None:
            return True
        return self.final_user.split(":", 1)[0] in ROOT_USERS


def instructions(text: str) -> tuple[tuple[str, str], ...]:
    """``(INSTRUCTION, value)`` pairs in order, comments dropped, continuations joined.

    Raises:
        TypeError: ``text`` is not a string.
        ValueError: the text has no FROM instruction.
    """
    if not isinstance(text, str):
        raise TypeError(f"Espero el texto del Dockerfile (str), no {type(text).__name__}.")
    parser = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8")))
    pairs = tuple(
        (str(item["instruction"]).upper(), str(item["value"]))
        for item in parser.structure
        if item["instruction"] != "COMMENT"
    )
    if not any(name == "FROM" for name, _ in pairs):
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    return pairs


def _stage(index: int, value: str) -> Stage:
    words = [word for word in value.split() if not word.startswith("--")]
    name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
    return Stage(index, words[0], name)


def _copy_source(value: str) -> str | None:
    for word in shlex.split(value):
        if word.startswith("--from="):
            return word.removeprefix("--from=")
    return None


def _installed_tools(command: str) -> set[str]:
    if not re.search(r"\b(apt-get|apt|apk|yum|dnf|microdnf)\b[^&;|]*\b(install|add)\b", command):
        return set()
    words = set(re.split(r"[\s;&|]+", command))
    found = {tool for tool in BUILD_TOOLS if tool in words}
    found |= {word.split("=", 1)[0] for word in words if "=" in word} & set(BUILD_TOOLS)
    return found


def dockerfile_facts(text: str) -> DockerfileFacts:
    """The facts of ``text`` (a Dockerfile): stages and what the final stage contains.

    Raises:
        TypeError: ``text`` is not a string.
        ValueError: the text has no FROM instruction.
    """
    pairs = instructions(text)
    stages: list[Stage] = []
    final: list[tuple[str, str]] = []
    for name, value in pairs:
        if name == "FROM":
            stages.append(_stage(len(stages), value))
            final = []
        elif stages:
            final.append((name, value))
    last = stages[-1]
    user: str | None = None
    copies: list[str] = []
    health = False
    tools: set[str] = set()
    for name, value in final:
        if name == "USER":
            user = value.strip()
        elif name == "COPY":
            source = _copy_source(value)
            if source is not None:
                copies.append(source)
        elif name == "HEALTHCHECK":
            health = value.strip().upper() != "NONE"
        elif name == "RUN":
            tools |= _installed_tools(value)
    return DockerfileFacts(
        stages=tuple(stages),
        final_base=last.base,
        final_base_pinned=bool(DIGEST.search(last.base)),
        final_user=user,
        copy_from=tuple(copies),
        healthcheck=health,
        build_tools=tuple(sorted(tools)),
    )
