"""Editing and deleting one record from the board: look it up, ask, write.

An invisible widget, mounted by the client screen (for the timeline's row) and
by the board (for a pane's row), so both correct the same way.  The record is
looked up in a thread worker through the session (its words, its fields now),
which posts one :class:`Corrector.Looked`; the dialog of :mod:`.correct` is then
read with ``push_screen_wait``; the delete is written in a thread worker too.
What was written (:class:`~tui.screens.live.Written`) or refused bubbles on to
the screen, which says it and shows the new rows as for any other act.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget

from model import (
    BoardFilter,
    Book,
    IssueRow,
    OverdueRow,
    RapportError,
    Receipt,
    ThanksRow,
    TodayItem,
    TodayKind,
    t,
)
from model.corrections import describe
from model.records import current_values
from model.refs import parse_ref
from tui.safe_text import printable
from tui.screens import acts, live
from tui.screens.correct import ConfirmDelete, EditForm, Record, sentence
from tui.session import Session
from tui.widgets.panes import PaneTable

__all__ = ["Corrector", "InPane", "Target", "pane_target", "record_of"]


@dataclass(frozen=True)
class InPane:
    """The record a pane row stands for: the client's issue, invoice or thanks ``number``."""

    client: str
    listed: str
    """Where :meth:`model.Book.client_json` lists it: ``issues``, ``invoices``, ``thanks``."""
    number: str


Target = str | InPane
"""A record by its ref (the timeline's rows carry it), or as a pane row names it."""


def pane_target(row: object) -> InPane | None:
    """The record of a pane row; ``None`` for a row that is none (a client to call, a
    follow-up, a client nobody thanked)."""
    if isinstance(row, IssueRow):
        return InPane(row.client.id, "issues", str(row.issue.number))
    if isinstance(row, OverdueRow):
        return InPane(row.client.id, "invoices", row.invoice.number)
    if isinstance(row, ThanksRow):
        return InPane(row.client.id, "thanks", str(row.thanks.number))
    if isinstance(row, TodayItem) and row.kind is TodayKind.INVOICE and row.number:
        return InPane(row.client.id, "invoices", row.number)
    # An issue or thanks item names its record by ``issue:3`` (a call nudge has no number).
    named = parse_ref(row.ref, "") if isinstance(row, TodayItem) else None
    if isinstance(row, TodayItem) and named is not None and named[0] in ("issues", "thanks"):
        return InPane(row.client.id, named[0], str(named[1]))
    return None


def record_of(target: Target, locale: str) -> Callable[[Book], Record | None]:
    """The read (for :meth:`Session.look`) of the record ``target`` names, in words."""

    def read(book: Book) -> Record | None:
        ref = target if isinstance(target, str) else _ref_in(book, target)
        if ref is None:
            return None
        found = book.find(ref)
        name = book.resolve(found.client).name
        what = Receipt.from_label(describe(found, name)).render(locale)
        return Record(ref, found.kind, what, current_values(found))

    return read


def _ref_in(book: Book, row: InPane) -> str | None:
    listed = book.client_json(row.client)[row.listed]
    return next((str(r["ref"]) for r in listed if str(r["number"]) == row.number), None)


class Corrector(Widget):
    DEFAULT_CSS = "Corrector { display: none; }"

    class Looked(Message):
        """The record to ``act`` on (``edit`` or ``delete``), or why there is none."""

        def __init__(self, act: str, record: Record | None, error: RapportError | None) -> None:
            super().__init__()
            self.act, self.record, self.error = act, record, error

    def __init__(self, session: Session, board_filter: Callable[[], BoardFilter]) -> None:
        super().__init__()
        self._session = session
        self._filter = board_filter
        self._locale = session.locale

    def row(self, act: str, table: object) -> None:
        """``act`` on the record of the row under ``table``'s cursor, if it is a pane's."""
        view = table.selected if isinstance(table, PaneTable) else None
        target = None if view is None else pane_target(view.data)
        if view is None:
            self._say(t("board.correct.no_row", self._locale))
        elif target is None:
            self._say(t("board.correct.none", self._locale))
        else:
            self.start(act, target)

    def start(self, act: str, target: Target) -> None:
        """Edit (``act="edit"``) or delete the record ``target`` names, asking first."""
        self._look(act, target)

    @work(thread=True, group="correct", exit_on_error=False)
    def _look(self, act: str, target: Target) -> None:
        try:
            record = self._session.look(record_of(target, self._locale))
        except RapportError as error:  # the record went meanwhile (another terminal)
            self.post_message(self.Looked(act, None, error))
        else:
            self.post_message(self.Looked(act, record, None))

    def on_corrector_looked(self, message: Looked) -> None:
        message.stop()
        record = message.record
        if message.error is not None:
            self._say(message.error.render(self._locale), error=True)
        elif record is None:
            self._say(t("board.correct.none", self._locale))
        elif message.act == "edit":
            self._edit(record)
        else:
            self._delete(record)

    @work
    async def _edit(self, record: Record) -> None:
        if not record.values:
            self._say(t("screens.edit.nothing", self._locale, what=record.what))
            return
        form = EditForm(record, self._session, self._filter)
        written = await self.app.push_screen_wait(form)
        if written is not None:
            self.post_message(live.Written(written.said, None, written.snapshot, written.trouble))

    @work
    async def _delete(self, record: Record) -> None:
        question = sentence(t("screens.confirm.delete", self._locale, what=record.what))
        if await self.app.push_screen_wait(ConfirmDelete(question, self._locale)):
            self._write(acts.delete(record.ref, self._locale))

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, do: live.Do) -> None:
        self.post_message(live.write(self._session, do, None, self._filter()))

    def _say(self, text: str, *, error: bool = False) -> None:
        severity: SeverityLevel = "error" if error else "information"
        self.app.notify(printable(text), severity=severity, markup=False)
