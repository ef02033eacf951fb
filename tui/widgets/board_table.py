"""The board: one row per client, strained first, every cell a signal.

The book sorts the rows (the domain's state order, then health worst first);
this module only turns a :class:`BoardRow` into cells.  Names and tags are user
text and go through :func:`tui.safe_text.safe`, never through markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pendulum
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Input

from model import BoardRow, State, matches_search, t
from tui import keys
from tui.formats import day, state_text, themed
from tui.locale import locale_of
from tui.screens.keys import localize_bindings
from tui.widgets.cells import (
    clipped,
    contact_text,
    count_cell,
    health_cell,
    money_text,
    user_text,
)
from tui.widgets.keyed_input import KeyedInput
from tui.widgets.table import KeyedTable, RowView

__all__ = [
    "REVENUE",
    "WIDE",
    "BoardTable",
    "SearchInput",
    "board_columns",
    "board_key",
    "board_view",
    "matches",
]

WIDE = 150
"""From this many columns on, the board has room: panes side by side, longer names."""

# The width of every column but the client's, which takes what is left.  At 80
# columns the money columns (overdue, issues, thanks) must still be on screen:
# the others are cut with "…" and the headers shortened, rather than any hidden.
_NARROW = {
    "state": 8,
    "health": 9,
    "contact": 7,
    "suggest": 7,
    "overdue": 11,
    "issues": 4,
    "thanks": 4,
    "revenue": 11,
}
_MIDDLE = {
    "state": 15,
    "health": 10,
    "contact": 15,
    "suggest": 12,
    "overdue": 13,
    "issues": 8,
    "thanks": 6,
    "revenue": 13,
}
_ROOMY = {
    "state": 16,
    "health": 10,
    "contact": 15,
    "suggest": 18,
    "overdue": 20,
    "issues": 9,
    "thanks": 7,
    "revenue": 16,
}
_MIDDLE_FROM = 100
_CLIENT = (10, 80)
# A cell's padding on both sides, and the vertical scrollbar.
_PAD = 2
_SCROLLBAR = 2


REVENUE = "revenue"
"""The optional column: revenue this year (``board_revenue = true`` in config.toml, or ``M``)."""


def board_columns(revenue: bool = False) -> tuple[str, ...]:
    return (*BoardTable.COLUMNS, REVENUE) if revenue else BoardTable.COLUMNS


def board_key(row: BoardRow) -> str:
    return row.client.id


def board_view(
    row: BoardRow, now: pendulum.DateTime, locale: str, revenue: bool = False
) -> RowView[BoardRow]:
    client = row.client
    name = user_text(client.name)
    if client.dream:
        name.append(" ★", style=themed("secondary", bold=True))
    if row.needs_call:
        name.append(" ☎", style=themed("warning", bold=True))
    contact = Text(contact_text(row.last_contact, now, locale))
    if row.contact_overdue:
        contact.stylize(themed("error", bold=True))
    if row.snoozed_until is not None:  # no nudge until then: say so, and till when
        contact.append(
            " " + t("board.snoozed", locale, day=day(row.snoozed_until, locale)), themed("muted")
        )
    totals = sorted(row.overdue_totals().items())
    overdue = Text(
        " + ".join(money_text(amount, cur, locale) for cur, amount in totals),
        themed("error", bold=True),
    )
    if row.regularly_late:
        overdue.append(" ↻", style=themed("error"))
    suggestion = Text("")
    if row.suggestion is not None:
        suggestion = Text("→ ", style="dim")
        suggestion.append_text(state_text(row.suggestion.state, locale))
    cells = {
        "state": clipped(state_text(client.state, locale)),
        "client": name,
        # An ended relationship has no health left to watch.
        "health": Text("  –") if row.client.state is State.ENDED else health_cell(row.health.score),
        "contact": clipped(contact),
        "suggest": clipped(suggestion),
        "overdue": clipped(overdue),
        "issues": count_cell(row.open_issues, themed("warning")),
        "thanks": count_cell(row.thanks_owed, themed("primary")),
    }
    if revenue:
        cells[REVENUE] = clipped(
            Text(" + ".join(money_text(a, cur, locale) for cur, a in row.revenue_year))
        )
    return RowView(board_key(row), tuple(cells[c] for c in board_columns(revenue)), row)


def matches(row: BoardRow, text: str) -> bool:
    """Does the typed filter ``text`` find this row? The book's one search rule."""
    return matches_search(row.client, text)


class BoardTable(KeyedTable):
    """The board; Enter on a row asks the screen to open the client."""

    # What decides the next act comes first; every column fits in 80 (see ``_NARROW``).
    COLUMNS = ("state", "client", "health", "contact", "suggest", "overdue", "issues", "thanks")
    BINDINGS = keys.bindings(keys.BOARD)

    def __init__(self, *, id: str | None = None, revenue: bool = False) -> None:
        super().__init__(id=id)
        self.revenue = revenue

    @property
    def shown_columns(self) -> tuple[str, ...]:
        return board_columns(self.revenue)

    def show_revenue(self, revenue: bool) -> None:
        """Add or drop the revenue column; the rows come back with the next snapshot."""
        self.revenue = revenue
        self.clear(columns=True)
        self._views, self._order = {}, []
        self.on_mount()

    def show(self, views: Sequence[RowView[Any]]) -> None:
        """A snapshot read before the columns changed is left out: the next one fits."""
        if views and len(views[0].cells) != len(self.shown_columns):
            return
        super().show(views)

    def _widths(self) -> dict[str, int]:
        width = self.app.size.width
        fixed = _NARROW if width < _MIDDLE_FROM else _MIDDLE if width < WIDE else _ROOMY
        shown = {c: fixed[c] for c in self.shown_columns if c in fixed}
        rest = width - _SCROLLBAR - _PAD * len(self.shown_columns) - sum(shown.values())
        return {**shown, "client": max(_CLIENT[0], min(_CLIENT[1], rest))}

    def width_of(self, column: str) -> int | None:
        return self._widths()[column]

    def label_of(self, column: str) -> Text:
        """Short headers where the columns are narrow (``Iss.`` for ``Issues``)."""
        narrow = self.app.size.width < _MIDDLE_FROM
        key = f"board.col_short.{column}" if narrow else f"board.col.{column}"
        return clipped(Text(t(key, self.locale)))

    def on_resize(self, _: events.Resize) -> None:
        """A terminal made wider or narrower: the columns follow."""
        widths = self._widths()
        changed = False
        for key, column in self.columns.items():
            name = str(key.value)
            label = self.label_of(name)
            if column.width != widths[name] or column.label.plain != label.plain:
                column.width, column.label, changed = widths[name], label, True
        if changed:
            # DataTable has no public call to re-size a column; these are what add_column sets.
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh(layout=True)


class SearchInput(KeyedInput):
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
