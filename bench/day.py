"""The day's queries: ``today`` and ``search`` on the demo books.

``today`` and a first ``search`` are timed on a fresh Book each run (signals
gathered, the search index built, as a ``rapport today`` process does);
``search again`` is the next query on the same Book, what typing on the board costs.
"""

from __future__ import annotations

from pathlib import Path

from bench.store import NOW
from bench.timing import median_seconds
from model import Book

__all__ = ["measure"]


def measure(path: Path, runs: int) -> dict[str, float]:
    books: list[Book] = []

    def fresh() -> None:
        books.clear()
        books.append(Book(path))
        books[0].refresh()

    warm = Book(path)
    warm.search("warm")
    return {
        "today": median_seconds(lambda: books[0].today(NOW), runs, fresh),
        "week": median_seconds(lambda: books[0].today(NOW, days=7), runs, fresh),
        "search": median_seconds(lambda: books[0].search("budget"), runs, fresh),
        "search again": median_seconds(lambda: warm.search("müller angebot"), runs),
    }
