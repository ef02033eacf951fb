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

import gc
import itertools
import operator
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

import pendulum

from model import (
    BoardFilter,
    BoardRow,
    Book,
    ClientFile,
    KudosRow,
    RapportError,
    SearchHit,
    Summary,
)
from model.board import board_order, board_rows
from model.board import summary as summarize
from model.file_view import Event
from model.health import Signals
from model.today import TodayItem, today_order
from tui.keys import TODAY
from tui.widgets.board_table import board_key, board_view
from tui.widgets.panes import PANES
from tui.widgets.table import RowView

__all__ = ["BookMissing", "Clock", "Session", "Snapshot"]

Clock = Callable[[], pendulum.DateTime]
R = TypeVar("R")
T = TypeVar("T")

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
    panes: Mapping[str, tuple[RowView[Any], ...]]
    """The rows of each pane, by :attr:`PaneSpec.name`."""
    client_ids: tuple[str, ...]
    complete: bool = True
    """False for a first look: only the rows a screen can show, the rest follows."""

    def name_of(self, ref: str) -> str:
        """The name the board shows for ``ref``, or ``ref`` itself when it shows none."""
        wanted = ref.casefold()
        names = (v.data.client.name for v in self.board if v.data.client.id.casefold() == wanted)
        return next(names, ref)

    def panes_of(self, client_id: str) -> dict[str, list[RowView[Any]]]:
        """The panes' rows of one client (``w`` scopes the panes to the selected row)."""
        return {
            name: [v for v in views if v.data.client.id == client_id]
            for name, views in self.panes.items()
        }


def _view(build: Callable[[T, str], RowView[T]], locale: str, row: T) -> RowView[T]:
    return build(row, locale)


def _stamp(path: os.PathLike[str]) -> _FileStamp:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class ViewCache(Generic[T]):
    """The views of the last snapshot, reused for rows whose data did not change.

    Building a row's cells costs a fraction of a millisecond; comparing its data
    costs microseconds.  A thousand-client book thus rebuilds only the rows a
    write touched.  The views of the board depend on the day too (the last
    contact says "3 days ago"), so :meth:`Session` forgets them at midnight.
    """

    def __init__(self, key: Callable[[T], str], build: Callable[[T], RowView[T]]) -> None:
        self._key = key
        self._build = build
        self._kept: dict[str, RowView[T]] = {}

    def views(self, rows: Sequence[T], limit: int | None = None) -> tuple[RowView[T], ...]:
        """Views of ``rows``, or of the first ``limit`` of them (kept for the next call)."""
        kept, fresh = self._kept, {}
        for row in rows[:limit]:
            key = self._key(row)
            view = kept.get(key)
            if view is None or (view.data is not row and view.data != row):
                view = self._build(row)
            fresh[key] = view
        self._kept = fresh
        return tuple(fresh.values())


class ByClient(Generic[T]):
    """Rows of the board or of a pane, by client, each kept with the signals they came from.

    The book hands out the same :class:`Signals` object for a client until a write
    touches it (:meth:`Book.signals`), so after a write only the touched clients'
    health and cells are computed again (``compute`` of those clients' signals);
    the rest of a thousand rows is reused and merged back in ``order``.  Forgotten
    with the views at midnight, when every row may change.
    """

    def __init__(
        self,
        client_of: Callable[[T], str],
        order: Callable[[T], Any],
        same: Callable[[Signals, Signals], bool] = operator.is_,
    ) -> None:
        self._client_of = client_of
        self._order = order
        self._same = same
        self._kept: dict[str, tuple[Signals, list[T]]] = {}
        self.whole = False
        """Were all signals new objects in the last :meth:`rows` (the book was read whole)?"""

    def rows(
        self, signals: Mapping[str, Signals], compute: Callable[[Mapping[str, Signals]], list[T]]
    ) -> list[T]:
        kept = self._kept
        changed = {}
        for client, s in signals.items():
            old = kept.get(client)
            if old is None or not self._same(old[0], s):
                changed[client] = s
        again = (client in kept and kept[client][0] is s for client, s in signals.items())
        self.whole = bool(signals) and not any(again)
        fresh: dict[str, list[T]] = {client: [] for client in changed}
        for row in compute(changed) if changed else ():
            fresh[self._client_of(row)].append(row)
        # The new signals object even where the rows are kept: the next read compares
        # by identity again.
        self._kept = {
            client: (s, fresh[client] if client in changed else kept[client][1])
            for client, s in signals.items()
        }
        rows = [row for _, own in self._kept.values() for row in own]
        rows.sort(key=self._order)
        return rows


