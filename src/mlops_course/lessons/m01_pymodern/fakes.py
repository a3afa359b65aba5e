"""Test doubles for the retry lesson: a service that fails, a ``sleep`` that does not wait."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FlakyFeatureStore:
    """A simulated remote feature store that fails ``failures`` times, then answers.

    Each failed call raises ``ConnectionError`` (a transient error: retrying may help).
    ``calls`` counts every call, failed or not.
    """

    failures: int
    calls: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.failures, bool) or not isinstance(self.failures, int):
            raise TypeError("failures debe ser un entero.")
        if self.failures < 0:
            raise ValueError(f"failures no puede ser negativo (recibido {self.failures}).")

    def fetch(self, customer_id: str) -> dict[str, float]:
        """Return the features of ``customer_id`` once the simulated outage is over."""
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionError(
                f"feature store no disponible (intento {self.calls}): conexión rechazada"
            )
        return {"balance_eur": 1250.0, "tenure_months": 37.0}


@dataclass
class RecordingSleep:
    """A drop-in replacement for ``time.sleep`` that records the delays instead of waiting."""

    delays: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        """Record ``seconds`` (never waits)."""
        if seconds < 0:
            raise ValueError(f"sleep recibió un tiempo negativo: {seconds}.")
        self.delays.append(seconds)

    @property
    def total(self) -> float:
        """Seconds a real ``sleep`` would have waited."""
        return sum(self.delays)
