"""Cold starts: the share of requests that hit one, where the p99 lands, and how to measure them.

The model (module 12, Exercise 3's reference), stated:

* requests arrive at random (a Poisson process) at the mean rate ``rps`` of the month;
* one warm execution environment serves them (concurrency ≤ 1: ``rps × duration`` well below 1,
  true for the project's traffic below about 1M req/mes) and AWS recycles it after
  ``idle_timeout_s`` without requests (AWS does not publish this value; minutes is the usual
  observation: it is a PARAMETER of the model, not a fact);
* a request is cold when no request arrived in the previous ``idle_timeout_s`` seconds, so the
  cold share is ``exp(-rps × idle_timeout_s)``;
* latencies take two values, warm or cold (warm + cold-start time). With the nearest-rank p99,
  the p99 is the cold latency as soon as MORE than 1 % of requests are cold.

The measurement is honest: a cold start is a FRESH interpreter (``subprocess``) that imports and
loads the model before serving the first call; the warm path is the same call repeated in that
same process. Nothing is cached between runs.
"""

from __future__ import annotations

import json
import math
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

P99_TAIL: Final = 0.01
SECONDS_PER_MONTH_730H: Final = 730 * 3600


def cold_share(rps: float, idle_timeout_s: float) -> float:
    """Share of requests that find no warm environment: ``exp(-rps * idle_timeout_s)``.

    Raises:
        ValueError: in Spanish, a negative rate or a timeout that is not positive.
    """
    for name, value, positive in (("rps", rps, False), ("idle_timeout_s", idle_timeout_s, True)):
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise ValueError(f"{name} debe ser un número, no {value!r}.")
        if value < 0 or (positive and value == 0):
            raise ValueError(f"{name} debe ser {'> 0' if positive else '≥ 0'}: recibí {value}.")
    return math.exp(-rps * idle_timeout_s)


def p99_ms(share_cold: float, warm_ms: float, cold_ms: float) -> float:
    """The p99 of the two-value latency: ``cold_ms`` if more than 1 % are cold, else ``warm_ms``.

    Raises:
        ValueError: in Spanish, a share outside [0, 1] or a cold latency below the warm one.
    """
    if not 0 <= share_cold <= 1:
        raise ValueError(f"share_cold es una fracción en [0, 1]: recibí {share_cold}.")
    if warm_ms <= 0 or cold_ms < warm_ms:
        raise ValueError(
            f"Se espera 0 < warm_ms ≤ cold_ms: recibí warm_ms={warm_ms}, cold_ms={cold_ms}."
        )
    return cold_ms if share_cold > P99_TAIL else warm_ms


@dataclass(frozen=True)
class ColdWarm:
    """Timings (ms) of fresh processes and of the warm calls inside them."""

    cold_ms: tuple[float, ...]  # per fresh process: interpreter + setup + first call
    setup_ms: tuple[float, ...]  # per fresh process: setup (imports + model load) only
    warm_ms: tuple[float, ...]  # every warm call of every process

    @property
    def cold_median_ms(self) -> float:
        """Median cold start (ms)."""
        return statistics.median(self.cold_ms)

    @property
    def warm_median_ms(self) -> float:
        """Median warm call (ms)."""
        return statistics.median(self.warm_ms)

    @property
    def warm_p99_ms(self) -> float:
        """Nearest-rank p99 of the warm calls (ms)."""
        ordered = sorted(self.warm_ms)
        return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


_CHILD: Final = """\
import json, time
_t0 = time.perf_counter()
{setup}
_t1 = time.perf_counter()
def _call():
{call}
_call()
_t2 = time.perf_counter()
_warm = []
for _ in range({warm_calls}):
    _s = time.perf_counter()
    _call()
    _warm.append((time.perf_counter() - _s) * 1000)
print("__TIMINGS__" + json.dumps({{"setup": (_t1 - _t0) * 1000, "first": (_t2 - _t1) * 1000,
                                   "warm": _warm}}))
"""


def measure_cold_warm(
    setup: str, call: str, *, runs: int = 3, warm_calls: int = 20, timeout_s: float = 60
) -> ColdWarm:
    """Run ``setup`` then ``call`` in ``runs`` fresh interpreters; time cold and warm paths.

    ``setup`` is module-level code (imports, model load); ``call`` is the body of the function
    that serves one request. The cold time is the parent's wall time of the child minus its warm
    calls: interpreter start + setup + first call (+ the interpreter's exit, a few ms).

    Raises:
        ValueError: in Spanish, ``runs`` or ``warm_calls`` below 1.
        RuntimeError: in Spanish, with the child's stderr, if a child process fails.
    """
    if runs < 1 or warm_calls < 1:
        raise ValueError(f"runs y warm_calls deben ser ≥ 1: recibí {runs} y {warm_calls}.")
    script = _CHILD.format(
        setup=textwrap.dedent(setup),
        call=textwrap.indent(textwrap.dedent(call) or "pass", "    "),
        warm_calls=warm_calls,
    )
    cold: list[float] = []
    setups: list[float] = []
    warm: list[float] = []
    with tempfile.TemporaryDirectory(prefix="m12-cold-") as tmp:
        path = Path(tmp) / "cold_start_child.py"
        path.write_text(script, encoding="utf-8")
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, str(path)],
                capture_output=True,
                text=True,
                timeout=timeout_s,
                check=False,
            )
            wall = (time.perf_counter() - start) * 1000
            if done.returncode != 0:
                raise RuntimeError(
                    f"El proceso nuevo falló (código {done.returncode}):\n{done.stderr[-2000:]}"
                )
            line = next(x for x in done.stdout.splitlines() if x.startswith("__TIMINGS__"))
            timings = json.loads(line.removeprefix("__TIMINGS__"))
            warm_total = sum(timings["warm"])
            cold.append(wall - warm_total)
            setups.append(float(timings["setup"]))
            warm.extend(float(ms) for ms in timings["warm"])
    return ColdWarm(tuple(cold), tuple(setups), tuple(warm))
