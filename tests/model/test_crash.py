"""SIGKILL a writer at random instants: the book is always the old or the new version."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from model.migrations import META
from model.store import UNDO_DEPTH, Store
from model.undo_log import UndoLog
from tests.model.store_worker import expected_state

WORKER = Path(__file__).with_name("store_worker.py")
KILLS = 220
MIGRATION_KILLS = 40


class CrashServer:
    """The warm process that forks a writer per round and kills it after a delay."""

    def __init__(self, log: Path, *args: str, worker: Path = WORKER) -> None:
        """``worker`` run with ``args``; it logs each acknowledged write to ``log``."""
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, str(worker), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def kill_after(self, delay: float) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{delay}\n")
        self.process.stdin.flush()
        assert self.readline() == "killed"

    def last_logged(self) -> int:
        lines = self.log.read_text().split()
        return int(lines[-1]) if lines else 0

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=10) == 0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[CrashServer]:
    book, log = tmp_path / "book.json", tmp_path / "committed.log"
    server = CrashServer(log, "crash-server", str(book), str(log))
    yield server
    server.close()


def check_book(path: Path, last_logged: int) -> int:
    """The book parses and is exactly the state of a committed generation: the last
    one logged, or the one in flight when the writer died.  Returns that generation."""
    tables = orjson.loads(path.read_bytes())
    generation: int = tables[META]["1"]["generation"]
    assert generation in (last_logged, last_logged + 1)
    # A migrated book gave its records uids; the raw writer here keeps none of its own.
    state = {k: {f: v for f, v in d.items() if f != "uid"} for k, d in tables["state"].items()}
    assert state == expected_state(generation)
    assert Store(path).tables()["state"] == tables["state"]
    # The undo log is written first: its newest entry is this generation's or the one in flight.
    log = UndoLog(Store(path).state_dir / "undo.json", UNDO_DEPTH).entries()
    if generation > 1 and log:
        before = {k: v for k, v in log[-1]["changes"][0][2].items() if k != "uid"}
        assert before in (expected_state(generation - 1)["1"], expected_state(generation)["1"])
    return generation


def test_a_kill_at_any_instant_leaves_the_old_or_the_new_book(
    tmp_path: Path, server: CrashServer
) -> None:
    path = tmp_path / "book.json"
    with Store(path).transaction() as txn:
        txn.insert("state", expected_state(1)["1"])
    server.log.write_text("1\n")
    rng = random.Random(20261125)
    known, in_flight = 1, 0
    for _ in range(KILLS):
        server.kill_after(rng.uniform(0.0005, 0.012))
        # A write that reached the disk before its writer could log it counts as known.
        last = max(server.last_logged(), known)
        known = check_book(path, last)
        in_flight += known == last + 1
        stray = {p.name for p in tmp_path.iterdir()} - {
            "book.json",
            "book.json.lock",
            "committed.log",
            ".book.json.tmp",
            ".book.json.keep",
            *(f"book.json.{n}" for n in range(1, 6)),
        }
        assert not stray
    assert known > KILLS // 10  # the writers got somewhere between the kills
    assert in_flight > 0  # and some kills hit a write that had reached the disk

    store = Store(path)
    with store.transaction() as txn:
        txn.insert("after", {"ok": True})
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    for backup in store.backups():
        orjson.loads(backup.read_bytes())  # every kept version parses


@pytest.mark.parametrize("schema", [0, 1])
def test_a_kill_during_migration_leaves_the_old_or_the_migrated_book(
    tmp_path: Path, server: CrashServer, schema: int
) -> None:
    path = tmp_path / "book.json"
    meta = {"_meta": {"1": {"schema": 1, "generation": 0}}} if schema else {}
    old_book = orjson.dumps({**meta, "state": {"1": expected_state(1)["1"]}})
    rng = random.Random(7)
    outcomes = set()
    for round_ in range(MIGRATION_KILLS):
        for leftover in tmp_path.glob("book.json.*"):
            if leftover.name != "book.json.lock":
                leftover.unlink()
        # A book put back by hand starts a fresh undo log too.
        (Store(path).state_dir / "undo.json").unlink(missing_ok=True)
        path.write_bytes(old_book)
        server.log.write_text("")
        # Sweep from "killed at once" to "killed well after the migration".
        server.kill_after(round_ * 0.0005 + rng.uniform(0, 0.0005))
        raw = path.read_bytes()
        if raw == old_book:
            outcomes.add("old")
        else:
            # The migration is generation 1, which no writer logs.
            check_book(path, max(server.last_logged(), 1))
            outcomes.add("migrated")
        backup = tmp_path / f"book.json.v{schema}.bak"
        assert not backup.exists() or backup.read_bytes() == old_book
    assert outcomes == {"old", "migrated"}
