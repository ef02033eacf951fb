"""One ``Store.transaction()`` block: its changes, applied through TinyDB's Table API.

With a clock the store gives every record identity as it is written (see
``model.stamping``): inserts get uids, updates stamp the fields they change, and a
removal leaves a tombstone in ``_gone`` that keeps its number taken for good.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, MutableSet, Sequence
from types import MappingProxyType
from typing import Any

import orjson
from tinydb.table import Document

from model.identity import Clock, ref_key
from model.lean import Lazy
from model.migrations import GONE, META, UNDO
from model.stamping import stamp_new, stamp_update, tombstone
from model.storage import BookDB, check_document

__all__ = ["RESERVED", "Transaction", "replace_with"]

RESERVED = frozenset({META, UNDO, GONE})


def replace_with(doc: Mapping[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(target: MutableMapping[Any, Any]) -> None:
        target.clear()
        target.update(doc)

    return replace


def _checked(docs: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``check_document`` of each of ``docs``: one round trip through orjson for them all,
    and each one on its own only if that one does not give them back equal (a NaN, a
    tuple, text orjson refuses: for the error that names the field)."""
    try:
        copies: list[dict[str, Any]] = orjson.loads(orjson.dumps(docs))
    except orjson.JSONEncodeError:
        copies = []
    if copies != list(docs):
        copies = [check_document(doc) for doc in docs]
    return copies


