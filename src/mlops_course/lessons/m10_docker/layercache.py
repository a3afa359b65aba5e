"""Which Dockerfile steps rebuild after a change: the build cache's rule, without an engine.

BuildKit reuses a step's cached layer while the step's text, its parent layer and (for COPY and
ADD) the files it copies are unchanged. So a changed file invalidates the first COPY/ADD that
copies it and every later step of that stage; a stage that copies ``--from`` an invalidated
stage is invalidated at that COPY (``--from`` an external image is not). Files that
``.dockerignore`` excludes never reach the build context, so changing them rebuilds nothing.
"""

from __future__ import annotations

import fnmatch
import shlex
from typing import Final

COPYING: Final = frozenset({"COPY", "ADD"})


def _normal(path: str) -> str:
    return path.strip().removeprefix("./").rstrip("/") or "."


def ignored(path: str, dockerignore: tuple[str, ...] = ()) -> bool:
    """True when ``.dockerignore`` patterns exclude ``path`` (later ``!`` patterns re-include)."""
    path = _normal(path)
    excluded = False
    for raw in dockerignore:
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        pattern = _normal(pattern.removeprefix("!"))
        if fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/"):
            excluded = not negate
    return excluded


def copies(sources: tuple[str, ...], path: str) -> bool:
    """True when a COPY of ``sources`` (context paths or globs) includes the file ``path``."""
    path = _normal(path)
    for source in sources:
        source = _normal(source)
        if source == "." or path == source or path.startswith(source + "/"):
            return True
        if fnmatch.fnmatch(path, source):
            return True
    return False


def _split(instruction: str) -> tuple[str, list[str]]:
    words = shlex.split(instruction)
    if not words:
        raise ValueError("Hay una instrucción vacía en la lista.")
    return words[0].upper(), words[1:]


def rebuilt_steps(
    steps: list[str] | tuple[str, ...],
    changed: str,
    dockerignore: tuple[str, ...] = (),
) -> tuple[int, ...]:
    """Indices (0-based) of the ``steps`` that rebuild after the context file ``changed`` changes.

    ``steps`` are Dockerfile instructions in order (``"COPY requirements.txt ."``). FROM steps
    are never "rebuilt" (the base image comes from the registry), but start a new stage.

    Raises:
        TypeError: ``steps`` is not a list/tuple of strings or ``changed`` is not a string.
        ValueError: the first step is not FROM.
    """
    if not isinstance(steps, list | tuple) or not all(isinstance(s, str) for s in steps):
        raise TypeError("Las instrucciones deben ser una lista de textos (una por paso).")
    if not isinstance(changed, str):
        raise TypeError("El archivo cambiado debe ser una ruta relativa al contexto (str).")
    parsed = [_split(step) for step in steps]
    if not parsed or parsed[0][0] != "FROM":
        raise ValueError("Un Dockerfile empieza por FROM: la primera instrucción no lo es.")
    in_context = not ignored(changed, dockerignore)
    rebuilt: list[int] = []
    finished: dict[str, bool] = {}  # stage index or AS name → invalidated at its end
    current: list[str] = []
    dirty = False
    for index, (name, args) in enumerate(parsed):
        if name == "FROM":
            finished.update(dict.fromkeys(current, dirty))
            words = [arg for arg in args if not arg.startswith("--")]
            dirty = finished.get(words[0] if words else "", False)  # FROM an earlier stage
            current = [str(sum(1 for key in finished if key.isdigit()))]
            if len(words) >= 3 and words[1].upper() == "AS":
                current.append(words[2])
            continue
        if not dirty and name in COPYING:
            source = next((arg.split("=", 1)[1] for arg in args if arg.startswith("--from=")), None)
            if source is not None:
                dirty = finished.get(source, False)  # an unknown name is an external image
            else:
                paths = tuple(arg for arg in args if not arg.startswith("--"))[:-1]
                dirty = in_context and copies(paths, changed)
        if dirty:
            rebuilt.append(index)
    return tuple(rebuilt)
