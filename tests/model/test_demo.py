"""The demo book shows every part of the product."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pendulum
import pytest

from model import BoardFilter, Book, InputError, State
from model.demo import _moments, build_demo
from model.timestamps import moment_text


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


def _content_digest(path: Path) -> str:
    """The book's records (no ``_meta``, which says how the file is laid out), hashed."""
    tables = orjson.loads(path.read_bytes())
    content = {name: docs for name, docs in tables.items() if not name.startswith("_")}
    return hashlib.sha256(orjson.dumps(content, option=orjson.OPT_SORT_KEYS)).hexdigest()


@pytest.mark.parametrize(
    ("now", "digest"),
    [
        (
            pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin"),
            "7407908bf3c481d1ec0d3a6b6a5d8d657f7a4127ee1277cf0f010cad85971c6f",
        ),
        (
            pendulum.parse("2026-12-01T10:00:00+00:00"),  # as `make bench` gives it
            "1295a3b62a8e6717d4cb08cab1300a8ff629b8c82ee4a20fe74c96075afaac64",
        ),
    ],
)
def test_a_seed_gives_the_book_it_always_gave(
    tmp_path: Path, now: pendulum.DateTime, digest: str
) -> None:
    """The demo is what the screenshots and the benchmark were made from: a faster build
    must not change a record of it (digests of the book as built before it was sped up)."""
    book = Book(tmp_path / "b.json", device="demo", wall=lambda: 1)
    build_demo(book, now, clients=30, interactions=3000, seed=11)
    assert _content_digest(tmp_path / "b.json") == digest


@pytest.mark.parametrize(
    "now",
    [
        pendulum.datetime(2026, 3, 29, 12, 30, tz="America/New_York"),  # spring gap 21 days back
        pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York"),  # inside the fall's fold
        pendulum.datetime(2026, 10, 25, 9, 0, tz="Europe/Berlin"),
        pendulum.datetime(2026, 4, 5, 2, 30, tz="Australia/Lord_Howe"),  # a half-hour change
        pendulum.datetime(2026, 11, 25, 10, 0, 0, 123456, tz="Asia/Kathmandu"),
        pendulum.parse("2026-12-01T10:00:00+00:00"),
    ],
)
def test_demo_moments_are_pendulums_own(now: pendulum.DateTime) -> None:
    """Every day back and minute of the day as ``now.subtract`` gives it, across changes
    of daylight saving time."""
    moment = _moments(now)
    for days in range(401):
        for minutes in (*range(0, 601, 30), 1, 599):
            expected = moment_text(now.subtract(days=days, minutes=minutes))
            assert moment(days, minutes) == expected, (days, minutes)
