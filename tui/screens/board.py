"""The board screen: what every key of the board does.

Keys come from :mod:`tui.keys`; each runs an ``action_*`` here, on what
:class:`~tui.screens.board_view.BoardView` shows.  What each act writes is in
:mod:`tui.screens.acts`.  Dialogs are read with ``push_screen_wait`` in one
function per act.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, assert_never

from textual import work
from textual.actions import SkipAction
from textual.command import Provider
from textual.message import Message
from textual.widgets import DataTable, Input

from model import t
from model.board import BoardFilter
from model.quicklog import ChangeState
from tui import keys
from tui.palette import KeyCommands
from tui.screens import acts, dialogs
from tui.screens.board_view import BoardView
from tui.screens.client import ClientScreen
from tui.screens.correcting import Corrector
from tui.screens.help import HelpScreen, board_help
from tui.screens.kudos import KudosScreen
from tui.widgets.board_table import SearchInput
from tui.widgets.panes import Intent, MarkDone, MarkThanked, PaneTable, Prefill, verb
from tui.widgets.quicklog import QuickLogBar

__all__ = ["BoardScreen"]

_NEEDS_CLIENT = frozenset({"prefill", "change_state", "accept_suggestion", "open_client"})


class BoardScreen(BoardView):
    BINDINGS = keys.bindings(keys.SCREEN)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {KeyCommands}

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

    def act_on(self, table: PaneTable) -> None:
        view = table.selected
        if view is not None and self.snapshot is not None:  # not the first screen's rows
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
        if self.snapshot is not None and not self.refused():
            self.query_one(Corrector).row(act, self.query_one(f"#{name}") if name else self.focused)

    class OpenDemo(Message):
        """D on an empty book: the app opens the demo in a book of its own."""

    def action_load_demo(self) -> None:
        if not self.check_action("load_demo", ()):
            return  # the demo is for an empty book only
        self.post_message(self.OpenDemo())

    def action_quit(self) -> None:
        self.app.exit()
