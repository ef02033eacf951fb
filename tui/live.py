"""The board's side of the book: reads and writes off the event loop, and polling.

A board stays open all day while ``rapport quick`` writes from other terminals,
so every few hundred milliseconds it asks the store whether the file changed
(a peek at the generation in the file's head, no parse) and reads again only
then.  Every call into the book happens in a worker thread under one lock; the
result is a :class:`Snapshot` of ready-made rows that the event loop only has
to compare with what is on screen.

A file that cannot be read is not an empty book: the session says why (the
store's :class:`BookCorrupt` or :class:`BookTooNew`, or :class:`BookMissing`
when the file that was there is gone), refuses to write, keeps the last good
state on screen, and tries again each time the file itself changes.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pendulum

from model import (
    BoardFilter,
    BoardRow,
    Book,
    IssueRow,
    OverdueRow,
    RapportError,
    Summary,
    ThanksRow,
    Unthanked,
)
from model.board import summary as summarize
from tui.board import board_view
from tui.panes import issue_view, overdue_view, thanks_view, unthanked_view
from tui.table import RowView

__all__ = ["BookMissing", "Clock", "Session", "Snapshot"]

Clock = Callable[[], pendulum.DateTime]
R = TypeVar("R")

# (device, inode, size, mtime) of the book file, or None when there is none.
_FileStamp = tuple[int, int, int, int] | None


class BookMissing(RapportError):
    """The book file was there and is gone; an empty book must not be shown for it."""

    key = "board.book_missing"


@dataclass(frozen=True)
class Snapshot:
    """Everything the board shows, read at one moment."""

    seq: int
    today: pendulum.Date
    board: tuple[RowView[BoardRow], ...]
    summary: Summary
    issues: tuple[RowView[IssueRow], ...]
    overdue: tuple[RowView[OverdueRow], ...]
    gratitude: tuple[RowView[ThanksRow | Unthanked], ...]
    client_ids: tuple[str, ...]


def _stamp(path: os.PathLike[str]) -> _FileStamp:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Session:
    """The book, the clock and the language the board reads with; safe to call from threads."""

    def __init__(self, book: Book, now: Clock, locale: str) -> None:
        self.book = book
        self.now = now
        self.locale = locale
        self._lock = threading.Lock()
        self._seq = itertools.count(1)
        self._had_file = _stamp(book.path) is not None
        self._troubled = False
        self._failed_at: _FileStamp = None

    @property
    def troubled(self) -> bool:
        return self._troubled

    def read(self, board_filter: BoardFilter, *, force: bool = False) -> Snapshot | None:
        """A fresh snapshot if the file changed (or ``force``), else ``None``.

        While the file is unreadable it is read again only when its stamp changes.
        """
        with self._lock:
            stamp = _stamp(self.book.path)
            if self._troubled:
                if not force and stamp == self._failed_at:
                    return None
            elif not force and not self.book.changed():
                return None
            try:
                snapshot = self._snapshot(board_filter)
            except RapportError:
                self._troubled, self._failed_at = True, stamp
                raise
            self._troubled = False
            return snapshot

    def write(self, do: Callable[[Book, pendulum.DateTime], R]) -> R:
        """Run one command of the book; refused while the file cannot be read."""
        with self._lock:
            self._check_file()
            return do(self.book, self.now())

    def _check_file(self) -> None:
        present = _stamp(self.book.path) is not None
        if self._had_file and not present:
            raise BookMissing(path=str(self.book.path))
        self._had_file = self._had_file or present

    def _snapshot(self, board_filter: BoardFilter) -> Snapshot:
        self._check_file()
        now, book, locale = self.now(), self.book, self.locale
        everyone = book.board(now)
        rows = everyone if board_filter.is_empty and not board_filter.include_ended else None
        rows = rows if rows is not None else book.board(now, board_filter)
        gratitude = book.gratitude(now)
        thanked: list[RowView[Any]] = [thanks_view(r, locale) for r in gratitude.owed]
        thanked += [unthanked_view(u, locale) for u in gratitude.unthanked]
        snapshot = Snapshot(
            seq=next(self._seq),
            today=now.date(),
            board=tuple(board_view(r, now, locale) for r in rows),
            summary=summarize(everyone, now),
            issues=tuple(issue_view(r, locale) for r in book.open_issues(now)),
            overdue=tuple(overdue_view(r, locale) for r in book.overdue(now)),
            gratitude=tuple(thanked),
            client_ids=tuple(c.id for c in book.clients()),
        )
        # A file deleted while we read shows up as an empty book: check again.
        self._check_file()
        return snapshot
