"""Print every figure the issues ask for, each beside its baseline, from one run.

Books of 1k, 10k and 100k interactions are built by the demo generator in a
temp folder; every figure is the median of repeated runs on the same files.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from bench import day, store
from bench.timing import ms

SIZES = ((100, 1_000), (300, 10_000), (1_000, 100_000))
_BOARD = (
    ("first_paint_s", "launch to first full paint", "< 1.0 s"),
    ("own_write_s", "Enter in quick-log to updated row", "< 0.15 s"),
    ("external_write_s", "external write to updated board", "< 1 s"),
    ("idle_cpu_percent", "CPU of the idle board", "< 2 %"),
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        books = {n: store.make_book(Path(folder), c, n) for c, n in SIZES}
        print("Store (medians; targets at 100k: write >= 10x faster than stock TinyDB,")
        print("open < 200 ms, board rows < 100 ms, rapport quick < 200 ms; at 10k quick < 80 ms)\n")
        header = (
            "interactions",
            "Book write",
            "stock TinyDB",
            "floor",
            "open",
            "board rows",
            "rapport quick",
        )
        print("  ".join(f"{h:>13}" for h in header))
        for n, path in books.items():
            heavy = n >= 100_000
            figures = [
                store.book_write(path, 10 if heavy else 20),
                store.stock_tinydb_insert(path, 5 if heavy else 10),
                store.floor_write(path, 10),
                store.book_open(path, 7),
                store.board_rows(path, 7),
            ]
            quick = ms(store.quick_process(path, 7)) if n >= 10_000 else "-"
            print("  ".join(f"{c:>13}" for c in (f"{n:,}", *map(ms, figures), quick)))
        speedup = store.stock_tinydb_insert(books[100_000], 5) / store.book_write(
            books[100_000], 10
        )
        print(f"\nBook write vs stock TinyDB insert at 100k: {speedup:.1f}x faster")
        print("\nThe day's work (medians; today and search from a fresh Book)\n")
        print(
            "  ".join(
                f"{h:>13}"
                for h in ("interactions", "today", "today --days 7", "search", "search again")
            )
        )
        for n, path in books.items():
            day_figures = day.measure(path, 5 if n >= 100_000 else 7)
            print("  ".join(f"{c:>13}" for c in (f"{n:,}", *map(ms, day_figures.values()))))
        pure, whole = store.merge_copies(books[100_000], 5)
        print(
            "Merge of two 100k books differing by 100 records (target < 1 s): "
            f"merge() {ms(pure)}, Book.merge from the file {ms(whole)}"
        )
        floor = store.import_floor(7)
        print(f"For scale: a Python process importing pendulum, click, orjson, tinydb: {ms(floor)}")
        if importlib.util.find_spec("bench.board") is not None:
            from bench import board

            print("\nBoard on the 100k book (medians)\n")
            figures = board.measure(books[100_000])
            for name, label, target in _BOARD:
                value = figures[name]
                shown = f"{value:8.2f} %" if name.endswith("_percent") else ms(value)
                print(f"  {label:<42} {shown}   (target {target})")


if __name__ == "__main__":
    main()
