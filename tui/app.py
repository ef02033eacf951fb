"""The Rapport app: a thin shell around the board screen.

Everything the board does lives in :mod:`tui.screens.board`; the app only wires the book,
the clock, the language and the history file together.  :func:`make_app` is the
one way to build it, for ``rapport``, the tests, the screenshots and the bench.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, ClassVar

from platformdirs import user_state_dir
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme, ThemeProvider
from textual.widgets import Static

from model import BoardFilter, Book, lock, t
from tui import first_screen, formats, texts
from tui.first_screen import FirstScreen
from tui.memory import return_freed_memory
from tui.palette import system_commands
from tui.safe_text import safe
from tui.screens.board import BoardScreen
from tui.screens.keys import localize_bindings
from tui.screens.poller import FOLD_AFTER
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
        _HERE / "screens" / "report.tcss",
    ]
    # Textual's own keys, with descriptions from the catalog (the footer says "Palette").
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "board.palette.quit", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "board.palette.palette", show=False, priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        board_filter: BoardFilter | None,
        history: History,
        poll_interval: float,
        first: FirstScreen | None = None,
        fold_after: float = FOLD_AFTER,
    ) -> None:
        super().__init__()
        self.session = session
        self._first = first
        self._fold_after = fold_after
        self._board_filter = board_filter
        self._history = history
        self._poll_interval = poll_interval
        localize_bindings(self, session.locale)

    def get_default_screen(self) -> BoardScreen:
        formats.use_theme(self.get_css_variables())  # the theme the board starts in
        return BoardScreen(
            self.session,
            board_filter=self._board_filter,
            history=self._history,
            poll_interval=self._poll_interval,
            first=self._first,
            fold_after=self._fold_after,
        )

    def on_board_screen_open_demo(self) -> None:
        self.run_worker(self._build_demo, thread=True, name="demo", exit_on_error=False)

    def _build_demo(self) -> None:
        """The demo goes into a book of its own next to the user's, which stays untouched."""
        from model.demo import demo_batch, demo_book_path

        own = Path(self.session.path)
        book = Book(demo_book_path(own))
        book.load(demo_batch(self.session.now()), replace=True)
        session = Session(book, self.session.now, self.session.locale)
        self.call_from_thread(self._open_demo, session, own)

    def _open_demo(self, session: Session, own: Path) -> None:
        self.session, self._first = session, None
        screen = self.get_default_screen()
        # On top of the user's board, which goes on reading (never writing) their book.
        self.push_screen(screen)
        words = t("board.demo_banner", session.locale, path=str(session.path), own=str(own))
        screen.mount(Static(safe(words, "bold"), id="demo-banner"), before=0)

    def on_unmount(self) -> None:
        # A write waiting for another process's lock must not keep a quitting board alive.
        lock.abandon_waits()
        self.session.close()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._restyle)

    def _restyle(self, _: Theme) -> None:
        """Another theme: its colours, and every row built again in them."""
        formats.use_theme(self.get_css_variables())
        self.session.restyle()
        self.board.read(force=True)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return system_commands(self, screen, self.locale)

    def action_command_palette(self) -> None:
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            placeholder = t("board.palette.search", self.locale)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def search_themes(self) -> None:
        placeholder = t("board.palette.search_themes", self.locale)
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def action_find(self) -> None:
        """ctrl+f: search every text of the book (from the board, or any screen above it)."""
        self.push_screen(SearchScreen(self.session))

    @property
    def locale(self) -> str:
        """The reader's language, the session's: every widget of the board reads it here."""
        return self.session.locale

    @property
    def board(self) -> BoardScreen:
        """The board screen (the demo's, once open), whichever screen is on top."""
        return next(s for s in reversed(self.screen_stack) if isinstance(s, BoardScreen))


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
    fold_after: float = FOLD_AFTER,
) -> RapportApp:
    """The board on ``book``, reading the time from ``now`` (``pendulum.now`` in use).

    The last run's first screen is read here, before the app runs: it is painted
    before the book is parsed (:mod:`tui.first_screen`).  ``fold_after``: seconds of
    quiet after which the board folds the journal into the book file."""
    texts.register()
    return_freed_memory()  # before the first worker thread (tui/memory.py)
    return RapportApp(
        Session(book, now, locale),
        board_filter=board_filter,
        history=History(history_path or default_history_path()),
        poll_interval=poll_interval,
        first=first_screen.load(first_screen.path_of(book.path)),
        fold_after=fold_after,
    )
