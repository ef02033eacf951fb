"""The search screen (ctrl+f): every note, issue, kudos, thanks, follow-up and
interaction that holds the words typed, newest first.

"The one where Maren said something about Müller": ``/`` on the board narrows
the clients, this looks through everything they said and did.  The book is
searched in a thread worker through the session (the book keeps its index per
generation of the file, so typing on folds nothing again); an answer for words
the user has typed on from is dropped.  Enter on a result opens the client file
at that record's section (:class:`~tui.screens.client.ClientScreen` ``at``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from model import SearchHit, t
from tui.formats import day
from tui.safe_text import safe
from tui.screens.client import ClientScreen, error_text
from tui.screens.keys import localize_bindings
from tui.session import Session
from tui.widgets.keyed_input import KeyedInput

__all__ = ["SearchScreen", "hit_kind", "section_of"]

_COLUMNS = ("when", "kind", "client", "text", "ref")
_INTERACTIONS = frozenset({"call", "meeting", "mail", "message", "note"})
# A hit's kind → the client screen's section that shows its record.
_SECTIONS = {"issue": "issues", "kudos": "kudos", "thanks": "thanks", "followup": "followups"}


def hit_kind(hit: SearchHit, locale: str) -> str:
    """The kind of record, in the reader's words (an interaction's own kind: call, mail …)."""
    if hit.kind in _INTERACTIONS:
        return t(f"kind.{hit.kind}", locale)
    return t(f"screens.search.kind.{hit.kind}", locale)


def section_of(hit: SearchHit) -> str:
    """The id of the client screen's section that shows the record of ``hit``."""
    return _SECTIONS.get(hit.kind, "timeline")


class SearchScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.back"),
        Binding("down", "results", "screens.keys.results", show=False),
    ]

    class Found(Message):
        """The hits for ``text``; or why the search failed."""

        def __init__(
            self, text: str, hits: list[SearchHit] | None, error: Exception | None
        ) -> None:
            super().__init__()
            self.text, self.hits, self.error = text, hits, error

    def __init__(self, session: Session, text: str = "") -> None:
        super().__init__(classes="rapport-screen")
        self._session = session
        self._locale = session.locale
        self._text = text
        self.hits: list[SearchHit] = []
        localize_bindings(self, self._locale)

    def compose(self) -> ComposeResult:
        locale = self._locale
        yield Static(safe(t("screens.search.title", locale)), id="find-title")
        yield KeyedInput(
            self._text, placeholder=t("screens.search.placeholder", locale), id="find-text"
        )
        yield Static(safe(t("screens.search.hint", locale)), id="find-count")
        yield DataTable[Text](id="find-hits", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in _COLUMNS:
            table.add_column(Text(t(f"screens.search.col.{column}", self._locale)), key=column)
        self.query_one(Input).focus()
        if self._text:
            self._find(self._text)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value
        if text.strip():
            self.query_one("#find-count", Static).update(
                safe(t("screens.search.searching", self._locale))
            )
            self._find(text)
        else:
            self._show(text, [])

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in the words: to the results, or straight into the only one."""
        event.stop()
        if len(self.hits) == 1:
            self.open(self.hits[0])
        elif self.hits:
            self.query_one(DataTable).focus()

    @work(thread=True, group="find", exit_on_error=False)
    def _find(self, text: str) -> None:
        try:
            self.post_message(self.Found(text, self._session.search(text), None))
        except Exception as error:  # said in place; the screen stays open
            self.post_message(self.Found(text, None, error))

    def on_search_screen_found(self, message: Found) -> None:
        if message.text != self.query_one(Input).value:
            return  # typed on meanwhile: a newer search is on its way
        if message.hits is not None:
            self._show(message.text, message.hits)
            return
        count = self.query_one("#find-count", Static)
        said = error_text(message.error or RuntimeError(), self._locale)
        count.update(safe(t("screens.search.failed", self._locale, error=said)))
        count.add_class("error")

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        locale = self._locale
        self.hits = hits
        table = self.query_one(DataTable)
        table.clear()
        for index, hit in enumerate(hits):
            table.add_row(
                Text(day(hit.when, locale), "dim") if hit.when else Text(""),
                Text(hit_kind(hit, locale), "bold"),
                safe(hit.client.name),
                safe(" ".join(hit.text.split())),
                Text(hit.ref, "dim"),
                key=str(index),
            )
        count = self.query_one("#find-count", Static)
        count.remove_class("error")
        if not text.strip():
            count.update(safe(t("screens.search.hint", locale)))
        elif hits:
            count.update(safe(t("screens.search.count", locale, count=len(hits))))
        else:
            count.update(safe(t("screens.search.none", locale, text=text.strip())))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is not None:
            self.open(self.hits[int(key)])

    def open(self, hit: SearchHit) -> None:
        self.app.push_screen(ClientScreen(self._session, hit.client.id, at=section_of(hit)))

    def action_results(self) -> None:
        if self.hits:
            self.query_one(DataTable).focus()

    def action_back(self) -> None:
        self.dismiss(None)
