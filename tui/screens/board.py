"""The board screen: the board, its panes, the quick-log, and what every key does.

Keys come from :mod:`tui.keys`; each runs an ``action_*`` here.  The book is
read (by the :class:`~tui.screens.poller.Poller`, which polls the file, so writes
from another terminal show within a poll) and written only in thread workers
through the :class:`~tui.session.Session`; each posts one message of
:mod:`tui.screens.live`, handled below on the event loop.  What each act writes
is in :mod:`tui.screens.acts`.  Dialogs are read with ``push_screen_wait`` in one
function per act.  While the book cannot be read the status line says why, the
last good snapshot stays and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar, assert_never

from rich.text import Text
from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.command import Provider
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from model import t
from model.board import BoardFilter, BoardRow
from model.quicklog import ChangeState
from tui import keys
from tui.palette import KeyCommands
from tui.safe_text import printable
from tui.screens import acts, dialogs, live
from tui.screens.client import ClientScreen
from tui.screens.correcting import Corrector
from tui.screens.help import HelpScreen, board_help
from tui.screens.keys import localize_bindings
from tui.screens.kudos import KudosScreen
from tui.screens.poller import Poller
from tui.session import Session, Snapshot
from tui.widgets.board_table import WIDE, BoardTable, SearchInput, matches
from tui.widgets.panes import Intent, MarkDone, MarkThanked, Panes, PaneTable, Prefill, verb
from tui.widgets.quicklog import History, QuickLogBar, QuickLogInput
from tui.widgets.summary import FilterLine, StatusLine, SummaryLine

__all__ = ["BoardScreen"]

_NEEDS_CLIENT = frozenset({"prefill", "change_state", "accept_suggestion", "open_client"})


class BoardScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.SCREEN)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {KeyCommands}
    # Textual declares this one as an instance attribute, hence no ClassVar.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012

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
        self.locale = session.locale
        self.board_filter = board_filter or BoardFilter()
        self.history = history
        self.snapshot: Snapshot | None = None
        self.typed = ""
        self.scoped = False
        self._poller = Poller(session, lambda: self.board_filter, poll_interval)
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
        view = self.board.selected if self.board.display else None
        return None if view is None else view.data

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.board and self.scoped:
            self.show_panes()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        table = event.data_table
        if table is self.board:
            self.action_open_client()
        elif isinstance(table, PaneTable):
            self.act_on(table)

    # -- acts -------------------------------------------------------------------------------

    def on_quick_log_bar_submitted(self, message: QuickLogBar.Submitted) -> None:
        line, locale = message.line, self.locale
        command = acts.ending(line, self.session.now())
        if command is not None:
            self.end_from_line(line, command)
            return
        if not self.write(acts.quick(line, locale), line=line):
            self.quicklog.busy = False

    @work
    async def end_from_line(self, line: str, command: ChangeState) -> None:
        """``acme state ended``: the Stop / Pause / Play reflection first; Escape ends nothing."""
        if self.refused():
            self.quicklog.busy = False
            return
        name = command.client if self.snapshot is None else self.snapshot.name_of(command.client)
        reflection = await dialogs.ask_reflection(self.app, name, self.locale)
        if reflection is None:
            self.quicklog.open(line)  # the line stays, to edit or to give up with Escape
        elif not self.write(acts.apply(command, reflection, self.locale), line=line):
            self.quicklog.busy = False

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

    def act_on(self, table: PaneTable) -> None:
        view = table.selected
        if view is not None:
            self.carry_out(table.intent(view))

    def carry_out(self, intent: Intent) -> None:
        match intent:
            case Prefill(line):
                self.open_quicklog(line)
            case MarkThanked(client, number):
                self.write(acts.thanks_done(client, number, self.locale))
            case MarkDone(client, ref):
                self.write(acts.done(client, ref, self.locale))
            case _:
                assert_never(intent)

    # -- actions (bound in tui.keys) ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what cannot apply: the demo once there are clients, client acts without one."""
        if action == "load_demo":
            return self.snapshot is not None and not self.snapshot.client_ids
        if action in _NEEDS_CLIENT:
            return self.selected_row is not None
        return True

    def typing(self) -> None:
        """In an input, a key that opens one is a letter: step aside so it is typed.

        Those keys are priority bindings (see :class:`tui.keys.Key`), so Textual
        asks this screen first even while an input has the focus.
        """
        if isinstance(self.focused, Input):
            raise SkipAction()

    def action_quicklog(self) -> None:
        self.typing()
        row = self.selected_row
        self.open_quicklog(f"{row.client.id} " if row else "")

    def action_prefill(self, name: str) -> None:
        self.typing()
        row = self.need_client()
        if row is not None:
            self.open_quicklog(f"{row.client.id} {verb(name, self.locale)} ")

    @work
    async def action_change_state(self) -> None:
        row = self.need_client()
        if row is None or self.refused():
            return
        answer = await dialogs.ask_state(self.app, row.client, self.locale)
        if answer is not None:
            state, reflection = answer
            self.write(acts.change_state(row.client.id, state, self.locale, reflection=reflection))

    def action_accept_suggestion(self) -> None:
        row = self.need_client()
        if row is None:
            return
        suggestion, locale = row.suggestion, self.locale
        if suggestion is None:
            self.say(t("board.no_suggestion", locale, name=row.client.name))
            return
        note = suggestion.reason.text(locale)
        self.write(acts.change_state(row.client.id, suggestion.state, locale, note))

    def action_undo(self) -> None:
        self.write(acts.undo(self.locale))

    def action_redo(self) -> None:
        self.write(acts.redo(self.locale))

    def action_open_client(self) -> None:
        row = self.need_client()
        if row is not None:
            self.app.push_screen(ClientScreen(self.session, row.client.id, self.history))

    def action_kudos_jar(self) -> None:
        self.app.push_screen(KudosScreen(self.session))

    def action_toggle_revenue(self) -> None:
        revenue = not self.board.revenue
        self.session.show_revenue(revenue)
        self.board.show_revenue(revenue)
        self.read(force=True)

    def action_report(self) -> None:
        from tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.session))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(board_help(), self.locale))

    def action_search(self) -> None:
        self.typing()
        self.query_one(SearchInput).open(self.typed)

    def on_search_input_typed(self, message: SearchInput.Typed) -> None:
        self.typed = message.text
        self.refresh_board()
        if message.done:
            self.board.focus()

    def action_back(self) -> None:
        if self.typed:
            self.query_one(SearchInput).action_drop()
        else:
            self.board.focus()

    def action_clear_filter(self) -> None:
        self.board_filter = BoardFilter()
        self.typed = ""
        self.query_one(SearchInput).display = False
        self.refresh_board()
        self.read(force=True)

    def action_toggle_scope(self) -> None:
        self.scoped = not self.scoped
        self.show_panes()

    def action_pane_act(self, name: str) -> None:
        self.act_on(self.query_one(f"#{name}", PaneTable))

    def action_correct(self, act: str, name: str = "") -> None:
        """``e`` / ``d`` in a pane (the palette: the pane with the focus): its row's record."""
        if not self.refused():
            self.query_one(Corrector).row(act, self.query_one(f"#{name}") if name else self.focused)

    class OpenDemo(Message):
        """D on an empty book: the app opens the demo in a book of its own."""

    def action_load_demo(self) -> None:
        if not self.check_action("load_demo", ()):
            return  # the demo is for an empty book only
        self.post_message(self.OpenDemo())

    def action_quit(self) -> None:
        self.app.exit()