class Transaction:
    """The changes of one ``Store.transaction()`` block, applied through TinyDB's Table API."""

    def __init__(
        self,
        db: BookDB,
        label: dict[str, Any],
        clock: Clock | None = None,
        refs: Callable[[], MutableSet[int]] | None = None,
        lazy: Lazy | None = None,
    ) -> None:
        """``lazy``: the tables not parsed yet (``model.lean``); reading one parses it, an
        insert into one does not."""
        self._db = db
        self._lazy = lazy
        self.label = label
        self._clock = clock
        self._refs = refs
        self._before: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._graves: dict[str, dict[str, Any]] = {}
        self._floors: dict[str, int] = {}
        self._open = True

    def _raw(self, table: str) -> dict[str, dict[str, Any]]:
        if not self._open:
            raise RuntimeError("the transaction is over")
        if self._lazy is not None:
            self._lazy.load(table)
        return self._db.book.data.get(table) or {}

    def _writable(self, table: str) -> dict[str, dict[str, Any]]:
        if table in RESERVED:
            raise ValueError(f"table {table!r} belongs to the store")
        return self._raw(table)

    def _touch(self, table: str, doc_id: int | str, before: dict[str, Any] | None) -> None:
        self._before.setdefault((table, str(doc_id)), before)

    def fresh(self) -> str:
        """A new uid from this device's clock whose ref no record of the book has."""
        assert self._clock is not None and self._refs is not None
        refs = self._refs()  # as ref_key numbers
        uid = self._clock.tick()
        while ref_key(uid) in refs:
            uid = self._clock.tick()
        refs.add(ref_key(uid))
        return uid

    def set_label(self, label: Mapping[str, Any]) -> None:
        """Say how undo describes this change, once the block knows it."""
        self.label = check_document(label)

    def table(self, name: str) -> Mapping[str, dict[str, Any]]:
        """The raw documents of ``name`` by str id, as of now in this transaction (read-only)."""
        return MappingProxyType(self._raw(name))

    def get(self, table: str, doc_id: int) -> dict[str, Any] | None:
        """A copy of one document, free to change and pass to :meth:`update`."""
        doc = self._raw(table).get(str(doc_id))
        if doc is None:
            return None
        copy: dict[str, Any] = orjson.loads(orjson.dumps(doc))
        return copy

    def _taken_until(self, table: str) -> int:
        """The highest number a deleted record of ``table`` holds: never given again."""
        if table in self._floors:
            return self._floors[table]
        return max((g["id"] for g in self._raw(GONE).values() if g["table"] == table), default=0)

    def insert(self, table: str, doc: Mapping[str, Any]) -> int:
        stored = check_document(doc)
        if table in RESERVED:
            raise ValueError(f"table {table!r} belongs to the store")
        if self._clock is not None:
            stored = stamp_new(stored, self.fresh)
        floor = self._taken_until(table) if self._raw(GONE) or self._floors else 0
        if self._lazy is not None and self._lazy.is_lazy(table):
            # Only the next id is needed, never the table itself (``model.lean``).
            staged = max(self._lazy.next_id(table), floor + 1)
            self._lazy.stage(table, staged, stored)
            self._touch(table, staged, None)
            return staged
        self._writable(table)
        handle = self._db.table(table)
        doc_id: int = max(handle._get_next_id(), floor + 1)  # type: ignore[no-untyped-call]
        handle.insert(Document(stored, doc_id))
        handle._next_id = doc_id + 1  # type: ignore[assignment]  # no O(n) search next time
        self._touch(table, doc_id, None)
        return doc_id

    def insert_many(self, table: str, docs: Sequence[Mapping[str, Any]]) -> list[int]:
        """:meth:`insert` of each of ``docs`` in turn (the same ids and uids), for a bulk
        load of a million records: checked in one pass and put into the table directly,
        not through TinyDB's insert one at a time."""
        if table in RESERVED:
            raise ValueError(f"table {table!r} belongs to the store")
        if not docs or (self._lazy is not None and self._lazy.is_lazy(table)):
            return [self.insert(table, doc) for doc in docs]
        checked = _checked(docs)
        floor = self._taken_until(table) if self._raw(GONE) or self._floors else 0
        self._writable(table)
        self._db.book.check_writable()
        handle = self._db.table(table)
        first: int = max(handle._get_next_id(), floor + 1)  # type: ignore[no-untyped-call]
        raw = self._db.book.data.setdefault(table, {})
        ids = list(range(first, first + len(checked)))
        for doc_id, doc in zip(ids, checked, strict=True):
            key = str(doc_id)
            raw[key] = stamp_new(doc, self.fresh) if self._clock is not None else doc
            self._before.setdefault((table, key), None)
        handle._next_id = first + len(checked)  # type: ignore[assignment]
        handle.clear_cache()
        return ids

    def update(self, table: str, doc_id: int, doc: Mapping[str, Any]) -> None:
        """Replace the whole document; ``KeyError`` if there is none with this id."""
        stored = check_document(doc)
        current = self._writable(table)[str(doc_id)]
        if self._clock is not None and "uid" in current:
            stored = stamp_update(current, stored, self._clock.tick(), self.fresh)
        # TinyDB updates a copy put in its place (``IntKeyView``): ``current`` stays as it is.
        self._touch(table, doc_id, current)
        self._db.table(table).update(replace_with(stored), doc_ids=[doc_id])

    def remove(self, table: str, doc_id: int) -> None:
        """Remove one document, leaving its tombstone; ``KeyError`` if there is none."""
        current = self._writable(table)[str(doc_id)]
        self._touch(table, doc_id, current)
        if self._clock is not None and "uid" in current:
            self.put_gone(tombstone(table, doc_id, current, self._clock.tick()))
        self._db.table(table).remove(doc_ids=[doc_id])

    def put_gone(self, grave: dict[str, Any]) -> None:
        """Add or replace the tombstone of ``grave["uid"]`` (written by :meth:`settle`)."""
        self._graves[grave["uid"]] = grave
        if grave["table"] not in self._floors:
            self._floors[grave["table"]] = self._taken_until(grave["table"])
        self._floors[grave["table"]] = max(self._floors[grave["table"]], grave["id"])

    def settle(self) -> None:
        """Write the tombstones of this transaction, numbered in uid order as a merge numbers
        them (so that a merge with a copy holding the same ones changes nothing)."""
        if not self._graves:
            return
        graves = {g["uid"]: g for g in self._raw(GONE).values()}
        graves.update(self._graves)
        self._graves.clear()
        for number, uid in enumerate(sorted(graves), 1):
            if self._raw(GONE).get(str(number)) != graves[uid]:
                self.restore(GONE, str(number), graves[uid])

    def revived(self, uid: str) -> None:
        """The record ``uid`` is shown again: its data leaves the tombstone (as a merge has it)."""
        self.settle()
        grave = next((g for g in self._raw(GONE).values() if g["uid"] == uid), None)
        if grave is not None and "doc" in grave:
            self.put_gone({k: v for k, v in grave.items() if k != "doc"})

    def restore(self, table: str, doc_id: str, doc: dict[str, Any] | None) -> None:
        """Put document ``doc_id`` back exactly as ``doc`` (``None``: absent); any table."""
        raw = self._raw(table)
        self._touch(table, doc_id, raw.get(doc_id))
        handle = self._db.table(table)
        if doc is None:
            if doc_id in raw:
                handle.remove(doc_ids=[int(doc_id)])
        elif doc_id in raw:
            handle.update(replace_with(doc), doc_ids=[int(doc_id)])
        else:
            handle.insert(Document(doc, int(doc_id)))

    def changes(self) -> list[list[Any]]:
        """``[table, id, before-image, after-image]`` of every document that really changed."""
        self.settle()
        found = []
        for (table, doc_id), before in self._before.items():
            lazy = self._lazy
            if lazy is not None and lazy.is_lazy(table):
                after = lazy.staged(table, doc_id)
            else:
                after = self._raw(table).get(doc_id)
            if after != before:
                found.append([table, doc_id, before, after])
        return found

    def close(self) -> None:
        self._open = False
