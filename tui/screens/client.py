"""The client screen: everything about one relationship, to read before a hard call.

The client file is read in a thread worker, so that a client with years of
interactions never freezes the keys; until it arrives the screen says it is
reading, and if reading fails it says why in place and stays open.  Escape goes
back; the board keeps its selection, so the user lands on the same row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pendulum
from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from model import Book, ClientFile, RapportError, t
from model.file_view import Event
from tui.safe_text import safe
from tui.screens import client_sections as part
from tui.screens.keys import localize_bindings

__all__ = ["ClientScreen"]

Clock = Callable[[], pendulum.DateTime]


def error_text(error: BaseException, locale: str) -> str:
    """What went wrong, in words: the book's own message when it has one."""
    if isinstance(error, RapportError):
        return error.render(locale)
    return f"{type(error).__name__}: {error}"


class ClientScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.back"),
        Binding("e", "edit_record", "screens.keys.edit"),
        Binding("d,delete", "delete_record", "screens.keys.delete"),
    ]

    def __init__(
        self,
        book: Book,
        client_id: str,
        now: pendulum.DateTime | Clock,
        locale: str = "en",
    ) -> None:
        super().__init__(classes="rapport-screen")
        self._book = book
        self._client_id = client_id
        self._clock: Clock = now if callable(now) else (lambda: now)
        self._locale = locale
        self.file: ClientFile | None = None
        self.events: list[Event] = []
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        yield Static(safe(t("screens.client.loading", self._locale)), id="client-header")
        yield VerticalScroll(id="client-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#client-body").focus()
        self.run_worker(self._read, thread=True, exit_on_error=False, name="client-file")

    def _read(self) -> tuple[ClientFile, pendulum.DateTime, list[Event]]:
        now = self._clock()
        client_file = self._book.client_file(self._client_id, now)
        return client_file, now, self._book.timeline(self._client_id)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "client-file":
            return
        if event.state is WorkerState.SUCCESS and event.worker.result is not None:
            client_file, now, events = event.worker.result
            self.events = events
            await self._show(client_file, now)
        elif event.state is WorkerState.ERROR and event.worker.error is not None:
            message = error_text(event.worker.error, self._locale)
            header = self.query_one("#client-header", Static)
            header.update(safe(t("screens.client.failed", self._locale, error=message)))
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
            ("screens.section.thanks", part.thanks(cf, now, locale)),
            ("screens.section.kudos", part.kudos(cf, locale)),
            ("screens.section.timeline", part.timeline(cf, now, locale)),
        ]
        body = self.query_one("#client-body", VerticalScroll)
        await body.remove_children()
        widgets: list[Static | DataTable[str]] = []
        for key, content in sections:
            if content is None:
                continue
            title = safe(t(key, locale, score=cf.health.score))
            widgets.append(Static(title, classes="section-title"))
            widgets.append(Static(content, classes="section-body", id=key.rsplit(".", 1)[1]))
        widgets.append(Static(safe(t("screens.section.records", locale)), classes="section-title"))
        widgets.append(part.records(self.events, locale))
        body.mount_all(widgets)

    def selected_ref(self) -> str | None:
        """The ref of the record under the cursor of the records table."""
        tables = self.query("#client-records").results(DataTable)
        table = next(tables, None)
        if table is None or not self.events or table.cursor_row >= len(self.events):
            return None
        return self.events[table.cursor_row].ref

    def reload(self) -> None:
        self.run_worker(self._read, thread=True, exit_on_error=False, name="client-file")

    def action_edit_record(self) -> None:
        from tui.screens.correcting import edit_record

        ref = self.selected_ref()
        if ref is not None:
            edit_record(self, self._book, ref, self._clock, self._locale, self.reload)

    def action_delete_record(self) -> None:
        from tui.screens.correcting import delete_record

        ref = self.selected_ref()
        if ref is not None:
            delete_record(self, self._book, ref, self._locale, self.reload)

    def action_back(self) -> None:
        self.dismiss(None)
