"""Print every figure the issues ask for, each beside its baseline, from one run.

Books of 1k, 10k and 100k interactions are built by the demo generator in a
temp folder; every figure is the median of repeated runs on the same files.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from bench import store
from bench.timing import ms

SIZES = ((100, 1_000), (300, 10_000), (1_000, 100_000))


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
        floor = store.import_floor(7)
        print(f"For scale: a Python process importing pendulum, click, orjson, tinydb: {ms(floor)}")
        if importlib.util.find_spec("bench.board") is not None:
            from bench import board

            print("\nBoard on the 100k book (targets: first paint < 1.0 s, own write on screen")
            print("< 0.15 s, external write on screen < 1 s, idle CPU < 2%)\n")
            for name, value in board.measure(books[100_000]).items():
                shown = f"{value:.1%}" if "cpu" in name.lower() else ms(value)
                print(f"  {name:<40} {shown}")


if __name__ == "__main__":
    main()
