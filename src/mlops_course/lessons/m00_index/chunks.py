"""Bounded memory, checked by behaviour: an iterator of chunks that notices kept chunks.

A function that aggregates a file larger than memory must let go of each chunk before it reads
the next. :class:`OneChunkAtATime` wraps any iterable of DataFrames, yields a fresh copy of each
one and keeps only weak references to what it yielded. Before yielding chunk ``k`` it checks
(collecting garbage first if needed) that chunks ``1 .. k-2`` are gone (chunk ``k-1`` may still
be bound to the consumer's loop variable). If not, it raises :class:`ChunksKeptError`, whose
Spanish message says what to change. No clock is involved, so the check is deterministic.

It tracks the chunk objects themselves: it catches ``list(chunks)``, ``pd.concat(chunks)`` or a
second reference kept around, not code that deliberately keeps copies of every chunk.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable, Iterator

import pandas as pd


class ChunksKeptError(AssertionError):
    """The consumer kept earlier chunks alive (a list of chunks, ``pd.concat``...)."""


class OneChunkAtATime:
    """Iterate ``chunks`` (copied), failing if more than one earlier chunk is still alive."""

    def __init__(self, chunks: Iterable[pd.DataFrame]) -> None:
        self._source = iter(chunks)
        self._yielded: list[weakref.ref[pd.DataFrame]] = []
        self.chunks_read = 0
        self.exhausted = False

    def _kept(self) -> int:
        """Earlier chunks still alive, not counting the last one yielded."""
        return sum(ref() is not None for ref in self._yielded[:-1])

    def __iter__(self) -> Iterator[pd.DataFrame]:
        return self

    def __next__(self) -> pd.DataFrame:
        try:
            chunk = next(self._source).copy()
        except StopIteration:
            self.exhausted = True
            raise
        kept = self._kept()
        if kept:  # pandas objects rarely form cycles; collect only when something looks kept
            gc.collect()
            kept = self._kept()
        if kept:
            raise ChunksKeptError(
                f"Al leer el trozo {self.chunks_read + 1} siguen en memoria {kept + 1} trozos "
                "anteriores: tu función guarda los trozos (¿una lista de trozos, pd.concat, "
                "list(chunks)?). Con un archivo mayor que la memoria eso no cabe: agrega cada "
                "trozo (sumas y conteos por segmento) y suéltalo antes de leer el siguiente."
            )
        self._yielded = [ref for ref in self._yielded[-1:] if ref() is not None]
        self._yielded.append(weakref.ref(chunk))
        self.chunks_read += 1
        return chunk
