"""The client screen: everything about one relationship, to read before a hard call.

The client file is read in a thread worker, so that a client with years of
interactions never freezes the keys; until it arrives the screen says it is
reading, and if reading fails it says why in place and stays open.  Escape goes
back; the board keeps its selection, so the user lands on the same row.

The board's acts work here too, for this client (keys from :mod:`tui.keys`,
``CLIENT``): ``l``, ``c``, ``i``, ``v``, ``p``, ``t``, ``g`` open the quick-log
pre-filled with the client, ``s`` changes its state, and any other letter typed
opens the quick-log with it, so nothing typed is lost.  A write runs in this
screen's worker; its receipt goes on to the board, which shows the notice and
the new rows, and this screen reads the client file again.

At the bottom, the timeline (:mod:`tui.widgets.timeline`): everything that
happened, newest first, with refs.  ``e`` edits and ``d`` / Delete deletes the
record under its cursor (the newest, until Tab and j/k move it), through the
:class:`~tui.screens.correcting.Corrector`; ``u`` undoes and ``U`` redoes here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar

import pendulum
from rich.console import RenderableType
from textual import events, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from model import BoardFilter, ClientFile, RapportError, t
from model.file_view import Event
from model.quicklog import ChangeState
from tui import keys
from tui.safe_text import safe
from tui.screens import acts, dialogs, live
from tui.screens import client_sections as part
from tui.screens.correcting import Corrector
from tui.screens.keys import localize_bindings
from tui.session import Session
from tui.widgets import money
from tui.widgets.panes import verb
from tui.widgets.quicklog import History, QuickLogBar, QuickLogInput
from tui.widgets.table import RowView
from tui.widgets.timeline import TimelineTable, timeline_views

__all__ = ["ClientScreen", "error_text"]


def error_text(error: BaseException, locale: str) -> str:
    """What went wrong, in words: the book's own message when it has one."""
    if isinstance(error, RapportError):
        return error.render(locale)
    return f"{type(error).__name__}: {error}"


class ClientScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.back"),
        Binding("question_mark", "help", "screens.keys.help", show=False),
        *keys.bindings(keys.CLIENT),
    ]

    class Read(Message):
        """The client file, and the moment it was read at; or why it could not be read.

        ``timeline``: the rows of the timeline, ``older`` how many more there are.
        """

        def __init__(
            self,
            read: tuple[ClientFile, pendulum.DateTime] | None,
            error: Exception | None,
            timeline: Sequence[RowView[Event]] = (),
            older: int = 0,
        ) -> None:
            super().__init__()
            self.read, self.error = read, error
            self.timeline, self.older = timeline, older

    def __init__(
        self,
        session: Session,
        client_id: str,
        history: History | None = None,
        *,
        at: str | None = None,
    ) -> None:
        """``at``: the section to scroll to and mark (``issues``, ``timeline`` …), for a
        search result that opens the file at its record."""
        super().__init__(classes="rapport-screen")
        self._session = session
        self._client_id = client_id
        self._at = at
        self._locale = session.locale
        self._history = history or History(None)
        self.file: ClientFile | None = None
        localize_bindings(self, self._locale)

    def compose(self) -> ComposeResult:
        yield Static(safe(t("screens.client.loading", self._locale)), id="client-header")
        yield VerticalScroll(id="client-body")
        yield QuickLogBar(self._history, self._session.completions, id="quicklog")
        yield Footer()
        yield Corrector(self._session, self._board_filter)

    @property
    def quicklog(self) -> QuickLogBar:
        return self.query_one(QuickLogBar)

    def on_mount(self) -> None:
        self.quicklog.display = False
        self.query_one("#client-body").focus()
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        try:
            cf, now = self._session.client_file(self._client_id)
            events = self._session.timeline(cf.client.id)
            rows = timeline_views(events, now, self._locale)
            self.post_message(self.Read((cf, now), None, rows, len(events) - len(rows)))
        except Exception as error:  # said in place; the screen stays open
            self.post_message(self.Read(None, error))

    async def on_client_screen_read(self, message: Read) -> None:
        if message.read is not None:
            before = self.timeline
            where = (before.selected, before.cursor_row, before.has_focus) if before else None
            await self._show(*message.read)
            await self._show_timeline(message.timeline, message.older, where)
        elif message.error is not None:
            said = error_text(message.error, self._locale)
            header = self.query_one("#client-header", Static)
            header.update(safe(t("screens.client.failed", self._locale, error=said)))
            header.add_class("error")

    async def _show(self, cf: ClientFile, now: pendulum.DateTime) -> None:
        self.file = cf
        locale = self._locale
        self.query_one("#client-header", Static).update(part.header(cf, now, locale))
        sections: list[tuple[str, RenderableType | None]] = [
            ("screens.section.advice", part.advice(cf, locale)),
            ("screens.section.reflection", part.reflection(cf, locale)),
            ("screens.section.health", part.health(cf, locale)),
            ("screens.section.contacts", part.contacts(cf, locale)),
            ("screens.section.history", part.history(cf, locale)),
            ("screens.section.issues", part.issues(cf, locale)),
            ("screens.section.invoices", part.invoices(cf, now, locale)),
            ("screens.section.followups", part.followups(cf, now, locale)),
            ("screens.section.thanks", part.thanks(cf, now, locale)),
            ("screens.section.kudos", part.kudos(cf, locale)),
        ]
        body = self.query_one("#client-body", VerticalScroll)
        await body.remove_children()  # a read after a write replaces what was there
        widgets: list[Widget] = []
        for key, content in sections:
            if content is None:
                continue
            title = safe(t(key, locale, score=cf.health.score))
            name = key.rsplit(".", 1)[1]
            widgets.append(Static(title, classes="section-title", id=f"{name}-title"))
            widgets.append(Static(content, classes="section-body", id=name))
        money.add_section(widgets, self._session, cf.client.id, locale)
        await body.mount_all(widgets)

    async def _show_timeline(
        self,
        rows: Sequence[RowView[Event]],
        older: int,
        where: tuple[RowView[Event] | None, int, bool] | None,
    ) -> None:
        """The timeline under the sections; after a re-read (``where`` the cursor was:
        on which row, at which line, focused or not) its cursor on the same record."""
        locale = self._locale
        title = safe(t("screens.section.timeline", locale))
        widgets: list[Widget] = [Static(title, classes="section-title", id="timeline-title")]
        table = TimelineTable(id="timeline")
        table.add_class("section-body")
        if rows:
            widgets.append(table)
        else:
            none = safe(t("screens.timeline.none", locale), "italic")
            widgets.append(Static(none, classes="section-body", id="timeline"))
        if older > 0:
            more = safe(t("screens.records.more", locale, count=older), "italic")
            widgets.append(Static(more, classes="section-body", id="timeline-more"))
        await self.query_one("#client-body", VerticalScroll).mount_all(widgets)
        if rows:
            table.show(rows)
            chosen, row, focused = where or (None, 0, False)
            table.keep(chosen.key if chosen else None, row)
            if focused:
                table.focus()
        if self._at is not None:
            self.call_after_refresh(self._go_to, self._at)

    @property
    def timeline(self) -> TimelineTable | None:
        found = self.query(TimelineTable)
        return found.first() if found else None

    def _go_to(self, section: str) -> None:
        """Scroll the section to the top and mark it (``-found``)."""
        for title in self.query(f"#{section}-title"):
            title.add_class("-found")
            self.query_one(f"#{section}").add_class("-found")
            self.query_one("#client-body", VerticalScroll).scroll_to_widget(
                title, top=True, animate=False
            )

    def action_back(self) -> None:
        if self.quicklog.display:
            self.close_quicklog()
        else:
            self.dismiss(None)

    def action_help(self) -> None:
        # Imported here: the help lists this screen's keys, so it imports this module.
        from tui.screens.help import HelpScreen, board_help

        self.typing()
        self.app.push_screen(HelpScreen(board_help(), self._locale))

    # -- the board's acts, for this client ---------------------------------------------------

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, do: live.Do, line: str | None) -> None:
        after = None if line is None else partial(self._history.remember, line)
        self.post_message(live.write(self._session, do, line, self._board_filter(), after))

    def _board_filter(self) -> BoardFilter:
        """The board's filter, so that the snapshot after the write is the board's."""
        board_filter = getattr(self.app.screen_stack[0], "board_filter", None)
        return board_filter if isinstance(board_filter, BoardFilter) else BoardFilter()

    def on_written(self, message: live.Written) -> None:
        message.stop()
        if message.line is not None:
            self.quicklog.input.remember(message.line)
        self.close_quicklog()
        # The board says what was written and shows the new rows; this screen reads again.
        board = self.app.screen_stack[0]
        if board is not self:
            board.post_message(live.Written(message.said, None, message.snapshot, message.trouble))
        self._read()

    def on_refused(self, message: live.Refused) -> None:
        message.stop()
        if message.line is not None and self.quicklog.display:
            self.quicklog.refuse(message.line, message.error)
        else:
            self.notify(message.error.render(self._locale), severity="error", markup=False)

    def on_failed(self, message: live.Failed) -> None:
        message.stop()
        self.quicklog.busy = False
        said = t("board.status.failed", self._locale, error=f"{message.error!r}")
        self.notify(said, severity="error", markup=False)

    def on_quick_log_bar_submitted(self, message: QuickLogBar.Submitted) -> None:
        message.stop()
        line = message.line
        command = acts.ending(line, self._session.now())
        if command is not None:
            self._end_from_line(line, command)
        else:
            self._write(acts.quick(line, self._locale), line)

    @work
    async def _end_from_line(self, line: str, command: ChangeState) -> None:
        name = self.file.client.name if self.file else self._client_id
        reflection = await dialogs.ask_reflection(self.app, name, self._locale)
        if reflection is None:
            self.quicklog.open(line)
        else:
            self._write(acts.apply(command, reflection, self._locale), line)

    def on_quick_log_input_closed(self, message: QuickLogInput.Closed) -> None:
        message.stop()
        self.close_quicklog()

    def open_quicklog(self, text: str) -> None:
        self.quicklog.open(text)

    def close_quicklog(self) -> None:
        self.quicklog.close()
        self.query_one("#client-body").focus()

    def typing(self) -> None:
        """In the quick-log, a key that opens it is a letter: step aside so it is typed."""
        if isinstance(self.focused, Input):
            raise SkipAction()

    def action_quicklog(self) -> None:
        self.typing()
        self.open_quicklog(f"{self._client_id} ")

    def action_correct(self, act: str) -> None:
        """``e`` / ``d``: edit or delete the record under the timeline's cursor."""
        self.typing()
        event = self.timeline.event if self.timeline else None
        if event is not None:
            self.query_one(Corrector).start(act, event.ref)

    def action_undo(self) -> None:
        self.typing()
        self._write(acts.undo(self._locale), None)

    def action_redo(self) -> None:
        self.typing()
        self._write(acts.redo(self._locale), None)

    def action_prefill(self, name: str) -> None:
        self.typing()
        self.open_quicklog(f"{self._client_id} {verb(name, self._locale)} ")

    @work
    async def action_change_state(self) -> None:
        if self.file is None:
            return
        client = self.file.client
        answer = await dialogs.ask_state(self.app, client, self._locale)
        if answer is not None:
            state, reflection = answer
            self._write(
                acts.change_state(client.id, state, self._locale, reflection=reflection), None
            )

    def on_key(self, event: events.Key) -> None:
        """A letter no key is bound to opens the quick-log with it: typed text is not lost."""
        if isinstance(self.focused, Input) or not event.is_printable or event.character is None:
            return
        if event.character.isspace() or event.key in self.app.active_bindings:
            return  # a bound key runs its action
        event.stop()
        event.prevent_default()
        self.open_quicklog(f"{self._client_id} {event.character}")
