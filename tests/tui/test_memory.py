"""The board's process gives back the buffers its reads freed (``tui.memory``).

A real process each: reads in fresh threads, as the board's workers are, each
allocating a book's worth of short-lived buffers and keeping a little (the
tables that stay).  Without the setting glibc keeps what was freed; with it the
process grows by what was kept.
"""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

_READS = """
import os, sys, threading
from tui.memory import return_freed_memory

def resident():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

if sys.argv[1] == "set":
    assert return_freed_memory()
kept = []

def read():
    buffers = [b"x" * (1536 * 1024) for _ in range(8)]
    kept.append([{"n": n} for n in range(2000)])
    del buffers

start = resident()
for _ in range(10):
    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
print((resident() - start) / 2**20)
"""


def _growth_mib(setting: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _READS, setting], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="a glibc setting")
def test_freed_buffers_leave_the_process() -> None:
    kept_only = _growth_mib("set")
    assert kept_only < 10  # ten reads kept ~4 MiB of small dicts
    # 120 MiB were freed; glibc alone keeps 16-40 MiB of them (the figure varies by build)
    assert _growth_mib("unset") > kept_only + 8
