"""The journal's figures: a durable Book write at 2k, 100k and 1M interactions.

A write is one appended, fdatasynced journal line once the book is larger than
``model.journal.FOLD_BELOW``; below it every write rewrites the file (a fold).
Each figure is a median over many writes, folds included at their real rate
(every ``FOLD_LINES`` lines), so the amortised cost is in it.

Run alone with ``python -m bench.journal [interactions ...]``; ``python -m
bench.journal --fold-below`` prints what ``FOLD_BELOW`` was chosen from: a fresh
``Book``'s write (as ``rapport quick`` makes it) that rewrites the file beside one
that appends a journal line, on small books.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import pendulum

from bench.timing import median_seconds, ms
from model import Book
from model.demo import build_demo

__all__ = ["figures", "main"]

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
SIZES = (2_000, 100_000, 1_000_000)


def _book(folder: Path, interactions: int) -> Path:
    path = folder / f"book-{interactions}.json"
    build_demo(Book(path), NOW, clients=1_000, interactions=interactions, seed=1)
    return path


def _mean(action: object, runs: int) -> float:
    assert callable(action)
    started = time.perf_counter()
    for _ in range(runs):
        action()
    return (time.perf_counter() - started) / runs


def figures(path: Path, runs: int = 60) -> dict[str, float]:
    """Seconds: warm write (median and mean, folds included), a fresh Book's first
    write, and one fold of what the runs left."""
    book = Book(path)
    client = book.clients()[0].id
    line = f"{client} call bench write"
    found = {
        "size_mb": path.stat().st_size / 1e6,
        "write": median_seconds(lambda: book.quick(line, NOW), runs),
        "write_mean": _mean(lambda: book.quick(line, NOW), runs),
    }
    found["fresh_write"] = median_seconds(lambda: Book(path).quick(line, NOW), 5)
    started = time.perf_counter()
    book._store.fold()
    found["fold"] = time.perf_counter() - started
    return found


#: (clients, interactions) of the books ``--fold-below`` measures.
SMALL = ((10, 50), (30, 150), (100, 300), (200, 600), (400, 1_000), (1_000, 2_000))


def _fresh_write(path: Path, line: str) -> None:
    Book(path).quick(line, NOW)


def fold_below_table(runs: int = 15) -> None:
    """A fresh Book's write that folds (rewrites the file) beside one that appends a line."""
    print("A fresh Book's write: rewriting the file vs a journal line (medians)")
    header = ("clients", "interactions", "file KB", "rewrite", "line", "difference")
    print("  ".join(f"{h:>12}" for h in header))
    for clients, interactions in SMALL:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "book.json"
            build_demo(Book(path), NOW, clients=clients, interactions=interactions, seed=1)
            size = path.stat().st_size
            line = f"{Book(path).clients()[0].id} call bench write"
            found = {}
            for how, below in (("rewrite", str(1 << 40)), ("line", "0")):
                os.environ["RAPPORT_FOLD_BELOW"] = below
                found[how] = median_seconds(partial(_fresh_write, path, line), runs)
                Book(path).fold()
            os.environ.pop("RAPPORT_FOLD_BELOW")
        cells = [f"{clients:,}", f"{interactions:,}", f"{size / 1e3:,.0f}"]
        cells += [ms(found["rewrite"]), ms(found["line"]), ms(found["rewrite"] - found["line"])]
        print("  ".join(f"{c:>12}" for c in cells))


def main(sizes: tuple[int, ...] = SIZES) -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for interactions in sizes:
            rows.append((interactions, figures(_book(Path(folder), interactions))))
        print("Durable Book write (1,000 clients; medians; target: 1M within 1.5x of 2k)")
        header = ("interactions", "file MB", "write", "mean", "fresh Book", "fold")
        print("  ".join(f"{h:>12}" for h in header))
        for interactions, f in rows:
            cells = [
                f"{interactions:,}",
                f"{f['size_mb']:.1f}",
                ms(f["write"]),
                ms(f["write_mean"]),
                ms(f["fresh_write"]),
                ms(f["fold"]),
            ]
            print("  ".join(f"{c:>12}" for c in cells))
        if len(rows) > 1:
            ratio = rows[-1][1]["write"] / rows[0][1]["write"]
            print(f"\n{rows[-1][0]:,} ÷ {rows[0][0]:,}: {ratio:.2f}x")


if __name__ == "__main__":
    if sys.argv[1:] == ["--fold-below"]:
        fold_below_table()
    else:
        main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
