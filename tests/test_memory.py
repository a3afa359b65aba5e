"""Memory of a process tree: a forked child that shares its parent's pages is not counted twice."""

from __future__ import annotations

import subprocess
import sys
import time

import psutil
import pytest

from mlops_course.machinery.memory import process_memory, tree_memory

MB = 2**20
# The parent fills 150 MB, then forks a child that shares those pages and waits (as a kernel
# does for an instant before a child calls exec).
FORKING = """
import os, sys, time
block = bytearray(150 * 2**20)
for i in range(0, len(block), 4096):
    block[i] = 1
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
print(pid, flush=True)
time.sleep(30)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS is a Linux measure")
def test_a_forked_child_is_not_counted_twice() -> None:
    proc = subprocess.Popen([sys.executable, "-c", FORKING], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        int(proc.stdout.readline())  # the child exists from here on
        time.sleep(0.2)
        parent = psutil.Process(proc.pid)
        tree = [parent, *parent.children(recursive=True)]
        assert len(tree) == 2
        resident = sum(p.memory_info().rss for p in tree)
        assert resident > 280 * MB, "RSS counts the shared 150 MB once per process"
        assert 140 * MB < tree_memory(tree) < 220 * MB, tree_memory(tree) / MB
    finally:
        for child in psutil.Process(proc.pid).children(recursive=True):
            child.kill()
        proc.kill()
        proc.wait()


def test_a_process_that_is_gone_counts_zero() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with pytest.raises(psutil.NoSuchProcess):
        process_memory(psutil.Process(gone.pid))
    assert tree_memory([]) == 0
