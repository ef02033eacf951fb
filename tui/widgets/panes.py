"""The panes under the board: today, open issues, overdue payments, gratitude backlog.

Every pane is one :class:`PaneSpec` in :data:`PANES`: its name (the widget id,
the key table's place and the ``board.pane.<name>`` title), its table class
(columns and keys), how its rows are read from the book and turned into cells,
and what Enter on a row means.  The session reads, the board shows and acts
from that one table, so a new pane is one entry here plus its table class.

Enter on a row answers an :data:`Intent` (fill the quick-log, or mark thanks
done), and the screen carries it out, so a pane never writes the book itself.
At 80 columns the panes fold into tabs; from 150 columns on they stand side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

import pendulum
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Tab, Tabs

from model import Book, IssueRow, OverdueRow, ThanksRow, TodayItem, TodayKind, Unthanked, t
from tui import keys
from tui.formats import SEVERITY_STYLES, day, state_text, themed
from tui.safe_text import safe
from tui.widgets.board_table import WIDE
from tui.widgets.cells import money_text, user_text
from tui.widgets.tab_memory import Remembered, TabMemory
from tui.widgets.table import KeyedTable, RowView

__all__ = [
    "PANES",
    "GratitudeTable",
    "Intent",
    "IssuesTable",
    "MarkDone",
    "MarkThanked",
    "OverdueTable",
    "PaneSpec",
    "PaneTable",
    "Panes",
    "Prefill",
    "TodayTable",
    "issue_view",
    "overdue_view",
    "thanks_view",
    "today_view",
    "unthanked_view",
    "verb",
]

R = TypeVar("R")


@dataclass(frozen=True)
class Prefill:
    """Open the quick-log with this line, for the user to finish and confirm."""

    line: str


@dataclass(frozen=True)
class MarkThanked:
    """Mark thanks ``number`` of ``client`` done: nothing to add, so no quick-log."""

    client: str
    number: int


@dataclass(frozen=True)
class MarkDone:
    """Mark the follow-up ``ref`` of ``client`` done (``acme done followup:3``)."""

    client: str
    ref: str


Intent = Prefill | MarkThanked | MarkDone


def verb(name: str, locale: str) -> str:
    """The quick-log verb in the reader's language (``paid`` / ``bezahlt``)."""
    return t(f"board.verb.{name}", locale)


def _days(days: int, locale: str) -> Text:
    return Text(t("board.days", locale, days=days), justify="right")


def _issue_key(row: IssueRow) -> str:
    return f"issue-{row.issue.number}"


def _overdue_key(row: OverdueRow) -> str:
    return f"invoice-{row.invoice.number}"


def _thanks_key(row: ThanksRow) -> str:
    return f"thanks-{row.thanks.number}"


def _unthanked_key(row: Unthanked) -> str:
    return f"unthanked-{row.client.id}"


def _today_key(item: TodayItem) -> str:
    # One record can be due for two reasons (an issue waiting too long, and a call).
    return f"{item.kind.value}-{item.ref}-{item.key}"


_KIND_MARKS = {
    TodayKind.CONTACT: "☎",
    TodayKind.FOLLOWUP: "→",
    TodayKind.THANKS: "♡",
    TodayKind.INVOICE: "€",
    TodayKind.ISSUE: "!",
}


def today_view(item: TodayItem, locale: str) -> RowView[TodayItem]:
    """Client, why (without the name the client column shows), since when, ref."""
    why = item.text(locale).removeprefix(f"{item.client.name}: ")
    since = "" if item.since is None else day(item.since.isoformat(), locale)
    cells = (
        user_text(item.client.name),
        user_text(f"{_KIND_MARKS[item.kind]} {why}"),
        Text(since, "dim"),
        Text(item.ref, "dim"),
    )
    return RowView(_today_key(item), cells, item)


def issue_view(row: IssueRow, locale: str) -> RowView[IssueRow]:
    issue = row.issue
    cells = (
        Text(f"#{issue.number}"),
        user_text(row.client.name),
        user_text(issue.text),
        Text(t(f"issue_kind.{issue.kind.value}", locale)),
        Text(t(f"severity.{issue.severity.value}", locale), SEVERITY_STYLES[issue.severity]),
        _days(row.age_days, locale),
        state_text(row.client.state, locale),
    )
    return RowView(_issue_key(row), cells, row)


def overdue_view(row: OverdueRow, locale: str) -> RowView[OverdueRow]:
    invoice = row.invoice
    late = Text(f"↻ {t('board.late', locale)}", themed("error")) if row.regularly_late else Text("")
    cells = (
        user_text(invoice.number),
        user_text(row.client.name),
        _days(row.days_overdue, locale),
        Text(money_text(invoice.outstanding, invoice.currency, locale), "bold", justify="right"),
        Text(row.bucket),
        late,
    )
    return RowView(_overdue_key(row), cells, row)


