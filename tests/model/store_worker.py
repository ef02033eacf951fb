"""Other processes for the store tests: concurrent writers, undoers, and a crash target.

Run as ``python store_worker.py <command> <book> ...``; results go to stdout as JSON.
The crash server forks its writers from one warm process, so hundreds of kills
cost milliseconds each rather than an interpreter start each.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from typing import Any

from model.store import Store


def mixed(book: str, worker: int, steps: int) -> None:
    """Mixed writes, started together: report every id this worker inserted and what
    it expects to find of its own documents at the end."""
    store = Store(book)
    print("ready", flush=True)
    sys.stdin.readline()
    inserted: list[int] = []
    mine: dict[int, dict[str, Any]] = {}
    for step in range(steps):
        with store.transaction({"key": "mixed", "params": {"w": worker, "k": step}}) as txn:
            counter = txn.get("counter", 1)
            assert counter is not None
            txn.update("counter", 1, {"n": counter["n"] + 1})
            doc = {"w": worker, "k": step}
            new = txn.insert("items", doc)
            inserted.append(new)
            mine[new] = doc
            if step % 3 == 1:
                oldest = min(mine)
                mine[oldest] = {**mine[oldest], "updated": step}
                txn.update("items", oldest, mine[oldest])
            if step % 4 == 3:
                victim = sorted(mine)[1]
                txn.remove("items", victim)
                del mine[victim]
        if step % 5 == 0:
            items = store.tables()["items"]
            assert all(items[str(doc_id)] == doc for doc_id, doc in mine.items())
    print(json.dumps({"inserted": inserted, "expected": {str(k): v for k, v in mine.items()}}))


def labelled_step(store: Store, step: int) -> None:
    """One undoable step that inserts, and now and then updates and removes too."""
    with store.transaction({"key": "step", "params": {"n": step}}) as txn:
        txn.insert("items", {"step": step})
        if step % 3 == 2:
            txn.update("items", step, {"step": step - 1, "edited": True})
        if step % 4 == 3:
            txn.remove("items", step - 2)


def write(book: str, steps: int) -> None:
    """Labelled steps; print the ``items`` table after each one."""
    store = Store(book)
    snapshots = []
    for step in range(steps):
        labelled_step(store, step)
        snapshots.append(dict(store.tables()["items"]))
    print(json.dumps(snapshots))


def undo(book: str, count: int) -> None:
    """Undo ``count`` times; print each label with the ``items`` table after it."""
    store = Store(book)
    done = []
    for _ in range(count):
        label = store.undo()
        done.append([label, dict(store.tables().get("items", {}))])
    print(json.dumps(done))


def expected_state(generation: int) -> dict[str, Any]:
    """The ``state`` table of the crash target's book at ``generation``."""
    table: dict[str, Any] = {"1": {"gen": generation, "blob": "x" * (generation * 37 % 4000)}}
    for gen in range(max(2, generation - 3), generation + 1):
        table[str(gen)] = {"gen": gen}
    return table


def _crash_target(book: str, log: int) -> None:
    """Write generation after generation until killed; log each one once committed."""
    store = Store(book)
    while True:
        with store.transaction({"key": "gen"}) as txn:
            generation = store.generation + 1
            txn.update("state", 1, expected_state(generation)["1"])
            assert txn.insert("state", {"gen": generation}) == generation
            if generation - 4 >= 2:
                txn.remove("state", generation - 4)
        os.write(log, f"{generation}\n".encode())


def crash_server(book: str, log_path: str) -> None:
    """For each ``<delay>`` line on stdin: fork a writer, SIGKILL it after ``delay``
    seconds, reap it, and answer ``killed``."""
    print("ready", flush=True)
    for line in sys.stdin:
        delay = float(line)
        log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        child = os.fork()
        if child == 0:
            try:
                _crash_target(book, log)
            finally:
                os._exit(1)
        os.close(log)
        time.sleep(delay)
        os.kill(child, signal.SIGKILL)
        _, status = os.waitpid(child, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        print("killed" if killed else f"exited {status}", flush=True)


COMMANDS = {"mixed": mixed, "write": write, "undo": undo, "crash-server": crash_server}

if __name__ == "__main__":
    command, *args = sys.argv[1:]
    COMMANDS[command](*(int(a) if a.isdigit() else a for a in args))  # type: ignore[operator]
