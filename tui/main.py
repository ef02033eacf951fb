"""The board screen: the board, its panes, the quick-log, and what every key does.

Keys come from :mod:`tui.keys`; each runs an ``action_*`` here.  Nothing here
touches the file: reads and writes run in thread workers through the
:class:`~tui.live.Session`, and come back as messages.  A write answers with a
notice in words and a fresh snapshot, so the board shows the change at once.
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
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import Worker, WorkerState

from model import (
    BoardFilter,
    BoardRow,
    Book,
    BookTooNew,
    RapportError,
    Receipt,
    Reflection,
    State,
    t,
)
from tui import keys
from tui.board import BoardTable, SearchInput, matches
from tui.commands import KeyCommands
from tui.live import Session, Snapshot
from tui.panes import Intent, MarkThanked, Panes, PaneTable, Prefill, verb
from tui.quicklog_input import History, QuickLogBar, QuickLogInput
from tui.safe_text import printable
from tui.screen_keys import localize_bindings
from tui.summary import FilterLine, StatusLine, SummaryLine

__all__ = ["MainScreen"]

Do = Callable[[Book, pendulum.DateTime], str]


class Loaded(Message):
    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class Troubled(Message):
    def __init__(self, error: RapportError) -> None:
        super().__init__()
        self.error = error


class Written(Message):
    def __init__(self, said: str, line: str | None, snapshot: Snapshot | None) -> None:
        super().__init__()
        self.said, self.line, self.snapshot = said, line, snapshot


class Refused(Message):
    def __init__(self, error: RapportError, line: str | None) -> None:
        super().__init__()
        self.error, self.line = error, line


# Rows of each table in the first look at a large book: more than a tall screen shows.
_FIRST_LOOK = 60
_AFTER_PAINT = 0.05
_NEEDS_CLIENT = frozenset({"prefill", "change_state", "accept_suggestion", "open_client"})


def _undone(receipt: Receipt | None, locale: str) -> str:
    return t("book.nothing_to_undo", locale) if receipt is None else receipt.render(locale)


class MainScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.SCREEN)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {KeyCommands}
    # Textual declares this one as an instance attribute, hence no ClassVar.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (150, "-wide")]  # noqa: RUF012

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
        self.typed = ""
        self.scoped = False
        self.snapshot: Snapshot | None = None
        self.read_only = False
        self.trouble: str | None = None
        self.history = history
        self.poll_interval = poll_interval
        self._reader: Worker[None] | None = None
        self._pending = False
        self._today = session.now().date()
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
        self.read(force=True, first=True)
        self.set_interval(self.poll_interval, self.tick)

    # -- reading -----------------------------------------------------------------------------

    def tick(self) -> None:
        """Poll the file; a new day re-reads anyway, since days and colours move with it."""
        today = self.session.now().date()
        new_day = today != self._today
        self._today = today
        self.read(force=new_day)

    def read(self, *, force: bool = False, first: bool = False) -> None:
        if self._reader is not None and not self._reader.is_finished:
            self._pending = self._pending or force
            return
        work = partial(self._read_in_thread, self.board_filter, force, first)
        self._reader = self.run_worker(work, thread=True, name="read", exit_on_error=False)

    def _read_in_thread(self, board_filter: BoardFilter, force: bool, first: bool) -> None:
        """Read; the ``first`` time only a screenful of rows (see :meth:`on_loaded`)."""
        try:
            limit = _FIRST_LOOK if first else None
            snapshot = self.session.read(board_filter, force=force, limit=limit)
        except RapportError as error:
            self.post_message(Troubled(error))
            return
        if snapshot is not None:
            self.post_message(Loaded(snapshot))

    def on_loaded(self, message: Loaded) -> None:
        self.show(message.snapshot)
        if not message.snapshot.complete:
            # The rest once the first look is painted: a read meanwhile would slow the paint.
            self.set_timer(_AFTER_PAINT, partial(self.read, force=True))

    def on_troubled(self, message: Troubled) -> None:
        error = message.error
        self.read_only = isinstance(error, BookTooNew)
        key = "board.status.read_only" if self.read_only else "board.status.unreadable"
        self.set_trouble(t(key, self.locale, error=error.render(self.locale)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state is WorkerState.ERROR:
            said = t("board.status.failed", self.locale, error=f"{worker.error!r}")
            if worker.name == "read":
                self.set_trouble(said)  # a book that cannot be read is not written either
            else:
                self.query_one(StatusLine).show(said)
            self.quicklog.busy = False
        elif worker.name == "history" and event.state is WorkerState.SUCCESS:
            lines: list[str] = worker.result or []
            self.query_one(QuickLogInput).history[:0] = lines
        if worker is self._reader and worker.is_finished and self._pending:
            self._pending = False
            self.read(force=True)

    def set_trouble(self, text: str | None) -> None:
        """Say why the book cannot be read (``None``: it can); writes wait until it can."""
        self.trouble = text
        self.query_one(StatusLine).show(text)

    def show(self, snapshot: Snapshot) -> None:
        """Put a snapshot on screen, unless a newer one is there already."""
        if self.snapshot is not None and snapshot.seq <= self.snapshot.seq:
            return
        self.snapshot = snapshot
        self.read_only = False
        self.set_trouble(None)
        self.refresh_board()

    def refresh_board(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        typed = self.typed
        views = [v for v in snapshot.board if matches(v.data, typed)] if typed else snapshot.board
        self.board.show(views)
        self.board.display = bool(views)
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

    # -- writing -----------------------------------------------------------------------------

    def say(self, text: str, *, severity: SeverityLevel = "information") -> None:
        """A notice; it holds names from the book, so it is never read as markup."""
        self.notify(printable(text), severity=severity, markup=False)

    def refusal(self) -> str | None:
        """Why nothing can be written now, politely; ``None`` when all is well."""
        if self.read_only:
            return t("board.refuse.read_only", self.locale)
        if self.trouble is not None:
            return t("board.refuse.trouble", self.locale)
        return None

    def refused(self) -> bool:
        text = self.refusal()
        if text is not None:
            self.say(text, severity="warning")
        return text is not None

    def write(self, do: Do, *, line: str | None = None) -> None:
        """Run ``do`` on the book in a worker; its words become the notice."""
        if self.refused():
            self.quicklog.busy = False
            return
        work = partial(self._write_in_thread, do, line, self.board_filter)
        self.run_worker(work, thread=True, name="write", group="write", exit_on_error=False)

    def _write_in_thread(self, do: Do, line: str | None, board_filter: BoardFilter) -> None:
        try:
            said = self.session.write(do)
        except RapportError as error:
            self.post_message(Refused(error, line))
            return
        if line is not None:
            # The history is a convenience: a home folder that refuses it must not
            # turn a write that happened into an error.
            with suppress(OSError):
                self.history.append(line)
        snapshot = None
        try:
            snapshot = self.session.read(board_filter, force=True)
        except RapportError as error:
            self.post_message(Troubled(error))
        self.post_message(Written(said, line, snapshot))

    def on_written(self, message: Written) -> None:
        if message.line is not None:
            self.query_one(QuickLogInput).remember(message.line)
            self.close_quicklog()
        self.say(message.said)
        if message.snapshot is not None:
            self.show(message.snapshot)

    def on_refused(self, message: Refused) -> None:
        error, line = message.error, message.line
        if line is not None and self.quicklog.display:
            self.quicklog.refuse(line, error)
        else:
            self.say(error.render(self.locale), severity="error")

    def on_quick_log_bar_submitted(self, message: QuickLogBar.Submitted) -> None:
        line = message.line
        self.write(lambda book, now: book.quick(line, now).render(self.locale), line=line)

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
        from tui.state_picker import StatePicker

        row = self.need_client()
        if row is None or self.refused():
            return
        client = row.client
        self.app.push_screen(
            StatePicker(client.state, self.locale), partial(self._picked, client.id, client.name)
        )

    def _picked(self, client: str, name: str, state: State | None) -> None:
        from tui.reflection import ReflectionScreen

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

    def action_open_client(self) -> None:
        from tui.client_screen import ClientScreen

        row = self.need_client()
        if row is not None:
            session = self.session
            self.app.push_screen(
                ClientScreen(session.book, row.client.id, session.now, self.locale)
            )

    def action_kudos_jar(self) -> None:
        from tui.kudos_screen import KudosScreen

        self.app.push_screen(KudosScreen(self.session.book, self.locale))

    def action_help(self) -> None:
        from tui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(keys.help_pairs(), self.locale))

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
