"""Whole processes, timed from outside and side by side.

A command and its yardstick run in turn (A B A B ...), so a machine that slows
down during the run slows both; the ratio is taken pair by pair and its median
reported.  Each run's peak memory is the kernel's own account of the child
(``wait4``'s ``ru_maxrss``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["BenchError", "Pair", "Run", "alternate", "run", "runs"]


class BenchError(RuntimeError):
    """A command the bench runs failed: its figure would mean nothing."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int


def run(command: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """One run of ``command``: wall time from start to reaping, and its peak memory."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(command),
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            said = err.read().decode(errors="replace").strip().splitlines()[-1:]
            raise BenchError(f"{' '.join(command)} exited {child.returncode}: {said}")
    return Run(seconds, usage.ru_maxrss * 1024)


def runs(command: Sequence[str], env: Mapping[str, str] | None, count: int) -> list[Run]:
    run(command, env)  # warm-up: the page cache, a first-run message
    return [run(command, env) for _ in range(count)]


@dataclass(frozen=True)
class Pair:
    """Medians of A and B from alternating runs, and the median of B ÷ A pair by pair."""

    a: float
    b: float
    ratio: float
    a_peak: int


def alternate(
    a: Sequence[str],
    b: Sequence[str],
    count: int,
    a_env: Mapping[str, str] | None = None,
    b_env: Mapping[str, str] | None = None,
) -> Pair:
    run(a, a_env)
    run(b, b_env)
    pairs = [(run(a, a_env), run(b, b_env)) for _ in range(count)]
    return Pair(
        a=statistics.median(x.seconds for x, _ in pairs),
        b=statistics.median(y.seconds for _, y in pairs),
        ratio=statistics.median(y.seconds / x.seconds for x, y in pairs),
        a_peak=max(x.peak_bytes for x, _ in pairs),
    )
