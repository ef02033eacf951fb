"""A board kept open while another process writes to its book many times (a working day and more).

Reported: the board process's resident memory once it has settled, again after
the writes have arrived and the board has caught up, and its CPU over wall time
while idle afterwards.  The writes come from one other process, each a durable
``Book.quick`` of its own (a fresh process per write would take hours for
10,000 of them); the board sees them through the book file as it would see
``rapport quick`` from other terminals.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.board import IDLE_SECONDS, Frames, _on_board
from bench.peers import first_client

__all__ = ["soak"]

CATCH_UP_SECONDS = 2.0  # the board polls every 0.5 s


def _resident_bytes() -> int:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def soak(book_path: Path, writes: int) -> dict[str, float]:
    """Memory before and after ``writes`` external writes, and idle CPU after them.

    The board runs in a fresh interpreter, so its memory is the board's alone."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.soak", "board", str(book_path), str(writes)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _soak_here(book_path: Path, writes: int) -> dict[str, float]:
    figures: dict[str, float] = {}

    async def body(app: Any, pilot: Any, frames: Frames) -> float:
        await pilot.pause(1.0)
        figures["rss_before"] = _resident_bytes()
        start = time.perf_counter()
        writer = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.soak", "write", str(book_path), str(writes)
        )
        if await writer.wait() != 0:
            raise RuntimeError("the soak writer failed")
        figures["writes_per_s"] = writes / (time.perf_counter() - start)
        await pilot.pause(CATCH_UP_SECONDS)
        figures["rss_after"] = _resident_bytes()
        cpu, wall = time.process_time(), time.perf_counter()
        await pilot.pause(IDLE_SECONDS)
        figures["idle_cpu_percent"] = (
            100 * (time.process_time() - cpu) / (time.perf_counter() - wall)
        )
        return 0.0

    _on_board(book_path, body)
    return figures


def _write(book_path: Path, writes: int) -> None:
    import pendulum

    from model import Book

    book = Book(book_path)
    client = first_client(book_path)
    for n in range(writes):
        book.quick(f"{client} note soak {n}", pendulum.now())


if __name__ == "__main__":
    role, path, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    if role == "board":
        print(json.dumps(_soak_here(path, count)))
    else:
        _write(path, count)
