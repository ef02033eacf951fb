"""When a fold is due, what it tells while it runs, and which books fold on every write."""

from __future__ import annotations

from pathlib import Path

import orjson
import pendulum
import pytest
from tinydb import TinyDB

from model import Book, BookCorrupt, journal
from model.interaction import InteractionKind
from model.store import Store
from tests.model.test_journal import add, fresh_book
from tests.model.test_ref_index import garble_interactions, small_book


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


def interactions(path: Path) -> dict[str, dict[str, object]]:
    raw = orjson.loads(path.read_bytes())
    assert isinstance(raw["interactions"], dict)
    return raw["interactions"]


def test_a_fold_copies_a_table_that_only_gained_documents_without_parsing_it(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    before = interactions(book_path)
    writer = Book(book_path)
    for n in range(3):
        writer.log("acme", InteractionKind.CALL, f"new {n}", now)
    assert writer.fold() == 3
    disk = writer._store._disk
    assert disk.lazy.is_lazy("interactions")  # copied as bytes, never parsed here
    after = interactions(book_path)
    assert {k: after[k] for k in before} == before and len(after) == len(before) + 3
    with TinyDB(book_path) as db:  # stock TinyDB sees every folded write
        texts = [doc["text"] for doc in db.table("interactions").all()]
    assert texts[-3:] == ["new 0", "new 1", "new 2"]
    # The same process goes on from the new file: lines, refs and a second fold.
    writer.log("globex", InteractionKind.MAIL, "after the fold", now)
    assert writer.fold() == 1
    assert len(interactions(book_path)) == len(before) + 4
    fresh = Book(book_path)
    assert fresh._store.tables()["interactions"] == interactions(book_path)


def test_a_fold_parses_a_table_whose_documents_changed(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    writer = Book(book_path)
    writer.log("acme", InteractionKind.CALL, "kept", now)
    assert writer.undo() is not None  # takes a document of the file's away again
    writer.log("acme", InteractionKind.CALL, "new", now)
    writer.fold()
    texts = [doc["text"] for doc in interactions(book_path).values()]
    assert "kept" not in texts and texts.count("new") == 1


def test_a_table_whose_bytes_are_not_the_folds_is_parsed_not_copied(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    Book(book_path).log("acme", InteractionKind.CALL, "a line", now)
    raw = bytearray(book_path.read_bytes())
    index = orjson.loads(raw)["_meta"]["1"]["index"]
    start = index[index.index("interactions") + 1]
    at = raw.index(b"call 1", start)
    raw[at : at + 6] = b"CALL 1"  # still JSON, but not the bytes the fold wrote
    with open(book_path, "r+b") as handle:  # in place on purpose: edited by hand
        handle.write(raw)
    assert Book(book_path).fold() == 1  # parsed and checked: the book as it now is
    texts = [doc["text"] for doc in interactions(book_path).values()]
    assert "CALL 1" in texts and "a line" in texts


def test_a_fold_over_a_garbled_table_refuses_and_writes_nothing(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    Book(book_path).log("acme", InteractionKind.CALL, "a line", now)
    garble_interactions(book_path)
    damaged = book_path.read_bytes()
    [line] = journal.journals(book_path)
    with pytest.raises(BookCorrupt):
        Book(book_path).fold()
    assert book_path.read_bytes() == damaged and line.exists()


def test_a_fold_checks_the_documents_it_adds_to_a_copied_table(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    Book(book_path).log("acme", InteractionKind.CALL, "a line", now)
    [line] = journal.journals(book_path)
    entry = orjson.loads(line.read_bytes())
    [insert] = [c for c in entry["changes"] if c[0] == "interactions"]
    insert[3]["kind"] = 42  # a line as no Rapport writes it
    line.write_bytes(orjson.dumps(entry) + b"\n")
    before = book_path.read_bytes()
    with pytest.raises(BookCorrupt) as caught:
        Book(book_path).fold()
    assert "kind" in str(caught.value.params) and book_path.read_bytes() == before
