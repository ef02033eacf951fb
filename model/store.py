"""The store: one TinyDB JSON file that never loses a write.

* Every read-modify-write holds an exclusive ``flock`` on a separate lock file
  (the book itself is replaced on each write, so it cannot carry the lock), and
  re-reads the book first if another process wrote it meanwhile.
* ``_meta`` holds a generation that grows with every write and heads the file,
  so a peek tells whether memory is stale; mtime and inode only ever add a
  reason to re-read, never remove one.
* Each write is one atomic replacement of the file (``model.bookfile``), and
  logs the before-images of what it touched in ``_undo``, inside the book, so
  any process can take back the newest change.
* A book that does not parse is never written over: it is the user's data.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any

import orjson
from tinydb.table import Document

from model import bookfile, damage, lock
from model.errors import BookCorrupt, BookTooNew, WriteFailed, write_failed
from model.migrations import (
    META,
    META_ID,
    SCHEMA_VERSION,
    UNDO,
    Tables,
    generation_of,
    migrate,
    schema_of,
)
from model.storage import BookDB, LayoutError, check_document, dump, parse

__all__ = ["UNDO_DEPTH", "Store", "Transaction"]

#: How many changes ``undo`` can take back.
UNDO_DEPTH = 50

_RESERVED = frozenset({META, UNDO})


def _replace_with(doc: Mapping[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(target: MutableMapping[Any, Any]) -> None:
        target.clear()
        target.update(doc)

    return replace


class Transaction:
    """The changes of one ``Store.transaction()`` block, applied through TinyDB's Table API."""

    def __init__(self, db: BookDB, label: dict[str, Any]) -> None:
        self._db = db
        self.label = label
        self._before: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._open = True

    def _raw(self, table: str) -> dict[str, dict[str, Any]]:
        if not self._open:
            raise RuntimeError("the transaction is over")
        return self._db.book.data.get(table) or {}

    def _writable(self, table: str) -> dict[str, dict[str, Any]]:
        if table in _RESERVED:
            raise ValueError(f"table {table!r} belongs to the store")
        return self._raw(table)

    def _touch(self, table: str, doc_id: int, before: dict[str, Any] | None) -> None:
        self._before.setdefault((table, str(doc_id)), before)

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

    def insert(self, table: str, doc: Mapping[str, Any]) -> int:
        stored = check_document(doc)
        self._writable(table)
        doc_id: int = self._db.table(table).insert(stored)
        self._touch(table, doc_id, None)
        return doc_id

    def update(self, table: str, doc_id: int, doc: Mapping[str, Any]) -> None:
        """Replace the whole document; ``KeyError`` if there is none with this id."""
        stored = check_document(doc)
        current = self._writable(table)[str(doc_id)]
        # TinyDB updates a copy put in its place (``IntKeyView``): ``current`` stays as it is.
        self._touch(table, doc_id, current)
        self._db.table(table).update(_replace_with(stored), doc_ids=[doc_id])

    def remove(self, table: str, doc_id: int) -> None:
        """Remove one document; ``KeyError`` if there is none with this id."""
        current = self._writable(table)[str(doc_id)]
        self._touch(table, doc_id, current)
        self._db.table(table).remove(doc_ids=[doc_id])

    def changes(self) -> list[list[Any]]:
        """``[table, id, before-image]`` of every document that really changed."""
        return [
            [table, doc_id, before]
            for (table, doc_id), before in self._before.items()
            if self._raw(table).get(doc_id) != before
        ]

    def close(self) -> None:
        self._open = False


