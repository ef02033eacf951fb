"""Undo and redo: any sequence of writes, undos and redos leaves what replaying the writes
that remain gives, on real files."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Book
from model.identity import BOOKKEEPING

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
_TABLES = ("clients", "interactions", "issues", "invoices", "thanks", "kudos")

# Each write is a function of its position, so that a replay writes the same thing.
WRITES = (
    lambda book, n: book.quick(f"acme call call {n}", NOW),
    lambda book, n: book.quick(f"acme issue! problem {n}", NOW),
    lambda book, n: book.quick(f"acme invoice 2026-{n:03d} {100 + n}", NOW),
    lambda book, n: book.quick(f"acme kudos 'kudos {n}'", NOW),
    lambda book, n: book.edit_client("acme", NOW, cadence=10 + n),
)


def content(book: Book) -> dict[str, Counter[bytes]]:
    """Every table as a multiset of its records without identity or numbers."""

    def bare(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: bare(v) for k, v in value.items() if k not in BOOKKEEPING}
        if isinstance(value, list):
            return [bare(v) for v in value]
        return value

    tables = book._store.tables()
    return {
        name: Counter(
            orjson.dumps(bare(d), option=orjson.OPT_SORT_KEYS)
            for d in (tables.get(name) or {}).values()
        )
        for name in _TABLES
    }


def fresh(folder: Path, name: str) -> Book:
    book = Book(folder / f"{name}.json")
    book.add_client("ACME GmbH", NOW, id="acme")
    return book


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("write"), st.integers(0, len(WRITES) - 1)),
            st.just(("undo", 0)),
            st.just(("redo", 0)),
        ),
        max_size=14,
    )
)
def test_writes_undos_and_redos_equal_replaying_the_writes_that_remain(
    steps: list[tuple[str, int]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = fresh(folder, "book")
        done: list[tuple[int, int]] = []
        undone: list[tuple[int, int]] = []
        for position, (op, which) in enumerate(steps):
            if op == "write":
                WRITES[which](book, position)
                done.append((which, position))
                undone.clear()
            elif op == "undo":
                if done:
                    undone.append(done.pop())
                    assert book.undo() is not None
                else:
                    # the client's creation is the only older entry: keep it
                    continue
            elif undone:
                done.append(undone.pop())
                assert book.redo() is not None
            else:
                assert book.redo() is None
        replay = fresh(folder, "replay")
        for which, position in done:
            WRITES[which](replay, position)
        assert content(book) == content(replay)
