"""The Rapport app: a thin shell around the board screen.

Everything the board does lives in :mod:`tui.screens.board`; the app only wires the book,
the clock, the language and the history file together.  :func:`make_app` is the
one way to build it, for ``rapport``, the tests, the screenshots and the bench.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App

import tui  # noqa: F401  (registers the board's texts)
from model import BoardFilter, Book, lock
from tui.screens.board import MainScreen
from tui.session import Clock, Session
from tui.widgets.quicklog import History

__all__ = ["RapportApp", "default_history_path", "make_app"]

_HERE = Path(__file__).parent


class RapportApp(App[None]):
    TITLE = "Rapport"
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        _HERE / "rapport.tcss",
        _HERE / "screens" / "screens.tcss",
    ]

    def __init__(
        self,
        session: Session,
        *,
        board_filter: BoardFilter | None,
        history: History,
        poll_interval: float,
    ) -> None:
        super().__init__()
        self.session = session
        self._board_filter = board_filter
        self._history = history
        self._poll_interval = poll_interval

    def get_default_screen(self) -> MainScreen:
        return MainScreen(
            self.session,
            board_filter=self._board_filter,
            history=self._history,
            poll_interval=self._poll_interval,
        )

    def on_unmount(self) -> None:
        # A write waiting for another process's lock must not keep a quitting board alive.
        lock.abandon_waits()

    @property
    def board(self) -> MainScreen:
        """The board screen, whichever screen is on top."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen


def default_history_path() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("rapport")) / "history"


def make_app(
    book: Book,
    now: Clock,
    *,
    locale: str = "en",
    board_filter: BoardFilter | None = None,
    history_path: Path | None = None,
    poll_interval: float = 0.25,
) -> RapportApp:
    """The board on ``book``, reading the time from ``now`` (``pendulum.now`` in use)."""
    return RapportApp(
        Session(book, now, locale),
        board_filter=board_filter,
        history=History(history_path or default_history_path()),
        poll_interval=poll_interval,
    )
