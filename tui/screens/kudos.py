"""The kudos jar: every compliment received, newest first, to re-read on a hard day.

The domain (text 003): collect the nicest compliments in one place.  The jar is
read in a thread worker like every other read, and shows each compliment with
who said it, for which client, and when.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from model import KudosRow, t
from tui.formats import day, themed
from tui.safe_text import safe
from tui.screens.client import error_text
from tui.screens.keys import localize_bindings
from tui.session import Session

__all__ = ["KudosScreen", "kudos_card"]


def kudos_card(row: KudosRow, locale: str) -> Text:
    """“What was said”  — giver, client · date"""
    card = Text.assemble(("“", themed("secondary", bold=True)))
    card.append_text(safe(row.kudos.text, "italic"))
    card.append("”", style=themed("secondary", bold=True))
    card.append("\n  — ", style=themed("muted"))
    if row.kudos.giver:
        card.append_text(safe(row.kudos.giver))
        card.append(", ", style=themed("muted"))
    client = safe(row.client.name)
    client.stylize("bold")
    card.append_text(client)
    card.append(f" · {day(row.kudos.when, locale, zone=row.kudos.tz)}", style=themed("muted"))
    return card


class KudosScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.back"),
    ]

    class Read(Message):
        """The jar's compliments, newest first; or why they could not be read."""

        def __init__(self, rows: list[KudosRow] | None, error: Exception | None) -> None:
            super().__init__()
            self.rows, self.error = rows, error

    def __init__(self, session: Session) -> None:
        super().__init__(classes="rapport-screen")
        self._session = session
        self._locale = session.locale
        self.rows: list[KudosRow] | None = None
        localize_bindings(self, self._locale)

    def compose(self) -> ComposeResult:
        yield Static(safe(t("screens.jar.title", self._locale)), id="jar-title")
        yield Static(safe(t("screens.jar.loading", self._locale)), id="jar-count")
        yield VerticalScroll(id="jar-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#jar-body").focus()
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        try:
            self.post_message(self.Read(self._session.kudos(), None))
        except Exception as error:  # said in place; the jar stays open
            self.post_message(self.Read(None, error))

    def on_kudos_screen_read(self, message: Read) -> None:
        count = self.query_one("#jar-count", Static)
        if message.rows is not None:
            self._show(message.rows)
        elif message.error is not None:
            said = error_text(message.error, self._locale)
            count.update(safe(t("screens.jar.failed", self._locale, error=said)))
            count.add_class("error")

    def _show(self, rows: list[KudosRow]) -> None:
        self.rows = rows
        locale = self._locale
        count = self.query_one("#jar-count", Static)
        if not rows:
            count.update(safe(t("screens.jar.empty", locale)))
            return
        count.update(safe(t("screens.jar.count", locale, count=len(rows))))
        # One widget for the whole jar: a thousand compliments mount as fast as one.
        cards = Text("\n\n").join(kudos_card(row, locale) for row in rows)
        self.query_one("#jar-body", VerticalScroll).mount(Static(cards, id="jar-cards"))

    def action_back(self) -> None:
        self.dismiss(None)
