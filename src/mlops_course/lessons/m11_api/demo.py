"""A tiny FastAPI app for módulo 11 §1: the same wait written three ways.

``/bloqueante`` is ``async def`` with ``time.sleep`` (blocks the event loop: requests queue up),
``/hilo`` is ``def`` with ``time.sleep`` (FastAPI runs it in its threadpool) and ``/asincrono``
is ``async def`` with ``await asyncio.sleep`` (yields the loop while it waits). :func:`fire`
sends ``n`` requests at once and measures how long all of them take.

Served with ``uvicorn mlops_course.lessons.m11_api.demo:create_app --factory``.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from fastapi import FastAPI, Query

MAX_WAIT = 2.0


def create_app() -> FastAPI:
    """The demo app (nothing happens at import time)."""
    app = FastAPI(title="Demo: el bucle de eventos")

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/bloqueante")
    async def blocking(s: float = Query(0.2, ge=0, le=MAX_WAIT)) -> dict[str, float]:
        time.sleep(s)  # ¡mal! bloquea el bucle: nadie más avanza mientras duerme
        return {"esperado": s}

    @app.get("/hilo")
    def in_thread(s: float = Query(0.2, ge=0, le=MAX_WAIT)) -> dict[str, float]:
        time.sleep(s)  # def: FastAPI lo ejecuta en su pool de hilos
        return {"esperado": s}

    @app.get("/asincrono")
    async def non_blocking(s: float = Query(0.2, ge=0, le=MAX_WAIT)) -> dict[str, float]:
        await asyncio.sleep(s)  # cede el bucle mientras espera
        return {"esperado": s}

    return app


@dataclass(frozen=True)
class Burst:
    """``n`` requests sent at once: the wall time and each one's latency (seconds)."""

    wall_s: float
    latencies_s: tuple[float, ...]


def fire(url: str, n: int, timeout: float = 30.0) -> Burst:
    """Send ``n`` GET requests to ``url`` at the same time and time them.

    Raises:
        ValueError: ``url`` is not on 127.0.0.1 or ``n`` is not between 1 and 64.
    """
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(f"Solo contra 127.0.0.1, no {url}.")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 64:
        raise ValueError(f"n debe ser un entero entre 1 y 64, no {n!r}.")

    def one(_: int) -> float:
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n) as pool:
        latencies = tuple(pool.map(one, range(n)))
    return Burst(time.perf_counter() - started, latencies)
