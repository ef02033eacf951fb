"""The client screen: everything about one relationship, to read before a hard call.

The client file is read in a thread worker, so that a client with years of
interactions never freezes the keys; until it arrives the screen says it is
reading, and if reading fails it says why in place and stays open.  Escape goes
back; the board keeps its selection, so the user lands on the same row.
"""

from __future__ import annotations

from typing import ClassVar

import pendulum
from rich.console import RenderableType
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from model import ClientFile, RapportError, t
from tui.safe_text import safe
from tui.screens import client_sections as part
from tui.screens.keys import localize_bindings
from tui.session import Session

__all__ = ["ClientScreen", "error_text"]


def error_text(error: BaseException, locale: str) -> str:
    """What went wrong, in words: the book's own message when it has one."""
    if isinstance(error, RapportError):
        return error.render(locale)
    return f"{type(error).__name__}: {error}"


class ClientScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.back"),
    ]

    class Read(Message):
        """The client file, and the moment it was read at; or why it could not be read."""

        def __init__(
            self, read: tuple[ClientFile, pendulum.DateTime] | None, error: Exception | None
        ) -> None:
            super().__init__()
            self.read, self.error = read, error

    def __init__(self, session: Session, client_id: str, *, at: str | None = None) -> None:
        """``at``: the section to scroll to and mark (``issues``, ``timeline`` …), for a
        search result that opens the file at its record."""
        super().__init__(classes="rapport-screen")
        self._session = session
        self._client_id = client_id
        self._at = at
        self._locale = session.locale
        self.file: ClientFile | None = None
        localize_bindings(self, self._locale)

    def compose(self) -> ComposeResult:
        yield Static(safe(t("screens.client.loading", self._locale)), id="client-header")
        yield VerticalScroll(id="client-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#client-body").focus()
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        try:
            self.post_message(self.Read(self._session.client_file(self._client_id), None))
        except Exception as error:  # said in place; the screen stays open
            self.post_message(self.Read(None, error))

    def on_client_screen_read(self, message: Read) -> None:
        if message.read is not None:
            self._show(*message.read)
        elif message.error is not None:
            said = error_text(message.error, self._locale)
            header = self.query_one("#client-header", Static)
            header.update(safe(t("screens.client.failed", self._locale, error=said)))
            header.add_class("error")

    def _show(self, cf: ClientFile, now: pendulum.DateTime) -> None:
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
            ("screens.section.timeline", part.timeline(cf, now, locale)),
        ]
        body = self.query_one("#client-body", VerticalScroll)
        widgets: list[Static] = []
        for key, content in sections:
            if content is None:
                continue
            title = safe(t(key, locale, score=cf.health.score))
            name = key.rsplit(".", 1)[1]
            widgets.append(Static(title, classes="section-title", id=f"{name}-title"))
            widgets.append(Static(content, classes="section-body", id=name))
        body.mount_all(widgets)
        if self._at is not None:
            self.call_after_refresh(self._go_to, self._at)

    def _go_to(self, section: str) -> None:
        """Scroll the section to the top and mark it (``-found``)."""
        for title in self.query(f"#{section}-title"):
            title.add_class("-found")
            self.query_one(f"#{section}").add_class("-found")
            self.query_one("#client-body", VerticalScroll).scroll_to_widget(
                title, top=True, animate=False
            )

    def action_back(self) -> None:
        self.dismiss(None)
