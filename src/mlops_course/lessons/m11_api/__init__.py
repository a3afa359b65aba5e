"""Module 11 (FastAPI profesional): real serving of the churn project's API.

* :mod:`.server` — a uvicorn subprocess on 127.0.0.1 and a free port, stopped cleanly.
* :mod:`.loadtest` — a bounded headless locust run in a subprocess, parsed (rps, p50/p95/p99).
"""

from mlops_course.lessons.m11_api.loadtest import LoadResult, parse_stats, run_load_test
from mlops_course.lessons.m11_api.server import Server, free_port, port_is_open, serve

__all__ = [
    "LoadResult",
    "Server",
    "free_port",
    "parse_stats",
    "port_is_open",
    "run_load_test",
    "serve",
]
