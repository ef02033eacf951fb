"""The store's figures: a persisted write, opening, the board rows, a whole process.

Beside them the baselines the foundation issue names: stock TinyDB with its
default JSONStorage doing the same insert on a copy of the same file, and the
floor, which is serializing the same data with orjson and writing it atomically.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import pendulum
from tinydb import TinyDB

from bench.timing import median_seconds
from model import Book
from model.demo import build_demo

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
RAPPORT = str(Path(sys.executable).parent / "rapport")


def make_book(folder: Path, clients: int, interactions: int) -> Path:
    path = folder / f"book-{interactions}.json"
    build_demo(Book(path), NOW, clients=clients, interactions=interactions, seed=1)
    return path


def _first_client(path: Path) -> str:
    return Book(path).clients()[0].id


def book_write(path: Path, runs: int) -> float:
    book = Book(path)
    client = _first_client(path)
    book.board(NOW)
    return median_seconds(lambda: book.quick(f"{client} call bench write", NOW), runs)


def paired_writes(small: Path, large: Path, pairs: int) -> tuple[float, float, float]:
    """A durable write to each of two warm books in turn (A B A B ...): their medians and
    the median of large ÷ small pair by pair, so that a disk whose fdatasync slows down
    for a while (other processes' writes) slows both alike."""
    books = [Book(small), Book(large)]
    lines = [f"{_first_client(path)} call bench write" for path in (small, large)]
    for book in books:
        book.board(NOW)
    times: list[list[float]] = [[], []]
    for _ in range(pairs + 3):  # the first three warm the cache of both
        for number, book in enumerate(books):
            started = time.perf_counter()
            book.quick(lines[number], NOW)
            times[number].append(time.perf_counter() - started)
    small_times, large_times = times[0][3:], times[1][3:]
    ratios = [b / a for a, b in zip(small_times, large_times, strict=True)]
    return statistics.median(small_times), statistics.median(large_times), statistics.median(ratios)


def book_open(path: Path, runs: int) -> float:
    return median_seconds(lambda: Book(path).clients(), runs)


def board_rows(path: Path, runs: int) -> float:
    """A fresh Book each run, opened first: the rows are computed from scratch."""
    books: list[Book] = []

    def setup() -> None:
        books.clear()
        books.append(Book(path))
        books[0].refresh()

    return median_seconds(lambda: books[0].board(NOW), runs, setup)


def stock_tinydb_insert(path: Path, runs: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.json"
        shutil.copy(path, copy)
        db = TinyDB(copy)
        table = db.table("interactions")
        doc = {
            "client": _first_client(path),
            "kind": "call",
            "when": NOW.isoformat(),
            "text": "bench",
        }
        result = median_seconds(lambda: table.insert(dict(doc)), runs)
        db.close()
    return result


def floor_write(path: Path, runs: int) -> float:
    data = orjson.loads(path.read_bytes())
    folder = path.parent

    def write() -> None:
        payload = orjson.dumps(data)
        tmp = folder / ".floor.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, folder / "floor.json")
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    return median_seconds(write, runs)


def quick_process(path: Path, runs: int) -> float:
    client = _first_client(path)
    env = {**os.environ, "RAPPORT_DB": str(path), "RAPPORT_LOCALE": "en"}
    command = [RAPPORT, "quick", f"{client} call from another terminal"]
    return median_seconds(
        lambda: subprocess.run(command, env=env, check=True, capture_output=True), runs
    )


def import_floor(runs: int) -> float:
    """A Python process that only imports what the CLI cannot do without."""
    command = [sys.executable, "-c", "import pendulum, click, orjson, tinydb"]
    return median_seconds(lambda: subprocess.run(command, check=True), runs)


def merge_copies(path: Path, runs: int) -> tuple[float, float]:
    """Two copies of one book that differ by 100 records (50 on each device): the pure
    merge, and ``Book.merge`` from the file under the lock (read, merge, write)."""
    from model.book_sync import read_copy
    from model.merge import merge

    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "ours.json", Path(folder) / "theirs.json"
        shutil.copy(path, ours)
        shutil.copy(path, theirs)
        client = _first_client(path)
        for copy, device in ((ours, "laptop"), (theirs, "desktop")):
            book = Book(copy, device=device)
            for n in range(50):
                book.quick(f"{client} call {device} {n}", NOW)
        a, b = read_copy(ours), read_copy(theirs)
        pure = median_seconds(lambda: merge(a, b), runs)
        backup = ours.read_bytes()

        def setup() -> None:
            ours.write_bytes(backup)

        whole = median_seconds(lambda: Book(ours).merge(theirs), runs, setup)
    return pure, whole
