"""Whole processes, timed from outside and side by side.

A command and its yardstick run in turn (A B A B ...), so a machine that slows
down during the run slows both; the ratio is taken pair by pair and its median
reported.  Each run's peak memory is the kernel's own account of the child
(``wait4``'s ``ru_maxrss``), started from ``bench.spawner`` so that it is the child's own.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["BenchError", "Pair", "Run", "alternate", "run", "runs"]


class BenchError(RuntimeError):
    """A command the bench runs failed: its figure would mean nothing."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int


_spawner: subprocess.Popen[str] | None = None


def _spawn(command: Sequence[str], env: Mapping[str, str] | None) -> dict[str, Any]:
    """One command run by ``bench.spawner``, started once while the bench is still small."""
    global _spawner
    if _spawner is None or _spawner.poll() is not None:
        _spawner = subprocess.Popen(
            [sys.executable, "-m", "bench.spawner"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
    assert _spawner.stdin is not None and _spawner.stdout is not None
    request = {"command": list(command), "env": dict(env) if env is not None else None}
    _spawner.stdin.write(json.dumps(request) + "\n")
    _spawner.stdin.flush()
    answer: dict[str, Any] = json.loads(_spawner.stdout.readline())
    return answer


def run(command: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """One run of ``command``: wall time from start to reaping, and its own peak memory."""
    done = _spawn(command, env)
    if done["returncode"] != 0:
        raise BenchError(f"{' '.join(command)} exited {done['returncode']}: {done['said']}")
    return Run(done["seconds"], done["peak_bytes"])


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
