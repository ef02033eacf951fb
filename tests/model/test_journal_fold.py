"""When a fold is due, what it tells while it runs, and which books fold on every write."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from tinydb import TinyDB

from model import Book, journal
from model.interaction import InteractionKind
from model.store import Store
from tests.model.test_journal import add, fresh_book


@pytest.fixture(autouse=True)
def journaled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_FOLD_BELOW", "0")


def test_a_fold_is_due_while_a_journal_holds_lines_even_another_processes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    idle = Store(path)  # a board that read the book before the line came
    idle.tables()
    assert not store.fold_due() and not idle.fold_due()
    add(store, "Beta")
    assert store.fold_due() and idle.fold_due()  # seen without reading the line
    assert idle.fold(wait=False) == 1
    assert not idle.fold_due() and not store.fold_due()
    assert not journal.journals(path)


def test_another_devices_journal_left_alone_makes_no_fold_due(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    elsewhere = journal.journal_path(path, "OTHER1")
    elsewhere.write_bytes(b'{"seq":9,"base":"x","clock":"","changes":[]}\n')
    store.tables()  # read once: the foreign journal is left alone from then on
    assert not store.fold_due()
    assert store.fold() == 0 and elsewhere.exists()


def test_a_fold_tells_its_progress_stage_by_stage(book_path: Path, now: pendulum.DateTime) -> None:
    book = Book(book_path)
    book.add_client("Acme GmbH", now)
    book.fold()
    fresh = Book(book_path)
    for n in range(5):
        fresh.log("acme", InteractionKind.CALL, f"call {n}", now)
    seen: list[tuple[str, int, int]] = []
    assert Book(book_path).fold(progress=lambda *step: seen.append(step)) == 5
    stages = [stage for stage, _, _ in seen]
    assert stages == sorted(stages) and set(stages) == {"fold_read", "fold_write"}
    for stage in ("fold_read", "fold_write"):
        steps = [(done, total) for name, done, total in seen if name == stage]
        assert [done for done, _ in steps] == sorted(done for done, _ in steps)
        assert steps[-1][0] == steps[-1][1] > 0  # ends full
    assert not Book(book_path).fold_due()


def test_a_small_book_is_current_for_stock_tinydb_a_larger_one_journals(
    book_path: Path, now: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default ``FOLD_BELOW``: a book of a few clients is folded at every write."""
    monkeypatch.delenv("RAPPORT_FOLD_BELOW")
    assert journal.fold_below() == 256 * 1024
    book = Book(book_path)
    book.add_client("Acme GmbH", now)
    book.log("acme", InteractionKind.CALL, "small", now)
    assert not journal.journals(book_path)
    with TinyDB(book_path) as db:
        assert [doc["text"] for doc in db.table("interactions").all()] == ["small"]
    monkeypatch.setattr(journal, "FOLD_BELOW", book_path.stat().st_size)
    Book(book_path).log("acme", InteractionKind.CALL, "large", now)
    assert len(journal.journals(book_path)) == 1
