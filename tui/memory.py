"""The board holds a book open for hours: let the C library hand back what each read freed.

Every read of a book another process changed runs in a worker thread of its own
(``@work(thread=True)``) and parses the file anew: megabytes of buffers (the
file's bytes, the parser's, the tables' growing dicts) that are freed a moment
later.  glibc gives the threads arenas of their own, and once the first such
buffer is freed it raises its mmap threshold, so that the next ones come from
the heap: both keep the freed memory in the process, and the board's resident
memory climbs with the first reads after a write from another terminal and never
comes down (``bench/soak.py``).  One arena and glibc's own starting threshold of
128 KiB, fixed, give big buffers back to the kernel as they are freed.  Elsewhere
(musl, macOS) nothing is done.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["return_freed_memory"]

# mallopt parameters from glibc's <malloc.h>.
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
_THRESHOLD = 128 * 1024


def return_freed_memory() -> bool:
    """Set glibc's allocator so that freed buffers leave the process; whether it could.

    Called before the board starts its threads (an arena is given to a thread once)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    # mallopt answers 1 when it took a setting (musl's stub answers 0).
    return bool(mallopt(_M_ARENA_MAX, 1)) and bool(mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