def thanks_view(row: ThanksRow, locale: str) -> RowView[ThanksRow]:
    thanks = row.thanks
    by = (
        Text("")
        if thanks.by is None
        else Text(day(thanks.by, locale), themed("error", bold=True) if row.late else "")
    )
    cells = (Text(f"#{thanks.number}"), user_text(row.client.name), user_text(thanks.text), by)
    return RowView(_thanks_key(row), cells, row)


def unthanked_view(row: Unthanked, locale: str) -> RowView[Unthanked]:
    last = t("board.never", locale) if row.last_thanked is None else day(row.last_thanked, locale)
    cells = (
        Text("♡", themed("secondary")),
        user_text(row.client.name),
        Text(t("board.unthanked", locale), "italic"),
        Text(last, "dim"),
    )
    return RowView(_unthanked_key(row), cells, row)


def gratitude_view(row: ThanksRow | Unthanked, locale: str) -> RowView[ThanksRow | Unthanked]:
    """Thanks owed first, then the clients nobody has thanked for long: one pane."""
    if isinstance(row, ThanksRow):
        return thanks_view(row, locale)
    return unthanked_view(row, locale)


def _gratitude_key(row: ThanksRow | Unthanked) -> str:
    return _thanks_key(row) if isinstance(row, ThanksRow) else _unthanked_key(row)


def _gratitude_rows(book: Book, now: pendulum.DateTime) -> list[ThanksRow | Unthanked]:
    backlog = book.gratitude(now)
    return [*backlog.owed, *backlog.unthanked]


def _act_today(item: TodayItem, locale: str) -> Intent:
    """A follow-up is done with one key; the rest opens its verb's line, in the reader's words."""
    if item.kind is TodayKind.FOLLOWUP:
        return MarkDone(item.client.id, item.ref)
    words = (item.client.id, verb(item.verb, locale), item.number)
    return Prefill(" ".join(word for word in words if word) + " ")


def _resolve(row: IssueRow, locale: str) -> Intent:
    return Prefill(f"{row.client.id} {verb('resolve', locale)} {row.issue.number} ")


def _pay(row: OverdueRow, locale: str) -> Intent:
    return Prefill(f"{row.client.id} {verb('paid', locale)} {row.invoice.number}")


def _thank(row: ThanksRow | Unthanked, locale: str) -> Intent:
    if isinstance(row, ThanksRow):
        return MarkThanked(row.client.id, row.thanks.number)
    return Prefill(f"{row.client.id} {verb('thanks', locale)} ")


class PaneTable(KeyedTable):
    """A pane: a keyed table with a title and an answer to Enter, both from its spec."""

    # User text columns get a fixed width, so one long note cannot push the rest away.
    WIDTHS: ClassVar[dict[str, int]] = {"client": 18, "text": 26}

    def __init__(self, spec: PaneSpec[Any]) -> None:
        super().__init__(id=spec.name)
        self.spec = spec

    def intent(self, view: RowView[Any]) -> Intent:
        return self.spec.enter(view.data, self.locale)

    def title(self, count: int | str) -> str:
        return t(f"board.pane.{self.spec.name}", self.locale, count=count)


class TodayTable(PaneTable):
    COLUMNS = ("client", "why", "since", "ref")
    BINDINGS = keys.bindings(keys.TODAY)

    def width_of(self, column: str) -> int | None:
        """The reason takes what the screen has to spare, down to the 80 columns' 30."""
        if column != "why":
            return super().width_of(column)
        width = self.app.size.width
        return 30 if width >= WIDE else max(30, min(width - 50, 80))


class IssuesTable(PaneTable):
    COLUMNS = ("number", "client", "text", "kind", "severity", "age", "state")
    BINDINGS = keys.bindings(keys.ISSUES)


class OverdueTable(PaneTable):
    COLUMNS = ("invoice", "client", "days", "amount", "bucket", "late")
    BINDINGS = keys.bindings(keys.OVERDUE)


class GratitudeTable(PaneTable):
    COLUMNS = ("number", "client", "text", "by")
    BINDINGS = keys.bindings(keys.GRATITUDE)


@dataclass(frozen=True)
class PaneSpec(Generic[R]):
    """One pane: everything the session, the board and the keys need to know of it.

    Every row type has a ``client``: a pane scoped to one client (``w``) keeps
    the rows whose ``row.client.id`` is that client's.
    """

    name: str
    """Widget id, tab id (``tab-<name>``), title key ``board.pane.<name>``, keys' place."""
    table: type[PaneTable]
    rows: Callable[[Book, pendulum.DateTime], Sequence[R]]
    """The rows, read from the book at ``now``, in the order shown."""
    key: Callable[[R], str]
    """A row's stable key: the table keeps the cursor on it across reads."""
    view: Callable[[R, str], RowView[R]]
    """A row's cells, in the reader's language (built in the reading thread)."""
    enter: Callable[[R, str], Intent]
    """What Enter on a row asks the board to do."""


