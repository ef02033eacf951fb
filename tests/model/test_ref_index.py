"""The refs the fold keeps in the file: a new record's ref checked without parsing the book."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import Book, BookCorrupt, bookfile, journal, layout, ref_index, storage
from model.identity import short_refs_in
from model.interaction import InteractionKind

RAPPORT = str(Path(sys.executable).parent / "rapport")


@pytest.fixture(autouse=True)
def journal_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_FOLD_BELOW", "0")  # every write a line, as in a large book


def refs_of(tables: dict[str, dict[str, dict[str, object]]]) -> set[int]:
    docs = [g.get("doc", {}) for g in tables.get("_gone", {}).values()]
    docs += [d for name, t in tables.items() if not name.startswith("_") for d in t.values()]
    return short_refs_in(docs)  # type: ignore[arg-type]


def kept_refs(path: Path) -> set[int] | None:
    """The refs in the file's second ``_meta`` document, as a fresh reader finds them."""
    raw = path.read_bytes()
    fields = orjson.loads(raw)["_meta"]["1"]
    kept = layout.refs_of(fields, lambda a, b: raw[a:b])
    return None if kept is None else set(ref_index.decode(raw[kept[0] : kept[1]].decode()))


def small_book(path: Path, now: pendulum.DateTime, interactions: int = 30) -> Book:
    book = Book(path)
    book.add_client("Acme GmbH", now, contacts=["Anna <anna@acme.example>"])
    book.add_client("Globex AG", now)
    for n in range(interactions):
        book.log("acme" if n % 2 else "globex", InteractionKind.CALL, f"call {n}", now)
    book.fold()
    return book


def garble_interactions(path: Path) -> None:
    """Overwrite the interactions table in place with bytes that are not JSON, keeping the
    file's length (the fold's map still fits it): whoever parses that table fails."""
    raw = bytearray(path.read_bytes())
    index = orjson.loads(raw)["_meta"]["1"]["index"]
    at = index.index("interactions")
    start, end = index[at + 1], index[at + 2]
    raw[start + 1 : end - 1] = b"#" * (end - start - 2)
    with open(path, "r+b") as handle:  # in place on purpose: a damaged book
        handle.write(raw)


