"""The board's first screen: painted from the last run's, kept for the next one.

An invisible widget of the board screen, like the :class:`~tui.screens.poller.Poller`.
Each complete snapshot the board shows is noted; once the board has been quiet for
:data:`QUIET` seconds it is written in a thread worker, and on quitting whatever
is still unwritten is written at once (a few kilobytes).  What the file holds
and why it is never trusted blindly: :mod:`tui.first_screen`.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.timer import Timer
from textual.widget import Widget

from tui import first_screen
from tui.first_screen import FirstScreen

__all__ = ["QUIET", "Keeper"]

QUIET = 10.0
"""Seconds without a new snapshot before the first screen is written (12 ms of CPU at a
thousand clients: once after a change, not while the board idles)."""


class Keeper(Widget):
    DEFAULT_CSS = "Keeper { display: none; }"

    def __init__(self, path: Path, quiet: float = QUIET) -> None:
        super().__init__()
        self.path = path
        self._quiet = quiet
        self._pending: FirstScreen | None = None
        self._timer: Timer | None = None

    def note(self, first: FirstScreen) -> None:
        """``first`` is on screen now: write it once the board is quiet."""
        self._pending = first
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self._quiet, self._quiet_now)

    def _quiet_now(self) -> None:
        first, self._pending = self._pending, None
        if first is not None:
            self._save(first)

    @work(thread=True, group="first-screen", exit_on_error=False)
    def _save(self, first: FirstScreen) -> None:
        first_screen.save(first, self.path)

    def on_unmount(self) -> None:
        """The board quits: what is still unwritten, now (the workers are being cancelled)."""
        first, self._pending = self._pending, None
        if first is not None:
            first_screen.save(first, self.path)
