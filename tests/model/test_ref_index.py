"""The refs a write knew, kept for the next process: used only for that very book file."""

from __future__ import annotations

from pathlib import Path

import orjson
import pendulum

from model import Book, bookfile, ref_index
from model.identity import book_state_dir, short_refs_in
from model.interaction import InteractionKind


def refs_of(path: Path) -> set[int]:
    data = orjson.loads(path.read_bytes())
    docs = [g.get("doc", {}) for g in data.get("_gone", {}).values()]
    docs += [d for name, table in data.items() if not name.startswith("_") for d in table.values()]
    return short_refs_in(docs)


def signature(path: Path) -> bookfile.Signature:
    peeked = bookfile.peek(path)
    assert peeked is not None
    return peeked[1]


def test_a_write_keeps_the_refs_of_the_book_it_wrote(
    book: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    book.add_client("Acme GmbH", now, contacts=["Anna <anna@acme.example>"])
    book.log("acme", InteractionKind.CALL, "hello", now)
    kept = book_state_dir(book_path) / "refs.bin"
    assert ref_index.load(kept, signature(book_path)) == refs_of(book_path)
    # A fresh process (a new Book) adds to what it found, and keeps it again.
    Book(book_path).log("acme", InteractionKind.CALL, "again", now)
    assert ref_index.load(kept, signature(book_path)) == refs_of(book_path) != set()
    assert len(refs_of(book_path)) == 5  # client, its contact and history, two interactions


def test_refs_kept_for_another_version_of_the_file_are_not_used(
    book: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    book.add_client("Acme GmbH", now)
    kept = book_state_dir(book_path) / "refs.bin"
    before = signature(book_path)
    data = orjson.loads(book_path.read_bytes())
    data["clients"]["2"] = {"name": "Other", "uid": "01HF7YAT0100000009"}
    bookfile.replace(book_path, orjson.dumps(data))  # someone else wrote it
    assert ref_index.load(kept, before) is not None
    assert ref_index.load(kept, signature(book_path)) is None
    kept.write_bytes(b"rapport-refs-1 [1,2")  # broken: gathered anew, no error
    assert ref_index.load(kept, before) is None