class Store:
    """The book at ``path``: cached in memory, re-read when another process wrote it."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        notice: Callable[[str, dict[str, Any]], None] | None = None,
        check: Callable[[Tables], None] | None = None,
    ) -> None:
        """``notice(key, params)`` hears what a user should know but that is no error:
        waiting for another process's lock, a book shown read-only.  ``check(tables)``
        sees every version read from disk before it is used, and may refuse it."""
        self.path = bookfile.absolute(Path(path))
        self._notice = notice
        self._check = check
        self.read_only = False
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._db = BookDB()
        self._loaded = False
        self._generation = 0
        self._signature: bookfile.Signature | None = None
        self._mutex = threading.RLock()
        self._txn: Transaction | None = None

    # -- reading ---------------------------------------------------------------------------

    def tables(self) -> Mapping[str, Mapping[str, dict[str, Any]]]:
        """The current data, ``{table: {doc_id: doc}}``, re-read first if the book changed.

        Read-only for callers.  Raises ``BookCorrupt``/``BookTooNew``; an older book is
        migrated first, so ``WriteFailed`` is possible too.
        """
        with self._mutex:
            if self._txn is None:
                self._refresh(locked=False)
            return MappingProxyType(self._db.book.data)

    @property
    def generation(self) -> int:
        return self._generation

    def disk_generation(self) -> int | None:
        """The generation in the file, from its head when it can; ``None`` if there is no file."""
        head = bookfile.peek(self.path)
        if head is None:
            return None
        if head[0] is not None:
            return head[0]
        loaded = bookfile.read(self.path)
        return None if loaded is None else generation_of(self._parse(loaded[0]))

    def changed(self) -> bool:
        """Whether the file differs from memory: cheap enough to poll."""
        try:
            head = bookfile.peek(self.path)
        except OSError:
            return True
        if head is None:
            return self._signature is not None
        return head != (self._generation, self._signature)

    def backups(self) -> list[Path]:
        """The rotated backups that exist, newest first."""
        return bookfile.backups(self.path)

    def _parse(self, raw: bytes) -> Tables:
        try:
            return parse(raw)
        except (orjson.JSONDecodeError, LayoutError) as error:
            raise self._corrupt(error) from error

    def _corrupt(self, error: orjson.JSONDecodeError | LayoutError) -> BookCorrupt:
        return damage.unreadable(self.path, error)

    def damaged(self, where: str, expected: str) -> BookCorrupt:
        """The error for a document not as Rapport writes it, at ``where`` (a JSON path)."""
        return damage.misshapen(self.path, where, expected)

    def _refresh(self, *, locked: bool) -> None:
        head = bookfile.peek(self.path)
        if head is None:
            if not self._loaded or self._signature is not None:
                self._install({}, None)
            return
        if not (self._loaded and head == (self._generation, self._signature)):
            self._load(locked=locked)

    def _load(self, *, locked: bool) -> None:
        loaded = bookfile.read(self.path)
        if loaded is None:
            self._install({}, None)
            return
        raw, signature = loaded
        tables = self._parse(raw)
        schema = schema_of(tables)
        if schema > SCHEMA_VERSION:
            raise BookTooNew(path=str(self.path), found=schema, supported=SCHEMA_VERSION)
        if schema == SCHEMA_VERSION:
            self._install(tables, signature)
        elif locked:
            self._migrate(raw, tables, schema)
        else:
            try:
                with self._exclusive():
                    self._load(locked=True)
            except WriteFailed as error:
                if not error.may_not_write:
                    raise
                # Reading must not need the right to write: show the lifted book, write nothing.
                self._install(migrate(tables, schema), signature)
                if not self.read_only:
                    reason = error.params["reason"]
                    self._say("store.read_only", path=str(self.path), found=schema, reason=reason)
                self.read_only = True

    def _install(self, tables: Tables, signature: bookfile.Signature | None) -> None:
        if self._check is not None and tables:
            self._check(tables)
        self._db.book.data = tables
        self._db.reset_caches()
        self._generation = generation_of(tables)
        self._signature = signature
        self._loaded = True

    def _forget(self) -> None:
        """Drop the cache, so memory equals disk again on the next read."""
        self._install({}, None)
        self._loaded = False

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """TinyDB may write inside; any failure drops the cache, so memory equals disk again."""
        self._db.book.writable = True
        try:
            yield
        except BaseException:
            self._forget()
            raise
        finally:
            self._db.book.writable = False

    @contextmanager
    def transaction(
        self, label: Mapping[str, Any] | None = None, *, undoable: bool = True
    ) -> Iterator[Transaction]:
        """Hold the lock for one read-modify-write; write once, atomically, if anything changed.

        ``label`` (``{"key": ..., "params": {...}}``, or :meth:`Transaction.set_label`) is
        what :meth:`undo` returns for it.  With ``undoable=False`` (a bulk load, whose undo
        entry would be as large as the book) the undo log is emptied instead: older entries
        could not be taken back safely across it.  On an exception in the block nothing is
        written and the exception goes on.
        """
        stored_label = check_document(label or {})
        with self._mutex:
            if self._txn is not None:
                raise RuntimeError("Store.transaction() does not nest")
            with self._exclusive():
                self._refresh(locked=True)
                self._txn = txn = Transaction(self._db, stored_label)
                try:
                    with self._writing():
                        yield txn
                        changes = txn.changes()
                        if changes:
                            self._log_undo(txn.label, changes if undoable else None)
                            self._commit()
                finally:
                    txn.close()
                    self._txn = None

    def undo(self) -> dict[str, Any] | None:
        """Take back the newest change of any process; its label, or ``None`` if none is left."""
        with self._mutex:
            if self._txn is not None:
                raise RuntimeError("Store.undo() inside a transaction")
            with self._exclusive():
                self._refresh(locked=True)
                log = self._db.book.data.get(UNDO) or {}
                if not log:
                    return None
                newest = max(log, key=int)
                label, changes = self._undo_entry(newest, log[newest])
                with self._writing():
                    for table, doc_id, before in reversed(changes):
                        self._restore(table, doc_id, before)
                    self._db.table(UNDO).remove(doc_ids=[int(newest)])
                    self._commit()
                return label

    def _undo_entry(self, doc_id: str, entry: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]:
        label, changes = entry.get("label"), entry.get("changes")
        if not (isinstance(label, dict) and isinstance(changes, list)) or not all(
            isinstance(change, list)
            and len(change) == 3
            and isinstance(change[0], str)
            and change[0] not in _RESERVED
            and isinstance(change[1], str)
            and change[1].isdigit()
            and isinstance(change[2], dict | None)
            for change in changes
        ):
            raise self._corrupt(LayoutError(f"/{UNDO}/{doc_id}"))
        return label, changes

    def _restore(self, table: str, doc_id: str, before: dict[str, Any] | None) -> None:
        handle = self._db.table(table)
        present = doc_id in (self._db.book.data.get(table) or {})
        if before is None:
            if present:
                handle.remove(doc_ids=[int(doc_id)])
        elif present:
            handle.update(_replace_with(before), doc_ids=[int(doc_id)])
        else:
            handle.insert(Document(before, int(doc_id)))

    def _log_undo(self, label: dict[str, Any], changes: list[list[Any]] | None) -> None:
        log = self._db.table(UNDO)
        if changes is None:
            log.truncate()
            return
        log.insert({"label": label, "changes": changes})
        ids = list(self._db.book.data[UNDO])
        if len(ids) > UNDO_DEPTH:
            log.remove(doc_ids=[int(doc_id) for doc_id in ids[: len(ids) - UNDO_DEPTH]])

    def _commit(self) -> None:
        """Bump the generation and write the book; ``WriteFailed`` leaves the file as it was."""
        generation = self._generation + 1
        meta = {"schema": SCHEMA_VERSION, "generation": generation}
        self._db.table(META).upsert(Document(meta, int(META_ID)))
        payload = dump(self._db.book.data)
        try:
            self._signature = bookfile.replace(self.path, payload)
        except OSError as error:
            raise self._write_failed(error) from error
        self._generation = generation

    def keep_copy(self, target: Path) -> None:
        """Copy the book's file, as it is, to ``target`` (0600); inside a transaction only."""
        if self._txn is None:
            raise RuntimeError("Store.keep_copy() outside a transaction")
        loaded = bookfile.read(self.path)
        if loaded is None:
            return
        try:
            bookfile.replace(target, loaded[0], keep=False)
        except OSError as error:
            raise self._write_failed(error) from error

    def _migrate(self, raw: bytes, tables: Tables, schema: int) -> None:
        """Lift an older book to the current schema, after keeping its bytes as ``.v<n>.bak``."""
        try:
            bookfile.replace(
                self.path.with_name(f"{self.path.name}.v{schema}.bak"), raw, keep=False
            )
        except OSError as error:
            raise self._write_failed(error) from error
        self._install(migrate(tables, schema), None)
        with self._writing():
            self._commit()

    def _write_failed(self, error: OSError) -> WriteFailed:
        return write_failed(self.path, error)

    def _say(self, key: str, **params: Any) -> None:
        if self._notice is not None:
            self._notice(key, params)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        bookfile.check_path(self.path)
        waiting = lambda: self._say("store.lock_waiting", path=str(self.path))  # noqa: E731
        with lock.exclusive(self.lock_path, self.path, on_wait=waiting):
            yield
