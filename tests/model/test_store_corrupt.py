"""A book that does not parse is the user's data: refused loudly, never written over."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from model.errors import BookCorrupt, BookTooNew
from model.i18n import t
from model.store import Store

GOOD = b'{"_meta":{"1":{"schema":1,"generation":4}},"clients":{"1":{"name":"Acme"}}}'

BROKEN = {
    "empty": b"",
    "truncated": GOOD[: len(GOOD) // 2],
    "truncated after the head": GOOD[:-3],
    "trailing comma": b'{"clients": {"1": {"name": "Acme",}}}',
    "not utf-8": b'{"clients": {"1": {"name": "M\xfcller"}}}',
    "spaces only": b"   \n",
    "two documents": GOOD + GOOD,
}

WRONG_SHAPE = {
    "a list": (b"[]", "/"),
    "null": (b"null", "/"),
    "a table that is a list": (b'{"clients": []}', "/clients"),
    "an id that is no number": (b'{"clients": {"acme": {"name": "Acme"}}}', "/clients/acme"),
    "an empty id": (b'{"clients": {"": {"name": "Acme"}}}', "/clients/"),
    "a document that is a string": (b'{"clients": {"1": "Acme"}}', "/clients/1"),
    "meta without its document": (b'{"_meta": {}, "clients": {}}', "/_meta/1"),
    "a schema that is text": (b'{"_meta": {"1": {"schema": "1", "generation": 1}}}', "/_meta/1"),
    "a negative generation": (b'{"_meta": {"1": {"schema": 1, "generation": -1}}}', "/_meta/1"),
}

CASES = [(name, raw) for name, raw in BROKEN.items()] + [
    (name, raw) for name, (raw, _) in WRONG_SHAPE.items()
]


def attempts(store: Store) -> list[object]:
    """Every way to touch the book; each must be refused."""

    def write() -> None:
        with store.transaction() as txn:
            txn.insert("clients", {"name": "must not land"})

    return [store.tables, write, store.undo]


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "book.json.lock"}


@pytest.mark.parametrize(("name", "raw"), CASES, ids=[name for name, _ in CASES])
def test_a_broken_book_is_refused_and_left_byte_for_byte(
    tmp_path: Path, name: str, raw: bytes
) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(raw)
    before = folder_state(tmp_path)
    store = Store(path)
    for attempt in attempts(store):
        with pytest.raises(BookCorrupt) as caught:
            attempt()  # type: ignore[operator]
        assert str(path) in str(caught.value)
        assert str(path) in caught.value.render("de")
    assert folder_state(tmp_path) == before
    assert store.changed()


def test_a_book_that_breaks_after_it_was_read_is_not_written_over(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = Store(path)
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    store.tables()
    # Broken by hand, keeping the head: the generation alone would not notice.
    path.write_bytes(path.read_bytes()[:-5])
    before = folder_state(tmp_path)
    for attempt in attempts(store):
        with pytest.raises(BookCorrupt):
            attempt()  # type: ignore[operator]
    assert folder_state(tmp_path) == before


def test_the_message_names_the_position_and_the_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = Store(path)
    for n in range(3):
        with store.transaction() as txn:
            txn.insert("clients", {"n": n})
    path.write_bytes(b'{\n  "clients": {\n    "1": {"n": 1,}}}')
    with pytest.raises(BookCorrupt) as caught:
        store.tables()
    error = caught.value
    assert error.key == "store.corrupt"
    assert (error.params["line"], error.params["column"], error.params["char"]) == (3, 17, 33)
    assert error.params["backup"] == str(tmp_path / "book.json.1")
    english = str(error)
    assert "line 3, column 17 (character 33)" in english
    assert f"Restore it from the backup {tmp_path / 'book.json.1'}" in english
    assert "Zeile 3, Spalte 17" in error.render("de")


def test_without_a_backup_the_message_says_so(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(b'{"clients": {"1": {"name": "M\xfcller"}}}')
    with pytest.raises(BookCorrupt) as caught:
        Store(path).tables()
    error = caught.value
    assert error.key == "store.corrupt_no_backup"
    assert (error.params["line"], error.params["column"]) == (1, 30)
    assert "byte 0xfc" in str(error)
    assert "There is no backup" in str(error)
    assert "keine Sicherung" in error.render("de")


def test_a_wrong_layout_names_where_it_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    for name, (raw, where) in WRONG_SHAPE.items():
        path.write_bytes(raw)
        with pytest.raises(BookCorrupt) as caught:
            Store(path).tables()
        assert caught.value.key == "store.corrupt_layout_no_backup", name
        assert caught.value.params["where"] == where, name
        assert f"at {where} " in str(caught.value)


def test_a_broken_undo_entry_is_refused_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = Store(path)
    with store.transaction({"key": "add"}) as txn:
        txn.insert("clients", {"name": "Acme"})
    log = store.state_dir / "undo.json"
    entry = orjson.loads(log.read_bytes())
    entry["changes"] = [["clients", "one", None, None]]
    log.write_bytes(orjson.dumps(entry) + b"\n")
    before = folder_state(tmp_path), log.read_bytes()
    with pytest.raises(BookCorrupt) as caught:
        store.undo()
    assert caught.value.params["where"] == f"{log}#1"
    assert log.read_bytes() == before[1]
    before = before[0]
    assert folder_state(tmp_path) == before
    assert store.tables()["clients"] == {"1": {"name": "Acme"}}


def test_a_book_from_a_newer_rapport_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(b'{"_meta":{"1":{"schema":3,"generation":9}},"clients":{}}')
    before = folder_state(tmp_path)
    store = Store(path)
    for attempt in attempts(store):
        with pytest.raises(BookTooNew) as caught:
            attempt()  # type: ignore[operator]
        assert caught.value.params == {"path": str(path), "found": 3, "supported": 2}
        assert "newer Rapport" in str(caught.value)
        assert "neueren Rapport" in caught.value.render("de")
    assert store.disk_generation() == 9
    assert folder_state(tmp_path) == before


def test_every_expected_phrase_of_the_shape_check_is_in_both_languages() -> None:
    """Each field's "expected …" is a catalog text: German in a German session."""
    from model.i18n import Phrase
    from model.shapes import TABLES

    phrases = {field[2] for shape in TABLES.values() for field in shape.values()}
    for phrase in phrases:
        assert isinstance(phrase, Phrase)
        assert phrase.render("en") == str(phrase)
        assert phrase.render("de") != phrase.render("en"), phrase.key


def test_the_json_parsers_words_are_translated() -> None:
    from model.damage import parser_reason

    reason = parser_reason("unexpected end of data")
    rendered = t("store.corrupt_no_backup", "de", path="b", line=1, column=2, char=1, reason=reason)
    assert "unerwartetes Ende der Daten" in rendered
    assert parser_reason("something orjson says one day") == "something orjson says one day"
