"""A stand-in model for the tests of batch scoring: it records every batch it is asked to score."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd


class SpyModel:
    """Records ``(rows, columns)`` of each ``predict_proba`` call; its probability is ``age / 100``.

    The tests use it to see how a function split a table into batches and which columns it sent,
    without training anything.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[int, list[str]]] = []

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Two columns, ``1 - p`` and ``p``, with ``p = age / 100``."""
        self.calls.append((len(X), [str(c) for c in X.columns]))
        p = X["age"].to_numpy(dtype=float) / 100
        return np.column_stack([1 - p, p])
