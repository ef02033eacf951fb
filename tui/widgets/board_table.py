"""The board: one row per client, strained first, every cell a signal.

The book sorts the rows (the domain's state order, then health worst first);
this module only turns a :class:`BoardRow` into cells.  Names and tags are user
text and go through :func:`tui.safe_text.safe`, never through markup.
"""

from __future__ import annotations

import pendulum
from rich.text import Text
from textual.message import Message
from textual.widgets import Input

from model import BoardRow, matches_search, t
from tui import keys
from tui.formats import day, state_text
from tui.locale import locale_of
from tui.screens.keys import localize_bindings
from tui.widgets.cells import contact_text, count_cell, health_cell, money_text, user_text
from tui.widgets.table import KeyedTable, RowView

__all__ = ["WIDE", "BoardTable", "SearchInput", "board_key", "board_view", "matches"]

WIDE = 150
"""From this many columns on, the board has room: panes side by side, longer names."""


def board_key(row: BoardRow) -> str:
    return row.client.id


def board_view(row: BoardRow, now: pendulum.DateTime, locale: str) -> RowView[BoardRow]:
    client = row.client
    name = user_text(client.name)
    if client.dream:
        name.append(" ★", style="magenta")
    if row.needs_call:
        name.append(" ☎", style="bold yellow")
    contact = Text(contact_text(row.last_contact, now, locale))
    if row.contact_overdue:
        contact.stylize("bold red")
    if row.snoozed_until is not None:  # no nudge until then: say so, and till when
        contact.append(" " + t("board.snoozed", locale, day=day(row.snoozed_until, locale)), "dim")
    totals = sorted(row.overdue_totals().items())
    overdue = Text(
        " + ".join(money_text(amount, cur, locale) for cur, amount in totals), "bold red"
    )
    if row.regularly_late:
        overdue.append(" ↻", style="red")
    suggestion = Text("")
    if row.suggestion is not None:
        suggestion = Text("→ ", style="dim")
        suggestion.append_text(state_text(row.suggestion.state, locale))
    cells = {
        "state": state_text(client.state, locale),
        "client": name,
        "health": health_cell(row.health.score),
        "contact": contact,
        "suggest": suggestion,
        "overdue": overdue,
        "issues": count_cell(row.open_issues, "yellow"),
        "thanks": count_cell(row.thanks_owed, "cyan"),
    }
    return RowView(board_key(row), tuple(cells[c] for c in BoardTable.COLUMNS), row)


def matches(row: BoardRow, text: str) -> bool:
    """Does the typed filter ``text`` find this row? The book's one search rule."""
    return matches_search(row.client, text)


class BoardTable(KeyedTable):
    """The board; Enter on a row asks the screen to open the client."""

    # What decides the next act comes first: at 80 columns the right end scrolls.
    COLUMNS = ("state", "client", "health", "contact", "suggest", "overdue", "issues", "thanks")
    BINDINGS = keys.bindings(keys.BOARD)

    def width_of(self, column: str) -> int | None:
        if column != "client":
            return None
        return 40 if self.app.size.width >= WIDE else 26


class SearchInput(Input):
    """``/``: narrows the board as you type; Enter keeps the filter, Escape drops it."""

    BINDINGS = keys.bindings(keys.FILTER)

    class Typed(Message):
        """The filter is now ``text``; ``done`` when the input closed (Enter or Escape)."""

        def __init__(self, text: str, *, done: bool = False) -> None:
            super().__init__()
            self.text, self.done = text, done

    def __init__(self, *, id: str | None = None) -> None:
        locale = locale_of(self)
        placeholder = t("board.search.placeholder", locale)
        super().__init__(placeholder=placeholder, select_on_focus=False, id=id)
        localize_bindings(self, locale)

    def open(self, text: str) -> None:
        self.display = True
        self.value = text
        # At once, not focus()'s call_later: the keys typed next must find the input.
        self.screen.set_focus(self)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Typed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Typed(event.value, done=True))

    def action_drop(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Typed("", done=True))
