"""The demo book shows every part of the product."""

from __future__ import annotations

import pendulum
import pytest

from model import BoardFilter, Book, InputError, State
from model.demo import build_demo


def test_demo_has_every_state_and_pane(book: Book, now: pendulum.DateTime) -> None:
    build_demo(book, now, clients=24, interactions=300, seed=3)
    rows = book.board(now, BoardFilter(include_ended=True))
    assert {r.client.state for r in rows} == set(State)
    assert book.open_issues(now) and book.overdue(now) and book.gratitude(now).owed and book.kudos()
    assert any(
        inv.payments and not inv.is_paid
        for s in rows
        for inv in book.client_file(s.client.id, now).invoices
    )
    ended = [r.client for r in rows if r.client.state is State.ENDED]
    assert ended and ended[0].reflection is not None
    names = " ".join(r.client.name for r in rows)
    assert "ü" in names or "ö" in names
    # Loaded into an empty book, the demo is one undoable step (issue 10).
    undone = book.undo()
    assert undone is not None and undone.params["what"]["key"] == "book.loaded"
    assert book.clients() == [] and book.undo() is None
    assert book.redo() is not None and len(book.clients()) == 24


def test_same_seed_same_book(tmp_path, now: pendulum.DateTime) -> None:  # type: ignore[no-untyped-def]
    a, b = (Book(tmp_path / name, device="demo", wall=lambda: 1) for name in ("a.json", "b.json"))
    build_demo(a, now, clients=10, interactions=50, seed=5)
    build_demo(b, now, clients=10, interactions=50, seed=5)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_loading_twice_clashes_unless_replacing(book: Book, now: pendulum.DateTime) -> None:
    build_demo(book, now, clients=5, interactions=10)
    with pytest.raises(InputError):
        build_demo(book, now, clients=5, interactions=10)
    build_demo(book, now, clients=6, interactions=10, replace=True)
    assert len(book.clients()) == 6
