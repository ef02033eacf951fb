"""The board's reading: a first look at start, a poll of the file, a read when asked,
and a fold of the journal once the board has been quiet for :data:`FOLD_AFTER` seconds.

An invisible widget of the board screen, so that the screen keeps to showing and
acting.  One read at a time (:class:`~tui.screens.live.Reads`); its thread worker
posts one message of :mod:`tui.screens.live` (``Loaded``, ``Troubled``,
``Failed``), which the poller notes as done and lets bubble on to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import work
from textual.widget import Widget

from model import BoardFilter
from tui.screens import live
from tui.session import Session

__all__ = ["FOLD_AFTER", "Poller"]

# Rows of each table in the first look at a large book: more than a tall screen shows.
_FIRST_LOOK = 60
_AFTER_PAINT = 0.05
FOLD_AFTER = 30.0
"""Seconds without a change before the board folds the journal into the book file."""


class Poller(Widget):
    DEFAULT_CSS = "Poller { display: none; }"

    def __init__(
        self,
        session: Session,
        board_filter: Callable[[], BoardFilter],
        interval: float,
        fold_after: float = FOLD_AFTER,
    ) -> None:
        super().__init__()
        self.session = session
        self._filter = board_filter
        self._interval = interval
        self._reads = live.Reads()
        self._today = session.now().date()
        # Counted in polls, not read off a clock: quiet means no change for that many.
        self._fold_after = max(1, round(fold_after / interval))
        self._quiet = 0

    def on_mount(self) -> None:
        # After the first frame (the last run's first screen): parsing the book in a
        # thread meanwhile would hold the interpreter's lock and slow the paint down.
        self.screen.call_after_refresh(self._start)

    def _start(self) -> None:
        self.read(force=True, first=True)
        self.set_interval(self._interval, self.tick)

    @work(thread=True, group="read", exit_on_error=False)
    def _read(self, board_filter: BoardFilter, force: bool, limit: int | None) -> None:
        self.post_message(live.read(self.session, board_filter, force, limit))

    @work(thread=True, group="fold", exit_on_error=False)
    def _fold(self) -> None:
        """Nothing to show: the book file catches up with the journal, the board stays."""
        self.session.fold()

    def stir(self) -> None:
        """Something changed (a write of the board's own): the quiet starts again."""
        self._quiet = 0

    def tick(self) -> None:
        """Poll the file; a new day re-reads anyway, since days and colours move with it."""
        today = self.session.now().date()
        new_day = today != self._today
        self._today = today
        self.read(force=new_day)
        self._quiet += 1
        if self._quiet == self._fold_after:
            self._fold()

    def read(self, *, force: bool = False, first: bool = False) -> None:
        if self._reads.start(force):
            self._read(self._filter(), force, _FIRST_LOOK if first else None)

    def _read_done(self) -> None:
        if self._reads.done():
            self.read(force=True)

    def on_loaded(self, message: live.Loaded) -> None:
        self._read_done()
        if message.snapshot is not None:
            self._quiet = 0
        if message.snapshot is not None and not message.snapshot.complete:
            # The rest once the first look is painted: a read meanwhile would slow the paint.
            self.set_timer(_AFTER_PAINT, partial(self.read, force=True))

    def on_troubled(self, _: live.Troubled) -> None:
        self._read_done()

    def on_failed(self, message: live.Failed) -> None:
        if message.reading:
            self._read_done()
