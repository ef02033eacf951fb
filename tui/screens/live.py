"""A screen kept true to the book: it reads in workers, polls, and writes through them.

Nothing here touches the file on the event loop.  Reads and writes run in
thread workers through the :class:`~tui.session.Session` and come back as
messages; a write answers with a notice in words and a fresh snapshot, so the
screen shows the change at once.  When the book cannot be read, the screen says
why, keeps the last good snapshot, and refuses to write until it can read again.
The board (:class:`tui.screens.board.MainScreen`) adds the widgets and the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pendulum
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from model import BoardFilter, Book, BookTooNew, RapportError, t
from tui.safe_text import printable
from tui.session import Session, Snapshot
from tui.widgets.summary import StatusLine

__all__ = ["Do", "LiveScreen"]

Do = Callable[[Book, pendulum.DateTime], str]
"""One command on the book; answers what it did, in words."""

# Rows of each table in the first look at a large book: more than a tall screen shows.
_FIRST_LOOK = 60
_AFTER_PAINT = 0.05


class Loaded(Message):
    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class Troubled(Message):
    def __init__(self, error: RapportError) -> None:
        super().__init__()
        self.error = error


class Written(Message):
    def __init__(self, said: str, line: str | None, snapshot: Snapshot | None) -> None:
        super().__init__()
        self.said, self.line, self.snapshot = said, line, snapshot


class Refused(Message):
    def __init__(self, error: RapportError, line: str | None) -> None:
        super().__init__()
        self.error, self.line = error, line


class LiveScreen(Screen[None]):
    """Subclasses show snapshots (:meth:`show_snapshot`) and hold a :class:`StatusLine`."""

    def __init__(
        self, session: Session, *, board_filter: BoardFilter | None, poll_interval: float
    ) -> None:
        super().__init__()
        self.session = session
        self.locale = session.locale
        self.board_filter = board_filter or BoardFilter()
        self.poll_interval = poll_interval
        self.snapshot: Snapshot | None = None
        self.read_only = False
        self.trouble: str | None = None
        self._reader: Worker[None] | None = None
        self._pending = False
        self._today = session.now().date()

    # -- hooks -------------------------------------------------------------------------------

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Put ``snapshot`` (now :attr:`snapshot`) on screen."""

    def wrote_line(self, line: str) -> None:
        """In the write's thread: a quick-log ``line`` was written."""

    def line_written(self, line: str) -> None:
        """A quick-log ``line`` was written."""

    def line_refused(self, line: str, error: RapportError) -> bool:
        """The book refused ``line``; ``True`` when that was shown where it was typed."""
        return False

    def worker_failed(self) -> None:
        """A worker ended with an error (already shown in the status line)."""

    # -- reading -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.read(force=True, first=True)
        self.set_interval(self.poll_interval, self.tick)

    def tick(self) -> None:
        """Poll the file; a new day re-reads anyway, since days and colours move with it."""
        today = self.session.now().date()
        new_day = today != self._today
        self._today = today
        self.read(force=new_day)

    def read(self, *, force: bool = False, first: bool = False) -> None:
        if self._reader is not None and not self._reader.is_finished:
            self._pending = self._pending or force
            return
        work = partial(self._read_in_thread, self.board_filter, force, first)
        self._reader = self.run_worker(work, thread=True, name="read", exit_on_error=False)

    def _read_in_thread(self, board_filter: BoardFilter, force: bool, first: bool) -> None:
        """Read; the ``first`` time only a screenful of rows (see :meth:`on_loaded`)."""
        try:
            limit = _FIRST_LOOK if first else None
            snapshot = self.session.read(board_filter, force=force, limit=limit)
        except RapportError as error:
            self.post_message(Troubled(error))
            return
        if snapshot is not None:
            self.post_message(Loaded(snapshot))

    def on_loaded(self, message: Loaded) -> None:
        self.show(message.snapshot)
        if not message.snapshot.complete:
            # The rest once the first look is painted: a read meanwhile would slow the paint.
            self.set_timer(_AFTER_PAINT, partial(self.read, force=True))

    def on_troubled(self, message: Troubled) -> None:
        error = message.error
        self.read_only = isinstance(error, BookTooNew)
        key = "board.status.read_only" if self.read_only else "board.status.unreadable"
        self.set_trouble(t(key, self.locale, error=error.render(self.locale)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state is WorkerState.ERROR:
            said = t("board.status.failed", self.locale, error=f"{worker.error!r}")
            if worker.name == "read":
                self.set_trouble(said)  # a book that cannot be read is not written either
            else:
                self.query_one(StatusLine).show(said)
            self.worker_failed()
        if worker is self._reader and worker.is_finished and self._pending:
            self._pending = False
            self.read(force=True)

    def set_trouble(self, text: str | None) -> None:
        """Say why the book cannot be read (``None``: it can); writes wait until it can."""
        self.trouble = text
        self.query_one(StatusLine).show(text)

    def show(self, snapshot: Snapshot) -> None:
        """Put a snapshot on screen, unless a newer one is there already."""
        if self.snapshot is not None and snapshot.seq <= self.snapshot.seq:
            return
        self.snapshot = snapshot
        self.read_only = False
        self.set_trouble(None)
        self.show_snapshot(snapshot)

    # -- writing -----------------------------------------------------------------------------

    def say(self, text: str, *, severity: SeverityLevel = "information") -> None:
        """A notice; it holds names from the book, so it is never read as markup."""
        self.notify(printable(text), severity=severity, markup=False)

    def refusal(self) -> str | None:
        """Why nothing can be written now, politely; ``None`` when all is well."""
        if self.read_only:
            return t("board.refuse.read_only", self.locale)
        if self.trouble is not None:
            return t("board.refuse.trouble", self.locale)
        return None

    def refused(self) -> bool:
        text = self.refusal()
        if text is not None:
            self.say(text, severity="warning")
        return text is not None

    def write(self, do: Do, *, line: str | None = None) -> bool:
        """Run ``do`` on the book in a worker; its words become the notice.

        ``False`` when the book cannot be written now (the user has been told why).
        """
        if self.refused():
            return False
        work = partial(self._write_in_thread, do, line, self.board_filter)
        self.run_worker(work, thread=True, name="write", group="write", exit_on_error=False)
        return True

    def _write_in_thread(self, do: Do, line: str | None, board_filter: BoardFilter) -> None:
        try:
            said = self.session.write(do)
        except RapportError as error:
            self.post_message(Refused(error, line))
            return
        if line is not None:
            self.wrote_line(line)
        snapshot = None
        try:
            snapshot = self.session.read(board_filter, force=True)
        except RapportError as error:
            self.post_message(Troubled(error))
        self.post_message(Written(said, line, snapshot))

    def on_written(self, message: Written) -> None:
        if message.line is not None:
            self.line_written(message.line)
        self.say(message.said)
        if message.snapshot is not None:
            self.show(message.snapshot)

    def on_refused(self, message: Refused) -> None:
        error, line = message.error, message.line
        if line is None or not self.line_refused(line, error):
            self.say(error.render(self.locale), severity="error")
