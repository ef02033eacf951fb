"""The board screen: the board, its panes, the quick-log, and what every key does.

Keys come from :mod:`tui.keys`; each runs an ``action_*`` here.  Reading,
polling and writing (all in workers) come from :class:`~tui.screens.live.LiveScreen`;
this screen decides what to show and what each act writes.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import ClassVar

import pendulum
from rich.text import Text
from textual.app import ComposeResult
from textual.command import Provider
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import Worker, WorkerState

from model import BoardFilter, BoardRow, Book, RapportError, Receipt, Reflection, State, t
from tui import keys
from tui.palette import KeyCommands
from tui.screens.keys import localize_bindings
from tui.screens.live import LiveScreen
from tui.session import Session, Snapshot
from tui.widgets.board_table import WIDE, BoardTable, SearchInput, matches
from tui.widgets.panes import Intent, MarkThanked, Panes, PaneTable, Prefill, verb
from tui.widgets.quicklog import History, QuickLogBar, QuickLogInput
from tui.widgets.summary import FilterLine, StatusLine, SummaryLine

__all__ = ["MainScreen"]

_NEEDS_CLIENT = frozenset({"prefill", "change_state", "accept_suggestion", "open_client"})


def _undone(receipt: Receipt | None, locale: str) -> str:
    return t("book.nothing_to_undo", locale) if receipt is None else receipt.render(locale)


class MainScreen(LiveScreen):
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
        super().__init__(session, board_filter=board_filter, poll_interval=poll_interval)
        self.typed = ""
        self.scoped = False
        self.history = history
        localize_bindings(self, self.locale)

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        locale = self.locale
        yield SummaryLine(locale, id="summary")
        yield StatusLine(locale, id="status")
        yield FilterLine(locale, id="filters")
        yield BoardTable(locale, id="board")
        yield Static("", id="empty")
        yield Panes(locale, id="panes")
        yield SearchInput(locale, id="search")
        yield QuickLogBar(locale, id="quicklog")
        yield Footer()

    @property
    def board(self) -> BoardTable:
        return self.query_one(BoardTable)

    @property
    def quicklog(self) -> QuickLogBar:
        return self.query_one(QuickLogBar)

    def on_mount(self) -> None:
        for hidden in ("#empty", "#search", "#quicklog", "#status", "#filters"):
            self.query_one(hidden).display = False
        self.board.focus()
        self.run_worker(self.history.load, thread=True, name="history", exit_on_error=False)

    # -- what the live screen asks of the board ----------------------------------------------

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.refresh_board()

    def wrote_line(self, line: str) -> None:
        # The history is a convenience: a home folder that refuses it must not
        # turn a write that happened into an error.
        with suppress(OSError):
            self.history.append(line)

    def line_written(self, line: str) -> None:
        self.query_one(QuickLogInput).remember(line)
        self.close_quicklog()

    def line_refused(self, line: str, error: RapportError) -> bool:
        if not self.quicklog.display:
            return False
        self.quicklog.refuse(line, error)
        return True

    def worker_failed(self) -> None:
        self.quicklog.busy = False

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "history" and event.state is WorkerState.SUCCESS:
            lines: list[str] = event.worker.result or []
            self.query_one(QuickLogInput).history[:0] = lines

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
        self.query_one(QuickLogInput).client_ids = snapshot.client_ids
        self.show_panes()
        self.refresh_bindings()

    def show_panes(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        row = self.selected_row if self.scoped else None
        if row is None:
            panes = (snapshot.issues, snapshot.overdue, snapshot.gratitude)
            self.query_one(Panes).show(*panes, None, complete=snapshot.complete)
            return
        who = row.client.id
        self.query_one(Panes).show(
            [v for v in snapshot.issues if v.data.client.id == who],
            [v for v in snapshot.overdue if v.data.client.id == who],
            [v for v in snapshot.gratitude if v.data.client.id == who],
            row.client.name,
        )

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
        if not self.write(lambda book, now: book.quick(line, now).render(locale), line=line):
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
        if isinstance(intent, Prefill):
            self.open_quicklog(intent.line)
        elif isinstance(intent, MarkThanked):
            client, number, locale = intent.client, intent.number, self.locale
            self.write(lambda book, now: book.thanks_done(client, number, now).render(locale))

    # -- actions (bound in tui.keys) ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what cannot apply: the demo once there are clients, client acts without one."""
        if action == "load_demo":
            return self.snapshot is not None and not self.snapshot.client_ids
        if action in _NEEDS_CLIENT:
            return self.selected_row is not None
        return True

    def action_quicklog(self) -> None:
        row = self.selected_row
        self.open_quicklog(f"{row.client.id} " if row else "")

    def action_prefill(self, name: str) -> None:
        row = self.need_client()
        if row is not None:
            self.open_quicklog(f"{row.client.id} {verb(name, self.locale)} ")

    def action_change_state(self) -> None:
        from tui.screens.state_picker import StatePicker

        row = self.need_client()
        if row is None or self.refused():
            return
        client = row.client
        self.app.push_screen(
            StatePicker(client.state, self.locale), partial(self._picked, client.id, client.name)
        )

    def _picked(self, client: str, name: str, state: State | None) -> None:
        from tui.screens.reflection import ReflectionScreen

        locale = self.locale
        if state is State.ENDED:
            self.app.push_screen(ReflectionScreen(name, locale), partial(self._ended, client))
        elif state is not None:
            self.write(lambda book, now: book.change_state(client, state, now).render(locale))

    def _ended(self, client: str, reflection: Reflection | None) -> None:
        if reflection is None:
            return
        locale = self.locale
        self.write(
            lambda book, now: book.change_state(
                client, State.ENDED, now, reflection=reflection
            ).render(locale)
        )

    def action_accept_suggestion(self) -> None:
        row = self.need_client()
        if row is None:
            return
        suggestion, locale = row.suggestion, self.locale
        if suggestion is None:
            self.say(t("board.no_suggestion", locale, name=row.client.name))
            return
        client, note = row.client.id, suggestion.reason.text(locale)
        self.write(
            lambda book, now: book.change_state(client, suggestion.state, now, note).render(locale)
        )

    def action_undo(self) -> None:
        locale = self.locale
        self.write(lambda book, _now: _undone(book.undo(), locale))

    def action_redo(self) -> None:
        locale = self.locale

        def redo(book: Book, _now: pendulum.DateTime) -> str:
            receipt = book.redo()
            return t("book.nothing_to_redo", locale) if receipt is None else receipt.render(locale)

        self.write(redo)

    def action_open_client(self) -> None:
        from tui.screens.client import ClientScreen

        row = self.need_client()
        if row is not None:
            session = self.session
            self.app.push_screen(
                ClientScreen(session.book, row.client.id, session.now, self.locale),
                lambda _: self.read(force=True),  # what was corrected there shows here
            )

    def action_kudos_jar(self) -> None:
        from tui.screens.kudos import KudosScreen

        self.app.push_screen(KudosScreen(self.session.book, self.locale))

    def action_help(self) -> None:
        from tui.screens.client import ClientScreen
        from tui.screens.help import HelpScreen
        from tui.screens.kudos import KudosScreen
        from tui.screens.reflection import ReflectionScreen
        from tui.screens.state_picker import StatePicker

        screens = (ClientScreen, KudosScreen, StatePicker, ReflectionScreen)
        pairs = keys.help_pairs() + keys.screen_pairs(screens)
        self.app.push_screen(HelpScreen(pairs, self.locale))

    def action_search(self) -> None:
        search = self.query_one(SearchInput)
        search.display = True
        search.value = self.typed
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.typed = event.value
            self.refresh_board()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one(SearchInput).display = False
            self.board.focus()

    def on_search_input_dropped(self, _: SearchInput.Dropped) -> None:
        self.query_one(SearchInput).display = False
        self.typed = ""
        self.refresh_board()
        self.board.focus()

    def action_back(self) -> None:
        if self.typed:
            self.on_search_input_dropped(SearchInput.Dropped())
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

    def action_pane_correct(self, name: str, what: str) -> None:
        """Edit or delete the issue, invoice or thanks of the pane's selected row."""
        from tui.screens.correcting import delete_record, edit_record, pane_ref

        view = self.query_one(f"#{name}", PaneTable).selected
        session = self.session
        ref = None if view is None else pane_ref(session.book, view.data)
        if ref is None:
            self.say(t("board.nothing_to_correct", self.locale), severity="warning")
            return

        def done() -> None:
            self.read(force=True)

        if what == "edit":
            edit_record(self, session.book, ref, session.now, self.locale, done)
        else:
            delete_record(self, session.book, ref, self.locale, done)

    def action_pane_act(self, name: str) -> None:
        self.act_on(self.query_one(f"#{name}", PaneTable))

    def action_load_demo(self) -> None:
        from model.demo import build_demo

        if not self.check_action("load_demo", ()):
            return  # the demo is for an empty book only

        def load(book: Book, now: pendulum.DateTime) -> str:
            build_demo(book, now)
            return t("board.demo_loaded", self.locale)

        self.write(load)

    def action_quit(self) -> None:
        self.app.exit()
