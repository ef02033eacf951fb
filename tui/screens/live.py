"""What the board's workers say: one typed message per read or write.

Nothing here touches the file on the event loop.  :func:`read` and :func:`write`
run in the board's thread workers (:class:`tui.screens.board.BoardScreen`),
call the :class:`~tui.session.Session` (the one road to the book) and answer
exactly one message, which the board handles on the event loop.  A write
answers with what it did in words and a fresh snapshot, so the screen shows
the change at once; a write's follow-up (keeping the line in the quick-log
history) is named by the caller and runs in the same thread, after the write
and only if it happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pendulum
from textual.message import Message

from model import BoardFilter, Book, RapportError
from tui.session import Session, Snapshot

__all__ = [
    "Do",
    "Failed",
    "Loaded",
    "Notice",
    "Reads",
    "Refused",
    "Troubled",
    "Written",
    "read",
    "write",
]

Do = Callable[[Book, pendulum.DateTime], str]
"""One command on the book; answers what it did, in words."""


class Loaded(Message):
    """A read is done: a fresh snapshot, or ``None`` when the file did not change."""

    def __init__(self, snapshot: Snapshot | None) -> None:
        super().__init__()
        self.snapshot = snapshot


class Troubled(Message):
    """A read found a book that cannot be read (corrupt, too new, gone)."""

    def __init__(self, error: RapportError) -> None:
        super().__init__()
        self.error = error


class Written(Message):
    """A write happened; ``snapshot`` is the book after it, ``trouble`` why there is none."""

    def __init__(
        self, said: str, line: str | None, snapshot: Snapshot | None, trouble: RapportError | None
    ) -> None:
        super().__init__()
        self.said, self.line, self.snapshot, self.trouble = said, line, snapshot, trouble


class Notice(Message):
    """What the book says during a write that is no error: it waits for another process."""

    def __init__(self, key: str, params: dict[str, Any]) -> None:
        super().__init__()
        self.key, self.params = key, params


class Refused(Message):
    """The book refused a write (bad input, a file it cannot write); nothing was written."""

    def __init__(self, error: RapportError, line: str | None) -> None:
        super().__init__()
        self.error, self.line = error, line


class Failed(Message):
    """A read (``reading``) or a write broke with an error the book does not know."""

    def __init__(self, error: Exception, *, reading: bool) -> None:
        super().__init__()
        self.error, self.reading = error, reading


class Reads:
    """One read at a time; a forced read asked for meanwhile runs right after it."""

    def __init__(self) -> None:
        self.running = False
        self.pending = False

    def start(self, force: bool) -> bool:
        """May a read start now? If not, a ``force``-d one is remembered."""
        if self.running:
            self.pending = self.pending or force
            return False
        self.running = True
        return True

    def done(self) -> bool:
        """The read ended; ``True`` when a forced one waits to run."""
        self.running, pending, self.pending = False, self.pending, False
        return pending


def read(session: Session, board_filter: BoardFilter, force: bool, limit: int | None) -> Message:
    """In a worker thread: read the book if it changed (or ``force``)."""
    try:
        return Loaded(session.read(board_filter, force=force, limit=limit))
    except RapportError as error:
        return Troubled(error)
    except Exception as error:  # shown in the status line; the board goes on
        return Failed(error, reading=True)


def write(
    session: Session,
    do: Do,
    line: str | None,
    board_filter: BoardFilter,
    after: Callable[[], None] | None = None,
) -> Message:
    """In a worker thread: run ``do``, then ``after``, then read the book as it is now."""
    try:
        said = session.write(do)
    except RapportError as error:
        return Refused(error, line)
    except Exception as error:  # shown in the status line; the board goes on
        return Failed(error, reading=False)
    if after is not None:
        after()
    try:
        return Written(said, line, session.read(board_filter, force=True), None)
    except RapportError as error:
        return Written(said, line, None, error)
