"""Schema steps as pure functions, and the store lifting an old book on open."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import orjson
import pytest
from tinydb import TinyDB

from model import Book
from model.demo import build_demo
from model.identity import BOOKKEEPING, items_of, refs_in
from model.layout import split_meta
from model.merge import merge
from model.migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    generation_of,
    migrate,
    schema_of,
)
from model.storage import parse
from model.store import Store
from tests.conftest import NOW


def bare(table: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A table without the uids schema 2 added."""
    return {key: {f: v for f, v in doc.items() if f != "uid"} for key, doc in table.items()}


def test_every_version_below_the_current_one_has_a_step() -> None:
    assert SCHEMA_VERSION == 2
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


def test_schema_0_gets_meta_first_without_touching_its_input() -> None:
    old = {"_default": {"1": {"name": "Acme"}}, "clients": {}}
    new = MIGRATIONS[0](old)
    assert old == {"_default": {"1": {"name": "Acme"}}, "clients": {}}
    assert next(iter(new)) == "_meta"
    assert new == {"_meta": {"1": {"schema": 1, "generation": 0}}, **old}
    assert (schema_of(old), schema_of(new)) == (0, 1)
    assert (generation_of(old), generation_of(new)) == (0, 0)
    lifted = migrate(old, 0)
    assert schema_of(lifted) == 2
    assert bare(lifted["_default"]) == old["_default"]


def test_migrating_the_current_schema_changes_nothing() -> None:
    tables = {"_meta": {"1": {"schema": 2, "generation": 5, "clock": ""}}}
    assert migrate(tables, SCHEMA_VERSION) is tables


@pytest.mark.parametrize("raw", [b"{}", b'{"_default": {}}'], ids=["{}", "empty _default"])
def test_an_empty_stock_book_is_migrated(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(raw)
    store = Store(path)
    assert store.tables()["_meta"] == {"1": {"schema": 2, "generation": 1, "clock": ""}}
    assert (tmp_path / "book.json.v0.bak").read_bytes() == raw
    assert path.read_bytes().startswith(b'{"_meta":{"1":{"schema":2,"generation":1,')


def test_a_book_made_by_stock_tinydb_is_migrated_once_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    with TinyDB(path) as db:
        db.insert({"name": "default doc"})
        db.table("clients").insert_multiple([{"name": "Acme"}, {"name": "Müller"}])
    original = path.read_bytes()
    backup = tmp_path / "book.json.v0.bak"

    store = Store(path)
    tables = store.tables()
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert store.generation == 1
    assert bare(tables["clients"]) == {"1": {"name": "Acme"}, "2": {"name": "Müller"}}
    assert bare(tables["_default"]) == {"1": {"name": "default doc"}}
    on_disk = orjson.loads(path.read_bytes())
    assert {k: bare(v) for k, v in on_disk.items() if k != "_meta"} == orjson.loads(original)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    migrated = path.read_bytes()
    again = Store(path)
    assert again.tables() == tables
    assert again.generation == 1
    assert path.read_bytes() == migrated
    with TinyDB(path) as db:
        assert db.table("clients").get(doc_id=2)["name"] == "Müller"


def test_a_write_to_an_old_book_migrates_it_first(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(b'{"clients": {"4": {"name": "Acme"}}}')
    store = Store(path)
    with store.transaction({"key": "add"}) as txn:
        assert txn.insert("clients", {"name": "Beta"}) == 5
    assert store.generation == 2
    assert (tmp_path / "book.json.v0.bak").exists()
    assert store.undo() == {"key": "add"}
    assert bare(store.tables()["clients"]) == {"4": {"name": "Acme"}}


def test_a_second_store_sees_the_migration_the_first_one_made(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(b'{"clients": {}}')
    first, second = Store(path), Store(path)
    first.tables()
    migrated = path.read_bytes()
    assert second.tables()["_meta"] == {"1": {"schema": 2, "generation": 1, "clock": ""}}
    assert path.read_bytes() == migrated


# -- schema 1 → 2: identity ------------------------------------------------------------------


def strip(value: Any) -> Any:
    """A schema-2 value as schema 1 held it: no uids, stamps or other bookkeeping."""
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in BOOKKEEPING}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


@pytest.fixture
def v1_book(tmp_path: Path) -> tuple[Path, bytes]:
    """A real demo book written as schema 1 wrote it, with an undo log inside."""
    source = tmp_path / "source.json"
    build_demo(Book(source), NOW, clients=12, interactions=200, seed=3)
    tables = orjson.loads(source.read_bytes())
    v1 = {name: strip(table) for name, table in tables.items() if name != "_gone"}
    v1["_meta"] = {"1": {"schema": 1, "generation": 7}}
    v1["_undo"] = {"1": {"label": {"key": "x"}, "changes": [["clients", "1", None]]}}
    path = tmp_path / "book.json"
    raw = orjson.dumps(v1)
    path.write_bytes(raw)
    return path, raw


def test_v1_to_v2_keeps_every_record_and_number_and_gives_each_an_id(
    v1_book: tuple[Path, bytes],
) -> None:
    path, raw = v1_book
    old = orjson.loads(raw)
    book = Book(path)
    assert book.clients()
    new = orjson.loads(path.read_bytes())
    assert new["_meta"]["1"]["schema"] == 2
    assert "_undo" not in new
    assert (path.parent / "book.json.v1.bak").read_bytes() == raw
    uids = []
    for name, table in old.items():
        if name in ("_meta", "_undo"):
            continue
        assert set(new[name]) == set(table), name  # the numbers users type stay
        assert strip(new[name]) == table, name  # every record and field kept
        for doc in new[name].values():
            uids.append(doc["uid"])
            uids.extend(item["uid"] for item in items_of(doc))
    assert len(uids) == len(set(uids)) > 200
    assert len(refs_in(d for n, t in new.items() if n != "_meta" for d in t.values())) == len(uids)
    issue = next(k for k, d in new["issues"].items() if d["resolved"] is None)
    client = new["issues"][issue]["client"]
    book.resolve_issue(client, int(issue), NOW)
    assert orjson.loads(path.read_bytes())["issues"][issue]["resolved"]


def test_v1_to_v2_is_idempotent_and_the_same_on_every_device(
    tmp_path: Path, v1_book: tuple[Path, bytes]
) -> None:
    path, raw = v1_book
    other = tmp_path / "other" / "book.json"
    other.parent.mkdir()
    other.write_bytes(raw)
    Store(path).tables()
    migrated = path.read_bytes()
    Store(path).tables()
    assert path.read_bytes() == migrated  # opening again changes nothing
    assert (path.parent / "book.json.v1.bak").read_bytes() == raw
    Store(other).tables()
    assert other.read_bytes() == migrated  # another device lifts it to the same ids
    tables = parse(migrated)
    pure = migrate(orjson.loads(raw), 1)
    assert pure["_meta"]["1"]["generation"] + 1 == tables["_meta"]["1"]["generation"]
    assert {k: v for k, v in pure.items() if k != "_meta"} == {
        k: v for k, v in tables.items() if k != "_meta"
    }
    merged = merge(tables, parse(other.read_bytes()))
    split_meta(tables)  # the fold's map of the file is no part of the book
    assert {k: v for k, v in merged.items() if v} == {k: v for k, v in tables.items() if v}
