"""What the board shows, and how it reads and writes: the screen without its keys.

:class:`BoardView` lays the board out, paints the last run's first screen
(:mod:`tui.first_screen`) until the book is read, puts each snapshot on screen and
runs writes.  The book is read (by the :class:`~tui.screens.poller.Poller`, which
polls the file, so writes from another terminal show within a poll) and written
only in thread workers through the :class:`~tui.session.Session`; each posts one
message of :mod:`tui.screens.live`, handled here on the event loop.  While the book
cannot be read the status line says why, the last good snapshot stays and nothing
is written.  What the keys do: :class:`tui.screens.board.BoardScreen`.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from model import t
from model.board import BoardFilter, BoardRow
from tui import first_screen
from tui.first_screen import FirstScreen
from tui.safe_text import printable
from tui.screens import live
from tui.screens.correcting import Corrector
from tui.screens.first_paint import Keeper
from tui.screens.keys import localize_bindings
from tui.screens.poller import FOLD_AFTER, Poller
from tui.session import Session, Snapshot
from tui.widgets.board_table import WIDE, BoardTable, SearchInput, matches
from tui.widgets.panes import PANES, Panes
from tui.widgets.quicklog import History, QuickLogBar, QuickLogInput
from tui.widgets.summary import FilterLine, StatusLine, SummaryLine, summary_parts

__all__ = ["BoardView"]


class BoardView(Screen[None]):
    # Textual declares this one as an instance attribute, hence no ClassVar.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012

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
        self.locale = session.locale
        self.board_filter = board_filter or BoardFilter()
        self.history = history
        self.snapshot: Snapshot | None = None
        self.typed = ""
        self.scoped = False
        self._poller = Poller(session, lambda: self.board_filter, poll_interval, fold_after)
        self._first = first
        self._keeper = Keeper(first_screen.path_of(session.path))
        localize_bindings(self, self.locale)

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SummaryLine(id="summary")
        yield StatusLine(id="status")
        yield FilterLine(id="filters")
        yield BoardTable(id="board", revenue=self.session.revenue_column)
        yield Static("", id="empty")
        yield Panes(remember_beside=self.history.path, id="panes")
        yield SearchInput(id="search")
        yield QuickLogBar(self.history, self.session.completions, id="quicklog")
        yield Footer()
        yield self._poller
        yield self._keeper
        yield Corrector(self.session, lambda: self.board_filter)

    @property
    def board(self) -> BoardTable:
        return self.query_one(BoardTable)

    @property
    def quicklog(self) -> QuickLogBar:
        return self.query_one(QuickLogBar)

    def on_mount(self) -> None:
        for hidden in ("#search", "#quicklog", "#status", "#filters"):
            self.query_one(hidden).display = False
        # Until the first rows are read, say so: an empty table would look like an empty book.
        self.board.display = False
        self.query_one("#empty", Static).update(Text(t("board.loading", self.locale)))
        self.board.focus()
        self.session.listen(lambda key, params: self.post_message(live.Notice(key, params)))
        self.paint_first()

    def paint_first(self) -> None:
        """The last run's first screen, until the book is read (:mod:`tui.first_screen`)."""
        first, self._first = self._first, None
        session = self.session
        if (
            first is None
            or self.board_filter != BoardFilter()
            or not first.fits(session.path, self.locale, session.revenue_column)
            or set(first.panes) != {spec.name for spec in PANES}
        ):
            return
        self.board.show(first.board)
        self.board.display = bool(first.board)
        self.query_one("#empty", Static).display = not first.board
        self.query_one(SummaryLine).show_parts(first.summary)
        self.query_one(Panes).show(first.panes, None, counts=first.counts)

    # -- the workers: each posts one message of tui.screens.live -----------------------------

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, do: live.Do, line: str | None, board_filter: BoardFilter) -> None:
        after = None if line is None else partial(self.history.remember, line)
        self.post_message(live.write(self.session, do, line, board_filter, after))

    # -- reading -----------------------------------------------------------------------------

    def read(self, *, force: bool = False) -> None:
        """Read the book now if it changed (or ``force``), by the poller (:mod:`.poller`)."""
        self._poller.read(force=force)

    def on_loaded(self, message: live.Loaded) -> None:
        if message.snapshot is not None:
            self.show(message.snapshot)

    def on_troubled(self, message: live.Troubled) -> None:
        self.status.unreadable(message.error)

    def on_failed(self, message: live.Failed) -> None:
        said = t("board.status.failed", self.locale, error=f"{message.error!r}")
        if message.reading:
            self.status.set_trouble(said)  # a book that cannot be read is not written either
        else:
            self.status.show(said)
        self.quicklog.busy = False

    @property
    def status(self) -> StatusLine:
        """What is wrong with the book now, if anything (it keeps the trouble it shows)."""
        return self.query_one(StatusLine)

    def show(self, snapshot: Snapshot) -> None:
        """Put a snapshot on screen, unless a newer one is there already."""
        if self.snapshot is not None and snapshot.seq <= self.snapshot.seq:
            return
        self.snapshot = snapshot
        self.status.clear()
        self.refresh_board()
        if snapshot.complete and self.board_filter == BoardFilter():
            session, panes = self.session, snapshot.panes
            parts = summary_parts(snapshot.summary, self.locale)
            kept = first_screen.keep(
                session.path, self.locale, session.revenue_column, snapshot.board, parts, panes
            )
            self._keeper.note(kept)

    # -- the quick-log ---------------------------------------------------------------------

    def on_quick_log_input_closed(self, _: QuickLogInput.Closed) -> None:
        self.close_quicklog()

    def open_quicklog(self, text: str) -> None:
        if not self.refused():
            self.quicklog.open(text)

    def close_quicklog(self) -> None:
        self.quicklog.close()
        self.board.focus()

    def need_client(self) -> BoardRow | None:
        row = self.selected_row
        if row is None:
            self.say(t("board.no_client", self.locale), severity="warning")
        return row

    # -- writing -----------------------------------------------------------------------------

    def say(self, text: str, *, severity: SeverityLevel = "information") -> None:
        """A notice; it holds names from the book, so it is never read as markup."""
        self.notify(printable(text), severity=severity, markup=False)

    def refusal(self) -> str | None:
        return self.status.refusal()

    def refused(self) -> bool:
        text = self.refusal()
        if text is not None:
            self.say(text, severity="warning")
        return text is not None

    def write(self, do: live.Do, *, line: str | None = None) -> bool:
        """Run ``do`` on the book in a worker; its words become the notice.

        ``False`` when the book cannot be written now (the user has been told why).
        """
        if self.refused():
            return False
        self._write(do, line, self.board_filter)
        return True

    def on_notice(self, message: live.Notice) -> None:  # a write waits for another process
        self.status.show(t(message.key, self.locale, **message.params), error=False)

    def on_written(self, message: live.Written) -> None:
        self._poller.stir()
        self.status.show(self.status.trouble)  # the write is over: no more waiting
        if message.trouble is not None:
            self.status.unreadable(message.trouble)
        if message.line is not None:
            self.query_one(QuickLogInput).remember(message.line)
            self.close_quicklog()
        self.say(message.said)
        if message.snapshot is not None:
            self.show(message.snapshot)

    def on_refused(self, message: live.Refused) -> None:
        error, line = message.error, message.line
        self.status.show(self.status.trouble)
        if line is not None and self.quicklog.display:
            self.quicklog.refuse(line, error)
        else:
            self.say(error.render(self.locale), severity="error")

    # -- showing -----------------------------------------------------------------------------

    def refresh_board(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        typed = self.typed
        views = [v for v in snapshot.board if matches(v.data, typed)] if typed else snapshot.board
        self.board.show(views)
        appearing = bool(views) and not self.board.display
        self.board.display = bool(views)
        if appearing and self.focused is None:
            # The first clients (the demo, or a write from another terminal) take
            # the keys, so j/k move at once.
            self.board.focus()
        empty = self.query_one("#empty", Static)
        empty.display = not views
        key = "board.empty" if not snapshot.client_ids else "board.no_match"
        empty.update(Text(t(key, self.locale)))
        self.query_one(SummaryLine).show(snapshot.summary)
        self.query_one(FilterLine).show(self.board_filter, typed)
        self.show_panes()
        self.refresh_bindings()

    def show_panes(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        row = self.selected_row if self.scoped else None
        if row is None:
            complete, day = snapshot.complete, snapshot.today
            self.query_one(Panes).show(snapshot.panes, None, complete=complete, day=day)
            return
        self.query_one(Panes).show(snapshot.panes_of(row.client.id), row.client.name)

    @property
    def selected_row(self) -> BoardRow | None:
        """The client under the cursor; none while the first screen's rows (no data) show."""
        view = self.board.selected if self.board.display else None
        return None if view is None else view.data

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.board and self.scoped:
            self.show_panes()