def _client_of(row: BoardRow | TodayItem) -> str:
    return row.client.id


def _equal(old: Signals, new: Signals) -> bool:
    """A board row is made of its client's signals alone: equal signals, the same row.

    After a whole read (a small book is rewritten by every write of another process)
    every object is new, but most clients are as they were: comparing costs a tenth of
    computing health and suggestion again.  Today's items also carry refs from the
    tables, so they are kept only for the very same signals (``operator.is_``).
    """
    return old is new or old == new


class Session:
    """The book, the clock and the language the board reads with; safe to call from threads.

    The one road to the book on the board's side: no screen or widget holds the
    :class:`Book`; they call :meth:`read`, :meth:`write`, :meth:`client_file` and
    :meth:`kudos`, each under the one lock, from a thread worker.
    """

    def __init__(self, book: Book, now: Clock, locale: str) -> None:
        self._book = book
        self.now = now
        self.locale = locale
        self._lock = threading.Lock()
        self._seq = itertools.count(1)
        self._had_file = _stamp(book.path) is not None
        self._troubled = False
        self._failed_at: _FileStamp = None
        self._day: pendulum.Date | None = None
        self._freeze_next = False
        self.revenue_column = False
        """The board shows revenue this year (see :meth:`show_revenue`)."""
        self._views()

    @property
    def path(self) -> os.PathLike[str]:
        """Where the book lives (for the tests and the bench, which open it again)."""
        return self._book.path

    def read(
        self, board_filter: BoardFilter, *, force: bool = False, limit: int | None = None
    ) -> Snapshot | None:
        """A fresh snapshot if the file changed (or ``force``), else ``None``.

        While the file is unreadable it is read again only when its stamp changes.
        ``limit`` makes a first look: views for that many rows of each table only.
        """
        with self._lock:
            stamp = _stamp(self._book.path)
            if self._troubled:
                if not force and stamp == self._failed_at:
                    return None
            elif not force and not self._book.changed():
                return None
            try:
                snapshot = self._snapshot(board_filter, limit)
            except RapportError:
                self._troubled, self._failed_at = True, stamp
                raise
            self._troubled = False
            return snapshot

    def close(self) -> None:
        """The board quits: fold the journal if nobody is writing (``model.journal``), so
        the book file alone holds the day's writes; a busy or broken book is left as is."""
        self.fold()

    def fold(self) -> None:
        """Fold the journal into the book file now, unless another process holds the
        lock (then it is folded later); on quitting, and when the board has been idle."""
        with self._lock, suppress(RapportError, OSError):
            if self._book.unfolded:
                self._book.fold(wait=False)

    def listen(self, notice: Callable[[str, dict[str, Any]], object]) -> None:
        """``notice(key, params)`` hears what the book says while a write waits (in the
        write's thread); a screen passes its ``post_message``, hence any result."""

        def heard(key: str, params: dict[str, Any]) -> None:
            notice(key, params)

        self._book.listen(heard)

    def write(self, do: Callable[[Book, pendulum.DateTime], R]) -> R:
        """Run one command of the book; refused while the file cannot be read."""
        with self._lock:
            self._check_file()
            return do(self._book, self.now())

    def client_file(self, ref: str) -> tuple[ClientFile, pendulum.DateTime]:
        """Everything about one client, and the moment it was read at."""
        with self._lock:
            now = self.now()
            return self._book.client_file(ref, now), now

    def timeline(self, ref: str) -> list[Event]:
        """Everything that happened with one client, newest first, each with its ref."""
        with self._lock:
            return self._book.timeline(ref)

    def look(self, read: Callable[[Book], R]) -> R:
        """One read of the book under the lock (the record a correction is about)."""
        with self._lock:
            return read(self._book)

    def ask(self, query: Callable[[Book, pendulum.DateTime], R]) -> R:
        """One read-only query of the book (a report, a trend), under the lock."""
        with self._lock:
            return query(self._book, self.now())

    def completions(self, line: str, position: int) -> list[str]:
        """Tab in the quick-log: the book's words for the word at ``position``.

        What they are drawn from (the clients' signals) is cached by the book per
        generation of the file, so after a read this costs a lookup, not a parse.
        """
        with self._lock:
            return self._book.completions(line, position)

    def search(self, text: str) -> list[SearchHit]:
        """Every record holding the words of ``text``, newest first (the book caches its
        index per generation of the file, so typing on re-folds nothing)."""
        with self._lock:
            return self._book.search(text)

    def kudos(self) -> list[KudosRow]:
        """Every compliment received, newest first."""
        with self._lock:
            return self._book.kudos()

    def show_revenue(self, revenue: bool) -> None:
        """The board's rows with or without the revenue column, from the next read on."""
        with self._lock:
            self.revenue_column = revenue
            self._views()

    def restyle(self) -> None:
        """The theme changed: the rows are built again, in its colours, on the next read."""
        with self._lock:
            self._views()

    def _views(self) -> None:
        """Fresh caches: at start and whenever the day changes."""
        now, locale = self.now, self.locale
        revenue = self.revenue_column
        self._board = ViewCache(board_key, lambda row: board_view(row, now(), locale, revenue))
        self._everyone: ByClient[BoardRow] = ByClient(_client_of, board_order, _equal)
        self._filtered = (BoardFilter(), self._everyone)
        today = self.now().date()
        self._today: ByClient[TodayItem] = ByClient(_client_of, lambda i: today_order(i, today))
        self._panes: dict[str, ViewCache[Any]] = {
            spec.name: ViewCache(spec.key, partial(_view, spec.view, locale)) for spec in PANES
        }

    def _check_file(self) -> None:
        present = _stamp(self._book.path) is not None
        if self._had_file and not present:
            raise BookMissing(path=str(self._book.path))
        self._had_file = self._had_file or present

    def _snapshot(self, board_filter: BoardFilter, limit: int | None) -> Snapshot:
        self._check_file()
        now, book = self.now(), self._book
        if now.date() != self._day:
            self._day = now.date()
            self._views()
        signals = book.signals()
        everyone = self._everyone.rows(signals, lambda changed: board_rows(changed, now))
        rows = everyone
        if board_filter != BoardFilter():
            if board_filter != self._filtered[0]:
                self._filtered = (board_filter, ByClient(_client_of, board_order, _equal))
            rows = self._filtered[1].rows(
                signals, lambda changed: board_rows(changed, now, board_filter)
            )
        today = self._today.rows(signals, lambda changed: book.today(now, clients=changed))
        pane_rows = {
            spec.name: today if spec.name == TODAY else spec.rows(book, now) for spec in PANES
        }
        longest = max((len(rows), *(len(r) for r in pane_rows.values())))
        snapshot = Snapshot(
            seq=next(self._seq),
            today=now.date(),
            board=self._board.views(rows, limit),
            summary=summarize(everyone, now),
            panes={name: self._panes[name].views(r, limit) for name, r in pane_rows.items()},
            client_ids=tuple(sorted(signals)),
            complete=limit is None or limit >= longest,
        )
        # A file deleted while we read shows up as an empty book: check again.
        self._check_file()
        if self._everyone.whole or (self._freeze_next and limit is None):
            self._freeze_next = self._everyone.whole and limit is not None
            # The book was read whole: millions of objects that live until the next whole
            # read.  Python's full collections would scan them all (0.5-0.9 s at 100,000
            # interactions, the board frozen meanwhile); frozen, they are left out.  They
            # are plain data (no cycles), so reference counting still frees them.
            # Once more after the first look's whole read: the rest of its views.
            gc.freeze()
        return snapshot
