"""How much memory a process tree really uses: PSS, so that forked children are not counted twice.

A kernel that starts a tool (ruff, git, DVC) forks first: until the child calls ``exec`` it shares
every page of the kernel, and summing the resident sizes (RSS) of both counts the kernel twice. The
proportional set size (PSS) splits each shared page among the processes that share it, so the sum
over a tree is what the tree costs the machine. Linux reports PSS; elsewhere (or when the process
may not be inspected) RSS is the fallback.
"""

from __future__ import annotations

from collections.abc import Iterable

import psutil


def process_memory(process: psutil.Process) -> int:
    """Bytes used by ``process``: PSS where available, else RSS.

    Raises:
        psutil.NoSuchProcess: if the process is gone.
    """
    try:
        return int(process.memory_full_info().pss)
    except (AttributeError, psutil.AccessDenied):
        return int(process.memory_info().rss)


def tree_memory(processes: Iterable[psutil.Process]) -> int:
    """Total bytes used by ``processes``, skipping those that ended while being measured."""
    total = 0
    for process in processes:
        try:
            total += process_memory(process)
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
    return total
