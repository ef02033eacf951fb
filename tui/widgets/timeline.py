"""The client screen's timeline: everything that happened with a client, newest first.

One row per event of :func:`model.file_view.timeline` (a call, an issue opened
or resolved, an invoice, a payment, a credit, a state change, thanks, kudos, a
contact person),
each with the ref of its record, so that a mistake found while reading is
repaired where it is seen: the row under the cursor is the record ``e`` edits
and ``d`` deletes.  Rows are keyed by event and ref, so the cursor stays on its
record across re-reads.  What the user typed is shown as data, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
from rich.text import Text

from model import t
from model.file_view import Event
from tui import keys
from tui.formats import day, themed
from tui.widgets.cells import user_text
from tui.widgets.table import KeyedTable, RowView

__all__ = ["TIMELINE_LIMIT", "TimelineTable", "event_key", "timeline_views"]

TIMELINE_LIMIT = 200
"""Rows drawn; a long relationship's older records are counted, not drawn."""


def event_key(event: Event) -> str:
    """An issue opens and is resolved under one ref: the event's name tells them apart."""
    return f"{event.what}-{event.ref}"


def timeline_views(
    events: Sequence[Event], now: pendulum.DateTime, locale: str
) -> list[RowView[Event]]:
    """The rows of the newest :data:`TIMELINE_LIMIT` events, in the reader's language."""
    views = []
    for event in events[:TIMELINE_LIMIT]:
        cells = (
            Text(day(event.when, locale, now) if event.when else "", style=themed("muted")),
            Text(t(f"screens.event.{event.what}", locale), style="bold"),
            Text(event.ref, style=themed("accent")),
            user_text(event.text),
        )
        views.append(RowView(event_key(event), cells, event))
    return views


class TimelineTable(KeyedTable):
    """The events of one client; the cursor names the record to correct."""

    COLUMNS = ("day", "what", "ref", "text")
    BINDINGS = keys.bindings(keys.TIMELINE)

    def label_of(self, column: str) -> Text:
        return Text(t(f"screens.records.{column}", self.locale))

    @property
    def event(self) -> Event | None:
        """The event under the cursor (the newest until the user moves it)."""
        view = self.selected
        return None if view is None else view.data

    def keep(self, key: str | None, row: int) -> None:
        """After a re-read: the cursor back on its record, or on its row when that is gone."""
        order = [view.key for view in self.views]
        if not order:
            return
        target = order.index(key) if key in order else min(row, len(order) - 1)
        self.move_cursor(row=target, scroll=True, animate=False)
