"""The store: one TinyDB JSON file that never loses a write.

* Every read-modify-write holds an exclusive ``flock`` on a separate lock file
  (the book itself is replaced on each write, so it cannot carry the lock), and
  re-reads the book first if another process wrote it meanwhile.
* ``_meta`` holds a generation that grows with every write and heads the file,
  so a peek tells whether memory is stale; mtime and inode only ever add a
  reason to re-read, never remove one.
* Each write is one atomic replacement of the file (``model.bookfile``), and
  logs the before- and after-images of what it touched in this device's undo log
  (``model.history``), outside the book, so any process of this device can take
  back its newest change, and never another device's.
* With a :class:`~model.identity.Clock` every record gets identity as it is
  written (``model.transaction``), and another copy of the book can be merged in.
* A book that does not parse is never written over: it is the user's data.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any

import orjson

from model import bookfile, damage, lock, ref_index
from model.errors import BookCorrupt, BookTooNew, WriteFailed, write_failed
from model.history import History
from model.identity import Clock, book_state_dir, short_refs_in
from model.merge import merge
from model.migrations import (
    GONE,
    META,
    META_ID,
    SCHEMA_VERSION,
    Tables,
    generation_of,
    migrate,
    schema_of,
)
from model.storage import BookDB, LayoutError, check_document, dump, parse
from model.transaction import RESERVED, Transaction
from model.undo_log import UndoLog
from model.undoing import take_back

__all__ = ["UNDO_DEPTH", "Store", "Transaction"]

#: How many changes ``undo`` can take back.
UNDO_DEPTH = 50


class Store:
    """The book at ``path``: cached in memory, re-read when another process wrote it."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        clock: Clock | None = None,
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
        self.clock = clock
        self.state_dir = book_state_dir(self.path)
        self._history = History(self.state_dir, UNDO_DEPTH)
        self._refs: set[int] | None = None
        #: Called before each transaction takes the lock (the Book folds conflict copies).
        self.before_write: Callable[[], object] | None = None
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
        self._refs = None
        if self.clock is not None and META in tables:
            self.clock.observe(tables[META][META_ID].get("clock", ""))

    def _refs_in_use(self) -> set[int]:
        """Every seven-letter ref of the book, gathered on the first insert after a load."""
        if self._refs is None:
            self._refs = ref_index.load(self.state_dir / "refs.bin", self._signature)
        if self._refs is None:
            data = self._db.book.data
            docs = [
                doc.get("doc", {}) if name == GONE else doc
                for name, table in data.items()
                if name not in RESERVED or name == GONE
                for doc in table.values()
            ]
            self._refs = short_refs_in(docs)
        return self._refs

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
        self, label: Mapping[str, Any] | None = None, *, undoable: bool = True, raw: bool = False
    ) -> Iterator[Transaction]:
        """Hold the lock for one read-modify-write; write once, atomically, if anything changed.

        ``label`` (``{"key": ..., "params": {...}}``, or :meth:`Transaction.set_label`) is
        what :meth:`undo` returns for it.  With ``undoable=False`` (a bulk load, whose undo
        entry would be as large as the book) the undo log is emptied instead: older entries
        could not be taken back safely across it.  On an exception in the block nothing is
        written and the exception goes on.  ``raw`` (a merge) is undone by putting every
        document back exactly as it was, instead of as this device's newer change.
        """
        stored_label = check_document(label or {})
        if self.before_write is not None:
            self.before_write()
        with self._mutex:
            if self._txn is not None:
                raise RuntimeError("Store.transaction() does not nest")
            with self._exclusive():
                self._refresh(locked=True)
                with self._run(stored_label, undoable, raw=raw) as txn:
                    yield txn

    @contextmanager
    def _run(
        self,
        label: dict[str, Any],
        undoable: bool,
        *,
        raw: bool,
        log: bool = True,
        redo: bool = False,
    ) -> Iterator[Transaction]:
        """One transaction under the lock: the block, then the log entry, then the book."""
        self._txn = txn = Transaction(self._db, label, self.clock, self._refs_in_use)
        try:
            with self._writing():
                yield txn
                changes = txn.changes()
                if changes:
                    if log:
                        with self._history_io():
                            logged = changes if undoable else None
                            self._history.wrote(txn.label, logged, raw, redo=redo)
                    self._commit()
                    if raw:  # a merge brings refs that no fresh() saw
                        self._refs = None
                    elif self._refs is not None:
                        ref_index.save(self.state_dir / "refs.bin", self._signature, self._refs)
        finally:
            txn.close()
            self._txn = None

    def merge_in(
        self,
        other: Tables,
        describe: Callable[[Tables, Tables], dict[str, Any]],
        *,
        dry_run: bool = False,
    ) -> dict[str, Any]:
        """Fold ``other`` into the book in one transaction, undone as one step; the label
        ``describe(before, after)`` gives it.  ``dry_run`` writes nothing."""
        if dry_run:
            snapshot: Tables = {name: dict(table) for name, table in self.tables().items()}
            return describe(snapshot, merge(snapshot, other))
        with self.transaction(raw=True) as txn:
            current = self._db.book.data
            merged = merge(current, other)
            label = describe(current, merged)
            changes = []
            for name in (current.keys() | merged.keys()) - {META}:
                mine, theirs = current.get(name) or {}, merged.get(name) or {}
                for key in mine.keys() | theirs.keys():
                    doc = theirs.get(key)
                    if mine.get(key) is not doc and mine.get(key) != doc:
                        changes.append((name, key, doc))
            for name, key, doc in changes:
                txn.restore(name, key, doc)
            txn.set_label(label)
            if self.clock is not None and META in other:
                self.clock.observe(other[META][META_ID].get("clock", ""))
        return label

    @contextmanager
    def hold(self) -> Iterator[None]:
        """The book's lock, for work on the file outside Rapport (``rapport sync``'s git)."""
        with self._mutex, self._exclusive():
            yield

    def undo(self) -> dict[str, Any] | None:
        """Take back this device's newest change; its label, or ``None`` if none is left.

        A field another device changed since is left as that device wrote it.
        """
        return self._take_back(self._history.undo, redo=False)

    def redo(self) -> dict[str, Any] | None:
        """Take back this device's newest undo; its label, or ``None`` if none is left.

        An undo is itself a change, so redoing it is taking back that change; the
        redo goes on the undo log again, and any other write ends the redo chain.
        """
        return self._take_back(self._history.redo, redo=True)

    def _take_back(self, log: UndoLog, *, redo: bool) -> dict[str, Any] | None:
        with self._mutex:
            if self._txn is not None:
                raise RuntimeError("Store.undo() or redo() inside a transaction")
            with self._exclusive():
                self._refresh(locked=True)
                with self._history_io():
                    entry = self._history.pop(log)
                if entry is None:
                    return None
                label, raw, changes = entry
                with self._run(label, True, raw=raw, log=redo, redo=redo) as txn:
                    take_back(txn, changes, raw=raw or self.clock is None)
                    if not redo:
                        with self._history_io():
                            self._history.undone(label, txn.changes(), raw)
                return label

    @contextmanager
    def _history_io(self) -> Iterator[None]:
        """The undo and redo logs' failures, reported as the book's own."""
        try:
            yield
        except LayoutError as error:
            raise self._corrupt(error) from error
        except OSError as error:
            raise self._write_failed(error) from error

    def _commit(self) -> None:
        """Bump the generation and write the book; ``WriteFailed`` leaves the file as it was."""
        generation = self._generation + 1
        previous = (self._db.book.data.get(META) or {}).get(META_ID, {})
        clock = self.clock.last() if self.clock is not None else ""
        meta = {
            "schema": SCHEMA_VERSION,
            "generation": generation,
            "clock": max(clock, previous.get("clock", "")),
        }
        self._db.book.data[META] = {META_ID: meta}
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

    def listen(self, notice: Callable[[str, dict[str, Any]], None] | None) -> None:
        """From now on ``notice`` hears what the one given at the start would have."""
        self._notice = notice

    def _say(self, key: str, **params: Any) -> None:
        if self._notice is not None:
            self._notice(key, params)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        bookfile.check_path(self.path)
        waiting = lambda: self._say("store.lock_waiting", path=str(self.path))  # noqa: E731
        with lock.exclusive(self.lock_path, self.path, on_wait=waiting):
            yield
