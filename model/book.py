"""The Book: the one way into a client book, for the CLI, the board and tests.

Every command is one transaction on the store (locked, fresh, atomic) and
answers with a :class:`Receipt`; every query takes ``now`` so that time is the
caller's, never read here.  Callers see dataclasses, never TinyDB.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model import shapes
from model.batch import Batch
from model.book_quicklog import QuickLogging
from model.book_report import Reporting
from model.book_sync import Syncing
from model.cadence import cadence_table
from model.client import Client, State
from model.conflicts import conflict_copies
from model.corrections import Corrections
from model.errors import InputError
from model.exchange.book_side import Exchanging
from model.gratitude import Kudos
from model.identity import Clock, device_id, system_ms
from model.receipt import Receipt
from model.resolve import resolve_client, resolve_id
from model.store import Store

if TYPE_CHECKING:
    import pendulum

    # The queries' modules load with the first query: a one-line write needs none of them,
    # and the quick-log's parser loads with the first line: a read needs none of it.
    from model import file_view
    from model import search as _search
    from model.board import BoardFilter, BoardRow, Gratitude, IssueRow, OverdueRow, Summary
    from model.client_file import ClientFile
    from model.health import Signals
    from model.search import SearchHit
    from model.today import TodayItem

__all__ = ["PROGRESS_STEP", "Batch", "Book", "KudosRow", "Progress"]

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a long write goes on."""
PROGRESS_STEP = 5_000

_TABLES = ("clients", "interactions", "issues", "invoices", "thanks", "kudos", "followups")


@dataclass(frozen=True)
class KudosRow:
    kudos: Kudos
    client: Client


