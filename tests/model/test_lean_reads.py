"""A read about one client gathers that client alone: it must say what the board says.

``client show`` on a fresh book resolves the ref from the clients' documents and
gathers one client's signals (``Book._one``); the board gathers every client.  Both
roads are taken here on the same demo book and must give equal files, JSON and
refusals.
"""

from __future__ import annotations

import random
from pathlib import Path

import pendulum
import pytest

from model import Book, InputError
from model.board import gather
from model.demo import build_demo


@pytest.fixture
def demo(book_path: Path, now: pendulum.DateTime) -> Path:
    build_demo(Book(book_path), now, clients=60, interactions=900, seed=3)
    return book_path


def _warm(path: Path, now: pendulum.DateTime) -> Book:
    book = Book(path)
    book.board(now)  # every client's signals gathered, as on the board
    return book


def test_one_clients_file_is_the_boards(demo: Path, now: pendulum.DateTime) -> None:
    warm = _warm(demo, now)
    ids = [c.id for c in warm.clients()]
    assert len(ids) == 60
    for cid in ids:
        fresh = Book(demo)
        assert fresh.client_file(cid, now) == warm.client_file(cid, now)
        assert Book(demo).client_json(cid) == warm.client_json(cid)
        assert Book(demo).timeline(cid) == warm.timeline(cid)
        assert Book(demo).resolve(cid) == warm.resolve(cid)


@pytest.mark.parametrize("ref", ["acme", "müller", "GRUEN", "nobody", "  ", "weber"])
def test_a_ref_that_names_several_or_none_is_refused_alike(
    demo: Path, now: pendulum.DateTime, ref: str
) -> None:
    warm = _warm(demo, now)
    with pytest.raises(InputError) as board_error:
        warm.client_file(ref, now)
    with pytest.raises(InputError) as lean_error:
        Book(demo).client_file(ref, now)
    assert (lean_error.value.key, lean_error.value.params) == (
        board_error.value.key,
        board_error.value.params,
    )


def test_a_few_clients_gathered_alone_equal_the_whole_gathering(demo: Path) -> None:
    tables = Book(demo)._store.tables()
    everyone = gather(tables)
    pick = random.Random(5)
    for size in (1, 1, 3, 10):
        few = set(pick.sample(sorted(everyone), size))
        assert gather(tables, only=few) == {cid: everyone[cid] for cid in few}
