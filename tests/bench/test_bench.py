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


def test_past_100k_no_yardstick_is_set_up_and_the_cells_say_so(tmp_path: Path) -> None:
    from bench.__main__ import NOT_ASKED, _peers

    cells = _peers(tmp_path, 1_000_000, tmp_path / "book-1M.json", "jrnl")
    assert cells == [NOT_ASKED] * 3
    assert list(tmp_path.iterdir()) == []  # no million tasks or journal entries written


def test_the_bench_tells_how_long_each_part_took() -> None:
    from bench.__main__ import Parts

    parts = Parts()
    with parts.timed("demo books"):
        pass
    with pytest.raises(KeyError), parts.timed("quick"):
        raise KeyError("a part that fails is timed too")
    assert list(parts.seconds) == ["demo books", "quick"]
    assert str(parts).startswith("demo books 0 s, quick 0 s")


def test_a_childs_peak_is_its_own_not_the_bench_s() -> None:
    """Linux counts the peak of the process a child was started from as the child's: the
    bench, grown by reading a 1M book, would report its own gigabyte for `rapport quick`."""
    grown = bytearray(400 * 2**20)
    grown[::4096] = b"x" * len(grown[::4096])  # resident, not just reserved
    small = run([sys.executable, "-c", "pass"])
    assert 1 << 20 < small.peak_bytes < 100 * 2**20
    del grown


def test_paired_writes_write_to_both_books_in_turn(tmp_path: Path, now: pendulum.DateTime) -> None:
    paths = [tmp_path / "small.json", tmp_path / "large.json"]
    for path in paths:
        Book(path).add_client("ACME GmbH", now, id="acme")
    small, large, ratio = store.paired_writes(paths[0], paths[1], 4)
    assert small > 0 and large > 0 and ratio > 0
    for path in paths:  # three to warm up, four measured (small books: folded each time)
        assert len(TinyDB(path).table("interactions")) == 7