def test_a_fold_keeps_every_ref_of_the_book_in_the_file(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    tables = orjson.loads(book_path.read_bytes())
    assert kept_refs(book_path) == refs_of(tables) != set()
    assert set(tables["_meta"]) == {"1", "2"}  # stock TinyDB: one more document
    assert "2" not in Book(book_path)._store.tables()["_meta"]  # never part of the book


def test_a_fresh_write_checks_its_ref_without_parsing_the_interactions(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    before = refs_of(orjson.loads(book_path.read_bytes()))
    garble_interactions(book_path)
    fresh = Book(book_path)
    fresh.log("acme", InteractionKind.CALL, "the lean way", now)
    disk = fresh._store._disk
    assert disk.lazy.is_lazy("interactions")  # never parsed
    found = set(disk.refs_in_use())
    assert found > before and len(found) == len(before) + 1  # and the new one
    with pytest.raises(BookCorrupt):  # and it is damaged, for whoever reads it
        Book(book_path).timeline("acme")


def test_refs_of_another_fold_are_not_used_and_the_book_is_gathered(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    raw = book_path.read_bytes()
    token = orjson.loads(raw)["_meta"]["1"]["token"]
    forged = raw.replace(f'"of":"{token}"'.encode(), b'"of":"' + b"0" * len(token) + b'"')
    assert forged != raw
    book_path.write_bytes(forged)
    garble_interactions(book_path)
    with pytest.raises(BookCorrupt):  # the refs had to be gathered from every table
        Book(book_path).log("acme", InteractionKind.CALL, "gathered", now)


def test_a_fresh_process_adds_the_refs_of_the_journal_lines(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    for n in range(3):  # lines, each by a process of its own
        Book(book_path).log("acme", InteractionKind.MEETING, f"line {n}", now)
    assert bookfile.peek(book_path) is not None
    fresh = Book(book_path)
    fresh._store._disk.refresh(locked=False)  # the file's head and the journal, as read
    found = set(fresh._store._disk.refs_in_use())
    assert fresh._store._disk.lazy.is_lazy("interactions")
    assert found == refs_of(dict(fresh._store.tables()))  # type: ignore[arg-type]
    fresh.fold()
    assert kept_refs(book_path) == found


def test_a_file_without_kept_refs_is_gathered_once_and_folded_with_them(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    tables = orjson.loads(book_path.read_bytes())
    del tables["_meta"]["2"]
    bookfile.replace(book_path, orjson.dumps(tables))  # as an older Rapport wrote it
    assert kept_refs(book_path) is None
    book = Book(book_path)
    book.log("acme", InteractionKind.CALL, "after", now)  # the whole file: written as a fold
    assert kept_refs(book_path) == refs_of(orjson.loads(book_path.read_bytes()))


def test_a_quick_log_process_on_a_garbled_interactions_table_still_writes(
    book_path: Path, now: pendulum.DateTime, tmp_path: Path
) -> None:
    """As a user runs it: ``rapport quick`` reads the clients, never the interactions."""
    small_book(book_path, now)
    garble_interactions(book_path)
    env = {**os.environ, "RAPPORT_NOW": now.isoformat(), "RAPPORT_LOCALE": "en"}
    quick = [RAPPORT, "--db", str(book_path), "quick", "acme call from a process"]
    done = subprocess.run(quick, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    paid = [RAPPORT, "--db", str(book_path), "quick", "acme invoice 2026-1 100 EUR"]
    done = subprocess.run(paid, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    paid = [RAPPORT, "--db", str(book_path), "quick", "acme paid 2026-1"]
    done = subprocess.run(paid, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [RAPPORT, "--db", str(book_path), "client", "show", "acme"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 1 and "damaged" in listed.stderr  # a read parses it


@given(st.sets(st.integers(min_value=0, max_value=2**35 - 1)), st.data())
def test_kept_refs_are_found_where_they_lie(keys: set[int], data: st.DataObject) -> None:
    text = ref_index.encode(keys)
    assert len(text) == ref_index.WIDTH * len(keys) and ref_index.decode(text) == sorted(keys)
    raw = b"xx" + text.encode() + b"yy"  # as in a file, somewhere in the middle
    kept = ref_index.KeptRefs(lambda a, b: raw[a:b], 2, len(keys))
    assert all(key in kept for key in keys)
    others = data.draw(st.sets(st.integers(min_value=0, max_value=2**35 - 1)))
    assert not any(key in kept for key in others - keys)
    for key in others:
        kept.add(key)
    assert kept.merged() == ref_index.encode(keys | others)  # what the next fold writes
    assert set(kept) == keys | others and len(kept) == len(keys | others)


def test_refs_that_are_not_an_encoding_are_refused() -> None:
    for text in ("not base64!", "QUJD", "é"):
        with pytest.raises(ValueError):
            ref_index.decode(text)


def test_the_write_that_gathered_the_refs_folds_so_the_next_need_not(
    book_path: Path, now: pendulum.DateTime
) -> None:
    small_book(book_path, now)
    tables = storage.parse(book_path.read_bytes())
    layout.split_meta(tables)
    payload, _ = layout.dump(tables, "", None)  # as folded, but without kept refs
    bookfile.replace(book_path, payload)
    assert kept_refs(book_path) is None
    Book(book_path).log("acme", InteractionKind.CALL, "gathers", now)
    assert not journal.journals(book_path)  # folded at once, the refs kept in the file
    assert kept_refs(book_path) == refs_of(orjson.loads(book_path.read_bytes()))
    after = Book(book_path)
    after.log("acme", InteractionKind.CALL, "lean", now)
    assert after._store._disk.lazy.is_lazy("interactions") and journal.journals(book_path)
