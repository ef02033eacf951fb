"""The book as on disk, held in memory: the main file with the journals replayed on top.

:class:`Mirror` reads (a peek, a tail of the journals, or the whole file anew) and
writes (one journal line, or a fold: the whole file); the store around it holds the
lock and runs the transactions.  A reader never sees a half-fold: after reading
the journals it checks that the file it read is still the one at the path, and
reads again if a fold replaced it meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Callable, MutableSet
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from model import bookfile, damage, journal, layout, ref_index
from model.book_refs import BookRefs
from model.errors import BookCorrupt, BookTooNew, WriteFailed, write_failed
from model.identity import Clock
from model.journal import Entry
from model.lean import Lazy
from model.migrations import META, META_ID, SCHEMA_VERSION, Tables, generation_of, schema_of
from model.replay import Foreign, JournalDamaged, Replay, journal_error
from model.storage import BookDB, LayoutError, dump, parse

__all__ = ["BUSY", "Mirror", "Outdated", "Progress"]

#: ``(stage, done, total)``, as ``model.book.Progress``.
Progress = Callable[[str, int, int], None]

_Spans = tuple[dict[str, tuple[int, int]], dict[str, int]]


@dataclass(frozen=True)
class Outdated:
    """A file of an older schema: the store lifts it (under the lock) or shows it lifted."""

    raw: bytes
    tables: Tables
    schema: int
    signature: bookfile.Signature


#: Folded again and again while read: read under the lock.
BUSY = "busy"


class Mirror:
    def __init__(
        self,
        path: Path,
        clock: Clock | None,
        check: Callable[[Tables], None] | None,
    ) -> None:
        self.path = path
        self._clock = clock
        self._check = check
        self.db = BookDB()
        self.lazy = Lazy(path, self.db, check)
        self.loaded = False
        self.generation = 0
        self.signature: bookfile.Signature | None = None
        #: The generation in the file's head, and the fields of its fold (``model.layout``).
        self.file_generation = 0
        self._fields: dict[str, Any] = {}
        device = clock.device if clock is not None else "local"
        self.device = device
        self.journal = journal.journal_path(path, device)
        self.replay = Replay(path, self.journal)
        self.refs = BookRefs(path, self.lazy, lambda: self.db.book.data)
        #: The clients each write since ``touched_from`` touched (``None``: not known), and
        #: a number that changes whenever memory was read anew (another history, maybe).
        self.touched: dict[int, frozenset[str] | None] = {}
        self.touched_from = 0
        self.epoch = 0
        self.fold_below = journal.fold_below()

    # -- reading ---------------------------------------------------------------------------

    def parse(self, raw: bytes) -> Tables:
        try:
            return parse(raw)
        except (orjson.JSONDecodeError, LayoutError) as error:
            raise damage.unreadable(self.path, error) from error

    def changed(self) -> bool:
        try:
            head = bookfile.peek(self.path)
        except OSError:
            return True
        if head is None:
            return self.signature is not None
        return head != (self.file_generation, self.signature) or self.replay.changed()

    def disk_generation(self) -> int | None:
        head = bookfile.peek(self.path)
        if head is None:
            return None
        meta = bookfile.head_meta(self.path)
        if head[0] is None or meta is None:
            loaded = bookfile.read(self.path)
            return None if loaded is None else generation_of(self.parse(loaded[0]))
        try:
            lines = Replay(self.path, self.journal).new_lines(meta, head[0], rewritten=False)
        except (JournalDamaged, Foreign) as error:
            raise journal_error(self.path, error) from error
        return head[0] + len(lines or ())

    def refresh(self, *, locked: bool) -> Outdated | str | None:
        """Bring memory up to the disk: :class:`Outdated` or :data:`BUSY` for the store."""
        head = bookfile.peek(self.path)
        if head is None:
            if not self.loaded or self.signature is not None:
                self.install({}, None)
            return None
        found: Outdated | str | None = None
        same_file = self.loaded and head == (self.file_generation, self.signature)
        if not same_file or (self.replay.changed() and not self._tail()):
            found = self._load(locked=locked)
        if locked and found is None:
            try:
                self.replay.tidy()
            except OSError as error:
                raise write_failed(self.path, error) from error
        return found

    def _tail(self) -> bool:
        """Replay what other processes appended since the last read; ``False``: read anew."""
        # The new lines continue memory's generation, not the file's: after the first
        # tail they would never number on from the file's and every poll read the book.
        entries = self._new_lines(self.replay, self._fields, self.generation)
        if entries is None:
            return False
        self._apply(entries)
        return True

    def _apply(self, entries: list[Entry]) -> None:
        """Replay ``entries`` on memory; an unparsed table keeps them for when it is parsed."""
        if not entries:
            return
        data = self.db.book.data
        meta = data[META][META_ID]
        for entry in entries:
            for table, doc_id, _before, after in entry.changes:
                if self.lazy.note(table, doc_id, after):
                    continue
                if after is None:
                    data.get(table, {}).pop(doc_id, None)
                else:
                    data.setdefault(table, {})[doc_id] = after
            meta["generation"] = entry.seq
            meta["clock"] = max(meta.get("clock", ""), entry.clock)
            self.refs.note(entry.changes)
            self._touch(entry.seq, entry.changes)
        self.db.reset_caches()
        self.generation = meta["generation"]
        if self._clock is not None:
            self._clock.observe(meta["clock"])

    def _new_lines(
        self, replay: Replay, fields: dict[str, Any], generation: int, size: int | None = None
    ) -> list[Entry] | None:
        if size is None:
            size = self.signature[2] if self.signature is not None else 0
        rewritten = fields.get("size") != size
        try:
            return replay.new_lines(fields, generation, rewritten=rewritten)
        except (JournalDamaged, Foreign) as error:
            raise journal_error(self.path, error) from error

    def _replay_onto(self, tables: Tables, entries: list[Entry]) -> None:
        meta = tables[META][META_ID]
        for entry in entries:
            journal.apply(tables, entry)
            meta["generation"] = entry.seq
            meta["clock"] = max(meta.get("clock", ""), entry.clock)

    def _load(self, *, locked: bool) -> Outdated | str | None:
        for _ in range(5):
            lean = self._open_lean()
            if lean is not None:
                if self._load_current(lean[1], lean[2], locked=locked, lean=(lean[0], lean[3])):
                    return None
                continue
            loaded = bookfile.read(self.path)
            if loaded is None:
                self.install({}, None)
                return None
            raw, signature = loaded
            tables = self.parse(raw)
            schema = schema_of(tables)
            if schema > SCHEMA_VERSION:
                raise BookTooNew(path=str(self.path), found=schema, supported=SCHEMA_VERSION)
            if schema != SCHEMA_VERSION:
                return Outdated(raw, tables, schema, signature)
            if self._load_current(tables, signature, locked=locked):
                return None
        return BUSY

    def _open_lean(self) -> tuple[int, Tables, bookfile.Signature, _Spans] | None:
        """The file opened for a lean read (its head parsed), or ``None``: read it whole."""
        opened = bookfile.open_head(self.path)
        if opened is None:
            return None
        fd, head, signature = opened
        meta = bookfile.meta_of(head)
        found = None
        if meta is not None and meta.get("size") == signature[2]:
            generation, schema = meta.get("generation"), meta.get("schema")
            if schema == SCHEMA_VERSION and type(generation) is int and generation >= 0:
                found = layout.spans(meta)
        if meta is None or found is None:
            os.close(fd)
            return None
        return fd, {META: {META_ID: meta}}, signature, found

    def _load_current(
        self,
        tables: Tables,
        signature: bookfile.Signature,
        *,
        locked: bool,
        lean: tuple[int, _Spans] | None = None,
    ) -> bool:
        """Install the file's ``tables`` with the journals replayed on top; ``False`` when a
        fold replaced the file while the journals were read (read it again).  ``lean``: the
        open file and where its unparsed tables lie."""
        fields = layout.split_meta(tables)
        file_generation = generation_of(tables)
        replay = Replay(self.path, self.journal)
        try:
            try:
                entries = self._new_lines(replay, fields, file_generation, signature[2])
            except BookCorrupt:
                if not locked and self._replaced(signature):
                    return False
                raise
            if not locked and self._replaced(signature):
                return False
        except BaseException:
            if lean is not None:
                os.close(lean[0])
            raise
        self.install(tables, signature)
        if lean is not None:
            self.lazy.open(lean[0], *lean[1], layout.sums(fields))
        self._fields, self.replay, self.file_generation = fields, replay, file_generation
        self._apply(entries or [])
        return True

    def _replaced(self, signature: bookfile.Signature) -> bool:
        head = bookfile.peek(self.path)
        return head is None or head[1] != signature

    def install(self, tables: Tables, signature: bookfile.Signature | None) -> None:
        self.lazy.close()
        if self._check is not None and tables:
            self._check(tables)
        self.db.book.data = tables
        self.db.reset_caches()
        self.generation = self.file_generation = generation_of(tables)
        self.signature = signature
        self._fields = {}
        self.replay = Replay(self.path, self.journal)
        self.loaded = True
        self.refs.forget()
        self.refs.reset()
        self.touched, self.touched_from = {}, self.generation
        self.epoch += 1
        if self._clock is not None and META in tables:
            self._clock.observe(tables[META][META_ID].get("clock", ""))

    def forget(self) -> None:
        """Drop the cache, so memory equals disk again on the next read."""
        self.install({}, None)
        self.loaded = False

    def _touch(self, generation: int, changes: list[list[Any]] | None) -> None:
        self.touched[generation] = None if changes is None else journal.clients_of(changes)
        if len(self.touched) > 4096:  # the board asks about the last few writes only
            self.touched_from = min(self.touched)
            del self.touched[self.touched_from]

    def touched_since(self, generation: int, epoch: int) -> set[str] | None:
        """The clients the writes after ``generation`` touched; ``None`` if not known."""
        if epoch != self.epoch or generation < self.touched_from:
            return None
        found: set[str] = set()
        for seq in range(generation + 1, self.generation + 1):
            clients = self.touched.get(seq)
            if clients is None:
                return None
            found |= clients
        return found

    # -- refs ------------------------------------------------------------------------------

    def refs_in_use(self) -> MutableSet[int]:
        """Every seven-letter ref of the book (``model.book_refs``)."""
        return self.refs.in_use(self._fields)

    def forget_refs(self) -> None:
        self.refs.forget()

    # -- writing ---------------------------------------------------------------------------

    def commit(self, label: dict[str, Any], changes: list[list[Any]] | None, raw: bool) -> None:
        """Bump the generation and append the change to the journal, or (a small book, a
        merge, a migration: ``changes`` is ``None``) write the file; ``WriteFailed``
        leaves every file as it was."""
        generation = self.generation + 1
        previous = (self.db.book.data.get(META) or {}).get(META_ID, {})
        clock = self._clock.last() if self._clock is not None else ""
        meta = {
            "schema": SCHEMA_VERSION,
            "generation": generation,
            "clock": max(clock, previous.get("clock", "")),
        }
        self.db.book.data[META] = {META_ID: meta}
        self._touch(generation, changes)
        size = self.signature[2] if self.signature is not None else 0
        # A file not as a fold wrote it (another program's) cannot carry journal lines.
        as_folded = "token" in self._fields and self._fields.get("size") == size
        if changes is None or raw or size < self.fold_below or not as_folded:
            self.write_file(generation)
            return
        entry = Entry(generation, self._fields["token"], changes, meta["clock"], 0)
        line = entry.as_line(label, raw, self.device)
        if len(line) >= journal.FOLD_BYTES:
            self.write_file(generation)
            return
        try:
            end = journal.append(self.journal, line)
        except OSError as error:
            raise write_failed(self.path, error) from error
        self.replay.appended(self.journal, end)
        self.lazy.committed()
        self.generation = generation
        self.refs.note(changes)
        # A very large book folds less often, so that a fold's cost per write stays flat.
        scale = max(1, size // (64 * journal.FOLD_BYTES))
        lines, grown = self.replay.lines, self.replay.bytes()
        # Refs gathered from every record: the fold keeps them, and it parses nothing more.
        due = lines >= journal.FOLD_LINES * scale or grown >= journal.FOLD_BYTES * scale
        if due or self.refs.gathered:
            # The line is durable: a fold that fails now is only a fold put off.
            with suppress(WriteFailed):
                self.write_file(generation)

    def write_file(self, generation: int, progress: Progress | None = None) -> None:
        """The fold: the whole book in a new file, then the journals it holds removed.

        A table not parsed yet that only gained documents is copied from the old file as
        bytes (``Lazy.splice``): a fold after a day of quick-log lines parses the clients,
        not a million interactions.  ``progress(stage, done, total)``: ``"fold_read"`` in
        bytes of the file read, then ``"fold_write"`` in tables written (the file last)."""
        # Only a clock's uids have refs; kept in the new file, no process need gather them.
        refs = ref_index.encode(self.refs_in_use()) if self._clock is not None else None
        spliced = self.lazy.splice_all()
        reading = None if progress is None else partial(progress, "fold_read")
        self.lazy.load_all(reading, keep=spliced)
        tables: dict[str, dict[str, Any] | layout.Raw] = {**self.db.book.data, **spliced}
        writing = None if progress is None else partial(progress, "fold_write")
        token = self._fields.get("token", "")
        payload, fields = layout.dump(tables, token, refs, writing)
        try:
            self.signature = bookfile.replace(self.path, payload)
        except OSError as error:
            raise write_failed(self.path, error) from error
        del payload, tables
        if progress is not None:
            progress("fold_write", len(self.db.book.data), len(self.db.book.data))
        self._fields, self.generation = fields, generation
        self.file_generation = generation
        # A kill before the journals go leaves lines the file's "from" marks as folded.
        with suppress(OSError):
            journal.remove(self.replay.paths())
        self.replay = Replay(self.path, self.journal)
        self.refs.reset()
        if spliced and self.lazy.reopen(self.path, self.signature, fields):
            self.refs.forget()  # they pointed into the old file

    def whole_file(self) -> bytes | None:
        """The book as a file of its own: the main file with the journals folded in."""
        loaded = bookfile.read(self.path)
        if loaded is None:
            return None
        if not self.replay.lines:
            return loaded[0]
        tables = self.parse(loaded[0])
        fields = layout.split_meta(tables)
        entries = self._new_lines(
            Replay(self.path, self.journal), fields, generation_of(tables), len(loaded[0])
        )
        self._replay_onto(tables, entries or [])
        return dump(tables)
