"""The Rapport app: a thin shell around the board screen.

Everything the board does lives in :mod:`tui.screens.board`; the app only wires the book,
the clock, the language and the history file together.  :func:`make_app` is the
one way to build it, for ``rapport``, the tests, the screenshots and the bench.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

from platformdirs import user_state_dir
from textual.app import App

from model import BoardFilter, Book
from tui import texts
from tui.screens.board import BoardScreen
from tui.screens.search import SearchScreen
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

    def get_default_screen(self) -> BoardScreen:
        return BoardScreen(
            self.session,
            board_filter=self._board_filter,
            history=self._history,
            poll_interval=self._poll_interval,
        )

    def action_find(self) -> None:
        """ctrl+f: search every text of the book (from the board, or any screen above it)."""
        self.push_screen(SearchScreen(self.session))

    @property
    def locale(self) -> str:
        """The reader's language, the session's: every widget of the board reads it here."""
        return self.session.locale

    @property
    def board(self) -> BoardScreen:
        """The board screen, whichever screen is on top."""
        screen = self.screen_stack[0]
        assert isinstance(screen, BoardScreen)
        return screen


def default_history_path() -> Path:
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
    texts.register()
    return RapportApp(
        Session(book, now, locale),
        board_filter=board_filter,
        history=History(history_path or default_history_path()),
        poll_interval=poll_interval,
    )