PANES: tuple[PaneSpec[Any], ...] = (
    PaneSpec(keys.TODAY, TodayTable, Book.today, _today_key, today_view, _act_today),
    PaneSpec(keys.ISSUES, IssuesTable, Book.open_issues, _issue_key, issue_view, _resolve),
    PaneSpec(keys.OVERDUE, OverdueTable, Book.overdue, _overdue_key, overdue_view, _pay),
    PaneSpec(
        keys.GRATITUDE, GratitudeTable, _gratitude_rows, _gratitude_key, gratitude_view, _thank
    ),
)
"""The panes, in the order of their tabs; the first one shows when narrow."""


class Panes(Vertical):
    """Tabs over the panes when narrow; all side by side when wide.

    It opens on Today the first time the board starts on a day with something
    due, else on the tab the user left it on (see :mod:`tui.widgets.tab_memory`).
    """

    class Recalled(Message):
        """The remembered tab, read from its file in a worker."""

        def __init__(self, remembered: Remembered) -> None:
            super().__init__()
            self.remembered = remembered

    def __init__(self, *, remember_beside: Path | None = None, id: str | None = None) -> None:
        """``remember_beside``: the quick-log history file, whose folder keeps the tab."""
        super().__init__(id=id)
        self.tables: list[PaneTable] = [spec.table(spec) for spec in PANES]
        self.tables[0].add_class("-shown")
        self.memory = TabMemory.beside(remember_beside)
        self.remembered: Remembered | None = None
        self._first: tuple[pendulum.Date, bool] | None = None
        self._decided = False

    def compose(self) -> ComposeResult:
        tabs = (Tab(Text(p.title(0)), id=f"tab-{p.spec.name}") for p in self.tables)
        yield Tabs(*tabs, id="pane-tabs")
        with Horizontal(id="pane-row"):
            yield from self.tables

    def on_mount(self) -> None:
        self._recall()

    @work(thread=True, exit_on_error=False)
    def _recall(self) -> None:
        self.post_message(self.Recalled(self.memory.load()))

    @work(thread=True, exit_on_error=False, group="tab-memory")
    def _remember(self, remembered: Remembered) -> None:
        self.memory.save(remembered)

    def on_panes_recalled(self, message: Recalled) -> None:
        message.stop()
        self.remembered = message.remembered
        self._decide()

    def _decide(self) -> None:
        """Once both the memory and the first rows are in: which tab to open on."""
        if self._decided or self.remembered is None or self._first is None:
            return
        self._decided = True
        today, due = self._first[0].isoformat(), self._first[1]
        names = [table.spec.name for table in self.tables]
        # A tab remembered from another version of the board may be gone.
        tab = self.remembered.tab if self.remembered.tab in names else keys.ISSUES
        if due and self.remembered.today_shown != today:
            tab = keys.TODAY
            self.remembered = Remembered(tab, today)
            self._remember(self.remembered)
        else:  # the tab opened on is no new choice of the user's: nothing to write
            self.remembered = Remembered(tab, self.remembered.today_shown)
        self.query_one(Tabs).active = f"tab-{tab}"

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        shown = (event.tab.id or "").removeprefix("tab-")
        for table in self.tables:
            table.set_class(shown == table.spec.name, "-shown")
        remembered = self.remembered
        if self._decided and remembered is not None and shown != remembered.tab:
            self.remembered = Remembered(shown, remembered.today_shown)
            self._remember(self.remembered)

    def show(
        self,
        rows: Mapping[str, Sequence[RowView[Any]]],
        scope: str | None,
        *,
        complete: bool = True,
        day: pendulum.Date | None = None,
        counts: Mapping[str, int] | None = None,
    ) -> None:
        """Fill the panes (``rows`` by pane name); ``scope``: the one client they show.

        While the rows are not ``complete`` (a first look at a large book) the
        titles say "…" rather than a count that is about to change.  ``day``:
        today, for the first look, which decides the tab to open on.  ``counts``:
        the titles' counts, where ``rows`` are only the first ones (the first screen).
        """
        if day is not None and self._first is None:
            self._first = (day, bool(rows[keys.TODAY]))
            self._decide()
        tabs = self.query_one(Tabs)
        for table in self.tables:
            views = rows[table.spec.name]
            table.show(views)
            count = counts[table.spec.name] if counts else len(views) if complete else "…"
            title = table.title(count)
            tabs.query_one(f"#tab-{table.spec.name}", Tab).label = Text(title)
            table.border_title = safe(title if scope is None else f"{title} · {scope}")
