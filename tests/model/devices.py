"""Simulated devices for the merge tests: the store's own transaction code on memory.

Each device edits its copy through :class:`model.transaction.Transaction` with its own
clock, exactly as the store does, only without the file; ``sync`` merges two copies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from model.identity import Clock, encode, short_refs_in
from model.merge import merge
from model.migrations import GONE, META, META_ID, Tables, is_record_table
from model.storage import BookDB
from model.transaction import Transaction

EMPTY: Tables = {META: {META_ID: {"schema": 2, "generation": 0, "clock": ""}}}


def copy(tables: Tables) -> Tables:
    copied: Tables = orjson.loads(orjson.dumps(tables))
    return copied


class Device:
    def __init__(self, number: int, tables: Tables | None = None) -> None:
        self.time = 1_700_000_000_000
        self.clock = Clock(encode(number, 6), lambda: self.time)
        self.db = BookDB()
        self.take(copy(tables or EMPTY))

    @property
    def tables(self) -> Tables:
        return self.db.book.data

    def take(self, tables: Tables) -> None:
        self.db.book.data = tables
        self.db.reset_caches()
        self.clock.observe(tables[META][META_ID]["clock"])

    def write(self, change: Callable[[Transaction], Any], advance: int = 1) -> Any:
        self.time += advance
        refs = short_refs_in(
            [g.get("doc", {}) for g in self.tables.get(GONE, {}).values()]
            + [d for n, t in self.tables.items() if is_record_table(n) for d in t.values()]
        )
        self.db.book.writable = True
        txn = Transaction(self.db, {}, self.clock, lambda: refs)
        try:
            result = change(txn)
            txn.settle()  # as the store does when it looks for the changes to write
        finally:
            txn.close()
            self.db.book.writable = False
        self.tables[META][META_ID]["clock"] = self.clock.last()
        return result


def sync(a: Device, b: Device) -> None:
    """Both devices end up with the merge of their copies."""
    merged = merge(a.tables, b.tables)
    a.take(copy(merged))
    b.take(copy(merged))
