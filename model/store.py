"""The store: one TinyDB JSON file that never loses a write.

* Every read-modify-write holds an exclusive ``flock`` on a separate lock file
  (the book itself is replaced on each write, so it cannot carry the lock), and
  re-reads the book first if another process wrote it meanwhile.
* ``_meta`` holds a generation that grows with every write and heads the file,
  so a peek tells whether memory is stale; mtime and inode only ever add a
  reason to re-read, never remove one.
* Each write is one line appended to this device's journal (``model.journal``),
  or, for a small book and at each fold, one atomic replacement of the file
  (``model.bookfile``, laid out by ``model.layout``); readers replay the journals
  on top of the file (``model.mirror``).  Each write also logs the before- and
  after-images of what it touched in this device's undo log
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

from model import bookfile, damage, lock
from model.errors import BookCorrupt, WriteFailed, write_failed
from model.history import History
from model.identity import Clock, book_state_dir
from model.merge import merge
from model.migrations import (
    META,
    META_ID,
    Tables,
    migrate,
)
from model.mirror import BUSY, Mirror, Outdated, Progress
from model.storage import LayoutError, check_document
from model.transaction import Transaction
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
        #: Called before each transaction takes the lock (the Book folds conflict copies).
        self.before_write: Callable[[], object] | None = None
        self._disk = Mirror(self.path, clock, check)
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
            self._disk.lazy.load_all()
            return MappingProxyType(self._disk.db.book.data)

    @property
    def generation(self) -> int:
        return self._disk.generation

    def disk_generation(self) -> int | None:
        """The generation on disk, from the file's head and the journals' lines; ``None``
        if there is no file."""
        return self._disk.disk_generation()

    def changed(self) -> bool:
        """Whether the file or a journal differs from memory: cheap enough to poll."""
        return self._disk.changed()

    @property
    def epoch(self) -> int:
        """Changes whenever the book was read anew rather than followed line by line."""
        return self._disk.epoch

    def touched_since(self, generation: int, epoch: int) -> set[str] | None:
        """The clients whose records the writes after ``generation`` (read in ``epoch``)
        changed, or ``None`` when that is not known: the board re-gathers only these."""
        return self._disk.touched_since(generation, epoch)

    @property
    def unfolded(self) -> int:
        """How many journal lines the main file does not hold yet (as last read)."""
        return self._disk.replay.lines

    @property
    def journal(self) -> Path:
        """This device's journal of the book."""
        return self._disk.journal

    def backups(self) -> list[Path]:
        """The rotated backups that exist, newest first."""
        return bookfile.backups(self.path)

    def damaged(self, where: str, expected: str) -> BookCorrupt:
        """The error for a document not as Rapport writes it, at ``where`` (a JSON path)."""
        return damage.misshapen(self.path, where, expected)

    def _refresh(self, *, locked: bool) -> None:
        found = self._disk.refresh(locked=locked)
        if found is BUSY:
            # Folded again and again while we read: wait for the writers, then read.
            with self._exclusive():
                self._refresh(locked=True)
        elif isinstance(found, Outdated):
            self._lift(found, locked=locked)

    def _lift(self, old: Outdated, *, locked: bool) -> None:
        """An older book: migrated under the lock, or shown migrated if it may not be written."""
        if locked:
            self._migrate(old.raw, old.tables, old.schema)
            return
        try:
            with self._exclusive():
                self._refresh(locked=True)
        except WriteFailed as error:
            if not error.may_not_write:
                raise
            # Reading must not need the right to write: show the lifted book, write nothing.
            self._disk.install(migrate(old.tables, old.schema), old.signature)
            if not self.read_only:
                reason = error.params["reason"]
                self._say("store.read_only", path=str(self.path), found=old.schema, reason=reason)
            self.read_only = True

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """TinyDB may write inside; any failure drops the cache, so memory equals disk again."""
        self._disk.db.book.writable = True
        try:
            yield
        except BaseException:
            self._disk.forget()
            raise
        finally:
            self._disk.db.book.writable = False

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
        disk = self._disk
        self._txn = txn = Transaction(disk.db, label, self.clock, disk.refs_in_use, disk.lazy)
        try:
            with self._writing():
                yield txn
                changes = txn.changes()
                if changes:
                    if log:
                        with self._history_io():
                            logged = changes if undoable else None
                            self._history.wrote(txn.label, logged, raw, redo=redo)
                    self._disk.commit(txn.label, changes, raw)
                    if raw:  # a merge brings refs that no fresh() saw
                        self._disk.forget_refs()
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
        self.fold()  # a merge is written as a fold, and so is all before it
        with self.transaction(raw=True) as txn:
            self._disk.lazy.load_all()
            current = self._disk.db.book.data
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
        """The book's lock, for work on the file outside Rapport (``rapport sync``'s git):
        the journals are folded first, so that the file alone is the whole book."""
        with self._mutex, self._exclusive():
            self._refresh(locked=True)
            if self._disk.replay.lines:
                self._disk.write_file(self._disk.generation)
            yield

    def fold_due(self) -> bool:
        """Whether journal lines wait for a fold: cheap (a scandir and a stat a journal, no
        lock, nothing read), for a board to ask when it is idle before it calls
        :meth:`fold` with ``wait=False``."""
        return self._disk.replay.waiting()

    def fold(self, *, wait: bool = True, progress: Progress | None = None) -> int:
        """Rewrite the main file with every journal line in it (``rapport fold``, the
        board on quitting); how many lines it took in.  Without ``wait``, a lock another
        process holds is :class:`~model.errors.LockTimeout` at once.  ``progress``: see
        :meth:`Mirror.write_file`."""
        with self._mutex:
            if self._txn is not None:
                raise RuntimeError("Store.fold() inside a transaction")
            with self._exclusive(wait=wait):
                self._refresh(locked=True)
                lines = self._disk.replay.lines
                if lines:
                    self._disk.write_file(self._disk.generation, progress)
                return lines

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
            raise damage.unreadable(self.path, error) from error
        except OSError as error:
            raise self._write_failed(error) from error

    def keep_copy(self, target: Path) -> None:
        """Copy the book's file, as it is, to ``target`` (0600); inside a transaction only."""
        if self._txn is None:
            raise RuntimeError("Store.keep_copy() outside a transaction")
        payload = self._disk.whole_file()
        if payload is None:
            return
        try:
            bookfile.replace(target, payload, keep=False)
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
        self._disk.install(migrate(tables, schema), None)
        with self._writing():
            self._disk.commit({}, None, False)

    def _write_failed(self, error: OSError) -> WriteFailed:
        return write_failed(self.path, error)

    def listen(self, notice: Callable[[str, dict[str, Any]], None] | None) -> None:
        """From now on ``notice`` hears what the one given at the start would have."""
        self._notice = notice

    def _say(self, key: str, **params: Any) -> None:
        if self._notice is not None:
            self._notice(key, params)

    @contextmanager
    def _exclusive(self, *, wait: bool = True) -> Iterator[None]:
        bookfile.check_path(self.path)
        waiting = lambda: self._say("store.lock_waiting", path=str(self.path))  # noqa: E731
        with lock.exclusive(self.lock_path, self.path, on_wait=waiting, wait=wait):
            yield
