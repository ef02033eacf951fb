"""The Book: the one way into a client book, for the CLI, the board and tests.

Every command is one transaction on the store (locked, fresh, atomic) and
answers with a :class:`Receipt`; every query takes ``now`` so that time is the
caller's, never read here.  Callers see dataclasses, never TinyDB.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pendulum

from model import board as _board
from model import file_view, quicklog
from model.batch import Batch
from model.board import BoardFilter, BoardRow, Gratitude, IssueRow, OverdueRow, Summary
from model.book_sync import Syncing
from model.client import Client
from model.client_file import ClientFile, client_file
from model.commands import Commands
from model.conflicts import conflict_copies
from model.corrections import Corrections
from model.errors import InputError
from model.gratitude import Kudos
from model.health import Signals
from model.identity import Clock, device_id, system_ms
from model.invoice_repairs import InvoiceRepairs
from model.receipt import Receipt
from model.resolve import resolve_client
from model.store import Store

__all__ = ["Batch", "Book", "ClientFile", "KudosRow"]

_TABLES = ("clients", "interactions", "issues", "invoices", "thanks", "kudos")


@dataclass(frozen=True)
class KudosRow:
    kudos: Kudos
    client: Client


class Book(Commands, Corrections, InvoiceRepairs, Syncing):
    """Queries here; the writes come from :class:`Commands`."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        device: str | None = None,
        wall: Callable[[], int] = system_ms,
        on_fold: Callable[[Receipt], None] | None = None,
    ) -> None:
        """``device`` defaults to this user's (``model.identity.device_id``); ``wall`` is the
        clock of the write stamps, milliseconds since 1970 (tests pass their own).
        ``on_fold`` hears of each conflict copy folded in (or left alone as unreadable)."""
        self._store = Store(
            path, Clock(device_id({"RAPPORT_DEVICE": device} if device else None), wall)
        )
        self._store.before_write = self.fold_copies
        self._on_fold = on_fold
        self._signals: tuple[int, dict[str, Signals]] | None = None
        self._stale: set[str] = set()

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
        self.fold_copies()
        tables = self._store.tables()
        generation = self._store.generation
        if self._signals is None or self._signals[0] != generation:
            self._signals = (generation, _board.gather(tables))
            self._stale.clear()
        elif self._stale:
            fresh = _board.gather(tables, only=self._stale)
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

    def clients(self) -> list[Client]:
        return sorted((s.client for s in self._current().values()), key=lambda c: c.id)

    def resolve(self, ref: str) -> Client:
        return resolve_client(ref, self.clients())

    def board(self, now: pendulum.DateTime, filter: BoardFilter | None = None) -> list[BoardRow]:
        return _board.board_rows(self._current(), now, filter)

    def summary(self, now: pendulum.DateTime) -> Summary:
        return _board.summary(_board.board_rows(self._current(), now), now)

    def open_issues(self, now: pendulum.DateTime, client: str | None = None) -> list[IssueRow]:
        return _board.open_issue_rows(self._current(), now, client)

    def overdue(self, now: pendulum.DateTime, client: str | None = None) -> list[OverdueRow]:
        return _board.overdue_rows(self._current(), now, client)

    def gratitude(self, now: pendulum.DateTime, client: str | None = None) -> Gratitude:
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
        signals = self._current()
        client = resolve_client(ref, (s.client for s in signals.values()))
        return client_file(self._store.tables(), signals[client.id], now)

    def client_json(self, ref: str) -> dict[str, Any]:
        """The whole client file as one JSON-safe object, every record with its ref."""
        client = self.resolve(ref)
        return file_view.client_json(self._store.tables(), client.id)

    def timeline(self, ref: str) -> list[file_view.Event]:
        """Everything that happened with the client, newest first, with refs."""
        client = self.resolve(ref)
        return file_view.timeline(self._store.tables(), client.id)

    def apply(self, command: quicklog.Command) -> Receipt:
        """Carry out one parsed quick-log line."""
        c = command
        match c:
            case quicklog.LogInteraction():
                return self.log(c.client, c.kind, c.text, c.when)
            case quicklog.OpenIssue():
                return self.open_issue(c.client, c.text, c.when, c.severity, c.kind)
            case quicklog.ResolveIssue():
                return self.resolve_issue(c.client, c.number, c.when, c.note)
            case quicklog.AddInvoice():
                return self.add_invoice(
                    c.client,
                    c.number,
                    c.amount,
                    c.issued,
                    currency=c.currency,
                    due=c.due,
                    due_in_days=c.due_in_days,
                )
            case quicklog.RecordPayment():
                return self.record_payment(c.client, c.number, c.on, c.amount, c.currency)
            case quicklog.OweThanks():
                return self.owe_thanks(c.client, c.text, c.when, c.by)
            case quicklog.ThanksDone():
                return self.thanks_done(c.client, c.number, c.when)
            case quicklog.AddKudos():
                return self.add_kudos(c.client, c.text, c.when, c.giver)
            case quicklog.ChangeState():
                return self.change_state(c.client, c.state, c.when, c.note)
            case quicklog.VoidInvoice():
                return self.void_invoice(c.client, c.number, c.on, c.reason)
            case quicklog.CreditInvoice():
                return self.credit_invoice(
                    c.client, c.number, c.on, c.amount, c.reason, writeoff=c.writeoff
                )
        raise AssertionError(f"unhandled command {command!r}")

    def quick(self, line: str, now: pendulum.DateTime) -> Receipt:
        """Parse and apply one quick-log line; bad input raises and writes nothing."""
        return self.apply(quicklog.parse(line, now))

    def load(self, batch: Batch, *, replace: bool = False) -> Receipt:
        """Write many records in one transaction; ``replace`` empties the book first.

        Loading over records is not undoable: its undo entry would hold the whole book.
        Loading into an empty book (the demo) is one undoable step: the entry holds only
        what the load wrote.
        """
        with self._store.transaction(undoable=not replace and self._empty()) as tx:
            if replace:
                for name in _TABLES:
                    for doc_id in list(tx.table(name)):
                        tx.remove(name, int(doc_id))
            taken = {d["id"] for d in tx.table("clients").values()}
            clash = sorted(taken & {c.id for c in batch.clients})
            if clash:
                raise InputError("client.id_taken", id=clash[0])
            for name, docs in batch.tables().items():
                for doc in docs:
                    tx.insert(name, doc)
            receipt = Receipt("book.loaded", {"clients": len(batch.clients)})
            tx.set_label(receipt.label())
        return receipt

    def _empty(self) -> bool:
        return not any(self._store.tables().get(name) for name in _TABLES)

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
        return Receipt("book.undone", {"what": label}, label.get("client"))
