"""The bench's own parts: a figure from a broken set-up would mislead."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pendulum
import pytest
from tinydb import TinyDB

from bench import store
from bench.__main__ import label, size
from bench.peers import Jrnl, StockTinyDB, Taskwarrior
from bench.processes import BenchError, alternate, run
from model import Book


def test_sizes_read_as_a_user_writes_them() -> None:
    assert [size(s) for s in ("2k", "100K", "1M", "500")] == [2_000, 100_000, 1_000_000, 500]
    assert [label(n) for n in (2_000, 100_000, 1_000_000, 500)] == ["2k", "100k", "1M", "500"]
    with pytest.raises(argparse.ArgumentTypeError):
        size("lots")


def test_a_failing_command_is_no_figure() -> None:
    with pytest.raises(BenchError, match="exited 3"):
        run([sys.executable, "-c", "import sys; sys.exit(3)"])


def test_alternate_reports_both_sides_and_their_ratio() -> None:
    fast = [sys.executable, "-c", "pass"]
    slow = [sys.executable, "-c", "import time; time.sleep(0.2)"]
    pair = alternate(fast, slow, 3)
    assert pair.b > pair.a and pair.ratio > 1
    assert pair.a_peak > 1 << 20  # the kernel's account of a Python child: megabytes


def test_stock_tinydb_inserts_into_a_copy_of_the_book(
    tmp_path: Path, book: Book, now: pendulum.DateTime
) -> None:
    book.add_client("ACME GmbH", now, id="acme")
    stock = StockTinyDB(tmp_path, Path(book.path))
    run(stock.insert(), stock.env)
    assert len(TinyDB(stock.copy).table("interactions")) == 1
    assert Path(book.path).read_bytes() != stock.copy.read_bytes()


@pytest.mark.skipif(not Taskwarrior.installed(), reason="Taskwarrior is not installed")
def test_taskwarrior_sees_the_pending_tasks_written_for_it(tmp_path: Path) -> None:
    import subprocess

    task = Taskwarrior(tmp_path, 2_000)
    count = subprocess.run(
        ["task", "status:pending", "count"], env=task.env, capture_output=True, text=True
    )
    assert count.stdout.strip() == "2000"
    projects = subprocess.run(
        ["task", "project.is:c1", "count"], env=task.env, capture_output=True, text=True
    )
    assert projects.stdout.strip() == "2"


def test_jrnl_journal_holds_one_entry_a_record(tmp_path: Path) -> None:
    Jrnl(tmp_path, 1_500, "jrnl")
    entries = (tmp_path / "journal.txt").read_text().split("\n\n")
    assert len([e for e in entries if e.startswith("[")]) == 1_500
    assert entries[0].startswith("[2000-01-01 00:00] call 0")


def test_paired_writes_write_to_both_books_in_turn(tmp_path: Path, now: pendulum.DateTime) -> None:
    paths = [tmp_path / "small.json", tmp_path / "large.json"]
    for path in paths:
        Book(path).add_client("ACME GmbH", now, id="acme")
    small, large, ratio = store.paired_writes(paths[0], paths[1], 4)
    assert small > 0 and large > 0 and ratio > 0
    for path in paths:  # three to warm up, four measured (small books: folded each time)
        assert len(TinyDB(path).table("interactions")) == 7
