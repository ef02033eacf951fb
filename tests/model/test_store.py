"""The store's API on real files: reads, writes, generations, backups, modes, undo."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from model.errors import InputError
from model.storage import BookDB, FastTable
from model.store import UNDO_DEPTH, Store
from model.undo_log import UndoLog
from tests.model.store_worker import labelled_step


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "book.json"


@pytest.fixture
def store(path: Path) -> Store:
    return Store(path)


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_missing_book_reads_as_empty_and_is_not_created(store: Store, path: Path) -> None:
    assert dict(store.tables()) == {}
    assert store.generation == 0
    assert store.disk_generation() is None
    assert not store.changed()
    assert store.backups() == []
    assert not path.exists()
    assert not store.lock_path.exists()


def test_the_first_write_creates_the_book(store: Store, path: Path) -> None:
    with store.transaction({"key": "add", "params": {"n": 1}}) as txn:
        first = txn.insert("clients", {"name": "Acme", "tags": ("a", "b")})
        second = txn.insert("clients", {"name": "Beta"})
        assert txn.get("clients", first) == {"name": "Acme", "tags": ["a", "b"]}
        assert set(txn.table("clients")) == {str(first), str(second)}
    assert (first, second) == (1, 2)
    assert store.generation == 1
    assert store.disk_generation() == 1
    tables = store.tables()
    # Memory holds what a reload gives: the tuple became a list.
    assert tables["clients"] == {"1": {"name": "Acme", "tags": ["a", "b"]}, "2": {"name": "Beta"}}
    assert Store(path).tables() == tables
    assert store.lock_path == path.with_name("book.json.lock")


def test_update_replaces_the_whole_document_and_remove_deletes_it(store: Store) -> None:
    with store.transaction() as txn:
        doc_id = txn.insert("clients", {"name": "Acme", "old": True})
        gone = txn.insert("clients", {"name": "Gone"})
    with store.transaction() as txn:
        doc = txn.get("clients", doc_id)
        assert doc is not None
        doc.pop("old")
        doc["name"] = "Acme GmbH"
        # The copy from get() is ours: changing it does not reach the book.
        assert store.tables()["clients"][str(doc_id)] == {"name": "Acme", "old": True}
        txn.update("clients", doc_id, doc)
        txn.remove("clients", gone)
        assert txn.get("clients", gone) is None
        with pytest.raises(KeyError):
            txn.update("clients", gone, {"name": "x"})
        with pytest.raises(KeyError):
            txn.remove("clients", 99)
    assert store.tables()["clients"] == {str(doc_id): {"name": "Acme GmbH"}}
    assert store.generation == 2


def test_documents_read_earlier_do_not_change_under_the_reader(store: Store) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme", "tags": ["a"]})
    seen = store.tables()["clients"]["1"]
    with store.transaction() as txn:
        txn.update("clients", 1, {"name": "Acme GmbH", "tags": ["a", "b"]})
    assert seen == {"name": "Acme", "tags": ["a"]}
    assert store.tables()["clients"]["1"] == {"name": "Acme GmbH", "tags": ["a", "b"]}


def test_the_store_tables_cannot_be_written_by_callers(store: Store) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
        for name in ("_meta", "_undo", "_gone"):
            with pytest.raises(ValueError):
                txn.insert(name, {"x": 1})
    with pytest.raises(RuntimeError):
        txn.insert("clients", {"name": "after the block"})


def test_a_transaction_that_changes_nothing_writes_nothing(store: Store, path: Path) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    before = path.read_bytes()
    stat_before = path.stat()
    with store.transaction() as txn:
        doc_id = txn.insert("clients", {"name": "Temp"})
        txn.remove("clients", doc_id)
        txn.update("clients", 1, {"name": "Acme"})
    with store.transaction():
        pass
    assert path.read_bytes() == before
    assert path.stat().st_ino == stat_before.st_ino
    assert store.generation == 1
    assert store.backups() == []


def test_an_exception_in_the_block_writes_nothing_and_memory_equals_disk(
    store: Store, path: Path
) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    before = path.read_bytes()
    with pytest.raises(ZeroDivisionError), store.transaction() as txn:
        txn.update("clients", 1, {"name": "changed"})
        txn.insert("clients", {"name": "new"})
        1 / 0  # noqa: B018
    assert path.read_bytes() == before
    assert store.tables()["clients"] == {"1": {"name": "Acme"}}
    with store.transaction() as txn:
        assert txn.insert("clients", {"name": "next"}) == 2


def test_the_file_opens_in_stock_tinydb_with_the_same_tables(store: Store, path: Path) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme", "umlaut": "Müller"})
        txn.insert("issues", {"kind": "delay", "amount": "12.50"})
    with TinyDB(path) as db:
        assert db.tables() == {"_meta", "clients", "issues"}
        assert db.table("clients").get(doc_id=1) == {"name": "Acme", "umlaut": "Müller"}
        assert db.table("issues").all() == [{"kind": "delay", "amount": "12.50"}]
        meta = db.table("_meta").get(doc_id=1)
        assert meta is not None
        # The rest of _meta maps the file for a lean read (model.layout).
        assert {k: meta[k] for k in ("schema", "generation", "clock")} == {
            "schema": 2,
            "generation": 1,
            "clock": "",
        }


def test_a_book_written_by_stock_tinydb_after_us_is_read_fresh(store: Store, path: Path) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    store.tables()
    with TinyDB(path) as db:
        db.table("clients").insert({"name": "From stock TinyDB"})
    # Same generation in the head, but the file is not the one we wrote.
    assert store.changed()
    assert store.tables()["clients"]["2"] == {"name": "From stock TinyDB"}
    with store.transaction() as txn:
        assert txn.insert("clients", {"name": "Ours"}) == 3


def test_writes_go_through_tinydb_tables_that_change_the_raw_dict_in_place() -> None:
    db = BookDB()
    table = db.table("clients")
    assert isinstance(table, FastTable)
    with pytest.raises(RuntimeError):
        table.insert({"name": "outside a transaction"})
    assert dict(db.book.data) == {}
    db.book.writable = True
    raw = {str(n): {"n": n} for n in range(1, 1001)}
    db.book.data = {"clients": raw}
    db.reset_caches()
    assert table.insert({"n": 1001}) == 1001
    five = raw["5"]
    table.update({"seen": True}, doc_ids=[5])
    assert five == {"n": 5}  # a document handed out earlier does not change
    table.remove(doc_ids=[7])
    assert db.book.data["clients"] is raw  # not rebuilt
    assert raw["1001"] == {"n": 1001}
    assert raw["5"] == {"n": 5, "seen": True}
    assert "7" not in raw
    assert [doc.doc_id for doc in table.search(lambda doc: doc["n"] > 999)] == [1000, 1001]


def test_meta_heads_the_file_and_disk_generation_reads_only_the_head(
    store: Store, path: Path
) -> None:
    for n in range(3):
        with store.transaction() as txn:
            txn.insert("clients", {"n": n, "pad": "x" * 1000})
    assert path.read_bytes().startswith(b'{"_meta":{"1":{"schema":2,"generation":3,"clock":"",')
    assert store.disk_generation() == 3
    # Only the head counts: a tail no parser could read does not disturb the peek.
    with path.open("r+b") as handle:
        handle.seek(2000)
        handle.write(b"\x00garbage")
    assert store.disk_generation() == 3


def test_disk_generation_falls_back_to_a_full_read_when_the_head_is_foreign(
    store: Store, path: Path
) -> None:
    path.write_text('{"clients": {}, "_meta": {"1": {"generation": 7, "schema": 1}}}')
    assert store.disk_generation() == 7
    path.write_text('{"_meta":  {"1": {"generation": 8, "schema": 1}}, "clients": {}}')
    assert store.disk_generation() == 8


def test_changed_follows_other_writers(path: Path) -> None:
    one, two = Store(path), Store(path)
    with one.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    assert not one.changed()
    assert two.changed()
    two.tables()
    assert not two.changed()
    with one.transaction() as txn:
        txn.insert("clients", {"name": "Beta"})
    assert two.changed()
    assert two.generation == 1
    assert set(two.tables()["clients"]) == {"1", "2"}
    assert two.generation == 2
    path.unlink()
    assert two.changed()
    assert dict(two.tables()) == {}


def test_two_stores_in_one_process_interleave_without_losing_a_write(path: Path) -> None:
    one, two = Store(path), Store(path)
    ids = []
    for round_ in range(10):
        for name, store in (("one", one), ("two", two)):
            with store.transaction() as txn:
                ids.append(txn.insert("items", {"by": name, "round": round_}))
                if len(ids) > 1:
                    # Touch what the other store wrote last: it must see it.
                    other = ids[-2]
                    doc = txn.get("items", other)
                    assert doc is not None
                    txn.update("items", other, {**doc, "seen_by": name})
    assert len(ids) == len(set(ids)) == 20
    for store in (one, two, Store(path)):
        items = store.tables()["items"]
        assert sorted(map(int, items)) == sorted(ids)
        assert all("seen_by" in items[str(i)] for i in ids[:-1])
    assert one.generation == two.generation == 20


def test_transactions_do_not_nest(store: Store) -> None:
    with store.transaction(), pytest.raises(RuntimeError), store.transaction():
        pass
    with store.transaction(), pytest.raises(RuntimeError):
        store.undo()


def test_unencodable_input_is_refused_before_anything_is_written(store: Store, path: Path) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    before = path.read_bytes()
    for bad, key in (
        ({"name": "broken \ud800 text"}, "store.unencodable_text"),
        ({"notes": [{"x": "\udfff"}]}, "store.unencodable_text"),
        ({"\ud83d": "key"}, "store.unencodable_text"),
        ({"amount": float("nan")}, "store.unencodable_number"),
        ({"amount": [1.0, float("inf")]}, "store.unencodable_number"),
        ({"amount": 2**70}, "store.unencodable"),
        ({"when": object()}, "store.unencodable"),
    ):
        with pytest.raises(InputError) as caught, store.transaction() as txn:
            txn.insert("clients", {"name": "fine"})
            txn.update("clients", 1, bad)
        assert caught.value.key == key
        assert caught.value.render("de") != caught.value.render("en")
        assert path.read_bytes() == before
        assert store.tables()["clients"] == {"1": {"name": "Acme"}}
    assert "notes[0].x" in str(InputError("store.unencodable_text", field="notes[0].x"))
    with pytest.raises(InputError), store.transaction({"key": "x", "params": {"n": float("nan")}}):
        pass
    assert path.read_bytes() == before


def test_file_lock_and_backups_are_0600_even_under_umask_000(
    store: Store, path: Path, umask_000: None
) -> None:
    for n in range(3):
        with store.transaction() as txn:
            txn.insert("clients", {"n": n})
    assert mode(path) == 0o600
    assert mode(store.lock_path) == 0o600
    assert store.backups()
    assert all(mode(backup) == 0o600 for backup in store.backups())


def test_the_last_five_versions_are_kept_as_rotated_backups(store: Store, path: Path) -> None:
    versions = []
    for n in range(8):
        with store.transaction() as txn:
            txn.insert("clients", {"n": n})
        versions.append(path.read_bytes())
    backups = store.backups()
    assert [p.name for p in backups] == [f"book.json.{n}" for n in range(1, 6)]
    # Newest first: backup 1 is the version the last write replaced.
    assert [p.read_bytes() for p in backups] == versions[-2:-7:-1]
    assert all(os.stat(p).st_nlink == 1 for p in [path, *backups])
    leftovers = {p.name for p in path.parent.iterdir()} - {p.name for p in backups}
    assert leftovers == {"book.json", "book.json.lock"}


def test_a_backup_is_copied_where_hard_links_fail(
    store: Store, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"n": 1})
    first = path.read_bytes()

    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with store.transaction() as txn:
        txn.insert("clients", {"n": 2})
    assert store.backups()[0].read_bytes() == first


def test_a_symlinked_book_keeps_its_link(tmp_path: Path) -> None:
    target_dir = tmp_path / "sync"
    target_dir.mkdir()
    link = tmp_path / "book.json"
    link.symlink_to(target_dir / "book.json")
    store = Store(link)
    assert store.path == target_dir / "book.json"
    for n in range(2):
        with store.transaction() as txn:
            txn.insert("clients", {"n": n})
    assert link.is_symlink()
    assert orjson.loads(link.read_bytes())["clients"] == {"1": {"n": 0}, "2": {"n": 1}}
    assert store.lock_path.parent == target_dir
    assert (target_dir / "book.json.1").exists()


def test_undo_takes_back_25_steps_in_order(store: Store) -> None:
    snapshots = [dict(store.tables().get("items", {}))]
    for step in range(25):
        labelled_step(store, step)
        snapshots.append(dict(store.tables()["items"]))
    for step in reversed(range(25)):
        assert store.undo() == {"key": "step", "params": {"n": step}}
        assert dict(store.tables().get("items", {})) == snapshots[step]
    assert store.undo() is None
    assert store.generation == 50


def test_the_label_can_be_set_inside_the_block(store: Store) -> None:
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
        txn.set_label({"key": "book.client_added", "params": {"id": "acme"}})
    assert store.undo() == {"key": "book.client_added", "params": {"id": "acme"}}


def test_the_undo_log_keeps_the_last_50_entries(store: Store, path: Path) -> None:
    for step in range(UNDO_DEPTH + 5):
        with store.transaction({"key": "step", "params": {"n": step}}) as txn:
            txn.insert("items", {"step": step})
    log = UndoLog(store.state_dir / "undo.json", UNDO_DEPTH).entries()
    assert b"_undo" not in path.read_bytes()
    assert len(log) == UNDO_DEPTH
    assert [entry["label"]["params"]["n"] for entry in log] == list(range(5, 55))
    for _ in range(UNDO_DEPTH):
        assert store.undo() is not None
    assert store.undo() is None
    assert sorted(int(d["step"]) for d in store.tables()["items"].values()) == list(range(5))


def test_a_change_that_is_not_undoable_empties_the_undo_log(store: Store) -> None:
    with store.transaction({"key": "one"}) as txn:
        txn.insert("items", {"n": 1})
    with store.transaction(undoable=False) as txn:
        for n in range(2, 5):
            txn.insert("items", {"n": n})
    assert store.undo() is None
    assert len(store.tables()["items"]) == 4


def test_a_line_torn_by_a_kill_is_skipped_and_the_next_entry_kept(tmp_path: Path) -> None:
    log = UndoLog(tmp_path / "undo.json", UNDO_DEPTH)
    log.push({"label": {"key": "one"}, "changes": []})
    with open(log.path, "ab") as handle:
        handle.write(b'{"label": {"key": "tor')  # a writer killed inside its append
    log.push({"label": {"key": "two"}, "changes": []})
    assert [entry["label"]["key"] for entry in log.entries()] == ["one", "two"]