class Book(QuickLogging, Corrections, Syncing, Exchanging, Reporting):
    """Queries here; the writes come from :class:`Commands`, :class:`DayCommands`,
    :class:`MoneyCommands`, :class:`Corrections` and :class:`InvoiceRepairs`.

    ``cadence`` lays days between contacts per state (``{"new": 14}``) over
    :data:`model.cadence.CADENCE_DEFAULTS`, for clients without a cadence of their own;
    ``notice(key, params)``: see :class:`model.store.Store`.  ``device`` defaults to
    this user's (``model.identity.device_id``); ``wall`` is the clock of the write
    stamps, milliseconds since 1970 (tests pass their own).  ``on_fold`` hears of each
    conflict copy folded in (or left alone as unreadable).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        cadence: Mapping[State | str, int] | None = None,
        notice: Callable[[str, dict[str, Any]], None] | None = None,
        device: str | None = None,
        wall: Callable[[], int] = system_ms,
        on_fold: Callable[[Receipt], None] | None = None,
    ) -> None:
        clock = Clock(device_id({"RAPPORT_DEVICE": device} if device else None), wall)
        self._store = Store(path, clock, notice=notice, check=self._check_shapes)
        self._store.before_write = self.fold_copies
        self._on_fold = on_fold
        self._cadence = cadence_table(cadence)
        self._signals: tuple[int, dict[str, Signals]] | None = None
        self._stale: set[str] = set()
        self._epoch = 0
        self._reports = {}  # see Reporting.report
        self._search_index: tuple[int, _search.Index] | None = None

    def _check_shapes(self, tables: Mapping[str, Mapping[str, dict[str, Any]]]) -> None:
        """Every document as Rapport writes it, or the damaged-book error naming where."""
        try:
            shapes.check(tables)
        except shapes.ShapeError as error:
            raise self._store.damaged(error.where, error.expected) from error

    def listen(self, notice: Callable[[str, dict[str, Any]], None] | None) -> None:
        """Send what the book says that is no error (waiting for another process's lock)
        to ``notice`` from now on: the board shows it, where stderr is not seen."""
        self._store.listen(notice)

    @property
    def path(self) -> os.PathLike[str]:
        return self._store.path

    @property
    def generation(self) -> int:
        return self._store.generation

    def changed(self) -> bool:
        """Has another process written since we last read, or a sync tool left a conflict
        copy to fold in? (cheap; for polling)"""
        return self._store.changed() or bool(conflict_copies(self._store.path))

    def refresh(self) -> bool:
        """Read the file now if another process wrote it; whether anything changed.

        Raises BookCorrupt / BookTooNew like every read: the caller keeps what
        it showed last.
        """
        before = self._store.generation
        self.fold_copies()
        self._store.tables()
        return self._store.generation != before

    # -- queries -----------------------------------------------------------

    def _current(self) -> dict[str, Signals]:
        from model import board as _board

        self.fold_copies()
        tables = self._store.tables()
        generation = self._store.generation
        touched = None
        if self._signals is not None and self._signals[0] != generation:
            touched = self._store.touched_since(self._signals[0], self._epoch)
        if touched is not None and self._signals is not None:
            # Another process's journal lines: only the clients they touched (model.journal).
            only = touched | self._stale
            fresh = _board.gather(tables, only=only, cadence=self._cadence)
            kept = {k: v for k, v in self._signals[1].items() if k not in only}
            self._signals = (generation, {**kept, **fresh})
            self._stale.clear()
        elif self._signals is None or self._signals[0] != generation:
            self._signals = (generation, _board.gather(tables, cadence=self._cadence))
            self._epoch = self._store.epoch
            self._stale.clear()
        elif self._stale:
            fresh = _board.gather(tables, only=self._stale, cadence=self._cadence)
            self._signals = (generation, {**self._signals[1], **fresh})
            self._stale.clear()
        return self._signals[1]

    def _wrote(self, client_id: str, seen: int) -> None:
        """Note the one client our own write touched, to re-gather it alone on the next read.

        Only when the cache was current before the write and nobody else wrote
        since: then the book differs from the cache in that client alone.  The
        write itself returns as soon as it is on disk.
        """
        cached = self._signals
        if cached is not None and cached[0] == seen and self._store.generation == seen + 1:
            self._signals = (seen + 1, cached[1])
            self._stale.add(client_id)

    def signals(self) -> Mapping[str, Signals]:
        """Every client's signals, by id; a client's object stays the same one until a write
        touches that client, so the board rebuilds the rows of those alone."""
        return self._current()

    def clients(self) -> list[Client]:
        return sorted((s.client for s in self._current().values()), key=lambda c: c.id)

    def resolve(self, ref: str) -> Client:
        if self._signals is not None:
            return resolve_client(ref, self.clients())
        cid = self._resolve_id(ref)
        docs = self._store.tables().get("clients", {}).values()
        return next(Client.from_doc(d) for d in docs if d["id"] == cid)

    def _resolve_id(self, ref: str) -> str:
        """The id ``ref`` names: from the board's signals when they are gathered, else
        from the clients' documents (a command about one client gathers no other)."""
        if self._signals is not None:
            return self.resolve(ref).id
        self.fold_copies()
        return resolve_id(ref, self._store.tables().get("clients", {}).values())

    def _one(self, ref: str) -> Signals:
        """The signals of the client ``ref`` names; gathered for that client alone unless
        the board's are at hand (``client show`` needs no other client's health)."""
        from model import board as _board

        if self._signals is not None:
            signals = self._current()
            return signals[resolve_client(ref, (s.client for s in signals.values())).id]
        cid = self._resolve_id(ref)
        return _board.gather(self._store.tables(), only={cid}, cadence=self._cadence)[cid]

    def board(self, now: pendulum.DateTime, filter: BoardFilter | None = None) -> list[BoardRow]:
        from model import board as _board

        return _board.board_rows(self._current(), now, filter)

    def summary(self, now: pendulum.DateTime) -> Summary:
        from model import board as _board

        return _board.summary(_board.board_rows(self._current(), now), now)

    def open_issues(self, now: pendulum.DateTime, client: str | None = None) -> list[IssueRow]:
        from model import board as _board

        return _board.open_issue_rows(self._current(), now, client)

    def overdue(self, now: pendulum.DateTime, client: str | None = None) -> list[OverdueRow]:
        from model import board as _board

        return _board.overdue_rows(self._current(), now, client)

    def gratitude(self, now: pendulum.DateTime, client: str | None = None) -> Gratitude:
        from model import board as _board

        signals = self._current()
        return _board.gratitude(self._store.tables(), signals, now, client)

    def kudos(self, client: str | None = None) -> list[KudosRow]:
        """Every compliment received, newest first."""
        rows = [
            KudosRow(k, s.client)
            for s in self._current().values()
            if client in (None, s.client.id)
            for k in s.kudos
        ]
        rows.sort(key=lambda r: r.kudos.when, reverse=True)
        return rows

    def client_file(self, ref: str, now: pendulum.DateTime) -> ClientFile:
        from model.client_file import client_file  # with the first file shown, as the board's

        return client_file(self._store.tables(), self._one(ref), now)

    def client_json(self, ref: str) -> dict[str, Any]:
        """The whole client file as one JSON-safe object, every record with its ref."""
        from model import file_view

        return file_view.client_json(self._store.tables(), self._resolve_id(ref))

    def timeline(self, ref: str) -> list[file_view.Event]:
        """Everything that happened with the client, newest first, with refs."""
        from model import file_view

        return file_view.timeline(self._store.tables(), self._resolve_id(ref))

    def today(
        self, now: pendulum.DateTime, days: int = 0, clients: Collection[str] | None = None
    ) -> list[TodayItem]:
        """What is due today or overdue (or within ``days`` ahead), most urgent first;
        ``clients``: theirs alone (the board's items of the clients a write touched)."""
        from model.today import today_items

        signals: Mapping[str, Signals] = self._current()
        if clients is not None:
            signals = {c: signals[c] for c in clients if c in signals}
        return today_items(self._store.tables(), signals, now, days)

    def search(self, text: str) -> list[SearchHit]:
        """Every note, interaction, issue, kudos, thanks and follow-up holding ``text``."""
        from model import search as _search

        tables = self._store.tables()
        generation = self._store.generation
        if self._search_index is None or self._search_index[0] != generation:
            self._search_index = (generation, _search.index(tables))
        # The clients straight from their table: a search needs no health or signals.
        clients = {d["id"]: Client.from_doc(d) for d in tables.get("clients", {}).values()}
        return _search.find(self._search_index[1], clients, text)

    def completions(self, line: str, position: int | None = None) -> list[str]:
        """Tab in the quick-log: :func:`model.quicklog_complete.complete` with what the
        book knows of the client the line names (its numbers and refs)."""
        from model.quicklog_complete import complete, known_words
        from model.quicklog_words import split_words

        signals = self._current()
        words = split_words(line)
        known = None
        if len(words) > 1 or (words and line[-1:].isspace()):
            try:
                client = resolve_client(words[0].text, (s.client for s in signals.values()))
            except InputError:
                pass
            else:
                known = known_words(signals[client.id])
        return complete(line, sorted(signals), position, known)

    def load(
        self,
        batch: Batch,
        *,
        replace: bool = False,
        only_into_empty: bool = False,
        keep_as: os.PathLike[str] | None = None,
        progress: Progress | None = None,
    ) -> Receipt:
        """Write many records in one transaction; ``replace`` empties the book first.

        Loading into a book with records is not undoable (its undo entry would be as
        large as the book); replacing one is, so that ``undo`` brings the user's records
        back, and so is loading into an empty book (the demo): one step.
        ``only_into_empty`` refuses a book with records, and ``keep_as`` copies the
        file that is replaced there first: both under the same lock as the write, so
        no other process can write in between.  ``progress("load", done, total)`` hears
        every few thousand records (a 1M book takes a while: a bar on a terminal).
        """
        with self._store.transaction(undoable=replace or self._empty()) as tx:
            if only_into_empty and not replace and any(tx.table(name) for name in _TABLES):
                raise InputError("book.not_empty", path=str(self.path))
            if keep_as is not None and any(tx.table(name) for name in _TABLES):
                self._store.keep_copy(Path(keep_as))
            if replace:
                tx.set_label(Receipt("book.loaded", {"clients": len(batch.clients)}).label())
                for name in _TABLES:
                    for doc_id in list(tx.table(name)):
                        tx.remove(name, int(doc_id))
            taken = {d["id"] for d in tx.table("clients").values()}
            clash = sorted(taken & {c.id for c in batch.clients})
            if clash:
                raise InputError("client.id_taken", id=clash[0])
            tables = batch.tables()
            total, done = sum(len(docs) for docs in tables.values()), 0
            for name, docs in tables.items():
                start = 0
                while start < len(docs):
                    step = min(len(docs) - start, PROGRESS_STEP - done % PROGRESS_STEP)
                    tx.insert_many(name, docs[start : start + step])
                    start, done = start + step, done + step
                    if progress is not None and done % PROGRESS_STEP == 0:
                        progress("load", done, total)
            if progress is not None:
                progress("load", total, total)
                progress("write", 0, 1)
            receipt = Receipt("book.loaded", {"clients": len(batch.clients)})
            tx.set_label(receipt.label())
        if progress is not None:
            progress("write", 1, 1)
        return receipt

    def _empty(self) -> bool:
        return not any(self._store.tables().get(name) for name in _TABLES)

    def fold(self, *, wait: bool = True, progress: Progress | None = None) -> int:
        """Take the journal's lines into the book file now; how many (``rapport fold``;
        the board on quitting, with ``wait=False``: never held up by another writer).
        ``progress(stage, done, total)``: stages ``fold_read`` and ``fold_write``."""
        return self._store.fold(wait=wait, progress=progress)

    def fold_due(self) -> bool:
        """Whether journal lines wait to be folded: cheap enough for an idle board to ask
        every few seconds (no lock, nothing read), then :meth:`fold` with ``wait=False``."""
        return self._store.fold_due()

    @property
    def unfolded(self) -> int:
        """Journal lines the book file does not hold yet, as last read."""
        return self._store.unfolded

    def redo(self) -> Receipt | None:
        """Take back this device's newest undo; a write after the undo ends the chain."""
        label = self._store.redo()
        if label is None:
            return None
        return Receipt("book.redone", {"what": label}, label.get("client"))

    def undo(self) -> Receipt | None:
        """Take back the newest change, whichever process made it."""
        label = self._store.undo()
        if label is None:
            return None
        client = label.get("client")
        return Receipt("book.undone", {"what": label}, client if isinstance(client, str) else None)
