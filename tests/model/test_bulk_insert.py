"""``Transaction.insert_many``: a bulk load (the demo, an import) writes what one insert
after another would, in a fraction of the time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from model.errors import InputError
from model.identity import Clock
from model.store import Store

DOCS: list[dict[str, Any]] = [
    {"name": "Acme", "tags": ("a", "b"), "contacts": [{"name": "Ann"}]},
    {"name": "Beta", "history": [{"state": "new"}, {"state": "trusted"}]},
    {"name": "Gamma", "reflection": {"stop": "x"}},
]


def _store(path: Path) -> Store:
    ticks = iter(range(1, 10_000))
    return Store(path, Clock("DEMA12", lambda: next(ticks) // 3))


@pytest.mark.parametrize("gone", [False, True])
def test_the_same_ids_uids_and_file_as_one_insert_after_another(tmp_path: Path, gone: bool) -> None:
    files = []
    for name, bulk in (("one.json", False), ("many.json", True)):
        store = _store(tmp_path / name)
        with store.transaction() as txn:
            txn.insert("clients", {"name": "first"})
            if gone:  # a deleted record keeps its number taken
                txn.insert("clients", {"name": "second"})
                txn.remove("clients", 2)
        with store.transaction() as txn:
            if bulk:
                ids = txn.insert_many("clients", DOCS) + txn.insert_many("kudos", DOCS[:1])
            else:
                ids = [txn.insert("clients", doc) for doc in DOCS]
                ids.append(txn.insert("kudos", DOCS[0]))
        assert ids == ([3, 4, 5, 1] if gone else [2, 3, 4, 1])
        files.append(orjson.loads((tmp_path / name).read_bytes()))
        assert store.undo() is not None
        assert [d["name"] for d in store.tables()["clients"].values()] == ["first"]
    assert files[0] == files[1]
    # Tuples become lists, every record and embedded record has its uid.
    stored = files[1]["clients"]
    assert stored[str(ids[0])]["tags"] == ["a", "b"]
    assert all("uid" in doc and "uid" in doc["contacts"][0] for doc in [stored[str(ids[0])]])


def test_a_bad_document_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    store = _store(tmp_path / "book.json")
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    before = (tmp_path / "book.json").read_bytes()
    for bad, key in (
        ({"amount": float("nan")}, "store.unencodable_number"),
        ({"name": "broken \ud800 text"}, "store.unencodable_text"),
        ({"when": object()}, "store.unencodable"),
    ):
        with pytest.raises(InputError) as caught, store.transaction() as txn:
            txn.insert_many("clients", [{"name": "fine"}, bad])
        assert caught.value.key == key
        assert (tmp_path / "book.json").read_bytes() == before
        assert list(store.tables()["clients"]) == ["1"]


def test_reserved_tables_stay_the_stores(tmp_path: Path) -> None:
    with pytest.raises(ValueError), _store(tmp_path / "b.json").transaction() as txn:
        txn.insert_many("_meta", [{"x": 1}])
